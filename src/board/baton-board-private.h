/* baton-board-private.h — what the board's parts share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view owns the state (store, capacity, filters, the drag in
 * progress); columns, cards and the people sidebar read it and hand user
 * gestures back to the view, which calls the store.
 */
#pragma once

#include "baton-board-view.h"
#include "baton-capacity.h"

G_BEGIN_DECLS

/* State */
BatonCapacity *_baton_board_view_get_capacity       (BatonBoardView *self);
const BatonCapacitySettings *
               _baton_board_view_get_capacity_settings (BatonBoardView *self);
guint32        _baton_board_view_get_today          (BatonBoardView *self);
gboolean       _baton_board_view_task_matches       (BatonBoardView *self,
                                                     BatonTask      *task);
gboolean       _baton_board_view_filter_is_active   (BatonBoardView *self);
/* Non-archived cards of a stage, whatever the filter. */
guint          _baton_board_view_get_stage_load     (BatonBoardView *self,
                                                     BatonStage     *stage);
BatonTask     *_baton_board_view_get_dragged_task   (BatonBoardView *self);
/* Checklist items of a task, done and in all (from one pass per change). */
void           _baton_board_view_get_checklist      (BatonBoardView *self,
                                                     BatonTask      *task,
                                                     guint          *done,
                                                     guint          *total);

/* Gestures */
void           _baton_board_view_drag_begin         (BatonBoardView *self,
                                                     BatonTask      *task);
void           _baton_board_view_drag_end           (BatonBoardView *self);
gboolean       _baton_board_view_drop_on_stage      (BatonBoardView *self,
                                                     BatonTask      *task,
                                                     BatonStage     *stage,
                                                     BatonTask      *before);
gboolean       _baton_board_view_drop_on_person     (BatonBoardView *self,
                                                     BatonTask      *task,
                                                     BatonPerson    *person);
void           _baton_board_view_open_editor        (BatonBoardView *self,
                                                     BatonTask      *task);
void           _baton_board_view_show_task_menu     (BatonBoardView *self,
                                                     GtkWidget      *card,
                                                     double          x,
                                                     double          y);
void           _baton_board_view_quick_add          (BatonBoardView *self,
                                                     BatonStage     *stage,
                                                     const char     *title);

/* For tests and benchmarks */
guint          baton_board_view_get_n_columns       (BatonBoardView *self);
GtkWidget     *baton_board_view_get_column          (BatonBoardView *self,
                                                     guint           index);
GtkWidget     *baton_board_view_get_column_for_stage (BatonBoardView *self,
                                                      BatonStage     *stage);
GtkWidget     *baton_board_view_get_people_sidebar  (BatonBoardView *self);
GtkWidget     *baton_board_view_get_search_entry    (BatonBoardView *self);
/* "board", "no-results", or with no cards the first-run step: "no-stages",
 * "no-roles", "no-people", "no-programs", then "empty" */
const char    *baton_board_view_get_visible_page    (BatonBoardView *self);
/* The last toast the view showed or asked the window to show. */
const char    *baton_board_view_get_last_message    (BatonBoardView *self);
/* The card editor the view opened last, while it is open. */
GtkWidget     *baton_board_view_get_editor          (BatonBoardView *self);
/* Runs the pending capacity computation now. */
void           baton_board_view_update_capacity     (BatonBoardView *self);
/* Is everything the board shows computed, bound and placed: the columns in
 * view with their cards, the capacity badges? The next frame drawn shows
 * the finished board. */
gboolean       baton_board_view_is_settled          (BatonBoardView *self);

G_END_DECLS
