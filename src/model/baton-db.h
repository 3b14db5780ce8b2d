/* baton-db.h — a thin wrapper over one sqlite3 connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prepared statements with bound parameters only; every non-OK result
 * becomes a GError. What a person can act on (another program's lock, a
 * file that cannot be written, a full disk, damage) gets its own code and a
 * sentence for people, with SQLite's text in the debug log; anything else
 * is BATON_STORE_ERROR_SQL with SQLite's message. Transactions nest through
 * savepoints and are always closed on error paths.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "baton-types.h"

G_BEGIN_DECLS

typedef struct _BatonDb BatonDb;

/* Baton's PRAGMA application_id: "BATN" in ASCII. Every workspace Baton
 * creates carries it from its first write on, and an older one gets it
 * when it is first opened for writing. Files of format
 * BATON_DB_LAST_UNSTAMPED_VERSION and older may lack it: they are
 * recognised by their tables instead (baton_db_inspect ()). */
#define BATON_APPLICATION_ID            0x4241544e
#define BATON_DB_LAST_UNSTAMPED_VERSION 4

/* How long a statement waits for another program's lock: enough for its
 * commit to finish, short enough that a refused change does not freeze the
 * window. Opening a file waits longer: no window is shown yet. */
#define BATON_DB_BUSY_TIMEOUT_MS        50
#define BATON_DB_OPEN_BUSY_TIMEOUT_MS   1000
/* A worker thread's connection waits for the window's changes to commit. */
#define BATON_DB_WORKER_BUSY_TIMEOUT_MS 5000

typedef enum
{
  BATON_DB_OPEN_CREATE    = 1 << 0,
  /* Read-only. Without a -wal file the database is read as immutable
   * (no lock, no file left beside it); with one (a writer has it open, or
   * crashed) the log is read with the usual locks, and SQLite makes a
   * -shm file if there is none. */
  BATON_DB_OPEN_READ_ONLY = 1 << 1,
  /* Read-only, the file alone: no lock, no -wal, no -shm, even when they
   * exist. For a first look at a file that may be another program's. */
  BATON_DB_OPEN_IMMUTABLE = 1 << 2,
} BatonDbOpenFlags;

typedef enum
{
  BATON_DB_FILE_EMPTY,           /* zero bytes */
  BATON_DB_FILE_BATON,           /* carries BATON_APPLICATION_ID */
  BATON_DB_FILE_OLDER_BATON,     /* no application id; the tables of a Baton format */
  BATON_DB_FILE_EMPTY_DATABASE,  /* an SQLite database without tables or application id */
  BATON_DB_FILE_FOREIGN,         /* another program's SQLite database */
  BATON_DB_FILE_NOT_DATABASE,    /* not an SQLite file at all */
} BatonDbFileKind;

/* Tells what the file at @path is before anything writes to it, and leaves
 * it byte-identical with no file beside it. Fails when the file cannot be
 * read (BATON_STORE_ERROR_OPEN), is a damaged database (_CORRUPT) or is
 * locked by another program (_LOCKED). */
gboolean       baton_db_inspect         (const char        *path,
                                         BatonDbFileKind   *kind,
                                         GError           **error);

BatonDb       *baton_db_open            (const char        *path,
                                         BatonDbOpenFlags   flags,
                                         GError           **error);
void           baton_db_close           (BatonDb           *self);
sqlite3       *baton_db_get_handle      (BatonDb           *self);
const char    *baton_db_get_path        (BatonDb           *self);
const char    *baton_db_get_display_name (BatonDb          *self);
gboolean       baton_db_table_exists    (BatonDb           *db,
                                          const char        *name,
                                          gboolean          *exists,
                                          GError           **error);
/* TRUE when opened read-only or when SQLite could only open it so. Every
 * transaction is then refused with BATON_STORE_ERROR_READ_ONLY. */
gboolean       baton_db_is_read_only    (BatonDb           *self);
/* Fails with BATON_STORE_ERROR_READ_ONLY, and the sentence for a change
 * that was not saved, when the database is read-only. */
gboolean       baton_db_check_writable  (BatonDb           *self,
                                         GError           **error);
/* How long a statement waits for another connection's lock (see
 * BATON_DB_BUSY_TIMEOUT_MS). */
void           baton_db_set_busy_timeout (BatonDb          *self,
                                         guint              milliseconds);
/* PRAGMA application_id (see BATON_APPLICATION_ID). */
gboolean       baton_db_get_application_id (BatonDb        *self,
                                         guint32           *application_id,
                                         GError           **error);
gboolean       baton_db_set_application_id (BatonDb        *self,
                                         guint32            application_id,
                                         GError           **error);

/* Runs SQL without parameters (PRAGMAs, DDL). */
gboolean       baton_db_exec            (BatonDb           *self,
                                         const char        *sql,
                                         GError           **error);
/* A cached prepared statement, reset and with bindings cleared. */
sqlite3_stmt  *baton_db_prepare         (BatonDb           *self,
                                         const char        *sql,
                                         GError           **error);
/* Steps a statement that returns no rows, then resets it. */
gboolean       baton_db_step_done       (BatonDb           *self,
                                         sqlite3_stmt      *stmt,
                                         GError           **error);
/* Steps: returns TRUE with a row, FALSE at the end or on error (error set). */
gboolean       baton_db_step_row        (BatonDb           *self,
                                         sqlite3_stmt      *stmt,
                                         GError           **error);
gboolean       baton_db_get_user_version (BatonDb          *self,
                                         gint              *version,
                                         GError           **error);
gboolean       baton_db_set_user_version (BatonDb          *self,
                                         gint               version,
                                         GError           **error);
gint64         baton_db_last_insert_rowid (BatonDb         *self);
gboolean       baton_db_has_fts5        (BatonDb           *self);

/* Transactions: begin opens a transaction (or a savepoint when one is
 * open); commit and rollback close the innermost one. */
gboolean       baton_db_begin           (BatonDb           *self,
                                         GError           **error);
gboolean       baton_db_commit          (BatonDb           *self,
                                         GError           **error);
void           baton_db_rollback        (BatonDb           *self);
guint          baton_db_get_depth       (BatonDb           *self);

/* Turns the connection's last error into a GError. */
void           baton_db_set_error       (BatonDb           *self,
                                         GError           **error,
                                         const char        *what);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonDb, baton_db_close)

/* Migrations (baton-migrations.c): brings a database to
 * BATON_SCHEMA_VERSION, each step in its own transaction. Refuses a newer
 * database with BATON_STORE_ERROR_NEWER_SCHEMA. *@created is set when the
 * database was empty (version 0) before. */
gboolean       baton_db_migrate         (BatonDb           *self,
                                         gint               target_version,
                                         gboolean          *created,
                                         GError           **error);
/* Refuses (BATON_STORE_ERROR_NOT_BATON) a version-0 database that holds
 * tables: another application's file. */
gboolean       baton_db_check_not_foreign (BatonDb         *self,
                                         GError           **error);
/* For tests: the SQL of one migration step (1-based), or NULL. */
const char    *baton_db_migration_sql   (gint               version);

G_END_DECLS
