/* test-ics.c — dated tasks and time off as iCalendar, read back with libical
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ics"

#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "baton-ics.h"
#include "baton-test-util.h"

typedef struct
{
  BatonStore   *store;
  BatonPerson  *kim;
  BatonPerson  *lee;
  BatonProgram *intro;
  BatonTask    *ranged;     /* start and due */
  BatonTask    *due_only;
  BatonTask    *undated;
  BatonTask    *archived;
  BatonTask    *other;      /* another program, Lee's */
} Fixture;

static BatonStage *
first_stage (BatonStore *store)
{
  g_autoptr(BatonStage) stage = g_list_model_get_item (baton_store_get_stages (store), 0);
  return stage;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonClient *acme;
  BatonProgram *other;
  BatonStage *stage;

  f->store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  stage = first_stage (f->store);
  f->kim = baton_store_create_person (f->store, "Kim", NULL, 40 * 60, NULL, &error);
  f->lee = baton_store_create_person (f->store, "Lee", NULL, 40 * 60, NULL, &error);
  acme = baton_store_create_client (f->store, "Acme", NULL, &error);
  f->intro = baton_store_create_program (f->store, acme, "Intro", &error);
  other = baton_store_create_program (f->store, acme, "Other", &error);
  f->ranged = baton_store_create_task (f->store, stage, f->intro, "Storyboard, v1; \"final\"", &error);
  f->due_only = baton_store_create_task (f->store, stage, f->intro, "Review", &error);
  f->undated = baton_store_create_task (f->store, stage, f->intro, "Someday", &error);
  f->archived = baton_store_create_task (f->store, stage, f->intro, "Old", &error);
  f->other = baton_store_create_task (f->store, stage, other, "Elsewhere", &error);
  g_assert_no_error (error);

  g_assert_true (baton_store_update (f->store, f->ranged, &error,
                                     "start-date", "2026-03-02", "due-date", "2026-03-13",
                                     "assignee-id", baton_record_get_id (BATON_RECORD (f->kim)),
                                     "description", "Line one\nLine two, with a comma",
                                     "created-at", "2026-01-01T00:00:00Z",
                                     "updated-at", "2026-01-02T00:00:00Z", NULL));
  g_assert_true (baton_store_update (f->store, f->due_only, &error,
                                     "due-date", "2026-12-31",
                                     "created-at", "2026-01-01T00:00:00Z",
                                     "updated-at", "2026-01-01T00:00:00Z", NULL));
  g_assert_true (baton_store_update (f->store, f->archived, &error,
                                     "due-date", "2026-02-02", "archived", (gboolean) TRUE, NULL));
  g_assert_true (baton_store_update (f->store, f->other, &error,
                                     "start-date", "2026-04-01", "due-date", "2026-04-01",
                                     "assignee-id", baton_record_get_id (BATON_RECORD (f->lee)), NULL));
  g_assert_nonnull (baton_store_add_time_off (f->store, f->kim, "2026-03-05", "2026-03-06", "Dentist", &error));
  g_assert_nonnull (baton_store_add_time_off (f->store, f->lee, "2026-05-01", "2026-05-01", NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* Parses @text with libical; "UID → DTSTART/DTEND/SUMMARY/SEQUENCE" lines,
 * sorted, so that a test can compare every event. */
static char *
describe (const char *text)
{
  icalcomponent *calendar = icalparser_parse_string (text);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpstr (icalproperty_get_version (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY)), ==, "2.0");
  g_assert_nonnull (icalcomponent_get_first_property (calendar, ICAL_PRODID_PROPERTY));
  /* libical finds nothing to complain about. */
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);

  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      struct icaltimetype start = icalcomponent_get_dtstart (event);
      struct icaltimetype end = icalcomponent_get_dtend (event);
      struct icaltimetype stamp = icalcomponent_get_dtstamp (event);
      icalproperty *description = icalcomponent_get_first_property (event, ICAL_DESCRIPTION_PROPERTY);

      g_assert_true (start.is_date);
      g_assert_true (end.is_date);
      g_assert_false (icaltime_is_null_time (stamp));
      g_assert_true (icaltime_is_utc (stamp));
      g_ptr_array_add (lines, g_strdup_printf ("%s %04d-%02d-%02d..%04d-%02d-%02d “%s” seq=%d%s%s",
                                               icalcomponent_get_uid (event),
                                               start.year, start.month, start.day,
                                               end.year, end.month, end.day,
                                               icalcomponent_get_summary (event),
                                               icalcomponent_get_sequence (event),
                                               description ? " desc=" : "",
                                               description ? icalproperty_get_description (description) : ""));
    }
  icalcomponent_free (calendar);

  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) lines->pdata[i]);
  return g_string_free (out, FALSE);
}

