/* baton-task-moves.h — moving a task to a person or a week, and saying so
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board and the capacity view move tasks the same way: one store call
 * (one undo step) and one toast, in one wording.
 */
#pragma once

#include "baton-store.h"

G_BEGIN_DECLS

/* "2 weeks later", "1 week earlier". */
char     *baton_task_describe_shift (gint          weeks);

/* The toast for a move that was made: @was_unassigned is whether the task
 * had no assignee before; @change_person whether it went to @person (NULL:
 * unassigned); @weeks how much later (negative: earlier). */
char     *baton_task_describe_move  (const char   *title,
                                     gboolean      was_unassigned,
                                     gboolean      change_person,
                                     BatonPerson  *person,
                                     gint          weeks);

/* Moves @task to @person (NULL: unassigned) when @change_person, and
 * @weeks later (negative: earlier), as one undo step. Returns FALSE with
 * @error when the store refused. On success *@message is the toast's text,
 * or NULL when there was nothing to do (the same person, no weeks). */
gboolean  baton_task_move           (BatonStore   *store,
                                     BatonTask    *task,
                                     gboolean      change_person,
                                     BatonPerson  *person,
                                     gint          weeks,
                                     char        **message,
                                     GError      **error);

/* Moves @task to @stage, before @before (NULL: at the end), as one undo
 * step. On success *@message is the toast's text: "Moved “…” to …", or
 * "Reordered “…”" within its stage. */
gboolean  baton_task_move_to_stage  (BatonStore   *store,
                                     BatonTask    *task,
                                     BatonStage   *stage,
                                     BatonTask    *before,
                                     char        **message,
                                     GError      **error);

/* Archives @task when @archived, else restores it; one undo step, and
 * its toast in *@message. */
gboolean  baton_task_set_archived   (BatonStore   *store,
                                     BatonTask    *task,
                                     gboolean      archived,
                                     char        **message,
                                     GError      **error);

/* Deletes @task (undoable), and its toast in *@message. */
gboolean  baton_task_delete         (BatonStore   *store,
                                     BatonTask    *task,
                                     char        **message,
                                     GError      **error);

/* Carries out the task action @action_name with its @parameter, as a
 * view's action handler receives them: task.move-to-stage (to the end of
 * the stage), task.reassign, task.move-to-week, task.archive (archive or
 * restore) or task.delete (baton-task-menu.h), through the functions
 * above: one store call, and its toast in *@message (NULL when there was
 * nothing to do). A parameter naming no task, stage or person fails with
 * BATON_STORE_ERROR_NOT_FOUND and changes nothing. */
gboolean  baton_task_apply_action   (BatonStore   *store,
                                     const char   *action_name,
                                     GVariant     *parameter,
                                     char        **message,
                                     GError      **error);

G_END_DECLS
