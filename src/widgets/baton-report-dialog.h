/* baton-report-dialog.h — choose what a report covers, preview, print, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window for both reports: the status report of a client (period,
 * programs, the status in the coordinator's words) and the capacity report
 * (first week, number of weeks). It previews the first page as it will be
 * printed, and offers Print… and Export PDF… (the actions "report.print"
 * and "report.export-pdf").
 */

#pragma once

#include <adwaita.h>

#include "baton-capacity.h"
#include "baton-report-doc.h"
#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_REPORT_DIALOG (baton_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BatonReportDialog, baton_report_dialog, BATON, REPORT_DIALOG, AdwWindow)

GtkWidget      *baton_report_dialog_new_status   (GtkWindow                   *parent,
                                                  BatonStore                  *store,
                                                  const BatonCapacitySettings *settings,
                                                  gint64                       client_id);
GtkWidget      *baton_report_dialog_new_capacity (GtkWindow                   *parent,
                                                  BatonStore                  *store,
                                                  const BatonCapacitySettings *settings,
                                                  guint32                      first_day,
                                                  guint                        n_weeks);

/* The report as the choices stand (built now if a change is pending), or
 * NULL when they are not valid (see baton_report_dialog_get_problem ()). */
BatonReportDoc *baton_report_dialog_get_doc      (BatonReportDialog           *self);
/* Why there is no report, or NULL. */
const char     *baton_report_dialog_get_problem  (BatonReportDialog           *self);

G_END_DECLS
