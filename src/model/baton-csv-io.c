/* baton-csv-io.c — an RFC 4180 reader and writer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-csv.h"
#include "baton-csv-private.h"

#define BLOCK_SIZE   (64 * 1024)
#define FLUSH_SIZE   (64 * 1024)

static const char utf8_bom[] = "\xef\xbb\xbf";

static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

gboolean
baton_csv_escape_needed (const char *text)
{
  if (text == NULL)
    return FALSE;
  while (*text == '\'')
    text++;
  return is_formula_start (*text);
}

const char *
baton_csv_unescape (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  if (text[0] == '\'' && text[1] != '\0' && baton_csv_escape_needed (text + 1))
    return text + 1;
  return text;
}

/* Writer */

void
baton_csv_writer_init (BatonCsvWriter *writer,
                       GOutputStream  *stream,
                       gboolean        bom)
{
  g_return_if_fail (G_IS_OUTPUT_STREAM (stream));

  writer->stream = stream;
  writer->buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  writer->row_started = FALSE;
  if (bom)
    g_string_append (writer->buffer, utf8_bom);
}

static void
add_cell (BatonCsvWriter *writer,
          const char     *text,
          gboolean        escape)
{
  GString *buffer = writer->buffer;

  if (writer->row_started)
    g_string_append_c (buffer, ',');
  writer->row_started = TRUE;

  if (text == NULL || *text == '\0')
    return;

  if (strpbrk (text, ",\"\r\n") == NULL && !(escape && baton_csv_escape_needed (text)))
    {
      g_string_append (buffer, text);
      return;
    }

  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append_c (buffer, '\'');
      g_string_append (buffer, text);
      return;
    }

  g_string_append_c (buffer, '"');
  if (escape && baton_csv_escape_needed (text))
    g_string_append_c (buffer, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (buffer, '"');
      g_string_append_c (buffer, *p);
    }
  g_string_append_c (buffer, '"');
}

void
baton_csv_writer_add_text (BatonCsvWriter *writer,
                           const char     *text)
{
  add_cell (writer, text, TRUE);
}

void
baton_csv_writer_add_plain (BatonCsvWriter *writer,
                            const char     *text)
{
  add_cell (writer, text, FALSE);
}

static gboolean
flush (BatonCsvWriter *writer,
       GCancellable   *cancellable,
       GError        **error)
{
  gboolean ok;

  if (writer->buffer->len == 0)
    return TRUE;
  ok = g_output_stream_write_all (writer->stream, writer->buffer->str, writer->buffer->len,
                                  NULL, cancellable, error);
  g_string_truncate (writer->buffer, 0);
  return ok;
}

gboolean
baton_csv_writer_end_row (BatonCsvWriter *writer,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_string_append (writer->buffer, "\r\n");
  writer->row_started = FALSE;
  if (writer->buffer->len >= FLUSH_SIZE)
    return flush (writer, cancellable, error);
  return TRUE;
}

gboolean
baton_csv_writer_finish (BatonCsvWriter *writer,
                         GCancellable   *cancellable,
                         GError        **error)
{
  gboolean ok = TRUE;

  if (writer->buffer == NULL)
    return TRUE;
  if (error == NULL || *error == NULL)
    ok = flush (writer, cancellable, error);
  g_string_free (writer->buffer, TRUE);
  writer->buffer = NULL;
  return ok;
}

/* Reader */

struct _BatonCsvReader
{
  GInputStream *stream;
  guchar       *block;
  gsize         len;
  gsize         pos;
  gboolean      eof;
  gboolean      started;

  guint64       n_read;
  guint64       max_bytes;

  char          delimiter;
  guint         line;         /* the line of the next byte */
  guint         row_line;     /* the line where the last row started */
  gint          n_columns;    /* the first row's width; -1 before it */
  GString      *cell;
};

