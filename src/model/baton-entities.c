/* baton-entities.c — the records of a workspace, described once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-entities"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-entities.h"
#include "baton-dates.h"
#include "baton-validate.h"

struct _BatonRole
{
  BatonRecord parent_instance;

  char *name;
  char *color;
  gint64 position;
};

static const BatonField role_fields[] = {
  { "name", "name", BATON_FIELD_NAME, G_STRUCT_OFFSET (BatonRole, name), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("name") },
  { "color", "color", BATON_FIELD_COLOR, G_STRUCT_OFFSET (BatonRole, color), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("color") },
  { "position", "position", BATON_FIELD_INT, G_STRUCT_OFFSET (BatonRole, position), NULL, FALSE, BATON_ON_DELETE_RESTRICT, BATON_MAX_POSITION, N_("position") },
};

static const BatonRecordSchema role_schema = {
  "roles", N_("role"), baton_role_get_type,
  role_fields, G_N_ELEMENTS (role_fields), NULL,
};

G_DEFINE_FINAL_TYPE (BatonRole, baton_role, BATON_TYPE_RECORD)

static void
baton_role_class_init (BatonRoleClass *klass)
{
  baton_record_class_set_schema (BATON_RECORD_CLASS (klass), &role_schema);
}

static void
baton_role_init (BatonRole *self)
{
}

const BatonRecordSchema *
baton_role_schema (void)
{
  return &role_schema;
}

const char *
baton_role_get_name (BatonRole *self)
{
  g_return_val_if_fail (BATON_IS_ROLE (self), NULL);
  return self->name;
}

const char *
baton_role_get_color (BatonRole *self)
{
  g_return_val_if_fail (BATON_IS_ROLE (self), NULL);
  return self->color;
}

gint64
baton_role_get_position (BatonRole *self)
{
  g_return_val_if_fail (BATON_IS_ROLE (self), 0);
  return self->position;
}

struct _BatonPerson
{
  BatonRecord parent_instance;

  char *name;
  char *email;
  gint64 weekly_capacity_minutes;
  char *color;
  gboolean archived;
};

static const BatonField person_fields[] = {
  { "name", "name", BATON_FIELD_NAME, G_STRUCT_OFFSET (BatonPerson, name), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("name") },
  { "email", "email", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonPerson, email), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("email") },
  { "weekly-capacity-minutes", "weekly_capacity_minutes", BATON_FIELD_MINUTES, G_STRUCT_OFFSET (BatonPerson, weekly_capacity_minutes), NULL, FALSE, BATON_ON_DELETE_RESTRICT, BATON_MAX_WEEKLY_CAPACITY_MINUTES, N_("weekly capacity") },
  { "color", "color", BATON_FIELD_COLOR, G_STRUCT_OFFSET (BatonPerson, color), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("color") },
  { "archived", "archived", BATON_FIELD_BOOL, G_STRUCT_OFFSET (BatonPerson, archived), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("archived") },
};

static const BatonRecordSchema person_schema = {
  "people", N_("person"), baton_person_get_type,
  person_fields, G_N_ELEMENTS (person_fields), NULL,
};

G_DEFINE_FINAL_TYPE (BatonPerson, baton_person, BATON_TYPE_RECORD)

static void
baton_person_class_init (BatonPersonClass *klass)
{
  baton_record_class_set_schema (BATON_RECORD_CLASS (klass), &person_schema);
}

static void
baton_person_init (BatonPerson *self)
{
}

const BatonRecordSchema *
baton_person_schema (void)
{
  return &person_schema;
}

const char *
baton_person_get_name (BatonPerson *self)
{
  g_return_val_if_fail (BATON_IS_PERSON (self), NULL);
  return self->name;
}

const char *
baton_person_get_email (BatonPerson *self)
{
  g_return_val_if_fail (BATON_IS_PERSON (self), NULL);
  return self->email;
}

gint64
baton_person_get_weekly_capacity_minutes (BatonPerson *self)
{
  g_return_val_if_fail (BATON_IS_PERSON (self), 0);
  return self->weekly_capacity_minutes;
}

const char *
baton_person_get_color (BatonPerson *self)
{
  g_return_val_if_fail (BATON_IS_PERSON (self), NULL);
  return self->color;
}

gboolean
baton_person_get_archived (BatonPerson *self)
{
  g_return_val_if_fail (BATON_IS_PERSON (self), 0);
  return self->archived;
}

struct _BatonPersonRole
{
  BatonRecord parent_instance;

  gint64 person_id;
  gint64 role_id;
  gboolean is_primary;
};

static const BatonField person_role_fields[] = {
  { "person-id", "person_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonPersonRole, person_id), "people", TRUE, BATON_ON_DELETE_CASCADE, 0, N_("person") },
  { "role-id", "role_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonPersonRole, role_id), "roles", TRUE, BATON_ON_DELETE_RESTRICT, 0, N_("role") },
  { "is-primary", "is_primary", BATON_FIELD_BOOL, G_STRUCT_OFFSET (BatonPersonRole, is_primary), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("is primary") },
};

static const BatonRecordSchema person_role_schema = {
  "person_roles", N_("role assignment"), baton_person_role_get_type,
  person_role_fields, G_N_ELEMENTS (person_role_fields), NULL,
};

G_DEFINE_FINAL_TYPE (BatonPersonRole, baton_person_role, BATON_TYPE_RECORD)

static void
baton_person_role_class_init (BatonPersonRoleClass *klass)
{
  baton_record_class_set_schema (BATON_RECORD_CLASS (klass), &person_role_schema);
}

static void
baton_person_role_init (BatonPersonRole *self)
{
}

const BatonRecordSchema *
baton_person_role_schema (void)
{
  return &person_role_schema;
}

gint64
baton_person_role_get_person_id (BatonPersonRole *self)
{
  g_return_val_if_fail (BATON_IS_PERSON_ROLE (self), 0);
  return self->person_id;
}

gint64
baton_person_role_get_role_id (BatonPersonRole *self)
{
  g_return_val_if_fail (BATON_IS_PERSON_ROLE (self), 0);
  return self->role_id;
}

gboolean
baton_person_role_get_is_primary (BatonPersonRole *self)
{
  g_return_val_if_fail (BATON_IS_PERSON_ROLE (self), 0);
  return self->is_primary;
}

struct _BatonTimeOff
{
  BatonRecord parent_instance;

  gint64 person_id;
  char *start_date;
  char *end_date;
  char *note;
};

static const BatonField time_off_fields[] = {
  { "person-id", "person_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonTimeOff, person_id), "people", TRUE, BATON_ON_DELETE_CASCADE, 0, N_("person") },
  { "start-date", "start_date", BATON_FIELD_DATE, G_STRUCT_OFFSET (BatonTimeOff, start_date), NULL, TRUE, BATON_ON_DELETE_RESTRICT, 0, N_("start date") },
  { "end-date", "end_date", BATON_FIELD_DATE, G_STRUCT_OFFSET (BatonTimeOff, end_date), NULL, TRUE, BATON_ON_DELETE_RESTRICT, 0, N_("end date") },
  { "note", "note", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonTimeOff, note), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("note") },
};

static gboolean
time_off_validate (BatonRecord  *candidate,
                   GError      **error)
{
  BatonTimeOff *self = BATON_TIME_OFF (candidate);

  return baton_date_range_validate (self->start_date, self->end_date, error);
}

static const BatonRecordSchema time_off_schema = {
  "time_off", N_("time off"), baton_time_off_get_type,
  time_off_fields, G_N_ELEMENTS (time_off_fields), time_off_validate,
};

G_DEFINE_FINAL_TYPE (BatonTimeOff, baton_time_off, BATON_TYPE_RECORD)

static void
baton_time_off_class_init (BatonTimeOffClass *klass)
{
  baton_record_class_set_schema (BATON_RECORD_CLASS (klass), &time_off_schema);
}

static void
baton_time_off_init (BatonTimeOff *self)
{
}

const BatonRecordSchema *
baton_time_off_schema (void)
{
  return &time_off_schema;
}

gint64
baton_time_off_get_person_id (BatonTimeOff *self)
{
  g_return_val_if_fail (BATON_IS_TIME_OFF (self), 0);
  return self->person_id;
}

const char *
baton_time_off_get_start_date (BatonTimeOff *self)
{
  g_return_val_if_fail (BATON_IS_TIME_OFF (self), NULL);
  return self->start_date;
}

const char *
baton_time_off_get_end_date (BatonTimeOff *self)
{
  g_return_val_if_fail (BATON_IS_TIME_OFF (self), NULL);
  return self->end_date;
}

const char *
baton_time_off_get_note (BatonTimeOff *self)
{
  g_return_val_if_fail (BATON_IS_TIME_OFF (self), NULL);
  return self->note;
}

struct _BatonClient
{
  BatonRecord parent_instance;

  char *name;
  char *organization;
  char *contact_name;
  char *email;
  char *phone;
  gboolean archived;
};

static const BatonField client_fields[] = {
  { "name", "name", BATON_FIELD_NAME, G_STRUCT_OFFSET (BatonClient, name), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("name") },
  { "organization", "organization", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonClient, organization), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("organization") },
  { "contact-name", "contact_name", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonClient, contact_name), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("contact name") },
  { "email", "email", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonClient, email), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("email") },
  { "phone", "phone", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonClient, phone), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("phone") },
  { "archived", "archived", BATON_FIELD_BOOL, G_STRUCT_OFFSET (BatonClient, archived), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("archived") },
};

static gboolean
client_validate (BatonRecord  *candidate,
                 GError      **error)
{
  BatonClient *self = BATON_CLIENT (candidate);

  return baton_validate_email (self->email, error) &&
         baton_validate_phone (self->phone, error);
}

static const BatonRecordSchema client_schema = {
  "clients", N_("client"), baton_client_get_type,
  client_fields, G_N_ELEMENTS (client_fields), client_validate,
};

G_DEFINE_FINAL_TYPE (BatonClient, baton_client, BATON_TYPE_RECORD)

static void
baton_client_class_init (BatonClientClass *klass)
{
  baton_record_class_set_schema (BATON_RECORD_CLASS (klass), &client_schema);
}

static void
baton_client_init (BatonClient *self)
{
}

const BatonRecordSchema *
baton_client_schema (void)
{
  return &client_schema;
}

const char *
baton_client_get_name (BatonClient *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT (self), NULL);
  return self->name;
}

const char *
baton_client_get_organization (BatonClient *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT (self), NULL);
  return self->organization;
}

const char *
baton_client_get_contact_name (BatonClient *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT (self), NULL);
  return self->contact_name;
}

const char *
baton_client_get_email (BatonClient *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT (self), NULL);
  return self->email;
}

const char *
baton_client_get_phone (BatonClient *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT (self), NULL);
  return self->phone;
}

gboolean
baton_client_get_archived (BatonClient *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT (self), 0);
  return self->archived;
}

struct _BatonProgram
{
  BatonRecord parent_instance;

  gint64 client_id;
  char *name;
  char *description;
  char *start_date;
  char *due_date;
  char *color;
  gboolean archived;
};

static const BatonField program_fields[] = {
  { "client-id", "client_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonProgram, client_id), "clients", TRUE, BATON_ON_DELETE_CASCADE, 0, N_("client") },
  { "name", "name", BATON_FIELD_NAME, G_STRUCT_OFFSET (BatonProgram, name), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("name") },
  { "description", "description", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonProgram, description), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("description") },
  { "start-date", "start_date", BATON_FIELD_DATE, G_STRUCT_OFFSET (BatonProgram, start_date), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("start date") },
  { "due-date", "due_date", BATON_FIELD_DATE, G_STRUCT_OFFSET (BatonProgram, due_date), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("due date") },
  { "color", "color", BATON_FIELD_COLOR, G_STRUCT_OFFSET (BatonProgram, color), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("color") },
  { "archived", "archived", BATON_FIELD_BOOL, G_STRUCT_OFFSET (BatonProgram, archived), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("archived") },
};

static gboolean
program_validate (BatonRecord  *candidate,
                  GError      **error)
{
  BatonProgram *self = BATON_PROGRAM (candidate);

  return baton_date_range_validate (self->start_date, self->due_date, error);
}

static const BatonRecordSchema program_schema = {
  "programs", N_("program"), baton_program_get_type,
  program_fields, G_N_ELEMENTS (program_fields), program_validate,
};

G_DEFINE_FINAL_TYPE (BatonProgram, baton_program, BATON_TYPE_RECORD)

static void
baton_program_class_init (BatonProgramClass *klass)
{
  baton_record_class_set_schema (BATON_RECORD_CLASS (klass), &program_schema);
}

static void
baton_program_init (BatonProgram *self)
{
}

const BatonRecordSchema *
baton_program_schema (void)
{
  return &program_schema;
}

gint64
baton_program_get_client_id (BatonProgram *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM (self), 0);
  return self->client_id;
}

const char *
baton_program_get_name (BatonProgram *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM (self), NULL);
  return self->name;
}

const char *
baton_program_get_description (BatonProgram *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM (self), NULL);
  return self->description;
}

const char *
baton_program_get_start_date (BatonProgram *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM (self), NULL);
  return self->start_date;
}

const char *
baton_program_get_due_date (BatonProgram *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM (self), NULL);
  return self->due_date;
}

const char *
baton_program_get_color (BatonProgram *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM (self), NULL);
  return self->color;
}

gboolean
baton_program_get_archived (BatonProgram *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM (self), 0);
  return self->archived;
}

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

struct _BatonNote
{
  BatonRecord parent_instance;

  gint64 client_id;
  gint64 program_id;
  char *title;
  char *body;
  char *created_at;
  char *updated_at;
};

static const BatonField note_fields[] = {
  { "client-id", "client_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonNote, client_id), "clients", TRUE, BATON_ON_DELETE_CASCADE, 0, N_("client") },
  { "program-id", "program_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonNote, program_id), "programs", FALSE, BATON_ON_DELETE_SET_NULL, 0, N_("program") },
  { "title", "title", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonNote, title), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("title") },
  { "body", "body", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonNote, body), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("body") },
  { "created-at", "created_at", BATON_FIELD_TIMESTAMP, G_STRUCT_OFFSET (BatonNote, created_at), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("created at") },
  { "updated-at", "updated_at", BATON_FIELD_TIMESTAMP, G_STRUCT_OFFSET (BatonNote, updated_at), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("updated at") },
};

static const BatonRecordSchema note_schema = {
  "notes", N_("note"), baton_note_get_type,
  note_fields, G_N_ELEMENTS (note_fields), NULL,
};

G_DEFINE_FINAL_TYPE (BatonNote, baton_note, BATON_TYPE_RECORD)

static void
baton_note_class_init (BatonNoteClass *klass)
{
  baton_record_class_set_schema (BATON_RECORD_CLASS (klass), &note_schema);
}

static void
baton_note_init (BatonNote *self)
{
}

const BatonRecordSchema *
baton_note_schema (void)
{
  return &note_schema;
}

gint64
baton_note_get_client_id (BatonNote *self)
{
  g_return_val_if_fail (BATON_IS_NOTE (self), 0);
  return self->client_id;
}

gint64
baton_note_get_program_id (BatonNote *self)
{
  g_return_val_if_fail (BATON_IS_NOTE (self), 0);
  return self->program_id;
}

const char *
baton_note_get_title (BatonNote *self)
{
  g_return_val_if_fail (BATON_IS_NOTE (self), NULL);
  return self->title;
}

const char *
baton_note_get_body (BatonNote *self)
{
  g_return_val_if_fail (BATON_IS_NOTE (self), NULL);
  return self->body;
}

const char *
baton_note_get_created_at (BatonNote *self)
{
  g_return_val_if_fail (BATON_IS_NOTE (self), NULL);
  return self->created_at;
}

const char *
baton_note_get_updated_at (BatonNote *self)
{
  g_return_val_if_fail (BATON_IS_NOTE (self), NULL);
  return self->updated_at;
}

struct _BatonNoteRevision
{
  BatonRecord parent_instance;

  gint64 note_id;
  char *body;
  char *saved_at;
};

static const BatonField note_revision_fields[] = {
  { "note-id", "note_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonNoteRevision, note_id), "notes", TRUE, BATON_ON_DELETE_CASCADE, 0, N_("note") },
  { "body", "body", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonNoteRevision, body), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("body") },
  { "saved-at", "saved_at", BATON_FIELD_TIMESTAMP, G_STRUCT_OFFSET (BatonNoteRevision, saved_at), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("saved at") },
};

static const BatonRecordSchema note_revision_schema = {
  "note_revisions", N_("note revision"), baton_note_revision_get_type,
  note_revision_fields, G_N_ELEMENTS (note_revision_fields), NULL,
};

G_DEFINE_FINAL_TYPE (BatonNoteRevision, baton_note_revision, BATON_TYPE_RECORD)

static void
baton_note_revision_class_init (BatonNoteRevisionClass *klass)
{
  baton_record_class_set_schema (BATON_RECORD_CLASS (klass), &note_revision_schema);
}

static void
baton_note_revision_init (BatonNoteRevision *self)
{
}

const BatonRecordSchema *
baton_note_revision_schema (void)
{
  return &note_revision_schema;
}

gint64
baton_note_revision_get_note_id (BatonNoteRevision *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_REVISION (self), 0);
  return self->note_id;
}

const char *
baton_note_revision_get_body (BatonNoteRevision *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_REVISION (self), NULL);
  return self->body;
}

const char *
baton_note_revision_get_saved_at (BatonNoteRevision *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_REVISION (self), NULL);
  return self->saved_at;
}
