/* baton-capacity-slice.c — some of a matrix's weeks as a matrix of their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One computation serves readers that show different weeks (the board its
 * few weeks around today, the grid the weeks it scrolled to): the matrix
 * covers all of them, and each reader takes a slice of exactly its weeks.
 * A slice answers every question as a matrix computed for those weeks
 * alone would, at the cost of copying its columns, not of computing them.
 */

#define G_LOG_DOMAIN "baton-capacity"

#include "config.h"

#include <string.h>

#include "baton-capacity-private.h"

static void
copy_columns (gpointer       dest,
              gconstpointer  src,
              gsize          element_size,
              guint          n_lines,
              guint          src_weeks,
              guint          first,
              guint          n_weeks)
{
  for (guint line = 0; line < n_lines; line++)
    memcpy ((char *) dest + (gsize) line * n_weeks * element_size,
            (const char *) src + ((gsize) line * src_weeks + first) * element_size,
            n_weeks * element_size);
}

/**
 * baton_capacity_slice:
 * @self: a matrix
 * @first_day: a julian day in the first week of the slice
 * @n_weeks: weeks in the slice, at least 1
 *
 * The weeks of @self from the one that holds @first_day: the same people,
 * loads, capacities, days off, unassigned demand and shares as
 * baton_capacity_compute () would give for those weeks from the same
 * input. Every week must be in @self.
 *
 * Returns: (transfer full) (nullable): the slice (@self itself, with a new
 *   reference, when it is those weeks), or %NULL when a week is outside
 *   @self
 */
BatonCapacity *
baton_capacity_slice (BatonCapacity *self,
                      guint32        first_day,
                      guint          n_weeks)
{
  BatonCapacity *slice;
  GHashTableIter iter;
  gpointer value;
  guint32 first_week;
  guint first;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_weeks > 0, NULL);

  first_week = _baton_calendar_week_start (&self->cal, first_day);
  if (first_week < self->first_week)
    return NULL;
  first = (first_week - self->first_week) / 7;
  if (first + n_weeks > self->n_weeks)
    return NULL;
  if (first == 0 && n_weeks == self->n_weeks)
    return baton_capacity_ref (self);

  slice = g_new0 (BatonCapacity, 1);
  g_atomic_ref_count_init (&slice->ref_count);
  slice->settings = self->settings;
  slice->cal = self->cal;
  slice->first_week = first_week;
  slice->n_weeks = n_weeks;

  /* Rows */
  slice->n_people = self->n_people;
  slice->people = g_ptr_array_new_full (self->n_people, g_object_unref);
  for (guint row = 0; row < self->n_people; row++)
    g_ptr_array_add (slice->people, g_object_ref (g_ptr_array_index (self->people, row)));
  slice->person_ids = g_memdup2 (self->person_ids, sizeof (gint64) * MAX (self->n_people, 1));
  slice->rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint row = 0; row < self->n_people; row++)
    g_hash_table_insert (slice->rows, &slice->person_ids[row], GUINT_TO_POINTER (row + 1));
  if (self->row_index != NULL)
    {
      slice->row_index = g_memdup2 (self->row_index, sizeof (gint) * self->row_index_len);
      slice->row_index_len = self->row_index_len;
    }

  /* Unassigned demand */
  slice->role_slots = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, g_free);
  g_hash_table_iter_init (&iter, self->role_slots);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      RoleSlot *slot = g_memdup2 (value, sizeof (RoleSlot));

      g_hash_table_insert (slice->role_slots, &slot->role_id, slot);
    }
  slice->n_roles = self->n_roles;
  slice->unassigned = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_set_size (slice->unassigned, self->n_roles * n_weeks);
  if (self->n_roles > 0)
    copy_columns (slice->unassigned->data, self->unassigned->data, sizeof (double),
                  self->n_roles, self->n_weeks, first, n_weeks);

  /* Cells */
  slice->load = g_new0 (double, MAX ((gsize) self->n_people * n_weeks, 1));
  slice->capacity = g_new0 (double, MAX ((gsize) self->n_people * n_weeks, 1));
  slice->days_off = g_new0 (guint8, MAX ((gsize) self->n_people * n_weeks, 1));
  copy_columns (slice->load, self->load, sizeof (double), self->n_people, self->n_weeks, first, n_weeks);
  copy_columns (slice->capacity, self->capacity, sizeof (double), self->n_people, self->n_weeks, first, n_weeks);
  copy_columns (slice->days_off, self->days_off, sizeof (guint8), self->n_people, self->n_weeks, first, n_weeks);
  slice->unscheduled = g_memdup2 (self->unscheduled, sizeof (double) * MAX (self->n_people, 1));

  slice->done_stage_ids = g_memdup2 (self->done_stage_ids, sizeof (gint64) * MAX (self->n_done_stages, 1));
  slice->n_done_stages = self->n_done_stages;

  /* Shares: the same records, spread again over the slice's weeks when
   * asked for. */
  slice->no_shares = g_array_new (FALSE, FALSE, sizeof (BatonCapacityShare));
  if (self->records != NULL)
    {
      slice->n_lines = self->n_lines;
      slice->n_records = self->n_records;
      slice->records = g_memdup2 (self->records, sizeof (TaskRecord) * MAX (self->n_records, 1));
      for (guint i = 0; i < slice->n_records; i++)
        g_object_ref (slice->records[i].task);
      slice->line_offsets = g_memdup2 (self->line_offsets, sizeof (guint) * (self->n_lines + 1));
      slice->line_records = g_memdup2 (self->line_records, sizeof (guint) * MAX (self->n_records, 1));
    }

  return slice;
}
