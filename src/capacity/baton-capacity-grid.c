/* baton-capacity-grid.c — people × weeks, drawn as one widget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why a custom widget and not a GtkColumnView: the grid must stay smooth at
 * 200 people × 26 weeks (5,200 cells) and be rebuilt after every change
 * from a matrix the model computes in one go. A column view would create a
 * cell widget per visible (row, column) — hundreds of widgets with CSS
 * nodes, each re-bound on every change and on every scroll step — and it
 * cannot keep the name column and the week header still while the rest
 * scrolls, or draw one drop preview across rows. So, like GNOME Calendar's
 * week grid, this is a GtkWidget with measure, size_allocate and snapshot:
 *
 *  - a layout cache (the rows: role headers, people, unassigned demand, with
 *    their y offsets) rebuilt with the matrix when the store changed, at
 *    most once per frame, behind a valid flag;
 *  - cells are drawn in snapshot, only those on screen, from Pango layouts
 *    cached by text (most cells share a handful of strings);
 *  - the only child widgets are the people's name headers (avatar, name,
 *    role chips), created for the rows on screen and kept in a small cache
 *    keyed by person, plus the popovers the view parents here;
 *  - it implements GtkScrollable itself, so the week header and the name
 *    column stay put while the cells scroll under them;
 *  - drag and drop semantics live in the view: the grid maps coordinates
 *    to cells and draws the highlight and the preview it is told to.
 */

#define G_LOG_DOMAIN "baton-capacity-grid"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "baton-capacity-grid.h"
#include "baton-calendar.h"
#include "baton-dates.h"
#include "baton-duration.h"
#include "baton-edge-scroll.h"
#include "baton-view-settings.h"
#include "baton-avatar.h"
#include "baton-role-chip.h"

#define MAX_CHIPS          2
#define LAYOUT_CACHE_LIMIT 4096
#define AUTOSCROLL_EDGE    48.0
#define AUTOSCROLL_SPEED   24.0

typedef struct
{
  BatonGridRowKind kind;
  gint64           role_id;       /* the group's role, 0 for people without one */
  gint             matrix_row;    /* person rows; −1 otherwise */
  gint64           person_id;     /* person rows */
  int              y;             /* below the week header, unscrolled */
  int              height;
  guint            n_people;      /* role rows: people in the group */
  double          *total_load;    /* role rows: n_weeks, minutes */
  double          *total_capacity;
} GridRow;

typedef struct
{
  gint64  person_id;              /* key */
  GArray *role_ids;               /* gint64, primary first */
} PersonRoles;

typedef struct
{
  gint64     person_id;           /* key */
  GtkWidget *widget;
  char      *signature;
  gboolean   wanted;
} RowHeader;

typedef struct
{
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA line;
  GdkRGBA band;
  GdkRGBA accent;
  GdkRGBA accent_bg;
  GdkRGBA success;
  GdkRGBA warning;
  GdkRGBA error;
  GdkRGBA view_bg;
  GdkRGBA header_bg;
  gboolean dark;
} Colors;

typedef struct
{
  int line_height;
  int name_width;
  int header_height;
  int role_height;
  int person_height;
  int unassigned_height;
  int group_gap;
  int min_column;
} Metrics;

typedef enum
{
  FONT_NORMAL,
  FONT_BOLD,
  FONT_CAPTION,
  FONT_CAPTION_BOLD,
  N_FONTS
} FontKind;

struct _BatonCapacityGrid
{
  GtkWidget              parent_instance;

  /* Owned references */
  BatonStore            *store;
  BatonCapacity         *matrix;
  GtkAdjustment         *hadjustment;
  GtkAdjustment         *vadjustment;
  GtkIconPaintable      *warning_icon;
  GtkIconPaintable      *unassigned_icon;

  /* Inputs */
  BatonCapacitySettings  settings;
  guint32                first_week;
  guint                  n_weeks;
  guint32                today;

  /* Layout cache */
  gboolean               valid;          /* matrix and rows */
  gboolean               geometry_valid; /* rows' y and height (follow the font) */
  GArray                *rows;           /* GridRow */
  GHashTable            *person_roles;   /* gint64* → PersonRoles* */
  int                    content_height;
  Metrics                metrics;
  gboolean               metrics_valid;
  int                    column_width;

  /* Drawing cache */
  GHashTable            *layouts;        /* "kind|width|text" → PangoLayout */
  Colors                 colors;
  gboolean               colors_valid;

  /* Name headers of people rows on screen */
  GHashTable            *headers;        /* gint64* → RowHeader* */

  /* State */
  guint                  hscroll_policy : 1;
  guint                  vscroll_policy : 1;
  gint                   focus_row;      /* −1: none */
  gint                   focus_week;
  BatonGridRowKind       focus_kind;     /* to find the row again after a rebuild */
  gint64                 focus_id;
  gint64                 highlight_role;
  gint                   hover_row;      /* −1: none */
  gint                   hover_week;
  gint                   preview_row;    /* −1: none */
  gint                   preview_week;
  char                  *preview_text;
  char                  *preview_note;
  gboolean               preview_warning;
  gint                   source_row;     /* −1: none; the cell a drag leaves */
  gint                   source_week;
  char                  *source_text;
  BatonEdgeScroll        scroll_x;       /* under a drag */
  BatonEdgeScroll        scroll_y;
  guint                  draw_count;
};

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (BatonCapacityGrid, baton_capacity_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* Helpers ------------------------------------------------------------------ */

static void
person_roles_free (gpointer data)
{
  PersonRoles *roles = data;

  g_array_unref (roles->role_ids);
  g_free (roles);
}

static void
row_header_free (gpointer data)
{
  RowHeader *header = data;

  g_clear_pointer (&header->widget, gtk_widget_unparent);
  g_free (header->signature);
  g_free (header);
}

static void
grid_row_clear (gpointer data)
{
  GridRow *row = data;

  g_clear_pointer (&row->total_load, g_free);
  g_clear_pointer (&row->total_capacity, g_free);
}

static inline GridRow *
get_row (BatonCapacityGrid *self,
         guint              index)
{
  g_assert (index < self->rows->len);
  return &g_array_index (self->rows, GridRow, index);
}

static char *
format_hours (double minutes)
{
  return baton_duration_format_hours (minutes);
}

static void
set_cell_text_pair (char   *buffer,
                    gsize   size,
                    double  load,
                    double  capacity)
{
  g_autofree char *a = format_hours (load);
  g_autofree char *b = format_hours (capacity);

  /* Translators: load / capacity in hours, as a grid cell shows it: "32 / 40 h" */
  g_snprintf (buffer, size, _("%s / %s h"), a, b);
}

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

static void
ensure_colors (BatonCapacityGrid *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  Colors *c = &self->colors;
  GdkRGBA fg;

  if (self->colors_valid)
    return;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  c->fg = fg;
  c->dim = with_alpha (&fg, 0.55f);
  c->line = with_alpha (&fg, 0.10f);
  c->band = with_alpha (&fg, 0.035f);
  lookup_color (widget, "accent_color", &c->accent, "#1c71d8");
  lookup_color (widget, "accent_bg_color", &c->accent_bg, "#3584e4");
  lookup_color (widget, "success_color", &c->success, "#26a269");
  lookup_color (widget, "warning_color", &c->warning, "#9c6e03");
  lookup_color (widget, "error_color", &c->error, "#c01c28");
  lookup_color (widget, "view_bg_color", &c->view_bg, "#ffffff");
  lookup_color (widget, "window_bg_color", &c->header_bg, "#fafafa");

  /* Light text on a dark background: tints need more strength there. */
  c->dark = (fg.red + fg.green + fg.blue) / 3 > 0.5;

  self->colors_valid = TRUE;
}

static void
ensure_metrics (BatonCapacityGrid *self)
{
  PangoContext *context;
  PangoFontMetrics *font_metrics;
  Metrics *m = &self->metrics;
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

  m->line_height = MAX (line, 12);
  m->name_width = 288;
  m->header_height = MAX (56, 2 * m->line_height + 18);
  m->role_height = MAX (42, m->line_height + 22);
  m->person_height = MAX (58, 2 * m->line_height + 20);
  m->unassigned_height = MAX (44, m->line_height + 24);
  m->group_gap = 14;
  m->min_column = 112;

  self->metrics_valid = TRUE;
}

static void
drop_drawing_caches (BatonCapacityGrid *self)
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

/* Layout -------------------------------------------------------------------- */

static PersonRoles *
lookup_person_roles (BatonCapacityGrid *self,
                     gint64             person_id)
{
  return g_hash_table_lookup (self->person_roles, &person_id);
}

static void
index_person_roles (BatonCapacityGrid *self)
{
  GListModel *links = baton_store_get_person_roles (self->store);
  guint n = g_list_model_get_n_items (links);

  g_hash_table_remove_all (self->person_roles);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonPersonRole) link = g_list_model_get_item (links, i);
      gint64 person_id = baton_person_role_get_person_id (link);
      gint64 role_id = baton_person_role_get_role_id (link);
      PersonRoles *roles = lookup_person_roles (self, person_id);

      if (roles == NULL)
        {
          roles = g_new0 (PersonRoles, 1);
          roles->person_id = person_id;
          roles->role_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (self->person_roles, &roles->person_id, roles);
        }

      if (baton_person_role_get_is_primary (link))
        g_array_prepend_val (roles->role_ids, role_id);
      else
        g_array_append_val (roles->role_ids, role_id);
    }
}

