/* baton-capacity-grid-private.h — what the grid's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grid is one widget in several files, the way GNOME Calendar splits
 * its week view: baton-capacity-grid.c (the widget, its inputs, its
 * scrolling and its public API), -grid-rows.c (the rows built from the
 * matrix), -grid-layout.c (pure geometry, no widget), -grid-draw.c
 * (painting and drag feedback), -grid-keyboard.c (focus, keys, pointer,
 * tooltips and accessibility) and baton-capacity-person-header.c (a
 * person's name header).
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-capacity-grid.h"
#include "baton-capacity-grid-layout.h"
#include "baton-duration.h"
#include "baton-edge-scroll.h"

G_BEGIN_DECLS

#define LAYOUT_CACHE_LIMIT 4096
#define AUTOSCROLL_EDGE    48.0
#define AUTOSCROLL_SPEED   24.0

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
  GdkRGBA text;         /* text: readable (baton-colors.h) on every cell */
  GdkRGBA dim;          /* secondary text where no fill is, as readable */
  GdkRGBA caption;      /* secondary text on any cell, as readable */
  GdkRGBA error_text;   /* over-capacity text, as readable */
  GdkRGBA accent_text;  /* this week in the header */
  GdkRGBA week_tint;    /* this week's column */
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
  gboolean hc;          /* high contrast: stronger lines and borders */
} Colors;

/* A text the grid drew, and the opaque color under it (for tests). */
typedef struct
{
  GdkRGBA  text;
  GdkRGBA  background;
  char     what[32];
  gboolean ellipsized;   /* cut short with "…" */
} BatonGridTextSample;

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
  BatonWorkload         *workload;
  BatonCapacity         *matrix;         /* our weeks of the workload */
  BatonCapacity         *plan_preview;   /* a rebalance plan's result, or NULL */
  GtkAdjustment         *hadjustment;
  GtkAdjustment         *vadjustment;
  GtkIconPaintable      *warning_icon;
  GtkIconPaintable      *unassigned_icon;

  /* Inputs */
  guint                  weeks_id;       /* our weeks in the workload */
  guint32                first_week;
  guint32                today;

  /* Layout cache */
  gboolean               valid;          /* matrix and rows */
  gboolean               updating;       /* asking the workload, in a layout pass */
  gboolean               geometry_valid; /* rows' y and height (follow the font) */
  GHashTable            *person_roles;   /* gint64* → PersonRoles* */
  BatonGridLayout        layout;         /* rows, metrics, week columns */
  gboolean               metrics_valid;

  /* Drawing cache */
  GHashTable            *layouts;        /* "kind|width|text" → PangoLayout */
  Colors                 colors;
  gboolean               colors_valid;

  /* Name headers of people rows on screen */
  GHashTable            *headers;        /* gint64* → RowHeader* */

  /* What a screen reader finds: cells, row and column headers on screen
   * (BatonCapacityGridCell, pooled; see baton-capacity-grid-keyboard.c) */
  GPtrArray             *a11y_pools[3];
  GtkWidget             *current_cell;   /* the focus cell's, in a pool; NULL: none */
  guint                  focus_cell_id;  /* an idle that moves the focus to it */

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
  GArray                *text_log;       /* BatonGridTextSample, or NULL */
};


static inline BatonGridRow *
get_row (BatonCapacityGrid *self,
         guint              index)
{
  return baton_grid_layout_get_row (&self->layout, index);
}

static inline char *
format_hours (double minutes)
{
  return baton_duration_format_hours (minutes);
}

/* baton-capacity-grid.c */
const BatonGridLayout *_baton_capacity_grid_get_layout     (BatonCapacityGrid *self);
void         _baton_capacity_grid_emit_cell_activated      (BatonCapacityGrid *self,
                                                            guint              row,
                                                            gint               week);
void         _baton_capacity_grid_format_load              (char              *buffer,
                                                            gsize              size,
                                                            double             load,
                                                            double             capacity);

/* baton-capacity-grid-rows.c */
void         _baton_capacity_grid_ensure_layout            (BatonCapacityGrid *self);
void         _baton_capacity_grid_place_rows               (BatonCapacityGrid *self);
PersonRoles *_baton_capacity_grid_lookup_person_roles      (BatonCapacityGrid *self,
                                                            gint64             person_id);
char        *_baton_capacity_grid_format_role_count        (BatonCapacityGrid  *self,
                                                            const BatonGridRow *row);
void         _baton_capacity_grid_describe_also            (BatonCapacityGrid  *self,
                                                            const BatonGridRow *row,
                                                            GString            *out);

/* baton-capacity-grid-draw.c */
void         _baton_capacity_grid_ensure_metrics           (BatonCapacityGrid *self);
void         _baton_capacity_grid_snapshot                 (GtkWidget         *widget,
                                                            GtkSnapshot       *snapshot);
void         _baton_capacity_grid_drop_drawing_caches      (BatonCapacityGrid *self);
/* From the next snapshot on, appends a BatonGridTextSample to @log for
 * each text drawn (NULL stops); the log is referenced. */
void         _baton_capacity_grid_set_text_log             (BatonCapacityGrid *self,
                                                            GArray            *log);

/* baton-capacity-grid-keyboard.c */
void         _baton_capacity_grid_init_input               (BatonCapacityGrid *self);
gboolean     _baton_capacity_grid_query_tooltip            (GtkWidget         *widget,
                                                            int                x,
                                                            int                y,
                                                            gboolean           keyboard,
                                                            GtkTooltip        *tooltip);
void         _baton_capacity_grid_sync_cells               (BatonCapacityGrid *self);
gboolean     _baton_capacity_grid_focus_within             (BatonCapacityGrid *self);
void         _baton_capacity_grid_ensure_focus_cell        (BatonCapacityGrid *self);
gboolean     _baton_capacity_grid_focus                    (GtkWidget         *widget,
                                                            GtkDirectionType   direction);
char        *_baton_capacity_grid_name_cell                (BatonCapacityGrid *self,
                                                            guint              row,
                                                            gint               week);

G_END_DECLS
