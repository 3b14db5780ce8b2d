/* baton-clients-view-actions.c — what the clients view does: clients.*
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The clients.* actions (add, archive and restore a client, a new note, a
 * new program, search), the client filter, and the one
 * _baton_clients_view_update_actions () that enables them from the state.
 */

#define G_LOG_DOMAIN "baton-clients-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-accessible.h"
#include "baton-clients-view-private.h"
#include "baton-notes.h"
#include "baton-program-dialog.h"
#include "baton-report-dialog.h"
#include "baton-view-settings.h"

/* State ----------------------------------------------------------------------------- */

void
_baton_clients_view_update_actions (BatonClientsView *self)
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
  /* A read-only workspace can still be reported on. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.status-report", client != NULL);
}

/* Search ---------------------------------------------------------------------------- */

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

/* Folded panes ---------------------------------------------------------------------- */

static void
show_list_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonClientsView *self = BATON_CLIENTS_VIEW (widget);

  _baton_clients_view_show_pane (self, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->client_list));
}

static void
show_client_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BatonClientsView *self = BATON_CLIENTS_VIEW (widget);

  _baton_clients_view_show_pane (self, "client");
  gtk_widget_child_focus (GTK_WIDGET (self->client_page), GTK_DIR_TAB_FORWARD);
}

/* clients.focus-notes: the focus goes to the client's list of notes (after
 * the open note was deleted, say: its editor has nothing left to focus). */
static void
focus_notes_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BatonClientsView *self = BATON_CLIENTS_VIEW (widget);

  _baton_clients_view_show_pane (self, "client");
  baton_client_page_focus_notes (self->client_page);
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
  _baton_clients_view_update_pages (self);
}

/* What the New Client dialog's response reads. */
typedef struct
{
  GWeakRef     view;
  GtkEditable *name;           /* owned by the dialog */
  GtkEditable *organization;
} AddClient;

static void
add_client_free (gpointer  data,
                 GClosure *closure)
{
  AddClient *add = data;

  g_weak_ref_clear (&add->view);
  g_free (add);
}

static void
on_add_client_response (AdwMessageDialog *dialog,
                        const char       *response,
                        AddClient        *add)
{
  g_autoptr(BatonClientsView) self = g_weak_ref_get (&add->view);
  GtkEditable *name_entry = add->name;
  GtkEditable *org_entry = add->organization;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *organization = NULL;
  BatonClient *client;

  if (self == NULL || g_strcmp0 (response, "add") != 0)
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
  AddClient *add;

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

  add = g_new0 (AddClient, 1);
  g_weak_ref_init (&add->view, self);
  add->name = GTK_EDITABLE (name);
  add->organization = GTK_EDITABLE (organization);
  g_signal_connect (name, "changed", G_CALLBACK (on_add_client_name_changed), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_add_client_response), add, add_client_free, 0);

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
status_report_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BatonClientsView *self = BATON_CLIENTS_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  BatonCapacitySettings settings;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  GtkWidget *dialog;

  if (self->current_client == NULL)
    return;

  baton_capacity_settings_init_default (&settings);
  if (schema != NULL)
    {
      g_autoptr(GSettings) gsettings = g_settings_new (APP_ID);

      baton_capacity_settings_from_gsettings (gsettings, &settings);
    }
  dialog = baton_report_dialog_new_status (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, &settings,
                                           baton_record_get_id (BATON_RECORD (self->current_client)));
  gtk_window_present (GTK_WINDOW (dialog));
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

  _baton_clients_view_open_note_now (self, note, -1, 0);
  _baton_clients_view_show_pane (self, "note");

  if (template_id == BATON_NOTE_TEMPLATE_BLANK)
    {
      GtkTextView *title = baton_note_editor_get_title (self->editor);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (title);
      GtkTextIter start, end;

      gtk_widget_grab_focus (GTK_WIDGET (title));
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_select_range (buffer, &start, &end);
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

/* Class ----------------------------------------------------------------------------- */

void
_baton_clients_view_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);

  gtk_widget_class_install_action (widget_class, "clients.add-client", NULL, add_client_activated);
  gtk_widget_class_install_action (widget_class, "clients.status-report", NULL, status_report_activated);
  gtk_widget_class_install_action (widget_class, "clients.archive-client", NULL, archive_client_activated);
  gtk_widget_class_install_action (widget_class, "clients.restore-client", NULL, restore_client_activated);
  gtk_widget_class_install_action (widget_class, "clients.new-note", "s", new_note_activated);
  gtk_widget_class_install_action (widget_class, "clients.add-program", NULL, add_program_activated);
  gtk_widget_class_install_action (widget_class, "clients.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "clients.stop-search", NULL, stop_search_activated);
  gtk_widget_class_install_action (widget_class, "clients.show-list", NULL, show_list_activated);
  gtk_widget_class_install_action (widget_class, "clients.show-client", NULL, show_client_activated);
  gtk_widget_class_install_action (widget_class, "clients.focus-notes", NULL, focus_notes_activated);
  gtk_widget_class_install_property_action (widget_class, "clients.show-archived", "show-archived");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "clients.search", NULL);
}
