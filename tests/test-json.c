/* test-json.c — whole-workspace JSON export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-json"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "baton-demo.h"
#include "baton-json.h"
#include "baton-store-private.h"
#include "baton-test-util.h"

/* Helpers */

static BatonStore *
open_memory_store (void)
{
  g_autoptr(GError) error = NULL;
  BatonStore *store;

  store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

static char *
export_text (BatonStore *store)
{
  char *text;
  gsize length = 0;

  text = baton_json_export_string (store, &length);
  g_assert_nonnull (text);
  g_assert_cmpuint (strlen (text), ==, length);

  return text;
}

/* Borrowed: the store keeps its own reference. */
static BatonStage *
stage_at (BatonStore *store,
          guint       index)
{
  GListModel *stages = baton_store_get_stages (store);
  g_autoptr(BatonStage) stage = NULL;

  g_assert_cmpuint (index, <, g_list_model_get_n_items (stages));
  stage = g_list_model_get_item (stages, index);

  return stage;
}

static BatonStage *
done_stage (BatonStore *store)
{
  GListModel *stages = baton_store_get_stages (store);
  guint n = g_list_model_get_n_items (stages);

  for (guint i = 0; i < n; i++)
    {
      BatonStage *stage = stage_at (store, i);

      if (baton_stage_get_is_done (stage))
        return stage;
    }

  return NULL;
}

/* A workspace with a row in every table and a value of every field kind:
 * unicode, markup-looking text, NULL next to set values, true booleans,
 * positions that differ from id order. */
static BatonStore *
build_full_workspace (void)
{
  g_autoptr(GError) error = NULL;
  BatonStore *store = open_memory_store ();
  BatonRole *designer, *writer, *sme;
  BatonPerson *zoe, *bob;
  BatonClient *acme, *bare;
  BatonProgram *onboarding, *safety;
  BatonStage *qa, *first, *done;
  BatonTask *t1, *t2, *t3, *t4;
  BatonChecklistItem *item;
  BatonNote *note, *loose;
  gint64 zoe_roles[2];
  gboolean ok;

  /* Roles: one with a color, one without; unicode and markup in names. */
  designer = baton_store_create_role (store, "Instructional designer", "#3584E4", &error);
  g_assert_no_error (error);
  writer = baton_store_create_role (store, "Writer ✍ — «rédacteur»", NULL, &error);
  g_assert_no_error (error);
  sme = baton_store_create_role (store, "<b>SME</b> & \"reviewer\"", "#2ec27e", &error);
  g_assert_no_error (error);
  ok = baton_store_move_role (store, sme, 0, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  /* People */
  zoe = baton_store_create_person (store, "Zoë Ångström-李", "zoe@example.org",
                                   32 * 60, "#e01b24", &error);
  g_assert_no_error (error);
  bob = baton_store_create_person (store, "Bob \"The Builder\" O'Neil", NULL, 0, NULL, &error);
  g_assert_no_error (error);
  ok = baton_store_update (store, bob, &error, "archived", (gboolean) TRUE, NULL);
  g_assert_no_error (error);
  g_assert_true (ok);

  zoe_roles[0] = baton_record_get_id (BATON_RECORD (designer));
  zoe_roles[1] = baton_record_get_id (BATON_RECORD (writer));
  ok = baton_store_set_person_roles (store, zoe, zoe_roles, 2, zoe_roles[1], &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  zoe_roles[0] = baton_record_get_id (BATON_RECORD (sme));
  ok = baton_store_set_person_roles (store, bob, zoe_roles, 1, zoe_roles[0], &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  g_assert_nonnull (baton_store_add_time_off (store, zoe, "2026-03-02", "2026-03-06",
                                              "Vacances — 休暇 <i>not markup</i>", &error));
  g_assert_no_error (error);
  g_assert_nonnull (baton_store_add_time_off (store, bob, "2026-04-01", "2026-04-01", NULL, &error));
  g_assert_no_error (error);

  /* Clients and programs */
  acme = baton_store_create_client (store, "Acme <b>Q&A</b> & \"quotes\"", "ACME Corp. 🚀", &error);
  g_assert_no_error (error);
  ok = baton_store_update (store, acme, &error,
                           "contact-name", "Renée Dupont",
                           "email", "renee@acme.example",
                           "phone", "+33 1 23 45 67 89",
                           NULL);
  g_assert_no_error (error);
  g_assert_true (ok);
  bare = baton_store_create_client (store, "Bare client", "", &error);
  g_assert_no_error (error);
  ok = baton_store_update (store, bare, &error, "archived", (gboolean) TRUE, NULL);
  g_assert_no_error (error);
  g_assert_true (ok);

  onboarding = baton_store_create_program (store, acme, "Onboarding 2026", &error);
  g_assert_no_error (error);
  ok = baton_store_update (store, onboarding, &error,
                           "description", "Line one\nLine two\ttabbed \\ backslash",
                           "start-date", "2026-02-02",
                           "due-date", "2026-06-30",
                           "color", "#9141ac",
                           NULL);
  g_assert_no_error (error);
  g_assert_true (ok);
  safety = baton_store_create_program (store, bare, "Safety", &error);
  g_assert_no_error (error);
  ok = baton_store_update (store, safety, &error, "archived", (gboolean) TRUE, NULL);
  g_assert_no_error (error);
  g_assert_true (ok);

  /* Stages: a new one with a WIP limit, moved first so that position
   * order differs from id order. */
  qa = baton_store_create_stage (store, "QA ✓", 3, &error);
  g_assert_no_error (error);
  ok = baton_store_move_stage (store, qa, 0, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  first = stage_at (store, 1);
  done = done_stage (store);
  g_assert_nonnull (done);

  /* Tasks */
  t1 = baton_store_create_task (store, first, onboarding, "Write <b>Q&A</b> & \"quotes\"", &error);
  g_assert_no_error (error);
  ok = baton_store_update (store, t1, &error,
                           "description", "Ünïcødé — “smart quotes” & <tags/>",
                           "role-id", baton_record_get_id (BATON_RECORD (writer)),
                           "estimate-minutes", (gint64) 90,
                           "priority", (gint64) 2,
                           NULL);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = baton_store_reassign_task (store, t1, zoe, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = baton_store_schedule_task (store, t1, "2026-03-02", "2026-03-13", &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  t2 = baton_store_create_task (store, first, NULL, "No program, no dates", &error);
  g_assert_no_error (error);
  t3 = baton_store_create_task (store, first, onboarding, "Finished", &error);
  g_assert_no_error (error);
  ok = baton_store_move_task (store, t3, done, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = baton_store_schedule_task (store, t3, NULL, "2026-02-20", &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  t4 = baton_store_create_task (store, qa, onboarding, "Archived review", &error);
  g_assert_no_error (error);
  ok = baton_store_archive_task (store, t4, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  /* Reorder within a stage: t2 before t1. */
  ok = baton_store_move_task (store, t2, first, t1, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  /* Checklist */
  item = baton_store_add_checklist_item (store, t1, "Draft outline", &error);
  g_assert_no_error (error);
  ok = baton_store_update (store, item, &error, "done", (gboolean) TRUE, NULL);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_nonnull (baton_store_add_checklist_item (store, t1, "Review with SME → ✔", &error));
  g_assert_no_error (error);

  /* Notes with revisions; one note without a program */
  note = baton_store_create_note (store, acme, onboarding, "Needs analysis",
                                  "# Needs\n\n- first", &error);
  g_assert_no_error (error);
  ok = baton_store_update_note (store, note, "Needs analysis", "# Needs\n\n- first\n- second", TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = baton_store_update_note (store, note, "Needs analysis (v3)", "# Needs\n\n- **third** <script>", TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  loose = baton_store_create_note (store, bare, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loose);

  /* The activity log the store wrote along: t1 assigned and scheduled
   * (three rows), t3 moved into the done stage (two), then rescheduled
   * (one). Empty values sit next to set ones. */
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_activity (store)), ==, 6);

  return store;
}

/* The store's invariants */

/* The store's rows as the rules read them. */
typedef struct
{
  BatonRowView  view;
  BatonStore   *store;
} StoreRows;

static BatonRecord *
store_rows_lookup (const BatonRowView      *view,
                   const BatonRecordSchema *schema,
                   gint64                   id)
{
  return baton_store_lookup (((const StoreRows *) view)->store, schema->get_type (), id);
}

static void
store_rows_collect (const BatonRowView      *view,
                    const BatonRecordSchema *schema,
                    const BatonField        *field,
                    gint64                   id,
                    GPtrArray               *rows)
{
  GListModel *list = baton_store_get_list (((const StoreRows *) view)->store, schema->get_type ());

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      BatonRecord *row = baton_test_list_item (list, i);

      if (field == NULL || baton_record_get_int_field (row, field) == id)
        g_ptr_array_add (rows, row);
    }
}

/* Every row keeps every rule the store keeps, the board has a stage, and
 * the objects are the database's rows. */
static void
assert_invariants (BatonStore *store)
{
  StoreRows rows = { { store_rows_lookup, store_rows_collect, NULL }, store };
  const BatonRecordSchema * const *schemas;
  guint n_schemas = 0;

  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_stages (store)), >, 0);

  schemas = _baton_store_get_schemas (&n_schemas);
  for (guint s = 0; s < n_schemas; s++)
    {
      GListModel *list = baton_store_get_list (store, schemas[s]->get_type ());

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GError) error = NULL;

          _baton_store_check_new_row (&rows.view, baton_test_list_item (list, i), NULL, &error);
          g_assert_no_error (error);
        }
    }

  baton_test_assert_store_matches_db (store);
}

/* Round trips */

static void
assert_round_trip (BatonStore *source)
{
  g_autoptr(BatonStore) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  const BatonRecordSchema * const *schemas;
  guint n_schemas = 0;
  gboolean ok;

  a = export_text (source);
  /* Deterministic: the same workspace gives the same text. */
  c = export_text (source);
  g_assert_cmpstr (a, ==, c);

  target = open_memory_store ();
  ok = baton_json_import (target, a, -1, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  b = export_text (target);
  g_assert_cmpstr (a, ==, b);
  assert_invariants (target);

  /* The lists follow the database. */
  schemas = _baton_store_get_schemas (&n_schemas);
  for (guint i = 0; i < n_schemas; i++)
    {
      g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_list (source, schemas[i]->get_type ())),
                        ==,
                        g_list_model_get_n_items (baton_store_get_list (target, schemas[i]->get_type ())));
    }

  /* Nothing to undo after an import. */
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (target)));
  g_assert_false (baton_history_get_can_redo (baton_store_get_history (target)));
}

static void
test_round_trip_full (void)
{
  g_autoptr(BatonStore) store = build_full_workspace ();

  assert_round_trip (store);
}

static void
test_round_trip_empty (void)
{
  g_autoptr(BatonStore) store = open_memory_store ();

  assert_round_trip (store);
}

static void
test_round_trip_demo (void)
{
  g_autoptr(BatonStore) store = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = NULL;
  BatonDemoSize size;

  baton_demo_size_init_default (&size);
  size.seed = 7;
  date = g_date_new_dmy (16, G_DATE_MARCH, 2026);
  size.today = g_date_get_julian (date);

  g_assert_true (baton_demo_generate (store, &size, &error));
  g_assert_no_error (error);
  g_assert_false (baton_store_is_empty (store));

  assert_round_trip (store);
}

/* The shape of the document: tables in schema order, rows by id, "id"
 * then every field in schema order, values of the right JSON types. */
static void
test_export_shape (void)
{
  g_autoptr(BatonStore) store = build_full_workspace ();
  g_autoptr(JsonNode) root = baton_json_export (store);
  const BatonRecordSchema * const *schemas;
  guint n_schemas = 0;
  JsonObject *object;
  JsonObject *tables;
  g_autoptr(GList) table_names = NULL;
  const GList *l;
  guint t;

  schemas = _baton_store_get_schemas (&n_schemas);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, BATON_JSON_FORMAT);
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, BATON_JSON_VERSION);

  tables = json_object_get_object_member (object, "tables");
  g_assert_nonnull (tables);
  table_names = json_object_get_members (tables);
  g_assert_cmpuint (g_list_length (table_names), ==, n_schemas);

  for (l = table_names, t = 0; l != NULL; l = l->next, t++)
    {
      const BatonRecordSchema *schema = schemas[t];
      JsonArray *rows;
      gint64 last_id = 0;

      g_assert_cmpstr (l->data, ==, schema->table);
      rows = json_object_get_array_member (tables, schema->table);
      g_assert_nonnull (rows);
      g_assert_cmpuint (json_array_get_length (rows), >, 0);

      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);
          g_autoptr(GList) names = json_object_get_members (row);
          const GList *m = names;
          gint64 id;

          g_assert_cmpuint (g_list_length (names), ==, schema->n_fields + 1);
          g_assert_cmpstr (m->data, ==, "id");
          id = json_object_get_int_member (row, "id");
          g_assert_cmpint (id, >, last_id);
          last_id = id;

          m = m->next;
          for (guint f = 0; f < schema->n_fields; f++, m = m->next)
            {
              const BatonField *field = &schema->fields[f];
              JsonNode *node = json_object_get_member (row, field->name);

              g_assert_cmpstr (m->data, ==, field->name);

              switch (field->kind)
                {
                case BATON_FIELD_INT:
                case BATON_FIELD_MINUTES:
                  g_assert_true (json_node_get_value_type (node) == G_TYPE_INT64);
                  break;
                case BATON_FIELD_REF:
                  g_assert_true (JSON_NODE_HOLDS_NULL (node) ||
                                 json_node_get_value_type (node) == G_TYPE_INT64);
                  break;
                case BATON_FIELD_BOOL:
                  g_assert_true (json_node_get_value_type (node) == G_TYPE_BOOLEAN);
                  break;
                default:
                  g_assert_true (JSON_NODE_HOLDS_NULL (node) ||
                                 json_node_get_value_type (node) == G_TYPE_STRING);
                  break;
                }
            }
        }
    }

  /* Stages come by id although the store lists them by position. */
  {
    BatonStage *qa = stage_at (store, 0);
    JsonArray *stages = json_object_get_array_member (tables, "stages");
    guint n = json_array_get_length (stages);
    JsonObject *last = json_array_get_object_element (stages, n - 1);

    g_assert_cmpint (json_object_get_int_member (last, "id"), ==,
                     baton_record_get_id (BATON_RECORD (qa)));
    g_assert_cmpint (json_object_get_int_member (last, "position"), ==, 0);
  }

  /* Markup-looking and unicode text comes back literally. */
  {
    JsonArray *clients = json_object_get_array_member (tables, "clients");
    JsonObject *acme = json_array_get_object_element (clients, 0);
    JsonObject *bare = json_array_get_object_element (clients, 1);

    g_assert_cmpstr (json_object_get_string_member (acme, "name"), ==,
                     "Acme <b>Q&A</b> & \"quotes\"");
    g_assert_cmpstr (json_object_get_string_member (acme, "organization"), ==, "ACME Corp. 🚀");
    g_assert_true (json_object_get_null_member (bare, "organization"));
    g_assert_true (json_object_get_boolean_member (bare, "archived"));
  }
}

