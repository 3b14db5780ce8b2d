/* bench-json.c — how fast a whole workspace goes through JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates the demo workspace of bench-model (10,000 tasks, 200 people,
 * 2,000 notes) in memory, exports it, then imports the text into a new,
 * empty workspace file, three times, each into a file of its own. Prints
 * exactly two figures on stdout (milliseconds):
 *
 *   export_ms:  baton_json_export_string () of the workspace
 *   import_ms:  median of the three baton_json_import () runs, from the
 *               text to the reloaded store, on a file (so the commit's
 *               sync is part of it)
 *
 * Everything else goes to stderr. Target on a 2-core machine: import
 * ≤ 1,500 ms (about 450 ms when it was written).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "baton-demo.h"
#include "baton-json.h"
#include "baton-store.h"

#define N_IMPORTS  3
#define BENCH_SEED 20261128

static double
ms_since (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

static void
check (gboolean     ok,
       GError      *error,
       const char  *what)
{
  if (!ok)
    {
      g_printerr ("bench-json: %s failed: %s\n", what, error ? error->message : "?");
      exit (EXIT_FAILURE);
    }
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
  check (dir != NULL, error, "g_dir_make_tmp");

  source = baton_store_open (":memory:", &error);
  check (source != NULL, error, "baton_store_open");
  check (baton_demo_generate (source, &size, &error), error, "baton_demo_generate");

  t0 = g_get_monotonic_time ();
  text = baton_json_export_string (source, &length);
  export_ms = ms_since (t0);
  g_printerr ("document: %" G_GSIZE_FORMAT " bytes\n", length);

  for (guint i = 0; i < N_IMPORTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("import-%u.db", i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(BatonStore) target = baton_store_open (path, &error);
      gboolean ok;

      check (target != NULL, error, "baton_store_open");
      t0 = g_get_monotonic_time ();
      ok = baton_json_import (target, text, (gssize) length, &error);
      import_ms[i] = ms_since (t0);
      check (ok, error, "baton_json_import");
      g_assert (g_list_model_get_n_items (baton_store_get_tasks (target)) == size.n_tasks);
      g_printerr ("import %u: %.1f ms\n", i, import_ms[i]);
    }
  qsort (import_ms, N_IMPORTS, sizeof (double), compare_doubles);

  printf ("export_ms: %.1f\n", export_ms);
  printf ("import_ms: %.1f\n", import_ms[N_IMPORTS / 2]);

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