BatonCsvReader *
baton_csv_reader_new (GInputStream *stream,
                      guint64       max_bytes)
{
  BatonCsvReader *reader;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  reader = g_new0 (BatonCsvReader, 1);
  reader->stream = g_object_ref (stream);
  reader->block = g_malloc (BLOCK_SIZE);
  reader->max_bytes = max_bytes;
  reader->line = 1;
  reader->n_columns = -1;
  reader->cell = g_string_new (NULL);
  return reader;
}

void
baton_csv_reader_free (BatonCsvReader *reader)
{
  if (reader == NULL)
    return;
  g_object_unref (reader->stream);
  g_free (reader->block);
  g_string_free (reader->cell, TRUE);
  g_free (reader);
}

guint
baton_csv_reader_get_line (BatonCsvReader *reader)
{
  return reader->row_line;
}

char
baton_csv_reader_get_delimiter (BatonCsvReader *reader)
{
  return reader->delimiter;
}

static gboolean
fill (BatonCsvReader *reader,
      GCancellable   *cancellable,
      GError        **error)
{
  gssize n;

  if (reader->eof)
    return TRUE;

  /* Keep what is not read yet (the first line's look-ahead needs it). */
  if (reader->pos > 0)
    {
      memmove (reader->block, reader->block + reader->pos, reader->len - reader->pos);
      reader->len -= reader->pos;
      reader->pos = 0;
    }

  n = g_input_stream_read (reader->stream, reader->block + reader->len,
                           BLOCK_SIZE - reader->len, cancellable, error);
  if (n < 0)
    return FALSE;
  if (n == 0)
    reader->eof = TRUE;

  reader->len += n;
  reader->n_read += n;
  if (reader->n_read > reader->max_bytes)
    {
      g_set_error (error, BATON_CSV_ERROR, BATON_CSV_ERROR_TOO_LARGE,
                   _("The file is larger than %u MB, the most Baton reads from CSV."),
                   (guint) (reader->max_bytes / (1024 * 1024)));
      return FALSE;
    }

  return TRUE;
}

/* The next byte, or -1 at the end, or -2 on an error. */
static inline int
next_byte (BatonCsvReader *reader,
           GCancellable   *cancellable,
           GError        **error)
{
  if (reader->pos == reader->len)
    {
      if (reader->eof)
        return -1;
      if (!fill (reader, cancellable, error))
        return -2;
      if (reader->pos == reader->len)
        return -1;
    }

  return reader->block[reader->pos++];
}

static inline int
peek_byte (BatonCsvReader *reader,
           GCancellable   *cancellable,
           GError        **error)
{
  int c = next_byte (reader, cancellable, error);

  if (c >= 0)
    reader->pos--;
  return c;
}

/* Skips a byte order mark and picks the delimiter from the first line:
 * `;` when it holds semicolons and no comma outside quotes. */
static gboolean
start (BatonCsvReader *reader,
       GCancellable   *cancellable,
       GError        **error)
{
  gboolean quoted = FALSE;
  guint commas = 0, semicolons = 0;

  reader->started = TRUE;
  while (!reader->eof && reader->len < BLOCK_SIZE)
    if (!fill (reader, cancellable, error))
      return FALSE;

  if (reader->len >= 3 && memcmp (reader->block, utf8_bom, 3) == 0)
    reader->pos = 3;

  for (gsize i = reader->pos; i < reader->len; i++)
    {
      guchar c = reader->block[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ',')
        commas++;
      else if (!quoted && c == ';')
        semicolons++;
    }

  reader->delimiter = (semicolons > 0 && commas == 0) ? ';' : ',';
  return TRUE;
}

static gboolean
finish_cell (BatonCsvReader *reader,
             GPtrArray      *row,
             GError        **error)
{
  if (!g_utf8_validate_len (reader->cell->str, reader->cell->len, NULL))
    {
      g_set_error (error, BATON_CSV_ERROR, BATON_CSV_ERROR_ENCODING,
                   _("Line %u is not UTF-8 text. Save the file as “CSV UTF-8” and try again."),
                   reader->line);
      return FALSE;
    }

  g_ptr_array_add (row, g_strndup (reader->cell->str, reader->cell->len));
  g_string_truncate (reader->cell, 0);
  return TRUE;
}

