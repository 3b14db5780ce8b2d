/* test-report-charts.c — the reports' charts stay in their boxes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each chart is drawn into a recording surface, whose ink extents must lie
 * inside the box the chart was given (its width, and the height its
 * _get_height () answers), and into an image surface whose pixels show the
 * over-capacity marks. No display needed.
 *
 * BATON_CHARTS_PNG_DIR=DIR writes a PNG of each case to DIR, to look at.
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "baton-report-charts.h"
#include "baton-report-charts-private.h"

#define HALF_WIDTH 240.0
#define FULL_WIDTH 480.0
/* A column of a table, a phone-sized preview. */
#define NARROW_WIDTH 90.0

/* The recording surface rounds ink extents out to whole units and adds
 * a unit for antialiasing. */
#define TOLERANCE 1.0

static const char *arabic = "مراجعة المحتوى التدريبي";
static const char *cjk = "教学设计审查阶段";
static const char *emoji = "Review 🎓📚✅ 👩🏽‍💻";

static char *
long_name (void)
{
  GString *s = g_string_new (NULL);

  while (s->len < 500)
    g_string_append (s, "Instructional design of the onboarding program ");
  g_string_truncate (s, 500);
  return g_string_free (s, FALSE);
}

typedef void (*DrawFunc) (cairo_t *cr, double width, gconstpointer data);

typedef struct
{
  const BatonChartSegment *segments;
  guint                    n;
  const char              *unit;
} StageCase;

typedef struct
{
  const BatonChartBurnupPoint *points;
  guint                        n;
} BurnupCase;

typedef struct
{
  const char                *title;
  const BatonChartLoadPoint *points;
  guint                      n;
  double                     threshold;
} LoadCase;

static double
measure_height (const char    *kind,
                double         width,
                gconstpointer  data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double h = 0;

  if (g_str_equal (kind, "stage"))
    {
      const StageCase *c = data;
      h = baton_chart_stage_bar_get_height (cr, width, c->segments, c->n);
    }
  else if (g_str_equal (kind, "burnup"))
    h = baton_chart_burnup_get_height (cr, width);
  else
    h = baton_chart_load_get_height (cr, width);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return h;
}

static void
draw (const char    *kind,
      cairo_t       *cr,
      double         width,
      gconstpointer  data)
{
  if (g_str_equal (kind, "stage"))
    {
      const StageCase *c = data;
      baton_chart_stage_bar_draw (cr, width, c->unit, c->segments, c->n);
    }
  else if (g_str_equal (kind, "burnup"))
    {
      const BurnupCase *c = data;
      baton_chart_burnup_draw (cr, width, c->points, c->n);
    }
  else
    {
      const LoadCase *c = data;
      baton_chart_load_draw (cr, width, c->title, c->points, c->n, c->threshold);
    }
}

static void
maybe_write_png (const char    *name,
                 const char    *kind,
                 double         width,
                 double         height,
                 gconstpointer  data)
{
  const char *dir = g_getenv ("BATON_CHARTS_PNG_DIR");
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  const double scale = 2;

  if (dir == NULL || dir[0] == '\0')
    return;

  g_mkdir_with_parents (dir, 0755);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int) ceil ((width + 20) * scale),
                                        (int) ceil ((height + 20) * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  /* The box, in a faint colour, to see the chart keeps inside it. */
  cairo_set_source_rgb (cr, 1, 0.85, 0.85);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, 10 - 0.25, 10 - 0.25, width + 0.5, height + 0.5);
  cairo_stroke (cr);
  cairo_translate (cr, 10, 10);
  draw (kind, cr, width, data);
  cairo_destroy (cr);

  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* Draws the chart into a recording surface and asserts its ink lies within
 * [0, width] × [0, height]. */
