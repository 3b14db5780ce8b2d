/* test-contrast.c — text contrast in the light, dark and high contrast styles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * WCAG AA asks 4.5:1 for text. Three ways to hold Baton to it:
 *   - the color functions of baton-colors.c (a chip's tint and text, an
 *     avatar's initials) over thousands of colors a person could pick, in
 *     every mode;
 *   - the capacity grid's own drawing: every text it draws is logged with
 *     the color under it (_baton_capacity_grid_set_text_log ());
 *   - the widgets styled by CSS (role chips, the card badges, a card's
 *     secondary text): the board is rendered and the pixels measured, as
 *     one would measure a screenshot.
 * The styles are switched as a person would: AdwStyleManager's color
 * scheme, and the desktop's high-contrast setting
 * (org.gnome.desktop.a11y.interface, in the memory GSettings backend).
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "baton-avatar.h"
#include "baton-board-card.h"
#include "baton-board-private.h"
#include "baton-board-view.h"
#include "baton-capacity-grid-private.h"
#include "baton-capacity-view.h"
#include "baton-colors.h"
#include "baton-demo.h"
#include "baton-note-editor.h"
#include "baton-role-chip.h"
#include "baton-store.h"
#include "baton-test-util.h"
#include "baton-ui-test-util.h"

static gboolean have_display;

static const char * const mode_names[BATON_COLOR_N_MODES] = {
  [BATON_COLOR_MODE_LIGHT] = "light",
  [BATON_COLOR_MODE_DARK] = "dark",
  [BATON_COLOR_MODE_HC_LIGHT] = "high contrast",
  [BATON_COLOR_MODE_HC_DARK] = "high contrast dark",
};

static GdkRGBA
rgb (guint value)
{
  return (GdkRGBA) { ((value >> 16) & 0xff) / 255.f, ((value >> 8) & 0xff) / 255.f, (value & 0xff) / 255.f, 1 };
}

/* Color arithmetic ---------------------------------------------------------------- */

