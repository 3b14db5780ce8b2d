/* baton-person-dialog.c — add or edit a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Name, email, weekly capacity in hours (fractions are normal: a subject
 * matter expert may give 2 h a week), color, roles with one primary, and
 * time off as date ranges with a note (BatonDateRow: typed, or picked in a
 * calendar whose weeks start as the grid's). Nothing is written until Save:
 * every field is checked the way the store checks it and a problem is
 * shown on its field; then the whole edit is one store batch, so one Undo
 * takes it back.
 *
 * The dialog is one class in three files around
 * baton-person-dialog-private.h: this one (the fields, their errors,
 * saving), -roles.c (the roles section) and -time-off.c (the time off
 * section).
 */

#define G_LOG_DOMAIN "baton-person-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-accessible.h"
#include "baton-date-row.h"
#include "baton-duration.h"
#include "baton-person-dialog-private.h"

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BatonPersonDialog, baton_person_dialog, ADW_TYPE_WINDOW)

/* A few colors of the GNOME palette for new people. */
static const char * const person_colors[] = {
  "#3584e4", "#2ec27e", "#e5a50a", "#e66100", "#c01c28", "#813d9c", "#865e3c", "#1c71d8", "#26a269",
};

/* Errors ---------------------------------------------------------------------- */

static GtkLabel *
error_label_for (BatonPersonDialog *self,
                 const char        *field)
{
  if (g_str_equal (field, "name") || g_str_equal (field, "email") || g_str_equal (field, "capacity"))
    return self->person_error;
  if (g_str_equal (field, "roles"))
    return self->roles_error;
  if (g_str_equal (field, "time-off"))
    return self->time_off_error;
  return self->general_error;
}

static GtkWidget *
field_widget (BatonPersonDialog *self,
              const char        *field)
{
  if (g_str_equal (field, "name"))
    return GTK_WIDGET (self->name_row);
  if (g_str_equal (field, "email"))
    return GTK_WIDGET (self->email_row);
  if (g_str_equal (field, "capacity"))
    return GTK_WIDGET (self->capacity_row);
  if (g_str_equal (field, "time-off"))
    return GTK_WIDGET (self->off_end_row);
  return NULL;
}

static void
update_error_labels (BatonPersonDialog *self)
{
  static const char * const fields[] = { "name", "email", "capacity", "roles", "time-off", "general" };
  GtkLabel *labels[] = { self->person_error, self->roles_error, self->time_off_error, self->general_error };

  for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          const char *message = g_hash_table_lookup (self->errors, fields[f]);

          if (message == NULL || error_label_for (self, fields[f]) != labels[l])
            continue;
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, message);
        }

      gtk_label_set_text (labels[l], text->str);
      gtk_widget_set_visible (GTK_WIDGET (labels[l]), text->len > 0);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->general_group),
                          g_hash_table_contains (self->errors, "general"));
}

