/* baton-clients-view-close.c — closing with note text not saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window closes (or the application quits) only when every note is
 * saved, or the person chose what happens to the text that is not: the
 * save is retried, a copy is written, or it is discarded. Never silently.
 *
 * The window asks with baton_clients_view_close_request () from its
 * close-request; while the person decides, it stays open. When they have
 * decided, the view activates window.close again, and this time the
 * request goes through.
 */

#define G_LOG_DOMAIN "baton-clients-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-accessible.h"
#include "baton-clients-view-private.h"

/* The window the view is in, as the parent of its dialogs, or NULL. */
static GtkWindow *
window_of (BatonClientsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
close_cb (gpointer data)
{
  BatonClientsView *self = data;

  self->close_source = 0;
  /* The window closes as it was asked to; this time nothing stops it. */
  gtk_widget_activate_action (GTK_WIDGET (self), "window.close", NULL);

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

void
_baton_clients_view_on_unsaved_saved (BatonClientsView *self)
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
  self->copy_chooser = gtk_file_chooser_native_new (_("Save a Copy of the Note"), window_of (self),
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

  dialog = adw_message_dialog_new (window_of (self), _("Note Not Saved"), body);
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

gboolean
baton_clients_view_close_request (BatonClientsView *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (BATON_IS_CLIENTS_VIEW (self), FALSE);

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

gboolean
baton_clients_view_has_unsaved (BatonClientsView *self)
{
  g_return_val_if_fail (BATON_IS_CLIENTS_VIEW (self), FALSE);

  return self->editor != NULL && baton_note_editor_has_unsaved (self->editor);
}

void
_baton_clients_view_close_dispose (BatonClientsView *self)
{
  g_clear_handle_id (&self->close_source, g_source_remove);
  if (self->unsaved_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->unsaved_dialog));
  g_clear_weak_pointer (&self->unsaved_dialog);
  if (self->copy_chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->copy_chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->copy_chooser));
      g_clear_object (&self->copy_chooser);
    }
}
