/* baton-json-read.c — reading an imported document into rows, and checking them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every node's type is checked before it is read, every value goes through
 * the store's validation, every reference must point at a row of the
 * document, and the rules that span rows are the store's own.
 */

#define G_LOG_DOMAIN "baton-json"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "baton-json-private.h"

/* Import: reading and checking the document in memory */

static void
import_row_free (gpointer data)
{
  ImportRow *row = data;

  for (guint i = 0; i < row->n_values; i++)
    {
      if (G_IS_VALUE (&row->values[i]))
        g_value_unset (&row->values[i]);
    }
  g_free (row->values);
  g_clear_object (&row->record);

  g_free (row);
}

static void
import_table_clear (ImportTable *table)
{
  if (table->by_ref != NULL)
    {
      for (guint f = 0; f < table->schema->n_fields; f++)
        g_clear_pointer (&table->by_ref[f], g_hash_table_unref);
      g_clear_pointer (&table->by_ref, g_free);
    }
  g_clear_pointer (&table->ids, g_hash_table_unref);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
}

void
_baton_json_import_doc_free (ImportDoc *doc)
{
  for (guint i = 0; i < doc->n_schemas; i++)
    import_table_clear (&doc->tables[i]);
  g_free (doc->tables);
  g_clear_pointer (&doc->view.memo, g_hash_table_unref);
  g_free (doc);
}

static ImportTable *
import_doc_table_for (ImportDoc               *doc,
                      const BatonRecordSchema *schema)
{
  for (guint i = 0; i < doc->n_schemas; i++)
    {
      if (doc->schemas[i] == schema)
        return &doc->tables[i];
    }

  g_assert_not_reached ();
  return NULL;
}

static BatonRecord *
import_doc_lookup (const BatonRowView      *view,
                   const BatonRecordSchema *schema,
                   gint64                   id)
{
  ImportTable *table = import_doc_table_for ((ImportDoc *) view, schema);
  ImportRow *row = g_hash_table_lookup (table->ids, &id);

  return row != NULL ? row->record : NULL;
}

static void
import_doc_collect (const BatonRowView      *view,
                    const BatonRecordSchema *schema,
                    const BatonField        *field,
                    gint64                   id,
                    GPtrArray               *rows)
{
  ImportTable *table = import_doc_table_for ((ImportDoc *) view, schema);
  GPtrArray *group;
  guint f;

  if (field == NULL)
    {
      for (guint r = 0; r < table->rows->len; r++)
        g_ptr_array_add (rows, ((ImportRow *) g_ptr_array_index (table->rows, r))->record);
      return;
    }

  /* Rules ask for the rows of one reference many times (the roles of a
   * person, for each of their roles): group the rows once. */
  f = field - schema->fields;
  if (table->by_ref == NULL)
    table->by_ref = g_new0 (GHashTable *, schema->n_fields);
  if (table->by_ref[f] == NULL)
    {
      table->by_ref[f] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                (GDestroyNotify) g_ptr_array_unref);
      for (guint r = 0; r < table->rows->len; r++)
        {
          ImportRow *row = g_ptr_array_index (table->rows, r);
          gint64 ref = g_value_get_int64 (&row->values[f]);

          group = g_hash_table_lookup (table->by_ref[f], &ref);
          if (group == NULL)
            {
              group = g_ptr_array_new ();
              g_hash_table_insert (table->by_ref[f], g_memdup2 (&ref, sizeof ref), group);
            }
          g_ptr_array_add (group, row->record);
        }
    }

  group = g_hash_table_lookup (table->by_ref[f], &id);
  if (group != NULL)
    g_ptr_array_extend (rows, group, NULL, NULL);
}

