/* baton-role-row.c — one role in the roles dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The row knows its role by id (a deleted role is looked up as gone, not
 * kept alive) and says what its buttons want with signals; the dialog
 * makes the store calls.
 */

#define G_LOG_DOMAIN "baton-roles-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-role-row.h"

struct _BatonRoleRow
{
  AdwEntryRow     parent_instance;

  GtkColorButton *color;
  GtkWidget      *delete_button;
  gint64          role_id;
};

enum {
  MOVE,
  DELETE,
  COLOR_SET,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BatonRoleRow, baton_role_row, ADW_TYPE_ENTRY_ROW)

static void
baton_role_row_class_init (BatonRoleRowClass *klass)
{
  /**
   * BatonRoleRow::move:
   * @delta: −1 to move the role up, 1 down
   */
  signals[MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /**
   * BatonRoleRow::delete:
   *
   * The Delete button was clicked.
   */
  signals[DELETE] =
    g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * BatonRoleRow::color-set:
   *
   * A color was chosen (baton_role_row_dup_color ()).
   */
  signals[COLOR_SET] =
    g_signal_new ("color-set", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
baton_role_row_init (BatonRoleRow *self)
{
}

static void
on_up_clicked (BatonRoleRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
on_down_clicked (BatonRoleRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
on_delete_clicked (BatonRoleRow *self)
{
  g_signal_emit (self, signals[DELETE], 0);
}

static void
on_color_set (BatonRoleRow *self)
{
  g_signal_emit (self, signals[COLOR_SET], 0);
}

static char *
describe_usage (guint n_people,
                guint n_tasks)
{
  g_autofree char *people = NULL;
  g_autofree char *tasks = NULL;

  if (n_people == 0 && n_tasks == 0)
    return g_strdup (_("Not in use — can be deleted"));

  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n_people), n_people);
  tasks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks", n_tasks), n_tasks);
  /* Translators: how many people hold a role and how many tasks need it */
  return g_strdup_printf (_("Held by %s · needed by %s"), people, tasks);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip,
             const char *accessible_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name,
                                  -1);
  return button;
}

GtkWidget *
baton_role_row_new (BatonRole  *role,
                    guint       index,
                    guint       n_roles,
                    guint       n_people,
                    guint       n_tasks,
                    const char *default_color)
{
  BatonRoleRow *self;
  const char *name;
  g_autofree char *usage = NULL;
  g_autofree char *label = NULL;
  GtkWidget *up, *down;
  GdkRGBA rgba;

  g_return_val_if_fail (BATON_IS_ROLE (role), NULL);
  g_return_val_if_fail (default_color != NULL, NULL);

  self = g_object_new (BATON_TYPE_ROLE_ROW, NULL);
  self->role_id = baton_record_get_id (BATON_RECORD (role));
  name = baton_role_get_name (role);
  usage = describe_usage (n_people, n_tasks);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), usage);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self), name);
  /* Translators: accessible name of a role's name field */
  label = g_strdup_printf (_("Name of role %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  self->color = GTK_COLOR_BUTTON (gtk_color_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->color), GTK_ALIGN_CENTER);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (self->color), FALSE);
  if (baton_role_get_color (role) == NULL || !gdk_rgba_parse (&rgba, baton_role_get_color (role)))
    gdk_rgba_parse (&rgba, default_color);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color), &rgba);
  g_free (label);
  /* Translators: accessible name of a role's color button */
  label = g_strdup_printf (_("Color of role %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->color), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_swapped (self->color, "color-set", G_CALLBACK (on_color_set), self);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (self), GTK_WIDGET (self->color));

  g_free (label);
  label = g_strdup_printf (_("Move %s up"), name);
  up = icon_button ("go-up-symbolic", _("Move Up"), label);
  gtk_widget_set_sensitive (up, index > 0);
  g_signal_connect_swapped (up, "clicked", G_CALLBACK (on_up_clicked), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), up);

  g_free (label);
  label = g_strdup_printf (_("Move %s down"), name);
  down = icon_button ("go-down-symbolic", _("Move Down"), label);
  gtk_widget_set_sensitive (down, index + 1 < n_roles);
  g_signal_connect_swapped (down, "clicked", G_CALLBACK (on_down_clicked), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), down);

  g_free (label);
  label = g_strdup_printf (_("Delete %s"), name);
  self->delete_button = icon_button ("user-trash-symbolic",
                                     n_people + n_tasks == 0 ? _("Delete")
                                                             : _("Move its people and tasks to other roles before deleting it"),
                                     label);
  g_signal_connect_swapped (self->delete_button, "clicked", G_CALLBACK (on_delete_clicked), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->delete_button);

  return GTK_WIDGET (self);
}

gint64
baton_role_row_get_role_id (BatonRoleRow *self)
{
  g_return_val_if_fail (BATON_IS_ROLE_ROW (self), 0);

  return self->role_id;
}

char *
baton_color_button_dup_color (GtkColorButton *button)
{
  GdkRGBA rgba;

  g_return_val_if_fail (GTK_IS_COLOR_BUTTON (button), NULL);

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);

  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) CLAMP (rgba.red * 255 + 0.5, 0, 255),
                          (guint) CLAMP (rgba.green * 255 + 0.5, 0, 255),
                          (guint) CLAMP (rgba.blue * 255 + 0.5, 0, 255));
}

char *
baton_role_row_dup_color (BatonRoleRow *self)
{
  g_return_val_if_fail (BATON_IS_ROLE_ROW (self), NULL);

  return baton_color_button_dup_color (self->color);
}

GtkButton *
baton_role_row_get_delete_button (BatonRoleRow *self)
{
  g_return_val_if_fail (BATON_IS_ROLE_ROW (self), NULL);

  return GTK_BUTTON (self->delete_button);
}
