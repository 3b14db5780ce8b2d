/* test-rebalance.c — the plans the rebalance proposes, by hand and at random
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Weeks of December 2026, Monday first: W0 = Dec 7 (ISO week 50),
 * W1 = Dec 14 (51), W2 = Dec 21 (52), W3 = Dec 28 (53). Everyone works
 * 40 h, Monday to Friday; over means above 100 %.
 */

#include "config.h"

#include <locale.h>

#include "baton-rebalance.h"
#include "baton-dates.h"
#include "baton-demo.h"
#include "baton-record-private.h"
#include "baton-test-pg.h"
#include "baton-workload.h"

#define WRITER   1
#define DESIGNER 2
#define DOING    1
#define DONE     2
#define H        60

typedef struct
{
  GListStore *people, *person_roles, *time_off, *tasks, *stages, *roles;
  BatonCapacityInput input;
  BatonCapacitySettings settings;
  gint64 next_id;
} Fx;

static guint32
J (const char *iso)
{
  guint32 julian = 0;

  g_assert_true (baton_date_parse (iso, &julian));
  return julian;
}

static void
fx_init (Fx *f)
{
  g_autoptr(BatonStage) doing = _baton_record_new (BATON_TYPE_STAGE, "name", "Doing", NULL);
  g_autoptr(BatonStage) done = _baton_record_new (BATON_TYPE_STAGE, "name", "Done", "is-done", TRUE, NULL);
  g_autoptr(BatonRole) writer = _baton_record_new (BATON_TYPE_ROLE, "name", "Writer", NULL);
  g_autoptr(BatonRole) designer = _baton_record_new (BATON_TYPE_ROLE, "name", "Designer", NULL);

  memset (f, 0, sizeof *f);
  f->people = g_list_store_new (BATON_TYPE_PERSON);
  f->person_roles = g_list_store_new (BATON_TYPE_PERSON_ROLE);
  f->time_off = g_list_store_new (BATON_TYPE_TIME_OFF);
  f->tasks = g_list_store_new (BATON_TYPE_TASK);
  f->stages = g_list_store_new (BATON_TYPE_STAGE);
  f->roles = g_list_store_new (BATON_TYPE_ROLE);
  _baton_record_set_id (BATON_RECORD (doing), DOING);
  _baton_record_set_id (BATON_RECORD (done), DONE);
  _baton_record_set_id (BATON_RECORD (writer), WRITER);
  _baton_record_set_id (BATON_RECORD (designer), DESIGNER);
  g_list_store_append (f->stages, doing);
  g_list_store_append (f->stages, done);
  g_list_store_append (f->roles, writer);
  g_list_store_append (f->roles, designer);
  f->input = (BatonCapacityInput) {
    G_LIST_MODEL (f->people), G_LIST_MODEL (f->person_roles), G_LIST_MODEL (f->time_off),
    G_LIST_MODEL (f->tasks), G_LIST_MODEL (f->stages), G_LIST_MODEL (f->roles),
  };
  baton_capacity_settings_init_default (&f->settings);
  f->settings.workdays_mask = 0x1f;
  f->settings.first_weekday = 1;
  f->next_id = 1000;
}

static void
fx_clear (Fx *f)
{
  g_clear_object (&f->people);
  g_clear_object (&f->person_roles);
  g_clear_object (&f->time_off);
  g_clear_object (&f->tasks);
  g_clear_object (&f->stages);
  g_clear_object (&f->roles);
}

static void
person (Fx         *f,
        gint64      id,
        const char *name,
        gint64      role_id,
        gboolean    placeholder)
{
  g_autoptr(BatonPerson) p = _baton_record_new (BATON_TYPE_PERSON, "name", name,
                                                "weekly-capacity-minutes", (gint64) 40 * H,
                                                "placeholder", placeholder, NULL);
  g_autoptr(BatonPersonRole) pr = _baton_record_new (BATON_TYPE_PERSON_ROLE, "person-id", id,
                                                     "role-id", role_id, "is-primary", TRUE, NULL);

  _baton_record_set_id (BATON_RECORD (p), id);
  g_list_store_append (f->people, p);
  _baton_record_set_id (BATON_RECORD (pr), f->next_id++);
  g_list_store_append (f->person_roles, pr);
}

static void
secondary_role (Fx    *f,
                gint64 person_id,
                gint64 role_id)
{
  g_autoptr(BatonPersonRole) pr = _baton_record_new (BATON_TYPE_PERSON_ROLE, "person-id", person_id,
                                                     "role-id", role_id, NULL);

  _baton_record_set_id (BATON_RECORD (pr), f->next_id++);
  g_list_store_append (f->person_roles, pr);
}

static void
time_off (Fx         *f,
          gint64      person_id,
          const char *start,
          const char *end)
{
  g_autoptr(BatonTimeOff) off = _baton_record_new (BATON_TYPE_TIME_OFF, "person-id", person_id,
                                                   "start-date", start, "end-date", end, NULL);

  _baton_record_set_id (BATON_RECORD (off), f->next_id++);
  g_list_store_append (f->time_off, off);
}

