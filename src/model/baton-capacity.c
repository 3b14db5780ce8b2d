/* baton-capacity.c — load against capacity, people × weeks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are those of DESIGN.md ("Capacity rules"). The computation
 * runs every time the grid's inputs change, so it is written to stay well
 * under a frame for a large workspace (200 people × 26 weeks from 20,000
 * tasks):
 *
 *  - days are julian day numbers and weekdays are (julian − 1) % 7, so no
 *    GDate is built per task or per day;
 *  - people, roles and done stages are indexed by id once (people by a
 *    plain array when their ids are dense, as SQLite row ids are);
 *  - each task's dates are parsed once and its estimate is spread only over
 *    the weeks of the matrix it overlaps;
 *  - working days in any range are counted from a small table, not by
 *    walking the days;
 *  - the tasks behind the cells are kept as one compact record per task,
 *    grouped by row; a cell's list of shares is built only when someone
 *    asks for it, from that row's records alone.
 */

#define G_LOG_DOMAIN "baton-capacity"

#include "config.h"

#include "baton-capacity-private.h"
#include "baton-dates.h"

/* ------------------------------------------------------------------ */
/* The matrix                                                          */
/* ------------------------------------------------------------------ */

G_DEFINE_BOXED_TYPE (BatonCapacity, baton_capacity, baton_capacity_ref, baton_capacity_unref)

/**
 * baton_capacity_settings_init_default:
 * @settings: settings to fill
 *
 * Monday to Friday, weeks starting on Monday, high from 85 %, over above
 * 100 %.
 */
void
baton_capacity_settings_init_default (BatonCapacitySettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->workdays_mask = BATON_WORKDAYS_MON_FRI;
  settings->first_weekday = 1;
  settings->high_threshold = 0.85;
  settings->over_threshold = 1.0;
}

static BatonLoadLevel
level_for (const BatonCapacitySettings *settings,
           double                       load,
           double                       capacity)
{
  double ratio;

  if (capacity <= 0)
    return load > 0 ? BATON_LOAD_OVER : BATON_LOAD_OK;

  ratio = load / capacity;

  /* Strictly above the threshold: exactly 100 % is not over. */
  if (ratio > settings->over_threshold + RATIO_EPSILON)
    return BATON_LOAD_OVER;
  if (ratio >= settings->high_threshold - RATIO_EPSILON)
    return BATON_LOAD_HIGH;

  return BATON_LOAD_OK;
}

BatonLoadLevel
baton_capacity_settings_get_level (const BatonCapacitySettings *settings,
                                   double                       load,
                                   double                       capacity)
{
  g_return_val_if_fail (settings != NULL, BATON_LOAD_OK);

  return level_for (settings, load, capacity);
}

guint
_baton_capacity_n_items (GListModel *model)
{
  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

static inline gint64
record_id (gpointer record)
{
  return baton_record_get_id (BATON_RECORD (record));
}

static RoleSlot *
role_slot_lookup_or_add (BatonCapacity *self,
                         gint64         role_id)
{
  RoleSlot *slot = g_hash_table_lookup (self->role_slots, &role_id);

  if (slot == NULL)
    {
      slot = g_new (RoleSlot, 1);
      slot->role_id = role_id;
      slot->index = self->n_roles++;
      g_hash_table_insert (self->role_slots, &slot->role_id, slot);
      g_array_set_size (self->unassigned, self->n_roles * self->n_weeks);
    }

  return slot;
}

static inline gboolean
stage_is_done (BatonCapacity *self,
               gint64         stage_id)
{
  for (guint i = 0; i < self->n_done_stages; i++)
    if (self->done_stage_ids[i] == stage_id)
      return TRUE;

  return FALSE;
}

static void
load_people (BatonCapacity *self,
             GListModel    *people)
{
  guint n = _baton_capacity_n_items (people);
  gint64 max_id = 0;

  self->people = g_ptr_array_new_full (n, g_object_unref);
  self->person_ids = g_new (gint64, MAX (n, 1));
  self->rows = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < n; i++)
    {
      BatonPerson *person = g_list_model_get_item (people, i);
      guint row = self->people->len;

      if (baton_person_get_archived (person) ||
          g_hash_table_contains (self->rows, &(gint64) { record_id (person) }))
        {
          g_object_unref (person);
          continue;
        }

      self->person_ids[row] = record_id (person);
      g_hash_table_insert (self->rows, &self->person_ids[row], GUINT_TO_POINTER (row + 1));
      g_ptr_array_add (self->people, person);
      max_id = MAX (max_id, self->person_ids[row]);
    }

  self->n_people = self->people->len;

  /* Row ids are usually small and dense: index them with an array, which
   * is what each of thousands of tasks looks up. */
  if (max_id > 0 && max_id <= 16 * (gint64) self->n_people + 4096)
    {
      self->row_index_len = (gsize) max_id + 1;
      self->row_index = g_new (gint, self->row_index_len);
      for (gsize id = 0; id < self->row_index_len; id++)
        self->row_index[id] = -1;
      for (guint row = 0; row < self->n_people; row++)
        if (self->person_ids[row] > 0)
          self->row_index[self->person_ids[row]] = (gint) row;
    }
}

