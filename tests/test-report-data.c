/* test-report-data.c — the facts of the status and capacity reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One hand-built workspace with a fixed today (Wednesday 2026-11-25) and
 * figures worked out by hand:
 *
 *   Stages: Backlog, Analysis, Design, Development, Review | Delivered.
 *   Roles: Designer, Developer, Writer (nobody, no work).
 *   Ana 40 h (Designer), Ben 20 h (Developer, also Designer), Cleo 10 h
 *   (no role).
 *   Acme: Onboarding (from 2026-11-02, due 2026-12-18) and Safety (no
 *   dates); Other: Other program.
 *
 * The report's period is the week of 2026-11-23 (next: week of 11-30).
 */

#include "config.h"

#include "baton-dates.h"
#include "baton-demo.h"
#include "baton-report-data.h"
#include "baton-store.h"
#include "baton-test-util.h"

#define TODAY "2026-11-25"

typedef struct
{
  BatonTestWorkspace   *ws;
  BatonStore           *store;
  BatonCapacitySettings settings;
  GPtrArray            *stages;
  BatonRole            *designer, *developer, *writer;
  BatonPerson          *ana, *ben, *cleo;
  BatonClient          *acme, *other;
  BatonProgram         *onboarding, *safety, *other_program;
  gint64                position;
  /* Acme's tasks */
  BatonTask            *needs, *kickoff, *old_plan, *reopened, *storyboard, *script,
                       *quiz, *build, *pilot, *video, *animation, *archived;
  /* Other's */
  BatonTask            *other_work, *other_done;
  BatonNote            *note_general, *note_safety, *note_old, *note_other;
} Fixture;

static guint32
day (const char *text)
{
  guint32 julian = 0;

  g_assert_true (baton_date_parse (text, &julian));
  return julian;
}

static BatonStage *
stage (Fixture *fx,
       guint    index)
{
  return g_ptr_array_index (fx->stages, index);
}

enum { BACKLOG, ANALYSIS, DESIGN, DEVELOPMENT, REVIEW, DELIVERED };

/* A task inserted with every field at once (creating logs nothing). */
static BatonTask *
add_task (Fixture      *fx,
          BatonProgram *program,
          guint         stage_index,
          const char   *title,
          BatonRole    *role,
          BatonPerson  *assignee,
          gint64        hours,
          const char   *start,
          const char   *due,
          const char   *created)
{
  g_autoptr(GError) error = NULL;
  BatonTask *task;

  task = baton_store_insert (fx->store, BATON_TYPE_TASK, &error,
                             "program-id", baton_test_id (program),
                             "stage-id", baton_test_id (stage (fx, stage_index)),
                             "position", (gint64) (fx->position += 1024),
                             "title", title,
                             "role-id", role != NULL ? baton_test_id (role) : (gint64) 0,
                             "assignee-id", assignee != NULL ? baton_test_id (assignee) : (gint64) 0,
                             "estimate-minutes", hours * 60,
                             "start-date", start,
                             "due-date", due,
                             "created-at", created,
                             NULL);
  g_assert_no_error (error);
  g_assert_nonnull (task);
  return task;
}

/* Changes through the store at a chosen time, so that it logs them then. */
static void
complete_at (Fixture    *fx,
             BatonTask  *task,
             const char *at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (baton_store_update (fx->store, task, &error,
                                    "stage-id", baton_test_id (stage (fx, DELIVERED)),
                                    "completed-at", at,
                                    "updated-at", at,
                                    NULL));
  g_assert_no_error (error);
}

static void
reopen_at (Fixture    *fx,
           BatonTask  *task,
           guint       stage_index,
           const char *at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (baton_store_update (fx->store, task, &error,
                                    "stage-id", baton_test_id (stage (fx, stage_index)),
                                    "completed-at", (const char *) NULL,
                                    "updated-at", at,
                                    NULL));
  g_assert_no_error (error);
}

static void
due_at (Fixture    *fx,
        BatonTask  *task,
        const char *due,
        const char *at)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (baton_store_update (fx->store, task, &error,
                                    "due-date", due,
                                    "updated-at", at,
                                    NULL));
  g_assert_no_error (error);
}

static BatonNote *
add_note (Fixture      *fx,
          BatonClient  *client,
          BatonProgram *program,
          const char   *title,
          const char   *created,
          const char   *updated)
{
  g_autoptr(GError) error = NULL;
  BatonNote *note;

  note = baton_store_insert (fx->store, BATON_TYPE_NOTE, &error,
                             "client-id", baton_test_id (client),
                             "program-id", program != NULL ? baton_test_id (program) : (gint64) 0,
                             "title", title,
                             "body", "## Decisions\n",
                             "created-at", created,
                             "updated-at", updated,
                             NULL);
  g_assert_no_error (error);
  return note;
}

