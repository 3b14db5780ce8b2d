/* baton-report-charts.c — the reports' charts, drawn with cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every chart is computed into a small layout first (boxes, text
 * layouts, label positions) by a function that both _get_height () and
 * _draw () call, so the height answered is the height drawn. Text is laid
 * out by Pango in the report font; a label that cannot fit is ellipsized
 * or left out (axis labels are thinned), never drawn over another one.
 */

#define G_LOG_DOMAIN "baton-report-charts"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "baton-report-charts.h"
#include "baton-report-charts-private.h"
#include "baton-report-style.h"

/* Points. */
#define STAGE_BAR_HEIGHT   18.0
#define STAGE_LEGEND_GAP    6.0
#define LEGEND_SWATCH       9.0
#define LEGEND_SWATCH_GAP   4.0
#define LEGEND_ITEM_GAP    12.0
#define LEGEND_LINE_GAP     3.0
#define BURNUP_HEIGHT     150.0
#define LOAD_PLOT_HEIGHT  110.0   /* with the week labels */
#define AXIS_GAP            4.0
#define LABEL_GAP           6.0
#define MARK_SIZE           5.0

/* One hue for the stages: GNOME blue 3. */
static const BatonReportRgb stage_hue = { 0.21, 0.52, 0.89 };
static const BatonReportRgb white = { 1.0, 1.0, 1.0 };
static const BatonReportRgb black = { 0.0, 0.0, 0.0 };

typedef enum
{
  PATTERN_NONE,
  PATTERN_DIAGONAL,
  PATTERN_DOTS,
  PATTERN_HORIZONTAL,
  PATTERN_BACK_DIAGONAL,
  PATTERN_CROSS,
  PATTERN_VERTICAL,
  N_PATTERNS
} Pattern;

/* ---------------------------------------------------------------- helpers */

static BatonReportRgb
mix (const BatonReportRgb *a,
     const BatonReportRgb *b,
     double                t)
{
  BatonReportRgb out = {
    a->r + (b->r - a->r) * t,
    a->g + (b->g - a->g) * t,
    a->b + (b->b - a->b) * t,
  };

  return out;
}

/* Text from people goes into a chart on one line: line breaks and tabs
 * become spaces. */
