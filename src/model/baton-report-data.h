/* baton-report-data.h — what the status and capacity reports say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure computations over one BatonStore: the facts of a client's status
 * report and of a capacity report for a period, with no layout and no
 * text beyond the records' own. The report documents (src/report) lay
 * them out; the tests check their numbers.
 *
 * Days are julian days (see baton-dates.h). "Done" means a task in a
 * stage marked done. Archived tasks and programs are left out.
 *
 * What happened comes from the activity log: a task counts as completed in
 * the period when its last "completed" activity falls in it (and no
 * "reopened" came after); a task with no "completed" or "reopened" activity
 * (done before the log existed, or imported) counts by its completed-at.
 * A due date slipped when the "due_date" activities in the period moved it
 * later: from the date before the first of them to the date after the last,
 * a later one (setting a first due date, or clearing it, is no slip). Days
 * of stored times are local days (baton_timestamp_day ()).
 *
 * Health of an open task:
 * - LATE: due before today;
 * - AT_RISK: not late, and either due within the next 5 working days while
 *   its stage is in the first half of the open (not done) stages (index <
 *   half their number: Backlog, Analysis and Design of the default six), or
 *   its assignee is over capacity (BATON_LOAD_OVER) in a week the task
 *   touches, from this week on;
 * - else ON_TRACK (done tasks too).
 *
 * Overall health of a status report: LATE when a reported program's
 * forecast passes its planned day, or when more than a quarter of the
 * reported tasks due by today (done or open) are overdue; else AT_RISK when
 * any task is overdue or at risk; else ON_TRACK. The reason names the main
 * cause in that order: the program forecast furthest past its planned day,
 * the overdue tasks (how many, the longest by how many days), the tasks at
 * risk.
 */

#pragma once

#include <gio/gio.h>

#include "baton-capacity.h"
#include "baton-store.h"

G_BEGIN_DECLS

typedef enum
{
  BATON_HEALTH_ON_TRACK,
  BATON_HEALTH_AT_RISK,
  BATON_HEALTH_LATE,
} BatonHealth;

/* One task as the report shows it. */
typedef struct
{
  BatonTask *task;          /* a reference */
  guint32    planned_day;   /* the first due date the log knows (the due date
                             * before any recorded change), else the due date;
                             * 0: none */
  guint32    forecast_day;  /* done: the completion day; open: when it can be
                             * done (see baton_report_forecast_task ()); 0: no
                             * due date and no estimate */
  guint32    done_day;      /* completion day, 0: open */
  BatonHealth health;       /* LATE: due before today and open; AT_RISK: see
                             * baton_report_task_health (); else ON_TRACK */
} BatonReportTask;

/* A due date moved later during the period. */
typedef struct
{
  BatonTask *task;          /* a reference */
  guint32    from_day;      /* due date before the first move in the period */
  guint32    to_day;        /* due date after the last */
  guint32    changed_day;   /* day of the last move */
} BatonReportSlip;

/* A program (deliverable) of the report. */
typedef struct
{
  BatonProgram *program;    /* a reference */
  guint32       planned_day;   /* program due date, else the latest task planned day; 0: none */
  guint32       forecast_day;  /* latest forecast of its tasks; 0: none */
  BatonHealth   health;        /* worst of: forecast after planned → LATE; any task LATE → AT_RISK
                                * (LATE when planned is past); any AT_RISK task → AT_RISK */
  guint         n_tasks;       /* non-archived */
  guint         n_done;
  double        estimate_hours;
  double        done_hours;
  /* Per stage of the workspace, in position order (zeros included): tasks
   * and estimate hours (stage bar chart). */
  GArray       *stage_ids;     /* gint64 */
  GArray       *stage_counts;  /* guint */
  GArray       *stage_hours;   /* double */
  /* Burn-up: one point per week, from the week of the program's start (or
   * its first task's creation) to the week that holds the period's end, at
   * most 26 weeks (the latest). A task is done at a week's end by the
   * activity log (its last "completed" or "reopened" row by then), or by its
   * completed-at when it has no such row. */
  GArray       *burnup_weeks;  /* guint32, week start days */
  GArray       *burnup_done;   /* double, done estimate hours at the week's end */
  GArray       *burnup_scope;  /* double, estimate hours of tasks created by the week's end */
} BatonReportProgram;

/* Hours a role needs against hours its people have. */
typedef struct
{
  BatonRole *role;          /* a reference; NULL: tasks without a role */
  double     needed_hours;  /* estimate of the client's open tasks with the role
                             * that fall in the next period's weeks */
  double     available_hours; /* capacity of the (non-placeholder) people holding the role in
                             * those weeks, less their load from work
                             * outside the report (other clients, unchosen
                             * programs, tasks of no program); never below
                             * 0 in any person's week */
  guint      n_people;      /* non-archived people holding the role */
} BatonReportStaffing;

