/* baton-store.c — the workspace: one SQLite database, one source of truth
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every mutation is expressed as a BatonChange: a list of row operations
 * with snapshots of the fields before and after. Applying a change writes
 * all of its operations in one transaction and only then updates the
 * objects; undo applies the same change backwards. So validation, SQL,
 * notifications and history are written once, for every table.
 */

#define G_LOG_DOMAIN "baton-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <gobject/gvaluecollector.h>

#include "baton-dates.h"
#include "baton-store-private.h"

#define TASK_POSITION_GAP 1024

typedef enum
{
  TABLE_ROLES,
  TABLE_PEOPLE,
  TABLE_PERSON_ROLES,
  TABLE_TIME_OFF,
  TABLE_CLIENTS,
  TABLE_PROGRAMS,
  TABLE_STAGES,
  TABLE_TASKS,
  TABLE_CHECKLIST_ITEMS,
  TABLE_NOTES,
  TABLE_NOTE_REVISIONS,
  N_TABLES
} TableId;

typedef struct
{
  const BatonRecordSchema *schema;
  GListStore              *list;
  GHashTable              *by_id;        /* id → record (borrowed from list) */
  gboolean                 by_position;  /* list ordered by position, then id */
  char                    *select_sql;
  char                    *insert_sql;
  char                    *delete_sql;
} Table;

/* A secondary index: the rows of a table grouped by one reference field
 * (tasks by stage, checklist items by task, role links by person), so the
 * hot paths never walk a whole table. */
typedef enum
{
  INDEX_TASKS_BY_STAGE,
  INDEX_CHECKLIST_BY_TASK,
  INDEX_ROLES_BY_PERSON,
  N_INDEXES
} IndexId;

typedef struct
{
  GPtrArray *rows;     /* BatonRecord*, borrowed from the table */
  gboolean   sorted;   /* by position, then id */
} Group;

typedef struct
{
  TableId           table;
  const BatonField *field;
  GHashTable       *groups;   /* parent id → Group* */
} Index;

struct _BatonStore
{
  GObject parent_instance;

  BatonDb      *db;
  char         *path;
  BatonHistory *history;
  Table         tables[N_TABLES];
  Index         indexes[N_INDEXES];
  guint         checkpoint_source;

  /* baton_store_run_batch () */
  guint         batch_depth;
  BatonChange  *batch_change;
  gboolean      batch_records;
};

enum {
  PROP_0,
  PROP_PATH,
  PROP_HISTORY,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BatonStore, baton_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (baton-store-error-quark, baton_store_error)

static const BatonRecordSchema *
schema_for_table (TableId id)
{
  switch (id)
    {
    case TABLE_ROLES:           return baton_role_schema ();
    case TABLE_PEOPLE:          return baton_person_schema ();
    case TABLE_PERSON_ROLES:    return baton_person_role_schema ();
    case TABLE_TIME_OFF:        return baton_time_off_schema ();
    case TABLE_CLIENTS:         return baton_client_schema ();
    case TABLE_PROGRAMS:        return baton_program_schema ();
    case TABLE_STAGES:          return baton_stage_schema ();
    case TABLE_TASKS:           return baton_task_schema ();
    case TABLE_CHECKLIST_ITEMS: return baton_checklist_item_schema ();
    case TABLE_NOTES:           return baton_note_schema ();
    case TABLE_NOTE_REVISIONS:  return baton_note_revision_schema ();
    case N_TABLES:
    default:
      g_assert_not_reached ();
    }
}

const BatonRecordSchema * const *
_baton_store_get_schemas (guint *n_schemas)
{
  static const BatonRecordSchema *schemas[N_TABLES];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < N_TABLES; i++)
        schemas[i] = schema_for_table (i);
      g_once_init_leave (&initialized, 1);
    }

  if (n_schemas != NULL)
    *n_schemas = N_TABLES;

  return schemas;
}

static Table *
table_for_schema (BatonStore              *self,
                  const BatonRecordSchema *schema)
{
  for (guint i = 0; i < N_TABLES; i++)
    if (self->tables[i].schema == schema)
      return &self->tables[i];

  g_assert_not_reached ();
  return NULL;
}

static TableId
table_id_of (BatonStore *self,
             Table      *table)
{
  return (TableId) (table - self->tables);
}

static Table *
table_for_name (BatonStore *self,
                const char *name)
{
  for (guint i = 0; i < N_TABLES; i++)
    if (strcmp (self->tables[i].schema->table, name) == 0)
      return &self->tables[i];

  return NULL;
}

static Table *
table_for_type (BatonStore *self,
                GType       type)
{
  for (guint i = 0; i < N_TABLES; i++)
    if (self->tables[i].schema->get_type () == type)
      return &self->tables[i];

  return NULL;
}

static inline gpointer
id_key (gint64 id)
{
  return GSIZE_TO_POINTER ((gsize) id);
}

static inline BatonRecord *
table_lookup (Table  *table,
              gint64  id)
{
  return id > 0 ? g_hash_table_lookup (table->by_id, id_key (id)) : NULL;
}

static gint64
record_position (BatonRecord *record)
{
  const BatonField *field = baton_record_schema_find_field (baton_record_get_schema (record), "position");

  return baton_record_get_int_field (record, field);
}

static int
compare_records (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  Table *table = user_data;
  gint64 ia = baton_record_get_id ((BatonRecord *) a);
  gint64 ib = baton_record_get_id ((BatonRecord *) b);

  if (table->by_position)
    {
      gint64 pa = record_position ((BatonRecord *) a);
      gint64 pb = record_position ((BatonRecord *) b);

      if (pa != pb)
        return pa < pb ? -1 : 1;
    }

  return ia < ib ? -1 : (ia > ib ? 1 : 0);
}

static gboolean
table_find (Table       *table,
            BatonRecord *record,
            guint       *position)
{
  GListModel *model = G_LIST_MODEL (table->list);
  guint lo = 0, hi = g_list_model_get_n_items (model);

  if (table->by_position)
    return g_list_store_find (table->list, record, position);

  /* Ordered by id: binary search. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(BatonRecord) item = g_list_model_get_item (model, mid);
      int cmp = compare_records (item, record, table);

      if (cmp == 0)
        {
          *position = mid;
          return TRUE;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return g_list_store_find (table->list, record, position);
}

static void
table_init (Table                   *table,
            const BatonRecordSchema *schema)
{
  GString *columns = g_string_new ("id");
  GString *params = g_string_new ("?");

  table->schema = schema;
  table->list = g_list_store_new (schema->get_type ());
  table->by_id = g_hash_table_new (g_direct_hash, g_direct_equal);
  table->by_position = baton_record_schema_find_field (schema, "position") != NULL &&
                       (schema == baton_role_schema () || schema == baton_stage_schema ());

  for (guint i = 0; i < schema->n_fields; i++)
    {
      g_string_append_printf (columns, ", %s", schema->fields[i].column);
      g_string_append (params, ", ?");
    }

  /* Table and column names are constants from the schema, never user text. */
  table->select_sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY id", columns->str, schema->table);
  table->insert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", schema->table, columns->str, params->str);
  table->delete_sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", schema->table);

  g_string_free (columns, TRUE);
  g_string_free (params, TRUE);
}

static void
table_clear (Table *table)
{
  g_clear_object (&table->list);
  g_clear_pointer (&table->by_id, g_hash_table_unref);
  g_clear_pointer (&table->select_sql, g_free);
  g_clear_pointer (&table->insert_sql, g_free);
  g_clear_pointer (&table->delete_sql, g_free);
}

/* Indexes ---------------------------------------------------------------- */

static void
group_free (gpointer data)
{
  Group *group = data;

  g_ptr_array_unref (group->rows);
  g_free (group);
}

static void
index_init (Index      *index,
            TableId     table,
            const char *field_name)
{
  index->table = table;
  index->field = baton_record_schema_find_field (schema_for_table (table), field_name);
  index->groups = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, group_free);
  g_assert (index->field != NULL);
}

static void
index_add (Index       *index,
           BatonRecord *record)
{
  gint64 parent = baton_record_get_int_field (record, index->field);
  Group *group = g_hash_table_lookup (index->groups, id_key (parent));

  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->rows = g_ptr_array_new ();
      g_hash_table_insert (index->groups, id_key (parent), group);
    }

  g_ptr_array_add (group->rows, record);
  group->sorted = FALSE;
}

static void
index_remove (Index       *index,
              BatonRecord *record)
{
  gint64 parent = baton_record_get_int_field (record, index->field);
  Group *group = g_hash_table_lookup (index->groups, id_key (parent));

  if (group != NULL)
    g_ptr_array_remove (group->rows, record);
}

static int
compare_by_position (gconstpointer a,
                     gconstpointer b)
{
  BatonRecord *ra = *(BatonRecord **) a;
  BatonRecord *rb = *(BatonRecord **) b;
  gint64 pa = record_position (ra), pb = record_position (rb);
  gint64 ia = baton_record_get_id (ra), ib = baton_record_get_id (rb);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return ia < ib ? -1 : (ia > ib ? 1 : 0);
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b)
{
  gint64 ia = baton_record_get_id (*(BatonRecord **) a);
  gint64 ib = baton_record_get_id (*(BatonRecord **) b);

  return ia < ib ? -1 : (ia > ib ? 1 : 0);
}

/* The rows of a group, ordered by position (when the table has one), as a
 * new array holding references. */
static GPtrArray *
index_get (Index  *index,
           gint64  parent)
{
  Group *group = g_hash_table_lookup (index->groups, id_key (parent));
  GPtrArray *result;

  if (group == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  if (!group->sorted)
    g_ptr_array_sort (group->rows,
                      baton_record_schema_find_field (schema_for_table (index->table), "position") != NULL
                        ? compare_by_position : compare_by_id);
  group->sorted = TRUE;

  result = g_ptr_array_new_full (group->rows->len, g_object_unref);
  for (guint i = 0; i < group->rows->len; i++)
    g_ptr_array_add (result, g_object_ref (g_ptr_array_index (group->rows, i)));

  return result;
}

static void
indexes_add (BatonStore  *self,
             TableId      table,
             BatonRecord *record)
{
  for (guint i = 0; i < N_INDEXES; i++)
    if (self->indexes[i].table == table)
      index_add (&self->indexes[i], record);
}

static void
indexes_remove (BatonStore  *self,
                TableId      table,
                BatonRecord *record)
{
  for (guint i = 0; i < N_INDEXES; i++)
    if (self->indexes[i].table == table)
      index_remove (&self->indexes[i], record);
}

static void
indexes_rebuild (BatonStore *self,
                 TableId     table)
{
  GListModel *rows = G_LIST_MODEL (self->tables[table].list);
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < N_INDEXES; i++)
    if (self->indexes[i].table == table)
      g_hash_table_remove_all (self->indexes[i].groups);

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(BatonRecord) record = g_list_model_get_item (rows, k);
      indexes_add (self, table, record);
    }
}

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

  table = table_for_schema (self, schema);
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

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_HOLDS_BOOLEAN (a))
    return !g_value_get_boolean (a) == !g_value_get_boolean (b);
  return g_value_get_int64 (a) == g_value_get_int64 (b);
}

static gboolean
sql_update_row (BatonStore              *self,
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
      if (before != NULL && values_equal (&before[i], &after[i]))
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
      if (before != NULL && values_equal (&before[i], &after[i]))
        continue;
      bind_field (stmt, column++, &schema->fields[i], &after[i]);
    }
  sqlite3_bind_int64 (stmt, column, id);

  return baton_db_step_done (self->db, stmt, error);
}

static gboolean
sql_delete_row (BatonStore              *self,
                const BatonRecordSchema *schema,
                gint64                   id,
                GError                 **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = baton_db_prepare (self->db, table_for_schema (self, schema)->delete_sql, error)))
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

static gboolean
table_load (BatonStore  *self,
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
    g_list_store_sort (table->list, compare_records, table);

  indexes_rebuild (self, table_id_of (self, table));

  return TRUE;
}

/* Changes ---------------------------------------------------------------- */

