/* baton-report-status.c — the client status report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-dates.h"
#include "baton-report-charts.h"
#include "baton-report-markdown.h"
#include "baton-report-status.h"
#include "baton-report-text.h"

void
baton_status_report_options_init (BatonStatusReportOptions *options,
                                  gint64                    client_id,
                                  guint32                   today)
{
  memset (options, 0, sizeof *options);
  options->client_id = client_id;
  options->today = today != 0 ? today : baton_date_today ();
  /* This week, Monday to Sunday. */
  options->from_day = baton_date_week_start (options->today, 1);
  options->to_day = options->from_day + 6;
  options->health = -1;
}

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static const char *
program_name_of (BatonStore *store,
                 BatonTask  *task)
{
  BatonProgram *program = baton_store_lookup_program (store, baton_task_get_program_id (task));

  return program != NULL ? baton_program_get_name (program) : "";
}

static const char *
assignee_name_of (BatonStore *store,
                  BatonTask  *task)
{
  BatonPerson *person = baton_store_lookup_person (store, baton_task_get_assignee_id (task));

  return person != NULL ? baton_person_get_name (person) : _("Unassigned");
}

/* Charts: a program's stage bar over its burn-up, as one block so that a
 * page break never parts them. */

#define CHART_GAP 12.0

typedef struct
{
  BatonChartSegment     *segments;
  char                 **labels;
  guint                  n_segments;
  BatonChartBurnupPoint *points;
  guint                  n_points;
} ProgramCharts;

static void
program_charts_free (gpointer data)
{
  ProgramCharts *charts = data;

  g_free (charts->segments);
  g_strfreev (charts->labels);
  g_free (charts->points);
  g_free (charts);
}

static double
program_charts_height (cairo_t  *cr,
                       double    width,
                       gpointer  data)
{
  ProgramCharts *charts = data;

  return baton_chart_stage_bar_get_height (cr, width, charts->segments, charts->n_segments) +
         CHART_GAP + baton_chart_burnup_get_height (cr, width);
}

static void
program_charts_draw (cairo_t  *cr,
                     double    width,
                     gpointer  data)
{
  ProgramCharts *charts = data;
  double stage_height = baton_chart_stage_bar_get_height (cr, width, charts->segments, charts->n_segments);

  baton_chart_stage_bar_draw (cr, width, _("tasks"), charts->segments, charts->n_segments);
  cairo_save (cr);
  cairo_translate (cr, 0, stage_height + CHART_GAP);
  baton_chart_burnup_draw (cr, width, charts->points, charts->n_points);
  cairo_restore (cr);
}

static void
add_program_charts (BatonReportDoc     *doc,
                    BatonStore         *store,
                    BatonReportProgram *program)
{
  ProgramCharts *charts = g_new0 (ProgramCharts, 1);

  charts->n_segments = program->stage_ids->len;
  charts->segments = g_new0 (BatonChartSegment, MAX (charts->n_segments, 1));
  charts->labels = g_new0 (char *, charts->n_segments + 1);
  for (guint i = 0; i < charts->n_segments; i++)
    {
      BatonStage *stage = baton_store_lookup_stage (store, g_array_index (program->stage_ids, gint64, i));

      charts->labels[i] = g_strdup (stage != NULL ? baton_stage_get_name (stage) : "");
      charts->segments[i].label = charts->labels[i];
      charts->segments[i].value = g_array_index (program->stage_counts, guint, i);
      charts->segments[i].is_done = stage != NULL && baton_stage_get_is_done (stage);
    }

  charts->n_points = program->burnup_weeks->len;
  charts->points = g_new0 (BatonChartBurnupPoint, MAX (charts->n_points, 1));
  for (guint i = 0; i < charts->n_points; i++)
    {
      charts->points[i].week_start = g_array_index (program->burnup_weeks, guint32, i);
      charts->points[i].done = g_array_index (program->burnup_done, double, i);
      charts->points[i].scope = g_array_index (program->burnup_scope, double, i);
    }
  baton_report_doc_add_chart (doc, program_charts_height, program_charts_draw, charts, program_charts_free);
}

