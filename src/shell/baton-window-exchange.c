/* baton-window-exchange.c — the main menu's Data section: export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.export-json, win.export-tasks, win.export-people, win.export-capacity and
 * win.export-calendar write the workspace through the model's writers
 * (baton-exchange.c, which the command line shares) and say so in a toast;
 * win.import-tasks (and win.import-people, for a people file) reads the
 * header of a tasks CSV file, lets the person
 * choose what each column holds and see what the import will do
 * (BatonCsvImportDialog), and imports it in one undo step. Each takes a
 * file path: "" asks with a file chooser (the menu's items), a path skips
 * it (tests, scripts). win.import-trello reads a board exported from
 * Trello, lets the person choose the client, the people and the options
 * while it shows what the import will do (BatonTrelloImportDialog), and
 * imports it as a program in one undo step, then shows that program on
 * the board.
 *
 * The dialogs read and write nothing: they ask, and this file prepares
 * and applies the imports (the model's BatonCsvImport).
 *
 * The work runs on the main loop, synchronously: the writers and the
 * import are fast for workspaces of a few thousand tasks, but there is no
 * thread, no progress and no Cancel yet (issue 10, item 7).
 */

#define G_LOG_DOMAIN "baton-window"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "baton-application.h"
#include "baton-csv-dialog.h"
#include "baton-dates.h"
#include "baton-exchange-job.h"
#include "baton-exchange.h"
#include "baton-trello-dialog.h"
#include "baton-view-settings.h"
#include "baton-window-private.h"
#include "baton-board-view.h"

typedef struct
{
  const char      *action;
  BatonExportKind  kind;
  const char      *title;       /* of the file chooser */
  const char      *file_name;   /* suggested; %s is today's date */
  const char      *filter_name;
  const char      *mime_type;
  const char      *suffix;
} ExportFormat;

static const ExportFormat export_formats[] = {
  { "win.export-json", BATON_EXPORT_JSON, N_("Export Workspace"),
    /* Translators: a file name; %s is today's date, YYYY-MM-DD */
    N_("Baton workspace %s.json"), N_("Baton JSON Files"), "application/json", "json" },
  { "win.export-tasks", BATON_EXPORT_TASKS_CSV, N_("Export Tasks"),
    /* Translators: a file name; %s is today's date, YYYY-MM-DD */
    N_("Baton tasks %s.csv"), N_("CSV Files"), "text/csv", "csv" },
  { "win.export-people", BATON_EXPORT_PEOPLE_CSV, N_("Export People"),
    /* Translators: a file name; %s is today's date, YYYY-MM-DD */
    N_("Baton people %s.csv"), N_("CSV Files"), "text/csv", "csv" },
  { "win.export-capacity", BATON_EXPORT_CAPACITY_CSV, N_("Export Capacity"),
    /* Translators: a file name; %s is today's date, YYYY-MM-DD */
    N_("Baton capacity %s.csv"), N_("CSV Files"), "text/csv", "csv" },
  { "win.export-calendar", BATON_EXPORT_ICS, N_("Export Calendar"),
    /* Translators: a file name; %s is today's date, YYYY-MM-DD */
    N_("Baton calendar %s.ics"), N_("iCalendar Files"), "text/calendar", "ics" },
};

static const ExportFormat *
find_export_format (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (g_str_equal (export_formats[i].action, action))
      return &export_formats[i];

  g_return_val_if_reached (NULL);
}

static GtkFileChooserNative *
file_chooser_new (BatonWindow          *self,
                  const char           *title,
                  GtkFileChooserAction  action,
                  const char           *accept_label,
                  const char           *filter_name,
                  const char           *mime_type,
                  const char           *suffix)
{
  GtkFileChooserNative *native = baton_window_file_chooser_new (self, title, action, accept_label);

  baton_window_file_chooser_add_filter (native, filter_name, mime_type, suffix);
  return native;
}

/* Jobs ------------------------------------------------------------------------ */

/* Called on the main thread when @job has ended; @error is NULL on
 * success. A cancel has been told to the person already. */
typedef void (*JobDone) (BatonWindow      *self,
                         BatonExchangeJob *job,
                         gpointer          data,
                         const GError     *error);

typedef struct
{
  BatonWindow *self;
  gpointer     data;   /* a GObject, or NULL */
  JobDone      done;
} JobCall;

