/* test-exchange-job.c — imports and exports on a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "baton-demo.h"
#include "baton-exchange-job.h"
#include "baton-json.h"
#include "baton-test-util.h"
#include "baton-ui-test-util.h"

typedef struct
{
  BatonTestWorkspace *ws;
  BatonStore         *store;   /* on a file, so that a worker can open it too */
  BatonTestState     *before;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonDemoSize size;

  f->ws = baton_test_workspace_new ();
  f->store = baton_store_open (f->ws->path, &error);
  g_assert_no_error (error);
  baton_demo_size_init_default (&size);
  g_assert_true (baton_demo_generate (f->store, &size, &error));
  g_assert_no_error (error);
  baton_history_clear (baton_store_get_history (f->store));
  f->before = baton_test_state_capture (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->before, baton_test_state_free);
  g_clear_object (&f->store);
  g_clear_pointer (&f->ws, baton_test_workspace_free);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
  guint     ticks;   /* main-loop dispatches while the job ran */
} Outcome;

static void
on_job_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = baton_exchange_job_run_finish (BATON_EXCHANGE_JOB (object), result, &outcome->error);
  outcome->done = TRUE;
}

static gboolean
tick (gpointer user_data)
{
  Outcome *outcome = user_data;

  outcome->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
run_job (BatonExchangeJob *job,
         GCancellable     *cancellable,
         Outcome          *outcome)
{
  guint source = g_timeout_add (5, tick, outcome);

  baton_exchange_job_run_async (job, cancellable, on_job_done, outcome);
  g_assert_true (baton_test_wait_until (baton_test_flag_is_set, &outcome->done, 60000));
  g_source_remove (source);
}

/* A CSV of @n_rows tasks with the export's header. */
static char *
write_csv (Fixture *f,
           guint    n_rows)
{
  g_autofree char *path = baton_test_workspace_file (f->ws, "tasks.csv");
  g_autoptr(GString) text = g_string_new ("title,stage,assignee,estimate_hours\n");

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "Imported task %u,Backlog,Worker %u,%u.5\n", i, i % 7, i % 9);

  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  return g_steal_pointer (&path);
}

static guint
count_tasks (BatonStore *store)
{
  return g_list_model_get_n_items (baton_store_get_tasks (store));
}

/* The import runs on a worker: the window's main loop goes on meanwhile,
 * the tasks arrive, and one undo takes them all back — in the file too. */
static void
test_import_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *csv = write_csv (f, 3000);
  g_autoptr(BatonExchangeJob) job = baton_exchange_job_new_import_csv (f->store, csv, NULL);
  g_autoptr(GError) error = NULL;
  guint n_before = count_tasks (f->store);
  Outcome outcome = { 0 };

  run_job (job, NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  g_debug ("%u main-loop dispatches while importing", outcome.ticks);
  g_assert_cmpuint (outcome.ticks, >=, 3);
  g_assert_cmpuint (count_tasks (f->store), ==, n_before + 3000);
  g_assert_true (baton_exchange_job_get_undoable (job));
  g_assert_cmpstr (baton_exchange_job_get_summary (job), ==, "Imported 3000 tasks from tasks.csv");
  baton_test_assert_store_matches_db (f->store);

  g_assert_true (baton_store_undo (f->store, &error));
  g_assert_no_error (error);
  baton_test_assert_data_equals (f->before, f->store);
}

static void
on_fraction_cancel (BatonExchangeJob *job,
                    GParamSpec       *pspec,
                    GCancellable     *cancellable)
{
  if (baton_exchange_job_get_fraction (job) >= 0)
    g_cancellable_cancel (cancellable);
}

