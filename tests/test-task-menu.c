/* test-task-menu.c — the one task menu, without a view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model the board and the capacity view both show: its sections, its
 * labels (read in English: the test runs in the C locale) and that every
 * item names its task. No widget, no display.
 */

#include "config.h"

#include <locale.h>

#include "baton-dates.h"
#include "baton-task-menu.h"
#include "baton-test-util.h"

typedef struct
{
  BatonStore            *store;
  BatonStage            *doing;
  BatonStage            *review;
  BatonRole             *writer;
  BatonRole             *designer;
  BatonPerson           *ana;      /* writer, 40 h */
  BatonPerson           *ben;      /* writer, 24 h */
  BatonPerson           *cleo;     /* no role; "Cleo_Ray" */
  BatonPerson           *dora;     /* writer, archived */
  BatonTask             *storyboard;  /* writers, Ana's, 10 h in week 10 of 2026 */
  BatonTask             *script;      /* writers, Ben's, 30 h in the same week */
  BatonTask             *outline;     /* no role, nobody's, no dates */
  BatonWorkload         *workload;
  guint32                today;
} Fixture;

static gint64
id_of (gpointer record)
{
  return baton_record_get_id (BATON_RECORD (record));
}

static BatonPerson *
add_person (Fixture    *f,
            const char *name,
            gint64      minutes,
            BatonRole  *role)
{
  g_autoptr(GError) error = NULL;
  BatonPerson *person = baton_store_create_person (f->store, name, NULL, minutes, NULL, &error);

  g_assert_no_error (error);
  if (role != NULL)
    {
      gint64 role_id = id_of (role);

      g_assert_true (baton_store_set_person_roles (f->store, person, &role_id, 1, role_id, &error));
      g_assert_no_error (error);
    }

  return person;
}

static BatonTask *
add_task (Fixture     *f,
          const char  *title,
          BatonRole   *role,
          BatonPerson *assignee,
          gint64       minutes)
{
  g_autoptr(GError) error = NULL;
  BatonTask *task = baton_store_create_task (f->store, f->doing, NULL, title, &error);

  g_assert_no_error (error);
  g_assert_true (baton_store_update (f->store, task, &error,
                                     "role-id", role != NULL ? id_of (role) : (gint64) 0,
                                     "assignee-id", assignee != NULL ? id_of (assignee) : (gint64) 0,
                                     "estimate-minutes", minutes,
                                     "start-date", "2026-03-02",
                                     "due-date", "2026-03-06",
                                     NULL));
  g_assert_no_error (error);

  return task;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->doing = baton_store_create_stage (f->store, "Doing", 0, &error);
  g_assert_no_error (error);
  f->review = baton_store_create_stage (f->store, "Review", 0, &error);
  g_assert_no_error (error);
  f->writer = baton_store_create_role (f->store, "Writer", NULL, &error);
  g_assert_no_error (error);
  f->designer = baton_store_create_role (f->store, "Designer", NULL, &error);
  g_assert_no_error (error);

  f->ana = add_person (f, "Ana", 2400, f->writer);
  f->ben = add_person (f, "Ben", 1440, f->writer);
  f->cleo = add_person (f, "Cleo_Ray", 2400, NULL);
  f->dora = add_person (f, "Dora", 2400, f->writer);
  g_assert_true (baton_store_update (f->store, f->dora, &error, "archived", TRUE, NULL));
  g_assert_no_error (error);

  f->storyboard = add_task (f, "Storyboard", f->writer, f->ana, 600);
  f->script = add_task (f, "Script", f->writer, f->ben, 1800);
  f->outline = baton_store_create_task (f->store, f->doing, NULL, "Outline", &error);
  g_assert_no_error (error);

  f->workload = baton_workload_new (f->store);   /* default settings */
  g_assert_true (baton_date_parse ("2026-03-02", &f->today));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->workload);
  g_clear_object (&f->store);
}

/* The stages a task of Doing can move to. */
static guint
n_other_stages (Fixture *f)
{
  return g_list_model_get_n_items (baton_store_get_stages (f->store)) - 1;
}

/* Reading the model --------------------------------------------------------------------- */

static char *
label_of (GMenuModel *model,
          gint        index)
{
  char *label = NULL;

  if (!g_menu_model_get_item_attribute (model, index, G_MENU_ATTRIBUTE_LABEL, "s", &label))
    return NULL;

  return label;
}