static gint64
primary_role_of (BatonCapacityGrid *self,
                 gint64             person_id)
{
  PersonRoles *roles = lookup_person_roles (self, person_id);

  return roles != NULL && roles->role_ids->len > 0 ? g_array_index (roles->role_ids, gint64, 0) : 0;
}

typedef struct
{
  guint  row;
  char  *collate_key;
} SortEntry;

static gint
compare_sort_entries (gconstpointer a,
                      gconstpointer b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;
  int cmp = strcmp (ea->collate_key, eb->collate_key);

  return cmp != 0 ? cmp : (ea->row < eb->row ? -1 : (ea->row > eb->row ? 1 : 0));
}

static void
append_row (BatonCapacityGrid *self,
            GridRow           *row)
{
  g_array_append_val (self->rows, *row);
}

static void
add_group (BatonCapacityGrid *self,
           gint64             role_id,
           GArray            *entries,   /* SortEntry of this group, sorted */
           gboolean           with_unassigned)
{
  GridRow header = { BATON_GRID_ROW_ROLE, role_id, -1, 0 };
  guint n_weeks = self->n_weeks;

  header.n_people = entries->len;
  header.total_load = g_new0 (double, MAX (n_weeks, 1));
  header.total_capacity = g_new0 (double, MAX (n_weeks, 1));

  for (guint i = 0; i < entries->len; i++)
    {
      guint matrix_row = g_array_index (entries, SortEntry, i).row;

      for (guint w = 0; w < n_weeks; w++)
        {
          header.total_load[w] += baton_capacity_get_load (self->matrix, matrix_row, w);
          header.total_capacity[w] += baton_capacity_get_capacity (self->matrix, matrix_row, w);
        }
    }
  append_row (self, &header);

  for (guint i = 0; i < entries->len; i++)
    {
      guint matrix_row = g_array_index (entries, SortEntry, i).row;
      GridRow row = { BATON_GRID_ROW_PERSON, role_id, (gint) matrix_row, 0 };

      row.person_id = baton_record_get_id (BATON_RECORD (baton_capacity_get_person (self->matrix, matrix_row)));
      append_row (self, &row);
    }

  if (with_unassigned)
    {
      GridRow row = { BATON_GRID_ROW_UNASSIGNED, role_id, -1, 0 };

      append_row (self, &row);
    }
}

static void
sort_entry_clear (gpointer data)
{
  g_free (((SortEntry *) data)->collate_key);
}

static void
restore_focus (BatonCapacityGrid *self)
{
  gint found = -1;

  if (self->focus_row < 0)
    return;

  for (guint i = 0; i < self->rows->len && found < 0; i++)
    {
      GridRow *row = get_row (self, i);

      if (row->kind != self->focus_kind)
        continue;
      if ((row->kind == BATON_GRID_ROW_PERSON && row->person_id == self->focus_id) ||
          (row->kind != BATON_GRID_ROW_PERSON && row->role_id == self->focus_id))
        found = (gint) i;
    }

  if (found < 0)
    found = MIN (self->focus_row, (gint) self->rows->len - 1);

  self->focus_row = found;
  if (self->focus_week >= (gint) self->n_weeks)
    self->focus_week = (gint) self->n_weeks - 1;
}

/* Places the rows: heights from the font, a gap before each group. */
static void
layout_geometry (BatonCapacityGrid *self)
{
  const Metrics *m = &self->metrics;
  int y = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GridRow *row = get_row (self, i);

      switch (row->kind)
        {
        case BATON_GRID_ROW_ROLE:
          if (i > 0)
            y += m->group_gap;
          row->height = m->role_height;
          break;
        case BATON_GRID_ROW_PERSON:
          row->height = m->person_height;
          break;
        case BATON_GRID_ROW_UNASSIGNED:
        default:
          row->height = m->unassigned_height;
          break;
        }

      row->y = y;
      y += row->height;
    }

  self->content_height = y + m->group_gap * 2;
  self->geometry_valid = TRUE;
}

/* Rebuilds the matrix and the rows when the store or the inputs changed,
 * and places them again when the font changed. */
static void
ensure_layout (BatonCapacityGrid *self)
{
  BatonCapacityInput input;
  GListModel *roles;
  g_autoptr(GHashTable) groups = NULL;   /* role id → GArray of SortEntry */
  g_autoptr(GArray) no_role = NULL;
  guint n_people, n_roles;

  ensure_metrics (self);

  if (self->valid)
    {
      if (!self->geometry_valid)
        layout_geometry (self);
      return;
    }

  g_clear_pointer (&self->matrix, baton_capacity_unref);
  g_array_set_size (self->rows, 0);

  baton_capacity_input_from_store (self->store, &input);
  self->matrix = baton_capacity_compute (&self->settings, &input, self->first_week, self->n_weeks);
  index_person_roles (self);

  /* People under their primary role, by name. */
  groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  no_role = g_array_new (FALSE, FALSE, sizeof (SortEntry));
  g_array_set_clear_func (no_role, sort_entry_clear);
  n_people = baton_capacity_get_n_people (self->matrix);

  for (guint r = 0; r < n_people; r++)
    {
      BatonPerson *person = baton_capacity_get_person (self->matrix, r);
      gint64 role_id = primary_role_of (self, baton_record_get_id (BATON_RECORD (person)));
      const char *name = baton_person_get_name (person);
      SortEntry entry = { r, g_utf8_collate_key (name != NULL ? name : "", -1) };
      GArray *group = no_role;

      if (role_id != 0 && baton_store_lookup_role (self->store, role_id) != NULL)
        {
          group = g_hash_table_lookup (groups, &role_id);
          if (group == NULL)
            {
              group = g_array_new (FALSE, FALSE, sizeof (SortEntry));
              g_array_set_clear_func (group, sort_entry_clear);
              g_hash_table_insert (groups, g_memdup2 (&role_id, sizeof role_id), group);
            }
        }
      g_array_append_val (group, entry);
    }

  roles = baton_store_get_roles (self->store);
  n_roles = g_list_model_get_n_items (roles);

  for (guint i = 0; i < n_roles; i++)
    {
      g_autoptr(BatonRole) role = g_list_model_get_item (roles, i);
      gint64 role_id = baton_record_get_id (BATON_RECORD (role));
      GArray *group = g_hash_table_lookup (groups, &role_id);
      g_autoptr(GArray) empty = NULL;

      if (group == NULL)
        group = empty = g_array_new (FALSE, FALSE, sizeof (SortEntry));
      g_array_sort (group, compare_sort_entries);
      add_group (self, role_id, group, TRUE);
    }

  if (no_role->len > 0)
    {
      g_array_sort (no_role, compare_sort_entries);
      add_group (self, 0, no_role, FALSE);
    }

  layout_geometry (self);
  self->valid = TRUE;

  restore_focus (self);
  self->hover_row = self->hover_week = -1;
}

