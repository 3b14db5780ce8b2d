/* baton-colors.c — record colors as CSS classes that follow the style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colors of roles, people and programs are data, not theme: each distinct
 * one gets a class whose rules derive every shade from it with GTK's CSS
 * color functions (alpha (), mix ()) and libadwaita's named colors, so a
 * chip is as readable on the dark style as on the light one. All rules
 * live in one provider, rebuilt when a new color appears (a workspace has
 * a few dozen at most). The rest of the widgets' style (a chip's shape, a
 * swatch's size) is in the application stylesheet, src/shell/style.css.
 */

#define G_LOG_DOMAIN "baton-colors"

#include "config.h"

#include <string.h>

#include "baton-colors.h"
#include "baton-store.h"

#define COLOR_CLASS_PREFIX "baton-color-"

static GtkCssProvider *provider;
static GHashTable *classes;   /* "#rrggbb" (lowercase) → class name */
static GString *color_css;

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

/* Relative luminance in [0, 1], close enough to pick a text color. */
static double
luminance (guint rgb)
{
  double r = ((rgb >> 16) & 0xff) / 255.0;
  double g = ((rgb >> 8) & 0xff) / 255.0;
  double b = (rgb & 0xff) / 255.0;

  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

static void
reload (void)
{
  gtk_css_provider_load_from_data (provider, color_css->str, color_css->len);
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
  color_css = g_string_new (NULL);
  reload ();
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              COLOR_PRIORITY);
}

/* Adds the rules of @hex (already checked) unless known; TRUE when new. */
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
  g_string_append_printf (color_css,
                          "rolechip.%1$s, .baton-tint.%1$s {"
                          "  background-color: alpha(%2$s, 0.2);"
                          "  color: mix(%2$s, @window_fg_color, 0.45);"
                          "}\n"
                          "avatar.%1$s {"
                          "  background-image: none;"
                          "  background-color: %2$s;"
                          "  color: %3$s;"
                          "}\n"
                          ".baton-swatch.%1$s { background-color: %2$s; }\n",
                          css_class, key,
                          luminance (rgb) > 0.6 ? "rgba(0, 0, 0, 0.8)" : "white");
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
