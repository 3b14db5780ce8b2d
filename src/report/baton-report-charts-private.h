/* baton-report-charts-private.h — chart geometry, for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "baton-report-charts.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} BatonChartRect;

/* Where baton_chart_load_draw () puts the bar of week @index, and the box
 * of its over-capacity mark (empty when the bar is not over). FALSE when
 * @index is out of range. */
gboolean baton_chart_load_get_bar (cairo_t                   *cr,
                                   double                     width,
                                   const char                *title,
                                   const BatonChartLoadPoint *points,
                                   guint                      n_points,
                                   double                     over_threshold,
                                   guint                      index,
                                   BatonChartRect            *bar,
                                   BatonChartRect            *mark);

/* Axis labels: "40 h", and a week's first day, "7 Dec", in the locale. */
char    *baton_chart_format_hours (double                     hours);
char    *baton_chart_format_week  (guint32                    julian);

G_END_DECLS
