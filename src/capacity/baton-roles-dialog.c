/* baton-roles-dialog.c — add, rename, color, reorder and delete roles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each control is one store call, so each change is one undo step; a
 * toast in the dialog offers Undo, one toast at a time, and its button
 * undoes the change it names or nothing (BatonUndoToaster, as in the main
 * window). Escape closes the dialog at the first press, wherever the
 * focus is. A role is deleted only once nobody
 * holds it and no task needs it: each row says how many people and tasks
 * still use it, and a refused delete shows the store's reason.
 */

#define G_LOG_DOMAIN "baton-roles-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-roles-dialog-private.h"
#include "baton-accessible.h"
#include "baton-announcer.h"
#include "baton-role-row.h"
#include "baton-undo-toaster.h"

struct _BatonRolesDialog
{
  AdwPreferencesWindow  parent_instance;

  /* Children */
  AdwPreferencesGroup  *roles_group;
  GtkLabel             *error_label;       /* under the roles */
  GtkLabel             *new_error_label;   /* under the new role */
  AdwEntryRow          *new_row;
  GtkColorButton       *new_color;

  /* Owned references */
  BatonStore           *store;
  GPtrArray            *rows;      /* BatonRoleRow per role, in order */
  BatonUndoToaster     *toaster;

  /* State */
  char                 *error;
};

G_DEFINE_FINAL_TYPE (BatonRolesDialog, baton_roles_dialog, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const role_colors[] = {
  "#1c71d8", "#26a269", "#e5a50a", "#c64600", "#a51d2d", "#613583", "#63452c", "#2190a4",
};

static void rebuild (BatonRolesDialog *self);

static void
show_error (BatonRolesDialog *self,
            GtkWidget        *row,
            const char       *message)
{
  GtkLabel *label = row == GTK_WIDGET (self->new_row) ? self->new_error_label : self->error_label;

  g_free (self->error);
  self->error = g_strdup (message);
  if (message == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->new_error_label), FALSE);
      return;
    }

  gtk_label_set_text (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  baton_announce (GTK_WIDGET (self), message);

  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
}

static void
toast (BatonRolesDialog *self,
       const char       *message)
{
  baton_undo_toaster_show_change (self->toaster, message, FALSE);
}

/* The toast's Undo (@redo FALSE) or Redo button, with the toast's serial:
 * it acts on the change the toast names, or on nothing. */
static void
undo_or_redo (BatonRolesDialog *self,
              GVariant         *parameter,
              gboolean          redo)
{
  BatonHistory *history = baton_store_get_history (self->store);
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (!baton_undo_toaster_claim (self->toaster, g_variant_get_uint64 (parameter), redo))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  label = g_strdup (redo ? baton_history_get_redo_label (history) : baton_history_get_undo_label (history));
  baton_undo_toaster_set_busy (self->toaster, TRUE);
  done = redo ? baton_store_redo (self->store, &error) : baton_store_undo (self->store, &error);
  baton_undo_toaster_set_busy (self->toaster, FALSE);
  if (!done)
    {
      show_error (self, NULL, error->message);
      return;
    }

  if (redo)
    /* Translators: %s names the change that was redone, e.g. “Move task” */
    message = label ? g_strdup_printf (_("Redone: %s"), label) : g_strdup (_("Redone"));
  else
    /* Translators: %s names the change that was undone, e.g. “Move task” */
    message = label ? g_strdup_printf (_("Undone: %s"), label) : g_strdup (_("Undone"));
  baton_undo_toaster_show_change (self->toaster, message, !redo);
}

static void
undo_toast_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  undo_or_redo (BATON_ROLES_DIALOG (widget), parameter, FALSE);
}

static void
redo_toast_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  undo_or_redo (BATON_ROLES_DIALOG (widget), parameter, TRUE);
}

static BatonRole *
role_of (BatonRolesDialog *self,
         BatonRoleRow     *row)
{
  return baton_store_lookup_role (self->store, baton_role_row_get_role_id (row));
}

static void
on_rename (BatonRoleRow     *row,
           BatonRolesDialog *self)
{
  BatonRole *role = role_of (self, row);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (role == NULL)
    return;

  if (!baton_store_update (self->store, role, &error, "name", name, NULL))
    {
      show_error (self, GTK_WIDGET (row), error->message);
      return;
    }

  /* Translators: a toast; %s is the role's new name */
  message = g_strdup_printf (_("Role renamed to %s"), baton_role_get_name (role));
  toast (self, message);
}

