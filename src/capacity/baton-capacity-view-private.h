/* baton-capacity-view-private.h — what tests and benchmarks reach into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grid draws its cells in snapshot, so tests read what it draws
 * through the same function snapshot uses (the cell info), find cells by
 * coordinates the drop target would get, and drive the real drag source
 * and drop target.
 */
#pragma once

#include "baton-capacity-grid.h"
#include "baton-capacity-view.h"
#include "baton-cell-popover.h"

G_BEGIN_DECLS

BatonCapacityGrid *baton_capacity_view_get_grid          (BatonCapacityView *self);
GtkDragSource     *baton_capacity_view_get_drag_source   (BatonCapacityView *self);
GtkDropTarget     *baton_capacity_view_get_drop_target   (BatonCapacityView *self);

/* What the cell of @person_id in week @week (0 = first week shown) shows,
 * "32 / 40 h"; NULL when that person has no row. Free with g_free (). */
char              *baton_capacity_view_get_cell_text     (BatonCapacityView *self,
                                                          gint64             person_id,
                                                          guint              week);
gboolean           baton_capacity_view_get_cell_info     (BatonCapacityView *self,
                                                          gint64             person_id,
                                                          guint              week,
                                                          BatonGridCellInfo *info);
/* The centre of a cell in the grid's coordinates, after scrolling it into
 * view: the person's cell when @person_id is not 0, else the Unassigned
 * cell of @role_id. @week -1 is the name column. */
gboolean           baton_capacity_view_get_cell_point    (BatonCapacityView *self,
                                                          gint64             person_id,
                                                          gint64             role_id,
                                                          gint               week,
                                                          double            *x,
                                                          double            *y);

/* Which first-run state shows: "no-roles", "no-people" (a status page
 * instead of the grid), "no-cards" (the grid, with a bar pointing to the
 * clients and the board) or NULL; and the widget that shows it (the status
 * page or the bar), whose buttons lead on. */
const char        *baton_capacity_view_get_empty_state   (BatonCapacityView *self);
GtkWidget         *baton_capacity_view_get_empty_page    (BatonCapacityView *self);

/* The chip shown under the pointer during a real drag (a BatonTaskChip),
 * or NULL; @rect (nullable): where it is, in the grid's coordinates, as
 * placed for the last pointer position over the grid (0 × 0 before). */
GtkWidget         *baton_capacity_view_get_drag_icon     (BatonCapacityView *self,
                                                          GdkRectangle      *rect);

/* The open popover and dialogs, or NULL. */
BatonCellPopover  *baton_capacity_view_get_cell_popover  (BatonCapacityView *self);
GtkWidget         *baton_capacity_view_get_room_dialog   (BatonCapacityView *self);
GtkWidget         *baton_capacity_view_get_person_dialog (BatonCapacityView *self);
GtkWidget         *baton_capacity_view_get_roles_dialog  (BatonCapacityView *self);
GtkWidget         *baton_capacity_view_get_archived_dialog (BatonCapacityView *self);

G_END_DECLS