static GValue *
snapshot_record (BatonRecord *record)
{
  const BatonRecordSchema *schema = baton_record_get_schema (record);
  GValue *values = g_new0 (GValue, schema->n_fields);

  for (guint i = 0; i < schema->n_fields; i++)
    baton_record_get_field_value (record, &schema->fields[i], &values[i]);

  return values;
}

static GValue *
copy_values (const BatonRecordSchema *schema,
             const GValue            *values)
{
  GValue *copy = g_new0 (GValue, schema->n_fields);

  for (guint i = 0; i < schema->n_fields; i++)
    {
      g_value_init (&copy[i], G_VALUE_TYPE (&values[i]));
      g_value_copy (&values[i], &copy[i]);
    }

  return copy;
}

typedef enum
{
  DIRECTION_FORWARD,
  DIRECTION_BACKWARD,
} Direction;

/* What an op does when applied in @direction. */
static BatonOpKind
op_effective_kind (BatonOp   *op,
                   Direction  direction)
{
  if (direction == DIRECTION_FORWARD)
    return op->kind;

  switch (op->kind)
    {
    case BATON_OP_INSERT: return BATON_OP_DELETE;
    case BATON_OP_DELETE: return BATON_OP_INSERT;
    case BATON_OP_UPDATE:
    default:              return BATON_OP_UPDATE;
    }
}

static gboolean
op_apply_sql (BatonStore  *self,
              BatonOp     *op,
              Direction    direction,
              GError     **error)
{
  const GValue *from = direction == DIRECTION_FORWARD ? op->before : op->after;
  const GValue *to = direction == DIRECTION_FORWARD ? op->after : op->before;

  switch (op_effective_kind (op, direction))
    {
    case BATON_OP_INSERT:
      if (!_baton_store_write_row (self, op->schema, op->id, to, error))
        return FALSE;
      if (op->id == 0)
        op->id = baton_db_last_insert_rowid (self->db);
      return TRUE;

    case BATON_OP_DELETE:
      return sql_delete_row (self, op->schema, op->id, error);

    case BATON_OP_UPDATE:
    default:
      return sql_update_row (self, op->schema, op->id, from, to, error);
    }
}

static gboolean
op_moves_in_order (BatonStore *self,
                   BatonOp    *op)
{
  const BatonField *position;
  guint i;

  if (op->kind != BATON_OP_UPDATE || !table_for_schema (self, op->schema)->by_position)
    return FALSE;

  position = baton_record_schema_find_field (op->schema, "position");
  i = position - op->schema->fields;

  return g_value_get_int64 (&op->before[i]) != g_value_get_int64 (&op->after[i]);
}

/* Puts records whose position changed back in order in their list: all of
 * them are taken out first, so each insertion goes into a sorted list. */
static void
resort_moved (BatonStore  *self,
              BatonChange *change)
{
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = baton_change_get_n_ops (change);

  for (guint k = 0; k < n; k++)
    {
      BatonOp *op = baton_change_get_op (change, k);
      Table *table = table_for_schema (self, op->schema);
      BatonRecord *record;
      guint position;

      if (!op_moves_in_order (self, op) || !(record = table_lookup (table, op->id)))
        continue;
      if (g_ptr_array_find (moved, record, NULL))
        continue;

      if (g_list_store_find (table->list, record, &position))
        {
          g_ptr_array_add (moved, g_object_ref (record));
          g_list_store_remove (table->list, position);
        }
    }

  for (guint i = 0; i < moved->len; i++)
    {
      BatonRecord *record = g_ptr_array_index (moved, i);
      Table *table = table_for_schema (self, baton_record_get_schema (record));

      g_list_store_insert_sorted (table->list, record, compare_records, table);
    }
}

/* A detached record of @schema holding @values (one per field). */
static BatonRecord *
record_new_from_values (const BatonRecordSchema *schema,
                        gint64                   id,
                        const GValue            *values)
{
  BatonRecord *record = g_object_new (schema->get_type (), NULL);

  _baton_record_set_id (record, id);
  for (guint i = 0; i < schema->n_fields; i++)
    {
      const BatonField *field = &schema->fields[i];

      if (G_VALUE_HOLDS_STRING (&values[i]))
        _baton_record_load_string (record, field, g_value_get_string (&values[i]));
      else if (G_VALUE_HOLDS_BOOLEAN (&values[i]))
        _baton_record_load_int (record, field, g_value_get_boolean (&values[i]));
      else
        _baton_record_load_int (record, field, g_value_get_int64 (&values[i]));
    }

  return record;
}

static void
op_apply_memory (BatonStore *self,
                 BatonOp    *op,
                 Direction   direction)
{
  Table *table = table_for_schema (self, op->schema);
  const GValue *to = direction == DIRECTION_FORWARD ? op->after : op->before;
  BatonRecord *record;
  guint position;

  switch (op_effective_kind (op, direction))
    {
    case BATON_OP_INSERT:
      record = record_new_from_values (op->schema, op->id, to);
      g_hash_table_insert (table->by_id, id_key (op->id), record);
      indexes_add (self, table_id_of (self, table), record);
      g_list_store_insert_sorted (table->list, record, compare_records, table);
      g_object_unref (record);
      break;

    case BATON_OP_DELETE:
      record = table_lookup (table, op->id);
      g_return_if_fail (record != NULL);
      indexes_remove (self, table_id_of (self, table), record);
      g_hash_table_remove (table->by_id, id_key (op->id));
      if (table_find (table, record, &position))
        g_list_store_remove (table->list, position);
      break;

    case BATON_OP_UPDATE:
    default:
      record = table_lookup (table, op->id);
      g_return_if_fail (record != NULL);
      /* Regroup in the indexes: a moved task may change stage or position. */
      indexes_remove (self, table_id_of (self, table), record);
      g_object_freeze_notify (G_OBJECT (record));
      for (guint i = 0; i < op->schema->n_fields; i++)
        baton_record_set_field_value (record, &op->schema->fields[i], &to[i]);
      indexes_add (self, table_id_of (self, table), record);
      g_object_thaw_notify (G_OBJECT (record));
      break;
    }
}

/* Writes every op of @change in one transaction, then updates the objects. */
static gboolean
change_apply (BatonStore   *self,
              BatonChange  *change,
              Direction     direction,
              GError      **error)
{
  guint n = baton_change_get_n_ops (change);

  if (!baton_db_begin (self->db, error))
    return FALSE;

  /* Rows that come back together (an undone delete) may reference each
   * other in any order: check the keys when the transaction commits. */
  {
    sqlite3_stmt *defer = baton_db_prepare (self->db, "PRAGMA defer_foreign_keys = ON", error);

    if (defer == NULL || !baton_db_step_done (self->db, defer, error))
      {
        baton_db_rollback (self->db);
        return FALSE;
      }
  }

  for (guint k = 0; k < n; k++)
    {
      BatonOp *op = baton_change_get_op (change, direction == DIRECTION_FORWARD ? k : n - 1 - k);

      if (!op_apply_sql (self, op, direction, error))
        {
          baton_db_rollback (self->db);
          return FALSE;
        }
    }

  if (!baton_db_commit (self->db, error))
    return FALSE;

  for (guint k = 0; k < n; k++)
    op_apply_memory (self, baton_change_get_op (change, direction == DIRECTION_FORWARD ? k : n - 1 - k),
                     direction);
  resort_moved (self, change);

  /* Inside a batch, "changed" is emitted once when the batch ends. */
  if (self->batch_depth == 0)
    g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/* An update that would only touch updated-at changes nothing. */
static gboolean
op_is_noop (BatonOp *op)
{
  if (op->kind != BATON_OP_UPDATE)
    return FALSE;

  for (guint i = 0; i < op->schema->n_fields; i++)
    if (strcmp (op->schema->fields[i].name, "updated-at") != 0 &&
        !values_equal (&op->before[i], &op->after[i]))
      return FALSE;

  return TRUE;
}

static gboolean check_change_rules (BatonStore   *self,
                                    BatonChange  *change,
                                    GError      **error);

/* Applies a new change and records it (in the history or the open batch). */
static gboolean
change_commit (BatonStore   *self,
               BatonChange  *change,
               GError      **error)
{
  g_autoptr(BatonChange) owned = change;

  /* Refused even when it would change nothing, so that a read-only
   * workspace answers every mutation the same way. */
  if (!baton_db_check_writable (self->db, error))
    return FALSE;

  for (guint k = baton_change_get_n_ops (change); k > 0; k--)
    if (op_is_noop (baton_change_get_op (change, k - 1)))
      baton_change_remove_op (change, k - 1);

  if (baton_change_get_n_ops (change) == 0)
    return TRUE;

  if (!check_change_rules (self, change, error))
    return FALSE;

  if (!change_apply (self, change, DIRECTION_FORWARD, error))
    return FALSE;

  /* A batch keeps every change, recorded or not, so that a failing batch
   * can put the objects back as they were. */
  if (self->batch_depth > 0)
    baton_change_merge (self->batch_change, g_steal_pointer (&owned));
  else
    baton_history_push (self->history, g_steal_pointer (&owned));

  return TRUE;
}

/* Validation ------------------------------------------------------------- */

static gboolean
check_reference (BatonStore       *self,
                 const BatonField *field,
                 gint64            id,
                 GError          **error)
{
  Table *target;

  if (id == 0)
    return TRUE;

  target = table_for_name (self, field->ref_table);
  g_assert (target != NULL);

  if (table_lookup (target, id) == NULL)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND,
                   _("The %s does not exist (it may have been deleted)."),
                   g_dgettext (GETTEXT_PACKAGE, field->label));
      return FALSE;
    }

  return TRUE;
}

/* Rules that span rows ---------------------------------------------------
 *
 * Each rule is checked on the rows as a change leaves them (a BatonRowView:
 * the store's rows with the change's rows in their place), for every row
 * the change inserts or deletes and every row whose watched fields it
 * changes. So a rule holds after every mutation however it was made
 * (typed methods, baton_store_insert/update/delete, batches), and an
 * earlier row that breaks a rule does not stop unrelated edits of it (a
 * note that was saved with a wrong program can still be typed in). The
 * JSON import checks the same rules on its document
 * (_baton_store_check_new_row ()). */

typedef gboolean (*RuleCheck) (const BatonRowView  *view,
                               BatonRecord         *before,
                               BatonRecord         *after,
                               GError             **error);

typedef struct
{
  TableId      table;
  const char  *watched[3];  /* an update is checked when one of these changes */
  const char  *field;       /* the field at fault, for messages; NULL: the row */
  RuleCheck    check;       /* @before: the row before (NULL: a new row);
                             * @after: the row after (NULL: deleted) */
} Rule;

static GPtrArray *
view_collect (const BatonRowView      *view,
              const BatonRecordSchema *schema,
              const char              *field_name,
              gint64                   id)
{
  GPtrArray *rows = g_ptr_array_new ();
  const BatonField *field = NULL;

  if (field_name != NULL)
    {
      field = baton_record_schema_find_field (schema, field_name);
      g_assert (field != NULL);
    }

  view->collect (view, schema, field, id, rows);

  return rows;
}

/* A name for messages: the row's name, or its id when it has gone. */
static char *
view_name (const BatonRowView      *view,
           const BatonRecordSchema *schema,
           gint64                   id)
{
  BatonRecord *record = view->lookup (view, schema, id);
  const BatonField *name = baton_record_schema_find_field (schema, "name");

  if (record != NULL && name != NULL && baton_record_get_str_field (record, name) != NULL)
    return g_strdup (baton_record_get_str_field (record, name));

  return g_strdup_printf ("#%" G_GINT64_FORMAT, id);
}

/* Names compare ignoring case, as g_utf8_collate () compares them
 * folded: two names are the same when their keys are. */
static char *
role_name_key (BatonRole *role)
{
  g_autofree char *folded = g_utf8_casefold (baton_role_get_name (role), -1);

  return g_utf8_collate_key (folded, -1);
}

