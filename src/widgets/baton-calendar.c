/* baton-calendar.c — a month to pick a day from, weeks as the app has them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why not GtkCalendar: GTK 4.8's calendar starts its weeks on the first
 * weekday of the LC_TIME locale (nl_langinfo (_NL_TIME_FIRST_WEEKDAY)),
 * read once, and has no API to change it. Baton's weeks begin on the
 * "first-day-of-week" preference (Monday by default, as ISO 8601 and the
 * grid's week numbers): in an English (US) locale a GtkCalendar showed
 * Sunday-first weeks next to a grid of Monday-first ones. This calendar
 * follows the preference, live, and shows the week numbers the grid shows.
 *
 * A header (previous month, "March 2024", next month), a row of weekday
 * names, and six rows of seven day buttons with the week number in front.
 * Page Up/Down change the month; the arrows move between days, across
 * months. Every day button is named with its full date.
 */

#define G_LOG_DOMAIN "baton-calendar"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-calendar-private.h"
#include "baton-dates.h"

#define N_ROWS 6

struct _BatonCalendar
{
  GtkWidget  parent_instance;

  /* Children */
  GtkWidget *box;
  GtkLabel  *month_label;
  GtkWidget *previous_button;
  GtkWidget *next_button;
  GtkLabel  *weekday_labels[7];
  GtkLabel  *week_labels[N_ROWS];
  GtkWidget *day_buttons[N_ROWS * 7];

  /* Owned references */
  GSettings *settings;     /* NULL without the app's schema */

  /* State */
  guint32    month_start;  /* julian of the 1st of the month shown */
  guint32    first_day;    /* julian of the first button */
  guint32    selected;     /* 0: none */
};

enum {
  DAY_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BatonCalendar, baton_calendar, GTK_TYPE_WIDGET)

/* Dates --------------------------------------------------------------------- */

static void
julian_to_gdate (guint32  julian,
                 GDate   *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, julian);
}

static GDateTime *
julian_to_datetime (guint32 julian)
{
  GDate date;

  julian_to_gdate (julian, &date);
  return g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
}

static guint32
month_start_of (guint32 julian)
{
  GDate date;

  julian_to_gdate (julian, &date);
  g_date_set_day (&date, 1);
  return g_date_get_julian (&date);
}

guint
baton_week_number (guint32 week_start)
{
  guint weekday = baton_date_weekday (week_start);

  /* The ISO number of the week's Thursday: the ISO week holding most of
   * its days, whatever day it starts on. */
  return baton_date_iso_week (week_start + (4 + 7 - weekday) % 7);
}

char *
baton_week_describe (guint32 week_start)
{
  /* Translators: a day in a week label, strftime format: "Mar 4" */
  const char *format = _("%b %-d");
  char first[128];
  GDate date;

  g_return_val_if_fail (week_start > 0, NULL);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, week_start);
  if (g_date_strftime (first, sizeof first, format, &date) == 0)
    {
      g_autofree char *iso = baton_date_format (week_start);

      /* Translators: a week in a popover or menu; %u is its ISO number, %s its first day */
      return g_strdup_printf (_("Week %u · %s"), baton_week_number (week_start), iso);
    }

  /* Translators: a week in a popover or menu; %u is its ISO number, %s its first day */
  return g_strdup_printf (_("Week %u · %s"), baton_week_number (week_start), first);
}

/* Drawing ------------------------------------------------------------------- */

guint
baton_calendar_get_first_weekday (BatonCalendar *self)
{
  g_return_val_if_fail (BATON_IS_CALENDAR (self), 1);

  if (self->settings != NULL)
    return CLAMP ((guint) g_settings_get_enum (self->settings, "first-day-of-week"), 1, 7);

  return 1;
}

