/* test-exchange-ui.c — the main menu: workspaces, export and import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the window's actions with a file path as their parameter (the
 * menu passes "", which asks with a file chooser that a test cannot
 * answer), then checks what a person would see — the toast, the preview
 * dialog, the error dialog, the new window — and the files and the
 * workspace behind it, and the recent workspaces the application keeps.
 * Without a display every case is skipped.
 */

#define G_LOG_DOMAIN "test-exchange-ui"

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gstdio.h>

#include "baton-application.h"
#include "baton-csv.h"
#include "baton-csv-dialog.h"
#include "baton-demo.h"
#include "baton-json.h"
#include "baton-store.h"
#include "baton-trello.h"
#include "baton-trello-dialog.h"
#include "baton-board-view-private.h"
#include "baton-window-private.h"
#include "baton-test-util.h"
#include "baton-ui-test-util.h"

static BatonApplication *app;   /* NULL without a display */

typedef struct
{
  BatonTestWorkspace *ws;      /* a folder for the files */
  BatonStore         *store;   /* the demo workspace, in memory */
  BatonWindow        *window;
} Fixture;

#define SKIP_WITHOUT_DISPLAY()                          \
  G_STMT_START {                                        \
    if (app == NULL)                                    \
      {                                                 \
        g_test_skip ("no display");                     \
        return;                                         \
      }                                                 \
  } G_STMT_END

/* Helpers --------------------------------------------------------------------- */

static BatonWindow *
open_window (BatonStore *store)
{
  return baton_test_show_window (GTK_WINDOW (baton_window_new (GTK_APPLICATION (app), store)));
}

static void
close_window (BatonWindow *window)
{
  baton_test_destroy_window (GTK_WINDOW (window));
}

static void
fill_demo (BatonStore *store)
{
  g_autoptr(GError) error = NULL;
  BatonDemoSize size;

  baton_demo_size_init_default (&size);
  size.n_tasks = 40;
  size.n_notes = 0;
  g_assert_true (baton_demo_generate (store, &size, &error));
  g_assert_no_error (error);
}


static void
assert_toast (BatonWindow *window,
              const char  *text)
{
  gpointer args[] = { window, (gpointer) text };

  if (!baton_test_wait_until (baton_test_label_shown, args, 5000))
    g_error ("No toast “%s”", text);
}

static gboolean
message_dialog_shown (gpointer data)
{
  return baton_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
message_dialog_gone (gpointer data)
{
  return !message_dialog_shown (data);
}

/* The message dialog on show (a new reference); the test closes it. */
static AdwMessageDialog *
wait_for_message_dialog (void)
{
  g_assert_true (baton_test_wait_until (message_dialog_shown, NULL, 5000));
  return g_object_ref (baton_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

static void
close_message_dialog (AdwMessageDialog *dialog)
{
  /* A response closes it already; either way it goes. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  g_assert_true (baton_test_wait_until (message_dialog_gone, NULL, 5000));
}


/* Import dialogs -------------------------------------------------------------- */

static gboolean
toplevel_shown (gpointer data)
{
  GtkWidget *window = baton_test_find_toplevel (*(GType *) data);

  return window != NULL && gtk_widget_get_mapped (window);
}

static gboolean
toplevel_gone (gpointer data)
{
  return baton_test_find_toplevel (*(GType *) data) == NULL;
}

/* The dialog of @type on show (not a new reference). */
static gpointer
wait_for_toplevel (GType type)
{
  g_assert_true (baton_test_wait_until (toplevel_shown, &type, 5000));
  return baton_test_find_toplevel (type);
}

static gboolean
csv_dialog_answered (gpointer data)
{
  return !baton_csv_import_dialog_get_waiting (data);
}

/* The page @dialog shows once the file has been read (on a worker). */
static void
assert_csv_page (BatonCsvImportDialog *dialog,
                 const char           *page)
{
  g_assert_true (baton_test_wait_until (csv_dialog_answered, dialog, 10000));
  g_assert_cmpstr (baton_csv_import_dialog_get_page (dialog), ==, page);
}

static void
wait_toplevel_gone (GType type)
{
  g_assert_true (baton_test_wait_until (toplevel_gone, &type, 5000));
}

static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

/* Whether the button in @root for @action can be pressed. */
static gboolean
action_button_sensitive (GtkWidget  *root,
                         const char *action)
{
  GtkWidget *button = baton_test_find_widget (root, is_action_button, action);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button) && gtk_widget_get_visible (button);
}

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), data) != NULL;
}

/* Whether @root shows a visible label whose text starts with @text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  return baton_test_find_widget (root, is_label_starting, text) != NULL;
}

static gboolean
is_combo_row (GtkWidget     *widget,
              gconstpointer  data)
{
  return ADW_IS_COMBO_ROW (widget);
}

/* The CSV dialog's column rows, in the file's order. */
static GPtrArray *
csv_column_rows (BatonCsvImportDialog *dialog)
{
  return baton_test_find_widgets (GTK_WIDGET (dialog), is_combo_row, NULL);
}

static void
close_csv_dialog (BatonCsvImportDialog *dialog)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  wait_toplevel_gone (BATON_TYPE_CSV_IMPORT_DIALOG);
}

static guint
n_tasks (BatonStore *store)
{
  return g_list_model_get_n_items (baton_store_get_tasks (store));
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
assert_private_file (const char *path)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, "\r\n")) != NULL; p += 2)
    n++;

  return n;
}

static guint
count_events (const char *text)
{
  guint n = 0;

  for (const char *p = text; (p = strstr (p, "BEGIN:VEVENT")) != NULL; p++)
    n++;

  return n;
}

/* Fixture -------------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (app == NULL)
    return;

  /* Each case starts with no recent workspaces. */
  g_settings_reset (baton_application_get_settings (app), "recent-workspaces");
  f->ws = baton_test_workspace_new ();
  f->store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  fill_demo (f->store);
  f->window = open_window (f->store);
}

static gboolean
no_pending_backup (gpointer data)
{
  return baton_application_get_n_pending_backups (app) == 0;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (app == NULL)
    return;

  close_window (g_steal_pointer (&f->window));
  baton_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&f->store));
  /* Workspaces opened by the application are backed up after their
   * window is shown, on a thread: done before their folder goes. */
  g_assert_true (baton_test_wait_until (no_pending_backup, NULL, 10000));
  g_clear_pointer (&f->ws, baton_test_workspace_free);
}

/* Cases ---------------------------------------------------------------------- */

static void
describe_menu (GString    *out,
               GMenuModel *menu,
               guint       depth)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GVariant) label = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_LABEL, G_VARIANT_TYPE_STRING);
      g_autoptr(GVariant) action = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_ACTION, G_VARIANT_TYPE_STRING);
      g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, NULL);
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);

      for (guint d = 0; d < depth; d++)
        g_string_append (out, "  ");
      g_string_append (out, section != NULL ? "section" : submenu != NULL ? "submenu" : "item");
      if (label != NULL)
        g_string_append_printf (out, " “%s”", g_variant_get_string (label, NULL));
      if (action != NULL)
        g_string_append_printf (out, " %s", g_variant_get_string (action, NULL));
      if (target != NULL)
        {
          g_autofree char *printed = g_variant_print (target, TRUE);

          g_string_append_printf (out, " %s", printed);
        }
      g_string_append_c (out, '\n');

      if (section != NULL)
        describe_menu (out, section, depth + 1);
      if (submenu != NULL)
        describe_menu (out, submenu, depth + 1);
    }
}

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static gboolean
has_menu_model (gpointer data)
{
  return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (data)) != NULL;
}

/* The main menu of @window: the window sets it on its button once it is
 * idle after its first frame (or as the menu first opens). */
static GMenuModel *
primary_menu (BatonWindow *window)
{
  GtkWidget *button = baton_test_find_widget (GTK_WIDGET (window), is_primary_menu_button, NULL);

  g_assert_nonnull (button);
  g_assert_true (baton_test_wait_until (has_menu_model, button, 5000));
  return gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
}

static gboolean
has_action (const char         *name,
            const GVariantType *parameter_type)
{
  GtkWidgetClass *klass = g_type_class_peek (BATON_TYPE_WINDOW);
  const char *found_name;
  const GVariantType *found_type;
  const char *property;
  GType owner;

  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &found_name, &found_type, &property); i++)
    if (g_str_equal (found_name, name))
      return parameter_type == NULL ? found_type == NULL
                                    : found_type != NULL && g_variant_type_equal (found_type, parameter_type);

  return FALSE;
}

/* The workspace section, then the Data section; each item names a window
 * action that takes a path, "" (ask) from the menu. */
static void
test_menu (Fixture       *f,
           gconstpointer  data)
{
  static const char * const actions[] = {
    "win.new-workspace", "win.open-workspace", "win.save-copy", "win.export-json", "win.export-tasks", "win.export-capacity",
    "win.export-calendar", "win.import-tasks", "win.import-trello", "win.export-people", "win.import-people",
  };
  GMenuModel *menu;
  g_autoptr(GString) described = g_string_new (NULL);
  g_autoptr(GMenuModel) workspace_section = NULL;
  g_autoptr(GString) workspace_described = g_string_new (NULL);
  g_autoptr(GMenuModel) data_section = NULL;
  g_autoptr(GString) data_described = g_string_new (NULL);

  SKIP_WITHOUT_DISPLAY ();

  menu = primary_menu (f->window);
  describe_menu (described, menu, 0);
  g_debug ("%s", described->str);

  workspace_section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_assert_nonnull (workspace_section);
  describe_menu (workspace_described, workspace_section, 0);
  /* No recent workspace: no Open Recent. */
  baton_test_assert_text ("the workspace section", workspace_described->str,
                          "item “_New Workspace…” win.new-workspace ''\n"
                          "item “_Open Workspace…” win.open-workspace ''\n"
                          "section\n"
                          "item “Connect to a Tea_m Workspace…” win.connect-team\n"
                          "item “Save a _Copy…” win.save-copy ''\n"
                          "item “_Restore from Backup…” win.restore-backup\n");

  data_section = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
  g_assert_nonnull (data_section);
  describe_menu (data_described, data_section, 0);
  baton_test_assert_text ("the Data section", data_described->str,
                          "submenu “_Export”\n"
                          "  item “Workspace as Baton _JSON…” win.export-json ''\n"
                          "  item “_Tasks as CSV…” win.export-tasks ''\n"
                          "  item “_People as CSV…” win.export-people ''\n"
                          "  item “_Capacity as CSV…” win.export-capacity ''\n"
                          "  item “C_alendar (.ics)…” win.export-calendar ''\n"
                          "item “_Import Tasks from CSV…” win.import-tasks ''\n"
                          "item “Import Peop_le from CSV…” win.import-people ''\n"
                          "item “Import Trello _Board…” win.import-trello ''\n"
                          "item “Import _Workspace…” win.import-workspace ('', '')\n");

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    g_assert_true (has_action (actions[i], G_VARIANT_TYPE_STRING));
  g_assert_true (has_action ("win.import-workspace", G_VARIANT_TYPE ("(ss)")));
  g_assert_true (has_action ("win.restore-backup", NULL));
}

