/* baton-time-off-row.c — one time-off range in the person dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog edits a person's time off as a list and writes it on Save:
 * each row remembers its range, whether it is stored already, and
 * whether it was removed.
 */

#define G_LOG_DOMAIN "baton-person-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-time-off-row.h"
#include "baton-dates.h"

struct _BatonTimeOffRow
{
  AdwActionRow  parent_instance;

  BatonTimeOff *existing;   /* NULL for one added in this dialog */
  char         *start;
  char         *end;
  char         *note;
  gboolean      removed;
};

enum {
  REMOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BatonTimeOffRow, baton_time_off_row, ADW_TYPE_ACTION_ROW)

static void
baton_time_off_row_dispose (GObject *object)
{
  BatonTimeOffRow *self = BATON_TIME_OFF_ROW (object);

  g_clear_object (&self->existing);

  G_OBJECT_CLASS (baton_time_off_row_parent_class)->dispose (object);
}

static void
baton_time_off_row_finalize (GObject *object)
{
  BatonTimeOffRow *self = BATON_TIME_OFF_ROW (object);

  g_free (self->start);
  g_free (self->end);
  g_free (self->note);

  G_OBJECT_CLASS (baton_time_off_row_parent_class)->finalize (object);
}

static void
baton_time_off_row_class_init (BatonTimeOffRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baton_time_off_row_dispose;
  object_class->finalize = baton_time_off_row_finalize;

  /**
   * BatonTimeOffRow::removed:
   *
   * The Remove button was clicked; the row is hidden and marked removed.
   */
  signals[REMOVED] =
    g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
baton_time_off_row_init (BatonTimeOffRow *self)
{
}

static char *
describe_range (const char *start,
                const char *end)
{
  guint32 first = 0, last = 0;
  char a[64], b[64];
  GDate date;

  if (!baton_date_parse (start, &first) || !baton_date_parse (end, &last))
    return g_strdup_printf ("%s – %s", start, end);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, first);
  /* Translators: a date in a time-off range, strftime format */
  g_date_strftime (a, sizeof a, _("%a %b %-d, %Y"), &date);
  if (first == last)
    return g_strdup (a);

  g_date_set_julian (&date, last);
  g_date_strftime (b, sizeof b, _("%a %b %-d, %Y"), &date);

  /* Translators: a time-off range: first day – last day */
  return g_strdup_printf (_("%s – %s"), a, b);
}

static void
on_remove_clicked (BatonTimeOffRow *self)
{
  self->removed = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_signal_emit (self, signals[REMOVED], 0);
}

GtkWidget *
baton_time_off_row_new (BatonTimeOff *existing,
                        const char   *start,
                        const char   *end,
                        const char   *note)
{
  BatonTimeOffRow *self;
  g_autofree char *title = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *button;

  g_return_val_if_fail (existing == NULL || BATON_IS_TIME_OFF (existing), NULL);
  g_return_val_if_fail (start != NULL && end != NULL, NULL);

  self = g_object_new (BATON_TYPE_TIME_OFF_ROW, NULL);
  self->existing = existing ? g_object_ref (existing) : NULL;
  self->start = g_strdup (start);
  self->end = g_strdup (end);
  self->note = g_strdup (note);

  title = describe_range (start, end);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  if (note != NULL && note[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), note);

  button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove"));
  /* Translators: accessible name of the button removing a time-off range */
  remove_label = g_strdup_printf (_("Remove time off %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);

  return GTK_WIDGET (self);
}

BatonTimeOff *
baton_time_off_row_get_existing (BatonTimeOffRow *self)
{
  g_return_val_if_fail (BATON_IS_TIME_OFF_ROW (self), NULL);

  return self->existing;
}

const char *
baton_time_off_row_get_start (BatonTimeOffRow *self)
{
  g_return_val_if_fail (BATON_IS_TIME_OFF_ROW (self), NULL);

  return self->start;
}

const char *
baton_time_off_row_get_end (BatonTimeOffRow *self)
{
  g_return_val_if_fail (BATON_IS_TIME_OFF_ROW (self), NULL);

  return self->end;
}

const char *
baton_time_off_row_get_note (BatonTimeOffRow *self)
{
  g_return_val_if_fail (BATON_IS_TIME_OFF_ROW (self), NULL);

  return self->note;
}

gboolean
baton_time_off_row_get_removed (BatonTimeOffRow *self)
{
  g_return_val_if_fail (BATON_IS_TIME_OFF_ROW (self), FALSE);

  return self->removed;
}
