/* baton-test-util.h — shared helpers for the model tests (header only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * - a temporary workspace folder (g_dir_make_tmp) removed afterwards;
 * - baton_test_dump_db (): a deterministic text dump of a database FILE,
 *   read through a separate read-only sqlite3 connection, so that "the
 *   database is unchanged" is proven on disk and not only in memory;
 * - baton_test_dump_store (): the same for the store's objects, read
 *   through its GListModels (in list order) and its identity map;
 * - a recorder that logs items-changed and "changed" and keeps a mirror
 *   of every list, updated only from items-changed, to prove the signals
 *   describe the changes exactly;
 * - error and notification helpers;
 * - baton_test_skip (): skips a case that cannot run here, and fails it
 *   in CI (CI=true), where every case must run.
 *
 * Everything is static inline: each test program includes it once.
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <string.h>

#include "baton-db.h"
#include "baton-store-private.h"

G_BEGIN_DECLS

/* Skipping --------------------------------------------------------------- */

/* Whether the tests run in CI (.ci/run sets CI=true). */
static inline gboolean
baton_test_in_ci (void)
{
  const char *ci = g_getenv ("CI");

  return ci != NULL && (g_ascii_strcasecmp (ci, "true") == 0 || g_strcmp0 (ci, "1") == 0);
}

/**
 * baton_test_skip:
 * @reason: why the case cannot run (no display, a missing tool or locale)
 *
 * Skips the current case, except in CI: there a case that cannot run is a
 * failure, so that a machine missing something never passes by skipping.
 * The caller returns from the case afterwards.
 */
static inline void
baton_test_skip (const char *reason)
{
  if (baton_test_in_ci ())
    g_test_fail_printf ("cannot run in CI (CI=true): %s", reason);
  else
    g_test_skip (reason);
}

/* Text comparison -------------------------------------------------------- */

/* Compares two dumps line by line and, when they differ, reports only the
 * lines that differ (whole dumps are too long to read in a test log). */
static inline void
baton_test_assert_text_impl (const char *file,
                             int         line,
                             const char *what,
                             const char *actual,
                             const char *expected)
{
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) e = NULL;
  g_autoptr(GHashTable) in_a = NULL;
  g_autoptr(GHashTable) in_e = NULL;
  g_autoptr(GString) diff = NULL;
  guint shown = 0;

  if (g_strcmp0 (actual, expected) == 0)
    return;

  if (actual == NULL || expected == NULL)
    {
      g_assert_cmpstr (actual, ==, expected);
      return;
    }

  a = g_strsplit (actual, "\n", -1);
  e = g_strsplit (expected, "\n", -1);
  in_a = g_hash_table_new (g_str_hash, g_str_equal);
  in_e = g_hash_table_new (g_str_hash, g_str_equal);
  diff = g_string_new (NULL);

  for (guint i = 0; a[i] != NULL; i++)
    g_hash_table_add (in_a, a[i]);
  for (guint i = 0; e[i] != NULL; i++)
    g_hash_table_add (in_e, e[i]);

  for (guint i = 0; e[i] != NULL && shown < 12; i++)
    if (!g_hash_table_contains (in_a, e[i]))
      {
        g_string_append_printf (diff, "\n  - %s", e[i]);
        shown++;
      }
  for (guint i = 0; a[i] != NULL && shown < 24; i++)
    if (!g_hash_table_contains (in_e, a[i]))
      {
        g_string_append_printf (diff, "\n  + %s", a[i]);
        shown++;
      }
  if (shown == 0)
    {
      for (guint i = 0; a[i] != NULL && e[i] != NULL; i++)
        if (strcmp (a[i], e[i]) != 0)
          {
            g_string_append_printf (diff, "\n  same lines, other order, from line %u:\n  - %s\n  + %s",
                                    i + 1, e[i], a[i]);
            break;
          }
    }

  g_test_message ("%s:%d: %s differs (- expected, + actual):%s", file, line, what, diff->str);
  g_test_fail_printf ("%s:%d: %s differs:%s", file, line, what, diff->str);
}

#define baton_test_assert_text(what, actual, expected) \
  baton_test_assert_text_impl (__FILE__, __LINE__, (what), (actual), (expected))

