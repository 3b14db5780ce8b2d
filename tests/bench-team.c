/* bench-team.c — how fast a team workspace is on a PostgreSQL server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Starts a private PostgreSQL server (baton-test-pg.c), generates the demo
 * workspace of 10,000 tasks into it through a coordinator's store, then
 * prints exactly four figures on stdout (milliseconds), over loopback:
 *
 *   remote_mutation_p99_ms: 99th percentile of 400 mixed moves and
 *                           reassigns on one client, each from the call
 *                           until the server's confirmation was processed
 *                           (the round trip through the engine's queue)
 *   mutation_call_p99_ms:   the same mutations, until the call returns:
 *                           how long the window is blocked
 *   propagation_p99_ms:     99th percentile, over 200 changes, from the
 *                           commit on one client to "changed" of the
 *                           other client's store
 *   load_10k_ms:            opening the 10,000-task workspace from the
 *                           server (baton_store_open () of its URI)
 *
 * Everything else (generation time, progress) goes to stderr.
 * Targets on a 2-core machine: ≤ 10, ≤ 250 and ≤ 500 ms (the call
 * itself well under the first).
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "baton-bench-util.h"
#include "baton-demo.h"
#include "baton-store.h"
#include "baton-store-private.h"
#include "baton-test-pg.h"

#define BENCH_SEED       20261207

static guint n_mutations = 400;
static guint n_propagations = 200;

static guint64 rng_state;

static guint64
rng_next (void)
{
  guint64 z;

  rng_state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  z = rng_state;
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static guint
rng_below (guint n)
{
  return (guint) (((rng_next () >> 32) * (guint64) n) >> 32);
}

static double
percentile (double *values,
            guint   n,
            double  p)
{
  guint rank;

  qsort (values, n, sizeof (double), baton_bench_compare_doubles);
  rank = (guint) (p / 100.0 * n + 0.999999);

  return values[CLAMP (rank, 1, n) - 1];
}

static void
count_changed (BatonStore *store,
               guint      *counter)
{
  (*counter)++;
}

static gpointer
item (GListModel *model,
      guint       i)
{
  gpointer record = g_list_model_get_item (model, i);

  g_object_unref (record);   /* the store keeps it */
  return record;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  BatonTestPg *server;
  g_autofree char *db = NULL;
  g_autofree char *uri_a = NULL;
  g_autofree char *uri_b = NULL;
  BatonStore *a, *b;
  BatonDemoSize size = {
    .n_clients = 40,
    .n_programs = 200,
    .n_people = 200,
    .n_tasks = 10000,
    .n_notes = 2000,
    .seed = BENCH_SEED,
    .today = 0,
  };
  double load_ms;
  double *mutation_ms, *call_ms, *propagation_ms;
  guint b_changed = 0;
  gint64 t0;

  /* --quick: a small workspace, so the test suite can check that the
   * benchmark runs; the figures then mean nothing. */
  if (argc > 1 && g_strcmp0 (argv[1], "--quick") == 0)
    {
      size.n_clients = 4;
      size.n_programs = 10;
      size.n_people = 20;
      size.n_tasks = 300;
      size.n_notes = 20;
      n_mutations = 20;
      n_propagations = 10;
    }

  g_log_writer_default_set_use_stderr (TRUE);
  rng_state = BENCH_SEED;

  server = baton_test_pg_start ();
  db = baton_test_pg_create_database (server, TRUE);
  baton_test_pg_create_role (server, "dana", "baton_coordinator", NULL);
  baton_test_pg_create_role (server, "bob", "baton_coordinator", NULL);
  uri_a = baton_test_pg_uri (server, "dana", NULL, db);
  uri_b = baton_test_pg_uri (server, "bob", NULL, db);

  /* 1. Generate through a coordinator's store. */
  a = baton_store_open (uri_a, &error);
  baton_bench_check (a != NULL, error, "baton_store_open");
  t0 = g_get_monotonic_time ();
  baton_bench_check (baton_demo_generate (a, &size, &error), error, "baton_demo_generate");
  baton_bench_check (_baton_store_flush (a, 120000, &error), error, "the server's confirmation");
  g_printerr ("generate_ms: %.2f (%u tasks)\n", baton_bench_ms_since (t0), size.n_tasks);

  /* 2. Load: the other coordinator opens the workspace. */
  t0 = g_get_monotonic_time ();
  b = baton_store_open (uri_b, &error);
  load_ms = baton_bench_ms_since (t0);
  baton_bench_check (b != NULL, error, "baton_store_open");
  g_assert (g_list_model_get_n_items (baton_store_get_tasks (b)) == g_list_model_get_n_items (baton_store_get_tasks (a)));
  g_signal_connect (b, "changed", G_CALLBACK (count_changed), &b_changed);

  /* Whatever the generation left to catch up on. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* 3. Mutations on A: the call, then until the server confirmed it. */
  mutation_ms = g_new0 (double, n_mutations);
  call_ms = g_new0 (double, n_mutations);
  {
    GListModel *tasks = baton_store_get_tasks (a);
    GListModel *people = baton_store_get_people (a);
    GListModel *stages = baton_store_get_stages (a);

    for (guint i = 0; i < n_mutations; i++)
      {
        BatonTask *task = item (tasks, rng_below (g_list_model_get_n_items (tasks)));
        gboolean ok;

        t0 = g_get_monotonic_time ();
        if (i % 2 == 0)
          ok = baton_store_move_task (a, task, item (stages, rng_below (g_list_model_get_n_items (stages))), NULL, &error);
        else
          ok = baton_store_reassign_task (a, task, item (people, rng_below (g_list_model_get_n_items (people))), &error);
        call_ms[i] = baton_bench_ms_since (t0);
        baton_bench_check (ok, error, "a mutation");
        baton_bench_check (_baton_store_flush (a, 10000, &error), error, "the server's confirmation");
        mutation_ms[i] = baton_bench_ms_since (t0);
      }
  }

  /* B catches up with all of that before the next part. */
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
    guint seen = b_changed;

    while (g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, FALSE);
        if (b_changed > seen && !g_main_context_pending (NULL))
          break;
      }
  }

  /* 4. Propagation: a move on A until B's "changed". */
  propagation_ms = g_new0 (double, n_propagations);
  {
    GListModel *tasks = baton_store_get_tasks (a);
    GListModel *stages = baton_store_get_stages (a);

    for (guint i = 0; i < n_propagations; i++)
      {
        BatonTask *task = item (tasks, rng_below (g_list_model_get_n_items (tasks)));
        guint before = b_changed;
        gint64 deadline;

        t0 = g_get_monotonic_time ();
        baton_bench_check (baton_store_move_task (a, task, item (stages, rng_below (g_list_model_get_n_items (stages))),
                                                  NULL, &error),
                           error, "baton_store_move_task");
        deadline = t0 + 10 * G_USEC_PER_SEC;
        while (b_changed == before && g_get_monotonic_time () < deadline)
          g_main_context_iteration (NULL, TRUE);
        baton_bench_check (b_changed > before, NULL, "the change reaching the other client");
        propagation_ms[i] = baton_bench_ms_since (t0);
      }
  }

  printf ("remote_mutation_p99_ms: %.2f\n", percentile (mutation_ms, n_mutations, 99));
  printf ("mutation_call_p99_ms: %.2f\n", percentile (call_ms, n_mutations, 99));
  printf ("propagation_p99_ms: %.2f\n", percentile (propagation_ms, n_propagations, 99));
  printf ("load_10k_ms: %.2f\n", load_ms);
  g_printerr ("remote_mutation_p50_ms: %.2f\n", percentile (mutation_ms, n_mutations, 50));
  g_printerr ("propagation_p50_ms: %.2f\n", percentile (propagation_ms, n_propagations, 50));

  g_free (mutation_ms);
  g_free (call_ms);
  g_free (propagation_ms);
  g_object_unref (a);
  g_object_unref (b);
  baton_test_pg_free (server);

  return EXIT_SUCCESS;
}
