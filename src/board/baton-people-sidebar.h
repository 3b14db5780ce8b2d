/* baton-people-sidebar.h — people and their load this week, drop targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-capacity.h"
#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_PEOPLE_SIDEBAR (baton_people_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (BatonPeopleSidebar, baton_people_sidebar, BATON, PEOPLE_SIDEBAR, GtkWidget)

GtkWidget     *baton_people_sidebar_new             (BatonStore         *store);
void           baton_people_sidebar_set_capacity    (BatonPeopleSidebar *self,
                                                     BatonCapacity      *capacity,
                                                     const BatonCapacitySettings *settings,
                                                     guint32             today);
/* Re-reads people (rows follow the store's list) and their loads. */
void           baton_people_sidebar_refresh         (BatonPeopleSidebar *self);
/* While a card is dragged: people who hold @task's role stand out. */
void           baton_people_sidebar_highlight_role  (BatonPeopleSidebar *self,
                                                     BatonTask          *task);
GtkWidget     *baton_people_sidebar_get_row         (BatonPeopleSidebar *self,
                                                     BatonPerson        *person);
GtkDropTarget *baton_people_sidebar_get_drop_target (BatonPeopleSidebar *self,
                                                     BatonPerson        *person);
gboolean       baton_people_sidebar_is_highlighted  (BatonPeopleSidebar *self,
                                                     BatonPerson        *person);

G_END_DECLS
