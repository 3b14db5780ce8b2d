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
#include "baton-csv-private.h"
#include "baton-dates.h"

#define NEW_PERSON_MINUTES (40 * 60)


typedef enum { STATUS_NONE = -1, STATUS_OPEN, STATUS_DONE, STATUS_ARCHIVED } Status;

/* Names of one kind: the records there are, the ones to create. */
typedef struct
{
  GType       type;
  GHashTable *exact;      /* name → record (owned by the store) */
  GHashTable *folded;     /* casefolded name → record */
  GHashTable *created;    /* casefolded key → record, filled while applying */
  GPtrArray  *new_keys;   /* casefolded keys to create, in first-seen order */
  GHashTable *new_names;  /* casefolded key → the name as first written */
} Names;

typedef struct
{
  guint      line;
  BatonTask *task;            /* the task of the workspace with this id */
  guint64    has;             /* bit per BatonCsvField: the cell is in the file */
  gboolean   unchanged;

  char      *client_key;      /* NULL: no program */
  char      *program_key;     /* "client\x1fprogram", casefolded */
  char      *stage_key;       /* NULL: from the status */
  char      *assignee_key;    /* NULL: unassigned */
  char      *role_key;
  char      *title;
  char      *notes;
  char      *start_date;
  char      *due_date;
  char      *created_at;
  char      *updated_at;
  char      *completed_at;
  char      *checklist;       /* canonical "[x] text" lines, or NULL */
  gint64     position;
  gint64     estimate;
  gint64     priority;
  Status     status;
} Row;

struct _BatonCsvImport
{
  BatonStore      *store;
  BatonCsvPreview  preview;
  GPtrArray       *rows;      /* Row */
  Names            clients, programs, roles, stages, people;
  GHashTable      *program_clients;  /* program key → client key */
  GHashTable      *stage_ends;       /* stage key → last position */
};

static void
row_free (Row *row)
{
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

static void
names_init (Names *names,
            GType  type)
{
  names->type = type;
  names->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  names->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  names->created = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, NULL);
  names->new_keys = g_ptr_array_new ();
  names->new_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
names_clear (Names *names)
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
    g_hash_table_insert (names->exact, g_strdup (name), record);
  if (!g_hash_table_contains (names->folded, name))
    {
      char *folded = g_utf8_casefold (name, -1);

      if (g_hash_table_contains (names->folded, folded))
        g_free (folded);
      else
        g_hash_table_insert (names->folded, folded, record);
    }
}

/* The key of @name: the casefolded name of the record it matches (exactly,
 * else ignoring case), or of a new one to create. */
static char *
names_resolve (Names      *names,
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
static gpointer
names_get (Names      *names,
           const char *key)
{
  gpointer record;

  if (key == NULL)
    return NULL;
  if ((record = g_hash_table_lookup (names->created, key)) != NULL)
    return record;
  return g_hash_table_lookup (names->folded, key);
}

static void
names_fill (Names      *names,
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
  names_clear (&self->clients);
  names_clear (&self->programs);
  names_clear (&self->roles);
  names_clear (&self->stages);
  names_clear (&self->people);
  g_clear_pointer (&self->program_clients, g_hash_table_unref);
  g_clear_pointer (&self->stage_ends, g_hash_table_unref);
  g_free (self);
}

const BatonCsvPreview *
baton_csv_import_get_preview (BatonCsvImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->preview;
}

/* Cells */

static void G_GNUC_PRINTF (3, 4)
set_cell_error (GError     **error,
                guint        line,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: "Line 4: The due date is not a date." */
  g_set_error (error, BATON_CSV_ERROR, BATON_CSV_ERROR_VALUE, _("Line %u: %s"), line, message);
}

static void G_GNUC_PRINTF (3, 4)
add_warning (BatonCsvImport *self,
             guint           line,
             const char     *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->preview.warnings, g_strdup_printf (_("Line %u: %s"), line, message));
}

