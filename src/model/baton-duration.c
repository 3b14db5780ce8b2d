/* baton-duration.c — durations as people type and read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A duration is a sequence of at most two parts, hours then minutes, each a
 * number followed by a unit ("1h30m", "1 h 30 min", "90m"), or a bare
 * number meaning hours ("1.5", "1,5"). After an hours part, a bare number
 * is minutes ("1h30"). Everything else is refused with a message that
 * quotes what was typed.
 */

#define G_LOG_DOMAIN "baton-duration"

#include "config.h"

#include <glib/gi18n.h>
#include <langinfo.h>
#include <math.h>
#include <string.h>

#include "baton-duration.h"
#include "baton-types.h"

/* Longest piece of user text quoted back in an error message. */
#define QUOTE_MAX_CHARS 40
/* Digits accepted on each side of the decimal separator. */
#define MAX_INT_DIGITS  9
#define MAX_FRAC_DIGITS 6

typedef enum
{
  UNIT_NONE,
  UNIT_HOURS,
  UNIT_MINUTES,
} Unit;

static const struct
{
  const char *name;
  Unit        unit;
} units[] = {
  { "hours", UNIT_HOURS },
  { "hour", UNIT_HOURS },
  { "hrs", UNIT_HOURS },
  { "hr", UNIT_HOURS },
  { "h", UNIT_HOURS },
  { "minutes", UNIT_MINUTES },
  { "minute", UNIT_MINUTES },
  { "mins", UNIT_MINUTES },
  { "min", UNIT_MINUTES },
  { "m", UNIT_MINUTES },
};

static char *
quote_for_message (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  g_strstrip (valid);
  if (g_utf8_strlen (valid, -1) > QUOTE_MAX_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (valid, QUOTE_MAX_CHARS);

      *end = '\0';
      return g_strconcat (valid, "…", NULL);
    }

  return g_steal_pointer (&valid);
}

static gboolean
set_not_a_duration (const char  *text,
                    GError     **error)
{
  g_autofree char *quoted = quote_for_message (text);

  g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
               /* Translators: %s is what was typed; keep the examples as they are */
               _("“%s” is not a duration: use hours and minutes, like 3h, 90m, 1.5 or 1h30m."),
               quoted);
  return FALSE;
}

static inline const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* The decimal separator of the LC_NUMERIC locale in use: "." in English,
 * "," in German, "٫" in Persian. Never NULL or empty. */
static const char *
locale_decimal_separator (void)
{
  const char *radix = nl_langinfo (RADIXCHAR);

  if (radix == NULL || radix[0] == '\0' || !g_utf8_validate (radix, -1, NULL))
    return ".";

  return radix;
}

/* The length of the decimal separator at @s followed by a digit: '.', ','
 * or the locale's own (what baton_duration_format_hours () writes), or 0. */
static gsize
decimal_separator_at (const char *s)
{
  const char *radix;
  gsize len;

  if ((*s == '.' || *s == ',') && g_ascii_isdigit (s[1]))
    return 1;

  radix = locale_decimal_separator ();
  len = strlen (radix);
  if (strncmp (s, radix, len) == 0 && g_ascii_isdigit (s[len]))
    return len;

  return 0;
}

/* A number: digits, optionally a decimal separator and more digits. */
static gboolean
parse_number (const char **p,
              double      *value)
{
  const char *s = *p;
  double result = 0;
  double scale = 0.1;
  guint n_int = 0, n_frac = 0;
  gsize separator;

  while (g_ascii_isdigit (*s))
    {
      if (++n_int > MAX_INT_DIGITS)
        return FALSE;
      result = result * 10 + (*s - '0');
      s++;
    }

  if ((separator = decimal_separator_at (s)) > 0)
    {
      s += separator;
      while (g_ascii_isdigit (*s))
        {
          if (++n_frac > MAX_FRAC_DIGITS)
            return FALSE;
          result += (*s - '0') * scale;
          scale /= 10;
          s++;
        }
    }

  if (n_int == 0 && n_frac == 0)
    return FALSE;

  *value = result;
  *p = s;
  return TRUE;
}

/* A unit word, case-insensitive, not followed by another letter. */
static Unit
parse_unit (const char **p)
{
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      gsize len = strlen (units[i].name);

      if (g_ascii_strncasecmp (*p, units[i].name, len) == 0 &&
          !g_ascii_isalpha ((*p)[len]))
        {
          *p += len;
          return units[i].unit;
        }
    }

  return UNIT_NONE;
}

/**
 * baton_duration_parse:
 * @text: (nullable): what was typed
 * @allow_empty: whether an empty text means zero
 * @max_minutes: the largest value accepted
 * @minutes: (out) (optional): the duration in minutes
 * @error: return location for a #BATON_STORE_ERROR_INVALID error
 *
 * Returns: %TRUE when @text is a duration within [0, @max_minutes]
 */
