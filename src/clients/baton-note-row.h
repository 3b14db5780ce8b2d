/* baton-note-row.h — a note in a client's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_NOTE_ROW (baton_note_row_get_type ())
G_DECLARE_FINAL_TYPE (BatonNoteRow, baton_note_row, BATON, NOTE_ROW, AdwActionRow)

GtkWidget *baton_note_row_new      (BatonStore   *store,
                                    BatonNote    *note);
BatonNote *baton_note_row_get_note (BatonNoteRow *self);
/* Shows when the note was written and the program it is about, as they
 * are in the store now (the title follows the note by itself). */
void       baton_note_row_update   (BatonNoteRow *self);

G_END_DECLS
