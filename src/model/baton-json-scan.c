/* baton-json-scan.c — checking an imported document's text before json-glib reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib trusts its input: 80,000 nested arrays overflow its stack, and
 * integers out of range wrap. The scanner reads the text once, as JSON, and
 * refuses pathological nesting, integers a gint64 cannot hold, invalid
 * UTF-8 and NUL inside strings, with the byte offset, line and column.
 */

#define G_LOG_DOMAIN "baton-json"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "baton-json-private.h"

/* Turns json-glib's "<data>:LINE:COL: Parse error: REASON" into a message
 * for people, keeping the reason. */
void
_baton_json_set_syntax_error (GError       **error,
                              const GError  *parse_error)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  /* json-glib quotes the byte it stopped at, which can be part of a
   * character: never pass on a message that is not UTF-8. */
  g_autofree char *message = g_utf8_make_valid (parse_error->message, -1);

  regex = g_regex_new ("^[^:]*:(\\d+):(\\d+): (?:[^:]*: )?(.*)$",
                       G_REGEX_DOTALL, 0, NULL);
  g_assert (regex != NULL);

  if (g_regex_match (regex, message, 0, &match))
    {
      g_autofree char *line = g_match_info_fetch (match, 1);
      g_autofree char *column = g_match_info_fetch (match, 2);
      g_autofree char *reason = g_match_info_fetch (match, 3);

      /* Translators: "Line 3, column 14: unexpected character `}'" */
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                   _("Line %s, column %s: %s"), line, column, reason);
    }
  else
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                   _("The file is not valid JSON: %s"), message);
    }
}

/* Checking the text before json-glib reads it
 *
 * json-glib 1.6 reads more than JSON and checks less than an import needs.
 * It parses recursively, so 80,000 nested arrays overflow the stack. Its
 * scanner reads an integer's digits with g_ascii_strtoull (), which gives
 * G_MAXUINT64 for anything larger and no error, keeps the result in a
 * gint64 (so 2^63 and up wrap to negative numbers) and negates a minus
 * sign afterwards with "* -1": "-18446744073709551000" becomes
 * -(18446744073709551000 - 2^64) = 616, "99999999999999999999999" becomes
 * -1, and "-9223372036854775808" overflows the negation. (A number with a
 * fraction or an exponent becomes a double, which integer members refuse
 * by type.) It also reads octal, hexadecimal and binary integers ("010" is
 * 8), single-quoted strings and comments, cuts a string at "\u0000",
 * passes a lone UTF-16 surrogate on as invalid UTF-8, and stops after the
 * first value ("{} {}" loads).
 *
 * So the text is scanned once first, strictly as RFC 8259 writes JSON
 * tokens, and json-glib only ever reads plain JSON that nests at most
 * MAX_DEPTH levels and whose integers fit in a gint64. The scan follows
 * the JSON path of the value it is in, so that each problem names its
 * place. The structure (commas, colons, brackets that match) is left to
 * json-glib, which reports it with line and column. */

/* The deepest nesting of arrays and objects an import reads. A workspace
 * document nests 4 levels ($, $.tables, a table, a row); 64 leaves room
 * for later formats and keeps json-glib's recursion far from the end of
 * any thread's stack. */
#define MAX_DEPTH         64
#define WORKSPACE_DEPTH   4

/* The integers an import reads: those of a gint64 but G_MININT64, which
 * json-glib 1.6 cannot negate. No field of a workspace is negative. */
#define MAX_INTEGER_TEXT  "9223372036854775807"

/* Text from the file that a message quotes is cut to this many characters. */
#define MAX_QUOTED_CHARS  40

typedef struct
{
  gboolean    is_object;
  gboolean    expect_key;   /* object: the next string is a member name */
  guint       index;        /* array: the element being read */
  const char *key;          /* object: the member being read, as written */
  gsize       key_length;
} ScanFrame;

