/* baton-report-doc.h — a report as blocks, laid out in pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A report is built as a list of blocks (title, section headings,
 * paragraphs, bullets, tables, charts), then laid out for a page size with
 * Pango and drawn page by page with cairo. The same layout and the same
 * drawing serve the printer (GtkPrintOperation), its preview and the PDF,
 * so they cannot disagree.
 *
 * Page breaks: a table breaks between rows only and repeats its header on
 * the next page; a heading stays with what follows it; a paragraph longer
 * than the room left breaks between lines; a chart is never cut. Every
 * page has a footer with the page number ("Page 2 of 5").
 *
 * Text given as "markup" is Pango markup: escape what people typed
 * (g_markup_escape_text ()). Plain text is escaped here.
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  BATON_PAPER_A4,
  BATON_PAPER_LETTER,
} BatonPaper;

/* Letter where the locale's paper is (LC_PAPER, e.g. en_US), else A4. */
BatonPaper  baton_report_paper_from_locale (void);
/* Points. */
void        baton_report_paper_get_size    (BatonPaper  paper,
                                            double     *width,
                                            double     *height);

typedef enum
{
  BATON_CELL_START,
  BATON_CELL_END,     /* numbers */
} BatonCellAlign;

typedef struct _BatonReportDoc   BatonReportDoc;
typedef struct _BatonReportTable BatonReportTable;

/* A chart the document places: its height for a width, and its drawing
 * from (0, 0) in a box of that width and height. */
typedef double (*BatonReportChartHeight) (cairo_t  *cr,
                                          double    width,
                                          gpointer  data);
typedef void   (*BatonReportChartDraw)   (cairo_t  *cr,
                                          double    width,
                                          gpointer  data);

BatonReportDoc   *baton_report_doc_new           (const char     *title,
                                                  const char     *author);
BatonReportDoc   *baton_report_doc_ref           (BatonReportDoc *doc);
void              baton_report_doc_unref         (BatonReportDoc *doc);
const char       *baton_report_doc_get_title     (BatonReportDoc *doc);
/* A line in every page's footer, beside the page number. */
void              baton_report_doc_set_footer    (BatonReportDoc *doc,
                                                  const char     *text);

/* The document's title at the top of the first page, with @subtitle
 * (plain, may be NULL) under it. */
void              baton_report_doc_add_title     (BatonReportDoc *doc,
                                                  const char     *title,
                                                  const char     *subtitle);
/* Label and value lines under the title ("Client", "Acme"). */
void              baton_report_doc_add_fact      (BatonReportDoc *doc,
                                                  const char     *label,
                                                  const char     *value);
/* A section: a heading and an entry in the PDF outline. */
void              baton_report_doc_add_section   (BatonReportDoc *doc,
                                                  const char     *heading);
/* A heading within a section, an entry under the section's in the outline. */
void              baton_report_doc_add_subsection (BatonReportDoc *doc,
                                                  const char     *heading);
void              baton_report_doc_add_paragraph (BatonReportDoc *doc,
                                                  const char     *markup);
/* Secondary text, e.g. "Nothing was completed in this period." */
void              baton_report_doc_add_note      (BatonReportDoc *doc,
                                                  const char     *text);
/* A list item: @marker ("•", "☐", "☑", "1."), @level from 0 for nesting. */
void              baton_report_doc_add_bullet    (BatonReportDoc *doc,
                                                  guint           level,
                                                  const char     *marker,
                                                  const char     *markup);
/* A status label: a filled box of @rgb (r, g, b in 0..1, dark enough for
 * white text) holding @label, then @reason_markup beside it. */
void              baton_report_doc_add_status    (BatonReportDoc *doc,
                                                  const char     *label,
                                                  const double    rgb[3],
                                                  const char     *reason_markup);
/* Charts: one across the width, or two side by side (@draw2 non-NULL). */
void              baton_report_doc_add_chart     (BatonReportDoc         *doc,
                                                  BatonReportChartHeight  height,
                                                  BatonReportChartDraw    draw,
                                                  gpointer                data,
                                                  GDestroyNotify          destroy);
void              baton_report_doc_add_charts    (BatonReportDoc         *doc,
                                                  BatonReportChartHeight  height1,
                                                  BatonReportChartDraw    draw1,
                                                  gpointer                data1,
                                                  BatonReportChartHeight  height2,
                                                  BatonReportChartDraw    draw2,
                                                  gpointer                data2,
                                                  GDestroyNotify          destroy);
/* A table of @n_columns with header texts (plain) and relative widths (they
 * are scaled to the text width). Cells are markup. */
BatonReportTable *baton_report_doc_add_table     (BatonReportDoc   *doc,
                                                  guint             n_columns,
                                                  const char *const *headers,
                                                  const double     *widths,
                                                  const BatonCellAlign *aligns);
void              baton_report_table_add_row     (BatonReportTable *table,
                                                  const char *const *cells);
/* Like baton_report_table_add_row (), with a thin bar of @rgb at the start
 * of the row (a role's colour), or with the row in bold (a total). */
void              baton_report_table_add_row_full (BatonReportTable *table,
                                                   const char *const *cells,
                                                   const double     *rgb,
                                                   gboolean          bold);
guint             baton_report_table_get_n_rows  (BatonReportTable *table);

/* Lays the blocks out on pages of @width × @height points; @cr measures
 * text (any cairo context: the printer's, a PDF's, an image's). Returns
 * the number of pages. */
guint             baton_report_doc_paginate      (BatonReportDoc *doc,
                                                  cairo_t        *cr,
                                                  double          width,
                                                  double          height);
guint             baton_report_doc_get_n_pages   (BatonReportDoc *doc);
/* Draws page @page (from 0) of the last pagination at (0, 0). */
void              baton_report_doc_draw_page     (BatonReportDoc *doc,
                                                  cairo_t        *cr,
                                                  guint           page);

/* Writes the PDF: title, author, subject and creator in its metadata and an
 * outline entry per section and subsection. The file appears whole or not
 * at all (written beside it, then renamed). */
gboolean          baton_report_doc_write_pdf     (BatonReportDoc *doc,
                                                  const char     *path,
                                                  BatonPaper      paper,
                                                  GError        **error);
/* Writes page @page as a PNG at @dpi (screenshots, tests). */
gboolean          baton_report_doc_write_png     (BatonReportDoc *doc,
                                                  const char     *path,
                                                  BatonPaper      paper,
                                                  guint           page,
                                                  double          dpi,
                                                  GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonReportDoc, baton_report_doc_unref)

G_END_DECLS
