/* baton-role-row.h — one role in the roles dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_ROLE_ROW (baton_role_row_get_type ())
G_DECLARE_FINAL_TYPE (BatonRoleRow, baton_role_row, BATON, ROLE_ROW, AdwEntryRow)

/* The role's name to edit (applied with the row's "apply"), its color, Move
 * Up (when @index > 0), Move Down (when @index + 1 < @n_roles) and Delete;
 * the title says how many people hold it and how many tasks need it. The
 * row emits "move" (−1 or 1), "delete" and "color-set"; the dialog acts. */
GtkWidget  *baton_role_row_new               (BatonRole    *role,
                                              guint         index,
                                              guint         n_roles,
                                              guint         n_people,
                                              guint         n_tasks,
                                              const char   *default_color);
gint64      baton_role_row_get_role_id       (BatonRoleRow *self);
/* The color chosen, "#rrggbb". Free with g_free (). */
char       *baton_role_row_dup_color         (BatonRoleRow *self);
GtkButton  *baton_role_row_get_delete_button (BatonRoleRow *self);

/* "#rrggbb" of a color button's color. Free with g_free (). */
char       *baton_color_button_dup_color     (GtkColorButton *button);

G_END_DECLS
