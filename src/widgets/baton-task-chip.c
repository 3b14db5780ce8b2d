/* baton-task-chip.c — a task as a small chip: role color, title, hours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSS node "taskchip" with a .baton-swatch bar tinted by the role's color
 * class, a bold title and the hours. Used as the drag icon of a task: it
 * paints its whole allocation with an opaque background, and its corners
 * stay square when the display has no compositor (an X server without a
 * compositing manager shows unpainted pixels of a drag surface as black or
 * as whatever was on screen before).
 */

#define G_LOG_DOMAIN "baton-task-chip"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-colors.h"
#include "baton-duration.h"
#include "baton-task-chip-private.h"

struct _BatonTaskChip
{
  GtkWidget  parent_instance;

  /* Children */
  GtkWidget *bar;
  GtkLabel  *title;
  GtkLabel  *hours;

  /* Owned references */
  BatonTask *task;
};

G_DEFINE_FINAL_TYPE (BatonTaskChip, baton_task_chip, GTK_TYPE_WIDGET)

static void
baton_task_chip_dispose (GObject *object)
{
  BatonTaskChip *self = BATON_TASK_CHIP (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->bar = NULL;
  self->title = NULL;
  self->hours = NULL;
  g_clear_object (&self->task);

  G_OBJECT_CLASS (baton_task_chip_parent_class)->dispose (object);
}

static void
baton_task_chip_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (baton_task_chip_parent_class)->root (widget);

  /* Rounded corners leave pixels unpainted: only where they are blended. */
  if (gdk_display_is_composited (gtk_widget_get_display (widget)))
    gtk_widget_remove_css_class (widget, "square");
  else
    gtk_widget_add_css_class (widget, "square");
}

static void
baton_task_chip_class_init (BatonTaskChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_task_chip_dispose;
  widget_class->root = baton_task_chip_root;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "taskchip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
baton_task_chip_init (BatonTaskChip *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 8);

  self->bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->bar, "baton-swatch");
  gtk_widget_set_parent (self->bar, GTK_WIDGET (self));

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->title, 28);
  gtk_label_set_single_line_mode (self->title, TRUE);
  gtk_label_set_xalign (self->title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title");
  gtk_widget_set_parent (GTK_WIDGET (self->title), GTK_WIDGET (self));

  self->hours = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->hours), "hours");
  gtk_widget_add_css_class (GTK_WIDGET (self->hours), "numeric");
  gtk_widget_set_parent (GTK_WIDGET (self->hours), GTK_WIDGET (self));
}

GtkWidget *
baton_task_chip_new (BatonTask *task,
                     BatonRole *role,
                     double     minutes)
{
  BatonTaskChip *self;
  g_autofree char *figure = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *accessible = NULL;
  const char *color_class;

  g_return_val_if_fail (BATON_IS_TASK (task), NULL);
  g_return_val_if_fail (role == NULL || BATON_IS_ROLE (role), NULL);

  self = g_object_new (BATON_TYPE_TASK_CHIP, NULL);
  self->task = g_object_ref (task);

  /* Plain text: a title is shown exactly as typed. */
  gtk_label_set_text (self->title, baton_task_get_title (task));

  figure = baton_duration_format_hours (minutes);
  /* Translators: a task's hours on its drag chip: "16 h" */
  hours = g_strdup_printf (_("%s h"), figure);
  gtk_label_set_text (self->hours, hours);

  color_class = role != NULL ? baton_color_css_class (baton_role_get_color (role)) : NULL;
  if (color_class != NULL)
    baton_widget_set_color_class (self->bar, color_class);
  else
    gtk_widget_add_css_class (self->bar, "dim-label");

  /* Translators: the accessible name of a dragged task: its title, then “16 h” */
  accessible = g_strdup_printf (_("%s, %s"), baton_task_get_title (task), hours);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return GTK_WIDGET (self);
}

BatonTask *
baton_task_chip_get_task (BatonTaskChip *self)
{
  g_return_val_if_fail (BATON_IS_TASK_CHIP (self), NULL);

  return self->task;
}

const char *
baton_task_chip_get_title (BatonTaskChip *self)
{
  g_return_val_if_fail (BATON_IS_TASK_CHIP (self), NULL);

  return gtk_label_get_text (self->title);
}

const char *
baton_task_chip_get_hours (BatonTaskChip *self)
{
  g_return_val_if_fail (BATON_IS_TASK_CHIP (self), NULL);

  return gtk_label_get_text (self->hours);
}