static BatonPerson *
add_person (Fixture    *fx,
            const char *name,
            gint64      hours,
            BatonRole  *primary,
            BatonRole  *secondary)
{
  g_autoptr(GError) error = NULL;
  BatonPerson *person = baton_store_create_person (fx->store, name, NULL, hours * 60, NULL, &error);
  gint64 roles[2];
  guint n = 0;

  g_assert_no_error (error);
  if (primary != NULL)
    roles[n++] = baton_test_id (primary);
  if (secondary != NULL)
    roles[n++] = baton_test_id (secondary);
  g_assert_true (baton_store_set_person_roles (fx->store, person, roles, n,
                                               primary != NULL ? baton_test_id (primary) : 0, &error));
  g_assert_no_error (error);
  return person;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GListModel *stages;

  fx->ws = baton_test_workspace_new ();
  fx->store = baton_store_open (fx->ws->path, &error);
  g_assert_no_error (error);
  baton_capacity_settings_init_default (&fx->settings);

  stages = baton_store_get_stages (fx->store);
  fx->stages = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    g_ptr_array_add (fx->stages, g_list_model_get_item (stages, i));
  g_assert_cmpuint (fx->stages->len, ==, 6);
  g_assert_true (baton_stage_get_is_done (stage (fx, DELIVERED)));

  fx->designer = baton_store_create_role (fx->store, "Designer", NULL, &error);
  fx->developer = baton_store_create_role (fx->store, "Developer", NULL, &error);
  fx->writer = baton_store_create_role (fx->store, "Writer", NULL, &error);
  g_assert_no_error (error);
  fx->ana = add_person (fx, "Ana", 40, fx->designer, NULL);
  fx->ben = add_person (fx, "Ben", 20, fx->developer, fx->designer);
  fx->cleo = add_person (fx, "Cleo", 10, NULL, NULL);

  fx->acme = baton_store_create_client (fx->store, "Acme", NULL, &error);
  fx->other = baton_store_create_client (fx->store, "Other", NULL, &error);
  fx->onboarding = baton_store_create_program (fx->store, fx->acme, "Onboarding", &error);
  fx->safety = baton_store_create_program (fx->store, fx->acme, "Safety", &error);
  fx->other_program = baton_store_create_program (fx->store, fx->other, "Other program", &error);
  g_assert_no_error (error);
  g_assert_true (baton_store_update (fx->store, fx->onboarding, &error,
                                    "start-date", "2026-11-02", "due-date", "2026-12-18", NULL));
  g_assert_no_error (error);

#define NOV2 "2026-11-02T09:00:00Z"
  fx->needs = add_task (fx, fx->onboarding, REVIEW, "Needs analysis", fx->designer, fx->ana, 8,
                        NULL, "2026-11-24", NOV2);
  complete_at (fx, fx->needs, "2026-11-24T10:00:00Z");
  /* Done with no activity at all (imported): its completed-at counts. */
  fx->kickoff = baton_store_insert (fx->store, BATON_TYPE_TASK, &error,
                                    "program-id", baton_test_id (fx->onboarding),
                                    "stage-id", baton_test_id (stage (fx, DELIVERED)),
                                    "position", (gint64) (fx->position += 1024),
                                    "title", "Kick-off",
                                    "estimate-minutes", (gint64) 120,
                                    "due-date", "2026-11-26",
                                    "created-at", NOV2,
                                    "completed-at", "2026-11-26T09:00:00Z",
                                    NULL);
  g_assert_no_error (error);
  fx->old_plan = add_task (fx, fx->onboarding, REVIEW, "Old plan", fx->designer, fx->ana, 4,
                           NULL, "2026-11-10", NOV2);
  complete_at (fx, fx->old_plan, "2026-11-10T16:00:00Z");
  fx->reopened = add_task (fx, fx->onboarding, REVIEW, "Reopened thing", fx->designer, fx->ben, 6,
                           "2026-11-30", "2026-12-04", NOV2);
  complete_at (fx, fx->reopened, "2026-11-23T10:00:00Z");
  reopen_at (fx, fx->reopened, DEVELOPMENT, "2026-11-24T11:00:00Z");
  fx->storyboard = add_task (fx, fx->onboarding, DESIGN, "Storyboard", fx->designer, fx->ana, 10,
                             "2026-11-23", "2026-11-27", NOV2);
  fx->script = add_task (fx, fx->onboarding, ANALYSIS, "Script", fx->designer, fx->ana, 10,
                         "2026-11-16", "2026-11-20", NOV2);
  fx->quiz = add_task (fx, fx->onboarding, BACKLOG, "Quiz", fx->designer, NULL, 20,
                       NULL, "2026-11-24", NOV2);
  fx->build = add_task (fx, fx->onboarding, DEVELOPMENT, "Build module", fx->developer, fx->ben, 16,
                        NULL, NULL, "2026-11-10T09:00:00Z");
  due_at (fx, fx->build, "2026-12-01", "2026-11-10T10:00:00Z");
  due_at (fx, fx->build, "2026-12-04", "2026-11-12T10:00:00Z");
  due_at (fx, fx->build, "2026-12-09", "2026-11-24T15:00:00Z");
  due_at (fx, fx->build, "2026-12-11", "2026-11-26T09:00:00Z");
  g_assert_true (baton_store_update (fx->store, fx->build, &error,
                                    "start-date", "2026-12-07", "updated-at", "2026-11-26T09:30:00Z", NULL));
  g_assert_no_error (error);
  fx->pilot = add_task (fx, fx->onboarding, BACKLOG, "Pilot", NULL, NULL, 3,
                        NULL, "2026-12-03", "2026-11-18T09:00:00Z");
  fx->archived = add_task (fx, fx->onboarding, BACKLOG, "Archived", fx->designer, NULL, 5,
                           NULL, NULL, NOV2);
  g_assert_true (baton_store_archive_task (fx->store, fx->archived, TRUE, &error));
  g_assert_no_error (error);

  fx->video = add_task (fx, fx->safety, REVIEW, "Safety video", fx->designer, fx->ana, 12,
                        "2026-11-30", "2026-12-02", NOV2);
  fx->animation = add_task (fx, fx->safety, DEVELOPMENT, "Animation", fx->developer, fx->ben, 30,
                            "2026-11-30", "2026-12-04", NOV2);

  fx->other_work = add_task (fx, fx->other_program, DEVELOPMENT, "Other work", fx->designer, fx->ana, 20,
                             "2026-11-30", "2026-12-04", NOV2);
  fx->other_done = add_task (fx, fx->other_program, REVIEW, "Other done", fx->designer, fx->ana, 2,
                             NULL, "2026-11-20", NOV2);
  complete_at (fx, fx->other_done, "2026-11-19T12:00:00Z");

  fx->note_general = add_note (fx, fx->acme, NULL, "Weekly call", "2026-11-24T14:00:00Z", "2026-11-24T15:00:00Z");
  fx->note_safety = add_note (fx, fx->acme, fx->safety, "Safety review", "2026-11-12T14:00:00Z", "2026-11-23T08:00:00Z");
  fx->note_old = add_note (fx, fx->acme, fx->onboarding, "Kick-off notes", "2026-11-02T14:00:00Z", "2026-11-02T15:00:00Z");
  fx->note_other = add_note (fx, fx->other, NULL, "Other call", "2026-11-24T10:00:00Z", "2026-11-24T10:00:00Z");
#undef NOV2
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_pointer (&fx->stages, g_ptr_array_unref);
  g_clear_object (&fx->store);
  baton_test_workspace_free (fx->ws);
}

