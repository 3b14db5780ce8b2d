/* baton-store-tasks.c — clients, programs, stages, tasks and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-store"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-dates.h"
#include "baton-store-internal.h"

/* Clients and programs --------------------------------------------------- */

BatonClient *
baton_store_create_client (BatonStore  *self,
                           const char  *name,
                           const char  *organization,
                           GError     **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  _baton_store_props_str (&props, "name", name);
  _baton_store_props_str (&props, "organization", organization);

  return _baton_store_insert_record (self, BATON_TYPE_CLIENT, _("Add client"), props.n, props.names, props.values, error);
}

BatonProgram *
baton_store_create_program (BatonStore   *self,
                            BatonClient  *client,
                            const char   *name,
                            GError      **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  if (!_baton_store_record_is_ours (self, client, error))
    return NULL;

  _baton_store_props_int (&props, "client-id", baton_record_get_id (BATON_RECORD (client)));
  _baton_store_props_str (&props, "name", name);

  return _baton_store_insert_record (self, BATON_TYPE_PROGRAM, _("Add program"), props.n, props.names, props.values, error);
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

  _baton_store_props_str (&props, "name", name);
  _baton_store_props_int (&props, "wip-limit", wip_limit);
  _baton_store_props_int (&props, "position", _baton_store_position_after (_baton_store_max_position (&self->tables[TABLE_STAGES]), 1));

  return _baton_store_insert_record (self, BATON_TYPE_STAGE, _("Add stage"), props.n, props.names, props.values, error);
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

  label = _baton_store_label_for (_("Move “%s”"), BATON_RECORD (stage));
  return _baton_store_move_in_order (self, &self->tables[TABLE_STAGES], BATON_RECORD (stage), index, label, error);
}

GPtrArray *
baton_store_get_stage_tasks (BatonStore *self,
                             BatonStage *stage)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);
  g_return_val_if_fail (BATON_IS_STAGE (stage), NULL);

  return _baton_store_index_get (&self->indexes[INDEX_TASKS_BY_STAGE], baton_record_get_id (BATON_RECORD (stage)));
}

GPtrArray *
baton_store_get_task_checklist (BatonStore *self,
                                BatonTask  *task)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);
  g_return_val_if_fail (BATON_IS_TASK (task), NULL);

  return _baton_store_index_get (&self->indexes[INDEX_CHECKLIST_BY_TASK], baton_record_get_id (BATON_RECORD (task)));
}

GPtrArray *
baton_store_get_task_activity (BatonStore *self,
                               BatonTask  *task)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);
  g_return_val_if_fail (BATON_IS_TASK (task), NULL);

  return _baton_store_index_get (&self->indexes[INDEX_ACTIVITY_BY_TASK], baton_record_get_id (BATON_RECORD (task)));
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

  table = _baton_store_table_for_type (self, type);
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

  op->before = _baton_store_snapshot_record (BATON_RECORD (task));
  op->after = _baton_store_copy_values (schema, op->before);
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
void
_baton_store_plan_task_move (BatonStore  *self,
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
          other->before = _baton_store_snapshot_record (BATON_RECORD (row));
          other->after = _baton_store_copy_values (other->schema, other->before);
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

  if (!_baton_store_record_is_ours (self, stage, error))
    return FALSE;
  if (move_tasks_to != NULL && !_baton_store_record_is_ours (self, move_tasks_to, error))
    return FALSE;
  if (move_tasks_to == stage)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   _("The cards of a deleted stage must move to another stage."));
      return FALSE;
    }
  label = _baton_store_label_for (_("Delete “%s”"), BATON_RECORD (stage));
  change = baton_change_new (label);
  tasks = baton_store_get_stage_tasks (self, stage);

  if (move_tasks_to != NULL)
    {
      g_autoptr(GPtrArray) target = baton_store_get_stage_tasks (self, move_tasks_to);
      gint64 position = target->len > 0 ? baton_task_get_position (g_ptr_array_index (target, target->len - 1)) : 0;

      for (guint i = 0; i < tasks->len; i++)
        {
          BatonOp *op = task_op (g_ptr_array_index (tasks, i));

          position = _baton_store_position_after (position, TASK_POSITION_GAP);
          set_task_stage (op, stage, move_tasks_to);
          g_value_set_int64 (op_field (op, "position"), position);
          baton_change_add_op (change, op);
        }
    }
  else
    {
      for (guint i = 0; i < tasks->len; i++)
        {
          g_autoptr(BatonChange) task_removal = _baton_store_change_for_delete (self, g_ptr_array_index (tasks, i), NULL, error);

          if (task_removal == NULL)
            return FALSE;
          baton_change_merge (change, g_steal_pointer (&task_removal));
        }
    }

  /* The stage's own row: its tasks are accounted for above. */
  {
    BatonOp *op = baton_op_new (BATON_OP_DELETE, baton_stage_schema (), baton_record_get_id (BATON_RECORD (stage)));
    op->before = _baton_store_snapshot_record (BATON_RECORD (stage));
    baton_change_add_op (change, op);
  }

  return _baton_store_change_commit (self, g_steal_pointer (&change), error);
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

  if (!_baton_store_record_is_ours (self, stage, error))
    return NULL;
  if (program != NULL && !_baton_store_record_is_ours (self, program, error))
    return NULL;

  order = baton_store_get_stage_tasks (self, stage);

  _baton_store_props_int (&props, "stage-id", baton_record_get_id (BATON_RECORD (stage)));
  _baton_store_props_int (&props, "program-id", program ? baton_record_get_id (BATON_RECORD (program)) : 0);
  _baton_store_props_str (&props, "title", title);
  _baton_store_props_int (&props, "position",
             _baton_store_position_after (order->len > 0 ? baton_task_get_position (g_ptr_array_index (order, order->len - 1)) : 0,
                             TASK_POSITION_GAP));
  if (baton_stage_get_is_done (stage))
    {
      g_autofree char *now = baton_timestamp_now ();
      _baton_store_props_str (&props, "completed-at", now);
    }

  return _baton_store_insert_record (self, BATON_TYPE_TASK, _("Add card"), props.n, props.names, props.values, error);
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

  if (!_baton_store_record_is_ours (self, task, error) || !_baton_store_record_is_ours (self, stage, error))
    return FALSE;
  if (before != NULL)
    {
      if (!_baton_store_record_is_ours (self, before, error))
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

  label = _baton_store_label_for (_("Move “%s”"), BATON_RECORD (task));
  change = baton_change_new (label);
  _baton_store_plan_task_move (self, change, task, stage, before);

  return _baton_store_change_commit (self, g_steal_pointer (&change), error);
}

