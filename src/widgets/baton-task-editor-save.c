/* baton-task-editor-save.c — saving the card editor's form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Save parses every field first (a field that does not parse shows its
 * error and nothing is saved), then writes the whole edit as one store
 * call — one updatev/insertv, or one batch when the checklist changed too
 * — so a single Undo reverts it. An error from the store is shown at the
 * top of the dialog and the dialog stays open.
 */

#define G_LOG_DOMAIN "baton-task-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-dates.h"
#include "baton-task-editor-private.h"

static gboolean
str_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (str_empty (a) ? NULL : a, str_empty (b) ? NULL : b) == 0;
}

typedef struct
{
  BatonTaskEditor *self;
  GType            type;
  BatonTask       *task;       /* the task edited, or the one created */
  GPtrArray       *names;
  GArray          *values;
} SaveJob;

static void
add_string (SaveJob    *job,
            const char *name,
            const char *value)
{
  GValue v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  g_ptr_array_add (job->names, (gpointer) name);
  g_array_append_val (job->values, v);
}

static void
add_bool (SaveJob    *job,
          const char *name,
          gboolean    value)
{
  GValue v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  g_ptr_array_add (job->names, (gpointer) name);
  g_array_append_val (job->values, v);
}

static void
add_int (SaveJob    *job,
         const char *name,
         gint64      value)
{
  GValue v = G_VALUE_INIT;

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  g_ptr_array_add (job->names, (gpointer) name);
  g_array_append_val (job->values, v);
}

static void
clear_gvalue (gpointer data)
{
  g_value_unset (data);
}

static gboolean
write_task (SaveJob  *job,
            GError  **error)
{
  BatonTaskEditor *self = job->self;

  if (job->task == NULL)
    {
      job->task = baton_store_insertv (self->store, BATON_TYPE_TASK, job->names->len,
                                       (const char **) job->names->pdata,
                                       (const GValue *) job->values->data, error);
      return job->task != NULL;
    }

  if (job->names->len == 0)
    return TRUE;

  return baton_store_updatev (self->store, job->task, job->names->len,
                              (const char **) job->names->pdata,
                              (const GValue *) job->values->data, error);
}

static gboolean
save_batch (BatonStore  *store,
            gpointer     user_data,
            GError     **error)
{
  SaveJob *job = user_data;

  return write_task (job, error) &&
         baton_checklist_editor_write (job->self->checklist_editor, job->task, error);
}

static gboolean
task_has_note_id (void)
{
  gpointer klass = g_type_class_ref (BATON_TYPE_TASK);
  gboolean found = g_object_class_find_property (G_OBJECT_CLASS (klass), "note-id") != NULL;

  g_type_class_unref (klass);
  return found;
}

static BatonStage *
target_stage (BatonTaskEditor *self)
{
  GListModel *stages = baton_store_get_stages (self->store);
  g_autoptr(BatonStage) first = NULL;
  BatonStage *stage = self->stage_id ? baton_store_lookup_stage (self->store, self->stage_id) : NULL;

  if (stage != NULL)
    return stage;
  if (g_list_model_get_n_items (stages) == 0)
    return NULL;

  first = g_list_model_get_item (stages, 0);
  return first;
}

