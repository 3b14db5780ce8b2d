/* test-capacity-layout.c — the capacity grid's geometry, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grid's layout and hit-testing are plain arithmetic over row heights,
 * the widget's size and the scroll offsets (baton-capacity-grid-layout.c),
 * so they are tested here with hand-computed figures and no GtkWidget: this
 * program never opens a display.
 */

#include "config.h"

#include "baton-capacity-grid-layout.h"

/* Metrics with round numbers, so the figures below can be checked by hand:
 * a 60 px week header, role rows 40, people 50, unassigned 30, 10 px
 * between groups, a 200 px name column, weeks at least 100 px wide. */
static void
layout_set_up (BatonGridLayout *layout,
               guint            n_weeks)
{
  const struct { BatonGridRowKind kind; gint64 role_id; gint64 person_id; } rows[] = {
    { BATON_GRID_ROW_ROLE, 1, 0 },          /* 0:   y 0   h 40 */
    { BATON_GRID_ROW_PERSON, 1, 11 },       /* 1:   y 40  h 50 */
    { BATON_GRID_ROW_PERSON, 1, 12 },       /* 2:   y 90  h 50 */
    { BATON_GRID_ROW_UNASSIGNED, 1, 0 },    /* 3:   y 140 h 30 */
    { BATON_GRID_ROW_ROLE, 2, 0 },          /* 4:   y 180 h 40 (after a 10 px gap) */
    { BATON_GRID_ROW_PERSON, 2, 21 },       /* 5:   y 220 h 50 */
    { BATON_GRID_ROW_UNASSIGNED, 2, 0 },    /* 6:   y 270 h 30 */
  };

  baton_grid_layout_init (layout);
  layout->metrics = (BatonGridMetrics) {
    .line_height = 12, .name_width = 200, .header_height = 60, .role_height = 40,
    .person_height = 50, .unassigned_height = 30, .group_gap = 10, .min_column = 100,
  };
  layout->n_weeks = n_weeks;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      BatonGridRow row = { rows[i].kind, rows[i].role_id, -1, rows[i].person_id };

      if (row.kind == BATON_GRID_ROW_ROLE)
        {
          row.total_load = g_new0 (double, n_weeks);
          row.total_capacity = g_new0 (double, n_weeks);
        }
      baton_grid_layout_append_row (layout, &row);
    }

  baton_grid_layout_place_rows (layout);
  layout->width = 600;
  layout->height = 300;
  layout->column_width = baton_grid_layout_column_width_for (layout, layout->width);
}

static void
test_metrics (void)
{
  BatonGridMetrics m;

  /* A tiny font still gets rows a pointer can hit. */
  baton_grid_metrics_init (&m, 5);
  g_assert_cmpint (m.line_height, ==, 12);
  g_assert_cmpint (m.header_height, ==, 56);
  g_assert_cmpint (m.person_height, ==, 58);
  g_assert_cmpint (m.role_height, ==, 42);
  g_assert_cmpint (m.unassigned_height, ==, 44);

  /* A large font grows the rows with it. */
  baton_grid_metrics_init (&m, 30);
  g_assert_cmpint (m.header_height, ==, 78);
  g_assert_cmpint (m.person_height, ==, 80);
  g_assert_cmpint (m.role_height, ==, 52);
  g_assert_cmpint (m.unassigned_height, ==, 54);
  g_assert_cmpint (m.name_width, ==, 288);
}

