/* baton-edge-scroll.c — scrolling while a drag hovers near an edge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The board's columns, the board itself and the capacity grid scroll the
 * same way under a drag: a drop target's motion says where the pointer is,
 * and a tick callback moves the adjustment a little every frame for as
 * long as the pointer stays near an edge.
 */

#define G_LOG_DOMAIN "baton-edge-scroll"

#include "config.h"

#include "baton-edge-scroll.h"

void
baton_edge_scroll_init (BatonEdgeScroll *self,
                        GtkWidget       *widget,
                        double           zone,
                        double           max_speed)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (zone > 0);

  *self = (BatonEdgeScroll) { .widget = widget, .zone = zone, .max_speed = max_speed };
}

static gboolean
tick (GtkWidget     *widget,
      GdkFrameClock *clock,
      gpointer       user_data)
{
  BatonEdgeScroll *self = user_data;

  gtk_adjustment_set_value (self->adjustment, gtk_adjustment_get_value (self->adjustment) + self->speed);

  return G_SOURCE_CONTINUE;
}

void
baton_edge_scroll_stop (BatonEdgeScroll *self)
{
  g_return_if_fail (self != NULL);

  self->speed = 0;
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (self->widget, self->tick_id);
      self->tick_id = 0;
    }
  g_clear_object (&self->adjustment);
}

void
baton_edge_scroll_update (BatonEdgeScroll *self,
                          GtkAdjustment   *adjustment,
                          double           position,
                          double           low,
                          double           high)
{
  double speed = 0;

  g_return_if_fail (self != NULL && self->widget != NULL);
  g_return_if_fail (adjustment == NULL || GTK_IS_ADJUSTMENT (adjustment));

  if (position < low + self->zone)
    speed = -self->max_speed * (1 - MAX (position - low, 0) / self->zone);
  else if (position > high - self->zone)
    speed = self->max_speed * (1 - MAX (high - position, 0) / self->zone);

  if (speed == 0 || adjustment == NULL)
    {
      baton_edge_scroll_stop (self);
      return;
    }

  self->speed = speed;
  g_set_object (&self->adjustment, adjustment);
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (self->widget, tick, self, NULL);
}
