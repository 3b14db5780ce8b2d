/* baton-clients-view.c — the Clients page of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Three columns: the clients (filtered, with add and archive) or, while
 * searching (Ctrl+F), the notes that match; the selected client's page
 * (BatonClientPage: notes, programs, contact); and the open note
 * (BatonNoteEditor). Selecting a client opens its newest note, so that the
 * editor is never an empty space for long.
 *
 * In a narrow window two leaflets fold the columns into pages: the list,
 * then the client, then the note, each with a button back. Choosing a
 * client (a click, Enter) brings its page forward; opening a note brings
 * the note.
 *
 * Everything the view does is a clients.* action on it
 * (baton-clients-view-actions.c); the window only hosts the view, and asks
 * it before closing (baton-clients-view-close.c).
 */

#define G_LOG_DOMAIN "baton-clients-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-accessible.h"
#include "baton-client-row.h"
#include "baton-clients-view-private.h"
#include "baton-notes.h"
#include "baton-search.h"

enum {
  PROP_0,
  PROP_STORE,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonClientsView, baton_clients_view, ADW_TYPE_BIN)

/* The clients list ------------------------------------------------------------ */

static gboolean
text_matches (const char *text,
              const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
client_is_shown (gpointer item,
                 gpointer data)
{
  BatonClientsView *self = data;
  BatonClient *client = item;

  if (baton_client_get_archived (client) && !self->show_archived)
    return FALSE;

  if (self->filter_text == NULL || self->filter_text[0] == '\0')
    return TRUE;

  return text_matches (baton_client_get_name (client), self->filter_text) ||
         text_matches (baton_client_get_organization (client), self->filter_text) ||
         text_matches (baton_client_get_contact_name (client), self->filter_text);
}

static int
compare_clients (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return g_utf8_collate (baton_client_get_name ((BatonClient *) a), baton_client_get_name ((BatonClient *) b));
}

static guint
position_of_client (BatonClientsView *self,
                    BatonClient      *client)
{
  GListModel *model = G_LIST_MODEL (self->clients_selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonClient) item = g_list_model_get_item (model, i);

      if (item == client)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static gboolean
store_has_clients (BatonClientsView *self)
{
  return g_list_model_get_n_items (baton_store_get_clients (self->store)) > 0;
}

static BatonNote *
newest_note (BatonClientsView *self,
             BatonClient      *client)
{
  GListModel *notes = baton_client_page_get_notes (self->client_page);
  g_autoptr(BatonNote) first = NULL;

  if (g_list_model_get_n_items (notes) == 0)
    return NULL;

  first = g_list_model_get_item (notes, 0);
  return first;   /* owned by the store */
}

static void on_folded_changed (BatonClientsView *self);
static void show_leaflet_page (AdwLeaflet *leaflet,
                               const char *name);

void
_baton_clients_view_update_pages (BatonClientsView *self)
{
  gboolean any_shown = g_list_model_get_n_items (G_LIST_MODEL (self->clients_selection)) > 0;

  gtk_stack_set_visible_child_name (self->client_list_stack, any_shown || !store_has_clients (self) ? "list" : "none");

  if (self->current_client != NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "client");
  else if (!store_has_clients (self))
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "none");

  gtk_stack_set_visible_child_name (self->editor_stack,
                                    baton_note_editor_get_note (self->editor) != NULL ? "editor" : "none");
  on_folded_changed (self);
}

static void
on_client_selected (BatonClientsView *self)
{
  BatonClient *client = gtk_single_selection_get_selected_item (self->clients_selection);
  g_autoptr(BatonNote) pending = g_steal_pointer (&self->pending_note);

  if (client == self->current_client && pending == NULL)
    {
      _baton_clients_view_update_pages (self);
      _baton_clients_view_update_actions (self);
      return;
    }

  if (client != self->current_client)
    {
      g_set_weak_pointer (&self->current_client, client);

      /* Leave the open note first: it is saved now. */
      baton_note_editor_set_note (self->editor, NULL);
      baton_client_page_set_client (self->client_page, client);
      show_leaflet_page (self->note_leaflet, "client");
      adw_button_content_set_label (self->back_to_client_content,
                                    client != NULL ? baton_client_get_name (client) : "");
    }

  if (client != NULL)
    {
      if (pending != NULL && baton_note_get_client_id (pending) == baton_record_get_id (BATON_RECORD (client)))
        _baton_clients_view_open_note_now (self, pending, self->pending_offset, self->pending_length);
      else if (baton_note_editor_get_note (self->editor) == NULL)
        _baton_clients_view_open_note_now (self, newest_note (self, client), -1, 0);
    }

  _baton_clients_view_update_pages (self);
  _baton_clients_view_update_actions (self);
}

static void
select_position (BatonClientsView *self,
                 guint             position)
{
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_single_selection_set_selected (self->clients_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->client_list), "list.scroll-to-item", "u", position);
}

