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

#include "baton-capacity.h"
#include "baton-dates.h"

/* Slack for comparing load ratios computed with doubles: a load that is
 * exactly the capacity (100 %) must not be over it because of rounding. */
#define RATIO_EPSILON 1e-9

/* ------------------------------------------------------------------ */
/* Working-day calendar                                                */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint  mask;          /* bit (weekday − 1), Monday = bit 0 */
  guint  first_weekday; /* 1 = Monday … 7 = Sunday */
  guint  per_week;      /* working days in a week */
  /* count[w][n]: working days among n consecutive days starting on the
   * weekday w (0 = Monday), n = 0 … 7. */
  guint8 count[7][8];
} Calendar;

static void
calendar_init (Calendar                    *cal,
               const BatonCapacitySettings *settings)
{
  cal->mask = settings->workdays_mask & 0x7f;
  cal->first_weekday = settings->first_weekday;
  if (cal->first_weekday < 1 || cal->first_weekday > 7)
    cal->first_weekday = 1;
  cal->per_week = baton_workdays_per_week (cal->mask);

  for (guint w = 0; w < 7; w++)
    {
      guint n_working = 0;

      cal->count[w][0] = 0;
      for (guint n = 1; n <= 7; n++)
        {
          if (cal->mask & (1u << ((w + n - 1) % 7)))
            n_working++;
          cal->count[w][n] = (guint8) n_working;
        }
    }
}

static inline gboolean
calendar_is_workday (const Calendar *cal,
                     guint32         julian)
{
  return (cal->mask & (1u << ((julian - 1) % 7))) != 0;
}

/* Working days from @first to @last, both included. */
static inline guint
calendar_count (const Calendar *cal,
                guint32         first,
                guint32         last)
{
  guint32 n_days;

  if (last < first)
    return 0;

  n_days = last - first + 1;
  return (n_days / 7) * cal->per_week + cal->count[(first - 1) % 7][n_days % 7];
}

static inline guint32
calendar_week_start (const Calendar *cal,
                     guint32         julian)
{
  guint offset = ((julian - 1) % 7 + 8 - cal->first_weekday) % 7;

  return julian > offset ? julian - offset : 1;
}

/* ------------------------------------------------------------------ */
/* Spreading one task                                                  */
/* ------------------------------------------------------------------ */

/* The days a task's estimate is spread over, and the day whose week takes
 * the whole estimate when those days hold no working day. */
typedef struct
{
  guint32 first;
  guint32 last;
  guint32 anchor;
} Span;

static gboolean
task_get_span (const Calendar *cal,
               BatonTask      *task,
               Span           *span)
{
  guint32 start = 0, due = 0;
  gboolean has_start, has_due;

  start = baton_task_get_start_day (task);
  due = baton_task_get_due_day (task);
  has_start = start != 0;
  has_due = due != 0;

  if (has_start && has_due && start <= due)
    {
      /* From the start date to the due date, both included. */
      span->first = start;
      span->last = due;
      span->anchor = due;
    }
  else if (has_due || has_start)
    {
      /* Only a due date: the working days of the due date's week.
       * Only a start date: DESIGN.md does not say; it is treated like a due
       * date on that day, i.e. the working days of the start date's week.
       * A start after the due date (which validation refuses) keeps only
       * the due date. */
      span->anchor = has_due ? due : start;
      span->first = calendar_week_start (cal, span->anchor);
      span->last = span->first + 6;
    }
  else
    {
      return FALSE;   /* unscheduled */
    }

  return TRUE;
}

typedef void (*SpreadFunc) (guint32  week_start,
                            double   minutes,
                            gpointer user_data);

/* Spreads @estimate evenly over the working days of @span, calling @func
 * once per week (week start, minutes) whose days fall within
 * [@clip_first, @clip_last]; @clip_first must be a week start. Only the
 * weeks that receive working days are reported. */
static void
spread_span (const Calendar *cal,
             const Span     *span,
             double          estimate,
             guint32         clip_first,
             guint32         clip_last,
             SpreadFunc      func,
             gpointer        user_data)
{
  guint total = calendar_count (cal, span->first, span->last);
  guint32 lo, hi;

  if (total == 0)
    {
      /* No working day in the range: the whole estimate goes to the due
       * date's week (the anchor's week). */
      guint32 week = calendar_week_start (cal, span->anchor);

      if (week >= clip_first && week <= clip_last)
        func (week, estimate, user_data);
      return;
    }

  lo = MAX (span->first, clip_first);
  hi = MIN (span->last, clip_last);
  if (lo > hi)
    return;

  for (guint32 week = calendar_week_start (cal, lo); week <= hi; week += 7)
    {
      guint n = calendar_count (cal, MAX (week, lo), MIN (week + 6, hi));

      /* estimate × n / total rather than a per-day figure × n: exact
       * whenever the estimate divides evenly. */
      if (n > 0)
        func (week, estimate * n / total, user_data);
    }
}

/* ------------------------------------------------------------------ */
/* The matrix                                                          */
/* ------------------------------------------------------------------ */

typedef struct
{
  gint64 role_id;   /* the key of BatonCapacity.role_slots points here */
  guint  index;
} RoleSlot;

/* A task that puts minutes in the matrix, on one line: a person's row, or
 * a role's line of unassigned demand. */
typedef struct
{
  BatonTask *task;      /* owned */
  Span       span;
  guint      line;
  double     estimate;
} TaskRecord;

