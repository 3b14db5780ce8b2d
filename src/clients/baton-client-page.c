/* baton-client-page.c — one client: notes, programs and contact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The middle column of the Clients view. Notes come first (newest first;
 * selecting one emits note-activated), then the client's programs with
 * their tasks by stage, then the contact fields. A contact field is saved
 * when Enter is pressed in it, and only when it is valid: an invalid email
 * or phone number turns the field red, says why under the form, and writes
 * nothing.
 */

#define G_LOG_DOMAIN "baton-client-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "baton-client-page-private.h"
#include "baton-notes.h"
#include "baton-accessible.h"
#include "baton-announcer.h"
#include "baton-program-dialog.h"
#include "baton-revisions-dialog.h"
#include "baton-note-row.h"
#include "baton-program-row.h"

struct _BatonClientPage
{
  GtkWidget           parent_instance;

  /* Template children */
  GtkScrolledWindow  *scroller;
  GtkLabel           *name_label;
  GtkLabel           *subtitle_label;
  GtkListBox         *notes_list;
  GtkListBox         *programs_list;
  GtkWidget          *board_hint;
  GtkWidget          *add_program_placeholder;
  AdwEntryRow        *name_row;
  AdwEntryRow        *organization_row;
  AdwEntryRow        *contact_row;
  AdwEntryRow        *email_row;
  AdwEntryRow        *phone_row;
  GtkLabel           *contact_error;
  AdwPreferencesGroup *contact_group;
  GtkWidget          *client_menu_button;
  GtkWidget          *new_note_button;

  /* Owned */
  BatonStore         *store;
  BatonClient        *client;
  GtkCustomFilter    *notes_filter;
  GtkSortListModel   *notes;
  GtkCustomFilter    *programs_filter;
  GtkSortListModel   *programs;
  char               *error;

  /* State */
  BatonNote          *selected_note;   /* weak */
  gboolean            show_archived;
  gboolean            selecting;       /* the list selection is being set from code */
  guint               refresh_source;
};

enum {
  NOTE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BatonClientPage, baton_client_page, GTK_TYPE_WIDGET)

static gint64
client_id (BatonClientPage *self)
{
  return self->client != NULL ? baton_record_get_id (BATON_RECORD (self->client)) : -1;
}

/* Notes ----------------------------------------------------------------------- */

static gboolean
note_is_shown (gpointer item,
               gpointer data)
{
  BatonClientPage *self = data;

  return baton_note_get_client_id (item) == client_id (self);
}

static int
compare_notes (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  return baton_notes_compare_newest_first (a, b);
}

static GtkWidget *
create_note_row (gpointer item,
                 gpointer data)
{
  BatonClientPage *self = data;

  return baton_note_row_new (self->store, item);
}

static GtkListBoxRow *
row_for_note (BatonClientPage *self,
              BatonNote       *note)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (BATON_IS_NOTE_ROW (child) && baton_note_row_get_note (BATON_NOTE_ROW (child)) == note)
      return GTK_LIST_BOX_ROW (child);

  return NULL;
}

static void
sync_note_selection (BatonClientPage *self)
{
  GtkListBoxRow *row = self->selected_note ? row_for_note (self, self->selected_note) : NULL;

  self->selecting = TRUE;
  if (row != NULL)
    gtk_list_box_select_row (self->notes_list, row);
  else
    gtk_list_box_unselect_all (self->notes_list);
  self->selecting = FALSE;
}

static void
on_note_row_selected (BatonClientPage *self,
                      GtkListBoxRow   *row)
{
  BatonNote *note;

  if (self->selecting || !BATON_IS_NOTE_ROW (row))
    return;

  note = baton_note_row_get_note (BATON_NOTE_ROW (row));
  g_set_weak_pointer (&self->selected_note, note);
  g_signal_emit (self, signals[NOTE_ACTIVATED], 0, note);
}

static void
on_notes_changed (BatonClientPage *self)
{
  /* Rows were made anew: keep the open note highlighted. */
  sync_note_selection (self);
}

/* Programs ---------------------------------------------------------------------- */

static gboolean
program_is_shown (gpointer item,
                  gpointer data)
{
  BatonClientPage *self = data;

  return baton_program_get_client_id (item) == client_id (self) &&
         (self->show_archived || !baton_program_get_archived (item));
}

