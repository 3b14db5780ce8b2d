/* baton-cli.c — export and import from the command line, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `baton --database DB --export FILE` and `baton --database DB --import
 * FILE` run from handle-local-options: before the application registers on
 * the session bus and before GTK opens a display, so scripts and backups
 * need neither. The format comes from the file's extension:
 *
 *   --export FILE.json             the whole workspace as Baton JSON
 *   --export FILE.csv              tasks as CSV
 *   --export FILE.csv --people     the people, their roles and weekly hours
 *   --export FILE.csv --capacity   capacity as CSV (long form), --weeks N
 *                                  weeks from the week of --from DATE
 *   --export FILE.ics              dated tasks and time off as iCalendar,
 *                                  narrowed by --person NAME or --program NAME
 *   --import FILE.json             Baton JSON, into an empty workspace
 *   --import FILE.csv              tasks, into the workspace; people when the
 *                                  header names the people's columns (name,
 *                                  no title)
 *
 * `--demo` exports a demo workspace generated in memory. Without
 * `--database` an export reads the default workspace; an import needs
 * `--database`. The model does the work and keeps its promises: files are
 * written whole (a temporary file renamed over the old one) and private,
 * an import lands whole or not at all. Here, on top: an export never
 * writes over the workspace itself, a workspace file that an import
 * created and then failed to fill is removed again, and a workspace is
 * backed up as the app backs it up, but only before a write: a CSV import
 * that passed its checks, the migration of an older workspace.
 */

#define G_LOG_DOMAIN "baton-cli"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "baton-cli.h"
#include "baton-csv.h"
#include "baton-dates.h"
#include "baton-exchange.h"
#include "baton-demo.h"
#include "baton-ics.h"
#include "baton-json.h"
#include "baton-report-status.h"
#include "baton-store.h"
#include "baton-team-secrets.h"
#include "baton-trello.h"

G_DEFINE_QUARK (baton-cli-error-quark, baton_cli_error)

#define DEFAULT_WEEKS 12
#define MAX_WEEKS     520
#define DEFAULT_BACKUPS_KEPT 5  /* the schema's default */
#define DEFAULT_REPORT_WEEKS 13 /* a quarter */
#define MAX_REPORT_WEEKS     104