/* Reads one row; @blank is set when the line held nothing at all. */
static GPtrArray *
read_row (BatonCsvReader *reader,
          gboolean       *blank,
          GCancellable   *cancellable,
          GError        **error)
{
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  gboolean any = FALSE;
  int c;

  *blank = FALSE;
  reader->row_line = reader->line;

  if ((c = peek_byte (reader, cancellable, error)) == -1)
    return NULL;
  if (c == -2)
    return NULL;

  for (;;)
    {
      /* The start of a cell. */
      c = next_byte (reader, cancellable, error);
      if (c == -2)
        return NULL;

      if (c == '"')
        {
          guint quote_line = reader->line;

          any = TRUE;
          for (;;)
            {
              c = next_byte (reader, cancellable, error);
              if (c == -2)
                return NULL;
              if (c == -1)
                {
                  g_set_error (error, BATON_CSV_ERROR, BATON_CSV_ERROR_PARSE,
                               _("Line %u: a quoted cell that starts here is never closed."),
                               quote_line);
                  return NULL;
                }
              if (c == '"')
                {
                  if (peek_byte (reader, cancellable, error) == '"')
                    {
                      reader->pos++;
                      g_string_append_c (reader->cell, '"');
                      continue;
                    }
                  break;
                }
              if (c == '\n' || (c == '\r' && peek_byte (reader, cancellable, error) != '\n'))
                reader->line++;
              g_string_append_c (reader->cell, c);
            }

          /* After the closing quote: a delimiter or the end of the row. */
          c = next_byte (reader, cancellable, error);
          if (c == -2)
            return NULL;
          if (c != -1 && c != reader->delimiter && c != '\r' && c != '\n')
            {
              g_set_error (error, BATON_CSV_ERROR, BATON_CSV_ERROR_PARSE,
                           _("Line %u: text follows a closing quote; a quote inside a cell must be doubled."),
                           reader->line);
              return NULL;
            }
        }
      else
        {
          while (c >= 0 && c != reader->delimiter && c != '\r' && c != '\n')
            {
              if (c == '"')
                {
                  g_set_error (error, BATON_CSV_ERROR, BATON_CSV_ERROR_PARSE,
                               _("Line %u: a quote inside a cell that does not start with one."),
                               reader->line);
                  return NULL;
                }
              any = TRUE;
              g_string_append_c (reader->cell, c);
              c = next_byte (reader, cancellable, error);
            }
          if (c == -2)
            return NULL;
        }

      if (!finish_cell (reader, row, error))
        return NULL;

      if (c == reader->delimiter)
        {
          any = TRUE;
          continue;
        }

      /* The end of the row. */
      if (c == '\r' && peek_byte (reader, cancellable, error) == '\n')
        reader->pos++;
      if (c == '\r' || c == '\n')
        reader->line++;
      break;
    }

  *blank = !any;
  return g_steal_pointer (&row);
}

GPtrArray *
baton_csv_reader_next_row (BatonCsvReader *reader,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!reader->started && !start (reader, cancellable, error))
    return NULL;

  for (;;)
    {
      GError *local_error = NULL;
      gboolean blank;
      g_autoptr(GPtrArray) row = read_row (reader, &blank, cancellable, &local_error);

      if (row == NULL)
        {
          if (local_error != NULL)
            g_propagate_error (error, local_error);
          return NULL;
        }
      if (blank)
        continue;

      if (reader->n_columns < 0)
        reader->n_columns = row->len;
      else if ((gint) row->len != reader->n_columns)
        {
          g_set_error (error, BATON_CSV_ERROR, BATON_CSV_ERROR_PARSE,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "Line %u has %u cell, but the first line has %d.",
                                    "Line %u has %u cells, but the first line has %d.",
                                    row->len),
                       reader->row_line, row->len, reader->n_columns);
          return NULL;
        }

      return g_steal_pointer (&row);
    }
}
