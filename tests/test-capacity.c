/* test-capacity.c — the capacity rules, with figures worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calendar used throughout (March 2026):
 *
 *   week 0  Mon 2 – Sun 8      (matrices start from Wed 4 March, which
 *   week 1  Mon 9 – Sun 15      must snap back to Mon 2)
 *   week 2  Mon 16 – Sun 22
 *   week 3  Mon 23 – Sun 29
 *
 * Capacities are minutes: 2400 = 40 h, 1200 = 20 h.
 */

#define G_LOG_DOMAIN "test-capacity"

#include "config.h"

#include "baton-capacity.h"
#include "baton-dates.h"
#include "baton-record-private.h"

#define STAGE_DOING      1
#define STAGE_DELIVERED  2   /* is_done */

#define ROLE_DESIGNER    1
#define ROLE_WRITER      2

typedef struct
{
  GListStore            *people;
  GListStore            *person_roles;
  GListStore            *time_off;
  GListStore            *tasks;
  GListStore            *stages;
  GListStore            *roles;
  BatonCapacityInput     input;
  BatonCapacitySettings  settings;
} Fixture;

static guint32
J (const char *iso)
{
  guint32 julian = 0;

  g_assert_true (baton_date_parse (iso, &julian));
  return julian;
}

static BatonPerson *
add_person (Fixture    *f,
            gint64      id,
            const char *name,
            gint64      weekly_minutes)
{
  BatonPerson *person = _baton_record_new (BATON_TYPE_PERSON,
                                           "name", name,
                                           "weekly-capacity-minutes", weekly_minutes,
                                           NULL);

  _baton_record_set_id (BATON_RECORD (person), id);
  g_list_store_append (f->people, person);
  g_object_unref (person);

  return person;   /* the store holds it */
}

static void
add_person_role (Fixture *f,
                 gint64   person_id,
                 gint64   role_id)
{
  static gint64 next_id = 1;
  g_autoptr(BatonPersonRole) person_role = _baton_record_new (BATON_TYPE_PERSON_ROLE,
                                                              "person-id", person_id,
                                                              "role-id", role_id,
                                                              NULL);

  _baton_record_set_id (BATON_RECORD (person_role), next_id++);
  g_list_store_append (f->person_roles, person_role);
}

static void
add_time_off (Fixture    *f,
              gint64      person_id,
              const char *start,
              const char *end)
{
  static gint64 next_id = 1;
  g_autoptr(BatonTimeOff) off = _baton_record_new (BATON_TYPE_TIME_OFF,
                                                   "person-id", person_id,
                                                   "start-date", start,
                                                   "end-date", end,
                                                   NULL);

  _baton_record_set_id (BATON_RECORD (off), next_id++);
  g_list_store_append (f->time_off, off);
}

static BatonTask *
add_task (Fixture    *f,
          gint64      id,
          gint64      assignee_id,
          gint64      role_id,
          gint64      estimate,
          const char *start,
          const char *due)
{
  BatonTask *task = _baton_record_new (BATON_TYPE_TASK,
                                       "title", "Task",
                                       "stage-id", (gint64) STAGE_DOING,
                                       "assignee-id", assignee_id,
                                       "role-id", role_id,
                                       "estimate-minutes", estimate,
                                       "start-date", start,
                                       "due-date", due,
                                       NULL);

  _baton_record_set_id (BATON_RECORD (task), id);
  g_list_store_append (f->tasks, task);
  g_object_unref (task);

  return task;   /* the store holds it */
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BatonStage) doing = NULL;
  g_autoptr(BatonStage) delivered = NULL;
  g_autoptr(BatonRole) designer = NULL;
  g_autoptr(BatonRole) writer = NULL;

  f->people = g_list_store_new (BATON_TYPE_PERSON);
  f->person_roles = g_list_store_new (BATON_TYPE_PERSON_ROLE);
  f->time_off = g_list_store_new (BATON_TYPE_TIME_OFF);
  f->tasks = g_list_store_new (BATON_TYPE_TASK);
  f->stages = g_list_store_new (BATON_TYPE_STAGE);
  f->roles = g_list_store_new (BATON_TYPE_ROLE);

  doing = _baton_record_new (BATON_TYPE_STAGE, "name", "Development", NULL);
  _baton_record_set_id (BATON_RECORD (doing), STAGE_DOING);
  delivered = _baton_record_new (BATON_TYPE_STAGE, "name", "Delivered", "is-done", TRUE, NULL);
  _baton_record_set_id (BATON_RECORD (delivered), STAGE_DELIVERED);
  g_list_store_append (f->stages, doing);
  g_list_store_append (f->stages, delivered);

  designer = _baton_record_new (BATON_TYPE_ROLE, "name", "Instructional designer", NULL);
  _baton_record_set_id (BATON_RECORD (designer), ROLE_DESIGNER);
  writer = _baton_record_new (BATON_TYPE_ROLE, "name", "Writer", NULL);
  _baton_record_set_id (BATON_RECORD (writer), ROLE_WRITER);
  g_list_store_append (f->roles, designer);
  g_list_store_append (f->roles, writer);

  f->input.people = G_LIST_MODEL (f->people);
  f->input.person_roles = G_LIST_MODEL (f->person_roles);
  f->input.time_off = G_LIST_MODEL (f->time_off);
  f->input.tasks = G_LIST_MODEL (f->tasks);
  f->input.stages = G_LIST_MODEL (f->stages);
  f->input.roles = G_LIST_MODEL (f->roles);

  baton_capacity_settings_init_default (&f->settings);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->people);
  g_clear_object (&f->person_roles);
  g_clear_object (&f->time_off);
  g_clear_object (&f->tasks);
  g_clear_object (&f->stages);
  g_clear_object (&f->roles);
}

/* Four weeks from Wednesday 4 March (snaps to Monday 2 March). */
static BatonCapacity *
compute (Fixture *f)
{
  BatonCapacity *capacity = baton_capacity_compute (&f->settings, &f->input, J ("2026-03-04"), 4);

  g_assert_nonnull (capacity);
  g_assert_cmpuint (baton_capacity_get_n_weeks (capacity), ==, 4);
  return capacity;
}

static void
assert_loads (BatonCapacity *capacity,
              guint          row,
              double         w0,
              double         w1,
              double         w2,
              double         w3)
{
  g_assert_cmpfloat (baton_capacity_get_load (capacity, row, 0), ==, w0);
  g_assert_cmpfloat (baton_capacity_get_load (capacity, row, 1), ==, w1);
  g_assert_cmpfloat (baton_capacity_get_load (capacity, row, 2), ==, w2);
  g_assert_cmpfloat (baton_capacity_get_load (capacity, row, 3), ==, w3);
}

static void
assert_capacities (BatonCapacity *capacity,
                   guint          row,
                   double         w0,
                   double         w1,
                   double         w2,
                   double         w3)
{
  g_assert_cmpfloat (baton_capacity_get_capacity (capacity, row, 0), ==, w0);
  g_assert_cmpfloat (baton_capacity_get_capacity (capacity, row, 1), ==, w1);
  g_assert_cmpfloat (baton_capacity_get_capacity (capacity, row, 2), ==, w2);
  g_assert_cmpfloat (baton_capacity_get_capacity (capacity, row, 3), ==, w3);
}

