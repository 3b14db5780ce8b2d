/* test-team-ui.c — connecting to team workspaces, from the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The location a login makes (every part percent-encoded, never a
 * password) and reads back; Connect to a Team Workspace…: its fields,
 * validation (nothing is opened with a bad field), errors shown inline on
 * the field they are about, Cancel and Escape, the focus going back to the
 * main menu; the read-only banner's cause; recent workspaces of both kinds.
 * The location cases need no display; the others are skipped without one.
 */

#define G_LOG_DOMAIN "test-team-ui"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "baton-announcer.h"
#include "baton-application.h"
#include "baton-board-view.h"
#include "baton-connect-dialog.h"
#include "baton-store.h"
#include "baton-team-secrets.h"
#include "baton-window-private.h"
#include "baton-test-pg.h"
#include "baton-test-util.h"
#include "baton-ui-test-util.h"

static BatonApplication *app;   /* NULL without a display */
static char *home;              /* XDG_CONFIG_HOME and XDG_DATA_HOME */

#define SKIP_WITHOUT_DISPLAY()                          \
  G_STMT_START {                                        \
    if (app == NULL)                                    \
      {                                                 \
        g_test_skip ("no display");                     \
        return;                                         \
      }                                                 \
  } G_STMT_END

/* Locations ----------------------------------------------------------------------- */

static void
test_location_build (void)
{
  g_autoptr(BatonTeamLogin) login = baton_team_login_new ();
  g_autoptr(BatonTeamLogin) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  g_autofree char *password = NULL;

  login->host = g_strdup ("db.example.com");
  login->port = 6543;
  login->database = g_strdup ("plans/2027 ü?#");
  login->user = g_strdup ("dana@acme:x");
  login->tls = BATON_TEAM_TLS_VERIFY_FULL;
  login->ca_file = g_strdup ("/etc/ssl/our ca&co.pem");

  location = baton_team_login_to_location (login);
  g_assert_cmpstr (location, ==,
                   "postgresql://dana%40acme%3Ax@db.example.com:6543/plans%2F2027%20%C3%BC%3F%23"
                   "?sslmode=verify-full&sslrootcert=%2Fetc%2Fssl%2Four%20ca%26co.pem");
  g_assert_true (baton_store_is_team_location (location));

  /* It reads back to the same login, with no password. */
  back = baton_team_login_from_location (location, &password, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->host, ==, "db.example.com");
  g_assert_cmpuint (back->port, ==, 6543);
  g_assert_cmpstr (back->database, ==, "plans/2027 ü?#");
  g_assert_cmpstr (back->user, ==, "dana@acme:x");
  g_assert_cmpint (back->tls, ==, BATON_TEAM_TLS_VERIFY_FULL);
  g_assert_cmpstr (back->ca_file, ==, "/etc/ssl/our ca&co.pem");
  g_assert_null (password);

  /* Without a CA file; "require"; an IPv6 address; a socket folder. */
  login->tls = BATON_TEAM_TLS_REQUIRE;
  g_clear_pointer (&location, g_free);
  location = baton_team_login_to_location (login);
  g_assert_null (strstr (location, "sslrootcert"));
  g_assert_true (g_str_has_suffix (location, "?sslmode=require"));

  g_free (login->host);
  login->host = g_strdup ("::1");
  login->tls = BATON_TEAM_TLS_PREFER;
  g_clear_pointer (&location, g_free);
  location = baton_team_login_to_location (login);
  g_assert_true (g_str_has_prefix (location, "postgresql://dana%40acme%3Ax@[::1]:6543/"));

  g_free (login->host);
  login->host = g_strdup ("/run/postgresql");
  g_clear_pointer (&location, g_free);
  location = baton_team_login_to_location (login);
  g_assert_cmpstr (location, ==,
                   "postgresql://dana%40acme%3Ax@/plans%2F2027%20%C3%BC%3F%23"
                   "?host=%2Frun%2Fpostgresql&port=6543&sslmode=prefer");
  g_clear_pointer (&back, baton_team_login_free);
  back = baton_team_login_from_location (location, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->host, ==, "/run/postgresql");
  g_assert_cmpuint (back->port, ==, 6543);
  g_assert_cmpstr (back->database, ==, "plans/2027 ü?#");
}

/* A password in a location is read out, for using, and the defaults are
 * libpq's; a location that is not one is an error that does not show the
 * password. */
