/* test-migrations.c — opening, upgrading, refusing and backing up files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-migrations"

#include "config.h"

#include <sys/stat.h>

#include "baton-test-util.h"
#include "baton-search.h"
#include "baton-search-index.h"

/* Rows in every table of format 1; later steps must keep them. */
static const char rows_sql[] =
  "INSERT INTO roles (id, name, color, position) VALUES (1, 'Writer', '#aabbcc', 0), (2, 'Designer', NULL, 1);"
  "INSERT INTO people (id, name, email, weekly_capacity_minutes, color, archived)"
  "  VALUES (1, 'Ana', 'ana@example.com', 2400, NULL, 0), (2, 'Ben', NULL, 1200, '#112233', 1);"
  "INSERT INTO person_roles (id, person_id, role_id, is_primary) VALUES (1, 1, 1, 1), (2, 1, 2, 0);"
  "INSERT INTO time_off (id, person_id, start_date, end_date, note) VALUES (1, 1, '2026-03-02', '2026-03-06', 'Holiday');"
  "INSERT INTO clients (id, name, organization, contact_name, email, phone, archived)"
  "  VALUES (1, 'Acme', 'Acme Corp', 'Dana', 'dana@acme.test', '+1 555', 0);"
  "INSERT INTO programs (id, client_id, name, description, start_date, due_date, color, archived)"
  "  VALUES (1, 1, 'Onboarding', 'New hires', '2026-03-01', '2026-06-30', '#3584e4', 0);"
  "INSERT INTO stages (id, name, position, wip_limit, is_done) VALUES (1, 'To do', 0, 3, 0), (2, 'Done', 1, 0, 1);"
  "INSERT INTO tasks (id, program_id, stage_id, position, title, description, role_id, assignee_id,"
  "  estimate_minutes, start_date, due_date, priority, created_at, updated_at, completed_at, archived)"
  "  VALUES (1, 1, 1, 1024, 'Storyboard', 'Ünïcødé', 1, 1, 600, '2026-03-09', '2026-03-13', 2,"
  "          '2026-03-01T09:00:00Z', '2026-03-02T09:00:00Z', NULL, 0),"
  "         (2, NULL, 2, 1024, 'Kick-off', NULL, NULL, NULL, 0, NULL, NULL, 0,"
  "          '2026-03-01T09:00:00Z', '2026-03-01T09:00:00Z', '2026-03-01T10:00:00Z', 0);"
  "INSERT INTO checklist_items (id, task_id, text, done, position) VALUES (1, 1, 'Outline', 1, 0), (2, 1, 'Script', 0, 1);"
  "INSERT INTO notes (id, client_id, program_id, title, body, created_at, updated_at)"
  "  VALUES (1, 1, 1, 'Needs analysis', '# Needs', '2026-03-01T09:00:00Z', '2026-03-01T09:30:00Z');"
  "INSERT INTO note_revisions (id, note_id, body, saved_at) VALUES (1, 1, '# Draft', '2026-03-01T09:10:00Z');";

/* Writes a database at format @version, built by running the migration
 * steps by hand, optionally with @extra_sql afterwards. Like the Baton that
 * wrote them, formats up to BATON_DB_LAST_UNSTAMPED_VERSION carry no
 * application id and later ones do. */
static void
create_db_at_version (const char *path,
                      gint        version,
                      const char *extra_sql)
{
  sqlite3 *db = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", version);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  baton_test_exec_sql (db, "PRAGMA foreign_keys = ON");

  /* Make sure the file exists as a database even with no table. */
  baton_test_exec_sql (db, "CREATE TABLE scratch (x); DROP TABLE scratch;");

  /* A "newer" database gets every step we know, then a higher number. */
  for (gint step = 1; step <= MIN (version, BATON_SCHEMA_VERSION); step++)
    {
      const char *sql = baton_db_migration_sql (step);

      g_assert_nonnull (sql);
      baton_test_exec_sql (db, sql);
    }
  if (extra_sql != NULL)
    baton_test_exec_sql (db, extra_sql);
  baton_test_exec_sql (db, pragma);
  if (version > BATON_DB_LAST_UNSTAMPED_VERSION)
    {
      g_autofree char *stamp = g_strdup_printf ("PRAGMA application_id = %d", BATON_APPLICATION_ID);
      baton_test_exec_sql (db, stamp);
    }

  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* One query per table of the file at @path, selecting the columns it has
 * now, so the same rows can be read again after an upgrade (which may add
 * columns, never drop data). */
static GPtrArray *
row_queries (const char *path)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* The notes search index and its queue are derived data: the upgrade
   * rebuilds them (see test_step_5_search_index ()). */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'notes_fts%' "
                                           "ORDER BY name",
                                       -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      char *info_sql = sqlite3_mprintf ("SELECT name FROM pragma_table_info(%Q) ORDER BY cid", table);
      sqlite3_stmt *info = NULL;
      GString *query = g_string_new ("SELECT ");
      char *quoted_table = sqlite3_mprintf ("\"%w\"", table);
      guint n = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (db, info_sql, -1, &info, NULL), ==, SQLITE_OK);
      while (sqlite3_step (info) == SQLITE_ROW)
        {
          char *column = sqlite3_mprintf ("\"%w\"", (const char *) sqlite3_column_text (info, 0));
          g_string_append_printf (query, "%s%s", n++ > 0 ? ", " : "", column);
          sqlite3_free (column);
        }
      g_string_append_printf (query, " FROM %s ORDER BY 1", quoted_table);
      g_ptr_array_add (queries, g_strdup (table));
      g_ptr_array_add (queries, g_string_free (query, FALSE));

      sqlite3_finalize (info);
      sqlite3_free (info_sql);
      sqlite3_free (quoted_table);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);

  return queries;
}

