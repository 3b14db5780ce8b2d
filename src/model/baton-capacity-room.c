/* baton-capacity-room.c — who has room for a task
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-capacity"

#include "config.h"

#include "baton-capacity-private.h"
#include "baton-dates.h"

/* ------------------------------------------------------------------ */
/* Who has room                                                        */
/* ------------------------------------------------------------------ */

static void
room_candidate_clear (gpointer data)
{
  BatonRoomCandidate *candidate = data;

  g_clear_object (&candidate->person);
}

static gint
room_candidate_compare (gconstpointer a,
                        gconstpointer b)
{
  const BatonRoomCandidate *ca = a;
  const BatonRoomCandidate *cb = b;
  const char *name_a, *name_b;

  if (ca->free_minutes > cb->free_minutes + RATIO_EPSILON)
    return -1;
  if (cb->free_minutes > ca->free_minutes + RATIO_EPSILON)
    return 1;

  name_a = baton_person_get_name (ca->person);
  name_b = baton_person_get_name (cb->person);

  return g_utf8_collate (name_a != NULL ? name_a : "", name_b != NULL ? name_b : "");
}

/**
 * baton_capacity_who_has_room:
 * @settings: working days, week start and thresholds
 * @input: the workspace's lists
 * @task: the task to place
 * @today: the julian day of today, for a task without dates (0: now)
 *
 * The candidates are the non-archived people who hold @task's role (every
 * non-archived person when the task has no role). For each, over the weeks
 * the task falls on: capacity, load of their other active tasks (the task
 * itself is left out, so its current assignee is not counted twice), free
 * minutes = capacity − load, and load_after = load + the task's minutes.
 *
 * Returns: (transfer full) (element-type BatonRoomCandidate): candidates,
 *   most free minutes first, ties by name
 */
GArray *
baton_capacity_who_has_room (const BatonCapacitySettings *settings,
                             const BatonCapacityInput    *input,
                             BatonTask                   *task,
                             guint32                      today)
{
  g_autoptr(GArray) week_starts = NULL;
  g_autoptr(GArray) minutes = NULL;
  g_autoptr(BatonCapacity) matrix = NULL;
  g_autofree gboolean *holds_role = NULL;
  GArray *result;
  gint64 role_id, assignee_id;
  double task_minutes = 0;
  guint32 first, last;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (BATON_IS_TASK (task), NULL);

  result = g_array_new (FALSE, TRUE, sizeof (BatonRoomCandidate));
  g_array_set_clear_func (result, room_candidate_clear);

  week_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  minutes = g_array_new (FALSE, FALSE, sizeof (double));

  if (!baton_capacity_spread_task (settings, task, week_starts, minutes))
    {
      /* No dates: what room there is this week. */
      Calendar cal;
      guint32 week;
      double estimate = (double) MAX (baton_task_get_estimate_minutes (task), 0);

      _baton_calendar_init (&cal, settings);
      week = _baton_calendar_week_start (&cal, today > 0 ? today : baton_date_today ());
      g_array_append_val (week_starts, week);
      g_array_append_val (minutes, estimate);
    }

  for (guint i = 0; i < minutes->len; i++)
    task_minutes += g_array_index (minutes, double, i);

  first = g_array_index (week_starts, guint32, 0);
  last = g_array_index (week_starts, guint32, week_starts->len - 1);
  matrix = _baton_capacity_compute_full (settings, input, first, (last - first) / 7 + 1, task, FALSE);

  role_id = baton_task_get_role_id (task);
  assignee_id = baton_task_get_assignee_id (task);

  if (role_id != 0)
    {
      holds_role = g_new0 (gboolean, MAX (matrix->n_people, 1));

      for (guint i = 0, n = _baton_capacity_n_items (input->person_roles); i < n; i++)
        {
          g_autoptr(BatonPersonRole) person_role = g_list_model_get_item (input->person_roles, i);
          gint row;

          if (baton_person_role_get_role_id (person_role) != role_id)
            continue;

          row = _baton_capacity_lookup_row (matrix, baton_person_role_get_person_id (person_role));
          if (row >= 0)
            holds_role[row] = TRUE;
        }
    }

  for (guint row = 0; row < matrix->n_people; row++)
    {
      BatonRoomCandidate candidate = { 0 };
      double load = 0, capacity = 0;

      if (holds_role != NULL && !holds_role[row])
        continue;

      for (guint i = 0; i < week_starts->len; i++)
        {
          guint week = (g_array_index (week_starts, guint32, i) - matrix->first_week) / 7;
          gsize cell = (gsize) row * matrix->n_weeks + week;

          load += matrix->load[cell];
          capacity += matrix->capacity[cell];
        }

      candidate.person = g_object_ref (g_ptr_array_index (matrix->people, row));
      candidate.capacity = capacity;
      candidate.free_minutes = capacity - load;
      candidate.load_after = load + task_minutes;
      candidate.is_assignee = assignee_id != 0 && matrix->person_ids[row] == assignee_id;
      g_array_append_val (result, candidate);
    }

  g_array_sort (result, room_candidate_compare);

  return result;
}
