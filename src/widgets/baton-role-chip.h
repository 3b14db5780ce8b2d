/* baton-role-chip.h — a role's name in a pill tinted with its color
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-entities.h"

G_BEGIN_DECLS

#define BATON_TYPE_ROLE_CHIP (baton_role_chip_get_type ())
G_DECLARE_FINAL_TYPE (BatonRoleChip, baton_role_chip, BATON, ROLE_CHIP, GtkWidget)

/* @role may be NULL: the chip then shows "No role", dimmed. */
GtkWidget *baton_role_chip_new      (BatonRole     *role);
BatonRole *baton_role_chip_get_role (BatonRoleChip *self);
void       baton_role_chip_set_role (BatonRoleChip *self,
                                     BatonRole     *role);

G_END_DECLS
