/* baton-rebalance.h — proposing the moves that take people back under capacity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pure computation, like baton-capacity.h: record lists in, a plan out.
 * The plan is a short list of explained moves (reassign a task, or move it
 * to other weeks, or both) that removes as much over-capacity as the hard
 * rules allow, and says plainly what it cannot place.
 *
 * Hard rules (a plan never breaks one):
 *  - the new assignee holds the task's role (primary or secondary) and is
 *    not archived; a placeholder person counts as holding their role;
 *  - no task ends after its due date; tasks without dates are not moved;
 *  - done, archived and pinned tasks never move;
 *  - time off is respected (the capacity computation already counts it);
 *  - no move takes anyone above the over threshold in any week;
 *  - a task that reaches outside the horizon is not moved (nobody's load
 *    is known there, so the rule above could not be checked).
 *
 * See baton-rebalance.c for the objective, its weights, the algorithm and
 * the bound.
 */

#pragma once

#include <gio/gio.h>

#include "baton-capacity.h"
#include "baton-store.h"

G_BEGIN_DECLS

typedef struct
{
  BatonTask *task;            /* a reference */
  gint64     from_person_id;  /* the assignee now */
  gint64     to_person_id;    /* the assignee after (the same for a reschedule) */
  char      *start_date;      /* the dates after, ISO; equal to the task's when unchanged */
  char      *due_date;
  double     minutes;         /* the task's estimate, the load that moves */
  char      *explanation;     /* one translated line: "Alice 52 → 40 h, Bob 12 → 24 h,
                               * same role, due 18 Dec kept" */
  /* What the task was when planned: applying refuses a task that changed. */
  char      *from_start_date;
  char      *from_due_date;
  char      *updated_at;
  gint64     from_estimate_minutes;
  /* The indices in the plan of earlier moves that make the room this one
   * takes: without all of them, it would push someone over. */
  guint     *needs;
  guint      n_needs;
} BatonRebalanceMove;

/* Over-capacity the plan leaves, said plainly. */
typedef struct
{
  gint64   person_id;         /* who stays over */
  guint32  week_start;        /* julian */
  double   minutes;           /* over the threshold after the plan */
  char    *explanation;       /* "No Writer has room in week 51: 12 h can't be
                               * placed before the due date" */
} BatonRebalanceLeftover;

typedef struct
{
  guint32    first_week;      /* the horizon: week starts */
  guint      n_weeks;
  GPtrArray *moves;           /* BatonRebalanceMove*, in the order they were chosen */
  GPtrArray *leftovers;       /* BatonRebalanceLeftover* */
  double     overload_before; /* minutes above the over threshold, all people and weeks of the horizon */
  double     overload_after;  /* the same after every move */
  double     removable;       /* an upper bound of what any plan could remove
                               * without breaking a hard rule (see the source) */
} BatonRebalancePlan;

/* The plan for the @n_weeks weeks from the one holding @first_day. With
 * @person_id non-zero, only that person's over-capacity is relieved (the
 * moves may still involve others). The same input gives the same plan. */
BatonRebalancePlan *baton_rebalance_propose         (const BatonCapacitySettings *settings,
                                                     const BatonCapacityInput    *input,
                                                     guint32                      first_day,
                                                     guint                        n_weeks,
                                                     guint32                      today,
                                                     gint64                       person_id);
void                baton_rebalance_plan_free       (BatonRebalancePlan          *plan);

/* The capacity matrix of the plan's horizon as it would be with the moves
 * whose @chosen entry is TRUE (@chosen: one gboolean per move, NULL: all).
 * The moves were chosen in order, each on the loads the earlier ones left:
 * the whole plan keeps the rules, but leaving a move out may leave a later
 * one taking room that move was to free. The preview shows such a cell
 * over; baton_rebalance_propose () again gives a plan for what is kept. */
BatonCapacity      *baton_rebalance_preview         (const BatonCapacitySettings *settings,
                                                     const BatonCapacityInput    *input,
                                                     BatonRebalancePlan          *plan,
                                                     const gboolean              *chosen);

/* Applies the chosen moves through baton_store_move_tasks (): one
 * transaction, one undo step ("Rebalance (3 moves)"), the activity log
 * written. Fails with BATON_STORE_ERROR_STALE, changing nothing, when a
 * task changed since the plan was made (its updated-at, assignee, dates or
 * estimate). With no move chosen it changes nothing and returns TRUE. */
gboolean            baton_rebalance_apply           (BatonStore                  *store,
                                                     BatonRebalancePlan          *plan,
                                                     const gboolean              *chosen,
                                                     GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonRebalancePlan, baton_rebalance_plan_free)

G_END_DECLS
