/* baton-exchange-job.h — imports and exports on a worker thread, with progress and cancel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-csv.h"
#include "baton-exchange.h"
#include "baton-trello.h"

G_BEGIN_DECLS

#define BATON_TYPE_EXCHANGE_JOB (baton_exchange_job_get_type ())
G_DECLARE_FINAL_TYPE (BatonExchangeJob, baton_exchange_job, BATON, EXCHANGE_JOB, GObject)

/* A job reads or writes on a worker thread with a store of its own (its
 * own connection to the workspace file), so that the window keeps drawing.
 * An import writes in one transaction there; a cancel before it commits
 * leaves nothing written, and the window's store then adopts what was
 * written as one undo step. A store that is no file (":memory:") cannot
 * be opened twice: its jobs run on the main thread instead.
 *
 * Reading jobs (read_csv, read_people_csv, read_trello) write nothing: they hand over an
 * import object, planned against the worker's store as the file was, for
 * a preview and the choices of a dialog. The writing job then plans again
 * against the file as it is, with those choices. */

/* Writes @request's export of @store to @path (whole, private) — through a
 * file beside it that replaces @path only when the export is complete and
 * not cancelled. */
BatonExchangeJob  *baton_exchange_job_new_export          (BatonStore               *store,
                                                           const BatonExportRequest *request,
                                                           const char               *path);
/* Plans a CSV import of @path (@mapping NULL: the file's own header). */
BatonExchangeJob  *baton_exchange_job_new_read_csv        (BatonStore               *store,
                                                           const char               *path,
                                                           const BatonCsvMapping    *mapping);
BatonExchangeJob  *baton_exchange_job_new_import_csv      (BatonStore               *store,
                                                           const char               *path,
                                                           const BatonCsvMapping    *mapping);
/* The same for people (baton_csv_people_import_prepare ()). */
BatonExchangeJob  *baton_exchange_job_new_read_people_csv   (BatonStore                  *store,
                                                             const char                  *path,
                                                             const BatonCsvPeopleMapping *mapping);
BatonExchangeJob  *baton_exchange_job_new_import_people_csv (BatonStore                  *store,
                                                             const char                  *path,
                                                             const BatonCsvPeopleMapping *mapping);
/* Reads a Trello board export. */
BatonExchangeJob  *baton_exchange_job_new_read_trello     (BatonStore               *store,
                                                           const char               *path);
/* Imports the board at @path with the choices of @choices (a read job's
 * import, after a dialog): its client, archived setting and member
 * mapping. @new_client_name, when not NULL, names a client to create for
 * it in the same undo step (the client id of @choices is ignored then). */
BatonExchangeJob  *baton_exchange_job_new_import_trello   (BatonStore               *store,
                                                           const char               *path,
                                                           BatonTrelloImport        *choices,
                                                           const char               *new_client_name);
/* A new workspace at @target from the Baton JSON document @path. */
BatonExchangeJob  *baton_exchange_job_new_import_workspace (const char              *path,
                                                            const char              *target);

void               baton_exchange_job_run_async   (BatonExchangeJob     *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean           baton_exchange_job_run_finish  (BatonExchangeJob     *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

/* The share done, 0 to 1, or a negative number while it cannot be told
 * (reading). Notified on the main thread while the job runs. */
double             baton_exchange_job_get_fraction (BatonExchangeJob    *self);
gboolean           baton_exchange_job_get_running  (BatonExchangeJob    *self);
/* After success: the sentence for the person ("Exported 160 tasks to …"). */
const char        *baton_exchange_job_get_summary  (BatonExchangeJob    *self);
/* After an import: FALSE when the window's store had to read the file
 * again (it changed the same rows meanwhile), so the import is no undo
 * step. */
gboolean           baton_exchange_job_get_undoable (BatonExchangeJob    *self);
/* After a Trello import: the program it wrote into (0: none). */
gint64             baton_exchange_job_get_program_id (BatonExchangeJob  *self);
/* The file the job reads or writes. */
const char        *baton_exchange_job_get_path     (BatonExchangeJob    *self);
/* After a reading job: the planned import (transfer full). */
BatonCsvImport    *baton_exchange_job_take_csv_import    (BatonExchangeJob *self);
BatonTrelloImport *baton_exchange_job_take_trello_import (BatonExchangeJob *self);
BatonCsvPeopleImport *baton_exchange_job_take_people_csv_import (BatonExchangeJob *self);

/* Runs @self, and shows a dialog with its progress and a Cancel button
 * over @parent when it takes longer than a moment; the dialog goes when
 * the job ends. @heading: "Importing “tasks.csv”". */
void               baton_exchange_job_run_with_progress (BatonExchangeJob    *self,
                                                         GtkWindow           *parent,
                                                         const char          *heading,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);

G_END_DECLS