static void
test_location_parse (void)
{
  g_autoptr(BatonTeamLogin) login = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  login = baton_team_login_from_location ("postgresql://vic:s%3Acret@db/", &password, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "s:cret");
  g_assert_cmpstr (login->host, ==, "db");
  g_assert_cmpuint (login->port, ==, 5432);
  g_assert_cmpstr (login->user, ==, "vic");
  g_assert_cmpstr (login->database, ==, "vic");
  g_assert_cmpint (login->tls, ==, BATON_TEAM_TLS_PREFER);
  g_clear_pointer (&login, baton_team_login_free);
  g_clear_pointer (&password, g_free);

  login = baton_team_login_from_location ("postgres:///team", &password, &error);
  g_assert_no_error (error);
  g_assert_null (password);
  g_assert_cmpstr (login->host, ==, "localhost");
  g_assert_cmpstr (login->user, ==, g_get_user_name ());
  g_assert_cmpstr (login->database, ==, "team");
  g_clear_pointer (&login, baton_team_login_free);

  /* libpq's host and port in the query. */
  login = baton_team_login_from_location ("postgresql://ops@/plans?host=%2Ftmp%2Fpg%20dir&port=6000", &password, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (login->host, ==, "/tmp/pg dir");
  g_assert_cmpuint (login->port, ==, 6000);
  g_assert_cmpstr (login->database, ==, "plans");
  g_clear_pointer (&login, baton_team_login_free);

  login = baton_team_login_from_location ("postgresql://vic:hunter2@db:99999999/x", &password, &error);
  g_assert_null (login);
  g_assert_error (error, G_URI_ERROR, G_URI_ERROR_FAILED);
  g_assert_null (strstr (error->message, "hunter2"));
  g_clear_error (&error);

  login = baton_team_login_from_location ("/home/dana/plan.db", &password, &error);
  g_assert_null (login);
  g_assert_error (error, G_URI_ERROR, G_URI_ERROR_FAILED);
}

/* The dialog ----------------------------------------------------------------------- */

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

static void
fill_in (BatonConnectDialog *dialog,
         const char         *port)
{
  set_text (dialog, "host_row", "127.0.0.1");
  set_text (dialog, "port_row", port);
  set_text (dialog, "database_row", "team plans");
  set_text (dialog, "user_row", "dana");
  set_text (dialog, "password_row", "hunter2");
}

static void
count_connected (BatonConnectDialog *dialog,
                 BatonStore         *store,
                 guint              *count)
{
  (*count)++;
}

static BatonConnectDialog *
open_dialog (guint *connected)
{
  BatonConnectDialog *dialog = baton_connect_dialog_new (NULL);

  g_signal_connect (dialog, "connected", G_CALLBACK (count_connected), connected);
  return baton_test_show_window (GTK_WINDOW (dialog));
}

static guint
n_windows (void)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    n += BATON_IS_WINDOW (l->data);
  return n;
}

/* The fields make the location, without the password; every row has a
 * name. */
static void
test_dialog_location (void)
{
  guint connected = 0;
  BatonConnectDialog *dialog;
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  const char *rows[] = { "host_row", "port_row", "database_row", "user_row", "password_row",
                         "remember_switch", "tls_row" };

  SKIP_WITHOUT_DISPLAY ();

  dialog = open_dialog (&connected);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *name = baton_test_accessible_label (child (dialog, rows[i]));

      g_assert_nonnull (name);
      g_assert_cmpstr (name, !=, "");
    }

  fill_in (dialog, " 6543 ");
  adw_combo_row_set_selected (child (dialog, "tls_row"), BATON_TEAM_TLS_VERIFY_FULL);
  g_assert_true (gtk_widget_get_visible (child (dialog, "ca_row")));
  baton_connect_dialog_set_ca_file (dialog, "/etc/our ca.pem");

  location = baton_connect_dialog_build_location (dialog, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (location, ==,
                   "postgresql://dana@127.0.0.1:6543/team%20plans?sslmode=verify-full&sslrootcert=%2Fetc%2Four%20ca.pem");
  g_assert_null (strstr (location, "hunter2"));

  /* Filled in again from it, with the password left empty. */
  baton_test_destroy_window (GTK_WINDOW (dialog));
  dialog = open_dialog (&connected);
  baton_connect_dialog_set_location (dialog, "postgresql://vic:pw@db.example.com:7777/x%2Fy?sslmode=require");
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "host_row")), ==, "db.example.com");
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "port_row")), ==, "7777");
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "database_row")), ==, "x/y");
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "user_row")), ==, "vic");
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "password_row")), ==, "");
  g_assert_cmpuint (adw_combo_row_get_selected (child (dialog, "tls_row")), ==, BATON_TEAM_TLS_REQUIRE);
  g_assert_false (gtk_widget_get_visible (child (dialog, "ca_row")));

  baton_test_destroy_window (GTK_WINDOW (dialog));
  g_assert_cmpuint (connected, ==, 0);
}

/* A bad port, or a missing field, is shown on its row, and nothing is
 * opened. */
static void
test_dialog_validation (void)
{
  const struct {
    const char *row;
    const char *text;
    const char *message;
  } cases[] = {
    { "port_row", "70000", "The port is a number from 1 to 65535." },
    { "port_row", "0", "The port is a number from 1 to 65535." },
    { "port_row", "54x", "The port is a number from 1 to 65535." },
    { "port_row", "-1", "The port is a number from 1 to 65535." },
    { "port_row", "", "The port is a number from 1 to 65535." },
    { "host_row", " ", "Enter the server’s host name or address." },
    { "database_row", "", "Enter the name of the team’s database." },
    { "user_row", "", "Enter your user name on the server." },
  };
  guint connected = 0;
  guint windows_before;

  SKIP_WITHOUT_DISPLAY ();

  windows_before = n_windows ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BatonConnectDialog *dialog = open_dialog (&connected);
      GtkWidget *row = child (dialog, cases[i].row);

      fill_in (dialog, "5432");
      set_text (dialog, cases[i].row, cases[i].text);
      g_assert_null (baton_connect_dialog_get_error (dialog));

      /* Enter in a field: the Connect button is the default (a button
       * activated by the keyboard is clicked once it has looked pressed). */
      gtk_widget_grab_focus (child (dialog, "database_row"));
      g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (child (dialog, "database_row"))), "activate");
      baton_test_wait_for (baton_connect_dialog_get_error (dialog) != NULL, 5000);
      g_assert_false (baton_connect_dialog_get_busy (dialog));
      g_assert_cmpstr (baton_connect_dialog_get_error (dialog), ==, cases[i].message);
      g_assert_true (gtk_widget_has_css_class (row, "error"));
      g_assert_true (gtk_widget_is_focus (row) || gtk_widget_get_focus_child (row) != NULL);

      /* Corrected, the mark goes. */
      if (g_str_equal (cases[i].row, "port_row"))
        {
          set_text (dialog, "port_row", "5433");
          g_assert_false (gtk_widget_has_css_class (row, "error"));
        }

      baton_test_drain ();
      g_assert_cmpuint (connected, ==, 0);
      g_assert_cmpuint (n_windows (), ==, windows_before);
      baton_test_destroy_window (GTK_WINDOW (dialog));
    }
}