void
baton_clients_view_select_client (BatonClientsView *self,
                                  BatonClient      *client)
{
  guint position;

  g_return_if_fail (BATON_IS_CLIENTS_VIEW (self));
  g_return_if_fail (BATON_IS_CLIENT (client));

  if (baton_client_get_archived (client) && !self->show_archived)
    g_object_set (self, "show-archived", TRUE, NULL);

  position = position_of_client (self, client);
  if (position == GTK_INVALID_LIST_POSITION && self->filter_text != NULL)
    {
      /* The filter hides it: show everything again. */
      gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
      g_clear_pointer (&self->filter_text, g_free);
      gtk_filter_changed (GTK_FILTER (self->clients_filter), GTK_FILTER_CHANGE_LESS_STRICT);
      position = position_of_client (self, client);
    }

  if (position == gtk_single_selection_get_selected (self->clients_selection))
    on_client_selected (self);
  else
    select_position (self, position);
}

/* Folding ---------------------------------------------------------------------------- */

/* Shows page @name of @leaflet. Unfolded, every page is on screen already,
 * and changing the visible child would move the keyboard focus into it (so
 * Tab onto the next note, which opens it, jumped into the editor, and the
 * client's programs and contact were out of reach): the page is then only
 * remembered, and shown when the leaflet folds (fit_clamps_cb ()). */
static void
show_leaflet_page (AdwLeaflet *leaflet,
                   const char *name)
{
  if (!adw_leaflet_get_folded (leaflet))
    {
      g_object_set_data_full (G_OBJECT (leaflet), "baton-page", g_strdup (name), g_free);
      return;
    }
  g_object_set_data (G_OBJECT (leaflet), "baton-page", NULL);
  adw_leaflet_set_visible_child_name (leaflet, name);
}

/* The page shown, or to be shown once folded. */
static const char *
leaflet_page (AdwLeaflet *leaflet)
{
  const char *wanted = g_object_get_data (G_OBJECT (leaflet), "baton-page");

  return wanted != NULL ? wanted : adw_leaflet_get_visible_child_name (leaflet);
}

static void
show_remembered_page (AdwLeaflet *leaflet)
{
  g_autofree char *wanted = g_strdup (g_object_get_data (G_OBJECT (leaflet), "baton-page"));

  if (wanted != NULL && adw_leaflet_get_folded (leaflet))
    show_leaflet_page (leaflet, wanted);
}

void
_baton_clients_view_show_pane (BatonClientsView *self,
                               const char       *pane)
{
  if (g_str_equal (pane, "list"))
    {
      show_leaflet_page (self->leaflet, "list");
      return;
    }

  show_leaflet_page (self->leaflet, "content");
  show_leaflet_page (self->note_leaflet, pane);
}

static void
set_clamp (AdwClamp *clamp,
           int       width)
{
  adw_clamp_set_maximum_size (clamp, width);
  adw_clamp_set_tightening_threshold (clamp, width);
}

