/* baton-exchange-job.c — imports and exports on a worker thread, with progress and cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's store belongs to the main thread. A job opens a store of
 * its own on the same file in a GTask thread (baton_store_open_for_worker),
 * reads or writes there, and hands back what the window needs: an import
 * object to preview, an export's sentence, or the change an import wrote,
 * which the window's store adopts as one undo step.
 */

#define G_LOG_DOMAIN "baton-exchange"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "baton-exchange-job.h"
#include "baton-json.h"

typedef enum
{
  JOB_EXPORT,
  JOB_READ_CSV,
  JOB_IMPORT_CSV,
  JOB_READ_PEOPLE_CSV,
  JOB_IMPORT_PEOPLE_CSV,
  JOB_READ_TRELLO,
  JOB_IMPORT_TRELLO,
  JOB_IMPORT_WORKSPACE,
} JobKind;

typedef struct
{
  char                    *id;
  BatonTrelloMemberAction  action;
  gint64                   person_id;
} MemberChoice;

struct _BatonExchangeJob
{
  GObject                parent_instance;

  JobKind                kind;
  BatonStore            *store;          /* the window's; NULL for a new workspace */
  char                  *store_path;
  char                  *path;           /* the file read or written */
  char                  *name;           /* @path as the person reads it */
  char                  *target;         /* a new workspace */

  /* An export's request, its pointers into this job. */
  BatonExportRequest     request;
  BatonCapacitySettings  capacity_settings;
  BatonIcsOptions        ics_options;
  char                  *uid_domain;

  BatonCsvMapping        mapping;
  BatonCsvPeopleMapping  people_mapping;
  gboolean               has_mapping;

  gint64                 client_id;
  char                  *new_client_name;
  gboolean               include_archived;
  GArray                *members;        /* MemberChoice */

  /* Results */
  BatonCsvImport        *csv_import;
  BatonCsvPeopleImport  *people_import;
  BatonTrelloImport     *trello_import;
  BatonChange           *change;         /* written by the worker, to adopt */
  char                  *summary;
  gboolean               undoable;
  gint64                 program_id;     /* a Trello import's */

  /* Progress: the worker counts, the main thread reads. */
  gint                   rows_written;   /* atomic */
  gint                   expected_rows;  /* atomic; 0 while unknown */
  double                 fraction;
  guint                  progress_source;
  gboolean               running;
};