typedef struct
{
  const char *data;
  const char *end;
  const char *invalid;      /* the first byte that is not UTF-8 (or a NUL), or NULL */
  ScanFrame   frames[MAX_DEPTH];
  guint       depth;
} Scan;

/* @length bytes of valid UTF-8, cut to MAX_QUOTED_CHARS characters. */
static char *
shorten_text (const char *text,
              gsize       length)
{
  const char *end = text + length;
  const char *cut = text;
  GString *out;

  for (guint n = 0; cut < end && n < MAX_QUOTED_CHARS; n++)
    cut = g_utf8_next_char (cut);

  if (cut >= end)
    return g_strndup (text, length);

  out = g_string_new_len (text, cut - text);
  g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

/* Text from the document, quoted in a message: valid UTF-8 (the text was
 * checked, but a message must never depend on that), cut short. */
char *
_baton_json_quote_input (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  return shorten_text (valid, strlen (valid));
}

static void
scan_position (const Scan *scan,
               const char *at,
               guint      *line,
               guint      *column)
{
  *line = 1;
  *column = 1;

  for (const char *p = scan->data; p < at; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *p & 0xc0) != 0x80)
        {
          (*column)++;
        }
    }
}

/* Where the scan is, as a JSON path: "$.tables.tasks[3].title". */
static char *
scan_path (const Scan *scan)
{
  GString *path = g_string_new ("$");

  for (guint i = 0; i < scan->depth; i++)
    {
      const ScanFrame *frame = &scan->frames[i];

      if (!frame->is_object)
        g_string_append_printf (path, "[%u]", frame->index);
      else if (frame->key != NULL && !frame->expect_key)
        {
          g_autofree char *key = shorten_text (frame->key, frame->key_length);

          g_string_append_printf (path, ".%s", key);
        }
    }

  return g_string_free (path, FALSE);
}

/* An error about the text at @at, named by its JSON path, line, column
 * and byte offset. */
G_GNUC_PRINTF (4, 5)
static void
scan_error (const Scan  *scan,
            const char  *at,
            GError     **error,
            const char  *format,
            ...)
{
  g_autofree char *path = scan_path (scan);
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  scan_position (scan, at, &line, &column);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: "$.tables.tasks[3].title (line 12, column 5, byte offset 310): " and a problem */
  g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
               _("%s (line %u, column %u, byte offset %llu): %s"),
               path, line, column, (unsigned long long) (at - scan->data), message);
}

static void
scan_error_invalid (const Scan  *scan,
                    const char  *at,
                    GError     **error)
{
  g_assert (at == scan->invalid);

  if (*at == '\0')
    scan_error (scan, at, error, "%s", _("The file contains a NUL byte: it is not a text file."));
  else
    scan_error (scan, at, error, "%s", _("The text is not valid UTF-8."));
}

static gboolean
read_hex4 (const char *p,
           gunichar   *value)
{
  *value = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return FALSE;
      *value = *value * 16 + g_ascii_xdigit_value (p[i]);
    }

  return TRUE;
}

/* Scans the string that starts at *@p and moves *@p past it. Returns
 * FALSE with @error set for a bad string, or with *@truncated set when the
 * text ends inside it (json-glib then says where). */
