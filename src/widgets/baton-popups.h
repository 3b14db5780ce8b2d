/* baton-popups.h — popovers that do not outlive their use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Unrealizes @popover (drops its surface) shortly after it closes, so a
 * closed popover never takes pointer events. See baton-popups.c. */
void baton_popover_release_when_closed        (GtkPopover  *popover);
/* The same for the list a GtkDropDown opens. */
void baton_drop_down_release_popup_when_closed (GtkDropDown *dropdown);

G_END_DECLS
