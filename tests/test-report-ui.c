/* test-report-ui.c — the report window, printing, and where they open from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "baton-application.h"
#include "baton-capacity-view.h"
#include "baton-clients-view.h"
#include "baton-dates.h"
#include "baton-demo.h"
#include "baton-report-dialog.h"
#include "baton-report-print.h"
#include "baton-report-status.h"
#include "baton-window.h"
#include "baton-test-pdf.h"
#include "baton-test-util.h"
#include "baton-ui-test-util.h"

#define TODAY "2026-11-25"

typedef struct
{
  BatonStore       *store;
  BatonWindow      *window;
} Fixture;

static BatonApplication *app;

static guint32
day (const char *text)
{
  guint32 julian = 0;

  g_assert_true (baton_date_parse (text, &julian));
  return julian;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonDemoSize size;

  if (app == NULL)
    {
      g_test_skip ("no display");
      return;
    }
  f->store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  baton_demo_size_init_default (&size);
  size.today = day (TODAY);
  g_assert_true (baton_demo_generate (f->store, &size, &error));
  g_assert_no_error (error);

  f->window = baton_window_new (GTK_APPLICATION (app), f->store);
  baton_test_show_window (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *dialog;

  if (app == NULL)
    return;
  while ((dialog = baton_test_find_toplevel (BATON_TYPE_REPORT_DIALOG)) != NULL)
    baton_test_destroy_window (GTK_WINDOW (dialog));
  baton_test_destroy_window (GTK_WINDOW (f->window));
  baton_test_drain ();
  g_clear_object (&f->store);
}

static BatonClient *
first_client (Fixture *f)
{
  BatonClient *client = g_list_model_get_item (baton_store_get_clients (f->store), 0);

  g_object_unref (client);  /* the store keeps it */
  return client;
}

static gpointer
find_check (GtkWidget *root)
{
  return baton_test_find_descendant (root, GTK_TYPE_CHECK_BUTTON);
}

/* The client page's Status Report opens the window for that client, with a
 * report ready to print; the capacity view's opens the capacity report. */
static void
test_open_from_views (Fixture       *f,
                      gconstpointer  data)
{
  BatonClientsView *clients;
  GtkWidget *capacity;
  BatonReportDialog *dialog;
  BatonReportDoc *doc;

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "clients");
  clients = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_CLIENTS_VIEW);
  g_assert_nonnull (clients);
  baton_clients_view_select_client (clients, first_client (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (clients), "clients.status-report", NULL));
  dialog = baton_test_find_toplevel (BATON_TYPE_REPORT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  doc = baton_report_dialog_get_doc (dialog);
  g_assert_nonnull (doc);
  g_assert_null (baton_report_dialog_get_problem (dialog));
  g_assert_cmpuint (baton_report_doc_get_n_pages (doc), >=, 1);
  g_assert_nonnull (strstr (baton_report_doc_get_title (doc), baton_client_get_name (first_client (f))));
  /* A screen reader hears "Print…", not "_Print… Print…". */
  baton_test_assert_mnemonic_names (GTK_WIDGET (dialog), G_TYPE_INVALID, "the report window");
  {
    g_autoptr(GPtrArray) checks = baton_test_find_widgets (GTK_WIDGET (dialog), baton_test_widget_is_of_type,
                                                           &(GType) { GTK_TYPE_CHECK_BUTTON });

    /* Named by their rows once, not twice. */
    for (guint i = 0; i < checks->len; i++)
      g_assert_null (baton_test_accessible_label (g_ptr_array_index (checks, i)));
  }
  baton_test_destroy_window (GTK_WINDOW (dialog));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "capacity");
  capacity = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_CAPACITY_VIEW);
  g_assert_nonnull (capacity);
  g_assert_true (gtk_widget_activate_action (capacity, "capacity.report", NULL));
  dialog = baton_test_find_toplevel (BATON_TYPE_REPORT_DIALOG);
  g_assert_nonnull (dialog);
  doc = baton_report_dialog_get_doc (dialog);
  g_assert_nonnull (doc);
  g_assert_cmpstr (baton_report_doc_get_title (doc), ==, "Capacity report");
}