static gboolean
scan_string (const Scan  *scan,
             const char **p,
             gboolean    *truncated,
             GError     **error)
{
  const char *s = *p + 1;

  while (s < scan->end)
    {
      guchar c = *s;

      if (s == scan->invalid)
        {
          scan_error_invalid (scan, s, error);
          return FALSE;
        }

      if (c == '"')
        {
          *p = s + 1;
          return TRUE;
        }

      if (c < 0x20)
        {
          scan_error (scan, s, error,
                      _("A control character (U+%04X) in a string must be written as an escape."), c);
          return FALSE;
        }

      if (c != '\\')
        {
          s++;
          continue;
        }

      if (s + 1 >= scan->end)
        break;

      if (strchr ("\"\\/bfnrt", s[1]) != NULL && s[1] != '\0')
        {
          s += 2;
          continue;
        }

      if (s[1] == 'u')
        {
          gunichar unit, low;

          if (scan->end - s < 6)
            break;
          if (!read_hex4 (s + 2, &unit))
            goto bad_escape;

          if (unit == 0)
            {
              scan_error (scan, s, error, "%s",
                          _("The text contains a NUL character (\\u0000), which Baton cannot store."));
              return FALSE;
            }

          if (unit >= 0xd800 && unit <= 0xdbff)
            {
              if (scan->end - s < 12)
                break;
              if (s[6] != '\\' || s[7] != 'u' || !read_hex4 (s + 8, &low) ||
                  low < 0xdc00 || low > 0xdfff)
                goto bad_surrogate;
              s += 12;
              continue;
            }

          if (unit >= 0xdc00 && unit <= 0xdfff)
            goto bad_surrogate;

          s += 6;
          continue;
        }

    bad_escape:
      scan_error (scan, s, error, "%s",
                  _("This is not an escape JSON knows: a string may hold \\\", \\\\, \\/, "
                    "\\b, \\f, \\n, \\r, \\t and \\u followed by four hexadecimal digits."));
      return FALSE;

    bad_surrogate:
      scan_error (scan, s, error, "%s",
                  _("A \\u escape holds half of a UTF-16 surrogate pair without the other half."));
      return FALSE;
    }

  *truncated = TRUE;
  return FALSE;
}

/* Scans the number that starts at *@p and moves *@p past it. */
static gboolean
scan_number (const Scan  *scan,
             const char **p,
             GError     **error)
{
  const char *start = *p;
  const char *end = start;
  const char *s, *digits, *digits_end;
  gboolean integer = TRUE;
  gboolean valid = TRUE;

  /* All of what could belong to the number, so that "0x1F" or "2e" is one
   * bad number, not a number followed by something else. */
  while (end < scan->end && (g_ascii_isalnum (*end) || *end == '-' || *end == '+' || *end == '.'))
    end++;

  s = start;
  if (*s == '-')
    s++;
  digits = s;
  if (s < end && *s == '0')
    s++;
  else if (s < end && *s >= '1' && *s <= '9')
    while (s < end && g_ascii_isdigit (*s))
      s++;
  else
    valid = FALSE;
  digits_end = s;

  if (valid && s < end && *s == '.')
    {
      integer = FALSE;
      s++;
      valid = s < end && g_ascii_isdigit (*s);
      while (s < end && g_ascii_isdigit (*s))
        s++;
    }

  if (valid && s < end && (*s == 'e' || *s == 'E'))
    {
      integer = FALSE;
      s++;
      if (s < end && (*s == '+' || *s == '-'))
        s++;
      valid = s < end && g_ascii_isdigit (*s);
      while (s < end && g_ascii_isdigit (*s))
        s++;
    }

  if (!valid || s != end)
    {
      g_autofree char *text = shorten_text (start, end - start);

      scan_error (scan, start, error,
                  _("“%s” is not a number: JSON writes numbers in decimal, like 42, -7 or 1.5e3."),
                  text);
      return FALSE;
    }

  if (integer)
    {
      gsize n_digits = digits_end - digits;
      gsize n_max = strlen (MAX_INTEGER_TEXT);

      if (n_digits > n_max || (n_digits == n_max && memcmp (digits, MAX_INTEGER_TEXT, n_max) > 0))
        {
          g_autofree char *text = shorten_text (start, end - start);

          scan_error (scan, start, error,
                      _("The integer %s is out of range: Baton reads integers from -%s to %s."),
                      text, MAX_INTEGER_TEXT, MAX_INTEGER_TEXT);
          return FALSE;
        }
    }

  *p = end;
  return TRUE;
}

