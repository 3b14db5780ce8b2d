/* baton-board-column.h — one stage of the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-capacity.h"
#include "baton-card-list.h"
#include "baton-store.h"

G_BEGIN_DECLS

/* Width of a column, and the space between two. */
#define BATON_BOARD_COLUMN_WIDTH   304
#define BATON_BOARD_COLUMN_SPACING 12

#define BATON_TYPE_BOARD_COLUMN (baton_board_column_get_type ())
G_DECLARE_FINAL_TYPE (BatonBoardColumn, baton_board_column, BATON, BOARD_COLUMN, GtkWidget)

/* @tasks: the tasks of @stage (see baton_board_tasks_get_stage_model ()). */
/* @tasks: the stage's tasks; @filter: the board's filter (or NULL). */
GtkWidget     *baton_board_column_new            (BatonStore       *store,
                                                  BatonStage       *stage,
                                                  GListModel       *tasks,
                                                  GtkFilter        *filter);
BatonStage    *baton_board_column_get_stage      (BatonBoardColumn *self);
/* The cards shown, in order (filtered and sorted). */
GListModel    *baton_board_column_get_model      (BatonBoardColumn *self);
BatonCardList *baton_board_column_get_card_list  (BatonBoardColumn *self);
/* Where @task is in the column's model, or G_MAXUINT. */
guint          baton_board_column_get_index      (BatonBoardColumn *self,
                                                  BatonTask        *task);
/* The card showing @task, if it has one (it is on screen or focused). */
GtkWidget     *baton_board_column_get_card       (BatonBoardColumn *self,
                                                  BatonTask        *task);
GtkDropTarget *baton_board_column_get_drop_target (BatonBoardColumn *self);
/* A drag ended (dropped or cancelled): no drop line, no highlight. */
void           baton_board_column_clear_drop     (BatonBoardColumn *self);
/* Gives the list its cards. A column off screen when the board first
 * shows gets them once it is scrolled into view. */
void           baton_board_column_show_cards     (BatonBoardColumn *self);
gboolean       baton_board_column_get_shows_cards (BatonBoardColumn *self);
/* Re-runs the filter (the board's filter changed). */
void           baton_board_column_set_load       (BatonBoardColumn *self,
                                                  guint             load);
void           baton_board_column_set_capacity   (BatonBoardColumn *self,
                                                  BatonCapacity    *capacity,
                                                  guint32           today);
void           baton_board_column_set_dragged_task (BatonBoardColumn *self,
                                                    BatonTask        *task);
/* Name, counts, WIP limit and menu, from the stage and the view. */
void           baton_board_column_update_header  (BatonBoardColumn *self,
                                                  gboolean          is_first,
                                                  gboolean          is_last);
gboolean       baton_board_column_get_over_limit (BatonBoardColumn *self);
const char    *baton_board_column_get_count_text (BatonBoardColumn *self);
const char    *baton_board_column_get_wip_text   (BatonBoardColumn *self);
/* Shows the quick-add entry and focuses it. */
void           baton_board_column_start_quick_add (BatonBoardColumn *self);
GtkEntry      *baton_board_column_get_quick_add_entry (BatonBoardColumn *self);
/* Shows the card at @index of the column's model. */
void           baton_board_column_scroll_to_index (BatonBoardColumn *self,
                                                   guint             index);
/* Scrolls to @task and gives its card the focus; FALSE if the column
 * does not show it. */
gboolean       baton_board_column_focus_task     (BatonBoardColumn *self,
                                                  BatonTask        *task);
/* The same for the card at @index of the column's model. */
gboolean       baton_board_column_focus_index    (BatonBoardColumn *self,
                                                  guint             index);
/* The slot a drop at @y (in the drop target's widget) would land in. */
guint          baton_board_column_index_at_y     (BatonBoardColumn *self,
                                                  double            y);

G_END_DECLS