/* Checks a text value against a task field; returns the value to store. */
static gboolean
check_field (const BatonRecordSchema *schema,
             const char              *name,
             const char              *text,
             guint                    line,
             char                   **result,
             GError                 **error)
{
  const BatonField *field = baton_record_schema_find_field (schema, name);
  GValue value = G_VALUE_INIT, normalized = G_VALUE_INIT;
  g_autoptr(GError) local_error = NULL;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  if (!baton_field_validate (field, &value, &normalized, &local_error))
    {
      g_value_unset (&value);
      set_cell_error (error, line, "%s", local_error->message);
      return FALSE;
    }
  g_value_unset (&value);
  *result = g_value_dup_string (&normalized);
  g_value_unset (&normalized);
  return TRUE;
}

static gboolean
parse_int (const char  *text,
           gint64       max,
           const char  *column,
           guint        line,
           gint64      *result,
           GError     **error)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &value, NULL))
    {
      set_cell_error (error, line, _("The %s “%s” is not a whole number from 0 to %" G_GINT64_FORMAT "."),
                      column, text, max);
      return FALSE;
    }
  *result = value;
  return TRUE;
}

static gboolean
parse_hours (const char  *text,
             guint        line,
             gint64      *minutes,
             GError     **error)
{
  char *end = NULL;
  double hours;

  if (*text == '\0')
    {
      *minutes = 0;
      return TRUE;
    }

  hours = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (hours) || hours < 0 || hours > 100000 ||
      strpbrk (text, "xXpPnN") != NULL)
    {
      if (strchr (text, ',') != NULL)
        set_cell_error (error, line, _("The estimate “%s” is not a number of hours; write hours with a decimal point (1.5)."), text);
      else
        set_cell_error (error, line, _("The estimate “%s” is not a number of hours."), text);
      return FALSE;
    }

  *minutes = (gint64) llround (hours * 60.0);
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* Reads checklist lines into the canonical form the export writes. */
static char *
parse_checklist (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *result = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gboolean done = FALSE;
      gsize len = strlen (line);

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      if (g_str_has_prefix (line, "[x] ") || g_str_has_prefix (line, "[X] "))
        done = TRUE, line += 4;
      else if (g_str_has_prefix (line, "[ ] "))
        line += 4;
      if (is_blank (line))
        continue;
      if (result->len > 0)
        g_string_append_c (result, '\n');
      g_string_append (result, done ? "[x] " : "[ ] ");
      g_string_append (result, line);
    }

  if (result->len == 0)
    {
      g_string_free (result, TRUE);
      return NULL;
    }
  return g_string_free (result, FALSE);
}

/* A checklist item's text: "\\" is a backslash, "\n" a line break. */
static char *
unescape_item (const char *text)
{
  GString *result = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] == '\\')
        g_string_append_c (result, '\\'), p++;
      else if (p[0] == '\\' && p[1] == 'n')
        g_string_append_c (result, '\n'), p++;
      else
        g_string_append_c (result, *p);
    }
  return g_string_free (result, FALSE);
}

static const char *
get_cell (GPtrArray             *cells,
          const BatonCsvMapping *mapping,
          BatonCsvField          field)
{
  gint column = mapping->columns[field];

  if (column < 0 || (guint) column >= cells->len)
    return NULL;
  return baton_csv_unescape (g_ptr_array_index (cells, column));
}

/* A name cell, trimmed; NULL when empty. */
static char *
get_name (GPtrArray             *cells,
          const BatonCsvMapping *mapping,
          BatonCsvField          field)
{
  const char *text = get_cell (cells, mapping, field);
  char *name;

  if (text == NULL)
    return NULL;
  name = g_strstrip (g_strdup (text));
  if (*name == '\0')
    g_clear_pointer (&name, g_free);
  return name;
}

