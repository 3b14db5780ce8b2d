/* baton-report-style.h — the look shared by every report page and chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reports are printed, often in black and white: colours here are chosen
 * for paper (text at least 4.5:1 on white) and every state they tell is
 * told again by a word, a pattern or a mark.
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* Points (1/72 inch). */
#define BATON_REPORT_FONT_FAMILY   "Cantarell, Noto Sans, DejaVu Sans, sans-serif"
#define BATON_REPORT_BODY_SIZE     9.5
#define BATON_REPORT_SMALL_SIZE    8.0
#define BATON_REPORT_H1_SIZE       20.0
#define BATON_REPORT_H2_SIZE       13.0
#define BATON_REPORT_H3_SIZE       10.5

typedef struct
{
  double r, g, b;
} BatonReportRgb;

/* Text, secondary text, rules and grid lines, table header fill. */
extern const BatonReportRgb baton_report_ink;
extern const BatonReportRgb baton_report_ink_muted;
extern const BatonReportRgb baton_report_rule;
extern const BatonReportRgb baton_report_fill;
/* Status: on track, at risk, late (dark enough for white text on them). */
extern const BatonReportRgb baton_report_status_colors[3];
/* Load levels on paper: ok, high, over (BatonLoadLevel order). */
extern const BatonReportRgb baton_report_level_colors[3];

void  baton_report_set_rgb        (cairo_t              *cr,
                                   const BatonReportRgb *rgb);
/* A "#rrggbb" colour (a role's), or @fallback when it does not parse. */
void  baton_report_parse_color    (const char           *spec,
                                   const BatonReportRgb *fallback,
                                   BatonReportRgb       *out);
/* Which way the document reads: the user interface's language's way. */
PangoDirection baton_report_text_direction (void);

/* A layout on @cr in the report font at @size points, @bold or not, with
 * @width points (-1: unlimited) and word-char wrapping, in the document's
 * direction (see baton_report_text_direction ()). */
PangoLayout *baton_report_layout_new (cairo_t    *cr,
                                      double      size,
                                      gboolean    bold,
                                      double      width);

G_END_DECLS
