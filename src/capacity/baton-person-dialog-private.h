/* baton-person-dialog-private.h — the dialog's shared insides, and what
 * its tests read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-person-dialog.h"
#include "baton-person-role-row.h"

G_BEGIN_DECLS

struct _BatonPersonDialog
{
  AdwWindow            parent_instance;

  /* Template children */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  AdwPreferencesGroup *general_group;
  AdwPreferencesGroup *roles_group;
  AdwPreferencesGroup *time_off_group;
  AdwPreferencesGroup *archive_group;
  GtkWidget           *no_time_off_row;
  GtkLabel            *general_error;
  GtkLabel            *person_error;
  GtkLabel            *roles_error;
  GtkLabel            *time_off_error;
  AdwEntryRow         *name_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *capacity_row;
  AdwEntryRow         *off_start_row;
  AdwEntryRow         *off_end_row;
  AdwEntryRow         *off_note_row;
  GtkColorButton      *color_button;
  GtkSwitch           *placeholder_switch;
  GtkWidget           *edit_roles_button;

  /* Children made in code */
  GtkWidget           *no_roles_row;   /* when there is no role yet */
  GtkWidget           *no_roles_button;

  /* Owned references */
  BatonStore          *store;
  BatonPerson         *person;
  GPtrArray           *role_rows;   /* BatonPersonRoleRow, unowned, in order */
  GPtrArray           *off;         /* BatonTimeOffRow */
  GHashTable          *errors;      /* field → message */

  /* Weak references */
  GtkWidget           *roles_dialog;

  /* State */
  gboolean             updating_roles;
};

/* The fields and their errors (baton-person-dialog.c); @field as
 * baton_person_dialog_get_error () takes it. */
void     _baton_person_dialog_set_error              (BatonPersonDialog  *self,
                                                      const char         *field,
                                                      const char         *message);
void     _baton_person_dialog_clear_error            (BatonPersonDialog  *self,
                                                      const char         *field);
/* The entry's text without surrounding spaces. */
char    *_baton_person_dialog_entry_text             (AdwEntryRow        *row);

/* The roles section (baton-person-dialog-roles.c). @keep: NULL, or the
 * rows' checks by role id, to keep while the roles change. */
void     _baton_person_dialog_build_role_rows        (BatonPersonDialog  *self,
                                                      GHashTable         *keep);
void     _baton_person_dialog_normalize_roles        (BatonPersonDialog  *self,
                                                      BatonPersonRoleRow *changed);
void     _baton_person_dialog_on_roles_changed       (BatonPersonDialog  *self);
void     _baton_person_dialog_manage_roles_activated (GtkWidget          *widget,
                                                      const char         *action_name,
                                                      GVariant           *parameter);
GArray  *_baton_person_dialog_get_checked_roles      (BatonPersonDialog  *self,
                                                      gint64             *primary_id);

/* The time off section (baton-person-dialog-time-off.c). */
void     _baton_person_dialog_build_time_off_rows    (BatonPersonDialog  *self);
gboolean _baton_person_dialog_take_typed_time_off    (BatonPersonDialog  *self,
                                                      gboolean            allow_empty);
gboolean _baton_person_dialog_write_time_off         (BatonPersonDialog  *self,
                                                      BatonStore         *store,
                                                      BatonPerson        *person,
                                                      GError            **error);

/* For tests: a field's entry ("name", "email", "capacity", "off-start",
 * "off-end", "off-note") and the error shown for a field ("name", "email",
 * "capacity", "roles", "time-off", "general"), NULL when none. */
AdwEntryRow *baton_person_dialog_get_entry (BatonPersonDialog *self,
                                            const char        *field);
const char  *baton_person_dialog_get_error (BatonPersonDialog *self,
                                            const char        *field);
void         baton_person_dialog_set_role  (BatonPersonDialog *self,
                                            gint64             role_id,
                                            gboolean           holds,
                                            gboolean           primary);

/* For tests: the button that opens the roles dialog (the "Add Roles…" of
 * the empty roles list, or "Edit Roles…"), that dialog when open, and how
 * many roles the dialog lists to check. */
GtkWidget   *baton_person_dialog_get_roles_button (BatonPersonDialog *self);
GtkWidget   *baton_person_dialog_get_roles_dialog (BatonPersonDialog *self);
guint        baton_person_dialog_get_n_role_rows  (BatonPersonDialog *self);
const char  *baton_person_dialog_get_role_title   (BatonPersonDialog *self,
                                                   gint64             role_id);

G_END_DECLS