/* The roles of @view grouped by name key: key → GPtrArray of roles. */
static GHashTable *
role_names (const BatonRowView *view)
{
  GHashTable *names = view->memo != NULL ? g_hash_table_lookup (view->memo, "role-names") : NULL;
  g_autoptr(GPtrArray) roles = NULL;

  if (names != NULL)
    return g_hash_table_ref (names);

  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  roles = view_collect (view, baton_role_schema (), NULL, 0);
  for (guint i = 0; i < roles->len; i++)
    {
      char *key = role_name_key (g_ptr_array_index (roles, i));
      GPtrArray *same = g_hash_table_lookup (names, key);

      if (same == NULL)
        {
          same = g_ptr_array_new ();
          g_hash_table_insert (names, key, same);
        }
      else
        g_free (key);
      g_ptr_array_add (same, g_ptr_array_index (roles, i));
    }

  if (view->memo != NULL)
    g_hash_table_insert (view->memo, (gpointer) "role-names", g_hash_table_ref (names));

  return names;
}

/* Role names are unique, ignoring case. */
static gboolean
rule_role_name_unique (const BatonRowView  *view,
                       BatonRecord         *before,
                       BatonRecord         *after,
                       GError             **error)
{
  g_autoptr(GHashTable) names = NULL;
  g_autofree char *key = NULL;
  GPtrArray *same;

  if (after == NULL)
    return TRUE;

  names = role_names (view);
  key = role_name_key (BATON_ROLE (after));
  same = g_hash_table_lookup (names, key);

  for (guint i = 0; same != NULL && i < same->len; i++)
    {
      BatonRole *role = g_ptr_array_index (same, i);

      if ((BatonRecord *) role != after)
        {
          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                       _("There is already a role called “%s”."), baton_role_get_name (role));
          return FALSE;
        }
    }

  return TRUE;
}

/* The role links of one person, grouped by role. */
typedef struct
{
  GHashTable *by_role;     /* gint64* role id → GPtrArray of links */
  guint       n_links;
  guint       n_primary;
} PersonLinks;

static void
person_links_clear (gpointer data)
{
  PersonLinks *links = data;

  g_clear_pointer (&links->by_role, g_hash_table_unref);
}

static PersonLinks *
person_links_new (void)
{
  PersonLinks *links = g_rc_box_new0 (PersonLinks);

  links->by_role = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  return links;
}

static void
person_links_unref (gpointer data)
{
  g_rc_box_release_full (data, person_links_clear);
}

static void
person_links_add (PersonLinks     *links,
                  BatonPersonRole *link)
{
  gint64 role_id = baton_person_role_get_role_id (link);
  GPtrArray *same = g_hash_table_lookup (links->by_role, &role_id);

  if (same == NULL)
    {
      same = g_ptr_array_new ();
      g_hash_table_insert (links->by_role, g_memdup2 (&role_id, sizeof role_id), same);
    }
  g_ptr_array_add (same, link);

  links->n_links++;
  links->n_primary += baton_person_role_get_is_primary (link) ? 1 : 0;
}

/* The links of @person_id in @view (a new reference). With a memo, every
 * person's links are grouped once. */
static PersonLinks *
person_links_of (const BatonRowView *view,
                 gint64              person_id)
{
  GHashTable *people = view->memo != NULL ? g_hash_table_lookup (view->memo, "person-links") : NULL;
  g_autoptr(GPtrArray) rows = NULL;
  PersonLinks *links;

  if (view->memo != NULL && people == NULL)
    {
      people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, person_links_unref);
      rows = view_collect (view, baton_person_role_schema (), NULL, 0);
      for (guint i = 0; i < rows->len; i++)
        {
          BatonPersonRole *link = g_ptr_array_index (rows, i);
          gint64 id = baton_person_role_get_person_id (link);

          links = g_hash_table_lookup (people, &id);
          if (links == NULL)
            {
              links = person_links_new ();
              g_hash_table_insert (people, g_memdup2 (&id, sizeof id), links);
            }
          person_links_add (links, link);
        }
      g_hash_table_insert (view->memo, (gpointer) "person-links", people);
    }

  if (people != NULL)
    {
      links = g_hash_table_lookup (people, &person_id);
      return links != NULL ? g_rc_box_acquire (links) : person_links_new ();
    }

  links = person_links_new ();
  rows = view_collect (view, baton_person_role_schema (), "person-id", person_id);
  for (guint i = 0; i < rows->len; i++)
    person_links_add (links, g_ptr_array_index (rows, i));

  return links;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PersonLinks, person_links_unref)

/* A person holds a role once. */
static gboolean
rule_role_held_once (const BatonRowView  *view,
                     BatonRecord         *before,
                     BatonRecord         *after,
                     GError             **error)
{
  g_autoptr(PersonLinks) links = NULL;
  gint64 person_id, role_id;
  GPtrArray *same;

  if (after == NULL)
    return TRUE;

  person_id = baton_person_role_get_person_id (BATON_PERSON_ROLE (after));
  role_id = baton_person_role_get_role_id (BATON_PERSON_ROLE (after));
  links = person_links_of (view, person_id);
  same = g_hash_table_lookup (links->by_role, &role_id);

  for (guint i = 0; same != NULL && i < same->len; i++)
    {
      if (g_ptr_array_index (same, i) != (gpointer) after)
        {
          g_autofree char *person = view_name (view, baton_person_schema (), person_id);
          g_autofree char *role = view_name (view, baton_role_schema (), role_id);

          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                       _("“%s” already holds the role “%s”."), person, role);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_primary_role (const BatonRowView  *view,
                    gint64               person_id,
                    GError             **error)
{
  g_autoptr(PersonLinks) links = NULL;
  g_autofree char *person = NULL;

  /* A person deleted with their roles has none left to check. */
  if (view->lookup (view, baton_person_schema (), person_id) == NULL)
    return TRUE;

  links = person_links_of (view, person_id);
  if (links->n_links == 0 || links->n_primary == 1)
    return TRUE;

  person = view_name (view, baton_person_schema (), person_id);
  if (links->n_primary > 1)
    g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                 _("“%s” already has a primary role."), person);
  else
    g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                 _("“%s” has roles but none of them is primary."), person);

  return FALSE;
}

/* A person who holds roles holds exactly one of them as primary. */
static gboolean
rule_one_primary_role (const BatonRowView  *view,
                       BatonRecord         *before,
                       BatonRecord         *after,
                       GError             **error)
{
  gint64 before_id = before ? baton_person_role_get_person_id (BATON_PERSON_ROLE (before)) : 0;
  gint64 after_id = after ? baton_person_role_get_person_id (BATON_PERSON_ROLE (after)) : 0;

  if (after_id != 0 && !check_primary_role (view, after_id, error))
    return FALSE;
  if (before_id != 0 && before_id != after_id && !check_primary_role (view, before_id, error))
    return FALSE;

  return TRUE;
}

/* A note's program belongs to the note's client. */
static gboolean
rule_note_program_of_client (const BatonRowView  *view,
                             BatonRecord         *before,
                             BatonRecord         *after,
                             GError             **error)
{
  BatonNote *note;
  BatonRecord *program;
  gint64 client_id;

  if (after == NULL)
    return TRUE;

  note = BATON_NOTE (after);
  client_id = baton_note_get_client_id (note);
  if (baton_note_get_program_id (note) == 0)
    return TRUE;

  /* The references were checked before: a program that is missing here
   * is one the same change deletes, which clears the note's reference. */
  program = view->lookup (view, baton_program_schema (), baton_note_get_program_id (note));
  if (program == NULL || baton_program_get_client_id (BATON_PROGRAM (program)) == client_id)
    return TRUE;

  {
    g_autofree char *client = view_name (view, baton_client_schema (), client_id);
    g_autofree char *owner = view_name (view, baton_client_schema (),
                                        baton_program_get_client_id (BATON_PROGRAM (program)));

    g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                 _("The program “%s” belongs to the client “%s”, not to “%s”."),
                 baton_program_get_name (BATON_PROGRAM (program)), owner, client);
  }

  return FALSE;
}

/* The other side of the rule above: a program whose notes belong to its
 * client does not move to another client. A new program has no notes. */
static gboolean
rule_program_keeps_notes (const BatonRowView  *view,
                          BatonRecord         *before,
                          BatonRecord         *after,
                          GError             **error)
{
  g_autoptr(GPtrArray) notes = NULL;
  gint64 client_id;

  if (before == NULL || after == NULL)
    return TRUE;

  client_id = baton_program_get_client_id (BATON_PROGRAM (after));
  notes = view_collect (view, baton_note_schema (), "program-id", baton_record_get_id (after));

  for (guint i = 0; i < notes->len; i++)
    {
      BatonNote *note = g_ptr_array_index (notes, i);

      if (baton_note_get_client_id (note) != client_id)
        {
          g_autofree char *client = view_name (view, baton_client_schema (), baton_note_get_client_id (note));

          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                       _("The program cannot move to another client: notes of “%s” refer to it."),
                       client);
          return FALSE;
        }
    }

  return TRUE;
}

/* A board keeps at least one stage. */
static gboolean
rule_a_stage_remains (const BatonRowView  *view,
                      BatonRecord         *before,
                      BatonRecord         *after,
                      GError             **error)
{
  g_autoptr(GPtrArray) stages = NULL;

  if (after != NULL)
    return TRUE;

  stages = view_collect (view, baton_stage_schema (), NULL, 0);
  if (stages->len == 0)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   _("The last stage cannot be deleted: a board needs at least one."));
      return FALSE;
    }

  return TRUE;
}

static const Rule rules[] = {
  { TABLE_ROLES, { "name" }, "name", rule_role_name_unique },
  { TABLE_PERSON_ROLES, { "person-id", "role-id" }, "role-id", rule_role_held_once },
  { TABLE_PERSON_ROLES, { "person-id", "is-primary" }, "is-primary", rule_one_primary_role },
  { TABLE_NOTES, { "client-id", "program-id" }, "program-id", rule_note_program_of_client },
  { TABLE_PROGRAMS, { "client-id" }, "client-id", rule_program_keeps_notes },
  { TABLE_STAGES, { NULL }, NULL, rule_a_stage_remains },
};

/* Whether @rule must look at @op: inserts and deletes always, updates
 * when they change a watched field. */
static gboolean
rule_watches (const Rule *rule,
              BatonOp    *op)
{
  if (schema_for_table (rule->table) != op->schema)
    return FALSE;
  if (op->kind != BATON_OP_UPDATE)
    return TRUE;

  for (guint k = 0; k < G_N_ELEMENTS (rule->watched) && rule->watched[k] != NULL; k++)
    {
      const BatonField *field = baton_record_schema_find_field (op->schema, rule->watched[k]);
      guint i = field - op->schema->fields;

      if (!values_equal (&op->before[i], &op->after[i]))
        return TRUE;
    }

  return FALSE;
}

gboolean
_baton_store_check_new_row (const BatonRowView  *view,
                            BatonRecord         *row,
                            const BatonField   **field,
                            GError             **error)
{
  const BatonRecordSchema *schema;

  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (BATON_IS_RECORD (row), FALSE);

  schema = baton_record_get_schema (row);
  if (field != NULL)
    *field = NULL;

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      if (schema_for_table (rules[r].table) != schema)
        continue;

      if (!rules[r].check (view, NULL, row, error))
        {
          if (field != NULL && rules[r].field != NULL)
            *field = baton_record_schema_find_field (schema, rules[r].field);
          return FALSE;
        }
    }

  return TRUE;
}

/* The store's rows as a change leaves them. */
typedef struct
{
  BatonRowView  view;                  /* first: what the rules see */
  BatonStore   *store;
  GHashTable   *replaced[N_TABLES];    /* id → the row after the change, NULL when deleted */
  GPtrArray    *inserted[N_TABLES];    /* rows the change adds (id 0) */
  GPtrArray    *owned;
} ChangeView;

static BatonRecord *
change_view_lookup (const BatonRowView      *view,
                    const BatonRecordSchema *schema,
                    gint64                   id)
{
  const ChangeView *self = (const ChangeView *) view;
  Table *table = table_for_schema (self->store, schema);
  GHashTable *replaced = self->replaced[table_id_of (self->store, table)];
  gpointer row;

  if (replaced != NULL && g_hash_table_lookup_extended (replaced, id_key (id), NULL, &row))
    return row;

  return table_lookup (table, id);
}

