/* test-workload.c — the one capacity state: when it computes, what it
 * covers, and the drop preview's arithmetic, in exact numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The week of Monday 2 March 2026, Monday to Friday: a 40 h person has
 * 480 min a day. Task estimates are spread evenly over working days.
 */

#include "config.h"

#include "baton-dates.h"
#include "baton-store.h"
#include "baton-test-pg.h"
#include "baton-test-util.h"
#include "baton-workload.h"

#define H(hours) ((double) (hours) * 60)

typedef struct
{
  BatonStore    *store;
  BatonWorkload *workload;
  BatonStage    *stage;
  BatonRole     *writer;
  BatonRole     *designer;
  BatonPerson   *ana;      /* writer, 40 h */
  BatonPerson   *ben;      /* writer, 20 h */
  BatonPerson   *cleo;     /* designer, 40 h */
  guint32        week;     /* Monday 2 March 2026 */
  guint          changed;
} Fixture;

static void
count_changed (Fixture *f)
{
  f->changed++;
}

static BatonPerson *
add_person (Fixture    *f,
            const char *name,
            gint64      hours,
            BatonRole  *role)
{
  g_autoptr(GError) error = NULL;
  BatonPerson *person = baton_store_create_person (f->store, name, NULL, hours * 60, NULL, &error);
  gint64 role_id = baton_record_get_id (BATON_RECORD (role));

  g_assert_no_error (error);
  g_assert_true (baton_store_set_person_roles (f->store, person, &role_id, 1, role_id, &error));
  g_assert_no_error (error);

  return person;
}

/* A task of @hours over @start … @due, assigned to @person (NULL: none). */
static BatonTask *
add_task (Fixture     *f,
          const char  *title,
          BatonRole   *role,
          BatonPerson *person,
          gint64       hours,
          const char  *start,
          const char  *due)
{
  g_autoptr(GError) error = NULL;
  BatonTask *task = baton_store_create_task (f->store, f->stage, NULL, title, &error);

  g_assert_no_error (error);
  g_assert_true (baton_store_update (f->store, task, &error,
                                     "role-id", baton_record_get_id (BATON_RECORD (role)),
                                     "assignee-id", person != NULL ? baton_record_get_id (BATON_RECORD (person)) : (gint64) 0,
                                     "estimate-minutes", hours * 60,
                                     "start-date", start,
                                     "due-date", due,
                                     NULL));
  g_assert_no_error (error);

  return task;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = baton_test_engine_open (":memory:", &error);
  g_assert_no_error (error);
  f->stage = baton_store_create_stage (f->store, "Doing", 0, &error);
  g_assert_no_error (error);
  f->writer = baton_store_create_role (f->store, "Writer", NULL, &error);
  g_assert_no_error (error);
  f->designer = baton_store_create_role (f->store, "Designer", NULL, &error);
  g_assert_no_error (error);
  f->ana = add_person (f, "Ana", 40, f->writer);
  f->ben = add_person (f, "Ben", 20, f->writer);
  f->cleo = add_person (f, "Cleo", 40, f->designer);
  g_assert_true (baton_date_parse ("2026-03-02", &f->week));

  f->workload = baton_workload_new (f->store);
  g_signal_connect_swapped (f->workload, "changed", G_CALLBACK (count_changed), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->workload);
  g_clear_object (&f->store);
}

/* Runs the main loop until nothing is pending: the low-priority
 * recomputation included. */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static double
load_of (Fixture     *f,
         BatonPerson *person,
         guint32      week_start)
{
  BatonCapacity *matrix = baton_workload_get_capacity (f->workload);
  gint row = baton_capacity_get_row (matrix, baton_record_get_id (BATON_RECORD (person)));
  gint week = baton_capacity_get_week_index (matrix, week_start);

  g_assert_cmpint (row, >=, 0);
  g_assert_cmpint (week, >=, 0);
  return baton_capacity_get_load (matrix, (guint) row, (guint) week);
}

/* Nothing watched: nothing computed. Watching weeks computes them, the
 * same numbers as baton_capacity_compute () on the store's lists. */