static BatonStatusReportData *
status_report (Fixture      *fx,
               BatonClient  *client,
               BatonProgram *only)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  BatonStatusReportData *data;

  if (only != NULL)
    {
      gint64 id = baton_test_id (only);

      g_array_append_val (ids, id);
    }
  data = baton_status_report_data_new (fx->store, &fx->settings, baton_test_id (client), ids,
                                       day ("2026-11-23"), day ("2026-11-29"), day (TODAY), &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);
  return data;
}

/* The titles of an array of BatonReportTask, comma-separated. */
static char *
titles (GArray *tasks)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < tasks->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "",
                            baton_task_get_title (g_array_index (tasks, BatonReportTask, i).task));
  return g_string_free (out, FALSE);
}

#define ASSERT_TITLES(array, expected) G_STMT_START { \
    g_autofree char *titles_ = titles (array);        \
    g_assert_cmpstr (titles_, ==, (expected));        \
  } G_STMT_END

static const BatonReportTask *
find_task (GArray    *tasks,
           BatonTask *task)
{
  for (guint i = 0; i < tasks->len; i++)
    if (g_array_index (tasks, BatonReportTask, i).task == task)
      return &g_array_index (tasks, BatonReportTask, i);
  g_assert_not_reached ();
  return NULL;
}

static BatonReportProgram *
find_program (BatonStatusReportData *data,
              BatonProgram          *program)
{
  for (guint i = 0; i < data->programs->len; i++)
    {
      BatonReportProgram *item = g_ptr_array_index (data->programs, i);

      if (item->program == program)
        return item;
    }
  g_assert_not_reached ();
  return NULL;
}

static BatonCapacity *
matrix (Fixture *fx)
{
  BatonCapacityInput input = {
    baton_store_get_people (fx->store), baton_store_get_person_roles (fx->store),
    baton_store_get_time_off (fx->store), baton_store_get_tasks (fx->store),
    baton_store_get_stages (fx->store), baton_store_get_roles (fx->store),
  };

  return baton_capacity_compute (&fx->settings, &input, day (TODAY), 4);
}

