/* baton-person-row.h — a row that stands for one person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_PERSON_ROW (baton_person_row_get_type ())
G_DECLARE_FINAL_TYPE (BatonPersonRow, baton_person_row, BATON, PERSON_ROW, AdwActionRow)

/* A row titled with the person's name, as typed (never markup). */
GtkWidget   *baton_person_row_new        (BatonPerson    *person);
BatonPerson *baton_person_row_get_person (BatonPersonRow *self);

G_END_DECLS
