/* baton-report-doc.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "baton-report-doc.h"
#include "baton-report-style.h"

#define MARGIN_SIDE    54.0
#define MARGIN_TOP     54.0
#define MARGIN_BOTTOM  66.0
#define FOOTER_GAP     24.0   /* from the text's bottom to the footer's top */
#define CELL_PAD_X     4.0
#define CELL_PAD_Y     3.0
#define ROW_BAR        3.0
#define CELL_MAX_LINES 8
#define BULLET_INDENT  14.0
#define FACT_LABEL     92.0
#define CHART_GAP      18.0

typedef enum
{
  BLOCK_TITLE,
  BLOCK_FACT,
  BLOCK_SECTION,
  BLOCK_SUBSECTION,
  BLOCK_PARAGRAPH,
  BLOCK_NOTE,
  BLOCK_BULLET,
  BLOCK_STATUS,
  BLOCK_CHARTS,
  BLOCK_TABLE,
} BlockKind;

typedef struct
{
  char     **cells;
  double     rgb[3];
  gboolean   has_rgb;
  gboolean   bold;
  /* Layout */
  PangoLayout **layouts;
  double     height;
} Row;

struct _BatonReportTable
{
  guint           n_columns;
  char          **headers;
  double         *widths;
  BatonCellAlign *aligns;
  GPtrArray      *rows;     /* Row* */
  Row             header;
  double         *x;        /* column starts, laid out */
  double         *w;        /* column widths, laid out */
};

typedef struct
{
  BlockKind  kind;
  char      *text;      /* markup or plain, see the add functions */
  char      *text2;
  guint      level;
  double     rgb[3];

  BatonReportChartHeight chart_height[2];
  BatonReportChartDraw   chart_draw[2];
  gpointer               chart_data[2];
  GDestroyNotify         chart_destroy;
  double                 chart_h[2];

  BatonReportTable *table;

  /* Layout */
  PangoLayout *layout;    /* the main text */
  PangoLayout *layout2;   /* subtitle, label, marker */
  double       height;    /* whole block */
  double       x_text;    /* where the main text starts */
  GArray      *line_top;  /* double, splittable text: each line's top */
  GArray      *line_base; /* double, each line's baseline */
  GArray      *line_x;    /* double */
} Block;

/* A piece of a block on a page. */
typedef enum
{
  PIECE_WHOLE,
  PIECE_LINES,        /* lines [first, last) of a paragraph or bullet */
  PIECE_TABLE_HEADER,
  PIECE_TABLE_ROW,    /* row first */
} PieceKind;

typedef struct
{
  guint     block;
  PieceKind kind;
  guint     first;
  guint     last;
  double    y;
} Piece;

typedef struct
{
  GArray *pieces;       /* Piece */
} Page;

struct _BatonReportDoc
{
  gatomicrefcount ref_count;
  char      *title;
  char      *author;
  char      *footer;
  GPtrArray *blocks;    /* Block* */

  double     page_width;
  double     page_height;
  double     text_width;
  GPtrArray *pages;     /* Page* */
};

/* Paper */

BatonPaper
baton_report_paper_from_locale (void)
{
#ifdef _NL_PAPER_WIDTH
  /* glibc: the paper of LC_PAPER, in millimetres. */
  union { char *string; guint word; } width;

  width.string = nl_langinfo (_NL_PAPER_WIDTH);
  if (width.word == 216)
    return BATON_PAPER_LETTER;
#endif
  return BATON_PAPER_A4;
}

void
baton_report_paper_get_size (BatonPaper  paper,
                             double     *width,
                             double     *height)
{
  if (paper == BATON_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 595.276;
      *height = 841.89;
    }
}

/* Building */

static void
row_clear_layouts (Row   *row,
                   guint  n_columns)
{
  if (row->layouts == NULL)
    return;
  for (guint i = 0; i < n_columns; i++)
    g_clear_object (&row->layouts[i]);
  g_clear_pointer (&row->layouts, g_free);
}

static void
row_free (gpointer data,
          gpointer n_columns)
{
  Row *row = data;

  row_clear_layouts (row, GPOINTER_TO_UINT (n_columns));
  g_strfreev (row->cells);
  g_free (row);
}

static void
table_free (BatonReportTable *table)
{
  for (guint i = 0; i < table->rows->len; i++)
    row_free (g_ptr_array_index (table->rows, i), GUINT_TO_POINTER (table->n_columns));
  g_ptr_array_unref (table->rows);
  row_clear_layouts (&table->header, table->n_columns);
  g_strfreev (table->headers);
  g_free (table->widths);
  g_free (table->aligns);
  g_free (table->x);
  g_free (table->w);
  g_free (table);
}

