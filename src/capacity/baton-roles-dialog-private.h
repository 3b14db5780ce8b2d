/* baton-roles-dialog-private.h — what baton-roles-dialog's tests read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-roles-dialog.h"

G_BEGIN_DECLS

/* For tests: the rows behind each control. */
AdwEntryRow *baton_roles_dialog_get_new_row   (BatonRolesDialog *self);
AdwEntryRow *baton_roles_dialog_get_role_row  (BatonRolesDialog *self,
                                               gint64            role_id);
GtkButton   *baton_roles_dialog_get_delete_button (BatonRolesDialog *self,
                                               gint64            role_id);
/* The toasts of the dialog. */
BatonUndoToaster *baton_roles_dialog_get_toaster (BatonRolesDialog *self);
/* The error shown, or NULL. */
const char  *baton_roles_dialog_get_error     (BatonRolesDialog *self);

G_END_DECLS
