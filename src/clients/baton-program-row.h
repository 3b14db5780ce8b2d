/* baton-program-row.h — a program in a client's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_PROGRAM_ROW (baton_program_row_get_type ())
G_DECLARE_FINAL_TYPE (BatonProgramRow, baton_program_row, BATON, PROGRAM_ROW, GtkListBoxRow)

GtkWidget    *baton_program_row_new         (BatonStore      *store,
                                             BatonProgram    *program);
BatonProgram *baton_program_row_get_program (BatonProgramRow *self);
/* Shows the program, its progress and whether it can be edited as they
 * are in the store now. */
void          baton_program_row_update      (BatonProgramRow *self);

G_END_DECLS