struct _BatonCapacity
{
  gatomicrefcount        ref_count;

  BatonCapacitySettings  settings;
  Calendar               cal;
  guint32                first_week;   /* julian day of week 0's first day */
  guint                  n_weeks;
  guint                  n_people;

  /* Rows */
  GPtrArray             *people;       /* BatonPerson, owned */
  gint64                *person_ids;   /* n_people; keys of @rows */
  GHashTable            *rows;         /* gint64* id → GUINT_TO_POINTER (row + 1) */
  gint                  *row_index;    /* id → row or −1, when ids are dense; else NULL */
  gsize                  row_index_len;

  /* Unassigned demand, one slot per role */
  GHashTable            *role_slots;   /* gint64* id → RoleSlot*, owned */
  guint                  n_roles;
  GArray                *unassigned;   /* double, n_roles × n_weeks */

  /* Cells, row-major: row × n_weeks + week */
  double                *load;
  double                *capacity;
  guint8                *days_off;
  double                *unscheduled;  /* n_people */

  /* Stages whose tasks are done (few: scanned, not hashed) */
  gint64                *done_stage_ids;
  guint                  n_done_stages;

  /* Shares. Lines are the person rows, then one line per role slot; the
   * records of line l are records[line_records[line_offsets[l] …
   * line_offsets[l + 1] − 1]], in task list order. */
  guint                  n_lines;
  TaskRecord            *records;
  guint                  n_records;
  guint                 *line_offsets;
  guint                 *line_records;
  GArray               **share_arrays; /* n_lines × n_weeks, built on demand */
  GArray                *no_shares;    /* empty, shared by cells without tasks */
};

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

static inline guint
n_items (GListModel *model)
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
  guint n = n_items (people);
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

static inline gint
lookup_row (BatonCapacity *self,
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
  guint n = n_items (stages);

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
  guint n = n_items (time_off);
  guint span_days = self->n_weeks * 7;
  guint32 span_last = self->first_week + span_days - 1;
  g_autofree guint8 *marked = NULL;   /* n_people × span_days */

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonTimeOff) off = g_list_model_get_item (time_off, i);
      guint32 first = 0, last = 0;
      gboolean has_first, has_last;
      gint row = lookup_row (self, baton_time_off_get_person_id (off));

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

          if (*mark || !calendar_is_workday (&self->cal, day))
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
  guint n = n_items (tasks);
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
          row = lookup_row (self, assignee_id);
          if (row < 0)
            continue;
        }
      else if (role_id == 0)
        {
          continue;   /* nobody and no role: no one's demand */
        }

      if (!task_get_span (&self->cal, task, &span))
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

      spread_span (&self->cal, &span, (double) estimate,
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

static BatonCapacity *
capacity_compute (const BatonCapacitySettings *settings,
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
  calendar_init (&self->cal, settings);
  self->settings.first_weekday = self->cal.first_weekday;
  self->first_week = calendar_week_start (&self->cal, first_day);
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
  for (guint i = 0, n = n_items (input->roles); i < n; i++)
    {
      g_autoptr(BatonRole) role = g_list_model_get_item (input->roles, i);

      role_slot_lookup_or_add (self, record_id (role));
    }

  load_time_off (self, input->time_off);
  compute_capacity (self);

  if (with_shares)
    records = g_array_sized_new (FALSE, FALSE, sizeof (TaskRecord),
                                 MAX (n_items (input->tasks), 16));
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

  return capacity_compute (settings, input, first_day, n_weeks, NULL, TRUE);
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

  return lookup_row (self, person_id);
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

      spread_span (&self->cal, &record->span, record->estimate,
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

  row = lookup_row (self, baton_task_get_assignee_id (task));
  if (row < 0 || !task_get_span (&self->cal, task, &span))
    return FALSE;

  ctx.row = (guint) row;
  spread_span (&self->cal, &span, (double) baton_task_get_estimate_minutes (task),
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

  calendar_init (&cal, settings);
  if (!task_get_span (&cal, task, &span))
    return FALSE;

  spread_span (&cal, &span, (double) MAX (baton_task_get_estimate_minutes (task), 0),
               1, G_MAXUINT32, collect_week, &ctx);

  return TRUE;
}

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

      calendar_init (&cal, settings);
      week = calendar_week_start (&cal, today > 0 ? today : baton_date_today ());
      g_array_append_val (week_starts, week);
      g_array_append_val (minutes, estimate);
    }

  for (guint i = 0; i < minutes->len; i++)
    task_minutes += g_array_index (minutes, double, i);

  first = g_array_index (week_starts, guint32, 0);
  last = g_array_index (week_starts, guint32, week_starts->len - 1);
  matrix = capacity_compute (settings, input, first, (last - first) / 7 + 1, task, FALSE);

  role_id = baton_task_get_role_id (task);
  assignee_id = baton_task_get_assignee_id (task);

  if (role_id != 0)
    {
      holds_role = g_new0 (gboolean, MAX (matrix->n_people, 1));

      for (guint i = 0, n = n_items (input->person_roles); i < n; i++)
        {
          g_autoptr(BatonPersonRole) person_role = g_list_model_get_item (input->person_roles, i);
          gint row;

          if (baton_person_role_get_role_id (person_role) != role_id)
            continue;

          row = lookup_row (matrix, baton_person_role_get_person_id (person_role));
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
