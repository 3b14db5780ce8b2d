/* baton-stage-tasks.h — the tasks of one stage, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_STAGE_TASKS (baton_stage_tasks_get_type ())
G_DECLARE_FINAL_TYPE (BatonStageTasks, baton_stage_tasks, BATON, STAGE_TASKS, GObject)

BatonStageTasks *baton_stage_tasks_new      (gint64           stage_id);
gint64           baton_stage_tasks_get_stage_id (BatonStageTasks *self);

/* Kept by BatonBoardTasks: tasks are held in id order. */
void             baton_stage_tasks_add      (BatonStageTasks *self,
                                             BatonTask       *task);
void             baton_stage_tasks_remove   (BatonStageTasks *self,
                                             BatonTask       *task);
/* Says that @task changed (items-changed with 1 removed, 1 added). */
void             baton_stage_tasks_changed  (BatonStageTasks *self,
                                             BatonTask       *task);
/* Replaces everything with @tasks (in id order), in one items-changed. */
void             baton_stage_tasks_reset    (BatonStageTasks *self,
                                             GPtrArray       *tasks);
guint            baton_stage_tasks_count_active (BatonStageTasks *self);

G_END_DECLS
