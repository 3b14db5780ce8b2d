/* bench-model.c — how fast the model is on a big workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates a demo workspace of 10,000 tasks, 200 people and 2,000 notes
 * in a temporary database, closes it, then prints exactly four figures on
 * stdout (milliseconds):
 *
 *   load_ms:          opening the file with baton_store_open (), which
 *                     loads every table into objects
 *   mutation_p50_ms:  median of 1,000 mixed moves and reassigns
 *   mutation_p99_ms:  99th percentile of the same
 *   capacity_ms:      a 200 people × 26 weeks matrix from 20,000 tasks
 *
 * Everything else (generation time, progress) goes to stderr.
 * Targets on a 2-core machine: load ≤ 60 ms, mutation p99 ≤ 2 ms,
 * capacity ≤ 10 ms.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "baton-bench-util.h"
#include "baton-capacity.h"
#include "baton-dates.h"
#include "baton-demo.h"
#include "baton-store.h"

#define N_MUTATIONS      1000
#define N_EXTRA_TASKS    10000

static guint n_extra_tasks = N_EXTRA_TASKS;
#define N_CAPACITY_WEEKS 26
#define N_CAPACITY_RUNS  5
#define BENCH_SEED       20261128

/* splitmix64: the benchmark's choices are the same on every run. */
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
  g_assert (n > 0);
  return (guint) (((rng_next () >> 32) * (guint64) n) >> 32);
}

/* Nearest-rank percentile of sorted @values. */
static double
percentile (const double *sorted,
            guint         n,
            double        p)
{
  guint rank = (guint) (p / 100.0 * n + 0.999999);

  return sorted[CLAMP (rank, 1, n) - 1];
}

static GPtrArray *
list_to_array (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *array = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (array, g_list_model_get_item (model, i));
  return array;
}

/* 10,000 more assigned, scheduled tasks for the capacity matrix.
 *
 * Inserted with baton_store_insert () and positions of our own: going
 * through baton_store_create_task () + baton_store_update () costs about
 * 2 ms a card at this size (create_task scans every card of the workspace
 * to find the stage's last one), 20 s for the 10,000, which is not what
 * this program measures. */
typedef struct
{
  GPtrArray *people;
  GArray    *primary_roles;   /* gint64 per person */
  GPtrArray *open_stages;
  GArray    *last_position;   /* gint64 per open stage */
  GPtrArray *programs;
  guint32    week0;
} ExtraTasks;

