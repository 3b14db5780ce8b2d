/* baton-program-dialog.h — add or edit a client's program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_PROGRAM_DIALOG (baton_program_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BatonProgramDialog, baton_program_dialog, BATON, PROGRAM_DIALOG, AdwWindow)

/* A modal dialog over @parent for a new program of @client (@program NULL)
 * or for editing @program. */
GtkWidget    *baton_program_dialog_new      (GtkWindow          *parent,
                                             BatonStore         *store,
                                             BatonClient        *client,
                                             BatonProgram       *program);
/* Validates the fields and saves as one undo step. Returns TRUE and closes
 * the dialog when saved; otherwise the errors are on the fields and
 * nothing was written. */
gboolean      baton_program_dialog_save     (BatonProgramDialog *self);
G_END_DECLS