static void
assert_inside (const char    *name,
               const char    *kind,
               double         width,
               gconstpointer  data,
               gboolean       fills_box)
{
  double height = measure_height (kind, width, data);
  cairo_surface_t *surface;
  cairo_t *cr;
  double x, y, w, h;

  g_assert_cmpfloat (height, >, 0);
  /* Asking twice answers the same. */
  g_assert_cmpfloat (height, ==, measure_height (kind, width, data));

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  draw (kind, cr, width, data);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
  cairo_surface_destroy (surface);

  g_debug ("%s: box %g × %g, ink %g,%g %g × %g", name, width, height, x, y, w, h);
  g_assert_cmpfloat (w, >, 0);
  g_assert_cmpfloat (x, >=, -TOLERANCE);
  g_assert_cmpfloat (y, >=, -TOLERANCE);
  g_assert_cmpfloat (x + w, <=, width + TOLERANCE);
  g_assert_cmpfloat (y + h, <=, height + TOLERANCE);
  /* The last thing drawn (a legend line, the week labels) ends near the
   * bottom: the answered height holds no spare room. A chart of no
   * weeks has no labels. */
  if (fills_box)
    g_assert_cmpfloat (y + h, >=, height - 8);

  maybe_write_png (name, kind, width, height, data);
}

/* ------------------------------------------------------------ stage bar */

static void
check_stages (const char              *name,
              const BatonChartSegment *segments,
              guint                    n)
{
  StageCase c = { segments, n, "tasks" };
  g_autofree char *half = g_strdup_printf ("stage-%s-half", name);
  g_autofree char *full = g_strdup_printf ("stage-%s-full", name);
  g_autofree char *narrow = g_strdup_printf ("stage-%s-narrow", name);

  assert_inside (full, "stage", FULL_WIDTH, &c, TRUE);
  assert_inside (half, "stage", HALF_WIDTH, &c, TRUE);
  assert_inside (narrow, "stage", NARROW_WIDTH, &c, TRUE);
}

static void
test_stage_bar_plain (void)
{
  const BatonChartSegment segments[] = {
    { "Backlog", 6, FALSE },
    { "Analysis", 3, FALSE },
    { "Design", 0, FALSE },
    { "Development", 8, FALSE },
    { "Review", 4, FALSE },
    { "Delivered", 12, TRUE },
  };

  check_stages ("plain", segments, G_N_ELEMENTS (segments));
}

static void
test_stage_bar_hostile (void)
{
  g_autofree char *name = long_name ();
  const BatonChartSegment segments[] = {
    { name, 5, FALSE },
    { arabic, 1, FALSE },
    { cjk, 2, FALSE },
    { emoji, 0.5, FALSE },
    { "<b>&amp; \n tab\there", 1000, FALSE },
    { name, 7, TRUE },
  };

  check_stages ("hostile", segments, G_N_ELEMENTS (segments));
}

static void
test_stage_bar_many (void)
{
  BatonChartSegment segments[30];
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    {
      char *label = g_strdup_printf ("Stage %u", i + 1);

      g_ptr_array_add (names, label);
      segments[i].label = label;
      segments[i].value = i % 3 == 0 ? 0 : i;
      segments[i].is_done = i == G_N_ELEMENTS (segments) - 1;
    }
  check_stages ("many", segments, G_N_ELEMENTS (segments));
}

