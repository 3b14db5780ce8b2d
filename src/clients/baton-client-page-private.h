/* baton-client-page-private.h — what baton-client-page's tests read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-client-page.h"

G_BEGIN_DECLS

/* The first-run hints, for tests: what the empty programs list shows
 * (with Add Program), and the pointer to the board (programs, no task). */
GtkWidget   *baton_client_page_get_programs_placeholder (BatonClientPage *self);
GtkWidget   *baton_client_page_get_board_hint    (BatonClientPage *self);

G_END_DECLS
