/* baton-cell-task-row.c — one task in a capacity cell's popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row holds its task; the popover gives it its drag source and builds
 * its menu when the menu button opens.
 */

#define G_LOG_DOMAIN "baton-cell-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-cell-task-row.h"
#include "baton-duration.h"

struct _BatonCellTaskRow
{
  GtkListBoxRow  parent_instance;

  BatonTask     *task;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (BatonCellTaskRow, baton_cell_task_row, GTK_TYPE_LIST_BOX_ROW)

static void
baton_cell_task_row_dispose (GObject *object)
{
  BatonCellTaskRow *self = BATON_CELL_TASK_ROW (object);

  g_clear_object (&self->task);

  G_OBJECT_CLASS (baton_cell_task_row_parent_class)->dispose (object);
}

static void
baton_cell_task_row_class_init (BatonCellTaskRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baton_cell_task_row_dispose;
}

static void
baton_cell_task_row_init (BatonCellTaskRow *self)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "capacity-task-row");
}

GtkWidget *
baton_cell_task_row_new (BatonTask    *task,
                         BatonProgram *program,
                         double        minutes)
{
  BatonCellTaskRow *self;
  GtkWidget *box, *handle, *text, *title, *caption, *hours, *button;
  g_autofree char *hours_text = NULL;
  g_autofree char *figure = baton_duration_format_hours (minutes);
  g_autofree char *menu_label = NULL;
  g_autofree char *row_label = NULL;

  g_return_val_if_fail (BATON_IS_TASK (task), NULL);
  g_return_val_if_fail (program == NULL || BATON_IS_PROGRAM (program), NULL);

  self = g_object_new (BATON_TYPE_CELL_TASK_ROW, NULL);
  self->task = g_object_ref (task);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");
  gtk_widget_add_css_class (handle, "dim-label");
  gtk_box_append (GTK_BOX (box), handle);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text);

  title = gtk_label_new (baton_task_get_title (task));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 32);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (text), title);

  caption = gtk_label_new (program != NULL ? baton_program_get_name (program) : _("No program"));
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (text), caption);

  /* Translators: a task's hours in the week of the cell: "12 h" */
  hours_text = g_strdup_printf (_("%s h"), figure);
  hours = gtk_label_new (hours_text);
  gtk_widget_add_css_class (hours, "numeric");
  gtk_widget_add_css_class (hours, "capacity-task-hours");
  gtk_box_append (GTK_BOX (box), hours);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: the accessible name of a task's menu button; %s is its title */
  menu_label = g_strdup_printf (_("Move “%s”"), baton_task_get_title (task));
  gtk_widget_set_tooltip_text (button, _("Reassign or Move"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);
  gtk_box_append (GTK_BOX (box), button);
  self->menu_button = GTK_MENU_BUTTON (button);

  /* Translators: accessible name of a task row: title, program, hours */
  row_label = g_strdup_printf (_("%s, %s, %s"), baton_task_get_title (task),
                               program != NULL ? baton_program_get_name (program) : _("No program"),
                               hours_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, row_label,
                                  -1);

  return GTK_WIDGET (self);
}

BatonTask *
baton_cell_task_row_get_task (BatonCellTaskRow *self)
{
  g_return_val_if_fail (BATON_IS_CELL_TASK_ROW (self), NULL);

  return self->task;
}

GtkMenuButton *
baton_cell_task_row_get_menu_button (BatonCellTaskRow *self)
{
  g_return_val_if_fail (BATON_IS_CELL_TASK_ROW (self), NULL);

  return self->menu_button;
}
