/* baton-ui-test-util.h — main-loop helpers for the UI tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only: each UI test program, benchmark and the screenshot tool
 * includes it once.
 */
#pragma once

#include <gtk/gtk.h>

typedef gboolean (*BatonTestPredicate) (gpointer data);

/* Runs the main context until @predicate holds, for at most @timeout_ms. */
static inline gboolean
baton_test_wait_until (BatonTestPredicate predicate,
                       gpointer           data,
                       guint              timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!predicate (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

/* Runs the main context for @ms milliseconds. */
static inline void
baton_test_run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static inline gboolean
baton_test_widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* @data points at a pointer (a weak pointer, say). */
static inline gboolean
baton_test_pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}
