/* test-report-doc.c — report pages: layout, page breaks, PDF, Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No display: the report library draws with cairo and Pango only. The PDF
 * checks read the text back with pdftotext (poppler-utils) and skip when
 * it is missing.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "baton-report-doc.h"
#include "baton-report-markdown.h"
#include "baton-test-pdf.h"

static BatonReportDoc *
make_table_doc (guint n_rows)
{
  BatonReportDoc *doc = baton_report_doc_new ("Rows", "Tester");
  const char *headers[] = { "Task", "Hours" };
  const double widths[] = { 3, 1 };
  const BatonCellAlign aligns[] = { BATON_CELL_START, BATON_CELL_END };
  BatonReportTable *table;

  baton_report_doc_add_title (doc, "Rows", "A long table");
  baton_report_doc_add_section (doc, "Table");
  table = baton_report_doc_add_table (doc, 2, headers, widths, aligns);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *task = g_strdup_printf ("Row %u", i);
      g_autofree char *hours = g_strdup_printf ("%u h", i);
      const char *cells[] = { task, hours };

      baton_report_table_add_row (table, cells);
    }
  return doc;
}

static cairo_t *
measuring_context (cairo_surface_t **surface)
{
  *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
  return cairo_create (*surface);
}

/* A long table takes several pages, each row on one of them whole, and
 * every page starts again with the header. */
static void
test_table_breaks (void)
{
  g_autoptr(BatonReportDoc) doc = make_table_doc (150);
  g_autofree char *dir = baton_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "rows.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  guint n_pages;

  g_assert_true (baton_report_doc_write_pdf (doc, path, BATON_PAPER_A4, &error));
  g_assert_no_error (error);
  n_pages = baton_report_doc_get_n_pages (doc);
  g_assert_cmpuint (n_pages, >=, 3);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_text = baton_test_pdf_text (path, (int) page, (int) page);
      g_autofree char *number = g_strdup_printf ("Page %u of %u", page, n_pages);

      if (page_text == NULL)
        goto out;
      /* The header on every page, and the page number. */
      g_assert_nonnull (strstr (page_text, "Task"));
      g_assert_nonnull (strstr (page_text, "Hours"));
      g_assert_nonnull (strstr (page_text, number));
    }

  /* Every row once, in order, none cut. */
  text = baton_test_pdf_text (path, 0, 0);
  {
    const char *at = text;

    for (guint i = 0; i < 150; i++)
      {
        g_autofree char *row = g_strdup_printf ("Row %u\n", i);
        const char *found = strstr (at, row);

        g_assert_nonnull (found);
        at = found + strlen (row);
      }
  }

out:
  baton_test_remove_dir (dir);
}

/* The pieces of each page stay between the margins: nothing runs into the
 * footer or off the page, whatever the text. */
static void
test_hostile_text (void)
{
  g_autoptr(BatonReportDoc) doc = baton_report_doc_new ("<b>&", "Tester");
  g_autofree char *dir = baton_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "hostile.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_title = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  const char *headers[] = { "Task", "Who" };
  const char *arabic = "مراجعة الوحدة الثانية";
  BatonReportTable *table;

  while (long_title->len < 500)
    g_string_append (long_title, "Onboarding ");
  g_string_truncate (long_title, 500);

  baton_report_doc_add_title (doc, "<b>&amp; not markup", arabic);
  baton_report_doc_add_section (doc, "<i>Section</i> & more");
  escaped = g_markup_escape_text ("Literal <b>&</b> text 🎓", -1);
  baton_report_doc_add_paragraph (doc, escaped);
  table = baton_report_doc_add_table (doc, 2, headers, NULL, NULL);
  {
    g_autofree char *cell = g_markup_escape_text (long_title->str, -1);
    g_autofree char *cell2 = g_markup_escape_text (arabic, -1);
    const char *cells[] = { cell, cell2 };

    baton_report_table_add_row (table, cells);
  }
  for (guint i = 0; i < 40; i++)
    baton_report_doc_add_paragraph (doc, long_title->str);

  g_assert_true (baton_report_doc_write_pdf (doc, path, BATON_PAPER_LETTER, &error));
  g_assert_no_error (error);

  text = baton_test_pdf_text (path, 0, 0);
  if (text == NULL)
    goto out;
  flat = baton_test_squeeze (text);
  g_assert_nonnull (strstr (flat, "<b>&amp; not markup"));
  g_assert_nonnull (strstr (flat, "<i>Section</i> & more"));
  g_assert_nonnull (strstr (flat, "Literal <b>&</b> text"));
  g_assert_nonnull (strstr (flat, "Onboarding Onboarding"));

out:
  baton_test_remove_dir (dir);
}

