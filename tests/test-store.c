/* test-store.c — every store method: success, errors, undo and redo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each error case checks the error's domain and code, that its message can
 * be read, that the database FILE (through a separate connection) and the
 * objects (through the lists) are exactly as before, and that no signal
 * was emitted. Each success checks the objects, the notifications, the
 * items-changed of the lists (replayed onto mirrors) and "changed".
 */

#define G_LOG_DOMAIN "test-store"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "baton-dates.h"
#include "baton-test-pg.h"
#include "baton-test-util.h"

/* Fixture ---------------------------------------------------------------- */

typedef struct
{
  BatonRole    *writer, *designer, *reviewer;
  BatonPerson  *ana, *ben, *cy;
  BatonClient  *acme, *beta;
  BatonProgram *onboarding, *safety, *sales;
  BatonStage   *backlog, *analysis, *design, *development, *review, *delivered;
  BatonTask    *t1, *t2, *t3, *t4, *t5;
  BatonNote    *n1, *n2, *n3;
} Workspace;

typedef struct
{
  BatonTestWorkspace *ws;
  BatonStore         *store;
  BatonTestRecorder  *rec;
  BatonStore         *other;   /* another store, for foreign records */
  Workspace           w;       /* borrowed from the store */
} Fixture;

static void
fixture_open (Fixture    *fx,
              const char *path)
{
  g_autoptr(GError) local_error = NULL;

  /* SQLite, or the same cases on PostgreSQL (test-store-pg). */
  fx->store = baton_test_engine_open (path, &local_error);
  g_assert_no_error (local_error);
  g_assert_nonnull (fx->store);
  fx->rec = baton_test_recorder_new (fx->store);
}

static void
fixture_setup_file (Fixture       *fx,
                    gconstpointer  data)
{
  fx->ws = baton_test_workspace_new ();
  fixture_open (fx, fx->ws->path);
}

static void
fixture_setup_memory (Fixture       *fx,
                      gconstpointer  data)
{
  fixture_open (fx, ":memory:");
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  baton_test_assert_store_matches_db (fx->store);
  g_clear_pointer (&fx->rec, baton_test_recorder_free);
  g_assert_finalize_object (g_steal_pointer (&fx->store));
  g_clear_object (&fx->other);
  g_clear_pointer (&fx->ws, baton_test_workspace_free);
}

/* Closes and opens the store again (file fixtures only). */
static void
fixture_reopen (Fixture *fx)
{
  g_assert_nonnull (fx->ws);
  g_clear_pointer (&fx->rec, baton_test_recorder_free);
  g_assert_finalize_object (g_steal_pointer (&fx->store));
  memset (&fx->w, 0, sizeof fx->w);
  fixture_open (fx, fx->ws->path);
}

/* A store of its own whose records must be refused by fx->store. */
static BatonStore *
other_store (Fixture *fx)
{
  if (fx->other == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      /* On the same engine, so that ids go the same way. */
      fx->other = baton_test_engine_open (":memory:", &local_error);
      g_assert_no_error (local_error);
    }

  return fx->other;
}

/* Assertions ------------------------------------------------------------- */

static void
assert_message_mentions (const GError *error,
                         const char   *substring)
{
  if (substring == NULL || error == NULL)
    return;

  if (strstr (error->message, substring) == NULL)
    g_test_message ("message “%s” lacks “%s”", error->message, substring);
  g_assert_nonnull (strstr (error->message, substring));
}

/* @call must use `&error`. It must fail with @code, leaving the database,
 * the objects and the history as they were, and emitting nothing. */
#define ASSERT_REFUSED_WITH(fx, code, substring, call) G_STMT_START {           \
    g_autoptr(BatonTestState) state_ = baton_test_state_capture ((fx)->store);  \
    GError *error = NULL;                                                       \
    gboolean ok_;                                                               \
    baton_test_recorder_clear ((fx)->rec);                                      \
    ok_ = ((call) != 0);                                                        \
    g_assert_false (ok_);                                                       \
    baton_test_assert_store_error (error, (code));                              \
    assert_message_mentions (error, (substring));                               \
    baton_test_assert_state_equals (state_, (fx)->store);                       \
    baton_test_assert_log ((fx)->rec, "");                                      \
    g_clear_error (&error);                                                     \
  } G_STMT_END

#define ASSERT_REFUSED(fx, code, call) ASSERT_REFUSED_WITH (fx, code, NULL, call)

/* @call must use `&error` and succeed. */
#define ASSERT_OK(call) G_STMT_START {          \
    GError *error = NULL;                       \
    gboolean ok_ = ((call) != 0);               \
    g_assert_no_error (error);                  \
    g_assert_true (ok_);                        \
    g_clear_error (&error);                     \
  } G_STMT_END

static void G_GNUC_PRINTF (2, 3)
expect_log (Fixture    *fx,
            const char *format,
            ...)
{
  g_autofree char *expected = NULL;
  g_autofree char *log = baton_test_recorder_take (fx->rec);
  va_list args;

  va_start (args, format);
  expected = g_strdup_vprintf (format, args);
  va_end (args);

  g_assert_cmpstr (log, ==, expected);
}

static void
assert_undo_label (Fixture    *fx,
                   const char *label)
{
  g_assert_cmpstr (baton_history_get_undo_label (baton_store_get_history (fx->store)), ==, label);
}

static guint
n_items (GListModel *list)
{
  return g_list_model_get_n_items (list);
}

static guint
list_index (GListModel *list,
            gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    if (baton_test_list_item (list, i) == item)
      return i;

  g_assert_not_reached ();
  return G_MAXUINT;
}

static char *
repeat (const char *unit,
        guint       times)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (s, unit);

  return g_string_free (s, FALSE);
}

/* Builders (assert success; the records are borrowed) ------------------ */

static BatonStage *
stage_at (BatonStore *store,
          guint       index)
{
  return baton_test_list_item (baton_store_get_stages (store), index);
}

static BatonRole *
new_role (BatonStore *store,
          const char *name,
          const char *color)
{
  g_autoptr(GError) local_error = NULL;
  BatonRole *role = baton_store_create_role (store, name, color, &local_error);

  g_assert_no_error (local_error);
  g_assert_nonnull (role);
  return role;
}

static BatonPerson *
new_person (BatonStore *store,
            const char *name,
            gint64      minutes)
{
  g_autoptr(GError) local_error = NULL;
  BatonPerson *person = baton_store_create_person (store, name, NULL, minutes, NULL, &local_error);

  g_assert_no_error (local_error);
  g_assert_nonnull (person);
  return person;
}

static BatonClient *
new_client (BatonStore *store,
            const char *name)
{
  g_autoptr(GError) local_error = NULL;
  BatonClient *client = baton_store_create_client (store, name, NULL, &local_error);

  g_assert_no_error (local_error);
  g_assert_nonnull (client);
  return client;
}

static BatonProgram *
new_program (BatonStore  *store,
             BatonClient *client,
             const char  *name)
{
  g_autoptr(GError) local_error = NULL;
  BatonProgram *program = baton_store_create_program (store, client, name, &local_error);

  g_assert_no_error (local_error);
  g_assert_nonnull (program);
  return program;
}

static BatonTask *
new_task (BatonStore   *store,
          BatonStage   *stage,
          BatonProgram *program,
          const char   *title)
{
  g_autoptr(GError) local_error = NULL;
  BatonTask *task = baton_store_create_task (store, stage, program, title, &local_error);

  g_assert_no_error (local_error);
  g_assert_nonnull (task);
  return task;
}

static BatonNote *
new_note (BatonStore   *store,
          BatonClient  *client,
          BatonProgram *program,
          const char   *title,
          const char   *body)
{
  g_autoptr(GError) local_error = NULL;
  BatonNote *note = baton_store_create_note (store, client, program, title, body, &local_error);

  g_assert_no_error (local_error);
  g_assert_nonnull (note);
  return note;
}

static BatonChecklistItem *
new_item (BatonStore *store,
          BatonTask  *task,
          const char *text)
{
  g_autoptr(GError) local_error = NULL;
  BatonChecklistItem *item = baton_store_add_checklist_item (store, task, text, &local_error);

  g_assert_no_error (local_error);
  g_assert_nonnull (item);
  return item;
}

static void
set_roles (BatonStore   *store,
           BatonPerson  *person,
           gint64        primary,
           guint         n,
           const gint64 *ids)
{
  g_autoptr(GError) local_error = NULL;

  g_assert_true (baton_store_set_person_roles (store, person, ids, n, primary, &local_error));
  g_assert_no_error (local_error);
}

/* Titles of a stage's tasks in board order, comma separated. */
static char *
stage_titles (BatonStore *store,
              BatonStage *stage)
{
  g_autoptr(GPtrArray) tasks = baton_store_get_stage_tasks (store, stage);
  GString *out = g_string_new (NULL);
  gint64 last = G_MININT64;

  for (guint i = 0; i < tasks->len; i++)
    {
      BatonTask *task = g_ptr_array_index (tasks, i);

      g_assert_cmpint (baton_task_get_stage_id (task), ==, baton_test_id (stage));
      /* Board order is strictly increasing positions. */
      g_assert_cmpint (baton_task_get_position (task), >, last);
      last = baton_task_get_position (task);
      g_string_append_printf (out, "%s%s", i > 0 ? "," : "", baton_task_get_title (task));
    }

  return g_string_free (out, FALSE);
}

#define assert_stage_titles(store, stage, expected) G_STMT_START {   \
    g_autofree char *titles_ = stage_titles ((store), (stage));       \
    g_assert_cmpstr (titles_, ==, (expected));                        \
  } G_STMT_END

/* Names of a by-position list, comma separated. */
static char *
list_names (GListModel *list)
{
  GString *out = g_string_new (NULL);
  gint64 last = -1;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_autofree char *name = NULL;
      gint64 position = -1;

      g_object_get (item, "name", &name, "position", &position, NULL);
      /* The list order follows the stored positions. */
      g_assert_cmpint (position, >, last);
      last = position;
      g_string_append_printf (out, "%s%s", i > 0 ? "," : "", name);
    }

  return g_string_free (out, FALSE);
}

#define assert_list_names(list, expected) G_STMT_START {   \
    g_autofree char *names_ = list_names (list);            \
    g_assert_cmpstr (names_, ==, (expected));               \
  } G_STMT_END

/* A workspace with something in every table. Checklist: t1 has two
 * items, t4 one. n1 has a revision. Reviewer is held and needed by
 * nobody; Designer by Ana, Ben, t2 and t4. */
static void
build_workspace (Fixture *fx)
{
  Workspace *w = &fx->w;
  BatonStore *s = fx->store;

  w->backlog = stage_at (s, 0);
  w->analysis = stage_at (s, 1);
  w->design = stage_at (s, 2);
  w->development = stage_at (s, 3);
  w->review = stage_at (s, 4);
  w->delivered = stage_at (s, 5);

  w->writer = new_role (s, "Writer", "#3584e4");
  w->designer = new_role (s, "Designer", NULL);
  w->reviewer = new_role (s, "Reviewer", "#e01b24");

  w->ana = new_person (s, "Ana", 40 * 60);
  w->ben = new_person (s, "Ben", 20 * 60);
  w->cy = new_person (s, "Cy", 32 * 60);
  {
    gint64 ana_roles[] = { baton_test_id (w->writer), baton_test_id (w->designer) };
    gint64 ben_roles[] = { baton_test_id (w->designer) };

    set_roles (s, w->ana, ana_roles[0], 2, ana_roles);
    set_roles (s, w->ben, ben_roles[0], 1, ben_roles);
  }
  ASSERT_OK (baton_store_add_time_off (s, w->ana, "2026-03-02", "2026-03-06", "Holiday", &error));

  w->acme = new_client (s, "Acme");
  w->beta = new_client (s, "Beta");
  w->onboarding = new_program (s, w->acme, "Onboarding");
  w->safety = new_program (s, w->acme, "Safety");
  w->sales = new_program (s, w->beta, "Sales");

  w->t1 = new_task (s, w->backlog, w->onboarding, "Needs analysis");
  w->t2 = new_task (s, w->backlog, w->onboarding, "Storyboard");
  w->t3 = new_task (s, w->backlog, w->safety, "Script");
  w->t4 = new_task (s, w->design, w->sales, "Mockups");
  w->t5 = new_task (s, w->delivered, w->onboarding, "Handout");

  ASSERT_OK (baton_store_update (s, w->t1, &error,
                                 "role-id", baton_test_id (w->writer),
                                 "assignee-id", baton_test_id (w->ana),
                                 "estimate-minutes", (gint64) 600,
                                 "start-date", "2026-03-09",
                                 "due-date", "2026-03-13",
                                 NULL));
  ASSERT_OK (baton_store_update (s, w->t2, &error,
                                 "role-id", baton_test_id (w->designer),
                                 "assignee-id", baton_test_id (w->ben),
                                 "due-date", "2026-03-20",
                                 NULL));
  ASSERT_OK (baton_store_update (s, w->t4, &error,
                                 "role-id", baton_test_id (w->designer),
                                 "assignee-id", baton_test_id (w->ana),
                                 NULL));

  new_item (s, w->t1, "Interview");
  new_item (s, w->t1, "Survey");
  new_item (s, w->t4, "Wireframes");

  w->n1 = new_note (s, w->acme, w->onboarding, "Needs analysis", "# Needs\n");
  ASSERT_OK (baton_store_update_note (s, w->n1, "Needs analysis", "# Needs\n\n- more\n", TRUE, &error));
  w->n2 = new_note (s, w->beta, NULL, "Call", "Called Beta.");
  w->n3 = new_note (s, w->acme, NULL, "General", "Notes about Acme.");

  g_assert_cmpuint (n_items (baton_store_get_note_revisions (s)), ==, 1);
  baton_test_recorder_clear (fx->rec);
}

/* Opening ---------------------------------------------------------------- */

static void
test_default_workspace (Fixture       *fx,
                        gconstpointer  data)
{
  static const char * const names[] = { "Backlog", "Analysis", "Design", "Development", "Review", "Delivered" };
  GListModel *stages = baton_store_get_stages (fx->store);

  g_assert_cmpuint (n_items (stages), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      BatonStage *stage = stage_at (fx->store, i);

      g_assert_cmpstr (baton_stage_get_name (stage), ==, names[i]);
      g_assert_cmpint (baton_stage_get_position (stage), ==, i);
      g_assert_cmpint (baton_stage_get_wip_limit (stage), ==, 0);
      /* Only Delivered is done. */
      g_assert_cmpint (baton_stage_get_is_done (stage), ==, i == G_N_ELEMENTS (names) - 1);
    }

  g_assert_true (baton_store_is_empty (fx->store));
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (fx->store)));
  g_assert_false (baton_history_get_can_redo (baton_store_get_history (fx->store)));
  g_assert_cmpuint (n_items (baton_store_get_roles (fx->store)), ==, 0);
  g_assert_cmpuint (n_items (baton_store_get_tasks (fx->store)), ==, 0);
  baton_test_assert_store_matches_db (fx->store);

  {
    g_autofree char *path = NULL;
    g_autoptr(BatonHistory) history = NULL;

    g_object_get (fx->store, "path", &path, "history", &history, NULL);
    if (baton_test_engine_is_postgres ())
      g_assert_true (baton_store_is_team_location (path));
    else
      g_assert_cmpstr (path, ==, fx->ws->path);
    g_assert_true (history == baton_store_get_history (fx->store));
  }
}

static void
test_reopen (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *memory = NULL;
  g_autofree char *db = NULL;
  g_autofree char *reopened = NULL;

  build_workspace (fx);
  ASSERT_OK (baton_store_move_stage (fx->store, fx->w.review, 0, &error));
  ASSERT_OK (baton_store_move_role (fx->store, fx->w.reviewer, 0, &error));
  memory = baton_test_dump_store (fx->store);
  db = baton_test_dump_store_db (fx->store);

  fixture_reopen (fx);

  /* The same objects in the same order, and no undo history on disk. */
  reopened = baton_test_dump_store (fx->store);
  g_assert_cmpstr (reopened, ==, memory);
  {
    g_autofree char *db_again = baton_test_dump_store_db (fx->store);
    g_assert_cmpstr (db_again, ==, db);
  }
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (fx->store)));
  g_assert_false (baton_store_is_empty (fx->store));
  assert_list_names (baton_store_get_stages (fx->store), "Review,Backlog,Analysis,Design,Development,Delivered");
}

static void
test_is_empty (Fixture       *fx,
               gconstpointer  data)
{
  BatonClient *client;

  g_assert_true (baton_store_is_empty (fx->store));

  /* Stages do not count: a workspace with only a board is empty. */
  new_task (fx->store, stage_at (fx->store, 0), NULL, "First card");
  g_assert_false (baton_store_is_empty (fx->store));
  ASSERT_OK (baton_store_undo (fx->store, &error));
  g_assert_true (baton_store_is_empty (fx->store));

  ASSERT_OK (baton_store_create_stage (fx->store, "Extra", 0, &error));
  g_assert_true (baton_store_is_empty (fx->store));

  client = new_client (fx->store, "Acme");
  g_assert_false (baton_store_is_empty (fx->store));
  ASSERT_OK (baton_store_delete (fx->store, client, &error));
  g_assert_true (baton_store_is_empty (fx->store));

  new_role (fx->store, "Writer", NULL);
  g_assert_false (baton_store_is_empty (fx->store));
}

