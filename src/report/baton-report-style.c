/* baton-report-style.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "baton-report-style.h"

#include <glib/gi18n.h>
#include <string.h>

const BatonReportRgb baton_report_ink = { 0.11, 0.11, 0.13 };
const BatonReportRgb baton_report_ink_muted = { 0.34, 0.34, 0.38 };
const BatonReportRgb baton_report_rule = { 0.72, 0.72, 0.75 };
const BatonReportRgb baton_report_fill = { 0.93, 0.93, 0.95 };

/* GNOME palette, darkened until white text on them passes 4.5:1. */
const BatonReportRgb baton_report_status_colors[3] = {
  { 0.10, 0.43, 0.22 },   /* on track: green 5 */
  { 0.60, 0.33, 0.00 },   /* at risk: a dark orange */
  { 0.70, 0.09, 0.11 },   /* late: red 4 */
};

/* Light enough for black text, apart in lightness so they survive
 * greyscale: ok lightest, over darkest. */
const BatonReportRgb baton_report_level_colors[3] = {
  { 0.56, 0.76, 0.92 },   /* ok: a blue */
  { 0.97, 0.78, 0.38 },   /* high: yellow-orange */
  { 0.84, 0.30, 0.30 },   /* over: red */
};

void
baton_report_set_rgb (cairo_t              *cr,
                      const BatonReportRgb *rgb)
{
  cairo_set_source_rgb (cr, rgb->r, rgb->g, rgb->b);
}

static int
hex_digit (char c)
{
  return g_ascii_xdigit_value (c);
}

void
baton_report_parse_color (const char           *spec,
                          const BatonReportRgb *fallback,
                          BatonReportRgb       *out)
{
  int v[6];

  *out = *fallback;
  if (spec == NULL || spec[0] != '#' || strlen (spec) != 7)
    return;
  for (guint i = 0; i < 6; i++)
    if ((v[i] = hex_digit (spec[i + 1])) < 0)
      return;
  out->r = (v[0] * 16 + v[1]) / 255.0;
  out->g = (v[2] * 16 + v[3]) / 255.0;
  out->b = (v[4] * 16 + v[5]) / 255.0;
}

PangoDirection
baton_report_text_direction (void)
{
  /* GTK's convention: its translators say which way their language goes. */
  const char *direction = g_dgettext ("gtk40", "default:LTR");

  return strcmp (direction, "default:RTL") == 0 ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR;
}

PangoLayout *
baton_report_layout_new (cairo_t  *cr,
                         double    size,
                         gboolean  bold,
                         double    width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (BATON_REPORT_FONT_FAMILY);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Metrics that do not depend on the device: the same line breaks on
   * screen, on paper and in the PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  /* Sizes in points are cairo units: the report's units are points. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  cairo_font_options_destroy (options);
  pango_layout_context_changed (layout);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  /* The document's direction, not the first letter's: "برنامج is
   * forecast 5 days late." is an English sentence that starts with an
   * Arabic name, and reads left to right with its full stop at the end. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_context_set_base_dir (pango_layout_get_context (layout), baton_report_text_direction ());

  if (width >= 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  return layout;
}
