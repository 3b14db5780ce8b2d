/* baton-program-dialog.c — add or edit a client's program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Name, description, start and due dates (BatonDateRow: typed, or picked
 * in a calendar) and a color. The fields are
 * checked when Save is pressed: errors show on the fields and nothing is
 * written until every field is valid; then the program is written in one
 * store call, so it is one undo step.
 */

#define G_LOG_DOMAIN "baton-program-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-date-row.h"
#include "baton-dates.h"
#include "baton-accessible.h"
#include "baton-announcer.h"
#include "baton-program-dialog-private.h"

/* GNOME's palette (the HIG's colors), as for people and programs elsewhere. */
static const struct
{
  const char *hex;
  const char *name;
} palette[] = {
  { "#3584e4", N_("Blue") },
  { "#2190a4", N_("Teal") },
  { "#33d17a", N_("Green") },
  { "#f6d32d", N_("Yellow") },
  { "#ff7800", N_("Orange") },
  { "#e01b24", N_("Red") },
  { "#dc8add", N_("Pink") },
  { "#9141ac", N_("Purple") },
  { "#986a44", N_("Brown") },
};

struct _BatonProgramDialog
{
  AdwWindow       parent_instance;

  /* Template children */
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  GtkTextView    *description_view;
  AdwEntryRow    *start_row;   /* BatonDateRow */
  AdwEntryRow    *due_row;     /* BatonDateRow */
  GtkFlowBox     *color_box;
  AdwPreferencesGroup *archive_group;
  AdwActionRow   *archive_row;
  GtkButton      *archive_button;

  /* Owned */
  BatonStore     *store;
  BatonClient    *client;
  BatonProgram   *program;   /* NULL for a new one */
  GPtrArray      *color_buttons;
  char           *error;

  /* State */
  char           *other_color;     /* the program's color, when not in the palette */
  guint           loaded_color;    /* the color button load () selected */
};

G_DEFINE_FINAL_TYPE (BatonProgramDialog, baton_program_dialog, ADW_TYPE_WINDOW)

static void
set_field_error (GtkWidget *field,
                 gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
}

