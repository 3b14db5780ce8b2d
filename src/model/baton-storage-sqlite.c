/* baton-storage-sqlite.c — the SQLite engine of the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows as the store sees them, written with prepared statements cached by
 * BatonDb. Table and column names come from the schemas, never from user
 * text; values are always bound.
 */

#define G_LOG_DOMAIN "baton-store"

#include "config.h"

#include <sqlite3.h>

#include "baton-db.h"
#include "baton-storage.h"

typedef struct
{
  char *select_sql;
  char *insert_sql;
  char *delete_sql;
  char *delete_all_sql;
} TableSql;

typedef struct
{
  BatonStorage  parent;

  BatonDb      *db;
  GHashTable   *sql;   /* const BatonRecordSchema* → TableSql* */
  gboolean      references_deferred;  /* in the transaction under way */

  /* PRAGMA synchronous before a bulk load, -1 outside of one or when it
   * was left as it was. */
  gint64        bulk_synchronous;
} SqliteStorage;

static void
table_sql_free (gpointer data)
{
  TableSql *sql = data;

  g_free (sql->select_sql);
  g_free (sql->insert_sql);
  g_free (sql->delete_sql);
  g_free (sql->delete_all_sql);
  g_free (sql);
}

static const TableSql *
sql_for (SqliteStorage           *self,
         const BatonRecordSchema *schema)
{
  TableSql *sql = g_hash_table_lookup (self->sql, schema);
  g_autoptr(GString) columns = NULL;
  g_autoptr(GString) params = NULL;

  if (sql != NULL)
    return sql;

  columns = g_string_new ("id");
  params = g_string_new ("?");
  for (guint i = 0; i < schema->n_fields; i++)
    {
      g_string_append_printf (columns, ", %s", schema->fields[i].column);
      g_string_append (params, ", ?");
    }

  sql = g_new0 (TableSql, 1);
  sql->select_sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY id", columns->str, schema->table);
  sql->insert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", schema->table, columns->str, params->str);
  sql->delete_sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", schema->table);
  sql->delete_all_sql = g_strdup_printf ("DELETE FROM %s", schema->table);
  g_hash_table_insert (self->sql, (gpointer) schema, sql);

  return sql;
}

static void
bind_field (sqlite3_stmt     *stmt,
            int               column,
            const BatonField *field,
            const GValue     *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *text = g_value_get_string (value);

      if (text == NULL)
        sqlite3_bind_null (stmt, column);
      else
        /* The value outlives the step; bindings are cleared before reuse. */
        sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
    }
  else if (G_VALUE_HOLDS_BOOLEAN (value))
    sqlite3_bind_int (stmt, column, g_value_get_boolean (value) ? 1 : 0);
  else if (field->kind == BATON_FIELD_REF && g_value_get_int64 (value) == 0)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_int64 (stmt, column, g_value_get_int64 (value));
}

static void
sqlite_free (BatonStorage *storage)
{
  SqliteStorage *self = (SqliteStorage *) storage;

  g_clear_pointer (&self->sql, g_hash_table_unref);
  g_free (self);
}

static gboolean
sqlite_check_writable (BatonStorage  *storage,
                       GError       **error)
{
  return baton_db_check_writable (((SqliteStorage *) storage)->db, error);
}

static gboolean
sqlite_begin (BatonStorage  *storage,
              GError       **error)
{
  SqliteStorage *self = (SqliteStorage *) storage;

  /* A transaction of its own: SQLite checked the keys at the end of the
   * last one and forgot the deferral. */
  if (baton_db_get_depth (self->db) == 0)
    self->references_deferred = FALSE;

  return baton_db_begin (self->db, error);
}

static gboolean
sqlite_commit (BatonStorage  *storage,
               GError       **error)
{
  return baton_db_commit (((SqliteStorage *) storage)->db, error);
}

static void
sqlite_rollback (BatonStorage *storage)
{
  baton_db_rollback (((SqliteStorage *) storage)->db);
}

static guint
sqlite_get_depth (BatonStorage *storage)
{
  return baton_db_get_depth (((SqliteStorage *) storage)->db);
}

