/* baton-search-index.h — the notes search index in the database (private to
 * the model)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-db.h"

G_BEGIN_DECLS

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
gboolean    _baton_notes_fts_usable      (BatonDb           *db);
/* Creates the index if FTS5 is usable and the index is missing (a
 * workspace upgraded or last written without FTS5). Needs baton_index_text ()
 * (see _baton_notes_register_functions ()). */
gboolean    baton_notes_ensure_index     (BatonDb           *db,
                                          GError           **error);
/* Behave as if SQLite had no FTS5: new stores skip the index, searches
 * scan. For tests of the fallback. */
void        _baton_notes_set_force_scan  (gboolean           force);
/* Registers baton_index_text () on the connection (the migrations and
 * the index use it). Once, as the connection is opened: baton_db_migrate ()
 * does it. Registering it again would expire every prepared statement of
 * the connection, and fails while one of them is running. */
gboolean    _baton_notes_register_functions (BatonDb  *db,
                                             GError  **error);

G_END_DECLS