static char *
one_line (const char *text)
{
  char *copy = g_strdup (text != NULL ? text : "");

  if (!g_utf8_validate (copy, -1, NULL))
    {
      g_free (copy);
      copy = g_utf8_make_valid (text, -1);
    }
  return g_strdelimit (copy, "\n\r\t\v\f", ' ');
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* A one-line layout of @text, ellipsized (at @ellipsize) to @max_width
 * points when it is wider. Paragraph direction stays left to right, so the
 * chart's geometry does not depend on the text; bidi still orders
 * right-to-left runs inside the line. */
static PangoLayout *
line_layout_new (cairo_t            *cr,
                 double              size,
                 gboolean            bold,
                 const char         *text,
                 double              max_width,
                 PangoEllipsizeMode  ellipsize)
{
  g_autofree char *line = one_line (text);
  PangoLayout *layout = baton_report_layout_new (cr, size, bold, -1);
  double w;

  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, line, -1);
  layout_size (layout, &w, NULL);
  if (max_width >= 0 && w > max_width)
    {
      pango_layout_set_width (layout, (int) floor (MAX (max_width, 1.0) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_CHAR);
      pango_layout_set_ellipsize (layout, ellipsize);
    }
  return layout;
}

/* The height of one line of small text in the report font: the box that
 * axis labels and legends get when the data is not at hand. */
static double
line_height (cairo_t  *cr,
             double    size,
             gboolean  bold)
{
  g_autoptr(PangoLayout) layout = baton_report_layout_new (cr, size, bold, -1);
  double h;

  pango_layout_set_text (layout, "Ag", -1);
  layout_size (layout, NULL, &h);
  return ceil (h);
}

/* Shows @layout with its top left at (@x, @y), scaled down when a
 * fallback font makes it taller than @box_height: a label never leaves
 * the box the chart gave it. */
static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             double       box_height)
{
  PangoRectangle logical;
  double h;

  pango_layout_get_extents (layout, NULL, &logical);
  h = (double) logical.height / PANGO_SCALE;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  if (box_height > 0 && h > box_height)
    cairo_scale (cr, box_height / h, box_height / h);
  cairo_translate (cr, -(double) logical.x / PANGO_SCALE, -(double) logical.y / PANGO_SCALE);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static char *
format_number (double value)
{
  if (fabs (value - round (value)) < 0.05)
    return g_strdup_printf ("%.0f", round (value));
  return g_strdup_printf ("%.1f", value);
}

char *
baton_chart_format_hours (double hours)
{
  g_autofree char *number = format_number (hours);

  /* Translators: hours on a chart's axis, e.g. "40 h" */
  return g_strdup_printf (_("%s h"), number);
}

char *
baton_chart_format_week (guint32 julian)
{
  char text[64] = "";
  GDate date;

  if (!g_date_valid_julian (julian))
    return g_strdup ("?");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  /* Translators: a week's first day under a chart, as short as possible,
   * in g_date_strftime () format ("7 Dec"; German: "%e. %b").
   * xgettext:no-c-format */
  if (g_date_strftime (text, sizeof text, C_("chart week", "%e %b"), &date) == 0)
    return g_strdup ("?");
  return g_strstrip (g_strdup (text));
}

/* Nice ticks for 0 … @max: a step of 1, 2 or 5 times a power of ten and
 * 2 to 4 intervals (3 to 5 ticks). */
static void
nice_axis (double  max,
           double *step,
           guint  *n_intervals)
{
  double magnitude;
  static const double factors[] = { 1, 2, 5, 10, 20, 50, 100 };

  if (!(max > 0) || !isfinite (max))
    max = 10;
  max = MAX (max, 1);

  magnitude = pow (10, floor (log10 (max)) - 1);
  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    {
      double s = factors[i] * magnitude;
      double n = ceil (max / s - 1e-9);

      if (n <= 4)
        {
          *step = s;
          *n_intervals = (guint) MAX (n, 2);
          return;
        }
    }
  *step = 100 * magnitude;
  *n_intervals = 4;
}

/* ---------------------------------------------------------------- patterns */

static void
fill_pattern (cairo_t              *cr,
              Pattern               pattern,
              const BatonReportRgb *ink,
              double                x,
              double                y,
              double                w,
              double                h,
              double                spacing)
{
  if (pattern == PATTERN_NONE || w <= 0 || h <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  baton_report_set_rgb (cr, ink);
  cairo_set_line_width (cr, 0.8);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  switch (pattern)
    {
    case PATTERN_DIAGONAL:
    case PATTERN_BACK_DIAGONAL:
    case PATTERN_CROSS:
      for (double d = -h; d < w + h; d += spacing)
        {
          if (pattern != PATTERN_BACK_DIAGONAL)
            {
              cairo_move_to (cr, x + d, y + h);
              cairo_line_to (cr, x + d + h, y);
            }
          if (pattern != PATTERN_DIAGONAL)
            {
              cairo_move_to (cr, x + d, y);
              cairo_line_to (cr, x + d + h, y + h);
            }
        }
      cairo_stroke (cr);
      break;

    case PATTERN_HORIZONTAL:
      for (double d = y + spacing / 2; d < y + h; d += spacing)
        {
          cairo_move_to (cr, x, d);
          cairo_line_to (cr, x + w, d);
        }
      cairo_stroke (cr);
      break;

    case PATTERN_VERTICAL:
      for (double d = x + spacing / 2; d < x + w; d += spacing)
        {
          cairo_move_to (cr, d, y);
          cairo_line_to (cr, d, y + h);
        }
      cairo_stroke (cr);
      break;

    case PATTERN_DOTS:
      for (double py = y + spacing / 2; py < y + h; py += spacing)
        for (double px = x + spacing / 2; px < x + w; px += spacing)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, px, py, 0.75, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      break;

    case PATTERN_NONE:
    case N_PATTERNS:
    default:
      break;
    }

  cairo_restore (cr);
}

/* ---------------------------------------------------------------- legends */

typedef enum
{
  SWATCH_STAGE,
  SWATCH_DONE_AREA,
  SWATCH_SCOPE_LINE,
  SWATCH_LOAD_OK,
  SWATCH_LOAD_OVER,
  SWATCH_CAPACITY_LINE,
} SwatchKind;

typedef struct
{
  SwatchKind      kind;
  BatonReportRgb  fill;
  Pattern         pattern;
  PangoLayout    *layout;
  double          text_width;
  double          text_height;
  double          x, y;      /* after the flow */
} LegendItem;

static void
legend_item_clear (LegendItem *item)
{
  g_clear_object (&item->layout);
}

static void
legend_add (GArray     *items,
            cairo_t    *cr,
            double      width,
            SwatchKind  kind,
            const char *text)
{
  LegendItem item = { 0 };

  item.kind = kind;
  /* A name longer than the line keeps its end ("· 4") and loses its middle. */
  item.layout = line_layout_new (cr, BATON_REPORT_SMALL_SIZE, FALSE, text,
                                 width - LEGEND_SWATCH - LEGEND_SWATCH_GAP,
                                 PANGO_ELLIPSIZE_MIDDLE);
  layout_size (item.layout, &item.text_width, &item.text_height);
  g_array_append_val (items, item);
}

/* Places the items left to right, wrapping over as many lines as needed;
 * answers the height they take. */
static double
legend_flow (GArray *items,
             double  width)
{
  double x = 0, y = 0, row_height = 0;

  for (guint i = 0; i < items->len; i++)
    {
      LegendItem *item = &g_array_index (items, LegendItem, i);
      double w = LEGEND_SWATCH + LEGEND_SWATCH_GAP + item->text_width;
      double h = MAX (LEGEND_SWATCH, item->text_height);

      if (x > 0 && x + w > width)
        {
          y += row_height + LEGEND_LINE_GAP;
          x = 0;
          row_height = 0;
        }
      item->x = x;
      item->y = y;
      row_height = MAX (row_height, h);
      x += w + LEGEND_ITEM_GAP;
    }

  /* Every item of a row is centred on the row's middle. */
  for (guint i = 0; i < items->len; i++)
    {
      LegendItem *item = &g_array_index (items, LegendItem, i);
      double row_h = 0;

      for (guint j = 0; j < items->len; j++)
        {
          LegendItem *other = &g_array_index (items, LegendItem, j);

          if (other->y == item->y)
            row_h = MAX (row_h, MAX (LEGEND_SWATCH, other->text_height));
        }
      item->y += (row_h - MAX (LEGEND_SWATCH, item->text_height)) / 2;
    }

  return items->len > 0 ? ceil (y + row_height) : 0;
}

static void
draw_swatch (cairo_t          *cr,
             const LegendItem *item,
             double            x,
             double            y)
{
  double s = LEGEND_SWATCH;

  cairo_save (cr);
  switch (item->kind)
    {
    case SWATCH_STAGE:
      baton_report_set_rgb (cr, &item->fill);
      cairo_rectangle (cr, x, y, s, s);
      cairo_fill (cr);
      {
        BatonReportRgb ink = mix (&item->fill, &black, 0.5);
        fill_pattern (cr, item->pattern, &ink, x, y, s, s, 3.0);
      }
      baton_report_set_rgb (cr, &baton_report_ink_muted);
      cairo_set_line_width (cr, 0.5);
      cairo_rectangle (cr, x + 0.25, y + 0.25, s - 0.5, s - 0.5);
      cairo_stroke (cr);
      break;

    case SWATCH_DONE_AREA:
      {
        BatonReportRgb area = mix (&white, &stage_hue, 0.3);
        BatonReportRgb line = mix (&stage_hue, &black, 0.35);

        baton_report_set_rgb (cr, &area);
        cairo_rectangle (cr, x, y + s / 2, s, s / 2);
        cairo_fill (cr);
        baton_report_set_rgb (cr, &line);
        cairo_set_line_width (cr, 2);
        cairo_move_to (cr, x, y + s / 2);
        cairo_line_to (cr, x + s, y + s / 2);
        cairo_stroke (cr);
      }
      break;

    case SWATCH_SCOPE_LINE:
      {
        double dash[] = { 2.5, 1.5 };

        baton_report_set_rgb (cr, &baton_report_ink);
        cairo_set_line_width (cr, 1.5);
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
        cairo_move_to (cr, x, y + s / 2);
        cairo_line_to (cr, x + s, y + s / 2);
        cairo_stroke (cr);
      }
      break;

    case SWATCH_LOAD_OK:
    case SWATCH_LOAD_OVER:
      {
        gboolean over = item->kind == SWATCH_LOAD_OVER;
        const BatonReportRgb *fill = &baton_report_level_colors[over ? 2 : 0];

        baton_report_set_rgb (cr, fill);
        cairo_rectangle (cr, x + 1, y, s - 2, s);
        cairo_fill (cr);
        if (over)
          {
            BatonReportRgb ink = mix (fill, &black, 0.6);
            fill_pattern (cr, PATTERN_DIAGONAL, &ink, x + 1, y, s - 2, s, 2.5);
          }
      }
      break;

    case SWATCH_CAPACITY_LINE:
      baton_report_set_rgb (cr, &baton_report_ink);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, x, y + s / 2);
      cairo_line_to (cr, x + s, y + s / 2);
      cairo_stroke (cr);
      break;

    default:
      break;
    }
  cairo_restore (cr);
}

static void
legend_draw (cairo_t *cr,
             GArray  *items,
             double   x0,
             double   y0)
{
  for (guint i = 0; i < items->len; i++)
    {
      LegendItem *item = &g_array_index (items, LegendItem, i);
      double h = MAX (LEGEND_SWATCH, item->text_height);

      draw_swatch (cr, item, x0 + item->x, y0 + item->y + (h - LEGEND_SWATCH) / 2);
      baton_report_set_rgb (cr, &baton_report_ink);
      show_layout (cr, item->layout,
                   x0 + item->x + LEGEND_SWATCH + LEGEND_SWATCH_GAP,
                   y0 + item->y + (h - item->text_height) / 2,
                   -1);
    }
}

static GArray *
legend_new (void)
{
  GArray *items = g_array_new (FALSE, TRUE, sizeof (LegendItem));

  g_array_set_clear_func (items, (GDestroyNotify) legend_item_clear);
  return items;
}

/* ---------------------------------------------------------------- stage bar */

typedef struct
{
  double          total;
  GArray         *legend;       /* LegendItem, one per segment */
  BatonReportRgb *fills;        /* per segment */
  Pattern        *patterns;     /* per segment */
  double          legend_height;
  double          height;
} StageLayout;

static void
stage_layout_clear (StageLayout *layout)
{
  g_clear_pointer (&layout->legend, g_array_unref);
  g_clear_pointer (&layout->fills, g_free);
  g_clear_pointer (&layout->patterns, g_free);
}

static void
stage_layout_compute (StageLayout             *layout,
                      cairo_t                 *cr,
                      double                   width,
                      const BatonChartSegment *segments,
                      guint                    n_segments)
{
  guint n_open = 0, open_index = 0;

  memset (layout, 0, sizeof *layout);
  layout->legend = legend_new ();
  layout->fills = g_new0 (BatonReportRgb, MAX (n_segments, 1));
  layout->patterns = g_new0 (Pattern, MAX (n_segments, 1));

  for (guint i = 0; i < n_segments; i++)
    {
      if (segments[i].value > 0 && isfinite (segments[i].value))
        layout->total += segments[i].value;
      if (!segments[i].is_done)
        n_open++;
    }

  /* Open stages from a light tint to the full hue, each with its own
   * pattern; done stages solid and darkest. */
  for (guint i = 0; i < n_segments; i++)
    {
      if (segments[i].is_done)
        {
          layout->fills[i] = mix (&stage_hue, &black, 0.55);
          layout->patterns[i] = PATTERN_NONE;
        }
      else
        {
          double t = n_open > 1 ? (double) open_index / (n_open - 1) : 0.5;

          layout->fills[i] = mix (&white, &stage_hue, 0.18 + 0.72 * t);
          layout->patterns[i] = open_index % N_PATTERNS;
          open_index++;
        }
    }

  layout->height = STAGE_BAR_HEIGHT;
  if (layout->total <= 0)
    return;

  for (guint i = 0; i < n_segments; i++)
    {
      g_autofree char *value = format_number (MAX (segments[i].value, 0));
      g_autofree char *line = one_line (segments[i].label);
      /* The name isolated, so a right-to-left name keeps its value after it. */
      g_autofree char *label = g_strdup_printf ("\u2068%s\u2069", line);
      /* Translators: a stage and its value in a chart's legend, "Review · 4" */
      g_autofree char *text = g_strdup_printf (_("%s · %s"), label, value);
      LegendItem *item;

      legend_add (layout->legend, cr, width, SWATCH_STAGE, text);
      item = &g_array_index (layout->legend, LegendItem, layout->legend->len - 1);
      item->fill = layout->fills[i];
      item->pattern = layout->patterns[i];
    }
  layout->legend_height = legend_flow (layout->legend, width);
  layout->height += STAGE_LEGEND_GAP + layout->legend_height;
}

double
baton_chart_stage_bar_get_height (cairo_t                 *cr,
                                  double                   width,
                                  const BatonChartSegment *segments,
                                  guint                    n_segments)
{
  StageLayout layout;
  double height;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (segments != NULL || n_segments == 0, 0);

  stage_layout_compute (&layout, cr, width, segments, n_segments);
  height = layout.height;
  stage_layout_clear (&layout);
  return height;
}

void
baton_chart_stage_bar_draw (cairo_t                 *cr,
                            double                   width,
                            const char              *value_unit,
                            const BatonChartSegment *segments,
                            guint                    n_segments)
{
  StageLayout layout;
  double x = 0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (segments != NULL || n_segments == 0);

  stage_layout_compute (&layout, cr, width, segments, n_segments);

  cairo_save (cr);

  if (layout.total <= 0)
    {
      g_autofree char *unit = one_line (value_unit != NULL ? value_unit : _("tasks"));
      /* Translators: the empty stage bar; %s is the unit, e.g. "tasks" */
      g_autofree char *text = g_strdup_printf (_("No %s"), unit);
      g_autoptr(PangoLayout) empty = line_layout_new (cr, BATON_REPORT_SMALL_SIZE, FALSE,
                                                      text, width - 8, PANGO_ELLIPSIZE_END);
      double tw, th;

      baton_report_set_rgb (cr, &baton_report_rule);
      cairo_set_line_width (cr, 0.75);
      cairo_rectangle (cr, 0.375, 0.375, width - 0.75, STAGE_BAR_HEIGHT - 0.75);
      cairo_stroke (cr);

      layout_size (empty, &tw, &th);
      baton_report_set_rgb (cr, &baton_report_ink_muted);
      show_layout (cr, empty, 4, (STAGE_BAR_HEIGHT - MIN (th, STAGE_BAR_HEIGHT - 2)) / 2,
                   STAGE_BAR_HEIGHT - 2);
      cairo_restore (cr);
      stage_layout_clear (&layout);
      return;
    }

  for (guint i = 0; i < n_segments; i++)
    {
      double value = segments[i].value;
      double w;

      if (!(value > 0) || !isfinite (value))
        continue;
      w = width * value / layout.total;

      baton_report_set_rgb (cr, &layout.fills[i]);
      cairo_rectangle (cr, x, 0, w, STAGE_BAR_HEIGHT);
      cairo_fill (cr);
      {
        BatonReportRgb ink = mix (&layout.fills[i], &black, 0.5);
        fill_pattern (cr, layout.patterns[i], &ink, x, 0, w, STAGE_BAR_HEIGHT, 4.0);
      }

      /* The value on a white chip, when chip and margins fit. */
      {
        g_autofree char *number = format_number (value);
        g_autoptr(PangoLayout) text = line_layout_new (cr, BATON_REPORT_SMALL_SIZE, FALSE,
                                                       number, -1, PANGO_ELLIPSIZE_NONE);
        double tw, th, chip_w, chip_h;

        layout_size (text, &tw, &th);
        chip_w = tw + 4;
        chip_h = MIN (th + 1, STAGE_BAR_HEIGHT - 4);
        if (chip_w + 4 <= w)
          {
            double cx = x + (w - chip_w) / 2;
            double cy = (STAGE_BAR_HEIGHT - chip_h) / 2;

            baton_report_set_rgb (cr, &white);
            cairo_rectangle (cr, cx, cy, chip_w, chip_h);
            cairo_fill (cr);
            baton_report_set_rgb (cr, &baton_report_ink);
            show_layout (cr, text, cx + 2, cy + (chip_h - MIN (th, chip_h)) / 2, chip_h);
          }
      }

      /* A white seam between segments. */
      if (x > 0)
        {
          baton_report_set_rgb (cr, &white);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, x, 0);
          cairo_line_to (cr, x, STAGE_BAR_HEIGHT);
          cairo_stroke (cr);
        }
      x += w;
    }

  legend_draw (cr, layout.legend, 0, STAGE_BAR_HEIGHT + STAGE_LEGEND_GAP);

  cairo_restore (cr);
  stage_layout_clear (&layout);
}