/* Workspace folder ------------------------------------------------------- */

static inline void
baton_test_rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          baton_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

typedef struct
{
  char *dir;    /* a fresh folder */
  char *path;   /* <dir>/baton.db, not created */
} BatonTestWorkspace;

static inline BatonTestWorkspace *
baton_test_workspace_new (void)
{
  g_autoptr(GError) error = NULL;
  BatonTestWorkspace *ws = g_new0 (BatonTestWorkspace, 1);

  ws->dir = g_dir_make_tmp ("baton-test-XXXXXX", &error);
  g_assert_no_error (error);
  ws->path = g_build_filename (ws->dir, "baton.db", NULL);

  return ws;
}

static inline char *
baton_test_workspace_file (BatonTestWorkspace *ws,
                           const char         *name)
{
  return g_build_filename (ws->dir, name, NULL);
}

static inline void
baton_test_workspace_free (BatonTestWorkspace *ws)
{
  if (ws == NULL)
    return;

  baton_test_rm_rf (ws->dir);
  g_free (ws->dir);
  g_free (ws->path);
  g_free (ws);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonTestWorkspace, baton_test_workspace_free)

/* Database dump ---------------------------------------------------------- */

static inline void
baton_test_append_quoted (GString    *out,
                          const char *text)
{
  g_autofree char *escaped = g_strescape (text, NULL);

  g_string_append_c (out, '"');
  g_string_append (out, escaped);
  g_string_append_c (out, '"');
}

static inline void
baton_test_append_column (GString      *out,
                          sqlite3_stmt *stmt,
                          int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      g_string_append (out, "NULL");
      break;
    case SQLITE_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (stmt, column));
      break;
    case SQLITE_FLOAT:
      g_string_append_printf (out, "%.17g", sqlite3_column_double (stmt, column));
      break;
    case SQLITE_BLOB:
      {
        const guint8 *data = sqlite3_column_blob (stmt, column);
        int n = sqlite3_column_bytes (stmt, column);

        g_string_append (out, "x'");
        for (int i = 0; i < n; i++)
          g_string_append_printf (out, "%02x", data[i]);
        g_string_append_c (out, '\'');
      }
      break;
    case SQLITE_TEXT:
    default:
      baton_test_append_quoted (out, (const char *) sqlite3_column_text (stmt, column));
      break;
    }
}

/* Appends every row of @sql, one line each: "<prefix> col=value | …". */
static inline void
baton_test_append_rows (GString    *out,
                        sqlite3    *handle,
                        const char *prefix,
                        const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("cannot dump with “%s”: %s", sql, sqlite3_errmsg (handle));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append (out, prefix);
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          g_string_append (out, c == 0 ? " " : " | ");
          g_string_append_printf (out, "%s=", sqlite3_column_name (stmt, c));
          baton_test_append_column (out, stmt, c);
        }
      g_string_append_c (out, '\n');
    }

  if (rc != SQLITE_DONE)
    g_error ("cannot dump with “%s”: %s", sql, sqlite3_errmsg (handle));

  sqlite3_finalize (stmt);
}

static inline gboolean
baton_test_table_has_id (sqlite3    *handle,
                         const char *table)
{
  char *sql = sqlite3_mprintf ("SELECT 1 FROM pragma_table_info(%Q) WHERE name = 'id'", table);
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  sqlite3_free (sql);

  return found;
}

/* The user_version, the schema, then every table's rows ordered by id
 * (by all columns for a table without one), tables by name. */
static inline char *
baton_test_dump_db_handle (sqlite3 *handle)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  baton_test_append_rows (out, handle, "version", "PRAGMA user_version");
  baton_test_append_rows (out, handle, "schema",
                          "SELECT type, name, tbl_name, sql FROM sqlite_master "
                          "ORDER BY type, name");

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' "
                                       /* The full-text index follows the notes; its
                                        * shadow tables are not rows of ours. */
                                       "AND name NOT LIKE 'notes_fts%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      char *sql;

      /* Table names come from sqlite_master; %w quotes them as identifiers. */
      if (baton_test_table_has_id (handle, table))
        sql = sqlite3_mprintf ("SELECT * FROM \"%w\" ORDER BY id", table);
      else
        sql = sqlite3_mprintf ("SELECT * FROM \"%w\" ORDER BY 1, 2, 3", table);
      baton_test_append_rows (out, handle, table, sql);
      sqlite3_free (sql);
    }

  return g_string_free (out, FALSE);
}

