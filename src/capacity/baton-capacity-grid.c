/* baton-capacity-grid.c — people × weeks, drawn as one widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why a custom widget and not a GtkColumnView: the grid must stay smooth at
 * 200 people × 26 weeks (5,200 cells) and be rebuilt after every change
 * from a matrix the model computes in one go. A column view would create a
 * cell widget per visible (row, column) — hundreds of widgets with CSS
 * nodes, each re-bound on every change and on every scroll step — and it
 * cannot keep the name column and the week header still while the rest
 * scrolls, or draw one drop preview across rows. So, like GNOME Calendar's
 * week grid, this is a GtkWidget with measure, size_allocate and snapshot:
 *
 *  - a layout cache (the rows: role headers, people, unassigned demand, with
 *    their y offsets) rebuilt with the matrix when the store changed, at
 *    most once per frame, behind a valid flag;
 *  - cells are drawn in snapshot, only those on screen, from Pango layouts
 *    cached by text (most cells share a handful of strings);
 *  - the only child widgets are the people's name headers (avatar, name,
 *    role chips), created for the rows on screen and kept in a small cache
 *    keyed by person, plus the popovers the view parents here;
 *  - it implements GtkScrollable itself, so the week header and the name
 *    column stay put while the cells scroll under them;
 *  - drag and drop semantics live in the view: the grid maps coordinates
 *    to cells and draws the highlight and the preview it is told to.
 *
 * This file holds the widget, its inputs, scrolling and the public API; the
 * rest is split as baton-capacity-grid-private.h lists.
 */

#define G_LOG_DOMAIN "baton-capacity-grid"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "baton-capacity-grid-private.h"
#include "baton-capacity-person-header.h"
#include "baton-dates.h"
#include "baton-edge-scroll.h"
#include "baton-view-settings.h"

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (BatonCapacityGrid, baton_capacity_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* Helpers ------------------------------------------------------------------ */

static void
person_roles_free (gpointer data)
{
  PersonRoles *roles = data;

  g_array_unref (roles->role_ids);
  g_free (roles);
}

static void
row_header_free (gpointer data)
{
  RowHeader *header = data;

  g_clear_pointer (&header->widget, gtk_widget_unparent);
  g_free (header->signature);
  g_free (header);
}

void
_baton_capacity_grid_format_load (char   *buffer,
                                  gsize   size,
                                  double  load,
                                  double  capacity)
{
  g_autofree char *a = format_hours (load);
  g_autofree char *b = format_hours (capacity);

  /* Translators: load / capacity in hours, as a grid cell shows it: "32 / 40 h" */
  g_snprintf (buffer, size, _("%s / %s h"), a, b);
}

/* Name headers ------------------------------------------------------------- */

static const GArray *
role_ids_of (BatonCapacityGrid *self,
             gint64             person_id)
{
  PersonRoles *roles = _baton_capacity_grid_lookup_person_roles (self, person_id);

  return roles != NULL ? roles->role_ids : NULL;
}

static char *
row_header_signature (BatonCapacityGrid *self,
                      BatonGridRow      *row)
{
  return baton_capacity_person_header_signature (self->store,
                                                 baton_capacity_get_person (self->matrix, row->matrix_row),
                                                 role_ids_of (self, row->person_id),
                                                 baton_capacity_get_unscheduled (self->matrix, row->matrix_row));
}

static GtkWidget *
row_header_new (BatonCapacityGrid *self,
                BatonGridRow      *row)
{
  return baton_capacity_person_header_new (self->store,
                                           baton_capacity_get_person (self->matrix, row->matrix_row),
                                           role_ids_of (self, row->person_id),
                                           baton_capacity_get_unscheduled (self->matrix, row->matrix_row));
}

/* Makes sure the person rows between content y @top and @bottom have their
 * header, and hides the others. */
static void
sync_headers (BatonCapacityGrid *self,
              double             top,
              double             bottom)
{
  GHashTableIter iter;
  RowHeader *header;
  guint n_wanted = 0;

  g_hash_table_iter_init (&iter, self->headers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &header))
    header->wanted = FALSE;

  for (guint i = baton_grid_layout_row_at_content_y (&self->layout, top); i < self->layout.rows->len; i++)
    {
      BatonGridRow *row = get_row (self, i);
      g_autofree char *signature = NULL;

      if (row->y > bottom)
        break;
      if (row->kind != BATON_GRID_ROW_PERSON)
        continue;

      signature = row_header_signature (self, row);
      header = g_hash_table_lookup (self->headers, &row->person_id);

      if (header != NULL && g_strcmp0 (header->signature, signature) != 0)
        {
          g_hash_table_remove (self->headers, &row->person_id);
          header = NULL;
        }

      if (header == NULL)
        {
          header = g_new0 (RowHeader, 1);
          header->person_id = row->person_id;
          header->signature = g_steal_pointer (&signature);
          header->widget = row_header_new (self, row);
          gtk_widget_set_parent (header->widget, GTK_WIDGET (self));
          g_hash_table_insert (self->headers, &header->person_id, header);
        }

      header->wanted = TRUE;
      n_wanted++;
    }

  /* Keep a few hidden ones for scrolling back; drop the rest. */
  g_hash_table_iter_init (&iter, self->headers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &header))
    {
      if (!header->wanted && g_hash_table_size (self->headers) > 3 * n_wanted + 32)
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }
      if (!header->wanted && baton_capacity_get_row (self->matrix, header->person_id) < 0)
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }
      gtk_widget_set_child_visible (header->widget, header->wanted);
    }
}