static BatonTask *
task (Fx         *f,
      gint64      id,
      gint64      assignee,
      gint64      role_id,
      gint64      program_id,
      gint64      minutes,
      const char *start,
      const char *due)
{
  g_autoptr(BatonTask) t = _baton_record_new (BATON_TYPE_TASK, "title", "Task", "stage-id", (gint64) DOING,
                                              "assignee-id", assignee, "role-id", role_id,
                                              "program-id", program_id,
                                              "estimate-minutes", minutes,
                                              "start-date", start, "due-date", due, NULL);

  _baton_record_set_id (BATON_RECORD (t), id);
  g_list_store_append (f->tasks, t);
  return t;   /* the list holds it */
}

static BatonRebalancePlan *
propose (Fx         *f,
         const char *today,
         gint64      person_id)
{
  return baton_rebalance_propose (&f->settings, &f->input, J ("2026-12-07"), 4, J (today), person_id);
}

static BatonRebalanceMove *
move_at (BatonRebalancePlan *plan,
         guint               i)
{
  return g_ptr_array_index (plan->moves, i);
}

/* Alice's week 51 holds 50 h: the 10 h task goes a week earlier (her week
 * 50 is empty), not the 40 h one, and nobody else is needed. */
static void
test_reschedule (void)
{
  Fx f;
  g_autoptr(BatonRebalancePlan) plan = NULL;
  BatonRebalanceMove *move;

  fx_init (&f);
  person (&f, 1, "Alice", WRITER, FALSE);
  person (&f, 2, "Bob", WRITER, FALSE);
  task (&f, 10, 1, WRITER, 0, 40 * H, "2026-12-14", "2026-12-18");
  task (&f, 11, 1, WRITER, 0, 10 * H, "2026-12-14", "2026-12-18");

  plan = propose (&f, "2026-12-07", 0);
  g_assert_cmpfloat_with_epsilon (plan->overload_before, 10 * H, 0.01);
  g_assert_cmpfloat_with_epsilon (plan->overload_after, 0, 0.01);
  g_assert_cmpuint (plan->moves->len, ==, 1);
  g_assert_cmpuint (plan->leftovers->len, ==, 0);
  move = move_at (plan, 0);
  g_assert_cmpint (baton_record_get_id (BATON_RECORD (move->task)), ==, 11);
  g_assert_cmpint (move->from_person_id, ==, 1);
  g_assert_cmpint (move->to_person_id, ==, 1);
  g_assert_cmpstr (move->start_date, ==, "2026-12-07");
  g_assert_cmpstr (move->due_date, ==, "2026-12-11");
  g_assert_cmpfloat (move->minutes, ==, 10 * H);
  g_assert_cmpstr (move->explanation, ==,
                   "Alice 50 → 40 h in week 51, 0 → 10 h in week 50, 1 week earlier, due Dec 18 → Dec 11");
  fx_clear (&f);
}

/* Today is week 51's Monday: no earlier week is left. Bob is on the
 * program, Carol is freer: Bob gets it. */
static void
test_reassign_program (void)
{
  Fx f;
  g_autoptr(BatonRebalancePlan) plan = NULL;
  BatonRebalanceMove *move;

  fx_init (&f);
  person (&f, 1, "Alice", WRITER, FALSE);
  person (&f, 2, "Bob", WRITER, FALSE);
  person (&f, 3, "Carol", WRITER, FALSE);
  task (&f, 10, 1, WRITER, 5, 40 * H, "2026-12-14", "2026-12-18");
  task (&f, 11, 1, WRITER, 5, 10 * H, "2026-12-14", "2026-12-18");
  task (&f, 12, 2, WRITER, 5, 20 * H, "2026-12-14", "2026-12-18");

  plan = propose (&f, "2026-12-14", 0);
  g_assert_cmpuint (plan->moves->len, ==, 1);
  move = move_at (plan, 0);
  g_assert_cmpint (baton_record_get_id (BATON_RECORD (move->task)), ==, 11);
  g_assert_cmpint (move->to_person_id, ==, 2);
  g_assert_cmpstr (move->start_date, ==, "2026-12-14");
  g_assert_cmpstr (move->due_date, ==, "2026-12-18");
  g_assert_cmpstr (move->explanation, ==,
                   "Alice 50 → 40 h, Bob 20 → 30 h, same role, on the program, due Dec 18 kept");
  g_assert_cmpfloat_with_epsilon (plan->overload_after, 0, 0.01);
  fx_clear (&f);
}

/* Off the program: the least loaded holder of the role (Dave, 5 h, by
 * his secondary role), not Bob (20 h) nor Erin (a designer only, empty). */
