/* baton-person-dialog.h — add or edit a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_PERSON_DIALOG (baton_person_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BatonPersonDialog, baton_person_dialog, BATON, PERSON_DIALOG, AdwWindow)

/* @person: the person to edit, or NULL to add one with @default_hours a week. */
GtkWidget   *baton_person_dialog_new       (BatonStore        *store,
                                            BatonPerson       *person,
                                            double             default_hours);
BatonPerson *baton_person_dialog_get_person (BatonPersonDialog *self);
/* Validates every field, then saves in one store batch (one undo step) and
 * closes. On bad input, shows the errors on their fields and returns FALSE
 * with the database untouched. */
gboolean     baton_person_dialog_save      (BatonPersonDialog *self);

G_END_DECLS
