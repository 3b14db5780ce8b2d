/* baton-task-menu.c — the one menu of a task, and the actions it names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A plain GMenuModel: no widget, no view. Every item carries its task's
 * id in its target, so the same model works under any widget that has the
 * task actions installed above it.
 */

#define G_LOG_DOMAIN "baton-task-menu"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-calendar.h"
#include "baton-duration.h"
#include "baton-menu-label.h"
#include "baton-room-dialog.h"
#include "baton-task-menu.h"

/* The weeks offered, around the week the menu starts at. */
static const gint week_shifts[BATON_TASK_MENU_N_WEEKS] = { -2, -1, 1, 2, 3, 4 };

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             GVariant   *target)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  g_menu_append_item (menu, item);
}

static void
append_reassign (GMenu      *menu,
                 const char *label,
                 gint64      task_id,
                 gint64      person_id)
{
  append_item (menu, label, BATON_TASK_ACTION_REASSIGN, g_variant_new ("(xx)", task_id, person_id));
}

static char *
mark_assigned (char *label)
{
  /* Translators: in the Reassign menu, the person who holds the card now */
  char *marked = g_strdup_printf (_("%s — assigned"), label);

  g_free (label);
  return marked;
}

static GMenuModel *
build_stages (BatonStore *store,
              BatonTask  *task)
{
  GMenu *menu = g_menu_new ();
  GListModel *stages = baton_store_get_stages (store);
  gint64 task_id = baton_record_get_id (BATON_RECORD (task));

  for (guint i = 0, n = g_list_model_get_n_items (stages); i < n; i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);
      gint64 id = baton_record_get_id (BATON_RECORD (stage));
      g_autofree char *label = NULL;

      if (id == baton_task_get_stage_id (task))
        continue;

      label = baton_menu_label_escape (baton_stage_get_name (stage));
      append_item (menu, label, BATON_TASK_ACTION_MOVE_TO_STAGE, g_variant_new ("(xx)", task_id, id));
    }

  return G_MENU_MODEL (menu);
}

/* The people who hold the role (everyone, for a task without a role),
 * most room first; everyone else; nobody. */
static GMenuModel *
build_people (BatonWorkload *workload,
              BatonTask     *task,
              guint32        today)
{
  BatonStore *store = baton_workload_get_store (workload);
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) role = g_menu_new ();
  g_autoptr(GMenu) others = g_menu_new ();
  g_autoptr(GMenu) nobody = g_menu_new ();
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) candidates = NULL;
  GListModel *people = baton_store_get_people (store);
  gint64 task_id = baton_record_get_id (BATON_RECORD (task));
  gint64 assignee = baton_task_get_assignee_id (task);
  gboolean has_role = baton_task_get_role_id (task) != 0;

  candidates = baton_workload_who_has_room (workload, task, today);
  for (guint i = 0; i < candidates->len; i++)
    {
      const BatonRoomCandidate *candidate = &g_array_index (candidates, BatonRoomCandidate, i);
      gint64 id = baton_record_get_id (BATON_RECORD (candidate->person));
      g_autofree char *name = baton_menu_label_escape (baton_person_get_name (candidate->person));
      g_autofree char *figures = baton_room_dialog_describe_candidate (candidate);
      g_autofree char *label = NULL;

      g_hash_table_add (listed, g_memdup2 (&id, sizeof id));
      /* Translators: in the Reassign menu; a person, then Who has room's
       * figures: "Bob: 24 / 25.6 h after, 1.6 h free" */
      label = g_strdup_printf (_("%s: %s"), name, figures);
      if (id == assignee)
        label = mark_assigned (label);
      append_reassign (role, label, task_id, id);
    }

  /* Nobody holds the role: say so, and offer everyone below. */
  if (has_role && candidates->len == 0)
    g_menu_append (role, _("Nobody Holds This Role"), "task.none");

  for (guint i = 0, n = g_list_model_get_n_items (people); i < n; i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (people, i);
      gint64 id = baton_record_get_id (BATON_RECORD (person));
      g_autofree char *label = NULL;

      if (baton_person_get_archived (person) || g_hash_table_contains (listed, &id))
        continue;

      label = baton_menu_label_escape (baton_person_get_name (person));
      if (id == assignee)
        label = mark_assigned (label);
      append_reassign (others, label, task_id, id);
    }

  append_reassign (nobody, _("_Unassigned"), task_id, 0);

  if (g_menu_model_get_n_items (G_MENU_MODEL (role)) > 0)
    g_menu_append_section (menu, has_role ? _("With the Role") : NULL, G_MENU_MODEL (role));
  if (g_menu_model_get_n_items (G_MENU_MODEL (others)) > 0)
    g_menu_append_section (menu, g_menu_model_get_n_items (G_MENU_MODEL (role)) > 0 ? _("Others") : NULL,
                           G_MENU_MODEL (others));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (nobody));

  return G_MENU_MODEL (menu);
}