static void
test_arithmetic (void)
{
  GdkRGBA black = rgb (0x000000), white = rgb (0xffffff), grey = rgb (0x777777);
  GdkRGBA half = { 0, 0, 0, 0.5f }, over, readable;

  g_assert_cmpfloat_with_epsilon (baton_color_luminance (&black), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (baton_color_luminance (&white), 1, 1e-9);
  g_assert_cmpfloat_with_epsilon (baton_color_contrast (&black, &white), 21, 1e-6);
  g_assert_cmpfloat_with_epsilon (baton_color_contrast (&white, &black), 21, 1e-6);
  /* The classic: #777 on white falls just short of 4.5. */
  g_assert_cmpfloat_with_epsilon (baton_color_contrast (&grey, &white), 4.48, 0.01);

  over = baton_color_over (&half, &white);
  g_assert_cmpfloat_with_epsilon (over.red, 0.5, 1e-6);
  g_assert_cmpfloat_with_epsilon (over.alpha, 1, 1e-6);

  /* Moved only as far as needed, and then it reads. */
  readable = baton_color_readable_on (&grey, &white, 4.5);
  g_assert_cmpfloat (baton_color_contrast (&readable, &white), >=, 4.5);
  g_assert_cmpfloat (baton_color_contrast (&readable, &white), <, 4.7);
  readable = baton_color_readable_on (&grey, &black, 7);
  g_assert_cmpfloat (baton_color_contrast (&readable, &black), >=, 7);
  g_assert_cmpfloat (readable.red, >, grey.red);
  /* What already reads is kept. */
  readable = baton_color_readable_on (&black, &white, 4.5);
  g_assert_true (gdk_rgba_equal (&readable, &black));
}

/* Any color a person can pick reads, in every mode. */
static void
test_chip_colors_any_color (void)
{
  guint checked = 0;
  double worst[BATON_COLOR_N_MODES] = { 21, 21, 21, 21 };

  for (guint r = 0; r < 256; r += 15)
    for (guint g = 0; g < 256; g += 15)
      for (guint b = 0; b < 256; b += 15)
        {
          GdkRGBA color = rgb (r << 16 | g << 8 | b);
          GdkRGBA initials = baton_color_text_on_solid (&color);

          g_assert_cmpfloat (baton_color_contrast (&initials, &color), >=, BATON_COLOR_MIN_TEXT_CONTRAST);

          for (BatonColorMode mode = 0; mode < BATON_COLOR_N_MODES; mode++)
            {
              BatonChipColors chip;
              double ratio;

              baton_color_chip_colors (&color, mode, &chip);
              g_assert_cmpfloat (chip.background.alpha, ==, 1);
              g_assert_cmpfloat (chip.text.alpha, ==, 1);
              ratio = baton_color_contrast (&chip.text, &chip.background);
              if (ratio < baton_color_mode_text_contrast (mode))
                g_error ("#%02x%02x%02x in %s: %.2f", r, g, b, mode_names[mode], ratio);
              worst[mode] = MIN (worst[mode], ratio);
              /* High contrast outlines the chip; the others do not. */
              g_assert_cmpfloat (chip.border.alpha, ==, baton_color_mode_is_hc (mode) ? 1 : 0);
              checked++;
            }
        }

  for (BatonColorMode mode = 0; mode < BATON_COLOR_N_MODES; mode++)
    g_test_message ("chips, %s: at worst %.2f:1", mode_names[mode], worst[mode]);
  g_assert_cmpuint (checked, ==, 18 * 18 * 18 * BATON_COLOR_N_MODES);
}

/* The notes editor's Markdown colors, in its light and dark schemes. */
static void
test_note_colors (gconstpointer data)
{
  GtkSourceLanguage *markdown = gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (),
                                                                          "markdown");
  g_auto(GStrv) ids = NULL;

  g_assert_nonnull (markdown);
  ids = gtk_source_language_get_style_ids (markdown);

  for (guint dark = 0; dark < 2; dark++)
    {
      GtkSourceStyleScheme *scheme = baton_notes_style_scheme (dark);
      GtkSourceStyle *text = gtk_source_style_scheme_get_style (scheme, "text");
      g_autofree char *bg_spec = NULL;
      GdkRGBA bg;
      guint checked = 0;

      g_assert_nonnull (text);
      g_object_get (text, "background", &bg_spec, NULL);
      g_assert_true (gdk_rgba_parse (&bg, bg_spec));

      for (guint i = 0; ids[i] != NULL; i++)
        {
          GtkSourceStyle *style = gtk_source_style_scheme_get_style (scheme, ids[i]);
          g_autofree char *fg_spec = NULL;
          gboolean fg_set = FALSE;
          GdkRGBA fg;
          double ratio;

          if (style == NULL && gtk_source_language_get_style_fallback (markdown, ids[i]) != NULL)
            style = gtk_source_style_scheme_get_style (scheme, gtk_source_language_get_style_fallback (markdown, ids[i]));
          if (style == NULL)
            continue;
          g_object_get (style, "foreground", &fg_spec, "foreground-set", &fg_set, NULL);
          if (!fg_set || fg_spec == NULL)
            continue;

          g_assert_true (gdk_rgba_parse (&fg, fg_spec));
          ratio = baton_color_contrast (&fg, &bg);
          g_test_message ("%s, %s: %s on %s, %.2f:1", dark ? "dark" : "light", ids[i], fg_spec, bg_spec, ratio);
          if (ratio < BATON_COLOR_MIN_TEXT_CONTRAST)
            g_test_fail_printf ("%s in the %s scheme: %.2f:1", ids[i], dark ? "dark" : "light", ratio);
          checked++;
        }
      g_assert_cmpuint (checked, >, 5);
    }
}

/* Styles ----------------------------------------------------------------------------- */

static gboolean
style_is (gpointer data)
{
  BatonColorMode mode = GPOINTER_TO_UINT (data);
  AdwStyleManager *manager = adw_style_manager_get_default ();

  return adw_style_manager_get_dark (manager) == baton_color_mode_is_dark (mode) &&
         adw_style_manager_get_high_contrast (manager) == baton_color_mode_is_hc (mode) &&
         baton_color_mode_for_display (gdk_display_get_default ()) == mode;
}

/* Switches the style to @mode; FALSE (the case reported as unable to run)
 * when the desktop's high-contrast setting is not there. */
