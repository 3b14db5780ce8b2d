/* test-team-server.c — build-aux/team-server against a private server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the script as a person would, against the test server
 * (baton-test-pg.c): it creates the database, applies the team schema and
 * makes login roles that can sign in with the passwords it printed, in
 * the right group; a second run changes nothing and keeps the data; bad
 * arguments are refused before anything is touched. Never skipped.
 */

#define G_LOG_DOMAIN "test-team-server"

#include "config.h"

#include <gio/gio.h>
#include <libpq-fe.h>
#include <string.h>

#include "baton-test-pg.h"

static BatonTestPg *server;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs build-aux/team-server with @extra, standard input not a terminal. */
static void
run_script (Run         *run,
            const char  *database,
            const char  *const *extra)
{
  g_autofree char *script = g_build_filename (g_getenv ("BATON_SOURCE_ROOT"), "build-aux", "team-server", NULL);
  g_autofree char *port = g_strdup_printf ("%d", baton_test_pg_get_port (server));
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, script);
  if (database != NULL)
    {
      g_ptr_array_add (argv, (char *) "--host");
      g_ptr_array_add (argv, (char *) baton_test_pg_get_socket_dir (server));
      g_ptr_array_add (argv, (char *) "--port");
      g_ptr_array_add (argv, port);
      g_ptr_array_add (argv, (char *) "--admin");
      g_ptr_array_add (argv, (char *) "baton_admin");
      g_ptr_array_add (argv, (char *) "--database");
      g_ptr_array_add (argv, (char *) database);
    }
  for (guint i = 0; extra[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) extra[i]);
  g_ptr_array_add (argv, NULL);

  memset (run, 0, sizeof *run);
  /* stdin is /dev/null: passwords are generated. */
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDIN_FROM_DEV_NULL,
                               NULL, NULL, &run->out, &run->err, &run->status, &error));
  g_assert_no_error (error);
  g_debug ("team-server %s: status %d\nout:\n%s\nerr:\n%s", database ? database : "", run->status,
           run->out, run->err);
}

/* "NAME: PASSWORD" lines of the output, as NAME → PASSWORD. */
static GHashTable *
printed_passwords (const char *out)
{
  GHashTable *passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *colon = strstr (lines[i], ": ");

      if (lines[i][0] == '\0')
        continue;
      g_assert_nonnull (colon);
      g_hash_table_insert (passwords, g_strndup (lines[i], colon - lines[i]), g_strdup (colon + 2));
    }

  return passwords;
}

/* Signs in as @role with @password and reads the schema's version:
 * "8", or NULL when the server refuses. */
static char *
sign_in (const char *database,
         const char *role,
         const char *password)
{
  g_autofree char *port = g_strdup_printf ("%d", baton_test_pg_get_port (server));
  const char *keys[] = { "host", "port", "dbname", "user", "password", NULL };
  const char *values[] = { baton_test_pg_get_socket_dir (server), port, database, role, password, NULL };
  PGconn *conn = PQconnectdbParams (keys, values, 0);
  PGresult *result;
  char *version = NULL;

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_debug ("%s cannot sign in: %s", role, PQerrorMessage (conn));
      PQfinish (conn);
      return NULL;
    }

  result = PQexec (conn, "SELECT version FROM baton_schema");
  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    version = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);

  return version;
}

static char *
member_of (const char *database,
           const char *role)
{
  g_autofree char *sql = g_strdup_printf ("SELECT string_agg (g.rolname, ' ' ORDER BY g.rolname) "
                                          "FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
                                          "JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = '%s' "
                                          "AND g.rolname IN ('baton_coordinator', 'baton_viewer')",
                                          role);

  return baton_test_pg_query_value (server, database, sql);
}

/* Sets up a new database with two coordinators and a viewer, who sign in
 * with the printed passwords; a second run changes nothing. */
