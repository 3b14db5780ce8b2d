/* baton-revisions-dialog.c — a note's earlier versions, and restoring one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list holds the current text first, then each revision, newest first,
 * with the time it was kept and the start of its text; the selected one is
 * shown on the right. Restoring puts it back in the note and keeps the
 * current text as a revision, as one undo step.
 */

#define G_LOG_DOMAIN "baton-revisions-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "baton-note-editor.h"
#include "baton-notes.h"
#include "baton-accessible.h"
#include "baton-revisions-dialog.h"

struct _BatonRevisionsDialog
{
  AdwWindow        parent_instance;

  /* Template children */
  AdwWindowTitle  *window_title;
  GtkButton       *restore_button;
  GtkListBox      *list;
  GtkSourceView   *preview;

  /* Owned */
  BatonStore      *store;
  BatonNote       *note;
  GPtrArray       *revisions;   /* BatonNoteRevision, newest first */
};

G_DEFINE_FINAL_TYPE (BatonRevisionsDialog, baton_revisions_dialog, ADW_TYPE_WINDOW)

char *
baton_format_saved_at (const char *iso8601)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *time = NULL;
  gint days;

  if (iso8601 == NULL)
    return NULL;

  utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);

  /* Translators: a time of day, see g_date_time_format () */
  time = g_date_time_format (local, _("%H:%M"));
  days = g_date_time_get_day_of_year (now) - g_date_time_get_day_of_year (local);
  if (g_date_time_get_year (now) == g_date_time_get_year (local) && days == 0)
    /* Translators: when a version of a note was kept; %s is a time of day */
    return g_strdup_printf (_("Today, %s"), time);
  if (g_date_time_get_year (now) == g_date_time_get_year (local) && days == 1)
    /* Translators: when a version of a note was kept; %s is a time of day */
    return g_strdup_printf (_("Yesterday, %s"), time);

  /* Translators: when a version of a note was kept, see g_date_time_format () */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* The first line with words in it, for the list. */
static char *
preview_line (const char *body)
{
  g_auto(GStrv) lines = NULL;

  if (body == NULL)
    return g_strdup (_("Empty"));

  lines = g_strsplit (body, "\n", 40);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      while (*line == '#' || *line == '>' || *line == ' ')
        line++;
      if (*line != '\0')
        return g_utf8_substring (line, 0, MIN (g_utf8_strlen (line, -1), 80));
    }

  return g_strdup (_("Empty"));
}

static GtkWidget *
row_new (const char *title,
         const char *body,
         const char *older)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (title);
  g_autofree char *first = preview_line (body);
  GtkWidget *subtitle = gtk_label_new (first);
  glong length = body != NULL ? g_utf8_strlen (body, -1) : 0;
  glong older_length = older != NULL ? g_utf8_strlen (older, -1) : -1;
  g_autofree char *size = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%ld character", "%ld characters", length), length);
  g_autofree char *change = NULL;
  GtkWidget *detail;

  /* How it differs from the version before it. */
  if (older_length >= 0 && length > older_length)
    /* Translators: a note version's size, and how much longer it is than the one before; e.g. "1,162 characters · 98 more" */
    change = g_strdup_printf (_("%s · %ld more"), size, length - older_length);
  else if (older_length >= 0 && length < older_length)
    /* Translators: a note version's size, and how much shorter it is than the one before */
    change = g_strdup_printf (_("%s · %ld fewer"), size, older_length - length);
  detail = gtk_label_new (change != NULL ? change : size);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_box_append (GTK_BOX (box), detail);

  return box;
}

static void
on_row_selected (BatonRevisionsDialog *self,
                 GtkListBoxRow        *row)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->preview));
  const char *body = NULL;
  int index;

  if (row == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), FALSE);
      return;
    }

  index = gtk_list_box_row_get_index (row);
  if (index == 0)
    body = baton_note_get_body (self->note);
  else if ((guint) index - 1 < self->revisions->len)
    body = baton_note_revision_get_body (g_ptr_array_index (self->revisions, index - 1));

  gtk_text_buffer_set_text (buffer, body != NULL ? body : "", -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), index > 0 && (guint) index - 1 < self->revisions->len);
}