static gboolean
add_extra_tasks (BatonStore  *store,
                 gpointer     user_data,
                 GError     **error)
{
  ExtraTasks *extra = user_data;

  for (guint i = 0; i < n_extra_tasks; i++)
    {
      guint s = rng_below (extra->open_stages->len);
      BatonStage *stage = g_ptr_array_index (extra->open_stages, s);
      gint64 *position = &g_array_index (extra->last_position, gint64, s);
      BatonProgram *program = g_ptr_array_index (extra->programs, rng_below (extra->programs->len));
      guint p = rng_below (extra->people->len);
      BatonPerson *person = g_ptr_array_index (extra->people, p);
      guint32 start = extra->week0 + 7 * rng_below (N_CAPACITY_WEEKS) + rng_below (5);
      guint32 due = start + rng_below (15);
      g_autofree char *start_text = baton_date_format (start);
      g_autofree char *due_text = baton_date_format (due);

      *position += 1024;
      if (baton_store_insert (store, BATON_TYPE_TASK, error,
                              "stage-id", baton_record_get_id (BATON_RECORD (stage)),
                              "position", *position,
                              "program-id", baton_record_get_id (BATON_RECORD (program)),
                              "title", "Extra load",
                              "role-id", g_array_index (extra->primary_roles, gint64, p),
                              "assignee-id", baton_record_get_id (BATON_RECORD (person)),
                              "estimate-minutes", (gint64) (60 * (2 + rng_below (39))),
                              "start-date", start_text,
                              "due-date", due_text,
                              NULL) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle != NULL)
    while ((name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        if (g_remove (path) != 0)
          g_printerr ("bench-model: cannot remove %s\n", path);
      }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
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
  double load_ms;
  double mutation_ms[N_MUTATIONS];
  double capacity_runs[N_CAPACITY_RUNS];
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
      n_extra_tasks = 500;
    }

  /* stdout carries the four figures and nothing else. */
  g_log_writer_default_set_use_stderr (TRUE);
  rng_state = BENCH_SEED;

  dir = g_dir_make_tmp ("baton-bench-XXXXXX", &error);
  baton_bench_check (dir != NULL, error, "g_dir_make_tmp");
  path = g_build_filename (dir, "bench.db", NULL);

  /* 1. Generate and close. */
  store = baton_store_open (path, &error);
  baton_bench_check (store != NULL, error, "baton_store_open");
  t0 = g_get_monotonic_time ();
  baton_bench_check (baton_demo_generate (store, &size, &error), error, "baton_demo_generate");
  g_printerr ("generate_ms: %.2f (%u tasks, %u people, %u notes)\n",
              baton_bench_ms_since (t0), size.n_tasks, size.n_people, size.n_notes);
  g_object_unref (store);

  /* 2. Load: open the file, which reads every table into objects. */
  t0 = g_get_monotonic_time ();
  store = baton_store_open (path, &error);
  load_ms = baton_bench_ms_since (t0);
  baton_bench_check (store != NULL, error, "baton_store_open");
  g_assert (g_list_model_get_n_items (baton_store_get_tasks (store)) == size.n_tasks);

  /* 3. Mutations: alternate a move (random stage, before a random card of
   * it or at its end) and a reassign (random person), each timed alone.
   * Picking the arguments is not timed. */
  {
    g_autoptr(GPtrArray) tasks = list_to_array (baton_store_get_tasks (store));
    g_autoptr(GPtrArray) people = list_to_array (baton_store_get_people (store));
    g_autoptr(GPtrArray) stages = list_to_array (baton_store_get_stages (store));

    for (guint i = 0; i < N_MUTATIONS; i++)
      {
        BatonTask *task = g_ptr_array_index (tasks, rng_below (tasks->len));
        gboolean ok;

        if (i % 2 == 0)
          {
            BatonStage *stage = g_ptr_array_index (stages, rng_below (stages->len));
            g_autoptr(GPtrArray) column = baton_store_get_stage_tasks (store, stage);
            BatonTask *before = NULL;
            guint pick = rng_below (column->len + 1);   /* column->len: the end */

            if (pick < column->len)
              before = g_ptr_array_index (column, pick);
            if (before == task)
              before = NULL;

            t0 = g_get_monotonic_time ();
            ok = baton_store_move_task (store, task, stage, before, &error);
            mutation_ms[i] = baton_bench_ms_since (t0);
            baton_bench_check (ok, error, "baton_store_move_task");
          }
        else
          {
            BatonPerson *person = g_ptr_array_index (people, rng_below (people->len));

            t0 = g_get_monotonic_time ();
            ok = baton_store_reassign_task (store, task, person, &error);
            mutation_ms[i] = baton_bench_ms_since (t0);
            baton_bench_check (ok, error, "baton_store_reassign_task");
          }
      }

    /* For diagnosis: each kind on its own (stderr). */
    {
      double moves[N_MUTATIONS / 2], reassigns[N_MUTATIONS / 2];

      for (guint i = 0; i < N_MUTATIONS / 2; i++)
        {
          moves[i] = mutation_ms[2 * i];
          reassigns[i] = mutation_ms[2 * i + 1];
        }
      qsort (moves, N_MUTATIONS / 2, sizeof (double), baton_bench_compare_doubles);
      qsort (reassigns, N_MUTATIONS / 2, sizeof (double), baton_bench_compare_doubles);
      g_printerr ("move p50 %.2f ms, p99 %.2f ms, max %.2f ms; reassign p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                  percentile (moves, N_MUTATIONS / 2, 50), percentile (moves, N_MUTATIONS / 2, 99),
                  moves[N_MUTATIONS / 2 - 1],
                  percentile (reassigns, N_MUTATIONS / 2, 50), percentile (reassigns, N_MUTATIONS / 2, 99),
                  reassigns[N_MUTATIONS / 2 - 1]);
    }
    qsort (mutation_ms, N_MUTATIONS, sizeof (double), baton_bench_compare_doubles);
  }

  /* 4. Capacity: 10,000 more tasks (20,000 in all), then the matrix for
   * 26 weeks from this week. Five runs; the figure is their median, so a
   * cold first run or a scheduler hiccup does not decide it. */
  {
    g_autoptr(GPtrArray) people = list_to_array (baton_store_get_people (store));
    g_autoptr(GPtrArray) programs = list_to_array (baton_store_get_programs (store));
    g_autoptr(GPtrArray) open_stages = g_ptr_array_new ();
    g_autoptr(GArray) last_position = g_array_new (FALSE, TRUE, sizeof (gint64));
    GListModel *stages = baton_store_get_stages (store);
    guint32 today = baton_date_today ();
    g_autoptr(GArray) primary_roles = g_array_new (FALSE, TRUE, sizeof (gint64));
    ExtraTasks extra = { people, primary_roles, open_stages, last_position, programs,
                         baton_date_week_start (today, 1) };
    BatonCapacitySettings settings;
    BatonCapacityInput input = {
      baton_store_get_people (store),
      baton_store_get_person_roles (store),
      baton_store_get_time_off (store),
      baton_store_get_tasks (store),
      baton_store_get_stages (store),
      baton_store_get_roles (store),
    };

    for (guint i = 0; i < people->len; i++)
      {
        gint64 role_id = baton_store_get_primary_role_id (store, g_ptr_array_index (people, i));

        g_array_append_val (primary_roles, role_id);
      }

    for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
      {
        g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);

        if (!baton_stage_get_is_done (stage))
          {
            g_autoptr(GPtrArray) column = baton_store_get_stage_tasks (store, stage);
            gint64 last = column->len > 0 ? baton_task_get_position (g_ptr_array_index (column, column->len - 1)) : 0;

            g_ptr_array_add (open_stages, stage);
            g_array_append_val (last_position, last);
          }
      }

    t0 = g_get_monotonic_time ();
    baton_bench_check (baton_store_run_batch (store, NULL, FALSE, add_extra_tasks, &extra, &error),
           error, "adding tasks");
    g_printerr ("extra_tasks_ms: %.2f (%u tasks now)\n", baton_bench_ms_since (t0),
                g_list_model_get_n_items (baton_store_get_tasks (store)));

    baton_capacity_settings_init_default (&settings);
    for (guint run = 0; run < N_CAPACITY_RUNS; run++)
      {
        BatonCapacity *capacity;

        t0 = g_get_monotonic_time ();
        capacity = baton_capacity_compute (&settings, &input, today, N_CAPACITY_WEEKS);
        capacity_runs[run] = baton_bench_ms_since (t0);
        g_assert (baton_capacity_get_n_people (capacity) == size.n_people);
        baton_capacity_unref (capacity);
        g_printerr ("capacity run %u: %.2f ms\n", run + 1, capacity_runs[run]);
      }
    qsort (capacity_runs, N_CAPACITY_RUNS, sizeof (double), baton_bench_compare_doubles);
  }

  g_object_unref (store);
  remove_tree (dir);

  printf ("load_ms: %.2f\n", load_ms);
  printf ("mutation_p50_ms: %.2f\n", percentile (mutation_ms, N_MUTATIONS, 50));
  printf ("mutation_p99_ms: %.2f\n", percentile (mutation_ms, N_MUTATIONS, 99));
  printf ("capacity_ms: %.2f\n", capacity_runs[N_CAPACITY_RUNS / 2]);

  return EXIT_SUCCESS;
}
