/* baton-csv.c — tasks and capacity as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-csv.h"
#include "baton-csv-private.h"
#include "baton-dates.h"
#include "baton-workload.h"

G_DEFINE_QUARK (baton-csv-error-quark, baton_csv_error)

static const char * const field_names[BATON_CSV_N_FIELDS] = {
  "id", "client", "program", "title", "stage", "position", "assignee", "role",
  "estimate_hours", "start_date", "due_date", "status", "priority", "checklist",
  "notes", "created_at", "updated_at", "completed_at", "pinned",
};

const char * const *
_baton_csv_get_field_names (void)
{
  return field_names;
}

const char *
baton_csv_field_get_name (BatonCsvField field)
{
  g_return_val_if_fail (field < BATON_CSV_N_FIELDS, NULL);
  return field_names[field];
}

/* Hours with a decimal point and at most two decimals: "1.5", "40". */
char *
_baton_csv_format_hours (double minutes)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", minutes / 60.0);
  end = buffer + strlen (buffer);
  while (end > buffer && end[-1] == '0')
    *--end = '\0';
  if (end > buffer && end[-1] == '.')
    *--end = '\0';
  if (strcmp (buffer, "-0") == 0)
    strcpy (buffer, "0");
  return g_strdup (buffer);
}

/* "[ ] text" / "[x] text" lines, "\" and line breaks escaped. */
char *
_baton_csv_format_checklist (GPtrArray *items)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      BatonChecklistItem *item = g_ptr_array_index (items, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, baton_checklist_item_get_done (item) ? "[x] " : "[ ] ");
      for (const char *p = baton_checklist_item_get_text (item); *p != '\0'; p++)
        {
          if (*p == '\\')
            g_string_append (text, "\\\\");
          else if (*p == '\n')
            g_string_append (text, "\\n");
          else
            g_string_append_c (text, *p);
        }
    }

  return g_string_free (text, FALSE);
}

static const char *
record_name (BatonStore *store,
             GType       type,
             gint64      id)
{
  BatonRecord *record;
  const BatonField *field;

  if (id == 0 || (record = baton_store_lookup (store, type, id)) == NULL)
    return NULL;
  field = baton_record_schema_find_field (baton_record_get_schema (record), "name");
  return baton_record_get_str_field (record, field);
}

static gint
compare_items (gconstpointer a,
               gconstpointer b)
{
  gint64 pa = baton_checklist_item_get_position (*(BatonChecklistItem **) a);
  gint64 pb = baton_checklist_item_get_position (*(BatonChecklistItem **) b);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return baton_record_get_id (*(BatonRecord **) a) < baton_record_get_id (*(BatonRecord **) b) ? -1 : 1;
}

/* Task id → its checklist items in order, from one pass over the items. */
GHashTable *
_baton_csv_checklists_by_task (BatonStore *store)
{
  GListModel *items = baton_store_get_checklist_items (store);
  GHashTable *table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) g_ptr_array_unref);
  guint n = g_list_model_get_n_items (items);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonChecklistItem) item = g_list_model_get_item (items, i);
      gint64 task_id = baton_checklist_item_get_task_id (item);
      GPtrArray *list = g_hash_table_lookup (table, &task_id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (table, g_memdup2 (&task_id, sizeof task_id), list);
        }
      g_ptr_array_add (list, item);
    }

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (value, compare_items);

  return table;
}

const char *
_baton_csv_task_status (BatonStore *store,
                        BatonTask  *task)
{
  BatonStage *stage = baton_store_lookup_stage (store, baton_task_get_stage_id (task));

  if (baton_task_get_archived (task))
    return "archived";
  if (stage != NULL && baton_stage_get_is_done (stage))
    return "done";
  return "open";
}

static void
add_int (BatonCsvWriter *writer,
         gint64          value)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, value);
  baton_csv_writer_add_plain (writer, buffer);
}

static gboolean
write_header (BatonCsvWriter      *writer,
              const char * const  *names,
              guint                n,
              GCancellable        *cancellable,
              GError             **error)
{
  for (guint i = 0; i < n; i++)
    baton_csv_writer_add_plain (writer, names[i]);
  return baton_csv_writer_end_row (writer, cancellable, error);
}

