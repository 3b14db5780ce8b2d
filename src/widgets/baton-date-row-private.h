/* baton-date-row-private.h — what baton-date-row's tests read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-date-row.h"

G_BEGIN_DECLS

/* Opens the calendar (as its button would), and its widgets, for tests. */
void        baton_date_row_open_calendar   (BatonDateRow *self);
GtkWidget  *baton_date_row_get_calendar    (BatonDateRow *self);
GtkWidget  *baton_date_row_get_popover     (BatonDateRow *self);
GtkWidget  *baton_date_row_get_calendar_button (BatonDateRow *self);
GtkWidget  *baton_date_row_get_clear_button    (BatonDateRow *self);

G_END_DECLS
