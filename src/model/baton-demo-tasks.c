/* baton-demo-tasks.c — the demo's cards and their checklists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-demo"

#include "config.h"

#include "baton-demo-private.h"

typedef enum
{
  PHASE_ANALYSIS,
  PHASE_DESIGN,
  PHASE_DEVELOPMENT,
  PHASE_REVIEW,
  N_PHASES
} DemoPhase;

typedef struct
{
  const char *title;      /* may hold one %u: a module number */
  DemoRole    role;
  DemoPhase   phase;
  guint8      min_hours;
  guint8      max_hours;
} DemoTaskKind;

static const DemoTaskKind task_kinds[] = {
  { "Needs analysis interviews", ROLE_DESIGNER, PHASE_ANALYSIS, 8, 16 },
  { "Stakeholder kick-off meeting", ROLE_MANAGER, PHASE_ANALYSIS, 2, 4 },
  { "Audience and task analysis", ROLE_DESIGNER, PHASE_ANALYSIS, 6, 16 },
  { "Review existing materials", ROLE_DESIGNER, PHASE_ANALYSIS, 4, 10 },
  { "Draft learning objectives", ROLE_DESIGNER, PHASE_ANALYSIS, 3, 8 },
  { "Project plan and schedule", ROLE_MANAGER, PHASE_ANALYSIS, 4, 8 },
  { "SME interview for module %u", ROLE_SME, PHASE_ANALYSIS, 1, 2 },
  { "Design document", ROLE_DESIGNER, PHASE_DESIGN, 12, 24 },
  { "Storyboard module %u", ROLE_DESIGNER, PHASE_DESIGN, 8, 24 },
  { "Write script for module %u", ROLE_WRITER, PHASE_DESIGN, 6, 20 },
  { "Visual style guide", ROLE_ARTIST, PHASE_DESIGN, 8, 16 },
  { "Draft quiz items for module %u", ROLE_WRITER, PHASE_DESIGN, 4, 10 },
  { "Scenario outline for module %u", ROLE_DESIGNER, PHASE_DESIGN, 4, 12 },
  { "SME review of quiz items", ROLE_SME, PHASE_DESIGN, 1, 3 },
  { "Build module %u in Storyline", ROLE_DEVELOPER, PHASE_DEVELOPMENT, 16, 40 },
  { "Record voice-over for module %u", ROLE_DEVELOPER, PHASE_DEVELOPMENT, 4, 12 },
  { "Create illustrations for module %u", ROLE_ARTIST, PHASE_DEVELOPMENT, 8, 24 },
  { "Design job aids", ROLE_ARTIST, PHASE_DEVELOPMENT, 6, 16 },
  { "Animate explainer video", ROLE_ARTIST, PHASE_DEVELOPMENT, 16, 40 },
  { "Facilitator guide", ROLE_WRITER, PHASE_DEVELOPMENT, 8, 20 },
  { "SCORM packaging and LMS upload", ROLE_DEVELOPER, PHASE_DEVELOPMENT, 2, 6 },
  { "Copy-edit module %u", ROLE_WRITER, PHASE_DEVELOPMENT, 3, 8 },
  { "SME review of module %u", ROLE_SME, PHASE_REVIEW, 2, 3 },
  { "Accessibility check (WCAG 2.1)", ROLE_REVIEWER, PHASE_REVIEW, 4, 10 },
  { "Final QA pass", ROLE_REVIEWER, PHASE_REVIEW, 4, 12 },
  { "Pilot session with learners", ROLE_DESIGNER, PHASE_REVIEW, 4, 8 },
  { "Client sign-off", ROLE_MANAGER, PHASE_REVIEW, 1, 3 },
  { "Proofread module %u", ROLE_REVIEWER, PHASE_REVIEW, 2, 6 },
};

static const char * const checklists[N_PHASES][5] = {
  [PHASE_ANALYSIS]    = { "Book the interviews", "Prepare the questions", "Collect the org chart",
                          "Agree on success measures", "Send the summary to the client" },
  [PHASE_DESIGN]      = { "Outline the screens", "Draft the narration", "Mark the interactions",
                          "Send to the SME", "Apply the feedback" },
  [PHASE_DEVELOPMENT] = { "Import the assets", "Build the interactions", "Add captions",
                          "Test on a phone", "Publish a review link" },
  [PHASE_REVIEW]      = { "Check every link", "Check alt text", "Check quiz scoring",
                          "Log the issues", "Confirm the fixes" },
};