/* Each export writes a private file that reads back, and says so. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *tasks = NULL;
  g_autofree char *capacity = NULL;
  g_autofree char *calendar = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  g_autoptr(BatonStore) copy = NULL;
  g_autoptr(BatonCsvImport) import = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  guint n = n_tasks (f->store);
  guint n_people = g_list_model_get_n_items (baton_store_get_people (f->store));

  SKIP_WITHOUT_DISPLAY ();

  g_assert_cmpuint (n, ==, 40);

  /* Baton JSON: imports into a new workspace with every task. */
  json = baton_test_workspace_file (f->ws, "work.json");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-json", "s", json));
  assert_toast (f->window, "Exported 40 tasks to work.json");
  assert_private_file (json);
  copy = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_true (baton_json_import_file (copy, json, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_tasks (copy), ==, n);

  /* Tasks CSV: every row is a task of the workspace, unchanged. */
  tasks = baton_test_workspace_file (f->ws, "tasks.csv");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-tasks", "s", tasks));
  assert_toast (f->window, "Exported 40 tasks to tasks.csv");
  assert_private_file (tasks);
  import = baton_csv_import_prepare_file (f->store, tasks, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (baton_csv_import_get_preview (import)->n_unchanged_tasks, ==, n);
  g_assert_cmpuint (baton_csv_import_get_preview (import)->n_rows, ==, n);

  /* Capacity CSV: a header, then a row per person and week the grid shows. */
  capacity = baton_test_workspace_file (f->ws, "capacity.csv");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-capacity", "s", capacity));
  message = g_strdup_printf ("Exported the capacity of %u people to capacity.csv", n_people);
  assert_toast (f->window, message);
  assert_private_file (capacity);
  text = read_file (capacity);
  g_assert_true (g_str_has_prefix (text, "person,role,week_start,"));
  g_assert_cmpuint (count_lines (text), ==, 1 + n_people * (guint) g_settings_get_int (settings, "weeks-shown"));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&message, g_free);

  /* Calendar: iCalendar, as many events as the toast says. */
  calendar = baton_test_workspace_file (f->ws, "plan.ics");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-calendar", "s", calendar));
  assert_private_file (calendar);
  text = read_file (calendar);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_cmpuint (count_events (text), >, 0);
  message = g_strdup_printf ("Exported %u events to plan.ics", count_events (text));
  assert_toast (f->window, message);

  g_assert_null (baton_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* A file that cannot be written: the model's message, in a dialog. */
static void
test_export_error (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(AdwMessageDialog) dialog = NULL;

  SKIP_WITHOUT_DISPLAY ();

  path = g_build_filename (f->ws->dir, "no-such-folder", "tasks.csv", NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-tasks", "s", path));
  dialog = wait_for_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Export");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "tasks.csv"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  close_message_dialog (g_steal_pointer (&dialog));
}

static char *
export_json (BatonStore *store)
{
  return baton_json_export_string (store, NULL);
}

/* Tasks exported from the demo, imported into an empty workspace: the
 * preview counts them, Cancel changes nothing, Import adds them in one
 * undo step. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) empty = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(BatonCsvImport) plan = NULL;
  const BatonCsvPreview *preview;
  BatonCsvOptions options = { .bom = FALSE };
  BatonCsvImportDialog *dialog;
  BatonWindow *window;

  SKIP_WITHOUT_DISPLAY ();

  path = baton_test_workspace_file (f->ws, "tasks.csv");
  g_assert_true (baton_csv_export_tasks_file (f->store, path, &options, &error));
  g_assert_no_error (error);

  empty = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  window = open_window (empty);
  before = export_json (empty);

  /* What the dialog must say: the model's own plan. */
  plan = baton_csv_import_prepare_file (empty, path, NULL, &error);
  g_assert_no_error (error);
  preview = baton_csv_import_get_preview (plan);
  g_assert_cmpuint (preview->n_new_tasks, ==, 40);
  g_assert_cmpuint (preview->n_new_people, >, 0);
  expected = g_strdup_printf ("40 new tasks\n%u new people", preview->n_new_people);
  g_clear_pointer (&plan, baton_csv_import_free);

  /* The export's header names the fields: the dialog opens on the
   * preview. Cancel: nothing changes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-tasks", "s", path));
  dialog = wait_for_toplevel (BATON_TYPE_CSV_IMPORT_DIALOG);
  assert_csv_page (dialog, "preview");
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Import Tasks from “tasks.csv”?"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), expected));
  g_assert_true (action_button_sensitive (GTK_WIDGET (dialog), "csv-import.import"));
  close_csv_dialog (dialog);
  after = export_json (empty);
  baton_test_assert_text ("the workspace after Cancel", after, before);
  g_clear_pointer (&after, g_free);

  /* Import: every task, one undo step, and a toast that says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-tasks", "s", path));
  dialog = wait_for_toplevel (BATON_TYPE_CSV_IMPORT_DIALOG);
  assert_csv_page (dialog, "preview");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.import", NULL));
  wait_toplevel_gone (BATON_TYPE_CSV_IMPORT_DIALOG);
  assert_toast (window, "Imported 40 tasks from tasks.csv");
  g_assert_cmpuint (n_tasks (empty), ==, 40);
  assert_toast (window, "Imported 40 tasks from tasks.csv");
  g_assert_cmpstr (baton_history_get_undo_label (baton_store_get_history (empty)), ==, "Import from CSV");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  baton_test_drain ();
  g_assert_cmpuint (n_tasks (empty), ==, 0);
  after = export_json (empty);
  baton_test_assert_text ("the workspace after Undo", after, before);

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&empty));
}

/* A file the import refuses: the model's message, the workspace as it
 * was. A file without a first line cannot be mapped: an error dialog. */
static void
test_import_error (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const bad_files[] = {
    "title,due_date\r\nWrite the guide,next week\r\n",       /* bad date */
    "title,stage\r\nWrite the guide\r\n",                    /* ragged row */
    "title\r\n\"Write the guide\r\n",                        /* unclosed quote */
  };
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) write_error = NULL;
  g_autoptr(GError) header_error = NULL;
  g_auto(GStrv) header = NULL;
  AdwMessageDialog *message;

  SKIP_WITHOUT_DISPLAY ();

  path = baton_test_workspace_file (f->ws, "bad.csv");
  before = export_json (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after_i = NULL;
      BatonCsvImport *refused;
      BatonCsvImportDialog *dialog;

      g_assert_true (g_file_set_contents (path, bad_files[i], -1, &write_error));
      g_assert_no_error (write_error);

      /* The message the model gives for it. */
      refused = baton_csv_import_prepare_file (f->store, path, NULL, &error);
      g_assert_null (refused);
      g_assert_nonnull (error);

      /* The header names the fields: the dialog tries the preview at once
       * and stays on the columns with the message. */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-tasks", "s", path));
      dialog = wait_for_toplevel (BATON_TYPE_CSV_IMPORT_DIALOG);
      assert_csv_page (dialog, "columns");
      g_assert_true (shows_text (GTK_WIDGET (dialog), error->message));
      /* Import does nothing from the columns page. */
      gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.import", NULL);
      assert_csv_page (dialog, "columns");
      close_csv_dialog (dialog);

      after_i = export_json (f->store);
      baton_test_assert_text ("the workspace", after_i, before);
    }

  /* An empty file has no columns to choose from. */
  g_assert_true (g_file_set_contents (path, "", 0, &write_error));
  g_assert_no_error (write_error);
  header = baton_csv_read_header (path, &header_error);
  g_assert_null (header);
  g_assert_nonnull (header_error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-tasks", "s", path));
  message = wait_for_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Import");
  g_assert_cmpstr (adw_message_dialog_get_body (message), ==, header_error->message);
  close_message_dialog (message);
  g_assert_null (baton_test_find_toplevel (BATON_TYPE_CSV_IMPORT_DIALOG));

  after = export_json (f->store);
  baton_test_assert_text ("the workspace", after, before);
}

static gboolean
is_test_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_name (widget), data) == 0;
}

/* A button for @action, in the window's header bar: its sensitivity is
 * the action's enabled state. */
static GtkWidget *
add_action_button (BatonWindow *window,
                   const char  *action)
{
  GtkWidget *header = baton_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkWidget *button = gtk_button_new ();

  gtk_widget_set_name (button, action);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  g_assert_true (baton_test_find_widget (GTK_WIDGET (window), is_test_button, action) == button);

  return button;
}

/* A workspace that cannot be written: import is off, export is on. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autofree char *path = NULL;
  g_autofree char *tasks = NULL;
  BatonWindow *window;
  GtkWidget *import_button;
  GtkWidget *export_button;

  SKIP_WITHOUT_DISPLAY ();

  import_button = add_action_button (f->window, "win.import-tasks");
  export_button = add_action_button (f->window, "win.export-tasks");
  g_assert_true (gtk_widget_get_sensitive (import_button));
  g_assert_true (gtk_widget_get_sensitive (add_action_button (f->window, "win.import-trello")));
  g_assert_true (gtk_widget_get_sensitive (export_button));

  path = baton_test_workspace_file (f->ws, "work.db");
  {
    g_autoptr(BatonStore) writable = baton_store_open (path, &error);

    g_assert_no_error (error);
    fill_demo (writable);
  }
  if (!baton_test_make_unwritable (path))
    return;
  store = baton_store_open (path, &error);
  baton_test_make_writable (path);
  g_assert_no_error (error);
  g_assert_true (baton_store_get_read_only (store));

  window = open_window (store);
  import_button = add_action_button (window, "win.import-tasks");
  export_button = add_action_button (window, "win.export-tasks");
  g_assert_false (gtk_widget_get_sensitive (import_button));
  g_assert_false (gtk_widget_get_sensitive (add_action_button (window, "win.import-trello")));
  g_assert_true (gtk_widget_get_sensitive (export_button));

  /* Exporting a read-only workspace is fine. */
  tasks = baton_test_workspace_file (f->ws, "tasks.csv");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-tasks", "s", tasks));
  assert_toast (window, "Exported 40 tasks to tasks.csv");

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Workspace items ------------------------------------------------------------- */

/* A workspace file @name in the fixture's folder, filled with the demo. */
static char *
make_workspace_file (Fixture    *f,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  char *path = baton_test_workspace_file (f->ws, name);

  store = baton_store_open (path, &error);
  g_assert_no_error (error);
  fill_demo (store);
  g_assert_finalize_object (g_steal_pointer (&store));

  return path;
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *text = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (g_steal_pointer (&text), length);
}

static void
assert_same_bytes (GBytes     *before,
                   const char *path)
{
  g_autoptr(GBytes) after = read_bytes (path);

  if (!g_bytes_equal (before, after))
    g_error ("%s changed", path);
}

/* Save a Copy: a private file that opens as a workspace with the same rows. */
static void
test_save_copy (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) copy = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  SKIP_WITHOUT_DISPLAY ();

  path = baton_test_workspace_file (f->ws, "work copy.db");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save-copy", "s", path));
  assert_toast (f->window, "Saved a copy to work copy.db");
  assert_private_file (path);

  copy = baton_store_open (path, &error);
  g_assert_no_error (error);
  expected = baton_test_dump_store (f->store);
  actual = baton_test_dump_store (copy);
  baton_test_assert_text ("the copy", actual, expected);
  g_assert_cmpuint (n_tasks (copy), ==, 40);
  g_assert_null (baton_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_finalize_object (g_steal_pointer (&copy));
}

/* Save a Copy over the workspace's own file: refused, the file unchanged. */
static void
test_save_copy_self (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(AdwMessageDialog) dialog = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *dump_after = NULL;
  BatonWindow *window;

  SKIP_WITHOUT_DISPLAY ();

  path = make_workspace_file (f, "work.db");
  store = baton_store_open (path, &error);
  g_assert_no_error (error);
  window = open_window (store);
  before = read_bytes (path);
  dump = baton_test_dump_store_db (store);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-copy", "s", path));
  dialog = wait_for_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Save a Copy");
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   "Will not save a copy to “work.db”: it is the workspace itself");
  close_message_dialog (g_steal_pointer (&dialog));

  assert_same_bytes (before, path);
  dump_after = baton_test_dump_store_db (store);
  baton_test_assert_text ("the workspace", dump_after, dump);
  g_assert_cmpuint (n_tasks (store), ==, 40);

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static gboolean
is_action_row (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget);
}

