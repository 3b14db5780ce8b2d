/* baton-storage-pg.h — the PostgreSQL engine of team workspaces (private
 * to the model)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Besides BatonStorageVTable, a team workspace has a connection that comes
 * and goes, a role that may or may not write, and changes that other
 * coordinators commit: the store hears of them through the engine's
 * `changed` callback (one table at a time) and the events below.
 */
#pragma once

#include "baton-storage.h"
#include "baton-store.h"

G_BEGIN_DECLS

typedef enum
{
  /* The connection went ONLINE or OFFLINE, or the role's writing right
   * changed: read the state again. */
  BATON_STORAGE_PG_CONNECTION,
  /* After one or more `changed` calls: the tables are up to date. */
  BATON_STORAGE_PG_CAUGHT_UP,
  /* Everything must be read again (the first connection after opening
   * offline, or a change log that no longer reaches back far enough). */
  BATON_STORAGE_PG_RELOAD,
} BatonStoragePgEvent;

typedef void (*BatonStoragePgEventFunc) (BatonStorage        *storage,
                                         BatonStoragePgEvent  event,
                                         gpointer             user_data);

/* Rows of @schema (@ids, gint64) changed on the server, by someone else
 * or in a change of this client's the server refused: @rows (id → the
 * row's values, n_fields GValues) holds those that exist, the others are
 * gone. The callee may steal entries of @rows (then it frees them).
 * Called table by table, referenced tables first, then
 * BATON_STORAGE_PG_CAUGHT_UP. */
typedef void (*BatonStoragePgRowsFunc)  (BatonStorage            *storage,
                                         const BatonRecordSchema *schema,
                                         GArray                  *ids,
                                         GHashTable              *rows,
                                         gpointer                 user_data);

/* A row a refused transaction wrote. */
typedef struct
{
  const BatonRecordSchema *schema;
  gint64                   id;
} BatonStoragePgRow;

/* The server refused a transaction the engine had already confirmed to
 * the store (writes are sent at commit and confirmed later): @rows
 * (BatonStoragePgRow) are those it wrote, and those of later transactions
 * of this client that were dropped with it; they are back as the server
 * has them (through the rows func, then CAUGHT_UP) unless the connection
 * was lost (@reason BATON_STORE_ERROR_UNREACHABLE: everything is read
 * again on reconnecting). @reason says why (CONFLICT and READ_ONLY with
 * a message for people). */
typedef void (*BatonStoragePgRefusedFunc) (BatonStorage          *storage,
                                           GArray                *rows,
                                           const GError          *reason,
                                           gpointer               user_data);

/* Connects to @location (a postgresql:// URI) with @password (or libpq's
 * own ways), sets up or checks the schema, and listens for changes. When
 * the server cannot be reached the engine is returned OFFLINE (*@offline
 * set), unless @require_server: then BATON_STORE_ERROR_UNREACHABLE.
 * BATON_STORE_ERROR_AUTH for a missing or wrong password,
 * _NEWER_SCHEMA for a server schema newer than this Baton. Safe on any
 * thread; baton_storage_pg_attach () then on the thread that runs the
 * store. */
BatonStorage *baton_storage_pg_open         (const char               *location,
                                             const char               *password,
                                             gboolean                  require_server,
                                             gboolean                 *offline,
                                             GError                  **error);

/* Reads every table consistently: between the two calls the engine's
 * reads see one snapshot, and the change feed starts right after it. */
gboolean      baton_storage_pg_snapshot_begin (BatonStorage            *storage,
                                               GError                 **error);
void          baton_storage_pg_snapshot_end   (BatonStorage            *storage);

/* Watches the connection from the thread-default main context: changes of
 * others, a lost connection and reconnecting. */
void          baton_storage_pg_attach       (BatonStorage             *storage,
                                             BatonStoragePgEventFunc   func,
                                             BatonStoragePgRowsFunc    rows_func,
                                             BatonStoragePgRefusedFunc refused_func,
                                             gpointer                  user_data);
/* Takes blocks of ids for every table, so that inserting a row needs no
 * round trip (a block is refilled in the background as it runs low). */
gboolean      baton_storage_pg_reserve_ids  (BatonStorage             *storage,
                                             GError                  **error);
/* Whether the engine waits for the server: writes not confirmed yet, a
 * catch-up under way. */
gboolean      baton_storage_pg_is_busy      (BatonStorage             *storage);
gboolean      baton_storage_pg_is_online    (BatonStorage             *storage);
/* Whether the login role may only look. */
gboolean      baton_storage_pg_is_viewer    (BatonStorage             *storage);
/* The login role (session_user), NULL before the first connection. */
const char   *baton_storage_pg_get_author   (BatonStorage             *storage);
/* Reads the change feed now, waiting for it (tests). */
gboolean      baton_storage_pg_catch_up     (BatonStorage             *storage,
                                             GError                  **error);
/* Who last changed the row, and what kind of change, from the change log;
 * NULL when nobody is known. */
char         *baton_storage_pg_last_author  (BatonStorage             *storage,
                                             const BatonRecordSchema  *schema,
                                             gint64                    id);
/* A workspace nobody opened yet gets @names as its stages (the last one
 * done), once: whoever comes first under an advisory lock. */
gboolean      baton_storage_pg_seed_stages  (BatonStorage             *storage,
                                             const char * const       *names,
                                             guint                     n_names,
                                             GError                  **error);
/* The engine's storage of a store, or NULL for a file. */
gboolean      baton_storage_is_pg           (BatonStorage             *storage);

G_END_DECLS