static void
test_stage_bar_empty (void)
{
  const BatonChartSegment segments[] = {
    { "Backlog", 0, FALSE },
    { "Delivered", 0, TRUE },
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  check_stages ("all-zero", segments, G_N_ELEMENTS (segments));
  check_stages ("none", NULL, 0);

  /* Nothing to show: the bar alone, no legend. */
  g_assert_cmpfloat (baton_chart_stage_bar_get_height (cr, FULL_WIDTH, segments, 2), ==,
                     baton_chart_stage_bar_get_height (cr, FULL_WIDTH, NULL, 0));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A legend that wraps takes more lines at half the width. */
static void
test_stage_bar_legend_wraps (void)
{
  const BatonChartSegment segments[] = {
    { "Backlog", 6, FALSE },
    { "Analysis", 3, FALSE },
    { "Design", 1, FALSE },
    { "Development", 8, FALSE },
    { "Review", 4, FALSE },
    { "Delivered", 12, TRUE },
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double full = baton_chart_stage_bar_get_height (cr, FULL_WIDTH, segments, 6);
  double half = baton_chart_stage_bar_get_height (cr, HALF_WIDTH, segments, 6);
  double narrow = baton_chart_stage_bar_get_height (cr, 80, segments, 6);

  g_assert_cmpfloat (full, <, half);
  g_assert_cmpfloat (half, <, narrow);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* ------------------------------------------------------------ burn-up */

static void
check_burnup (const char                  *name,
              const BatonChartBurnupPoint *points,
              guint                        n)
{
  BurnupCase c = { points, n };
  g_autofree char *half = g_strdup_printf ("burnup-%s-half", name);
  g_autofree char *full = g_strdup_printf ("burnup-%s-full", name);
  g_autofree char *narrow = g_strdup_printf ("burnup-%s-narrow", name);

  assert_inside (full, "burnup", FULL_WIDTH, &c, n > 0);
  assert_inside (half, "burnup", HALF_WIDTH, &c, n > 0);
  assert_inside (narrow, "burnup", NARROW_WIDTH, &c, n > 0);
}

static guint32
monday (guint week)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 7, G_DATE_DECEMBER, 2026);
  return g_date_get_julian (&date) + 7 * week;
}

static void
test_burnup (void)
{
  BatonChartBurnupPoint points[40];

  for (guint i = 0; i < 10; i++)
    {
      points[i].week_start = monday (i);
      points[i].done = i * 11.5;
      points[i].scope = 120 + (i > 4 ? 30 : 0);
    }
  check_burnup ("ten", points, 10);

  for (guint i = 0; i < 40; i++)
    {
      points[i].week_start = monday (i);
      points[i].done = i * i * 0.9;
      points[i].scope = 1500;
    }
  check_burnup ("forty", points, 40);

  points[0].done = 4;
  points[0].scope = 12;
  check_burnup ("one", points, 1);

  for (guint i = 0; i < 6; i++)
    {
      points[i].week_start = monday (i);
      points[i].done = 0;
      points[i].scope = 0;
    }
  check_burnup ("zero", points, 6);
  check_burnup ("none", NULL, 0);
}

/* ------------------------------------------------------------ load */

static void
check_load (const char                *name,
            const char                *title,
            const BatonChartLoadPoint *points,
            guint                      n)
{
  LoadCase c = { title, points, n, 1.0 };
  g_autofree char *half = g_strdup_printf ("load-%s-half", name);
  g_autofree char *full = g_strdup_printf ("load-%s-full", name);
  g_autofree char *narrow = g_strdup_printf ("load-%s-narrow", name);

  assert_inside (full, "load", FULL_WIDTH, &c, n > 0);
  assert_inside (half, "load", HALF_WIDTH, &c, n > 0);
  assert_inside (narrow, "load", NARROW_WIDTH, &c, n > 0);
}

static void
test_load_edges (void)
{
  g_autofree char *title = long_name ();
  BatonChartLoadPoint points[40];

  for (guint i = 0; i < 13; i++)
    {
      points[i].week_start = monday (i);
      points[i].capacity = i == 4 || i == 5 ? 0 : 40;
      points[i].load = 20 + 3.5 * i;
    }
  check_load ("thirteen", "Instructional designers", points, 13);
  check_load ("long-title", title, points, 13);
  check_load ("arabic", arabic, points, 13);
  check_load ("cjk", cjk, points, 13);
  check_load ("emoji", emoji, points, 13);

  for (guint i = 0; i < 40; i++)
    {
      points[i].week_start = monday (i);
      points[i].capacity = 32;
      points[i].load = i % 5 == 0 ? 48 : 30;
    }
  check_load ("forty", "Ana Lima", points, 40);

  /* Only time off: no capacity at all, some load. */
  for (guint i = 0; i < 4; i++)
    {
      points[i].week_start = monday (i);
      points[i].capacity = 0;
      points[i].load = i == 2 ? 6 : 0;
    }
  check_load ("time-off", "Ana Lima", points, 4);

  points[0].capacity = 40;
  points[0].load = 44;
  check_load ("one", "Ana Lima", points, 1);

  for (guint i = 0; i < 4; i++)
    points[i] = (BatonChartLoadPoint) { monday (i), 0, 0 };
  check_load ("zero", "Ana Lima", points, 4);
  check_load ("none", "", NULL, 0);
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int ix = (int) floor (x), iy = (int) floor (y);

  g_assert_cmpint (ix, >=, 0);
  g_assert_cmpint (iy, >=, 0);
  g_assert_cmpint (ix, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (iy, <, cairo_image_surface_get_height (surface));
  return ((const guint32 *) (data + iy * stride))[ix] & 0xffffff;
}

/* How many different colours a box holds. */
static guint
count_colours (cairo_surface_t      *surface,
               const BatonChartRect *box)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (double y = box->y + 0.5; y < box->y + box->height; y += 1)
    for (double x = box->x + 0.5; x < box->x + box->width; x += 1)
      g_hash_table_add (seen, GUINT_TO_POINTER (pixel_at (surface, x, y)));
  return g_hash_table_size (seen);
}

/* The colour most pixels of a box have: a bar's fill under its hatch. */
static guint32
main_colour (cairo_surface_t      *surface,
             const BatonChartRect *box)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint32 best = 0;
  guint best_count = 0;

  for (double y = box->y + 0.5; y < box->y + box->height; y += 1)
    for (double x = box->x + 0.5; x < box->x + box->width; x += 1)
      {
        gpointer pixel = GUINT_TO_POINTER (pixel_at (surface, x, y));

        g_hash_table_insert (counts, pixel,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, pixel)) + 1));
      }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_count)
      {
        best_count = GPOINTER_TO_UINT (value);
        best = GPOINTER_TO_UINT (key);
      }
  return best;
}