/* Geometry ----------------------------------------------------------------- */

static inline double
hscroll (BatonCapacityGrid *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static inline double
vscroll (BatonCapacityGrid *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* The layout, up to date, with the widget's size and scroll offsets now. */
const BatonGridLayout *
_baton_capacity_grid_get_layout (BatonCapacityGrid *self)
{
  _baton_capacity_grid_ensure_layout (self);

  self->layout.width = gtk_widget_get_width (GTK_WIDGET (self));
  self->layout.height = gtk_widget_get_height (GTK_WIDGET (self));
  self->layout.hscroll = hscroll (self);
  self->layout.vscroll = vscroll (self);

  return &self->layout;
}

gboolean
baton_capacity_grid_pick (BatonCapacityGrid *self,
                          double             x,
                          double             y,
                          guint             *out_row,
                          gint              *out_week)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), FALSE);

  return baton_grid_layout_pick (_baton_capacity_grid_get_layout (self), x, y, out_row, out_week);
}

gboolean
baton_capacity_grid_get_cell_rect (BatonCapacityGrid *self,
                                   guint              index,
                                   gint               week,
                                   GdkRectangle      *rect)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  return baton_grid_layout_get_cell_rect (_baton_capacity_grid_get_layout (self), index, week, rect);
}

void
baton_capacity_grid_scroll_to_cell (BatonCapacityGrid *self,
                                    guint              index,
                                    gint               week)
{
  double hvalue, vvalue;

  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));

  _baton_capacity_grid_ensure_layout (self);
  hvalue = hscroll (self);
  vvalue = vscroll (self);
  baton_grid_layout_scroll_to_cell (&self->layout, index, week,
                                    self->hadjustment ? gtk_adjustment_get_page_size (self->hadjustment) : 0,
                                    self->vadjustment ? gtk_adjustment_get_page_size (self->vadjustment) : 0,
                                    &hvalue, &vvalue);

  if (self->vadjustment != NULL && vvalue != gtk_adjustment_get_value (self->vadjustment))
    gtk_adjustment_set_value (self->vadjustment, vvalue);
  if (self->hadjustment != NULL && hvalue != gtk_adjustment_get_value (self->hadjustment))
    gtk_adjustment_set_value (self->hadjustment, hvalue);
}

/* Cells -------------------------------------------------------------------- */

