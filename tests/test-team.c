/* test-team.c — team workspaces: the PostgreSQL schema, two clients on one
 * server, conflicts, roles, reconnecting
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One private PostgreSQL server (baton-test-pg.c) serves every case; each
 * case has databases of its own.
 */

#define G_LOG_DOMAIN "test-team"

#include "config.h"

#include <gio/gio.h>
#include <gio/gunixsocketaddress.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "baton-demo.h"
#include "baton-json.h"
#include "baton-search.h"
#include "baton-test-pg.h"
#include "baton-test-util.h"

static BatonTestPg *server;

/* The schema ------------------------------------------------------------- */

static const char *
pg_type_for (const BatonField *field)
{
  switch (field->kind)
    {
    case BATON_FIELD_INT:
    case BATON_FIELD_MINUTES:
    case BATON_FIELD_REF:
      return "bigint";
    case BATON_FIELD_BOOL:
      return "boolean";
    case BATON_FIELD_TEXT:
    case BATON_FIELD_NAME:
    case BATON_FIELD_DATE:
    case BATON_FIELD_TIMESTAMP:
    case BATON_FIELD_COLOR:
    default:
      return "text";
    }
}

/* Whether the workspace file's column is NOT NULL: the team schema keeps
 * the same constraints. */
static gboolean
sqlite_not_null (sqlite3    *handle,
                 const char *table,
                 const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT \"notnull\" FROM pragma_table_info ('%s') WHERE name = '%s'",
                                          table, column);
  sqlite3_stmt *stmt = NULL;
  gboolean not_null;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  not_null = sqlite3_column_int (stmt, 0) != 0;
  sqlite3_finalize (stmt);

  return not_null;
}

/* Every record schema's columns are the team schema's, with their types
 * and the workspace file's nullability, plus id and version; and its version is ours. A new
 * SQLite migration without its PostgreSQL twin fails here. */
static void
test_schema_matches_records (void)
{
  g_autofree char *db = baton_test_pg_create_database (server, TRUE);
  g_autofree char *version = baton_test_pg_query_value (server, db, "SELECT version FROM baton_schema");
  g_autofree char *expected_version = g_strdup_printf ("%d", BATON_SCHEMA_VERSION);
  guint n_schemas;
  const BatonRecordSchema * const *schemas = _baton_store_get_schemas (&n_schemas);
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) file_store = baton_store_open (":memory:", &error);
  sqlite3 *handle;

  g_assert_no_error (error);
  handle = baton_db_get_handle (_baton_store_get_db (file_store));
  g_assert_cmpstr (version, ==, expected_version);

  for (guint i = 0; i < n_schemas; i++)
    {
      const BatonRecordSchema *schema = schemas[i];
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autofree char *query = NULL;
      g_autofree char *actual = NULL;
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (lines, g_strdup ("id bigint NO"));
      g_ptr_array_add (lines, g_strdup ("version bigint NO"));
      for (guint f = 0; f < schema->n_fields; f++)
        g_ptr_array_add (lines, g_strdup_printf ("%s %s %s", schema->fields[f].column,
                                                 pg_type_for (&schema->fields[f]),
                                                 sqlite_not_null (handle, schema->table, schema->fields[f].column) ? "NO" : "YES"));
      g_ptr_array_sort (lines, baton_test_compare_lines);
      for (guint l = 0; l < lines->len; l++)
        g_string_append_printf (expected, "%s%s", l > 0 ? "\n" : "", (char *) g_ptr_array_index (lines, l));

      query = g_strdup_printf ("SELECT string_agg (column_name || ' ' || data_type || ' ' || is_nullable, "
                               "E'\\n' ORDER BY column_name || ' ' || data_type || ' ' || is_nullable COLLATE \"C\") "
                               "FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '%s'",
                               schema->table);
      actual = baton_test_pg_query_value (server, db, query);
      baton_test_assert_text (schema->table, actual, expected->str);
    }
}

/* Row-level security is enabled and forced on every table. */
static void
test_schema_forces_row_security (void)
{
  g_autofree char *db = baton_test_pg_create_database (server, TRUE);
  g_autofree char *n_tables = NULL;
  g_autofree char *unforced = NULL;

  n_tables = baton_test_pg_query_value (server, db,
                                        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                        "WHERE n.nspname = 'public' AND c.relkind = 'r'");
  /* The twelve record tables, change_log and baton_schema. */
  g_assert_cmpstr (n_tables, ==, "14");

  unforced = baton_test_pg_query_value (server, db,
                                        "SELECT string_agg (relname, ' ') FROM pg_class c "
                                        "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                        "WHERE n.nspname = 'public' AND c.relkind = 'r' "
                                        "AND NOT (c.relrowsecurity AND c.relforcerowsecurity)");
  g_assert_cmpstr (unforced, ==, NULL);
}

