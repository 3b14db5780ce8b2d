/* baton-person-dialog-private.h — what baton-person-dialog's tests read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-person-dialog.h"

G_BEGIN_DECLS

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
