/* baton-ics.c — dated tasks and time off as iCalendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-ics"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

#include "baton-dates.h"
#include "baton-ics.h"
#include "baton-library.h"

/* libical, with ICU under it, is opened as a calendar is first exported:
 * linked into Baton it was a tenth of the libraries loaded and relocated
 * before every start, for this file only. */
#define ICAL_FUNCTIONS(X) \
  X (icalcomponent_add_component) \
  X (icalcomponent_add_property) \
  X (icalcomponent_as_ical_string_r) \
  X (icalcomponent_free) \
  X (icalcomponent_new) \
  X (icalproperty_new_calscale) \
  X (icalproperty_new_categories) \
  X (icalproperty_new_created) \
  X (icalproperty_new_description) \
  X (icalproperty_new_dtend) \
  X (icalproperty_new_dtstamp) \
  X (icalproperty_new_dtstart) \
  X (icalproperty_new_lastmodified) \
  X (icalproperty_new_prodid) \
  X (icalproperty_new_sequence) \
  X (icalproperty_new_summary) \
  X (icalproperty_new_transp) \
  X (icalproperty_new_uid) \
  X (icalproperty_new_version) \
  X (icaltime_from_timet_with_zone) \
  X (icaltime_null_date) \
  X (icaltimezone_get_utc_timezone)

typedef struct
{
  ICAL_FUNCTIONS (BATON_LIBRARY_POINTER)
} IcalFunctions;

#define ICAL_SYMBOL(name) BATON_LIBRARY_SYMBOL (IcalFunctions, name)
static IcalFunctions ical;
static const BatonLibrarySymbol ical_symbols[] = { ICAL_FUNCTIONS (ICAL_SYMBOL) { NULL } };
static BatonLibrary libical = { LIBICAL_SONAME, &ical, ical_symbols };

static gboolean
load_libical (GError **error)
{
  const char *failure = baton_library_load (&libical);

  if (failure != NULL)
    {
      /* Translators: %s is the reason, from the system */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Calendars cannot be written: %s"), failure);
      return FALSE;
    }

  return TRUE;
}

char *
baton_ics_workspace_domain (BatonStore *store)
{
  g_autofree char *hash = NULL;
  const char *path;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  path = baton_store_get_path (store);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, path ? path : "", -1);
  hash[16] = '\0';
  return g_strconcat (hash, ".baton", NULL);
}

/* An all-day icaltime for julian day @julian. */
static struct icaltimetype
date_from_julian (guint32 julian)
{
  struct icaltimetype t = ical.icaltime_null_date ();
  g_autofree char *text = baton_date_format (julian);
  int y = 0, m = 0, d = 0;

  if (text != NULL)
    sscanf (text, "%d-%d-%d", &y, &m, &d);
  t.year = y;
  t.month = m;
  t.day = d;
  t.is_date = 1;
  return t;
}

static gint64
timestamp_seconds (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || (time = g_date_time_new_from_iso8601 (text, utc)) == NULL)
    return -1;
  return g_date_time_to_unix (time);
}

static struct icaltimetype
utc_time (gint64 seconds)
{
  return ical.icaltime_from_timet_with_zone ((time_t) seconds, 0, ical.icaltimezone_get_utc_timezone ());
}

static void
add_dates (icalcomponent *event,
           guint32        first,
           guint32        last)
{
  ical.icalcomponent_add_property (event, ical.icalproperty_new_dtstart (date_from_julian (first)));
  ical.icalcomponent_add_property (event, ical.icalproperty_new_dtend (date_from_julian (last + 1)));
}

static icalcomponent *
task_event (BatonStore *store,
            BatonTask  *task,
            const char *domain)
{
  guint32 first = baton_task_get_start_day (task), last = baton_task_get_due_day (task);
  gint64 created = timestamp_seconds (baton_task_get_created_at (task));
  gint64 updated = timestamp_seconds (baton_task_get_updated_at (task));
  BatonProgram *program = baton_store_lookup_program (store, baton_task_get_program_id (task));
  icalcomponent *event = ical.icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *uid = g_strdup_printf ("task-%" G_GINT64_FORMAT "@%s",
                                          baton_record_get_id (BATON_RECORD (task)), domain);
  g_autoptr(GString) description = g_string_new (NULL);

  if (first == 0)
    first = last;
  if (last == 0)
    last = first;
  if (updated < 0)
    updated = g_get_real_time () / G_USEC_PER_SEC;

  ical.icalcomponent_add_property (event, ical.icalproperty_new_uid (uid));
  ical.icalcomponent_add_property (event, ical.icalproperty_new_dtstamp (utc_time (updated)));
  ical.icalcomponent_add_property (event, ical.icalproperty_new_lastmodified (utc_time (updated)));
  if (created >= 0)
    ical.icalcomponent_add_property (event, ical.icalproperty_new_created (utc_time (created)));
  ical.icalcomponent_add_property (event, ical.icalproperty_new_sequence (created >= 0 && updated > created
                                                                 ? (int) MIN (updated - created, G_MAXINT32) : 0));
  add_dates (event, first, last);
  ical.icalcomponent_add_property (event, ical.icalproperty_new_summary (baton_task_get_title (task)));
  ical.icalcomponent_add_property (event, ical.icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));

  if (program != NULL)
    {
      BatonClient *client = baton_store_lookup_client (store, baton_program_get_client_id (program));

      ical.icalcomponent_add_property (event, ical.icalproperty_new_categories (baton_program_get_name (program)));
      if (client != NULL)
        /* Translators: the program and its client, first line of a calendar event's description */
        g_string_append_printf (description, _("%s (%s)"), baton_program_get_name (program),
                                baton_client_get_name (client));
    }
  if (baton_task_get_description (task) != NULL)
    g_string_append_printf (description, "%s%s", description->len > 0 ? "\n\n" : "",
                            baton_task_get_description (task));
  if (description->len > 0)
    ical.icalcomponent_add_property (event, ical.icalproperty_new_description (description->str));

  return event;
}