/* The sidebar is 250 px wide beside the rest, the client's page up to 370
 * beside the note; alone, each is as wide as the window. A leaflet folds
 * while it is allocated: the clamps change after that. */
static gboolean
fit_clamps_cb (gpointer data)
{
  BatonClientsView *self = data;

  self->clamp_source = 0;
  show_remembered_page (self->leaflet);
  show_remembered_page (self->note_leaflet);
  set_clamp (self->sidebar_clamp, adw_leaflet_get_folded (self->leaflet) ? 100000 : 250);
  set_clamp (self->client_clamp, adw_leaflet_get_folded (self->note_leaflet) ? 100000 : 370);

  return G_SOURCE_REMOVE;
}

/* One way back at a time: from the note to the client, from the client
 * (or an empty content page) to the list. */
static void
on_folded_changed (BatonClientsView *self)
{
  gboolean on_note, note_folded;

  /* The leaflets go with the view. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->leaflet == NULL || self->note_leaflet == NULL)
    return;

  on_note = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "client") == 0 &&
            g_strcmp0 (leaflet_page (self->note_leaflet), "note") == 0;
  note_folded = adw_leaflet_get_folded (self->note_leaflet);
  if (self->clamp_source == 0)
    self->clamp_source = g_idle_add (fit_clamps_cb, self);

  gtk_widget_set_visible (self->back_to_list, adw_leaflet_get_folded (self->leaflet) &&
                                              !(note_folded && on_note));
  gtk_widget_set_visible (self->back_to_client, note_folded);
}

static void
on_client_list_activate (BatonClientsView *self)
{
  if (gtk_single_selection_get_selected_item (self->clients_selection) != NULL)
    _baton_clients_view_show_pane (self, "client");
}

/* A click on a row selects it first (the row's own gesture); then, folded,
 * the client's page comes forward. */
static void
on_client_list_released (GtkGestureClick  *gesture,
                         int               n_press,
                         double            x,
                         double            y,
                         BatonClientsView *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    on_client_list_activate (self);
}

/* Notes ---------------------------------------------------------------------------- */

void
_baton_clients_view_open_note_now (BatonClientsView *self,
                                   BatonNote        *note,
                                   gint              offset,
                                   gint              length)
{
  baton_note_editor_set_note (self->editor, note);
  baton_client_page_select_note (self->client_page, note);
  if (note != NULL && (offset >= 0 || length > 0))
    baton_note_editor_show_match (self->editor, offset, length);
  _baton_clients_view_update_pages (self);
}

void
baton_clients_view_open_note (BatonClientsView *self,
                              BatonNote        *note,
                              gint              offset,
                              gint              length)
{
  BatonClient *client;

  g_return_if_fail (BATON_IS_CLIENTS_VIEW (self));
  g_return_if_fail (BATON_IS_NOTE (note));

  client = baton_store_lookup_client (self->store, baton_note_get_client_id (note));
  g_return_if_fail (client != NULL);

  _baton_clients_view_show_pane (self, "note");
  if (client == self->current_client)
    {
      _baton_clients_view_open_note_now (self, note, offset, length);
      return;
    }

  g_set_object (&self->pending_note, note);
  self->pending_offset = offset;
  self->pending_length = length;
  baton_clients_view_select_client (self, client);
}

static void
on_note_activated (BatonClientsView *self,
                   BatonNote        *note)
{
  baton_note_editor_set_note (self->editor, note);
  _baton_clients_view_update_pages (self);
  _baton_clients_view_show_pane (self, "note");
}

/* Search ------------------------------------------------------------------------------ */

static void
setup_result_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *client = gtk_label_new (NULL);
  GtkWidget *snippet = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (client), 0);
  gtk_label_set_ellipsize (GTK_LABEL (client), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (client, "dim-label");
  gtk_widget_add_css_class (client, "caption");
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 3);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (snippet), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (snippet), 30);
  gtk_widget_add_css_class (snippet, "search-snippet");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), client);
  gtk_box_append (GTK_BOX (box), snippet);
  gtk_list_item_set_child (item, box);
}

