/* baton-capacity-grid-cell.c — a grid cell as a screen reader finds it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no accessible objects that are not widgets, so the grid
 * gives each cell on screen, each row's header and each week's header one
 * of these: empty widgets, pooled by the grid, placed over what it
 * paints, with a role and a name ("Alice, week 51: 52 of 40 hours, over
 * capacity"). They take no pointer input; the focused cell's takes the
 * keyboard focus, so a screen reader reads each cell the arrows reach, and
 * the keys go on to the grid.
 */

#define G_LOG_DOMAIN "baton-capacity-grid"

#include "config.h"

#include "baton-capacity-grid-cell.h"

struct _BatonCapacityGridCell
{
  GtkWidget  parent_instance;

  char      *label;
  gboolean   used;
  gboolean   current;
};

G_DEFINE_FINAL_TYPE (BatonCapacityGridCell, baton_capacity_grid_cell, GTK_TYPE_WIDGET)

static void
baton_capacity_grid_cell_finalize (GObject *object)
{
  BatonCapacityGridCell *self = BATON_CAPACITY_GRID_CELL (object);

  g_free (self->label);

  G_OBJECT_CLASS (baton_capacity_grid_cell_parent_class)->finalize (object);
}

static void
baton_capacity_grid_cell_class_init (BatonCapacityGridCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = baton_capacity_grid_cell_finalize;

  gtk_widget_class_set_css_name (widget_class, "capacity-cell");
}

static void
baton_capacity_grid_cell_init (BatonCapacityGridCell *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  self->used = TRUE;
}

GtkWidget *
baton_capacity_grid_cell_new (GtkAccessibleRole role)
{
  return g_object_new (BATON_TYPE_CAPACITY_GRID_CELL, "accessible-role", role, NULL);
}

void
baton_capacity_grid_cell_set_label (BatonCapacityGridCell *self,
                                    const char            *label)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID_CELL (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : "",
                                  -1);
}

const char *
baton_capacity_grid_cell_get_label (BatonCapacityGridCell *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID_CELL (self), NULL);

  return self->label;
}

void
baton_capacity_grid_cell_set_used (BatonCapacityGridCell *self,
                                   gboolean               used)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID_CELL (self));

  used = !!used;
  if (self->used == used)
    return;

  self->used = used;
  gtk_widget_set_child_visible (GTK_WIDGET (self), used);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !used,
                               -1);
}

gboolean
baton_capacity_grid_cell_get_used (BatonCapacityGridCell *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID_CELL (self), FALSE);

  return self->used;
}

void
baton_capacity_grid_cell_set_current (BatonCapacityGridCell *self,
                                      gboolean               current)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID_CELL (self));

  current = !!current;
  if (self->current == current)
    return;

  self->current = current;
  /* The focus cell takes the keyboard focus for the grid (which still gets
   * the keys): a screen reader follows it from cell to cell. */
  gtk_widget_set_can_focus (GTK_WIDGET (self), current);
  gtk_widget_set_focusable (GTK_WIDGET (self), current);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                               GTK_ACCESSIBLE_STATE_SELECTED, current,
                               -1);
}