static void
test_task_health (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = matrix (fx);
  guint32 today = day (TODAY);
  struct { BatonTask *task; BatonHealth with, without; } cases[] = {
    { fx->script, BATON_HEALTH_LATE, BATON_HEALTH_LATE },          /* due 11-20 */
    { fx->quiz, BATON_HEALTH_LATE, BATON_HEALTH_LATE },            /* due 11-24 */
    { fx->storyboard, BATON_HEALTH_AT_RISK, BATON_HEALTH_AT_RISK },/* Design, due in 2 working days */
    { fx->pilot, BATON_HEALTH_ON_TRACK, BATON_HEALTH_ON_TRACK },   /* Backlog, due in 6 */
    { fx->video, BATON_HEALTH_ON_TRACK, BATON_HEALTH_ON_TRACK },   /* Review, due in 5 */
    { fx->animation, BATON_HEALTH_AT_RISK, BATON_HEALTH_ON_TRACK },/* Ben over in week 11-30 */
    { fx->reopened, BATON_HEALTH_AT_RISK, BATON_HEALTH_ON_TRACK }, /* same week */
    { fx->build, BATON_HEALTH_ON_TRACK, BATON_HEALTH_ON_TRACK },   /* week 12-07: 16 of 20 h */
    { fx->needs, BATON_HEALTH_ON_TRACK, BATON_HEALTH_ON_TRACK },   /* done */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", baton_task_get_title (cases[i].task));
      g_assert_cmpint (baton_report_task_health (fx->store, &fx->settings, capacity, cases[i].task, today),
                       ==, cases[i].with);
      g_assert_cmpint (baton_report_task_health (fx->store, &fx->settings, NULL, cases[i].task, today),
                       ==, cases[i].without);
    }

  /* Due in exactly 5 working days (Wed → next Wed) in Backlog: at risk;
   * in Development (the second half): not. */
  g_assert_true (baton_store_update (fx->store, fx->pilot, NULL, "due-date", "2026-12-02", NULL));
  g_assert_cmpint (baton_report_task_health (fx->store, &fx->settings, NULL, fx->pilot, today), ==, BATON_HEALTH_AT_RISK);
  g_assert_true (baton_store_update (fx->store, fx->pilot, NULL, "stage-id", baton_test_id (stage (fx, DEVELOPMENT)), NULL));
  g_assert_cmpint (baton_report_task_health (fx->store, &fx->settings, NULL, fx->pilot, today), ==, BATON_HEALTH_ON_TRACK);
}

static void
test_forecast (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint32 today = day (TODAY);
  BatonTask *bare;

  /* Not overdue: the due date. */
  g_assert_cmpuint (baton_report_forecast_task (fx->store, &fx->settings, fx->storyboard, today), ==, day ("2026-11-27"));
  /* Analysis of five open stages: 4/5 of 10 h left, at Ana's 8 h a day: 1 day. */
  g_assert_cmpuint (baton_report_forecast_task (fx->store, &fx->settings, fx->script, today), ==, day ("2026-11-26"));
  /* Backlog, nobody: 20 h at 6 h a day, 4 working days over the weekend. */
  g_assert_cmpuint (baton_report_forecast_task (fx->store, &fx->settings, fx->quiz, today), ==, day ("2026-12-01"));
  /* No due date, 5 h: from today. */
  g_assert_cmpuint (baton_report_forecast_task (fx->store, &fx->settings, fx->archived, today), ==, day ("2026-11-26"));
  /* Neither: none. */
  bare = add_task (fx, fx->onboarding, BACKLOG, "Bare", NULL, NULL, 0, NULL, NULL, "2026-11-02T09:00:00Z");
  g_assert_cmpuint (baton_report_forecast_task (fx->store, &fx->settings, bare, today), ==, 0);
  /* Overdue with no estimate: the next working day (Friday → Monday). */
  g_assert_true (baton_store_update (fx->store, bare, &error, "due-date", "2026-11-20", NULL));
  g_assert_no_error (error);
  g_assert_cmpuint (baton_report_forecast_task (fx->store, &fx->settings, bare, day ("2026-11-27")), ==, day ("2026-11-30"));
}

static void
test_status_lists (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(BatonStatusReportData) report = status_report (fx, fx->acme, NULL);
  const BatonReportTask *item;
  const BatonReportSlip *slip;

  g_assert_true (report->client == fx->acme);
  g_assert_cmpuint (report->next_from_day, ==, day ("2026-11-30"));
  g_assert_cmpuint (report->next_to_day, ==, day ("2026-12-06"));

  /* Completed: through the log (Needs analysis), by completed-at without
   * a log (Kick-off); not before the period (Old plan), not reopened. */
  ASSERT_TITLES (report->completed, "Needs analysis, Kick-off");
  item = find_task (report->completed, fx->needs);
  g_assert_cmpuint (item->done_day, ==, day ("2026-11-24"));
  g_assert_cmpuint (item->forecast_day, ==, day ("2026-11-24"));
  g_assert_cmpuint (find_task (report->completed, fx->kickoff)->done_day, ==, day ("2026-11-26"));

  /* Slipped: two moves in the period, 12-04 → 12-09 → 12-11. */
  g_assert_cmpuint (report->slipped->len, ==, 1);
  slip = &g_array_index (report->slipped, BatonReportSlip, 0);
  g_assert_true (slip->task == fx->build);
  g_assert_cmpuint (slip->from_day, ==, day ("2026-12-04"));
  g_assert_cmpuint (slip->to_day, ==, day ("2026-12-11"));
  g_assert_cmpuint (slip->changed_day, ==, day ("2026-11-26"));

  ASSERT_TITLES (report->next, "Safety video, Pilot, Animation, Reopened thing");
  ASSERT_TITLES (report->overdue, "Script, Quiz");
  item = find_task (report->overdue, fx->script);
  g_assert_cmpint (item->health, ==, BATON_HEALTH_LATE);
  g_assert_cmpuint (item->forecast_day, ==, day ("2026-11-26"));
  g_assert_cmpuint (item->planned_day, ==, day ("2026-11-20"));
  ASSERT_TITLES (report->at_risk, "Storyboard, Animation, Reopened thing");

  /* The first due date the log knows. */
  item = find_task (report->next, fx->reopened);
  g_assert_cmpuint (item->done_day, ==, 0);
  g_assert_cmpuint (item->forecast_day, ==, day ("2026-12-04"));

  /* Notes of the period: the client's general one and Safety's (updated
   * in it), oldest first; not the old one, not another client's. */
  g_assert_cmpuint (report->notes->len, ==, 2);
  g_assert_true (g_ptr_array_index (report->notes, 0) == fx->note_safety);
  g_assert_true (g_ptr_array_index (report->notes, 1) == fx->note_general);
}

