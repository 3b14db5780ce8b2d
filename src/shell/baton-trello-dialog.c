/* baton-trello-dialog.c — the choices and the preview of a Trello board import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built in code: a row per Trello member and per client, which a template
 * cannot know. Every choice goes straight to the BatonTrelloImport, and
 * the preview is read from it again.
 */

#define G_LOG_DOMAIN "baton-trello-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-accessible.h"
#include "baton-import-preview.h"
#include "baton-trello-dialog.h"

/* The warnings the preview lists; the rest are counted. */

/* A member row's first choices; people follow. */
enum
{
  MEMBER_CHOICE_CREATE,
  MEMBER_CHOICE_UNASSIGNED,
  MEMBER_CHOICE_FIRST_PERSON,
};

struct _BatonTrelloImportDialog
{
  AdwWindow          parent_instance;

  /* Widgets */
  GtkWidget         *client_row;
  GtkWidget         *new_client_row;
  GtkWidget         *archived_switch;
  GtkWidget         *people_group;
  GtkWidget         *program_label;
  GtkWidget         *summary_label;
  GtkWidget         *notice_label;
  GtkWidget         *warnings_group;
  GtkWidget         *warnings_list;
  GPtrArray         *member_rows;    /* AdwComboRow, one per member, in the import's order */

  /* Owned */
  BatonStore        *store;
  BatonTrelloImport *import;
  GArray            *client_ids;     /* gint64, the client row's choices after "New Client" */
  GArray            *person_ids;     /* gint64, a member row's choices after the first two */

  /* State */
  char              *new_client_name;
};

G_DEFINE_FINAL_TYPE (BatonTrelloImportDialog, baton_trello_import_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_IMPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The preview ------------------------------------------------------------------- */

static void
update_preview (BatonTrelloImportDialog *self)
{
  const BatonTrelloPreview *preview = baton_trello_import_get_preview (self->import);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *program = NULL;
  guint n_warnings = preview->warnings != NULL ? preview->warnings->len : 0;
  gint64 client_id = baton_trello_import_dialog_get_client_id (self);

  if (client_id == 0)
    /* Translators: the first %s is a client's name, the second a program's */
    program = g_strdup_printf (_("Adds the client “%s” with the program “%s”."),
                               self->new_client_name, preview->board_name);
  else if (preview->program_exists)
    /* Translators: %s is a program's name */
    program = g_strdup_printf (_("Updates the client’s program “%s”: cards imported before are updated, "
                                 "none are deleted."), preview->board_name);
  else
    /* Translators: %s is a program's name */
    program = g_strdup_printf (_("Adds the program “%s” to the client."), preview->board_name);
  gtk_label_set_text (GTK_LABEL (self->program_label), program);

  baton_import_append_count (body, preview->n_new_tasks,
                             g_dngettext (GETTEXT_PACKAGE, "%u new task", "%u new tasks", preview->n_new_tasks));
  baton_import_append_count (body, preview->n_updated_tasks,
                             g_dngettext (GETTEXT_PACKAGE, "%u updated task", "%u updated tasks", preview->n_updated_tasks));
  baton_import_append_count (body, preview->n_stages_matched,
                             g_dngettext (GETTEXT_PACKAGE, "%u stage matched by name", "%u stages matched by name",
                             preview->n_stages_matched));
  baton_import_append_count (body, preview->n_stages_new,
                             g_dngettext (GETTEXT_PACKAGE, "%u new stage", "%u new stages", preview->n_stages_new));
  baton_import_append_count (body, preview->n_checklist_items,
                             g_dngettext (GETTEXT_PACKAGE, "%u checklist item", "%u checklist items",
                             preview->n_checklist_items));
  baton_import_append_count (body, preview->n_comments,
                             g_dngettext (GETTEXT_PACKAGE, "%u comment", "%u comments", preview->n_comments));
  baton_import_append_count (body, preview->n_attachments,
                             g_dngettext (GETTEXT_PACKAGE, "%u attachment link", "%u attachment links",
                             preview->n_attachments));
  baton_import_append_count (body, preview->n_people_matched,
                             g_dngettext (GETTEXT_PACKAGE, "%u person matched", "%u people matched",
                             preview->n_people_matched));
  baton_import_append_count (body, preview->n_people_new,
                             g_dngettext (GETTEXT_PACKAGE, "%u new person", "%u new people", preview->n_people_new));
  baton_import_append_count (body, preview->n_people_unassigned,
                             g_dngettext (GETTEXT_PACKAGE, "%u member left unassigned", "%u members left unassigned",
                             preview->n_people_unassigned));
  baton_import_append_count (body, preview->n_skipped_lists,
                             g_dngettext (GETTEXT_PACKAGE, "%u archived list skipped", "%u archived lists skipped",
                             preview->n_skipped_lists));
  baton_import_append_count (body, preview->n_skipped_cards,
                             g_dngettext (GETTEXT_PACKAGE, "%u archived card skipped", "%u archived cards skipped",
                             preview->n_skipped_cards));
  if (preview->n_cards == 0)
    {
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, _("The board has no cards to import."));
    }
  gtk_label_set_text (GTK_LABEL (self->summary_label), body->str);

  gtk_label_set_text (GTK_LABEL (self->notice_label), preview->actions_notice != NULL ? preview->actions_notice : "");
  gtk_widget_set_visible (self->notice_label, preview->actions_notice != NULL && preview->n_comments > 0);

  baton_import_warnings_fill (self->warnings_list, preview->warnings);
  gtk_widget_set_visible (self->warnings_group, n_warnings > 0);
}

