/* bench-rebalance.c — how fast and how well the rebalance plans
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates the demo workspace of 200 people with 20,000 tasks in memory
 * (a fixed seed and today, so the figures compare between runs) and plans
 * the rebalance of its 26 weeks from this week. Prints on stdout:
 *
 *   rebalance_ms:         baton_rebalance_propose (), the median of five runs
 *   overload_before_h:    hours above the over threshold, all people and weeks
 *   overload_after_h:     the same with the plan's moves applied
 *   removable_h:          the plan's upper bound of what any plan could remove
 *   overload_removed_pct: (before − after) / removable, in percent
 *   moves:                the moves of the plan
 *   preview_ms:           baton_rebalance_preview () of the whole plan
 *
 * Everything else goes to stderr. --quick: a small workspace, so the test
 * suite can check that it runs.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "baton-bench-util.h"
#include "baton-dates.h"
#include "baton-demo.h"
#include "baton-rebalance.h"
#include "baton-store.h"
#include "baton-workload.h"

#define N_RUNS 5
#define N_WEEKS 26
#define BENCH_SEED 20261128

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(BatonRebalancePlan) plan = NULL;
  g_autoptr(BatonCapacity) preview = NULL;
  BatonDemoSize size = {
    .n_clients = 40,
    .n_programs = 200,
    .n_people = 200,
    .n_tasks = 20000,
    .n_notes = 0,
    .seed = BENCH_SEED,
    .today = 0,
  };
  BatonCapacitySettings settings;
  BatonCapacityInput input;
  double runs[N_RUNS];
  double cpu[N_RUNS];
  guint32 today;
  gint64 t0;
  double removed;
  double preview_ms;

  /* --quick: a small workspace; the figures then mean nothing. */
  if (argc > 1 && g_strcmp0 (argv[1], "--quick") == 0)
    {
      size.n_clients = 4;
      size.n_programs = 10;
      size.n_people = 20;
      size.n_tasks = 1000;
    }

  g_log_writer_default_set_use_stderr (TRUE);
  baton_store_init_allocator ();

  /* A fixed Monday, so that every run plans the same workspace. */
  baton_bench_check (baton_date_parse ("2026-12-07", &today), NULL, "baton_date_parse");
  size.today = today;
  baton_capacity_settings_init_default (&settings);
  store = baton_store_open (":memory:", &error);
  baton_bench_check (store != NULL, error, "baton_store_open");

  t0 = g_get_monotonic_time ();
  baton_bench_check (baton_demo_generate (store, &size, &error), error, "baton_demo_generate");
  g_printerr ("generated %u tasks and %u people in %.0f ms\n", size.n_tasks, size.n_people, baton_bench_ms_since (t0));

  baton_workload_fill_input (store, &input);
  for (guint run = 0; run < N_RUNS; run++)
    {
      g_clear_pointer (&plan, baton_rebalance_plan_free);
      struct timespec c0, c1;

      clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &c0);
      t0 = g_get_monotonic_time ();
      plan = baton_rebalance_propose (&settings, &input, today, N_WEEKS, today, 0);
      runs[run] = baton_bench_ms_since (t0);
      clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &c1);
      cpu[run] = (c1.tv_sec - c0.tv_sec) * 1e3 + (c1.tv_nsec - c0.tv_nsec) / 1e6;
    }
  baton_bench_check (plan != NULL, NULL, "baton_rebalance_propose");

  t0 = g_get_monotonic_time ();
  preview = baton_rebalance_preview (&settings, &input, plan, NULL);
  preview_ms = baton_bench_ms_since (t0);
  baton_bench_check (preview != NULL, NULL, "baton_rebalance_preview");

  removed = plan->overload_before - plan->overload_after;
  printf ("rebalance_ms: %.2f\n", baton_bench_median (runs, N_RUNS));
  printf ("overload_before_h: %.1f\n", plan->overload_before / 60);
  printf ("overload_after_h: %.1f\n", plan->overload_after / 60);
  printf ("removable_h: %.1f\n", plan->removable / 60);
  printf ("overload_removed_pct: %.1f\n", plan->removable > 0 ? 100 * removed / plan->removable : 100);
  printf ("moves: %u\n", plan->moves->len);
  printf ("preview_ms: %.2f\n", preview_ms);
  g_printerr ("leftovers: %u\n", plan->leftovers->len);
  {
    guint linked = 0;

    for (guint i = 0; i < plan->moves->len; i++)
      linked += ((BatonRebalanceMove *) g_ptr_array_index (plan->moves, i))->n_needs > 0;
    g_printerr ("moves that need another: %u\n", linked);
  }
  /* CPU time is steadier than rebalance_ms on a busy machine. */
  g_printerr ("rebalance_cpu_ms: %.2f\n", baton_bench_median (cpu, N_RUNS));

  return EXIT_SUCCESS;
}
