/* baton-edge-scroll.h — scrolling while a drag hovers near an edge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One axis of a view that scrolls, every frame, while a drag hovers within
 * @zone pixels of either end of it: towards that end, faster closer to it
 * (@max_speed pixels a frame at the end itself). Embed it in the view; its
 * owner stops it in dispose. */
typedef struct
{
  /*< private >*/
  GtkWidget     *widget;      /* whose frame clock drives it; not owned */
  GtkAdjustment *adjustment;  /* owned while it scrolls */
  double         zone;
  double         max_speed;
  double         speed;
  guint          tick_id;
} BatonEdgeScroll;

void baton_edge_scroll_init   (BatonEdgeScroll *self,
                               GtkWidget       *widget,
                               double           zone,
                               double           max_speed);
/* The drag is at @position of the span [@low, @high] that @adjustment
 * (nullable) scrolls: it scrolls near an end, and stops elsewhere. */
void baton_edge_scroll_update (BatonEdgeScroll *self,
                               GtkAdjustment   *adjustment,
                               double           position,
                               double           low,
                               double           high);
/* The drag has left, dropped or ended. */
void baton_edge_scroll_stop   (BatonEdgeScroll *self);

G_END_DECLS