static BatonWindow *
find_other_window (BatonWindow *a,
                   BatonWindow *b)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (BATON_IS_WINDOW (l->data) && l->data != a && l->data != b)
      return l->data;

  return NULL;
}

typedef struct
{
  BatonWindow *a;
  BatonWindow *b;
} WindowPair;

static gboolean
other_window_shown (gpointer data)
{
  WindowPair *pair = data;
  BatonWindow *other = find_other_window (pair->a, pair->b);

  return other != NULL && gtk_widget_get_mapped (GTK_WIDGET (other));
}

/* Two backups, newest first; restoring the older one opens a copy of it
 * in a new window, and no file changes. */
static void
test_restore_backup (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(AdwMessageDialog) dialog = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GBytes) workspace_bytes = NULL;
  g_autoptr(GBytes) newest_bytes = NULL;
  g_autoptr(GBytes) oldest_bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *oldest = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *message = NULL;
  g_autofree char *copy_name = NULL;
  BatonWindow *window;
  BatonWindow *restored;
  BatonStore *restored_store;
  const char *copy_path;
  WindowPair pair;

  SKIP_WITHOUT_DISPLAY ();

  /* The oldest backup holds the 40 demo tasks, the newest one more. */
  path = make_workspace_file (f, "work.db");
  g_assert_true (baton_store_rotate_backups (path, 3, &error));
  g_assert_no_error (error);
  {
    g_autoptr(BatonStore) writable = baton_store_open (path, &error);
    BatonStage *stage;

    g_assert_no_error (error);
    stage = g_list_model_get_item (baton_store_get_stages (writable), 0);
    g_assert_nonnull (baton_store_create_task (writable, stage, NULL, "After the first backup", &error));
    g_assert_no_error (error);
    g_object_unref (stage);
    g_assert_finalize_object (g_steal_pointer (&writable));
  }
  g_assert_true (baton_store_rotate_backups (path, 3, &error));
  g_assert_no_error (error);
  newest = g_strconcat (path, ".backup-1", NULL);
  oldest = g_strconcat (path, ".backup-2", NULL);
  g_assert_true (g_file_test (oldest, G_FILE_TEST_IS_REGULAR));

  store = baton_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_tasks (store), ==, 41);
  window = open_window (store);
  workspace_bytes = read_bytes (path);
  newest_bytes = read_bytes (newest);
  oldest_bytes = read_bytes (oldest);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", NULL));
  dialog = wait_for_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore from Backup");
  rows = baton_test_find_widgets (GTK_WIDGET (dialog), is_action_row, NULL);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (rows->pdata[0]), ==, newest);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (rows->pdata[1]), ==, oldest);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (rows->pdata[0]), " · 41 tasks · "));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (rows->pdata[1]), " · 40 tasks · "));

  /* Choosing the older one. */
  pair.a = f->window;
  pair.b = window;
  gtk_widget_activate (rows->pdata[1]);
  g_assert_true (baton_test_wait_until (other_window_shown, &pair, 5000));
  g_assert_true (baton_test_wait_until (message_dialog_gone, NULL, 5000));
  g_clear_object (&dialog);

  restored = find_other_window (f->window, window);
  restored_store = baton_window_get_store (restored);
  copy_path = baton_store_get_path (restored_store);
  g_assert_cmpstr (copy_path, !=, path);
  g_assert_cmpstr (copy_path, !=, oldest);
  g_assert_true (g_str_has_prefix (copy_path, path));
  assert_private_file (copy_path);
  g_assert_cmpuint (n_tasks (restored_store), ==, 40);
  expected = baton_test_dump_db (oldest);
  actual = baton_test_dump_store_db (restored_store);
  baton_test_assert_text ("the restored copy", actual, expected);
  copy_name = g_path_get_basename (copy_path);
  message = g_strdup_printf ("Opened a copy of the backup: %s", copy_name);
  assert_toast (restored, message);

  /* Nothing else was written. */
  assert_same_bytes (workspace_bytes, path);
  assert_same_bytes (newest_bytes, newest);
  assert_same_bytes (oldest_bytes, oldest);
  g_assert_cmpuint (n_tasks (store), ==, 41);

  close_window (restored);
  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Whether a button for win.restore-backup in @window's header bar is
 * sensitive: the action's enabled state. */
static gboolean
restore_backup_enabled (BatonWindow *window)
{
  GtkWidget *header = baton_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.restore-backup");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  enabled = gtk_widget_get_sensitive (button);
  adw_header_bar_remove (ADW_HEADER_BAR (header), button);

  return enabled;
}

/* No backups: the dialog says so, and when they are made. */
static void
test_restore_backup_empty (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(AdwMessageDialog) dialog = NULL;
  g_autofree char *path = NULL;
  BatonWindow *window;

  SKIP_WITHOUT_DISPLAY ();

  path = make_workspace_file (f, "work.db");
  store = baton_store_open (path, &error);
  g_assert_no_error (error);
  window = open_window (store);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-backup", NULL));
  dialog = wait_for_message_dialog ();
  g_assert_nonnull (baton_test_find_widget (GTK_WIDGET (dialog), baton_test_widget_is_label_with_text,
                                            "No Backups Yet"));
  g_assert_nonnull (baton_test_find_widget (GTK_WIDGET (dialog), baton_test_widget_is_label_with_text,
                                            "Baton backs up the workspace when it opens it after a change. "
                                            "The backups are kept beside the workspace’s file."));
  g_assert_cmpuint (baton_test_count_widgets (GTK_WIDGET (dialog), is_action_row, NULL), ==, 0);
  close_message_dialog (g_steal_pointer (&dialog));

  /* A workspace in memory has no backups to restore. */
  g_assert_false (restore_backup_enabled (f->window));
  g_assert_true (restore_backup_enabled (window));

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* The title names the workspace: its file's name without extension. */
static void
test_title (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autofree char *path = NULL;
  BatonWindow *window;

  SKIP_WITHOUT_DISPLAY ();

  path = make_workspace_file (f, "Acme training.db");
  store = baton_store_open (path, &error);
  g_assert_no_error (error);
  window = open_window (store);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Acme training — Baton");
  {
    g_autofree char *name = baton_window_get_workspace_name (window);

    g_assert_cmpstr (name, ==, "Acme training");
  }

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* New, Open, Open Recent ---------------------------------------------------- */

static guint
n_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    n += BATON_IS_WINDOW (l->data);

  return n;
}

/* The window that shows the workspace file @path, or NULL. */
static BatonWindow *
window_for (const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (BATON_IS_WINDOW (l->data) &&
        g_strcmp0 (baton_store_get_path (baton_window_get_store (l->data)), path) == 0)
      return l->data;

  return NULL;
}

static gboolean
window_for_shown (gpointer data)
{
  BatonWindow *window = window_for (data);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static BatonWindow *
wait_for_window_for (const char *path)
{
  if (!baton_test_wait_until (window_for_shown, (gpointer) path, 5000))
    g_error ("No window for %s", path);

  return window_for (path);
}

static char **
recent_workspaces (void)
{
  return g_settings_get_strv (baton_application_get_settings (app), "recent-workspaces");
}

/* recent-workspaces, one path a line, each with @dir cut to "DIR". */
static char *
describe_recent (const char *dir)
{
  g_auto(GStrv) recent = recent_workspaces ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_assert_true (g_path_is_absolute (recent[i]));
      if (g_str_has_prefix (recent[i], dir))
        g_string_append_printf (out, "DIR%s\n", recent[i] + strlen (dir));
      else
        g_string_append_printf (out, "%s\n", recent[i]);
    }

  return g_string_free (out, FALSE);
}

static char *
stage_names (BatonStore *store)
{
  GListModel *stages = baton_store_get_stages (store);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);

      g_string_append_printf (out, "%s\n", baton_stage_get_name (stage));
    }

  return g_string_free (out, FALSE);
}

/* New Workspace: a private file with the default stages and nothing else,
 * open in a new window that names it, and first of the recent ones. */
static void
test_new_workspace (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) fresh = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected_stages = NULL;
  g_autofree char *actual_stages = NULL;
  g_autofree char *recent = NULL;
  BatonWindow *window;
  BatonStore *store;

  SKIP_WITHOUT_DISPLAY ();

  path = baton_test_workspace_file (f->ws, "Acme plans.db");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-workspace", "s", path));
  window = wait_for_window_for (path);

  assert_private_file (path);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Acme plans — Baton");
  store = baton_window_get_store (window);
  g_assert_cmpuint (n_tasks (store), ==, 0);
  fresh = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  expected_stages = stage_names (fresh);
  actual_stages = stage_names (store);
  g_assert_cmpstr (expected_stages, !=, "");
  baton_test_assert_text ("the new workspace's stages", actual_stages, expected_stages);
  /* On disk too, not only in memory. */
  {
    g_autofree char *on_disk = baton_test_dump_db (path);
    g_autofree char *in_store = baton_test_dump_store_db (store);

    baton_test_assert_text ("the new workspace's file", on_disk, in_store);
  }
  g_assert_null (baton_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  recent = describe_recent (f->ws->dir);
  baton_test_assert_text ("the recent workspaces", recent, "DIR/Acme plans.db\n");

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&fresh));
}

