/* baton-report-capacity.c — the capacity report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "baton-dates.h"
#include "baton-duration.h"
#include "baton-report-charts.h"
#include "baton-report-status.h"
#include "baton-report-text.h"

/* Weeks per table: a name column and this many weeks fit a portrait page. */
#define WEEKS_PER_TABLE 7

typedef struct
{
  char                *title;
  BatonChartLoadPoint *points;
  guint                n;
  double               over_threshold;
} LoadChart;

static void
load_chart_free (gpointer data)
{
  LoadChart *chart = data;

  g_free (chart->title);
  g_free (chart->points);
  g_free (chart);
}

static double
load_chart_height (cairo_t  *cr,
                   double    width,
                   gpointer  data)
{
  return baton_chart_load_get_height (cr, width);
}

static void
load_chart_draw (cairo_t  *cr,
                 double    width,
                 gpointer  data)
{
  LoadChart *chart = data;

  baton_chart_load_draw (cr, width, chart->title, chart->points, chart->n, chart->over_threshold);
}

/* The name of a row (free it). */
static char *
row_name (BatonReportLoadRow *row)
{
  if (row->person != NULL && baton_person_get_placeholder (row->person))
    /* Translators: a placeholder person in a report, %s is their name */
    return g_strdup_printf (_("%s (placeholder)"), baton_person_get_name (row->person));
  if (row->person != NULL)
    return g_strdup (baton_person_get_name (row->person));
  if (row->role != NULL)
    return g_strdup (baton_role_get_name (row->role));
  return g_strdup (_("No role"));
}

static LoadChart *
load_chart_new (BatonCapacityReportData     *data,
                BatonReportLoadRow          *row,
                const BatonCapacitySettings *settings)
{
  LoadChart *chart = g_new0 (LoadChart, 1);

  chart->title = row_name (row);
  chart->n = data->n_weeks;
  chart->over_threshold = settings->over_threshold;
  chart->points = g_new0 (BatonChartLoadPoint, MAX (chart->n, 1));
  for (guint w = 0; w < chart->n; w++)
    {
      chart->points[w].week_start = g_array_index (data->week_starts, guint32, w);
      chart->points[w].load = g_array_index (row->load_hours, double, w);
      chart->points[w].capacity = g_array_index (row->capacity_hours, double, w);
    }
  return chart;
}

/* Charts two by two. */
static void
add_load_charts (BatonReportDoc              *doc,
                 BatonCapacityReportData     *data,
                 GPtrArray                   *rows,
                 const BatonCapacitySettings *settings)
{
  for (guint i = 0; i < rows->len; i += 2)
    {
      LoadChart *a = load_chart_new (data, g_ptr_array_index (rows, i), settings);
      LoadChart *b = i + 1 < rows->len ? load_chart_new (data, g_ptr_array_index (rows, i + 1), settings) : NULL;

      if (b != NULL)
        baton_report_doc_add_charts (doc, load_chart_height, load_chart_draw, a,
                                     load_chart_height, load_chart_draw, b, load_chart_free);
      else
        baton_report_doc_add_charts (doc, load_chart_height, load_chart_draw, a,
                                     NULL, NULL, NULL, load_chart_free);
    }
}

static char *
hours_number (double hours)
{
  return baton_duration_format_hours (hours * 60.0);
}

/* A table for weeks [@first, @first + @n): a name column, then a column
 * per week headed by its first day. */
static BatonReportTable *
add_week_table (BatonReportDoc          *doc,
                BatonCapacityReportData *data,
                guint                    first,
                guint                    n,
                const char              *name_header)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *widths = g_new (double, n + 1);
  g_autofree BatonCellAlign *aligns = g_new0 (BatonCellAlign, n + 1);

  g_ptr_array_add (headers, g_strdup (name_header));
  widths[0] = 2.6;
  for (guint w = 0; w < n; w++)
    {
      g_ptr_array_add (headers, baton_report_format_day (g_array_index (data->week_starts, guint32, first + w)));
      widths[w + 1] = 1.0;
      aligns[w + 1] = BATON_CELL_END;
    }
  g_ptr_array_add (headers, NULL);

  return baton_report_doc_add_table (doc, n + 1, (const char * const *) headers->pdata, widths, aligns);
}

