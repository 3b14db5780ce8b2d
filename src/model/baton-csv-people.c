/* baton-csv-people.c — a team roster as CSV, out and in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export writes one row per person (baton-csv.h has the columns). The
 * import reads the whole file, checks every cell and matches every name
 * before anything is written, so that the preview is exact and the apply
 * step only writes: new roles first, then the people, in one batch (one
 * undo step).
 */

#define G_LOG_DOMAIN "baton-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "baton-csv.h"
#include "baton-csv-import-private.h"
#include "baton-csv-private.h"

static const char * const people_field_names[BATON_CSV_PEOPLE_N_FIELDS] = {
  "name", "email", "role", "roles", "weekly_capacity_hours", "archived", "placeholder",
};

const char *
baton_csv_people_field_get_name (BatonCsvPeopleField field)
{
  g_return_val_if_fail (field < BATON_CSV_PEOPLE_N_FIELDS, NULL);
  return people_field_names[field];
}

/* Export */

static const char *
role_name (BatonStore *store,
           gint64      id)
{
  BatonRole *role = baton_store_lookup_role (store, id);

  return role ? baton_role_get_name (role) : NULL;
}

gboolean
baton_csv_export_people (BatonStore             *store,
                         GOutputStream          *stream,
                         const BatonCsvOptions  *options,
                         GCancellable           *cancellable,
                         GError                **error)
{
  GListModel *people;
  BatonCsvWriter writer;
  gboolean ok = TRUE;
  guint n;

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  people = baton_store_get_people (store);
  n = g_list_model_get_n_items (people);

  baton_csv_writer_init (&writer, stream, options != NULL && options->bom);
  for (guint f = 0; f < BATON_CSV_PEOPLE_N_FIELDS; f++)
    baton_csv_writer_add_plain (&writer, people_field_names[f]);
  ok = baton_csv_writer_end_row (&writer, cancellable, error);

  for (guint i = 0; ok && i < n; i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (people, i);
      g_autoptr(GArray) role_ids = baton_store_get_person_role_ids (store, person);
      g_autoptr(GString) roles = g_string_new (NULL);
      g_autofree char *hours = _baton_csv_format_hours (baton_person_get_weekly_capacity_minutes (person));

      for (guint r = 0; r < role_ids->len; r++)
        {
          const char *name = role_name (store, g_array_index (role_ids, gint64, r));

          if (name == NULL)
            continue;
          if (roles->len > 0)
            g_string_append (roles, "; ");
          g_string_append (roles, name);
        }

      baton_csv_writer_add_text (&writer, baton_person_get_name (person));
      baton_csv_writer_add_text (&writer, baton_person_get_email (person));
      baton_csv_writer_add_text (&writer, role_ids->len > 0 ? role_name (store, g_array_index (role_ids, gint64, 0)) : NULL);
      baton_csv_writer_add_text (&writer, roles->str);
      baton_csv_writer_add_plain (&writer, hours);
      baton_csv_writer_add_plain (&writer, baton_person_get_archived (person) ? "yes" : "no");
      baton_csv_writer_add_plain (&writer, baton_person_get_placeholder (person) ? "yes" : "no");
      ok = baton_csv_writer_end_row (&writer, cancellable, error);
    }

  return baton_csv_writer_finish (&writer, cancellable, error) && ok;
}

/* Writes the whole file in one step: no half file on a failure, and the
 * file is private (0600), as the other exports. */