G_DEFINE_FINAL_TYPE (BatonExchangeJob, baton_exchange_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
member_choice_clear (gpointer data)
{
  MemberChoice *choice = data;

  g_free (choice->id);
}

static BatonExchangeJob *
job_new (JobKind     kind,
         BatonStore *store,
         const char *path)
{
  BatonExchangeJob *self = g_object_new (BATON_TYPE_EXCHANGE_JOB, NULL);

  self->kind = kind;
  if (store != NULL)
    {
      self->store = g_object_ref (store);
      self->store_path = g_strdup (baton_store_get_path (store));
    }
  self->path = g_strdup (path);
  self->name = g_filename_display_basename (path);
  self->fraction = -1.0;

  return self;
}

BatonExchangeJob *
baton_exchange_job_new_export (BatonStore               *store,
                               const BatonExportRequest *request,
                               const char               *path)
{
  BatonExchangeJob *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = job_new (JOB_EXPORT, store, path);
  self->request = *request;
  if (request->capacity_settings != NULL)
    {
      self->capacity_settings = *request->capacity_settings;
      self->request.capacity_settings = &self->capacity_settings;
    }
  if (request->ics_options != NULL)
    {
      self->ics_options = *request->ics_options;
      self->uid_domain = g_strdup (request->ics_options->uid_domain);
      self->ics_options.uid_domain = self->uid_domain;
      self->request.ics_options = &self->ics_options;
    }

  return self;
}

static BatonExchangeJob *
csv_job_new (JobKind                kind,
             BatonStore            *store,
             const char            *path,
             const BatonCsvMapping *mapping)
{
  BatonExchangeJob *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = job_new (kind, store, path);
  if (mapping != NULL)
    {
      self->mapping = *mapping;
      self->has_mapping = TRUE;
    }

  return self;
}

BatonExchangeJob *
baton_exchange_job_new_read_csv (BatonStore            *store,
                                 const char            *path,
                                 const BatonCsvMapping *mapping)
{
  return csv_job_new (JOB_READ_CSV, store, path, mapping);
}

BatonExchangeJob *
baton_exchange_job_new_import_csv (BatonStore            *store,
                                   const char            *path,
                                   const BatonCsvMapping *mapping)
{
  return csv_job_new (JOB_IMPORT_CSV, store, path, mapping);
}

static BatonExchangeJob *
people_csv_job_new (JobKind                      kind,
                    BatonStore                  *store,
                    const char                  *path,
                    const BatonCsvPeopleMapping *mapping)
{
  BatonExchangeJob *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = job_new (kind, store, path);
  if (mapping != NULL)
    {
      self->people_mapping = *mapping;
      self->has_mapping = TRUE;
    }

  return self;
}

BatonExchangeJob *
baton_exchange_job_new_read_people_csv (BatonStore                  *store,
                                        const char                  *path,
                                        const BatonCsvPeopleMapping *mapping)
{
  return people_csv_job_new (JOB_READ_PEOPLE_CSV, store, path, mapping);
}

BatonExchangeJob *
baton_exchange_job_new_import_people_csv (BatonStore                  *store,
                                          const char                  *path,
                                          const BatonCsvPeopleMapping *mapping)
{
  return people_csv_job_new (JOB_IMPORT_PEOPLE_CSV, store, path, mapping);
}

BatonExchangeJob *
baton_exchange_job_new_read_trello (BatonStore *store,
                                    const char *path)
{
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return job_new (JOB_READ_TRELLO, store, path);
}

BatonExchangeJob *
baton_exchange_job_new_import_trello (BatonStore        *store,
                                      const char        *path,
                                      BatonTrelloImport *choices,
                                      const char        *new_client_name)
{
  BatonExchangeJob *self;
  guint n;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (choices != NULL, NULL);

  self = job_new (JOB_IMPORT_TRELLO, store, path);
  self->client_id = baton_trello_import_get_client_id (choices);
  self->include_archived = baton_trello_import_get_include_archived (choices);
  self->new_client_name = g_strdup (new_client_name);

  n = baton_trello_import_get_n_members (choices);
  self->members = g_array_sized_new (FALSE, TRUE, sizeof (MemberChoice), n);
  g_array_set_clear_func (self->members, member_choice_clear);
  for (guint i = 0; i < n; i++)
    {
      const BatonTrelloMember *member = baton_trello_import_get_member (choices, i);
      MemberChoice choice = { g_strdup (member->id), member->action, member->person_id };

      g_array_append_val (self->members, choice);
    }

  return self;
}

BatonExchangeJob *
baton_exchange_job_new_import_workspace (const char *path,
                                         const char *target)
{
  BatonExchangeJob *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (target != NULL, NULL);

  self = job_new (JOB_IMPORT_WORKSPACE, NULL, path);
  self->target = g_strdup (target);

  return self;
}

/* The work ------------------------------------------------------------------------- */

static void
on_rows_written (guint    n_rows,
                 gpointer user_data)
{
  BatonExchangeJob *self = user_data;

  g_atomic_int_set (&self->rows_written, (gint) MIN (n_rows, G_MAXINT));
}

static void
expect_rows (BatonExchangeJob *self,
             guint             n_rows)
{
  g_atomic_int_set (&self->expected_rows, (gint) MAX (MIN (n_rows, G_MAXINT), 1));
}

static gboolean
work_export (BatonExchangeJob  *self,
             BatonStore        *store,
             GCancellable      *cancellable,
             GError           **error)
{
  g_autofree char *partial = NULL;
  g_autofree char *summary = NULL;

  if (!baton_exchange_check_export_path (store, self->path, self->name, error))
    return FALSE;

  /* Beside the file, so that the rename replaces it in one step. */
  partial = g_strdup_printf ("%s.partial-%08x", self->path, g_random_int ());
  if (!baton_exchange_export (store, &self->request, partial, self->name, &summary, error))
    {
      g_unlink (partial);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (partial);
      return FALSE;
    }

  if (g_rename (partial, self->path) != 0)
    {
      int saved_errno = errno;

      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), self->name, g_strerror (saved_errno));
      return FALSE;
    }

  self->summary = g_steal_pointer (&summary);
  return TRUE;
}