gint
_baton_capacity_lookup_row (BatonCapacity *self,
                            gint64         person_id)
{
  if (person_id <= 0)
    return -1;

  if (self->row_index != NULL)
    return (guint64) person_id < self->row_index_len ? self->row_index[person_id] : -1;

  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (self->rows, &person_id)) - 1;
}

static void
load_stages (BatonCapacity *self,
             GListModel    *stages)
{
  guint n = _baton_capacity_n_items (stages);

  self->done_stage_ids = g_new (gint64, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);

      if (baton_stage_get_is_done (stage))
        self->done_stage_ids[self->n_done_stages++] = record_id (stage);
    }
}

/* Counts working days off per row and week; a day covered by two entries
 * counts once, and weekends (non-working days) never count. */
static void
load_time_off (BatonCapacity *self,
               GListModel    *time_off)
{
  guint n = _baton_capacity_n_items (time_off);
  guint span_days = self->n_weeks * 7;
  guint32 span_last = self->first_week + span_days - 1;
  g_autofree guint8 *marked = NULL;   /* n_people × span_days */

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonTimeOff) off = g_list_model_get_item (time_off, i);
      guint32 first = 0, last = 0;
      gboolean has_first, has_last;
      gint row = _baton_capacity_lookup_row (self, baton_time_off_get_person_id (off));

      if (row < 0)
        continue;

      has_first = baton_date_parse (baton_time_off_get_start_date (off), &first);
      has_last = baton_date_parse (baton_time_off_get_end_date (off), &last);
      if (!has_first && !has_last)
        continue;
      if (!has_first)
        first = last;
      if (!has_last)
        last = first;
      if (last < first)
        {
          guint32 tmp = first;

          first = last;
          last = tmp;
        }

      first = MAX (first, self->first_week);
      last = MIN (last, span_last);
      if (first > last)
        continue;

      if (marked == NULL)
        marked = g_new0 (guint8, (gsize) self->n_people * span_days);

      for (guint32 day = first; day <= last; day++)
        {
          guint offset = day - self->first_week;
          guint8 *mark = &marked[(gsize) row * span_days + offset];

          if (*mark || !_baton_calendar_is_workday (&self->cal, day))
            continue;

          *mark = 1;
          self->days_off[(gsize) row * self->n_weeks + offset / 7]++;
        }
    }
}

static void
compute_capacity (BatonCapacity *self)
{
  guint per_week = self->cal.per_week;

  for (guint row = 0; row < self->n_people; row++)
    {
      double weekly = (double) baton_person_get_weekly_capacity_minutes (g_ptr_array_index (self->people, row));

      for (guint week = 0; week < self->n_weeks; week++)
        {
          gsize cell = (gsize) row * self->n_weeks + week;
          guint off = MIN (self->days_off[cell], per_week);

          /* weekly × (working days that week − days off) / working days per week */
          self->capacity[cell] = per_week > 0 ? weekly * (per_week - off) / per_week : 0;
        }
    }
}

typedef struct
{
  BatonCapacity *self;
  double        *minutes;    /* the line's n_weeks figures */
  gboolean       added;
} AddContext;

