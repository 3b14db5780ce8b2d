/* baton-program-dialog-private.h — what baton-program-dialog's tests read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-program-dialog.h"

G_BEGIN_DECLS

/* For tests: the field widgets "name", "description", "start-date",
 * "due-date", and the error shown under the form (NULL when none). */
GtkWidget    *baton_program_dialog_get_field (BatonProgramDialog *self,
                                              const char         *field);
const char   *baton_program_dialog_get_error (BatonProgramDialog *self);
BatonProgram *baton_program_dialog_get_program (BatonProgramDialog *self);

G_END_DECLS