/* ---------------------------------------------------------------- axes */

/* The plot box, the y axis and the week labels shared by the burn-up and
 * the load chart. Weeks sit at the middles of equal slots. */
typedef struct
{
  double  x, y, width, height;  /* the plot box: y axis at x, 0 h at y + height */
  double  step;                 /* hours per tick */
  guint   n_intervals;
  double  top;                  /* hours at the top */
  double  label_height;         /* one line of small text */
  double  label_gap;            /* from the axis to the week labels */
  double  total_width;
  guint   n_weeks;
} Axes;

static double
axes_y (const Axes *axes,
        double      hours)
{
  return axes->y + axes->height - axes->height * CLAMP (hours, 0, axes->top) / axes->top;
}

static double
axes_slot (const Axes *axes)
{
  return axes->width / MAX (axes->n_weeks, 1);
}

static double
axes_x (const Axes *axes,
        guint       week)
{
  return axes->x + axes_slot (axes) * (week + 0.5);
}

/* Lays out the axes in the box (0, @top) – (@width, @bottom) where @bottom
 * includes the row of week labels. */
static void
axes_compute (Axes    *axes,
              cairo_t *cr,
              double   width,
              double   top,
              double   bottom,
              double   max_hours,
              guint    n_weeks)
{
  double label_w = 0;

  memset (axes, 0, sizeof *axes);
  axes->label_height = line_height (cr, BATON_REPORT_SMALL_SIZE, FALSE);
  axes->n_weeks = n_weeks;
  nice_axis (max_hours, &axes->step, &axes->n_intervals);
  axes->top = axes->step * axes->n_intervals;

  for (guint i = 0; i <= axes->n_intervals; i++)
    {
      g_autofree char *text = baton_chart_format_hours (axes->step * i);
      g_autoptr(PangoLayout) layout = line_layout_new (cr, BATON_REPORT_SMALL_SIZE, FALSE,
                                                       text, width / 2, PANGO_ELLIPSIZE_END);
      double w;

      layout_size (layout, &w, NULL);
      label_w = MAX (label_w, w);
    }

  axes->total_width = width;
  axes->x = ceil (label_w) + AXIS_GAP;
  axes->width = MAX (width - axes->x - 1, 1);
  /* The tick labels are centred on their lines: half a line above the
   * top one, half a line below "0 h", where the week labels start below
   * it (the first week label may reach under the "0 h"). */
  axes->y = top + axes->label_height / 2;
  axes->label_gap = MAX (AXIS_GAP, ceil (axes->label_height / 2) + 1);
  axes->height = MAX (bottom - axes->label_height - axes->label_gap - axes->y, 1);
}

