/* test-activity.c — the activity log the store writes with each change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "baton-csv.h"
#include "baton-dates.h"
#include "baton-store.h"
#include "baton-test-pg.h"
#include "baton-test-util.h"

typedef struct
{
  BatonTestWorkspace *ws;
  BatonStore         *store;
  BatonStage         *backlog;
  BatonStage         *analysis;
  BatonStage         *delivered;
  BatonPerson        *ana;
  BatonPerson        *ben;
  BatonTask          *task;
  BatonTask          *other;
} Fixture;

static BatonStage *
stage_at (BatonStore *store,
          guint       position)
{
  g_autoptr(BatonStage) stage = g_list_model_get_item (baton_store_get_stages (store), position);

  return stage;
}

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fx->ws = baton_test_workspace_new ();
  /* SQLite, or the same cases on PostgreSQL (test-activity-pg). */
  fx->store = baton_test_engine_open (fx->ws->path, &error);
  g_assert_no_error (error);

  fx->backlog = stage_at (fx->store, 0);
  fx->analysis = stage_at (fx->store, 1);
  fx->delivered = stage_at (fx->store, 5);
  g_assert_true (baton_stage_get_is_done (fx->delivered));

  fx->ana = baton_store_create_person (fx->store, "Ana", NULL, 40 * 60, NULL, &error);
  g_assert_no_error (error);
  fx->ben = baton_store_create_person (fx->store, "Ben", NULL, 20 * 60, NULL, &error);
  g_assert_no_error (error);
  fx->task = baton_store_create_task (fx->store, fx->backlog, NULL, "Storyboard", &error);
  g_assert_no_error (error);
  fx->other = baton_store_create_task (fx->store, fx->backlog, NULL, "Script", &error);
  g_assert_no_error (error);

  /* Creating a task logs nothing: its created-at tells. */
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (fx->store)), ==, 0);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->store);
  baton_test_workspace_free (fx->ws);
}

static char *
id_text (gpointer record)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, baton_test_id (record));
}

/* The activity of @task, one line a row: "kind old new", "-" for none. */
static char *
describe (BatonStore *store,
          BatonTask  *task)
{
  g_autoptr(GPtrArray) rows = baton_store_get_task_activity (store, task);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      BatonActivity *row = g_ptr_array_index (rows, i);
      const char *old_value = baton_activity_get_old_value (row);
      const char *new_value = baton_activity_get_new_value (row);

      g_assert_cmpint (baton_activity_get_task_id (row), ==, baton_test_id (task));
      /* A file has one author; a team workspace logs the login role. */
      g_assert_cmpstr (baton_activity_get_author (row), ==, baton_store_get_author (store));
      if (baton_test_engine_is_postgres ())
        g_assert_cmpstr (baton_activity_get_author (row), ==, "tester");
      g_string_append_printf (out, "%s %s %s\n", baton_activity_get_kind (row),
                              old_value != NULL ? old_value : "-",
                              new_value != NULL ? new_value : "-");
    }

  return g_string_free (out, FALSE);
}

#define ASSERT_ACTIVITY(fx, task, expected) G_STMT_START {        \
    g_autofree char *described_ = describe ((fx)->store, (task)); \
    g_assert_cmpstr (described_, ==, (expected));                 \
  } G_STMT_END

/* The newest row of the whole log. */
static BatonActivity *
last_row (BatonStore *store)
{
  GListModel *log = baton_store_get_activity (store);
  guint n = g_list_model_get_n_items (log);
  g_autoptr(BatonActivity) row = NULL;

  g_assert_cmpuint (n, >, 0);
  row = g_list_model_get_item (log, n - 1);
  return row;
}

