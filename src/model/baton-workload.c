/* baton-workload.c — the one capacity state every view reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The matrix covers the union of the watched ranges, from the earliest
 * first week to the latest last one. A store change marks it stale and
 * schedules one recomputation at G_PRIORITY_LOW, after the frame and the
 * store's other listeners: a burst of changes (an import, a batch, a drag
 * and its undo) costs one computation.
 */

#define G_LOG_DOMAIN "baton-workload"

#include "config.h"

#include <string.h>

#include "baton-dates.h"
#include "baton-workload.h"

typedef struct
{
  guint   id;
  guint32 first_day;   /* a week start */
  guint   n_weeks;
} Range;

struct _BatonWorkload
{
  GObject                parent_instance;

  BatonStore            *store;
  gulong                 changed_id;
  BatonCapacitySettings  settings;

  GArray                *ranges;      /* Range */
  guint                  next_id;

  BatonCapacity         *capacity;
  gboolean               stale;
  guint                  idle;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BatonWorkload, baton_workload, G_TYPE_OBJECT)

/* The span every range needs: FALSE when nothing is watched. */
static gboolean
watched_span (BatonWorkload *self,
              guint32       *first,
              guint         *n_weeks)
{
  guint32 lo = G_MAXUINT32, hi = 0;

  for (guint i = 0; i < self->ranges->len; i++)
    {
      const Range *range = &g_array_index (self->ranges, Range, i);

      lo = MIN (lo, range->first_day);
      hi = MAX (hi, range->first_day + range->n_weeks * 7);
    }

  if (hi <= lo)
    return FALSE;

  *first = lo;
  *n_weeks = (hi - lo) / 7;
  return TRUE;
}

/* Whether the matrix holds every watched week. */
static gboolean
covers_watched (BatonWorkload *self)
{
  guint32 first;
  guint n_weeks;

  if (!watched_span (self, &first, &n_weeks))
    return TRUE;
  if (self->capacity == NULL)
    return FALSE;

  return baton_capacity_get_week_start (self->capacity, 0) == first &&
         baton_capacity_get_n_weeks (self->capacity) == n_weeks;
}

void
baton_workload_fill_input (BatonStore         *store,
                           BatonCapacityInput *input)
{
  g_return_if_fail (BATON_IS_STORE (store));
  g_return_if_fail (input != NULL);

  *input = (BatonCapacityInput) {
    .people = baton_store_get_people (store),
    .person_roles = baton_store_get_person_roles (store),
    .time_off = baton_store_get_time_off (store),
    .tasks = baton_store_get_tasks (store),
    .stages = baton_store_get_stages (store),
    .roles = baton_store_get_roles (store),
  };
}

