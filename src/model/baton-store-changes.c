/* baton-store-changes.c — applying a change to the database and the objects, undo and redo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-store"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-dates.h"
#include "baton-storage-pg.h"
#include "baton-store-internal.h"

/* Changes ---------------------------------------------------------------- */

GValue *
_baton_store_snapshot_record (BatonRecord *record)
{
  const BatonRecordSchema *schema = baton_record_get_schema (record);
  GValue *values = g_new0 (GValue, schema->n_fields);

  for (guint i = 0; i < schema->n_fields; i++)
    baton_record_get_field_value (record, &schema->fields[i], &values[i]);

  return values;
}

GValue *
_baton_store_copy_values (const BatonRecordSchema *schema,
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
      if (!baton_storage_insert_row (self->storage, op->schema, &op->id, to, error))
        return FALSE;
      /* The row a change inserts, not the activity it logs along. */
      if (op->schema != baton_activity_schema ())
        self->last_insert_id = op->id;
      return TRUE;

    case BATON_OP_DELETE:
      return baton_storage_delete_row (self->storage, op->schema, op->id, error);

    case BATON_OP_UPDATE:
    default:
      return baton_storage_update_row (self->storage, op->schema, op->id, from, to, error);
    }
}

static gboolean
op_moves_in_order (BatonStore *self,
                   BatonOp    *op)
{
  const BatonField *position;
  guint i;

  if (op->kind != BATON_OP_UPDATE || !_baton_store_table_for_schema (self, op->schema)->by_position)
    return FALSE;

  position = baton_record_schema_find_field (op->schema, "position");
  i = position - op->schema->fields;

  return g_value_get_int64 (&op->before[i]) != g_value_get_int64 (&op->after[i]);
}

/* Puts records whose position changed back in order in their list: all of
 * them are taken out first, so each insertion goes into a sorted list. */
void
_baton_store_resort_moved (BatonStore  *self,
                           BatonChange *change)
{
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = baton_change_get_n_ops (change);

  for (guint k = 0; k < n; k++)
    {
      BatonOp *op = baton_change_get_op (change, k);
      Table *table = _baton_store_table_for_schema (self, op->schema);
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
      Table *table = _baton_store_table_for_schema (self, baton_record_get_schema (record));

      g_list_store_insert_sorted (table->list, record, _baton_store_compare_records, table);
    }
}

/* A detached record of @schema holding @values (one per field). */
BatonRecord *
_baton_store_record_new_from_values (const BatonRecordSchema *schema,
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
  Table *table = _baton_store_table_for_schema (self, op->schema);
  const GValue *to = direction == DIRECTION_FORWARD ? op->after : op->before;
  BatonRecord *record;
  guint position;

  switch (op_effective_kind (op, direction))
    {
    case BATON_OP_INSERT:
      record = _baton_store_record_new_from_values (op->schema, op->id, to);
      g_hash_table_insert (table->by_id, id_key (op->id), record);
      _baton_store_indexes_add (self, table_id_of (self, table), record);
      g_list_store_insert_sorted (table->list, record, _baton_store_compare_records, table);
      g_object_unref (record);
      break;

    case BATON_OP_DELETE:
      record = table_lookup (table, op->id);
      g_return_if_fail (record != NULL);
      _baton_store_indexes_remove (self, table_id_of (self, table), record);
      g_hash_table_remove (table->by_id, id_key (op->id));
      if (_baton_store_table_find (table, record, &position))
        g_list_store_remove (table->list, position);
      break;

    case BATON_OP_UPDATE:
    default:
      record = table_lookup (table, op->id);
      g_return_if_fail (record != NULL);
      /* Regroup in the indexes: a moved task may change stage or position. */
      _baton_store_indexes_remove (self, table_id_of (self, table), record);
      g_object_freeze_notify (G_OBJECT (record));
      for (guint i = 0; i < op->schema->n_fields; i++)
        _baton_record_set_field_value (record, &op->schema->fields[i], &to[i]);
      _baton_store_indexes_add (self, table_id_of (self, table), record);
      g_object_thaw_notify (G_OBJECT (record));
      break;
    }
}