/* An error from the store shows in the dialog, on its field: the password
 * for a refused login. */
static void
test_dialog_errors (void)
{
  guint connected = 0;
  BatonConnectDialog *dialog;
  g_autoptr(GError) auth = g_error_new_literal (BATON_STORE_ERROR, BATON_STORE_ERROR_AUTH,
                                                "password authentication failed for user “dana”");
  g_autoptr(GError) unreachable = g_error_new_literal (BATON_STORE_ERROR, BATON_STORE_ERROR_UNREACHABLE,
                                                       "Can’t reach the server");

  SKIP_WITHOUT_DISPLAY ();

  dialog = open_dialog (&connected);
  baton_connect_dialog_show_error (dialog, auth);
  g_assert_cmpstr (baton_connect_dialog_get_error (dialog), ==, auth->message);
  g_assert_true (gtk_widget_has_css_class (child (dialog, "password_row"), "error"));
  g_assert_false (gtk_widget_has_css_class (child (dialog, "host_row"), "error"));

  baton_connect_dialog_show_error (dialog, unreachable);
  g_assert_cmpstr (baton_connect_dialog_get_error (dialog), ==, unreachable->message);
  g_assert_false (gtk_widget_has_css_class (child (dialog, "password_row"), "error"));
  g_assert_true (gtk_widget_has_css_class (child (dialog, "host_row"), "error"));

  baton_test_destroy_window (GTK_WINDOW (dialog));
}

static gboolean
dialog_is_idle (gpointer data)
{
  return !baton_connect_dialog_get_busy (data);
}

/* Connecting to a server that is not there: the spinner turns and Connect
 * is insensitive meanwhile, then the error is shown inline and nothing is
 * opened. */
static void
test_dialog_connect_fails (void)
{
  guint connected = 0;
  BatonConnectDialog *dialog;
  guint windows_before;

  SKIP_WITHOUT_DISPLAY ();

  windows_before = n_windows ();
  dialog = open_dialog (&connected);
  /* Port 1 on the loopback: nothing listens there. */
  fill_in (dialog, "1");
  baton_connect_dialog_connect (dialog);
  g_assert_true (baton_connect_dialog_get_busy (dialog));
  g_assert_true (gtk_widget_get_visible (child (dialog, "spinner")));
  g_assert_false (gtk_widget_get_sensitive (child (dialog, "connect_button")));

  g_assert_true (baton_test_wait_until (dialog_is_idle, dialog, 20000));
  g_assert_nonnull (baton_connect_dialog_get_error (dialog));
  g_assert_false (gtk_widget_get_visible (child (dialog, "spinner")));
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "connect_button")));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (connected, ==, 0);
  g_assert_cmpuint (n_windows (), ==, windows_before);

  baton_test_destroy_window (GTK_WINDOW (dialog));
}

/* Cancel stops connecting: nothing is opened, even when the store answers
 * afterwards; a second Cancel closes. */
static void
test_dialog_cancel (void)
{
  guint connected = 0;
  BatonConnectDialog *dialog;
  gpointer weak;

  SKIP_WITHOUT_DISPLAY ();

  dialog = open_dialog (&connected);
  fill_in (dialog, "1");
  baton_connect_dialog_connect (dialog);
  g_assert_true (baton_connect_dialog_get_busy (dialog));
  g_signal_emit_by_name (child (dialog, "cancel_button"), "clicked");
  g_assert_false (baton_connect_dialog_get_busy (dialog));
  g_assert_true (gtk_widget_get_sensitive (child (dialog, "connect_button")));

  /* Whatever the store says later is dropped. */
  baton_test_run_for (300);
  baton_test_drain ();
  g_assert_null (baton_connect_dialog_get_error (dialog));
  g_assert_cmpuint (connected, ==, 0);

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (child (dialog, "cancel_button"), "clicked");
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak, 5000));
}

static gboolean
is_escape_to_close (GtkShortcut *shortcut)
{
  GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
  GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Escape &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == 0 &&
         GTK_IS_NAMED_ACTION (action) &&
         g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "window.close") == 0;
}

/* From the main menu: the dialog opens over the window; Escape closes it
 * and the focus goes back to the menu button. */