/* The schema applies twice without harm, and is refused over a newer one. */
static void
test_schema_idempotent (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = baton_test_pg_create_database (server, TRUE);
  g_autofree char *path = g_build_filename (g_getenv ("BATON_SOURCE_ROOT"), "src", "model", "pg", "schema.sql", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *count = NULL;

  g_assert_true (g_file_get_contents (path, &sql, NULL, NULL));
  g_assert_true (baton_test_pg_exec (server, db, sql, &error));
  g_assert_no_error (error);
  count = baton_test_pg_query_value (server, db, "SELECT count(*) FROM baton_schema");
  g_assert_cmpstr (count, ==, "1");

  g_assert_true (baton_test_pg_exec (server, db, "UPDATE baton_schema SET version = 99", &error));
  g_assert_false (baton_test_pg_exec (server, db, sql, &error));
  g_assert_nonnull (strstr (error->message, "newer version of Baton"));
}

/* Two clients ------------------------------------------------------------ */

typedef struct
{
  char       *db;
  BatonStore *a;          /* dana's */
  BatonStore *b;          /* bob's */
  guint       b_changed;  /* "changed" emissions of b */
  guint       a_changed;
  GPtrArray  *b_refused;  /* char*: messages of b's ::refused */
  GPtrArray  *a_refused;
} Team;

static void
keep_refused (BatonStore *store,
              const char *message,
              GPtrArray  *messages)
{
  g_ptr_array_add (messages, g_strdup (message));
}

static void
count_changed (BatonStore *store,
               guint      *counter)
{
  (*counter)++;
}

static gboolean roles_made;

/* The login roles of every case: two coordinators and one who may only
 * look, made once per server (roles are the cluster's). */
static void
ensure_roles (void)
{
  if (roles_made)
    return;

  baton_test_pg_create_role (server, "dana", "baton_coordinator", NULL);
  baton_test_pg_create_role (server, "bob", "baton_coordinator", NULL);
  baton_test_pg_create_role (server, "vic", "baton_viewer", NULL);
  baton_test_pg_create_role (server, "pat", "baton_coordinator", "s3cret word");
  roles_made = TRUE;
}

static BatonStore *
open_as (const char  *db,
         const char  *role,
         GError     **error)
{
  g_autofree char *uri = baton_test_pg_uri (server, role, NULL, db);

  return baton_store_open (uri, error);
}

static void
team_setup (Team          *team,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  team->db = baton_test_pg_create_database (server, TRUE);
  ensure_roles ();

  team->a = open_as (team->db, "dana", &error);
  g_assert_no_error (error);
  team->b = open_as (team->db, "bob", &error);
  g_assert_no_error (error);
  g_signal_connect (team->a, "changed", G_CALLBACK (count_changed), &team->a_changed);
  g_signal_connect (team->b, "changed", G_CALLBACK (count_changed), &team->b_changed);
  team->a_refused = g_ptr_array_new_with_free_func (g_free);
  team->b_refused = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (team->a, "refused", G_CALLBACK (keep_refused), team->a_refused);
  g_signal_connect (team->b, "refused", G_CALLBACK (keep_refused), team->b_refused);
}

static void
team_teardown (Team          *team,
               gconstpointer  data)
{
  g_clear_object (&team->a);
  g_clear_object (&team->b);
  g_clear_pointer (&team->a_refused, g_ptr_array_unref);
  g_clear_pointer (&team->b_refused, g_ptr_array_unref);
  g_free (team->db);
}

static BatonStage *
stage_named (BatonStore *store,
             const char *name)
{
  GListModel *stages = baton_store_get_stages (store);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);

      if (g_strcmp0 (baton_stage_get_name (stage), name) == 0)
        return stage;
    }

  g_assert_not_reached ();
  return NULL;
}

static BatonTask *
task_in (BatonStore *store,
         gint64      id)
{
  return baton_store_lookup (store, BATON_TYPE_TASK, id);
}

static gint64
task_stage_id (BatonStore *store,
               gint64      id)
{
  BatonTask *task = task_in (store, id);

  return task != NULL ? baton_task_get_stage_id (task) : -1;
}

static void
flush (BatonStore *store)
{
  g_autoptr(GError) error = NULL;

  if (store != NULL)
    g_assert_true (_baton_store_flush (store, 10000, &error));
  g_assert_no_error (error);
}

static char *
server_value (Team       *team,
              const char *format,
              ...) G_GNUC_PRINTF (2, 3);

static char *
server_value (Team       *team,
              const char *format,
              ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  /* What both stores sent is on the server (or refused). */
  flush (team->a);
  flush (team->b);

  return baton_test_pg_query_value (server, team->db, sql);
}

/* The store opens online, with the default stages, under the login role. */
static void
test_open (Team          *team,
           gconstpointer  data)
{
  g_autofree char *n_stages = server_value (team, "SELECT count(*) FROM stages");

  g_assert_cmpint (baton_store_get_connection (team->a), ==, BATON_STORE_CONNECTION_ONLINE);
  g_assert_false (baton_store_get_read_only (team->a));
  g_assert_cmpstr (baton_store_get_author (team->a), ==, "dana");
  g_assert_cmpstr (baton_store_get_author (team->b), ==, "bob");
  /* Seeded once, by the first to open it. */
  g_assert_cmpstr (n_stages, ==, "6");
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_stages (team->b)), ==, 6);
  g_assert_nonnull (strstr (baton_store_get_path (team->a), team->db));
}

/* A change committed by one coordinator reaches the other's store, with
 * "changed", and the activity log says who made it. */
static void
test_change_propagates (Team          *team,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonTask *task;
  gint64 id;
  guint before;
  g_autofree char *author = NULL;
  BatonTask *b_task;

  before = team->b_changed;
  task = baton_store_create_task (team->a, stage_named (team->a, "Backlog"), NULL, "Storyboard module 2", &error);
  g_assert_no_error (error);
  id = baton_record_get_id (BATON_RECORD (task));

  baton_test_wait_model (task_in (team->b, id) != NULL, 5000);
  g_assert_cmpuint (team->b_changed, >, before);
  g_assert_cmpstr (baton_task_get_title (task_in (team->b, id)), ==, "Storyboard module 2");

  b_task = task_in (team->b, id);
  g_assert_true (baton_store_move_task (team->a, task, stage_named (team->a, "Review"), NULL, &error));
  g_assert_no_error (error);
  baton_test_wait_model (task_stage_id (team->b, id) == baton_record_get_id (BATON_RECORD (stage_named (team->b, "Review"))), 5000);
  /* The same object, updated: views keep their rows. */
  g_assert_true (task_in (team->b, id) == b_task);
  {
    g_autoptr(GPtrArray) column = baton_store_get_stage_tasks (team->b, stage_named (team->b, "Review"));
    g_assert_cmpuint (column->len, ==, 1);
    g_assert_true (g_ptr_array_index (column, 0) == b_task);
  }

  /* Logged under the coordinator's login role, on both sides. */
  author = server_value (team, "SELECT string_agg (DISTINCT author, ',') FROM activity");
  g_assert_cmpstr (author, ==, "dana");
  baton_test_wait_model (g_list_model_get_n_items (baton_store_get_activity (team->b)) > 0, 5000);
  {
    g_autoptr(BatonActivity) entry = g_list_model_get_item (baton_store_get_activity (team->b), 0);
    g_assert_cmpstr (baton_activity_get_author (entry), ==, "dana");
  }

  /* A delete reaches the other side too, with the rows it took along. */
  g_assert_true (baton_store_delete (team->a, task, &error));
  g_assert_no_error (error);
  baton_test_wait_model (task_in (team->b, id) == NULL, 5000);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_tasks (team->b)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (team->b)), ==, 0);
}

