/* baton-capacity-grid-draw.c — painting the grid, and its drag feedback
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-capacity-grid"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "baton-capacity-grid-private.h"
#include "baton-avatar.h"
#include "baton-calendar.h"
#include "baton-colors.h"
#include "baton-dates.h"


/* Settings and colors ------------------------------------------------------ */

static gboolean
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color,
              const char *fallback)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), name, color))
    return TRUE;
  G_GNUC_END_IGNORE_DEPRECATIONS

  gdk_rgba_parse (color, fallback);
  return FALSE;
}

static inline GdkRGBA
with_alpha (const GdkRGBA *color,
            float          alpha)
{
  GdkRGBA result = *color;

  result.alpha *= alpha;
  return result;
}

/* The translucent fill of a cell of @style (transparent for none). A
 * near-capacity cell also carries stripes (high_stripe ()), so that it
 * differs from one with room by more than its hue. */
static GdkRGBA
style_fill (const Colors       *c,
            BatonGridCellStyle  style)
{
  /* Stronger on dark, but not in high contrast, where text comes first. */
  float tint = c->dark && !c->hc ? 1.35f : 1.0f;

  switch (style)
    {
    case BATON_GRID_CELL_OK:
      return with_alpha (&c->success, 0.13f * tint);
    case BATON_GRID_CELL_HIGH:
      return with_alpha (&c->warning, 0.18f * tint);
    case BATON_GRID_CELL_OVER:
      return with_alpha (&c->error, 0.16f * tint);
    case BATON_GRID_CELL_AWAY:
    case BATON_GRID_CELL_DEMAND:
      return with_alpha (&c->fg, 0.05f);
    case BATON_GRID_CELL_EMPTY:
    case BATON_GRID_CELL_TOTAL:
    default:
      return (GdkRGBA) { 0 };
    }
}

static GdkRGBA
high_stripe (const Colors *c)
{
  return with_alpha (&c->warning, c->dark ? (c->hc ? 0.10f : 0.15f) : 0.22f);
}

/* The fills of drag and rebalance previews (snapshot_cell ()). */
static GdkRGBA
preview_fill (const Colors  *c,
              const GdkRGBA *accent,
              float          strength)
{
  return with_alpha (accent, strength * (c->dark && !c->hc ? 1.35f : 1.0f));
}

static GdkRGBA
hover_fill (const Colors *c)
{
  return with_alpha (&c->fg, 0.03f);
}

static double
worst_contrast (const GdkRGBA *color,
                const GArray  *backgrounds)
{
  double worst = 21;

  for (guint i = 0; i < backgrounds->len; i++)
    worst = MIN (worst, baton_color_contrast (color, &g_array_index (backgrounds, GdkRGBA, i)));

  return worst;
}

/* @color made readable on every background of @backgrounds: each step
 * only strengthens while they are all on the same side of the black–white
 * midpoint; should they not be, black or white, whichever reads best. */
static GdkRGBA
readable_on_all (const GdkRGBA *color,
                 const GArray  *backgrounds,
                 double         ratio)
{
  static const GdkRGBA black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };
  GdkRGBA result = *color;

  for (guint i = 0; i < backgrounds->len; i++)
    result = baton_color_readable_on (&result, &g_array_index (backgrounds, GdkRGBA, i), ratio);

  if (worst_contrast (&result, backgrounds) >= ratio)
    return result;

  return worst_contrast (&black, backgrounds) >= worst_contrast (&white, backgrounds) ? black : white;
}