static gboolean
check_date (const char  *text,
            const char  *label,
            guint        line,
            char       **result,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (*text == '\0')
    {
      *result = NULL;
      return TRUE;
    }
  if (!baton_date_validate (text, label, &local_error))
    {
      set_cell_error (error, line, "%s", local_error->message);
      return FALSE;
    }
  *result = g_strdup (text);
  return TRUE;
}

static gboolean
check_timestamp (const char  *text,
                 const char  *column,
                 guint        line,
                 char       **result,
                 GError     **error)
{
  if (*text == '\0')
    {
      *result = NULL;
      return TRUE;
    }
  if (!baton_timestamp_validate (text))
    {
      set_cell_error (error, line, _("The %s “%s” is not an ISO 8601 time such as 2026-03-01T09:30:00Z."),
                      column, text);
      return FALSE;
    }
  *result = g_strdup (text);
  return TRUE;
}

#define HAS(row, field) (((row)->has & (G_GUINT64_CONSTANT (1) << (field))) != 0)

/* Reads, checks and resolves one row of cells. */
static Row *
parse_row (BatonCsvImport        *self,
           GPtrArray             *cells,
           const BatonCsvMapping *mapping,
           guint                  line,
           GHashTable            *ids,
           GError               **error)
{
  const BatonRecordSchema *schema = baton_task_schema ();
  g_autoptr(GError) local_error = NULL;
  Row *row = g_new0 (Row, 1);
  g_autofree char *client = NULL, *program = NULL, *stage = NULL, *assignee = NULL, *role = NULL;
  const char *text;

  row->line = line;
  row->status = STATUS_NONE;
  for (guint f = 0; f < BATON_CSV_N_FIELDS; f++)
    if (mapping->columns[f] >= 0)
      row->has |= G_GUINT64_CONSTANT (1) << f;

#define FAIL() G_STMT_START { row_free (row); return NULL; } G_STMT_END

  if ((text = get_cell (cells, mapping, BATON_CSV_FIELD_ID)) != NULL && *text != '\0')
    {
      gint64 id;
      gpointer other_line;

      if (!parse_int (text, G_MAXINT64, "id", line, &id, error))
        FAIL ();
      if (g_hash_table_lookup_extended (ids, &id, NULL, &other_line))
        {
          set_cell_error (error, line, _("The id %s was already used on line %u."),
                          text, GPOINTER_TO_UINT (other_line));
          FAIL ();
        }
      g_hash_table_insert (ids, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (line));
      row->task = baton_store_lookup_task (self->store, id);
    }

  text = get_cell (cells, mapping, BATON_CSV_FIELD_TITLE);
  if (!check_field (schema, "title", text, line, &row->title, error))
    FAIL ();

  if ((text = get_cell (cells, mapping, BATON_CSV_FIELD_NOTES)) != NULL &&
      !check_field (schema, "description", text, line, &row->notes, error))
    FAIL ();

  if ((text = get_cell (cells, mapping, BATON_CSV_FIELD_POSITION)) != NULL && *text != '\0' &&
      !parse_int (text, BATON_MAX_POSITION, "position", line, &row->position, error))
    FAIL ();
  else if (text != NULL && *text == '\0')
    row->has &= ~(G_GUINT64_CONSTANT (1) << BATON_CSV_FIELD_POSITION);

  if ((text = get_cell (cells, mapping, BATON_CSV_FIELD_ESTIMATE_HOURS)) != NULL &&
      !parse_hours (text, line, &row->estimate, error))
    FAIL ();

  if ((text = get_cell (cells, mapping, BATON_CSV_FIELD_PRIORITY)) != NULL && *text != '\0' &&
      !parse_int (text, 3, "priority", line, &row->priority, error))
    FAIL ();

  if ((text = get_cell (cells, mapping, BATON_CSV_FIELD_START_DATE)) != NULL &&
      !check_date (text, _("start date"), line, &row->start_date, error))
    FAIL ();
  if ((text = get_cell (cells, mapping, BATON_CSV_FIELD_DUE_DATE)) != NULL &&
      !check_date (text, _("due date"), line, &row->due_date, error))
    FAIL ();
  {
    const char *start = HAS (row, BATON_CSV_FIELD_START_DATE) ? row->start_date
                        : row->task ? baton_task_get_start_date (row->task) : NULL;
    const char *due = HAS (row, BATON_CSV_FIELD_DUE_DATE) ? row->due_date
                      : row->task ? baton_task_get_due_date (row->task) : NULL;

    if (!baton_date_range_validate (start, due, &local_error))
      {
        set_cell_error (error, line, "%s", local_error->message);
        FAIL ();
      }
  }

  if ((text = get_cell (cells, mapping, BATON_CSV_FIELD_CREATED_AT)) != NULL &&
      !check_timestamp (text, "created_at", line, &row->created_at, error))
    FAIL ();
  if ((text = get_cell (cells, mapping, BATON_CSV_FIELD_UPDATED_AT)) != NULL &&
      !check_timestamp (text, "updated_at", line, &row->updated_at, error))
    FAIL ();
  if ((text = get_cell (cells, mapping, BATON_CSV_FIELD_COMPLETED_AT)) != NULL &&
      !check_timestamp (text, "completed_at", line, &row->completed_at, error))
    FAIL ();

  if ((text = get_cell (cells, mapping, BATON_CSV_FIELD_STATUS)) != NULL && *text != '\0')
    {
      if (g_ascii_strcasecmp (text, "open") == 0)
        row->status = STATUS_OPEN;
      else if (g_ascii_strcasecmp (text, "done") == 0)
        row->status = STATUS_DONE;
      else if (g_ascii_strcasecmp (text, "archived") == 0)
        row->status = STATUS_ARCHIVED;
      else
        {
          set_cell_error (error, line, _("The status “%s” is not one of open, done or archived."), text);
          FAIL ();
        }
    }

  if ((text = get_cell (cells, mapping, BATON_CSV_FIELD_CHECKLIST)) != NULL &&
      (row->checklist = parse_checklist (text)) != NULL)
    {
      g_auto(GStrv) items = g_strsplit (row->checklist, "\n", -1);

      for (guint i = 0; items[i] != NULL; i++)
        {
          g_autofree char *checked = NULL;
          g_autofree char *item = unescape_item (items[i] + 4);

          if (!check_field (baton_checklist_item_schema (), "text", item, line, &checked, error))
            FAIL ();
        }
    }

  /* Names */
  client = get_name (cells, mapping, BATON_CSV_FIELD_CLIENT);
  program = get_name (cells, mapping, BATON_CSV_FIELD_PROGRAM);
  if (program != NULL && client == NULL)
    {
      set_cell_error (error, line, _("The program “%s” has no client; name its client in the “client” column."), program);
      FAIL ();
    }
  if (client != NULL && program == NULL)
    add_warning (self, line, _("The client “%s” is left out: a task belongs to a program, and the row names none."), client);
  if (program != NULL)
    {
      g_autofree char *full = NULL;

      row->client_key = names_resolve (&self->clients, client, &self->preview.n_new_clients);
      full = g_strconcat (row->client_key, "\x1f", program, NULL);
      row->program_key = names_resolve (&self->programs, full, &self->preview.n_new_programs);
      if (!g_hash_table_contains (self->program_clients, row->program_key))
        g_hash_table_insert (self->program_clients, g_strdup (row->program_key), g_strdup (row->client_key));
    }

  if ((stage = get_name (cells, mapping, BATON_CSV_FIELD_STAGE)) != NULL)
    row->stage_key = names_resolve (&self->stages, stage, &self->preview.n_new_stages);
  if ((assignee = get_name (cells, mapping, BATON_CSV_FIELD_ASSIGNEE)) != NULL)
    row->assignee_key = names_resolve (&self->people, assignee, &self->preview.n_new_people);
  if ((role = get_name (cells, mapping, BATON_CSV_FIELD_ROLE)) != NULL)
    row->role_key = names_resolve (&self->roles, role, &self->preview.n_new_roles);

#undef FAIL
  return row;
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
  BatonStage *stage = names_get (&self->stages, key);

  return stage != NULL && baton_stage_get_is_done (stage);
}