static void
on_job_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  JobCall *call = user_data;
  BatonExchangeJob *job = BATON_EXCHANGE_JOB (object);
  g_autoptr(GError) error = NULL;

  if (!baton_exchange_job_run_finish (job, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    baton_window_show_toast (call->self, _("Cancelled: nothing was written"));
  else
    call->done (call->self, job, call->data, error);

  g_object_unref (call->self);
  g_clear_object (&call->data);
  g_free (call);
}

/* Runs @job off the main loop, with its progress over @parent when it
 * takes a while. */
static void
run_job (BatonWindow      *self,
         BatonExchangeJob *job,
         GtkWindow        *parent,
         const char       *heading,
         JobDone           done,
         gpointer          data)
{
  JobCall *call = g_new0 (JobCall, 1);

  call->self = g_object_ref (self);
  call->data = data != NULL ? g_object_ref (data) : NULL;
  call->done = done;
  baton_exchange_job_run_with_progress (job, parent != NULL ? parent : GTK_WINDOW (self), heading,
                                        on_job_done, call);
}

/* Export ---------------------------------------------------------------------- */

static void
export_done (BatonWindow      *self,
             BatonExchangeJob *job,
             gpointer          data,
             const GError     *error)
{
  if (error != NULL)
    baton_window_show_error (self, _("Could Not Export"), error->message);
  else
    baton_window_show_toast (self, baton_exchange_job_get_summary (job));
}

static void
export_to (BatonWindow *self,
           const char  *path,
           gpointer     data)
{
  const ExportFormat *format = data;
  BatonStore *store = baton_window_get_store (self);
  BatonExportRequest request = { .kind = format->kind };
  BatonCapacitySettings capacity_settings;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *heading = NULL;
  g_autoptr(BatonExchangeJob) job = NULL;

  /* Capacity as the grid shows it: the same working days and weeks. */
  baton_capacity_settings_from_gsettings (settings, &capacity_settings);
  request.capacity_settings = &capacity_settings;
  request.first_day = baton_date_today ();
  request.n_weeks = (guint) MAX (g_settings_get_int (settings, "weeks-shown"), 1);

  /* The job copies the request. */
  job = baton_exchange_job_new_export (store, &request, path);
  heading = g_strdup_printf (_("Exporting to “%s”"), name);
  run_job (self, job, NULL, heading, export_done, NULL);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BatonWindow *self = BATON_WINDOW (widget);
  const ExportFormat *format = find_export_format (action_name);
  const char *path = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *native;
  g_autofree char *today = NULL;
  g_autofree char *file_name = NULL;

  if (path[0] != '\0')
    {
      export_to (self, path, (gpointer) format);
      return;
    }

  native = file_chooser_new (self, _(format->title), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                             _(format->filter_name), format->mime_type, format->suffix);
  today = baton_date_format (baton_date_today ());
  file_name = g_strdup_printf (_(format->file_name), today);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);

  baton_window_file_chooser_run (self, native, export_to, (gpointer) format, NULL);
}

/* Import ---------------------------------------------------------------------- */

/* What a CSV import dialog is about: the file, and the import prepared
 * for the columns chosen last. */
typedef struct
{
  char           *path;
  char           *name;     /* as the person reads it */
  BatonCsvImport *import;
  BatonCsvPeopleImport *people_import;
} CsvImport;

static void
csv_import_free (CsvImport *csv)
{
  g_clear_pointer (&csv->import, baton_csv_import_free);
  g_clear_pointer (&csv->people_import, baton_csv_people_import_free);
  g_free (csv->path);
  g_free (csv->name);
  g_free (csv);
}

/* A toast for an import: with Undo when the import is one undo step. */
static void
import_done (BatonWindow      *self,
             BatonExchangeJob *job,
             gpointer          data,
             const GError     *error)
{
  if (error != NULL)
    baton_window_show_error (self, _("Could Not Import"), error->message);
  else if (baton_exchange_job_get_undoable (job))
    baton_window_show_undo_toast (self, baton_exchange_job_get_summary (job));
  else
    baton_window_show_toast (self, baton_exchange_job_get_summary (job));
}

