/* test-duration.c — durations as people type and read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-duration"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "baton-duration.h"
#include "baton-test-util.h"
#include "baton-types.h"

#define MAX_MINUTES (10000 * 60)

typedef struct
{
  const char *text;
  gint64      minutes;
} Accepted;

static void
test_accepted (void)
{
  static const Accepted cases[] = {
    { "3h", 180 },
    { "3 h", 180 },
    { "2 h", 120 },
    { "90m", 90 },
    { "90 m", 90 },
    { "45 min", 45 },
    { "45min", 45 },
    { "45 mins", 45 },
    { "45 minutes", 45 },
    { "1 minute", 1 },
    { "1.5", 90 },
    { "1,5", 90 },
    { "0.25", 15 },
    { ".5", 30 },
    { "2", 120 },
    { "0", 0 },
    { "1h30m", 90 },
    { "1h 30m", 90 },
    { "1 h 30 min", 90 },
    { "1 hour 30 minutes", 90 },
    { "2 hours", 120 },
    { "1 hr", 60 },
    { "3 hrs", 180 },
    { "1h30", 90 },
    { "1.5h", 90 },
    { "1,25 h", 75 },
    { "2.5 m", 3 },           /* rounded to the minute */
    { "  3h  ", 180 },        /* surrounding spaces */
    { "\t90m", 90 },
    { "3H", 180 },            /* any case */
    { "1H30M", 90 },
    { "10000h", MAX_MINUTES },
    { "600000m", MAX_MINUTES },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minutes = -1;

      g_test_message ("“%s”", cases[i].text);
      g_assert_true (baton_duration_parse (cases[i].text, FALSE, MAX_MINUTES, &minutes, &error));
      g_assert_no_error (error);
      g_assert_cmpint (minutes, ==, cases[i].minutes);
    }
}

static void
test_empty (void)
{
  const char *empties[] = { "", "   ", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (empties); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minutes = -1;

      g_assert_true (baton_duration_parse (empties[i], TRUE, MAX_MINUTES, &minutes, &error));
      g_assert_no_error (error);
      g_assert_cmpint (minutes, ==, 0);

      minutes = -1;
      g_assert_false (baton_duration_parse (empties[i], FALSE, MAX_MINUTES, &minutes, &error));
      g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
      g_assert_cmpint (minutes, ==, -1);
    }
}

static void
test_rejected (void)
{
  static const char * const cases[] = {
    "abc",
    "-3h",
    "-1",
    " -90m",
    "3x",
    "3 days",
    "h",
    "m",
    "1h2h",          /* hours twice */
    "30m1h",         /* minutes before hours */
    "30m 15m",       /* minutes twice */
    "1h30m15",       /* a number after minutes */
    "1.2.3",
    "1..5",
    "1,5,0",
    "3 hours ago",
    "3hh",
    "3 h m",
    "1e3",
    "0x10",
    "½",
    "3h;",
    "12345678901h",  /* too many digits */
    "1.1234567",     /* too many decimals */
    "10000.1h",      /* above the limit */
    "600001m",
    "9999h 61m",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 minutes = -1;

      g_test_message ("“%s”", cases[i]);
      g_assert_false (baton_duration_parse (cases[i], TRUE, MAX_MINUTES, &minutes, &error));
      g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
      g_assert_nonnull (error->message);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_cmpint (minutes, ==, -1);
    }
}

