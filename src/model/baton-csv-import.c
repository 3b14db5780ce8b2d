/* baton-csv-import.c — tasks and people from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * baton_csv_import_prepare () reads the whole file, checks every cell and
 * resolves every name against the store, so that the preview is exact and
 * baton_csv_import_apply () only writes: new clients, programs, roles,
 * stages and people first, then the tasks, in one batch (one undo step).
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


void
_baton_csv_row_free (Row *row)
{
  g_clear_object (&row->task);
  g_free (row->client_key);
  g_free (row->program_key);
  g_free (row->stage_key);
  g_free (row->assignee_key);
  g_free (row->role_key);
  g_free (row->title);
  g_free (row->notes);
  g_free (row->start_date);
  g_free (row->due_date);
  g_free (row->created_at);
  g_free (row->updated_at);
  g_free (row->completed_at);
  g_free (row->checklist);
  g_free (row);
}

void
_baton_csv_names_init (Names *names,
            GType  type)
{
  names->type = type;
  names->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  names->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  names->created = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  names->new_keys = g_ptr_array_new ();
  names->new_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

void
_baton_csv_names_clear (Names *names)
{
  g_clear_pointer (&names->exact, g_hash_table_unref);
  g_clear_pointer (&names->folded, g_hash_table_unref);
  g_clear_pointer (&names->created, g_hash_table_unref);
  g_clear_pointer (&names->new_keys, g_ptr_array_unref);
  g_clear_pointer (&names->new_names, g_hash_table_unref);
}

static void
names_add (Names      *names,
           const char *name,
           gpointer    record)
{
  if (!g_hash_table_contains (names->exact, name))
    g_hash_table_insert (names->exact, g_strdup (name), g_object_ref (record));
  if (!g_hash_table_contains (names->folded, name))
    {
      char *folded = g_utf8_casefold (name, -1);

      if (g_hash_table_contains (names->folded, folded))
        g_free (folded);
      else
        g_hash_table_insert (names->folded, folded, g_object_ref (record));
    }
}

/* The key of @name: the casefolded name of the record it matches (exactly,
 * else ignoring case), or of a new one to create. */
char *
_baton_csv_names_resolve (Names      *names,
                          const char *name,
                          guint      *n_new)
{
  char *key;

  key = g_utf8_casefold (name, -1);
  if (g_hash_table_lookup (names->exact, name) == NULL &&
      g_hash_table_lookup (names->folded, key) == NULL &&
      !g_hash_table_contains (names->new_names, key))
    {
      char *owned = g_strdup (key);

      g_hash_table_insert (names->new_names, owned, g_strdup (name));
      g_ptr_array_add (names->new_keys, owned);
      (*n_new)++;
    }
  return key;
}

/* The record of a key (after the new ones are created). */
gpointer
_baton_csv_names_get (Names      *names,
                      const char *key)
{
  gpointer record;

  if (key == NULL)
    return NULL;
  if ((record = g_hash_table_lookup (names->created, key)) != NULL)
    return record;
  return g_hash_table_lookup (names->folded, key);
}

void
_baton_csv_names_fill (Names      *names,
            GListModel *list)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonRecord) record = g_list_model_get_item (list, i);
      const BatonField *field = baton_record_schema_find_field (baton_record_get_schema (record), "name");

      names_add (names, baton_record_get_str_field (record, field), record);
    }
}

void
baton_csv_import_free (BatonCsvImport *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->store);
  g_clear_pointer (&self->preview.warnings, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  _baton_csv_names_clear (&self->clients);
  _baton_csv_names_clear (&self->programs);
  _baton_csv_names_clear (&self->roles);
  _baton_csv_names_clear (&self->stages);
  _baton_csv_names_clear (&self->people);
  g_clear_pointer (&self->program_clients, g_hash_table_unref);
  g_clear_pointer (&self->new_person_roles, g_hash_table_unref);
  g_clear_pointer (&self->stage_ends, g_hash_table_unref);
  g_free (self);
}

