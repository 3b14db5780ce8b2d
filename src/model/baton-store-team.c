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

  uri = g_uri_parse (location, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED, NULL);
  if (uri == NULL)
    return NULL;

  stripped = g_uri_build_with_user (G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED,
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
    {
      g_task_return_new_error (task, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                               _("This Baton cannot open team workspaces yet."));
      return;
    }

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
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == baton_store_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

BatonStoreConnection
baton_store_get_connection (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), BATON_STORE_CONNECTION_LOCAL);

  return BATON_STORE_CONNECTION_LOCAL;
}

const char *
baton_store_get_author (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  return NULL;
}