static gboolean
row_matches (BatonRecord      *row,
             const BatonField *field,
             gint64            id)
{
  return field == NULL || baton_record_get_int_field (row, field) == id;
}

static void
change_view_collect (const BatonRowView      *view,
                     const BatonRecordSchema *schema,
                     const BatonField        *field,
                     gint64                   id,
                     GPtrArray               *rows)
{
  const ChangeView *self = (const ChangeView *) view;
  Table *table = table_for_schema (self->store, schema);
  TableId table_id = table_id_of (self->store, table);
  GHashTable *replaced = self->replaced[table_id];
  GListModel *list = G_LIST_MODEL (table->list);
  GPtrArray *group_rows = NULL;
  gboolean indexed = FALSE;
  guint n;

  /* The store's rows, through an index when there is one. */
  for (guint i = 0; i < N_INDEXES && field != NULL && !indexed; i++)
    {
      const Index *index = &self->store->indexes[i];

      if (index->table == table_id && index->field == field)
        {
          Group *group = g_hash_table_lookup (index->groups, id_key (id));

          indexed = TRUE;
          group_rows = group != NULL ? group->rows : NULL;
        }
    }

  if (indexed)
    n = group_rows != NULL ? group_rows->len : 0;
  else
    n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      BatonRecord *row;

      if (indexed)
        row = g_ptr_array_index (group_rows, i);
      else
        {
          row = g_list_model_get_item (list, i);
          g_object_unref (row);   /* the list keeps it */
        }

      if (replaced != NULL && g_hash_table_contains (replaced, id_key (baton_record_get_id (row))))
        continue;
      if (row_matches (row, field, id))
        g_ptr_array_add (rows, row);
    }

  /* Then the change's own rows. */
  if (replaced != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, replaced);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (value != NULL && row_matches (value, field, id))
          g_ptr_array_add (rows, value);
    }
  if (self->inserted[table_id] != NULL)
    {
      for (guint i = 0; i < self->inserted[table_id]->len; i++)
        if (row_matches (g_ptr_array_index (self->inserted[table_id], i), field, id))
          g_ptr_array_add (rows, g_ptr_array_index (self->inserted[table_id], i));
    }
}

static void
change_view_clear (ChangeView *self)
{
  for (guint t = 0; t < N_TABLES; t++)
    {
      g_clear_pointer (&self->replaced[t], g_hash_table_unref);
      g_clear_pointer (&self->inserted[t], g_ptr_array_unref);
    }
  g_clear_pointer (&self->owned, g_ptr_array_unref);
}

/* Checks every rule that @change concerns on the rows as it leaves them. */
static gboolean
check_change_rules (BatonStore   *self,
                    BatonChange  *change,
                    GError      **error)
{
  guint n_ops = baton_change_get_n_ops (change);
  ChangeView view = { { change_view_lookup, change_view_collect, NULL }, self, { NULL }, { NULL }, NULL };
  g_autofree BatonRecord **afters = NULL;
  gboolean concerned = FALSE;
  gboolean ok = TRUE;

  /* Most changes (moving cards) concern no rule: nothing to build. */
  for (guint k = 0; k < n_ops && !concerned; k++)
    for (guint r = 0; r < G_N_ELEMENTS (rules) && !concerned; r++)
      concerned = rule_watches (&rules[r], baton_change_get_op (change, k));
  if (!concerned)
    return TRUE;

  /* On the heap: deleting a program cascades to all of its cards. */
  afters = g_new (BatonRecord *, n_ops);
  view.owned = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint k = 0; k < n_ops; k++)
    {
      BatonOp *op = baton_change_get_op (change, k);
      TableId table_id = table_id_of (self, table_for_schema (self, op->schema));

      afters[k] = op->after != NULL ? record_new_from_values (op->schema, op->id, op->after) : NULL;
      if (afters[k] != NULL)
        g_ptr_array_add (view.owned, afters[k]);

      if (op->kind == BATON_OP_INSERT && op->id == 0)
        {
          if (view.inserted[table_id] == NULL)
            view.inserted[table_id] = g_ptr_array_new ();
          g_ptr_array_add (view.inserted[table_id], afters[k]);
        }
      else
        {
          if (view.replaced[table_id] == NULL)
            view.replaced[table_id] = g_hash_table_new (g_direct_hash, g_direct_equal);
          g_hash_table_insert (view.replaced[table_id], id_key (op->id), afters[k]);
        }
    }

  for (guint k = 0; k < n_ops && ok; k++)
    {
      BatonOp *op = baton_change_get_op (change, k);
      BatonRecord *before = op->kind == BATON_OP_INSERT ? NULL
                                                        : table_lookup (table_for_schema (self, op->schema), op->id);

      for (guint r = 0; r < G_N_ELEMENTS (rules) && ok; r++)
        if (rule_watches (&rules[r], op))
          ok = rules[r].check (&view.view, before, afters[k], error);
    }

  change_view_clear (&view);

  return ok;
}

/* Builds the full, validated field values of a row: @current (or the
 * defaults) with the named properties replaced. Timestamps named
 * created-at / updated-at are filled in. */
static GValue *
prepare_values (BatonStore               *self,
                const BatonRecordSchema  *schema,
                BatonRecord              *current,
                guint                     n_properties,
                const char              **names,
                const GValue             *values,
                GError                  **error)
{
  g_autoptr(BatonRecord) candidate = NULL;
  GValue *result;
  gboolean *given = g_newa (gboolean, schema->n_fields);
  g_autofree char *now = baton_timestamp_now ();

  memset (given, 0, sizeof (gboolean) * schema->n_fields);

  /* The current values are copied only for the fields not given below:
   * a note's body can be a megabyte. */
  result = g_new0 (GValue, schema->n_fields);
  for (guint i = 0; i < schema->n_fields; i++)
    g_value_init (&result[i], baton_field_get_gtype (&schema->fields[i]));

  for (guint k = 0; k < n_properties; k++)
    {
      const BatonField *field = baton_record_schema_find_field (schema, names[k]);
      guint i;
      GValue normalized = G_VALUE_INIT;

      if (field == NULL)
        {
          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                       _("There is no field “%s”."), names[k]);
          goto fail;
        }

      i = field - schema->fields;
      if (!baton_field_validate (field, &values[k], &normalized, error))
        goto fail;
      if (field->kind == BATON_FIELD_REF &&
          !check_reference (self, field, g_value_get_int64 (&normalized), error))
        {
          g_value_unset (&normalized);
          goto fail;
        }

      g_value_unset (&result[i]);
      result[i] = normalized;
      given[i] = TRUE;
    }

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const BatonField *field = &schema->fields[i];

      if (given[i])
        continue;

      if (current != NULL)
        baton_record_get_field_value (current, field, &result[i]);

      if ((current == NULL && strcmp (field->name, "created-at") == 0) ||
          strcmp (field->name, "updated-at") == 0)
        g_value_set_string (&result[i], now);
      else if (current == NULL)
        {
          /* Defaults must be valid too: a required name or reference that
           * was not given is an error, not an empty row. */
          GValue normalized = G_VALUE_INIT;

          if (!baton_field_validate (field, &result[i], &normalized, error))
            goto fail;
          g_value_unset (&normalized);
        }
    }

  /* Cross-field rules, on a candidate built from the final values. */
  if (schema->validate != NULL)
    {
      candidate = g_object_new (schema->get_type (), NULL);
      for (guint i = 0; i < schema->n_fields; i++)
        baton_record_set_field_value (candidate, &schema->fields[i], &result[i]);
      if (!schema->validate (candidate, error))
        goto fail;
    }

  return result;

fail:
  for (guint i = 0; i < schema->n_fields; i++)
    if (G_IS_VALUE (&result[i]))
      g_value_unset (&result[i]);
  g_free (result);
  return NULL;
}

static void
collect_values_va (GType         type,
                   const char   *first_property_name,
                   va_list       args,
                   GPtrArray    *names,
                   GArray       *values)
{
  GObjectClass *klass = g_type_class_ref (type);
  const char *name;

  for (name = first_property_name; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (klass, name);
      GValue value = G_VALUE_INIT;
      g_autofree char *message = NULL;

      if (pspec == NULL)
        {
          g_critical ("%s has no property “%s”", g_type_name (type), name);
          break;
        }

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &message);
      if (message != NULL)
        {
          g_critical ("%s", message);
          break;
        }

      g_ptr_array_add (names, (gpointer) g_intern_string (name));
      g_array_append_val (values, value);
    }

  g_type_class_unref (klass);
}

static void
clear_value (gpointer data)
{
  g_value_unset (data);
}

/* Generic mutations ------------------------------------------------------ */

static BatonChange *
change_for_insert (BatonStore               *self,
                   GType                     type,
                   const char               *label,
                   guint                     n_properties,
                   const char              **names,
                   const GValue             *values,
                   GError                  **error)
{
  Table *table = table_for_type (self, type);
  BatonChange *change;
  BatonOp *op;
  GValue *after;

  g_return_val_if_fail (table != NULL, NULL);

  if (!(after = prepare_values (self, table->schema, NULL, n_properties, names, values, error)))
    return NULL;

  change = baton_change_new (label);
  op = baton_op_new (BATON_OP_INSERT, table->schema, 0);
  op->after = after;
  baton_change_add_op (change, op);

  return change;
}

/* Inserts and returns the new record (owned by the store). */
static gpointer
insert_record (BatonStore   *self,
               GType         type,
               const char   *label,
               guint         n_properties,
               const char  **names,
               const GValue *values,
               GError      **error)
{
  BatonChange *change;

  if (!(change = change_for_insert (self, type, label, n_properties, names, values, error)))
    return NULL;

  if (!change_commit (self, change, error))
    return NULL;

  /* The change holds one insert, so the connection's last row is ours. */
  return table_lookup (table_for_type (self, type), baton_db_last_insert_rowid (self->db));
}

static BatonOp *
update_op (BatonStore   *self,
           BatonRecord  *record,
           guint         n_properties,
           const char  **names,
           const GValue *values,
           GError      **error)
{
  const BatonRecordSchema *schema = baton_record_get_schema (record);
  BatonOp *op;
  GValue *after;

  if (!(after = prepare_values (self, schema, record, n_properties, names, values, error)))
    return NULL;

  op = baton_op_new (BATON_OP_UPDATE, schema, baton_record_get_id (record));
  op->before = snapshot_record (record);
  op->after = after;

  return op;
}

static gboolean
record_is_ours (BatonStore   *self,
                gpointer      record,
                GError      **error)
{
  Table *table;

  if (!BATON_IS_RECORD (record))
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND,
                           _("The item does not exist."));
      return FALSE;
    }

  table = table_for_schema (self, baton_record_get_schema (record));
  if (table_lookup (table, baton_record_get_id (record)) != record)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND,
                   _("The %s no longer exists (it may have been deleted)."),
                   g_dgettext (GETTEXT_PACKAGE, table->schema->label));
      return FALSE;
    }

  return TRUE;
}

static gboolean
update_record (BatonStore   *self,
               gpointer      record,
               const char   *label,
               guint         n_properties,
               const char  **names,
               const GValue *values,
               GError      **error)
{
  g_autoptr(BatonChange) change = NULL;
  BatonOp *op;

  if (!record_is_ours (self, record, error))
    return FALSE;

  if (!(op = update_op (self, record, n_properties, names, values, error)))
    return FALSE;

  change = baton_change_new (label);
  baton_change_add_op (change, op);

  return change_commit (self, g_steal_pointer (&change), error);
}

/* Delete closure: rows that go with @record, children first, and the
 * references that are cleared. RESTRICT references refuse the delete. */
typedef struct
{
  GHashTable *deleted;   /* BatonRecord* set */
  GPtrArray  *deletes;   /* BatonRecord*, post-order */
  GPtrArray  *nulls;     /* pairs: BatonRecord*, const BatonField* */
  GString    *blockers;
} DeletePlan;