static void
update (BatonCalendar *self)
{
  g_autoptr(GDateTime) month = julian_to_datetime (self->month_start);
  g_autofree char *month_text = NULL;
  guint first_weekday = baton_calendar_get_first_weekday (self);
  guint32 today = baton_date_today ();
  GDate month_date;

  julian_to_gdate (self->month_start, &month_date);
  self->first_day = baton_date_week_start (self->month_start, first_weekday);

  /* Translators: the month a calendar shows, strftime format: "March 2024" */
  month_text = g_date_time_format (month, _("%B %Y"));
  gtk_label_set_text (self->month_label, month_text);

  for (guint column = 0; column < 7; column++)
    {
      g_autoptr(GDateTime) day = julian_to_datetime (self->first_day + column);
      /* Translators: a weekday's short name over a calendar's column, strftime format */
      g_autofree char *short_name = g_date_time_format (day, _("%a"));
      g_autofree char *long_name = g_date_time_format (day, "%A");

      gtk_label_set_text (self->weekday_labels[column], short_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->weekday_labels[column]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, long_name,
                                      -1);
    }

  for (guint row = 0; row < N_ROWS; row++)
    {
      g_autofree char *number = g_strdup_printf ("%u", baton_week_number (self->first_day + row * 7));
      /* Translators: the accessible name of a calendar row's week number */
      g_autofree char *week_name = g_strdup_printf (_("Week %u"), baton_week_number (self->first_day + row * 7));

      gtk_label_set_text (self->week_labels[row], number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->week_labels[row]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, week_name,
                                      -1);
    }

  for (guint i = 0; i < N_ROWS * 7; i++)
    {
      GtkWidget *button = self->day_buttons[i];
      guint32 julian = self->first_day + i;
      g_autoptr(GDateTime) day = julian_to_datetime (julian);
      g_autofree char *number = g_strdup_printf ("%d", g_date_time_get_day_of_month (day));
      /* Translators: a day's accessible name in a calendar, strftime format */
      g_autofree char *name = g_date_time_format (day, _("%A, %B %-d, %Y"));
      gboolean in_month = g_date_time_get_month (day) == (int) g_date_get_month (&month_date);

      gtk_button_set_label (GTK_BUTTON (button), number);
      g_object_set_data (G_OBJECT (button), "baton-julian", GUINT_TO_POINTER (julian));

      if (in_month)
        gtk_widget_remove_css_class (button, "other-month");
      else
        gtk_widget_add_css_class (button, "other-month");
      if (julian == today)
        gtk_widget_add_css_class (button, "today");
      else
        gtk_widget_remove_css_class (button, "today");
      if (julian == self->selected)
        gtk_widget_add_css_class (button, "selected");
      else
        gtk_widget_remove_css_class (button, "selected");

      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (button),
                                   GTK_ACCESSIBLE_STATE_SELECTED, julian == self->selected,
                                   -1);
    }
}

/* Input --------------------------------------------------------------------- */

static void
on_day_clicked (GtkButton     *button,
                BatonCalendar *self)
{
  baton_calendar_choose_day (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "baton-julian")));
}

static void
shift_month (BatonCalendar *self,
             int            months)
{
  GDate date;

  julian_to_gdate (self->month_start, &date);
  if (months > 0)
    g_date_add_months (&date, (guint) months);
  else
    g_date_subtract_months (&date, (guint) -months);
  baton_calendar_show_month (self, g_date_get_julian (&date));
}

static void
on_previous_clicked (BatonCalendar *self)
{
  shift_month (self, -1);
}

static void
on_next_clicked (BatonCalendar *self)
{
  shift_month (self, 1);
}

static guint32
focused_day (BatonCalendar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (guint i = 0; i < N_ROWS * 7; i++)
    if (focus != NULL && (focus == self->day_buttons[i] || gtk_widget_is_ancestor (focus, self->day_buttons[i])))
      return self->first_day + i;

  return 0;
}

static void
focus_day (BatonCalendar *self,
           guint32        julian)
{
  GtkWidget *button = baton_calendar_get_day_button (self, julian);

  if (button == NULL || gtk_widget_has_css_class (button, "other-month"))
    {
      baton_calendar_show_month (self, julian);
      button = baton_calendar_get_day_button (self, julian);
    }

  if (button != NULL)
    gtk_widget_grab_focus (button);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BatonCalendar         *self)
{
  guint32 day = focused_day (self);
  int step = 0;

  switch (keyval)
    {
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      /* The month before or after; a focused day goes to its 1st. */
      shift_month (self, keyval == GDK_KEY_Page_Up || keyval == GDK_KEY_KP_Page_Up ? -1 : 1);
      if (day != 0)
        focus_day (self, self->month_start);
      return TRUE;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      step = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? 1 : -1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      step = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? -1 : 1;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      step = -7;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      step = 7;
      break;
    default:
      return FALSE;
    }

  if (day == 0)
    return FALSE;

  focus_day (self, (guint32) ((gint64) day + step));
  return TRUE;
}

static void
on_first_weekday_changed (BatonCalendar *self)
{
  update (self);
}

/* GObject ------------------------------------------------------------------- */