static void
test_import_usable (void)
{
  g_autoptr(BatonStore) source = build_full_workspace ();
  g_autoptr(BatonStore) target = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = export_text (source);
  BatonTask *task;
  BatonStage *stage;
  GListModel *tasks;
  gint64 max_id = 0;

  g_assert_true (baton_json_import (target, text, strlen (text), &error));
  g_assert_no_error (error);
  g_assert_false (baton_store_is_empty (target));

  /* Identity map and relations follow the imported rows. */
  tasks = baton_store_get_tasks (target);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(BatonTask) t = g_list_model_get_item (tasks, i);

      max_id = MAX (max_id, baton_record_get_id (BATON_RECORD (t)));
      g_assert_true (baton_store_lookup_task (target, baton_record_get_id (BATON_RECORD (t))) == t);
      g_assert_nonnull (baton_store_lookup_stage (target, baton_task_get_stage_id (t)));
    }

  /* New rows get fresh ids and undo works from here. */
  stage = stage_at (target, 0);
  task = baton_store_create_task (target, stage, NULL, "After import", &error);
  g_assert_no_error (error);
  g_assert_nonnull (task);
  g_assert_cmpint (baton_record_get_id (BATON_RECORD (task)), >, max_id);
  g_assert_true (baton_history_get_can_undo (baton_store_get_history (target)));
  g_assert_true (baton_store_undo (target, &error));
  g_assert_no_error (error);

  {
    g_autofree char *again = export_text (target);

    g_assert_cmpstr (again, ==, text);
  }
}

static void
test_import_replaces_stages (void)
{
  g_autoptr(BatonStore) source = open_memory_store ();
  g_autoptr(BatonStore) target = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *b = NULL;
  BatonStage *stage;

  /* The source has only one stage left; the target's default stages go. */
  while (g_list_model_get_n_items (baton_store_get_stages (source)) > 1)
    {
      g_assert_true (baton_store_delete_stage (source, stage_at (source, 0), NULL, &error));
      g_assert_no_error (error);
    }
  stage = stage_at (source, 0);
  g_assert_true (baton_store_update (source, stage, &error, "name", "Only", NULL));
  g_assert_no_error (error);
  text = export_text (source);

  g_assert_true (baton_json_import (target, text, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_stages (target)), ==, 1);
  g_assert_cmpstr (baton_stage_get_name (stage_at (target, 0)), ==, "Only");

  b = export_text (target);
  g_assert_cmpstr (text, ==, b);
}

/* A document with only some tables: the missing ones are empty. */
static void
test_import_minimal (void)
{
  g_autoptr(BatonStore) target = open_memory_store ();
  g_autoptr(GError) error = NULL;
  const char *text =
    "{ \"format\": \"baton-workspace\", \"version\": 1, \"tables\": {"
    "  \"stages\": [ { \"id\": 7, \"name\": \"  Todo  \", \"position\": 0 } ],"
    "  \"tasks\": [ { \"id\": 3, \"stage-id\": 7, \"title\": \"Hello\" } ]"
    "} }";
  BatonTask *task;

  g_assert_true (baton_json_import (target, text, -1, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_stages (target)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_roles (target)), ==, 0);
  /* Names are stored trimmed, like the store's own methods do. */
  g_assert_cmpstr (baton_stage_get_name (stage_at (target, 0)), ==, "Todo");

  task = baton_store_lookup_task (target, 3);
  g_assert_nonnull (task);
  g_assert_cmpint (baton_task_get_stage_id (task), ==, 7);
  g_assert_cmpint (baton_task_get_program_id (task), ==, 0);
  g_assert_null (baton_task_get_description (task));
  g_assert_null (baton_task_get_due_date (task));
  g_assert_false (baton_task_get_archived (task));
}

/* Format 8's pinned tasks and placeholder people: a file from before
 * them imports with both false; a file with them keeps them. */
static void
test_import_pinned_placeholder (void)
{
  g_autoptr(BatonStore) older = open_memory_store ();
  g_autoptr(BatonStore) newer = open_memory_store ();
  g_autoptr(BatonStore) again = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = NULL;
  const char *before_8 =
    "{ \"format\": \"baton-workspace\", \"version\": 1, \"tables\": {"
    "  \"people\": [ { \"id\": 2, \"name\": \"Alice\" } ],"
    "  \"stages\": [ { \"id\": 7, \"name\": \"Todo\", \"position\": 0 } ],"
    "  \"tasks\": [ { \"id\": 3, \"stage-id\": 7, \"title\": \"Hello\" } ]"
    "} }";
  const char *with_8 =
    "{ \"format\": \"baton-workspace\", \"version\": 1, \"tables\": {"
    "  \"people\": [ { \"id\": 2, \"name\": \"Writer TBD\", \"placeholder\": true } ],"
    "  \"stages\": [ { \"id\": 7, \"name\": \"Todo\", \"position\": 0 } ],"
    "  \"tasks\": [ { \"id\": 3, \"stage-id\": 7, \"title\": \"Hello\", \"pinned\": true } ]"
    "} }";

  g_assert_true (baton_json_import (older, before_8, -1, &error));
  g_assert_no_error (error);
  g_assert_false (baton_task_get_pinned (baton_store_lookup_task (older, 3)));
  g_assert_false (baton_person_get_placeholder (baton_store_lookup_person (older, 2)));

  g_assert_true (baton_json_import (newer, with_8, -1, &error));
  g_assert_no_error (error);
  g_assert_true (baton_task_get_pinned (baton_store_lookup_task (newer, 3)));
  g_assert_true (baton_person_get_placeholder (baton_store_lookup_person (newer, 2)));

  /* And round-trips. */
  exported = export_text (newer);
  g_assert_true (baton_json_import (again, exported, -1, &error));
  g_assert_no_error (error);
  g_assert_true (baton_task_get_pinned (baton_store_lookup_task (again, 3)));
  g_assert_true (baton_person_get_placeholder (baton_store_lookup_person (again, 2)));
}

