/* baton-application.h — the Baton application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-window.h"

G_BEGIN_DECLS

#define BATON_TYPE_APPLICATION (baton_application_get_type ())
G_DECLARE_FINAL_TYPE (BatonApplication, baton_application, BATON, APPLICATION, AdwApplication)

BatonApplication *baton_application_new          (void);
GSettings        *baton_application_get_settings (BatonApplication *self);
void              baton_application_open_database (BatonApplication *self,
                                                   const char       *path);
BatonWindow      *baton_application_open_backup_copy (BatonApplication *self,
                                                      const char       *path,
                                                      const char       *backup);
void              baton_application_open_workspace (BatonApplication *self,
                                                    const char       *path);
BatonWindow      *baton_application_new_workspace (BatonApplication  *self,
                                                   const char        *path,
                                                   GError           **error);
GMenuModel       *baton_application_get_recent_section (BatonApplication *self);
void              baton_application_update_recent (BatonApplication *self);
guint             baton_application_get_n_pending_backups (BatonApplication *self);
BatonWindow      *baton_application_present_store (BatonApplication *self,
                                                   BatonStore       *store);

/* Team workspaces (baton-application-team.c) */
void              baton_application_open_team     (BatonApplication *self,
                                                   const char       *location);
GtkWindow        *baton_application_connect_team  (BatonApplication *self,
                                                   GtkWindow        *parent,
                                                   const char       *location,
                                                   const GError     *error);

G_END_DECLS
