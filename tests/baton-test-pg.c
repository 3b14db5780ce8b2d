/* baton-test-pg.c — a private PostgreSQL 15 server for the team tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-pg"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "baton-db.h"
#include "baton-store-private.h"
#include "baton-test-pg.h"

#define PG_BIN_DIR "/usr/lib/postgresql/15/bin"
#define PG_PORT    5432
#define PG_ADMIN   "baton_admin"

struct _BatonTestPg
{
  char  *dir;        /* the temporary folder: data/, the socket, the log */
  char  *data_dir;
  char  *log_path;
  uid_t  uid;        /* the server's user (nobody as root) */
  gid_t  gid;
  gboolean as_other; /* run the tools as that user (runuser) */
  int    watchdog_fd;
  GPid   watchdog;
  guint  n_databases;
  gboolean has_template;
};

static char *
tool_path (const char *name)
{
  return g_build_filename (PG_BIN_DIR, name, NULL);
}

/* Runs @argv (a PostgreSQL tool and its arguments) as the server's user. */
static gboolean
run_tool (BatonTestPg  *pg,
          const char  **argv,
          GError      **error)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (pg->as_other)
    {
      g_ptr_array_add (args, (char *) "runuser");
      g_ptr_array_add (args, (char *) "-u");
      g_ptr_array_add (args, (char *) "nobody");
      g_ptr_array_add (args, (char *) "--");
    }
  for (guint i = 0; argv[i] != NULL; i++)
    g_ptr_array_add (args, (char *) argv[i]);
  g_ptr_array_add (args, NULL);

  if (!g_spawn_sync (pg->dir, (char **) args->pdata, NULL, G_SPAWN_SEARCH_PATH,
                     NULL, NULL, &out, &err, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "%s: %s%s: ", argv[0], out, err);
      return FALSE;
    }

  return TRUE;
}

static void
start_watchdog (BatonTestPg *pg)
{
  g_autofree char *pg_ctl = tool_path ("pg_ctl");
  g_autofree char *quoted_ctl = g_shell_quote (pg_ctl);
  g_autofree char *quoted_data = g_shell_quote (pg->data_dir);
  g_autofree char *quoted_dir = g_shell_quote (pg->dir);
  g_autofree char *script = NULL;
  int fds[2];
  pid_t pid;

  /* The watchdog waits for the end of its pipe, which the kernel closes
   * however this process ends, then stops the server and removes all. */
  script = g_strdup_printf ("read -r _ignored; %s%s -D %s -m immediate -w stop >/dev/null 2>&1; rm -rf %s",
                            pg->as_other ? "runuser -u nobody -- " : "",
                            quoted_ctl, quoted_data, quoted_dir);

  if (pipe (fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));

  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      setsid ();
      close (fds[1]);
      dup2 (fds[0], STDIN_FILENO);
      close (fds[0]);
      execl ("/bin/sh", "sh", "-c", script, (char *) NULL);
      _exit (127);
    }

  close (fds[0]);
  pg->watchdog_fd = fds[1];
  pg->watchdog = pid;
}

static void
check_tools (void)
{
  const char *tools[] = { "initdb", "pg_ctl", "postgres" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = tool_path (tools[i]);

      if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
        g_error ("PostgreSQL 15 is needed for the team tests, and %s is missing: "
                 "install postgresql-15 (build-aux/dev does)", path);
    }
}

void
baton_test_pg_start_server (BatonTestPg *pg)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pg_ctl = tool_path ("pg_ctl");
  g_autofree char *options = NULL;
  const char *argv[] = { pg_ctl, "-D", pg->data_dir, "-l", pg->log_path, "-w", "-t", "60",
                         "-o", NULL, "start", NULL };

  options = g_strdup_printf ("-k %s -p %d -c listen_addresses='' -c fsync=off "
                             "-c synchronous_commit=off -c full_page_writes=off",
                             pg->dir, PG_PORT);
  argv[9] = options;

  if (!run_tool (pg, argv, &error))
    {
      g_autofree char *log = NULL;

      g_file_get_contents (pg->log_path, &log, NULL, NULL);
      g_error ("Could not start the PostgreSQL test server: %s\n%s", error->message, log ? log : "");
    }
}

void
baton_test_pg_stop_server (BatonTestPg *pg)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pg_ctl = tool_path ("pg_ctl");
  const char *argv[] = { pg_ctl, "-D", pg->data_dir, "-m", "fast", "-w", "stop", NULL };

  if (!run_tool (pg, argv, &error))
    g_error ("Could not stop the PostgreSQL test server: %s", error->message);
}

void
baton_test_pg_restart (BatonTestPg *pg)
{
  baton_test_pg_stop_server (pg);
  baton_test_pg_start_server (pg);
}

