/* baton-exchange.h — exports and import summaries shared by the menus and the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-capacity.h"
#include "baton-csv.h"
#include "baton-ics.h"
#include "baton-store.h"

G_BEGIN_DECLS

typedef enum
{
  BATON_EXPORT_JSON,          /* the whole workspace as Baton JSON */
  BATON_EXPORT_TASKS_CSV,     /* tasks as CSV */
  BATON_EXPORT_PEOPLE_CSV,    /* the people, their roles and hours as CSV */
  BATON_EXPORT_CAPACITY_CSV,  /* capacity per person and week as CSV */
  BATON_EXPORT_ICS,           /* dated tasks and time off as iCalendar */
} BatonExportKind;

typedef struct
{
  BatonExportKind              kind;
  /* BATON_EXPORT_CAPACITY_CSV: @n_weeks weeks from the week that holds
   * @first_day (a julian day); settings NULL means the defaults. */
  const BatonCapacitySettings *capacity_settings;
  guint32                      first_day;
  guint                        n_weeks;
  /* BATON_EXPORT_ICS: NULL means everything. */
  const BatonIcsOptions       *ics_options;
} BatonExportRequest;

/* Refuses (G_IO_ERROR_EXISTS) to export over the workspace's own file. */
gboolean  baton_exchange_check_export_path (BatonStore               *store,
                                            const char               *path,
                                            const char               *name,
                                            GError                  **error);

/* Writes @store to @path through the model's writers (whole and private:
 * 0600) and sets @summary to a sentence for the person, such as “Exported
 * 160 tasks to @name” (@name: the file as the person should read it). */
gboolean  baton_exchange_export           (BatonStore                *store,
                                           const BatonExportRequest  *request,
                                           const char                *path,
                                           const char                *name,
                                           char                     **summary,
                                           GError                   **error);

/* “Imported 160 tasks from @name”: every task of the file's rows. */
char     *baton_exchange_import_summary   (const BatonCsvPreview     *preview,
                                           const char                *name);

G_END_DECLS
