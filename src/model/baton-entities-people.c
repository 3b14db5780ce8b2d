/* baton-entities-people.c — the team's records: roles, people, their roles, time off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-entities"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-entities.h"
#include "baton-dates.h"

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
  gboolean placeholder;
};

static const BatonField person_fields[] = {
  { "name", "name", BATON_FIELD_NAME, G_STRUCT_OFFSET (BatonPerson, name), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("name") },
  { "email", "email", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonPerson, email), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("email") },
  { "weekly-capacity-minutes", "weekly_capacity_minutes", BATON_FIELD_MINUTES, G_STRUCT_OFFSET (BatonPerson, weekly_capacity_minutes), NULL, FALSE, BATON_ON_DELETE_RESTRICT, BATON_MAX_WEEKLY_CAPACITY_MINUTES, N_("weekly capacity") },
  { "color", "color", BATON_FIELD_COLOR, G_STRUCT_OFFSET (BatonPerson, color), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("color") },
  { "archived", "archived", BATON_FIELD_BOOL, G_STRUCT_OFFSET (BatonPerson, archived), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("archived") },
  /* Schema 8: stands for a role not yet staffed ("Writer TBD, 40 h"). */
  { "placeholder", "placeholder", BATON_FIELD_BOOL, G_STRUCT_OFFSET (BatonPerson, placeholder), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("placeholder") },
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

/* Whether the person stands for a role not yet staffed ("Writer TBD"). */
gboolean
baton_person_get_placeholder (BatonPerson *self)
{
  g_return_val_if_fail (BATON_IS_PERSON (self), FALSE);
  return self->placeholder;
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