static void
test_dialog_from_menu (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (":memory:", &error);
  g_autoptr(GListModel) controllers = NULL;
  BatonWindow *window;
  BatonConnectDialog *dialog;
  GtkWidget *menu_button;
  gboolean escape = FALSE;
  gpointer weak;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_no_error (error);
  window = baton_test_show_window (GTK_WINDOW (baton_window_new (GTK_APPLICATION (app), store)));
  menu_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), BATON_TYPE_WINDOW,
                                                           "primary_menu_button"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.connect-team", NULL));
  dialog = baton_test_find_toplevel (BATON_TYPE_CONNECT_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, dialog, 5000));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == child (dialog, "connect_button"));

  /* Escape is bound to closing it. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (dialog));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          escape |= is_escape_to_close (shortcut);
        }
    }
  g_clear_object (&controllers);
  g_assert_true (escape);

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak, 5000));
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

    /* The menu button gives the focus to its toggle button. */
    g_assert_nonnull (focus);
    g_assert_true (focus == menu_button || gtk_widget_is_ancestor (focus, menu_button));
  }

  baton_test_destroy_window (GTK_WINDOW (window));
  baton_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* At 360 pixels wide, everything in the dialog fits. */
static void
test_dialog_narrow (void)
{
  guint connected = 0;
  BatonConnectDialog *dialog;
  int minimum = 0;

  SKIP_WITHOUT_DISPLAY ();

  dialog = open_dialog (&connected);
  adw_combo_row_set_selected (child (dialog, "tls_row"), BATON_TEAM_TLS_VERIFY_FULL);
  baton_connect_dialog_set_ca_file (dialog, "/etc/ssl/a-rather-long-folder-name/and-a-long-file-name.pem");
  gtk_widget_measure (GTK_WIDGET (dialog), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  baton_test_destroy_window (GTK_WINDOW (dialog));
}

/* The banner ---------------------------------------------------------------------- */

/* Each cause says something of its own; a file says what it always said,
 * with no spinner. */
static void
test_banner_texts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  const char *local = baton_window_team_banner_text (BATON_STORE_CONNECTION_LOCAL);
  const char *offline = baton_window_team_banner_text (BATON_STORE_CONNECTION_OFFLINE);
  const char *viewer = baton_window_team_banner_text (BATON_STORE_CONNECTION_ONLINE);
  BatonWindow *window;
  GtkWidget *label;
  GtkWidget *spinner;
  GType type = GTK_TYPE_SPINNER;

  g_assert_cmpstr (local, ==, "Read-only: the workspace file cannot be written, so nothing can be changed");
  g_assert_cmpstr (offline, ==, "Can’t reach the team server. Changes can’t be made until Baton reconnects; "
                                "nothing is kept offline.");
  g_assert_cmpstr (viewer, ==, "You can look at this team workspace but not change it.");

  SKIP_WITHOUT_DISPLAY ();

  store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  window = baton_test_show_window (GTK_WINDOW (baton_window_new (GTK_APPLICATION (app), store)));
  label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), BATON_TYPE_WINDOW, "read_only_label"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, local);
  spinner = baton_test_find_widget (gtk_widget_get_parent (label), baton_test_widget_is_of_type, &type);
  g_assert_nonnull (spinner);
  g_assert_false (gtk_widget_get_visible (spinner));

  baton_test_destroy_window (GTK_WINDOW (window));
  baton_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* Recent workspaces ---------------------------------------------------------------- */

static char *
describe_recent_menu (void)
{
  GMenuModel *section = baton_application_get_recent_section (app);
  GMenuModel *submenu;
  GMenuModel *files;
  GString *out = g_string_new (NULL);

  baton_application_update_recent (app);
  if (g_menu_model_get_n_items (section) == 0)
    return g_string_free (out, FALSE);

  submenu = g_menu_model_get_item_link (section, 0, G_MENU_LINK_SUBMENU);
  files = g_menu_model_get_item_link (submenu, 0, G_MENU_LINK_SECTION);
  for (int i = 0; i < g_menu_model_get_n_items (files); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GVariant) target = NULL;

      g_menu_model_get_item_attribute (files, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      target = g_menu_model_get_item_attribute_value (files, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
      g_string_append_printf (out, "%s → %s\n", label, g_variant_get_string (target, NULL));
    }
  g_object_unref (files);
  g_object_unref (submenu);

  return g_string_free (out, FALSE);
}

/* Files and team workspaces side by side: a file gone is left out, a
 * team workspace is listed as "Team: DATABASE on HOST". */
static void
test_recent_both_kinds (void)
{
  g_autoptr(BatonTestWorkspace) ws = NULL;
  g_autofree char *file = NULL;
  g_autofree char *gone = NULL;
  g_autofree char *menu = NULL;
  g_autofree char *expected = NULL;
  GSettings *settings;

  SKIP_WITHOUT_DISPLAY ();

  ws = baton_test_workspace_new ();
  file = baton_test_workspace_file (ws, "plan.db");
  gone = baton_test_workspace_file (ws, "gone.db");
  g_assert_true (g_file_set_contents (file, "", 0, NULL));

  settings = baton_application_get_settings (app);
  g_settings_set_strv (settings, "recent-workspaces",
                       (const char * const []) { "postgresql://dana@db.example.com:5432/team_plans?sslmode=require",
                                                 gone, file,
                                                 "postgresql://vic@%2Frun%2Fpostgresql/ops", NULL });
  menu = describe_recent_menu ();
  expected = g_strdup_printf ("Team: team__plans on db.example.com → postgresql://dana@db.example.com:5432/team_plans?sslmode=require\n"
                              "plan → %s\n"
                              "Team: ops on localhost → postgresql://vic@%%2Frun%%2Fpostgresql/ops\n",
                              file);
  baton_test_assert_text ("Open Recent", menu, expected);

  g_settings_reset (settings, "recent-workspaces");
}

/* On a server --------------------------------------------------------------------- */

static BatonTestPg *server;
static char *team_db;

#define DANA_PASSWORD "dana pass word"

/* The private server with one team workspace: Dana coordinates with a
 * password, Bob coordinates, Vic may only look. Started by the first case
 * that needs it. */
static void
ensure_server (void)
{
  if (server != NULL)
    return;

  server = baton_test_pg_start ();
  team_db = baton_test_pg_create_database (server, TRUE);
  baton_test_pg_create_role (server, "dana", "baton_coordinator", DANA_PASSWORD);
  baton_test_pg_create_role (server, "bob", "baton_coordinator", NULL);
  baton_test_pg_create_role (server, "vic", "baton_viewer", NULL);
}

static BatonStore *
open_team_store (const char *role,
                 const char *password)
{
  g_autofree char *uri = baton_test_pg_uri (server, role, password, team_db);
  g_autoptr(GError) error = NULL;
  BatonStore *store = baton_store_open (uri, &error);

  g_assert_no_error (error);
  return store;
}

/* The window showing the team workspace, or NULL. */
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

static void
fill_in_server (BatonConnectDialog *dialog,
                const char         *user,
                const char         *password)
{
  g_autofree char *port = g_strdup_printf ("%d", baton_test_pg_get_port (server));

  set_text (dialog, "host_row", baton_test_pg_get_socket_dir (server));
  set_text (dialog, "port_row", port);
  set_text (dialog, "database_row", team_db);
  set_text (dialog, "user_row", user);
  set_text (dialog, "password_row", password);
}

/* Every setting's value, one a line. */
static char *
dump_settings (void)
{
  GSettings *settings = baton_application_get_settings (app);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  GString *out = g_string_new (NULL);

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
      g_autofree char *text = g_variant_print (value, FALSE);

      g_string_append_printf (out, "%s=%s\n", keys[i], text);
    }

  return g_string_free (out, FALSE);
}

