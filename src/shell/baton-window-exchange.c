/* baton-window-exchange.c — the main menu's Data section: export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.export-json, win.export-tasks, win.export-capacity and
 * win.export-calendar write the workspace through the model's writers
 * (baton-exchange.c, which the command line shares) and say so in a toast;
 * win.import-tasks reads a tasks CSV file, shows what it will do, and
 * imports it in one undo step. Each takes a file path: "" asks with a file
 * chooser (the menu's items), a path skips it (tests, scripts).
 *
 * The work runs on the main loop, synchronously: the writers and the
 * import are fast for workspaces of a few thousand tasks, but there is no
 * thread, no progress and no Cancel yet (issue 10, item 7).
 */

#define G_LOG_DOMAIN "baton-window"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-dates.h"
#include "baton-exchange.h"
#include "baton-view-settings.h"
#include "baton-window-private.h"

/* The first warnings of an import preview that the dialog lists. */
#define MAX_PREVIEW_WARNINGS 5

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

/* A line of @format (a count, %u) when @n is not 0. */
static void
append_count (GString    *body,
              guint       n,
              const char *format)
{
  if (n == 0)
    return;

  if (body->len > 0)
    g_string_append_c (body, '\n');
  g_string_append_printf (body, format, n);
}

/* What the preview dialog says: plain text (names from the file in
 * warnings are not markup). */
static char *
describe_preview (const BatonCsvPreview *preview)
{
  GString *body = g_string_new (NULL);
  guint n_warnings = preview->warnings != NULL ? preview->warnings->len : 0;

  append_count (body, preview->n_new_tasks,
                g_dngettext (GETTEXT_PACKAGE, "%u new task", "%u new tasks", preview->n_new_tasks));
  append_count (body, preview->n_updated_tasks,
                g_dngettext (GETTEXT_PACKAGE, "%u updated task", "%u updated tasks", preview->n_updated_tasks));
  append_count (body, preview->n_unchanged_tasks,
                g_dngettext (GETTEXT_PACKAGE, "%u unchanged task", "%u unchanged tasks", preview->n_unchanged_tasks));
  append_count (body, preview->n_new_people,
                g_dngettext (GETTEXT_PACKAGE, "%u new person", "%u new people", preview->n_new_people));
  append_count (body, preview->n_new_stages,
                g_dngettext (GETTEXT_PACKAGE, "%u new stage", "%u new stages", preview->n_new_stages));
  append_count (body, preview->n_new_roles,
                g_dngettext (GETTEXT_PACKAGE, "%u new role", "%u new roles", preview->n_new_roles));
  append_count (body, preview->n_new_clients,
                g_dngettext (GETTEXT_PACKAGE, "%u new client", "%u new clients", preview->n_new_clients));
  append_count (body, preview->n_new_programs,
                g_dngettext (GETTEXT_PACKAGE, "%u new program", "%u new programs", preview->n_new_programs));
  if (body->len == 0)
    g_string_append (body, _("The file holds no tasks."));

  if (n_warnings > 0)
    g_string_append_c (body, '\n');
  for (guint i = 0; i < MIN (n_warnings, MAX_PREVIEW_WARNINGS); i++)
    g_string_append_printf (body, "\n%s", (const char *) g_ptr_array_index (preview->warnings, i));
  if (n_warnings > MAX_PREVIEW_WARNINGS)
    {
      guint n_more = n_warnings - MAX_PREVIEW_WARNINGS;

      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "… and %u more warning",
                                                 "… and %u more warnings", n_more),
                              n_more);
    }

  return g_string_free (body, FALSE);
}

static void
on_import_response (AdwMessageDialog *dialog,
                    const char       *response,
                    BatonWindow      *self)
{
  BatonCsvImport *import = g_object_get_data (G_OBJECT (dialog), "baton-import");
  const char *name = g_object_get_data (G_OBJECT (dialog), "baton-import-name");
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "import"))
    return;

  if (!baton_csv_import_apply (import, &error))
    {
      show_error (self, _("Could Not Import"), error->message);
      return;
    }

  summary = baton_exchange_import_summary (baton_csv_import_get_preview (import), name);
  baton_window_show_undo_toast (self, summary);
}

static void
import_from (BatonWindow *self,
             const char  *path)
{
  g_autoptr(BatonCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  import = baton_csv_import_prepare_file (baton_window_get_store (self), path, NULL, &error);
  if (import == NULL)
    {
      show_error (self, _("Could Not Import"), error->message);
      return;
    }

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Import Tasks from “%s”?"), name);
  body = describe_preview (baton_csv_import_get_preview (import));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "import");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  /* It holds the plan, and the plan holds the workspace. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  g_object_set_data_full (G_OBJECT (dialog), "baton-import", g_steal_pointer (&import),
                          (GDestroyNotify) baton_csv_import_free);
  g_object_set_data_full (G_OBJECT (dialog), "baton-import-name", g_steal_pointer (&name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_import_response), self, 0);
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

/* Setup ----------------------------------------------------------------------- */

static void
update_import_action (BatonWindow *self)
{
  BatonStore *store = baton_window_get_store (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-tasks",
                                 !baton_store_get_read_only (store));
}

void
baton_window_exchange_class_init (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    gtk_widget_class_install_action (widget_class, export_formats[i].action, "s", export_activated);
  gtk_widget_class_install_action (widget_class, "win.import-tasks", "s", import_tasks_activated);
}

void
baton_window_exchange_init (BatonWindow *self)
{
  g_signal_connect_object (baton_window_get_store (self), "notify::read-only",
                           G_CALLBACK (update_import_action), self, G_CONNECT_SWAPPED);
  update_import_action (self);
}