static void
add_minutes (guint32  week_start,
             double   minutes,
             gpointer user_data)
{
  AddContext *ctx = user_data;

  ctx->minutes[(week_start - ctx->self->first_week) / 7] += minutes;
  ctx->added = TRUE;
}

/* Adds every active task's minutes to its row (or role line); when
 * @records is set, keeps a record of each task that landed in the matrix. */
static void
load_tasks (BatonCapacity *self,
            GListModel    *tasks,
            BatonTask     *exclude,
            GArray        *records)
{
  guint n = _baton_capacity_n_items (tasks);
  guint32 span_last = self->first_week + self->n_weeks * 7 - 1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);
      AddContext ctx = { self, NULL, FALSE };
      gint64 estimate, assignee_id, role_id;
      gint row = -1;
      guint line;
      Span span;

      if (task == exclude || baton_task_get_archived (task))
        continue;

      estimate = baton_task_get_estimate_minutes (task);
      if (estimate <= 0 || stage_is_done (self, baton_task_get_stage_id (task)))
        continue;

      assignee_id = baton_task_get_assignee_id (task);
      role_id = baton_task_get_role_id (task);

      if (assignee_id != 0)
        {
          /* Assigned to someone who is not a row (archived, unknown):
           * not shown. */
          row = _baton_capacity_lookup_row (self, assignee_id);
          if (row < 0)
            continue;
        }
      else if (role_id == 0)
        {
          continue;   /* nobody and no role: no one's demand */
        }

      if (!_baton_task_get_span (&self->cal, task, &span))
        {
          /* Unscheduled; unassigned work without dates has no week. */
          if (row >= 0)
            self->unscheduled[row] += (double) estimate;
          continue;
        }

      if (row >= 0)
        {
          line = (guint) row;
          ctx.minutes = &self->load[(gsize) row * self->n_weeks];
        }
      else
        {
          RoleSlot *slot = role_slot_lookup_or_add (self, role_id);

          line = self->n_people + slot->index;
          ctx.minutes = &g_array_index (self->unassigned, double, slot->index * self->n_weeks);
        }

      _baton_spread_span (&self->cal, &span, (double) estimate,
                   self->first_week, span_last, add_minutes, &ctx);

      if (ctx.added && records != NULL)
        {
          /* The reference from the list becomes the record's. */
          TaskRecord record = { g_steal_pointer (&task), span, line, (double) estimate };

          g_array_append_val (records, record);
        }
    }
}

/* Groups the records by line (a stable counting sort of their indices). */
static void
index_records (BatonCapacity *self,
               GArray        *records)
{
  g_autofree guint *fill = NULL;

  self->n_lines = self->n_people + self->n_roles;
  self->n_records = records->len;
  self->records = (TaskRecord *) (gpointer) g_array_free (records, FALSE);
  self->line_offsets = g_new0 (guint, self->n_lines + 1);
  self->line_records = g_new (guint, MAX (self->n_records, 1));

  for (guint i = 0; i < self->n_records; i++)
    self->line_offsets[self->records[i].line + 1]++;

  for (guint l = 0; l < self->n_lines; l++)
    self->line_offsets[l + 1] += self->line_offsets[l];

  fill = g_memdup2 (self->line_offsets, sizeof (guint) * (self->n_lines + 1));

  for (guint i = 0; i < self->n_records; i++)
    self->line_records[fill[self->records[i].line]++] = i;
}

