/* test-storage.c — whose file it is, why it cannot be opened, and writes
 * that the file or another program refuses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file that is not Baton's must come out byte-identical with nothing new
 * beside it, whatever the store, the backups or the version peek did. A
 * workspace locked by another program or that cannot be written refuses
 * every change quickly, in words a person can act on, and leaves both the
 * file and the objects as they were.
 *
 * The read-only cases make the file (or its folder) immutable, which even
 * root cannot write; where that is not possible (a file system without the
 * flag, no CAP_LINUX_IMMUTABLE) a non-root run falls back to permissions.
 */

#define G_LOG_DOMAIN "test-storage"

#include "config.h"


#include "baton-notes.h"
#include "baton-search.h"
#include "baton-search-index.h"
#include "baton-test-util.h"

/* A write refused because of another program's lock must not freeze the
 * window: SQLite's old 2-second wait per statement is far above this. */
#define MAX_REFUSAL_MS 500

/* Files --------------------------------------------------------------------- */

/* Everything Baton does with a file it must not take. */
static void
assert_refused_untouched (const char *path,
                          gint        code)
{
  g_autofree char *before = baton_test_folder_state (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  BatonStore *store;

  store = baton_store_open (path, &error);
  g_assert_null (store);
  baton_test_assert_store_error (error, code);
  g_assert_nonnull (error != NULL ? strstr (error->message, path) : NULL);
  if (code == BATON_STORE_ERROR_NOT_BATON)
    g_assert_nonnull (error != NULL ? strstr (error->message, "not a Baton workspace") : NULL);
  g_clear_error (&error);

  g_assert_cmpint (baton_store_peek_version (path, &error), ==, -1);
  baton_test_assert_store_error (error, code);
  g_clear_error (&error);

  g_assert_false (baton_store_rotate_backups (path, 3, &error));
  baton_test_assert_store_error (error, code);
  g_assert_null (baton_store_latest_backup (path));
  g_clear_error (&error);

  {
    guint n_tasks = 1, n_people = 1;

    g_assert_false (baton_store_peek_counts (path, &n_tasks, &n_people, &error));
    baton_test_assert_store_error (error, code);
    g_assert_cmpuint (n_tasks, ==, 0);
    g_assert_cmpuint (n_people, ==, 0);
  }

  after = baton_test_folder_state (path);
  baton_test_assert_text ("the folder (file hashes)", after, before);
}

/* Another program's database: its own tables and rows. */
static void
write_foreign_database (const char *path,
                        gint        user_version,
                        gboolean    wal)
{
  sqlite3 *db = baton_test_open_raw (path);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", user_version);

  if (wal)
    baton_test_exec_sql (db, "PRAGMA journal_mode = WAL");
  baton_test_exec_sql (db, "CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT, title TEXT);"
                "CREATE TABLE visits (id INTEGER PRIMARY KEY, bookmark_id INTEGER, at TEXT);"
                "INSERT INTO bookmarks (url, title) VALUES ('https://example.com', 'Keep me');"
                "INSERT INTO visits (bookmark_id, at) VALUES (1, '2026-01-01');");
  baton_test_exec_sql (db, pragma);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A Baton workspace of format @version as an older Baton wrote it: the
 * migration steps, some rows, no application id. */
static void
write_older_baton (const char *path,
                   gint        version)
{
  sqlite3 *db = baton_test_open_raw (path);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", version);

  baton_test_exec_sql (db, "PRAGMA journal_mode = WAL");
  for (gint step = 1; step <= version; step++)
    baton_test_exec_sql (db, baton_db_migration_sql (step));
  baton_test_exec_sql (db, "INSERT INTO roles (id, name, position) VALUES (1, 'Writer', 0);"
                "INSERT INTO stages (id, name, position) VALUES (1, 'To do', 0);"
                "INSERT INTO tasks (id, stage_id, position, title) VALUES (1, 1, 1024, 'Storyboard');");
  baton_test_exec_sql (db, pragma);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Not Baton's ----------------------------------------------------------------- */

static void
test_new_file_stamped (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (ws->path, &error);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  g_assert_false (baton_store_get_read_only (store));
  g_assert_cmpint (baton_test_file_pragma (ws->path, "application_id", TRUE), ==, BATON_APPLICATION_ID);

  /* In the file itself, not only in the log: it is the first write. */
  g_assert_true (g_file_get_contents (ws->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >=, 100);
  g_assert_cmpmem (contents + 68, 4, "BATN", 4);
}

static void
test_foreign (gconstpointer data)
{
  gint variant = GPOINTER_TO_INT (data);
  gint user_version = variant % 10;
  gboolean wal = variant >= 10;
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();

  write_foreign_database (ws->path, user_version, wal);
  assert_refused_untouched (ws->path, BATON_STORE_ERROR_NOT_BATON);
}

/* Another program has its database open in WAL mode, with changes still in
 * its log: not even the shared-memory file may appear or go. */
static void
test_foreign_in_use (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  sqlite3 *owner;

  write_foreign_database (ws->path, 2, TRUE);
  owner = baton_test_open_raw (ws->path);
  baton_test_exec_sql (owner, "PRAGMA wal_autocheckpoint = 0;"
                   "INSERT INTO bookmarks (url, title) VALUES ('https://example.org', 'In the log');");

  assert_refused_untouched (ws->path, BATON_STORE_ERROR_NOT_BATON);
  g_assert_cmpint (sqlite3_close (owner), ==, SQLITE_OK);
}

/* Baton's tables, almost: one column more, a table more, or another
 * program's application id. */
static void
test_lookalike (void)
{
  static const char * const extras[] = {
    "ALTER TABLE tasks ADD COLUMN colour TEXT;",
    "CREATE TABLE invoices (id INTEGER PRIMARY KEY);",
    "PRAGMA application_id = 1196444487;",   /* "GPKG" */
  };

  for (guint i = 0; i < G_N_ELEMENTS (extras); i++)
    {
      g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
      sqlite3 *db;

      write_older_baton (ws->path, BATON_DB_LAST_UNSTAMPED_VERSION);
      db = baton_test_open_raw (ws->path);
      baton_test_exec_sql (db, extras[i]);
      sqlite3_close (db);

      g_test_message ("lookalike: %s", extras[i]);
      assert_refused_untouched (ws->path, BATON_STORE_ERROR_NOT_BATON);
    }
}

static void
test_not_database (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (ws->path, "Dear diary,\nthis is not a database.\n", -1, &error));
  assert_refused_untouched (ws->path, BATON_STORE_ERROR_NOT_BATON);
}

static void
test_empty_file (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;

  g_assert_true (g_file_set_contents (ws->path, "", 0, &error));
  {
    g_autofree char *before = baton_test_folder_state (ws->path);
    g_autofree char *after = NULL;

    store = baton_store_open (ws->path, &error);
    g_assert_null (store);
    baton_test_assert_store_error (error, BATON_STORE_ERROR_NOT_BATON);
    after = baton_test_folder_state (ws->path);
    baton_test_assert_text ("the folder", after, before);
  }
  g_clear_error (&error);

  /* Nothing to back up, nothing to peek at. */
  g_assert_cmpint (baton_store_peek_version (ws->path, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_true (baton_store_rotate_backups (ws->path, 3, &error));
  g_assert_no_error (error);
  g_assert_null (baton_store_latest_backup (ws->path));
}

static void
test_empty_database (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonStore *store;
  sqlite3 *db = baton_test_open_raw (ws->path);

  baton_test_exec_sql (db, "CREATE TABLE scratch (x); DROP TABLE scratch;");
  sqlite3_close (db);
  before = baton_test_folder_state (ws->path);

  store = baton_store_open (ws->path, &error);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_NOT_BATON);
  after = baton_test_folder_state (ws->path);
  baton_test_assert_text ("the folder", after, before);
}

/* An empty file where Baton keeps its own workspace is Baton's: its
 * creation was cut short. */
static void
test_empty_default (void)
{
  g_autofree char *path = baton_store_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "", 0, &error));

  store = baton_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_stages (store)), ==, 6);
  g_assert_cmpint (baton_test_file_pragma (path, "application_id", TRUE), ==, BATON_APPLICATION_ID);
}