/* Tables of load / capacity per week, @WEEKS_PER_TABLE weeks each; a week
 * over capacity is bold and marked "▲" (not by colour alone). */
static void
add_load_tables (BatonReportDoc              *doc,
                 BatonCapacityReportData     *data,
                 GPtrArray                   *rows,
                 const char                  *name_header,
                 gboolean                     person_rows)
{
  for (guint first = 0; first < data->n_weeks; first += WEEKS_PER_TABLE)
    {
      guint n = MIN (WEEKS_PER_TABLE, data->n_weeks - first);
      BatonReportTable *table = add_week_table (doc, data, first, n, name_header);
      for (guint r = 0; r < rows->len; r++)
        {
          BatonReportLoadRow *row = g_ptr_array_index (rows, r);
          g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
          double rgb[3];
          gboolean has_rgb = person_rows && row->person != NULL
                             ? baton_report_color_to_rgb (baton_person_get_color (row->person), rgb)
                             : row->role != NULL && baton_report_color_to_rgb (baton_role_get_color (row->role), rgb);

          g_autofree char *name = row_name (row);

          g_ptr_array_add (cells, g_markup_escape_text (name, -1));
          for (guint w = first; w < first + n; w++)
            {
              g_autofree char *load = hours_number (g_array_index (row->load_hours, double, w));
              g_autofree char *capacity = hours_number (g_array_index (row->capacity_hours, double, w));
              BatonLoadLevel level = g_array_index (row->levels, BatonLoadLevel, w);

              if (level == BATON_LOAD_OVER)
                g_ptr_array_add (cells, g_strdup_printf ("<b>▲ %s</b>/%s", load, capacity));
              else
                g_ptr_array_add (cells, g_strdup_printf ("%s/%s", load, capacity));
            }
          g_ptr_array_add (cells, NULL);
          baton_report_table_add_row_full (table, (const char * const *) cells->pdata,
                                           has_rgb ? rgb : NULL, FALSE);
        }
    }
}

static void
add_summary (BatonReportDoc          *doc,
             BatonCapacityReportData *data)
{
  const char *headers[] = { _("Role"), _("Load"), _("Capacity"), _("Use"), _("Weeks over") };
  const double widths[] = { 3.0, 1.4, 1.4, 1.0, 1.2 };
  const BatonCellAlign aligns[] = { BATON_CELL_START, BATON_CELL_END, BATON_CELL_END,
                                    BATON_CELL_END, BATON_CELL_END };
  g_autofree char *over = NULL;
  BatonReportTable *table;

  baton_report_doc_add_section (doc, _("Summary"));
  over = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u person-week is over capacity.",
                                       "%u person-weeks are over capacity.",
                                       data->n_over_cells),
                          data->n_over_cells);
  baton_report_doc_add_paragraph (doc, over);

  if (data->roles->len == 0)
    return;
  table = baton_report_doc_add_table (doc, G_N_ELEMENTS (headers), headers, widths, aligns);
  for (guint i = 0; i < data->roles->len; i++)
    {
      BatonReportLoadRow *row = g_ptr_array_index (data->roles, i);
      g_autofree char *plain = row_name (row);
      g_autofree char *name = g_markup_escape_text (plain, -1);
      g_autofree char *load = baton_report_format_hours (row->total_load_hours);
      g_autofree char *capacity = baton_report_format_hours (row->total_capacity_hours);
      g_autofree char *use = row->total_capacity_hours > 0
                             ? g_strdup_printf ("%.0f %%", 100.0 * row->total_load_hours / row->total_capacity_hours)
                             : g_strdup ("—");
      g_autofree char *weeks = g_strdup_printf ("%u", row->n_over_weeks);
      const char *cells[] = { name, load, capacity, use, weeks };
      double rgb[3];
      gboolean has_rgb = row->role != NULL && baton_report_color_to_rgb (baton_role_get_color (row->role), rgb);

      baton_report_table_add_row_full (table, cells, has_rgb ? rgb : NULL, FALSE);
    }
}

