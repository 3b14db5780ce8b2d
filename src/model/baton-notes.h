/* baton-notes.h — clients' notes: search, revisions, templates, autosave
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Clients view needs from the model beyond the generic store
 * methods, written without GTK so that it is unit-tested on its own:
 *
 *  - validation of a client's email and phone (the client schema uses it);
 *  - a program's progress by stage;
 *  - notes of a client newest first, revisions newest first, the tasks a
 *    note was promoted to, restoring a revision (one undo step);
 *  - templates for new notes, Markdown export;
 *  - full-text search: FTS5 when SQLite has it, otherwise a scan that gives
 *    the same results;
 *  - BatonNoteSaver, the autosave and revision policy of an open note.
 */
#pragma once

#include <gio/gio.h>

#include "baton-store.h"

G_BEGIN_DECLS

/* Validation ------------------------------------------------------------------ */

/* An address like "name@example.org": one "@", something before it, a
 * domain with a dot after it, no spaces. NULL or "" is valid (no email). */
gboolean    baton_notes_validate_email   (const char  *text,
                                          GError     **error);
/* Digits with the usual separators (spaces, "-", ".", "/", parentheses), an
 * optional leading "+", and an optional extension ("ext. 12", "x12"); from
 * 3 to 20 digits. NULL or "" is valid (no phone). */
gboolean    baton_notes_validate_phone   (const char  *text,
                                          GError     **error);

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

/* Search ---------------------------------------------------------------------- */

/* The query language, the same with and without FTS5: words match words
 * that start with them ("analy" finds "analysis"), "quoted words" match
 * that phrase, "quoted words"* makes the last one a prefix again, and a
 * note matches when every word or phrase is in its title or its body.
 * Everything else the user types (AND, NEAR(, *, -, :, ^, brackets,
 * unbalanced quotes) is plain text: words are letters and digits, as in
 * SQLite's unicode61 tokenizer, case and Latin accents ignored, except in
 * scripts written without spaces (Chinese, Japanese, Thai, …), where each
 * character is a word: "为培训" is the phrase 为 培 训 and is found inside
 * "我们为培训准备了材料", and one character finds every note that has it.
 * Results are ordered by last change, newest first. */

#define BATON_TYPE_SEARCH_HIT (baton_search_hit_get_type ())
G_DECLARE_FINAL_TYPE (BatonSearchHit, baton_search_hit, BATON, SEARCH_HIT, GObject)

BatonNote  *baton_search_hit_get_note         (BatonSearchHit *self);
/* A short extract of the body around the first match, plain text. */
const char *baton_search_hit_get_snippet      (BatonSearchHit *self);
/* The matches inside the snippet: pairs of byte offsets (start, end). */
const guint *baton_search_hit_get_highlights  (BatonSearchHit *self,
                                               guint          *n_pairs);
/* Where the first match is in the body, in characters, or -1 when the
 * note matched by its title only. */
gint        baton_search_hit_get_match_offset (BatonSearchHit *self);
gint        baton_search_hit_get_match_length (BatonSearchHit *self);
/* The snippet as Pango markup, the user's text escaped and the matches in
 * <b>; for labels with use-markup. */
char       *baton_search_hit_get_snippet_markup (BatonSearchHit *self);

/* How many hits the Clients view asks for (and the benchmark times). */
#define BATON_NOTES_SEARCH_LIMIT 200

/* Returns (element-type BatonSearchHit) (transfer full) at most @limit hits
 * (0: all), newest first, and in @n_total how many notes matched. An empty
 * or wordless query matches nothing. Never fails on what the user typed. */
GPtrArray  *baton_notes_search           (BatonStore        *store,
                                          const char        *query,
                                          guint              limit,
                                          guint             *n_total,
                                          GError           **error);
/* Whether baton_notes_search () uses the FTS5 index (FALSE: a scan). */
gboolean    baton_notes_search_uses_index (BatonStore       *store);
/* Brings the index up to date with the notes changed since (searches do it
 * first anyway). */
gboolean    baton_notes_update_index     (BatonStore        *store,
                                          GError           **error);
/* Keeps the index up to date in the background: a moment after the store
 * changes, when the main loop is idle. Safe to call more than once. */
void        baton_notes_watch_index      (BatonStore        *store);

/* Autosave --------------------------------------------------------------------- */

/* The revision policy: a save keeps the previous body as a revision when it
 * is the first save since the note was opened (so the text as it was left
 * last time is kept), and then at most once per this interval of editing. */
#define BATON_NOTE_REVISION_INTERVAL (60 * G_USEC_PER_SEC)

typedef enum
{
  BATON_NOTE_SAVER_SAVED,     /* the store has the text */
  BATON_NOTE_SAVER_PENDING,   /* edits wait for the autosave */
  BATON_NOTE_SAVER_FAILED,    /* the last save failed; see get_error_message () */
} BatonNoteSaverState;

/* Monotonic time in microseconds (g_get_monotonic_time by default). */
typedef gint64 (*BatonClockFunc)          (gpointer    user_data);
/* Returns the title and body being edited (newly allocated). */
typedef void   (*BatonNoteSaverFetchFunc) (gpointer    user_data,
                                           char      **title,
                                           char      **body);

#define BATON_TYPE_NOTE_SAVER (baton_note_saver_get_type ())
G_DECLARE_FINAL_TYPE (BatonNoteSaver, baton_note_saver, BATON, NOTE_SAVER, GObject)