/**
 * baton_test_dump_db:
 * @path: a database file
 *
 * Opens @path read-only with its own connection and dumps it.
 */
static inline char *
baton_test_dump_db (const char *path)
{
  sqlite3 *handle = NULL;
  char *dump;
  int rc;

  rc = sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    g_error ("cannot open %s to dump it: %s", path, sqlite3_errmsg (handle));

  dump = baton_test_dump_db_handle (handle);
  sqlite3_close_v2 (handle);

  return dump;
}

static inline char *baton_test_dump_team_db (BatonStore *store);

/* The database of @store: its file through a separate connection, or its
 * own connection for ":memory:"; a team workspace's through a connection
 * of its own. */
static inline char *
baton_test_dump_store_db (BatonStore *store)
{
  const char *path = baton_store_get_path (store);

  if (baton_store_is_team_location (path))
    {
      g_autoptr(GError) flush_error = NULL;

      /* What the store sent is on the server (or refused). */
      _baton_store_flush (store, 10000, &flush_error);
      g_assert_no_error (flush_error);
      return baton_test_dump_team_db (store);
    }
  if (g_strcmp0 (path, ":memory:") == 0)
    return baton_test_dump_db_handle (baton_db_get_handle (_baton_store_get_db (store)));

  return baton_test_dump_db (path);
}

/* Memory dump ------------------------------------------------------------ */

static inline void
baton_test_append_field (GString          *out,
                         BatonRecord      *record,
                         const BatonField *field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  baton_record_get_field_value (record, field, &value);

  if (G_VALUE_HOLDS_STRING (&value))
    {
      if (g_value_get_string (&value) == NULL)
        g_string_append (out, "NULL");
      else
        baton_test_append_quoted (out, g_value_get_string (&value));
    }
  else if (G_VALUE_HOLDS_BOOLEAN (&value))
    g_string_append (out, g_value_get_boolean (&value) ? "1" : "0");
  else if (field->kind == BATON_FIELD_REF && g_value_get_int64 (&value) == 0)
    g_string_append (out, "NULL");   /* stored as NULL */
  else
    g_string_append_printf (out, "%" G_GINT64_FORMAT, g_value_get_int64 (&value));
}

/* One line, in the format baton_test_append_rows () uses for the table. */
static inline void
baton_test_append_record (GString     *out,
                          BatonRecord *record)
{
  const BatonRecordSchema *schema = baton_record_get_schema (record);

  g_string_append_printf (out, "%s id=%" G_GINT64_FORMAT, schema->table, baton_record_get_id (record));
  for (guint f = 0; f < schema->n_fields; f++)
    {
      g_string_append_printf (out, " | %s=", schema->fields[f].column);
      baton_test_append_field (out, record, &schema->fields[f]);
    }
  g_string_append_c (out, '\n');
}

/**
 * baton_test_dump_store:
 *
 * Every list of @store in list order. Also asserts that the identity map
 * returns the listed object for each id.
 */
static inline char *
baton_test_dump_store (BatonStore *store)
{
  GString *out = g_string_new (NULL);
  guint n_schemas;
  const BatonRecordSchema * const *schemas = _baton_store_get_schemas (&n_schemas);

  for (guint s = 0; s < n_schemas; s++)
    {
      GType type = schemas[s]->get_type ();
      GListModel *list = baton_store_get_list (store, type);
      guint n = g_list_model_get_n_items (list);

      g_assert_true (g_list_model_get_item_type (list) == type);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BatonRecord) record = g_list_model_get_item (list, i);

          g_assert_true (G_OBJECT_TYPE (record) == type);
          g_assert_true (baton_store_lookup (store, type, baton_record_get_id (record)) == (gpointer) record);
          baton_test_append_record (out, record);
        }
    }

  return g_string_free (out, FALSE);
}

