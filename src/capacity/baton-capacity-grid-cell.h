/* baton-capacity-grid-cell.h — a grid cell as a screen reader finds it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BATON_TYPE_CAPACITY_GRID_CELL (baton_capacity_grid_cell_get_type ())
G_DECLARE_FINAL_TYPE (BatonCapacityGridCell, baton_capacity_grid_cell,
                      BATON, CAPACITY_GRID_CELL, GtkWidget)

/* An empty widget with @role (a grid cell, a row or a column header) that
 * draws nothing and takes no input: the grid paints the cell and handles
 * the keys; this one gives it a place, a role and a name in the
 * accessibility tree. */
GtkWidget  *baton_capacity_grid_cell_new       (GtkAccessibleRole      role);
/* Sets the accessible name; nothing happens (no event) when it is the same. */
void        baton_capacity_grid_cell_set_label (BatonCapacityGridCell *self,
                                                const char            *label);
const char *baton_capacity_grid_cell_get_label (BatonCapacityGridCell *self);
/* Shown in the accessibility tree, or hidden (a spare one in the pool). */
void        baton_capacity_grid_cell_set_used  (BatonCapacityGridCell *self,
                                                gboolean               used);
gboolean    baton_capacity_grid_cell_get_used  (BatonCapacityGridCell *self);
/* The focused cell of the grid: the only one that can take the keyboard
 * focus (the grid's keys reach the grid from it). */
void        baton_capacity_grid_cell_set_current (BatonCapacityGridCell *self,
                                                  gboolean               current);

G_END_DECLS
