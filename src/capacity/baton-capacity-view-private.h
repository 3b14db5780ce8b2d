/* baton-capacity-view-private.h — the view's shared insides, and what tests reach into
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grid draws its cells in snapshot, so tests read what it draws
 * through the same function snapshot uses (the cell info), find cells by
 * coordinates the drop target would get, and drive the real drag source
 * and drop target.
 *
 * The view is one class in three files around this header, the way GNOME
 * Text Editor splits its window: baton-capacity-view.c (the page, its
 * settings, the cell popover), -actions.c (the "capacity." and "task."
 * actions and their toasts) and -dnd.c (the drag source, the drop target and the
 * drop preview).
 */
#pragma once

#include "baton-workload.h"
#include "baton-workload-frame.h"
#include "baton-capacity-grid.h"
#include "baton-capacity-view.h"
#include "baton-cell-popover.h"
#include "baton-dates.h"

G_BEGIN_DECLS

BatonCapacityGrid *baton_capacity_view_get_grid          (BatonCapacityView *self);
GtkDragSource     *baton_capacity_view_get_drag_source   (BatonCapacityView *self);
GtkDropTarget     *baton_capacity_view_get_drop_target   (BatonCapacityView *self);

/* What the cell of @person_id in week @week (0 = first week shown) shows,
 * "32 / 40 h"; NULL when that person has no row. Free with g_free (). */
char              *baton_capacity_view_get_cell_text     (BatonCapacityView *self,
                                                          gint64             person_id,
                                                          guint              week);
gboolean           baton_capacity_view_get_cell_info     (BatonCapacityView *self,
                                                          gint64             person_id,
                                                          guint              week,
                                                          BatonGridCellInfo *info);
/* The centre of a cell in the grid's coordinates, after scrolling it into
 * view: the person's cell when @person_id is not 0, else the Unassigned
 * cell of @role_id. @week -1 is the name column. */
gboolean           baton_capacity_view_get_cell_point    (BatonCapacityView *self,
                                                          gint64             person_id,
                                                          gint64             role_id,
                                                          gint               week,
                                                          double            *x,
                                                          double            *y);

/* Which first-run state shows: "no-roles", "no-people" (a status page
 * instead of the grid), "no-cards" (the grid, with a bar pointing to the
 * clients and the board) or NULL; and the widget that shows it (the status
 * page or the bar), whose buttons lead on. */
const char        *baton_capacity_view_get_empty_state   (BatonCapacityView *self);
GtkWidget         *baton_capacity_view_get_empty_page    (BatonCapacityView *self);

/* The chip shown under the pointer during a real drag (a BatonTaskChip),
 * or NULL; @rect (nullable): where it is, in the grid's coordinates, as
 * placed for the last pointer position over the grid (0 × 0 before). */
GtkWidget         *baton_capacity_view_get_drag_icon     (BatonCapacityView *self,
                                                          GdkRectangle      *rect);

/* The open popover and dialogs, or NULL. */
BatonCellPopover  *baton_capacity_view_get_cell_popover  (BatonCapacityView *self);
GtkWidget         *baton_capacity_view_get_room_dialog   (BatonCapacityView *self);
GtkWidget         *baton_capacity_view_get_person_dialog (BatonCapacityView *self);
GtkWidget         *baton_capacity_view_get_roles_dialog  (BatonCapacityView *self);
GtkWidget         *baton_capacity_view_get_archived_dialog (BatonCapacityView *self);

/* What the view's files share (baton-capacity-view.c, -actions.c, -dnd.c) */

/* Room between a drag's chip and the cells it must not cover. */
#define ICON_GAP 6

/* A cell by what it shows, not by its place: rows and weeks move. */
typedef struct
{
  gint64  person_id;    /* 0: the Unassigned row of role_id */
  gint64  role_id;
  guint32 week_start;   /* julian */
} CellRef;

struct _BatonCapacityView
{
  AdwBin             parent_instance;

