/* baton-calendar.h — a month to pick a day from, weeks as the app has them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BATON_TYPE_CALENDAR (baton_calendar_get_type ())
G_DECLARE_FINAL_TYPE (BatonCalendar, baton_calendar, BATON, CALENDAR, GtkWidget)

/* Days are julian day numbers (GDate's); 0 is "no day". */
GtkWidget *baton_calendar_new               (void);

/* The day shown as chosen (0: none); shows its month. */
void       baton_calendar_set_date          (BatonCalendar *self,
                                             guint32        julian);
guint32    baton_calendar_get_date          (BatonCalendar *self);

/* The month shown, by any day of it. */
void       baton_calendar_show_month        (BatonCalendar *self,
                                             guint32        julian);
guint32    baton_calendar_get_month_start   (BatonCalendar *self);

/* The weekday the rows start on, 1 = Monday … 7 = Sunday: the app's
 * "first-day-of-week" preference, followed live — the same as the
 * capacity grid's weeks (Monday without the app's schema). */
guint      baton_calendar_get_first_weekday (BatonCalendar *self);

/* As a click on the day would: selects @julian and emits "day-selected". */
void       baton_calendar_choose_day        (BatonCalendar *self,
                                             guint32        julian);

/* The number shown for the week that starts on @week_start: its ISO 8601
 * number when it starts on Monday; otherwise the ISO number of the week
 * holding most of its days (that of its Thursday). The capacity grid and
 * the calendars number weeks the same way. */
guint      baton_week_number                (guint32        week_start);
/* The week that starts on @week_start in a popover or menu: "Week 10 · Mar 4".
 * Free with g_free (). */
char      *baton_week_describe              (guint32        week_start);

G_END_DECLS
