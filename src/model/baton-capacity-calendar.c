/* baton-capacity-calendar.c — working days, and spreading a task's estimate
 * over them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-capacity"

#include "config.h"

#include "baton-capacity-private.h"
#include "baton-dates.h"

/* ------------------------------------------------------------------ */
/* Working-day calendar                                                */
/* ------------------------------------------------------------------ */

void
_baton_calendar_init (Calendar                    *cal,
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

gboolean
_baton_calendar_is_workday (const Calendar *cal,
                            guint32         julian)
{
  return (cal->mask & (1u << ((julian - 1) % 7))) != 0;
}

/* Working days from @first to @last, both included. */
guint
_baton_calendar_count (const Calendar *cal,
                       guint32         first,
                       guint32         last)
{
  guint32 n_days;

  if (last < first)
    return 0;

  n_days = last - first + 1;
  return (n_days / 7) * cal->per_week + cal->count[(first - 1) % 7][n_days % 7];
}

guint32
_baton_calendar_week_start (const Calendar *cal,
                            guint32         julian)
{
  guint offset = ((julian - 1) % 7 + 8 - cal->first_weekday) % 7;

  return julian > offset ? julian - offset : 1;
}

/* ------------------------------------------------------------------ */
/* Spreading one task                                                  */
/* ------------------------------------------------------------------ */

gboolean
_baton_task_get_span (const Calendar *cal,
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
      span->first = _baton_calendar_week_start (cal, span->anchor);
      span->last = span->first + 6;
    }
  else
    {
      return FALSE;   /* unscheduled */
    }

  return TRUE;
}

/* Spreads @estimate evenly over the working days of @span, calling @func
 * once per week (week start, minutes) whose days fall within
 * [@clip_first, @clip_last]; @clip_first must be a week start. Only the
 * weeks that receive working days are reported. */
void
_baton_spread_span (const Calendar *cal,
                    const Span     *span,
                    double          estimate,
                    guint32         clip_first,
                    guint32         clip_last,
                    SpreadFunc      func,
                    gpointer        user_data)
{
  guint total = _baton_calendar_count (cal, span->first, span->last);
  guint32 lo, hi;

  if (total == 0)
    {
      /* No working day in the range: the whole estimate goes to the due
       * date's week (the anchor's week). */
      guint32 week = _baton_calendar_week_start (cal, span->anchor);

      if (week >= clip_first && week <= clip_last)
        func (week, estimate, user_data);
      return;
    }

  lo = MAX (span->first, clip_first);
  hi = MIN (span->last, clip_last);
  if (lo > hi)
    return;

  for (guint32 week = _baton_calendar_week_start (cal, lo); week <= hi; week += 7)
    {
      guint n = _baton_calendar_count (cal, MAX (week, lo), MIN (week + 6, hi));

      /* estimate × n / total rather than a per-day figure × n: exact
       * whenever the estimate divides evenly. */
      if (n > 0)
        func (week, estimate * n / total, user_data);
    }
}