  /* Template children */
  GtkStack          *stack;
  GtkWidget         *no_roles_page;
  GtkWidget         *no_people_page;
  GtkRevealer       *next_steps;
  GtkLabel          *range_label;
  GtkLabel          *short_range_label;  /* the same, without years */
  GtkLabel          *narrow_range_label; /* the same, beside the ⋮ menu */
  GtkLabel          *narrow_range_caption; /* the same, smaller */
  GtkLabel          *high_label;
  GtkScrolledWindow *scroller;
  GtkRevealer       *rebalance_revealer;

  /* Children made in code */
  BatonCapacityGrid *grid;
  BatonCellPopover  *popover;        /* parented on the grid, or NULL */
  GtkWidget         *person_menu;    /* parented on the grid, or NULL */
  GtkWidget         *rebalance_panel; /* in rebalance_revealer, made when first needed */
  GtkWidget         *rebalance_opener; /* weak: had the focus when the plan opened */

  /* Owned references */
  BatonStore        *store;
  BatonWorkload     *workload;       /* the window's, or our own */
  GSettings         *settings;
  BatonWorkloadFrame workload_frame;  /* shown: current in the next frame */
  GtkDragSource     *drag_source;
  GtkDropTarget     *drop_target;
  BatonTask         *drag_task;      /* the task being dragged */
  GArray            *drag_weeks;     /* guint32 week starts of the task */
  GArray            *drag_minutes;   /* double, minutes in those weeks */

  /* Weak references */
  GdkDrag           *drag;           /* the drag under way, real pointer */
  GtkWidget         *drag_icon;      /* its chip (BatonTaskChip) */
  GtkWidget         *room_dialog;
  GtkWidget         *person_dialog;
  GtkWidget         *roles_dialog;
  GtkWidget         *archived_dialog;

  /* State */
  guint32            drag_origin_week;  /* julian week start the drag left */
  GdkRectangle       icon_rect;         /* the chip, grid coordinates */
  gboolean           icon_placed;
  BatonGridRowKind   popover_kind;
  gint64             popover_id;        /* person or role of the open cell */
  guint32            popover_week;      /* julian week start of the open cell */

  /* The last drop: the change it recorded (compared by address, never
   * dereferenced) and the cells it left and reached, so that the focus
   * follows the task through Undo and Redo. */
  gconstpointer      drop_change;
  CellRef            drop_from;
  CellRef            drop_to;
  gconstpointer      undo_top;
  gconstpointer      redo_top;
};

static inline const BatonCapacitySettings *
capacity_settings (BatonCapacityView *self)
{
  return baton_workload_get_settings (self->workload);
}

static inline guint32
today (void)
{
  return baton_date_today ();
}

/* baton-capacity-view.c */
void      _baton_capacity_view_show_undo_toast   (BatonCapacityView *self,
                                                  const char        *message);
void      _baton_capacity_view_show_error        (BatonCapacityView *self,
                                                  const char        *heading,
                                                  const char        *message);
void      _baton_capacity_view_update_range_label (BatonCapacityView *self);

/* baton-capacity-view-actions.c */
void      _baton_capacity_view_update_actions    (BatonCapacityView *self);
void      _baton_capacity_view_class_add_actions (GtkWidgetClass    *widget_class);
gboolean  _baton_capacity_view_move_task         (BatonCapacityView *self,
                                                  BatonTask         *task,
                                                  gboolean           change_person,
                                                  BatonPerson       *person,
                                                  gint               weeks);

/* baton-capacity-view-dnd.c */
void      _baton_capacity_view_setup_dnd         (BatonCapacityView *self);
void      _baton_capacity_view_begin_drag_state  (BatonCapacityView *self,
                                                  BatonTask         *task,
                                                  guint32            origin_week);
void      _baton_capacity_view_end_drag_state    (BatonCapacityView *self);
void      _baton_capacity_view_set_drag_icon     (BatonCapacityView *self,
                                                  GdkDrag           *drag);
void      _baton_capacity_view_on_history_changed (BatonCapacityView *self);

G_END_DECLS
