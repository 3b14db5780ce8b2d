/* baton-csv-rows.c — the cells of one row of a CSV import
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

/* Cells */

void
_baton_csv_set_cell_error (GError     **error,
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

/* "yes" or "no", in the words a spreadsheet may use, English or German. */
gboolean
_baton_csv_parse_yes_no (const char  *text,
                         const char  *field,
                         guint        line,
                         gboolean    *value,
                         GError     **error)
{
  static const char * const yes[] = { "yes", "true", "1", "y", "x", "ja", "wahr" };
  static const char * const no[] = { "no", "false", "0", "n", "nein", "falsch" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *value = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *value = FALSE;
        return TRUE;
      }

  _baton_csv_set_cell_error (error, line,
                             /* Translators: "The archived “maybe” is not yes or no." */
                             _("The %s “%s” is not yes or no."), field, text);
  return FALSE;
}

void
_baton_csv_add_warning (BatonCsvImport *self,
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
      _baton_csv_set_cell_error (error, line, "%s", local_error->message);
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
      g_autofree char *most = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      /* Translators: "The priority “7” is not a whole number from 0 to 3." */
      _baton_csv_set_cell_error (error, line, _("The %s “%s” is not a whole number from 0 to %s."),
                                 column, text, most);
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
        _baton_csv_set_cell_error (error, line, _("The estimate “%s” is not a number of hours; write hours with a decimal point (1.5)."), text);
      else
        _baton_csv_set_cell_error (error, line, _("The estimate “%s” is not a number of hours."), text);
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
char *
_baton_csv_unescape_item (const char *text)
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
      _baton_csv_set_cell_error (error, line, "%s", local_error->message);
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
      _baton_csv_set_cell_error (error, line, _("The %s “%s” is not an ISO 8601 time such as 2026-03-01T09:30:00Z."),
                                 column, text);
      return FALSE;
    }
  *result = g_strdup (text);
  return TRUE;
}

/* Reads, checks and resolves one row of cells. */
Row *
_baton_csv_parse_row (BatonCsvImport        *self,
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

#define FAIL() G_STMT_START { _baton_csv_row_free (row); return NULL; } G_STMT_END

  if ((text = get_cell (cells, mapping, BATON_CSV_FIELD_ID)) != NULL && *text != '\0')
    {
      gint64 id;
      gpointer other_line;

      if (!parse_int (text, G_MAXINT64, "id", line, &id, error))
        FAIL ();
      if (g_hash_table_lookup_extended (ids, &id, NULL, &other_line))
        {
          _baton_csv_set_cell_error (error, line, _("The id %s was already used on line %u."),
                                     text, GPOINTER_TO_UINT (other_line));
          FAIL ();
        }
      g_hash_table_insert (ids, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (line));
      if ((row->task = baton_store_lookup_task (self->store, id)) != NULL)
        g_object_ref (row->task);
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

  if ((text = get_cell (cells, mapping, BATON_CSV_FIELD_PINNED)) != NULL && *text != '\0')
    {
      g_autofree char *pinned = g_strstrip (g_strdup (text));

      if (!_baton_csv_parse_yes_no (pinned, "pinned", line, &row->pinned, error))
        FAIL ();
    }
  else if (text != NULL)
    row->has &= ~(G_GUINT64_CONSTANT (1) << BATON_CSV_FIELD_PINNED);

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
        _baton_csv_set_cell_error (error, line, "%s", local_error->message);
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
          _baton_csv_set_cell_error (error, line, _("The status “%s” is not one of open, done or archived."), text);
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
          g_autofree char *item = _baton_csv_unescape_item (items[i] + 4);

          if (!check_field (baton_checklist_item_schema (), "text", item, line, &checked, error))
            FAIL ();
        }
    }

  /* Names */
  client = get_name (cells, mapping, BATON_CSV_FIELD_CLIENT);
  program = get_name (cells, mapping, BATON_CSV_FIELD_PROGRAM);
  if (program != NULL && client == NULL)
    {
      _baton_csv_set_cell_error (error, line, _("The program “%s” has no client; name its client in the “client” column."), program);
      FAIL ();
    }
  if (client != NULL && program == NULL)
    _baton_csv_add_warning (self, line, _("The client “%s” is left out: a task belongs to a program, and the row names none."), client);
  if (program != NULL)
    {
      g_autofree char *full = NULL;

      row->client_key = _baton_csv_names_resolve (&self->clients, client, &self->preview.n_new_clients);
      full = g_strconcat (row->client_key, "\x1f", program, NULL);
      row->program_key = _baton_csv_names_resolve (&self->programs, full, &self->preview.n_new_programs);
      if (!g_hash_table_contains (self->program_clients, row->program_key))
        g_hash_table_insert (self->program_clients, g_strdup (row->program_key), g_strdup (row->client_key));
    }

  if ((stage = get_name (cells, mapping, BATON_CSV_FIELD_STAGE)) != NULL)
    row->stage_key = _baton_csv_names_resolve (&self->stages, stage, &self->preview.n_new_stages);
  if ((assignee = get_name (cells, mapping, BATON_CSV_FIELD_ASSIGNEE)) != NULL)
    row->assignee_key = _baton_csv_names_resolve (&self->people, assignee, &self->preview.n_new_people);
  if ((role = get_name (cells, mapping, BATON_CSV_FIELD_ROLE)) != NULL)
    row->role_key = _baton_csv_names_resolve (&self->roles, role, &self->preview.n_new_roles);

  /* A person the import creates holds the role of their first task. */
  if (row->assignee_key != NULL && row->role_key != NULL &&
      g_hash_table_contains (self->people.new_names, row->assignee_key) &&
      !g_hash_table_contains (self->new_person_roles, row->assignee_key))
    g_hash_table_insert (self->new_person_roles, g_strdup (row->assignee_key), g_strdup (row->role_key));

#undef FAIL
  return row;
}

