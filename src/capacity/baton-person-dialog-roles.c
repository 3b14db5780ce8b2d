/* baton-person-dialog-roles.c — the person dialog's roles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per role of the workspace: holds it (a check), primary (a radio,
 * one among the held roles). The rows follow the roles dialog's edits while
 * the person dialog is open, keeping what was checked.
 */

#define G_LOG_DOMAIN "baton-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-accessible.h"
#include "baton-person-dialog-private.h"
#include "baton-roles-dialog.h"

static BatonPersonRoleRow *
find_role_row (BatonPersonDialog *self,
               gint64             role_id)
{
  for (guint i = 0; i < self->role_rows->len; i++)
    {
      BatonPersonRoleRow *role_row = g_ptr_array_index (self->role_rows, i);

      if (baton_person_role_row_get_role_id (role_row) == role_id)
        return role_row;
    }

  return NULL;
}

/* One primary among the held roles, whatever was clicked. */
void
_baton_person_dialog_normalize_roles (BatonPersonDialog  *self,
                                      BatonPersonRoleRow *changed)
{
  BatonPersonRoleRow *primary = NULL;
  BatonPersonRoleRow *first_held = NULL;

  if (self->updating_roles)
    return;
  self->updating_roles = TRUE;

  for (guint i = 0; i < self->role_rows->len; i++)
    {
      BatonPersonRoleRow *role_row = g_ptr_array_index (self->role_rows, i);
      gboolean holds = baton_person_role_row_get_holds (role_row);

      if (holds && first_held == NULL)
        first_held = role_row;
      if (holds && baton_person_role_row_get_primary (role_row))
        primary = role_row;
    }

  if (primary == NULL)
    primary = first_held;

  for (guint i = 0; i < self->role_rows->len; i++)
    {
      BatonPersonRoleRow *role_row = g_ptr_array_index (self->role_rows, i);
      gboolean holds = baton_person_role_row_get_holds (role_row);

      gtk_widget_set_sensitive (GTK_WIDGET (baton_person_role_row_get_primary_button (role_row)), holds);
      baton_person_role_row_set_primary (role_row, role_row == primary);
    }

  self->updating_roles = FALSE;
  _baton_person_dialog_clear_error (self, "roles");
}

static void
on_holds_toggled (BatonPersonRoleRow *role_row,
                  BatonPersonDialog  *self)
{
  _baton_person_dialog_normalize_roles (self, role_row);
}

static void
on_primary_toggled (BatonPersonRoleRow *role_row,
                    BatonPersonDialog  *self)
{
  if (self->updating_roles || !baton_person_role_row_get_primary (role_row))
    return;

  /* Making a role primary means holding it. */
  self->updating_roles = TRUE;
  baton_person_role_row_set_holds (role_row, TRUE);
  self->updating_roles = FALSE;
  _baton_person_dialog_normalize_roles (self, role_row);
}

/* What is checked now, by role id, to keep it when the roles change. */
typedef struct
{
  gboolean holds;
  gboolean primary;
} RoleChecks;

static void
clear_role_rows (BatonPersonDialog *self,
                 GHashTable        *keep)
{
  for (guint i = 0; i < self->role_rows->len; i++)
    {
      BatonPersonRoleRow *role_row = g_ptr_array_index (self->role_rows, i);
      gint64 role_id = baton_person_role_row_get_role_id (role_row);

      if (keep != NULL)
        {
          RoleChecks *checks = g_new0 (RoleChecks, 1);

          checks->holds = baton_person_role_row_get_holds (role_row);
          checks->primary = baton_person_role_row_get_primary (role_row);
          g_hash_table_insert (keep, g_memdup2 (&role_id, sizeof role_id), checks);
        }
      adw_preferences_group_remove (self->roles_group, GTK_WIDGET (role_row));
    }
  g_ptr_array_set_size (self->role_rows, 0);

  if (self->no_roles_row != NULL)
    {
      adw_preferences_group_remove (self->roles_group, self->no_roles_row);
      self->no_roles_row = NULL;
      self->no_roles_button = NULL;
    }
}

/* One row per role: "holds" check, "primary" radio. Checked as @keep says
 * (the roles changed while the dialog is open), else as the store says. */