static const char * const task_descriptions[] = {
  "Agreed at the kick-off: keep it under 20 minutes.",
  "See the client's brand guidelines in the shared folder.",
  "Blocked until the SME returns the marked-up script.",
  "Use the **branching scenario** template from the last project.",
  "The client asked for plain language: aim for a reading age of 12.",
  "Two rounds of review are in the budget, not three.",
  "Reuse what we can from last year's version; the policy changed in section 4 only.",
  "Learners are on shared tablets: no audio-only content.",
};

static BatonStage *
backlog_stage (DemoContext *ctx)
{
  return g_ptr_array_index (ctx->open_stages, 0);
}

/* The open stage where work of @phase sits: with the default stages,
 * Analysis, Design, Development and Review. */
static BatonStage *
phase_stage (DemoContext *ctx,
             DemoPhase    phase)
{
  guint m = ctx->open_stages->len;
  guint index;

  if (m <= 1)
    index = 0;
  else
    index = MIN (m - 1, 1 + (guint) phase * (m - 1) / N_PHASES);
  return g_ptr_array_index (ctx->open_stages, index);
}

/* Tasks
 *
 * Cards and checklist items are inserted with baton_store_insertv (), every
 * field at once, rather than with baton_store_create_task () followed by an
 * update, and baton_store_add_checklist_item (): those two look up the
 * stage's last card and the task's last item by scanning every card and
 * every item of the workspace, so 10,000 cards took seconds. The demo
 * knows where it put each card, so it sets the positions itself, with the
 * same ordering rule (increasing positions within a stage, gaps between
 * cards so a move needs no renumbering).
 */

#define DEMO_POSITION_GAP 1024

static gint64
next_card_position (DemoContext *ctx,
                    BatonStage  *stage)
{
  guint index;
  gint64 *last;

  if (!g_ptr_array_find (ctx->all_stages, stage, &index))
    g_assert_not_reached ();
  last = &g_array_index (ctx->last_position, gint64, index);
  *last += DEMO_POSITION_GAP;
  return *last;
}

/* The activity log
 *
 * The store logs what happens to a card when it is changed, at the
 * change's updated-at, so the demo makes a few changes at chosen times in
 * the past, and the store writes the rows itself: each delivered card is
 * moved from Review into the done stage when it was completed; about one
 * dated open card in eight had its due date pushed back by 2 to 7
 * working days a few days ago; one assigned card in sixteen changed hands
 * a few days ago. Those draws come from a stream of their own, so the
 * cards' other fields are what they were without the log.
 */

typedef struct
{
  guint32      due_from;     /* the due date before the push, 0: none */
  guint32      due_on;
  BatonPerson *previous;     /* held the card before, NULL: nobody or no change */
  guint32      reassigned_on;
} DemoChanges;

/* The @n-th working day before @day. */
static guint32
sub_workdays (guint32 day,
              guint   n)
{
  while (n > 0)
    {
      day--;
      if (is_workday (day))
        n--;
    }
  return day;
}

static void
plan_changes (DemoContext *ctx,
              DemoChanges *changes,
              BatonPerson *assignee,
              DemoRole     role,
              guint32      start,
              guint32      due,
              guint32      created)
{
  DemoRng *rng = &ctx->log_rng;

  memset (changes, 0, sizeof *changes);

  if (due != 0 && rng_below (rng, 8) == 0)
    {
      guint32 on = ctx->today - (guint32) rng_between (rng, 1, 6);
      guint32 from = sub_workdays (due, (guint) rng_between (rng, 2, 7));

      /* A due date never lay before the start. */
      if (on > created && MAX (from, start) < due)
        {
          changes->due_from = MAX (from, start);
          changes->due_on = on;
        }
    }

  if (assignee != NULL && rng_below (rng, 16) == 0)
    {
      GPtrArray *holders = ctx->holders[role];
      BatonPerson *previous = g_ptr_array_index (holders, rng_below (rng, holders->len));
      guint32 on = ctx->today - (guint32) rng_between (rng, 1, 10);

      if (on > created && previous != assignee)
        {
          changes->previous = previous;
          changes->reassigned_on = on;
        }
    }
}

