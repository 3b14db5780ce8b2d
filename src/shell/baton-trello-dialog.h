/* baton-trello-dialog.h — the choices and the preview of a Trello board import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page: the client the board becomes a program of (an existing one,
 * or a new one named in an entry, by default after the board), "Include
 * archived", one row per Trello member (create a person, leave the
 * member's cards unassigned, or an existing person), and the preview of
 * the import with its warnings, updated at each choice.
 *
 * The dialog reads no file and writes nothing; its caller does. It takes
 * a BatonTrelloImport the caller prepared (baton_trello_import_new_file ())
 * and sets the choices on it (the client, include_archived, the member
 * mapping) as the person makes them.
 *
 *   ::import  Import was pressed. The caller takes
 *             baton_trello_import_dialog_get_import (); when
 *             baton_trello_import_dialog_get_client_id () is 0 it creates
 *             the client named baton_trello_import_dialog_get_new_client_name ()
 *             and sets it on the import (in the same batch as the apply, for
 *             one undo step); then it applies and closes the dialog
 *             (gtk_window_destroy ()). From ::import on, the dialog no longer
 *             follows the store's changes.
 *
 * Cancel (and Escape) close the dialog without a signal; the import goes
 * with it.
 *
 * The import must be one of @store, on the main thread: the preview is
 * read from it at each choice. To write from a worker thread, make the
 * import again there on that thread's store and carry the choices over:
 * the client (or the new client's name), include_archived, and each
 * member's action and person id (baton_trello_import_get_member () on
 * baton_trello_import_dialog_get_import ()).
 *
 * The client row's choices are "New Client" (position 0), then the
 * workspace's clients in the store's order. A member row's choices are
 * "Create “Full Name”" (0), "Leave Unassigned" (1), then the workspace's
 * people in the store's order (person i at 2 + i).
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"
#include "baton-trello.h"

G_BEGIN_DECLS

#define BATON_TYPE_TRELLO_IMPORT_DIALOG (baton_trello_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BatonTrelloImportDialog, baton_trello_import_dialog, BATON, TRELLO_IMPORT_DIALOG, AdwWindow)

/* @import: transfer full. Not shown yet: gtk_window_present (). */
BatonTrelloImportDialog *baton_trello_import_dialog_new                 (GtkWindow               *parent,
                                                                          BatonStore              *store,
                                                                          BatonTrelloImport       *import);
/* The import with the person's choices (transfer none: the dialog's). */
BatonTrelloImport       *baton_trello_import_dialog_get_import          (BatonTrelloImportDialog *self);
/* The client chosen; 0 when the board goes to a new client. */
gint64                   baton_trello_import_dialog_get_client_id       (BatonTrelloImportDialog *self);
/* The new client's name, trimmed (NULL when an existing client is chosen). */
const char              *baton_trello_import_dialog_get_new_client_name (BatonTrelloImportDialog *self);
/* Whether "Include archived" is on (also set on the import). */
gboolean                 baton_trello_import_dialog_get_include_archived (BatonTrelloImportDialog *self);

G_END_DECLS