static void
test_planned_from_log (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(BatonStatusReportData) report = status_report (fx, fx->acme, fx->onboarding);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (BatonReportTask));

  /* Build module is not due in the next period, but it is in the slip list
   * with the planned day of its first recorded due date. */
  g_assert_cmpuint (report->slipped->len, ==, 1);
  g_assert_cmpuint (find_program (report, fx->onboarding)->forecast_day, ==, day ("2026-12-11"));

  /* Only Onboarding: Safety's note and tasks are out. */
  g_assert_cmpuint (report->programs->len, ==, 1);
  g_assert_cmpuint (report->notes->len, ==, 1);
  g_assert_true (g_ptr_array_index (report->notes, 0) == fx->note_general);
  ASSERT_TITLES (report->next, "Pilot, Reopened thing");
  ASSERT_TITLES (report->at_risk, "Storyboard, Reopened thing");
}

static void
test_programs (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(BatonStatusReportData) report = status_report (fx, fx->acme, NULL);
  BatonReportProgram *onboarding, *safety;
  static const guint counts[] = { 2, 1, 1, 2, 0, 3 };
  static const double stage_hours[] = { 23, 10, 10, 22, 0, 14 };
  static const char * const weeks[] = { "2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23" };
  static const double done[] = { 0, 4, 4, 14 };
  static const double scope[] = { 60, 76, 79, 79 };

  g_assert_cmpuint (report->programs->len, ==, 2);
  onboarding = g_ptr_array_index (report->programs, 0);
  safety = g_ptr_array_index (report->programs, 1);
  g_assert_true (onboarding->program == fx->onboarding);
  g_assert_true (safety->program == fx->safety);

  g_assert_cmpuint (onboarding->planned_day, ==, day ("2026-12-18"));
  g_assert_cmpuint (onboarding->forecast_day, ==, day ("2026-12-11"));
  g_assert_cmpint (onboarding->health, ==, BATON_HEALTH_AT_RISK);   /* late tasks, due date ahead */
  g_assert_cmpuint (onboarding->n_tasks, ==, 9);
  g_assert_cmpuint (onboarding->n_done, ==, 3);
  g_assert_cmpfloat_with_epsilon (onboarding->estimate_hours, 79, 1e-9);
  g_assert_cmpfloat_with_epsilon (onboarding->done_hours, 14, 1e-9);

  g_assert_cmpuint (onboarding->stage_ids->len, ==, 6);
  for (guint s = 0; s < 6; s++)
    {
      g_assert_cmpint (g_array_index (onboarding->stage_ids, gint64, s), ==, baton_test_id (stage (fx, s)));
      g_assert_cmpuint (g_array_index (onboarding->stage_counts, guint, s), ==, counts[s]);
      g_assert_cmpfloat_with_epsilon (g_array_index (onboarding->stage_hours, double, s), stage_hours[s], 1e-9);
      g_assert_cmpuint (g_array_index (safety->stage_counts, guint, s), ==, s == REVIEW || s == DEVELOPMENT);
    }

  /* Burn-up from the program's start to the period's week; the task
   * reopened within the period is not done. */
  g_assert_cmpuint (onboarding->burnup_weeks->len, ==, G_N_ELEMENTS (weeks));
  for (guint w = 0; w < G_N_ELEMENTS (weeks); w++)
    {
      g_assert_cmpuint (g_array_index (onboarding->burnup_weeks, guint32, w), ==, day (weeks[w]));
      g_assert_cmpfloat_with_epsilon (g_array_index (onboarding->burnup_done, double, w), done[w], 1e-9);
      g_assert_cmpfloat_with_epsilon (g_array_index (onboarding->burnup_scope, double, w), scope[w], 1e-9);
    }

  /* Safety: no dates of its own, planned from its tasks. */
  g_assert_cmpuint (safety->planned_day, ==, day ("2026-12-04"));
  g_assert_cmpuint (safety->forecast_day, ==, day ("2026-12-04"));
  g_assert_cmpint (safety->health, ==, BATON_HEALTH_AT_RISK);
  g_assert_cmpuint (safety->burnup_weeks->len, ==, 4);   /* from its first task's creation */
}

