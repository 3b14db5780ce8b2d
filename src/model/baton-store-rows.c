/* baton-store-rows.c — reading and writing the store's rows in SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-store"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-dates.h"
#include "baton-store-internal.h"

/* Storage ---------------------------------------------------------------- */

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

gboolean
_baton_store_write_row (BatonStore              *self,
                        const BatonRecordSchema *schema,
                        gint64                   id,
                        const GValue            *values,
                        GError                 **error)
{
  Table *table;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  table = _baton_store_table_for_schema (self, schema);
  if (!(stmt = baton_db_prepare (self->db, table->insert_sql, error)))
    return FALSE;

  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  else
    sqlite3_bind_null (stmt, 1);

  for (guint i = 0; i < schema->n_fields; i++)
    bind_field (stmt, i + 2, &schema->fields[i], &values[i]);

  return baton_db_step_done (self->db, stmt, error);
}

gboolean
_baton_store_values_equal (const GValue *a,
                           const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_HOLDS_BOOLEAN (a))
    return !g_value_get_boolean (a) == !g_value_get_boolean (b);
  return g_value_get_int64 (a) == g_value_get_int64 (b);
}

gboolean
_baton_store_sql_update_row (BatonStore              *self,
                             const BatonRecordSchema *schema,
                             gint64                   id,
                             const GValue            *before,
                             const GValue            *after,
                             GError                 **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int column = 1;

  /* Only the columns that change, so that a move writes one or two. */
  g_string_append_printf (sql, "UPDATE %s SET ", schema->table);
  for (guint i = 0; i < schema->n_fields; i++)
    {
      if (before != NULL && _baton_store_values_equal (&before[i], &after[i]))
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
      if (before != NULL && _baton_store_values_equal (&before[i], &after[i]))
        continue;
      bind_field (stmt, column++, &schema->fields[i], &after[i]);
    }
  sqlite3_bind_int64 (stmt, column, id);

  return baton_db_step_done (self->db, stmt, error);
}

gboolean
_baton_store_sql_delete_row (BatonStore              *self,
                             const BatonRecordSchema *schema,
                             gint64                   id,
                             GError                 **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = baton_db_prepare (self->db, _baton_store_table_for_schema (self, schema)->delete_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  return baton_db_step_done (self->db, stmt, error);
}

static BatonRecord *
record_from_row (const BatonRecordSchema *schema,
                 sqlite3_stmt            *stmt)
{
  BatonRecord *record = g_object_new (schema->get_type (), NULL);

  _baton_record_set_id (record, sqlite3_column_int64 (stmt, 0));

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const BatonField *field = &schema->fields[i];

      if (baton_field_get_gtype (field) == G_TYPE_STRING)
        _baton_record_load_string (record, field, (const char *) sqlite3_column_text (stmt, i + 1));
      else
        _baton_record_load_int (record, field, sqlite3_column_int64 (stmt, i + 1));
    }

  return record;
}

gboolean
_baton_store_table_load (BatonStore  *self,
                         Table       *table,
                         GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  guint old_n;

  if (!(stmt = baton_db_prepare (self->db, table->select_sql, error)))
    return FALSE;

  while (baton_db_step_row (self->db, stmt, &local_error))
    g_ptr_array_add (records, record_from_row (table->schema, stmt));

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  g_hash_table_remove_all (table->by_id);
  for (guint i = 0; i < records->len; i++)
    {
      BatonRecord *record = g_ptr_array_index (records, i);
      g_hash_table_insert (table->by_id, id_key (baton_record_get_id (record)), record);
    }

  old_n = g_list_model_get_n_items (G_LIST_MODEL (table->list));
  g_list_store_splice (table->list, 0, old_n, records->pdata, records->len);

  if (table->by_position)
    g_list_store_sort (table->list, _baton_store_compare_records, table);

  _baton_store_indexes_rebuild (self, table_id_of (self, table));

  return TRUE;
}