typedef struct
{
  BatonClient *client;      /* a reference */
  guint32      from_day;
  guint32      to_day;      /* inclusive */
  guint32      next_from_day; /* the next period: as long as this one, right after it */
  guint32      next_to_day;
  guint32      today;

  BatonHealth  health;      /* the computed status */
  char        *health_reason; /* one line, translated, e.g. "2 tasks are overdue, the latest by 4 days." */

  GPtrArray   *programs;    /* BatonReportProgram*, by name */
  GArray      *completed;   /* BatonReportTask, completed in the period, by day */
  GArray      *slipped;     /* BatonReportSlip, by changed day */
  GArray      *next;        /* BatonReportTask, open, start or due in the next period, by due day */
  GArray      *overdue;     /* BatonReportTask, LATE, most overdue first */
  GArray      *at_risk;     /* BatonReportTask, AT_RISK, by due day */
  GPtrArray   *notes;       /* BatonNote (references): the client's notes (of the chosen
                             * programs, or of no program) created or updated in the
                             * period, oldest first */
  GArray      *staffing;    /* BatonReportStaffing, by role position; roles with
                             * neither need nor people left out; last a line
                             * with role NULL for needed hours of tasks
                             * without a role, if any */
} BatonStatusReportData;

/* @program_ids: the programs to report (gint64), NULL or empty: all the
 * client's non-archived programs. Fails with G_IO_ERROR_INVALID_ARGUMENT
 * (a clear, translated message) when the client does not exist, a program
 * is not the client's, or @from_day > @to_day. Chosen programs that are
 * archived are left out. @today 0: baton_date_today (). */
BatonStatusReportData *baton_status_report_data_new  (BatonStore                  *store,
                                                      const BatonCapacitySettings *settings,
                                                      gint64                       client_id,
                                                      GArray                      *program_ids,
                                                      guint32                      from_day,
                                                      guint32                      to_day,
                                                      guint32                      today,
                                                      GError                     **error);
void                   baton_status_report_data_free (BatonStatusReportData       *data);

/* The rule used for one task: when an open task can be done. Not overdue:
 * its due date. Overdue, or without a due date but with an estimate: today
 * plus the working days its remaining work takes (its estimate times the
 * share of the open stages from its own on: all of it in the first, 1/5 in
 * the last of five), at the assignee's weekly capacity / working days per
 * week (5 by default) per day, 6 h without an assignee or capacity), at
 * least the next working day. 0: no due date and no estimate. */
guint32                baton_report_forecast_task    (BatonStore                  *store,
                                                      const BatonCapacitySettings *settings,
                                                      BatonTask                   *task,
                                                      guint32                      today);

/* The health of one task (see the rules above). @capacity (may be NULL:
 * the over-capacity rule is then skipped) is a matrix holding the weeks to
 * check, from this week on. */
BatonHealth            baton_report_task_health      (BatonStore                  *store,
                                                      const BatonCapacitySettings *settings,
                                                      BatonCapacity               *capacity,
                                                      BatonTask                   *task,
                                                      guint32                      today);

/* One person's or one role's weeks in the capacity report. */
typedef struct
{
  BatonPerson *person;      /* a reference, or NULL for a role line */
  BatonRole   *role;        /* the person's primary role, or the role of a role line; may be NULL */
  GArray      *load_hours;  /* double, per week */
  GArray      *capacity_hours; /* double, per week */
  GArray      *levels;      /* BatonLoadLevel, per week */
  double       total_load_hours;
  double       total_capacity_hours;
  guint        n_over_weeks;
} BatonReportLoadRow;

typedef struct
{
  guint32    first_week;    /* week start day */
  guint      n_weeks;
  guint32    today;
  GArray    *week_starts;   /* guint32 */
  /* Per role (by position, then "No role" last): the load of tasks with the
   * role assigned to anyone (the matrix's shares), against the capacity of
   * the people whose primary role it is. Roles (and "No role") with neither
   * load nor capacity in the weeks are left out. */
  GPtrArray *roles;         /* BatonReportLoadRow* */
  /* Per person, grouped by primary role in role order, then by name. */
  GPtrArray *people;        /* BatonReportLoadRow* */
  /* Unassigned demand per role (roles with any), hours per week, by role
   * position. Work with neither assignee nor role is nobody's demand (the
   * capacity rules) and is not listed. */
  GPtrArray *unassigned_roles;  /* BatonRole* references */
  GPtrArray *unassigned_hours;  /* GArray of double per week, parallel to unassigned_roles */
  guint      n_over_cells;  /* person-weeks over capacity */
} BatonCapacityReportData;

/* The @n_weeks weeks from the one holding @first_day. Fails with
 * G_IO_ERROR_INVALID_ARGUMENT when @n_weeks is 0 or above 104, or
 * @first_day is 0. @today 0: baton_date_today (). */
BatonCapacityReportData *baton_capacity_report_data_new  (BatonStore                  *store,
                                                          const BatonCapacitySettings *settings,
                                                          guint32                      first_day,
                                                          guint                        n_weeks,
                                                          guint32                      today,
                                                          GError                     **error);
void                     baton_capacity_report_data_free (BatonCapacityReportData     *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonStatusReportData, baton_status_report_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonCapacityReportData, baton_capacity_report_data_free)

G_END_DECLS