gboolean
baton_csv_export_people_file (BatonStore             *store,
                              const char             *path,
                              const BatonCsvOptions  *options,
                              GError                **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!baton_csv_export_people (store, stream, options, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return FALSE;

  return g_file_set_contents_full (path, g_memory_output_stream_get_data (memory),
                                   g_memory_output_stream_get_data_size (memory),
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* Mapping */

void
baton_csv_people_mapping_init (BatonCsvPeopleMapping *mapping)
{
  g_return_if_fail (mapping != NULL);

  for (guint i = 0; i < BATON_CSV_PEOPLE_N_FIELDS; i++)
    mapping->columns[i] = -1;
}

gboolean
baton_csv_people_mapping_init_from_header (BatonCsvPeopleMapping *mapping,
                                           const char * const    *header,
                                           guint                  n_columns,
                                           GError               **error)
{
  g_autofree char *unknown = NULL;
  guint n = 0;

  g_return_val_if_fail (mapping != NULL, FALSE);
  g_return_val_if_fail (header != NULL || n_columns == 0, FALSE);

  if (!_baton_csv_columns_from_header (mapping->columns, people_field_names, BATON_CSV_PEOPLE_N_FIELDS,
                                       header, n_columns, &unknown, &n, error))
    return FALSE;

  if (unknown != NULL)
    {
      g_set_error (error, BATON_CSV_ERROR, BATON_CSV_ERROR_HEADER,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The column %s is not one Baton knows for people. Rename it to a field name (such as “name” or “weekly_capacity_hours”) or leave it out.",
                                "The columns %s are not ones Baton knows for people. Rename them to field names (such as “name” or “weekly_capacity_hours”) or leave them out.",
                                n),
                   unknown);
      return FALSE;
    }

  if (mapping->columns[BATON_CSV_PEOPLE_FIELD_NAME] < 0)
    {
      g_set_error_literal (error, BATON_CSV_ERROR, BATON_CSV_ERROR_HEADER,
                           _("The file has no “name” column; every person needs a name."));
      return FALSE;
    }

  return TRUE;
}

/* Import */

#define PEOPLE_HAS(row, field) (((row)->has & (1u << (field))) != 0)

typedef struct
{
  guint        line;
  BatonPerson *person;      /* the person of the workspace (a reference), or NULL: new */
  guint        has;         /* bit per BatonCsvPeopleField: a value to write */
  gboolean     unchanged;
  char        *name;
  char        *email;       /* NULL: none */
  gint64       minutes;
  gboolean     archived;
  gboolean     placeholder;
  GPtrArray   *role_keys;   /* casefolded role keys, primary first; NULL: roles kept */
} PersonRow;

struct _BatonCsvPeopleImport
{
  BatonStore            *store;
  BatonCsvPeoplePreview  preview;
  GPtrArray             *rows;       /* PersonRow */
  Names                  roles;
  GHashTable            *people_exact;   /* name → BatonPerson */
  GHashTable            *people_folded;  /* casefolded name → BatonPerson */
  GHashTable            *seen;           /* "#id" of a person, or a new casefolded name → line */
};

static void
person_row_free (PersonRow *row)
{
  g_clear_object (&row->person);
  g_free (row->name);
  g_free (row->email);
  g_clear_pointer (&row->role_keys, g_ptr_array_unref);
  g_free (row);
}

void
baton_csv_people_import_free (BatonCsvPeopleImport *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->store);
  g_clear_pointer (&self->preview.warnings, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  _baton_csv_names_clear (&self->roles);
  g_clear_pointer (&self->people_exact, g_hash_table_unref);
  g_clear_pointer (&self->people_folded, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_free (self);
}

const BatonCsvPeoplePreview *
baton_csv_people_import_get_preview (BatonCsvPeopleImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->preview;
}

static void
add_warning (BatonCsvPeopleImport *self,
             guint                 line,
             const char           *message)
{
  g_ptr_array_add (self->preview.warnings, g_strdup_printf (_("Line %u: %s"), line, message));
}

static const char *
get_cell (GPtrArray                   *cells,
          const BatonCsvPeopleMapping *mapping,
          BatonCsvPeopleField          field)
{
  gint column = mapping->columns[field];

  if (column < 0 || (guint) column >= cells->len)
    return NULL;
  return baton_csv_unescape (g_ptr_array_index (cells, column));
}

/* Checks @text against a person field; the normalized value or NULL. */
static gboolean
check_person_field (const char  *name,
                    const char  *text,
                    guint        line,
                    char       **result,
                    GError     **error)
{
  const BatonField *field = baton_record_schema_find_field (baton_person_schema (), name);
  GValue value = G_VALUE_INIT, normalized = G_VALUE_INIT;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  ok = baton_field_validate (field, &value, &normalized, &local_error);
  g_value_unset (&value);
  if (!ok)
    {
      _baton_csv_set_cell_error (error, line, "%s", local_error->message);
      return FALSE;
    }
  *result = g_value_dup_string (&normalized);
  g_value_unset (&normalized);
  return TRUE;
}

static gboolean
parse_hours (const char  *text,
             guint        line,
             gint64      *minutes,
             GError     **error)
{
  double most = BATON_MAX_WEEKLY_CAPACITY_MINUTES / 60.0;
  char *end = NULL;
  double hours;

  hours = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (hours) || hours < 0 || hours > most ||
      strpbrk (text, "xXpPnN") != NULL)
    {
      g_autofree char *most_text = _baton_csv_format_hours (BATON_MAX_WEEKLY_CAPACITY_MINUTES);

      if (strchr (text, ',') != NULL)
        _baton_csv_set_cell_error (error, line,
                                   /* Translators: "The weekly_capacity_hours “37,5” is not …" */
                                   _("The %s “%s” is not a number of hours; write hours with a decimal point (37.5)."),
                                   people_field_names[BATON_CSV_PEOPLE_FIELD_WEEKLY_CAPACITY_HOURS], text);
      else
        _baton_csv_set_cell_error (error, line,
                                   /* Translators: "The weekly_capacity_hours “lots” is not a number of hours from 0 to 168." */
                                   _("The %s “%s” is not a number of hours from 0 to %s."),
                                   people_field_names[BATON_CSV_PEOPLE_FIELD_WEEKLY_CAPACITY_HOURS], text, most_text);
      return FALSE;
    }

  *minutes = (gint64) llround (hours * 60.0);
  return TRUE;
}

/* Adds the key of a role name to @keys once. */
static void
add_role_key (BatonCsvPeopleImport *self,
              GPtrArray            *keys,
              const char           *name,
              gboolean              first)
{
  char *key = _baton_csv_names_resolve (&self->roles, name, &self->preview.n_new_roles);

  for (guint i = 0; i < keys->len; i++)
    if (g_str_equal (keys->pdata[i], key))
      {
        if (first && i > 0)
          g_ptr_array_insert (keys, 0, g_ptr_array_steal_index (keys, i));
        g_free (key);
        return;
      }

  if (first)
    g_ptr_array_insert (keys, 0, key);
  else
    g_ptr_array_add (keys, key);
}

static char *
role_key_of_id (BatonStore *store,
                gint64      id)
{
  BatonRole *role = baton_store_lookup_role (store, id);

  return role ? g_utf8_casefold (baton_role_get_name (role), -1) : NULL;
}

/* Reads the role and roles cells into the row's list of role keys. */
static void
parse_roles (BatonCsvPeopleImport        *self,
             PersonRow                   *row,
             GPtrArray                   *cells,
             const BatonCsvPeopleMapping *mapping)
{
  const char *roles_text = get_cell (cells, mapping, BATON_CSV_PEOPLE_FIELD_ROLES);
  const char *role_text = get_cell (cells, mapping, BATON_CSV_PEOPLE_FIELD_ROLE);
  g_autofree char *primary = role_text ? g_strstrip (g_strdup (role_text)) : NULL;

  if (primary != NULL && *primary == '\0')
    g_clear_pointer (&primary, g_free);

  if (roles_text != NULL)
    {
      g_auto(GStrv) names = g_strsplit (roles_text, ";", -1);

      row->role_keys = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; names[i] != NULL; i++)
        {
          g_strstrip (names[i]);
          if (*names[i] != '\0')
            add_role_key (self, row->role_keys, names[i], FALSE);
        }
    }
  else if (primary != NULL)
    {
      /* Only the primary role is in the file: the others stay. */
      row->role_keys = g_ptr_array_new_with_free_func (g_free);
      if (row->person != NULL)
        {
          g_autoptr(GArray) ids = baton_store_get_person_role_ids (self->store, row->person);

          for (guint i = 0; i < ids->len; i++)
            {
              char *key = role_key_of_id (self->store, g_array_index (ids, gint64, i));

              if (key != NULL)
                g_ptr_array_add (row->role_keys, key);
            }
        }
    }

  if (primary != NULL)
    {
      g_autofree char *key = g_utf8_casefold (primary, -1);
      gboolean listed = FALSE;

      for (guint i = 0; i < row->role_keys->len; i++)
        listed = listed || g_str_equal (row->role_keys->pdata[i], key);
      if (roles_text != NULL && !listed)
        {
          g_autofree char *message =
            g_strdup_printf (_("The role “%s” is not among the roles; it is added to them."), primary);
          add_warning (self, row->line, message);
        }
      add_role_key (self, row->role_keys, primary, TRUE);
    }
}

static PersonRow *
parse_row (BatonCsvPeopleImport        *self,
           GPtrArray                   *cells,
           const BatonCsvPeopleMapping *mapping,
           guint                        line,
           GError                     **error)
{
  PersonRow *row = g_new0 (PersonRow, 1);
  g_autofree char *folded = NULL;
  g_autofree char *seen_key = NULL;
  const char *text;
  BatonPerson *person;
  gpointer other_line;

  row->line = line;

#define FAIL() G_STMT_START { person_row_free (row); return NULL; } G_STMT_END

  text = get_cell (cells, mapping, BATON_CSV_PEOPLE_FIELD_NAME);
  row->name = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*row->name == '\0')
    {
      _baton_csv_set_cell_error (error, line, _("The name is empty; every person needs a name."));
      FAIL ();
    }
  {
    g_autofree char *checked = NULL;

    if (!check_person_field ("name", row->name, line, &checked, error))
      FAIL ();
  }

  folded = g_utf8_casefold (row->name, -1);
  if ((person = g_hash_table_lookup (self->people_exact, row->name)) == NULL)
    person = g_hash_table_lookup (self->people_folded, folded);

  /* Two rows for one person: the person they match, or the new name. */
  if (person != NULL)
    seen_key = g_strdup_printf ("#%" G_GINT64_FORMAT, baton_record_get_id (BATON_RECORD (person)));
  else
    seen_key = g_strdup (folded);
  if (g_hash_table_lookup_extended (self->seen, seen_key, NULL, &other_line))
    {
      _baton_csv_set_cell_error (error, line, _("The person “%s” is already on line %u."),
                                 row->name, GPOINTER_TO_UINT (other_line));
      FAIL ();
    }
  g_hash_table_insert (self->seen, g_steal_pointer (&seen_key), GUINT_TO_POINTER (line));

  if (person != NULL && strcmp (baton_person_get_name (person), row->name) != 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is taken as the person “%s”."), row->name, baton_person_get_name (person));
      add_warning (self, line, message);
    }
  if (person != NULL)
    row->person = g_object_ref (person);

  if ((text = get_cell (cells, mapping, BATON_CSV_PEOPLE_FIELD_EMAIL)) != NULL)
    {
      g_autofree char *email = g_strstrip (g_strdup (text));

      if (*email != '\0' && !check_person_field ("email", email, line, &row->email, error))
        FAIL ();
      row->has |= 1u << BATON_CSV_PEOPLE_FIELD_EMAIL;
    }

  if ((text = get_cell (cells, mapping, BATON_CSV_PEOPLE_FIELD_WEEKLY_CAPACITY_HOURS)) != NULL &&
      *text != '\0')
    {
      g_autofree char *hours = g_strstrip (g_strdup (text));

      if (!parse_hours (hours, line, &row->minutes, error))
        FAIL ();
      row->has |= 1u << BATON_CSV_PEOPLE_FIELD_WEEKLY_CAPACITY_HOURS;
    }
  if (!PEOPLE_HAS (row, BATON_CSV_PEOPLE_FIELD_WEEKLY_CAPACITY_HOURS))
    row->minutes = row->person ? baton_person_get_weekly_capacity_minutes (row->person) : NEW_PERSON_MINUTES;

  if ((text = get_cell (cells, mapping, BATON_CSV_PEOPLE_FIELD_ARCHIVED)) != NULL && *text != '\0')
    {
      g_autofree char *archived = g_strstrip (g_strdup (text));

      if (!_baton_csv_parse_yes_no (archived, people_field_names[BATON_CSV_PEOPLE_FIELD_ARCHIVED],
                                    line, &row->archived, error))
        FAIL ();
      row->has |= 1u << BATON_CSV_PEOPLE_FIELD_ARCHIVED;
    }
  if (!PEOPLE_HAS (row, BATON_CSV_PEOPLE_FIELD_ARCHIVED))
    row->archived = row->person ? baton_person_get_archived (row->person) : FALSE;

  if ((text = get_cell (cells, mapping, BATON_CSV_PEOPLE_FIELD_PLACEHOLDER)) != NULL && *text != '\0')
    {
      g_autofree char *placeholder = g_strstrip (g_strdup (text));

      if (!_baton_csv_parse_yes_no (placeholder, people_field_names[BATON_CSV_PEOPLE_FIELD_PLACEHOLDER],
                                    line, &row->placeholder, error))
        FAIL ();
      row->has |= 1u << BATON_CSV_PEOPLE_FIELD_PLACEHOLDER;
    }
  if (!PEOPLE_HAS (row, BATON_CSV_PEOPLE_FIELD_PLACEHOLDER))
    row->placeholder = row->person ? baton_person_get_placeholder (row->person) : FALSE;

  parse_roles (self, row, cells, mapping);

#undef FAIL
  return row;
}