static const GOptionEntry cli_option_entries[] = {
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the workspace to FILE and exit: .json (Baton JSON), .csv (tasks) or "
       ".ics (calendar); needs no display"), N_("FILE") },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import FILE into the workspace of --database and exit: .json (Baton JSON, "
       "into an empty workspace) or .csv (tasks, or people when its columns are a "
       "people export’s); needs no display"), N_("FILE") },
  { "people", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export to a .csv file: export the people, their roles and weekly hours instead of tasks"), NULL },
  { "capacity", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export to a .csv file: export capacity per person and week instead of tasks"), NULL },
  /* A string: GApplication leaves an integer option of 0 out of the dict. */
  { "weeks", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --capacity: the number of weeks (default 12)"), N_("N") },
  { "from", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --capacity: the first week, the one that holds DATE (YYYY-MM-DD; default this week)"),
    N_("DATE") },
  { "person", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export to an .ics file: only the tasks and time off of the person called NAME"),
    N_("NAME") },
  { "program", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export to an .ics file: only the tasks of the program called NAME"), N_("NAME") },
  { "client", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --import of a Trello board (.json): the client called NAME it becomes a program of"),
    N_("NAME") },
  { "include-archived", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --client: import the board's archived lists and cards too, archived"), NULL },
  { "report", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export to a .pdf file: the report to write, “status” (needs --client NAME; "
       "--program, --from and --to choose what it covers, this week by default) or “capacity” "
       "(--from and --weeks, 13 weeks from this one by default)"), N_("REPORT") },
  { "to", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --report status: the last day of the period (YYYY-MM-DD)"), N_("DATE") },
  { NULL }
};

void
baton_cli_add_options (GApplication *application)
{
  g_return_if_fail (G_IS_APPLICATION (application));

  g_application_add_main_option_entries (application, cli_option_entries);
}

typedef enum
{
  FORMAT_UNKNOWN,
  FORMAT_JSON,
  FORMAT_CSV,
  FORMAT_ICS,
  FORMAT_PDF,
} CliFormat;

typedef struct
{
  const char *database;  /* NULL: the default workspace */
  gboolean    demo;
  const char *export_path;
  const char *import_path;
  gboolean    capacity;
  gboolean    people;
  const char *weeks;
  const char *from;
  const char *person;
  const char *program;
  const char *client;
  gboolean    include_archived;
  const char *report;
  const char *to;
} CliOptions;

static CliFormat
format_from_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *lower = g_ascii_strdown (base, -1);

  if (g_str_has_suffix (lower, ".json"))
    return FORMAT_JSON;
  if (g_str_has_suffix (lower, ".csv"))
    return FORMAT_CSV;
  if (g_str_has_suffix (lower, ".ics"))
    return FORMAT_ICS;
  if (g_str_has_suffix (lower, ".pdf"))
    return FORMAT_PDF;

  return FORMAT_UNKNOWN;
}

/* A date option, checked before anything is opened. */
static gboolean
parse_date_option (const char  *option,
                   const char  *value,
                   guint32     *day,
                   GError     **error)
{
  if (value == NULL || baton_date_parse (value, day))
    return TRUE;
  /* Translators: the first %s is an option (--from, --to), the second what was given */
  g_set_error (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
               _("%s needs a date written YYYY-MM-DD, not “%s”"), option, value);
  return FALSE;
}

/* --export to a .pdf file: a report. */
static gboolean
check_report_options (const CliOptions  *o,
                      GError           **error)
{
  guint32 from = 0, to = 0;

  if (o->report == NULL)
    {
      g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                           _("--export to a .pdf file needs --report status or --report capacity"));
      return FALSE;
    }
  if (o->people || o->capacity || o->person != NULL || o->include_archived)
    {
      g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                           _("--people, --capacity, --person and --include-archived do not work with --report"));
      return FALSE;
    }
  if (!parse_date_option ("--from", o->from, &from, error) ||
      !parse_date_option ("--to", o->to, &to, error))
    return FALSE;

  if (g_strcmp0 (o->report, "status") == 0)
    {
      if (o->client == NULL)
        {
          g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                               _("--report status needs --client NAME: the client the report is for"));
          return FALSE;
        }
      if (o->weeks != NULL)
        {
          g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                               _("--weeks works only with --report capacity; give the period with --from and --to"));
          return FALSE;
        }
      if (from != 0 && to != 0 && from > to)
        {
          g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                               _("--from must not be after --to"));
          return FALSE;
        }
      return TRUE;
    }

  if (g_strcmp0 (o->report, "capacity") == 0)
    {
      if (o->client != NULL || o->program != NULL || o->to != NULL)
        {
          g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                               _("--client, --program and --to work only with --report status"));
          return FALSE;
        }
      if (o->weeks != NULL &&
          !g_ascii_string_to_unsigned (o->weeks, 10, 1, MAX_REPORT_WEEKS, NULL, NULL))
        {
          g_set_error (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                       _("--weeks must be a number from 1 to %d"), MAX_REPORT_WEEKS);
          return FALSE;
        }
      return TRUE;
    }

  g_set_error (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
               _("Unknown report “%s”: use --report status or --report capacity"), o->report);
  return FALSE;
}