static void
csv_preview_done (BatonWindow      *self,
                  BatonExchangeJob *job,
                  gpointer          data,
                  const GError     *error)
{
  BatonCsvImportDialog *dialog = data;
  CsvImport *csv = g_object_get_data (G_OBJECT (dialog), "baton-csv-import");

  /* Closed while the file was read. */
  if (!gtk_widget_get_visible (GTK_WIDGET (dialog)))
    return;

  g_clear_pointer (&csv->import, baton_csv_import_free);
  g_clear_pointer (&csv->people_import, baton_csv_people_import_free);
  if (error != NULL)
    {
      baton_csv_import_dialog_show_error (dialog, error);
      return;
    }

  if (baton_csv_import_dialog_get_for_people (dialog))
    {
      csv->people_import = baton_exchange_job_take_people_csv_import (job);
      baton_csv_import_dialog_show_people_preview (dialog, baton_csv_people_import_get_preview (csv->people_import));
      return;
    }
  csv->import = baton_exchange_job_take_csv_import (job);
  baton_csv_import_dialog_show_preview (dialog, baton_csv_import_get_preview (csv->import));
}

static void
on_csv_preview_requested (BatonCsvImportDialog *dialog,
                          BatonWindow          *self)
{
  CsvImport *csv = g_object_get_data (G_OBJECT (dialog), "baton-csv-import");
  g_autoptr(BatonExchangeJob) job = NULL;
  g_autofree char *heading = g_strdup_printf (_("Reading “%s”"), csv->name);

  if (baton_csv_import_dialog_get_for_people (dialog))
    job = baton_exchange_job_new_read_people_csv (baton_window_get_store (self), csv->path,
                                                  baton_csv_import_dialog_get_people_mapping (dialog));
  else
    job = baton_exchange_job_new_read_csv (baton_window_get_store (self), csv->path,
                                           baton_csv_import_dialog_get_mapping (dialog));
  run_job (self, job, GTK_WINDOW (dialog), heading, csv_preview_done, dialog);
}

/* The preview was planned against the workspace as it was: the job plans
 * again, with the same columns, against the workspace as it is. */
static void
on_csv_import (BatonCsvImportDialog *dialog,
               BatonWindow          *self)
{
  CsvImport *csv = g_object_get_data (G_OBJECT (dialog), "baton-csv-import");
  g_autoptr(BatonExchangeJob) job = NULL;
  g_autofree char *heading = NULL;

  if (baton_csv_import_dialog_get_for_people (dialog))
    {
      g_return_if_fail (csv->people_import != NULL);
      job = baton_exchange_job_new_import_people_csv (baton_window_get_store (self), csv->path,
                                                      baton_csv_import_dialog_get_people_mapping (dialog));
    }
  else
    {
      g_return_if_fail (csv->import != NULL);
      job = baton_exchange_job_new_import_csv (baton_window_get_store (self), csv->path,
                                               baton_csv_import_dialog_get_mapping (dialog));
    }
  heading = g_strdup_printf (_("Importing “%s”"), csv->name);
  gtk_window_destroy (GTK_WINDOW (dialog));
  run_job (self, job, NULL, heading, import_done, NULL);
}

/* The columns step, then the preview; a file whose first line names the
 * fields exactly opens on the preview. */