static gboolean
set_mode (BatonColorMode mode)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, "org.gnome.desktop.a11y.interface", TRUE) : NULL;
  g_autoptr(GSettings) a11y = NULL;

  if (schema == NULL || !g_settings_schema_has_key (schema, "high-contrast"))
    {
      baton_test_missing_requirement ("no org.gnome.desktop.a11y.interface schema (gsettings-desktop-schemas)");
      return FALSE;
    }

  a11y = g_settings_new ("org.gnome.desktop.a11y.interface");
  g_settings_set_boolean (a11y, "high-contrast", baton_color_mode_is_hc (mode));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      baton_color_mode_is_dark (mode) ? ADW_COLOR_SCHEME_FORCE_DARK
                                                                      : ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_true (baton_test_wait_until (style_is, GUINT_TO_POINTER (mode), 5000));

  return TRUE;
}

static void
reset_mode (void)
{
  g_autoptr(GSettings) a11y = g_settings_new ("org.gnome.desktop.a11y.interface");

  g_settings_reset (a11y, "high-contrast");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static BatonStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  BatonStore *store = baton_store_open (":memory:", &error);
  BatonDemoSize size;

  g_assert_no_error (error);
  baton_demo_size_init_default (&size);
  g_assert_true (baton_demo_generate (store, &size, &error));
  g_assert_no_error (error);

  return store;
}

static void
wait_quiet (void)
{
  for (guint i = 0; i < 100 && baton_test_count_dispatches (50) > 0; i++)
    ;
}

static GtkWindow *
show_in_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, 1500, 900);
  gtk_window_set_child (window, child);
  baton_test_show_window (window);
  wait_quiet ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

/* Pixels --------------------------------------------------------------------------- */

typedef struct
{
  guchar *data;
  gsize   stride;
  int     width;
  int     height;
} Pixels;

static void
pixels_clear (Pixels *pixels)
{
  g_clear_pointer (&pixels->data, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pixels, pixels_clear)

/* @widget as it is drawn, through its window's renderer. */
static void
render (GtkWidget *widget,
        Pixels    *pixels)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  pixels->width = gtk_widget_get_width (widget);
  pixels->height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, pixels->width, pixels->height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, pixels->width, pixels->height));
  if (g_getenv ("BATON_TEST_SAVE_RENDER") != NULL)
    gdk_texture_save_to_png (texture, g_getenv ("BATON_TEST_SAVE_RENDER"));
  pixels->width = gdk_texture_get_width (texture);
  pixels->height = gdk_texture_get_height (texture);
  pixels->stride = (gsize) pixels->width * 4;
  pixels->data = g_malloc (pixels->stride * pixels->height);
  gdk_texture_download (texture, pixels->data, pixels->stride);
}

static GdkRGBA
pixel_at (const Pixels *pixels,
          int           x,
          int           y)
{
  /* CAIRO_FORMAT_ARGB32, premultiplied; what is measured is opaque. */
  const guchar *p = pixels->data + (gsize) y * pixels->stride + (gsize) x * 4;
  guint32 value = *(const guint32 *) p;

  return rgb (value & 0xffffff);
}

/* As a screenshot is measured: the background is the commonest pixel of
 * @part, the text the pixel that differs most from it. */
static double
measure (const Pixels *pixels,
         GtkWidget    *root,
         GtkWidget    *part,
         GdkRGBA      *text_out,
         GdkRGBA      *bg_out)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  graphene_rect_t bounds;
  guint32 bg = 0;
  guint best = 0;
  GdkRGBA background, text;
  double ratio = 1;
  int x0, y0, x1, y1;

  g_assert_true (gtk_widget_compute_bounds (part, root, &bounds));
  /* A round avatar: only the square inside its circle. */
  if (BATON_IS_AVATAR (part))
    graphene_rect_inset (&bounds, bounds.size.width * 0.18f, bounds.size.height * 0.18f);
  x0 = MAX (0, (int) ceilf (bounds.origin.x));
  y0 = MAX (0, (int) ceilf (bounds.origin.y));
  x1 = MIN (pixels->width, (int) floorf (bounds.origin.x + bounds.size.width));
  y1 = MIN (pixels->height, (int) floorf (bounds.origin.y + bounds.size.height));
  g_assert_cmpint (x1 - x0, >, 2);
  g_assert_cmpint (y1 - y0, >, 2);

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 value = *(const guint32 *) (pixels->data + (gsize) y * pixels->stride + (gsize) x * 4) & 0xffffff;
        guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (value + 1))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (value + 1), GUINT_TO_POINTER (count));
        if (count > best)
          {
            best = count;
            bg = value;
          }
      }

  background = rgb (bg);
  text = background;
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        GdkRGBA p = pixel_at (pixels, x, y);
        double r = baton_color_contrast (&p, &background);

        if (r > ratio)
          {
            ratio = r;
            text = p;
          }
      }

  if (text_out != NULL)
    *text_out = text;
  if (bg_out != NULL)
    *bg_out = background;

  return ratio;
}