/* ------------------------------------------------------------------ */

static void
test_first_day_snaps (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BatonCapacity) a = NULL;
  g_autoptr(BatonCapacity) b = NULL;

  add_person (f, 1, "Ana", 2400);

  /* Wednesday 4 March → the week begins Monday 2 March. */
  a = compute (f);
  g_assert_cmpuint (baton_capacity_get_week_start (a, 0), ==, J ("2026-03-02"));
  g_assert_cmpuint (baton_capacity_get_week_start (a, 3), ==, J ("2026-03-23"));

  /* Sunday 8 March is the last day of that same week. */
  b = baton_capacity_compute (&f->settings, &f->input, J ("2026-03-08"), 2);
  g_assert_cmpuint (baton_capacity_get_week_start (b, 0), ==, J ("2026-03-02"));

  /* Days map to week indices; outside the matrix is -1. */
  g_assert_cmpint (baton_capacity_get_week_index (a, J ("2026-03-01")), ==, -1);
  g_assert_cmpint (baton_capacity_get_week_index (a, J ("2026-03-02")), ==, 0);
  g_assert_cmpint (baton_capacity_get_week_index (a, J ("2026-03-08")), ==, 0);
  g_assert_cmpint (baton_capacity_get_week_index (a, J ("2026-03-09")), ==, 1);
  g_assert_cmpint (baton_capacity_get_week_index (a, J ("2026-03-29")), ==, 3);
  g_assert_cmpint (baton_capacity_get_week_index (a, J ("2026-03-30")), ==, -1);
}

/* 600 min Mon 2 – Fri 6 March: 5 working days × 120 = 600, all in week 0. */
static void
test_spread_even_week (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;

  add_person (f, 1, "Ana", 2400);
  add_task (f, 10, 1, 0, 600, "2026-03-02", "2026-03-06");

  capacity = compute (f);
  g_assert_cmpuint (baton_capacity_get_n_people (capacity), ==, 1);
  assert_loads (capacity, 0, 600, 0, 0, 0);
  assert_capacities (capacity, 0, 2400, 2400, 2400, 2400);
  /* 600 / 2400 = 25 % */
  g_assert_cmpint (baton_capacity_get_level (capacity, 0, 0), ==, BATON_LOAD_OK);
  g_assert_cmpfloat (baton_capacity_get_unscheduled (capacity, 0), ==, 0);
}

static void
test_spread_part_weeks (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;

  add_person (f, 1, "Ana", 2400);
  add_person (f, 2, "Ben", 2400);
  add_person (f, 3, "Cleo", 2400);

  /* 1200 min Thu 5 – Wed 11 March: Thu, Fri (week 0) + Mon, Tue, Wed
   * (week 1) = 5 working days × 240: week 0 = 480, week 1 = 720. */
  add_task (f, 10, 1, 0, 1200, "2026-03-05", "2026-03-11");

  /* 900 min Wed 4 – Mon 16 March: Wed–Fri (3) + Mon–Fri (5) + Mon (1)
   * = 9 working days × 100: 300, 500, 100. */
  add_task (f, 11, 2, 0, 900, "2026-03-04", "2026-03-16");

  /* 1000 min Mon 23 March – Fri 3 April: 10 working days × 100; only the
   * first week (500) is inside the matrix. */
  add_task (f, 12, 3, 0, 1000, "2026-03-23", "2026-04-03");

  /* Entirely before the matrix: nothing. */
  add_task (f, 13, 3, 0, 1000, "2026-02-02", "2026-02-06");

  capacity = compute (f);
  assert_loads (capacity, 0, 480, 720, 0, 0);
  assert_loads (capacity, 1, 300, 500, 100, 0);
  assert_loads (capacity, 2, 0, 0, 0, 500);
}

/* Only a due date: the working days of the due date's week. */
static void
test_spread_due_only (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;

  add_person (f, 1, "Ana", 2400);
  /* Due Wed 11 March → week 1, spread Mon 9 – Fri 13: 600 in week 1. */
  add_task (f, 10, 1, 0, 600, NULL, "2026-03-11");
  /* Due Sun 22 March → its week is week 2 (Mon 16 – Sun 22): 300. */
  add_task (f, 11, 1, 0, 300, NULL, "2026-03-22");

  capacity = compute (f);
  assert_loads (capacity, 0, 0, 600, 300, 0);
}

/* Only a start date: treated like a due date on that day (its week). */
static void
test_spread_start_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;

  add_person (f, 1, "Ana", 2400);
  /* Start Thu 19 March → week 2: all 600 there, not from Thursday on. */
  add_task (f, 10, 1, 0, 600, "2026-03-19", NULL);

  capacity = compute (f);
  assert_loads (capacity, 0, 0, 0, 600, 0);
}

/* Neither date: unscheduled, shown apart, no week's load. */
static void
test_unscheduled (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;
  BatonTask *done;

  add_person (f, 1, "Ana", 2400);
  add_person (f, 2, "Ben", 2400);
  add_task (f, 10, 1, 0, 300, NULL, NULL);
  add_task (f, 11, 1, 0, 150, NULL, NULL);
  /* Done: carries no load, unscheduled or not. */
  done = add_task (f, 12, 1, 0, 999, NULL, NULL);
  _baton_record_set (done, "stage-id", (gint64) STAGE_DELIVERED, NULL);
  /* Unassigned and undated: no person's unscheduled work. */
  add_task (f, 13, 0, ROLE_DESIGNER, 500, NULL, NULL);

  capacity = compute (f);
  assert_loads (capacity, 0, 0, 0, 0, 0);
  /* 300 + 150 = 450 */
  g_assert_cmpfloat (baton_capacity_get_unscheduled (capacity, 0), ==, 450);
  g_assert_cmpfloat (baton_capacity_get_unscheduled (capacity, 1), ==, 0);
  for (guint week = 0; week < 4; week++)
    g_assert_cmpfloat (baton_capacity_get_unassigned (capacity, ROLE_DESIGNER, week), ==, 0);
}

/* A range with no working day puts the whole estimate in the due date's week. */
static void
test_spread_weekend_only (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;

  add_person (f, 1, "Ana", 2400);
  /* Sat 7 – Sun 8 March: no working day → all 480 in week 0 (Sun 8's). */
  add_task (f, 10, 1, 0, 480, "2026-03-07", "2026-03-08");
  /* Sat 14 – Sat 14 March: one Saturday → all 90 in week 1. */
  add_task (f, 11, 1, 0, 90, "2026-03-14", "2026-03-14");

  capacity = compute (f);
  assert_loads (capacity, 0, 480, 90, 0, 0);
}