/* Two coordinators move the same task: the second move shows at once
 * (the call does not wait for the server), then is refused after the fact
 * with ::refused, naming the first coordinator and where the task went;
 * both end up with the server's state, and the refused move leaves the
 * second one's undo history. */
static void
test_conflicting_moves (Team          *team,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonTask *task;
  gint64 id, review, design;
  g_autofree char *server_stage = NULL;
  g_autofree char *expected_stage = NULL;
  g_autofree char *sql = NULL;
  const char *message;
  BatonHistory *history = baton_store_get_history (team->b);

  task = baton_store_create_task (team->a, stage_named (team->a, "Backlog"), NULL, "Storyboard module 2", &error);
  g_assert_no_error (error);
  id = baton_record_get_id (BATON_RECORD (task));
  baton_test_wait_model (task_in (team->b, id) != NULL, 5000);
  review = baton_record_get_id (BATON_RECORD (stage_named (team->a, "Review")));
  design = baton_record_get_id (BATON_RECORD (stage_named (team->a, "Design")));

  /* Dana moves it, and the server has it; Bob, who has not heard yet,
   * drags it elsewhere: his window shows his move for now. */
  g_assert_true (baton_store_move_task (team->a, task, stage_named (team->a, "Review"), NULL, &error));
  g_assert_no_error (error);
  expected_stage = g_strdup_printf ("%" G_GINT64_FORMAT, review);
  /* Without running the main loop, so that Bob's store does not hear. */
  sql = g_strdup_printf ("SELECT stage_id FROM tasks WHERE id = %" G_GINT64_FORMAT, id);
  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;; g_usleep (5000))
    {
      g_autofree char *stage = baton_test_pg_query_value (server, team->db, sql);
      if (g_strcmp0 (stage, expected_stage) == 0)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, end);
    }
  g_assert_true (baton_store_move_task (team->b, task_in (team->b, id), stage_named (team->b, "Design"), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (baton_history_get_undo_label (history), ==, "Move “Storyboard module 2”");

  /* Then the server refuses it. */
  baton_test_wait_model (team->b_refused->len > 0, 5000);
  g_assert_cmpuint (team->b_refused->len, ==, 1);
  message = g_ptr_array_index (team->b_refused, 0);
  g_test_message ("refused: %s", message);
  g_assert_nonnull (strstr (message, "dana"));
  g_assert_nonnull (strstr (message, "“Storyboard module 2”"));
  g_assert_nonnull (strstr (message, "Review"));

  /* Nothing of Bob's move reached the server; both show its state, and
   * Bob's undo no longer offers the move. */
  server_stage = server_value (team, "SELECT stage_id FROM tasks WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (server_stage, ==, expected_stage);
  g_assert_cmpint (task_stage_id (team->b, id), ==, review);
  g_assert_cmpint (task_stage_id (team->a, id), ==, review);
  g_assert_false (baton_history_get_can_undo (history) &&
                  g_strcmp0 (baton_history_get_undo_label (history), "Move “Storyboard module 2”") == 0);
  baton_test_assert_store_matches_db (team->b);
  g_assert_cmpuint (team->a_refused->len, ==, 0);

  /* Now that Bob has the server's state, his move goes through. */
  g_assert_true (baton_store_move_task (team->b, task_in (team->b, id), stage_named (team->b, "Design"), NULL, &error));
  g_assert_no_error (error);
  baton_test_wait_model (task_stage_id (team->a, id) == design, 5000);
  flush (team->b);
  g_assert_cmpuint (team->b_refused->len, ==, 1);
}

/* Undo is refused, with who and why, when someone else changed the row
 * since; the server keeps their change. */
static void
test_undo_refused (Team          *team,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonTask *task;
  gint64 id, review;
  g_autofree char *server_stage = NULL;
  g_autofree char *expected_stage = NULL;

  task = baton_store_create_task (team->a, stage_named (team->a, "Backlog"), NULL, "Storyboard module 2", &error);
  g_assert_no_error (error);
  id = baton_record_get_id (BATON_RECORD (task));
  g_assert_true (baton_store_move_task (team->a, task, stage_named (team->a, "Design"), NULL, &error));
  g_assert_no_error (error);
  baton_test_wait_model (task_stage_id (team->b, id) == baton_record_get_id (BATON_RECORD (stage_named (team->b, "Design"))), 5000);

  /* Bob moves it on; Dana sees it. */
  review = baton_record_get_id (BATON_RECORD (stage_named (team->b, "Review")));
  g_assert_true (baton_store_move_task (team->b, task_in (team->b, id), stage_named (team->b, "Review"), NULL, &error));
  g_assert_no_error (error);
  baton_test_wait_model (task_stage_id (team->a, id) == review, 5000);

  /* Dana's undo would put it back in Backlog over Bob's move. */
  g_assert_false (baton_store_undo (team->a, &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_CONFLICT);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "bob"));
  g_assert_nonnull (strstr (error->message, "“Storyboard module 2”"));
  /* The step is gone; the one before it (the task's creation) would
   * overwrite Bob's move just the same. */
  g_assert_true (baton_history_get_can_undo (baton_store_get_history (team->a)));
  g_clear_error (&error);
  g_assert_false (baton_store_undo (team->a, &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_CONFLICT);
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (team->a)));

  expected_stage = g_strdup_printf ("%" G_GINT64_FORMAT, review);
  server_stage = server_value (team, "SELECT stage_id FROM tasks WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (server_stage, ==, expected_stage);
  g_assert_cmpint (task_stage_id (team->a, id), ==, review);

  /* Bob's own undo is his to make. */
  g_clear_error (&error);
  g_assert_true (baton_store_undo (team->b, &error));
  g_assert_no_error (error);
  baton_test_wait_model (task_stage_id (team->a, id) == baton_record_get_id (BATON_RECORD (stage_named (team->a, "Design"))), 5000);
}

/* A role that may only look opens the workspace read-only; a write is
 * refused with a clear message, and the server is unchanged. */
static void
test_viewer_refused (Team          *team,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) viewer = open_as (team->db, "vic", &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_no_error (error);
  g_assert_true (baton_store_get_read_only (viewer));
  g_assert_cmpint (baton_store_get_connection (viewer), ==, BATON_STORE_CONNECTION_ONLINE);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_stages (viewer)), ==, 6);

  before = server_value (team, "SELECT count(*) || '/' || (SELECT coalesce (max (seq), 0) FROM change_log) FROM tasks");
  g_assert_null (baton_store_create_task (viewer, stage_named (viewer, "Backlog"), NULL, "Peek", &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "vic"));
  after = server_value (team, "SELECT count(*) || '/' || (SELECT coalesce (max (seq), 0) FROM change_log) FROM tasks");
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_tasks (viewer)), ==, 0);

  /* The server itself refuses the role, whatever a client does. */
  g_clear_error (&error);
  {
    g_autofree char *uri = baton_test_pg_uri (server, "vic", NULL, team->db);
    PGconn *conn = PQconnectdb (uri);
    PGresult *result = PQexec (conn, "INSERT INTO roles (name) VALUES ('x')");

    g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
    g_assert_cmpstr (PQresultErrorField (result, PG_DIAG_SQLSTATE), ==, "42501");
    PQclear (result);
    PQfinish (conn);
  }
}