/* Sections */

static void
add_header (BatonReportDoc                 *doc,
            BatonStore                     *store,
            BatonStatusReportData          *data,
            const BatonStatusReportOptions *options)
{
  BatonClient *client = data->client;
  const char *organization = baton_client_get_organization (client);
  g_autofree char *period = baton_report_format_period (data->from_day, data->to_day);
  g_autofree char *date = baton_report_format_date (data->today);
  g_autofree char *footer = NULL;
  g_autoptr(GString) programs = g_string_new (NULL);

  baton_report_doc_add_title (doc, _("Status report"), baton_client_get_name (client));
  if (organization != NULL && organization[0] != '\0' &&
      g_strcmp0 (organization, baton_client_get_name (client)) != 0)
    baton_report_doc_add_fact (doc, _("Organization"), organization);
  for (guint i = 0; i < data->programs->len; i++)
    {
      BatonReportProgram *program = g_ptr_array_index (data->programs, i);

      if (i > 0)
        g_string_append (programs, ", ");
      g_string_append (programs, baton_program_get_name (program->program));
    }
  baton_report_doc_add_fact (doc, g_dngettext (GETTEXT_PACKAGE, "Program", "Programs", data->programs->len),
                             data->programs->len > 0 ? programs->str : _("None"));
  baton_report_doc_add_fact (doc, _("Period"), period);
  baton_report_doc_add_fact (doc, _("Prepared by"),
                             options->author != NULL && options->author[0] != '\0'
                             ? options->author : baton_report_default_author ());
  baton_report_doc_add_fact (doc, _("Date"), date);

  /* Translators: the footer of a status report's pages: client · period */
  footer = g_strdup_printf (_("Status report · %s · %s"), baton_client_get_name (client), period);
  baton_report_doc_set_footer (doc, footer);
}

static void
add_status (BatonReportDoc                 *doc,
            BatonStatusReportData          *data,
            const BatonStatusReportOptions *options)
{
  BatonHealth health = options->health >= 0 ? (BatonHealth) MIN (options->health, BATON_HEALTH_LATE)
                                            : data->health;
  const char *reason = options->status_note != NULL && options->status_note[0] != '\0'
                       ? options->status_note : data->health_reason;
  g_autofree char *markup = escape (reason);

  baton_report_doc_add_section (doc, _("Overall status"));
  baton_report_doc_add_status (doc, baton_report_health_label (health),
                               baton_report_health_rgb (health), markup);
}

static void
add_deliverables (BatonReportDoc        *doc,
                  BatonStatusReportData *data)
{
  const char *headers[] = { _("Program"), _("Tasks done"), _("Hours done"),
                            _("Planned"), _("Forecast"), _("Status") };
  const double widths[] = { 3.2, 1.2, 1.6, 1.4, 1.4, 1.1 };
  const BatonCellAlign aligns[] = { BATON_CELL_START, BATON_CELL_END, BATON_CELL_END,
                                    BATON_CELL_START, BATON_CELL_START, BATON_CELL_START };
  BatonReportTable *table;

  baton_report_doc_add_section (doc, _("Deliverables"));
  if (data->programs->len == 0)
    {
      baton_report_doc_add_note (doc, _("This client has no programs to report on."));
      return;
    }

  table = baton_report_doc_add_table (doc, G_N_ELEMENTS (headers), headers, widths, aligns);
  for (guint i = 0; i < data->programs->len; i++)
    {
      BatonReportProgram *program = g_ptr_array_index (data->programs, i);
      g_autofree char *name = escape (baton_program_get_name (program->program));
      /* Translators: tasks done of all the tasks, "4 of 12" */
      g_autofree char *tasks = g_strdup_printf (_("%u of %u"), program->n_done, program->n_tasks);
      g_autofree char *done = baton_report_format_hours (program->done_hours);
      g_autofree char *total = baton_report_format_hours (program->estimate_hours);
      /* Translators: hours done of all the hours, "12 h of 40 h" */
      g_autofree char *hours = g_strdup_printf (_("%s of %s"), done, total);
      g_autofree char *planned = baton_report_format_date (program->planned_day);
      g_autofree char *forecast = baton_report_format_date (program->forecast_day);
      g_autofree char *status = g_strdup_printf (program->health == BATON_HEALTH_ON_TRACK ? "%s" : "<b>%s</b>",
                                                 baton_report_health_label (program->health));
      const char *cells[] = { name, tasks, hours, planned, forecast, status };
      double rgb[3];
      gboolean has_rgb = baton_report_color_to_rgb (baton_program_get_color (program->program), rgb);

      baton_report_table_add_row_full (table, cells, has_rgb ? rgb : NULL, FALSE);
    }
}

