/* baton-db.h — a thin wrapper over one sqlite3 connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prepared statements with bound parameters only; every non-OK result
 * becomes a GError (BATON_STORE_ERROR_SQL, or _CORRUPT for a file that is
 * not a database) carrying sqlite's message. Transactions nest through
 * savepoints and are always closed on error paths.
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "baton-types.h"

G_BEGIN_DECLS

typedef struct _BatonDb BatonDb;

typedef enum
{
  BATON_DB_OPEN_CREATE    = 1 << 0,
  BATON_DB_OPEN_READ_ONLY = 1 << 1,
} BatonDbOpenFlags;

BatonDb       *baton_db_open            (const char        *path,
                                         BatonDbOpenFlags   flags,
                                         GError           **error);
void           baton_db_close           (BatonDb           *self);
sqlite3       *baton_db_get_handle      (BatonDb           *self);
const char    *baton_db_get_path        (BatonDb           *self);

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
/* Refuses (BATON_STORE_ERROR_CORRUPT) a version-0 database that holds
 * tables: another application's file. */
gboolean       baton_db_check_not_foreign (BatonDb         *self,
                                         GError           **error);
/* For tests: the SQL of one migration step (1-based), or NULL. */
const char    *baton_db_migration_sql   (gint               version);

G_END_DECLS