/* New Workspace where a file is: refused, the folder as it was, no window. */
static void
test_new_workspace_exists (Fixture       *f,
                           gconstpointer  data)
{
  static const struct {
    const char *name;       /* the file that is there */
    const char *chosen;     /* the path chosen for the new workspace */
  } cases[] = {
    { "work.db", "work.db" },        /* a workspace */
    { "notes.txt", "notes.txt" },    /* any file */
    { "fresh.db-wal", "fresh.db" },  /* a stray log SQLite would read */
  };

  SKIP_WITHOUT_DISPLAY ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *existing = NULL;
      g_autofree char *chosen = baton_test_workspace_file (f->ws, cases[i].chosen);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *body = NULL;
      g_autoptr(AdwMessageDialog) dialog = NULL;
      guint windows = n_windows ();

      if (g_str_has_suffix (cases[i].name, ".db"))
        existing = make_workspace_file (f, cases[i].name);
      else
        {
          existing = baton_test_workspace_file (f->ws, cases[i].name);
          g_assert_true (g_file_set_contents (existing, "keep me\n", -1, NULL));
        }
      before = baton_test_folder_state (existing);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-workspace", "s", chosen));
      dialog = wait_for_message_dialog ();
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Create the Workspace");
      body = g_strdup_printf ("A file named “%s” already exists. Choose another name.", cases[i].name);
      g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
      close_message_dialog (g_steal_pointer (&dialog));

      after = baton_test_folder_state (existing);
      baton_test_assert_text ("the folder", after, before);
      g_assert_cmpuint (n_windows (), ==, windows);
      g_assert_null (window_for (chosen));
    }

  g_assert_cmpuint (g_strv_length (recent_workspaces ()), ==, 0);
}

/* Open Workspace: a window for the file; opening it again, from another
 * window, presents that window. */
static void
test_open_workspace (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *recent = NULL;
  BatonWindow *window;
  guint windows;

  SKIP_WITHOUT_DISPLAY ();

  path = make_workspace_file (f, "Acme.db");
  windows = n_windows ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-workspace", "s", path));
  window = wait_for_window_for (path);
  g_assert_cmpuint (n_windows (), ==, windows + 1);
  g_assert_cmpuint (n_tasks (baton_window_get_store (window)), ==, 40);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Acme — Baton");
  g_assert_null (baton_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-workspace", "s", path));
  baton_test_drain ();
  g_assert_cmpuint (n_windows (), ==, windows + 1);
  g_assert_true (window_for (path) == window);
  g_assert_null (baton_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  recent = describe_recent (f->ws->dir);
  baton_test_assert_text ("the recent workspaces", recent, "DIR/Acme.db\n");

  close_window (window);
}

/* Open Workspace on what is not a workspace: the open error's dialog, the
 * folder as it was, no window, nothing recorded. */
static void
test_open_workspace_error (Fixture       *f,
                           gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *heading;
    const char *body;    /* after the path */
  } cases[] = {
    { "garbage.db", "Not a Baton Workspace",
      " is not a Baton workspace: it is not a database file.\n\nThe file has not been changed." },
    { "songs.db", "Not a Baton Workspace",
      " is not a Baton workspace: it is a database of another program.\n\nThe file has not been changed." },
    { "missing.db", "Could Not Open the Workspace", "." },
  };

  SKIP_WITHOUT_DISPLAY ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = baton_test_workspace_file (f->ws, cases[i].name);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *body = NULL;
      g_autoptr(AdwMessageDialog) dialog = NULL;
      guint windows = n_windows ();

      if (i == 0)
        {
          char garbage[5000];

          for (guint j = 0; j < sizeof garbage; j++)
            garbage[j] = (char) ((j * 7919) % 251);
          g_assert_true (g_file_set_contents (path, garbage, sizeof garbage, NULL));
        }
      else if (i == 1)
        {
          sqlite3 *db = baton_test_open_raw (path);

          baton_test_exec_sql (db, "CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT);"
                                   "INSERT INTO songs (title) VALUES ('Keep me');");
          sqlite3_close (db);
        }
      before = baton_test_folder_state (path);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.open-workspace", "s", path));
      dialog = wait_for_message_dialog ();
      g_test_message ("%s\n%s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, cases[i].heading);
      body = g_strconcat (i == 2 ? "There is no file " : "", path, cases[i].body, NULL);
      g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
      close_message_dialog (g_steal_pointer (&dialog));

      after = baton_test_folder_state (path);
      baton_test_assert_text ("the folder", after, before);
      /* The missing file was not created. */
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS) == (i != 2));
      g_assert_cmpuint (n_windows (), ==, windows);
    }

  g_assert_cmpuint (g_strv_length (recent_workspaces ()), ==, 0);
}

/* The workspace section of @window's main menu, described. */
static char *
describe_workspace_section (BatonWindow *window,
                            const char  *dir)
{
  GMenuModel *menu = primary_menu (window);
  g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;

  describe_menu (out, section, 0);
  parts = g_strsplit (out->str, dir, -1);
  return g_strjoinv ("DIR", parts);
}

static void
set_recent (const char * const *paths)
{
  g_settings_set_strv (baton_application_get_settings (app), "recent-workspaces", paths);
}

/* The recent workspaces: recorded first, once, at most eight, never the
 * demo; the menu lists those that exist, and opens them; Clear empties it. */
static void
test_recent (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *described = NULL;
  g_autofree char *menu = NULL;
  g_autofree char *demo = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *other_dir = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GPtrArray) eight = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) recent = NULL;
  BatonWindow *window_a;
  BatonWindow *window_b;

  SKIP_WITHOUT_DISPLAY ();

  a = make_workspace_file (f, "a_plan.db");
  b = make_workspace_file (f, "b.db");

  /* Recorded first, once. */
  baton_application_open_workspace (app, a);
  window_a = wait_for_window_for (a);
  baton_application_open_workspace (app, b);
  window_b = wait_for_window_for (b);
  described = describe_recent (f->ws->dir);
  baton_test_assert_text ("after a, b", described, "DIR/b.db\nDIR/a_plan.db\n");
  g_clear_pointer (&described, g_free);
  baton_application_open_workspace (app, a);
  described = describe_recent (f->ws->dir);
  baton_test_assert_text ("after a, b, a", described, "DIR/a_plan.db\nDIR/b.db\n");
  g_clear_pointer (&described, g_free);

  /* In the menu of every window, as its file's name; underscores are no
   * mnemonics. */
  menu = describe_workspace_section (f->window, f->ws->dir);
  baton_test_assert_text ("the workspace section", menu,
                          "item “_New Workspace…” win.new-workspace ''\n"
                          "item “_Open Workspace…” win.open-workspace ''\n"
                          "section\n"
                          "  submenu “Open Recen_t”\n"
                          "    section\n"
                          "      item “a__plan” app.open-recent 'DIR/a_plan.db'\n"
                          "      item “b” app.open-recent 'DIR/b.db'\n"
                          "    section\n"
                          "      item “_Clear Recent Workspaces” app.clear-recent\n"
                          "item “Connect to a Tea_m Workspace…” win.connect-team\n"
                          "item “Save a _Copy…” win.save-copy ''\n"
                          "item “_Restore from Backup…” win.restore-backup\n");
  g_clear_pointer (&menu, g_free);

  /* Opening an item opens its file. */
  close_window (window_b);
  g_assert_null (window_for (b));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent", g_variant_new_string (b));
  window_b = wait_for_window_for (b);
  close_window (window_b);

  /* At most eight. */
  for (guint i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("w%u.db", i);

      g_ptr_array_add (eight, make_workspace_file (f, name));
    }
  g_ptr_array_add (eight, NULL);
  set_recent ((const char * const *) eight->pdata);
  baton_application_open_workspace (app, b);
  window_b = wait_for_window_for (b);
  described = describe_recent (f->ws->dir);
  baton_test_assert_text ("nine opened", described,
                          "DIR/b.db\nDIR/w0.db\nDIR/w1.db\nDIR/w2.db\nDIR/w3.db\nDIR/w4.db\nDIR/w5.db\nDIR/w6.db\n");
  g_clear_pointer (&described, g_free);
  close_window (window_b);

  /* Never the demo. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BatonStore) store = NULL;
    g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "baton", NULL);
    BatonWindow *window;

    demo = g_build_filename (dir, "demo.db", NULL);
    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    store = baton_store_open (demo, &error);
    g_assert_no_error (error);
    g_assert_finalize_object (g_steal_pointer (&store));

    set_recent ((const char * const []) { a, b, NULL });
    baton_application_open_workspace (app, demo);
    window = wait_for_window_for (demo);
    recent = recent_workspaces ();
    g_assert_cmpstrv (recent, ((const char * const []) { a, b, NULL }));
    g_clear_pointer (&recent, g_strfreev);
    close_window (window);
  }

  /* Missing files are left out of the menu, kept in the setting; two
   * files of the same name say their folders. */
  missing = baton_test_workspace_file (f->ws, "gone.db");
  other_dir = g_build_filename (f->ws->dir, "other", NULL);
  g_assert_cmpint (g_mkdir (other_dir, 0700), ==, 0);
  other = g_build_filename (other_dir, "b.db", NULL);
  g_assert_true (g_file_set_contents (other, "", 0, NULL));
  set_recent ((const char * const []) { missing, b, other, NULL });
  menu = describe_workspace_section (window_a, f->ws->dir);
  {
    g_autofree char *folder = g_path_get_basename (f->ws->dir);
    g_auto(GStrv) parts = g_strsplit (folder, "_", -1);
    g_autofree char *escaped = g_strjoinv ("__", parts);
    g_autofree char *expected = NULL;

    expected = g_strdup_printf ("item “_New Workspace…” win.new-workspace ''\n"
                                "item “_Open Workspace…” win.open-workspace ''\n"
                                "section\n"
                                "  submenu “Open Recen_t”\n"
                                "    section\n"
                                "      item “b (%s)” app.open-recent 'DIR/b.db'\n"
                                "      item “b (other)” app.open-recent 'DIR/other/b.db'\n"
                                "    section\n"
                                "      item “_Clear Recent Workspaces” app.clear-recent\n"
                                "item “Connect to a Tea_m Workspace…” win.connect-team\n"
                                "item “Save a _Copy…” win.save-copy ''\n"
                                "item “_Restore from Backup…” win.restore-backup\n",
                                escaped);
    baton_test_assert_text ("the workspace section", menu, expected);
  }
  g_clear_pointer (&menu, g_free);
  recent = recent_workspaces ();
  g_assert_cmpuint (g_strv_length (recent), ==, 3);
  g_clear_pointer (&recent, g_strfreev);

  /* A file gone since is left out as the menu opens. */
  set_recent ((const char * const []) { a, b, NULL });
  g_assert_cmpint (g_unlink (b), ==, 0);
  menu = describe_workspace_section (window_a, f->ws->dir);
  g_assert_nonnull (strstr (menu, "b.db"));
  g_clear_pointer (&menu, g_free);
  {
    GtkWidget *button = baton_test_find_widget (GTK_WIDGET (window_a), is_primary_menu_button, NULL);

    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    menu = describe_workspace_section (window_a, f->ws->dir);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }
  g_assert_null (strstr (menu, "b.db"));
  g_assert_nonnull (strstr (menu, "a_plan.db"));
  g_clear_pointer (&menu, g_free);

  /* Clear empties it, and the menu has no Open Recent. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "clear-recent", NULL);
  recent = recent_workspaces ();
  g_assert_cmpuint (g_strv_length (recent), ==, 0);
  menu = describe_workspace_section (window_a, f->ws->dir);
  baton_test_assert_text ("the workspace section", menu,
                          "item “_New Workspace…” win.new-workspace ''\n"
                          "item “_Open Workspace…” win.open-workspace ''\n"
                          "section\n"
                          "item “Connect to a Tea_m Workspace…” win.connect-team\n"
                          "item “Save a _Copy…” win.save-copy ''\n"
                          "item “_Restore from Backup…” win.restore-backup\n");

  close_window (window_a);
}

/* CSV columns ----------------------------------------------------------------- */

