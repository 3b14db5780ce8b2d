/* baton-capacity-private.h — what the capacity computation's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-capacity.h"

G_BEGIN_DECLS

/* Slack for comparing load ratios computed with doubles: a load that is
 * exactly the capacity (100 %) must not be over it because of rounding. */
#define RATIO_EPSILON 1e-9

typedef struct
{
  guint  mask;          /* bit (weekday − 1), Monday = bit 0 */
  guint  first_weekday; /* 1 = Monday … 7 = Sunday */
  guint  per_week;      /* working days in a week */
  /* count[w][n]: working days among n consecutive days starting on the
   * weekday w (0 = Monday), n = 0 … 7. */
  guint8 count[7][8];
} Calendar;

/* The days a task's estimate is spread over, and the day whose week takes
 * the whole estimate when those days hold no working day. */
typedef struct
{
  guint32 first;
  guint32 last;
  guint32 anchor;
} Span;

typedef void (*SpreadFunc) (guint32  week_start,
                            double   minutes,
                            gpointer user_data);

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

/* The working-day calendar (baton-capacity-calendar.c) */
void            _baton_calendar_init        (Calendar                    *cal,
                                             const BatonCapacitySettings *settings);
gboolean        _baton_calendar_is_workday  (const Calendar              *cal,
                                             guint32                      julian);
/* Working days in [@first, @last]. */
guint           _baton_calendar_count       (const Calendar              *cal,
                                             guint32                      first,
                                             guint32                      last);
guint32         _baton_calendar_week_start  (const Calendar              *cal,
                                             guint32                      julian);
/* FALSE: the task has no dates (unscheduled). */
gboolean        _baton_task_get_span        (const Calendar              *cal,
                                             BatonTask                   *task,
                                             Span                        *span);
/* Spreads @estimate over the working days of @span, once per week within
 * [@clip_first, @clip_last]; @clip_first must be a week start. */
void            _baton_spread_span          (const Calendar              *cal,
                                             const Span                  *span,
                                             double                       estimate,
                                             guint32                      clip_first,
                                             guint32                      clip_last,
                                             SpreadFunc                   func,
                                             gpointer                     user_data);

/* The matrix (baton-capacity.c) */
guint           _baton_capacity_n_items     (GListModel                  *model);
/* The row of @person_id, or -1. */
gint            _baton_capacity_lookup_row  (BatonCapacity               *self,
                                             gint64                       person_id);
/* baton_capacity_compute () leaving out @exclude, with or without the
 * tasks' shares of the cells. */
BatonCapacity  *_baton_capacity_compute_full (const BatonCapacitySettings *settings,
                                              const BatonCapacityInput    *input,
                                              guint32                      first_day,
                                              guint                        n_weeks,
                                              BatonTask                   *exclude,
                                              gboolean                     with_shares);

G_END_DECLS