/* Scans true, false or null at *@p and moves *@p past it. */
static gboolean
scan_word (const Scan  *scan,
           const char **p,
           GError     **error)
{
  const char *start = *p;
  const char *end = start;

  while (end < scan->end && (g_ascii_isalnum (*end) || *end == '_'))
    end++;

  if ((end - start == 4 && memcmp (start, "true", 4) == 0) ||
      (end - start == 5 && memcmp (start, "false", 5) == 0) ||
      (end - start == 4 && memcmp (start, "null", 4) == 0))
    {
      *p = end;
      return TRUE;
    }

  {
    g_autofree char *text = shorten_text (start, end - start);

    scan_error (scan, start, error,
                _("Unexpected “%s”: JSON has no names but true, false and null "
                  "(strings are written in double quotes)."), text);
  }

  return FALSE;
}

gboolean
_baton_json_check_text (const char  *data,
                        gsize        length,
                        GError     **error)
{
  Scan scan;
  const char *p = data;
  gboolean complete = FALSE;   /* the document's value ended */

  scan.data = data;
  scan.end = data + length;
  scan.depth = 0;
  if (g_utf8_validate_len (data, length, &scan.invalid))
    scan.invalid = NULL;

  while (p < scan.end)
    {
      ScanFrame *top = scan.depth > 0 ? &scan.frames[scan.depth - 1] : NULL;
      char c = *p;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          p++;
          continue;
        }

      if (complete)
        {
          guint line, column;

          scan_position (&scan, p, &line, &column);
          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                       _("Line %u, column %u: unexpected text after the end of the document"),
                       line, column);
          return FALSE;
        }

      switch (c)
        {
        case '{':
        case '[':
          if (scan.depth == MAX_DEPTH)
            {
              guint line, column;

              scan_position (&scan, p, &line, &column);
              g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_PARSE,
                           _("Line %u, column %u (byte offset %llu): Arrays and objects nest "
                             "more than %d levels deep here. Baton reads at most %d levels; "
                             "a workspace file has %d."),
                           line, column, (unsigned long long) (p - data),
                           MAX_DEPTH, MAX_DEPTH, WORKSPACE_DEPTH);
              return FALSE;
            }
          top = &scan.frames[scan.depth++];
          top->is_object = c == '{';
          top->expect_key = c == '{';
          top->index = 0;
          top->key = NULL;
          top->key_length = 0;
          p++;
          break;

        case '}':
        case ']':
          /* A bracket that closes nothing: json-glib says where. */
          if (top == NULL)
            return TRUE;
          scan.depth--;
          complete = scan.depth == 0;
          p++;
          break;

        case ':':
          if (top != NULL && top->is_object)
            top->expect_key = FALSE;
          p++;
          break;

        case ',':
          if (top != NULL && top->is_object)
            {
              top->expect_key = TRUE;
              top->key = NULL;
            }
          else if (top != NULL)
            top->index++;
          p++;
          break;

        case '"':
          {
            const char *start = p;
            gboolean truncated = FALSE;

            if (!scan_string (&scan, &p, &truncated, error))
              return truncated;

            if (top != NULL && top->is_object && top->expect_key)
              {
                top->key = start + 1;
                top->key_length = p - start - 2;
              }
            complete = top == NULL;
          }
          break;

        case '-':
        case '+':   /* not JSON, but read as a (bad) number */
        case '.':
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
          if (!scan_number (&scan, &p, error))
            return FALSE;
          complete = top == NULL;
          break;

        default:
          if (g_ascii_isalpha (c))
            {
              if (!scan_word (&scan, &p, error))
                return FALSE;
              complete = top == NULL;
            }
          else if (p == scan.invalid)
            {
              scan_error_invalid (&scan, p, error);
              return FALSE;
            }
          else
            {
              char character[8] = { 0 };

              if ((guchar) c < 0x20 || c == 0x7f)
                scan_error (&scan, p, error, _("Unexpected control character U+%04X."), (guint) (guchar) c);
              else
                {
                  g_unichar_to_utf8 (g_utf8_get_char (p), character);
                  scan_error (&scan, p, error, _("Unexpected character “%s”."), character);
                }
              return FALSE;
            }
          break;
        }
    }

  return TRUE;
}