/* Older Baton files --------------------------------------------------------- */

static void
test_older_baton (gconstpointer data)
{
  gint version = GPOINTER_TO_INT (data);
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autofree char *backup = NULL;
  BatonTask *task;

  write_older_baton (ws->path, version);
  g_assert_cmpint (baton_test_file_pragma (ws->path, "application_id", TRUE), ==, 0);
  g_assert_cmpint (baton_store_peek_version (ws->path, &error), ==, version);
  g_assert_no_error (error);

  /* Its start-up backup is taken like any workspace's. */
  g_assert_true (baton_store_rotate_backups (ws->path, 3, &error));
  g_assert_no_error (error);
  backup = baton_store_latest_backup (ws->path);
  g_assert_nonnull (backup);

  store = baton_store_open (ws->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  task = baton_store_lookup_task (store, 1);
  g_assert_nonnull (task);
  g_assert_cmpstr (baton_task_get_title (task), ==, "Storyboard");
  /* The rows are kept: no default stages over them. */
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_stages (store)), ==, 1);
  g_clear_object (&store);

  g_assert_cmpint (baton_test_file_pragma (ws->path, "application_id", TRUE), ==, BATON_APPLICATION_ID);
  g_assert_cmpint (baton_test_file_pragma (ws->path, "user_version", TRUE), ==, BATON_SCHEMA_VERSION);
}

/* An older Baton that crashed left its last changes in the -wal file: the
 * file is recognised through the log. */