/* Geometry ----------------------------------------------------------------- */

static inline double
hscroll (BatonCapacityGrid *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static inline double
vscroll (BatonCapacityGrid *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static int
compute_column_width (BatonCapacityGrid *self,
                      int                width)
{
  int available = width - self->metrics.name_width;

  if (self->n_weeks == 0)
    return self->metrics.min_column;

  return MAX (self->metrics.min_column, available / (int) self->n_weeks);
}

/* The first row whose bottom is below content y @y. */
static guint
row_at_content_y (BatonCapacityGrid *self,
                  double             y)
{
  guint lo = 0, hi = self->rows->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      GridRow *row = get_row (self, mid);

      if (row->y + row->height <= y)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

gboolean
baton_capacity_grid_pick (BatonCapacityGrid *self,
                          double             x,
                          double             y,
                          guint             *out_row,
                          gint              *out_week)
{
  double content_y;
  guint index;
  GridRow *row;
  gint week = -1;

  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), FALSE);

  ensure_layout (self);

  if (y < self->metrics.header_height || x < 0 || x >= gtk_widget_get_width (GTK_WIDGET (self)))
    return FALSE;

  content_y = y - self->metrics.header_height + vscroll (self);
  index = row_at_content_y (self, content_y);
  if (index >= self->rows->len)
    return FALSE;

  row = get_row (self, index);
  if (content_y < row->y)
    return FALSE;   /* the gap between groups */

  if (x >= self->metrics.name_width)
    {
      double content_x = x - self->metrics.name_width + hscroll (self);

      week = (gint) floor (content_x / self->column_width);
      if (week < 0 || week >= (gint) self->n_weeks)
        return FALSE;
    }

  if (out_row != NULL)
    *out_row = index;
  if (out_week != NULL)
    *out_week = week;

  return TRUE;
}

gboolean
baton_capacity_grid_get_cell_rect (BatonCapacityGrid *self,
                                   guint              index,
                                   gint               week,
                                   GdkRectangle      *rect)
{
  GridRow *row;

  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  ensure_layout (self);

  if (index >= self->rows->len || week < -1 || week >= (gint) self->n_weeks)
    return FALSE;

  row = get_row (self, index);
  rect->y = self->metrics.header_height + row->y - (int) vscroll (self);
  rect->height = row->height;

  if (week < 0)
    {
      rect->x = 0;
      rect->width = self->metrics.name_width;
    }
  else
    {
      rect->x = self->metrics.name_width + week * self->column_width - (int) hscroll (self);
      rect->width = self->column_width;
    }

  return TRUE;
}

void
baton_capacity_grid_scroll_to_cell (BatonCapacityGrid *self,
                                    guint              index,
                                    gint               week)
{
  GridRow *row;

  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));

  ensure_layout (self);
  if (index >= self->rows->len)
    return;

  row = get_row (self, index);

  if (self->vadjustment != NULL)
    {
      double value = gtk_adjustment_get_value (self->vadjustment);
      double page = gtk_adjustment_get_page_size (self->vadjustment);
      double top = row->y;
      double bottom = row->y + row->height;

      /* Show the group's header with its first person. */
      if (index > 0 && get_row (self, index - 1)->kind == BATON_GRID_ROW_ROLE)
        top = get_row (self, index - 1)->y;

      if (top < value)
        gtk_adjustment_set_value (self->vadjustment, top);
      else if (bottom > value + page && page > 0)
        gtk_adjustment_set_value (self->vadjustment, bottom - page);
    }

  if (self->hadjustment != NULL && week >= 0)
    {
      double value = gtk_adjustment_get_value (self->hadjustment);
      double page = gtk_adjustment_get_page_size (self->hadjustment);
      double left = week * self->column_width;
      double right = left + self->column_width;

      if (left < value)
        gtk_adjustment_set_value (self->hadjustment, left);
      else if (right > value + page && page > 0)
        gtk_adjustment_set_value (self->hadjustment, right - page);
    }
}

/* Cells -------------------------------------------------------------------- */

void
baton_capacity_grid_get_cell_info (BatonCapacityGrid *self,
                                   guint              index,
                                   guint              week,
                                   BatonGridCellInfo *info)
{
  GridRow *row;

  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));
  g_return_if_fail (info != NULL);

  memset (info, 0, sizeof *info);
  ensure_layout (self);
  g_return_if_fail (index < self->rows->len);
  g_return_if_fail (week < self->n_weeks);

  row = get_row (self, index);

  switch (row->kind)
    {
    case BATON_GRID_ROW_PERSON:
      info->load = baton_capacity_get_load (self->matrix, row->matrix_row, week);
      info->capacity = baton_capacity_get_capacity (self->matrix, row->matrix_row, week);
      info->days_off = baton_capacity_get_days_off (self->matrix, row->matrix_row, week);
      info->level = baton_capacity_get_level (self->matrix, row->matrix_row, week);
      set_cell_text_pair (info->text, sizeof info->text, info->load, info->capacity);

      if (info->level == BATON_LOAD_OVER)
        info->style = BATON_GRID_CELL_OVER;
      else if (info->level == BATON_LOAD_HIGH)
        info->style = BATON_GRID_CELL_HIGH;
      else if (info->capacity <= 0 && info->days_off > 0)
        info->style = BATON_GRID_CELL_AWAY;
      else if (info->load > 0)
        info->style = BATON_GRID_CELL_OK;
      else
        info->style = BATON_GRID_CELL_EMPTY;

      /* Color is never the only signal: over capacity carries an icon. */
      info->over_icon = info->style == BATON_GRID_CELL_OVER;
      break;

    case BATON_GRID_ROW_UNASSIGNED:
      info->load = baton_capacity_get_unassigned (self->matrix, row->role_id, week);
      if (info->load > 0)
        {
          g_autofree char *hours = format_hours (info->load);

          /* Translators: unassigned demand in hours: "12 h" */
          g_snprintf (info->text, sizeof info->text, _("%s h"), hours);
          info->style = BATON_GRID_CELL_DEMAND;
        }
      else
        info->style = BATON_GRID_CELL_EMPTY;
      break;

    case BATON_GRID_ROW_ROLE:
    default:
      info->load = row->total_load[week];
      info->capacity = row->total_capacity[week];
      info->style = BATON_GRID_CELL_TOTAL;
      if (info->capacity <= 0)
        info->level = info->load > 0 ? BATON_LOAD_OVER : BATON_LOAD_OK;
      else if (info->load / info->capacity > self->settings.over_threshold + 1e-9)
        info->level = BATON_LOAD_OVER;
      else if (info->load / info->capacity >= self->settings.high_threshold - 1e-9)
        info->level = BATON_LOAD_HIGH;
      if (row->n_people > 0 || info->load > 0)
        set_cell_text_pair (info->text, sizeof info->text, info->load, info->capacity);
      break;
    }
}

/* Name headers ------------------------------------------------------------- */

