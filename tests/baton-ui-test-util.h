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

/* Runs the main context until @cond (an expression) holds; an assertion
 * fails when it does not within @timeout_ms. For conditions too small for a
 * predicate function. */
#define baton_test_wait_for(cond, timeout_ms)                                   \
  G_STMT_START {                                                                \
    gint64 baton_deadline_ = g_get_monotonic_time () + (gint64) (timeout_ms) * 1000; \
    while (!(cond))                                                             \
      {                                                                         \
        if (g_get_monotonic_time () > baton_deadline_)                          \
          {                                                                     \
            g_assertion_message_expr (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, \
                                      "timed out waiting for " #cond);         \
            break;                                                              \
          }                                                                     \
        if (!g_main_context_iteration (NULL, FALSE))                            \
          g_usleep (1000);                                                      \
      }                                                                         \
  } G_STMT_END

/* Dispatches whatever is ready now (idles, a pending frame), so that a
 * test can check that something did NOT happen; bounded, as a running
 * animation is always ready. */
static inline void
baton_test_drain (void)
{
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}