static void
test_files (void)
{
  g_autoptr(BatonStore) source = build_full_workspace ();
  g_autoptr(BatonStore) target = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;

  dir = g_dir_make_tmp ("baton-json-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "workspace.json", NULL);
  missing = g_build_filename (dir, "missing.json", NULL);
  bad = g_build_filename (dir, "bad.json", NULL);

  g_assert_true (baton_json_export_file (source, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  a = export_text (source);
  g_assert_true (g_str_has_prefix (contents, a));
  /* Private, as the workspace is. */
  {
    GStatBuf st;

    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }

  /* A missing file and a malformed file leave the workspace alone. */
  before = export_text (target);
  g_assert_false (baton_json_import_file (target, missing, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (bad, "{\n  \"format\": \"baton-workspace\",\n  \"version\": 1,,\n}", -1, &error));
  g_assert_no_error (error);
  g_assert_false (baton_json_import_file (target, bad, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE);
  g_debug ("bad file: %s", error->message);
  g_assert_nonnull (strstr (error->message, "Line 3"));
  g_clear_error (&error);
  after = export_text (target);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (baton_json_import_file (target, path, &error));
  g_assert_no_error (error);
  b = export_text (target);
  g_assert_cmpstr (a, ==, b);

  /* Writing into a folder that does not exist fails cleanly. */
  {
    g_autofree char *nowhere = g_build_filename (dir, "no", "such", "dir.json", NULL);

    g_assert_false (baton_json_export_file (source, nowhere, &error));
    g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN);
    g_clear_error (&error);
  }

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_remove (bad), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Malformed documents */

typedef void (*MutateFunc) (JsonObject *root);

typedef struct
{
  const char *name;
  const char *text;      /* used as is when set */
  MutateFunc  mutate;    /* else applied to the full workspace's export */
  gint        code;
  const char *where;     /* must appear in the message */
} BadCase;

static JsonObject *
tables_of (JsonObject *root)
{
  return json_object_get_object_member (root, "tables");
}

static JsonObject *
row_of (JsonObject *root,
        const char *table,
        guint       index)
{
  JsonArray *rows = json_object_get_array_member (tables_of (root), table);

  g_assert_nonnull (rows);
  return json_array_get_object_element (rows, index);
}

static void
mutate_format (JsonObject *root)
{
  json_object_set_string_member (root, "format", "trello-board");
}

static void
mutate_format_missing (JsonObject *root)
{
  json_object_remove_member (root, "format");
}

static void
mutate_version_newer (JsonObject *root)
{
  json_object_set_int_member (root, "version", BATON_JSON_VERSION + 1);
}

static void
mutate_version_string (JsonObject *root)
{
  json_object_set_string_member (root, "version", "1");
}

static void
mutate_tables_array (JsonObject *root)
{
  json_object_set_array_member (root, "tables", json_array_new ());
}

static void
mutate_tables_missing (JsonObject *root)
{
  json_object_remove_member (root, "tables");
}

static void
mutate_table_object (JsonObject *root)
{
  json_object_set_object_member (tables_of (root), "tasks", json_object_new ());
}

static void
mutate_row_not_object (JsonObject *root)
{
  JsonArray *rows = json_object_get_array_member (tables_of (root), "tasks");
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, 5);
  json_array_remove_element (rows, 0);
  /* json-glib has no insert: append, then the bad row is the last one. */
  json_array_add_element (rows, node);
}

static void
mutate_id_missing (JsonObject *root)
{
  json_object_remove_member (row_of (root, "tasks", 0), "id");
}

static void
mutate_id_string (JsonObject *root)
{
  json_object_set_string_member (row_of (root, "tasks", 0), "id", "1");
}

static void
mutate_id_duplicate (JsonObject *root)
{
  gint64 id = json_object_get_int_member (row_of (root, "tasks", 0), "id");

  json_object_set_int_member (row_of (root, "tasks", 1), "id", id);
}

static void
mutate_id_negative (JsonObject *root)
{
  json_object_set_int_member (row_of (root, "tasks", 0), "id", -3);
}

static void
mutate_id_zero (JsonObject *root)
{
  json_object_set_int_member (row_of (root, "tasks", 0), "id", 0);
}

static void
mutate_string_for_int (JsonObject *root)
{
  json_object_set_string_member (row_of (root, "tasks", 0), "position", "3");
}

static void
mutate_double_for_int (JsonObject *root)
{
  json_object_set_double_member (row_of (root, "tasks", 0), "estimate-minutes", 1.5);
}

static void
mutate_int_for_string (JsonObject *root)
{
  json_object_set_int_member (row_of (root, "tasks", 0), "title", 42);
}

static void
mutate_int_for_bool (JsonObject *root)
{
  json_object_set_int_member (row_of (root, "tasks", 0), "archived", 1);
}

static void
mutate_string_for_ref (JsonObject *root)
{
  json_object_set_string_member (row_of (root, "tasks", 0), "stage-id", "Backlog");
}

static void
mutate_array_for_string (JsonObject *root)
{
  json_object_set_array_member (row_of (root, "notes", 0), "body", json_array_new ());
}

static void
mutate_empty_title (JsonObject *root)
{
  json_object_set_string_member (row_of (root, "tasks", 0), "title", "");
}

static void
mutate_null_title (JsonObject *root)
{
  json_object_set_null_member (row_of (root, "tasks", 0), "title");
}

static void
mutate_blank_name (JsonObject *root)
{
  json_object_set_string_member (row_of (root, "people", 0), "name", "  \t \n ");
}

static void
mutate_long_name (JsonObject *root)
{
  g_autofree char *name = g_strnfill (BATON_MAX_NAME_LENGTH + 1, 'x');

  json_object_set_string_member (row_of (root, "roles", 0), "name", name);
}

static void
mutate_name_missing (JsonObject *root)
{
  json_object_remove_member (row_of (root, "roles", 0), "name");
}

static void
mutate_bad_date (JsonObject *root)
{
  json_object_set_string_member (row_of (root, "tasks", 0), "due-date", "2026-13-01");
}

static void
mutate_end_before_start (JsonObject *root)
{
  JsonObject *row = row_of (root, "time_off", 0);

  json_object_set_string_member (row, "start-date", "2026-03-10");
  json_object_set_string_member (row, "end-date", "2026-03-02");
}

static void
mutate_due_before_start (JsonObject *root)
{
  JsonObject *row = row_of (root, "programs", 0);

  json_object_set_string_member (row, "start-date", "2026-05-01");
  json_object_set_string_member (row, "due-date", "2026-04-30");
}

static void
mutate_required_date_null (JsonObject *root)
{
  json_object_set_null_member (row_of (root, "time_off", 0), "start-date");
}

static void
mutate_bad_timestamp (JsonObject *root)
{
  json_object_set_string_member (row_of (root, "tasks", 0), "created-at", "yesterday");
}

static void
mutate_bad_color (JsonObject *root)
{
  json_object_set_string_member (row_of (root, "people", 0), "color", "red");
}

static void
mutate_estimate_negative (JsonObject *root)
{
  json_object_set_int_member (row_of (root, "tasks", 0), "estimate-minutes", -60);
}

static void
mutate_estimate_absurd (JsonObject *root)
{
  json_object_set_int_member (row_of (root, "tasks", 0), "estimate-minutes",
                              BATON_MAX_ESTIMATE_MINUTES + 1);
}

static void
mutate_capacity_absurd (JsonObject *root)
{
  json_object_set_int_member (row_of (root, "people", 0), "weekly-capacity-minutes", G_MAXINT64);
}

static void
mutate_wip_negative (JsonObject *root)
{
  json_object_set_int_member (row_of (root, "stages", 0), "wip-limit", -1);
}

static void
mutate_priority_high (JsonObject *root)
{
  json_object_set_int_member (row_of (root, "tasks", 0), "priority", 4);
}

static void
mutate_unknown_ref (JsonObject *root)
{
  json_object_set_int_member (row_of (root, "tasks", 0), "stage-id", 999);
}

static void
mutate_unknown_optional_ref (JsonObject *root)
{
  json_object_set_int_member (row_of (root, "notes", 0), "program-id", 4242);
}

static void
mutate_negative_ref (JsonObject *root)
{
  json_object_set_int_member (row_of (root, "tasks", 0), "assignee-id", -2);
}

static void
mutate_required_ref_null (JsonObject *root)
{
  json_object_set_null_member (row_of (root, "person_roles", 0), "person-id");
}

static void
mutate_required_ref_missing (JsonObject *root)
{
  json_object_remove_member (row_of (root, "checklist_items", 0), "task-id");
}

static void
mutate_activity_kind (JsonObject *root)
{
  json_object_set_string_member (row_of (root, "activity", 0), "kind", "teleported");
}

static void
mutate_activity_task (JsonObject *root)
{
  json_object_set_int_member (row_of (root, "activity", 1), "task-id", 999);
}

static void
mutate_activity_at (JsonObject *root)
{
  json_object_set_string_member (row_of (root, "activity", 2), "at", "yesterday");
}

static void
mutate_ref_to_removed_table (JsonObject *root)
{
  /* Without its people, the time off points nowhere. */
  json_object_remove_member (tables_of (root), "people");
}

static void
mutate_unknown_table (JsonObject *root)
{
  json_object_set_array_member (tables_of (root), "widgets", json_array_new ());
}

static void
mutate_unknown_member (JsonObject *root)
{
  json_object_set_string_member (row_of (root, "tasks", 0), "colour", "#ffffff");
}

static void
mutate_unknown_root_member (JsonObject *root)
{
  json_object_set_boolean_member (root, "extra", TRUE);
}

static void
mutate_duplicate_role_name (JsonObject *root)
{
  /* The store compares role names ignoring case; so does the import. */
  const char *name = json_object_get_string_member (row_of (root, "roles", 0), "name");
  g_autofree char *upper = g_utf8_strup (name, -1);

  json_object_set_string_member (row_of (root, "roles", 1), "name", upper);
}

static void
mutate_duplicate_person_role (JsonObject *root)
{
  JsonObject *first = row_of (root, "person_roles", 0);
  JsonObject *second = row_of (root, "person_roles", 1);

  json_object_set_int_member (second, "person-id", json_object_get_int_member (first, "person-id"));
  json_object_set_int_member (second, "role-id", json_object_get_int_member (first, "role-id"));
}

static void
mutate_two_primary_roles (JsonObject *root)
{
  JsonObject *first = row_of (root, "person_roles", 0);
  JsonObject *second = row_of (root, "person_roles", 1);

  g_assert_cmpint (json_object_get_int_member (first, "person-id"), ==,
                   json_object_get_int_member (second, "person-id"));
  json_object_set_boolean_member (first, "is-primary", TRUE);
  json_object_set_boolean_member (second, "is-primary", TRUE);
}

static void
mutate_no_primary_role (JsonObject *root)
{
  JsonArray *rows = json_object_get_array_member (tables_of (root), "person_roles");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    json_object_set_boolean_member (json_array_get_object_element (rows, i), "is-primary", FALSE);
}

static void
mutate_note_program_of_other_client (JsonObject *root)
{
  JsonArray *programs = json_object_get_array_member (tables_of (root), "programs");
  JsonObject *note = row_of (root, "notes", 0);
  gint64 client_id = json_object_get_int_member (note, "client-id");

  for (guint i = 0; i < json_array_get_length (programs); i++)
    {
      JsonObject *program = json_array_get_object_element (programs, i);

      if (json_object_get_int_member (program, "client-id") != client_id)
        {
          json_object_set_int_member (note, "program-id", json_object_get_int_member (program, "id"));
          return;
        }
    }

  g_assert_not_reached ();
}

static const BadCase bad_cases[] = {
  { "truncated", NULL, NULL, BATON_STORE_ERROR_PARSE, "Line " },
  { "trailing-garbage", NULL, NULL, BATON_STORE_ERROR_PARSE, "Line " },
  { "trailing-value", NULL, NULL, BATON_STORE_ERROR_PARSE, "Line " },
  { "syntax-line-column", "{\n  \"format\": \"baton-workspace\",\n  \"version\": 1\n  \"tables\": {}\n}",
    NULL, BATON_STORE_ERROR_PARSE, "Line 3, column 14: " },
  { "empty", "", NULL, BATON_STORE_ERROR_PARSE, "empty" },
  { "blank", "  \n ", NULL, BATON_STORE_ERROR_PARSE, "empty" },
  { "not-utf8", "{\"format\": \"\xff\xfe\"}", NULL, BATON_STORE_ERROR_PARSE, "UTF-8" },
  { "root-array", "[ { \"format\": \"baton-workspace\" } ]", NULL, BATON_STORE_ERROR_PARSE, "$: Expected an object, found an array" },
  { "root-string", "\"baton-workspace\"", NULL, BATON_STORE_ERROR_PARSE, "$: Expected an object" },
  { "format-wrong", NULL, mutate_format, BATON_STORE_ERROR_PARSE, "$.format" },
  { "format-missing", NULL, mutate_format_missing, BATON_STORE_ERROR_PARSE, "$.format" },
  { "version-newer", NULL, mutate_version_newer, BATON_STORE_ERROR_PARSE, "newer version" },
  { "version-string", NULL, mutate_version_string, BATON_STORE_ERROR_PARSE, "$.version" },
  { "tables-not-object", NULL, mutate_tables_array, BATON_STORE_ERROR_PARSE, "$.tables: Expected an object" },
  { "tables-missing", NULL, mutate_tables_missing, BATON_STORE_ERROR_PARSE, "$.tables" },
  { "table-not-array", NULL, mutate_table_object, BATON_STORE_ERROR_PARSE, "$.tables.tasks: Expected an array" },
  { "row-not-object", NULL, mutate_row_not_object, BATON_STORE_ERROR_PARSE, "$.tables.tasks[" },
  { "id-missing", NULL, mutate_id_missing, BATON_STORE_ERROR_PARSE, "$.tables.tasks[0].id" },
  { "id-not-integer", NULL, mutate_id_string, BATON_STORE_ERROR_PARSE, "$.tables.tasks[0].id" },
  { "id-duplicate", NULL, mutate_id_duplicate, BATON_STORE_ERROR_PARSE, "$.tables.tasks[1].id" },
  { "id-negative", NULL, mutate_id_negative, BATON_STORE_ERROR_PARSE, "$.tables.tasks[0].id" },
  { "id-zero", NULL, mutate_id_zero, BATON_STORE_ERROR_PARSE, "$.tables.tasks[0].id" },
  { "string-for-integer", NULL, mutate_string_for_int, BATON_STORE_ERROR_PARSE, "$.tables.tasks[0].position" },
  { "double-for-integer", NULL, mutate_double_for_int, BATON_STORE_ERROR_PARSE, "$.tables.tasks[0].estimate-minutes" },
  { "integer-for-string", NULL, mutate_int_for_string, BATON_STORE_ERROR_PARSE, "$.tables.tasks[0].title" },
  { "integer-for-boolean", NULL, mutate_int_for_bool, BATON_STORE_ERROR_PARSE, "$.tables.tasks[0].archived" },
  { "string-for-reference", NULL, mutate_string_for_ref, BATON_STORE_ERROR_PARSE, "$.tables.tasks[0].stage-id" },
  { "array-for-string", NULL, mutate_array_for_string, BATON_STORE_ERROR_PARSE, "$.tables.notes[0].body" },
  { "title-empty", NULL, mutate_empty_title, BATON_STORE_ERROR_INVALID, "$.tables.tasks[0].title" },
  { "title-null", NULL, mutate_null_title, BATON_STORE_ERROR_INVALID, "$.tables.tasks[0].title" },
  { "name-blank", NULL, mutate_blank_name, BATON_STORE_ERROR_INVALID, "$.tables.people[0].name" },
  { "name-too-long", NULL, mutate_long_name, BATON_STORE_ERROR_INVALID, "$.tables.roles[0].name" },
  { "name-missing", NULL, mutate_name_missing, BATON_STORE_ERROR_PARSE, "$.tables.roles[0].name" },
  { "date-bad", NULL, mutate_bad_date, BATON_STORE_ERROR_INVALID, "$.tables.tasks[0].due-date" },
  { "date-end-before-start", NULL, mutate_end_before_start, BATON_STORE_ERROR_INVALID, "$.tables.time_off[0]" },
  { "date-due-before-start", NULL, mutate_due_before_start, BATON_STORE_ERROR_INVALID, "$.tables.programs[0]" },
  { "date-required-null", NULL, mutate_required_date_null, BATON_STORE_ERROR_INVALID, "$.tables.time_off[0].start-date" },
  { "timestamp-bad", NULL, mutate_bad_timestamp, BATON_STORE_ERROR_INVALID, "$.tables.tasks[0].created-at" },
  { "color-bad", NULL, mutate_bad_color, BATON_STORE_ERROR_INVALID, "$.tables.people[0].color" },
  { "estimate-negative", NULL, mutate_estimate_negative, BATON_STORE_ERROR_INVALID, "$.tables.tasks[0].estimate-minutes" },
  { "estimate-absurd", NULL, mutate_estimate_absurd, BATON_STORE_ERROR_INVALID, "$.tables.tasks[0].estimate-minutes" },
  { "capacity-absurd", NULL, mutate_capacity_absurd, BATON_STORE_ERROR_INVALID, "$.tables.people[0].weekly-capacity-minutes" },
  { "wip-limit-negative", NULL, mutate_wip_negative, BATON_STORE_ERROR_INVALID, "$.tables.stages[0].wip-limit" },
  { "priority-too-high", NULL, mutate_priority_high, BATON_STORE_ERROR_INVALID, "$.tables.tasks[0].priority" },
  { "reference-unknown", NULL, mutate_unknown_ref, BATON_STORE_ERROR_INVALID, "$.tables.tasks[0].stage-id" },
  { "reference-unknown-optional", NULL, mutate_unknown_optional_ref, BATON_STORE_ERROR_INVALID, "$.tables.notes[0].program-id" },
  { "reference-negative", NULL, mutate_negative_ref, BATON_STORE_ERROR_INVALID, "$.tables.tasks[0].assignee-id" },
  { "reference-required-null", NULL, mutate_required_ref_null, BATON_STORE_ERROR_INVALID, "$.tables.person_roles[0].person-id" },
  { "reference-required-missing", NULL, mutate_required_ref_missing, BATON_STORE_ERROR_PARSE, "$.tables.checklist_items[0].task-id" },
  { "reference-missing-table", NULL, mutate_ref_to_removed_table, BATON_STORE_ERROR_INVALID, ".person-id" },
  { "activity-kind-unknown", NULL, mutate_activity_kind, BATON_STORE_ERROR_INVALID, "$.tables.activity[0]" },
  { "activity-task-unknown", NULL, mutate_activity_task, BATON_STORE_ERROR_INVALID, "$.tables.activity[1].task-id" },
  { "activity-time-bad", NULL, mutate_activity_at, BATON_STORE_ERROR_INVALID, "$.tables.activity[2].at" },
  { "table-unknown", NULL, mutate_unknown_table, BATON_STORE_ERROR_PARSE, "$.tables.widgets" },
  { "member-unknown", NULL, mutate_unknown_member, BATON_STORE_ERROR_PARSE, "$.tables.tasks[0].colour" },
  { "member-unknown-root", NULL, mutate_unknown_root_member, BATON_STORE_ERROR_PARSE, "$.extra" },
  { "role-name-duplicate", NULL, mutate_duplicate_role_name, BATON_STORE_ERROR_INVALID, "$.tables.roles[0].name: There is already a role called" },
  { "person-role-duplicate", NULL, mutate_duplicate_person_role, BATON_STORE_ERROR_INVALID, "$.tables.person_roles[0].role-id: " },
  { "person-role-no-primary", NULL, mutate_no_primary_role, BATON_STORE_ERROR_INVALID, "$.tables.person_roles[0].is-primary: " },
  { "note-program-other-client", NULL, mutate_note_program_of_other_client, BATON_STORE_ERROR_INVALID, "$.tables.notes[0].program-id: The program " },
  { "person-role-two-primaries", NULL, mutate_two_primary_roles, BATON_STORE_ERROR_INVALID, "$.tables.person_roles[0].is-primary: " },
};

static char *
full_workspace_text (void)
{
  static char *text = NULL;

  if (text == NULL)
    {
      g_autoptr(BatonStore) store = build_full_workspace ();

      text = export_text (store);
    }

  return g_strdup (text);
}

static char *
bad_document (const BadCase *bad)
{
  g_autofree char *base = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  if (bad->text != NULL)
    return g_strdup (bad->text);

  base = full_workspace_text ();

  if (g_str_equal (bad->name, "truncated"))
    return g_strndup (base, strlen (base) / 2);
  if (g_str_equal (bad->name, "trailing-garbage"))
    return g_strconcat (base, "\n}garbage", NULL);
  if (g_str_equal (bad->name, "trailing-value"))
    return g_strconcat (base, "\n{ \"format\": \"baton-workspace\" }\n", NULL);

  g_assert_nonnull (bad->mutate);

  root = json_from_string (base, &error);
  g_assert_no_error (error);
  bad->mutate (json_node_get_object (root));

  return json_to_string (root, TRUE);
}

static void
test_bad_document (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(BatonStore) target = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = bad_document (bad);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gboolean ok;

  before = export_text (target);

  ok = baton_json_import (target, text, -1, &error);
  g_assert_false (ok);
  g_assert_nonnull (error);
  g_debug ("%s: %s", bad->name, error->message);

  g_assert_error (error, BATON_STORE_ERROR, bad->code);

  if (strstr (error->message, bad->where) == NULL)
    g_error ("“%s” does not name “%s”", error->message, bad->where);

  /* Nothing changed: same rows, no undo step, still importable. */
  after = export_text (target);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (baton_store_is_empty (target));
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (target)));
  g_assert_cmpuint (baton_db_get_depth (_baton_store_get_db (target)), ==, 0);
}

/* A failure while writing, after the default stages were deleted and
 * some tables written: the transaction rolls back and nothing changed. */
static void
test_write_failure_rolls_back (void)
{
  g_autoptr(BatonStore) target = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = full_workspace_text ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *b = NULL;
  BatonDb *db = _baton_store_get_db (target);
  guint n_stages;

  g_assert_true (baton_db_exec (db,
                                "CREATE TEMP TRIGGER test_refuse_tasks BEFORE INSERT ON main.tasks "
                                "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END",
                                &error));
  g_assert_no_error (error);

  before = export_text (target);
  n_stages = g_list_model_get_n_items (baton_store_get_stages (target));

  g_assert_false (baton_json_import (target, text, -1, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_SQL);
  g_debug ("write failure: %s", error->message);
  g_assert_nonnull (strstr (error->message, "$.tables.tasks[0]"));
  g_assert_nonnull (strstr (error->message, "refused by the test"));
  g_clear_error (&error);

  g_assert_cmpuint (baton_db_get_depth (db), ==, 0);
  after = export_text (target);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (baton_store_is_empty (target));

  /* The database itself still holds the default stages, not the document's. */
  g_assert_true (_baton_store_reload (target, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_stages (target)), ==, n_stages);
  g_free (after);
  after = export_text (target);
  g_assert_cmpstr (before, ==, after);

  /* Once the obstacle is gone the same document lands whole. */
  g_assert_true (baton_db_exec (db, "DROP TRIGGER temp.test_refuse_tasks", &error));
  g_assert_no_error (error);
  g_assert_true (baton_json_import (target, text, -1, &error));
  g_assert_no_error (error);
  b = export_text (target);
  g_assert_cmpstr (text, ==, b);
}

static void
test_not_empty (void)
{
  g_autoptr(BatonStore) target = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = full_workspace_text ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_nonnull (baton_store_create_role (target, "Already here", NULL, &error));
  g_assert_no_error (error);
  before = export_text (target);

  g_assert_false (baton_json_import (target, text, -1, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "empty workspace"));

  after = export_text (target);
  g_assert_cmpstr (before, ==, after);
  /* The role's own undo step is still there. */
  g_assert_true (baton_history_get_can_undo (baton_store_get_history (target)));
}

/* The text before json-glib: nesting, integers, UTF-8 */


#define PLACEHOLDER "@@raw@@"

/* Imports @length bytes of @text into an empty workspace, which must refuse
 * them with @code and a message that names @where, is valid UTF-8 and
 * leaves the database, the objects and the history as they were. Returns
 * the message. */
static char *
assert_refused (const char *text,
                gssize      length,
                gint        code,
                const char *where)
{
  g_autoptr(BatonStore) target = open_memory_store ();
  g_autoptr(BatonTestState) before = baton_test_state_capture (target);
  g_autoptr(GError) error = NULL;

  g_assert_false (baton_json_import (target, text, length, &error));
  baton_test_assert_store_error (error, code);
  if (where != NULL && strstr (error->message, where) == NULL)
    g_error ("“%s” does not name “%s”", error->message, where);

  baton_test_assert_state_equals (before, target);
  g_assert_true (baton_store_is_empty (target));
  g_assert_cmpuint (baton_db_get_depth (_baton_store_get_db (target)), ==, 0);

  return g_strdup (error->message);
}

/* The full workspace's export with the value of @member in row @index of
 * @table ($ itself when @table is NULL) written as @raw: text that a
 * JsonNode cannot hold. *@offset is where @raw starts. */
static GString *
document_with_raw_value (const char *table,
                         guint       index,
                         const char *member,
                         const char *raw,
                         gsize       raw_length,
                         gsize      *offset)
{
  g_autofree char *base = full_workspace_text ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  const char *at;
  GString *out;

  root = json_from_string (base, &error);
  g_assert_no_error (error);
  object = table != NULL ? row_of (json_node_get_object (root), table, index) : json_node_get_object (root);
  json_object_set_string_member (object, member, PLACEHOLDER);
  text = json_to_string (root, TRUE);

  at = strstr (text, "\"" PLACEHOLDER "\"");
  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, "\"" PLACEHOLDER "\""));

  out = g_string_new_len (text, at - text);
  if (offset != NULL)
    *offset = out->len;
  g_string_append_len (out, raw, raw_length);
  g_string_append (out, at + strlen ("\"" PLACEHOLDER "\""));

  return out;
}

/* 80,000 nested arrays (160 KB) overflowed json-glib's stack. */
static void
test_nesting (void)
{
  const gsize n = 80000;
  g_autoptr(GString) deep = g_string_sized_new (2 * n);
  g_autofree char *message = NULL;

  for (gsize i = 0; i < n; i++)
    g_string_append_c (deep, '[');
  for (gsize i = 0; i < n; i++)
    g_string_append_c (deep, ']');

  /* The 65th bracket is one too many. */
  message = assert_refused (deep->str, deep->len, BATON_STORE_ERROR_PARSE, "(byte offset 64)");
  g_assert_nonnull (strstr (message, "64 levels"));
  g_clear_pointer (&message, g_free);

  /* Objects count too, and so does depth inside a real document. */
  {
    g_autoptr(GString) objects = g_string_new (NULL);
    g_autoptr(GString) text = NULL;
    g_autofree char *where = NULL;
    gsize offset = 0;

    for (gsize i = 0; i < n; i++)
      g_string_append (objects, "{\"a\":[");
    text = document_with_raw_value ("notes", 0, "body", objects->str, objects->len, &offset);
    /* The note's members are 4 levels down: 30 pairs make 64, the next
     * object is one too many. */
    where = g_strdup_printf ("(byte offset %" G_GSIZE_FORMAT ")", offset + 30 * 6);
    message = assert_refused (text->str, text->len, BATON_STORE_ERROR_PARSE, where);
    g_clear_pointer (&message, g_free);
  }

  /* The limit itself is read: 64 levels are not a workspace, but no
   * nesting error; 65 are. */
  g_string_truncate (deep, 0);
  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 64; i++)
    g_string_append_c (deep, ']');
  message = assert_refused (deep->str, deep->len, BATON_STORE_ERROR_PARSE, "$: Expected an object, found an array");
  g_clear_pointer (&message, g_free);
  g_string_prepend_c (deep, '[');
  g_string_append_c (deep, ']');
  message = assert_refused (deep->str, deep->len, BATON_STORE_ERROR_PARSE, "(byte offset 64)");
}

