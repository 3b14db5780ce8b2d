/* baton-room-dialog.h — "Who has room?" for one task
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-capacity.h"
#include "baton-store.h"
#include "baton-workload.h"

G_BEGIN_DECLS

#define BATON_TYPE_ROOM_DIALOG (baton_room_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BatonRoomDialog, baton_room_dialog, BATON, ROOM_DIALOG, AdwWindow)

/* (transfer full): a candidate in the grid's terms: load after taking the
 * task against capacity, then the hours left free or over — "24 / 25.6 h
 * after, 1.6 h free", "36 / 32 h after, 4 h over" (hours as the grid
 * formats them, with the locale's decimal separator). */
char         *baton_room_dialog_describe_candidate (const BatonRoomCandidate *candidate);

GtkWidget    *baton_room_dialog_new               (BatonWorkload               *workload,
                                                   BatonTask                   *task,
                                                   guint32                      today);
BatonTask    *baton_room_dialog_get_task          (BatonRoomDialog             *self);
guint         baton_room_dialog_get_n_candidates  (BatonRoomDialog             *self);
/* (transfer none): the candidate listed at @index, most room first. */
BatonPerson  *baton_room_dialog_get_candidate     (BatonRoomDialog             *self,
                                                   guint                        index);
/* (transfer none): the row of that candidate; activating it picks them. */
AdwActionRow *baton_room_dialog_get_row           (BatonRoomDialog             *self,
                                                   guint                        index);

G_END_DECLS
