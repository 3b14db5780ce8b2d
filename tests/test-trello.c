/* test-trello.c — importing Trello board exports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "baton-json.h"
#include "baton-trello.h"

#include "baton-test-util.h"
#include "baton-trello-fixture.h"

/* A workspace with the default stages, a client, two roles and a person
 * whose name matches a Trello member's. */
static BatonStore *
workspace (void)
{
  g_autoptr(GError) error = NULL;
  BatonStore *store = baton_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_nonnull (baton_store_create_client (store, "Acme", NULL, &error));
  g_assert_nonnull (baton_store_create_role (store, "Writer", NULL, &error));
  g_assert_nonnull (baton_store_create_role (store, "Designer", NULL, &error));
  g_assert_nonnull (baton_store_create_person (store, "Ana Souza", NULL, 40 * 60, NULL, &error));
  g_assert_no_error (error);
  baton_history_clear (baton_store_get_history (store));

  return store;
}

static gint64
client_id (BatonStore *store)
{
  g_autoptr(BatonClient) client = g_list_model_get_item (baton_store_get_clients (store), 0);

  return baton_record_get_id (BATON_RECORD (client));
}

static char *
board_text (gsize *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "trello", "board.json", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, length, &error));
  g_assert_no_error (error);
  return text;
}

static BatonTrelloImport *
prepare (BatonStore *store,
         const char *text)
{
  g_autoptr(GError) error = NULL;
  BatonTrelloImport *import = baton_trello_import_new (store, text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  baton_trello_import_set_client_id (import, client_id (store));
  return import;
}

static void
apply (BatonTrelloImport *import)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (baton_trello_import_apply (import, &error));
  g_assert_no_error (error);
}

static BatonTask *
task_titled (BatonStore *store,
             const char *title)
{
  GListModel *tasks = baton_store_get_tasks (store);
  BatonTask *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);

      if (g_strcmp0 (baton_task_get_title (task), title) == 0)
        {
          g_assert_null (found);  /* never twice */
          found = task;
        }
    }
  return found;
}

static const char *
stage_of (BatonStore *store,
          BatonTask  *task)
{
  return baton_stage_get_name (baton_store_lookup_stage (store, baton_task_get_stage_id (task)));
}

static const char *
assignee_of (BatonStore *store,
             BatonTask  *task)
{
  BatonPerson *person = baton_store_lookup_person (store, baton_task_get_assignee_id (task));

  return person ? baton_person_get_name (person) : NULL;
}

static const char *
role_of (BatonStore *store,
         BatonTask  *task)
{
  BatonRole *role = baton_store_lookup_role (store, baton_task_get_role_id (task));

  return role ? baton_role_get_name (role) : NULL;
}

/* "[x] text|[ ] text" */
static char *
checklist_of (BatonStore *store,
              BatonTask  *task)
{
  g_autoptr(GPtrArray) items = baton_store_get_task_checklist (store, task);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      BatonChecklistItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (text, "%s[%c] %s", i ? "|" : "",
                              baton_checklist_item_get_done (item) ? 'x' : ' ',
                              baton_checklist_item_get_text (item));
    }
  return g_string_free (text, FALSE);
}

static char *
stage_names (BatonStore *store)
{
  GListModel *stages = baton_store_get_stages (store);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);

      g_string_append_printf (text, "%s%s%s", i ? "|" : "", baton_stage_get_name (stage),
                              baton_stage_get_is_done (stage) ? "*" : "");
    }
  return g_string_free (text, FALSE);
}

static guint
n_items (BatonStore *store,
         GType       type)
{
  return g_list_model_get_n_items (baton_store_get_list (store, type));
}

