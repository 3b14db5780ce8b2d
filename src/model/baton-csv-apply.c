/* baton-csv-apply.c — writing a planned CSV import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "baton-csv.h"
#include "baton-csv-import-private.h"
#include "baton-csv-private.h"
#include "baton-dates.h"

/* Apply */

typedef struct
{
  guint        n;
  const char  *names[24];
  GValue       values[24];
} Props;

static void
props_clear (Props *props)
{
  for (guint i = 0; i < props->n; i++)
    g_value_unset (&props->values[i]);
  props->n = 0;
}

static GValue *
props_add (Props      *props,
           const char *name,
           GType       type)
{
  GValue *value = &props->values[props->n];

  g_assert (props->n < G_N_ELEMENTS (props->names));
  props->names[props->n++] = name;
  memset (value, 0, sizeof *value);
  g_value_init (value, type);
  return value;
}

static void
props_int (Props *props, const char *name, gint64 v)
{
  g_value_set_int64 (props_add (props, name, G_TYPE_INT64), v);
}

static void
props_str (Props *props, const char *name, const char *v)
{
  g_value_set_string (props_add (props, name, G_TYPE_STRING), v);
}

static void
props_bool (Props *props, const char *name, gboolean v)
{
  g_value_set_boolean (props_add (props, name, G_TYPE_BOOLEAN), v);
}

static gint64
key_id (Names      *names,
        const char *key)
{
  BatonRecord *record = _baton_csv_names_get (names, key);

  return record ? baton_record_get_id (record) : 0;
}

static gboolean
create_names (BatonCsvImport  *self,
              Names           *names,
              GError         **error)
{
  for (guint i = 0; i < names->new_keys->len; i++)
    {
      const char *key = g_ptr_array_index (names->new_keys, i);
      const char *name = g_hash_table_lookup (names->new_names, key);
      gpointer record = NULL;

      if (names->type == BATON_TYPE_CLIENT)
        record = baton_store_create_client (self->store, name, NULL, error);
      else if (names->type == BATON_TYPE_PROGRAM)
        {
          BatonClient *client = _baton_csv_names_get (&self->clients, g_hash_table_lookup (self->program_clients, key));

          record = baton_store_create_program (self->store, client, strchr (name, '\x1f') + 1, error);
        }
      else if (names->type == BATON_TYPE_ROLE)
        record = baton_store_create_role (self->store, name, NULL, error);
      else if (names->type == BATON_TYPE_STAGE)
        record = baton_store_create_stage (self->store, name, 0, error);
      else if (names->type == BATON_TYPE_PERSON)
        record = baton_store_create_person (self->store, name, NULL, NEW_PERSON_MINUTES, NULL, error);

      if (record == NULL)
        return FALSE;
      g_hash_table_insert (names->created, (gpointer) key, record);
    }

  return TRUE;
}

