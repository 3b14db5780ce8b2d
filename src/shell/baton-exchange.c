/* baton-exchange.c — exports and import summaries shared by the menus and the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The main menu's Export items and `baton --export` make the same model
 * calls and say the same sentence afterwards; both come from here.
 */

#define G_LOG_DOMAIN "baton-exchange"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "baton-exchange.h"
#include "baton-json.h"

/* TRUE when @path is the file @database (or a link to it). */
static gboolean
is_same_file (const char *path,
              const char *database)
{
  GStatBuf a, b;

  if (database == NULL || g_strcmp0 (database, ":memory:") == 0)
    return FALSE;

  if (g_stat (path, &a) != 0 || g_stat (database, &b) != 0)
    return FALSE;

  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

static guint
count_active_people (BatonStore *store)
{
  GListModel *people = baton_store_get_people (store);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (people, i);

      if (!baton_person_get_archived (person))
        n++;
    }

  return n;
}

static guint
count_events (const char *text)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, "BEGIN:VEVENT\r\n")) != NULL; p++)
    n++;

  return n;
}

static gboolean
export_ics (BatonStore             *store,
            const BatonIcsOptions  *options,
            const char             *path,
            const char             *name,
            char                  **summary,
            GError                **error)
{
  g_autofree char *text = NULL;
  guint n_events;

  text = baton_ics_export_string (store, options, error);
  if (text == NULL)
    return FALSE;

  /* As baton_ics_export_file () writes it: whole, private. */
  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  n_events = count_events (text);
  *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Exported %u event to %s",
                                           "Exported %u events to %s", n_events),
                              n_events, name);
  return TRUE;
}

gboolean
baton_exchange_check_export_path (BatonStore  *store,
                                  const char  *path,
                                  const char  *name,
                                  GError     **error)
{
  /* The writers replace the file: never the workspace's own. */
  if (is_same_file (path, baton_store_get_path (store)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("Will not export to “%s”: it is the workspace itself"), name);
      return FALSE;
    }

  return TRUE;
}

gboolean
baton_exchange_export (BatonStore                *store,
                       const BatonExportRequest  *request,
                       const char                *path,
                       const char                *name,
                       char                     **summary,
                       GError                   **error)
{
  BatonCsvOptions csv_options = { .bom = FALSE };
  guint n;

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (summary != NULL && *summary == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!baton_exchange_check_export_path (store, path, name, error))
    return FALSE;

  switch (request->kind)
    {
    case BATON_EXPORT_JSON:
      if (!baton_json_export_file (store, path, error))
        return FALSE;
      break;

    case BATON_EXPORT_TASKS_CSV:
      if (!baton_csv_export_tasks_file (store, path, &csv_options, error))
        return FALSE;
      break;

    case BATON_EXPORT_PEOPLE_CSV:
      if (!baton_csv_export_people_file (store, path, &csv_options, error))
        return FALSE;

      n = g_list_model_get_n_items (baton_store_get_people (store));
      /* Translators: %u is a number of people, %s a file's name */
      *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Exported %u person to %s",
                                               "Exported %u people to %s", n),
                                  n, name);
      return TRUE;

    case BATON_EXPORT_CAPACITY_CSV:
      if (!baton_csv_export_capacity_file (store, request->capacity_settings, request->first_day,
                                           request->n_weeks, path, &csv_options, error))
        return FALSE;

      n = count_active_people (store);
      *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Exported the capacity of %u person to %s",
                                               "Exported the capacity of %u people to %s", n),
                                  n, name);
      return TRUE;

    case BATON_EXPORT_ICS:
      return export_ics (store, request->ics_options, path, name, summary, error);

    default:
      g_return_val_if_reached (FALSE);
    }

  n = g_list_model_get_n_items (baton_store_get_tasks (store));
  *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Exported %u task to %s",
                                           "Exported %u tasks to %s", n),
                              n, name);
  return TRUE;
}

char *
baton_exchange_import_summary (const BatonCsvPreview *preview,
                               const char            *name)
{
  guint n;

  g_return_val_if_fail (preview != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  n = preview->n_new_tasks + preview->n_updated_tasks + preview->n_unchanged_tasks;
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Imported %u task from %s",
                                       "Imported %u tasks from %s", n),
                          n, name);
}
