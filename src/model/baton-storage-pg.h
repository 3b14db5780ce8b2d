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

/* Rows of @schema (@ids, gint64) changed on the server, by someone else:
 * read them with baton_storage_pg_read_rows_by_id (). Called table by
 * table, referenced tables first, then BATON_STORAGE_PG_CAUGHT_UP. */
typedef void (*BatonStoragePgRowsFunc)  (BatonStorage            *storage,
                                         const BatonRecordSchema *schema,
                                         GArray                  *ids,
                                         gpointer                 user_data);

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
                                             gpointer                  user_data);
/* The rows of @schema among @ids (gint64) that exist, as read_rows gives
 * them; the others are gone. */
gboolean      baton_storage_pg_read_rows_by_id (BatonStorage            *storage,
                                                const BatonRecordSchema *schema,
                                                GArray                  *ids,
                                                BatonStorageRowFunc      func,
                                                gpointer                 user_data,
                                                GError                 **error);

gboolean      baton_storage_pg_is_online    (BatonStorage             *storage);
/* Whether the login role may only look. */
gboolean      baton_storage_pg_is_viewer    (BatonStorage             *storage);
/* The login role (session_user), NULL before the first connection. */
const char   *baton_storage_pg_get_author   (BatonStorage             *storage);
/* Reads the change feed now (tests, and after a refusal). */
gboolean      baton_storage_pg_catch_up     (BatonStorage             *storage,
                                             GError                  **error);
/* Who last changed the row, and what kind of change, from the change log;
 * NULL when nobody is known. */
char         *baton_storage_pg_last_author  (BatonStorage             *storage,
                                             const BatonRecordSchema  *schema,
                                             gint64                    id);
/* The engine's storage of a store, or NULL for a file. */
gboolean      baton_storage_is_pg           (BatonStorage             *storage);

G_END_DECLS