static char *
action_of (GMenuModel *model,
           gint        index)
{
  char *action = NULL;

  if (!g_menu_model_get_item_attribute (model, index, G_MENU_ATTRIBUTE_ACTION, "s", &action))
    return NULL;

  return action;
}

/* Item @index of @model is @label, activating @action with @target
 * (floating, consumed; NULL: none). */
static void
assert_item (GMenuModel *model,
             gint        index,
             const char *label,
             const char *action,
             GVariant   *target)
{
  g_autofree char *got_label = label_of (model, index);
  g_autofree char *got_action = action_of (model, index);
  g_autoptr(GVariant) got_target = g_menu_model_get_item_attribute_value (model, index, G_MENU_ATTRIBUTE_TARGET, NULL);
  g_autoptr(GVariant) want_target = target != NULL ? g_variant_ref_sink (target) : NULL;

  g_assert_cmpint (index, <, g_menu_model_get_n_items (model));
  g_assert_cmpstr (got_label, ==, label);
  g_assert_cmpstr (got_action, ==, action);
  if (want_target == NULL)
    g_assert_null (got_target);
  else
    {
      g_assert_nonnull (got_target);
      g_assert_true (g_variant_equal (got_target, want_target));
    }
}

/* (transfer full): the section or submenu of item @index. */
static GMenuModel *
link_of (GMenuModel *model,
         gint        index,
         const char *link)
{
  GMenuModel *linked = g_menu_model_get_item_link (model, index, link);

  g_assert_nonnull (linked);
  return linked;
}

/* Every item with an action, at any depth, names @task: a task action
 * whose target starts with the task's id — except the note that nobody
 * holds the role, which has no target and no action a view installs. */
static guint
assert_items_name_task (GMenuModel *model,
                        BatonTask  *task)
{
  static const char * const actions[] = {
    BATON_TASK_ACTION_OPEN, BATON_TASK_ACTION_MOVE_TO_STAGE, BATON_TASK_ACTION_REASSIGN,
    BATON_TASK_ACTION_MOVE_TO_WEEK, BATON_TASK_ACTION_WHO_HAS_ROOM, BATON_TASK_ACTION_ARCHIVE,
    BATON_TASK_ACTION_DELETE, NULL,
  };
  guint n_actions = 0;

  for (gint i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = action_of (model, i);
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);
      g_autoptr(GVariant) first = NULL;

      if (section != NULL)
        n_actions += assert_items_name_task (section, task);
      if (submenu != NULL)
        n_actions += assert_items_name_task (submenu, task);
      if (action == NULL)
        continue;

      if (g_str_equal (action, "task.none"))
        {
          g_assert_null (target);
          continue;
        }

      g_assert_true (g_strv_contains (actions, action));
      g_assert_nonnull (target);
      first = g_variant_is_of_type (target, G_VARIANT_TYPE_INT64) ? g_variant_ref (target)
                                                                  : g_variant_get_child_value (target, 0);
      g_assert_true (g_variant_is_of_type (first, G_VARIANT_TYPE_INT64));
      g_assert_cmpint (g_variant_get_int64 (first), ==, id_of (task));
      n_actions++;
    }

  return n_actions;
}

/* The first item of @model, at any depth, activating @action; its label
 * and target in @label and @target. */
static gboolean
find_action (GMenuModel  *model,
             const char  *action,
             char       **label,
             GVariant   **target)
{
  for (gint i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *got = action_of (model, i);
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (model, i, G_MENU_LINK_SUBMENU);

      if (g_strcmp0 (got, action) == 0)
        {
          *label = label_of (model, i);
          *target = g_menu_model_get_item_attribute_value (model, i, G_MENU_ATTRIBUTE_TARGET, NULL);
          return TRUE;
        }
      if ((section != NULL && find_action (section, action, label, target)) ||
          (submenu != NULL && find_action (submenu, action, label, target)))
        return TRUE;
    }
  return FALSE;
}

/* Cases ----------------------------------------------------------------------------------- */

/* A task whose assignee is over capacity offers to rebalance their weeks
 * (win.rebalance with the person); one who is not, does not. */
