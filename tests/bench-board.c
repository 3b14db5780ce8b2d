/* bench-board.c — how fast the board is over a big workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates a demo workspace of 10,000 cards (500 with --quick) in the six
 * default stages, in a temporary database that is then opened again, and
 * shows the board in a real 1400×900 window. Every time is taken to the
 * finished state: the first frame drawn in which everything the board
 * shows is there (every column in view with its cards, every capacity
 * badge) — baton_board_view_is_settled () checked when the frame has been
 * painted. Prints on stdout:
 *
 *   board_build_ms:         the view made, shown and finished (median of
 *                           11 builds, the first included)
 *   board_build_first_ms:   the first of them
 *   card_widgets:           card widgets after the first build
 *   move_ms:                a card dropped on another column, from the
 *                           drop to the finished frame (median of 15
 *                           moves of 15 different cards, the first move of
 *                           the session included; each is undone after)
 *   move_first_ms:          the first of them
 *   move_max_ms:            the slowest
 *   move_done_ms:           the same into the done stage, which changes
 *                           loads: the capacity is computed again and the
 *                           badges redrawn in that frame (median of 15)
 *   scroll_card_widgets:    the most card widgets alive while the longest
 *                           column is scrolled from its top to its end
 *   scroll_rss_kib:         resident memory added by that scroll
 *
 * Before the store is opened, a throwaway window pays the toolkit's own
 * start-up (theme, icon theme, renderer), which every window of the
 * process shares. Everything else goes to stderr. Needs a display
 * (build-aux/dev bench runs it under Xvfb); without one it exits with 77,
 * "skipped".
 *
 * Targets: board_build_ms ≤ 150, card_widgets ≤ 300, move_ms ≤ 16,
 * scroll_card_widgets ≤ 60, scroll_rss_kib ≤ 4096.
 */

#define G_LOG_DOMAIN "bench-board"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "baton-board-card.h"
#include "baton-board-column.h"
#include "baton-board-private.h"
#include "baton-board-view.h"
#include "baton-card-list.h"
#include "baton-demo.h"
#include "baton-store.h"
#include "baton-test-util.h"
#include "baton-ui-test-util.h"

#define BENCH_SEED 20261128
#define N_BUILDS   11
#define N_MOVES    15

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (const double *samples,
        guint         n)
{
  g_autofree double *sorted = g_memdup2 (samples, n * sizeof (double));

  qsort (sorted, n, sizeof (double), compare_doubles);
  return sorted[n / 2];
}

static double
maximum (const double *samples,
         guint         n)
{
  double max = samples[0];

  for (guint i = 1; i < n; i++)
    max = MAX (max, samples[i]);
  return max;
}

static double
ms_since (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000.0;
}

/* The finished frame --------------------------------------------------------------- */

typedef struct
{
  BatonBoardView *view;
  /* The state to wait for, besides a settled view (may be NULL). */
  gboolean      (*ready) (gpointer data);
  gpointer        data;
  gint64          done_at;   /* 0 until a finished frame was painted */
} Finish;

static Finish *finish;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (finish == NULL || finish->done_at != 0)
    return;

  if (baton_board_view_is_settled (finish->view) && (finish->ready == NULL || finish->ready (finish->data)))
    finish->done_at = g_get_monotonic_time ();
}

static gboolean
finished (gpointer data)
{
  return ((Finish *) data)->done_at != 0;
}

/* Iterates the main loop until a frame is painted with the view settled
 * (and @ready true); returns when that was, in µs. */
static gint64
wait_for_finished_frame (BatonBoardView *view,
                         gboolean      (*ready) (gpointer data),
                         gpointer        data)
{
  Finish wait = { view, ready, data, 0 };

  finish = &wait;
  gtk_widget_queue_draw (GTK_WIDGET (view));
  if (!baton_test_wait_until (finished, &wait, 20000))
    g_error ("the board did not finish within 20 s");
  finish = NULL;

  return wait.done_at;
}

/* Helpers -------------------------------------------------------------------------------- */

static gboolean
is_card (GtkWidget     *widget,
         gconstpointer  data)
{
  return BATON_IS_BOARD_CARD (widget);
}

static long
rss_kib (void)
{
  g_autofree char *statm = NULL;
  long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%ld %ld", &size, &resident) != 2)
    return 0;

  return resident * (sysconf (_SC_PAGESIZE) / 1024);
}

static guint frames_seen;

static void
count_frame (GdkFrameClock *clock,
             gpointer       user_data)
{
  frames_seen++;
}

