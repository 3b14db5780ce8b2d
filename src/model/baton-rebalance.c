/* baton-rebalance.c — proposing the moves that take people back under capacity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The horizon. The plan works on the capacity matrix of its weeks. A task
 * moves only when every week it touches, before and after the move, lies
 * inside the horizon: outside it nobody's load is known, so the "nobody
 * pushed over" rule could not be checked. Such a task stays, like a pinned
 * one, and its hours show up in the leftovers.
 *
 * The moves. A task of an over person either
 *  - moves whole weeks EARLIER for the same person (a reschedule within its
 *    slack): its working-day pattern and duration are kept, it never ends
 *    after its due date (moving later would) and never starts before today;
 *    only tasks with a due date are rescheduled;
 *  - or goes, with its dates, to another person who holds its role
 *    (primary or secondary), is not archived and stays at or under the
 *    over threshold in every week of the task. A task without a role is
 *    only rescheduled. Placeholder people hold their roles too, but are
 *    offered only when no real person holding the role has room.
 * A task moves at most once in a plan.
 *
 * The objective and its weights. Every candidate move is scored in minutes:
 *
 *   score = removed − W_kind − W_MINUTES × minutes moved
 *
 * where "removed" is the over-capacity the move removes (exactly: the drop
 * of the sum of everyone's minutes above the threshold; a move never adds
 * any, see the rules), W_kind is 0 for a reschedule (W_RESCHEDULE), 30 for
 * a reassignment to someone already on the task's program (W_PROGRAM), 60
 * for anyone else holding the role (W_OTHER), 240 for a placeholder
 * (W_PLACEHOLDER), and W_MINUTES = 0.05 prefers, among moves that remove
 * the same, the one that disturbs fewer hours (and so leaves room for
 * others). Among the people of one kind the least loaded over the task's
 * weeks (load after / capacity) is taken, ties by person id. A move is
 * made only when it removes something (removed > 0), whatever its score:
 * the weights order the moves, they never keep over-capacity in place.
 *
 * The algorithm: greedy, then chains. The over cells of the people to
 * relieve are taken in order (most over first, ties by person id, then
 * week); for each, while it is over, every movable task of that person in
 * that week is scored with its best move, and the best scoring move is
 * made (ties by task id). Taking the task that removes the most first is
 * what keeps the moves few; the cap of "removed" at the cell's own excess
 * (a task of 20 h does not remove more than the 12 h over) with the
 * W_MINUTES term picks the smallest task that clears a cell. A second pass
 * catches cells whose candidates only found room after later moves freed
 * someone. Then a repair pass for the cells still over tries chains of two
 * moves: a holder of the task's role who has no room for it first moves
 * one of their own tasks away (earlier for themselves, or to a holder of
 * that task's role who has room), one task that covers every week the
 * room is short; the chain is scored like a move, with both weights and
 * both tasks' minutes. In the benchmark's workspace the chains take the
 * share of the bound removed from 87 % to over 91 %.
 *
 * Why not min-cost flow or local search: flow over task × person × week
 * needs tasks to be splittable (they are not: a task moves whole) and an
 * integer program to be exact; local search costs many evaluations of the
 * whole plan. The greedy evaluates each candidate move in O(weeks of the
 * task) against the load matrix; the chains look only at tasks that could
 * cover the shortfall (the largest share of one task in each cell is kept,
 * and a holder is skipped when it is too small) and remember each task's
 * home until the next move. For 200 people × 26 weeks and 20,000 tasks
 * that is some tens of milliseconds (tests/bench-rebalance.c). Every order
 * is fixed by ids, so the same input gives the same plan.
 *
 * Moves that need others. A move may take room an earlier move made: the
 * second move of a chain, or a task landing in a week another move
 * emptied. Each move lists the earlier moves it needs: every move that
 * took minutes out of a cell it adds to, when the cell would not take its
 * minutes without them. Keeping a move with all it needs (and those with
 * theirs) then never pushes anyone over, whatever else is left out: the
 * panel unticks a move with any move it needs, and apply refuses a choice
 * that breaks a link.
 *
 * The bound ("removable"). Every move keeps the total load, which is the
 * sum over cells of the part under the threshold, min (load, threshold ×
 * capacity), plus the excess. So the excess a plan removes equals what
 * the part under the threshold gains, and only cells that were not over
 * can gain, each at most its room. Two bounds follow, and "removable" is
 * the smaller:
 *  (a) per over cell of the people to relieve, the least of its excess
 *      and the minutes in it of movable tasks (only taking such a task
 *      away lowers the cell), summed;
 *  (b) a maximum flow (Dinic's, exact, so sound as an upper bound) from
 *      each over cell, at most its excess (no plan removes more from a
 *      cell), through the minutes in it, per role, of its movable tasks,
 *      to the room of the cells that are not over, where minutes of week w
 *      may go to week w of anyone holding their role (a reassignment keeps
 *      the dates) or to an earlier week, from today's, of the same person
 *      (a reschedule). Minutes that land in any cell may also leave it
 *      again through the minutes there of its own movable tasks, of anyone
 *      (a chain of moves of any length: room made by moving a task away is
 *      room for another). The flow may split a task over people and weeks,
 *      which no plan can, so it is an upper bound for any plan of such
 *      moves, chains of any length included.
 * The property test checks before − after ≤ removable on 1,000 random
 * workspaces.
 */

#define G_LOG_DOMAIN "baton-rebalance"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "baton-rebalance.h"
#include "baton-dates.h"
#include "baton-duration.h"
#include "baton-record-private.h"

#define W_RESCHEDULE   0.0
#define W_PROGRAM      30.0
#define W_OTHER        60.0
#define W_PLACEHOLDER  240.0
#define W_MINUTES      0.05
#define EPSILON        0.01   /* minutes */

typedef enum
{
  KIND_NONE,
  KIND_RESCHEDULE,
  KIND_PROGRAM,
  KIND_OTHER,
  KIND_PLACEHOLDER,
} MoveKind;

typedef struct
{
  MoveKind kind;
  gint     to_row;
  gint     shift;     /* weeks, ≤ 0 */
  double   removed;
  double   score;
} Option;

/* One assigned, active task inside the horizon. */
typedef struct
{
  BatonTask *task;
  gint       row;         /* its assignee's row */
  guint      first;       /* offset into Ctx.weeks / Ctx.mins */
  guint      n;           /* weeks it touches */
  guint32    start_day;   /* the first day it may be said to start: its start, or its due week's start */
  gboolean   movable;     /* may be moved at all */
  gboolean   moved;
  /* find_home ()'s answer, while Ctx.generation and the row avoided are the same */
  guint      home_generation;
  gint       home_avoid;
  Option     home;
} Item;

typedef struct
{
  const BatonCapacitySettings *settings;
  BatonCapacity *matrix;
  guint       n_rows;
  guint       n_weeks;
  guint32     today;
  gint        today_week;    /* may be < 0 (today before the horizon) */
  double     *load;          /* n_rows × n_weeks */
  double     *cap;
  GArray     *items;         /* Item */
  GArray     *weeks;         /* gint, week index of each item's weeks */
  GArray     *mins;          /* double */
  GPtrArray **row_items;     /* per row: item indices (GUINT_TO_POINTER) */
  guint      *cell_start;    /* per cell: its items are cell_items[cell_start[key] .. cell_start[key + 1]) */
  guint      *cell_items;
  double     *cell_max;      /* per cell: the most minutes one movable task not yet moved has in it */
  GHashTable *role_rows;     /* role id → GArray of gint rows, by person id */
  GHashTable *program_rows;  /* program id → GHashTable set of rows + 1 */
  GHashTable *role_names;    /* role id → const char * */
  GHashTable *primary_role;  /* person id → role id */
  guint       generation;    /* counts the moves made, from 1 */
  double     *reduced;       /* per cell: the minutes moves took out of it */
  GArray    **reducers;      /* per cell: NULL or the indices of those moves */
} Ctx;

static inline double
over_of (Ctx   *ctx,
         double load,
         double cap)
{
  if (baton_capacity_settings_get_level (ctx->settings, load, cap) != BATON_LOAD_OVER)
    return 0;
  return MAX (0, load - cap * ctx->settings->over_threshold);
}

static inline double
cell_over (Ctx  *ctx,
           guint row,
           guint week)
{
  guint k = row * ctx->n_weeks + week;

  return over_of (ctx, ctx->load[k], ctx->cap[k]);
}