static void
ensure_colors (BatonCapacityGrid *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  Colors *c = &self->colors;
  BatonColorMode mode = baton_color_mode_for_display (gtk_widget_get_display (widget));
  double ratio = baton_color_mode_text_contrast (mode);
  g_autoptr(GArray) backgrounds = g_array_new (FALSE, FALSE, sizeof (GdkRGBA));
  g_autoptr(GArray) plain = g_array_new (FALSE, FALSE, sizeof (GdkRGBA));
  GdkRGBA fg, surfaces[4];
  const BatonGridCellStyle styles[] = {
    BATON_GRID_CELL_EMPTY, BATON_GRID_CELL_OK, BATON_GRID_CELL_HIGH, BATON_GRID_CELL_OVER,
    BATON_GRID_CELL_AWAY, BATON_GRID_CELL_DEMAND,
  };

  if (self->colors_valid)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  c->hc = baton_color_mode_is_hc (mode);
  c->fg = fg;
  /* Light text on a dark background: tints need more strength there. */
  c->dark = (fg.red + fg.green + fg.blue) / 3 > 0.5;
  c->line = with_alpha (&fg, c->hc ? 0.30f : 0.10f);
  c->band = with_alpha (&fg, 0.035f);
  lookup_color (widget, "accent_color", &c->accent, "#1c71d8");
  lookup_color (widget, "accent_bg_color", &c->accent_bg, "#3584e4");
  lookup_color (widget, "success_color", &c->success, "#26a269");
  lookup_color (widget, "warning_color", &c->warning, "#9c6e03");
  lookup_color (widget, "error_color", &c->error, "#c01c28");
  lookup_color (widget, "view_bg_color", &c->view_bg, "#ffffff");
  lookup_color (widget, "window_bg_color", &c->header_bg, "#fafafa");
  c->view_bg.alpha = 1;
  c->header_bg.alpha = 1;
  c->week_tint = with_alpha (&c->accent_bg, 0.05f);

  /* Every opaque color text is drawn on: the cells of each style (and
   * the previews' fills), on the view, a role's band and this week's
   * column, with and without the pointer over them; and the header. */
  surfaces[0] = c->view_bg;
  surfaces[1] = baton_color_over (&c->band, &c->view_bg);
  surfaces[2] = baton_color_over (&c->week_tint, &surfaces[0]);
  surfaces[3] = baton_color_over (&c->band, &surfaces[2]);
  for (guint s = 0; s < G_N_ELEMENTS (surfaces); s++)
    {
      GdkRGBA fills[G_N_ELEMENTS (styles) + 5];
      guint n = 0;

      for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
        fills[n++] = style_fill (c, styles[i]);
      fills[n++] = preview_fill (c, &c->accent_bg, 0.16f);
      fills[n++] = preview_fill (c, &c->error, 0.16f);
      fills[n++] = preview_fill (c, &c->accent_bg, 0.14f);
      fills[n++] = preview_fill (c, &c->error, 0.14f);
      fills[n++] = preview_fill (c, &c->accent_bg, 0.07f);

      for (guint i = 0; i < n; i++)
        {
          GdkRGBA cell = baton_color_over (&fills[i], &surfaces[s]);
          GdkRGBA hover = hover_fill (c);
          GdkRGBA stripe = high_stripe (c);

          g_array_append_val (backgrounds, cell);
          if (i < G_N_ELEMENTS (styles) && (styles[i] == BATON_GRID_CELL_EMPTY || styles[i] == BATON_GRID_CELL_AWAY))
            g_array_append_val (plain, cell);
          cell = baton_color_over (&hover, &cell);
          g_array_append_val (backgrounds, cell);
          if (i < G_N_ELEMENTS (styles) && (styles[i] == BATON_GRID_CELL_EMPTY || styles[i] == BATON_GRID_CELL_AWAY))
            g_array_append_val (plain, cell);
          if (i < G_N_ELEMENTS (styles) && styles[i] == BATON_GRID_CELL_HIGH)
            {
              cell = baton_color_over (&stripe, &g_array_index (backgrounds, GdkRGBA, backgrounds->len - 2));
              g_array_append_val (backgrounds, cell);
              cell = baton_color_over (&hover, &cell);
              g_array_append_val (backgrounds, cell);
            }
        }
    }
  g_array_append_val (backgrounds, c->header_bg);
  g_array_append_val (plain, c->header_bg);

  {
    GdkRGBA text = baton_color_over (&fg, &c->view_bg);
    /* Secondary text as libadwaita dims it (.dim-label), then as strong
     * as it must be to read. */
    GdkRGBA dim = baton_color_over (&(GdkRGBA) { fg.red, fg.green, fg.blue, fg.alpha * (c->hc ? 0.9f : 0.55f) },
                                    &c->view_bg);

    c->text = readable_on_all (&text, backgrounds, ratio);
    /* Dimmed where nothing fills the cell (empty and away cells, role
     * totals, the header); a caption may sit on any fill. */
    c->dim = readable_on_all (&dim, plain, ratio);
    c->caption = readable_on_all (&dim, backgrounds, ratio);
    c->error_text = readable_on_all (&c->error, backgrounds, ratio);
    c->accent_text = baton_color_readable_on (&c->accent, &c->header_bg, ratio);
    c->accent_text = baton_color_readable_on (&c->accent_text, &surfaces[2], ratio);
  }

  self->colors_valid = TRUE;
}

void
_baton_capacity_grid_ensure_metrics (BatonCapacityGrid *self)
{
  PangoContext *context;
  PangoFontMetrics *font_metrics;
  BatonGridMetrics *m = &self->layout.metrics;
  int line;

  if (self->metrics_valid)
    return;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  font_metrics = pango_context_get_metrics (context, NULL, NULL);
  line = PANGO_PIXELS_CEIL (pango_font_metrics_get_height (font_metrics));
  if (line <= 0)
    line = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (font_metrics) +
                              pango_font_metrics_get_descent (font_metrics));
  pango_font_metrics_unref (font_metrics);

  baton_grid_metrics_init (m, line);

  self->metrics_valid = TRUE;
}

void
_baton_capacity_grid_drop_drawing_caches (BatonCapacityGrid *self)
{
  g_hash_table_remove_all (self->layouts);
  self->colors_valid = FALSE;
  self->metrics_valid = FALSE;
  g_clear_object (&self->warning_icon);
  g_clear_object (&self->unassigned_icon);
}

