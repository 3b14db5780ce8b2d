/* baton-drag-cancel.c — Escape cancels a drag
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On X11, GTK 4.8 grabs the Escape key on the root window for the length
 * of a drag, but then drops the key events it gets for that window (it has
 * no GdkSurface for the root), so Escape neither cancels the drag nor
 * reaches the app, and the mouse release drops the task anyway. Baton
 * listens for that key press itself, in the raw X events the display hands
 * out ("xevent"), and cancels the drag. On other backends the compositor
 * handles Escape; a key controller on the window catches it too when the
 * key does reach the app.
 *
 * gtk_drag_source_drag_cancel () ends the drag for GTK ("drag-cancel",
 * "drag-end") but, in GTK 4.8 on X11, the GdkDrag keeps its pointer grab
 * while its return animation runs (half a second): a mouse release then
 * still drops. So a cancelled drag is marked, and drop targets refuse it
 * (baton_drag_is_cancelled ()).
 */

#define G_LOG_DOMAIN "baton-drag-cancel"

#include "config.h"

#include "baton-drag-cancel.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XInput2.h>
#endif

typedef struct
{
  GtkDragSource      *source;     /* weak */
  GdkDrag            *drag;       /* weak */
  GtkWidget          *root;       /* weak */
  GtkEventController *keys;       /* on root, while the drag lasts */
  GdkDisplay         *display;    /* owned */
  gulong              xevent_id;
  guint               cancel_id;
  int                 xi_opcode;
  guint              *escape_codes;
  guint               n_escape_codes;
} EscapeWatch;

static void
escape_watch_stop (EscapeWatch *watch)
{
  if (watch->xevent_id != 0)
    g_clear_signal_handler (&watch->xevent_id, watch->display);
  if (watch->keys != NULL)
    {
      if (watch->root != NULL)
        gtk_widget_remove_controller (watch->root, watch->keys);
      watch->keys = NULL;
    }
  g_clear_handle_id (&watch->cancel_id, g_source_remove);
}

static void
escape_watch_free (gpointer data)
{
  EscapeWatch *watch = data;

  escape_watch_stop (watch);
  g_clear_weak_pointer (&watch->source);
  g_clear_weak_pointer (&watch->drag);
  g_clear_weak_pointer (&watch->root);
  g_clear_object (&watch->display);
  g_free (watch->escape_codes);
  g_free (watch);
}

static gboolean
cancel_now (gpointer data)
{
  EscapeWatch *watch = data;

  watch->cancel_id = 0;
  if (watch->source != NULL && watch->drag != NULL &&
      gtk_drag_source_get_drag (watch->source) == watch->drag)
    {
      g_debug ("Escape: the drag is cancelled");
      g_object_set_data (G_OBJECT (watch->drag), "baton-drag-cancelled", GINT_TO_POINTER (TRUE));
      gtk_drag_source_drag_cancel (watch->source);
    }

  return G_SOURCE_REMOVE;
}

/* Not from inside an event handler of GDK's: from the main loop. */
static void
schedule_cancel (EscapeWatch *watch)
{
  if (watch->cancel_id == 0)
    watch->cancel_id = g_idle_add_full (G_PRIORITY_HIGH, cancel_now, watch, NULL);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                EscapeWatch           *watch)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;

  schedule_cancel (watch);
  return TRUE;
}

#ifdef GDK_WINDOWING_X11
static gboolean
on_xevent (GdkX11Display *display,
           const XEvent  *xevent,
           EscapeWatch   *watch)
{
  const XGenericEventCookie *cookie = &xevent->xcookie;
  const XIDeviceEvent *event;

  if (xevent->type != GenericEvent || cookie->extension != watch->xi_opcode ||
      cookie->evtype != XI_KeyPress || cookie->data == NULL)
    return FALSE;

  event = cookie->data;
  for (guint i = 0; i < watch->n_escape_codes; i++)
    if ((guint) event->detail == watch->escape_codes[i])
      {
        schedule_cancel (watch);
        break;
      }

  /* GDK goes on with it as before. */
  return FALSE;
}