static icalcomponent *
time_off_event (BatonStore   *store,
                BatonTimeOff *time_off,
                const char   *domain,
                gint64        now)
{
  BatonPerson *person = baton_store_lookup_person (store, baton_time_off_get_person_id (time_off));
  icalcomponent *event = ical.icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *uid = g_strdup_printf ("timeoff-%" G_GINT64_FORMAT "@%s",
                                          baton_record_get_id (BATON_RECORD (time_off)), domain);
  g_autofree char *summary = g_strdup_printf (_("Time off: %s"), person ? baton_person_get_name (person) : "");
  guint32 first = 0, last = 0;

  baton_date_parse (baton_time_off_get_start_date (time_off), &first);
  baton_date_parse (baton_time_off_get_end_date (time_off), &last);
  if (last < first)
    last = first;

  ical.icalcomponent_add_property (event, ical.icalproperty_new_uid (uid));
  ical.icalcomponent_add_property (event, ical.icalproperty_new_dtstamp (utc_time (now)));
  ical.icalcomponent_add_property (event, ical.icalproperty_new_sequence (0));
  add_dates (event, first, last);
  ical.icalcomponent_add_property (event, ical.icalproperty_new_summary (summary));
  ical.icalcomponent_add_property (event, ical.icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));
  if (baton_time_off_get_note (time_off) != NULL)
    ical.icalcomponent_add_property (event, ical.icalproperty_new_description (baton_time_off_get_note (time_off)));

  return event;
}

char *
baton_ics_export_string (BatonStore             *store,
                         const BatonIcsOptions  *options,
                         GError                **error)
{
  static const BatonIcsOptions everything = { BATON_ICS_SCOPE_ALL, 0, FALSE, FALSE, NULL, 0 };
  g_autofree char *domain = NULL;
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  icalcomponent *calendar;
  GListModel *list;
  char *text, *result;
  gint64 now;
  guint n;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  if (options == NULL)
    options = &everything;
  domain = options->uid_domain ? g_strdup (options->uid_domain) : baton_ics_workspace_domain (store);
  now = options->now != 0 ? options->now : g_get_real_time () / G_USEC_PER_SEC;

  if (options->scope == BATON_ICS_SCOPE_PERSON && baton_store_lookup_person (store, options->id) == NULL)
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND,
                           _("The person does not exist (they may have been deleted)."));
      return NULL;
    }
  if (options->scope == BATON_ICS_SCOPE_PROGRAM && baton_store_lookup_program (store, options->id) == NULL)
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND,
                           _("The program does not exist (it may have been deleted)."));
      return NULL;
    }

  if (!load_libical (error))
    return NULL;

  calendar = ical.icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  ical.icalcomponent_add_property (calendar, ical.icalproperty_new_version ("2.0"));
  ical.icalcomponent_add_property (calendar, ical.icalproperty_new_prodid ("-//Baton//Baton " PACKAGE_VERSION "//EN"));
  ical.icalcomponent_add_property (calendar, ical.icalproperty_new_calscale ("GREGORIAN"));

  list = baton_store_get_tasks (store);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (list, i);
      gint64 assignee = baton_task_get_assignee_id (task);

      if (baton_task_get_archived (task) ||
          (baton_task_get_start_day (task) == 0 && baton_task_get_due_day (task) == 0))
        continue;
      if ((options->scope == BATON_ICS_SCOPE_PERSON && assignee != options->id) ||
          (options->scope == BATON_ICS_SCOPE_PROGRAM && baton_task_get_program_id (task) != options->id))
        continue;

      if (assignee != 0)
        g_hash_table_add (people, g_memdup2 (&assignee, sizeof assignee));
      if (!options->no_tasks)
        ical.icalcomponent_add_component (calendar, task_event (store, task, domain));
    }

  list = baton_store_get_time_off (store);
  n = options->no_time_off ? 0 : g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonTimeOff) time_off = g_list_model_get_item (list, i);
      gint64 person = baton_time_off_get_person_id (time_off);

      if ((options->scope == BATON_ICS_SCOPE_PERSON && person != options->id) ||
          (options->scope == BATON_ICS_SCOPE_PROGRAM && !g_hash_table_contains (people, &person)))
        continue;
      ical.icalcomponent_add_component (calendar, time_off_event (store, time_off, domain, now));
    }

  text = ical.icalcomponent_as_ical_string_r (calendar);
  ical.icalcomponent_free (calendar);
  result = g_strdup (text);
  free (text);
  return result;
}

gboolean
baton_ics_export_file (BatonStore             *store,
                       const char             *path,
                       const BatonIcsOptions  *options,
                       GError                **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!(text = baton_ics_export_string (store, options, error)))
    return FALSE;
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