static void
add_unassigned (BatonReportDoc          *doc,
                BatonCapacityReportData *data)
{
  baton_report_doc_add_section (doc, _("Unassigned demand"));
  if (data->unassigned_roles->len == 0)
    {
      baton_report_doc_add_note (doc, _("Every task in these weeks has someone assigned."));
      return;
    }

  for (guint first = 0; first < data->n_weeks; first += WEEKS_PER_TABLE)
    {
      guint n = MIN (WEEKS_PER_TABLE, data->n_weeks - first);
      BatonReportTable *table = add_week_table (doc, data, first, n, _("Role"));
      for (guint r = 0; r < data->unassigned_roles->len; r++)
        {
          BatonRole *role = g_ptr_array_index (data->unassigned_roles, r);
          GArray *hours = g_ptr_array_index (data->unassigned_hours, r);
          g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

          g_ptr_array_add (cells, g_markup_escape_text (role != NULL ? baton_role_get_name (role) : _("No role"), -1));
          for (guint w = first; w < first + n; w++)
            g_ptr_array_add (cells, baton_report_format_hours (g_array_index (hours, double, w)));
          g_ptr_array_add (cells, NULL);
          baton_report_table_add_row (table, (const char * const *) cells->pdata);
        }
    }
}

BatonReportDoc *
baton_capacity_report_new (BatonStore                  *store,
                           const BatonCapacitySettings *settings,
                           guint32                      first_day,
                           guint                        n_weeks,
                           guint32                      today,
                           const char                  *author,
                           GError                     **error)
{
  g_autoptr(BatonCapacityReportData) data = NULL;
  g_autofree char *period = NULL;
  g_autofree char *date = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *n_people = NULL;
  BatonReportDoc *doc;
  guint32 last_day;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  if (today == 0)
    today = baton_date_today ();
  data = baton_capacity_report_data_new (store, settings, first_day, n_weeks, today, error);
  if (data == NULL)
    return NULL;

  if (author == NULL || author[0] == '\0')
    author = baton_report_default_author ();
  last_day = data->first_week + 7 * data->n_weeks - 1;
  period = baton_report_format_period (data->first_week, last_day);
  date = baton_report_format_date (today);
  n_people = g_strdup_printf ("%u", data->people->len);

  doc = baton_report_doc_new (_("Capacity report"), author);
  /* Translators: the footer of a capacity report's pages, %s is a period */
  footer = g_strdup_printf (_("Capacity report · %s"), period);
  baton_report_doc_set_footer (doc, footer);

  baton_report_doc_add_title (doc, _("Capacity report"), NULL);
  baton_report_doc_add_fact (doc, _("Period"), period);
  baton_report_doc_add_fact (doc, _("People"), n_people);
  baton_report_doc_add_fact (doc, _("Prepared by"), author);
  baton_report_doc_add_fact (doc, _("Date"), date);

  add_summary (doc, data);

  baton_report_doc_add_section (doc, _("By role"));
  baton_report_doc_add_note (doc, _("Hours of work with each role against the hours of the people whose main role it is; “▲” marks a week over capacity."));
  add_load_charts (doc, data, data->roles, settings);
  add_load_tables (doc, data, data->roles, _("Role"), FALSE);

  baton_report_doc_add_section (doc, _("By person"));
  if (data->people->len == 0)
    baton_report_doc_add_note (doc, _("There is nobody in the team yet."));
  else
    {
      add_load_tables (doc, data, data->people, _("Person"), TRUE);
      add_load_charts (doc, data, data->people, settings);
    }

  add_unassigned (doc, data);

  return doc;
}
