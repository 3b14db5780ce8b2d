/* main.c — Baton's entry point
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "baton-application.h"
#include "baton-store.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BatonApplication) app = NULL;

  /* Before the options are parsed, so that --help is translated too. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  baton_store_init_allocator ();

  app = baton_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