/* A table of tasks with one date column, or @empty when there are none. */
static void
add_task_table (BatonReportDoc *doc,
                BatonStore     *store,
                const char     *heading,
                const char     *empty,
                GArray         *tasks,
                const char     *date_header,
                gboolean        use_done_day)
{
  const char *headers[] = { _("Task"), _("Program"), _("Who"), date_header };
  const double widths[] = { 4.0, 2.4, 2.0, 1.4 };
  BatonReportTable *table;

  baton_report_doc_add_section (doc, heading);
  if (tasks->len == 0)
    {
      baton_report_doc_add_note (doc, empty);
      return;
    }

  table = baton_report_doc_add_table (doc, G_N_ELEMENTS (headers), headers, widths, NULL);
  for (guint i = 0; i < tasks->len; i++)
    {
      BatonReportTask *item = &g_array_index (tasks, BatonReportTask, i);
      g_autofree char *title = escape (baton_task_get_title (item->task));
      g_autofree char *program = escape (program_name_of (store, item->task));
      g_autofree char *who = escape (assignee_name_of (store, item->task));
      g_autofree char *date = baton_report_format_date (use_done_day ? item->done_day
                                                                     : baton_task_get_due_day (item->task));
      const char *cells[] = { title, program, who, date };

      baton_report_table_add_row (table, cells);
    }
}

static void
add_slipped (BatonReportDoc        *doc,
             BatonStore            *store,
             BatonStatusReportData *data)
{
  const char *headers[] = { _("Task"), _("Program"), _("Was due"), _("Now due"), _("Moved") };
  const double widths[] = { 4.0, 2.4, 1.4, 1.4, 1.2 };
  const BatonCellAlign aligns[] = { BATON_CELL_START, BATON_CELL_START, BATON_CELL_START,
                                    BATON_CELL_START, BATON_CELL_END };
  BatonReportTable *table;

  baton_report_doc_add_section (doc, _("Due dates moved"));
  if (data->slipped->len == 0)
    {
      baton_report_doc_add_note (doc, _("No due date moved later in this period."));
      return;
    }

  table = baton_report_doc_add_table (doc, G_N_ELEMENTS (headers), headers, widths, aligns);
  for (guint i = 0; i < data->slipped->len; i++)
    {
      BatonReportSlip *slip = &g_array_index (data->slipped, BatonReportSlip, i);
      g_autofree char *title = escape (baton_task_get_title (slip->task));
      g_autofree char *program = escape (program_name_of (store, slip->task));
      g_autofree char *was = baton_report_format_date (slip->from_day);
      g_autofree char *now = baton_report_format_date (slip->to_day);
      guint days = slip->to_day > slip->from_day ? slip->to_day - slip->from_day : 0;
      g_autofree char *later = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day later", "%u days later", days), days);
      const char *cells[] = { title, program, was, now, later };

      baton_report_table_add_row (table, cells);
    }
}

