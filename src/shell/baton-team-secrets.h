/* baton-team-secrets.h — a team workspace's login: its location, and its
 * password in the Secret Service
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  BATON_TEAM_TLS_PREFER,       /* sslmode=prefer (libpq's default) */
  BATON_TEAM_TLS_REQUIRE,      /* sslmode=require */
  BATON_TEAM_TLS_VERIFY_FULL,  /* sslmode=verify-full, sslrootcert optional */
} BatonTeamTls;

typedef struct
{
  char         *host;      /* a name, an address, or a socket folder */
  guint         port;      /* 1–65535 */
  char         *database;
  char         *user;
  BatonTeamTls  tls;
  char         *ca_file;   /* NULL: the system's certificates */
} BatonTeamLogin;

BatonTeamLogin *baton_team_login_new           (void);
void            baton_team_login_free          (BatonTeamLogin  *login);
/* The postgresql:// URI of @login, every part percent-encoded, never with
 * a password. */
char           *baton_team_login_to_location   (const BatonTeamLogin *login);
/* Reads a postgresql:// URI, filling in libpq's defaults (localhost, 5432,
 * the user's name, a database named as the user); its password, if it
 * has one, goes to @password. */
BatonTeamLogin *baton_team_login_from_location (const char       *location,
                                                char            **password,
                                                GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonTeamLogin, baton_team_login_free)

/* The Secret Service: a password per host, port, database and user, in
 * the schema "io.github.baton_app.Baton.Team". */
void            baton_team_password_lookup        (const BatonTeamLogin *login,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
/* The password (free with baton_team_password_free ()), or NULL with no
 * error when none is stored. */
char           *baton_team_password_lookup_finish (GAsyncResult         *result,
                                                   GError              **error);
char           *baton_team_password_lookup_sync   (const BatonTeamLogin *login,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
void            baton_team_password_store         (const BatonTeamLogin *login,
                                                   const char           *password,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean        baton_team_password_store_finish  (GAsyncResult         *result,
                                                   GError              **error);
/* Wipes and frees a password. */
void            baton_team_password_free          (char                 *password);

G_END_DECLS
