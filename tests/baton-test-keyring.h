/* baton-test-keyring.h — a Secret Service of the test's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only. baton_test_keyring_start () gives the test program a home
 * in a temporary folder (HOME, XDG_*), a session bus of its own
 * (GTestDBus) and gnome-keyring-daemon's Secret Service on it, its login
 * keyring unlocked with a password on its standard input. Call it before
 * anything connects to the session bus (before gtk_init). Never skips:
 * gnome-keyring is one of build-aux/dev's packages.
 */
#pragma once

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>

typedef struct
{
  char      *home;
  GTestDBus *bus;
  GPid       daemon;
} BatonTestKeyring;

static inline gboolean
baton_test_keyring_is_up (GDBusConnection *bus)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

static inline BatonTestKeyring *
baton_test_keyring_start (void)
{
  BatonTestKeyring *keyring = g_new0 (BatonTestKeyring, 1);
  const char *daemon_argv[] = { "gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets", NULL };
  const char *dirs[] = { "data", "run", "config", "cache" };
  const char *password = "test-password";
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) connection = NULL;
  int daemon_in = -1;
  gint64 deadline;

  keyring->home = g_dir_make_tmp ("baton-keyring-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (keyring->home, dirs[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    }
  g_setenv ("HOME", keyring->home, TRUE);
  for (guint i = 0; i < 4; i++)
    {
      const char *variables[] = { "XDG_DATA_HOME", "XDG_RUNTIME_DIR", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
      g_autofree char *dir = g_build_filename (keyring->home, dirs[i], NULL);

      g_setenv (variables[i], dir, TRUE);
    }

  /* GTestDBus unsets DISPLAY (against X11's bus autolaunch): a window
   * test needs it back. */
  {
    g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

    keyring->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
    /* The session's services, for the accessibility bus GTK asks for. */
    if (g_file_test ("/usr/share/dbus-1/services", G_FILE_TEST_IS_DIR))
      g_test_dbus_add_service_dir (keyring->bus, "/usr/share/dbus-1/services");
    g_test_dbus_up (keyring->bus);
    if (display != NULL)
      g_setenv ("DISPLAY", display, TRUE);
  }

  if (!g_spawn_async_with_pipes (NULL, (char **) daemon_argv, NULL,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                                 NULL, NULL, &keyring->daemon, &daemon_in, NULL, NULL, &error))
    g_error ("Cannot start gnome-keyring-daemon (Debian: gnome-keyring): %s", error->message);
  /* The login keyring's password, then end of file. */
  g_assert_cmpint (write (daemon_in, password, strlen (password)), ==, (int) strlen (password));
  close (daemon_in);

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!baton_test_keyring_is_up (connection))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("gnome-keyring-daemon did not come onto the bus");
      g_usleep (20000);
    }

  return keyring;
}

static inline void
baton_test_keyring_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        baton_test_keyring_rm_rf (child);
      }
  g_remove (path);
}

/* Stops the keyring and the bus, and removes the home. libsecret keeps a
 * reference to the bus connection for the process's life (even after
 * secret_service_disconnect ()), which g_test_dbus_down () would wait for
 * in vain: the bus is stopped, and the GTestDBus left to the process's
 * end. */
static inline void
baton_test_keyring_stop (BatonTestKeyring *keyring)
{
  kill (keyring->daemon, SIGTERM);
  g_spawn_close_pid (keyring->daemon);
  secret_service_disconnect ();
  g_test_dbus_stop (keyring->bus);
  baton_test_keyring_rm_rf (keyring->home);
  g_free (keyring->home);
  g_free (keyring);
}
