/* baton-colors.h — record colors as CSS classes that follow the style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-store.h"

G_BEGIN_DECLS

/* The styles Baton draws for: libadwaita's light and dark, each also in
 * high contrast (AdwStyleManager:high-contrast). */
typedef enum
{
  BATON_COLOR_MODE_LIGHT,
  BATON_COLOR_MODE_DARK,
  BATON_COLOR_MODE_HC_LIGHT,
  BATON_COLOR_MODE_HC_DARK,
  BATON_COLOR_N_MODES
} BatonColorMode;

/* WCAG 2 AA for text: the least contrast any text may have. */
#define BATON_COLOR_MIN_TEXT_CONTRAST 4.5

/* The contrast the colors below are picked for: above the minimum, for
 * antialiased edges, and more in high contrast. */
double         baton_color_mode_text_contrast (BatonColorMode mode);

/* The mode of @display's AdwStyleManager (light when libadwaita is not
 * initialized). */
BatonColorMode baton_color_mode_for_display (GdkDisplay *display);
gboolean       baton_color_mode_is_dark     (BatonColorMode mode);
gboolean       baton_color_mode_is_hc       (BatonColorMode mode);

/* WCAG 2 relative luminance of @color (its alpha is ignored), in [0, 1]. */
double         baton_color_luminance        (const GdkRGBA *color);
/* WCAG 2 contrast ratio of two opaque colors, in [1, 21]. */
double         baton_color_contrast         (const GdkRGBA *a,
                                             const GdkRGBA *b);
/* @top painted over the opaque @bottom (source-over): an opaque color. */
GdkRGBA        baton_color_over             (const GdkRGBA *top,
                                             const GdkRGBA *bottom);
/* @a mixed with @b, @amount of @b (0: @a, 1: @b), alpha included. */
GdkRGBA        baton_color_mix              (const GdkRGBA *a,
                                             const GdkRGBA *b,
                                             double         amount);
/* @color (opaque), moved toward black or white (whichever reads on @bg)
 * only as far as needed to reach @min_ratio against the opaque @bg; any
 * color and background reach at least 4.58. */
GdkRGBA        baton_color_readable_on      (const GdkRGBA *color,
                                             const GdkRGBA *bg,
                                             double         min_ratio);

/* How a chip in a record's @color is drawn in @mode: an opaque tint, the
 * text on it, and a border (transparent but in high contrast). The text
 * keeps the color's hue and reaches baton_color_mode_text_contrast (). */
typedef struct
{
  GdkRGBA background;
  GdkRGBA text;
  GdkRGBA border;
} BatonChipColors;

void           baton_color_chip_colors      (const GdkRGBA   *color,
                                             BatonColorMode   mode,
                                             BatonChipColors *chip);
/* Black or white, whichever reads better on the opaque @background. */
GdkRGBA        baton_color_text_on_solid    (const GdkRGBA   *background);

/* The CSS class ("baton-color-3584e4") that tints a widget with @hex
 * (a "#rrggbb" color), or NULL when @hex is NULL or not such a color.
 * The rules are registered on the default display the first time a color
 * is asked for, and rebuilt when the style (dark, high contrast) changes.
 * The class colors:
 *   - rolechip / .baton-tint: baton_color_chip_colors () for the mode;
 *   - avatar: a solid background with baton_color_text_on_solid ();
 *   - .baton-swatch: a solid background (a program's color bar). */
const char *baton_color_css_class      (const char *hex);

/* Registers the colors of every role, person and program of @store in one
 * go (restyling once), so showing a view does not restyle per new color. */
void        baton_colors_prepare       (BatonStore *store);

/* Adds @css_class to @widget and removes any other baton-color-* class. */
void        baton_widget_set_color_class (GtkWidget  *widget,
                                          const char *css_class);

G_END_DECLS
