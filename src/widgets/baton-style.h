/* baton-style.h — the views' stylesheets, loaded one way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Adds the stylesheet at @resource_path (a GResource path) to the default
 * display at application priority, once per path, with the widgets' own
 * style before it. Does nothing without a display. */
void baton_style_add_resource (const char *resource_path);

G_END_DECLS