static char *
run_row_queries (const char *path,
                 GPtrArray  *queries)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < queries->len; i += 2)
    baton_test_append_rows (out, db, g_ptr_array_index (queries, i), g_ptr_array_index (queries, i + 1));
  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

static char *
schema_of (const char *dump)
{
  g_auto(GStrv) lines = g_strsplit (dump, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "schema "))
      g_string_append_printf (out, "%s\n", lines[i]);

  return g_string_free (out, FALSE);
}

/* The schema a new workspace gets. */
static char *
fresh_schema (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (ws->path, &error);
  g_autofree char *dump = NULL;

  g_assert_no_error (error);
  dump = baton_test_dump_db (ws->path);
  g_clear_object (&store);

  return schema_of (dump);
}

/* Names in @dir, sorted, one per line. */
static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static char *
list_dir_sorted (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) g_ptr_array_index (names, i));

  return g_string_free (out, FALSE);
}

/* The folder of @path is as @before (baton_test_folder_state ()) says:
 * the file byte-identical, and no file appeared beside it. */
static void
assert_folder_unchanged (const char *before,
                         const char *path)
{
  g_autofree char *after = baton_test_folder_state (path);

  baton_test_assert_text ("the folder", after, before);
}

/* Tests */

static void
test_migration_steps (void)
{
  g_assert_null (baton_db_migration_sql (0));
  g_assert_null (baton_db_migration_sql (-1));
  g_assert_null (baton_db_migration_sql (BATON_SCHEMA_VERSION + 1));

  for (gint v = 1; v <= BATON_SCHEMA_VERSION; v++)
    {
      g_assert_nonnull (baton_db_migration_sql (v));
      g_assert_cmpstr (baton_db_migration_sql (v), !=, "");
    }
}

static void
test_fresh_file (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  GListModel *stages;

  g_assert_false (g_file_test (ws->path, G_FILE_TEST_EXISTS));

  store = baton_store_open (ws->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (baton_store_get_path (store), ==, ws->path);

  g_assert_cmpint (baton_test_file_pragma (ws->path, "user_version", FALSE), ==, BATON_SCHEMA_VERSION);
  g_assert_cmpint (baton_store_peek_version (ws->path, &error), ==, BATON_SCHEMA_VERSION);
  g_assert_no_error (error);

  /* A new workspace has its board, nothing else, and no undo step. */
  stages = baton_store_get_stages (store);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 6);
  g_assert_true (baton_store_is_empty (store));
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (store)));
  baton_test_assert_store_matches_db (store);

  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_cmpint (baton_test_file_pragma (ws->path, "user_version", FALSE), ==, BATON_SCHEMA_VERSION);
}

static void
test_empty_file (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  BatonStore *store;
  g_autofree char *snap = NULL;

  /* A zero-byte file Baton did not create (`touch` made it, or another
   * program): not a workspace, and left as it is. */
  g_assert_true (g_file_set_contents (ws->path, "", 0, &error));
  g_assert_no_error (error);
  snap = baton_test_folder_state (ws->path);

  store = baton_store_open (ws->path, &error);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_NOT_BATON);
  assert_folder_unchanged (snap, ws->path);
}