static char *
header_signature (BatonCapacityGrid *self,
                  GridRow           *row)
{
  BatonPerson *person = baton_capacity_get_person (self->matrix, row->matrix_row);
  PersonRoles *roles = lookup_person_roles (self, row->person_id);
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%s\x1f%s\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%g\x1f",
                          baton_person_get_name (person),
                          baton_person_get_color (person) ? baton_person_get_color (person) : "",
                          baton_person_get_email (person) ? baton_person_get_email (person) : "",
                          baton_person_get_weekly_capacity_minutes (person),
                          baton_capacity_get_unscheduled (self->matrix, row->matrix_row));

  if (roles != NULL)
    for (guint i = 0; i < roles->role_ids->len; i++)
      {
        gint64 role_id = g_array_index (roles->role_ids, gint64, i);
        BatonRole *role = baton_store_lookup_role (self->store, role_id);

        g_string_append_printf (s, "%" G_GINT64_FORMAT ":%s:%s,", role_id,
                                role ? baton_role_get_name (role) : "",
                                role && baton_role_get_color (role) ? baton_role_get_color (role) : "");
      }

  return g_string_free (s, FALSE);
}

static GtkWidget *
create_header (BatonCapacityGrid *self,
               GridRow           *row)
{
  BatonPerson *person = baton_capacity_get_person (self->matrix, row->matrix_row);
  PersonRoles *roles = lookup_person_roles (self, row->person_id);
  double unscheduled = baton_capacity_get_unscheduled (self->matrix, row->matrix_row);
  GtkWidget *box, *avatar, *text, *name, *details, *label;
  g_autofree char *caption = NULL;
  guint n_chips = 0;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_add_css_class (box, "capacity-person");
  /* Display only: pointer and keyboard go to the grid. */
  gtk_widget_set_can_target (box, FALSE);
  gtk_widget_set_can_focus (box, FALSE);

  avatar = baton_avatar_new (person, 32);
  gtk_widget_set_valign (avatar, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), avatar);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);

  name = gtk_label_new (baton_person_get_name (person));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "capacity-person-name");
  gtk_box_append (GTK_BOX (text), name);

  details = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_box_append (GTK_BOX (text), details);

  if (unscheduled > 0)
    {
      g_autofree char *extra = format_hours (unscheduled);

      /* Translators: hours of a person's work that has no dates yet: "+6 h undated" */
      caption = g_strdup_printf (_("+%s h undated"), extra);
    }

  /* The other roles, as chips, then the undated hours. */
  if (roles != NULL)
    for (guint i = 1; i < roles->role_ids->len; i++)
      {
        BatonRole *role = baton_store_lookup_role (self->store, g_array_index (roles->role_ids, gint64, i));

        if (role == NULL)
          continue;

        if (n_chips == MAX_CHIPS)
          {
            g_autofree char *more = g_strdup_printf ("+%u", roles->role_ids->len - i);
            GtkWidget *more_label = gtk_label_new (more);

            gtk_widget_add_css_class (more_label, "caption");
            gtk_widget_add_css_class (more_label, "dim-label");
            gtk_box_append (GTK_BOX (details), more_label);
            break;
          }

        gtk_box_append (GTK_BOX (details), baton_role_chip_new (role));
        n_chips++;
      }

  if (caption != NULL)
    {
      label = gtk_label_new (caption);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (details), label);
    }

  gtk_widget_set_visible (details, gtk_widget_get_first_child (details) != NULL);

  return box;
}

/* Makes sure the person rows between content y @top and @bottom have their
 * header, and hides the others. */
static void
sync_headers (BatonCapacityGrid *self,
              double             top,
              double             bottom)
{
  GHashTableIter iter;
  RowHeader *header;
  guint n_wanted = 0;

  g_hash_table_iter_init (&iter, self->headers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &header))
    header->wanted = FALSE;

  for (guint i = row_at_content_y (self, top); i < self->rows->len; i++)
    {
      GridRow *row = get_row (self, i);
      g_autofree char *signature = NULL;

      if (row->y > bottom)
        break;
      if (row->kind != BATON_GRID_ROW_PERSON)
        continue;

      signature = header_signature (self, row);
      header = g_hash_table_lookup (self->headers, &row->person_id);

      if (header != NULL && g_strcmp0 (header->signature, signature) != 0)
        {
          g_hash_table_remove (self->headers, &row->person_id);
          header = NULL;
        }

      if (header == NULL)
        {
          header = g_new0 (RowHeader, 1);
          header->person_id = row->person_id;
          header->signature = g_steal_pointer (&signature);
          header->widget = create_header (self, row);
          gtk_widget_set_parent (header->widget, GTK_WIDGET (self));
          g_hash_table_insert (self->headers, &header->person_id, header);
        }

      header->wanted = TRUE;
      n_wanted++;
    }

  /* Keep a few hidden ones for scrolling back; drop the rest. */
  g_hash_table_iter_init (&iter, self->headers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &header))
    {
      if (!header->wanted && g_hash_table_size (self->headers) > 3 * n_wanted + 32)
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }
      if (!header->wanted && baton_capacity_get_row (self->matrix, header->person_id) < 0)
        {
          g_hash_table_iter_remove (&iter);
          continue;
        }
      gtk_widget_set_child_visible (header->widget, header->wanted);
    }
}

/* GtkWidget ------------------------------------------------------------------ */

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         upper,
                      double         page,
                      double         step)
{
  double value;

  if (adjustment == NULL)
    return;

  page = MAX (page, 0);
  value = CLAMP (gtk_adjustment_get_value (adjustment), 0, MAX (0, upper - page));
  gtk_adjustment_configure (adjustment, value, 0, MAX (upper, page), step, page * 0.9, page);
}

static void
baton_capacity_grid_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (widget);

  ensure_layout (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->metrics.name_width + self->metrics.min_column;
      *natural = self->metrics.name_width + (int) MAX (self->n_weeks, 1) * self->metrics.min_column;
    }
  else
    {
      *minimum = self->metrics.header_height + self->metrics.person_height;
      *natural = MAX (*minimum, self->metrics.header_height + self->content_height);
    }
}

