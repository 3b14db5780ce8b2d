/* baton-board-tasks.h — the store's tasks, with a signal per changed task
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_BOARD_TASKS (baton_board_tasks_get_type ())
G_DECLARE_FINAL_TYPE (BatonBoardTasks, baton_board_tasks, BATON, BOARD_TASKS, GObject)

BatonBoardTasks *baton_board_tasks_new          (BatonStore      *store);
/* The tasks of the stage @stage_id, in id order (transfer none). */
GListModel      *baton_board_tasks_get_stage_model (BatonBoardTasks *self,
                                                    gint64           stage_id);
/* Fills @loads (stage id as GINT_TO_POINTER → count as GUINT_TO_POINTER)
 * with the non-archived tasks of each stage. */
void             baton_board_tasks_count_stages (BatonBoardTasks *self,
                                                 GHashTable      *loads);

G_END_DECLS