static void
test_place_rows (void)
{
  BatonGridLayout layout;
  const int ys[] = { 0, 40, 90, 140, 180, 220, 270 };
  const int heights[] = { 40, 50, 50, 30, 40, 50, 30 };

  layout_set_up (&layout, 4);

  g_assert_cmpuint (baton_grid_layout_get_n_rows (&layout), ==, 7);
  for (guint i = 0; i < G_N_ELEMENTS (ys); i++)
    {
      g_assert_cmpint (baton_grid_layout_get_row (&layout, i)->y, ==, ys[i]);
      g_assert_cmpint (baton_grid_layout_get_row (&layout, i)->height, ==, heights[i]);
    }
  /* The last row ends at 300, then two gaps of margin. */
  g_assert_cmpint (layout.content_height, ==, 320);

  baton_grid_layout_remove_rows (&layout);
  g_assert_cmpuint (baton_grid_layout_get_n_rows (&layout), ==, 0);
  g_assert_cmpint (layout.content_height, ==, 0);

  baton_grid_layout_clear (&layout);
}

static void
test_column_width (void)
{
  BatonGridLayout layout;

  layout_set_up (&layout, 4);

  /* 600 − 200 = 400 px for 4 weeks, but never below the minimum. */
  g_assert_cmpint (baton_grid_layout_column_width_for (&layout, 600), ==, 100);
  g_assert_cmpint (baton_grid_layout_column_width_for (&layout, 1000), ==, 200);
  g_assert_cmpint (baton_grid_layout_column_width_for (&layout, 300), ==, 100);
  layout.n_weeks = 0;
  g_assert_cmpint (baton_grid_layout_column_width_for (&layout, 1000), ==, 100);

  baton_grid_layout_clear (&layout);
}

/* Narrow, the names narrow to their avatars: whole only when two weeks
 * still fit beside them. */
static void
test_fit_names (void)
{
  BatonGridLayout layout;
  GdkRectangle rect;
  guint row;
  gint week;

  baton_grid_layout_init (&layout);
  baton_grid_metrics_init (&layout.metrics, 12);
  g_assert_cmpint (layout.metrics.name_width, ==, 288);
  g_assert_false (baton_grid_layout_is_compact (&layout));

  /* 288 + 2 × 112 = 512. */
  baton_grid_layout_fit_names (&layout, 512);
  g_assert_cmpint (layout.metrics.name_width, ==, 288);
  baton_grid_layout_fit_names (&layout, 511);
  g_assert_cmpint (layout.metrics.name_width, ==, 64);
  g_assert_true (baton_grid_layout_is_compact (&layout));
  baton_grid_layout_clear (&layout);

  /* The cells move with the names. */
  layout_set_up (&layout, 4);
  layout.metrics.full_name_width = 200;
  layout.metrics.compact_name_width = 50;
  baton_grid_layout_fit_names (&layout, 399);
  layout.column_width = baton_grid_layout_column_width_for (&layout, 399);
  g_assert_cmpint (layout.column_width, ==, 100);
  g_assert_true (baton_grid_layout_get_cell_rect (&layout, 1, 0, &rect));
  g_assert_cmpint (rect.x, ==, 50);
  g_assert_true (baton_grid_layout_pick (&layout, 49, 60 + 45, &row, &week));
  g_assert_cmpint (week, ==, -1);
  g_assert_true (baton_grid_layout_pick (&layout, 51, 60 + 45, &row, &week));
  g_assert_cmpint (week, ==, 0);
  baton_grid_layout_fit_names (&layout, 400);
  g_assert_cmpint (layout.metrics.name_width, ==, 200);
  baton_grid_layout_clear (&layout);
}