/* Two days off: 2400 × (5 − 2) / 5 = 1440 (24 h). */
static void
test_time_off (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;

  add_person (f, 1, "Ana", 2400);
  add_person (f, 2, "Ben", 2400);
  add_time_off (f, 1, "2026-03-03", "2026-03-04");   /* Tue, Wed */
  /* Time off lowers capacity only: the task keeps its hours. */
  add_task (f, 10, 1, 0, 600, "2026-03-02", "2026-03-06");

  capacity = compute (f);
  g_assert_cmpuint (baton_capacity_get_days_off (capacity, 0, 0), ==, 2);
  g_assert_cmpuint (baton_capacity_get_days_off (capacity, 0, 1), ==, 0);
  assert_capacities (capacity, 0, 1440, 2400, 2400, 2400);
  assert_loads (capacity, 0, 600, 0, 0, 0);
  /* Someone else's time off is not Ben's. */
  assert_capacities (capacity, 1, 2400, 2400, 2400, 2400);
}

static void
test_time_off_weekend (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;

  add_person (f, 1, "Ana", 2400);
  /* Thu 5 – Tue 10 March: Thu, Fri in week 0 and Mon, Tue in week 1; the
   * weekend between does not count. Week 1: 2400 × 3 / 5 = 1440. */
  add_time_off (f, 1, "2026-03-05", "2026-03-10");
  /* Overlapping entry Fri 6 – Mon 9: those days are already off, no
   * double counting. */
  add_time_off (f, 1, "2026-03-06", "2026-03-09");
  /* Weekend only: nothing off. */
  add_time_off (f, 1, "2026-03-21", "2026-03-22");
  /* Thu 26 February – Mon 2 March starts before the matrix: only Mon 2
   * counts, so week 0 has Mon, Thu, Fri off: 2400 × (5 − 3) / 5 = 960. */
  add_time_off (f, 1, "2026-02-26", "2026-03-02");
  /* Mon 23 – Tue 24 March: week 3, 2400 × 3 / 5 = 1440. Entirely before
   * the matrix: ignored. */
  add_time_off (f, 1, "2026-03-23", "2026-03-24");
  add_time_off (f, 1, "2026-01-05", "2026-01-09");

  capacity = compute (f);
  g_assert_cmpuint (baton_capacity_get_days_off (capacity, 0, 0), ==, 3);
  g_assert_cmpuint (baton_capacity_get_days_off (capacity, 0, 1), ==, 2);
  g_assert_cmpuint (baton_capacity_get_days_off (capacity, 0, 2), ==, 0);
  g_assert_cmpuint (baton_capacity_get_days_off (capacity, 0, 3), ==, 2);
  assert_capacities (capacity, 0, 960, 1440, 2400, 1440);
}

static void
test_level_zero_capacity (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;

  add_person (f, 1, "Zed", 0);
  add_person (f, 2, "Ana", 2400);

  /* Zed has no capacity at all: 60 min in week 0 is over; week 1 (0 / 0) is fine. */
  add_task (f, 10, 1, 0, 60, "2026-03-02", "2026-03-02");

  /* Ana takes all of week 2 off: capacity 2400 × 0 / 5 = 0, and 60 min is over. */
  add_time_off (f, 2, "2026-03-16", "2026-03-20");
  add_task (f, 11, 2, 0, 60, "2026-03-18", "2026-03-18");

  capacity = compute (f);
  assert_capacities (capacity, 0, 0, 0, 0, 0);
  g_assert_cmpint (baton_capacity_get_level (capacity, 0, 0), ==, BATON_LOAD_OVER);
  g_assert_cmpint (baton_capacity_get_level (capacity, 0, 1), ==, BATON_LOAD_OK);

  g_assert_cmpuint (baton_capacity_get_days_off (capacity, 1, 2), ==, 5);
  g_assert_cmpfloat (baton_capacity_get_capacity (capacity, 1, 2), ==, 0);
  g_assert_cmpint (baton_capacity_get_level (capacity, 1, 2), ==, BATON_LOAD_OVER);
  g_assert_cmpint (baton_capacity_get_level (capacity, 1, 3), ==, BATON_LOAD_OK);
}

static void
test_level_thresholds (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;
  g_autoptr(BatonCapacity) lenient = NULL;

  add_person (f, 1, "Ana", 2400);
  add_person (f, 2, "Ben", 2400);
  add_person (f, 3, "Cleo", 1200);

  /* Ana week 0: 2400 / 2400 = exactly 100 % → high, not over.
   * Ana week 1: 2401 / 2400 → over. */
  add_task (f, 10, 1, 0, 2400, "2026-03-02", "2026-03-06");
  add_task (f, 11, 1, 0, 2401, "2026-03-09", "2026-03-13");
  /* Ben week 0: 2040 / 2400 = 85 % → high. Week 1: 2039 / 2400 ≈ 84.96 % → ok. */
  add_task (f, 12, 2, 0, 2040, "2026-03-02", "2026-03-06");
  add_task (f, 13, 2, 0, 2039, "2026-03-09", "2026-03-13");
  /* Cleo: 3600 over Mon 9 – Fri 27 March = 15 working days × 240 =
   * 1200 in each of weeks 1, 2, 3: exactly 100 % of 1200 → high, not over
   * (figures reached through a spread, not typed). */
  add_task (f, 14, 3, 0, 3600, "2026-03-09", "2026-03-27");

  capacity = compute (f);
  g_assert_cmpint (baton_capacity_get_level (capacity, 0, 0), ==, BATON_LOAD_HIGH);
  g_assert_cmpint (baton_capacity_get_level (capacity, 0, 1), ==, BATON_LOAD_OVER);
  g_assert_cmpint (baton_capacity_get_level (capacity, 0, 2), ==, BATON_LOAD_OK);
  g_assert_cmpint (baton_capacity_get_level (capacity, 1, 0), ==, BATON_LOAD_HIGH);
  g_assert_cmpint (baton_capacity_get_level (capacity, 1, 1), ==, BATON_LOAD_OK);
  assert_loads (capacity, 2, 0, 1200, 1200, 1200);
  for (guint week = 1; week < 4; week++)
    g_assert_cmpint (baton_capacity_get_level (capacity, 2, week), ==, BATON_LOAD_HIGH);

  /* Thresholds are settings: over above 120 %, high from 101 %.
   * Ana week 0 (100 %) → ok; week 1 (2401 / 2400 ≈ 100.04 %) → ok too,
   * no longer over. */
  f->settings.high_threshold = 1.01;
  f->settings.over_threshold = 1.2;
  lenient = compute (f);
  g_assert_cmpint (baton_capacity_get_level (lenient, 0, 0), ==, BATON_LOAD_OK);
  g_assert_cmpint (baton_capacity_get_level (lenient, 0, 1), ==, BATON_LOAD_OK);
}