/* Options that do not go together, before anything is opened. */
static gboolean
check_options (const CliOptions  *o,
               GError           **error)
{
  CliFormat format;

  if (o->export_path != NULL && o->import_path != NULL)
    {
      g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                           _("--export and --import cannot be used together"));
      return FALSE;
    }

  if (o->people && (o->export_path == NULL || format_from_path (o->export_path) != FORMAT_CSV))
    {
      g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                           _("--people works only with --export to a .csv file"));
      return FALSE;
    }
  if (o->people && o->capacity)
    {
      g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                           _("--people and --capacity cannot be used together"));
      return FALSE;
    }

  if (o->export_path == NULL && o->import_path == NULL)
    {
      g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                           _("--capacity, --weeks, --from, --person and --program work only with --export"));
      return FALSE;
    }

  if (o->import_path != NULL)
    {
      g_autofree char *name = g_filename_display_name (o->import_path);

      if (o->demo || o->database == NULL)
        {
          g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                               _("--import needs --database FILE: the workspace to import into"));
          return FALSE;
        }
      if (o->include_archived && o->client == NULL)
        {
          g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                               _("--include-archived works only with --client, for a Trello board"));
          return FALSE;
        }
      if (o->client != NULL && format_from_path (o->import_path) != FORMAT_JSON)
        {
          g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                               _("--client works only with --import of a Trello board, a .json file"));
          return FALSE;
        }
      if (o->capacity || o->weeks != NULL || o->from != NULL || o->person != NULL || o->program != NULL)
        {
          g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                               _("--capacity, --weeks, --from, --person and --program work only with --export"));
          return FALSE;
        }

      format = format_from_path (o->import_path);
      if (format != FORMAT_JSON && format != FORMAT_CSV)
        {
          g_set_error (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                       _("Cannot import “%s”: the name of the file must end in .json (Baton JSON) or .csv (tasks)"),
                       name);
          return FALSE;
        }

      return TRUE;
    }

  format = format_from_path (o->export_path);
  if (format == FORMAT_PDF)
    return check_report_options (o, error);
  if (o->report != NULL || o->to != NULL)
    {
      g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                           _("--report and --to work only with --export to a .pdf file"));
      return FALSE;
    }

  if (o->client != NULL || o->include_archived)
    {
      g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                           _("--client and --include-archived work only with --import, or --report status"));
      return FALSE;
    }

  if (format == FORMAT_UNKNOWN)
    {
      g_autofree char *name = g_filename_display_name (o->export_path);

      g_set_error (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                   _("Cannot export to “%s”: the name of the file must end in .json (Baton JSON), .csv (tasks or capacity), .ics (calendar) or .pdf (a report)"),
                   name);
      return FALSE;
    }

  if ((o->capacity || o->weeks != NULL || o->from != NULL) && format != FORMAT_CSV)
    {
      g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                           _("--capacity, --weeks and --from work only with --export to a .csv file"));
      return FALSE;
    }
  if ((o->weeks != NULL || o->from != NULL) && !o->capacity)
    {
      g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                           _("--weeks and --from work only with --capacity"));
      return FALSE;
    }
  if (o->weeks != NULL &&
      !g_ascii_string_to_unsigned (o->weeks, 10, 1, MAX_WEEKS, NULL, NULL))
    {
      g_set_error (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                   _("--weeks must be a number from 1 to %d"), MAX_WEEKS);
      return FALSE;
    }
  if ((o->person != NULL || o->program != NULL) && format != FORMAT_ICS)
    {
      g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                           _("--person and --program work only with --export to an .ics file"));
      return FALSE;
    }
  if (o->person != NULL && o->program != NULL)
    {
      g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                           _("--person and --program cannot be used together"));
      return FALSE;
    }

  return TRUE;
}

/* Opening ---------------------------------------------------------------------- */

static BatonStore *
open_demo (GError **error)
{
  g_autoptr(BatonStore) store = NULL;
  BatonDemoSize size;

  /* In memory: nothing to clean up, and no file of the app's --demo is touched. */
  store = baton_store_open (":memory:", error);
  if (store == NULL)
    return NULL;

  baton_demo_size_init_default (&size);
  if (!baton_demo_generate (store, &size, error))
    return NULL;

  return g_steal_pointer (&store);
}

/* The backups-kept setting, as the app reads it; its default where the
 * schema is not installed (no setting can have been changed then). */
static guint
backups_kept (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return DEFAULT_BACKUPS_KEPT;

  settings = g_settings_new_full (schema, NULL, NULL);
  return (guint) MAX (g_settings_get_int (settings, "backups-kept"), 0);
}

/* As the app does before it opens a workspace, when the command is about
 * to write to it: an import, or the migration of an older workspace. */