/* A rebalance preview: the cell's load after the plan, "52 → 40 h". */
static void
plan_cell (BatonCapacityGrid *self,
           BatonGridRow      *row,
           guint              week,
           BatonGridCellInfo *info)
{
  gint plan_row, plan_week;
  double after;

  if (self->plan_preview == NULL)
    return;
  plan_row = baton_capacity_get_row (self->plan_preview, row->person_id);
  plan_week = baton_capacity_get_week_index (self->plan_preview,
                                             baton_capacity_get_week_start (self->matrix, week));
  if (plan_row < 0 || plan_week < 0)
    return;
  after = baton_capacity_get_load (self->plan_preview, (guint) plan_row, (guint) plan_week);
  /* Half a minute: the same figures are not a change. */
  if (ABS (after - info->load) < 0.5)
    return;

  info->planned = TRUE;
  info->planned_load = after;
  {
    g_autofree char *before = format_hours (info->load);
    g_autofree char *then = format_hours (after);

    /* Translators: a cell's load before and after a rebalance, in hours: "52 → 40 h" */
    g_snprintf (info->text, sizeof info->text, _("%s → %s h"), before, then);
  }
}

void
baton_capacity_grid_set_plan_preview (BatonCapacityGrid *self,
                                      BatonCapacity     *after)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));

  if (self->plan_preview == after)
    return;
  g_clear_pointer (&self->plan_preview, baton_capacity_unref);
  if (after != NULL)
    self->plan_preview = baton_capacity_ref (after);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
baton_capacity_grid_get_cell_info (BatonCapacityGrid *self,
                                   guint              index,
                                   guint              week,
                                   BatonGridCellInfo *info)
{
  BatonGridRow *row;

  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));
  g_return_if_fail (info != NULL);

  memset (info, 0, sizeof *info);
  _baton_capacity_grid_ensure_layout (self);
  g_return_if_fail (index < self->layout.rows->len);
  g_return_if_fail (week < self->layout.n_weeks);

  row = get_row (self, index);

  switch (row->kind)
    {
    case BATON_GRID_ROW_PERSON:
      info->load = baton_capacity_get_load (self->matrix, row->matrix_row, week);
      info->capacity = baton_capacity_get_capacity (self->matrix, row->matrix_row, week);
      info->days_off = baton_capacity_get_days_off (self->matrix, row->matrix_row, week);
      info->level = baton_capacity_get_level (self->matrix, row->matrix_row, week);
      _baton_capacity_grid_format_load (info->text, sizeof info->text, info->load, info->capacity);

      if (info->level == BATON_LOAD_OVER)
        info->style = BATON_GRID_CELL_OVER;
      else if (info->level == BATON_LOAD_HIGH)
        info->style = BATON_GRID_CELL_HIGH;
      else if (info->capacity <= 0 && info->days_off > 0)
        info->style = BATON_GRID_CELL_AWAY;
      else if (info->load > 0)
        info->style = BATON_GRID_CELL_OK;
      else
        info->style = BATON_GRID_CELL_EMPTY;

      /* Color is never the only signal: over capacity carries an icon. */
      info->over_icon = info->style == BATON_GRID_CELL_OVER;
      plan_cell (self, row, week, info);
      break;

    case BATON_GRID_ROW_UNASSIGNED:
      info->load = baton_capacity_get_unassigned (self->matrix, row->role_id, week);
      if (info->load > 0)
        {
          g_autofree char *hours = format_hours (info->load);

          /* Translators: unassigned demand in hours: "12 h" */
          g_snprintf (info->text, sizeof info->text, _("%s h"), hours);
          info->style = BATON_GRID_CELL_DEMAND;
        }
      else
        info->style = BATON_GRID_CELL_EMPTY;
      break;

    case BATON_GRID_ROW_ROLE:
    default:
      info->load = row->total_load[week];
      info->capacity = row->total_capacity[week];
      info->style = BATON_GRID_CELL_TOTAL;
      if (info->capacity <= 0)
        info->level = info->load > 0 ? BATON_LOAD_OVER : BATON_LOAD_OK;
      else if (info->load / info->capacity > baton_workload_get_settings (self->workload)->over_threshold + 1e-9)
        info->level = BATON_LOAD_OVER;
      else if (info->load / info->capacity >= baton_workload_get_settings (self->workload)->high_threshold - 1e-9)
        info->level = BATON_LOAD_HIGH;
      if (row->n_people > 0 || info->load > 0)
        _baton_capacity_grid_format_load (info->text, sizeof info->text, info->load, info->capacity);
      break;
    }
}