static gboolean
key_is (Names      *names,
        const char *key,
        gint64      id)
{
  BatonRecord *record = names_get (names, key);

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
            row->stage_key = names_resolve (&self->stages, _("Backlog"), &self->preview.n_new_stages);
        }

      if (row->stage_key != NULL && row->status != STATUS_NONE && row->status != STATUS_ARCHIVED &&
          (row->status == STATUS_DONE) != stage_key_is_done (self, row->stage_key))
        add_warning (self, row->line,
                     row->status == STATUS_DONE
                     ? _("The status is done, but the stage is not a done stage; the task goes to the stage.")
                     : _("The status is open, but the stage is a done stage; the task goes to the stage."));

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
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  names_init (&self->clients, BATON_TYPE_CLIENT);
  names_init (&self->programs, BATON_TYPE_PROGRAM);
  names_init (&self->roles, BATON_TYPE_ROLE);
  names_init (&self->stages, BATON_TYPE_STAGE);
  names_init (&self->people, BATON_TYPE_PERSON);
  self->program_clients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->stage_ends = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  names_fill (&self->clients, baton_store_get_clients (store));
  fill_programs (self);
  names_fill (&self->roles, baton_store_get_roles (store));
  names_fill (&self->stages, baton_store_get_stages (store));
  names_fill (&self->people, baton_store_get_people (store));

  reader = baton_csv_reader_new (stream, BATON_CSV_MAX_BYTES);
  if (!(header = baton_csv_reader_next_row (reader, cancellable, &local_error)))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, BATON_CSV_ERROR, BATON_CSV_ERROR_HEADER,
                             _("The file is empty; it needs a first line that names the columns."));
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (mapping == NULL)
    {
      if (!baton_csv_mapping_init_from_header (&file_mapping, (const char * const *) header->pdata,
                                               header->len, error))
        return NULL;
      mapping = &file_mapping;
    }
  else
    {
      for (guint f = 0; f < BATON_CSV_N_FIELDS; f++)
        if (mapping->columns[f] >= (gint) header->len)
          {
            g_set_error (error, BATON_CSV_ERROR, BATON_CSV_ERROR_HEADER,
                         _("The file has no column %d for “%s”."),
                         mapping->columns[f] + 1, baton_csv_field_get_name (f));
            return NULL;
          }
      if (mapping->columns[BATON_CSV_FIELD_TITLE] < 0)
        {
          g_set_error_literal (error, BATON_CSV_ERROR, BATON_CSV_ERROR_HEADER,
                               _("No column is chosen for the title; every task needs a title."));
          return NULL;
        }
    }

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

      if (!(row = parse_row (self, cells, mapping, baton_csv_reader_get_line (reader), ids, error)))
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
  BatonRecord *record = names_get (names, key);

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
          BatonClient *client = names_get (&self->clients, g_hash_table_lookup (self->program_clients, key));

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
      g_autofree char *text = unescape_item (items[i] + 4);

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
  BatonStage *stage = row->stage_key ? names_get (&self->stages, row->stage_key) : old_stage;
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

static gboolean
apply_batch (BatonStore  *store,
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

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);
      g_autoptr(GError) local_error = NULL;

      if (row->unchanged)
        continue;
      if (!write_row (self, row, &local_error))
        {
          set_cell_error (error, row->line, "%s", local_error->message);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
baton_csv_import_apply (BatonCsvImport  *self,
                        GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = baton_store_run_batch (self->store, _("Import from CSV"), TRUE, apply_batch, self, error);

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
