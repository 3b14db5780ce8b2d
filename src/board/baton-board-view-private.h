/* baton-board-view-private.h — what the files of the board view share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BatonBoardView is one widget in several files, one job each:
 * baton-board-view.c (the widget and its state), -actions.c (the task and
 * board actions and their toasts, drag and drop, the card menu),
 * -filters.c (the search and the filter popover), -focus.c (the focus
 * that follows a card), -stages.c (the stage actions and their dialogs).
 * Nothing outside these files includes this header.
 */
#pragma once

#include <adwaita.h>

#include "baton-board-column.h"
#include "baton-board-filter.h"
#include "baton-board-tasks.h"
#include "baton-board-view.h"
#include "baton-capacity.h"
#include "baton-record-drop-down.h"
#include "baton-workload.h"
#include "baton-workload-frame.h"
#include "baton-edge-scroll.h"
#include "baton-people-sidebar.h"

G_BEGIN_DECLS

struct _BatonBoardView
{
  AdwBin              parent_instance;

  /* Template children */
  AdwToastOverlay    *toast_overlay;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkPopover         *filter_popover;
  BatonRecordDropDown *client_dropdown;
  BatonRecordDropDown *program_dropdown;
  BatonRecordDropDown *person_dropdown;
  BatonRecordDropDown *role_dropdown;
  GtkStack           *content_stack;
  GtkScrolledWindow  *board_scroller;
  GtkWidget          *columns_box;
  AdwFlap            *people_flap;      /* the people sidebar: beside, or over when narrow */
  AdwBin             *sidebar_bin;

  /* Owned references */
  BatonStore         *store;
  BatonBoardTasks    *tasks;
  GSettings          *settings;
  BatonCapacity      *capacity;
  BatonPeopleSidebar *sidebar;
  GtkWidget          *task_menu;       /* GtkPopoverMenu, our child */
  gint64              menu_card_task_id; /* whose card gets the focus back */
  BatonTask          *dragged_task;

  /* Focus: the task whose card has (or last had) the focus, where it was,
   * and the history's tops, to tell an undo or redo from a new change. */
  BatonTask          *focus_task;
  gint64              focus_stage_id;
  guint               focus_index;
  GtkRoot            *focus_root;        /* weak */
  gconstpointer       undo_top;          /* compared, never dereferenced */
  gconstpointer       redo_top;

  /* Derived from the store, once per change */
  GHashTable         *stage_loads;      /* stage id → guint */
  BatonCapacitySettings capacity_settings;
  guint32             today;
  BatonWorkload      *workload;
  guint               weeks_id;          /* our weeks in it */
  BatonWorkloadFrame  workload_frame;    /* shown: current in the next frame */

  /* Filters: one for every column */
  BatonBoardFilter   *filter;
  gboolean            show_people;
  gboolean            loading_filters;
  guint               n_filters_shown;

  /* Dragging near the board's edges */
  BatonEdgeScroll     edge_scroll;       /* the board, sideways */

  /* Toasts */
  char               *pending_toast;
  gconstpointer       pending_change;   /* compared, never dereferenced */
  guint               toast_idle_id;
  char               *last_toast;       /* for tests */
  AdwToast           *own_toast;        /* weak: outside a Baton window */
  GtkWidget          *editor;            /* weak */
  GtkWidget          *room_dialog;       /* weak */
};

/* Messages (baton-board-view-actions.c) */
void              _baton_board_view_announce_undoable       (BatonBoardView *self,
                                                             const char     *message);
void              _baton_board_view_show_error              (BatonBoardView *self,
                                                             const char     *message);

/* State (baton-board-view.c) */
BatonBoardColumn *_baton_board_view_column_for_stage_id     (BatonBoardView *self,
                                                             gint64          stage_id);
guint             _baton_board_view_stage_load              (BatonBoardView *self,
                                                             BatonStage     *stage);
BatonTask        *_baton_board_view_lookup_task             (BatonBoardView *self,
                                                             gint64          id);

/* Focus (baton-board-view-focus.c) */
void              _baton_board_view_keep_focus              (BatonBoardView *self);
gboolean          _baton_board_view_focus_card_of           (BatonBoardView *self,
                                                             BatonTask      *task);
void              _baton_board_view_on_focus_widget_changed (BatonBoardView *self);
void              _baton_board_view_focus_change            (BatonBoardView *self,
                                                             BatonChange    *acted);

/* Each file's actions and signal handlers */
void              _baton_board_view_actions_class_init      (GtkWidgetClass *widget_class);
void              _baton_board_view_actions_init            (BatonBoardView *self);
void              _baton_board_view_filters_class_init      (GtkWidgetClass *widget_class);
void              _baton_board_view_stages_class_init       (GtkWidgetClass *widget_class);

G_END_DECLS