/* GtkWidget ------------------------------------------------------------------ */

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         upper,
                      double         page,
                      double         step)
{
  double value;

  if (adjustment == NULL)
    return;

  page = MAX (page, 0);
  value = CLAMP (gtk_adjustment_get_value (adjustment), 0, MAX (0, upper - page));
  gtk_adjustment_configure (adjustment, value, 0, MAX (upper, page), step, page * 0.9, page);
}

static void
baton_capacity_grid_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (widget);

  GTK_WIDGET_CLASS (baton_capacity_grid_parent_class)->css_changed (widget, change);

  _baton_capacity_grid_drop_drawing_caches (self);
  self->geometry_valid = FALSE;   /* row heights follow the font */
  gtk_widget_queue_resize (widget);
}

static void
baton_capacity_grid_system_setting_changed (GtkWidget        *widget,
                                            GtkSystemSetting  setting)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (widget);

  GTK_WIDGET_CLASS (baton_capacity_grid_parent_class)->system_setting_changed (widget, setting);

  _baton_capacity_grid_drop_drawing_caches (self);
  self->geometry_valid = FALSE;
  gtk_widget_queue_resize (widget);
}

static void
baton_capacity_grid_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (widget);

  _baton_capacity_grid_ensure_layout (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Narrow, the names narrow to their avatars. */
      *minimum = self->layout.metrics.compact_name_width + self->layout.metrics.min_column;
      *natural = self->layout.metrics.full_name_width + (int) MAX (self->layout.n_weeks, 1) * self->layout.metrics.min_column;
    }
  else
    {
      *minimum = self->layout.metrics.header_height + self->layout.metrics.person_height;
      *natural = MAX (*minimum, self->layout.metrics.header_height + self->layout.content_height);
    }
}

static void
baton_capacity_grid_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (widget);
  const BatonGridMetrics *m;
  GHashTableIter iter;
  RowHeader *header;
  double top, bottom;

  _baton_capacity_grid_ensure_layout (self);
  m = &self->layout.metrics;

  baton_grid_layout_fit_names (&self->layout, width);
  self->layout.column_width = baton_grid_layout_column_width_for (&self->layout, width);
  configure_adjustment (self->hadjustment, (double) self->layout.n_weeks * self->layout.column_width,
                        width - m->name_width, self->layout.column_width);
  configure_adjustment (self->vadjustment, self->layout.content_height,
                        height - m->header_height, m->person_height);

  top = vscroll (self);
  bottom = top + MAX (height - m->header_height, 0);
  sync_headers (self, top - m->person_height, bottom + m->person_height);

  g_hash_table_iter_init (&iter, self->headers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &header))
    {
      gint index;
      BatonGridRow *row;
      int min_width, child_width, child_height, child_y;

      if (!header->wanted)
        continue;

      index = baton_capacity_grid_find_person_row (self, header->person_id);
      if (index < 0)
        continue;

      row = get_row (self, index);
      baton_capacity_person_header_set_compact (BATON_CAPACITY_PERSON_HEADER (header->widget),
                                                baton_grid_layout_is_compact (&self->layout));
      gtk_widget_measure (header->widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      child_width = MAX (min_width, m->name_width - 28);
      gtk_widget_measure (header->widget, GTK_ORIENTATION_VERTICAL, child_width, &child_height, NULL, NULL, NULL);
      child_height = MAX (child_height, row->height - 8);
      child_y = m->header_height + row->y - (int) top + (row->height - child_height) / 2;

      gtk_widget_size_allocate (header->widget,
                                &(GtkAllocation) { 16, child_y, child_width, child_height }, -1);
    }

  _baton_capacity_grid_sync_cells (self);

  /* Popovers the view parents on the grid. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

/* Focus on the grid goes to its focus cell's widget when there is one (see
 * _baton_capacity_grid_sync_cells ()). */
static gboolean
baton_capacity_grid_grab_focus (GtkWidget *widget)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (widget);

  /* A focus cell from the start, so the first arrow moves from it. */
  _baton_capacity_grid_ensure_layout (self);
  _baton_capacity_grid_ensure_focus_cell (self);
  if (self->current_cell != NULL && gtk_widget_get_focusable (self->current_cell) &&
      gtk_widget_get_child_visible (self->current_cell))
    return gtk_widget_grab_focus (self->current_cell);

  return GTK_WIDGET_CLASS (baton_capacity_grid_parent_class)->grab_focus (widget);
}