/* Cancelled while it writes: nothing is written, nothing changes. */
static void
test_import_cancel (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *csv = write_csv (f, 20000);
  g_autoptr(BatonExchangeJob) job = baton_exchange_job_new_import_csv (f->store, csv, NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcome outcome = { 0 };

  g_signal_connect (job, "notify::fraction", G_CALLBACK (on_fraction_cancel), cancellable);
  run_job (job, cancellable, &outcome);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&outcome.error);
  baton_test_assert_state_equals (f->before, f->store);

  /* And in the file, read afresh. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BatonStore) again = baton_store_open (f->ws->path, &error);

    g_assert_no_error (error);
    baton_test_assert_data_equals (f->before, again);
  }
}

/* A file that is no CSV: the model's message, nothing written. */
static void
test_import_bad (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = baton_test_workspace_file (f->ws, "bad.csv");
  g_autoptr(BatonExchangeJob) job = NULL;
  Outcome outcome = { 0 };

  g_assert_true (g_file_set_contents (path, "title,when\n\"unclosed,2026-01-01\n", -1, NULL));
  job = baton_exchange_job_new_import_csv (f->store, path, NULL);
  run_job (job, NULL, &outcome);
  g_assert_false (outcome.ok);
  g_assert_nonnull (outcome.error);
  g_assert_cmpstr (outcome.error->message, !=, "");
  g_clear_error (&outcome.error);
  baton_test_assert_state_equals (f->before, f->store);
}

/* An export goes through a file beside the target: a cancelled one leaves
 * the target as it was. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = baton_test_workspace_file (f->ws, "out.json");
  BatonExportRequest request = { .kind = BATON_EXPORT_JSON };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  Outcome outcome = { 0 };

  g_assert_true (g_file_set_contents (path, "before", -1, NULL));

  {
    g_autoptr(BatonExchangeJob) job = baton_exchange_job_new_export (f->store, &request, path);

    g_cancellable_cancel (cancellable);
    run_job (job, cancellable, &outcome);
    g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&outcome.error);
    g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
    g_assert_cmpstr (written, ==, "before");
    g_clear_pointer (&written, g_free);
  }

  {
    g_autoptr(BatonExchangeJob) job = baton_exchange_job_new_export (f->store, &request, path);
    g_autoptr(GDir) dir = NULL;
    const char *entry;
    GStatBuf st;

    outcome = (Outcome) { 0 };
    run_job (job, NULL, &outcome);
    g_assert_no_error (outcome.error);
    g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
    {
      g_autofree char *direct = baton_test_workspace_file (f->ws, "direct.json");

      g_assert_true (baton_json_export_file (f->store, direct, NULL));
      g_assert_true (g_file_get_contents (direct, &expected, NULL, NULL));
      g_unlink (direct);
    }
    baton_test_assert_text ("the export", written, expected);
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);

    /* No partial file is left beside it. */
    dir = g_dir_open (f->ws->dir, 0, NULL);
    while ((entry = g_dir_read_name (dir)))
      g_assert_null (strstr (entry, ".partial-"));
  }
}

/* Read, choose, import: a new client in the same undo step. */
static void
test_trello (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *board = g_test_build_filename (G_TEST_DIST, "trello", "board.json", NULL);
  g_autoptr(BatonExchangeJob) read = baton_exchange_job_new_read_trello (f->store, board);
  g_autoptr(BatonExchangeJob) import_job = NULL;
  g_autoptr(BatonTrelloImport) choices = NULL;
  g_autoptr(GError) error = NULL;
  guint n_clients = g_list_model_get_n_items (baton_store_get_clients (f->store));
  guint n_tasks = count_tasks (f->store);
  guint n_cards;
  Outcome outcome = { 0 };

  run_job (read, NULL, &outcome);
  g_assert_no_error (outcome.error);
  choices = baton_exchange_job_take_trello_import (read);
  g_assert_nonnull (choices);
  /* Reading wrote nothing. */
  baton_test_assert_state_equals (f->before, f->store);

  g_assert_true (baton_trello_import_set_member (choices, "member-ben", BATON_TRELLO_MEMBER_UNASSIGNED, 0, &error));
  g_assert_no_error (error);
  n_cards = baton_trello_import_get_preview (choices)->n_cards;

  import_job = baton_exchange_job_new_import_trello (f->store, board, choices, "Acme Learning");
  outcome = (Outcome) { 0 };
  run_job (import_job, NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_clients (f->store)), ==, n_clients + 1);
  g_assert_cmpuint (count_tasks (f->store), ==, n_tasks + n_cards);
  baton_test_assert_store_matches_db (f->store);

  /* Nobody is called Ben in the workspace: unassigned, not created. */
  for (guint i = 0; i < g_list_model_get_n_items (baton_store_get_people (f->store)); i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (baton_store_get_people (f->store), i);

      g_assert_cmpstr (baton_person_get_name (person), !=, "Ben Okafor");
    }

  g_assert_true (baton_store_undo (f->store, &error));
  g_assert_no_error (error);
  baton_test_assert_data_equals (f->before, f->store);
}

/* Import Workspace: a new file, on a worker; the window's store untouched. */
static void
test_import_workspace (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *json = baton_test_workspace_file (f->ws, "all.json");
  g_autofree char *target = baton_test_workspace_file (f->ws, "copy.db");
  g_autoptr(BatonExchangeJob) job = NULL;
  g_autoptr(GError) error = NULL;
  Outcome outcome = { 0 };

  g_assert_true (baton_json_export_file (f->store, json, &error));
  job = baton_exchange_job_new_import_workspace (json, target);
  run_job (job, NULL, &outcome);
  g_assert_no_error (outcome.error);

  {
    g_autoptr(BatonStore) copy = baton_store_open (target, &error);
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    g_assert_no_error (error);
    a = baton_json_export_string (f->store, NULL);
    b = baton_json_export_string (copy, NULL);
    baton_test_assert_text ("the new workspace", b, a);
  }
}

/* With a window: a long job shows its progress, and Cancel stops it
 * without writing anything. */
static gboolean
dialog_is_shown (gpointer data)
{
  GtkWindow *parent = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }

  return FALSE;
}

