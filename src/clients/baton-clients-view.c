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
 * Everything the view does is a clients.* action on it; the window only
 * hosts the view. The screenshot program asks for a particular picture
 * with clients.screenshot-setup, which the view also puts on its window.
 */

#define G_LOG_DOMAIN "baton-clients-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-client-page.h"
#include "baton-clients-view.h"
#include "baton-note-editor.h"
#include "baton-notes.h"
#include "baton-accessible.h"
#include "baton-program-dialog.h"

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
  GtkStack           *content_stack;
  GtkPaned           *paned;
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
  GSimpleActionGroup *window_actions;
  GtkWindow          *window;           /* weak: the root we put actions on */
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
  gboolean            close_decided;    /* the window may close now */
  guint               close_source;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonClientsView, baton_clients_view, ADW_TYPE_BIN)

static void open_note_now (BatonClientsView *self,
                           BatonNote        *note,
                           gint              offset,
                           gint              length);

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

static void
setup_client_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static gboolean
text_is_set (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      data)
{
  const char *text = g_value_get_string (from);

  g_value_set_boolean (to, text != NULL && text[0] != '\0');
  return TRUE;
}

static void
bind_client_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  BatonClient *client = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  GPtrArray *bindings = g_ptr_array_new ();

  /* Plain labels: a client called "<b>Acme</b>" is shown as typed. */
  g_ptr_array_add (bindings, g_object_bind_property (client, "name", name, "label", G_BINDING_SYNC_CREATE));
  g_ptr_array_add (bindings, g_object_bind_property (client, "organization", detail, "label", G_BINDING_SYNC_CREATE));
  /* The sidebar is narrow: a long name is shortened, and whole in its tooltip. */
  g_ptr_array_add (bindings, g_object_bind_property (client, "name", name, "tooltip-text", G_BINDING_SYNC_CREATE));
  g_ptr_array_add (bindings, g_object_bind_property (client, "organization", detail, "tooltip-text", G_BINDING_SYNC_CREATE));
  g_ptr_array_add (bindings, g_object_bind_property_full (client, "organization", detail, "visible",
                                                          G_BINDING_SYNC_CREATE, text_is_set, NULL, NULL, NULL));
  g_object_set_data_full (G_OBJECT (item), "bindings", bindings, (GDestroyNotify) g_ptr_array_unref);

  if (baton_client_get_archived (client))
    gtk_widget_add_css_class (box, "dim-label");
  else
    gtk_widget_remove_css_class (box, "dim-label");
}

static void
unbind_client_row (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  data)
{
  GPtrArray *bindings = g_object_get_data (G_OBJECT (item), "bindings");

  for (guint i = 0; bindings != NULL && i < bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (bindings, i));
  g_object_set_data (G_OBJECT (item), "bindings", NULL);
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

static void
update_pages (BatonClientsView *self)
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
}

static void
update_actions (BatonClientsView *self)
{
  BatonClient *client = self->current_client;
  /* A workspace that cannot be written can be looked at, not changed. */
  gboolean writable = !baton_store_get_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.add-client", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.archive-client",
                                 writable && client != NULL && !baton_client_get_archived (client));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.restore-client",
                                 writable && client != NULL && baton_client_get_archived (client));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.new-note", writable && client != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.add-program", writable && client != NULL);
}