static gboolean
frame_seen (gpointer data)
{
  return frames_seen > GPOINTER_TO_UINT (data);
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
  guint before = frames_seen;

  gtk_box_append (GTK_BOX (box), gtk_label_new ("Warm-up"));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));
  gtk_box_append (GTK_BOX (box), gtk_entry_new ());
  gtk_box_append (GTK_BOX (box), adw_avatar_new (24, "Warm Up", TRUE));
  gtk_box_append (GTK_BOX (box), gtk_button_new_with_label ("Button"));
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame), NULL);
  if (!baton_test_wait_until (frame_seen, GUINT_TO_POINTER (before), 10000))
    g_error ("the warm-up window drew no frame");
  g_signal_handlers_disconnect_by_func (clock, count_frame, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  baton_test_run_for (100);
}

/* Idle: no source fires for a while (animations, idles, ticks are over). */
static void
settle (void)
{
  for (guint i = 0; i < 40 && baton_test_count_dispatches (50) > 0; i++)
    ;
}

/* The board ------------------------------------------------------------------------------- */

typedef struct
{
  GtkWidget      *window;
  BatonBoardView *view;
  GdkFrameClock  *clock;
} Board;

/* Makes the view, shows it and waits for the finished frame; the time it
 * took in ms. */
static double
build_board (BatonStore *store,
             Board      *board)
{
  gint64 t0 = g_get_monotonic_time ();
  gint64 done;

  board->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (board->window), 1400, 900);
  board->view = BATON_BOARD_VIEW (baton_board_view_new (store));
  gtk_window_set_child (GTK_WINDOW (board->window), GTK_WIDGET (board->view));
  gtk_window_present (GTK_WINDOW (board->window));
  board->clock = gtk_widget_get_frame_clock (board->window);
  g_assert (board->clock != NULL);
  g_signal_connect (board->clock, "after-paint", G_CALLBACK (on_after_paint), NULL);

  done = wait_for_finished_frame (board->view, NULL, NULL);
  return (done - t0) / 1000.0;
}

static void
destroy_board (Board *board)
{
  gpointer weak = board->window;

  g_signal_handlers_disconnect_by_func (board->clock, on_after_paint, NULL);
  g_object_add_weak_pointer (G_OBJECT (board->window), &weak);
  gtk_window_destroy (GTK_WINDOW (board->window));
  if (!baton_test_wait_until (baton_test_pointer_is_null, &weak, 5000))
    g_error ("the board's window was not finalized");
  board->window = NULL;
  board->view = NULL;
  settle ();
}

typedef struct
{
  BatonBoardColumn *column;
  BatonTask        *task;
} CardShown;

