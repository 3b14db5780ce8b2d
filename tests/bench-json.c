/* bench-json.c — how fast a whole workspace goes through JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates the demo workspace of bench-model (10,000 tasks, 200 people,
 * 2,000 notes) in memory, exports it, then imports the text into a new,
 * empty workspace file, three times, each into a file of its own. Prints
 * exactly three figures on stdout:
 *
 *   json_export_ms: baton_json_export_string () of the workspace
 *   json_import_ms: median of the three baton_json_import () runs, from the
 *               text to the reloaded store, on a file (so the commit's
 *               sync is part of it)
 *   import_peak_rss_ratio: for a document of about 50 MB (a workspace
 *               five times as large), how much the resident memory of a
 *               fresh process grows while baton_json_import_file () reads
 *               it, divided by the file's size (issue 10's target: ≤ 4)
 *
 * Everything else goes to stderr. Target on a 2-core machine: import
 * ≤ 1,500 ms (about 450 ms when it was written).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "baton-bench-util.h"
#include "baton-demo.h"
#include "baton-json.h"
#include "baton-store.h"

#define N_IMPORTS  3
#define BENCH_SEED 20261128

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* In a process of its own (argv: --rss-child DOCUMENT DATABASE): prints
 * the growth of the peak resident memory while the import runs, divided
 * by the document's size. */
static int
rss_child (const char *document,
           const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (database, &error);
  GStatBuf st;
  long before, after;

  baton_bench_check (store != NULL, error, "baton_store_open");
  baton_bench_check (g_stat (document, &st) == 0, NULL, "g_stat");
  before = peak_rss_kib ();
  baton_bench_check (baton_json_import_file (store, document, &error), error, "baton_json_import_file");
  after = peak_rss_kib ();
  printf ("%.2f\n", (double) (after - before) * 1024.0 / (double) st.st_size);
  return EXIT_SUCCESS;
}

/* import_peak_rss_ratio for a document of @size's workspace. */
static double
measure_rss_ratio (const char          *self_path,
                   const char          *dir,
                   const BatonDemoSize *size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) source = baton_store_open (":memory:", &error);
  g_autofree char *document = g_build_filename (dir, "big.json", NULL);
  g_autofree char *database = g_build_filename (dir, "big.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { self_path, "--rss-child", document, database, NULL };
  int status = 0;
  GStatBuf st;

  baton_bench_check (source != NULL, error, "baton_store_open");
  baton_bench_check (baton_demo_generate (source, size, &error), error, "baton_demo_generate");
  baton_bench_check (baton_json_export_file (source, document, &error), error, "baton_json_export_file");
  g_clear_object (&source);
  baton_bench_check (g_stat (document, &st) == 0, NULL, "g_stat");
  g_printerr ("rss document: %.1f MB\n", st.st_size / 1e6);

  baton_bench_check (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                       &out, &err, &status, &error) && g_spawn_check_wait_status (status, &error),
         error, "the import process");
  g_printerr ("%s", err);

  g_unlink (document);
  g_unlink (database);
  {
    g_autofree char *wal = g_strconcat (database, "-wal", NULL);
    g_autofree char *shm = g_strconcat (database, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }

  return g_ascii_strtod (out, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) source = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  BatonDemoSize size = {
    .n_clients = 40,
    .n_programs = 200,
    .n_people = 200,
    .n_tasks = 10000,
    .n_notes = 2000,
    .seed = BENCH_SEED,
    .today = 0,
  };
  double export_ms;
  double import_ms[N_IMPORTS];
  gsize length = 0;
  gint64 t0;

  if (argc == 4 && g_strcmp0 (argv[1], "--rss-child") == 0)
    return rss_child (argv[2], argv[3]);

  /* --quick: a small workspace, so the test suite can check that the
   * benchmark runs; the figures then mean nothing. */
  if (argc > 1 && g_strcmp0 (argv[1], "--quick") == 0)
    {
      size.n_clients = 4;
      size.n_programs = 10;
      size.n_people = 20;
      size.n_tasks = 500;
      size.n_notes = 50;
    }

  /* stdout carries the two figures and nothing else. */
  g_log_writer_default_set_use_stderr (TRUE);

  dir = g_dir_make_tmp ("baton-bench-XXXXXX", &error);
  baton_bench_check (dir != NULL, error, "g_dir_make_tmp");

  source = baton_store_open (":memory:", &error);
  baton_bench_check (source != NULL, error, "baton_store_open");
  baton_bench_check (baton_demo_generate (source, &size, &error), error, "baton_demo_generate");

  t0 = g_get_monotonic_time ();
  text = baton_json_export_string (source, &length);
  export_ms = baton_bench_ms_since (t0);
  g_printerr ("document: %" G_GSIZE_FORMAT " bytes\n", length);

  for (guint i = 0; i < N_IMPORTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("import-%u.db", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(BatonStore) target = baton_store_open (path, &error);
      gboolean ok;

      baton_bench_check (target != NULL, error, "baton_store_open");
      t0 = g_get_monotonic_time ();
      ok = baton_json_import (target, text, (gssize) length, &error);
      import_ms[i] = baton_bench_ms_since (t0);
      baton_bench_check (ok, error, "baton_json_import");
      g_assert (g_list_model_get_n_items (baton_store_get_tasks (target)) == size.n_tasks);
      g_printerr ("import %u: %.1f ms\n", i, import_ms[i]);
    }
  qsort (import_ms, N_IMPORTS, sizeof (double), baton_bench_compare_doubles);

  printf ("json_export_ms: %.1f\n", export_ms);
  printf ("json_import_ms: %.1f\n", import_ms[N_IMPORTS / 2]);

  /* About 50 MB: the workspace five times over. */
  {
    BatonDemoSize big = size;

    big.n_clients *= 5;
    big.n_programs *= 5;
    big.n_people *= 5;
    big.n_tasks *= 5;
    big.n_notes *= 5;
    printf ("import_peak_rss_ratio: %.2f\n", measure_rss_ratio (argv[0], dir, &big));
  }

  /* The files go with the directory. */
  for (guint i = 0; i < N_IMPORTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("import-%u.db", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (path);
    }
  g_rmdir (dir);

  return EXIT_SUCCESS;
}