BatonNoteSaver     *baton_note_saver_new        (BatonStore              *store,
                                                 BatonNote               *note,
                                                 BatonNoteSaverFetchFunc  fetch,
                                                 gpointer                 fetch_data,
                                                 GDestroyNotify           fetch_data_destroy);
BatonNote          *baton_note_saver_get_note   (BatonNoteSaver          *self);
void                baton_note_saver_set_clock  (BatonNoteSaver          *self,
                                                 BatonClockFunc           clock,
                                                 gpointer                 clock_data);
/* The autosave delay in milliseconds; 0 = no timer (call flush ()). */
void                baton_note_saver_set_delay  (BatonNoteSaver          *self,
                                                 guint                    delay_ms);
guint               baton_note_saver_get_delay  (BatonNoteSaver          *self);
/* The text changed: the state becomes PENDING and the timer restarts. */
void                baton_note_saver_changed    (BatonNoteSaver          *self);
/* Saves the pending edits now. */
gboolean            baton_note_saver_flush      (BatonNoteSaver          *self,
                                                 GError                 **error);
/* The note is being left (another note, closing, quitting): saves what is
 * pending and stops the timer. When that save fails, the saver keeps a
 * copy of the text (the fetch function is not called again) and goes on
 * retrying: keep the saver until it is SAVED, or discard it. */
gboolean            baton_note_saver_leave      (BatonNoteSaver          *self,
                                                 GError                 **error);
/* The editor that left the note opens it again while the saver still
 * holds its text: returns that text (transfer full), which the editor
 * shows instead of the note's, and asks the fetch function for the text
 * again from then on. The retries go on. Only for a saver that left its
 * note unsaved (baton_note_saver_has_unsaved ()). */
void                baton_note_saver_resume     (BatonNoteSaver          *self,
                                                 char                   **title,
                                                 char                   **body);
BatonNoteSaverState baton_note_saver_get_state  (BatonNoteSaver          *self);
const char         *baton_note_saver_get_error_message (BatonNoteSaver   *self);
/* Whether the store lacks some of the text (PENDING or FAILED). */
gboolean            baton_note_saver_has_unsaved (BatonNoteSaver         *self);

/* A save that fails (the database locked by another program, a read-only
 * or full disk) is tried again by itself while the text is unsaved, after
 * RETRY_FIRST_MS, then twice as long each time up to RETRY_MAX_MS, from the
 * main loop: nothing blocks in between. Input the store refuses
 * (BATON_STORE_ERROR_INVALID, _NOT_FOUND) is not retried. */
#define BATON_NOTE_SAVER_RETRY_FIRST_MS 1000
#define BATON_NOTE_SAVER_RETRY_MAX_MS   30000
void                baton_note_saver_set_retry_delays (BatonNoteSaver    *self,
                                                       guint              first_ms,
                                                       guint              max_ms);
/* Whether a retry is scheduled. */
gboolean            baton_note_saver_is_retrying (BatonNoteSaver         *self);
/* The text not saved yet, as a Markdown document ("Save a Copy As…"). */
char               *baton_note_saver_to_markdown (BatonNoteSaver         *self);
/* Gives up the text not saved: no more retries, the state is SAVED. */
void                baton_note_saver_discard    (BatonNoteSaver          *self);

/* Private to the model and its tests --------------------------------------------- */

struct _BatonDb;

/* The search index (format 5 on): the notes' folded tokens between spaces
 * (_baton_notes_index_text (), in SQL baton_index_text ()), in trigrams. */
#define BATON_NOTES_FTS_TOKENIZER "trigram case_sensitive 1"
#define BATON_NOTES_FTS_CREATE_SQL \
  "CREATE VIRTUAL TABLE notes_fts USING fts5 (title, body, tokenize = '" BATON_NOTES_FTS_TOKENIZER "');"
#define BATON_NOTES_FTS_FILL_SQL \
  "INSERT INTO notes_fts (rowid, title, body) " \
  "  SELECT id, baton_index_text (title), baton_index_text (body) FROM notes;" \
  "DELETE FROM notes_fts_pending;"

/* Whether this SQLite has FTS5 (and the fallback is not forced). */
gboolean    _baton_notes_fts_usable      (struct _BatonDb   *db);
/* Creates the index if FTS5 is usable and the index is missing (a
 * workspace upgraded or last written without FTS5). Needs baton_index_text ()
 * (see _baton_notes_register_functions ()). */
gboolean    baton_notes_ensure_index     (struct _BatonDb   *db,
                                          GError           **error);
/* Behave as if SQLite had no FTS5: new stores skip the index, searches
 * scan. For tests of the fallback. */
void        _baton_notes_set_force_scan  (gboolean           force);
/* The words of @text as the search sees them (folded), for tests. */
GStrv       _baton_notes_tokenize        (const char        *text);
/* The FTS5 expression for @query, or NULL when it has no word the index
 * can find (the search then scans). */
char       *_baton_notes_build_fts_query (const char        *query);
/* What the index holds for @text: its tokens between spaces. */
char       *_baton_notes_index_text      (const char        *text);
/* Registers baton_index_text () on the connection (the migrations and
 * the index use it). Once, as the connection is opened: baton_db_migrate ()
 * does it. Registering it again would expire every prepared statement of
 * the connection, and fails while one of them is running. */
gboolean    _baton_notes_register_functions (struct _BatonDb *db,
                                             GError        **error);

G_END_DECLS