static void
test_reassign_least_loaded (void)
{
  Fx f;
  g_autoptr(BatonRebalancePlan) plan = NULL;
  BatonRebalanceMove *move;

  fx_init (&f);
  person (&f, 1, "Alice", WRITER, FALSE);
  person (&f, 2, "Bob", WRITER, FALSE);
  person (&f, 4, "Dave", DESIGNER, FALSE);
  secondary_role (&f, 4, WRITER);
  person (&f, 5, "Erin", DESIGNER, FALSE);
  task (&f, 10, 1, WRITER, 5, 40 * H, "2026-12-14", "2026-12-18");
  task (&f, 11, 1, WRITER, 5, 10 * H, "2026-12-14", "2026-12-18");
  task (&f, 12, 2, WRITER, 6, 20 * H, "2026-12-14", "2026-12-18");
  task (&f, 13, 4, DESIGNER, 6, 5 * H, "2026-12-14", "2026-12-18");

  plan = propose (&f, "2026-12-14", 0);
  g_assert_cmpuint (plan->moves->len, ==, 1);
  move = move_at (plan, 0);
  g_assert_cmpint (move->to_person_id, ==, 4);
  g_assert_cmpstr (move->explanation, ==, "Alice 50 → 40 h, Dave 5 → 15 h, same role, due Dec 18 kept");
  fx_clear (&f);
}

/* Nobody else holds the role; week 50 is full (a pinned task); the due
 * date forbids later weeks: nothing moves, and the leftover says so. */
