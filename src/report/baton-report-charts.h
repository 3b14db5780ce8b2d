/* baton-report-charts.h — the reports' charts, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each chart draws itself into a box of the width it is given, at the
 * height its _get_height () function answers for that width, from (0, 0)
 * of the current cairo transformation. The same calls draw on screen, on
 * the printer and into the PDF. All text goes through Pango; labels never
 * overlap (they are thinned, wrapped or ellipsized instead); every chart
 * reads in greyscale (patterns and marks besides colours) and has labelled
 * axes or a legend.
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Stages as one stacked horizontal bar, with a legend below that names
 * each stage and its value ("Review · 4"). Stages of value 0 appear in the
 * legend only. When every value is 0 the chart is an empty outline that
 * says "No @value_unit" (no legend). */
typedef struct
{
  const char *label;     /* stage name */
  double      value;     /* tasks or hours */
  gboolean    is_done;   /* the done stage: drawn solid and darkest */
} BatonChartSegment;

double baton_chart_stage_bar_get_height (cairo_t                 *cr,
                                         double                   width,
                                         const BatonChartSegment *segments,
                                         guint                    n_segments);
void   baton_chart_stage_bar_draw       (cairo_t                 *cr,
                                         double                   width,
                                         const char              *value_unit, /* e.g. "tasks" */
                                         const BatonChartSegment *segments,
                                         guint                    n_segments);

/* Burn-up: done hours as a filled line, scope as a dashed line, over the
 * weeks; x axis labelled with week dates, y axis with hours. Its height is
 * the same for every width and every set of points. */
typedef struct
{
  guint32 week_start;    /* julian day */
  double  done;          /* hours */
  double  scope;         /* hours */
} BatonChartBurnupPoint;

double baton_chart_burnup_get_height    (cairo_t                     *cr,
                                         double                       width);
void   baton_chart_burnup_draw          (cairo_t                     *cr,
                                         double                       width,
                                         const BatonChartBurnupPoint *points,
                                         guint                        n_points);

/* Load against capacity per week: a bar per week (load), a capacity line
 * (a step line over the bars), bars over capacity marked (the over colour,
 * a hatch and a "▲" or the percentage above), y axis in hours, x axis
 * with week dates. @title is drawn above the chart ("Instructional
 * designers" or a person's name). */
typedef struct
{
  guint32 week_start;    /* julian day */
  double  load;          /* hours */
  double  capacity;      /* hours */
} BatonChartLoadPoint;

double baton_chart_load_get_height      (cairo_t                   *cr,
                                         double                     width);
void   baton_chart_load_draw            (cairo_t                   *cr,
                                         double                     width,
                                         const char                *title,
                                         const BatonChartLoadPoint *points,
                                         guint                      n_points,
                                         double                     over_threshold); /* 1.0 */

G_END_DECLS
