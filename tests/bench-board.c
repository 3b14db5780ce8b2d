/* bench-board.c — how fast the board is over a big workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates a demo workspace of 10,000 cards (500 with --quick) in the six
 * default stages, in a temporary database that is then opened again, and
 * shows the board in a real window. Prints exactly three figures on stdout:
 *
 *   board_build_ms:  from the store loaded to the window's first frame drawn
 *   card_widgets:    card widgets that exist after that frame
 *   move_ms:         a card dropped on another column, from the drop to
 *                    the next frame drawn (median of 21 moves)
 *
 * The window is 1400×900. Before the store is opened, a throwaway window
 * pays the toolkit's own start-up (theme, icon theme, renderer), which
 * every window of the process shares. Everything else goes to stderr.
 * Needs a display (build-aux/dev bench runs it under Xvfb); without one it
 * exits with 77, "skipped".
 * Targets: board_build_ms ≤ 150, card_widgets ≤ 300, move_ms ≤ 16.
 */

#define G_LOG_DOMAIN "bench-board"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "baton-board-card.h"
#include "baton-board-column.h"
#include "baton-board-private.h"
#include "baton-board-view.h"
#include "baton-demo.h"
#include "baton-store.h"
#include "baton-ui-test-util.h"

#define BENCH_SEED 20261128
#define N_MOVES    21

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static guint frames_drawn;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  frames_drawn++;
}

static double
ms_since (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000.0;
}

/* Iterates the main loop until a frame is drawn after @before frames. */
static gboolean
wait_for_frame (guint before)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (frames_drawn <= before)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }

  return TRUE;
}

static guint
count_cards (GtkWidget *widget)
{
  guint n = BATON_IS_BOARD_CARD (widget) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_cards (child);

  return n;
}

static BatonBoardCard *
first_card (GtkWidget *widget)
{
  if (BATON_IS_BOARD_CARD (widget) && gtk_widget_get_mapped (widget))
    return BATON_BOARD_CARD (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      BatonBoardCard *card = first_card (child);

      if (card != NULL)
        return card;
    }

  return NULL;
}

/* Toolkit start-up (fonts, icon theme, theme CSS, renderer) is paid once
 * per process, whatever the window shows: pay it before timing the board
 * with a throwaway window using the same kinds of widgets. */
static void
warm_up (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GdkFrameClock *clock;
  guint before = frames_drawn;

  gtk_box_append (GTK_BOX (box), gtk_label_new ("Warm-up"));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
  gtk_box_append (GTK_BOX (box), gtk_entry_new ());
  gtk_box_append (GTK_BOX (box), adw_avatar_new (24, "Warm Up", TRUE));
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Button"));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  wait_for_frame (before);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  baton_test_run_for (100);
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gboolean quick = argc > 1 && g_strcmp0 (argv[1], "--quick") == 0;
  BatonDemoSize size = {
    .n_clients = 12,
    .n_programs = 40,
    .n_people = 60,
    .n_tasks = quick ? 500 : 10000,
    .n_notes = 0,
    .seed = BENCH_SEED,
    .today = 0,
  };
  GtkWidget *window, *view, *target_column;
  GdkFrameClock *clock;
  BatonBoardCard *card;
  BatonTask *task;
  GtkDropTarget *drop_target;
  GValue value = G_VALUE_INIT;
  gint64 t0;
  double build_ms, move_ms, drop_ms;
  double moves[N_MOVES];
  guint cards, before;
  gboolean dropped = FALSE;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  if (!gtk_init_check ())
    {
      g_printerr ("bench-board: no display (run it under xvfb-run); skipped\n");
      return 77;
    }
  adw_init ();

  dir = g_dir_make_tmp ("baton-bench-board-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);

  {
    g_autoptr(BatonStore) generated = baton_store_open (path, &error);
    gint64 g0 = g_get_monotonic_time ();

    g_assert_no_error (error);
    if (!baton_demo_generate (generated, &size, &error))
      g_error ("baton_demo_generate: %s", error->message);
    g_printerr ("bench-board: generated %u cards in %.0f ms\n", size.n_tasks, ms_since (g0));
  }

  warm_up ();

  store = baton_store_open (path, &error);
  g_assert_no_error (error);
  g_printerr ("bench-board: %u cards in %u stages\n",
              g_list_model_get_n_items (baton_store_get_tasks (store)),
              g_list_model_get_n_items (baton_store_get_stages (store)));

  /* Store loaded: build the board in a real window, to its first frame. */
  t0 = g_get_monotonic_time ();
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  view = baton_board_view_new (store);
  g_printerr ("bench-board: view built in %.1f ms\n", ms_since (t0));
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  g_assert (clock != NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  if (!wait_for_frame (0))
    g_error ("the window drew no frame");
  build_ms = ms_since (t0);
  cards = count_cards (window);

  /* Let the board settle (capacity, badges), then move one card. The
   * focus leaves the search entry first: its blinking cursor animates at
   * every frame, and a move's frame would wait for the next free slot. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  baton_test_run_for (500);
  card = first_card (baton_board_view_get_column (BATON_BOARD_VIEW (view), 0));
  g_assert (card != NULL);
  task = baton_board_card_get_task (card);
  target_column = baton_board_view_get_column (BATON_BOARD_VIEW (view), 2);
  drop_target = baton_board_column_get_drop_target (BATON_BOARD_COLUMN (target_column));
  g_value_init (&value, BATON_TYPE_TASK);
  g_value_set_object (&value, task);

  /* The figure is the median of N_MOVES moves, each undone and left to
   * settle; the first move of the session (which pays first-time costs)
   * and the slowest are reported on stderr. */
  for (guint round = 0; round < N_MOVES; round++)
    {
      before = frames_drawn;
      t0 = g_get_monotonic_time ();
      g_signal_emit_by_name (drop_target, "drop", &value, 40.0, 60.0, &dropped);
      drop_ms = ms_since (t0);
      if (!wait_for_frame (before))
        g_error ("no frame after the move");
      moves[round] = ms_since (t0);

      if (!dropped || baton_task_get_stage_id (task) !=
          baton_record_get_id (BATON_RECORD (baton_board_column_get_stage (BATON_BOARD_COLUMN (target_column)))))
        g_error ("the drop did not move the card");
      if (round == 0)
        g_printerr ("bench-board: first move %.1f ms (drop handled in %.1f ms)\n", moves[0], drop_ms);

      if (!baton_store_undo (store, &error))
        g_error ("undo: %s", error->message);
      baton_test_run_for (200);
    }
  qsort (moves, N_MOVES, sizeof (double), compare_doubles);
  move_ms = moves[N_MOVES / 2];
  g_printerr ("bench-board: moves %.1f ms fastest, %.1f ms median, %.1f ms slowest\n",
              moves[0], move_ms, moves[N_MOVES - 1]);
  g_value_unset (&value);

  printf ("board_build_ms: %.1f\n", build_ms);
  printf ("card_widgets: %u\n", cards);
  printf ("move_ms: %.1f\n", move_ms);
  fflush (stdout);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  baton_test_run_for (50);
  g_clear_object (&store);
  remove_tree (dir);

  return 0;
}
