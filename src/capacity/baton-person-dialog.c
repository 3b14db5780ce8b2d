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
 */

#define G_LOG_DOMAIN "baton-person-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-date-row.h"
#include "baton-dates.h"
#include "baton-duration.h"
#include "baton-accessible.h"
#include "baton-person-dialog-private.h"
#include "baton-person-role-row.h"
#include "baton-time-off-row.h"
#include "baton-roles-dialog.h"

struct _BatonPersonDialog
{
  AdwWindow            parent_instance;

  /* Template children */
  AdwWindowTitle      *window_title;
  GtkButton           *save_button;
  AdwPreferencesGroup *general_group;
  AdwPreferencesGroup *roles_group;
  AdwPreferencesGroup *time_off_group;
  AdwPreferencesGroup *archive_group;
  GtkWidget           *no_time_off_row;
  GtkLabel            *general_error;
  GtkLabel            *person_error;
  GtkLabel            *roles_error;
  GtkLabel            *time_off_error;
  AdwEntryRow         *name_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *capacity_row;
  AdwEntryRow         *off_start_row;
  AdwEntryRow         *off_end_row;
  AdwEntryRow         *off_note_row;
  GtkColorButton      *color_button;
  GtkWidget           *edit_roles_button;

  /* Children made in code */
  GtkWidget           *no_roles_row;   /* when there is no role yet */
  GtkWidget           *no_roles_button;

  /* Owned references */
  BatonStore          *store;
  BatonPerson         *person;
  GPtrArray           *role_rows;   /* BatonPersonRoleRow, unowned, in order */
  GPtrArray           *off;         /* BatonTimeOffRow */
  GHashTable          *errors;      /* field → message */

  /* Weak references */
  GtkWidget           *roles_dialog;

  /* State */
  gboolean             updating_roles;
};

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

