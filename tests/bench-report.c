/* bench-report.c — how fast the reports are made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates the demo workspace of bench-model (10,000 tasks, 200 people,
 * 2,000 notes) in memory, then prints on stdout, in milliseconds (the
 * median of five runs):
 *
 *   status_report_data_ms:   the status report's data for the client with
 *                            the most tasks, over the last two weeks
 *   capacity_report_data_ms: the capacity report's data for the 200
 *                            people × 13 weeks from this week
 *   status_report_ms:        that status report whole: its data, its
 *                            document laid out in pages and written as PDF
 *   capacity_report_ms:      the same for the capacity report
 *   status_report_pages, capacity_report_pages: their page counts
 *
 * One function per figure; everything else goes to stderr. --quick: a
 * small workspace, so the test suite can check that it runs.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "baton-bench-util.h"
#include "baton-dates.h"
#include "baton-demo.h"
#include "baton-report-data.h"
#include "baton-report-status.h"
#include "baton-store.h"

#define N_RUNS 5
#define CAPACITY_WEEKS 13
#define BENCH_SEED 20261128

typedef struct
{
  BatonStore            *store;
  BatonCapacitySettings  settings;
  guint32                today;
  gint64                 client_id;   /* the client with the most tasks */
  guint                  n_client_tasks;
} Bench;

static void
find_busiest_client (Bench *bench)
{
  GListModel *tasks = baton_store_get_tasks (bench->store);
  GListModel *clients = baton_store_get_clients (bench->store);
  g_autofree guint *per_client = g_new0 (guint, g_list_model_get_n_items (clients));

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);
      BatonProgram *program = baton_store_lookup_program (bench->store, baton_task_get_program_id (task));

      if (program == NULL || baton_task_get_archived (task))
        continue;
      for (guint c = 0; c < g_list_model_get_n_items (clients); c++)
        {
          g_autoptr(BatonClient) client = g_list_model_get_item (clients, c);

          if (baton_record_get_id (BATON_RECORD (client)) == baton_program_get_client_id (program))
            {
              per_client[c]++;
              break;
            }
        }
    }

  for (guint c = 0; c < g_list_model_get_n_items (clients); c++)
    if (per_client[c] > bench->n_client_tasks)
      {
        g_autoptr(BatonClient) client = g_list_model_get_item (clients, c);

        bench->n_client_tasks = per_client[c];
        bench->client_id = baton_record_get_id (BATON_RECORD (client));
      }
}

static void
bench_status_report_data (Bench *bench)
{
  double runs[N_RUNS];
  guint n_completed = 0;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BatonStatusReportData) data = NULL;
      gint64 t0 = g_get_monotonic_time ();

      data = baton_status_report_data_new (bench->store, &bench->settings, bench->client_id, NULL,
                                           bench->today - 13, bench->today, bench->today, &error);
      runs[run] = baton_bench_ms_since (t0);
      baton_bench_check (data != NULL, error, "baton_status_report_data_new");
      n_completed = data->completed->len;
    }

  g_printerr ("status report: %u tasks of the client, %u completed in the period\n",
              bench->n_client_tasks, n_completed);
  printf ("status_report_data_ms: %.2f\n", baton_bench_median (runs, N_RUNS));
}

static void
bench_capacity_report_data (Bench *bench)
{
  double runs[N_RUNS];
  guint n_people = 0;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BatonCapacityReportData) data = NULL;
      gint64 t0 = g_get_monotonic_time ();

      data = baton_capacity_report_data_new (bench->store, &bench->settings, bench->today,
                                             CAPACITY_WEEKS, bench->today, &error);
      runs[run] = baton_bench_ms_since (t0);
      baton_bench_check (data != NULL, error, "baton_capacity_report_data_new");
      n_people = data->people->len;
    }

  g_printerr ("capacity report: %u people x %u weeks\n", n_people, CAPACITY_WEEKS);
  printf ("capacity_report_data_ms: %.2f\n", baton_bench_median (runs, N_RUNS));
}

