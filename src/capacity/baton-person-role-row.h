/* baton-person-role-row.h — one role a person may hold, in the person dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_PERSON_ROLE_ROW (baton_person_role_row_get_type ())
G_DECLARE_FINAL_TYPE (BatonPersonRoleRow, baton_person_role_row, BATON, PERSON_ROLE_ROW, AdwActionRow)

/* The role's name (following renames), a "holds" check and a "primary"
 * radio in @group (nullable: the first row starts the group; see
 * baton_person_role_row_get_primary_button ()). Emits "holds-toggled" and
 * "primary-toggled" when the person checks them. */
GtkWidget      *baton_person_role_row_new                (BatonRole          *role,
                                                          GtkCheckButton     *group,
                                                          gboolean            holds,
                                                          gboolean            primary);
gint64          baton_person_role_row_get_role_id        (BatonPersonRoleRow *self);
gboolean        baton_person_role_row_get_holds          (BatonPersonRoleRow *self);
void            baton_person_role_row_set_holds          (BatonPersonRoleRow *self,
                                                          gboolean            holds);
gboolean        baton_person_role_row_get_primary        (BatonPersonRoleRow *self);
void            baton_person_role_row_set_primary        (BatonPersonRoleRow *self,
                                                          gboolean            primary);
GtkCheckButton *baton_person_role_row_get_primary_button (BatonPersonRoleRow *self);

G_END_DECLS