/* Brackets, quotes and backslashes inside strings are text, not nesting. */
static void
test_nesting_in_strings (void)
{
  g_autoptr(BatonStore) source = build_full_workspace ();
  g_autoptr(BatonStore) target = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new ("\\\"] \\\\");
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  BatonNote *note;

  for (guint i = 0; i < 1000; i++)
    g_string_append (body, "[{\"");
  note = baton_store_create_note (source, baton_test_list_item (baton_store_get_clients (source), 0),
                                  NULL, "[[[[", body->str, &error);
  g_assert_no_error (error);
  g_assert_nonnull (note);

  text = export_text (source);
  g_assert_true (baton_json_import (target, text, -1, &error));
  g_assert_no_error (error);
  again = export_text (target);
  g_assert_cmpstr (text, ==, again);
}

/* json-glib 1.6 reads integers with strtoull () and wraps them. */
static void
test_integers (void)
{
  const char *out_of_range[] = {
    "-18446744073709551000",     /* was read as 616 */
    "99999999999999999999999",   /* was read as -1 */
    "18446744073709551615",
    "18446744073709551616",
    "9223372036854775808",
    "-9223372036854775808",      /* G_MININT64: json-glib cannot negate it */
    "-99999999999999999999",
  };
  const char *not_numbers[] = {
    "010", "0x10", "0b1", "+1", "1.", ".5", "1e", "1e+", "-", "--1", "1-2", "0.5.1", "1f",
  };
  const BatonRecordSchema * const *schemas;
  guint n_schemas = 0;

  for (guint i = 0; i < G_N_ELEMENTS (out_of_range); i++)
    {
      g_autoptr(GString) text = NULL;
      g_autofree char *message = NULL;
      g_autofree char *where = NULL;
      gsize offset = 0;

      text = document_with_raw_value ("tasks", 0, "estimate-minutes",
                                      out_of_range[i], strlen (out_of_range[i]), &offset);
      where = g_strdup_printf ("byte offset %" G_GSIZE_FORMAT "): The integer %s is out of range",
                               offset, out_of_range[i]);
      message = assert_refused (text->str, text->len, BATON_STORE_ERROR_PARSE, where);
      g_assert_true (g_str_has_prefix (message, "$.tables.tasks[0].estimate-minutes (line "));
      g_assert_null (strstr (message, "negative"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_numbers); i++)
    {
      g_autoptr(GString) text = NULL;
      g_autofree char *message = NULL;

      text = document_with_raw_value ("tasks", 0, "position", not_numbers[i], strlen (not_numbers[i]), NULL);
      message = assert_refused (text->str, text->len, BATON_STORE_ERROR_PARSE, "$.tables.tasks[0].position (line ");
      g_assert_nonnull (strstr (message, "not a number"));
    }

  /* Every integer of the document: ids, references, minutes, positions,
   * limits, the version, and booleans written as integers. */
  schemas = _baton_store_get_schemas (&n_schemas);
  for (guint s = 0; s < n_schemas; s++)
    {
      const BatonRecordSchema *schema = schemas[s];

      for (gint f = -1; f < (gint) schema->n_fields; f++)
        {
          const char *member = f < 0 ? "id" : schema->fields[f].name;
          g_autoptr(GString) text = NULL;
          g_autofree char *message = NULL;
          g_autofree char *where = NULL;

          if (f >= 0 && baton_field_get_gtype (&schema->fields[f]) == G_TYPE_STRING)
            continue;

          text = document_with_raw_value (schema->table, 0, member, out_of_range[0], strlen (out_of_range[0]), NULL);
          where = g_strdup_printf ("$.tables.%s[0].%s (line ", schema->table, member);
          message = assert_refused (text->str, text->len, BATON_STORE_ERROR_PARSE, where);
          g_assert_nonnull (strstr (message, "out of range"));
        }
    }
  {
    g_autoptr(GString) text = document_with_raw_value (NULL, 0, "version", out_of_range[1], strlen (out_of_range[1]), NULL);
    g_autofree char *message = assert_refused (text->str, text->len, BATON_STORE_ERROR_PARSE, "$.version (line ");

    g_assert_nonnull (strstr (message, "out of range"));
  }

  /* The edges of the range are read exactly, and then judged by the
   * field's own limits. */
  {
    g_autoptr(GString) text = document_with_raw_value ("tasks", 0, "position", "9007199254740992", 16, NULL);
    g_autoptr(BatonStore) target = open_memory_store ();
    g_autoptr(GError) error = NULL;
    BatonTask *task;

    g_assert_true (baton_json_import (target, text->str, text->len, &error));
    g_assert_no_error (error);
    task = baton_store_lookup_task (target, 1);
    g_assert_nonnull (task);
    g_assert_cmpint (baton_task_get_position (task), ==, BATON_MAX_POSITION);
  }
  {
    g_autoptr(GString) text = document_with_raw_value ("tasks", 0, "position", "9223372036854775807", 19, NULL);
    g_autofree char *message = assert_refused (text->str, text->len, BATON_STORE_ERROR_INVALID,
                                               "$.tables.tasks[0].position: ");

    g_assert_nonnull (strstr (message, "too large"));
  }
  {
    g_autoptr(GString) text = document_with_raw_value ("tasks", 0, "position", "-9223372036854775807", 20, NULL);
    g_autofree char *message = assert_refused (text->str, text->len, BATON_STORE_ERROR_INVALID,
                                               "$.tables.tasks[0].position: ");

    g_assert_nonnull (strstr (message, "negative"));
  }
}

/* Invalid UTF-8 anywhere: the byte offset, the place, and a message that is
 * itself valid UTF-8. */
static void
test_invalid_utf8 (void)
{
  static const struct {
    const char *bytes;
    gsize       length;
  } sequences[] = {
    { "\xff", 1 },
    { "\xfe", 1 },
    { "\xc3\x28", 2 },           /* a lead byte without its continuation */
    { "\x80", 1 },               /* a lone continuation byte */
    { "\xc0\xaf", 2 },           /* an overlong "/" */
    { "\xe0\x80\xaf", 3 },       /* another overlong "/" */
    { "\xed\xa0\x80", 3 },       /* an encoded surrogate */
    { "\xf4\x90\x80\x80", 4 },   /* above U+10FFFF */
    { "\xf8\x88\x80\x80\x80", 5 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sequences); i++)
    {
      /* In a value: the place is the member. */
      {
        g_autoptr(GString) raw = g_string_new ("\"Ab");
        g_autoptr(GString) text = NULL;
        g_autofree char *message = NULL;
        g_autofree char *where = NULL;
        gsize offset = 0;

        g_string_append_len (raw, sequences[i].bytes, sequences[i].length);
        g_string_append (raw, "cd\"");
        text = document_with_raw_value ("tasks", 1, "title", raw->str, raw->len, &offset);
        where = g_strdup_printf ("byte offset %" G_GSIZE_FORMAT "): The text is not valid UTF-8.", offset + 3);
        message = assert_refused (text->str, text->len, BATON_STORE_ERROR_PARSE, where);
        g_assert_true (g_str_has_prefix (message, "$.tables.tasks[1].title (line "));
      }

      /* In a member name: the place is its row. */
      {
        g_autofree char *base = full_workspace_text ();
        g_autoptr(GString) text = g_string_new (base);
        g_autofree char *message = NULL;
        g_autofree char *where = NULL;
        const char *key = strstr (text->str, "\"estimate-minutes\"");
        gsize offset;

        g_assert_nonnull (key);
        offset = key - text->str + 4;
        g_string_insert_len (text, offset, sequences[i].bytes, sequences[i].length);
        where = g_strdup_printf ("byte offset %" G_GSIZE_FORMAT "): The text is not valid UTF-8.", offset);
        message = assert_refused (text->str, text->len, BATON_STORE_ERROR_PARSE, where);
        g_assert_true (g_str_has_prefix (message, "$.tables.tasks[0] (line "));
      }

      /* Outside strings, and cut at the end of the file. */
      {
        g_autoptr(GString) text = g_string_new ("{ \"format\": ");
        g_autofree char *where = g_strdup_printf ("byte offset %" G_GSIZE_FORMAT ")", text->len);
        g_autofree char *message = NULL;

        g_string_append_len (text, sequences[i].bytes, sequences[i].length);
        message = assert_refused (text->str, text->len, BATON_STORE_ERROR_PARSE, where);
        g_clear_pointer (&message, g_free);

        g_string_truncate (text, 0);
        g_string_append (text, "{ \"format\": \"baton-");
        g_string_append_len (text, sequences[i].bytes, sequences[i].length);
        message = assert_refused (text->str, text->len, BATON_STORE_ERROR_PARSE, "$.format (line 1, column 20, byte offset 19)");
      }
    }

  /* The first three bytes of a four-byte character, at the very end. */
  {
    const char text[] = "{ \"format\": \"\xf0\x9f\x9a";
    g_autofree char *message = assert_refused (text, sizeof text - 1, BATON_STORE_ERROR_PARSE, "byte offset 13)");

    g_assert_nonnull (strstr (message, "UTF-8"));
  }
}

/* A NUL inside a string was cut off silently; a NUL byte is not text. */
static void
test_nul (void)
{
  g_autofree char *message = NULL;

  {
    g_autoptr(GString) text = document_with_raw_value ("stages", 0, "name", "\"To\\u0000do\"", sizeof "\"To\\u0000do\"" - 1, NULL);

    message = assert_refused (text->str, text->len, BATON_STORE_ERROR_PARSE, "$.tables.stages[0].name (line ");
    g_assert_nonnull (strstr (message, "NUL"));
    g_clear_pointer (&message, g_free);
  }
  {
    g_autoptr(GString) text = document_with_raw_value ("notes", 0, "body", "\"\\u0000\"", sizeof "\"\\u0000\"" - 1, NULL);

    message = assert_refused (text->str, text->len, BATON_STORE_ERROR_PARSE, "$.tables.notes[0].body (line ");
    g_clear_pointer (&message, g_free);
  }
  {
    g_autoptr(GString) text = NULL;
    gsize offset = 0;
    g_autofree char *where = NULL;

    text = document_with_raw_value ("tasks", 0, "title", "\"Raw\0NUL\"", sizeof "\"Raw\0NUL\"" - 1, &offset);
    where = g_strdup_printf ("byte offset %" G_GSIZE_FORMAT "): The file contains a NUL byte", offset + 4);
    message = assert_refused (text->str, text->len, BATON_STORE_ERROR_PARSE, where);
    g_assert_true (g_str_has_prefix (message, "$.tables.tasks[0].title (line "));
    g_clear_pointer (&message, g_free);
  }

  /* Other escapes of NUL that json-glib reads: none is JSON. */
  {
    g_autoptr(GString) text = document_with_raw_value ("stages", 0, "name", "\"To\\0do\"", sizeof "\"To\\0do\"" - 1, NULL);

    message = assert_refused (text->str, text->len, BATON_STORE_ERROR_PARSE, "$.tables.stages[0].name (line ");
    g_assert_nonnull (strstr (message, "escape"));
    g_clear_pointer (&message, g_free);
  }

  /* A member name with a NUL. */
  {
    g_autofree char *base = full_workspace_text ();
    g_autoptr(GString) text = g_string_new (base);
    const char *key = strstr (text->str, "\"title\"");

    g_string_insert (text, key - text->str + 1, "\\u0000");
    message = assert_refused (text->str, text->len, BATON_STORE_ERROR_PARSE, "$.tables.tasks[0] (line ");
    g_assert_nonnull (strstr (message, "NUL"));
  }
}

/* UTF-16 surrogates: pairs are characters, halves are not. */
static void
test_surrogates (void)
{
  const char *halves[] = {
    "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\\ud800x\"", "\"\\udc00\\ud800\"", "\"\\ud800\\ud800\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (halves); i++)
    {
      g_autoptr(GString) text = document_with_raw_value ("tasks", 0, "title", halves[i], strlen (halves[i]), NULL);
      g_autofree char *message = assert_refused (text->str, text->len, BATON_STORE_ERROR_PARSE,
                                                 "$.tables.tasks[0].title (line ");

      g_assert_nonnull (strstr (message, "surrogate"));
    }

  {
    g_autoptr(GString) text = document_with_raw_value ("tasks", 0, "title", "\"Launch \\ud83d\\ude80\\u00e9\\/\"",
                                                        strlen ("\"Launch \\ud83d\\ude80\\u00e9\\/\""), NULL);
    g_autoptr(BatonStore) target = open_memory_store ();
    g_autoptr(GError) error = NULL;
    BatonTask *task;

    g_assert_true (baton_json_import (target, text->str, text->len, &error));
    g_assert_no_error (error);
    task = baton_test_list_item (baton_store_get_tasks (target), 0);
    g_assert_cmpstr (baton_task_get_title (task), ==, "Launch 🚀é/");
  }
}

/* Mutations of a real export, fuzz style but repeatable (fixed seeds): a
 * refused document leaves the database as it was and says why in valid
 * UTF-8; an accepted one lands whole. */

typedef struct
{
  BatonStore     *store;
  BatonTestState *before;
  guint           n_refused;
  guint           n_accepted;
} FuzzTarget;

static void
fuzz_target_reset (FuzzTarget *target)
{
  g_clear_pointer (&target->before, baton_test_state_free);
  g_clear_object (&target->store);
  target->store = open_memory_store ();
  target->before = baton_test_state_capture (target->store);
}

static void
fuzz_import (FuzzTarget *target,
             const char *what,
             const char *text,
             gsize       length)
{
  g_autoptr(GError) error = NULL;

  if (baton_json_import (target->store, text, length, &error))
    {
      g_assert_no_error (error);
      assert_invariants (target->store);
      target->n_accepted++;
      fuzz_target_reset (target);
      return;
    }

  g_assert_nonnull (error);
  if (!g_utf8_validate (error->message, -1, NULL))
    g_error ("%s: the message is not UTF-8", what);
  g_assert_true (error->domain == BATON_STORE_ERROR);
  g_assert_true (error->code == BATON_STORE_ERROR_PARSE || error->code == BATON_STORE_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_debug ("%s: %s", what, error->message);

  baton_test_assert_state_equals (target->before, target->store);
  g_assert_true (baton_store_is_empty (target->store));
  g_assert_cmpuint (baton_db_get_depth (_baton_store_get_db (target->store)), ==, 0);
  target->n_refused++;
}

static void
test_fuzz (void)
{
  static const char * const invalid[] = {
    "\xff", "\xfe", "\xc3", "\xc3\x28", "\x80", "\xbf", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80",
    "\xed\xbf\xbf", "\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\xe2\x82", "\xf0\x9f\x9a",
  };
  static const char * const escapes[] = {
    "\\u0000", "\\ud800", "\\udfff", "\\u12", "\\x41", "\\0", "\\'", "\\U0001F680", "\\",
  };
  g_autofree char *base = full_workspace_text ();
  gsize length = strlen (base);
  g_autoptr(GArray) strings = g_array_new (FALSE, FALSE, sizeof (gsize));   /* offsets inside strings */
  FuzzTarget target = { NULL, NULL, 0, 0 };
  GRand *rand = g_rand_new_with_seed (8);
  gboolean in_string = FALSE;

  fuzz_target_reset (&target);

  for (gsize i = 0; i < length; i++)
    {
      if (in_string && base[i] == '\\')
        {
          i++;
          continue;
        }
      if (base[i] == '"')
        in_string = !in_string;
      else if (in_string)
        g_array_append_val (strings, i);
    }
  g_assert_cmpuint (strings->len, >, 100);

  /* Random bytes replaced. */
  for (guint n = 0; n < 300; n++)
    {
      g_autofree char *text = g_memdup2 (base, length);
      g_autofree char *what = NULL;
      guint flips = g_rand_int_range (rand, 1, 5);

      for (guint k = 0; k < flips; k++)
        text[g_rand_int_range (rand, 0, length)] = (char) g_rand_int_range (rand, 0, 256);
      what = g_strdup_printf ("flip %u", n);
      fuzz_import (&target, what, text, length);
    }

  /* Truncated files. */
  for (gsize cut = 0; cut < length; cut += 1 + length / 150)
    {
      g_autofree char *what = g_strdup_printf ("truncated at %" G_GSIZE_FORMAT, cut);

      fuzz_import (&target, what, base, cut);
    }

  /* Invalid UTF-8 inside member names and values, and outside strings. */
  for (guint n = 0; n < 200; n++)
    {
      g_autoptr(GString) text = g_string_new_len (base, length);
      const char *bytes = invalid[g_rand_int_range (rand, 0, G_N_ELEMENTS (invalid))];
      gsize at = n % 4 == 3 ? (gsize) g_rand_int_range (rand, 0, length)
                            : g_array_index (strings, gsize, g_rand_int_range (rand, 0, strings->len));
      g_autofree char *what = g_strdup_printf ("invalid UTF-8 %u at %" G_GSIZE_FORMAT, n, at);

      if (n % 2 == 0)
        g_string_insert (text, at, bytes);
      else
        g_string_overwrite (text, at, bytes);
      fuzz_import (&target, what, text->str, text->len);
    }

  /* Escapes json-glib reads that JSON does not, or that Baton cannot store. */
  for (guint n = 0; n < 100; n++)
    {
      g_autoptr(GString) text = g_string_new_len (base, length);
      const char *escape = escapes[g_rand_int_range (rand, 0, G_N_ELEMENTS (escapes))];
      gsize at = g_array_index (strings, gsize, g_rand_int_range (rand, 0, strings->len));
      g_autofree char *what = g_strdup_printf ("escape %u (%s) at %" G_GSIZE_FORMAT, n, escape, at);

      g_string_insert (text, at, escape);
      fuzz_import (&target, what, text->str, text->len);
    }

  /* Ranges cut out. */
  for (guint n = 0; n < 100; n++)
    {
      g_autoptr(GString) text = g_string_new_len (base, length);
      gsize at = g_rand_int_range (rand, 0, length);
      gsize n_bytes = g_rand_int_range (rand, 1, 64);
      g_autofree char *what = g_strdup_printf ("cut %" G_GSIZE_FORMAT "+%" G_GSIZE_FORMAT, at, n_bytes);

      g_string_erase (text, at, MIN (n_bytes, length - at));
      fuzz_import (&target, what, text->str, text->len);
    }

  g_debug ("fuzz: %u refused, %u accepted", target.n_refused, target.n_accepted);
  g_assert_cmpuint (target.n_refused, >, 700);

  g_rand_free (rand);
  g_clear_pointer (&target.before, baton_test_state_free);
  g_clear_object (&target.store);
}

/* A document without stages used to leave a board without columns, which
 * the board cannot recover from. It gets the stages of a new workspace. */
static void
test_import_no_stages (void)
{
  const char *documents[] = {
    "{\"format\":\"baton-workspace\",\"version\":1,\"tables\":{}}",
    "{\"format\":\"baton-workspace\",\"version\":1,\"tables\":{\"stages\":[],"
    " \"people\":[{\"id\":4,\"name\":\"Ana\",\"weekly-capacity-minutes\":2400}],"
    " \"clients\":[{\"id\":2,\"name\":\"Acme\"}]}}",
  };
  const char * const *names;
  guint n_names = 0;

  names = _baton_store_get_default_stages (&n_names);
  g_assert_cmpuint (n_names, >, 1);

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      g_autoptr(BatonStore) target = open_memory_store ();
      g_autoptr(BatonStore) again = open_memory_store ();
      g_autoptr(GError) error = NULL;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      GListModel *stages = baton_store_get_stages (target);

      /* The workspace's own stages go, as with any document. */
      g_assert_true (baton_store_update (target, stage_at (target, 0), &error, "name", "Mine", NULL));
      g_assert_no_error (error);

      g_assert_true (baton_json_import (target, documents[d], -1, &error));
      g_assert_no_error (error);

      g_assert_cmpuint (g_list_model_get_n_items (stages), ==, n_names);
      for (guint i = 0; i < n_names; i++)
        {
          BatonStage *stage = stage_at (target, i);

          g_assert_cmpstr (baton_stage_get_name (stage), ==, g_dgettext (GETTEXT_PACKAGE, names[i]));
          g_assert_cmpint (baton_stage_get_position (stage), ==, i);
          g_assert_cmpint (baton_stage_get_wip_limit (stage), ==, 0);
          g_assert_true (baton_stage_get_is_done (stage) == (i == n_names - 1));
        }
      assert_invariants (target);

      /* A working board: a card goes into the first column. */
      g_assert_nonnull (baton_store_create_task (target, stage_at (target, 0), NULL, "First card", &error));
      g_assert_no_error (error);
      g_assert_true (baton_store_undo (target, &error));
      g_assert_no_error (error);

      /* And it exports and imports like any workspace. */
      a = export_text (target);
      g_assert_true (baton_json_import (again, a, -1, &error));
      g_assert_no_error (error);
      b = export_text (again);
      g_assert_cmpstr (a, ==, b);
    }

  /* Cards need the document's own stages: a default one is no target. */
  {
    g_autofree char *message = assert_refused ("{\"format\":\"baton-workspace\",\"version\":1,\"tables\":{"
                                               "\"tasks\":[{\"id\":1,\"stage-id\":1,\"title\":\"Lost\"}]}}",
                                               -1, BATON_STORE_ERROR_INVALID, "$.tables.tasks[0].stage-id: ");

    g_assert_nonnull (strstr (message, "no stage with id 1"));
  }
}

/* What the store refuses the import refuses, with the store's message at
 * the document's place: the rules are written once. */
static void
test_rules_shared (void)
{
  g_autoptr(BatonStore) source = build_full_workspace ();
  GListModel *notes = baton_store_get_notes (source);
  GListModel *programs = baton_store_get_programs (source);
  GListModel *roles = baton_store_get_list (source, BATON_TYPE_ROLE);
  GListModel *links = baton_store_get_person_roles (source);
  BatonNote *note = NULL;
  BatonProgram *other = NULL;
  guint note_index = 0;
  g_autofree char *base = export_text (source);

  for (guint i = 0; i < g_list_model_get_n_items (notes) && note == NULL; i++)
    if (baton_note_get_program_id (baton_test_list_item (notes, i)) != 0)
      {
        note = baton_test_list_item (notes, i);
        note_index = i;
      }
  g_assert_nonnull (note);
  for (guint i = 0; i < g_list_model_get_n_items (programs) && other == NULL; i++)
    if (baton_program_get_client_id (baton_test_list_item (programs, i)) != baton_note_get_client_id (note))
      other = baton_test_list_item (programs, i);
  g_assert_nonnull (other);

  /* A note's program of another client. */
  {
    g_autoptr(BatonTestState) before = baton_test_state_capture (source);
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) root = json_from_string (base, NULL);
    g_autofree char *text = NULL;
    g_autofree char *expected = NULL;
    g_autofree char *message = NULL;

    g_assert_false (baton_store_update (source, note, &error, "program-id", baton_test_id (other), NULL));
    baton_test_assert_store_error (error, BATON_STORE_ERROR_INVALID);
    baton_test_assert_state_equals (before, source);

    json_object_set_int_member (row_of (json_node_get_object (root), "notes", note_index), "program-id",
                                baton_test_id (other));
    text = json_to_string (root, TRUE);
    expected = g_strdup_printf ("$.tables.notes[%u].program-id: %s", note_index, error->message);
    message = assert_refused (text, -1, BATON_STORE_ERROR_INVALID, NULL);
    g_assert_cmpstr (message, ==, expected);
  }

  /* A role name taken. */
  {
    BatonRole *first = baton_test_list_item (roles, 0);
    BatonRole *second = baton_test_list_item (roles, 1);
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) root = json_from_string (base, NULL);
    g_autofree char *text = NULL;
    g_autofree char *expected = NULL;
    g_autofree char *message = NULL;
    JsonArray *rows;
    guint first_index = 0, second_index = 0;

    g_assert_false (baton_store_update (source, second, &error, "name", baton_role_get_name (first), NULL));
    baton_test_assert_store_error (error, BATON_STORE_ERROR_INVALID);

    /* The export lists rows by id, the store's list by position. */
    rows = json_object_get_array_member (tables_of (json_node_get_object (root)), "roles");
    for (guint i = 0; i < json_array_get_length (rows); i++)
      {
        gint64 id = json_object_get_int_member (json_array_get_object_element (rows, i), "id");

        if (id == baton_test_id (first))
          first_index = i;
        if (id == baton_test_id (second))
          second_index = i;
      }
    json_object_set_string_member (json_array_get_object_element (rows, second_index), "name",
                                   baton_role_get_name (first));
    text = json_to_string (root, TRUE);
    expected = g_strdup_printf ("$.tables.roles[%u].name: %s", MIN (first_index, second_index), error->message);
    message = assert_refused (text, -1, BATON_STORE_ERROR_INVALID, NULL);
    g_assert_cmpstr (message, ==, expected);
  }

  /* A role held twice. */
  {
    BatonPersonRole *link = baton_test_list_item (links, 0);
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonNode) root = json_from_string (base, NULL);
    g_autofree char *text = NULL;
    g_autofree char *expected = NULL;
    g_autofree char *message = NULL;
    JsonObject *copy;

    g_assert_null (baton_store_insert (source, BATON_TYPE_PERSON_ROLE, &error,
                                       "person-id", baton_person_role_get_person_id (link),
                                       "role-id", baton_person_role_get_role_id (link), NULL));
    baton_test_assert_store_error (error, BATON_STORE_ERROR_INVALID);

    copy = json_object_new ();
    json_object_set_int_member (copy, "id", 999);
    json_object_set_int_member (copy, "person-id", baton_person_role_get_person_id (link));
    json_object_set_int_member (copy, "role-id", baton_person_role_get_role_id (link));
    json_object_set_boolean_member (copy, "is-primary", FALSE);
    json_array_add_object_element (json_object_get_array_member (tables_of (json_node_get_object (root)),
                                                                 "person_roles"), copy);
    text = json_to_string (root, TRUE);
    expected = g_strdup_printf ("$.tables.person_roles[0].role-id: %s", error->message);
    message = assert_refused (text, -1, BATON_STORE_ERROR_INVALID, NULL);
    g_assert_cmpstr (message, ==, expected);
  }

  /* Nothing was changed, so the workspace still goes there and back. */
  assert_round_trip (source);
  {
    g_autoptr(BatonStore) target = open_memory_store ();
    g_autoptr(GError) error = NULL;

    g_assert_true (baton_json_import (target, base, -1, &error));
    g_assert_no_error (error);
    assert_invariants (target);
  }
}