BatonCapacity *
_baton_capacity_compute_full (const BatonCapacitySettings *settings,
                              const BatonCapacityInput    *input,
                              guint32                      first_day,
                              guint                        n_weeks,
                              BatonTask                   *exclude,
                              gboolean                     with_shares)
{
  BatonCapacity *self;
  gsize n_cells;
  GArray *records = NULL;

  self = g_new0 (BatonCapacity, 1);
  g_atomic_ref_count_init (&self->ref_count);

  self->settings = *settings;
  _baton_calendar_init (&self->cal, settings);
  self->settings.first_weekday = self->cal.first_weekday;
  self->first_week = _baton_calendar_week_start (&self->cal, first_day);
  self->n_weeks = n_weeks;

  load_people (self, input->people);
  load_stages (self, input->stages);

  n_cells = (gsize) self->n_people * n_weeks;
  self->load = g_new0 (double, MAX (n_cells, 1));
  self->capacity = g_new0 (double, MAX (n_cells, 1));
  self->days_off = g_new0 (guint8, MAX (n_cells, 1));
  self->unscheduled = g_new0 (double, MAX (self->n_people, 1));

  self->role_slots = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  self->unassigned = g_array_new (FALSE, TRUE, sizeof (double));
  for (guint i = 0, n = _baton_capacity_n_items (input->roles); i < n; i++)
    {
      g_autoptr(BatonRole) role = g_list_model_get_item (input->roles, i);

      role_slot_lookup_or_add (self, record_id (role));
    }

  load_time_off (self, input->time_off);
  compute_capacity (self);

  if (with_shares)
    records = g_array_sized_new (FALSE, FALSE, sizeof (TaskRecord),
                                 MAX (_baton_capacity_n_items (input->tasks), 16));
  load_tasks (self, input->tasks, exclude, records);

  self->no_shares = g_array_new (FALSE, FALSE, sizeof (BatonCapacityShare));
  if (records != NULL)
    index_records (self, records);

  return self;
}

/**
 * baton_capacity_compute:
 * @settings: working days, week start and thresholds
 * @input: the workspace's lists; any may be %NULL (empty)
 * @first_day: a julian day in the first week shown
 * @n_weeks: weeks to compute, at least 1
 *
 * Computes load and capacity for the non-archived people of
 * @input->people, in that order, over @n_weeks weeks starting with the week
 * that holds @first_day.
 *
 * The result does not change afterwards; it holds references to the people
 * and to the tasks behind its cells. Use it from one thread.
 *
 * Returns: (transfer full): the matrix
 */
BatonCapacity *
baton_capacity_compute (const BatonCapacitySettings *settings,
                        const BatonCapacityInput    *input,
                        guint32                      first_day,
                        guint                        n_weeks)
{
  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (first_day > 0, NULL);
  g_return_val_if_fail (n_weeks > 0 && n_weeks <= 10000, NULL);

  return _baton_capacity_compute_full (settings, input, first_day, n_weeks, NULL, TRUE);
}

BatonCapacity *
baton_capacity_ref (BatonCapacity *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

static void
baton_capacity_free (BatonCapacity *self)
{
  if (self->share_arrays != NULL)
    {
      for (gsize c = 0; c < (gsize) self->n_lines * self->n_weeks; c++)
        if (self->share_arrays[c] != self->no_shares)
          g_clear_pointer (&self->share_arrays[c], g_array_unref);
      g_free (self->share_arrays);
    }
  g_clear_pointer (&self->no_shares, g_array_unref);
  for (guint i = 0; i < self->n_records; i++)
    g_object_unref (self->records[i].task);
  g_free (self->records);
  g_free (self->line_offsets);
  g_free (self->line_records);

  g_free (self->done_stage_ids);

  g_free (self->load);
  g_free (self->capacity);
  g_free (self->days_off);
  g_free (self->unscheduled);

  g_clear_pointer (&self->unassigned, g_array_unref);
  g_clear_pointer (&self->role_slots, g_hash_table_unref);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_free (self->row_index);
  g_free (self->person_ids);
  g_clear_pointer (&self->people, g_ptr_array_unref);

  g_free (self);
}

void
baton_capacity_unref (BatonCapacity *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    baton_capacity_free (self);
}

guint
baton_capacity_get_n_people (BatonCapacity *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_people;
}

guint
baton_capacity_get_n_weeks (BatonCapacity *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_weeks;
}

/**
 * baton_capacity_get_week_start:
 *
 * Returns: the julian day on which week @week begins
 */
guint32
baton_capacity_get_week_start (BatonCapacity *self,
                               guint          week)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (week < self->n_weeks, 0);

  return self->first_week + week * 7;
}

/**
 * baton_capacity_get_person:
 *
 * Returns: (transfer none): the person of @row
 */
BatonPerson *
baton_capacity_get_person (BatonCapacity *self,
                           guint          row)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < self->n_people, NULL);

  return g_ptr_array_index (self->people, row);
}

gint
baton_capacity_get_row (BatonCapacity *self,
                        gint64         person_id)
{
  g_return_val_if_fail (self != NULL, -1);

  return _baton_capacity_lookup_row (self, person_id);
}