static void
test_identity_map (Fixture       *fx,
                   gconstpointer  data)
{
  guint n_schemas;
  const BatonRecordSchema * const *schemas = _baton_store_get_schemas (&n_schemas);

  build_workspace (fx);

  g_assert_true (baton_store_get_list (fx->store, BATON_TYPE_TASK) == baton_store_get_tasks (fx->store));
  g_assert_true (baton_store_get_list (fx->store, BATON_TYPE_ROLE) == baton_store_get_roles (fx->store));
  g_assert_true (baton_store_get_list (fx->store, BATON_TYPE_PERSON) == baton_store_get_people (fx->store));
  g_assert_true (baton_store_get_list (fx->store, BATON_TYPE_PERSON_ROLE) == baton_store_get_person_roles (fx->store));
  g_assert_true (baton_store_get_list (fx->store, BATON_TYPE_TIME_OFF) == baton_store_get_time_off (fx->store));
  g_assert_true (baton_store_get_list (fx->store, BATON_TYPE_CLIENT) == baton_store_get_clients (fx->store));
  g_assert_true (baton_store_get_list (fx->store, BATON_TYPE_PROGRAM) == baton_store_get_programs (fx->store));
  g_assert_true (baton_store_get_list (fx->store, BATON_TYPE_STAGE) == baton_store_get_stages (fx->store));
  g_assert_true (baton_store_get_list (fx->store, BATON_TYPE_CHECKLIST_ITEM) == baton_store_get_checklist_items (fx->store));
  g_assert_true (baton_store_get_list (fx->store, BATON_TYPE_NOTE) == baton_store_get_notes (fx->store));
  g_assert_true (baton_store_get_list (fx->store, BATON_TYPE_NOTE_REVISION) == baton_store_get_note_revisions (fx->store));

  /* Every listed object is the one lookup returns (checked by the dump)
   * and the typed macros agree. */
  g_free (baton_test_dump_store (fx->store));
  g_assert_true (baton_store_lookup_task (fx->store, baton_test_id (fx->w.t3)) == fx->w.t3);
  g_assert_true (baton_store_lookup_person (fx->store, baton_test_id (fx->w.ben)) == fx->w.ben);
  g_assert_true (baton_store_lookup_role (fx->store, baton_test_id (fx->w.writer)) == fx->w.writer);
  g_assert_true (baton_store_lookup_stage (fx->store, baton_test_id (fx->w.review)) == fx->w.review);
  g_assert_true (baton_store_lookup_program (fx->store, baton_test_id (fx->w.sales)) == fx->w.sales);
  g_assert_true (baton_store_lookup_client (fx->store, baton_test_id (fx->w.beta)) == fx->w.beta);
  g_assert_true (baton_store_lookup_note (fx->store, baton_test_id (fx->w.n2)) == fx->w.n2);

  for (guint s = 0; s < n_schemas; s++)
    {
      g_assert_null (baton_store_lookup (fx->store, schemas[s]->get_type (), 0));
      g_assert_null (baton_store_lookup (fx->store, schemas[s]->get_type (), 987654));
    }

  /* An update changes the object in place. */
  ASSERT_OK (baton_store_update (fx->store, fx->w.t3, &error, "title", "Script v2", NULL));
  g_assert_true (baton_store_lookup_task (fx->store, baton_test_id (fx->w.t3)) == fx->w.t3);
  g_assert_cmpstr (baton_task_get_title (fx->w.t3), ==, "Script v2");

  /* A deleted object is no longer found. */
  {
    gint64 id = baton_test_id (fx->w.t3);

    ASSERT_OK (baton_store_delete (fx->store, fx->w.t3, &error));
    g_assert_null (baton_store_lookup_task (fx->store, id));
  }
}

/* Roles ------------------------------------------------------------------ */

static void
test_role_create (Fixture       *fx,
                  gconstpointer  data)
{
  GListModel *roles = baton_store_get_roles (fx->store);
  BatonRole *writer, *designer;

  writer = baton_store_create_role (fx->store, "  Writer \t", "#ABCDEF", NULL);
  g_assert_nonnull (writer);
  expect_log (fx, "roles 0-0+1\nchanged\n");
  g_assert_cmpstr (baton_role_get_name (writer), ==, "Writer");
  g_assert_cmpstr (baton_role_get_color (writer), ==, "#abcdef");
  g_assert_cmpint (baton_role_get_position (writer), ==, 0);
  g_assert_cmpint (baton_test_id (writer), >, 0);
  g_assert_true (baton_test_list_item (roles, 0) == writer);
  g_assert_true (baton_store_lookup_role (fx->store, baton_test_id (writer)) == writer);
  assert_undo_label (fx, "Add role");

  designer = new_role (fx->store, "Designer", NULL);
  expect_log (fx, "roles 1-0+1\nchanged\n");
  g_assert_null (baton_role_get_color (designer));
  g_assert_cmpint (baton_role_get_position (designer), ==, 1);
  assert_list_names (roles, "Writer,Designer");

  /* 500 characters is the limit, in characters, not bytes. */
  {
    g_autofree char *longest = repeat ("é", BATON_MAX_NAME_LENGTH);
    BatonRole *role = new_role (fx->store, longest, NULL);

    g_assert_cmpstr (baton_role_get_name (role), ==, longest);
    expect_log (fx, "roles 2-0+1\nchanged\n");
  }
  baton_test_assert_store_matches_db (fx->store);
}

static void
test_role_create_invalid (Fixture       *fx,
                          gconstpointer  data)
{
  g_autofree char *too_long = repeat ("a", BATON_MAX_NAME_LENGTH + 1);
  BatonStore *s = fx->store;

  new_role (s, "Writer", NULL);
  baton_test_recorder_clear (fx->rec);

  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "name", baton_store_create_role (s, "", NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_role (s, NULL, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_role (s, "   \t\n", NULL, &error));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "500", baton_store_create_role (s, too_long, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_role (s, "Bad \xff text", NULL, &error));

  /* Duplicate names, ignoring case and surrounding space. */
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "Writer", baton_store_create_role (s, "Writer", NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_role (s, "writer", NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_role (s, "  WRITER ", NULL, &error));

  /* Colors. */
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "blue", baton_store_create_role (s, "Designer", "blue", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_role (s, "Designer", "#12345", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_role (s, "Designer", "#12345g", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_role (s, "Designer", "123456", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_role (s, "Designer", "#fff", &error));
}

static void
test_role_update (Fixture       *fx,
                  gconstpointer  data)
{
  BatonRole *writer = new_role (fx->store, "Writer", NULL);
  BatonRole *designer = new_role (fx->store, "Designer", NULL);
  g_autoptr(BatonTestNotify) name = baton_test_notify_new (writer, "name");
  g_autoptr(BatonTestNotify) color = baton_test_notify_new (writer, "color");
  g_autoptr(BatonTestNotify) other = baton_test_notify_new (designer, "name");

  baton_test_recorder_clear (fx->rec);

  ASSERT_OK (baton_store_update (fx->store, writer, &error, "name", " Author ", "color", "#FF0000", NULL));
  g_assert_cmpstr (baton_role_get_name (writer), ==, "Author");
  g_assert_cmpstr (baton_role_get_color (writer), ==, "#ff0000");
  g_assert_cmpuint (name->count, ==, 1);
  g_assert_cmpuint (color->count, ==, 1);
  g_assert_cmpuint (other->count, ==, 0);
  g_assert_cmpuint (fx->rec->n_changed, ==, 1);
  /* Labels name the record as it was. */
  assert_undo_label (fx, "Edit “Writer”");
  baton_test_recorder_clear (fx->rec);

  /* A role may change the case of its own name. */
  ASSERT_OK (baton_store_update (fx->store, writer, &error, "name", "AUTHOR", NULL));
  g_assert_cmpstr (baton_role_get_name (writer), ==, "AUTHOR");
  g_assert_cmpuint (color->count, ==, 1);

  /* But not take another role's name. */
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "Designer",
                       baton_store_update (fx->store, writer, &error, "name", "designer", NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (fx->store, writer, &error, "name", "  ", NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (fx->store, writer, &error, "color", "red", NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (fx->store, writer, &error, "position", (gint64) -1, NULL));
}

/* Renaming a role or a stage does not move it: its list must not report
 * a removal and an insertion (a list view would rebuild the row or the
 * whole board column and lose its selection). */
static void
test_rename_keeps_list (Fixture       *fx,
                        gconstpointer  data)
{
  BatonRole *writer = new_role (fx->store, "Writer", NULL);
  BatonStage *design = stage_at (fx->store, 2);

  new_role (fx->store, "Designer", NULL);
  baton_test_recorder_clear (fx->rec);

  ASSERT_OK (baton_store_update (fx->store, writer, &error, "name", "Author", NULL));
  expect_log (fx, "changed\n");

  ASSERT_OK (baton_store_update (fx->store, design, &error, "wip-limit", (gint64) 3, NULL));
  expect_log (fx, "changed\n");

  ASSERT_OK (baton_store_undo (fx->store, &error));
  expect_log (fx, "changed\n");
}

static void
test_role_move (Fixture       *fx,
                gconstpointer  data)
{
  GListModel *roles = baton_store_get_roles (fx->store);
  BatonRole *a = new_role (fx->store, "A", NULL);
  BatonRole *c;
  g_autoptr(BatonTestNotify) position = NULL;

  new_role (fx->store, "B", NULL);
  c = new_role (fx->store, "C", NULL);
  new_role (fx->store, "D", NULL);
  baton_test_recorder_clear (fx->rec);
  position = baton_test_notify_new (c, "position");

  ASSERT_OK (baton_store_move_role (fx->store, c, 0, &error));
  assert_list_names (roles, "C,A,B,D");
  g_assert_cmpuint (position->count, ==, 1);
  g_assert_cmpuint (fx->rec->n_changed, ==, 1);
  g_assert_true (g_str_has_prefix (baton_history_get_undo_label (baton_store_get_history (fx->store)), "Move"));
  baton_test_recorder_clear (fx->rec);   /* checks the mirrors */

  ASSERT_OK (baton_store_move_role (fx->store, a, 3, &error));
  assert_list_names (roles, "C,B,D,A");

  /* To where it is: nothing to do. */
  ASSERT_OK (baton_store_move_role (fx->store, a, 3, &error));
  assert_list_names (roles, "C,B,D,A");

  ASSERT_OK (baton_store_undo (fx->store, &error));
  assert_list_names (roles, "C,A,B,D");
  ASSERT_OK (baton_store_undo (fx->store, &error));
  assert_list_names (roles, "A,B,C,D");
  ASSERT_OK (baton_store_redo (fx->store, &error));
  assert_list_names (roles, "C,A,B,D");
}

static void
test_role_move_invalid (Fixture       *fx,
                        gconstpointer  data)
{
  BatonRole *a = new_role (fx->store, "A", NULL);
  BatonRole *foreign = new_role (other_store (fx), "A", NULL);
  g_autoptr(BatonRole) gone = g_object_ref (new_role (fx->store, "Gone", NULL));

  new_role (fx->store, "B", NULL);
  ASSERT_OK (baton_store_delete (fx->store, gone, &error));

  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_move_role (fx->store, a, 2, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_move_role (fx->store, a, G_MAXUINT, &error));
  /* Same id in another store: still not ours. */
  g_assert_cmpint (baton_test_id (foreign), ==, baton_test_id (a));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_move_role (fx->store, foreign, 0, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_move_role (fx->store, gone, 0, &error));
}

static void
test_role_delete (Fixture       *fx,
                  gconstpointer  data)
{
  GListModel *roles;
  guint index;
  gint64 id;

  build_workspace (fx);
  roles = baton_store_get_roles (fx->store);
  index = list_index (roles, fx->w.reviewer);
  id = baton_test_id (fx->w.reviewer);

  ASSERT_OK (baton_store_delete (fx->store, fx->w.reviewer, &error));
  expect_log (fx, "roles %u-1+0\nchanged\n", index);
  g_assert_null (baton_store_lookup_role (fx->store, id));
  assert_undo_label (fx, "Delete “Reviewer”");
  fx->w.reviewer = NULL;

  ASSERT_OK (baton_store_undo (fx->store, &error));
  expect_log (fx, "roles %u-0+1\nchanged\n", index);
  g_assert_cmpstr (baton_role_get_name (baton_store_lookup_role (fx->store, id)), ==, "Reviewer");
}

static void
test_role_delete_in_use (Fixture       *fx,
                         gconstpointer  data)
{
  BatonStore *s = fx->store;

  build_workspace (fx);

  /* Held by Ana and Ben, needed by two tasks. */
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_IN_USE, "2", baton_store_delete (s, fx->w.designer, &error));
  /* Held by Ana, needed by one task. */
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_IN_USE, "1", baton_store_delete (s, fx->w.writer, &error));

  /* Only held: still refused. */
  ASSERT_OK (baton_store_update (s, fx->w.t1, &error, "role-id", (gint64) 0, NULL));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_IN_USE, "1", baton_store_delete (s, fx->w.writer, &error));

  /* Free at last. */
  {
    gint64 ids[] = { baton_test_id (fx->w.designer) };
    set_roles (s, fx->w.ana, ids[0], 1, ids);
  }
  ASSERT_OK (baton_store_delete (s, fx->w.writer, &error));
}

/* The message counts with the right plural, as people read it. */
static void
test_role_delete_in_use_message (Fixture       *fx,
                                 gconstpointer  data)
{
  build_workspace (fx);

  /* Designer: two tasks, two role assignments. */
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_IN_USE, "2 tasks", baton_store_delete (fx->store, fx->w.designer, &error));
}

/* People ----------------------------------------------------------------- */

static void
test_person_create (Fixture       *fx,
                    gconstpointer  data)
{
  BatonPerson *ana, *max, *zero;
  g_autoptr(GError) local_error = NULL;

  ana = baton_store_create_person (fx->store, " Ana ", "ana@example.com", 40 * 60, "#33D17A", &local_error);
  g_assert_no_error (local_error);
  expect_log (fx, "people 0-0+1\nchanged\n");
  g_assert_cmpstr (baton_person_get_name (ana), ==, "Ana");
  g_assert_cmpstr (baton_person_get_email (ana), ==, "ana@example.com");
  g_assert_cmpint (baton_person_get_weekly_capacity_minutes (ana), ==, 2400);
  g_assert_cmpstr (baton_person_get_color (ana), ==, "#33d17a");
  g_assert_false (baton_person_get_archived (ana));
  assert_undo_label (fx, "Add person");

  /* Boundaries are accepted; empty email is no email. */
  max = baton_store_create_person (fx->store, "Max", "", BATON_MAX_WEEKLY_CAPACITY_MINUTES, NULL, &local_error);
  g_assert_no_error (local_error);
  g_assert_null (baton_person_get_email (max));
  zero = new_person (fx->store, "Zero", 0);
  g_assert_cmpint (baton_person_get_weekly_capacity_minutes (zero), ==, 0);
  expect_log (fx, "people 1-0+1\nchanged\npeople 2-0+1\nchanged\n");

  /* Names need not be unique. */
  new_person (fx->store, "Ana", 60);
}

static void
test_person_create_invalid (Fixture       *fx,
                            gconstpointer  data)
{
  g_autofree char *too_long = repeat ("ü", BATON_MAX_NAME_LENGTH + 1);
  BatonStore *s = fx->store;

  new_person (s, "Ana", 2400);
  baton_test_recorder_clear (fx->rec);

  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_person (s, "", NULL, 60, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_person (s, " \t ", NULL, 60, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_person (s, NULL, NULL, 60, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_person (s, too_long, NULL, 60, NULL, &error));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "weekly capacity",
                       baton_store_create_person (s, "Ben", NULL, -1, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_person (s, "Ben", NULL, -2400, NULL, &error));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "168",
                       baton_store_create_person (s, "Ben", NULL, BATON_MAX_WEEKLY_CAPACITY_MINUTES + 1, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_person (s, "Ben", NULL, G_MAXINT64, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_person (s, "Ben", NULL, G_MININT64, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_person (s, "Ben", NULL, 60, "green", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_person (s, "Ben", "\xc3\x28", 60, NULL, &error));
}

static void
test_person_update (Fixture       *fx,
                    gconstpointer  data)
{
  BatonPerson *ana = new_person (fx->store, "Ana", 2400);
  g_autoptr(BatonTestNotify) capacity = baton_test_notify_new (ana, "weekly-capacity-minutes");
  g_autoptr(BatonTestNotify) archived = baton_test_notify_new (ana, "archived");
  g_autoptr(BatonTestNotify) name = baton_test_notify_new (ana, "name");

  baton_test_recorder_clear (fx->rec);
  ASSERT_OK (baton_store_update (fx->store, ana, &error,
                                 "weekly-capacity-minutes", (gint64) 1800,
                                 "archived", (gboolean) TRUE, NULL));
  g_assert_cmpint (baton_person_get_weekly_capacity_minutes (ana), ==, 1800);
  g_assert_true (baton_person_get_archived (ana));
  g_assert_cmpuint (capacity->count, ==, 1);
  g_assert_cmpuint (archived->count, ==, 1);
  g_assert_cmpuint (name->count, ==, 0);
  expect_log (fx, "changed\n");

  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (fx->store, ana, &error, "weekly-capacity-minutes", (gint64) -1, NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (fx->store, ana, &error, "weekly-capacity-minutes",
                                      (gint64) BATON_MAX_WEEKLY_CAPACITY_MINUTES + 1, NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (fx->store, ana, &error, "name", "", NULL));
  /* One bad value refuses the whole update. */
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (fx->store, ana, &error, "name", "Anna",
                                      "weekly-capacity-minutes", (gint64) 99999999, NULL));
  g_assert_cmpstr (baton_person_get_name (ana), ==, "Ana");
}

static void
test_person_roles (Fixture       *fx,
                   gconstpointer  data)
{
  BatonRole *writer = new_role (fx->store, "Writer", NULL);
  BatonRole *designer = new_role (fx->store, "Designer", NULL);
  BatonRole *reviewer = new_role (fx->store, "Reviewer", NULL);
  BatonPerson *ana = new_person (fx->store, "Ana", 2400);
  BatonPerson *ben = new_person (fx->store, "Ben", 2400);
  gint64 w = baton_test_id (writer), d = baton_test_id (designer), r = baton_test_id (reviewer);
  GListModel *links = baton_store_get_person_roles (fx->store);
  g_autoptr(GArray) ids = NULL;

  g_assert_false (baton_store_person_has_role (fx->store, ana, w));
  g_assert_cmpint (baton_store_get_primary_role_id (fx->store, ana), ==, 0);
  baton_test_recorder_clear (fx->rec);

  {
    gint64 roles[] = { w, d };
    set_roles (fx->store, ana, d, 2, roles);
  }
  expect_log (fx, "person_roles 0-0+1\nperson_roles 1-0+1\nchanged\n");
  assert_undo_label (fx, "Change roles of “Ana”");
  g_assert_true (baton_store_person_has_role (fx->store, ana, w));
  g_assert_true (baton_store_person_has_role (fx->store, ana, d));
  g_assert_false (baton_store_person_has_role (fx->store, ana, r));
  g_assert_false (baton_store_person_has_role (fx->store, ben, d));
  g_assert_cmpint (baton_store_get_primary_role_id (fx->store, ana), ==, d);
  ids = baton_store_get_person_role_ids (fx->store, ana);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, d);   /* primary first */
  g_assert_cmpint (g_array_index (ids, gint64, 1), ==, w);
  g_clear_pointer (&ids, g_array_unref);

  /* Change the primary only: one link changes, none is replaced. */
  {
    BatonPersonRole *first = baton_test_list_item (links, 0);
    BatonPersonRole *second = baton_test_list_item (links, 1);
    gint64 roles[] = { w, d };
    g_autoptr(BatonTestNotify) p1 = baton_test_notify_new (first, "is-primary");
    g_autoptr(BatonTestNotify) p2 = baton_test_notify_new (second, "is-primary");

    set_roles (fx->store, ana, w, 2, roles);
    expect_log (fx, "changed\n");
    g_assert_cmpuint (p1->count, ==, 1);
    g_assert_cmpuint (p2->count, ==, 1);
    g_assert_true (baton_test_list_item (links, 0) == first);
    g_assert_cmpint (baton_store_get_primary_role_id (fx->store, ana), ==, w);
  }

  /* Replace one role by another; Ben's links are not touched. */
  {
    gint64 ben_roles[] = { r };
    gint64 roles[] = { r, w };

    set_roles (fx->store, ben, r, 1, ben_roles);
    baton_test_recorder_clear (fx->rec);
    set_roles (fx->store, ana, r, 2, roles);
    expect_log (fx, "person_roles 1-1+0\nperson_roles 2-0+1\nchanged\n");
    ids = baton_store_get_person_role_ids (fx->store, ana);
    g_assert_cmpuint (ids->len, ==, 2);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, r);
    g_assert_cmpint (g_array_index (ids, gint64, 1), ==, w);
    g_clear_pointer (&ids, g_array_unref);
    g_assert_true (baton_store_person_has_role (fx->store, ben, r));
  }

  /* No roles at all. */
  set_roles (fx->store, ana, 0, 0, NULL);
  g_assert_false (baton_store_person_has_role (fx->store, ana, w));
  g_assert_cmpint (baton_store_get_primary_role_id (fx->store, ana), ==, 0);
  g_assert_cmpuint (n_items (links), ==, 1);

  /* Undo walks back each step. */
  ASSERT_OK (baton_store_undo (fx->store, &error));
  g_assert_cmpint (baton_store_get_primary_role_id (fx->store, ana), ==, r);
  ASSERT_OK (baton_store_undo (fx->store, &error));
  ASSERT_OK (baton_store_undo (fx->store, &error));
  ASSERT_OK (baton_store_undo (fx->store, &error));
  g_assert_cmpint (baton_store_get_primary_role_id (fx->store, ana), ==, d);
}

static void
test_person_roles_invalid (Fixture       *fx,
                           gconstpointer  data)
{
  BatonRole *writer = new_role (fx->store, "Writer", NULL);
  BatonRole *designer = new_role (fx->store, "Designer", NULL);
  g_autoptr(BatonRole) gone = g_object_ref (new_role (fx->store, "Gone", NULL));
  BatonPerson *ana = new_person (fx->store, "Ana", 2400);
  BatonPerson *foreign = new_person (other_store (fx), "Ana", 2400);
  g_autoptr(BatonPerson) left = g_object_ref (new_person (fx->store, "Left", 2400));
  gint64 w = baton_test_id (writer), d = baton_test_id (designer), g = baton_test_id (gone);

  {
    gint64 roles[] = { w };
    set_roles (fx->store, ana, w, 1, roles);
  }
  ASSERT_OK (baton_store_delete (fx->store, gone, &error));
  ASSERT_OK (baton_store_delete (fx->store, left, &error));

  {
    gint64 unknown[] = { w, 4242 };
    gint64 deleted[] = { g };
    gint64 zero[] = { 0 };
    gint64 twice[] = { w, d, w };
    gint64 roles[] = { w, d };

    ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                    baton_store_set_person_roles (fx->store, ana, unknown, 2, w, &error));
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                    baton_store_set_person_roles (fx->store, ana, deleted, 1, g, &error));
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                    baton_store_set_person_roles (fx->store, ana, zero, 1, 0, &error));
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                    baton_store_set_person_roles (fx->store, ana, twice, 3, w, &error));
    /* The primary must be among the roles. */
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                    baton_store_set_person_roles (fx->store, ana, roles, 1, d, &error));
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                    baton_store_set_person_roles (fx->store, ana, roles, 2, 0, &error));
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                    baton_store_set_person_roles (fx->store, ana, NULL, 0, w, &error));
    /* Unknown people. */
    g_assert_cmpint (baton_test_id (foreign), ==, baton_test_id (ana));
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                    baton_store_set_person_roles (fx->store, foreign, roles, 2, w, &error));
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                    baton_store_set_person_roles (fx->store, left, roles, 2, w, &error));
  }

  g_assert_cmpint (baton_store_get_primary_role_id (fx->store, ana), ==, w);
}