static void
test_move (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *backlog = id_text (fx->backlog);
  g_autofree char *analysis = id_text (fx->analysis);
  BatonActivity *row;

  g_assert_true (baton_store_move_task (fx->store, fx->task, fx->analysis, NULL, &error));
  g_assert_no_error (error);

  expected = g_strdup_printf ("stage %s %s\n", backlog, analysis);
  ASSERT_ACTIVITY (fx, fx->task, expected);
  ASSERT_ACTIVITY (fx, fx->other, "");
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (fx->store)), ==, 1);

  /* At the change's time: the task's updated-at, on the store's clock. */
  row = last_row (fx->store);
  g_assert_true (baton_timestamp_validate (baton_activity_get_at (row)));
  g_assert_cmpstr (baton_activity_get_at (row), ==, baton_task_get_updated_at (fx->task));
  baton_test_assert_store_matches_db (fx->store);

  /* Reordering within a stage is no stage change. */
  g_assert_true (baton_store_move_task (fx->store, fx->other, fx->backlog, NULL, &error));
  g_assert_true (baton_store_move_task (fx->store, fx->task, fx->analysis, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (fx->store)), ==, 1);
}

static void
test_reassign (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ana = id_text (fx->ana);
  g_autofree char *ben = id_text (fx->ben);
  g_autofree char *expected = NULL;

  g_assert_true (baton_store_reassign_task (fx->store, fx->task, fx->ana, &error));
  g_assert_true (baton_store_reassign_task (fx->store, fx->task, fx->ben, &error));
  g_assert_true (baton_store_reassign_task (fx->store, fx->task, NULL, &error));
  g_assert_no_error (error);

  expected = g_strdup_printf ("assignee - %s\n" "assignee %s %s\n" "assignee %s -\n", ana, ana, ben, ben);
  ASSERT_ACTIVITY (fx, fx->task, expected);
  baton_test_assert_store_matches_db (fx->store);
}

static void
test_reschedule (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (baton_store_schedule_task (fx->store, fx->task, "2026-03-02", "2026-03-06", &error));
  g_assert_no_error (error);
  ASSERT_ACTIVITY (fx, fx->task,
                   "start_date - 2026-03-02\n"
                   "due_date - 2026-03-06\n");

  g_assert_true (baton_store_reschedule_task (fx->store, fx->task, 1, &error));
  g_assert_no_error (error);
  ASSERT_ACTIVITY (fx, fx->task,
                   "start_date - 2026-03-02\n"
                   "due_date - 2026-03-06\n"
                   "start_date 2026-03-02 2026-03-09\n"
                   "due_date 2026-03-06 2026-03-13\n");

  /* Only the due date. */
  g_assert_true (baton_store_schedule_task (fx->store, fx->task, "2026-03-09", "2026-03-20", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (baton_activity_get_kind (last_row (fx->store)), ==, BATON_ACTIVITY_DUE_DATE);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (fx->store)), ==, 5);

  /* Reassign and reschedule at once: one change, three rows. */
  g_assert_true (baton_store_reassign_and_reschedule_task (fx->store, fx->task, fx->ana, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (fx->store)), ==, 8);
  g_assert_true (baton_store_undo (fx->store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (fx->store)), ==, 5);
  baton_test_assert_store_matches_db (fx->store);
}