/* Done and archived tasks carry no load, nor do tasks without an estimate. */
static void
test_no_load (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;
  BatonTask *done, *archived, *done_unassigned;

  add_person (f, 1, "Ana", 2400);
  done = add_task (f, 10, 1, 0, 600, "2026-03-02", "2026-03-06");
  _baton_record_set (done, "stage-id", (gint64) STAGE_DELIVERED, NULL);
  archived = add_task (f, 11, 1, 0, 600, "2026-03-02", "2026-03-06");
  _baton_record_set (archived, "archived", TRUE, NULL);
  add_task (f, 12, 1, 0, 0, "2026-03-02", "2026-03-06");
  done_unassigned = add_task (f, 13, 0, ROLE_WRITER, 600, "2026-03-02", "2026-03-06");
  _baton_record_set (done_unassigned, "stage-id", (gint64) STAGE_DELIVERED, NULL);
  /* The one that counts: 300 in week 0. */
  add_task (f, 14, 1, 0, 300, "2026-03-02", "2026-03-06");

  capacity = compute (f);
  assert_loads (capacity, 0, 300, 0, 0, 0);
  g_assert_cmpuint (baton_capacity_get_shares (capacity, 0, 0)->len, ==, 1);
  g_assert_cmpint (baton_record_get_id (BATON_RECORD (g_array_index (baton_capacity_get_shares (capacity, 0, 0),
                                                                     BatonCapacityShare, 0).task)), ==, 14);
  g_assert_cmpfloat (baton_capacity_get_unassigned (capacity, ROLE_WRITER, 0), ==, 0);
  g_assert_false (baton_capacity_task_is_over (capacity, done));
}

static void
test_archived_person (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;
  BatonPerson *ana, *ben, *cleo;

  ana = add_person (f, 1, "Ana", 2400);
  ben = add_person (f, 2, "Ben", 2400);
  cleo = add_person (f, 3, "Cleo", 1200);
  _baton_record_set (ben, "archived", TRUE, NULL);
  add_task (f, 10, 2, ROLE_DESIGNER, 600, "2026-03-02", "2026-03-06");
  add_task (f, 11, 3, 0, 300, "2026-03-02", "2026-03-06");

  capacity = compute (f);
  g_assert_cmpuint (baton_capacity_get_n_people (capacity), ==, 2);
  g_assert_true (baton_capacity_get_person (capacity, 0) == ana);
  g_assert_true (baton_capacity_get_person (capacity, 1) == cleo);
  g_assert_cmpint (baton_capacity_get_row (capacity, 1), ==, 0);
  g_assert_cmpint (baton_capacity_get_row (capacity, 2), ==, -1);
  g_assert_cmpint (baton_capacity_get_row (capacity, 3), ==, 1);
  g_assert_cmpint (baton_capacity_get_row (capacity, 99), ==, -1);
  g_assert_cmpint (baton_capacity_get_row (capacity, 0), ==, -1);

  /* Ben's task shows nowhere: not on Cleo's row, not as unassigned demand. */
  assert_loads (capacity, 0, 0, 0, 0, 0);
  assert_loads (capacity, 1, 300, 0, 0, 0);
  g_assert_cmpfloat (baton_capacity_get_unassigned (capacity, ROLE_DESIGNER, 0), ==, 0);
}

static void
test_unassigned (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;
  GArray *shares;

  add_person (f, 1, "Ana", 2400);

  /* Designer, 1000 Mon 2 – Fri 6 March: 1000 in week 0. */
  add_task (f, 10, 0, ROLE_DESIGNER, 1000, "2026-03-02", "2026-03-06");
  /* Designer, 1200 Thu 5 – Wed 11 March: 480 in week 0, 720 in week 1. */
  add_task (f, 11, 0, ROLE_DESIGNER, 1200, "2026-03-05", "2026-03-11");
  /* Writer, due Wed 18 March only: 600 over week 2. */
  add_task (f, 12, 0, ROLE_WRITER, 600, NULL, "2026-03-18");
  /* A role not in the roles list still shows as demand. */
  add_task (f, 13, 0, 7, 250, "2026-03-23", "2026-03-27");
  /* No role, no assignee: nobody's demand. */
  add_task (f, 14, 0, 0, 999, "2026-03-02", "2026-03-06");

  capacity = compute (f);

  /* Designer: week 0 = 1000 + 480 = 1480; week 1 = 720. */
  g_assert_cmpfloat (baton_capacity_get_unassigned (capacity, ROLE_DESIGNER, 0), ==, 1480);
  g_assert_cmpfloat (baton_capacity_get_unassigned (capacity, ROLE_DESIGNER, 1), ==, 720);
  g_assert_cmpfloat (baton_capacity_get_unassigned (capacity, ROLE_DESIGNER, 2), ==, 0);
  g_assert_cmpfloat (baton_capacity_get_unassigned (capacity, ROLE_WRITER, 2), ==, 600);
  g_assert_cmpfloat (baton_capacity_get_unassigned (capacity, ROLE_WRITER, 0), ==, 0);
  g_assert_cmpfloat (baton_capacity_get_unassigned (capacity, 7, 3), ==, 250);
  g_assert_cmpfloat (baton_capacity_get_unassigned (capacity, 99, 0), ==, 0);

  /* Unassigned work is nobody's load. */
  assert_loads (capacity, 0, 0, 0, 0, 0);

  shares = baton_capacity_get_unassigned_shares (capacity, ROLE_DESIGNER, 0);
  g_assert_cmpuint (shares->len, ==, 2);
  g_assert_cmpint (baton_record_get_id (BATON_RECORD (g_array_index (shares, BatonCapacityShare, 0).task)), ==, 10);
  g_assert_cmpfloat (g_array_index (shares, BatonCapacityShare, 0).minutes, ==, 1000);
  g_assert_cmpint (baton_record_get_id (BATON_RECORD (g_array_index (shares, BatonCapacityShare, 1).task)), ==, 11);
  g_assert_cmpfloat (g_array_index (shares, BatonCapacityShare, 1).minutes, ==, 480);
  g_assert_cmpuint (baton_capacity_get_unassigned_shares (capacity, ROLE_WRITER, 0)->len, ==, 0);
  g_assert_cmpuint (baton_capacity_get_unassigned_shares (capacity, 99, 0)->len, ==, 0);
}

static void
test_week_start_sunday (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;

  /* Sunday first: week 0 Sun 1 – Sat 7, week 1 Sun 8 – Sat 14,
   * week 2 Sun 15 – Sat 21, week 3 Sun 22 – Sat 28. */
  f->settings.first_weekday = 7;
  add_person (f, 1, "Ana", 2400);

  /* Mon 2 – Fri 6: 600 in week 0. */
  add_task (f, 10, 1, 0, 600, "2026-03-02", "2026-03-06");
  /* Due Sun 8 only: the week Sun 8 – Sat 14, 500 over Mon 9 – Fri 13 → week 1. */
  add_task (f, 11, 1, 0, 500, NULL, "2026-03-08");
  /* Sat 14 – Sun 15, no working day: due Sun 15 is the first day of week 2. */
  add_task (f, 12, 1, 0, 480, "2026-03-14", "2026-03-15");
  /* Sat 21 – Mon 23: one working day (Mon 23, week 3) → 70 in week 3. */
  add_task (f, 13, 1, 0, 70, "2026-03-21", "2026-03-23");

  capacity = compute (f);
  g_assert_cmpuint (baton_capacity_get_week_start (capacity, 0), ==, J ("2026-03-01"));
  g_assert_cmpint (baton_capacity_get_week_index (capacity, J ("2026-03-07")), ==, 0);
  g_assert_cmpint (baton_capacity_get_week_index (capacity, J ("2026-03-08")), ==, 1);
  g_assert_cmpint (baton_capacity_get_week_index (capacity, J ("2026-03-28")), ==, 3);
  g_assert_cmpint (baton_capacity_get_week_index (capacity, J ("2026-03-29")), ==, -1);
  assert_loads (capacity, 0, 600, 500, 480, 70);
  /* Five working days in every Sunday-first week too. */
  assert_capacities (capacity, 0, 2400, 2400, 2400, 2400);
}

