/* baton-read-only.c — no editing in a workspace that cannot be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store refuses every change to a read-only workspace; this makes the
 * controls that would ask for one insensitive, so that a view needs one
 * call. A file is read-only, or not, from the moment it is opened; a team
 * workspace turns read-only while its server cannot be reached and back,
 * so the actions follow BatonStore:read-only.
 */

#define G_LOG_DOMAIN "baton-read-only"

#include "config.h"

#include "baton-read-only.h"

#define ACTIONS_KEY "baton-read-only-actions"

static void
apply (GtkWidget  *widget,
       BatonStore *store)
{
  const char * const *actions = g_object_get_data (G_OBJECT (widget), ACTIONS_KEY);
  gboolean writable = !baton_store_get_read_only (store);

  for (guint i = 0; actions != NULL && actions[i] != NULL; i++)
    gtk_widget_action_set_enabled (widget, actions[i], writable);
}

static void
on_read_only_changed (BatonStore *store,
                      GParamSpec *pspec,
                      GtkWidget  *widget)
{
  apply (widget, store);
}

void
baton_read_only_disable_actions (GtkWidget          *widget,
                                 BatonStore         *store,
                                 const char * const *actions)
{
  gboolean first;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (BATON_IS_STORE (store));
  g_return_if_fail (actions != NULL);

  first = g_object_get_data (G_OBJECT (widget), ACTIONS_KEY) == NULL;
  g_object_set_data_full (G_OBJECT (widget), ACTIONS_KEY, g_strdupv ((char **) actions), (GDestroyNotify) g_strfreev);
  if (first)
    g_signal_connect_object (store, "notify::read-only", G_CALLBACK (on_read_only_changed), widget, 0);
  apply (widget, store);
}