static PangoLayout *
get_layout (BatonCapacityGrid *self,
            FontKind           kind,
            const char        *text,
            int                max_width)
{
  g_autofree char *key = g_strdup_printf ("%d|%d|%s", kind, max_width, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);
  PangoAttrList *attrs;

  if (layout != NULL)
    return layout;

  if (g_hash_table_size (self->layouts) > LAYOUT_CACHE_LIMIT)
    g_hash_table_remove_all (self->layouts);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  /* Plain text: names people typed are never parsed as markup. */
  pango_layout_set_text (layout, text, -1);

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
  if (kind == FONT_BOLD || kind == FONT_CAPTION_BOLD)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (kind == FONT_CAPTION || kind == FONT_CAPTION_BOLD)
    pango_attr_list_insert (attrs, pango_attr_scale_new (0.82));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  if (max_width > 0)
    {
      pango_layout_set_width (layout, max_width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }

  g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);

  return layout;
}

static GtkIconPaintable *
get_icon (BatonCapacityGrid  *self,
          GtkIconPaintable  **slot,
          const char         *name)
{
  if (*slot == NULL)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));

      *slot = gtk_icon_theme_lookup_icon (theme, name, NULL, 16,
                                          gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                          gtk_widget_get_direction (GTK_WIDGET (self)), 0);
    }

  return *slot;
}

static void
append_rect (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             float          x,
             float          y,
             float          width,
             float          height)
{
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, width, height));
}

static void
append_rounded (GtkSnapshot   *snapshot,
                const GdkRGBA *fill,
                const GdkRGBA *border,
                float          border_width,
                float          x,
                float          y,
                float          width,
                float          height,
                float          radius)
{
  GskRoundedRect rounded;

  gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (x, y, width, height), radius);

  if (fill != NULL && fill->alpha > 0)
    {
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, fill, &rounded.bounds);
      gtk_snapshot_pop (snapshot);
    }

  if (border != NULL && border->alpha > 0 && border_width > 0)
    {
      const float widths[4] = { border_width, border_width, border_width, border_width };
      const GdkRGBA colors[4] = { *border, *border, *border, *border };

      gtk_snapshot_append_border (snapshot, &rounded, widths, colors);
    }
}

static void
layout_size (PangoLayout *layout,
             int         *width,
             int         *height)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  *width = logical.width;
  *height = logical.height;
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             const GdkRGBA *color,
             float          x,
             float          y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Draws @layout in @color (opaque) over the opaque @background, which
 * the test log records with it. */
static void
draw_text (BatonCapacityGrid *self,
           GtkSnapshot       *snapshot,
           PangoLayout       *layout,
           const GdkRGBA     *color,
           const GdkRGBA     *background,
           float              x,
           float              y)
{
  if (self->text_log != NULL)
    {
      BatonGridTextSample sample = { *color, *background, { 0 }, pango_layout_is_ellipsized (layout) };

      g_strlcpy (sample.what, pango_layout_get_text (layout), sizeof sample.what);
      g_array_append_val (self->text_log, sample);
    }

  append_text (snapshot, layout, color, x, y);
}

void
_baton_capacity_grid_set_text_log (BatonCapacityGrid *self,
                                   GArray            *log)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));
  g_return_if_fail (log == NULL || g_array_get_element_size (log) == sizeof (BatonGridTextSample));

  g_clear_pointer (&self->text_log, g_array_unref);
  if (log != NULL)
    self->text_log = g_array_ref (log);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Diagonal stripes over a near-capacity cell. */
static void
append_stripes (GtkSnapshot   *snapshot,
                const GdkRGBA *stripe,
                float          x,
                float          y,
                float          width,
                float          height,
                float          radius)
{
  GskRoundedRect clip;
  const GskColorStop stops[] = {
    { 0.0f, *stripe },
    { 0.5f, *stripe },
    { 0.5f, { 0, 0, 0, 0 } },
    { 1.0f, { 0, 0, 0, 0 } },
  };

  gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (x, y, width, height), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_repeating_linear_gradient (snapshot, &clip.bounds,
                                                 &GRAPHENE_POINT_INIT (x, y),
                                                 &GRAPHENE_POINT_INIT (x + 4, y + 4),
                                                 stops, G_N_ELEMENTS (stops));
  gtk_snapshot_pop (snapshot);
}

static void
append_icon (BatonCapacityGrid *self,
             GtkSnapshot       *snapshot,
             GtkIconPaintable  *icon,
             const GdkRGBA     *color,
             float              x,
             float              y,
             float              size)
{
  const Colors *c = &self->colors;
  GdkRGBA colors[4] = { *color, c->error, c->warning, c->success };

  if (icon == NULL)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            size, size, colors, G_N_ELEMENTS (colors));
  gtk_snapshot_restore (snapshot);
}

static gboolean
row_is_highlighted (BatonCapacityGrid *self,
                    BatonGridRow      *row)
{
  return self->highlight_role != 0 &&
         row->kind == BATON_GRID_ROW_PERSON &&
         baton_capacity_grid_person_holds_role (self, row->person_id, self->highlight_role);
}

