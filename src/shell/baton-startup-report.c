/* baton-startup-report.c — how the start went, for bench-startup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * See baton-startup-report.h.
 */

#define G_LOG_DOMAIN "baton-startup"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "baton-startup-report.h"

static int      report_fd = -2;   /* -2: not read yet, -1: off */
static guint    n_holds;
static gboolean cards_seen;
static gboolean idle_sent;

static int
get_fd (void)
{
  if (report_fd == -2)
    {
      const char *value = g_getenv ("BATON_STARTUP_FD");
      gint64 fd;

      report_fd = -1;
      if (value != NULL && g_ascii_string_to_signed (value, 10, 0, G_MAXINT, &fd, NULL))
        report_fd = (int) fd;
    }

  return report_fd;
}

gboolean
baton_startup_report_enabled (void)
{
  return get_fd () >= 0;
}

static void
write_line (const char *event)
{
  char line[64];
  int len;

  len = g_snprintf (line, sizeof line, "%s %" G_GINT64_FORMAT "\n", event, g_get_monotonic_time ());
  while (write (report_fd, line, (size_t) len) < 0 && errno == EINTR)
    ;
}

static gboolean
send_idle (gpointer data)
{
  if (!idle_sent && n_holds == 0)
    {
      idle_sent = TRUE;
      write_line ("idle");
    }

  return G_SOURCE_REMOVE;
}

/* "idle" once the main loop has nothing more to do for the start. */
static void
maybe_idle (void)
{
  if (cards_seen && n_holds == 0 && !idle_sent)
    g_idle_add_full (G_PRIORITY_LOW, send_idle, NULL, NULL);
}

void
baton_startup_report_mark (const char *event)
{
  g_return_if_fail (event != NULL);

  if (get_fd () < 0)
    return;

  write_line (event);
  if (g_str_equal (event, "cards"))
    {
      cards_seen = TRUE;
      maybe_idle ();
    }
}

void
baton_startup_report_hold (void)
{
  if (get_fd () >= 0)
    n_holds++;
}

void
baton_startup_report_release (void)
{
  if (get_fd () < 0)
    return;

  g_return_if_fail (n_holds > 0);
  n_holds--;
  maybe_idle ();
}