static void
set_error (BatonPersonDialog *self,
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

static void
clear_error (BatonPersonDialog *self,
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
    clear_error (self, fields[f]);
}

static void
on_entry_changed (GtkEditable       *editable,
                  BatonPersonDialog *self)
{
  /* Typing again clears the field's error. */
  if (editable == GTK_EDITABLE (self->name_row))
    clear_error (self, "name");
  else if (editable == GTK_EDITABLE (self->email_row))
    clear_error (self, "email");
  else if (editable == GTK_EDITABLE (self->capacity_row))
    clear_error (self, "capacity");
  else
    clear_error (self, "time-off");
}

/* Roles ----------------------------------------------------------------------- */

static BatonPersonRoleRow *
find_role_row (BatonPersonDialog *self,
               gint64             role_id)
{
  for (guint i = 0; i < self->role_rows->len; i++)
    {
      BatonPersonRoleRow *role_row = g_ptr_array_index (self->role_rows, i);

      if (baton_person_role_row_get_role_id (role_row) == role_id)
        return role_row;
    }

  return NULL;
}

/* One primary among the held roles, whatever was clicked. */
static void
normalize_roles (BatonPersonDialog  *self,
                 BatonPersonRoleRow *changed)
{
  BatonPersonRoleRow *primary = NULL;
  BatonPersonRoleRow *first_held = NULL;

  if (self->updating_roles)
    return;
  self->updating_roles = TRUE;

  for (guint i = 0; i < self->role_rows->len; i++)
    {
      BatonPersonRoleRow *role_row = g_ptr_array_index (self->role_rows, i);
      gboolean holds = baton_person_role_row_get_holds (role_row);

      if (holds && first_held == NULL)
        first_held = role_row;
      if (holds && baton_person_role_row_get_primary (role_row))
        primary = role_row;
    }

  if (primary == NULL)
    primary = first_held;

  for (guint i = 0; i < self->role_rows->len; i++)
    {
      BatonPersonRoleRow *role_row = g_ptr_array_index (self->role_rows, i);
      gboolean holds = baton_person_role_row_get_holds (role_row);

      gtk_widget_set_sensitive (GTK_WIDGET (baton_person_role_row_get_primary_button (role_row)), holds);
      baton_person_role_row_set_primary (role_row, role_row == primary);
    }

  self->updating_roles = FALSE;
  clear_error (self, "roles");
}

static void
on_holds_toggled (BatonPersonRoleRow *role_row,
                  BatonPersonDialog  *self)
{
  normalize_roles (self, role_row);
}

static void
on_primary_toggled (BatonPersonRoleRow *role_row,
                    BatonPersonDialog  *self)
{
  if (self->updating_roles || !baton_person_role_row_get_primary (role_row))
    return;

  /* Making a role primary means holding it. */
  self->updating_roles = TRUE;
  baton_person_role_row_set_holds (role_row, TRUE);
  self->updating_roles = FALSE;
  normalize_roles (self, role_row);
}

/* What is checked now, by role id, to keep it when the roles change. */
typedef struct
{
  gboolean holds;
  gboolean primary;
} RoleChecks;

static void
clear_role_rows (BatonPersonDialog *self,
                 GHashTable        *keep)
{
  for (guint i = 0; i < self->role_rows->len; i++)
    {
      BatonPersonRoleRow *role_row = g_ptr_array_index (self->role_rows, i);
      gint64 role_id = baton_person_role_row_get_role_id (role_row);

      if (keep != NULL)
        {
          RoleChecks *checks = g_new0 (RoleChecks, 1);

          checks->holds = baton_person_role_row_get_holds (role_row);
          checks->primary = baton_person_role_row_get_primary (role_row);
          g_hash_table_insert (keep, g_memdup2 (&role_id, sizeof role_id), checks);
        }
      adw_preferences_group_remove (self->roles_group, GTK_WIDGET (role_row));
    }
  g_ptr_array_set_size (self->role_rows, 0);

  if (self->no_roles_row != NULL)
    {
      adw_preferences_group_remove (self->roles_group, self->no_roles_row);
      self->no_roles_row = NULL;
      self->no_roles_button = NULL;
    }
}

/* One row per role: "holds" check, "primary" radio. Checked as @keep says
 * (the roles changed while the dialog is open), else as the store says. */
static void
build_role_rows (BatonPersonDialog *self,
                 GHashTable        *keep)
{
  GListModel *roles = baton_store_get_roles (self->store);
  guint n = g_list_model_get_n_items (roles);
  g_autoptr(GArray) held = NULL;
  GtkCheckButton *group = NULL;
  gint64 primary_id = 0;

  if (self->person != NULL && keep == NULL)
    {
      held = baton_store_get_person_role_ids (self->store, self->person);
      primary_id = baton_store_get_primary_role_id (self->store, self->person);
    }

  gtk_widget_set_visible (self->edit_roles_button, n > 0);

  if (n == 0)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Add _Roles…"));

      self->no_roles_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->no_roles_row), _("No roles yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->no_roles_row),
                                   _("Add the roles your team holds, then check the ones this person holds."));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "person.manage-roles");
      baton_accessible_fix_mnemonics (button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self->no_roles_row), button);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->no_roles_row), button);
      adw_preferences_group_add (self->roles_group, self->no_roles_row);
      self->no_roles_button = button;
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonRole) role = g_list_model_get_item (roles, i);
      gint64 role_id = baton_record_get_id (BATON_RECORD (role));
      BatonPersonRoleRow *role_row;
      RoleChecks *checks = keep != NULL ? g_hash_table_lookup (keep, &role_id) : NULL;
      gboolean holds = FALSE, primary = FALSE;

      if (checks != NULL)
        {
          holds = checks->holds;
          primary = checks->primary;
        }
      else if (held != NULL)
        {
          for (guint k = 0; k < held->len; k++)
            holds |= g_array_index (held, gint64, k) == role_id;
          primary = holds && role_id == primary_id;
        }

      role_row = BATON_PERSON_ROLE_ROW (baton_person_role_row_new (role, group, holds, primary));
      if (group == NULL)
        group = baton_person_role_row_get_primary_button (role_row);
      g_signal_connect (role_row, "holds-toggled", G_CALLBACK (on_holds_toggled), self);
      g_signal_connect (role_row, "primary-toggled", G_CALLBACK (on_primary_toggled), self);

      adw_preferences_group_add (self->roles_group, GTK_WIDGET (role_row));
      g_ptr_array_add (self->role_rows, role_row);
    }
}

