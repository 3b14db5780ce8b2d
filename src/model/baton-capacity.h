/* baton-capacity.h — load against capacity, people × weeks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pure computation: record list models in, a matrix out. No SQL, no GTK.
 * The rules are those of DESIGN.md ("Capacity rules").
 */
#pragma once

#include <gio/gio.h>

#include "baton-entities.h"

G_BEGIN_DECLS

typedef struct
{
  guint  workdays_mask;   /* bit (weekday - 1), Monday = bit 0; BATON_WORKDAYS_MON_FRI */
  guint  first_weekday;   /* 1 = Monday … 7 = Sunday */
  double high_threshold;  /* load ratio from which a cell is high, 0.85 */
  double over_threshold;  /* load ratio above which a cell is over, 1.0 */
} BatonCapacitySettings;

void baton_capacity_settings_init_default (BatonCapacitySettings *settings);

typedef enum
{
  BATON_LOAD_OK,
  BATON_LOAD_HIGH,
  BATON_LOAD_OVER,
} BatonLoadLevel;

/* The level of @load against @capacity (any unit) under @settings'
 * thresholds, as the matrix's cells get it. */
BatonLoadLevel baton_capacity_settings_get_level (const BatonCapacitySettings *settings,
                                                  double                       load,
                                                  double                       capacity);

/* The lists the computation reads (all from one BatonStore). */
typedef struct
{
  GListModel *people;        /* BatonPerson */
  GListModel *person_roles;  /* BatonPersonRole */
  GListModel *time_off;      /* BatonTimeOff */
  GListModel *tasks;         /* BatonTask */
  GListModel *stages;        /* BatonStage */
  GListModel *roles;         /* BatonRole */
} BatonCapacityInput;

/* One task's share of a cell. */
typedef struct
{
  BatonTask *task;     /* owned by the store */
  double     minutes;
} BatonCapacityShare;

typedef struct _BatonCapacity BatonCapacity;

#define BATON_TYPE_CAPACITY (baton_capacity_get_type ())
GType          baton_capacity_get_type (void) G_GNUC_CONST;

/* Computes the matrix for @n_weeks weeks starting with the week that holds
 * @first_day (a julian day). Rows are the non-archived people in the order
 * of @input->people. */
BatonCapacity *baton_capacity_compute       (const BatonCapacitySettings *settings,
                                             const BatonCapacityInput    *input,
                                             guint32                      first_day,
                                             guint                        n_weeks);
/* The weeks of @self from the one that holds @first_day, as if computed
 * for them alone; NULL when a week is outside @self. */
BatonCapacity *baton_capacity_slice         (BatonCapacity *self,
                                             guint32        first_day,
                                             guint          n_weeks);
BatonCapacity *baton_capacity_ref           (BatonCapacity *self);
void           baton_capacity_unref         (BatonCapacity *self);

guint          baton_capacity_get_n_people  (BatonCapacity *self);
guint          baton_capacity_get_n_weeks   (BatonCapacity *self);
guint32        baton_capacity_get_week_start (BatonCapacity *self,
                                             guint          week);
BatonPerson   *baton_capacity_get_person    (BatonCapacity *self,
                                             guint          row);
/* The row of a person, or -1 when not shown (archived or unknown). */
gint           baton_capacity_get_row       (BatonCapacity *self,
                                             gint64         person_id);
/* The week index holding @julian, or -1 outside the matrix. */
gint           baton_capacity_get_week_index (BatonCapacity *self,
                                             guint32        julian);

double         baton_capacity_get_load      (BatonCapacity *self,
                                             guint          row,
                                             guint          week);   /* minutes */
double         baton_capacity_get_capacity  (BatonCapacity *self,
                                             guint          row,
                                             guint          week);   /* minutes */
/* Working days off that week (time off on working days). */
guint          baton_capacity_get_days_off  (BatonCapacity *self,
                                             guint          row,
                                             guint          week);
BatonLoadLevel baton_capacity_get_level     (BatonCapacity *self,
                                             guint          row,
                                             guint          week);
/* The tasks behind a cell; array of BatonCapacityShare, do not free. */
GArray        *baton_capacity_get_shares    (BatonCapacity *self,
                                             guint          row,
                                             guint          week);
/* Estimate minutes of a person's active assigned tasks that have no dates. */
double         baton_capacity_get_unscheduled (BatonCapacity *self,
                                             guint          row);
/* Demand of active tasks with @role_id and no assignee in @week (minutes). */
double         baton_capacity_get_unassigned (BatonCapacity *self,
                                             gint64         role_id,
                                             guint          week);
GArray        *baton_capacity_get_unassigned_shares (BatonCapacity *self,
                                             gint64         role_id,
                                             guint          week);
/* Is a person over capacity in any week the task touches (within the matrix)? */
gboolean       baton_capacity_task_is_over  (BatonCapacity *self,
                                             BatonTask     *task);

/* How a task's estimate falls on weeks: fills @weeks (julian week starts)
 * and @minutes; returns FALSE for an unscheduled task. */
gboolean       baton_capacity_spread_task   (const BatonCapacitySettings *settings,
                                             BatonTask                   *task,
                                             GArray                      *week_starts,
                                             GArray                      *minutes);

/* "Who has room?" */
typedef struct
{
  BatonPerson *person;
  double       free_minutes;    /* capacity − load over the task's weeks, before taking it */
  double       load_after;      /* load over those weeks after taking it */
  double       capacity;        /* capacity over those weeks */
  gboolean     is_assignee;     /* holds the task now */
} BatonRoomCandidate;

/* People who hold @task's role (not archived), ranked by free minutes over
 * the weeks the task touches, most room first, ties by name. For a task
 * without dates the current week is used. Returns an array of
 * BatonRoomCandidate; free with g_array_unref (). */
GArray        *baton_capacity_who_has_room  (const BatonCapacitySettings *settings,
                                             const BatonCapacityInput    *input,
                                             BatonTask                   *task,
                                             guint32                      today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonCapacity, baton_capacity_unref)

G_END_DECLS
