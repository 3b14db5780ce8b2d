/* baton-board-view.h — the Board page of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_BOARD_VIEW (baton_board_view_get_type ())
G_DECLARE_FINAL_TYPE (BatonBoardView, baton_board_view, BATON, BOARD_VIEW, AdwBin)

GtkWidget  *baton_board_view_new       (BatonStore     *store);
BatonStore *baton_board_view_get_store (BatonBoardView *self);

G_END_DECLS
