/* baton-card-list.h — a scrolling list of cards that exist only on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BATON_TYPE_CARD_LIST (baton_card_list_get_type ())
G_DECLARE_FINAL_TYPE (BatonCardList, baton_card_list, BATON, CARD_LIST, GtkWidget)

/* Makes a card widget; binds @card to @item (NULL: unbinds it). */
typedef GtkWidget *(*BatonCardListCreateFunc) (gpointer   user_data);
typedef void       (*BatonCardListBindFunc)   (GtkWidget *card,
                                               gpointer   item,
                                               gpointer   user_data);

GtkWidget  *baton_card_list_new              (BatonCardListCreateFunc create,
                                              BatonCardListBindFunc   bind,
                                              gpointer                user_data);
GListModel *baton_card_list_get_model        (BatonCardList *self);
void        baton_card_list_set_model        (BatonCardList *self,
                                              GListModel    *model);

/* The width the list will have, to bind cards before it is allocated. */
void        baton_card_list_set_width_hint   (BatonCardList *self,
                                              int            width);
/* The card showing @item (on screen, or focused off screen), or NULL. */
GtkWidget  *baton_card_list_get_card         (BatonCardList *self,
                                              gpointer       item);
/* Scrolls as little as needed to show the card at @position whole. */
void        baton_card_list_scroll_to        (BatonCardList *self,
                                              guint          position);
/* Scrolls to the card at @position and gives it the focus. */
gboolean    baton_card_list_focus_position   (BatonCardList *self,
                                              guint          position);
/* The slot a card dropped at @y (in the list's coordinates) lands in:
 * before the card whose upper half holds @y, else after the last. @line_y
 * is where that slot is on screen. */
guint       baton_card_list_slot_at_y        (BatonCardList *self,
                                              double         y,
                                              double        *line_y);

/* For tests and benchmarks: card widgets that exist (on screen, pooled
 * or focused off screen), and whether the cards on screen are all bound
 * and placed (nothing waits for the next frame). */
guint       baton_card_list_get_n_cards      (BatonCardList *self);
gboolean    baton_card_list_is_settled       (BatonCardList *self);

G_END_DECLS
