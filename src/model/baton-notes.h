/* baton-notes.h — clients' notes: progress, revisions, templates, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Clients view needs from the model beyond the generic store
 * methods, written without GTK so that it is unit-tested on its own:
 *
 *  - a program's progress by stage;
 *  - notes of a client newest first, revisions newest first, the tasks a
 *    note was promoted to, restoring a revision (one undo step)
 *    (baton-notes.c);
 *  - templates for new notes, Markdown export (baton-note-templates.c).
 *
 * Search (baton-search.h) and the autosaver (baton-note-saver.h) are
 * headers of their own, included by who uses them: the saver uses the
 * Markdown conversion here, so this header must not include it.
 */
#pragma once

#include <gio/gio.h>

#include "baton-store.h"
#include "baton-validate.h"

G_BEGIN_DECLS

/* Programs -------------------------------------------------------------------- */

typedef struct
{
  guint  n_tasks;      /* tasks of the program that are not archived */
  guint  n_done;       /* of those, the ones in a done stage */
  guint  n_stages;
  guint *per_stage;    /* n_stages counts, in the order of baton_store_get_stages () */
} BatonProgramProgress;

BatonProgramProgress *baton_program_progress_new  (BatonStore           *store,
                                                   BatonProgram         *program);
void                  baton_program_progress_free (BatonProgramProgress *progress);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonProgramProgress, baton_program_progress_free)

/* Notes, revisions and tasks -------------------------------------------------- */

/* Newest first: by created-at, then by id. A GCompareFunc on BatonNote*. */
gint        baton_notes_compare_newest_first (gconstpointer a,
                                              gconstpointer b);
/* (element-type BatonNote) (transfer container) */
GPtrArray  *baton_notes_list_for_client  (BatonStore        *store,
                                          BatonClient       *client);
/* (element-type BatonNoteRevision) (transfer container), newest first */
GPtrArray  *baton_notes_list_revisions   (BatonStore        *store,
                                          BatonNote         *note);
/* The tasks promoted from @note (their note-id), by id.
 * (element-type BatonTask) (transfer container) */
GPtrArray  *baton_notes_list_tasks       (BatonStore        *store,
                                          BatonNote         *note);

/* Puts the body of @revision back into @note, keeping the current body as a
 * revision: one undo step, labelled "Restore Revision". */
gboolean    baton_notes_restore_revision (BatonStore        *store,
                                          BatonNote         *note,
                                          BatonNoteRevision *revision,
                                          GError           **error);

/* A task title from one line of Markdown: list markers, checkboxes, heading
 * and quote marks and surrounding spaces removed. NULL when nothing is left. */
char       *baton_notes_task_title_from_line (const char    *line);
/* Creates a task from @line in @stage (NULL: the first stage) with the
 * note's program and a link back to @note (note-id): one undo step. */
BatonTask  *baton_notes_promote_line     (BatonStore        *store,
                                          BatonNote         *note,
                                          const char        *line,
                                          BatonStage        *stage,
                                          GError           **error);

/* Templates ------------------------------------------------------------------- */

typedef enum
{
  BATON_NOTE_TEMPLATE_BLANK,
  BATON_NOTE_TEMPLATE_NEEDS_ANALYSIS,
  BATON_NOTE_TEMPLATE_MEETING,
} BatonNoteTemplate;

/* The title and Markdown body of a new note. @program may be NULL; @date
 * is the day the note is written. */
char       *baton_note_template_title    (BatonNoteTemplate  template_id,
                                          BatonProgram      *program,
                                          GDateTime         *date);
char       *baton_note_template_body     (BatonNoteTemplate  template_id,
                                          BatonClient       *client,
                                          BatonProgram      *program,
                                          GDateTime         *date);
/* Parses "blank", "needs-analysis", "meeting" (action targets). */
gboolean    baton_note_template_from_string (const char        *text,
                                             BatonNoteTemplate *template_id);
BatonNote  *baton_notes_create_from_template (BatonStore        *store,
                                              BatonClient       *client,
                                              BatonProgram      *program,
                                              BatonNoteTemplate  template_id,
                                              GError           **error);

/* Export ---------------------------------------------------------------------- */

/* The note as a Markdown document: its body, under a "# title" heading
 * unless the body already starts with a level-one heading. */
char       *baton_notes_to_markdown      (BatonNote         *note);
/* The same for a title (NULL: none) and body not saved yet. */
char       *baton_notes_markdown_from_text (const char      *title,
                                            const char      *body);
/* A file name for the export, from the title ("Needs analysis.md"). */
char       *baton_notes_suggest_filename (BatonNote         *note);
gboolean    baton_notes_export_markdown  (BatonNote         *note,
                                          GFile             *file,
                                          GError           **error);

G_END_DECLS
