/* baton-colors.c — record colors as CSS classes that follow the style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colors of roles, people and programs are data, not theme: people pick
 * them, so a chip cannot trust its color to read. Each distinct color gets
 * a class whose rules are computed here for the current style (light,
 * dark, high contrast): an opaque tint, and text in the color's hue moved
 * toward black or white until its contrast with the tint (WCAG 2) is what
 * the style asks for. All rules live in one provider, rebuilt when a new
 * color appears (a workspace has a few dozen at most) and when the style
 * changes. The rest of the widgets' style (a chip's shape, a swatch's
 * size) is in the application stylesheet, src/shell/style.css.
 */

#define G_LOG_DOMAIN "baton-colors"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "baton-colors.h"
#include "baton-store.h"

#define COLOR_CLASS_PREFIX "baton-color-"

static GtkCssProvider *provider;
static GHashTable *classes;   /* "#rrggbb" (lowercase) → class name */
static BatonColorMode provider_mode;

/* Color arithmetic ---------------------------------------------------------- */

static double
linear (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

double
baton_color_luminance (const GdkRGBA *color)
{
  g_return_val_if_fail (color != NULL, 0);

  return 0.2126 * linear (CLAMP (color->red, 0, 1)) +
         0.7152 * linear (CLAMP (color->green, 0, 1)) +
         0.0722 * linear (CLAMP (color->blue, 0, 1));
}

double
baton_color_contrast (const GdkRGBA *a,
                      const GdkRGBA *b)
{
  double la, lb;

  g_return_val_if_fail (a != NULL && b != NULL, 1);

  la = baton_color_luminance (a);
  lb = baton_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

GdkRGBA
baton_color_over (const GdkRGBA *top,
                  const GdkRGBA *bottom)
{
  float a = CLAMP (top->alpha, 0, 1);

  return (GdkRGBA) {
    top->red * a + bottom->red * (1 - a),
    top->green * a + bottom->green * (1 - a),
    top->blue * a + bottom->blue * (1 - a),
    1,
  };
}

GdkRGBA
baton_color_mix (const GdkRGBA *a,
                 const GdkRGBA *b,
                 double         amount)
{
  float t = (float) CLAMP (amount, 0, 1);

  return (GdkRGBA) {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    a->alpha + (b->alpha - a->alpha) * t,
  };
}

static const GdkRGBA black = { 0, 0, 0, 1 };
static const GdkRGBA white = { 1, 1, 1, 1 };

/* Black and white have the same contrast on a luminance of 0.179. */
static const GdkRGBA *
extreme_for (const GdkRGBA *bg)
{
  return baton_color_luminance (bg) > 0.179 ? &black : &white;
}

GdkRGBA
baton_color_readable_on (const GdkRGBA *color,
                         const GdkRGBA *bg,
                         double         min_ratio)
{
  const GdkRGBA *toward;
  GdkRGBA opaque, bg_opaque;
  double low = 0, high = 1;

  g_return_val_if_fail (color != NULL && bg != NULL, black);

  opaque = *color;
  opaque.alpha = 1;
  bg_opaque = *bg;
  bg_opaque.alpha = 1;
  if (baton_color_contrast (&opaque, &bg_opaque) >= min_ratio)
    return opaque;

  /* Moving toward the extreme, the luminance moves away from the
   * background's once past it: the first mix that reads is the closest. */
  toward = extreme_for (&bg_opaque);
  for (guint i = 0; i < 24; i++)
    {
      double mid = (low + high) / 2;
      GdkRGBA mixed = baton_color_mix (&opaque, toward, mid);
      gboolean on_side = toward == &black
                         ? baton_color_luminance (&mixed) < baton_color_luminance (&bg_opaque)
                         : baton_color_luminance (&mixed) > baton_color_luminance (&bg_opaque);

      if (on_side && baton_color_contrast (&mixed, &bg_opaque) >= min_ratio)
        high = mid;
      else
        low = mid;
    }

  return baton_color_mix (&opaque, toward, high);
}

GdkRGBA
baton_color_text_on_solid (const GdkRGBA *background)
{
  g_return_val_if_fail (background != NULL, black);

  return baton_color_contrast (&black, background) >= baton_color_contrast (&white, background)
         ? black : white;
}

/* Modes ---------------------------------------------------------------------- */

gboolean
baton_color_mode_is_dark (BatonColorMode mode)
{
  return mode == BATON_COLOR_MODE_DARK || mode == BATON_COLOR_MODE_HC_DARK;
}

gboolean
baton_color_mode_is_hc (BatonColorMode mode)
{
  return mode == BATON_COLOR_MODE_HC_LIGHT || mode == BATON_COLOR_MODE_HC_DARK;
}

double
baton_color_mode_text_contrast (BatonColorMode mode)
{
  /* AA's 4.5 with room for antialiasing; AAA's 7 in high contrast. */
  return baton_color_mode_is_hc (mode) ? 7.0 : 5.0;
}

BatonColorMode
baton_color_mode_for_display (GdkDisplay *display)
{
  AdwStyleManager *manager;
  gboolean dark, hc;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), BATON_COLOR_MODE_LIGHT);

  if (!adw_is_initialized ())
    return BATON_COLOR_MODE_LIGHT;

  manager = adw_style_manager_get_for_display (display);
  dark = adw_style_manager_get_dark (manager);
  hc = adw_style_manager_get_high_contrast (manager);

  if (hc)
    return dark ? BATON_COLOR_MODE_HC_DARK : BATON_COLOR_MODE_HC_LIGHT;

  return dark ? BATON_COLOR_MODE_DARK : BATON_COLOR_MODE_LIGHT;
}