static void
snapshot_cell (BatonCapacityGrid *self,
               GtkSnapshot       *snapshot,
               guint              index,
               guint              week,
               float              x,
               float              y,
               float              width,
               float              height,
               gboolean           this_week)
{
  const Colors *c = &self->colors;
  BatonGridRow *row = get_row (self, index);
  BatonGridCellInfo info;
  gboolean preview = (gint) index == self->preview_row && (gint) week == self->preview_week;
  gboolean source = !preview && (gint) index == self->source_row && (gint) week == self->source_week;
  const GdkRGBA *text_color = &c->text;
  FontKind font = FONT_NORMAL;
  GdkRGBA fill = { 0 }, border = { 0 };
  float border_width = 1;
  float inset_x = 3, inset_y = 5;
  float cx, cy, cw, ch;
  const char *text;
  g_autofree char *caption = NULL;
  PangoLayout *main_layout, *caption_layout = NULL;
  int tw, th, capw = 0, caph = 0;
  float icon_size = 14, group_w, tx, ty;
  gboolean icon = FALSE;
  GtkIconPaintable *icon_paintable = NULL;
  const GdkRGBA *icon_color = &c->error;
  gboolean stripes = FALSE;
  GdkRGBA under, background;

  baton_capacity_grid_get_cell_info (self, index, week, &info);
  text = info.text;

  if (row->kind == BATON_GRID_ROW_ROLE)
    {
      inset_y = 8;
      font = FONT_CAPTION_BOLD;
      text_color = info.level == BATON_LOAD_OVER ? &c->error_text : &c->dim;
    }
  else if (row->kind == BATON_GRID_ROW_UNASSIGNED)
    inset_y = 7;

  cx = x + inset_x;
  cy = y + inset_y;
  cw = width - 2 * inset_x;
  ch = height - 2 * inset_y;

  fill = style_fill (c, info.style);
  switch (info.style)
    {
    case BATON_GRID_CELL_EMPTY:
      text_color = &c->dim;
      break;
    case BATON_GRID_CELL_OK:
      break;
    case BATON_GRID_CELL_HIGH:
      stripes = TRUE;
      break;
    case BATON_GRID_CELL_OVER:
      border = with_alpha (&c->error, c->hc ? 1.0f : 0.55f);
      text_color = &c->error_text;
      icon = info.over_icon;
      icon_paintable = get_icon (self, &self->warning_icon, "dialog-warning-symbolic");
      break;
    case BATON_GRID_CELL_AWAY:
      text_color = &c->dim;
      break;
    case BATON_GRID_CELL_DEMAND:
      border = with_alpha (&c->fg, c->hc ? 0.6f : 0.22f);
      font = FONT_BOLD;
      break;
    case BATON_GRID_CELL_TOTAL:
    default:
      break;
    }

  /* High contrast outlines every cell that holds something. */
  if (c->hc && fill.alpha > 0 && border.alpha == 0)
    border = with_alpha (&c->fg, 0.5f);

  if (info.days_off > 0 && row->kind == BATON_GRID_ROW_PERSON)
    caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day off", "%u days off", info.days_off),
                               info.days_off);

  if (preview)
    {
      const GdkRGBA *accent = self->preview_warning ? &c->error : &c->accent_bg;

      fill = preview_fill (c, accent, 0.16f);
      border = *accent;
      border_width = 2;
      text = self->preview_text;
      text_color = self->preview_warning ? &c->error_text : &c->text;
      stripes = FALSE;
      font = FONT_BOLD;
      icon = self->preview_warning;
      icon_paintable = get_icon (self, &self->warning_icon, "dialog-warning-symbolic");
      icon_color = &c->error;
      g_free (caption);
      caption = g_strdup (self->preview_note);
    }
  else if (info.planned && row->kind == BATON_GRID_ROW_PERSON)
    {
      /* A rebalance preview: what the cell will hold after the plan. */
      gboolean still_over = info.capacity > 0 &&
                            info.planned_load > info.capacity * baton_capacity_grid_get_settings (self)->over_threshold;

      fill = preview_fill (c, still_over ? &c->error : &c->accent_bg, 0.14f);
      border = still_over ? c->error : c->accent_bg;
      border_width = 2;
      text_color = still_over ? &c->error_text : &c->text;
      stripes = FALSE;
      font = FONT_BOLD;
      icon = still_over;
      icon_paintable = get_icon (self, &self->warning_icon, "dialog-warning-symbolic");
      icon_color = &c->error;
      g_free (caption);
      /* Translators: under the figures of a cell a rebalance plan changes */
      caption = g_strdup (_("Planned"));
    }
  else if (source)
    {
      /* What the cell the task leaves will show: quieter than the target. */
      fill = preview_fill (c, &c->accent_bg, 0.07f);
      border = with_alpha (&c->accent_bg, 0.6f);
      border_width = 1.5f;
      text = self->source_text;
      text_color = &c->text;
      stripes = FALSE;
      font = FONT_BOLD;
      icon = FALSE;
      g_free (caption);
      /* Translators: under the figures of the cell a dragged task leaves */
      caption = g_strdup (_("From here"));
    }

  /* The pointer's cell can be clicked: say so. */
  if (!preview && !source && row->kind != BATON_GRID_ROW_ROLE &&
      (gint) index == self->hover_row && (gint) week == self->hover_week)
    {
      if (border.alpha == 0)
        border = with_alpha (&c->fg, 0.25f);
      else
        border.alpha = MIN (1.0f, border.alpha + 0.3f);
      if (fill.alpha == 0)
        fill = hover_fill (c);
    }

  /* What the text will read on: the view, a role's band, this week's
   * tint, then the cell's fill and stripes. */
  under = c->view_bg;
  if (this_week)
    under = baton_color_over (&c->week_tint, &under);
  if (row->kind == BATON_GRID_ROW_ROLE)
    under = baton_color_over (&c->band, &under);
  background = under;

  if (row->kind != BATON_GRID_ROW_ROLE || preview || source || info.planned)
    {
      append_rounded (snapshot, &fill, &border, border_width, cx, cy, cw, ch, 7);
      background = baton_color_over (&fill, &under);
      if (stripes)
        {
          GdkRGBA stripe = high_stripe (c);

          append_stripes (snapshot, &stripe, cx, cy, cw, ch, 7);
          background = baton_color_over (&stripe, &background);
        }
    }

  /* A utilisation bar along the bottom of a person's cell. */
  if (!preview && !source && !info.planned && row->kind == BATON_GRID_ROW_PERSON && info.capacity > 0 && info.load > 0)
    {
      double ratio = MIN (info.load / info.capacity, 1.0);
      const GdkRGBA *bar = info.style == BATON_GRID_CELL_OVER ? &c->error
                         : info.style == BATON_GRID_CELL_HIGH ? &c->warning
                         : &c->success;
      GdkRGBA bar_color = with_alpha (bar, 0.85f);
      GskRoundedRect clip;

      gsk_rounded_rect_init_from_rect (&clip, &GRAPHENE_RECT_INIT (cx, cy, cw, ch), 7);
      gtk_snapshot_push_rounded_clip (snapshot, &clip);
      append_rect (snapshot, &bar_color, cx, cy + ch - 3, (float) (cw * ratio), 3);
      gtk_snapshot_pop (snapshot);
    }

  if (text == NULL || text[0] == '\0')
    return;

  /* A drop preview must be read whole ("11.5 → 27.5 h"): in a narrow
   * column, a smaller font, then no icon (the border and the note still
   * warn), before it would be cut. */
  if (preview || source || info.planned)
    {
      int room = (int) cw - 8;
      int full_width, full_height;

      layout_size (get_layout (self, font, text, -1), &full_width, &full_height);
      if (full_width + (icon ? icon_size + 4 : 0) > room)
        {
          font = FONT_CAPTION_BOLD;
          layout_size (get_layout (self, font, text, -1), &full_width, &full_height);
          if (full_width + (icon ? icon_size + 4 : 0) > room)
            icon = FALSE;
        }
    }

  main_layout = get_layout (self, font, text, (int) cw - 8 - (icon ? (int) icon_size + 4 : 0));
  layout_size (main_layout, &tw, &th);

  if (caption != NULL && caption[0] != '\0')
    {
      caption_layout = get_layout (self, FONT_CAPTION, caption, (int) cw - 8);
      layout_size (caption_layout, &capw, &caph);
    }

  group_w = tw + (icon ? icon_size + 4 : 0);
  tx = cx + (cw - group_w) / 2;
  ty = cy + (ch - th - (caption_layout ? caph : 0)) / 2 - (caption_layout ? 1 : 0);

  if (icon)
    append_icon (self, snapshot, icon_paintable, icon_color, tx, ty + (th - icon_size) / 2, icon_size);

  draw_text (self, snapshot, main_layout, text_color, &background, tx + (icon ? icon_size + 4 : 0), ty);

  if (caption_layout != NULL)
    draw_text (self, snapshot, caption_layout, self->preview_warning && preview ? &c->error_text : &c->caption,
               &background, cx + (cw - capw) / 2, ty + th);
}