static void
block_clear_layout (Block *block)
{
  g_clear_object (&block->layout);
  g_clear_object (&block->layout2);
  g_clear_pointer (&block->line_top, g_array_unref);
  g_clear_pointer (&block->line_base, g_array_unref);
  g_clear_pointer (&block->line_x, g_array_unref);
  if (block->table != NULL)
    {
      for (guint i = 0; i < block->table->rows->len; i++)
        row_clear_layouts (g_ptr_array_index (block->table->rows, i), block->table->n_columns);
      row_clear_layouts (&block->table->header, block->table->n_columns);
    }
}

static void
block_free (gpointer data)
{
  Block *block = data;

  block_clear_layout (block);
  if (block->chart_destroy != NULL)
    {
      block->chart_destroy (block->chart_data[0]);
      if (block->chart_data[1] != NULL)
        block->chart_destroy (block->chart_data[1]);
    }
  if (block->table != NULL)
    table_free (block->table);
  g_free (block->text);
  g_free (block->text2);
  g_free (block);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_array_unref (page->pieces);
  g_free (page);
}

BatonReportDoc *
baton_report_doc_new (const char *title,
                      const char *author)
{
  BatonReportDoc *doc = g_new0 (BatonReportDoc, 1);

  g_atomic_ref_count_init (&doc->ref_count);
  doc->title = g_strdup (title);
  doc->author = g_strdup (author);
  doc->blocks = g_ptr_array_new_with_free_func (block_free);
  doc->pages = g_ptr_array_new_with_free_func (page_free);

  return doc;
}

BatonReportDoc *
baton_report_doc_ref (BatonReportDoc *doc)
{
  g_atomic_ref_count_inc (&doc->ref_count);
  return doc;
}

void
baton_report_doc_unref (BatonReportDoc *doc)
{
  if (doc == NULL || !g_atomic_ref_count_dec (&doc->ref_count))
    return;
  g_ptr_array_unref (doc->pages);
  g_ptr_array_unref (doc->blocks);
  g_free (doc->title);
  g_free (doc->author);
  g_free (doc->footer);
  g_free (doc);
}

const char *
baton_report_doc_get_title (BatonReportDoc *doc)
{
  return doc->title;
}

void
baton_report_doc_set_footer (BatonReportDoc *doc,
                             const char     *text)
{
  g_free (doc->footer);
  doc->footer = g_strdup (text);
}

static Block *
add_block (BatonReportDoc *doc,
           BlockKind       kind,
           const char     *text,
           const char     *text2)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text != NULL ? text : "");
  block->text2 = g_strdup (text2);
  g_ptr_array_add (doc->blocks, block);

  return block;
}

void
baton_report_doc_add_title (BatonReportDoc *doc,
                            const char     *title,
                            const char     *subtitle)
{
  add_block (doc, BLOCK_TITLE, title, subtitle);
}

void
baton_report_doc_add_fact (BatonReportDoc *doc,
                           const char     *label,
                           const char     *value)
{
  add_block (doc, BLOCK_FACT, value, label);
}

void
baton_report_doc_add_section (BatonReportDoc *doc,
                              const char     *heading)
{
  add_block (doc, BLOCK_SECTION, heading, NULL);
}

void
baton_report_doc_add_subsection (BatonReportDoc *doc,
                                 const char     *heading)
{
  add_block (doc, BLOCK_SUBSECTION, heading, NULL);
}

void
baton_report_doc_add_paragraph (BatonReportDoc *doc,
                                const char     *markup)
{
  add_block (doc, BLOCK_PARAGRAPH, markup, NULL);
}

void
baton_report_doc_add_note (BatonReportDoc *doc,
                           const char     *text)
{
  add_block (doc, BLOCK_NOTE, text, NULL);
}

void
baton_report_doc_add_bullet (BatonReportDoc *doc,
                             guint           level,
                             const char     *marker,
                             const char     *markup)
{
  Block *block = add_block (doc, BLOCK_BULLET, markup, marker != NULL ? marker : "•");

  block->level = MIN (level, 6);
}

void
baton_report_doc_add_status (BatonReportDoc *doc,
                             const char     *label,
                             const double    rgb[3],
                             const char     *reason_markup)
{
  Block *block = add_block (doc, BLOCK_STATUS, reason_markup, label);

  memcpy (block->rgb, rgb, sizeof block->rgb);
}