static void
test_older_baton_crashed (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autofree char *crashed = baton_test_workspace_file (ws, "crashed.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  sqlite3 *db;

  db = baton_test_open_raw (ws->path);
  baton_test_exec_sql (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;");
  for (gint step = 1; step <= BATON_DB_LAST_UNSTAMPED_VERSION; step++)
    baton_test_exec_sql (db, baton_db_migration_sql (step));
  baton_test_exec_sql (db, "INSERT INTO roles (id, name, position) VALUES (7, 'Only in the log', 0);");
  {
    g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", BATON_DB_LAST_UNSTAMPED_VERSION);
    baton_test_exec_sql (db, pragma);
  }

  /* Copy the files while the connection is open, as a crash leaves them. */
  baton_test_copy_as_crashed (ws->path, crashed, TRUE);
  sqlite3_close (db);

  store = baton_store_open (crashed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_nonnull (baton_store_lookup_role (store, 7));
}

/* Open errors ------------------------------------------------------------------ */

static void
write_workspace (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (path, &error);
  BatonClient *client;

  g_assert_no_error (error);
  g_assert_nonnull (baton_store_create_role (store, "Writer", NULL, &error));
  client = baton_store_create_client (store, "Acme", NULL, &error);
  g_assert_nonnull (client);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *title = g_strdup_printf ("Note %u", i);
      g_autofree char *body = g_strnfill (2000, 'a' + i % 26);

      g_assert_nonnull (baton_store_create_note (store, client, NULL, title, body, &error));
    }
  g_assert_no_error (error);
}

/* Overwrites the last @n_pages pages of the file at @path (4 KiB each;
 * 0: all but the first, which holds the header) with noise. */
static void
damage_pages (const char *path,
              gsize       n_pages)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize from;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, MAX (4, 2 * n_pages) * 4096);
  from = n_pages == 0 ? 4096 : length - n_pages * 4096;
  for (gsize i = from; i < length; i++)
    contents[i] = (char) (i * 7919 % 251);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
test_open_corrupt (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;

  /* The header survives; every page after the first is noise. */
  write_workspace (ws->path);
  damage_pages (ws->path, 0);

  {
    g_autofree char *before = baton_test_folder_state (ws->path);
    g_autofree char *after = NULL;
    BatonStore *store = baton_store_open (ws->path, &error);

    g_assert_null (store);
    baton_test_assert_store_error (error, BATON_STORE_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "damaged"));
    g_assert_nonnull (strstr (error->message, ws->path));
    after = baton_test_folder_state (ws->path);
    baton_test_assert_text ("the folder", after, before);
  }
}

/* A damaged workspace of an older format: opening it would stamp and
 * upgrade it, so its pages are checked before anything is written. */
static void
test_open_corrupt_older (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonStore *store;
  sqlite3 *db;

  write_older_baton (ws->path, BATON_DB_LAST_UNSTAMPED_VERSION);
  db = baton_test_open_raw (ws->path);
  baton_test_exec_sql (db, "INSERT INTO clients (id, name) VALUES (1, 'Acme');");
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO notes (client_id, title, body, updated_at) "
                                              "VALUES (1, 'Note %u', hex (zeroblob (1000)), '2026-01-01T00:00:00Z');", i);
      baton_test_exec_sql (db, sql);
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  /* The header and the schema survive; the last pages are noise. */
  damage_pages (ws->path, 10);
  before = baton_test_folder_state (ws->path);

  /* Without the search index, the upgrade itself reads no note. */
  _baton_notes_set_force_scan (TRUE);
  store = baton_store_open (ws->path, &error);
  _baton_notes_set_force_scan (FALSE);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_CORRUPT);
  g_assert_nonnull (error != NULL ? strstr (error->message, "damaged") : NULL);

  after = baton_test_folder_state (ws->path);
  baton_test_assert_text ("the folder", after, before);
}

/* Opening a missing file creates it; when the open then fails, the file
 * goes again, so that trying again (after freeing disk space, say) does
 * not find an empty file that Baton refuses as not its own. Here SQLite
 * cannot create its journal: a folder has the journal's name. */
static void
test_open_failed_create (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *journal = g_strconcat (ws->path, "-journal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonStore *store;

  g_assert_cmpint (g_mkdir (journal, 0700), ==, 0);
  before = baton_test_folder_state (ws->path);

  store = baton_store_open (ws->path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (ws->path, G_FILE_TEST_EXISTS));
  after = baton_test_folder_state (ws->path);
  baton_test_assert_text ("the folder", after, before);

  g_assert_cmpint (g_rmdir (journal), ==, 0);
  store = baton_store_open (ws->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);
}

/* A file name need not be UTF-8 (here Latin-1): every message names the
 * file in valid UTF-8, as GLib displays file names. */
static void
assert_names_file (const GError *error,
                   const char   *path)
{
  g_autofree char *name = g_filename_display_name (path);

  g_assert_nonnull (error);
  if (error == NULL)
    return;
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, name));
}