static void
snapshot_role_name (BatonCapacityGrid *self,
                    GtkSnapshot       *snapshot,
                    BatonGridRow      *row,
                    float              y)
{
  const Colors *c = &self->colors;
  const BatonGridMetrics *m = &self->layout.metrics;
  BatonRole *role = row->role_id != 0 ? baton_store_lookup_role (self->store, row->role_id) : NULL;
  const char *name = role != NULL ? baton_role_get_name (role) : _("No Role");
  g_autofree char *count = NULL;
  PangoLayout *name_layout, *count_layout;
  GdkRGBA dot;
  int nw, nh, cw, ch;
  float x = 18, top;

  if (role == NULL || baton_role_get_color (role) == NULL ||
      !gdk_rgba_parse (&dot, baton_role_get_color (role)))
    dot = c->dim;

  /* The name, its count below it ("2 people + 1 also"), as the Team
   * corner shows its own: a long name keeps its width. */
  count = _baton_capacity_grid_format_role_count (self, row);
  count_layout = get_layout (self, FONT_CAPTION, count, m->name_width - (int) x - 32);
  layout_size (count_layout, &cw, &ch);

  name_layout = get_layout (self, FONT_BOLD, name, m->name_width - (int) x - 32);
  layout_size (name_layout, &nw, &nh);

  top = y + (row->height - nh - ch) / 2.0f;
  if (!baton_grid_layout_is_compact (&self->layout))
    append_rounded (snapshot, &dot, NULL, 0, x, top + (nh - 10) / 2.0f, 10, 10, 5);
  /* Narrow (avatars alone), the dot and the role's initials stand for the
   * group, as the avatars' initials stand for the people. */
  if (baton_grid_layout_is_compact (&self->layout))
    {
      g_autofree char *initials = baton_make_initials (name);
      GdkRGBA band = baton_color_over (&c->band, &c->view_bg);
      PangoLayout *short_layout;
      int iw, ih;

      if (initials == NULL)
        return;
      short_layout = get_layout (self, FONT_BOLD, initials, m->compact_name_width - (int) x - 14);
      layout_size (short_layout, &iw, &ih);
      draw_text (self, snapshot, short_layout, &c->text, &band, x + 14, y + (row->height - ih) / 2.0f);
      append_rounded (snapshot, &dot, NULL, 0, x, y + (row->height - 10) / 2.0f, 10, 10, 5);
      return;
    }
  x += 18;
  {
    GdkRGBA band = baton_color_over (&c->band, &c->view_bg);

    draw_text (self, snapshot, name_layout, &c->text, &band, x, top);
    draw_text (self, snapshot, count_layout, &c->dim, &band, x, top + nh);
  }
}

