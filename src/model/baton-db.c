/* baton-db.c — a thin wrapper over one sqlite3 connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-db"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "baton-db.h"

struct _BatonDb
{
  sqlite3    *handle;
  char       *path;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  guint       depth;        /* open transactions and savepoints */
  int         has_fts5;     /* -1 unknown */
};

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static GError *
error_from_code (int         code,
                 const char *message,
                 const char *what)
{
  BatonStoreError kind = BATON_STORE_ERROR_SQL;

  switch (code & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      kind = BATON_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
      kind = BATON_STORE_ERROR_OPEN;
      break;
    default:
      break;
    }

  if (what != NULL)
    return g_error_new (BATON_STORE_ERROR, kind, "%s: %s", what, message);

  return g_error_new_literal (BATON_STORE_ERROR, kind, message);
}

void
baton_db_set_error (BatonDb     *self,
                    GError     **error,
                    const char  *what)
{
  g_return_if_fail (self != NULL);

  if (error == NULL)
    return;

  g_propagate_error (error, error_from_code (sqlite3_extended_errcode (self->handle),
                                             sqlite3_errmsg (self->handle), what));
}

BatonDb *
baton_db_open (const char        *path,
               BatonDbOpenFlags   flags,
               GError           **error)
{
  g_autoptr(BatonDb) self = NULL;
  int sqlite_flags = SQLITE_OPEN_NOMUTEX;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (flags & BATON_DB_OPEN_READ_ONLY)
    sqlite_flags |= SQLITE_OPEN_READONLY;
  else
    sqlite_flags |= SQLITE_OPEN_READWRITE;
  if (flags & BATON_DB_OPEN_CREATE)
    sqlite_flags |= SQLITE_OPEN_CREATE;

  self = g_new0 (BatonDb, 1);
  self->path = g_strdup (path);
  self->has_fts5 = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);

  rc = sqlite3_open_v2 (path, &self->handle, sqlite_flags, NULL);
  if (rc != SQLITE_OK)
    {
      const char *message = self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc);

      g_propagate_error (error, error_from_code (rc, message, NULL));
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, 2000);

  return g_steal_pointer (&self);
}

void
baton_db_close (BatonDb *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);
  g_free (self);
}

sqlite3 *
baton_db_get_handle (BatonDb *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->handle;
}

const char *
baton_db_get_path (BatonDb *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

gboolean
baton_db_exec (BatonDb     *self,
               const char  *sql,
               GError     **error)
{
  char *message = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      g_propagate_error (error, error_from_code (sqlite3_extended_errcode (self->handle),
                                                 message != NULL ? message : sqlite3_errstr (rc),
                                                 NULL));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
baton_db_prepare (BatonDb     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      baton_db_set_error (self, error, NULL);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
baton_db_step_done (BatonDb       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      baton_db_set_error (self, error, NULL);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
baton_db_step_row (BatonDb       *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc != SQLITE_DONE)
    baton_db_set_error (self, error, NULL);

  sqlite3_reset (stmt);
  return FALSE;
}

gboolean
baton_db_get_user_version (BatonDb  *self,
                           gint     *version,
                           GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);

  /* Not cached: the value must be read afresh, and a damaged file fails here. */
  if (sqlite3_prepare_v2 (self->handle, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK)
    {
      baton_db_set_error (self, error, NULL);
      return FALSE;
    }

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      baton_db_set_error (self, error, NULL);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return TRUE;
}

gboolean
baton_db_set_user_version (BatonDb  *self,
                           gint      version,
                           GError  **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (version >= 0, FALSE);

  /* PRAGMA takes no bound parameters; the value is an integer we produce. */
  sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  return baton_db_exec (self, sql, error);
}

gint64
baton_db_last_insert_rowid (BatonDb *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return sqlite3_last_insert_rowid (self->handle);
}

gboolean
baton_db_has_fts5 (BatonDb *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->has_fts5 < 0)
    self->has_fts5 = sqlite3_compileoption_used ("ENABLE_FTS5") ? 1 : 0;

  return self->has_fts5 == 1;
}

gboolean
baton_db_begin (BatonDb  *self,
                GError  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!baton_db_exec (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT baton_nested", error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
baton_db_commit (BatonDb  *self,
                 GError  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!baton_db_exec (self, self->depth == 1 ? "COMMIT" : "RELEASE SAVEPOINT baton_nested", error))
    {
      baton_db_rollback (self);
      return FALSE;
    }

  self->depth--;
  return TRUE;
}

void
baton_db_rollback (BatonDb *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    {
      /* A failed COMMIT may already have ended the transaction. */
      if (!sqlite3_get_autocommit (self->handle))
        baton_db_exec (self, "ROLLBACK", NULL);
    }
  else
    {
      baton_db_exec (self, "ROLLBACK TO SAVEPOINT baton_nested", NULL);
      baton_db_exec (self, "RELEASE SAVEPOINT baton_nested", NULL);
    }

  self->depth--;
}

guint
baton_db_get_depth (BatonDb *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->depth;
}