/* The role ids of a row's keys, or FALSE when one is a new role. */
static gboolean
row_role_ids (BatonCsvPeopleImport *self,
              PersonRow            *row,
              GArray               *ids)
{
  for (guint i = 0; i < row->role_keys->len; i++)
    {
      BatonRecord *role = _baton_csv_names_get (&self->roles, row->role_keys->pdata[i]);
      gint64 id;

      if (role == NULL)
        return FALSE;
      id = baton_record_get_id (role);
      g_array_append_val (ids, id);
    }
  return TRUE;
}

static gboolean
row_is_unchanged (BatonCsvPeopleImport *self,
                  PersonRow            *row)
{
  BatonPerson *person = row->person;

  if (PEOPLE_HAS (row, BATON_CSV_PEOPLE_FIELD_EMAIL))
    {
      const char *email = baton_person_get_email (person);

      if (g_strcmp0 (row->email, email != NULL && *email != '\0' ? email : NULL) != 0)
        return FALSE;
    }
  if (row->minutes != baton_person_get_weekly_capacity_minutes (person) ||
      row->archived != !!baton_person_get_archived (person) ||
      row->placeholder != !!baton_person_get_placeholder (person))
    return FALSE;

  if (row->role_keys != NULL)
    {
      g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GArray) current = baton_store_get_person_role_ids (self->store, person);

      if (!row_role_ids (self, row, wanted) || wanted->len != current->len)
        return FALSE;
      if (wanted->len > 0 &&
          g_array_index (wanted, gint64, 0) != g_array_index (current, gint64, 0))
        return FALSE;
      for (guint i = 0; i < wanted->len; i++)
        if (!baton_store_person_has_role (self->store, person, g_array_index (wanted, gint64, i)))
          return FALSE;
    }

  return TRUE;
}

