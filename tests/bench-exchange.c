/* bench-exchange.c — how fast data goes in and out of a big workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates the demo workspace of bench-model (10,000 tasks, 200 people,
 * 2,000 notes) in a temporary database, then prints exactly these figures
 * on stdout (milliseconds):
 *
 *   csv_export_ms:  baton_csv_export_tasks_file () of every task
 *   csv_import_ms:  preparing and applying that file into an empty
 *                   workspace (one batch, one undo step)
 *   ics_export_ms:  baton_ics_export_file () of everything
 *   trello_import_ms: reading, previewing and applying a generated Trello
 *                   board export of 5,000 cards (baton-trello-fixture.h)
 *                   into a new workspace, from the file
 *
 * Each figure is the median of three runs. Everything else goes to
 * stderr. The import is checked: exporting the new workspace gives the
 * same file, and the Trello import makes a task of every card it counts.
 * Targets on a 2-core machine: csv_export ≤ 150 ms, trello_import ≤ 500 ms.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baton-bench-util.h"
#include "baton-csv.h"
#include "baton-demo.h"
#include "baton-ics.h"
#include "baton-store.h"
#include "baton-trello.h"

#include "baton-trello-fixture.h"

#define N_RUNS     3
#define BENCH_SEED 20261128

typedef struct
{
  const char  *path;
  const char  *csv_path;
  BatonChange *change;
  GError      *error;
} WorkerImport;

static gpointer
worker_import (gpointer data)
{
  WorkerImport *work = data;
  g_autoptr(BatonStore) store = baton_store_open_for_worker (work->path, &work->error);

  if (store != NULL && baton_csv_import_tasks_file (store, work->csv_path, NULL, &work->error))
    work->change = baton_store_take_last_change (store);

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *csv_path = NULL;
  g_autofree char *ics_path = NULL;
  g_autofree char *first = NULL;
  BatonStore *store;
  BatonDemoSize size = {
    .n_clients = 40,
    .n_programs = 200,
    .n_people = 200,
    .n_tasks = 10000,
    .n_notes = 2000,
    .seed = BENCH_SEED,
    .today = 0,
  };
  double export_runs[N_RUNS], import_runs[N_RUNS], ics_runs[N_RUNS], trello_runs[N_RUNS];
  double worker_runs[N_RUNS], adopt_runs[N_RUNS];
  guint n_cards = 5000;
  gint64 t0;

  /* --quick: a small workspace, so the test suite can check that the
   * benchmark runs; the figures then mean nothing. */
  if (argc > 1 && g_strcmp0 (argv[1], "--quick") == 0)
    {
      size.n_clients = 4;
      size.n_programs = 10;
      size.n_people = 20;
      size.n_tasks = 500;
      size.n_notes = 50;
      n_cards = 300;
    }

  g_log_writer_default_set_use_stderr (TRUE);
  baton_store_init_allocator ();

  dir = g_dir_make_tmp ("baton-bench-XXXXXX", &error);
  baton_bench_check (dir != NULL, error, "g_dir_make_tmp");
  path = g_build_filename (dir, "bench.db", NULL);
  csv_path = g_build_filename (dir, "tasks.csv", NULL);
  ics_path = g_build_filename (dir, "tasks.ics", NULL);

  store = baton_store_open (path, &error);
  baton_bench_check (store != NULL, error, "baton_store_open");
  t0 = g_get_monotonic_time ();
  baton_bench_check (baton_demo_generate (store, &size, &error), error, "baton_demo_generate");
  g_printerr ("generate_ms: %.2f (%u tasks)\n", baton_bench_ms_since (t0), size.n_tasks);

  for (guint run = 0; run < N_RUNS; run++)
    {
      t0 = g_get_monotonic_time ();
      baton_bench_check (baton_csv_export_tasks_file (store, csv_path, NULL, &error), error, "baton_csv_export_tasks_file");
      export_runs[run] = baton_bench_ms_since (t0);

      t0 = g_get_monotonic_time ();
      baton_bench_check (baton_ics_export_file (store, ics_path, NULL, &error), error, "baton_ics_export_file");
      ics_runs[run] = baton_bench_ms_since (t0);
    }
  baton_bench_check (g_file_get_contents (csv_path, &first, NULL, &error), error, "g_file_get_contents");

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autofree char *target_path = g_strdup_printf ("%s/import-%u.db", dir, run);
      g_autoptr(BatonStore) target = baton_store_open (target_path, &error);
      g_autofree char *again_path = g_strdup_printf ("%s/again-%u.csv", dir, run);
      g_autofree char *again = NULL;

      baton_bench_check (target != NULL, error, "baton_store_open");
      t0 = g_get_monotonic_time ();
      baton_bench_check (baton_csv_import_tasks_file (target, csv_path, NULL, &error), error, "baton_csv_import_tasks_file");
      import_runs[run] = baton_bench_ms_since (t0);

      baton_bench_check (baton_csv_export_tasks_file (target, again_path, NULL, &error), error, "baton_csv_export_tasks_file");
      baton_bench_check (g_file_get_contents (again_path, &again, NULL, &error), error, "g_file_get_contents");
      baton_bench_check (strcmp (again, first) == 0, NULL, "the round trip (the second export differs)");
    }

  /* The same import as the window runs it: written on a worker's store,
   * then adopted by the window's. Only the adopting blocks the main loop. */
  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autofree char *target_path = g_strdup_printf ("%s/worker-%u.db", dir, run);
      g_autoptr(BatonStore) target = baton_store_open (target_path, &error);
      WorkerImport work = { .path = target_path, .csv_path = csv_path };
      GThread *thread;
      gboolean adopted = FALSE;

      baton_bench_check (target != NULL, error, "baton_store_open");
      t0 = g_get_monotonic_time ();
      thread = g_thread_new ("import", worker_import, &work);
      g_thread_join (thread);
      baton_bench_check (work.change != NULL, work.error, "the worker's import");
      worker_runs[run] = baton_bench_ms_since (t0);

      t0 = g_get_monotonic_time ();
      baton_bench_check (baton_store_adopt_change (target, work.change, &adopted, &error), error, "baton_store_adopt_change");
      adopt_runs[run] = baton_bench_ms_since (t0);
      baton_bench_check (adopted && g_list_model_get_n_items (baton_store_get_tasks (target)) == size.n_tasks,
             NULL, "the adopted import (tasks are missing)");
    }

  g_object_unref (store);

  {
    g_autofree char *board_path = g_build_filename (dir, "trello.json", NULL);
    gsize length = 0;
    g_autofree char *board = baton_test_trello_board_generate (n_cards, &length);

    baton_bench_check (g_file_set_contents (board_path, board, length, &error), error, "g_file_set_contents");
    g_printerr ("trello_board_bytes: %" G_GSIZE_FORMAT " (%u cards)\n", length, n_cards);

    for (guint run = 0; run < N_RUNS; run++)
      {
        g_autofree char *target_path = g_strdup_printf ("%s/trello-%u.db", dir, run);
        g_autoptr(BatonStore) target = baton_store_open (target_path, &error);
        g_autoptr(BatonTrelloImport) import = NULL;
        BatonClient *client;
        guint n_imported;

        baton_bench_check (target != NULL, error, "baton_store_open");
        client = baton_store_create_client (target, "Acme", NULL, &error);
        baton_bench_check (client != NULL, error, "baton_store_create_client");

        t0 = g_get_monotonic_time ();
        import = baton_trello_import_new_file (target, board_path, &error);
        baton_bench_check (import != NULL, error, "baton_trello_import_new_file");
        baton_trello_import_set_client_id (import, baton_record_get_id (BATON_RECORD (client)));
        n_imported = baton_trello_import_get_preview (import)->n_cards;
        baton_bench_check (baton_trello_import_apply (import, &error), error, "baton_trello_import_apply");
        trello_runs[run] = baton_bench_ms_since (t0);

        baton_bench_check (g_list_model_get_n_items (baton_store_get_tasks (target)) == n_imported && n_imported > 0,
               NULL, "the Trello import (a card is missing)");
      }
  }

  printf ("csv_export_ms: %.2f\n", baton_bench_median (export_runs, N_RUNS));
  printf ("csv_import_ms: %.2f\n", baton_bench_median (import_runs, N_RUNS));
  printf ("ics_export_ms: %.2f\n", baton_bench_median (ics_runs, N_RUNS));
  printf ("trello_import_ms: %.2f\n", baton_bench_median (trello_runs, N_RUNS));
  printf ("csv_import_worker_ms: %.2f\n", baton_bench_median (worker_runs, N_RUNS));
  printf ("csv_import_main_thread_ms: %.2f\n", baton_bench_median (adopt_runs, N_RUNS));

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }

  return 0;
}