static void
test_infeasible (void)
{
  Fx f;
  g_autoptr(BatonRebalancePlan) plan = NULL;
  BatonRebalanceLeftover *leftover;

  fx_init (&f);
  person (&f, 1, "Alice", WRITER, FALSE);
  person (&f, 5, "Erin", DESIGNER, FALSE);
  _baton_record_set (task (&f, 9, 1, WRITER, 0, 40 * H, "2026-12-07", "2026-12-11"), "pinned", TRUE, NULL);
  task (&f, 10, 1, WRITER, 0, 40 * H, "2026-12-14", "2026-12-18");
  task (&f, 11, 1, WRITER, 0, 10 * H, "2026-12-14", "2026-12-18");

  plan = propose (&f, "2026-12-07", 0);
  g_assert_cmpuint (plan->moves->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (plan->overload_after, 10 * H, 0.01);
  /* Alice's free weeks 52 and 53 are past the due date: nothing is removable. */
  g_assert_cmpfloat_with_epsilon (plan->removable, 0, 0.01);
  g_assert_cmpuint (plan->leftovers->len, ==, 1);
  leftover = g_ptr_array_index (plan->leftovers, 0);
  g_assert_cmpint (leftover->person_id, ==, 1);
  g_assert_cmpuint (leftover->week_start, ==, J ("2026-12-14"));
  g_assert_cmpfloat_with_epsilon (leftover->minutes, 10 * H, 0.01);
  g_assert_cmpstr (leftover->explanation, ==, "No Writer has room in week 51: 10 h can’t be placed before the due date");
  fx_clear (&f);
}

/* Pinned, done and archived tasks never move, even with room next door. */
static void
test_frozen (void)
{
  Fx f;
  g_autoptr(BatonRebalancePlan) plan = NULL;
  BatonRebalanceLeftover *leftover;

  fx_init (&f);
  person (&f, 1, "Alice", WRITER, FALSE);
  person (&f, 2, "Bob", WRITER, FALSE);
  _baton_record_set (task (&f, 10, 1, WRITER, 0, 30 * H, "2026-12-14", "2026-12-18"), "pinned", TRUE, NULL);
  _baton_record_set (task (&f, 11, 1, WRITER, 0, 20 * H, "2026-12-14", "2026-12-18"), "pinned", TRUE, NULL);
  _baton_record_set (task (&f, 12, 1, WRITER, 0, 20 * H, "2026-12-14", "2026-12-18"), "stage-id", (gint64) DONE, NULL);
  _baton_record_set (task (&f, 13, 1, WRITER, 0, 20 * H, "2026-12-14", "2026-12-18"), "archived", TRUE, NULL);

  plan = propose (&f, "2026-12-07", 0);
  g_assert_cmpuint (plan->moves->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (plan->overload_before, 10 * H, 0.01);
  g_assert_cmpfloat_with_epsilon (plan->removable, 0, 0.01);
  g_assert_cmpuint (plan->leftovers->len, ==, 1);
  leftover = g_ptr_array_index (plan->leftovers, 0);
  g_assert_cmpstr (leftover->explanation, ==,
                   "Alice stays 10 h over in week 51: none of those tasks can move (done, pinned, without dates or reaching outside these weeks)");
  fx_clear (&f);
}

/* Bob, on the program, is off all week 51: Carol takes it. */
static void
test_time_off (void)
{
  Fx f;
  g_autoptr(BatonRebalancePlan) plan = NULL;

  fx_init (&f);
  person (&f, 1, "Alice", WRITER, FALSE);
  person (&f, 2, "Bob", WRITER, FALSE);
  person (&f, 3, "Carol", WRITER, FALSE);
  time_off (&f, 2, "2026-12-14", "2026-12-18");
  task (&f, 10, 1, WRITER, 5, 40 * H, "2026-12-14", "2026-12-18");
  task (&f, 11, 1, WRITER, 5, 10 * H, "2026-12-14", "2026-12-18");
  task (&f, 12, 2, WRITER, 5, 1 * H, "2026-12-21", "2026-12-22");

  plan = propose (&f, "2026-12-14", 0);
  g_assert_cmpuint (plan->moves->len, ==, 1);
  g_assert_cmpint (move_at (plan, 0)->to_person_id, ==, 3);
  fx_clear (&f);
}

/* A placeholder only when no real writer has room, and it says so. */
static void
test_placeholder (void)
{
  Fx f;
  g_autoptr(BatonRebalancePlan) plan = NULL;
  g_autoptr(BatonRebalancePlan) with_carol = NULL;

  fx_init (&f);
  person (&f, 1, "Alice", WRITER, FALSE);
  person (&f, 2, "Bob", WRITER, FALSE);
  person (&f, 9, "Writer TBD", WRITER, TRUE);
  task (&f, 10, 1, WRITER, 5, 40 * H, "2026-12-14", "2026-12-18");
  task (&f, 11, 1, WRITER, 5, 10 * H, "2026-12-14", "2026-12-18");
  task (&f, 12, 2, WRITER, 5, 35 * H, "2026-12-14", "2026-12-18");

  plan = propose (&f, "2026-12-14", 0);
  g_assert_cmpuint (plan->moves->len, ==, 1);
  g_assert_cmpint (move_at (plan, 0)->to_person_id, ==, 9);
  g_assert_cmpstr (move_at (plan, 0)->explanation, ==,
                   "Alice 50 → 40 h, Writer TBD 0 → 10 h: no one else holding Writer has room, due Dec 18 kept");

  /* Carol, busier than the placeholder but with room, comes first. */
  person (&f, 3, "Carol", WRITER, FALSE);
  task (&f, 13, 3, WRITER, 7, 25 * H, "2026-12-14", "2026-12-18");
  with_carol = propose (&f, "2026-12-14", 0);
  g_assert_cmpuint (with_carol->moves->len, ==, 1);
  g_assert_cmpint (move_at (with_carol, 0)->to_person_id, ==, 3);
  fx_clear (&f);
}

/* Alice is 10 h over and Bob, the only other Writer, has 7 h of room.
 * Bob also designs: his 8 h design task goes to Erin first, then Alice's
 * 10 h task fits with Bob. The second move needs the first. */
static void
test_chain (void)
{
  Fx f;
  g_autoptr(BatonRebalancePlan) plan = NULL;
  g_autoptr(BatonCapacity) alone = NULL;
  BatonRebalanceMove *making, *move;
  gboolean only_second[2] = { FALSE, TRUE };

  fx_init (&f);
  person (&f, 1, "Alice", WRITER, FALSE);
  person (&f, 2, "Bob", WRITER, FALSE);
  secondary_role (&f, 2, DESIGNER);
  person (&f, 5, "Erin", DESIGNER, FALSE);
  task (&f, 10, 1, WRITER, 5, 40 * H, "2026-12-14", "2026-12-18");
  _baton_record_set (task (&f, 11, 1, WRITER, 5, 10 * H, "2026-12-14", "2026-12-18"), "title", "Script", NULL);
  task (&f, 12, 2, WRITER, 6, 25 * H, "2026-12-14", "2026-12-18");
  _baton_record_set (task (&f, 13, 2, DESIGNER, 6, 8 * H, "2026-12-14", "2026-12-18"), "title", "Icons", NULL);
  task (&f, 14, 5, DESIGNER, 7, 20 * H, "2026-12-14", "2026-12-18");

  plan = propose (&f, "2026-12-14", 0);
  g_assert_cmpfloat_with_epsilon (plan->overload_before, 10 * H, 0.01);
  g_assert_cmpfloat_with_epsilon (plan->overload_after, 0, 0.01);
  g_assert_cmpfloat_with_epsilon (plan->removable, 10 * H, 0.01);
  g_assert_cmpuint (plan->moves->len, ==, 2);
  making = move_at (plan, 0);
  move = move_at (plan, 1);
  g_assert_cmpint (baton_record_get_id (BATON_RECORD (making->task)), ==, 13);
  g_assert_cmpint (making->to_person_id, ==, 5);
  g_assert_cmpuint (making->n_needs, ==, 0);
  g_assert_cmpstr (making->explanation, ==,
                   "Bob 33 → 25 h, Erin 20 → 28 h, same role, due Dec 18 kept, making room for “Script”");
  g_assert_cmpint (baton_record_get_id (BATON_RECORD (move->task)), ==, 11);
  g_assert_cmpint (move->to_person_id, ==, 2);
  g_assert_cmpstr (move->explanation, ==, "Alice 50 → 40 h, Bob 25 → 35 h, same role, due Dec 18 kept");
  g_assert_cmpuint (move->n_needs, ==, 1);
  g_assert_cmpuint (move->needs[0], ==, 0);

  /* Without the first, the second would push Bob over: that is why it
   * needs it. */
  alone = baton_rebalance_preview (&f.settings, &f.input, plan, only_second);
  g_assert_cmpint (baton_capacity_get_level (alone, baton_capacity_get_row (alone, 2), 1), ==, BATON_LOAD_OVER);
  fx_clear (&f);
}

/* Only the person asked about is relieved. */
static void
test_person_filter (void)
{
  Fx f;
  g_autoptr(BatonRebalancePlan) all = NULL;
  g_autoptr(BatonRebalancePlan) bob = NULL;

  fx_init (&f);
  person (&f, 1, "Alice", WRITER, FALSE);
  person (&f, 2, "Bob", WRITER, FALSE);
  person (&f, 3, "Carol", WRITER, FALSE);
  task (&f, 10, 1, WRITER, 0, 40 * H, "2026-12-14", "2026-12-18");
  task (&f, 11, 1, WRITER, 0, 5 * H, "2026-12-14", "2026-12-18");
  task (&f, 12, 2, WRITER, 0, 40 * H, "2026-12-14", "2026-12-18");
  task (&f, 13, 2, WRITER, 0, 5 * H, "2026-12-14", "2026-12-18");

  all = propose (&f, "2026-12-14", 0);
  g_assert_cmpuint (all->moves->len, ==, 2);
  bob = propose (&f, "2026-12-14", 2);
  g_assert_cmpuint (bob->moves->len, ==, 1);
  g_assert_cmpint (move_at (bob, 0)->from_person_id, ==, 2);
  g_assert_cmpint (baton_record_get_id (BATON_RECORD (move_at (bob, 0)->task)), ==, 13);
  g_assert_cmpfloat_with_epsilon (bob->overload_after, 5 * H, 0.01);   /* Alice's, untouched */
  fx_clear (&f);
}

/* The property test ----------------------------------------------------- */

static void
random_workspace (Fx     *f,
                  GRand  *rand)
{
  guint n_people = g_rand_int_range (rand, 2, 7);
  guint n_tasks = g_rand_int_range (rand, 4, 30);
  gint64 id = 100;

  for (guint p = 1; p <= n_people; p++)
    {
      g_autofree char *name = g_strdup_printf ("P%u", p);
      gint64 weekly = 8 * H * g_rand_int_range (rand, 0, 6);
      g_autoptr(BatonPerson) person_record = _baton_record_new (BATON_TYPE_PERSON, "name", name,
                                                                "weekly-capacity-minutes", weekly,
                                                                "placeholder", g_rand_int_range (rand, 0, 6) == 0,
                                                                "archived", g_rand_int_range (rand, 0, 10) == 0,
                                                                NULL);

      _baton_record_set_id (BATON_RECORD (person_record), p);
      g_list_store_append (f->people, person_record);
      for (gint64 r = WRITER; r <= DESIGNER; r++)
        if (g_rand_int_range (rand, 0, 3) > 0)
          {
            g_autoptr(BatonPersonRole) pr = _baton_record_new (BATON_TYPE_PERSON_ROLE, "person-id", (gint64) p,
                                                               "role-id", r, NULL);

            _baton_record_set_id (BATON_RECORD (pr), id++);
            g_list_store_append (f->person_roles, pr);
          }
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          guint32 off = J ("2026-12-07") + g_rand_int_range (rand, 0, 28);
          g_autofree char *a = baton_date_format (off);
          g_autofree char *b = baton_date_format (off + g_rand_int_range (rand, 0, 7));

          time_off (f, p, a, b);
        }
    }

  for (guint t = 0; t < n_tasks; t++)
    {
      guint32 start = J ("2026-11-30") + g_rand_int_range (rand, 0, 42);
      guint32 due = start + g_rand_int_range (rand, 0, 15);
      g_autofree char *a = baton_date_format (start);
      g_autofree char *b = baton_date_format (due);
      BatonTask *made;
      guint kind = g_rand_int_range (rand, 0, 10);

      made = task (f, t + 1, g_rand_int_range (rand, 0, n_people + 1),
                   g_rand_int_range (rand, 0, 3), g_rand_int_range (rand, 0, 3),
                   H * g_rand_int_range (rand, 1, 40),
                   g_rand_int_range (rand, 0, 5) == 0 ? NULL : a, b);
      if (kind == 0)
        _baton_record_set (made, "pinned", TRUE, NULL);
      else if (kind == 1)
        _baton_record_set (made, "stage-id", (gint64) DONE, NULL);
      else if (kind == 2)
        _baton_record_set (made, "archived", TRUE, NULL);
      else if (kind == 3)
        _baton_record_set (made, "start-date", NULL, "due-date", NULL, NULL);
    }
}

static gboolean
holds_role (Fx     *f,
            gint64  person_id,
            gint64  role_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (f->person_roles)); i++)
    {
      g_autoptr(BatonPersonRole) pr = g_list_model_get_item (G_LIST_MODEL (f->person_roles), i);

      if (baton_person_role_get_person_id (pr) == person_id && baton_person_role_get_role_id (pr) == role_id)
        return TRUE;
    }
  return FALSE;
}