static void
on_color_set (BatonRoleRow     *row,
              BatonRolesDialog *self)
{
  BatonRole *role = role_of (self, row);
  g_autofree char *color = baton_role_row_dup_color (row);
  g_autoptr(GError) error = NULL;

  if (role != NULL && !baton_store_update (self->store, role, &error, "color", color, NULL))
    show_error (self, NULL, error->message);
}

static void
on_move (BatonRoleRow     *row,
         gint              delta,
         BatonRolesDialog *self)
{
  BatonRole *role = role_of (self, row);
  GListModel *roles = baton_store_get_roles (self->store);
  guint n = g_list_model_get_n_items (roles);
  g_autoptr(GError) error = NULL;
  gint index = -1;

  if (role == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonRole) item = g_list_model_get_item (roles, i);

      if (item == role)
        index = (gint) i;
    }

  if (index < 0 || index + delta < 0 || index + delta >= (gint) n)
    return;

  if (!baton_store_move_role (self->store, role, (guint) (index + delta), &error))
    show_error (self, NULL, error->message);
}

static void
on_delete (BatonRoleRow     *row,
           BatonRolesDialog *self)
{
  BatonRole *role = role_of (self, row);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (role == NULL)
    return;

  name = g_strdup (baton_role_get_name (role));
  if (!baton_store_delete (self->store, role, &error))
    {
      show_error (self, GTK_WIDGET (row), error->message);
      return;
    }

  /* Translators: a toast; %s is a role's name */
  message = g_strdup_printf (_("Role %s deleted"), name);
  toast (self, message);
}

static void
add_role (BatonRolesDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_row))));
  g_autofree char *color = baton_color_button_dup_color (self->new_color);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  BatonRole *role;

  role = baton_store_create_role (self->store, name, color, &error);
  if (role == NULL)
    {
      show_error (self, GTK_WIDGET (self->new_row), error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_row), "");
  /* Translators: a toast; %s is a role's name */
  message = g_strdup_printf (_("Role %s added"), baton_role_get_name (role));
  toast (self, message);
}

static void
on_add_clicked (GtkButton        *button,
                BatonRolesDialog *self)
{
  add_role (self);
}

static void
on_new_row_changed (BatonRolesDialog *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->new_row), "error");
  show_error (self, NULL, NULL);
}

static void
rebuild (BatonRolesDialog *self)
{
  GListModel *roles = baton_store_get_roles (self->store);
  GListModel *links = baton_store_get_person_roles (self->store);
  GListModel *tasks = baton_store_get_tasks (self->store);
  g_autoptr(GHashTable) people_count = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) task_count = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (roles);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->roles_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0, m = g_list_model_get_n_items (links); i < m; i++)
    {
      g_autoptr(BatonPersonRole) link = g_list_model_get_item (links, i);
      gint64 id = baton_person_role_get_role_id (link);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (people_count, &id));

      g_hash_table_replace (people_count, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (count + 1));
    }

  for (guint i = 0, m = g_list_model_get_n_items (tasks); i < m; i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);
      gint64 id = baton_task_get_role_id (task);
      guint count;

      if (id == 0)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (task_count, &id));
      g_hash_table_replace (task_count, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (count + 1));
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonRole) role = g_list_model_get_item (roles, i);
      gint64 id = baton_record_get_id (BATON_RECORD (role));
      guint n_people = GPOINTER_TO_UINT (g_hash_table_lookup (people_count, &id));
      guint n_tasks = GPOINTER_TO_UINT (g_hash_table_lookup (task_count, &id));
      GtkWidget *row;

      row = baton_role_row_new (role, i, n, n_people, n_tasks, role_colors[i % G_N_ELEMENTS (role_colors)]);
      g_signal_connect (row, "apply", G_CALLBACK (on_rename), self);
      g_signal_connect (row, "color-set", G_CALLBACK (on_color_set), self);
      g_signal_connect (row, "move", G_CALLBACK (on_move), self);
      g_signal_connect (row, "delete", G_CALLBACK (on_delete), self);

      adw_preferences_group_add (self->roles_group, row);
      g_ptr_array_add (self->rows, row);
    }

  {
    GdkRGBA rgba;

    gdk_rgba_parse (&rgba, role_colors[n % G_N_ELEMENTS (role_colors)]);
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->new_color), &rgba);
  }
}

static void
on_store_changed (BatonRolesDialog *self)
{
  show_error (self, NULL, NULL);
  rebuild (self);
}

/* Public --------------------------------------------------------------------- */

AdwEntryRow *
baton_roles_dialog_get_new_row (BatonRolesDialog *self)
{
  g_return_val_if_fail (BATON_IS_ROLES_DIALOG (self), NULL);

  return self->new_row;
}