static inline gboolean
fits (Ctx   *ctx,
      guint  row,
      guint  week,
      double load)
{
  guint k = row * ctx->n_weeks + week;

  return baton_capacity_settings_get_level (ctx->settings, load, ctx->cap[k]) != BATON_LOAD_OVER;
}

static gboolean
is_done_stage (GHashTable *done,
               BatonTask  *task)
{
  return g_hash_table_contains (done, &(gint64) { baton_task_get_stage_id (task) });
}

static void
ctx_clear (Ctx *ctx)
{
  g_clear_pointer (&ctx->matrix, baton_capacity_unref);
  g_clear_pointer (&ctx->load, g_free);
  g_clear_pointer (&ctx->cap, g_free);
  g_clear_pointer (&ctx->items, g_array_unref);
  g_clear_pointer (&ctx->weeks, g_array_unref);
  g_clear_pointer (&ctx->mins, g_array_unref);
  if (ctx->row_items != NULL)
    {
      for (guint r = 0; r < ctx->n_rows; r++)
        g_ptr_array_unref (ctx->row_items[r]);
      g_clear_pointer (&ctx->row_items, g_free);
    }
  g_clear_pointer (&ctx->cell_start, g_free);
  g_clear_pointer (&ctx->cell_items, g_free);
  g_clear_pointer (&ctx->cell_max, g_free);
  g_clear_pointer (&ctx->reduced, g_free);
  if (ctx->reducers != NULL)
    {
      for (guint key = 0; key < ctx->n_rows * ctx->n_weeks; key++)
        g_clear_pointer (&ctx->reducers[key], g_array_unref);
      g_clear_pointer (&ctx->reducers, g_free);
    }
  g_clear_pointer (&ctx->role_rows, g_hash_table_unref);
  g_clear_pointer (&ctx->program_rows, g_hash_table_unref);
  g_clear_pointer (&ctx->role_names, g_hash_table_unref);
  g_clear_pointer (&ctx->primary_role, g_hash_table_unref);
}

static gint
compare_rows_by_id (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  BatonCapacity *matrix = user_data;
  gint64 ia = baton_record_get_id (BATON_RECORD (baton_capacity_get_person (matrix, *(const gint *) a)));
  gint64 ib = baton_record_get_id (BATON_RECORD (baton_capacity_get_person (matrix, *(const gint *) b)));

  return (ia > ib) - (ia < ib);
}

/* The minutes of @item in week @week, or 0. */
static double
item_min_in (Ctx  *ctx,
             Item *item,
             gint  week)
{
  const gint *weeks = &g_array_index (ctx->weeks, gint, item->first);
  const double *mins = &g_array_index (ctx->mins, double, item->first);

  /* Its weeks increase, and most often follow each other. */
  if (week < weeks[0] || week > weeks[item->n - 1])
    return 0;
  if ((guint) (week - weeks[0]) < item->n && weeks[week - weeks[0]] == week)
    return mins[week - weeks[0]];
  for (guint k = 0; k < item->n; k++)
    if (weeks[k] == week)
      return mins[k];
  return 0;
}

static void
update_cell_max (Ctx   *ctx,
                 guint  key)
{
  double most = 0;

  for (guint i = ctx->cell_start[key]; i < ctx->cell_start[key + 1]; i++)
    {
      Item *item = &g_array_index (ctx->items, Item, ctx->cell_items[i]);

      if (item->movable && !item->moved)
        most = MAX (most, item_min_in (ctx, item, key % ctx->n_weeks));
    }
  ctx->cell_max[key] = most;
}

static void
ctx_init (Ctx                         *ctx,
          const BatonCapacitySettings *settings,
          const BatonCapacityInput    *input,
          guint32                      first_day,
          guint                        n_weeks,
          guint32                      today)
{
  g_autoptr(GHashTable) done = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) minutes = g_array_new (FALSE, FALSE, sizeof (double));
  guint n;

  memset (ctx, 0, sizeof *ctx);
  ctx->settings = settings;
  ctx->generation = 1;
  ctx->matrix = baton_capacity_compute (settings, input, first_day, n_weeks);
  ctx->n_rows = baton_capacity_get_n_people (ctx->matrix);
  ctx->n_weeks = baton_capacity_get_n_weeks (ctx->matrix);
  ctx->today = today;
  ctx->load = g_new0 (double, (gsize) ctx->n_rows * ctx->n_weeks + 1);
  ctx->reduced = g_new0 (double, (gsize) ctx->n_rows * ctx->n_weeks + 1);
  ctx->reducers = g_new0 (GArray *, (gsize) ctx->n_rows * ctx->n_weeks + 1);
  ctx->cap = g_new0 (double, (gsize) ctx->n_rows * ctx->n_weeks + 1);
  for (guint r = 0; r < ctx->n_rows; r++)
    for (guint w = 0; w < ctx->n_weeks; w++)
      {
        ctx->load[r * ctx->n_weeks + w] = baton_capacity_get_load (ctx->matrix, r, w);
        ctx->cap[r * ctx->n_weeks + w] = baton_capacity_get_capacity (ctx->matrix, r, w);
      }
  {
    guint32 today_start = baton_date_week_start (today, settings->first_weekday);
    guint32 first = ctx->n_weeks > 0 ? baton_capacity_get_week_start (ctx->matrix, 0) : today_start;

    ctx->today_week = ((gint64) today_start - (gint64) first) / 7;
  }

  /* Stages that are done; role names; roles held. */
  n = input->stages ? g_list_model_get_n_items (input->stages) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (input->stages, i);

      if (baton_stage_get_is_done (stage))
        g_hash_table_add (done, g_memdup2 (&(gint64) { baton_record_get_id (BATON_RECORD (stage)) }, sizeof (gint64)));
    }

  ctx->role_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  n = input->roles ? g_list_model_get_n_items (input->roles) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonRole) role = g_list_model_get_item (input->roles, i);

      /* The role stays alive in the input list. */
      g_hash_table_insert (ctx->role_names,
                           g_memdup2 (&(gint64) { baton_record_get_id (BATON_RECORD (role)) }, sizeof (gint64)),
                           (gpointer) baton_role_get_name (role));
    }

  ctx->role_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  ctx->primary_role = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  n = input->person_roles ? g_list_model_get_n_items (input->person_roles) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonPersonRole) pr = g_list_model_get_item (input->person_roles, i);
      gint64 role_id = baton_person_role_get_role_id (pr);
      gint row = baton_capacity_get_row (ctx->matrix, baton_person_role_get_person_id (pr));
      GArray *rows;

      if (baton_person_role_get_is_primary (pr))
        g_hash_table_insert (ctx->primary_role,
                             g_memdup2 (&(gint64) { baton_person_role_get_person_id (pr) }, sizeof (gint64)),
                             g_memdup2 (&role_id, sizeof role_id));
      if (row < 0)
        continue;
      if (!(rows = g_hash_table_lookup (ctx->role_rows, &role_id)))
        {
          rows = g_array_new (FALSE, FALSE, sizeof (gint));
          g_hash_table_insert (ctx->role_rows, g_memdup2 (&role_id, sizeof role_id), rows);
        }
      g_array_append_val (rows, row);
    }
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, ctx->role_rows);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_array_sort_with_data (value, compare_rows_by_id, ctx->matrix);
  }

  /* The tasks. */
  ctx->items = g_array_new (FALSE, TRUE, sizeof (Item));
  ctx->weeks = g_array_new (FALSE, FALSE, sizeof (gint));
  ctx->mins = g_array_new (FALSE, FALSE, sizeof (double));
  ctx->row_items = g_new0 (GPtrArray *, ctx->n_rows + 1);
  for (guint r = 0; r < ctx->n_rows; r++)
    ctx->row_items[r] = g_ptr_array_new ();
  ctx->program_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_hash_table_unref);

  n = input->tasks ? g_list_model_get_n_items (input->tasks) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (input->tasks, i);
      gint row;
      Item item = { 0 };
      gboolean inside = TRUE;

      if (baton_task_get_archived (task) || is_done_stage (done, task))
        continue;
      if (baton_task_get_assignee_id (task) == 0 || baton_task_get_estimate_minutes (task) <= 0)
        continue;
      if ((row = baton_capacity_get_row (ctx->matrix, baton_task_get_assignee_id (task))) < 0)
        continue;

      /* Someone already on the program. */
      if (baton_task_get_program_id (task) != 0)
        {
          gint64 program_id = baton_task_get_program_id (task);
          GHashTable *set = g_hash_table_lookup (ctx->program_rows, &program_id);

          if (set == NULL)
            {
              set = g_hash_table_new (NULL, NULL);
              g_hash_table_insert (ctx->program_rows, g_memdup2 (&program_id, sizeof program_id), set);
            }
          g_hash_table_add (set, GINT_TO_POINTER (row + 1));
        }

      g_array_set_size (starts, 0);
      g_array_set_size (minutes, 0);
      if (!baton_capacity_spread_task (settings, task, starts, minutes))
        continue;

      item.task = task;   /* the input list holds it */
      item.row = row;
      item.first = ctx->weeks->len;
      for (guint k = 0; k < starts->len; k++)
        {
          gint w = baton_capacity_get_week_index (ctx->matrix, g_array_index (starts, guint32, k));
          double m = g_array_index (minutes, double, k);

          if (w < 0)
            {
              inside = FALSE;
              continue;
            }
          if (m <= 0)
            continue;
          g_array_append_val (ctx->weeks, w);
          g_array_append_val (ctx->mins, m);
        }
      item.n = ctx->weeks->len - item.first;
      if (item.n == 0)
        continue;
      item.start_day = baton_task_get_start_day (task);
      if (item.start_day == 0)
        item.start_day = baton_date_week_start (baton_task_get_due_day (task), settings->first_weekday);
      item.movable = inside && !baton_task_get_pinned (task);
      g_ptr_array_add (ctx->row_items[row], GUINT_TO_POINTER (ctx->items->len));
      g_array_append_val (ctx->items, item);
    }

  /* The items of each cell, for the chains. */
  {
    guint n_cells = ctx->n_rows * ctx->n_weeks;
    g_autofree guint *fill = g_new0 (guint, n_cells + 1);

    ctx->cell_start = g_new0 (guint, n_cells + 2);
    ctx->cell_items = g_new (guint, ctx->weeks->len + 1);
    for (guint i = 0; i < ctx->items->len; i++)
      {
        Item *item = &g_array_index (ctx->items, Item, i);

        for (guint k = 0; k < item->n; k++)
          ctx->cell_start[item->row * ctx->n_weeks + g_array_index (ctx->weeks, gint, item->first + k) + 1]++;
      }
    for (guint key = 0; key < n_cells; key++)
      ctx->cell_start[key + 1] += ctx->cell_start[key];
    for (guint i = 0; i < ctx->items->len; i++)
      {
        Item *item = &g_array_index (ctx->items, Item, i);

        for (guint k = 0; k < item->n; k++)
          {
            guint key = item->row * ctx->n_weeks + g_array_index (ctx->weeks, gint, item->first + k);

            ctx->cell_items[ctx->cell_start[key] + fill[key]++] = i;
          }
      }
    ctx->cell_max = g_new0 (double, n_cells + 1);
    for (guint key = 0; key < n_cells; key++)
      update_cell_max (ctx, key);
  }
}

