/* baton-client-row.h — a client in the clients list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_CLIENT_ROW (baton_client_row_get_type ())
G_DECLARE_FINAL_TYPE (BatonClientRow, baton_client_row, BATON, CLIENT_ROW, GtkWidget)

GtkWidget   *baton_client_row_new        (void);
BatonClient *baton_client_row_get_client (BatonClientRow *self);
void         baton_client_row_set_client (BatonClientRow *self,
                                          BatonClient    *client);

G_END_DECLS
