/* baton-startup-report.h — how the start went, for bench-startup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When the environment variable BATON_STARTUP_FD names an open file
 * descriptor (tests/bench-startup.c sets it), Baton writes one line
 * "EVENT MICROSECONDS" to it for each step of its start, the time read
 * from the monotonic clock (g_get_monotonic_time ()):
 *
 *   cards   the first frame painted with the visible view finished (the
 *           board with its cards)
 *   idle    the start's work is over: that frame, and everything held
 *           with baton_startup_report_hold () (the backup, the rest of
 *           the workspace) released
 *
 * Without the variable nothing is written and each call costs a test.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean baton_startup_report_enabled (void);
void     baton_startup_report_mark    (const char *event);
void     baton_startup_report_hold    (void);
void     baton_startup_report_release (void);

G_END_DECLS