static void
baton_calendar_dispose (GObject *object)
{
  BatonCalendar *self = BATON_CALENDAR (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (baton_calendar_parent_class)->dispose (object);
}

static void
baton_calendar_class_init (BatonCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_calendar_dispose;

  /**
   * BatonCalendar::day-selected:
   * @julian: the day chosen
   *
   * A day was clicked (or chosen with Enter or Space).
   */
  signals[DAY_SELECTED] =
    g_signal_new ("day-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "batoncalendar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  return button;
}

static void
baton_calendar_init (BatonCalendar *self)
{
  GtkWidget *header, *grid;
  GtkEventController *keys;
  GSettingsSchema *schema;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->previous_button = icon_button ("go-previous-symbolic", _("Previous Month"));
  self->next_button = icon_button ("go-next-symbolic", _("Next Month"));
  self->month_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->month_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->month_label), "heading");
  gtk_box_append (GTK_BOX (header), self->previous_button);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->month_label));
  gtk_box_append (GTK_BOX (header), self->next_button);
  gtk_box_append (GTK_BOX (self->box), header);
  g_signal_connect_swapped (self->previous_button, "clicked", G_CALLBACK (on_previous_clicked), self);
  g_signal_connect_swapped (self->next_button, "clicked", G_CALLBACK (on_next_clicked), self);

  grid = gtk_grid_new ();
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 2);
  gtk_box_append (GTK_BOX (self->box), grid);

  for (guint column = 0; column < 7; column++)
    {
      self->weekday_labels[column] = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (self->weekday_labels[column]), "weekday");
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->weekday_labels[column]), (int) column + 1, 0, 1, 1);
    }

  for (guint row = 0; row < N_ROWS; row++)
    {
      self->week_labels[row] = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (self->week_labels[row]), "week-number");
      gtk_widget_add_css_class (GTK_WIDGET (self->week_labels[row]), "numeric");
      gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->week_labels[row]), 0, (int) row + 1, 1, 1);

      for (guint column = 0; column < 7; column++)
        {
          GtkWidget *button = gtk_button_new_with_label ("");

          gtk_widget_add_css_class (button, "flat");
          gtk_widget_add_css_class (button, "day");
          gtk_widget_add_css_class (button, "numeric");
          g_signal_connect (button, "clicked", G_CALLBACK (on_day_clicked), self);
          gtk_grid_attach (GTK_GRID (grid), button, (int) column + 1, (int) row + 1, 1, 1);
          self->day_buttons[row * 7 + column] = button;
        }
    }

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  /* The weeks start where the app's weeks start. */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      g_signal_connect_object (self->settings, "changed::first-day-of-week",
                               G_CALLBACK (on_first_weekday_changed), self, G_CONNECT_SWAPPED);
      g_settings_schema_unref (schema);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Calendar"),
                                  -1);

  self->month_start = month_start_of (baton_date_today ());
  update (self);
}

/* Public -------------------------------------------------------------------- */

GtkWidget *
baton_calendar_new (void)
{
  return g_object_new (BATON_TYPE_CALENDAR, NULL);
}

void
baton_calendar_set_date (BatonCalendar *self,
                         guint32        julian)
{
  g_return_if_fail (BATON_IS_CALENDAR (self));

  self->selected = julian;
  if (julian != 0)
    self->month_start = month_start_of (julian);
  update (self);
}

guint32
baton_calendar_get_date (BatonCalendar *self)
{
  g_return_val_if_fail (BATON_IS_CALENDAR (self), 0);

  return self->selected;
}

void
baton_calendar_show_month (BatonCalendar *self,
                           guint32        julian)
{
  g_return_if_fail (BATON_IS_CALENDAR (self));
  g_return_if_fail (julian > 0);

  self->month_start = month_start_of (julian);
  update (self);
}

guint32
baton_calendar_get_month_start (BatonCalendar *self)
{
  g_return_val_if_fail (BATON_IS_CALENDAR (self), 0);

  return self->month_start;
}

void
baton_calendar_choose_day (BatonCalendar *self,
                           guint32        julian)
{
  g_return_if_fail (BATON_IS_CALENDAR (self));
  g_return_if_fail (julian > 0);

  baton_calendar_set_date (self, julian);
  g_signal_emit (self, signals[DAY_SELECTED], 0, julian);
}

GtkWidget *
baton_calendar_get_day_button (BatonCalendar *self,
                               guint32        julian)
{
  g_return_val_if_fail (BATON_IS_CALENDAR (self), NULL);

  if (julian < self->first_day || julian >= self->first_day + N_ROWS * 7)
    return NULL;

  return self->day_buttons[julian - self->first_day];
}

const char *
baton_calendar_get_weekday_label (BatonCalendar *self,
                                  guint          index)
{
  g_return_val_if_fail (BATON_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (index < 7, NULL);

  return gtk_label_get_text (self->weekday_labels[index]);
}
