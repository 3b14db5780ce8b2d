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
 */

#define G_LOG_DOMAIN "baton-json"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "baton-json.h"
#include "baton-store-private.h"

#define PATH_ROOT   "$"
#define PATH_TABLES "$.tables"

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

  /* Written to a temporary file and renamed: a crash never leaves half a file. */
  if (!g_file_set_contents (path, contents->str, contents->len, &local_error))
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                   _("Could not write the export: %s"), local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Import: reading and checking the document in memory */

typedef struct
{
  gint64       id;
  guint        index;    /* position in the document's array, for messages */
  GValue      *values;   /* one per schema field, normalized */
  guint        n_values;
  BatonRecord *record;   /* the same values, for the store's rules */
} ImportRow;

typedef struct
{
  const BatonRecordSchema *schema;
  GPtrArray               *rows;     /* ImportRow */
  GHashTable              *ids;      /* gint64* id → ImportRow */
  GHashTable             **by_ref;   /* per field, built on demand: id → GPtrArray of records */
} ImportTable;

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

typedef struct
{
  BatonRowView                     view;    /* first: the store's rules read the document through it */
  const BatonRecordSchema * const *schemas;
  guint                            n_schemas;
  ImportTable                     *tables;  /* parallel to schemas */
} ImportDoc;

static void
import_doc_free (ImportDoc *doc)
{
  for (guint i = 0; i < doc->n_schemas; i++)
    import_table_clear (&doc->tables[i]);
  g_free (doc->tables);
  g_clear_pointer (&doc->view.memo, g_hash_table_unref);
  g_free (doc);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportDoc, import_doc_free)

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

static void
set_type_error (GError     **error,
                const char  *path,
                const char  *expected,
                JsonNode    *found)
{
  /* Translators: "$.tables.tasks[3].title: Expected a string, found an integer." */
  g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
               _("%s: Expected %s, found %s."),
               path, expected, describe_node (found));
}

static void
set_missing_error (GError     **error,
                   const char  *path)
{
  g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
               _("%s: This member is missing."), path);
}

/* Turns json-glib's "<data>:LINE:COL: Parse error: REASON" into a message
 * for people, keeping the reason. */
static void
set_syntax_error (GError       **error,
                  const GError  *parse_error)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  /* json-glib quotes the byte it stopped at, which can be part of a
   * character: never pass on a message that is not UTF-8. */
  g_autofree char *message = g_utf8_make_valid (parse_error->message, -1);

  regex = g_regex_new ("^[^:]*:(\\d+):(\\d+): (?:[^:]*: )?(.*)$",
                       G_REGEX_DOTALL, 0, NULL);
  g_assert (regex != NULL);

  if (g_regex_match (regex, message, 0, &match))
    {
      g_autofree char *line = g_match_info_fetch (match, 1);
      g_autofree char *column = g_match_info_fetch (match, 2);
      g_autofree char *reason = g_match_info_fetch (match, 3);

      /* Translators: "Line 3, column 14: unexpected character `}'" */
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                   _("Line %s, column %s: %s"), line, column, reason);
    }
  else
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                   _("The file is not valid JSON: %s"), message);
    }
}

/* Checking the text before json-glib reads it
 *
 * json-glib 1.6 reads more than JSON and checks less than an import needs.
 * It parses recursively, so 80,000 nested arrays overflow the stack. Its
 * scanner reads an integer's digits with g_ascii_strtoull (), which gives
 * G_MAXUINT64 for anything larger and no error, keeps the result in a
 * gint64 (so 2^63 and up wrap to negative numbers) and negates a minus
 * sign afterwards with "* -1": "-18446744073709551000" becomes
 * -(18446744073709551000 - 2^64) = 616, "99999999999999999999999" becomes
 * -1, and "-9223372036854775808" overflows the negation. (A number with a
 * fraction or an exponent becomes a double, which integer members refuse
 * by type.) It also reads octal, hexadecimal and binary integers ("010" is
 * 8), single-quoted strings and comments, cuts a string at "\u0000",
 * passes a lone UTF-16 surrogate on as invalid UTF-8, and stops after the
 * first value ("{} {}" loads).
 *
 * So the text is scanned once first, strictly as RFC 8259 writes JSON
 * tokens, and json-glib only ever reads plain JSON that nests at most
 * MAX_DEPTH levels and whose integers fit in a gint64. The scan follows
 * the JSON path of the value it is in, so that each problem names its
 * place. The structure (commas, colons, brackets that match) is left to
 * json-glib, which reports it with line and column. */

