/* baton-note-editor-private.h — what the note editor's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * baton-note-editor.c loads a note, follows its text and the store, and
 * highlights; baton-note-editor-actions.c holds the note.* actions and
 * update_actions (); baton-note-editor-unsaved.c the save status and the
 * notes left with text that could not be saved yet.
 */
#pragma once

#include <gtksourceview/gtksource.h>

#include "baton-note-editor.h"
#include "baton-record-drop-down.h"
#include "baton-note-saver.h"

G_BEGIN_DECLS

struct _BatonNoteEditor
{
  GtkWidget          parent_instance;

  /* Template children */
  GtkWidget         *box;
  GtkTextView       *title_view;
  GtkWidget         *title_placeholder;
  BatonRecordDropDown *program_dropdown;
  GtkLabel          *created_label;
  GtkLabel          *status_label;
  GtkSourceView     *source_view;
  GtkRevealer       *tasks_revealer;
  GtkLabel          *tasks_label;
  GtkFlowBox        *tasks_box;

  /* Owned */
  BatonStore        *store;
  BatonNote         *note;
  BatonNoteSaver    *saver;
  GSettings         *settings;
  GtkCssProvider    *font_css;
  GPtrArray         *tasks;           /* BatonTask, borrowed from the store */
  GPtrArray         *held;            /* BatonNoteSaver of notes left unsaved, retrying */
  GtkFileChooserNative *chooser;

  /* State */
  guint              refresh_source;
  guint              highlight_tick;  /* highlights before the next frame */
  gboolean           loading;         /* the widgets are being filled from the note */
};

/* baton-note-editor.c */
void            _baton_note_editor_notify_has_unsaved (BatonNoteEditor *self);

/* baton-note-editor-actions.c */
void            _baton_note_editor_class_init_actions (GtkWidgetClass  *widget_class);
/* Enables the note.* actions from the state: a note is open, the
 * workspace can be written, the line under the cursor makes a task. */
void            _baton_note_editor_update_actions     (BatonNoteEditor *self);

/* baton-note-editor-unsaved.c */
/* Shows the open note's save state, and notifies has-unsaved. */
void            _baton_note_editor_update_status      (BatonNoteEditor *self);
void            _baton_note_editor_hold               (BatonNoteEditor *self,
                                                       BatonNoteSaver  *saver);
BatonNoteSaver *_baton_note_editor_take_held          (BatonNoteEditor *self,
                                                       BatonNote       *note);
void            _baton_note_editor_release_held       (BatonNoteEditor *self);

static inline GtkSourceBuffer *
_baton_note_editor_get_buffer (BatonNoteEditor *self)
{
  return GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view)));
}

G_END_DECLS
