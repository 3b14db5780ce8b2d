/* test-demo.c — the demo workspace generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "baton-capacity.h"
#include "baton-dates.h"
#include "baton-demo.h"
#include "baton-store.h"

/* A fixed "today" so the tests do not depend on the calendar: a Wednesday. */
static guint32
fixed_today (void)
{
  guint32 julian = 0;

  g_assert_true (baton_date_parse ("2026-11-25", &julian));
  return julian;
}

static void
default_size (BatonDemoSize *size)
{
  baton_demo_size_init_default (size);
  size->today = fixed_today ();
}

static BatonStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  BatonStore *store = baton_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static BatonStore *
generated_store (const BatonDemoSize *size)
{
  g_autoptr(GError) error = NULL;
  BatonStore *store = new_store ();
  gboolean ok;

  ok = baton_demo_generate (store, size, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return store;
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

/* Every table of the workspace, by its list. */
static GListModel *
store_list (BatonStore *store,
            guint       index)
{
  switch (index)
    {
    case 0: return baton_store_get_roles (store);
    case 1: return baton_store_get_people (store);
    case 2: return baton_store_get_person_roles (store);
    case 3: return baton_store_get_time_off (store);
    case 4: return baton_store_get_clients (store);
    case 5: return baton_store_get_programs (store);
    case 6: return baton_store_get_stages (store);
    case 7: return baton_store_get_tasks (store);
    case 8: return baton_store_get_checklist_items (store);
    case 9: return baton_store_get_notes (store);
    case 10: return baton_store_get_note_revisions (store);
    case 11: return baton_store_get_activity (store);
    default: return NULL;
    }
}
#define N_LISTS 12

static void
count_lists (BatonStore *store,
             guint       counts[N_LISTS])
{
  for (guint i = 0; i < N_LISTS; i++)
    counts[i] = n_items (store_list (store, i));
}

/* Compares every schema field of every row of two workspaces, except
 * the timestamps the store takes from the clock. */
static gboolean
field_is_clock (BatonRecord      *record,
                const BatonField *field)
{
  if (field->kind != BATON_FIELD_TIMESTAMP)
    return FALSE;
  /* Task creation and completion times and the activity log's times are
   * part of the demo; a note's times and a revision's saved-at come from
   * the clock. */
  if (BATON_IS_ACTIVITY (record))
    return FALSE;
  return !BATON_IS_TASK (record) ||
         g_strcmp0 (field->name, "updated-at") == 0;
}

static gboolean
records_equal (BatonRecord *a,
               BatonRecord *b,
               char       **why)
{
  const BatonRecordSchema *schema = baton_record_get_schema (a);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    {
      *why = g_strdup ("types differ");
      return FALSE;
    }
  if (baton_record_get_id (a) != baton_record_get_id (b))
    {
      *why = g_strdup_printf ("%s ids %" G_GINT64_FORMAT " and %" G_GINT64_FORMAT,
                              schema->table, baton_record_get_id (a), baton_record_get_id (b));
      return FALSE;
    }

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const BatonField *field = &schema->fields[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if (field_is_clock (a, field))
        continue;

      baton_record_get_field_value (a, field, &value);
      if (!baton_record_field_equals (b, field, &value))
        {
          g_autofree char *text = g_strdup_value_contents (&value);

          *why = g_strdup_printf ("%s %" G_GINT64_FORMAT " differs in %s (%s)",
                                  schema->table, baton_record_get_id (a), field->name, text);
          return FALSE;
        }
    }

  return TRUE;
}

/* TRUE when both workspaces hold the same rows; @why says the first difference. */
static gboolean
workspaces_equal (BatonStore *a,
                  BatonStore *b,
                  char      **why)
{
  for (guint l = 0; l < N_LISTS; l++)
    {
      GListModel *la = store_list (a, l);
      GListModel *lb = store_list (b, l);

      if (n_items (la) != n_items (lb))
        {
          *why = g_strdup_printf ("list %u has %u and %u items", l, n_items (la), n_items (lb));
          return FALSE;
        }

      for (guint i = 0; i < n_items (la); i++)
        {
          g_autoptr(BatonRecord) ra = g_list_model_get_item (la, i);
          g_autoptr(BatonRecord) rb = g_list_model_get_item (lb, i);

          if (!records_equal (ra, rb, why))
            return FALSE;
        }
    }

  return TRUE;
}

static void
test_default_size (void)
{
  BatonDemoSize size;

  memset (&size, 0xff, sizeof size);
  baton_demo_size_init_default (&size);
  g_assert_cmpuint (size.n_clients, >, 0);
  g_assert_cmpuint (size.n_programs, >=, size.n_clients);
  g_assert_cmpuint (size.n_people, >=, 7);
  g_assert_cmpuint (size.n_tasks, >, size.n_people);
  g_assert_cmpuint (size.n_notes, >, 0);
  g_assert_cmpuint (size.today, ==, 0);
}

static void
test_counts (void)
{
  g_autoptr(BatonStore) store = NULL;
  BatonDemoSize size;

  default_size (&size);
  store = generated_store (&size);

  g_assert_cmpuint (n_items (baton_store_get_clients (store)), ==, size.n_clients);
  g_assert_cmpuint (n_items (baton_store_get_programs (store)), ==, size.n_programs);
  g_assert_cmpuint (n_items (baton_store_get_people (store)), ==, size.n_people);
  g_assert_cmpuint (n_items (baton_store_get_tasks (store)), ==, size.n_tasks);
  g_assert_cmpuint (n_items (baton_store_get_notes (store)), ==, size.n_notes);
  g_assert_cmpuint (n_items (baton_store_get_roles (store)), >=, 7);
  g_assert_cmpuint (n_items (baton_store_get_time_off (store)), >, 0);
  g_assert_cmpuint (n_items (baton_store_get_checklist_items (store)), >, 0);
  g_assert_cmpuint (n_items (baton_store_get_note_revisions (store)), >, 0);
  g_assert_false (baton_store_is_empty (store));

  /* No undo history: a generator is not an edit. */
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (store)));
}