void
_baton_person_dialog_set_error (BatonPersonDialog *self,
                                const char        *field,
                                const char        *message)
{
  GtkWidget *widget = field_widget (self, field);

  g_hash_table_replace (self->errors, g_strdup (field), g_strdup (message));
  if (widget != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  update_error_labels (self);
}

void
_baton_person_dialog_clear_error (BatonPersonDialog *self,
                                  const char        *field)
{
  GtkWidget *widget = field_widget (self, field);

  if (!g_hash_table_remove (self->errors, field))
    return;

  if (widget != NULL)
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  update_error_labels (self);
}

static void
clear_all_errors (BatonPersonDialog *self)
{
  static const char * const fields[] = { "name", "email", "capacity", "roles", "time-off", "general" };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    _baton_person_dialog_clear_error (self, fields[f]);
}

static void
on_entry_changed (GtkEditable       *editable,
                  BatonPersonDialog *self)
{
  /* Typing again clears the field's error. */
  if (editable == GTK_EDITABLE (self->name_row))
    _baton_person_dialog_clear_error (self, "name");
  else if (editable == GTK_EDITABLE (self->email_row))
    _baton_person_dialog_clear_error (self, "email");
  else if (editable == GTK_EDITABLE (self->capacity_row))
    _baton_person_dialog_clear_error (self, "capacity");
  else
    _baton_person_dialog_clear_error (self, "time-off");
}

char *
_baton_person_dialog_entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Saving -------------------------------------------------------------------- */

typedef struct
{
  BatonPersonDialog *self;
  const char        *name;
  const char        *email;
  gint64             minutes;
  const char        *color;
  gboolean           placeholder;
  GArray            *role_ids;
  gint64             primary_id;
  BatonPerson       *person;   /* out, for a new person */
} SaveContext;

static gboolean
save_batch (BatonStore  *store,
            gpointer     user_data,
            GError     **error)
{
  SaveContext *ctx = user_data;
  BatonPersonDialog *self = ctx->self;
  BatonPerson *person = self->person;

  if (person == NULL)
    {
      person = baton_store_create_person (store, ctx->name, ctx->email, ctx->minutes, ctx->color, error);
      if (person == NULL)
        return FALSE;
      if (ctx->placeholder &&
          !baton_store_update (store, person, error, "placeholder", (gboolean) TRUE, NULL))
        return FALSE;
    }
  else if (!baton_store_update (store, person, error,
                                "name", ctx->name,
                                "email", ctx->email,
                                "weekly-capacity-minutes", (gint64) ctx->minutes,
                                "color", ctx->color,
                                "placeholder", (gboolean) ctx->placeholder,
                                NULL))
    return FALSE;

  ctx->person = person;

  if (!baton_store_set_person_roles (store, person, (const gint64 *) ctx->role_ids->data,
                                     ctx->role_ids->len, ctx->primary_id, error))
    return FALSE;

  return _baton_person_dialog_write_time_off (self, store, person, error);
}

static char *
color_text (BatonPersonDialog *self)
{
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);

  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) CLAMP (rgba.red * 255 + 0.5, 0, 255),
                          (guint) CLAMP (rgba.green * 255 + 0.5, 0, 255),
                          (guint) CLAMP (rgba.blue * 255 + 0.5, 0, 255));
}