static void
test_staffing (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(BatonStatusReportData) report = status_report (fx, fx->acme, NULL);
  const BatonReportStaffing *line;

  /* Week of 11-30. Designer: Safety video 12 h + Reopened thing 6 h,
   * against Ana's 40 h less 20 h of Other's work, and Ben's 20 h less
   * nothing else. Developer: Animation 30 h against Ben's 20 h. No role:
   * Pilot's 3 h. Writer: nobody and nothing, left out. */
  g_assert_cmpuint (report->staffing->len, ==, 3);
  line = &g_array_index (report->staffing, BatonReportStaffing, 0);
  g_assert_true (line->role == fx->designer);
  g_assert_cmpfloat_with_epsilon (line->needed_hours, 18, 1e-9);
  g_assert_cmpfloat_with_epsilon (line->available_hours, 40, 1e-9);
  g_assert_cmpuint (line->n_people, ==, 2);
  line = &g_array_index (report->staffing, BatonReportStaffing, 1);
  g_assert_true (line->role == fx->developer);
  g_assert_cmpfloat_with_epsilon (line->needed_hours, 30, 1e-9);
  g_assert_cmpfloat_with_epsilon (line->available_hours, 20, 1e-9);
  g_assert_cmpuint (line->n_people, ==, 1);
  line = &g_array_index (report->staffing, BatonReportStaffing, 2);
  g_assert_null (line->role);
  g_assert_cmpfloat_with_epsilon (line->needed_hours, 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (line->available_hours, 0, 1e-9);
  g_assert_cmpuint (line->n_people, ==, 0);
}

static void
test_health_late (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStatusReportData) report = status_report (fx, fx->acme, NULL);
  g_autoptr(BatonStatusReportData) later = NULL;

  /* Due by today: Needs analysis, Old plan (done), Script, Quiz (overdue):
   * 2 of 4 is more than a quarter. */
  g_assert_cmpint (report->health, ==, BATON_HEALTH_LATE);
  g_assert_cmpstr (report->health_reason, ==, "2 tasks are overdue, the longest by 5 days.");

  /* A program forecast after its due date comes first. */
  g_assert_true (baton_store_update (fx->store, fx->onboarding, &error, "due-date", "2026-12-10", NULL));
  g_assert_no_error (error);
  later = status_report (fx, fx->acme, NULL);
  g_assert_cmpint (later->health, ==, BATON_HEALTH_LATE);
  g_assert_cmpint (find_program (later, fx->onboarding)->health, ==, BATON_HEALTH_LATE);
  g_assert_cmpstr (later->health_reason, ==, "Onboarding is forecast 1 day after its due date.");
}

static void
test_health_at_risk (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStatusReportData) safety = status_report (fx, fx->acme, fx->safety);
  g_autoptr(BatonStatusReportData) one_late = NULL;

  g_assert_cmpint (safety->health, ==, BATON_HEALTH_AT_RISK);
  g_assert_cmpstr (safety->health_reason, ==, "1 task is at risk of missing its due date.");

  /* One overdue of five due by today: at risk, not late. */
  g_assert_true (baton_store_update (fx->store, fx->quiz, &error, "due-date", "2026-12-08", NULL));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    add_task (fx, fx->onboarding, DELIVERED, "Done early", NULL, NULL, 1, NULL, "2026-11-16", "2026-11-02T09:00:00Z");
  one_late = status_report (fx, fx->acme, fx->onboarding);
  g_assert_cmpint (one_late->health, ==, BATON_HEALTH_AT_RISK);
  g_assert_cmpstr (one_late->health_reason, ==, "1 task is overdue, by 5 days.");
}

static void
test_health_on_track (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(BatonStatusReportData) report = status_report (fx, fx->other, NULL);

  g_assert_cmpint (report->health, ==, BATON_HEALTH_ON_TRACK);
  g_assert_cmpstr (report->health_reason, ==, "Everything due so far is done, and the rest is on schedule.");
  g_assert_cmpuint (report->completed->len, ==, 0);   /* done the week before */
  ASSERT_TITLES (report->next, "Other work");
  g_assert_cmpuint (report->notes->len, ==, 1);
  g_assert_true (g_ptr_array_index (report->notes, 0) == fx->note_other);
}