static void
fill (BatonRevisionsDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  {
    g_autoptr(GPtrArray) borrowed = baton_notes_list_revisions (self->store, self->note);

    /* Our own references: an undo may delete a revision while we show it. */
    self->revisions = g_ptr_array_new_with_free_func (g_object_unref);
    for (guint i = 0; i < borrowed->len; i++)
      g_ptr_array_add (self->revisions, g_object_ref (g_ptr_array_index (borrowed, i)));
  }

  gtk_list_box_append (self->list, row_new (_("Current version"), baton_note_get_body (self->note),
                                            self->revisions->len > 0
                                            ? baton_note_revision_get_body (g_ptr_array_index (self->revisions, 0)) : NULL));

  for (guint i = 0; i < self->revisions->len; i++)
    {
      BatonNoteRevision *revision = g_ptr_array_index (self->revisions, i);
      g_autofree char *when = baton_format_saved_at (baton_note_revision_get_saved_at (revision));
      const char *older = i + 1 < self->revisions->len
                          ? baton_note_revision_get_body (g_ptr_array_index (self->revisions, i + 1)) : NULL;

      gtk_list_box_append (self->list, row_new (when != NULL ? when : _("Earlier version"),
                                                baton_note_revision_get_body (revision), older));
    }

  if (self->revisions->len == 0)
    {
      GtkWidget *label = gtk_label_new (_("No earlier versions yet. Baton keeps one when you come back to a note and start writing, and then one a minute while you write."));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_list_box_append (self->list, label);
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (label)), FALSE);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (label)), FALSE);
    }

  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, self->revisions->len > 0 ? 1 : 0));
}

gboolean
baton_revisions_dialog_restore (BatonRevisionsDialog  *self,
                                GError               **error)
{
  GtkListBoxRow *row;
  GtkWindow *parent;
  int index;

  g_return_val_if_fail (BATON_IS_REVISIONS_DIALOG (self), FALSE);

  row = gtk_list_box_get_selected_row (self->list);
  index = row != NULL ? gtk_list_box_row_get_index (row) : -1;
  if (index < 1 || (guint) index - 1 >= self->revisions->len)
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("Choose an earlier version to restore."));
      return FALSE;
    }

  if (!baton_notes_restore_revision (self->store, self->note,
                                     g_ptr_array_index (self->revisions, index - 1), error))
    return FALSE;

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-undo-toast", "s", _("Earlier version restored"));
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

static void
restore_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BatonRevisionsDialog *self = BATON_REVISIONS_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!baton_revisions_dialog_restore (self, &error))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Restore"), error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      baton_accessible_fix_mnemonics (GTK_WIDGET (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
update_scheme (BatonRevisionsDialog *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkSourceBuffer *buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->preview)));

  gtk_source_buffer_set_style_scheme (buffer, baton_notes_style_scheme (adw_style_manager_get_dark (manager)));
}

static void
baton_revisions_dialog_dispose (GObject *object)
{
  BatonRevisionsDialog *self = BATON_REVISIONS_DIALOG (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BATON_TYPE_REVISIONS_DIALOG);
  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->note);

  G_OBJECT_CLASS (baton_revisions_dialog_parent_class)->dispose (object);
}

static void
baton_revisions_dialog_class_init (BatonRevisionsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_revisions_dialog_dispose;

  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/clients/baton-revisions-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BatonRevisionsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BatonRevisionsDialog, restore_button);
  gtk_widget_class_bind_template_child (widget_class, BatonRevisionsDialog, list);
  gtk_widget_class_bind_template_child (widget_class, BatonRevisionsDialog, preview);

  gtk_widget_class_bind_template_callback (widget_class, on_row_selected);

  gtk_widget_class_install_action (widget_class, "revisions.restore", NULL, restore_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
baton_revisions_dialog_init (BatonRevisionsDialog *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = GTK_SOURCE_BUFFER (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->preview)));
  gtk_source_buffer_set_language (buffer, gtk_source_language_manager_get_language (languages, "markdown"));
  update_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_scheme), self, G_CONNECT_SWAPPED);
}

GtkWidget *
baton_revisions_dialog_new (GtkWindow  *parent,
                            BatonStore *store,
                            BatonNote  *note)
{
  BatonRevisionsDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (BATON_IS_NOTE (note), NULL);

  self = g_object_new (BATON_TYPE_REVISIONS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->note = g_object_ref (note);
  adw_window_title_set_subtitle (self->window_title,
                                 baton_note_get_title (note) != NULL ? baton_note_get_title (note) : _("Untitled Note"));
  fill (self);

  return GTK_WIDGET (self);
}

void
baton_revisions_dialog_select (BatonRevisionsDialog *self,
                               guint                 index)
{
  g_return_if_fail (BATON_IS_REVISIONS_DIALOG (self));

  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, index + 1));
}

guint
baton_revisions_dialog_get_n_revisions (BatonRevisionsDialog *self)
{
  g_return_val_if_fail (BATON_IS_REVISIONS_DIALOG (self), 0);

  return self->revisions->len;
}