static void
baton_capacity_grid_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (widget);
  const Metrics *m;
  GHashTableIter iter;
  RowHeader *header;
  double top, bottom;

  ensure_layout (self);
  m = &self->metrics;

  self->column_width = compute_column_width (self, width);
  configure_adjustment (self->hadjustment, (double) self->n_weeks * self->column_width,
                        width - m->name_width, self->column_width);
  configure_adjustment (self->vadjustment, self->content_height,
                        height - m->header_height, m->person_height);

  top = vscroll (self);
  bottom = top + MAX (height - m->header_height, 0);
  sync_headers (self, top - m->person_height, bottom + m->person_height);

  g_hash_table_iter_init (&iter, self->headers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &header))
    {
      gint index;
      GridRow *row;
      int min_width, child_width, child_height, child_y;

      if (!header->wanted)
        continue;

      index = baton_capacity_grid_find_person_row (self, header->person_id);
      if (index < 0)
        continue;

      row = get_row (self, index);
      gtk_widget_measure (header->widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
      child_width = MAX (min_width, m->name_width - 28);
      gtk_widget_measure (header->widget, GTK_ORIENTATION_VERTICAL, child_width, &child_height, NULL, NULL, NULL);
      child_height = MAX (child_height, row->height - 8);
      child_y = m->header_height + row->y - (int) top + (row->height - child_height) / 2;

      gtk_widget_size_allocate (header->widget,
                                &(GtkAllocation) { 16, child_y, child_width, child_height }, -1);
    }

  /* Popovers the view parents on the grid. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
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
                    GridRow           *row)
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
               float              height)
{
  const Colors *c = &self->colors;
  GridRow *row = get_row (self, index);
  BatonGridCellInfo info;
  gboolean preview = (gint) index == self->preview_row && (gint) week == self->preview_week;
  gboolean source = !preview && (gint) index == self->source_row && (gint) week == self->source_week;
  const GdkRGBA *text_color = &c->fg;
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
  float tint = c->dark ? 1.35f : 1.0f;

  baton_capacity_grid_get_cell_info (self, index, week, &info);
  text = info.text;

  if (row->kind == BATON_GRID_ROW_ROLE)
    {
      inset_y = 8;
      font = FONT_CAPTION_BOLD;
      text_color = info.level == BATON_LOAD_OVER ? &c->error : &c->dim;
    }
  else if (row->kind == BATON_GRID_ROW_UNASSIGNED)
    inset_y = 7;

  cx = x + inset_x;
  cy = y + inset_y;
  cw = width - 2 * inset_x;
  ch = height - 2 * inset_y;

  switch (info.style)
    {
    case BATON_GRID_CELL_EMPTY:
      text_color = &c->dim;
      break;
    case BATON_GRID_CELL_OK:
      fill = with_alpha (&c->success, 0.13f * tint);
      break;
    case BATON_GRID_CELL_HIGH:
      fill = with_alpha (&c->warning, 0.22f * tint);
      break;
    case BATON_GRID_CELL_OVER:
      fill = with_alpha (&c->error, 0.16f * tint);
      border = with_alpha (&c->error, 0.55f);
      text_color = &c->error;
      icon = info.over_icon;
      icon_paintable = get_icon (self, &self->warning_icon, "dialog-warning-symbolic");
      break;
    case BATON_GRID_CELL_AWAY:
      fill = with_alpha (&c->fg, 0.05f);
      text_color = &c->dim;
      break;
    case BATON_GRID_CELL_DEMAND:
      fill = with_alpha (&c->fg, 0.05f);
      border = with_alpha (&c->fg, 0.22f);
      text_color = &c->fg;
      font = FONT_BOLD;
      break;
    case BATON_GRID_CELL_TOTAL:
    default:
      break;
    }

  if (info.days_off > 0 && row->kind == BATON_GRID_ROW_PERSON)
    caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day off", "%u days off", info.days_off),
                               info.days_off);

  if (preview)
    {
      const GdkRGBA *accent = self->preview_warning ? &c->error : &c->accent_bg;

      fill = with_alpha (accent, 0.16f * tint);
      border = *accent;
      border_width = 2;
      text = self->preview_text;
      text_color = self->preview_warning ? &c->error : &c->fg;
      font = FONT_BOLD;
      icon = self->preview_warning;
      icon_paintable = get_icon (self, &self->warning_icon, "dialog-warning-symbolic");
      icon_color = &c->error;
      g_free (caption);
      caption = g_strdup (self->preview_note);
    }
  else if (source)
    {
      /* What the cell the task leaves will show: quieter than the target. */
      fill = with_alpha (&c->accent_bg, 0.07f * tint);
      border = with_alpha (&c->accent_bg, 0.6f);
      border_width = 1.5f;
      text = self->source_text;
      text_color = &c->fg;
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
        fill = with_alpha (&c->fg, 0.03f);
    }

  if (row->kind != BATON_GRID_ROW_ROLE || preview || source)
    append_rounded (snapshot, &fill, &border, border_width, cx, cy, cw, ch, 7);

  /* A utilisation bar along the bottom of a person's cell. */
  if (!preview && !source && row->kind == BATON_GRID_ROW_PERSON && info.capacity > 0 && info.load > 0)
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
  if (preview || source)
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

  append_text (snapshot, main_layout, text_color, tx + (icon ? icon_size + 4 : 0), ty);

  if (caption_layout != NULL)
    append_text (snapshot, caption_layout, self->preview_warning && preview ? &c->error : &c->dim,
                 cx + (cw - capw) / 2, ty + th);
}

static void
snapshot_role_name (BatonCapacityGrid *self,
                    GtkSnapshot       *snapshot,
                    GridRow           *row,
                    float              y)
{
  const Colors *c = &self->colors;
  const Metrics *m = &self->metrics;
  BatonRole *role = row->role_id != 0 ? baton_store_lookup_role (self->store, row->role_id) : NULL;
  const char *name = role != NULL ? baton_role_get_name (role) : _("No Role");
  g_autofree char *count = NULL;
  PangoLayout *name_layout, *count_layout;
  GdkRGBA dot;
  int nw, nh, cw, ch;
  float x = 18;

  if (role == NULL || baton_role_get_color (role) == NULL ||
      !gdk_rgba_parse (&dot, baton_role_get_color (role)))
    dot = c->dim;

  append_rounded (snapshot, &dot, NULL, 0, x, y + (row->height - 10) / 2.0f, 10, 10, 5);
  x += 18;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", row->n_people),
                           row->n_people);
  count_layout = get_layout (self, FONT_CAPTION, count, -1);
  layout_size (count_layout, &cw, &ch);

  name_layout = get_layout (self, FONT_BOLD, name, m->name_width - (int) x - cw - 28);
  layout_size (name_layout, &nw, &nh);

  append_text (snapshot, name_layout, &c->fg, x, y + (row->height - nh) / 2.0f);
  append_text (snapshot, count_layout, &c->dim, m->name_width - 14 - cw, y + (row->height - ch) / 2.0f);
}

static void
snapshot_unassigned_name (BatonCapacityGrid *self,
                          GtkSnapshot       *snapshot,
                          GridRow           *row,
                          float              y)
{
  const Colors *c = &self->colors;
  PangoLayout *layout = get_layout (self, FONT_NORMAL, _("Unassigned"), self->metrics.name_width - 70);
  GtkIconPaintable *icon = get_icon (self, &self->unassigned_icon, "avatar-default-symbolic");
  int w, h;

  layout_size (layout, &w, &h);
  append_rounded (snapshot, NULL, &c->line, 1, 16, y + (row->height - 32) / 2.0f, 32, 32, 16);
  append_icon (self, snapshot, icon, &c->dim, 24, y + (row->height - 16) / 2.0f, 16);
  append_text (snapshot, layout, &c->dim, 58, y + (row->height - h) / 2.0f);
}

static void
snapshot_week_header (BatonCapacityGrid *self,
                      GtkSnapshot       *snapshot,
                      guint              week,
                      float              x)
{
  const Colors *c = &self->colors;
  const Metrics *m = &self->metrics;
  guint32 start = baton_capacity_get_week_start (self->matrix, week);
  guint32 this_week = baton_date_week_start (self->today, self->settings.first_weekday);
  gboolean current = start == this_week;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *number = NULL;
  PangoLayout *day_layout, *number_layout;
  GDate gdate;
  int dw, dh, nw, nh;
  float top;

  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, start);
  date = g_date_time_new_utc (g_date_get_year (&gdate), g_date_get_month (&gdate), g_date_get_day (&gdate), 0, 0, 0);
  /* Translators: a week's first day in the grid header, strftime format: "Mar 4" */
  day = g_date_time_format (date, _("%b %-d"));
  if (current)
    /* Translators: the current week in the grid header; %u is its ISO number */
    number = g_strdup_printf (_("This week · %u"), baton_week_number (start));
  else
    /* Translators: an ISO week number in the grid header: "Week 10" */
    number = g_strdup_printf (_("Week %u"), baton_week_number (start));

  day_layout = get_layout (self, FONT_BOLD, day, self->column_width - 8);
  number_layout = get_layout (self, current ? FONT_CAPTION_BOLD : FONT_CAPTION, number, self->column_width - 8);
  layout_size (day_layout, &dw, &dh);
  layout_size (number_layout, &nw, &nh);

  top = (m->header_height - dh - nh) / 2.0f;
  append_text (snapshot, day_layout, current ? &c->accent : &c->fg, x + (self->column_width - dw) / 2.0f, top);
  append_text (snapshot, number_layout, current ? &c->accent : &c->dim,
               x + (self->column_width - nw) / 2.0f, top + dh);

  if (current)
    append_rounded (snapshot, &c->accent_bg, NULL, 0, x + 10, m->header_height - 3,
                    self->column_width - 20, 3, 1.5f);
}