static void
snapshot_unassigned_name (BatonCapacityGrid *self,
                          GtkSnapshot       *snapshot,
                          BatonGridRow      *row,
                          float              y)
{
  const Colors *c = &self->colors;
  PangoLayout *layout = get_layout (self, FONT_NORMAL, _("Unassigned"), self->layout.metrics.name_width - 70);
  GtkIconPaintable *icon = get_icon (self, &self->unassigned_icon, "avatar-default-symbolic");
  int w, h;

  layout_size (layout, &w, &h);
  append_rounded (snapshot, NULL, &c->line, 1, 16, y + (row->height - 32) / 2.0f, 32, 32, 16);
  append_icon (self, snapshot, icon, &c->dim, 24, y + (row->height - 16) / 2.0f, 16);
  if (!baton_grid_layout_is_compact (&self->layout))
    draw_text (self, snapshot, layout, &c->dim, &c->view_bg, 58, y + (row->height - h) / 2.0f);
}

/* The first of @forms (NULL-terminated) that fits @width unshortened,
 * or the last, which then ends in "…". */
static PangoLayout *
get_fitting_layout (BatonCapacityGrid  *self,
                    FontKind            kind,
                    const char * const *forms,
                    int                 width)
{
  for (guint i = 0; forms[i] != NULL; i++)
    {
      int w, h;

      if (forms[i + 1] == NULL)
        return get_layout (self, kind, forms[i], width);

      layout_size (get_layout (self, kind, forms[i], -1), &w, &h);
      if (w <= width)
        return get_layout (self, kind, forms[i], width);
    }

  g_assert_not_reached ();
  return NULL;
}

static void
snapshot_week_header (BatonCapacityGrid *self,
                      GtkSnapshot       *snapshot,
                      guint              week,
                      float              x)
{
  const Colors *c = &self->colors;
  const BatonGridMetrics *m = &self->layout.metrics;
  guint32 start = baton_capacity_get_week_start (self->matrix, week);
  guint32 this_week = baton_date_week_start (self->today, baton_workload_get_settings (self->workload)->first_weekday);
  gboolean current = start == this_week;
  guint number = baton_week_number (start);
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *day_number = NULL;
  g_autofree char *long_form = NULL;
  g_autofree char *week_form = NULL;
  g_autofree char *number_form = NULL;
  const char *day_forms[3] = { NULL };
  const char *number_forms[4] = { NULL };
  PangoLayout *day_layout, *number_layout;
  GDate gdate;
  int dw, dh, nw, nh;
  int room = self->layout.column_width - 8;
  float top;

  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, start);
  date = g_date_time_new_utc (g_date_get_year (&gdate), g_date_get_month (&gdate), g_date_get_day (&gdate), 0, 0, 0);
  /* Translators: a week's first day in the grid header, strftime format: "Mar 4" */
  day = g_date_time_format (date, _("%b %-d"));
  day_number = g_date_time_format (date, "%-d");
  /* Translators: the current week in the grid header; %u is its ISO number */
  long_form = g_strdup_printf (_("This week · %u"), number);
  /* Translators: an ISO week number in the grid header: "Week 10" */
  week_form = g_strdup_printf (_("Week %u"), number);
  number_form = g_strdup_printf ("%u", number);

  /* A translation too long for a narrow column gives way to a shorter
   * form, not to "…": the current week keeps its accent colour, its bold
   * and its bar below when "This week" does not fit. */
  day_forms[0] = day;
  day_forms[1] = day_number;
  number_forms[0] = current ? long_form : week_form;
  number_forms[1] = current ? week_form : number_form;
  number_forms[2] = current ? number_form : NULL;

  day_layout = get_fitting_layout (self, FONT_BOLD, day_forms, room);
  number_layout = get_fitting_layout (self, current ? FONT_CAPTION_BOLD : FONT_CAPTION, number_forms, room);
  layout_size (day_layout, &dw, &dh);
  layout_size (number_layout, &nw, &nh);

  top = (m->header_height - dh - nh) / 2.0f;
  draw_text (self, snapshot, day_layout, current ? &c->accent_text : &c->text, &c->header_bg,
             x + (self->layout.column_width - dw) / 2.0f, top);
  draw_text (self, snapshot, number_layout, current ? &c->accent_text : &c->dim, &c->header_bg,
             x + (self->layout.column_width - nw) / 2.0f, top + dh);

  if (current)
    append_rounded (snapshot, &c->accent_bg, NULL, 0, x + 10, m->header_height - 3,
                    self->layout.column_width - 20, 3, 1.5f);
}