static void
test_workdays_mon_thu (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;

  /* Monday to Thursday: 4 working days a week. */
  f->settings.workdays_mask = 0x0f;
  add_person (f, 1, "Ana", 2400);

  /* Fri 6 March off: not a working day, capacity stays 2400.
   * Thu 19 March off: 2400 × (4 − 1) / 4 = 1800 in week 2. */
  add_time_off (f, 1, "2026-03-06", "2026-03-06");
  add_time_off (f, 1, "2026-03-19", "2026-03-19");

  /* 900 Wed 4 – Tue 10: Wed, Thu (week 0) + Mon, Tue (week 1) = 4 days × 225
   * → 450 and 450. */
  add_task (f, 10, 1, 0, 900, "2026-03-04", "2026-03-10");
  /* 800 Mon 9 – Fri 13: Mon–Thu = 4 days × 200 → 800 in week 1. */
  add_task (f, 11, 1, 0, 800, "2026-03-09", "2026-03-13");
  /* 300 Fri 20 – Sun 22: no working day → all in the due date's week 2. */
  add_task (f, 12, 1, 0, 300, "2026-03-20", "2026-03-22");

  capacity = compute (f);
  g_assert_cmpuint (baton_capacity_get_days_off (capacity, 0, 0), ==, 0);
  g_assert_cmpuint (baton_capacity_get_days_off (capacity, 0, 2), ==, 1);
  assert_capacities (capacity, 0, 2400, 2400, 1800, 2400);
  /* Week 1: 450 + 800 = 1250. */
  assert_loads (capacity, 0, 450, 1250, 300, 0);
}

static void
test_shares (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;
  BatonTask *a, *b;
  GArray *shares;

  add_person (f, 1, "Ana", 2400);
  a = add_task (f, 10, 1, 0, 600, "2026-03-02", "2026-03-06");    /* week 0: 600 */
  b = add_task (f, 11, 1, 0, 1200, "2026-03-05", "2026-03-11");   /* 480 + 720 */

  capacity = compute (f);

  shares = baton_capacity_get_shares (capacity, 0, 0);
  g_assert_cmpuint (shares->len, ==, 2);
  g_assert_true (g_array_index (shares, BatonCapacityShare, 0).task == a);
  g_assert_cmpfloat (g_array_index (shares, BatonCapacityShare, 0).minutes, ==, 600);
  g_assert_true (g_array_index (shares, BatonCapacityShare, 1).task == b);
  g_assert_cmpfloat (g_array_index (shares, BatonCapacityShare, 1).minutes, ==, 480);
  /* The shares add up to the cell's load, 600 + 480 = 1080. */
  g_assert_cmpfloat (baton_capacity_get_load (capacity, 0, 0), ==, 1080);
  /* Asking again gives the same array. */
  g_assert_true (baton_capacity_get_shares (capacity, 0, 0) == shares);

  shares = baton_capacity_get_shares (capacity, 0, 1);
  g_assert_cmpuint (shares->len, ==, 1);
  g_assert_true (g_array_index (shares, BatonCapacityShare, 0).task == b);
  g_assert_cmpfloat (g_array_index (shares, BatonCapacityShare, 0).minutes, ==, 720);

  /* An empty cell gives an empty array, not NULL. */
  shares = baton_capacity_get_shares (capacity, 0, 2);
  g_assert_nonnull (shares);
  g_assert_cmpuint (shares->len, ==, 0);

  /* The matrix keeps the tasks behind its cells alive. */
  g_object_ref (a);
  g_list_store_remove_all (f->tasks);
  g_assert_true (g_array_index (baton_capacity_get_shares (capacity, 0, 0), BatonCapacityShare, 1).task == b);
  g_assert_true (BATON_IS_TASK (b));
  g_object_unref (a);
}

static void
test_task_is_over (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BatonCapacity) capacity = NULL;
  BatonTask *x, *y, *z, *unassigned, *later, *done, *undated;

  add_person (f, 3, "Cleo", 1200);

  /* X: 1500 Mon 9 – Fri 13 → week 1. */
  x = add_task (f, 10, 3, 0, 1500, "2026-03-09", "2026-03-13");
  /* Y: 600 Thu 12 – Wed 18: Thu, Fri (week 1) + Mon–Wed (week 2) = 5 × 120
   * → 240 in week 1, 360 in week 2. */
  y = add_task (f, 11, 3, 0, 600, "2026-03-12", "2026-03-18");
  /* Z: 300 due Wed 25 → week 3. */
  z = add_task (f, 12, 3, 0, 300, NULL, "2026-03-25");
  unassigned = add_task (f, 13, 0, ROLE_DESIGNER, 5000, "2026-03-09", "2026-03-13");
  later = add_task (f, 14, 3, 0, 300, NULL, "2026-06-03");
  done = add_task (f, 15, 3, 0, 300, "2026-03-09", "2026-03-13");
  _baton_record_set (done, "stage-id", (gint64) STAGE_DELIVERED, NULL);
  undated = add_task (f, 16, 3, 0, 300, NULL, NULL);

  capacity = compute (f);

  /* Week 1: 1500 + 240 = 1740 > 1200 → over; week 2: 360 → ok; week 3: 300 → ok. */
  assert_loads (capacity, 0, 0, 1740, 360, 300);
  g_assert_cmpint (baton_capacity_get_level (capacity, 0, 1), ==, BATON_LOAD_OVER);
  g_assert_cmpint (baton_capacity_get_level (capacity, 0, 2), ==, BATON_LOAD_OK);

  g_assert_true (baton_capacity_task_is_over (capacity, x));
  g_assert_true (baton_capacity_task_is_over (capacity, y));     /* touches week 1 */
  g_assert_false (baton_capacity_task_is_over (capacity, z));
  g_assert_false (baton_capacity_task_is_over (capacity, unassigned));
  g_assert_false (baton_capacity_task_is_over (capacity, later)); /* outside the matrix */
  g_assert_false (baton_capacity_task_is_over (capacity, done));  /* carries no load */
  g_assert_false (baton_capacity_task_is_over (capacity, undated));
}

