/* baton-search-index.c — the notes search index in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Below the store: the migrations create the index and the connection
 * registers baton_index_text () before any statement runs. Keeping the
 * index up to date and searching it are in baton-search.c.
 */

#define G_LOG_DOMAIN "baton-search"

#include "config.h"

#include <string.h>

#include "baton-search-index.h"
#include "baton-search-text.h"

static void
index_text_function (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *indexed = _baton_notes_index_text (text);

  sqlite3_result_text (context, indexed, -1, g_free);
}

gboolean
_baton_notes_register_functions (BatonDb  *db,
                                 GError  **error)
{
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  rc = sqlite3_create_function_v2 (baton_db_get_handle (db), "baton_index_text", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, index_text_function, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_SQL,
                   "Could not register the search functions: %s", sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}


/* The index --------------------------------------------------------------------- */

static gboolean force_scan = FALSE;

void
_baton_notes_set_force_scan (gboolean force)
{
  force_scan = force;
}

gboolean
_baton_notes_fts_usable (BatonDb *db)
{
  return !force_scan && baton_db_has_fts5 (db);
}

/* Whether notes_fts is the index this version searches. */
static gboolean
index_is_current (BatonDb *db)
{
  sqlite3_stmt *stmt;
  g_autoptr(GError) error = NULL;
  gboolean current = FALSE;

  stmt = baton_db_prepare (db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'notes_fts'", &error);
  if (stmt == NULL)
    return FALSE;
  if (baton_db_step_row (db, stmt, &error))
    current = strstr ((const char *) sqlite3_column_text (stmt, 0), BATON_NOTES_FTS_TOKENIZER) != NULL;
  sqlite3_reset (stmt);

  return current;
}

gboolean
baton_notes_ensure_index (BatonDb  *db,
                          GError  **error)
{
  g_autoptr(GError) fts_error = NULL;
  gboolean exists = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!_baton_notes_fts_usable (db))
    return TRUE;

  if (!baton_db_table_exists (db, "notes_fts", &exists, error))
    return FALSE;
  if (exists && index_is_current (db))
    return TRUE;

  if (!baton_db_begin (db, error))
    return FALSE;

  /* Missing, or an index of an older format (or built by a SQLite that had
   * FTS5 before one without it upgraded the workspace): build it anew. */
  if (!baton_db_exec (db,
                      "DROP TABLE IF EXISTS notes_fts;"
                      BATON_NOTES_FTS_CREATE_SQL
                      BATON_NOTES_FTS_FILL_SQL,
                      &fts_error))
    {
      /* Searching still works, by scanning. */
      g_warning ("Notes search will scan instead of using its index: %s", fts_error->message);
      baton_db_rollback (db);
      return TRUE;
    }

  return baton_db_commit (db, error);
}