static void
update_import_action (BatonTrelloImportDialog *self)
{
  gboolean can_import = baton_trello_import_dialog_get_client_id (self) != 0 ||
                        (self->new_client_name != NULL && self->new_client_name[0] != '\0');

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "trello-import.import", can_import);
}

/* Choices ------------------------------------------------------------------------ */

static void
on_client_selected (BatonTrelloImportDialog *self)
{
  gint64 client_id = baton_trello_import_dialog_get_client_id (self);

  gtk_widget_set_visible (self->new_client_row, client_id == 0);
  baton_trello_import_set_client_id (self->import, client_id);
  update_import_action (self);
  update_preview (self);
}

static void
on_new_client_name_changed (BatonTrelloImportDialog *self)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_client_row)));

  g_free (self->new_client_name);
  self->new_client_name = g_strdup (g_strstrip (name));
  update_import_action (self);
  update_preview (self);
}

static void
on_archived_changed (BatonTrelloImportDialog *self)
{
  baton_trello_import_set_include_archived (self->import,
                                            gtk_switch_get_active (GTK_SWITCH (self->archived_switch)));
  update_preview (self);
}

static void
on_member_selected (AdwComboRow             *row,
                    GParamSpec              *pspec,
                    BatonTrelloImportDialog *self)
{
  guint index;
  guint chosen = adw_combo_row_get_selected (row);
  const BatonTrelloMember *member;
  BatonTrelloMemberAction action;
  gint64 person_id = 0;
  g_autoptr(GError) error = NULL;

  if (!g_ptr_array_find (self->member_rows, row, &index) || chosen == GTK_INVALID_LIST_POSITION)
    return;

  member = baton_trello_import_get_member (self->import, index);
  if (chosen == MEMBER_CHOICE_CREATE)
    action = BATON_TRELLO_MEMBER_CREATE;
  else if (chosen == MEMBER_CHOICE_UNASSIGNED)
    action = BATON_TRELLO_MEMBER_UNASSIGNED;
  else
    {
      action = BATON_TRELLO_MEMBER_PERSON;
      person_id = g_array_index (self->person_ids, gint64, chosen - MEMBER_CHOICE_FIRST_PERSON);
    }

  /* The people offered are the workspace's: the model takes them. */
  if (!baton_trello_import_set_member (self->import, member->id, action, person_id, &error))
    g_warning ("Could not map the Trello member “%s”: %s", member->full_name, error->message);

  update_preview (self);
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BatonTrelloImportDialog *self = BATON_TRELLO_IMPORT_DIALOG (widget);

  /* What is written from now on is the import itself. */
  g_signal_handlers_disconnect_by_data (self->store, self);
  g_signal_emit (self, signals[SIGNAL_IMPORT], 0);
}

/* Building ------------------------------------------------------------------------ */

static GtkWidget *
wrapped_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* The program of some client named as the board (ignoring case): importing
 * again goes there by default. 0 when there is none. */
static gint64
find_client_of_board (BatonTrelloImportDialog *self)
{
  GListModel *programs = baton_store_get_programs (self->store);
  g_autofree char *board = g_utf8_casefold (baton_trello_import_get_board_name (self->import), -1);

  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(BatonProgram) program = g_list_model_get_item (programs, i);
      g_autofree char *name = g_utf8_casefold (baton_program_get_name (program), -1);

      if (g_str_equal (name, board))
        return baton_program_get_client_id (program);
    }

  return 0;
}

