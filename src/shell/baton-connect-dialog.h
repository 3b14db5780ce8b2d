/* baton-connect-dialog.h — Connect to a Team Workspace…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_CONNECT_DIALOG (baton_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BatonConnectDialog, baton_connect_dialog, BATON, CONNECT_DIALOG, AdwWindow)

BatonConnectDialog *baton_connect_dialog_new            (GtkWindow          *parent);
/* Fills the fields in from a postgresql:// URI (its password is left out). */
void                baton_connect_dialog_set_location   (BatonConnectDialog *self,
                                                         const char         *location);
/* The CA file for "verify the server's certificate", or NULL. */
void                baton_connect_dialog_set_ca_file    (BatonConnectDialog *self,
                                                         const char         *path);
/* Shows why connecting failed, on the field it is about. */
void                baton_connect_dialog_show_error     (BatonConnectDialog *self,
                                                         const GError       *error);
/* The location the fields name, without the password; NULL with @error
 * (and the field marked) when one of them is not valid. */
char               *baton_connect_dialog_build_location (BatonConnectDialog *self,
                                                         GError            **error);
/* Connects as the Connect button does. */
void                baton_connect_dialog_connect        (BatonConnectDialog *self);
/* TRUE while connecting. */
gboolean            baton_connect_dialog_get_busy       (BatonConnectDialog *self);
/* The error shown in the dialog, or NULL. */
const char         *baton_connect_dialog_get_error      (BatonConnectDialog *self);

G_END_DECLS
