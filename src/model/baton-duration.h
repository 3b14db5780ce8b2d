/* baton-duration.h — durations as people type and read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Parses an estimate or a capacity typed by a person into minutes:
 * "3h", "90m", "1.5" (hours), "1,5" (hours, decimal comma; the locale's own
 * separator is accepted too), "1h30m",
 * "1h 30m", "1 h 30 min", "45 min", "2 h". Surrounding spaces are ignored;
 * an empty text is 0 when @allow_empty. Rejects negative numbers, unknown
 * units, garbage and values above @max_minutes with a GError
 * (BATON_STORE_ERROR_INVALID) a person can read. */
gboolean  baton_duration_parse  (const char  *text,
                                 gboolean     allow_empty,
                                 gint64       max_minutes,
                                 gint64      *minutes,
                                 GError     **error);
/* "1 h 30 min", "45 min", "3 h", "0 h" (translatable). */
char     *baton_duration_format (gint64       minutes);
/* Hours with at most one decimal, no unit: "32", "2.5" (for "32 / 40 h"),
 * with the decimal separator of the LC_NUMERIC locale ("2,5" in German):
 * for people to read, never for files. baton_duration_parse () reads it back. */
char     *baton_duration_format_hours (double  minutes);

G_END_DECLS