static gboolean
task_update_simple (BatonStore  *self,
                    BatonTask   *task,
                    const char  *format,
                    Props       *props,
                    GError     **error)
{
  g_autofree char *label = NULL;

  if (!_baton_store_record_is_ours (self, task, error))
    return FALSE;

  label = _baton_store_label_for (format, BATON_RECORD (task));
  return _baton_store_update_record (self, task, label, props->n, props->names, props->values, error);
}

gboolean
baton_store_reassign_task (BatonStore   *self,
                           BatonTask    *task,
                           BatonPerson  *person,
                           GError      **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  if (person != NULL && !_baton_store_record_is_ours (self, person, error))
    return FALSE;

  _baton_store_props_int (&props, "assignee-id", person ? baton_record_get_id (BATON_RECORD (person)) : 0);
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

  _baton_store_props_str (&props, "start-date", start_date);
  _baton_store_props_str (&props, "due-date", due_date);
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
  _baton_store_props_str (props, "start-date", start);
  _baton_store_props_str (props, "due-date", due);

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

  if (!_baton_store_record_is_ours (self, task, error))
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

  if (!_baton_store_record_is_ours (self, task, error))
    return FALSE;
  if (person != NULL && !_baton_store_record_is_ours (self, person, error))
    return FALSE;

  _baton_store_props_int (&props, "assignee-id", person ? baton_record_get_id (BATON_RECORD (person)) : 0);
  if (weeks != 0 && !add_reschedule (task, weeks, &props, error))
    return FALSE;

  return task_update_simple (self, task, _("Reassign “%s”"), &props, error);
}

static gboolean
task_move_is_stale (BatonTask           *task,
                    const BatonTaskMove *move)
{
  return g_strcmp0 (baton_task_get_updated_at (task), move->updated_at) != 0 ||
         baton_task_get_assignee_id (task) != move->from_assignee_id ||
         g_strcmp0 (baton_task_get_start_date (task), move->from_start_date) != 0 ||
         g_strcmp0 (baton_task_get_due_date (task), move->from_due_date) != 0 ||
         baton_task_get_estimate_minutes (task) != move->from_estimate_minutes;
}