static void
test_spread_task (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GArray) weeks = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) minutes = g_array_new (FALSE, FALSE, sizeof (double));
  BatonTask *two_weeks, *weekend, *undated, *far;

  two_weeks = add_task (f, 10, 0, 0, 1200, "2026-03-05", "2026-03-11");
  weekend = add_task (f, 11, 0, 0, 480, "2026-03-07", "2026-03-08");
  undated = add_task (f, 12, 0, 0, 480, NULL, NULL);
  /* 2000 Mon 2 March – Fri 3 April: 25 working days × 80 over 5 weeks. */
  far = add_task (f, 13, 0, 0, 2000, "2026-03-02", "2026-04-03");

  g_assert_true (baton_capacity_spread_task (&f->settings, two_weeks, weeks, minutes));
  g_assert_cmpuint (weeks->len, ==, 2);
  g_assert_cmpuint (g_array_index (weeks, guint32, 0), ==, J ("2026-03-02"));
  g_assert_cmpuint (g_array_index (weeks, guint32, 1), ==, J ("2026-03-09"));
  g_assert_cmpfloat (g_array_index (minutes, double, 0), ==, 480);
  g_assert_cmpfloat (g_array_index (minutes, double, 1), ==, 720);

  g_assert_true (baton_capacity_spread_task (&f->settings, weekend, weeks, minutes));
  g_assert_cmpuint (weeks->len, ==, 1);
  g_assert_cmpuint (g_array_index (weeks, guint32, 0), ==, J ("2026-03-02"));
  g_assert_cmpfloat (g_array_index (minutes, double, 0), ==, 480);

  g_assert_false (baton_capacity_spread_task (&f->settings, undated, weeks, minutes));
  g_assert_cmpuint (weeks->len, ==, 0);
  g_assert_cmpuint (minutes->len, ==, 0);

  g_assert_true (baton_capacity_spread_task (&f->settings, far, weeks, minutes));
  g_assert_cmpuint (weeks->len, ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      g_assert_cmpuint (g_array_index (weeks, guint32, i), ==, J ("2026-03-02") + 7 * i);
      g_assert_cmpfloat (g_array_index (minutes, double, i), ==, 400);
    }
}

/* People for "who has room?":
 *
 *   Ana  1  designer  2400/week
 *   Ben  2  designer  2400/week, off Mon 9 – Tue 10 → week 1: 2400 × 3/5 = 1440
 *   Cleo 3  designer  1200/week
 *   Dan  4  writer    2400/week (not a designer)
 *   Eve  5  designer  archived
 *   Fay  6  designer  2400/week
 *
 * Week 1 (Mon 9 – Fri 13) loads besides the task being placed:
 *   Ana 1200 (task 101), Ben 240 (task 102, due Wed 11 only),
 *   Cleo 600 (task 103), Fay 0 (task 106 of 3000 is done).
 */
static void
set_up_room (Fixture *f)
{
  BatonPerson *eve;
  BatonTask *done;

  add_person (f, 1, "Ana", 2400);
  add_person (f, 2, "Ben", 2400);
  add_person (f, 3, "Cleo", 1200);
  add_person (f, 4, "Dan", 2400);
  eve = add_person (f, 5, "Eve", 2400);
  _baton_record_set (eve, "archived", TRUE, NULL);
  add_person (f, 6, "Fay", 2400);

  add_person_role (f, 1, ROLE_DESIGNER);
  add_person_role (f, 1, ROLE_WRITER);
  add_person_role (f, 2, ROLE_DESIGNER);
  add_person_role (f, 3, ROLE_DESIGNER);
  add_person_role (f, 4, ROLE_WRITER);
  add_person_role (f, 5, ROLE_DESIGNER);
  add_person_role (f, 6, ROLE_DESIGNER);

  add_time_off (f, 2, "2026-03-09", "2026-03-10");

  add_task (f, 101, 1, ROLE_DESIGNER, 1200, "2026-03-09", "2026-03-13");
  add_task (f, 102, 2, ROLE_DESIGNER, 240, NULL, "2026-03-11");
  add_task (f, 103, 3, ROLE_DESIGNER, 600, "2026-03-09", "2026-03-13");
  done = add_task (f, 106, 6, ROLE_DESIGNER, 3000, "2026-03-09", "2026-03-13");
  _baton_record_set (done, "stage-id", (gint64) STAGE_DELIVERED, NULL);
}

static void
assert_candidate (GArray     *candidates,
                  guint       index,
                  const char *name,
                  double      free_minutes,
                  double      load_after,
                  double      capacity,
                  gboolean    is_assignee)
{
  BatonRoomCandidate *candidate;

  g_assert_cmpuint (index, <, candidates->len);
  candidate = &g_array_index (candidates, BatonRoomCandidate, index);
  g_assert_cmpstr (baton_person_get_name (candidate->person), ==, name);
  g_assert_cmpfloat (candidate->free_minutes, ==, free_minutes);
  g_assert_cmpfloat (candidate->load_after, ==, load_after);
  g_assert_cmpfloat (candidate->capacity, ==, capacity);
  g_assert_cmpint (candidate->is_assignee, ==, is_assignee);
}

static void
test_who_has_room (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GArray) candidates = NULL;
  BatonTask *task;

  set_up_room (f);
  /* The task to place: Ana's, 600 Mon 9 – Fri 13 (week 1 only). */
  task = add_task (f, 100, 1, ROLE_DESIGNER, 600, "2026-03-09", "2026-03-13");

  candidates = baton_capacity_who_has_room (&f->settings, &f->input, task, J ("2026-03-02"));

  /* Fay:  2400 − 0            = 2400 free; after 0 + 600    = 600
   * Ana:  2400 − 1200         = 1200 free (her 600 of this task not
   *       counted);             after 1200 + 600 = 1800; holds it now
   * Ben:  1440 − 240          = 1200 free; after 240 + 600  = 840
   * Cleo: 1200 − 600          =  600 free; after 600 + 600  = 1200
   * Ana and Ben tie at 1200: by name. Dan (writer) and Eve (archived) are
   * not candidates. */
  g_assert_cmpuint (candidates->len, ==, 4);
  assert_candidate (candidates, 0, "Fay", 2400, 600, 2400, FALSE);
  assert_candidate (candidates, 1, "Ana", 1200, 1800, 2400, TRUE);
  assert_candidate (candidates, 2, "Ben", 1200, 840, 1440, FALSE);
  assert_candidate (candidates, 3, "Cleo", 600, 1200, 1200, FALSE);
}