/* Fills @job with the properties to write. */
static gboolean
collect_changes (BatonTaskEditor *self,
                 FormValues      *values,
                 SaveJob         *job,
                 GError         **error)
{
  BatonTask *task = self->task;

  if (task == NULL)
    {
      BatonStage *stage = target_stage (self);
      g_autoptr(GPtrArray) order = NULL;
      gint64 position = 0;

      if (stage == NULL)
        {
          g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                               _("The board has no stage to add the card to."));
          return FALSE;
        }

      order = baton_store_get_stage_tasks (self->store, stage);
      if (order->len > 0)
        position = baton_task_get_position (g_ptr_array_index (order, order->len - 1));

      add_int (job, "stage-id", baton_record_get_id (BATON_RECORD (stage)));
      add_int (job, "position", position + 1024);
      add_string (job, "title", values->title);
      add_string (job, "description", values->description);
      add_int (job, "program-id", values->program_id);
      add_int (job, "role-id", values->role_id);
      add_int (job, "assignee-id", values->assignee_id);
      add_int (job, "estimate-minutes", values->estimate_minutes);
      add_string (job, "start-date", values->start_date);
      add_string (job, "due-date", values->due_date);
      add_int (job, "priority", values->priority);
      if (values->pinned)
        add_bool (job, "pinned", TRUE);
      if (baton_stage_get_is_done (stage))
        {
          g_autofree char *now = baton_timestamp_now ();
          add_string (job, "completed-at", now);
        }
      if (self->note_id != 0 && task_has_note_id ())
        add_int (job, "note-id", self->note_id);

      return TRUE;
    }

  if (!same_text (values->title, baton_task_get_title (task)))
    add_string (job, "title", values->title);
  if (!same_text (values->description, baton_task_get_description (task)))
    add_string (job, "description", values->description);
  if (values->program_id != baton_task_get_program_id (task))
    add_int (job, "program-id", values->program_id);
  if (values->role_id != baton_task_get_role_id (task))
    add_int (job, "role-id", values->role_id);
  if (values->assignee_id != baton_task_get_assignee_id (task))
    add_int (job, "assignee-id", values->assignee_id);
  if (values->estimate_minutes != baton_task_get_estimate_minutes (task))
    add_int (job, "estimate-minutes", values->estimate_minutes);
  if (!same_text (values->start_date, baton_task_get_start_date (task)))
    add_string (job, "start-date", values->start_date);
  if (!same_text (values->due_date, baton_task_get_due_date (task)))
    add_string (job, "due-date", values->due_date);
  if (values->priority != baton_task_get_priority (task))
    add_int (job, "priority", values->priority);
  if (values->pinned != baton_task_get_pinned (task))
    add_bool (job, "pinned", values->pinned);

  return TRUE;
}

gboolean
baton_task_editor_save (BatonTaskEditor *self)
{
  g_auto(FormValues) values = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) gvalues = g_array_new (FALSE, TRUE, sizeof (GValue));
  SaveJob job = { self, BATON_TYPE_TASK, self->task, names, gvalues };
  gboolean dirty;
  gboolean ok;

  g_return_val_if_fail (BATON_IS_TASK_EDITOR (self), FALSE);

  g_array_set_clear_func (gvalues, clear_gvalue);
  self->tried_save = TRUE;
  _baton_task_editor_show_status (self, NULL);

  if (!_baton_task_editor_parse_form (self, &values, TRUE))
    {
      _baton_task_editor_focus_first_error (self);
      return FALSE;
    }

  if (self->task != NULL && baton_store_lookup_task (self->store, self->task_id) != self->task)
    {
      _baton_task_editor_show_status (self, _("This card no longer exists: it was deleted meanwhile."));
      return FALSE;
    }

  if (!collect_changes (self, &values, &job, &error))
    {
      _baton_task_editor_show_status (self, error->message);
      return FALSE;
    }

  dirty = baton_checklist_editor_is_dirty (self->checklist_editor);

  if (!dirty)
    ok = write_task (&job, &error);
  else
    {
      g_autofree char *label = self->task ? g_strdup_printf (_("Edit “%s”"), values.title)
                                          : g_strdup (_("Add card"));

      ok = baton_store_run_batch (self->store, label, TRUE, save_batch, &job, &error);
      if (!ok)
        {
          /* A failed batch reloads the objects: follow ours. */
          if (self->task != NULL)
            g_set_object (&self->task, baton_store_lookup_task (self->store, self->task_id));
        }
    }

  if (!ok)
    {
      _baton_task_editor_show_status (self, error->message);
      return FALSE;
    }

  if (self->task == NULL && job.task != NULL)
    {
      self->task = g_object_ref (job.task);
      self->task_id = baton_record_get_id (BATON_RECORD (job.task));
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
