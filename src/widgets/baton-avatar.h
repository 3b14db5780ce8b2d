/* baton-avatar.h — a person's avatar: initials in their color
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-entities.h"

G_BEGIN_DECLS

#define BATON_TYPE_AVATAR (baton_avatar_get_type ())
G_DECLARE_FINAL_TYPE (BatonAvatar, baton_avatar, BATON, AVATAR, GtkWidget)

/* @person NULL shows "Unassigned". */
GtkWidget   *baton_avatar_new        (BatonPerson *person,
                                      int          size);
BatonPerson *baton_avatar_get_person (BatonAvatar *self);
void         baton_avatar_set_person (BatonAvatar *self,
                                      BatonPerson *person);
int          baton_avatar_get_size   (BatonAvatar *self);
void         baton_avatar_set_size   (BatonAvatar *self,
                                      int          size);
/* The initials shown ("AB"), or NULL for "Unassigned". */
const char  *baton_avatar_get_initials (BatonAvatar *self);
/* The initials of @name as an avatar shows them ("Instructional
 * designer" → "ID"); NULL for a name with no letters. */
char        *baton_make_initials       (const char  *name);

G_END_DECLS