static gboolean
update_at (BatonStore  *store,
           BatonTask   *task,
           PropList    *props,
           char        *at,
           GError     **error)
{
  prop_list_take_string (props, "updated-at", at);
  return prop_list_apply (props, store, task, error);
}

typedef enum
{
  PLACE_BACKLOG,
  PLACE_PHASE,
  PLACE_DONE,
} DemoPlace;

static gboolean
create_one_task (DemoContext         *ctx,
                 BatonStore          *store,
                 DemoRng             *rng,
                 const DemoTaskKind  *kind,
                 DemoPlace            place,
                 BatonPerson         *assignee,
                 gint64               estimate_minutes,
                 gint                 week,       /* G_MININT: unscheduled */
                 gboolean             from_monday,
                 guint                n_days,
                 GError             **error)
{
  PropList props = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *completed_at = NULL;
  BatonProgram *program = NULL;
  BatonStage *stage;
  BatonTask *task;
  DemoChanges changes = { 0 };
  guint32 created;
  guint32 start = 0;
  guint32 due = 0;
  gboolean archived = FALSE;

  if (strstr (kind->title, "%u") != NULL)
    title = g_strdup_printf (kind->title, (guint) rng_between (rng, 1, 8));
  else
    title = g_strdup (kind->title);

  if (ctx->programs->len > 0)
    program = g_ptr_array_index (ctx->programs, rng_below (rng, ctx->programs->len));

  switch (place)
    {
    case PLACE_BACKLOG:
      stage = backlog_stage (ctx);
      break;
    case PLACE_DONE:
      /* Delivered later, from Review (see "The activity log"). */
      stage = phase_stage (ctx, N_PHASES - 1);
      break;
    case PLACE_PHASE:
    default:
      stage = phase_stage (ctx, kind->phase);
      break;
    }

  prop_list_add_int (&props, "stage-id", record_id (stage));
  prop_list_add_int (&props, "position", next_card_position (ctx, stage));
  prop_list_add_int (&props, "program-id", program ? record_id (program) : 0);
  prop_list_add_string (&props, "title", title);
  prop_list_add_int (&props, "role-id", record_id (ctx->roles[kind->role]));
  prop_list_add_int (&props, "estimate-minutes", estimate_minutes);

  if (week != G_MININT)
    {
      guint32 first = workday_in_week (ctx, rng, week);

      if (from_monday)
        first = ctx->week0 + 7 * week;
      due = add_workdays (first, n_days - 1);
      /* A few tasks only have a deadline. */
      if (from_monday || !rng_percent (rng, 12))
        start = first;
      created = first - (guint32) rng_between (rng, 1, 21);
    }
  else
    {
      created = ctx->today - (guint32) rng_between (rng, 0, 45);
    }

  if (place != PLACE_DONE)
    plan_changes (ctx, &changes, assignee, kind->role, start, due, created);
  if (changes.previous != NULL)
    prop_list_add_int (&props, "assignee-id", record_id (changes.previous));
  else if (assignee != NULL)
    prop_list_add_int (&props, "assignee-id", record_id (assignee));
  if (start != 0)
    prop_list_take_string (&props, "start-date", baton_date_format (start));
  if (due != 0)
    prop_list_take_string (&props, "due-date", baton_date_format (changes.due_from != 0 ? changes.due_from : due));

  prop_list_add_int (&props, "priority",
                     rng_weighted (rng, (const guint[]) { 4, 3, 2, 1 }, 4));
  if (rng_percent (rng, 30))
    prop_list_add_string (&props, "description", RNG_PICK (rng, task_descriptions));
  prop_list_take_string (&props, "created-at",
                         format_timestamp (created, (guint) rng_between (rng, 8 * 60, 17 * 60)));

  if (place == PLACE_DONE && ctx->done_stage != NULL)
    {
      guint32 completed = MIN (due + (guint32) rng_between (rng, 0, 2), ctx->today);

      completed_at = format_timestamp (completed, (guint) rng_between (rng, 9 * 60, 18 * 60));
      /* Old deliveries get archived now and then. */
      if (ctx->n_delivered++ % 6 == 2)
        archived = TRUE;
    }
  else if (rng_percent (rng, 1))
    {
      prop_list_add_bool (&props, "archived", TRUE);
    }
  /* A few dated tasks are pinned (a session booked with the client), so
   * that a rebalance has tasks it must leave where they are. No draw of
   * the generator: the rest of the workspace stays as it was. */
  else if (due != 0 && ctx->n_scheduled++ % 20 == 7)
    {
      prop_list_add_bool (&props, "pinned", TRUE);
    }

  task = prop_list_insert (&props, store, BATON_TYPE_TASK, error);
  if (task == NULL)
    return FALSE;

  if (completed_at != NULL)
    {
      prop_list_add_int (&props, "stage-id", record_id (ctx->done_stage));
      prop_list_add_int (&props, "position", next_card_position (ctx, ctx->done_stage));
      prop_list_add_string (&props, "completed-at", completed_at);
      if (archived)
        prop_list_add_bool (&props, "archived", TRUE);
      if (!update_at (store, task, &props, g_strdup (completed_at), error))
        return FALSE;
    }
  if (changes.due_from != 0)
    {
      prop_list_take_string (&props, "due-date", baton_date_format (due));
      if (!update_at (store, task, &props,
                      format_timestamp (changes.due_on, (guint) rng_between (&ctx->log_rng, 9 * 60, 17 * 60)),
                      error))
        return FALSE;
    }
  if (changes.previous != NULL)
    {
      prop_list_add_int (&props, "assignee-id", record_id (assignee));
      if (!update_at (store, task, &props,
                      format_timestamp (changes.reassigned_on, (guint) rng_between (&ctx->log_rng, 9 * 60, 17 * 60)),
                      error))
        return FALSE;
    }

  /* A checklist on about a quarter of the tasks. */
  if (rng_percent (rng, 25))
    {
      guint n_items = (guint) rng_between (rng, 2, 5);
      guint first = rng_below (rng, 5);
      guint n_done;

      switch (place)
        {
        case PLACE_DONE:
          n_done = n_items;
          break;
        case PLACE_BACKLOG:
          n_done = 0;
          break;
        case PLACE_PHASE:
        default:
          n_done = rng_below (rng, n_items);
          break;
        }

      for (guint k = 0; k < n_items; k++)
        {
          if (baton_store_insert (store, BATON_TYPE_CHECKLIST_ITEM, error,
                                  "task-id", record_id (task),
                                  "text", checklists[kind->phase][(first + k) % 5],
                                  "done", (gboolean) (k < n_done),
                                  "position", (gint64) k,
                                  NULL) == NULL)
            return FALSE;
        }
    }

  return TRUE;
}