static void
axes_draw_y (cairo_t    *cr,
             const Axes *axes)
{
  cairo_save (cr);
  cairo_set_line_width (cr, 0.5);

  for (guint i = 0; i <= axes->n_intervals; i++)
    {
      double hours = axes->step * i;
      double y = axes_y (axes, hours);
      g_autofree char *text = baton_chart_format_hours (hours);
      g_autoptr(PangoLayout) layout = line_layout_new (cr, BATON_REPORT_SMALL_SIZE, FALSE,
                                                       text, axes->x - AXIS_GAP,
                                                       PANGO_ELLIPSIZE_END);
      double w, h;

      baton_report_set_rgb (cr, i == 0 ? &baton_report_ink_muted : &baton_report_rule);
      cairo_move_to (cr, axes->x, y);
      cairo_line_to (cr, axes->x + axes->width, y);
      cairo_stroke (cr);

      layout_size (layout, &w, &h);
      h = MIN (h, axes->label_height);
      baton_report_set_rgb (cr, &baton_report_ink_muted);
      show_layout (cr, layout, axes->x - AXIS_GAP - w, y - h / 2, axes->label_height);
    }

  cairo_restore (cr);
}

/* Week dates under the plot: every k-th one, k chosen so the widest label
 * fits, and any label that would still touch the previous one left out. */