void
_baton_capacity_grid_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (widget);
  const BatonGridMetrics *m;
  const Colors *c;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const BatonGridLayout *layout;
  double hval, vval;
  guint first_row, end_row, first_week, last_week;
  guint32 this_week;
  gboolean has_focus = _baton_capacity_grid_focus_within (self);   /* the grid or its focus cell */

  layout = _baton_capacity_grid_get_layout (self);
  ensure_colors (self);
  m = &layout->metrics;
  c = &self->colors;
  hval = layout->hscroll;
  vval = layout->vscroll;
  self->draw_count++;

  if (!baton_grid_layout_get_visible (layout, &first_row, &end_row, &first_week, &last_week))
    return;

  this_week = baton_date_week_start (self->today, baton_workload_get_settings (self->workload)->first_weekday);

  /* The cells, under everything else. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (m->name_width, m->header_height,
                                                         MAX (width - m->name_width, 0),
                                                         MAX (height - m->header_height, 0)));

  for (guint w = first_week; w <= last_week; w++)
    if (baton_capacity_get_week_start (self->matrix, w) == this_week)
      {
        append_rect (snapshot, &c->week_tint, m->name_width + w * self->layout.column_width - hval,
                     m->header_height, self->layout.column_width, height - m->header_height);
      }

  for (guint i = first_row; i < end_row; i++)
    {
      BatonGridRow *row = get_row (self, i);
      float y = m->header_height + row->y - vval;

      /* People who hold a dragged task's role are marked in the name
       * column only: a tint across all the weeks made every drop repaint
       * whole rows (a third of the grid's refresh time, in software). */
      if (row->kind == BATON_GRID_ROW_ROLE)
        append_rect (snapshot, &c->band, m->name_width, y, width - m->name_width, row->height);

      for (guint w = first_week; w <= last_week; w++)
        {
          float x = m->name_width + w * self->layout.column_width - hval;

          snapshot_cell (self, snapshot, i, w, x, y, self->layout.column_width, row->height,
                         baton_capacity_get_week_start (self->matrix, w) == this_week);

          if (has_focus && (gint) i == self->focus_row && (gint) w == self->focus_week)
            append_rounded (snapshot, NULL, &c->accent, 2, x + 1, y + 2,
                            self->layout.column_width - 2, row->height - 4, 9);
        }

      if (row->kind == BATON_GRID_ROW_UNASSIGNED ||
          (i + 1 < self->layout.rows->len && get_row (self, i + 1)->kind == BATON_GRID_ROW_PERSON))
        append_rect (snapshot, &c->line, m->name_width, y + row->height - 0.5f, width - m->name_width, 1);
    }

  gtk_snapshot_pop (snapshot);

  /* The name column, still when the weeks scroll. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, m->header_height, m->name_width,
                                                         MAX (height - m->header_height, 0)));
  append_rect (snapshot, &c->view_bg, 0, m->header_height, m->name_width, height - m->header_height);

  for (guint i = first_row; i < end_row; i++)
    {
      BatonGridRow *row = get_row (self, i);
      float y = m->header_height + row->y - vval;

      if (row->kind == BATON_GRID_ROW_ROLE)
        {
          append_rect (snapshot, &c->band, 0, y, m->name_width, row->height);
          snapshot_role_name (self, snapshot, row, y);
        }
      else if (row->kind == BATON_GRID_ROW_UNASSIGNED)
        snapshot_unassigned_name (self, snapshot, row, y);
      else
        {
          RowHeader *header = g_hash_table_lookup (self->headers, &row->person_id);

          if (row_is_highlighted (self, row))
            {
              GdkRGBA tint = with_alpha (&c->accent_bg, 0.10f);

              append_rect (snapshot, &tint, 0, y, m->name_width, row->height);
              append_rect (snapshot, &c->accent_bg, 0, y + 4, 3, row->height - 8);
            }
          if (header != NULL && header->wanted)
            gtk_widget_snapshot_child (widget, header->widget, snapshot);
        }

      if (row->kind == BATON_GRID_ROW_UNASSIGNED ||
          (i + 1 < self->layout.rows->len && get_row (self, i + 1)->kind == BATON_GRID_ROW_PERSON))
        append_rect (snapshot, &c->line, 12, y + row->height - 0.5f, m->name_width - 12, 1);

      if (has_focus && (gint) i == self->focus_row && self->focus_week < 0)
        append_rounded (snapshot, NULL, &c->accent, 2, 4, y + 2, m->name_width - 8, row->height - 4, 9);
    }

  append_rect (snapshot, &c->line, m->name_width - 1, m->header_height, 1, height - m->header_height);
  gtk_snapshot_pop (snapshot);

  /* The week header, still when the people scroll. */
  append_rect (snapshot, &c->header_bg, 0, 0, width, m->header_height);
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (m->name_width, 0, MAX (width - m->name_width, 0),
                                                         m->header_height));
  for (guint w = first_week; w <= last_week; w++)
    snapshot_week_header (self, snapshot, w, m->name_width + w * self->layout.column_width - hval);
  gtk_snapshot_pop (snapshot);

  {
    guint n_people = baton_capacity_get_n_people (self->matrix);
    g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n_people),
                                              n_people);
    PangoLayout *title = get_layout (self, FONT_BOLD, _("Team"), -1);
    PangoLayout *sub = get_layout (self, FONT_CAPTION, count, -1);
    int tw, th, sw, sh;

    layout_size (title, &tw, &th);
    layout_size (sub, &sw, &sh);
    if (baton_grid_layout_is_compact (&self->layout))
      sh = 0;
    draw_text (self, snapshot, title, &c->text, &c->header_bg, 18, (m->header_height - th - sh) / 2.0f);
    if (sh > 0)
      draw_text (self, snapshot, sub, &c->dim, &c->header_bg, 18, (m->header_height - th - sh) / 2.0f + th);
  }

  append_rect (snapshot, &c->line, 0, m->header_height - 1, width, 1);
  append_rect (snapshot, &c->line, m->name_width - 1, 0, 1, m->header_height);

  /* Popovers draw themselves (they are native surfaces). */
}

