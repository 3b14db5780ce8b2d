/* baton-person-role-row.c — one role a person may hold, in the person dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog keeps the rules across rows (one primary role, held); a row
 * only shows its two buttons and says when the person toggles them.
 */

#define G_LOG_DOMAIN "baton-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-person-role-row.h"

struct _BatonPersonRoleRow
{
  AdwActionRow    parent_instance;

  GtkCheckButton *holds;
  GtkCheckButton *primary;
  gint64          role_id;
};

enum {
  HOLDS_TOGGLED,
  PRIMARY_TOGGLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BatonPersonRoleRow, baton_person_role_row, ADW_TYPE_ACTION_ROW)

static void
baton_person_role_row_class_init (BatonPersonRoleRowClass *klass)
{
  /**
   * BatonPersonRoleRow::holds-toggled:
   *
   * The "holds" check changed.
   */
  signals[HOLDS_TOGGLED] =
    g_signal_new ("holds-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * BatonPersonRoleRow::primary-toggled:
   *
   * The "primary" radio changed.
   */
  signals[PRIMARY_TOGGLED] =
    g_signal_new ("primary-toggled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
baton_person_role_row_init (BatonPersonRoleRow *self)
{
}

static void
on_holds_toggled (BatonPersonRoleRow *self)
{
  g_signal_emit (self, signals[HOLDS_TOGGLED], 0);
}

static void
on_primary_toggled (BatonPersonRoleRow *self)
{
  g_signal_emit (self, signals[PRIMARY_TOGGLED], 0);
}

static void
on_role_renamed (BatonRole          *role,
                 GParamSpec         *pspec,
                 AdwPreferencesRow  *row)
{
  adw_preferences_row_set_title (row, baton_role_get_name (role));
}

GtkWidget *
baton_person_role_row_new (BatonRole      *role,
                           GtkCheckButton *group,
                           gboolean        holds,
                           gboolean        primary)
{
  BatonPersonRoleRow *self;
  g_autofree char *primary_label = NULL;

  g_return_val_if_fail (BATON_IS_ROLE (role), NULL);
  g_return_val_if_fail (group == NULL || GTK_IS_CHECK_BUTTON (group), NULL);

  self = g_object_new (BATON_TYPE_PERSON_ROLE_ROW, NULL);
  self->role_id = baton_record_get_id (BATON_RECORD (role));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), baton_role_get_name (role));
  /* Renamed in the roles dialog: the row follows. */
  g_signal_connect_object (role, "notify::name", G_CALLBACK (on_role_renamed), self, 0);

  self->holds = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->holds), GTK_ALIGN_CENTER);
  gtk_check_button_set_active (self->holds, holds);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->holds),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, baton_role_get_name (role),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->holds));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->holds));

  self->primary = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("Primary")));
  gtk_widget_set_valign (GTK_WIDGET (self->primary), GTK_ALIGN_CENTER);
  gtk_check_button_set_group (self->primary, group);
  gtk_check_button_set_active (self->primary, primary);
  gtk_widget_set_sensitive (GTK_WIDGET (self->primary), holds);
  /* Translators: accessible name of the radio button making a role primary */
  primary_label = g_strdup_printf (_("%s is the primary role"), baton_role_get_name (role));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->primary),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, primary_label,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->primary));

  g_signal_connect_swapped (self->holds, "toggled", G_CALLBACK (on_holds_toggled), self);
  g_signal_connect_swapped (self->primary, "toggled", G_CALLBACK (on_primary_toggled), self);

  return GTK_WIDGET (self);
}

gint64
baton_person_role_row_get_role_id (BatonPersonRoleRow *self)
{
  g_return_val_if_fail (BATON_IS_PERSON_ROLE_ROW (self), 0);

  return self->role_id;
}

gboolean
baton_person_role_row_get_holds (BatonPersonRoleRow *self)
{
  g_return_val_if_fail (BATON_IS_PERSON_ROLE_ROW (self), FALSE);

  return gtk_check_button_get_active (self->holds);
}

void
baton_person_role_row_set_holds (BatonPersonRoleRow *self,
                                 gboolean            holds)
{
  g_return_if_fail (BATON_IS_PERSON_ROLE_ROW (self));

  gtk_check_button_set_active (self->holds, holds);
}

gboolean
baton_person_role_row_get_primary (BatonPersonRoleRow *self)
{
  g_return_val_if_fail (BATON_IS_PERSON_ROLE_ROW (self), FALSE);

  return gtk_check_button_get_active (self->primary);
}

void
baton_person_role_row_set_primary (BatonPersonRoleRow *self,
                                   gboolean            primary)
{
  g_return_if_fail (BATON_IS_PERSON_ROLE_ROW (self));

  gtk_check_button_set_active (self->primary, primary);
}

GtkCheckButton *
baton_person_role_row_get_primary_button (BatonPersonRoleRow *self)
{
  g_return_val_if_fail (BATON_IS_PERSON_ROLE_ROW (self), NULL);

  return self->primary;
}
