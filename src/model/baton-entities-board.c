/* baton-entities-board.c — the board's records: stages, tasks, checklist items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-entities"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-entities.h"
#include "baton-dates.h"

struct _BatonStage
{
  BatonRecord parent_instance;

  char *name;
  gint64 position;
  gint64 wip_limit;
  gboolean is_done;
};

static const BatonField stage_fields[] = {
  { "name", "name", BATON_FIELD_NAME, G_STRUCT_OFFSET (BatonStage, name), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("name") },
  { "position", "position", BATON_FIELD_INT, G_STRUCT_OFFSET (BatonStage, position), NULL, FALSE, BATON_ON_DELETE_RESTRICT, BATON_MAX_POSITION, N_("position") },
  { "wip-limit", "wip_limit", BATON_FIELD_INT, G_STRUCT_OFFSET (BatonStage, wip_limit), NULL, FALSE, BATON_ON_DELETE_RESTRICT, BATON_MAX_WIP_LIMIT, N_("WIP limit") },
  { "is-done", "is_done", BATON_FIELD_BOOL, G_STRUCT_OFFSET (BatonStage, is_done), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("is done") },
};

static const BatonRecordSchema stage_schema = {
  "stages", N_("stage"), baton_stage_get_type,
  stage_fields, G_N_ELEMENTS (stage_fields), NULL,
};

G_DEFINE_FINAL_TYPE (BatonStage, baton_stage, BATON_TYPE_RECORD)

static void
baton_stage_class_init (BatonStageClass *klass)
{
  baton_record_class_set_schema (BATON_RECORD_CLASS (klass), &stage_schema);
}

static void
baton_stage_init (BatonStage *self)
{
}

const BatonRecordSchema *
baton_stage_schema (void)
{
  return &stage_schema;
}

const char *
baton_stage_get_name (BatonStage *self)
{
  g_return_val_if_fail (BATON_IS_STAGE (self), NULL);
  return self->name;
}

gint64
baton_stage_get_position (BatonStage *self)
{
  g_return_val_if_fail (BATON_IS_STAGE (self), 0);
  return self->position;
}

gint64
baton_stage_get_wip_limit (BatonStage *self)
{
  g_return_val_if_fail (BATON_IS_STAGE (self), 0);
  return self->wip_limit;
}

gboolean
baton_stage_get_is_done (BatonStage *self)
{
  g_return_val_if_fail (BATON_IS_STAGE (self), 0);
  return self->is_done;
}

struct _BatonTask
{
  BatonRecord parent_instance;

  gint64 program_id;
  gint64 stage_id;
  gint64 position;
  char *title;
  char *description;
  gint64 role_id;
  gint64 assignee_id;
  gint64 estimate_minutes;
  char *start_date;
  char *due_date;
  gint64 priority;
  char *created_at;
  char *updated_at;
  char *completed_at;
  gboolean archived;
  gint64 note_id;
  char *external_id;
  gboolean pinned;

  /* Derived: the dates as julian days (0 = none), for the capacity
   * computation, which reads them for every task on every change. */
  guint32 start_day;
  guint32 due_day;
};

