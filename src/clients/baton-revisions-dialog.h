/* baton-revisions-dialog.h — a note's earlier versions, and restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_REVISIONS_DIALOG (baton_revisions_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BatonRevisionsDialog, baton_revisions_dialog, BATON, REVISIONS_DIALOG, AdwWindow)

GtkWidget *baton_revisions_dialog_new     (GtkWindow            *parent,
                                           BatonStore           *store,
                                           BatonNote            *note);
/* Shows revision @index (0 = the newest) as the selected one. */
void       baton_revisions_dialog_select  (BatonRevisionsDialog *self,
                                           guint                 index);
/* Restores the selected revision (one undo step) and closes the dialog. */
gboolean   baton_revisions_dialog_restore (BatonRevisionsDialog *self,
                                           GError              **error);
guint      baton_revisions_dialog_get_n_revisions (BatonRevisionsDialog *self);

/* "Today, 14:03", "Yesterday, 09:12", "9 March 2026, 17:40" for an ISO 8601
 * time (shown in local time); NULL for a text that is not one. */
char      *baton_format_saved_at          (const char           *iso8601);

G_END_DECLS