static void
test_complete_and_reopen (Fixture       *fx,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backlog = id_text (fx->backlog);
  g_autofree char *delivered = id_text (fx->delivered);
  g_autofree char *completed_at = NULL;
  g_autofree char *expected = NULL;

  g_assert_true (baton_store_move_task (fx->store, fx->task, fx->delivered, NULL, &error));
  g_assert_no_error (error);
  completed_at = g_strdup (baton_task_get_completed_at (fx->task));
  g_assert_nonnull (completed_at);
  expected = g_strdup_printf ("stage %s %s\n" "completed - %s\n", backlog, delivered, completed_at);
  ASSERT_ACTIVITY (fx, fx->task, expected);
  g_assert_cmpstr (baton_activity_get_kind (last_row (fx->store)), ==, BATON_ACTIVITY_COMPLETED);

  g_assert_true (baton_store_move_task (fx->store, fx->task, fx->backlog, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (baton_task_get_completed_at (fx->task));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("stage %s %s\n" "completed - %s\n" "stage %s %s\n" "reopened %s -\n",
                              backlog, delivered, completed_at, delivered, backlog, completed_at);
  ASSERT_ACTIVITY (fx, fx->task, expected);
  baton_test_assert_store_matches_db (fx->store);
}

static void
test_other_fields_log_nothing (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (baton_store_update (fx->store, fx->task, &error, "title", "Storyboard v2", NULL));
  g_assert_true (baton_store_update (fx->store, fx->task, &error,
                                     "description", "Frames", "estimate-minutes", (gint64) 120, NULL));
  g_assert_true (baton_store_archive_task (fx->store, fx->task, TRUE, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (fx->store)), ==, 0);
  ASSERT_ACTIVITY (fx, fx->task, "");
}

static void
test_undo_redo (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonTestState) before = baton_test_state_capture (fx->store);
  g_autoptr(BatonTestState) after = NULL;
  g_autofree char *logged = NULL;

  g_assert_true (baton_store_move_task (fx->store, fx->task, fx->delivered, NULL, &error));
  g_assert_no_error (error);
  logged = describe (fx->store, fx->task);
  after = baton_test_state_capture (fx->store);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (fx->store)), ==, 2);

  /* Undo takes back what its change logged, in the file and the objects. */
  g_assert_true (baton_store_undo (fx->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (fx->store)), ==, 0);
  ASSERT_ACTIVITY (fx, fx->task, "");
  baton_test_assert_store_matches_db (fx->store);
  baton_test_assert_data_equals (before, fx->store);

  /* Redo writes it back, the same rows. */
  g_assert_true (baton_store_redo (fx->store, &error));
  g_assert_no_error (error);
  ASSERT_ACTIVITY (fx, fx->task, logged);
  baton_test_assert_store_matches_db (fx->store);
  baton_test_assert_data_equals (after, fx->store);
}

static void
test_delete_task (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonTestState) before = NULL;
  g_autofree char *logged = NULL;
  g_autofree char *other_logged = NULL;
  gint64 id;

  g_assert_true (baton_store_move_task (fx->store, fx->task, fx->analysis, NULL, &error));
  g_assert_true (baton_store_reassign_task (fx->store, fx->task, fx->ana, &error));
  g_assert_true (baton_store_reassign_task (fx->store, fx->other, fx->ben, &error));
  g_assert_no_error (error);
  logged = describe (fx->store, fx->task);
  other_logged = describe (fx->store, fx->other);
  before = baton_test_state_capture (fx->store);
  id = baton_test_id (fx->task);

  /* The task's activity goes with it; the other task's stays. */
  g_assert_true (baton_store_delete (fx->store, fx->task, &error));
  g_assert_no_error (error);
  g_assert_null (baton_store_lookup_task (fx->store, id));
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (fx->store)), ==, 1);
  ASSERT_ACTIVITY (fx, fx->other, other_logged);
  baton_test_assert_store_matches_db (fx->store);

  /* Undo brings the task back with its activity. */
  g_assert_true (baton_store_undo (fx->store, &error));
  g_assert_no_error (error);
  baton_test_assert_data_equals (before, fx->store);
  baton_test_assert_store_matches_db (fx->store);
  fx->task = baton_store_lookup_task (fx->store, id);
  ASSERT_ACTIVITY (fx, fx->task, logged);
}

static gboolean
move_both (BatonStore  *store,
           gpointer     user_data,
           GError     **error)
{
  Fixture *fx = user_data;

  return baton_store_move_task (store, fx->task, fx->analysis, NULL, error) &&
         baton_store_move_task (store, fx->other, fx->delivered, NULL, error) &&
         baton_store_move_task (store, fx->task, fx->delivered, NULL, error);
}

