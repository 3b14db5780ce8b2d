/* baton-archived-dialog-private.h — what baton-archived-dialog's tests read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-archived-dialog.h"

G_BEGIN_DECLS

/* For tests: how many people are listed, and the Restore button of
 * @person_id (NULL when that person is not listed). */
guint      baton_archived_dialog_get_n_people       (BatonArchivedDialog *self);
GtkButton *baton_archived_dialog_get_restore_button (BatonArchivedDialog *self,
                                                     gint64               person_id);

G_END_DECLS
