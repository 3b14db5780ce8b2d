/* baton-capacity-grid-layout.c — where the grid's rows and cells are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No GtkWidget here: the grid hands over its size and scroll offsets, so
 * hit-testing and placement are unit-tested without a display
 * (tests/test-capacity-layout.c).
 */

#define G_LOG_DOMAIN "baton-capacity-grid"

#include "config.h"

#include <math.h>
#include <string.h>

#include "baton-capacity-grid-layout.h"

void
baton_grid_metrics_init (BatonGridMetrics *m,
                         int               line_height)
{
  g_return_if_fail (m != NULL);

  m->line_height = MAX (line_height, 12);
  m->full_name_width = 288;
  m->compact_name_width = 64;
  m->name_width = m->full_name_width;
  m->header_height = MAX (56, 2 * m->line_height + 18);
  m->role_height = MAX (42, m->line_height + 22);
  m->person_height = MAX (58, 2 * m->line_height + 20);
  m->unassigned_height = MAX (44, m->line_height + 24);
  m->group_gap = 14;
  m->min_column = 112;
}

static void
grid_row_clear (gpointer data)
{
  BatonGridRow *row = data;

  g_clear_pointer (&row->total_load, g_free);
  g_clear_pointer (&row->total_capacity, g_free);
  g_clear_pointer (&row->also_rows, g_array_unref);
}

void
baton_grid_layout_init (BatonGridLayout *layout)
{
  g_return_if_fail (layout != NULL);

  memset (layout, 0, sizeof *layout);
  layout->rows = g_array_new (FALSE, TRUE, sizeof (BatonGridRow));
  g_array_set_clear_func (layout->rows, grid_row_clear);
  baton_grid_metrics_init (&layout->metrics, 0);
}

void
baton_grid_layout_clear (BatonGridLayout *layout)
{
  g_return_if_fail (layout != NULL);

  g_clear_pointer (&layout->rows, g_array_unref);
}

void
baton_grid_layout_remove_rows (BatonGridLayout *layout)
{
  g_return_if_fail (layout != NULL);

  g_array_set_size (layout->rows, 0);
  layout->content_height = 0;
}

void
baton_grid_layout_append_row (BatonGridLayout    *layout,
                              const BatonGridRow *row)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (row != NULL);

  g_array_append_val (layout->rows, *row);
}

guint
baton_grid_layout_get_n_rows (const BatonGridLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->rows->len;
}

BatonGridRow *
baton_grid_layout_get_row (const BatonGridLayout *layout,
                           guint                  index)
{
  g_assert (index < layout->rows->len);

  return &g_array_index (layout->rows, BatonGridRow, index);
}

void
baton_grid_layout_place_rows (BatonGridLayout *layout)
{
  const BatonGridMetrics *m;
  int y = 0;

  g_return_if_fail (layout != NULL);

  m = &layout->metrics;

  for (guint i = 0; i < layout->rows->len; i++)
    {
      BatonGridRow *row = baton_grid_layout_get_row (layout, i);

      switch (row->kind)
        {
        case BATON_GRID_ROW_ROLE:
          if (i > 0)
            y += m->group_gap;
          row->height = m->role_height;
          break;
        case BATON_GRID_ROW_PERSON:
          row->height = m->person_height;
          break;
        case BATON_GRID_ROW_UNASSIGNED:
        default:
          row->height = m->unassigned_height;
          break;
        }

      row->y = y;
      y += row->height;
    }

  layout->content_height = y + m->group_gap * 2;
}

void
baton_grid_layout_fit_names (BatonGridLayout *layout,
                             int              width)
{
  BatonGridMetrics *m;

  g_return_if_fail (layout != NULL);

  m = &layout->metrics;
  m->name_width = width >= m->full_name_width + 2 * m->min_column ? m->full_name_width
                                                                   : m->compact_name_width;
}

gboolean
baton_grid_layout_is_compact (const BatonGridLayout *layout)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  return layout->metrics.name_width < layout->metrics.full_name_width;
}

int
baton_grid_layout_column_width_for (const BatonGridLayout *layout,
                                    int                    width)
{
  int available;

  g_return_val_if_fail (layout != NULL, 0);

  available = width - layout->metrics.name_width;
  if (layout->n_weeks == 0)
    return layout->metrics.min_column;

  return MAX (layout->metrics.min_column, available / (int) layout->n_weeks);
}

