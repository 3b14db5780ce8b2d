/* baton-report-markdown.h — sections of a client's notes in a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meeting notes are Markdown. A status report quotes some of their
 * sections ("Decisions", "Action items"): the note is parsed with cmark,
 * and the blocks under the heading are rendered as report blocks —
 * paragraphs, nested lists with task boxes (☐ / ☑ for "[ ]" and "[x]"),
 * emphasis, code and links as text. Nothing in a note is taken as Pango
 * markup or HTML: it all appears literally.
 */

#pragma once

#include "baton-report-doc.h"

G_BEGIN_DECLS

/* Adds the blocks of the section of @markdown headed by one of @headings
 * (compared without case and surrounding space), up to the next heading of
 * the same or a higher level. Returns the number of blocks added: 0 when
 * the note has no such section or it is empty. */
guint baton_report_add_markdown_section (BatonReportDoc    *doc,
                                         const char        *markdown,
                                         const char *const *headings);

/* The plain text of a Markdown inline string (a title): what a reader
 * sees, without the markers. */
char *baton_report_markdown_to_plain    (const char        *markdown);

G_END_DECLS