static GtkWidget *
create_program_row (gpointer item,
                    gpointer data)
{
  BatonClientPage *self = data;

  return baton_program_row_new (self->store, item);
}

static int
compare_programs (gconstpointer a,
                  gconstpointer b,
                  gpointer      data)
{
  BatonProgram *pa = (BatonProgram *) a;
  BatonProgram *pb = (BatonProgram *) b;
  int cmp;

  /* Archived last, then by start date (undated last), then by name. */
  if (baton_program_get_archived (pa) != baton_program_get_archived (pb))
    return baton_program_get_archived (pa) ? 1 : -1;
  if ((baton_program_get_start_date (pa) == NULL) != (baton_program_get_start_date (pb) == NULL))
    return baton_program_get_start_date (pa) == NULL ? 1 : -1;
  cmp = g_strcmp0 (baton_program_get_start_date (pa), baton_program_get_start_date (pb));
  if (cmp != 0)
    return cmp;

  return g_utf8_collate (baton_program_get_name (pa), baton_program_get_name (pb));
}

static void
on_program_row_activated (BatonClientPage *self,
                          GtkListBoxRow   *row)
{
  BatonProgram *program = BATON_IS_PROGRAM_ROW (row) ? baton_program_row_get_program (BATON_PROGRAM_ROW (row)) : NULL;

  if (program != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "clients.edit-program", "x",
                                (gint64) baton_record_get_id (BATON_RECORD (program)));
}

static void
edit_program_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonClientPage *self = BATON_CLIENT_PAGE (widget);
  BatonProgram *program = baton_store_lookup_program (self->store, g_variant_get_int64 (parameter));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (program == NULL || self->client == NULL || baton_store_get_read_only (self->store))
    return;

  dialog = baton_program_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                     self->store, self->client, program);
  baton_accessible_fix_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Contact ------------------------------------------------------------------------- */

static AdwEntryRow *
row_for_field (BatonClientPage *self,
               const char      *field)
{
  if (g_strcmp0 (field, "name") == 0)
    return self->name_row;
  if (g_strcmp0 (field, "organization") == 0)
    return self->organization_row;
  if (g_strcmp0 (field, "contact-name") == 0)
    return self->contact_row;
  if (g_strcmp0 (field, "email") == 0)
    return self->email_row;
  if (g_strcmp0 (field, "phone") == 0)
    return self->phone_row;

  return NULL;
}