static void
baton_capacity_grid_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (widget);
  const Metrics *m;
  const Colors *c;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double hval, vval;
  guint first_row, first_week, last_week;
  guint32 this_week;
  gboolean has_focus = gtk_widget_has_focus (widget);

  ensure_layout (self);
  ensure_colors (self);
  m = &self->metrics;
  c = &self->colors;
  hval = hscroll (self);
  vval = vscroll (self);
  self->draw_count++;

  if (self->column_width <= 0 || self->n_weeks == 0)
    return;

  first_week = (guint) MAX (0, floor (hval / self->column_width));
  last_week = MIN (self->n_weeks - 1, (guint) ((hval + width - m->name_width) / self->column_width));
  first_row = row_at_content_y (self, vval);
  this_week = baton_date_week_start (self->today, self->settings.first_weekday);

  /* The cells, under everything else. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (m->name_width, m->header_height,
                                                         MAX (width - m->name_width, 0),
                                                         MAX (height - m->header_height, 0)));

  for (guint w = first_week; w <= last_week; w++)
    if (baton_capacity_get_week_start (self->matrix, w) == this_week)
      {
        GdkRGBA tint = with_alpha (&c->accent_bg, 0.05f);

        append_rect (snapshot, &tint, m->name_width + w * self->column_width - hval,
                     m->header_height, self->column_width, height - m->header_height);
      }

  for (guint i = first_row; i < self->rows->len; i++)
    {
      GridRow *row = get_row (self, i);
      float y = m->header_height + row->y - vval;

      if (y > height)
        break;

      /* People who hold a dragged task's role are marked in the name
       * column only: a tint across all the weeks made every drop repaint
       * whole rows (a third of the grid's refresh time, in software). */
      if (row->kind == BATON_GRID_ROW_ROLE)
        append_rect (snapshot, &c->band, m->name_width, y, width - m->name_width, row->height);

      for (guint w = first_week; w <= last_week; w++)
        {
          float x = m->name_width + w * self->column_width - hval;

          snapshot_cell (self, snapshot, i, w, x, y, self->column_width, row->height);

          if (has_focus && (gint) i == self->focus_row && (gint) w == self->focus_week)
            append_rounded (snapshot, NULL, &c->accent, 2, x + 1, y + 2,
                            self->column_width - 2, row->height - 4, 9);
        }

      if (row->kind == BATON_GRID_ROW_UNASSIGNED ||
          (i + 1 < self->rows->len && get_row (self, i + 1)->kind == BATON_GRID_ROW_PERSON))
        append_rect (snapshot, &c->line, m->name_width, y + row->height - 0.5f, width - m->name_width, 1);
    }

  gtk_snapshot_pop (snapshot);

  /* The name column, still when the weeks scroll. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, m->header_height, m->name_width,
                                                         MAX (height - m->header_height, 0)));
  append_rect (snapshot, &c->view_bg, 0, m->header_height, m->name_width, height - m->header_height);

  for (guint i = first_row; i < self->rows->len; i++)
    {
      GridRow *row = get_row (self, i);
      float y = m->header_height + row->y - vval;

      if (y > height)
        break;

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
          (i + 1 < self->rows->len && get_row (self, i + 1)->kind == BATON_GRID_ROW_PERSON))
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
    snapshot_week_header (self, snapshot, w, m->name_width + w * self->column_width - hval);
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
    append_text (snapshot, title, &c->fg, 18, (m->header_height - th - sh) / 2.0f);
    append_text (snapshot, sub, &c->dim, 18, (m->header_height - th - sh) / 2.0f + th);
  }

  append_rect (snapshot, &c->line, 0, m->header_height - 1, width, 1);
  append_rect (snapshot, &c->line, m->name_width - 1, 0, 1, m->header_height);

  /* Popovers draw themselves (they are native surfaces). */
}

static void
baton_capacity_grid_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (widget);

  GTK_WIDGET_CLASS (baton_capacity_grid_parent_class)->css_changed (widget, change);

  drop_drawing_caches (self);
  self->geometry_valid = FALSE;   /* row heights follow the font */
  gtk_widget_queue_resize (widget);
}

static void
baton_capacity_grid_system_setting_changed (GtkWidget        *widget,
                                            GtkSystemSetting  setting)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (widget);

  GTK_WIDGET_CLASS (baton_capacity_grid_parent_class)->system_setting_changed (widget, setting);

  drop_drawing_caches (self);
  self->geometry_valid = FALSE;
  gtk_widget_queue_resize (widget);
}

static void
describe_cell (BatonCapacityGrid *self,
               guint              index,
               gint               week,
               GString           *out)
{
  GridRow *row = get_row (self, index);
  BatonGridCellInfo info;
  g_autofree char *week_label = NULL;
  guint32 start;
  GDate gdate;
  char buffer[64];

  if (week < 0)
    {
      if (row->kind == BATON_GRID_ROW_PERSON)
        {
          BatonPerson *person = baton_capacity_get_person (self->matrix, row->matrix_row);
          const char *email = baton_person_get_email (person);

          g_string_append (out, baton_person_get_name (person));
          if (email != NULL && email[0] != '\0')
            g_string_append_printf (out, "\n%s", email);
        }
      return;
    }

  baton_capacity_grid_get_cell_info (self, index, (guint) week, &info);
  start = baton_capacity_get_week_start (self->matrix, (guint) week);
  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, start);
  g_date_strftime (buffer, sizeof buffer, "%x", &gdate);
  /* Translators: %u is an ISO week number, %s the date its first day */
  week_label = g_strdup_printf (_("Week %u, from %s"), baton_week_number (start), buffer);

  switch (row->kind)
    {
    case BATON_GRID_ROW_PERSON:
      {
        BatonPerson *person = baton_capacity_get_person (self->matrix, row->matrix_row);
        g_autofree char *load = format_hours (info.load);
        g_autofree char *capacity = format_hours (info.capacity);
        g_autofree char *free_hours = format_hours (ABS (info.capacity - info.load));

        g_string_append_printf (out, "%s — %s\n", baton_person_get_name (person), week_label);
        /* Translators: exact figures of a grid cell */
        g_string_append_printf (out, _("Load: %s h of %s h"), load, capacity);
        if (info.capacity > 0)
          g_string_append_printf (out, " (%.0f %%)", 100.0 * info.load / info.capacity);
        g_string_append_c (out, '\n');
        if (info.load > info.capacity)
          /* Translators: hours above capacity */
          g_string_append_printf (out, _("Over by %s h"), free_hours);
        else
          /* Translators: hours left in a week */
          g_string_append_printf (out, _("Free: %s h"), free_hours);
        if (info.days_off > 0)
          {
            g_string_append_c (out, '\n');
            g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u working day off",
                                                      "%u working days off", info.days_off),
                                    info.days_off);
          }
        if (info.level == BATON_LOAD_OVER)
          g_string_append_printf (out, "\n%s", _("Over capacity"));
        else if (info.level == BATON_LOAD_HIGH)
          g_string_append_printf (out, "\n%s", _("Near capacity"));
        break;
      }

    case BATON_GRID_ROW_UNASSIGNED:
      {
        BatonRole *role = baton_store_lookup_role (self->store, row->role_id);
        g_autofree char *load = format_hours (info.load);

        /* Translators: %s is a role name */
        g_string_append_printf (out, _("Unassigned %s work"), role ? baton_role_get_name (role) : "");
        g_string_append_printf (out, " — %s\n", week_label);
        /* Translators: hours of work nobody holds yet */
        g_string_append_printf (out, _("Needs %s h"), load);
        break;
      }

    case BATON_GRID_ROW_ROLE:
    default:
      {
        BatonRole *role = baton_store_lookup_role (self->store, row->role_id);
        g_autofree char *load = format_hours (info.load);
        g_autofree char *capacity = format_hours (info.capacity);

        g_string_append_printf (out, "%s — %s\n", role ? baton_role_get_name (role) : _("No Role"), week_label);
        /* Translators: a role's total: its people's load of their capacity */
        g_string_append_printf (out, _("Team load: %s h of %s h"), load, capacity);
        break;
      }
    }
}