static inline gint
item_week (Ctx  *ctx,
           Item *item,
           guint k)
{
  return g_array_index (ctx->weeks, gint, item->first + k);
}

static inline double
item_min (Ctx  *ctx,
          Item *item,
          guint k)
{
  return g_array_index (ctx->mins, double, item->first + k);
}

static gint64
row_person_id (Ctx *ctx,
               gint row)
{
  return baton_record_get_id (BATON_RECORD (baton_capacity_get_person (ctx->matrix, row)));
}

/* Over-capacity removed from @item's row when the item leaves it. */
static double
removed_by_leaving (Ctx  *ctx,
                    Item *item)
{
  double removed = 0;

  for (guint k = 0; k < item->n; k++)
    {
      guint key = item->row * ctx->n_weeks + item_week (ctx, item, k);
      double before = over_of (ctx, ctx->load[key], ctx->cap[key]);
      double after = over_of (ctx, ctx->load[key] - item_min (ctx, item, k), ctx->cap[key]);

      removed += before - after;
    }
  return removed;
}

/* The over-capacity removed by shifting @item @shift weeks for the same
 * person, or a negative number when a week would go over. */
static double
removed_by_shift (Ctx  *ctx,
                  Item *item,
                  gint  shift)
{
  double delta[64];
  gint lo, hi;
  double removed = 0;

  lo = item_week (ctx, item, 0) + shift;
  hi = item_week (ctx, item, item->n - 1);
  if (hi - lo + 1 > (gint) G_N_ELEMENTS (delta))
    return -1;
  memset (delta, 0, sizeof delta);
  for (guint k = 0; k < item->n; k++)
    {
      delta[item_week (ctx, item, k) - lo] -= item_min (ctx, item, k);
      delta[item_week (ctx, item, k) + shift - lo] += item_min (ctx, item, k);
    }
  for (gint w = lo; w <= hi; w++)
    {
      guint key = item->row * ctx->n_weeks + w;
      double d = delta[w - lo];

      if (d > EPSILON && !fits (ctx, item->row, w, ctx->load[key] + d))
        return -1;
      removed += over_of (ctx, ctx->load[key], ctx->cap[key]) - over_of (ctx, ctx->load[key] + d, ctx->cap[key]);
    }
  return removed;
}

static gboolean
row_takes (Ctx  *ctx,
           Item *item,
           gint  row,
           double *ratio)
{
  double load = 0, cap = 0;

  for (guint k = 0; k < item->n; k++)
    {
      guint w = item_week (ctx, item, k);
      guint key = row * ctx->n_weeks + w;
      double after = ctx->load[key] + item_min (ctx, item, k);

      if (!fits (ctx, row, w, after))
        return FALSE;
      load += after;
      cap += ctx->cap[key];
    }
  *ratio = cap > 0 ? load / cap : G_MAXDOUBLE;
  return TRUE;
}

static double
item_minutes (Ctx  *ctx,
              Item *item)
{
  double total = 0;

  for (guint k = 0; k < item->n; k++)
    total += item_min (ctx, item, k);
  return total;
}

static gboolean
row_is_placeholder (Ctx *ctx,
                    gint row)
{
  return baton_person_get_placeholder (baton_capacity_get_person (ctx->matrix, row));
}

static const double kind_weight[] = { 0, W_RESCHEDULE, W_PROGRAM, W_OTHER, W_PLACEHOLDER };

/* What a reassignment of @item to @row is: to a placeholder, to someone
 * on its program, or to anyone else holding its role. */
static MoveKind
row_kind (Ctx  *ctx,
          Item *item,
          gint  row)
{
  gint64 program_id = baton_task_get_program_id (item->task);
  GHashTable *on_program = program_id ? g_hash_table_lookup (ctx->program_rows, &program_id) : NULL;

  if (row_is_placeholder (ctx, row))
    return KIND_PLACEHOLDER;
  if (on_program != NULL && g_hash_table_contains (on_program, GINT_TO_POINTER (row + 1)))
    return KIND_PROGRAM;
  return KIND_OTHER;
}

/* Per kind, the least loaded holder of @item's role who takes it (not its
 * own row, nor @avoid), or −1. Rows come by person id: strictly less
 * loaded wins. */
static void
best_holders (Ctx  *ctx,
              Item *item,
              gint  avoid,
              gint  best_row[KIND_PLACEHOLDER + 1])
{
  gint64 role_id = baton_task_get_role_id (item->task);
  GArray *rows = role_id != 0 ? g_hash_table_lookup (ctx->role_rows, &role_id) : NULL;
  double best_ratio[KIND_PLACEHOLDER + 1] = { 0 };

  for (guint k = 0; k <= KIND_PLACEHOLDER; k++)
    best_row[k] = -1;
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      gint row = g_array_index (rows, gint, i);
      MoveKind kind;
      double ratio;

      if (row == item->row || row == avoid || !row_takes (ctx, item, row, &ratio))
        continue;
      kind = row_kind (ctx, item, row);
      if (best_row[kind] < 0 || ratio < best_ratio[kind] - 1e-12)
        {
          best_row[kind] = row;
          best_ratio[kind] = ratio;
        }
    }
}

