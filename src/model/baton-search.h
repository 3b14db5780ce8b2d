/* baton-search.h — searching the clients' notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "baton-store.h"

G_BEGIN_DECLS

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

G_END_DECLS