/* The deepest nesting of arrays and objects an import reads. A workspace
 * document nests 4 levels ($, $.tables, a table, a row); 64 leaves room
 * for later formats and keeps json-glib's recursion far from the end of
 * any thread's stack. */
#define MAX_DEPTH         64
#define WORKSPACE_DEPTH   4

/* The integers an import reads: those of a gint64 but G_MININT64, which
 * json-glib 1.6 cannot negate. No field of a workspace is negative. */
#define MAX_INTEGER_TEXT  "9223372036854775807"

/* Text from the file that a message quotes is cut to this many characters. */
#define MAX_QUOTED_CHARS  40

typedef struct
{
  gboolean    is_object;
  gboolean    expect_key;   /* object: the next string is a member name */
  guint       index;        /* array: the element being read */
  const char *key;          /* object: the member being read, as written */
  gsize       key_length;
} ScanFrame;

typedef struct
{
  const char *data;
  const char *end;
  const char *invalid;      /* the first byte that is not UTF-8 (or a NUL), or NULL */
  ScanFrame   frames[MAX_DEPTH];
  guint       depth;
} Scan;

/* @length bytes of valid UTF-8, cut to MAX_QUOTED_CHARS characters. */
static char *
shorten_text (const char *text,
              gsize       length)
{
  const char *end = text + length;
  const char *cut = text;
  GString *out;

  for (guint n = 0; cut < end && n < MAX_QUOTED_CHARS; n++)
    cut = g_utf8_next_char (cut);

  if (cut >= end)
    return g_strndup (text, length);

  out = g_string_new_len (text, cut - text);
  g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

/* Text from the document, quoted in a message: valid UTF-8 (the text was
 * checked, but a message must never depend on that), cut short. */
static char *
quote_input (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  return shorten_text (valid, strlen (valid));
}

static void
scan_position (const Scan *scan,
               const char *at,
               guint      *line,
               guint      *column)
{
  *line = 1;
  *column = 1;

  for (const char *p = scan->data; p < at; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *p & 0xc0) != 0x80)
        {
          (*column)++;
        }
    }
}

/* Where the scan is, as a JSON path: "$.tables.tasks[3].title". */
static char *
scan_path (const Scan *scan)
{
  GString *path = g_string_new ("$");

  for (guint i = 0; i < scan->depth; i++)
    {
      const ScanFrame *frame = &scan->frames[i];

      if (!frame->is_object)
        g_string_append_printf (path, "[%u]", frame->index);
      else if (frame->key != NULL && !frame->expect_key)
        {
          g_autofree char *key = shorten_text (frame->key, frame->key_length);

          g_string_append_printf (path, ".%s", key);
        }
    }

  return g_string_free (path, FALSE);
}

/* An error about the text at @at, named by its JSON path, line, column
 * and byte offset. */
G_GNUC_PRINTF (4, 5)
static void
scan_error (const Scan  *scan,
            const char  *at,
            GError     **error,
            const char  *format,
            ...)
{
  g_autofree char *path = scan_path (scan);
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  scan_position (scan, at, &line, &column);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: "$.tables.tasks[3].title (line 12, column 5, byte offset 310): " and a problem */
  g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
               _("%s (line %u, column %u, byte offset %llu): %s"),
               path, line, column, (unsigned long long) (at - scan->data), message);
}

static void
scan_error_invalid (const Scan  *scan,
                    const char  *at,
                    GError     **error)
{
  g_assert (at == scan->invalid);

  if (*at == '\0')
    scan_error (scan, at, error, "%s", _("The file contains a NUL byte: it is not a text file."));
  else
    scan_error (scan, at, error, "%s", _("The text is not valid UTF-8."));
}

static gboolean
read_hex4 (const char *p,
           gunichar   *value)
{
  *value = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return FALSE;
      *value = *value * 16 + g_ascii_xdigit_value (p[i]);
    }

  return TRUE;
}

/* Scans the string that starts at *@p and moves *@p past it. Returns
 * FALSE with @error set for a bad string, or with *@truncated set when the
 * text ends inside it (json-glib then says where). */
