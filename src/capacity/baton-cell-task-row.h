/* baton-cell-task-row.h — one task in a capacity cell's popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_CELL_TASK_ROW (baton_cell_task_row_get_type ())
G_DECLARE_FINAL_TYPE (BatonCellTaskRow, baton_cell_task_row, BATON, CELL_TASK_ROW, GtkListBoxRow)

/* A drag handle, the task's title and program (nullable), its @minutes in
 * the cell's week and a menu button whose menu the popover builds. */
GtkWidget     *baton_cell_task_row_new             (BatonTask        *task,
                                                    BatonProgram     *program,
                                                    double            minutes);
BatonTask     *baton_cell_task_row_get_task        (BatonCellTaskRow *self);
GtkMenuButton *baton_cell_task_row_get_menu_button (BatonCellTaskRow *self);

G_END_DECLS