static ImportDoc *
import_doc_new (void)
{
  ImportDoc *doc = g_new0 (ImportDoc, 1);

  doc->view.lookup = import_doc_lookup;
  doc->view.collect = import_doc_collect;
  doc->view.memo = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_hash_table_unref);
  doc->schemas = _baton_store_get_schemas (&doc->n_schemas);
  doc->tables = g_new0 (ImportTable, doc->n_schemas);

  for (guint i = 0; i < doc->n_schemas; i++)
    {
      doc->tables[i].schema = doc->schemas[i];
      doc->tables[i].rows = g_ptr_array_new_with_free_func (import_row_free);
      doc->tables[i].ids = g_hash_table_new (g_int64_hash, g_int64_equal);
    }

  return doc;
}

static ImportTable *
import_doc_find_table (ImportDoc  *doc,
                       const char *name)
{
  for (guint i = 0; i < doc->n_schemas; i++)
    {
      if (g_strcmp0 (doc->schemas[i]->table, name) == 0)
        return &doc->tables[i];
    }

  return NULL;
}

static const char *
describe_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_INT64)
          return _("an integer");
        if (type == G_TYPE_DOUBLE)
          return _("a number with a fraction or an exponent");
        if (type == G_TYPE_BOOLEAN)
          return _("a boolean");
        if (type == G_TYPE_STRING)
          return _("a string");
      }
      return _("a value");
    default:
      return _("an unknown node");
    }
}

static gboolean
node_is_value_of (JsonNode *node,
                  GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

void
_baton_json_set_type_error (GError     **error,
                            const char  *path,
                            const char  *expected,
                            JsonNode    *found)
{
  /* Translators: "$.tables.tasks[3].title: Expected a string, found an integer." */
  g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
               _("%s: Expected %s, found %s."),
               path, expected, describe_node (found));
}

void
_baton_json_set_missing_error (GError     **error,
                               const char  *path)
{
  g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
               _("%s: This member is missing."), path);
}

static JsonObject *
get_object_member (JsonObject  *object,
                   const char  *name,
                   const char  *path,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      _baton_json_set_missing_error (error, path);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _baton_json_set_type_error (error, path, _("an object"), node);
      return NULL;
    }

  return json_node_get_object (node);
}

/* Reads one member into @value (initialized to the field's type) without
 * validating its content. */
static gboolean
read_field (const BatonField  *field,
            JsonNode          *node,
            const char        *path,
            GValue            *value,
            GError           **error)
{
  switch (field->kind)
    {
    case BATON_FIELD_TEXT:
    case BATON_FIELD_NAME:
    case BATON_FIELD_DATE:
    case BATON_FIELD_TIMESTAMP:
    case BATON_FIELD_COLOR:
      if (JSON_NODE_HOLDS_NULL (node))
        g_value_set_string (value, NULL);
      else if (node_is_value_of (node, G_TYPE_STRING))
        g_value_set_string (value, json_node_get_string (node));
      else
        {
          _baton_json_set_type_error (error, path, _("a string or null"), node);
          return FALSE;
        }
      return TRUE;

    case BATON_FIELD_INT:
    case BATON_FIELD_MINUTES:
      if (!node_is_value_of (node, G_TYPE_INT64))
        {
          _baton_json_set_type_error (error, path, _("an integer"), node);
          return FALSE;
        }
      g_value_set_int64 (value, json_node_get_int (node));
      return TRUE;

    case BATON_FIELD_REF:
      if (JSON_NODE_HOLDS_NULL (node))
        g_value_set_int64 (value, 0);
      else if (node_is_value_of (node, G_TYPE_INT64))
        {
          gint64 id = json_node_get_int (node);

          if (id <= 0)
            {
              g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("%s: A reference must be a positive id or null, not %lld."),
                           path, (long long) id);
              return FALSE;
            }
          g_value_set_int64 (value, id);
        }
      else
        {
          _baton_json_set_type_error (error, path, _("an id or null"), node);
          return FALSE;
        }
      return TRUE;

    case BATON_FIELD_BOOL:
      if (!node_is_value_of (node, G_TYPE_BOOLEAN))
        {
          _baton_json_set_type_error (error, path, _("true or false"), node);
          return FALSE;
        }
      g_value_set_boolean (value, json_node_get_boolean (node));
      return TRUE;

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

static gboolean
field_is_required (const BatonField *field)
{
  return field->kind == BATON_FIELD_NAME || field->required;
}

static gboolean
value_is_empty (const BatonField *field,
                const GValue     *value)
{
  switch (field->kind)
    {
    case BATON_FIELD_TEXT:
    case BATON_FIELD_NAME:
    case BATON_FIELD_DATE:
    case BATON_FIELD_TIMESTAMP:
    case BATON_FIELD_COLOR:
      return G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) == NULL;
    case BATON_FIELD_REF:
      return G_VALUE_HOLDS_INT64 (value) && g_value_get_int64 (value) == 0;
    default:
      return FALSE;
    }
}

