/* baton-report-data.c — what the status and capacity reports say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read-only: every figure comes from the store's lists, its activity log
 * and one capacity matrix; nothing here writes. The rules are those of
 * baton-report-data.h.
 */

#define G_LOG_DOMAIN "baton-report-data"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "baton-dates.h"
#include "baton-report-data.h"
#include "baton-workload.h"

/* Working days ahead within which an early task is at risk. */
#define AT_RISK_WORKDAYS 5
/* Hours a day an unassigned task gets done at. */
#define DEFAULT_DAY_MINUTES (6 * 60)
#define MAX_BURNUP_WEEKS 26
#define MAX_REPORT_WEEKS 104

static inline gint64
record_id (gpointer record)
{
  return baton_record_get_id (BATON_RECORD (record));
}

static double
hours (double minutes)
{
  return minutes / 60.0;
}

/* The @n-th working day after @day (@n ≥ 1). */
static guint32
add_workdays (const BatonCapacitySettings *settings,
              guint32                      day,
              guint                        n)
{
  /* No working day at all: count calendar days. */
  guint mask = settings->workdays_mask != 0 ? settings->workdays_mask : 0x7f;

  while (n > 0)
    {
      day++;
      if (baton_date_is_workday (day, mask))
        n--;
    }
  return day;
}

/* Stages -------------------------------------------------------------- */

static gboolean
task_is_done (BatonStore *store,
              BatonTask  *task)
{
  BatonStage *stage = baton_store_lookup_stage (store, baton_task_get_stage_id (task));

  return stage != NULL && baton_stage_get_is_done (stage);
}

/* The index of @task's stage among the open stages in position order,
 * and their number; -1 for a done or unknown stage. */
static gint
open_stage_index (BatonStore *store,
                  BatonTask  *task,
                  guint      *n_open)
{
  GListModel *stages = baton_store_get_stages (store);
  guint n = g_list_model_get_n_items (stages);
  gint64 stage_id = baton_task_get_stage_id (task);
  gint index = -1;

  *n_open = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);

      if (baton_stage_get_is_done (stage))
        continue;
      if (record_id (stage) == stage_id)
        index = (gint) *n_open;
      (*n_open)++;
    }

  return index;
}

/* Rules for one task --------------------------------------------------- */

guint32
baton_report_forecast_task (BatonStore                  *store,
                            const BatonCapacitySettings *settings,
                            BatonTask                   *task,
                            guint32                      today)
{
  guint32 due;
  gint64 estimate;
  double day_minutes = DEFAULT_DAY_MINUTES;
  double remaining;
  BatonPerson *assignee;
  guint n_open;
  gint index;
  guint days;

  g_return_val_if_fail (BATON_IS_STORE (store), 0);
  g_return_val_if_fail (settings != NULL, 0);
  g_return_val_if_fail (BATON_IS_TASK (task), 0);

  due = baton_task_get_due_day (task);
  estimate = MAX (baton_task_get_estimate_minutes (task), 0);
  if (due != 0 && due >= today)
    return due;
  if (due == 0 && estimate == 0)
    return 0;

  index = open_stage_index (store, task, &n_open);
  remaining = index >= 0 && n_open > 0 ? (double) estimate * (n_open - (guint) index) / n_open : 0;

  assignee = baton_store_lookup_person (store, baton_task_get_assignee_id (task));
  if (assignee != NULL && baton_person_get_weekly_capacity_minutes (assignee) > 0)
    day_minutes = (double) baton_person_get_weekly_capacity_minutes (assignee) /
                  MAX (baton_workdays_per_week (settings->workdays_mask), 1);

  days = (guint) ceil (remaining / day_minutes - 1e-9);
  return add_workdays (settings, today, MAX (days, 1));
}

BatonHealth
baton_report_task_health (BatonStore                  *store,
                          const BatonCapacitySettings *settings,
                          BatonCapacity               *capacity,
                          BatonTask                   *task,
                          guint32                      today)
{
  guint32 due;
  guint n_open;
  gint index;

  g_return_val_if_fail (BATON_IS_STORE (store), BATON_HEALTH_ON_TRACK);
  g_return_val_if_fail (settings != NULL, BATON_HEALTH_ON_TRACK);
  g_return_val_if_fail (BATON_IS_TASK (task), BATON_HEALTH_ON_TRACK);

  if (baton_task_get_archived (task) || task_is_done (store, task))
    return BATON_HEALTH_ON_TRACK;

  due = baton_task_get_due_day (task);
  if (due != 0 && due < today)
    return BATON_HEALTH_LATE;

  index = open_stage_index (store, task, &n_open);
  if (due != 0 && due <= add_workdays (settings, today, AT_RISK_WORKDAYS) &&
      index >= 0 && 2 * (guint) index < n_open)
    return BATON_HEALTH_AT_RISK;

  if (capacity != NULL && baton_capacity_task_is_over (capacity, task))
    return BATON_HEALTH_AT_RISK;

  return BATON_HEALTH_ON_TRACK;
}

/* What the log says of one task ---------------------------------------- */

typedef struct
{
  BatonTask *task;            /* borrowed */
  GPtrArray *activity;        /* BatonActivity, oldest first */
  gboolean   has_completion;  /* any "completed" or "reopened" row */
  guint32    done_day;        /* done now: when it was completed; else 0 */
} TaskLog;

static void
task_log_clear (TaskLog *log)
{
  g_clear_pointer (&log->activity, g_ptr_array_unref);
}

static gboolean
is_completion (BatonActivity *row)
{
  const char *kind = baton_activity_get_kind (row);

  return g_strcmp0 (kind, BATON_ACTIVITY_COMPLETED) == 0 ||
         g_strcmp0 (kind, BATON_ACTIVITY_REOPENED) == 0;
}