/* Rows someone else changed, as the server now has them: updates the
 * objects as a local change would (not written, not recorded). "changed"
 * is the caller's to emit. */
void
_baton_store_apply_remote (BatonStore  *self,
                           BatonChange *change)
{
  guint n = baton_change_get_n_ops (change);

  for (guint k = 0; k < n; k++)
    op_apply_memory (self, baton_change_get_op (change, k), DIRECTION_FORWARD);
  _baton_store_resort_moved (self, change);
}

/* Writes every op of @change in one transaction, then updates the objects. */
static gboolean
change_apply (BatonStore   *self,
              BatonChange  *change,
              Direction     direction,
              GError      **error)
{
  guint n = baton_change_get_n_ops (change);
  guint n_rows = 0;
  gboolean defer;

  /* A change of one row in a transaction of its own has nothing to wait
   * for; in a batch, later changes may fix what this one leaves. The
   * activity it logs needs no waiting: its task is there before the row
   * is written and after it is deleted. (Deferring costs: it makes
   * SQLite compile its statements again.) */
  for (guint k = 0; k < n && n_rows < 2; k++)
    if (baton_change_get_op (change, k)->schema != baton_activity_schema ())
      n_rows++;
  defer = n_rows > 1 || baton_storage_get_depth (self->storage) > 0;

  if (!baton_storage_begin (self->storage, error))
    return FALSE;

  /* Rows that come back together (an undone delete) may reference each
   * other in any order: check the keys when the transaction commits. */
  if (defer && !baton_storage_defer_references (self->storage, error))
    {
      baton_storage_rollback (self->storage);
      return FALSE;
    }

  for (guint k = 0; k < n; k++)
    {
      BatonOp *op = baton_change_get_op (change, direction == DIRECTION_FORWARD ? k : n - 1 - k);

      if (!op_apply_sql (self, op, direction, error))
        {
          baton_storage_rollback (self->storage);
          return FALSE;
        }
    }

  if (!baton_storage_commit (self->storage, error))
    return FALSE;

  for (guint k = 0; k < n; k++)
    op_apply_memory (self, baton_change_get_op (change, direction == DIRECTION_FORWARD ? k : n - 1 - k),
                     direction);
  _baton_store_resort_moved (self, change);

  /* Inside a batch, "changed" is emitted once when the batch ends. */
  if (self->batch_depth == 0)
    _baton_store_emit_changed (self, change);

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
        !baton_field_values_equal (&op->before[i], &op->after[i]))
      return FALSE;

  return TRUE;
}

/* The activity log ------------------------------------------------------ */

/* A task field as activity text: an id, a date or a time; NULL for none. */
static char *
activity_text (const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value));

  return g_value_get_int64 (value) != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value))
                                        : NULL;
}

static void
add_activity_op (BatonChange  *change,
                 gint64        task_id,
                 const char   *kind,
                 const GValue *old_value,
                 const GValue *new_value,
                 const char   *at,
                 const char   *author)
{
  const BatonRecordSchema *schema = baton_activity_schema ();
  BatonOp *op = baton_op_new (BATON_OP_INSERT, schema, 0);

  /* The fields in schema order: task-id, kind, old-value, new-value, at, author. */
  g_assert (schema->n_fields == 6);
  op->after = g_new0 (GValue, schema->n_fields);
  for (guint i = 0; i < schema->n_fields; i++)
    g_value_init (&op->after[i], baton_field_get_gtype (&schema->fields[i]));
  g_value_set_int64 (&op->after[0], task_id);
  g_value_set_static_string (&op->after[1], kind);
  g_value_take_string (&op->after[2], activity_text (old_value));
  g_value_take_string (&op->after[3], activity_text (new_value));
  g_value_set_string (&op->after[4], at);
  g_value_set_string (&op->after[5], author);

  baton_change_add_op (change, op);
}

