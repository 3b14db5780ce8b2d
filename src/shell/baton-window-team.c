/* baton-window-team.c — the window and team workspaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.connect-team shows Connect to a Team Workspace…; the focus goes
 * back to the main menu's button when it closes. The read-only banner
 * says why nothing can be changed: the file cannot be written, the team
 * server cannot be reached (with a spinner while the store reconnects),
 * or the login role may only look. A change the server refused
 * (BatonStore::refused) is shown in a toast and announced.
 */

#define G_LOG_DOMAIN "baton-window"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-application.h"
#include "baton-window-private.h"

#define SPINNER_KEY "baton-team-spinner"

const char *
baton_window_team_banner_text (BatonStoreConnection connection)
{
  switch (connection)
    {
    case BATON_STORE_CONNECTION_OFFLINE:
      return _("Can’t reach the team server. Changes can’t be made until Baton reconnects; "
               "nothing is kept offline.");
    case BATON_STORE_CONNECTION_ONLINE:
      return _("You can look at this team workspace but not change it.");
    case BATON_STORE_CONNECTION_LOCAL:
    default:
      return _("Read-only: the workspace file cannot be written, so nothing can be changed");
    }
}

static GtkWidget *
banner_label (BatonWindow *self)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), BATON_TYPE_WINDOW,
                                                    "read_only_label"));
}

static void
update_banner (BatonWindow *self)
{
  BatonStore *store = baton_window_get_store (self);
  BatonStoreConnection connection = baton_store_get_connection (store);
  GtkWidget *label = banner_label (self);
  GtkWidget *spinner = g_object_get_data (G_OBJECT (self), SPINNER_KEY);
  gboolean offline = connection == BATON_STORE_CONNECTION_OFFLINE;
  const char *path = baton_store_get_path (store);

  gtk_label_set_text (GTK_LABEL (label), baton_window_team_banner_text (connection));
  gtk_widget_set_visible (spinner, offline);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), offline && gtk_widget_get_mapped (label));

  /* Which file or server, without a password. */
  if (connection != BATON_STORE_CONNECTION_LOCAL && path != NULL)
    {
      g_autofree char *description = baton_store_describe_location (path);

      gtk_widget_set_tooltip_text (gtk_widget_get_parent (label), description);
    }
}

static void
on_refused (BatonWindow *self,
            const char  *message)
{
  /* The toaster announces it to a screen reader too. */
  baton_window_show_toast (self, message);
}

static void
on_connect_dialog_destroy (BatonWindow *self)
{
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), BATON_TYPE_WINDOW,
                                                                 "primary_menu_button"));

  if (button != NULL && gtk_widget_get_mapped (button))
    gtk_widget_grab_focus (button);
}

static void
connect_team_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonWindow *self = BATON_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GtkWindow *dialog;

  g_return_if_fail (BATON_IS_APPLICATION (app));

  dialog = baton_application_connect_team (BATON_APPLICATION (app), GTK_WINDOW (self), NULL, NULL);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_connect_dialog_destroy),
                           self, G_CONNECT_SWAPPED);
}

void
baton_window_team_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.connect-team", NULL, connect_team_activated);

  /* Reached with gtk_widget_get_template_child (), without a field. */
  gtk_widget_class_bind_template_child_full (widget_class, "read_only_label", FALSE, 0);
}

void
baton_window_team_init (BatonWindow *self)
{
  BatonStore *store = baton_window_get_store (self);
  GtkWidget *label = banner_label (self);
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spinner, _("Reconnecting…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reconnecting…"),
                                  -1);
  gtk_box_append (GTK_BOX (gtk_widget_get_parent (label)), spinner);
  g_object_set_data (G_OBJECT (self), SPINNER_KEY, spinner);

  g_signal_connect_object (store, "notify::connection", G_CALLBACK (update_banner), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::read-only", G_CALLBACK (update_banner), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "refused", G_CALLBACK (on_refused), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (label, "map", G_CALLBACK (update_banner), self, G_CONNECT_SWAPPED);
  update_banner (self);
}