static void
test_pick (void)
{
  BatonGridLayout layout;
  guint row = 99;
  gint week = 99;

  layout_set_up (&layout, 8);

  /* The week header and points outside the widget hit nothing. */
  g_assert_false (baton_grid_layout_pick (&layout, 250, 59, &row, &week));
  g_assert_false (baton_grid_layout_pick (&layout, -1, 100, &row, &week));
  g_assert_false (baton_grid_layout_pick (&layout, 600, 100, &row, &week));

  /* The name column: week −1. Content y 0 is widget y 60. */
  g_assert_true (baton_grid_layout_pick (&layout, 10, 60, &row, &week));
  g_assert_cmpuint (row, ==, 0);
  g_assert_cmpint (week, ==, -1);
  g_assert_true (baton_grid_layout_pick (&layout, 199, 60 + 40, &row, &week));
  g_assert_cmpuint (row, ==, 1);
  g_assert_cmpint (week, ==, -1);

  /* Cells: the second person, third week. */
  g_assert_true (baton_grid_layout_pick (&layout, 200 + 2 * 100 + 50, 60 + 139, &row, &week));
  g_assert_cmpuint (row, ==, 2);
  g_assert_cmpint (week, ==, 2);
  /* A row's bottom edge belongs to the next row. */
  g_assert_true (baton_grid_layout_pick (&layout, 200, 60 + 140, &row, &week));
  g_assert_cmpuint (row, ==, 3);
  g_assert_cmpint (week, ==, 0);

  /* The gap between groups (content y 170 to 180) and below the last row. */
  g_assert_false (baton_grid_layout_pick (&layout, 250, 60 + 175, NULL, NULL));
  g_assert_true (baton_grid_layout_pick (&layout, 250, 60 + 180, &row, NULL));
  g_assert_cmpuint (row, ==, 4);
  layout.height = 1000;
  g_assert_false (baton_grid_layout_pick (&layout, 250, 60 + 300, NULL, NULL));

  /* Scrolled: 100 px down and one and a half weeks right. */
  layout.vscroll = 100;
  layout.hscroll = 150;
  g_assert_true (baton_grid_layout_pick (&layout, 200, 60, &row, &week));
  g_assert_cmpuint (row, ==, 2);      /* content y 100 */
  g_assert_cmpint (week, ==, 1);      /* content x 150 */
  g_assert_true (baton_grid_layout_pick (&layout, 599, 60, &row, &week));
  g_assert_cmpint (week, ==, 5);      /* content x 549 */
  /* The name column does not scroll sideways. */
  g_assert_true (baton_grid_layout_pick (&layout, 10, 60, &row, &week));
  g_assert_cmpint (week, ==, -1);

  /* Right of the last week (a wide widget, few weeks). */
  layout.hscroll = 0;
  layout.width = 1000;
  layout.n_weeks = 4;
  g_assert_false (baton_grid_layout_pick (&layout, 200 + 4 * 100 + 1, 60, NULL, NULL));

  baton_grid_layout_clear (&layout);
}

static void
test_cell_rect (void)
{
  BatonGridLayout layout;
  GdkRectangle rect;

  layout_set_up (&layout, 4);

  g_assert_true (baton_grid_layout_get_cell_rect (&layout, 5, 3, &rect));
  g_assert_cmpint (rect.x, ==, 200 + 300);
  g_assert_cmpint (rect.y, ==, 60 + 220);
  g_assert_cmpint (rect.width, ==, 100);
  g_assert_cmpint (rect.height, ==, 50);

  g_assert_true (baton_grid_layout_get_cell_rect (&layout, 3, -1, &rect));
  g_assert_cmpint (rect.x, ==, 0);
  g_assert_cmpint (rect.y, ==, 60 + 140);
  g_assert_cmpint (rect.width, ==, 200);
  g_assert_cmpint (rect.height, ==, 30);

  layout.hscroll = 120;
  layout.vscroll = 40;
  g_assert_true (baton_grid_layout_get_cell_rect (&layout, 1, 1, &rect));
  g_assert_cmpint (rect.x, ==, 200 + 100 - 120);
  g_assert_cmpint (rect.y, ==, 60 + 40 - 40);

  /* Rows and weeks that do not exist. */
  g_assert_false (baton_grid_layout_get_cell_rect (&layout, 7, 0, &rect));
  g_assert_false (baton_grid_layout_get_cell_rect (&layout, 0, 4, &rect));
  g_assert_false (baton_grid_layout_get_cell_rect (&layout, 0, -2, &rect));

  baton_grid_layout_clear (&layout);
}