const BatonCsvPreview *
baton_csv_import_get_preview (BatonCsvImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->preview;
}

static void
fill_programs (BatonCsvImport *self)
{
  GListModel *list = baton_store_get_programs (self->store);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonProgram) program = g_list_model_get_item (list, i);
      BatonClient *client = baton_store_lookup_client (self->store, baton_program_get_client_id (program));
      g_autofree char *client_key = NULL;
      g_autofree char *full = NULL;

      if (client == NULL)
        continue;
      client_key = g_utf8_casefold (baton_client_get_name (client), -1);
      full = g_strconcat (client_key, "\x1f", baton_program_get_name (program), NULL);
      names_add (&self->programs, full, program);
    }
}

static BatonStage *
first_stage (BatonStore *store,
             gboolean    done)
{
  GListModel *stages = baton_store_get_stages (store);
  guint n = g_list_model_get_n_items (stages);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);

      if (!done || baton_stage_get_is_done (stage))
        return stage;
    }
  return NULL;
}

static char *
stage_key_of (BatonStage *stage)
{
  return stage ? g_utf8_casefold (baton_stage_get_name (stage), -1) : NULL;
}

/* Is a stage key a done stage (new stages are not)? */
static gboolean
stage_key_is_done (BatonCsvImport *self,
                   const char     *key)
{
  BatonStage *stage = _baton_csv_names_get (&self->stages, key);

  return stage != NULL && baton_stage_get_is_done (stage);
}

static gboolean
key_is (Names      *names,
        const char *key,
        gint64      id)
{
  BatonRecord *record = _baton_csv_names_get (names, key);

  if (key == NULL)
    return id == 0;
  return record != NULL && baton_record_get_id (record) == id;
}

/* Does the row change nothing of its task? */
static gboolean
row_is_unchanged (BatonCsvImport *self,
                  Row            *row,
                  GHashTable     *checklists)
{
  BatonTask *task = row->task;
  gint64 id = baton_record_get_id (BATON_RECORD (task));

  if (HAS (row, BATON_CSV_FIELD_PROGRAM) && !key_is (&self->programs, row->program_key, baton_task_get_program_id (task)))
    return FALSE;
  if (HAS (row, BATON_CSV_FIELD_STAGE) && !key_is (&self->stages, row->stage_key, baton_task_get_stage_id (task)))
    return FALSE;
  if (HAS (row, BATON_CSV_FIELD_ASSIGNEE) && !key_is (&self->people, row->assignee_key, baton_task_get_assignee_id (task)))
    return FALSE;
  if (HAS (row, BATON_CSV_FIELD_ROLE) && !key_is (&self->roles, row->role_key, baton_task_get_role_id (task)))
    return FALSE;
  if (g_strcmp0 (row->title, baton_task_get_title (task)) != 0 ||
      (HAS (row, BATON_CSV_FIELD_NOTES) && g_strcmp0 (row->notes, baton_task_get_description (task)) != 0) ||
      (HAS (row, BATON_CSV_FIELD_POSITION) && row->position != baton_task_get_position (task)) ||
      (HAS (row, BATON_CSV_FIELD_ESTIMATE_HOURS) && row->estimate != baton_task_get_estimate_minutes (task)) ||
      (HAS (row, BATON_CSV_FIELD_PRIORITY) && row->priority != baton_task_get_priority (task)) ||
      (HAS (row, BATON_CSV_FIELD_PINNED) && row->pinned != !!baton_task_get_pinned (task)) ||
      (HAS (row, BATON_CSV_FIELD_START_DATE) && g_strcmp0 (row->start_date, baton_task_get_start_date (task)) != 0) ||
      (HAS (row, BATON_CSV_FIELD_DUE_DATE) && g_strcmp0 (row->due_date, baton_task_get_due_date (task)) != 0) ||
      (HAS (row, BATON_CSV_FIELD_CREATED_AT) && g_strcmp0 (row->created_at, baton_task_get_created_at (task)) != 0) ||
      (HAS (row, BATON_CSV_FIELD_UPDATED_AT) && g_strcmp0 (row->updated_at, baton_task_get_updated_at (task)) != 0) ||
      (HAS (row, BATON_CSV_FIELD_COMPLETED_AT) && g_strcmp0 (row->completed_at, baton_task_get_completed_at (task)) != 0) ||
      (row->status != STATUS_NONE && (row->status == STATUS_ARCHIVED) != !!baton_task_get_archived (task)))
    return FALSE;

  if (HAS (row, BATON_CSV_FIELD_CHECKLIST))
    {
      GPtrArray *items = g_hash_table_lookup (checklists, &id);
      g_autofree char *current = items ? _baton_csv_format_checklist (items) : NULL;

      if (g_strcmp0 (current, row->checklist) != 0)
        return FALSE;
    }

  return TRUE;
}

