/* baton-task-editor-private.h — what the card editor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * baton-task-editor.c builds and validates the form; saving it (one store
 * call or one batch with the checklist) is baton-task-editor-save.c. The
 * checklist and the record dropdowns are widgets of their own.
 */
#pragma once

#include "baton-checklist-editor.h"
#include "baton-record-drop-down.h"
#include "baton-task-editor.h"

G_BEGIN_DECLS

/* The parsed content of the form. */
typedef struct
{
  char   *title;
  char   *description;
  gint64  program_id;
  gint64  role_id;
  gint64  assignee_id;
  gint64  estimate_minutes;
  gint64  priority;
  gboolean pinned;
  char   *start_date;
  char   *due_date;
} FormValues;

static inline void
form_values_clear (FormValues *values)
{
  g_clear_pointer (&values->title, g_free);
  g_clear_pointer (&values->description, g_free);
  g_clear_pointer (&values->start_date, g_free);
  g_clear_pointer (&values->due_date, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FormValues, form_values_clear)

struct _BatonTaskEditor
{
  AdwWindow       parent_instance;

  /* Template children */
  GtkRevealer    *status_revealer;
  GtkLabel       *status_label;
  GtkEntry       *title_entry;
  GtkLabel       *title_error;
  GtkTextView    *description_view;
  BatonRecordDropDown *program_dropdown;
  BatonRecordDropDown *role_dropdown;
  BatonRecordDropDown *assignee_dropdown;
  GtkDropDown    *priority_dropdown;
  GtkSwitch           *pinned_switch;
  GtkEntry       *estimate_entry;
  GtkLabel       *estimate_error;
  GtkWidget      *start_entry;   /* BatonDateRow */
  GtkLabel       *start_error;
  GtkWidget      *due_entry;     /* BatonDateRow */
  GtkLabel       *due_error;
  BatonChecklistEditor *checklist_editor;
  GtkWidget      *card_actions;
  GtkButton      *archive_button;
  GtkButton      *save_button;
  GtkButton      *cancel_button;

  /* Owned references */
  BatonStore     *store;
  BatonTask      *task;          /* NULL for a new card */

  /* State */
  gint64          task_id;
  gint64          stage_id;      /* new card: 0 = the first stage */
  gint64          note_id;       /* new card: the note it comes from */
  gboolean        tried_save;    /* errors follow typing after a first Save */
};

/* baton-task-editor.c */
/* The error from the store at the top of the dialog (NULL: none). */
void     _baton_task_editor_show_status       (BatonTaskEditor *self,
                                               const char      *message);
/* Parses the form into @values; with @show each field shows its error (or
 * clears it). TRUE when every field is valid. */
gboolean _baton_task_editor_parse_form        (BatonTaskEditor *self,
                                               FormValues      *values,
                                               gboolean         show);
void     _baton_task_editor_focus_first_error (BatonTaskEditor *self);

G_END_DECLS
