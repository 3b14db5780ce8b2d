/* baton-menu-label.h — text people typed, as a menu item's label
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Menu labels take "_" as a mnemonic: a name people typed keeps its
 * underscores ("__"). @text may be NULL (""). Free with g_free (). */
char *baton_menu_label_escape (const char *text);

G_END_DECLS