/* Decides each row's stage and position, counts and warns. */
static void
plan_rows (BatonCsvImport *self)
{
  g_autoptr(GHashTable) checklists = _baton_csv_checklists_by_task (self->store);
  GListModel *tasks = baton_store_get_tasks (self->store);
  guint n = g_list_model_get_n_items (tasks);

  /* The last position of each stage there is. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);
      BatonStage *stage = baton_store_lookup_stage (self->store, baton_task_get_stage_id (task));
      g_autofree char *key = stage_key_of (stage);
      gint64 *end = g_hash_table_lookup (self->stage_ends, key);

      if (end == NULL)
        {
          end = g_new0 (gint64, 1);
          g_hash_table_insert (self->stage_ends, g_steal_pointer (&key), end);
        }
      *end = MAX (*end, baton_task_get_position (task));
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->stage_key == NULL && row->task == NULL)
        {
          BatonStage *stage = first_stage (self->store, row->status == STATUS_DONE);

          row->stage_key = stage_key_of (stage ? stage : first_stage (self->store, FALSE));
          if (row->stage_key == NULL)
            row->stage_key = _baton_csv_names_resolve (&self->stages, _("Backlog"), &self->preview.n_new_stages);
        }

      if (row->stage_key != NULL && row->status != STATUS_NONE && row->status != STATUS_ARCHIVED &&
          (row->status == STATUS_DONE) != stage_key_is_done (self, row->stage_key))
        _baton_csv_add_warning (self, row->line, "%s",
                                row->status == STATUS_DONE
                                ? _("The status says done, but the stage is not a done stage; the stage decides.")
                                : _("The status says open, but the stage is a done stage; the stage decides."));

      if (row->task != NULL && row_is_unchanged (self, row, checklists))
        {
          row->unchanged = TRUE;
          self->preview.n_unchanged_tasks++;
          continue;
        }
      if (row->task != NULL)
        self->preview.n_updated_tasks++;
      else
        self->preview.n_new_tasks++;

      /* New tasks without a position go to the end of their stage. */
      if (!HAS (row, BATON_CSV_FIELD_POSITION) && row->task == NULL)
        {
          gint64 *end = g_hash_table_lookup (self->stage_ends, row->stage_key);

          if (end == NULL)
            {
              end = g_new0 (gint64, 1);
              g_hash_table_insert (self->stage_ends, g_strdup (row->stage_key), end);
            }
          *end += 1024;
          row->position = *end;
          row->has |= G_GUINT64_CONSTANT (1) << BATON_CSV_FIELD_POSITION;
        }
    }
}

