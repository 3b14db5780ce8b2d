/* test-dates.c — ISO dates, weeks and working days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-dates"

#include "config.h"

#include <string.h>

#include "baton-dates.h"
#include "baton-types.h"

static guint32
julian_of (guint year,
           guint month,
           guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  g_assert_true (g_date_valid (&date));

  return g_date_get_julian (&date);
}

static guint32
parse_ok (const char *text)
{
  guint32 julian = 0;

  g_assert_true (baton_date_parse (text, &julian));
  return julian;
}

static void
test_parse_valid (void)
{
  g_assert_cmpuint (parse_ok ("2026-03-02"), ==, julian_of (2026, 3, 2));
  g_assert_cmpuint (parse_ok ("0001-01-01"), ==, 1);
  g_assert_cmpuint (parse_ok ("2024-02-29"), ==, julian_of (2024, 2, 29));   /* leap year */
  g_assert_cmpuint (parse_ok ("2000-02-29"), ==, julian_of (2000, 2, 29));   /* divisible by 400 */
  g_assert_cmpuint (parse_ok ("2026-12-31"), ==, julian_of (2026, 12, 31));
  g_assert_cmpuint (parse_ok ("9999-12-31"), ==, julian_of (9999, 12, 31));

  /* The out parameter is optional. */
  g_assert_true (baton_date_parse ("2026-03-15", NULL));
}

static void
test_parse_invalid (void)
{
  const char *bad[] = {
    "2026-2-3", "2026-02-30", " 2026-02-03", "2026-02-03 ", "tomorrow",
    "", "2026-13-01", "2026-00-10", "2026-01-00", "2026-04-31",
    "2026/02/03", "0000-01-01", "2026-02-031", "+026-02-03", "2026-02-0",
    "1900-02-29",   /* divisible by 100, not by 400 */
    "2026-02-29",   /* not a leap year */
    "２０２６-02-03", "2026-02-03T10:00:00Z", "20260203",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      guint32 julian = 12345;

      g_assert_false (baton_date_parse (bad[i], &julian));
      g_assert_cmpuint (julian, ==, 12345);   /* untouched on failure */
    }

  g_assert_false (baton_date_parse (NULL, NULL));
}

/* Every day for two centuries parses to GDate's julian day and formats back. */
static void
test_parse_format_roundtrip (void)
{
  guint32 first = julian_of (1899, 12, 25);
  guint32 last = julian_of (2101, 1, 7);
  GDate date;

  g_date_clear (&date, 1);

  for (guint32 julian = first; julian <= last; julian++)
    {
      char text[16];
      g_autofree char *formatted = NULL;

      g_date_set_julian (&date, julian);
      g_snprintf (text, sizeof text, "%04u-%02u-%02u",
                  (guint) g_date_get_year (&date),
                  (guint) g_date_get_month (&date),
                  (guint) g_date_get_day (&date));

      g_assert_cmpuint (parse_ok (text), ==, julian);

      formatted = baton_date_format (julian);
      g_assert_cmpstr (formatted, ==, text);

      g_assert_cmpuint (baton_date_weekday (julian), ==, g_date_get_weekday (&date));
      g_assert_cmpuint (baton_date_iso_week (julian), ==, g_date_get_iso8601_week_of_year (&date));
    }
}

static void
test_format (void)
{
  g_autofree char *a = baton_date_format (julian_of (2026, 3, 2));
  g_autofree char *b = baton_date_format (1);
  g_autofree char *c = baton_date_format (julian_of (824, 7, 9));

  g_assert_cmpstr (a, ==, "2026-03-02");
  g_assert_cmpstr (b, ==, "0001-01-01");
  g_assert_cmpstr (c, ==, "0824-07-09");
}