static gboolean
read_row (ImportTable  *table,
          JsonNode     *row_node,
          guint         index,
          GError      **error)
{
  const BatonRecordSchema *schema = table->schema;
  g_autofree char *row_path = NULL;
  g_autofree char *id_path = NULL;
  g_autoptr(BatonRecord) candidate = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonNode *id_node;
  ImportRow *row;
  gint64 id;

  row_path = g_strdup_printf (PATH_TABLES ".%s[%u]", schema->table, index);

  if (!JSON_NODE_HOLDS_OBJECT (row_node))
    {
      _baton_json_set_type_error (error, row_path, _("an object"), row_node);
      return FALSE;
    }
  object = json_node_get_object (row_node);

  /* Unknown members first: a misspelt member would otherwise be reported
   * as a missing one. */
  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_strcmp0 (name, "id") != 0 &&
          baton_record_schema_find_field (schema, name) == NULL)
        {
          g_autofree char *quoted = _baton_json_quote_input (name);

          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                       _("%s.%s: Unknown member “%s” (a %s has no such field)."),
                       row_path, quoted, quoted, _(schema->label));
          return FALSE;
        }
    }

  id_path = g_strdup_printf ("%s.id", row_path);
  id_node = json_object_get_member (object, "id");
  if (id_node == NULL)
    {
      _baton_json_set_missing_error (error, id_path);
      return FALSE;
    }
  if (!node_is_value_of (id_node, G_TYPE_INT64))
    {
      _baton_json_set_type_error (error, id_path, _("an integer"), id_node);
      return FALSE;
    }
  id = json_node_get_int (id_node);
  if (id <= 0)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                   _("%s: An id must be a positive integer, not %lld."),
                   id_path, (long long) id);
      return FALSE;
    }
  if (g_hash_table_contains (table->ids, &id))
    {
      ImportRow *other = g_hash_table_lookup (table->ids, &id);

      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                   _("%s: The id %lld is already used by %s.%s[%u]."),
                   id_path, (long long) id, PATH_TABLES, schema->table, other->index);
      return FALSE;
    }

  row = g_new0 (ImportRow, 1);
  row->id = id;
  row->index = index;
  row->values = g_new0 (GValue, schema->n_fields);
  row->n_values = schema->n_fields;
  g_ptr_array_add (table->rows, row);

  candidate = g_object_new (schema->get_type (), NULL);
  _baton_record_set_id (candidate, id);

  for (guint f = 0; f < schema->n_fields; f++)
    {
      const BatonField *field = &schema->fields[f];
      g_autofree char *path = g_strdup_printf ("%s.%s", row_path, field->name);
      g_auto(GValue) raw = G_VALUE_INIT;
      JsonNode *node;

      g_value_init (&raw, baton_field_get_gtype (field));

      node = json_object_get_member (object, field->name);
      if (node == NULL)
        {
          if (field_is_required (field))
            {
              _baton_json_set_missing_error (error, path);
              return FALSE;
            }
          /* A missing optional member takes the default (NULL, 0, FALSE). */
        }
      else if (!read_field (field, node, path, &raw, error))
        {
          return FALSE;
        }

      if (!baton_field_validate (field, &raw, &row->values[f], error))
        {
          g_prefix_error (error, "%s: ", path);
          return FALSE;
        }

      /* Whatever the field's own validation lets through, a required
       * field needs a value (the database's NOT NULL columns). */
      if (field_is_required (field) && value_is_empty (field, &row->values[f]))
        {
          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                       _("%s: A %s needs a %s."),
                       path, _(schema->label), _(field->label));
          return FALSE;
        }

      _baton_record_set_field_value (candidate, field, &row->values[f]);
    }

  if (schema->validate != NULL && !schema->validate (candidate, error))
    {
      g_prefix_error (error, "%s: ", row_path);
      return FALSE;
    }

  row->record = g_steal_pointer (&candidate);
  g_hash_table_insert (table->ids, &row->id, row);

  return TRUE;
}

