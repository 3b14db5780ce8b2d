/* bench-capacity.c — how fast the capacity grid is on a big workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates a demo workspace of 200 people and 20,000 tasks (--quick: 20
 * people and 1,000 tasks) in a temporary database, shows the Capacity view
 * for 26 weeks in a real 1400×900 window, and prints exactly two figures
 * on stdout (milliseconds):
 *
 *   grid_build_ms:    from the store loaded to the first frame of the grid
 *                     drawn (view built, matrix computed, laid out, drawn
 *                     and rendered), in a window that is already on screen
 *                     — as when the window builds its pages — so the
 *                     toolkit's one-time start (theme, X window) is not
 *                     counted; that cold figure goes to stderr
 *   grid_refresh_ms:  the median of 13 different drops on the grid (the drop
 *                     target's "drop", which calls the store: reassigns,
 *                     reschedules and both, different tasks, people and
 *                     weeks, the first one included) to the end of the
 *                     frame that shows it: the frame clock's "after-paint"
 *                     of the first frame the grid drew after the drop,
 *                     so layout, drawing and rendering are all counted
 *
 * Everything else goes to stderr (each refresh sample, their minimum and
 * maximum). Targets: build ≤ 200 ms, refresh ≤ 16 ms.
 * Run it under Xvfb: build-aux/dev bench.
 */

#define G_LOG_DOMAIN "bench-capacity"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "baton-capacity-view.h"
#include "baton-capacity-view-private.h"
#include "baton-demo.h"
#include "baton-store.h"
#include "baton-test-util.h"
#include "baton-ui-test-util.h"

#define N_WEEKS 26

static double
ms_since (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000.0;
}

/* Iterates until the grid has drawn (and so rendered) a new frame. */
static gboolean
wait_for_frame (BatonCapacityGrid *grid,
                guint              draws_before)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (baton_capacity_grid_get_draw_count (grid) == draws_before)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }

  return TRUE;
}

#define N_REFRESH_SAMPLES 13

/* Waits for the end of the first frame in which the grid draws after
 * @draws_before draws: its frame clock's "after-paint". */
typedef struct
{
  BatonCapacityGrid *grid;
  guint              draws_before;
  gboolean           done;
} FrameWait;

static void
on_after_paint (GdkFrameClock *clock,
                FrameWait     *wait)
{
  if (baton_capacity_grid_get_draw_count (wait->grid) > wait->draws_before)
    wait->done = TRUE;
}

static gboolean
wait_for_painted_frame (BatonCapacityGrid *grid,
                        guint              draws_before)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (grid));
  FrameWait wait = { grid, draws_before, FALSE };
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gulong id;

  if (clock == NULL)
    return FALSE;

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &wait);
  while (!wait.done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);

  return wait.done;
}

/* The frame clock has been idle for a refresh interval: a new frame starts
 * at once, as when a person drops a task after a moment, instead of waiting
 * for the slot after the frame just drawn (which would add up to one
 * refresh interval to a sample). */
static gboolean
frame_clock_is_rested (gpointer data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (data);
  gint64 interval = 0, presentation = 0;

  if (clock == NULL)
    return TRUE;

  gdk_frame_clock_get_refresh_info (clock, gdk_frame_clock_get_frame_time (clock), &interval, &presentation);
  if (interval <= 0)
    interval = G_USEC_PER_SEC / 60;

  return g_get_monotonic_time () - gdk_frame_clock_get_frame_time (clock) > interval;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db ? 1 : 0;
}

/* The person rows on screen with a task in week @week. */
static GArray *
rows_with_work (BatonCapacityGrid *grid,
                guint              week,
                guint              max_rows)
{
  BatonCapacity *matrix = baton_capacity_grid_get_matrix (grid);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = MIN (baton_capacity_grid_get_n_rows (grid), max_rows);

  for (guint i = 0; i < n; i++)
    {
      gint matrix_row;

      if (baton_capacity_grid_get_row_kind (grid, i) != BATON_GRID_ROW_PERSON)
        continue;
      matrix_row = baton_capacity_grid_get_row_matrix_row (grid, i);
      if (baton_capacity_get_shares (matrix, matrix_row, week)->len > 0)
        g_array_append_val (rows, i);
    }

  return rows;
}

static guint
next_person_row (BatonCapacityGrid *grid,
                 guint              from,
                 guint              max_rows)
{
  guint n = MIN (baton_capacity_grid_get_n_rows (grid), max_rows);

  for (guint step = 1; step < n; step++)
    {
      guint row = (from + step) % n;

      if (baton_capacity_grid_get_row_kind (grid, row) == BATON_GRID_ROW_PERSON)
        return row;
    }

  return from;
}

/* One drop, timed to the end of the frame that shows it. Sample @index
 * picks what changes: 0 mod 3 reassigns in the same week, 1 reschedules
 * the same person's task a week or two later, 2 does both. Returns the
 * milliseconds, or a negative number when nothing could be dropped. */
