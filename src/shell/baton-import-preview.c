/* baton-import-preview.c — the parts the import dialogs' previews share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-import"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-import-preview.h"

/* More warnings than this are counted, not listed. */
#define MAX_WARNINGS 200

/* The warnings as a boxed list, a row each (the first MAX_WARNINGS, then
 * how many more). */
void
baton_import_warnings_fill (GtkWidget *list,
                            GPtrArray *warnings)
{
  guint n_warnings = warnings != NULL ? warnings->len : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);

  for (guint i = 0; i <= MIN (n_warnings, MAX_WARNINGS); i++)
    {
      g_autofree char *more = NULL;
      GtkWidget *label;

      if (i == MIN (n_warnings, MAX_WARNINGS))
        {
          guint n_more = n_warnings - i;

          if (n_more == 0)
            break;
          more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "… and %u more warning",
                                               "… and %u more warnings", n_more),
                                  n_more);
        }

      label = gtk_label_new (more != NULL ? more : g_ptr_array_index (warnings, i));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_last_child (list)), FALSE);
    }
}

GtkWidget *
baton_import_warnings_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warnings"), -1);
  return list;
}

/* Adds a line of @format (a count, %u) to @body when @n is not 0. */
void
baton_import_append_count (GString    *body,
                           guint       n,
                           const char *format)
{
  if (n == 0)
    return;

  if (body->len > 0)
    g_string_append_c (body, '\n');
  g_string_append_printf (body, format, n);
}