/* A week in [lo, hi], more likely near @lo: work bunches up in the
 * coming weeks and thins out later. */
static gint
near_week (DemoRng *rng,
           gint     lo,
           gint     hi)
{
  gint a = rng_between (rng, lo, hi);
  gint b = rng_between (rng, lo, hi);

  return MIN (a, b);
}

/* Working days a task of @estimate_minutes takes, at a few hours a day. */
static guint
task_days (DemoRng *rng,
           gint64   estimate_minutes)
{
  gint64 hours_a_day = rng_between (rng, 3, 8);
  gint64 days = (estimate_minutes / 60 + hours_a_day - 1) / hours_a_day;

  return (guint) CLAMP (days, 1, 15);
}

/* A big piece of work (16 hours or more) for @role. */
static const DemoTaskKind *
pick_big_kind_for_role (DemoRng  *rng,
                        DemoRole  role)
{
  guint n = 0;
  guint pick;

#define IS_BIG(k) ((k)->role == role && (k)->max_hours >= 16)
  for (guint i = 0; i < G_N_ELEMENTS (task_kinds); i++)
    n += IS_BIG (&task_kinds[i]);
  if (n == 0)
    return &task_kinds[rng_below (rng, G_N_ELEMENTS (task_kinds))];

  pick = rng_below (rng, n);
  for (guint i = 0; i < G_N_ELEMENTS (task_kinds); i++)
    if (IS_BIG (&task_kinds[i]) && pick-- == 0)
      return &task_kinds[i];
#undef IS_BIG
  g_assert_not_reached ();
  return NULL;
}