static gboolean
back_up (const char  *path,
         gboolean     always,
         GError     **error)
{
  if (!always)
    {
      g_autoptr(GError) peek_error = NULL;
      gint version = baton_store_peek_version (path, &peek_error);

      /* A file that cannot be opened is refused by the store. */
      if (peek_error != NULL || version < 1 || version >= BATON_SCHEMA_VERSION)
        return TRUE;
    }

  return baton_store_rotate_backups (path, backups_kept (), error);
}

typedef struct
{
  BatonStore *store;
  GError     *error;
  gboolean    done;
} TeamOpen;

static void
on_team_opened (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TeamOpen *open = user_data;

  open->store = baton_store_open_finish (result, &open->error);
  open->done = TRUE;
}

/* A team workspace, on its server or not at all: a command needs the
 * server. Its password is the one in @location, else the one in the
 * Secret Service, else libpq's own (~/.pgpass, PGPASSWORD); none is ever
 * stored. */
static BatonStore *
open_team (const char  *location,
           GError     **error)
{
  g_autoptr(BatonTeamLogin) login = NULL;
  g_autofree char *stripped = baton_store_location_strip_password (location);
  g_autofree char *description = NULL;
  char *password = NULL;
  TeamOpen open = { NULL, NULL, FALSE };

  login = stripped ? baton_team_login_from_location (location, &password, error) : NULL;
  if (login == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                             _("This is not a valid team workspace address."));
      return NULL;
    }

  if (password == NULL)
    {
      g_autoptr(GError) secret_error = NULL;
      char *secret = baton_team_password_lookup_sync (login, NULL, &secret_error);

      if (secret_error != NULL)
        g_debug ("No password from the Secret Service: %s", secret_error->message);
      if (secret != NULL)
        {
          password = g_strdup (secret);
          baton_team_password_free (secret);
        }
    }

  baton_store_open_async (stripped, password, BATON_STORE_OPEN_REQUIRE_SERVER, NULL,
                          on_team_opened, &open);
  if (password != NULL)
    {
      memset (password, 0, strlen (password));
      g_free (password);
    }
  while (!open.done)
    g_main_context_iteration (NULL, TRUE);

  if (open.store == NULL)
    {
      description = baton_store_describe_location (stripped);
      /* Translators: a team workspace, "DATABASE on HOST", then why it cannot be opened */
      g_prefix_error (&open.error, _("%s: "), description);
      g_propagate_error (error, open.error);
      return NULL;
    }

  return open.store;
}

/* An existing workspace: an export must not create an empty one. */
static BatonStore *
open_existing (const char  *path,
               GError     **error)
{
  if (baton_store_is_team_location (path))
    return open_team (path, error);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, BATON_CLI_ERROR, BATON_CLI_ERROR_NOT_FOUND,
                   _("There is no workspace “%s”"), name);
      return NULL;
    }

  if (!back_up (path, FALSE, error))
    return NULL;

  return baton_store_open (path, error);
}

static void
remove_workspace_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_warning ("Could not remove %s: %s", file, g_strerror (errno));
    }
}

/* Export ---------------------------------------------------------------------- */

/* The id of the one person or program called @name: exactly, else
 * ignoring case. */
static gint64
find_by_name (GListModel   *list,
              const char   *(*get_name) (gpointer),
              const char   *name,
              const char   *not_found_format,
              const char   *several_format,
              GError      **error)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint pass = 0; pass < 2; pass++)
    {
      gint64 found = 0;
      guint n_found = 0;

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (list, i);
          const char *item_name = get_name (item);
          gboolean match;

          if (item_name == NULL)
            continue;

          if (pass == 0)
            {
              match = strcmp (item_name, name) == 0;
            }
          else
            {
              g_autofree char *item_folded = g_utf8_casefold (item_name, -1);

              match = strcmp (item_folded, folded) == 0;
            }

          if (match)
            {
              found = baton_record_get_id (BATON_RECORD (item));
              n_found++;
            }
        }

      if (n_found == 1)
        return found;
      if (n_found > 1)
        {
          g_set_error (error, BATON_CLI_ERROR, BATON_CLI_ERROR_NOT_FOUND, several_format, name);
          return 0;
        }
    }

  g_set_error (error, BATON_CLI_ERROR, BATON_CLI_ERROR_NOT_FOUND, not_found_format, name);
  return 0;
}