gboolean
baton_csv_export_tasks (BatonStore             *store,
                        GOutputStream          *stream,
                        const BatonCsvOptions  *options,
                        GCancellable           *cancellable,
                        GError                **error)
{
  g_autoptr(GHashTable) checklists = NULL;
  GListModel *tasks;
  BatonCsvWriter writer;
  gboolean ok;
  guint n;

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  checklists = _baton_csv_checklists_by_task (store);
  tasks = baton_store_get_tasks (store);
  n = g_list_model_get_n_items (tasks);

  baton_csv_writer_init (&writer, stream, options != NULL && options->bom);
  ok = write_header (&writer, field_names, BATON_CSV_N_FIELDS, cancellable, error);

  for (guint i = 0; ok && i < n; i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);
      gint64 id = baton_record_get_id (BATON_RECORD (task));
      BatonProgram *program = baton_store_lookup_program (store, baton_task_get_program_id (task));
      GPtrArray *items = g_hash_table_lookup (checklists, &id);
      g_autofree char *hours = NULL;
      g_autofree char *checklist = NULL;

      if (baton_task_get_estimate_minutes (task) > 0)
        hours = _baton_csv_format_hours (baton_task_get_estimate_minutes (task));
      if (items != NULL)
        checklist = _baton_csv_format_checklist (items);

      add_int (&writer, id);
      baton_csv_writer_add_text (&writer, program ? record_name (store, BATON_TYPE_CLIENT, baton_program_get_client_id (program)) : NULL);
      baton_csv_writer_add_text (&writer, program ? baton_program_get_name (program) : NULL);
      baton_csv_writer_add_text (&writer, baton_task_get_title (task));
      baton_csv_writer_add_text (&writer, record_name (store, BATON_TYPE_STAGE, baton_task_get_stage_id (task)));
      add_int (&writer, baton_task_get_position (task));
      baton_csv_writer_add_text (&writer, record_name (store, BATON_TYPE_PERSON, baton_task_get_assignee_id (task)));
      baton_csv_writer_add_text (&writer, record_name (store, BATON_TYPE_ROLE, baton_task_get_role_id (task)));
      baton_csv_writer_add_plain (&writer, hours);
      baton_csv_writer_add_plain (&writer, baton_task_get_start_date (task));
      baton_csv_writer_add_plain (&writer, baton_task_get_due_date (task));
      baton_csv_writer_add_plain (&writer, _baton_csv_task_status (store, task));
      add_int (&writer, baton_task_get_priority (task));
      baton_csv_writer_add_text (&writer, checklist);
      baton_csv_writer_add_text (&writer, baton_task_get_description (task));
      baton_csv_writer_add_plain (&writer, baton_task_get_created_at (task));
      baton_csv_writer_add_plain (&writer, baton_task_get_updated_at (task));
      baton_csv_writer_add_plain (&writer, baton_task_get_completed_at (task));
      baton_csv_writer_add_plain (&writer, baton_task_get_pinned (task) ? "yes" : "no");
      ok = baton_csv_writer_end_row (&writer, cancellable, error);
    }

  return baton_csv_writer_finish (&writer, cancellable, error) && ok;
}

/* Writes the whole file in one step (g_file_set_contents_full ()): a
 * failed export leaves no half file, and the file is private (0600). */
typedef gboolean (*ExportFunc) (BatonStore *store, GOutputStream *stream, gpointer data,
                                GError **error);