static void
task_log_init (TaskLog    *log,
               BatonStore *store,
               BatonTask  *task)
{
  log->task = task;
  log->activity = baton_store_get_task_activity (store, task);
  log->has_completion = FALSE;
  log->done_day = 0;

  for (guint i = 0; i < log->activity->len; i++)
    {
      BatonActivity *row = g_ptr_array_index (log->activity, i);

      if (!is_completion (row))
        continue;
      log->has_completion = TRUE;
      if (g_strcmp0 (baton_activity_get_kind (row), BATON_ACTIVITY_COMPLETED) == 0)
        log->done_day = baton_timestamp_day (baton_activity_get_at (row));
      else
        log->done_day = 0;
    }

  if (!log->has_completion)
    log->done_day = baton_timestamp_day (baton_task_get_completed_at (task));

  if (!task_is_done (store, task))
    log->done_day = 0;
  else if (log->done_day == 0)
    log->done_day = MAX (baton_timestamp_day (baton_task_get_updated_at (task)), 1);
}

/* Was the task done at the end of @day? */
static gboolean
task_log_done_by (const TaskLog *log,
                  guint32        day)
{
  gboolean done = FALSE;

  if (!log->has_completion)
    return log->done_day != 0 && log->done_day <= day;

  for (guint i = 0; i < log->activity->len; i++)
    {
      BatonActivity *row = g_ptr_array_index (log->activity, i);

      if (!is_completion (row))
        continue;
      if (baton_timestamp_day (baton_activity_get_at (row)) > day)
        break;
      done = g_strcmp0 (baton_activity_get_kind (row), BATON_ACTIVITY_COMPLETED) == 0;
    }

  return done;
}

static gboolean
is_due_change (BatonActivity *row)
{
  return g_strcmp0 (baton_activity_get_kind (row), BATON_ACTIVITY_DUE_DATE) == 0;
}

static guint32
value_day (const char *value)
{
  guint32 julian;

  return value != NULL && baton_date_parse (value, &julian) ? julian : 0;
}

/* The first due date the log knows, else the due date. */
static guint32
task_log_planned_day (const TaskLog *log)
{
  for (guint i = 0; i < log->activity->len; i++)
    {
      BatonActivity *row = g_ptr_array_index (log->activity, i);
      guint32 day;

      if (!is_due_change (row))
        continue;
      if ((day = value_day (baton_activity_get_old_value (row))) != 0 ||
          (day = value_day (baton_activity_get_new_value (row))) != 0)
        return day;
    }

  return baton_task_get_due_day (log->task);
}

/* Whether the due date moved later, net, during [@from, @to]. */
static gboolean
task_log_slip (const TaskLog   *log,
               guint32          from,
               guint32          to,
               BatonReportSlip *slip)
{
  gboolean any = FALSE;

  for (guint i = 0; i < log->activity->len; i++)
    {
      BatonActivity *row = g_ptr_array_index (log->activity, i);
      guint32 day;

      if (!is_due_change (row))
        continue;
      day = baton_timestamp_day (baton_activity_get_at (row));
      if (day < from || day > to)
        continue;
      if (!any)
        slip->from_day = value_day (baton_activity_get_old_value (row));
      slip->to_day = value_day (baton_activity_get_new_value (row));
      slip->changed_day = day;
      any = TRUE;
    }

  return any && slip->from_day != 0 && slip->to_day > slip->from_day;
}

/* Reports ------------------------------------------------------------- */

static void
report_task_clear (gpointer data)
{
  BatonReportTask *item = data;

  g_clear_object (&item->task);
}

static void
report_slip_clear (gpointer data)
{
  BatonReportSlip *slip = data;

  g_clear_object (&slip->task);
}

static void
staffing_clear (gpointer data)
{
  BatonReportStaffing *line = data;

  g_clear_object (&line->role);
}

static void
report_program_free (BatonReportProgram *program)
{
  g_clear_object (&program->program);
  g_clear_pointer (&program->stage_ids, g_array_unref);
  g_clear_pointer (&program->stage_counts, g_array_unref);
  g_clear_pointer (&program->stage_hours, g_array_unref);
  g_clear_pointer (&program->burnup_weeks, g_array_unref);
  g_clear_pointer (&program->burnup_done, g_array_unref);
  g_clear_pointer (&program->burnup_scope, g_array_unref);
  g_free (program);
}

void
baton_status_report_data_free (BatonStatusReportData *data)
{
  if (data == NULL)
    return;

  g_clear_object (&data->client);
  g_free (data->health_reason);
  g_clear_pointer (&data->programs, g_ptr_array_unref);
  g_clear_pointer (&data->completed, g_array_unref);
  g_clear_pointer (&data->slipped, g_array_unref);
  g_clear_pointer (&data->next, g_array_unref);
  g_clear_pointer (&data->overdue, g_array_unref);
  g_clear_pointer (&data->at_risk, g_array_unref);
  g_clear_pointer (&data->notes, g_ptr_array_unref);
  g_clear_pointer (&data->staffing, g_array_unref);
  g_free (data);
}

static GArray *
report_task_array (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (BatonReportTask));

  g_array_set_clear_func (array, report_task_clear);
  return array;
}

static gint
compare_titles (BatonTask *a,
                BatonTask *b)
{
  gint cmp = g_utf8_collate (baton_task_get_title (a) ? baton_task_get_title (a) : "",
                             baton_task_get_title (b) ? baton_task_get_title (b) : "");

  if (cmp != 0)
    return cmp;
  return record_id (a) < record_id (b) ? -1 : record_id (a) > record_id (b);
}

