/* baton-board-private.h — the board view's accessors for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Columns, cards and the people sidebar do not use this: they get their
 * state from above (constructors and setters) and act with the view's
 * actions (board.*, task.*).
 */
#pragma once

#include "baton-board-view.h"

G_BEGIN_DECLS

/* For tests and benchmarks */
guint          baton_board_view_get_n_columns       (BatonBoardView *self);
GtkWidget     *baton_board_view_get_column          (BatonBoardView *self,
                                                     guint           index);
GtkWidget     *baton_board_view_get_column_for_stage (BatonBoardView *self,
                                                      BatonStage     *stage);
GtkWidget     *baton_board_view_get_people_sidebar  (BatonBoardView *self);
GtkWidget     *baton_board_view_get_search_entry    (BatonBoardView *self);
GtkWidget     *baton_board_view_get_filter_popover  (BatonBoardView *self);
/* The filter popover's dropdown of @kind (a BatonBoardFilterId). */
GtkWidget     *baton_board_view_get_filter_drop_down (BatonBoardView *self,
                                                      guint           kind);
/* The task of the drag in progress (board.drag-begin), or NULL. */
BatonTask     *baton_board_view_get_dragged_task    (BatonBoardView *self);
/* "board", "no-results", or with no cards the first-run step: "no-stages",
 * "no-roles", "no-people", "no-programs", then "empty" */
const char    *baton_board_view_get_visible_page    (BatonBoardView *self);
/* The last toast the view showed or asked the window to show. */
const char    *baton_board_view_get_last_message    (BatonBoardView *self);
/* The card editor the view opened last, while it is open. */
GtkWidget     *baton_board_view_get_editor          (BatonBoardView *self);
/* The open Who Has Room? dialog (a BatonRoomDialog), or NULL. */
GtkWidget     *baton_board_view_get_room_dialog     (BatonBoardView *self);
/* Runs the pending capacity computation now. */
void           baton_board_view_update_capacity     (BatonBoardView *self);
/* Is everything the board shows computed, bound and placed: the columns in
 * view with their cards, the capacity badges? The next frame drawn shows
 * the finished board. */
gboolean       baton_board_view_is_settled          (BatonBoardView *self);

G_END_DECLS