static const char *
field_of_row (BatonClientPage *self,
              AdwEntryRow     *row)
{
  static const char * const fields[] = { "name", "organization", "contact-name", "email", "phone" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (row_for_field (self, fields[i]) == row)
      return fields[i];

  g_return_val_if_reached (NULL);
}

static void
show_contact_error (BatonClientPage *self,
                    AdwEntryRow     *row,
                    const char      *message)
{
  g_free (self->error);
  self->error = g_strdup (message);

  gtk_label_set_text (self->contact_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->contact_error), message != NULL);
  /* Said to a screen reader too (baton-announcer.c). */
  if (message != NULL)
    baton_announce (GTK_WIDGET (self), message);

  if (row == NULL)
    return;

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
load_contact (BatonClientPage *self,
              gboolean         force)
{
  struct { AdwEntryRow *row; const char *text; } fields[] = {
    { self->name_row, self->client ? baton_client_get_name (self->client) : NULL },
    { self->organization_row, self->client ? baton_client_get_organization (self->client) : NULL },
    { self->contact_row, self->client ? baton_client_get_contact_name (self->client) : NULL },
    { self->email_row, self->client ? baton_client_get_email (self->client) : NULL },
    { self->phone_row, self->client ? baton_client_get_phone (self->client) : NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      /* Leave a field someone is typing in alone, unless it is another client. */
      if (!force && gtk_widget_has_focus (GTK_WIDGET (fields[i].row)))
        continue;
      if (!force && gtk_widget_get_focus_child (GTK_WIDGET (fields[i].row)) != NULL)
        continue;
      set_row_text (fields[i].row, fields[i].text);
      if (force)
        show_contact_error (self, fields[i].row, NULL);
    }
}

gboolean
baton_client_page_apply_field (BatonClientPage *self,
                               const char      *field,
                               const char      *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = g_strstrip (g_strdup (text != NULL ? text : ""));
  AdwEntryRow *row;
  gboolean valid;

  g_return_val_if_fail (BATON_IS_CLIENT_PAGE (self), FALSE);

  row = row_for_field (self, field);
  g_return_val_if_fail (row != NULL, FALSE);

  if (self->client == NULL)
    return FALSE;

  set_row_text (row, value);

  /* Check on the field first: a bad value is never written. */
  if (g_strcmp0 (field, "email") == 0)
    valid = baton_validate_email (value, &error);
  else if (g_strcmp0 (field, "phone") == 0)
    valid = baton_validate_phone (value, &error);
  else if (g_strcmp0 (field, "name") == 0 && value[0] == '\0')
    {
      g_set_error_literal (&error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("The client needs a name."));
      valid = FALSE;
    }
  else
    valid = TRUE;

  if (valid)
    valid = baton_store_update (self->store, self->client, &error, field, value, NULL);

  if (!valid)
    {
      show_contact_error (self, row, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (row));
      return FALSE;
    }

  show_contact_error (self, row, NULL);
  return TRUE;
}

static void
on_contact_apply (AdwEntryRow     *row,
                  BatonClientPage *self)
{
  const char *field = field_of_row (self, row);

  baton_client_page_apply_field (self, field, gtk_editable_get_text (GTK_EDITABLE (row)));
}

static void
on_contact_changed (AdwEntryRow     *row,
                    BatonClientPage *self)
{
  /* Typing again clears the error until the next Enter. */
  if (gtk_widget_has_css_class (GTK_WIDGET (row), "error"))
    show_contact_error (self, row, NULL);
}

/* A workspace that cannot be written: the contact can be read and copied,
 * not changed, and the programs are not edited; the fields say why. */
static void
update_read_only (BatonClientPage *self)
{
  AdwEntryRow *rows[] = { self->name_row, self->organization_row, self->contact_row, self->email_row, self->phone_row };
  gboolean writable = !baton_store_get_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clients.edit-program", writable);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_editable_set_editable (GTK_EDITABLE (rows[i]), writable);
      adw_entry_row_set_show_apply_button (rows[i], writable);
      gtk_widget_set_tooltip_text (GTK_WIDGET (rows[i]), writable ? NULL : _("This workspace is read-only"));
    }
  /* Menus of changes only (new notes; archive or restore the client). */
  gtk_widget_set_sensitive (self->new_note_button, writable);
  gtk_widget_set_sensitive (self->client_menu_button, writable);
  adw_preferences_group_set_description (self->contact_group,
                                         writable ? _("Press Enter to save a field.")
                                                  : _("This workspace is read-only"));
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->programs_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (BATON_IS_PROGRAM_ROW (row))
      baton_program_row_update (BATON_PROGRAM_ROW (row));
}

/* Keeping up with the store ---------------------------------------------------------- */

static void
update_header (BatonClientPage *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (self->client == NULL)
    {
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->subtitle_label, "");
      return;
    }

  gtk_label_set_text (self->name_label, baton_client_get_name (self->client));
  if (baton_client_get_organization (self->client) != NULL)
    g_string_append (subtitle, baton_client_get_organization (self->client));
  if (baton_client_get_contact_name (self->client) != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "",
                            baton_client_get_contact_name (self->client));
  if (baton_client_get_archived (self->client))
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", _("Archived"));

  gtk_label_set_text (self->subtitle_label, subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle->len > 0);
}

/* Programs and no task in any of them yet: the board is where the work is
 * planned, and the page says so, with a button to it. */
static void
update_board_hint (BatonClientPage *self)
{
  GListModel *programs = G_LIST_MODEL (self->programs);
  GListModel *tasks = baton_store_get_tasks (self->store);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean any_task = FALSE;
  guint n = g_list_model_get_n_items (programs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonProgram) program = g_list_model_get_item (programs, i);
      gint64 *id = g_new (gint64, 1);

      *id = baton_record_get_id (BATON_RECORD (program));
      g_hash_table_add (ids, id);
    }

  for (guint i = 0; n > 0 && !any_task && i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);
      gint64 program_id = baton_task_get_program_id (task);

      any_task = g_hash_table_contains (ids, &program_id);
    }

  gtk_widget_set_visible (self->board_hint, n > 0 && !any_task);
}