static void
plan_delete (BatonStore  *self,
             BatonRecord *record,
             DeletePlan  *plan)
{
  const BatonRecordSchema *schema = baton_record_get_schema (record);
  gint64 id = baton_record_get_id (record);

  if (g_hash_table_contains (plan->deleted, record))
    return;
  g_hash_table_add (plan->deleted, record);

  for (guint t = 0; t < N_TABLES; t++)
    {
      Table *table = &self->tables[t];

      for (guint f = 0; f < table->schema->n_fields; f++)
        {
          const BatonField *field = &table->schema->fields[f];
          GListModel *rows = G_LIST_MODEL (table->list);
          guint n = g_list_model_get_n_items (rows);
          guint blocking = 0;

          if (field->kind != BATON_FIELD_REF || strcmp (field->ref_table, schema->table) != 0)
            continue;

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(BatonRecord) row = g_list_model_get_item (rows, i);

              if (baton_record_get_int_field (row, field) != id)
                continue;

              switch (field->on_delete)
                {
                case BATON_ON_DELETE_CASCADE:
                  plan_delete (self, row, plan);
                  break;
                case BATON_ON_DELETE_SET_NULL:
                  g_ptr_array_add (plan->nulls, row);
                  g_ptr_array_add (plan->nulls, (gpointer) field);
                  break;
                case BATON_ON_DELETE_RESTRICT:
                default:
                  blocking++;
                  break;
                }
            }

          if (blocking > 0)
            {
              if (plan->blockers->len > 0)
                g_string_append (plan->blockers, ", ");
              if (table->schema == baton_person_role_schema ())
                g_string_append_printf (plan->blockers,
                                        g_dngettext (GETTEXT_PACKAGE, "held by %u person", "held by %u people", blocking),
                                        blocking);
              else if (table->schema == baton_task_schema ())
                g_string_append_printf (plan->blockers,
                                        g_dngettext (GETTEXT_PACKAGE, "needed by %u task", "needed by %u tasks", blocking),
                                        blocking);
              else
                /* e.g. "5 time off" — other tables only block in unusual cases */
                g_string_append_printf (plan->blockers, "%u %s", blocking,
                                        g_dgettext (GETTEXT_PACKAGE, table->schema->label));
            }
        }
    }

  g_ptr_array_add (plan->deletes, record);
}

static BatonChange *
change_for_delete (BatonStore   *self,
                   BatonRecord  *record,
                   const char   *label,
                   GError      **error)
{
  DeletePlan plan;
  BatonChange *change = NULL;

  plan.deleted = g_hash_table_new (NULL, NULL);
  plan.deletes = g_ptr_array_new ();
  plan.nulls = g_ptr_array_new ();
  plan.blockers = g_string_new (NULL);

  plan_delete (self, record, &plan);

  if (plan.blockers->len > 0)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_IN_USE,
                   _("This %s cannot be deleted while it is in use (%s). Move or remove those first."),
                   g_dgettext (GETTEXT_PACKAGE, baton_record_get_schema (record)->label),
                   plan.blockers->str);
      goto out;
    }

  change = baton_change_new (label);

  for (guint i = 0; i < plan.nulls->len; i += 2)
    {
      BatonRecord *row = g_ptr_array_index (plan.nulls, i);
      const BatonField *field = g_ptr_array_index (plan.nulls, i + 1);
      const BatonRecordSchema *schema = baton_record_get_schema (row);
      BatonOp *op;

      if (g_hash_table_contains (plan.deleted, row))
        continue;

      op = baton_op_new (BATON_OP_UPDATE, schema, baton_record_get_id (row));
      op->before = snapshot_record (row);
      op->after = copy_values (schema, op->before);
      g_value_set_int64 (&op->after[field - schema->fields], 0);
      baton_change_add_op (change, op);
    }

  for (guint i = 0; i < plan.deletes->len; i++)
    {
      BatonRecord *row = g_ptr_array_index (plan.deletes, i);
      BatonOp *op = baton_op_new (BATON_OP_DELETE, baton_record_get_schema (row), baton_record_get_id (row));

      op->before = snapshot_record (row);
      baton_change_add_op (change, op);
    }

out:
  g_hash_table_unref (plan.deleted);
  g_ptr_array_unref (plan.deletes);
  g_ptr_array_unref (plan.nulls);
  g_string_free (plan.blockers, TRUE);

  return change;
}

/* An undo label from a translatable format with one %s: the record's
 * name, or its kind when it has none (e.g. "Delete “Storyboard”"). */
static char *
label_for (const char  *format,
           BatonRecord *record)
{
  const BatonRecordSchema *schema = baton_record_get_schema (record);
  const BatonField *name = baton_record_schema_find_field (schema, "name");

  if (name == NULL)
    name = baton_record_schema_find_field (schema, "title");
  if (name == NULL)
    name = baton_record_schema_find_field (schema, "text");

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  if (name != NULL && baton_record_get_str_field (record, name) != NULL)
    return g_strdup_printf (format, baton_record_get_str_field (record, name));

  return g_strdup_printf (format, g_dgettext (GETTEXT_PACKAGE, schema->label));
#pragma GCC diagnostic pop
}

gpointer
baton_store_insertv (BatonStore    *self,
                     GType          type,
                     guint          n_properties,
                     const char   **names,
                     const GValue  *values,
                     GError       **error)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);
  g_return_val_if_fail (table_for_type (self, type) != NULL, NULL);

  return insert_record (self, type, _("Add"), n_properties, names, values, error);
}

gpointer
baton_store_insert (BatonStore  *self,
                    GType        type,
                    GError     **error,
                    const char  *first_property_name,
                    ...)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  va_list args;

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);
  g_return_val_if_fail (table_for_type (self, type) != NULL, NULL);

  g_array_set_clear_func (values, clear_value);
  va_start (args, first_property_name);
  collect_values_va (type, first_property_name, args, names, values);
  va_end (args);

  return baton_store_insertv (self, type, names->len, (const char **) names->pdata,
                              (const GValue *) values->data, error);
}

gboolean
baton_store_updatev (BatonStore    *self,
                     gpointer       record,
                     guint          n_properties,
                     const char   **names,
                     const GValue  *values,
                     GError       **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  if (!record_is_ours (self, record, error))
    return FALSE;

  label = label_for (_("Edit “%s”"), record);
  return update_record (self, record, label, n_properties, names, values, error);
}

gboolean
baton_store_update (BatonStore  *self,
                    gpointer     record,
                    GError     **error,
                    const char  *first_property_name,
                    ...)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  va_list args;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);
  g_return_val_if_fail (BATON_IS_RECORD (record), FALSE);

  g_array_set_clear_func (values, clear_value);
  va_start (args, first_property_name);
  collect_values_va (G_OBJECT_TYPE (record), first_property_name, args, names, values);
  va_end (args);

  return baton_store_updatev (self, record, names->len, (const char **) names->pdata,
                              (const GValue *) values->data, error);
}

gboolean
baton_store_delete (BatonStore  *self,
                    gpointer     record,
                    GError     **error)
{
  g_autofree char *label = NULL;
  BatonChange *change;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  if (!record_is_ours (self, record, error))
    return FALSE;

  label = label_for (_("Delete “%s”"), record);
  if (!(change = change_for_delete (self, record, label, error)))
    return FALSE;

  return change_commit (self, change, error);
}

/* Helpers for the typed methods: GValues on the stack. */

typedef struct
{
  const char *names[16];
  GValue      values[16];
  guint       n;
} Props;

static void
props_clear (Props *props)
{
  for (guint i = 0; i < props->n; i++)
    g_value_unset (&props->values[i]);
  props->n = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Props, props_clear)

static void
props_str (Props      *props,
           const char *name,
           const char *value)
{
  g_assert (props->n < G_N_ELEMENTS (props->names));
  props->names[props->n] = name;
  g_value_init (&props->values[props->n], G_TYPE_STRING);
  g_value_set_string (&props->values[props->n], value);
  props->n++;
}

/* For long text (a note's body): no copy, so @value must outlive @props;
 * validation makes the copy that is kept. */
static void
props_str_borrowed (Props      *props,
                    const char *name,
                    const char *value)
{
  g_assert (props->n < G_N_ELEMENTS (props->names));
  props->names[props->n] = name;
  g_value_init (&props->values[props->n], G_TYPE_STRING);
  g_value_set_static_string (&props->values[props->n], value);
  props->n++;
}

static void
props_int (Props      *props,
           const char *name,
           gint64      value)
{
  g_assert (props->n < G_N_ELEMENTS (props->names));
  props->names[props->n] = name;
  g_value_init (&props->values[props->n], G_TYPE_INT64);
  g_value_set_int64 (&props->values[props->n], value);
  props->n++;
}

static void
props_bool (Props      *props,
            const char *name,
            gboolean    value)
{
  g_assert (props->n < G_N_ELEMENTS (props->names));
  props->names[props->n] = name;
  g_value_init (&props->values[props->n], G_TYPE_BOOLEAN);
  g_value_set_boolean (&props->values[props->n], value);
  props->n++;
}

/* The position after @position, @step further but never past the limit
 * (rows with the same position are ordered by id, and a new row's id is
 * the largest). */
static gint64
position_after (gint64 position,
                gint64 step)
{
  return position > BATON_MAX_POSITION - step ? BATON_MAX_POSITION : position + step;
}

static gint64
max_position (Table *table)
{
  GListModel *rows = G_LIST_MODEL (table->list);
  guint n = g_list_model_get_n_items (rows);
  gint64 max = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonRecord) row = g_list_model_get_item (rows, i);
      max = MAX (max, record_position (row));
    }

  return max;
}

/* Roles ------------------------------------------------------------------ */

BatonRole *
baton_store_create_role (BatonStore  *self,
                         const char  *name,
                         const char  *color,
                         GError     **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  props_str (&props, "name", name);
  props_str (&props, "color", color);
  props_int (&props, "position", position_after (max_position (&self->tables[TABLE_ROLES]), 1));

  return insert_record (self, BATON_TYPE_ROLE, _("Add role"), props.n, props.names, props.values, error);
}

/* Renumbers an ordered table so that @record sits at @index. */
static gboolean
move_in_order (BatonStore   *self,
               Table        *table,
               BatonRecord  *record,
               guint         index,
               const char   *label,
               GError      **error)
{
  g_autoptr(BatonChange) change = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *rows = G_LIST_MODEL (table->list);
  guint n = g_list_model_get_n_items (rows);
  const BatonField *position = baton_record_schema_find_field (table->schema, "position");

  if (!record_is_ours (self, record, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      BatonRecord *row = g_list_model_get_item (rows, i);

      if (row == record)
        g_object_unref (row);
      else
        g_ptr_array_add (order, row);
    }

  if (index > order->len)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   _("Position %u is out of range (0 to %u)."), index, order->len);
      return FALSE;
    }

  g_ptr_array_insert (order, index, g_object_ref (record));

  change = baton_change_new (label);
  for (guint i = 0; i < order->len; i++)
    {
      BatonRecord *row = g_ptr_array_index (order, i);
      BatonOp *op;

      if (baton_record_get_int_field (row, position) == (gint64) i)
        continue;

      op = baton_op_new (BATON_OP_UPDATE, table->schema, baton_record_get_id (row));
      op->before = snapshot_record (row);
      op->after = copy_values (table->schema, op->before);
      g_value_set_int64 (&op->after[position - table->schema->fields], i);
      baton_change_add_op (change, op);
    }

  return change_commit (self, g_steal_pointer (&change), error);
}

gboolean
baton_store_move_role (BatonStore  *self,
                       BatonRole   *role,
                       guint        index,
                       GError     **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);
  g_return_val_if_fail (BATON_IS_ROLE (role), FALSE);

  label = label_for (_("Move “%s”"), BATON_RECORD (role));
  return move_in_order (self, &self->tables[TABLE_ROLES], BATON_RECORD (role), index, label, error);
}

/* People ----------------------------------------------------------------- */