/* Autoscroll -------------------------------------------------------------- */

void
baton_capacity_grid_autoscroll (BatonCapacityGrid *self,
                                double             x,
                                double             y)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));

  /* Over the cells only: not over the names or the week headers. */
  if (x > self->layout.metrics.name_width)
    baton_edge_scroll_update (&self->scroll_x, self->hadjustment,
                              x, self->layout.metrics.name_width, gtk_widget_get_width (GTK_WIDGET (self)));
  else
    baton_edge_scroll_stop (&self->scroll_x);

  if (y > self->layout.metrics.header_height)
    baton_edge_scroll_update (&self->scroll_y, self->vadjustment,
                              y, self->layout.metrics.header_height, gtk_widget_get_height (GTK_WIDGET (self)));
  else
    baton_edge_scroll_stop (&self->scroll_y);
}

/* Scrollable ------------------------------------------------------------------ */

static void
on_adjustment_changed (BatonCapacityGrid *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (BatonCapacityGrid  *self,
                GtkAdjustment     **slot,
                GtkAdjustment      *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_changed, self);
      g_clear_object (slot);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* GObject ------------------------------------------------------------------- */

static void
baton_capacity_grid_dispose (GObject *object)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (object);
  GtkWidget *child;

  baton_edge_scroll_stop (&self->scroll_x);
  baton_edge_scroll_stop (&self->scroll_y);

  g_clear_pointer (&self->headers, g_hash_table_unref);
  g_clear_handle_id (&self->focus_cell_id, g_source_remove);
  self->current_cell = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (self->a11y_pools); i++)
    g_clear_pointer (&self->a11y_pools[i], g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  if (self->workload != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->workload, self);
      baton_workload_unwatch_weeks (self->workload, self->weeks_id);
    }

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->warning_icon);
  g_clear_object (&self->unassigned_icon);
  g_clear_pointer (&self->matrix, baton_capacity_unref);
  g_clear_pointer (&self->plan_preview, baton_capacity_unref);
  g_clear_object (&self->workload);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_capacity_grid_parent_class)->dispose (object);
}

static void
baton_capacity_grid_finalize (GObject *object)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (object);

  baton_grid_layout_clear (&self->layout);
  g_clear_pointer (&self->person_roles, g_hash_table_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_free (self->preview_text);
  g_free (self->preview_note);
  g_free (self->source_text);
  g_clear_pointer (&self->text_log, g_array_unref);

  G_OBJECT_CLASS (baton_capacity_grid_parent_class)->finalize (object);
}