static void
add_risks (BatonReportDoc        *doc,
           BatonStore            *store,
           BatonStatusReportData *data)
{
  const char *headers[] = { _("Task"), _("Program"), _("Who"), _("Due"), _("Forecast"), _("Status") };
  const double widths[] = { 3.0, 2.0, 1.7, 1.6, 1.6, 1.1 };
  GArray *lists[] = { data->overdue, data->at_risk };
  BatonReportTable *table;

  baton_report_doc_add_section (doc, _("Overdue and at risk"));
  if (data->overdue->len == 0 && data->at_risk->len == 0)
    {
      baton_report_doc_add_note (doc, _("Nothing is overdue or at risk."));
      return;
    }

  table = baton_report_doc_add_table (doc, G_N_ELEMENTS (headers), headers, widths, NULL);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        BatonReportTask *item = &g_array_index (lists[l], BatonReportTask, i);
        g_autofree char *title = escape (baton_task_get_title (item->task));
        g_autofree char *program = escape (program_name_of (store, item->task));
        g_autofree char *who = escape (assignee_name_of (store, item->task));
        g_autofree char *due = baton_report_format_date (baton_task_get_due_day (item->task));
        g_autofree char *forecast = baton_report_format_date (item->forecast_day);
        g_autofree char *status = g_strdup_printf ("<b>%s</b>", baton_report_health_label (item->health));
        const char *cells[] = { title, program, who, due, forecast, status };

        baton_report_table_add_row (table, cells);
      }
}

static void
add_notes (BatonReportDoc        *doc,
           BatonStatusReportData *data)
{
  const char *decisions[] = { "Decisions", _("Decisions"), NULL };
  const char *actions[] = { "Action items", _("Action items"), NULL };
  guint n_quoted = 0;

  baton_report_doc_add_section (doc, _("Decisions and action items"));
  for (guint i = 0; i < data->notes->len; i++)
    {
      BatonNote *note = g_ptr_array_index (data->notes, i);
      const char *body = baton_note_get_body (note);
      g_autoptr(BatonReportDoc) probe = baton_report_doc_new ("", NULL);
      g_autofree char *title = baton_report_markdown_to_plain (baton_note_get_title (note));

      /* Only notes that record any. */
      if (baton_report_add_markdown_section (probe, body, decisions) == 0 &&
          baton_report_add_markdown_section (probe, body, actions) == 0)
        continue;

      baton_report_doc_add_subsection (doc, title[0] != '\0' ? title : _("Untitled note"));
      if (baton_report_add_markdown_section (probe, body, decisions) > 0)
        {
          g_autofree char *label = g_strdup_printf ("<b>%s</b>", _("Decisions"));

          baton_report_doc_add_paragraph (doc, label);
          baton_report_add_markdown_section (doc, body, decisions);
        }
      if (baton_report_add_markdown_section (probe, body, actions) > 0)
        {
          g_autofree char *label = g_strdup_printf ("<b>%s</b>", _("Action items"));

          baton_report_doc_add_paragraph (doc, label);
          baton_report_add_markdown_section (doc, body, actions);
        }
      n_quoted++;
    }

  if (data->notes->len == 0)
    baton_report_doc_add_note (doc, _("No notes were written in this period."));
  else if (n_quoted == 0)
    baton_report_doc_add_note (doc, _("The notes of this period record no decisions or action items."));
}