/* The best move for @item, or KIND_NONE. */
static Option
best_option (Ctx  *ctx,
             Item *item)
{
  Option best = { KIND_NONE, -1, 0, 0, -G_MAXDOUBLE };
  double minutes = item_minutes (ctx, item);
  gint64 role_id = baton_task_get_role_id (item->task);
  double removed;

  /* Reschedule: whole weeks earlier, not before today, inside the horizon. */
  if (baton_task_get_due_day (item->task) != 0)
    {
      for (gint shift = -1; item_week (ctx, item, 0) + shift >= 0; shift--)
        {
          if ((gint64) item->start_day + 7 * shift < (gint64) ctx->today)
            break;
          removed = removed_by_shift (ctx, item, shift);
          if (removed > EPSILON)
            {
              double score = removed - W_RESCHEDULE - W_MINUTES * minutes;

              /* Strictly better only: the nearest shift wins ties. */
              if (score > best.score + 1e-9)
                best = (Option) { KIND_RESCHEDULE, item->row, shift, removed, score };
            }
        }
    }

  /* Reassign to a holder of the role. */
  if (role_id != 0 && (removed = removed_by_leaving (ctx, item)) > EPSILON)
    {
      gint best_row[KIND_PLACEHOLDER + 1];

      best_holders (ctx, item, -1, best_row);
      for (MoveKind kind = KIND_PROGRAM; kind <= KIND_PLACEHOLDER; kind++)
        {
          double score;

          if (best_row[kind] < 0)
            continue;
          /* A placeholder only when no real person has room. */
          if (kind == KIND_PLACEHOLDER && (best_row[KIND_PROGRAM] >= 0 || best_row[KIND_OTHER] >= 0))
            continue;
          score = removed - kind_weight[kind] - W_MINUTES * minutes;
          if (score > best.score + 1e-9)
            best = (Option) { kind, best_row[kind], 0, removed, score };
        }
    }

  return best;
}

/* Chains ------------------------------------------------------------------ */

/* Adds (sign 1) or takes back (sign −1) @item moved to @row, @shift weeks. */
static void
shift_load (Ctx    *ctx,
            Item   *item,
            gint    row,
            gint    shift,
            double  sign)
{
  for (guint k = 0; k < item->n; k++)
    {
      gint w = item_week (ctx, item, k);

      ctx->load[item->row * ctx->n_weeks + w] -= sign * item_min (ctx, item, k);
      ctx->load[row * ctx->n_weeks + w + shift] += sign * item_min (ctx, item, k);
    }
}

/* The over-capacity of the rows @a and @b (once when equal) in the weeks
 * from @lo to @hi. */
static double
over_in (Ctx  *ctx,
         gint  a,
         gint  b,
         gint  lo,
         gint  hi)
{
  double total = 0;

  for (gint w = MAX (lo, 0); w <= hi && w < (gint) ctx->n_weeks; w++)
    {
      total += cell_over (ctx, a, w);
      if (b != a)
        total += cell_over (ctx, b, w);
    }
  return total;
}

/* Somewhere @item fits, away from its row and not onto @avoid: the nearest
 * earlier weeks for the same person, else the least loaded holder of its
 * role on its program, else anyone holding it, else a placeholder; with the
 * weight of that kind, or KIND_NONE. */
static Option
find_home_uncached (Ctx  *ctx,
                    Item *item,
                    gint  avoid)
{
  Option home = { KIND_NONE, -1, 0, 0, 0 };
  gint64 role_id = baton_task_get_role_id (item->task);

  if (baton_task_get_due_day (item->task) != 0)
    for (gint shift = -1; item_week (ctx, item, 0) + shift >= 0; shift--)
      {
        if ((gint64) item->start_day + 7 * shift < (gint64) ctx->today)
          break;
        if (removed_by_shift (ctx, item, shift) >= 0)
          return (Option) { KIND_RESCHEDULE, item->row, shift, 0, W_RESCHEDULE };
      }

  if (role_id != 0)
    {
      gint best_row[KIND_PLACEHOLDER + 1];

      best_holders (ctx, item, avoid, best_row);
      for (MoveKind kind = KIND_PROGRAM; kind <= KIND_PLACEHOLDER; kind++)
        if (best_row[kind] >= 0)
          return (Option) { kind, best_row[kind], 0, 0, kind_weight[kind] };
    }

  return home;
}

/* find_home_uncached () remembered until the next move: the cells that stay
 * over ask again for the same tasks. */
static Option
find_home (Ctx  *ctx,
           Item *item,
           gint  avoid)
{
  if (item->home_generation != ctx->generation || item->home_avoid != avoid)
    {
      item->home = find_home_uncached (ctx, item, avoid);
      item->home_generation = ctx->generation;
      item->home_avoid = avoid;
    }
  return item->home;
}

typedef struct
{
  Item   *item;       /* the task that relieves the over cell */
  Option  option;     /* its move, onto a holder without room */
  Item   *maker;      /* the holder's task that moves first, making the room */
  Option  making;     /* its move */
  double  score;
} Chain;

/* The best chain for @item: a holder of its role who has no room for it
 * gets room by moving one of their own tasks first, to somewhere it fits
 * (find_home). The holder's task must cover every week where @item does
 * not fit, with at least the minutes missing there. Scored like a move,
 * with both moves' weights and minutes. */
static gboolean
best_chain (Ctx    *ctx,
            Item   *item,
            double  to_beat,
            Chain  *best)
{
  gint64 role_id = baton_task_get_role_id (item->task);
  GArray *rows = role_id != 0 ? g_hash_table_lookup (ctx->role_rows, &role_id) : NULL;
  double minutes = item_minutes (ctx, item);
  gint lo = item_week (ctx, item, 0), hi = item_week (ctx, item, item->n - 1);
  gboolean found = FALSE;
  double leaving = removed_by_leaving (ctx, item);

  if (rows == NULL || leaving <= EPSILON)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      gint row = g_array_index (rows, gint, i);
      double missing[64];
      gint first_short = -1;
      MoveKind kind;

      if (row == item->row || item->n > G_N_ELEMENTS (missing))
        continue;
      /* What is missing in each of the task's weeks. */
      for (guint k = 0; k < item->n; k++)
        {
          guint w = item_week (ctx, item, k);
          guint key = row * ctx->n_weeks + w;

          missing[k] = 0;
          if (!fits (ctx, row, w, ctx->load[key] + item_min (ctx, item, k)))
            {
              missing[k] = ctx->load[key] + item_min (ctx, item, k) - ctx->cap[key] * ctx->settings->over_threshold;
              if (first_short < 0)
                first_short = w;
            }
        }
      if (first_short < 0)
        continue;   /* fits as it is: a plain move, not a chain */
      /* No single task of theirs could make the room. */
      for (guint k = 0; k < item->n && first_short >= 0; k++)
        if (missing[k] > 0 && ctx->cell_max[row * ctx->n_weeks + item_week (ctx, item, k)] < missing[k])
          first_short = -1;
      if (first_short < 0)
        continue;
      kind = row_kind (ctx, item, row);

      /* The holder's tasks in the first week short of room. */
      for (guint j = ctx->cell_start[row * ctx->n_weeks + first_short];
           j < ctx->cell_start[row * ctx->n_weeks + first_short + 1]; j++)
        {
          Item *maker = &g_array_index (ctx->items, Item, ctx->cell_items[j]);
          gboolean covers = TRUE;
          Option making, option;
          double before, after, score;
          gint mlo, mhi;

          if (!maker->movable || maker->moved || maker == item)
            continue;
          /* The most this chain could score: it removes at most what the
           * task leaving removes, and its maker's move weighs ≥ 0. */
          {
            double most = leaving - kind_weight[kind] - W_MINUTES * (minutes + item_minutes (ctx, maker));

            if (most <= to_beat + 1e-9 || (found && most <= best->score + 1e-9))
              continue;
          }
          for (guint k = 0; k < item->n && covers; k++)
            if (missing[k] > 0)
              covers = item_min_in (ctx, maker, item_week (ctx, item, k)) >= missing[k];
          if (!covers)
            continue;
          making = find_home (ctx, maker, item->row);
          if (making.kind == KIND_NONE)
            continue;

          /* Make the room, see that the task now fits, measure, undo. */
          mlo = MIN (lo, item_week (ctx, maker, 0) + making.shift);
          mhi = MAX (hi, item_week (ctx, maker, maker->n - 1));
          before = over_in (ctx, item->row, row, mlo, mhi) +
                   (making.to_row != row ? over_in (ctx, making.to_row, making.to_row, mlo, mhi) : 0);
          shift_load (ctx, maker, making.to_row, making.shift, 1);
          {
            double ratio;
            gboolean takes = row_takes (ctx, item, row, &ratio);

            if (takes)
              {
                shift_load (ctx, item, row, 0, 1);
                after = over_in (ctx, item->row, row, mlo, mhi) +
                        (making.to_row != row ? over_in (ctx, making.to_row, making.to_row, mlo, mhi) : 0);
                shift_load (ctx, item, row, 0, -1);
              }
            shift_load (ctx, maker, making.to_row, making.shift, -1);
            if (!takes)
              continue;
          }
          if (before - after <= EPSILON)
            continue;
          {
            score = (before - after) - kind_weight[kind] - making.score
                    - W_MINUTES * (minutes + item_minutes (ctx, maker));
            option = (Option) { kind, row, 0, before - after, score };
          }
          if (!found || score > best->score + 1e-9)
            {
              *best = (Chain) { item, option, maker, making, score };
              found = TRUE;
            }
        }
    }
  return found;
}