static void
test_watch_computes (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BatonCapacity) direct = NULL;
  BatonCapacityInput input = {
    baton_store_get_people (f->store), baton_store_get_person_roles (f->store),
    baton_store_get_time_off (f->store), baton_store_get_tasks (f->store),
    baton_store_get_stages (f->store), baton_store_get_roles (f->store),
  };
  BatonCapacitySettings settings;
  BatonCapacity *matrix;

  add_task (f, "Script", f->writer, f->ana, 10, "2026-03-02", "2026-03-06");
  g_assert_null (baton_workload_get_capacity (f->workload));

  baton_workload_watch_weeks (f->workload, f->week + 2, 4);   /* a Wednesday: its week */
  matrix = baton_workload_get_capacity (f->workload);
  g_assert_nonnull (matrix);
  g_assert_cmpuint (baton_capacity_get_n_weeks (matrix), ==, 4);
  g_assert_cmpuint (baton_capacity_get_week_start (matrix, 0), ==, f->week);
  g_assert_cmpfloat (load_of (f, f->ana, f->week), ==, H (10));

  baton_capacity_settings_init_default (&settings);
  direct = baton_capacity_compute (&settings, &input, f->week, 4);
  for (guint row = 0; row < baton_capacity_get_n_people (direct); row++)
    for (guint week = 0; week < 4; week++)
      {
        g_assert_cmpfloat (baton_capacity_get_load (matrix, row, week), ==, baton_capacity_get_load (direct, row, week));
        g_assert_cmpfloat (baton_capacity_get_capacity (matrix, row, week), ==,
                           baton_capacity_get_capacity (direct, row, week));
      }
  g_assert_true (baton_workload_is_current (f->workload));
}

/* Several store changes in a row: stale at once, one computation later,
 * at low priority. */
static void
test_changes_coalesce (Fixture       *f,
                       gconstpointer  data)
{
  BatonCapacity *before;

  baton_workload_watch_weeks (f->workload, f->week, 2);
  before = baton_workload_get_capacity (f->workload);
  g_assert_cmpfloat (load_of (f, f->ana, f->week), ==, 0);
  f->changed = 0;

  add_task (f, "Script", f->writer, f->ana, 10, "2026-03-02", "2026-03-06");
  add_task (f, "Review", f->writer, f->ana, 5, "2026-03-02", "2026-03-06");
  add_task (f, "Storyboard", f->designer, f->cleo, 8, "2026-03-09", "2026-03-13");

  /* Not yet: the matrix a reader holds stays valid until ::changed. */
  g_assert_false (baton_workload_is_current (f->workload));
  g_assert_true (baton_workload_get_capacity (f->workload) == before);
  g_assert_cmpuint (f->changed, ==, 0);

  drain ();
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_true (baton_workload_is_current (f->workload));
  g_assert_cmpfloat (load_of (f, f->ana, f->week), ==, H (15));
  g_assert_cmpfloat (load_of (f, f->cleo, f->week + 7), ==, H (8));

  /* update () computes now, and only when something changed. */
  add_task (f, "Quiz", f->writer, f->ben, 4, "2026-03-02", "2026-03-02");
  baton_workload_update (f->workload);
  g_assert_cmpuint (f->changed, ==, 2);
  g_assert_cmpfloat (load_of (f, f->ben, f->week), ==, H (4));
  baton_workload_update (f->workload);
  drain ();
  g_assert_cmpuint (f->changed, ==, 2);
}

/* Two readers: the matrix covers both ranges; moving one far away is
 * covered before the getter returns. */
static void
test_ranges_union (Fixture       *f,
                   gconstpointer  data)
{
  BatonCapacity *matrix;
  guint board, grid;

  board = baton_workload_watch_weeks (f->workload, f->week, 2);
  grid = baton_workload_watch_weeks (f->workload, f->week + 21, 3);
  matrix = baton_workload_get_capacity (f->workload);
  g_assert_cmpuint (baton_capacity_get_week_start (matrix, 0), ==, f->week);
  g_assert_cmpuint (baton_capacity_get_n_weeks (matrix), ==, 6);

  baton_workload_move_weeks (f->workload, grid, f->week + 70, 2);
  matrix = baton_workload_get_capacity (f->workload);
  g_assert_cmpuint (baton_capacity_get_week_start (matrix, 0), ==, f->week);
  g_assert_cmpuint (baton_capacity_get_n_weeks (matrix), ==, 12);

  baton_workload_unwatch_weeks (f->workload, board);
  drain ();
  matrix = baton_workload_get_capacity (f->workload);
  g_assert_cmpuint (baton_capacity_get_week_start (matrix, 0), ==, f->week + 70);
  g_assert_cmpuint (baton_capacity_get_n_weeks (matrix), ==, 2);

  baton_workload_unwatch_weeks (f->workload, grid);
  drain ();
  g_assert_null (baton_workload_get_capacity (f->workload));
}

