/* baton-popups.h — popovers that take no events once closed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A closed @popover ignores the events its surface still receives (late
 * pointer events under X11), so the window's pointer focus never lands on
 * it. See baton-popups.c. */
void baton_popover_ignore_events_when_closed         (GtkPopover  *popover);
/* The same for the list a GtkDropDown opens. */
void baton_drop_down_ignore_popup_events_when_closed (GtkDropDown *dropdown);

/* When @button's popover closes and leaves the focus on @button, the focus
 * goes back to where it was when the popover opened, if that was not
 * @button: a shortcut opened it (F10 for the main menu), so the person was
 * elsewhere — on a card, say — and never on the header bar's button. (A
 * click or Tab put the focus on @button first: it stays there.) */
void baton_menu_button_return_focus                  (GtkMenuButton *button);

G_END_DECLS
