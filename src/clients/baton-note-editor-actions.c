/* baton-note-editor-actions.c — what the note editor does: note.*
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A task from the line under the cursor, the note's history, export as
 * Markdown and deletion, and the one _baton_note_editor_update_actions ()
 * that enables them.
 */

#define G_LOG_DOMAIN "baton-note-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-accessible.h"
#include "baton-note-editor-private.h"
#include "baton-notes.h"
#include "baton-revisions-dialog.h"
#include "baton-task-editor.h"

char *
baton_note_editor_get_task_title (BatonNoteEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *line = NULL;

  g_return_val_if_fail (BATON_IS_NOTE_EDITOR (self), NULL);

  if (self->note == NULL)
    return NULL;

  buffer = GTK_TEXT_BUFFER (_baton_note_editor_get_buffer (self));
  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
      gtk_text_iter_set_line_offset (&start, 0);
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
    }

  line = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return baton_notes_task_title_from_line (line);
}

void
_baton_note_editor_update_actions (BatonNoteEditor *self)
{
  g_autofree char *title = baton_note_editor_get_task_title (self);
  gboolean has_note = self->note != NULL;
  gboolean writable = self->store != NULL && !baton_store_get_read_only (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "note.create-task", writable && title != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "note.history", has_note);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "note.export", has_note);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "note.delete", writable && has_note);
}

static void
create_task_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BatonNoteEditor *self = BATON_NOTE_EDITOR (widget);
  g_autofree char *title = baton_note_editor_get_task_title (self);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (title == NULL)
    return;

  baton_note_editor_save (self, NULL);

  dialog = baton_task_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, NULL);
  baton_task_editor_prefill (BATON_TASK_EDITOR (dialog), title,
                             baton_note_get_program_id (self->note),
                             baton_record_get_id (BATON_RECORD (self->note)));
  baton_accessible_fix_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
history_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BatonNoteEditor *self = BATON_NOTE_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->note == NULL)
    return;

  /* The list shows what is saved: save first. */
  baton_note_editor_save (self, NULL);

  dialog = baton_revisions_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->note);
  baton_accessible_fix_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_error_dialog (BatonNoteEditor *self,
                   const char      *heading,
                   const char      *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  baton_accessible_fix_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Where "Saved" is: where the note was exported to. */
static void
show_exported (BatonNoteEditor *self,
               GFile           *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;
  g_autofree char *whole = NULL;

  /* The status is never shortened by the layout (it must stay
   * readable), so a long file name is shortened here; the tooltip
   * has it whole. */
  if (g_utf8_strlen (display, -1) > 24)
    {
      g_autofree char *start = g_utf8_substring (display, 0, 23);

      shown = g_strconcat (start, "…", NULL);
    }
  else
    shown = g_strdup (display);
  /* Translators: shown where "Saved" is, after an export; %s is a file name */
  text = g_strdup_printf (_("Exported to %s"), shown);
  whole = g_strdup_printf (_("Exported to %s"), display);

  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->status_label), whole);
}

gboolean
baton_note_editor_export_to_file (BatonNoteEditor  *self,
                                  GFile            *file,
                                  GError          **error)
{
  g_return_val_if_fail (BATON_IS_NOTE_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->note == NULL)
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND, _("No note is open."));
      return FALSE;
    }

  if (!baton_note_editor_save (self, error) ||
      !baton_notes_export_markdown (self->note, file, error))
    return FALSE;

  show_exported (self, file);
  return TRUE;
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    BatonNoteEditor *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  g_clear_object (&self->chooser);

  if (file == NULL)
    return;

  if (!baton_note_editor_export_to_file (self, file, &error))
    show_error_dialog (self, _("Could Not Export the Note"), error->message);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BatonNoteEditor *self = BATON_NOTE_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;

  if (self->note == NULL || self->chooser != NULL)
    return;

  baton_note_editor_save (self, NULL);

  /* A native chooser: the file chooser portal inside Flatpak. */
  self->chooser = gtk_file_chooser_native_new (_("Export Note"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  name = baton_notes_suggest_filename (self->note);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Markdown"));
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_pattern (filter, "*.md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BatonNoteEditor *self = BATON_NOTE_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autoptr(BatonNote) note = NULL;
  GtkWidget *focus;

  if (self->note == NULL)
    return;

  baton_note_editor_save (self, NULL);
  note = g_object_ref (self->note);
  baton_note_editor_set_note (self, NULL);

  if (!baton_store_delete (self->store, note, &error))
    {
      baton_note_editor_set_note (self, note);
      show_error_dialog (self, _("Could Not Delete the Note"), error->message);
      return;
    }

  /* The focus was in the editor (its menu): the list of notes takes it,
   * not the header bar. */
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL || focus == widget || gtk_widget_is_ancestor (focus, widget) ||
      !gtk_widget_get_mapped (focus) || !gtk_widget_is_sensitive (focus))
    gtk_widget_activate_action (widget, "clients.focus-notes", NULL);

  /* Translators: a toast; %s is a note's title */
  message = g_strdup_printf (_("“%s” deleted"),
                             baton_note_get_title (note) != NULL ? baton_note_get_title (note) : _("Untitled Note"));
  gtk_widget_activate_action (widget, "win.show-undo-toast", "s", message);
}

void
_baton_note_editor_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "note.create-task", NULL, create_task_activated);
  gtk_widget_class_install_action (widget_class, "note.history", NULL, history_activated);
  gtk_widget_class_install_action (widget_class, "note.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "note.delete", NULL, delete_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "note.create-task", NULL);
}