/* Asserts that no file under @dir holds @needle. */
static void
assert_not_in_files (const char *dir,
                     const char *needle)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        assert_not_in_files (path, needle);
      else if (g_file_get_contents (path, &contents, &length, NULL))
        {
          if (g_strstr_len (contents, length, needle) != NULL)
            g_error ("%s holds the password", path);
        }
    }
}

/* Whether a button for @action in @window's header bar is sensitive:
 * the action's enabled state. */
static gboolean
action_enabled (BatonWindow *window,
                const char  *action)
{
  GtkWidget *header = baton_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkWidget *button = gtk_button_new ();
  gboolean enabled;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  /* win.save-copy takes a path ("" asks for one). */
  if (g_str_equal (action, "win.save-copy"))
    gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", "");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), button);
  enabled = gtk_widget_get_sensitive (button);
  adw_header_bar_remove (ADW_HEADER_BAR (header), button);

  return enabled;
}

/* From the main menu to the team workspace's board: the dialog connects
 * to the server and the workspace opens in a window of its own, named
 * after it; the recent workspaces keep it without the password, which is
 * in no setting and no file. */
static void
test_e2e_connect (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autofree char *settings = NULL;
  g_autofree char *expected_title = NULL;
  g_auto(GStrv) recent = NULL;
  BatonWindow *window;
  BatonWindow *team;
  BatonConnectDialog *dialog;
  GtkWidget *board;
  gpointer weak;
  gpointer args[2];

  SKIP_WITHOUT_DISPLAY ();
  ensure_server ();
  g_settings_reset (baton_application_get_settings (app), "recent-workspaces");

  store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  window = baton_test_show_window (GTK_WINDOW (baton_window_new (GTK_APPLICATION (app), store)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.connect-team", NULL));
  dialog = baton_test_find_toplevel (BATON_TYPE_CONNECT_DIALOG);
  g_assert_nonnull (dialog);
  fill_in_server (dialog, "dana", DANA_PASSWORD);
  /* This session has no Secret Service (test-team-secrets has one). */
  gtk_switch_set_active (child (dialog, "remember_switch"), FALSE);

  weak = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (child (dialog, "connect_button"), "clicked");
  g_assert_true (baton_test_wait_until (has_team_window, NULL, 20000));
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak, 5000));

  team = team_window ();
  g_assert_true (team != window);
  g_assert_cmpint (baton_store_get_connection (baton_window_get_store (team)), ==, BATON_STORE_CONNECTION_ONLINE);
  g_assert_cmpstr (baton_store_get_author (baton_window_get_store (team)), ==, "dana");
  /* No file: no copy of it, no backups. */
  g_assert_false (action_enabled (team, "win.save-copy"));
  g_assert_false (action_enabled (team, "win.restore-backup"));
  g_assert_true (action_enabled (window, "win.save-copy"));
  expected_title = g_strdup_printf ("%s on localhost — Baton", team_db);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (team)), ==, expected_title);

  /* The board shows the workspace's stages. */
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, team, 5000));
  board = baton_window_get_view (team, "board");
  g_assert_true (BATON_IS_BOARD_VIEW (board));
  args[0] = board;
  args[1] = (gpointer) "Backlog";
  g_assert_true (baton_test_wait_until (baton_test_label_shown, args, 5000));
  args[1] = (gpointer) "Delivered";
  g_assert_true (baton_test_wait_until (baton_test_label_shown, args, 5000));

  /* Kept without the password; the password is nowhere. */
  recent = g_settings_get_strv (baton_application_get_settings (app), "recent-workspaces");
  g_assert_nonnull (recent[0]);
  g_assert_true (baton_store_is_team_location (recent[0]));
  g_assert_nonnull (strstr (recent[0], team_db));
  settings = dump_settings ();
  g_assert_null (strstr (settings, DANA_PASSWORD));
  g_assert_null (strstr (settings, "dana%20pass"));
  g_assert_null (strstr (settings, "pass%20word"));
  assert_not_in_files (home, DANA_PASSWORD);
  assert_not_in_files (home, "pass%20word");

  baton_test_destroy_window (GTK_WINDOW (team));
  baton_test_destroy_window (GTK_WINDOW (window));
  baton_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&store));
  g_settings_reset (baton_application_get_settings (app), "recent-workspaces");
}

