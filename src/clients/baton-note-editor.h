/* baton-note-editor.h — one note: title, Markdown text, autosave
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <gtksourceview/gtksource.h>

#include "baton-notes.h"
#include "baton-note-saver.h"

G_BEGIN_DECLS

#define BATON_TYPE_NOTE_EDITOR (baton_note_editor_get_type ())
G_DECLARE_FINAL_TYPE (BatonNoteEditor, baton_note_editor, BATON, NOTE_EDITOR, GtkWidget)

GtkWidget      *baton_note_editor_new             (BatonStore      *store);
/* Leaves the open note (its edits are saved) and opens @note (NULL: none). */
void            baton_note_editor_set_note        (BatonNoteEditor *self,
                                                   BatonNote       *note);
BatonNote      *baton_note_editor_get_note        (BatonNoteEditor *self);
/* Saves the pending edits now. */
gboolean        baton_note_editor_save            (BatonNoteEditor *self,
                                                   GError         **error);
/* Unsaved text: the open note's edits not in the store yet, and notes left
 * while their save failed (their savers keep retrying, see
 * BatonNoteSaver). The "has-unsaved" property follows it. */
gboolean        baton_note_editor_has_unsaved     (BatonNoteEditor *self);
/* Tries to save all of it now. */
gboolean        baton_note_editor_save_all        (BatonNoteEditor *self,
                                                   GError         **error);
/* The title of the first note with unsaved text, or NULL. */
char           *baton_note_editor_get_unsaved_title (BatonNoteEditor *self);
/* All of it as one Markdown document, notes separated by a rule. */
char           *baton_note_editor_get_unsaved_markdown (BatonNoteEditor *self);
/* Gives it up (the person chose Discard). */
void            baton_note_editor_discard_unsaved (BatonNoteEditor *self);
/* Puts the cursor on a match (character offset and length in the body),
 * selects it and scrolls it into view. */
void            baton_note_editor_show_match      (BatonNoteEditor *self,
                                                   gint             offset,
                                                   gint             length);
/* Saves, then writes the note as Markdown to @file (what Export does after
 * the file chooser). */
gboolean        baton_note_editor_export_to_file  (BatonNoteEditor *self,
                                                   GFile           *file,
                                                   GError         **error);
/* The line the cursor is on (or the first line of the selection), as a
 * task title; NULL when it has no text. */
char           *baton_note_editor_get_task_title  (BatonNoteEditor *self);

/* The notes' GtkSourceView style scheme for the light or dark style. */
GtkSourceStyleScheme *baton_notes_style_scheme    (gboolean         dark);

/* For tests */
BatonNoteSaver *baton_note_editor_get_saver       (BatonNoteEditor *self);
GtkTextView    *baton_note_editor_get_text_view   (BatonNoteEditor *self);
/* The title's field: a text view that wraps, one paragraph. */
GtkTextView    *baton_note_editor_get_title       (BatonNoteEditor *self);
/* The title as typed (not stripped), and setting it as typing would. */
char           *baton_note_editor_dup_title_text  (BatonNoteEditor *self);
void            baton_note_editor_set_title_text  (BatonNoteEditor *self,
                                                   const char      *title);
const char     *baton_note_editor_get_status_text (BatonNoteEditor *self);
/* The CSS that sets the notes font on the text view. */
GtkCssProvider *baton_note_editor_get_font_css    (BatonNoteEditor *self);
/* The tasks listed under the note ("Tasks from this note"). */
guint           baton_note_editor_get_n_tasks     (BatonNoteEditor *self);

G_END_DECLS