static void
baton_capacity_grid_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_capacity_grid_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_capacity_grid_class_init (BatonCapacityGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_capacity_grid_dispose;
  object_class->finalize = baton_capacity_grid_finalize;
  object_class->get_property = baton_capacity_grid_get_property;
  object_class->set_property = baton_capacity_grid_set_property;

  widget_class->measure = baton_capacity_grid_measure;
  widget_class->size_allocate = baton_capacity_grid_size_allocate;
  widget_class->snapshot = _baton_capacity_grid_snapshot;
  widget_class->css_changed = baton_capacity_grid_css_changed;
  widget_class->system_setting_changed = baton_capacity_grid_system_setting_changed;
  widget_class->query_tooltip = _baton_capacity_grid_query_tooltip;
  widget_class->grab_focus = baton_capacity_grid_grab_focus;
  widget_class->focus = _baton_capacity_grid_focus;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * BatonCapacityGrid::cell-activated:
   * @row: the row
   * @week: the week, or -1 for the name column
   *
   * A click, Enter or the menu key on a person's or an unassigned cell.
   */
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "capacity-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
baton_capacity_grid_init (BatonCapacityGrid *self)
{
  baton_edge_scroll_init (&self->scroll_x, GTK_WIDGET (self), AUTOSCROLL_EDGE, AUTOSCROLL_SPEED);
  baton_edge_scroll_init (&self->scroll_y, GTK_WIDGET (self), AUTOSCROLL_EDGE, AUTOSCROLL_SPEED);

  baton_grid_layout_init (&self->layout);
  self->person_roles = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, person_roles_free);
  self->headers = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, row_header_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->a11y_pools); i++)
    self->a11y_pools[i] = g_ptr_array_new ();
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->focus_row = -1;
  self->preview_row = -1;
  self->preview_week = -1;
  self->source_row = -1;
  self->source_week = -1;
  self->hover_row = -1;
  self->hover_week = -1;
  self->layout.n_weeks = 12;
  self->today = baton_date_today ();

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  _baton_capacity_grid_init_input (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Capacity by person and week"),
                                  -1);
}

void
_baton_capacity_grid_emit_cell_activated (BatonCapacityGrid *self,
                                          guint              row,
                                          gint               week)
{
  g_signal_emit (self, signals[CELL_ACTIVATED], 0, row, week);
}

/* Public --------------------------------------------------------------------- */

/* The workload computed again (a change, other settings): so do we. A
 * new first weekday moved our weeks there too. */
static void
on_workload_changed (BatonCapacityGrid *self)
{
  const BatonCapacitySettings *settings = baton_workload_get_settings (self->workload);

  self->first_week = baton_date_week_start (self->first_week, settings->first_weekday);
  if (!self->updating)
    baton_capacity_grid_invalidate (self);
}

GtkWidget *
baton_capacity_grid_new (BatonWorkload *workload)
{
  BatonCapacityGrid *self;
  guint32 first_week;

  g_return_val_if_fail (BATON_IS_WORKLOAD (workload), NULL);

  self = g_object_new (BATON_TYPE_CAPACITY_GRID, NULL);
  self->workload = g_object_ref (workload);
  self->store = g_object_ref (baton_workload_get_store (workload));
  first_week = baton_date_week_start (self->today, baton_workload_get_settings (workload)->first_weekday);
  self->first_week = first_week;
  self->weeks_id = baton_workload_watch_weeks (workload, first_week, self->layout.n_weeks);
  g_signal_connect_swapped (workload, "changed", G_CALLBACK (on_workload_changed), self);

  return GTK_WIDGET (self);
}

void
baton_capacity_grid_invalidate (BatonCapacityGrid *self)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));

  self->valid = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const BatonCapacitySettings *
baton_capacity_grid_get_settings (BatonCapacityGrid *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), NULL);

  return baton_workload_get_settings (self->workload);
}

void
baton_capacity_grid_set_weeks (BatonCapacityGrid *self,
                               guint32            first_day,
                               guint              n_weeks)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));
  g_return_if_fail (first_day > 0);

  first_day = baton_date_week_start (first_day, baton_workload_get_settings (self->workload)->first_weekday);
  n_weeks = CLAMP (n_weeks, 1, 104);

  if (first_day == self->first_week && n_weeks == self->layout.n_weeks)
    return;

  self->first_week = first_day;
  self->layout.n_weeks = n_weeks;
  baton_workload_move_weeks (self->workload, self->weeks_id, first_day, n_weeks);
  self->preview_row = -1;
  self->source_row = -1;
  baton_capacity_grid_invalidate (self);
}

