/* baton-note-saver.h — the autosave and revision policy of an open note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "baton-store.h"

G_BEGIN_DECLS

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

G_END_DECLS
