/* baton-workload-frame.c — a shown view's capacity, current in its next frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-workload-frame"

#include "config.h"

#include "baton-workload-frame.h"

void
baton_workload_frame_init (BatonWorkloadFrame *frame,
                           GtkWidget          *widget,
                           BatonWorkload      *workload)
{
  g_return_if_fail (frame != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (BATON_IS_WORKLOAD (workload));

  frame->widget = widget;
  frame->workload = workload;
  frame->tick_id = 0;
}

static gboolean
update_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  BatonWorkloadFrame *frame = user_data;

  frame->tick_id = 0;
  /* ::changed, and the view's figures, when there was something to do. */
  baton_workload_update (frame->workload);

  return G_SOURCE_REMOVE;
}

void
baton_workload_frame_schedule (BatonWorkloadFrame *frame)
{
  g_return_if_fail (frame != NULL && frame->widget != NULL);

  if (frame->tick_id != 0 || baton_workload_is_current (frame->workload))
    return;

  /* Not shown: the workload's own low-priority update will do. */
  if (gtk_widget_get_mapped (frame->widget))
    frame->tick_id = gtk_widget_add_tick_callback (frame->widget, update_tick, frame, NULL);
}

gboolean
baton_workload_frame_pending (BatonWorkloadFrame *frame)
{
  g_return_val_if_fail (frame != NULL, FALSE);

  return frame->tick_id != 0 || (frame->workload != NULL && !baton_workload_is_current (frame->workload));
}

void
baton_workload_frame_cancel (BatonWorkloadFrame *frame)
{
  g_return_if_fail (frame != NULL);

  if (frame->tick_id != 0 && frame->widget != NULL)
    gtk_widget_remove_tick_callback (frame->widget, frame->tick_id);
  frame->tick_id = 0;
}
