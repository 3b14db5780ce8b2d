/* baton-store-worker.c — a store for a worker thread, and handing its changes over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Long imports run on a worker thread with a store of their own: their own
 * connection to the same file and their own objects. The worker's store
 * writes the import in one transaction, which a cancel rolls back; the
 * window's store then adopts the change it wrote (baton-store-changes.c),
 * so that the import is one undo step there.
 */

#define G_LOG_DOMAIN "baton-store"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-store-internal.h"

/**
 * baton_store_open_for_worker:
 * @path: a workspace file that exists, or the location of the team
 *   workspace a window has open (baton_store_get_path ())
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 *   as baton_store_open () sets it
 */
BatonStore *
baton_store_open_for_worker (const char  *path,
                             GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  /* A team workspace: a connection of the worker's own. */
  if (baton_store_is_team_location (path))
    return _baton_store_open_team_worker (path, error);

  /* Creating the file here would race with the window's own store. */
  if (strcmp (path, ":memory:") == 0 || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                   _("The workspace “%s” is not a file that can be opened twice."), name);
      return NULL;
    }

  return _baton_store_open_full (path, TRUE, error);
}

void
baton_store_set_interrupt (BatonStore             *self,
                           GCancellable           *cancellable,
                           BatonStoreProgressFunc  progress_func,
                           gpointer                user_data)
{
  g_return_if_fail (BATON_IS_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  g_set_object (&self->interrupt, cancellable);
  self->progress_func = progress_func;
  self->progress_data = user_data;
  self->n_written = 0;
}

BatonChange *
baton_store_take_last_change (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  return baton_history_take_undo (self->history);
}
