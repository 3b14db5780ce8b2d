/* baton-popups.c — popovers that take no events once closed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under X11 a popover's surface can still receive pointer events after
 * GTK has hidden it: a motion the server sent while the popover was still
 * mapped (and held the pointer grab) arrives after the click that closed
 * it. GTK 4.8 handles it like any other: the window's pointer focus moves
 * to the closed popover. Then the next button press is sent there and
 * dropped (the first click on "Role needed" after choosing a program did
 * nothing), and if the popover's surface has been dropped meanwhile, the
 * window's next layout asks a NULL surface for a motion event
 * (gdk_surface_request_motion: SIGSEGV after choosing an assignee and
 * moving the pointer out of the dialog).
 *
 * So a closed popover ignores the events of its surface: its handler of
 * GdkSurface::event is blocked from unmap to the next map. Its surface
 * stays as GTK keeps it; nothing points to a surface that is gone.
 */

#define G_LOG_DOMAIN "baton-popups"

#include "config.h"

#include "baton-popups.h"

#define BLOCKED_KEY "baton-popups-blocked-surface"

static guint
surface_event_signal (void)
{
  static guint id;

  if (id == 0)
    id = g_signal_lookup ("event", GDK_TYPE_SURFACE);

  return id;
}

static void
on_popover_unmap (GtkWidget *popover)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
  GWeakRef *blocked;

  if (surface == NULL || g_object_get_data (G_OBJECT (popover), BLOCKED_KEY) != NULL)
    return;

  /* GTK's handler of the surface's events takes the popover as its data. */
  if (g_signal_handlers_block_matched (surface, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA,
                                       surface_event_signal (), 0, NULL, NULL, popover) == 0)
    return;

  blocked = g_new0 (GWeakRef, 1);
  g_weak_ref_init (blocked, surface);
  g_object_set_data_full (G_OBJECT (popover), BLOCKED_KEY, blocked, (GDestroyNotify) g_weak_ref_clear);
}

static void
on_popover_map (GtkWidget *popover)
{
  GWeakRef *blocked = g_object_get_data (G_OBJECT (popover), BLOCKED_KEY);
  g_autoptr(GdkSurface) surface = NULL;

  if (blocked == NULL)
    return;

  /* The surface blocked at unmap, if it is still there (realized again
   * since, the popover has a new one, whose handler was never blocked). */
  surface = g_weak_ref_get (blocked);
  if (surface != NULL)
    g_signal_handlers_unblock_matched (surface, G_SIGNAL_MATCH_ID | G_SIGNAL_MATCH_DATA,
                                       surface_event_signal (), 0, NULL, NULL, popover);
  g_object_set_data (G_OBJECT (popover), BLOCKED_KEY, NULL);
}

void
baton_popover_ignore_events_when_closed (GtkPopover *popover)
{
  g_return_if_fail (GTK_IS_POPOVER (popover));

  /* Before the popover's own map (its surface is shown there), after its
   * own unmap (it is hidden there). */
  g_signal_connect (popover, "map", G_CALLBACK (on_popover_map), NULL);
  g_signal_connect_after (popover, "unmap", G_CALLBACK (on_popover_unmap), NULL);
}

void
baton_drop_down_ignore_popup_events_when_closed (GtkDropDown *dropdown)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  /* The list a GtkDropDown opens is its own child popover. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      baton_popover_ignore_events_when_closed (GTK_POPOVER (child));
}
