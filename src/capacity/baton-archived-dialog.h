/* baton-archived-dialog.h — the archived people, each with Restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_ARCHIVED_DIALOG (baton_archived_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BatonArchivedDialog, baton_archived_dialog, BATON, ARCHIVED_DIALOG, AdwWindow)

GtkWidget *baton_archived_dialog_new                (BatonStore          *store);

G_END_DECLS