static gboolean
refresh_cb (gpointer data)
{
  BatonClientPage *self = data;

  self->refresh_source = 0;
  update_board_hint (self);

  /* Archiving, program names and dates, tasks moving on the board… */
  gtk_filter_changed (GTK_FILTER (self->programs_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->programs), GTK_SORTER_CHANGE_DIFFERENT);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->programs_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (BATON_IS_PROGRAM_ROW (row))
      baton_program_row_update (BATON_PROGRAM_ROW (row));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->notes_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (BATON_IS_NOTE_ROW (row))
      baton_note_row_update (BATON_NOTE_ROW (row));

  update_header (self);
  load_contact (self, FALSE);

  return G_SOURCE_REMOVE;
}

static void
on_store_changed (BatonClientPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
}

/* Public ----------------------------------------------------------------------------- */

void
baton_client_page_set_client (BatonClientPage *self,
                              BatonClient     *client)
{
  g_return_if_fail (BATON_IS_CLIENT_PAGE (self));
  g_return_if_fail (client == NULL || BATON_IS_CLIENT (client));

  if (client == self->client)
    return;

  g_set_object (&self->client, client);
  g_clear_weak_pointer (&self->selected_note);

  gtk_filter_changed (GTK_FILTER (self->notes_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->programs_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_header (self);
  update_board_hint (self);
  load_contact (self, TRUE);
  show_contact_error (self, NULL, NULL);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

BatonClient *
baton_client_page_get_client (BatonClientPage *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT_PAGE (self), NULL);
  return self->client;
}

void
baton_client_page_set_show_archived (BatonClientPage *self,
                                     gboolean         show_archived)
{
  g_return_if_fail (BATON_IS_CLIENT_PAGE (self));

  show_archived = !!show_archived;
  if (self->show_archived == show_archived)
    return;

  self->show_archived = show_archived;
  gtk_filter_changed (GTK_FILTER (self->programs_filter),
                      show_archived ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
}

void
baton_client_page_select_note (BatonClientPage *self,
                               BatonNote       *note)
{
  g_return_if_fail (BATON_IS_CLIENT_PAGE (self));

  g_set_weak_pointer (&self->selected_note, note);
  sync_note_selection (self);

  /* Bring the row into view. */
  if (note != NULL)
    {
      GtkListBoxRow *row = row_for_note (self, note);
      graphene_point_t point;

      if (row != NULL && gtk_widget_compute_point (GTK_WIDGET (row), gtk_scrolled_window_get_child (self->scroller),
                                                   &GRAPHENE_POINT_INIT (0, 0), &point))
        {
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
          double page = gtk_adjustment_get_page_size (adjustment);
          double value = gtk_adjustment_get_value (adjustment);

          if (point.y < value || point.y + gtk_widget_get_height (GTK_WIDGET (row)) > value + page)
            gtk_adjustment_set_value (adjustment, MAX (0, point.y - 48));
        }
    }
}

gboolean
baton_client_page_focus_notes (BatonClientPage *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (BATON_IS_CLIENT_PAGE (self), FALSE);

  row = self->selected_note != NULL ? row_for_note (self, self->selected_note) : NULL;
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->notes_list, 0);
  if (row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row)))
    return TRUE;

  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
  return FALSE;
}

GListModel *
baton_client_page_get_notes (BatonClientPage *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT_PAGE (self), NULL);
  return G_LIST_MODEL (self->notes);
}

GListModel *
baton_client_page_get_programs (BatonClientPage *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT_PAGE (self), NULL);
  return G_LIST_MODEL (self->programs);
}

GtkWidget *
baton_client_page_get_board_hint (BatonClientPage *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT_PAGE (self), NULL);
  return self->board_hint;
}

GtkWidget *
baton_client_page_get_programs_placeholder (BatonClientPage *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT_PAGE (self), NULL);
  return self->add_program_placeholder;
}

const char *
baton_client_page_get_contact_error (BatonClientPage *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT_PAGE (self), NULL);
  return self->error;
}

/* GObject ------------------------------------------------------------------------------ */

static void
baton_client_page_dispose (GObject *object)
{
  BatonClientPage *self = BATON_CLIENT_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->notes_list != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->notes_list, self);
      gtk_list_box_bind_model (self->notes_list, NULL, NULL, NULL, NULL);
    }
  if (self->programs_list != NULL)
    g_signal_handlers_disconnect_by_data (self->programs_list, self);
  if (self->programs_list != NULL)
    gtk_list_box_bind_model (self->programs_list, NULL, NULL, NULL, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), BATON_TYPE_CLIENT_PAGE);

  g_clear_weak_pointer (&self->selected_note);
  g_clear_object (&self->notes);
  g_clear_object (&self->programs);
  g_clear_object (&self->client);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_client_page_parent_class)->dispose (object);
}

