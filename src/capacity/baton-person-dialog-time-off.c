/* baton-person-dialog-time-off.c — the person dialog's time off
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The person's ranges as rows (BatonTimeOffRow), removable until Save, and
 * the fields to type a new one: checked when added, and when saved with
 * something typed but not added.
 */

#define G_LOG_DOMAIN "baton-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-date-row.h"
#include "baton-dates.h"
#include "baton-person-dialog-private.h"
#include "baton-time-off-row.h"

static void
update_no_time_off (BatonPersonDialog *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->off->len; i++)
    any |= !baton_time_off_row_get_removed (g_ptr_array_index (self->off, i));

  gtk_widget_set_visible (self->no_time_off_row, !any);
}

static void
add_off_entry (BatonPersonDialog *self,
               BatonTimeOff      *existing,
               const char        *start,
               const char        *end,
               const char        *note)
{
  GtkWidget *row = baton_time_off_row_new (existing, start, end, note);

  g_signal_connect_swapped (row, "removed", G_CALLBACK (update_no_time_off), self);
  adw_preferences_group_add (self->time_off_group, row);
  g_ptr_array_add (self->off, g_object_ref (row));
  update_no_time_off (self);
}

void
_baton_person_dialog_build_time_off_rows (BatonPersonDialog *self)
{
  GListModel *list = baton_store_get_time_off (self->store);
  gint64 person_id;
  guint n = g_list_model_get_n_items (list);

  if (self->person == NULL)
    return;

  person_id = baton_record_get_id (BATON_RECORD (self->person));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonTimeOff) off = g_list_model_get_item (list, i);

      if (baton_time_off_get_person_id (off) == person_id)
        add_off_entry (self, off, baton_time_off_get_start_date (off),
                       baton_time_off_get_end_date (off), baton_time_off_get_note (off));
    }
}

/* Checks the typed range; on success adds it to the list and clears the
 * fields. Returns FALSE (and shows why) when it is not valid. Nothing typed
 * is fine when @allow_empty. */
gboolean
_baton_person_dialog_take_typed_time_off (BatonPersonDialog *self,
                                          gboolean           allow_empty)
{
  BatonDateRow *start_row = BATON_DATE_ROW (self->off_start_row);
  BatonDateRow *end_row = BATON_DATE_ROW (self->off_end_row);
  g_autofree char *note = _baton_person_dialog_entry_text (self->off_note_row);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GError) error = NULL;

  /* Each date row parses its own text and says what is wrong with it. */
  if (baton_date_row_get_error (start_row) != NULL || baton_date_row_get_error (end_row) != NULL)
    {
      const char *message = baton_date_row_get_error (start_row) != NULL
                            ? baton_date_row_get_error (start_row)
                            : baton_date_row_get_error (end_row);

      _baton_person_dialog_set_error (self, "time-off", message);
      return FALSE;
    }
  start = g_strdup (baton_date_row_get_date (start_row));
  end = g_strdup (baton_date_row_get_date (end_row));
  if (start == NULL)
    start = g_strdup ("");
  if (end == NULL)
    end = g_strdup ("");

  if (start[0] == '\0' && end[0] == '\0')
    {
      if (allow_empty && note[0] == '\0')
        return TRUE;
      _baton_person_dialog_set_error (self, "time-off", _("Enter the first day off, like 2024-03-18."));
      return FALSE;
    }

  if (start[0] == '\0')
    {
      _baton_person_dialog_set_error (self, "time-off", _("Enter the first day off, like 2024-03-18."));
      return FALSE;
    }

  if (end[0] == '\0')
    {
      g_free (end);
      end = g_strdup (start);
    }

  if (!baton_date_range_validate (start, end, &error))
    {
      _baton_person_dialog_set_error (self, "time-off", error->message);
      return FALSE;
    }

  add_off_entry (self, NULL, start, end, note[0] != '\0' ? note : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->off_start_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->off_end_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->off_note_row), "");
  _baton_person_dialog_clear_error (self, "time-off");

  return TRUE;
}

/* Inside the save's batch: deletes the ranges removed from the list and
 * adds the new ones to @person. */
gboolean
_baton_person_dialog_write_time_off (BatonPersonDialog  *self,
                                     BatonStore         *store,
                                     BatonPerson        *person,
                                     GError            **error)
{
  for (guint i = 0; i < self->off->len; i++)
    {
      BatonTimeOffRow *row = g_ptr_array_index (self->off, i);
      BatonTimeOff *existing = baton_time_off_row_get_existing (row);
      gboolean removed = baton_time_off_row_get_removed (row);

      if (existing != NULL && removed)
        {
          if (!baton_store_delete (store, existing, error))
            return FALSE;
        }
      else if (existing == NULL && !removed)
        {
          if (baton_store_add_time_off (store, person,
                                        baton_time_off_row_get_start (row),
                                        baton_time_off_row_get_end (row),
                                        baton_time_off_row_get_note (row), error) == NULL)
            return FALSE;
        }
    }

  return TRUE;
}
