/* baton-capacity-person-header.h — a person's name in the capacity grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_CAPACITY_PERSON_HEADER (baton_capacity_person_header_get_type ())
G_DECLARE_FINAL_TYPE (BatonCapacityPersonHeader, baton_capacity_person_header,
                      BATON, CAPACITY_PERSON_HEADER, GtkWidget)

/* The avatar, the name, the person's other roles as chips (@role_ids:
 * gint64, primary first, nullable) and the undated hours. Display only:
 * the pointer and the keyboard go to the grid. */
GtkWidget *baton_capacity_person_header_new       (BatonStore   *store,
                                                   BatonPerson  *person,
                                                   const GArray *role_ids,
                                                   double        unscheduled_minutes);
/* Compact, only the avatar shows (a narrow grid's name column). */
void       baton_capacity_person_header_set_compact (BatonCapacityPersonHeader *self,
                                                     gboolean                   compact);
/* A string that changes whenever a header built from the same arguments
 * would look different. Free with g_free (). */
char      *baton_capacity_person_header_signature (BatonStore   *store,
                                                   BatonPerson  *person,
                                                   const GArray *role_ids,
                                                   double        unscheduled_minutes);

G_END_DECLS