static void
on_client_selected (BatonClientsView *self)
{
  BatonClient *client = gtk_single_selection_get_selected_item (self->clients_selection);
  g_autoptr(BatonNote) pending = g_steal_pointer (&self->pending_note);

  if (client == self->current_client && pending == NULL)
    {
      update_pages (self);
      update_actions (self);
      return;
    }

  if (client != self->current_client)
    {
      g_set_weak_pointer (&self->current_client, client);

      /* Leave the open note first: it is saved now. */
      baton_note_editor_set_note (self->editor, NULL);
      baton_client_page_set_client (self->client_page, client);
    }

  if (client != NULL)
    {
      if (pending != NULL && baton_note_get_client_id (pending) == baton_record_get_id (BATON_RECORD (client)))
        open_note_now (self, pending, self->pending_offset, self->pending_length);
      else if (baton_note_editor_get_note (self->editor) == NULL)
        open_note_now (self, newest_note (self, client), -1, 0);
    }

  update_pages (self);
  update_actions (self);
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

/* Notes ---------------------------------------------------------------------------- */

static void
open_note_now (BatonClientsView *self,
               BatonNote        *note,
               gint              offset,
               gint              length)
{
  baton_note_editor_set_note (self->editor, note);
  baton_client_page_select_note (self->client_page, note);
  if (note != NULL && (offset >= 0 || length > 0))
    baton_note_editor_show_match (self->editor, offset, length);
  update_pages (self);
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

  if (client == self->current_client)
    {
      open_note_now (self, note, offset, length);
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
  update_pages (self);
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

static void
on_stop_search (BatonClientsView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "clients.stop-search", NULL);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BatonClientsView *self = BATON_CLIENTS_VIEW (widget);

  gtk_stack_set_visible_child_name (self->sidebar_header_stack, "search");
  gtk_stack_set_visible_child_name (self->sidebar_stack, "search");
  gtk_widget_set_visible (GTK_WIDGET (self->archived_check), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
stop_search_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BatonClientsView *self = BATON_CLIENTS_VIEW (widget);

  gtk_stack_set_visible_child_name (self->sidebar_header_stack, "clients");
  gtk_stack_set_visible_child_name (self->sidebar_stack, "clients");
  gtk_widget_set_visible (GTK_WIDGET (self->archived_check), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->client_list));
}

/* Clients ------------------------------------------------------------------------------ */

static void
on_filter_changed (BatonClientsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_free (self->filter_text);
  self->filter_text = stripped[0] != '\0' ? g_utf8_casefold (stripped, -1) : NULL;
  gtk_filter_changed (GTK_FILTER (self->clients_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_pages (self);
}

static void
on_add_client_response (AdwMessageDialog *dialog,
                        const char       *response,
                        BatonClientsView *self)
{
  GtkEditable *name_entry = g_object_get_data (G_OBJECT (dialog), "name");
  GtkEditable *org_entry = g_object_get_data (G_OBJECT (dialog), "organization");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *organization = NULL;
  BatonClient *client;

  if (g_strcmp0 (response, "add") != 0)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (name_entry)));
  organization = g_strstrip (g_strdup (gtk_editable_get_text (org_entry)));

  client = baton_store_create_client (self->store, name, organization[0] ? organization : NULL, &error);
  if (client == NULL)
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                   _("Could Not Add the Client"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      baton_accessible_fix_mnemonics (GTK_WIDGET (message));
      gtk_window_present (GTK_WINDOW (message));
      return;
    }

  /* The filter might hide the new client. */
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
  baton_clients_view_select_client (self, client);
}

static void
on_add_client_name_changed (GtkEditable      *entry,
                            AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "add", name[0] != '\0');
}

static void
add_client_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BatonClientsView *self = BATON_CLIENTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *name = gtk_entry_new ();
  GtkWidget *organization = gtk_entry_new ();

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("New Client"),
                                   _("The client’s name, as you call them. Contacts and programs come next."));
  gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Name"));
  gtk_entry_set_activates_default (GTK_ENTRY (name), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  gtk_entry_set_placeholder_text (GTK_ENTRY (organization), _("Organization (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (organization), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (organization), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Organization"), -1);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), organization);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);

  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "organization", organization);
  g_signal_connect (name, "changed", G_CALLBACK (on_add_client_name_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_client_response), self, 0);

  baton_accessible_fix_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
}

static void
set_archived (BatonClientsView *self,
              gboolean          archived)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  BatonClient *client = self->current_client;

  if (client == NULL)
    return;

  baton_note_editor_save (self->editor, NULL);
  if (!baton_store_update (self->store, client, &error, "archived", archived, NULL))
    {
      g_warning ("Could not archive the client: %s", error->message);
      return;
    }

  /* Translators: a toast; %s is a client's name */
  message = g_strdup_printf (archived ? _("“%s” archived") : _("“%s” restored"), baton_client_get_name (client));
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-undo-toast", "s", message);
}

static void
archive_client_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  set_archived (BATON_CLIENTS_VIEW (widget), TRUE);
}

static void
restore_client_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  set_archived (BATON_CLIENTS_VIEW (widget), FALSE);
}

/* The program a new note is about: the open note's, or the client's only one. */
static BatonProgram *
program_for_new_note (BatonClientsView *self)
{
  BatonNote *open = baton_note_editor_get_note (self->editor);
  GListModel *programs = baton_client_page_get_programs (self->client_page);
  BatonProgram *only = NULL;
  guint active = 0;

  if (open != NULL && baton_note_get_program_id (open) != 0)
    return baton_store_lookup_program (self->store, baton_note_get_program_id (open));

  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(BatonProgram) program = g_list_model_get_item (programs, i);

      if (!baton_program_get_archived (program))
        {
          only = program;
          active++;
        }
    }

  return active == 1 ? only : NULL;
}

