/* test-team-secrets.c — team passwords in a real Secret Service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs its own D-Bus session (GTestDBus) with gnome-keyring-daemon's
 * Secret Service in a temporary home, unlocked with a password on its
 * standard input, and stores and looks up passwords through
 * baton-team-secrets.c as the window does: by host, port, database and
 * user, never with the password in the location. Needs no display.
 */

#define G_LOG_DOMAIN "test-team-secrets"

#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "baton-store.h"
#include "baton-team-secrets.h"
#include "baton-test-keyring.h"

static BatonTestKeyring *keyring;

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static GAsyncResult *
wait_result (Wait *wait)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (wait->result == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (wait->result);

  return wait->result;
}

static BatonTeamLogin *
login_from (const char *location)
{
  g_autoptr(GError) error = NULL;
  BatonTeamLogin *login = baton_team_login_from_location (location, NULL, &error);

  g_assert_no_error (error);
  return login;
}

static char *
lookup (const BatonTeamLogin *login)
{
  Wait wait = { NULL };
  g_autoptr(GError) error = NULL;
  char *password;

  baton_team_password_lookup (login, NULL, on_done, &wait);
  password = baton_team_password_lookup_finish (wait_result (&wait), &error);
  g_assert_no_error (error);
  g_clear_object (&wait.result);

  return password;
}

static void
store (const BatonTeamLogin *login,
       const char           *password)
{
  Wait wait = { NULL };
  g_autoptr(GError) error = NULL;

  baton_team_password_store (login, password, NULL, on_done, &wait);
  g_assert_true (baton_team_password_store_finish (wait_result (&wait), &error));
  g_assert_no_error (error);
  g_clear_object (&wait.result);
}

/* A password is found again by the login it was stored for, from a
 * location written another way, and by no other login. */
static void
test_store_lookup (void)
{
  g_autoptr(BatonTeamLogin) dana = login_from ("postgresql://dana@db.example.com:6543/plans?sslmode=require");
  g_autoptr(BatonTeamLogin) same = login_from ("postgres://dana:ignored@db.example.com:6543/plans");
  g_autoptr(BatonTeamLogin) other_user = login_from ("postgresql://vic@db.example.com:6543/plans");
  g_autoptr(BatonTeamLogin) other_port = login_from ("postgresql://dana@db.example.com/plans");
  g_autoptr(GError) error = NULL;
  char *found;

  found = lookup (dana);
  g_assert_null (found);

  store (dana, "s3cret:pass");
  found = lookup (same);
  g_assert_cmpstr (found, ==, "s3cret:pass");
  baton_team_password_free (found);
  found = baton_team_password_lookup_sync (dana, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "s3cret:pass");
  baton_team_password_free (found);

  g_assert_null (lookup (other_user));
  g_assert_null (lookup (other_port));

  /* Stored again, it replaces the first. */
  store (dana, "changed");
  found = lookup (dana);
  g_assert_cmpstr (found, ==, "changed");
  baton_team_password_free (found);
}

/* The keyring holds the password encrypted; the label says what it is
 * for, without it. */
static void
test_keyring_file (void)
{
  g_autoptr(BatonTeamLogin) login = login_from ("postgresql://kim@db.example.com/team");
  g_autofree char *keyrings = g_build_filename (keyring->home, "data", "keyrings", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  store (login, "plain-text-canary");

  dir = g_dir_open (keyrings, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (keyrings, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;
      n_files++;
      g_assert_null (g_strstr_len (contents, length, "plain-text-canary"));
    }
  g_assert_cmpuint (n_files, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  keyring = baton_test_keyring_start ();

  g_test_add_func ("/team-secrets/store-lookup", test_store_lookup);
  g_test_add_func ("/team-secrets/keyring-file", test_keyring_file);

  ret = g_test_run ();
  baton_test_keyring_stop (keyring);

  return ret;
}
