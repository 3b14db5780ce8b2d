/* baton-store-team.c — team workspaces: where they live, and opening
 * without blocking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A team workspace is a PostgreSQL database named by a connection URI. This
 * file knows how such a location is told apart from a file path, how it is
 * shown to people and kept without its password, and opens either kind of
 * workspace off the main loop.
 */

#define G_LOG_DOMAIN "baton-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-storage-pg.h"
#include "baton-store-internal.h"

gboolean
baton_store_is_team_location (const char *location)
{
  return location != NULL &&
         (g_str_has_prefix (location, "postgresql://") ||
          g_str_has_prefix (location, "postgres://"));
}

char *
baton_store_location_strip_password (const char *location)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GUri) stripped = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  if (!baton_store_is_team_location (location))
    return g_strdup (location);

  /* NON_DNS keeps a socket folder given as the host (%2Frun%2F…) encoded. */
  uri = g_uri_parse (location, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED | G_URI_FLAGS_NON_DNS, NULL);
  if (uri == NULL)
    return NULL;

  stripped = g_uri_build_with_user (G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED | G_URI_FLAGS_NON_DNS,
                                    g_uri_get_scheme (uri),
                                    g_uri_get_user (uri),
                                    NULL,
                                    NULL,
                                    g_uri_get_host (uri),
                                    g_uri_get_port (uri),
                                    g_uri_get_path (uri),
                                    g_uri_get_query (uri),
                                    g_uri_get_fragment (uri));

  return g_uri_to_string (stripped);
}

char *
baton_store_describe_location (const char *location)
{
  g_autoptr(GUri) uri = NULL;
  const char *host;
  const char *path;
  g_autofree char *database = NULL;

  g_return_val_if_fail (location != NULL, NULL);

  if (!baton_store_is_team_location (location))
    return g_filename_display_name (location);

  uri = g_uri_parse (location, G_URI_FLAGS_HAS_PASSWORD, NULL);
  if (uri == NULL)
    return g_strdup (_("A team workspace"));

  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0' || *host == '/')
    host = "localhost";
  path = g_uri_get_path (uri);
  while (path != NULL && *path == '/')
    path++;
  database = g_strdup (path != NULL && *path != '\0' ? path
                                                     : (g_uri_get_user (uri) != NULL ? g_uri_get_user (uri) : "postgres"));

  /* TRANSLATORS: a team workspace: its database, then the server */
  return g_strdup_printf (_("%s on %s"), database, host);
}

/* The engine's word ------------------------------------------------------ */

static void
notify_connection (BatonStore *self)
{
  g_object_notify (G_OBJECT (self), "connection");
  g_object_notify (G_OBJECT (self), "read-only");
}

/* Rows of one table changed on the server: read it again. "changed" is
 * emitted once the engine has caught up. */
static void
team_table_changed (BatonStorage            *storage,
                    const BatonRecordSchema *schema,
                    gpointer                 user_data)
{
  BatonStore *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!_baton_store_table_load (self, _baton_store_table_for_schema (self, schema), &error))
    g_debug ("Could not read %s again: %s", schema->table, error->message);
}

/* Rows of one table changed on the server (@rows: those that exist): the
 * objects take the server's values (inserted, updated or deleted as a
 * change of this store's would do it), so views keep their objects. */
static void
team_rows_changed (BatonStorage            *storage,
                   const BatonRecordSchema *schema,
                   GArray                  *ids,
                   GHashTable              *rows,
                   gpointer                 user_data)
{
  BatonStore *self = user_data;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  Table *table = _baton_store_table_for_schema (self, schema);
  BatonChange *change = baton_change_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      BatonRecord *record = table_lookup (table, id);
      GValue *row;
      BatonOp *op;

      if (!g_hash_table_add (seen, GSIZE_TO_POINTER ((gsize) id)))
        continue;
      row = g_hash_table_lookup (rows, GSIZE_TO_POINTER ((gsize) id));

      if (record != NULL && row != NULL)
        op = baton_op_new (BATON_OP_UPDATE, schema, id);
      else if (row != NULL)
        op = baton_op_new (BATON_OP_INSERT, schema, id);
      else if (record != NULL)
        op = baton_op_new (BATON_OP_DELETE, schema, id);
      else
        continue;

      if (record != NULL)
        op->before = _baton_store_snapshot_record (record);
      if (row != NULL)
        {
          g_hash_table_steal (rows, GSIZE_TO_POINTER ((gsize) id));
          op->after = row;
        }
      baton_change_add_op (change, op);
    }

  _baton_store_apply_remote (self, change);
  baton_change_free (change);
}

static gboolean
row_is_refused (const BatonRecordSchema *schema,
                gint64                   id,
                gpointer                 user_data)
{
  GArray *rows = user_data;

  for (guint i = 0; i < rows->len; i++)
    {
      BatonStoragePgRow *row = &g_array_index (rows, BatonStoragePgRow, i);

      if (row->schema == schema && row->id == id)
        return TRUE;
    }

  return FALSE;
}