static void
test_deterministic (void)
{
  g_autoptr(BatonStore) a = NULL;
  g_autoptr(BatonStore) b = NULL;
  g_autofree char *why = NULL;
  BatonDemoSize size;

  default_size (&size);
  a = generated_store (&size);
  b = generated_store (&size);

  if (!workspaces_equal (a, b, &why))
    g_error ("Same seed, different workspaces: %s", why);

  /* Spot-check through the typed accessors as well. */
  for (guint i = 0; i < size.n_tasks; i++)
    {
      g_autoptr(BatonTask) ta = g_list_model_get_item (baton_store_get_tasks (a), i);
      g_autoptr(BatonTask) tb = g_list_model_get_item (baton_store_get_tasks (b), i);

      g_assert_cmpstr (baton_task_get_title (ta), ==, baton_task_get_title (tb));
      g_assert_cmpint (baton_task_get_assignee_id (ta), ==, baton_task_get_assignee_id (tb));
      g_assert_cmpstr (baton_task_get_start_date (ta), ==, baton_task_get_start_date (tb));
      g_assert_cmpstr (baton_task_get_due_date (ta), ==, baton_task_get_due_date (tb));
      g_assert_cmpint (baton_task_get_stage_id (ta), ==, baton_task_get_stage_id (tb));
      g_assert_cmpint (baton_task_get_position (ta), ==, baton_task_get_position (tb));
    }
}