static const char *
person_name (gpointer item)
{
  return baton_person_get_name (item);
}

static const char *
client_name (gpointer item)
{
  return baton_client_get_name (item);
}

static const char *
program_name (gpointer item)
{
  return baton_program_get_name (item);
}

static gboolean
export_ics (BatonStore        *store,
            const CliOptions  *o,
            char             **summary,
            GError           **error)
{
  BatonIcsOptions options = { .scope = BATON_ICS_SCOPE_ALL };
  BatonExportRequest request = { .kind = BATON_EXPORT_ICS };
  g_autofree char *name = g_filename_display_name (o->export_path);

  if (o->person != NULL)
    {
      /* Translators: %s is the name given to --person */
      const char *not_found = _("No person is called “%s”");
      /* Translators: %s is the name given to --person */
      const char *several = _("Several people are called “%s”");

      options.scope = BATON_ICS_SCOPE_PERSON;
      options.id = find_by_name (baton_store_get_people (store), person_name, o->person,
                                 not_found, several, error);
      if (options.id == 0)
        return FALSE;
    }
  else if (o->program != NULL)
    {
      /* Translators: %s is the name given to --program */
      const char *not_found = _("No program is called “%s”");
      /* Translators: %s is the name given to --program */
      const char *several = _("Several programs are called “%s”");

      options.scope = BATON_ICS_SCOPE_PROGRAM;
      options.id = find_by_name (baton_store_get_programs (store), program_name, o->program,
                                 not_found, several, error);
      if (options.id == 0)
        return FALSE;
    }

  request.ics_options = &options;
  return baton_exchange_export (store, &request, o->export_path, name, summary, error);
}

static gboolean
export_capacity (BatonStore        *store,
                 const CliOptions  *o,
                 char             **summary,
                 GError           **error)
{
  BatonCapacitySettings settings;
  BatonExportRequest request = { .kind = BATON_EXPORT_CAPACITY_CSV };
  g_autofree char *name = g_filename_display_name (o->export_path);
  guint32 first_day;
  guint64 n_weeks = DEFAULT_WEEKS;

  if (o->weeks != NULL &&
      !g_ascii_string_to_unsigned (o->weeks, 10, 1, MAX_WEEKS, &n_weeks, NULL))
    g_assert_not_reached ();  /* check_options () refused it */

  if (o->from != NULL)
    {
      if (!baton_date_parse (o->from, &first_day))
        {
          g_set_error (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                       _("--from needs a date written YYYY-MM-DD, not “%s”"), o->from);
          return FALSE;
        }
    }
  else
    {
      first_day = baton_date_today ();
    }

  baton_capacity_settings_init_default (&settings);
  request.capacity_settings = &settings;
  request.first_day = first_day;
  request.n_weeks = (guint) n_weeks;
  return baton_exchange_export (store, &request, o->export_path, name, summary, error);
}

