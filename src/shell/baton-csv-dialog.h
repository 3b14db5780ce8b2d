/* baton-csv-dialog.h — the columns and the preview of a tasks or people CSV import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two pages. "Columns": one row per column of the file's header, each
 * with the field it holds (or Ignore), starting from
 * baton_csv_mapping_guess (); Continue is insensitive, with the reason
 * shown, until a column holds the title and no field is chosen twice.
 * "Preview": what the import will do, Back and Import.
 *
 * The dialog reads no file and writes nothing; its caller does:
 *
 *   ::preview-requested  Continue was pressed (or the caller asked, see
 *                        baton_csv_import_dialog_request_preview ()).
 *                        The caller prepares the import with
 *                        baton_csv_import_dialog_get_mapping (), then
 *                        answers with baton_csv_import_dialog_show_preview ()
 *                        or baton_csv_import_dialog_show_error () — at once
 *                        or later (a worker thread): until it answers,
 *                        Continue is insensitive.
 *   ::import             Import was pressed on the preview page. The caller
 *                        applies the import it prepared last, then closes
 *                        the dialog (gtk_window_destroy ()).
 *
 * Cancel (and Escape) close the dialog without a signal: the caller drops
 * what it prepared when the dialog goes (destroy-with-parent is set).
 *
 * Each row's choices are, in order: Ignore (position 0), then the fields
 * in BatonCsvField order (field f at position f + 1).
 */
#pragma once

#include <adwaita.h>

#include "baton-csv.h"

G_BEGIN_DECLS

#define BATON_TYPE_CSV_IMPORT_DIALOG (baton_csv_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BatonCsvImportDialog, baton_csv_import_dialog, BATON, CSV_IMPORT_DIALOG, AdwWindow)

/* @header: the file's first row (baton_csv_read_header ()); @file_name:
 * the file as the person reads it. Not shown yet: gtk_window_present (). */
BatonCsvImportDialog  *baton_csv_import_dialog_new             (GtkWindow             *parent,
                                                                const char * const    *header,
                                                                const char            *file_name);
/* The same dialog for a people file: the people fields (in
 * BatonCsvPeopleField order), baton_csv_people_mapping_guess (), the name
 * required, and the _people_ functions below in place of get_mapping ()
 * and show_preview (). */
BatonCsvImportDialog  *baton_csv_import_dialog_new_for_people  (GtkWindow             *parent,
                                                                const char * const    *header,
                                                                const char            *file_name);
gboolean               baton_csv_import_dialog_get_for_people  (BatonCsvImportDialog  *self);
const BatonCsvPeopleMapping *baton_csv_import_dialog_get_people_mapping  (BatonCsvImportDialog        *self);
void                         baton_csv_import_dialog_show_people_preview (BatonCsvImportDialog        *self,
                                                                          const BatonCsvPeoplePreview *preview);
/* The columns as chosen on the first page. */
const BatonCsvMapping *baton_csv_import_dialog_get_mapping     (BatonCsvImportDialog  *self);
/* Shows the preview page with @preview (copied: the caller keeps it). */
void                   baton_csv_import_dialog_show_preview    (BatonCsvImportDialog  *self,
                                                                const BatonCsvPreview *preview);
/* Shows the columns page with @error's message, so the person can change
 * the columns and continue again. */
void                   baton_csv_import_dialog_show_error      (BatonCsvImportDialog  *self,
                                                                const GError          *error);
/* Emits ::preview-requested when the columns are valid, as Continue does
 * (the caller does it when the file's header names the fields exactly, to
 * open on the preview). FALSE when they are not. */
gboolean               baton_csv_import_dialog_request_preview (BatonCsvImportDialog  *self);
/* "columns" or "preview": the page shown. */
const char            *baton_csv_import_dialog_get_page        (BatonCsvImportDialog  *self);
/* Whether the dialog waits for the answer to ::preview-requested. */
gboolean               baton_csv_import_dialog_get_waiting     (BatonCsvImportDialog  *self);

/* A field as the person reads it ("Due date"), translated. */
const char            *baton_csv_field_get_label               (BatonCsvField          field);
const char            *baton_csv_people_field_get_label        (BatonCsvPeopleField    field);

G_END_DECLS