static gboolean
sqlite_defer_references (BatonStorage  *storage,
                         GError       **error)
{
  SqliteStorage *self = (SqliteStorage *) storage;
  sqlite3_stmt *stmt;

  /* Once a transaction: setting a flag pragma expires every prepared
   * statement, which SQLite then compiles again on its next use. */
  if (self->references_deferred && baton_db_get_depth (self->db) > 0)
    return TRUE;

  stmt = baton_db_prepare (self->db, "PRAGMA defer_foreign_keys = ON", error);
  if (stmt == NULL || !baton_db_step_done (self->db, stmt, error))
    return FALSE;

  self->references_deferred = TRUE;
  return TRUE;
}

static gboolean
sqlite_read_rows (BatonStorage             *storage,
                  const BatonRecordSchema  *schema,
                  BatonStorageRowFunc       func,
                  gpointer                  user_data,
                  GError                  **error)
{
  SqliteStorage *self = (SqliteStorage *) storage;
  g_autoptr(GError) local_error = NULL;
  g_autofree GValue *values = g_new0 (GValue, schema->n_fields);
  sqlite3_stmt *stmt;

  if (!(stmt = baton_db_prepare (self->db, sql_for (self, schema)->select_sql, error)))
    return FALSE;

  for (guint i = 0; i < schema->n_fields; i++)
    g_value_init (&values[i], baton_field_get_gtype (&schema->fields[i]));

  /* Strings point into the statement's row: the callee copies what it
   * keeps, so nothing is copied twice. */
  while (baton_db_step_row (self->db, stmt, &local_error))
    {
      for (guint i = 0; i < schema->n_fields; i++)
        {
          GType type = G_VALUE_TYPE (&values[i]);

          if (type == G_TYPE_STRING)
            g_value_set_static_string (&values[i], (const char *) sqlite3_column_text (stmt, i + 1));
          else if (type == G_TYPE_BOOLEAN)
            g_value_set_boolean (&values[i], sqlite3_column_int64 (stmt, i + 1) != 0);
          else
            g_value_set_int64 (&values[i], sqlite3_column_int64 (stmt, i + 1));
        }
      func (schema, sqlite3_column_int64 (stmt, 0), values, user_data);
    }

  for (guint i = 0; i < schema->n_fields; i++)
    g_value_unset (&values[i]);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
sqlite_insert_row (BatonStorage             *storage,
                   const BatonRecordSchema  *schema,
                   gint64                   *id,
                   const GValue             *values,
                   GError                  **error)
{
  SqliteStorage *self = (SqliteStorage *) storage;
  sqlite3_stmt *stmt;

  if (!(stmt = baton_db_prepare (self->db, sql_for (self, schema)->insert_sql, error)))
    return FALSE;

  if (*id > 0)
    sqlite3_bind_int64 (stmt, 1, *id);
  else
    sqlite3_bind_null (stmt, 1);

  for (guint i = 0; i < schema->n_fields; i++)
    bind_field (stmt, i + 2, &schema->fields[i], &values[i]);

  if (!baton_db_step_done (self->db, stmt, error))
    return FALSE;

  if (*id <= 0)
    *id = baton_db_last_insert_rowid (self->db);

  return TRUE;
}

static gboolean
sqlite_update_row (BatonStorage             *storage,
                   const BatonRecordSchema  *schema,
                   gint64                    id,
                   const GValue             *before,
                   const GValue             *after,
                   GError                  **error)
{
  SqliteStorage *self = (SqliteStorage *) storage;
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int column = 1;

  /* Only the columns that change, so that a move writes one or two. */
  g_string_append_printf (sql, "UPDATE %s SET ", schema->table);
  for (guint i = 0; i < schema->n_fields; i++)
    {
      if (before != NULL && baton_field_values_equal (&before[i], &after[i]))
        continue;
      g_string_append_printf (sql, "%s%s = ?", column > 1 ? ", " : "", schema->fields[i].column);
      column++;
    }
  if (column == 1)
    return TRUE;
  g_string_append (sql, " WHERE id = ?");

  if (!(stmt = baton_db_prepare (self->db, sql->str, error)))
    return FALSE;

  column = 1;
  for (guint i = 0; i < schema->n_fields; i++)
    {
      if (before != NULL && baton_field_values_equal (&before[i], &after[i]))
        continue;
      bind_field (stmt, column++, &schema->fields[i], &after[i]);
    }
  sqlite3_bind_int64 (stmt, column, id);

  return baton_db_step_done (self->db, stmt, error);
}

static gboolean
sqlite_delete_row (BatonStorage             *storage,
                   const BatonRecordSchema  *schema,
                   gint64                    id,
                   GError                  **error)
{
  SqliteStorage *self = (SqliteStorage *) storage;
  sqlite3_stmt *stmt;

  if (!(stmt = baton_db_prepare (self->db, sql_for (self, schema)->delete_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return baton_db_step_done (self->db, stmt, error);
}

static gboolean
sqlite_delete_all_rows (BatonStorage             *storage,
                        const BatonRecordSchema  *schema,
                        GError                  **error)
{
  SqliteStorage *self = (SqliteStorage *) storage;
  sqlite3_stmt *stmt;

  if (!(stmt = baton_db_prepare (self->db, sql_for (self, schema)->delete_all_sql, error)))
    return FALSE;

  return baton_db_step_done (self->db, stmt, error);
}

static gboolean
get_synchronous (BatonDb *db,
                 gint64  *level)
{
  sqlite3_stmt *stmt;
  gboolean have_row;

  stmt = baton_db_prepare (db, "PRAGMA synchronous", NULL);
  if (stmt == NULL)
    return FALSE;

  have_row = baton_db_step_row (db, stmt, NULL);
  if (have_row)
    *level = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return have_row;
}

static void
set_synchronous (BatonDb *db,
                 gint64   level)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  /* An integer we read ourselves, not text from anyone. */
  sql = g_strdup_printf ("PRAGMA synchronous=%" G_GINT64_FORMAT, CLAMP (level, 0, 3));
  if (!baton_db_exec (db, sql, &error))
    g_debug ("Could not set synchronous to %" G_GINT64_FORMAT ": %s", level, error->message);
}

/* A workspace replaced at once is worth a full sync. The setting cannot
 * change inside a transaction: a bulk load inside one keeps it. */
static void
sqlite_begin_bulk_load (BatonStorage *storage)
{
  SqliteStorage *self = (SqliteStorage *) storage;
  gint64 level;

  g_assert (self->bulk_synchronous < 0);

  if (baton_db_get_depth (self->db) == 0 && get_synchronous (self->db, &level))
    {
      set_synchronous (self->db, 2 /* FULL */);
      self->bulk_synchronous = level;
    }
}

static void
sqlite_end_bulk_load (BatonStorage *storage)
{
  SqliteStorage *self = (SqliteStorage *) storage;

  if (self->bulk_synchronous >= 0)
    set_synchronous (self->db, self->bulk_synchronous);
  self->bulk_synchronous = -1;
}

static const BatonStorageVTable sqlite_vtable = {
  .free = sqlite_free,
  .check_writable = sqlite_check_writable,
  .begin = sqlite_begin,
  .commit = sqlite_commit,
  .rollback = sqlite_rollback,
  .get_depth = sqlite_get_depth,
  .defer_references = sqlite_defer_references,
  .read_rows = sqlite_read_rows,
  .insert_row = sqlite_insert_row,
  .update_row = sqlite_update_row,
  .delete_row = sqlite_delete_row,
  .delete_all_rows = sqlite_delete_all_rows,
  .begin_bulk_load = sqlite_begin_bulk_load,
  .end_bulk_load = sqlite_end_bulk_load,
};

BatonStorage *
baton_storage_sqlite_new (BatonDb *db)
{
  SqliteStorage *self;

  g_return_val_if_fail (db != NULL, NULL);

  self = g_new0 (SqliteStorage, 1);
  self->parent.vtable = &sqlite_vtable;
  self->db = db;
  self->sql = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, table_sql_free);
  self->bulk_synchronous = -1;

  return &self->parent;
}
