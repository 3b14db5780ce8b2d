/* baton-date-row.c — an entry row for a date, with a calendar to pick it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One widget for every date a person enters (a card's start and due dates,
 * a program's dates, a person's time off), so they all type and pick the
 * same way. The text is the truth, as people type it (YYYY-MM-DD): those
 * forms read it and check it themselves when a save is tried. The row
 * also keeps the last text that parsed as a date ("date") and why the
 * current one does not (baton_date_row_get_error ()); the calendar opens
 * on that date.
 *
 * The calendar is a BatonCalendar: its weeks start on the app's first day
 * of the week, as the capacity grid's do (see baton-calendar.c).
 */

#define G_LOG_DOMAIN "baton-date-row"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-calendar.h"
#include "baton-dates.h"
#include "baton-date-row-private.h"
#include "baton-popups.h"

struct _BatonDateRow
{
  AdwEntryRow  parent_instance;

  /* Children */
  GtkWidget   *clear_button;
  GtkWidget   *calendar_button;
  GtkWidget   *popover;
  GtkWidget   *calendar;

  /* State */
  char        *date;          /* the last date the text held, or NULL */
  char        *error;         /* why the text is not a date, or NULL */
  char        *field_label;
  gboolean     syncing;
  guint        clear_id;      /* an empty text, committed when it stays */
};

enum {
  PROP_0,
  PROP_DATE,
  PROP_FIELD_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonDateRow, baton_date_row, ADW_TYPE_ENTRY_ROW)

static char *plain_title (BatonDateRow *self);

/* How an error names the field: its field label, else its title. */
static char *
field_label (BatonDateRow *self)
{
  if (self->field_label != NULL)
    return g_strdup (self->field_label);

  return plain_title (self);
}

/* The row's title as read, without its mnemonic underscore. */
static char *
plain_title (BatonDateRow *self)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  GString *plain = g_string_new (NULL);

  for (const char *p = title != NULL ? title : ""; *p != '\0'; p++)
    {
      if (*p == '_' && adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (self)))
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (plain, *p);
    }

  return g_string_free (plain, FALSE);
}

static void
update_buttons (BatonDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  g_autofree char *title = plain_title (self);
  g_autofree char *pick = NULL;
  g_autofree char *clear = NULL;

  gtk_widget_set_visible (self->clear_button, text != NULL && text[0] != '\0');

  /* Translators: accessible name of a date field's calendar button; %s is the field ("Start Date") */
  pick = g_strdup_printf (_("Pick a Date: %s"), title);
  /* Translators: accessible name of a date field's clear button; %s is the field ("Start Date") */
  clear = g_strdup_printf (_("Clear: %s"), title);
  gtk_widget_set_tooltip_text (self->calendar_button, pick);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, pick, -1);
  gtk_widget_set_tooltip_text (self->clear_button, clear);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->clear_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, clear, -1);
}

static gboolean
text_is_empty (BatonDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));

  while (*text == ' ' || *text == '\t')
    text++;
  return *text == '\0';
}

static void
set_value (BatonDateRow *self,
           char         *date)   /* (transfer full) */
{
  gboolean changed = g_strcmp0 (self->date, date) != 0;

  g_free (self->date);
  self->date = date;
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static gboolean
commit_clear (gpointer data)
{
  BatonDateRow *self = data;

  self->clear_id = 0;
  if (text_is_empty (self))
    set_value (self, NULL);

  return G_SOURCE_REMOVE;
}

/* Parses the text: a date becomes the value, an empty text clears it, and
 * anything else leaves the value and gives the reason. Replacing the text
 * (gtk_editable_set_text ()) passes through an empty one: the value is
 * cleared only if the text stays empty. */
static void
on_changed (BatonDateRow *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->error, g_free);
  g_clear_handle_id (&self->clear_id, g_source_remove);

  if (text[0] == '\0')
    self->clear_id = g_idle_add_full (G_PRIORITY_HIGH, commit_clear, self, NULL);
  else if (baton_date_validate (text, label = field_label (self), &error))
    set_value (self, g_steal_pointer (&text));
  else
    self->error = g_strdup (error->message);

  update_buttons (self);
}

static void
on_popover_show (BatonDateRow *self)
{
  guint32 julian = 0;

  /* The chosen day, or today's month. */
  if (baton_date_row_get_date (self) == NULL || !baton_date_parse (self->date, &julian))
    julian = 0;

  self->syncing = TRUE;
  baton_calendar_set_date (BATON_CALENDAR (self->calendar), julian);
  if (julian == 0)
    baton_calendar_show_month (BATON_CALENDAR (self->calendar), baton_date_today ());
  self->syncing = FALSE;
}

static void
on_day_selected (BatonCalendar *calendar,
                 guint          julian,
                 BatonDateRow  *self)
{
  g_autofree char *text = NULL;

  if (self->syncing)
    return;

  text = baton_date_format (julian);
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
  gtk_popover_popdown (GTK_POPOVER (self->popover));
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_clear_clicked (BatonDateRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self), "");
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* GObject ------------------------------------------------------------------- */

