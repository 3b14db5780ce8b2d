/* test-notes-model.c — clients, programs and notes in the model (no display)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Clients and programs with their validation, the autosave and revision
 * policy with a fake clock, restoring revisions and undoing that,
 * templates, promoting a line to a task, Markdown export, full-text search
 * with FTS5 and with the scan that replaces it (same results for the same
 * queries, hostile ones included), a 1 MB note, and the upgrade of a
 * format-2 workspace through formats 3 and 4.
 */

#define G_LOG_DOMAIN "test-notes-model"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "baton-model-enums.h"
#include "baton-notes.h"
#include "baton-search.h"
#include "baton-note-saver.h"
#include "baton-search-index.h"
#include "baton-search-text.h"
#include "baton-store-private.h"
#include "baton-test-util.h"

/* Helpers ----------------------------------------------------------------------- */

typedef struct
{
  char       *dir;
  char       *path;
  BatonStore *store;
} Fixture;

static void
rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  _baton_notes_set_force_scan (FALSE);
  fx->dir = g_dir_make_tmp ("baton-notes-XXXXXX", &error);
  g_assert_no_error (error);
  fx->path = g_build_filename (fx->dir, "baton.db", NULL);
  fx->store = baton_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx->store);
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  _baton_notes_set_force_scan (FALSE);
  g_clear_object (&fx->store);
  rm_rf (fx->dir);
  g_free (fx->dir);
  g_free (fx->path);
}

static void
reopen (Fixture *fx)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&fx->store);
  fx->store = baton_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx->store);
}

/* The rows of every table of the workspace (not the search index, which
 * is derived from them), read through a connection of its own. */
static char *
dump_rows (const char *path)
{
  const BatonRecordSchema * const *schemas;
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;
  guint n;

  schemas = _baton_store_get_schemas (&n);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < n; i++)
    {
      char *sql = sqlite3_mprintf ("SELECT * FROM \"%w\" ORDER BY id", schemas[i]->table);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_string_append (out, schemas[i]->table);
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (out, " | %s", text != NULL ? text : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
      sqlite3_free (sql);
    }

  sqlite3_close (db);

  return g_string_free (out, FALSE);
}

static gint64
id_of (gpointer record)
{
  return baton_record_get_id (BATON_RECORD (record));
}