/* Formatting ------------------------------------------------------------ */

static char *
hours (double minutes)
{
  return baton_duration_format_hours (MAX (0, minutes));
}

static char *
format_day (guint32 julian)
{
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  if (julian == 0 || !g_date_valid_julian (julian))
    return g_strdup ("—");
  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  /* Translators: a due date in a proposed move, GDateTime format: “Dec 18”
   * (the same as on the cards) */
  return g_date_time_format (time, _("%b %-d"));
}

static const char *
role_name (Ctx   *ctx,
           gint64 role_id)
{
  const char *name = g_hash_table_lookup (ctx->role_names, &role_id);

  return name != NULL ? name : "";
}

static const char *
row_name (Ctx *ctx,
          gint row)
{
  return baton_person_get_name (baton_capacity_get_person (ctx->matrix, row));
}

static void
move_free (gpointer data)
{
  BatonRebalanceMove *move = data;

  g_clear_object (&move->task);
  g_free (move->start_date);
  g_free (move->due_date);
  g_free (move->from_start_date);
  g_free (move->from_due_date);
  g_free (move->updated_at);
  g_free (move->explanation);
  g_free (move->needs);
  g_free (move);
}

static void
leftover_free (gpointer data)
{
  BatonRebalanceLeftover *leftover = data;

  g_free (leftover->explanation);
  g_free (leftover);
}

static char *
shift_iso (const char *date,
           gint        days)
{
  guint32 julian;

  if (date == NULL || !baton_date_parse (date, &julian))
    return NULL;
  return baton_date_format (julian + days);
}

static gint
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

/* Applies @option to the load matrix and returns the move, explained;
 * @index is where it goes in the plan. */
static BatonRebalanceMove *
make_move (Ctx    *ctx,
           Item   *item,
           Option *option,
           guint   index)
{
  BatonRebalanceMove *move = g_new0 (BatonRebalanceMove, 1);
  BatonTask *task = item->task;
  g_autofree char *due = format_day (baton_task_get_due_day (task));
  guint peak = 0;
  gint from_week;
  double from_before, from_after;

  move->task = g_object_ref (task);
  move->from_person_id = row_person_id (ctx, item->row);
  move->to_person_id = row_person_id (ctx, option->to_row);
  move->from_start_date = g_strdup (baton_task_get_start_date (task));
  move->from_due_date = g_strdup (baton_task_get_due_date (task));
  move->updated_at = g_strdup (baton_task_get_updated_at (task));
  move->from_estimate_minutes = baton_task_get_estimate_minutes (task);
  move->start_date = shift_iso (baton_task_get_start_date (task), 7 * option->shift);
  move->due_date = shift_iso (baton_task_get_due_date (task), 7 * option->shift);
  move->minutes = item_minutes (ctx, item);

  /* The most affected week: the task's largest share. */
  for (guint k = 1; k < item->n; k++)
    if (item_min (ctx, item, k) > item_min (ctx, item, peak) + 1e-9)
      peak = k;
  from_week = item_week (ctx, item, peak);
  from_before = ctx->load[item->row * ctx->n_weeks + from_week];

  /* Apply, cell by cell. A cell that goes up, which would not take the
   * minutes without what earlier moves took out of it, makes this move
   * need those moves; one that goes down records this move as one that
   * made room. */
  {
    g_autofree guint *keys = g_new (guint, 2 * item->n);
    g_autofree double *deltas = g_new (double, 2 * item->n);
    guint n_cells = 0;
    g_autoptr(GArray) needs = g_array_new (FALSE, FALSE, sizeof (guint));

    for (guint k = 0; k < item->n; k++)
      {
        gint w = item_week (ctx, item, k);
        guint pair[2] = { item->row * ctx->n_weeks + w, option->to_row * ctx->n_weeks + w + option->shift };
        double change[2] = { -item_min (ctx, item, k), item_min (ctx, item, k) };

        for (guint side = 0; side < 2; side++)
          {
            guint c = 0;

            while (c < n_cells && keys[c] != pair[side])
              c++;
            if (c == n_cells)
              {
                keys[n_cells] = pair[side];
                deltas[n_cells++] = 0;
              }
            deltas[c] += change[side];
          }
      }
    for (guint c = 0; c < n_cells; c++)
      {
        guint key = keys[c];

        if (deltas[c] > EPSILON && ctx->reducers[key] != NULL &&
            !fits (ctx, key / ctx->n_weeks, key % ctx->n_weeks, ctx->load[key] + ctx->reduced[key] + deltas[c]))
          for (guint i = 0; i < ctx->reducers[key]->len; i++)
            {
              guint needed = g_array_index (ctx->reducers[key], guint, i);
              gboolean known = FALSE;

              for (guint j = 0; j < needs->len && !known; j++)
                known = g_array_index (needs, guint, j) == needed;
              if (!known)
                g_array_append_val (needs, needed);
            }
        if (deltas[c] < -EPSILON)
          {
            if (ctx->reducers[key] == NULL)
              ctx->reducers[key] = g_array_new (FALSE, FALSE, sizeof (guint));
            g_array_append_val (ctx->reducers[key], index);
            ctx->reduced[key] -= deltas[c];
          }
        ctx->load[key] += deltas[c];
      }
    g_array_sort (needs, compare_uint);
    move->n_needs = needs->len;
    move->needs = (guint *) (gpointer) g_array_free (g_steal_pointer (&needs), FALSE);
  }
  from_after = ctx->load[item->row * ctx->n_weeks + from_week];
  item->moved = TRUE;
  ctx->generation++;
  for (guint k = 0; k < item->n; k++)
    update_cell_max (ctx, item->row * ctx->n_weeks + item_week (ctx, item, k));

  if (option->kind == KIND_RESCHEDULE)
    {
      gint to_week = from_week + option->shift;
      guint32 to_start = baton_capacity_get_week_start (ctx->matrix, to_week);
      g_autofree char *a = hours (from_before);
      g_autofree char *b = hours (from_after);
      g_autofree char *c = hours (ctx->load[item->row * ctx->n_weeks + to_week] - item_min (ctx, item, peak));
      g_autofree char *d = hours (ctx->load[item->row * ctx->n_weeks + to_week]);
      g_autofree char *new_due = format_day (baton_task_get_due_day (task) + 7 * option->shift);
      guint weeks = (guint) -option->shift;
      g_autofree char *earlier = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u week earlier", "%u weeks earlier", weeks), weeks);

      /* Translators: a proposed move of a task to earlier weeks for the
       * same person: "Alice 52 → 40 h in week 50, 30 → 42 h in week 48,
       * 2 weeks earlier, due Dec 18 → Dec 4" */
      move->explanation = g_strdup_printf (_("%s %s → %s h in week %u, %s → %s h in week %u, %s, due %s → %s"),
                                           row_name (ctx, item->row), a, b,
                                           baton_date_iso_week (baton_capacity_get_week_start (ctx->matrix, from_week)),
                                           c, d, baton_date_iso_week (to_start),
                                           earlier, due, new_due);
    }
  else
    {
      guint key = option->to_row * ctx->n_weeks + from_week;
      g_autofree char *a = hours (from_before);
      g_autofree char *b = hours (from_after);
      g_autofree char *c = hours (ctx->load[key] - item_min (ctx, item, peak));
      g_autofree char *d = hours (ctx->load[key]);

      if (option->kind == KIND_PLACEHOLDER)
        /* Translators: a proposed reassignment to a placeholder person:
         * "Alice 52 → 40 h, Writer TBD 0 → 12 h: no one else holding
         * Writer has room, due Dec 18 kept" */
        move->explanation = g_strdup_printf (_("%s %s → %s h, %s %s → %s h: no one else holding %s has room, due %s kept"),
                                             row_name (ctx, item->row), a, b,
                                             row_name (ctx, option->to_row), c, d,
                                             role_name (ctx, baton_task_get_role_id (task)), due);
      else if (option->kind == KIND_PROGRAM)
        /* Translators: a proposed reassignment: "Alice 52 → 40 h, Bob
         * 12 → 24 h, same role, on the program, due Dec 18 kept" */
        move->explanation = g_strdup_printf (_("%s %s → %s h, %s %s → %s h, same role, on the program, due %s kept"),
                                             row_name (ctx, item->row), a, b,
                                             row_name (ctx, option->to_row), c, d, due);
      else
        /* Translators: a proposed reassignment: "Alice 52 → 40 h, Bob
         * 12 → 24 h, same role, due Dec 18 kept" */
        move->explanation = g_strdup_printf (_("%s %s → %s h, %s %s → %s h, same role, due %s kept"),
                                             row_name (ctx, item->row), a, b,
                                             row_name (ctx, option->to_row), c, d, due);
    }

  return move;
}