/* Drag feedback ------------------------------------------------------------ */

void
baton_capacity_grid_set_highlight_role (BatonCapacityGrid *self,
                                        gint64             role_id)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));

  if (self->highlight_role != role_id)
    {
      self->highlight_role = role_id;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
baton_capacity_grid_set_preview (BatonCapacityGrid *self,
                                 guint              row,
                                 guint              week,
                                 const char        *text,
                                 gboolean           warning,
                                 const char        *note)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));

  if (self->preview_row == (gint) row && self->preview_week == (gint) week &&
      self->preview_warning == warning &&
      g_strcmp0 (self->preview_text, text) == 0 && g_strcmp0 (self->preview_note, note) == 0)
    return;

  self->preview_row = (gint) row;
  self->preview_week = (gint) week;
  self->preview_warning = warning;
  g_free (self->preview_text);
  self->preview_text = g_strdup (text);
  g_free (self->preview_note);
  self->preview_note = g_strdup (note);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
baton_capacity_grid_set_source_preview (BatonCapacityGrid *self,
                                        gint               row,
                                        gint               week,
                                        const char        *text)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));

  if (row < 0 || week < 0 || text == NULL)
    row = week = -1;

  if (self->source_row == row && self->source_week == week &&
      g_strcmp0 (self->source_text, row >= 0 ? text : NULL) == 0)
    return;

  self->source_row = row;
  self->source_week = week;
  g_free (self->source_text);
  self->source_text = row >= 0 ? g_strdup (text) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
baton_capacity_grid_clear_preview (BatonCapacityGrid *self)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));

  baton_capacity_grid_set_source_preview (self, -1, -1, NULL);

  if (self->preview_row < 0)
    return;

  self->preview_row = -1;
  self->preview_week = -1;
  g_clear_pointer (&self->preview_text, g_free);
  g_clear_pointer (&self->preview_note, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
baton_capacity_grid_get_source_preview_text (BatonCapacityGrid *self,
                                             guint             *row,
                                             guint             *week)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), NULL);

  if (self->source_row < 0)
    return NULL;

  if (row != NULL)
    *row = (guint) self->source_row;
  if (week != NULL)
    *week = (guint) self->source_week;

  return self->source_text;
}

const char *
baton_capacity_grid_get_preview_text (BatonCapacityGrid  *self,
                                      gboolean           *warning,
                                      const char        **note)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), NULL);

  if (warning != NULL)
    *warning = self->preview_warning;
  if (note != NULL)
    *note = self->preview_note;

  return self->preview_row >= 0 ? self->preview_text : NULL;
}

guint
baton_capacity_grid_get_draw_count (BatonCapacityGrid *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), 0);

  return self->draw_count;
}