static void
fill_people (BatonCsvPeopleImport *self)
{
  GListModel *people = baton_store_get_people (self->store);
  guint n = g_list_model_get_n_items (people);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (people, i);
      const char *name = baton_person_get_name (person);
      char *folded = g_utf8_casefold (name, -1);

      if (!g_hash_table_contains (self->people_exact, name))
        g_hash_table_insert (self->people_exact, g_strdup (name), g_object_ref (person));
      if (!g_hash_table_contains (self->people_folded, folded))
        g_hash_table_insert (self->people_folded, folded, g_object_ref (person));
      else
        g_free (folded);
    }
}

BatonCsvPeopleImport *
baton_csv_people_import_prepare (BatonStore                  *store,
                                 GInputStream                *stream,
                                 const BatonCsvPeopleMapping *mapping,
                                 GCancellable                *cancellable,
                                 GError                     **error)
{
  g_autoptr(BatonCsvPeopleImport) self = NULL;
  g_autoptr(BatonCsvReader) reader = NULL;
  g_autoptr(GPtrArray) header = NULL;
  BatonCsvPeopleMapping file_mapping;
  GError *local_error = NULL;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (BatonCsvPeopleImport, 1);
  self->store = g_object_ref (store);
  self->preview.warnings = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) person_row_free);
  _baton_csv_names_init (&self->roles, BATON_TYPE_ROLE);
  _baton_csv_names_fill (&self->roles, baton_store_get_roles (store));
  self->people_exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->people_folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fill_people (self);

  reader = baton_csv_reader_new (stream, BATON_CSV_MAX_BYTES);
  if (!(header = _baton_csv_read_header_row (reader, cancellable, error)))
    return NULL;

  if (mapping == NULL)
    {
      if (!baton_csv_people_mapping_init_from_header (&file_mapping, (const char * const *) header->pdata,
                                                      header->len, error))
        return NULL;
      mapping = &file_mapping;
    }
  else if (!_baton_csv_check_mapping (mapping->columns, people_field_names, BATON_CSV_PEOPLE_N_FIELDS,
                                      header->len, BATON_CSV_PEOPLE_FIELD_NAME,
                                      _("No column is chosen for the name; every person needs a name."), error))
    return NULL;

  for (;;)
    {
      g_autoptr(GPtrArray) cells = baton_csv_reader_next_row (reader, cancellable, &local_error);
      PersonRow *row;

      if (cells == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              return NULL;
            }
          break;
        }

      if (!(row = parse_row (self, cells, mapping, baton_csv_reader_get_line (reader), error)))
        return NULL;
      g_ptr_array_add (self->rows, row);
    }

  self->preview.n_rows = self->rows->len;
  for (guint i = 0; i < self->rows->len; i++)
    {
      PersonRow *row = g_ptr_array_index (self->rows, i);

      if (row->person == NULL)
        self->preview.n_new_people++;
      else if ((row->unchanged = row_is_unchanged (self, row)))
        self->preview.n_unchanged_people++;
      else
        self->preview.n_updated_people++;
    }

  return g_steal_pointer (&self);
}