static void
bind_result_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  BatonClientsView *self = data;
  BatonSearchHit *hit = gtk_list_item_get_item (item);
  BatonNote *note = baton_search_hit_get_note (hit);
  BatonClient *client = baton_store_lookup_client (self->store, baton_note_get_client_id (note));
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *client_label = gtk_widget_get_next_sibling (title);
  GtkWidget *snippet = gtk_widget_get_next_sibling (client_label);
  g_autofree char *markup = baton_search_hit_get_snippet_markup (hit);
  const char *note_title = baton_note_get_title (note);
  g_autofree char *accessible = NULL;

  gtk_label_set_text (GTK_LABEL (title), note_title != NULL ? note_title : _("Untitled Note"));
  gtk_label_set_text (GTK_LABEL (client_label), client != NULL ? baton_client_get_name (client) : "");
  /* The snippet's user text is escaped by the model; only the matches are markup. */
  gtk_label_set_markup (GTK_LABEL (snippet), markup);
  gtk_widget_set_visible (snippet, markup[0] != '\0');

  accessible = g_strdup_printf ("%s, %s: %s", gtk_label_get_text (GTK_LABEL (title)),
                                gtk_label_get_text (GTK_LABEL (client_label)),
                                baton_search_hit_get_snippet (hit));
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

void
baton_clients_view_run_search (BatonClientsView *self)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  const char *text;
  g_autofree char *count = NULL;
  guint total = 0;

  g_return_if_fail (BATON_IS_CLIENTS_VIEW (self));

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_list_store_remove_all (self->results);

  if (text == NULL || g_strstrip (g_strdup (text))[0] == '\0')
    {
      gtk_stack_set_visible_child_name (self->results_stack, "hint");
      return;
    }

  hits = baton_notes_search (self->store, text, BATON_NOTES_SEARCH_LIMIT, &total, &error);
  if (hits == NULL)
    {
      /* A database problem, not the query: say so where the results go. */
      g_warning ("Notes search failed: %s", error->message);
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
      return;
    }

  g_list_store_splice (self->results, 0, 0, hits->pdata, hits->len);

  if (total > hits->len)
    /* Translators: search results, e.g. "The 200 most recent of 1,234 notes" */
    count = g_strdup_printf (_("The %u most recent of %u notes"), hits->len, total);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", total), total);
  gtk_label_set_text (self->results_count, count);
  gtk_stack_set_visible_child_name (self->results_stack, hits->len > 0 ? "results" : "empty");
}

static void
on_search_changed (BatonClientsView *self)
{
  baton_clients_view_run_search (self);
}

void
baton_clients_view_activate_result (BatonClientsView *self,
                                    guint             index)
{
  g_autoptr(BatonSearchHit) hit = NULL;
  BatonNote *note;

  g_return_if_fail (BATON_IS_CLIENTS_VIEW (self));

  hit = g_list_model_get_item (G_LIST_MODEL (self->results), index);
  if (hit == NULL)
    return;

  note = baton_search_hit_get_note (hit);
  /* The note may have gone since the search (undo, deletion). */
  if (baton_store_lookup_note (self->store, baton_record_get_id (BATON_RECORD (note))) != note)
    {
      baton_clients_view_run_search (self);
      return;
    }

  baton_clients_view_open_note (self, note,
                                baton_search_hit_get_match_offset (hit),
                                baton_search_hit_get_match_length (hit));
}

static void
on_result_activated (BatonClientsView *self,
                     guint             position)
{
  baton_clients_view_activate_result (self, position);
}

/* Keeping up with the store and the window ----------------------------------------------- */