static char *
export (Fixture       *f,
        BatonIcsScope  scope,
        gint64         id)
{
  g_autoptr(GError) error = NULL;
  BatonIcsOptions options = { .scope = scope, .id = id, .uid_domain = "ws.test", .now = 1767225600 };
  char *text = baton_ics_export_string (f->store, &options, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  return text;
}

static void
test_everything (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *text = export (f, BATON_ICS_SCOPE_ALL, 0);
  g_autofree char *events = describe (text);

  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20260302\r\n"));
  g_assert_nonnull (strstr (text, "DTEND;VALUE=DATE:20260314\r\n"));
  g_assert_cmpstr (events, ==,
                   "task-1@ws.test 2026-03-02..2026-03-14 “Storyboard, v1; \"final\"” seq=86400 desc=Intro (Acme)\n\nLine one\nLine two, with a comma\n"
                   "task-2@ws.test 2026-12-31..2027-01-01 “Review” seq=0 desc=Intro (Acme)\n"
                   "task-5@ws.test 2026-04-01..2026-04-02 “Elsewhere” seq=0 desc=Other (Acme)\n"
                   "timeoff-1@ws.test 2026-03-05..2026-03-07 “Time off: Kim” seq=0 desc=Dentist\n"
                   "timeoff-2@ws.test 2026-05-01..2026-05-02 “Time off: Lee” seq=0\n");
}

static void
test_person (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *text = export (f, BATON_ICS_SCOPE_PERSON, baton_record_get_id (BATON_RECORD (f->lee)));
  g_autofree char *events = describe (text);

  g_assert_cmpstr (events, ==,
                   "task-5@ws.test 2026-04-01..2026-04-02 “Elsewhere” seq=0 desc=Other (Acme)\n"
                   "timeoff-2@ws.test 2026-05-01..2026-05-02 “Time off: Lee” seq=0\n");
}

static void
test_program (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *text = export (f, BATON_ICS_SCOPE_PROGRAM, baton_record_get_id (BATON_RECORD (f->intro)));
  g_autofree char *events = describe (text);

  /* The program's dated tasks, and the time off of their assignees (Kim). */
  g_assert_cmpstr (events, ==,
                   "task-1@ws.test 2026-03-02..2026-03-14 “Storyboard, v1; \"final\"” seq=86400 desc=Intro (Acme)\n\nLine one\nLine two, with a comma\n"
                   "task-2@ws.test 2026-12-31..2027-01-01 “Review” seq=0 desc=Intro (Acme)\n"
                   "timeoff-1@ws.test 2026-03-05..2026-03-07 “Time off: Kim” seq=0 desc=Dentist\n");
}

/* A changed task keeps its UID and gets a higher SEQUENCE. */
static void
test_sequence_grows (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export (f, BATON_ICS_SCOPE_ALL, 0);
  g_autofree char *after = NULL;
  icalcomponent *a, *b;
  int seq_before = -1, seq_after = -1;

  g_assert_true (baton_store_schedule_task (f->store, f->ranged, "2026-03-09", "2026-03-20", &error));
  g_assert_no_error (error);
  after = export (f, BATON_ICS_SCOPE_ALL, 0);

  a = icalparser_parse_string (before);
  b = icalparser_parse_string (after);
  for (icalcomponent *e = icalcomponent_get_first_component (a, ICAL_VEVENT_COMPONENT); e; e = icalcomponent_get_next_component (a, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (e), "task-1@ws.test") == 0)
      seq_before = icalcomponent_get_sequence (e);
  for (icalcomponent *e = icalcomponent_get_first_component (b, ICAL_VEVENT_COMPONENT); e; e = icalcomponent_get_next_component (b, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (e), "task-1@ws.test") == 0)
      {
        seq_after = icalcomponent_get_sequence (e);
        g_assert_cmpint (icalcomponent_get_dtstart (e).day, ==, 9);
      }
  icalcomponent_free (a);
  icalcomponent_free (b);

  g_assert_cmpint (seq_before, ==, 86400);
  g_assert_cmpint (seq_after, >, seq_before);
}

static void
test_file_and_domain (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autofree char *path = baton_test_workspace_file (ws, "out.ics");
  g_autofree char *domain = baton_ics_workspace_domain (f->store);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (baton_ics_export_file (f->store, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpuint (strlen (domain), ==, 16 + strlen (".baton"));
  {
    g_autofree char *uid = g_strdup_printf ("UID:task-1@%s\r\n", domain);
    g_assert_nonnull (strstr (text, uid));
  }
  g_free (describe (text));
}

static void
test_missing_scope (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonIcsOptions options = { .scope = BATON_ICS_SCOPE_PERSON, .id = 999 };

  g_assert_null (baton_ics_export_string (f->store, &options, &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/ics/everything", test_everything);
  ADD ("/ics/person", test_person);
  ADD ("/ics/program", test_program);
  ADD ("/ics/sequence-grows", test_sequence_grows);
  ADD ("/ics/file-and-domain", test_file_and_domain);
  ADD ("/ics/missing-scope", test_missing_scope);
#undef ADD

  return g_test_run ();
}