static GtkWidget *
build_client_group (BatonTrelloImportDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *archived_row;
  GListModel *clients = baton_store_get_clients (self->store);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  gint64 default_client = find_client_of_board (self);
  guint selected = 0;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Import Into"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The board becomes a program of this client."));

  gtk_string_list_append (choices, _("New Client"));
  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(BatonClient) client = g_list_model_get_item (clients, i);
      gint64 id = baton_record_get_id (BATON_RECORD (client));

      if (id == default_client)
        selected = i + 1;
      g_array_append_val (self->client_ids, id);
      gtk_string_list_append (choices, baton_client_get_name (client));
    }

  self->client_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->client_row), _("C_lient"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->client_row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->client_row), G_LIST_MODEL (choices));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->client_row), selected);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->client_row);

  self->new_client_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_client_row), _("New Client’s _Name"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->new_client_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->new_client_row), baton_trello_import_get_board_name (self->import));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (self->new_client_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->new_client_row);

  archived_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (archived_row), _("Include _Archived Lists and Cards"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (archived_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (archived_row), _("They become archived tasks"));
  self->archived_switch = gtk_switch_new ();
  gtk_widget_set_valign (self->archived_switch, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->archived_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Include archived lists and cards"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (archived_row), self->archived_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (archived_row), self->archived_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), archived_row);

  return group;
}

static GtkWidget *
build_people_group (BatonTrelloImportDialog *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GListModel *people = baton_store_get_people (self->store);
  guint n_members = baton_trello_import_get_n_members (self->import);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("People"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Who each Trello member is in the workspace. "
                                           "A card’s first member becomes its assignee."));

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (people, i);
      gint64 id = baton_record_get_id (BATON_RECORD (person));

      g_array_append_val (self->person_ids, id);
    }

  for (guint m = 0; m < n_members; m++)
    {
      const BatonTrelloMember *member = baton_trello_import_get_member (self->import, m);
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      g_autofree char *create = NULL;
      g_autofree char *username = NULL;
      GtkWidget *row = adw_combo_row_new ();
      guint selected = MEMBER_CHOICE_CREATE;

      /* Translators: a choice for a Trello member; %s is their full name */
      create = g_strdup_printf (_("Create “%s”"), member->full_name);
      gtk_string_list_append (choices, create);
      gtk_string_list_append (choices, _("Leave Unassigned"));
      for (guint i = 0; i < g_list_model_get_n_items (people); i++)
        {
          g_autoptr(BatonPerson) person = g_list_model_get_item (people, i);

          gtk_string_list_append (choices, baton_person_get_name (person));
          if (member->action == BATON_TRELLO_MEMBER_PERSON &&
              member->person_id == g_array_index (self->person_ids, gint64, i))
            selected = MEMBER_CHOICE_FIRST_PERSON + i;
        }
      if (member->action == BATON_TRELLO_MEMBER_UNASSIGNED)
        selected = MEMBER_CHOICE_UNASSIGNED;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->full_name);
      if (member->username != NULL && member->username[0] != '\0')
        {
          username = g_strconcat ("@", member->username, NULL);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), username);
        }
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("The person this Trello member is"),
                                      -1);
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_member_selected), self, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->member_rows, row);
    }

  gtk_widget_set_visible (group, n_members > 0);
  return group;
}

static GtkWidget *
build_preview_group (BatonTrelloImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("What Will Be Imported"));
  self->program_label = wrapped_label (NULL);
  self->summary_label = wrapped_label (NULL);
  self->notice_label = wrapped_label ("dim-label");
  gtk_box_append (GTK_BOX (inner), self->program_label);
  gtk_box_append (GTK_BOX (inner), self->summary_label);
  gtk_box_append (GTK_BOX (inner), self->notice_label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), inner);
  gtk_box_append (GTK_BOX (box), group);

  self->warnings_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->warnings_group), _("Warnings"));
  self->warnings_list = baton_import_warnings_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->warnings_group), self->warnings_list);
  gtk_box_append (GTK_BOX (box), self->warnings_group);

  return box;
}

