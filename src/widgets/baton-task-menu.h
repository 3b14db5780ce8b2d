/* baton-task-menu.h — the one menu of a task, and the actions it names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board's card menu and the capacity view's task menu are the same
 * menu, built here, naming the same actions. Each view that shows tasks
 * installs these actions (gtk_widget_class_install_action) and carries
 * them out with the shared moves (baton-task-moves.h), so a task moves
 * and is announced the same way wherever it is.
 */
#pragma once

#include <gio/gio.h>

#include "baton-capacity.h"
#include "baton-store.h"
#include "baton-workload.h"

G_BEGIN_DECLS

/* The task actions. Every parameter starts with the task's id, so a menu
 * item names its task and the view keeps no "current task". */
#define BATON_TASK_ACTION_OPEN          "task.open"          /* x: the task */
#define BATON_TASK_ACTION_MOVE_TO_STAGE "task.move-to-stage" /* (xx): task, stage (at its end) */
#define BATON_TASK_ACTION_REASSIGN      "task.reassign"      /* (xx): task, person or 0 for nobody */
#define BATON_TASK_ACTION_MOVE_TO_WEEK  "task.move-to-week"  /* (xi): task, weeks later (< 0: earlier) */
#define BATON_TASK_ACTION_WHO_HAS_ROOM  "task.who-has-room"  /* x: the task */
#define BATON_TASK_ACTION_ARCHIVE       "task.archive"       /* x: archives, or restores an archived task */
#define BATON_TASK_ACTION_DELETE        "task.delete"        /* x: the task */

/* The parts of the menu. A view leaves out only what it cannot serve. */
typedef enum
{
  BATON_TASK_MENU_OPEN          = 1 << 0,  /* Open */
  BATON_TASK_MENU_MOVE_TO_STAGE = 1 << 1,  /* Move to Stage ▸ */
  BATON_TASK_MENU_REASSIGN      = 1 << 2,  /* Reassign To ▸ (Assign To ▸) */
  BATON_TASK_MENU_MOVE_TO_WEEK  = 1 << 3,  /* Move to Week ▸ */
  BATON_TASK_MENU_WHO_HAS_ROOM  = 1 << 4,  /* Who Has Room? */
  BATON_TASK_MENU_ARCHIVE       = 1 << 5,  /* Archive (Restore), Delete */
  BATON_TASK_MENU_ALL           = (1 << 6) - 1,
} BatonTaskMenuParts;

/* The weeks "Move to Week" offers, as shifts from the week it starts at. */
#define BATON_TASK_MENU_N_WEEKS 6

/* Builds the menu of @task, in sections: Open; Move to Stage, Reassign To
 * and Move to Week; Who Has Room?; Archive (or Restore) and Delete.
 *
 * "Reassign To" ("Assign To" for a task nobody holds) lists first the
 * people who hold the task's role (everyone, when it has none), most
 * room first, each with their free
 * (or over) hours over the task's weeks as baton_workload_who_has_room ()
 * counts them for @today; then everyone else on the team
 * (not archived); then Unassigned. The assignee is marked "— assigned".
 *
 * "Move to Week" lists the weeks around @week (a julian week start; 0:
 * the first week of the task); it is left out for a task without dates,
 * which cannot move in time.
 *
 * Every item's action is one of the task actions above, with the task's
 * id first in its target. Returns a new menu model. */
GMenuModel *baton_task_menu_new (BatonWorkload      *workload,
                                 BatonTask          *task,
                                 guint32             today,
                                 guint32             week,
                                 BatonTaskMenuParts  parts);

G_END_DECLS