static void
test_who_has_room_two_weeks (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GArray) candidates = NULL;
  BatonTask *task;

  set_up_room (f);
  add_task (f, 100, 1, ROLE_DESIGNER, 600, "2026-03-09", "2026-03-13");   /* Ana, week 1 */
  /* Unassigned, 1000 Thu 12 – Wed 18: Thu, Fri (week 1) + Mon–Wed (week 2)
   * = 5 × 200 → 400 + 600. Figures are sums over weeks 1 and 2. */
  task = add_task (f, 104, 0, ROLE_DESIGNER, 1000, "2026-03-12", "2026-03-18");

  candidates = baton_capacity_who_has_room (&f->settings, &f->input, task, J ("2026-03-02"));

  /* Fay:  cap 2400 + 2400 = 4800, load 0                → free 4800, after 1000
   * Ben:  cap 1440 + 2400 = 3840, load 240              → free 3600, after 1240
   * Ana:  cap 4800, load 1200 + 600 (task 100, counted) → free 3000, after 2800
   * Cleo: cap 1200 + 1200 = 2400, load 600              → free 1800, after 1600 */
  g_assert_cmpuint (candidates->len, ==, 4);
  assert_candidate (candidates, 0, "Fay", 4800, 1000, 4800, FALSE);
  assert_candidate (candidates, 1, "Ben", 3600, 1240, 3840, FALSE);
  assert_candidate (candidates, 2, "Ana", 3000, 2800, 4800, FALSE);
  assert_candidate (candidates, 3, "Cleo", 1800, 1600, 2400, FALSE);
}

static void
test_who_has_room_undated (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GArray) writers = NULL;
  BatonTask *task, *writing;

  set_up_room (f);
  add_task (f, 100, 1, ROLE_DESIGNER, 600, "2026-03-09", "2026-03-13");   /* Ana, week 1 */
  /* No dates: the week of "today", Wed 11 March = week 1. */
  task = add_task (f, 105, 0, ROLE_DESIGNER, 300, NULL, NULL);

  candidates = baton_capacity_who_has_room (&f->settings, &f->input, task, J ("2026-03-11"));

  /* Fay 2400 free (after 300); Ben 1440 − 240 = 1200 (after 540);
   * Ana 2400 − 1800 = 600 (after 2100); Cleo 1200 − 600 = 600 (after 900).
   * Ana and Cleo tie at 600: by name. */
  g_assert_cmpuint (candidates->len, ==, 4);
  assert_candidate (candidates, 0, "Fay", 2400, 300, 2400, FALSE);
  assert_candidate (candidates, 1, "Ben", 1200, 540, 1440, FALSE);
  assert_candidate (candidates, 2, "Ana", 600, 2100, 2400, FALSE);
  assert_candidate (candidates, 3, "Cleo", 600, 900, 1200, FALSE);

  /* Writers: Dan (2400 free) before Ana (600 free) in week 1. */
  writing = add_task (f, 107, 0, ROLE_WRITER, 60, "2026-03-09", "2026-03-09");
  writers = baton_capacity_who_has_room (&f->settings, &f->input, writing, J ("2026-03-11"));
  g_assert_cmpuint (writers->len, ==, 2);
  assert_candidate (writers, 0, "Dan", 2400, 60, 2400, FALSE);
  assert_candidate (writers, 1, "Ana", 600, 1860, 2400, FALSE);
}

/* Who holds a role as a secondary one has room for its tasks like anyone
 * who holds it first; who holds it nowhere is not asked. */
static void
test_who_has_room_secondary_role (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GArray) writers = NULL;
  g_autoptr(GArray) designers = NULL;
  g_autoptr(BatonPersonRole) primary = NULL;
  BatonTask *writing, *drawing;
  guint n;

  set_up_room (f);
  /* Gus: a designer first (primary), a writer second; 1536 a week. */
  add_person (f, 7, "Gus", 1536);
  add_person_role (f, 7, ROLE_WRITER);
  add_person_role (f, 7, ROLE_DESIGNER);
  n = g_list_model_get_n_items (G_LIST_MODEL (f->person_roles));
  primary = g_list_model_get_item (G_LIST_MODEL (f->person_roles), n - 1);
  _baton_record_set (primary, "is-primary", TRUE, NULL);

  /* Writing, 60 on Mon 9 (week 1): Dan 2400 free, Gus 1536, Ana 2400 −
   * 1200 = 1200 (her designer task). */
  writing = add_task (f, 107, 0, ROLE_WRITER, 60, "2026-03-09", "2026-03-09");
  writers = baton_capacity_who_has_room (&f->settings, &f->input, writing, J ("2026-03-02"));
  g_assert_cmpuint (writers->len, ==, 3);
  assert_candidate (writers, 0, "Dan", 2400, 60, 2400, FALSE);
  assert_candidate (writers, 1, "Gus", 1536, 60, 1536, FALSE);
  assert_candidate (writers, 2, "Ana", 1200, 1260, 2400, FALSE);

  /* And as a designer (his primary role) too; Dan, a writer only, not. */
  drawing = add_task (f, 108, 0, ROLE_DESIGNER, 60, "2026-03-09", "2026-03-09");
  designers = baton_capacity_who_has_room (&f->settings, &f->input, drawing, J ("2026-03-02"));
  g_assert_cmpuint (designers->len, ==, 5);
  for (guint i = 0; i < designers->len; i++)
    g_assert_cmpstr (baton_person_get_name (g_array_index (designers, BatonRoomCandidate, i).person), !=, "Dan");
  /* Fay 2400 free, then Gus 1536. */
  assert_candidate (designers, 1, "Gus", 1536, 60, 1536, FALSE);
}

static void
test_boxed (Fixture       *f,
            gconstpointer  data)
{
  BatonCapacity *capacity, *copy;

  add_person (f, 1, "Ana", 2400);
  capacity = compute (f);

  g_assert_true (G_TYPE_IS_BOXED (BATON_TYPE_CAPACITY));
  copy = g_boxed_copy (BATON_TYPE_CAPACITY, capacity);
  g_assert_true (copy == capacity);
  baton_capacity_unref (capacity);
  /* Still alive through the copy's reference. */
  g_assert_cmpuint (baton_capacity_get_n_people (copy), ==, 1);
  g_boxed_free (BATON_TYPE_CAPACITY, copy);
}

static void
test_empty_input (void)
{
  BatonCapacitySettings settings;
  BatonCapacityInput input = { NULL, };
  g_autoptr(BatonCapacity) capacity = NULL;

  baton_capacity_settings_init_default (&settings);
  g_assert_cmpuint (settings.workdays_mask, ==, BATON_WORKDAYS_MON_FRI);
  g_assert_cmpuint (settings.first_weekday, ==, 1);
  g_assert_cmpfloat (settings.high_threshold, ==, 0.85);
  g_assert_cmpfloat (settings.over_threshold, ==, 1.0);

  capacity = baton_capacity_compute (&settings, &input, J ("2026-03-04"), 26);
  g_assert_cmpuint (baton_capacity_get_n_people (capacity), ==, 0);
  g_assert_cmpuint (baton_capacity_get_n_weeks (capacity), ==, 26);
  g_assert_cmpfloat (baton_capacity_get_unassigned (capacity, 1, 0), ==, 0);
  g_assert_cmpuint (baton_capacity_get_unassigned_shares (capacity, 1, 25)->len, ==, 0);
}

/* A slice answers as a matrix computed for its weeks alone: every cell,
 * share, unassigned figure and over-capacity answer. */
