/* baton-date-row.h — an entry row for a date, with a calendar to pick it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BATON_TYPE_DATE_ROW (baton_date_row_get_type ())
G_DECLARE_FINAL_TYPE (BatonDateRow, baton_date_row, BATON, DATE_ROW, AdwEntryRow)

/* An AdwEntryRow (so a GtkEditable) for an ISO date, YYYY-MM-DD: a calendar
 * button opens a BatonCalendar (weeks as the app has them) whose day fills
 * the text; a clear button empties it. The text stays what the person
 * typed; the row parses it as it changes. */
GtkWidget  *baton_date_row_new            (void);

/* The date, "2024-03-18", or NULL for none. Setting NULL or "" clears it;
 * a text that is not a date is refused (FALSE) and changes nothing. */
gboolean    baton_date_row_set_date       (BatonDateRow *self,
                                           const char   *date);
/* The last date the text held (NULL when empty): what the row is worth
 * even while its text does not parse. */
const char *baton_date_row_get_date       (BatonDateRow *self);
/* Why the text is not a date ("“2024-02-30” is not a valid date…"), or
 * NULL when it is one or is empty. The message names the field by its
 * "field-label" ("start date"), or by its title. */
const char *baton_date_row_get_error      (BatonDateRow *self);

/* How errors name the field: "start date", "first day off". */
void        baton_date_row_set_field_label (BatonDateRow *self,
                                            const char   *label);

G_END_DECLS