/* A heading never ends a page: it moves to the next with what follows. */
static void
test_heading_keeps_with_next (void)
{
  g_autoptr(BatonReportDoc) doc = baton_report_doc_new ("Keep", NULL);
  g_autofree char *dir = baton_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "keep.pdf", NULL);
  g_autoptr(GError) error = NULL;
  guint n_pages;

  /* Fill most of the first page, then a section. */
  for (guint i = 0; i < 46; i++)
    baton_report_doc_add_paragraph (doc, "Filler line.");
  baton_report_doc_add_section (doc, "Late section");
  baton_report_doc_add_paragraph (doc, "Its first paragraph.");

  g_assert_true (baton_report_doc_write_pdf (doc, path, BATON_PAPER_A4, &error));
  g_assert_no_error (error);
  n_pages = baton_report_doc_get_n_pages (doc);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *page_text = baton_test_pdf_text (path, (int) page, (int) page);

      if (page_text == NULL)
        goto out;
      /* Heading and paragraph on the same page. */
      g_assert_cmpint (strstr (page_text, "Late section") != NULL, ==,
                       strstr (page_text, "Its first paragraph.") != NULL);
    }

out:
  baton_test_remove_dir (dir);
}

/* Write errors are clear and leave no file. */
static void
test_write_error (void)
{
  g_autoptr(BatonReportDoc) doc = make_table_doc (3);
  g_autofree char *dir = baton_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "x.pdf", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (baton_report_doc_write_pdf (doc, path, BATON_PAPER_A4, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "x.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  baton_test_remove_dir (dir);
}

/* The same document gives the same pages on any surface. */
static void
test_paginate_surfaces (void)
{
  g_autoptr(BatonReportDoc) doc = make_table_doc (120);
  cairo_surface_t *surface;
  cairo_t *cr = measuring_context (&surface);
  guint a, b;
  double width, height;

  baton_report_paper_get_size (BATON_PAPER_A4, &width, &height);
  a = baton_report_doc_paginate (doc, cr, width, height);
  cairo_scale (cr, 3, 3);
  b = baton_report_doc_paginate (doc, cr, width, height);
  g_assert_cmpuint (a, ==, b);
  g_assert_cmpuint (a, >, 1);
  for (guint i = 0; i < a; i++)
    baton_report_doc_draw_page (doc, cr, i);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Markdown sections through cmark: the section's blocks only, task boxes,
 * literal markup. */
static void
test_markdown_section (void)
{
  const char *note =
    "# Kick-off\n\n"
    "Intro paragraph.\n\n"
    "## Decisions\n\n"
    "- Use **Storyline** for module 2\n"
    "- Keep <b>&amp; as typed\n\n"
    "### Detail\n\n"
    "Nested detail under decisions.\n\n"
    "## Action items\n\n"
    "- [ ] Maria: send the style guide\n"
    "- [x] Tom: book the room\n"
    "  1. first sub-step\n\n"
    "## Next meeting\n\n"
    "Not part of any section above.\n";
  const char *decisions[] = { "decisions", NULL };
  const char *actions[] = { "Action Items", NULL };
  const char *missing[] = { "Risks", NULL };
  g_autoptr(BatonReportDoc) doc = baton_report_doc_new ("Notes", NULL);
  g_autofree char *dir = baton_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *plain = NULL;

  g_assert_cmpuint (baton_report_add_markdown_section (doc, note, decisions), ==, 4);
  g_assert_cmpuint (baton_report_add_markdown_section (doc, note, actions), ==, 3);
  g_assert_cmpuint (baton_report_add_markdown_section (doc, note, missing), ==, 0);
  g_assert_cmpuint (baton_report_add_markdown_section (doc, "", decisions), ==, 0);

  plain = baton_report_markdown_to_plain ("Meeting with *Acme* `now`");
  g_assert_cmpstr (plain, ==, "Meeting with Acme now");

  g_assert_true (baton_report_doc_write_pdf (doc, path, BATON_PAPER_A4, &error));
  g_assert_no_error (error);
  text = baton_test_pdf_text (path, 0, 0);
  if (text == NULL)
    goto out;
  flat = baton_test_squeeze (text);
  g_assert_nonnull (strstr (flat, "Use Storyline for module 2"));
  g_assert_nonnull (strstr (flat, "Keep <b>& as typed"));
  g_assert_nonnull (strstr (flat, "Nested detail under decisions."));
  g_assert_nonnull (strstr (flat, "☐ Maria: send the style guide"));
  g_assert_nonnull (strstr (flat, "☑ Tom: book the room"));
  g_assert_nonnull (strstr (flat, "1. first sub-step"));
  g_assert_null (strstr (flat, "Intro paragraph"));
  g_assert_null (strstr (flat, "Not part of any section"));
  g_assert_null (strstr (flat, "[ ]"));

out:
  baton_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report-doc/table-breaks", test_table_breaks);
  g_test_add_func ("/report-doc/hostile-text", test_hostile_text);
  g_test_add_func ("/report-doc/heading-keeps-with-next", test_heading_keeps_with_next);
  g_test_add_func ("/report-doc/write-error", test_write_error);
  g_test_add_func ("/report-doc/paginate-surfaces", test_paginate_surfaces);
  g_test_add_func ("/report-doc/markdown-section", test_markdown_section);

  return g_test_run ();
}
