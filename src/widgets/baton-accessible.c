/* baton-accessible.c — accessible names without mnemonic underscores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 sets the accessible label of a GtkButton or GtkCheckButton to
 * its label text as given, mnemonic underscore included, so a screen
 * reader says "underscore Add Stage" (and the name computed from it and
 * the child label reads "_Add Stage Add Stage"). The label as shown,
 * without the underscore, replaces it here, and follows the label.
 */

#define G_LOG_DOMAIN "baton-accessible"

#include "config.h"

#include <string.h>

#include "baton-accessible.h"

#define FIXED_KEY "baton-accessible-fixed"

static void
update_label (GtkWidget *widget)
{
  const char *label = NULL;
  gboolean underline = FALSE;

  if (GTK_IS_BUTTON (widget))
    {
      label = gtk_button_get_label (GTK_BUTTON (widget));
      underline = gtk_button_get_use_underline (GTK_BUTTON (widget));
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
      underline = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget));
    }

  if (label == NULL || !underline || strchr (label, '_') == NULL)
    return;

  /* The mnemonic label already names the button (it is labelled by it):
   * a label property of its own, stripped or not, would be read out too
   * ("Today Today"). */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
fix (GtkWidget *widget)
{
  if (!GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget))
    return;
  if (g_object_get_data (G_OBJECT (widget), FIXED_KEY) != NULL)
    return;

  g_object_set_data (G_OBJECT (widget), FIXED_KEY, GINT_TO_POINTER (TRUE));
  /* After GTK's own handler, which sets the raw label again. */
  g_signal_connect_after (widget, "notify::label", G_CALLBACK (update_label), NULL);
  g_signal_connect_after (widget, "notify::use-underline", G_CALLBACK (update_label), NULL);
  update_label (widget);
}

void
baton_accessible_fix_mnemonics (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  fix (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    baton_accessible_fix_mnemonics (child);
}