static double
total_over (Fx            *f,
            BatonCapacity *m)
{
  double total = 0;

  for (guint r = 0; r < baton_capacity_get_n_people (m); r++)
    for (guint w = 0; w < baton_capacity_get_n_weeks (m); w++)
      if (baton_capacity_get_level (m, r, w) == BATON_LOAD_OVER)
        total += MAX (0, baton_capacity_get_load (m, r, w) -
                         baton_capacity_get_capacity (m, r, w) * f->settings.over_threshold);
  return total;
}

/* Every rule, checked on its own against the records and the preview. */
static void
check_plan (Fx                 *f,
            BatonRebalancePlan *plan,
            guint32             today)
{
  g_autoptr(BatonCapacity) before = baton_capacity_compute (&f->settings, &f->input, J ("2026-12-07"), 4);
  g_autoptr(BatonCapacity) after = baton_rebalance_preview (&f->settings, &f->input, plan, NULL);
  g_autoptr(GHashTable) moved = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < plan->moves->len; i++)
    {
      BatonRebalanceMove *move = move_at (plan, i);
      BatonTask *t = move->task;
      BatonPerson *to = NULL;
      guint32 start = 0, due = 0;

      g_assert_false (g_hash_table_contains (moved, t));
      g_hash_table_add (moved, t);
      g_assert_false (baton_task_get_pinned (t));
      g_assert_false (baton_task_get_archived (t));
      g_assert_cmpint (baton_task_get_stage_id (t), !=, DONE);
      g_assert_true (baton_task_get_start_date (t) != NULL || baton_task_get_due_date (t) != NULL);
      g_assert_cmpint (move->from_person_id, ==, baton_task_get_assignee_id (t));
      for (guint p = 0; p < g_list_model_get_n_items (G_LIST_MODEL (f->people)); p++)
        {
          g_autoptr(BatonPerson) candidate = g_list_model_get_item (G_LIST_MODEL (f->people), p);

          if (baton_record_get_id (BATON_RECORD (candidate)) == move->to_person_id)
            to = candidate;
        }
      g_assert_nonnull (to);
      g_assert_false (baton_person_get_archived (to));
      if (move->to_person_id != move->from_person_id)
        g_assert_true (holds_role (f, move->to_person_id, baton_task_get_role_id (t)));
      /* Not past the due date, not before today. */
      if (move->due_date != NULL)
        {
          g_assert_true (baton_date_parse (move->due_date, &due));
          g_assert_cmpuint (due, <=, baton_task_get_due_day (t));
        }
      if (g_strcmp0 (move->start_date, baton_task_get_start_date (t)) != 0 ||
          g_strcmp0 (move->due_date, baton_task_get_due_date (t)) != 0)
        {
          if (move->start_date != NULL)
            {
              g_assert_true (baton_date_parse (move->start_date, &start));
              g_assert_cmpuint (start, >=, today);
            }
          else
            g_assert_cmpuint (baton_date_week_start (due, 1), >=, baton_date_week_start (today, 1));
        }
    }

  /* Nobody pushed over: a cell whose load went up is not over. */
  g_assert_cmpuint (baton_capacity_get_n_people (after), ==, baton_capacity_get_n_people (before));
  for (guint r = 0; r < baton_capacity_get_n_people (after); r++)
    for (guint w = 0; w < baton_capacity_get_n_weeks (after); w++)
      if (baton_capacity_get_load (after, r, w) > baton_capacity_get_load (before, r, w) + 0.01)
        g_assert_cmpint (baton_capacity_get_level (after, r, w), !=, BATON_LOAD_OVER);

  g_assert_cmpfloat_with_epsilon (total_over (f, before), plan->overload_before, 0.05);
  g_assert_cmpfloat_with_epsilon (total_over (f, after), plan->overload_after, 0.05);
  g_assert_cmpfloat (plan->overload_after, <=, plan->overload_before + 0.01);
  g_assert_cmpfloat (plan->overload_before - plan->overload_after, <=, plan->removable + 0.05);
}