static void
axes_draw_x (cairo_t    *cr,
             const Axes *axes,
             guint32     (*week_of) (gconstpointer points, guint i),
             gconstpointer points)
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double widest = 0, slot = axes_slot (axes), last_right = -G_MAXDOUBLE;
  double y = axes->y + axes->height + axes->label_gap;
  guint every;

  for (guint i = 0; i < axes->n_weeks; i++)
    {
      g_autofree char *text = baton_chart_format_week (week_of (points, i));
      PangoLayout *layout = line_layout_new (cr, BATON_REPORT_SMALL_SIZE, FALSE, text,
                                             axes->total_width, PANGO_ELLIPSIZE_END);
      double w;

      layout_size (layout, &w, NULL);
      widest = MAX (widest, w);
      g_ptr_array_add (layouts, layout);
    }

  every = (guint) MAX (1, ceil ((widest + LABEL_GAP) / slot));

  cairo_save (cr);
  baton_report_set_rgb (cr, &baton_report_ink_muted);
  cairo_set_line_width (cr, 0.5);
  for (guint i = 0; i < axes->n_weeks; i += every)
    {
      PangoLayout *layout = g_ptr_array_index (layouts, i);
      double w, x, cx = axes_x (axes, i);

      layout_size (layout, &w, NULL);
      x = CLAMP (cx - w / 2, 0, axes->total_width - w);
      if (x < last_right + LABEL_GAP)
        continue;

      /* A tick from the axis to the label. */
      cairo_move_to (cr, cx, axes->y + axes->height);
      cairo_line_to (cr, cx, axes->y + axes->height + AXIS_GAP / 2);
      cairo_stroke (cr);
      show_layout (cr, layout, x, y, axes->label_height);
      last_right = x + w;
    }
  cairo_restore (cr);
}

