/* baton-application-team.c — opening team workspaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A team workspace is opened from the command line (`--database
 * postgresql://…`), from Open Recent, or from Connect to a Team
 * Workspace… (baton-connect-dialog.c). A password in the location is used
 * and never kept; otherwise the Secret Service is asked first
 * (baton-team-secrets.c). A server that cannot be reached opens the
 * workspace offline and read-only (the store reconnects by itself); a
 * server that wants a password it was not given brings up the connect
 * dialog, filled in, with the reason on the password.
 */

#define G_LOG_DOMAIN "baton-application"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "baton-application.h"
#include "baton-connect-dialog.h"
#include "baton-team-secrets.h"

typedef struct
{
  BatonApplication *app;
  char             *location;   /* without the password */
  BatonTeamLogin   *login;
  char             *password;   /* NULL: none */
} TeamOpen;

static void
team_open_free (TeamOpen *open)
{
  g_application_release (G_APPLICATION (open->app));
  g_clear_object (&open->app);
  g_free (open->location);
  baton_team_login_free (open->login);
  if (open->password != NULL)
    {
      memset (open->password, 0, strlen (open->password));
      g_free (open->password);
    }
  g_free (open);
}

static void
show_team_error (BatonApplication *self,
                 const char       *location,
                 const GError     *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *description = location ? baton_store_describe_location (location) : NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  g_debug ("Could not open %s: %s", location ? location : "a team workspace", error->message);

  /* Translators: a team workspace, "DATABASE on HOST", then why it could not be opened */
  body = description ? g_strdup_printf (_("%s: %s"), description, error->message)
                     : g_strdup (error->message);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent,
                                                       g_error_matches (error, BATON_STORE_ERROR,
                                                                        BATON_STORE_ERROR_NEWER_SCHEMA)
                                                       ? _("Team Workspace From a Newer Version of Baton")
                                                       : _("Could Not Open the Team Workspace"),
                                                       body));
  adw_message_dialog_add_response (dialog, "close", parent ? _("_Close") : _("_Quit"));
  adw_message_dialog_set_close_response (dialog, "close");
  /* Keeps the application alive while nothing else is open. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_team_opened (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TeamOpen *open = user_data;
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = baton_store_open_finish (result, &error);
  if (store != NULL)
    baton_application_present_store (open->app, store);
  else if (g_error_matches (error, BATON_STORE_ERROR, BATON_STORE_ERROR_AUTH))
    /* The server wants a password: ask for it. */
    baton_application_connect_team (open->app,
                                    gtk_application_get_active_window (GTK_APPLICATION (open->app)),
                                    open->location, error);
  else
    show_team_error (open->app, open->location, error);

  team_open_free (open);
}

static void
open_now (TeamOpen *open)
{
  g_debug ("Opening %s", open->location);
  baton_store_open_async (open->location, open->password, BATON_STORE_OPEN_NONE,
                          NULL, on_team_opened, open);
}

static void
on_password_looked_up (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  TeamOpen *open = user_data;
  g_autoptr(GError) error = NULL;
  char *password;

  password = baton_team_password_lookup_finish (result, &error);
  if (error != NULL)
    g_debug ("No password from the Secret Service: %s", error->message);
  if (password != NULL)
    {
      open->password = g_strdup (password);
      baton_team_password_free (password);
    }

  open_now (open);
}

/**
 * baton_application_open_team:
 * @location: a postgresql:// URI, with or without a password
 *
 * Opens the team workspace at @location in a window (or presents the
 * window that shows it already). Its password is the one in @location,
 * else the one in the Secret Service, else libpq's own (~/.pgpass).
 */
void
baton_application_open_team (BatonApplication *self,
                             const char       *location)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;
  BatonTeamLogin *login;
  TeamOpen *open;
  char *password = NULL;
  BatonWindow *window;

  g_return_if_fail (BATON_IS_APPLICATION (self));
  g_return_if_fail (baton_store_is_team_location (location));

  stripped = baton_store_location_strip_password (location);
  login = stripped ? baton_team_login_from_location (location, &password, &error) : NULL;
  if (login == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, G_URI_ERROR, G_URI_ERROR_FAILED,
                             _("This is not a valid team workspace address."));
      show_team_error (self, NULL, error);
      return;
    }

  open = g_new0 (TeamOpen, 1);
  open->app = g_object_ref (self);
  open->location = g_steal_pointer (&stripped);
  open->login = login;
  open->password = password;
  g_application_hold (G_APPLICATION (self));

  /* The window that shows it already: what it opened with stands. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      g_autofree char *other = NULL;

      if (!BATON_IS_WINDOW (l->data))
        continue;
      window = l->data;
      other = baton_store_location_strip_password (baton_store_get_path (baton_window_get_store (window)) ?: "");
      if (g_strcmp0 (other, open->location) == 0)
        {
          baton_application_present_store (self, baton_window_get_store (window));
          team_open_free (open);
          return;
        }
    }

  if (open->password != NULL)
    open_now (open);
  else
    baton_team_password_lookup (open->login, NULL, on_password_looked_up, open);
}

static void
on_connected (BatonConnectDialog *dialog,
              BatonStore         *store,
              BatonApplication   *self)
{
  baton_application_present_store (self, store);
}

/**
 * baton_application_connect_team:
 * @parent: (nullable): the window to put the dialog over
 * @location: (nullable): a team workspace to fill the dialog in with
 * @error: (nullable): why connecting to it failed, shown in the dialog
 *
 * Shows Connect to a Team Workspace…; the workspace it connects to opens
 * as any other does (baton_application_present_store ()).
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
baton_application_connect_team (BatonApplication *self,
                                GtkWindow        *parent,
                                const char       *location,
                                const GError     *error)
{
  BatonConnectDialog *dialog;

  g_return_val_if_fail (BATON_IS_APPLICATION (self), NULL);

  dialog = baton_connect_dialog_new (parent);
  if (location != NULL)
    baton_connect_dialog_set_location (dialog, location);
  if (error != NULL)
    baton_connect_dialog_show_error (dialog, error);
  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_connected), self, 0);

  /* Keeps the application alive while no window is open. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}
