/* baton-view-settings.c — capacity settings read from GSettings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-view-settings"

#include "config.h"

#include "baton-store.h"
#include "baton-view-settings.h"

void
baton_capacity_settings_from_gsettings (GSettings             *settings,
                                        BatonCapacitySettings *out)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (out != NULL);

  baton_capacity_settings_init_default (out);

  /* The flags nicks are monday = 1 … sunday = 64: bit (weekday - 1). */
  out->workdays_mask = g_settings_get_flags (settings, "working-days");
  out->first_weekday = (guint) g_settings_get_enum (settings, "first-day-of-week");
  out->high_threshold = g_settings_get_int (settings, "high-load-threshold") / 100.0;
  out->over_threshold = g_settings_get_int (settings, "overload-threshold") / 100.0;
}
