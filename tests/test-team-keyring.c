/* test-team-keyring.c — Remember Password, with a real keyring and server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The connect dialog with Remember Password on, against the private
 * PostgreSQL server (baton-test-pg.c) and gnome-keyring-daemon on a
 * session bus of the program's own (baton-test-keyring.h): the password
 * goes to the keyring only once the connection worked, and opening the
 * recent team workspace again finds it there without asking. A password
 * that did not work is not kept. Skipped without a display, like the
 * other window tests.
 */

#define G_LOG_DOMAIN "test-team-keyring"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "baton-application.h"
#include "baton-connect-dialog.h"
#include "baton-store.h"
#include "baton-team-secrets.h"
#include "baton-window-private.h"
#include "baton-test-keyring.h"
#include "baton-test-pg.h"
#include "baton-ui-test-util.h"

#define PASSWORD "kim pass word"

static BatonApplication *app;   /* NULL without a display */
static BatonTestPg *server;
static char *team_db;

static gpointer
child (gpointer    dialog,
       const char *name)
{
  GObject *widget = gtk_widget_get_template_child (GTK_WIDGET (dialog), BATON_TYPE_CONNECT_DIALOG, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
set_text (gpointer    dialog,
          const char *row,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, row)), text);
}

static BatonWindow *
team_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      const char *path;

      if (!BATON_IS_WINDOW (l->data))
        continue;
      path = baton_store_get_path (baton_window_get_store (l->data));
      if (baton_store_is_team_location (path) && strstr (path, team_db) != NULL)
        return l->data;
    }

  return NULL;
}

static gboolean
has_team_window (gpointer data)
{
  return team_window () != NULL;
}

static gboolean
dialog_is_idle (gpointer data)
{
  return !baton_connect_dialog_get_busy (data);
}

typedef struct
{
  gboolean  done;
  char     *password;
} Lookup;

static void
on_looked_up (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Lookup *lookup = user_data;
  g_autoptr(GError) error = NULL;

  lookup->password = baton_team_password_lookup_finish (result, &error);
  g_assert_no_error (error);
  lookup->done = TRUE;
}

/* The password the keyring holds for Kim on the test server, or NULL. */
static char *
stored_password (void)
{
  g_autoptr(BatonTeamLogin) login = baton_team_login_new ();
  Lookup lookup = { FALSE, NULL };
  char *password;

  login->host = g_strdup (baton_test_pg_get_socket_dir (server));
  login->port = (guint) baton_test_pg_get_port (server);
  login->database = g_strdup (team_db);
  login->user = g_strdup ("kim");
  baton_team_password_lookup (login, NULL, on_looked_up, &lookup);
  baton_test_wait_for (lookup.done, 20000);

  password = g_strdup (lookup.password);
  if (lookup.password != NULL)
    baton_team_password_free (lookup.password);
  return password;
}

static BatonConnectDialog *
connect_as_kim (const char *password)
{
  g_autofree char *port = g_strdup_printf ("%d", baton_test_pg_get_port (server));
  BatonConnectDialog *dialog = baton_connect_dialog_new (NULL);

  baton_test_show_window (GTK_WINDOW (dialog));
  g_signal_connect_swapped (dialog, "connected", G_CALLBACK (baton_application_present_store), app);
  set_text (dialog, "host_row", baton_test_pg_get_socket_dir (server));
  set_text (dialog, "port_row", port);
  set_text (dialog, "database_row", team_db);
  set_text (dialog, "user_row", "kim");
  set_text (dialog, "password_row", password);
  g_assert_true (gtk_switch_get_active (child (dialog, "remember_switch")));
  baton_connect_dialog_connect (dialog);

  return dialog;
}

static gboolean
has_connect_dialog (gpointer data)
{
  return baton_test_find_toplevel (BATON_TYPE_CONNECT_DIALOG) != NULL;
}

/* A wrong password is not kept; the right one is, and opening the recent
 * workspace again uses it without asking. */
static void
test_remember (void)
{
  g_autofree char *stored = NULL;
  g_auto(GStrv) recent = NULL;
  g_autofree char *location = NULL;
  BatonConnectDialog *dialog;

  if (app == NULL)
    {
      g_test_skip ("no display");
      return;
    }

  g_settings_reset (baton_application_get_settings (app), "recent-workspaces");

  /* Refused: nothing is kept. */
  dialog = connect_as_kim ("not it");
  g_assert_true (baton_test_wait_until (dialog_is_idle, dialog, 20000));
  g_assert_nonnull (baton_connect_dialog_get_error (dialog));
  baton_test_drain ();
  stored = stored_password ();
  g_assert_null (stored);
  baton_test_destroy_window (GTK_WINDOW (dialog));

  /* Accepted: kept, under host, port, database and user. */
  connect_as_kim (PASSWORD);
  g_assert_true (baton_test_wait_until (has_team_window, NULL, 20000));
  baton_test_wait_for ((g_free (stored), (stored = stored_password ())) != NULL, 20000);
  g_assert_cmpstr (stored, ==, PASSWORD);

  recent = g_settings_get_strv (baton_application_get_settings (app), "recent-workspaces");
  location = g_strdup (recent[0]);
  g_assert_nonnull (location);
  g_assert_null (strstr (location, "pass"));
  baton_test_destroy_window (GTK_WINDOW (team_window ()));
  baton_test_drain ();

  /* Open Recent: the keyring's password, no dialog. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-recent", g_variant_new_string (location));
  g_assert_true (baton_test_wait_until (has_team_window, NULL, 20000));
  g_assert_false (has_connect_dialog (NULL));
  g_assert_cmpstr (baton_store_get_author (baton_window_get_store (team_window ())), ==, "kim");

  baton_test_destroy_window (GTK_WINDOW (team_window ()));
  baton_test_drain ();
  g_settings_reset (baton_application_get_settings (app), "recent-workspaces");
}

int
main (int   argc,
      char *argv[])
{
  BatonTestKeyring *keyring;
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* Before GTK connects to the session bus: the bus with the keyring. */
  keyring = baton_test_keyring_start ();
  server = baton_test_pg_start ();
  team_db = baton_test_pg_create_database (server, TRUE);
  baton_test_pg_create_role (server, "kim", "baton_coordinator", PASSWORD);

  if (gtk_init_check ())
    app = baton_test_register_application (G_APPLICATION (baton_application_new ()));
  else
    g_debug ("No display: the case is skipped");

  g_test_add_func ("/team-keyring/remember", test_remember);

  ret = g_test_run ();
  g_clear_object (&app);
  baton_test_pg_free (server);
  g_free (team_db);
  baton_test_keyring_stop (keyring);

  return ret;
}