static void
test_preview (void)
{
  g_autoptr(BatonStore) store = workspace ();
  g_autofree char *text = board_text (NULL);
  g_autoptr(BatonTrelloImport) import = prepare (store, text);
  g_autoptr(BatonTestState) before = baton_test_state_capture (store);
  const BatonTrelloPreview *preview = baton_trello_import_get_preview (import);

  g_assert_cmpstr (preview->board_name, ==, "Acme Onboarding 2026");
  g_assert_false (preview->program_exists);
  g_assert_cmpuint (preview->n_stages_matched, ==, 2);  /* Backlog, design */
  g_assert_cmpuint (preview->n_stages_new, ==, 2);      /* Writing, Client review */
  g_assert_cmpuint (preview->n_cards, ==, 4);
  g_assert_cmpuint (preview->n_new_tasks, ==, 4);
  g_assert_cmpuint (preview->n_updated_tasks, ==, 0);
  g_assert_cmpuint (preview->n_checklist_items, ==, 5);
  g_assert_cmpuint (preview->n_comments, ==, 3);
  g_assert_cmpuint (preview->n_attachments, ==, 2);
  g_assert_cmpuint (preview->n_people_matched, ==, 1);  /* ana souza → Ana Souza */
  g_assert_cmpuint (preview->n_people_new, ==, 2);      /* the assignees Ben and Chloé */
  g_assert_cmpuint (preview->n_people_unassigned, ==, 0);
  g_assert_cmpuint (preview->n_skipped_lists, ==, 1);
  g_assert_cmpuint (preview->n_skipped_cards, ==, 2);
  g_assert_nonnull (strstr (preview->actions_notice, "recent"));
  g_assert_cmpuint (preview->warnings->len, ==, 0);

  /* The members and their default mapping. */
  g_assert_cmpuint (baton_trello_import_get_n_members (import), ==, 3);
  g_assert_cmpint (baton_trello_import_get_member (import, 0)->action, ==, BATON_TRELLO_MEMBER_PERSON);
  g_assert_cmpint (baton_trello_import_get_member (import, 1)->action, ==, BATON_TRELLO_MEMBER_CREATE);
  g_assert_cmpstr (baton_trello_import_get_member (import, 2)->full_name, ==, "Chloé Martin");

  /* Nothing written. */
  baton_test_assert_state_equals (before, store);

  /* The preview follows the workspace: a stage added since matches. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (baton_store_create_stage (store, "WRITING", 0, &error));
    g_assert_no_error (error);
    preview = baton_trello_import_get_preview (import);
    g_assert_cmpuint (preview->n_stages_matched, ==, 3);
    g_assert_cmpuint (preview->n_stages_new, ==, 1);
  }
}

static void
test_import_board (void)
{
  g_autoptr(BatonStore) store = workspace ();
  g_autofree char *text = board_text (NULL);
  g_autoptr(BatonTrelloImport) import = prepare (store, text);
  g_autofree char *stages = NULL;
  g_autofree char *checklist = NULL;
  BatonProgram *program;
  BatonTask *task;

  apply (import);

  program = baton_trello_import_get_program (import);
  g_assert_nonnull (program);
  g_assert_cmpstr (baton_program_get_name (program), ==, "Acme Onboarding 2026");
  g_assert_cmpint (baton_program_get_client_id (program), ==, client_id (store));

  /* New stages after the existing ones, in pos order. */
  stages = stage_names (store);
  g_assert_cmpstr (stages, ==, "Backlog|Analysis|Design|Development|Review|Delivered*|Writing|Client review");

  g_assert_cmpuint (n_items (store, BATON_TYPE_TASK), ==, 4);
  g_assert_null (task_titled (store, "Old card"));
  g_assert_null (task_titled (store, "Gamified quiz"));

  /* The first card, in full. */
  task = task_titled (store, "Draft welcome module");
  g_assert_nonnull (task);
  g_assert_cmpint (baton_task_get_program_id (task), ==, baton_record_get_id (BATON_RECORD (program)));
  g_assert_cmpstr (stage_of (store, task), ==, "Writing");
  g_assert_cmpstr (baton_task_get_start_date (task), ==, "2026-03-02");
  g_assert_cmpstr (baton_task_get_due_date (task), ==, "2026-03-13");
  g_assert_cmpstr (assignee_of (store, task), ==, "Ana Souza");
  g_assert_cmpstr (role_of (store, task), ==, "Writer");
  g_assert_cmpstr (baton_task_get_external_id (task), ==, "trello:card-welcome");
  g_assert_false (baton_task_get_archived (task));
  g_assert_null (baton_task_get_completed_at (task));
  g_assert_cmpstr (baton_task_get_description (task), ==,
                   "## Goals\n- Welcome new hires\n- Explain the **first week**\n"
                   "\n---\n"
                   "Labels: Urgent\n"
                   "Also on this card: Ben Okafor\n"
                   "Attachments:\n"
                   "- [Brief.pdf](https://trello.com/1/cards/card-welcome/attachments/att-1/download/Brief.pdf)\n"
                   "- [Style guide](https://docs.example.com/style)\n"
                   "Comments:\n"
                   "- ana souza, 2026-03-03: First comment\n"
                   "- Ben Okafor, 2026-03-05: Second comment\n"
                   "  with two lines");
  /* Two checklists: each item says which, checklists and items in pos order. */
  checklist = checklist_of (store, task);
  g_assert_cmpstr (checklist, ==, "[ ] Review: SME review|[ ] Outline: Module map|[x] Outline: Learning objectives");
  g_clear_pointer (&checklist, g_free);

  /* dueComplete: in the done stage, completed; a role label matched
   * ignoring case, an unnamed label kept by colour; a new person. */
  task = task_titled (store, "Storyboard");
  g_assert_nonnull (task);
  g_assert_cmpstr (stage_of (store, task), ==, "Delivered");
  g_assert_nonnull (baton_task_get_completed_at (task));
  g_assert_null (baton_task_get_start_date (task));
  g_assert_cmpstr (baton_task_get_due_date (task), ==, "2026-03-20");
  g_assert_cmpstr (role_of (store, task), ==, "Designer");
  g_assert_cmpstr (assignee_of (store, task), ==, "Chloé Martin");
  g_assert_cmpstr (baton_task_get_description (task), ==,
                   "Labels: purple\nComments:\n- Chloé Martin, 2026-03-04: Frames look good");
  checklist = checklist_of (store, task);
  g_assert_cmpstr (checklist, ==, "[x] Frame 1|[ ] Frame 2");
  g_clear_pointer (&checklist, g_free);

  task = task_titled (store, "Kick-off call");
  g_assert_nonnull (task);
  g_assert_cmpstr (stage_of (store, task), ==, "Backlog");
  g_assert_null (baton_task_get_description (task));
  g_assert_null (assignee_of (store, task));
  g_assert_null (role_of (store, task));

  task = task_titled (store, "Pilot session");
  g_assert_nonnull (task);
  g_assert_cmpstr (stage_of (store, task), ==, "Client review");
  g_assert_cmpstr (assignee_of (store, task), ==, "Ben Okafor");
  g_assert_cmpstr (baton_task_get_description (task), ==, "Room 4B");
  g_assert_cmpstr (baton_task_get_due_date (task), ==, "2026-04-01");

  /* Ana matched, Ben and Chloé created; nobody else. */
  g_assert_cmpuint (n_items (store, BATON_TYPE_PERSON), ==, 3);
  g_assert_cmpuint (n_items (store, BATON_TYPE_CHECKLIST_ITEM), ==, 5);

  /* One undo step. */
  g_assert_cmpstr (baton_history_get_undo_label (baton_store_get_history (store)), ==,
                   "Import Trello Board “Acme Onboarding 2026”");
  baton_test_assert_store_matches_db (store);
}