/* A coordinator cannot log activity under someone else's name. */
static void
test_activity_author_forced (Team          *team,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonTask *task = baton_store_create_task (team->a, stage_named (team->a, "Backlog"), NULL, "T", &error);
  g_autofree char *uri = baton_test_pg_uri (server, "dana", NULL, team->db);
  g_autofree char *sql = NULL;
  PGconn *conn;
  PGresult *result;

  g_assert_no_error (error);
  conn = PQconnectdb (uri);
  sql = g_strdup_printf ("INSERT INTO activity (task_id, kind, author) VALUES (%" G_GINT64_FORMAT ", 'stage', 'bob')",
                         baton_record_get_id (BATON_RECORD (task)));
  result = PQexec (conn, sql);
  g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
  g_assert_cmpstr (PQresultErrorField (result, PG_DIAG_SQLSTATE), ==, "42501");
  PQclear (result);
  PQfinish (conn);
}

/* A workspace file's document imports into a team workspace whole, its
 * history with it (a file records no authors); one whose history names
 * another coordinator is refused with the server's reason, and the server
 * keeps nothing of it. */
static void
test_import_json (Team          *team,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) file = baton_store_open (":memory:", &error);
  g_autofree char *document = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *n = NULL;
  g_autofree char *other_db = NULL;
  g_autoptr(BatonStore) other = NULL;
  g_autoptr(GString) named = NULL;
  BatonDemoSize size;
  guint n_tasks;

  g_assert_no_error (error);
  baton_demo_size_init_default (&size);
  g_assert_true (baton_demo_generate (file, &size, &error));
  g_assert_no_error (error);
  n_tasks = g_list_model_get_n_items (baton_store_get_tasks (file));
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (file)), >, 0);
  document = baton_json_export_string (file, NULL);
  g_assert_nonnull (strstr (document, "\"author\" : null"));

  g_assert_true (baton_json_import (team->a, document, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_tasks (team->a)), ==, n_tasks);
  n = server_value (team, "SELECT count(*) FROM tasks");
  g_assert_cmpint (atoi (n), ==, (int) n_tasks);
  baton_test_wait_model (g_list_model_get_n_items (baton_store_get_tasks (team->b)) == n_tasks, 10000);

  /* History under bob's name, imported by dana. */
  named = g_string_new (document);
  g_assert_cmpuint (g_string_replace (named, "\"author\" : null", "\"author\" : \"bob\"", 0), >, 0);
  other_db = baton_test_pg_create_database (server, TRUE);
  other = open_as (other_db, "dana", &error);
  g_assert_no_error (error);
  g_assert_false (baton_json_import (other, named->str, -1, &error));
  g_assert_nonnull (error);
  g_debug ("refused: %s", error->message);
  g_assert_true (baton_store_is_empty (other));
  forged = baton_test_pg_query_value (server, other_db, "SELECT count(*) FROM tasks");
  g_assert_cmpstr (forged, ==, "0");
}

/* A server whose schema is newer than this Baton is refused, unchanged. */
static void
test_newer_schema_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = baton_test_pg_create_database (server, TRUE);
  g_autoptr(BatonStore) store = NULL;
  g_autofree char *version = NULL;

  ensure_roles ();
  g_assert_true (baton_test_pg_exec (server, db, "UPDATE baton_schema SET version = version + 1", &error));

  store = open_as (db, "dana", &error);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer version of Baton"));

  version = baton_test_pg_query_value (server, db, "SELECT version FROM baton_schema");
  g_assert_cmpint (atoi (version), ==, BATON_SCHEMA_VERSION + 1);
  g_free (version);
  version = baton_test_pg_query_value (server, db, "SELECT count(*) FROM stages");
  g_assert_cmpstr (version, ==, "0");
}

/* A database without the schema gets it from the first coordinator that
 * may make it (here the server's owner). */
static void
test_schema_applied_on_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = baton_test_pg_create_database (server, FALSE);
  g_autofree char *uri = baton_test_pg_uri (server, NULL, NULL, db);
  g_autoptr(BatonStore) store = baton_store_open (uri, &error);
  g_autofree char *version = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  version = baton_test_pg_query_value (server, db, "SELECT version FROM baton_schema");
  g_assert_cmpint (atoi (version), ==, BATON_SCHEMA_VERSION);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_stages (store)), ==, 6);
}