static gboolean
plan_has_needs (BatonRebalancePlan *plan)
{
  for (guint i = 0; i < plan->moves->len; i++)
    if (move_at (plan, i)->n_needs > 0)
      return TRUE;
  return FALSE;
}

/* Leaving out one move, and every move that needs it (as the panel
 * unticks them), still pushes nobody over. */
static void
check_subsets (Fx                 *f,
               BatonRebalancePlan *plan)
{
  g_autoptr(BatonCapacity) before = baton_capacity_compute (&f->settings, &f->input, J ("2026-12-07"), 4);

  for (guint out = 0; out < plan->moves->len; out++)
    {
      g_autofree gboolean *chosen = g_new (gboolean, plan->moves->len);
      g_autoptr(BatonCapacity) after = NULL;

      for (guint i = 0; i < plan->moves->len; i++)
        chosen[i] = i != out;
      for (guint i = 0; i < plan->moves->len; i++)
        for (guint n = 0; n < move_at (plan, i)->n_needs; n++)
          {
            g_assert_cmpuint (move_at (plan, i)->needs[n], <, i);
            if (!chosen[move_at (plan, i)->needs[n]])
              chosen[i] = FALSE;
          }
      after = baton_rebalance_preview (&f->settings, &f->input, plan, chosen);
      for (guint r = 0; r < baton_capacity_get_n_people (after); r++)
        for (guint w = 0; w < baton_capacity_get_n_weeks (after); w++)
          if (baton_capacity_get_load (after, r, w) > baton_capacity_get_load (before, r, w) + 0.01)
            g_assert_cmpint (baton_capacity_get_level (after, r, w), !=, BATON_LOAD_OVER);
    }
}

