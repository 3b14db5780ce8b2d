/* baton-style.c — the views' stylesheets, loaded one way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each view ships its stylesheet in its own folder's resources and asks
 * for it when it is first built, so that a view built alone (in a test)
 * looks as it does in the window.
 */

#define G_LOG_DOMAIN "baton-style"

#include "config.h"

#include "baton-style.h"

void
baton_style_add_resource (const char *resource_path)
{
  static GHashTable *loaded;   /* resource paths */
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  g_return_if_fail (resource_path != NULL);

  if (display == NULL)
    return;
  if (loaded == NULL)
    loaded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (!g_hash_table_add (loaded, g_strdup (resource_path)))
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, resource_path);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