/* A password is asked for, and a wrong one refused, as AUTH. */
static void
test_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = baton_test_pg_create_database (server, TRUE);
  g_autofree char *uri = NULL;
  g_autoptr(BatonStore) store = NULL;

  ensure_roles ();

  store = open_as (db, "pat", &error);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_AUTH);
  g_clear_error (&error);

  uri = baton_test_pg_uri (server, "pat", "wrong", db);
  store = baton_store_open (uri, &error);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_AUTH);
}

static void
open_ready (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Two coordinators opening a new workspace at the same moment seed its
 * stages once. */
static void
test_seeded_once (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = baton_test_pg_create_database (server, TRUE);
  g_autofree char *uri_a = NULL;
  g_autofree char *uri_b = NULL;
  g_autoptr(GAsyncResult) result_a = NULL;
  g_autoptr(GAsyncResult) result_b = NULL;
  g_autoptr(BatonStore) a = NULL;
  g_autoptr(BatonStore) b = NULL;
  g_autofree char *n_stages = NULL;

  ensure_roles ();
  uri_a = baton_test_pg_uri (server, "dana", NULL, db);
  uri_b = baton_test_pg_uri (server, "bob", NULL, db);
  baton_store_open_async (uri_a, NULL, BATON_STORE_OPEN_REQUIRE_SERVER, NULL, open_ready, &result_a);
  baton_store_open_async (uri_b, NULL, BATON_STORE_OPEN_REQUIRE_SERVER, NULL, open_ready, &result_b);
  baton_test_wait_model (result_a != NULL && result_b != NULL, 10000);
  a = baton_store_open_finish (result_a, &error);
  g_assert_no_error (error);
  b = baton_store_open_finish (result_b, &error);
  g_assert_no_error (error);

  n_stages = baton_test_pg_query_value (server, db, "SELECT count(*) FROM stages");
  g_assert_cmpstr (n_stages, ==, "6");
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_stages (a)), ==, 6);
  baton_test_wait_model (g_list_model_get_n_items (baton_store_get_stages (b)) == 6, 5000);
  {
    g_autoptr(BatonStage) last = g_list_model_get_item (baton_store_get_stages (a), 5);
    g_assert_true (baton_stage_get_is_done (last));
  }
}

/* baton_store_open_async () with the password apart from the location. */
static void
test_open_async_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = baton_test_pg_create_database (server, TRUE);
  g_autofree char *uri = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BatonStore) store = NULL;

  ensure_roles ();
  uri = baton_test_pg_uri (server, "pat", NULL, db);
  baton_store_open_async (uri, "s3cret word", BATON_STORE_OPEN_REQUIRE_SERVER, NULL, open_ready, &result);
  baton_test_wait_model (result != NULL, 10000);
  store = baton_store_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (baton_store_get_author (store), ==, "pat");
  /* The password is kept nowhere the window shows or saves. */
  g_assert_null (strstr (baton_store_get_path (store), "s3cret"));
  g_assert_cmpint (baton_store_get_connection (store), ==, BATON_STORE_CONNECTION_ONLINE);

  /* An import's worker connects as the window did, by its location. */
  {
    g_autoptr(BatonStore) worker = baton_store_open_for_worker (baton_store_get_path (store), &error);

    g_assert_no_error (error);
    g_assert_cmpstr (baton_store_get_author (worker), ==, "pat");
  }
}

/* A server that cannot be reached: refused when the server is required,
 * else the store opens OFFLINE and read-only. */
static void
test_unreachable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_strdup ("postgresql://dana@/nowhere?host=%2Fnonexistent-baton-dir&port=5432");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BatonStore) store = NULL;

  g_assert_null (baton_store_open (uri, &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_UNREACHABLE);
  g_clear_error (&error);

  baton_store_open_async (uri, NULL, BATON_STORE_OPEN_NONE, NULL, open_ready, &result);
  baton_test_wait_model (result != NULL, 10000);
  store = baton_store_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (baton_store_get_connection (store), ==, BATON_STORE_CONNECTION_OFFLINE);
  g_assert_true (baton_store_get_read_only (store));
  g_assert_null (baton_store_create_stage (store, "X", 0, &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_UNREACHABLE);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *counter)
{
  (*counter)++;
}

/* The server restarts: the store goes OFFLINE (read-only, writes refused),
 * then reconnects by itself. */
static void
test_reconnect_after_restart (Team          *team,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n_notify = 0;
  BatonTask *task;
  gint64 id;

  g_signal_connect (team->a, "notify::connection", G_CALLBACK (count_notify), &n_notify);

  baton_test_pg_stop_server (server);
  baton_test_wait_model (baton_store_get_connection (team->a) == BATON_STORE_CONNECTION_OFFLINE, 10000);
  g_assert_true (baton_store_get_read_only (team->a));
  g_assert_null (baton_store_create_task (team->a, stage_named (team->a, "Backlog"), NULL, "Lost", &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_UNREACHABLE);
  g_clear_error (&error);

  baton_test_pg_start_server (server);
  baton_test_wait_model (baton_store_get_connection (team->a) == BATON_STORE_CONNECTION_ONLINE, 15000);
  baton_test_wait_model (baton_store_get_connection (team->b) == BATON_STORE_CONNECTION_ONLINE, 15000);
  g_assert_false (baton_store_get_read_only (team->a));
  g_assert_cmpuint (n_notify, >=, 2);

  /* Writing and the feed work again. */
  task = baton_store_create_task (team->a, stage_named (team->a, "Backlog"), NULL, "Back", &error);
  g_assert_no_error (error);
  id = baton_record_get_id (BATON_RECORD (task));
  baton_test_wait_model (task_in (team->b, id) != NULL, 5000);
}

/* A workspace opened while its server is down opens OFFLINE and empty,
 * and reads everything once the server is back. */
static void
test_open_offline_then_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = baton_test_pg_create_database (server, TRUE);
  g_autofree char *uri = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(BatonStore) first = NULL;
  g_autoptr(BatonStore) store = NULL;
  guint n_changed = 0;

  ensure_roles ();
  uri = baton_test_pg_uri (server, "dana", NULL, db);
  first = baton_store_open (uri, &error);
  g_assert_no_error (error);
  g_assert_nonnull (baton_store_create_task (first, stage_named (first, "Backlog"), NULL, "Waiting", &error));
  g_assert_no_error (error);
  g_clear_object (&first);

  baton_test_pg_stop_server (server);
  baton_store_open_async (uri, NULL, BATON_STORE_OPEN_NONE, NULL, open_ready, &result);
  baton_test_wait_model (result != NULL, 10000);
  store = baton_store_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (baton_store_get_connection (store), ==, BATON_STORE_CONNECTION_OFFLINE);
  g_assert_true (baton_store_get_read_only (store));
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_tasks (store)), ==, 0);
  g_signal_connect (store, "changed", G_CALLBACK (count_changed), &n_changed);

  baton_test_pg_start_server (server);
  baton_test_wait_model (baton_store_get_connection (store) == BATON_STORE_CONNECTION_ONLINE, 15000);
  baton_test_wait_model (g_list_model_get_n_items (baton_store_get_tasks (store)) == 1, 5000);
  g_assert_cmpuint (n_changed, >, 0);
  g_assert_false (baton_store_get_read_only (store));
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_stages (store)), ==, 6);
}