/* Positions at the top of what an import reads: the store goes on from
 * there (a card added or moved to the end, a stage or a role added, a
 * stage deleted into another) without overflowing, and what it writes
 * can be imported again. */
static void
test_positions_at_the_edge (void)
{
  g_autoptr(BatonStore) target = open_memory_store ();
  g_autoptr(BatonStore) again = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *top = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) BATON_MAX_POSITION);
  g_autofree char *text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  BatonStage *todo, *done;
  BatonTask *card;

  text = g_strdup_printf ("{ \"format\": \"baton-workspace\", \"version\": 1, \"tables\": {"
                          "  \"roles\": [ { \"id\": 1, \"name\": \"Writer\", \"position\": %s } ],"
                          "  \"stages\": [ { \"id\": 1, \"name\": \"To do\", \"position\": %s },"
                          "                { \"id\": 2, \"name\": \"Done\", \"position\": 0, \"is-done\": true } ],"
                          "  \"tasks\": [ { \"id\": 1, \"stage-id\": 1, \"title\": \"Top\", \"position\": %s },"
                          "               { \"id\": 2, \"stage-id\": 2, \"title\": \"Moved\", \"position\": %s },"
                          "               { \"id\": 3, \"stage-id\": 2, \"title\": \"Moved too\", \"position\": %s } ],"
                          "  \"checklist_items\": [ { \"id\": 1, \"task-id\": 1, \"text\": \"Top\", \"position\": %s } ]"
                          "} }", top, top, top, top, top, top);
  g_assert_true (baton_json_import (target, text, -1, &error));
  g_assert_no_error (error);
  todo = baton_store_lookup_stage (target, 1);
  done = baton_store_lookup_stage (target, 2);

  card = baton_store_create_task (target, todo, NULL, "Added", &error);
  g_assert_no_error (error);
  g_assert_nonnull (card);
  g_assert_true (baton_store_move_task (target, baton_store_lookup_task (target, 2), todo, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (baton_store_add_checklist_item (target, baton_store_lookup_task (target, 1), "More", &error));
  g_assert_no_error (error);
  g_assert_nonnull (baton_store_create_role (target, "Designer", NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (baton_store_create_stage (target, "Review", 0, &error));
  g_assert_no_error (error);
  g_assert_true (baton_store_delete_stage (target, done, todo, &error));
  g_assert_no_error (error);

  /* The cards keep their order: the one added, then the ones moved. */
  {
    g_autoptr(GPtrArray) cards = baton_store_get_stage_tasks (target, todo);

    g_assert_cmpuint (cards->len, ==, 4);
    g_assert_cmpstr (baton_task_get_title (g_ptr_array_index (cards, 0)), ==, "Top");
    g_assert_cmpstr (baton_task_get_title (g_ptr_array_index (cards, 1)), ==, "Added");
    g_assert_cmpstr (baton_task_get_title (g_ptr_array_index (cards, 2)), ==, "Moved");
    g_assert_cmpstr (baton_task_get_title (g_ptr_array_index (cards, 3)), ==, "Moved too");
    for (guint i = 0; i < cards->len; i++)
      g_assert_cmpint (baton_task_get_position (g_ptr_array_index (cards, i)), <=, BATON_MAX_POSITION);
  }
  assert_invariants (target);

  a = export_text (target);
  g_assert_true (baton_json_import (again, a, -1, &error));
  g_assert_no_error (error);
  b = export_text (again);
  g_assert_cmpstr (a, ==, b);

  /* One more is refused, as too large. */
  {
    g_autofree char *over = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) BATON_MAX_POSITION + 1);
    g_autoptr(GString) doc = document_with_raw_value ("tasks", 0, "position", over, strlen (over), NULL);
    g_autofree char *message = assert_refused (doc->str, doc->len, BATON_STORE_ERROR_INVALID,
                                               "$.tables.tasks[0].position: ");

    g_assert_nonnull (strstr (message, top));
  }
}

/* The rules read a whole document in linear time: 20,000 roles, all held
 * by one person, took minutes when each row was compared with the others. */
static void
test_rules_linear (void)
{
  const guint n = 20000;
  g_autoptr(GString) text = g_string_new ("{ \"format\": \"baton-workspace\", \"version\": 1, \"tables\": {");
  g_autoptr(BatonStore) target = open_memory_store ();
  g_autoptr(GError) error = NULL;
  gint64 start;
  double seconds;

  g_string_append (text, "\"roles\": [");
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (text, "%s{\"id\":%u,\"name\":\"Role %u\",\"position\":%u}", i > 1 ? "," : "", i, i, i);
  g_string_append (text, "], \"people\": [ {\"id\":1,\"name\":\"Ana\"} ], \"person_roles\": [");
  for (guint i = 1; i <= n; i++)
    g_string_append_printf (text, "%s{\"id\":%u,\"person-id\":1,\"role-id\":%u,\"is-primary\":%s}",
                            i > 1 ? "," : "", i, i, i == n ? "true" : "false");
  g_string_append (text, "] } }");

  start = g_get_monotonic_time ();
  g_assert_true (baton_json_import (target, text->str, text->len, &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_debug ("%u roles and links imported in %.2f s", n, seconds);

  /* A fraction of a second here, a second under the sanitizers; comparing
   * every row with every other took minutes. */
  g_assert_cmpfloat (seconds, <, 30);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_person_roles (target)), ==, n);
}

/* An import into a workspace file syncs it fully, then puts the file's
 * ordinary setting back, whether it succeeded or not. */
static void
test_import_restores_synchronous (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) target = baton_store_open (ws->path, &error);
  g_autofree char *text = full_workspace_text ();
  BatonDb *db;
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  db = _baton_store_get_db (target);
  stmt = baton_db_prepare (db, "PRAGMA synchronous", &error);
  g_assert_no_error (error);

  /* A write that fails half-way. */
  g_assert_true (baton_db_exec (db,
                                "CREATE TEMP TRIGGER test_refuse_tasks BEFORE INSERT ON main.tasks "
                                "BEGIN SELECT RAISE (ABORT, 'refused by the test'); END",
                                &error));
  g_assert_false (baton_json_import (target, text, -1, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_SQL);
  g_clear_error (&error);
  g_assert_true (baton_db_exec (db, "DROP TRIGGER test_refuse_tasks", &error));
  g_assert_true (baton_db_step_row (db, stmt, NULL));
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 1 /* NORMAL */);
  sqlite3_reset (stmt);

  g_assert_true (baton_json_import (target, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (baton_db_step_row (db, stmt, NULL));
  g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, 1 /* NORMAL */);
  sqlite3_reset (stmt);
  g_assert_cmpuint (baton_db_get_depth (db), ==, 0);
}

/* Import Workspace: a new file, the document whole in it, or nothing at
 * all. */
static void
test_new_workspace (void)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(BatonStore) source = build_full_workspace ();
  g_autofree char *text = export_text (source);
  g_autofree char *json = baton_test_workspace_file (ws, "in.json");
  g_autofree char *target = baton_test_workspace_file (ws, "new.db");
  g_autofree char *garbage = baton_test_workspace_file (ws, "garbage.json");
  g_autofree char *existing = baton_test_workspace_file (ws, "existing.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (json, text, -1, NULL));
  g_assert_true (g_file_set_contents (garbage, "{\"format\": \"baton\", \"tables\": [", -1, NULL));
  g_assert_true (g_file_set_contents (existing, "keep me", -1, NULL));

  /* Bad document: a clear message, no file. */
  g_assert_false (baton_json_import_new_workspace (garbage, target, NULL, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Cancelled: no file. */
  g_cancellable_cancel (cancellable);
  g_assert_false (baton_json_import_new_workspace (json, target, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Never over a file. */
  g_assert_false (baton_json_import_new_workspace (json, existing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  {
    g_autofree char *kept = NULL;

    g_assert_true (g_file_get_contents (existing, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "keep me");
  }
  g_clear_error (&error);

  /* The real thing: private, and the same document comes out again. */
  g_assert_true (baton_json_import_new_workspace (json, target, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autoptr(BatonStore) store = baton_store_open (target, &error);
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    again = export_text (store);
    baton_test_assert_text ("the export of the new workspace", again, text);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/round-trip/full", test_round_trip_full);
  g_test_add_func ("/json/round-trip/empty", test_round_trip_empty);
  g_test_add_func ("/json/round-trip/demo", test_round_trip_demo);
  g_test_add_func ("/json/export/shape", test_export_shape);
  g_test_add_func ("/json/import/usable", test_import_usable);
  g_test_add_func ("/json/import/replaces-stages", test_import_replaces_stages);
  g_test_add_func ("/json/import/minimal", test_import_minimal);
  g_test_add_func ("/json/import/pinned-placeholder", test_import_pinned_placeholder);
  g_test_add_func ("/json/import/no-stages", test_import_no_stages);
  g_test_add_func ("/json/import/rules-shared", test_rules_shared);
  g_test_add_func ("/json/import/rules-linear", test_rules_linear);
  g_test_add_func ("/json/import/restores-synchronous", test_import_restores_synchronous);
  g_test_add_func ("/json/import/positions-at-the-edge", test_positions_at_the_edge);
  g_test_add_func ("/json/import/not-empty", test_not_empty);
  g_test_add_func ("/json/import/write-failure", test_write_failure_rolls_back);
  g_test_add_func ("/json/files", test_files);
  g_test_add_func ("/json/text/nesting", test_nesting);
  g_test_add_func ("/json/text/nesting-in-strings", test_nesting_in_strings);
  g_test_add_func ("/json/text/integers", test_integers);
  g_test_add_func ("/json/text/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/json/text/nul", test_nul);
  g_test_add_func ("/json/text/surrogates", test_surrogates);
  g_test_add_func ("/json/text/fuzz", test_fuzz);
  g_test_add_func ("/json/new-workspace", test_new_workspace);

  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad_document);
    }

  return g_test_run ();
}
