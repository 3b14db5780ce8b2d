/* baton-help-window.h — the user help, in Yelp or in a window of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BATON_TYPE_HELP_WINDOW (baton_help_window_get_type ())
G_DECLARE_FINAL_TYPE (BatonHelpWindow, baton_help_window, BATON, HELP_WINDOW, AdwWindow)

GtkWidget *baton_help_window_new  (GtkWindow *parent);

/* What F1 does: opens the help pages installed for Yelp (help:baton) when
 * Yelp and the pages are there (not inside Flatpak, where Yelp cannot read
 * them), and otherwise presents the same help in a BatonHelpWindow over
 * @parent. Returns that window, or NULL when Yelp was started. */
GtkWidget *baton_help_window_open (GtkWindow *parent);

G_END_DECLS
