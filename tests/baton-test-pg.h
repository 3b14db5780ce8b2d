/* baton-test-pg.h — a private PostgreSQL 15 server for the team tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * baton_test_pg_start () makes a cluster in a temporary folder (initdb),
 * starts it (pg_ctl) listening only on a Unix socket in that folder, and
 * returns once it accepts connections. As root (CI) the server runs as
 * `nobody`, which owns the folder. A watchdog process stops the server and
 * removes the folder when the test program ends in any way (a failed
 * assertion aborts without atexit handlers), so no server is left behind.
 *
 * A server that cannot be started is a failure, never a skip: the message
 * says what was missing.
 *
 * The cluster's superuser is "baton_admin" (trust authentication on the
 * socket; a login role made with a password must give it). Databases,
 * login roles and the schema are made per test.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BatonTestPg BatonTestPg;

/* Starts a server or fails the test (g_error). */
BatonTestPg *baton_test_pg_start          (void);
/* Stops the server and removes its folder. */
void         baton_test_pg_free           (BatonTestPg *pg);

/* The folder of the server's socket, and its port. */
const char  *baton_test_pg_get_socket_dir (BatonTestPg *pg);
int          baton_test_pg_get_port       (BatonTestPg *pg);

/* A connection URI for @role (NULL: the superuser) to @database, with
 * @password when not NULL. */
char        *baton_test_pg_uri            (BatonTestPg *pg,
                                           const char  *role,
                                           const char  *password,
                                           const char  *database);

/* Runs @sql (one or more statements) as the superuser on @database
 * ("postgres" for the cluster's own). */
gboolean     baton_test_pg_exec           (BatonTestPg  *pg,
                                           const char   *database,
                                           const char   *sql,
                                           GError      **error);
/* The first column of the first row of @sql, as text (NULL for SQL NULL
 * or no row); fails the test on an error. */
char        *baton_test_pg_query_value    (BatonTestPg  *pg,
                                           const char   *database,
                                           const char   *sql);

/* A new, empty database with a name of its own, returned; with @schema
 * the team schema (src/model/pg/schema.sql) is applied to it. */
char        *baton_test_pg_create_database (BatonTestPg *pg,
                                            gboolean     schema);
/* A login role @name, member of @group ("baton_coordinator",
 * "baton_viewer" or NULL), with @password or none. The group roles exist
 * once a schema was applied to any database. */
void         baton_test_pg_create_role    (BatonTestPg *pg,
                                           const char  *name,
                                           const char  *group,
                                           const char  *password);

/* Stops the server and starts it again on the same folder and socket
 * (pg_ctl restart): every connection is dropped. */
void         baton_test_pg_restart        (BatonTestPg *pg);
/* Stops and starts the server in two steps, so a test can act while it is
 * down. */
void         baton_test_pg_stop_server    (BatonTestPg *pg);
void         baton_test_pg_start_server   (BatonTestPg *pg);

G_END_DECLS

/* Running a store test on either engine ------------------------------------ */

#include "baton-store.h"

G_BEGIN_DECLS

/* Whether the store tests run on PostgreSQL (BATON_TEST_ENGINE=postgres)
 * rather than SQLite. */
gboolean     baton_test_engine_is_postgres (void);
/* Opens the store a test names by @path (a file or ":memory:") on the
 * engine under test: that file, or on PostgreSQL a database of a private
 * server (started on first use) standing for it — the same database each
 * time for the same file, a new one for each ":memory:". The role is a
 * coordinator, "tester". */
BatonStore  *baton_test_engine_open        (const char  *path,
                                            GError     **error);
/* A case about SQLite files themselves (backups, locks, the file's
 * bytes): skipped on PostgreSQL, saying so. TRUE when skipped: the case
 * returns. */
gboolean     baton_test_engine_skip_file_case (void);
/* Runs @sql on the database of @store behind its back (another program, or
 * another coordinator). */
gboolean     baton_test_engine_exec        (BatonStore  *store,
                                            const char  *sql,
                                            GError     **error);

G_END_DECLS
