/* baton-json.c — whole-workspace JSON export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document is a direct image of the tables:
 *
 *   {
 *     "format": "baton-workspace",
 *     "version": 1,
 *     "tables": {
 *       "roles": [ { "id": 1, "name": "Writer", "color": null, "position": 0 }, … ],
 *       …
 *     }
 *   }
 *
 * Tables come in dependency order, rows by id, and every row carries "id"
 * then every field of its schema, so exporting the same workspace twice
 * gives the same text and an import followed by an export gives it back.
 *
 * An imported document is untrusted: its text is scanned before json-glib
 * reads it, every node's type is checked before it is read, every value
 * goes through the same validation as the store's own methods, every
 * reference must point at a row of the document, and the rows keep the
 * rules that span rows through the store's own code. All of that happens
 * in memory; only a document that passed is written, in one transaction.
 *
 * This file exports, and writes a document that passed; checking the text
 * is baton-json-scan.c, reading and checking the rows baton-json-read.c.
 */

#define G_LOG_DOMAIN "baton-json"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "baton-json-private.h"

/* Export */

static gint
compare_records_by_id (gconstpointer a,
                       gconstpointer b)
{
  gint64 id_a = baton_record_get_id (*(BatonRecord * const *) a);
  gint64 id_b = baton_record_get_id (*(BatonRecord * const *) b);

  return (id_a > id_b) - (id_a < id_b);
}

static gboolean
record_get_bool (BatonRecord      *record,
                 const BatonField *field)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  baton_record_get_field_value (record, field, &value);

  return g_value_get_boolean (&value);
}

static void
add_field_value (JsonBuilder      *builder,
                 BatonRecord      *record,
                 const BatonField *field)
{
  switch (field->kind)
    {
    case BATON_FIELD_TEXT:
    case BATON_FIELD_NAME:
    case BATON_FIELD_DATE:
    case BATON_FIELD_TIMESTAMP:
    case BATON_FIELD_COLOR:
      {
        const char *text = baton_record_get_str_field (record, field);

        if (text != NULL)
          json_builder_add_string_value (builder, text);
        else
          json_builder_add_null_value (builder);
      }
      break;

    case BATON_FIELD_INT:
    case BATON_FIELD_MINUTES:
      json_builder_add_int_value (builder, baton_record_get_int_field (record, field));
      break;

    case BATON_FIELD_REF:
      {
        gint64 id = baton_record_get_int_field (record, field);

        if (id != 0)
          json_builder_add_int_value (builder, id);
        else
          json_builder_add_null_value (builder);
      }
      break;

    case BATON_FIELD_BOOL:
      json_builder_add_boolean_value (builder, record_get_bool (record, field));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
add_table (JsonBuilder             *builder,
           BatonStore              *store,
           const BatonRecordSchema *schema)
{
  GListModel *list = baton_store_get_list (store, schema->get_type ());
  g_autoptr(GPtrArray) records = NULL;
  guint n_items;

  g_assert (list != NULL);

  /* The store's lists may be in another order (stages by position). */
  n_items = g_list_model_get_n_items (list);
  records = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (records, g_list_model_get_item (list, i));
  g_ptr_array_sort (records, compare_records_by_id);

  json_builder_set_member_name (builder, schema->table);
  json_builder_begin_array (builder);

  for (guint i = 0; i < records->len; i++)
    {
      BatonRecord *record = g_ptr_array_index (records, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, baton_record_get_id (record));

      for (guint f = 0; f < schema->n_fields; f++)
        {
          const BatonField *field = &schema->fields[f];

          json_builder_set_member_name (builder, field->name);
          add_field_value (builder, record, field);
        }

      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
}

JsonNode *
baton_json_export (BatonStore *store)
{
  g_autoptr(JsonBuilder) builder = NULL;
  const BatonRecordSchema * const *schemas;
  guint n_schemas = 0;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  schemas = _baton_store_get_schemas (&n_schemas);

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, BATON_JSON_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, BATON_JSON_VERSION);

  json_builder_set_member_name (builder, "tables");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_schemas; i++)
    add_table (builder, store, schemas[i]);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
baton_json_export_string (BatonStore *store,
                          gsize      *length)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  root = baton_json_export (store);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);

  return json_generator_to_data (generator, length);
}