static BatonClient *
add_client (Fixture    *fx,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  BatonClient *client = baton_store_create_client (fx->store, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (client);
  return client;
}

static BatonNote *
add_note (Fixture     *fx,
          BatonClient *client,
          const char  *title,
          const char  *body)
{
  g_autoptr(GError) error = NULL;
  BatonNote *note = baton_store_create_note (fx->store, client, NULL, title, body, &error);

  g_assert_no_error (error);
  g_assert_nonnull (note);
  return note;
}

/* Validation ---------------------------------------------------------------------- */

static void
test_validate_email (void)
{
  static const char *good[] = {
    NULL, "", "dana@acme.test", "a.b+c@sub.example.org", "élodie@exemple.fr", "x@y.co",
  };
  static const char *bad[] = {
    "dana", "@acme.test", "dana@", "dana@acme", "dana@acme.", "dana@.acme", "da na@acme.test",
    "dana@acme..test", "a@b@c.test", "dana@acme.test, ben@acme.test", "<dana@acme.test>", " dana@acme.test",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (baton_validate_email (good[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      if (baton_validate_email (bad[i], &error))
        g_error ("“%s” was taken as an email address", bad[i]);
      g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
    }
}

static void
test_validate_phone (void)
{
  static const char *good[] = {
    NULL, "", "+1 202-555-0143", "(02) 9876 5432", "020.7946.0000", "+33 1 23 45 67 89",
    "555-0100 ext. 12", "555 0100 x12", "+1 555", " 0612345678 ",
  };
  static const char *bad[] = {
    "12", "call me", "555-0100 ext", "+1 (555) ABC", "++1 555 0100", "555;0100", "1234567890123456789012",
    "x123", "555\n0100",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!baton_validate_phone (good[i], &error))
        g_error ("“%s” was refused: %s", good[i], error->message);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      if (baton_validate_phone (bad[i], &error))
        g_error ("“%s” was taken as a phone number", bad[i]);
      g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
    }
}

/* Clients and programs --------------------------------------------------------------- */

static void
test_clients_crud (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonClient *client;

  client = add_client (fx, "Acme");
  g_assert_true (baton_store_update (fx->store, client, &error,
                                     "organization", "Acme Corporation",
                                     "contact-name", "Dana Scully",
                                     "email", "dana@acme.test",
                                     "phone", "+1 202-555-0143",
                                     NULL));
  g_assert_no_error (error);
  g_assert_cmpstr (baton_client_get_email (client), ==, "dana@acme.test");
  g_assert_cmpstr (baton_client_get_phone (client), ==, "+1 202-555-0143");

  /* Bad input: a clear error, nothing written, nothing changed in memory. */
  before = dump_rows (fx->path);
  g_assert_false (baton_store_update (fx->store, client, &error, "email", "dana at acme", NULL));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "email"));
  g_clear_error (&error);
  g_assert_false (baton_store_update (fx->store, client, &error, "phone", "call me maybe", NULL));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (baton_store_update (fx->store, client, &error, "name", "   ", NULL));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (baton_store_create_client (fx->store, "", NULL, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (baton_store_insert (fx->store, BATON_TYPE_CLIENT, &error,
                                     "name", "Bad", "email", "bad@", NULL));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  after = dump_rows (fx->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (baton_client_get_email (client), ==, "dana@acme.test");
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_clients (fx->store)), ==, 1);

  /* Clearing a field is allowed. */
  g_assert_true (baton_store_update (fx->store, client, &error, "phone", "", NULL));
  g_assert_no_error (error);
  g_assert_null (baton_client_get_phone (client));

  /* Archive, and undo it. */
  g_assert_true (baton_store_update (fx->store, client, &error, "archived", (gboolean) TRUE, NULL));
  g_assert_true (baton_client_get_archived (client));
  g_assert_true (baton_store_undo (fx->store, &error));
  g_assert_no_error (error);
  g_assert_false (baton_client_get_archived (client));

  /* What was written is what comes back. */
  reopen (fx);
  client = baton_store_lookup_client (fx->store, 1);
  g_assert_cmpstr (baton_client_get_name (client), ==, "Acme");
  g_assert_cmpstr (baton_client_get_organization (client), ==, "Acme Corporation");
  g_assert_cmpstr (baton_client_get_contact_name (client), ==, "Dana Scully");
  g_assert_null (baton_client_get_phone (client));
}

static void
test_programs_crud (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(BatonProgramProgress) progress = NULL;
  BatonClient *client = add_client (fx, "Acme");
  BatonProgram *program;
  GListModel *stages = baton_store_get_stages (fx->store);
  g_autoptr(BatonStage) backlog = g_list_model_get_item (stages, 0);
  g_autoptr(BatonStage) design = g_list_model_get_item (stages, 2);
  g_autoptr(BatonStage) delivered = g_list_model_get_item (stages, g_list_model_get_n_items (stages) - 1);
  BatonTask *task;

  program = baton_store_create_program (fx->store, client, "Onboarding", &error);
  g_assert_no_error (error);
  g_assert_true (baton_store_update (fx->store, program, &error,
                                     "description", "New hires in the warehouse",
                                     "start-date", "2026-03-01",
                                     "due-date", "2026-06-30",
                                     "color", "#3584e4",
                                     NULL));
  g_assert_no_error (error);

  before = dump_rows (fx->path);
  g_assert_false (baton_store_update (fx->store, program, &error, "due-date", "2026-02-01", NULL));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (baton_store_update (fx->store, program, &error, "start-date", "March", NULL));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (baton_store_update (fx->store, program, &error, "color", "blue", NULL));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (baton_store_update (fx->store, program, &error, "name", "", NULL));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (baton_store_create_program (fx->store, client, " ", &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  after = dump_rows (fx->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (baton_program_get_due_date (program), ==, "2026-06-30");

  /* Progress by stage: archived tasks and other programs do not count. */
  for (guint i = 0; i < 3; i++)
    g_assert_nonnull (baton_store_create_task (fx->store, backlog, program, "Storyboard", NULL));
  g_assert_nonnull (baton_store_create_task (fx->store, design, program, "Visual design", NULL));
  task = baton_store_create_task (fx->store, delivered, program, "Kick-off", NULL);
  g_assert_nonnull (task);
  task = baton_store_create_task (fx->store, backlog, program, "Dropped", NULL);
  g_assert_true (baton_store_archive_task (fx->store, task, TRUE, NULL));
  g_assert_nonnull (baton_store_create_task (fx->store, backlog, NULL, "No program", NULL));

  progress = baton_program_progress_new (fx->store, program);
  g_assert_cmpuint (progress->n_tasks, ==, 5);
  g_assert_cmpuint (progress->n_done, ==, 1);
  g_assert_cmpuint (progress->n_stages, ==, g_list_model_get_n_items (stages));
  g_assert_cmpuint (progress->per_stage[0], ==, 3);
  g_assert_cmpuint (progress->per_stage[2], ==, 1);
  g_assert_cmpuint (progress->per_stage[progress->n_stages - 1], ==, 1);

  /* Archive the program. */
  g_assert_true (baton_store_update (fx->store, program, &error, "archived", (gboolean) TRUE, NULL));
  g_assert_no_error (error);
  g_assert_true (baton_program_get_archived (program));
}

/* Autosave and revisions -------------------------------------------------------------- */

typedef struct
{
  char   *title;
  char   *body;
  gint64  now;
} Editor;

static void
editor_fetch (gpointer   data,
              char     **title,
              char     **body)
{
  Editor *editor = data;

  *title = g_strdup (editor->title);
  *body = g_strdup (editor->body);
}

static gint64
editor_clock (gpointer data)
{
  return ((Editor *) data)->now;
}

static void
editor_type (Editor         *editor,
             BatonNoteSaver *saver,
             const char     *more)
{
  char *body = g_strconcat (editor->body != NULL ? editor->body : "", more, NULL);

  g_free (editor->body);
  editor->body = body;
  baton_note_saver_changed (saver);
}

static guint
n_revisions (Fixture   *fx,
             BatonNote *note)
{
  g_autoptr(GPtrArray) revisions = baton_notes_list_revisions (fx->store, note);

  return revisions->len;
}

static BatonNoteSaver *
new_saver (Fixture   *fx,
           BatonNote *note,
           Editor    *editor)
{
  BatonNoteSaver *saver = baton_note_saver_new (fx->store, note, editor_fetch, editor, NULL);

  baton_note_saver_set_clock (saver, editor_clock, editor);
  baton_note_saver_set_delay (saver, 0);
  return saver;
}

/* The saver's state is a property of its own enum type, with names. */
static void
test_saver_state_enum (void)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (BATON_TYPE_NOTE_SAVER);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), "state");
  g_autoptr(GEnumClass) states = NULL;

  g_assert_nonnull (pspec);
  g_assert_true (G_IS_PARAM_SPEC_ENUM (pspec));
  g_assert_true (pspec->value_type == BATON_TYPE_NOTE_SAVER_STATE);
  states = g_type_class_ref (BATON_TYPE_NOTE_SAVER_STATE);
  g_assert_cmpstr (g_enum_get_value (states, BATON_NOTE_SAVER_FAILED)->value_nick, ==, "failed");
  g_assert_cmpstr (g_enum_get_value (states, BATON_NOTE_SAVER_SAVED)->value_nick, ==, "saved");
}

static void
test_saver_coalescing (Fixture       *fx,
                       gconstpointer  data)
{
  BatonClient *client = add_client (fx, "Acme");
  BatonNote *note = add_note (fx, client, "Kick-off", "Start");
  Editor editor = { g_strdup ("Kick-off"), g_strdup ("Start"), 1000 * G_USEC_PER_SEC };
  g_autoptr(BatonNoteSaver) saver = new_saver (fx, note, &editor);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) revisions = NULL;

  g_assert_cmpint (baton_note_saver_get_state (saver), ==, BATON_NOTE_SAVER_SAVED);

  /* The first save of the session keeps the text as it was. */
  editor_type (&editor, saver, " one");
  g_assert_cmpint (baton_note_saver_get_state (saver), ==, BATON_NOTE_SAVER_PENDING);
  g_assert_true (baton_note_saver_flush (saver, &error));
  g_assert_no_error (error);
  g_assert_cmpint (baton_note_saver_get_state (saver), ==, BATON_NOTE_SAVER_SAVED);
  g_assert_cmpstr (baton_note_get_body (note), ==, "Start one");
  g_assert_cmpuint (n_revisions (fx, note), ==, 1);

  /* Continuous typing for the next minute: saved, no new revision. */
  for (guint s = 5; s < 60; s += 5)
    {
      editor.now += 5 * G_USEC_PER_SEC;
      editor_type (&editor, saver, " more");
      g_assert_true (baton_note_saver_flush (saver, NULL));
    }
  g_assert_cmpuint (n_revisions (fx, note), ==, 1);
  g_assert_true (g_str_has_suffix (baton_note_get_body (note), "more more"));

  /* A minute after the last revision: one more. */
  editor.now += 5 * G_USEC_PER_SEC;
  editor_type (&editor, saver, " minute");
  g_assert_true (baton_note_saver_flush (saver, NULL));
  g_assert_cmpuint (n_revisions (fx, note), ==, 2);

  /* Nothing pending: flushing writes nothing. */
  g_assert_true (baton_note_saver_flush (saver, NULL));
  g_assert_cmpuint (n_revisions (fx, note), ==, 2);

  /* A title change alone keeps no revision of the body. */
  editor.now += 10 * G_USEC_PER_SEC;
  g_free (editor.title);
  editor.title = g_strdup ("Kick-off meeting");
  baton_note_saver_changed (saver);
  g_assert_true (baton_note_saver_flush (saver, NULL));
  g_assert_cmpstr (baton_note_get_title (note), ==, "Kick-off meeting");
  g_assert_cmpuint (n_revisions (fx, note), ==, 2);

  /* Leaving saves what is pending (30 s after the last revision: none). */
  editor.now += 20 * G_USEC_PER_SEC;
  editor_type (&editor, saver, " bye");
  g_assert_true (baton_note_saver_leave (saver, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (baton_note_get_body (note), " bye"));
  g_assert_cmpuint (n_revisions (fx, note), ==, 2);
  g_clear_object (&saver);

  /* Opening the note again: its first save keeps the text as it was left. */
  saver = new_saver (fx, note, &editor);
  editor.now += 1 * G_USEC_PER_SEC;
  editor_type (&editor, saver, " again");
  g_assert_true (baton_note_saver_flush (saver, NULL));
  g_assert_cmpuint (n_revisions (fx, note), ==, 3);
  revisions = baton_notes_list_revisions (fx->store, note);
  g_assert_true (g_str_has_suffix (baton_note_revision_get_body (g_ptr_array_index (revisions, 0)), " bye"));
  g_assert_cmpstr (baton_note_revision_get_body (g_ptr_array_index (revisions, 2)), ==, "Start");

  /* Empty text is no text: clearing the body then typing nothing new is stable. */
  g_free (editor.body);
  editor.body = g_strdup ("");
  baton_note_saver_changed (saver);
  g_assert_true (baton_note_saver_flush (saver, NULL));
  g_assert_null (baton_note_get_body (note));
  baton_note_saver_changed (saver);
  g_assert_true (baton_note_saver_flush (saver, NULL));
  g_assert_cmpstr (baton_history_get_undo_label (baton_store_get_history (fx->store)), !=, NULL);

  g_free (editor.title);
  g_free (editor.body);
}

static gboolean
saver_is_saved (gpointer data)
{
  return baton_note_saver_get_state (data) == BATON_NOTE_SAVER_SAVED;
}

static void
test_saver_timer (Fixture       *fx,
                  gconstpointer  data)
{
  BatonClient *client = add_client (fx, "Acme");
  BatonNote *note = add_note (fx, client, "Call", "Hello");
  Editor editor = { g_strdup ("Call"), g_strdup ("Hello"), 0 };
  g_autoptr(BatonNoteSaver) saver = baton_note_saver_new (fx->store, note, editor_fetch, &editor, NULL);
  gint64 start, deadline;

  baton_note_saver_set_delay (saver, 50);
  g_assert_cmpuint (baton_note_saver_get_delay (saver), ==, 50);

  start = g_get_monotonic_time ();
  editor_type (&editor, saver, " world");
  g_assert_cmpstr (baton_note_get_body (note), ==, "Hello");

  deadline = start + 5 * G_USEC_PER_SEC;
  while (!saver_is_saved (saver) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (baton_note_saver_get_state (saver), ==, BATON_NOTE_SAVER_SAVED);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 50 * 1000);
  g_assert_cmpstr (baton_note_get_body (note), ==, "Hello world");

  /* Reopened, the text is there. */
  g_clear_object (&saver);
  {
    gint64 note_id = id_of (note);

    reopen (fx);
    g_assert_cmpstr (baton_note_get_body (baton_store_lookup_note (fx->store, note_id)), ==, "Hello world");
  }

  g_free (editor.title);
  g_free (editor.body);
}

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static void
test_saver_failure_and_external_change (Fixture       *fx,
                                        gconstpointer  data)
{
  BatonClient *client = add_client (fx, "Acme");
  BatonNote *note = add_note (fx, client, "Call", "Hello");
  Editor editor = { g_strdup ("Call"), g_strdup ("Hello"), 0 };
  g_autoptr(BatonNoteSaver) saver = new_saver (fx, note, &editor);
  g_autoptr(GError) error = NULL;
  guint external = 0;

  g_signal_connect (saver, "external-change", G_CALLBACK (count_signal), &external);

  /* Our own saves are not external changes; undoing one is. */
  editor_type (&editor, saver, " world");
  g_assert_true (baton_note_saver_flush (saver, NULL));
  g_assert_cmpuint (external, ==, 0);
  g_assert_true (baton_store_undo (fx->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (external, >=, 1);
  g_assert_cmpstr (baton_note_get_body (note), ==, "Hello");

  /* The note is deleted under the editor: the save fails and says so. */
  g_object_ref (note);
  g_assert_true (baton_store_delete (fx->store, note, &error));
  editor_type (&editor, saver, "!");
  g_assert_false (baton_note_saver_flush (saver, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (baton_note_saver_get_state (saver), ==, BATON_NOTE_SAVER_FAILED);
  g_assert_nonnull (baton_note_saver_get_error_message (saver));
  g_object_unref (note);

  g_free (editor.title);
  g_free (editor.body);
}


static gboolean
saver_saved_or_deadline (BatonNoteSaver *saver,
                         guint           timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  while (baton_note_saver_get_state (saver) != BATON_NOTE_SAVER_SAVED && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  return baton_note_saver_get_state (saver) == BATON_NOTE_SAVER_SAVED;
}

static void
test_saver_retries (Fixture       *fx,
                    gconstpointer  data)
{
  BatonClient *client = add_client (fx, "Acme");
  BatonNote *note = add_note (fx, client, "Call", "Hello");
  gint64 id = baton_record_get_id (BATON_RECORD (note));
  Editor editor = { g_strdup ("Call"), g_strdup ("Hello"), 0 };
  g_autoptr(BatonNoteSaver) saver = new_saver (fx, note, &editor);
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  g_autofree char *on_disk = NULL;
  sqlite3 *other;

  baton_note_saver_set_retry_delays (saver, 20, 200);

  /* Another program writes: the save fails with a code, the text is kept. */
  other = baton_test_hold_write_lock (fx->path);
  editor_type (&editor, saver, " world");
  g_assert_false (baton_note_saver_flush (saver, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == BATON_STORE_ERROR);
  g_debug ("the save failed: %s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (baton_note_saver_get_state (saver), ==, BATON_NOTE_SAVER_FAILED);
  g_assert_true (baton_note_saver_has_unsaved (saver));
  g_assert_true (baton_note_saver_is_retrying (saver));
  g_assert_cmpstr (baton_note_get_body (note), ==, "Hello");

  /* Leaving the note (the editor opens another): the saver keeps a copy
   * of the text and does not ask the editor for it again. */
  g_assert_false (baton_note_saver_leave (saver, NULL));
  g_free (editor.body);
  editor.body = g_strdup ("Another note's text");
  markdown = baton_note_saver_to_markdown (saver);
  g_assert_cmpstr (markdown, ==, "# Call\n\nHello world\n");

  /* The lock goes: a retry saves by itself, from the main loop. */
  baton_test_release_lock (other);
  g_assert_true (saver_saved_or_deadline (saver, 10000));
  g_assert_false (baton_note_saver_is_retrying (saver));
  g_assert_false (baton_note_saver_has_unsaved (saver));
  g_assert_cmpstr (baton_note_get_body (note), ==, "Hello world");
  on_disk = baton_test_note_body_on_disk (fx->path, id);
  g_assert_cmpstr (on_disk, ==, "Hello world");

  g_free (editor.title);
  g_free (editor.body);
}

static void
test_saver_no_retry_for_refused_input (Fixture       *fx,
                                       gconstpointer  data)
{
  BatonClient *client = add_client (fx, "Acme");
  BatonNote *note = add_note (fx, client, "Call", "Hello");
  Editor editor = { g_strdup ("Call"), g_strdup ("Hello"), 0 };
  g_autoptr(BatonNoteSaver) saver = new_saver (fx, note, &editor);
  g_autoptr(GError) error = NULL;

  /* A deleted note cannot be saved by trying again: no retry, but the
   * text still counts as unsaved, and discarding it is explicit. */
  g_object_ref (note);
  g_assert_true (baton_store_delete (fx->store, note, NULL));
  editor_type (&editor, saver, "!");
  g_assert_false (baton_note_saver_flush (saver, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND);
  g_assert_false (baton_note_saver_is_retrying (saver));
  g_assert_true (baton_note_saver_has_unsaved (saver));
  baton_note_saver_discard (saver);
  g_assert_false (baton_note_saver_has_unsaved (saver));
  g_object_unref (note);

  g_free (editor.title);
  g_free (editor.body);
}

static void
test_restore_revision (Fixture       *fx,
                       gconstpointer  data)
{
  BatonClient *client = add_client (fx, "Acme");
  BatonNote *note = add_note (fx, client, "Needs", "Version 1");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  BatonNoteRevision *first;
  BatonHistory *history = baton_store_get_history (fx->store);

  g_assert_true (baton_store_update_note (fx->store, note, "Needs", "Version 2", TRUE, &error));
  g_assert_true (baton_store_update_note (fx->store, note, "Needs", "Version 3", TRUE, &error));
  g_assert_no_error (error);

  revisions = baton_notes_list_revisions (fx->store, note);
  g_assert_cmpuint (revisions->len, ==, 2);
  g_assert_cmpstr (baton_note_revision_get_body (g_ptr_array_index (revisions, 0)), ==, "Version 2");
  first = g_ptr_array_index (revisions, 1);
  g_assert_cmpstr (baton_note_revision_get_body (first), ==, "Version 1");
  g_assert_nonnull (baton_note_revision_get_saved_at (first));

  /* Restoring is one undo step, and keeps what it replaces. */
  g_assert_true (baton_notes_restore_revision (fx->store, note, first, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (baton_note_get_body (note), ==, "Version 1");
  g_assert_cmpstr (baton_history_get_undo_label (history), ==, "Restore Revision");
  g_clear_pointer (&revisions, g_ptr_array_unref);
  revisions = baton_notes_list_revisions (fx->store, note);
  g_assert_cmpuint (revisions->len, ==, 3);
  g_assert_cmpstr (baton_note_revision_get_body (g_ptr_array_index (revisions, 0)), ==, "Version 3");

  g_assert_true (baton_store_undo (fx->store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (baton_note_get_body (note), ==, "Version 3");
  g_clear_pointer (&revisions, g_ptr_array_unref);
  revisions = baton_notes_list_revisions (fx->store, note);
  g_assert_cmpuint (revisions->len, ==, 2);

  g_assert_true (baton_store_redo (fx->store, &error));
  g_assert_cmpstr (baton_note_get_body (note), ==, "Version 1");

  /* A revision of another note is refused. */
  {
    BatonNote *other = add_note (fx, client, "Other", "A");
    g_autoptr(GPtrArray) other_revisions = NULL;

    g_assert_true (baton_store_update_note (fx->store, other, "Other", "B", TRUE, NULL));
    other_revisions = baton_notes_list_revisions (fx->store, other);
    g_assert_false (baton_notes_restore_revision (fx->store, note, g_ptr_array_index (other_revisions, 0), &error));
    g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
    g_assert_cmpstr (baton_note_get_body (note), ==, "Version 1");
  }
}

/* Notes of a client ------------------------------------------------------------------- */

static void
test_notes_newest_first (Fixture       *fx,
                         gconstpointer  data)
{
  BatonClient *acme = add_client (fx, "Acme");
  BatonClient *globex = add_client (fx, "Globex");
  BatonNote *a = add_note (fx, acme, "A", NULL);
  BatonNote *b = add_note (fx, globex, "B", NULL);
  BatonNote *c = add_note (fx, acme, "C", NULL);
  g_autoptr(GPtrArray) notes = NULL;

  /* Same second: the later one first; an older created-at sorts last. */
  g_assert_true (baton_store_update (fx->store, a, NULL, "created-at", "2020-01-01T00:00:00Z", NULL));
  notes = baton_notes_list_for_client (fx->store, acme);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_true (g_ptr_array_index (notes, 0) == c);
  g_assert_true (g_ptr_array_index (notes, 1) == a);
  g_assert_cmpint (baton_notes_compare_newest_first (c, a), <, 0);
  g_assert_cmpint (baton_notes_compare_newest_first (b, b), ==, 0);
}

/* Templates -------------------------------------------------------------------------- */

static void
test_templates (Fixture       *fx,
                gconstpointer  data)
{
  static const char *needs_sections[] = {
    "## Business goal", "## Audience", "## Current performance", "## Desired performance",
    "## Constraints", "## Success measures", "## Stakeholders and subject-matter experts",
    "## Delivery format", "## Timeline",
  };
  static const char *meeting_sections[] = { "**Date:**", "**Attendees:**", "## Decisions", "## Action items" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 9, 10, 0, 0);
  BatonClient *client = add_client (fx, "Acme");
  BatonProgram *program;
  BatonNote *note;
  BatonNoteTemplate id;
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  const char *last = NULL;

  g_assert_true (baton_store_update (fx->store, client, NULL, "contact-name", "Dana <Scully>", NULL));
  program = baton_store_create_program (fx->store, client, "Onboarding", &error);
  g_assert_no_error (error);

  body = baton_note_template_body (BATON_NOTE_TEMPLATE_NEEDS_ANALYSIS, client, program, date);
  title = baton_note_template_title (BATON_NOTE_TEMPLATE_NEEDS_ANALYSIS, program, date);
  g_assert_cmpstr (title, ==, "Needs analysis: Onboarding");
  g_assert_true (g_str_has_prefix (body, "# Needs analysis: Onboarding\n"));
  g_assert_nonnull (strstr (body, "9 March 2026"));
  g_assert_nonnull (strstr (body, "Dana <Scully>"));
  for (guint i = 0; i < G_N_ELEMENTS (needs_sections); i++)
    {
      const char *at = strstr (body, needs_sections[i]);

      g_assert_nonnull (at);
      g_assert_true (last == NULL || at > last);   /* in this order */
      last = at;
    }

  g_clear_pointer (&body, g_free);
  body = baton_note_template_body (BATON_NOTE_TEMPLATE_MEETING, client, NULL, date);
  for (guint i = 0; i < G_N_ELEMENTS (meeting_sections); i++)
    g_assert_nonnull (strstr (body, meeting_sections[i]));
  g_assert_nonnull (strstr (body, "- [ ] "));

  g_clear_pointer (&body, g_free);
  body = baton_note_template_body (BATON_NOTE_TEMPLATE_BLANK, client, NULL, date);
  g_assert_cmpstr (body, ==, "");

  g_assert_true (baton_note_template_from_string ("needs-analysis", &id));
  g_assert_cmpint (id, ==, BATON_NOTE_TEMPLATE_NEEDS_ANALYSIS);
  g_assert_true (baton_note_template_from_string ("meeting", &id));
  g_assert_cmpint (id, ==, BATON_NOTE_TEMPLATE_MEETING);
  g_assert_false (baton_note_template_from_string ("nope", &id));

  note = baton_notes_create_from_template (fx->store, client, program, BATON_NOTE_TEMPLATE_NEEDS_ANALYSIS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (baton_note_get_program_id (note), ==, id_of (program));
  g_assert_nonnull (strstr (baton_note_get_body (note), "## Success measures"));
  g_assert_true (baton_store_undo (fx->store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_notes (fx->store)), ==, 0);
}

/* Promote to a task --------------------------------------------------------------------- */

static void
test_promote (Fixture       *fx,
              gconstpointer  data)
{
  static const struct { const char *line; const char *title; } lines[] = {
    { "- [ ] Dana: send the org chart", "Dana: send the org chart" },
    { "  * [x] Review storyboard  ", "Review storyboard" },
    { "1. Book the room", "Book the room" },
    { "## Record the voice-over", "Record the voice-over" },
    { "> - Ask IT about the LMS\nsecond line", "Ask IT about the LMS" },
    { "-dash is text", "-dash is text" },
    { "2026 budget", "2026 budget" },
    { "- [ ] ", NULL },
    { "   ", NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  BatonClient *client = add_client (fx, "Acme");
  BatonProgram *program = baton_store_create_program (fx->store, client, "Onboarding", NULL);
  BatonNote *note;
  BatonTask *task;
  gint64 task_id;
  gint64 note_id;
  guint undo_depth_tasks;

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *title = baton_notes_task_title_from_line (lines[i].line);
      g_assert_cmpstr (title, ==, lines[i].title);
    }

  note = baton_store_create_note (fx->store, client, program, "Kick-off", "## Action items\n- [ ] Dana: send the org chart\n", &error);
  g_assert_no_error (error);

  undo_depth_tasks = g_list_model_get_n_items (baton_store_get_tasks (fx->store));
  task = baton_notes_promote_line (fx->store, note, "- [ ] Dana: send the org chart", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (task);
  task_id = id_of (task);
  g_assert_cmpstr (baton_task_get_title (task), ==, "Dana: send the org chart");
  g_assert_cmpint (baton_task_get_program_id (task), ==, id_of (program));
  g_assert_cmpint (baton_task_get_note_id (task), ==, id_of (note));
  g_assert_cmpstr (baton_history_get_undo_label (baton_store_get_history (fx->store)), ==, "Create Task");

  /* Both links: the task names its note, the note lists its tasks. */
  tasks = baton_notes_list_tasks (fx->store, note);
  g_assert_cmpuint (tasks->len, ==, 1);
  g_assert_true (g_ptr_array_index (tasks, 0) == task);

  /* The link survives a reopen. */
  note_id = id_of (note);
  reopen (fx);
  note = baton_store_lookup_note (fx->store, note_id);
  task = baton_store_lookup_task (fx->store, task_id);
  g_assert_cmpint (baton_task_get_note_id (task), ==, id_of (note));

  /* Nothing to make a task of. */
  g_assert_null (baton_notes_promote_line (fx->store, note, "- [ ]", NULL, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Deleting the note keeps the task and clears its link; undo brings it back. */
  g_assert_true (baton_store_delete (fx->store, note, &error));
  g_assert_no_error (error);
  g_assert_cmpint (baton_task_get_note_id (task), ==, 0);
  g_assert_true (baton_store_undo (fx->store, &error));
  g_assert_no_error (error);
  note = baton_store_lookup_note (fx->store, baton_task_get_note_id (task));
  g_assert_nonnull (note);

  /* A new session: undoing the promotion takes the task away in one step. */
  task = baton_notes_promote_line (fx->store, note, "Book the room", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (baton_store_undo (fx->store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_tasks (fx->store)), ==, undo_depth_tasks + 1);
}

/* Export ------------------------------------------------------------------------------ */

static void
test_export (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonClient *client = add_client (fx, "Acme");
  BatonNote *plain = add_note (fx, client, "Kick-off: <Acme> / Q3?", "Some *text* & <b>tags</b>");
  BatonNote *headed = add_note (fx, client, "Needs", "# Needs analysis\n\nBody");
  g_autofree char *md = baton_notes_to_markdown (plain);
  g_autofree char *name = baton_notes_suggest_filename (plain);
  g_autofree char *path = g_build_filename (fx->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;

  g_assert_cmpstr (md, ==, "# Kick-off: <Acme> / Q3?\n\nSome *text* & <b>tags</b>\n");
  g_assert_cmpstr (name, ==, "Kick-off Acme Q3.md");
  g_clear_pointer (&md, g_free);
  md = baton_notes_to_markdown (headed);
  g_assert_cmpstr (md, ==, "# Needs analysis\n\nBody\n");

  g_assert_true (baton_notes_export_markdown (plain, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "# Kick-off: <Acme> / Q3?\n\nSome *text* & <b>tags</b>\n");

  /* Somewhere it cannot be written: an error, not a crash. */
  {
    g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-folder/note.md");
    g_assert_false (baton_notes_export_markdown (plain, nowhere, &error));
    g_assert_nonnull (error);
  }

  {
    BatonNote *untitled = add_note (fx, client, NULL, NULL);
    g_autofree char *untitled_name = baton_notes_suggest_filename (untitled);
    g_autofree char *untitled_md = baton_notes_to_markdown (untitled);

    g_assert_cmpstr (untitled_name, ==, "Note.md");
    g_assert_cmpstr (untitled_md, ==, "");
  }
}

/* Search ------------------------------------------------------------------------------ */

static const struct { const char *title; const char *body; } corpus[] = {
  /* 0 */ { "Needs analysis: Onboarding", "Business goal: reduce onboarding time.\nThe audience is new hires in the warehouse." },
  /* 1 */ { "Kick-off meeting", "Café crème with the SME. Decisions: e-learning plus job aids. NEAR( the deadline \"quoted\" AND more." },
  /* 2 */ { "Русские заметки", "Привет мир. Обучение сотрудников." },
  /* 3 */ { "日本語", "日本語のテキスト と 中文 混合。" },
  /* 4 */ { "Symbols", "Price: $100 * 2 = 200; col:value ^caret (paren) -minus +plus" },
  /* 5 */ { "Naïve résumé", "ÉCOLE Straße ΆΛΦΑ άλφα ǖ ø" },
  /* 6 */ { "Markup", "<b>bold</b> & ampersand &amp; <i>" },
  /* 7 */ { NULL, "goal business reversed; onboarding again" },
  /* 8 */ { "Empty body", NULL },
  /* 9 */ { "培训计划", "我们为培训准备了材料。下周一开会。" },
  /* 10 */ { "研修の資料", "研修の資料を来週までに準備します。Kaffee und CAFÉ, 7 días." },
  /* 11 */ { "ภาษาไทย", "เราเตรียมเอกสารสำหรับการฝึกอบรม" },
};

static const struct { const char *query; const char *expected; } searches[] = {
  /* expected: the corpus indexes that match, in any order ("" none) */
  { "onboarding", "0 7" },
  { "ONBOARD", "0 7" },
  { "analysis", "0" },
  { "\"business goal\"", "0" },
  { "\"goal business\"", "7" },
  { "\"business go\"", "" },
  { "\"business go\"*", "0" },
  { "business goal", "0 7" },
  { "e-learning", "1" },
  { "cafe", "1 10" },
  { "CRÈME", "1" },
  { "привет", "2" },
  { "ПРИВ", "2" },
  { "日本語", "3" },
  { "中文", "3" },
  /* Words inside sentences of unspaced scripts, and the short ones. */
  { "为培训", "9" },
  { "培训", "9" },
  { "准备了材料", "9" },
  { "\"准备了材料\"", "9" },
  { "\"准备 了\"", "9" },
  { "材", "9" },
  { "料理", "" },
  { "為培訓", "" },
  { "培训 开会", "9" },
  { "培训 onboarding", "" },
  { "資料", "10" },
  { "の資", "10" },
  { "研修の資料を", "10" },
  { "本", "3" },
  { "语", "" },
  { "語", "3" },
  { "ฝึกอบรม", "11" },
  { "kaffee", "10" },
  { "KAFF", "10" },
  { "café", "1 10" },
  { "dias", "10" },
  { "DÍAS", "10" },
  { "7", "10" },
  { "s", "1 4 5" },
  { "c", "1 4 10" },
  { "ecole", "5" },
  { "naive resume", "5" },
  { "straße", "5" },
  { "strasse", "" },
  { "άλφα", "5" },
  { "u", "5 10" },
  { "bold ampersand", "6" },
  { "amp", "6" },
  { "body", "8" },
  { "empty", "8" },
  /* Hostile: never an error; FTS5 syntax is plain text. */
  { "\"", "" },
  { "\"\"", "" },
  { "*", "" },
  { "AND", "1" },
  { "OR", "" },
  { "NOT onboarding", "" },
  { "NEAR(", "1" },
  { "NEAR(deadline more, 2)", "" },
  { "NEAR(deadline more)", "" },
  { "\"unbalanced", "" },
  { "quoted\"", "1" },
  { "-minus", "4" },
  { "+plus", "1 4" },
  { "col:value", "4" },
  { "title:Symbols", "" },
  { "^caret", "4" },
  { "(paren)", "4" },
  { "$100", "4" },
  { "200;", "4" },
  { "'", "" },
  { "a'b", "" },
  { "\\", "" },
  { "%_", "" },
  { "{onboarding}", "0 7" },
  { "onboarding*", "0 7" },
  { "*onboarding", "0 7" },
  { "ONBOARDING AND", "" },
  { "   \t\n ", "" },
  { "😀", "" },
  { "\xff\xfe", "" },
};

static void
add_corpus (Fixture    *fx,
            GPtrArray  *notes)
{
  BatonClient *client = add_client (fx, "Acme");

  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    g_ptr_array_add (notes, add_note (fx, client, corpus[i].title, corpus[i].body));
}

static char *
hits_as_indexes (GPtrArray *hits,
                 GPtrArray *notes)
{
  g_autoptr(GArray) indexes = g_array_new (FALSE, FALSE, sizeof (guint));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < hits->len; i++)
    {
      BatonNote *note = baton_search_hit_get_note (g_ptr_array_index (hits, i));
      guint index;

      g_assert_true (g_ptr_array_find (notes, note, &index));
      g_array_append_val (indexes, index);
    }

  for (guint i = 0; i < indexes->len; i++)
    for (guint k = i + 1; k < indexes->len; k++)
      if (g_array_index (indexes, guint, k) < g_array_index (indexes, guint, i))
        {
          guint tmp = g_array_index (indexes, guint, i);
          g_array_index (indexes, guint, i) = g_array_index (indexes, guint, k);
          g_array_index (indexes, guint, k) = tmp;
        }

  for (guint i = 0; i < indexes->len; i++)
    g_string_append_printf (out, "%s%u", i > 0 ? " " : "", g_array_index (indexes, guint, i));

  return g_string_free (out, FALSE);
}

/* The hits for @query as "note id: snippet [highlights] @offset", in order. */
static char *
describe_search (Fixture    *fx,
                 const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GString *out = g_string_new (NULL);
  guint total = 0;

  hits = baton_notes_search (fx->store, query, 0, &total, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hits);
  g_assert_cmpuint (total, ==, hits->len);

  for (guint i = 0; i < hits->len; i++)
    {
      BatonSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *markup = baton_search_hit_get_snippet_markup (hit);

      g_string_append_printf (out, "%" G_GINT64_FORMAT ": %s @%d+%d\n",
                              id_of (baton_search_hit_get_note (hit)), markup,
                              baton_search_hit_get_match_offset (hit),
                              baton_search_hit_get_match_length (hit));
    }

  return g_string_free (out, FALSE);
}

static void
test_search (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  gboolean have_fts5 = baton_db_has_fts5 (_baton_store_get_db (fx->store));

  add_corpus (fx, notes);

  if (!have_fts5)
    g_test_message ("This SQLite has no FTS5: only the scan is tested.");
  else
    g_assert_true (baton_notes_search_uses_index (fx->store));

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *with_index = NULL;
      g_autofree char *with_scan = NULL;

      for (guint mode = 0; mode < 2; mode++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) hits = NULL;
          g_autofree char *found = NULL;
          guint total = 0;

          _baton_notes_set_force_scan (mode == 1);
          g_assert_true (baton_notes_search_uses_index (fx->store) == (mode == 0 && have_fts5));

          hits = baton_notes_search (fx->store, searches[i].query, 0, &total, &error);
          g_assert_no_error (error);
          g_assert_nonnull (hits);
          found = hits_as_indexes (hits, notes);
          if (g_strcmp0 (found, searches[i].expected) != 0)
            g_test_fail_printf ("%s: “%s” found [%s], expected [%s]", mode == 0 ? "index" : "scan",
                                searches[i].query, found, searches[i].expected);

          if (mode == 0)
            with_index = describe_search (fx, searches[i].query);
          else
            with_scan = describe_search (fx, searches[i].query);
        }

      /* Same notes, same order, same snippets, same highlights. */
      g_assert_cmpstr (with_index, ==, with_scan);
    }

  _baton_notes_set_force_scan (FALSE);
}

static gboolean
markup_is_well_formed (const char *markup)
{
  static const GMarkupParser parser = { 0 };
  g_autofree char *wrapped = g_strdup_printf ("<markup>%s</markup>", markup);
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);

  return g_markup_parse_context_parse (context, wrapped, -1, NULL) &&
         g_markup_parse_context_end_parse (context, NULL);
}

static void
test_search_snippets (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  BatonSearchHit *hit;
  g_autofree char *markup = NULL;
  const guint *pairs;
  guint n_pairs;
  const char *body;
  BatonClient *client;
  GString *long_body;

  add_corpus (fx, notes);

  /* User text is escaped; only the highlight is markup. */
  hits = baton_notes_search (fx->store, "bold", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (baton_search_hit_get_snippet (hit), ==, "<b>bold</b> & ampersand &amp; <i>");
  markup = baton_search_hit_get_snippet_markup (hit);
  g_assert_cmpstr (markup, ==, "&lt;b&gt;<b>bold</b>&lt;/b&gt; &amp; ampersand &amp;amp; &lt;i&gt;");
  g_assert_true (markup_is_well_formed (markup));
  pairs = baton_search_hit_get_highlights (hit, &n_pairs);
  g_assert_cmpuint (n_pairs, ==, 1);
  g_assert_cmpuint (pairs[0], ==, 3);
  g_assert_cmpuint (pairs[1], ==, 7);
  g_assert_cmpint (baton_search_hit_get_match_offset (hit), ==, 3);
  g_assert_cmpint (baton_search_hit_get_match_length (hit), ==, 4);

  /* The offset is in characters, for the editor to put the cursor there. */
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = baton_notes_search (fx->store, "обучение", 0, NULL, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  body = baton_note_get_body (baton_search_hit_get_note (hit));
  g_assert_cmpint (baton_search_hit_get_match_offset (hit), ==,
                   g_utf8_pointer_to_offset (body, strstr (body, "Обучение")));
  g_assert_cmpint (baton_search_hit_get_match_length (hit), ==, 8);

  /* A long note: an extract around the match, with ellipses. */
  client = baton_store_lookup_client (fx->store, 1);
  long_body = g_string_new (NULL);
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (long_body, "word%u ", i);
  g_string_append (long_body, "needle and the rest of the sentence");
  for (guint i = 0; i < 200; i++)
    g_string_append_printf (long_body, " after%u", i);
  add_note (fx, client, "Long", long_body->str);
  g_string_free (long_body, TRUE);

  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = baton_notes_search (fx->store, "needle", 0, NULL, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_true (g_str_has_prefix (baton_search_hit_get_snippet (hit), "…word194 "));
  g_assert_true (g_str_has_suffix (baton_search_hit_get_snippet (hit), "…"));
  g_assert_cmpuint (strlen (baton_search_hit_get_snippet (hit)), <, 260);
  g_clear_pointer (&markup, g_free);
  markup = baton_search_hit_get_snippet_markup (hit);
  g_assert_nonnull (strstr (markup, "<b>needle</b>"));

  /* Matched by the title only: the beginning of the body, no offset. */
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = baton_notes_search (fx->store, "kick", 0, NULL, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (baton_search_hit_get_match_offset (hit), ==, -1);
  g_assert_true (g_str_has_prefix (baton_search_hit_get_snippet (hit), "Café crème"));

  /* Limits: the first hits, and how many there are in all. */
  {
    guint total = 0;

    g_clear_pointer (&hits, g_ptr_array_unref);
    hits = baton_notes_search (fx->store, "onboarding", 1, &total, &error);
    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpuint (total, ==, 2);
  }
}

/* The search tokenizer must see the same words as FTS5's unicode61. */
/* Our tokenizer is unicode61, except that a character of a script written
 * without spaces (Han, Hiragana, Katakana, Thai, …) is a token of its own:
 * split FTS5's token @term the same way, and append the pieces. */
static void
append_split_unspaced (GString    *out,
                       const char *term)
{
  gboolean in_run = FALSE;

  for (const char *p = term; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeScript script = g_unichar_get_script (c);
      gboolean unspaced = c >= 0x0e00 &&
                          (script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA ||
                           script == G_UNICODE_SCRIPT_KATAKANA || script == G_UNICODE_SCRIPT_BOPOMOFO ||
                           script == G_UNICODE_SCRIPT_THAI || script == G_UNICODE_SCRIPT_LAO ||
                           script == G_UNICODE_SCRIPT_KHMER || script == G_UNICODE_SCRIPT_MYANMAR ||
                           script == G_UNICODE_SCRIPT_TIBETAN || script == G_UNICODE_SCRIPT_YI);

      if (unspaced || !in_run)
        {
          if (out->len > 0)
            g_string_append_c (out, ' ');
        }
      g_string_append_unichar (out, c);
      in_run = !unspaced;
    }
}

static void
test_search_tokenizer (Fixture       *fx,
                       gconstpointer  data)
{
  static const char *samples[] = {
    "Café crème brûlée naïve Ærø Øre straße ŒUVRE",
    "Привет, мир! Ёжик",
    "日本語のテキスト 中文 한국어 텍스트",
    "Ελληνικά άλφα ΆΛΦΑ",
    "emoji 😀x test_under score-dash it's",
    "a\xcc\x81" "b combining a\xcc\x85" "b",
    "don't 3.14 ½ ² ①",
    "İstanbul ǖ Ǘ ḗ Å K",
    "हिन्दी भाषा",
    "ﬁne ligature Ａｂｃ fullwidth",
    "ʼapostrophe ˈstress",
    "x\xe2\x80\x8by zero-width",
  };
  BatonDb *db = _baton_store_get_db (fx->store);
  sqlite3 *handle = baton_db_get_handle (db);
  GString *latin = g_string_new (NULL);

  if (!baton_db_has_fts5 (db))
    {
      baton_test_skip ("This SQLite has no FTS5 to compare with");
      g_string_free (latin, TRUE);
      return;
    }

  /* Every letter of the Latin, Greek and Cyrillic blocks, one per word
   * (not the ones added since Unicode 6.1, SQLite's tables). */
  for (gunichar c = 0xc0; c < 0x500; c++)
    if (g_unichar_isalpha (c) && c != 0x37f)
      {
        g_string_append_unichar (latin, c);
        g_string_append_c (latin, ' ');
      }
  for (gunichar c = 0x1e00; c < 0x1f00; c++)
    {
      g_string_append_unichar (latin, c);
      g_string_append_c (latin, ' ');
    }

  g_assert_cmpint (sqlite3_exec (handle,
                                 "CREATE VIRTUAL TABLE temp.tok_test USING fts5 (x, tokenize = 'unicode61 remove_diacritics 2');"
                                 "CREATE VIRTUAL TABLE temp.tok_vocab USING fts5vocab (temp, tok_test, 'instance');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint i = 0; i <= G_N_ELEMENTS (samples); i++)
    {
      const char *text = i < G_N_ELEMENTS (samples) ? samples[i] : latin->str;
      g_auto(GStrv) ours = _baton_notes_tokenize (text);
      GString *theirs = g_string_new (NULL);
      g_autofree char *joined = g_strjoinv (" ", ours);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_exec (handle, "DELETE FROM temp.tok_test", NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (handle, "INSERT INTO temp.tok_test (x) VALUES (?)", -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);

      g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT term FROM temp.tok_vocab ORDER BY doc, col, offset",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        append_split_unspaced (theirs, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);

      if (g_strcmp0 (joined, theirs->str) != 0)
        {
          g_auto(GStrv) a = g_strsplit (joined, " ", -1);
          g_auto(GStrv) b = g_strsplit (theirs->str, " ", -1);

          for (guint k = 0; a[k] != NULL || b[k] != NULL; k++)
            if (a[k] == NULL || b[k] == NULL || strcmp (a[k], b[k]) != 0)
              g_error ("word %u of sample %u: ours “%s”, FTS5 “%s”", k, i, a[k], b[k]);
        }
      g_string_free (theirs, TRUE);
    }

  g_string_free (latin, TRUE);
  sqlite3_exec (handle, "DROP TABLE temp.tok_vocab; DROP TABLE temp.tok_test;", NULL, NULL, NULL);
}

static void
test_search_query_building (void)
{
  static const struct { const char *query; const char *fts; } cases[] = {
    /* Substrings of the index text: a space before each token, and after
     * the last one unless it is a word that may go on. */
    { "plan", "\" plan\"" },
    { "\"needs analysis\"", "\" needs analysis \"" },
    { "\"needs anal\"* e-learning", "\" needs anal\" AND \" e learning\"" },
    { "AND OR NOT NEAR(", "\" and\" AND \" or\" AND \" not\" AND \" near\"" },
    { "\"a \"\" b\"", "\" a \" AND \" b \"" },
    { "*", NULL },
    { "", NULL },
    { NULL, NULL },
    { "CAFÉ", "\" cafe\"" },
    /* Each character of an unspaced script is a token, never a prefix. */
    { "为培训", "\" 为 培 训 \"" },
    { "材", "\" 材 \"" },
    { "研修の資料", "\" 研 修 の 資 料 \"" },
    /* Fewer than three characters: left to the check on the notes found. */
    { "a", NULL },
    { "a plan", "\" plan\"" },
    { "\"a\"", "\" a \"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *fts = _baton_notes_build_fts_query (cases[i].query);
      g_assert_cmpstr (fts, ==, cases[i].fts);
    }

  /* At most 32 words. */
  {
    GString *many = g_string_new (NULL);
    g_autofree char *fts = NULL;
    guint n = 0;

    for (guint i = 0; i < 1000; i++)
      g_string_append_printf (many, "w%u ", i);
    fts = _baton_notes_build_fts_query (many->str);
    for (const char *p = fts; (p = strstr (p, " AND ")) != NULL; p++)
      n++;
    g_assert_cmpuint (n, ==, 31);
    g_string_free (many, TRUE);
  }
}

/* The index follows the notes: new, changed, deleted, undone. */
static void
test_search_follows_changes (Fixture       *fx,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonClient *client = add_client (fx, "Acme");
  BatonNote *note = add_note (fx, client, "Plan", "alpha");
  g_autofree char *found = NULL;

#define FOUND(q) (g_free (found), found = describe_search (fx, (q)))

  g_assert_cmpstr (FOUND ("alpha"), ==, "1: <b>alpha</b> @0+5\n");
  g_assert_true (baton_store_update_note (fx->store, note, "Plan", "beta", TRUE, &error));
  g_assert_cmpstr (FOUND ("alpha"), ==, "");
  g_assert_cmpstr (FOUND ("beta"), ==, "1: <b>beta</b> @0+4\n");
  g_assert_true (baton_store_undo (fx->store, &error));
  g_assert_cmpstr (FOUND ("alpha"), ==, "1: <b>alpha</b> @0+5\n");
  g_assert_cmpstr (FOUND ("beta"), ==, "");

  /* The queue is emptied by a search, or by baton_notes_update_index (). */
  g_assert_true (baton_store_update_note (fx->store, note, "Plan", "gamma", FALSE, &error));
  g_assert_true (baton_notes_update_index (fx->store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (FOUND ("gamma"), ==, "1: <b>gamma</b> @0+5\n");

  g_assert_true (baton_store_delete (fx->store, note, &error));
  g_assert_cmpstr (FOUND ("gamma"), ==, "");
  g_assert_true (baton_store_undo (fx->store, &error));
  g_assert_cmpstr (FOUND ("gamma"), ==, "1: <b>gamma</b> @0+5\n");

  /* A reopened workspace finds the same. */
  reopen (fx);
  g_assert_cmpstr (FOUND ("gamma"), ==, "1: <b>gamma</b> @0+5\n");

#undef FOUND
}

static void
test_search_watch (Fixture       *fx,
                   gconstpointer  data)
{
  BatonClient *client = add_client (fx, "Acme");
  sqlite3 *handle = baton_db_get_handle (_baton_store_get_db (fx->store));
  gint64 deadline;
  int pending = -1;

  baton_notes_watch_index (fx->store);
  baton_notes_watch_index (fx->store);
  add_note (fx, client, "Plan", "delta");

  /* A moment after the change, the main loop brings the index up to date. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      sqlite3_stmt *stmt = NULL;

      sqlite3_prepare_v2 (handle, "SELECT count(*) FROM notes_fts_pending", -1, &stmt, NULL);
      sqlite3_step (stmt);
      pending = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      if (pending == 0)
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpint (pending, ==, 0);
}

/* Searching and updating the index leave the store's prepared statements
 * alone: redefining an SQL function on the connection would expire every
 * one of them (each is then prepared again) and fail outright while one
 * of them is running. */
static void
test_search_keeps_statements (Fixture       *fx,
                              gconstpointer  data)
{
  BatonDb *db = _baton_store_get_db (fx->store);
  BatonClient *client = add_client (fx, "Acme");
  BatonNote *note = add_note (fx, client, "Kick-off", "Needs analysis");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  sqlite3_stmt *stmt;
  int reprepared;

  g_assert_true (baton_notes_search_uses_index (fx->store));
  g_assert_true (baton_store_update_note (fx->store, note, "Kick-off", "Needs analysis, done", FALSE, &error));
  stmt = baton_db_prepare (db, "SELECT id FROM notes ORDER BY id", &error);
  g_assert_nonnull (stmt);
  g_assert_true (baton_db_step_row (db, stmt, &error));
  sqlite3_reset (stmt);
  reprepared = sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_REPREPARE, FALSE);

  /* The index catches up with the change, and a search runs: the
   * statement is not prepared again. */
  g_assert_true (baton_notes_update_index (fx->store, &error));
  hits = baton_notes_search (fx->store, "needs", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_assert_true (baton_db_step_row (db, stmt, &error));
  g_assert_cmpint (sqlite3_stmt_status (stmt, SQLITE_STMTSTATUS_REPREPARE, FALSE), ==, reprepared);

  /* The statement is in the middle of its rows: a search still works. */
  hits = baton_notes_search (fx->store, "done", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hits);
  if (hits != NULL)
    g_assert_cmpuint (hits->len, ==, 1);
  sqlite3_reset (stmt);
}

/* Large notes ---------------------------------------------------------------------------- */

static void
test_large_note (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonClient *client = add_client (fx, "Acme");
  BatonNote *note = add_note (fx, client, "Big", "start");
  GString *big = g_string_sized_new (1 << 20);
  g_autofree char *expected = NULL;
  gint64 id = id_of (note);
  guint i = 0;

  /* 1 MB of mixed text: ASCII, accents, CJK, emoji, markup-looking bits. */
  while (big->len < (1 << 20))
    g_string_append_printf (big, "Line %u: café 日本語 😀 <b>&amp;</b> \"quoted\"\n", i++);
  expected = g_strdup (big->str);

  g_assert_true (baton_store_update_note (fx->store, note, "Big", big->str, TRUE, &error));
  g_assert_no_error (error);
  g_string_free (big, TRUE);

  reopen (fx);
  note = baton_store_lookup_note (fx->store, id);
  g_assert_cmpuint (strlen (baton_note_get_body (note)), ==, strlen (expected));
  g_assert_true (strcmp (baton_note_get_body (note), expected) == 0);

  /* And it can be found. */
  {
    g_autoptr(GPtrArray) hits = baton_notes_search (fx->store, "\"line 12345 café\"", 0, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }
}

/* Upgrading --------------------------------------------------------------------------------- */

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed: %s", message);
}

/* A format-2 workspace, written by hand the way Baton 2 wrote it. */
static void
create_format_2 (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  exec_sql (db, baton_db_migration_sql (1));
  exec_sql (db, baton_db_migration_sql (2));
  exec_sql (db,
            "INSERT INTO clients (id, name, organization, email) VALUES (1, 'Acme', 'Acme Corp', 'dana@acme.test');"
            "INSERT INTO programs (id, client_id, name) VALUES (1, 1, 'Onboarding');"
            "INSERT INTO stages (id, name, position) VALUES (1, 'To do', 0);"
            "INSERT INTO tasks (id, program_id, stage_id, title) VALUES (1, 1, 1, 'Storyboard');"
            "INSERT INTO notes (id, client_id, program_id, title, body, created_at, updated_at) VALUES"
            "  (1, 1, 1, 'Needs analysis', 'The warehouse needs faster onboarding', '2026-03-01T09:00:00Z', '2026-03-01T09:00:00Z'),"
            "  (2, 1, NULL, 'Call', 'Привет from the client', '2026-03-02T09:00:00Z', '2026-03-02T09:00:00Z');"
            "INSERT INTO note_revisions (note_id, body, saved_at) VALUES (1, 'draft', '2026-03-01T08:00:00Z');"
            "PRAGMA user_version = 2;");
  sqlite3_close (db);
}

static gboolean
has_table (const char *path,
           const char *name)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean found;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT 1 FROM sqlite_master WHERE name = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return found;
}

static void
check_upgraded (BatonStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  BatonNote *note = baton_store_lookup_note (store, 1);
  BatonTask *task = baton_store_lookup_task (store, 1);

  g_assert_nonnull (note);
  g_assert_cmpstr (baton_note_get_body (note), ==, "The warehouse needs faster onboarding");
  g_assert_cmpstr (baton_client_get_email (baton_store_lookup_client (store, 1)), ==, "dana@acme.test");
  g_assert_cmpint (baton_task_get_note_id (task), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_note_revisions (store)), ==, 1);

  /* Format 3: tasks can point at a note. */
  g_assert_true (baton_store_update (store, task, &error, "note-id", (gint64) 1, NULL));
  g_assert_no_error (error);

  /* Format 4: existing notes are searchable. */
  hits = baton_notes_search (store, "onboard", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = baton_notes_search (store, "привет", 0, NULL, &error);
  g_assert_cmpuint (hits->len, ==, 1);
}

static void
test_upgrade (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean have_fts5 = baton_db_has_fts5 (_baton_store_get_db (fx->store));

  g_clear_object (&fx->store);
  g_unlink (fx->path);
  create_format_2 (fx->path);
  g_assert_cmpint (baton_store_peek_version (fx->path, NULL), ==, 2);

  fx->store = baton_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (baton_store_peek_version (fx->path, NULL), ==, BATON_SCHEMA_VERSION);
  g_assert_cmpint (BATON_SCHEMA_VERSION, >=, 4);
  g_assert_true (has_table (fx->path, "notes_fts_pending"));
  g_assert_true (has_table (fx->path, "notes_fts") == have_fts5);
  g_assert_true (baton_notes_search_uses_index (fx->store) == have_fts5);
  check_upgraded (fx->store);

  /* Nothing was added or lost on the way. */
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_notes (fx->store)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_stages (fx->store)), ==, 1);
}

static void
test_upgrade_without_fts5 (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonNote *note;

  g_clear_object (&fx->store);
  g_unlink (fx->path);
  create_format_2 (fx->path);

  /* A SQLite without FTS5 upgrades the workspace, and search scans. */
  _baton_notes_set_force_scan (TRUE);
  fx->store = baton_store_open (fx->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (baton_store_peek_version (fx->path, NULL), ==, BATON_SCHEMA_VERSION);
  g_assert_false (has_table (fx->path, "notes_fts"));
  g_assert_false (baton_notes_search_uses_index (fx->store));
  check_upgraded (fx->store);

  /* Notes written meanwhile are queued for the index… */
  note = baton_store_lookup_note (fx->store, 2);
  g_assert_true (baton_store_update_note (fx->store, note, "Call", "Привет, zebra", TRUE, &error));
  g_assert_no_error (error);

  /* …which is built when a SQLite with FTS5 opens the workspace. */
  _baton_notes_set_force_scan (FALSE);
  reopen (fx);
  if (!baton_db_has_fts5 (_baton_store_get_db (fx->store)))
    return;
  g_assert_true (has_table (fx->path, "notes_fts"));
  g_assert_true (baton_notes_search_uses_index (fx->store));
  {
    g_autoptr(GPtrArray) hits = baton_notes_search (fx->store, "zebra", 0, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/notes/validate/email", test_validate_email);
  g_test_add_func ("/notes/validate/phone", test_validate_phone);
  g_test_add_func ("/notes/saver/state-is-an-enum", test_saver_state_enum);
  ADD ("/notes/clients/crud", test_clients_crud);
  ADD ("/notes/programs/crud", test_programs_crud);
  ADD ("/notes/saver/coalescing", test_saver_coalescing);
  ADD ("/notes/saver/timer", test_saver_timer);
  ADD ("/notes/saver/failure-and-external-change", test_saver_failure_and_external_change);
  ADD ("/notes/saver/retries-until-saved", test_saver_retries);
  ADD ("/notes/saver/no-retry-for-refused-input", test_saver_no_retry_for_refused_input);
  ADD ("/notes/revisions/restore-and-undo", test_restore_revision);
  ADD ("/notes/list/newest-first", test_notes_newest_first);
  ADD ("/notes/templates", test_templates);
  ADD ("/notes/promote", test_promote);
  ADD ("/notes/export", test_export);
  g_test_add_func ("/notes/search/query", test_search_query_building);
  ADD ("/notes/search/tokenizer-matches-fts5", test_search_tokenizer);
  ADD ("/notes/search/index-and-scan", test_search);
  ADD ("/notes/search/snippets", test_search_snippets);
  ADD ("/notes/search/follows-changes", test_search_follows_changes);
  ADD ("/notes/search/watch", test_search_watch);
  ADD ("/notes/search/keeps-statements", test_search_keeps_statements);
  ADD ("/notes/large-note", test_large_note);
  ADD ("/notes/upgrade/from-2", test_upgrade);
  ADD ("/notes/upgrade/without-fts5", test_upgrade_without_fts5);

#undef ADD

  return g_test_run ();
}
