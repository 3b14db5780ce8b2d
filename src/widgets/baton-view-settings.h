/* baton-view-settings.h — capacity settings read from GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "baton-capacity.h"

G_BEGIN_DECLS

/* Fills @out from the app's GSettings (working-days, first-day-of-week,
 * high-load-threshold, overload-threshold). */
void baton_capacity_settings_from_gsettings (GSettings             *settings,
                                             BatonCapacitySettings *out);

G_END_DECLS