static void
compute (BatonWorkload *self)
{
  BatonCapacityInput input;
  guint32 first;
  guint n_weeks;

  baton_workload_fill_input (self->store, &input);
  g_clear_handle_id (&self->idle, g_source_remove);
  g_clear_pointer (&self->capacity, baton_capacity_unref);
  self->stale = FALSE;

  if (watched_span (self, &first, &n_weeks))
    self->capacity = baton_capacity_compute (&self->settings, &input, first, n_weeks);

  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
idle_compute (gpointer data)
{
  BatonWorkload *self = data;

  self->idle = 0;
  compute (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (BatonWorkload *self)
{
  self->stale = TRUE;
  if (self->idle == 0)
    self->idle = g_idle_add_full (G_PRIORITY_LOW, idle_compute, self, NULL);
}

static gboolean
stage_is_done (BatonWorkload *self,
               const GValue  *stage_id)
{
  BatonStage *stage;

  if (!G_VALUE_HOLDS_INT64 (stage_id))
    return FALSE;

  stage = baton_store_lookup_stage (self->store, g_value_get_int64 (stage_id));
  return stage != NULL && baton_stage_get_is_done (stage);
}

/* Does @change leave every load as it was: tasks moved or reordered, none
 * into or out of a done stage, nothing else? (Forwards or backwards
 * alike: only what differs between before and after counts.) */
static gboolean
change_keeps_loads (BatonWorkload *self,
                    BatonChange   *change)
{
  for (guint i = 0; i < baton_change_get_n_ops (change); i++)
    {
      BatonOp *op = baton_change_get_op (change, i);

      /* What the store logged about the change carries no load. */
      if (op->schema == baton_activity_schema ())
        continue;

      if (op->kind != BATON_OP_UPDATE || op->schema != baton_task_schema ())
        return FALSE;

      for (guint f = 0; f < op->schema->n_fields; f++)
        {
          const char *name = op->schema->fields[f].name;

          if (baton_field_values_equal (&op->before[f], &op->after[f]) ||
              g_str_equal (name, "position") || g_str_equal (name, "updated-at"))
            continue;

          if (g_str_equal (name, "stage-id") &&
              stage_is_done (self, &op->before[f]) == stage_is_done (self, &op->after[f]))
            continue;

          return FALSE;
        }
    }

  return TRUE;
}

static void
on_store_changed (BatonWorkload *self)
{
  BatonChange *change = baton_store_get_applied_change (self->store);

  /* Cards moved between stages that are not done: the matrix still holds
   * (its tasks are the store's own objects), nothing to compute. */
  if (change != NULL && baton_workload_is_current (self) && change_keeps_loads (self, change))
    return;

  schedule (self);
}

static void
baton_workload_dispose (GObject *object)
{
  BatonWorkload *self = BATON_WORKLOAD (object);

  g_clear_handle_id (&self->idle, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->capacity, baton_capacity_unref);

  G_OBJECT_CLASS (baton_workload_parent_class)->dispose (object);
}

static void
baton_workload_finalize (GObject *object)
{
  BatonWorkload *self = BATON_WORKLOAD (object);

  g_clear_pointer (&self->ranges, g_array_unref);

  G_OBJECT_CLASS (baton_workload_parent_class)->finalize (object);
}

static void
baton_workload_class_init (BatonWorkloadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baton_workload_dispose;
  object_class->finalize = baton_workload_finalize;

  /**
   * BatonWorkload::changed:
   *
   * The matrix was computed again: read it with
   * baton_workload_get_capacity ().
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
baton_workload_init (BatonWorkload *self)
{
  self->ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  self->next_id = 1;
  baton_capacity_settings_init_default (&self->settings);
}

BatonWorkload *
baton_workload_new (BatonStore *store)
{
  BatonWorkload *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  self = g_object_new (BATON_TYPE_WORKLOAD, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);

  return self;
}

BatonStore *
baton_workload_get_store (BatonWorkload *self)
{
  g_return_val_if_fail (BATON_IS_WORKLOAD (self), NULL);

  return self->store;
}

const BatonCapacitySettings *
baton_workload_get_settings (BatonWorkload *self)
{
  g_return_val_if_fail (BATON_IS_WORKLOAD (self), NULL);

  return &self->settings;
}

void
baton_workload_set_settings (BatonWorkload               *self,
                             const BatonCapacitySettings *settings)
{
  gboolean weeks_move;

  g_return_if_fail (BATON_IS_WORKLOAD (self));
  g_return_if_fail (settings != NULL);

  if (memcmp (&self->settings, settings, sizeof *settings) == 0)
    return;

  /* The ranges start on the first weekday. */
  weeks_move = settings->first_weekday != self->settings.first_weekday;
  self->settings = *settings;
  if (weeks_move)
    for (guint i = 0; i < self->ranges->len; i++)
      {
        Range *range = &g_array_index (self->ranges, Range, i);

        range->first_day = baton_date_week_start (range->first_day, self->settings.first_weekday);
      }

  compute (self);
}

static Range *
find_range (BatonWorkload *self,
            guint          id)
{
  for (guint i = 0; i < self->ranges->len; i++)
    if (g_array_index (self->ranges, Range, i).id == id)
      return &g_array_index (self->ranges, Range, i);

  return NULL;
}

guint
baton_workload_watch_weeks (BatonWorkload *self,
                            guint32        first_day,
                            guint          n_weeks)
{
  Range range;

  g_return_val_if_fail (BATON_IS_WORKLOAD (self), 0);
  g_return_val_if_fail (first_day > 0 && n_weeks > 0, 0);

  range.id = self->next_id++;
  range.first_day = baton_date_week_start (first_day, self->settings.first_weekday);
  range.n_weeks = n_weeks;
  g_array_append_val (self->ranges, range);

  if (!covers_watched (self))
    schedule (self);

  return range.id;
}

void
baton_workload_move_weeks (BatonWorkload *self,
                           guint          id,
                           guint32        first_day,
                           guint          n_weeks)
{
  Range *range;

  g_return_if_fail (BATON_IS_WORKLOAD (self));
  g_return_if_fail (first_day > 0 && n_weeks > 0);

  range = find_range (self, id);
  g_return_if_fail (range != NULL);

  range->first_day = baton_date_week_start (first_day, self->settings.first_weekday);
  range->n_weeks = n_weeks;
  if (!covers_watched (self))
    schedule (self);
}

void
baton_workload_unwatch_weeks (BatonWorkload *self,
                              guint          id)
{
  g_return_if_fail (BATON_IS_WORKLOAD (self));

  for (guint i = 0; i < self->ranges->len; i++)
    if (g_array_index (self->ranges, Range, i).id == id)
      {
        g_array_remove_index (self->ranges, i);
        /* A larger matrix than needed is still right: no hurry. */
        if (!covers_watched (self))
          schedule (self);
        return;
      }

  g_return_if_reached ();
}

BatonCapacity *
baton_workload_get_capacity (BatonWorkload *self)
{
  guint32 first;
  guint n_weeks;

  g_return_val_if_fail (BATON_IS_WORKLOAD (self), NULL);

  if (!watched_span (self, &first, &n_weeks))
    return NULL;

  /* A reader needs its weeks now; staleness alone can wait. */
  if (self->capacity == NULL ||
      baton_capacity_get_week_index (self->capacity, first) != 0 ||
      baton_capacity_get_week_index (self->capacity, first + (n_weeks - 1) * 7) < 0)
    compute (self);

  return self->capacity;
}

BatonCapacity *
baton_workload_get_weeks (BatonWorkload *self,
                          guint          id)
{
  BatonCapacity *capacity;
  Range *range;

  g_return_val_if_fail (BATON_IS_WORKLOAD (self), NULL);

  range = find_range (self, id);
  g_return_val_if_fail (range != NULL, NULL);

  capacity = baton_workload_get_capacity (self);
  g_assert (capacity != NULL);

  return baton_capacity_slice (capacity, range->first_day, range->n_weeks);
}

GArray *
baton_workload_who_has_room (BatonWorkload *self,
                             BatonTask     *task,
                             guint32        today)
{
  BatonCapacityInput input;

  g_return_val_if_fail (BATON_IS_WORKLOAD (self), NULL);
  g_return_val_if_fail (BATON_IS_TASK (task), NULL);

  baton_workload_fill_input (self->store, &input);
  return baton_capacity_who_has_room (&self->settings, &input, task, today);
}

gboolean
baton_workload_is_current (BatonWorkload *self)
{
  g_return_val_if_fail (BATON_IS_WORKLOAD (self), FALSE);

  return !self->stale && covers_watched (self);
}

void
baton_workload_update (BatonWorkload *self)
{
  g_return_if_fail (BATON_IS_WORKLOAD (self));

  if (!baton_workload_is_current (self))
    compute (self);
}

/* The minutes @task puts in the week that starts on @week_start. */
static double
task_minutes_in (BatonWorkload *self,
                 BatonTask     *task,
                 guint32        week_start)
{
  g_autoptr(GArray) weeks = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) minutes = g_array_new (FALSE, FALSE, sizeof (double));

  if (!baton_capacity_spread_task (&self->settings, task, weeks, minutes))
    return 0;

  for (guint i = 0; i < weeks->len; i++)
    if (g_array_index (weeks, guint32, i) == week_start)
      return g_array_index (minutes, double, i);

  return 0;
}

/* Whether the task counts in the cell's line when assigned to
 * @person_id. */
static gboolean
line_holds (BatonTask *task,
            gint64     person_id,
            gint64     cell_person_id,
            gint64     cell_role_id)
{
  if (cell_person_id != 0)
    return person_id == cell_person_id;

  return person_id == 0 && baton_task_get_role_id (task) == cell_role_id;
}

static gboolean
person_holds_role (BatonWorkload *self,
                   gint64         person_id,
                   gint64         role_id)
{
  g_autoptr(GArray) role_ids = NULL;
  BatonPerson *person = baton_store_lookup_person (self->store, person_id);

  if (person == NULL)
    return FALSE;

  role_ids = baton_store_get_person_role_ids (self->store, person);
  for (guint i = 0; i < role_ids->len; i++)
    if (g_array_index (role_ids, gint64, i) == role_id)
      return TRUE;

  return FALSE;
}

gboolean
baton_workload_preview_move (BatonWorkload   *self,
                             BatonTask       *task,
                             gint64           to_person_id,
                             gint             shift_weeks,
                             gint64           cell_person_id,
                             gint64           cell_role_id,
                             guint32          week_start,
                             BatonCellChange *change)
{
  BatonCapacity *matrix;
  gint week;
  double load;

  g_return_val_if_fail (BATON_IS_WORKLOAD (self), FALSE);
  g_return_val_if_fail (BATON_IS_TASK (task), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  matrix = baton_workload_get_capacity (self);
  if (matrix == NULL || (week = baton_capacity_get_week_index (matrix, week_start)) < 0)
    return FALSE;

  memset (change, 0, sizeof *change);
  change->role_ok = TRUE;

  if (cell_person_id != 0)
    {
      gint row = baton_capacity_get_row (matrix, cell_person_id);

      if (row < 0)
        return FALSE;
      load = baton_capacity_get_load (matrix, (guint) row, (guint) week);
      change->capacity = baton_capacity_get_capacity (matrix, (guint) row, (guint) week);
    }
  else
    load = baton_capacity_get_unassigned (matrix, cell_role_id, (guint) week);

  change->before = load;
  if (line_holds (task, baton_task_get_assignee_id (task), cell_person_id, cell_role_id))
    load -= task_minutes_in (self, task, week_start);
  if (line_holds (task, to_person_id, cell_person_id, cell_role_id))
    load += task_minutes_in (self, task, week_start - (gint64) shift_weeks * 7);
  change->after = MAX (load, 0);

  if (cell_person_id != 0 && to_person_id == cell_person_id)
    {
      gint64 role_id = baton_task_get_role_id (task);

      change->role_ok = role_id == 0 || person_holds_role (self, cell_person_id, role_id);
      /* The same slack as the matrix's levels: exactly full is not over. */
      change->over = change->capacity <= 0 ? change->after > 0
                                           : change->after / change->capacity > self->settings.over_threshold + 1e-9;
    }

  return TRUE;
}