static void
test_time_off (Fixture       *fx,
               gconstpointer  data)
{
  BatonPerson *ana = new_person (fx->store, "Ana", 2400);
  BatonTimeOff *off;
  g_autoptr(GError) local_error = NULL;

  baton_test_recorder_clear (fx->rec);
  off = baton_store_add_time_off (fx->store, ana, "2026-03-02", "2026-03-06", "Holiday", &local_error);
  g_assert_no_error (local_error);
  g_assert_nonnull (off);
  expect_log (fx, "time_off 0-0+1\nchanged\n");
  g_assert_cmpint (baton_time_off_get_person_id (off), ==, baton_test_id (ana));
  g_assert_cmpstr (baton_time_off_get_start_date (off), ==, "2026-03-02");
  g_assert_cmpstr (baton_time_off_get_end_date (off), ==, "2026-03-06");
  g_assert_cmpstr (baton_time_off_get_note (off), ==, "Holiday");
  assert_undo_label (fx, "Add time off");

  /* One day; no note. */
  off = baton_store_add_time_off (fx->store, ana, "2026-12-31", "2026-12-31", NULL, &local_error);
  g_assert_no_error (local_error);
  g_assert_null (baton_time_off_get_note (off));
}

static void
test_time_off_invalid (Fixture       *fx,
                       gconstpointer  data)
{
  BatonPerson *ana = new_person (fx->store, "Ana", 2400);
  BatonPerson *foreign = new_person (other_store (fx), "Ana", 2400);
  g_autoptr(BatonPerson) left = g_object_ref (new_person (fx->store, "Left", 2400));
  BatonStore *s = fx->store;

  ASSERT_OK (baton_store_delete (s, left, &error));

  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "2026-02-30",
                       baton_store_add_time_off (s, ana, "2026-02-30", "2026-03-02", NULL, &error));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "tomorrow",
                       baton_store_add_time_off (s, ana, "2026-03-02", "tomorrow", NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_add_time_off (s, ana, "2026-2-3", "2026-03-02", NULL, &error));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "before",
                       baton_store_add_time_off (s, ana, "2026-03-06", "2026-03-02", NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_add_time_off (s, ana, NULL, "2026-03-02", NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_add_time_off (s, ana, "2026-03-02", "", NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                  baton_store_add_time_off (s, foreign, "2026-03-02", "2026-03-06", NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                  baton_store_add_time_off (s, left, "2026-03-02", "2026-03-06", NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                  baton_store_add_time_off (s, NULL, "2026-03-02", "2026-03-06", NULL, &error));
}

static void
test_person_delete (Fixture       *fx,
                    gconstpointer  data)
{
  Workspace *w = &fx->w;
  g_autoptr(BatonTestState) before = NULL;
  g_autoptr(BatonTestNotify) t1_assignee = NULL;
  g_autoptr(BatonTestNotify) t2_assignee = NULL;
  gint64 ana_id;

  build_workspace (fx);
  before = baton_test_state_capture (fx->store);
  ana_id = baton_test_id (w->ana);
  t1_assignee = baton_test_notify_new (w->t1, "assignee-id");
  t2_assignee = baton_test_notify_new (w->t2, "assignee-id");

  ASSERT_OK (baton_store_delete (fx->store, w->ana, &error));
  w->ana = NULL;
  g_assert_cmpuint (fx->rec->n_changed, ==, 1);
  baton_test_recorder_clear (fx->rec);

  /* Her roles and time off went with her, her tasks are unassigned (the
   * same task objects, notified), Ben's are untouched. */
  g_assert_null (baton_store_lookup_person (fx->store, ana_id));
  g_assert_cmpuint (n_items (baton_store_get_person_roles (fx->store)), ==, 1);
  g_assert_cmpuint (n_items (baton_store_get_time_off (fx->store)), ==, 0);
  g_assert_true (baton_store_lookup_task (fx->store, baton_test_id (w->t1)) == w->t1);
  g_assert_cmpint (baton_task_get_assignee_id (w->t1), ==, 0);
  g_assert_cmpint (baton_task_get_assignee_id (w->t4), ==, 0);
  g_assert_cmpint (baton_task_get_assignee_id (w->t2), ==, baton_test_id (w->ben));
  g_assert_cmpuint (t1_assignee->count, ==, 1);
  g_assert_cmpuint (t2_assignee->count, ==, 0);
  g_assert_cmpuint (n_items (baton_store_get_tasks (fx->store)), ==, 5);
  assert_undo_label (fx, "Delete “Ana”");

  ASSERT_OK (baton_store_undo (fx->store, &error));
  baton_test_assert_data_equals (before, fx->store);
  g_assert_cmpint (baton_task_get_assignee_id (w->t1), ==, ana_id);
  g_assert_cmpuint (t1_assignee->count, ==, 2);
}

/* Clients and programs --------------------------------------------------- */

static void
test_client_create (Fixture       *fx,
                    gconstpointer  data)
{
  BatonClient *acme;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *too_long = repeat ("x", BATON_MAX_NAME_LENGTH + 1);

  acme = baton_store_create_client (fx->store, " Acme ", "Acme <Corp> & Sons", &local_error);
  g_assert_no_error (local_error);
  expect_log (fx, "clients 0-0+1\nchanged\n");
  g_assert_cmpstr (baton_client_get_name (acme), ==, "Acme");
  g_assert_cmpstr (baton_client_get_organization (acme), ==, "Acme <Corp> & Sons");
  g_assert_null (baton_client_get_contact_name (acme));
  g_assert_false (baton_client_get_archived (acme));
  assert_undo_label (fx, "Add client");

  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_client (fx->store, "", NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_client (fx->store, "  ", "Org", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_client (fx->store, too_long, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_client (fx->store, NULL, NULL, &error));

  {
    g_autoptr(BatonTestNotify) archived = baton_test_notify_new (acme, "archived");

    ASSERT_OK (baton_store_update (fx->store, acme, &error, "archived", (gboolean) TRUE,
                                   "email", "dana@acme.test", NULL));
    g_assert_cmpuint (archived->count, ==, 1);
    g_assert_cmpstr (baton_client_get_email (acme), ==, "dana@acme.test");
  }
}

static void
test_program_create (Fixture       *fx,
                     gconstpointer  data)
{
  BatonClient *acme = new_client (fx->store, "Acme");
  BatonClient *foreign = new_client (other_store (fx), "Acme");
  g_autoptr(BatonClient) gone = g_object_ref (new_client (fx->store, "Gone"));
  BatonProgram *program;
  g_autoptr(GError) local_error = NULL;

  ASSERT_OK (baton_store_delete (fx->store, gone, &error));
  baton_test_recorder_clear (fx->rec);

  program = baton_store_create_program (fx->store, acme, "  Onboarding ", &local_error);
  g_assert_no_error (local_error);
  expect_log (fx, "programs 0-0+1\nchanged\n");
  g_assert_cmpint (baton_program_get_client_id (program), ==, baton_test_id (acme));
  g_assert_cmpstr (baton_program_get_name (program), ==, "Onboarding");
  g_assert_null (baton_program_get_start_date (program));
  assert_undo_label (fx, "Add program");

  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_program (fx->store, acme, "", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_program (fx->store, acme, "\t", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_create_program (fx->store, foreign, "X", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_create_program (fx->store, gone, "X", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_create_program (fx->store, NULL, "X", &error));
}

static void
test_program_dates (Fixture       *fx,
                    gconstpointer  data)
{
  BatonClient *acme = new_client (fx->store, "Acme");
  BatonProgram *program = new_program (fx->store, acme, "Onboarding");
  g_autoptr(BatonTestNotify) due = baton_test_notify_new (program, "due-date");
  BatonStore *s = fx->store;

  ASSERT_OK (baton_store_update (s, program, &error, "start-date", "2026-03-01", "due-date", "2026-06-30", NULL));
  g_assert_cmpstr (baton_program_get_start_date (program), ==, "2026-03-01");
  g_assert_cmpstr (baton_program_get_due_date (program), ==, "2026-06-30");
  g_assert_cmpuint (due->count, ==, 1);

  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "before",
                       baton_store_update (s, program, &error, "due-date", "2026-02-28", NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (s, program, &error, "start-date", "2026-07-01", NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (s, program, &error, "due-date", "2026-02-30", NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (s, program, &error, "start-date", "tomorrow", NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (s, program, &error, "start-date", "2026-3-1", NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (s, program, &error, "color", "#12", NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                  baton_store_update (s, program, &error, "client-id", (gint64) 999, NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (s, program, &error, "client-id", (gint64) 0, NULL));

  /* A one-day program, then no dates at all. */
  ASSERT_OK (baton_store_update (s, program, &error, "start-date", "2026-06-30", NULL));
  ASSERT_OK (baton_store_update (s, program, &error, "start-date", NULL, "due-date", "", NULL));
  g_assert_null (baton_program_get_start_date (program));
  g_assert_null (baton_program_get_due_date (program));
}

static void
test_client_delete (Fixture       *fx,
                    gconstpointer  data)
{
  Workspace *w = &fx->w;
  g_autoptr(BatonTestState) before = NULL;
  gint64 beta_id, sales_id, t4_id, n2_id;

  build_workspace (fx);
  before = baton_test_state_capture (fx->store);
  beta_id = baton_test_id (w->beta);
  sales_id = baton_test_id (w->sales);
  t4_id = baton_test_id (w->t4);
  n2_id = baton_test_id (w->n2);

  /* Beta: its program, that program's task and checklist, its note. */
  ASSERT_OK (baton_store_delete (fx->store, w->beta, &error));
  g_assert_cmpuint (fx->rec->n_changed, ==, 1);
  g_assert_null (baton_store_lookup_client (fx->store, beta_id));
  g_assert_null (baton_store_lookup_program (fx->store, sales_id));
  g_assert_null (baton_store_lookup_task (fx->store, t4_id));
  g_assert_null (baton_store_lookup_note (fx->store, n2_id));
  g_assert_cmpuint (n_items (baton_store_get_checklist_items (fx->store)), ==, 2);
  g_assert_cmpuint (n_items (baton_store_get_clients (fx->store)), ==, 1);
  g_assert_cmpuint (n_items (baton_store_get_programs (fx->store)), ==, 2);
  g_assert_cmpuint (n_items (baton_store_get_tasks (fx->store)), ==, 4);
  g_assert_cmpuint (n_items (baton_store_get_notes (fx->store)), ==, 2);
  assert_undo_label (fx, "Delete “Beta”");

  ASSERT_OK (baton_store_undo (fx->store, &error));
  baton_test_assert_data_equals (before, fx->store);
}

/* Acme's note n1 is linked to Acme's program Onboarding: deleting Acme
 * deletes both, and undo must bring both back. */
static void
test_client_delete_with_program_note (Fixture       *fx,
                                      gconstpointer  data)
{
  Workspace *w = &fx->w;
  g_autoptr(BatonTestState) before = NULL;
  g_autoptr(BatonTestState) after = NULL;

  build_workspace (fx);
  before = baton_test_state_capture (fx->store);

  ASSERT_OK (baton_store_delete (fx->store, w->acme, &error));
  g_assert_cmpuint (n_items (baton_store_get_clients (fx->store)), ==, 1);
  g_assert_cmpuint (n_items (baton_store_get_programs (fx->store)), ==, 1);
  g_assert_cmpuint (n_items (baton_store_get_tasks (fx->store)), ==, 1);
  g_assert_cmpuint (n_items (baton_store_get_notes (fx->store)), ==, 1);
  g_assert_cmpuint (n_items (baton_store_get_note_revisions (fx->store)), ==, 0);
  g_assert_cmpuint (n_items (baton_store_get_checklist_items (fx->store)), ==, 1);
  after = baton_test_state_capture (fx->store);

  ASSERT_OK (baton_store_undo (fx->store, &error));
  baton_test_assert_data_equals (before, fx->store);
  ASSERT_OK (baton_store_redo (fx->store, &error));
  baton_test_assert_data_equals (after, fx->store);
}

static void
test_program_delete (Fixture       *fx,
                     gconstpointer  data)
{
  Workspace *w = &fx->w;
  g_autoptr(BatonTestState) before = NULL;
  g_autoptr(BatonTestNotify) program = NULL;

  build_workspace (fx);
  before = baton_test_state_capture (fx->store);
  program = baton_test_notify_new (w->n1, "program-id");

  /* Onboarding: its tasks go (t1 with its checklist, t2, t5); the note
   * linked to it stays with the client, unlinked. */
  ASSERT_OK (baton_store_delete (fx->store, w->onboarding, &error));
  g_assert_cmpuint (n_items (baton_store_get_tasks (fx->store)), ==, 2);
  g_assert_cmpuint (n_items (baton_store_get_checklist_items (fx->store)), ==, 1);
  g_assert_true (baton_store_lookup_note (fx->store, baton_test_id (w->n1)) == w->n1);
  g_assert_cmpint (baton_note_get_program_id (w->n1), ==, 0);
  g_assert_cmpuint (program->count, ==, 1);
  g_assert_cmpuint (n_items (baton_store_get_note_revisions (fx->store)), ==, 1);

  ASSERT_OK (baton_store_undo (fx->store, &error));
  baton_test_assert_data_equals (before, fx->store);
  g_assert_cmpuint (program->count, ==, 2);
  g_assert_cmpint (baton_note_get_program_id (w->n1), !=, 0);
}

/* Stages ----------------------------------------------------------------- */

static void
test_stage_create (Fixture       *fx,
                   gconstpointer  data)
{
  BatonStage *stage;
  g_autoptr(GError) local_error = NULL;

  stage = baton_store_create_stage (fx->store, " QA ", 4, &local_error);
  g_assert_no_error (local_error);
  expect_log (fx, "stages 6-0+1\nchanged\n");
  g_assert_cmpstr (baton_stage_get_name (stage), ==, "QA");
  g_assert_cmpint (baton_stage_get_wip_limit (stage), ==, 4);
  g_assert_cmpint (baton_stage_get_position (stage), ==, 6);
  g_assert_false (baton_stage_get_is_done (stage));
  assert_undo_label (fx, "Add stage");

  /* Bounds of the WIP limit are accepted; names may repeat. */
  ASSERT_OK (baton_store_create_stage (fx->store, "Unlimited", 0, &error));
  ASSERT_OK (baton_store_create_stage (fx->store, "Huge", BATON_MAX_WIP_LIMIT, &error));
  ASSERT_OK (baton_store_create_stage (fx->store, "Review", 0, &error));
  assert_list_names (baton_store_get_stages (fx->store),
                     "Backlog,Analysis,Design,Development,Review,Delivered,QA,Unlimited,Huge,Review");
}

static void
test_stage_invalid (Fixture       *fx,
                    gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonStage *design = stage_at (s, 2);
  g_autofree char *too_long = repeat ("s", BATON_MAX_NAME_LENGTH + 1);

  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "WIP limit", baton_store_create_stage (s, "QA", -1, &error));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "10000",
                       baton_store_create_stage (s, "QA", BATON_MAX_WIP_LIMIT + 1, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_stage (s, "QA", G_MAXINT64, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_stage (s, "", 0, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_stage (s, "   ", 0, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_stage (s, too_long, 0, &error));

  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (s, design, &error, "wip-limit", (gint64) -1, NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (s, design, &error, "wip-limit", (gint64) BATON_MAX_WIP_LIMIT + 1, NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (s, design, &error, "name", "", NULL));

  ASSERT_OK (baton_store_update (s, design, &error, "wip-limit", (gint64) BATON_MAX_WIP_LIMIT, NULL));
  g_assert_cmpint (baton_stage_get_wip_limit (design), ==, BATON_MAX_WIP_LIMIT);
}

/* Every move of every stage to every place, each undone. */
static void
test_stage_move_all (Fixture       *fx,
                     gconstpointer  data)
{
  static const char * const names[] = { "Backlog", "Analysis", "Design", "Development", "Review", "Delivered" };
  GListModel *stages = baton_store_get_stages (fx->store);
  const guint n = G_N_ELEMENTS (names);

  for (guint from = 0; from < n; from++)
    for (guint to = 0; to < n; to++)
      {
        g_autoptr(GPtrArray) expected = g_ptr_array_new ();
        g_autofree char *joined = NULL;
        g_autoptr(BatonTestState) before = baton_test_state_capture (fx->store);

        for (guint i = 0; i < n; i++)
          if (i != from)
            g_ptr_array_add (expected, (gpointer) names[i]);
        g_ptr_array_insert (expected, to, (gpointer) names[from]);
        g_ptr_array_add (expected, NULL);
        joined = g_strjoinv (",", (char **) expected->pdata);

        ASSERT_OK (baton_store_move_stage (fx->store, stage_at (fx->store, from), to, &error));
        assert_list_names (stages, joined);
        if (from != to)
          g_assert_cmpuint (fx->rec->n_changed, ==, 1);
        baton_test_recorder_clear (fx->rec);   /* mirrors follow */

        if (from != to)
          {
            ASSERT_OK (baton_store_undo (fx->store, &error));
            baton_test_assert_data_equals (before, fx->store);
            baton_test_recorder_clear (fx->rec);
          }
      }

  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_move_stage (fx->store, stage_at (fx->store, 0), n, &error));
  {
    BatonStage *foreign = stage_at (other_store (fx), 1);
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_move_stage (fx->store, foreign, 0, &error));
  }
}

static void
test_stage_delete_move_tasks (Fixture       *fx,
                              gconstpointer  data)
{
  Workspace *w = &fx->w;
  g_autoptr(BatonTestState) before = NULL;
  g_autoptr(BatonTestState) after = NULL;
  g_autoptr(BatonTestNotify) stage_id = NULL;
  gint64 backlog_id;

  build_workspace (fx);
  before = baton_test_state_capture (fx->store);
  backlog_id = baton_test_id (w->backlog);
  stage_id = baton_test_notify_new (w->t2, "stage-id");

  ASSERT_OK (baton_store_delete_stage (fx->store, w->backlog, w->design, &error));
  g_assert_cmpuint (fx->rec->n_changed, ==, 1);
  baton_test_recorder_clear (fx->rec);

  /* The cards keep their order, after the target's own. Same objects. */
  g_assert_null (baton_store_lookup_stage (fx->store, backlog_id));
  assert_stage_titles (fx->store, w->design, "Mockups,Needs analysis,Storyboard,Script");
  g_assert_cmpuint (stage_id->count, ==, 1);
  g_assert_cmpuint (n_items (baton_store_get_tasks (fx->store)), ==, 5);
  g_assert_cmpuint (n_items (baton_store_get_checklist_items (fx->store)), ==, 3);
  assert_list_names (baton_store_get_stages (fx->store), "Analysis,Design,Development,Review,Delivered");
  after = baton_test_state_capture (fx->store);

  ASSERT_OK (baton_store_undo (fx->store, &error));
  baton_test_assert_data_equals (before, fx->store);
  assert_stage_titles (fx->store, baton_store_lookup_stage (fx->store, backlog_id), "Needs analysis,Storyboard,Script");
  ASSERT_OK (baton_store_redo (fx->store, &error));
  baton_test_assert_data_equals (after, fx->store);
}

static void
test_stage_delete_with_tasks (Fixture       *fx,
                              gconstpointer  data)
{
  Workspace *w = &fx->w;
  g_autoptr(BatonTestState) before = NULL;
  g_autoptr(BatonTestState) after = NULL;
  gint64 t1_id;

  build_workspace (fx);
  before = baton_test_state_capture (fx->store);
  t1_id = baton_test_id (w->t1);

  /* Without a target the cards go with the stage, checklists too. */
  ASSERT_OK (baton_store_delete_stage (fx->store, w->backlog, NULL, &error));
  g_assert_cmpuint (fx->rec->n_changed, ==, 1);
  g_assert_cmpuint (n_items (baton_store_get_tasks (fx->store)), ==, 2);
  g_assert_null (baton_store_lookup_task (fx->store, t1_id));
  g_assert_cmpuint (n_items (baton_store_get_checklist_items (fx->store)), ==, 1);
  g_assert_cmpuint (n_items (baton_store_get_stages (fx->store)), ==, 5);
  assert_undo_label (fx, "Delete “Backlog”");
  after = baton_test_state_capture (fx->store);

  ASSERT_OK (baton_store_undo (fx->store, &error));
  baton_test_assert_data_equals (before, fx->store);
  ASSERT_OK (baton_store_redo (fx->store, &error));
  baton_test_assert_data_equals (after, fx->store);

  /* An empty stage goes alone. */
  ASSERT_OK (baton_store_delete_stage (fx->store, w->analysis, NULL, &error));
  g_assert_cmpuint (n_items (baton_store_get_stages (fx->store)), ==, 4);
}

static void
test_stage_delete_invalid (Fixture       *fx,
                           gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonStage *foreign = stage_at (other_store (fx), 0);
  g_autoptr(BatonStage) gone = g_object_ref (stage_at (s, 1));
  BatonStage *first;

  new_task (s, stage_at (s, 0), NULL, "Card");
  ASSERT_OK (baton_store_delete_stage (s, gone, NULL, &error));
  first = stage_at (s, 0);

  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_delete_stage (s, first, first, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_delete_stage (s, foreign, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_delete_stage (s, gone, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_delete_stage (s, first, gone, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_delete_stage (s, first, foreign, &error));

  /* Down to the last stage, which stays. */
  while (n_items (baton_store_get_stages (s)) > 1)
    ASSERT_OK (baton_store_delete_stage (s, stage_at (s, 1), first, &error));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "last", baton_store_delete_stage (s, first, NULL, &error));
  assert_stage_titles (s, first, "Card");
}

/* The generic delete refuses a stage with cards, saying how many. */
static void
test_stage_delete_generic (Fixture       *fx,
                           gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonStage *design = stage_at (s, 2);

  new_task (s, design, NULL, "One");
  new_task (s, design, NULL, "Two");
  new_task (s, design, NULL, "Three");

  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_IN_USE, "3", baton_store_delete (s, design, &error));

  /* An empty stage can go this way. */
  ASSERT_OK (baton_store_delete (s, stage_at (s, 0), &error));
}

/* The board needs a stage: the generic delete must not remove the last. */
static void
test_stage_delete_generic_last (Fixture       *fx,
                                gconstpointer  data)
{
  BatonStore *s = fx->store;

  while (n_items (baton_store_get_stages (s)) > 1)
    ASSERT_OK (baton_store_delete_stage (s, stage_at (s, 0), NULL, &error));

  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_delete (s, stage_at (s, 0), &error));
}

/* Cards moved into a done stage by deleting their stage are done, like
 * cards moved there one by one; cards moved out of one are not. */
static void
test_stage_delete_into_done (Fixture       *fx,
                             gconstpointer  data)
{
  Workspace *w = &fx->w;

  build_workspace (fx);
  g_assert_null (baton_task_get_completed_at (w->t4));
  g_assert_nonnull (baton_task_get_completed_at (w->t5));

  ASSERT_OK (baton_store_delete_stage (fx->store, w->design, w->delivered, &error));
  assert_stage_titles (fx->store, w->delivered, "Handout,Mockups");
  g_assert_nonnull (baton_task_get_completed_at (w->t4));

  ASSERT_OK (baton_store_undo (fx->store, &error));
  g_assert_null (baton_task_get_completed_at (w->t4));

  ASSERT_OK (baton_store_delete_stage (fx->store, w->delivered, w->review, &error));
  assert_stage_titles (fx->store, w->review, "Handout");
  g_assert_null (baton_task_get_completed_at (w->t5));
}

/* Tasks ------------------------------------------------------------------ */

static void
test_task_create (Fixture       *fx,
                  gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonStage *backlog = stage_at (s, 0);
  BatonStage *delivered = stage_at (s, 5);
  BatonClient *acme = new_client (s, "Acme");
  BatonProgram *onboarding = new_program (s, acme, "Onboarding");
  BatonTask *a, *b, *done;
  g_autoptr(GError) local_error = NULL;

  baton_test_recorder_clear (fx->rec);
  a = baton_store_create_task (s, backlog, onboarding, "  Needs analysis ", &local_error);
  g_assert_no_error (local_error);
  expect_log (fx, "tasks 0-0+1\nchanged\n");
  assert_undo_label (fx, "Add card");
  g_assert_cmpstr (baton_task_get_title (a), ==, "Needs analysis");
  g_assert_cmpint (baton_task_get_stage_id (a), ==, baton_test_id (backlog));
  g_assert_cmpint (baton_task_get_program_id (a), ==, baton_test_id (onboarding));
  g_assert_cmpint (baton_task_get_assignee_id (a), ==, 0);
  g_assert_cmpint (baton_task_get_role_id (a), ==, 0);
  g_assert_cmpint (baton_task_get_estimate_minutes (a), ==, 0);
  g_assert_null (baton_task_get_completed_at (a));
  g_assert_false (baton_task_get_archived (a));
  g_assert_true (baton_timestamp_validate (baton_task_get_created_at (a)));
  g_assert_cmpstr (baton_task_get_updated_at (a), ==, baton_task_get_created_at (a));

  /* At the end of the stage; without a program. */
  b = new_task (s, backlog, NULL, "Storyboard");
  g_assert_cmpint (baton_task_get_program_id (b), ==, 0);
  g_assert_cmpint (baton_task_get_position (b), >, baton_task_get_position (a));
  assert_stage_titles (s, backlog, "Needs analysis,Storyboard");

  /* In a done stage a card is done from the start. */
  done = new_task (s, delivered, NULL, "Already done");
  g_assert_true (baton_timestamp_validate (baton_task_get_completed_at (done)));
  expect_log (fx, "tasks 1-0+1\nchanged\ntasks 2-0+1\nchanged\n");
}

static void
test_task_create_invalid (Fixture       *fx,
                          gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonStage *backlog = stage_at (s, 0);
  BatonStage *foreign_stage = stage_at (other_store (fx), 0);
  BatonClient *acme = new_client (s, "Acme");
  g_autoptr(BatonProgram) gone_program = g_object_ref (new_program (s, acme, "Gone"));
  g_autoptr(BatonStage) gone_stage = g_object_ref (stage_at (s, 1));
  BatonProgram *foreign_program = new_program (other_store (fx), new_client (other_store (fx), "X"), "Y");
  g_autofree char *too_long = repeat ("t", BATON_MAX_NAME_LENGTH + 1);

  ASSERT_OK (baton_store_delete (s, gone_program, &error));
  ASSERT_OK (baton_store_delete_stage (s, gone_stage, NULL, &error));

  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "title", baton_store_create_task (s, backlog, NULL, "", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_task (s, backlog, NULL, "  \n", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_task (s, backlog, NULL, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_task (s, backlog, NULL, too_long, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_create_task (s, foreign_stage, NULL, "T", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_create_task (s, gone_stage, NULL, "T", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_create_task (s, NULL, NULL, "T", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_create_task (s, backlog, gone_program, "T", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_create_task (s, backlog, foreign_program, "T", &error));
}

static void
test_task_update_invalid (Fixture       *fx,
                          gconstpointer  data)
{
  Workspace *w = &fx->w;
  BatonStore *s;
  g_autoptr(BatonPerson) gone = NULL;

  build_workspace (fx);
  s = fx->store;
  gone = g_object_ref (new_person (s, "Gone", 60));
  ASSERT_OK (baton_store_delete (s, gone, &error));

  ASSERT_OK (baton_store_update (s, w->t2, &error, "estimate-minutes", (gint64) BATON_MAX_ESTIMATE_MINUTES, NULL));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "estimate",
                       baton_store_update (s, w->t2, &error, "estimate-minutes", (gint64) -1, NULL));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "10000",
                       baton_store_update (s, w->t2, &error, "estimate-minutes", (gint64) BATON_MAX_ESTIMATE_MINUTES + 1, NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (s, w->t2, &error, "estimate-minutes", G_MAXINT64, NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (s, w->t2, &error, "priority", (gint64) 4, NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (s, w->t2, &error, "title", "   ", NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (s, w->t2, &error, "start-date", "2026-03-21", NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (s, w->t2, &error, "created-at", "last week", NULL));
  /* References. */
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                  baton_store_update (s, w->t2, &error, "role-id", (gint64) 4242, NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                  baton_store_update (s, w->t2, &error, "assignee-id", baton_test_id (gone), NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                  baton_store_update (s, w->t2, &error, "program-id", (gint64) 4242, NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                  baton_store_update (s, w->t2, &error, "stage-id", (gint64) 4242, NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (s, w->t2, &error, "stage-id", (gint64) 0, NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_update (s, w->t2, &error, "assignee-id", (gint64) -3, NULL));
}

static void
test_task_move_within (Fixture       *fx,
                       gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonStage *backlog = stage_at (s, 0);
  BatonTask *a = new_task (s, backlog, NULL, "A");
  BatonTask *b = new_task (s, backlog, NULL, "B");
  BatonTask *c = new_task (s, backlog, NULL, "C");
  g_autoptr(BatonTestNotify) position = baton_test_notify_new (c, "position");
  g_autoptr(BatonTestNotify) stage_id = baton_test_notify_new (c, "stage-id");
  g_autoptr(BatonTestState) before = baton_test_state_capture (s);

  baton_test_recorder_clear (fx->rec);

  /* The task list is ordered by id: a move only notifies. */
  ASSERT_OK (baton_store_move_task (s, c, backlog, a, &error));
  expect_log (fx, "changed\n");
  assert_stage_titles (s, backlog, "C,A,B");
  g_assert_cmpuint (position->count, ==, 1);
  g_assert_cmpuint (stage_id->count, ==, 0);
  g_assert_true (g_str_has_prefix (baton_history_get_undo_label (baton_store_get_history (s)), "Move"));

  ASSERT_OK (baton_store_move_task (s, a, backlog, NULL, &error));
  assert_stage_titles (s, backlog, "C,B,A");
  ASSERT_OK (baton_store_move_task (s, a, backlog, b, &error));
  assert_stage_titles (s, backlog, "C,A,B");
  ASSERT_OK (baton_store_move_task (s, b, backlog, c, &error));
  assert_stage_titles (s, backlog, "B,C,A");

  ASSERT_OK (baton_store_undo (s, &error));
  assert_stage_titles (s, backlog, "C,A,B");
  ASSERT_OK (baton_store_undo (s, &error));
  ASSERT_OK (baton_store_undo (s, &error));
  ASSERT_OK (baton_store_undo (s, &error));
  assert_stage_titles (s, backlog, "A,B,C");
  baton_test_assert_data_equals (before, s);
}

static void
test_task_move_across (Fixture       *fx,
                       gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonStage *backlog = stage_at (s, 0);
  BatonStage *design = stage_at (s, 2);
  BatonTask *a = new_task (s, backlog, NULL, "A");
  BatonTask *b = new_task (s, backlog, NULL, "B");
  BatonTask *x = new_task (s, design, NULL, "X");
  BatonTask *y = new_task (s, design, NULL, "Y");
  g_autoptr(BatonTestNotify) stage_id = baton_test_notify_new (a, "stage-id");

  ASSERT_OK (baton_store_move_task (s, a, design, y, &error));
  assert_stage_titles (s, backlog, "B");
  assert_stage_titles (s, design, "X,A,Y");
  g_assert_cmpint (baton_task_get_stage_id (a), ==, baton_test_id (design));
  g_assert_cmpuint (stage_id->count, ==, 1);
  g_assert_null (baton_task_get_completed_at (a));

  ASSERT_OK (baton_store_move_task (s, b, design, NULL, &error));
  assert_stage_titles (s, backlog, "");
  assert_stage_titles (s, design, "X,A,Y,B");

  ASSERT_OK (baton_store_move_task (s, x, backlog, NULL, &error));
  assert_stage_titles (s, backlog, "X");
  ASSERT_OK (baton_store_move_task (s, y, backlog, x, &error));
  assert_stage_titles (s, backlog, "Y,X");
  assert_stage_titles (s, design, "A,B");
}

/* Many cards dropped at the same place use up the gaps between positions;
 * the stage is then renumbered and the order kept. */
static void
test_task_move_renumber (Fixture       *fx,
                         gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonStage *stage = stage_at (s, 1);
  BatonTask *first = new_task (s, stage, NULL, "First");
  BatonTask *last = new_task (s, stage, NULL, "Last");
  g_autoptr(GString) expected = g_string_new ("First");
  g_autoptr(GString) expected_front = NULL;
  guint renumbered = 0;

  /* Always just before "Last". */
  for (guint i = 1; i <= 24; i++)
    {
      g_autofree char *title = g_strdup_printf ("M%u", i);
      BatonTask *task = new_task (s, stage, NULL, title);
      g_autoptr(BatonTestState) before = baton_test_state_capture (s);

      baton_test_recorder_clear (fx->rec);
      g_autoptr(BatonTestState) after = NULL;
      BatonChange *change;

      ASSERT_OK (baton_store_move_task (s, task, stage, last, &error));
      g_string_append_printf (expected, ",%s", title);
      {
        g_autofree char *want = g_strconcat (expected->str, ",Last", NULL);
        assert_stage_titles (s, stage, want);
      }
      g_assert_cmpuint (fx->rec->n_changed, ==, 1);
      baton_test_recorder_clear (fx->rec);

      change = baton_history_peek_undo (baton_store_get_history (s));
      if (baton_change_get_n_ops (change) > 1)
        {
          renumbered++;

          /* A renumbering move is one undo step too. */
          after = baton_test_state_capture (s);
          ASSERT_OK (baton_store_undo (s, &error));
          baton_test_assert_data_equals (before, s);
          ASSERT_OK (baton_store_redo (s, &error));
          baton_test_assert_data_equals (after, s);
        }
    }
  g_assert_cmpuint (renumbered, >=, 1);

  /* Always at the front. */
  expected_front = g_string_new (NULL);
  for (guint i = 1; i <= 24; i++)
    {
      g_autofree char *title = g_strdup_printf ("F%u", i);
      BatonTask *task = new_task (s, stage, NULL, title);
      BatonTask *front;
      g_autoptr(GPtrArray) tasks = baton_store_get_stage_tasks (s, stage);

      front = g_ptr_array_index (tasks, 0);
      ASSERT_OK (baton_store_move_task (s, task, stage, front, &error));
      g_string_prepend (expected_front, ",");
      g_string_prepend (expected_front, title);
    }
  {
    g_autofree char *want = g_strconcat (expected_front->str, expected->str, ",Last", NULL);
    assert_stage_titles (s, stage, want);
  }
  g_assert_true (first != NULL);
}

static void
test_task_move_done (Fixture       *fx,
                     gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonStage *review = stage_at (s, 4);
  BatonStage *delivered = stage_at (s, 5);
  BatonTask *task = new_task (s, review, NULL, "Handout");
  BatonTask *other = new_task (s, delivered, NULL, "Already");
  g_autoptr(BatonTestNotify) completed = baton_test_notify_new (task, "completed-at");
  g_autofree char *stamp = NULL;

  g_assert_true (baton_stage_get_is_done (delivered));
  g_assert_null (baton_task_get_completed_at (task));

  ASSERT_OK (baton_store_move_task (s, task, delivered, NULL, &error));
  g_assert_true (baton_timestamp_validate (baton_task_get_completed_at (task)));
  g_assert_cmpuint (completed->count, ==, 1);
  stamp = g_strdup (baton_task_get_completed_at (task));

  /* Reordering inside the done stage keeps the time it was done. */
  ASSERT_OK (baton_store_move_task (s, task, delivered, other, &error));
  assert_stage_titles (s, delivered, "Handout,Already");
  g_assert_cmpstr (baton_task_get_completed_at (task), ==, stamp);
  g_assert_cmpuint (completed->count, ==, 1);

  /* Out of it: not done any more. */
  ASSERT_OK (baton_store_move_task (s, task, review, NULL, &error));
  g_assert_null (baton_task_get_completed_at (task));
  g_assert_cmpuint (completed->count, ==, 2);

  /* Undo puts it back as it was. */
  ASSERT_OK (baton_store_undo (s, &error));
  g_assert_cmpstr (baton_task_get_completed_at (task), ==, stamp);
  ASSERT_OK (baton_store_undo (s, &error));
  ASSERT_OK (baton_store_undo (s, &error));
  g_assert_null (baton_task_get_completed_at (task));

  /* A second done stage: moving between done stages keeps it done. */
  {
    BatonStage *archive = NULL;
    g_autoptr(GError) local_error = NULL;

    archive = baton_store_create_stage (s, "Archive", 0, &local_error);
    g_assert_no_error (local_error);
    ASSERT_OK (baton_store_update (s, archive, &error, "is-done", (gboolean) TRUE, NULL));
    ASSERT_OK (baton_store_move_task (s, other, archive, NULL, &error));
    g_assert_nonnull (baton_task_get_completed_at (other));
  }
}

static void
test_task_move_invalid (Fixture       *fx,
                        gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonStage *backlog = stage_at (s, 0);
  BatonStage *design = stage_at (s, 2);
  BatonTask *a = new_task (s, backlog, NULL, "A");
  BatonTask *x = new_task (s, design, NULL, "X");
  BatonTask *foreign = new_task (other_store (fx), stage_at (other_store (fx), 0), NULL, "A");
  g_autoptr(BatonTask) gone = g_object_ref (new_task (s, design, NULL, "Gone"));
  g_autoptr(BatonStage) gone_stage = g_object_ref (stage_at (s, 3));

  ASSERT_OK (baton_store_delete (s, gone, &error));
  ASSERT_OK (baton_store_delete_stage (s, gone_stage, NULL, &error));

  /* "before" must be a card of the target stage. */
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "stage", baton_store_move_task (s, a, backlog, x, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_move_task (s, x, backlog, x, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_move_task (s, foreign, backlog, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_move_task (s, gone, backlog, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_move_task (s, a, gone_stage, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_move_task (s, a, stage_at (other_store (fx), 0), NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_move_task (s, a, design, gone, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_move_task (s, a, backlog, foreign, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_move_task (s, NULL, backlog, NULL, &error));
}

/* Dropping a card just before itself changes nothing: no undo step. */
static void
test_task_move_before_itself (Fixture       *fx,
                              gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonStage *backlog = stage_at (s, 0);
  BatonTask *a = new_task (s, backlog, NULL, "A");
  g_autoptr(BatonTestState) before = NULL;

  new_task (s, backlog, NULL, "B");
  before = baton_test_state_capture (s);
  baton_test_recorder_clear (fx->rec);

  ASSERT_OK (baton_store_move_task (s, a, backlog, a, &error));
  baton_test_assert_state_equals (before, s);
  baton_test_assert_log (fx->rec, "");
}

static void
test_task_reassign (Fixture       *fx,
                    gconstpointer  data)
{
  Workspace *w = &fx->w;
  g_autoptr(BatonTestNotify) assignee = NULL;
  g_autoptr(BatonTestNotify) title = NULL;
  BatonStore *s;
  guint n_activity;

  build_workspace (fx);
  s = fx->store;
  assignee = baton_test_notify_new (w->t1, "assignee-id");
  title = baton_test_notify_new (w->t1, "title");

  n_activity = n_items (baton_store_get_activity (s));
  ASSERT_OK (baton_store_reassign_task (s, w->t1, w->ben, &error));
  /* The store logs the reassignment in the same change. */
  expect_log (fx, "activity %u-0+1\nchanged\n", n_activity);
  g_assert_cmpint (baton_task_get_assignee_id (w->t1), ==, baton_test_id (w->ben));
  g_assert_cmpuint (assignee->count, ==, 1);
  g_assert_cmpuint (title->count, ==, 0);
  assert_undo_label (fx, "Reassign “Needs analysis”");

  ASSERT_OK (baton_store_reassign_task (s, w->t1, NULL, &error));
  g_assert_cmpint (baton_task_get_assignee_id (w->t1), ==, 0);
  g_assert_cmpuint (assignee->count, ==, 2);

  ASSERT_OK (baton_store_undo (s, &error));
  g_assert_cmpint (baton_task_get_assignee_id (w->t1), ==, baton_test_id (w->ben));
  ASSERT_OK (baton_store_undo (s, &error));
  g_assert_cmpint (baton_task_get_assignee_id (w->t1), ==, baton_test_id (w->ana));
  g_assert_cmpuint (assignee->count, ==, 4);
}

static void
test_task_reassign_invalid (Fixture       *fx,
                            gconstpointer  data)
{
  Workspace *w = &fx->w;
  BatonPerson *foreign = new_person (other_store (fx), "Ana", 60);
  g_autoptr(BatonPerson) gone = NULL;
  g_autoptr(BatonTask) gone_task = NULL;
  BatonStore *s;

  build_workspace (fx);
  s = fx->store;
  gone = g_object_ref (new_person (s, "Gone", 60));
  gone_task = g_object_ref (new_task (s, w->backlog, NULL, "Gone"));
  ASSERT_OK (baton_store_delete (s, gone, &error));
  ASSERT_OK (baton_store_delete (s, gone_task, &error));

  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_reassign_task (s, w->t1, foreign, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_reassign_task (s, w->t1, gone, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_reassign_task (s, gone_task, w->ben, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_reassign_task (s, gone_task, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_reassign_task (s, NULL, w->ben, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                  baton_store_reassign_and_reschedule_task (s, w->t1, foreign, 1, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                  baton_store_reassign_and_reschedule_task (s, gone_task, w->ben, 1, &error));
}

static void
test_task_schedule (Fixture       *fx,
                    gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonTask *task = new_task (s, stage_at (s, 0), NULL, "Storyboard");
  g_autoptr(BatonTestNotify) start = baton_test_notify_new (task, "start-date");
  g_autoptr(BatonTestNotify) due = baton_test_notify_new (task, "due-date");

  ASSERT_OK (baton_store_schedule_task (s, task, "2026-03-09", "2026-03-13", &error));
  g_assert_cmpstr (baton_task_get_start_date (task), ==, "2026-03-09");
  g_assert_cmpstr (baton_task_get_due_date (task), ==, "2026-03-13");
  g_assert_cmpuint (start->count, ==, 1);
  g_assert_cmpuint (due->count, ==, 1);
  assert_undo_label (fx, "Schedule “Storyboard”");

  /* One day, only a due date, then no dates. */
  ASSERT_OK (baton_store_schedule_task (s, task, "2026-03-13", "2026-03-13", &error));
  g_assert_cmpuint (due->count, ==, 1);
  ASSERT_OK (baton_store_schedule_task (s, task, NULL, "2026-03-20", &error));
  g_assert_null (baton_task_get_start_date (task));
  ASSERT_OK (baton_store_schedule_task (s, task, "", NULL, &error));
  g_assert_null (baton_task_get_due_date (task));
  ASSERT_OK (baton_store_schedule_task (s, task, "2024-02-29", NULL, &error));

  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "2026-02-30",
                       baton_store_schedule_task (s, task, "2026-02-30", NULL, &error));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "tomorrow",
                       baton_store_schedule_task (s, task, NULL, "tomorrow", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_schedule_task (s, task, "2026-2-3", NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_schedule_task (s, task, "2025-02-29", NULL, &error));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "before",
                       baton_store_schedule_task (s, task, "2026-03-13", "2026-03-12", &error));
  {
    BatonTask *foreign = new_task (other_store (fx), stage_at (other_store (fx), 0), NULL, "X");
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                    baton_store_schedule_task (s, foreign, "2026-03-13", NULL, &error));
  }
}

static void
test_task_reschedule (Fixture       *fx,
                      gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonTask *task = new_task (s, stage_at (s, 0), NULL, "Storyboard");
  BatonTask *due_only = new_task (s, stage_at (s, 0), NULL, "Due only");
  g_autoptr(BatonTestState) before = NULL;

  ASSERT_OK (baton_store_schedule_task (s, task, "2026-03-09", "2026-03-13", &error));
  ASSERT_OK (baton_store_schedule_task (s, due_only, NULL, "2026-12-28", &error));

  ASSERT_OK (baton_store_reschedule_task (s, task, 2, &error));
  g_assert_cmpstr (baton_task_get_start_date (task), ==, "2026-03-23");
  g_assert_cmpstr (baton_task_get_due_date (task), ==, "2026-03-27");
  assert_undo_label (fx, "Reschedule “Storyboard”");

  ASSERT_OK (baton_store_reschedule_task (s, task, -3, &error));
  g_assert_cmpstr (baton_task_get_start_date (task), ==, "2026-03-02");
  g_assert_cmpstr (baton_task_get_due_date (task), ==, "2026-03-06");

  /* Across a year and a leap day. */
  ASSERT_OK (baton_store_reschedule_task (s, due_only, 1, &error));
  g_assert_null (baton_task_get_start_date (due_only));
  g_assert_cmpstr (baton_task_get_due_date (due_only), ==, "2027-01-04");
  ASSERT_OK (baton_store_schedule_task (s, due_only, "2028-02-25", "2028-02-26", &error));
  ASSERT_OK (baton_store_reschedule_task (s, due_only, 1, &error));
  g_assert_cmpstr (baton_task_get_start_date (due_only), ==, "2028-03-03");
  g_assert_cmpstr (baton_task_get_due_date (due_only), ==, "2028-03-04");

  /* Zero weeks: nothing to do, nothing recorded. */
  before = baton_test_state_capture (s);
  baton_test_recorder_clear (fx->rec);
  ASSERT_OK (baton_store_reschedule_task (s, task, 0, &error));
  baton_test_assert_state_equals (before, s);
  baton_test_assert_log (fx->rec, "");

  /* The farthest allowed. */
  ASSERT_OK (baton_store_reschedule_task (s, task, 520, &error));
  ASSERT_OK (baton_store_reschedule_task (s, task, -520, &error));
  g_assert_cmpstr (baton_task_get_start_date (task), ==, "2026-03-02");
}

static void
test_task_reschedule_invalid (Fixture       *fx,
                              gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonTask *undated = new_task (s, stage_at (s, 0), NULL, "Undated");
  BatonTask *task = new_task (s, stage_at (s, 0), NULL, "Dated");
  BatonPerson *ana = new_person (s, "Ana", 2400);
  BatonTask *foreign = new_task (other_store (fx), stage_at (other_store (fx), 0), NULL, "X");

  ASSERT_OK (baton_store_schedule_task (s, task, "2026-03-09", "2026-03-13", &error));

  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "Undated", baton_store_reschedule_task (s, undated, 1, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_reschedule_task (s, undated, -1, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_reschedule_task (s, task, 521, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_reschedule_task (s, task, -521, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_reschedule_task (s, task, G_MININT, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_reschedule_task (s, foreign, 1, &error));
  /* Reassign and reschedule: nothing happens when the dates cannot move. */
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_reassign_and_reschedule_task (s, undated, ana, 1, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                  baton_store_reassign_and_reschedule_task (s, task, ana, 1000, &error));
  g_assert_cmpint (baton_task_get_assignee_id (task), ==, 0);
}

static void
test_task_reassign_and_reschedule (Fixture       *fx,
                                   gconstpointer  data)
{
  Workspace *w = &fx->w;
  g_autoptr(BatonTestState) before = NULL;
  g_autoptr(BatonTestState) after = NULL;
  BatonStore *s;

  build_workspace (fx);
  s = fx->store;
  before = baton_test_state_capture (s);
  baton_test_recorder_clear (fx->rec);

  ASSERT_OK (baton_store_reassign_and_reschedule_task (s, w->t1, w->ben, 1, &error));
  g_assert_cmpuint (fx->rec->n_changed, ==, 1);
  g_assert_cmpint (baton_task_get_assignee_id (w->t1), ==, baton_test_id (w->ben));
  g_assert_cmpstr (baton_task_get_start_date (w->t1), ==, "2026-03-16");
  g_assert_cmpstr (baton_task_get_due_date (w->t1), ==, "2026-03-20");
  after = baton_test_state_capture (s);

  /* One step back undoes both. */
  ASSERT_OK (baton_store_undo (s, &error));
  baton_test_assert_data_equals (before, s);
  g_assert_cmpstr (baton_history_get_redo_label (baton_store_get_history (s)), ==, "Reassign “Needs analysis”");
  ASSERT_OK (baton_store_redo (s, &error));
  baton_test_assert_data_equals (after, s);

  /* Zero weeks: only the person; an undated task is fine then. */
  ASSERT_OK (baton_store_reassign_and_reschedule_task (s, w->t4, w->ben, 0, &error));
  g_assert_cmpint (baton_task_get_assignee_id (w->t4), ==, baton_test_id (w->ben));
  ASSERT_OK (baton_store_reassign_and_reschedule_task (s, w->t4, NULL, 0, &error));
  g_assert_cmpint (baton_task_get_assignee_id (w->t4), ==, 0);
}

static void
test_task_archive (Fixture       *fx,
                   gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonTask *task = new_task (s, stage_at (s, 0), NULL, "Storyboard");
  g_autoptr(BatonTestNotify) archived = baton_test_notify_new (task, "archived");
  g_autoptr(BatonTask) gone = g_object_ref (new_task (s, stage_at (s, 0), NULL, "Gone"));

  ASSERT_OK (baton_store_delete (s, gone, &error));
  baton_test_recorder_clear (fx->rec);

  ASSERT_OK (baton_store_archive_task (s, task, TRUE, &error));
  expect_log (fx, "changed\n");
  g_assert_true (baton_task_get_archived (task));
  g_assert_cmpuint (archived->count, ==, 1);
  assert_undo_label (fx, "Archive “Storyboard”");
  /* Archived cards stay on their stage's list. */
  assert_stage_titles (s, stage_at (s, 0), "Storyboard");

  ASSERT_OK (baton_store_archive_task (s, task, FALSE, &error));
  g_assert_false (baton_task_get_archived (task));
  g_assert_cmpuint (archived->count, ==, 2);
  assert_undo_label (fx, "Restore “Storyboard”");

  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_archive_task (s, gone, TRUE, &error));
}

static void
test_task_checklist (Fixture       *fx,
                     gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonTask *task = new_task (s, stage_at (s, 0), NULL, "Storyboard");
  BatonTask *other = new_task (s, stage_at (s, 0), NULL, "Other");
  BatonChecklistItem *a, *b, *c;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(BatonTask) gone = g_object_ref (new_task (s, stage_at (s, 0), NULL, "Gone"));
  g_autoptr(GError) local_error = NULL;

  ASSERT_OK (baton_store_delete (s, gone, &error));
  baton_test_recorder_clear (fx->rec);

  a = baton_store_add_checklist_item (s, task, " Outline ", &local_error);
  g_assert_no_error (local_error);
  expect_log (fx, "checklist_items 0-0+1\nchanged\n");
  assert_undo_label (fx, "Add checklist item");
  g_assert_cmpstr (baton_checklist_item_get_text (a), ==, "Outline");
  g_assert_cmpint (baton_checklist_item_get_task_id (a), ==, baton_test_id (task));
  g_assert_cmpint (baton_checklist_item_get_position (a), ==, 0);
  g_assert_false (baton_checklist_item_get_done (a));

  new_item (s, other, "Elsewhere");
  b = new_item (s, task, "Script");
  c = new_item (s, task, "Record");
  g_assert_cmpint (baton_checklist_item_get_position (b), ==, 1);
  g_assert_cmpint (baton_checklist_item_get_position (c), ==, 2);

  items = baton_store_get_task_checklist (s, task);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_true (g_ptr_array_index (items, 0) == a);
  g_assert_true (g_ptr_array_index (items, 1) == b);
  g_assert_true (g_ptr_array_index (items, 2) == c);

  /* Ticking an item. */
  {
    g_autoptr(BatonTestNotify) done = baton_test_notify_new (b, "done");

    ASSERT_OK (baton_store_update (s, b, &error, "done", (gboolean) TRUE, NULL));
    g_assert_true (baton_checklist_item_get_done (b));
    g_assert_cmpuint (done->count, ==, 1);
  }

  /* After a deleted middle item, the next goes after the last. */
  ASSERT_OK (baton_store_delete (s, b, &error));
  {
    BatonChecklistItem *d = new_item (s, task, "Publish");
    g_assert_cmpint (baton_checklist_item_get_position (d), ==, 3);
  }

  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_add_checklist_item (s, task, "", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_add_checklist_item (s, task, " ", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_add_checklist_item (s, task, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_add_checklist_item (s, gone, "X", &error));
  {
    BatonTask *foreign = new_task (other_store (fx), stage_at (other_store (fx), 0), NULL, "X");
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_add_checklist_item (s, foreign, "X", &error));
  }
}

static void
test_task_delete (Fixture       *fx,
                  gconstpointer  data)
{
  Workspace *w = &fx->w;
  g_autoptr(BatonTestState) before = NULL;
  GListModel *tasks, *items;
  guint index;
  gint64 id;

  build_workspace (fx);
  before = baton_test_state_capture (fx->store);
  tasks = baton_store_get_tasks (fx->store);
  items = baton_store_get_checklist_items (fx->store);
  index = list_index (tasks, w->t1);
  id = baton_test_id (w->t1);
  g_assert_cmpuint (n_items (items), ==, 3);
  /* Building the workspace moved and assigned the card: its activity,
   * the oldest, goes with it. */
  {
    g_autoptr(GPtrArray) activity = baton_store_get_task_activity (fx->store, w->t1);
    g_assert_cmpuint (activity->len, ==, 3);
    g_assert_cmpuint (n_items (baton_store_get_activity (fx->store)), ==, 6);
  }

  /* The checklist and the activity go first, then the card. */
  ASSERT_OK (baton_store_delete (fx->store, w->t1, &error));
  expect_log (fx, "checklist_items 0-1+0\nchecklist_items 0-1+0\n"
              "activity 0-1+0\nactivity 0-1+0\nactivity 0-1+0\ntasks %u-1+0\nchanged\n", index);
  g_assert_cmpuint (n_items (baton_store_get_activity (fx->store)), ==, 3);
  g_assert_null (baton_store_lookup_task (fx->store, id));
  g_assert_cmpuint (n_items (items), ==, 1);
  assert_stage_titles (fx->store, w->backlog, "Storyboard,Script");
  assert_undo_label (fx, "Delete “Needs analysis”");

  ASSERT_OK (baton_store_undo (fx->store, &error));
  baton_test_assert_data_equals (before, fx->store);
  assert_stage_titles (fx->store, w->backlog, "Needs analysis,Storyboard,Script");
}

/* Notes ------------------------------------------------------------------ */

static void
test_note_create (Fixture       *fx,
                  gconstpointer  data)
{
  Workspace *w = &fx->w;
  BatonNote *note;
  g_autoptr(GError) local_error = NULL;
  guint n;

  build_workspace (fx);
  n = n_items (baton_store_get_notes (fx->store));

  note = baton_store_create_note (fx->store, w->acme, w->safety, "Kick-off", "# Agenda\n\n- **goals**", &local_error);
  g_assert_no_error (local_error);
  expect_log (fx, "notes %u-0+1\nchanged\n", n);
  assert_undo_label (fx, "Add note");
  g_assert_cmpint (baton_note_get_client_id (note), ==, baton_test_id (w->acme));
  g_assert_cmpint (baton_note_get_program_id (note), ==, baton_test_id (w->safety));
  g_assert_cmpstr (baton_note_get_title (note), ==, "Kick-off");
  g_assert_cmpstr (baton_note_get_body (note), ==, "# Agenda\n\n- **goals**");
  g_assert_true (baton_timestamp_validate (baton_note_get_created_at (note)));
  g_assert_true (baton_timestamp_validate (baton_note_get_updated_at (note)));

  /* A note may have no title, no body, no program. */
  note = baton_store_create_note (fx->store, w->beta, NULL, NULL, NULL, &local_error);
  g_assert_no_error (local_error);
  g_assert_null (baton_note_get_title (note));
  g_assert_null (baton_note_get_body (note));
  g_assert_cmpint (baton_note_get_program_id (note), ==, 0);
}

static void
test_note_create_invalid (Fixture       *fx,
                          gconstpointer  data)
{
  Workspace *w = &fx->w;
  g_autoptr(BatonClient) gone_client = NULL;
  g_autoptr(BatonProgram) gone_program = NULL;
  BatonClient *foreign;
  BatonStore *s;

  build_workspace (fx);
  s = fx->store;
  gone_client = g_object_ref (new_client (s, "Gone"));
  gone_program = g_object_ref (new_program (s, w->acme, "Gone"));
  ASSERT_OK (baton_store_delete (s, gone_client, &error));
  ASSERT_OK (baton_store_delete (s, gone_program, &error));
  foreign = new_client (other_store (fx), "Acme");

  /* Sales is Beta's program. */
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "client",
                       baton_store_create_note (s, w->acme, w->sales, "T", "B", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_create_note (s, gone_client, NULL, "T", "B", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_create_note (s, w->acme, gone_program, "T", "B", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_create_note (s, foreign, NULL, "T", "B", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_create_note (s, NULL, NULL, "T", "B", &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_note (s, w->acme, NULL, "T", "\xff\xfe", &error));
}

static void
test_note_update (Fixture       *fx,
                  gconstpointer  data)
{
  Workspace *w = &fx->w;
  GListModel *revisions;
  BatonNoteRevision *revision;
  g_autoptr(BatonTestNotify) body = NULL;
  g_autoptr(BatonTestNotify) title = NULL;
  g_autoptr(BatonTestState) before = NULL;
  g_autoptr(BatonTestState) after = NULL;
  guint n;

  build_workspace (fx);
  revisions = baton_store_get_note_revisions (fx->store);
  n = n_items (revisions);
  body = baton_test_notify_new (w->n2, "body");
  title = baton_test_notify_new (w->n2, "title");
  before = baton_test_state_capture (fx->store);

  /* The previous body is kept, in the same step. */
  ASSERT_OK (baton_store_update_note (fx->store, w->n2, "Call", "Called Beta twice.", TRUE, &error));
  expect_log (fx, "note_revisions %u-0+1\nchanged\n", n);
  g_assert_cmpstr (baton_note_get_body (w->n2), ==, "Called Beta twice.");
  g_assert_cmpuint (body->count, ==, 1);
  g_assert_cmpuint (title->count, ==, 0);
  revision = baton_test_list_item (revisions, n);
  g_assert_cmpint (baton_note_revision_get_note_id (revision), ==, baton_test_id (w->n2));
  g_assert_cmpstr (baton_note_revision_get_body (revision), ==, "Called Beta.");
  g_assert_true (baton_timestamp_validate (baton_note_revision_get_saved_at (revision)));
  assert_undo_label (fx, "Edit “Call”");
  after = baton_test_state_capture (fx->store);

  ASSERT_OK (baton_store_undo (fx->store, &error));
  baton_test_assert_data_equals (before, fx->store);
  g_assert_cmpstr (baton_note_get_body (w->n2), ==, "Called Beta.");
  ASSERT_OK (baton_store_redo (fx->store, &error));
  baton_test_assert_data_equals (after, fx->store);

  /* Only the title changed: no revision. */
  ASSERT_OK (baton_store_update_note (fx->store, w->n2, "Phone call", "Called Beta twice.", TRUE, &error));
  g_assert_cmpstr (baton_note_get_title (w->n2), ==, "Phone call");
  g_assert_cmpuint (title->count, ==, 1);
  g_assert_cmpuint (n_items (revisions), ==, n + 1);

  /* keep_revision FALSE (autosave between revisions): no revision. */
  ASSERT_OK (baton_store_update_note (fx->store, w->n2, "Phone call", "Typing…", FALSE, &error));
  g_assert_cmpuint (n_items (revisions), ==, n + 1);
  g_assert_cmpstr (baton_note_get_body (w->n2), ==, "Typing…");

  /* Nothing changed at all: nothing written, nothing recorded. */
  {
    g_autoptr(BatonTestState) same = baton_test_state_capture (fx->store);

    baton_test_recorder_clear (fx->rec);
    ASSERT_OK (baton_store_update_note (fx->store, w->n2, "Phone call", "Typing…", TRUE, &error));
    baton_test_assert_state_equals (same, fx->store);
    baton_test_assert_log (fx->rec, "");
  }

  /* Deleting the note takes its revisions. */
  ASSERT_OK (baton_store_delete (fx->store, w->n1, &error));
  g_assert_cmpuint (n_items (revisions), ==, n);
  ASSERT_OK (baton_store_undo (fx->store, &error));
  g_assert_cmpuint (n_items (revisions), ==, n + 1);

  {
    g_autoptr(BatonNote) gone = g_object_ref (new_note (fx->store, w->acme, NULL, "Gone", "x"));
    BatonNote *foreign = new_note (other_store (fx), new_client (other_store (fx), "C"), NULL, "T", "B");

    ASSERT_OK (baton_store_delete (fx->store, gone, &error));
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                    baton_store_update_note (fx->store, gone, "T", "B", TRUE, &error));
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                    baton_store_update_note (fx->store, foreign, "T", "B", TRUE, &error));
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID,
                    baton_store_update_note (fx->store, w->n2, "T", "bad \xff", TRUE, &error));
  }
}

/* Generic mutations ------------------------------------------------------ */

static void
test_generic (Fixture       *fx,
              gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonRole *role;
  BatonTimeOff *off;
  BatonPerson *ana = new_person (s, "Ana", 2400);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BatonTestState) before = NULL;

  baton_test_recorder_clear (fx->rec);
  role = baton_store_insert (s, BATON_TYPE_ROLE, &local_error,
                             "name", " SME ", "color", "#AABBCC", "position", (gint64) 7, NULL);
  g_assert_no_error (local_error);
  g_assert_true (BATON_IS_ROLE (role));
  expect_log (fx, "roles 0-0+1\nchanged\n");
  g_assert_cmpstr (baton_role_get_name (role), ==, "SME");
  g_assert_cmpstr (baton_role_get_color (role), ==, "#aabbcc");
  g_assert_cmpint (baton_role_get_position (role), ==, 7);
  assert_undo_label (fx, "Add");

  /* insertv with GValues. */
  {
    const char *names[] = { "person-id", "start-date", "end-date" };
    GValue values[3] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };

    g_value_init (&values[0], G_TYPE_INT64);
    g_value_set_int64 (&values[0], baton_test_id (ana));
    g_value_init (&values[1], G_TYPE_STRING);
    g_value_set_string (&values[1], "2026-05-01");
    g_value_init (&values[2], G_TYPE_STRING);
    g_value_set_string (&values[2], "2026-05-01");
    off = baton_store_insertv (s, BATON_TYPE_TIME_OFF, 3, names, values, &local_error);
    g_assert_no_error (local_error);
    g_assert_true (BATON_IS_TIME_OFF (off));
    for (guint i = 0; i < 3; i++)
      g_value_unset (&values[i]);

    /* Unknown field, wrong value type, missing required values. */
    names[0] = "no-such-field";
    g_value_init (&values[0], G_TYPE_INT64);
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_insertv (s, BATON_TYPE_ROLE, 1, names, values, &error));
    names[0] = "name";
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_insertv (s, BATON_TYPE_ROLE, 1, names, values, &error));
    g_value_unset (&values[0]);
  }
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_insert (s, BATON_TYPE_ROLE, &error, "color", "#000000", NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_insert (s, BATON_TYPE_TIME_OFF, &error,
                                                                     "start-date", "2026-01-01", "end-date", "2026-01-02", NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_insert (s, BATON_TYPE_TASK, &error, "title", "No stage", NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_insert (s, BATON_TYPE_TASK, &error,
                                                                       "title", "T", "stage-id", (gint64) 999, NULL));

  /* Update and delete. */
  ASSERT_OK (baton_store_update (s, off, &error, "note", "Conference", NULL));
  g_assert_cmpstr (baton_time_off_get_note (off), ==, "Conference");
  assert_undo_label (fx, "Edit “time off”");
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_update (s, off, &error, "end-date", "2026-04-30", NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_update (s, off, &error, "start-date", NULL, NULL));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_update (s, off, &error, "person-id", (gint64) 77, NULL));
  {
    const char *names[] = { "nope" };
    GValue values[1] = { G_VALUE_INIT };

    g_value_init (&values[0], G_TYPE_STRING);
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_updatev (s, off, 1, names, values, &error));
    g_value_unset (&values[0]);
  }

  before = baton_test_state_capture (s);
  ASSERT_OK (baton_store_delete (s, role, &error));
  assert_undo_label (fx, "Delete “SME”");
  ASSERT_OK (baton_store_undo (s, &error));
  baton_test_assert_data_equals (before, s);

  /* Not a record of this store. */
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_delete (s, stage_at (other_store (fx), 0), &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND,
                  baton_store_update (s, stage_at (other_store (fx), 0), &error, "name", "X", NULL));
  {
    g_autoptr(BatonRole) detached = g_object_new (BATON_TYPE_ROLE, NULL);

    ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_delete (s, detached, &error));
    ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_update (s, detached, &error, "name", "X", NULL));
  }
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_delete (s, NULL, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOT_FOUND, baton_store_delete (s, s, &error));
}

/* Rules that span rows --------------------------------------------------- */

/* A note's program belongs to the note's client, however the note or the
 * program is changed. baton_store_update () used to accept a program of
 * another client, and the JSON import then refused the export. */
static void
test_rule_note_program (Fixture       *fx,
                        gconstpointer  data)
{
  Workspace *w = &fx->w;
  BatonStore *s;
  BatonProgram *spare;

  build_workspace (fx);
  s = fx->store;

  /* n1 is Acme's note about Onboarding; Sales is Beta's. */
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID,
                       "The program “Sales” belongs to the client “Beta”, not to “Acme”.",
                       baton_store_update (s, w->n1, &error, "program-id", baton_test_id (w->sales), NULL));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "The program “Onboarding” belongs to the client “Acme”, not to “Beta”.",
                       baton_store_update (s, w->n1, &error, "client-id", baton_test_id (w->beta), NULL));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "“Sales”",
                       baton_store_update (s, w->n3, &error, "program-id", baton_test_id (w->sales), NULL));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "“Sales”",
                       baton_store_insert (s, BATON_TYPE_NOTE, &error,
                                           "client-id", baton_test_id (w->acme),
                                           "program-id", baton_test_id (w->sales), NULL));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "“Sales”",
                       baton_store_create_note (s, w->acme, w->sales, "T", "B", &error));

  /* The other side: a program with notes of its client keeps the client. */
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "notes of “Acme” refer to it",
                       baton_store_update (s, w->onboarding, &error, "client-id", baton_test_id (w->beta), NULL));

  /* Allowed: another program of the same client, none, or both at once. */
  ASSERT_OK (baton_store_update (s, w->n1, &error, "program-id", baton_test_id (w->safety), NULL));
  ASSERT_OK (baton_store_update (s, w->n1, &error, "program-id", (gint64) 0, NULL));
  ASSERT_OK (baton_store_update (s, w->n1, &error,
                                 "client-id", baton_test_id (w->beta),
                                 "program-id", baton_test_id (w->sales), NULL));
  g_assert_cmpint (baton_note_get_program_id (w->n1), ==, baton_test_id (w->sales));
  ASSERT_OK (baton_store_undo (s, &error));
  g_assert_cmpint (baton_note_get_client_id (w->n1), ==, baton_test_id (w->acme));

  /* A program without notes may move. */
  spare = new_program (s, w->acme, "Spare");
  ASSERT_OK (baton_store_update (s, spare, &error, "client-id", baton_test_id (w->beta), NULL));
  g_assert_cmpint (baton_program_get_client_id (spare), ==, baton_test_id (w->beta));
}

/* A note that broke the rule before the store kept it can still be typed
 * in: only a change to the note's client or program is checked. */
static void
test_rule_note_program_existing (Fixture       *fx,
                                 gconstpointer  data)
{
  Workspace *w = &fx->w;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sql = NULL;
  gint64 note_id;
  BatonNote *note;

  build_workspace (fx);
  note_id = baton_test_id (w->n3);
  sql = g_strdup_printf ("UPDATE notes SET program_id = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                         baton_test_id (w->sales), note_id);
  g_assert_true (baton_test_engine_exec (fx->store, sql, &local_error));
  g_assert_no_error (local_error);
  fixture_reopen (fx);

  note = baton_store_lookup_note (fx->store, note_id);
  g_assert_nonnull (note);
  ASSERT_OK (baton_store_update_note (fx->store, note, "General", "Still typing.", TRUE, &error));
  g_assert_cmpstr (baton_note_get_body (note), ==, "Still typing.");
  ASSERT_OK (baton_store_update (fx->store, note, &error, "program-id", (gint64) 0, NULL));
}

static BatonPersonRole *
role_link (BatonStore  *store,
           BatonPerson *person,
           gint64       role_id)
{
  g_autoptr(GPtrArray) links = baton_store_find_by_reference (store, BATON_TYPE_PERSON_ROLE, "person-id",
                                                              baton_test_id (person));

  for (guint i = 0; i < links->len; i++)
    if (baton_person_role_get_role_id (g_ptr_array_index (links, i)) == role_id)
      return g_ptr_array_index (links, i);

  g_assert_not_reached ();
  return NULL;
}

/* A person holds a role once, and holding any, exactly one as primary:
 * baton_store_set_person_roles () keeps that, and so must every other
 * mutation of the links. */
static void
test_rule_person_roles (Fixture       *fx,
                        gconstpointer  data)
{
  Workspace *w = &fx->w;
  BatonStore *s;
  BatonPersonRole *writer, *designer;
  gint64 ana, cy;

  build_workspace (fx);
  s = fx->store;
  ana = baton_test_id (w->ana);
  cy = baton_test_id (w->cy);
  /* Ana: writer (primary) and designer; Cy: no roles. */
  writer = role_link (s, w->ana, baton_test_id (w->writer));
  designer = role_link (s, w->ana, baton_test_id (w->designer));
  g_assert_true (baton_person_role_get_is_primary (writer));

  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "“Ana” already holds the role “Designer”.",
                       baton_store_insert (s, BATON_TYPE_PERSON_ROLE, &error,
                                           "person-id", ana, "role-id", baton_test_id (w->designer), NULL));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "“Ana” already holds the role “Writer”.",
                       baton_store_update (s, designer, &error, "role-id", baton_test_id (w->writer), NULL));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "“Ana” already has a primary role.",
                       baton_store_insert (s, BATON_TYPE_PERSON_ROLE, &error, "person-id", ana,
                                           "role-id", baton_test_id (w->reviewer), "is-primary", (gboolean) TRUE, NULL));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "“Ana” already has a primary role.",
                       baton_store_update (s, designer, &error, "is-primary", (gboolean) TRUE, NULL));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "“Ana” has roles but none of them is primary.",
                       baton_store_update (s, writer, &error, "is-primary", (gboolean) FALSE, NULL));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "“Ana” has roles but none of them is primary.",
                       baton_store_delete (s, writer, &error));
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "“Cy” has roles but none of them is primary.",
                       baton_store_insert (s, BATON_TYPE_PERSON_ROLE, &error, "person-id", cy,
                                           "role-id", baton_test_id (w->writer), NULL));
  /* Moving Ana's primary link to Cy leaves Ana without a primary role. */
  ASSERT_REFUSED_WITH (fx, BATON_STORE_ERROR_INVALID, "“Ana” has roles but none of them is primary.",
                       baton_store_update (s, writer, &error, "person-id", cy, NULL));

  /* Allowed: a first role as primary, a second one not, dropping a
   * secondary role, the last role, or a person with all their roles. */
  ASSERT_OK (baton_store_insert (s, BATON_TYPE_PERSON_ROLE, &error, "person-id", cy,
                                 "role-id", baton_test_id (w->writer), "is-primary", (gboolean) TRUE, NULL));
  ASSERT_OK (baton_store_insert (s, BATON_TYPE_PERSON_ROLE, &error, "person-id", cy,
                                 "role-id", baton_test_id (w->reviewer), NULL));
  ASSERT_OK (baton_store_delete (s, designer, &error));
  ASSERT_OK (baton_store_delete (s, writer, &error));
  {
    g_autoptr(GPtrArray) left = baton_store_find_by_reference (s, BATON_TYPE_PERSON_ROLE, "person-id", ana);

    g_assert_cmpuint (left->len, ==, 0);
  }
  ASSERT_OK (baton_store_delete (s, w->cy, &error));

  /* And every change the typed method makes at once. */
  {
    gint64 roles[] = { baton_test_id (w->designer), baton_test_id (w->reviewer) };

    ASSERT_OK (baton_store_set_person_roles (s, w->ben, roles, 2, roles[1], &error));
    ASSERT_OK (baton_store_set_person_roles (s, w->ben, roles, 2, roles[0], &error));
  }
}

/* Saving what is already there is not a change: no undo step that does
 * nothing, no "changed", no new updated-at. */
static void
test_generic_no_op (Fixture       *fx,
                    gconstpointer  data)
{
  Workspace *w = &fx->w;
  g_autoptr(BatonTestState) before = NULL;

  build_workspace (fx);
  before = baton_test_state_capture (fx->store);
  baton_test_recorder_clear (fx->rec);

  ASSERT_OK (baton_store_update (fx->store, w->writer, &error, "name", "Writer", NULL));
  ASSERT_OK (baton_store_update (fx->store, w->t1, &error, "title", "Needs analysis", NULL));
  ASSERT_OK (baton_store_reassign_task (fx->store, w->t1, w->ana, &error));
  ASSERT_OK (baton_store_archive_task (fx->store, w->t1, FALSE, &error));
  ASSERT_OK (baton_store_move_role (fx->store, w->writer, 0, &error));

  baton_test_assert_state_equals (before, fx->store);
  baton_test_assert_log (fx->rec, "");
}

/* History through the store ---------------------------------------------- */

static void
test_history_signals (Fixture       *fx,
                      gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonHistory *history = baton_store_get_history (s);
  g_autoptr(BatonTestNotify) can_undo = baton_test_notify_new (history, "can-undo");
  g_autoptr(BatonTestNotify) can_redo = baton_test_notify_new (history, "can-redo");
  g_autoptr(BatonTestNotify) undo_label = baton_test_notify_new (history, "undo-label");
  BatonRole *role;

  role = new_role (s, "Writer", NULL);
  g_assert_cmpuint (can_undo->count, ==, 1);
  g_assert_cmpuint (can_redo->count, ==, 0);
  g_assert_cmpuint (undo_label->count, >=, 1);
  g_assert_cmpstr (baton_history_get_undo_label (history), ==, "Add role");

  ASSERT_OK (baton_store_update (s, role, &error, "name", "Author", NULL));
  g_assert_cmpuint (can_undo->count, ==, 1);
  g_assert_cmpstr (baton_history_get_undo_label (history), ==, "Edit “Writer”");

  ASSERT_OK (baton_store_undo (s, &error));
  g_assert_cmpstr (baton_role_get_name (role), ==, "Writer");
  g_assert_cmpuint (can_redo->count, ==, 1);
  g_assert_cmpstr (baton_history_get_undo_label (history), ==, "Add role");
  g_assert_cmpstr (baton_history_get_redo_label (history), ==, "Edit “Writer”");

  ASSERT_OK (baton_store_undo (s, &error));
  g_assert_cmpuint (n_items (baton_store_get_roles (s)), ==, 0);
  g_assert_cmpuint (can_undo->count, ==, 2);
  g_assert_false (baton_history_get_can_undo (history));

  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOTHING_TO_UNDO, baton_store_undo (s, &error));

  ASSERT_OK (baton_store_redo (s, &error));
  g_assert_cmpuint (can_undo->count, ==, 3);
  role = baton_test_list_item (baton_store_get_roles (s), 0);
  g_assert_cmpstr (baton_role_get_name (role), ==, "Writer");

  /* A new change drops what could be redone. */
  new_role (s, "Designer", NULL);
  g_assert_false (baton_history_get_can_redo (history));
  g_assert_cmpuint (can_redo->count, ==, 2);
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOTHING_TO_UNDO, baton_store_redo (s, &error));
}

static void
test_history_empty (Fixture       *fx,
                    gconstpointer  data)
{
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOTHING_TO_UNDO, baton_store_undo (fx->store, &error));
  ASSERT_REFUSED (fx, BATON_STORE_ERROR_NOTHING_TO_UNDO, baton_store_redo (fx->store, &error));
}

/* A refused change leaves the history alone, redo included. */
static void
test_history_failed_change (Fixture       *fx,
                            gconstpointer  data)
{
  BatonStore *s = fx->store;
  BatonHistory *history = baton_store_get_history (s);

  new_role (s, "Writer", NULL);
  new_role (s, "Designer", NULL);
  ASSERT_OK (baton_store_undo (s, &error));
  g_assert_true (baton_history_get_can_redo (history));

  ASSERT_REFUSED (fx, BATON_STORE_ERROR_INVALID, baton_store_create_role (s, "writer", NULL, &error));
  g_assert_true (baton_history_get_can_redo (history));
  ASSERT_OK (baton_store_redo (s, &error));
  assert_list_names (baton_store_get_roles (s), "Writer,Designer");
}

/* Batches ---------------------------------------------------------------- */

typedef struct
{
  BatonStage *stage;
  gboolean    fail;          /* fail at the end, after the changes */
  gboolean    fail_in_store; /* make a store method fail at the end */
  BatonTask  *task;
} BatchData;

static gboolean
batch_func (BatonStore  *store,
            gpointer     user_data,
            GError     **error)
{
  BatchData *data = user_data;
  BatonClient *client;
  BatonProgram *program;

  if (!(client = baton_store_create_client (store, "Batch client", NULL, error)) ||
      !(program = baton_store_create_program (store, client, "Batch program", error)) ||
      !(data->task = baton_store_create_task (store, data->stage, program, "Batch task", error)) ||
      !baton_store_reassign_task (store, data->task, NULL, error) ||
      !baton_store_schedule_task (store, data->task, "2026-04-01", "2026-04-03", error))
    return FALSE;

  if (data->fail_in_store)
    return baton_store_create_role (store, "", NULL, error) != NULL;

  if (data->fail)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Stopped on purpose");
      return FALSE;
    }

  return TRUE;
}

static void
test_batch_commit (Fixture       *fx,
                   gconstpointer  data)
{
  BatchData batch = { stage_at (fx->store, 0), FALSE, FALSE, NULL };
  g_autoptr(BatonTestState) before = NULL;
  g_autoptr(BatonTestState) after = NULL;

  build_workspace (fx);
  batch.stage = fx->w.review;
  before = baton_test_state_capture (fx->store);

  ASSERT_OK (baton_store_run_batch (fx->store, "Import", TRUE, batch_func, &batch, &error));
  g_assert_nonnull (batch.task);
  g_assert_cmpstr (baton_task_get_start_date (batch.task), ==, "2026-04-01");
  assert_undo_label (fx, "Import");
  baton_test_assert_store_matches_db (fx->store);
  after = baton_test_state_capture (fx->store);

  /* One step undoes all of it. */
  ASSERT_OK (baton_store_undo (fx->store, &error));
  baton_test_assert_data_equals (before, fx->store);
  g_assert_cmpstr (baton_history_get_redo_label (baton_store_get_history (fx->store)), ==, "Import");
  ASSERT_OK (baton_store_redo (fx->store, &error));
  baton_test_assert_data_equals (after, fx->store);
}

static void
test_batch_no_history (Fixture       *fx,
                       gconstpointer  data)
{
  BatchData batch = { stage_at (fx->store, 0), FALSE, FALSE, NULL };

  ASSERT_OK (baton_store_run_batch (fx->store, NULL, FALSE, batch_func, &batch, &error));
  g_assert_nonnull (batch.task);
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (fx->store)));
  g_assert_cmpuint (n_items (baton_store_get_tasks (fx->store)), ==, 1);
}

static void
test_batch_failure (Fixture       *fx,
                    gconstpointer  data)
{
  BatchData batch = { NULL, TRUE, FALSE, NULL };
  g_autoptr(BatonTestState) before = NULL;
  GError *local_error = NULL;
  gint64 review_id;

  build_workspace (fx);
  review_id = baton_test_id (fx->w.review);
  batch.stage = fx->w.review;
  before = baton_test_state_capture (fx->store);

  /* The function's own error comes back; nothing stays. */
  g_assert_false (baton_store_run_batch (fx->store, "Import", TRUE, batch_func, &batch, &local_error));
  g_assert_error (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&local_error);
  baton_test_assert_state_equals (before, fx->store);
  baton_test_recorder_clear (fx->rec);

  /* A store method failing inside it: its error comes back. (The stage
   * is looked up again: whether a failed batch keeps the objects is
   * batch/failure-keeps-objects.) */
  batch.stage = baton_store_lookup_stage (fx->store, review_id);
  batch.fail = FALSE;
  batch.fail_in_store = TRUE;
  g_assert_false (baton_store_run_batch (fx->store, "Import", TRUE, batch_func, &batch, &local_error));
  baton_test_assert_store_error (local_error, BATON_STORE_ERROR_INVALID);
  g_clear_error (&local_error);
  baton_test_assert_state_equals (before, fx->store);

  /* Without history too. */
  batch.stage = baton_store_lookup_stage (fx->store, review_id);
  g_assert_false (baton_store_run_batch (fx->store, NULL, FALSE, batch_func, &batch, &local_error));
  g_clear_error (&local_error);
  baton_test_assert_state_equals (before, fx->store);

  /* And the store still works. */
  ASSERT_OK (baton_store_create_role (fx->store, "After", NULL, &error));
  ASSERT_OK (baton_store_undo (fx->store, &error));
  baton_test_assert_data_equals (before, fx->store);
}

/* After a failed batch the objects that views hold are still the store's
 * objects: editing them must keep working. */
static void
test_batch_failure_keeps_objects (Fixture       *fx,
                                  gconstpointer  data)
{
  BatchData batch = { NULL, TRUE, FALSE, NULL };
  GError *local_error = NULL;
  g_autoptr(BatonTask) t1 = NULL;
  g_autoptr(BatonStage) review = NULL;
  g_autoptr(BatonPerson) ben = NULL;

  build_workspace (fx);
  batch.stage = fx->w.review;
  /* Held like a view holds its items, so a replaced object is not freed
   * under the test. */
  t1 = g_object_ref (fx->w.t1);
  review = g_object_ref (fx->w.review);
  ben = g_object_ref (fx->w.ben);

  g_assert_false (baton_store_run_batch (fx->store, "Import", TRUE, batch_func, &batch, &local_error));
  g_clear_error (&local_error);

  g_assert_true (baton_store_lookup_task (fx->store, baton_test_id (t1)) == t1);
  g_assert_true (baton_store_lookup_stage (fx->store, baton_test_id (review)) == review);
  g_assert_true (baton_store_lookup_person (fx->store, baton_test_id (ben)) == ben);
  g_assert_true (baton_store_reassign_task (fx->store, t1, ben, &local_error));
  g_assert_no_error (local_error);
  g_clear_error (&local_error);
}

typedef struct
{
  BatchData inner;
  gboolean  inner_fails;
} NestedData;

static gboolean
nested_func (BatonStore  *store,
             gpointer     user_data,
             GError     **error)
{
  NestedData *data = user_data;
  g_autoptr(GError) inner_error = NULL;

  if (!baton_store_create_role (store, "Outer role", NULL, error))
    return FALSE;

  data->inner.fail = data->inner_fails;
  if (!baton_store_run_batch (store, "Inner", TRUE, batch_func, &data->inner, &inner_error))
    {
      /* The outer batch carries on without the inner one. */
      g_assert_true (data->inner_fails);
      g_assert_nonnull (inner_error);
    }

  return baton_store_create_role (store, "Outer role 2", NULL, error) != NULL;
}

static void
test_batch_nested (Fixture       *fx,
                   gconstpointer  data)
{
  NestedData nested = { { stage_at (fx->store, 0), FALSE, FALSE, NULL }, FALSE };
  g_autoptr(BatonTestState) before = baton_test_state_capture (fx->store);
  g_autoptr(BatonTestState) after = NULL;

  ASSERT_OK (baton_store_run_batch (fx->store, "Outer", TRUE, nested_func, &nested, &error));
  g_assert_cmpuint (n_items (baton_store_get_roles (fx->store)), ==, 2);
  g_assert_cmpuint (n_items (baton_store_get_tasks (fx->store)), ==, 1);
  assert_undo_label (fx, "Outer");
  after = baton_test_state_capture (fx->store);

  ASSERT_OK (baton_store_undo (fx->store, &error));
  baton_test_assert_data_equals (before, fx->store);
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (fx->store)));
  ASSERT_OK (baton_store_redo (fx->store, &error));
  baton_test_assert_data_equals (after, fx->store);
  ASSERT_OK (baton_store_undo (fx->store, &error));

  /* The inner batch fails: its changes go, the outer ones stay. */
  nested.inner_fails = TRUE;
  nested.inner.stage = stage_at (fx->store, 0);
  ASSERT_OK (baton_store_run_batch (fx->store, "Outer", TRUE, nested_func, &nested, &error));
  g_assert_cmpuint (n_items (baton_store_get_roles (fx->store)), ==, 2);
  g_assert_cmpuint (n_items (baton_store_get_tasks (fx->store)), ==, 0);
  g_assert_cmpuint (n_items (baton_store_get_clients (fx->store)), ==, 0);
  ASSERT_OK (baton_store_undo (fx->store, &error));
  baton_test_assert_data_equals (before, fx->store);
}

/* Undo and redo of every kind of change ---------------------------------- */

typedef struct
{
  const char *name;
  void      (*prepare) (Fixture *fx);   /* optional, before the snapshot */
  void      (*mutate)  (Fixture *fx);
  const char *label;                     /* expected undo label, or NULL */
} UndoCase;

static void
mutate_create_role (Fixture *fx)
{
  new_role (fx->store, "Reviewer 2", "#00FF00");
}

static void
mutate_update_role (Fixture *fx)
{
  ASSERT_OK (baton_store_update (fx->store, fx->w.writer, &error, "name", "Author", "color", NULL, NULL));
}

static void
mutate_delete_role (Fixture *fx)
{
  ASSERT_OK (baton_store_delete (fx->store, fx->w.reviewer, &error));
}

static void
mutate_move_role (Fixture *fx)
{
  ASSERT_OK (baton_store_move_role (fx->store, fx->w.reviewer, 0, &error));
}

static void
mutate_create_person (Fixture *fx)
{
  ASSERT_OK (baton_store_create_person (fx->store, "Dee", "dee@example.com", 1500, "#123456", &error));
}

static void
mutate_update_person (Fixture *fx)
{
  ASSERT_OK (baton_store_update (fx->store, fx->w.ben, &error,
                                 "weekly-capacity-minutes", (gint64) 0, "archived", (gboolean) TRUE,
                                 "email", "ben@example.com", NULL));
}

static void
mutate_set_roles_add (Fixture *fx)
{
  gint64 ids[] = { baton_test_id (fx->w.writer), baton_test_id (fx->w.reviewer) };
  set_roles (fx->store, fx->w.cy, ids[1], 2, ids);
}

static void
mutate_set_roles_mixed (Fixture *fx)
{
  /* Ana: Writer goes, Designer stays but becomes primary, Reviewer comes. */
  gint64 ids[] = { baton_test_id (fx->w.reviewer), baton_test_id (fx->w.designer) };
  set_roles (fx->store, fx->w.ana, ids[1], 2, ids);
}

static void
mutate_set_roles_clear (Fixture *fx)
{
  set_roles (fx->store, fx->w.ana, 0, 0, NULL);
}

static void
mutate_add_time_off (Fixture *fx)
{
  ASSERT_OK (baton_store_add_time_off (fx->store, fx->w.ben, "2026-04-06", "2026-04-10", NULL, &error));
}

static void
mutate_delete_person (Fixture *fx)
{
  ASSERT_OK (baton_store_delete (fx->store, fx->w.ana, &error));
}

static void
mutate_create_client (Fixture *fx)
{
  ASSERT_OK (baton_store_create_client (fx->store, "Gamma", "Gamma Ltd", &error));
}

static void
mutate_create_program (Fixture *fx)
{
  ASSERT_OK (baton_store_create_program (fx->store, fx->w.beta, "Leadership", &error));
}

static void
mutate_update_program (Fixture *fx)
{
  ASSERT_OK (baton_store_update (fx->store, fx->w.sales, &error,
                                 "start-date", "2026-01-05", "due-date", "2026-02-27",
                                 "description", "Q1", NULL));
}

static void
mutate_delete_client_beta (Fixture *fx)
{
  ASSERT_OK (baton_store_delete (fx->store, fx->w.beta, &error));
}

static void
mutate_delete_client_acme (Fixture *fx)
{
  ASSERT_OK (baton_store_delete (fx->store, fx->w.acme, &error));
}

static void
mutate_delete_program (Fixture *fx)
{
  ASSERT_OK (baton_store_delete (fx->store, fx->w.onboarding, &error));
}

static void
mutate_create_stage (Fixture *fx)
{
  ASSERT_OK (baton_store_create_stage (fx->store, "QA", 2, &error));
}

static void
mutate_update_stage (Fixture *fx)
{
  ASSERT_OK (baton_store_update (fx->store, fx->w.review, &error,
                                 "wip-limit", (gint64) 5, "is-done", (gboolean) TRUE, NULL));
}

static void
mutate_move_stage (Fixture *fx)
{
  ASSERT_OK (baton_store_move_stage (fx->store, fx->w.backlog, 4, &error));
}

static void
mutate_delete_stage_move (Fixture *fx)
{
  ASSERT_OK (baton_store_delete_stage (fx->store, fx->w.backlog, fx->w.design, &error));
}

static void
mutate_delete_stage_drop (Fixture *fx)
{
  ASSERT_OK (baton_store_delete_stage (fx->store, fx->w.backlog, NULL, &error));
}

static void
mutate_create_task (Fixture *fx)
{
  new_task (fx->store, fx->w.design, fx->w.sales, "Prototype");
}

static void
mutate_create_done_task (Fixture *fx)
{
  new_task (fx->store, fx->w.delivered, NULL, "Done at once");
}

static void
mutate_update_task (Fixture *fx)
{
  ASSERT_OK (baton_store_update (fx->store, fx->w.t3, &error,
                                 "title", "Script v2", "description", "Longer", "priority", (gint64) 2,
                                 "estimate-minutes", (gint64) 240, "role-id", baton_test_id (fx->w.writer), NULL));
}

static void
mutate_move_within (Fixture *fx)
{
  ASSERT_OK (baton_store_move_task (fx->store, fx->w.t3, fx->w.backlog, fx->w.t1, &error));
}

static void
mutate_move_across (Fixture *fx)
{
  ASSERT_OK (baton_store_move_task (fx->store, fx->w.t2, fx->w.design, fx->w.t4, &error));
}

static void
mutate_move_into_done (Fixture *fx)
{
  ASSERT_OK (baton_store_move_task (fx->store, fx->w.t1, fx->w.delivered, NULL, &error));
}

static void
mutate_move_out_of_done (Fixture *fx)
{
  ASSERT_OK (baton_store_move_task (fx->store, fx->w.t5, fx->w.review, NULL, &error));
}

/* Backlog positions packed tight, so the next move renumbers. */
static void
prepare_packed (Fixture *fx)
{
  ASSERT_OK (baton_store_update (fx->store, fx->w.t1, &error, "position", (gint64) 10, NULL));
  ASSERT_OK (baton_store_update (fx->store, fx->w.t2, &error, "position", (gint64) 11, NULL));
  ASSERT_OK (baton_store_update (fx->store, fx->w.t3, &error, "position", (gint64) 12, NULL));
  assert_stage_titles (fx->store, fx->w.backlog, "Needs analysis,Storyboard,Script");
}

static void
mutate_move_renumber (Fixture *fx)
{
  ASSERT_OK (baton_store_move_task (fx->store, fx->w.t4, fx->w.backlog, fx->w.t2, &error));
  assert_stage_titles (fx->store, fx->w.backlog, "Needs analysis,Mockups,Storyboard,Script");
  g_assert_cmpuint (baton_change_get_n_ops (baton_history_peek_undo (baton_store_get_history (fx->store))), >, 1);
}

static void
mutate_reassign (Fixture *fx)
{
  ASSERT_OK (baton_store_reassign_task (fx->store, fx->w.t1, fx->w.ben, &error));
}

static void
mutate_unassign (Fixture *fx)
{
  ASSERT_OK (baton_store_reassign_task (fx->store, fx->w.t2, NULL, &error));
}

static void
mutate_schedule (Fixture *fx)
{
  ASSERT_OK (baton_store_schedule_task (fx->store, fx->w.t3, "2026-05-04", "2026-05-29", &error));
}

static void
mutate_reschedule (Fixture *fx)
{
  ASSERT_OK (baton_store_reschedule_task (fx->store, fx->w.t1, -2, &error));
}

static void
mutate_reassign_reschedule (Fixture *fx)
{
  ASSERT_OK (baton_store_reassign_and_reschedule_task (fx->store, fx->w.t2, fx->w.ana, 3, &error));
}

static void
mutate_archive (Fixture *fx)
{
  ASSERT_OK (baton_store_archive_task (fx->store, fx->w.t4, TRUE, &error));
}

static void
prepare_archived (Fixture *fx)
{
  ASSERT_OK (baton_store_archive_task (fx->store, fx->w.t4, TRUE, &error));
}

static void
mutate_unarchive (Fixture *fx)
{
  ASSERT_OK (baton_store_archive_task (fx->store, fx->w.t4, FALSE, &error));
}

static void
mutate_add_checklist_item (Fixture *fx)
{
  new_item (fx->store, fx->w.t1, "Report");
}

static void
mutate_tick_checklist_item (Fixture *fx)
{
  BatonChecklistItem *item = baton_test_list_item (baton_store_get_checklist_items (fx->store), 1);

  ASSERT_OK (baton_store_update (fx->store, item, &error, "done", (gboolean) TRUE, NULL));
}

static void
mutate_delete_checklist_item (Fixture *fx)
{
  ASSERT_OK (baton_store_delete (fx->store, baton_test_list_item (baton_store_get_checklist_items (fx->store), 0), &error));
}

static void
mutate_delete_task (Fixture *fx)
{
  ASSERT_OK (baton_store_delete (fx->store, fx->w.t1, &error));
}

static void
mutate_create_note (Fixture *fx)
{
  new_note (fx->store, fx->w.beta, fx->w.sales, "Meeting", "- one\n- two");
}

static void
mutate_update_note_revision (Fixture *fx)
{
  ASSERT_OK (baton_store_update_note (fx->store, fx->w.n1, "Needs analysis v2", "# Rewritten", TRUE, &error));
}

static void
mutate_update_note_plain (Fixture *fx)
{
  ASSERT_OK (baton_store_update_note (fx->store, fx->w.n3, "General", "Edited", FALSE, &error));
}

static void
mutate_delete_note (Fixture *fx)
{
  ASSERT_OK (baton_store_delete (fx->store, fx->w.n1, &error));
}

static void
mutate_generic_insert (Fixture *fx)
{
  ASSERT_OK (baton_store_insert (fx->store, BATON_TYPE_CHECKLIST_ITEM, &error,
                                 "task-id", baton_test_id (fx->w.t3), "text", "Generic", "done", (gboolean) TRUE, NULL));
}

static void
mutate_batch (Fixture *fx)
{
  BatchData batch = { fx->w.analysis, FALSE, FALSE, NULL };

  ASSERT_OK (baton_store_run_batch (fx->store, "Import", TRUE, batch_func, &batch, &error));
}

static const UndoCase undo_cases[] = {
  { "create-role", NULL, mutate_create_role, "Add role" },
  { "update-role", NULL, mutate_update_role, "Edit “Writer”" },
  { "delete-role", NULL, mutate_delete_role, "Delete “Reviewer”" },
  { "move-role", NULL, mutate_move_role, "Move “Reviewer”" },
  { "create-person", NULL, mutate_create_person, "Add person" },
  { "update-person", NULL, mutate_update_person, "Edit “Ben”" },
  { "set-person-roles-add", NULL, mutate_set_roles_add, "Change roles of “Cy”" },
  { "set-person-roles-mixed", NULL, mutate_set_roles_mixed, "Change roles of “Ana”" },
  { "set-person-roles-clear", NULL, mutate_set_roles_clear, "Change roles of “Ana”" },
  { "add-time-off", NULL, mutate_add_time_off, "Add time off" },
  { "delete-person", NULL, mutate_delete_person, "Delete “Ana”" },
  { "create-client", NULL, mutate_create_client, "Add client" },
  { "create-program", NULL, mutate_create_program, "Add program" },
  { "update-program", NULL, mutate_update_program, "Edit “Sales”" },
  { "delete-client", NULL, mutate_delete_client_beta, "Delete “Beta”" },
  { "delete-client-with-program-note", NULL, mutate_delete_client_acme, "Delete “Acme”" },
  { "delete-program", NULL, mutate_delete_program, "Delete “Onboarding”" },
  { "create-stage", NULL, mutate_create_stage, "Add stage" },
  { "update-stage", NULL, mutate_update_stage, "Edit “Review”" },
  { "move-stage", NULL, mutate_move_stage, "Move “Backlog”" },
  { "delete-stage-moving-tasks", NULL, mutate_delete_stage_move, "Delete “Backlog”" },
  { "delete-stage-with-tasks", NULL, mutate_delete_stage_drop, "Delete “Backlog”" },
  { "create-task", NULL, mutate_create_task, "Add card" },
  { "create-task-done", NULL, mutate_create_done_task, "Add card" },
  { "update-task", NULL, mutate_update_task, "Edit “Script”" },
  { "move-task-within", NULL, mutate_move_within, "Move “Script”" },
  { "move-task-across", NULL, mutate_move_across, "Move “Storyboard”" },
  { "move-task-into-done", NULL, mutate_move_into_done, "Move “Needs analysis”" },
  { "move-task-out-of-done", NULL, mutate_move_out_of_done, "Move “Handout”" },
  { "move-task-renumbering", prepare_packed, mutate_move_renumber, "Move “Mockups”" },
  { "reassign", NULL, mutate_reassign, "Reassign “Needs analysis”" },
  { "unassign", NULL, mutate_unassign, "Reassign “Storyboard”" },
  { "schedule", NULL, mutate_schedule, "Schedule “Script”" },
  { "reschedule", NULL, mutate_reschedule, "Reschedule “Needs analysis”" },
  { "reassign-and-reschedule", NULL, mutate_reassign_reschedule, "Reassign “Storyboard”" },
  { "archive", NULL, mutate_archive, "Archive “Mockups”" },
  { "unarchive", prepare_archived, mutate_unarchive, "Restore “Mockups”" },
  { "add-checklist-item", NULL, mutate_add_checklist_item, "Add checklist item" },
  { "tick-checklist-item", NULL, mutate_tick_checklist_item, "Edit “Survey”" },
  { "delete-checklist-item", NULL, mutate_delete_checklist_item, "Delete “Interview”" },
  { "delete-task", NULL, mutate_delete_task, "Delete “Needs analysis”" },
  { "create-note", NULL, mutate_create_note, "Add note" },
  { "update-note-with-revision", NULL, mutate_update_note_revision, "Edit “Needs analysis”" },
  { "update-note-without-revision", NULL, mutate_update_note_plain, "Edit “General”" },
  { "delete-note", NULL, mutate_delete_note, "Delete “Needs analysis”" },
  { "generic-insert", NULL, mutate_generic_insert, "Add" },
  { "batch", NULL, mutate_batch, "Import" },
};

static void
test_undo_case (Fixture       *fx,
                gconstpointer  data)
{
  const UndoCase *c = data;
  BatonHistory *history = baton_store_get_history (fx->store);
  g_autoptr(BatonTestState) before = NULL;
  g_autoptr(BatonTestState) after = NULL;

  build_workspace (fx);
  if (c->prepare != NULL)
    c->prepare (fx);
  baton_history_clear (history);
  baton_test_recorder_clear (fx->rec);
  before = baton_test_state_capture (fx->store);

  c->mutate (fx);
  g_assert_cmpuint (fx->rec->n_changed, ==, 1);
  baton_test_recorder_clear (fx->rec);
  after = baton_test_state_capture (fx->store);
  g_assert_cmpstr (after->db, !=, before->db);
  g_assert_true (baton_history_get_can_undo (history));
  if (c->label != NULL)
    assert_undo_label (fx, c->label);
  baton_test_assert_store_matches_db (fx->store);

  /* Twice back and forth: the database on disk and the objects match the
   * states before and after exactly, ids included. */
  for (guint round = 0; round < 2; round++)
    {
      GError *local_error = NULL;

      g_assert_true (baton_store_undo (fx->store, &local_error));
      g_assert_no_error (local_error);
      g_clear_error (&local_error);
      g_assert_cmpuint (fx->rec->n_changed, ==, 1);
      baton_test_recorder_clear (fx->rec);
      baton_test_assert_data_equals (before, fx->store);
      baton_test_assert_store_matches_db (fx->store);
      g_assert_false (baton_history_get_can_undo (history));
      g_assert_true (baton_history_get_can_redo (history));
      if (c->label != NULL)
        g_assert_cmpstr (baton_history_get_redo_label (history), ==, c->label);

      g_assert_true (baton_store_redo (fx->store, &local_error));
      g_assert_no_error (local_error);
      g_clear_error (&local_error);
      g_assert_cmpuint (fx->rec->n_changed, ==, 1);
      baton_test_recorder_clear (fx->rec);
      baton_test_assert_data_equals (after, fx->store);
      baton_test_assert_store_matches_db (fx->store);
      g_assert_true (baton_history_get_can_undo (history));
      g_assert_false (baton_history_get_can_redo (history));
    }

  /* What is on disk is what a new session sees. */
  if (fx->ws != NULL)
    {
      fixture_reopen (fx);
      baton_test_assert_data_equals (after, fx->store);
    }
}

/* Records that reference another, found through the store (the notes of
 * a client, the tasks of a program), in id order. */
static void
test_find_by_reference (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) none = NULL;
  Workspace *w = &fx->w;

  build_workspace (fx);

  notes = baton_store_find_by_reference (fx->store, BATON_TYPE_NOTE, "client-id",
                                         baton_record_get_id (BATON_RECORD (w->acme)));
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_true (g_ptr_array_index (notes, 0) == w->n1);
  g_assert_true (g_ptr_array_index (notes, 1) == w->n3);

  tasks = baton_store_find_by_reference (fx->store, BATON_TYPE_TASK, "program-id",
                                         baton_record_get_id (BATON_RECORD (w->onboarding)));
  g_assert_cmpuint (tasks->len, >=, 2);
  g_assert_true (g_ptr_array_index (tasks, 0) == w->t1);
  g_assert_true (g_ptr_array_index (tasks, 1) == w->t2);
  for (guint i = 1; i < tasks->len; i++)
    g_assert_cmpint (baton_record_get_id (g_ptr_array_index (tasks, i - 1)), <,
                     baton_record_get_id (g_ptr_array_index (tasks, i)));

  none = baton_store_find_by_reference (fx->store, BATON_TYPE_NOTE, "client-id", 9999);
  g_assert_cmpuint (none->len, ==, 0);

  /* Only reference fields can be looked up. */
  g_test_expect_message ("baton-store", G_LOG_LEVEL_CRITICAL, "*BATON_FIELD_REF*");
  g_assert_null (baton_store_find_by_reference (fx->store, BATON_TYPE_NOTE, "title", 1));
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* A failed check fails its test; the other tests still run. */
  g_test_set_nonfatal_assertions ();

#define ADD_FILE(path, func) \
  g_test_add ("/store/" path, Fixture, NULL, fixture_setup_file, func, fixture_teardown)
#define ADD_MEMORY(path, func) \
  g_test_add ("/store/" path, Fixture, NULL, fixture_setup_memory, func, fixture_teardown)

  ADD_FILE ("open/default-workspace", test_default_workspace);
  ADD_FILE ("open/reopen", test_reopen);
  ADD_MEMORY ("is-empty", test_is_empty);
  ADD_MEMORY ("identity-map", test_identity_map);
  ADD_MEMORY ("find-by-reference", test_find_by_reference);

  ADD_FILE ("role/create", test_role_create);
  ADD_FILE ("role/create-invalid", test_role_create_invalid);
  ADD_FILE ("role/update", test_role_update);
  ADD_FILE ("role/move", test_role_move);
  ADD_FILE ("role/move-invalid", test_role_move_invalid);
  ADD_FILE ("role/delete", test_role_delete);
  ADD_FILE ("role/delete-in-use", test_role_delete_in_use);
  ADD_FILE ("role/delete-in-use-message", test_role_delete_in_use_message);
  ADD_MEMORY ("rename-keeps-list", test_rename_keeps_list);

  ADD_FILE ("person/create", test_person_create);
  ADD_FILE ("person/create-invalid", test_person_create_invalid);
  ADD_FILE ("person/update", test_person_update);
  ADD_FILE ("person/set-roles", test_person_roles);
  ADD_FILE ("person/set-roles-invalid", test_person_roles_invalid);
  ADD_FILE ("person/time-off", test_time_off);
  ADD_FILE ("person/time-off-invalid", test_time_off_invalid);
  ADD_FILE ("person/delete", test_person_delete);

  ADD_FILE ("client/create", test_client_create);
  ADD_FILE ("client/delete", test_client_delete);
  ADD_FILE ("client/delete-with-program-note", test_client_delete_with_program_note);
  ADD_FILE ("program/create", test_program_create);
  ADD_FILE ("program/dates", test_program_dates);
  ADD_FILE ("program/delete", test_program_delete);

  ADD_FILE ("stage/create", test_stage_create);
  ADD_FILE ("stage/invalid", test_stage_invalid);
  ADD_MEMORY ("stage/move-all", test_stage_move_all);
  ADD_FILE ("stage/delete-moving-tasks", test_stage_delete_move_tasks);
  ADD_FILE ("stage/delete-with-tasks", test_stage_delete_with_tasks);
  ADD_FILE ("stage/delete-invalid", test_stage_delete_invalid);
  ADD_FILE ("stage/delete-generic-in-use", test_stage_delete_generic);
  ADD_FILE ("stage/delete-generic-last", test_stage_delete_generic_last);
  ADD_FILE ("stage/delete-into-done", test_stage_delete_into_done);

  ADD_FILE ("task/create", test_task_create);
  ADD_FILE ("task/create-invalid", test_task_create_invalid);
  ADD_FILE ("task/update-invalid", test_task_update_invalid);
  ADD_FILE ("task/move-within", test_task_move_within);
  ADD_MEMORY ("task/move-across", test_task_move_across);
  ADD_MEMORY ("task/move-renumber", test_task_move_renumber);
  ADD_FILE ("task/move-done", test_task_move_done);
  ADD_FILE ("task/move-invalid", test_task_move_invalid);
  ADD_FILE ("task/move-before-itself", test_task_move_before_itself);
  ADD_FILE ("task/reassign", test_task_reassign);
  ADD_FILE ("task/reassign-invalid", test_task_reassign_invalid);
  ADD_FILE ("task/schedule", test_task_schedule);
  ADD_FILE ("task/reschedule", test_task_reschedule);
  ADD_FILE ("task/reschedule-invalid", test_task_reschedule_invalid);
  ADD_FILE ("task/reassign-and-reschedule", test_task_reassign_and_reschedule);
  ADD_FILE ("task/archive", test_task_archive);
  ADD_FILE ("task/checklist", test_task_checklist);
  ADD_FILE ("task/delete", test_task_delete);

  ADD_FILE ("note/create", test_note_create);
  ADD_FILE ("note/create-invalid", test_note_create_invalid);
  ADD_FILE ("note/update", test_note_update);

  ADD_FILE ("generic/insert-update-delete", test_generic);
  ADD_FILE ("generic/no-op-update", test_generic_no_op);

  ADD_FILE ("rule/note-program", test_rule_note_program);
  ADD_FILE ("rule/note-program-existing", test_rule_note_program_existing);
  ADD_FILE ("rule/person-roles", test_rule_person_roles);

  ADD_FILE ("history/signals", test_history_signals);
  ADD_FILE ("history/empty", test_history_empty);
  ADD_FILE ("history/failed-change", test_history_failed_change);

  ADD_FILE ("batch/commit", test_batch_commit);
  ADD_FILE ("batch/no-history", test_batch_no_history);
  ADD_FILE ("batch/failure", test_batch_failure);
  ADD_FILE ("batch/failure-keeps-objects", test_batch_failure_keeps_objects);
  ADD_FILE ("batch/nested", test_batch_nested);

  for (guint i = 0; i < G_N_ELEMENTS (undo_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/undo/%s", undo_cases[i].name);
      g_test_add (path, Fixture, &undo_cases[i], fixture_setup_file, test_undo_case, fixture_teardown);
    }

#undef ADD_FILE
#undef ADD_MEMORY

  return g_test_run ();
}