static void
test_from_version (gconstpointer data)
{
  gint from = GPOINTER_TO_INT (data);
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *rows_before = NULL;
  g_autofree char *rows_after = NULL;
  g_autofree char *schema_after = NULL;
  g_autofree char *expected_schema = fresh_schema ();
  g_autoptr(GPtrArray) queries = NULL;

  create_db_at_version (ws->path, from, rows_sql);
  g_assert_cmpint (baton_test_file_pragma (ws->path, "user_version", FALSE), ==, from);
  g_assert_cmpint (baton_store_peek_version (ws->path, &error), ==, from);
  g_assert_no_error (error);
  before = baton_test_dump_db (ws->path);
  queries = row_queries (ws->path);
  rows_before = run_row_queries (ws->path, queries);

  /* Formats up to BATON_DB_LAST_UNSTAMPED_VERSION were released without
   * an application id; later ones carry it. */
  g_assert_cmpint (baton_test_file_pragma (ws->path, "application_id", FALSE), ==,
                   from > BATON_DB_LAST_UNSTAMPED_VERSION ? BATON_APPLICATION_ID : 0);
  store = baton_store_open (ws->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  /* Recognised by its tables, upgraded, and stamped as Baton's. */
  g_assert_cmpint (baton_test_file_pragma (ws->path, "user_version", FALSE), ==, BATON_SCHEMA_VERSION);
  g_assert_cmpint (baton_test_file_pragma (ws->path, "application_id", FALSE), ==, BATON_APPLICATION_ID);
  after = baton_test_dump_db (ws->path);

  /* Same schema as a new workspace. */
  schema_after = schema_of (after);
  baton_test_assert_text ("the upgraded schema", schema_after, expected_schema);

  {
      BatonTask *task;
      BatonRole *role;

      /* Every row and value kept, none added (no default stages over
       * existing ones); new columns may have appeared. */
      rows_after = run_row_queries (ws->path, queries);
      /* Eleven tables, twelve with the activity log of format 7. */
      g_assert_cmpuint (queries->len, ==, 2 * (from >= 7 ? 12 : 11));
      baton_test_assert_text ("the rows", rows_after, rows_before);

      g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_stages (store)), ==, 2);
      task = baton_store_lookup_task (store, 1);
      g_assert_nonnull (task);
      g_assert_cmpstr (baton_task_get_title (task), ==, "Storyboard");
      g_assert_cmpstr (baton_task_get_description (task), ==, "Ünïcødé");
      g_assert_cmpint (baton_task_get_assignee_id (task), ==, 1);
      g_assert_cmpint (baton_task_get_estimate_minutes (task), ==, 600);
      g_assert_cmpint (baton_task_get_program_id (baton_store_lookup_task (store, 2)), ==, 0);
      role = baton_store_lookup_role (store, 1);
      g_assert_cmpstr (baton_role_get_color (role), ==, "#aabbcc");
      g_assert_cmpint (baton_store_get_primary_role_id (store, baton_store_lookup_person (store, 1)), ==, 1);
      g_assert_true (baton_person_get_archived (baton_store_lookup_person (store, 2)));
      g_assert_cmpstr (baton_note_get_body (baton_store_lookup_note (store, 1)), ==, "# Needs");
      g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_note_revisions (store)), ==, 1);
      g_assert_false (baton_store_is_empty (store));
    }

  baton_test_assert_store_matches_db (store);
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (store)));

  /* Opening again is a no-op migration. */
  g_clear_object (&store);
  store = baton_store_open (ws->path, &error);
  g_assert_no_error (error);
  {
    g_autofree char *again = baton_test_dump_db (ws->path);
    g_assert_cmpstr (again, ==, after);
  }
}