/* The weeks around @week; NULL for a task that cannot move in time. */
static GMenuModel *
build_weeks (BatonTask                   *task,
             const BatonCapacitySettings *settings,
             guint32                      week)
{
  g_autoptr(GArray) weeks = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) minutes = g_array_new (FALSE, FALSE, sizeof (double));
  gint64 task_id = baton_record_get_id (BATON_RECORD (task));
  GMenu *menu;

  if (!baton_capacity_spread_task (settings, task, weeks, minutes) || weeks->len == 0)
    return NULL;
  if (week == 0)
    week = g_array_index (weeks, guint32, 0);

  menu = g_menu_new ();
  for (guint i = 0; i < G_N_ELEMENTS (week_shifts); i++)
    {
      g_autofree char *label = baton_week_describe (week + week_shifts[i] * 7);

      append_item (menu, label, BATON_TASK_ACTION_MOVE_TO_WEEK, g_variant_new ("(xi)", task_id, (gint32) week_shifts[i]));
    }

  return G_MENU_MODEL (menu);
}

GMenuModel *
baton_task_menu_new (BatonWorkload      *workload,
                     BatonTask          *task,
                     guint32             today,
                     guint32             week,
                     BatonTaskMenuParts  parts)
{
  BatonStore *store;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) room = g_menu_new ();
  g_autoptr(GMenu) ends = g_menu_new ();
  gint64 task_id;

  g_return_val_if_fail (BATON_IS_WORKLOAD (workload), NULL);
  g_return_val_if_fail (BATON_IS_TASK (task), NULL);

  store = baton_workload_get_store (workload);
  task_id = baton_record_get_id (BATON_RECORD (task));

  if (parts & BATON_TASK_MENU_OPEN)
    append_item (open, _("_Open"), BATON_TASK_ACTION_OPEN, g_variant_new_int64 (task_id));

  if (parts & BATON_TASK_MENU_MOVE_TO_STAGE)
    {
      g_autoptr(GMenuModel) stages = build_stages (store, task);

      g_menu_append_submenu (moves, _("_Move to Stage"), stages);
    }

  if (parts & BATON_TASK_MENU_REASSIGN)
    {
      g_autoptr(GMenuModel) people = build_people (workload, task, today);

      g_menu_append_submenu (moves, baton_task_get_assignee_id (task) != 0 ? _("_Reassign To") : _("A_ssign To"),
                             people);
    }

  if (parts & BATON_TASK_MENU_MOVE_TO_WEEK)
    {
      g_autoptr(GMenuModel) weeks = build_weeks (task, baton_workload_get_settings (workload), week);

      if (weeks != NULL)
        g_menu_append_submenu (moves, _("Move to _Week"), weeks);
    }

  if (parts & BATON_TASK_MENU_WHO_HAS_ROOM)
    {
      BatonCapacity *capacity = baton_workload_get_capacity (workload);
      BatonPerson *assignee = baton_store_lookup_person (store, baton_task_get_assignee_id (task));

      append_item (room, _("Who _Has Room?"), BATON_TASK_ACTION_WHO_HAS_ROOM, g_variant_new_int64 (task_id));
      /* Its assignee is over capacity: propose the moves that relieve them. */
      if (assignee != NULL && capacity != NULL && baton_capacity_task_is_over (capacity, task))
        {
          g_autofree char *name = baton_menu_label_escape (baton_person_get_name (assignee));
          /* Translators: a task menu item; %s is a person over capacity */
          g_autofree char *label = g_strdup_printf (_("Re_balance %s’s Weeks…"), name);

          append_item (room, label, "win.rebalance", g_variant_new_int64 (baton_task_get_assignee_id (task)));
        }
    }

  if (parts & BATON_TASK_MENU_ARCHIVE)
    {
      append_item (ends, baton_task_get_archived (task) ? _("_Restore") : _("_Archive"),
                   BATON_TASK_ACTION_ARCHIVE, g_variant_new_int64 (task_id));
      append_item (ends, _("_Delete"), BATON_TASK_ACTION_DELETE, g_variant_new_int64 (task_id));
    }

  /* Empty sections are left out: no stray separators. */
  {
    GMenu *sections[] = { open, moves, room, ends };

    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      if (g_menu_model_get_n_items (G_MENU_MODEL (sections[i])) > 0)
        g_menu_append_section (menu, NULL, G_MENU_MODEL (sections[i]));
  }

  return G_MENU_MODEL (g_steal_pointer (&menu));
}