static gboolean
refresh_cb (gpointer data)
{
  BatonClientsView *self = data;

  self->refresh_source = 0;

  /* Names and archiving change what is listed and where. */
  gtk_filter_changed (GTK_FILTER (self->clients_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (gtk_sort_list_model_get_sorter (GTK_SORT_LIST_MODEL (gtk_single_selection_get_model (self->clients_selection))),
                      GTK_SORTER_CHANGE_DIFFERENT);
  on_client_selected (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_changed (BatonClientsView *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
}

/* Public ---------------------------------------------------------------------------------- */

BatonClient *
baton_clients_view_get_client (BatonClientsView *self)
{
  g_return_val_if_fail (BATON_IS_CLIENTS_VIEW (self), NULL);
  return self->current_client;
}

GListModel *
baton_clients_view_get_clients (BatonClientsView *self)
{
  g_return_val_if_fail (BATON_IS_CLIENTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->clients_selection);
}

GtkWidget *
baton_clients_view_get_editor (BatonClientsView *self)
{
  g_return_val_if_fail (BATON_IS_CLIENTS_VIEW (self), NULL);
  return GTK_WIDGET (self->editor);
}

GtkWidget *
baton_clients_view_get_client_page (BatonClientsView *self)
{
  g_return_val_if_fail (BATON_IS_CLIENTS_VIEW (self), NULL);
  return GTK_WIDGET (self->client_page);
}

GtkEditable *
baton_clients_view_get_search_entry (BatonClientsView *self)
{
  g_return_val_if_fail (BATON_IS_CLIENTS_VIEW (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GListModel *
baton_clients_view_get_results (BatonClientsView *self)
{
  g_return_val_if_fail (BATON_IS_CLIENTS_VIEW (self), NULL);
  return G_LIST_MODEL (self->results);
}

const char *
baton_clients_view_get_content_page (BatonClientsView *self)
{
  g_return_val_if_fail (BATON_IS_CLIENTS_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->content_stack);
}

const char *
baton_clients_view_get_sidebar_page (BatonClientsView *self)
{
  g_return_val_if_fail (BATON_IS_CLIENTS_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->sidebar_stack);
}

BatonStore *
baton_clients_view_get_store (BatonClientsView *self)
{
  g_return_val_if_fail (BATON_IS_CLIENTS_VIEW (self), NULL);
  return self->store;
}

/* GObject ----------------------------------------------------------------------------------- */

static void
baton_clients_view_constructed (GObject *object)
{
  BatonClientsView *self = BATON_CLIENTS_VIEW (object);
  GtkSortListModel *sorted;
  GtkFilterListModel *filtered;
  GtkListItemFactory *factory;

  G_OBJECT_CLASS (baton_clients_view_parent_class)->constructed (object);

  g_assert (BATON_IS_STORE (self->store));

  /* Clients, filtered and by name. */
  self->clients_filter = gtk_custom_filter_new (client_is_shown, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (baton_store_get_clients (self->store)),
                                        GTK_FILTER (self->clients_filter));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    GTK_SORTER (gtk_custom_sorter_new (compare_clients, NULL, NULL)));
  self->clients_selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->clients_selection, TRUE);
  /* Its rows are BatonClientRows (the template's factory). */
  gtk_list_view_set_model (self->client_list, GTK_SELECTION_MODEL (self->clients_selection));
  g_signal_connect_object (self->clients_selection, "notify::selected-item",
                           G_CALLBACK (on_client_selected), self, G_CONNECT_SWAPPED);

  /* The client's page and the editor need the store. */
  self->client_page = BATON_CLIENT_PAGE (baton_client_page_new (self->store));
  gtk_widget_set_hexpand (GTK_WIDGET (self->client_page), TRUE);
  gtk_box_append (self->client_page_box, GTK_WIDGET (self->client_page));
  g_signal_connect_object (self->client_page, "note-activated", G_CALLBACK (on_note_activated), self, G_CONNECT_SWAPPED);

  self->editor = BATON_NOTE_EDITOR (baton_note_editor_new (self->store));
  gtk_widget_set_hexpand (GTK_WIDGET (self->editor), TRUE);
  g_signal_connect_object (self->editor, "notify::has-unsaved", G_CALLBACK (_baton_clients_view_on_unsaved_saved), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->editor_box, GTK_WIDGET (self->editor));

  /* Search results. */
  self->results = g_list_store_new (BATON_TYPE_SEARCH_HIT);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_result_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_result_row), self);
  gtk_list_view_set_factory (self->results_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->results_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)))));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::read-only", G_CALLBACK (_baton_clients_view_update_actions),
                           self, G_CONNECT_SWAPPED);
  baton_notes_watch_index (self->store);

  on_client_selected (self);
}