/* Whether @widget is wholly in view: inside each of its ancestors (a
 * scrolled list maps a few rows beyond its edges). */
static gboolean
wholly_shown (GtkWidget *widget,
              GtkWidget *root)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, root, &bounds))
    return FALSE;

  for (GtkWidget *ancestor = gtk_widget_get_parent (widget); ancestor != NULL; ancestor = gtk_widget_get_parent (ancestor))
    {
      graphene_rect_t outer;

      if (!gtk_widget_compute_bounds (ancestor, root, &outer))
        return FALSE;
      if (bounds.origin.x < outer.origin.x - 0.5f || bounds.origin.y < outer.origin.y - 0.5f ||
          bounds.origin.x + bounds.size.width > outer.origin.x + outer.size.width + 0.5f ||
          bounds.origin.y + bounds.size.height > outer.origin.y + outer.size.height + 0.5f)
        return FALSE;
      if (ancestor == root)
        break;
    }

  return TRUE;
}

/* The widgets under @parent matching @predicate, drawn and in view. */
static void
collect (GtkWidget  *root,
         GtkWidget  *parent,
         gboolean  (*predicate) (GtkWidget *),
         GPtrArray  *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (parent); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child) || gtk_widget_get_width (child) <= 2)
        continue;
      if (predicate (child))
        {
          if (wholly_shown (child, root))
            g_ptr_array_add (found, child);
        }
      else
        collect (root, child, predicate, found);
    }
}

static gboolean
is_role_chip (GtkWidget *widget)
{
  return BATON_IS_ROLE_CHIP (widget) && baton_role_chip_get_role (BATON_ROLE_CHIP (widget)) != NULL;
}

/* An avatar showing initials (not the unassigned or a placeholder one). */
static gboolean
is_avatar_with_initials (GtkWidget *widget)
{
  return BATON_IS_AVATAR (widget) &&
         baton_avatar_get_person (BATON_AVATAR (widget)) != NULL &&
         !baton_person_get_placeholder (baton_avatar_get_person (BATON_AVATAR (widget)));
}

static gboolean
is_card_badge (GtkWidget *widget)
{
  return gtk_widget_has_css_class (widget, "card-badge");
}

/* A card's program ("Client · Program") and its figures (hours, due date). */
static gboolean
is_card_secondary_text (GtkWidget *widget)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return GTK_IS_LABEL (widget) &&
         (gtk_widget_has_css_class (widget, "dim-label") ||
          (parent != NULL && gtk_widget_has_css_class (parent, "card-meta")));
}

static const char *
describe (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (BATON_IS_ROLE_CHIP (widget))
    return baton_role_get_name (baton_role_chip_get_role (BATON_ROLE_CHIP (widget)));
  if (BATON_IS_AVATAR (widget))
    return baton_person_get_name (baton_avatar_get_person (BATON_AVATAR (widget)));

  return gtk_widget_get_css_name (widget);
}

/* Every part of @kind in the window reads at 4.5:1; returns how many. */
static guint
check_parts (GtkWidget    *root,
             const Pixels *pixels,
             const char   *kind,
             gboolean    (*predicate) (GtkWidget *),
             BatonColorMode mode)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  double worst = 21;
  guint failures = 0;

  collect (root, root, predicate, parts);
  for (guint i = 0; i < parts->len; i++)
    {
      GdkRGBA text, bg;
      double ratio = measure (pixels, root, parts->pdata[i], &text, &bg);
      g_autofree char *text_s = gdk_rgba_to_string (&text);
      g_autofree char *bg_s = gdk_rgba_to_string (&bg);

      worst = MIN (worst, ratio);
      g_debug ("%s \"%s\": %s on %s, %.2f:1", kind, describe (parts->pdata[i]), text_s, bg_s, ratio);
      if (ratio < BATON_COLOR_MIN_TEXT_CONTRAST)
        {
          g_test_message ("%s \"%s\" in %s: %s on %s, %.2f:1", kind, describe (parts->pdata[i]),
                          mode_names[mode], text_s, bg_s, ratio);
          failures++;
        }
    }

  g_test_message ("%s in %s: %u measured, at worst %.2f:1", kind, mode_names[mode], parts->len, worst);
  g_assert_cmpuint (failures, ==, 0);

  return parts->len;
}