static const BatonField task_fields[] = {
  { "program-id", "program_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonTask, program_id), "programs", FALSE, BATON_ON_DELETE_CASCADE, 0, N_("program") },
  { "stage-id", "stage_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonTask, stage_id), "stages", TRUE, BATON_ON_DELETE_RESTRICT, 0, N_("stage") },
  { "position", "position", BATON_FIELD_INT, G_STRUCT_OFFSET (BatonTask, position), NULL, FALSE, BATON_ON_DELETE_RESTRICT, BATON_MAX_POSITION, N_("position") },
  { "title", "title", BATON_FIELD_NAME, G_STRUCT_OFFSET (BatonTask, title), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("title") },
  { "description", "description", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonTask, description), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("description") },
  { "role-id", "role_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonTask, role_id), "roles", FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("role") },
  { "assignee-id", "assignee_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonTask, assignee_id), "people", FALSE, BATON_ON_DELETE_SET_NULL, 0, N_("assignee") },
  { "estimate-minutes", "estimate_minutes", BATON_FIELD_MINUTES, G_STRUCT_OFFSET (BatonTask, estimate_minutes), NULL, FALSE, BATON_ON_DELETE_RESTRICT, BATON_MAX_ESTIMATE_MINUTES, N_("estimate") },
  { "start-date", "start_date", BATON_FIELD_DATE, G_STRUCT_OFFSET (BatonTask, start_date), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("start date") },
  { "due-date", "due_date", BATON_FIELD_DATE, G_STRUCT_OFFSET (BatonTask, due_date), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("due date") },
  { "priority", "priority", BATON_FIELD_INT, G_STRUCT_OFFSET (BatonTask, priority), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 3, N_("priority") },
  { "created-at", "created_at", BATON_FIELD_TIMESTAMP, G_STRUCT_OFFSET (BatonTask, created_at), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("created at") },
  { "updated-at", "updated_at", BATON_FIELD_TIMESTAMP, G_STRUCT_OFFSET (BatonTask, updated_at), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("updated at") },
  { "completed-at", "completed_at", BATON_FIELD_TIMESTAMP, G_STRUCT_OFFSET (BatonTask, completed_at), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("completed at") },
  { "archived", "archived", BATON_FIELD_BOOL, G_STRUCT_OFFSET (BatonTask, archived), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("archived") },
  /* Schema 3: the note a task was promoted from. */
  { "note-id", "note_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonTask, note_id), "notes", FALSE, BATON_ON_DELETE_SET_NULL, 0, N_("note") },
  /* Schema 6: the id of the card this task was imported from. */
  { "external-id", "external_id", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonTask, external_id), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("external id") },
  /* Schema 8: a pinned task is never moved by a rebalance. */
  { "pinned", "pinned", BATON_FIELD_BOOL, G_STRUCT_OFFSET (BatonTask, pinned), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("pinned") },
};

static gboolean
task_validate (BatonRecord  *candidate,
               GError      **error)
{
  BatonTask *self = BATON_TASK (candidate);

  return baton_date_range_validate (self->start_date, self->due_date, error);
}

static const BatonRecordSchema task_schema = {
  "tasks", N_("task"), baton_task_get_type,
  task_fields, G_N_ELEMENTS (task_fields), task_validate,
};

G_DEFINE_FINAL_TYPE (BatonTask, baton_task, BATON_TYPE_RECORD)

static void
baton_task_field_changed (BatonRecord      *record,
                          const BatonField *field)
{
  BatonTask *self = BATON_TASK (record);

  if (field->offset == G_STRUCT_OFFSET (BatonTask, start_date) &&
      !baton_date_parse (self->start_date, &self->start_day))
    self->start_day = 0;
  else if (field->offset == G_STRUCT_OFFSET (BatonTask, due_date) &&
           !baton_date_parse (self->due_date, &self->due_day))
    self->due_day = 0;
}

static void
baton_task_class_init (BatonTaskClass *klass)
{
  baton_record_class_set_schema (BATON_RECORD_CLASS (klass), &task_schema);
  BATON_RECORD_CLASS (klass)->field_changed = baton_task_field_changed;
}

static void
baton_task_init (BatonTask *self)
{
}

const BatonRecordSchema *
baton_task_schema (void)
{
  return &task_schema;
}

gint64
baton_task_get_program_id (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), 0);
  return self->program_id;
}

gint64
baton_task_get_stage_id (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), 0);
  return self->stage_id;
}

gint64
baton_task_get_position (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), 0);
  return self->position;
}

const char *
baton_task_get_title (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), NULL);
  return self->title;
}

const char *
baton_task_get_description (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), NULL);
  return self->description;
}

gint64
baton_task_get_role_id (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), 0);
  return self->role_id;
}

