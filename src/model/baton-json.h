/* baton-json.h — whole-workspace JSON export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_JSON_FORMAT     "baton-workspace"
#define BATON_JSON_VERSION    1

/* A deterministic document: tables in schema order, rows by id, every
 * field of every row. */
JsonNode *baton_json_export          (BatonStore   *store);
char     *baton_json_export_string   (BatonStore   *store,
                                      gsize        *length);
gboolean  baton_json_export_file     (BatonStore   *store,
                                      const char   *path,
                                      GError      **error);
/* Imports into a workspace that holds nothing but its stages (which the
 * document's stages replace; a document without stages gets the stages of
 * a new workspace, so that the board has columns). One transaction: the
 * document lands whole or not at all, and it keeps every rule the store's
 * own methods keep. The text must be JSON (RFC 8259) in UTF-8, nest at
 * most 64 levels and hold integers within ±9223372036854775807. Errors
 * (BATON_STORE_ERROR_PARSE / _INVALID) name the place: the JSON path
 * (e.g. "$.tables.tasks[3].title") for a bad member, with line, column
 * and byte offset for a problem in the text itself. */
gboolean  baton_json_import          (BatonStore   *store,
                                      const char   *data,
                                      gssize        length,
                                      GError      **error);
gboolean  baton_json_import_file     (BatonStore   *store,
                                      const char   *path,
                                      GError      **error);
/* A new workspace at @path, which must not exist, from the Baton JSON
 * document at @json_path; on any error (a cancel included) nothing is left
 * at @path. Safe on a worker thread. */
gboolean  baton_json_import_new_workspace (const char    *json_path,
                                           const char    *path,
                                           GCancellable  *cancellable,
                                           GError       **error);

G_END_DECLS