/* The board ------------------------------------------------------------------------- */

static void
test_board (gconstpointer data)
{
  BatonColorMode mode = GPOINTER_TO_UINT (data);
  g_autoptr(BatonStore) store = NULL;
  g_auto(Pixels) pixels = { 0 };
  GtkWindow *window;
  GtkWidget *view;

  if (!set_mode (mode))
    return;

  store = demo_store ();
  view = baton_board_view_new (store);
  window = show_in_window (view);
  baton_board_view_update_capacity (BATON_BOARD_VIEW (view));
  wait_quiet ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  render (GTK_WIDGET (window), &pixels);
  g_assert_cmpuint (check_parts (GTK_WIDGET (window), &pixels, "role chip", is_role_chip, mode), >, 5);
  g_assert_cmpuint (check_parts (GTK_WIDGET (window), &pixels, "badge", is_card_badge, mode), >, 1);
  g_assert_cmpuint (check_parts (GTK_WIDGET (window), &pixels, "secondary text", is_card_secondary_text, mode), >, 5);
  g_assert_cmpuint (check_parts (GTK_WIDGET (window), &pixels, "avatar", is_avatar_with_initials, mode), >, 5);

  baton_test_destroy_window (window);
  reset_mode ();
}

/* Chips and avatars in colors people pick -------------------------------------------- */

/* Role chips in colors from all over the cube, and avatars of people with
 * no color of their own (the palette), rendered and measured. */
static void
test_picked_colors (gconstpointer data)
{
  BatonColorMode mode = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  g_auto(Pixels) pixels = { 0 };
  GtkWidget *grid = gtk_grid_new ();
  GtkWindow *window;
  static const char * const picked[] = {
    "#ffffff", "#000000", "#777777", "#f6d32d", "#ffff00", "#00ff00", "#00ffff", "#0000ff",
    "#ff0000", "#ff00ff", "#808000", "#8ff0a4", "#1c1c1c", "#e5e5e5", "#3584e4", "#c061cb",
  };

  if (!set_mode (mode))
    return;

  store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  for (guint i = 0; i < 48; i++)
    {
      g_autofree char *name = g_strdup_printf ("Role %u", i);
      g_autofree char *color = i < G_N_ELEMENTS (picked)
                               ? g_strdup (picked[i])
                               : g_strdup_printf ("#%06x", g_rand_int_range (rand, 0, 0x1000000));
      BatonRole *role = baton_store_create_role (store, name, color, &error);

      g_assert_no_error (error);
      gtk_grid_attach (GTK_GRID (grid), baton_role_chip_new (role), i % 8, i / 8, 1, 1);
    }
  for (guint i = 0; i < 32; i++)
    {
      g_autofree char *name = g_strdup_printf ("%c%c Person %u", 'A' + i % 26, 'A' + (i * 7) % 26, i);
      BatonPerson *person = baton_store_create_person (store, name, NULL, 40 * 60, NULL, &error);

      g_assert_no_error (error);
      gtk_grid_attach (GTK_GRID (grid), baton_avatar_new (person, 32), i % 8, 6 + i / 8, 1, 1);
    }

  window = show_in_window (grid);
  render (GTK_WIDGET (window), &pixels);
  g_assert_cmpuint (check_parts (GTK_WIDGET (window), &pixels, "role chip", is_role_chip, mode), ==, 48);
  g_assert_cmpuint (check_parts (GTK_WIDGET (window), &pixels, "avatar", is_avatar_with_initials, mode), ==, 32);

  baton_test_destroy_window (window);
  reset_mode ();
}