AdwEntryRow *
baton_roles_dialog_get_role_row (BatonRolesDialog *self,
                                 gint64            role_id)
{
  g_return_val_if_fail (BATON_IS_ROLES_DIALOG (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      BatonRoleRow *row = g_ptr_array_index (self->rows, i);

      if (baton_role_row_get_role_id (row) == role_id)
        return ADW_ENTRY_ROW (row);
    }

  return NULL;
}

GtkButton *
baton_roles_dialog_get_delete_button (BatonRolesDialog *self,
                                      gint64            role_id)
{
  AdwEntryRow *row = baton_roles_dialog_get_role_row (self, role_id);

  return row != NULL ? baton_role_row_get_delete_button (BATON_ROLE_ROW (row)) : NULL;
}

/* For tests: the toasts of the dialog. */
BatonUndoToaster *
baton_roles_dialog_get_toaster (BatonRolesDialog *self)
{
  g_return_val_if_fail (BATON_IS_ROLES_DIALOG (self), NULL);

  return self->toaster;
}

const char *
baton_roles_dialog_get_error (BatonRolesDialog *self)
{
  g_return_val_if_fail (BATON_IS_ROLES_DIALOG (self), NULL);

  return self->error;
}

/* GObject ------------------------------------------------------------------- */

static void
baton_roles_dialog_dispose (GObject *object)
{
  BatonRolesDialog *self = BATON_ROLES_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->toaster);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_roles_dialog_parent_class)->dispose (object);
}

static void
baton_roles_dialog_finalize (GObject *object)
{
  BatonRolesDialog *self = BATON_ROLES_DIALOG (object);

  g_free (self->error);

  G_OBJECT_CLASS (baton_roles_dialog_parent_class)->finalize (object);
}

static void
baton_roles_dialog_class_init (BatonRolesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_roles_dialog_dispose;
  object_class->finalize = baton_roles_dialog_finalize;

  /* The buttons of the toasts: the parameter is the toast's serial. */
  gtk_widget_class_install_action (widget_class, "roles.undo-toast", "t", undo_toast_activated);
  gtk_widget_class_install_action (widget_class, "roles.redo-toast", "t", redo_toast_activated);
}

static void
baton_roles_dialog_init (BatonRolesDialog *self)
{
  GtkWidget *page, *group, *button;

  self->rows = g_ptr_array_new ();

  /* Escape closes the dialog at the first press: caught before the
   * focused widget (an entry row, a popover of it) takes it for itself. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }

  gtk_window_set_title (GTK_WINDOW (self), _("Roles"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);

  page = adw_preferences_page_new ();
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), _("Roles"));
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), "system-users-symbolic");
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Roles"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The grid groups people by their primary role, in this order. "
                                           "Rename a role and press Enter or the check mark to apply."));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));
  self->roles_group = ADW_PREFERENCES_GROUP (group);

  for (guint i = 0; i < 2; i++)
    {
      GtkLabel *label = GTK_LABEL (gtk_label_new (NULL));

      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_xalign (label, 0);
      gtk_widget_set_margin_top (GTK_WIDGET (label), 6);
      gtk_widget_add_css_class (GTK_WIDGET (label), "error");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      if (i == 0)
        self->error_label = label;
      else
        self->new_error_label = label;
    }
  adw_preferences_group_add (self->roles_group, GTK_WIDGET (self->error_label));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Add a Role"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  self->new_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->new_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_row), _("Name of the New Role"));
  g_signal_connect_swapped (self->new_row, "entry-activated", G_CALLBACK (add_role), self);
  g_signal_connect_swapped (self->new_row, "changed", G_CALLBACK (on_new_row_changed), self);

  self->new_color = GTK_COLOR_BUTTON (gtk_color_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->new_color), GTK_ALIGN_CENTER);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (self->new_color), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_color),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Color of the new role"), -1);
  adw_entry_row_add_prefix (self->new_row, GTK_WIDGET (self->new_color));

  button = gtk_button_new_with_mnemonic (_("_Add"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect (button, "clicked", G_CALLBACK (on_add_clicked), self);
  adw_entry_row_add_suffix (self->new_row, button);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->new_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->new_error_label));
  /* GTK 4.8 reads mnemonics out in accessible names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (GTK_WIDGET (self));
}

GtkWidget *
baton_roles_dialog_new (BatonStore *store)
{
  BatonRolesDialog *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  self = g_object_new (BATON_TYPE_ROLES_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->toaster = baton_undo_toaster_new (store, GTK_WIDGET (self), "roles.undo-toast", "roles.redo-toast");
  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);

  /* Opened to add roles (the first run leads here): type the first name. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->new_row));

  return GTK_WIDGET (self);
}
