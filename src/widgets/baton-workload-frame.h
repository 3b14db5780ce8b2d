/* baton-workload-frame.h — a shown view's capacity, current in its next frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BatonWorkload computes at low priority, after the frame. A view that
 * shows capacity asks for it in the next frame's update phase instead,
 * before the layout, so that a change and the figures it moves are drawn
 * in the same frame. The board and the capacity view each embed one.
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-workload.h"

G_BEGIN_DECLS

typedef struct
{
  GtkWidget     *widget;     /* the view (not a reference: it embeds this) */
  BatonWorkload *workload;   /* not a reference: the view holds one */
  guint          tick_id;
} BatonWorkloadFrame;

void     baton_workload_frame_init     (BatonWorkloadFrame *frame,
                                        GtkWidget          *widget,
                                        BatonWorkload      *workload);
/* When the widget is shown and the workload not current: updates it in
 * the next frame's update phase (once, however often this is called). */
void     baton_workload_frame_schedule (BatonWorkloadFrame *frame);
/* Whether figures are still to come: a frame asked for, or a workload
 * not current. */
gboolean baton_workload_frame_pending  (BatonWorkloadFrame *frame);
/* Forgets the frame asked for (before the widget goes). */
void     baton_workload_frame_cancel   (BatonWorkloadFrame *frame);

G_END_DECLS
