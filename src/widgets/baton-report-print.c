/* baton-report-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "baton-report-print.h"

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GVariant *
read_variant (GSettings  *settings,
              const char *key)
{
  g_autoptr(GVariant) value = NULL;

  if (settings == NULL)
    return NULL;
  value = g_settings_get_value (settings, key);
  if (g_variant_n_children (value) == 0)
    return NULL;
  return g_steal_pointer (&value);
}

static GtkPageSetup *
remembered_page_setup (GSettings *settings)
{
  g_autoptr(GVariant) value = read_variant (settings, "page-setup");

  return value != NULL ? gtk_page_setup_new_from_gvariant (value) : NULL;
}

BatonPaper
baton_report_paper_from_settings (GSettings *settings)
{
  g_autoptr(GtkPageSetup) setup = remembered_page_setup (settings);
  GtkPaperSize *paper;

  if (setup == NULL)
    return baton_report_paper_from_locale ();
  paper = gtk_page_setup_get_paper_size (setup);
  /* US Letter within a millimetre; everything else is laid out on A4. */
  if (ABS (gtk_paper_size_get_width (paper, GTK_UNIT_MM) - 215.9) < 1.0 &&
      ABS (gtk_paper_size_get_height (paper, GTK_UNIT_MM) - 279.4) < 1.0)
    return BATON_PAPER_LETTER;
  return BATON_PAPER_A4;
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                BatonReportDoc    *doc)
{
  guint n_pages = baton_report_doc_paginate (doc, gtk_print_context_get_cairo_context (context),
                                             gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) MAX (n_pages, 1));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              BatonReportDoc    *doc)
{
  if (page_nr >= 0 && (guint) page_nr < baton_report_doc_get_n_pages (doc))
    baton_report_doc_draw_page (doc, gtk_print_context_get_cairo_context (context), (guint) page_nr);
}

static void
on_done (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         GSettings               *settings)
{
  GtkPrintSettings *print_settings;
  GtkPageSetup *setup;

  if (result != GTK_PRINT_OPERATION_RESULT_APPLY || settings == NULL)
    return;

  print_settings = gtk_print_operation_get_print_settings (operation);
  if (print_settings != NULL)
    {
      g_autoptr(GtkPageSetup) chosen = gtk_page_setup_new ();
      GtkPaperSize *paper = gtk_print_settings_get_paper_size (print_settings);

      g_settings_set_value (settings, "print-settings", gtk_print_settings_to_gvariant (print_settings));
      /* The page setup chosen in the dialog (embedded) is in the print
       * settings: remember it on its own for the next report and the PDF. */
      if (paper != NULL)
        {
          gtk_page_setup_set_paper_size_and_default_margins (chosen, paper);
          gtk_page_setup_set_orientation (chosen, gtk_print_settings_get_orientation (print_settings));
          g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (chosen));
          gtk_paper_size_free (paper);
          return;
        }
    }
  setup = gtk_print_operation_get_default_page_setup (operation);
  if (setup != NULL)
    g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (setup));
}

static void
unref_doc_closure (gpointer  data,
                   GClosure *closure)
{
  baton_report_doc_unref (data);
}

static void
unref_object_closure (gpointer  data,
                      GClosure *closure)
{
  g_object_unref (data);
}

GtkPrintOperation *
baton_report_print_operation_new (BatonReportDoc *doc,
                                  GSettings      *settings)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GVariant) print_value = read_variant (settings, "print-settings");
  g_autoptr(GtkPageSetup) setup = remembered_page_setup (settings);

  if (print_value != NULL)
    {
      g_autoptr(GtkPrintSettings) print_settings = gtk_print_settings_new_from_gvariant (print_value);

      gtk_print_operation_set_print_settings (operation, print_settings);
    }
  if (setup == NULL)
    {
      /* The locale's paper. */
      g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (NULL);

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
    }
  gtk_print_operation_set_default_page_setup (operation, setup);

  /* The report keeps its own margins, in points, on the whole sheet. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_job_name (operation, baton_report_doc_get_title (doc));

  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print),
                         baton_report_doc_ref (doc), unref_doc_closure, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page),
                         baton_report_doc_ref (doc), unref_doc_closure, 0);
  if (settings != NULL)
    g_signal_connect_data (operation, "done", G_CALLBACK (on_done),
                           g_object_ref (settings), unref_object_closure, 0);

  return operation;
}

void
baton_report_print (GtkWindow      *parent,
                    BatonReportDoc *doc,
                    GSettings      *settings)
{
  g_autoptr(GtkPrintOperation) operation = baton_report_print_operation_new (doc, settings);
  g_autoptr(GError) error = NULL;

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (parent, _("Could Not Print"), error->message);
}

typedef struct
{
  GtkWindow      *parent;
  BatonReportDoc *doc;
  GSettings      *settings;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->parent);
  baton_report_doc_unref (data->doc);
  g_clear_object (&data->settings);
  g_free (data);
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    ExportData      *data)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL &&
      !baton_report_doc_write_pdf (data->doc, path, baton_report_paper_from_settings (data->settings), &error))
    show_error (data->parent, _("Could Not Export the Report"), error->message);

  export_data_free (data);
  g_object_unref (native);
}

void
baton_report_export_pdf (GtkWindow      *parent,
                         BatonReportDoc *doc,
                         GSettings      *settings,
                         const char     *suggested_name)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ExportData *data = g_new0 (ExportData, 1);

  data->parent = parent != NULL ? g_object_ref (parent) : NULL;
  data->doc = baton_report_doc_ref (doc);
  data->settings = settings != NULL ? g_object_ref (settings) : NULL;

  /* A native chooser: the file chooser portal inside Flatpak. */
  native = gtk_file_chooser_native_new (_("Export PDF"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