static void
show_error (BatonProgramDialog *self,
            const char         *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  /* GTK 4.8 has no gtk_accessible_announce (): the message becomes the
   * dialog's description for screen readers, and is announced
   * (baton-announcer.c). */
  if (message != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      baton_announce (GTK_WIDGET (self), message);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
description_text (BatonProgramDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
selected_color (BatonProgramDialog *self)
{
  for (guint i = 0; i < self->color_buttons->len; i++)
    if (gtk_toggle_button_get_active (g_ptr_array_index (self->color_buttons, i)))
      {
        if (i == 0)
          return NULL;
        return i <= G_N_ELEMENTS (palette) ? palette[i - 1].hex : self->other_color;
      }

  return NULL;
}

static guint
selected_color_button (BatonProgramDialog *self)
{
  for (guint i = 0; i < self->color_buttons->len; i++)
    if (gtk_toggle_button_get_active (g_ptr_array_index (self->color_buttons, i)))
      return i;

  return 0;
}

/* Adds @name = @text to the properties to update, unless the program
 * already holds it (no text and no value are the same). */
static void
add_changed_string (GPtrArray  *names,
                    GArray     *values,
                    const char *name,
                    const char *old_value,
                    const char *text)
{
  GValue value = G_VALUE_INIT;

  if (g_strcmp0 (old_value != NULL ? old_value : "", text != NULL ? text : "") == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_ptr_array_add (names, (gpointer) name);
  g_array_append_val (values, value);
}

/* Writes to the program only the fields changed in the dialog, so that
 * what the dialog cannot show exactly as stored is kept, and saving an
 * unchanged dialog changes nothing (and records no undo step). */
static gboolean
update_program (BatonProgramDialog  *self,
                const char          *name,
                const char          *description,
                const char          *start,
                const char          *due,
                GError             **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);
  add_changed_string (names, values, "name", baton_program_get_name (self->program), name);
  add_changed_string (names, values, "description", baton_program_get_description (self->program), description);
  add_changed_string (names, values, "start-date", baton_program_get_start_date (self->program), start);
  add_changed_string (names, values, "due-date", baton_program_get_due_date (self->program), due);
  if (selected_color_button (self) != self->loaded_color)
    add_changed_string (names, values, "color", baton_program_get_color (self->program), selected_color (self));

  if (names->len == 0)
    return TRUE;

  return baton_store_updatev (self->store, self->program, names->len, (const char **) names->pdata,
                              (const GValue *) (gpointer) values->data, error);
}

gboolean
baton_program_dialog_save (BatonProgramDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = row_text (self->name_row);
  g_autofree char *description = description_text (self);
  g_autofree char *start = row_text (self->start_row);
  g_autofree char *due = row_text (self->due_row);
  const char *color = selected_color (self);
  GtkWidget *first_bad = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  g_return_val_if_fail (BATON_IS_PROGRAM_DIALOG (self), FALSE);

  set_field_error (GTK_WIDGET (self->name_row), FALSE);
  set_field_error (GTK_WIDGET (self->start_row), FALSE);
  set_field_error (GTK_WIDGET (self->due_row), FALSE);

  /* Check every field first, so that all errors show at once. */
  if (name[0] == '\0')
    {
      set_field_error (GTK_WIDGET (self->name_row), TRUE);
      first_bad = GTK_WIDGET (self->name_row);
      message = g_strdup (_("The program needs a name."));
    }
  if (start[0] != '\0' && !baton_date_validate (start, _("start date"), &error))
    {
      set_field_error (GTK_WIDGET (self->start_row), TRUE);
      first_bad = first_bad ? first_bad : GTK_WIDGET (self->start_row);
      if (message == NULL)
        message = g_strdup (error->message);
      g_clear_error (&error);
    }
  if (due[0] != '\0' && !baton_date_validate (due, _("due date"), &error))
    {
      set_field_error (GTK_WIDGET (self->due_row), TRUE);
      first_bad = first_bad ? first_bad : GTK_WIDGET (self->due_row);
      if (message == NULL)
        message = g_strdup (error->message);
      g_clear_error (&error);
    }
  if (first_bad == NULL && start[0] != '\0' && due[0] != '\0' &&
      !baton_date_range_validate (start, due, &error))
    {
      set_field_error (GTK_WIDGET (self->due_row), TRUE);
      first_bad = GTK_WIDGET (self->due_row);
      message = g_strdup (error->message);
      g_clear_error (&error);
    }

  if (first_bad != NULL)
    {
      show_error (self, message);
      gtk_widget_grab_focus (first_bad);
      return FALSE;
    }

  if (self->program == NULL)
    {
      self->program = baton_store_insert (self->store, BATON_TYPE_PROGRAM, &error,
                                          "client-id", (gint64) baton_record_get_id (BATON_RECORD (self->client)),
                                          "name", name,
                                          "description", description,
                                          "start-date", start,
                                          "due-date", due,
                                          "color", color,
                                          NULL);
      if (self->program != NULL)
        g_object_ref (self->program);
      ok = self->program != NULL;
    }
  else
    ok = update_program (self, name, description, start, due, &error);

  if (!ok)
    {
      show_error (self, error->message);
      return FALSE;
    }

  show_error (self, NULL);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  baton_program_dialog_save (BATON_PROGRAM_DIALOG (widget));
}

static void
toggle_archived_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  BatonProgramDialog *self = BATON_PROGRAM_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gboolean archived;
  g_autofree char *message = NULL;

  if (self->program == NULL)
    return;

  archived = !baton_program_get_archived (self->program);
  if (!baton_store_update (self->store, self->program, &error, "archived", archived, NULL))
    {
      show_error (self, error->message);
      return;
    }

  message = g_strdup_printf (archived ? _("“%s” archived") : _("“%s” restored"),
                             baton_program_get_name (self->program));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-undo-toast", "s", message);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_field_changed (GtkWidget          *row,
                  BatonProgramDialog *self)
{
  gtk_widget_remove_css_class (row, "error");
}

/* Setup ------------------------------------------------------------------------- */

static void
build_palette (BatonProgramDialog *self)
{
  GtkToggleButton *group = NULL;

  for (guint i = 0; i <= G_N_ELEMENTS (palette); i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *swatch = gtk_image_new ();
      const char *name = i == 0 ? _("No Color") : g_dgettext (GETTEXT_PACKAGE, palette[i - 1].name);
      g_autofree char *css_class = i == 0 ? g_strdup ("program-color-none")
                                          : g_strdup_printf ("program-color-%s", palette[i - 1].hex + 1);

      if (i == 0)
        gtk_image_set_from_icon_name (GTK_IMAGE (swatch), "action-unavailable-symbolic");
      gtk_widget_add_css_class (swatch, "program-swatch");
      gtk_widget_add_css_class (swatch, css_class);
      gtk_button_set_child (GTK_BUTTON (button), swatch);
      gtk_widget_add_css_class (button, "program-color-button");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_set_tooltip_text (button, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);

      gtk_flow_box_append (self->color_box, button);
      g_ptr_array_add (self->color_buttons, button);
    }
}

/* A button for a color that is not in the palette (from an import, or
 * the demo's), so that it shows and stays chosen. */
static guint
add_other_color (BatonProgramDialog *self,
                 const char         *color)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *swatch = gtk_image_new ();
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GdkRGBA rgba;

  g_free (self->other_color);
  self->other_color = g_strdup (color);

  /* Only a color that parsed goes into the CSS. */
  if (gdk_rgba_parse (&rgba, color))
    {
      g_autofree char *rgba_text = gdk_rgba_to_string (&rgba);
      g_autofree char *css = g_strdup_printf ("image.program-swatch { background-color: %s; }", rgba_text);

      gtk_css_provider_load_from_data (provider, css, -1);
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_add_provider (gtk_widget_get_style_context (swatch), GTK_STYLE_PROVIDER (provider),
                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      G_GNUC_END_IGNORE_DEPRECATIONS
    }
  gtk_widget_add_css_class (swatch, "program-swatch");
  gtk_button_set_child (GTK_BUTTON (button), swatch);
  gtk_widget_add_css_class (button, "program-color-button");
  gtk_widget_add_css_class (button, "circular");
  /* Translators: a color button's tooltip, for a program's color that
   * is none of the named ones */
  gtk_widget_set_tooltip_text (button, _("Current Color"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Current Color"), -1);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), g_ptr_array_index (self->color_buttons, 0));
  gtk_flow_box_append (self->color_box, button);
  g_ptr_array_add (self->color_buttons, button);

  return self->color_buttons->len - 1;
}

static void
load (BatonProgramDialog *self)
{
  const char *color = NULL;
  guint selected = 0;

  if (self->program == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Program"));
      gtk_widget_set_visible (GTK_WIDGET (self->archive_group), FALSE);
      /* A new program takes the next color of the palette. */
      selected = 1 + g_list_model_get_n_items (baton_store_get_programs (self->store)) % G_N_ELEMENTS (palette);
    }
  else
    {
      gboolean archived = baton_program_get_archived (self->program);

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Program"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), baton_program_get_name (self->program));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                                baton_program_get_description (self->program) ? baton_program_get_description (self->program) : "",
                                -1);
      gtk_editable_set_text (GTK_EDITABLE (self->start_row),
                             baton_program_get_start_date (self->program) ? baton_program_get_start_date (self->program) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->due_row),
                             baton_program_get_due_date (self->program) ? baton_program_get_due_date (self->program) : "");
      color = baton_program_get_color (self->program);
      for (guint i = 0; color != NULL && i < G_N_ELEMENTS (palette); i++)
        if (g_ascii_strcasecmp (color, palette[i].hex) == 0)
          selected = i + 1;
      if (color != NULL && color[0] != '\0' && selected == 0)
        selected = add_other_color (self, color);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->archive_row),
                                     archived ? _("This program is archived") : _("Archive this program"));
      adw_action_row_set_subtitle (self->archive_row,
                                   archived ? _("It is hidden from the client’s page and the board’s filters.")
                                            : _("It is hidden but kept, with its tasks and notes."));
      gtk_button_set_label (self->archive_button, archived ? _("_Restore") : _("_Archive"));
      gtk_button_set_use_underline (self->archive_button, TRUE);
    }

  gtk_toggle_button_set_active (g_ptr_array_index (self->color_buttons, selected), TRUE);
  self->loaded_color = selected;

  /* In a workspace that cannot be written the program can be looked at. */
  if (baton_store_get_read_only (self->store))
    {
      GtkWidget *fields[] = { GTK_WIDGET (self->name_row), GTK_WIDGET (self->start_row), GTK_WIDGET (self->due_row) };

      gtk_widget_action_set_enabled (GTK_WIDGET (self), "program.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "program.toggle-archived", FALSE);
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          gtk_editable_set_editable (GTK_EDITABLE (fields[i]), FALSE);
          gtk_widget_set_tooltip_text (fields[i], _("This workspace is read-only"));
        }
      gtk_text_view_set_editable (self->description_view, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->color_box), FALSE);
      show_error (self, _("This workspace is read-only"));
    }

  baton_accessible_fix_mnemonics (GTK_WIDGET (self));
}