/* Days, with 0 (none) last. */
static gint
compare_days (guint32 a,
              guint32 b)
{
  if (a == b)
    return 0;
  if (a == 0 || b == 0)
    return a == 0 ? 1 : -1;
  return a < b ? -1 : 1;
}

/* By day, then by title. */
static gint
compare_dated (guint32    day_a,
               BatonTask *a,
               guint32    day_b,
               BatonTask *b)
{
  gint cmp = compare_days (day_a, day_b);

  return cmp != 0 ? cmp : compare_titles (a, b);
}

static gint
compare_by_due (gconstpointer pa,
                gconstpointer pb)
{
  const BatonReportTask *a = pa, *b = pb;

  return compare_dated (baton_task_get_due_day (a->task), a->task, baton_task_get_due_day (b->task), b->task);
}

static gint
compare_by_done (gconstpointer pa,
                 gconstpointer pb)
{
  const BatonReportTask *a = pa, *b = pb;

  return compare_dated (a->done_day, a->task, b->done_day, b->task);
}

static gint
compare_slips (gconstpointer pa,
               gconstpointer pb)
{
  const BatonReportSlip *a = pa, *b = pb;

  return compare_dated (a->changed_day, a->task, b->changed_day, b->task);
}

static gint
compare_programs (gconstpointer pa,
                  gconstpointer pb)
{
  const BatonReportProgram *a = *(BatonReportProgram * const *) pa;
  const BatonReportProgram *b = *(BatonReportProgram * const *) pb;
  gint cmp = g_utf8_collate (baton_program_get_name (a->program) ? baton_program_get_name (a->program) : "",
                             baton_program_get_name (b->program) ? baton_program_get_name (b->program) : "");

  if (cmp != 0)
    return cmp;
  return record_id (a->program) < record_id (b->program) ? -1 : 1;
}

static gint
compare_notes (gconstpointer pa,
               gconstpointer pb)
{
  BatonNote *a = *(BatonNote * const *) pa;
  BatonNote *b = *(BatonNote * const *) pb;
  gint cmp = g_strcmp0 (baton_note_get_created_at (a), baton_note_get_created_at (b));

  if (cmp != 0)
    return cmp;
  return record_id (a) < record_id (b) ? -1 : record_id (a) > record_id (b);
}

/* The status report ----------------------------------------------------- */

typedef struct
{
  BatonStore                  *store;
  const BatonCapacitySettings *settings;
  BatonStatusReportData       *data;
  GHashTable                  *programs;   /* program id → BatonReportProgram* */
  GPtrArray                   *tasks;      /* BatonTask (borrowed): the reported ones */
  GArray                      *logs;       /* TaskLog, parallel to @tasks */
  BatonCapacity               *capacity;
} StatusBuilder;

static gboolean
invalid (GError     **error,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError     **error,
         const char  *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

static gboolean
choose_programs (StatusBuilder  *b,
                 BatonClient    *client,
                 GArray         *program_ids,
                 GError        **error)
{
  gint64 client_id = record_id (client);

  if (program_ids != NULL && program_ids->len > 0)
    {
      for (guint i = 0; i < program_ids->len; i++)
        {
          gint64 id = g_array_index (program_ids, gint64, i);
          BatonProgram *program = baton_store_lookup_program (b->store, id);

          if (program == NULL)
            return invalid (error, _("There is no program with the id %lld."), (long long) id);
          if (baton_program_get_client_id (program) != client_id)
            return invalid (error, _("The program “%s” is not one of %s’s programs."),
                            baton_program_get_name (program), baton_client_get_name (client));
          if (baton_program_get_archived (program))
            continue;
          g_hash_table_insert (b->programs, program, NULL);
        }
    }
  else
    {
      GListModel *programs = baton_store_get_programs (b->store);

      for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
        {
          g_autoptr(BatonProgram) program = g_list_model_get_item (programs, i);

          if (baton_program_get_client_id (program) == client_id && !baton_program_get_archived (program))
            g_hash_table_insert (b->programs, program, NULL);
        }
    }

  return TRUE;
}

static BatonReportProgram *
report_program_new (StatusBuilder *b,
                    BatonProgram  *program)
{
  GListModel *stages = baton_store_get_stages (b->store);
  guint n_stages = g_list_model_get_n_items (stages);
  BatonReportProgram *item = g_new0 (BatonReportProgram, 1);

  item->program = g_object_ref (program);
  item->planned_day = value_day (baton_program_get_due_date (program));
  item->stage_ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n_stages);
  item->stage_counts = g_array_sized_new (FALSE, TRUE, sizeof (guint), n_stages);
  item->stage_hours = g_array_sized_new (FALSE, TRUE, sizeof (double), n_stages);
  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);
      gint64 id = record_id (stage);

      g_array_append_val (item->stage_ids, id);
    }
  g_array_set_size (item->stage_counts, n_stages);
  g_array_set_size (item->stage_hours, n_stages);
  item->burnup_weeks = g_array_new (FALSE, TRUE, sizeof (guint32));
  item->burnup_done = g_array_new (FALSE, TRUE, sizeof (double));
  item->burnup_scope = g_array_new (FALSE, TRUE, sizeof (double));

  return item;
}

static void
collect_tasks (StatusBuilder *b)
{
  GListModel *tasks = baton_store_get_tasks (b->store);
  guint n = g_list_model_get_n_items (tasks);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);
      BatonProgram *program;
      TaskLog log;

      if (baton_task_get_archived (task))
        continue;
      program = baton_store_lookup_program (b->store, baton_task_get_program_id (task));
      if (program == NULL || !g_hash_table_contains (b->programs, program))
        continue;

      g_ptr_array_add (b->tasks, task);
      task_log_init (&log, b->store, task);
      g_array_append_val (b->logs, log);
    }
}