/* The ids of the tasks @change deletes (NULL when none). */
static GHashTable *
deleted_tasks (BatonChange *change)
{
  GHashTable *ids = NULL;
  guint n = baton_change_get_n_ops (change);

  for (guint k = 0; k < n; k++)
    {
      BatonOp *op = baton_change_get_op (change, k);

      if (op->kind != BATON_OP_DELETE || op->schema != baton_task_schema ())
        continue;
      if (ids == NULL)
        ids = g_hash_table_new (NULL, NULL);
      g_hash_table_add (ids, id_key (op->id));
    }

  return ids;
}

/* For every task update of @change that moves, reassigns, reschedules,
 * completes or reopens the task, appends the insert of its activity row,
 * so that the rows are written in the change's transaction and undone
 * and redone with it. The time is the task's new updated-at. */
void
_baton_store_log_activity (BatonStore  *self,
                           BatonChange *change)
{
  static const struct { const char *field; const char *kind; } logged[] = {
    { "stage-id", BATON_ACTIVITY_STAGE },
    { "assignee-id", BATON_ACTIVITY_ASSIGNEE },
    { "start-date", BATON_ACTIVITY_START_DATE },
    { "due-date", BATON_ACTIVITY_DUE_DATE },
  };
  const BatonRecordSchema *tasks = baton_task_schema ();
  guint n = baton_change_get_n_ops (change);
  guint updated_at = baton_record_schema_find_field (tasks, "updated-at") - tasks->fields;
  guint completed_at = baton_record_schema_find_field (tasks, "completed-at") - tasks->fields;
  g_autofree char *now = NULL;
  /* A task the change also deletes has no activity left to log. */
  g_autoptr(GHashTable) deleted = deleted_tasks (change);

  for (guint k = 0; k < n; k++)
    {
      BatonOp *op = baton_change_get_op (change, k);
      const char *at;
      const GValue *before, *after;

      if (op->kind != BATON_OP_UPDATE || op->schema != tasks)
        continue;
      if (deleted != NULL && g_hash_table_contains (deleted, id_key (op->id)))
        continue;

      at = g_value_get_string (&op->after[updated_at]);
      if (at == NULL)
        at = now != NULL ? now : (now = baton_timestamp_now ());

      for (guint f = 0; f < G_N_ELEMENTS (logged); f++)
        {
          guint i = baton_record_schema_find_field (tasks, logged[f].field) - tasks->fields;

          if (!baton_field_values_equal (&op->before[i], &op->after[i]))
            add_activity_op (change, op->id, logged[f].kind, &op->before[i], &op->after[i], at,
                           baton_store_get_author (self));
        }

      before = &op->before[completed_at];
      after = &op->after[completed_at];
      if (!baton_field_values_equal (before, after))
        add_activity_op (change, op->id,
                         g_value_get_string (after) != NULL ? BATON_ACTIVITY_COMPLETED : BATON_ACTIVITY_REOPENED,
                         before, after, at, baton_store_get_author (self));
    }
}