/* New settings recompute at once: a week starting on Sunday moves the
 * ranges to Sundays, and a lower threshold changes the levels. */
static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  BatonCapacitySettings settings = *baton_workload_get_settings (f->workload);
  BatonCapacity *matrix;
  gint row;

  add_task (f, "Script", f->writer, f->ana, 36, "2026-03-02", "2026-03-06");
  baton_workload_watch_weeks (f->workload, f->week, 1);
  matrix = baton_workload_get_capacity (f->workload);
  row = baton_capacity_get_row (matrix, baton_record_get_id (BATON_RECORD (f->ana)));
  g_assert_cmpint (baton_capacity_get_level (matrix, (guint) row, 0), ==, BATON_LOAD_HIGH);

  f->changed = 0;
  settings.high_threshold = 0.95;
  baton_workload_set_settings (f->workload, &settings);
  g_assert_cmpuint (f->changed, ==, 1);
  matrix = baton_workload_get_capacity (f->workload);
  g_assert_cmpint (baton_capacity_get_level (matrix, (guint) row, 0), ==, BATON_LOAD_OK);

  settings.first_weekday = 7;
  baton_workload_set_settings (f->workload, &settings);
  matrix = baton_workload_get_capacity (f->workload);
  g_assert_cmpuint (baton_capacity_get_week_start (matrix, 0), ==, f->week - 1);

  /* The same settings again: nothing to do. */
  baton_workload_set_settings (f->workload, &settings);
  g_assert_cmpuint (f->changed, ==, 2);
}

/* The drop preview of a reassignment, in the week of 2 March: Ana (writer,
 * 40 h) has a 30 h task, Ben (writer, 20 h) a 16 h one, Cleo (designer,
 * 40 h) nothing. */
static void
test_preview_reassign (Fixture       *f,
                       gconstpointer  data)
{
  BatonTask *big = add_task (f, "Module", f->writer, f->ana, 30, "2026-03-02", "2026-03-06");
  BatonCellChange change;
  gint64 ana = baton_record_get_id (BATON_RECORD (f->ana));
  gint64 ben = baton_record_get_id (BATON_RECORD (f->ben));
  gint64 cleo = baton_record_get_id (BATON_RECORD (f->cleo));
  gint64 writer = baton_record_get_id (BATON_RECORD (f->writer));

  add_task (f, "Glossary", f->writer, f->ben, 16, "2026-03-02", "2026-03-06");
  baton_workload_watch_weeks (f->workload, f->week, 4);
  baton_workload_update (f->workload);

  /* To Ben, same week: Ben 16 → 46 h of 20, over; Ana 30 → 0. */
  g_assert_true (baton_workload_preview_move (f->workload, big, ben, 0, ben, 0, f->week, &change));
  g_assert_cmpfloat (change.before, ==, H (16));
  g_assert_cmpfloat (change.after, ==, H (46));
  g_assert_cmpfloat (change.capacity, ==, H (20));
  g_assert_true (change.over);
  g_assert_true (change.role_ok);
  g_assert_true (baton_workload_preview_move (f->workload, big, ben, 0, ana, 0, f->week, &change));
  g_assert_cmpfloat (change.before, ==, H (30));
  g_assert_cmpfloat (change.after, ==, 0);
  g_assert_false (change.over);

  /* To Cleo, a designer: room, but not her role. */
  g_assert_true (baton_workload_preview_move (f->workload, big, cleo, 0, cleo, 0, f->week, &change));
  g_assert_cmpfloat (change.after, ==, H (30));
  g_assert_false (change.over);
  g_assert_false (change.role_ok);

  /* Exactly full is not over: Ana's 30 h plus a 10 h task make 40 of 40. */
  {
    BatonTask *ten = add_task (f, "Ten", f->writer, f->ben, 10, "2026-03-02", "2026-03-06");

    baton_workload_update (f->workload);
    g_assert_true (baton_workload_preview_move (f->workload, ten, ana, 0, ana, 0, f->week, &change));
    g_assert_cmpfloat (change.after, ==, H (40));
    g_assert_false (change.over);
  }

  /* Unassigned: the Writer line gets it. */
  g_assert_true (baton_workload_preview_move (f->workload, big, 0, 0, 0, writer, f->week, &change));
  g_assert_cmpfloat (change.before, ==, 0);
  g_assert_cmpfloat (change.after, ==, H (30));
  g_assert_cmpfloat (change.capacity, ==, 0);
  g_assert_true (change.role_ok);

  /* A week outside the matrix, a person not in it. */
  g_assert_false (baton_workload_preview_move (f->workload, big, ben, 0, ben, 0, f->week + 70, &change));
}