BatonCsvImport *
baton_csv_import_prepare (BatonStore            *store,
                          GInputStream          *stream,
                          const BatonCsvMapping *mapping,
                          GCancellable          *cancellable,
                          GError               **error)
{
  g_autoptr(BatonCsvImport) self = NULL;
  g_autoptr(BatonCsvReader) reader = NULL;
  g_autoptr(GPtrArray) header = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  BatonCsvMapping file_mapping;
  GError *local_error = NULL;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (BatonCsvImport, 1);
  self->store = g_object_ref (store);
  self->preview.warnings = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _baton_csv_row_free);
  _baton_csv_names_init (&self->clients, BATON_TYPE_CLIENT);
  _baton_csv_names_init (&self->programs, BATON_TYPE_PROGRAM);
  _baton_csv_names_init (&self->roles, BATON_TYPE_ROLE);
  _baton_csv_names_init (&self->stages, BATON_TYPE_STAGE);
  _baton_csv_names_init (&self->people, BATON_TYPE_PERSON);
  self->program_clients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->new_person_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->stage_ends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  _baton_csv_names_fill (&self->clients, baton_store_get_clients (store));
  fill_programs (self);
  _baton_csv_names_fill (&self->roles, baton_store_get_roles (store));
  _baton_csv_names_fill (&self->stages, baton_store_get_stages (store));
  _baton_csv_names_fill (&self->people, baton_store_get_people (store));

  reader = baton_csv_reader_new (stream, BATON_CSV_MAX_BYTES);
  if (!(header = _baton_csv_read_header_row (reader, cancellable, error)))
    return NULL;

  if (mapping == NULL)
    {
      if (!baton_csv_mapping_init_from_header (&file_mapping, (const char * const *) header->pdata,
                                               header->len, error))
        return NULL;
      mapping = &file_mapping;
    }
  else if (!_baton_csv_check_mapping (mapping->columns, _baton_csv_get_field_names (), BATON_CSV_N_FIELDS, header->len,
                                      BATON_CSV_FIELD_TITLE, _("No column is chosen for the title; every task needs a title."), error))
    return NULL;

  for (;;)
    {
      g_autoptr(GPtrArray) cells = baton_csv_reader_next_row (reader, cancellable, &local_error);
      Row *row;

      if (cells == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return NULL;
            }
          break;
        }

      if (!(row = _baton_csv_parse_row (self, cells, mapping, baton_csv_reader_get_line (reader), ids, error)))
        return NULL;
      g_ptr_array_add (self->rows, row);
    }

  self->preview.n_rows = self->rows->len;
  plan_rows (self);
  return g_steal_pointer (&self);
}

BatonCsvImport *
baton_csv_import_prepare_file (BatonStore            *store,
                               const char            *path,
                               const BatonCsvMapping *mapping,
                               GError               **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);

  if (stream == NULL)
    return NULL;
  return baton_csv_import_prepare (store, G_INPUT_STREAM (stream), mapping, NULL, error);
}

char **
baton_csv_read_header (const char  *path,
                       GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autoptr(BatonCsvReader) reader = NULL;
  g_autoptr(GPtrArray) header = NULL;
  GError *local_error = NULL;

  if (stream == NULL)
    return NULL;
  reader = baton_csv_reader_new (G_INPUT_STREAM (stream), BATON_CSV_MAX_BYTES);
  if (!(header = baton_csv_reader_next_row (reader, NULL, &local_error)))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, BATON_CSV_ERROR, BATON_CSV_ERROR_HEADER,
                             _("The file is empty; it needs a first line that names the columns."));
      g_propagate_error (error, local_error);
      return NULL;
    }
  g_ptr_array_add (header, NULL);
  g_ptr_array_set_free_func (header, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&header), FALSE);
}

gboolean
baton_csv_import_apply (BatonCsvImport  *self,
                        GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = baton_store_run_batch (self->store, _("Import from CSV"), TRUE, _baton_csv_apply_batch, self, error);

  /* The records created for this run are gone after a rollback. */
  g_hash_table_remove_all (self->clients.created);
  g_hash_table_remove_all (self->programs.created);
  g_hash_table_remove_all (self->roles.created);
  g_hash_table_remove_all (self->stages.created);
  g_hash_table_remove_all (self->people.created);
  return ok;
}

gboolean
baton_csv_import_tasks_file (BatonStore             *store,
                             const char             *path,
                             const BatonCsvMapping  *mapping,
                             GError                **error)
{
  g_autoptr(BatonCsvImport) import = baton_csv_import_prepare_file (store, path, mapping, error);

  return import != NULL && baton_csv_import_apply (import, error);
}
