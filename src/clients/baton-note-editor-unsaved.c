/* baton-note-editor-unsaved.c — the save status and text not saved yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The discreet status under the title (Saving…, Saved, Not saved), the
 * savers of notes left while their save failed (held, retrying), and what
 * the window asks before it closes: is any text unsaved, save it all, its
 * title and Markdown for a copy, or discard it.
 */

#define G_LOG_DOMAIN "baton-note-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-note-editor-private.h"
#include "baton-note-saver.h"

/* Save status ------------------------------------------------------------------ */

void
_baton_note_editor_update_status (BatonNoteEditor *self)
{
  BatonNoteSaverState state = self->saver ? baton_note_saver_get_state (self->saver) : BATON_NOTE_SAVER_SAVED;
  GtkWidget *label = GTK_WIDGET (self->status_label);

  switch (state)
    {
    case BATON_NOTE_SAVER_PENDING:
      gtk_label_set_text (self->status_label, _("Saving…"));
      gtk_widget_set_tooltip_text (label, NULL);
      gtk_widget_remove_css_class (label, "error");
      break;

    case BATON_NOTE_SAVER_FAILED:
      gtk_label_set_text (self->status_label, _("Not saved"));
      gtk_widget_set_tooltip_text (label, baton_note_saver_get_error_message (self->saver));
      gtk_widget_add_css_class (label, "error");
      break;

    case BATON_NOTE_SAVER_SAVED:
    default:
      gtk_label_set_text (self->status_label, self->note != NULL ? _("Saved") : "");
      gtk_widget_set_tooltip_text (label, NULL);
      gtk_widget_remove_css_class (label, "error");
      break;
    }

  _baton_note_editor_notify_has_unsaved (self);
}

/* Notes left unsaved ------------------------------------------------------------- */

static void
on_held_state (BatonNoteEditor *self,
               GParamSpec      *pspec,
               BatonNoteSaver  *saver)
{
  if (baton_note_saver_has_unsaved (saver))
    return;

  /* Saved at last by a retry. */
  g_signal_handlers_disconnect_by_data (saver, self);
  g_ptr_array_remove (self->held, saver);
  _baton_note_editor_notify_has_unsaved (self);
}

/* Keeps @saver (of a note being left, its save failed) retrying. */
void
_baton_note_editor_hold (BatonNoteEditor *self,
                         BatonNoteSaver  *saver)
{
  g_ptr_array_add (self->held, g_object_ref (saver));
  g_signal_connect_object (saver, "notify::state", G_CALLBACK (on_held_state), self, G_CONNECT_SWAPPED);
  _baton_note_editor_notify_has_unsaved (self);
}

/* The held saver of @note, taken back from the held ones, or NULL. */
BatonNoteSaver *
_baton_note_editor_take_held (BatonNoteEditor *self,
                              BatonNote       *note)
{
  for (guint i = 0; i < self->held->len; i++)
    {
      BatonNoteSaver *saver = g_ptr_array_index (self->held, i);

      if (baton_note_saver_get_note (saver) == note)
        {
          g_signal_handlers_disconnect_by_data (saver, self);
          return g_ptr_array_steal_index (self->held, i);
        }
    }

  return NULL;
}

void
_baton_note_editor_release_held (BatonNoteEditor *self)
{
  while (self->held != NULL && self->held->len > 0)
    {
      BatonNoteSaver *saver = g_ptr_array_index (self->held, self->held->len - 1);

      g_signal_handlers_disconnect_by_data (saver, self);
      g_ptr_array_remove_index (self->held, self->held->len - 1);
    }
}

/* Text not saved yet ------------------------------------------------------------- */

gboolean
baton_note_editor_has_unsaved (BatonNoteEditor *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_EDITOR (self), FALSE);

  return (self->saver != NULL && baton_note_saver_has_unsaved (self->saver)) ||
         (self->held != NULL && self->held->len > 0);
}

/* The savers with text the store lacks: the open note's, then the held. */
static GPtrArray *
unsaved_savers (BatonNoteEditor *self)
{
  GPtrArray *savers = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->saver != NULL && baton_note_saver_has_unsaved (self->saver))
    g_ptr_array_add (savers, g_object_ref (self->saver));
  for (guint i = 0; self->held != NULL && i < self->held->len; i++)
    g_ptr_array_add (savers, g_object_ref (g_ptr_array_index (self->held, i)));

  return savers;
}

gboolean
baton_note_editor_save_all (BatonNoteEditor  *self,
                            GError          **error)
{
  g_autoptr(GPtrArray) savers = NULL;
  g_autoptr(GError) first_error = NULL;

  g_return_val_if_fail (BATON_IS_NOTE_EDITOR (self), FALSE);

  savers = unsaved_savers (self);
  for (guint i = 0; i < savers->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      if (!baton_note_saver_flush (g_ptr_array_index (savers, i), &local_error) && first_error == NULL)
        first_error = g_steal_pointer (&local_error);
    }

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }

  return TRUE;
}

char *
baton_note_editor_get_unsaved_title (BatonNoteEditor *self)
{
  g_autoptr(GPtrArray) savers = NULL;
  BatonNote *note;

  g_return_val_if_fail (BATON_IS_NOTE_EDITOR (self), NULL);

  savers = unsaved_savers (self);
  if (savers->len == 0)
    return NULL;

  note = baton_note_saver_get_note (g_ptr_array_index (savers, 0));
  return g_strdup (baton_note_get_title (note) != NULL ? baton_note_get_title (note) : _("Untitled Note"));
}

char *
baton_note_editor_get_unsaved_markdown (BatonNoteEditor *self)
{
  g_autoptr(GPtrArray) savers = NULL;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (BATON_IS_NOTE_EDITOR (self), NULL);

  savers = unsaved_savers (self);
  for (guint i = 0; i < savers->len; i++)
    {
      g_autofree char *text = baton_note_saver_to_markdown (g_ptr_array_index (savers, i));

      if (i > 0)
        g_string_append (out, "\n---\n\n");
      g_string_append (out, text);
    }

  return g_string_free (out, FALSE);
}

void
baton_note_editor_discard_unsaved (BatonNoteEditor *self)
{
  g_return_if_fail (BATON_IS_NOTE_EDITOR (self));

  if (self->saver != NULL)
    baton_note_saver_discard (self->saver);
  _baton_note_editor_release_held (self);
  _baton_note_editor_update_status (self);
}
