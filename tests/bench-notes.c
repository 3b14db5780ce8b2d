/* bench-notes.c — how fast notes search and autosave are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates a demo workspace with 5,000 notes (--quick: 200), and 250
 * notes in Chinese and Japanese (--quick: 20), in a temporary database,
 * then prints three figures on stdout (milliseconds):
 *
 *   fts_search_ms:       the median of every search timed: each query of the
 *                        list (words, phrases, prefixes, accents, CJK words
 *                        inside sentences, one- and two-character CJK
 *                        queries) is run SAMPLES times (≥ 11), each with the
 *                        snippets of as many hits as the Clients view asks
 *                        for (BATON_NOTES_SEARCH_LIMIT)
 *   fts_search_worst_ms: the slowest query's median
 *   autosave_1mb_ms:     median of 11 saves of a 1 MB note, each keeping the
 *                        previous text as a revision, as BatonNoteSaver does
 *
 * Everything else goes to stderr: generation time, whether FTS5 was used,
 * each query's median and hit count, the scan's time for comparison (its
 * results must be the same), and the time the background indexer later
 * spends on the 1 MB note (it is not part of the save).
 * Targets: all ≤ 20 ms.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "baton-demo.h"
#include "baton-notes.h"
#include "baton-search.h"
#include "baton-note-saver.h"
#include "baton-search-index.h"
#include "baton-store.h"

#define SAMPLES 11   /* per query */
#define N_SAVES 11

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
  "为培训",
  "\"准备了材料\"",
  "培训",
  "材",
  "研修の資料",
};

/* Sentences for the notes in unspaced scripts. */
static const char * const cjk_sentences[] = {
  "我们为培训准备了材料。",
  "客户希望在三月前完成需求分析。",
  "仓库安全课程需要新的视频脚本。",
  "请把故事板发给主题专家审核。",
  "下周一开会讨论预算和时间表。",
  "新员工入职培训分为四个模块。",
  "研修の資料を来週までに準備します。",
  "顧客は評価方法について質問しました。",
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

typedef struct
{
  double median;
  double worst;     /* the slowest query's median */
  guint  n_hits;    /* matches over all queries, once each */
} SearchTimes;

static void
time_searches (BatonStore  *store,
               SearchTimes *times,
               gboolean     verbose)
{
  guint n_queries = G_N_ELEMENTS (queries);
  g_autofree double *all = g_new (double, n_queries * SAMPLES);

  times->worst = 0;
  times->n_hits = 0;
  for (guint q = 0; q < n_queries; q++)
    {
      double samples[SAMPLES];
      double query_median;
      guint total = 0;

      for (guint i = 0; i < SAMPLES; i++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) hits = NULL;
          gint64 start = g_get_monotonic_time ();

          hits = baton_notes_search (store, queries[q], BATON_NOTES_SEARCH_LIMIT, &total, &error);
          samples[i] = ms_since (start);
          if (hits == NULL)
            g_error ("search failed: %s", error->message);
          all[q * SAMPLES + i] = samples[i];
        }

      query_median = median (samples, SAMPLES);
      times->worst = MAX (times->worst, query_median);
      times->n_hits += total;
      if (verbose)
        /* Not g_printerr: it would turn the CJK queries into "?" in the C locale. */
        fprintf (stderr, "  %-22s %5u hits, median %6.2f ms\n", queries[q], total, query_median);
    }

  times->median = median (all, n_queries * SAMPLES);
}

static void
add_cjk_notes (BatonStore *store,
               guint       n)
{
  GListModel *clients = baton_store_get_clients (store);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonClient) client = g_list_model_get_item (clients, i % g_list_model_get_n_items (clients));
      g_autoptr(GString) body = g_string_new (NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *title = g_strdup_printf ("会议记录 %u", i + 1);

      for (guint k = 0; k < 12; k++)
        g_string_append (body, cjk_sentences[(i * 7 + k * 3) % G_N_ELEMENTS (cjk_sentences)]);
      if (baton_store_create_note (store, client, NULL, title, body->str, &error) == NULL)
        g_error ("%s", error->message);
    }
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
  SearchTimes search, scan;
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
  add_cjk_notes (store, quick ? 20 : 250);
  g_printerr ("generated %u notes in %.0f ms\n", size.n_notes + (quick ? 20 : 250), ms_since (start));

  start = g_get_monotonic_time ();
  if (!baton_notes_update_index (store, &error))
    g_error ("%s", error->message);
  g_printerr ("indexed them in %.0f ms (FTS5: %s)\n", ms_since (start),
              baton_notes_search_uses_index (store) ? "yes" : "no, scanning");

  g_printerr ("searches, %u samples each, %u hits asked for:\n", SAMPLES, BATON_NOTES_SEARCH_LIMIT);
  time_searches (store, &search, TRUE);

  _baton_notes_set_force_scan (TRUE);
  time_searches (store, &scan, FALSE);
  _baton_notes_set_force_scan (FALSE);
  g_printerr ("scan without the index: %.1f ms median, %.1f ms worst (%s results)\n", scan.median, scan.worst,
              scan.n_hits == search.n_hits ? "same" : "DIFFERENT");
  if (scan.n_hits != search.n_hits)
    g_error ("the index found %u hits and the scan %u", search.n_hits, scan.n_hits);

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

  printf ("fts_search_ms: %.2f\n", search.median);
  printf ("fts_search_worst_ms: %.2f\n", search.worst);
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
