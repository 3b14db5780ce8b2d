/* baton-test-pdf.h — reading the PDFs the reports write, in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new temporary folder; baton_test_remove_dir () empties and removes it
 * (BATON_TEST_KEEP=1 keeps it, to look at the files). */
char    *baton_test_make_dir      (void);
void     baton_test_remove_dir    (const char *dir);

/* The text of pages @first to @last (from 1; 0, 0: all) as pdftotext reads
 * it, or NULL with the test skipped when pdftotext is missing. */
char    *baton_test_pdf_text      (const char *path,
                                   int         first,
                                   int         last);
/* The number of pages (pdfinfo), or 0 with the test skipped. */
guint    baton_test_pdf_n_pages   (const char *path);
/* The metadata field @key ("Title", "Author") as pdfinfo shows it. */
char    *baton_test_pdf_info      (const char *path,
                                   const char *key);
/* @text with every run of white space made one space. */
char    *baton_test_squeeze       (const char *text);

G_END_DECLS