/* --report status|capacity: the PDF. */
static gboolean
export_report (BatonStore        *store,
               const CliOptions  *o,
               char             **summary,
               GError           **error)
{
  g_autoptr(BatonReportDoc) doc = NULL;
  g_autofree char *name = g_filename_display_name (o->export_path);
  BatonCapacitySettings settings;
  guint32 today = baton_date_today ();
  guint32 from = 0, to = 0;

  baton_capacity_settings_init_default (&settings);
  if (o->from != NULL && !baton_date_parse (o->from, &from))
    g_assert_not_reached ();  /* check_report_options () refused it */
  if (o->to != NULL && !baton_date_parse (o->to, &to))
    g_assert_not_reached ();

  if (g_strcmp0 (o->report, "status") == 0)
    {
      /* Translators: %s is the name given to --client */
      const char *not_found = _("No client is called “%s”");
      /* Translators: %s is the name given to --client */
      const char *several = _("Several clients are called “%s”");
      BatonStatusReportOptions options;
      g_autoptr(GArray) program_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 client_id;

      client_id = find_by_name (baton_store_get_clients (store), client_name, o->client,
                                not_found, several, error);
      if (client_id == 0)
        return FALSE;
      baton_status_report_options_init (&options, client_id, today);
      if (from != 0)
        options.from_day = from;
      if (to != 0)
        options.to_day = to;
      if (from != 0 && to == 0)
        options.to_day = from + 6;
      if (to != 0 && from == 0)
        options.from_day = to >= 6 ? to - 6 : to;
      if (o->program != NULL)
        {
          /* Translators: %s is the name given to --program */
          const char *no_program = _("No program is called “%s”");
          /* Translators: %s is the name given to --program */
          const char *programs = _("Several programs are called “%s”");
          gint64 program_id = find_by_name (baton_store_get_programs (store), program_name, o->program,
                                            no_program, programs, error);

          if (program_id == 0)
            return FALSE;
          g_array_append_val (program_ids, program_id);
          options.program_ids = program_ids;
        }
      doc = baton_status_report_new (store, &settings, &options, error);
    }
  else
    {
      guint64 n_weeks = DEFAULT_REPORT_WEEKS;

      if (o->weeks != NULL &&
          !g_ascii_string_to_unsigned (o->weeks, 10, 1, MAX_REPORT_WEEKS, &n_weeks, NULL))
        g_assert_not_reached ();  /* check_report_options () refused it */
      doc = baton_capacity_report_new (store, &settings, from != 0 ? from : today, (guint) n_weeks,
                                       today, NULL, error);
    }
  if (doc == NULL)
    return FALSE;

  if (!baton_report_doc_write_pdf (doc, o->export_path, baton_report_paper_from_locale (), error))
    return FALSE;

  *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Wrote “%s” to %s (%u page)",
                                           "Wrote “%s” to %s (%u pages)",
                                           baton_report_doc_get_n_pages (doc)),
                              baton_report_doc_get_title (doc), name,
                              baton_report_doc_get_n_pages (doc));
  return TRUE;
}

static gboolean
run_export (const CliOptions  *o,
            char             **summary,
            GError           **error)
{
  g_autoptr(BatonStore) store = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *name = g_filename_display_name (o->export_path);
  BatonExportRequest request = { .kind = BATON_EXPORT_JSON };
  const char *database = o->database;

  if (o->demo)
    {
      store = open_demo (error);
    }
  else
    {
      if (database == NULL)
        database = default_path = baton_store_default_path ();
      store = open_existing (database, error);
    }
  if (store == NULL)
    return FALSE;

  switch (format_from_path (o->export_path))
    {
    case FORMAT_JSON:
      request.kind = BATON_EXPORT_JSON;
      break;

    case FORMAT_CSV:
      if (o->capacity)
        return export_capacity (store, o, summary, error);
      request.kind = o->people ? BATON_EXPORT_PEOPLE_CSV : BATON_EXPORT_TASKS_CSV;
      break;

    case FORMAT_ICS:
      return export_ics (store, o, summary, error);

    case FORMAT_PDF:
      return export_report (store, o, summary, error);

    case FORMAT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }

  return baton_exchange_export (store, &request, o->export_path, name, summary, error);
}

/* Import ---------------------------------------------------------------------- */

static gboolean
import_csv (BatonStore  *store,
            const char  *path,
            gboolean     back_up_first,
            guint       *n_tasks,
            GError     **error)
{
  g_autoptr(BatonCsvImport) import = NULL;
  const BatonCsvPreview *preview;

  import = baton_csv_import_prepare_file (store, path, NULL, error);
  if (import == NULL)
    return FALSE;

  /* The file is good: back the workspace up before it changes. */
  if (back_up_first && !back_up (baton_store_get_path (store), TRUE, error))
    return FALSE;

  preview = baton_csv_import_get_preview (import);
  if (!baton_csv_import_apply (import, error))
    return FALSE;

  /* What the preview would have shown: the import went ahead anyway. */
  for (guint i = 0; preview->warnings != NULL && i < preview->warnings->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (preview->warnings, i));

  *n_tasks = preview->n_new_tasks + preview->n_updated_tasks + preview->n_unchanged_tasks;
  return TRUE;
}