static void
test_name_not_utf8 (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autofree char *foreign = baton_test_workspace_file (ws, "Caf\xe9.db");
  g_autofree char *damaged = baton_test_workspace_file (ws, "Entw\xfcrfe.db");
  g_autofree char *blocker = baton_test_workspace_file (ws, "Gr\xfc\xdf" "e");
  g_autofree char *uncreatable = g_build_filename (blocker, "baton.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (g_utf8_validate (foreign, -1, NULL));

  /* Not Baton's: opened, peeked at, backed up. */
  write_foreign_database (foreign, 2, FALSE);
  g_assert_null (baton_store_open (foreign, &error));
  assert_names_file (error, foreign);
  g_clear_error (&error);
  g_assert_cmpint (baton_store_peek_version (foreign, &error), ==, -1);
  assert_names_file (error, foreign);
  g_clear_error (&error);
  g_assert_false (baton_store_rotate_backups (foreign, 3, &error));
  assert_names_file (error, foreign);
  g_clear_error (&error);

  /* Damaged. */
  write_workspace (damaged);
  damage_pages (damaged, 0);
  g_assert_null (baton_store_open (damaged, &error));
  assert_names_file (error, damaged);
  g_clear_error (&error);

  /* A folder that cannot be made: a file has its name. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  g_assert_null (baton_store_open (uncreatable, &error));
  assert_names_file (error, blocker);
}

/* Another program holds an exclusive lock: the store says the file is in
 * use, not that it is damaged, and leaves it alone. */
static void
test_open_locked (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonStore *store;
  sqlite3 *owner;
  gint64 start;

  write_workspace (ws->path);
  owner = baton_test_open_raw (ws->path);
  baton_test_exec_sql (owner, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                   "INSERT INTO roles (name) VALUES ('Not yet committed');");
  before = baton_test_folder_state (ws->path);

  start = g_get_monotonic_time ();
  store = baton_store_open (ws->path, &error);
  g_debug ("refusing to open a locked workspace took %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "in use by another program"));
  g_assert_nonnull (strstr (error->message, ws->path));
  g_assert_null (strstr (error->message, "damaged"));
  g_assert_null (strstr (error->message, "locked"));

  after = baton_test_folder_state (ws->path);
  baton_test_assert_text ("the folder", after, before);

  baton_test_exec_sql (owner, "ROLLBACK");
  g_assert_cmpint (sqlite3_close (owner), ==, SQLITE_OK);

  /* Once the other program is done, it opens. */
  g_clear_error (&error);
  store = baton_store_open (ws->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_object_unref (store);
}

/* Writes ---------------------------------------------------------------------- */

typedef struct
{
  BatonRole    *role;
  BatonPerson  *person;
  BatonClient  *client;
  BatonProgram *program;
  BatonStage   *todo;
  BatonStage   *done;
  BatonTask    *task;
  BatonNote    *note;
} Records;

/* A workspace with one of everything, as @path; closed again. */
static void
write_rich_workspace (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (path, &error);
  BatonRole *role;
  BatonPerson *person;
  BatonClient *client;
  BatonProgram *program;
  BatonTask *task;
  gint64 role_id;

  g_assert_no_error (error);
  role = baton_store_create_role (store, "Writer", NULL, &error);
  g_assert_nonnull (role);
  role_id = baton_test_id (role);
  person = baton_store_create_person (store, "Ana", NULL, 2400, NULL, &error);
  g_assert_nonnull (person);
  g_assert_true (baton_store_set_person_roles (store, person, &role_id, 1, role_id, &error));
  client = baton_store_create_client (store, "Acme", NULL, &error);
  program = baton_store_create_program (store, client, "Onboarding", &error);
  g_assert_nonnull (program);
  task = baton_store_create_task (store, baton_test_list_item (baton_store_get_stages (store), 0),
                                  program, "Storyboard", &error);
  g_assert_nonnull (task);
  g_assert_true (baton_store_schedule_task (store, task, "2026-03-02", "2026-03-06", &error));
  g_assert_nonnull (baton_store_create_note (store, client, program, "Needs", "# Needs", &error));
  g_assert_no_error (error);
}

static void
find_records (BatonStore *store,
              Records    *r)
{
  GListModel *stages = baton_store_get_stages (store);

  r->role = baton_test_list_item (baton_store_get_roles (store), 0);
  r->person = baton_test_list_item (baton_store_get_people (store), 0);
  r->client = baton_test_list_item (baton_store_get_clients (store), 0);
  r->program = baton_test_list_item (baton_store_get_programs (store), 0);
  r->todo = baton_test_list_item (stages, 0);
  r->done = baton_test_list_item (stages, g_list_model_get_n_items (stages) - 1);
  r->task = baton_test_list_item (baton_store_get_tasks (store), 0);
  r->note = baton_test_list_item (baton_store_get_notes (store), 0);
}

static gboolean
batch_func (BatonStore  *store,
            gpointer     user_data,
            GError     **error)
{
  return baton_store_create_role (store, "In a batch", NULL, error) != NULL;
}

/* Tries one change of every kind; each must fail with @code and a message
 * without SQLite's words. Returns the slowest refusal, in milliseconds. */
static double
try_every_change (BatonStore *store,
                  gint        code)
{
  Records r;
  double slowest = 0;

  find_records (store, &r);

#define TRY(call) G_STMT_START {                                              \
    g_autoptr(GError) error_ = NULL;                                          \
    gint64 start_ = g_get_monotonic_time ();                                  \
    gboolean ok_ = (call);                                                    \
    double ms_ = (g_get_monotonic_time () - start_) / 1000.0;                 \
    g_test_message ("%-60.60s %7.1f ms", #call, ms_);                         \
    slowest = MAX (slowest, ms_);                                             \
    g_assert_false (ok_);                                                     \
    baton_test_assert_store_error (error_, code);                             \
    if (error_ != NULL)                                                       \
      {                                                                       \
        g_assert_null (strstr (error_->message, "database is locked"));       \
        g_assert_null (strstr (error_->message, "readonly database"));        \
        g_assert_null (strstr (error_->message, "SQLITE"));                   \
        g_assert_nonnull (strstr (error_->message, "not saved"));             \
      }                                                                       \
  } G_STMT_END

  TRY (baton_store_create_role (store, "Designer", NULL, &error_) != NULL);
  TRY (baton_store_create_person (store, "Ben", NULL, 1200, NULL, &error_) != NULL);
  TRY (baton_store_set_person_roles (store, r.person, NULL, 0, 0, &error_));
  TRY (baton_store_add_time_off (store, r.person, "2026-03-02", "2026-03-03", NULL, &error_) != NULL);
  TRY (baton_store_create_client (store, "Beta", NULL, &error_) != NULL);
  TRY (baton_store_create_program (store, r.client, "Safety", &error_) != NULL);
  TRY (baton_store_create_stage (store, "Later", 0, &error_) != NULL);
  TRY (baton_store_move_stage (store, r.todo, 1, &error_));
  TRY (baton_store_delete_stage (store, r.done, r.todo, &error_));
  TRY (baton_store_create_task (store, r.todo, r.program, "Script", &error_) != NULL);
  TRY (baton_store_move_task (store, r.task, r.done, NULL, &error_));
  TRY (baton_store_reassign_task (store, r.task, r.person, &error_));
  TRY (baton_store_schedule_task (store, r.task, "2026-04-06", "2026-04-10", &error_));
  TRY (baton_store_reschedule_task (store, r.task, 1, &error_));
  TRY (baton_store_reassign_and_reschedule_task (store, r.task, r.person, 2, &error_));
  TRY (baton_store_archive_task (store, r.task, TRUE, &error_));
  TRY (baton_store_add_checklist_item (store, r.task, "Outline", &error_) != NULL);
  TRY (baton_store_create_note (store, r.client, NULL, "Kick-off", "# Kick-off", &error_) != NULL);
  TRY (baton_store_update_note (store, r.note, "Needs", "# Needs, typed on", TRUE, &error_));
  TRY (baton_store_update (store, r.role, &error_, "name", "Author", NULL));
  TRY (baton_store_insert (store, BATON_TYPE_ROLE, &error_, "name", "Reviewer", NULL) != NULL);
  TRY (baton_store_delete (store, r.note, &error_));
  TRY (baton_store_run_batch (store, "Batch", TRUE, batch_func, NULL, &error_));
#undef TRY

  return slowest;
}

/* Another program holds the write lock while the window is open. */
static void
test_write_locked (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(BatonTestState) state = NULL;
  g_autoptr(BatonTestRecorder) recorder = NULL;
  BatonRole *role;
  sqlite3 *owner;
  double slowest;

  write_rich_workspace (ws->path);
  store = baton_store_open (ws->path, &error);
  g_assert_no_error (error);

  /* Something to undo and redo. */
  role = baton_store_create_role (store, "Designer", NULL, &error);
  g_assert_nonnull (role);
  g_assert_true (baton_store_undo (store, &error));
  g_assert_true (baton_store_redo (store, &error));
  g_assert_true (baton_store_undo (store, &error));
  g_assert_no_error (error);

  state = baton_test_state_capture (store);
  recorder = baton_test_recorder_new (store);

  owner = baton_test_open_raw (ws->path);
  baton_test_exec_sql (owner, "BEGIN IMMEDIATE; INSERT INTO roles (name) VALUES ('The other program');");

  slowest = try_every_change (store, BATON_STORE_ERROR_LOCKED);
  {
    gint64 start = g_get_monotonic_time ();
    gboolean ok = baton_store_redo (store, &error);
    double ms = (g_get_monotonic_time () - start) / 1000.0;

    g_assert_false (ok);
    baton_test_assert_store_error (error, BATON_STORE_ERROR_LOCKED);
    g_assert_nonnull (strstr (error->message, "in use by another program"));
    g_assert_nonnull (strstr (error->message, "Try again"));
    slowest = MAX (slowest, ms);
    g_clear_error (&error);
  }
  g_debug ("slowest refused write on a locked workspace: %.1f ms", slowest);
  g_assert_cmpfloat (slowest, <, MAX_REFUSAL_MS);

  baton_test_exec_sql (owner, "ROLLBACK");

  /* Nothing changed: not the file, not the objects, not the history, and
   * no signal told a view otherwise. */
  baton_test_assert_state_equals (state, store);
  g_assert_cmpstr (recorder->log->str, ==, "");

  /* The lock is gone: the same change goes through. */
  g_assert_true (baton_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_roles (store)), ==, 2);
  g_assert_cmpint (sqlite3_close (owner), ==, SQLITE_OK);
  baton_test_assert_store_matches_db (store);
}

static void
test_write_disk_full (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(BatonTestState) state = NULL;
  g_autofree char *body = g_strnfill (200000, 'x');
  BatonDb *db;
  Records r;

  write_rich_workspace (ws->path);
  store = baton_store_open (ws->path, &error);
  g_assert_no_error (error);
  find_records (store, &r);
  state = baton_test_state_capture (store);

  /* The file may not grow: SQLite says the disk is full. */
  db = _baton_store_get_db (store);
  g_assert_true (baton_db_exec (db, "PRAGMA max_page_count = 1", NULL));

  g_assert_false (baton_store_update_note (store, r.note, "Needs", body, TRUE, &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_nonnull (strstr (error->message, "not saved"));
  g_assert_null (strstr (error->message, "database or disk is full"));
  g_assert_cmpstr (baton_note_get_body (r.note), ==, "# Needs");

  baton_test_assert_state_equals (state, store);
}

/* SQLite's own refusal to write (here: query_only) gets words too. */
static void
test_write_refused_by_sqlite (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(BatonTestState) state = NULL;
  Records r;

  write_rich_workspace (ws->path);
  store = baton_store_open (ws->path, &error);
  g_assert_no_error (error);
  find_records (store, &r);
  state = baton_test_state_capture (store);

  g_assert_true (baton_db_exec (_baton_store_get_db (store), "PRAGMA query_only = ON", NULL));
  g_assert_false (baton_store_reassign_task (store, r.task, r.person, &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_READ_ONLY);
  g_assert_null (strstr (error->message, "readonly"));
  g_assert_nonnull (strstr (error->message, "cannot be written"));
  g_assert_cmpint (baton_task_get_assignee_id (r.task), ==, 0);

  baton_test_assert_state_equals (state, store);
}

/* The engine's bulk-load operations ------------------------------------------ */

static gint64
pragma_synchronous (BatonStore *store)
{
  BatonDb *db = _baton_store_get_db (store);
  sqlite3_stmt *stmt = baton_db_prepare (db, "PRAGMA synchronous", NULL);
  gint64 level;

  g_assert_nonnull (stmt);
  g_assert_true (baton_db_step_row (db, stmt, NULL));
  level = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return level;
}

/* Rows of @table as the store's own connection sees them, inside its
 * transaction. */
static gint64
count_rows (BatonStore *store,
            const char *table)
{
  BatonDb *db = _baton_store_get_db (store);
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", table);
  sqlite3_stmt *stmt = baton_db_prepare (db, sql, NULL);
  gint64 n;

  g_assert_nonnull (stmt);
  g_assert_true (baton_db_step_row (db, stmt, NULL));
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

/* A bulk load syncs fully (2, FULL) and puts the ordinary setting (1,
 * NORMAL) back; inside a transaction, where SQLite cannot change it, it
 * leaves it alone. */
static void
test_engine_bulk_load (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (ws->path, &error);
  BatonStorage *storage;

  g_assert_no_error (error);
  storage = _baton_store_get_storage (store);
  g_assert_cmpint (pragma_synchronous (store), ==, 1);

  baton_storage_begin_bulk_load (storage);
  g_assert_cmpint (pragma_synchronous (store), ==, 2);
  baton_storage_end_bulk_load (storage);
  g_assert_cmpint (pragma_synchronous (store), ==, 1);

  g_assert_true (baton_storage_begin (storage, &error));
  g_assert_no_error (error);
  baton_storage_begin_bulk_load (storage);
  g_assert_cmpint (pragma_synchronous (store), ==, 1);
  baton_storage_end_bulk_load (storage);
  g_assert_cmpint (pragma_synchronous (store), ==, 1);
  baton_storage_rollback (storage);

  /* Twice in a row: the second one does not take the first's level. */
  baton_storage_begin_bulk_load (storage);
  baton_storage_end_bulk_load (storage);
  g_assert_cmpint (pragma_synchronous (store), ==, 1);
}

/* Emptying a table is one operation of the transaction: a rollback
 * brings the rows back. */
static void
test_engine_delete_all_rows (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (ws->path, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonStorage *storage;

  g_assert_no_error (error);
  storage = _baton_store_get_storage (store);
  g_assert_cmpint (count_rows (store, "stages"), >, 0);
  before = baton_test_dump_store_db (store);

  g_assert_true (baton_storage_begin (storage, &error));
  g_assert_true (baton_storage_delete_all_rows (storage, baton_stage_schema (), &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "stages"), ==, 0);
  baton_storage_rollback (storage);

  after = baton_test_dump_store_db (store);
  baton_test_assert_text ("the database", after, before);
}

/* How many times SQLite compiled a cached statement again. */
static int
n_reprepared (BatonStore *store)
{
  sqlite3 *handle = baton_db_get_handle (_baton_store_get_db (store));
  int n = 0;

  for (sqlite3_stmt *stmt = sqlite3_next_stmt (handle, NULL); stmt != NULL; stmt = sqlite3_next_stmt (handle, stmt))
    n += sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_REPREPARE, FALSE);

  return n;
}

static gboolean
create_tasks (BatonStore  *store,
              gpointer     user_data,
              GError     **error)
{
  BatonStage *stage = user_data;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *title = g_strdup_printf ("Task %u", i);

      if (baton_store_create_task (store, stage, NULL, title, error) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Changes keep the cached statements: nothing a change runs (deferring
 * the reference checks is a flag pragma, which expires every statement)
 * makes SQLite compile them again for each row of a batch, nor for a
 * change of one row. */
static void
test_engine_statements_kept (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (ws->path, &error);
  g_autoptr(BatonStage) stage = NULL;
  BatonTask *task;
  int before;

  g_assert_no_error (error);
  stage = g_list_model_get_item (baton_store_get_stages (store), 0);
  task = baton_store_create_task (store, stage, NULL, "Warm-up", &error);
  g_assert_no_error (error);
  g_assert_true (baton_store_update (store, task, &error, "title", "Warm", NULL));

  before = n_reprepared (store);
  g_assert_true (baton_store_run_batch (store, "Fifty tasks", TRUE, create_tasks, stage, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_reprepared (store) - before, <=, 2);

  before = n_reprepared (store);
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *title = g_strdup_printf ("Title %u", i);

      g_assert_true (baton_store_update (store, task, &error, "title", title, NULL));
    }
  g_assert_no_error (error);
  g_assert_cmpint (n_reprepared (store) - before, <=, 2);

  /* The keys are still checked at the end of a change of several rows:
   * an undone delete brings rows back that reference each other. */
  g_assert_true (baton_store_undo (store, &error));
  g_assert_no_error (error);
}

/* Read-only workspaces ----------------------------------------------------------- */

typedef struct
{
  BatonTestWorkspace *ws;
  char               *unwritable;   /* the file or folder made unwritable */
} ReadOnlyFixture;

static void
read_only_set_up (ReadOnlyFixture *f,
                  gconstpointer    data)
{
  f->ws = baton_test_workspace_new ();
}

static void
read_only_tear_down (ReadOnlyFixture *f,
                     gconstpointer    data)
{
  if (f->unwritable != NULL)
    baton_test_make_writable (f->unwritable);
  g_clear_pointer (&f->unwritable, g_free);
  g_clear_pointer (&f->ws, baton_test_workspace_free);
}

static void
test_read_only (ReadOnlyFixture *f,
                gconstpointer    data)
{
  gboolean folder = GPOINTER_TO_INT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *memory = NULL;
  g_autofree char *memory_after = NULL;
  Records r;

  write_rich_workspace (f->ws->path);
  f->unwritable = g_strdup (folder ? f->ws->dir : f->ws->path);
  if (!baton_test_make_unwritable (f->unwritable))
    return;
  before = baton_test_folder_state (f->ws->path);

  store = baton_store_open (f->ws->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (store == NULL)
    return;
  g_assert_true (baton_store_get_read_only (store));
  {
    gboolean read_only = FALSE;
    g_object_get (store, "read-only", &read_only, NULL);
    g_assert_true (read_only);
  }

  /* Everything is there to read. */
  find_records (store, &r);
  g_assert_cmpstr (baton_task_get_title (r.task), ==, "Storyboard");
  g_assert_cmpstr (baton_task_get_due_date (r.task), ==, "2026-03-06");
  g_assert_cmpstr (baton_note_get_body (r.note), ==, "# Needs");
  memory = baton_test_dump_store (store);

  try_every_change (store, BATON_STORE_ERROR_READ_ONLY);
  g_assert_false (baton_store_undo (store, &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* A no-op update is refused as well: one answer for every change. */
  g_assert_false (baton_store_update (store, r.role, &error, "name", "Writer", NULL));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* Notes search still works, by scanning. */
  {
    g_autoptr(GPtrArray) hits = baton_notes_search (store, "needs", 10, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (hits);
    g_assert_cmpuint (hits->len, ==, 1);
  }

  memory_after = baton_test_dump_store (store);
  baton_test_assert_text ("the objects", memory_after, memory);
  g_clear_object (&store);

  /* Byte-identical, and no -wal, -shm or -journal left. */
  after = baton_test_folder_state (f->ws->path);
  baton_test_assert_text ("the folder", after, before);
}

/* A workspace that needs an upgrade cannot get it: refused, untouched. */
static void
test_read_only_needs_upgrade (ReadOnlyFixture *f,
                              gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonStore *store;

  write_older_baton (f->ws->path, 1);
  f->unwritable = g_strdup (f->ws->path);
  if (!baton_test_make_unwritable (f->unwritable))
    return;
  before = baton_test_folder_state (f->ws->path);

  store = baton_store_open (f->ws->path, &error);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, f->ws->path));

  after = baton_test_folder_state (f->ws->path);
  baton_test_assert_text ("the folder", after, before);
}

/* Left behind by a crash, the -wal file holds the last changes: a
 * read-only open still shows them. */
static void
test_read_only_after_crash (ReadOnlyFixture *f,
                            gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) writer = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autofree char *crashed_dir = baton_test_workspace_file (f->ws, "crashed");
  g_autofree char *crashed = g_build_filename (crashed_dir, "baton.db", NULL);

  writer = baton_store_open (f->ws->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (baton_store_create_role (writer, "In the log", NULL, &error));
  g_assert_cmpint (g_mkdir (crashed_dir, 0700), ==, 0);
  baton_test_copy_as_crashed (f->ws->path, crashed, TRUE);

  f->unwritable = g_strdup (crashed_dir);
  if (!baton_test_make_unwritable (f->unwritable))
    return;

  store = baton_store_open (crashed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (store == NULL)
    return;
  g_assert_true (baton_store_get_read_only (store));
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_roles (store)), ==, 1);
}

/* The same, but the -shm file is gone too and the folder cannot take a
 * new one: there is no way to read the log without writing. Said so. */
static void
test_read_only_unreadable_log (ReadOnlyFixture *f,
                               gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) writer = NULL;
  g_autofree char *crashed_dir = baton_test_workspace_file (f->ws, "crashed");
  g_autofree char *crashed = g_build_filename (crashed_dir, "baton.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonStore *store;

  writer = baton_store_open (f->ws->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (baton_store_create_role (writer, "In the log", NULL, &error));
  g_assert_cmpint (g_mkdir (crashed_dir, 0700), ==, 0);
  baton_test_copy_as_crashed (f->ws->path, crashed, FALSE);

  f->unwritable = g_strdup (crashed_dir);
  if (!baton_test_make_unwritable (f->unwritable))
    return;
  before = baton_test_folder_state (crashed);

  store = baton_store_open (crashed, &error);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, crashed));
  g_assert_nonnull (strstr (error->message, "cannot be opened read-only"));
  g_assert_null (strstr (error->message, "No such file"));

  after = baton_test_folder_state (crashed);
  baton_test_assert_text ("the folder", after, before);
}

/* A backup's counts, read without a store and without a file beside it. */
static void
test_peek_counts (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_tasks = 0, n_people = 0;

  {
    g_autoptr(BatonStore) store = baton_store_open (ws->path, &error);
    BatonStage *stage;

    g_assert_no_error (error);
    stage = baton_test_list_item (baton_store_get_stages (store), 0);
    for (guint i = 0; i < 3; i++)
      g_assert_nonnull (baton_store_create_task (store, stage, NULL, "Task", &error));
    g_assert_nonnull (baton_store_create_person (store, "Ada", NULL, 40 * 60, NULL, &error));
    g_assert_no_error (error);
    g_assert_finalize_object (g_steal_pointer (&store));
  }
  g_assert_true (baton_store_rotate_backups (ws->path, 3, &error));
  g_assert_no_error (error);
  backup = baton_store_latest_backup (ws->path);
  g_assert_nonnull (backup);

  before = baton_test_folder_state (backup);
  g_assert_true (baton_store_peek_counts (backup, &n_tasks, &n_people, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_tasks, ==, 3);
  g_assert_cmpuint (n_people, ==, 1);
  after = baton_test_folder_state (backup);
  baton_test_assert_text ("the folder (file hashes)", after, before);
}

/* Team locations: told from paths, kept without their password, shown
 * as "DATABASE on HOST" — a socket folder as the host included. */
static void
test_team_locations (void)
{
  static const struct { const char *location; const char *kept; const char *shown; } cases[] = {
    { "postgresql://dana:s3cret@db.example.com:5433/training?sslmode=verify-full",
      "postgresql://dana@db.example.com:5433/training?sslmode=verify-full", "training on db.example.com" },
    { "postgres://dana@db.example.com/training", "postgres://dana@db.example.com/training", "training on db.example.com" },
    { "postgresql://dana:pw@%2Frun%2Fpostgresql/training", "postgresql://dana@%2Frun%2Fpostgresql/training",
      "training on localhost" },
    { "postgresql://dana@/training?host=/run/postgresql", "postgresql://dana@/training?host=/run/postgresql",
      "training on localhost" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *kept = baton_store_location_strip_password (cases[i].location);
      g_autofree char *shown = baton_store_describe_location (cases[i].location);

      g_assert_true (baton_store_is_team_location (cases[i].location));
      g_assert_cmpstr (kept, ==, cases[i].kept);
      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_null (strstr (shown, "pw"));
    }

  g_assert_false (baton_store_is_team_location ("/home/dana/postgresql://x.baton"));
  g_assert_false (baton_store_is_team_location ("workspace.baton"));
  {
    g_autofree char *path = baton_store_location_strip_password ("/home/dana/work.baton");

    g_assert_cmpstr (path, ==, "/home/dana/work.baton");
  }
  g_assert_null (baton_store_location_strip_password ("postgresql://[bad"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_set_nonfatal_assertions ();

  g_test_add_func ("/storage/new-file-stamped", test_new_file_stamped);
  g_test_add_func ("/storage/team-locations", test_team_locations);
  g_test_add_func ("/storage/peek-counts", test_peek_counts);
  for (gint v = 0; v <= BATON_SCHEMA_VERSION + 1; v++)
    {
      g_autofree char *rollback = g_strdup_printf ("/storage/foreign/user-version-%d", v);
      g_autofree char *wal = g_strdup_printf ("/storage/foreign/user-version-%d-wal", v);

      g_test_add_data_func (rollback, GINT_TO_POINTER (v), test_foreign);
      g_test_add_data_func (wal, GINT_TO_POINTER (10 + v), test_foreign);
    }
  g_test_add_func ("/storage/foreign/in-use", test_foreign_in_use);
  g_test_add_func ("/storage/foreign/lookalike", test_lookalike);
  g_test_add_func ("/storage/foreign/not-a-database", test_not_database);
  g_test_add_func ("/storage/foreign/empty-file", test_empty_file);
  g_test_add_func ("/storage/foreign/empty-database", test_empty_database);
  g_test_add_func ("/storage/empty-default-workspace", test_empty_default);
  for (gint v = 1; v <= BATON_DB_LAST_UNSTAMPED_VERSION; v++)
    {
      g_autofree char *path = g_strdup_printf ("/storage/older-baton/%d", v);
      g_test_add_data_func (path, GINT_TO_POINTER (v), test_older_baton);
    }
  g_test_add_func ("/storage/older-baton/crashed", test_older_baton_crashed);
  g_test_add_func ("/storage/open/corrupt", test_open_corrupt);
  g_test_add_func ("/storage/open/corrupt-older", test_open_corrupt_older);
  g_test_add_func ("/storage/open/failed-create", test_open_failed_create);
  g_test_add_func ("/storage/open/name-not-utf8", test_name_not_utf8);
  g_test_add_func ("/storage/open/locked", test_open_locked);
  g_test_add_func ("/storage/write/locked", test_write_locked);
  g_test_add_func ("/storage/write/disk-full", test_write_disk_full);
  g_test_add_func ("/storage/write/refused-by-sqlite", test_write_refused_by_sqlite);
  g_test_add_func ("/storage/engine/bulk-load", test_engine_bulk_load);
  g_test_add_func ("/storage/engine/delete-all-rows", test_engine_delete_all_rows);
  g_test_add_func ("/storage/engine/statements-kept", test_engine_statements_kept);
  g_test_add ("/storage/read-only/file", ReadOnlyFixture, GINT_TO_POINTER (FALSE),
              read_only_set_up, test_read_only, read_only_tear_down);
  g_test_add ("/storage/read-only/folder", ReadOnlyFixture, GINT_TO_POINTER (TRUE),
              read_only_set_up, test_read_only, read_only_tear_down);
  g_test_add ("/storage/read-only/needs-upgrade", ReadOnlyFixture, NULL,
              read_only_set_up, test_read_only_needs_upgrade, read_only_tear_down);
  g_test_add ("/storage/read-only/after-crash", ReadOnlyFixture, NULL,
              read_only_set_up, test_read_only_after_crash, read_only_tear_down);
  g_test_add ("/storage/read-only/unreadable-log", ReadOnlyFixture, NULL,
              read_only_set_up, test_read_only_unreadable_log, read_only_tear_down);

  return g_test_run ();
}
