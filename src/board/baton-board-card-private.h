/* baton-board-card-private.h — what baton-board-card's tests read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-board-card.h"

G_BEGIN_DECLS

/* For tests: the text the card shows for its title, and whether it shows
 * the over-capacity badge. */
const char    *baton_board_card_get_title_text (BatonBoardCard *self);
gboolean       baton_board_card_get_over_capacity (BatonBoardCard *self);

G_END_DECLS