static gboolean
is_label_with_text (GtkWidget *widget)
{
  return GTK_IS_LABEL (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0';
}

/* An archived card is marked without fading its text and chips. */
static void
test_archived_card (gconstpointer data)
{
  BatonColorMode mode = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_auto(Pixels) pixels = { 0 };
  GListModel *tasks;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWindow *window;
  guint shown = 0;

  if (!set_mode (mode))
    return;

  store = demo_store ();
  tasks = baton_store_get_tasks (store);
  gtk_widget_set_size_request (box, 320, -1);
  for (guint i = 0; i < g_list_model_get_n_items (tasks) && shown < 4; i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);
      GtkWidget *card;

      if (baton_task_get_role_id (task) == 0 || baton_task_get_assignee_id (task) == 0)
        continue;
      g_assert_true (baton_store_update (store, task, &error, "archived", TRUE, NULL));
      g_assert_no_error (error);
      card = baton_board_card_new (store);
      baton_board_card_set_task (BATON_BOARD_CARD (card), task);
      gtk_box_append (GTK_BOX (box), card);
      shown++;
    }
  g_assert_cmpuint (shown, ==, 4);

  window = show_in_window (box);
  render (GTK_WIDGET (window), &pixels);
  g_assert_cmpuint (check_parts (GTK_WIDGET (window), &pixels, "archived card's role chip", is_role_chip, mode), ==, 4);
  g_assert_cmpuint (check_parts (GTK_WIDGET (window), &pixels, "archived card's text", is_label_with_text, mode), >=, 12);

  baton_test_destroy_window (window);
  reset_mode ();
}

/* The capacity grid ----------------------------------------------------------------- */

static gboolean
logged (gpointer data)
{
  return ((GArray *) data)->len > 0;
}

static guint
count_nodes (GskRenderNode *node,
             GskRenderNodeType type)
{
  guint count = gsk_render_node_get_node_type (node) == type;

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        count += count_nodes (gsk_container_node_get_child (node, i), type);
      break;
    case GSK_TRANSFORM_NODE:
      count += count_nodes (gsk_transform_node_get_child (node), type);
      break;
    case GSK_CLIP_NODE:
      count += count_nodes (gsk_clip_node_get_child (node), type);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      count += count_nodes (gsk_rounded_clip_node_get_child (node), type);
      break;
    case GSK_OPACITY_NODE:
      count += count_nodes (gsk_opacity_node_get_child (node), type);
      break;
    case GSK_DEBUG_NODE:
      count += count_nodes (gsk_debug_node_get_child (node), type);
      break;
    default:
      break;
    }

  return count;
}

/* Near capacity cells the grid shows now. */
static guint
count_near_cells (BatonCapacityGrid *grid)
{
  const BatonGridLayout *layout = _baton_capacity_grid_get_layout (grid);
  guint first_row, end_row, first_week, last_week, count = 0;

  g_assert_true (baton_grid_layout_get_visible (layout, &first_row, &end_row, &first_week, &last_week));
  for (guint i = first_row; i < end_row; i++)
    for (guint w = first_week; w <= last_week; w++)
      {
        BatonGridCellInfo info;

        baton_capacity_grid_get_cell_info (grid, i, w, &info);
        count += info.style == BATON_GRID_CELL_HIGH;
      }

  return count;
}