static void
add_staffing (BatonReportDoc        *doc,
              BatonStatusReportData *data)
{
  const char *headers[] = { _("Role"), _("People"), _("Hours needed"), _("Hours available"), _("Balance") };
  const double widths[] = { 3.0, 1.0, 1.6, 1.6, 2.0 };
  const BatonCellAlign aligns[] = { BATON_CELL_START, BATON_CELL_END, BATON_CELL_END,
                                    BATON_CELL_END, BATON_CELL_END };
  g_autofree char *period = baton_report_format_period (data->next_from_day, data->next_to_day);
  g_autofree char *intro = NULL;
  BatonReportTable *table;

  baton_report_doc_add_section (doc, _("Staffing"));
  if (data->staffing->len == 0)
    {
      baton_report_doc_add_note (doc, _("No work is planned for the next period."));
      return;
    }
  /* Translators: %s is a period, "9 Mar 2026 – 15 Mar 2026" */
  intro = g_strdup_printf (_("Hours this client’s open work needs in the next period (%s), against the hours its people have left."),
                           period);
  baton_report_doc_add_note (doc, intro);

  table = baton_report_doc_add_table (doc, G_N_ELEMENTS (headers), headers, widths, aligns);
  for (guint i = 0; i < data->staffing->len; i++)
    {
      BatonReportStaffing *line = &g_array_index (data->staffing, BatonReportStaffing, i);
      g_autofree char *role = escape (line->role != NULL ? baton_role_get_name (line->role) : _("No role"));
      g_autofree char *people = g_strdup_printf ("%u", line->n_people);
      g_autofree char *needed = baton_report_format_hours (line->needed_hours);
      g_autofree char *available = baton_report_format_hours (line->available_hours);
      double gap = line->available_hours - line->needed_hours;
      g_autofree char *amount = baton_report_format_hours (ABS (gap));
      /* Translators: a role lacks hours, "Short by 6 h" */
      g_autofree char *balance = gap < -0.05 ? g_strdup_printf (_("<b>Short by %s</b>"), amount)
                                             /* Translators: a role has hours to spare, "12 h to spare" */
                                             : g_strdup_printf (_("%s to spare"), amount);
      const char *cells[] = { role, people, needed, available, balance };
      double rgb[3];
      gboolean has_rgb = line->role != NULL && baton_report_color_to_rgb (baton_role_get_color (line->role), rgb);

      baton_report_table_add_row_full (table, cells, has_rgb ? rgb : NULL, FALSE);
    }
}

static void
add_programs (BatonReportDoc        *doc,
              BatonStore            *store,
              BatonStatusReportData *data)
{
  if (data->programs->len == 0)
    return;

  baton_report_doc_add_section (doc, _("Programs"));
  for (guint i = 0; i < data->programs->len; i++)
    {
      BatonReportProgram *program = g_ptr_array_index (data->programs, i);

      baton_report_doc_add_subsection (doc, baton_program_get_name (program->program));
      add_program_charts (doc, store, program);
    }
}

BatonReportDoc *
baton_status_report_new (BatonStore                     *store,
                         const BatonCapacitySettings    *settings,
                         const BatonStatusReportOptions *options,
                         GError                        **error)
{
  g_autoptr(BatonStatusReportData) data = NULL;
  g_autofree char *title = NULL;
  BatonReportDoc *doc;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  data = baton_status_report_data_new (store, settings, options->client_id, options->program_ids,
                                       options->from_day, options->to_day,
                                       options->today != 0 ? options->today : baton_date_today (),
                                       error);
  if (data == NULL)
    return NULL;

  /* Translators: a status report's title in the PDF's properties, %s is the client */
  title = g_strdup_printf (_("Status report: %s"), baton_client_get_name (data->client));
  doc = baton_report_doc_new (title, options->author != NULL && options->author[0] != '\0'
                                     ? options->author : baton_report_default_author ());

  add_header (doc, store, data, options);
  add_status (doc, data, options);
  add_deliverables (doc, data);
  add_task_table (doc, store, _("Completed this period"), _("Nothing was completed in this period."),
                  data->completed, _("Completed"), TRUE);
  add_slipped (doc, store, data);
  add_task_table (doc, store, _("Planned for the next period"), _("Nothing is planned for the next period."),
                  data->next, _("Due"), FALSE);
  add_risks (doc, store, data);
  add_notes (doc, data);
  add_staffing (doc, data);
  add_programs (doc, store, data);

  return doc;
}
