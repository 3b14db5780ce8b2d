/* baton-report-text.h — the words and numbers the reports share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "baton-report-data.h"

G_BEGIN_DECLS

/* "9 Mar 2026"; "—" for 0. */
char       *baton_report_format_date       (guint32      julian);
/* "9 Mar". */
char       *baton_report_format_day        (guint32      julian);
/* "9 Mar 2026 – 15 Mar 2026". */
char       *baton_report_format_period     (guint32      from,
                                            guint32      to);
/* "12.5 h" in the locale's decimals. */
char       *baton_report_format_hours      (double       hours);
/* "On track", "At risk", "Late". */
const char *baton_report_health_label      (BatonHealth  health);
/* The status colour (r, g, b) for @health, dark enough for white text. */
const double *baton_report_health_rgb      (BatonHealth  health);
/* A "#rrggbb" colour as r, g, b into @rgb; FALSE when it does not parse. */
gboolean    baton_report_color_to_rgb      (const char  *spec,
                                            double       rgb[3]);
/* Who prepares the report when nobody says: the user's real name. */
const char *baton_report_default_author    (void);

G_END_DECLS