/* Notifications are not replayed: a change made while a client was
 * disconnected arrives from the change log when it reconnects. */
static void
test_catch_up_after_reconnect (Team          *team,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *terminated = NULL;
  BatonTask *task;
  gint64 id;

  task = baton_store_create_task (team->a, stage_named (team->a, "Backlog"), NULL, "Before", &error);
  g_assert_no_error (error);
  id = baton_record_get_id (BATON_RECORD (task));
  baton_test_wait_model (task_in (team->b, id) != NULL, 5000);

  /* Dana's connection is cut; Bob renames the task meanwhile. */
  terminated = server_value (team, "SELECT count (pg_terminate_backend (pid)) FROM pg_stat_activity "
                                   "WHERE usename = 'dana' AND datname = current_database ()");
  g_assert_cmpstr (terminated, ==, "1");
  g_assert_true (baton_store_update (team->b, task_in (team->b, id), &error, "title", "After", NULL));
  g_assert_no_error (error);

  baton_test_wait_model (baton_store_get_connection (team->a) == BATON_STORE_CONNECTION_OFFLINE, 10000);
  g_assert_cmpstr (baton_task_get_title (task_in (team->a, id)), ==, "Before");
  baton_test_wait_model (baton_store_get_connection (team->a) == BATON_STORE_CONNECTION_ONLINE, 15000);
  baton_test_wait_model (g_strcmp0 (baton_task_get_title (task_in (team->a, id)), "After") == 0, 5000);
}

/* Notes, large ones too, are rows like any other; the search finds them
 * in memory. */
static void
test_notes (Team          *team,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  BatonClient *client;
  BatonNote *note;
  gint64 id;

  for (guint i = 0; i < 20000; i++)
    g_string_append (body, "Learning outcomes for the onboarding course. ");
  g_string_append (body, "zebrafish");

  client = baton_store_create_client (team->a, "Acme", NULL, &error);
  g_assert_no_error (error);
  note = baton_store_create_note (team->a, client, NULL, "Kickoff", NULL, &error);
  g_assert_no_error (error);
  id = baton_record_get_id (BATON_RECORD (note));
  g_assert_true (baton_store_update_note (team->a, note, "Kickoff", body->str, TRUE, &error));
  g_assert_no_error (error);

  baton_test_wait_model (baton_store_lookup (team->b, BATON_TYPE_NOTE, id) != NULL &&
                         g_strcmp0 (baton_note_get_body (baton_store_lookup (team->b, BATON_TYPE_NOTE, id)), body->str) == 0,
                         5000);
  {
    g_autoptr(GPtrArray) found = baton_notes_search (team->b, "zebrafish", 0, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
  }
}

/* Imports and exports run on a worker thread with a store of their own:
 * on a team workspace, a connection of its own, whose change the window's
 * store adopts as one undo step. */
static gpointer
worker_adds_task (gpointer data)
{
  Team *team = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) worker = baton_store_open_for_worker (baton_store_get_path (team->a), &error);

  g_assert_no_error (error);
  g_assert_nonnull (baton_store_create_task (worker, stage_named (worker, "Backlog"), NULL, "Imported", &error));
  g_assert_no_error (error);

  return baton_store_take_last_change (worker);
}