/* Every cell's centre picks that cell, however the grid is scrolled. */
static void
test_pick_round_trip (void)
{
  const double scrolls[][2] = { { 0, 0 }, { 37, 55 }, { 150, 120 }, { 300, 20 } };
  BatonGridLayout layout;

  layout_set_up (&layout, 6);
  layout.width = 900;
  layout.height = 2000;

  for (guint s = 0; s < G_N_ELEMENTS (scrolls); s++)
    {
      layout.hscroll = scrolls[s][0];
      layout.vscroll = scrolls[s][1];

      for (guint r = 0; r < baton_grid_layout_get_n_rows (&layout); r++)
        for (gint w = -1; w < (gint) layout.n_weeks; w++)
          {
            GdkRectangle rect;
            double x, y;
            guint row;
            gint week;

            g_assert_true (baton_grid_layout_get_cell_rect (&layout, r, w, &rect));
            x = rect.x + rect.width / 2.0;
            y = rect.y + rect.height / 2.0;
            if (x < 0 || x >= layout.width || y < layout.metrics.header_height ||
                (w >= 0 && x < layout.metrics.name_width))
              continue;   /* scrolled out of sight, or under the names */

            g_assert_true (baton_grid_layout_pick (&layout, x, y, &row, &week));
            g_assert_cmpuint (row, ==, r);
            g_assert_cmpint (week, ==, w);
          }
    }

  baton_grid_layout_clear (&layout);
}

static void
test_visible (void)
{
  BatonGridLayout layout;
  guint first_row, end_row, first_week, last_week;

  layout_set_up (&layout, 8);

  /* 300 px tall: rows whose top is above widget y 300 (content y 240). */
  g_assert_true (baton_grid_layout_get_visible (&layout, &first_row, &end_row, &first_week, &last_week));
  g_assert_cmpuint (first_row, ==, 0);
  g_assert_cmpuint (end_row, ==, 6);
  g_assert_cmpuint (first_week, ==, 0);
  g_assert_cmpuint (last_week, ==, 4);    /* 400 px of 100 px weeks: 0–4 */

  layout.vscroll = 95;    /* inside row 2 (90–140) */
  layout.hscroll = 250;
  g_assert_true (baton_grid_layout_get_visible (&layout, &first_row, &end_row, &first_week, &last_week));
  g_assert_cmpuint (first_row, ==, 2);
  g_assert_cmpuint (end_row, ==, 7);
  g_assert_cmpuint (first_week, ==, 2);
  g_assert_cmpuint (last_week, ==, 6);

  /* Never past the last week. */
  layout.hscroll = 700;
  g_assert_true (baton_grid_layout_get_visible (&layout, NULL, NULL, &first_week, &last_week));
  g_assert_cmpuint (first_week, ==, 7);
  g_assert_cmpuint (last_week, ==, 7);

  /* Nothing to draw before the width is known. */
  layout.column_width = 0;
  g_assert_false (baton_grid_layout_get_visible (&layout, &first_row, &end_row, &first_week, &last_week));

  baton_grid_layout_clear (&layout);
}

