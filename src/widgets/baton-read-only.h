/* baton-read-only.h — no editing in a workspace that cannot be written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-store.h"

G_BEGIN_DECLS

/* Disables @actions (NULL-terminated names of @widget's own actions, such
 * as "board.new-card") while @store is read-only, so that their buttons,
 * menu items and shortcuts are insensitive, and enables them again when it
 * is not (a team workspace back online). For actions that nothing else
 * enables or disables; one store per widget. */
void baton_read_only_disable_actions (GtkWidget          *widget,
                                      BatonStore         *store,
                                      const char * const *actions);

G_END_DECLS
