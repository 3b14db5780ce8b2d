/* baton-rebalance-panel.h — the proposed moves, to choose and apply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A side panel beside the capacity grid: the plan baton_rebalance_propose ()
 * makes, one row per move with a check box and its explanation, what stays
 * over capacity, and Apply. ::preview gives the matrix with the ticked
 * moves (the grid draws it); Apply makes them one change with one undo
 * step and emits ::applied with the toast's text; ::closed when it is
 * dismissed (Escape or its close button).
 */

#pragma once

#include <gtk/gtk.h>

#include "baton-rebalance.h"

G_BEGIN_DECLS

#define BATON_TYPE_REBALANCE_PANEL (baton_rebalance_panel_get_type ())
G_DECLARE_FINAL_TYPE (BatonRebalancePanel, baton_rebalance_panel, BATON, REBALANCE_PANEL, GtkBox)

GtkWidget          *baton_rebalance_panel_new         (BatonStore                  *store);
/* Proposes a plan for the @n_weeks weeks from @first_day, for everyone
 * (@person_id 0) or to relieve one person, and shows it. */
void                baton_rebalance_panel_propose     (BatonRebalancePanel         *self,
                                                       const BatonCapacitySettings *settings,
                                                       guint32                      first_day,
                                                       guint                        n_weeks,
                                                       gint64                       person_id);
BatonRebalancePlan *baton_rebalance_panel_get_plan    (BatonRebalancePanel         *self);
/* Ticks or unticks move @index, as its check box does. */
void                baton_rebalance_panel_set_chosen  (BatonRebalancePanel         *self,
                                                       guint                        index,
                                                       gboolean                     chosen);
gboolean            baton_rebalance_panel_get_chosen  (BatonRebalancePanel         *self,
                                                       guint                        index);
/* The matrix with the ticked moves (transfer none), or NULL. */
BatonCapacity      *baton_rebalance_panel_get_preview (BatonRebalancePanel         *self);

G_END_DECLS