typedef struct
{
  guint  row;
  guint  week;
  double over;
  gint64 person_id;
} Cell;

static gint
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const Cell *x = a, *y = b;

  if (x->over != y->over)
    return x->over > y->over ? -1 : 1;
  if (x->person_id != y->person_id)
    return x->person_id < y->person_id ? -1 : 1;
  return (x->week > y->week) - (x->week < y->week);
}

/* The flow bound of the source's comment ------------------------------ */

typedef struct
{
  guint  from;
  guint  to;
  double cap;
} FlowEdge;

/* Edges 2i and 2i + 1 are an edge and its reverse; once built, the edges
 * leaving node u are order[start[u] .. start[u + 1]). */
typedef struct
{
  GArray *edges;     /* FlowEdge */
  guint   n_nodes;
  guint  *start;
  guint  *order;
  gint   *level;
  guint  *next;
  guint  *queue;
} Flow;

static void
flow_init (Flow  *flow,
           guint  n_nodes)
{
  memset (flow, 0, sizeof *flow);
  flow->edges = g_array_sized_new (FALSE, FALSE, sizeof (FlowEdge), 8 * n_nodes);
  flow->n_nodes = n_nodes;
  flow->level = g_new (gint, n_nodes);
  flow->next = g_new (guint, n_nodes);
  flow->queue = g_new (guint, n_nodes);
  flow->start = g_new0 (guint, n_nodes + 1);
}

static void
flow_clear (Flow *flow)
{
  g_array_unref (flow->edges);
  g_free (flow->start);
  g_free (flow->order);
  g_free (flow->level);
  g_free (flow->next);
  g_free (flow->queue);
}

static void
flow_add (Flow   *flow,
          guint   from,
          guint   to,
          double  cap)
{
  FlowEdge forward = { from, to, cap };
  FlowEdge backward = { to, from, 0 };

  g_array_append_val (flow->edges, forward);
  g_array_append_val (flow->edges, backward);
}

static void
flow_build (Flow *flow)
{
  guint m = flow->edges->len;
  g_autofree guint *fill = g_new0 (guint, flow->n_nodes + 1);

  flow->order = g_new (guint, m + 1);
  for (guint i = 0; i < m; i++)
    flow->start[g_array_index (flow->edges, FlowEdge, i).from + 1]++;
  for (guint u = 0; u < flow->n_nodes; u++)
    flow->start[u + 1] += flow->start[u];
  for (guint i = 0; i < m; i++)
    {
      guint u = g_array_index (flow->edges, FlowEdge, i).from;

      flow->order[flow->start[u] + fill[u]++] = i;
    }
}

static gboolean
flow_levels (Flow *flow,
             guint source,
             guint sink)
{
  FlowEdge *edges = (FlowEdge *) (gpointer) flow->edges->data;
  guint head = 0, tail = 0;

  for (guint i = 0; i < flow->n_nodes; i++)
    flow->level[i] = -1;
  flow->level[source] = 0;
  flow->queue[tail++] = source;
  while (head < tail)
    {
      guint u = flow->queue[head++];

      for (guint k = flow->start[u]; k < flow->start[u + 1]; k++)
        {
          FlowEdge *e = &edges[flow->order[k]];

          if (e->cap > 1e-9 && flow->level[e->to] < 0)
            {
              flow->level[e->to] = flow->level[u] + 1;
              flow->queue[tail++] = e->to;
            }
        }
    }
  return flow->level[sink] >= 0;
}

static double
flow_push (Flow   *flow,
           guint   u,
           guint   sink,
           double  pushed)
{
  FlowEdge *edges = (FlowEdge *) (gpointer) flow->edges->data;

  if (u == sink)
    return pushed;
  for (; flow->next[u] < flow->start[u + 1]; flow->next[u]++)
    {
      guint index = flow->order[flow->next[u]];
      FlowEdge *e = &edges[index];

      if (e->cap > 1e-9 && flow->level[e->to] == flow->level[u] + 1)
        {
          double got = flow_push (flow, e->to, sink, MIN (pushed, e->cap));

          if (got > 1e-9)
            {
              e->cap -= got;
              edges[index ^ 1].cap += got;
              return got;
            }
        }
    }
  return 0;
}

/* Dinic's maximum flow: an exact maximum, so an upper bound is sound. */
static double
flow_max (Flow *flow,
          guint source,
          guint sink)
{
  double total = 0;

  flow_build (flow);
  while (flow_levels (flow, source, sink))
    {
      double got;

      memcpy (flow->next, flow->start, flow->n_nodes * sizeof (guint));
      while ((got = flow_push (flow, source, sink, G_MAXDOUBLE)) > 1e-9)
        total += got;
    }
  return total;
}

/* The most over-capacity moves could remove from the over cells in
 * @targets: a maximum flow from each of them (at most its excess) through
 * the minutes in it, per role, of its movable tasks, to the cells that are
 * not over (each its room under the threshold), where minutes in week w
 * may go to week w of a holder of their role (a reassignment keeps the
 * dates) or to an earlier week, from today's, of the same person (a
 * reschedule), and may leave any cell again through its own movable
 * tasks (a chain). */
typedef struct
{
  guint    key;        /* the cell */
  gint64   role_id;
  gpointer held_key;   /* the role's key in Ctx.role_rows, NULL: nobody holds it */
  double   minutes;
  gboolean dated;
} Supply;

static gint
compare_supply (gconstpointer a,
                gconstpointer b)
{
  const Supply *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return (x->role_id > y->role_id) - (x->role_id < y->role_id);
}