/* Roles added, renamed or deleted in the roles dialog show here at once. */
static void
on_roles_changed (BatonPersonDialog *self)
{
  g_autoptr(GHashTable) keep = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  clear_role_rows (self, keep);
  build_role_rows (self, keep);
  normalize_roles (self, NULL);
}

static void
manage_roles_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonPersonDialog *self = BATON_PERSON_DIALOG (widget);
  GtkWidget *dialog;

  if (self->roles_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->roles_dialog));
      return;
    }

  dialog = baton_roles_dialog_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_set_weak_pointer (&self->roles_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Time off --------------------------------------------------------------------- */

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

static void
build_time_off_rows (BatonPersonDialog *self)
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

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Checks the typed range; on success adds it to the list and clears the
 * fields. Returns FALSE (and shows why) when it is not valid. Nothing typed
 * is fine when @allow_empty. */
static gboolean
take_typed_time_off (BatonPersonDialog *self,
                     gboolean           allow_empty)
{
  BatonDateRow *start_row = BATON_DATE_ROW (self->off_start_row);
  BatonDateRow *end_row = BATON_DATE_ROW (self->off_end_row);
  g_autofree char *note = entry_text (self->off_note_row);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GError) error = NULL;

  /* Each date row parses its own text and says what is wrong with it. */
  if (baton_date_row_get_error (start_row) != NULL || baton_date_row_get_error (end_row) != NULL)
    {
      set_error (self, "time-off", baton_date_row_get_error (start_row) != NULL
                                     ? baton_date_row_get_error (start_row)
                                     : baton_date_row_get_error (end_row));
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
      set_error (self, "time-off", _("Enter the first day off, like 2024-03-18."));
      return FALSE;
    }

  if (start[0] == '\0')
    {
      set_error (self, "time-off", _("Enter the first day off, like 2024-03-18."));
      return FALSE;
    }

  if (end[0] == '\0')
    {
      g_free (end);
      end = g_strdup (start);
    }

  if (!baton_date_range_validate (start, end, &error))
    {
      set_error (self, "time-off", error->message);
      return FALSE;
    }

  add_off_entry (self, NULL, start, end, note[0] != '\0' ? note : NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->off_start_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->off_end_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->off_note_row), "");
  clear_error (self, "time-off");

  return TRUE;
}

/* Saving -------------------------------------------------------------------- */

typedef struct
{
  BatonPersonDialog *self;
  const char        *name;
  const char        *email;
  gint64             minutes;
  const char        *color;
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
    }
  else if (!baton_store_update (store, person, error,
                                "name", ctx->name,
                                "email", ctx->email,
                                "weekly-capacity-minutes", (gint64) ctx->minutes,
                                "color", ctx->color,
                                NULL))
    return FALSE;

  ctx->person = person;

  if (!baton_store_set_person_roles (store, person, (const gint64 *) ctx->role_ids->data,
                                     ctx->role_ids->len, ctx->primary_id, error))
    return FALSE;

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
  gint64 primary_id = 0, role_id;

  g_return_val_if_fail (BATON_IS_PERSON_DIALOG (self), FALSE);

  clear_all_errors (self);

  name = entry_text (self->name_row);
  if (name[0] == '\0')
    {
      set_error (self, "name", _("Enter a name."));
      first_bad = GTK_WIDGET (self->name_row);
    }
  else if (g_utf8_strlen (name, -1) > BATON_MAX_NAME_LENGTH)
    {
      g_autofree char *text = g_strdup_printf (_("A name has at most %d characters."), BATON_MAX_NAME_LENGTH);

      set_error (self, "name", text);
      first_bad = GTK_WIDGET (self->name_row);
    }

  email = entry_text (self->email_row);
  if (email[0] != '\0' && (strchr (email, '@') == NULL || strchr (email, ' ') != NULL))
    {
      set_error (self, "email", _("Enter an email address like name@example.org, or leave it empty."));
      if (first_bad == NULL)
        first_bad = GTK_WIDGET (self->email_row);
    }

  capacity = entry_text (self->capacity_row);
  if (!baton_duration_parse (capacity, FALSE, BATON_MAX_WEEKLY_CAPACITY_MINUTES, &minutes, &error))
    {
      /* Translators: %s says what is wrong with the typed hours */
      g_autofree char *text = g_strdup_printf (_("Weekly capacity: %s"), error->message);

      set_error (self, "capacity", text);
      g_clear_error (&error);
      if (first_bad == NULL)
        first_bad = GTK_WIDGET (self->capacity_row);
    }

  role_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->role_rows->len; i++)
    {
      BatonPersonRoleRow *role_row = g_ptr_array_index (self->role_rows, i);

      if (!baton_person_role_row_get_holds (role_row))
        continue;
      role_id = baton_person_role_row_get_role_id (role_row);
      g_array_append_val (role_ids, role_id);
      if (baton_person_role_row_get_primary (role_row))
        primary_id = role_id;
    }
  if (role_ids->len > 0 && primary_id == 0)
    primary_id = g_array_index (role_ids, gint64, 0);

  /* Dates typed but not added yet are part of the edit. */
  if (!take_typed_time_off (self, TRUE) && first_bad == NULL)
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
      set_error (self, "general", error->message);
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
  take_typed_time_off (self, FALSE);
}