static void
watch_x11 (EscapeWatch *watch)
{
  GdkKeymapKey *keys = NULL;
  int n_keys = 0, first_event, first_error;

  if (!GDK_IS_X11_DISPLAY (watch->display))
    return;

  if (!XQueryExtension (gdk_x11_display_get_xdisplay (watch->display), "XInputExtension",
                        &watch->xi_opcode, &first_event, &first_error))
    return;

  if (!gdk_display_map_keyval (watch->display, GDK_KEY_Escape, &keys, &n_keys) || n_keys == 0)
    return;

  watch->escape_codes = g_new (guint, n_keys);
  for (int i = 0; i < n_keys; i++)
    watch->escape_codes[watch->n_escape_codes++] = keys[i].keycode;
  g_free (keys);

  watch->xevent_id = g_signal_connect (watch->display, "xevent", G_CALLBACK (on_xevent), watch);
}
#endif

static void
on_drag_cancelled (GdkDrag *drag)
{
  g_object_set_data (G_OBJECT (drag), "baton-drag-cancelled", GINT_TO_POINTER (TRUE));
}

static void
on_drag_over (GdkDrag *drag,
              gpointer user_data)
{
  EscapeWatch *watch = g_object_get_data (G_OBJECT (drag), "baton-escape-watch");

  if (watch != NULL)
    escape_watch_stop (watch);
}

void
baton_drag_cancel_on_escape (GtkDragSource *source,
                             GdkDrag       *drag)
{
  GtkWidget *widget;
  EscapeWatch *watch;

  g_return_if_fail (GTK_IS_DRAG_SOURCE (source));
  g_return_if_fail (GDK_IS_DRAG (drag));

  if (g_object_get_data (G_OBJECT (drag), "baton-escape-watch") != NULL)
    return;

  watch = g_new0 (EscapeWatch, 1);
  g_set_weak_pointer (&watch->source, source);
  g_set_weak_pointer (&watch->drag, drag);
  watch->display = g_object_ref (gdk_drag_get_display (drag));

  widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  if (widget != NULL && GTK_IS_WIDGET (gtk_widget_get_root (widget)))
    {
      g_set_weak_pointer (&watch->root, GTK_WIDGET (gtk_widget_get_root (widget)));
      watch->keys = gtk_event_controller_key_new ();
      gtk_event_controller_set_propagation_phase (watch->keys, GTK_PHASE_CAPTURE);
      g_signal_connect (watch->keys, "key-pressed", G_CALLBACK (on_key_pressed), watch);
      gtk_widget_add_controller (watch->root, watch->keys);
    }

#ifdef GDK_WINDOWING_X11
  watch_x11 (watch);
#endif

  /* The watch lives as long as the drag, and stops listening when it ends. */
  g_object_set_data_full (G_OBJECT (drag), "baton-escape-watch", watch, escape_watch_free);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancelled), NULL);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_over), NULL);
  g_signal_connect (drag, "drop-performed", G_CALLBACK (on_drag_over), NULL);
  g_signal_connect (drag, "dnd-finished", G_CALLBACK (on_drag_over), NULL);
}

gboolean
baton_drag_is_cancelled (GdkDrag *drag)
{
  g_return_val_if_fail (drag == NULL || GDK_IS_DRAG (drag), FALSE);

  return drag != NULL && g_object_get_data (G_OBJECT (drag), "baton-drag-cancelled") != NULL;
}

gboolean
baton_drop_target_is_cancelled (GtkDropTarget *target)
{
  GdkDrop *drop;

  g_return_val_if_fail (GTK_IS_DROP_TARGET (target), FALSE);

  drop = gtk_drop_target_get_current_drop (target);

  return drop != NULL && baton_drag_is_cancelled (gdk_drop_get_drag (drop));
}
