/* baton-window.h — the main window: three views of one workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_WINDOW (baton_window_get_type ())
G_DECLARE_FINAL_TYPE (BatonWindow, baton_window, BATON, WINDOW, AdwApplicationWindow)

BatonWindow *baton_window_new             (GtkApplication *application,
                                           BatonStore     *store);
BatonStore  *baton_window_get_store       (BatonWindow    *self);
/* @message is plain text; it is escaped before it reaches the toast. */
void         baton_window_show_toast      (BatonWindow    *self,
                                           const char     *message);
/* A toast whose Undo button activates win.undo. Replaces an undo toast
 * that is still showing. @message is plain text. */
void         baton_window_show_undo_toast (BatonWindow    *self,
                                           const char     *message);

G_END_DECLS