static gboolean
has_task_titled (BatonStore *store,
                 const char *title)
{
  GListModel *tasks = baton_store_get_tasks (store);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);

      if (g_strcmp0 (baton_task_get_title (task), title) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_worker (Team          *team,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GThread *thread = g_thread_new ("worker", worker_adds_task, team);
  BatonChange *change = g_thread_join (thread);
  gboolean as_undo = FALSE;
  g_autofree char *count = NULL;

  g_assert_nonnull (change);
  g_assert_true (baton_store_adopt_change (team->a, change, &as_undo, &error));
  g_assert_no_error (error);
  g_assert_true (has_task_titled (team->a, "Imported"));
  baton_test_wait_model (has_task_titled (team->b, "Imported"), 5000);

  /* Undone from the window, whether adopted as a step or read again. */
  if (as_undo)
    {
      g_assert_true (baton_store_undo (team->a, &error));
      g_assert_no_error (error);
      g_assert_false (has_task_titled (team->a, "Imported"));
      count = server_value (team, "SELECT count(*) FROM tasks");
      g_assert_cmpstr (count, ==, "0");
      baton_test_wait_model (!has_task_titled (team->b, "Imported"), 5000);
    }
}

/* A slow network --------------------------------------------------------- */

/* A proxy in front of the server, on a socket of its own, that holds each
 * chunk it passes on for delay_ms (either way): a team server across a
 * slow network. Its threads end with their connections. */
typedef struct
{
  char    *dir;
  char    *target;
  GSocket *listener;
  GThread *thread;
  gint     delay_ms;
  GMutex   lock;
  guint    refs;          /* the test's, and one per pipe thread */
} Proxy;

static void
proxy_unref (Proxy *proxy)
{
  gboolean last;

  g_mutex_lock (&proxy->lock);
  last = --proxy->refs == 0;
  g_mutex_unlock (&proxy->lock);
  if (last)
    {
      g_mutex_clear (&proxy->lock);
      g_free (proxy);
    }
}

typedef struct
{
  Proxy   *proxy;
  GSocket *from;
  GSocket *to;
} ProxyPipe;

static gpointer
proxy_pipe_thread (gpointer data)
{
  ProxyPipe *pipe = data;
  char buffer[65536];
  gssize n;

  while ((n = g_socket_receive (pipe->from, buffer, sizeof buffer, NULL, NULL)) > 0)
    {
      gint delay = g_atomic_int_get (&pipe->proxy->delay_ms);
      gssize sent = 0;

      if (delay > 0)
        g_usleep (delay * 1000);
      while (sent < n)
        {
          gssize k = g_socket_send (pipe->to, buffer + sent, n - sent, NULL, NULL);

          if (k <= 0)
            goto out;
          sent += k;
        }
    }

out:
  g_socket_shutdown (pipe->to, FALSE, TRUE, NULL);
  g_socket_shutdown (pipe->from, TRUE, FALSE, NULL);
  g_object_unref (pipe->from);
  g_object_unref (pipe->to);
  proxy_unref (pipe->proxy);
  g_free (pipe);

  return NULL;
}

static gpointer
proxy_accept_thread (gpointer data)
{
  Proxy *proxy = data;
  GSocket *client;

  GError *error = NULL;

  while ((client = g_socket_accept (proxy->listener, NULL, &error)) != NULL)
    {
      g_autoptr(GSocketAddress) address = g_unix_socket_address_new (proxy->target);
      GSocket *upstream = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, NULL);
      ProxyPipe *up, *down;

      if (upstream == NULL || !g_socket_connect (upstream, address, NULL, &error))
        {
          g_debug ("proxy: %s", error != NULL ? error->message : "no socket");
          g_clear_error (&error);
          g_clear_object (&upstream);
          g_socket_close (client, NULL);
          g_object_unref (client);
          continue;
        }

      up = g_new0 (ProxyPipe, 1);
      up->proxy = proxy;
      up->from = g_object_ref (client);
      up->to = g_object_ref (upstream);
      down = g_new0 (ProxyPipe, 1);
      down->proxy = proxy;
      down->from = upstream;
      down->to = client;
      g_mutex_lock (&proxy->lock);
      proxy->refs += 2;
      g_mutex_unlock (&proxy->lock);
      g_thread_unref (g_thread_new ("proxy-up", proxy_pipe_thread, up));
      g_thread_unref (g_thread_new ("proxy-down", proxy_pipe_thread, down));
    }
  g_debug ("proxy: %s", error->message);
  g_clear_error (&error);

  return NULL;
}

static Proxy *
proxy_start (void)
{
  g_autoptr(GError) error = NULL;
  Proxy *proxy = g_new0 (Proxy, 1);
  g_autofree char *path = NULL;

  g_mutex_init (&proxy->lock);
  proxy->refs = 1;
  g_autoptr(GSocketAddress) address = NULL;

  proxy->dir = g_dir_make_tmp ("baton-proxy-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_strdup_printf ("%s/.s.PGSQL.%d", proxy->dir, baton_test_pg_get_port (server));
  proxy->target = g_strdup_printf ("%s/.s.PGSQL.%d", baton_test_pg_get_socket_dir (server),
                                   baton_test_pg_get_port (server));
  address = g_unix_socket_address_new (path);
  proxy->listener = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (proxy->listener, address, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_socket_listen (proxy->listener, &error));
  g_assert_no_error (error);
  proxy->thread = g_thread_new ("proxy", proxy_accept_thread, proxy);

  return proxy;
}

static void
proxy_stop (Proxy *proxy)
{
  g_autofree char *path = g_strdup_printf ("%s/.s.PGSQL.%d", proxy->dir, baton_test_pg_get_port (server));

  g_socket_shutdown (proxy->listener, TRUE, TRUE, NULL);
  g_socket_close (proxy->listener, NULL);
  g_thread_join (proxy->thread);
  g_object_unref (proxy->listener);

  g_unlink (path);
  g_rmdir (proxy->dir);
  g_clear_pointer (&proxy->dir, g_free);
  g_clear_pointer (&proxy->target, g_free);
  /* Pipe threads may still pass on what a closed connection left. */
  proxy_unref (proxy);
}

static BatonStore *
open_through (Proxy      *proxy,
              const char *db,
              const char *role)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *host = g_uri_escape_string (proxy->dir, NULL, FALSE);
  g_autofree char *uri = g_strdup_printf ("postgresql://%s@/%s?host=%s&port=%d",
                                          role, db, host, baton_test_pg_get_port (server));
  BatonStore *store = baton_store_open (uri, &error);

  g_assert_no_error (error);

  return store;
}

/* The server is 200 ms away each way: a move returns at once (the window
 * is never blocked for a round trip), and still reaches the other
 * coordinator. */