static void
test_undo (void)
{
  g_autoptr(BatonStore) store = workspace ();
  g_autofree char *text = board_text (NULL);
  g_autoptr(BatonTrelloImport) import = prepare (store, text);
  g_autoptr(BatonTestState) before = baton_test_state_capture (store);
  g_autoptr(BatonTestState) after = NULL;
  g_autoptr(GError) error = NULL;

  apply (import);
  after = baton_test_state_capture (store);

  /* One undo removes the whole import, one redo brings it back. */
  g_assert_true (baton_store_undo (store, &error));
  g_assert_no_error (error);
  baton_test_assert_data_equals (before, store);
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (store)));
  g_assert_true (baton_store_redo (store, &error));
  g_assert_no_error (error);
  baton_test_assert_data_equals (after, store);
}

static void
test_reimport_updates (void)
{
  g_autoptr(BatonStore) store = workspace ();
  g_autofree char *text = board_text (NULL);
  g_autoptr(BatonTrelloImport) first = prepare (store, text);
  g_autoptr(BatonTrelloImport) again = NULL;
  g_autoptr(BatonTrelloImport) changed = NULL;
  g_autoptr(GString) edited = NULL;
  g_autofree char *checklist = NULL;
  g_autofree char *stages = NULL;
  const BatonTrelloPreview *preview;
  BatonTask *task;
  gint64 welcome_id;

  apply (first);
  welcome_id = baton_record_get_id (BATON_RECORD (task_titled (store, "Draft welcome module")));

  /* The same board again: the same program, every task updated, nothing added. */
  again = prepare (store, text);
  preview = baton_trello_import_get_preview (again);
  g_assert_true (preview->program_exists);
  g_assert_cmpuint (preview->n_new_tasks, ==, 0);
  g_assert_cmpuint (preview->n_updated_tasks, ==, 4);
  g_assert_cmpuint (preview->n_stages_new, ==, 0);
  g_assert_cmpuint (preview->n_stages_matched, ==, 4);
  g_assert_cmpuint (preview->n_people_matched, ==, 3);  /* the people made the first time */
  g_assert_cmpuint (preview->n_people_new, ==, 0);
  apply (again);
  g_assert_cmpuint (n_items (store, BATON_TYPE_TASK), ==, 4);
  g_assert_cmpuint (n_items (store, BATON_TYPE_PROGRAM), ==, 1);
  g_assert_cmpuint (n_items (store, BATON_TYPE_PERSON), ==, 3);
  g_assert_cmpuint (n_items (store, BATON_TYPE_CHECKLIST_ITEM), ==, 5);
  stages = stage_names (store);
  g_assert_cmpstr (stages, ==, "Backlog|Analysis|Design|Development|Review|Delivered*|Writing|Client review");

  /* Edited on Trello: renamed, an item ticked, moved to another list. */
  edited = g_string_new (text);
  g_string_replace (edited, "\"Draft welcome module\", \"closed\"", "\"Welcome module\", \"closed\"", 1);
  g_string_replace (edited, "\"name\": \"SME review\", \"state\": \"incomplete\"", "\"name\": \"SME review\", \"state\": \"complete\"", 1);
  g_string_replace (edited, "\"idList\": \"list-writing\"", "\"idList\": \"list-review\"", 1);
  changed = prepare (store, edited->str);
  apply (changed);
  g_assert_cmpuint (n_items (store, BATON_TYPE_TASK), ==, 4);
  task = task_titled (store, "Welcome module");
  g_assert_nonnull (task);
  g_assert_cmpint (baton_record_get_id (BATON_RECORD (task)), ==, welcome_id);
  g_assert_cmpstr (stage_of (store, task), ==, "Client review");
  checklist = checklist_of (store, task);
  g_assert_cmpstr (checklist, ==, "[x] Review: SME review|[ ] Outline: Module map|[x] Outline: Learning objectives");
  g_assert_cmpuint (n_items (store, BATON_TYPE_CHECKLIST_ITEM), ==, 5);
  baton_test_assert_store_matches_db (store);
}