/* Chips ---------------------------------------------------------------------- */

/* What a chip's tint is mixed into, per mode: libadwaita's card and view
 * backgrounds. The tint is opaque, so the surface under the chip does not
 * change what its text reads on. */
static const struct {
  GdkRGBA surface;
  double  amount;
} chip_tints[BATON_COLOR_N_MODES] = {
  [BATON_COLOR_MODE_LIGHT]    = { { 1, 1, 1, 1 }, 0.16 },
  [BATON_COLOR_MODE_DARK]     = { { 0.19f, 0.19f, 0.19f, 1 }, 0.30 },
  [BATON_COLOR_MODE_HC_LIGHT] = { { 1, 1, 1, 1 }, 0.10 },
  [BATON_COLOR_MODE_HC_DARK]  = { { 0.12f, 0.12f, 0.12f, 1 }, 0.22 },
};

void
baton_color_chip_colors (const GdkRGBA   *color,
                         BatonColorMode   mode,
                         BatonChipColors *chip)
{
  GdkRGBA opaque;

  g_return_if_fail (color != NULL);
  g_return_if_fail (mode < BATON_COLOR_N_MODES);
  g_return_if_fail (chip != NULL);

  opaque = *color;
  opaque.alpha = 1;

  chip->background = baton_color_mix (&chip_tints[mode].surface, &opaque, chip_tints[mode].amount);
  chip->text = baton_color_readable_on (&opaque, &chip->background, baton_color_mode_text_contrast (mode));
  /* High contrast outlines what it tints. */
  chip->border = chip->text;
  if (!baton_color_mode_is_hc (mode))
    chip->border.alpha = 0;
}

/* CSS classes ------------------------------------------------------------------ */

static gboolean
parse_hex (const char *hex,
           guint      *rgb)
{
  guint value = 0;

  if (hex == NULL || hex[0] != '#' || strlen (hex) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    {
      int digit = g_ascii_xdigit_value (hex[i]);

      if (digit < 0)
        return FALSE;
      value = value * 16 + (guint) digit;
    }

  *rgb = value;
  return TRUE;
}

static void
append_rules (GString        *css,
              const char     *css_class,
              guint           rgb,
              BatonColorMode  mode)
{
  GdkRGBA color = { ((rgb >> 16) & 0xff) / 255.f, ((rgb >> 8) & 0xff) / 255.f, (rgb & 0xff) / 255.f, 1 };
  GdkRGBA on_solid = baton_color_text_on_solid (&color);
  BatonChipColors chip;
  g_autofree char *background = NULL, *text = NULL, *border = NULL, *solid = NULL, *solid_text = NULL;

  baton_color_chip_colors (&color, mode, &chip);
  background = gdk_rgba_to_string (&chip.background);
  text = gdk_rgba_to_string (&chip.text);
  border = gdk_rgba_to_string (&chip.border);
  solid = gdk_rgba_to_string (&color);
  solid_text = gdk_rgba_to_string (&on_solid);

  g_string_append_printf (css,
                          "rolechip.%1$s, .baton-tint.%1$s {"
                          "  background-color: %2$s;"
                          "  color: %3$s;"
                          "  box-shadow: inset 0 0 0 1px %4$s;"
                          "}\n"
                          "avatar.%1$s {"
                          "  background-image: none;"
                          "  background-color: %5$s;"
                          "  color: %6$s;"
                          "}\n"
                          ".baton-swatch.%1$s { background-color: %5$s; }\n",
                          css_class, background, text, border, solid, solid_text);
}

static void
reload (void)
{
  g_autoptr(GString) css = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, classes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint rgb;

      if (parse_hex (key, &rgb))
        append_rules (css, value, rgb, provider_mode);
    }

  gtk_css_provider_load_from_data (provider, css->str, css->len);
}

