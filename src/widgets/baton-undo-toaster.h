/* baton-undo-toaster.h — one toast at a time, whose button acts on the change it names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_UNDO_TOASTER (baton_undo_toaster_get_type ())
G_DECLARE_FINAL_TYPE (BatonUndoToaster, baton_undo_toaster, BATON, UNDO_TOASTER, GObject)

/* @host shows the toasts: an AdwToastOverlay or an AdwPreferencesWindow
 * (not referenced: the host owns the toaster). A history toast's Undo
 * button activates @undo_action, its Redo button @redo_action, each with
 * the toast's serial (a "t" parameter); the host's handlers pass it to
 * baton_undo_toaster_claim (). */
BatonUndoToaster *baton_undo_toaster_new         (BatonStore       *store,
                                                  GtkWidget        *host,
                                                  const char       *undo_action,
                                                  const char       *redo_action);
/* @message (plain text) without a button, in place of the toast on show. */
void              baton_undo_toaster_show        (BatonUndoToaster *self,
                                                  const char       *message);
/* @message with a button that undoes (@redo FALSE) or redoes the change on
 * top of the history now, and only that change. */
void              baton_undo_toaster_show_change (BatonUndoToaster *self,
                                                  const char       *message,
                                                  gboolean          redo);
/* A toast's button was activated with @serial: TRUE if that toast still
 * names the change Undo (@redo FALSE) or Redo would revert now; the toast
 * is then given up (a clicked toast closes). FALSE: act on nothing. */
gboolean          baton_undo_toaster_claim       (BatonUndoToaster *self,
                                                  guint64           serial,
                                                  gboolean          redo);
/* While the host undoes or redoes, the toast keeps its button (what comes
 * next replaces it); when it is done, the button goes if it is stale. */
void              baton_undo_toaster_set_busy    (BatonUndoToaster *self,
                                                  gboolean          busy);
/* For tests: toasts added and not dismissed yet, shown or waiting. */
guint             baton_undo_toaster_get_n_toasts (BatonUndoToaster *self);
/* For tests: the serial of the toast on show with a button, or 0. */
guint64           baton_undo_toaster_get_serial  (BatonUndoToaster *self);

G_END_DECLS