static void
test_slow_server (Team          *team,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Proxy *proxy = proxy_start ();
  BatonStore *slow = open_through (proxy, team->db, "dana");
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  gint64 id, review, design, start, elapsed;
  g_autofree char *expected = NULL;
  g_autofree char *stage = NULL;
  BatonTask *task;

  g_signal_connect (slow, "refused", G_CALLBACK (keep_refused), refused);
  task = baton_store_create_task (slow, stage_named (slow, "Backlog"), NULL, "Storyboard module 2", &error);
  g_assert_no_error (error);
  id = baton_record_get_id (BATON_RECORD (task));
  baton_test_wait_model (task_in (team->b, id) != NULL, 5000);
  flush (slow);
  review = baton_record_get_id (BATON_RECORD (stage_named (slow, "Review")));
  design = baton_record_get_id (BATON_RECORD (stage_named (slow, "Design")));

  g_atomic_int_set (&proxy->delay_ms, 200);

  start = g_get_monotonic_time ();
  g_assert_true (baton_store_move_task (slow, task, stage_named (slow, "Review"), NULL, &error));
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_test_message ("a move took %" G_GINT64_FORMAT " µs", elapsed);
  g_assert_cmpint (elapsed, <, 50000);
  g_assert_cmpint (task_stage_id (slow, id), ==, review);

  /* Another one while the first is on its way. */
  start = g_get_monotonic_time ();
  g_assert_true (baton_store_move_task (slow, task, stage_named (slow, "Design"), NULL, &error));
  elapsed = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  g_assert_cmpint (elapsed, <, 50000);

  baton_test_wait_model (task_stage_id (team->b, id) == design, 10000);
  g_assert_true (_baton_store_flush (slow, 10000, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (refused->len, ==, 0);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, design);
  stage = server_value (team, "SELECT stage_id FROM tasks WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (stage, ==, expected);

  g_atomic_int_set (&proxy->delay_ms, 0);
  g_object_unref (slow);
  proxy_stop (proxy);
}

/* The server goes down with a write on its way: the store hears that it
 * was not confirmed (::refused), goes OFFLINE, leaves the step out of its
 * undo history, and once the server is back shows what the server has:
 * nothing of the write, which committed whole or not at all. */
static void
test_lost_with_write_in_flight (Team          *team,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Proxy *proxy = proxy_start ();
  BatonStore *slow = open_through (proxy, team->db, "dana");
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_free);
  gint64 id, backlog;
  g_autofree char *expected = NULL;
  g_autofree char *stage = NULL;
  g_autofree char *n_activity = NULL;
  g_autofree char *n_activity_after = NULL;
  BatonTask *task;
  const char *message;

  g_signal_connect (slow, "refused", G_CALLBACK (keep_refused), refused);
  task = baton_store_create_task (slow, stage_named (slow, "Backlog"), NULL, "Storyboard module 2", &error);
  g_assert_no_error (error);
  id = baton_record_get_id (BATON_RECORD (task));
  flush (slow);
  backlog = baton_record_get_id (BATON_RECORD (stage_named (slow, "Backlog")));
  n_activity = server_value (team, "SELECT count (*) FROM activity");

  g_atomic_int_set (&proxy->delay_ms, 200);
  g_assert_true (baton_store_move_task (slow, task, stage_named (slow, "Review"), NULL, &error));
  g_assert_no_error (error);
  baton_test_pg_stop_server (server);

  baton_test_wait_model (refused->len > 0, 10000);
  message = g_ptr_array_index (refused, 0);
  g_test_message ("refused: %s", message);
  g_assert_nonnull (strstr (message, "connection to the team server was lost"));
  g_assert_nonnull (strstr (message, "“Storyboard module 2”"));
  g_assert_cmpint (baton_store_get_connection (slow), ==, BATON_STORE_CONNECTION_OFFLINE);
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (slow)) &&
                  g_strcmp0 (baton_history_get_undo_label (baton_store_get_history (slow)),
                             "Move “Storyboard module 2”") == 0);

  g_atomic_int_set (&proxy->delay_ms, 0);
  baton_test_pg_start_server (server);
  baton_test_wait_model (baton_store_get_connection (slow) == BATON_STORE_CONNECTION_ONLINE, 15000);
  baton_test_wait_model (task_stage_id (slow, id) == backlog, 5000);
  flush (slow);

  expected = g_strdup_printf ("%" G_GINT64_FORMAT, backlog);
  stage = server_value (team, "SELECT stage_id FROM tasks WHERE id = %" G_GINT64_FORMAT, id);
  g_assert_cmpstr (stage, ==, expected);
  n_activity_after = server_value (team, "SELECT count (*) FROM activity");
  g_assert_cmpstr (n_activity_after, ==, n_activity);
  baton_test_assert_store_matches_db (slow);
  g_assert_cmpuint (refused->len, ==, 1);

  g_object_unref (slow);
  proxy_stop (proxy);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  server = baton_test_pg_start ();

  g_test_add_func ("/team/schema/matches-records", test_schema_matches_records);
  g_test_add_func ("/team/schema/forces-row-security", test_schema_forces_row_security);
  g_test_add_func ("/team/schema/idempotent", test_schema_idempotent);
  g_test_add_func ("/team/schema/newer-refused", test_newer_schema_refused);
  g_test_add_func ("/team/schema/applied-on-open", test_schema_applied_on_open);
  g_test_add_func ("/team/open/seeded-once", test_seeded_once);
  g_test_add_func ("/team/open/password", test_password);
  g_test_add_func ("/team/open/async-password", test_open_async_password);
  g_test_add_func ("/team/open/unreachable", test_unreachable);
  g_test_add ("/team/open/online", Team, NULL, team_setup, test_open, team_teardown);
  g_test_add ("/team/live/propagates", Team, NULL, team_setup, test_change_propagates, team_teardown);
  g_test_add ("/team/live/notes", Team, NULL, team_setup, test_notes, team_teardown);
  g_test_add ("/team/conflict/moves", Team, NULL, team_setup, test_conflicting_moves, team_teardown);
  g_test_add ("/team/async/slow-server", Team, NULL, team_setup, test_slow_server, team_teardown);
  g_test_add ("/team/async/lost-in-flight", Team, NULL, team_setup, test_lost_with_write_in_flight, team_teardown);
  g_test_add ("/team/conflict/undo-refused", Team, NULL, team_setup, test_undo_refused, team_teardown);
  g_test_add ("/team/live/worker", Team, NULL, team_setup, test_worker, team_teardown);
  g_test_add ("/team/roles/viewer-refused", Team, NULL, team_setup, test_viewer_refused, team_teardown);
  g_test_add ("/team/roles/activity-author", Team, NULL, team_setup, test_activity_author_forced, team_teardown);
  g_test_add ("/team/import/json", Team, NULL, team_setup, test_import_json, team_teardown);
  g_test_add ("/team/offline/reconnect-after-restart", Team, NULL, team_setup, test_reconnect_after_restart, team_teardown);
  g_test_add_func ("/team/offline/open-then-load", test_open_offline_then_load);
  g_test_add ("/team/offline/catch-up", Team, NULL, team_setup, test_catch_up_after_reconnect, team_teardown);

  status = g_test_run ();

  baton_test_pg_free (server);

  return status;
}