/* A wrong password: the server's refusal is shown on the password, and
 * nothing opens. */
static void
test_e2e_wrong_password (void)
{
  guint connected = 0;
  BatonConnectDialog *dialog;

  SKIP_WITHOUT_DISPLAY ();
  ensure_server ();

  dialog = open_dialog (&connected);
  fill_in_server (dialog, "dana", "not it");
  gtk_switch_set_active (child (dialog, "remember_switch"), FALSE);
  baton_connect_dialog_connect (dialog);
  g_assert_true (baton_test_wait_until (dialog_is_idle, dialog, 20000));
  g_test_message ("refused: %s", baton_connect_dialog_get_error (dialog));
  g_assert_nonnull (baton_connect_dialog_get_error (dialog));
  g_assert_true (gtk_widget_has_css_class (child (dialog, "password_row"), "error"));
  g_assert_cmpuint (connected, ==, 0);
  g_assert_null (team_window ());

  baton_test_destroy_window (GTK_WINDOW (dialog));
}

/* A server set up by a newer Baton: the dialog says so, and nothing
 * opens. */
static void
test_e2e_newer_schema (void)
{
  guint connected = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *port = NULL;
  BatonConnectDialog *dialog;

  SKIP_WITHOUT_DISPLAY ();
  ensure_server ();

  newer = baton_test_pg_create_database (server, TRUE);
  baton_test_pg_exec (server, newer, "UPDATE baton_schema SET version = version + 1", &error);
  g_assert_no_error (error);

  dialog = open_dialog (&connected);
  port = g_strdup_printf ("%d", baton_test_pg_get_port (server));
  set_text (dialog, "host_row", baton_test_pg_get_socket_dir (server));
  set_text (dialog, "port_row", port);
  set_text (dialog, "database_row", newer);
  set_text (dialog, "user_row", "bob");
  gtk_switch_set_active (child (dialog, "remember_switch"), FALSE);
  baton_connect_dialog_connect (dialog);
  g_assert_true (baton_test_wait_until (dialog_is_idle, dialog, 20000));
  g_test_message ("refused: %s", baton_connect_dialog_get_error (dialog));
  g_assert_nonnull (strstr (baton_connect_dialog_get_error (dialog), "newer version of Baton"));
  g_assert_cmpuint (connected, ==, 0);
  g_assert_cmpuint (n_windows (), ==, 0);

  baton_test_destroy_window (GTK_WINDOW (dialog));
}

/* `--database postgresql://…` with a password in it opens the workspace
 * and keeps it without the password. */
static void
test_e2e_command_line (void)
{
  g_autofree char *uri = NULL;
  g_auto(GStrv) recent = NULL;

  SKIP_WITHOUT_DISPLAY ();
  ensure_server ();
  g_settings_reset (baton_application_get_settings (app), "recent-workspaces");

  uri = baton_test_pg_uri (server, "dana", DANA_PASSWORD, team_db);
  baton_application_open_team (app, uri);
  g_assert_true (baton_test_wait_until (has_team_window, NULL, 20000));

  recent = g_settings_get_strv (baton_application_get_settings (app), "recent-workspaces");
  g_assert_nonnull (recent[0]);
  g_assert_nonnull (strstr (recent[0], team_db));
  g_assert_null (strstr (recent[0], "pass"));

  /* Opened again, the same window comes forward. */
  baton_application_open_workspace (app, recent[0]);
  baton_test_drain ();
  g_assert_cmpuint (n_windows (), ==, 1);

  baton_test_destroy_window (GTK_WINDOW (team_window ()));
  baton_test_drain ();
  g_settings_reset (baton_application_get_settings (app), "recent-workspaces");
}

static gboolean
has_connect_dialog (gpointer data)
{
  return baton_test_find_toplevel (BATON_TYPE_CONNECT_DIALOG) != NULL;
}

/* A recent team workspace whose server wants a password that is neither
 * in the address nor in the Secret Service: the dialog asks for it,
 * filled in, and connects. */