static void
test_members_mapping (void)
{
  g_autoptr(BatonStore) store = workspace ();
  g_autofree char *text = board_text (NULL);
  g_autoptr(BatonTrelloImport) import = prepare (store, text);
  g_autoptr(GError) error = NULL;
  gint64 ana = baton_trello_import_get_member (import, 0)->person_id;
  const BatonTrelloPreview *preview;

  /* Ana left unassigned, Chloé's cards given to Ana, Ben created. */
  g_assert_true (baton_trello_import_set_member (import, "member-ana", BATON_TRELLO_MEMBER_UNASSIGNED, 0, &error));
  g_assert_true (baton_trello_import_set_member (import, "member-chloe", BATON_TRELLO_MEMBER_PERSON, ana, &error));
  g_assert_no_error (error);
  preview = baton_trello_import_get_preview (import);
  g_assert_cmpuint (preview->n_people_matched, ==, 1);
  g_assert_cmpuint (preview->n_people_new, ==, 1);
  g_assert_cmpuint (preview->n_people_unassigned, ==, 1);

  /* Unknown members and people are refused. */
  g_assert_false (baton_trello_import_set_member (import, "member-nobody", BATON_TRELLO_MEMBER_CREATE, 0, &error));
  g_assert_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (baton_trello_import_set_member (import, "member-ben", BATON_TRELLO_MEMBER_PERSON, 999, &error));
  g_assert_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (baton_trello_import_get_member (import, 1)->action, ==, BATON_TRELLO_MEMBER_CREATE);

  apply (import);
  g_assert_null (assignee_of (store, task_titled (store, "Draft welcome module")));
  g_assert_cmpstr (assignee_of (store, task_titled (store, "Storyboard")), ==, "Ana Souza");
  g_assert_cmpstr (assignee_of (store, task_titled (store, "Pilot session")), ==, "Ben Okafor");
  g_assert_cmpuint (n_items (store, BATON_TYPE_PERSON), ==, 2);
}

static void
test_archived (void)
{
  g_autoptr(BatonStore) store = workspace ();
  g_autofree char *text = board_text (NULL);
  g_autoptr(BatonTrelloImport) import = prepare (store, text);
  g_autofree char *stages = NULL;
  const BatonTrelloPreview *preview;
  BatonTask *task;

  baton_trello_import_set_include_archived (import, TRUE);
  preview = baton_trello_import_get_preview (import);
  g_assert_cmpuint (preview->n_cards, ==, 6);
  g_assert_cmpuint (preview->n_skipped_cards, ==, 0);
  g_assert_cmpuint (preview->n_skipped_lists, ==, 0);
  g_assert_cmpuint (preview->n_stages_new, ==, 3);
  apply (import);

  g_assert_cmpuint (n_items (store, BATON_TYPE_TASK), ==, 6);
  task = task_titled (store, "Old card");
  g_assert_true (baton_task_get_archived (task));
  g_assert_cmpstr (stage_of (store, task), ==, "Backlog");
  task = task_titled (store, "Gamified quiz");
  g_assert_true (baton_task_get_archived (task));
  g_assert_cmpstr (stage_of (store, task), ==, "Old ideas");
  g_assert_false (baton_task_get_archived (task_titled (store, "Storyboard")));
  stages = stage_names (store);
  g_assert_cmpstr (stages, ==, "Backlog|Analysis|Design|Development|Review|Delivered*|Writing|Client review|Old ideas");
}

