/* baton-task-editor.h — the card editor dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_TASK_EDITOR (baton_task_editor_get_type ())
G_DECLARE_FINAL_TYPE (BatonTaskEditor, baton_task_editor, BATON, TASK_EDITOR, AdwWindow)

/* A modal dialog over @parent editing @task, or a new card when @task is
 * NULL (added at the end of the first stage). Present it with
 * gtk_window_present (). Save writes the whole edit as one undo step. */
GtkWidget *baton_task_editor_new      (GtkWindow       *parent,
                                       BatonStore      *store,
                                       BatonTask       *task);
/* For a new card: a title, a program (0 = none) and the note it comes
 * from (0 = none). */
void       baton_task_editor_prefill  (BatonTaskEditor *self,
                                       const char      *title,
                                       gint64           program_id,
                                       gint64           note_id);
/* For a new card: the stage it is added to (default: the first one). */
void       baton_task_editor_set_stage (BatonTaskEditor *self,
                                        BatonStage      *stage);
BatonTask *baton_task_editor_get_task (BatonTaskEditor *self);

/* Validates every field and saves (what editor.save does). Returns TRUE
 * and closes the dialog when the card was saved; otherwise the errors are
 * shown on the fields and nothing was written. */
gboolean   baton_task_editor_save     (BatonTaskEditor *self);

/* For tests and accessibility tools: the input widget of a field —
 * "title", "description", "program", "role", "assignee", "estimate",
 * "priority", "start-date", "due-date", "checklist-entry" — and the error
 * it shows now (NULL when none). */
GtkWidget  *baton_task_editor_get_field       (BatonTaskEditor *self,
                                               const char      *field);
const char *baton_task_editor_get_field_error (BatonTaskEditor *self,
                                               const char      *field);
/* The error from the store shown at the top, or NULL. */
const char *baton_task_editor_get_status      (BatonTaskEditor *self);

G_END_DECLS