static void
build (BatonTrelloImportDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header_bar = adw_header_bar_new ();
  GtkWidget *cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *import_button = gtk_button_new_with_mnemonic (_("_Import"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header_bar),
                                   adw_window_title_new (_("Import Trello Board"),
                                                         baton_trello_import_get_board_name (self->import)));
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header_bar), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header_bar), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel_button), "window.close");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (import_button), "trello-import.import");
  gtk_widget_add_css_class (import_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header_bar), cancel_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), import_button);
  gtk_box_append (GTK_BOX (box), header_bar);

  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), build_client_group (self));
  gtk_box_append (GTK_BOX (content), build_people_group (self));
  gtk_box_append (GTK_BOX (content), build_preview_group (self));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 600);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (box), scrolled);

  adw_window_set_content (ADW_WINDOW (self), box);
  gtk_window_set_default_widget (GTK_WINDOW (self), import_button);
  /* GTK 4.8 reads mnemonics out in accessible names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (GTK_WIDGET (self));
}

/* GObject ------------------------------------------------------------------------ */

static void
baton_trello_import_dialog_dispose (GObject *object)
{
  BatonTrelloImportDialog *self = BATON_TRELLO_IMPORT_DIALOG (object);

  /* The import follows the store: it goes first, and the preview stops
   * following the store. */
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_pointer (&self->import, baton_trello_import_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_trello_import_dialog_parent_class)->dispose (object);
}

static void
baton_trello_import_dialog_finalize (GObject *object)
{
  BatonTrelloImportDialog *self = BATON_TRELLO_IMPORT_DIALOG (object);

  g_clear_pointer (&self->member_rows, g_ptr_array_unref);
  g_clear_pointer (&self->client_ids, g_array_unref);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->new_client_name, g_free);

  G_OBJECT_CLASS (baton_trello_import_dialog_parent_class)->finalize (object);
}

static void
baton_trello_import_dialog_class_init (BatonTrelloImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_trello_import_dialog_dispose;
  object_class->finalize = baton_trello_import_dialog_finalize;

  /**
   * BatonTrelloImportDialog::import:
   *
   * The person confirmed: create the new client if there is one, apply
   * the import, close the dialog.
   */
  signals[SIGNAL_IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "trello-import.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
baton_trello_import_dialog_init (BatonTrelloImportDialog *self)
{
  self->member_rows = g_ptr_array_new ();
  self->client_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

BatonTrelloImportDialog *
baton_trello_import_dialog_new (GtkWindow         *parent,
                                BatonStore        *store,
                                BatonTrelloImport *import)
{
  BatonTrelloImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (import != NULL, NULL);

  self = g_object_new (BATON_TYPE_TRELLO_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "title", _("Import Trello Board"),
                       "default-width", 600,
                       "default-height", 720,
                       NULL);
  self->store = g_object_ref (store);
  self->import = import;
  build (self);

  g_signal_connect_object (self->client_row, "notify::selected",
                           G_CALLBACK (on_client_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_client_row, "changed",
                           G_CALLBACK (on_new_client_name_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->archived_switch, "notify::active",
                           G_CALLBACK (on_archived_changed), self, G_CONNECT_SWAPPED);
  /* The preview is of the store as it is: it follows it. */
  g_signal_connect_object (store, "changed", G_CALLBACK (update_preview), self, G_CONNECT_SWAPPED);

  on_new_client_name_changed (self);
  on_client_selected (self);
  gtk_widget_grab_focus (self->client_row);

  return self;
}

BatonTrelloImport *
baton_trello_import_dialog_get_import (BatonTrelloImportDialog *self)
{
  g_return_val_if_fail (BATON_IS_TRELLO_IMPORT_DIALOG (self), NULL);

  return self->import;
}

gint64
baton_trello_import_dialog_get_client_id (BatonTrelloImportDialog *self)
{
  guint selected;

  g_return_val_if_fail (BATON_IS_TRELLO_IMPORT_DIALOG (self), 0);

  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->client_row));
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return 0;

  return g_array_index (self->client_ids, gint64, selected - 1);
}

const char *
baton_trello_import_dialog_get_new_client_name (BatonTrelloImportDialog *self)
{
  g_return_val_if_fail (BATON_IS_TRELLO_IMPORT_DIALOG (self), NULL);

  if (baton_trello_import_dialog_get_client_id (self) != 0)
    return NULL;

  return self->new_client_name;
}

gboolean
baton_trello_import_dialog_get_include_archived (BatonTrelloImportDialog *self)
{
  g_return_val_if_fail (BATON_IS_TRELLO_IMPORT_DIALOG (self), FALSE);

  return gtk_switch_get_active (GTK_SWITCH (self->archived_switch));
}