static gboolean
has_dark (cairo_surface_t      *surface,
          const BatonChartRect *box)
{
  for (double y = box->y + 0.5; y < box->y + box->height; y += 1)
    for (double x = box->x + 0.5; x < box->x + box->width; x += 1)
      {
        guint32 p = pixel_at (surface, x, y);
        guint grey = (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 3;

        if (grey < 100)
          return TRUE;
      }
  return FALSE;
}

/* An over bar looks unlike an ok bar: another colour, a hatch (several
 * colours inside), and a mark above it; the ok bar has none of these. */
static void
test_load_over_marked (void)
{
  const BatonChartLoadPoint points[] = {
    { monday (0), 20, 40 },   /* ok: 50 % */
    { monday (1), 60, 40 },   /* over: 150 % */
    { monday (2), 10, 0 },    /* over: load in a week off */
    { monday (3), 40, 40 },   /* ok: exactly at capacity */
  };
  double width = FULL_WIDTH;
  cairo_surface_t *surface;
  cairo_t *cr;
  BatonChartRect ok_bar, ok_mark, over_bar, over_mark, off_bar, off_mark, full_bar, full_mark;
  BatonChartRect inner, above;
  double height;
  guint32 ok_colour, over_colour;
  const double scale = 2;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cr = cairo_create (surface);
  height = baton_chart_load_get_height (cr, width);
  g_assert_true (baton_chart_load_get_bar (cr, width, "Team", points, 4, 1.0, 0, &ok_bar, &ok_mark));
  g_assert_true (baton_chart_load_get_bar (cr, width, "Team", points, 4, 1.0, 1, &over_bar, &over_mark));
  g_assert_true (baton_chart_load_get_bar (cr, width, "Team", points, 4, 1.0, 2, &off_bar, &off_mark));
  g_assert_true (baton_chart_load_get_bar (cr, width, "Team", points, 4, 1.0, 3, &full_bar, &full_mark));
  g_assert_false (baton_chart_load_get_bar (cr, width, "Team", points, 4, 1.0, 4, &full_bar, &full_mark));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_cmpfloat (ok_mark.height, ==, 0);
  g_assert_cmpfloat (full_mark.height, ==, 0);
  g_assert_cmpfloat (over_mark.height, >, 0);
  g_assert_cmpfloat (off_mark.height, >, 0);
  g_assert_cmpfloat (over_bar.height, >, ok_bar.height);

  /* A 2× image, white paper. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (width * scale),
                                        (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  baton_chart_load_draw (cr, width, "Team", points, 4, 1.0);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

#define SCALED(r) ((BatonChartRect) { (r).x * scale, (r).y * scale, (r).width * scale, (r).height * scale })
  /* Inside the bars, away from the capacity line and the edges. */
  inner = (BatonChartRect) { over_bar.x + 1, over_bar.y + over_bar.height - 14, over_bar.width - 2, 12 };
  over_colour = main_colour (surface, &SCALED (inner));
  g_assert_cmpuint (count_colours (surface, &SCALED (inner)), >=, 3);
  inner = (BatonChartRect) { ok_bar.x + 1, ok_bar.y + ok_bar.height - 14, ok_bar.width - 2, 12 };
  ok_colour = main_colour (surface, &SCALED (inner));
  g_assert_cmpuint (count_colours (surface, &SCALED (inner)), ==, 1);

  g_assert_cmpuint (ok_colour, !=, 0xffffff);
  g_assert_cmpuint (over_colour, !=, 0xffffff);
  g_assert_cmpuint (ok_colour, !=, over_colour);

  /* The mark: dark ink right above the over bars, none above the ok ones. */
  g_assert_true (has_dark (surface, &SCALED (over_mark)));
  g_assert_true (has_dark (surface, &SCALED (off_mark)));
  above = (BatonChartRect) { ok_bar.x, ok_bar.y - 1 - 5, ok_bar.width, 5 };
  g_assert_false (has_dark (surface, &SCALED (above)));
#undef SCALED

  cairo_surface_destroy (surface);
}

/* The same data at a lower threshold marks more bars. */
static void
test_load_threshold (void)
{
  const BatonChartLoadPoint points[] = {
    { monday (0), 36, 40 },
  };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (surface);
  BatonChartRect bar, mark;

  g_assert_true (baton_chart_load_get_bar (cr, FULL_WIDTH, "x", points, 1, 1.0, 0, &bar, &mark));
  g_assert_cmpfloat (mark.height, ==, 0);
  g_assert_true (baton_chart_load_get_bar (cr, FULL_WIDTH, "x", points, 1, 0.85, 0, &bar, &mark));
  g_assert_cmpfloat (mark.height, >, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
check_labels (const char *week,
              const char *whole,
              const char *half)
{
  g_autofree char *w = baton_chart_format_week (monday (0));
  g_autofree char *h1 = baton_chart_format_hours (40);
  g_autofree char *h2 = baton_chart_format_hours (2.5);

  g_assert_cmpstr (w, ==, week);
  g_assert_cmpstr (h1, ==, whole);
  g_assert_cmpstr (h2, ==, half);
}

static void
test_labels (void)
{
  check_labels ("7 Dec", "40 h", "2.5 h");
}

/* German: month names and decimal commas from the locale. */
static void
test_labels_german (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));

  if (setlocale (LC_ALL, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("no de_DE.UTF-8 locale");
      return;
    }
  check_labels ("7 Dez", "40 h", "2,5 h");

  /* German week labels and hours stay in the box. */
  {
    BatonChartBurnupPoint points[12];
    BatonChartLoadPoint load[12];
    BurnupCase burnup = { points, G_N_ELEMENTS (points) };
    LoadCase c = { "Entwicklung", load, G_N_ELEMENTS (load), 1.0 };

    for (guint i = 0; i < G_N_ELEMENTS (points); i++)
      {
        points[i] = (BatonChartBurnupPoint) { monday (i), i * 1.25, 15.5 };
        load[i] = (BatonChartLoadPoint) { monday (i), 2.5 * i, 16 };
      }
    assert_inside ("burnup-german-half", "burnup", HALF_WIDTH, &burnup, TRUE);
    assert_inside ("load-german-half", "load", HALF_WIDTH, &c, TRUE);
  }
  setlocale (LC_ALL, saved);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-charts/labels/c", test_labels);
  g_test_add_func ("/report-charts/labels/german", test_labels_german);
  g_test_add_func ("/report-charts/stage-bar/plain", test_stage_bar_plain);
  g_test_add_func ("/report-charts/stage-bar/hostile", test_stage_bar_hostile);
  g_test_add_func ("/report-charts/stage-bar/many", test_stage_bar_many);
  g_test_add_func ("/report-charts/stage-bar/empty", test_stage_bar_empty);
  g_test_add_func ("/report-charts/stage-bar/legend-wraps", test_stage_bar_legend_wraps);
  g_test_add_func ("/report-charts/burnup/edges", test_burnup);
  g_test_add_func ("/report-charts/load/edges", test_load_edges);
  g_test_add_func ("/report-charts/load/over-marked", test_load_over_marked);
  g_test_add_func ("/report-charts/load/threshold", test_load_threshold);

  return g_test_run ();
}