static void
test_done_stage_added (void)
{
  g_autoptr(BatonStore) store = workspace ();
  g_autofree char *text = board_text (NULL);
  g_autoptr(BatonTrelloImport) import = NULL;
  g_autoptr(GError) error = NULL;
  BatonStage *delivered = baton_store_lookup_stage (store, 6);
  g_autofree char *stages = NULL;

  /* A workspace without a done stage gets one for the completed card. */
  g_assert_cmpstr (baton_stage_get_name (delivered), ==, "Delivered");
  g_assert_true (baton_store_update (store, delivered, &error, "is-done", FALSE, NULL));
  g_assert_no_error (error);
  import = prepare (store, text);
  g_assert_cmpuint (baton_trello_import_get_preview (import)->n_stages_new, ==, 3);
  apply (import);
  stages = stage_names (store);
  g_assert_cmpstr (stages, ==, "Backlog|Analysis|Design|Development|Review|Delivered|Writing|Client review|Done*");
  g_assert_cmpstr (stage_of (store, task_titled (store, "Storyboard")), ==, "Done");
}

/* Completed cards and a list matched to the done stage share its end:
 * every task gets a place of its own. */
static void
test_done_stage_positions (void)
{
  g_autoptr(BatonStore) store = workspace ();
  g_autoptr(BatonTrelloImport) import = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) tasks = NULL;
  const char *text =
    "{\"name\": \"Done\", \"lists\": [{\"id\": \"a\", \"name\": \"Doing\", \"pos\": 1},"
    "                            {\"id\": \"d\", \"name\": \"delivered\", \"pos\": 2}],"
    " \"cards\": [{\"id\": \"1\", \"name\": \"One\", \"idList\": \"a\", \"pos\": 1, \"dueComplete\": true},"
    "             {\"id\": \"2\", \"name\": \"Two\", \"idList\": \"d\", \"pos\": 1},"
    "             {\"id\": \"3\", \"name\": \"Three\", \"idList\": \"a\", \"pos\": 2, \"dueComplete\": true}]}";

  import = prepare (store, text);
  apply (import);
  tasks = baton_store_get_stage_tasks (store, baton_store_lookup_stage (store, 6));
  g_assert_cmpuint (tasks->len, ==, 3);
  for (guint i = 0; i < tasks->len; i++)
    {
      gint64 *position = g_new (gint64, 1);

      *position = baton_task_get_position (g_ptr_array_index (tasks, i));
      g_assert_false (g_hash_table_contains (seen, position));
      g_hash_table_add (seen, position);
    }
}

/* Trello writes times in UTC; a task's dates are the local dates of
 * those times. */
static void
test_local_dates (void)
{
  g_autoptr(BatonStore) store = workspace ();
  g_autoptr(BatonTrelloImport) import = NULL;
  const char *text =
    "{\"name\": \"Times\", \"lists\": [{\"id\": \"l\", \"name\": \"Backlog\", \"pos\": 1}],"
    " \"cards\": [{\"id\": \"c\", \"name\": \"Late\", \"idList\": \"l\", \"pos\": 1,"
    "   \"start\": \"2026-03-19T14:59:00.000Z\", \"due\": \"2026-03-20T23:30:00.000Z\"}]}";
  BatonTask *task;

  g_assert_true (g_setenv ("TZ", "Asia/Tokyo", TRUE));  /* UTC+9, no daylight saving time */
  import = prepare (store, text);
  g_assert_true (g_setenv ("TZ", "UTC", TRUE));
  apply (import);
  task = task_titled (store, "Late");
  g_assert_cmpstr (baton_task_get_start_date (task), ==, "2026-03-19");
  g_assert_cmpstr (baton_task_get_due_date (task), ==, "2026-03-21");
}

