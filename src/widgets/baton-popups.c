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

static void
baton_weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

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
  g_object_set_data_full (G_OBJECT (popover), BLOCKED_KEY, blocked, (GDestroyNotify) baton_weak_ref_free);
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

/* Focus back from a menu button's popover ------------------------------------------ */

#define OPENER_KEY "baton-popups-opener"
#define ROOT_KEY "baton-popups-root"
#define OUTSIDE_KEY "baton-popups-outside"
#define INSIDE_KEY "baton-popups-inside"

static gboolean
is_in (GtkWidget *widget,
       GtkWidget *container)
{
  return container != NULL && (widget == container || gtk_widget_is_ancestor (widget, container));
}

static GWeakRef *
get_ref (GtkMenuButton *button,
         const char    *key)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (button), key);

  if (ref == NULL)
    {
      ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, NULL);
      g_object_set_data_full (G_OBJECT (button), key, ref, (GDestroyNotify) baton_weak_ref_free);
    }

  return ref;
}

/* The popover takes the focus as it shows, before any handler of its
 * "show" runs: so the button follows the focus all along. Outside the
 * popover it keeps where the focus is (NULL on the button itself: Tab to
 * it, or a click); as the focus goes into the popover, that is where it
 * opened from. */
static void
on_root_focus_changed (GtkWindow     *window,
                       GParamSpec    *pspec,
                       GtkMenuButton *button)
{
  GtkWidget *focus = gtk_window_get_focus (window);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  GWeakRef *outside = get_ref (button, OUTSIDE_KEY);

  if (focus == NULL)
    return;

  if (is_in (focus, popover))
    {
      g_autoptr(GtkWidget) before = g_weak_ref_get (outside);

      if (!g_object_get_data (G_OBJECT (button), INSIDE_KEY))
        g_weak_ref_set (get_ref (button, OPENER_KEY), before);
      g_object_set_data (G_OBJECT (button), INSIDE_KEY, GINT_TO_POINTER (TRUE));
      return;
    }

  g_object_set_data (G_OBJECT (button), INSIDE_KEY, NULL);
  g_weak_ref_set (outside, is_in (focus, GTK_WIDGET (button)) ? NULL : focus);
}

static void
on_menu_button_map (GtkMenuButton *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  if (!GTK_IS_WINDOW (root) || g_object_get_data (G_OBJECT (button), ROOT_KEY) == root)
    return;

  g_object_set_data (G_OBJECT (button), ROOT_KEY, root);
  g_signal_connect_object (root, "notify::focus-widget", G_CALLBACK (on_root_focus_changed), button, 0);
  on_root_focus_changed (GTK_WINDOW (root), NULL, button);
}

static gboolean
return_focus_cb (gpointer data)
{
  GtkMenuButton *button = data;
  g_autoptr(GtkWidget) opener = g_weak_ref_get (get_ref (button, OPENER_KEY));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  g_weak_ref_set (get_ref (button, OPENER_KEY), NULL);

  /* Only from the button: an item's action may have put the focus where
   * it belongs (a search entry, a new card). */
  if (opener != NULL && root != NULL && gtk_widget_get_root (opener) == root &&
      (focus == NULL || focus == GTK_WIDGET (button) || gtk_widget_is_ancestor (focus, GTK_WIDGET (button))) &&
      gtk_widget_is_drawable (opener) && gtk_widget_is_sensitive (opener))
    gtk_widget_grab_focus (opener);

  return G_SOURCE_REMOVE;
}

static void
on_menu_popover_closed (GtkPopover    *popover,
                        GtkMenuButton *button)
{
  /* After the button has taken the focus back, and after the chosen item's
   * action. */
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, return_focus_cb, g_object_ref (button), g_object_unref);
}

void
baton_menu_button_return_focus (GtkMenuButton *button)
{
  GtkPopover *popover;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  popover = gtk_menu_button_get_popover (button);
  g_return_if_fail (popover != NULL);

  g_signal_connect (button, "map", G_CALLBACK (on_menu_button_map), NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (button)))
    on_menu_button_map (button);
  g_signal_connect_object (popover, "closed", G_CALLBACK (on_menu_popover_closed), button, 0);
}