/* ---------------------------------------------------------------- burn-up */

static guint32
burnup_week_of (gconstpointer points,
                guint         i)
{
  return ((const BatonChartBurnupPoint *) points)[i].week_start;
}

typedef struct
{
  GArray *legend;
  double  legend_height;
  Axes    axes;
} BurnupLayout;

static void
burnup_layout_compute (BurnupLayout                *layout,
                       cairo_t                     *cr,
                       double                       width,
                       const BatonChartBurnupPoint *points,
                       guint                        n_points)
{
  double max = 0;

  memset (layout, 0, sizeof *layout);
  layout->legend = legend_new ();
  legend_add (layout->legend, cr, width, SWATCH_DONE_AREA, _("Done"));
  legend_add (layout->legend, cr, width, SWATCH_SCOPE_LINE, _("Scope"));
  layout->legend_height = legend_flow (layout->legend, width);

  for (guint i = 0; i < n_points; i++)
    {
      if (isfinite (points[i].done))
        max = MAX (max, points[i].done);
      if (isfinite (points[i].scope))
        max = MAX (max, points[i].scope);
    }

  axes_compute (&layout->axes, cr, width, layout->legend_height + AXIS_GAP,
                BURNUP_HEIGHT, max, n_points);
}

double
baton_chart_burnup_get_height (cairo_t *cr,
                               double   width)
{
  g_return_val_if_fail (cr != NULL, 0);

  return BURNUP_HEIGHT;
}

static double
finite_or_zero (double value)
{
  return isfinite (value) ? value : 0;
}

void
baton_chart_burnup_draw (cairo_t                     *cr,
                         double                       width,
                         const BatonChartBurnupPoint *points,
                         guint                        n_points)
{
  BurnupLayout layout;
  const Axes *axes = &layout.axes;
  BatonReportRgb area = mix (&white, &stage_hue, 0.3);
  BatonReportRgb line = mix (&stage_hue, &black, 0.35);
  double dash[] = { 4, 2.5 };
  double base;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  burnup_layout_compute (&layout, cr, width, points, n_points);
  base = axes_y (axes, 0);

  cairo_save (cr);
  legend_draw (cr, layout.legend, 0, 0);
  axes_draw_y (cr, axes);

  if (n_points == 1)
    {
      /* One week: a column of done and a dashed scope mark across its slot. */
      double x = axes_x (axes, 0);
      double half = MIN (axes_slot (axes) * 0.3, 24);
      double done = axes_y (axes, finite_or_zero (points[0].done));
      double scope = axes_y (axes, finite_or_zero (points[0].scope));

      baton_report_set_rgb (cr, &area);
      cairo_rectangle (cr, x - half, done, 2 * half, base - done);
      cairo_fill (cr);
      baton_report_set_rgb (cr, &line);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, x - half, done);
      cairo_line_to (cr, x + half, done);
      cairo_stroke (cr);
      baton_report_set_rgb (cr, &baton_report_ink);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, x - half - 4, scope);
      cairo_line_to (cr, x + half + 4, scope);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else if (n_points > 1)
    {
      /* Done: the area under the line, then the line. */
      baton_report_set_rgb (cr, &area);
      cairo_move_to (cr, axes_x (axes, 0), base);
      for (guint i = 0; i < n_points; i++)
        cairo_line_to (cr, axes_x (axes, i), axes_y (axes, finite_or_zero (points[i].done)));
      cairo_line_to (cr, axes_x (axes, n_points - 1), base);
      cairo_close_path (cr);
      cairo_fill (cr);

      baton_report_set_rgb (cr, &line);
      cairo_set_line_width (cr, 2);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < n_points; i++)
        cairo_line_to (cr, axes_x (axes, i), axes_y (axes, finite_or_zero (points[i].done)));
      cairo_stroke (cr);

      /* Scope: dashed, in ink. */
      baton_report_set_rgb (cr, &baton_report_ink);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      for (guint i = 0; i < n_points; i++)
        cairo_line_to (cr, axes_x (axes, i), axes_y (axes, finite_or_zero (points[i].scope)));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* The axis line over the area. */
  baton_report_set_rgb (cr, &baton_report_ink_muted);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, axes->x, base);
  cairo_line_to (cr, axes->x + axes->width, base);
  cairo_stroke (cr);

  axes_draw_x (cr, axes, burnup_week_of, points);
  cairo_restore (cr);

  g_clear_pointer (&layout.legend, g_array_unref);
}

