/* baton-capacity-grid.h — people × weeks, drawn as one widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-capacity.h"
#include "baton-workload.h"

G_BEGIN_DECLS

#define BATON_TYPE_CAPACITY_GRID (baton_capacity_grid_get_type ())
G_DECLARE_FINAL_TYPE (BatonCapacityGrid, baton_capacity_grid, BATON, CAPACITY_GRID, GtkWidget)

typedef enum
{
  BATON_GRID_ROW_ROLE,        /* a role's header: its people's total load */
  BATON_GRID_ROW_PERSON,      /* one person */
  BATON_GRID_ROW_UNASSIGNED,  /* the role's tasks nobody holds yet */
} BatonGridRowKind;

typedef enum
{
  BATON_GRID_CELL_EMPTY,      /* nothing to show (no load, no demand) */
  BATON_GRID_CELL_OK,
  BATON_GRID_CELL_HIGH,
  BATON_GRID_CELL_OVER,
  BATON_GRID_CELL_AWAY,       /* no capacity that week (time off), no load */
  BATON_GRID_CELL_DEMAND,     /* unassigned demand */
  BATON_GRID_CELL_TOTAL,      /* a role header's total */
} BatonGridCellStyle;

/* What a cell shows; snapshot draws exactly this. */
typedef struct
{
  BatonGridCellStyle style;
  BatonLoadLevel     level;
  gboolean           over_icon;    /* the over-capacity icon is drawn */
  guint              days_off;     /* working days off, marked in the cell */
  double             load;         /* minutes */
  double             capacity;     /* minutes (0 for unassigned rows) */
  char               text[64];     /* "32 / 40 h", "12 h"; "52 → 40 h" when planned */
  gboolean           planned;      /* a rebalance preview changes this cell */
  double             planned_load; /* minutes after the plan, when planned */
} BatonGridCellInfo;

GtkWidget     *baton_capacity_grid_new             (BatonWorkload               *workload);

const BatonCapacitySettings *
               baton_capacity_grid_get_settings    (BatonCapacityGrid           *self);
/* Shows @n_weeks weeks from the week holding @first_day (julian). */
void           baton_capacity_grid_set_weeks       (BatonCapacityGrid           *self,
                                                    guint32                      first_day,
                                                    guint                        n_weeks);
guint32        baton_capacity_grid_get_first_week  (BatonCapacityGrid           *self);
guint          baton_capacity_grid_get_n_weeks     (BatonCapacityGrid           *self);
void           baton_capacity_grid_set_today       (BatonCapacityGrid           *self,
                                                    guint32                      today);

/* The store changed: the matrix and the rows are rebuilt before the next
 * frame (or when someone asks for them), once however many changes came. */
void           baton_capacity_grid_invalidate      (BatonCapacityGrid           *self);
/* (transfer none): the matrix shown, up to date. */
BatonCapacity *baton_capacity_grid_get_matrix      (BatonCapacityGrid           *self);

/* Rows */
guint          baton_capacity_grid_get_n_rows      (BatonCapacityGrid           *self);
BatonGridRowKind baton_capacity_grid_get_row_kind  (BatonCapacityGrid           *self,
                                                    guint                        row);
gint64         baton_capacity_grid_get_row_role_id (BatonCapacityGrid           *self,
                                                    guint                        row);
/* (transfer none) (nullable): the person of a person row. */
BatonPerson   *baton_capacity_grid_get_row_person  (BatonCapacityGrid           *self,
                                                    guint                        row);
/* The matrix row of a person row, or -1. */
gint           baton_capacity_grid_get_row_matrix_row (BatonCapacityGrid        *self,
                                                    guint                        row);
gint           baton_capacity_grid_find_person_row (BatonCapacityGrid           *self,
                                                    gint64                       person_id);
gint           baton_capacity_grid_find_unassigned_row (BatonCapacityGrid       *self,
                                                    gint64                       role_id);
/* (transfer full): what a role row's header says of its people: "2 people
 * + 1 also" (the people listed under it, then those who hold the role as a
 * secondary one); NULL for other rows. */