/* A spreadsheet's own names, with ';' and with ',': the dialog guesses the
 * title, assignee and due date, and the import gives tasks with them. */
static void
test_csv_guess (Fixture       *f,
                gconstpointer  data)
{
  static const char * const files[] = {
    "Task;Owner;Deadline;Colour\r\nWrite the guide;Kim Lee;2026-05-04;blue\r\n",
    "Task,Owner,Deadline,Colour\nEdit the guide,Kim Lee,2026-05-11,red\n",
  };
  static const char * const titles[] = { "Write the guide", "Edit the guide" };
  static const char * const dues[] = { "2026-05-04", "2026-05-11" };
  g_autofree char *path = NULL;

  SKIP_WITHOUT_DISPLAY ();

  path = baton_test_workspace_file (f->ws, "plan.csv");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(BatonTask) task = NULL;
      BatonCsvImportDialog *dialog;
      const BatonCsvMapping *mapping;
      BatonPerson *assignee;
      guint n = n_tasks (f->store);

      g_assert_true (g_file_set_contents (path, files[i], -1, &error));
      g_assert_no_error (error);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-tasks", "s", path));
      dialog = wait_for_toplevel (BATON_TYPE_CSV_IMPORT_DIALOG);
      assert_csv_page (dialog, "columns");

      /* Each column shows its guess: field f at position f + 1, Ignore at 0. */
      rows = csv_column_rows (dialog);
      g_assert_cmpuint (rows->len, ==, 4);
      g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Task");
      g_assert_cmpuint (adw_combo_row_get_selected (rows->pdata[0]), ==, BATON_CSV_FIELD_TITLE + 1);
      g_assert_cmpuint (adw_combo_row_get_selected (rows->pdata[1]), ==, BATON_CSV_FIELD_ASSIGNEE + 1);
      g_assert_cmpuint (adw_combo_row_get_selected (rows->pdata[2]), ==, BATON_CSV_FIELD_DUE_DATE + 1);
      g_assert_cmpuint (adw_combo_row_get_selected (rows->pdata[3]), ==, 0);
      mapping = baton_csv_import_dialog_get_mapping (dialog);
      g_assert_cmpint (mapping->columns[BATON_CSV_FIELD_TITLE], ==, 0);
      g_assert_cmpint (mapping->columns[BATON_CSV_FIELD_ASSIGNEE], ==, 1);
      g_assert_cmpint (mapping->columns[BATON_CSV_FIELD_DUE_DATE], ==, 2);

      g_assert_true (action_button_sensitive (GTK_WIDGET (dialog), "csv-import.continue"));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.continue", NULL));
      assert_csv_page (dialog, "preview");
      g_assert_true (shows_text (GTK_WIDGET (dialog), "1 new task"));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.import", NULL));
      wait_toplevel_gone (BATON_TYPE_CSV_IMPORT_DIALOG);
      assert_toast (f->window, "Imported 1 task from plan.csv");

      g_assert_cmpuint (n_tasks (f->store), ==, n + 1);
      task = g_list_model_get_item (baton_store_get_tasks (f->store), n);
      g_assert_cmpstr (baton_task_get_title (task), ==, titles[i]);
      g_assert_cmpstr (baton_task_get_due_date (task), ==, dues[i]);
      assignee = baton_store_lookup_person (f->store, baton_task_get_assignee_id (task));
      g_assert_nonnull (assignee);
      g_assert_cmpstr (baton_person_get_name (assignee), ==, "Kim Lee");
    }
}

/* No column holds the title, or a field twice: Continue cannot be
 * pressed, and the dialog says why. */
static void
test_csv_invalid (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonCsvImportDialog *dialog;

  SKIP_WITHOUT_DISPLAY ();

  path = baton_test_workspace_file (f->ws, "plan.csv");
  g_assert_true (g_file_set_contents (path, "Colour,Who,When\r\nblue,Kim,2026-05-04\r\n", -1, &error));
  g_assert_no_error (error);
  before = export_json (f->store);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-tasks", "s", path));
  dialog = wait_for_toplevel (BATON_TYPE_CSV_IMPORT_DIALOG);
  rows = csv_column_rows (dialog);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (rows->pdata[0]), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (rows->pdata[1]), ==, BATON_CSV_FIELD_ASSIGNEE + 1);
  g_assert_false (action_button_sensitive (GTK_WIDGET (dialog), "csv-import.continue"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Choose the column that holds the tasks’ titles."));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.continue", NULL);
  assert_csv_page (dialog, "columns");

  /* A title: it can go on. */
  adw_combo_row_set_selected (rows->pdata[0], BATON_CSV_FIELD_TITLE + 1);
  g_assert_true (action_button_sensitive (GTK_WIDGET (dialog), "csv-import.continue"));
  g_assert_false (shows_text (GTK_WIDGET (dialog), "Choose the column"));

  /* The title twice: it names the field and both columns. */
  adw_combo_row_set_selected (rows->pdata[2], BATON_CSV_FIELD_TITLE + 1);
  g_assert_false (action_button_sensitive (GTK_WIDGET (dialog), "csv-import.continue"));
  g_assert_true (shows_text (GTK_WIDGET (dialog),
                             "“Title” is chosen for two columns, “Colour” and “When”. Choose it for one only."));

  close_csv_dialog (dialog);
  after = export_json (f->store);
  baton_test_assert_text ("the workspace", after, before);
}

/* The import refuses the columns chosen: the dialog stays on them with the
 * model's message; choosing others goes on to the preview. */
static void
test_csv_prepare_error (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(BatonCsvImport) refused = NULL;
  BatonCsvMapping mapping;
  BatonCsvImportDialog *dialog;

  SKIP_WITHOUT_DISPLAY ();

  path = baton_test_workspace_file (f->ws, "plan.csv");
  g_assert_true (g_file_set_contents (path, "Task,Deadline\r\nWrite the guide,next week\r\n", -1, &error));
  g_assert_no_error (error);
  before = export_json (f->store);

  baton_csv_mapping_init (&mapping);
  mapping.columns[BATON_CSV_FIELD_TITLE] = 0;
  mapping.columns[BATON_CSV_FIELD_DUE_DATE] = 1;
  refused = baton_csv_import_prepare_file (f->store, path, &mapping, &error);
  g_assert_null (refused);
  g_assert_nonnull (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-tasks", "s", path));
  dialog = wait_for_toplevel (BATON_TYPE_CSV_IMPORT_DIALOG);
  g_assert_false (shows_text (GTK_WIDGET (dialog), error->message));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.continue", NULL));
  assert_csv_page (dialog, "columns");
  g_assert_true (shows_text (GTK_WIDGET (dialog), error->message));
  g_assert_true (action_button_sensitive (GTK_WIDGET (dialog), "csv-import.continue"));

  /* Without the dates it imports. */
  rows = csv_column_rows (dialog);
  adw_combo_row_set_selected (rows->pdata[1], 0);
  g_assert_false (shows_text (GTK_WIDGET (dialog), error->message));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.continue", NULL));
  assert_csv_page (dialog, "preview");
  g_assert_true (shows_text (GTK_WIDGET (dialog), "1 new task"));

  /* Back to the columns, then Cancel: nothing is written. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.back", NULL));
  assert_csv_page (dialog, "columns");
  close_csv_dialog (dialog);
  after = export_json (f->store);
  baton_test_assert_text ("the workspace", after, before);
}

/* Trello ---------------------------------------------------------------------- */

static char *
trello_board_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "trello", "board.json", NULL);
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static gpointer
find_row (gpointer    dialog,
          const char *title)
{
  GtkWidget *row = baton_test_find_widget (GTK_WIDGET (dialog), is_row_titled, title);

  g_assert_nonnull (row);
  return row;
}

static BatonTask *
find_task_by_external_id (BatonStore *store,
                          const char *external_id)
{
  GListModel *tasks = baton_store_get_tasks (store);

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);

      if (g_strcmp0 (baton_task_get_external_id (task), external_id) == 0)
        return task;
    }

  return NULL;
}

static guint
n_items (GListModel *list)
{
  return g_list_model_get_n_items (list);
}

/* The fixture board into an existing client: one member mapped to an
 * existing person, one created, one left unassigned. The preview says what
 * the model plans; the tasks get those assignees; the board shows the
 * program; one undo takes it all back. */