static gboolean
scan_string (const Scan  *scan,
             const char **p,
             gboolean    *truncated,
             GError     **error)
{
  const char *s = *p + 1;

  while (s < scan->end)
    {
      guchar c = *s;

      if (s == scan->invalid)
        {
          scan_error_invalid (scan, s, error);
          return FALSE;
        }

      if (c == '"')
        {
          *p = s + 1;
          return TRUE;
        }

      if (c < 0x20)
        {
          scan_error (scan, s, error,
                      _("A control character (U+%04X) in a string must be written as an escape."), c);
          return FALSE;
        }

      if (c != '\\')
        {
          s++;
          continue;
        }

      if (s + 1 >= scan->end)
        break;

      if (strchr ("\"\\/bfnrt", s[1]) != NULL && s[1] != '\0')
        {
          s += 2;
          continue;
        }

      if (s[1] == 'u')
        {
          gunichar unit, low;

          if (scan->end - s < 6)
            break;
          if (!read_hex4 (s + 2, &unit))
            goto bad_escape;

          if (unit == 0)
            {
              scan_error (scan, s, error, "%s",
                          _("The text contains a NUL character (\\u0000), which Baton cannot store."));
              return FALSE;
            }

          if (unit >= 0xd800 && unit <= 0xdbff)
            {
              if (scan->end - s < 12)
                break;
              if (s[6] != '\\' || s[7] != 'u' || !read_hex4 (s + 8, &low) ||
                  low < 0xdc00 || low > 0xdfff)
                goto bad_surrogate;
              s += 12;
              continue;
            }

          if (unit >= 0xdc00 && unit <= 0xdfff)
            goto bad_surrogate;

          s += 6;
          continue;
        }

    bad_escape:
      scan_error (scan, s, error, "%s",
                  _("This is not an escape JSON knows: a string may hold \\\", \\\\, \\/, "
                    "\\b, \\f, \\n, \\r, \\t and \\u followed by four hexadecimal digits."));
      return FALSE;

    bad_surrogate:
      scan_error (scan, s, error, "%s",
                  _("A \\u escape holds half of a UTF-16 surrogate pair without the other half."));
      return FALSE;
    }

  *truncated = TRUE;
  return FALSE;
}

/* Scans the number that starts at *@p and moves *@p past it. */
static gboolean
scan_number (const Scan  *scan,
             const char **p,
             GError     **error)
{
  const char *start = *p;
  const char *end = start;
  const char *s, *digits, *digits_end;
  gboolean integer = TRUE;
  gboolean valid = TRUE;

  /* All of what could belong to the number, so that "0x1F" or "2e" is one
   * bad number, not a number followed by something else. */
  while (end < scan->end && (g_ascii_isalnum (*end) || *end == '-' || *end == '+' || *end == '.'))
    end++;

  s = start;
  if (*s == '-')
    s++;
  digits = s;
  if (s < end && *s == '0')
    s++;
  else if (s < end && *s >= '1' && *s <= '9')
    while (s < end && g_ascii_isdigit (*s))
      s++;
  else
    valid = FALSE;
  digits_end = s;

  if (valid && s < end && *s == '.')
    {
      integer = FALSE;
      s++;
      valid = s < end && g_ascii_isdigit (*s);
      while (s < end && g_ascii_isdigit (*s))
        s++;
    }

  if (valid && s < end && (*s == 'e' || *s == 'E'))
    {
      integer = FALSE;
      s++;
      if (s < end && (*s == '+' || *s == '-'))
        s++;
      valid = s < end && g_ascii_isdigit (*s);
      while (s < end && g_ascii_isdigit (*s))
        s++;
    }

  if (!valid || s != end)
    {
      g_autofree char *text = shorten_text (start, end - start);

      scan_error (scan, start, error,
                  _("“%s” is not a number: JSON writes numbers in decimal, like 42, -7 or 1.5e3."),
                  text);
      return FALSE;
    }

  if (integer)
    {
      gsize n_digits = digits_end - digits;
      gsize n_max = strlen (MAX_INTEGER_TEXT);

      if (n_digits > n_max || (n_digits == n_max && memcmp (digits, MAX_INTEGER_TEXT, n_max) > 0))
        {
          g_autofree char *text = shorten_text (start, end - start);

          scan_error (scan, start, error,
                      _("The integer %s is out of range: Baton reads integers from -%s to %s."),
                      text, MAX_INTEGER_TEXT, MAX_INTEGER_TEXT);
          return FALSE;
        }
    }

  *p = end;
  return TRUE;
}

