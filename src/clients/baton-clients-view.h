/* baton-clients-view.h — the Clients page of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"
#include "baton-search.h"

G_BEGIN_DECLS

#define BATON_TYPE_CLIENTS_VIEW (baton_clients_view_get_type ())
G_DECLARE_FINAL_TYPE (BatonClientsView, baton_clients_view, BATON, CLIENTS_VIEW, AdwBin)

GtkWidget   *baton_clients_view_new                (BatonStore       *store);
BatonStore  *baton_clients_view_get_store          (BatonClientsView *self);

/* For tests and the window: what is shown, and showing things. */
BatonClient *baton_clients_view_get_client         (BatonClientsView *self);
void         baton_clients_view_select_client      (BatonClientsView *self,
                                                    BatonClient      *client);
/* Opens @note (selecting its client); @offset/@length select a match
 * in its body (offset -1: none). */
void         baton_clients_view_open_note          (BatonClientsView *self,
                                                    BatonNote        *note,
                                                    gint              offset,
                                                    gint              length);
/* The clients listed, in their order (BatonClient). */
GListModel  *baton_clients_view_get_clients        (BatonClientsView *self);
/* The widgets inside, for tests. */
GtkWidget   *baton_clients_view_get_editor         (BatonClientsView *self);
GtkWidget   *baton_clients_view_get_client_page    (BatonClientsView *self);
GtkEditable *baton_clients_view_get_search_entry   (BatonClientsView *self);
/* The search results shown (BatonSearchHit). */
GListModel  *baton_clients_view_get_results        (BatonClientsView *self);
/* Runs the search in the entry now, instead of after the entry's delay. */
void         baton_clients_view_run_search         (BatonClientsView *self);
/* Opens search result @index, as clicking it does. */
void         baton_clients_view_activate_result    (BatonClientsView *self,
                                                    guint             index);
/* The name of the page shown: "empty", "none" or "client", and in the
 * sidebar "clients" or "search". */
const char  *baton_clients_view_get_content_page   (BatonClientsView *self);
const char  *baton_clients_view_get_sidebar_page   (BatonClientsView *self);

/* Whether a note has text that is not saved yet. */
gboolean     baton_clients_view_has_unsaved        (BatonClientsView *self);
/* For the window's close-request: saves every note, and returns FALSE when
 * the window may close. When a note's text cannot be saved it returns
 * TRUE (the window stays) and asks what to do (an AdwMessageDialog:
 * Retry, Save a Copy As…, Discard); once decided, the view activates
 * window.close again. */
gboolean     baton_clients_view_close_request      (BatonClientsView *self);
/* The dialog asking before the window closes, or NULL. */
AdwMessageDialog *baton_clients_view_get_unsaved_dialog (BatonClientsView *self);
/* Writes the unsaved text as Markdown to @file, as "Save a Copy As…"
 * does after its file chooser. */
gboolean     baton_clients_view_save_copy_to_file  (BatonClientsView *self,
                                                    GFile            *file,
                                                    GError          **error);

G_END_DECLS
