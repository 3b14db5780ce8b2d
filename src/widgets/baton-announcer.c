/* baton-announcer.c — says a result out loud to a screen reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 has no gtk_accessible_announce () (GTK 4.14), sends no
 * "showing" events and cannot mark a live region, and a libadwaita 1.2
 * toast is not announced. So the window keeps one object in its tree for
 * what just happened: an alert (AT-SPI "alert") whose name is the message
 * of the move, the undo or the refused change, so each one sends an
 * accessible-name change from the alert (the same message twice is sent
 * twice); the name is emptied when its toast goes. It is a child of the
 * toast overlay (or dialog) that shows the toasts, empty and zero-sized, so
 * nothing is drawn and nothing takes the pointer or the focus.
 */

#define G_LOG_DOMAIN "baton-announcer"

#include "config.h"

#include "baton-announcer.h"

#define ANNOUNCER_KEY "baton-announcer"

struct _BatonAnnouncer
{
  GtkWidget  parent_instance;

  GtkWidget *host;      /* weak */
  char      *message;
};

G_DEFINE_FINAL_TYPE (BatonAnnouncer, baton_announcer, GTK_TYPE_WIDGET)

static void
baton_announcer_finalize (GObject *object)
{
  BatonAnnouncer *self = BATON_ANNOUNCER (object);

  g_free (self->message);
  g_clear_weak_pointer (&self->host);

  G_OBJECT_CLASS (baton_announcer_parent_class)->finalize (object);
}

/* GTK 4.8 sends an object's events only once it is mapped, so the announcer
 * is mapped with its host; but the host (a toast overlay, a window) does
 * not know it and never gives it a size: it takes an empty one itself,
 * after each layout of its window, before anything is drawn. */
static void
on_layout (BatonAnnouncer *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  gtk_widget_measure (GTK_WIDGET (self), GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (self), &(GtkAllocation) { 0, 0, 0, 0 }, -1);
}

static void
baton_announcer_realize (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (baton_announcer_parent_class)->realize (widget);

  g_signal_connect_object (gtk_widget_get_frame_clock (widget), "layout",
                           G_CALLBACK (on_layout), widget, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
baton_announcer_unrealize (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (widget), on_layout, widget);

  GTK_WIDGET_CLASS (baton_announcer_parent_class)->unrealize (widget);
}

static void
baton_announcer_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (baton_announcer_parent_class)->map (widget);
  on_layout (BATON_ANNOUNCER (widget));
}

static void
baton_announcer_class_init (BatonAnnouncerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = baton_announcer_finalize;
  widget_class->realize = baton_announcer_realize;
  widget_class->unrealize = baton_announcer_unrealize;
  widget_class->map = baton_announcer_map;

  gtk_widget_class_set_css_name (widget_class, "announcer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ALERT);
}

static void
baton_announcer_init (BatonAnnouncer *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  /* In the tree, with nothing on screen. */
  gtk_widget_set_size_request (GTK_WIDGET (self), 0, 0);
}

/* The host goes: it must not finalize with us still its child. */
static void
on_host_destroy (GtkWidget      *host,
                 BatonAnnouncer *self)
{
  GtkRoot *root = gtk_widget_get_root (host);

  if (root != NULL && g_object_get_data (G_OBJECT (root), ANNOUNCER_KEY) == self)
    g_object_set_data (G_OBJECT (root), ANNOUNCER_KEY, NULL);
  if (gtk_widget_get_parent (GTK_WIDGET (self)) == host)
    gtk_widget_unparent (GTK_WIDGET (self));
}

static void
on_host_root_changed (GtkWidget      *host,
                      GParamSpec     *pspec,
                      BatonAnnouncer *self)
{
  GtkRoot *root = gtk_widget_get_root (host);

  if (root != NULL)
    g_object_set_data (G_OBJECT (root), ANNOUNCER_KEY, self);
}

BatonAnnouncer *
baton_announcer_attach (GtkWidget *host)
{
  BatonAnnouncer *self;

  g_return_val_if_fail (GTK_IS_WIDGET (host), NULL);

  self = g_object_new (BATON_TYPE_ANNOUNCER, NULL);
  g_set_weak_pointer (&self->host, host);
  gtk_widget_set_parent (GTK_WIDGET (self), host);
  g_signal_connect_object (host, "destroy", G_CALLBACK (on_host_destroy), self, 0);
  g_signal_connect_object (host, "notify::root", G_CALLBACK (on_host_root_changed), self, 0);
  on_host_root_changed (host, NULL, self);

  return self;
}

BatonAnnouncer *
baton_announcer_find (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  if (root == NULL)
    return NULL;

  return g_object_get_data (G_OBJECT (root), ANNOUNCER_KEY);
}

void
baton_announcer_announce (BatonAnnouncer *self,
                          const char     *message)
{
  g_return_if_fail (BATON_IS_ANNOUNCER (self));
  g_return_if_fail (message != NULL);

  g_debug ("announcing: %s", message);

  /* The same message again is a new one: its name changes twice. */
  if (g_strcmp0 (self->message, message) == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);

  g_free (self->message);
  self->message = g_strdup (message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, message,
                                  -1);
}

void
baton_announcer_clear (BatonAnnouncer *self)
{
  g_return_if_fail (BATON_IS_ANNOUNCER (self));

  if (self->message == NULL)
    return;

  g_clear_pointer (&self->message, g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
}

const char *
baton_announcer_get_message (BatonAnnouncer *self)
{
  g_return_val_if_fail (BATON_IS_ANNOUNCER (self), NULL);

  return self->message;
}

void
baton_announce (GtkWidget  *widget,
                const char *message)
{
  BatonAnnouncer *announcer;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  announcer = baton_announcer_find (widget);
  if (announcer != NULL)
    baton_announcer_announce (announcer, message);
}
