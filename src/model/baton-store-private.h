/* baton-store-private.h — for the model layer's own modules (JSON, demo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-store.h"
#include "baton-record-private.h"
#include "baton-storage.h"

G_BEGIN_DECLS

/* The database itself is for the modules that own a part of the file
 * (backups, the notes' search index): they include baton-db.h. Everything
 * else goes through the storage interface. */
typedef struct _BatonDb BatonDb;

BatonDb  *_baton_store_get_db        (BatonStore *self);
/* The rows and transactions, whatever the engine. */
BatonStorage *_baton_store_get_storage (BatonStore *self);
/* Every record schema, in dependency order (referenced tables first). */
const BatonRecordSchema * const *_baton_store_get_schemas (guint *n_schemas);
/* baton_store_open (), or with @worker baton_store_open_for_worker (). */
BatonStore *_baton_store_open_full   (const char  *path,
                                      gboolean     worker,
                                      GError     **error);
/* Rereads every table from the database, emitting items-changed. */
gboolean  _baton_store_reload        (BatonStore *self,
                                      GError    **error);

/* The workspace file (baton-store-file.c) ---------------------------------- */

/* Opens the database of the workspace at @path (a file or ":memory:"),
 * set up and upgraded to BATON_SCHEMA_VERSION, or read-only when its file
 * cannot be written. It decides that the file is Baton's before anything
 * writes to it: any other file is left byte-identical, with no file beside
 * it. @created is set for a new workspace (its stages are still to be
 * added); @created_file when the file was missing and this created it,
 * even when it then fails. Errors as baton_store_open () says. */
BatonDb  *_baton_store_open_database (const char  *path,
                                      gboolean    *created,
                                      gboolean    *created_file,
                                      GError     **error);
/* Rewrites @error, raised while opening @path, in words about the file
 * (baton-db.c's speak of a change that was not saved), naming it. */
void      _baton_store_explain_open_error (const char  *path,
                                           GError     **error);

/* Rules that span rows ---------------------------------------------------
 *
 * A rule that looks at more than one row (role names are unique, a person
 * holds a role once and exactly one as primary, a note's program belongs to
 * the note's client, a board keeps a stage) is written once, in the store.
 * The store checks it on the rows as every change would leave them; the
 * JSON import checks the same rules on the rows of its document. */

typedef struct _BatonRowView BatonRowView;

/* The rows a rule looks at. Records are borrowed from the view. */
struct _BatonRowView
{
  /* The row of @schema with @id, or NULL. */
  BatonRecord *(*lookup)  (const BatonRowView      *view,
                           const BatonRecordSchema *schema,
                           gint64                   id);
  /* Appends to @rows every row of @schema whose reference @field holds
   * @id, or every row of @schema when @field is NULL. */
  void         (*collect) (const BatonRowView      *view,
                           const BatonRecordSchema *schema,
                           const BatonField        *field,
                           gint64                   id,
                           GPtrArray               *rows);
  /* Optional (NULL): a string → GHashTable* map, empty at first, where
   * the rules keep what they derive from all of the rows (role names by
   * their folded key) while the rows stay the same, so that checking
   * every row of a document takes linear time. */
  GHashTable   *memo;
};

/* Checks @row, a new row that @view already holds, against every rule
 * that spans rows. Fails with BATON_STORE_ERROR_INVALID and the message
 * the store's own methods give; @field is set to the field at fault, or
 * to NULL when the row as a whole is. */
gboolean  _baton_store_check_new_row (const BatonRowView  *view,
                                      BatonRecord         *row,
                                      const BatonField   **field,
                                      GError             **error);

/* The stages of a new workspace, in board order (untranslated; translate
 * with _()). The last one is the done stage. */
const char * const *_baton_store_get_default_stages (guint *n_stages);

/* A team workspace: iterates the thread-default main context until the
 * engine waits for nothing from the server (every write confirmed or
 * refused, the feed read), at most @timeout_ms. TRUE at once for a file. */
gboolean  _baton_store_flush (BatonStore  *self,
                              guint        timeout_ms,
                              GError     **error);

G_END_DECLS
