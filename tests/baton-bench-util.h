/* baton-bench-util.h — what every benchmark program does the same way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdlib.h>

/* Milliseconds since @start_us (g_get_monotonic_time ()). */
static inline double
baton_bench_ms_since (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000.0;
}

/* For qsort () of doubles, smallest first. */
static inline int
baton_bench_compare_doubles (const void *a,
                             const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : (x > y ? 1 : 0);
}

/* The median of @n runs (sorts them). */
static inline double
baton_bench_median (double *runs,
                    guint   n)
{
  qsort (runs, n, sizeof (double), baton_bench_compare_doubles);
  return runs[n / 2];
}

/* Unless @ok: says what failed and why on stderr, and exits. */
static inline void
baton_bench_check (gboolean    ok,
                   GError     *error,
                   const char *what)
{
  if (!ok)
    {
      g_printerr ("%s: %s failed: %s\n", g_get_prgname () != NULL ? g_get_prgname () : "bench",
                  what, error != NULL ? error->message : "?");
      exit (EXIT_FAILURE);
    }
}