static void
test_scroll_to_cell (void)
{
  BatonGridLayout layout;
  double h, v;

  layout_set_up (&layout, 8);

  /* Already on screen: nothing moves. */
  h = 0, v = 0;
  baton_grid_layout_scroll_to_cell (&layout, 2, 1, 400, 240, &h, &v);
  g_assert_cmpfloat (h, ==, 0);
  g_assert_cmpfloat (v, ==, 0);

  /* Below and right: the row's bottom and the week's right edge come in. */
  baton_grid_layout_scroll_to_cell (&layout, 6, 6, 400, 240, &h, &v);
  g_assert_cmpfloat (v, ==, 300 - 240);
  g_assert_cmpfloat (h, ==, 700 - 400);

  /* Above and left: a group's first person brings its header along. */
  baton_grid_layout_scroll_to_cell (&layout, 5, 0, 400, 240, &h, &v);
  g_assert_cmpfloat (v, ==, 60);      /* unchanged: 180–270 is inside 60–300 */
  g_assert_cmpfloat (h, ==, 0);
  v = 200;
  baton_grid_layout_scroll_to_cell (&layout, 5, -1, 400, 240, &h, &v);
  g_assert_cmpfloat (v, ==, 180);     /* the role header above it */
  g_assert_cmpfloat (h, ==, 0);       /* week −1 leaves it */

  /* Unknown size: only scrolls back. */
  v = 100;
  baton_grid_layout_scroll_to_cell (&layout, 6, -1, 0, 0, &h, &v);
  g_assert_cmpfloat (v, ==, 100);
  baton_grid_layout_scroll_to_cell (&layout, 1, -1, 0, 0, &h, &v);
  g_assert_cmpfloat (v, ==, 0);

  baton_grid_layout_clear (&layout);
}

static void
test_find_and_focus (void)
{
  BatonGridLayout layout;

  layout_set_up (&layout, 4);

  g_assert_cmpint (baton_grid_layout_find_row (&layout, BATON_GRID_ROW_PERSON, 12), ==, 2);
  g_assert_cmpint (baton_grid_layout_find_row (&layout, BATON_GRID_ROW_PERSON, 21), ==, 5);
  g_assert_cmpint (baton_grid_layout_find_row (&layout, BATON_GRID_ROW_UNASSIGNED, 2), ==, 6);
  g_assert_cmpint (baton_grid_layout_find_row (&layout, BATON_GRID_ROW_ROLE, 2), ==, 4);
  g_assert_cmpint (baton_grid_layout_find_row (&layout, BATON_GRID_ROW_PERSON, 99), ==, -1);
  /* A role id is not a person id. */
  g_assert_cmpint (baton_grid_layout_find_row (&layout, BATON_GRID_ROW_PERSON, 1), ==, -1);

  /* Focus skips role headers and stops at the ends. */
  g_assert_cmpint (baton_grid_layout_next_focusable_row (&layout, 3, 1, 1), ==, 5);
  g_assert_cmpint (baton_grid_layout_next_focusable_row (&layout, 5, -1, 1), ==, 3);
  g_assert_cmpint (baton_grid_layout_next_focusable_row (&layout, 1, -1, 1), ==, 1);
  g_assert_cmpint (baton_grid_layout_next_focusable_row (&layout, 6, 1, 1), ==, 6);
  g_assert_cmpint (baton_grid_layout_next_focusable_row (&layout, -1, 1, 1), ==, 1);
  g_assert_cmpint (baton_grid_layout_next_focusable_row (&layout, 7, -1, 1), ==, 6);
  /* A page: as far as it goes. */
  g_assert_cmpint (baton_grid_layout_next_focusable_row (&layout, 1, 1, 3), ==, 5);
  g_assert_cmpint (baton_grid_layout_next_focusable_row (&layout, 1, 1, 10), ==, 6);

  baton_grid_layout_clear (&layout);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* No gtk_init (): none of this needs a display. */
  g_test_add_func ("/capacity-layout/metrics", test_metrics);
  g_test_add_func ("/capacity-layout/place-rows", test_place_rows);
  g_test_add_func ("/capacity-layout/column-width", test_column_width);
  g_test_add_func ("/capacity-layout/fit-names", test_fit_names);
  g_test_add_func ("/capacity-layout/pick", test_pick);
  g_test_add_func ("/capacity-layout/cell-rect", test_cell_rect);
  g_test_add_func ("/capacity-layout/pick-round-trip", test_pick_round_trip);
  g_test_add_func ("/capacity-layout/visible", test_visible);
  g_test_add_func ("/capacity-layout/scroll-to-cell", test_scroll_to_cell);
  g_test_add_func ("/capacity-layout/find-and-focus", test_find_and_focus);

  return g_test_run ();
}