/* Applies a new change and records it (in the history or the open batch). */
gboolean
_baton_store_change_commit (BatonStore   *self,
                            BatonChange  *change,
                            GError      **error)
{
  g_autoptr(BatonChange) owned = change;

  /* Refused even when it would change nothing, so that a read-only
   * workspace answers every mutation the same way. */
  if (!baton_storage_check_writable (self->storage, error))
    return FALSE;

  /* A worker's store stops at the first change after a cancel. */
  if (self->interrupt != NULL && g_cancellable_set_error_if_cancelled (self->interrupt, error))
    return FALSE;

  for (guint k = baton_change_get_n_ops (change); k > 0; k--)
    if (op_is_noop (baton_change_get_op (change, k - 1)))
      baton_change_remove_op (change, k - 1);

  if (baton_change_get_n_ops (change) == 0)
    return TRUE;

  _baton_store_log_activity (self, change);

  if (!_baton_store_check_change_rules (self, change, error))
    return FALSE;

  if (!change_apply (self, change, DIRECTION_FORWARD, error))
    return FALSE;

  if (self->progress_func != NULL)
    {
      self->n_written += baton_change_get_n_ops (change);
      self->progress_func (self->n_written, self->progress_data);
    }

  /* A batch keeps every change, recorded or not, so that a failing batch
   * can put the objects back as they were. */
  if (self->batch_depth > 0)
    baton_change_merge (self->batch_change, g_steal_pointer (&owned));
  else
    baton_history_push (self->history, g_steal_pointer (&owned));

  return TRUE;
}

/* Changes another connection wrote --------------------------------------- */

/* Whether the objects hold what @op found in the file before it. */
static gboolean
op_matches_objects (BatonStore *self,
                    BatonOp    *op)
{
  Table *table = _baton_store_table_for_schema (self, op->schema);
  BatonRecord *record = table_lookup (table, op->id);

  if (op->kind == BATON_OP_INSERT)
    return record == NULL;

  if (record == NULL)
    return FALSE;

  for (guint i = 0; i < op->schema->n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      gboolean same;

      baton_record_get_field_value (record, &op->schema->fields[i], &value);
      same = baton_field_values_equal (&value, &op->before[i]);
      if (!same)
        return FALSE;
    }

  return TRUE;
}

gboolean
baton_store_adopt_change (BatonStore   *self,
                          BatonChange  *change,
                          gboolean     *adopted_as_undo,
                          GError      **error)
{
  g_autoptr(BatonChange) owned = change;
  guint n;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);
  g_return_val_if_fail (self->batch_depth == 0, FALSE);

  if (adopted_as_undo != NULL)
    *adopted_as_undo = FALSE;

  n = baton_change_get_n_ops (change);
  for (guint k = 0; k < n; k++)
    {
      BatonOp *op = baton_change_get_op (change, k);

      if (!op_matches_objects (self, op))
        {
          g_debug ("Reading the workspace again: row %" G_GINT64_FORMAT " of %s changed meanwhile",
                   op->id, op->schema->table);
          return _baton_store_reload (self, error);
        }
      op_apply_memory (self, op, DIRECTION_FORWARD);
    }
  _baton_store_resort_moved (self, change);

  baton_history_push (self->history, g_steal_pointer (&owned));
  _baton_store_emit_changed (self, change);

  if (adopted_as_undo != NULL)
    *adopted_as_undo = TRUE;

  return TRUE;
}

/* Undo and redo ---------------------------------------------------------- */

/* A row's name for people: its title or name field, or NULL. */
static const char *
record_display_name (BatonRecord *record)
{
  const BatonRecordSchema *schema = baton_record_get_schema (record);
  const BatonField *field = baton_record_schema_find_field (schema, "title");

  if (field == NULL || field->kind != BATON_FIELD_NAME)
    field = baton_record_schema_find_field (schema, "name");
  if (field == NULL)
    field = baton_record_schema_find_field (schema, "title");
  if (field == NULL)
    return NULL;

  return baton_record_get_str_field (record, field);
}

/* Whether @record holds @values, updated-at aside (a touch is no change). */
static gboolean
record_holds (BatonRecord  *record,
              const GValue *values)
{
  const BatonRecordSchema *schema = baton_record_get_schema (record);

  for (guint i = 0; i < schema->n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (strcmp (schema->fields[i].name, "updated-at") == 0)
        continue;
      baton_record_get_field_value (record, &schema->fields[i], &value);
      if (!baton_field_values_equal (&value, &values[i]))
        return FALSE;
    }

  return TRUE;
}

