/* baton-popups.c — popovers that do not outlive their use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 keeps a popover's surface once it has been shown, and its owner
 * (a GtkDropDown, a GtkMenuButton) presents and lays it out again on every
 * allocation of its own, visible or not. When the dialog around it is laid
 * out again after the popover closed — choosing a program in the card
 * editor changes the dropdown's label, so the whole form is — the window's
 * pointer focus lands on the closed popover, and the next button press is
 * sent there and dropped: the first click on "Role needed" after choosing a
 * program did nothing, the second worked. (The X server delivers the press
 * to the dialog; no widget of it sees it. Closing the popover with Escape
 * and no relayout after it does not show the fault.)
 *
 * Dropping the closed popover's surface (unrealizing it) ends that: it is
 * realized again, fresh, the next time it opens.
 */

#define G_LOG_DOMAIN "baton-popups"

#include "config.h"

#include "baton-popups.h"

static gboolean
release_popover (gpointer data)
{
  GtkWidget *popover = data;

  /* Opened again meanwhile, or gone with its owner: leave it. */
  if (!gtk_widget_get_visible (popover) && gtk_widget_get_realized (popover) &&
      gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unrealize (popover);

  return G_SOURCE_REMOVE;
}

static void
on_popover_closed (GtkPopover *popover)
{
  /* Not from inside its own hide: once it has finished closing. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, release_popover, g_object_ref (popover), g_object_unref);
}

void
baton_popover_release_when_closed (GtkPopover *popover)
{
  g_return_if_fail (GTK_IS_POPOVER (popover));

  g_signal_connect_after (popover, "closed", G_CALLBACK (on_popover_closed), NULL);
}

void
baton_drop_down_release_popup_when_closed (GtkDropDown *dropdown)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  /* The list a GtkDropDown opens is its own child popover. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      baton_popover_release_when_closed (GTK_POPOVER (child));
}