static gboolean
read_table (ImportTable  *table,
            JsonNode     *node,
            GError      **error)
{
  g_autofree char *path = g_strdup_printf (PATH_TABLES ".%s", table->schema->table);
  JsonArray *array;
  guint n_rows;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      _baton_json_set_type_error (error, path, _("an array"), node);
      return FALSE;
    }

  array = json_node_get_array (node);
  n_rows = json_array_get_length (array);

  for (guint i = 0; i < n_rows; i++)
    {
      if (!read_row (table, json_array_get_element (array, i), i, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_references (ImportDoc  *doc,
                  GError    **error)
{
  for (guint t = 0; t < doc->n_schemas; t++)
    {
      ImportTable *table = &doc->tables[t];
      const BatonRecordSchema *schema = table->schema;

      for (guint f = 0; f < schema->n_fields; f++)
        {
          const BatonField *field = &schema->fields[f];
          ImportTable *target;

          if (field->kind != BATON_FIELD_REF)
            continue;

          target = import_doc_find_table (doc, field->ref_table);
          g_assert (target != NULL);

          for (guint r = 0; r < table->rows->len; r++)
            {
              ImportRow *row = g_ptr_array_index (table->rows, r);
              gint64 ref = g_value_get_int64 (&row->values[f]);

              if (ref != 0 && !g_hash_table_contains (target->ids, &ref))
                {
                  g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                               _("%s.%s[%u].%s: There is no %s with id %lld in %s.%s."),
                               PATH_TABLES, schema->table, row->index, field->name,
                               _(target->schema->label), (long long) ref,
                               PATH_TABLES, target->schema->table);
                  return FALSE;
                }
            }
        }
    }

  return TRUE;
}

/* Rules that span rows: the store's own (role names are unique, a person
 * holds a role once and exactly one as primary, a note's program belongs
 * to the note's client, …), on the document's rows, with the store's
 * messages. Each row is checked as a new row among all of the document's,
 * so a conflict between two rows is reported at the first of them. */
static gboolean
check_rules (ImportDoc  *doc,
             GError    **error)
{
  for (guint t = 0; t < doc->n_schemas; t++)
    {
      ImportTable *table = &doc->tables[t];

      for (guint r = 0; r < table->rows->len; r++)
        {
          ImportRow *row = g_ptr_array_index (table->rows, r);
          const BatonField *field = NULL;

          if (_baton_store_check_new_row (&doc->view, row->record, &field, error))
            continue;

          if (field != NULL)
            g_prefix_error (error, "%s.%s[%u].%s: ", PATH_TABLES, table->schema->table, row->index, field->name);
          else
            g_prefix_error (error, "%s.%s[%u]: ", PATH_TABLES, table->schema->table, row->index);
          return FALSE;
        }
    }

  return TRUE;
}

/* A document without stages (one written by hand, or holding only people
 * and clients) gets the stages of a new workspace: a board needs one, and
 * the workspace the document replaces had them. They are added after the
 * references were checked, so that no card of the document lands in one. */
static gboolean
add_default_stages (ImportDoc  *doc,
                    GError    **error)
{
  ImportTable *stages = import_doc_table_for (doc, baton_stage_schema ());
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) rows = NULL;
  const char * const *names;
  guint n_names = 0;

  if (stages->rows->len > 0)
    return TRUE;

  names = _baton_store_get_default_stages (&n_names);
  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_names; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, i + 1);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, _(names[i]));
      json_builder_set_member_name (builder, "position");
      json_builder_add_int_value (builder, i);
      json_builder_set_member_name (builder, "is-done");
      json_builder_add_boolean_value (builder, i == n_names - 1);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  rows = json_builder_get_root (builder);

  /* Through the same reading and checks as the document's own rows. */
  return read_table (stages, rows, error);
}

