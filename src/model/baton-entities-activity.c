/* baton-entities-activity.c — the activity log: what happened to a task, and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per change of a task's stage, assignee, start or due date, and
 * per completion or reopening. The store writes these rows itself, inside
 * the change that made them (see baton-store-changes.c), so undo takes
 * them back with the rest; nobody else writes them.
 */

#define G_LOG_DOMAIN "baton-entities"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "baton-entities.h"

struct _BatonActivity
{
  BatonRecord parent_instance;

  gint64 task_id;
  char *kind;
  char *old_value;
  char *new_value;
  char *at;
  char *author;
};

static const BatonField activity_fields[] = {
  { "task-id", "task_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonActivity, task_id), "tasks", TRUE, BATON_ON_DELETE_CASCADE, 0, N_("task") },
  { "kind", "kind", BATON_FIELD_NAME, G_STRUCT_OFFSET (BatonActivity, kind), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("kind") },
  { "old-value", "old_value", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonActivity, old_value), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("old value") },
  { "new-value", "new_value", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonActivity, new_value), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("new value") },
  { "at", "at", BATON_FIELD_TIMESTAMP, G_STRUCT_OFFSET (BatonActivity, at), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("time") },
  { "author", "author", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonActivity, author), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("author") },
};

static const char * const activity_kinds[] = {
  BATON_ACTIVITY_STAGE,
  BATON_ACTIVITY_ASSIGNEE,
  BATON_ACTIVITY_START_DATE,
  BATON_ACTIVITY_DUE_DATE,
  BATON_ACTIVITY_COMPLETED,
  BATON_ACTIVITY_REOPENED,
};

/* The kind is one of the known words (an imported document may hold
 * anything). */
static gboolean
activity_validate (BatonRecord  *candidate,
                   GError      **error)
{
  BatonActivity *self = BATON_ACTIVITY (candidate);

  for (guint i = 0; i < G_N_ELEMENTS (activity_kinds); i++)
    if (g_strcmp0 (self->kind, activity_kinds[i]) == 0)
      return TRUE;

  g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
               _("“%s” is not a kind of activity."), self->kind != NULL ? self->kind : "");
  return FALSE;
}

static const BatonRecordSchema activity_schema = {
  "activity", N_("activity"), baton_activity_get_type,
  activity_fields, G_N_ELEMENTS (activity_fields), activity_validate,
};

G_DEFINE_FINAL_TYPE (BatonActivity, baton_activity, BATON_TYPE_RECORD)

static void
baton_activity_class_init (BatonActivityClass *klass)
{
  baton_record_class_set_schema (BATON_RECORD_CLASS (klass), &activity_schema);
}

static void
baton_activity_init (BatonActivity *self)
{
}

const BatonRecordSchema *
baton_activity_schema (void)
{
  return &activity_schema;
}

/* The task the row is about. */
gint64
baton_activity_get_task_id (BatonActivity *self)
{
  g_return_val_if_fail (BATON_IS_ACTIVITY (self), 0);
  return self->task_id;
}

/* One of the BATON_ACTIVITY_* words. */
const char *
baton_activity_get_kind (BatonActivity *self)
{
  g_return_val_if_fail (BATON_IS_ACTIVITY (self), NULL);
  return self->kind;
}

/* The value before, as text: a stage or person id, an ISO date, the
 * completion time; NULL for none. */
const char *
baton_activity_get_old_value (BatonActivity *self)
{
  g_return_val_if_fail (BATON_IS_ACTIVITY (self), NULL);
  return self->old_value;
}

/* The value after, as baton_activity_get_old_value (). */
const char *
baton_activity_get_new_value (BatonActivity *self)
{
  g_return_val_if_fail (BATON_IS_ACTIVITY (self), NULL);
  return self->new_value;
}

/* When the change was made: ISO 8601 UTC, the task's updated-at. */
const char *
baton_activity_get_at (BatonActivity *self)
{
  g_return_val_if_fail (BATON_IS_ACTIVITY (self), NULL);
  return self->at;
}

/* Who made the change; NULL while a workspace has one coordinator. */
const char *
baton_activity_get_author (BatonActivity *self)
{
  g_return_val_if_fail (BATON_IS_ACTIVITY (self), NULL);
  return self->author;
}
