/* baton-capacity-grid-layout.h — where the grid's rows and cells are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure geometry: given the row heights, the widget's size, the scroll
 * offsets and the number of weeks, the rectangle of a cell, the cell at a
 * point and what is on screen. No widget is needed (the tests run it
 * without a display); the grid keeps one of these and fills in its size
 * and scroll offsets before asking.
 */
#pragma once

#include <gdk/gdk.h>

#include "baton-capacity-grid.h"

G_BEGIN_DECLS

/* Sizes in pixels, from the font's line height. */
typedef struct
{
  int line_height;
  int name_width;          /* full_name_width, or compact_name_width when narrow */
  int full_name_width;
  int compact_name_width;  /* the avatars alone */
  int header_height;
  int role_height;
  int person_height;
  int unassigned_height;
  int group_gap;
  int min_column;
} BatonGridMetrics;

typedef struct
{
  BatonGridRowKind kind;
  gint64           role_id;       /* the group's role, 0 for people without one */
  gint             matrix_row;    /* person rows; −1 otherwise */
  gint64           person_id;     /* person rows */
  int              y;             /* below the week header, unscrolled */
  int              height;
  guint            n_people;      /* role rows: people in the group */
  GArray          *also_rows;     /* role rows: matrix rows (gint) of the people
                                   * who hold the role as a secondary one and
                                   * are listed under their primary (owned) */
  double          *total_load;    /* role rows: n_weeks, minutes (owned); the
                                   * group's own people only */
  double          *total_capacity;
} BatonGridRow;

typedef struct
{
  BatonGridMetrics metrics;
  GArray          *rows;           /* BatonGridRow */
  guint            n_weeks;
  int              content_height; /* all the rows, below the week header */
  int              column_width;   /* one week */

  /* The view port: the widget's size and the scroll offsets. */
  int              width;
  int              height;
  double           hscroll;
  double           vscroll;
} BatonGridLayout;

void          baton_grid_metrics_init              (BatonGridMetrics      *metrics,
                                                    int                    line_height);

void          baton_grid_layout_init               (BatonGridLayout       *layout);
void          baton_grid_layout_clear              (BatonGridLayout       *layout);
/* Removes the rows (and frees their totals and also_rows). */
void          baton_grid_layout_remove_rows        (BatonGridLayout       *layout);
/* Appends a copy of @row; the layout takes its totals and also_rows. */
void          baton_grid_layout_append_row         (BatonGridLayout       *layout,
                                                    const BatonGridRow    *row);
guint         baton_grid_layout_get_n_rows         (const BatonGridLayout *layout);
BatonGridRow *baton_grid_layout_get_row            (const BatonGridLayout *layout,
                                                    guint                  index);

/* Places the rows from the metrics: a gap before each group. */
void          baton_grid_layout_place_rows         (BatonGridLayout       *layout);
/* The name column's width for a widget @width wide: whole, or the avatars
 * alone when whole it would leave less than two weeks. */
void          baton_grid_layout_fit_names          (BatonGridLayout       *layout,
                                                    int                    width);
/* TRUE when the name column holds the avatars alone. */
gboolean      baton_grid_layout_is_compact         (const BatonGridLayout *layout);
/* The week column's width for a widget @width wide. */
int           baton_grid_layout_column_width_for   (const BatonGridLayout *layout,
                                                    int                    width);
/* The first row whose bottom is below content y @y (n_rows: none). */
guint         baton_grid_layout_row_at_content_y   (const BatonGridLayout *layout,
                                                    double                 y);
/* The row and week (−1: the name column) at widget point (@x, @y); FALSE
 * on the week header, in the gap between groups, below the last row or
 * right of the last week. */
gboolean      baton_grid_layout_pick               (const BatonGridLayout *layout,
                                                    double                 x,
                                                    double                 y,
                                                    guint                 *row,
                                                    gint                  *week);
/* The cell's rectangle in widget coordinates, as scrolled; week −1 is the
 * name column. FALSE when the row or the week does not exist. */
gboolean      baton_grid_layout_get_cell_rect      (const BatonGridLayout *layout,
                                                    guint                  row,
                                                    gint                   week,
                                                    GdkRectangle          *rect);
/* What is on screen: rows [@first_row, @end_row) and weeks
 * [@first_week, @last_week]. FALSE when no week is (no column width). */
gboolean      baton_grid_layout_get_visible        (const BatonGridLayout *layout,
                                                    guint                 *first_row,
                                                    guint                 *end_row,
                                                    guint                 *first_week,
                                                    guint                 *last_week);
/* The scroll offsets that show the cell (and its group's header above a
 * group's first person), moving as little as possible; @week −1 leaves
 * the horizontal offset. With a page of 0 or less an offset only moves
 * back (the size is not known yet). */
void          baton_grid_layout_scroll_to_cell     (const BatonGridLayout *layout,
                                                    guint                  row,
                                                    gint                   week,
                                                    double                 hpage,
                                                    double                 vpage,
                                                    double                *hvalue,
                                                    double                *vvalue);
/* The row of @kind for @id (a person's id for person rows, the role's for
 * the others), or −1. */
gint          baton_grid_layout_find_row           (const BatonGridLayout *layout,
                                                    BatonGridRowKind       kind,
                                                    gint64                 id);
/* The next row from @from in @direction (±1), @steps rows on, that can
 * hold focus (not a role header); @from when there is none. */
gint          baton_grid_layout_next_focusable_row (const BatonGridLayout *layout,
                                                    gint                   from,
                                                    gint                   direction,
                                                    guint                  steps);

G_END_DECLS
