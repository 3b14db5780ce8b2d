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
 *   grid_refresh_ms:  a reassign dropped on the grid (the drop target's
 *                     "drop", which calls the store) to the next frame drawn
 *
 * Everything else goes to stderr. Targets: build ≤ 200 ms, refresh ≤ 16 ms.
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

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* Finds a person row with a task in week 0 and another person of the same
 * group, both on screen, to drag between. */
static gboolean
find_drag (BatonCapacityGrid *grid,
           guint             *from_row,
           guint             *to_row)
{
  BatonCapacity *matrix = baton_capacity_grid_get_matrix (grid);
  guint n = baton_capacity_grid_get_n_rows (grid);

  for (guint i = 0; i < n && i < 14; i++)
    {
      gint matrix_row;

      if (baton_capacity_grid_get_row_kind (grid, i) != BATON_GRID_ROW_PERSON)
        continue;
      matrix_row = baton_capacity_grid_get_row_matrix_row (grid, i);
      if (baton_capacity_get_shares (matrix, matrix_row, 0)->len == 0)
        continue;

      for (guint j = 0; j < n && j < 14; j++)
        if (j != i && baton_capacity_grid_get_row_kind (grid, j) == BATON_GRID_ROW_PERSON)
          {
            *from_row = i;
            *to_row = j;
            return TRUE;
          }
    }

  return FALSE;
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
  GtkDragSource *source;
  GtkDropTarget *target;
  g_autoptr(GdkContentProvider) provider = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GdkRectangle from_rect, to_rect;
  guint from_row = 0, to_row = 0, draws;
  gboolean dropped = FALSE;
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

  /* Let the first frames settle, so the next one is not throttled. */
  baton_test_run_for (500);

  if (!find_drag (grid, &from_row, &to_row) ||
      !baton_capacity_grid_get_cell_rect (grid, from_row, 0, &from_rect) ||
      !baton_capacity_grid_get_cell_rect (grid, to_row, 0, &to_rect))
    {
      g_printerr ("bench-capacity: no task to drag on screen\n");
      return 1;
    }

  source = baton_capacity_view_get_drag_source (BATON_CAPACITY_VIEW (view));
  target = baton_capacity_view_get_drop_target (BATON_CAPACITY_VIEW (view));
  g_signal_emit_by_name (source, "prepare",
                         from_rect.x + from_rect.width / 2.0, from_rect.y + from_rect.height / 2.0,
                         &provider);
  g_value_init (&value, BATON_TYPE_TASK);
  if (provider == NULL || !gdk_content_provider_get_value (provider, &value, &error))
    {
      g_printerr ("bench-capacity: nothing to drag\n");
      return 1;
    }

  /* Refresh: the drop (one store call) to the next frame drawn. */
  draws = baton_capacity_grid_get_draw_count (grid);
  start = g_get_monotonic_time ();
  g_signal_emit_by_name (target, "drop", &value,
                         to_rect.x + to_rect.width / 2.0, to_rect.y + to_rect.height / 2.0,
                         &dropped);
  if (!dropped || !wait_for_frame (grid, draws))
    {
      g_printerr ("bench-capacity: the drop did not land\n");
      return 1;
    }
  refresh_ms = ms_since (start);
  g_signal_emit_by_name (source, "drag-end", NULL, TRUE);

  printf ("grid_build_ms: %.1f\n", build_ms);
  printf ("grid_refresh_ms: %.1f\n", refresh_ms);
  fflush (stdout);

  gtk_window_destroy (GTK_WINDOW (window));
  baton_test_run_for (50);
  g_clear_object (&store);
  remove_tree (dir);

  return 0;
}