static void
test_rebalance (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GVariant) target = NULL;

  /* The weeks a view would show. */
  baton_workload_watch_weeks (f->workload, f->today, 4);
  {
    g_autoptr(GMenuModel) menu = baton_task_menu_new (f->workload, f->storyboard, f->today, 0, BATON_TASK_MENU_ALL);

    g_assert_false (find_action (menu, "win.rebalance", &label, &target));
  }

  /* Ana: 50 h of work in a 40 h week. */
  g_assert_true (baton_store_update (f->store, f->storyboard, &error, "estimate-minutes", (gint64) 50 * 60, NULL));
  g_assert_no_error (error);
  baton_workload_update (f->workload);
  {
    g_autoptr(GMenuModel) menu = baton_task_menu_new (f->workload, f->storyboard, f->today, 0, BATON_TASK_MENU_ALL);

    g_assert_true (find_action (menu, "win.rebalance", &label, &target));
    g_assert_cmpstr (label, ==, "Re_balance Ana’s Weeks…");
    g_assert_cmpint (g_variant_get_int64 (target), ==, id_of (f->ana));
  }
}


/* A task with a role and an assignee: everything, the role's people
 * first with their hours. */
static void
test_with_role (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GMenuModel) menu = baton_task_menu_new (f->workload, f->storyboard, f->today, 0,
                                                    BATON_TASK_MENU_ALL);
  g_autoptr(GMenuModel) open = NULL;
  g_autoptr(GMenuModel) moves = NULL;
  g_autoptr(GMenuModel) room = NULL;
  g_autoptr(GMenuModel) ends = NULL;
  g_autoptr(GMenuModel) stages = NULL;
  g_autoptr(GMenuModel) people = NULL;
  g_autoptr(GMenuModel) weeks = NULL;
  g_autoptr(GMenuModel) with_role = NULL;
  g_autoptr(GMenuModel) others = NULL;
  g_autoptr(GMenuModel) nobody = NULL;
  gint64 task = id_of (f->storyboard);
  static const char * const week_labels[] = {
    "Week 8 · Feb 16", "Week 9 · Feb 23", "Week 11 · Mar 9",
    "Week 12 · Mar 16", "Week 13 · Mar 23", "Week 14 · Mar 30",
  };
  static const gint32 shifts[] = { -2, -1, 1, 2, 3, 4 };

  /* Open; the moves; Who Has Room?; Archive and Delete. */
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 4);
  open = link_of (menu, 0, G_MENU_LINK_SECTION);
  moves = link_of (menu, 1, G_MENU_LINK_SECTION);
  room = link_of (menu, 2, G_MENU_LINK_SECTION);
  ends = link_of (menu, 3, G_MENU_LINK_SECTION);

  g_assert_cmpint (g_menu_model_get_n_items (open), ==, 1);
  assert_item (open, 0, "_Open", "task.open", g_variant_new_int64 (task));

  g_assert_cmpint (g_menu_model_get_n_items (moves), ==, 3);
  assert_item (moves, 0, "_Move to Stage", NULL, NULL);
  assert_item (moves, 1, "_Reassign To", NULL, NULL);
  assert_item (moves, 2, "Move to _Week", NULL, NULL);

  /* Every stage but its own, in the board's order. */
  stages = link_of (moves, 0, G_MENU_LINK_SUBMENU);
  {
    GListModel *all = baton_store_get_stages (f->store);
    guint n = g_list_model_get_n_items (all);
    gint index = 0;

    g_assert_cmpuint (n, >=, 2);
    g_assert_cmpint (g_menu_model_get_n_items (stages), ==, (gint) n - 1);
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(BatonStage) stage = g_list_model_get_item (all, i);

        if (stage == f->doing)
          continue;
        assert_item (stages, index++, baton_stage_get_name (stage), "task.move-to-stage",
                     g_variant_new ("(xx)", task, id_of (stage)));
      }
  }

  /* Writers over week 10, before taking it: Ana 40 h free (she holds
   * it: its own 10 h do not count), Ben 24 − 30 = 6 h over; Dora is
   * archived. Each in the grid's terms, after taking it: Ana 10 / 40 h,
   * 30 h free; Ben 30 + 10 = 40 / 24 h, 16 h over. Then the others, then
   * nobody. */
  people = link_of (moves, 1, G_MENU_LINK_SUBMENU);
  g_assert_cmpint (g_menu_model_get_n_items (people), ==, 3);
  assert_item (people, 0, "With the Role", NULL, NULL);
  assert_item (people, 1, "Others", NULL, NULL);
  assert_item (people, 2, NULL, NULL, NULL);
  with_role = link_of (people, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (with_role), ==, 2);
  assert_item (with_role, 0, "Ana: 10 / 40 h after, 30 h free — assigned", "task.reassign", g_variant_new ("(xx)", task, id_of (f->ana)));
  assert_item (with_role, 1, "Ben: 40 / 24 h after, 16 h over", "task.reassign", g_variant_new ("(xx)", task, id_of (f->ben)));
  others = link_of (people, 1, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (others), ==, 1);
  /* A name people typed keeps its underscore (not a mnemonic). */
  assert_item (others, 0, "Cleo__Ray", "task.reassign", g_variant_new ("(xx)", task, id_of (f->cleo)));
  nobody = link_of (people, 2, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (nobody), ==, 1);
  assert_item (nobody, 0, "_Unassigned", "task.reassign", g_variant_new ("(xx)", task, (gint64) 0));

  /* The weeks around its own, week 10 (2 March 2026). */
  weeks = link_of (moves, 2, G_MENU_LINK_SUBMENU);
  g_assert_cmpint (g_menu_model_get_n_items (weeks), ==, BATON_TASK_MENU_N_WEEKS);
  for (guint i = 0; i < G_N_ELEMENTS (shifts); i++)
    assert_item (weeks, i, week_labels[i], "task.move-to-week", g_variant_new ("(xi)", task, shifts[i]));

  g_assert_cmpint (g_menu_model_get_n_items (room), ==, 1);
  assert_item (room, 0, "Who _Has Room?", "task.who-has-room", g_variant_new_int64 (task));

  g_assert_cmpint (g_menu_model_get_n_items (ends), ==, 2);
  assert_item (ends, 0, "_Archive", "task.archive", g_variant_new_int64 (task));
  assert_item (ends, 1, "_Delete", "task.delete", g_variant_new_int64 (task));

  /* 1 + stages + 4 + 6 + 1 + 2 items, each naming the task. */
  g_assert_cmpuint (assert_items_name_task (menu, f->storyboard), ==, 1 + n_other_stages (f) + 4 + 6 + 1 + 2);
}