static gboolean
write_checklist (BatonCsvImport  *self,
                 Row             *row,
                 BatonTask       *task,
                 GError         **error)
{
  g_auto(GStrv) items = NULL;
  gint64 task_id = baton_record_get_id (BATON_RECORD (task));

  if (row->checklist == NULL)
    return TRUE;

  items = g_strsplit (row->checklist, "\n", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *text = _baton_csv_unescape_item (items[i] + 4);

      if (baton_store_insert (self->store, BATON_TYPE_CHECKLIST_ITEM, error,
                              "task-id", task_id,
                              "text", text,
                              "done", (gboolean) (items[i][1] == 'x'),
                              "position", (gint64) (i + 1) * 1024,
                              NULL) == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_row (BatonCsvImport  *self,
           Row             *row,
           GError         **error)
{
  BatonTask *task = row->task;
  BatonStage *old_stage = task ? baton_store_lookup_stage (self->store, baton_task_get_stage_id (task)) : NULL;
  BatonStage *stage = row->stage_key ? _baton_csv_names_get (&self->stages, row->stage_key) : old_stage;
  Props props = { 0 };
  gboolean ok;

  g_assert (stage != NULL);

  props_str (&props, "title", row->title);
  if (task == NULL || HAS (row, BATON_CSV_FIELD_PROGRAM))
    props_int (&props, "program-id", key_id (&self->programs, row->program_key));
  props_int (&props, "stage-id", baton_record_get_id (BATON_RECORD (stage)));
  if (HAS (row, BATON_CSV_FIELD_POSITION))
    props_int (&props, "position", row->position);
  if (task == NULL || HAS (row, BATON_CSV_FIELD_ASSIGNEE))
    props_int (&props, "assignee-id", key_id (&self->people, row->assignee_key));
  if (task == NULL || HAS (row, BATON_CSV_FIELD_ROLE))
    props_int (&props, "role-id", key_id (&self->roles, row->role_key));
  if (HAS (row, BATON_CSV_FIELD_ESTIMATE_HOURS))
    props_int (&props, "estimate-minutes", row->estimate);
  if (HAS (row, BATON_CSV_FIELD_PRIORITY))
    props_int (&props, "priority", row->priority);
  if (HAS (row, BATON_CSV_FIELD_PINNED))
    props_bool (&props, "pinned", row->pinned);
  if (HAS (row, BATON_CSV_FIELD_START_DATE))
    props_str (&props, "start-date", row->start_date);
  if (HAS (row, BATON_CSV_FIELD_DUE_DATE))
    props_str (&props, "due-date", row->due_date);
  if (HAS (row, BATON_CSV_FIELD_NOTES))
    props_str (&props, "description", row->notes);
  if (row->status != STATUS_NONE)
    props_bool (&props, "archived", row->status == STATUS_ARCHIVED);
  if (HAS (row, BATON_CSV_FIELD_CREATED_AT) && row->created_at != NULL)
    props_str (&props, "created-at", row->created_at);
  if (HAS (row, BATON_CSV_FIELD_UPDATED_AT) && row->updated_at != NULL)
    props_str (&props, "updated-at", row->updated_at);
  if (HAS (row, BATON_CSV_FIELD_COMPLETED_AT))
    props_str (&props, "completed-at", row->completed_at);
  else if (baton_stage_get_is_done (stage) && (old_stage == NULL || !baton_stage_get_is_done (old_stage)))
    {
      g_autofree char *now = baton_timestamp_now ();
      props_str (&props, "completed-at", now);
    }
  else if (!baton_stage_get_is_done (stage) && old_stage != NULL && baton_stage_get_is_done (old_stage))
    props_str (&props, "completed-at", NULL);

  if (task == NULL)
    {
      task = baton_store_insertv (self->store, BATON_TYPE_TASK, props.n, props.names, props.values, error);
      ok = task != NULL;
    }
  else
    ok = baton_store_updatev (self->store, task, props.n, props.names, props.values, error);
  props_clear (&props);
  if (!ok)
    return FALSE;

  if (row->task != NULL && HAS (row, BATON_CSV_FIELD_CHECKLIST))
    {
      g_autoptr(GPtrArray) items = baton_store_get_task_checklist (self->store, task);

      for (guint i = 0; i < items->len; i++)
        if (!baton_store_delete (self->store, g_ptr_array_index (items, i), error))
          return FALSE;
    }
  if (row->task == NULL || HAS (row, BATON_CSV_FIELD_CHECKLIST))
    return write_checklist (self, row, task, error);
  return TRUE;
}

gboolean
_baton_csv_apply_batch (BatonStore  *store,
                        gpointer     user_data,
                        GError     **error)
{
  BatonCsvImport *self = user_data;

  if (!create_names (self, &self->clients, error) ||
      !create_names (self, &self->programs, error) ||
      !create_names (self, &self->roles, error) ||
      !create_names (self, &self->stages, error) ||
      !create_names (self, &self->people, error))
    return FALSE;

  for (guint i = 0; i < self->people.new_keys->len; i++)
    {
      const char *key = g_ptr_array_index (self->people.new_keys, i);
      const char *role_key = g_hash_table_lookup (self->new_person_roles, key);
      gint64 role_id = role_key ? key_id (&self->roles, role_key) : 0;

      if (role_id != 0 &&
          !baton_store_set_person_roles (store, _baton_csv_names_get (&self->people, key),
                                         &role_id, 1, role_id, error))
        return FALSE;
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      g_autoptr(GError) local_error = NULL;

      if (row->unchanged)
        continue;
      if (!write_row (self, row, &local_error))
        {
          /* A cancel is no fault of the row. */
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          _baton_csv_set_cell_error (error, row->line, "%s", local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