gboolean
_baton_demo_create_tasks (DemoContext  *ctx,
                          BatonStore   *store,
                          GError      **error)
{
  /* Where a task sits: Backlog, its phase's stage, or Delivered. */
  static const guint place_weights[] = { 16, 64, 20 };
  guint n_tasks = ctx->size->n_tasks;
  guint n_hot;
  guint hot_stride = 0;
  guint hot_done = 0;
  DemoRng rng;

  rng_init (&rng, ctx->size->seed, STREAM_TASKS);
  rng_init (&ctx->log_rng, ctx->size->seed, STREAM_ACTIVITY);

  /* Two heavy tasks this week for each busy person, so the grid shows
   * someone over capacity now; spread evenly through the board. */
  n_hot = MIN (2 * ctx->busy->len, n_tasks / 5);
  if (n_hot > 0)
    hot_stride = n_tasks / n_hot;

  for (guint i = 0; i < n_tasks; i++)
    {
      const DemoTaskKind *kind;
      BatonPerson *assignee = NULL;
      DemoPlace place;
      gint64 estimate;
      gint week;

      if (hot_done < n_hot && i == hot_done * hot_stride)
        {
          BatonPerson *person = g_ptr_array_index (ctx->busy, hot_done / 2);
          guint row;
          gint64 capacity = baton_person_get_weekly_capacity_minutes (person);

          g_ptr_array_find (ctx->people, person, &row);
          kind = pick_big_kind_for_role (&rng, g_array_index (ctx->primary, DemoRole, row));
          /* Each takes about two thirds of the week: together well over. */
          estimate = MAX (60, (capacity * 2 / 3 + 30) / 60 * 60);
          hot_done++;

          if (!create_one_task (ctx, store, &rng, kind, PLACE_PHASE, person, estimate,
                                0, TRUE, 5, error))
            return FALSE;
          continue;
        }

      kind = &task_kinds[rng_below (&rng, G_N_ELEMENTS (task_kinds))];
      /* Experts have a few hours a week: ask them half as often. */
      if (kind->role == ROLE_SME && rng_percent (&rng, 50))
        kind = &task_kinds[rng_below (&rng, G_N_ELEMENTS (task_kinds))];
      place = rng_weighted (&rng, place_weights, G_N_ELEMENTS (place_weights));
      estimate = 60 * (gint64) rng_between (&rng, kind->min_hours, kind->max_hours);

      switch (place)
        {
        case PLACE_BACKLOG:
          week = rng_percent (&rng, 45) ? G_MININT : rng_between (&rng, 2, 12);
          break;
        case PLACE_DONE:
          week = rng_between (&rng, -4, -1);
          break;
        case PLACE_PHASE:
        default:
          switch (kind->phase)
            {
            case PHASE_ANALYSIS:
              week = near_week (&rng, -1, 4);
              break;
            case PHASE_DESIGN:
              week = near_week (&rng, 0, 6);
              break;
            case PHASE_DEVELOPMENT:
              week = near_week (&rng, 0, 9);
              break;
            case PHASE_REVIEW:
            default:
              week = near_week (&rng, -1, 3);
              break;
            }
          if (rng_percent (&rng, 8))
            week = G_MININT;
          break;
        }

      /* Most work has someone on it; one task in eight waits for a person,
       * and half of the backlog is not given out yet. */
      if (i % 8 != 3 && ctx->holders[kind->role]->len > 0 &&
          (place != PLACE_BACKLOG || rng_percent (&rng, 50)))
        {
          GPtrArray *holders = ctx->holders[kind->role];

          assignee = g_ptr_array_index (holders, rng_below (&rng, holders->len));
        }

      if (!create_one_task (ctx, store, &rng, kind, place, assignee, estimate, week,
                            FALSE, task_days (&rng, estimate), error))
        return FALSE;
    }

  return TRUE;
}
