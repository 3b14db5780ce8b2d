/* baton-dates.h — ISO dates, weeks and working days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Working days as a bit mask, bit (g_date_get_weekday () - 1): Monday = bit 0. */
#define BATON_WORKDAYS_MON_FRI 0x1f

/* Parses a strict YYYY-MM-DD date into a julian day number (GDate's). */
gboolean  baton_date_parse           (const char  *text,
                                      guint32     *julian);
char     *baton_date_format          (guint32      julian);
gboolean  baton_date_validate        (const char  *text,
                                      const char  *label,
                                      GError     **error);
/* Both may be NULL; when both are set, @end must not be before @start. */
gboolean  baton_date_range_validate  (const char  *start,
                                      const char  *end,
                                      GError     **error);
gboolean  baton_timestamp_validate   (const char  *text);
char     *baton_timestamp_now        (void);
/* The local day of an ISO 8601 time; 0 for NULL or a malformed one. */
guint32   baton_timestamp_day        (const char  *text);
/* Today in the local time zone; BATON_TODAY=YYYY-MM-DD in the environment
 * fixes it (tests, screenshots), a malformed value is ignored with a
 * warning. */
guint32   baton_date_today           (void);
/* GDateWeekday of a julian day: 1 = Monday … 7 = Sunday. */
guint     baton_date_weekday         (guint32      julian);
/* The first day of the week holding @julian; @first_weekday 1 = Monday … 7 = Sunday. */
guint32   baton_date_week_start      (guint32      julian,
                                      guint        first_weekday);
guint     baton_date_iso_week        (guint32      julian);
gboolean  baton_date_is_workday      (guint32      julian,
                                      guint        workdays_mask);
guint     baton_workdays_per_week    (guint        workdays_mask);

G_END_DECLS