static void
test_trello_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonTrelloImport) expected = NULL;
  g_autoptr(BatonClient) client = NULL;
  g_autoptr(BatonPerson) person = NULL;
  g_autofree char *path = trello_board_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *line = NULL;
  g_autofree char *toast = NULL;
  const BatonTrelloPreview *preview;
  BatonTrelloImportDialog *dialog;
  BatonBoardView *board;
  BatonProgram *program;
  BatonTask *welcome;
  BatonTask *pilot;
  BatonTask *storyboard;
  BatonPerson *ben;
  gint64 client_id;
  gint64 person_id;
  guint n_people = n_items (baton_store_get_people (f->store));
  guint n_clients = n_items (baton_store_get_clients (f->store));

  SKIP_WITHOUT_DISPLAY ();

  client = g_list_model_get_item (baton_store_get_clients (f->store), 1);
  client_id = baton_record_get_id (BATON_RECORD (client));
  person = g_list_model_get_item (baton_store_get_people (f->store), 2);
  person_id = baton_record_get_id (BATON_RECORD (person));
  before = export_json (f->store);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-trello", "s", path));
  dialog = wait_for_toplevel (BATON_TYPE_TRELLO_IMPORT_DIALOG);

  /* The client: the second of the workspace (position 0 is New Client). */
  adw_combo_row_set_selected (find_row (dialog, "C_lient"), 2);
  g_assert_cmpint (baton_trello_import_dialog_get_client_id (dialog), ==, client_id);
  g_assert_null (baton_trello_import_dialog_get_new_client_name (dialog));

  /* ana → the workspace's third person, Ben → a new person, Chloé → nobody. */
  g_assert_cmpstr (adw_action_row_get_subtitle (find_row (dialog, "ana souza")), ==, "@anasouza");
  adw_combo_row_set_selected (find_row (dialog, "ana souza"), 2 + 2);
  adw_combo_row_set_selected (find_row (dialog, "Ben Okafor"), 0);
  adw_combo_row_set_selected (find_row (dialog, "Chloé Martin"), 1);
  g_assert_cmpint (baton_trello_import_get_member (baton_trello_import_dialog_get_import (dialog), 0)->person_id,
                   ==, person_id);

  /* The preview: the model's plan with the same choices. */
  expected = baton_trello_import_new_file (f->store, path, &error);
  g_assert_no_error (error);
  baton_trello_import_set_client_id (expected, client_id);
  g_assert_true (baton_trello_import_set_member (expected, "member-ana", BATON_TRELLO_MEMBER_PERSON, person_id, &error));
  g_assert_true (baton_trello_import_set_member (expected, "member-ben", BATON_TRELLO_MEMBER_CREATE, 0, &error));
  g_assert_true (baton_trello_import_set_member (expected, "member-chloe", BATON_TRELLO_MEMBER_UNASSIGNED, 0, &error));
  g_assert_no_error (error);
  preview = baton_trello_import_get_preview (expected);
  g_assert_cmpuint (preview->n_cards, ==, 4);
  g_assert_cmpuint (preview->n_people_matched, ==, 1);
  g_assert_cmpuint (preview->n_people_new, ==, 1);
  g_assert_cmpuint (preview->n_people_unassigned, ==, 1);
  line = g_strdup_printf ("%u new tasks\n", preview->n_new_tasks);
  g_assert_true (shows_text (GTK_WIDGET (dialog), line));
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("%u checklist items\n", preview->n_checklist_items);
  g_assert_true (baton_test_find_widget (GTK_WIDGET (dialog), is_label_containing, line) != NULL);
  g_assert_true (baton_test_find_widget (GTK_WIDGET (dialog), is_label_containing, "\n1 person matched\n1 new person\n1 member left unassigned\n") != NULL);
  g_assert_cmpuint (preview->n_skipped_lists, ==, 1);
  g_assert_cmpuint (preview->n_skipped_cards, ==, 2);
  g_assert_true (baton_test_find_widget (GTK_WIDGET (dialog), is_label_containing, "\n1 archived list skipped\n2 archived cards skipped") != NULL);
  g_assert_true (shows_text (GTK_WIDGET (dialog), preview->actions_notice) == (preview->n_comments > 0));
  for (guint i = 0; i < preview->warnings->len; i++)
    g_assert_true (baton_test_find_widget (GTK_WIDGET (dialog), is_label_containing, preview->warnings->pdata[i]) != NULL);
  toast = g_strdup_printf ("Imported %u cards from “%s”", preview->n_cards, preview->board_name);

  /* Include archived: the preview follows. */
  gtk_switch_set_active (baton_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SWITCH), TRUE);
  g_assert_true (baton_trello_import_dialog_get_include_archived (dialog));
  g_assert_false (baton_test_find_widget (GTK_WIDGET (dialog), is_label_containing, "archived card skipped") != NULL);
  gtk_switch_set_active (baton_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SWITCH), FALSE);
  g_assert_true (baton_test_find_widget (GTK_WIDGET (dialog), is_label_containing, "2 archived cards skipped") != NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "trello-import.import", NULL));
  wait_toplevel_gone (BATON_TYPE_TRELLO_IMPORT_DIALOG);
  assert_toast (f->window, toast);

  /* The tasks and their assignees. */
  g_assert_cmpuint (n_tasks (f->store), ==, 44);
  welcome = find_task_by_external_id (f->store, "trello:card-welcome");
  pilot = find_task_by_external_id (f->store, "trello:card-pilot");
  storyboard = find_task_by_external_id (f->store, "trello:card-storyboard");
  g_assert_nonnull (welcome);
  g_assert_nonnull (pilot);
  g_assert_nonnull (storyboard);
  g_assert_cmpint (baton_task_get_assignee_id (welcome), ==, person_id);
  ben = baton_store_lookup_person (f->store, baton_task_get_assignee_id (pilot));
  g_assert_nonnull (ben);
  g_assert_cmpstr (baton_person_get_name (ben), ==, "Ben Okafor");
  g_assert_cmpint (baton_task_get_assignee_id (storyboard), ==, 0);
  g_assert_cmpuint (n_items (baton_store_get_people (f->store)), ==, n_people + 1);
  g_assert_cmpuint (n_items (baton_store_get_clients (f->store)), ==, n_clients);
  program = baton_store_lookup_program (f->store, baton_task_get_program_id (welcome));
  g_assert_nonnull (program);
  g_assert_cmpint (baton_program_get_client_id (program), ==, client_id);
  g_assert_cmpstr (baton_program_get_name (program), ==, "Acme Onboarding 2026");

  /* The board shows that program. */
  board = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_BOARD_VIEW);
  g_assert_cmpint (baton_board_filter_get_id (board->filter, BATON_BOARD_FILTER_PROGRAM), ==,
                   baton_record_get_id (BATON_RECORD (program)));

  /* One undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  baton_test_drain ();
  g_assert_cmpuint (n_tasks (f->store), ==, 40);
  after = export_json (f->store);
  baton_test_assert_text ("the workspace after Undo", after, before);
}

/* A new client, named after the board by default: one undo takes it back
 * with the program. An empty name cannot be imported. */