static void
baton_program_dialog_dispose (GObject *object)
{
  BatonProgramDialog *self = BATON_PROGRAM_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BATON_TYPE_PROGRAM_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->client);
  g_clear_object (&self->program);
  g_clear_pointer (&self->color_buttons, g_ptr_array_unref);

  G_OBJECT_CLASS (baton_program_dialog_parent_class)->dispose (object);
}

static void
baton_program_dialog_finalize (GObject *object)
{
  BatonProgramDialog *self = BATON_PROGRAM_DIALOG (object);

  g_free (self->error);
  g_free (self->other_color);

  G_OBJECT_CLASS (baton_program_dialog_parent_class)->finalize (object);
}

static void
baton_program_dialog_class_init (BatonProgramDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_program_dialog_dispose;
  object_class->finalize = baton_program_dialog_finalize;

  g_type_ensure (BATON_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/clients/baton-program-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BatonProgramDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, BatonProgramDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BatonProgramDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, BatonProgramDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, BatonProgramDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, BatonProgramDialog, color_box);
  gtk_widget_class_bind_template_child (widget_class, BatonProgramDialog, archive_group);
  gtk_widget_class_bind_template_child (widget_class, BatonProgramDialog, archive_row);
  gtk_widget_class_bind_template_child (widget_class, BatonProgramDialog, archive_button);

  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "program.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "program.toggle-archived", NULL, toggle_archived_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
baton_program_dialog_init (BatonProgramDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  baton_announcer_attach (GTK_WIDGET (self));

  self->color_buttons = g_ptr_array_new ();
  build_palette (self);
}

GtkWidget *
baton_program_dialog_new (GtkWindow    *parent,
                          BatonStore   *store,
                          BatonClient  *client,
                          BatonProgram *program)
{
  BatonProgramDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (BATON_IS_CLIENT (client), NULL);
  g_return_val_if_fail (program == NULL || BATON_IS_PROGRAM (program), NULL);

  self = g_object_new (BATON_TYPE_PROGRAM_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->client = g_object_ref (client);
  self->program = program ? g_object_ref (program) : NULL;
  load (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return GTK_WIDGET (self);
}

GtkWidget *
baton_program_dialog_get_field (BatonProgramDialog *self,
                                const char         *field)
{
  g_return_val_if_fail (BATON_IS_PROGRAM_DIALOG (self), NULL);

  if (g_strcmp0 (field, "name") == 0)
    return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (field, "description") == 0)
    return GTK_WIDGET (self->description_view);
  if (g_strcmp0 (field, "start-date") == 0)
    return GTK_WIDGET (self->start_row);
  if (g_strcmp0 (field, "due-date") == 0)
    return GTK_WIDGET (self->due_row);

  return NULL;
}

const char *
baton_program_dialog_get_error (BatonProgramDialog *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM_DIALOG (self), NULL);

  return self->error;
}

BatonProgram *
baton_program_dialog_get_program (BatonProgramDialog *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM_DIALOG (self), NULL);

  return self->program;
}