/* The moved card is in its new column, on screen. */
static gboolean
card_shown (gpointer data)
{
  CardShown *shown = data;
  GtkWidget *card = baton_board_column_get_card (shown->column, shown->task);

  return card != NULL && gtk_widget_get_mapped (card);
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
  double builds[N_BUILDS], moves[N_MOVES], done_moves[N_MOVES];
  guint n_builds = quick ? 3 : N_BUILDS;
  guint n_moves = quick ? 5 : N_MOVES;
  guint cards = 0, scroll_widgets = 0, longest = 0;
  long rss_before, rss_after;
  Board board = { NULL, NULL, NULL };
  BatonBoardColumn *from, *to, *done_column = NULL, *long_column = NULL;
  GtkDropTarget *drop_target;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  if (!gtk_init_check ())
    {
      g_printerr ("bench-board: no display (run it under xvfb-run); skipped\n");
      return 77;
    }
  adw_init ();
  baton_test_load_stylesheet ();

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

  /* Builds: each a new window and view over the same store. */
  for (guint i = 0; i < n_builds; i++)
    {
      builds[i] = build_board (store, &board);
      if (i == 0)
        cards = baton_test_count_widgets (board.window, is_card, NULL);
      g_printerr ("bench-board: build %u finished in %.1f ms\n", i + 1, builds[i]);
      if (i + 1 < n_builds)
        destroy_board (&board);
    }

  /* Moves: the first card of the first column, each time a different one,
   * dropped at the top of the third column, then undone. */
  gtk_window_set_focus (GTK_WINDOW (board.window), NULL);
  settle ();
  from = BATON_BOARD_COLUMN (baton_board_view_get_column (board.view, 0));
  to = BATON_BOARD_COLUMN (baton_board_view_get_column (board.view, 2));
  drop_target = baton_board_column_get_drop_target (to);
  for (guint i = 0; i < n_moves; i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (baton_board_column_get_model (from), i);
      CardShown shown = { to, task };
      GValue value = G_VALUE_INIT;
      gboolean dropped = FALSE;
      gint64 t0, dropped_at, done;

      g_assert (task != NULL);
      g_value_init (&value, BATON_TYPE_TASK);
      g_value_set_object (&value, task);

      t0 = g_get_monotonic_time ();
      g_signal_emit_by_name (drop_target, "drop", &value, 40.0, 4.0, &dropped);
      dropped_at = g_get_monotonic_time ();
      done = wait_for_finished_frame (board.view, card_shown, &shown);
      moves[i] = (done - t0) / 1000.0;
      g_value_unset (&value);

      if (!dropped || baton_task_get_stage_id (task) !=
          baton_record_get_id (BATON_RECORD (baton_board_column_get_stage (to))))
        g_error ("the drop did not move the card");
      g_printerr ("bench-board: move %u finished in %.1f ms (the drop itself %.1f ms)\n",
                  i + 1, moves[i], (dropped_at - t0) / 1000.0);

      if (!baton_store_undo (store, &error))
        g_error ("undo: %s", error->message);
      wait_for_finished_frame (board.view, NULL, NULL);
      settle ();
    }

  /* Into the done stage: loads change. */
  for (guint i = 0; i < baton_board_view_get_n_columns (board.view); i++)
    {
      BatonBoardColumn *column = BATON_BOARD_COLUMN (baton_board_view_get_column (board.view, i));

      if (baton_stage_get_is_done (baton_board_column_get_stage (column)))
        done_column = column;
    }
  g_assert (done_column != NULL);
  drop_target = baton_board_column_get_drop_target (done_column);
  for (guint i = 0; i < n_moves; i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (baton_board_column_get_model (from), i);
      GValue value = G_VALUE_INIT;
      gboolean dropped = FALSE;
      gint64 t0, done;

      g_value_init (&value, BATON_TYPE_TASK);
      g_value_set_object (&value, task);
      t0 = g_get_monotonic_time ();
      g_signal_emit_by_name (drop_target, "drop", &value, 40.0, 4.0, &dropped);
      done = wait_for_finished_frame (board.view, NULL, NULL);
      done_moves[i] = (done - t0) / 1000.0;
      g_value_unset (&value);
      if (!dropped || baton_task_get_stage_id (task) !=
          baton_record_get_id (BATON_RECORD (baton_board_column_get_stage (done_column))))
        g_error ("the drop did not move the card to the done stage");
      g_printerr ("bench-board: move %u to the done stage finished in %.1f ms\n", i + 1, done_moves[i]);

      if (!baton_store_undo (store, &error))
        g_error ("undo: %s", error->message);
      wait_for_finished_frame (board.view, NULL, NULL);
      settle ();
    }

  /* The longest column, scrolled from its top to its end. */
  for (guint i = 0; i < baton_board_view_get_n_columns (board.view); i++)
    {
      BatonBoardColumn *column = BATON_BOARD_COLUMN (baton_board_view_get_column (board.view, i));
      guint n = g_list_model_get_n_items (baton_board_column_get_model (column));

      if (n > longest && baton_board_column_get_shows_cards (column))
        {
          longest = n;
          long_column = column;
        }
    }
  g_assert (long_column != NULL);
  settle ();
  rss_before = rss_kib ();
  {
    BatonCardList *list = baton_board_column_get_card_list (long_column);
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));

    for (guint step = 0; step < 100000; step++)
      {
        double value = gtk_adjustment_get_value (adjustment);

        if (value + gtk_adjustment_get_page_size (adjustment) >= gtk_adjustment_get_upper (adjustment))
          break;
        gtk_adjustment_set_value (adjustment, value + gtk_adjustment_get_page_size (adjustment) / 3);
        wait_for_finished_frame (board.view, NULL, NULL);
        scroll_widgets = MAX (scroll_widgets, baton_card_list_get_n_cards (list));
      }
  }
  settle ();
  rss_after = rss_kib ();
  g_printerr ("bench-board: scrolled a column of %u cards: RSS %ld → %ld KiB\n",
              longest, rss_before, rss_after);

  g_printerr ("bench-board: builds %.1f ms median, %.1f ms first, %.1f ms slowest\n",
              median (builds, n_builds), builds[0], maximum (builds, n_builds));
  g_printerr ("bench-board: moves %.1f ms median, %.1f ms first, %.1f ms slowest\n",
              median (moves, n_moves), moves[0], maximum (moves, n_moves));

  printf ("board_build_ms: %.1f\n", median (builds, n_builds));
  printf ("board_build_first_ms: %.1f\n", builds[0]);
  printf ("card_widgets: %u\n", cards);
  printf ("move_ms: %.1f\n", median (moves, n_moves));
  printf ("move_first_ms: %.1f\n", moves[0]);
  printf ("move_max_ms: %.1f\n", maximum (moves, n_moves));
  printf ("move_done_ms: %.1f\n", median (done_moves, n_moves));
  printf ("scroll_card_widgets: %u\n", scroll_widgets);
  printf ("scroll_rss_kib: %ld\n", rss_after - rss_before);
  fflush (stdout);

  destroy_board (&board);
  g_clear_object (&store);
  baton_test_rm_rf (dir);

  return 0;
}