static void
test_trello_new_client (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = trello_board_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonTrelloImportDialog *dialog;
  GtkWidget *entry;
  guint n_clients = n_items (baton_store_get_clients (f->store));

  SKIP_WITHOUT_DISPLAY ();

  before = export_json (f->store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-trello", "s", path));
  dialog = wait_for_toplevel (BATON_TYPE_TRELLO_IMPORT_DIALOG);
  g_assert_cmpint (baton_trello_import_dialog_get_client_id (dialog), ==, 0);
  g_assert_cmpstr (baton_trello_import_dialog_get_new_client_name (dialog), ==, "Acme Onboarding 2026");
  g_assert_true (shows_text (GTK_WIDGET (dialog),
                             "Adds the client “Acme Onboarding 2026” with the program “Acme Onboarding 2026”."));

  entry = find_row (dialog, "New Client’s _Name");
  gtk_editable_set_text (GTK_EDITABLE (entry), "  ");
  g_assert_false (action_button_sensitive (GTK_WIDGET (dialog), "trello-import.import"));
  gtk_editable_set_text (GTK_EDITABLE (entry), " Acme Learning ");
  g_assert_true (action_button_sensitive (GTK_WIDGET (dialog), "trello-import.import"));
  g_assert_cmpstr (baton_trello_import_dialog_get_new_client_name (dialog), ==, "Acme Learning");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "trello-import.import", NULL));
  wait_toplevel_gone (BATON_TYPE_TRELLO_IMPORT_DIALOG);
  assert_toast (f->window, "Imported 4 cards from “Acme Onboarding 2026”");
  g_assert_cmpuint (n_items (baton_store_get_clients (f->store)), ==, n_clients + 1);
  g_assert_cmpuint (n_tasks (f->store), ==, 44);
  g_assert_cmpstr (baton_history_get_undo_label (baton_store_get_history (f->store)), ==,
                   "Import Trello Board “Acme Onboarding 2026”");

  /* Again: the client that has the board's program is chosen, and the
   * preview says its tasks are updated. Cancel. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-trello", "s", path));
  dialog = wait_for_toplevel (BATON_TYPE_TRELLO_IMPORT_DIALOG);
  {
    g_autoptr(BatonClient) added = g_list_model_get_item (baton_store_get_clients (f->store), n_clients);

    g_assert_cmpstr (baton_client_get_name (added), ==, "Acme Learning");
    g_assert_cmpint (baton_trello_import_dialog_get_client_id (dialog), ==, baton_record_get_id (BATON_RECORD (added)));
  }
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Updates the client’s program “Acme Onboarding 2026”"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "4 updated tasks"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  wait_toplevel_gone (BATON_TYPE_TRELLO_IMPORT_DIALOG);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  baton_test_drain ();
  g_assert_cmpuint (n_items (baton_store_get_clients (f->store)), ==, n_clients);
  after = export_json (f->store);
  baton_test_assert_text ("the workspace after Undo", after, before);
}

/* Cancel writes nothing, whatever was chosen. */
static void
test_trello_cancel (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *path = trello_board_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonTrelloImportDialog *dialog;

  SKIP_WITHOUT_DISPLAY ();

  before = export_json (f->store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-trello", "s", path));
  dialog = wait_for_toplevel (BATON_TYPE_TRELLO_IMPORT_DIALOG);
  adw_combo_row_set_selected (find_row (dialog, "C_lient"), 1);
  adw_combo_row_set_selected (find_row (dialog, "Ben Okafor"), 1);
  gtk_switch_set_active (baton_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_SWITCH), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  wait_toplevel_gone (BATON_TYPE_TRELLO_IMPORT_DIALOG);

  after = export_json (f->store);
  baton_test_assert_text ("the workspace after Cancel", after, before);
  g_assert_null (baton_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* Files that are no Trello board: the model's message, nothing written. */
static void
test_trello_error (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const bad_files[] = {
    "this is not JSON {",
    "{\"name\": \"A workspace\", \"tasks\": []}",
    "{\"name\": \"Board \xff\xfe\", \"lists\": [], \"cards\": []}",
    "{\"name\": \"Truncated\", \"lists\": [",
  };
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;

  SKIP_WITHOUT_DISPLAY ();

  path = baton_test_workspace_file (f->ws, "board.json");
  before = export_json (f->store);

  for (guint i = 0; i <= G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(BatonTrelloImport) refused = NULL;
      g_autofree char *after = NULL;
      AdwMessageDialog *message;

      if (i < G_N_ELEMENTS (bad_files))
        g_assert_true (g_file_set_contents (path, bad_files[i], -1, &error));
      else
        {
          /* Larger than the import reads. */
          g_autofree char *huge = g_malloc (BATON_TRELLO_MAX_BYTES + 2);

          memset (huge, ' ', BATON_TRELLO_MAX_BYTES + 1);
          huge[0] = '{';
          g_assert_true (g_file_set_contents (path, huge, BATON_TRELLO_MAX_BYTES + 1, &error));
        }
      g_assert_no_error (error);

      refused = baton_trello_import_new_file (f->store, path, &error);
      g_assert_null (refused);
      g_assert_nonnull (error);
      g_debug ("%s", error->message);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-trello", "s", path));
      message = wait_for_message_dialog ();
      g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Import");
      g_assert_cmpstr (adw_message_dialog_get_body (message), ==, error->message);
      g_assert_null (baton_test_find_toplevel (BATON_TYPE_TRELLO_IMPORT_DIALOG));
      close_message_dialog (message);

      after = export_json (f->store);
      baton_test_assert_text ("the workspace", after, before);
    }
}

/* The preview is of the workspace as it is: a stage added while the dialog
 * is open is matched. */
static void
test_trello_follows_store (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = trello_board_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonTrelloImportDialog *dialog;
  const BatonTrelloPreview *preview;
  guint matched;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-trello", "s", path));
  dialog = wait_for_toplevel (BATON_TYPE_TRELLO_IMPORT_DIALOG);
  preview = baton_trello_import_get_preview (baton_trello_import_dialog_get_import (dialog));
  matched = preview->n_stages_matched;
  g_assert_cmpuint (preview->n_stages_new, >, 0);
  before = g_strdup_printf ("%u stages matched by name", matched);
  after = g_strdup_printf ("%u stages matched by name", matched + 1);
  g_assert_true (baton_test_find_widget (GTK_WIDGET (dialog), is_label_containing, before) != NULL);

  g_assert_nonnull (baton_store_create_stage (f->store, "Client Review", 0, &error));
  g_assert_no_error (error);
  g_assert_true (baton_test_find_widget (GTK_WIDGET (dialog), is_label_containing, after) != NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  wait_toplevel_gone (BATON_TYPE_TRELLO_IMPORT_DIALOG);
}

/* Off the main loop ------------------------------------------------------------ */

typedef struct
{
  const char  *path;
  BatonWindow *window;
} WindowFor;

static gboolean
window_for_path_shown (gpointer data)
{
  WindowFor *find = data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (BATON_IS_WINDOW (l->data) &&
        g_strcmp0 (baton_store_get_path (baton_window_get_store (l->data)), find->path) == 0)
      {
        find->window = l->data;
        return TRUE;
      }

  return FALSE;
}

/* Import Workspace: a new private file with the whole document, opened in
 * a window of its own; never over a file, never from a bad document. */
static void
test_import_workspace (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = baton_test_workspace_file (f->ws, "all.json");
  g_autofree char *garbage = baton_test_workspace_file (f->ws, "garbage.json");
  g_autofree char *target = baton_test_workspace_file (f->ws, "From JSON.db");
  g_autofree char *other = baton_test_workspace_file (f->ws, "other.db");
  g_autoptr(AdwMessageDialog) dialog = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  WindowFor find = { target, NULL };
  GStatBuf st;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (baton_json_export_file (f->store, json, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (garbage, "{\"format\": \"baton\", \"tables\": {\"tasks\": [", -1, NULL));

  /* A bad document: the model's message, no file. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-workspace",
                                             "(ss)", garbage, other));
  dialog = wait_for_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import");
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  close_message_dialog (g_steal_pointer (&dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-workspace",
                                             "(ss)", json, target));
  g_assert_true (baton_test_wait_until (window_for_path_shown, &find, 10000));
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  expected = export_json (f->store);
  got = export_json (baton_window_get_store (find.window));
  baton_test_assert_text ("the new workspace", got, expected);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (find.window)), ==, "From JSON — Baton");
  close_window (find.window);

  /* Never over a file that is there. */
  {
    g_autofree char *kept = NULL;
    g_autofree char *again = NULL;
    gsize kept_length = 0;
    gsize again_length = 0;

    g_assert_true (g_file_get_contents (target, &kept, &kept_length, NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-workspace",
                                               "(ss)", json, target));
    dialog = wait_for_message_dialog ();
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already exists"));
    close_message_dialog (g_steal_pointer (&dialog));
    g_assert_true (g_file_get_contents (target, &again, &again_length, NULL));
    g_assert_cmpmem (again, again_length, kept, kept_length);
  }
}

/* A window on a file: its imports read and write on a worker's store, and
 * the window's store adopts them as one undo step each. */
static void
test_worker_imports (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = baton_test_workspace_file (f->ws, "team.db");
  g_autofree char *csv = baton_test_workspace_file (f->ws, "plan.csv");
  g_autofree char *board = trello_board_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *exported = baton_test_workspace_file (f->ws, "team.json");
  g_autofree char *roster = baton_test_workspace_file (f->ws, "roster.csv");
  g_autoptr(BatonStore) store = NULL;
  BatonCsvImportDialog *csv_dialog;
  guint n_people;
  BatonTrelloImportDialog *trello_dialog;
  BatonWindow *window;
  guint n;

  SKIP_WITHOUT_DISPLAY ();

  store = baton_store_open (path, &error);
  g_assert_no_error (error);
  fill_demo (store);
  baton_history_clear (baton_store_get_history (store));
  window = open_window (store);
  before = export_json (store);
  n = n_tasks (store);

  /* CSV, through the column step. */
  g_assert_true (g_file_set_contents (csv, "Aufgabe;Verantwortlich;Fällig\r\n"
                                           "Storyboard;Kim Lee;2026-05-04\r\n"
                                           "Voice-over;Kim Lee;2026-05-11\r\n", -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-tasks", "s", csv));
  csv_dialog = wait_for_toplevel (BATON_TYPE_CSV_IMPORT_DIALOG);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (csv_dialog), "csv-import.continue", NULL));
  assert_csv_page (csv_dialog, "preview");
  g_assert_true (shows_text (GTK_WIDGET (csv_dialog), "2 new tasks"));
  /* Reading wrote nothing. */
  after = export_json (store);
  baton_test_assert_text ("the workspace after the preview", after, before);
  g_clear_pointer (&after, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (csv_dialog), "csv-import.import", NULL));
  wait_toplevel_gone (BATON_TYPE_CSV_IMPORT_DIALOG);
  assert_toast (window, "Imported 2 tasks from plan.csv");
  g_assert_cmpuint (n_tasks (store), ==, n + 2);
  baton_test_assert_store_matches_db (store);

  /* Trello, into a new client. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-trello", "s", board));
  trello_dialog = wait_for_toplevel (BATON_TYPE_TRELLO_IMPORT_DIALOG);
  g_assert_cmpint (baton_trello_import_dialog_get_client_id (trello_dialog), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trello_dialog), "trello-import.import", NULL));
  wait_toplevel_gone (BATON_TYPE_TRELLO_IMPORT_DIALOG);
  assert_toast (window, "Imported 4 cards from “Acme Onboarding 2026”");
  g_assert_cmpuint (n_tasks (store), ==, n + 6);
  g_assert_cmpstr (baton_history_get_undo_label (baton_store_get_history (store)), ==,
                   "Import Trello Board “Acme Onboarding 2026”");
  baton_test_assert_store_matches_db (store);

  /* People, through the column step. */
  n_people = g_list_model_get_n_items (baton_store_get_people (store));
  g_assert_true (g_file_set_contents (roster, "Mitarbeiter,Funktion,Stunden\r\nNora Neu,Lektorat,30\r\n", -1, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-people", "s", roster));
  csv_dialog = wait_for_toplevel (BATON_TYPE_CSV_IMPORT_DIALOG);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (csv_dialog), "csv-import.continue", NULL));
  assert_csv_page (csv_dialog, "preview");
  g_assert_true (shows_text (GTK_WIDGET (csv_dialog), "1 new person\n1 new role"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (csv_dialog), "csv-import.import", NULL));
  wait_toplevel_gone (BATON_TYPE_CSV_IMPORT_DIALOG);
  assert_toast (window, "Imported 1 person from roster.csv");
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_people (store)), ==, n_people + 1);
  g_assert_cmpstr (baton_history_get_undo_label (baton_store_get_history (store)), ==, "Import People from CSV");
  baton_test_assert_store_matches_db (store);

  /* An export reads the file as it is now. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-json", "s", exported));
  assert_toast (window, "Exported 46 tasks to team.json");

  /* Three undo steps take the imports back, in the file too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  baton_test_drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  baton_test_drain ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  baton_test_drain ();
  after = export_json (store);
  baton_test_assert_text ("the workspace after three undos", after, before);
  baton_test_assert_store_matches_db (store);

  close_window (window);
  baton_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Names, mnemonics and width ---------------------------------------------------- */

typedef struct
{
  GString   *problems;
  GArray    *keys;      /* guint: the mnemonic keys seen */
  GPtrArray *targets;   /* what each of them activates */
} Audit;

static void
audit_widget (GtkWidget *widget,
              Audit     *audit)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)) &&
      gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol)
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      GtkWidget *target = gtk_label_get_mnemonic_widget (GTK_LABEL (widget));
      guint i;

      /* An entry row has a label of its own for the title it floats up. */
      target = target != NULL ? target : gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
      for (i = 0; i < audit->keys->len; i++)
        if (g_array_index (audit->keys, guint, i) == key)
          break;
      if (i < audit->keys->len && (target == NULL || g_ptr_array_index (audit->targets, i) != target))
        g_string_append_printf (audit->problems, "mnemonic “%s” comes twice\n",
                                gtk_label_get_label (GTK_LABEL (widget)));
      g_array_append_val (audit->keys, key);
      g_ptr_array_add (audit->targets, target);
    }

  if (GTK_IS_BUTTON (widget) || ADW_IS_COMBO_ROW (widget) || ADW_IS_ENTRY_ROW (widget) || GTK_IS_SWITCH (widget))
    {
      g_autofree char *label = baton_test_accessible_label (widget);
      gboolean named = label != NULL ||
                       gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY) ||
                       (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL) ||
                       (ADW_IS_PREFERENCES_ROW (widget) &&
                        adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget))[0] != '\0');

      /* The combo rows' popovers and the entry row's own buttons are
       * named by the rows. */
      if (!named && !GTK_IS_TOGGLE_BUTTON (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_ENTRY_ROW) == NULL)
        g_string_append_printf (audit->problems, "%s has no name\n", G_OBJECT_TYPE_NAME (widget));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    audit_widget (child, audit);
}

static void
assert_dialog_fits (GtkWidget  *dialog,
                    const char *what)
{
  Audit audit = { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (guint)), g_ptr_array_new () };
  int minimum;

  audit_widget (dialog, &audit);
  if (audit.problems->len > 0)
    g_test_message ("%s:\n%s", what, audit.problems->str);
  g_assert_cmpstr (audit.problems->str, ==, "");
  baton_test_assert_mnemonic_names (dialog, G_TYPE_INVALID, what);

  gtk_widget_measure (dialog, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  g_string_free (audit.problems, TRUE);
  g_array_unref (audit.keys);
  g_ptr_array_unref (audit.targets);
}

/* Both dialogs: every control named, each mnemonic once, no wider than a
 * phone's 360 px. */