static void
import_csv_from (BatonWindow *self,
                 const char  *path,
                 gboolean     people)
{
  g_auto(GStrv) header = NULL;
  g_autoptr(GError) error = NULL;
  BatonCsvImportDialog *dialog;
  BatonCsvMapping exact;
  BatonCsvPeopleMapping people_exact;
  gboolean named;
  CsvImport *csv;

  header = baton_csv_read_header (path, &error);
  if (header == NULL)
    {
      baton_window_show_error (self, _("Could Not Import"), error->message);
      return;
    }

  csv = g_new0 (CsvImport, 1);
  csv->path = g_strdup (path);
  csv->name = g_filename_display_basename (path);
  if (people)
    dialog = baton_csv_import_dialog_new_for_people (GTK_WINDOW (self), (const char * const *) header, csv->name);
  else
    dialog = baton_csv_import_dialog_new (GTK_WINDOW (self), (const char * const *) header, csv->name);
  /* It holds the plan, and the plan holds the workspace: it goes with the
   * window (destroy-with-parent). */
  g_object_set_data_full (G_OBJECT (dialog), "baton-csv-import", csv, (GDestroyNotify) csv_import_free);
  g_signal_connect_object (dialog, "preview-requested", G_CALLBACK (on_csv_preview_requested), self, 0);
  g_signal_connect_object (dialog, "import", G_CALLBACK (on_csv_import), self, 0);

  if (people)
    named = baton_csv_people_mapping_init_from_header (&people_exact, (const char * const *) header,
                                                       g_strv_length (header), NULL);
  else
    named = baton_csv_mapping_init_from_header (&exact, (const char * const *) header,
                                                g_strv_length (header), NULL);
  if (named)
    baton_csv_import_dialog_request_preview (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_from (BatonWindow *self,
             const char  *path,
             gpointer     data)
{
  import_csv_from (self, path, FALSE);
}

static void
import_people_from (BatonWindow *self,
                    const char  *path,
                    gpointer     data)
{
  import_csv_from (self, path, TRUE);
}

/* Trello ---------------------------------------------------------------------- */

static GtkWidget *
find_board_view (GtkWidget *widget)
{
  if (BATON_IS_BOARD_VIEW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_board_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The board, filtered to the program the import wrote. */
static void
show_program (BatonWindow  *self,
              BatonProgram *program)
{
  GtkWidget *board;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-view", "s", "board");
  board = find_board_view (GTK_WIDGET (self));
  if (board == NULL || program == NULL)
    return;

  gtk_widget_activate_action (board, "board.clear-filters", NULL);
  gtk_widget_activate_action (board, "board.filter-client", "x", baton_program_get_client_id (program));
  gtk_widget_activate_action (board, "board.filter-program", "x", baton_record_get_id (BATON_RECORD (program)));
}

static void
trello_import_done (BatonWindow      *self,
                    BatonExchangeJob *job,
                    gpointer          data,
                    const GError     *error)
{
  BatonStore *store = baton_window_get_store (self);
  BatonProgram *program;

  if (error == NULL)
    {
      program = baton_store_lookup (store, BATON_TYPE_PROGRAM, baton_exchange_job_get_program_id (job));
      show_program (self, program);
    }

  import_done (self, job, data, error);
}

/* The dialog's import was planned against the workspace as it was read:
 * the job plans again with the dialog's choices, against the workspace as
 * it is, and makes the new client in the same undo step. */
static void
on_trello_import (BatonTrelloImportDialog *dialog,
                  BatonWindow             *self)
{
  BatonTrelloImport *choices = baton_trello_import_dialog_get_import (dialog);
  g_autoptr(BatonExchangeJob) job = NULL;
  g_autofree char *heading = NULL;
  const char *path = g_object_get_data (G_OBJECT (dialog), "baton-trello-path");

  if (baton_trello_import_dialog_get_client_id (dialog) != 0)
    baton_trello_import_set_client_id (choices, baton_trello_import_dialog_get_client_id (dialog));
  baton_trello_import_set_include_archived (choices, baton_trello_import_dialog_get_include_archived (dialog));

  job = baton_exchange_job_new_import_trello (baton_window_get_store (self), path, choices,
                                              baton_trello_import_dialog_get_new_client_name (dialog));
  heading = g_strdup_printf (_("Importing “%s”"), baton_trello_import_get_board_name (choices));
  gtk_window_destroy (GTK_WINDOW (dialog));
  run_job (self, job, NULL, heading, trello_import_done, NULL);
}

static void
trello_read_done (BatonWindow      *self,
                  BatonExchangeJob *job,
                  gpointer          data,
                  const GError     *error)
{
  BatonTrelloImportDialog *dialog;

  if (error != NULL)
    {
      baton_window_show_error (self, _("Could Not Import"), error->message);
      return;
    }

  dialog = baton_trello_import_dialog_new (GTK_WINDOW (self), baton_window_get_store (self),
                                           baton_exchange_job_take_trello_import (job));
  g_object_set_data_full (G_OBJECT (dialog), "baton-trello-path",
                          g_strdup (baton_exchange_job_get_path (job)), g_free);
  g_signal_connect_object (dialog, "import", G_CALLBACK (on_trello_import), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_trello_from (BatonWindow *self,
                    const char  *path,
                    gpointer     data)
{
  g_autoptr(BatonExchangeJob) job = baton_exchange_job_new_read_trello (baton_window_get_store (self), path);
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *heading = g_strdup_printf (_("Reading “%s”"), name);

  run_job (self, job, NULL, heading, trello_read_done, NULL);
}

/* The Import items that open one file ------------------------------------------ */

typedef struct
{
  const char          *action;
  const char          *title;        /* of the file chooser */
  const char          *filter_name;
  const char          *mime_type;
  const char          *suffix;
  BatonWindowFileFunc  import;
} ImportItem;

static const ImportItem import_items[] = {
  { "win.import-tasks", N_("Import Tasks"), N_("CSV Files"), "text/csv", "csv", import_from },
  { "win.import-people", N_("Import People"), N_("CSV Files"), "text/csv", "csv", import_people_from },
  { "win.import-trello", N_("Import Trello Board"), N_("Trello Board Exports (JSON)"),
    "application/json", "json", import_trello_from },
};

/* The path of the file to import, or "" to ask for it. */
static void
import_item_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BatonWindow *self = BATON_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *native;

  for (guint i = 0; i < G_N_ELEMENTS (import_items); i++)
    {
      const ImportItem *item = &import_items[i];

      if (!g_str_equal (item->action, action_name))
        continue;

      if (path[0] != '\0')
        {
          item->import (self, path, NULL);
          return;
        }

      native = file_chooser_new (self, _(item->title), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                 _(item->filter_name), item->mime_type, item->suffix);
      baton_window_file_chooser_run (self, native, item->import, NULL, NULL);
      return;
    }

  g_return_if_reached ();
}

/* Import Workspace ------------------------------------------------------------ */

static void
import_workspace_done (BatonWindow      *self,
                       BatonExchangeJob *job,
                       gpointer          data,
                       const GError     *error)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *target = g_file_get_path (G_FILE (data));

  if (error != NULL)
    {
      baton_window_show_error (self, _("Could Not Import"), error->message);
      return;
    }

  if (app != NULL)
    baton_application_open_workspace (BATON_APPLICATION (app), target);
}

/* A new workspace at @target from the Baton JSON document @data; it opens
 * in a window of its own. */
static void
import_workspace_to (BatonWindow *self,
                     const char  *target,
                     gpointer     data)
{
  const char *path = data;
  g_autoptr(BatonExchangeJob) job = baton_exchange_job_new_import_workspace (path, target);
  g_autoptr(GFile) file = g_file_new_for_path (target);
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *heading = g_strdup_printf (_("Importing “%s”"), name);

  run_job (self, job, NULL, heading, import_workspace_done, file);
}

/* Asks where the new workspace from the document @path goes. */
static void
choose_workspace_target (BatonWindow *self,
                         const char  *path,
                         gpointer     data)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = baton_window_workspace_filter_new ();
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = NULL;
  g_autofree char *file_name = NULL;
  char *dot;

  if ((dot = strrchr (base, '.')) != NULL && dot != base)
    *dot = '\0';
  stem = g_filename_display_name (base);
  file_name = g_strconcat (stem, ".db", NULL);

  native = baton_window_file_chooser_new (self, _("New Workspace From Baton JSON"),
                                          GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);
  baton_window_file_chooser_run (self, native, import_workspace_to, g_strdup (path), g_free);
}

/* (ss): the document and the new workspace's file; "" asks. */
static void
import_workspace_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  BatonWindow *self = BATON_WINDOW (widget);
  const char *path = NULL;
  const char *target = NULL;
  GtkFileChooserNative *native;

  g_variant_get (parameter, "(&s&s)", &path, &target);

  if (path[0] != '\0' && target[0] != '\0')
    import_workspace_to (self, target, (gpointer) path);
  else if (path[0] != '\0')
    choose_workspace_target (self, path, NULL);
  else
    {
      native = file_chooser_new (self, _("Import Workspace"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                 _("Baton JSON Files"), "application/json", "json");
      baton_window_file_chooser_run (self, native, choose_workspace_target, NULL, NULL);
    }
}

/* Setup ----------------------------------------------------------------------- */

static void
update_import_action (BatonWindow *self)
{
  BatonStore *store = baton_window_get_store (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-tasks",
                                 !baton_store_get_read_only (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-trello",
                                 !baton_store_get_read_only (store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-people",
                                 !baton_store_get_read_only (store));
}

void
baton_window_exchange_class_init (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    gtk_widget_class_install_action (widget_class, export_formats[i].action, "s", export_activated);
  for (guint i = 0; i < G_N_ELEMENTS (import_items); i++)
    gtk_widget_class_install_action (widget_class, import_items[i].action, "s", import_item_activated);
  gtk_widget_class_install_action (widget_class, "win.import-workspace", "(ss)", import_workspace_activated);
}

void
baton_window_exchange_init (BatonWindow *self)
{
  g_signal_connect_object (baton_window_get_store (self), "notify::read-only",
                           G_CALLBACK (update_import_action), self, G_CONNECT_SWAPPED);
  update_import_action (self);
}