static void
assert_row (BatonReportLoadRow   *row,
            const double          load[3],
            const double          capacity[3],
            const BatonLoadLevel  levels[3])
{
  g_assert_cmpuint (row->load_hours->len, ==, 3);
  for (guint w = 0; w < 3; w++)
    {
      g_assert_cmpfloat_with_epsilon (g_array_index (row->load_hours, double, w), load[w], 1e-9);
      g_assert_cmpfloat_with_epsilon (g_array_index (row->capacity_hours, double, w), capacity[w], 1e-9);
      g_assert_cmpint (g_array_index (row->levels, BatonLoadLevel, w), ==, levels[w]);
    }
}

static void
test_capacity_report (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonCapacityReportData) report = NULL;
  BatonReportLoadRow *row;
  GArray *hours;

  /* From a Wednesday: the weeks of 11-23, 11-30 and 12-07. */
  report = baton_capacity_report_data_new (fx->store, &fx->settings, day (TODAY), 3, day (TODAY), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->first_week, ==, day ("2026-11-23"));
  g_assert_cmpuint (report->n_weeks, ==, 3);
  g_assert_cmpuint (g_array_index (report->week_starts, guint32, 2), ==, day ("2026-12-07"));

  /* People by primary role, then no role. */
  g_assert_cmpuint (report->people->len, ==, 3);
  row = g_ptr_array_index (report->people, 0);
  g_assert_true (row->person == fx->ana && row->role == fx->designer);
  assert_row (row, (double[]) { 10, 32, 0 }, (double[]) { 40, 40, 40 },
              (BatonLoadLevel[]) { BATON_LOAD_OK, BATON_LOAD_OK, BATON_LOAD_OK });
  g_assert_cmpfloat_with_epsilon (row->total_load_hours, 42, 1e-9);
  g_assert_cmpfloat_with_epsilon (row->total_capacity_hours, 120, 1e-9);
  row = g_ptr_array_index (report->people, 1);
  g_assert_true (row->person == fx->ben && row->role == fx->developer);
  assert_row (row, (double[]) { 0, 36, 16 }, (double[]) { 20, 20, 20 },
              (BatonLoadLevel[]) { BATON_LOAD_OK, BATON_LOAD_OVER, BATON_LOAD_OK });
  g_assert_cmpuint (row->n_over_weeks, ==, 1);
  row = g_ptr_array_index (report->people, 2);
  g_assert_true (row->person == fx->cleo && row->role == NULL);
  g_assert_cmpuint (report->n_over_cells, ==, 1);

  /* Roles: the load of their tasks whoever holds them, the capacity of
   * their primary people; Writer has neither; Cleo makes "No role". */
  g_assert_cmpuint (report->roles->len, ==, 3);
  row = g_ptr_array_index (report->roles, 0);
  g_assert_true (row->person == NULL && row->role == fx->designer);
  assert_row (row, (double[]) { 10, 38, 0 }, (double[]) { 40, 40, 40 },
              (BatonLoadLevel[]) { BATON_LOAD_OK, BATON_LOAD_HIGH, BATON_LOAD_OK });
  row = g_ptr_array_index (report->roles, 1);
  g_assert_true (row->role == fx->developer);
  assert_row (row, (double[]) { 0, 30, 16 }, (double[]) { 20, 20, 20 },
              (BatonLoadLevel[]) { BATON_LOAD_OK, BATON_LOAD_OVER, BATON_LOAD_OK });
  g_assert_cmpuint (row->n_over_weeks, ==, 1);
  row = g_ptr_array_index (report->roles, 2);
  g_assert_true (row->person == NULL && row->role == NULL);
  assert_row (row, (double[]) { 0, 0, 0 }, (double[]) { 10, 10, 10 },
              (BatonLoadLevel[]) { BATON_LOAD_OK, BATON_LOAD_OK, BATON_LOAD_OK });

  /* Unassigned: the Quiz, in its due date's week; Pilot has no role. */
  g_assert_cmpuint (report->unassigned_roles->len, ==, 1);
  g_assert_true (g_ptr_array_index (report->unassigned_roles, 0) == fx->designer);
  hours = g_ptr_array_index (report->unassigned_hours, 0);
  g_assert_cmpfloat_with_epsilon (g_array_index (hours, double, 0), 20, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (hours, double, 1), 0, 1e-9);
}

/* A placeholder's work is unstaffed demand: it counts with the unassigned
 * demand of its role, and neither its load nor its capacity with the
 * role's; it still has its own row, and staffing leaves it out. */
static void
test_capacity_placeholder (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonCapacityReportData) report = NULL;
  BatonPerson *tbd = add_person (fx, "Writer TBD", 40, fx->writer, NULL);
  GArray *hours = NULL;
  gboolean listed = FALSE;

  g_assert_true (baton_store_update (fx->store, tbd, &error, "placeholder", (gboolean) TRUE, NULL));
  g_assert_no_error (error);
  add_task (fx, fx->onboarding, 1, "Script", fx->writer, tbd, 16, "2026-11-30", "2026-12-04", NULL);

  report = baton_capacity_report_data_new (fx->store, &fx->settings, day (TODAY), 3, day (TODAY), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < report->unassigned_roles->len; i++)
    if (g_ptr_array_index (report->unassigned_roles, i) == fx->writer)
      hours = g_ptr_array_index (report->unassigned_hours, i);
  g_assert_nonnull (hours);
  g_assert_cmpfloat_with_epsilon (g_array_index (hours, double, 0), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (g_array_index (hours, double, 1), 16, 1e-9);

  /* The Writer role has neither load nor (real) capacity: no row. */
  for (guint i = 0; i < report->roles->len; i++)
    g_assert_true (((BatonReportLoadRow *) g_ptr_array_index (report->roles, i))->role != fx->writer);
  for (guint i = 0; i < report->people->len; i++)
    listed |= ((BatonReportLoadRow *) g_ptr_array_index (report->people, i))->person == tbd;
  g_assert_true (listed);
}