void
baton_report_doc_add_chart (BatonReportDoc         *doc,
                            BatonReportChartHeight  height,
                            BatonReportChartDraw    draw,
                            gpointer                data,
                            GDestroyNotify          destroy)
{
  baton_report_doc_add_charts (doc, height, draw, data, NULL, NULL, NULL, destroy);
}

void
baton_report_doc_add_charts (BatonReportDoc         *doc,
                             BatonReportChartHeight  height1,
                             BatonReportChartDraw    draw1,
                             gpointer                data1,
                             BatonReportChartHeight  height2,
                             BatonReportChartDraw    draw2,
                             gpointer                data2,
                             GDestroyNotify          destroy)
{
  Block *block = add_block (doc, BLOCK_CHARTS, NULL, NULL);

  block->chart_height[0] = height1;
  block->chart_draw[0] = draw1;
  block->chart_data[0] = data1;
  block->chart_height[1] = height2;
  block->chart_draw[1] = draw2;
  block->chart_data[1] = data2;
  block->chart_destroy = destroy;
}

BatonReportTable *
baton_report_doc_add_table (BatonReportDoc       *doc,
                            guint                 n_columns,
                            const char *const    *headers,
                            const double         *widths,
                            const BatonCellAlign *aligns)
{
  Block *block = add_block (doc, BLOCK_TABLE, NULL, NULL);
  BatonReportTable *table = g_new0 (BatonReportTable, 1);

  g_return_val_if_fail (n_columns > 0, NULL);

  table->n_columns = n_columns;
  table->headers = g_new0 (char *, n_columns + 1);
  table->widths = g_new (double, n_columns);
  table->aligns = g_new0 (BatonCellAlign, n_columns);
  table->x = g_new0 (double, n_columns);
  table->w = g_new0 (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      table->headers[i] = g_markup_escape_text (headers[i] != NULL ? headers[i] : "", -1);
      table->widths[i] = widths != NULL ? MAX (widths[i], 0.01) : 1.0;
      if (aligns != NULL)
        table->aligns[i] = aligns[i];
    }
  table->header.cells = g_strdupv (table->headers);
  table->header.bold = TRUE;
  table->rows = g_ptr_array_new ();
  block->table = table;

  return table;
}

void
baton_report_table_add_row_full (BatonReportTable  *table,
                                 const char *const *cells,
                                 const double      *rgb,
                                 gboolean           bold)
{
  Row *row = g_new0 (Row, 1);

  row->cells = g_new0 (char *, table->n_columns + 1);
  for (guint i = 0; i < table->n_columns; i++)
    row->cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  if (rgb != NULL)
    {
      memcpy (row->rgb, rgb, sizeof row->rgb);
      row->has_rgb = TRUE;
    }
  row->bold = bold;
  g_ptr_array_add (table->rows, row);
}

void
baton_report_table_add_row (BatonReportTable  *table,
                            const char *const *cells)
{
  baton_report_table_add_row_full (table, cells, NULL, FALSE);
}

guint
baton_report_table_get_n_rows (BatonReportTable *table)
{
  return table->rows->len;
}

/* Layout */