gint
baton_capacity_get_week_index (BatonCapacity *self,
                               guint32        julian)
{
  guint32 week;

  g_return_val_if_fail (self != NULL, -1);

  if (julian < self->first_week)
    return -1;

  week = (julian - self->first_week) / 7;

  return week < self->n_weeks ? (gint) week : -1;
}

#define CHECK_CELL(self, row, week, val)                \
  G_STMT_START {                                        \
    g_return_val_if_fail ((self) != NULL, (val));       \
    g_return_val_if_fail ((row) < (self)->n_people, (val)); \
    g_return_val_if_fail ((week) < (self)->n_weeks, (val)); \
  } G_STMT_END

double
baton_capacity_get_load (BatonCapacity *self,
                         guint          row,
                         guint          week)
{
  CHECK_CELL (self, row, week, 0);

  return self->load[(gsize) row * self->n_weeks + week];
}

double
baton_capacity_get_capacity (BatonCapacity *self,
                             guint          row,
                             guint          week)
{
  CHECK_CELL (self, row, week, 0);

  return self->capacity[(gsize) row * self->n_weeks + week];
}

guint
baton_capacity_get_days_off (BatonCapacity *self,
                             guint          row,
                             guint          week)
{
  CHECK_CELL (self, row, week, 0);

  return self->days_off[(gsize) row * self->n_weeks + week];
}

BatonLoadLevel
baton_capacity_get_level (BatonCapacity *self,
                          guint          row,
                          guint          week)
{
  gsize cell;

  CHECK_CELL (self, row, week, BATON_LOAD_OK);

  cell = (gsize) row * self->n_weeks + week;

  return level_for (&self->settings, self->load[cell], self->capacity[cell]);
}

typedef struct
{
  GArray    *array;
  BatonTask *task;
} ShareContext;

static void
collect_share (guint32  week_start,
               double   minutes,
               gpointer user_data)
{
  ShareContext *ctx = user_data;
  BatonCapacityShare share = { ctx->task, minutes };

  g_array_append_val (ctx->array, share);
}

/* The shares of one cell, built from its line's records the first time
 * they are asked for: each record is spread again, clipped to that week,
 * which gives the very figures that were added to the load. */
static GArray *
cell_shares (BatonCapacity *self,
             guint          line,
             guint          week)
{
  gsize cell = (gsize) line * self->n_weeks + week;
  guint32 week_first = self->first_week + week * 7;
  GArray *array;

  if (self->records == NULL || line >= self->n_lines)
    return self->no_shares;

  if (self->share_arrays == NULL)
    self->share_arrays = g_new0 (GArray *, (gsize) self->n_lines * self->n_weeks);

  if (self->share_arrays[cell] != NULL)
    return self->share_arrays[cell];

  array = g_array_new (FALSE, FALSE, sizeof (BatonCapacityShare));

  for (guint k = self->line_offsets[line]; k < self->line_offsets[line + 1]; k++)
    {
      const TaskRecord *record = &self->records[self->line_records[k]];
      ShareContext ctx = { array, record->task };

      _baton_spread_span (&self->cal, &record->span, record->estimate,
                   week_first, week_first + 6, collect_share, &ctx);
    }

  if (array->len == 0)
    {
      g_array_unref (array);
      array = self->no_shares;
    }

  self->share_arrays[cell] = array;

  return array;
}

/**
 * baton_capacity_get_shares:
 *
 * Returns: (transfer none) (element-type BatonCapacityShare): the tasks
 *   behind a cell, in the order of the task list; empty when none. Do not
 *   modify or free it; it lives as long as @self.
 */
GArray *
baton_capacity_get_shares (BatonCapacity *self,
                           guint          row,
                           guint          week)
{
  CHECK_CELL (self, row, week, NULL);

  return cell_shares (self, row, week);
}

double
baton_capacity_get_unscheduled (BatonCapacity *self,
                                guint          row)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (row < self->n_people, 0);

  return self->unscheduled[row];
}

double
baton_capacity_get_unassigned (BatonCapacity *self,
                               gint64         role_id,
                               guint          week)
{
  RoleSlot *slot;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (week < self->n_weeks, 0);

  slot = g_hash_table_lookup (self->role_slots, &role_id);
  if (slot == NULL)
    return 0;

  return g_array_index (self->unassigned, double, slot->index * self->n_weeks + week);
}

