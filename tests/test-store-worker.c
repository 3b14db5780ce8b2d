/* test-store-worker.c — writing on a worker thread and adopting the change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "baton-store.h"
#include "baton-test-util.h"

typedef struct
{
  char         *path;
  guint         n_tasks;
  guint         cancel_after;   /* rows; 0: never */
  GCancellable *cancellable;
  guint         last_progress;
  BatonChange  *change;         /* out */
  GError       *error;          /* out */
} Work;

static void
on_progress (guint    n_rows,
             gpointer user_data)
{
  Work *work = user_data;

  g_assert_cmpuint (n_rows, >, work->last_progress);
  work->last_progress = n_rows;
  if (work->cancel_after > 0 && n_rows >= work->cancel_after)
    g_cancellable_cancel (work->cancellable);
}

static gboolean
add_tasks (BatonStore  *store,
           gpointer     user_data,
           GError     **error)
{
  Work *work = user_data;
  BatonStage *stage = g_list_model_get_item (baton_store_get_stages (store), 0);
  BatonClient *client;
  BatonProgram *program;

  g_object_unref (stage);   /* the store keeps it */
  if (!(client = baton_store_create_client (store, "Acme", NULL, error)) ||
      !(program = baton_store_create_program (store, client, "Onboarding", error)))
    return FALSE;

  for (guint i = 0; i < work->n_tasks; i++)
    {
      g_autofree char *title = g_strdup_printf ("Task %u", i);

      if (!baton_store_create_task (store, stage, program, title, error))
        return FALSE;
    }

  return TRUE;
}

static gpointer
work_thread (gpointer data)
{
  Work *work = data;
  g_autoptr(BatonStore) store = baton_store_open_for_worker (work->path, &work->error);

  if (store == NULL)
    return NULL;

  baton_store_set_interrupt (store, work->cancellable, on_progress, work);
  if (baton_store_run_batch (store, "Add Tasks", TRUE, add_tasks, work, &work->error))
    work->change = baton_store_take_last_change (store);

  /* Nothing is left in the worker's history to undo. */
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (store)));

  return NULL;
}

static void
run_work (Work *work)
{
  GThread *thread = g_thread_new ("worker", work_thread, work);

  g_thread_join (thread);
}

static BatonStore *
open_main (BatonTestWorkspace *ws)
{
  g_autoptr(GError) error = NULL;
  BatonStore *store = baton_store_open (ws->path, &error);

  g_assert_no_error (error);
  return store;
}

/* The worker writes, the window's store adopts: the objects match the
 * file, and one undo takes the whole batch back, in the file too. */
static void
test_adopt (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(BatonStore) store = open_main (ws);
  g_autoptr(BatonTestState) before = baton_test_state_capture (store);
  g_autoptr(GError) error = NULL;
  Work work = { .path = ws->path, .n_tasks = 50 };
  gboolean as_undo = FALSE;
  run_work (&work);
  g_assert_no_error (work.error);
  g_assert_nonnull (work.change);
  g_assert_cmpuint (work.last_progress, ==, 52);

  /* Not adopted yet: the objects do not know of the rows. */
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_tasks (store)), ==, 0);

  g_assert_true (baton_store_adopt_change (store, work.change, &as_undo, &error));
  g_assert_no_error (error);
  g_assert_true (as_undo);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_tasks (store)), ==, 50);
  baton_test_assert_store_matches_db (store);
  g_assert_cmpstr (baton_history_get_undo_label (baton_store_get_history (store)), ==, "Add Tasks");

  /* The window's own next row gets the next id. */
  {
    BatonClient *client = baton_store_create_client (store, "Beta", NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (baton_record_get_id (BATON_RECORD (client)), ==, 2);
    g_assert_true (baton_store_undo (store, &error));
  }

  g_assert_true (baton_store_undo (store, &error));
  g_assert_no_error (error);
  baton_test_assert_data_equals (before, store);
  baton_test_assert_store_matches_db (store);

  g_assert_true (baton_store_redo (store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_tasks (store)), ==, 50);
  baton_test_assert_store_matches_db (store);
}

/* A cancel in the middle rolls the worker's transaction back whole. */
static void
test_cancel (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(BatonStore) store = open_main (ws);
  g_autoptr(BatonTestState) before = baton_test_state_capture (store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Work work = { .path = ws->path, .n_tasks = 200, .cancel_after = 40, .cancellable = cancellable };

  run_work (&work);
  g_assert_error (work.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (work.change);
  g_assert_cmpuint (work.last_progress, ==, 40);
  g_clear_error (&work.error);

  baton_test_assert_state_equals (before, store);
  baton_test_assert_store_matches_db (store);

  /* A store opened afresh finds nothing of it either. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BatonStore) again = baton_store_open (ws->path, &error);

    g_assert_no_error (error);
    baton_test_assert_data_equals (before, again);
  }
}

/* The window changed a row the worker changed too: the store reads the
 * file again rather than show objects the file does not hold. */
static void
test_adopt_conflict (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(BatonStore) store = open_main (ws);
  g_autoptr(GError) error = NULL;
  BatonStage *stage = g_list_model_get_item (baton_store_get_stages (store), 1);
  g_autoptr(BatonChange) change = NULL;
  gboolean as_undo = TRUE;

  g_object_unref (stage);

  /* The worker renames the stage... */
  {
    g_autoptr(BatonStore) worker = baton_store_open_for_worker (ws->path, &error);
    BatonStage *theirs;

    g_assert_no_error (error);
    theirs = g_list_model_get_item (baton_store_get_stages (worker), 1);
    g_object_unref (theirs);
    g_assert_true (baton_store_update (worker, theirs, &error, "name", "Theirs", NULL));
    change = baton_store_take_last_change (worker);
    g_assert_nonnull (change);
  }

  /* ...after the window renamed it its way (and wrote later, here). */
  g_assert_true (baton_store_update (store, stage, &error, "name", "Ours", NULL));
  g_assert_true (baton_store_adopt_change (store, g_steal_pointer (&change), &as_undo, &error));
  g_assert_no_error (error);
  g_assert_false (as_undo);
  baton_test_assert_store_matches_db (store);
  /* Read again, the objects are new ones. */
  stage = g_list_model_get_item (baton_store_get_stages (store), 1);
  g_object_unref (stage);
  g_assert_cmpstr (baton_stage_get_name (stage), ==, "Ours");
}

static void
test_open_for_worker_refuses (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  BatonStore *store;

  store = baton_store_open_for_worker (ws->path, &error);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_OPEN);
  /* It did not create the file. */
  g_assert_false (g_file_test (ws->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  store = baton_store_open_for_worker (":memory:", &error);
  g_assert_null (store);
  baton_test_assert_store_error (error, BATON_STORE_ERROR_OPEN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-worker/adopt", test_adopt);
  g_test_add_func ("/store-worker/cancel", test_cancel);
  g_test_add_func ("/store-worker/adopt-conflict", test_adopt_conflict);
  g_test_add_func ("/store-worker/open-refuses", test_open_for_worker_refuses);

  return g_test_run ();
}