/* Whether the header of the CSV file @path names people's columns only
 * (a name and no title): a roster, not tasks. */
static gboolean
is_people_csv (const char *path)
{
  g_auto(GStrv) header = baton_csv_read_header (path, NULL);
  BatonCsvPeopleMapping mapping;

  return header != NULL &&
         baton_csv_people_mapping_init_from_header (&mapping, (const char * const *) header,
                                                    g_strv_length (header), NULL);
}

static gboolean
import_people_csv (BatonStore  *store,
                   const char  *path,
                   gboolean     back_up_first,
                   guint       *n_people,
                   GError     **error)
{
  g_autoptr(BatonCsvPeopleImport) import = NULL;
  const BatonCsvPeoplePreview *preview;

  import = baton_csv_people_import_prepare_file (store, path, NULL, error);
  if (import == NULL)
    return FALSE;

  /* The file is good: back the workspace up before it changes. */
  if (back_up_first && !back_up (baton_store_get_path (store), TRUE, error))
    return FALSE;

  preview = baton_csv_people_import_get_preview (import);
  if (!baton_csv_people_import_apply (import, error))
    return FALSE;

  for (guint i = 0; preview->warnings != NULL && i < preview->warnings->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (preview->warnings, i));

  *n_people = preview->n_new_people + preview->n_updated_people + preview->n_unchanged_people;
  return TRUE;
}

/* A Trello board, as a program of the client called @client_name; people
 * matched by full name, else created. */
static gboolean
import_trello (BatonStore  *store,
               const char  *path,
               const char  *client_name_,
               gboolean     include_archived,
               gboolean     back_up_first,
               guint       *n_tasks,
               GError     **error)
{
  g_autoptr(BatonTrelloImport) import = NULL;
  const BatonTrelloPreview *preview;
  gint64 client_id;

  client_id = find_by_name (baton_store_get_clients (store), client_name, client_name_,
                            _("No client is called “%s”"), _("Several clients are called “%s”"), error);
  if (client_id == 0)
    return FALSE;

  import = baton_trello_import_new_file (store, path, error);
  if (import == NULL)
    return FALSE;
  baton_trello_import_set_client_id (import, client_id);
  baton_trello_import_set_include_archived (import, include_archived);

  /* The file is good: back the workspace up before it changes. */
  if (back_up_first && !back_up (baton_store_get_path (store), TRUE, error))
    return FALSE;

  preview = baton_trello_import_get_preview (import);
  *n_tasks = preview->n_cards;
  for (guint i = 0; preview->warnings != NULL && i < preview->warnings->len; i++)
    g_printerr ("%s\n", (const char *) g_ptr_array_index (preview->warnings, i));

  return baton_trello_import_apply (import, error);
}

/* Whether @path reads as a Trello board export (a Baton workspace file
 * does not). */
static gboolean
is_trello_board (BatonStore *store,
                 const char *path)
{
  g_autoptr(BatonTrelloImport) import = baton_trello_import_new_file (store, path, NULL);

  return import != NULL;
}