/* One matrix from this week (or the period's start) to the last week the
 * report looks at: the next period, and the due dates of open tasks. */
static void
compute_capacity (StatusBuilder *b)
{
  BatonStatusReportData *data = b->data;
  BatonCapacityInput input;
  guint32 first = MIN (data->today, data->next_from_day);
  guint32 last = data->next_to_day;
  guint n_weeks;

  for (guint i = 0; i < b->tasks->len; i++)
    {
      BatonTask *task = g_ptr_array_index (b->tasks, i);

      if (g_array_index (b->logs, TaskLog, i).done_day == 0)
        last = MAX (last, baton_task_get_due_day (task));
    }

  first = baton_date_week_start (first, b->settings->first_weekday);
  last = baton_date_week_start (last, b->settings->first_weekday);
  n_weeks = MIN ((last - first) / 7 + 1, MAX_REPORT_WEEKS);

  baton_workload_fill_input (b->store, &input);
  b->capacity = baton_capacity_compute (b->settings, &input, first, n_weeks);
}

static void
add_burnup (StatusBuilder      *b,
            BatonReportProgram *item,
            GArray             *logs)
{
  const BatonCapacitySettings *settings = b->settings;
  guint32 start = value_day (baton_program_get_start_date (item->program));
  guint32 last_week = baton_date_week_start (b->data->to_day, settings->first_weekday);
  guint32 first_week;

  if (start == 0)
    for (guint i = 0; i < logs->len; i++)
      {
        guint32 created = baton_timestamp_day (baton_task_get_created_at (g_array_index (logs, TaskLog, i).task));

        if (created != 0 && (start == 0 || created < start))
          start = created;
      }
  if (start == 0)
    start = b->data->to_day;

  first_week = MIN (baton_date_week_start (start, settings->first_weekday), last_week);
  if ((last_week - first_week) / 7 + 1 > MAX_BURNUP_WEEKS)
    first_week = last_week - 7 * (MAX_BURNUP_WEEKS - 1);

  for (guint32 week = first_week; week <= last_week; week += 7)
    {
      guint32 week_end = week + 6;
      double done = 0, scope = 0;

      for (guint i = 0; i < logs->len; i++)
        {
          const TaskLog *log = &g_array_index (logs, TaskLog, i);
          double estimate = hours ((double) MAX (baton_task_get_estimate_minutes (log->task), 0));
          guint32 created = baton_timestamp_day (baton_task_get_created_at (log->task));

          if (created <= week_end)
            scope += estimate;
          if (task_log_done_by (log, week_end))
            done += estimate;
        }

      g_array_append_val (item->burnup_weeks, week);
      g_array_append_val (item->burnup_done, done);
      g_array_append_val (item->burnup_scope, scope);
    }
}

static BatonHealth
worse (BatonHealth a,
       BatonHealth b)
{
  return MAX (a, b);
}

static void
build_programs (StatusBuilder *b)
{
  BatonStatusReportData *data = b->data;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, b->programs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      BatonProgram *program = key;
      BatonReportProgram *item = report_program_new (b, program);
      g_autoptr(GArray) logs = g_array_new (FALSE, FALSE, sizeof (TaskLog));
      guint32 latest_planned = 0;
      gboolean any_late = FALSE, any_at_risk = FALSE;

      for (guint i = 0; i < b->tasks->len; i++)
        {
          BatonTask *task = g_ptr_array_index (b->tasks, i);
          const TaskLog *log = &g_array_index (b->logs, TaskLog, i);
          double estimate = hours ((double) MAX (baton_task_get_estimate_minutes (task), 0));
          BatonHealth health;
          guint32 forecast, planned;
          guint s;

          if (baton_task_get_program_id (task) != record_id (program))
            continue;
          g_array_append_val (logs, *log);

          item->n_tasks++;
          item->estimate_hours += estimate;
          if (log->done_day != 0)
            {
              item->n_done++;
              item->done_hours += estimate;
            }
          for (s = 0; s < item->stage_ids->len; s++)
            if (g_array_index (item->stage_ids, gint64, s) == baton_task_get_stage_id (task))
              {
                g_array_index (item->stage_counts, guint, s)++;
                g_array_index (item->stage_hours, double, s) += estimate;
                break;
              }

          planned = task_log_planned_day (log);
          latest_planned = MAX (latest_planned, planned);
          forecast = log->done_day != 0 ? log->done_day
                                        : baton_report_forecast_task (b->store, b->settings, task, data->today);
          item->forecast_day = MAX (item->forecast_day, forecast);
          health = log->done_day != 0 ? BATON_HEALTH_ON_TRACK
                                      : baton_report_task_health (b->store, b->settings, b->capacity, task, data->today);
          any_late |= health == BATON_HEALTH_LATE;
          any_at_risk |= health == BATON_HEALTH_AT_RISK;
        }

      if (item->planned_day == 0)
        item->planned_day = latest_planned;

      item->health = BATON_HEALTH_ON_TRACK;
      if (item->planned_day != 0 && item->forecast_day > item->planned_day)
        item->health = BATON_HEALTH_LATE;
      if (any_late)
        item->health = worse (item->health,
                              item->planned_day != 0 && item->planned_day < data->today ? BATON_HEALTH_LATE
                                                                                        : BATON_HEALTH_AT_RISK);
      if (any_at_risk)
        item->health = worse (item->health, BATON_HEALTH_AT_RISK);

      add_burnup (b, item, logs);
      g_ptr_array_add (data->programs, item);
    }

  g_ptr_array_sort (data->programs, compare_programs);
}