/* ---------------------------------------------------------------- load */

static guint32
load_week_of (gconstpointer points,
              guint         i)
{
  return ((const BatonChartLoadPoint *) points)[i].week_start;
}

typedef struct
{
  double  title_height;
  GArray *legend;
  double  legend_y;
  double  legend_height;
  double  mark_top;          /* the band for over marks above the plot */
  double  mark_height;
  double  height;
  Axes    axes;
} LoadLayout;

static void
load_layout_compute (LoadLayout                *layout,
                     cairo_t                   *cr,
                     double                     width,
                     const BatonChartLoadPoint *points,
                     guint                      n_points)
{
  double max = 0, y;

  memset (layout, 0, sizeof *layout);
  layout->title_height = line_height (cr, BATON_REPORT_H3_SIZE, TRUE);
  layout->legend = legend_new ();
  legend_add (layout->legend, cr, width, SWATCH_LOAD_OK, _("Load"));
  legend_add (layout->legend, cr, width, SWATCH_CAPACITY_LINE, _("Capacity"));
  legend_add (layout->legend, cr, width, SWATCH_LOAD_OVER, _("Over capacity"));
  layout->legend_height = legend_flow (layout->legend, width);

  y = layout->title_height + AXIS_GAP;
  layout->legend_y = y;
  y += layout->legend_height + AXIS_GAP;
  layout->mark_top = y;
  layout->mark_height = line_height (cr, BATON_REPORT_SMALL_SIZE, FALSE) + MARK_SIZE + 2;
  y += layout->mark_height;

  for (guint i = 0; points != NULL && i < n_points; i++)
    {
      if (isfinite (points[i].load))
        max = MAX (max, points[i].load);
      if (isfinite (points[i].capacity))
        max = MAX (max, points[i].capacity);
    }

  /* axes_compute () puts half a line above the plot for the top label;
   * the mark band already holds it. */
  {
    double label_h = line_height (cr, BATON_REPORT_SMALL_SIZE, FALSE);

    axes_compute (&layout->axes, cr, width, y - label_h / 2, y + LOAD_PLOT_HEIGHT, max, n_points);
    layout->height = layout->axes.y + layout->axes.height + layout->axes.label_gap + label_h;
  }
}

static gboolean
load_is_over (const BatonChartLoadPoint *point,
              double                     threshold)
{
  double load = finite_or_zero (point->load);
  double capacity = finite_or_zero (point->capacity);

  if (!(threshold > 0) || !isfinite (threshold))
    threshold = 1.0;
  if (load <= 0)
    return FALSE;
  if (capacity <= 0)
    return TRUE;   /* load with no capacity (time off) is over */
  return load > capacity * threshold + 1e-9;
}

static void
load_bar_rect (const LoadLayout          *layout,
               const BatonChartLoadPoint *points,
               guint                      i,
               BatonChartRect            *bar)
{
  const Axes *axes = &layout->axes;
  double slot = axes_slot (axes);
  double w = MIN (MAX (slot * 0.62, MIN (slot, 1)), 36);
  double top = axes_y (axes, finite_or_zero (points[i].load));

  bar->x = axes_x (axes, i) - w / 2;
  bar->width = w;
  bar->y = top;
  bar->height = axes_y (axes, 0) - top;
}

static char *
load_mark_text (const BatonChartLoadPoint *point)
{
  double capacity = finite_or_zero (point->capacity);

  if (capacity <= 0)
    return g_strdup ("");
  /* Translators: load as a share of capacity above an over-capacity bar */
  return g_strdup_printf (_("%.0f %%"), 100 * finite_or_zero (point->load) / capacity);
}

double
baton_chart_load_get_height (cairo_t *cr,
                             double   width)
{
  LoadLayout layout;
  double height;

  g_return_val_if_fail (cr != NULL, 0);

  load_layout_compute (&layout, cr, width, NULL, 0);
  height = layout.height;
  g_clear_pointer (&layout.legend, g_array_unref);
  return height;
}

gboolean
baton_chart_load_get_bar (cairo_t                   *cr,
                          double                     width,
                          const char                *title,
                          const BatonChartLoadPoint *points,
                          guint                      n_points,
                          double                     over_threshold,
                          guint                      index,
                          BatonChartRect            *bar,
                          BatonChartRect            *mark)
{
  LoadLayout layout;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (bar != NULL && mark != NULL, FALSE);

  if (index >= n_points || points == NULL)
    return FALSE;

  load_layout_compute (&layout, cr, width, points, n_points);
  load_bar_rect (&layout, points, index, bar);
  memset (mark, 0, sizeof *mark);
  if (load_is_over (&points[index], over_threshold))
    {
      mark->x = bar->x;
      mark->width = bar->width;
      mark->height = MARK_SIZE;
      mark->y = bar->y - 1 - MARK_SIZE;
    }
  g_clear_pointer (&layout.legend, g_array_unref);
  return TRUE;
}