static void
test_messages (void)
{
  g_autoptr(GError) garbage = NULL;
  g_autoptr(GError) negative = NULL;
  g_autoptr(GError) too_long = NULL;
  g_autoptr(GError) huge = NULL;
  g_autofree char *long_text = g_strnfill (200, 'x');

  /* What was typed is quoted back, so the person sees which field is wrong. */
  g_assert_false (baton_duration_parse ("abc", FALSE, MAX_MINUTES, NULL, &garbage));
  g_assert_nonnull (strstr (garbage->message, "“abc”"));

  g_assert_false (baton_duration_parse ("-3h", FALSE, MAX_MINUTES, NULL, &negative));
  g_assert_nonnull (strstr (negative->message, "negative"));

  g_assert_false (baton_duration_parse ("20000h", FALSE, MAX_MINUTES, NULL, &too_long));
  g_assert_nonnull (strstr (too_long->message, "10000 h"));

  /* Long garbage is shortened in the message. */
  g_assert_false (baton_duration_parse (long_text, FALSE, MAX_MINUTES, NULL, &huge));
  g_assert_nonnull (strstr (huge->message, "…"));
  g_assert_cmpuint (strlen (huge->message), <, 200);

  /* Invalid UTF-8 does not reach the message as such. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (baton_duration_parse ("3\xff", FALSE, MAX_MINUTES, NULL, &error));
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
  }
}

static void
test_limit (void)
{
  g_autoptr(GError) error = NULL;
  gint64 minutes = 0;

  /* Capacity uses a week as its limit. */
  g_assert_true (baton_duration_parse ("168h", FALSE, 7 * 24 * 60, &minutes, NULL));
  g_assert_cmpint (minutes, ==, 7 * 24 * 60);
  g_assert_false (baton_duration_parse ("169h", FALSE, 7 * 24 * 60, &minutes, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
}

typedef struct
{
  gint64      minutes;
  const char *text;
} Formatted;

static void
test_format (void)
{
  static const Formatted cases[] = {
    { 0, "0 h" },
    { 45, "45 min" },
    { 60, "1 h" },
    { 90, "1 h 30 min" },
    { 180, "3 h" },
    { 61, "1 h 1 min" },
    { 1, "1 min" },
    { 600000, "10000 h" },
    { -5, "0 h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = baton_duration_format (cases[i].minutes);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_round_trip (void)
{
  for (gint64 minutes = 0; minutes <= 48 * 60; minutes += 7)
    {
      g_autofree char *text = baton_duration_format (minutes);
      gint64 parsed = -1;

      g_assert_true (baton_duration_parse (text, FALSE, MAX_MINUTES, &parsed, NULL));
      g_assert_cmpint (parsed, ==, minutes);
    }
}

static void
test_format_hours (void)
{
  static const struct
  {
    double      minutes;
    const char *text;
  } cases[] = {
    { 0, "0" },
    { 32 * 60, "32" },
    { 150, "2.5" },
    { 40 * 60, "40" },
    { 100, "1.7" },      /* 1.666… h */
    { 59.9, "1" },
    { 3, "0.1" },
    { 2, "0" },
    { -90, "-1.5" },
    { 37.5 * 60, "37.5" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = baton_duration_format_hours (cases[i].minutes);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Hours shown to a person use the locale's decimal separator; what they
 * type back (or what a field was filled with) parses to the same minutes. */
static void
test_format_hours_decimal_comma (void)
{
  static const struct
  {
    double      minutes;
    const char *text;
  } cases[] = {
    { 150, "2,5" },
    { 20.8 * 60, "20,8" },
    { 32 * 60, "32" },
    { -90, "-1,5" },
    { 100, "1,7" },
  };

  if (!baton_test_use_decimal_comma_locale (LC_NUMERIC))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = baton_duration_format_hours (cases[i].minutes);

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  for (gint64 minutes = 0; minutes <= 48 * 60; minutes += 6)
    {
      g_autofree char *text = baton_duration_format_hours ((double) minutes);
      gint64 parsed = -1;

      g_assert_true (baton_duration_parse (text, FALSE, MAX_MINUTES, &parsed, NULL));
      g_assert_cmpint (parsed, ==, minutes);
    }

  /* Typing with a point still works in a decimal-comma locale. */
  {
    gint64 parsed = -1;

    g_assert_true (baton_duration_parse ("1.5", FALSE, MAX_MINUTES, &parsed, NULL));
    g_assert_cmpint (parsed, ==, 90);
  }

  setlocale (LC_NUMERIC, "C.UTF-8");
  {
    g_autofree char *text = baton_duration_format_hours (150);

    g_assert_cmpstr (text, ==, "2.5");
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/duration/accepted", test_accepted);
  g_test_add_func ("/duration/empty", test_empty);
  g_test_add_func ("/duration/rejected", test_rejected);
  g_test_add_func ("/duration/messages", test_messages);
  g_test_add_func ("/duration/limit", test_limit);
  g_test_add_func ("/duration/format", test_format);
  g_test_add_func ("/duration/format-round-trip", test_format_round_trip);
  g_test_add_func ("/duration/format-hours", test_format_hours);
  g_test_add_func ("/duration/format-hours/decimal-comma", test_format_hours_decimal_comma);

  return g_test_run ();
}