static void
new_note_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BatonClientsView *self = BATON_CLIENTS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  BatonNoteTemplate template_id = BATON_NOTE_TEMPLATE_BLANK;
  BatonNote *note;

  if (self->current_client == NULL)
    return;

  if (parameter != NULL)
    baton_note_template_from_string (g_variant_get_string (parameter, NULL), &template_id);

  baton_note_editor_save (self->editor, NULL);
  note = baton_notes_create_from_template (self->store, self->current_client,
                                           program_for_new_note (self), template_id, &error);
  if (note == NULL)
    {
      g_warning ("Could not add a note: %s", error->message);
      return;
    }

  open_note_now (self, note, -1, 0);

  if (template_id == BATON_NOTE_TEMPLATE_BLANK)
    {
      GtkEditable *title = baton_note_editor_get_title (self->editor);

      gtk_widget_grab_focus (GTK_WIDGET (title));
      gtk_editable_select_region (title, 0, -1);
    }
  else
    {
      /* Start writing under the first heading's prompt. */
      const char *body = baton_note_get_body (note);
      const char *prompt = body != NULL ? strstr (body, "\n\n_") : NULL;
      const char *decisions = body != NULL ? strstr (body, "\n- ") : NULL;
      const char *at = template_id == BATON_NOTE_TEMPLATE_MEETING ? decisions : prompt;

      if (at != NULL)
        baton_note_editor_show_match (self->editor, g_utf8_pointer_to_offset (body, at) + 2, 0);
    }
}

static void
add_program_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BatonClientsView *self = BATON_CLIENTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->current_client == NULL)
    return;

  dialog = baton_program_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->store, self->current_client, NULL);
  baton_accessible_fix_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The screenshot's picture: the first client's needs analysis. */
static void
screenshot_setup (BatonClientsView *self)
{
  g_autoptr(BatonClient) first = NULL;
  GListModel *notes;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->clients_selection)) == 0)
    return;

  first = g_list_model_get_item (G_LIST_MODEL (self->clients_selection), 0);
  baton_clients_view_select_client (self, first);

  notes = baton_client_page_get_notes (self->client_page);
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(BatonNote) note = g_list_model_get_item (notes, i);
      const char *title = baton_note_get_title (note);

      if (title != NULL && g_str_has_prefix (title, "Needs analysis"))
        {
          open_note_now (self, note, -1, 0);
          break;
        }
    }
}

