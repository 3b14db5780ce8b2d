/* baton-csv-private.h — an RFC 4180 reader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writer puts out UTF-8 with CRLF line ends, quoting a cell when it
 * holds the delimiter, a quote, CR or LF (quotes doubled inside). Text
 * cells are escaped against formula injection (see
 * baton_csv_escape_needed ()); numbers and dates are written as they are.
 *
 * The reader streams: it reads the input in blocks and returns one row at
 * a time. It takes CRLF, LF or CR line ends, skips a UTF-8 byte order
 * mark and blank lines, detects a `;` delimiter from the first line, and
 * refuses (BATON_CSV_ERROR, with the line number) a quote that is never
 * closed, text after a closing quote, a quote inside an unquoted cell, a
 * row whose width differs from the first row's, text that is not UTF-8,
 * and input longer than its limit.
 */
#pragma once

#include <gio/gio.h>

#include "baton-store.h"

G_BEGIN_DECLS

/* Shared by the export and the import (baton-csv.c). */
char       *_baton_csv_format_hours       (double      minutes);
char       *_baton_csv_format_checklist   (GPtrArray  *items);
GHashTable *_baton_csv_checklists_by_task (BatonStore *store);
const char *_baton_csv_task_status        (BatonStore *store,
                                           BatonTask  *task);

/* Formula injection: a spreadsheet runs a cell that starts with `=`, `+`,
 * `-` or `@` (and some also after a tab or CR). The writer prefixes such a
 * text cell with one apostrophe, which spreadsheets show as text. To keep
 * round trips exact, a cell made of one or more apostrophes followed by
 * one of those characters gets one more apostrophe too, and the reader's
 * baton_csv_unescape () removes exactly one apostrophe from any cell of
 * that shape. Other cells are left alone both ways. */
gboolean  baton_csv_escape_needed (const char *text);
/* The cell as it was before escaping (a pointer into @text). */
const char *baton_csv_unescape    (const char *text);

typedef struct
{
  GOutputStream *stream;
  GString       *buffer;
  gboolean       row_started;
} BatonCsvWriter;

void      baton_csv_writer_init      (BatonCsvWriter *writer,
                                      GOutputStream  *stream,
                                      gboolean        bom);
/* A text cell: escaped against formulas. NULL is an empty cell. */
void      baton_csv_writer_add_text  (BatonCsvWriter *writer,
                                      const char     *text);
/* A number or a date: written as it is (quoted if it must be). */
void      baton_csv_writer_add_plain (BatonCsvWriter *writer,
                                      const char     *text);
gboolean  baton_csv_writer_end_row   (BatonCsvWriter *writer,
                                      GCancellable   *cancellable,
                                      GError        **error);
/* Writes what is buffered and frees the buffer (call it on errors too). */
gboolean  baton_csv_writer_finish    (BatonCsvWriter *writer,
                                      GCancellable   *cancellable,
                                      GError        **error);

typedef struct _BatonCsvReader BatonCsvReader;

/* @max_bytes: the most the reader reads before it refuses the input. */
BatonCsvReader *baton_csv_reader_new      (GInputStream   *stream,
                                           guint64         max_bytes);
void            baton_csv_reader_free     (BatonCsvReader *reader);
/* The next row (an array of cells, UTF-8 strings), or NULL at the end
 * (@error unset) or on an error. */
GPtrArray      *baton_csv_reader_next_row (BatonCsvReader *reader,
                                           GCancellable   *cancellable,
                                           GError        **error);
/* The line on which the last row returned started (1 = the first). */
guint           baton_csv_reader_get_line (BatonCsvReader *reader);
char            baton_csv_reader_get_delimiter (BatonCsvReader *reader);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonCsvReader, baton_csv_reader_free)

/* The task fields' header names, by BatonCsvField. */
const char * const *_baton_csv_get_field_names (void);
/* The first row of @reader; an empty file is a BATON_CSV_ERROR_HEADER. */
GPtrArray *_baton_csv_read_header_row (BatonCsvReader     *reader,
                                       GCancellable       *cancellable,
                                       GError            **error);
/* Refuses a mapping with a column the file (@n_columns wide) does not
 * have, or without the @required field (@no_required says so). */
gboolean  _baton_csv_check_mapping       (const gint         *columns,
                                          const char * const *names,
                                          guint               n_fields,
                                          guint               n_columns,
                                          guint               required,
                                          const char         *no_required,
                                          GError            **error);
/* Fills @columns (@n_fields of them; -1 for a field the header lacks)
 * from a header of field names (@names, matched ignoring case and
 * surrounding space). The header's other names are set in @unknown as a
 * quoted list for a message (NULL when there are none), @n_unknown of
 * them. FALSE with BATON_CSV_ERROR_HEADER for a field that comes twice. */
gboolean  _baton_csv_columns_from_header (gint               *columns,
                                          const char * const *names,
                                          guint               n_fields,
                                          const char * const *header,
                                          guint               n_columns,
                                          char              **unknown,
                                          guint              *n_unknown,
                                          GError            **error);

G_END_DECLS
