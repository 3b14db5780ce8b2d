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
/* The keyboard shortcuts window (built when first shown). */
void         baton_window_show_shortcuts  (BatonWindow    *self);
/* @message is plain text; it is escaped before it reaches the toast. It
 * replaces a message that is still showing. */
void         baton_window_show_toast      (BatonWindow    *self,
                                           const char     *message);
/* A toast whose Undo button undoes the change on top of the history now,
 * and only that one: the toast goes once that change is undone or buried.
 * Replaces the history toast that is still showing. @message is plain text. */
void         baton_window_show_undo_toast (BatonWindow    *self,
                                           const char     *message);

G_END_DECLS