/* Writes @doc as a PDF into a temporary folder, and removes it. */
static guint
write_pdf (BatonReportDoc *doc)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-report-XXXXXX", &error);
  g_autofree char *path = NULL;

  baton_bench_check (dir != NULL, error, "g_dir_make_tmp");
  path = g_build_filename (dir, "report.pdf", NULL);
  baton_bench_check (baton_report_doc_write_pdf (doc, path, BATON_PAPER_A4, &error), error, "baton_report_doc_write_pdf");
  g_unlink (path);
  g_rmdir (dir);
  return baton_report_doc_get_n_pages (doc);
}

static void
bench_status_report (Bench *bench)
{
  double runs[N_RUNS];
  guint n_pages = 0;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BatonReportDoc) doc = NULL;
      BatonStatusReportOptions options;
      gint64 t0 = g_get_monotonic_time ();

      baton_status_report_options_init (&options, bench->client_id, bench->today);
      options.from_day = bench->today - 13;
      options.to_day = bench->today;
      options.author = "Bench";
      doc = baton_status_report_new (bench->store, &bench->settings, &options, &error);
      baton_bench_check (doc != NULL, error, "baton_status_report_new");
      n_pages = write_pdf (doc);
      runs[run] = baton_bench_ms_since (t0);
    }

  printf ("status_report_ms: %.2f\n", baton_bench_median (runs, N_RUNS));
  printf ("status_report_pages: %u\n", n_pages);
}

static void
bench_capacity_report (Bench *bench)
{
  double runs[N_RUNS];
  guint n_pages = 0;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BatonReportDoc) doc = NULL;
      gint64 t0 = g_get_monotonic_time ();

      doc = baton_capacity_report_new (bench->store, &bench->settings, bench->today, CAPACITY_WEEKS,
                                       bench->today, "Bench", &error);
      baton_bench_check (doc != NULL, error, "baton_capacity_report_new");
      n_pages = write_pdf (doc);
      runs[run] = baton_bench_ms_since (t0);
    }

  printf ("capacity_report_ms: %.2f\n", baton_bench_median (runs, N_RUNS));
  printf ("capacity_report_pages: %u\n", n_pages);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  BatonDemoSize size = {
    .n_clients = 40,
    .n_programs = 200,
    .n_people = 200,
    .n_tasks = 10000,
    .n_notes = 2000,
    .seed = BENCH_SEED,
    .today = 0,
  };
  Bench bench = { 0 };
  gint64 t0;

  /* --quick: a small workspace; the figures then mean nothing. */
  if (argc > 1 && g_strcmp0 (argv[1], "--quick") == 0)
    {
      size.n_clients = 4;
      size.n_programs = 10;
      size.n_people = 20;
      size.n_tasks = 500;
      size.n_notes = 50;
    }

  g_log_writer_default_set_use_stderr (TRUE);
  baton_store_init_allocator ();

  bench.today = baton_date_today ();
  size.today = bench.today;
  baton_capacity_settings_init_default (&bench.settings);
  bench.store = baton_store_open (":memory:", &error);
  baton_bench_check (bench.store != NULL, error, "baton_store_open");

  t0 = g_get_monotonic_time ();
  baton_bench_check (baton_demo_generate (bench.store, &size, &error), error, "baton_demo_generate");
  g_printerr ("generated %u tasks and %u people in %.0f ms\n", size.n_tasks, size.n_people, baton_bench_ms_since (t0));

  find_busiest_client (&bench);
  baton_bench_check (bench.client_id != 0, NULL, "finding a client with tasks");

  bench_status_report_data (&bench);
  bench_capacity_report_data (&bench);
  bench_status_report (&bench);
  bench_capacity_report (&bench);

  g_object_unref (bench.store);
  return EXIT_SUCCESS;
}
