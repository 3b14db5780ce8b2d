/* baton-drag-cancel.h — Escape cancels a drag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Call from @source's "drag-begin": while @drag lasts, Escape cancels it
 * (gtk_drag_source_drag_cancel (), so "drag-cancel" and "drag-end" follow
 * and nothing is dropped). See baton-drag-cancel.c for why GTK 4.8 needs
 * this on X11. */
void baton_drag_cancel_on_escape (GtkDragSource *source,
                                  GdkDrag       *drag);

/* Was @drag (nullable) cancelled, by Escape or otherwise? A drop target
 * refuses such a drag, even if a mouse release still reaches it. */
gboolean baton_drag_is_cancelled        (GdkDrag       *drag);
/* The same for the drag @target is handling now (one of this app's). */
gboolean baton_drop_target_is_cancelled (GtkDropTarget *target);

G_END_DECLS
