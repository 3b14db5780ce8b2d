/* baton-json-private.h — what the JSON export and import's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "baton-json.h"
#include "baton-store-private.h"

G_BEGIN_DECLS

#define PATH_ROOT   "$"
#define PATH_TABLES "$.tables"

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

typedef struct
{
  BatonRowView                     view;    /* first: the store's rules read the document through it */
  const BatonRecordSchema * const *schemas;
  guint                            n_schemas;
  ImportTable                     *tables;  /* parallel to schemas */
} ImportDoc;

/* Reading (baton-json-read.c) */
ImportDoc  *_baton_json_read_document     (JsonNode      *root,
                                           GError       **error);
void        _baton_json_import_doc_free   (ImportDoc     *doc);
/* "$.tables.tasks[3].title: Expected a string, found an integer." */
void        _baton_json_set_type_error    (GError       **error,
                                           const char    *path,
                                           const char    *expected,
                                           JsonNode      *found);
void        _baton_json_set_missing_error (GError       **error,
                                           const char    *path);

/* Checking the text (baton-json-scan.c) */
gboolean    _baton_json_check_text        (const char    *data,
                                           gsize          length,
                                           GError       **error);
/* json-glib's parse error as a message of ours, valid UTF-8. */
void        _baton_json_set_syntax_error  (GError       **error,
                                           const GError  *parse_error);
/* Text of the document to quote in a message: valid UTF-8, short. */
char       *_baton_json_quote_input       (const char    *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportDoc, _baton_json_import_doc_free)

G_END_DECLS