char          *baton_capacity_grid_get_row_count_text (BatonCapacityGrid        *self,
                                                    guint                        row);
/* (transfer full): what the tooltip and a screen reader say of a cell
 * (@week -1: the name column); "" when nothing. */
char          *baton_capacity_grid_describe_cell   (BatonCapacityGrid           *self,
                                                    guint                        row,
                                                    gint                         week);
/* Does the person @person_id hold @role_id (as primary or other role)? */
gboolean       baton_capacity_grid_person_holds_role (BatonCapacityGrid         *self,
                                                    gint64                       person_id,
                                                    gint64                       role_id);

/* Cells */
void           baton_capacity_grid_get_cell_info   (BatonCapacityGrid           *self,
                                                    guint                        row,
                                                    guint                        week,
                                                    BatonGridCellInfo           *info);
/* Maps widget coordinates to a row and a week (-1 in the name column).
 * Returns FALSE on the week header or below the last row. */
gboolean       baton_capacity_grid_pick            (BatonCapacityGrid           *self,
                                                    double                       x,
                                                    double                       y,
                                                    guint                       *row,
                                                    gint                        *week);
/* The cell's rectangle in widget coordinates, as scrolled now; week -1 is
 * the name column. FALSE when the row or week does not exist. */
gboolean       baton_capacity_grid_get_cell_rect   (BatonCapacityGrid           *self,
                                                    guint                        row,
                                                    gint                         week,
                                                    GdkRectangle                *rect);
void           baton_capacity_grid_scroll_to_cell  (BatonCapacityGrid           *self,
                                                    guint                        row,
                                                    gint                         week);

/* The keyboard's focus cell (week -1: the name column). */
gboolean       baton_capacity_grid_get_focus_cell  (BatonCapacityGrid           *self,
                                                    guint                       *row,
                                                    gint                        *week);
void           baton_capacity_grid_set_focus_cell  (BatonCapacityGrid           *self,
                                                    guint                        row,
                                                    gint                         week);

/* Drag feedback */
/* Highlights the rows of people who hold @role_id (0: none). */
void           baton_capacity_grid_set_highlight_role (BatonCapacityGrid        *self,
                                                    gint64                       role_id);
/* Shows @text (e.g. "32 → 40 h") in a cell; @note is a short warning
 * under it (nullable). */
void           baton_capacity_grid_set_preview     (BatonCapacityGrid           *self,
                                                    guint                        row,
                                                    guint                        week,
                                                    const char                  *text,
                                                    gboolean                     warning,
                                                    const char                  *note);
/* Shows @text ("46 → 16 h") in the cell a dragged task leaves, marked as
 * its source; row or week −1 (or @text NULL) hides it. */
void           baton_capacity_grid_set_source_preview (BatonCapacityGrid        *self,
                                                    gint                         row,
                                                    gint                         week,
                                                    const char                  *text);
/* Shows a rebalance plan's result: every person cell whose load differs in
 * @after (the matrix with the plan's moves, see baton_rebalance_preview ())
 * reads "52 → 40 h", marked as planned. NULL: no plan. */
void           baton_capacity_grid_set_plan_preview (BatonCapacityGrid          *self,
                                                    BatonCapacity               *after);
/* Clears both previews. */
void           baton_capacity_grid_clear_preview   (BatonCapacityGrid           *self);
/* The source preview's text and cell, or NULL. */
const char    *baton_capacity_grid_get_source_preview_text (BatonCapacityGrid   *self,
                                                    guint                       *row,
                                                    guint                       *week);
const char    *baton_capacity_grid_get_preview_text (BatonCapacityGrid          *self,
                                                    gboolean                    *warning,
                                                    const char                 **note);
/* Scrolls while a drag hovers near an edge; (−1, −1) stops. */
void           baton_capacity_grid_autoscroll      (BatonCapacityGrid           *self,
                                                    double                       x,
                                                    double                       y);

/* How many times the grid has been drawn (benchmarks wait on it). */
guint          baton_capacity_grid_get_draw_count  (BatonCapacityGrid           *self);

G_END_DECLS