BatonPerson *
baton_store_create_person (BatonStore  *self,
                           const char  *name,
                           const char  *email,
                           gint64       weekly_capacity_minutes,
                           const char  *color,
                           GError     **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  props_str (&props, "name", name);
  props_str (&props, "email", email);
  props_int (&props, "weekly-capacity-minutes", weekly_capacity_minutes);
  props_str (&props, "color", color);

  return insert_record (self, BATON_TYPE_PERSON, _("Add person"), props.n, props.names, props.values, error);
}

static GPtrArray *
person_role_links (BatonStore  *self,
                   BatonPerson *person)
{
  return index_get (&self->indexes[INDEX_ROLES_BY_PERSON], baton_record_get_id (BATON_RECORD (person)));
}

gboolean
baton_store_person_has_role (BatonStore  *self,
                             BatonPerson *person,
                             gint64       role_id)
{
  g_autoptr(GPtrArray) links = NULL;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);
  g_return_val_if_fail (BATON_IS_PERSON (person), FALSE);

  links = person_role_links (self, person);
  for (guint i = 0; i < links->len; i++)
    if (baton_person_role_get_role_id (g_ptr_array_index (links, i)) == role_id)
      return TRUE;

  return FALSE;
}

gint64
baton_store_get_primary_role_id (BatonStore  *self,
                                 BatonPerson *person)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (BATON_IS_STORE (self), 0);
  g_return_val_if_fail (BATON_IS_PERSON (person), 0);

  ids = baton_store_get_person_role_ids (self, person);
  return ids->len > 0 ? g_array_index (ids, gint64, 0) : 0;
}

GArray *
baton_store_get_person_role_ids (BatonStore  *self,
                                 BatonPerson *person)
{
  g_autoptr(GPtrArray) links = NULL;
  GArray *ids;

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);
  g_return_val_if_fail (BATON_IS_PERSON (person), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  links = person_role_links (self, person);

  for (guint i = 0; i < links->len; i++)
    {
      BatonPersonRole *link = g_ptr_array_index (links, i);
      gint64 role_id = baton_person_role_get_role_id (link);

      if (baton_person_role_get_is_primary (link))
        g_array_prepend_val (ids, role_id);
      else
        g_array_append_val (ids, role_id);
    }

  return ids;
}

gboolean
baton_store_set_person_roles (BatonStore   *self,
                              BatonPerson  *person,
                              const gint64 *role_ids,
                              guint         n_roles,
                              gint64        primary_role_id,
                              GError      **error)
{
  g_autoptr(BatonChange) change = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *label = NULL;
  const BatonRecordSchema *schema = baton_person_role_schema ();
  gboolean primary_found = FALSE;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);
  g_return_val_if_fail (role_ids != NULL || n_roles == 0, FALSE);

  if (!record_is_ours (self, person, error))
    return FALSE;

  for (guint i = 0; i < n_roles; i++)
    {
      if (table_lookup (&self->tables[TABLE_ROLES], role_ids[i]) == NULL)
        {
          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND,
                       _("The role does not exist (it may have been deleted)."));
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (role_ids[j] == role_ids[i])
          {
            g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                         _("The same role is given twice."));
            return FALSE;
          }
      primary_found |= role_ids[i] == primary_role_id;
    }

  if (n_roles > 0 && !primary_found)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   _("The primary role must be one of the person’s roles."));
      return FALSE;
    }
  if (n_roles == 0 && primary_role_id != 0)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   _("A person without roles cannot have a primary role."));
      return FALSE;
    }

  label = label_for (_("Change roles of “%s”"), BATON_RECORD (person));
  change = baton_change_new (label);
  links = person_role_links (self, person);

  /* Drop links that go, update primary flags of links that stay. */
  for (guint i = 0; i < links->len; i++)
    {
      BatonPersonRole *link = g_ptr_array_index (links, i);
      gint64 role_id = baton_person_role_get_role_id (link);
      gboolean keep = FALSE;
      BatonOp *op;

      for (guint j = 0; j < n_roles; j++)
        keep |= role_ids[j] == role_id;

      if (!keep)
        {
          op = baton_op_new (BATON_OP_DELETE, schema, baton_record_get_id (BATON_RECORD (link)));
          op->before = snapshot_record (BATON_RECORD (link));
          baton_change_add_op (change, op);
        }
      else if (!baton_person_role_get_is_primary (link) != !(role_id == primary_role_id))
        {
          op = baton_op_new (BATON_OP_UPDATE, schema, baton_record_get_id (BATON_RECORD (link)));
          op->before = snapshot_record (BATON_RECORD (link));
          op->after = copy_values (schema, op->before);
          g_value_set_boolean (&op->after[2], role_id == primary_role_id);
          baton_change_add_op (change, op);
        }
    }

  for (guint j = 0; j < n_roles; j++)
    {
      gboolean exists = FALSE;
      BatonOp *op;

      for (guint i = 0; i < links->len; i++)
        exists |= baton_person_role_get_role_id (g_ptr_array_index (links, i)) == role_ids[j];
      if (exists)
        continue;

      op = baton_op_new (BATON_OP_INSERT, schema, 0);
      op->after = g_new0 (GValue, schema->n_fields);
      g_value_init (&op->after[0], G_TYPE_INT64);
      g_value_set_int64 (&op->after[0], baton_record_get_id (BATON_RECORD (person)));
      g_value_init (&op->after[1], G_TYPE_INT64);
      g_value_set_int64 (&op->after[1], role_ids[j]);
      g_value_init (&op->after[2], G_TYPE_BOOLEAN);
      g_value_set_boolean (&op->after[2], role_ids[j] == primary_role_id);
      baton_change_add_op (change, op);
    }

  return change_commit (self, g_steal_pointer (&change), error);
}

BatonTimeOff *
baton_store_add_time_off (BatonStore   *self,
                          BatonPerson  *person,
                          const char   *start_date,
                          const char   *end_date,
                          const char   *note,
                          GError      **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  if (!record_is_ours (self, person, error))
    return NULL;

  props_int (&props, "person-id", baton_record_get_id (BATON_RECORD (person)));
  props_str (&props, "start-date", start_date);
  props_str (&props, "end-date", end_date);
  props_str (&props, "note", note);

  return insert_record (self, BATON_TYPE_TIME_OFF, _("Add time off"), props.n, props.names, props.values, error);
}

/* Clients and programs --------------------------------------------------- */

BatonClient *
baton_store_create_client (BatonStore  *self,
                           const char  *name,
                           const char  *organization,
                           GError     **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  props_str (&props, "name", name);
  props_str (&props, "organization", organization);

  return insert_record (self, BATON_TYPE_CLIENT, _("Add client"), props.n, props.names, props.values, error);
}

BatonProgram *
baton_store_create_program (BatonStore   *self,
                            BatonClient  *client,
                            const char   *name,
                            GError      **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  if (!record_is_ours (self, client, error))
    return NULL;

  props_int (&props, "client-id", baton_record_get_id (BATON_RECORD (client)));
  props_str (&props, "name", name);

  return insert_record (self, BATON_TYPE_PROGRAM, _("Add program"), props.n, props.names, props.values, error);
}

/* Stages ----------------------------------------------------------------- */

BatonStage *
baton_store_create_stage (BatonStore  *self,
                          const char  *name,
                          gint64       wip_limit,
                          GError     **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  props_str (&props, "name", name);
  props_int (&props, "wip-limit", wip_limit);
  props_int (&props, "position", position_after (max_position (&self->tables[TABLE_STAGES]), 1));

  return insert_record (self, BATON_TYPE_STAGE, _("Add stage"), props.n, props.names, props.values, error);
}

gboolean
baton_store_move_stage (BatonStore  *self,
                        BatonStage  *stage,
                        guint        index,
                        GError     **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);
  g_return_val_if_fail (BATON_IS_STAGE (stage), FALSE);

  label = label_for (_("Move “%s”"), BATON_RECORD (stage));
  return move_in_order (self, &self->tables[TABLE_STAGES], BATON_RECORD (stage), index, label, error);
}

GPtrArray *
baton_store_get_stage_tasks (BatonStore *self,
                             BatonStage *stage)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);
  g_return_val_if_fail (BATON_IS_STAGE (stage), NULL);

  return index_get (&self->indexes[INDEX_TASKS_BY_STAGE], baton_record_get_id (BATON_RECORD (stage)));
}

GPtrArray *
baton_store_get_task_checklist (BatonStore *self,
                                BatonTask  *task)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);
  g_return_val_if_fail (BATON_IS_TASK (task), NULL);

  return index_get (&self->indexes[INDEX_CHECKLIST_BY_TASK], baton_record_get_id (BATON_RECORD (task)));
}

GPtrArray *
baton_store_find_by_reference (BatonStore *self,
                               GType       type,
                               const char *field_name,
                               gint64      id)
{
  const BatonField *field;
  GListModel *rows;
  GPtrArray *result;
  Table *table;
  guint n;

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);
  g_return_val_if_fail (field_name != NULL, NULL);

  table = table_for_type (self, type);
  g_return_val_if_fail (table != NULL, NULL);
  field = baton_record_schema_find_field (table->schema, field_name);
  g_return_val_if_fail (field != NULL && field->kind == BATON_FIELD_REF, NULL);

  result = g_ptr_array_new ();
  rows = G_LIST_MODEL (table->list);
  n = g_list_model_get_n_items (rows);

  /* The list is in id order (ordered tables are never referenced this
   * way by the callers), so the result is too. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonRecord) row = g_list_model_get_item (rows, i);

      if (baton_record_get_int_field (row, field) == id)
        g_ptr_array_add (result, row);
    }

  return result;
}

/* An update op for @task with some fields replaced (already valid). */
static BatonOp *
task_op (BatonTask *task)
{
  const BatonRecordSchema *schema = baton_task_schema ();
  BatonOp *op = baton_op_new (BATON_OP_UPDATE, schema, baton_record_get_id (BATON_RECORD (task)));
  g_autofree char *now = baton_timestamp_now ();

  op->before = snapshot_record (BATON_RECORD (task));
  op->after = copy_values (schema, op->before);
  g_value_set_string (&op->after[baton_record_schema_find_field (schema, "updated-at") - schema->fields], now);

  return op;
}

static GValue *
op_field (BatonOp    *op,
          const char *name)
{
  return &op->after[baton_record_schema_find_field (op->schema, name) - op->schema->fields];
}

/* Sets the stage of a task op; entering a done stage completes the task,
 * leaving it reopens the task. */
static void
set_task_stage (BatonOp    *op,
                BatonStage *old_stage,
                BatonStage *stage)
{
  g_value_set_int64 (op_field (op, "stage-id"), baton_record_get_id (BATON_RECORD (stage)));

  if (baton_stage_get_is_done (stage) && (old_stage == NULL || !baton_stage_get_is_done (old_stage)))
    {
      g_autofree char *now = baton_timestamp_now ();
      g_value_set_string (op_field (op, "completed-at"), now);
    }
  else if (!baton_stage_get_is_done (stage))
    g_value_set_string (op_field (op, "completed-at"), NULL);
}

/* Adds to @change the ops that put @task into @stage before @before. */
static void
plan_task_move (BatonStore  *self,
                BatonChange *change,
                BatonTask   *task,
                BatonStage  *stage,
                BatonTask   *before)
{
  g_autoptr(GPtrArray) order = baton_store_get_stage_tasks (self, stage);
  BatonStage *old_stage = (BatonStage *) table_lookup (&self->tables[TABLE_STAGES], baton_task_get_stage_id (task));
  BatonOp *op = task_op (task);
  guint index;
  gint64 position = -1;

  g_ptr_array_remove (order, task);

  if (before == NULL || !g_ptr_array_find (order, before, &index))
    index = order->len;

  if (index == order->len)
    {
      gint64 last = order->len == 0 ? 0 : baton_task_get_position (g_ptr_array_index (order, order->len - 1));

      /* At the limit (an imported board), renumber instead. */
      if (last <= BATON_MAX_POSITION - TASK_POSITION_GAP)
        position = last + TASK_POSITION_GAP;
    }
  else
    {
      gint64 next = baton_task_get_position (g_ptr_array_index (order, index));
      gint64 prev = index > 0 ? baton_task_get_position (g_ptr_array_index (order, index - 1)) : -1;

      if (next - prev >= 2)
        position = prev + (next - prev) / 2;
    }

  set_task_stage (op, old_stage, stage);

  if (position >= 0)
    {
      g_value_set_int64 (op_field (op, "position"), position);
      baton_change_add_op (change, op);
      return;
    }

  /* No gap left: renumber the stage with even gaps. */
  g_ptr_array_insert (order, index, g_object_ref (task));
  for (guint i = 0; i < order->len; i++)
    {
      BatonTask *row = g_ptr_array_index (order, i);
      gint64 wanted = (gint64) (i + 1) * TASK_POSITION_GAP;

      if (row == task)
        {
          g_value_set_int64 (op_field (op, "position"), wanted);
          baton_change_add_op (change, op);
        }
      else if (baton_task_get_position (row) != wanted)
        {
          BatonOp *other = baton_op_new (BATON_OP_UPDATE, baton_task_schema (),
                                         baton_record_get_id (BATON_RECORD (row)));
          other->before = snapshot_record (BATON_RECORD (row));
          other->after = copy_values (other->schema, other->before);
          g_value_set_int64 (op_field (other, "position"), wanted);
          baton_change_add_op (change, other);
        }
    }
}