static void
test_seeds_differ (void)
{
  g_autoptr(BatonStore) a = NULL;
  g_autoptr(BatonStore) b = NULL;
  g_autofree char *why = NULL;
  BatonDemoSize size;
  guint differing_tasks = 0;

  default_size (&size);
  a = generated_store (&size);
  size.seed++;
  b = generated_store (&size);

  g_assert_false (workspaces_equal (a, b, &why));
  g_debug ("seeds %u and %u differ: %s", size.seed - 1, size.seed, why);

  /* Not just one field somewhere: the schedules differ throughout. */
  for (guint i = 0; i < size.n_tasks; i++)
    {
      g_autoptr(BatonTask) ta = g_list_model_get_item (baton_store_get_tasks (a), i);
      g_autoptr(BatonTask) tb = g_list_model_get_item (baton_store_get_tasks (b), i);

      if (g_strcmp0 (baton_task_get_title (ta), baton_task_get_title (tb)) != 0 ||
          baton_task_get_assignee_id (ta) != baton_task_get_assignee_id (tb) ||
          g_strcmp0 (baton_task_get_due_date (ta), baton_task_get_due_date (tb)) != 0)
        differing_tasks++;
    }
  g_assert_cmpuint (differing_tasks, >, size.n_tasks / 2);
}

static void
test_today_shifts_schedule (void)
{
  g_autoptr(BatonStore) a = NULL;
  g_autoptr(BatonStore) b = NULL;
  BatonDemoSize size;
  guint shifted = 0;

  default_size (&size);
  a = generated_store (&size);
  size.today += 7;
  b = generated_store (&size);

  /* Same seed, a week later: the same work, one week later. */
  for (guint i = 0; i < size.n_tasks; i++)
    {
      g_autoptr(BatonTask) ta = g_list_model_get_item (baton_store_get_tasks (a), i);
      g_autoptr(BatonTask) tb = g_list_model_get_item (baton_store_get_tasks (b), i);
      guint32 da, db;

      g_assert_cmpstr (baton_task_get_title (ta), ==, baton_task_get_title (tb));
      if (baton_task_get_due_date (ta) == NULL)
        {
          g_assert_null (baton_task_get_due_date (tb));
          continue;
        }
      g_assert_true (baton_date_parse (baton_task_get_due_date (ta), &da));
      g_assert_true (baton_date_parse (baton_task_get_due_date (tb), &db));
      g_assert_cmpuint (db, ==, da + 7);
      shifted++;
    }
  g_assert_cmpuint (shifted, >, 0);
}

static void
test_today_zero (void)
{
  g_autoptr(BatonStore) store = NULL;
  BatonDemoSize size;
  guint32 today = baton_date_today ();
  guint near = 0;

  baton_demo_size_init_default (&size);
  g_assert_cmpuint (size.today, ==, 0);
  store = generated_store (&size);

  /* The schedule is built around the real today. */
  for (guint i = 0; i < n_items (baton_store_get_tasks (store)); i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (baton_store_get_tasks (store), i);
      guint32 due;

      if (baton_task_get_due_date (task) == NULL)
        continue;
      g_assert_true (baton_date_parse (baton_task_get_due_date (task), &due));
      g_assert_cmpint ((gint64) due - today, >=, -7 * 6);
      g_assert_cmpint ((gint64) due - today, <=, 7 * 16);
      near += due >= today - 7 && due <= today + 14;
    }
  g_assert_cmpuint (near, >, 0);
}

