/* baton-window-private.h — what the window shows, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-window.h"

G_BEGIN_DECLS

/* Toasts shown or waiting, not dismissed yet. */
guint baton_window_get_n_toasts (BatonWindow *self);

/* The Data section of the main menu (baton-window-exchange.c). */
void  baton_window_exchange_class_init (GtkWidgetClass *widget_class);
void  baton_window_exchange_init       (BatonWindow    *self);

/* The workspace items of the main menu (baton-window-workspace.c). */
void  baton_window_workspace_class_init (GtkWidgetClass *widget_class);
void  baton_window_workspace_init       (BatonWindow    *self);
/* The workspace's name: its file's name without extension, "Demo" for
 * the demo workspace. */
char *baton_window_get_workspace_name   (BatonWindow    *self);

G_END_DECLS