static gboolean
baton_capacity_grid_query_tooltip (GtkWidget  *widget,
                                   int         x,
                                   int         y,
                                   gboolean    keyboard,
                                   GtkTooltip *tooltip)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (widget);
  g_autoptr(GString) text = g_string_new (NULL);
  GdkRectangle rect;
  guint row;
  gint week;

  if (keyboard)
    {
      if (self->focus_row < 0)
        return FALSE;
      row = (guint) self->focus_row;
      week = self->focus_week;
    }
  else if (!baton_capacity_grid_pick (self, x, y, &row, &week))
    return FALSE;

  describe_cell (self, row, week, text);
  if (text->len == 0)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text->str);
  if (baton_capacity_grid_get_cell_rect (self, row, week, &rect))
    gtk_tooltip_set_tip_area (tooltip, &rect);

  return TRUE;
}

/* Focus and keyboard ---------------------------------------------------------- */

static void
update_accessible_focus (BatonCapacityGrid *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->focus_row >= 0 && (guint) self->focus_row < self->rows->len)
    describe_cell (self, (guint) self->focus_row, self->focus_week, text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

void
baton_capacity_grid_set_focus_cell (BatonCapacityGrid *self,
                                    guint              index,
                                    gint               week)
{
  GridRow *row;

  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));

  ensure_layout (self);
  if (index >= self->rows->len)
    return;

  row = get_row (self, index);
  self->focus_row = (gint) index;
  self->focus_week = CLAMP (week, -1, (gint) self->n_weeks - 1);
  self->focus_kind = row->kind;
  self->focus_id = row->kind == BATON_GRID_ROW_PERSON ? row->person_id : row->role_id;

  baton_capacity_grid_scroll_to_cell (self, index, self->focus_week);
  update_accessible_focus (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
baton_capacity_grid_get_focus_cell (BatonCapacityGrid *self,
                                    guint             *row,
                                    gint              *week)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), FALSE);

  ensure_layout (self);
  if (self->focus_row < 0 || (guint) self->focus_row >= self->rows->len)
    return FALSE;

  if (row != NULL)
    *row = (guint) self->focus_row;
  if (week != NULL)
    *week = self->focus_week;

  return TRUE;
}

/* The next row from @from in @direction that can hold focus (not a role
 * header), or @from when there is none. */
static gint
next_focusable_row (BatonCapacityGrid *self,
                    gint               from,
                    gint               direction,
                    guint              steps)
{
  gint result = from;
  gint i = from;

  while (steps > 0)
    {
      i += direction;
      if (i < 0 || i >= (gint) self->rows->len)
        break;
      if (get_row (self, (guint) i)->kind == BATON_GRID_ROW_ROLE)
        continue;
      result = i;
      steps--;
    }

  return result;
}

static void
ensure_focus_cell (BatonCapacityGrid *self)
{
  if (self->focus_row >= 0)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    if (get_row (self, i)->kind != BATON_GRID_ROW_ROLE)
      {
        baton_capacity_grid_set_focus_cell (self, i, 0);
        return;
      }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BatonCapacityGrid     *self)
{
  gint row, week;
  guint page_rows;

  ensure_layout (self);
  if (self->rows->len == 0)
    return FALSE;

  if (state & (GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  if (self->focus_row < 0)
    {
      ensure_focus_cell (self);
      if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_space)
        return self->focus_row >= 0;
    }

  row = self->focus_row;
  week = self->focus_week;
  page_rows = MAX (1, (guint) (gtk_widget_get_height (GTK_WIDGET (self)) / MAX (self->metrics.person_height, 1)) - 1);

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      row = next_focusable_row (self, row, -1, 1);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      row = next_focusable_row (self, row, 1, 1);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      week = MAX (week - 1, -1);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      week = MIN (week + 1, (gint) self->n_weeks - 1);
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      row = next_focusable_row (self, row, -1, page_rows);
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      row = next_focusable_row (self, row, 1, page_rows);
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (state & GDK_CONTROL_MASK)
        row = next_focusable_row (self, -1, 1, 1);
      else
        week = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (state & GDK_CONTROL_MASK)
        row = next_focusable_row (self, (gint) self->rows->len, -1, 1);
      else
        week = (gint) self->n_weeks - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_Menu:
      g_signal_emit (self, signals[CELL_ACTIVATED], 0, (guint) self->focus_row, self->focus_week);
      return TRUE;
    case GDK_KEY_F10:
      if (state & GDK_SHIFT_MASK)
        {
          g_signal_emit (self, signals[CELL_ACTIVATED], 0, (guint) self->focus_row, self->focus_week);
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }

  if (row < 0)
    return TRUE;

  baton_capacity_grid_set_focus_cell (self, (guint) row, week);
  return TRUE;
}

static void
on_click_released (GtkGestureClick   *gesture,
                   int                n_press,
                   double             x,
                   double             y,
                   BatonCapacityGrid *self)
{
  guint row;
  gint week;

  if (!baton_capacity_grid_pick (self, x, y, &row, &week))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (get_row (self, row)->kind == BATON_GRID_ROW_ROLE)
    return;

  baton_capacity_grid_set_focus_cell (self, row, week);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[CELL_ACTIVATED], 0, row, week);
}

static void
set_hover (BatonCapacityGrid *self,
           gint               row,
           gint               week)
{
  if (self->hover_row == row && self->hover_week == week)
    return;

  self->hover_row = row;
  self->hover_week = week;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           BatonCapacityGrid        *self)
{
  guint row;
  gint week;

  if (baton_capacity_grid_pick (self, x, y, &row, &week) && week >= 0)
    set_hover (self, (gint) row, week);
  else
    set_hover (self, -1, -1);
}

static void
on_motion_leave (GtkEventControllerMotion *controller,
                 BatonCapacityGrid        *self)
{
  set_hover (self, -1, -1);
}

static void
on_focus_changed (BatonCapacityGrid *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self)))
    {
      ensure_layout (self);
      ensure_focus_cell (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Autoscroll -------------------------------------------------------------- */

void
baton_capacity_grid_autoscroll (BatonCapacityGrid *self,
                                double             x,
                                double             y)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));

  /* Over the cells only: not over the names or the week headers. */
  if (x > self->metrics.name_width)
    baton_edge_scroll_update (&self->scroll_x, self->hadjustment,
                              x, self->metrics.name_width, gtk_widget_get_width (GTK_WIDGET (self)));
  else
    baton_edge_scroll_stop (&self->scroll_x);

  if (y > self->metrics.header_height)
    baton_edge_scroll_update (&self->scroll_y, self->vadjustment,
                              y, self->metrics.header_height, gtk_widget_get_height (GTK_WIDGET (self)));
  else
    baton_edge_scroll_stop (&self->scroll_y);
}

/* Scrollable ------------------------------------------------------------------ */

static void
on_adjustment_changed (BatonCapacityGrid *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (BatonCapacityGrid  *self,
                GtkAdjustment     **slot,
                GtkAdjustment      *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_changed, self);
      g_clear_object (slot);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_changed), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* GObject ------------------------------------------------------------------- */

