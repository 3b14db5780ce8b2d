/* bench-notes.c — how fast notes search and autosave are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates a demo workspace with 5,000 notes (--quick: 200) in a
 * temporary database, then prints exactly two figures on stdout
 * (milliseconds):
 *
 *   fts_search_ms:    median of 100 searches (words, phrases, prefixes,
 *                     accents), each with the snippets of its first 50 hits,
 *                     as the Clients view asks for them
 *   autosave_1mb_ms:  median of 11 saves of a 1 MB note, each keeping the
 *                     previous text as a revision, as BatonNoteSaver does
 *
 * Everything else goes to stderr: generation time, whether FTS5 was used,
 * the scan's time for comparison, and the time the background indexer
 * later spends on the 1 MB note (it is not part of the save).
 * Targets: both ≤ 20 ms.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "baton-demo.h"
#include "baton-notes.h"
#include "baton-store.h"

#define N_SEARCHES 100
#define N_SAVES    11

static const char * const queries[] = {
  "onboarding",
  "\"needs analysis\"",
  "storyb",
  "deadline budget",
  "\"action items\"",
  "e-learning",
  "review*",
  "warehouse safety",
  "café",
  "sme",
  "\"success measures\"",
  "client asked",
  "scenario",
  "launch",
  "NEAR( \"quoted",
  "compliance training",
  "voice",
  "pilot group",
  "outline",
  "assessment",
};

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  return values[n / 2];
}

static double
time_searches (BatonStore *store,
               guint      *n_hits)
{
  double times[N_SEARCHES];

  *n_hits = 0;
  for (guint i = 0; i < N_SEARCHES; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = NULL;
      guint total = 0;
      gint64 start = g_get_monotonic_time ();

      hits = baton_notes_search (store, queries[i % G_N_ELEMENTS (queries)], 50, &total, &error);
      times[i] = ms_since (start);
      if (hits == NULL)
        g_error ("search failed: %s", error->message);
      *n_hits += total;
    }

  return median (times, N_SEARCHES);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *line = NULL;
  GString *body;
  BatonDemoSize size;
  BatonNote *note;
  BatonClient *client;
  double saves[N_SAVES];
  double search_ms, scan_ms;
  guint n_hits, n_scan_hits;
  gboolean quick = FALSE;
  gint64 start;

  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--quick") == 0)
      quick = TRUE;

  /* As the application does at start-up (src/main.c). */
  baton_store_init_allocator ();

  dir = g_dir_make_tmp ("baton-bench-notes-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "bench.db", NULL);

  store = baton_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  baton_demo_size_init_default (&size);
  size.n_clients = quick ? 10 : 60;
  size.n_programs = quick ? 20 : 150;
  size.n_people = 20;
  size.n_tasks = quick ? 100 : 1000;
  size.n_notes = quick ? 200 : 5000;

  start = g_get_monotonic_time ();
  if (!baton_demo_generate (store, &size, &error))
    g_error ("%s", error->message);
  g_printerr ("generated %u notes in %.0f ms\n", size.n_notes, ms_since (start));

  start = g_get_monotonic_time ();
  if (!baton_notes_update_index (store, &error))
    g_error ("%s", error->message);
  g_printerr ("indexed them in %.0f ms (FTS5: %s)\n", ms_since (start),
              baton_notes_search_uses_index (store) ? "yes" : "no, scanning");

  search_ms = time_searches (store, &n_hits);

  _baton_notes_set_force_scan (TRUE);
  scan_ms = time_searches (store, &n_scan_hits);
  _baton_notes_set_force_scan (FALSE);
  g_printerr ("scan without the index: %.1f ms median (%s results)\n", scan_ms,
              n_scan_hits == n_hits ? "same" : "DIFFERENT");
  if (n_scan_hits != n_hits)
    g_error ("the index found %u hits and the scan %u", n_hits, n_scan_hits);

  /* A 1 MB note of ordinary text. */
  client = g_list_model_get_item (baton_store_get_clients (store), 0);
  g_object_unref (client);
  body = g_string_sized_new ((1 << 20) + 4096);
  for (guint i = 0; body->len < (1 << 20); i++)
    g_string_append_printf (body, "- [ ] Item %u: review the storyboard with the SME, "
                                  "then send the café menu scenario to the client.\n", i);
  note = baton_store_create_note (store, client, NULL, "Big note", body->str, &error);
  if (note == NULL || !baton_notes_update_index (store, &error))
    g_error ("%s", error->message);

  for (guint i = 0; i < N_SAVES; i++)
    {
      line = g_strdup_printf ("Typed line %u\n", i);
      g_string_append (body, line);
      g_clear_pointer (&line, g_free);

      start = g_get_monotonic_time ();
      if (!baton_store_update_note (store, note, "Big note", body->str, TRUE, &error))
        g_error ("%s", error->message);
      saves[i] = ms_since (start);
    }
  g_string_free (body, TRUE);

  start = g_get_monotonic_time ();
  if (!baton_notes_update_index (store, &error))
    g_error ("%s", error->message);
  g_printerr ("the background indexer then spent %.1f ms on the 1 MB note\n", ms_since (start));

  printf ("fts_search_ms: %.2f\n", search_ms);
  printf ("autosave_1mb_ms: %.2f\n", median (saves, N_SAVES));

  g_clear_object (&store);
  {
    g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
    const char *name;

    while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_unlink (file);
      }
    g_rmdir (dir);
  }

  return 0;
}