static inline gint
baton_test_compare_records_by_id (gconstpointer a,
                                  gconstpointer b)
{
  gint64 ia = baton_record_get_id (*(BatonRecord **) a);
  gint64 ib = baton_record_get_id (*(BatonRecord **) b);

  return ia < ib ? -1 : (ia > ib ? 1 : 0);
}

/**
 * baton_test_assert_store_matches_db:
 *
 * The objects hold exactly the rows of the database: same ids, same
 * values, nothing more or less.
 */
static inline void
baton_test_assert_store_matches_db (BatonStore *store)
{
  sqlite3 *handle = NULL;
  guint n_schemas;
  const BatonRecordSchema * const *schemas = _baton_store_get_schemas (&n_schemas);
  g_autofree char *team_rows = NULL;

  if (baton_store_is_team_location (baton_store_get_path (store)))
    {
      g_autoptr(GError) flush_error = NULL;

      _baton_store_flush (store, 10000, &flush_error);
      g_assert_no_error (flush_error);
      /* The team database dumps as the objects do, table by table in id
       * order. */
      g_autoptr(GString) memory = g_string_new (NULL);

      team_rows = baton_test_dump_team_db (store);
      for (guint s = 0; s < n_schemas; s++)
        {
          GListModel *list = baton_store_get_list (store, schemas[s]->get_type ());
          g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

          for (guint i = 0; i < g_list_model_get_n_items (list); i++)
            g_ptr_array_add (records, g_list_model_get_item (list, i));
          g_ptr_array_sort (records, baton_test_compare_records_by_id);
          for (guint i = 0; i < records->len; i++)
            baton_test_append_record (memory, g_ptr_array_index (records, i));
        }
      baton_test_assert_text ("objects against database rows", memory->str, team_rows);
      return;
    }

  handle = baton_db_get_handle (_baton_store_get_db (store));

  for (guint s = 0; s < n_schemas; s++)
    {
      const BatonRecordSchema *schema = schemas[s];
      GListModel *list = baton_store_get_list (store, schema->get_type ());
      g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(GString) memory = g_string_new (NULL);
      g_autoptr(GString) disk = g_string_new (NULL);
      g_autoptr(GString) sql = g_string_new ("SELECT id");

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (records, g_list_model_get_item (list, i));
      g_ptr_array_sort (records, baton_test_compare_records_by_id);
      for (guint i = 0; i < records->len; i++)
        baton_test_append_record (memory, g_ptr_array_index (records, i));

      for (guint f = 0; f < schema->n_fields; f++)
        g_string_append_printf (sql, ", %s", schema->fields[f].column);
      g_string_append_printf (sql, " FROM %s ORDER BY id", schema->table);
      baton_test_append_rows (disk, handle, schema->table, sql->str);

      baton_test_assert_text ("objects against database rows", memory->str, disk->str);
    }
}

/* State: database + objects + history -------------------------------- */

typedef struct
{
  char *db;
  char *memory;
  char *history;
} BatonTestState;

static inline char *
baton_test_describe_history (BatonHistory *history)
{
  return g_strdup_printf ("undo=%d “%s” redo=%d “%s”",
                          baton_history_get_can_undo (history),
                          baton_history_get_undo_label (history),
                          baton_history_get_can_redo (history),
                          baton_history_get_redo_label (history));
}

static inline BatonTestState *
baton_test_state_capture (BatonStore *store)
{
  BatonTestState *state = g_new0 (BatonTestState, 1);

  state->db = baton_test_dump_store_db (store);
  state->memory = baton_test_dump_store (store);
  state->history = baton_test_describe_history (baton_store_get_history (store));

  return state;
}

static inline void
baton_test_state_free (BatonTestState *state)
{
  if (state == NULL)
    return;

  g_free (state->db);
  g_free (state->memory);
  g_free (state->history);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonTestState, baton_test_state_free)

/* Database and objects equal @state (the history is not compared). */
static inline void
baton_test_assert_data_equals (BatonTestState *state,
                               BatonStore     *store)
{
  g_autofree char *db = baton_test_dump_store_db (store);
  g_autofree char *memory = baton_test_dump_store (store);

  baton_test_assert_text ("the database", db, state->db);
  baton_test_assert_text ("the objects", memory, state->memory);
}