static void
test_import_dialogs_audit (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *board = trello_board_path ();
  g_autofree char *path = NULL;
  BatonCsvImportDialog *csv;
  BatonTrelloImportDialog *trello;

  SKIP_WITHOUT_DISPLAY ();

  path = baton_test_workspace_file (f->ws, "plan.csv");
  g_assert_true (g_file_set_contents (path, "Task,Owner,Deadline,A rather long column name that goes on\r\n"
                                            "Write,Kim,2026-05-04,x\r\n", -1, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-tasks", "s", path));
  csv = wait_for_toplevel (BATON_TYPE_CSV_IMPORT_DIALOG);
  assert_dialog_fits (GTK_WIDGET (csv), "the columns page");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (csv), "csv-import.continue", NULL));
  assert_csv_page (csv, "preview");
  assert_dialog_fits (GTK_WIDGET (csv), "the preview page");
  close_csv_dialog (csv);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-trello", "s", board));
  trello = wait_for_toplevel (BATON_TYPE_TRELLO_IMPORT_DIALOG);
  assert_dialog_fits (GTK_WIDGET (trello), "the Trello dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (trello), "window.close", NULL));
  wait_toplevel_gone (BATON_TYPE_TRELLO_IMPORT_DIALOG);
}

/* People exported from the menu: a private file that imports back with
 * every person unchanged, and a toast that counts them. */
static void
test_people_export (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(BatonCsvPeopleImport) import = NULL;
  guint n_people = g_list_model_get_n_items (baton_store_get_people (f->store));

  SKIP_WITHOUT_DISPLAY ();

  path = baton_test_workspace_file (f->ws, "people.csv");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-people", "s", path));
  message = g_strdup_printf ("Exported %u people to people.csv", n_people);
  assert_toast (f->window, message);
  assert_private_file (path);
  import = baton_csv_people_import_prepare_file (f->store, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (baton_csv_people_import_get_preview (import)->n_rows, ==, n_people);
  g_assert_cmpuint (baton_csv_people_import_get_preview (import)->n_unchanged_people, ==, n_people);
}

/* A roster with German column names: the columns step guesses them, the
 * preview counts, Import adds and updates in one undo step. */
static void
test_people_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(BatonPerson) first = g_list_model_get_item (baton_store_get_people (f->store), 0);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const BatonCsvPeopleMapping *mapping;
  BatonCsvImportDialog *dialog;
  guint n_people = g_list_model_get_n_items (baton_store_get_people (f->store));
  BatonPerson *kim = NULL;
  gint64 hours;

  SKIP_WITHOUT_DISPLAY ();

  path = baton_test_workspace_file (f->ws, "team.csv");
  /* The first person gets a whole hour more than they have. */
  hours = baton_person_get_weekly_capacity_minutes (first) / 60 + 1;
  text = g_strdup_printf ("Name;Rolle;Wochenstunden\r\nKim Neu;Kursleitung;20.5\r\n%s;;%" G_GINT64_FORMAT "\r\n",
                          baton_person_get_name (first), hours);
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
  before = export_json (f->store);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-people", "s", path));
  dialog = wait_for_toplevel (BATON_TYPE_CSV_IMPORT_DIALOG);
  assert_csv_page (dialog, "columns");
  g_assert_true (baton_csv_import_dialog_get_for_people (dialog));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Import People");

  rows = csv_column_rows (dialog);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (adw_combo_row_get_selected (rows->pdata[0]), ==, BATON_CSV_PEOPLE_FIELD_NAME + 1);
  g_assert_cmpuint (adw_combo_row_get_selected (rows->pdata[1]), ==, BATON_CSV_PEOPLE_FIELD_ROLE + 1);
  g_assert_cmpuint (adw_combo_row_get_selected (rows->pdata[2]), ==, BATON_CSV_PEOPLE_FIELD_WEEKLY_CAPACITY_HOURS + 1);
  mapping = baton_csv_import_dialog_get_people_mapping (dialog);
  g_assert_cmpint (mapping->columns[BATON_CSV_PEOPLE_FIELD_NAME], ==, 0);
  g_assert_cmpint (mapping->columns[BATON_CSV_PEOPLE_FIELD_ROLE], ==, 1);
  g_assert_cmpint (mapping->columns[BATON_CSV_PEOPLE_FIELD_WEEKLY_CAPACITY_HOURS], ==, 2);
  g_assert_cmpint (mapping->columns[BATON_CSV_PEOPLE_FIELD_EMAIL], ==, -1);

  /* Without a name column it cannot go on, and says why. */
  adw_combo_row_set_selected (rows->pdata[0], 0);
  g_assert_false (action_button_sensitive (GTK_WIDGET (dialog), "csv-import.continue"));
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Choose the column that holds the people’s names."));
  adw_combo_row_set_selected (rows->pdata[0], BATON_CSV_PEOPLE_FIELD_NAME + 1);

  g_assert_true (action_button_sensitive (GTK_WIDGET (dialog), "csv-import.continue"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.continue", NULL));
  assert_csv_page (dialog, "preview");
  g_assert_true (shows_text (GTK_WIDGET (dialog), "Import People from “team.csv”?"));
  g_assert_nonnull (baton_test_find_widget (GTK_WIDGET (dialog), is_label_containing,
                                            "1 new person\n1 updated person\n1 new role"));
  /* The preview wrote nothing. */
  after = export_json (f->store);
  baton_test_assert_text ("the workspace after the preview", after, before);
  g_clear_pointer (&after, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.import", NULL));
  wait_toplevel_gone (BATON_TYPE_CSV_IMPORT_DIALOG);
  assert_toast (f->window, "Imported 2 people from team.csv");
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_people (f->store)), ==, n_people + 1);
  for (guint i = 0; i < n_people + 1; i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (baton_store_get_people (f->store), i);

      if (g_str_equal (baton_person_get_name (person), "Kim Neu"))
        kim = person;
    }
  g_assert_nonnull (kim);
  g_assert_cmpint (baton_person_get_weekly_capacity_minutes (kim), ==, 20 * 60 + 30);
  g_assert_cmpstr (baton_role_get_name (baton_store_lookup_role (f->store, baton_store_get_primary_role_id (f->store, kim))),
                   ==, "Kursleitung");
  g_assert_cmpint (baton_person_get_weekly_capacity_minutes (first), ==, hours * 60);
  g_assert_cmpstr (baton_history_get_undo_label (baton_store_get_history (f->store)), ==, "Import People from CSV");

  /* One undo takes it all back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  baton_test_drain ();
  after = export_json (f->store);
  baton_test_assert_text ("the workspace after Undo", after, before);
}

/* A cell the import refuses: the dialog stays on the columns with the
 * message, and nothing is written. */
static void
test_people_import_error (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonCsvImportDialog *dialog;
  const char *message = "Line 3: The weekly_capacity_hours “viele” is not a number of hours from 0 to 168.";

  SKIP_WITHOUT_DISPLAY ();

  path = baton_test_workspace_file (f->ws, "team.csv");
  g_assert_true (g_file_set_contents (path, "Mitarbeiterin,Stunden\nKim Neu,20\nBo Neu,viele\n", -1, &error));
  g_assert_no_error (error);
  before = export_json (f->store);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-people", "s", path));
  dialog = wait_for_toplevel (BATON_TYPE_CSV_IMPORT_DIALOG);
  assert_csv_page (dialog, "columns");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "csv-import.continue", NULL));
  assert_csv_page (dialog, "columns");
  g_assert_true (shows_text (GTK_WIDGET (dialog), message));
  g_assert_true (action_button_sensitive (GTK_WIDGET (dialog), "csv-import.continue"));

  close_csv_dialog (dialog);
  after = export_json (f->store);
  baton_test_assert_text ("the workspace", after, before);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The demo's folder, which /exchange-ui/recent writes to. */
  cache = g_dir_make_tmp ("test-exchange-ui-cache-XXXXXX", NULL);
  g_assert_nonnull (cache);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  if (gtk_init_check ())
    app = baton_test_register_application (G_APPLICATION (baton_application_new ()));
  else
    g_debug ("No display: every case is skipped");

  g_test_add ("/exchange-ui/menu", Fixture, NULL, fixture_set_up, test_menu, fixture_tear_down);
  g_test_add ("/exchange-ui/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/exchange-ui/export-error", Fixture, NULL, fixture_set_up, test_export_error, fixture_tear_down);
  g_test_add ("/exchange-ui/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/exchange-ui/import-error", Fixture, NULL, fixture_set_up, test_import_error, fixture_tear_down);
  g_test_add ("/exchange-ui/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add ("/exchange-ui/save-copy", Fixture, NULL, fixture_set_up, test_save_copy, fixture_tear_down);
  g_test_add ("/exchange-ui/save-copy-self", Fixture, NULL, fixture_set_up, test_save_copy_self, fixture_tear_down);
  g_test_add ("/exchange-ui/restore-backup", Fixture, NULL, fixture_set_up, test_restore_backup, fixture_tear_down);
  g_test_add ("/exchange-ui/restore-backup-empty", Fixture, NULL, fixture_set_up, test_restore_backup_empty, fixture_tear_down);
  g_test_add ("/exchange-ui/title", Fixture, NULL, fixture_set_up, test_title, fixture_tear_down);
  g_test_add ("/exchange-ui/new-workspace", Fixture, NULL, fixture_set_up, test_new_workspace, fixture_tear_down);
  g_test_add ("/exchange-ui/new-workspace-exists", Fixture, NULL, fixture_set_up, test_new_workspace_exists, fixture_tear_down);
  g_test_add ("/exchange-ui/open-workspace", Fixture, NULL, fixture_set_up, test_open_workspace, fixture_tear_down);
  g_test_add ("/exchange-ui/open-workspace-error", Fixture, NULL, fixture_set_up, test_open_workspace_error, fixture_tear_down);
  g_test_add ("/exchange-ui/recent", Fixture, NULL, fixture_set_up, test_recent, fixture_tear_down);
  g_test_add ("/exchange-ui/csv-guess", Fixture, NULL, fixture_set_up, test_csv_guess, fixture_tear_down);
  g_test_add ("/exchange-ui/csv-invalid", Fixture, NULL, fixture_set_up, test_csv_invalid, fixture_tear_down);
  g_test_add ("/exchange-ui/people-export", Fixture, NULL, fixture_set_up, test_people_export, fixture_tear_down);
  g_test_add ("/exchange-ui/people-import", Fixture, NULL, fixture_set_up, test_people_import, fixture_tear_down);
  g_test_add ("/exchange-ui/people-import-error", Fixture, NULL, fixture_set_up, test_people_import_error, fixture_tear_down);
  g_test_add ("/exchange-ui/csv-prepare-error", Fixture, NULL, fixture_set_up, test_csv_prepare_error, fixture_tear_down);
  g_test_add ("/exchange-ui/trello-import", Fixture, NULL, fixture_set_up, test_trello_import, fixture_tear_down);
  g_test_add ("/exchange-ui/trello-new-client", Fixture, NULL, fixture_set_up, test_trello_new_client, fixture_tear_down);
  g_test_add ("/exchange-ui/trello-cancel", Fixture, NULL, fixture_set_up, test_trello_cancel, fixture_tear_down);
  g_test_add ("/exchange-ui/trello-error", Fixture, NULL, fixture_set_up, test_trello_error, fixture_tear_down);
  g_test_add ("/exchange-ui/trello-follows-store", Fixture, NULL, fixture_set_up, test_trello_follows_store, fixture_tear_down);
  g_test_add ("/exchange-ui/import-workspace", Fixture, NULL, fixture_set_up, test_import_workspace, fixture_tear_down);
  g_test_add ("/exchange-ui/worker-imports", Fixture, NULL, fixture_set_up, test_worker_imports, fixture_tear_down);
  g_test_add ("/exchange-ui/import-dialogs-audit", Fixture, NULL, fixture_set_up, test_import_dialogs_audit, fixture_tear_down);

  status = g_test_run ();
  baton_test_rm_rf (cache);

  return status;
}
