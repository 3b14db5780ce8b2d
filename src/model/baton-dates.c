/* baton-dates.c — ISO dates, weeks and working days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dates are handled as GDate julian day numbers (day 1 = 0001-01-01, a
 * Monday), so week and weekday arithmetic is plain integer arithmetic and
 * the capacity computation never builds a GDate in its inner loops.
 */

#define G_LOG_DOMAIN "baton-dates"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-dates.h"
#include "baton-types.h"

/* Longest piece of user text quoted back in an error message. */
#define QUOTE_MAX_CHARS 40

static const guint16 days_before_month[2][13] = {
  { 0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 },
  { 0, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335 },
};

static const guint8 days_in_month[2][13] = {
  { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
  { 0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
};

static inline gboolean
is_leap_year (guint year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static inline gboolean
parse_digits (const char *p,
              guint       n_digits,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      value = value * 10 + (guint) (p[i] - '0');
    }

  *out = value;
  return TRUE;
}

/**
 * baton_date_parse:
 * @text: (nullable): text to parse
 * @julian: (out) (optional): the julian day number (GDate's numbering)
 *
 * Parses exactly `YYYY-MM-DD`: ten characters, no spaces, a real day of a
 * real month (29 February only in leap years), year 0001 or later.
 *
 * Returns: %TRUE when @text is such a date; %FALSE for %NULL, empty or
 *   anything else
 */
gboolean
baton_date_parse (const char *text,
                  guint32    *julian)
{
  guint year, month, day;
  guint leap;
  guint32 y1;

  if (text == NULL)
    return FALSE;

  /* Checking each position also stops at a NUL before reading past it. */
  if (!parse_digits (text, 4, &year) ||
      text[4] != '-' ||
      !parse_digits (text + 5, 2, &month) ||
      text[7] != '-' ||
      !parse_digits (text + 8, 2, &day) ||
      text[10] != '\0')
    return FALSE;

  if (year < 1 || month < 1 || month > 12 || day < 1)
    return FALSE;

  leap = is_leap_year (year) ? 1 : 0;
  if (day > days_in_month[leap][month])
    return FALSE;

  if (julian != NULL)
    {
      y1 = year - 1;
      *julian = y1 * 365 + y1 / 4 - y1 / 100 + y1 / 400
                + days_before_month[leap][month] + day;
    }

  return TRUE;
}

/**
 * baton_date_format:
 * @julian: a julian day number
 *
 * Returns: (transfer full) (nullable): the date as `YYYY-MM-DD`, or %NULL
 *   when @julian is not a valid day
 */
char *
baton_date_format (guint32 julian)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (julian), NULL);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (&date),
                          (guint) g_date_get_month (&date),
                          (guint) g_date_get_day (&date));
}

/* User text as it may appear inside a message: valid UTF-8, not too long. */
static char *
quote_for_message (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  if (g_utf8_strlen (valid, -1) > QUOTE_MAX_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (valid, QUOTE_MAX_CHARS);

      *end = '\0';
      return g_strconcat (valid, "…", NULL);
    }

  return g_steal_pointer (&valid);
}

/**
 * baton_date_validate:
 * @text: (nullable): the date typed or stored
 * @label: (nullable): the field's name, already translated ("due date")
 * @error: return location for a #BATON_STORE_ERROR_INVALID error
 *
 * %NULL and the empty string mean "no date" and are valid.
 *
 * Returns: %TRUE when @text is empty or a strict `YYYY-MM-DD` date
 */
gboolean
baton_date_validate (const char  *text,
                     const char  *label,
                     GError     **error)
{
  g_autofree char *quoted = NULL;

  if (text == NULL || text[0] == '\0' || baton_date_parse (text, NULL))
    return TRUE;

  quoted = quote_for_message (text);

  if (label != NULL)
    g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                 /* Translators: the first %s is a field such as “due date”,
                  * the second what was typed. Keep YYYY-MM-DD as it is. */
                 _("The %s “%s” is not a date: use YYYY-MM-DD, like 2026-03-15."),
                 label, quoted);
  else
    g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                 /* Translators: %s is what was typed. Keep YYYY-MM-DD as it is. */
                 _("“%s” is not a date: use YYYY-MM-DD, like 2026-03-15."),
                 quoted);

  return FALSE;
}

/**
 * baton_date_range_validate:
 * @start: (nullable): the first day
 * @end: (nullable): the last day
 * @error: return location for a #BATON_STORE_ERROR_INVALID error
 *
 * Each side must be empty or a date; when both are dates, @end must not be
 * before @start (a one-day range has @end equal to @start).
 *
 * Returns: %TRUE when the range is acceptable
 */
gboolean
baton_date_range_validate (const char  *start,
                           const char  *end,
                           GError     **error)
{
  guint32 start_julian, end_julian;

  /* Translators: names a field, used in “The %s “%s” is not a date…”. */
  if (!baton_date_validate (start, _("start date"), error) ||
      /* Translators: names a field, used in “The %s “%s” is not a date…”. */
      !baton_date_validate (end, _("end date"), error))
    return FALSE;

  if (!baton_date_parse (start, &start_julian) ||
      !baton_date_parse (end, &end_julian))
    return TRUE;   /* one side missing: nothing to compare */

  if (end_julian < start_julian)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   _("The end date (%s) is before the start date (%s)."),
                   end, start);
      return FALSE;
    }

  return TRUE;
}