static void
test_e2e_asks_password (void)
{
  g_autofree char *uri = NULL;
  g_autofree char *port = NULL;
  BatonConnectDialog *dialog;

  SKIP_WITHOUT_DISPLAY ();
  ensure_server ();

  uri = baton_test_pg_uri (server, "dana", NULL, team_db);
  baton_application_open_workspace (app, uri);
  g_assert_true (baton_test_wait_until (has_connect_dialog, NULL, 20000));
  g_assert_null (team_window ());

  dialog = baton_test_find_toplevel (BATON_TYPE_CONNECT_DIALOG);
  port = g_strdup_printf ("%d", baton_test_pg_get_port (server));
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "host_row")), ==, baton_test_pg_get_socket_dir (server));
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "port_row")), ==, port);
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "database_row")), ==, team_db);
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, "user_row")), ==, "dana");
  g_assert_nonnull (baton_connect_dialog_get_error (dialog));
  g_assert_true (gtk_widget_has_css_class (child (dialog, "password_row"), "error"));

  set_text (dialog, "password_row", DANA_PASSWORD);
  gtk_switch_set_active (child (dialog, "remember_switch"), FALSE);
  baton_connect_dialog_connect (dialog);
  g_assert_true (baton_test_wait_until (has_team_window, NULL, 20000));

  baton_test_destroy_window (GTK_WINDOW (team_window ()));
  baton_test_drain ();
  g_settings_reset (baton_application_get_settings (app), "recent-workspaces");
}

static BatonWindow *
open_window (BatonStore *store)
{
  return baton_test_show_window (GTK_WINDOW (baton_window_new (GTK_APPLICATION (app), store)));
}

static GtkWidget *
banner_label (BatonWindow *window)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), BATON_TYPE_WINDOW, "read_only_label"));
}

static gboolean
banner_shown (BatonWindow *window)
{
  GtkWidget *revealer = gtk_widget_get_ancestor (banner_label (window), GTK_TYPE_REVEALER);

  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

/* A role that may only look: the banner says so. */
static void
test_e2e_banner_viewer (void)
{
  g_autoptr(BatonStore) store = NULL;
  BatonWindow *window;

  SKIP_WITHOUT_DISPLAY ();
  ensure_server ();

  store = open_team_store ("vic", NULL);
  g_assert_true (baton_store_get_read_only (store));
  window = open_window (store);
  g_assert_true (banner_shown (window));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (banner_label (window))), ==,
                   baton_window_team_banner_text (BATON_STORE_CONNECTION_ONLINE));

  baton_test_destroy_window (GTK_WINDOW (window));
  baton_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&store));
}

static gboolean
is_button_for_action (GtkWidget  *widget,
                      const void *data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

/* Whether every button of @action in @window is @sensitive (there must be
 * one). */
static gboolean
action_buttons_are (BatonWindow *window,
                    const char  *action,
                    gboolean     sensitive)
{
  g_autoptr(GPtrArray) buttons = baton_test_find_widgets (GTK_WIDGET (window), is_button_for_action, action);

  g_assert_cmpuint (buttons->len, >, 0);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_sensitive (g_ptr_array_index (buttons, i)) != sensitive)
      return FALSE;

  return TRUE;
}

/* The server goes away: the banner says nothing can be changed until Baton
 * reconnects, with a spinner; it goes when the server is back. */
static void
test_e2e_banner_offline (void)
{
  g_autoptr(BatonStore) store = NULL;
  BatonWindow *window;
  GtkWidget *spinner;
  GType type = GTK_TYPE_SPINNER;

  SKIP_WITHOUT_DISPLAY ();
  ensure_server ();

  store = open_team_store ("bob", NULL);
  window = open_window (store);
  spinner = baton_test_find_widget (gtk_widget_get_parent (banner_label (window)), baton_test_widget_is_of_type, &type);
  g_assert_false (banner_shown (window));
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_true (action_buttons_are (window, "board.new-card", TRUE));

  baton_test_pg_stop_server (server);
  baton_test_wait_for (baton_store_get_connection (store) == BATON_STORE_CONNECTION_OFFLINE, 15000);
  baton_test_drain ();
  g_assert_true (banner_shown (window));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (banner_label (window))), ==,
                   baton_window_team_banner_text (BATON_STORE_CONNECTION_OFFLINE));
  g_assert_true (gtk_widget_get_visible (spinner));
  /* Offline, nothing offers a change: New Card is off, as in a file
   * that cannot be written. */
  g_assert_true (action_buttons_are (window, "board.new-card", FALSE));

  baton_test_pg_start_server (server);
  baton_test_wait_for (baton_store_get_connection (store) == BATON_STORE_CONNECTION_ONLINE, 20000);
  baton_test_drain ();
  g_assert_false (banner_shown (window));
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_true (action_buttons_are (window, "board.new-card", TRUE));

  baton_test_destroy_window (GTK_WINDOW (window));
  baton_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&store));
}

static BatonStage *
stage_named (BatonStore *store,
             const char *name)
{
  GListModel *stages = baton_store_get_stages (store);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);

      if (g_strcmp0 (baton_stage_get_name (stage), name) == 0)
        return stage;
    }

  g_assert_not_reached ();
  return NULL;
}

static gint64
task_stage_id (BatonStore *store,
               gint64      id)
{
  BatonTask *task = baton_store_lookup (store, BATON_TYPE_TASK, id);

  return task != NULL ? baton_task_get_stage_id (task) : -1;
}

/* A change the server refused is a toast and is announced; an undo
 * refused because someone else moved the task since says why, as other
 * undo errors do. */