static void
baton_date_row_dispose (GObject *object)
{
  BatonDateRow *self = BATON_DATE_ROW (object);

  /* Taking the row apart changes its text: nothing to parse any more. */
  g_signal_handlers_disconnect_by_func (self, on_changed, NULL);
  g_signal_handlers_disconnect_by_func (self, update_buttons, NULL);
  g_clear_handle_id (&self->clear_id, g_source_remove);

  G_OBJECT_CLASS (baton_date_row_parent_class)->dispose (object);
}

static void
baton_date_row_finalize (GObject *object)
{
  BatonDateRow *self = BATON_DATE_ROW (object);

  g_free (self->date);
  g_free (self->error);
  g_free (self->field_label);

  G_OBJECT_CLASS (baton_date_row_parent_class)->finalize (object);
}

static void
baton_date_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BatonDateRow *self = BATON_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, baton_date_row_get_date (self));
      break;
    case PROP_FIELD_LABEL:
      g_value_set_string (value, self->field_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_date_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BatonDateRow *self = BATON_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      baton_date_row_set_date (self, g_value_get_string (value));
      break;
    case PROP_FIELD_LABEL:
      baton_date_row_set_field_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_date_row_class_init (BatonDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baton_date_row_dispose;
  object_class->finalize = baton_date_row_finalize;
  object_class->get_property = baton_date_row_get_property;
  object_class->set_property = baton_date_row_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD_LABEL] =
    g_param_spec_string ("field-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baton_date_row_init (BatonDateRow *self)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self), GTK_INPUT_PURPOSE_FREE_FORM);

  self->clear_button = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (self->clear_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->clear_button, "flat");
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked), self);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->clear_button);

  self->calendar = baton_calendar_new ();
  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self);
  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->calendar);
  g_signal_connect_swapped (self->popover, "show", G_CALLBACK (on_popover_show), self);
  /* A closed calendar must not take the next click (see baton-popups.c). */
  baton_popover_ignore_events_when_closed (GTK_POPOVER (self->popover));

  self->calendar_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (self->calendar_button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->calendar_button), self->popover);
  gtk_widget_set_valign (self->calendar_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->calendar_button, "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), self->calendar_button);

  g_signal_connect (self, "changed", G_CALLBACK (on_changed), NULL);
  g_signal_connect (self, "notify::title", G_CALLBACK (update_buttons), NULL);
  g_signal_connect (self, "notify::use-underline", G_CALLBACK (update_buttons), NULL);
  update_buttons (self);
}

/* Public -------------------------------------------------------------------- */

GtkWidget *
baton_date_row_new (void)
{
  return g_object_new (BATON_TYPE_DATE_ROW, NULL);
}

gboolean
baton_date_row_set_date (BatonDateRow *self,
                         const char   *date)
{
  g_return_val_if_fail (BATON_IS_DATE_ROW (self), FALSE);

  if (date != NULL && date[0] != '\0' && !baton_date_parse (date, NULL))
    return FALSE;

  gtk_editable_set_text (GTK_EDITABLE (self), date != NULL ? date : "");
  return TRUE;
}

const char *
baton_date_row_get_date (BatonDateRow *self)
{
  g_return_val_if_fail (BATON_IS_DATE_ROW (self), NULL);

  /* Emptied and not refilled: no date, even before the idle commits it. */
  if (self->clear_id != 0 && text_is_empty (self))
    {
      g_clear_handle_id (&self->clear_id, g_source_remove);
      set_value (self, NULL);
    }

  return self->date;
}

const char *
baton_date_row_get_error (BatonDateRow *self)
{
  g_return_val_if_fail (BATON_IS_DATE_ROW (self), NULL);

  return self->error;
}

void
baton_date_row_set_field_label (BatonDateRow *self,
                                const char   *label)
{
  g_return_if_fail (BATON_IS_DATE_ROW (self));

  if (g_strcmp0 (self->field_label, label) == 0)
    return;

  g_free (self->field_label);
  self->field_label = g_strdup (label);
  /* The reason names the field. */
  on_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD_LABEL]);
}

void
baton_date_row_open_calendar (BatonDateRow *self)
{
  g_return_if_fail (BATON_IS_DATE_ROW (self));

  gtk_menu_button_popup (GTK_MENU_BUTTON (self->calendar_button));
}

GtkWidget *
baton_date_row_get_calendar (BatonDateRow *self)
{
  g_return_val_if_fail (BATON_IS_DATE_ROW (self), NULL);

  return self->calendar;
}

GtkWidget *
baton_date_row_get_popover (BatonDateRow *self)
{
  g_return_val_if_fail (BATON_IS_DATE_ROW (self), NULL);

  return self->popover;
}

GtkWidget *
baton_date_row_get_calendar_button (BatonDateRow *self)
{
  g_return_val_if_fail (BATON_IS_DATE_ROW (self), NULL);

  return self->calendar_button;
}

GtkWidget *
baton_date_row_get_clear_button (BatonDateRow *self)
{
  g_return_val_if_fail (BATON_IS_DATE_ROW (self), NULL);

  return self->clear_button;
}