static void
test_batch (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonTestState) before = baton_test_state_capture (fx->store);
  g_autofree char *analysis = id_text (fx->analysis);
  g_autofree char *delivered = id_text (fx->delivered);
  g_autofree char *backlog = id_text (fx->backlog);
  g_autofree char *expected = NULL;

  g_assert_true (baton_store_run_batch (fx->store, "Move two", TRUE, move_both, fx, &error));
  g_assert_no_error (error);

  /* Each move logs, and all of it is one undo step. */
  expected = g_strdup_printf ("stage %s %s\n" "stage %s %s\n" "completed - %s\n",
                              backlog, analysis, analysis, delivered,
                              baton_task_get_completed_at (fx->task));
  ASSERT_ACTIVITY (fx, fx->task, expected);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (fx->store)), ==, 5);
  baton_test_assert_store_matches_db (fx->store);

  g_assert_true (baton_store_undo (fx->store, &error));
  g_assert_no_error (error);
  baton_test_assert_data_equals (before, fx->store);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (fx->store)), ==, 0);
}

static gboolean
move_then_fail (BatonStore  *store,
                gpointer     user_data,
                GError     **error)
{
  Fixture *fx = user_data;

  if (!baton_store_move_task (store, fx->task, fx->delivered, NULL, error))
    return FALSE;

  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (store)), ==, 2);
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "stop");
  return FALSE;
}