/* Rescheduling: the same person, two weeks later. The target week gets
 * what the task had in its week two weeks earlier; the source week loses
 * it. */
static void
test_preview_reschedule (Fixture       *f,
                         gconstpointer  data)
{
  /* 20 h over Thursday 5 March … Tuesday 10 March: 4 working days,
   * 2 in each week, 10 h each. */
  BatonTask *task = add_task (f, "Course", f->writer, f->ana, 20, "2026-03-05", "2026-03-10");
  gint64 ana = baton_record_get_id (BATON_RECORD (f->ana));
  BatonCellChange change;

  baton_workload_watch_weeks (f->workload, f->week, 6);
  baton_workload_update (f->workload);
  g_assert_cmpfloat (load_of (f, f->ana, f->week), ==, H (10));
  g_assert_cmpfloat (load_of (f, f->ana, f->week + 7), ==, H (10));

  /* Two weeks later: the week of 16 March gets the 10 h of the week of
   * 2 March, which loses them, and the week of 23 March gets those of
   * 9 March. */
  g_assert_true (baton_workload_preview_move (f->workload, task, ana, 2, ana, 0, f->week + 14, &change));
  g_assert_cmpfloat (change.before, ==, 0);
  g_assert_cmpfloat (change.after, ==, H (10));
  g_assert_true (baton_workload_preview_move (f->workload, task, ana, 2, ana, 0, f->week, &change));
  g_assert_cmpfloat (change.before, ==, H (10));
  g_assert_cmpfloat (change.after, ==, 0);
  g_assert_true (baton_workload_preview_move (f->workload, task, ana, 2, ana, 0, f->week + 21, &change));
  g_assert_cmpfloat (change.after, ==, H (10));
}

/* Freed with a computation pending: nothing runs after. */
static void
test_dispose_pending (Fixture       *f,
                      gconstpointer  data)
{
  baton_workload_watch_weeks (f->workload, f->week, 2);
  baton_workload_get_capacity (f->workload);
  add_task (f, "Script", f->writer, f->ana, 10, "2026-03-02", "2026-03-06");
  g_assert_false (baton_workload_is_current (f->workload));
  g_clear_object (&f->workload);
  drain ();

  f->workload = baton_workload_new (f->store);
}

/* Each reader takes exactly its weeks, whatever the union is. */
static void
test_get_weeks (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BatonCapacity) early = NULL;
  g_autoptr(BatonCapacity) late = NULL;
  guint a, b;

  add_task (f, "Script", f->writer, f->ana, 10, "2026-03-02", "2026-03-06");
  add_task (f, "Storyboard", f->designer, f->cleo, 8, "2026-03-23", "2026-03-27");
  a = baton_workload_watch_weeks (f->workload, f->week, 2);
  b = baton_workload_watch_weeks (f->workload, f->week + 21, 1);

  early = baton_workload_get_weeks (f->workload, a);
  late = baton_workload_get_weeks (f->workload, b);
  g_assert_cmpuint (baton_capacity_get_n_weeks (baton_workload_get_capacity (f->workload)), ==, 4);

  g_assert_cmpuint (baton_capacity_get_n_weeks (early), ==, 2);
  g_assert_cmpuint (baton_capacity_get_week_start (early, 0), ==, f->week);
  g_assert_cmpfloat (baton_capacity_get_load (early, baton_capacity_get_row (early, baton_record_get_id (BATON_RECORD (f->ana))), 0), ==, H (10));

  g_assert_cmpuint (baton_capacity_get_n_weeks (late), ==, 1);
  g_assert_cmpuint (baton_capacity_get_week_start (late, 0), ==, f->week + 21);
  g_assert_cmpfloat (baton_capacity_get_load (late, baton_capacity_get_row (late, baton_record_get_id (BATON_RECORD (f->cleo))), 0), ==, H (8));
  g_assert_cmpint (baton_capacity_get_week_index (late, f->week), ==, -1);
}

