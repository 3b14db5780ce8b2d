/* baton-team-secrets.c — a team workspace's login: its location, and its
 * password in the Secret Service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A team workspace is named by a postgresql:// URI that never holds a
 * password: the URI goes into the recent workspaces, the password into
 * the Secret Service (libsecret), keyed by host, port, database and user,
 * and only when the person asked for it to be remembered. Nothing here
 * writes a password to GSettings or to a file.
 */

#define G_LOG_DOMAIN "baton-team"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "baton-library.h"
#include "baton-store.h"
#include "baton-team-secrets.h"

#define DEFAULT_PORT 5432

static const SecretSchema team_schema = {
  "io.github.baton_app.Baton.Team", SECRET_SCHEMA_NONE,
  {
    { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "port", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
    { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

BatonTeamLogin *
baton_team_login_new (void)
{
  BatonTeamLogin *login = g_new0 (BatonTeamLogin, 1);

  login->port = DEFAULT_PORT;
  login->tls = BATON_TEAM_TLS_PREFER;

  return login;
}

void
baton_team_login_free (BatonTeamLogin *login)
{
  if (login == NULL)
    return;

  g_free (login->host);
  g_free (login->database);
  g_free (login->user);
  g_free (login->ca_file);
  g_free (login);
}

static const char *
sslmode (BatonTeamTls tls)
{
  switch (tls)
    {
    case BATON_TEAM_TLS_REQUIRE:
      return "require";
    case BATON_TEAM_TLS_VERIFY_FULL:
      return "verify-full";
    case BATON_TEAM_TLS_PREFER:
    default:
      return "prefer";
    }
}

/* Every character that is not unreserved is percent-encoded: a "@", ":",
 * "/" or "?" in a user name or a database stays part of it. */
static char *
escape (const char *part)
{
  return g_uri_escape_string (part != NULL ? part : "", NULL, FALSE);
}

char *
baton_team_login_to_location (const BatonTeamLogin *login)
{
  g_autofree char *host = NULL;
  g_autofree char *user = NULL;
  g_autofree char *path = NULL;
  g_autofree char *database = NULL;
  g_autoptr(GString) query = g_string_new (NULL);

  g_return_val_if_fail (login != NULL, NULL);
  g_return_val_if_fail (login->port >= 1 && login->port <= 65535, NULL);

  /* An address goes in as it is (GUri puts brackets around IPv6), a name
   * encoded. A socket folder ("/run/postgresql") goes into the query, as
   * libpq allows: GUri would decode it in the authority, and the "/" in
   * it would end the host. */
  if (login->host != NULL && login->host[0] == '/')
    {
      g_autofree char *folder = escape (login->host);

      host = g_strdup ("");
      g_string_append_printf (query, "host=%s&port=%u&", folder, login->port);
    }
  else if (login->host != NULL && g_hostname_is_ip_address (login->host))
    host = g_strdup (login->host);
  else
    host = escape (login->host != NULL && *login->host != '\0' ? login->host : "localhost");

  if (login->user != NULL && *login->user != '\0')
    user = escape (login->user);
  database = escape (login->database);
  path = g_strconcat ("/", database, NULL);

  g_string_append_printf (query, "sslmode=%s", sslmode (login->tls));
  if (login->tls == BATON_TEAM_TLS_VERIFY_FULL && login->ca_file != NULL && *login->ca_file != '\0')
    {
      g_autofree char *ca = escape (login->ca_file);

      g_string_append_printf (query, "&sslrootcert=%s", ca);
    }

  return g_uri_join_with_user (G_URI_FLAGS_ENCODED | G_URI_FLAGS_NON_DNS,
                               "postgresql", user, NULL, NULL,
                               host, host[0] != '\0' ? (int) login->port : -1,
                               path, query->str, NULL);
}

BatonTeamLogin *
baton_team_login_from_location (const char  *location,
                                char       **password,
                                GError     **error)
{
  g_autoptr(BatonTeamLogin) login = baton_team_login_new ();
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *path;

  g_return_val_if_fail (location != NULL, NULL);

  if (password != NULL)
    *password = NULL;

  if (!baton_store_is_team_location (location))
    {
      g_set_error (error, G_URI_ERROR, G_URI_ERROR_FAILED,
                   _("Not a team workspace: %s"), location);
      return NULL;
    }

  uri = g_uri_parse (location,
                     G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_NON_DNS | G_URI_FLAGS_ENCODED_QUERY,
                     &local_error);
  if (uri == NULL)
    {
      g_autofree char *shown = baton_store_location_strip_password (location);

      /* Never the URI as it is: it may hold a password. */
      g_set_error (error, G_URI_ERROR, G_URI_ERROR_FAILED,
                   _("Not a valid team workspace address: %s"),
                   shown != NULL ? shown : "postgresql://…");
      return NULL;
    }

  login->host = g_strdup (g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0'
                          ? g_uri_get_host (uri) : "localhost");
  login->port = g_uri_get_port (uri) > 0 ? (guint) g_uri_get_port (uri) : DEFAULT_PORT;
  login->user = g_strdup (g_uri_get_user (uri) != NULL && *g_uri_get_user (uri) != '\0'
                          ? g_uri_get_user (uri) : g_get_user_name ());
  path = g_uri_get_path (uri);
  while (path != NULL && *path == '/')
    path++;
  login->database = g_strdup (path != NULL && *path != '\0' ? path : login->user);

  if (g_uri_get_query (uri) != NULL)
    {
      g_autoptr(GHashTable) params = g_uri_parse_params (g_uri_get_query (uri), -1, "&",
                                                         G_URI_PARAMS_NONE, NULL);
      const char *mode = params ? g_hash_table_lookup (params, "sslmode") : NULL;

      if (g_strcmp0 (mode, "require") == 0)
        login->tls = BATON_TEAM_TLS_REQUIRE;
      else if (g_strcmp0 (mode, "verify-full") == 0 || g_strcmp0 (mode, "verify-ca") == 0)
        login->tls = BATON_TEAM_TLS_VERIFY_FULL;
      const char *host = params ? g_hash_table_lookup (params, "host") : NULL;
      const char *port = params ? g_hash_table_lookup (params, "port") : NULL;
      guint64 number = 0;

      if (params != NULL)
        login->ca_file = g_strdup (g_hash_table_lookup (params, "sslrootcert"));
      /* libpq takes the host and port from the query too
       * ("postgresql:///db?host=/run/postgresql"). */
      if (host != NULL && *host != '\0')
        {
          g_free (login->host);
          login->host = g_strdup (host);
        }
      if (port != NULL && g_ascii_string_to_unsigned (port, 10, 1, 65535, &number, NULL))
        login->port = (guint) number;
    }

  if (password != NULL && g_uri_get_password (uri) != NULL && *g_uri_get_password (uri) != '\0')
    *password = g_strdup (g_uri_get_password (uri));

  return g_steal_pointer (&login);
}

/* The Secret Service ---------------------------------------------------------- */

/* libsecret, with libgcrypt under it, is opened as a team password is
 * first looked up or kept, not at every start. */
#define SECRET_FUNCTIONS(X) \
  X (secret_attributes_build) \
  X (secret_password_lookup_finish) \
  X (secret_password_lookupv) \
  X (secret_password_lookupv_sync) \
  X (secret_password_store_finish) \
  X (secret_password_storev)

typedef struct
{
  SECRET_FUNCTIONS (BATON_LIBRARY_POINTER)
} SecretFunctions;

#define SECRET_SYMBOL(name) BATON_LIBRARY_SYMBOL (SecretFunctions, name)
static SecretFunctions secret;
static const BatonLibrarySymbol secret_symbols[] = { SECRET_FUNCTIONS (SECRET_SYMBOL) { NULL } };
static BatonLibrary libsecret = { LIBSECRET_SONAME, &secret, secret_symbols };

static gboolean
load_libsecret (GError **error)
{
  const char *failure = baton_library_load (&libsecret);

  if (failure != NULL)
    {
      /* Translators: %s is the reason, from the system */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Passwords cannot be kept: %s"), failure);
      return FALSE;
    }

  return TRUE;
}

static GHashTable *
attributes (const BatonTeamLogin *login)
{
  return secret.secret_attributes_build (&team_schema,
                                         "host", login->host != NULL ? login->host : "localhost",
                                         "port", (int) login->port,
                                         "database", login->database != NULL ? login->database : "",
                                         "user", login->user != NULL ? login->user : "",
                                         NULL);
}

void
baton_team_password_lookup (const BatonTeamLogin *login,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  g_autoptr(GHashTable) attrs = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (login != NULL);

  if (!load_libsecret (&error))
    {
      g_task_report_error (NULL, callback, user_data, baton_team_password_lookup,
                           g_steal_pointer (&error));
      return;
    }

  attrs = attributes (login);
  secret.secret_password_lookupv (&team_schema, attrs, cancellable, callback, user_data);
}

char *
baton_team_password_lookup_finish (GAsyncResult  *result,
                                   GError       **error)
{
  if (g_async_result_is_tagged (result, baton_team_password_lookup))
    return g_task_propagate_pointer (G_TASK (result), error);

  return secret.secret_password_lookup_finish (result, error);
}

char *
baton_team_password_lookup_sync (const BatonTeamLogin *login,
                                 GCancellable         *cancellable,
                                 GError              **error)
{
  g_autoptr(GHashTable) attrs = NULL;

  g_return_val_if_fail (login != NULL, NULL);

  if (!load_libsecret (error))
    return NULL;

  attrs = attributes (login);
  return secret.secret_password_lookupv_sync (&team_schema, attrs, cancellable, error);
}

void
baton_team_password_store (const BatonTeamLogin *login,
                           const char           *password,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_autoptr(GHashTable) attrs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (login != NULL);
  g_return_if_fail (password != NULL);

  if (!load_libsecret (&error))
    {
      g_task_report_error (NULL, callback, user_data, baton_team_password_store,
                           g_steal_pointer (&error));
      return;
    }

  attrs = attributes (login);
  location = baton_team_login_to_location (login);
  description = baton_store_describe_location (location);
  /* Translators: the name of a stored password in Passwords and Keys;
   * %s is a team workspace, "DATABASE on HOST" */
  label = g_strdup_printf (_("Baton team workspace %s"), description);

  secret.secret_password_storev (&team_schema, attrs, SECRET_COLLECTION_DEFAULT, label, password,
                                 cancellable, callback, user_data);
}

gboolean
baton_team_password_store_finish (GAsyncResult  *result,
                                  GError       **error)
{
  if (g_async_result_is_tagged (result, baton_team_password_store))
    return g_task_propagate_boolean (G_TASK (result), error);

  return secret.secret_password_store_finish (result, error);
}

void
baton_team_password_free (char *password)
{
  /* What secret_password_free () does, for any password (libsecret's
   * lookups return memory that g_free () takes): without the library
   * loaded, and for a password typed into the dialog too. */
  if (password == NULL)
    return;

  explicit_bzero (password, strlen (password));
  g_free (password);
}