static void
baton_client_page_finalize (GObject *object)
{
  BatonClientPage *self = BATON_CLIENT_PAGE (object);

  g_free (self->error);

  G_OBJECT_CLASS (baton_client_page_parent_class)->finalize (object);
}

static void
baton_client_page_class_init (BatonClientPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_client_page_dispose;
  object_class->finalize = baton_client_page_finalize;

  /**
   * BatonClientPage::note-activated:
   * @note: the note chosen in the list
   */
  signals[NOTE_ACTIVATED] =
    g_signal_new ("note-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BATON_TYPE_NOTE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/clients/baton-client-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BatonClientPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BatonClientPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, BatonClientPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, BatonClientPage, notes_list);
  gtk_widget_class_bind_template_child (widget_class, BatonClientPage, programs_list);
  gtk_widget_class_bind_template_child (widget_class, BatonClientPage, board_hint);
  gtk_widget_class_bind_template_child (widget_class, BatonClientPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, BatonClientPage, organization_row);
  gtk_widget_class_bind_template_child (widget_class, BatonClientPage, contact_row);
  gtk_widget_class_bind_template_child (widget_class, BatonClientPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, BatonClientPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, BatonClientPage, contact_error);
  gtk_widget_class_bind_template_child (widget_class, BatonClientPage, contact_group);
  gtk_widget_class_bind_template_child (widget_class, BatonClientPage, client_menu_button);
  gtk_widget_class_bind_template_child (widget_class, BatonClientPage, new_note_button);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_contact_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_note_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_program_row_activated);

  gtk_widget_class_install_action (widget_class, "clients.edit-program", "x", edit_program_activated);

  gtk_widget_class_set_css_name (widget_class, "clientpage");
}

/* The empty programs list leads to the next step: adding one. */
static GtkWidget *
programs_placeholder_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *label = gtk_label_new (_("No programs yet. Add the training programs you run for this client; "
                                      "their tasks go on the board."));
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Add Program"));

  gtk_widget_set_margin_top (box, 14);
  gtk_widget_set_margin_bottom (box, 14);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "clients.add-program");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 14);
  gtk_widget_set_margin_bottom (label, 14);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
baton_client_page_init (BatonClientPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  baton_accessible_expose_entry_rows (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->notes_list,
                                placeholder_new (_("No notes yet. A needs analysis is a good start.")));
  self->add_program_placeholder = programs_placeholder_new ();
  gtk_list_box_set_placeholder (self->programs_list, self->add_program_placeholder);
  baton_accessible_fix_mnemonics (GTK_WIDGET (self));
  baton_accessible_fix_mnemonics (self->add_program_placeholder);
}

GtkWidget *
baton_client_page_new (BatonStore *store)
{
  BatonClientPage *self;
  GtkFilterListModel *filtered;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  self = g_object_new (BATON_TYPE_CLIENT_PAGE, NULL);
  self->store = g_object_ref (store);

  self->notes_filter = gtk_custom_filter_new (note_is_shown, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (baton_store_get_notes (store)),
                                        GTK_FILTER (self->notes_filter));
  self->notes = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                         GTK_SORTER (gtk_custom_sorter_new (compare_notes, NULL, NULL)));
  gtk_list_box_bind_model (self->notes_list, G_LIST_MODEL (self->notes), create_note_row, self, NULL);
  g_signal_connect_object (self->notes, "items-changed", G_CALLBACK (on_notes_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  self->programs_filter = gtk_custom_filter_new (program_is_shown, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (baton_store_get_programs (store)),
                                        GTK_FILTER (self->programs_filter));
  self->programs = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                            GTK_SORTER (gtk_custom_sorter_new (compare_programs, NULL, NULL)));
  gtk_list_box_bind_model (self->programs_list, G_LIST_MODEL (self->programs), create_program_row, self, NULL);

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::read-only", G_CALLBACK (update_read_only), self, G_CONNECT_SWAPPED);
  update_read_only (self);

  return GTK_WIDGET (self);
}