static void
on_style_changed (AdwStyleManager *manager)
{
  BatonColorMode mode = baton_color_mode_for_display (adw_style_manager_get_display (manager));

  if (mode == provider_mode)
    return;

  provider_mode = mode;
  reload ();
}

/* Above the application stylesheet whatever the order they are added in:
 * a color class must win over the stylesheet's plain rules for the same
 * widgets ("rolechip", ".baton-swatch"), and across providers the order
 * counts before the specificity. */
#define COLOR_PRIORITY (GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1)

static void
ensure_provider (void)
{
  GdkDisplay *display;

  if (provider != NULL)
    return;

  display = gdk_display_get_default ();
  if (display == NULL)
    return;

  provider = gtk_css_provider_new ();
  classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  provider_mode = baton_color_mode_for_display (display);
  if (adw_is_initialized ())
    {
      AdwStyleManager *manager = adw_style_manager_get_for_display (display);

      g_signal_connect (manager, "notify::dark", G_CALLBACK (on_style_changed), NULL);
      g_signal_connect (manager, "notify::high-contrast", G_CALLBACK (on_style_changed), NULL);
    }
  reload ();
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              COLOR_PRIORITY);
}

/* Adds @hex (already checked) unless known; TRUE when new. */
static gboolean
register_color (const char  *hex,
                guint        rgb,
                const char **css_class_out)
{
  g_autofree char *key = g_ascii_strdown (hex, -1);
  char *css_class = g_hash_table_lookup (classes, key);

  if (css_class != NULL)
    {
      *css_class_out = css_class;
      return FALSE;
    }

  css_class = g_strdup_printf (COLOR_CLASS_PREFIX "%06x", rgb);
  g_hash_table_insert (classes, g_steal_pointer (&key), css_class);
  *css_class_out = css_class;

  return TRUE;
}

const char *
baton_color_css_class (const char *hex)
{
  const char *css_class = NULL;
  guint rgb;

  if (!parse_hex (hex, &rgb))
    return NULL;

  ensure_provider ();
  if (provider == NULL)
    return NULL;

  /* Reloading restyles every widget: baton_colors_prepare () first avoids it. */
  if (register_color (hex, rgb, &css_class))
    reload ();

  return css_class;
}

static gboolean
add_list_colors (GListModel *list,
                 const char *(*get_color) (gpointer))
{
  gboolean added = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      const char *hex = get_color (item);
      const char *css_class;
      guint rgb;

      if (parse_hex (hex, &rgb))
        added |= register_color (hex, rgb, &css_class);
    }

  return added;
}

void
baton_colors_prepare (BatonStore *store)
{
  gboolean added = FALSE;

  g_return_if_fail (BATON_IS_STORE (store));

  ensure_provider ();
  if (provider == NULL)
    return;

  added |= add_list_colors (baton_store_get_roles (store), (gpointer) baton_role_get_color);
  added |= add_list_colors (baton_store_get_people (store), (gpointer) baton_person_get_color);
  added |= add_list_colors (baton_store_get_programs (store), (gpointer) baton_program_get_color);

  if (added)
    reload ();
}

void
baton_widget_set_color_class (GtkWidget  *widget,
                              const char *css_class)
{
  g_auto(GStrv) current = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  current = gtk_widget_get_css_classes (widget);
  for (guint i = 0; current[i] != NULL; i++)
    if (g_str_has_prefix (current[i], COLOR_CLASS_PREFIX) && g_strcmp0 (current[i], css_class) != 0)
      gtk_widget_remove_css_class (widget, current[i]);

  if (css_class != NULL)
    gtk_widget_add_css_class (widget, css_class);
}
