/* baton-csv-guess.c — which field each column of a spreadsheet's header holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tasks file made elsewhere names its columns as people do: "Task",
 * "Assigned to", "Fällig". The guess compares names with case, spaces,
 * underscores, hyphens and dots ignored: first against the field names
 * themselves ("Due Date" is due_date), then against common synonyms in
 * English and German. A field takes at most one column: the first that
 * names it exactly, else the first synonym.
 */

#define G_LOG_DOMAIN "baton-csv"

#include "config.h"

#include <string.h>

#include "baton-csv.h"

typedef struct
{
  guint          field;   /* a BatonCsvField or a BatonCsvPeopleField */
  const char    *names;   /* normalized, separated by '|' */
} Synonyms;

/* Normalized: case-folded, without spaces, underscores, hyphens and dots. */
static const Synonyms synonyms[] = {
  { BATON_CSV_FIELD_TITLE,
    "task|name|summary|subject|taskname|card|cardname|item|"
    "aufgabe|titel|bezeichnung|betreff|aufgabenname" },
  { BATON_CSV_FIELD_ASSIGNEE,
    "owner|assignedto|who|responsible|person|assignee|"
    "verantwortlich|zuständig|zustandig|bearbeiter|zugewiesenan" },
  { BATON_CSV_FIELD_DUE_DATE,
    "due|deadline|end|enddate|duedate|dueon|finish|"
    "fällig|fälligkeit|fälligkeitsdatum|fälligam|ende|enddatum|termin|frist" },
  { BATON_CSV_FIELD_START_DATE,
    "start|begin|startdate|starton|"
    "beginn|anfang|startdatum" },
  { BATON_CSV_FIELD_ESTIMATE_HOURS,
    "hours|estimate|effort|estimatedhours|esthours|"
    "stunden|aufwand|schätzung|geschätztestunden|aufwandstunden" },
  { BATON_CSV_FIELD_STATUS,
    "state|"
    "zustand" },
  { BATON_CSV_FIELD_NOTES,
    "description|details|comments|comment|note|"
    "notizen|notiz|beschreibung|kommentar|kommentare|bemerkung|bemerkungen" },
  { BATON_CSV_FIELD_PROGRAM,
    "project|projectname|"
    "projekt|programm" },
  { BATON_CSV_FIELD_CLIENT,
    "customer|account|"
    "kunde|auftraggeber" },
  { BATON_CSV_FIELD_STAGE,
    "column|list|phase|"
    "spalte|liste" },
  { BATON_CSV_FIELD_ROLE,
    "rolle" },
  { BATON_CSV_FIELD_PRIORITY,
    "prio|"
    "priorität" },
  { BATON_CSV_FIELD_CHECKLIST,
    "subtasks|"
    "checkliste|teilaufgaben" },
  { BATON_CSV_FIELD_PINNED,
    "pin|locked|fixed|"
    "angeheftet|fixiert|gesperrt" },
};

/* @name case-folded, composed, without spaces, '_', '-' and '.'. */
static char *
normalize (const char *name)
{
  g_autofree char *folded = NULL;
  g_autofree char *composed = NULL;
  GString *out;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_strdup ("");

  folded = g_utf8_casefold (name, -1);
  composed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
  out = g_string_new (NULL);
  for (const char *p = composed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '_' || c == '-' || c == '.' || c == 0xFEFF)
        continue;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
in_list (const char *names,
         const char *name)
{
  gsize length = strlen (name);

  if (length == 0)
    return FALSE;

  for (const char *p = names; p != NULL; )
    {
      const char *end = strchr (p, '|');
      gsize n = end != NULL ? (gsize) (end - p) : strlen (p);

      if (n == length && strncmp (p, name, n) == 0)
        return TRUE;
      p = end != NULL ? end + 1 : NULL;
    }

  return FALSE;
}

/* Fills @columns (@n_fields): each field's name first, then its synonyms,
 * each field and each column at most once. */
static void
guess (gint               *columns,
       guint               n_fields,
       const char        *(*field_name) (guint field),
       const Synonyms     *table,
       guint               n_synonyms,
       const char * const *header,
       guint               n_columns)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree gboolean *taken = g_new0 (gboolean, MAX (n_columns, 1));

  for (guint f = 0; f < n_fields; f++)
    columns[f] = -1;
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (names, normalize (header[c]));

  /* The field names themselves. */
  for (guint c = 0; c < n_columns; c++)
    for (guint f = 0; f < n_fields; f++)
      {
        g_autofree char *field = normalize (field_name (f));

        if (columns[f] < 0 && g_str_equal (field, names->pdata[c]))
          {
            columns[f] = (gint) c;
            taken[c] = TRUE;
            break;
          }
      }

  /* Then the synonyms, in the order of the file's columns. */
  for (guint c = 0; c < n_columns; c++)
    {
      if (taken[c])
        continue;

      for (guint s = 0; s < n_synonyms; s++)
        if (columns[table[s].field] < 0 && in_list (table[s].names, names->pdata[c]))
          {
            columns[table[s].field] = (gint) c;
            taken[c] = TRUE;
            break;
          }
    }
}

static const char *
task_field_name (guint field)
{
  return baton_csv_field_get_name (field);
}

void
baton_csv_mapping_guess (BatonCsvMapping    *mapping,
                         const char * const *header,
                         guint               n_columns)
{
  g_return_if_fail (mapping != NULL);
  g_return_if_fail (header != NULL || n_columns == 0);

  guess (mapping->columns, BATON_CSV_N_FIELDS, task_field_name,
         synonyms, G_N_ELEMENTS (synonyms), header, n_columns);
}

/* People */

static const Synonyms people_synonyms[] = {
  { BATON_CSV_PEOPLE_FIELD_NAME,
    "person|fullname|member|employee|staff|who|"
    "mitarbeiter|mitarbeiterin|mitarbeitende|vollständigername|person" },
  { BATON_CSV_PEOPLE_FIELD_EMAIL,
    "mail|email|emailaddress|mailaddress|"
    "emailadresse|mailadresse" },
  { BATON_CSV_PEOPLE_FIELD_ROLE,
    "primaryrole|job|jobtitle|position|function|"
    "rolle|hauptrolle|funktion|stelle" },
  { BATON_CSV_PEOPLE_FIELD_ROLES,
    "allroles|skills|"
    "rollen|funktionen" },
  { BATON_CSV_PEOPLE_FIELD_WEEKLY_CAPACITY_HOURS,
    "hours|capacity|weeklyhours|hoursperweek|weeklycapacity|capacityhours|"
    "stunden|kapazität|kapazitat|wochenstunden|stundenprowoche|arbeitszeit|wochenarbeitszeit" },
  { BATON_CSV_PEOPLE_FIELD_ARCHIVED,
    "inactive|former|"
    "archiviert|inaktiv|ausgeschieden" },
  { BATON_CSV_PEOPLE_FIELD_PLACEHOLDER,
    "tbd|tobehired|vacancy|opening|"
    "platzhalter|offenestelle|vakanz" },
};

static const char *
people_field_name (guint field)
{
  return baton_csv_people_field_get_name (field);
}

void
baton_csv_people_mapping_guess (BatonCsvPeopleMapping *mapping,
                                const char * const    *header,
                                guint                  n_columns)
{
  g_return_if_fail (mapping != NULL);
  g_return_if_fail (header != NULL || n_columns == 0);

  guess (mapping->columns, BATON_CSV_PEOPLE_N_FIELDS, people_field_name,
         people_synonyms, G_N_ELEMENTS (people_synonyms), header, n_columns);
}