static inline void
baton_test_assert_state_equals (BatonTestState *state,
                                BatonStore     *store)
{
  g_autofree char *history = baton_test_describe_history (baton_store_get_history (store));

  baton_test_assert_data_equals (state, store);
  g_assert_cmpstr (history, ==, state->history);
}

/* Errors ----------------------------------------------------------------- */

/* @error is a BATON_STORE_ERROR of @code with a message a person can read. */
static inline void
baton_test_assert_store_error (const GError *error,
                               gint          code)
{
  g_assert_error (error, BATON_STORE_ERROR, code);
  if (error == NULL || error->message == NULL)
    {
      g_assert_nonnull (error);
      return;
    }
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  {
    g_autofree char *stripped = g_strstrip (g_strdup (error->message));
    g_assert_cmpstr (stripped, !=, "");
  }
  g_assert_null (strstr (error->message, "(null)"));
  /* No conversion left unformatted. */
  g_assert_null (strstr (error->message, "%s"));
  g_assert_null (strstr (error->message, "%d"));
  g_assert_null (strstr (error->message, "%u"));
  g_debug ("expected error %d: %s", code, error->message);
}

/* Recorder --------------------------------------------------------------- */

typedef struct _BatonTestRecorder BatonTestRecorder;

typedef struct
{
  BatonTestRecorder *recorder;
  GListModel        *list;
  const char        *table;
  GPtrArray         *mirror;   /* items, updated from items-changed only */
  gulong             handler;
} BatonTestListWatch;

struct _BatonTestRecorder
{
  BatonStore         *store;
  GString            *log;
  guint               n_changed;
  gulong              changed_handler;
  guint               n_watches;
  BatonTestListWatch *watches;
};

static inline void
baton_test_recorder_items_changed (GListModel *list,
                                   guint       position,
                                   guint       removed,
                                   guint       added,
                                   gpointer    user_data)
{
  BatonTestListWatch *watch = user_data;

  g_string_append_printf (watch->recorder->log, "%s %u-%u+%u\n", watch->table, position, removed, added);

  g_assert_cmpuint (position + removed, <=, watch->mirror->len);
  g_ptr_array_remove_range (watch->mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (watch->mirror, position + i, g_list_model_get_item (list, position + i));
}

static inline void
baton_test_recorder_changed (BatonStore *store,
                             gpointer    user_data)
{
  BatonTestRecorder *recorder = user_data;

  recorder->n_changed++;
  g_string_append (recorder->log, "changed\n");
}

static inline BatonTestRecorder *
baton_test_recorder_new (BatonStore *store)
{
  BatonTestRecorder *recorder = g_new0 (BatonTestRecorder, 1);
  const BatonRecordSchema * const *schemas = _baton_store_get_schemas (&recorder->n_watches);

  recorder->store = g_object_ref (store);
  recorder->log = g_string_new (NULL);
  recorder->watches = g_new0 (BatonTestListWatch, recorder->n_watches);
  recorder->changed_handler = g_signal_connect (store, "changed",
                                                G_CALLBACK (baton_test_recorder_changed), recorder);

  for (guint i = 0; i < recorder->n_watches; i++)
    {
      BatonTestListWatch *watch = &recorder->watches[i];
      guint n;

      watch->recorder = recorder;
      watch->table = schemas[i]->table;
      watch->list = baton_store_get_list (store, schemas[i]->get_type ());
      watch->mirror = g_ptr_array_new_with_free_func (g_object_unref);
      n = g_list_model_get_n_items (watch->list);
      for (guint k = 0; k < n; k++)
        g_ptr_array_add (watch->mirror, g_list_model_get_item (watch->list, k));
      watch->handler = g_signal_connect (watch->list, "items-changed",
                                         G_CALLBACK (baton_test_recorder_items_changed), watch);
    }

  return recorder;
}

/* Every mirror, built from the signals alone, equals its list. */
static inline void
baton_test_recorder_check (BatonTestRecorder *recorder)
{
  for (guint i = 0; i < recorder->n_watches; i++)
    {
      BatonTestListWatch *watch = &recorder->watches[i];
      guint n = g_list_model_get_n_items (watch->list);

      g_assert_cmpuint (watch->mirror->len, ==, n);
      for (guint k = 0; k < n; k++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (watch->list, k);
          g_assert_true (g_ptr_array_index (watch->mirror, k) == (gpointer) item);
        }
    }
}

static inline void
baton_test_recorder_clear (BatonTestRecorder *recorder)
{
  baton_test_recorder_check (recorder);
  g_string_truncate (recorder->log, 0);
  recorder->n_changed = 0;
}

/* The log since the last clear, then clears it. */
static inline char *
baton_test_recorder_take (BatonTestRecorder *recorder)
{
  char *log = g_strdup (recorder->log->str);

  baton_test_recorder_clear (recorder);
  return log;
}

static inline void
baton_test_recorder_free (BatonTestRecorder *recorder)
{
  if (recorder == NULL)
    return;

  baton_test_recorder_check (recorder);
  for (guint i = 0; i < recorder->n_watches; i++)
    {
      g_signal_handler_disconnect (recorder->watches[i].list, recorder->watches[i].handler);
      g_ptr_array_unref (recorder->watches[i].mirror);
    }
  g_signal_handler_disconnect (recorder->store, recorder->changed_handler);
  g_object_unref (recorder->store);
  g_free (recorder->watches);
  g_string_free (recorder->log, TRUE);
  g_free (recorder);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonTestRecorder, baton_test_recorder_free)

#define baton_test_assert_log(recorder, expected) G_STMT_START {     \
    g_autofree char *baton_log_ = baton_test_recorder_take (recorder); \
    g_assert_cmpstr (baton_log_, ==, (expected));                    \
  } G_STMT_END