static void
baton_clients_view_dispose (GObject *object)
{
  BatonClientsView *self = BATON_CLIENTS_VIEW (object);

  /* The editor saves on the way out. */
  if (self->editor != NULL)
    baton_note_editor_save (self->editor, NULL);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->clamp_source, g_source_remove);

  if (self->clients_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->clients_selection, self);
  if (self->client_list != NULL)
    gtk_list_view_set_model (self->client_list, NULL);
  if (self->results_list != NULL)
    gtk_list_view_set_model (self->results_list, NULL);

  /* The leaflet is both the bin's child and a template child: the bin lets
   * go of it first, so that neither unparents it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BATON_TYPE_CLIENTS_VIEW);
  g_clear_handle_id (&self->clamp_source, g_source_remove);

  self->editor = NULL;
  self->client_page = NULL;
  g_clear_weak_pointer (&self->current_client);
  _baton_clients_view_close_dispose (self);
  g_clear_object (&self->pending_note);
  g_clear_object (&self->clients_selection);
  g_clear_object (&self->results);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_clients_view_parent_class)->dispose (object);
}

static void
baton_clients_view_finalize (GObject *object)
{
  BatonClientsView *self = BATON_CLIENTS_VIEW (object);

  g_free (self->filter_text);

  G_OBJECT_CLASS (baton_clients_view_parent_class)->finalize (object);
}

static void
baton_clients_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BatonClientsView *self = BATON_CLIENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, self->show_archived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_clients_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BatonClientsView *self = BATON_CLIENTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SHOW_ARCHIVED:
      if (self->show_archived != g_value_get_boolean (value))
        {
          self->show_archived = g_value_get_boolean (value);
          if (self->clients_filter != NULL)
            gtk_filter_changed (GTK_FILTER (self->clients_filter),
                                self->show_archived ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
          if (self->client_page != NULL)
            baton_client_page_set_show_archived (self->client_page, self->show_archived);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_clients_view_class_init (BatonClientsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baton_clients_view_constructed;
  object_class->dispose = baton_clients_view_dispose;
  object_class->finalize = baton_clients_view_finalize;
  object_class->get_property = baton_clients_view_get_property;
  object_class->set_property = baton_clients_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BATON_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BATON_TYPE_CLIENT_PAGE);
  g_type_ensure (BATON_TYPE_CLIENT_ROW);
  g_type_ensure (BATON_TYPE_NOTE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/clients/baton-clients-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, sidebar_header_stack);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, client_list_stack);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, client_list);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, results_count);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, results_list);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, archived_check);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, sidebar_clamp);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, back_to_list);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, note_leaflet);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, client_clamp);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, back_to_client);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, back_to_client_content);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, client_page_box);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, editor_box);

  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_result_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_client_list_activate);
  _baton_clients_view_class_init_actions (widget_class);

  gtk_widget_class_set_css_name (widget_class, "clientsview");
}

static void
baton_clients_view_init (BatonClientsView *self)
{
  GtkGesture *click;

  gtk_widget_init_template (GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (on_client_list_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->client_list), GTK_EVENT_CONTROLLER (click));
  on_folded_changed (self);
  baton_accessible_fix_mnemonics (GTK_WIDGET (self));
}

GtkWidget *
baton_clients_view_new (BatonStore *store)
{
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  return g_object_new (BATON_TYPE_CLIENTS_VIEW, "store", store, NULL);
}