gboolean
baton_store_move_tasks (BatonStore          *self,
                        const BatonTaskMove *moves,
                        guint                n_moves,
                        const char          *label,
                        GError             **error)
{
  g_autoptr(BatonChange) change = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);
  g_return_val_if_fail (moves != NULL || n_moves == 0, FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (n_moves == 0)
    return TRUE;

  change = baton_change_new (label);
  for (guint i = 0; i < n_moves; i++)
    {
      const BatonTaskMove *move = &moves[i];
      g_auto(Props) props = { 0 };
      BatonOp *op;

      if (!_baton_store_record_is_ours (self, move->task, error))
        return FALSE;
      if (task_move_is_stale (move->task, move) || g_hash_table_contains (seen, move->task))
        {
          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_STALE,
                       _("“%s” changed since the moves were proposed. Nothing was changed; propose them again."),
                       baton_task_get_title (move->task));
          return FALSE;
        }
      g_hash_table_add (seen, move->task);
      if (move->assignee_id != 0)
        {
          BatonPerson *person = baton_store_lookup_person (self, move->assignee_id);

          if (person == NULL)
            {
              g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND,
                                   _("The person no longer exists (they may have been deleted)."));
              return FALSE;
            }
          if (baton_person_get_archived (person))
            {
              g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("%s is archived and cannot take tasks."), baton_person_get_name (person));
              return FALSE;
            }
        }

      _baton_store_props_int (&props, "assignee-id", move->assignee_id);
      _baton_store_props_str (&props, "start-date", move->start_date);
      _baton_store_props_str (&props, "due-date", move->due_date);
      if (!(op = _baton_store_update_op (self, BATON_RECORD (move->task), props.n, props.names, props.values, error)))
        return FALSE;
      baton_change_add_op (change, op);
    }

  return _baton_store_change_commit (self, g_steal_pointer (&change), error);
}

gboolean
baton_store_archive_task (BatonStore  *self,
                          BatonTask   *task,
                          gboolean     archived,
                          GError     **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  _baton_store_props_bool (&props, "archived", archived);
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

  if (!_baton_store_record_is_ours (self, task, error))
    return NULL;

  items = baton_store_get_task_checklist (self, task);
  for (guint i = 0; i < items->len; i++)
    position = MAX (position, _baton_store_position_after (baton_checklist_item_get_position (g_ptr_array_index (items, i)), 1));

  _baton_store_props_int (&props, "task-id", baton_record_get_id (BATON_RECORD (task)));
  _baton_store_props_str (&props, "text", text);
  _baton_store_props_int (&props, "position", position);

  return _baton_store_insert_record (self, BATON_TYPE_CHECKLIST_ITEM, _("Add checklist item"),
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

  if (!_baton_store_record_is_ours (self, client, error))
    return NULL;
  if (program != NULL && !_baton_store_record_is_ours (self, program, error))
    return NULL;

  _baton_store_props_int (&props, "client-id", baton_record_get_id (BATON_RECORD (client)));
  _baton_store_props_int (&props, "program-id", program ? baton_record_get_id (BATON_RECORD (program)) : 0);
  _baton_store_props_str (&props, "title", title);
  _baton_store_props_str_borrowed (&props, "body", body);

  return _baton_store_insert_record (self, BATON_TYPE_NOTE, _("Add note"), props.n, props.names, props.values, error);
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

  if (!_baton_store_record_is_ours (self, note, error))
    return FALSE;

  if (g_strcmp0 (title, baton_note_get_title (note)) == 0 &&
      g_strcmp0 (body, baton_note_get_body (note)) == 0)
    return TRUE;

  _baton_store_props_str (&props, "title", title);
  _baton_store_props_str_borrowed (&props, "body", body);
  if (!(op = _baton_store_update_op (self, BATON_RECORD (note), props.n, props.names, props.values, error)))
    return FALSE;

  label = _baton_store_label_for (_("Edit “%s”"), BATON_RECORD (note));
  change = baton_change_new (label);
  baton_change_add_op (change, op);

  if (keep_revision && g_strcmp0 (body, baton_note_get_body (note)) != 0 &&
      baton_note_get_body (note) != NULL)
    {
      g_auto(Props) revision = { 0 };
      g_autofree char *now = baton_timestamp_now ();
      BatonChange *insert;

      _baton_store_props_int (&revision, "note-id", baton_record_get_id (BATON_RECORD (note)));
      _baton_store_props_str_borrowed (&revision, "body", baton_note_get_body (note));
      _baton_store_props_str (&revision, "saved-at", now);
      if (!(insert = _baton_store_change_for_insert (self, BATON_TYPE_NOTE_REVISION, NULL,
                                        revision.n, revision.names, revision.values, error)))
        return FALSE;
      baton_change_merge (change, insert);
    }

  return _baton_store_change_commit (self, g_steal_pointer (&change), error);
}
