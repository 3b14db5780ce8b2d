/* baton-checklist-editor.h — a card's checklist, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_CHECKLIST_EDITOR (baton_checklist_editor_get_type ())
G_DECLARE_FINAL_TYPE (BatonChecklistEditor, baton_checklist_editor, BATON, CHECKLIST_EDITOR, GtkWidget)

GtkWidget *baton_checklist_editor_new       (void);

/* Shows the checklist of @task (none when @task is NULL) from @store.
 * Nothing is written until baton_checklist_editor_write (). */
void       baton_checklist_editor_load      (BatonChecklistEditor *self,
                                             BatonStore           *store,
                                             BatonTask            *task);
/* Whether writing the items would change anything in the store. */
gboolean   baton_checklist_editor_is_dirty  (BatonChecklistEditor *self);
/* Writes the items to @task's checklist (deletions first, then the rest
 * in order); call it inside a store batch so one undo reverts it. */
gboolean   baton_checklist_editor_write     (BatonChecklistEditor *self,
                                             BatonTask            *task,
                                             GError              **error);
/* Adds the new item's text as an item (what checklist.add-item does). */
void       baton_checklist_editor_add_item  (BatonChecklistEditor *self);
/* FALSE: the items are shown as they are and nothing can change them. */
void       baton_checklist_editor_set_editable (BatonChecklistEditor *self,
                                                gboolean              editable);
/* The entry of the new item's text. */
GtkWidget *baton_checklist_editor_get_entry (BatonChecklistEditor *self);

G_END_DECLS