/* Undo (@direction BACKWARD) or redo of @change puts its rows back as it
 * found or left them. Someone else (another coordinator of a team
 * workspace) may have changed them since: then it would overwrite their
 * change, and it is refused, naming who. Each row is checked against the
 * last state the change left it in (the first it found, for redo). */
static gboolean
check_rows_unchanged_since (BatonStore   *self,
                            BatonChange  *change,
                            Direction     direction,
                            GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  guint n = baton_change_get_n_ops (change);

  for (guint k = 0; k < n; k++)
    {
      /* The row's last op for undo, its first for redo. */
      BatonOp *op = baton_change_get_op (change, direction == DIRECTION_BACKWARD ? n - 1 - k : k);
      Table *table = _baton_store_table_for_schema (self, op->schema);
      BatonRecord *record = table_lookup (table, op->id);
      const GValue *expected;
      gboolean present_expected;
      char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, op->schema->table, op->id);
      g_autofree char *who = NULL;
      const char *name;

      g_ptr_array_add (keys, key);
      if (!g_hash_table_add (seen, key))
        continue;

      if (direction == DIRECTION_BACKWARD)
        {
          present_expected = op->kind != BATON_OP_DELETE;
          expected = op->after;
        }
      else
        {
          present_expected = op->kind != BATON_OP_INSERT;
          expected = op->before;
        }

      if (present_expected ? (record != NULL && record_holds (record, expected)) : record == NULL)
        continue;

      if (_baton_store_is_team (self))
        who = baton_storage_pg_last_author (self->storage, op->schema, op->id);
      name = record != NULL ? record_display_name (record) : NULL;
      if (who == NULL)
        who = g_strdup (_("Someone else"));

      if (name != NULL && direction == DIRECTION_BACKWARD)
        /* TRANSLATORS: someone (a login name) changed a task (its title) */
        g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CONFLICT,
                     _("%s changed “%s” since; undo would overwrite it."), who, name);
      else if (name != NULL)
        g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CONFLICT,
                     _("%s changed “%s” since; redo would overwrite it."), who, name);
      else if (direction == DIRECTION_BACKWARD)
        g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CONFLICT,
                     _("%s changed this since; undo would overwrite it."), who);
      else
        g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CONFLICT,
                     _("%s changed this since; redo would overwrite it."), who);
      return FALSE;
    }

  return TRUE;
}

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

  /* A step that would overwrite someone else's change can never be
   * undone: it leaves the history, so the one before it comes next. */
  if (!check_rows_unchanged_since (self, change, DIRECTION_BACKWARD, error))
    {
      baton_change_free (baton_history_take_undo (self->history));
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

  if (!check_rows_unchanged_since (self, change, DIRECTION_FORWARD, error))
    return FALSE;

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
  BatonChange *pushed = NULL;   /* the history holds it */
  BatonChange *change;
  gboolean outer_records;
  gboolean records;
  gboolean ok;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!baton_storage_begin (self->storage, error))
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

  if (ok && baton_storage_commit (self->storage, error))
    {
      if (outer_change != NULL)
        baton_change_merge (outer_change, change);
      else if (records && baton_change_get_n_ops (change) > 0)
        {
          baton_history_push (self->history, change);
          if (baton_history_peek_undo (self->history) == change)
            pushed = change;
        }
      else
        baton_change_free (change);
    }
  else
    {
      guint n = baton_change_get_n_ops (change);

      if (baton_storage_get_depth (self->storage) > self->batch_depth)
        baton_storage_rollback (self->storage);

      /* The database is back as it was: take the objects back the same
       * way, so that pointers held by callers stay valid. */
      for (guint k = n; k > 0; k--)
        op_apply_memory (self, baton_change_get_op (change, k - 1), DIRECTION_BACKWARD);
      _baton_store_resort_moved (self, change);
      baton_change_free (change);
      ok = FALSE;
    }

  if (self->batch_depth == 0)
    _baton_store_emit_changed (self, pushed);

  return ok;
}