/* Problems the import works around, listed before anything is written. */
static void
test_warnings (void)
{
  g_autoptr(BatonStore) store = workspace ();
  g_autoptr(GString) desc = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autoptr(BatonTrelloImport) import = NULL;
  const BatonTrelloPreview *preview;
  BatonTask *task;

  for (guint i = 0; i < BATON_TRELLO_MAX_DESCRIPTION / 8 + 10; i++)
    g_string_append (desc, "ééé abc ");  /* 11 bytes a time */
  text = g_strdup_printf ("{\"name\": \"Odd board\", \"lists\": [{\"id\": \"l1\", \"name\": \"  \", \"pos\": 1}],"
                          " \"cards\": ["
                          "  {\"id\": \"c1\", \"name\": \"\", \"idList\": \"l1\", \"pos\": 1,"
                          "   \"idMembers\": [\"ghost\"], \"idLabels\": [\"nolabel\"], \"idChecklists\": [\"nolist\"]},"
                          "  {\"id\": \"c2\", \"name\": \"Lost\", \"idList\": \"l404\", \"pos\": 2},"
                          "  {\"id\": \"c3\", \"name\": \"Long\", \"idList\": \"l1\", \"pos\": 3, \"desc\": \"%s\","
                          "   \"start\": \"2026-05-10T00:00:00Z\", \"due\": \"not a date\"},"
                          "  {\"id\": \"c4\", \"name\": \"Backwards\", \"idList\": \"l1\", \"pos\": 4,"
                          "   \"start\": \"2026-05-10T00:00:00Z\", \"due\": \"2026-05-01T00:00:00Z\"}],"
                          " \"checklists\": [{\"id\": \"x\", \"idCard\": \"c404\", \"name\": \"Orphan\", \"checkItems\": []}],"
                          " \"actions\": [{\"type\": \"commentCard\", \"date\": \"2026-01-01T00:00:00Z\","
                          "   \"data\": {\"text\": \"hi\", \"card\": {\"id\": \"c404\"}}}]}",
                          desc->str);
  import = prepare (store, text);
  preview = baton_trello_import_get_preview (import);
  for (guint i = 0; i < preview->warnings->len; i++)
    g_debug ("warning: %s", (char *) g_ptr_array_index (preview->warnings, i));

#define WARNS(fragment) \
  G_STMT_START { \
    gboolean found_ = FALSE; \
    for (guint i_ = 0; i_ < preview->warnings->len; i_++) \
      found_ |= strstr (g_ptr_array_index (preview->warnings, i_), fragment) != NULL; \
    if (!found_) \
      g_error ("no warning says “%s”", fragment); \
  } G_STMT_END
  WARNS ("lists[0]: The list has no name; it is called “Untitled list 1”.");
  WARNS ("cards[0]: The card has no name; it is called “Untitled card”.");
  WARNS ("cards[0].idMembers[0]: The board has no member with the id “ghost”");
  WARNS ("cards[0].idLabels[0]: The board has no label with the id “nolabel”");
  WARNS ("cards[0].idChecklists[0]: The board has no checklist with the id “nolist”");
  WARNS ("cards[1]: The card “Lost” is in a list the board does not have (“l404”); it was skipped.");
  WARNS ("cards[2]: The description of “Long” is longer than 64 KiB");
  WARNS ("cards[2].due: “not a date” is not a date and time");
  WARNS ("cards[3]: The card “Backwards” starts after it is due");
  WARNS ("checklists[0]: The checklist “Orphan” belongs to no card");
  WARNS ("actions[0]: The comment is on a card the board does not have");
#undef WARNS
  g_assert_cmpuint (preview->warnings->len, ==, 11);
  g_assert_cmpuint (preview->n_cards, ==, 3);

  apply (import);
  g_assert_nonnull (task_titled (store, "Untitled card"));
  g_assert_null (task_titled (store, "Lost"));
  task = task_titled (store, "Long");
  g_assert_cmpuint (strlen (baton_task_get_description (task)), <=, BATON_TRELLO_MAX_DESCRIPTION);
  g_assert_cmpuint (strlen (baton_task_get_description (task)), >, BATON_TRELLO_MAX_DESCRIPTION - 8);
  g_assert_true (g_utf8_validate (baton_task_get_description (task), -1, NULL));
  g_assert_cmpstr (baton_task_get_start_date (task), ==, "2026-05-10");
  g_assert_null (baton_task_get_due_date (task));
  task = task_titled (store, "Backwards");
  g_assert_null (baton_task_get_start_date (task));
  g_assert_cmpstr (baton_task_get_due_date (task), ==, "2026-05-01");
  g_assert_cmpstr (stage_of (store, task), ==, "Untitled list 1");
}

/* Bad input: a clear error, and the workspace as it was. */
static void
check_refused (const char *text,
               gssize      length,
               gint        code,
               const char *fragment)
{
  g_autoptr(BatonStore) store = workspace ();
  g_autoptr(BatonTestState) before = baton_test_state_capture (store);
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonTrelloImport) import = NULL;

  import = baton_trello_import_new (store, text, length < 0 ? strlen (text) : (gsize) length, &error);
  g_assert_null (import);
  g_assert_error (error, BATON_TRELLO_ERROR, code);
  g_debug ("refused: %s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” is not in “%s”", fragment, error->message);
  baton_test_assert_state_equals (before, store);
}

static void
test_bad_json (void)
{
  g_autofree char *text = board_text (NULL);
  GString *bomb = g_string_new (NULL);

  /* Truncated in the middle. */
  check_refused (text, strlen (text) / 2, BATON_TRELLO_ERROR_PARSE, "not a readable JSON file");
  /* Garbage, and nothing at all. */
  check_refused ("PK\x03\x04 this is a zip", -1, BATON_TRELLO_ERROR_PARSE, "not a readable JSON file");
  check_refused ("", 0, BATON_TRELLO_ERROR_PARSE, "not a readable JSON file");
  /* A nesting bomb. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (bomb, '[');
  check_refused (bomb->str, bomb->len, BATON_TRELLO_ERROR_PARSE, "nest more than 32 levels deep (at byte 32)");
  g_string_free (bomb, TRUE);
  /* Invalid UTF-8 inside a card name. */
  check_refused ("{\"name\": \"b\", \"lists\": [], \"cards\": [{\"id\": \"c\", \"name\": \"caf\xe9\"}]}", -1,
                 BATON_TRELLO_ERROR_PARSE, "UTF-8");
}