static BatonCsvImport *
prepare_csv (BatonExchangeJob  *self,
             BatonStore        *store,
             GCancellable      *cancellable,
             GError           **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->path);
  g_autoptr(GFileInputStream) stream = NULL;

  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;

  return baton_csv_import_prepare (store, G_INPUT_STREAM (stream),
                                   self->has_mapping ? &self->mapping : NULL,
                                   cancellable, error);
}

static gboolean
work_import_csv (BatonExchangeJob  *self,
                 BatonStore        *store,
                 GCancellable      *cancellable,
                 GError           **error)
{
  g_autoptr(BatonCsvImport) import = NULL;
  const BatonCsvPreview *preview;

  if (!(import = prepare_csv (self, store, cancellable, error)))
    return FALSE;

  preview = baton_csv_import_get_preview (import);
  expect_rows (self, preview->n_new_tasks + preview->n_updated_tasks + preview->n_new_people +
                     preview->n_new_roles + preview->n_new_stages + preview->n_new_clients +
                     preview->n_new_programs);

  if (!baton_csv_import_apply (import, error))
    return FALSE;

  self->summary = baton_exchange_import_summary (preview, self->name);
  return TRUE;
}

static BatonCsvPeopleImport *
prepare_people_csv (BatonExchangeJob  *self,
                    BatonStore        *store,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->path);
  g_autoptr(GFileInputStream) stream = NULL;

  if (!(stream = g_file_read (file, cancellable, error)))
    return NULL;

  return baton_csv_people_import_prepare (store, G_INPUT_STREAM (stream),
                                          self->has_mapping ? &self->people_mapping : NULL,
                                          cancellable, error);
}

static gboolean
work_import_people_csv (BatonExchangeJob  *self,
                        BatonStore        *store,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_autoptr(BatonCsvPeopleImport) import = NULL;
  const BatonCsvPeoplePreview *preview;
  guint n_people;

  if (!(import = prepare_people_csv (self, store, cancellable, error)))
    return FALSE;

  preview = baton_csv_people_import_get_preview (import);
  /* A person is a row, and roles one more each. */
  expect_rows (self, 2 * (preview->n_new_people + preview->n_updated_people) + preview->n_new_roles);

  if (!baton_csv_people_import_apply (import, error))
    return FALSE;

  n_people = preview->n_new_people + preview->n_updated_people + preview->n_unchanged_people;
  /* Translators: %u is a number of people, %s a file's name */
  self->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Imported %u person from %s",
                                                "Imported %u people from %s", n_people),
                                   n_people, self->name);
  return TRUE;
}

typedef struct
{
  BatonExchangeJob  *job;
  BatonTrelloImport *import;
} TrelloBatch;

static gboolean
trello_batch (BatonStore  *store,
              gpointer     user_data,
              GError     **error)
{
  TrelloBatch *batch = user_data;
  BatonClient *client;

  client = baton_store_create_client (store, batch->job->new_client_name, NULL, error);
  if (client == NULL)
    return FALSE;

  baton_trello_import_set_client_id (batch->import, baton_record_get_id (BATON_RECORD (client)));
  return baton_trello_import_apply (batch->import, error);
}

static gboolean
work_import_trello (BatonExchangeJob  *self,
                    BatonStore        *store,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(BatonTrelloImport) import = NULL;
  const BatonTrelloPreview *preview;
  guint n_cards;

  if (!(import = baton_trello_import_new_file (store, self->path, error)))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  baton_trello_import_set_include_archived (import, self->include_archived);
  if (self->new_client_name == NULL)
    baton_trello_import_set_client_id (import, self->client_id);

  for (guint i = 0; i < self->members->len; i++)
    {
      const MemberChoice *choice = &g_array_index (self->members, MemberChoice, i);

      if (!baton_trello_import_set_member (import, choice->id, choice->action, choice->person_id, error))
        return FALSE;
    }

  preview = baton_trello_import_get_preview (import);
  n_cards = preview->n_cards;
  expect_rows (self, preview->n_stages_new + preview->n_cards + preview->n_checklist_items +
                     preview->n_people_new + 1);

  if (self->new_client_name != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Import Trello Board “%s”"),
                                                baton_trello_import_get_board_name (import));
      TrelloBatch batch = { self, import };

      if (!baton_store_run_batch (store, label, TRUE, trello_batch, &batch, error))
        return FALSE;
    }
  else if (!baton_trello_import_apply (import, error))
    return FALSE;

  if (baton_trello_import_get_program (import) != NULL)
    self->program_id = baton_record_get_id (BATON_RECORD (baton_trello_import_get_program (import)));

  /* Translators: %u is a number of cards, %s the board's name */
  self->summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Imported %u card from “%s”",
                                                "Imported %u cards from “%s”", n_cards),
                                   n_cards, baton_trello_import_get_board_name (import));
  return TRUE;
}