BatonTestPg *
baton_test_pg_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *initdb = tool_path ("initdb");
  BatonTestPg *pg;

  check_tools ();

  pg = g_new0 (BatonTestPg, 1);
  pg->watchdog_fd = -1;
  pg->dir = g_dir_make_tmp ("baton-pg-XXXXXX", &error);
  g_assert_no_error (error);
  pg->data_dir = g_build_filename (pg->dir, "data", NULL);
  pg->log_path = g_build_filename (pg->dir, "server.log", NULL);

  if (geteuid () == 0)
    {
      /* PostgreSQL refuses to run as root. */
      struct passwd *nobody = getpwnam ("nobody");

      if (nobody == NULL)
        g_error ("The PostgreSQL test server runs as the user nobody, and there is none");
      pg->uid = nobody->pw_uid;
      pg->gid = nobody->pw_gid;
      pg->as_other = TRUE;
      if (chown (pg->dir, pg->uid, pg->gid) != 0)
        g_error ("chown %s: %s", pg->dir, g_strerror (errno));
    }
  else
    {
      pg->uid = geteuid ();
      pg->gid = getegid ();
    }

  start_watchdog (pg);

  {
    const char *argv[] = { initdb, "-D", pg->data_dir, "-U", PG_ADMIN, "-A", "trust",
                           "-E", "UTF8", "--locale=C.UTF-8", "-N", NULL };

    if (!run_tool (pg, argv, &error))
      g_error ("Could not make the PostgreSQL test cluster: %s", error->message);
  }

  /* Roles made with a password (members of baton_test_password) must give
   * it; the others are trusted on the socket. */
  {
    g_autofree char *hba_path = g_build_filename (pg->data_dir, "pg_hba.conf", NULL);
    const char *hba = "local all " PG_ADMIN " trust\n"
                      "local all +baton_test_password scram-sha-256\n"
                      "local all all trust\n";

    if (!g_file_set_contents (hba_path, hba, -1, &error))
      g_error ("%s", error->message);
    if (pg->as_other && chown (hba_path, pg->uid, pg->gid) != 0)
      g_error ("chown %s: %s", hba_path, g_strerror (errno));
  }

  baton_test_pg_start_server (pg);

  if (!baton_test_pg_exec (pg, "postgres", "CREATE ROLE baton_test_password NOLOGIN", &error))
    g_error ("%s", error->message);

  return pg;
}

void
baton_test_pg_free (BatonTestPg *pg)
{
  int status;

  if (pg == NULL)
    return;

  /* The watchdog stops the server and removes the folder. */
  close (pg->watchdog_fd);
  waitpid (pg->watchdog, &status, 0);

  g_free (pg->dir);
  g_free (pg->data_dir);
  g_free (pg->log_path);
  g_free (pg);
}

const char *
baton_test_pg_get_socket_dir (BatonTestPg *pg)
{
  return pg->dir;
}

int
baton_test_pg_get_port (BatonTestPg *pg)
{
  return PG_PORT;
}

char *
baton_test_pg_uri (BatonTestPg *pg,
                   const char  *role,
                   const char  *password,
                   const char  *database)
{
  g_autofree char *host = g_uri_escape_string (pg->dir, NULL, FALSE);
  g_autofree char *user = g_uri_escape_string (role != NULL ? role : PG_ADMIN, NULL, FALSE);
  g_autofree char *secret = password != NULL ? g_uri_escape_string (password, NULL, FALSE) : NULL;

  return g_strdup_printf ("postgresql://%s%s%s@/%s?host=%s&port=%d",
                          user, secret != NULL ? ":" : "", secret != NULL ? secret : "",
                          database, host, PG_PORT);
}

static PGconn *
connect_admin (BatonTestPg *pg,
               const char  *database)
{
  g_autofree char *uri = baton_test_pg_uri (pg, NULL, NULL, database);
  PGconn *conn = PQconnectdb (uri);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Could not connect to the PostgreSQL test server: %s", PQerrorMessage (conn));

  return conn;
}

static void
ignore_notice (void       *arg,
               const char *message)
{
}

gboolean
baton_test_pg_exec (BatonTestPg  *pg,
                    const char   *database,
                    const char   *sql,
                    GError      **error)
{
  PGconn *conn = connect_admin (pg, database);
  PGresult *result;
  gboolean ok;

  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  result = PQexec (conn, sql);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);

  return ok;
}

char *
baton_test_pg_query_value (BatonTestPg *pg,
                           const char  *database,
                           const char  *sql)
{
  PGconn *conn = connect_admin (pg, database);
  PGresult *result = PQexec (conn, sql);
  char *value = NULL;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);

  return value;
}