guint32
baton_capacity_grid_get_first_week (BatonCapacityGrid *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), 0);

  return self->first_week;
}

guint
baton_capacity_grid_get_n_weeks (BatonCapacityGrid *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), 0);

  return self->layout.n_weeks;
}

void
baton_capacity_grid_set_today (BatonCapacityGrid *self,
                               guint32            today)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));

  if (self->today != today)
    {
      self->today = today;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

BatonCapacity *
baton_capacity_grid_get_matrix (BatonCapacityGrid *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), NULL);

  _baton_capacity_grid_ensure_layout (self);
  return self->matrix;
}

guint
baton_capacity_grid_get_n_rows (BatonCapacityGrid *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), 0);

  _baton_capacity_grid_ensure_layout (self);
  return self->layout.rows->len;
}

BatonGridRowKind
baton_capacity_grid_get_row_kind (BatonCapacityGrid *self,
                                  guint              row)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), BATON_GRID_ROW_ROLE);

  _baton_capacity_grid_ensure_layout (self);
  g_return_val_if_fail (row < self->layout.rows->len, BATON_GRID_ROW_ROLE);

  return get_row (self, row)->kind;
}

gint64
baton_capacity_grid_get_row_role_id (BatonCapacityGrid *self,
                                     guint              row)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), 0);

  _baton_capacity_grid_ensure_layout (self);
  g_return_val_if_fail (row < self->layout.rows->len, 0);

  return get_row (self, row)->role_id;
}

BatonPerson *
baton_capacity_grid_get_row_person (BatonCapacityGrid *self,
                                    guint              row)
{
  BatonGridRow *grid_row;

  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), NULL);

  _baton_capacity_grid_ensure_layout (self);
  g_return_val_if_fail (row < self->layout.rows->len, NULL);

  grid_row = get_row (self, row);
  if (grid_row->kind != BATON_GRID_ROW_PERSON)
    return NULL;

  return baton_capacity_get_person (self->matrix, grid_row->matrix_row);
}

gint
baton_capacity_grid_get_row_matrix_row (BatonCapacityGrid *self,
                                        guint              row)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), -1);

  _baton_capacity_grid_ensure_layout (self);
  g_return_val_if_fail (row < self->layout.rows->len, -1);

  return get_row (self, row)->matrix_row;
}

gint
baton_capacity_grid_find_person_row (BatonCapacityGrid *self,
                                     gint64             person_id)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), -1);

  _baton_capacity_grid_ensure_layout (self);
  return baton_grid_layout_find_row (&self->layout, BATON_GRID_ROW_PERSON, person_id);
}

gint
baton_capacity_grid_find_unassigned_row (BatonCapacityGrid *self,
                                         gint64             role_id)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), -1);

  _baton_capacity_grid_ensure_layout (self);
  return baton_grid_layout_find_row (&self->layout, BATON_GRID_ROW_UNASSIGNED, role_id);
}

char *
baton_capacity_grid_get_row_count_text (BatonCapacityGrid *self,
                                        guint              row)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), NULL);

  _baton_capacity_grid_ensure_layout (self);
  g_return_val_if_fail (row < self->layout.rows->len, NULL);

  if (get_row (self, row)->kind != BATON_GRID_ROW_ROLE)
    return NULL;

  return _baton_capacity_grid_format_role_count (self, get_row (self, row));
}

gboolean
baton_capacity_grid_person_holds_role (BatonCapacityGrid *self,
                                       gint64             person_id,
                                       gint64             role_id)
{
  PersonRoles *roles;

  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), FALSE);

  _baton_capacity_grid_ensure_layout (self);
  roles = _baton_capacity_grid_lookup_person_roles (self, person_id);
  if (roles == NULL)
    return FALSE;

  for (guint i = 0; i < roles->role_ids->len; i++)
    if (g_array_index (roles->role_ids, gint64, i) == role_id)
      return TRUE;

  return FALSE;
}

