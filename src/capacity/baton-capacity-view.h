/* baton-capacity-view.h — the Capacity page of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_CAPACITY_VIEW (baton_capacity_view_get_type ())
G_DECLARE_FINAL_TYPE (BatonCapacityView, baton_capacity_view, BATON, CAPACITY_VIEW, AdwBin)

GtkWidget  *baton_capacity_view_new            (BatonStore        *store);
BatonStore *baton_capacity_view_get_store      (BatonCapacityView *self);

/* Shows the weeks from the one holding @julian (a GDate julian day). */
void        baton_capacity_view_show_week      (BatonCapacityView *self,
                                                guint32            julian);
/* The julian day on which the first week shown begins. */
guint32     baton_capacity_view_get_first_week (BatonCapacityView *self);

G_END_DECLS