gboolean
baton_store_delete_stage (BatonStore  *self,
                          BatonStage  *stage,
                          BatonStage  *move_tasks_to,
                          GError     **error)
{
  g_autoptr(BatonChange) change = NULL;
  g_autoptr(BatonChange) removal = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  if (!record_is_ours (self, stage, error))
    return FALSE;
  if (move_tasks_to != NULL && !record_is_ours (self, move_tasks_to, error))
    return FALSE;
  if (move_tasks_to == stage)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   _("The cards of a deleted stage must move to another stage."));
      return FALSE;
    }
  label = label_for (_("Delete “%s”"), BATON_RECORD (stage));
  change = baton_change_new (label);
  tasks = baton_store_get_stage_tasks (self, stage);

  if (move_tasks_to != NULL)
    {
      g_autoptr(GPtrArray) target = baton_store_get_stage_tasks (self, move_tasks_to);
      gint64 position = target->len > 0 ? baton_task_get_position (g_ptr_array_index (target, target->len - 1)) : 0;

      for (guint i = 0; i < tasks->len; i++)
        {
          BatonOp *op = task_op (g_ptr_array_index (tasks, i));

          position = position_after (position, TASK_POSITION_GAP);
          set_task_stage (op, stage, move_tasks_to);
          g_value_set_int64 (op_field (op, "position"), position);
          baton_change_add_op (change, op);
        }
    }
  else
    {
      for (guint i = 0; i < tasks->len; i++)
        {
          g_autoptr(BatonChange) task_removal = change_for_delete (self, g_ptr_array_index (tasks, i), NULL, error);

          if (task_removal == NULL)
            return FALSE;
          baton_change_merge (change, g_steal_pointer (&task_removal));
        }
    }

  /* The stage's own row: its tasks are accounted for above. */
  {
    BatonOp *op = baton_op_new (BATON_OP_DELETE, baton_stage_schema (), baton_record_get_id (BATON_RECORD (stage)));
    op->before = snapshot_record (BATON_RECORD (stage));
    baton_change_add_op (change, op);
  }

  return change_commit (self, g_steal_pointer (&change), error);
}

/* Tasks ------------------------------------------------------------------ */

BatonTask *
baton_store_create_task (BatonStore    *self,
                         BatonStage    *stage,
                         BatonProgram  *program,
                         const char    *title,
                         GError       **error)
{
  g_auto(Props) props = { 0 };
  g_autoptr(GPtrArray) order = NULL;

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  if (!record_is_ours (self, stage, error))
    return NULL;
  if (program != NULL && !record_is_ours (self, program, error))
    return NULL;

  order = baton_store_get_stage_tasks (self, stage);

  props_int (&props, "stage-id", baton_record_get_id (BATON_RECORD (stage)));
  props_int (&props, "program-id", program ? baton_record_get_id (BATON_RECORD (program)) : 0);
  props_str (&props, "title", title);
  props_int (&props, "position",
             position_after (order->len > 0 ? baton_task_get_position (g_ptr_array_index (order, order->len - 1)) : 0,
                             TASK_POSITION_GAP));
  if (baton_stage_get_is_done (stage))
    {
      g_autofree char *now = baton_timestamp_now ();
      props_str (&props, "completed-at", now);
    }

  return insert_record (self, BATON_TYPE_TASK, _("Add card"), props.n, props.names, props.values, error);
}

gboolean
baton_store_move_task (BatonStore  *self,
                       BatonTask   *task,
                       BatonStage  *stage,
                       BatonTask   *before,
                       GError     **error)
{
  g_autoptr(BatonChange) change = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  if (!record_is_ours (self, task, error) || !record_is_ours (self, stage, error))
    return FALSE;
  if (before != NULL)
    {
      if (!record_is_ours (self, before, error))
        return FALSE;
      if (baton_task_get_stage_id (before) != baton_record_get_id (BATON_RECORD (stage)))
        {
          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                       _("The card to insert before is in another stage."));
          return FALSE;
        }
      if (before == task)
        return TRUE;
    }

  label = label_for (_("Move “%s”"), BATON_RECORD (task));
  change = baton_change_new (label);
  plan_task_move (self, change, task, stage, before);

  return change_commit (self, g_steal_pointer (&change), error);
}

static gboolean
task_update_simple (BatonStore  *self,
                    BatonTask   *task,
                    const char  *format,
                    Props       *props,
                    GError     **error)
{
  g_autofree char *label = NULL;

  if (!record_is_ours (self, task, error))
    return FALSE;

  label = label_for (format, BATON_RECORD (task));
  return update_record (self, task, label, props->n, props->names, props->values, error);
}

gboolean
baton_store_reassign_task (BatonStore   *self,
                           BatonTask    *task,
                           BatonPerson  *person,
                           GError      **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  if (person != NULL && !record_is_ours (self, person, error))
    return FALSE;

  props_int (&props, "assignee-id", person ? baton_record_get_id (BATON_RECORD (person)) : 0);
  return task_update_simple (self, task, _("Reassign “%s”"), &props, error);
}

gboolean
baton_store_schedule_task (BatonStore  *self,
                           BatonTask   *task,
                           const char  *start_date,
                           const char  *due_date,
                           GError     **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  props_str (&props, "start-date", start_date);
  props_str (&props, "due-date", due_date);
  return task_update_simple (self, task, _("Schedule “%s”"), &props, error);
}

static char *
shift_date (const char *date,
            gint        days)
{
  guint32 julian;

  if (date == NULL || !baton_date_parse (date, &julian))
    return NULL;
  if ((gint64) julian + days < 1)
    return NULL;

  return baton_date_format (julian + days);
}

static gboolean
add_reschedule (BatonTask  *task,
                gint        weeks,
                Props      *props,
                GError    **error)
{
  g_autofree char *start = NULL;
  g_autofree char *due = NULL;

  if (baton_task_get_start_date (task) == NULL && baton_task_get_due_date (task) == NULL)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   _("“%s” has no dates to move. Give it a start or due date first."),
                   baton_task_get_title (task));
      return FALSE;
    }
  if (weeks < -520 || weeks > 520)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   _("A task can move at most 520 weeks at a time."));
      return FALSE;
    }

  start = shift_date (baton_task_get_start_date (task), weeks * 7);
  due = shift_date (baton_task_get_due_date (task), weeks * 7);
  props_str (props, "start-date", start);
  props_str (props, "due-date", due);

  return TRUE;
}

gboolean
baton_store_reschedule_task (BatonStore  *self,
                             BatonTask   *task,
                             gint         weeks,
                             GError     **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  if (!record_is_ours (self, task, error))
    return FALSE;
  if (weeks == 0)
    return TRUE;
  if (!add_reschedule (task, weeks, &props, error))
    return FALSE;

  return task_update_simple (self, task, _("Reschedule “%s”"), &props, error);
}

gboolean
baton_store_reassign_and_reschedule_task (BatonStore   *self,
                                          BatonTask    *task,
                                          BatonPerson  *person,
                                          gint          weeks,
                                          GError      **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  if (!record_is_ours (self, task, error))
    return FALSE;
  if (person != NULL && !record_is_ours (self, person, error))
    return FALSE;

  props_int (&props, "assignee-id", person ? baton_record_get_id (BATON_RECORD (person)) : 0);
  if (weeks != 0 && !add_reschedule (task, weeks, &props, error))
    return FALSE;

  return task_update_simple (self, task, _("Reassign “%s”"), &props, error);
}

gboolean
baton_store_archive_task (BatonStore  *self,
                          BatonTask   *task,
                          gboolean     archived,
                          GError     **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  props_bool (&props, "archived", archived);
  return task_update_simple (self, task, archived ? _("Archive “%s”") : _("Restore “%s”"), &props, error);
}

BatonChecklistItem *
baton_store_add_checklist_item (BatonStore  *self,
                                BatonTask   *task,
                                const char  *text,
                                GError     **error)
{
  g_auto(Props) props = { 0 };
  g_autoptr(GPtrArray) items = NULL;
  gint64 position = 0;

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  if (!record_is_ours (self, task, error))
    return NULL;

  items = baton_store_get_task_checklist (self, task);
  for (guint i = 0; i < items->len; i++)
    position = MAX (position, position_after (baton_checklist_item_get_position (g_ptr_array_index (items, i)), 1));

  props_int (&props, "task-id", baton_record_get_id (BATON_RECORD (task)));
  props_str (&props, "text", text);
  props_int (&props, "position", position);

  return insert_record (self, BATON_TYPE_CHECKLIST_ITEM, _("Add checklist item"),
                        props.n, props.names, props.values, error);
}

/* Notes ------------------------------------------------------------------ */

BatonNote *
baton_store_create_note (BatonStore    *self,
                         BatonClient   *client,
                         BatonProgram  *program,
                         const char    *title,
                         const char    *body,
                         GError       **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  if (!record_is_ours (self, client, error))
    return NULL;
  if (program != NULL && !record_is_ours (self, program, error))
    return NULL;

  props_int (&props, "client-id", baton_record_get_id (BATON_RECORD (client)));
  props_int (&props, "program-id", program ? baton_record_get_id (BATON_RECORD (program)) : 0);
  props_str (&props, "title", title);
  props_str_borrowed (&props, "body", body);

  return insert_record (self, BATON_TYPE_NOTE, _("Add note"), props.n, props.names, props.values, error);
}

gboolean
baton_store_update_note (BatonStore  *self,
                         BatonNote   *note,
                         const char  *title,
                         const char  *body,
                         gboolean     keep_revision,
                         GError     **error)
{
  g_autoptr(BatonChange) change = NULL;
  g_autofree char *label = NULL;
  g_auto(Props) props = { 0 };
  BatonOp *op;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  if (!record_is_ours (self, note, error))
    return FALSE;

  if (g_strcmp0 (title, baton_note_get_title (note)) == 0 &&
      g_strcmp0 (body, baton_note_get_body (note)) == 0)
    return TRUE;

  props_str (&props, "title", title);
  props_str_borrowed (&props, "body", body);
  if (!(op = update_op (self, BATON_RECORD (note), props.n, props.names, props.values, error)))
    return FALSE;

  label = label_for (_("Edit “%s”"), BATON_RECORD (note));
  change = baton_change_new (label);
  baton_change_add_op (change, op);

  if (keep_revision && g_strcmp0 (body, baton_note_get_body (note)) != 0 &&
      baton_note_get_body (note) != NULL)
    {
      g_auto(Props) revision = { 0 };
      g_autofree char *now = baton_timestamp_now ();
      BatonChange *insert;

      props_int (&revision, "note-id", baton_record_get_id (BATON_RECORD (note)));
      props_str_borrowed (&revision, "body", baton_note_get_body (note));
      props_str (&revision, "saved-at", now);
      if (!(insert = change_for_insert (self, BATON_TYPE_NOTE_REVISION, NULL,
                                        revision.n, revision.names, revision.values, error)))
        return FALSE;
      baton_change_merge (change, insert);
    }

  return change_commit (self, g_steal_pointer (&change), error);
}