static void
build_task_lists (StatusBuilder *b)
{
  BatonStatusReportData *data = b->data;

  for (guint i = 0; i < b->tasks->len; i++)
    {
      BatonTask *task = g_ptr_array_index (b->tasks, i);
      const TaskLog *log = &g_array_index (b->logs, TaskLog, i);
      BatonReportSlip slip = { 0 };
      BatonReportTask item = {
        .task = task,
        .planned_day = task_log_planned_day (log),
        .done_day = log->done_day,
      };
      guint32 start = baton_task_get_start_day (task), due = baton_task_get_due_day (task);

      if (log->done_day != 0)
        {
          item.forecast_day = log->done_day;
          item.health = BATON_HEALTH_ON_TRACK;
        }
      else
        {
          item.forecast_day = baton_report_forecast_task (b->store, b->settings, task, data->today);
          item.health = baton_report_task_health (b->store, b->settings, b->capacity, task, data->today);
        }

      if (log->done_day >= data->from_day && log->done_day <= data->to_day)
        {
          BatonReportTask copy = item;

          copy.task = g_object_ref (task);
          g_array_append_val (data->completed, copy);
        }

      if (log->done_day == 0 &&
          ((start >= data->next_from_day && start <= data->next_to_day) ||
           (due >= data->next_from_day && due <= data->next_to_day)))
        {
          BatonReportTask copy = item;

          copy.task = g_object_ref (task);
          g_array_append_val (data->next, copy);
        }

      if (item.health != BATON_HEALTH_ON_TRACK)
        {
          BatonReportTask copy = item;

          copy.task = g_object_ref (task);
          g_array_append_val (item.health == BATON_HEALTH_LATE ? data->overdue : data->at_risk, copy);
        }

      if (task_log_slip (log, data->from_day, data->to_day, &slip))
        {
          slip.task = g_object_ref (task);
          g_array_append_val (data->slipped, slip);
        }
    }

  g_array_sort (data->completed, compare_by_done);
  g_array_sort (data->next, compare_by_due);
  g_array_sort (data->overdue, compare_by_due);
  g_array_sort (data->at_risk, compare_by_due);
  g_array_sort (data->slipped, compare_slips);
}

static void
collect_notes (StatusBuilder *b,
               gint64         client_id)
{
  BatonStatusReportData *data = b->data;
  GListModel *notes = baton_store_get_notes (b->store);

  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(BatonNote) note = g_list_model_get_item (notes, i);
      gint64 program_id = baton_note_get_program_id (note);
      guint32 created, updated;

      if (baton_note_get_client_id (note) != client_id)
        continue;
      if (program_id != 0 &&
          !g_hash_table_contains (b->programs, baton_store_lookup_program (b->store, program_id)))
        continue;

      created = baton_timestamp_day (baton_note_get_created_at (note));
      updated = baton_timestamp_day (baton_note_get_updated_at (note));
      if ((created >= data->from_day && created <= data->to_day) ||
          (updated >= data->from_day && updated <= data->to_day))
        g_ptr_array_add (data->notes, g_object_ref (note));
    }

  g_ptr_array_sort (data->notes, compare_notes);
}

/* Staffing: per role, hours the reported open tasks need in the next
 * period's weeks against what the role's people have left. */
static void
build_staffing (StatusBuilder *b)
{
  BatonStatusReportData *data = b->data;
  BatonCapacity *capacity = b->capacity;
  GListModel *roles = baton_store_get_roles (b->store);
  guint n_roles = g_list_model_get_n_items (roles);
  guint32 first = baton_date_week_start (data->next_from_day, b->settings->first_weekday);
  guint32 last = baton_date_week_start (data->next_to_day, b->settings->first_weekday);
  g_autoptr(GArray) weeks = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) minutes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) needed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) reported = g_hash_table_new (NULL, NULL);
  double no_role_needed = 0;

  for (guint i = 0; i < b->tasks->len; i++)
    g_hash_table_add (reported, g_ptr_array_index (b->tasks, i));

  for (guint i = 0; i < b->tasks->len; i++)
    {
      BatonTask *task = g_ptr_array_index (b->tasks, i);
      gint64 role_id = baton_task_get_role_id (task);
      double sum = 0;

      if (g_array_index (b->logs, TaskLog, i).done_day != 0 ||
          !baton_capacity_spread_task (b->settings, task, weeks, minutes))
        continue;
      for (guint w = 0; w < weeks->len; w++)
        if (g_array_index (weeks, guint32, w) >= first && g_array_index (weeks, guint32, w) <= last)
          sum += g_array_index (minutes, double, w);
      if (sum <= 0)
        continue;

      if (role_id == 0)
        no_role_needed += sum;
      else
        {
          double *total = g_hash_table_lookup (needed, &role_id);

          if (total == NULL)
            {
              total = g_new0 (double, 1);
              g_hash_table_insert (needed, g_memdup2 (&role_id, sizeof role_id), total);
            }
          *total += sum;
        }
    }

  for (guint r = 0; r < n_roles; r++)
    {
      g_autoptr(BatonRole) role = g_list_model_get_item (roles, r);
      gint64 role_id = record_id (role);
      double *total = g_hash_table_lookup (needed, &role_id);
      BatonReportStaffing line = { NULL, total != NULL ? hours (*total) : 0, 0, 0 };
      double available = 0;

      for (guint row = 0; row < baton_capacity_get_n_people (capacity); row++)
        {
          BatonPerson *person = baton_capacity_get_person (capacity, row);

          /* A placeholder is nobody's hours yet. */
          if (baton_person_get_placeholder (person) || !baton_store_person_has_role (b->store, person, role_id))
            continue;
          line.n_people++;

          for (gint w = baton_capacity_get_week_index (capacity, first);
               w >= 0 && (guint) w < baton_capacity_get_n_weeks (capacity) &&
               baton_capacity_get_week_start (capacity, (guint) w) <= last;
               w++)
            {
              GArray *shares = baton_capacity_get_shares (capacity, row, (guint) w);
              double left = baton_capacity_get_capacity (capacity, row, (guint) w);

              for (guint s = 0; s < shares->len; s++)
                {
                  const BatonCapacityShare *share = &g_array_index (shares, BatonCapacityShare, s);

                  if (!g_hash_table_contains (reported, share->task))
                    left -= share->minutes;
                }
              available += MAX (left, 0);
            }
        }

      if (line.needed_hours <= 0 && line.n_people == 0)
        continue;
      line.role = g_object_ref (role);
      line.available_hours = hours (available);
      g_array_append_val (data->staffing, line);
    }

  if (no_role_needed > 0)
    {
      BatonReportStaffing line = { NULL, hours (no_role_needed), 0, 0 };

      g_array_append_val (data->staffing, line);
    }
}