/* "Move to Week" from the week of a cell (the capacity view's popover). */
static void
test_from_week (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GMenuModel) menu = baton_task_menu_new (f->workload, f->script, f->today,
                                                    f->today + 14, BATON_TASK_MENU_MOVE_TO_WEEK);
  g_autoptr(GMenuModel) moves = NULL;
  g_autoptr(GMenuModel) weeks = NULL;

  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  moves = link_of (menu, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (moves), ==, 1);
  weeks = link_of (moves, 0, G_MENU_LINK_SUBMENU);
  assert_item (weeks, 0, "Week 10 · Mar 2", "task.move-to-week", g_variant_new ("(xi)", id_of (f->script), -2));
  assert_item (weeks, 5, "Week 16 · Apr 13", "task.move-to-week", g_variant_new ("(xi)", id_of (f->script), 4));
  g_assert_cmpuint (assert_items_name_task (menu, f->script), ==, BATON_TASK_MENU_N_WEEKS);
}

/* No role, nobody holds it, no dates: "Assign To" everyone, no weeks. */
static void
test_without_role (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GMenuModel) menu = baton_task_menu_new (f->workload, f->outline, f->today, 0,
                                                    BATON_TASK_MENU_ALL);
  g_autoptr(GMenuModel) moves = NULL;
  g_autoptr(GMenuModel) people = NULL;
  g_autoptr(GMenuModel) everyone = NULL;
  g_autoptr(GMenuModel) nobody = NULL;
  gint64 task = id_of (f->outline);

  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 4);
  moves = link_of (menu, 1, G_MENU_LINK_SECTION);
  /* A task without dates cannot move in time: no "Move to Week". */
  g_assert_cmpint (g_menu_model_get_n_items (moves), ==, 2);
  assert_item (moves, 0, "_Move to Stage", NULL, NULL);
  assert_item (moves, 1, "A_ssign To", NULL, NULL);

  /* No role: one unlabelled list of everyone on the team (not archived),
   * ranked by their room this week (no dates: today's week, 10): Cleo
   * 40 h free, Ana 40 − 10 = 30, Ben 24 − 30 = 6 over. It has no
   * estimate: after taking it, each carries what they carry now. Then
   * nobody. */
  people = link_of (moves, 1, G_MENU_LINK_SUBMENU);
  g_assert_cmpint (g_menu_model_get_n_items (people), ==, 2);
  assert_item (people, 0, NULL, NULL, NULL);
  everyone = link_of (people, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (everyone), ==, 3);
  assert_item (everyone, 0, "Cleo__Ray: 0 / 40 h after, 40 h free", "task.reassign", g_variant_new ("(xx)", task, id_of (f->cleo)));
  assert_item (everyone, 1, "Ana: 10 / 40 h after, 30 h free", "task.reassign", g_variant_new ("(xx)", task, id_of (f->ana)));
  assert_item (everyone, 2, "Ben: 30 / 24 h after, 6 h over", "task.reassign", g_variant_new ("(xx)", task, id_of (f->ben)));
  nobody = link_of (people, 1, G_MENU_LINK_SECTION);
  assert_item (nobody, 0, "_Unassigned", "task.reassign", g_variant_new ("(xx)", task, (gint64) 0));

  g_assert_cmpuint (assert_items_name_task (menu, f->outline), ==, 1 + n_other_stages (f) + 4 + 1 + 2);
}