static void
test_property (void)
{
  guint with_moves = 0;
  guint with_needs = 0;

  for (guint32 seed = 1; seed <= 1000; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      g_autoptr(BatonRebalancePlan) plan = NULL;
      g_autoptr(BatonRebalancePlan) again = NULL;
      guint32 today = J ("2026-12-07") + g_rand_int_range (rand, 0, 10);
      Fx f;

      fx_init (&f);
      random_workspace (&f, rand);
      plan = baton_rebalance_propose (&f.settings, &f.input, J ("2026-12-07"), 4, today, 0);
      check_plan (&f, plan, today);
      check_subsets (&f, plan);
      with_moves += plan->moves->len > 0;
      with_needs += plan_has_needs (plan);

      /* Deterministic. */
      again = baton_rebalance_propose (&f.settings, &f.input, J ("2026-12-07"), 4, today, 0);
      g_assert_cmpuint (again->moves->len, ==, plan->moves->len);
      for (guint i = 0; i < plan->moves->len; i++)
        g_assert_cmpstr (move_at (again, i)->explanation, ==, move_at (plan, i)->explanation);
      fx_clear (&f);
    }
  /* The cases are not all trivial. */
  g_assert_cmpuint (with_moves, >, 100);
  g_assert_cmpuint (with_needs, >, 10);
}

/* Applying ---------------------------------------------------------------- */

static BatonStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  BatonStore *store = baton_test_engine_open (":memory:", &error);
  BatonDemoSize size = { 2, 4, 12, 300, 0, 7, 0 };

  g_assert_no_error (error);
  size.today = J ("2026-12-07");
  g_assert_true (baton_demo_generate (store, &size, &error));
  g_assert_no_error (error);
  return store;
}

static char *
task_rows (BatonStore *store)
{
  GListModel *tasks = baton_store_get_tasks (store);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(BatonTask) t = g_list_model_get_item (tasks, i);

      g_string_append_printf (out, "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %s %s\n",
                              baton_record_get_id (BATON_RECORD (t)), baton_task_get_assignee_id (t),
                              baton_task_get_start_date (t), baton_task_get_due_date (t));
    }
  return g_string_free (out, FALSE);
}