static void
test_primary_roles (void)
{
  g_autoptr(BatonStore) store = NULL;
  GListModel *people;
  GListModel *person_roles;
  BatonDemoSize size;
  guint multi_role = 0;

  default_size (&size);
  store = generated_store (&size);
  people = baton_store_get_people (store);
  person_roles = baton_store_get_person_roles (store);

  for (guint i = 0; i < n_items (people); i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (people, i);
      g_autoptr(GArray) role_ids = baton_store_get_person_role_ids (store, person);
      gint64 person_id = baton_record_get_id (BATON_RECORD (person));
      guint n_primary = 0;
      guint n_roles = 0;

      for (guint j = 0; j < n_items (person_roles); j++)
        {
          g_autoptr(BatonPersonRole) pr = g_list_model_get_item (person_roles, j);

          if (baton_person_role_get_person_id (pr) != person_id)
            continue;
          n_roles++;
          n_primary += baton_person_role_get_is_primary (pr) ? 1 : 0;
        }

      g_assert_cmpuint (n_primary, ==, 1);
      g_assert_cmpuint (n_roles, >=, 1);
      g_assert_cmpuint (n_roles, <=, 3);
      g_assert_cmpuint (role_ids->len, ==, n_roles);
      g_assert_cmpint (baton_store_get_primary_role_id (store, person), ==,
                       g_array_index (role_ids, gint64, 0));
      g_assert_cmpint (baton_person_get_weekly_capacity_minutes (person), >, 0);
      g_assert_nonnull (baton_person_get_email (person));
      g_assert_nonnull (strchr (baton_person_get_email (person), '@'));
      multi_role += n_roles > 1;
    }

  /* People wear several hats. */
  g_assert_cmpuint (multi_role, >, 0);
}

static void
test_stages (void)
{
  g_autoptr(BatonStore) store = NULL;
  GListModel *stages;
  BatonDemoSize size;
  guint n_done_stages = 0;

  default_size (&size);
  store = generated_store (&size);
  stages = baton_store_get_stages (store);

  /* The generator uses the stages it finds and leaves them as they are. */
  g_assert_cmpuint (n_items (stages), >=, 2);
  for (guint i = 0; i < n_items (stages); i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);
      g_autoptr(GPtrArray) tasks = baton_store_get_stage_tasks (store, stage);

      g_debug ("stage %s: %u tasks", baton_stage_get_name (stage), tasks->len);
      g_assert_cmpuint (tasks->len, >, 0);
      n_done_stages += baton_stage_get_is_done (stage);

      if (baton_stage_get_is_done (stage))
        for (guint j = 0; j < tasks->len; j++)
          g_assert_nonnull (baton_task_get_completed_at (g_ptr_array_index (tasks, j)));
    }
  g_assert_cmpuint (n_done_stages, ==, 1);
}

static void
test_tasks_look_real (void)
{
  g_autoptr(BatonStore) store = NULL;
  GListModel *tasks;
  BatonDemoSize size;
  guint unscheduled = 0, archived = 0, with_role = 0, prioritized = 0;

  default_size (&size);
  store = generated_store (&size);
  tasks = baton_store_get_tasks (store);

  for (guint i = 0; i < n_items (tasks); i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);
      gint64 estimate = baton_task_get_estimate_minutes (task);

      g_assert_cmpint (estimate, >=, 60);
      g_assert_cmpint (estimate, <=, 40 * 60);
      /* With programs to choose from, every task belongs to one. */
      g_assert_nonnull (baton_store_lookup_program (store, baton_task_get_program_id (task)));
      unscheduled += baton_task_get_due_date (task) == NULL;
      archived += baton_task_get_archived (task);
      with_role += baton_task_get_role_id (task) != 0;
      prioritized += baton_task_get_priority (task) > 0;

      if (baton_task_get_assignee_id (task) != 0)
        {
          BatonPerson *person = baton_store_lookup_person (store, baton_task_get_assignee_id (task));

          /* Work goes to someone who holds the role it needs. */
          g_assert_nonnull (person);
          g_assert_true (baton_store_person_has_role (store, person, baton_task_get_role_id (task)));
        }
    }

  g_assert_cmpuint (unscheduled, >, 0);
  g_assert_cmpuint (unscheduled, <, size.n_tasks / 2);
  g_assert_cmpuint (archived, >, 0);
  g_assert_cmpuint (with_role, ==, size.n_tasks);
  g_assert_cmpuint (prioritized, >, 0);
}