/* The server refused a change this store had already shown (the objects
 * are back as the server has them): it leaves the undo history, with
 * every step that touched its rows, and the window hears why. */
static void
team_refused (BatonStorage *storage,
              GArray       *rows,
              const GError *reason,
              gpointer      user_data)
{
  BatonStore *self = user_data;
  g_autofree char *label = baton_history_drop_touching (self->history, row_is_refused, rows);
  g_autofree char *message = NULL;

  if (g_error_matches (reason, BATON_STORE_ERROR, BATON_STORE_ERROR_UNREACHABLE))
    {
      if (label != NULL)
        /* TRANSLATORS: the change's name, as in the Undo menu (Move “Storyboard”) */
        message = g_strdup_printf (_("The connection to the team server was lost before the change (%s) was confirmed. "
                                     "Baton shows what the server kept once it reconnects."),
                                   label);
      else
        message = g_strdup (_("The connection to the team server was lost before a change was confirmed. "
                              "Baton shows what the server kept once it reconnects."));
    }
  else
    message = g_strdup (reason->message);

  g_signal_emit (self, _baton_store_signals[REFUSED], 0, message);
}

static gboolean
team_load (BatonStore  *self,
           GError     **error)
{
  gboolean ok = TRUE;

  if (!baton_storage_pg_snapshot_begin (self->storage, error))
    return FALSE;
  for (guint i = 0; i < N_TABLES && ok; i++)
    ok = _baton_store_table_load (self, &self->tables[i], error);
  baton_storage_pg_snapshot_end (self->storage);

  return ok;
}

static gboolean
seed_if_new (BatonStore  *self,
             GError     **error)
{
  /* A board always keeps a stage: none is a workspace nobody opened yet. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->tables[TABLE_STAGES].list)) > 0 ||
      !baton_storage_pg_is_online (self->storage) || baton_storage_pg_is_viewer (self->storage))
    return TRUE;

  {
    guint n;
    const char * const *names = _baton_store_get_default_stages (&n);
    g_autofree const char **translated = g_new0 (const char *, n + 1);

    for (guint i = 0; i < n; i++)
      translated[i] = _(names[i]);

    /* Another coordinator opening it at the same moment seeds it once. */
    return baton_storage_pg_seed_stages (self->storage, translated, n, error) &&
           _baton_store_table_load (self, &self->tables[TABLE_STAGES], error);
  }
}

static void
team_event (BatonStorage        *storage,
            BatonStoragePgEvent  event,
            gpointer             user_data)
{
  BatonStore *self = user_data;
  g_autoptr(GError) error = NULL;

  switch (event)
    {
    case BATON_STORAGE_PG_CONNECTION:
      notify_connection (self);
      break;

    case BATON_STORAGE_PG_CAUGHT_UP:
      _baton_store_emit_changed (self, NULL);
      break;

    case BATON_STORAGE_PG_RELOAD:
    default:
      if (!team_load (self, &error) || !seed_if_new (self, &error))
        g_debug ("Could not read the team workspace: %s", error->message);
      else
        _baton_store_emit_changed (self, NULL);
      break;
    }
}

/* The passwords of the team workspaces this process opened, by location
 * without its password, so that a worker (an import, an export) can
 * connect as the window did. In memory only, for as long as the process
 * runs, as libpq keeps them for its own connections. */
static GMutex      passwords_lock;
static GHashTable *passwords;

static void
remember_password (const char *location,
                   const char *password)
{
  g_autofree char *key = baton_store_location_strip_password (location);

  if (password == NULL || key == NULL)
    return;

  g_mutex_lock (&passwords_lock);
  if (passwords == NULL)
    passwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (passwords, g_steal_pointer (&key), g_strdup (password));
  g_mutex_unlock (&passwords_lock);
}

static char *
recall_password (const char *location)
{
  char *password = NULL;

  g_mutex_lock (&passwords_lock);
  if (passwords != NULL)
    password = g_strdup (g_hash_table_lookup (passwords, location));
  g_mutex_unlock (&passwords_lock);

  return password;
}

/* Opens the team workspace at @location on this thread, not yet watching
 * its connection (_baton_store_team_attach ()). */
static BatonStore *
open_team (const char           *location,
           const char           *password,
           BatonStoreOpenFlags   flags,
           GError              **error)
{
  g_autoptr(BatonStore) self = NULL;
  gboolean offline = FALSE;

  self = g_object_new (BATON_TYPE_STORE, NULL);
  self->path = baton_store_location_strip_password (location);
  if (self->path == NULL)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                   _("“%s” is not a valid team workspace address."), location);
      return NULL;
    }

  self->storage = baton_storage_pg_open (location, password,
                                         (flags & BATON_STORE_OPEN_REQUIRE_SERVER) != 0,
                                         &offline, error);
  if (self->storage == NULL)
    return NULL;
  baton_storage_set_changed_func (self->storage, team_table_changed, self);

  if (!offline && (!team_load (self, error) || !seed_if_new (self, error) ||
                   !baton_storage_pg_reserve_ids (self->storage, error)))
    return NULL;

  if (!offline)
    remember_password (location, password);

  return g_steal_pointer (&self);
}