static gboolean
run_import (const CliOptions  *o,
            char             **summary,
            GError           **error)
{
  g_autoptr(BatonStore) store = NULL;
  g_autofree char *name = g_filename_display_name (o->import_path);
  gboolean team = baton_store_is_team_location (o->database);
  gboolean existed = team || g_file_test (o->database, G_FILE_TEST_EXISTS);
  gboolean ok = FALSE;
  gboolean people = FALSE;
  guint n_tasks = 0;

  /* Before the workspace is opened, let alone created. */
  if (!g_file_test (o->import_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, BATON_CLI_ERROR, BATON_CLI_ERROR_NOT_FOUND,
                   _("There is no file “%s”"), name);
      return FALSE;
    }

  /* A team server keeps its own backups. */
  if (existed && !team && !back_up (o->database, FALSE, error))
    return FALSE;

  store = team ? open_team (o->database, error) : baton_store_open (o->database, error);
  if (store == NULL)
    return FALSE;

  switch (format_from_path (o->import_path))
    {
    case FORMAT_JSON:
      if (o->client != NULL)
        {
          ok = import_trello (store, o->import_path, o->client, o->include_archived, existed, &n_tasks, error);
          break;
        }
      /* Into an empty workspace only: nothing to back up. */
      ok = baton_json_import_file (store, o->import_path, error);
      n_tasks = g_list_model_get_n_items (baton_store_get_tasks (store));
      if (!ok && is_trello_board (store, o->import_path))
        {
          g_clear_error (error);
          g_set_error_literal (error, BATON_CLI_ERROR, BATON_CLI_ERROR_USAGE,
                               _("This is a Trello board export: import it with --client NAME, the client it is for"));
        }
      break;

    case FORMAT_CSV:
      if ((people = is_people_csv (o->import_path)))
        ok = import_people_csv (store, o->import_path, existed, &n_tasks, error);
      else
        ok = import_csv (store, o->import_path, existed, &n_tasks, error);
      break;

    case FORMAT_ICS:
    case FORMAT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }

  /* A team server confirms a change after the call returns: the import
   * is done only once it has, and a refusal is this command's error. */
  if (ok && team)
    {
      ok = baton_store_wait_confirmed (store, 60 * 1000, error);
      if (!people)
        n_tasks = g_list_model_get_n_items (baton_store_get_tasks (store));
    }

  g_clear_object (&store);

  if (!ok)
    {
      /* The import wrote nothing; a workspace it created goes again. */
      if (!existed)
        remove_workspace_files (o->database);
      return FALSE;
    }

  if (people)
    /* Translators: %u is a number of people, %s a file's name */
    *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Imported %u person from %s",
                                             "Imported %u people from %s", n_tasks),
                                n_tasks, name);
  else
    *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Imported %u task from %s",
                                             "Imported %u tasks from %s", n_tasks),
                                n_tasks, name);
  return TRUE;
}

/* Entry point ---------------------------------------------------------------------- */

int
baton_cli_handle_options (GVariantDict *options)
{
  CliOptions o = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean ok;

  g_return_val_if_fail (options != NULL, 1);

  g_variant_dict_lookup (options, "export", "^&ay", &o.export_path);
  g_variant_dict_lookup (options, "import", "^&ay", &o.import_path);
  g_variant_dict_lookup (options, "capacity", "b", &o.capacity);
  g_variant_dict_lookup (options, "people", "b", &o.people);
  g_variant_dict_lookup (options, "weeks", "&s", &o.weeks);
  g_variant_dict_lookup (options, "from", "&s", &o.from);
  g_variant_dict_lookup (options, "person", "&s", &o.person);
  g_variant_dict_lookup (options, "program", "&s", &o.program);
  g_variant_dict_lookup (options, "client", "&s", &o.client);
  g_variant_dict_lookup (options, "include-archived", "b", &o.include_archived);
  g_variant_dict_lookup (options, "report", "&s", &o.report);
  g_variant_dict_lookup (options, "to", "&s", &o.to);
  g_variant_dict_lookup (options, "database", "^&ay", &o.database);
  g_variant_dict_lookup (options, "demo", "b", &o.demo);

  if (o.database != NULL && o.database[0] == '\0')
    o.database = NULL;

  if (o.export_path == NULL && o.import_path == NULL &&
      !g_variant_dict_contains (options, "capacity") &&
      !g_variant_dict_contains (options, "people") &&
      !g_variant_dict_contains (options, "weeks") &&
      !g_variant_dict_contains (options, "from") &&
      !g_variant_dict_contains (options, "person") &&
      !g_variant_dict_contains (options, "program") &&
      !g_variant_dict_contains (options, "client") &&
      !g_variant_dict_contains (options, "include-archived") &&
      !g_variant_dict_contains (options, "report") &&
      !g_variant_dict_contains (options, "to"))
    return -1;

  ok = check_options (&o, &error);
  if (ok && o.export_path != NULL)
    ok = run_export (&o, &summary, &error);
  else if (ok)
    ok = run_import (&o, &summary, &error);

  if (!ok)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("%s\n", summary);
  return 0;
}