static void
test_newer_refused (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  BatonStore *store;
  g_autofree char *snap = NULL;

  create_db_at_version (ws->path, BATON_SCHEMA_VERSION + 1, rows_sql);
  snap = baton_test_folder_state (ws->path);

  store = baton_store_open (ws->path, &error);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_NEWER_SCHEMA);
  assert_folder_unchanged (snap, ws->path);

  /* Peeking reads the version without touching the file. */
  g_free (snap);
  snap = baton_test_folder_state (ws->path);
  g_clear_error (&error);
  g_assert_cmpint (baton_store_peek_version (ws->path, &error), ==, BATON_SCHEMA_VERSION + 1);
  g_assert_no_error (error);
  assert_folder_unchanged (snap, ws->path);

  /* Much newer too. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (ws->path, &db), ==, SQLITE_OK);
    baton_test_exec_sql (db, "PRAGMA user_version = 1000");
    sqlite3_close (db);
  }
  g_free (snap);
  snap = baton_test_folder_state (ws->path);
  store = baton_store_open (ws->path, &error);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_NEWER_SCHEMA);
  assert_folder_unchanged (snap, ws->path);
}

static void
test_not_sqlite (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  BatonStore *store;
  g_autofree char *snap = NULL;

  for (guint i = 0; i < 4096; i++)
    g_string_append_c (text, (char) g_rand_int_range (rand, ' ', '~' + 1));
  g_assert_true (g_file_set_contents (ws->path, text->str, text->len, &error));
  g_assert_no_error (error);
  snap = baton_test_folder_state (ws->path);

  store = baton_store_open (ws->path, &error);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_NOT_BATON);
  g_assert_nonnull (strstr (error->message, ws->path));
  assert_folder_unchanged (snap, ws->path);

  g_clear_error (&error);
  g_free (snap);
  snap = baton_test_folder_state (ws->path);
  g_assert_cmpint (baton_store_peek_version (ws->path, &error), ==, -1);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_NOT_BATON);
  assert_folder_unchanged (snap, ws->path);
}

static void
test_other_application (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  BatonStore *store;
  g_autofree char *snap = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (ws->path, &db), ==, SQLITE_OK);
  baton_test_exec_sql (db, "CREATE TABLE foo (id INTEGER PRIMARY KEY, bar TEXT);"
                "INSERT INTO foo (bar) VALUES ('keep me');");
  sqlite3_close (db);
  snap = baton_test_folder_state (ws->path);

  store = baton_store_open (ws->path, &error);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_NOT_BATON);
  assert_folder_unchanged (snap, ws->path);
}

static void
test_failed_step_rolls_back (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonStore *store;

  /* Format 1 with an index whose name step 2 wants: step 2 fails. */
  create_db_at_version (ws->path, 1, "CREATE INDEX tasks_stage ON tasks (title);");
  before = baton_test_dump_db (ws->path);

  store = baton_store_open (ws->path, &error);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, "tasks_stage"));

  /* The step left nothing behind: same version, no half of its indexes. */
  g_assert_cmpint (baton_test_file_pragma (ws->path, "user_version", FALSE), ==, 1);
  after = baton_test_dump_db (ws->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_wal_and_foreign_keys (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (ws->path, &error);
  sqlite3 *other = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *handle;

  g_assert_no_error (error);

  /* The journal mode is a property of the file: a second connection sees it. */
  g_assert_cmpint (sqlite3_open_v2 (ws->path, &other, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (other, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  sqlite3_close (other);

  /* Foreign keys are enforced on the store's connection. */
  handle = baton_db_get_handle (_baton_store_get_db (store));
  g_assert_cmpint (sqlite3_prepare_v2 (handle, "PRAGMA foreign_keys", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_exec (handle, "INSERT INTO tasks (stage_id, title) VALUES (9999, 'orphan')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_FOREIGNKEY);
}

static void
test_file_mode (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = baton_test_workspace_file (ws, "nested");
  g_autofree char *path = g_build_filename (folder, "deeper", "work.db", NULL);
  g_autofree char *parent = g_path_get_dirname (path);
  g_autoptr(BatonStore) store = NULL;
  GStatBuf st;
  mode_t old_umask = umask (0);   /* permissions must not depend on the umask */

  store = baton_store_open (path, &error);
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (parent, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_default_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "baton", "baton.db", NULL);
  g_autofree char *path = baton_store_default_path ();
  g_autoptr(BatonStore) store = NULL;
  GStatBuf st;

  /* G_TEST_OPTION_ISOLATE_DIRS points the data dir at a temporary folder. */
  g_assert_cmpstr (path, ==, expected);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  store = baton_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (baton_store_get_path (store), ==, expected);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_memory (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (":memory:", &error);
  g_autofree char *dump = NULL;

  g_assert_no_error (error);
  g_assert_false (g_file_test (":memory:", G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_stages (store)), ==, 6);
  dump = baton_test_dump_store_db (store);
  {
    g_autofree char *expected = g_strdup_printf ("version user_version=%d\n", BATON_SCHEMA_VERSION);
    g_assert_true (g_str_has_prefix (dump, expected));
  }
}

static void
test_peek_version (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = baton_test_workspace_file (ws, "missing.db");

  g_assert_cmpint (baton_store_peek_version (missing, &error), ==, -1);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_OPEN);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  {
    g_autoptr(BatonStore) store = baton_store_open (ws->path, &error);
    g_assert_no_error (error);
    /* Also while the store has it open. */
    g_assert_cmpint (baton_store_peek_version (ws->path, &error), ==, BATON_SCHEMA_VERSION);
    g_assert_no_error (error);
  }

  g_assert_cmpint (baton_store_peek_version (ws->path, &error), ==, BATON_SCHEMA_VERSION);
  g_assert_no_error (error);
}

static BatonStore *
open_with_rows (const char *path,
                guint       n_roles)
{
  g_autoptr(GError) error = NULL;
  BatonStore *store = baton_store_open (path, &error);

  g_assert_no_error (error);
  for (guint i = g_list_model_get_n_items (baton_store_get_roles (store)); i < n_roles; i++)
    {
      g_autofree char *name = g_strdup_printf ("Role %u", i + 1);
      g_assert_nonnull (baton_store_create_role (store, name, NULL, &error));
      g_assert_no_error (error);
    }

  return store;
}

static void
test_backup (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = open_with_rows (ws->path, 3);
  g_autofree char *dest = baton_test_workspace_file (ws, "copy.db");
  g_autofree char *source_dump = NULL;
  g_autofree char *copy_dump = NULL;
  g_autoptr(BatonStore) copy = NULL;
  BatonClient *client;

  client = baton_store_create_client (store, "Acme", "Ünïcødé Corp", &error);
  g_assert_no_error (error);
  g_assert_nonnull (baton_store_create_note (store, client, NULL, "Kick-off", "# Body", &error));
  g_assert_no_error (error);

  g_assert_true (baton_store_backup (store, dest, &error));
  g_assert_no_error (error);

  source_dump = baton_test_dump_db (ws->path);
  copy_dump = baton_test_dump_db (dest);
  g_assert_cmpstr (copy_dump, ==, source_dump);

  /* The copy opens as a workspace with the same objects. */
  copy = baton_store_open (dest, &error);
  g_assert_no_error (error);
  {
    g_autofree char *a = baton_test_dump_store (store);
    g_autofree char *b = baton_test_dump_store (copy);
    g_assert_cmpstr (a, ==, b);
  }

  /* No half-written file is left behind. */
  {
    g_autofree char *part = g_strconcat (dest, ".part", NULL);
    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  }
}

static void
test_rotate_backups (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *latest = NULL;

  g_assert_null (baton_store_latest_backup (ws->path));

  /* Four start-ups, each with one more role; three copies are kept. */
  for (guint run = 1; run <= 4; run++)
    {
      BatonStore *store;

      g_assert_true (baton_store_rotate_backups (ws->path, 3, &error));
      g_assert_no_error (error);
      store = open_with_rows (ws->path, run);
      g_assert_finalize_object (store);
    }
  g_assert_true (baton_store_rotate_backups (ws->path, 3, &error));
  g_assert_no_error (error);

  for (guint n = 1; n <= 4; n++)
    {
      g_autofree char *backup = g_strdup_printf ("%s.backup-%u", ws->path, n);

      if (n == 4)
        {
          g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
          continue;
        }

      /* .backup-1 is the newest: 4 roles, then 3, then 2. */
      {
        g_autoptr(BatonStore) copy = baton_store_open (backup, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_roles (copy)), ==, 5 - n);
      }
    }

  latest = baton_store_latest_backup (ws->path);
  g_assert_nonnull (latest);
  {
    g_autofree char *expected = g_strconcat (ws->path, ".backup-1", NULL);
    g_assert_cmpstr (latest, ==, expected);
  }

  /* keep = 0 takes no copy. */
  {
    g_autofree char *before = list_dir_sorted (ws->dir);
    g_autofree char *after = NULL;

    g_assert_true (baton_store_rotate_backups (ws->path, 0, &error));
    g_assert_no_error (error);
    after = list_dir_sorted (ws->dir);
    g_assert_cmpstr (after, ==, before);
  }
}

/* A backup is due when the file was written after the newest backup was
 * taken: not after opening and reading it, nor when it is missing. */
static void
test_backup_due (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *second = g_strconcat (ws->path, ".backup-2", NULL);
  BatonStore *store;

  g_assert_false (baton_store_backup_is_due (ws->path));
  g_assert_false (baton_store_backup_is_due (":memory:"));

  /* A workspace with no backup. */
  store = open_with_rows (ws->path, 2);
  g_assert_finalize_object (store);
  g_assert_true (baton_store_backup_is_due (ws->path));

  g_assert_true (baton_store_rotate_backups (ws->path, 3, &error));
  g_assert_no_error (error);
  g_assert_false (baton_store_backup_is_due (ws->path));

  /* Opened, read and closed: still the backup's. */
  store = open_with_rows (ws->path, 2);
  g_assert_false (baton_store_backup_is_due (ws->path));
  g_assert_finalize_object (store);
  g_assert_false (baton_store_backup_is_due (ws->path));

  /* A change, still in the write-ahead log while the store is open. */
  store = open_with_rows (ws->path, 3);
  g_assert_true (baton_store_backup_is_due (ws->path));

  /* Backed up while it is open (the backup reads the log too). */
  g_assert_true (baton_store_rotate_backups (ws->path, 3, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (second, G_FILE_TEST_EXISTS));
  g_assert_false (baton_store_backup_is_due (ws->path));
  {
    g_autofree char *newest = g_strconcat (ws->path, ".backup-1", NULL);
    g_autoptr(BatonStore) copy = baton_store_open (newest, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_roles (copy)), ==, 3);
  }

  /* Closing it writes the log into the file, which then counts as
   * written (a backup more, never one less). Backed up again, a change
   * after the backup, closed, is due. */
  g_assert_finalize_object (store);
  g_assert_true (baton_store_rotate_backups (ws->path, 3, &error));
  g_assert_no_error (error);
  g_assert_false (baton_store_backup_is_due (ws->path));
  store = open_with_rows (ws->path, 4);
  g_assert_finalize_object (store);
  g_assert_true (baton_store_backup_is_due (ws->path));
}

static void
on_rotated (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The same rotation, on a thread of its own while the store is open. */
static void
test_rotate_async (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BatonStore) store = open_with_rows (ws->path, 3);
  g_autofree char *newest = g_strconcat (ws->path, ".backup-1", NULL);

  baton_store_rotate_backups_async (ws->path, 3, NULL, on_rotated, &result);
  g_assert_false (g_file_test (newest, G_FILE_TEST_EXISTS) && result != NULL);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (baton_store_rotate_backups_finish (result, &error));
  g_assert_no_error (error);
  g_assert_false (baton_store_backup_is_due (ws->path));
  {
    g_autoptr(BatonStore) copy = baton_store_open (newest, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_roles (copy)), ==, 3);
  }
  g_clear_object (&result);

  /* A file that is not Baton's: refused, no backup. */
  {
    g_autofree char *other = baton_test_workspace_file (ws, "other.db");
    g_autofree char *other_backup = g_strconcat (other, ".backup-1", NULL);

    g_assert_true (g_file_set_contents (other, "not a database, but long enough to be read as one", -1, NULL));
    baton_store_rotate_backups_async (other, 3, NULL, on_rotated, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (baton_store_rotate_backups_finish (result, &error));
    g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_BATON);
    g_assert_false (g_file_test (other_backup, G_FILE_TEST_EXISTS));
  }
}

static void
test_rotate_missing (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (baton_store_rotate_backups (ws->path, 3, &error));
  g_assert_no_error (error);
  listing = list_dir_sorted (ws->dir);
  g_assert_cmpstr (listing, ==, "");
  g_assert_null (baton_store_latest_backup (ws->path));
}

static void
test_rotate_damaged (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_strconcat (ws->path, ".backup-1", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autofree char *snap = NULL;
  BatonStore *store;

  store = open_with_rows (ws->path, 2);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *name = g_strdup_printf ("A long role name to fill a few pages, number %u", i);
      g_assert_nonnull (baton_store_create_role (store, name, NULL, &error));
    }
  g_assert_finalize_object (store);
  g_assert_true (baton_store_rotate_backups (ws->path, 3, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ws->path, &contents, &length, &error));

  /* The workspace gets damaged past its first page: its version still
   * reads, its rows do not. The good backup must survive the rotation. */
  g_assert_cmpuint (length, >, 2 * 4096);
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char) (i % 253);
  g_assert_true (g_file_set_contents (ws->path, contents, length, &error));
  snap = baton_test_folder_state (backup);

  g_assert_false (baton_store_rotate_backups (ws->path, 3, &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_CORRUPT);
  assert_folder_unchanged (snap, backup);
  g_clear_error (&error);

  /* Overwritten by something that is not a database at all: the same. */
  g_assert_true (g_file_set_contents (ws->path, "this is not a database, not at all, not even close", -1, &error));
  g_free (snap);
  snap = baton_test_folder_state (backup);
  g_assert_false (baton_store_rotate_backups (ws->path, 3, &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_NOT_BATON);
  assert_folder_unchanged (snap, backup);
}

/* After a crash the last commits live only in the -wal file: the start-up
 * backup and the next open must both see them. */
static void
test_backup_after_crash (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = open_with_rows (ws->path, 5);
  g_autofree char *crashed = baton_test_workspace_file (ws, "crashed.db");
  g_autofree char *backup = NULL;

  /* Copy the files as a crash would leave them (the store is still open),
   * without the -shm file. */
  baton_test_copy_as_crashed (ws->path, crashed, FALSE);

  g_assert_true (baton_store_rotate_backups (crashed, 3, &error));
  g_assert_no_error (error);
  backup = baton_store_latest_backup (crashed);
  g_assert_nonnull (backup);

  {
    g_autoptr(BatonStore) copy = baton_store_open (backup, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_roles (copy)), ==, 5);
  }
  {
    g_autoptr(BatonStore) reopened = baton_store_open (crashed, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_roles (reopened)), ==, 5);
  }
}

static void
test_cannot_create (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *file = baton_test_workspace_file (ws, "a-file");
  g_autofree char *path = g_build_filename (file, "sub", "baton.db", NULL);
  BatonStore *store;

  g_assert_true (g_file_set_contents (file, "x", -1, &error));
  store = baton_store_open (path, &error);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, file));
}


/* Step 5: the notes search index of format 4 (unicode61) is replaced by the
 * trigram index over the search's tokens, built for the notes already
 * there, so that words inside CJK sentences are found. */
static char *
notes_fts_sql (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *sql = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE name = 'notes_fts'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    sql = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return sql;
}

static void
test_step_5_search_index (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  guint total = 0;

  /* A format-4 workspace with its FTS5 index, as Baton 4 left it. */
  create_db_at_version (ws->path, 4,
                        "INSERT INTO clients (id, name) VALUES (1, 'Acme');"
                        "INSERT INTO notes (id, client_id, title, body, updated_at) VALUES "
                        "  (1, 1, '培训', '我们为培训准备了材料。', '2026-01-01T00:00:00Z'),"
                        "  (2, 1, 'Kick-off', 'Needs analysis with the SME', '2026-01-02T00:00:00Z');");
  g_assert_cmpint (sqlite3_open_v2 (ws->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, "CREATE VIRTUAL TABLE notes_fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');"
                        "INSERT INTO notes_fts (rowid, title, body) SELECT id, title, body FROM notes;"
                        "DELETE FROM notes_fts_pending;", NULL, NULL, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      baton_test_skip ("This SQLite has no FTS5");
      return;
    }
  sqlite3_close (db);
  g_clear_pointer (&sql, g_free);
  sql = notes_fts_sql (ws->path);
  g_assert_nonnull (strstr (sql, "unicode61"));

  store = baton_store_open (ws->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (baton_test_file_pragma (ws->path, "user_version", FALSE), ==, BATON_SCHEMA_VERSION);

  /* The new index, built now: nothing left in the queue. */
  g_clear_pointer (&sql, g_free);
  sql = notes_fts_sql (ws->path);
  g_assert_nonnull (strstr (sql, BATON_NOTES_FTS_TOKENIZER));
  g_assert_true (baton_notes_search_uses_index (store));
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open_v2 (ws->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM notes_fts_pending), "
                                             "(SELECT count(*) FROM notes_fts)", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 2);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* A word inside a Chinese sentence, and Latin words as before. */
  hits = baton_notes_search (store, "为培训", 0, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 1);
  g_assert_cmpint (baton_record_get_id (BATON_RECORD (baton_search_hit_get_note (g_ptr_array_index (hits, 0)))), ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = baton_notes_search (store, "\"needs analy\"*", 0, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 1);
}

/* Step 6: tasks get an external id (the card a task was imported from),
 * NULL for the tasks there were, unique within a program only. */
static void
test_step_6_external_id (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  sqlite3 *db = NULL;

  create_db_at_version (ws->path, 5, rows_sql);
  store = baton_store_open (ws->path, &error);
  g_assert_no_error (error);
  g_assert_null (baton_task_get_external_id (baton_store_lookup_task (store, 1)));
  g_assert_null (baton_task_get_external_id (baton_store_lookup_task (store, 2)));

  g_assert_true (baton_store_update (store, baton_store_lookup_task (store, 1), &error,
                                     "external-id", "trello:abc", NULL));
  g_assert_no_error (error);
  g_assert_cmpstr (baton_task_get_external_id (baton_store_lookup_task (store, 1)), ==, "trello:abc");
  /* Another program (here: none) may hold the same id … */
  g_assert_true (baton_store_update (store, baton_store_lookup_task (store, 2), &error,
                                     "external-id", "trello:abc", NULL));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* … the same program may not. */
  g_assert_cmpint (sqlite3_open_v2 (ws->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO tasks (program_id, stage_id, title, external_id) "
                                     "VALUES (1, 1, 'Copy', 'trello:abc')", NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO tasks (program_id, stage_id, title, external_id) "
                                     "VALUES (1, 1, 'Other', 'trello:def')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Step 7 adds the activity log: an upgraded workspace keeps its rows,
 * starts with an empty log, logs its next changes and keeps them. */
static void
test_step_7_activity (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autofree char *rows_before = NULL;
  g_autofree char *rows_after = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  BatonTask *task;
  BatonActivity *row;
  sqlite3 *db = NULL;

  create_db_at_version (ws->path, 6, rows_sql);
  queries = row_queries (ws->path);
  rows_before = run_row_queries (ws->path, queries);
  store = baton_store_open (ws->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (baton_test_file_pragma (ws->path, "user_version", FALSE), ==, BATON_SCHEMA_VERSION);

  /* Nothing was logged before the log existed; the data is all there. */
  rows_after = run_row_queries (ws->path, queries);
  baton_test_assert_text ("the rows", rows_after, rows_before);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (store)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_tasks (store)), ==, 2);

  task = baton_store_lookup_task (store, 1);
  g_assert_true (baton_store_move_task (store, task, baton_store_lookup_stage (store, 2), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (store)), ==, 2);
  baton_test_assert_store_matches_db (store);
  g_clear_object (&store);

  /* The log is in the file. */
  store = baton_store_open (ws->path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (store)), ==, 2);
  row = g_list_model_get_item (baton_store_get_activity (store), 0);
  g_assert_cmpint (baton_activity_get_task_id (row), ==, 1);
  g_assert_cmpstr (baton_activity_get_kind (row), ==, "stage");
  g_assert_cmpstr (baton_activity_get_old_value (row), ==, "1");
  g_assert_cmpstr (baton_activity_get_new_value (row), ==, "2");
  g_object_unref (row);
  g_clear_object (&store);

  /* The file itself deletes a task's log with the task, and refuses a
   * log row of no task. */
  g_assert_cmpint (sqlite3_open_v2 (ws->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  baton_test_exec_sql (db, "PRAGMA foreign_keys = ON");
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO activity (task_id, kind) VALUES (99, 'stage')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
  baton_test_exec_sql (db, "DELETE FROM checklist_items WHERE task_id = 1; DELETE FROM tasks WHERE id = 1");
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM activity", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
}

/* Step 8: tasks can be pinned and people can be placeholders; both false
 * for the rows there were, both kept in the file. */
static void
test_step_8_pinned_placeholder (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autofree char *rows_before = NULL;
  g_autofree char *rows_after = NULL;
  g_autoptr(GPtrArray) queries = NULL;

  create_db_at_version (ws->path, 7, rows_sql);
  queries = row_queries (ws->path);
  rows_before = run_row_queries (ws->path, queries);
  store = baton_store_open (ws->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (baton_test_file_pragma (ws->path, "user_version", FALSE), ==, 8);
  rows_after = run_row_queries (ws->path, queries);
  baton_test_assert_text ("the rows", rows_after, rows_before);

  g_assert_false (baton_task_get_pinned (baton_store_lookup_task (store, 1)));
  g_assert_false (baton_task_get_pinned (baton_store_lookup_task (store, 2)));
  g_assert_false (baton_person_get_placeholder (baton_store_lookup_person (store, 1)));

  g_assert_true (baton_store_update (store, baton_store_lookup_task (store, 1), &error,
                                     "pinned", TRUE, NULL));
  g_assert_no_error (error);
  g_assert_true (baton_store_update (store, baton_store_lookup_person (store, 1), &error,
                                     "placeholder", TRUE, NULL));
  g_assert_no_error (error);
  baton_test_assert_store_matches_db (store);
  g_clear_object (&store);

  store = baton_store_open (ws->path, &error);
  g_assert_no_error (error);
  g_assert_true (baton_task_get_pinned (baton_store_lookup_task (store, 1)));
  g_assert_false (baton_task_get_pinned (baton_store_lookup_task (store, 2)));
  g_assert_true (baton_person_get_placeholder (baton_store_lookup_person (store, 1)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* A failed check fails its test and the others still run. */
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/migrations/steps", test_migration_steps);
  g_test_add_func ("/migrations/fresh-file", test_fresh_file);
  g_test_add_func ("/migrations/empty-file", test_empty_file);
  for (gint v = 1; v < BATON_SCHEMA_VERSION; v++)
    {
      g_autofree char *path = g_strdup_printf ("/migrations/from-version/%d", v);
      g_test_add_data_func (path, GINT_TO_POINTER (v), test_from_version);
    }
  g_test_add_func ("/migrations/step-5/search-index", test_step_5_search_index);
  g_test_add_func ("/migrations/step-6/external-id", test_step_6_external_id);
  g_test_add_func ("/migrations/step-7/activity", test_step_7_activity);
  g_test_add_func ("/migrations/step-8/pinned-placeholder", test_step_8_pinned_placeholder);
  g_test_add_func ("/migrations/newer-refused", test_newer_refused);
  g_test_add_func ("/migrations/not-sqlite-refused", test_not_sqlite);
  g_test_add_func ("/migrations/other-application-refused", test_other_application);
  g_test_add_func ("/migrations/failed-step-rolls-back", test_failed_step_rolls_back);
  g_test_add_func ("/migrations/wal-and-foreign-keys", test_wal_and_foreign_keys);
  g_test_add_func ("/migrations/file-mode", test_file_mode);
  g_test_add_func ("/migrations/default-path", test_default_path);
  g_test_add_func ("/migrations/memory", test_memory);
  g_test_add_func ("/migrations/peek-version", test_peek_version);
  g_test_add_func ("/migrations/backup", test_backup);
  g_test_add_func ("/migrations/rotate-backups", test_rotate_backups);
  g_test_add_func ("/migrations/rotate-missing", test_rotate_missing);
  g_test_add_func ("/migrations/backup-due", test_backup_due);
  g_test_add_func ("/migrations/rotate-async", test_rotate_async);
  g_test_add_func ("/migrations/rotate-damaged", test_rotate_damaged);
  g_test_add_func ("/migrations/backup-after-crash", test_backup_after_crash);
  g_test_add_func ("/migrations/cannot-create", test_cannot_create);

  return g_test_run ();
}