void
_baton_person_dialog_build_role_rows (BatonPersonDialog *self,
                                      GHashTable        *keep)
{
  GListModel *roles = baton_store_get_roles (self->store);
  guint n = g_list_model_get_n_items (roles);
  g_autoptr(GArray) held = NULL;
  GtkCheckButton *group = NULL;
  gint64 primary_id = 0;

  if (self->person != NULL && keep == NULL)
    {
      held = baton_store_get_person_role_ids (self->store, self->person);
      primary_id = baton_store_get_primary_role_id (self->store, self->person);
    }

  gtk_widget_set_visible (self->edit_roles_button, n > 0);

  if (n == 0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Add _Roles…"));

      self->no_roles_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->no_roles_row), _("No roles yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->no_roles_row),
                                   _("Add the roles your team holds, then check the ones this person holds."));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "person.manage-roles");
      baton_accessible_fix_mnemonics (button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self->no_roles_row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->no_roles_row), button);
      adw_preferences_group_add (self->roles_group, self->no_roles_row);
      self->no_roles_button = button;
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonRole) role = g_list_model_get_item (roles, i);
      gint64 role_id = baton_record_get_id (BATON_RECORD (role));
      BatonPersonRoleRow *role_row;
      RoleChecks *checks = keep != NULL ? g_hash_table_lookup (keep, &role_id) : NULL;
      gboolean holds = FALSE, primary = FALSE;

      if (checks != NULL)
        {
          holds = checks->holds;
          primary = checks->primary;
        }
      else if (held != NULL)
        {
          for (guint k = 0; k < held->len; k++)
            holds |= g_array_index (held, gint64, k) == role_id;
          primary = holds && role_id == primary_id;
        }

      role_row = BATON_PERSON_ROLE_ROW (baton_person_role_row_new (role, group, holds, primary));
      if (group == NULL)
        group = baton_person_role_row_get_primary_button (role_row);
      g_signal_connect (role_row, "holds-toggled", G_CALLBACK (on_holds_toggled), self);
      g_signal_connect (role_row, "primary-toggled", G_CALLBACK (on_primary_toggled), self);

      adw_preferences_group_add (self->roles_group, GTK_WIDGET (role_row));
      g_ptr_array_add (self->role_rows, role_row);
    }
}

/* Roles added, renamed or deleted in the roles dialog show here at once. */
void
_baton_person_dialog_on_roles_changed (BatonPersonDialog *self)
{
  g_autoptr(GHashTable) keep = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  clear_role_rows (self, keep);
  _baton_person_dialog_build_role_rows (self, keep);
  _baton_person_dialog_normalize_roles (self, NULL);
}

void
_baton_person_dialog_manage_roles_activated (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter)
{
  BatonPersonDialog *self = BATON_PERSON_DIALOG (widget);
  GtkWidget *dialog;

  if (self->roles_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->roles_dialog));
      return;
    }

  dialog = baton_roles_dialog_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_set_weak_pointer (&self->roles_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The roles checked, in list order, and the primary one among them (the
 * first when none is marked), 0 without roles. */
GArray *
_baton_person_dialog_get_checked_roles (BatonPersonDialog *self,
                                        gint64            *primary_id)
{
  GArray *role_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 role_id;

  *primary_id = 0;
  for (guint i = 0; i < self->role_rows->len; i++)
    {
      BatonPersonRoleRow *role_row = g_ptr_array_index (self->role_rows, i);

      if (!baton_person_role_row_get_holds (role_row))
        continue;
      role_id = baton_person_role_row_get_role_id (role_row);
      g_array_append_val (role_ids, role_id);
      if (baton_person_role_row_get_primary (role_row))
        *primary_id = role_id;
    }
  if (role_ids->len > 0 && *primary_id == 0)
    *primary_id = g_array_index (role_ids, gint64, 0);

  return role_ids;
}

/* For tests */

void
baton_person_dialog_set_role (BatonPersonDialog *self,
                              gint64             role_id,
                              gboolean           holds,
                              gboolean           primary)
{
  BatonPersonRoleRow *role_row;

  g_return_if_fail (BATON_IS_PERSON_DIALOG (self));

  role_row = find_role_row (self, role_id);
  g_return_if_fail (role_row != NULL);

  baton_person_role_row_set_holds (role_row, holds);
  if (primary)
    baton_person_role_row_set_primary (role_row, TRUE);
}

GtkWidget *
baton_person_dialog_get_roles_button (BatonPersonDialog *self)
{
  g_return_val_if_fail (BATON_IS_PERSON_DIALOG (self), NULL);

  if (self->no_roles_row == NULL)
    return self->edit_roles_button;

  return self->no_roles_button;
}

GtkWidget *
baton_person_dialog_get_roles_dialog (BatonPersonDialog *self)
{
  g_return_val_if_fail (BATON_IS_PERSON_DIALOG (self), NULL);

  return self->roles_dialog;
}

const char *
baton_person_dialog_get_role_title (BatonPersonDialog *self,
                                    gint64             role_id)
{
  BatonPersonRoleRow *role_row;

  g_return_val_if_fail (BATON_IS_PERSON_DIALOG (self), NULL);

  role_row = find_role_row (self, role_id);
  return role_row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (role_row)) : NULL;
}

guint
baton_person_dialog_get_n_role_rows (BatonPersonDialog *self)
{
  g_return_val_if_fail (BATON_IS_PERSON_DIALOG (self), 0);

  return self->role_rows->len;
}