/* Notifications ------------------------------------------------------- */

typedef struct
{
  GObject *object;   /* weak */
  gulong   handler;
  guint    count;
} BatonTestNotify;

static inline void
baton_test_notify_cb (GObject    *object,
                      GParamSpec *pspec,
                      gpointer    user_data)
{
  BatonTestNotify *notify = user_data;

  notify->count++;
}

/* Counts notify::@property of @object. */
static inline BatonTestNotify *
baton_test_notify_new (gpointer    object,
                       const char *property)
{
  BatonTestNotify *notify = g_new0 (BatonTestNotify, 1);
  g_autofree char *signal = g_strconcat ("notify::", property, NULL);

  g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (object), property));
  notify->object = object;
  g_object_add_weak_pointer (notify->object, (gpointer *) &notify->object);
  notify->handler = g_signal_connect (object, signal, G_CALLBACK (baton_test_notify_cb), notify);

  return notify;
}

static inline void
baton_test_notify_free (BatonTestNotify *notify)
{
  if (notify == NULL)
    return;

  if (notify->object != NULL)
    {
      g_signal_handler_disconnect (notify->object, notify->handler);
      g_object_remove_weak_pointer (notify->object, (gpointer *) &notify->object);
    }
  g_free (notify);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonTestNotify, baton_test_notify_free)

/* Misc ------------------------------------------------------------------- */

/* Item @index of @list, borrowed (the store keeps its reference). */
static inline gpointer
baton_test_list_item (GListModel *list,
                      guint       index)
{
  g_autoptr(GObject) item = NULL;

  g_assert_cmpuint (index, <, g_list_model_get_n_items (list));
  item = g_list_model_get_item (list, index);

  return item;
}

static inline gint64
baton_test_id (gpointer record)
{
  return baton_record_get_id (BATON_RECORD (record));
}

/* Requirements and locales ------------------------------------------------ */

/* A test that cannot run here (no display, no locale, no tool): skipped on
 * a developer's machine, failed in CI (CI=true), where everything must run.
 * The caller returns right after. */
static inline void
baton_test_missing_requirement (const char *what)
{
  if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_test_fail_printf ("cannot run in CI: %s", what);
  else
    g_test_skip (what);
}

/* Switches @category (LC_NUMERIC, LC_ALL, …) to a locale whose decimal
 * separator is a comma — de_DE.UTF-8 first — and returns TRUE; or calls
 * baton_test_missing_requirement () and returns FALSE when the machine has
 * none (Debian: the "locales" package, then locale-gen de_DE.UTF-8). */