/* A role nobody on the team holds: the menu says so, and anyone can
 * still take it. */
static void
test_role_nobody_holds (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  g_autoptr(GMenuModel) moves = NULL;
  g_autoptr(GMenuModel) people = NULL;
  g_autoptr(GMenuModel) with_role = NULL;
  g_autoptr(GMenuModel) others = NULL;
  gint64 task = id_of (f->outline);

  g_assert_true (baton_store_update (f->store, f->outline, &error, "role-id", id_of (f->designer), NULL));
  g_assert_no_error (error);
  menu = baton_task_menu_new (f->workload, f->outline, f->today, 0, BATON_TASK_MENU_REASSIGN);

  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 1);
  moves = link_of (menu, 0, G_MENU_LINK_SECTION);
  assert_item (moves, 0, "A_ssign To", NULL, NULL);
  people = link_of (moves, 0, G_MENU_LINK_SUBMENU);
  g_assert_cmpint (g_menu_model_get_n_items (people), ==, 3);
  assert_item (people, 0, "With the Role", NULL, NULL);
  assert_item (people, 1, "Others", NULL, NULL);
  with_role = link_of (people, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (with_role), ==, 1);
  /* An action no view installs: shown, greyed out. */
  assert_item (with_role, 0, "Nobody Holds This Role", "task.none", NULL);
  others = link_of (people, 1, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (others), ==, 3);
  assert_item (others, 0, "Ana", "task.reassign", g_variant_new ("(xx)", task, id_of (f->ana)));
  g_assert_cmpuint (assert_items_name_task (menu, f->outline), ==, 4);
}

/* Who holds the role as a secondary one is ranked with the others, in the
 * grid's terms, with the locale's decimal separator. */
static void
test_secondary_role (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  g_autoptr(GMenuModel) moves = NULL;
  g_autoptr(GMenuModel) people = NULL;
  g_autoptr(GMenuModel) with_role = NULL;
  g_autoptr(GMenuModel) nobody = NULL;
  gint64 task = id_of (f->storyboard);
  gint64 roles[2] = { id_of (f->designer), id_of (f->writer) };

  /* Cleo: a designer first, also a writer; 25.6 h a week. */
  g_assert_true (baton_store_set_person_roles (f->store, f->cleo, roles, 2, id_of (f->designer), &error));
  g_assert_no_error (error);
  g_assert_true (baton_store_update (f->store, f->cleo, &error, "weekly-capacity-minutes", (gint64) 1536, NULL));
  g_assert_no_error (error);

  /* Storyboard, 10 h: Ana 40 h free, Cleo 25.6, Ben 6 over. */
  menu = baton_task_menu_new (f->workload, f->storyboard, f->today, 0, BATON_TASK_MENU_REASSIGN);
  moves = link_of (menu, 0, G_MENU_LINK_SECTION);
  people = link_of (moves, 0, G_MENU_LINK_SUBMENU);
  with_role = link_of (people, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (with_role), ==, 3);
  assert_item (with_role, 0, "Ana: 10 / 40 h after, 30 h free — assigned", "task.reassign",
               g_variant_new ("(xx)", task, id_of (f->ana)));
  assert_item (with_role, 1, "Cleo__Ray: 10 / 25.6 h after, 15.6 h free", "task.reassign",
               g_variant_new ("(xx)", task, id_of (f->cleo)));
  assert_item (with_role, 2, "Ben: 40 / 24 h after, 16 h over", "task.reassign",
               g_variant_new ("(xx)", task, id_of (f->ben)));
  /* Nobody is listed twice: no Others section, then nobody. */
  g_assert_cmpint (g_menu_model_get_n_items (people), ==, 2);
  nobody = link_of (people, 1, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (nobody), ==, 1);
  assert_item (nobody, 0, "_Unassigned", "task.reassign", g_variant_new ("(xx)", task, (gint64) 0));

  if (baton_test_use_decimal_comma_locale (LC_NUMERIC))
    {
      g_autoptr(GMenuModel) menu_de = baton_task_menu_new (f->workload, f->storyboard, f->today, 0,
                                                           BATON_TASK_MENU_REASSIGN);
      g_autoptr(GMenuModel) moves_de = link_of (menu_de, 0, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) people_de = link_of (moves_de, 0, G_MENU_LINK_SUBMENU);
      g_autoptr(GMenuModel) with_role_de = link_of (people_de, 0, G_MENU_LINK_SECTION);

      assert_item (with_role_de, 1, "Cleo__Ray: 10 / 25,6 h after, 15,6 h free", "task.reassign",
                   g_variant_new ("(xx)", task, id_of (f->cleo)));
      setlocale (LC_NUMERIC, "C.UTF-8");
    }
}

