/* baton-report-print.h — print a report, or save it as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing lays the report out for the chosen paper and draws it with the
 * same functions as the PDF (baton-report-doc.h). The page setup and the
 * printer's settings are remembered in GSettings ("page-setup",
 * "print-settings").
 */

#pragma once

#include <gtk/gtk.h>

#include "baton-report-doc.h"

G_BEGIN_DECLS

/* A print operation for @doc (transfer full), with the remembered settings
 * and the page setup in the dialog. It saves them back when it prints.
 * @settings: the app's GSettings, or NULL. */
GtkPrintOperation *baton_report_print_operation_new (BatonReportDoc *doc,
                                                     GSettings      *settings);

/* Runs the print dialog for @doc over @parent; failures are shown in a
 * message dialog. */
void               baton_report_print               (GtkWindow      *parent,
                                                     BatonReportDoc *doc,
                                                     GSettings      *settings);

/* Asks where to save @doc as a PDF (@suggested_name) and saves it; the
 * paper is the remembered page setup's, else the locale's. Failures are
 * shown in a message dialog. */
void               baton_report_export_pdf          (GtkWindow      *parent,
                                                     BatonReportDoc *doc,
                                                     GSettings      *settings,
                                                     const char     *suggested_name);

/* The paper reports use: the remembered page setup's (Letter or A4), else
 * the locale's. */
BatonPaper         baton_report_paper_from_settings (GSettings      *settings);

G_END_DECLS