static void
screenshot_setup_activated (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       data)
{
  screenshot_setup (BATON_CLIENTS_VIEW (data));
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

/* Closing with unsaved text ----------------------------------------------------------- */

/* The window closes (or the application quits) only when every note is
 * saved, or the person chose what happens to the text that is not: the
 * save is retried, a copy is written, or it is discarded. Never silently. */

static gboolean
close_cb (gpointer data)
{
  BatonClientsView *self = data;

  self->close_source = 0;
  if (self->window != NULL)
    gtk_window_close (self->window);

  return G_SOURCE_REMOVE;
}

static void
close_now (BatonClientsView *self)
{
  self->close_decided = TRUE;
  /* From the main loop: the dialog that decided is still finishing its
   * response, and it is transient for the window. */
  if (self->close_source == 0)
    self->close_source = g_idle_add (close_cb, self);
}

static void
on_unsaved_saved (BatonClientsView *self)
{
  /* A retry went through while the dialog was up: nothing is at risk. */
  if (self->unsaved_dialog != NULL && !baton_note_editor_has_unsaved (self->editor))
    {
      gtk_window_destroy (GTK_WINDOW (self->unsaved_dialog));
      close_now (self);
    }
}

gboolean
baton_clients_view_save_copy_to_file (BatonClientsView  *self,
                                      GFile             *file,
                                      GError           **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (BATON_IS_CLIENTS_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = baton_note_editor_get_unsaved_markdown (self->editor);
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

static void ask_before_closing (BatonClientsView *self,
                                const GError     *error);

static void
on_copy_response (GtkNativeDialog  *chooser,
                  int               response,
                  BatonClientsView *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_signal_handlers_disconnect_by_data (chooser, self);
  g_clear_object (&self->copy_chooser);

  if (file == NULL)
    {
      /* Cancelled: ask again. */
      ask_before_closing (self, NULL);
      return;
    }

  if (!baton_clients_view_save_copy_to_file (self, file, &error))
    {
      ask_before_closing (self, error);
      return;
    }

  /* The text is safe in the copy; the notes keep what was saved last. */
  baton_note_editor_discard_unsaved (self->editor);
  close_now (self);
}

static void
save_copy_as (BatonClientsView *self)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *title = baton_note_editor_get_unsaved_title (self->editor);
  g_autofree char *name = NULL;

  /* A native chooser: the file chooser portal inside Flatpak. */
  self->copy_chooser = gtk_file_chooser_native_new (_("Save a Copy of the Note"), self->window,
                                                    GTK_FILE_CHOOSER_ACTION_SAVE,
                                                    _("_Save"), _("_Cancel"));
  name = g_strconcat (title != NULL ? title : _("Note"), ".md", NULL);
  g_strdelimit (name, "/\\", ' ');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->copy_chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Markdown"));
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_pattern (filter, "*.md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->copy_chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->copy_chooser), TRUE);
  g_signal_connect (self->copy_chooser, "response", G_CALLBACK (on_copy_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->copy_chooser));
}

static void
on_unsaved_response (AdwMessageDialog *dialog,
                     const char       *response,
                     BatonClientsView *self)
{
  g_autoptr(GError) error = NULL;

  /* The dialog closes itself after a response. */
  g_clear_weak_pointer (&self->unsaved_dialog);

  if (g_strcmp0 (response, "retry") == 0)
    {
      if (baton_note_editor_save_all (self->editor, &error))
        close_now (self);
      else
        ask_before_closing (self, error);
    }
  else if (g_strcmp0 (response, "copy") == 0)
    save_copy_as (self);
  else if (g_strcmp0 (response, "discard") == 0)
    {
      baton_note_editor_discard_unsaved (self->editor);
      close_now (self);
    }
  /* "keep" (Escape): the window stays, the saves go on being retried. */
}

static void
ask_before_closing (BatonClientsView *self,
                    const GError     *error)
{
  g_autofree char *title = baton_note_editor_get_unsaved_title (self->editor);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->unsaved_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->unsaved_dialog));
      return;
    }

  if (error != NULL)
    /* Translators: %s is a note's title, then why it could not be saved */
    body = g_strdup_printf (_("The latest changes to “%s” could not be saved: %s\n\n"
                              "Baton keeps trying. Retry now, save a copy of the note as a Markdown file, "
                              "or discard the changes."),
                            title != NULL ? title : _("Untitled Note"), error->message);
  else
    /* Translators: %s is a note's title */
    body = g_strdup_printf (_("The latest changes to “%s” are not saved yet. "
                              "Retry now, save a copy of the note as a Markdown file, or discard the changes."),
                            title != NULL ? title : _("Untitled Note"));

  dialog = adw_message_dialog_new (self->window, _("Note Not Saved"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "copy", _("Save a _Copy As…"),
                                    "retry", _("_Retry"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retry", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "retry");
  /* Escape keeps the window open; nothing is lost. */
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response), self, 0);
  g_set_weak_pointer (&self->unsaved_dialog, ADW_MESSAGE_DIALOG (dialog));
  baton_accessible_fix_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
on_close_request (BatonClientsView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->close_decided)
    return FALSE;

  if (self->unsaved_dialog != NULL || self->copy_chooser != NULL)
    {
      if (self->unsaved_dialog != NULL)
        gtk_window_present (GTK_WINDOW (self->unsaved_dialog));
      return TRUE;
    }

  /* Closing the window or quitting: save what was typed. */
  if (baton_note_editor_save_all (self->editor, &error))
    return FALSE;

  g_debug ("Closing with a note that could not be saved: %s", error->message);
  ask_before_closing (self, error);
  return TRUE;
}

AdwMessageDialog *
baton_clients_view_get_unsaved_dialog (BatonClientsView *self)
{
  g_return_val_if_fail (BATON_IS_CLIENTS_VIEW (self), NULL);
  return self->unsaved_dialog;
}

static void
baton_clients_view_root (GtkWidget *widget)
{
  BatonClientsView *self = BATON_CLIENTS_VIEW (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (baton_clients_view_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      g_set_weak_pointer (&self->window, GTK_WINDOW (root));
      gtk_widget_insert_action_group (GTK_WIDGET (root), "clients", G_ACTION_GROUP (self->window_actions));
      g_signal_connect_object (root, "close-request", G_CALLBACK (on_close_request), self, G_CONNECT_SWAPPED);
    }
}

static void
baton_clients_view_unroot (GtkWidget *widget)
{
  BatonClientsView *self = BATON_CLIENTS_VIEW (widget);

  if (self->window != NULL)
    {
      gtk_widget_insert_action_group (GTK_WIDGET (self->window), "clients", NULL);
      g_signal_handlers_disconnect_by_data (self->window, self);
      g_clear_weak_pointer (&self->window);
    }

  GTK_WIDGET_CLASS (baton_clients_view_parent_class)->unroot (widget);
}

/* Public ---------------------------------------------------------------------------------- */

BatonClient *
baton_clients_view_get_client (BatonClientsView *self)
{
  g_return_val_if_fail (BATON_IS_CLIENTS_VIEW (self), NULL);
  return self->current_client;
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
load_style (void)
{
  static gboolean loaded = FALSE;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/clients/baton-clients.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  loaded = TRUE;
}

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
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_client_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_client_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_client_row), self);
  gtk_list_view_set_factory (self->client_list, factory);
  g_object_unref (factory);
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
  g_signal_connect_object (self->editor, "notify::has-unsaved", G_CALLBACK (on_unsaved_saved), self, G_CONNECT_SWAPPED);
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
  g_signal_connect_swapped (self->results_list, "activate", G_CALLBACK (on_result_activated), self);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
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
  g_clear_handle_id (&self->close_source, g_source_remove);

  if (self->clients_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->clients_selection, self);
  if (self->filter_entry != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_entry, self);
  if (self->search_entry != NULL)
    g_signal_handlers_disconnect_by_data (self->search_entry, self);
  if (self->client_list != NULL)
    gtk_list_view_set_model (self->client_list, NULL);
  if (self->results_list != NULL)
    gtk_list_view_set_model (self->results_list, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), BATON_TYPE_CLIENTS_VIEW);

  self->editor = NULL;
  self->client_page = NULL;
  g_clear_weak_pointer (&self->current_client);
  g_clear_weak_pointer (&self->window);
  if (self->unsaved_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->unsaved_dialog));
  g_clear_weak_pointer (&self->unsaved_dialog);
  if (self->copy_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->copy_chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->copy_chooser));
      g_clear_object (&self->copy_chooser);
    }
  g_clear_object (&self->pending_note);
  g_clear_object (&self->clients_selection);
  g_clear_object (&self->results);
  g_clear_object (&self->window_actions);
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
  widget_class->root = baton_clients_view_root;
  widget_class->unroot = baton_clients_view_unroot;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BATON_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BATON_TYPE_CLIENT_PAGE);
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
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, paned);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, client_page_box);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, BatonClientsView, editor_box);

  gtk_widget_class_install_action (widget_class, "clients.add-client", NULL, add_client_activated);
  gtk_widget_class_install_action (widget_class, "clients.archive-client", NULL, archive_client_activated);
  gtk_widget_class_install_action (widget_class, "clients.restore-client", NULL, restore_client_activated);
  gtk_widget_class_install_action (widget_class, "clients.new-note", "s", new_note_activated);
  gtk_widget_class_install_action (widget_class, "clients.add-program", NULL, add_program_activated);
  gtk_widget_class_install_action (widget_class, "clients.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "clients.stop-search", NULL, stop_search_activated);
  gtk_widget_class_install_property_action (widget_class, "clients.show-archived", "show-archived");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "clients.search", NULL);

  gtk_widget_class_set_css_name (widget_class, "clientsview");
}

static void
baton_clients_view_init (BatonClientsView *self)
{
  static const GActionEntry window_entries[] = {
    { .name = "screenshot-setup", .activate = screenshot_setup_activated },
  };

  load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  baton_accessible_fix_mnemonics (GTK_WIDGET (self));

  self->window_actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->window_actions), window_entries,
                                   G_N_ELEMENTS (window_entries), self);

  g_signal_connect_swapped (self->filter_entry, "search-changed", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self);
}

GtkWidget *
baton_clients_view_new (BatonStore *store)
{
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  return g_object_new (BATON_TYPE_CLIENTS_VIEW, "store", store, NULL);
}