/* Runs the job on @store: the worker's own, or the window's when the job
 * runs on the main thread. */
static gboolean
work (BatonExchangeJob  *self,
      BatonStore        *store,
      GCancellable      *cancellable,
      GError           **error)
{
  switch (self->kind)
    {
    case JOB_EXPORT:
      return work_export (self, store, cancellable, error);

    case JOB_READ_CSV:
      self->csv_import = prepare_csv (self, store, cancellable, error);
      return self->csv_import != NULL;

    case JOB_IMPORT_CSV:
      return work_import_csv (self, store, cancellable, error);

    case JOB_READ_PEOPLE_CSV:
      self->people_import = prepare_people_csv (self, store, cancellable, error);
      return self->people_import != NULL;

    case JOB_IMPORT_PEOPLE_CSV:
      return work_import_people_csv (self, store, cancellable, error);

    case JOB_READ_TRELLO:
      self->trello_import = baton_trello_import_new_file (store, self->path, error);
      return self->trello_import != NULL;

    case JOB_IMPORT_TRELLO:
      return work_import_trello (self, store, cancellable, error);

    case JOB_IMPORT_WORKSPACE:
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
is_import (BatonExchangeJob *self)
{
  return self->kind == JOB_IMPORT_CSV || self->kind == JOB_IMPORT_PEOPLE_CSV ||
         self->kind == JOB_IMPORT_TRELLO;
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  BatonExchangeJob *self = source_object;
  g_autoptr(BatonStore) store = NULL;
  GError *error = NULL;

  if (self->kind == JOB_IMPORT_WORKSPACE)
    {
      if (baton_json_import_new_workspace (self->path, self->target, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }

  if (!(store = baton_store_open_for_worker (self->store_path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (is_import (self))
    baton_store_set_interrupt (store, cancellable, on_rows_written, self);

  if (!work (self, store, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (is_import (self))
    {
      /* Written: a cancel from now on comes too late to undo it here. */
      baton_store_set_interrupt (store, NULL, NULL, NULL);
      self->change = baton_store_take_last_change (store);
    }

  g_task_return_boolean (task, TRUE);
}

/* Running -------------------------------------------------------------------------- */

static void
set_running (BatonExchangeJob *self,
             gboolean          running)
{
  self->running = running;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static gboolean
update_fraction (gpointer user_data)
{
  BatonExchangeJob *self = user_data;
  gint expected = g_atomic_int_get (&self->expected_rows);
  double fraction = -1.0;

  /* The commit is the last step: a full bar waits for it. */
  if (expected > 0)
    fraction = MIN (0.95, (double) g_atomic_int_get (&self->rows_written) / expected);

  if (fraction != self->fraction)
    {
      self->fraction = fraction;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
    }

  return G_SOURCE_CONTINUE;
}

static void
on_thread_done (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  BatonExchangeJob *self = BATON_EXCHANGE_JOB (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  g_clear_handle_id (&self->progress_source, g_source_remove);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_running (self, FALSE);
      g_task_return_error (task, error);
      return;
    }

  /* The worker wrote it: the window's objects catch up, as one undo step. */
  if (self->change != NULL &&
      !baton_store_adopt_change (self->store, g_steal_pointer (&self->change), &self->undoable, &error))
    {
      set_running (self, FALSE);
      g_task_return_error (task, error);
      return;
    }

  self->fraction = 1.0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  set_running (self, FALSE);
  g_task_return_boolean (task, TRUE);
}

/* A store that is no file has one connection: the main thread's. */
static gboolean
runs_on_main_thread (BatonExchangeJob *self)
{
  return self->kind != JOB_IMPORT_WORKSPACE &&
         (self->store_path == NULL || !g_file_test (self->store_path, G_FILE_TEST_IS_REGULAR));
}

void
baton_exchange_job_run_async (BatonExchangeJob    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) thread_task = NULL;
  GError *error = NULL;

  g_return_if_fail (BATON_IS_EXCHANGE_JOB (self));
  g_return_if_fail (!self->running);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, baton_exchange_job_run_async);
  /* What the worker wrote is the result, cancelled late or not. */
  g_task_set_check_cancellable (task, FALSE);

  set_running (self, TRUE);
  g_atomic_int_set (&self->rows_written, 0);
  g_atomic_int_set (&self->expected_rows, 0);

  if (runs_on_main_thread (self))
    {
      gboolean ok = work (self, self->store, cancellable, &error);

      self->undoable = is_import (self);
      set_running (self, FALSE);
      if (ok)
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }

  self->progress_source = g_timeout_add (100, update_fraction, self);
  thread_task = g_task_new (self, cancellable, on_thread_done, g_steal_pointer (&task));
  g_task_set_check_cancellable (thread_task, FALSE);
  g_task_run_in_thread (thread_task, job_thread);
}

gboolean
baton_exchange_job_run_finish (BatonExchangeJob  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (BATON_IS_EXCHANGE_JOB (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

double
baton_exchange_job_get_fraction (BatonExchangeJob *self)
{
  g_return_val_if_fail (BATON_IS_EXCHANGE_JOB (self), -1.0);

  return self->fraction;
}

gboolean
baton_exchange_job_get_running (BatonExchangeJob *self)
{
  g_return_val_if_fail (BATON_IS_EXCHANGE_JOB (self), FALSE);

  return self->running;
}

const char *
baton_exchange_job_get_summary (BatonExchangeJob *self)
{
  g_return_val_if_fail (BATON_IS_EXCHANGE_JOB (self), NULL);

  return self->summary;
}

gint64
baton_exchange_job_get_program_id (BatonExchangeJob *self)
{
  g_return_val_if_fail (BATON_IS_EXCHANGE_JOB (self), 0);

  return self->program_id;
}

const char *
baton_exchange_job_get_path (BatonExchangeJob *self)
{
  g_return_val_if_fail (BATON_IS_EXCHANGE_JOB (self), NULL);

  return self->path;
}

gboolean
baton_exchange_job_get_undoable (BatonExchangeJob *self)
{
  g_return_val_if_fail (BATON_IS_EXCHANGE_JOB (self), FALSE);

  return self->undoable;
}

BatonCsvImport *
baton_exchange_job_take_csv_import (BatonExchangeJob *self)
{
  g_return_val_if_fail (BATON_IS_EXCHANGE_JOB (self), NULL);

  return g_steal_pointer (&self->csv_import);
}

BatonCsvPeopleImport *
baton_exchange_job_take_people_csv_import (BatonExchangeJob *self)
{
  g_return_val_if_fail (BATON_IS_EXCHANGE_JOB (self), NULL);

  return g_steal_pointer (&self->people_import);
}

BatonTrelloImport *
baton_exchange_job_take_trello_import (BatonExchangeJob *self)
{
  g_return_val_if_fail (BATON_IS_EXCHANGE_JOB (self), NULL);

  return g_steal_pointer (&self->trello_import);
}

/* The progress dialog --------------------------------------------------------------- */

typedef struct
{
  GTask            *task;
  GCancellable     *cancellable;
  GtkWindow        *parent;
  char             *heading;
  AdwMessageDialog *dialog;
  GtkProgressBar   *bar;
  guint             show_source;
  gulong            fraction_id;
} ProgressData;

static void
progress_data_free (ProgressData *data)
{
  g_clear_handle_id (&data->show_source, g_source_remove);
  g_clear_object (&data->cancellable);
  g_clear_object (&data->parent);
  g_clear_pointer (&data->heading, g_free);
  g_free (data);
}

static void
on_fraction (BatonExchangeJob *self,
             GParamSpec       *pspec,
             ProgressData     *data)
{
  if (data->bar == NULL)
    return;

  if (self->fraction < 0)
    gtk_progress_bar_pulse (data->bar);
  else
    gtk_progress_bar_set_fraction (data->bar, self->fraction);
}

static void
on_progress_response (AdwMessageDialog *dialog,
                      const char       *response,
                      ProgressData     *data)
{
  g_cancellable_cancel (data->cancellable);
}

static gboolean
show_progress (gpointer user_data)
{
  ProgressData *data = user_data;
  GtkWidget *bar;

  data->show_source = 0;

  bar = gtk_progress_bar_new ();
  gtk_progress_bar_set_pulse_step (GTK_PROGRESS_BAR (bar), 0.1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, data->heading, -1);
  data->bar = GTK_PROGRESS_BAR (bar);

  data->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (data->parent, data->heading,
                                                             _("Nothing is written until it is complete.")));
  /* It closes itself on Cancel; the job may go on a moment longer. */
  g_object_add_weak_pointer (G_OBJECT (data->dialog), (gpointer *) &data->dialog);
  g_object_add_weak_pointer (G_OBJECT (bar), (gpointer *) &data->bar);
  adw_message_dialog_set_extra_child (data->dialog, bar);
  adw_message_dialog_add_response (data->dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (data->dialog, "cancel");
  g_signal_connect (data->dialog, "response::cancel", G_CALLBACK (on_progress_response), data);
  gtk_window_present (GTK_WINDOW (data->dialog));

  return G_SOURCE_REMOVE;
}

static void
on_progress_job_done (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ProgressData *data = user_data;
  GTask *task = data->task;

  g_signal_handler_disconnect (object, data->fraction_id);
  if (data->bar != NULL)
    g_object_remove_weak_pointer (G_OBJECT (data->bar), (gpointer *) &data->bar);
  if (data->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (data->dialog), (gpointer *) &data->dialog);
      g_signal_handlers_disconnect_by_data (data->dialog, data);
      gtk_window_destroy (GTK_WINDOW (data->dialog));
    }
  progress_data_free (data);

  /* The caller reads the result with baton_exchange_job_run_finish (). */
  g_task_return_pointer (task, g_object_ref (result), g_object_unref);
  g_object_unref (task);
}

static void
on_progress_task_done (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GTask *task = G_TASK (result);
  GAsyncReadyCallback callback = g_task_get_task_data (task);
  g_autoptr(GAsyncResult) inner = g_task_propagate_pointer (task, NULL);

  callback (object, inner, user_data);
}

void
baton_exchange_job_run_with_progress (BatonExchangeJob    *self,
                                      GtkWindow           *parent,
                                      const char          *heading,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  ProgressData *data;

  g_return_if_fail (BATON_IS_EXCHANGE_JOB (self));
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (callback != NULL);

  data = g_new0 (ProgressData, 1);
  data->task = g_task_new (self, NULL, on_progress_task_done, user_data);
  g_task_set_task_data (data->task, callback, NULL);
  data->cancellable = g_cancellable_new ();
  data->parent = g_object_ref (parent);
  data->heading = g_strdup (heading);
  data->fraction_id = g_signal_connect (self, "notify::fraction", G_CALLBACK (on_fraction), data);
  /* A quick job shows no dialog at all. */
  data->show_source = g_timeout_add (300, show_progress, data);

  baton_exchange_job_run_async (self, data->cancellable, on_progress_job_done, data);
}

/* GObject ---------------------------------------------------------------------------- */

static void
baton_exchange_job_finalize (GObject *object)
{
  BatonExchangeJob *self = BATON_EXCHANGE_JOB (object);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->store_path, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->uid_domain, g_free);
  g_clear_pointer (&self->new_client_name, g_free);
  g_clear_pointer (&self->members, g_array_unref);
  g_clear_pointer (&self->csv_import, baton_csv_import_free);
  g_clear_pointer (&self->people_import, baton_csv_people_import_free);
  g_clear_pointer (&self->trello_import, baton_trello_import_free);
  g_clear_pointer (&self->change, baton_change_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (baton_exchange_job_parent_class)->finalize (object);
}

static void
baton_exchange_job_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BatonExchangeJob *self = BATON_EXCHANGE_JOB (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_exchange_job_class_init (BatonExchangeJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = baton_exchange_job_finalize;
  object_class->get_property = baton_exchange_job_get_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, -1.0, 1.0, -1.0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baton_exchange_job_init (BatonExchangeJob *self)
{
  self->fraction = -1.0;
}