static void
baton_capacity_grid_dispose (GObject *object)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (object);
  GtkWidget *child;

  baton_edge_scroll_stop (&self->scroll_x);
  baton_edge_scroll_stop (&self->scroll_y);

  g_clear_pointer (&self->headers, g_hash_table_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->warning_icon);
  g_clear_object (&self->unassigned_icon);
  g_clear_pointer (&self->matrix, baton_capacity_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_capacity_grid_parent_class)->dispose (object);
}

static void
baton_capacity_grid_finalize (GObject *object)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (object);

  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->person_roles, g_hash_table_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_free (self->preview_text);
  g_free (self->preview_note);
  g_free (self->source_text);

  G_OBJECT_CLASS (baton_capacity_grid_parent_class)->finalize (object);
}

static void
baton_capacity_grid_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_capacity_grid_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_capacity_grid_class_init (BatonCapacityGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_capacity_grid_dispose;
  object_class->finalize = baton_capacity_grid_finalize;
  object_class->get_property = baton_capacity_grid_get_property;
  object_class->set_property = baton_capacity_grid_set_property;

  widget_class->measure = baton_capacity_grid_measure;
  widget_class->size_allocate = baton_capacity_grid_size_allocate;
  widget_class->snapshot = baton_capacity_grid_snapshot;
  widget_class->css_changed = baton_capacity_grid_css_changed;
  widget_class->system_setting_changed = baton_capacity_grid_system_setting_changed;
  widget_class->query_tooltip = baton_capacity_grid_query_tooltip;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * BatonCapacityGrid::cell-activated:
   * @row: the row
   * @week: the week, or -1 for the name column
   *
   * A click, Enter or the menu key on a person's or an unassigned cell.
   */
  signals[CELL_ACTIVATED] =
    g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT);

  gtk_widget_class_set_css_name (widget_class, "capacity-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
baton_capacity_grid_init (BatonCapacityGrid *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  baton_edge_scroll_init (&self->scroll_x, GTK_WIDGET (self), AUTOSCROLL_EDGE, AUTOSCROLL_SPEED);
  baton_edge_scroll_init (&self->scroll_y, GTK_WIDGET (self), AUTOSCROLL_EDGE, AUTOSCROLL_SPEED);

  self->rows = g_array_new (FALSE, TRUE, sizeof (GridRow));
  g_array_set_clear_func (self->rows, grid_row_clear);
  self->person_roles = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, person_roles_free);
  self->headers = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, row_header_free);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->focus_row = -1;
  self->preview_row = -1;
  self->preview_week = -1;
  self->source_row = -1;
  self->source_week = -1;
  self->hover_row = -1;
  self->hover_week = -1;
  self->n_weeks = 12;
  self->today = baton_date_today ();
  baton_capacity_settings_init_default (&self->settings);
  self->first_week = baton_date_week_start (self->today, self->settings.first_weekday);

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_motion_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Capacity by person and week"),
                                  -1);
}

/* Public --------------------------------------------------------------------- */

GtkWidget *
baton_capacity_grid_new (BatonStore *store)
{
  BatonCapacityGrid *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  self = g_object_new (BATON_TYPE_CAPACITY_GRID, NULL);
  self->store = g_object_ref (store);

  return GTK_WIDGET (self);
}

void
baton_capacity_grid_invalidate (BatonCapacityGrid *self)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));

  self->valid = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
baton_capacity_grid_set_settings (BatonCapacityGrid           *self,
                                  const BatonCapacitySettings *settings)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));
  g_return_if_fail (settings != NULL);

  self->settings = *settings;
  self->first_week = baton_date_week_start (self->first_week, self->settings.first_weekday);
  baton_capacity_grid_invalidate (self);
}

const BatonCapacitySettings *
baton_capacity_grid_get_settings (BatonCapacityGrid *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), NULL);

  return &self->settings;
}

void
baton_capacity_grid_set_weeks (BatonCapacityGrid *self,
                               guint32            first_day,
                               guint              n_weeks)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));
  g_return_if_fail (first_day > 0);

  first_day = baton_date_week_start (first_day, self->settings.first_weekday);
  n_weeks = CLAMP (n_weeks, 1, 104);

  if (first_day == self->first_week && n_weeks == self->n_weeks)
    return;

  self->first_week = first_day;
  self->n_weeks = n_weeks;
  self->preview_row = -1;
  self->source_row = -1;
  baton_capacity_grid_invalidate (self);
}

guint32
baton_capacity_grid_get_first_week (BatonCapacityGrid *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), 0);

  return self->first_week;
}

guint
baton_capacity_grid_get_n_weeks (BatonCapacityGrid *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), 0);

  return self->n_weeks;
}

void
baton_capacity_grid_set_today (BatonCapacityGrid *self,
                               guint32            today)
{
  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));

  if (self->today != today)
    {
      self->today = today;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

BatonCapacity *
baton_capacity_grid_get_matrix (BatonCapacityGrid *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), NULL);

  ensure_layout (self);
  return self->matrix;
}

guint
baton_capacity_grid_get_n_rows (BatonCapacityGrid *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), 0);

  ensure_layout (self);
  return self->rows->len;
}

BatonGridRowKind
baton_capacity_grid_get_row_kind (BatonCapacityGrid *self,
                                  guint              row)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), BATON_GRID_ROW_ROLE);

  ensure_layout (self);
  g_return_val_if_fail (row < self->rows->len, BATON_GRID_ROW_ROLE);

  return get_row (self, row)->kind;
}

gint64
baton_capacity_grid_get_row_role_id (BatonCapacityGrid *self,
                                     guint              row)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), 0);

  ensure_layout (self);
  g_return_val_if_fail (row < self->rows->len, 0);

  return get_row (self, row)->role_id;
}

BatonPerson *
baton_capacity_grid_get_row_person (BatonCapacityGrid *self,
                                    guint              row)
{
  GridRow *grid_row;

  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), NULL);

  ensure_layout (self);
  g_return_val_if_fail (row < self->rows->len, NULL);

  grid_row = get_row (self, row);
  if (grid_row->kind != BATON_GRID_ROW_PERSON)
    return NULL;

  return baton_capacity_get_person (self->matrix, grid_row->matrix_row);
}

gint
baton_capacity_grid_get_row_matrix_row (BatonCapacityGrid *self,
                                        guint              row)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), -1);

  ensure_layout (self);
  g_return_val_if_fail (row < self->rows->len, -1);

  return get_row (self, row)->matrix_row;
}

gint
baton_capacity_grid_find_person_row (BatonCapacityGrid *self,
                                     gint64             person_id)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), -1);

  ensure_layout (self);
  for (guint i = 0; i < self->rows->len; i++)
    {
      GridRow *row = get_row (self, i);

      if (row->kind == BATON_GRID_ROW_PERSON && row->person_id == person_id)
        return (gint) i;
    }

  return -1;
}

gint
baton_capacity_grid_find_unassigned_row (BatonCapacityGrid *self,
                                         gint64             role_id)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), -1);

  ensure_layout (self);
  for (guint i = 0; i < self->rows->len; i++)
    {
      GridRow *row = get_row (self, i);

      if (row->kind == BATON_GRID_ROW_UNASSIGNED && row->role_id == role_id)
        return (gint) i;
    }

  return -1;
}

gboolean
baton_capacity_grid_person_holds_role (BatonCapacityGrid *self,
                                       gint64             person_id,
                                       gint64             role_id)
{
  PersonRoles *roles;

  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), FALSE);

  ensure_layout (self);
  roles = lookup_person_roles (self, person_id);
  if (roles == NULL)
    return FALSE;

  for (guint i = 0; i < roles->role_ids->len; i++)
    if (g_array_index (roles->role_ids, gint64, i) == role_id)
      return TRUE;

  return FALSE;
}

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