BatonCsvPeopleImport *
baton_csv_people_import_prepare_file (BatonStore                  *store,
                                      const char                  *path,
                                      const BatonCsvPeopleMapping *mapping,
                                      GError                     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);

  if (stream == NULL)
    return NULL;
  return baton_csv_people_import_prepare (store, G_INPUT_STREAM (stream), mapping, NULL, error);
}

/* Apply */

static gboolean
write_row (BatonCsvPeopleImport  *self,
           PersonRow             *row,
           GError               **error)
{
  BatonPerson *person = row->person;

  if (person == NULL)
    {
      person = baton_store_create_person (self->store, row->name, row->email, row->minutes, NULL, error);
      if (person == NULL)
        return FALSE;
      if (row->archived &&
          !baton_store_update (self->store, person, error, "archived", TRUE, NULL))
        return FALSE;
      if (row->placeholder &&
          !baton_store_update (self->store, person, error, "placeholder", TRUE, NULL))
        return FALSE;
    }
  else
    {
      const char *email = baton_person_get_email (person);
      gboolean email_changed = PEOPLE_HAS (row, BATON_CSV_PEOPLE_FIELD_EMAIL) &&
                               g_strcmp0 (row->email, email != NULL && *email != '\0' ? email : NULL) != 0;

      if (email_changed &&
          !baton_store_update (self->store, person, error, "email", row->email, NULL))
        return FALSE;
      if (row->minutes != baton_person_get_weekly_capacity_minutes (person) &&
          !baton_store_update (self->store, person, error, "weekly-capacity-minutes", row->minutes, NULL))
        return FALSE;
      if (row->archived != !!baton_person_get_archived (person) &&
          !baton_store_update (self->store, person, error, "archived", row->archived, NULL))
        return FALSE;
      if (row->placeholder != !!baton_person_get_placeholder (person) &&
          !baton_store_update (self->store, person, error, "placeholder", row->placeholder, NULL))
        return FALSE;
    }

  if (row->role_keys != NULL)
    {
      g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (!row_role_ids (self, row, ids))
        g_assert_not_reached ();
      if (!baton_store_set_person_roles (self->store, person, (gint64 *) (gpointer) ids->data, ids->len,
                                         ids->len > 0 ? g_array_index (ids, gint64, 0) : 0, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
apply_batch (BatonStore  *store,
             gpointer     user_data,
             GError     **error)
{
  BatonCsvPeopleImport *self = user_data;

  for (guint i = 0; i < self->roles.new_keys->len; i++)
    {
      const char *key = g_ptr_array_index (self->roles.new_keys, i);
      BatonRole *role = baton_store_create_role (store, g_hash_table_lookup (self->roles.new_names, key), NULL, error);

      if (role == NULL)
        return FALSE;
      g_hash_table_insert (self->roles.created, (gpointer) key, role);
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      PersonRow *row = g_ptr_array_index (self->rows, i);
      g_autoptr(GError) local_error = NULL;

      if (row->unchanged)
        continue;
      if (!write_row (self, row, &local_error))
        {
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

gboolean
baton_csv_people_import_apply (BatonCsvPeopleImport  *self,
                               GError               **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = baton_store_run_batch (self->store, _("Import People from CSV"), TRUE, apply_batch, self, error);
  /* The roles created for this run are gone after a rollback. */
  g_hash_table_remove_all (self->roles.created);
  return ok;
}

gboolean
baton_csv_import_people_file (BatonStore                  *store,
                              const char                  *path,
                              const BatonCsvPeopleMapping *mapping,
                              GError                     **error)
{
  g_autoptr(BatonCsvPeopleImport) import = baton_csv_people_import_prepare_file (store, path, mapping, error);

  return import != NULL && baton_csv_people_import_apply (import, error);
}
