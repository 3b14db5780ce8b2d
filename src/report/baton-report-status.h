/* baton-report-status.h — a client's status report and the capacity report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The two documents Baton lets out: built from the report data
 * (baton-report-data.h) as report blocks, ready to be laid out for the
 * printer, the preview or a PDF.
 */

#pragma once

#include "baton-report-data.h"
#include "baton-report-doc.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      client_id;
  GArray     *program_ids;   /* gint64; NULL or empty: all the client's programs */
  guint32     from_day;
  guint32     to_day;        /* inclusive */
  guint32     today;
  gint        health;        /* -1: Baton's; else the coordinator's BatonHealth */
  const char *status_note;   /* the coordinator's words for the status; NULL: Baton's reason */
  const char *author;        /* "Prepared by"; NULL: the user's name */
} BatonStatusReportOptions;

void            baton_status_report_options_init (BatonStatusReportOptions    *options,
                                                  gint64                       client_id,
                                                  guint32                      today);

/* Fails as baton_status_report_data_new () does. */
BatonReportDoc *baton_status_report_new          (BatonStore                     *store,
                                                  const BatonCapacitySettings    *settings,
                                                  const BatonStatusReportOptions *options,
                                                  GError                        **error);

/* @n_weeks weeks from the one holding @first_day. */
BatonReportDoc *baton_capacity_report_new        (BatonStore                  *store,
                                                  const BatonCapacitySettings *settings,
                                                  guint32                      first_day,
                                                  guint                        n_weeks,
                                                  guint32                      today,
                                                  const char                  *author,
                                                  GError                     **error);

G_END_DECLS