static void
capacity_input_init (BatonCapacityInput *input,
                     BatonStore         *store)
{
  input->people = baton_store_get_people (store);
  input->person_roles = baton_store_get_person_roles (store);
  input->time_off = baton_store_get_time_off (store);
  input->tasks = baton_store_get_tasks (store);
  input->stages = baton_store_get_stages (store);
  input->roles = baton_store_get_roles (store);
}

static void
test_over_capacity (void)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(BatonCapacity) capacity = NULL;
  BatonCapacitySettings settings;
  BatonCapacityInput input;
  BatonDemoSize size;
  guint n_over_now = 0, n_ok = 0, n_over_people_now = 0;

  default_size (&size);
  store = generated_store (&size);
  baton_capacity_settings_init_default (&settings);
  capacity_input_init (&input, store);

  capacity = baton_capacity_compute (&settings, &input, size.today, 8);
  g_assert_cmpuint (baton_capacity_get_n_people (capacity), ==, size.n_people);

  for (guint row = 0; row < baton_capacity_get_n_people (capacity); row++)
    {
      gboolean over_now = FALSE;

      for (guint week = 0; week < baton_capacity_get_n_weeks (capacity); week++)
        {
          BatonLoadLevel level = baton_capacity_get_level (capacity, row, week);

          if (level == BATON_LOAD_OVER && week < 2)
            {
              n_over_now++;
              over_now = TRUE;
            }
          if (level == BATON_LOAD_OK)
            n_ok++;
        }
      n_over_people_now += over_now;
    }

  g_debug ("over-capacity cells in the current two weeks: %u (%u people), OK cells: %u",
           n_over_now, n_over_people_now, n_ok);
  /* Some people, not everyone, are over capacity now. */
  g_assert_cmpuint (n_over_now, >, 0);
  g_assert_cmpuint (n_over_people_now, <, size.n_people);
  g_assert_cmpuint (n_ok, >, 0);
}

static void
test_unassigned_demand (void)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(BatonCapacity) capacity = NULL;
  BatonCapacitySettings settings;
  BatonCapacityInput input;
  BatonDemoSize size;
  GListModel *tasks;
  GListModel *roles;
  guint unassigned = 0;
  double demand = 0;

  default_size (&size);
  store = generated_store (&size);
  tasks = baton_store_get_tasks (store);

  for (guint i = 0; i < n_items (tasks); i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);
      BatonStage *stage = baton_store_lookup_stage (store, baton_task_get_stage_id (task));

      if (baton_task_get_assignee_id (task) == 0 &&
          baton_task_get_role_id (task) != 0 &&
          !baton_task_get_archived (task) &&
          !baton_stage_get_is_done (stage))
        unassigned++;
    }
  g_assert_cmpuint (unassigned, >, 0);

  baton_capacity_settings_init_default (&settings);
  capacity_input_init (&input, store);
  capacity = baton_capacity_compute (&settings, &input, size.today, 12);
  roles = baton_store_get_roles (store);
  for (guint r = 0; r < n_items (roles); r++)
    {
      g_autoptr(BatonRole) role = g_list_model_get_item (roles, r);

      for (guint week = 0; week < 12; week++)
        demand += baton_capacity_get_unassigned (capacity, baton_record_get_id (BATON_RECORD (role)), week);
    }
  g_debug ("%u unassigned tasks, %.0f minutes of demand in 12 weeks", unassigned, demand);
  g_assert_cmpfloat (demand, >, 0);
}

static void
test_refuses_non_empty (void)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint before[N_LISTS], after[N_LISTS];
  BatonDemoSize size;
  gboolean ok;

  default_size (&size);
  store = generated_store (&size);
  count_lists (store, before);

  ok = baton_demo_generate (store, &size, &error);
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_assert_false (ok);

  count_lists (store, after);
  for (guint i = 0; i < N_LISTS; i++)
    g_assert_cmpuint (before[i], ==, after[i]);
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (store)));
}