static void
assert_same_matrix (BatonCapacity *a,
                    BatonCapacity *b,
                    Fixture       *f)
{
  guint n_tasks = g_list_model_get_n_items (G_LIST_MODEL (f->tasks));

  g_assert_cmpuint (baton_capacity_get_n_people (a), ==, baton_capacity_get_n_people (b));
  g_assert_cmpuint (baton_capacity_get_n_weeks (a), ==, baton_capacity_get_n_weeks (b));

  for (guint w = 0; w < baton_capacity_get_n_weeks (a); w++)
    {
      g_assert_cmpuint (baton_capacity_get_week_start (a, w), ==, baton_capacity_get_week_start (b, w));

      for (guint r = 0; r < baton_capacity_get_n_people (a); r++)
        {
          GArray *sa = baton_capacity_get_shares (a, r, w);
          GArray *sb = baton_capacity_get_shares (b, r, w);

          g_assert_true (baton_capacity_get_person (a, r) == baton_capacity_get_person (b, r));
          g_assert_cmpfloat (baton_capacity_get_load (a, r, w), ==, baton_capacity_get_load (b, r, w));
          g_assert_cmpfloat (baton_capacity_get_capacity (a, r, w), ==, baton_capacity_get_capacity (b, r, w));
          g_assert_cmpuint (baton_capacity_get_days_off (a, r, w), ==, baton_capacity_get_days_off (b, r, w));
          g_assert_cmpint (baton_capacity_get_level (a, r, w), ==, baton_capacity_get_level (b, r, w));
          g_assert_cmpuint (sa->len, ==, sb->len);
          for (guint i = 0; i < sa->len; i++)
            {
              g_assert_true (g_array_index (sa, BatonCapacityShare, i).task ==
                             g_array_index (sb, BatonCapacityShare, i).task);
              g_assert_cmpfloat (g_array_index (sa, BatonCapacityShare, i).minutes, ==,
                                 g_array_index (sb, BatonCapacityShare, i).minutes);
            }
        }

      for (gint64 role = ROLE_DESIGNER; role <= ROLE_WRITER; role++)
        {
          g_assert_cmpfloat (baton_capacity_get_unassigned (a, role, w), ==,
                             baton_capacity_get_unassigned (b, role, w));
          g_assert_cmpuint (baton_capacity_get_unassigned_shares (a, role, w)->len, ==,
                            baton_capacity_get_unassigned_shares (b, role, w)->len);
        }
    }

  for (guint r = 0; r < baton_capacity_get_n_people (a); r++)
    g_assert_cmpfloat (baton_capacity_get_unscheduled (a, r), ==, baton_capacity_get_unscheduled (b, r));

  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (G_LIST_MODEL (f->tasks), i);

      g_assert_cmpint (baton_capacity_task_is_over (a, task), ==, baton_capacity_task_is_over (b, task));
    }
}

static void
test_slice (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BatonCapacity) whole = NULL;
  g_autoptr(BatonCapacity) same = NULL;
  gboolean some_over = FALSE;

  add_person (f, 1, "Ana", 2400);
  add_person (f, 2, "Bo", 1200);
  add_person_role (f, 1, ROLE_DESIGNER);
  add_time_off (f, 2, "2026-03-10", "2026-03-12");
  add_task (f, 1, 1, ROLE_DESIGNER, 3000, "2026-03-04", "2026-03-17");   /* weeks 0–2 */
  add_task (f, 2, 2, 0, 1800, "2026-03-16", "2026-03-16");              /* week 2: over */
  add_task (f, 3, 0, ROLE_DESIGNER, 600, "2026-03-23", "2026-03-27");    /* unassigned, week 3 */
  add_task (f, 4, 0, ROLE_WRITER, 300, "2026-03-02", "2026-03-02");      /* unassigned, week 0 */
  add_task (f, 5, 1, 0, 120, NULL, NULL);                              /* unscheduled */

  whole = baton_capacity_compute (&f->settings, &f->input, J ("2026-03-02"), 4);

  /* Every slice of every length, against its own computation. */
  for (guint first = 0; first < 4; first++)
    for (guint n = 1; first + n <= 4; n++)
      {
        guint32 day = J ("2026-03-02") + first * 7 + 3;   /* mid-week snaps back */
        g_autoptr(BatonCapacity) slice = baton_capacity_slice (whole, day, n);
        g_autoptr(BatonCapacity) alone = baton_capacity_compute (&f->settings, &f->input, day, n);

        g_assert_nonnull (slice);
        assert_same_matrix (slice, alone, f);

        for (guint i = 0; i < 5; i++)
          {
            g_autoptr(BatonTask) task = g_list_model_get_item (G_LIST_MODEL (f->tasks), i);

            some_over |= baton_capacity_task_is_over (slice, task);
          }
      }
  /* The cases above include someone over capacity (else is_over proved nothing). */
  g_assert_true (some_over);

  /* The whole of it is the matrix itself; outside it there is no slice. */
  same = baton_capacity_slice (whole, J ("2026-03-02"), 4);
  g_assert_true (same == whole);
  g_assert_null (baton_capacity_slice (whole, J ("2026-02-23"), 1));
  g_assert_null (baton_capacity_slice (whole, J ("2026-03-23"), 2));
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/capacity/first-day-snaps", test_first_day_snaps);
  ADD ("/capacity/spread/even-week", test_spread_even_week);
  ADD ("/capacity/spread/part-weeks", test_spread_part_weeks);
  ADD ("/capacity/spread/due-only", test_spread_due_only);
  ADD ("/capacity/spread/start-only", test_spread_start_only);
  ADD ("/capacity/spread/weekend-only", test_spread_weekend_only);
  ADD ("/capacity/spread/task", test_spread_task);
  ADD ("/capacity/unscheduled", test_unscheduled);
  ADD ("/capacity/time-off", test_time_off);
  ADD ("/capacity/time-off/weekend", test_time_off_weekend);
  ADD ("/capacity/level/zero-capacity", test_level_zero_capacity);
  ADD ("/capacity/level/thresholds", test_level_thresholds);
  ADD ("/capacity/no-load", test_no_load);
  ADD ("/capacity/archived-person", test_archived_person);
  ADD ("/capacity/unassigned", test_unassigned);
  ADD ("/capacity/week-start/sunday", test_week_start_sunday);
  ADD ("/capacity/workdays/mon-thu", test_workdays_mon_thu);
  ADD ("/capacity/shares", test_shares);
  ADD ("/capacity/task-is-over", test_task_is_over);
  ADD ("/capacity/who-has-room", test_who_has_room);
  ADD ("/capacity/who-has-room/two-weeks", test_who_has_room_two_weeks);
  ADD ("/capacity/who-has-room/undated", test_who_has_room_undated);
  ADD ("/capacity/who-has-room/secondary-role", test_who_has_room_secondary_role);
  ADD ("/capacity/boxed", test_boxed);
  ADD ("/capacity/slice", test_slice);
  g_test_add_func ("/capacity/empty-input", test_empty_input);

  return g_test_run ();
}