/**
 * baton_timestamp_validate:
 * @text: (nullable): a time as stored
 *
 * Accepts ISO 8601 date-times such as `2026-11-28T18:50:00Z`; a time
 * without a zone is read as UTC.
 *
 * Returns: %TRUE when @text is such a time; %FALSE for %NULL or empty
 */
gboolean
baton_timestamp_validate (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) parsed = NULL;

  if (text == NULL || text[0] == '\0')
    return FALSE;

  utc = g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (text, utc);

  return parsed != NULL;
}

/**
 * baton_timestamp_now:
 *
 * Returns: (transfer full): the current time in UTC, to the second, as
 *   `2026-11-28T18:50:00Z`
 */
char *
baton_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* The day BATON_TODAY names, or 0 when it is unset or malformed (said
 * once with a warning). */
static guint32
today_from_environment (void)
{
  static gsize warned = 0;
  const char *text = g_getenv ("BATON_TODAY");
  guint32 julian;

  if (text == NULL || text[0] == '\0')
    return 0;
  if (baton_date_parse (text, &julian))
    return julian;

  if (g_once_init_enter (&warned))
    {
      g_warning ("BATON_TODAY=%s is not a date (YYYY-MM-DD); using the real today", text);
      g_once_init_leave (&warned, 1);
    }
  return 0;
}

/**
 * baton_date_today:
 *
 * The environment variable `BATON_TODAY=YYYY-MM-DD` fixes the day (for
 * tests and screenshots); a malformed value is ignored with a warning.
 *
 * Returns: today's julian day number in the local time zone
 */
guint32
baton_date_today (void)
{
  g_autoptr(GDateTime) now = NULL;
  guint32 fixed = today_from_environment ();
  GDate date;

  if (fixed != 0)
    return fixed;

  now = g_date_time_new_now_local ();
  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));

  return g_date_get_julian (&date);
}

/**
 * baton_timestamp_day:
 * @text: (nullable): an ISO 8601 time, as the store writes them
 *
 * Returns: the julian day of @text in the local time zone (the zone
 *   baton_date_today () counts in), or 0 for %NULL or a malformed time
 */
guint32
baton_timestamp_day (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) local = NULL;
  GDate date;

  if (text == NULL || text[0] == '\0')
    return 0;

  utc = g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (text, utc);
  if (parsed == NULL)
    return 0;
  local = g_date_time_to_local (parsed);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));

  return g_date_get_julian (&date);
}

/**
 * baton_date_weekday:
 * @julian: a julian day number (day 1 was a Monday)
 *
 * Returns: 1 = Monday … 7 = Sunday, as #GDateWeekday
 */
guint
baton_date_weekday (guint32 julian)
{
  g_return_val_if_fail (julian > 0, 0);

  return (julian - 1) % 7 + 1;
}

/**
 * baton_date_week_start:
 * @julian: a julian day number
 * @first_weekday: the first day of the week, 1 = Monday … 7 = Sunday
 *
 * Returns: the julian day of the first day of the week holding @julian
 */
guint32
baton_date_week_start (guint32 julian,
                       guint   first_weekday)
{
  guint offset;

  g_return_val_if_fail (julian > 0, 0);
  g_return_val_if_fail (first_weekday >= 1 && first_weekday <= 7, julian);

  offset = (baton_date_weekday (julian) + 7 - first_weekday) % 7;

  /* The first days of year 1 have no earlier week start; keep day 1. */
  return julian > offset ? julian - offset : 1;
}

/**
 * baton_date_iso_week:
 * @julian: a julian day number
 *
 * Returns: the ISO 8601 week number (1…53) of @julian
 */
guint
baton_date_iso_week (guint32 julian)
{
  GDate date;

  g_return_val_if_fail (g_date_valid_julian (julian), 0);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);

  return g_date_get_iso8601_week_of_year (&date);
}

/**
 * baton_date_is_workday:
 * @julian: a julian day number
 * @workdays_mask: bit (weekday − 1) set for each working day
 *
 * Returns: whether @julian falls on a working day
 */
gboolean
baton_date_is_workday (guint32 julian,
                       guint   workdays_mask)
{
  g_return_val_if_fail (julian > 0, FALSE);

  return (workdays_mask & (1u << ((julian - 1) % 7))) != 0;
}

/**
 * baton_workdays_per_week:
 * @workdays_mask: bit (weekday − 1) set for each working day
 *
 * Returns: the number of working days in a week, 0…7
 */
guint
baton_workdays_per_week (guint workdays_mask)
{
  guint count = 0;

  for (guint bit = 0; bit < 7; bit++)
    if (workdays_mask & (1u << bit))
      count++;

  return count;
}