static void
test_validate (void)
{
  g_autoptr(GError) error = NULL;

  /* No date is a valid answer. */
  g_assert_true (baton_date_validate (NULL, "due date", NULL));
  g_assert_true (baton_date_validate ("", "due date", NULL));
  g_assert_true (baton_date_validate ("2026-03-15", "due date", &error));
  g_assert_no_error (error);

  g_assert_false (baton_date_validate ("tomorrow", "due date", &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_debug ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "due date"));
  g_assert_nonnull (strstr (error->message, "tomorrow"));
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
  g_clear_error (&error);

  g_assert_false (baton_date_validate ("2026-02-30", NULL, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);

  /* A NULL error is fine. */
  g_assert_false (baton_date_validate ("2026-2-3", "start date", NULL));
}

static void
test_validate_quotes_safely (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = g_strnfill (500, 'x');

  /* Long text is shortened in the message. */
  g_assert_false (baton_date_validate (long_text, "due date", &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), <, 200);
  g_assert_nonnull (strstr (error->message, "…"));
  g_clear_error (&error);

  /* Invalid UTF-8 never reaches the message. */
  g_assert_false (baton_date_validate ("20\xff\xfe-01-01", "due date", &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_range_validate (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (baton_date_range_validate (NULL, NULL, &error));
  g_assert_true (baton_date_range_validate ("2026-03-02", NULL, &error));
  g_assert_true (baton_date_range_validate (NULL, "2026-03-02", &error));
  g_assert_true (baton_date_range_validate ("", "2026-03-02", &error));
  g_assert_true (baton_date_range_validate ("2026-03-02", "2026-03-02", &error));   /* one day */
  g_assert_true (baton_date_range_validate ("2026-03-02", "2026-04-30", &error));
  g_assert_no_error (error);

  g_assert_false (baton_date_range_validate ("2026-03-02", "2026-03-01", &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_debug ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "2026-03-01"));
  g_assert_nonnull (strstr (error->message, "2026-03-02"));
  g_clear_error (&error);

  /* A side that is not a date is reported as such, even with the other missing. */
  g_assert_false (baton_date_range_validate ("soon", NULL, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "soon"));
  g_clear_error (&error);

  g_assert_false (baton_date_range_validate ("2026-03-02", "2026-02-30", &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
}

static void
test_timestamp (void)
{
  g_autofree char *now = baton_timestamp_now ();
  g_autoptr(GRegex) shape = g_regex_new ("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$", 0, 0, NULL);

  g_debug ("now: %s", now);
  g_assert_true (g_regex_match (shape, now, 0, NULL));
  g_assert_true (baton_timestamp_validate (now));

  g_assert_true (baton_timestamp_validate ("2026-11-28T18:50:00Z"));
  g_assert_true (baton_timestamp_validate ("2026-11-28T18:50:00+01:00"));
  g_assert_true (baton_timestamp_validate ("2026-11-28T18:50:00"));   /* read as UTC */

  g_assert_false (baton_timestamp_validate (NULL));
  g_assert_false (baton_timestamp_validate (""));
  g_assert_false (baton_timestamp_validate ("2026-11-28"));
  g_assert_false (baton_timestamp_validate ("yesterday"));
  g_assert_false (baton_timestamp_validate ("2026-13-28T18:50:00Z"));
}

static void
test_today (void)
{
  guint32 before, today, after;
  GDate date;

  g_date_clear (&date, 1);

  /* Taken on both sides in case the test runs across midnight. */
  g_date_set_time_t (&date, time (NULL));
  before = g_date_get_julian (&date);
  today = baton_date_today ();
  g_date_set_time_t (&date, time (NULL));
  after = g_date_get_julian (&date);

  g_assert_cmpuint (today, >=, before);
  g_assert_cmpuint (today, <=, after);
}

/* BATON_TODAY fixes today; a malformed value is ignored with a warning. */
static void
test_today_fixed (void)
{
  g_setenv ("BATON_TODAY", "2026-11-28", TRUE);
  g_assert_cmpuint (baton_date_today (), ==, parse_ok ("2026-11-28"));

  g_setenv ("BATON_TODAY", "2026-02-30", TRUE);
  g_test_expect_message ("baton-dates", G_LOG_LEVEL_WARNING, "*BATON_TODAY=2026-02-30*");
  test_today ();
  g_test_assert_expected_messages ();

  g_unsetenv ("BATON_TODAY");
  test_today ();
}

static void
test_timestamp_day (void)
{
  g_assert_cmpuint (baton_timestamp_day ("2026-11-28T18:50:00Z"), ==, parse_ok ("2026-11-28"));
  g_assert_cmpuint (baton_timestamp_day ("2026-11-28T23:59:59Z"), ==, parse_ok ("2026-11-28"));
  g_assert_cmpuint (baton_timestamp_day (NULL), ==, 0);
  g_assert_cmpuint (baton_timestamp_day ("2026-11-28"), ==, 0);
  g_assert_cmpuint (baton_timestamp_day ("soon"), ==, 0);
}

static void
test_weekday (void)
{
  g_assert_cmpuint (baton_date_weekday (1), ==, G_DATE_MONDAY);   /* 0001-01-01 */
  g_assert_cmpuint (baton_date_weekday (parse_ok ("2026-03-02")), ==, G_DATE_MONDAY);
  g_assert_cmpuint (baton_date_weekday (parse_ok ("2026-03-07")), ==, G_DATE_SATURDAY);
  g_assert_cmpuint (baton_date_weekday (parse_ok ("2026-03-08")), ==, G_DATE_SUNDAY);
}

static void
test_week_start (void)
{
  guint32 wed = parse_ok ("2026-03-04");
  guint32 sun = parse_ok ("2026-03-08");
  guint32 sat = parse_ok ("2026-03-07");

  /* Monday first: Mon 2 March – Sun 8 March. */
  g_assert_cmpuint (baton_date_week_start (wed, 1), ==, parse_ok ("2026-03-02"));
  g_assert_cmpuint (baton_date_week_start (sun, 1), ==, parse_ok ("2026-03-02"));
  g_assert_cmpuint (baton_date_week_start (parse_ok ("2026-03-02"), 1), ==, parse_ok ("2026-03-02"));

  /* Sunday first: Sun 1 March – Sat 7 March, then Sun 8 March. */
  g_assert_cmpuint (baton_date_week_start (wed, 7), ==, parse_ok ("2026-03-01"));
  g_assert_cmpuint (baton_date_week_start (sat, 7), ==, parse_ok ("2026-03-01"));
  g_assert_cmpuint (baton_date_week_start (sun, 7), ==, sun);

  /* Saturday first: Sat 28 February – Fri 6 March. */
  g_assert_cmpuint (baton_date_week_start (wed, 6), ==, parse_ok ("2026-02-28"));
  g_assert_cmpuint (baton_date_week_start (sat, 6), ==, sat);

  /* For every first weekday and a run of days: the start is within the
   * last 7 days and falls on that weekday. */
  for (guint first = 1; first <= 7; first++)
    for (guint32 julian = wed; julian < wed + 60; julian++)
      {
        guint32 start = baton_date_week_start (julian, first);

        g_assert_cmpuint (start, <=, julian);
        g_assert_cmpuint (julian - start, <, 7);
        g_assert_cmpuint (baton_date_weekday (start), ==, first);
      }
}

static void
test_iso_week (void)
{
  g_assert_cmpuint (baton_date_iso_week (parse_ok ("2026-01-01")), ==, 1);    /* a Thursday */
  g_assert_cmpuint (baton_date_iso_week (parse_ok ("2026-03-02")), ==, 10);
  g_assert_cmpuint (baton_date_iso_week (parse_ok ("2026-12-31")), ==, 53);   /* 2026 has 53 weeks */
  g_assert_cmpuint (baton_date_iso_week (parse_ok ("2027-01-03")), ==, 53);   /* Sunday of that week */
  g_assert_cmpuint (baton_date_iso_week (parse_ok ("2027-01-04")), ==, 1);
  g_assert_cmpuint (baton_date_iso_week (parse_ok ("2024-12-30")), ==, 1);    /* Monday, week 1 of 2025 */
  g_assert_cmpuint (baton_date_iso_week (parse_ok ("2021-01-03")), ==, 53);   /* Sunday, week 53 of 2020 */
}

static void
test_workdays (void)
{
  guint mon_thu = 0x0f;

  g_assert_cmpuint (baton_workdays_per_week (BATON_WORKDAYS_MON_FRI), ==, 5);
  g_assert_cmpuint (baton_workdays_per_week (0x7f), ==, 7);
  g_assert_cmpuint (baton_workdays_per_week (0), ==, 0);
  g_assert_cmpuint (baton_workdays_per_week (mon_thu), ==, 4);
  g_assert_cmpuint (baton_workdays_per_week (0x41), ==, 2);   /* Monday and Sunday */

  g_assert_true (baton_date_is_workday (parse_ok ("2026-03-02"), BATON_WORKDAYS_MON_FRI));   /* Mon */
  g_assert_true (baton_date_is_workday (parse_ok ("2026-03-06"), BATON_WORKDAYS_MON_FRI));   /* Fri */
  g_assert_false (baton_date_is_workday (parse_ok ("2026-03-07"), BATON_WORKDAYS_MON_FRI));  /* Sat */
  g_assert_false (baton_date_is_workday (parse_ok ("2026-03-08"), BATON_WORKDAYS_MON_FRI));  /* Sun */
  g_assert_true (baton_date_is_workday (parse_ok ("2026-03-08"), 0x40));                      /* Sun = bit 6 */
  g_assert_false (baton_date_is_workday (parse_ok ("2026-03-06"), mon_thu));                 /* Fri */
  g_assert_true (baton_date_is_workday (parse_ok ("2026-03-05"), mon_thu));                  /* Thu */
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/dates/parse/valid", test_parse_valid);
  g_test_add_func ("/dates/parse/invalid", test_parse_invalid);
  g_test_add_func ("/dates/parse/roundtrip", test_parse_format_roundtrip);
  g_test_add_func ("/dates/format", test_format);
  g_test_add_func ("/dates/validate", test_validate);
  g_test_add_func ("/dates/validate/quotes-safely", test_validate_quotes_safely);
  g_test_add_func ("/dates/range-validate", test_range_validate);
  g_test_add_func ("/dates/timestamp", test_timestamp);
  g_test_add_func ("/dates/today", test_today);
  g_test_add_func ("/dates/today/fixed", test_today_fixed);
  g_test_add_func ("/dates/timestamp-day", test_timestamp_day);
  g_test_add_func ("/dates/weekday", test_weekday);
  g_test_add_func ("/dates/week-start", test_week_start);
  g_test_add_func ("/dates/iso-week", test_iso_week);
  g_test_add_func ("/dates/workdays", test_workdays);

  return g_test_run ();
}