static void
set_health (StatusBuilder *b)
{
  BatonStatusReportData *data = b->data;
  BatonReportProgram *latest = NULL;
  guint n_due = 0, n_overdue = data->overdue->len;
  guint longest = 0;

  for (guint i = 0; i < data->programs->len; i++)
    {
      BatonReportProgram *item = g_ptr_array_index (data->programs, i);

      if (item->planned_day != 0 && item->forecast_day > item->planned_day &&
          (latest == NULL ||
           item->forecast_day - item->planned_day > latest->forecast_day - latest->planned_day))
        latest = item;
    }

  for (guint i = 0; i < b->tasks->len; i++)
    {
      guint32 due = baton_task_get_due_day (g_ptr_array_index (b->tasks, i));

      if (due != 0 && due <= data->today)
        n_due++;
    }
  if (n_overdue > 0)
    longest = data->today - baton_task_get_due_day (g_array_index (data->overdue, BatonReportTask, 0).task);

  if (latest != NULL)
    {
      guint days = latest->forecast_day - latest->planned_day;

      data->health = BATON_HEALTH_LATE;
      data->health_reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%s is forecast %u day after its due date.",
                                                          "%s is forecast %u days after its due date.",
                                                          days),
                                             baton_program_get_name (latest->program), days);
      return;
    }

  if (n_overdue > 0)
    {
      data->health = 4 * n_overdue > n_due ? BATON_HEALTH_LATE : BATON_HEALTH_AT_RISK;
      if (n_overdue == 1)
        data->health_reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "1 task is overdue, by %u day.",
                                                            "1 task is overdue, by %u days.",
                                                            longest),
                                               longest);
      else
        {
          g_autofree char *days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", longest),
                                                   longest);

          /* Translators: %u is a number of tasks, %s a number of days ("9 days"). */
          data->health_reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u task is overdue, the longest by %s.",
                                                              "%u tasks are overdue, the longest by %s.",
                                                              n_overdue),
                                                 n_overdue, days);
        }
      return;
    }

  if (data->at_risk->len > 0)
    {
      data->health = BATON_HEALTH_AT_RISK;
      data->health_reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u task is at risk of missing its due date.",
                                                          "%u tasks are at risk of missing their due date.",
                                                          data->at_risk->len),
                                             data->at_risk->len);
      return;
    }

  data->health = BATON_HEALTH_ON_TRACK;
  data->health_reason = g_strdup (_("Everything due so far is done, and the rest is on schedule."));
}

BatonStatusReportData *
baton_status_report_data_new (BatonStore                  *store,
                              const BatonCapacitySettings *settings,
                              gint64                       client_id,
                              GArray                      *program_ids,
                              guint32                      from_day,
                              guint32                      to_day,
                              guint32                      today,
                              GError                     **error)
{
  g_autoptr(BatonStatusReportData) data = NULL;
  g_autoptr(GHashTable) programs = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GArray) logs = NULL;
  g_autoptr(BatonCapacity) capacity = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  StatusBuilder b;
  BatonClient *client;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  client = baton_store_lookup_client (store, client_id);
  if (client == NULL)
    {
      invalid (error, _("There is no client with the id %lld."), (long long) client_id);
      return NULL;
    }
  if (from_day == 0 || to_day == 0 || from_day > to_day)
    {
      from_text = from_day != 0 ? baton_date_format (from_day) : g_strdup ("?");
      to_text = to_day != 0 ? baton_date_format (to_day) : g_strdup ("?");
      invalid (error, _("The period cannot start on %s and end on %s: it must start on or before its last day."),
               from_text, to_text);
      return NULL;
    }

  data = g_new0 (BatonStatusReportData, 1);
  data->client = g_object_ref (client);
  data->from_day = from_day;
  data->to_day = to_day;
  data->next_from_day = to_day + 1;
  data->next_to_day = to_day + (to_day - from_day + 1);
  data->today = today != 0 ? today : baton_date_today ();
  data->programs = g_ptr_array_new_with_free_func ((GDestroyNotify) report_program_free);
  data->completed = report_task_array ();
  data->next = report_task_array ();
  data->overdue = report_task_array ();
  data->at_risk = report_task_array ();
  data->slipped = g_array_new (FALSE, TRUE, sizeof (BatonReportSlip));
  g_array_set_clear_func (data->slipped, report_slip_clear);
  data->notes = g_ptr_array_new_with_free_func (g_object_unref);
  data->staffing = g_array_new (FALSE, TRUE, sizeof (BatonReportStaffing));
  g_array_set_clear_func (data->staffing, staffing_clear);

  programs = g_hash_table_new (NULL, NULL);
  tasks = g_ptr_array_new ();
  logs = g_array_new (FALSE, FALSE, sizeof (TaskLog));
  g_array_set_clear_func (logs, (GDestroyNotify) task_log_clear);
  b = (StatusBuilder) { store, settings, data, programs, tasks, logs, NULL };

  if (!choose_programs (&b, client, program_ids, error))
    return NULL;

  collect_tasks (&b);
  compute_capacity (&b);
  capacity = b.capacity;
  build_programs (&b);
  build_task_lists (&b);
  collect_notes (&b, client_id);
  build_staffing (&b);
  set_health (&b);

  return g_steal_pointer (&data);
}