static void
add_time_off_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  take_typed_time_off (BATON_PERSON_DIALOG (widget), FALSE);
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
      set_error (self, "general", error->message);
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

void
baton_person_dialog_set_role (BatonPersonDialog *self,
                              gint64             role_id,
                              gboolean           holds,
                              gboolean           primary)
{
  BatonPersonRoleRow *role_row;

  g_return_if_fail (BATON_IS_PERSON_DIALOG (self));

  role_row = find_role_row (self, role_id);
  g_return_if_fail (role_row != NULL);

  baton_person_role_row_set_holds (role_row, holds);
  if (primary)
    baton_person_role_row_set_primary (role_row, TRUE);
}

GtkWidget *
baton_person_dialog_get_roles_button (BatonPersonDialog *self)
{
  g_return_val_if_fail (BATON_IS_PERSON_DIALOG (self), NULL);

  if (self->no_roles_row == NULL)
    return self->edit_roles_button;

  return self->no_roles_button;
}

GtkWidget *
baton_person_dialog_get_roles_dialog (BatonPersonDialog *self)
{
  g_return_val_if_fail (BATON_IS_PERSON_DIALOG (self), NULL);

  return self->roles_dialog;
}

const char *
baton_person_dialog_get_role_title (BatonPersonDialog *self,
                                    gint64             role_id)
{
  BatonPersonRoleRow *role_row;

  g_return_val_if_fail (BATON_IS_PERSON_DIALOG (self), NULL);

  role_row = find_role_row (self, role_id);
  return role_row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (role_row)) : NULL;
}

guint
baton_person_dialog_get_n_role_rows (BatonPersonDialog *self)
{
  g_return_val_if_fail (BATON_IS_PERSON_DIALOG (self), 0);

  return self->role_rows->len;
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
  gtk_widget_class_bind_template_child (widget_class, BatonPersonDialog, edit_roles_button);
  /* Enter in a field saves, as the suggested button would; typing clears
   * the field's error. */
  gtk_widget_class_bind_template_callback (widget_class, save_on_enter);
  gtk_widget_class_bind_template_callback (widget_class, take_typed_time_off_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);

  gtk_widget_class_install_action (widget_class, "person.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "person.add-time-off", NULL, add_time_off_activated);
  gtk_widget_class_install_action (widget_class, "person.archive", NULL, archive_activated);
  gtk_widget_class_install_action (widget_class, "person.manage-roles", NULL, manage_roles_activated);

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

  build_role_rows (self, NULL);
  g_signal_connect_object (baton_store_get_roles (store), "items-changed",
                           G_CALLBACK (on_roles_changed), self, G_CONNECT_SWAPPED);
  build_time_off_rows (self);
  normalize_roles (self, NULL);
  clear_all_errors (self);

  return GTK_WIDGET (self);
}