static char *
read_schema (void)
{
  g_autoptr(GError) error = NULL;
  const char *root = g_getenv ("BATON_SOURCE_ROOT");
  g_autofree char *path = NULL;
  char *sql = NULL;

  if (root == NULL)
    g_error ("BATON_SOURCE_ROOT is not set: run the test through meson");
  path = g_build_filename (root, "src", "model", "pg", "schema.sql", NULL);
  if (!g_file_get_contents (path, &sql, NULL, &error))
    g_error ("%s", error->message);

  return sql;
}

char *
baton_test_pg_create_database (BatonTestPg *pg,
                               gboolean     schema)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *create = NULL;
  char *name;

  /* The schema is applied once, to a template the databases copy. */
  if (schema && !pg->has_template)
    {
      g_autofree char *sql = read_schema ();

      if (!baton_test_pg_exec (pg, "postgres", "CREATE DATABASE baton_template", &error) ||
          !baton_test_pg_exec (pg, "baton_template", sql, &error))
        g_error ("Could not apply the team schema: %s", error->message);
      pg->has_template = TRUE;
    }

  name = g_strdup_printf ("baton_test_%u", ++pg->n_databases);
  create = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", name, schema ? "baton_template" : "template0");
  if (!baton_test_pg_exec (pg, "postgres", create, &error))
    g_error ("%s", error->message);

  return name;
}

void
baton_test_pg_create_role (BatonTestPg *pg,
                           const char  *name,
                           const char  *group,
                           const char  *password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);

  /* Names and passwords from the tests themselves, quoted all the same. */
  g_string_append_printf (sql, "CREATE ROLE \"%s\" LOGIN", name);
  if (password != NULL)
    g_string_append_printf (sql, " PASSWORD '%s'", password);
  if (group != NULL || password != NULL)
    g_string_append_printf (sql, " IN ROLE %s%s%s", group != NULL ? group : "",
                            group != NULL && password != NULL ? ", " : "",
                            password != NULL ? "baton_test_password" : "");

  if (!baton_test_pg_exec (pg, "postgres", sql->str, &error))
    g_error ("Could not make the role %s: %s", name, error->message);
}

/* Running a store test on either engine ------------------------------------ */

static BatonTestPg *engine_server;
static GHashTable  *engine_databases;   /* file path → URI */

static void
engine_server_free (void)
{
  g_clear_pointer (&engine_server, baton_test_pg_free);
  g_clear_pointer (&engine_databases, g_hash_table_unref);
}

gboolean
baton_test_engine_is_postgres (void)
{
  return g_strcmp0 (g_getenv ("BATON_TEST_ENGINE"), "postgres") == 0;
}

BatonStore *
baton_test_engine_open (const char  *path,
                        GError     **error)
{
  const char *uri;

  if (!baton_test_engine_is_postgres () || path == NULL || baton_store_is_team_location (path))
    return baton_store_open (path, error);

  if (engine_server == NULL)
    {
      engine_server = baton_test_pg_start ();
      engine_databases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      atexit (engine_server_free);
    }

  uri = g_strcmp0 (path, ":memory:") != 0 ? g_hash_table_lookup (engine_databases, path) : NULL;
  if (uri == NULL)
    {
      g_autofree char *db = baton_test_pg_create_database (engine_server, TRUE);
      char *new_uri = baton_test_pg_uri (engine_server, "tester", NULL, db);

      if (g_hash_table_size (engine_databases) == 0)
        baton_test_pg_create_role (engine_server, "tester", "baton_coordinator", NULL);
      g_hash_table_insert (engine_databases, g_strdup (path), new_uri);
      uri = new_uri;
    }

  return baton_store_open (uri, error);
}

gboolean
baton_test_engine_skip_file_case (void)
{
  if (!baton_test_engine_is_postgres ())
    return FALSE;

  g_test_skip ("about SQLite workspace files, not the store on PostgreSQL");
  return TRUE;
}

gboolean
baton_test_engine_exec (BatonStore  *store,
                        const char  *sql,
                        GError     **error)
{
  const char *path = baton_store_get_path (store);
  PGconn *conn;
  PGresult *result;
  gboolean ok;

  if (!baton_store_is_team_location (path))
    return baton_db_exec (_baton_store_get_db (store), sql, error);
  if (!_baton_store_flush (store, 10000, error))
    return FALSE;

  conn = PQconnectdb (path);
  PQsetNoticeProcessor (conn, ignore_notice, NULL);
  result = PQexec (conn, sql);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK || PQresultStatus (result) == PGRES_TUPLES_OK;
  if (!ok)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);

  return ok;
}
