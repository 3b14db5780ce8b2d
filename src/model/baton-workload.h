/* baton-workload.h — the one capacity state every view reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board's badges and people sidebar, the capacity grid, Who has room
 * — and later reports and rebalance — all need load against capacity for
 * the same store. A BatonWorkload computes it once for every week a reader
 * watches, again at low priority after the store changes (several changes
 * in a row give one computation), and says so with ::changed. A reader
 * that must be exact at once (a test, a drop) calls
 * baton_workload_update ().
 *
 * It also answers what a move would do to a cell (the drop preview's
 * arithmetic), so that the views only draw the answer.
 */
#pragma once

#include <gio/gio.h>

#include "baton-capacity.h"
#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_WORKLOAD (baton_workload_get_type ())
G_DECLARE_FINAL_TYPE (BatonWorkload, baton_workload, BATON, WORKLOAD, GObject)

BatonWorkload               *baton_workload_new            (BatonStore                  *store);
/* Points @input at @store's lists, for baton_capacity_compute (). */
void                         baton_workload_fill_input     (BatonStore                  *store,
                                                            BatonCapacityInput          *input);
BatonStore                  *baton_workload_get_store      (BatonWorkload               *self);

const BatonCapacitySettings *baton_workload_get_settings   (BatonWorkload               *self);
/* Recomputes at once when the settings differ. */
void                         baton_workload_set_settings   (BatonWorkload               *self,
                                                            const BatonCapacitySettings *settings);

/* Weeks a reader needs: the @n_weeks weeks from the week that holds
 * @first_day (a julian day). Returns an id for moving or dropping the
 * range. The capacity covers every range watched. */
guint                        baton_workload_watch_weeks    (BatonWorkload               *self,
                                                            guint32                      first_day,
                                                            guint                        n_weeks);
void                         baton_workload_move_weeks     (BatonWorkload               *self,
                                                            guint                        id,
                                                            guint32                      first_day,
                                                            guint                        n_weeks);
void                         baton_workload_unwatch_weeks  (BatonWorkload               *self,
                                                            guint                        id);

/* The current matrix (transfer none): computed now if there is none yet or
 * a watched week is outside it; otherwise possibly a moment behind the
 * store (see baton_workload_is_current ()). NULL while nothing is
 * watched. */
BatonCapacity               *baton_workload_get_capacity   (BatonWorkload               *self);
/* The weeks of range @id alone (a slice of the matrix, see
 * baton_capacity_slice ()), transfer full; computed now when a watched
 * week is outside the matrix. */
BatonCapacity               *baton_workload_get_weeks      (BatonWorkload               *self,
                                                            guint                        id);
/* baton_capacity_who_has_room () with this workload's store and settings. */
GArray                      *baton_workload_who_has_room   (BatonWorkload               *self,
                                                            BatonTask                   *task,
                                                            guint32                      today);
/* Whether the matrix reflects the store and the watched weeks. */
gboolean                     baton_workload_is_current     (BatonWorkload               *self);
/* Computes now if not current (and emits ::changed then). */
void                         baton_workload_update         (BatonWorkload               *self);

/* What a cell would show if a task moved. */
typedef struct
{
  double   before;      /* the cell's load now, minutes */
  double   after;       /* after the move */
  double   capacity;    /* the cell's capacity (0 for an Unassigned line) */
  gboolean over;        /* after the move the person is over the over threshold */
  gboolean role_ok;     /* the person holds the task's role (TRUE for no person or no role) */
} BatonCellChange;

/* The cell of @cell_person_id (0: the Unassigned line of @cell_role_id) in
 * the week that starts on @week_start, before and after @task moves to
 * @to_person_id (0: unassigned) and @shift_weeks weeks later (negative:
 * earlier). FALSE when that week is not in the matrix. */
gboolean                     baton_workload_preview_move   (BatonWorkload               *self,
                                                            BatonTask                   *task,
                                                            gint64                       to_person_id,
                                                            gint                         shift_weeks,
                                                            gint64                       cell_person_id,
                                                            gint64                       cell_role_id,
                                                            guint32                      week_start,
                                                            BatonCellChange             *change);

G_END_DECLS
