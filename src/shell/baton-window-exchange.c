/* baton-window-exchange.c — the main menu's Data section: export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.export-json, win.export-tasks, win.export-capacity and
 * win.export-calendar write the workspace through the model's writers
 * (baton-exchange.c, which the command line shares) and say so in a toast;
 * win.import-tasks reads the header of a tasks CSV file, lets the person
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

#include <glib/gi18n.h>

#include "baton-csv-dialog.h"
#include "baton-dates.h"
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

static void
show_error (BatonWindow *self,
            const char  *heading,
            const char  *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
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
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  return native;
}

/* The path the person chose, or NULL (cancelled, or not a local file). */
static char *
chosen_path (GtkNativeDialog *native,
             int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return NULL;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  return file != NULL ? g_file_get_path (file) : NULL;
}

/* Export ---------------------------------------------------------------------- */

static void
export_to (BatonWindow        *self,
           const ExportFormat *format,
           const char         *path)
{
  BatonStore *store = baton_window_get_store (self);
  BatonExportRequest request = { .kind = format->kind };
  BatonCapacitySettings capacity_settings;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;

  /* Capacity as the grid shows it: the same working days and weeks. */
  baton_capacity_settings_from_gsettings (settings, &capacity_settings);
  request.capacity_settings = &capacity_settings;
  request.first_day = baton_date_today ();
  request.n_weeks = (guint) MAX (g_settings_get_int (settings, "weeks-shown"), 1);

  if (!baton_exchange_export (store, &request, path, name, &summary, &error))
    {
      show_error (self, _("Could Not Export"), error->message);
      return;
    }

  baton_window_show_toast (self, summary);
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    BatonWindow     *self)
{
  const ExportFormat *format = g_object_get_data (G_OBJECT (native), "baton-export-format");
  g_autofree char *path = chosen_path (native, response);

  if (path != NULL)
    export_to (self, format, path);

  g_object_unref (native);
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
      export_to (self, format, path);
      return;
    }

  native = file_chooser_new (self, _(format->title), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                             _(format->filter_name), format->mime_type, format->suffix);
  today = baton_date_format (baton_date_today ());
  file_name = g_strdup_printf (_(format->file_name), today);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);

  g_object_set_data (G_OBJECT (native), "baton-export-format", (gpointer) format);
  g_signal_connect_object (native, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Import ---------------------------------------------------------------------- */

/* What a CSV import dialog is about: the file, and the import prepared
 * for the columns chosen last. */
typedef struct
{
  char           *path;
  char           *name;     /* as the person reads it */
  BatonCsvImport *import;
} CsvImport;

static void
csv_import_free (CsvImport *csv)
{
  g_clear_pointer (&csv->import, baton_csv_import_free);
  g_free (csv->path);
  g_free (csv->name);
  g_free (csv);
}

static void
on_csv_preview_requested (BatonCsvImportDialog *dialog,
                          BatonWindow          *self)
{
  CsvImport *csv = g_object_get_data (G_OBJECT (dialog), "baton-csv-import");
  const BatonCsvMapping *mapping = baton_csv_import_dialog_get_mapping (dialog);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&csv->import, baton_csv_import_free);
  csv->import = baton_csv_import_prepare_file (baton_window_get_store (self), csv->path, mapping, &error);
  if (csv->import == NULL)
    {
      baton_csv_import_dialog_show_error (dialog, error);
      return;
    }

  baton_csv_import_dialog_show_preview (dialog, baton_csv_import_get_preview (csv->import));
}

static void
on_csv_import (BatonCsvImportDialog *dialog,
               BatonWindow          *self)
{
  CsvImport *csv = g_object_get_data (G_OBJECT (dialog), "baton-csv-import");
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_return_if_fail (csv->import != NULL);

  ok = baton_csv_import_apply (csv->import, &error);
  if (ok)
    summary = baton_exchange_import_summary (baton_csv_import_get_preview (csv->import), csv->name);
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (!ok)
    show_error (self, _("Could Not Import"), error->message);
  else
    baton_window_show_undo_toast (self, summary);
}

/* The columns step, then the preview; a file whose first line names the
 * fields exactly opens on the preview. */
