/* baton-search-provider.h — GNOME Shell's search over the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where the application exports org.gnome.Shell.SearchProvider2, below its
 * own object path (data/<app id>.search-provider.ini names it). */
#define BATON_SEARCH_PROVIDER_PATH_SUFFIX "/SearchProvider"

#define BATON_TYPE_SEARCH_PROVIDER (baton_search_provider_get_type ())
G_DECLARE_FINAL_TYPE (BatonSearchProvider, baton_search_provider, BATON, SEARCH_PROVIDER, GObject)

/* @application is a BatonApplication (not referenced: it owns the
 * provider). */
BatonSearchProvider *baton_search_provider_new        (GApplication        *application);
gboolean             baton_search_provider_register   (BatonSearchProvider *self,
                                                       GDBusConnection     *connection,
                                                       const char          *object_path,
                                                       GError             **error);
void                 baton_search_provider_unregister (BatonSearchProvider *self);

G_END_DECLS