static AdwMessageDialog *
find_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
test_progress_dialog (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *csv = NULL;
  g_autoptr(BatonExchangeJob) job = NULL;
  GtkWindow *parent;
  AdwMessageDialog *dialog;
  Outcome outcome = { 0 };

  if (!gtk_init_check ())
    {
      g_test_skip ("no display");
      return;
    }

  csv = write_csv (f, 60000);
  job = baton_exchange_job_new_import_csv (f->store, csv, NULL);
  parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (parent);

  baton_exchange_job_run_with_progress (job, parent, "Importing “tasks.csv”", on_job_done, &outcome);
  g_assert_true (baton_test_wait_until (dialog_is_shown, parent, 20000));
  dialog = find_dialog (parent);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Importing “tasks.csv”");
  g_assert_true (GTK_IS_PROGRESS_BAR (adw_message_dialog_get_extra_child (dialog)));

  adw_message_dialog_response (dialog, "cancel");
  g_assert_true (baton_test_wait_until (baton_test_flag_is_set, &outcome.done, 60000));
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&outcome.error);
  g_assert_null (find_dialog (parent));
  baton_test_assert_state_equals (f->before, f->store);

  gtk_window_destroy (parent);
}

/* People: the reading job plans and writes nothing; the importing job
 * plans again and writes on the worker, one undo step; a bad file is
 * refused with the model's message. */
static void
test_people_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = baton_test_workspace_file (f->ws, "team.csv");
  g_autofree char *bad = baton_test_workspace_file (f->ws, "bad.csv");
  g_autoptr(BatonExchangeJob) read = NULL;
  g_autoptr(BatonExchangeJob) job = NULL;
  g_autoptr(BatonExchangeJob) refused = NULL;
  g_autoptr(BatonCsvPeopleImport) plan = NULL;
  g_autoptr(GError) error = NULL;
  BatonCsvPeopleMapping mapping;
  const char *header[] = { "Name", "Rolle", "Wochenstunden" };
  guint n_people = g_list_model_get_n_items (baton_store_get_people (f->store));
  Outcome outcome = { 0 };

  g_assert_true (g_file_set_contents (path, "Name;Rolle;Wochenstunden\nNew One;Coach;20\nNew Two;;30.5\n", -1, NULL));
  baton_csv_people_mapping_guess (&mapping, header, G_N_ELEMENTS (header));

  read = baton_exchange_job_new_read_people_csv (f->store, path, &mapping);
  run_job (read, NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  plan = baton_exchange_job_take_people_csv_import (read);
  g_assert_nonnull (plan);
  g_assert_cmpuint (baton_csv_people_import_get_preview (plan)->n_new_people, ==, 2);
  g_assert_cmpuint (baton_csv_people_import_get_preview (plan)->n_new_roles, ==, 1);
  baton_test_assert_state_equals (f->before, f->store);

  outcome = (Outcome) { 0 };
  job = baton_exchange_job_new_import_people_csv (f->store, path, &mapping);
  run_job (job, NULL, &outcome);
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  g_assert_cmpstr (baton_exchange_job_get_summary (job), ==, "Imported 2 people from team.csv");
  g_assert_true (baton_exchange_job_get_undoable (job));
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_people (f->store)), ==, n_people + 2);
  baton_test_assert_store_matches_db (f->store);
  g_assert_true (baton_store_undo (f->store, &error));
  g_assert_no_error (error);
  baton_test_assert_data_equals (f->before, f->store);

  outcome = (Outcome) { 0 };
  g_assert_true (g_file_set_contents (bad, "name,weekly_capacity_hours\nNew One,20\nNew Two,lots\n", -1, NULL));
  refused = baton_exchange_job_new_import_people_csv (f->store, bad, NULL);
  run_job (refused, NULL, &outcome);
  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, BATON_CSV_ERROR, BATON_CSV_ERROR_VALUE);
  g_assert_true (g_str_has_prefix (outcome.error->message, "Line 3: "));
  g_clear_error (&outcome.error);
  baton_test_assert_data_equals (f->before, f->store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The jobs need no display; only the progress dialog does. */
  if (gtk_init_check ())
    adw_init ();

  g_test_add ("/exchange-job/import-csv", Fixture, NULL, fixture_set_up, test_import_csv, fixture_tear_down);
  g_test_add ("/exchange-job/import-cancel", Fixture, NULL, fixture_set_up, test_import_cancel, fixture_tear_down);
  g_test_add ("/exchange-job/import-bad", Fixture, NULL, fixture_set_up, test_import_bad, fixture_tear_down);
  g_test_add ("/exchange-job/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/exchange-job/trello", Fixture, NULL, fixture_set_up, test_trello, fixture_tear_down);
  g_test_add ("/exchange-job/import-workspace", Fixture, NULL, fixture_set_up, test_import_workspace, fixture_tear_down);
  g_test_add ("/exchange-job/people-csv", Fixture, NULL, fixture_set_up, test_people_csv, fixture_tear_down);
  g_test_add ("/exchange-job/progress-dialog", Fixture, NULL, fixture_set_up, test_progress_dialog, fixture_tear_down);

  return g_test_run ();
}