/* Scans true, false or null at *@p and moves *@p past it. */
static gboolean
scan_word (const Scan  *scan,
           const char **p,
           GError     **error)
{
  const char *start = *p;
  const char *end = start;

  while (end < scan->end && (g_ascii_isalnum (*end) || *end == '_'))
    end++;

  if ((end - start == 4 && memcmp (start, "true", 4) == 0) ||
      (end - start == 5 && memcmp (start, "false", 5) == 0) ||
      (end - start == 4 && memcmp (start, "null", 4) == 0))
    {
      *p = end;
      return TRUE;
    }

  {
    g_autofree char *text = shorten_text (start, end - start);

    scan_error (scan, start, error,
                _("Unexpected “%s”: JSON has no names but true, false and null "
                  "(strings are written in double quotes)."), text);
  }

  return FALSE;
}

static gboolean
check_text (const char  *data,
            gsize        length,
            GError     **error)
{
  Scan scan;
  const char *p = data;
  gboolean complete = FALSE;   /* the document's value ended */

  scan.data = data;
  scan.end = data + length;
  scan.depth = 0;
  if (g_utf8_validate_len (data, length, &scan.invalid))
    scan.invalid = NULL;

  while (p < scan.end)
    {
      ScanFrame *top = scan.depth > 0 ? &scan.frames[scan.depth - 1] : NULL;
      char c = *p;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          p++;
          continue;
        }

      if (complete)
        {
          guint line, column;

          scan_position (&scan, p, &line, &column);
          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                       _("Line %u, column %u: unexpected text after the end of the document"),
                       line, column);
          return FALSE;
        }

      switch (c)
        {
        case '{':
        case '[':
          if (scan.depth == MAX_DEPTH)
            {
              guint line, column;

              scan_position (&scan, p, &line, &column);
              g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                           _("Line %u, column %u (byte offset %llu): Arrays and objects nest "
                             "more than %d levels deep here. Baton reads at most %d levels; "
                             "a workspace file has %d."),
                           line, column, (unsigned long long) (p - data),
                           MAX_DEPTH, MAX_DEPTH, WORKSPACE_DEPTH);
              return FALSE;
            }
          top = &scan.frames[scan.depth++];
          top->is_object = c == '{';
          top->expect_key = c == '{';
          top->index = 0;
          top->key = NULL;
          top->key_length = 0;
          p++;
          break;

        case '}':
        case ']':
          /* A bracket that closes nothing: json-glib says where. */
          if (top == NULL)
            return TRUE;
          scan.depth--;
          complete = scan.depth == 0;
          p++;
          break;

        case ':':
          if (top != NULL && top->is_object)
            top->expect_key = FALSE;
          p++;
          break;

        case ',':
          if (top != NULL && top->is_object)
            {
              top->expect_key = TRUE;
              top->key = NULL;
            }
          else if (top != NULL)
            top->index++;
          p++;
          break;

        case '"':
          {
            const char *start = p;
            gboolean truncated = FALSE;

            if (!scan_string (&scan, &p, &truncated, error))
              return truncated;

            if (top != NULL && top->is_object && top->expect_key)
              {
                top->key = start + 1;
                top->key_length = p - start - 2;
              }
            complete = top == NULL;
          }
          break;

        case '-':
        case '+':   /* not JSON, but read as a (bad) number */
        case '.':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          if (!scan_number (&scan, &p, error))
            return FALSE;
          complete = top == NULL;
          break;

        default:
          if (g_ascii_isalpha (c))
            {
              if (!scan_word (&scan, &p, error))
                return FALSE;
              complete = top == NULL;
            }
          else if (p == scan.invalid)
            {
              scan_error_invalid (&scan, p, error);
              return FALSE;
            }
          else
            {
              char character[8] = { 0 };

              if ((guchar) c < 0x20 || c == 0x7f)
                scan_error (&scan, p, error, _("Unexpected control character U+%04X."), (guint) (guchar) c);
              else
                {
                  g_unichar_to_utf8 (g_utf8_get_char (p), character);
                  scan_error (&scan, p, error, _("Unexpected character “%s”."), character);
                }
              return FALSE;
            }
          break;
        }
    }

  return TRUE;
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
      set_missing_error (error, path);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_type_error (error, path, _("an object"), node);
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
          set_type_error (error, path, _("a string or null"), node);
          return FALSE;
        }
      return TRUE;

    case BATON_FIELD_INT:
    case BATON_FIELD_MINUTES:
      if (!node_is_value_of (node, G_TYPE_INT64))
        {
          set_type_error (error, path, _("an integer"), node);
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
          set_type_error (error, path, _("an id or null"), node);
          return FALSE;
        }
      return TRUE;

    case BATON_FIELD_BOOL:
      if (!node_is_value_of (node, G_TYPE_BOOLEAN))
        {
          set_type_error (error, path, _("true or false"), node);
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
      set_type_error (error, row_path, _("an object"), row_node);
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
          g_autofree char *quoted = quote_input (name);

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
      set_missing_error (error, id_path);
      return FALSE;
    }
  if (!node_is_value_of (id_node, G_TYPE_INT64))
    {
      set_type_error (error, id_path, _("an integer"), id_node);
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
              set_missing_error (error, path);
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
      set_type_error (error, path, _("an array"), node);
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

static ImportDoc *
read_document (JsonNode  *root,
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
      set_type_error (error, PATH_ROOT, _("an object"), root);
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
      set_type_error (error, "$.format", _("a string"), node);
      return NULL;
    }
  if (g_strcmp0 (json_node_get_string (node), BATON_JSON_FORMAT) != 0)
    {
      g_autofree char *quoted = quote_input (json_node_get_string (node));

      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                   _("$.format: This is a “%s” file, not a Baton workspace (“%s”)."),
                   quoted, BATON_JSON_FORMAT);
      return NULL;
    }

  node = json_object_get_member (object, "version");
  if (node == NULL)
    {
      set_missing_error (error, "$.version");
      return NULL;
    }
  if (!node_is_value_of (node, G_TYPE_INT64))
    {
      set_type_error (error, "$.version", _("an integer"), node);
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
          g_autofree char *quoted = quote_input (name);

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
          g_autofree char *quoted = quote_input (name);

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

/* Import: writing */

static gboolean
get_synchronous (BatonDb  *db,
                 gint64   *level)
{
  sqlite3_stmt *stmt;
  gboolean have_row;

  stmt = baton_db_prepare (db, "PRAGMA synchronous", NULL);
  if (stmt == NULL)
    return FALSE;

  have_row = baton_db_step_row (db, stmt, NULL);
  if (have_row)
    *level = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return have_row;
}

static void
set_synchronous (BatonDb *db,
                 gint64   level)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  /* An integer we read ourselves, not text from the document. */
  sql = g_strdup_printf ("PRAGMA synchronous=%" G_GINT64_FORMAT, CLAMP (level, 0, 3));
  if (!baton_db_exec (db, sql, &error))
    g_debug ("Could not set synchronous to %" G_GINT64_FORMAT ": %s", level, error->message);
}