static void
assert_invalid (GError     *error,
                const char *fragment)
{
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_errors (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(BatonTestState) before = baton_test_state_capture (fx->store);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 other_id = baton_test_id (fx->other_program);
  guint32 from = day ("2026-11-23"), to = day ("2026-11-29"), today = day (TODAY);
  GError *error = NULL;

  g_assert_null (baton_status_report_data_new (fx->store, &fx->settings, 9999, NULL, from, to, today, &error));
  assert_invalid (error, "no client");
  g_clear_error (&error);

  g_array_append_val (ids, other_id);
  g_assert_null (baton_status_report_data_new (fx->store, &fx->settings, baton_test_id (fx->acme), ids,
                                               from, to, today, &error));
  assert_invalid (error, "“Other program” is not one of Acme’s programs");
  g_clear_error (&error);

  g_assert_null (baton_status_report_data_new (fx->store, &fx->settings, baton_test_id (fx->acme), NULL,
                                               to, from, today, &error));
  assert_invalid (error, "2026-11-29");
  g_clear_error (&error);

  g_assert_null (baton_capacity_report_data_new (fx->store, &fx->settings, today, 0, today, &error));
  assert_invalid (error, "not 0");
  g_clear_error (&error);
  g_assert_null (baton_capacity_report_data_new (fx->store, &fx->settings, today, 105, today, &error));
  assert_invalid (error, "1 to 104 weeks, not 105");
  g_clear_error (&error);

  /* Reports write nothing, failing or not. */
  baton_status_report_data_free (status_report (fx, fx->acme, NULL));
  baton_test_assert_state_equals (before, fx->store);
}

/* The default demo with a fixed today has something in each list the
 * documents show. */
static void
test_demo (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(BatonStatusReportData) report = NULL;
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  BatonCapacitySettings settings;
  BatonDemoSize size;
  GListModel *tasks;
  gint64 busiest = 0;
  guint most = 0;
  guint32 today = day (TODAY);

  baton_demo_size_init_default (&size);
  size.today = today;
  baton_capacity_settings_init_default (&settings);
  store = baton_store_open (ws->path, &error);
  g_assert_no_error (error);
  g_assert_true (baton_demo_generate (store, &size, &error));
  g_assert_no_error (error);

  tasks = baton_store_get_tasks (store);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);
      BatonProgram *program = baton_store_lookup_program (store, baton_task_get_program_id (task));
      gpointer client;
      guint n;

      if (program == NULL)
        continue;
      client = GSIZE_TO_POINTER ((gsize) baton_program_get_client_id (program));
      n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, client)) + 1;
      g_hash_table_insert (counts, client, GUINT_TO_POINTER (n));
      if (n > most)
        {
          most = n;
          busiest = baton_program_get_client_id (program);
        }
    }

  /* The last two weeks. */
  report = baton_status_report_data_new (store, &settings, busiest, NULL, today - 13, today, today, &error);
  g_assert_no_error (error);
  g_test_message ("%u completed, %u slipped, %u overdue, %u at risk, %u next",
                  report->completed->len, report->slipped->len, report->overdue->len,
                  report->at_risk->len, report->next->len);
  g_assert_cmpuint (report->completed->len, >, 0);
  g_assert_cmpuint (report->slipped->len, >, 0);
  g_assert_cmpuint (report->overdue->len, >, 0);
  g_assert_cmpuint (report->next->len, >, 0);
  g_assert_cmpuint (report->programs->len, >, 0);
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/report-data/task-health", test_task_health);
  ADD ("/report-data/forecast", test_forecast);
  ADD ("/report-data/status/lists", test_status_lists);
  ADD ("/report-data/status/chosen-program", test_planned_from_log);
  ADD ("/report-data/status/programs", test_programs);
  ADD ("/report-data/status/staffing", test_staffing);
  ADD ("/report-data/status/health-late", test_health_late);
  ADD ("/report-data/status/health-at-risk", test_health_at_risk);
  ADD ("/report-data/status/health-on-track", test_health_on_track);
  ADD ("/report-data/capacity", test_capacity_report);
  ADD ("/report-data/capacity/placeholder", test_capacity_placeholder);
  ADD ("/report-data/errors", test_errors);
#undef ADD
  g_test_add_func ("/report-data/demo", test_demo);

  return g_test_run ();
}
