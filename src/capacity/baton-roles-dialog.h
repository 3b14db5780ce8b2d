/* baton-roles-dialog.h — add, rename, color, reorder and delete roles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"
#include "baton-undo-toaster.h"

G_BEGIN_DECLS

#define BATON_TYPE_ROLES_DIALOG (baton_roles_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BatonRolesDialog, baton_roles_dialog, BATON, ROLES_DIALOG, AdwPreferencesWindow)

GtkWidget   *baton_roles_dialog_new           (BatonStore       *store);

G_END_DECLS