/* The capacity report --------------------------------------------------- */

static BatonReportLoadRow *
load_row_new (BatonPerson *person,
              BatonRole   *role,
              guint        n_weeks)
{
  BatonReportLoadRow *row = g_new0 (BatonReportLoadRow, 1);

  row->person = person != NULL ? g_object_ref (person) : NULL;
  row->role = role != NULL ? g_object_ref (role) : NULL;
  row->load_hours = g_array_sized_new (FALSE, TRUE, sizeof (double), n_weeks);
  row->capacity_hours = g_array_sized_new (FALSE, TRUE, sizeof (double), n_weeks);
  row->levels = g_array_sized_new (FALSE, TRUE, sizeof (BatonLoadLevel), n_weeks);
  g_array_set_size (row->load_hours, n_weeks);
  g_array_set_size (row->capacity_hours, n_weeks);
  g_array_set_size (row->levels, n_weeks);

  return row;
}

static void
load_row_free (BatonReportLoadRow *row)
{
  g_clear_object (&row->person);
  g_clear_object (&row->role);
  g_clear_pointer (&row->load_hours, g_array_unref);
  g_clear_pointer (&row->capacity_hours, g_array_unref);
  g_clear_pointer (&row->levels, g_array_unref);
  g_free (row);
}

/* Totals and levels from the hours already in @row. */
static void
load_row_finish (BatonReportLoadRow          *row,
                 const BatonCapacitySettings *settings)
{
  for (guint w = 0; w < row->load_hours->len; w++)
    {
      double load = g_array_index (row->load_hours, double, w);
      double capacity = g_array_index (row->capacity_hours, double, w);
      BatonLoadLevel level = baton_capacity_settings_get_level (settings, load, capacity);

      g_array_index (row->levels, BatonLoadLevel, w) = level;
      row->total_load_hours += load;
      row->total_capacity_hours += capacity;
      row->n_over_weeks += level == BATON_LOAD_OVER;
    }
}

void
baton_capacity_report_data_free (BatonCapacityReportData *data)
{
  if (data == NULL)
    return;

  g_clear_pointer (&data->week_starts, g_array_unref);
  g_clear_pointer (&data->roles, g_ptr_array_unref);
  g_clear_pointer (&data->people, g_ptr_array_unref);
  g_clear_pointer (&data->unassigned_roles, g_ptr_array_unref);
  g_clear_pointer (&data->unassigned_hours, g_ptr_array_unref);
  g_free (data);
}

typedef struct
{
  BatonStore         *store;
  GHashTable         *role_order;   /* role id → GUINT_TO_POINTER (position index + 1) */
} PeopleOrder;

static guint
role_rank (PeopleOrder *order,
           gint64       role_id)
{
  gpointer rank = role_id != 0 ? g_hash_table_lookup (order->role_order, &role_id) : NULL;

  return rank != NULL ? GPOINTER_TO_UINT (rank) : G_MAXUINT;
}

static gint
compare_people_rows (gconstpointer pa,
                     gconstpointer pb,
                     gpointer      user_data)
{
  PeopleOrder *order = user_data;
  const BatonReportLoadRow *a = *(BatonReportLoadRow * const *) pa;
  const BatonReportLoadRow *b = *(BatonReportLoadRow * const *) pb;
  guint ra = role_rank (order, a->role != NULL ? record_id (a->role) : 0);
  guint rb = role_rank (order, b->role != NULL ? record_id (b->role) : 0);
  gint cmp;

  if (ra != rb)
    return ra < rb ? -1 : 1;
  cmp = g_utf8_collate (baton_person_get_name (a->person) ? baton_person_get_name (a->person) : "",
                        baton_person_get_name (b->person) ? baton_person_get_name (b->person) : "");
  if (cmp != 0)
    return cmp;
  return record_id (a->person) < record_id (b->person) ? -1 : 1;
}