static double
flow_bound (Ctx    *ctx,
            GArray *targets)
{
  guint n_cells = ctx->n_rows * ctx->n_weeks;
  g_autofree guint8 *over = g_new0 (guint8, n_cells + 1);
  g_autoptr(GArray) supplies = g_array_new (FALSE, FALSE, sizeof (Supply));
  Flow flow;
  guint source = 3 * n_cells, sink = 3 * n_cells + 1;
  guint n_supply = 0;
  double result;
  g_autoptr(GHashTable) role_index = g_hash_table_new (NULL, NULL);   /* held_key → index */
  guint hubs;

  for (guint c = 0; c < targets->len; c++)
    {
      Cell *cell = &g_array_index (targets, Cell, c);

      over[cell->row * ctx->n_weeks + cell->week] = 1;
    }

  /* Supply: the minutes of every movable task, per cell and role. */
  for (guint i = 0; i < ctx->items->len; i++)
    {
      Item *item = &g_array_index (ctx->items, Item, i);
      gint64 role_id = baton_task_get_role_id (item->task);
      gpointer held_key = NULL;

      if (!item->movable)
        continue;
      if (role_id != 0)
        g_hash_table_lookup_extended (ctx->role_rows, &role_id, &held_key, NULL);
      /* All its minutes: those in over cells remove over-capacity when
       * they leave; those in other cells make room there when the task
       * moves, room that a chain of moves may fill. */
      for (guint k = 0; k < item->n; k++)
        {
          Supply supply = {
            item->row * ctx->n_weeks + item_week (ctx, item, k),
            role_id, held_key, item_min (ctx, item, k),
            baton_task_get_due_day (item->task) != 0,
          };

          g_array_append_val (supplies, supply);
        }
    }
  g_array_sort (supplies, compare_supply);
  for (guint i = 0; i < supplies->len; i++)
    {
      Supply *in = &g_array_index (supplies, Supply, i);

      if (n_supply > 0 && compare_supply (&g_array_index (supplies, Supply, n_supply - 1), in) == 0)
        {
          Supply *merged = &g_array_index (supplies, Supply, n_supply - 1);

          merged->minutes += in->minutes;
          merged->dated |= in->dated;
        }
      else
        g_array_index (supplies, Supply, n_supply++) = *in;
    }

  /* Nodes: n_cells + key, the room of cell key; 2 n_cells + key, "week
   * key or earlier, from today's", a chain that gives the reschedules
   * O(1) edges; 3 n_cells + 2 + i, the minutes of supply i; after them,
   * 3 n_cells + 2 + n_supply + key, the over cell key: no plan removes
   * more from a cell than its excess, however many minutes leave it. */
  /* And after those, 4 n_cells + 2 + n_supply + role × n_weeks + week: the
   * week of everyone holding a role, a hub that gives the reassignments
   * O(holders) edges per role and week instead of per supply. Its own
   * person is among them, which adds no flow: minutes back into their own
   * cell only go round. */
  {
    GHashTableIter iter;
    gpointer key;
    guint n_roles = 0;

    g_hash_table_iter_init (&iter, ctx->role_rows);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_hash_table_insert (role_index, key, GUINT_TO_POINTER (n_roles++));
    hubs = 4 * n_cells + 2 + n_supply;
    flow_init (&flow, hubs + n_roles * ctx->n_weeks);
    g_hash_table_iter_init (&iter, ctx->role_rows);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        GArray *holders = g_hash_table_lookup (ctx->role_rows, key);
        guint r = GPOINTER_TO_UINT (g_hash_table_lookup (role_index, key));

        for (guint w = 0; w < ctx->n_weeks; w++)
          for (guint h = 0; h < holders->len; h++)
            flow_add (&flow, hubs + r * ctx->n_weeks + w,
                      n_cells + g_array_index (holders, gint, h) * ctx->n_weeks + w, G_MAXDOUBLE);
      }
  }
  for (guint key = 0; key < n_cells; key++)
    if (over[key])
      {
        flow_add (&flow, source, 3 * n_cells + 2 + n_supply + key,
                  over_of (ctx, ctx->load[key], ctx->cap[key]));
        /* Minutes may also land in an over cell that other moves relieve
         * (a chain): they must then leave it again through its own tasks. */
        flow_add (&flow, n_cells + key, 3 * n_cells + 2 + n_supply + key, G_MAXDOUBLE);
      }
  for (guint key = 0; key < n_cells; key++)
    {
      guint week = key % ctx->n_weeks;
      double room = ctx->cap[key] * ctx->settings->over_threshold - ctx->load[key];

      if (room > 1e-9 && baton_capacity_settings_get_level (ctx->settings, ctx->load[key], ctx->cap[key]) != BATON_LOAD_OVER)
        flow_add (&flow, n_cells + key, sink, room);
      if ((gint) week < MAX (0, ctx->today_week))
        continue;
      flow_add (&flow, 2 * n_cells + key, n_cells + key, G_MAXDOUBLE);
      if ((gint) week > MAX (0, ctx->today_week))
        flow_add (&flow, 2 * n_cells + key, 2 * n_cells + key - 1, G_MAXDOUBLE);
    }
  for (guint i = 0; i < n_supply; i++)
    {
      Supply *supply = &g_array_index (supplies, Supply, i);
      guint node = 3 * n_cells + 2 + i;
      guint week = supply->key % ctx->n_weeks;

      /* Out of an over cell, at most its excess; out of another cell,
       * only minutes that came in (a chain through it). */
      flow_add (&flow, over[supply->key] ? 3 * n_cells + 2 + n_supply + supply->key : n_cells + supply->key,
                node, supply->minutes);
      /* Reschedules: earlier weeks of the same person, from today's. */
      if (supply->dated && (gint) week > MAX (0, ctx->today_week))
        flow_add (&flow, node, 2 * n_cells + supply->key - 1, G_MAXDOUBLE);
      /* Reassignments: the same week of a holder of the role. */
      if (supply->held_key != NULL)
        flow_add (&flow, node,
                  hubs + GPOINTER_TO_UINT (g_hash_table_lookup (role_index, supply->held_key)) * ctx->n_weeks + week,
                  G_MAXDOUBLE);
    }

  result = flow_max (&flow, source, sink);
  flow_clear (&flow);
  return result;
}