static void
import_from (BatonWindow *self,
             const char  *path)
{
  g_auto(GStrv) header = NULL;
  g_autoptr(GError) error = NULL;
  BatonCsvImportDialog *dialog;
  BatonCsvMapping exact;
  CsvImport *csv;

  header = baton_csv_read_header (path, &error);
  if (header == NULL)
    {
      show_error (self, _("Could Not Import"), error->message);
      return;
    }

  csv = g_new0 (CsvImport, 1);
  csv->path = g_strdup (path);
  csv->name = g_filename_display_basename (path);
  dialog = baton_csv_import_dialog_new (GTK_WINDOW (self), (const char * const *) header, csv->name);
  /* It holds the plan, and the plan holds the workspace: it goes with the
   * window (destroy-with-parent). */
  g_object_set_data_full (G_OBJECT (dialog), "baton-csv-import", csv, (GDestroyNotify) csv_import_free);
  g_signal_connect_object (dialog, "preview-requested", G_CALLBACK (on_csv_preview_requested), self, 0);
  g_signal_connect_object (dialog, "import", G_CALLBACK (on_csv_import), self, 0);

  if (baton_csv_mapping_init_from_header (&exact, (const char * const *) header,
                                          g_strv_length (header), NULL))
    baton_csv_import_dialog_request_preview (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_chooser_response (GtkNativeDialog *native,
                            int              response,
                            BatonWindow     *self)
{
  g_autofree char *path = chosen_path (native, response);

  if (path != NULL)
    import_from (self, path);

  g_object_unref (native);
}

static void
import_tasks_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonWindow *self = BATON_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *native;

  if (path[0] != '\0')
    {
      import_from (self, path);
      return;
    }

  native = file_chooser_new (self, _("Import Tasks"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                             _("CSV Files"), "text/csv", "csv");
  g_signal_connect_object (native, "response", G_CALLBACK (on_import_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Trello ---------------------------------------------------------------------- */

typedef struct
{
  BatonTrelloImportDialog *dialog;
  BatonTrelloImport       *import;
} TrelloApply;

/* In one batch, so that one undo takes back the new client too. */
static gboolean
apply_trello (BatonStore  *store,
              gpointer     user_data,
              GError     **error)
{
  TrelloApply *apply = user_data;
  gint64 client_id = baton_trello_import_dialog_get_client_id (apply->dialog);

  if (client_id == 0)
    {
      BatonClient *client;

      client = baton_store_create_client (store, baton_trello_import_dialog_get_new_client_name (apply->dialog),
                                          NULL, error);
      if (client == NULL)
        return FALSE;
      client_id = baton_record_get_id (BATON_RECORD (client));
      baton_trello_import_set_client_id (apply->import, client_id);
    }

  return baton_trello_import_apply (apply->import, error);
}

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
on_trello_import (BatonTrelloImportDialog *dialog,
                  BatonWindow             *self)
{
  BatonStore *store = baton_window_get_store (self);
  TrelloApply apply = { dialog, baton_trello_import_dialog_get_import (dialog) };
  const BatonTrelloPreview *preview = baton_trello_import_get_preview (apply.import);
  guint n_cards = preview->n_cards;
  g_autofree char *board_name = g_strdup (preview->board_name);
  g_autofree char *label = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(BatonProgram) program = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* Translators: an undo step; %s is the board's name */
  label = g_strdup_printf (_("Import Trello Board “%s”"), board_name);
  ok = baton_store_run_batch (store, label, TRUE, apply_trello, &apply, &error);
  if (ok)
    program = g_object_ref (baton_trello_import_get_program (apply.import));
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (!ok)
    {
      show_error (self, _("Could Not Import"), error->message);
      return;
    }

  /* Translators: %u is a number of cards, %s the board's name */
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Imported %u card from “%s”",
                                          "Imported %u cards from “%s”", n_cards),
                             n_cards, board_name);
  show_program (self, program);
  baton_window_show_undo_toast (self, summary);
}

static void
import_trello_from (BatonWindow *self,
                    const char  *path)
{
  BatonStore *store = baton_window_get_store (self);
  BatonTrelloImport *import;
  BatonTrelloImportDialog *dialog;
  g_autoptr(GError) error = NULL;

  import = baton_trello_import_new_file (store, path, &error);
  if (import == NULL)
    {
      show_error (self, _("Could Not Import"), error->message);
      return;
    }

  dialog = baton_trello_import_dialog_new (GTK_WINDOW (self), store, import);
  g_signal_connect_object (dialog, "import", G_CALLBACK (on_trello_import), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_trello_chooser_response (GtkNativeDialog *native,
                                   int              response,
                                   BatonWindow     *self)
{
  g_autofree char *path = chosen_path (native, response);

  if (path != NULL)
    import_trello_from (self, path);

  g_object_unref (native);
}

static void
import_trello_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BatonWindow *self = BATON_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *native;

  if (path[0] != '\0')
    {
      import_trello_from (self, path);
      return;
    }

  native = file_chooser_new (self, _("Import Trello Board"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                             _("Trello Board Exports (JSON)"), "application/json", "json");
  g_signal_connect_object (native, "response", G_CALLBACK (on_import_trello_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
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
}

void
baton_window_exchange_class_init (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    gtk_widget_class_install_action (widget_class, export_formats[i].action, "s", export_activated);
  gtk_widget_class_install_action (widget_class, "win.import-tasks", "s", import_tasks_activated);
  gtk_widget_class_install_action (widget_class, "win.import-trello", "s", import_trello_activated);
}

void
baton_window_exchange_init (BatonWindow *self)
{
  g_signal_connect_object (baton_window_get_store (self), "notify::read-only",
                           G_CALLBACK (update_import_action), self, G_CONNECT_SWAPPED);
  update_import_action (self);
}