/* Choices that give no report say why and disable Print and Export; fixing
 * them brings the report back. */
static void
test_problems (Fixture       *f,
               gconstpointer  data)
{
  BatonReportDialog *dialog;
  GtkWidget *check;
  g_autoptr(GPtrArray) checks = NULL;

  dialog = BATON_REPORT_DIALOG (baton_report_dialog_new_status (GTK_WINDOW (f->window), f->store, NULL,
                                                                baton_record_get_id (BATON_RECORD (first_client (f)))));
  baton_test_show_window (GTK_WINDOW (dialog));
  g_assert_nonnull (baton_report_dialog_get_doc (dialog));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (dialog)));

  /* Every program unticked. */
  checks = baton_test_find_widgets (GTK_WIDGET (dialog), baton_test_widget_is_of_type,
                                    &(GType) { GTK_TYPE_CHECK_BUTTON });
  g_assert_cmpuint (checks->len, >, 0);
  for (guint i = 0; i < checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (checks, i), FALSE);
  g_assert_null (baton_report_dialog_get_doc (dialog));
  g_assert_cmpstr (baton_report_dialog_get_problem (dialog), ==, "Choose at least one program.");
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "report.print", NULL) &&
                  baton_report_dialog_get_doc (dialog) != NULL);

  check = find_check (GTK_WIDGET (dialog));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_nonnull (baton_report_dialog_get_doc (dialog));
  g_assert_null (baton_report_dialog_get_problem (dialog));
}

/* Printing draws with the same functions as the PDF: printed to a file, the
 * report has the same pages and text; and the page setup is remembered. */
static void
test_print_to_file (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(BatonReportDoc) doc = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) remembered = NULL;
  g_autofree char *dir = baton_test_make_dir ();
  g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
  g_autofree char *exported = g_build_filename (dir, "exported.pdf", NULL);
  g_autofree char *printed_text = NULL;
  g_autofree char *exported_text = NULL;
  BatonStatusReportOptions options;
  BatonCapacitySettings capacity;
  GtkPrintOperationResult result;

  g_settings_reset (settings, "page-setup");
  baton_capacity_settings_init_default (&capacity);
  baton_status_report_options_init (&options, baton_record_get_id (BATON_RECORD (first_client (f))), day (TODAY));
  doc = baton_status_report_new (f->store, &capacity, &options, &error);
  g_assert_no_error (error);

  operation = baton_report_print_operation_new (doc, settings);
  {
    g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
    g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

    gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
    gtk_print_operation_set_default_page_setup (operation, setup);
  }
  gtk_print_operation_set_export_filename (operation, printed);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (printed, G_FILE_TEST_EXISTS));

  g_assert_true (baton_report_doc_write_pdf (doc, exported, BATON_PAPER_A4, &error));
  g_assert_no_error (error);

  printed_text = baton_test_pdf_text (printed, 0, 0);
  if (printed_text == NULL)
    goto out;
  exported_text = baton_test_pdf_text (exported, 0, 0);
  g_assert_cmpuint (baton_test_pdf_n_pages (printed), ==, baton_test_pdf_n_pages (exported));
  g_assert_cmpstr (printed_text, ==, exported_text);

  remembered = g_settings_get_value (settings, "page-setup");
  g_assert_cmpuint (g_variant_n_children (remembered), >, 0);
  g_assert_cmpint (baton_report_paper_from_settings (settings), ==, BATON_PAPER_A4);

out:
  baton_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (gtk_init_check ())
    app = baton_test_register_application (G_APPLICATION (baton_application_new ()));
  else
    g_debug ("No display: every case is skipped");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/report-ui/open-from-views", test_open_from_views);
  ADD ("/report-ui/problems", test_problems);
  ADD ("/report-ui/print-to-file", test_print_to_file);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