BatonCapacityReportData *
baton_capacity_report_data_new (BatonStore                  *store,
                                const BatonCapacitySettings *settings,
                                guint32                      first_day,
                                guint                        n_weeks,
                                guint32                      today,
                                GError                     **error)
{
  g_autoptr(BatonCapacity) capacity = NULL;
  g_autoptr(GHashTable) role_order = NULL;
  g_autoptr(GHashTable) role_rows = NULL;
  /* role id → hours per week of the work given to placeholders */
  g_autoptr(GHashTable) placeholder_demand = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                                    (GDestroyNotify) g_array_unref);
  BatonCapacityReportData *data;
  BatonCapacityInput input;
  GListModel *roles;
  BatonReportLoadRow *no_role = NULL;
  PeopleOrder order;
  guint n_roles, n_people;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_weeks == 0 || n_weeks > MAX_REPORT_WEEKS)
    {
      invalid (error, _("A capacity report covers 1 to %u weeks, not %u."), MAX_REPORT_WEEKS, n_weeks);
      return NULL;
    }
  if (first_day == 0)
    {
      invalid (error, _("A capacity report needs a first day."));
      return NULL;
    }

  baton_workload_fill_input (store, &input);
  capacity = baton_capacity_compute (settings, &input, first_day, n_weeks);
  roles = baton_store_get_roles (store);
  n_roles = g_list_model_get_n_items (roles);
  n_people = baton_capacity_get_n_people (capacity);

  data = g_new0 (BatonCapacityReportData, 1);
  data->first_week = baton_capacity_get_week_start (capacity, 0);
  data->n_weeks = n_weeks;
  data->today = today != 0 ? today : baton_date_today ();
  data->week_starts = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n_weeks);
  for (guint w = 0; w < n_weeks; w++)
    {
      guint32 start = baton_capacity_get_week_start (capacity, w);

      g_array_append_val (data->week_starts, start);
    }
  data->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) load_row_free);
  data->people = g_ptr_array_new_with_free_func ((GDestroyNotify) load_row_free);
  data->unassigned_roles = g_ptr_array_new_with_free_func (g_object_unref);
  data->unassigned_hours = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  /* A row per role, in position order; rows are dropped at the end when
   * they have neither load nor people. */
  role_order = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  role_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint r = 0; r < n_roles; r++)
    {
      g_autoptr(BatonRole) role = g_list_model_get_item (roles, r);
      gint64 id = record_id (role);
      BatonReportLoadRow *row = load_row_new (NULL, role, n_weeks);

      g_hash_table_insert (role_order, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (r + 1));
      g_hash_table_insert (role_rows, g_memdup2 (&id, sizeof id), row);
      g_ptr_array_add (data->roles, row);
    }

  for (guint p = 0; p < n_people; p++)
    {
      BatonPerson *person = baton_capacity_get_person (capacity, p);
      gint64 primary = baton_store_get_primary_role_id (store, person);
      BatonReportLoadRow *row = load_row_new (person, baton_store_lookup_role (store, primary), n_weeks);
      BatonReportLoadRow *primary_row = primary != 0 ? g_hash_table_lookup (role_rows, &primary) : NULL;

      if (primary_row == NULL)
        {
          if (no_role == NULL)
            no_role = load_row_new (NULL, NULL, n_weeks);
          primary_row = no_role;
        }

      for (guint w = 0; w < n_weeks; w++)
        {
          double cap = hours (baton_capacity_get_capacity (capacity, p, w));
          GArray *shares = baton_capacity_get_shares (capacity, p, w);

          g_array_index (row->load_hours, double, w) = hours (baton_capacity_get_load (capacity, p, w));
          g_array_index (row->capacity_hours, double, w) = cap;

          /* A placeholder's work is demand nobody real holds: it counts
           * with the unassigned demand of its role, not in the role's
           * load against capacity. */
          if (baton_person_get_placeholder (person))
            {
              for (guint s = 0; s < shares->len; s++)
                {
                  const BatonCapacityShare *share = &g_array_index (shares, BatonCapacityShare, s);
                  gint64 role_id = baton_task_get_role_id (share->task);
                  GArray *demand = g_hash_table_lookup (placeholder_demand, &role_id);

                  if (demand == NULL)
                    {
                      demand = g_array_sized_new (FALSE, TRUE, sizeof (double), n_weeks);
                      g_array_set_size (demand, n_weeks);
                      g_hash_table_insert (placeholder_demand, g_memdup2 (&role_id, sizeof role_id), demand);
                    }
                  g_array_index (demand, double, w) += hours (share->minutes);
                }
              continue;
            }
          g_array_index (primary_row->capacity_hours, double, w) += cap;

          for (guint s = 0; s < shares->len; s++)
            {
              const BatonCapacityShare *share = &g_array_index (shares, BatonCapacityShare, s);
              gint64 role_id = baton_task_get_role_id (share->task);
              BatonReportLoadRow *role_row = role_id != 0 ? g_hash_table_lookup (role_rows, &role_id) : NULL;

              if (role_row == NULL)
                {
                  if (no_role == NULL)
                    no_role = load_row_new (NULL, NULL, n_weeks);
                  role_row = no_role;
                }
              g_array_index (role_row->load_hours, double, w) += hours (share->minutes);
            }
        }

      load_row_finish (row, settings);
      data->n_over_cells += row->n_over_weeks;
      g_ptr_array_add (data->people, row);
    }

  order = (PeopleOrder) { store, role_order };
  g_ptr_array_sort_with_data (data->people, compare_people_rows, &order);

  if (no_role != NULL)
    g_ptr_array_add (data->roles, no_role);
  for (guint r = data->roles->len; r-- > 0;)
    {
      BatonReportLoadRow *row = g_ptr_array_index (data->roles, r);

      load_row_finish (row, settings);
      if (row->total_load_hours <= 0 && row->total_capacity_hours <= 0)
        g_ptr_array_remove_index (data->roles, r);
    }

  for (guint r = 0; r < n_roles; r++)
    {
      g_autoptr(BatonRole) role = g_list_model_get_item (roles, r);
      GArray *weeks = g_array_sized_new (FALSE, TRUE, sizeof (double), n_weeks);
      double total = 0;

      gint64 role_id = record_id (role);
      GArray *placeholders = g_hash_table_lookup (placeholder_demand, &role_id);

      for (guint w = 0; w < n_weeks; w++)
        {
          double h = hours (baton_capacity_get_unassigned (capacity, role_id, w));

          if (placeholders != NULL)
            h += g_array_index (placeholders, double, w);
          g_array_append_val (weeks, h);
          total += h;
        }

      if (total <= 0)
        {
          g_array_unref (weeks);
          continue;
        }
      g_ptr_array_add (data->unassigned_roles, g_object_ref (role));
      g_ptr_array_add (data->unassigned_hours, weeks);
    }

  return data;
}