static void
test_not_trello (void)
{
  check_refused ("[1, 2, 3]", -1, BATON_TRELLO_ERROR_NOT_TRELLO, "not a Trello board export");
  check_refused ("{\"title\": \"My notes\", \"items\": []}", -1, BATON_TRELLO_ERROR_NOT_TRELLO, "“lists” and “cards”");
  check_refused ("{\"format\": \"baton-workspace\", \"version\": 1, \"tables\": {}}", -1,
                 BATON_TRELLO_ERROR_NOT_TRELLO, "Baton workspace file");
  /* Members of the wrong type say where. */
  check_refused ("{\"name\": \"b\", \"lists\": {}, \"cards\": []}", -1,
                 BATON_TRELLO_ERROR_NOT_TRELLO, "$.lists: Expected an array, found an object.");
  check_refused ("{\"name\": \"b\", \"lists\": [{\"id\": \"l\", \"name\": \"L\", \"pos\": 1}],"
                 " \"cards\": [{\"id\": \"c\", \"name\": 42, \"idList\": \"l\"}]}", -1,
                 BATON_TRELLO_ERROR_NOT_TRELLO, "cards[0].name: Expected a string, found a number.");
  check_refused ("{\"name\": \"b\", \"lists\": [], \"cards\": [{\"name\": \"no id\"}]}", -1,
                 BATON_TRELLO_ERROR_NOT_TRELLO, "cards[0].id: This member is missing.");
  check_refused ("{\"name\": \"b\", \"lists\": [], \"cards\": [],"
                 " \"checklists\": [{\"id\": \"x\", \"idCard\": \"c\", \"checkItems\": [\"tick\"]}]}", -1,
                 BATON_TRELLO_ERROR_NOT_TRELLO, "checklists[0].checkItems[0]: Expected an object, found a string.");
  check_refused ("{\"name\": \"b\", \"lists\": [{\"id\": \"l\", \"pos\": \"high\"}], \"cards\": []}", -1,
                 BATON_TRELLO_ERROR_NOT_TRELLO, "lists[0].pos: Expected a number");
  check_refused ("{\"name\": \"b\", \"lists\": [{\"id\": \"l\"}, {\"id\": \"l\"}], \"cards\": []}", -1,
                 BATON_TRELLO_ERROR_NOT_TRELLO, "Two lists have the id “l”");
}

static void
test_too_large (void)
{
  g_autoptr(BatonStore) store = workspace ();
  g_autoptr(BatonTestState) before = baton_test_state_capture (store);
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autofree char *path = baton_test_workspace_file (ws, "huge.json");
  g_autoptr(GError) error = NULL;
  int fd;

  /* A 50 MB file, refused by its size before it is read. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 50 * 1024 * 1024), ==, 0);
  g_close (fd, NULL);
  g_assert_null (baton_trello_import_new_file (store, path, &error));
  g_assert_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "larger than 40 MB"));
  baton_test_assert_state_equals (before, store);
  g_clear_error (&error);

  /* A missing file. */
  g_assert_null (baton_trello_import_new_file (store, "/nonexistent/board.json", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  baton_test_assert_state_equals (before, store);
}

/* Choices that cannot be applied, and a write that fails half-way: nothing
 * written. */
static void
test_apply_refused (void)
{
  g_autoptr(BatonStore) store = workspace ();
  g_autoptr(BatonTestState) before = baton_test_state_capture (store);
  g_autofree char *text = board_text (NULL);
  g_autoptr(BatonTrelloImport) import = prepare (store, text);
  g_autoptr(GError) error = NULL;

  baton_trello_import_set_client_id (import, 0);
  g_assert_false (baton_trello_import_apply (import, &error));
  g_assert_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Choose the client"));
  baton_test_assert_state_equals (before, store);
  g_clear_error (&error);

  /* The person a member was mapped to is gone by the time of apply. */
  baton_trello_import_set_client_id (import, client_id (store));
  {
    BatonPerson *ghost = baton_store_create_person (store, "Temp", NULL, 60, NULL, &error);
    g_autoptr(BatonTestState) with_ghost = NULL;

    g_assert_no_error (error);
    g_assert_true (baton_trello_import_set_member (import, "member-ben", BATON_TRELLO_MEMBER_PERSON,
                                                   baton_record_get_id (BATON_RECORD (ghost)), &error));
    g_assert_true (baton_store_delete (store, ghost, &error));
    g_assert_no_error (error);
    with_ghost = baton_test_state_capture (store);
    g_assert_false (baton_trello_import_apply (import, &error));
    g_assert_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "“Ben Okafor” is no longer in the workspace"));
    baton_test_assert_state_equals (with_ghost, store);
  }
}

