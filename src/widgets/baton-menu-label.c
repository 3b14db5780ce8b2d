/* baton-menu-label.c — text people typed, as a menu item's label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "baton-menu-label.h"

char *
baton_menu_label_escape (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "_", -1);

  return g_strjoinv ("__", parts);
}