/* Moving cards between stages that are not done changes no load: no
 * computation, and the matrix stays current — for the move, its undo
 * and its redo. Into a done stage, or any other field, it computes. */
static void
test_moves_keep_loads (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonTask *script = add_task (f, "Script", f->writer, f->ana, 10, "2026-03-02", "2026-03-06");
  BatonStage *review = baton_store_create_stage (f->store, "Review", 0, &error);
  BatonStage *done = baton_store_create_stage (f->store, "Done", 0, &error);
  BatonHistory *history = baton_store_get_history (f->store);

  g_assert_no_error (error);
  g_assert_true (baton_store_update (f->store, done, &error, "is-done", TRUE, NULL));
  g_assert_no_error (error);
  baton_workload_watch_weeks (f->workload, f->week, 2);
  baton_workload_update (f->workload);
  f->changed = 0;

  g_assert_true (baton_store_move_task (f->store, script, review, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (baton_workload_is_current (f->workload));
  g_assert_true (baton_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (baton_workload_is_current (f->workload));
  g_assert_true (baton_store_redo (f->store, &error));
  g_assert_no_error (error);
  g_assert_true (baton_workload_is_current (f->workload));
  drain ();
  g_assert_cmpuint (f->changed, ==, 0);
  g_assert_cmpfloat (load_of (f, f->ana, f->week), ==, H (10));

  /* Done: the load goes. */
  g_assert_true (baton_store_move_task (f->store, script, done, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (baton_workload_is_current (f->workload));
  drain ();
  g_assert_cmpuint (f->changed, ==, 1);
  g_assert_cmpfloat (load_of (f, f->ana, f->week), ==, 0);

  /* Undone: it comes back. */
  g_assert_true (baton_history_get_can_undo (history));
  g_assert_true (baton_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_false (baton_workload_is_current (f->workload));
  drain ();
  g_assert_cmpfloat (load_of (f, f->ana, f->week), ==, H (10));

  /* A move while stale keeps it stale. */
  g_assert_true (baton_store_update (f->store, script, &error, "estimate-minutes", (gint64) 300, NULL));
  g_assert_true (baton_store_move_task (f->store, script, f->stage, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (baton_workload_is_current (f->workload));
  drain ();
  g_assert_cmpfloat (load_of (f, f->ana, f->week), ==, H (5));
}

/* Who has room, from the workload's own store and settings. */
static void
test_who_has_room (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GArray) candidates = NULL;
  BatonTask *draft;

  add_task (f, "Script", f->writer, f->ana, 30, "2026-03-02", "2026-03-06");
  draft = add_task (f, "Draft", f->writer, NULL, 4, "2026-03-02", "2026-03-06");

  candidates = baton_workload_who_has_room (f->workload, draft, f->week);
  g_assert_cmpuint (candidates->len, ==, 2);     /* the writers, not Cleo */
  g_assert_true (g_array_index (candidates, BatonRoomCandidate, 0).person == f->ben);
  g_assert_cmpfloat (g_array_index (candidates, BatonRoomCandidate, 0).free_minutes, ==, H (20));
  g_assert_true (g_array_index (candidates, BatonRoomCandidate, 1).person == f->ana);
  g_assert_cmpfloat (g_array_index (candidates, BatonRoomCandidate, 1).free_minutes, ==, H (10));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/workload/watch-computes", test_watch_computes);
  ADD ("/workload/changes-coalesce", test_changes_coalesce);
  ADD ("/workload/ranges-union", test_ranges_union);
  ADD ("/workload/settings", test_settings);
  ADD ("/workload/preview/reassign", test_preview_reassign);
  ADD ("/workload/preview/reschedule", test_preview_reschedule);
  ADD ("/workload/dispose-pending", test_dispose_pending);
  ADD ("/workload/get-weeks", test_get_weeks);
  ADD ("/workload/moves-keep-loads", test_moves_keep_loads);
  ADD ("/workload/who-has-room", test_who_has_room);
#undef ADD

  return g_test_run ();
}
