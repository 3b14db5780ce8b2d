/* baton-read-only.c — no editing in a workspace that cannot be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store refuses every change to a read-only workspace; this makes the
 * controls that would ask for one insensitive, so that a view needs one
 * call. A store is read-only, or not, from the moment it is opened
 * (BatonStore:read-only does not change), so the actions are set once.
 */

#define G_LOG_DOMAIN "baton-read-only"

#include "config.h"

#include "baton-read-only.h"

void
baton_read_only_disable_actions (GtkWidget          *widget,
                                 BatonStore         *store,
                                 const char * const *actions)
{
  gboolean writable;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (BATON_IS_STORE (store));
  g_return_if_fail (actions != NULL);

  writable = !baton_store_get_read_only (store);
  for (guint i = 0; actions[i] != NULL; i++)
    gtk_widget_action_set_enabled (widget, actions[i], writable);
}