gboolean
baton_person_dialog_save (BatonPersonDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;
  g_autofree char *capacity = NULL;
  g_autofree char *color = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GArray) role_ids = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *first_bad = NULL;
  SaveContext ctx = { self };
  gint64 minutes = 0;
  gint64 primary_id = 0;

  g_return_val_if_fail (BATON_IS_PERSON_DIALOG (self), FALSE);

  clear_all_errors (self);

  name = _baton_person_dialog_entry_text (self->name_row);
  if (name[0] == '\0')
    {
      _baton_person_dialog_set_error (self, "name", _("Enter a name."));
      first_bad = GTK_WIDGET (self->name_row);
    }
  else if (g_utf8_strlen (name, -1) > BATON_MAX_NAME_LENGTH)
    {
      g_autofree char *text = g_strdup_printf (_("A name has at most %d characters."), BATON_MAX_NAME_LENGTH);

      _baton_person_dialog_set_error (self, "name", text);
      first_bad = GTK_WIDGET (self->name_row);
    }

  email = _baton_person_dialog_entry_text (self->email_row);
  if (email[0] != '\0' && (strchr (email, '@') == NULL || strchr (email, ' ') != NULL))
    {
      _baton_person_dialog_set_error (self, "email", _("Enter an email address like name@example.org, or leave it empty."));
      if (first_bad == NULL)
        first_bad = GTK_WIDGET (self->email_row);
    }

  capacity = _baton_person_dialog_entry_text (self->capacity_row);
  if (!baton_duration_parse (capacity, FALSE, BATON_MAX_WEEKLY_CAPACITY_MINUTES, &minutes, &error))
    {
      /* Translators: %s says what is wrong with the typed hours */
      g_autofree char *text = g_strdup_printf (_("Weekly capacity: %s"), error->message);

      _baton_person_dialog_set_error (self, "capacity", text);
      g_clear_error (&error);
      if (first_bad == NULL)
        first_bad = GTK_WIDGET (self->capacity_row);
    }

  role_ids = _baton_person_dialog_get_checked_roles (self, &primary_id);

  /* Dates typed but not added yet are part of the edit. */
  if (!_baton_person_dialog_take_typed_time_off (self, TRUE) && first_bad == NULL)
    first_bad = GTK_WIDGET (self->off_start_row);

  if (g_hash_table_size (self->errors) > 0)
    {
      if (first_bad != NULL)
        gtk_widget_grab_focus (first_bad);
      return FALSE;
    }

  color = color_text (self);
  ctx.name = name;
  ctx.email = email[0] != '\0' ? email : NULL;
  ctx.minutes = minutes;
  ctx.color = color;
  ctx.placeholder = gtk_switch_get_active (self->placeholder_switch);
  ctx.role_ids = role_ids;
  ctx.primary_id = primary_id;

  if (self->person != NULL)
    /* Translators: the undo label of a person's edit; %s is their name */
    label = g_strdup_printf (_("Edit %s"), name);
  else
    /* Translators: the undo label of adding a person; %s is their name */
    label = g_strdup_printf (_("Add %s"), name);

  if (!baton_store_run_batch (self->store, label, TRUE, save_batch, &ctx, &error))
    {
      _baton_person_dialog_set_error (self, "general", error->message);
      return FALSE;
    }

  if (self->person != NULL)
    /* Translators: a toast; %s is a person's name */
    message = g_strdup_printf (_("%s saved"), name);
  else
    /* Translators: a toast; %s is a person's name */
    message = g_strdup_printf (_("%s added"), name);

  g_signal_emit (self, signals[SAVED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  baton_person_dialog_save (BATON_PERSON_DIALOG (widget));
}

static void
save_on_enter (BatonPersonDialog *self)
{
  baton_person_dialog_save (self);
}

static void
take_typed_time_off_activated (BatonPersonDialog *self)
{
  _baton_person_dialog_take_typed_time_off (self, FALSE);
}

static void
add_time_off_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _baton_person_dialog_take_typed_time_off (BATON_PERSON_DIALOG (widget), FALSE);
}

static void
archive_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BatonPersonDialog *self = BATON_PERSON_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->person == NULL)
    return;

  if (!baton_store_update (self->store, self->person, &error, "archived", (gboolean) TRUE, NULL))
    {
      _baton_person_dialog_set_error (self, "general", error->message);
      return;
    }

  /* Translators: a toast; %s is a person's name */
  message = g_strdup_printf (_("%s archived"), baton_person_get_name (self->person));
  g_signal_emit (self, signals[SAVED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Public --------------------------------------------------------------------- */

AdwEntryRow *
baton_person_dialog_get_entry (BatonPersonDialog *self,
                               const char        *field)
{
  g_return_val_if_fail (BATON_IS_PERSON_DIALOG (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "name"))
    return self->name_row;
  if (g_str_equal (field, "email"))
    return self->email_row;
  if (g_str_equal (field, "capacity"))
    return self->capacity_row;
  if (g_str_equal (field, "off-start"))
    return self->off_start_row;
  if (g_str_equal (field, "off-end"))
    return self->off_end_row;
  if (g_str_equal (field, "off-note"))
    return self->off_note_row;

  g_return_val_if_reached (NULL);
}

const char *
baton_person_dialog_get_error (BatonPersonDialog *self,
                               const char        *field)
{
  g_return_val_if_fail (BATON_IS_PERSON_DIALOG (self), NULL);

  return g_hash_table_lookup (self->errors, field);
}

BatonPerson *
baton_person_dialog_get_person (BatonPersonDialog *self)
{
  g_return_val_if_fail (BATON_IS_PERSON_DIALOG (self), NULL);

  return self->person;
}

/* GObject ------------------------------------------------------------------- */

static void
baton_person_dialog_dispose (GObject *object)
{
  BatonPersonDialog *self = BATON_PERSON_DIALOG (object);

  if (self->roles_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->roles_dialog));
  g_clear_weak_pointer (&self->roles_dialog);
  g_clear_pointer (&self->role_rows, g_ptr_array_unref);
  g_clear_pointer (&self->off, g_ptr_array_unref);
  g_clear_pointer (&self->errors, g_hash_table_unref);
  g_clear_object (&self->person);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_person_dialog_parent_class)->dispose (object);
}

