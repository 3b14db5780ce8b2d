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
#include <string.h>

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

  status = g_test_run ();

  baton_test_pg_free (server);

  return status;
}
