/* baton-preferences-window.c — the preferences of Baton
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every control is bound to its GSettings key, so the window needs no
 * Apply button and stays in sync with changes made elsewhere.
 */

#define G_LOG_DOMAIN "baton-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-preferences-window.h"

#define N_WEEKDAYS 7

struct _BatonPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template children */
  AdwComboRow    *color_scheme_row;
  GtkSpinButton  *weekly_hours_spin;
  AdwExpanderRow *working_days_row;
  AdwComboRow    *first_day_row;
  GtkSpinButton  *overload_spin;
  GtkSpinButton  *high_load_spin;
  GtkSpinButton  *weeks_spin;
  GtkFontButton  *notes_font_button;
  GtkSpinButton  *autosave_spin;
  GtkSpinButton  *backups_spin;

  /* Owned references */
  GSettings      *settings;

  /* State */
  GtkSwitch      *day_switches[N_WEEKDAYS];   /* Monday first */
  gboolean        syncing_days;
};

G_DEFINE_FINAL_TYPE (BatonPreferencesWindow, baton_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Nicks of the schema's enums, in the order of the combo rows' items. */
static const char * const color_scheme_nicks[] = {
  "default", "light", "dark", NULL
};
static const char * const weekday_nicks[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};

/* An enum key shown as the selected item of a combo row. */
static gboolean
enum_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    {
      if (g_str_equal (nicks[i], nick))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
selected_to_enum (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[selected]);
}

/* The autosave delay is stored in milliseconds and shown in seconds. */
static gboolean
milliseconds_to_seconds (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_int32 (variant) / 1000.0);
  return TRUE;
}

static GVariant *
seconds_to_milliseconds (const GValue       *value,
                         const GVariantType *expected_type,
                         gpointer            user_data)
{
  double ms = g_value_get_double (value) * 1000.0;

  return g_variant_new_int32 ((gint32) CLAMP (ms + 0.5, 250, 30000));
}

/* Working days ----------------------------------------------------------------- */

static const char *
weekday_name (guint day)
{
  switch (day)
    {
    case 0: return _("Monday");
    case 1: return _("Tuesday");
    case 2: return _("Wednesday");
    case 3: return _("Thursday");
    case 4: return _("Friday");
    case 5: return _("Saturday");
    case 6: return _("Sunday");
    default: g_assert_not_reached ();
    }
}

static const char *
weekday_abbreviation (guint day)
{
  switch (day)
    {
    case 0: return C_("weekday", "Mon");
    case 1: return C_("weekday", "Tue");
    case 2: return C_("weekday", "Wed");
    case 3: return C_("weekday", "Thu");
    case 4: return C_("weekday", "Fri");
    case 5: return C_("weekday", "Sat");
    case 6: return C_("weekday", "Sun");
    default: g_assert_not_reached ();
    }
}

static void
sync_working_days (BatonPreferencesWindow *self)
{
  guint flags = g_settings_get_flags (self->settings, "working-days");
  g_autoptr(GString) summary = g_string_new (NULL);

  self->syncing_days = TRUE;
  for (guint day = 0; day < N_WEEKDAYS; day++)
    {
      gboolean on = (flags & (1u << day)) != 0;

      gtk_switch_set_active (self->day_switches[day], on);
      if (on)
        {
          if (summary->len > 0)
            /* Translators: separates the abbreviated working days, “Mon, Tue” */
            g_string_append (summary, _(", "));
          g_string_append (summary, weekday_abbreviation (day));
        }
    }
  self->syncing_days = FALSE;

  adw_expander_row_set_subtitle (self->working_days_row, summary->str);
}

static void
on_day_switch_active (BatonPreferencesWindow *self)
{
  guint flags = 0;

  if (self->syncing_days)
    return;

  for (guint day = 0; day < N_WEEKDAYS; day++)
    if (gtk_switch_get_active (self->day_switches[day]))
      flags |= 1u << day;

  if (flags == 0)
    {
      /* No working day would leave everyone without capacity. */
      sync_working_days (self);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("At least one day must be a working day")));
      return;
    }

  g_settings_set_flags (self->settings, "working-days", flags);
}

static void
build_working_days (BatonPreferencesWindow *self)
{
  for (guint day = 0; day < N_WEEKDAYS; day++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();

      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, weekday_name (day),
                                      -1);
      g_signal_connect_object (toggle, "notify::active",
                               G_CALLBACK (on_day_switch_active), self, G_CONNECT_SWAPPED);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), weekday_name (day));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_expander_row_add_row (self->working_days_row, row);

      self->day_switches[day] = GTK_SWITCH (toggle);
    }

  g_signal_connect_object (self->settings, "changed::working-days",
                           G_CALLBACK (sync_working_days), self, G_CONNECT_SWAPPED);
  sync_working_days (self);
}

/* GObject ------------------------------------------------------------------- */

static void
baton_preferences_window_dispose (GObject *object)
{
  BatonPreferencesWindow *self = BATON_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BATON_TYPE_PREFERENCES_WINDOW);
  memset (self->day_switches, 0, sizeof self->day_switches);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (baton_preferences_window_parent_class)->dispose (object);
}

static void
baton_preferences_window_class_init (BatonPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/baton-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BatonPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, BatonPreferencesWindow, weekly_hours_spin);
  gtk_widget_class_bind_template_child (widget_class, BatonPreferencesWindow, working_days_row);
  gtk_widget_class_bind_template_child (widget_class, BatonPreferencesWindow, first_day_row);
  gtk_widget_class_bind_template_child (widget_class, BatonPreferencesWindow, overload_spin);
  gtk_widget_class_bind_template_child (widget_class, BatonPreferencesWindow, high_load_spin);
  gtk_widget_class_bind_template_child (widget_class, BatonPreferencesWindow, weeks_spin);
  gtk_widget_class_bind_template_child (widget_class, BatonPreferencesWindow, notes_font_button);
  gtk_widget_class_bind_template_child (widget_class, BatonPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, BatonPreferencesWindow, backups_spin);
}

static void
baton_preferences_window_init (BatonPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  g_settings_bind_with_mapping (self->settings, "color-scheme",
                                self->color_scheme_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                enum_to_selected, selected_to_enum,
                                (gpointer) color_scheme_nicks, NULL);

  g_settings_bind (self->settings, "default-weekly-hours",
                   self->weekly_hours_spin, "value", G_SETTINGS_BIND_DEFAULT);
  build_working_days (self);
  g_settings_bind_with_mapping (self->settings, "first-day-of-week",
                                self->first_day_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                enum_to_selected, selected_to_enum,
                                (gpointer) weekday_nicks, NULL);
  g_settings_bind (self->settings, "overload-threshold",
                   self->overload_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "high-load-threshold",
                   self->high_load_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "weeks-shown",
                   self->weeks_spin, "value", G_SETTINGS_BIND_DEFAULT);

  g_settings_bind (self->settings, "notes-font",
                   self->notes_font_button, "font", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "autosave-delay",
                                self->autosave_spin, "value",
                                G_SETTINGS_BIND_DEFAULT,
                                milliseconds_to_seconds, seconds_to_milliseconds,
                                NULL, NULL);

  g_settings_bind (self->settings, "backups-kept",
                   self->backups_spin, "value", G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
baton_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (BATON_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