static void
baton_person_dialog_class_init (BatonPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_person_dialog_dispose;

  /**
   * BatonPersonDialog::saved:
   * @message: what was done, for a toast
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (BATON_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/capacity/baton-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, general_group);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, roles_group);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, time_off_group);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, archive_group);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, no_time_off_row);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, general_error);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, person_error);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, roles_error);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, time_off_error);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, capacity_row);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, off_start_row);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, off_end_row);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, off_note_row);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, color_button);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, placeholder_switch);
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, edit_roles_button);
  /* Enter in a field saves, as the suggested button would; typing clears
   * the field's error. */
  gtk_widget_class_bind_template_callback (widget_class, save_on_enter);
  gtk_widget_class_bind_template_callback (widget_class, take_typed_time_off_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);

  gtk_widget_class_install_action (widget_class, "person.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "person.add-time-off", NULL, add_time_off_activated);
  gtk_widget_class_install_action (widget_class, "person.archive", NULL, archive_activated);
  gtk_widget_class_install_action (widget_class, "person.manage-roles", NULL,
                                   _baton_person_dialog_manage_roles_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "person.save", NULL);
}

static void
baton_person_dialog_init (BatonPersonDialog *self)
{
  /* Before the template: its callbacks may run as soon as it is built. */
  self->role_rows = g_ptr_array_new ();
  self->off = g_ptr_array_new_with_free_func (g_object_unref);
  self->errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 reads mnemonics out in accessible names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (GTK_WIDGET (self));
}

GtkWidget *
baton_person_dialog_new (BatonStore  *store,
                         BatonPerson *person,
                         double       default_hours)
{
  BatonPersonDialog *self;
  g_autofree char *hours = NULL;
  const char *color;
  GdkRGBA rgba;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (person == NULL || BATON_IS_PERSON (person), NULL);

  self = g_object_new (BATON_TYPE_PERSON_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->person = person ? g_object_ref (person) : NULL;

  if (person != NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Person"));
      adw_window_title_set_title (self->window_title, _("Edit Person"));
      adw_window_title_set_subtitle (self->window_title, baton_person_get_name (person));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), baton_person_get_name (person));
      gtk_editable_set_text (GTK_EDITABLE (self->email_row),
                             baton_person_get_email (person) ? baton_person_get_email (person) : "");
      hours = baton_duration_format_hours ((double) baton_person_get_weekly_capacity_minutes (person));
      color = baton_person_get_color (person);
      gtk_switch_set_active (self->placeholder_switch, baton_person_get_placeholder (person));
      gtk_widget_set_visible (GTK_WIDGET (self->archive_group), !baton_person_get_archived (person));
    }
  else
    {
      guint n = g_list_model_get_n_items (baton_store_get_people (store));

      gtk_window_set_title (GTK_WINDOW (self), _("Add Person"));
      adw_window_title_set_title (self->window_title, _("Add Person"));
      gtk_button_set_label (self->save_button, _("_Add"));
      hours = baton_duration_format_hours (default_hours * 60.0);
      color = person_colors[n % G_N_ELEMENTS (person_colors)];
    }

  gtk_editable_set_text (GTK_EDITABLE (self->capacity_row), hours);
  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    gdk_rgba_parse (&rgba, person_colors[0]);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);

  _baton_person_dialog_build_role_rows (self, NULL);
  g_signal_connect_object (baton_store_get_roles (store), "items-changed",
                           G_CALLBACK (_baton_person_dialog_on_roles_changed), self, G_CONNECT_SWAPPED);
  _baton_person_dialog_build_time_off_rows (self);
  _baton_person_dialog_normalize_roles (self, NULL);
  clear_all_errors (self);

  return GTK_WIDGET (self);
}