static double
time_one_drop (BatonCapacityView *view,
               guint              index)
{
  BatonCapacityGrid *grid = baton_capacity_view_get_grid (view);
  GtkDragSource *source = baton_capacity_view_get_drag_source (view);
  GtkDropTarget *target = baton_capacity_view_get_drop_target (view);
  guint max_rows = 14, week = index % 3, to_week;
  g_autoptr(GArray) rows = rows_with_work (grid, week, max_rows);
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GdkRectangle from_rect, to_rect;
  guint from_row, to_row, draws;
  gboolean dropped = FALSE;
  gint64 start;
  double ms;

  if (rows->len == 0)
    return -1;

  from_row = g_array_index (rows, guint, index % rows->len);
  switch (index % 3)
    {
    case 0:
      to_row = next_person_row (grid, from_row, max_rows);
      to_week = week;
      break;
    case 1:
      to_row = from_row;
      to_week = week + 1 + index % 2;
      break;
    case 2:
    default:
      to_row = next_person_row (grid, from_row + index % 5, max_rows);
      to_week = week + 1;
      break;
    }

  if (to_row == from_row && to_week == week)
    return -1;
  if (!baton_capacity_grid_get_cell_rect (grid, from_row, (gint) week, &from_rect) ||
      !baton_capacity_grid_get_cell_rect (grid, to_row, (gint) to_week, &to_rect))
    return -1;

  g_signal_emit_by_name (source, "prepare",
                         from_rect.x + from_rect.width / 2.0, from_rect.y + from_rect.height / 2.0,
                         &provider);
  g_value_init (&value, BATON_TYPE_TASK);
  if (provider == NULL || !gdk_content_provider_get_value (provider, &value, &error))
    return -1;

  baton_test_wait_until (frame_clock_is_rested, grid, 1000);
  draws = baton_capacity_grid_get_draw_count (grid);
  start = g_get_monotonic_time ();
  g_signal_emit_by_name (target, "drop", &value,
                         to_rect.x + to_rect.width / 2.0, to_rect.y + to_rect.height / 2.0,
                         &dropped);
  if (!dropped || !wait_for_painted_frame (grid, draws))
    {
      g_signal_emit_by_name (source, "drag-end", NULL, FALSE);
      return -1;
    }
  ms = ms_since (start);
  g_signal_emit_by_name (source, "drag-end", NULL, TRUE);

  return ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gboolean quick = FALSE;
  BatonDemoSize size;
  GtkWidget *window, *view;
  BatonCapacityGrid *grid;
  g_autoptr(GArray) samples = NULL;
  double build_ms, refresh_ms, cold_ms;
  gint64 start, cold_start;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--quick"))
      quick = TRUE;

  if (!gtk_init_check ())
    {
      g_printerr ("bench-capacity: no display (run it under xvfb-run)\n");
      return 77;
    }
  adw_init ();
  baton_test_load_stylesheet ();

  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "weeks-shown", N_WEEKS);

  dir = g_dir_make_tmp ("baton-bench-capacity-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("bench-capacity: %s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "bench.db", NULL);

  baton_demo_size_init_default (&size);
  size.n_people = quick ? 20 : 200;
  size.n_tasks = quick ? 1000 : 20000;
  size.n_programs = quick ? 12 : 120;
  size.n_clients = quick ? 4 : 30;
  size.n_notes = 0;

  g_printerr ("bench-capacity: generating %u people and %u tasks…\n", size.n_people, size.n_tasks);
  store = baton_store_open (path, &error);
  if (store == NULL || !baton_demo_generate (store, &size, &error))
    {
      g_printerr ("bench-capacity: %s\n", error->message);
      return 1;
    }

  /* The window first, as the app has it before it builds its pages. */
  cold_start = g_get_monotonic_time ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  baton_test_run_for (200);
  cold_ms = ms_since (cold_start) - 200;

  /* Build: the store is loaded; show the grid. */
  start = g_get_monotonic_time ();
  view = baton_capacity_view_new (store);
  gtk_window_set_child (GTK_WINDOW (window), view);
  grid = baton_capacity_view_get_grid (BATON_CAPACITY_VIEW (view));
  if (!wait_for_frame (grid, 0))
    {
      g_printerr ("bench-capacity: the grid never drew\n");
      return 1;
    }
  build_ms = ms_since (start);
  g_printerr ("bench-capacity: toolkit start and empty window %.1f ms before that\n", cold_ms);
  g_printerr ("bench-capacity: %u rows, %u weeks\n",
              baton_capacity_grid_get_n_rows (grid), baton_capacity_grid_get_n_weeks (grid));

  /* Refresh: different drops, each to the end of the frame that shows it;
   * the first one counts too. A frame waits for the one before it, not
   * for a fixed time. */
  samples = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; samples->len < N_REFRESH_SAMPLES && i < N_REFRESH_SAMPLES * 4; i++)
    {
      double ms = time_one_drop (BATON_CAPACITY_VIEW (view), i);

      if (ms < 0)
        continue;
      g_array_append_val (samples, ms);
      g_printerr ("bench-capacity: refresh sample %u (%s): %.1f ms\n", samples->len,
                  i % 3 == 0 ? "reassign" : i % 3 == 1 ? "reschedule" : "both", ms);
    }

  if (samples->len < N_REFRESH_SAMPLES)
    {
      g_printerr ("bench-capacity: only %u drops landed\n", samples->len);
      return 1;
    }

  g_array_sort (samples, compare_doubles);
  refresh_ms = g_array_index (samples, double, samples->len / 2);
  g_printerr ("bench-capacity: refresh over %u drops: min %.1f, median %.1f, max %.1f ms\n",
              samples->len, g_array_index (samples, double, 0), refresh_ms,
              g_array_index (samples, double, samples->len - 1));

  printf ("grid_build_ms: %.1f\n", build_ms);
  printf ("grid_refresh_ms: %.1f\n", refresh_ms);
  fflush (stdout);

  gtk_window_destroy (GTK_WINDOW (window));
  baton_test_run_for (50);
  g_clear_object (&store);
  baton_test_rm_rf (dir);

  return 0;
}
