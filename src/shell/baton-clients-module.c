/* baton-clients-module.c — the Clients view, opened when first shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-clients-module"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "baton-clients-module.h"

#define CLIENTS_MODULE_NAME "libbaton-clients.so"

#define CLIENTS_SYMBOL(name) BATON_LIBRARY_SYMBOL (BatonClientsModule, name)
static const BatonLibrarySymbol clients_symbols[] = {
  BATON_CLIENTS_FUNCTIONS (CLIENTS_SYMBOL)
  { NULL }
};

static BatonClientsModule clients;
static gboolean clients_loaded;

/* Where the module is: beside the program in a build tree (src/clients
 * next to src/baton), so that a build never picks up an installed module
 * of another version; else where it is installed. */
static char *
module_path (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *built = g_build_filename (dir, "clients", CLIENTS_MODULE_NAME, NULL);

      if (g_file_test (built, G_FILE_TEST_IS_REGULAR))
        return g_steal_pointer (&built);
    }

  return g_build_filename (BATON_MODULEDIR, CLIENTS_MODULE_NAME, NULL);
}

const BatonClientsModule *
baton_clients_module_get (GError **error)
{
  /* The program itself first: the tests link the view in. */
  static BatonLibrary program = { NULL, &clients, clients_symbols };
  static BatonLibrary module = { NULL, &clients, clients_symbols };
  static char *path = NULL;
  const char *failure;

  if (clients_loaded)
    return &clients;

  if (baton_library_load (&program) == NULL)
    {
      g_debug ("The Clients view is linked in");
      clients_loaded = TRUE;
      return &clients;
    }

  if (path == NULL)
    module.soname = path = module_path ();
  if ((failure = baton_library_load (&module)) != NULL)
    {
      g_warning ("Could not open the Clients view: %s", failure);
      /* Translators: %s is the reason, from the system */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The Clients view cannot be opened: %s"), failure);
      return NULL;
    }

  clients_loaded = TRUE;
  return &clients;
}

gboolean
baton_clients_module_is_view (GtkWidget *widget)
{
  return clients_loaded && widget != NULL &&
         G_TYPE_CHECK_INSTANCE_TYPE (widget, clients.baton_clients_view_get_type ());
}