void
baton_chart_load_draw (cairo_t                   *cr,
                       double                     width,
                       const char                *title,
                       const BatonChartLoadPoint *points,
                       guint                      n_points,
                       double                     over_threshold)
{
  LoadLayout layout;
  const Axes *axes = &layout.axes;
  const BatonReportRgb *ok = &baton_report_level_colors[0];
  const BatonReportRgb *over = &baton_report_level_colors[2];
  BatonReportRgb hatch = mix (over, &black, 0.6);
  double last_label_right = -G_MAXDOUBLE;
  double label_h;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (points != NULL || n_points == 0);

  load_layout_compute (&layout, cr, width, points, n_points);
  label_h = axes->label_height;

  cairo_save (cr);

  /* The title, on one line. */
  {
    g_autoptr(PangoLayout) text = line_layout_new (cr, BATON_REPORT_H3_SIZE, TRUE,
                                                   title, width, PANGO_ELLIPSIZE_END);

    baton_report_set_rgb (cr, &baton_report_ink);
    show_layout (cr, text, 0, 0, layout.title_height);
  }
  legend_draw (cr, layout.legend, 0, layout.legend_y);
  axes_draw_y (cr, axes);

  for (guint i = 0; i < n_points; i++)
    {
      BatonChartRect bar;
      gboolean is_over = load_is_over (&points[i], over_threshold);

      load_bar_rect (&layout, points, i, &bar);
      if (bar.height <= 0)
        continue;

      baton_report_set_rgb (cr, is_over ? over : ok);
      cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
      cairo_fill (cr);
      if (!is_over)
        continue;

      fill_pattern (cr, PATTERN_DIAGONAL, &hatch, bar.x, bar.y, bar.width, bar.height, 3.0);

      /* A triangle above the bar. */
      {
        double size = MIN (MARK_SIZE, MAX (bar.width, 2));
        double cx = bar.x + bar.width / 2;
        double bottom = bar.y - 1;

        baton_report_set_rgb (cr, &baton_report_ink);
        cairo_move_to (cr, cx - size / 2, bottom);
        cairo_line_to (cr, cx + size / 2, bottom);
        cairo_line_to (cr, cx, bottom - MARK_SIZE);
        cairo_close_path (cr);
        cairo_fill (cr);
      }
    }

  /* Capacity: a step line, one level per week, joined between weeks. */
  if (n_points > 0)
    {
      double slot = axes_slot (axes);

      baton_report_set_rgb (cr, &baton_report_ink);
      cairo_set_line_width (cr, 1.5);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
      for (guint i = 0; i < n_points; i++)
        {
          double y = axes_y (axes, finite_or_zero (points[i].capacity));
          double x0 = axes->x + slot * i;

          if (i == 0)
            cairo_move_to (cr, x0, y);
          else
            cairo_line_to (cr, x0, y);
          cairo_line_to (cr, x0 + slot, y);
        }
      cairo_stroke (cr);
    }

  /* Over each over bar, its share of capacity, on white, when it fits
   * beside the previous label; lifted over any bar or mark it spans. */
  for (guint i = 0; i < n_points; i++)
    {
      g_autofree char *mark_text = NULL;
      g_autoptr(PangoLayout) text = NULL;
      BatonChartRect bar;
      double tw, x, y;

      if (!load_is_over (&points[i], over_threshold))
        continue;
      mark_text = load_mark_text (&points[i]);
      if (mark_text[0] == '\0')
        continue;

      text = line_layout_new (cr, BATON_REPORT_SMALL_SIZE, FALSE, mark_text, -1,
                              PANGO_ELLIPSIZE_NONE);
      layout_size (text, &tw, NULL);
      load_bar_rect (&layout, points, i, &bar);
      x = CLAMP (bar.x + bar.width / 2 - tw / 2, axes->x, width - tw);
      if (x < last_label_right + 2 || x < 0)
        continue;

      y = bar.y - 1 - MARK_SIZE;
      for (guint j = 0; j < n_points; j++)
        {
          BatonChartRect other;
          double top;

          load_bar_rect (&layout, points, j, &other);
          if (other.x > x + tw + 1 || other.x + other.width < x - 1)
            continue;
          top = other.y - (load_is_over (&points[j], over_threshold) ? 1 + MARK_SIZE : 0);
          y = MIN (y, top);
        }
      y -= 1 + label_h;
      y = MAX (y, layout.mark_top);

      baton_report_set_rgb (cr, &white);
      cairo_rectangle (cr, x - 1, y, tw + 2, label_h);
      cairo_fill (cr);
      baton_report_set_rgb (cr, &baton_report_ink);
      show_layout (cr, text, x, y, label_h);
      last_label_right = x + tw;
    }

  baton_report_set_rgb (cr, &baton_report_ink_muted);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, axes->x, axes_y (axes, 0));
  cairo_line_to (cr, axes->x + axes->width, axes_y (axes, 0));
  cairo_stroke (cr);

  axes_draw_x (cr, axes, load_week_of, points);
  cairo_restore (cr);

  g_clear_pointer (&layout.legend, g_array_unref);
}
