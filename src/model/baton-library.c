/* baton-library.c — libraries opened when they are first needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-library"

#include "config.h"

#include <gmodule.h>

#include "baton-library.h"

const char *
baton_library_load (BatonLibrary *library)
{
  g_return_val_if_fail (library != NULL, NULL);

  if (g_once_init_enter (&library->loaded))
    {
      const char *name = library->soname != NULL ? library->soname : "the program";
      GModule *module = g_module_open (library->soname, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      char *failure = NULL;

      if (module == NULL)
        failure = g_strdup (g_module_error ());

      for (const BatonLibrarySymbol *symbol = library->symbols;
           failure == NULL && symbol->name != NULL;
           symbol++)
        {
          gpointer *slot = G_STRUCT_MEMBER_P (library->table, symbol->offset);

          if (!g_module_symbol (module, symbol->name, slot))
            failure = g_strdup (g_module_error ());
        }

      if (failure != NULL)
        {
          /* The table is not used after a failure: every caller gets it. */
          g_debug ("Could not open %s: %s", name, failure);
          g_clear_pointer (&module, g_module_close);
        }
      else
        {
          g_debug ("Opened %s", name);
          g_module_make_resident (module);
        }

      library->failure = failure;
      g_once_init_leave (&library->loaded, 1);
    }

  return library->failure;
}
