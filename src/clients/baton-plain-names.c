/* baton-plain-names.c — accessible names without mnemonic underscores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 gives a button with a mnemonic label ("_Retry") that text,
 * underscore included, as its accessible label, and the button's mnemonic
 * label names it as well: screen readers announce "_Retry Retry". Such a
 * button is named by its label alone, which reads "Retry".
 */
#define G_LOG_DOMAIN "baton-plain-names"

#include "config.h"

#include "baton-plain-names.h"

/**
 * baton_plain_button_names:
 * @root: a widget
 *
 * Names every button under @root (and @root itself) that has a mnemonic
 * label by that label's text only. Call it once the buttons have their
 * labels: setting a button's label names it again.
 */
void
baton_plain_button_names (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) &&
      gtk_button_get_use_underline (GTK_BUTTON (root)) &&
      gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    baton_plain_button_names (child);
}