static void
test_failing_change (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(BatonTestState) before = baton_test_state_capture (fx->store);
  g_autoptr(GError) error = NULL;
  sqlite3 *lock;

  /* A batch that fails after a move takes its log back too. */
  g_assert_false (baton_store_run_batch (fx->store, "Fail", TRUE, move_then_fail, fx, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  baton_test_assert_state_equals (before, fx->store);
  baton_test_assert_store_matches_db (fx->store);

  /* A change the file refuses (another program holds the lock) logs
   * nothing, in the file or the objects. (A lock is the file's.) */
  if (baton_test_engine_is_postgres ())
    return;
  lock = baton_test_hold_write_lock (fx->ws->path);
  g_assert_false (baton_store_reassign_task (fx->store, fx->task, fx->ana, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  baton_test_release_lock (lock);
  baton_test_assert_state_equals (before, fx->store);
  baton_test_assert_store_matches_db (fx->store);

  /* A change refused before it is written logs nothing either. */
  g_assert_false (baton_store_schedule_task (fx->store, fx->task, "2026-03-09", "2026-03-02", &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  baton_test_assert_state_equals (before, fx->store);

  /* And the store still logs afterwards. */
  g_assert_true (baton_store_reassign_task (fx->store, fx->task, fx->ana, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (fx->store)), ==, 1);
  baton_test_assert_store_matches_db (fx->store);
}

/* Only the store writes the log. */
static void
test_read_only (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonTestState) before = NULL;
  BatonActivity *row;

  g_assert_true (baton_store_reassign_task (fx->store, fx->task, fx->ana, &error));
  g_assert_no_error (error);
  row = last_row (fx->store);
  before = baton_test_state_capture (fx->store);

  g_assert_null (baton_store_insert (fx->store, BATON_TYPE_ACTIVITY, &error,
                                     "task-id", baton_test_id (fx->task), "kind", "stage", NULL));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (baton_store_update (fx->store, row, &error, "new-value", "1", NULL));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (baton_store_delete (fx->store, row, &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_INVALID);
  g_clear_error (&error);

  baton_test_assert_state_equals (before, fx->store);
}

/* A person who is deleted leaves their tasks unassigned: that is logged. */
static void
test_delete_assignee (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ben = id_text (fx->ben);
  g_autofree char *expected = NULL;

  g_assert_true (baton_store_reassign_task (fx->store, fx->task, fx->ben, &error));
  g_assert_true (baton_store_delete (fx->store, fx->ben, &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("assignee - %s\n" "assignee %s -\n", ben, ben);
  ASSERT_ACTIVITY (fx, fx->task, expected);
  baton_test_assert_store_matches_db (fx->store);

  g_assert_true (baton_store_undo (fx->store, &error));
  g_assert_no_error (error);
  baton_test_assert_store_matches_db (fx->store);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (fx->store)), ==, 1);
}

/* A worker's store logs inside its change; the window's store adopts the
 * rows with the rest and can undo them. */
static gpointer
worker_moves (gpointer data)
{
  Fixture *fx = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) worker = baton_store_open_for_worker (fx->ws->path, &error);
  BatonTask *task;
  BatonStage *analysis;

  g_assert_no_error (error);
  task = baton_store_lookup_task (worker, baton_test_id (fx->task));
  analysis = baton_store_lookup_stage (worker, baton_test_id (fx->analysis));
  g_assert_true (baton_store_move_task (worker, task, analysis, NULL, &error));
  g_assert_no_error (error);

  return baton_store_take_last_change (worker);
}

static void
test_adopt (Fixture       *fx,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonTestState) before = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *backlog = NULL;
  g_autofree char *analysis = NULL;
  GThread *thread;
  BatonChange *change;
  gboolean as_undo = FALSE;

  /* Workers share a workspace file. */
  if (baton_test_engine_skip_file_case ())
    return;

  before = baton_test_state_capture (fx->store);
  backlog = id_text (fx->backlog);
  analysis = id_text (fx->analysis);
  thread = g_thread_new ("worker", worker_moves, fx);
  change = g_thread_join (thread);


  g_assert_nonnull (change);
  g_assert_true (baton_store_adopt_change (fx->store, change, &as_undo, &error));
  g_assert_no_error (error);
  g_assert_true (as_undo);

  expected = g_strdup_printf ("stage %s %s\n", backlog, analysis);
  ASSERT_ACTIVITY (fx, fx->task, expected);
  baton_test_assert_store_matches_db (fx->store);

  g_assert_true (baton_store_undo (fx->store, &error));
  g_assert_no_error (error);
  baton_test_assert_data_equals (before, fx->store);
}

/* An import that updates tasks logs like any other change, and its undo
 * takes the log back. */
static void
test_csv_import (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonTestState) before = baton_test_state_capture (fx->store);
  g_autofree char *path = g_build_filename (fx->ws->dir, "tasks.csv", NULL);
  g_autofree char *text = g_strdup_printf ("id,title,due_date\n%" G_GINT64_FORMAT ",Storyboard,2026-04-10\n",
                                           baton_test_id (fx->task));

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_true (baton_csv_import_tasks_file (fx->store, path, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (baton_task_get_due_date (fx->task), ==, "2026-04-10");
  ASSERT_ACTIVITY (fx, fx->task, "due_date - 2026-04-10\n");
  baton_test_assert_store_matches_db (fx->store);

  g_assert_true (baton_store_undo (fx->store, &error));
  g_assert_no_error (error);
  baton_test_assert_data_equals (before, fx->store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/activity/move", test_move);
  ADD ("/activity/reassign", test_reassign);
  ADD ("/activity/reschedule", test_reschedule);
  ADD ("/activity/complete-and-reopen", test_complete_and_reopen);
  ADD ("/activity/other-fields-log-nothing", test_other_fields_log_nothing);
  ADD ("/activity/undo-redo", test_undo_redo);
  ADD ("/activity/delete-task", test_delete_task);
  ADD ("/activity/batch", test_batch);
  ADD ("/activity/failing-change", test_failing_change);
  ADD ("/activity/read-only", test_read_only);
  ADD ("/activity/delete-assignee", test_delete_assignee);
  ADD ("/activity/adopt", test_adopt);
  ADD ("/activity/csv-import", test_csv_import);

#undef ADD

  return g_test_run ();
}