guint
baton_grid_layout_row_at_content_y (const BatonGridLayout *layout,
                                    double                 y)
{
  guint lo = 0, hi;

  g_return_val_if_fail (layout != NULL, 0);

  hi = layout->rows->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      BatonGridRow *row = baton_grid_layout_get_row (layout, mid);

      if (row->y + row->height <= y)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

gboolean
baton_grid_layout_pick (const BatonGridLayout *layout,
                        double                 x,
                        double                 y,
                        guint                 *out_row,
                        gint                  *out_week)
{
  const BatonGridMetrics *m;
  double content_y;
  guint index;
  BatonGridRow *row;
  gint week = -1;

  g_return_val_if_fail (layout != NULL, FALSE);

  m = &layout->metrics;
  if (y < m->header_height || x < 0 || x >= layout->width)
    return FALSE;

  content_y = y - m->header_height + layout->vscroll;
  index = baton_grid_layout_row_at_content_y (layout, content_y);
  if (index >= layout->rows->len)
    return FALSE;

  row = baton_grid_layout_get_row (layout, index);
  if (content_y < row->y)
    return FALSE;   /* the gap between groups */

  if (x >= m->name_width)
    {
      double content_x = x - m->name_width + layout->hscroll;

      if (layout->column_width <= 0)
        return FALSE;
      week = (gint) floor (content_x / layout->column_width);
      if (week < 0 || week >= (gint) layout->n_weeks)
        return FALSE;
    }

  if (out_row != NULL)
    *out_row = index;
  if (out_week != NULL)
    *out_week = week;

  return TRUE;
}

gboolean
baton_grid_layout_get_cell_rect (const BatonGridLayout *layout,
                                 guint                  index,
                                 gint                   week,
                                 GdkRectangle          *rect)
{
  const BatonGridMetrics *m;
  BatonGridRow *row;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (index >= layout->rows->len || week < -1 || week >= (gint) layout->n_weeks)
    return FALSE;

  m = &layout->metrics;
  row = baton_grid_layout_get_row (layout, index);
  rect->y = m->header_height + row->y - (int) layout->vscroll;
  rect->height = row->height;

  if (week < 0)
    {
      rect->x = 0;
      rect->width = m->name_width;
    }
  else
    {
      rect->x = m->name_width + week * layout->column_width - (int) layout->hscroll;
      rect->width = layout->column_width;
    }

  return TRUE;
}

gboolean
baton_grid_layout_get_visible (const BatonGridLayout *layout,
                               guint                 *first_row,
                               guint                 *end_row,
                               guint                 *first_week,
                               guint                 *last_week)
{
  const BatonGridMetrics *m;
  guint end;

  g_return_val_if_fail (layout != NULL, FALSE);

  m = &layout->metrics;
  if (layout->column_width <= 0 || layout->n_weeks == 0)
    return FALSE;

  if (first_week != NULL)
    *first_week = (guint) MAX (0, floor (layout->hscroll / layout->column_width));
  if (last_week != NULL)
    *last_week = MIN (layout->n_weeks - 1,
                      (guint) MAX (0, (layout->hscroll + layout->width - m->name_width) / layout->column_width));

  end = baton_grid_layout_row_at_content_y (layout, layout->vscroll);
  if (first_row != NULL)
    *first_row = end;

  /* Rows whose top is on screen. */
  while (end < layout->rows->len &&
         m->header_height + baton_grid_layout_get_row (layout, end)->y - layout->vscroll <= layout->height)
    end++;
  if (end_row != NULL)
    *end_row = end;

  return TRUE;
}

void
baton_grid_layout_scroll_to_cell (const BatonGridLayout *layout,
                                  guint                  index,
                                  gint                   week,
                                  double                 hpage,
                                  double                 vpage,
                                  double                *hvalue,
                                  double                *vvalue)
{
  BatonGridRow *row;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (hvalue != NULL && vvalue != NULL);

  if (index >= layout->rows->len)
    return;

  row = baton_grid_layout_get_row (layout, index);

  {
    double top = row->y;
    double bottom = row->y + row->height;

    /* Show the group's header with its first person. */
    if (index > 0 && baton_grid_layout_get_row (layout, index - 1)->kind == BATON_GRID_ROW_ROLE)
      top = baton_grid_layout_get_row (layout, index - 1)->y;

    if (top < *vvalue)
      *vvalue = top;
    else if (bottom > *vvalue + vpage && vpage > 0)
      *vvalue = bottom - vpage;
  }

  if (week >= 0)
    {
      double left = week * layout->column_width;
      double right = left + layout->column_width;

      if (left < *hvalue)
        *hvalue = left;
      else if (right > *hvalue + hpage && hpage > 0)
        *hvalue = right - hpage;
    }
}

gint
baton_grid_layout_find_row (const BatonGridLayout *layout,
                            BatonGridRowKind       kind,
                            gint64                 id)
{
  g_return_val_if_fail (layout != NULL, -1);

  for (guint i = 0; i < layout->rows->len; i++)
    {
      BatonGridRow *row = baton_grid_layout_get_row (layout, i);

      if (row->kind != kind)
        continue;
      if ((kind == BATON_GRID_ROW_PERSON ? row->person_id : row->role_id) == id)
        return (gint) i;
    }

  return -1;
}

gint
baton_grid_layout_next_focusable_row (const BatonGridLayout *layout,
                                      gint                   from,
                                      gint                   direction,
                                      guint                  steps)
{
  gint result = from;
  gint i = from;

  g_return_val_if_fail (layout != NULL, from);

  while (steps > 0)
    {
      i += direction;
      if (i < 0 || i >= (gint) layout->rows->len)
        break;
      if (baton_grid_layout_get_row (layout, (guint) i)->kind == BATON_GRID_ROW_ROLE)
        continue;
      result = i;
      steps--;
    }

  return result;
}