/* The assignee outside the role is still marked; an unassigned task's
 * people are marked by nobody. */
static void
test_assignee_marked (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  g_autoptr(GMenuModel) moves = NULL;
  g_autoptr(GMenuModel) people = NULL;
  g_autoptr(GMenuModel) with_role = NULL;
  g_autoptr(GMenuModel) others = NULL;
  gint64 task = id_of (f->storyboard);

  g_assert_true (baton_store_update (f->store, f->storyboard, &error, "assignee-id", id_of (f->cleo), NULL));
  g_assert_no_error (error);
  menu = baton_task_menu_new (f->workload, f->storyboard, f->today, 0, BATON_TASK_MENU_REASSIGN);
  moves = link_of (menu, 0, G_MENU_LINK_SECTION);
  assert_item (moves, 0, "_Reassign To", NULL, NULL);
  people = link_of (moves, 0, G_MENU_LINK_SUBMENU);
  with_role = link_of (people, 0, G_MENU_LINK_SECTION);
  /* Ana, no longer marked. */
  assert_item (with_role, 0, "Ana: 10 / 40 h after, 30 h free", "task.reassign", g_variant_new ("(xx)", task, id_of (f->ana)));
  others = link_of (people, 1, G_MENU_LINK_SECTION);
  assert_item (others, 0, "Cleo__Ray — assigned", "task.reassign", g_variant_new ("(xx)", task, id_of (f->cleo)));
}

/* An archived task offers Restore. */
static void
test_archived (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  g_autoptr(GMenuModel) ends = NULL;
  gint64 task = id_of (f->script);

  g_assert_true (baton_store_archive_task (f->store, f->script, TRUE, &error));
  g_assert_no_error (error);
  menu = baton_task_menu_new (f->workload, f->script, f->today, 0, BATON_TASK_MENU_ALL);
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 4);
  ends = link_of (menu, 3, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (ends), ==, 2);
  assert_item (ends, 0, "_Restore", "task.archive", g_variant_new_int64 (task));
  assert_item (ends, 1, "_Delete", "task.delete", g_variant_new_int64 (task));
  g_assert_cmpuint (assert_items_name_task (menu, f->script), ==, 1 + n_other_stages (f) + 4 + 6 + 1 + 2);
}

/* A part left out leaves no empty section behind. */
static void
test_parts (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GMenuModel) menu = baton_task_menu_new (f->workload, f->storyboard, f->today, 0,
                                                    BATON_TASK_MENU_ALL & ~(BATON_TASK_MENU_WHO_HAS_ROOM |
                                                                            BATON_TASK_MENU_OPEN));
  g_autoptr(GMenuModel) moves = NULL;
  g_autoptr(GMenuModel) ends = NULL;

  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  moves = link_of (menu, 0, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (moves), ==, 3);
  ends = link_of (menu, 1, G_MENU_LINK_SECTION);
  assert_item (ends, 0, "_Archive", "task.archive", g_variant_new_int64 (id_of (f->storyboard)));
  g_assert_cmpuint (assert_items_name_task (menu, f->storyboard), ==, n_other_stages (f) + 4 + 6 + 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/task-menu/with-role", test_with_role);
  ADD ("/task-menu/from-week", test_from_week);
  ADD ("/task-menu/without-role", test_without_role);
  ADD ("/task-menu/role-nobody-holds", test_role_nobody_holds);
  ADD ("/task-menu/secondary-role", test_secondary_role);
  ADD ("/task-menu/assignee-marked", test_assignee_marked);
  ADD ("/task-menu/archived", test_archived);
  ADD ("/task-menu/parts", test_parts);
  ADD ("/task-menu/rebalance", test_rebalance);
#undef ADD

  return g_test_run ();
}