static gboolean
export_file (const char  *path,
             BatonStore  *store,
             ExportFunc   func,
             gpointer     data,
             GError     **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);

  if (!func (store, stream, data, error) ||
      !g_output_stream_close (stream, NULL, error))
    return FALSE;

  return g_file_set_contents_full (path, g_memory_output_stream_get_data (memory),
                                   g_memory_output_stream_get_data_size (memory),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

static gboolean
export_tasks_func (BatonStore     *store,
                   GOutputStream  *stream,
                   gpointer        data,
                   GError        **error)
{
  return baton_csv_export_tasks (store, stream, data, NULL, error);
}

gboolean
baton_csv_export_tasks_file (BatonStore             *store,
                             const char             *path,
                             const BatonCsvOptions  *options,
                             GError                **error)
{
  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return export_file (path, store, export_tasks_func, (gpointer) options, error);
}

gboolean
baton_csv_export_capacity (BatonStore                  *store,
                           const BatonCapacitySettings *settings,
                           guint32                      first_day,
                           guint                        n_weeks,
                           GOutputStream               *stream,
                           const BatonCsvOptions       *options,
                           GCancellable                *cancellable,
                           GError                     **error)
{
  static const char * const names[] = {
    "person", "role", "week_start", "capacity_hours", "time_off_hours", "load_hours", "free_hours",
  };
  BatonCapacitySettings monday_settings;
  BatonCapacityInput input;
  g_autoptr(BatonCapacity) capacity = NULL;
  BatonCsvWriter writer;
  guint workdays;
  gboolean ok;

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (settings != NULL)
    monday_settings = *settings;
  else
    baton_capacity_settings_init_default (&monday_settings);
  monday_settings.first_weekday = 1;
  workdays = baton_workdays_per_week (monday_settings.workdays_mask);

  baton_workload_fill_input (store, &input);
  capacity = baton_capacity_compute (&monday_settings, &input, first_day, n_weeks);

  baton_csv_writer_init (&writer, stream, options != NULL && options->bom);
  ok = write_header (&writer, names, G_N_ELEMENTS (names), cancellable, error);

  for (guint row = 0; ok && row < baton_capacity_get_n_people (capacity); row++)
    {
      BatonPerson *person = baton_capacity_get_person (capacity, row);
      const char *role = record_name (store, BATON_TYPE_ROLE,
                                      baton_store_get_primary_role_id (store, person));

      for (guint week = 0; ok && week < baton_capacity_get_n_weeks (capacity); week++)
        {
          double cap = baton_capacity_get_capacity (capacity, row, week);
          double load = baton_capacity_get_load (capacity, row, week);
          double off = workdays > 0
            ? (double) baton_person_get_weekly_capacity_minutes (person) *
              baton_capacity_get_days_off (capacity, row, week) / workdays
            : 0;
          g_autofree char *start = baton_date_format (baton_capacity_get_week_start (capacity, week));
          g_autofree char *cap_text = _baton_csv_format_hours (cap);
          g_autofree char *off_text = _baton_csv_format_hours (off);
          g_autofree char *load_text = _baton_csv_format_hours (load);
          g_autofree char *free_text = _baton_csv_format_hours (cap - load);

          baton_csv_writer_add_text (&writer, baton_person_get_name (person));
          baton_csv_writer_add_text (&writer, role);
          baton_csv_writer_add_plain (&writer, start);
          baton_csv_writer_add_plain (&writer, cap_text);
          baton_csv_writer_add_plain (&writer, off_text);
          baton_csv_writer_add_plain (&writer, load_text);
          baton_csv_writer_add_plain (&writer, free_text);
          ok = baton_csv_writer_end_row (&writer, cancellable, error);
        }
    }

  return baton_csv_writer_finish (&writer, cancellable, error) && ok;
}

typedef struct
{
  const BatonCapacitySettings *settings;
  guint32                      first_day;
  guint                        n_weeks;
  const BatonCsvOptions       *options;
} CapacityArgs;

static gboolean
export_capacity_func (BatonStore     *store,
                      GOutputStream  *stream,
                      gpointer        data,
                      GError        **error)
{
  CapacityArgs *args = data;

  return baton_csv_export_capacity (store, args->settings, args->first_day, args->n_weeks,
                                    stream, args->options, NULL, error);
}

gboolean
baton_csv_export_capacity_file (BatonStore                  *store,
                                const BatonCapacitySettings *settings,
                                guint32                      first_day,
                                guint                        n_weeks,
                                const char                  *path,
                                const BatonCsvOptions       *options,
                                GError                     **error)
{
  CapacityArgs args = { settings, first_day, n_weeks, options };

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return export_file (path, store, export_capacity_func, &args, error);
}

/* Mapping */

void
baton_csv_mapping_init (BatonCsvMapping *mapping)
{
  g_return_if_fail (mapping != NULL);

  for (guint i = 0; i < BATON_CSV_N_FIELDS; i++)
    mapping->columns[i] = -1;
}

GPtrArray *
_baton_csv_read_header_row (BatonCsvReader  *reader,
                            GCancellable    *cancellable,
                            GError         **error)
{
  GError *local_error = NULL;
  GPtrArray *header = baton_csv_reader_next_row (reader, cancellable, &local_error);

  if (header == NULL)
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, BATON_CSV_ERROR, BATON_CSV_ERROR_HEADER,
                             _("The file is empty; it needs a first line that names the columns."));
      g_propagate_error (error, local_error);
    }

  return header;
}