gint64
baton_task_get_assignee_id (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), 0);
  return self->assignee_id;
}

gint64
baton_task_get_estimate_minutes (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), 0);
  return self->estimate_minutes;
}

const char *
baton_task_get_start_date (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), NULL);
  return self->start_date;
}

const char *
baton_task_get_due_date (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), NULL);
  return self->due_date;
}

gint64
baton_task_get_priority (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), 0);
  return self->priority;
}

const char *
baton_task_get_created_at (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), NULL);
  return self->created_at;
}

const char *
baton_task_get_updated_at (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), NULL);
  return self->updated_at;
}

const char *
baton_task_get_completed_at (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), NULL);
  return self->completed_at;
}

gboolean
baton_task_get_archived (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), 0);
  return self->archived;
}

/* The start date as a julian day, or 0 without one. */
guint32
baton_task_get_start_day (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), 0);
  return self->start_day;
}

/* The due date as a julian day, or 0 without one. */
guint32
baton_task_get_due_day (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), 0);
  return self->due_day;
}

gint64
baton_task_get_note_id (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), 0);
  return self->note_id;
}

/* The id of the card the task was imported from (a Trello card id), or NULL. */
const char *
baton_task_get_external_id (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), NULL);
  return self->external_id;
}

/* Whether a rebalance must leave the task where it is (its person, its dates). */
gboolean
baton_task_get_pinned (BatonTask *self)
{
  g_return_val_if_fail (BATON_IS_TASK (self), FALSE);
  return self->pinned;
}

struct _BatonChecklistItem
{
  BatonRecord parent_instance;

  gint64 task_id;
  char *text;
  gboolean done;
  gint64 position;
};

static const BatonField checklist_item_fields[] = {
  { "task-id", "task_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonChecklistItem, task_id), "tasks", TRUE, BATON_ON_DELETE_CASCADE, 0, N_("task") },
  { "text", "text", BATON_FIELD_NAME, G_STRUCT_OFFSET (BatonChecklistItem, text), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("text") },
  { "done", "done", BATON_FIELD_BOOL, G_STRUCT_OFFSET (BatonChecklistItem, done), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("done") },
  { "position", "position", BATON_FIELD_INT, G_STRUCT_OFFSET (BatonChecklistItem, position), NULL, FALSE, BATON_ON_DELETE_RESTRICT, BATON_MAX_POSITION, N_("position") },
};

static const BatonRecordSchema checklist_item_schema = {
  "checklist_items", N_("checklist item"), baton_checklist_item_get_type,
  checklist_item_fields, G_N_ELEMENTS (checklist_item_fields), NULL,
};

G_DEFINE_FINAL_TYPE (BatonChecklistItem, baton_checklist_item, BATON_TYPE_RECORD)

static void
baton_checklist_item_class_init (BatonChecklistItemClass *klass)
{
  baton_record_class_set_schema (BATON_RECORD_CLASS (klass), &checklist_item_schema);
}

static void
baton_checklist_item_init (BatonChecklistItem *self)
{
}

const BatonRecordSchema *
baton_checklist_item_schema (void)
{
  return &checklist_item_schema;
}

gint64
baton_checklist_item_get_task_id (BatonChecklistItem *self)
{
  g_return_val_if_fail (BATON_IS_CHECKLIST_ITEM (self), 0);
  return self->task_id;
}

const char *
baton_checklist_item_get_text (BatonChecklistItem *self)
{
  g_return_val_if_fail (BATON_IS_CHECKLIST_ITEM (self), NULL);
  return self->text;
}

gboolean
baton_checklist_item_get_done (BatonChecklistItem *self)
{
  g_return_val_if_fail (BATON_IS_CHECKLIST_ITEM (self), 0);
  return self->done;
}

gint64
baton_checklist_item_get_position (BatonChecklistItem *self)
{
  g_return_val_if_fail (BATON_IS_CHECKLIST_ITEM (self), 0);
  return self->position;
}