/* A write that fails half-way (here the database refuses the last card):
 * the stages, people and tasks written before it are rolled back. */
static void
test_apply_fails_halfway (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (ws->path, &error);
  g_autofree char *text = board_text (NULL);
  g_autoptr(BatonTrelloImport) import = NULL;
  g_autoptr(BatonTestState) before = NULL;
  sqlite3 *db;

  g_assert_no_error (error);
  g_assert_nonnull (baton_store_create_client (store, "Acme", NULL, &error));
  g_assert_no_error (error);
  db = baton_test_open_raw (ws->path);
  baton_test_exec_sql (db, "CREATE TRIGGER refuse_pilot BEFORE INSERT ON tasks WHEN new.title = 'Pilot session' "
                           "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END;");
  sqlite3_close (db);

  import = prepare (store, text);
  before = baton_test_state_capture (store);
  g_assert_false (baton_trello_import_apply (import, &error));
  g_assert_nonnull (error);
  g_debug ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "Card “Pilot session”: "));
  g_assert_nonnull (strstr (error->message, "refused by the test"));
  baton_test_assert_state_equals (before, store);
  g_assert_null (baton_trello_import_get_program (import));
}

/* The workspace JSON carries the external ids: an imported board exports,
 * imports into a new workspace and exports again byte for byte, and the
 * copy updates on a new import like the original. */
static void
test_json_round_trip (void)
{
  g_autoptr(BatonStore) store = workspace ();
  g_autoptr(BatonStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = board_text (NULL);
  g_autoptr(BatonTrelloImport) import = prepare (store, text);
  g_autoptr(BatonTrelloImport) again = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize length = 0;

  apply (import);
  first = baton_json_export_string (store, &length);
  g_assert_nonnull (strstr (first, "\"trello:card-welcome\""));
  g_assert_nonnull (strstr (first, "\"external-id\""));

  copy = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_true (baton_json_import (copy, first, length, &error));
  g_assert_no_error (error);
  second = baton_json_export_string (copy, NULL);
  g_assert_cmpstr (second, ==, first);

  again = prepare (copy, text);
  g_assert_cmpuint (baton_trello_import_get_preview (again)->n_updated_tasks, ==, 4);
  g_assert_cmpuint (baton_trello_import_get_preview (again)->n_new_tasks, ==, 0);
}

/* The generated board of the benchmark imports whole. */
static void
test_generated (void)
{
  g_autoptr(BatonStore) store = workspace ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *text = baton_test_trello_board_generate (400, &length);
  g_autoptr(BatonTrelloImport) import = baton_trello_import_new (store, text, length, &error);
  const BatonTrelloPreview *preview;

  g_assert_no_error (error);
  baton_trello_import_set_client_id (import, client_id (store));
  preview = baton_trello_import_get_preview (import);
  g_assert_cmpuint (preview->warnings->len, ==, 0);
  /* 400 cards, every 20th archived, list 7 (every 8th card) archived. */
  g_assert_cmpuint (preview->n_cards + preview->n_skipped_cards, ==, 400);
  g_assert_cmpuint (preview->n_skipped_lists, ==, 1);
  apply (import);
  g_assert_cmpuint (n_items (store, BATON_TYPE_TASK), ==, preview->n_cards);
  baton_test_assert_store_matches_db (store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/trello/preview", test_preview);
  g_test_add_func ("/trello/import", test_import_board);
  g_test_add_func ("/trello/undo", test_undo);
  g_test_add_func ("/trello/reimport-updates", test_reimport_updates);
  g_test_add_func ("/trello/members", test_members_mapping);
  g_test_add_func ("/trello/archived", test_archived);
  g_test_add_func ("/trello/done-stage-added", test_done_stage_added);
  g_test_add_func ("/trello/done-stage-positions", test_done_stage_positions);
  g_test_add_func ("/trello/local-dates", test_local_dates);
  g_test_add_func ("/trello/warnings", test_warnings);
  g_test_add_func ("/trello/bad/json", test_bad_json);
  g_test_add_func ("/trello/bad/not-trello", test_not_trello);
  g_test_add_func ("/trello/bad/too-large", test_too_large);
  g_test_add_func ("/trello/bad/apply", test_apply_refused);
  g_test_add_func ("/trello/bad/apply-fails-halfway", test_apply_fails_halfway);
  g_test_add_func ("/trello/json-round-trip", test_json_round_trip);
  g_test_add_func ("/trello/generated", test_generated);

  return g_test_run ();
}