static inline gboolean
baton_test_use_decimal_comma_locale (int category)
{
  static const char * const candidates[] = {
    "de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8", "nl_NL.UTF-8", "es_ES.UTF-8",
  };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (setlocale (category, candidates[i]) != NULL)
      {
        if (g_strcmp0 (localeconv ()->decimal_point, ",") == 0)
          return TRUE;
      }

  setlocale (category, "C.UTF-8");
  baton_test_missing_requirement ("no decimal-comma locale (de_DE.UTF-8): install “locales” "
                                  "and run “locale-gen de_DE.UTF-8”");
  return FALSE;
}

G_END_DECLS

/* Folders that must not change, files that cannot be written -------------- */

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>

static inline int
baton_test_compare_lines (gconstpointer a,
                          gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Every file in the folder of @path with its size and SHA-256, one a line,
 * sorted: to prove that the file did not change and that nothing (a -wal,
 * -shm or -journal file, a backup) appeared beside it. */
static inline char *
baton_test_folder_state (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (handle);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *hash = NULL;
      gsize length = 0;

      if (g_file_test (file, G_FILE_TEST_IS_DIR))
        {
          g_ptr_array_add (lines, g_strdup_printf ("%s/", name));
          continue;
        }
      g_assert_true (g_file_get_contents (file, &contents, &length, NULL));
      hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
      g_ptr_array_add (lines, g_strdup_printf ("%s %" G_GSIZE_FORMAT " %s", name, length, hash));
    }
  g_ptr_array_sort (lines, baton_test_compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (lines, i));

  return g_string_free (out, FALSE);
}