static void
test_e2e_refused (void)
{
  g_autoptr(BatonStore) dana = NULL;
  g_autoptr(BatonStore) bob = NULL;
  g_autoptr(GError) error = NULL;
  BatonWindow *window;
  BatonAnnouncer *announcer;
  BatonTask *task;
  gint64 id, review, design;
  g_autofree char *sql = NULL;
  g_autofree char *expected = NULL;
  const char *message;

  SKIP_WITHOUT_DISPLAY ();
  ensure_server ();

  dana = open_team_store ("dana", DANA_PASSWORD);
  bob = open_team_store ("bob", NULL);
  window = open_window (dana);
  announcer = baton_announcer_find (GTK_WIDGET (window));
  g_assert_nonnull (announcer);

  g_signal_emit_by_name (dana, "refused", "Bob moved “Storyboard module 2” to Review a moment ago");
  baton_test_drain ();
  g_assert_cmpstr (baton_announcer_get_message (announcer), ==,
                   "Bob moved “Storyboard module 2” to Review a moment ago");
  g_assert_cmpuint (baton_window_get_n_toasts (window), ==, 1);

  task = baton_store_create_task (dana, stage_named (dana, "Backlog"), NULL, "Storyboard module 2", &error);
  g_assert_no_error (error);
  id = baton_record_get_id (BATON_RECORD (task));
  g_assert_true (baton_store_move_task (dana, task, stage_named (dana, "Design"), NULL, &error));
  g_assert_no_error (error);
  baton_test_wait_for (task_stage_id (bob, id) == baton_record_get_id (BATON_RECORD (stage_named (bob, "Design"))), 5000);
  review = baton_record_get_id (BATON_RECORD (stage_named (bob, "Review")));
  g_assert_true (baton_store_move_task (bob, baton_store_lookup (bob, BATON_TYPE_TASK, id),
                                        stage_named (bob, "Review"), NULL, &error));
  g_assert_no_error (error);
  baton_test_wait_for (task_stage_id (dana, id) == review, 5000);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  baton_test_drain ();
  message = baton_announcer_get_message (announcer);
  g_test_message ("undo: %s", message);
  g_assert_true (g_str_has_prefix (message, "Could not undo: "));
  g_assert_nonnull (strstr (message, "bob"));
  g_assert_cmpint (task_stage_id (dana, id), ==, review);

  /* For real: Bob moves the task on; Dana, who has not heard yet, drags
   * it too. Her window shows her move at once, then the server refuses
   * it: a toast names Bob, and the task is where he put it. */
  design = baton_record_get_id (BATON_RECORD (stage_named (dana, "Design")));
  g_assert_true (baton_store_move_task (bob, baton_store_lookup (bob, BATON_TYPE_TASK, id),
                                        stage_named (bob, "Design"), NULL, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT stage_id FROM tasks WHERE id = %" G_GINT64_FORMAT, id);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, design);
  /* Without running the main loop, so that Dana's store does not hear. */
  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;; g_usleep (5000))
    {
      g_autofree char *stage = baton_test_pg_query_value (server, team_db, sql);

      if (g_strcmp0 (stage, expected) == 0)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, end);
    }
  g_assert_true (baton_store_move_task (dana, task, stage_named (dana, "Backlog"), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (task_stage_id (dana, id), !=, design);
  baton_test_wait_for (strstr (baton_announcer_get_message (announcer), "Design") != NULL, 5000);
  message = baton_announcer_get_message (announcer);
  g_test_message ("refused: %s", message);
  g_assert_nonnull (strstr (message, "bob"));
  g_assert_nonnull (strstr (message, "“Storyboard module 2”"));
  g_assert_cmpint (task_stage_id (dana, id), ==, design);

  baton_test_destroy_window (GTK_WINDOW (window));
  baton_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&dana));
  g_assert_finalize_object (g_steal_pointer (&bob));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* Settings and files of its own, to look for passwords in. */
  home = g_dir_make_tmp ("baton-team-ui-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);

  if (gtk_init_check ())
    app = baton_test_register_application (G_APPLICATION (baton_application_new ()));
  else
    g_debug ("No display: the window cases are skipped");

  g_test_add_func ("/team-ui/location/build", test_location_build);
  g_test_add_func ("/team-ui/location/parse", test_location_parse);
  g_test_add_func ("/team-ui/dialog/location", test_dialog_location);
  g_test_add_func ("/team-ui/dialog/validation", test_dialog_validation);
  g_test_add_func ("/team-ui/dialog/errors", test_dialog_errors);
  g_test_add_func ("/team-ui/dialog/connect-fails", test_dialog_connect_fails);
  g_test_add_func ("/team-ui/dialog/cancel", test_dialog_cancel);
  g_test_add_func ("/team-ui/dialog/from-menu", test_dialog_from_menu);
  g_test_add_func ("/team-ui/dialog/narrow", test_dialog_narrow);
  g_test_add_func ("/team-ui/banner/texts", test_banner_texts);
  g_test_add_func ("/team-ui/recent/both-kinds", test_recent_both_kinds);
  g_test_add_func ("/team-ui/server/connect", test_e2e_connect);
  g_test_add_func ("/team-ui/server/wrong-password", test_e2e_wrong_password);
  g_test_add_func ("/team-ui/server/newer-schema", test_e2e_newer_schema);
  g_test_add_func ("/team-ui/server/command-line", test_e2e_command_line);
  g_test_add_func ("/team-ui/server/asks-password", test_e2e_asks_password);
  g_test_add_func ("/team-ui/server/banner-viewer", test_e2e_banner_viewer);
  g_test_add_func ("/team-ui/server/refused", test_e2e_refused);
  g_test_add_func ("/team-ui/server/banner-offline", test_e2e_banner_offline);

  ret = g_test_run ();
  g_clear_object (&app);
  g_clear_pointer (&server, baton_test_pg_free);
  g_free (team_db);
  baton_test_rm_rf (home);
  g_free (home);

  return ret;
}