/* Undo and redo ---------------------------------------------------------- */

gboolean
baton_store_undo (BatonStore  *self,
                  GError     **error)
{
  BatonChange *change;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->batch_depth == 0, FALSE);

  if (!(change = baton_history_peek_undo (self->history)))
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOTHING_TO_UNDO,
                           _("There is nothing to undo."));
      return FALSE;
    }

  if (!change_apply (self, change, DIRECTION_BACKWARD, error))
    return FALSE;

  baton_history_did_undo (self->history);
  return TRUE;
}

gboolean
baton_store_redo (BatonStore  *self,
                  GError     **error)
{
  BatonChange *change;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->batch_depth == 0, FALSE);

  if (!(change = baton_history_peek_redo (self->history)))
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOTHING_TO_UNDO,
                           _("There is nothing to redo."));
      return FALSE;
    }

  if (!change_apply (self, change, DIRECTION_FORWARD, error))
    return FALSE;

  baton_history_did_redo (self->history);
  return TRUE;
}

gboolean
baton_store_run_batch (BatonStore           *self,
                       const char           *label,
                       gboolean              record_history,
                       BatonStoreBatchFunc   func,
                       gpointer              user_data,
                       GError              **error)
{
  BatonChange *outer_change;
  BatonChange *change;
  gboolean outer_records;
  gboolean records;
  gboolean ok;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!baton_db_begin (self->db, error))
    return FALSE;

  outer_change = self->batch_change;
  outer_records = self->batch_records;
  self->batch_change = baton_change_new (label);
  records = record_history && (self->batch_depth == 0 || outer_records);
  self->batch_records = records;
  self->batch_depth++;

  ok = func (self, user_data, error);

  self->batch_depth--;
  change = g_steal_pointer (&self->batch_change);
  self->batch_change = outer_change;
  self->batch_records = outer_records;

  if (ok && baton_db_commit (self->db, error))
    {
      if (outer_change != NULL)
        baton_change_merge (outer_change, change);
      else if (records && baton_change_get_n_ops (change) > 0)
        baton_history_push (self->history, change);
      else
        baton_change_free (change);
    }
  else
    {
      guint n = baton_change_get_n_ops (change);

      if (baton_db_get_depth (self->db) > self->batch_depth)
        baton_db_rollback (self->db);

      /* The database is back as it was: take the objects back the same
       * way, so that pointers held by callers stay valid. */
      for (guint k = n; k > 0; k--)
        op_apply_memory (self, baton_change_get_op (change, k - 1), DIRECTION_BACKWARD);
      resort_moved (self, change);
      baton_change_free (change);
      ok = FALSE;
    }

  if (self->batch_depth == 0)
    g_signal_emit (self, signals[CHANGED], 0);

  return ok;
}

/* Lists ------------------------------------------------------------------ */

GListModel *
baton_store_get_list (BatonStore *self,
                      GType       type)
{
  Table *table;

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  table = table_for_type (self, type);
  g_return_val_if_fail (table != NULL, NULL);

  return G_LIST_MODEL (table->list);
}

#define DEFINE_LIST_GETTER(func, table_id)                   \
  GListModel *                                               \
  func (BatonStore *self)                                    \
  {                                                          \
    g_return_val_if_fail (BATON_IS_STORE (self), NULL);      \
    return G_LIST_MODEL (self->tables[table_id].list);       \
  }

DEFINE_LIST_GETTER (baton_store_get_roles, TABLE_ROLES)
DEFINE_LIST_GETTER (baton_store_get_people, TABLE_PEOPLE)
DEFINE_LIST_GETTER (baton_store_get_person_roles, TABLE_PERSON_ROLES)
DEFINE_LIST_GETTER (baton_store_get_time_off, TABLE_TIME_OFF)
DEFINE_LIST_GETTER (baton_store_get_clients, TABLE_CLIENTS)
DEFINE_LIST_GETTER (baton_store_get_programs, TABLE_PROGRAMS)
DEFINE_LIST_GETTER (baton_store_get_stages, TABLE_STAGES)
DEFINE_LIST_GETTER (baton_store_get_tasks, TABLE_TASKS)
DEFINE_LIST_GETTER (baton_store_get_checklist_items, TABLE_CHECKLIST_ITEMS)
DEFINE_LIST_GETTER (baton_store_get_notes, TABLE_NOTES)
DEFINE_LIST_GETTER (baton_store_get_note_revisions, TABLE_NOTE_REVISIONS)

gpointer
baton_store_lookup (BatonStore *self,
                    GType       type,
                    gint64      id)
{
  Table *table;

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  table = table_for_type (self, type);
  g_return_val_if_fail (table != NULL, NULL);

  return table_lookup (table, id);
}

gboolean
baton_store_is_empty (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  for (guint i = 0; i < N_TABLES; i++)
    if (i != TABLE_STAGES && g_list_model_get_n_items (G_LIST_MODEL (self->tables[i].list)) > 0)
      return FALSE;

  return TRUE;
}

/* Opening ---------------------------------------------------------------- */

void
baton_store_init_allocator (void)
{
#ifdef __GLIBC__
  /* glibc maps every allocation from 128 KiB up afresh and trims the heap
   * eagerly, so each copy of a 1 MB note faulted in new pages: a quarter
   * of the time of saving it. Notes up to 4 MiB now stay on the heap. */
  mallopt (M_MMAP_THRESHOLD, 4 * 1024 * 1024);
  mallopt (M_TRIM_THRESHOLD, 16 * 1024 * 1024);
#endif
}

/* SQLite's automatic checkpoint runs inside the commit that crosses its
 * threshold, so one move in a few hundred would stall for a checkpoint.
 * Instead, checkpoint once the application has been idle for a moment; a
 * process that never runs a main loop still checkpoints, much later. */
#define CHECKPOINT_IDLE_PAGES   1000
#define CHECKPOINT_FORCED_PAGES 20000

static gboolean
checkpoint_cb (gpointer data)
{
  BatonStore *self = data;

  self->checkpoint_source = 0;
  if (baton_db_get_depth (self->db) == 0)
    sqlite3_wal_checkpoint_v2 (baton_db_get_handle (self->db), NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

  return G_SOURCE_REMOVE;
}

static int
wal_hook (void       *data,
          sqlite3    *db,
          const char *name,
          int         pages)
{
  BatonStore *self = data;

  if (pages >= CHECKPOINT_FORCED_PAGES)
    sqlite3_wal_checkpoint_v2 (db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  else if (pages >= CHECKPOINT_IDLE_PAGES && self->checkpoint_source == 0)
    self->checkpoint_source = g_timeout_add_full (G_PRIORITY_LOW, 1000, checkpoint_cb, self, NULL);

  return SQLITE_OK;
}

static const char * const default_stages[] = {
  N_("Backlog"), N_("Analysis"), N_("Design"), N_("Development"), N_("Review"), N_("Delivered"),
};

const char * const *
_baton_store_get_default_stages (guint *n_stages)
{
  if (n_stages != NULL)
    *n_stages = G_N_ELEMENTS (default_stages);

  return default_stages;
}

static gboolean
seed_stages (BatonStore  *self,
             gpointer     user_data,
             GError     **error)
{
  const char * const *names = default_stages;

  for (guint i = 0; i < G_N_ELEMENTS (default_stages); i++)
    {
      BatonStage *stage = baton_store_create_stage (self, _(names[i]), 0, error);

      if (stage == NULL)
        return FALSE;
      if (i == G_N_ELEMENTS (default_stages) - 1 &&
          !baton_store_update (self, stage, error, "is-done", (gboolean) TRUE, NULL))
        return FALSE;
    }

  return TRUE;
}

gboolean
_baton_store_reload (BatonStore  *self,
                     GError     **error)
{
  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  for (guint i = 0; i < N_TABLES; i++)
    if (!table_load (self, &self->tables[i], error))
      return FALSE;

  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/* @created_file: set when the file was missing and this created it. */
static BatonStore *
open_store (const char  *path,
            gboolean    *created_file,
            GError     **error)
{
  g_autoptr(BatonStore) self = NULL;
  gboolean created = FALSE;

  self = g_object_new (BATON_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!(self->db = _baton_store_open_database (path, &created, created_file, error)))
    return NULL;

  if (!baton_db_is_read_only (self->db) && strcmp (path, ":memory:") != 0)
    sqlite3_wal_hook (baton_db_get_handle (self->db), wal_hook, self);

  if (!_baton_store_reload (self, error))
    {
      _baton_store_explain_open_error (path, error);
      return NULL;
    }

  if (created && !baton_store_run_batch (self, NULL, FALSE, seed_stages, NULL, error))
    return NULL;

  /* From now on a change waits only a moment for another program's lock. */
  baton_db_set_busy_timeout (self->db, BATON_DB_BUSY_TIMEOUT_MS);

  return g_steal_pointer (&self);
}

BatonStore *
baton_store_open (const char  *path,
                  GError     **error)
{
  g_autofree char *default_path = NULL;
  gboolean created_file = FALSE;
  BatonStore *self;

  if (path == NULL)
    path = default_path = baton_store_default_path ();

  self = open_store (path, &created_file, error);

  /* A file that was missing is missing again: left empty, the next try
   * would refuse it as a file Baton did not make. Its connection is
   * closed by now, and SQLite removed the files it put beside it. */
  if (self == NULL && created_file)
    g_unlink (path);

  return self;
}

/* GObject ---------------------------------------------------------------- */

BatonDb *
_baton_store_get_db (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  return self->db;
}

const char *
baton_store_get_path (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  return self->path;
}

BatonHistory *
baton_store_get_history (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  return self->history;
}

/**
 * baton_store_get_read_only:
 *
 * Returns: %TRUE when the workspace file cannot be written (permissions, an
 *   immutable file, a read-only medium): the store was opened read-only and
 *   refuses every change with %BATON_STORE_ERROR_READ_ONLY.
 */
gboolean
baton_store_get_read_only (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), TRUE);

  return self->db != NULL && baton_db_is_read_only (self->db);
}

static void
baton_store_dispose (GObject *object)
{
  BatonStore *self = BATON_STORE (object);

  g_clear_handle_id (&self->checkpoint_source, g_source_remove);
  if (self->db != NULL)
    sqlite3_wal_hook (baton_db_get_handle (self->db), NULL, NULL);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (baton_store_parent_class)->dispose (object);
}

static void
baton_store_finalize (GObject *object)
{
  BatonStore *self = BATON_STORE (object);

  for (guint i = 0; i < N_INDEXES; i++)
    g_clear_pointer (&self->indexes[i].groups, g_hash_table_unref);
  for (guint i = 0; i < N_TABLES; i++)
    table_clear (&self->tables[i]);
  g_clear_pointer (&self->batch_change, baton_change_free);
  g_clear_pointer (&self->db, baton_db_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (baton_store_parent_class)->finalize (object);
}

static void
baton_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BatonStore *self = BATON_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, baton_store_get_read_only (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_store_class_init (BatonStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baton_store_dispose;
  object_class->finalize = baton_store_finalize;
  object_class->get_property = baton_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, BATON_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * BatonStore:read-only:
   *
   * Whether the workspace file cannot be written, so that every change is
   * refused. Views turn their editing controls off by it. It is known
   * when the store is opened and does not change afterwards.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BatonStore::changed:
   *
   * Emitted once after each applied change (a mutation, an undo, a redo, a
   * reload), after every object has been updated. Views that derive
   * figures from many records (capacity) recompute on it.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
baton_store_init (BatonStore *self)
{
  self->history = baton_history_new ();

  for (guint i = 0; i < N_TABLES; i++)
    table_init (&self->tables[i], schema_for_table (i));

  index_init (&self->indexes[INDEX_TASKS_BY_STAGE], TABLE_TASKS, "stage-id");
  index_init (&self->indexes[INDEX_CHECKLIST_BY_TASK], TABLE_CHECKLIST_ITEMS, "task-id");
  index_init (&self->indexes[INDEX_ROLES_BY_PERSON], TABLE_PERSON_ROLES, "person-id");
}
