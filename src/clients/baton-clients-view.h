/* baton-clients-view.h — the Clients page of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_CLIENTS_VIEW (baton_clients_view_get_type ())
G_DECLARE_FINAL_TYPE (BatonClientsView, baton_clients_view, BATON, CLIENTS_VIEW, AdwBin)

GtkWidget  *baton_clients_view_new       (BatonStore     *store);
BatonStore *baton_clients_view_get_store (BatonClientsView *self);

G_END_DECLS
