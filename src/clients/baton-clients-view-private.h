/* baton-clients-view-private.h — what the clients view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view is split by job: baton-clients-view.c (the clients list, the
 * notes, search, the GObject), baton-clients-view-actions.c (the clients.*
 * actions and update_actions ()) and baton-clients-view-close.c (closing
 * with note text that could not be saved).
 */
#pragma once

#include <adwaita.h>

#include "baton-client-page.h"
#include "baton-clients-view.h"
#include "baton-note-editor.h"

G_BEGIN_DECLS

struct _BatonClientsView
{
  AdwBin              parent_instance;

  /* Template children */
  GtkStack           *sidebar_header_stack;
  GtkSearchEntry     *filter_entry;
  GtkSearchEntry     *search_entry;
  GtkStack           *sidebar_stack;
  GtkStack           *client_list_stack;
  GtkListView        *client_list;
  GtkStack           *results_stack;
  GtkLabel           *results_count;
  GtkListView        *results_list;
  GtkCheckButton     *archived_check;
  AdwLeaflet         *leaflet;            /* the list | the content */
  AdwClamp           *sidebar_clamp;
  GtkWidget          *back_to_list;
  GtkStack           *content_stack;
  AdwLeaflet         *note_leaflet;       /* the client | the note */
  AdwClamp           *client_clamp;
  GtkWidget          *back_to_client;
  AdwButtonContent   *back_to_client_content;
  GtkBox             *client_page_box;
  GtkStack           *editor_stack;
  GtkBox             *editor_box;

  /* Owned */
  BatonStore         *store;
  BatonClientPage    *client_page;
  BatonNoteEditor    *editor;
  GtkCustomFilter    *clients_filter;
  GtkSingleSelection *clients_selection;
  GListStore         *results;
  AdwMessageDialog   *unsaved_dialog;   /* weak: asking before the window closes */
  GtkFileChooserNative *copy_chooser;

  /* State */
  char               *filter_text;      /* casefolded */
  BatonClient        *current_client;   /* weak */
  BatonNote          *pending_note;     /* to open instead of the newest one */
  gint                pending_offset;
  gint                pending_length;
  gboolean            show_archived;
  guint               refresh_source;
  guint               clamp_source;     /* the clamps follow the folds */
  gboolean            close_decided;    /* the window may close now */
  guint               close_source;
};

/* baton-clients-view.c */
void     _baton_clients_view_open_note_now     (BatonClientsView *self,
                                                BatonNote        *note,
                                                gint              offset,
                                                gint              length);
void     _baton_clients_view_update_pages      (BatonClientsView *self);
/* Narrow, brings the pane forward: "list", "client" or "note". Wide, every
 * pane is on screen and this only moves the folded leaflets. */
void     _baton_clients_view_show_pane         (BatonClientsView *self,
                                                const char       *pane);

/* baton-clients-view-actions.c */
void     _baton_clients_view_class_init_actions (GtkWidgetClass  *widget_class);
/* Enables the clients.* actions from the state: the workspace can be
 * written, a client is chosen, and whether it is archived. */
void     _baton_clients_view_update_actions    (BatonClientsView *self);

/* baton-clients-view-close.c */
void     _baton_clients_view_on_unsaved_saved  (BatonClientsView *self);
void     _baton_clients_view_close_dispose     (BatonClientsView *self);

G_END_DECLS