gboolean
baton_json_export_file (BatonStore  *store,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = baton_json_export_string (store, &length);
  contents = g_string_new_len (text, length);
  g_string_append_c (contents, '\n');

  /* Written to a temporary file and renamed: a crash never leaves half a
   * file. Private, as the workspace is. */
  if (!g_file_set_contents_full (path, contents->str, contents->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                   _("Could not write the export: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Import: writing */

static gboolean
write_document (BatonStorage  *storage,
                ImportDoc     *doc,
                GError       **error)
{
  if (!baton_storage_begin (storage, error))
    return FALSE;

  /* The document's stages replace the workspace's own. */
  if (!baton_storage_delete_all_rows (storage, baton_stage_schema (), error))
    goto failed;

  for (guint t = 0; t < doc->n_schemas; t++)
    {
      ImportTable *table = &doc->tables[t];

      for (guint r = 0; r < table->rows->len; r++)
        {
          ImportRow *row = g_ptr_array_index (table->rows, r);
          gint64 id = row->id;

          if (!baton_storage_insert_row (storage, table->schema, &id, row->values, error))
            {
              g_prefix_error (error, "%s.%s[%u]: ",
                              PATH_TABLES, table->schema->table, row->index);
              goto failed;
            }
        }
    }

  /* A failed commit rolls back by itself. */
  return baton_storage_commit (storage, error);

failed:
  baton_storage_rollback (storage);
  return FALSE;
}

static gboolean
import_data (BatonStore  *store,
             const char  *data,
             gsize        length,
             GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(ImportDoc) doc = NULL;
  BatonStorage *storage;
  gboolean written;

  if (!baton_store_is_empty (store))
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   _("Import needs an empty workspace."));
      return FALSE;
    }

  if (!_baton_json_check_text (data != NULL ? data : "", length, error))
    return FALSE;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", length, &parse_error))
    {
      _baton_json_set_syntax_error (error, parse_error);
      return FALSE;
    }

  doc = _baton_json_read_document (json_parser_get_root (parser), error);
  if (doc == NULL)
    return FALSE;

  /* The document is sound; write it. */
  storage = _baton_store_get_storage (store);
  baton_storage_begin_bulk_load (storage);
  written = write_document (storage, doc, error);
  baton_storage_end_bulk_load (storage);

  /* A team server confirms the rows after the writes return; read them
   * back only once it has (a refusal left the workspace as it was). */
  if (!written || !baton_store_wait_confirmed (store, 60 * 1000, error))
    return FALSE;

  /* What was undoable referred to the workspace that is gone. */
  baton_history_clear (baton_store_get_history (store));

  return _baton_store_reload (store, error);
}

gboolean
baton_json_import (BatonStore  *store,
                   const char  *data,
                   gssize       length,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length < 0)
    length = strlen (data);

  if (import_data (store, data, length, &local_error))
    return TRUE;

  /* Every message quotes the document with care; this is the last guard
   * that what a person reads is text. */
  if (!g_utf8_validate (local_error->message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (local_error->message, -1);

      g_free (local_error->message);
      local_error->message = valid;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
baton_json_import_file (BatonStore  *store,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                   _("Could not read the file: %s"), local_error->message);
      return FALSE;
    }

  return baton_json_import (store, contents, length, error);
}

static void
remove_workspace_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/**
 * baton_json_import_new_workspace:
 * @json_path: a Baton JSON document
 * @path: where the new workspace goes; nothing may be there yet
 * @cancellable: (nullable): stops the import; nothing is left behind then
 *
 * Makes a new workspace at @path (mode 0600) from the document. It may run
 * on any thread: the workspace is opened there and closed before this
 * returns. On any error, a cancel included, no file is left at @path.
 */
gboolean
baton_json_import_new_workspace (const char    *json_path,
                                 const char    *path,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (json_path != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("A file named “%s” already exists. Choose another name for the new workspace."),
                   name);
      return FALSE;
    }

  file = g_file_new_for_path (json_path);
  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                     _("Could not read the file: %s"), local_error->message);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if (!(store = _baton_store_open_full (path, TRUE, error)))
    return FALSE;

  if (!baton_json_import (store, contents, length, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_clear_object (&store);
      remove_workspace_files (path);
      return FALSE;
    }

  return TRUE;
}