static void
test_apply_undo (void)
{
  g_autoptr(BatonStore) store = demo_store ();
  g_autoptr(BatonRebalancePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = task_rows (store);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(BatonCapacity) preview = NULL;
  g_autoptr(BatonCapacity) applied = NULL;
  BatonCapacitySettings settings;
  BatonCapacityInput input;
  guint n_activity;

  baton_capacity_settings_init_default (&settings);
  baton_workload_fill_input (store, &input);
  plan = baton_rebalance_propose (&settings, &input, J ("2026-12-07"), 8, J ("2026-12-07"), 0);
  g_assert_cmpuint (plan->moves->len, >, 1);
  preview = baton_rebalance_preview (&settings, &input, plan, NULL);
  n_activity = g_list_model_get_n_items (baton_store_get_activity (store));

  g_assert_true (baton_rebalance_apply (store, plan, NULL, &error));
  g_assert_no_error (error);
  after = task_rows (store);
  g_assert_cmpstr (after, !=, before);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (store)), >=, n_activity + plan->moves->len);
  for (guint i = 0; i < plan->moves->len; i++)
    {
      BatonRebalanceMove *move = move_at (plan, i);

      g_assert_cmpint (baton_task_get_assignee_id (move->task), ==, move->to_person_id);
      g_assert_cmpstr (baton_task_get_due_date (move->task), ==, move->due_date);
    }
  /* The store now is what the preview showed. */
  applied = baton_capacity_compute (&settings, &input, J ("2026-12-07"), 8);
  for (guint r = 0; r < baton_capacity_get_n_people (applied); r++)
    for (guint w = 0; w < baton_capacity_get_n_weeks (applied); w++)
      g_assert_cmpfloat_with_epsilon (baton_capacity_get_load (applied, r, w), baton_capacity_get_load (preview, r, w), 0.01);

  /* One undo step takes it all back. */
  g_assert_true (baton_store_undo (store, &error));
  g_assert_no_error (error);
  undone = task_rows (store);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_apply_stale (void)
{
  g_autoptr(BatonStore) store = demo_store ();
  g_autoptr(BatonRebalancePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonCapacitySettings settings;
  BatonCapacityInput input;
  BatonRebalanceMove *last;
  gboolean *chosen;

  baton_capacity_settings_init_default (&settings);
  baton_workload_fill_input (store, &input);
  plan = baton_rebalance_propose (&settings, &input, J ("2026-12-07"), 8, J ("2026-12-07"), 0);
  g_assert_cmpuint (plan->moves->len, >, 1);

  /* The last task's estimate changes after the plan. */
  last = move_at (plan, plan->moves->len - 1);
  g_assert_true (baton_store_update (store, last->task, &error,
                                     "estimate-minutes", baton_task_get_estimate_minutes (last->task) + 60, NULL));
  g_assert_no_error (error);
  before = task_rows (store);

  g_assert_false (baton_rebalance_apply (store, plan, NULL, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_STALE);
  after = task_rows (store);
  g_assert_cmpstr (after, ==, before);
  g_clear_error (&error);

  /* So is one whose assignee changed (the same second or not). */
  {
    BatonRebalanceMove *first = move_at (plan, 0);
    g_autoptr(BatonRebalancePlan) other = NULL;

    g_assert_true (baton_store_reassign_task (store, first->task, NULL, &error));
    g_assert_no_error (error);
    g_clear_pointer (&before, g_free);
    before = task_rows (store);
    chosen = g_new0 (gboolean, plan->moves->len);
    chosen[0] = TRUE;
    g_assert_false (baton_rebalance_apply (store, plan, chosen, &error));
    g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_STALE);
    g_clear_error (&error);
    g_free (chosen);
    g_clear_pointer (&after, g_free);
    after = task_rows (store);
    g_assert_cmpstr (after, ==, before);
    g_assert_true (baton_store_undo (store, &error));
    g_assert_no_error (error);
  }

  /* Leaving that move out, the others apply. */
  chosen = g_new0 (gboolean, plan->moves->len);
  for (guint i = 0; i + 1 < plan->moves->len; i++)
    chosen[i] = TRUE;
  g_assert_true (baton_rebalance_apply (store, plan, chosen, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (baton_task_get_due_date (last->task), ==, last->from_due_date);
  g_assert_cmpint (baton_task_get_assignee_id (last->task), ==, last->from_person_id);
  g_free (chosen);
}

/* A move ticked without one it needs is refused, and nothing changes. */
static void
test_apply_needs (void)
{
  g_autoptr(BatonStore) store = demo_store ();
  g_autoptr(BatonRebalancePlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = task_rows (store);
  g_autofree char *after = NULL;
  g_autofree gboolean *chosen = NULL;
  BatonCapacitySettings settings;
  BatonCapacityInput input;
  BatonRebalanceMove *move = NULL;
  guint n_activity;

  baton_capacity_settings_init_default (&settings);
  baton_workload_fill_input (store, &input);
  plan = baton_rebalance_propose (&settings, &input, J ("2026-12-07"), 8, J ("2026-12-07"), 0);
  for (guint i = 0; i < plan->moves->len && move == NULL; i++)
    if (move_at (plan, i)->n_needs > 0)
      move = move_at (plan, i);
  g_assert_nonnull (move);

  chosen = g_new (gboolean, plan->moves->len);
  for (guint i = 0; i < plan->moves->len; i++)
    chosen[i] = i != move->needs[0];
  n_activity = g_list_model_get_n_items (baton_store_get_activity (store));
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (store)));
  g_assert_false (baton_rebalance_apply (store, plan, chosen, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "which makes room for it"));
  after = task_rows (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (store)), ==, n_activity);
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (store)));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/rebalance/reschedule", test_reschedule);
  g_test_add_func ("/rebalance/reassign-program", test_reassign_program);
  g_test_add_func ("/rebalance/reassign-least-loaded", test_reassign_least_loaded);
  g_test_add_func ("/rebalance/infeasible", test_infeasible);
  g_test_add_func ("/rebalance/frozen", test_frozen);
  g_test_add_func ("/rebalance/time-off", test_time_off);
  g_test_add_func ("/rebalance/placeholder", test_placeholder);
  g_test_add_func ("/rebalance/person-filter", test_person_filter);
  g_test_add_func ("/rebalance/chain", test_chain);
  g_test_add_func ("/rebalance/property", test_property);
  g_test_add_func ("/rebalance/apply-undo", test_apply_undo);
  g_test_add_func ("/rebalance/apply-stale", test_apply_stale);
  g_test_add_func ("/rebalance/apply-needs", test_apply_needs);

  return g_test_run ();
}