/* Starts watching the connection from the thread-default main context. */
static void
team_attach (BatonStore *self)
{
  baton_storage_pg_attach (self->storage, team_event, team_rows_changed, team_refused, self);
}

BatonStore *
_baton_store_open_team (const char  *location,
                        GError     **error)
{
  BatonStore *self = open_team (location, NULL, BATON_STORE_OPEN_REQUIRE_SERVER, error);

  if (self != NULL)
    team_attach (self);

  return self;
}

/* A store of a worker thread's own on the team workspace a window has
 * open: its own connection, no watch (what it writes reaches the window's
 * store through the change feed, or baton_store_adopt_change ()). */
BatonStore *
_baton_store_open_team_worker (const char  *location,
                               GError     **error)
{
  g_autofree char *password = recall_password (location);

  return open_team (location, password, BATON_STORE_OPEN_REQUIRE_SERVER, error);
}

gboolean
_baton_store_is_team (BatonStore *self)
{
  return baton_storage_is_pg (self->storage);
}

gboolean
_baton_store_team_read_only (BatonStore *self)
{
  return !baton_storage_pg_is_online (self->storage) || baton_storage_pg_is_viewer (self->storage);
}

/* Opening off the main loop -------------------------------------------- */

typedef struct
{
  char               *location;
  char               *password;
  BatonStoreOpenFlags flags;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->location);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  BatonStore *store;

  if (baton_store_is_team_location (data->location))
    store = open_team (data->location, data->password, data->flags, &error);
  else
    store = baton_store_open (data->location, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
baton_store_open_async (const char          *location,
                        const char          *password,
                        BatonStoreOpenFlags  flags,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, baton_store_open_async);

  data = g_new0 (OpenData, 1);
  data->location = g_strdup (location);
  data->password = g_strdup (password);
  data->flags = flags;
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);

  g_task_run_in_thread (task, open_thread);
}

BatonStore *
baton_store_open_finish (GAsyncResult  *result,
                         GError       **error)
{
  BatonStore *store;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == baton_store_open_async, NULL);

  store = g_task_propagate_pointer (G_TASK (result), error);

  /* The connection is watched from here, the thread that runs the store. */
  if (store != NULL && _baton_store_is_team (store))
    team_attach (store);

  return store;
}

BatonStoreConnection
baton_store_get_connection (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), BATON_STORE_CONNECTION_LOCAL);

  if (!_baton_store_is_team (self))
    return BATON_STORE_CONNECTION_LOCAL;

  return baton_storage_pg_is_online (self->storage) ? BATON_STORE_CONNECTION_ONLINE
                                                    : BATON_STORE_CONNECTION_OFFLINE;
}

const char *
baton_store_get_author (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  if (!_baton_store_is_team (self))
    return NULL;

  return baton_storage_pg_get_author (self->storage);
}

static gboolean
flush_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
_baton_store_flush (BatonStore  *self,
                    guint        timeout_ms,
                    GError     **error)
{
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();
  g_autoptr(GSource) timeout = NULL;
  gboolean timed_out = FALSE;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  if (!_baton_store_is_team (self))
    return TRUE;

  timeout = g_timeout_source_new (timeout_ms);
  g_source_set_callback (timeout, flush_timeout_cb, &timed_out, NULL);
  g_source_attach (timeout, context);

  while (baton_storage_pg_is_busy (self->storage) && !timed_out)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (timeout);

  if (baton_storage_pg_is_busy (self->storage))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                           _("The team server did not answer in time."));
      return FALSE;
    }

  return TRUE;
}

static void
keep_first_refusal (BatonStore *store,
                    const char *message,
                    gpointer    data)
{
  char **first = data;

  if (*first == NULL)
    *first = g_strdup (message);
}

gboolean
baton_store_wait_confirmed (BatonStore  *self,
                            guint        timeout_ms,
                            GError     **error)
{
  g_autofree char *refusal = NULL;
  gulong handler;
  gboolean ok;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  if (!_baton_store_is_team (self))
    return TRUE;

  handler = g_signal_connect (self, "refused", G_CALLBACK (keep_first_refusal), &refusal);
  ok = _baton_store_flush (self, timeout_ms, error);
  g_signal_handler_disconnect (self, handler);

  if (ok && refusal != NULL)
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CONFLICT, refusal);
      return FALSE;
    }

  return ok;
}