gboolean
baton_duration_parse (const char  *text,
                      gboolean     allow_empty,
                      gint64       max_minutes,
                      gint64      *minutes,
                      GError     **error)
{
  const char *p;
  double total = 0;
  gboolean seen_hours = FALSE, seen_minutes = FALSE;
  guint n_parts = 0;
  gint64 result;

  p = skip_spaces (text != NULL ? text : "");

  if (*p == '\0')
    {
      if (allow_empty)
        {
          if (minutes != NULL)
            *minutes = 0;
          return TRUE;
        }
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("Enter a duration, like 3h, 90m, 1.5 or 1h30m."));
      return FALSE;
    }

  if (*p == '-')
    {
      g_autofree char *quoted = quote_for_message (text);

      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   /* Translators: %s is what was typed */
                   _("“%s” is negative: a duration cannot be less than zero."),
                   quoted);
      return FALSE;
    }

  while (*p != '\0')
    {
      double value;
      Unit unit;

      if (!parse_number (&p, &value))
        return set_not_a_duration (text, error);

      p = skip_spaces (p);
      unit = parse_unit (&p);
      p = skip_spaces (p);

      if (unit == UNIT_NONE)
        {
          /* A bare number: hours alone ("1.5"), minutes after hours ("1h30"). */
          if (*p != '\0')
            return set_not_a_duration (text, error);
          if (n_parts == 0)
            unit = UNIT_HOURS;
          else if (seen_hours && !seen_minutes)
            unit = UNIT_MINUTES;
          else
            return set_not_a_duration (text, error);
        }

      if (unit == UNIT_HOURS)
        {
          /* Hours once, and before minutes. */
          if (seen_hours || seen_minutes)
            return set_not_a_duration (text, error);
          seen_hours = TRUE;
          total += value * 60;
        }
      else
        {
          if (seen_minutes)
            return set_not_a_duration (text, error);
          seen_minutes = TRUE;
          total += value;
        }

      n_parts++;
    }

  if (!isfinite (total) || total > (double) max_minutes + 0.5)
    {
      g_autofree char *limit = baton_duration_format (max_minutes);
      g_autofree char *quoted = quote_for_message (text);

      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   /* Translators: the first %s is what was typed, the second a duration such as “10000 h” */
                   _("“%s” is too long: the most is %s."),
                   quoted, limit);
      return FALSE;
    }

  result = (gint64) llround (total);
  if (result > max_minutes)
    result = max_minutes;

  if (minutes != NULL)
    *minutes = result;

  return TRUE;
}

/**
 * baton_duration_format:
 * @minutes: a duration
 *
 * Returns: (transfer full): "1 h 30 min", "45 min", "3 h" or "0 h"
 */
char *
baton_duration_format (gint64 minutes)
{
  gint64 hours, rest;

  if (minutes < 0)
    minutes = 0;

  hours = MIN (minutes / 60, (gint64) G_MAXINT);
  rest = minutes % 60;

  if (hours > 0 && rest > 0)
    /* Translators: a duration in hours and minutes, e.g. “1 h 30 min” */
    return g_strdup_printf (_("%d h %d min"), (int) hours, (int) rest);
  if (rest > 0)
    /* Translators: a duration in minutes, e.g. “45 min” */
    return g_strdup_printf (_("%d min"), (int) rest);

  /* Translators: a duration in whole hours, e.g. “3 h” */
  return g_strdup_printf (_("%d h"), (int) hours);
}

/**
 * baton_duration_format_hours:
 * @minutes: a duration, possibly fractional
 *
 * For people to read: the decimal separator is the one of the LC_NUMERIC
 * locale in use ("2.5" in English, "2,5" in German). Anything written to a
 * file, CSS or SQL must not use this.
 *
 * Returns: (transfer full): the hours with at most one decimal, "32" or "2.5"
 */
char *
baton_duration_format_hours (double minutes)
{
  double tenths = round (minutes / 6.0);   /* tenths of an hour */
  gint64 whole, frac;
  gboolean negative;

  if (!isfinite (tenths))
    tenths = 0;

  negative = tenths < 0;
  if (negative)
    tenths = -tenths;

  whole = (gint64) tenths / 10;
  frac = (gint64) tenths % 10;

  if (frac == 0)
    return g_strdup_printf ("%s%" G_GINT64_FORMAT, negative ? "-" : "", whole);

  return g_strdup_printf ("%s%" G_GINT64_FORMAT "%s%" G_GINT64_FORMAT,
                          negative ? "-" : "", whole, locale_decimal_separator (), frac);
}