BatonRebalancePlan *
baton_rebalance_propose (const BatonCapacitySettings *settings,
                         const BatonCapacityInput    *input,
                         guint32                      first_day,
                         guint                        n_weeks,
                         guint32                      today,
                         gint64                       person_id)
{
  BatonRebalancePlan *plan;
  Ctx ctx;
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (Cell));
  g_autofree double *movable = NULL;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (input != NULL, NULL);

  ctx_init (&ctx, settings, input, first_day, n_weeks, today);

  plan = g_new0 (BatonRebalancePlan, 1);
  plan->first_week = ctx.n_weeks > 0 ? baton_capacity_get_week_start (ctx.matrix, 0) : 0;
  plan->n_weeks = ctx.n_weeks;
  plan->moves = g_ptr_array_new_with_free_func (move_free);
  plan->leftovers = g_ptr_array_new_with_free_func (leftover_free);

  /* Movable minutes per cell, for the bound. */
  movable = g_new0 (double, (gsize) ctx.n_rows * ctx.n_weeks + 1);
  for (guint i = 0; i < ctx.items->len; i++)
    {
      Item *item = &g_array_index (ctx.items, Item, i);

      if (item->movable)
        for (guint k = 0; k < item->n; k++)
          movable[item->row * ctx.n_weeks + item_week (&ctx, item, k)] += item_min (&ctx, item, k);
    }

  for (guint r = 0; r < ctx.n_rows; r++)
    for (guint w = 0; w < ctx.n_weeks; w++)
      {
        double over = cell_over (&ctx, r, w);
        gint64 id = row_person_id (&ctx, r);

        plan->overload_before += over;
        if (over > EPSILON && (person_id == 0 || id == person_id))
          {
            Cell cell = { r, w, over, id };

            g_array_append_val (cells, cell);
            plan->removable += MIN (over, movable[r * ctx.n_weeks + w]);
          }
      }
  g_array_sort (cells, compare_cells);
  if (cells->len > 0)
    plan->removable = MIN (plan->removable, flow_bound (&ctx, cells));

  for (guint pass = 0; pass < 2; pass++)
    for (guint c = 0; c < cells->len; c++)
      {
        Cell *cell = &g_array_index (cells, Cell, c);
        guint key = cell->row * ctx.n_weeks + cell->week;

        while (cell_over (&ctx, cell->row, cell->week) > EPSILON)
          {
            Item *best_item = NULL;
            Option best = { KIND_NONE, -1, 0, 0, -G_MAXDOUBLE };

            for (guint i = ctx.cell_start[key]; i < ctx.cell_start[key + 1]; i++)
              {
                Item *item = &g_array_index (ctx.items, Item, ctx.cell_items[i]);
                Option option;

                if (!item->movable || item->moved)
                  continue;
                option = best_option (&ctx, item);
                if (option.kind == KIND_NONE)
                  continue;
                if (best_item == NULL || option.score > best.score + 1e-9 ||
                    (option.score > best.score - 1e-9 &&
                     baton_record_get_id (BATON_RECORD (item->task)) < baton_record_get_id (BATON_RECORD (best_item->task))))
                  {
                    best_item = item;
                    best = option;
                  }
              }
            if (best_item == NULL)
              break;
            g_ptr_array_add (plan->moves, make_move (&ctx, best_item, &best, plan->moves->len));
          }
      }

  /* Repair: cells still over, where a holder makes room first. */
  for (guint pass = 0; pass < 1; pass++)
    for (guint c = 0; c < cells->len; c++)
      {
        Cell *cell = &g_array_index (cells, Cell, c);
        guint key = cell->row * ctx.n_weeks + cell->week;

        while (cell_over (&ctx, cell->row, cell->week) > EPSILON)
          {
            Chain best = { NULL }, chain;
            BatonRebalanceMove *move;

            for (guint i = ctx.cell_start[key]; i < ctx.cell_start[key + 1]; i++)
              {
                Item *item = &g_array_index (ctx.items, Item, ctx.cell_items[i]);

                if (!item->movable || item->moved ||
                    !best_chain (&ctx, item, best.item != NULL ? best.score - 1e-6 : -G_MAXDOUBLE, &chain))
                  continue;
                if (best.item == NULL || chain.score > best.score + 1e-9 ||
                    (chain.score > best.score - 1e-9 &&
                     baton_record_get_id (BATON_RECORD (item->task)) < baton_record_get_id (BATON_RECORD (best.item->task))))
                  best = chain;
              }
            if (best.item == NULL)
              break;
            move = make_move (&ctx, best.maker, &best.making, plan->moves->len);
            {
              char *plain = move->explanation;

              /* Translators: a move made to give another one room: "Bob
               * 30 → 20 h, Carol 10 → 20 h, same role, due Dec 18 kept,
               * making room for “Storyboard module 2”" */
              move->explanation = g_strdup_printf (_("%s, making room for “%s”"), plain,
                                                   baton_task_get_title (best.item->task));
              g_free (plain);
            }
            g_ptr_array_add (plan->moves, move);
            move = make_move (&ctx, best.item, &best.option, plan->moves->len);
            g_ptr_array_add (plan->moves, move);
          }
      }

  /* What is left, said plainly. */
  for (guint r = 0; r < ctx.n_rows; r++)
    for (guint w = 0; w < ctx.n_weeks; w++)
      {
        double over = cell_over (&ctx, r, w);
        gint64 id = row_person_id (&ctx, r);

        plan->overload_after += over;
        if (over > EPSILON && (person_id == 0 || id == person_id))
          {
            BatonRebalanceLeftover *leftover = g_new0 (BatonRebalanceLeftover, 1);
            guint week_no = baton_date_iso_week (baton_capacity_get_week_start (ctx.matrix, w));
            g_autofree char *h = hours (over);
            gboolean any_movable = FALSE;
            gint64 role_id = 0;
            gint64 *primary = g_hash_table_lookup (ctx.primary_role, &id);

            for (guint i = 0; i < ctx.row_items[r]->len && !any_movable; i++)
              {
                Item *item = &g_array_index (ctx.items, Item, GPOINTER_TO_UINT (g_ptr_array_index (ctx.row_items[r], i)));

                if (!item->movable || item->moved)
                  continue;
                for (guint k = 0; k < item->n; k++)
                  if (item_week (&ctx, item, k) == (gint) w)
                    {
                      any_movable = TRUE;
                      role_id = baton_task_get_role_id (item->task);
                    }
              }
            if (role_id == 0 && primary != NULL)
              role_id = *primary;

            leftover->person_id = id;
            leftover->week_start = baton_capacity_get_week_start (ctx.matrix, w);
            leftover->minutes = over;
            if (any_movable && role_id != 0)
              /* Translators: "No Writer has room in week 51: 12 h can't be
               * placed before the due date" */
              leftover->explanation = g_strdup_printf (_("No %s has room in week %u: %s h can’t be placed before the due date"),
                                                       role_name (&ctx, role_id), week_no, h);
            else if (any_movable)
              /* Translators: "Alice has no room in week 51: 12 h can't be
               * placed before the due date" */
              leftover->explanation = g_strdup_printf (_("%s has no room in week %u: %s h can’t be placed before the due date"),
                                                       row_name (&ctx, r), week_no, h);
            else
              /* Translators: "Alice stays 12 h over in week 51: …" */
              leftover->explanation = g_strdup_printf (_("%s stays %s h over in week %u: none of those tasks can move (done, pinned, without dates or reaching outside these weeks)"),
                                                       row_name (&ctx, r), h, week_no);
            g_ptr_array_add (plan->leftovers, leftover);
          }
      }

  ctx_clear (&ctx);
  return plan;
}

void
baton_rebalance_plan_free (BatonRebalancePlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->moves, g_ptr_array_unref);
  g_clear_pointer (&plan->leftovers, g_ptr_array_unref);
  g_free (plan);
}

/* A copy of @task, not in any store, with another assignee and dates. */
static BatonTask *
moved_copy (BatonRebalanceMove *move)
{
  const BatonRecordSchema *schema = baton_task_schema ();
  BatonTask *copy = _baton_record_new (BATON_TYPE_TASK, "archived", FALSE, NULL);

  _baton_record_set_id (BATON_RECORD (copy), baton_record_get_id (BATON_RECORD (move->task)));
  for (guint f = 0; f < schema->n_fields; f++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      baton_record_get_field_value (BATON_RECORD (move->task), &schema->fields[f], &value);
      _baton_record_set_field_value (BATON_RECORD (copy), &schema->fields[f], &value);
    }
  _baton_record_set (copy,
                     "assignee-id", move->to_person_id,
                     "start-date", move->start_date,
                     "due-date", move->due_date,
                     NULL);
  return copy;
}

BatonCapacity *
baton_rebalance_preview (const BatonCapacitySettings *settings,
                         const BatonCapacityInput    *input,
                         BatonRebalancePlan          *plan,
                         const gboolean              *chosen)
{
  g_autoptr(GHashTable) replaced = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_autoptr(GListStore) tasks = g_list_store_new (BATON_TYPE_TASK);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  BatonCapacityInput virtual;
  guint n;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; i < plan->moves->len; i++)
    {
      BatonRebalanceMove *move = g_ptr_array_index (plan->moves, i);

      if (chosen == NULL || chosen[i])
        g_hash_table_insert (replaced, move->task, moved_copy (move));
    }

  n = input->tasks ? g_list_model_get_n_items (input->tasks) : 0;
  for (guint i = 0; i < n; i++)
    {
      BatonTask *task = g_list_model_get_item (input->tasks, i);
      BatonTask *copy = g_hash_table_lookup (replaced, task);

      if (copy != NULL)
        {
          g_ptr_array_add (all, g_object_ref (copy));
          g_object_unref (task);
        }
      else
        g_ptr_array_add (all, task);
    }
  g_list_store_splice (tasks, 0, 0, all->pdata, all->len);

  virtual = *input;
  virtual.tasks = G_LIST_MODEL (tasks);
  return baton_capacity_compute (settings, &virtual, plan->first_week, plan->n_weeks);
}

gboolean
baton_rebalance_apply (BatonStore          *store,
                       BatonRebalancePlan  *plan,
                       const gboolean      *chosen,
                       GError             **error)
{
  g_autoptr(GArray) moves = g_array_new (FALSE, TRUE, sizeof (BatonTaskMove));
  g_autofree char *label = NULL;

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < plan->moves->len; i++)
    {
      BatonRebalanceMove *move = g_ptr_array_index (plan->moves, i);
      BatonTaskMove task_move = {
        .task = move->task,
        .updated_at = move->updated_at,
        .from_assignee_id = move->from_person_id,
        .from_start_date = move->from_start_date,
        .from_due_date = move->from_due_date,
        .from_estimate_minutes = move->from_estimate_minutes,
        .assignee_id = move->to_person_id,
        .start_date = move->start_date,
        .due_date = move->due_date,
      };

      for (guint n = 0; chosen != NULL && chosen[i] && n < move->n_needs; n++)
        if (!chosen[move->needs[n]])
          {
            BatonRebalanceMove *needed = g_ptr_array_index (plan->moves, move->needs[n]);

            /* Translators: applying a plan where a move is ticked without
             * one that makes room for it */
            g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                         _("“%s” can only move together with “%s”, which makes room for it"),
                         baton_task_get_title (move->task), baton_task_get_title (needed->task));
            return FALSE;
          }
      if (chosen == NULL || chosen[i])
        g_array_append_val (moves, task_move);
    }

  /* Translators: the undo label of applying a rebalance plan */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Rebalance (%u move)", "Rebalance (%u moves)", moves->len),
                           moves->len);
  return baton_store_move_tasks (store, (BatonTaskMove *) (gpointer) moves->data, moves->len, label, error);
}