static PangoLayout *
markup_layout (cairo_t    *cr,
               double      size,
               gboolean    bold,
               double      width,
               const char *markup)
{
  PangoLayout *layout = baton_report_layout_new (cr, size, bold, width);

  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static PangoLayout *
text_layout (cairo_t    *cr,
             double      size,
             gboolean    bold,
             double      width,
             const char *text)
{
  PangoLayout *layout = baton_report_layout_new (cr, size, bold, width);

  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int w;

  pango_layout_get_size (layout, &w, NULL);
  return (double) w / PANGO_SCALE;
}

/* Lines of a splittable block, for page breaks inside it. */
static void
measure_lines (Block *block)
{
  PangoLayoutIter *iter = pango_layout_get_iter (block->layout);

  block->line_top = g_array_new (FALSE, FALSE, sizeof (double));
  block->line_base = g_array_new (FALSE, FALSE, sizeof (double));
  block->line_x = g_array_new (FALSE, FALSE, sizeof (double));
  do
    {
      PangoRectangle logical;
      int y0, y1;
      double top, base, x;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = (double) y0 / PANGO_SCALE;
      base = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      x = (double) logical.x / PANGO_SCALE;
      g_array_append_val (block->line_top, top);
      g_array_append_val (block->line_base, base);
      g_array_append_val (block->line_x, x);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static double
line_top (Block *block,
          guint  line)
{
  if (line >= block->line_top->len)
    return layout_height (block->layout);
  return g_array_index (block->line_top, double, line);
}

static void
layout_row (cairo_t          *cr,
            BatonReportTable *table,
            Row              *row,
            gboolean          is_header)
{
  double height = 0;

  row->layouts = g_new0 (PangoLayout *, table->n_columns);
  for (guint i = 0; i < table->n_columns; i++)
    {
      double width = MAX (table->w[i] - 2 * CELL_PAD_X, 1.0);
      PangoLayout *layout = markup_layout (cr,
                                           is_header ? BATON_REPORT_SMALL_SIZE : BATON_REPORT_BODY_SIZE - 0.5,
                                           row->bold, width, row->cells[i]);

      /* A cell never grows beyond a few lines: a 500-character title is
       * cut with an ellipsis rather than pushing the row off the page. */
      pango_layout_set_height (layout, -CELL_MAX_LINES);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      if (table->aligns[i] == BATON_CELL_END)
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      row->layouts[i] = layout;
      height = MAX (height, layout_height (layout));
    }
  row->height = height + 2 * CELL_PAD_Y;
}

static void
layout_table (BatonReportDoc   *doc,
              cairo_t          *cr,
              BatonReportTable *table)
{
  double total = 0, x = 0;

  for (guint i = 0; i < table->n_columns; i++)
    total += table->widths[i];
  for (guint i = 0; i < table->n_columns; i++)
    {
      table->x[i] = x;
      table->w[i] = doc->text_width * table->widths[i] / total;
      x += table->w[i];
    }

  layout_row (cr, table, &table->header, TRUE);
  for (guint i = 0; i < table->rows->len; i++)
    layout_row (cr, table, g_ptr_array_index (table->rows, i), FALSE);
}

static double
space_before (Block *block)
{
  switch (block->kind)
    {
    case BLOCK_TITLE:
      return 0;
    case BLOCK_FACT:
      return 2;
    case BLOCK_SECTION:
      return 20;
    case BLOCK_SUBSECTION:
      return 12;
    case BLOCK_BULLET:
      return 2;
    case BLOCK_CHARTS:
    case BLOCK_TABLE:
    case BLOCK_STATUS:
      return 8;
    case BLOCK_PARAGRAPH:
    case BLOCK_NOTE:
    default:
      return 6;
    }
}

static gboolean
keeps_with_next (Block *block)
{
  return block->kind == BLOCK_TITLE || block->kind == BLOCK_SECTION ||
         block->kind == BLOCK_SUBSECTION;
}

static void
layout_block (BatonReportDoc *doc,
              cairo_t        *cr,
              Block          *block)
{
  double width = doc->text_width;

  block_clear_layout (block);
  block->x_text = 0;

  switch (block->kind)
    {
    case BLOCK_TITLE:
      block->layout = text_layout (cr, BATON_REPORT_H1_SIZE, TRUE, width, block->text);
      block->height = layout_height (block->layout);
      if (block->text2 != NULL)
        {
          block->layout2 = text_layout (cr, BATON_REPORT_H3_SIZE, FALSE, width, block->text2);
          block->height += 4 + layout_height (block->layout2);
        }
      block->height += 8;
      break;

    case BLOCK_FACT:
      block->layout2 = text_layout (cr, BATON_REPORT_BODY_SIZE, FALSE, FACT_LABEL - 8, block->text2);
      block->layout = text_layout (cr, BATON_REPORT_BODY_SIZE, TRUE, width - FACT_LABEL, block->text);
      block->x_text = FACT_LABEL;
      block->height = MAX (layout_height (block->layout), layout_height (block->layout2));
      break;

    case BLOCK_SECTION:
      block->layout = text_layout (cr, BATON_REPORT_H2_SIZE, TRUE, width, block->text);
      block->height = layout_height (block->layout) + 6;
      break;

    case BLOCK_SUBSECTION:
      block->layout = text_layout (cr, BATON_REPORT_H3_SIZE, TRUE, width, block->text);
      block->height = layout_height (block->layout) + 2;
      break;

    case BLOCK_PARAGRAPH:
      block->layout = markup_layout (cr, BATON_REPORT_BODY_SIZE, FALSE, width, block->text);
      block->height = layout_height (block->layout);
      measure_lines (block);
      break;

    case BLOCK_NOTE:
      {
        g_autofree char *escaped = g_markup_escape_text (block->text, -1);
        g_autofree char *markup = g_strdup_printf ("<i>%s</i>", escaped);

        block->layout = markup_layout (cr, BATON_REPORT_BODY_SIZE, FALSE, width, markup);
        block->height = layout_height (block->layout);
      }
      break;

    case BLOCK_BULLET:
      {
        double indent = BULLET_INDENT * (block->level + 1);

        block->layout2 = text_layout (cr, BATON_REPORT_BODY_SIZE, FALSE, -1, block->text2);
        indent = MAX (indent, BULLET_INDENT * block->level + layout_width (block->layout2) + 4);
        block->x_text = indent;
        block->layout = markup_layout (cr, BATON_REPORT_BODY_SIZE, FALSE, width - indent, block->text);
        block->height = layout_height (block->layout);
        measure_lines (block);
      }
      break;

    case BLOCK_STATUS:
      {
        double pill_w;

        block->layout2 = text_layout (cr, BATON_REPORT_H3_SIZE, TRUE, -1, block->text2);
        pill_w = layout_width (block->layout2) + 16;
        block->x_text = pill_w + 10;
        block->layout = markup_layout (cr, BATON_REPORT_BODY_SIZE + 0.5, FALSE,
                                       MAX (width - block->x_text, 60), block->text);
        block->height = MAX (layout_height (block->layout2) + 8, layout_height (block->layout));
      }
      break;

    case BLOCK_CHARTS:
      {
        gboolean pair = block->chart_draw[1] != NULL;
        double w = pair ? (width - CHART_GAP) / 2 : width;

        block->chart_h[0] = block->chart_height[0] (cr, w, block->chart_data[0]);
        block->chart_h[1] = pair ? block->chart_height[1] (cr, w, block->chart_data[1]) : 0;
        block->height = MAX (block->chart_h[0], block->chart_h[1]);
      }
      break;

    case BLOCK_TABLE:
      layout_table (doc, cr, block->table);
      block->height = block->table->header.height;
      for (guint i = 0; i < block->table->rows->len; i++)
        block->height += ((Row *) g_ptr_array_index (block->table->rows, i))->height;
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Pagination */

typedef struct
{
  BatonReportDoc *doc;
  Page           *page;
  double          y;
  double          top;
  double          bottom;
} Cursor;

static void
cursor_new_page (Cursor *cursor)
{
  cursor->page = g_new0 (Page, 1);
  cursor->page->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_ptr_array_add (cursor->doc->pages, cursor->page);
  cursor->y = cursor->top;
}

static gboolean
cursor_at_top (Cursor *cursor)
{
  return cursor->page->pieces->len == 0;
}

static double
cursor_room (Cursor *cursor)
{
  return cursor->bottom - cursor->y;
}

static void
cursor_place (Cursor    *cursor,
              guint      block,
              PieceKind  kind,
              guint      first,
              guint      last,
              double     height)
{
  Piece piece = { block, kind, first, last, cursor->y };

  g_array_append_val (cursor->page->pieces, piece);
  cursor->y += height;
}

/* The height the start of @block needs on a page: its heading or title
 * with what follows, a table's header with its first row, a text's first
 * two lines. */
static double
first_height (BatonReportDoc *doc,
              guint           index)
{
  Block *block = g_ptr_array_index (doc->blocks, index);

  if (keeps_with_next (block) && index + 1 < doc->blocks->len)
    {
      Block *next = g_ptr_array_index (doc->blocks, index + 1);

      return block->height + space_before (next) + first_height (doc, index + 1);
    }
  if (block->kind == BLOCK_TABLE)
    {
      double h = block->table->header.height;

      if (block->table->rows->len > 0)
        h += ((Row *) g_ptr_array_index (block->table->rows, 0))->height;
      return h;
    }
  if (block->line_top != NULL && block->line_top->len > 2)
    return line_top (block, 2);
  return block->height;
}

static void
place_lines (Cursor *cursor,
             guint   index,
             Block  *block)
{
  guint n_lines = block->line_top->len;
  guint first = 0;

  while (first < n_lines)
    {
      guint last = first;
      double room = cursor_room (cursor);

      while (last < n_lines && line_top (block, last + 1) - line_top (block, first) <= room)
        last++;
      /* A line taller than a whole page still goes somewhere. */
      if (last == first && cursor_at_top (cursor))
        last = first + 1;
      if (last > first)
        {
          cursor_place (cursor, index, PIECE_LINES, first, last,
                        line_top (block, last) - line_top (block, first));
          first = last;
        }
      if (first < n_lines)
        cursor_new_page (cursor);
    }
}

static void
place_table (Cursor *cursor,
             guint   index,
             Block  *block)
{
  BatonReportTable *table = block->table;

  cursor_place (cursor, index, PIECE_TABLE_HEADER, 0, 0, table->header.height);
  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = g_ptr_array_index (table->rows, i);

      if (row->height > cursor_room (cursor))
        {
          cursor_new_page (cursor);
          cursor_place (cursor, index, PIECE_TABLE_HEADER, 0, 0, table->header.height);
        }
      cursor_place (cursor, index, PIECE_TABLE_ROW, i, i + 1, row->height);
    }
}

guint
baton_report_doc_paginate (BatonReportDoc *doc,
                           cairo_t        *cr,
                           double          width,
                           double          height)
{
  Cursor cursor = { doc, NULL, 0, MARGIN_TOP, height - MARGIN_BOTTOM };

  g_return_val_if_fail (doc != NULL, 0);

  doc->page_width = width;
  doc->page_height = height;
  doc->text_width = MAX (width - 2 * MARGIN_SIDE, 100);
  g_ptr_array_set_size (doc->pages, 0);

  for (guint i = 0; i < doc->blocks->len; i++)
    layout_block (doc, cr, g_ptr_array_index (doc->blocks, i));

  cursor_new_page (&cursor);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      Block *block = g_ptr_array_index (doc->blocks, i);
      double before = cursor_at_top (&cursor) ? 0 : space_before (block);

      /* A start that does not fit goes to the next page (unless the page
       * is empty: then nothing would fit better). */
      if (!cursor_at_top (&cursor) && before + first_height (doc, i) > cursor_room (&cursor))
        {
          cursor_new_page (&cursor);
          before = 0;
        }
      cursor.y += before;

      if (block->kind == BLOCK_TABLE)
        place_table (&cursor, i, block);
      else if (block->line_top != NULL && block->height > cursor_room (&cursor))
        place_lines (&cursor, i, block);
      else
        {
          if (block->height > cursor_room (&cursor) && !cursor_at_top (&cursor))
            cursor_new_page (&cursor);
          cursor_place (&cursor, i, PIECE_WHOLE, 0, 0, block->height);
        }
    }

  return doc->pages->len;
}

guint
baton_report_doc_get_n_pages (BatonReportDoc *doc)
{
  return doc->pages->len;
}

/* Drawing */

static void
show_layout (cairo_t              *cr,
             PangoLayout          *layout,
             double                x,
             double                y,
             const BatonReportRgb *rgb)
{
  cairo_save (cr);
  baton_report_set_rgb (cr, rgb);
  cairo_move_to (cr, x, y);
  pango_cairo_update_layout (cr, layout);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
draw_lines (cairo_t *cr,
            Block   *block,
            guint    first,
            guint    last,
            double   x,
            double   y)
{
  double offset = line_top (block, first);

  cairo_save (cr);
  baton_report_set_rgb (cr, &baton_report_ink);
  pango_cairo_update_layout (cr, block->layout);
  for (guint i = first; i < last; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (block->layout, (int) i);

      cairo_move_to (cr, x + g_array_index (block->line_x, double, i),
                     y + g_array_index (block->line_base, double, i) - offset);
      pango_cairo_show_layout_line (cr, line);
    }
  cairo_restore (cr);
}

static void
draw_row (BatonReportDoc   *doc,
          cairo_t          *cr,
          BatonReportTable *table,
          Row              *row,
          gboolean          is_header,
          double            y)
{
  double x0 = MARGIN_SIDE;

  if (is_header)
    {
      baton_report_set_rgb (cr, &baton_report_fill);
      cairo_rectangle (cr, x0, y, doc->text_width, row->height);
      cairo_fill (cr);
    }
  if (row->has_rgb)
    {
      cairo_set_source_rgb (cr, row->rgb[0], row->rgb[1], row->rgb[2]);
      cairo_rectangle (cr, x0, y + 1, ROW_BAR, row->height - 2);
      cairo_fill (cr);
    }

  for (guint i = 0; i < table->n_columns; i++)
    {
      double pad = (i == 0 && row->has_rgb) ? ROW_BAR + CELL_PAD_X : CELL_PAD_X;

      show_layout (cr, row->layouts[i], x0 + table->x[i] + pad, y + CELL_PAD_Y,
                   is_header ? &baton_report_ink_muted : &baton_report_ink);
    }

  /* The rule under the row. */
  baton_report_set_rgb (cr, is_header ? &baton_report_ink_muted : &baton_report_rule);
  cairo_set_line_width (cr, is_header ? 0.8 : 0.4);
  cairo_move_to (cr, x0, y + row->height - 0.2);
  cairo_line_to (cr, x0 + doc->text_width, y + row->height - 0.2);
  cairo_stroke (cr);
}

static void
draw_rounded (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_piece (BatonReportDoc *doc,
            cairo_t        *cr,
            const Piece    *piece)
{
  Block *block = g_ptr_array_index (doc->blocks, piece->block);
  double x = MARGIN_SIDE, y = piece->y;
  static const BatonReportRgb white = { 1, 1, 1 };

  switch (piece->kind)
    {
    case PIECE_TABLE_HEADER:
      draw_row (doc, cr, block->table, &block->table->header, TRUE, y);
      return;
    case PIECE_TABLE_ROW:
      draw_row (doc, cr, block->table, g_ptr_array_index (block->table->rows, piece->first), FALSE, y);
      return;
    case PIECE_LINES:
      if (block->kind == BLOCK_BULLET && piece->first == 0)
        show_layout (cr, block->layout2, x + BULLET_INDENT * block->level, y, &baton_report_ink);
      draw_lines (cr, block, piece->first, piece->last, x + block->x_text, y);
      return;
    case PIECE_WHOLE:
    default:
      break;
    }

  switch (block->kind)
    {
    case BLOCK_TITLE:
      show_layout (cr, block->layout, x, y, &baton_report_ink);
      if (block->layout2 != NULL)
        show_layout (cr, block->layout2, x, y + layout_height (block->layout) + 4, &baton_report_ink_muted);
      break;

    case BLOCK_FACT:
      show_layout (cr, block->layout2, x, y, &baton_report_ink_muted);
      show_layout (cr, block->layout, x + block->x_text, y, &baton_report_ink);
      break;

    case BLOCK_SECTION:
      show_layout (cr, block->layout, x, y, &baton_report_ink);
      baton_report_set_rgb (cr, &baton_report_rule);
      cairo_set_line_width (cr, 0.6);
      cairo_move_to (cr, x, y + block->height - 2.5);
      cairo_line_to (cr, x + doc->text_width, y + block->height - 2.5);
      cairo_stroke (cr);
      break;

    case BLOCK_SUBSECTION:
    case BLOCK_PARAGRAPH:
      show_layout (cr, block->layout, x, y, &baton_report_ink);
      break;

    case BLOCK_NOTE:
      show_layout (cr, block->layout, x, y, &baton_report_ink_muted);
      break;

    case BLOCK_BULLET:
      show_layout (cr, block->layout2, x + BULLET_INDENT * block->level, y, &baton_report_ink);
      show_layout (cr, block->layout, x + block->x_text, y, &baton_report_ink);
      break;

    case BLOCK_STATUS:
      {
        double pill_h = layout_height (block->layout2) + 8;
        double pill_w = block->x_text - 10;

        cairo_set_source_rgb (cr, block->rgb[0], block->rgb[1], block->rgb[2]);
        draw_rounded (cr, x, y, pill_w, pill_h, 4);
        cairo_fill (cr);
        show_layout (cr, block->layout2, x + 8, y + 4, &white);
        show_layout (cr, block->layout, x + block->x_text,
                     y + MAX (0, (pill_h - layout_height (block->layout)) / 2), &baton_report_ink);
      }
      break;

    case BLOCK_CHARTS:
      {
        gboolean pair = block->chart_draw[1] != NULL;
        double w = pair ? (doc->text_width - CHART_GAP) / 2 : doc->text_width;

        for (guint i = 0; i < (pair ? 2u : 1u); i++)
          {
            cairo_save (cr);
            cairo_translate (cr, x + i * (w + CHART_GAP), y);
            block->chart_draw[i] (cr, w, block->chart_data[i]);
            cairo_restore (cr);
          }
      }
      break;

    case BLOCK_TABLE:
    default:
      g_assert_not_reached ();
    }
}

static void
draw_footer (BatonReportDoc *doc,
             cairo_t        *cr,
             guint           page)
{
  g_autofree char *number = g_strdup_printf (_("Page %u of %u"), page + 1, doc->pages->len);
  g_autoptr(PangoLayout) right = text_layout (cr, BATON_REPORT_SMALL_SIZE, FALSE, -1, number);
  double y = doc->page_height - MARGIN_BOTTOM + FOOTER_GAP;
  double right_w = layout_width (right);

  baton_report_set_rgb (cr, &baton_report_rule);
  cairo_set_line_width (cr, 0.4);
  cairo_move_to (cr, MARGIN_SIDE, y - 5);
  cairo_line_to (cr, MARGIN_SIDE + doc->text_width, y - 5);
  cairo_stroke (cr);

  show_layout (cr, right, MARGIN_SIDE + doc->text_width - right_w, y, &baton_report_ink_muted);
  if (doc->footer != NULL)
    {
      g_autoptr(PangoLayout) left = text_layout (cr, BATON_REPORT_SMALL_SIZE, FALSE,
                                                 MAX (doc->text_width - right_w - 16, 10),
                                                 doc->footer);

      pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (left, -1);
      show_layout (cr, left, MARGIN_SIDE, y, &baton_report_ink_muted);
    }
}

void
baton_report_doc_draw_page (BatonReportDoc *doc,
                            cairo_t        *cr,
                            guint           page)
{
  Page *p;

  g_return_if_fail (page < doc->pages->len);

  p = g_ptr_array_index (doc->pages, page);
  cairo_save (cr);
  for (guint i = 0; i < p->pieces->len; i++)
    draw_piece (doc, cr, &g_array_index (p->pieces, Piece, i));
  draw_footer (doc, cr, page);
  cairo_restore (cr);
}

/* Files */

static gboolean
cairo_error (cairo_status_t   status,
             const char      *path,
             GError         **error)
{
  g_autofree char *name = g_filename_display_name (path);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Could not write “%s”: %s"), name, cairo_status_to_string (status));
  return FALSE;
}

/* The outline entries of a page: sections at the root, subsections under
 * the last section. */
static void
add_outline (BatonReportDoc  *doc,
             cairo_surface_t *surface,
             guint            page,
             int             *section_id)
{
  Page *p = g_ptr_array_index (doc->pages, page);

  for (guint i = 0; i < p->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (p->pieces, Piece, i);
      Block *block = g_ptr_array_index (doc->blocks, piece->block);
      g_autofree char *link = NULL;

      if (block->kind != BLOCK_SECTION && block->kind != BLOCK_SUBSECTION)
        continue;
      link = g_strdup_printf ("page=%u pos=[%.1f %.1f]", page + 1, MARGIN_SIDE, piece->y);
      if (block->kind == BLOCK_SECTION)
        *section_id = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                                     block->text, link, 0);
      else
        cairo_pdf_surface_add_outline (surface, *section_id, block->text, link, 0);
    }
}

/* A name beside @path for writing, so that @path appears whole or not at all. */
static char *
temporary_path (const char *path)
{
  return g_strdup_printf ("%s.%08x.part", path, g_random_int ());
}

gboolean
baton_report_doc_write_pdf (BatonReportDoc  *doc,
                            const char      *path,
                            BatonPaper       paper,
                            GError         **error)
{
  g_autofree char *part = temporary_path (path);
  g_autofree char *creator = g_strdup_printf ("Baton %s", PACKAGE_VERSION);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  int section_id = CAIRO_PDF_OUTLINE_ROOT;
  guint n_pages;

  baton_report_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create (part, width, height);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_unlink (part);
      return cairo_error (status, path, error);
    }

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, doc->title);
  if (doc->author != NULL && doc->author[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, doc->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  if (doc->footer != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, doc->footer);

  cr = cairo_create (surface);
  n_pages = baton_report_doc_paginate (doc, cr, width, height);
  for (guint i = 0; i < n_pages; i++)
    {
      add_outline (doc, surface, i, &section_id);
      baton_report_doc_draw_page (doc, cr, i);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (part);
      return cairo_error (status, path, error);
    }
  if (g_rename (part, path) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_unlink (part);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

gboolean
baton_report_doc_write_png (BatonReportDoc  *doc,
                            const char      *path,
                            BatonPaper       paper,
                            guint            page,
                            double           dpi,
                            GError         **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height, scale = dpi / 72.0;

  baton_report_paper_get_size (paper, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int) ceil (width * scale), (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  baton_report_doc_paginate (doc, cr, width, height);
  if (page < doc->pages->len)
    baton_report_doc_draw_page (doc, cr, page);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);

  return cairo_error (status, path, error);
}