static void
test_set_up_twice (void)
{
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_autoptr(GHashTable) passwords = NULL;
  g_autoptr(GHashTable) again = NULL;
  g_autofree char *exists = NULL;
  g_autofree char *version = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GError) error = NULL;
  const char *database = "team_one";
  const char *const names[] = { "--coordinator", "dana", "bob", "--viewer", "vic", NULL };

  exists = baton_test_pg_query_value (server, "postgres",
                                      "SELECT count(*) FROM pg_database WHERE datname = 'team_one'");
  g_assert_cmpstr (exists, ==, "0");

  run_script (&first, database, names);
  g_assert_cmpint (first.status, ==, 0);
  passwords = printed_passwords (first.out);
  g_assert_cmpuint (g_hash_table_size (passwords), ==, 3);
  /* The test server checks passwords of baton_test_password's members. */
  g_assert_true (baton_test_pg_exec (server, "postgres", "GRANT baton_test_password TO dana, bob, vic", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      const char *name = (const char *[]) { "dana", "bob", "vic" }[i];
      const char *password = g_hash_table_lookup (passwords, name);
      g_autofree char *wrong = g_strconcat (password, "x", NULL);
      g_autofree char *refused = NULL;

      g_assert_nonnull (password);
      g_assert_cmpuint (strlen (password), >=, 16);
      version = sign_in (database, name, password);
      g_assert_cmpstr (version, ==, "8");
      g_clear_pointer (&version, g_free);
      refused = sign_in (database, name, wrong);
      g_assert_null (refused);
    }

  groups = member_of (database, "dana");
  g_assert_cmpstr (groups, ==, "baton_coordinator");
  g_clear_pointer (&groups, g_free);
  groups = member_of (database, "vic");
  g_assert_cmpstr (groups, ==, "baton_viewer");
  g_clear_pointer (&groups, g_free);

  /* Work in the workspace; a second run keeps it and every password. */
  baton_test_pg_exec (server, database,
                      "INSERT INTO roles (name, color, position) VALUES ('Writer', '#336699', 0)",
                      &error);
  g_assert_no_error (error);

  run_script (&second, database, names);
  g_assert_cmpint (second.status, ==, 0);
  again = printed_passwords (second.out);
  g_assert_cmpuint (g_hash_table_size (again), ==, 0);
  g_assert_nonnull (strstr (second.err, "already"));
  version = sign_in (database, "dana", g_hash_table_lookup (passwords, "dana"));
  g_assert_cmpstr (version, ==, "8");
  count = baton_test_pg_query_value (server, database, "SELECT count(*) FROM roles WHERE name = 'Writer'");
  g_assert_cmpstr (count, ==, "1");
}

/* A viewer made a coordinator changes group; a new name is added. */
static void
test_change_group (void)
{
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };
  g_autofree char *groups = NULL;

  run_script (&first, "team_two", (const char *const[]) { "--viewer", "ana", NULL });
  g_assert_cmpint (first.status, ==, 0);
  groups = member_of ("team_two", "ana");
  g_assert_cmpstr (groups, ==, "baton_viewer");
  g_clear_pointer (&groups, g_free);

  run_script (&second, "team_two", (const char *const[]) { "--coordinator", "ana", "--viewer", "cy", NULL });
  g_assert_cmpint (second.status, ==, 0);
  g_assert_null (strstr (second.out, "ana:"));
  g_assert_nonnull (strstr (second.out, "cy: "));
  groups = member_of ("team_two", "ana");
  g_assert_cmpstr (groups, ==, "baton_coordinator");
}

/* Bad arguments: a clear message, and no database is created. */
static void
test_bad_arguments (void)
{
  struct {
    const char *database;
    const char *const *extra;
    const char *message;
  } cases[] = {
    { NULL, (const char *const[]) { "--host", "h", NULL }, "--port is missing" },
    { "team_bad", (const char *const[]) { "--port", "70000", NULL }, "--port must be a number from 1 to 65535" },
    { "team_bad", (const char *const[]) { "--coordinator", "baton_viewer", NULL }, "Baton's own roles" },
    { "team_bad", (const char *const[]) { "--coordinator", "al", "--viewer", "al", NULL }, "both a coordinator and a viewer" },
    { "team_bad", (const char *const[]) { "--frobnicate", NULL }, "unknown option" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *exists = NULL;

      run_script (&run, cases[i].database, cases[i].extra);
      g_assert_cmpint (run.status, !=, 0);
      g_assert_nonnull (strstr (run.err, cases[i].message));
      g_assert_cmpstr (run.out, ==, "");
      exists = baton_test_pg_query_value (server, "postgres",
                                          "SELECT count(*) FROM pg_database WHERE datname = 'team_bad'");
      g_assert_cmpstr (exists, ==, "0");
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  server = baton_test_pg_start ();

  g_test_add_func ("/team-server/set-up-twice", test_set_up_twice);
  g_test_add_func ("/team-server/change-group", test_change_group);
  g_test_add_func ("/team-server/bad-arguments", test_bad_arguments);

  ret = g_test_run ();
  baton_test_pg_free (server);

  return ret;
}