static void
test_grid (gconstpointer data)
{
  BatonColorMode mode = GPOINTER_TO_UINT (data);
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (BatonGridTextSample));
  g_auto(Pixels) pixels = { 0 };
  GtkWindow *window;
  BatonCapacityGrid *grid;
  gboolean seen_empty = FALSE, seen_week = FALSE, seen_total = FALSE, seen_days_off = FALSE;
  double worst = 21;
  guint failures = 0;

  if (!set_mode (mode))
    return;

  store = demo_store ();
  window = show_in_window (baton_capacity_view_new (store));
  grid = baton_test_find_descendant (GTK_WIDGET (window), BATON_TYPE_CAPACITY_GRID);
  g_assert_nonnull (grid);

  _baton_capacity_grid_set_text_log (grid, log);
  g_assert_true (baton_test_wait_until (logged, log, 5000));
  _baton_capacity_grid_set_text_log (grid, NULL);

  for (guint i = 0; i < log->len; i++)
    {
      BatonGridTextSample *sample = &g_array_index (log, BatonGridTextSample, i);
      double ratio = baton_color_contrast (&sample->text, &sample->background);

      g_assert_cmpfloat (sample->text.alpha, ==, 1);
      g_assert_cmpfloat (sample->background.alpha, ==, 1);
      worst = MIN (worst, ratio);
      if (ratio < BATON_COLOR_MIN_TEXT_CONTRAST)
        {
          g_autofree char *text = gdk_rgba_to_string (&sample->text);
          g_autofree char *bg = gdk_rgba_to_string (&sample->background);

          g_test_message ("\"%s\" in %s: %s on %s, %.2f:1", sample->what, mode_names[mode], text, bg, ratio);
          failures++;
        }
      seen_empty |= g_str_has_prefix (sample->what, "0 / ");
      seen_week |= g_str_has_prefix (sample->what, "Week ");
      seen_total |= strstr (sample->what, " / ") != NULL && g_str_has_suffix (sample->what, " h");
      seen_days_off |= strstr (sample->what, "day off") != NULL || strstr (sample->what, "days off") != NULL;
    }
  g_test_message ("grid in %s: %u texts, at worst %.2f:1", mode_names[mode], log->len, worst);
  g_assert_cmpuint (failures, ==, 0);
  /* And the grid reaches what it aims at (7:1 in high contrast). */
  g_assert_cmpfloat (worst, >=, baton_color_mode_text_contrast (mode) - 0.01);
  /* The demo shows every kind the issue measured. */
  g_assert_true (seen_empty);
  g_assert_true (seen_week);
  g_assert_true (seen_total);
  g_assert_true (seen_days_off);

  /* Near capacity is striped: one pattern per near cell drawn. */
  {
    GtkSnapshot *snapshot = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) node = NULL;
    guint near = count_near_cells (grid);

    GTK_WIDGET_GET_CLASS (grid)->snapshot (GTK_WIDGET (grid), snapshot);
    node = gtk_snapshot_free_to_node (snapshot);
    g_assert_nonnull (node);
    g_assert_cmpuint (near, >, 0);
    g_assert_cmpuint (count_nodes (node, GSK_REPEATING_LINEAR_GRADIENT_NODE), ==, near);
  }

  /* The person headers' chips are widgets: measured as drawn. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  render (GTK_WIDGET (window), &pixels);
  g_assert_cmpuint (check_parts (GTK_WIDGET (window), &pixels, "role chip", is_role_chip, mode), >, 3);

  baton_test_destroy_window (window);
  reset_mode ();
}

/* Main ------------------------------------------------------------------------------ */

static void
cannot_run (gconstpointer data)
{
  baton_test_missing_requirement ("no display (run the UI tests under Xvfb: build-aux/dev test)");
}

static void
add_ui_test (const char    *path,
             gconstpointer  data,
             GTestDataFunc  func)
{
  g_test_add_data_func (path, data, have_display ? func : cannot_run);
}

int
main (int   argc,
      char *argv[])
{
  static const struct {
    const char     *name;
    BatonColorMode  mode;
  } modes[] = {
    { "light", BATON_COLOR_MODE_LIGHT },
    { "dark", BATON_COLOR_MODE_DARK },
    { "hc", BATON_COLOR_MODE_HC_LIGHT },
    { "hc-dark", BATON_COLOR_MODE_HC_DARK },
  };

  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      baton_test_load_stylesheet ();
    }

  g_test_add_func ("/contrast/arithmetic", test_arithmetic);
  g_test_add_func ("/contrast/chip-colors/any-color", test_chip_colors_any_color);
  add_ui_test ("/contrast/note-colors", NULL, test_note_colors);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *board = g_strdup_printf ("/contrast/board/%s", modes[i].name);
      g_autofree char *grid = g_strdup_printf ("/contrast/grid/%s", modes[i].name);

      g_autofree char *picked = g_strdup_printf ("/contrast/picked-colors/%s", modes[i].name);

      g_autofree char *archived = g_strdup_printf ("/contrast/archived-card/%s", modes[i].name);

      add_ui_test (picked, GUINT_TO_POINTER (modes[i].mode), test_picked_colors);
      add_ui_test (archived, GUINT_TO_POINTER (modes[i].mode), test_archived_card);
      add_ui_test (board, GUINT_TO_POINTER (modes[i].mode), test_board);
      add_ui_test (grid, GUINT_TO_POINTER (modes[i].mode), test_grid);
    }

  return g_test_run ();
}
