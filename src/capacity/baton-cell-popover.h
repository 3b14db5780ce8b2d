/* baton-cell-popover.h — the tasks behind a capacity cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-capacity.h"
#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_CELL_POPOVER (baton_cell_popover_get_type ())
G_DECLARE_FINAL_TYPE (BatonCellPopover, baton_cell_popover, BATON, CELL_POPOVER, GtkPopover)

/* The keyboard menu of one task (baton_task_menu_new ()), built
 * when its button is pressed. Returns a new reference. */
typedef GMenuModel *(*BatonCellMenuFunc) (BatonTask *task,
                                          gpointer   user_data);

GtkWidget     *baton_cell_popover_new            (BatonStore        *store);
void           baton_cell_popover_set_menu_func  (BatonCellPopover  *self,
                                                  BatonCellMenuFunc  func,
                                                  gpointer           user_data);
/* @shares: (element-type BatonCapacityShare): the cell's tasks, any order. */
void           baton_cell_popover_set_cell       (BatonCellPopover  *self,
                                                  const char        *title,
                                                  const char        *subtitle,
                                                  const char        *status,
                                                  gboolean           status_is_warning,
                                                  GArray            *shares);

/* Shows a Rebalance… button for @person_id (0: hides it), for an
 * over-capacity cell. */
void           baton_cell_popover_set_rebalance_person (BatonCellPopover *self,
                                                  gint64             person_id);
guint          baton_cell_popover_get_n_tasks    (BatonCellPopover  *self);
/* (transfer none): the task of row @index, largest first. */
BatonTask     *baton_cell_popover_get_task       (BatonCellPopover  *self,
                                                  guint              index);
/* (transfer none): the drag source of row @index. */
GtkDragSource *baton_cell_popover_get_drag_source (BatonCellPopover *self,
                                                  guint              index);

G_END_DECLS