ImportDoc *
_baton_json_read_document (JsonNode  *root,
                           GError   **error)
{
  g_autoptr(ImportDoc) doc = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonObject *tables;
  JsonNode *node;
  gint64 version;

  if (root == NULL)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                   _("The file is empty."));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      _baton_json_set_type_error (error, PATH_ROOT, _("an object"), root);
      return NULL;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "format");
  if (node == NULL)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                   _("$.format: This member is missing; this is not a Baton workspace file."));
      return NULL;
    }
  if (!node_is_value_of (node, G_TYPE_STRING))
    {
      _baton_json_set_type_error (error, "$.format", _("a string"), node);
      return NULL;
    }
  if (g_strcmp0 (json_node_get_string (node), BATON_JSON_FORMAT) != 0)
    {
      g_autofree char *quoted = _baton_json_quote_input (json_node_get_string (node));

      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                   _("$.format: This is a “%s” file, not a Baton workspace (“%s”)."),
                   quoted, BATON_JSON_FORMAT);
      return NULL;
    }

  node = json_object_get_member (object, "version");
  if (node == NULL)
    {
      _baton_json_set_missing_error (error, "$.version");
      return NULL;
    }
  if (!node_is_value_of (node, G_TYPE_INT64))
    {
      _baton_json_set_type_error (error, "$.version", _("an integer"), node);
      return NULL;
    }
  version = json_node_get_int (node);
  if (version > BATON_JSON_VERSION)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                   _("$.version: This workspace was exported by a newer version of Baton "
                     "(format version %lld; this version reads up to %d). "
                     "Update Baton to import it."),
                   (long long) version, BATON_JSON_VERSION);
      return NULL;
    }
  if (version < 1)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                   _("$.version: %lld is not a valid format version."),
                   (long long) version);
      return NULL;
    }

  members = json_object_get_members (object);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (g_strcmp0 (name, "format") != 0 &&
          g_strcmp0 (name, "version") != 0 &&
          g_strcmp0 (name, "tables") != 0)
        {
          g_autofree char *quoted = _baton_json_quote_input (name);

          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                       _("$.%s: Unknown member “%s”."), quoted, quoted);
          return NULL;
        }
    }
  g_clear_pointer (&members, g_list_free);

  tables = get_object_member (object, "tables", PATH_TABLES, error);
  if (tables == NULL)
    return NULL;

  doc = import_doc_new ();

  members = json_object_get_members (tables);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;

      if (import_doc_find_table (doc, name) == NULL)
        {
          g_autofree char *quoted = _baton_json_quote_input (name);

          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                       _("%s.%s: Unknown table “%s”."), PATH_TABLES, quoted, quoted);
          return NULL;
        }
    }

  /* In dependency order, so that messages come in a predictable order. */
  for (guint i = 0; i < doc->n_schemas; i++)
    {
      ImportTable *table = &doc->tables[i];

      node = json_object_get_member (tables, table->schema->table);
      if (node == NULL)
        continue;   /* a missing table is an empty one */

      if (!read_table (table, node, error))
        return NULL;
    }

  if (!check_references (doc, error))
    return NULL;

  if (!add_default_stages (doc, error))
    return NULL;

  if (!check_rules (doc, error))
    return NULL;

  return g_steal_pointer (&doc);
}
