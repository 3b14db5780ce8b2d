/* baton-board-card.h — one card of the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-capacity.h"
#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_BOARD_CARD (baton_board_card_get_type ())
G_DECLARE_FINAL_TYPE (BatonBoardCard, baton_board_card, BATON, BOARD_CARD, GtkWidget)

GtkWidget     *baton_board_card_new          (BatonStore     *store);
BatonTask     *baton_board_card_get_task     (BatonBoardCard *self);
void           baton_board_card_set_task     (BatonBoardCard *self,
                                              BatonTask      *task);
/* Re-reads what comes from outside the task (capacity, checklist, names). */
void           baton_board_card_refresh      (BatonBoardCard *self);
void           baton_board_card_set_capacity (BatonBoardCard *self,
                                              BatonCapacity  *capacity,
                                              guint32        today);
GtkDragSource *baton_board_card_get_drag_source (BatonBoardCard *self);

G_END_DECLS