static gboolean
write_document (BatonStore  *store,
                ImportDoc   *doc,
                GError     **error)
{
  BatonDb *db = _baton_store_get_db (store);
  const BatonRecordSchema *stage_schema = baton_stage_schema ();
  g_autofree char *delete_sql = NULL;
  sqlite3_stmt *stmt;

  if (!baton_db_begin (db, error))
    return FALSE;

  /* The document's stages replace the workspace's own. The table name
   * is one of the schema's constants. */
  delete_sql = g_strdup_printf ("DELETE FROM %s", stage_schema->table);
  stmt = baton_db_prepare (db, delete_sql, error);
  if (stmt == NULL || !baton_db_step_done (db, stmt, error))
    goto failed;

  for (guint t = 0; t < doc->n_schemas; t++)
    {
      ImportTable *table = &doc->tables[t];

      for (guint r = 0; r < table->rows->len; r++)
        {
          ImportRow *row = g_ptr_array_index (table->rows, r);

          if (!_baton_store_write_row (store, table->schema, row->id, row->values, error))
            {
              g_prefix_error (error, "%s.%s[%u]: ",
                              PATH_TABLES, table->schema->table, row->index);
              goto failed;
            }
        }
    }

  /* A failed commit rolls back by itself. */
  return baton_db_commit (db, error);

failed:
  baton_db_rollback (db);
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
  BatonDb *db;
  gint64 synchronous = -1;
  gboolean restore_synchronous = FALSE;
  gboolean written;

  if (!baton_store_is_empty (store))
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   _("Import needs an empty workspace."));
      return FALSE;
    }

  if (!check_text (data != NULL ? data : "", length, error))
    return FALSE;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data != NULL ? data : "", length, &parse_error))
    {
      set_syntax_error (error, parse_error);
      return FALSE;
    }

  doc = read_document (json_parser_get_root (parser), error);
  if (doc == NULL)
    return FALSE;

  /* The document is sound; write it. Imports are worth a full sync. */
  db = _baton_store_get_db (store);
  if (baton_db_get_depth (db) == 0 && get_synchronous (db, &synchronous))
    {
      set_synchronous (db, 2 /* FULL */);
      restore_synchronous = TRUE;
    }

  written = write_document (store, doc, error);

  if (restore_synchronous)
    set_synchronous (db, synchronous);

  if (!written)
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