/**
 * baton_capacity_get_unassigned_shares:
 *
 * Returns: (transfer none) (element-type BatonCapacityShare): the
 *   unassigned tasks of @role_id in @week; empty when none
 */
GArray *
baton_capacity_get_unassigned_shares (BatonCapacity *self,
                                      gint64         role_id,
                                      guint          week)
{
  RoleSlot *slot;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (week < self->n_weeks, NULL);

  slot = g_hash_table_lookup (self->role_slots, &role_id);
  if (slot == NULL)
    return self->no_shares;

  return cell_shares (self, self->n_people + slot->index, week);
}

typedef struct
{
  BatonCapacity *self;
  guint          row;
  gboolean       over;
} OverContext;

static void
check_over (guint32  week_start,
            double   minutes,
            gpointer user_data)
{
  OverContext *ctx = user_data;
  guint week = (week_start - ctx->self->first_week) / 7;

  if (minutes > 0 &&
      baton_capacity_get_level (ctx->self, ctx->row, week) == BATON_LOAD_OVER)
    ctx->over = TRUE;
}

/**
 * baton_capacity_task_is_over:
 * @task: a task, as it is now
 *
 * Returns: %TRUE when @task carries load and its assignee is over capacity
 *   in a week of the matrix in which the task has minutes
 */
gboolean
baton_capacity_task_is_over (BatonCapacity *self,
                             BatonTask     *task)
{
  OverContext ctx = { self, 0, FALSE };
  gint row;
  Span span;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (BATON_IS_TASK (task), FALSE);

  if (baton_task_get_archived (task) ||
      baton_task_get_estimate_minutes (task) <= 0 ||
      stage_is_done (self, baton_task_get_stage_id (task)))
    return FALSE;

  row = _baton_capacity_lookup_row (self, baton_task_get_assignee_id (task));
  if (row < 0 || !_baton_task_get_span (&self->cal, task, &span))
    return FALSE;

  ctx.row = (guint) row;
  _baton_spread_span (&self->cal, &span, (double) baton_task_get_estimate_minutes (task),
               self->first_week, self->first_week + self->n_weeks * 7 - 1,
               check_over, &ctx);

  return ctx.over;
}

typedef struct
{
  GArray *week_starts;
  GArray *minutes;
} CollectContext;

static void
collect_week (guint32  week_start,
              double   minutes,
              gpointer user_data)
{
  CollectContext *ctx = user_data;

  g_array_append_val (ctx->week_starts, week_start);
  g_array_append_val (ctx->minutes, minutes);
}

/**
 * baton_capacity_spread_task:
 * @settings: working days and week start
 * @task: the task
 * @week_starts: (element-type guint32): emptied, then filled with the
 *   julian first days of the weeks the task falls on, in order
 * @minutes: (element-type double): emptied, then filled with the task's
 *   minutes in each of those weeks
 *
 * Applies the spreading rules to @task's estimate and dates, whatever its
 * stage, assignee or archived state. A task with an estimate of 0 still
 * reports its weeks, with 0 minutes.
 *
 * Returns: %FALSE when the task has neither a start nor a due date
 */
gboolean
baton_capacity_spread_task (const BatonCapacitySettings *settings,
                            BatonTask                   *task,
                            GArray                      *week_starts,
                            GArray                      *minutes)
{
  CollectContext ctx = { week_starts, minutes };
  Calendar cal;
  Span span;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (BATON_IS_TASK (task), FALSE);
  g_return_val_if_fail (week_starts != NULL && g_array_get_element_size (week_starts) == sizeof (guint32), FALSE);
  g_return_val_if_fail (minutes != NULL && g_array_get_element_size (minutes) == sizeof (double), FALSE);

  g_array_set_size (week_starts, 0);
  g_array_set_size (minutes, 0);

  _baton_calendar_init (&cal, settings);
  if (!_baton_task_get_span (&cal, task, &span))
    return FALSE;

  _baton_spread_span (&cal, &span, (double) MAX (baton_task_get_estimate_minutes (task), 0),
               1, G_MAXUINT32, collect_week, &ctx);

  return TRUE;
}