static inline gboolean
baton_test_set_immutable (const char *path,
                          gboolean    immutable)
{
  int fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  int flags = 0;
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = ioctl (fd, FS_IOC_GETFLAGS, &flags) == 0;
  if (ok)
    {
      flags = immutable ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
      ok = ioctl (fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
  close (fd);

  return ok;
}

/* Makes the file or folder @path impossible to write for this process,
 * root included: the immutable flag (root with CAP_LINUX_IMMUTABLE on a
 * file system that has it), else permissions (any other user). When
 * neither works, skips the test and returns FALSE. Undo it with
 * baton_test_make_writable () before the folder is removed. */
static inline gboolean
baton_test_make_unwritable (const char *path)
{
  if (baton_test_set_immutable (path, TRUE))
    return TRUE;

  if (geteuid () != 0)
    return g_chmod (path, g_file_test (path, G_FILE_TEST_IS_DIR) ? 0555 : 0444) == 0;

  g_test_skip ("cannot make a file unwritable here (no immutable flag, and root ignores permissions)");
  return FALSE;
}

static inline void
baton_test_make_writable (const char *path)
{
  baton_test_set_immutable (path, FALSE);
  g_chmod (path, g_file_test (path, G_FILE_TEST_IS_DIR) ? 0700 : 0600);
}

/* The file as another program sees it --------------------------------------- */

/* Runs @sql on a connection of a test's own; any error ends the test. */
static inline void
baton_test_exec_sql (sqlite3    *db,
                     const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed: %s\n%s", message, sql);
}

/* A read-write connection to @path, created when missing, as another
 * program (or an older Baton) would open it. */
static inline sqlite3 *
baton_test_open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  return db;
}

/* The integer of PRAGMA @pragma ("user_version", "application_id") of the
 * database at @path, through a read-only connection of its own. With
 * @file_only, from the file alone (SQLite's immutable mode): not from its
 * -wal file, and with no lock and no file left beside it. */
static inline gint64
baton_test_file_pragma (const char *path,
                        const char *pragma,
                        gboolean    file_only)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *target = g_strconcat (uri, file_only ? "?immutable=1" : "?mode=ro", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", pragma);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_nonnull (uri);
  g_assert_cmpint (sqlite3_open_v2 (target, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* Another program holds the write lock of @path (BEGIN IMMEDIATE on its
 * own connection) until baton_test_release_lock (). */
static inline sqlite3 *
baton_test_hold_write_lock (const char *path)
{
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &other, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return other;
}

static inline void
baton_test_release_lock (sqlite3 *other)
{
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close_v2 (other);
}

/* The body of note @id in the database at @path, read through a
 * connection of its own (NULL: no body, or no such note). */
static inline char *
baton_test_note_body_on_disk (const char *path,
                              gint64      id)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *body = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT body FROM notes WHERE id = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    body = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (handle);

  return body;
}

/* Copies the database at @from, its -wal file and (@with_shm) its -shm
 * file to @to, as they are while a connection has it open: what a crash
 * (or kill -9) leaves. */
static inline void
baton_test_copy_as_crashed (const char *from,
                            const char *to,
                            gboolean    with_shm)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < (with_shm ? 3 : 2); i++)
    {
      g_autofree char *source = g_strconcat (from, suffixes[i], NULL);
      g_autofree char *dest = g_strconcat (to, suffixes[i], NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (dest, contents, length, NULL));
    }
}

/* Waiting without a display --------------------------------------------- */

/* Runs the default main context until @cond holds, failing the test after
 * @timeout_ms (for the model tests, which have no GTK: the UI tests have
 * baton_test_wait_for ()). */
#define baton_test_wait_model(cond, timeout_ms)                                 \
  G_STMT_START {                                                                \
    gint64 baton_deadline_ = g_get_monotonic_time () + (gint64) (timeout_ms) * 1000; \
    while (!(cond))                                                             \
      {                                                                         \
        if (g_get_monotonic_time () > baton_deadline_)                          \
          {                                                                     \
            g_assertion_message_expr (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, \
                                      "timed out waiting for " #cond);         \
            break;                                                              \
          }                                                                     \
        if (!g_main_context_iteration (NULL, FALSE))                            \
          g_usleep (1000);                                                      \
      }                                                                         \
  } G_STMT_END

/* Team workspaces -------------------------------------------------------- */

/* Every row of the team workspace of @store, read through a connection of
 * its own, one line each as baton_test_append_record () writes them,
 * table by table in id order. */
static inline char *
baton_test_dump_team_db (BatonStore *store)
{
  GString *out = g_string_new (NULL);
  guint n_schemas;
  const BatonRecordSchema * const *schemas = _baton_store_get_schemas (&n_schemas);
  /* The last workspace's connection is kept for the next dump. */
  static PGconn *conn;
  static char *conn_location;
  const char *location = baton_store_get_path (store);

  if (conn == NULL || g_strcmp0 (conn_location, location) != 0 || PQstatus (conn) != CONNECTION_OK)
    {
      g_clear_pointer (&conn, PQfinish);
      g_free (conn_location);
      conn_location = g_strdup (location);
      conn = PQconnectdb (location);
      if (PQstatus (conn) != CONNECTION_OK)
        g_error ("cannot dump the team workspace: %s", PQerrorMessage (conn));
    }

  for (guint s = 0; s < n_schemas; s++)
    {
      const BatonRecordSchema *schema = schemas[s];
      g_autoptr(GString) sql = g_string_new ("SELECT id");
      PGresult *result;

      for (guint f = 0; f < schema->n_fields; f++)
        g_string_append_printf (sql, ", %s", schema->fields[f].column);
      g_string_append_printf (sql, " FROM %s ORDER BY id", schema->table);

      result = PQexec (conn, sql->str);
      if (PQresultStatus (result) != PGRES_TUPLES_OK)
        g_error ("cannot dump with “%s”: %s", sql->str, PQresultErrorMessage (result));

      for (int row = 0; row < PQntuples (result); row++)
        {
          g_string_append_printf (out, "%s id=%s", schema->table, PQgetvalue (result, row, 0));
          for (guint f = 0; f < schema->n_fields; f++)
            {
              const char *value = PQgetvalue (result, row, f + 1);

              g_string_append_printf (out, " | %s=", schema->fields[f].column);
              if (PQgetisnull (result, row, f + 1))
                g_string_append (out, "NULL");
              else if (schema->fields[f].kind == BATON_FIELD_BOOL)
                g_string_append (out, value[0] == 't' ? "1" : "0");
              else if (baton_field_get_gtype (&schema->fields[f]) == G_TYPE_STRING)
                baton_test_append_quoted (out, value);
              else
                g_string_append (out, value);
            }
          g_string_append_c (out, '\n');
        }
      PQclear (result);
    }

  return g_string_free (out, FALSE);
}