static void
test_refuses_one_client (void)
{
  g_autoptr(BatonStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  guint before[N_LISTS], after[N_LISTS];
  BatonDemoSize size;
  BatonClient *client;
  gboolean ok;

  client = baton_store_create_client (store, "Acme", "Acme Corp.", &error);
  g_assert_no_error (error);
  g_assert_nonnull (client);
  count_lists (store, before);

  default_size (&size);
  ok = baton_demo_generate (store, &size, &error);
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_assert_false (ok);

  count_lists (store, after);
  for (guint i = 0; i < N_LISTS; i++)
    g_assert_cmpuint (before[i], ==, after[i]);
}

static void
test_small_sizes (void)
{
  static const BatonDemoSize sizes[] = {
    { 0, 0, 0, 0, 0, 1, 0 },
    { 0, 0, 3, 0, 0, 2, 0 },
    { 1, 0, 0, 5, 1, 3, 0 },
    { 1, 1, 1, 1, 1, 4, 0 },
    { 2, 5, 1, 40, 3, 5, 0 },
    { 40, 3, 2, 7, 50, 6, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(BatonStore) store = NULL;
      BatonDemoSize size = sizes[i];

      size.today = fixed_today ();
      store = generated_store (&size);
      g_assert_cmpuint (n_items (baton_store_get_clients (store)), ==, size.n_clients);
      g_assert_cmpuint (n_items (baton_store_get_programs (store)), ==, size.n_programs);
      g_assert_cmpuint (n_items (baton_store_get_people (store)), ==, size.n_people);
      g_assert_cmpuint (n_items (baton_store_get_tasks (store)), ==, size.n_tasks);
      g_assert_cmpuint (n_items (baton_store_get_notes (store)), ==, size.n_notes);
    }
}

static void
test_needs_a_client (void)
{
  g_autoptr(BatonStore) store = new_store ();
  g_autoptr(GError) error = NULL;
  guint before[N_LISTS], after[N_LISTS];
  BatonDemoSize size = { 0, 2, 3, 4, 0, 1, 0 };

  count_lists (store, before);
  g_assert_false (baton_demo_generate (store, &size, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  count_lists (store, after);
  for (guint i = 0; i < N_LISTS; i++)
    g_assert_cmpuint (before[i], ==, after[i]);
  g_assert_true (baton_store_is_empty (store));
}

static void
test_notes (void)
{
  g_autoptr(BatonStore) store = NULL;
  GListModel *notes;
  BatonDemoSize size;
  guint needs_analyses = 0;

  default_size (&size);
  store = generated_store (&size);
  notes = baton_store_get_notes (store);

  for (guint i = 0; i < n_items (notes); i++)
    {
      g_autoptr(BatonNote) note = g_list_model_get_item (notes, i);
      const char *body = baton_note_get_body (note);

      g_assert_nonnull (baton_store_lookup_client (store, baton_note_get_client_id (note)));
      g_assert_nonnull (body);
      g_assert_true (g_str_has_prefix (body, "# "));
      g_assert_nonnull (strstr (body, "\n\n"));
      g_assert_true (g_utf8_validate (body, -1, NULL));
      if (baton_note_get_program_id (note) != 0)
        {
          BatonProgram *program = baton_store_lookup_program (store, baton_note_get_program_id (note));

          g_assert_nonnull (program);
          g_assert_cmpint (baton_program_get_client_id (program), ==, baton_note_get_client_id (note));
        }
      needs_analyses += g_str_has_prefix (body, "# Needs analysis");
    }
  g_assert_cmpuint (needs_analyses, >, 0);

  /* Revisions hold earlier bodies, not the current one. */
  for (guint i = 0; i < n_items (baton_store_get_note_revisions (store)); i++)
    {
      g_autoptr(BatonNoteRevision) rev = g_list_model_get_item (baton_store_get_note_revisions (store), i);
      BatonNote *note = baton_store_lookup_note (store, baton_note_revision_get_note_id (rev));

      g_assert_nonnull (note);
      g_assert_cmpstr (baton_note_revision_get_body (rev), !=, baton_note_get_body (note));
    }
}

/* The demo's output, pinned: the same size, seed and today give these very
 * rows, byte for byte, through any refactoring of the generator. The
 * digest covers every schema field of every row except the clock's. If
 * the demo changes on purpose, update the digests (the failure prints
 * the new one). */
static char *
workspace_digest (BatonStore *store,
                  guint       counts[N_LISTS])
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  count_lists (store, counts);
  for (guint l = 0; l < N_LISTS; l++)
    {
      GListModel *list = store_list (store, l);

      for (guint i = 0; i < n_items (list); i++)
        {
          g_autoptr(BatonRecord) record = g_list_model_get_item (list, i);
          const BatonRecordSchema *schema = baton_record_get_schema (record);

          for (guint f = 0; f < schema->n_fields; f++)
            {
              const BatonField *field = &schema->fields[f];
              g_auto(GValue) value = G_VALUE_INIT;
              g_autofree char *text = NULL;
              g_autofree char *line = NULL;

              if (field_is_clock (record, field))
                continue;
              baton_record_get_field_value (record, field, &value);
              text = g_strdup_value_contents (&value);
              line = g_strdup_printf ("%s.%s=%s\n", schema->table, field->name, text);
              g_checksum_update (sum, (const guchar *) line, -1);
            }
        }
    }

  return g_strdup (g_checksum_get_string (sum));
}

static void
test_pinned (void)
{
  static const struct
  {
    BatonDemoSize size;
    guint         counts[N_LISTS];
    const char   *digest;
  } cases[] = {
    /* The default size. */
    { { 4, 9, 14, 160, 16, 20261128, 0 },
      { 7, 14, 25, 7, 4, 9, 6, 160, 143, 16, 6, 74 },
      "82c5cbee9ddece7bc16035cdf79715e8d9b566900b58c55ccb539fc95c403d76" },
    /* Enough clients for branch names, more people than first roles. */
    { { 40, 60, 45, 600, 70, 7, 0 },
      { 7, 45, 79, 14, 40, 60, 6, 600, 577, 70, 18, 275 },
      "d074c4c1b97d13bd215d4f69b52d1fad6ad1f63416c72f6d101254e24ba80426" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(BatonStore) store = NULL;
      g_autofree char *digest = NULL;
      BatonDemoSize size = cases[c].size;
      guint counts[N_LISTS];

      size.today = fixed_today ();
      store = generated_store (&size);
      digest = workspace_digest (store, counts);

      for (guint l = 0; l < N_LISTS; l++)
        g_assert_cmpuint (counts[l], ==, cases[c].counts[l]);
      g_assert_cmpstr (digest, ==, cases[c].digest);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/default-size", test_default_size);
  g_test_add_func ("/demo/counts", test_counts);
  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/seeds-differ", test_seeds_differ);
  g_test_add_func ("/demo/today-shifts-schedule", test_today_shifts_schedule);
  g_test_add_func ("/demo/today-zero", test_today_zero);
  g_test_add_func ("/demo/primary-roles", test_primary_roles);
  g_test_add_func ("/demo/stages", test_stages);
  g_test_add_func ("/demo/tasks-look-real", test_tasks_look_real);
  g_test_add_func ("/demo/over-capacity", test_over_capacity);
  g_test_add_func ("/demo/unassigned-demand", test_unassigned_demand);
  g_test_add_func ("/demo/notes", test_notes);
  g_test_add_func ("/demo/small-sizes", test_small_sizes);
  g_test_add_func ("/demo/refuses-non-empty", test_refuses_non_empty);
  g_test_add_func ("/demo/refuses-one-client", test_refuses_one_client);
  g_test_add_func ("/demo/needs-a-client", test_needs_a_client);
  g_test_add_func ("/demo/pinned", test_pinned);

  return g_test_run ();
}
