/* baton-colors.h — record colors as CSS classes that follow the style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-store.h"

G_BEGIN_DECLS

/* The CSS class ("baton-color-3584e4") that tints a widget with @hex
 * (a "#rrggbb" color), or NULL when @hex is NULL or not such a color.
 * The rules are registered on the default display the first time a color
 * is asked for. The class colors:
 *   - rolechip / .baton-tint: a translucent background and a text color
 *     mixed with the window's foreground, readable in light and dark;
 *   - avatar: a solid background with a contrasting text color;
 *   - .baton-swatch: a solid background (a program's color bar). */
const char *baton_color_css_class      (const char *hex);

/* Registers the colors of every role, person and program of @store in one
 * go (restyling once), so showing a view does not restyle per new color. */
void        baton_colors_prepare       (BatonStore *store);

/* Adds @css_class to @widget and removes any other baton-color-* class. */
void        baton_widget_set_color_class (GtkWidget  *widget,
                                          const char *css_class);

G_END_DECLS