gboolean
_baton_csv_check_mapping (const gint         *columns,
                          const char * const *names,
                          guint               n_fields,
                          guint               n_columns,
                          guint               required,
                          const char         *no_required,
                          GError            **error)
{
  for (guint f = 0; f < n_fields; f++)
    if (columns[f] >= (gint) n_columns)
      {
        g_set_error (error, BATON_CSV_ERROR, BATON_CSV_ERROR_HEADER,
                     _("The file has no column %d for “%s”."), columns[f] + 1, names[f]);
        return FALSE;
      }

  if (columns[required] < 0)
    {
      g_set_error_literal (error, BATON_CSV_ERROR, BATON_CSV_ERROR_HEADER, no_required);
      return FALSE;
    }

  return TRUE;
}

gboolean
_baton_csv_columns_from_header (gint               *columns,
                                const char * const *names,
                                guint               n_fields,
                                const char * const *header,
                                guint               n_columns,
                                char              **unknown,
                                guint              *n_unknown,
                                GError            **error)
{
  g_autoptr(GString) list = g_string_new (NULL);

  *n_unknown = 0;

  for (guint f = 0; f < n_fields; f++)
    columns[f] = -1;

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *name = g_ascii_strdown (header[c], -1);
      guint f;

      g_strstrip (name);
      for (f = 0; f < n_fields; f++)
        if (strcmp (name, names[f]) == 0)
          break;

      if (f == n_fields)
        {
          g_string_append_printf (list, "%s“%s”", *n_unknown > 0 ? ", " : "", header[c]);
          (*n_unknown)++;
          continue;
        }
      if (columns[f] >= 0)
        {
          g_set_error (error, BATON_CSV_ERROR, BATON_CSV_ERROR_HEADER,
                       _("The column “%s” comes twice in the first line."), names[f]);
          return FALSE;
        }
      columns[f] = c;
    }

  *unknown = *n_unknown > 0 ? g_string_free (g_steal_pointer (&list), FALSE) : NULL;
  return TRUE;
}

gboolean
baton_csv_mapping_init_from_header (BatonCsvMapping    *mapping,
                                    const char * const *header,
                                    guint               n_columns,
                                    GError            **error)
{
  g_autofree char *unknown = NULL;
  guint n = 0;

  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (header != NULL || n_columns == 0, FALSE);

  if (!_baton_csv_columns_from_header (mapping->columns, field_names, BATON_CSV_N_FIELDS,
                                       header, n_columns, &unknown, &n, error))
    return FALSE;

  if (unknown != NULL)
    {
      g_set_error (error, BATON_CSV_ERROR, BATON_CSV_ERROR_HEADER,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The column %s is not one Baton knows. Rename it to a field name (such as “title” or “due_date”) or leave it out.",
                                "The columns %s are not ones Baton knows. Rename them to field names (such as “title” or “due_date”) or leave them out.",
                                n),
                   unknown);
      return FALSE;
    }

  if (mapping->columns[BATON_CSV_FIELD_TITLE] < 0)
    {
      g_set_error_literal (error, BATON_CSV_ERROR, BATON_CSV_ERROR_HEADER,
                           _("The file has no “title” column; every task needs a title."));
      return FALSE;
    }

  return TRUE;
}
