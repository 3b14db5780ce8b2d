/* baton-clients-module.h — the Clients view, opened when first shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Clients view and its notes editor are built into a module of their
 * own (src/clients, libbaton-clients.so) with GtkSourceView, libxml2 and
 * ICU under it: linked into Baton they were loaded and relocated before
 * every start, for a view most starts never show. The shell reaches the
 * view through this table only. Where the view is linked in (the tests),
 * the table is filled from the program itself and no module is opened.
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-clients-view.h"
#include "baton-library.h"

G_BEGIN_DECLS

#define BATON_CLIENTS_FUNCTIONS(X) \
  X (baton_clients_view_get_type) \
  X (baton_clients_view_new) \
  X (baton_clients_view_close_request) \
  X (baton_clients_view_select_client) \
  X (baton_clients_view_open_note) \
  X (baton_clients_view_get_client_page) \
  X (baton_clients_view_get_search_entry) \
  X (baton_clients_view_run_search)

typedef struct
{
  BATON_CLIENTS_FUNCTIONS (BATON_LIBRARY_POINTER)
} BatonClientsModule;

/* Opens the module the first time; NULL, with the reason, if it cannot. */
const BatonClientsModule *baton_clients_module_get     (GError   **error);
/* Whether @widget is the Clients view (FALSE while the module is not
 * open: there is none then). */
gboolean                  baton_clients_module_is_view (GtkWidget *widget);

G_END_DECLS
