/* baton-calendar-private.h — what baton-calendar's tests read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-calendar.h"

G_BEGIN_DECLS

/* For tests: the button of @julian in the month shown (NULL when it is not
 * on screen), and the header of the column @index (0 … 6). */
GtkWidget *baton_calendar_get_day_button    (BatonCalendar *self,
                                             guint32        julian);
const char *baton_calendar_get_weekday_label (BatonCalendar *self,
                                              guint          index);

G_END_DECLS
