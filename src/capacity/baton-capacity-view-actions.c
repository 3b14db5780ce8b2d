/* baton-capacity-view-actions.c — the capacity view's actions: tasks, people, roles, weeks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-capacity-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-capacity-view.h"
#include "baton-capacity-view-private.h"
#include "baton-rebalance-panel.h"
#include "baton-report-dialog.h"
#include "baton-person-dialog.h"
#include "baton-archived-dialog.h"
#include "baton-roles-dialog.h"
#include "baton-room-dialog.h"
#include "baton-task-editor.h"
#include "baton-task-menu.h"
#include "baton-task-moves.h"

/* Moving tasks ------------------------------------------------------------------ */

/* One store call: reassign, reschedule, or both as one undo step, and its
 * toast (baton_task_move ()). FALSE when nothing moved. */
gboolean
_baton_capacity_view_move_task (BatonCapacityView *self,
                                BatonTask         *task,
                                gboolean           change_person,
                                BatonPerson       *person,
                                gint               weeks)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!baton_task_move (self->store, task, change_person, person, weeks, &message, &error))
    {
      _baton_capacity_view_show_error (self, _("Could Not Move the Task"), error->message);
      return FALSE;
    }
  if (message == NULL)
    return FALSE;

  _baton_capacity_view_show_undo_toast (self, message);
  return TRUE;
}

/* The task actions (baton-task-menu.h) ------------------------------------------- */

/* The task a task action names: the first member of its parameter. */
static BatonTask *
task_from_parameter (BatonCapacityView *self,
                     GVariant          *parameter)
{
  g_autoptr(GVariant) first = NULL;
  gint64 task_id;

  if (g_variant_is_of_type (parameter, G_VARIANT_TYPE_INT64))
    task_id = g_variant_get_int64 (parameter);
  else
    {
      first = g_variant_get_child_value (parameter, 0);
      task_id = g_variant_get_int64 (first);
    }

  return baton_store_lookup_task (self->store, task_id);
}

/* The popover's task menu acted: out of the way. */
static void
close_popover (BatonCapacityView *self)
{
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

/* task.open (task id): the card editor. */
static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);
  BatonTask *task = task_from_parameter (self, parameter);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (task == NULL)
    return;

  close_popover (self);
  gtk_window_present (GTK_WINDOW (baton_task_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                         self->store, task)));
}

/* The error's heading, chosen before the action runs. */
static const char *
task_error_heading (BatonCapacityView *self,
                    const char        *action_name,
                    GVariant          *parameter)
{
  BatonTask *task;

  if (g_str_equal (action_name, BATON_TASK_ACTION_DELETE))
    return _("Could Not Delete the Task");
  if (g_str_equal (action_name, BATON_TASK_ACTION_ARCHIVE))
    return (task = task_from_parameter (self, parameter)) != NULL && baton_task_get_archived (task)
      ? _("Could Not Restore") : _("Could Not Archive");

  return _("Could Not Move the Task");
}

/* The shared task actions (baton-task-menu.h): task.move-to-stage,
 * task.reassign, task.move-to-week, task.archive and task.delete,
 * carried out and worded by baton_task_apply_action (), as on the
 * board. */
static void
task_action_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);
  const char *heading = task_error_heading (self, action_name, parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  close_popover (self);
  if (!baton_task_apply_action (self->store, action_name, parameter, &message, &error))
    {
      _baton_capacity_view_show_error (self, heading, error->message);
      return;
    }
  if (message != NULL)
    _baton_capacity_view_show_undo_toast (self, message);
}

/* Who has room ------------------------------------------------------------------ */

static void
on_room_person_chosen (BatonRoomDialog   *dialog,
                       BatonPerson       *person,
                       BatonCapacityView *self)
{
  BatonTask *task = baton_room_dialog_get_task (dialog);

  if (_baton_capacity_view_move_task (self, task, TRUE, person, 0) ||
      baton_task_get_assignee_id (task) == baton_record_get_id (BATON_RECORD (person)))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
present_dialog (BatonCapacityView  *self,
                GtkWidget         **slot,
                GtkWidget          *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (*slot != NULL)
    gtk_window_destroy (GTK_WINDOW (*slot));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_set_weak_pointer (slot, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
who_has_room_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);
  BatonTask *task = task_from_parameter (self, parameter);
  GtkWidget *dialog;

  if (task == NULL)
    return;

  close_popover (self);

  dialog = baton_room_dialog_new (self->workload, task, today ());
  g_signal_connect_object (dialog, "person-chosen", G_CALLBACK (on_room_person_chosen), self, 0);
  present_dialog (self, &self->room_dialog, dialog);
}

/* People and roles ------------------------------------------------------------- */

static void
on_person_saved (BatonPersonDialog *dialog,
                 const char        *message,
                 BatonCapacityView *self)
{
  _baton_capacity_view_show_undo_toast (self, message);
}

static void
open_person_dialog (BatonCapacityView *self,
                    BatonPerson       *person)
{
  GtkWidget *dialog;

  dialog = baton_person_dialog_new (self->store, person,
                                    g_settings_get_double (self->settings, "default-weekly-hours"));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_person_saved), self, 0);
  present_dialog (self, &self->person_dialog, dialog);
}

static void
add_person_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_person_dialog (BATON_CAPACITY_VIEW (widget), NULL);
}

static void
edit_person_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);
  BatonPerson *person = baton_store_lookup_person (self->store, g_variant_get_int64 (parameter));

  if (person != NULL)
    open_person_dialog (self, person);
}

/* Archives or restores a person: one store call, one undo step, one
 * toast. An unknown id, or a person already so, changes nothing. */
static void
set_person_archived (BatonCapacityView *self,
                     GVariant          *parameter,
                     gboolean           archived)
{
  BatonPerson *person = baton_store_lookup_person (self->store, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (person == NULL || !baton_person_get_archived (person) == !archived)
    return;

  if (!baton_store_update (self->store, person, &error, "archived", archived, NULL))
    {
      _baton_capacity_view_show_error (self, archived ? _("Could Not Archive") : _("Could Not Restore"),
                                       error->message);
      return;
    }

  message = archived
    /* Translators: a toast; %s is a person's name */
    ? g_strdup_printf (_("%s archived"), baton_person_get_name (person))
    /* Translators: a toast; %s is a person's name */
    : g_strdup_printf (_("%s restored"), baton_person_get_name (person));
  _baton_capacity_view_show_undo_toast (self, message);
}

static void
archive_person_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  set_person_archived (BATON_CAPACITY_VIEW (widget), parameter, TRUE);
}

static void
restore_person_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  set_person_archived (BATON_CAPACITY_VIEW (widget), parameter, FALSE);
}

static void
on_archived_restore (BatonArchivedDialog *dialog,
                     gint64               person_id,
                     BatonCapacityView   *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "capacity.restore-person", "x", person_id);
}

static void
show_archived_people_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);
  GtkWidget *dialog = baton_archived_dialog_new (self->store);

  g_signal_connect_object (dialog, "restore", G_CALLBACK (on_archived_restore), self, 0);
  present_dialog (self, &self->archived_dialog, dialog);
}

static void
manage_roles_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);

  present_dialog (self, &self->roles_dialog, baton_roles_dialog_new (self->store));
}

/* Navigation -------------------------------------------------------------------- */

void
baton_capacity_view_show_week (BatonCapacityView *self,
                               guint32            julian)
{
  g_return_if_fail (BATON_IS_CAPACITY_VIEW (self));
  g_return_if_fail (julian > 0);

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  baton_capacity_grid_set_weeks (self->grid, julian, baton_capacity_grid_get_n_weeks (self->grid));
  _baton_capacity_view_update_range_label (self);
}

guint32
baton_capacity_view_get_first_week (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), 0);

  return baton_capacity_grid_get_first_week (self->grid);
}

static void
previous_week_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);

  baton_capacity_view_show_week (self, baton_capacity_grid_get_first_week (self->grid) - 7);
}

static void
next_week_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);

  baton_capacity_view_show_week (self, baton_capacity_grid_get_first_week (self->grid) + 7);
}

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);

  baton_capacity_grid_set_today (self->grid, today ());
  baton_capacity_view_show_week (self, today ());
}

static void
report_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  /* The weeks on screen, at least a quarter. */
  dialog = baton_report_dialog_new_capacity (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             self->store, baton_workload_get_settings (self->workload),
                                             baton_capacity_grid_get_first_week (self->grid),
                                             MAX (baton_capacity_grid_get_n_weeks (self->grid), 13));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Rebalance ------------------------------------------------------------------ */

static void
on_rebalance_preview (BatonRebalancePanel *panel,
                      BatonCapacity       *after,
                      BatonCapacityView   *self)
{
  baton_capacity_grid_set_plan_preview (self->grid, after);
}

/* Closed (Escape, Cancel, Apply): the focus goes back to the widget that
 * had it when the plan opened (the Rebalance button, a cell) when it can
 * still take it, else to the grid's focus cell. */
static void
close_rebalance (BatonCapacityView *self)
{
  GtkWidget *opener = self->rebalance_opener;

  baton_capacity_grid_set_plan_preview (self->grid, NULL);
  gtk_revealer_set_reveal_child (self->rebalance_revealer, FALSE);
  g_clear_weak_pointer (&self->rebalance_opener);
  if (opener == NULL || !gtk_widget_is_drawable (opener) || !gtk_widget_is_sensitive (opener) ||
      !gtk_widget_grab_focus (opener))
    gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

/* Where the focus goes back to when the plan closes: where it is, unless
 * that is in the plan itself, or in the grid or a popover that closes (a
 * cell's: the grid's focus cell then). */
static void
remember_rebalance_opener (BatonCapacityView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && self->rebalance_panel != NULL &&
      (focus == self->rebalance_panel || gtk_widget_is_ancestor (focus, self->rebalance_panel)))
    return;   /* open already: keep the first opener */

  /* A cell's widget is pooled: the grid gives the focus back to its
   * focus cell, whichever widget shows it by then. */
  if (focus != NULL && (gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) != NULL ||
                        gtk_widget_is_ancestor (focus, GTK_WIDGET (self->grid))))
    focus = NULL;
  g_set_weak_pointer (&self->rebalance_opener, focus);
}

static void
on_rebalance_applied (BatonRebalancePanel *panel,
                      const char          *message,
                      BatonCapacityView   *self)
{
  close_rebalance (self);
  _baton_capacity_view_show_undo_toast (self, message);
}

static void
focus_rebalance_panel (BatonCapacityView *self)
{
  g_signal_handlers_disconnect_by_func (self->rebalance_panel, focus_rebalance_panel, self);
  gtk_widget_child_focus (self->rebalance_panel, GTK_DIR_TAB_FORWARD);
}

/* Shows the plan for the weeks on screen: everyone's, or one person's. */
static void
propose_rebalance (BatonCapacityView *self,
                   gint64             person_id)
{
  if (self->rebalance_panel == NULL)
    {
      self->rebalance_panel = baton_rebalance_panel_new (self->store);
      g_signal_connect_object (self->rebalance_panel, "preview", G_CALLBACK (on_rebalance_preview), self, 0);
      g_signal_connect_object (self->rebalance_panel, "applied", G_CALLBACK (on_rebalance_applied), self, 0);
      g_signal_connect_object (self->rebalance_panel, "closed", G_CALLBACK (close_rebalance), self, G_CONNECT_SWAPPED);
      gtk_revealer_set_child (self->rebalance_revealer, self->rebalance_panel);
    }

  remember_rebalance_opener (self);
  baton_workload_update (self->workload);
  baton_rebalance_panel_propose (BATON_REBALANCE_PANEL (self->rebalance_panel),
                                 baton_workload_get_settings (self->workload),
                                 baton_capacity_grid_get_first_week (self->grid),
                                 baton_capacity_grid_get_n_weeks (self->grid),
                                 person_id);
  gtk_revealer_set_reveal_child (self->rebalance_revealer, TRUE);
  /* The keyboard goes into the plan (Escape closes it from there): once it
   * is mapped, a just-made panel is not yet. */
  if (gtk_widget_get_mapped (self->rebalance_panel))
    focus_rebalance_panel (self);
  else
    g_signal_connect_object (self->rebalance_panel, "map", G_CALLBACK (focus_rebalance_panel), self,
                             G_CONNECT_SWAPPED);
}

static void
rebalance_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  propose_rebalance (self, parameter != NULL ? g_variant_get_int64 (parameter) : 0);
}

/* Which actions can run ---------------------------------------------------- */

static gboolean
has_active_person (BatonStore *store)
{
  GListModel *people = baton_store_get_people (store);

  for (guint i = 0, n = g_list_model_get_n_items (people); i < n; i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (people, i);

      if (!baton_person_get_archived (person))
        return TRUE;
    }

  return FALSE;
}

/* The one place that enables and disables the view's actions, from the
 * state: a workspace that cannot be written can be looked at, not
 * changed; without anyone on the team no task can be given to, asked of
 * or taken from a person. Week navigation, the archived people and the
 * dialogs that add people and roles stay open. Called when the view is
 * built and whenever the store changed. */
void
_baton_capacity_view_update_actions (BatonCapacityView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean writable = !baton_store_get_read_only (self->store);
  gboolean any_person = has_active_person (self->store);

  gtk_widget_action_set_enabled (widget, BATON_TASK_ACTION_MOVE_TO_STAGE, writable);
  gtk_widget_action_set_enabled (widget, BATON_TASK_ACTION_REASSIGN, writable && any_person);
  gtk_widget_action_set_enabled (widget, BATON_TASK_ACTION_MOVE_TO_WEEK, writable);
  gtk_widget_action_set_enabled (widget, BATON_TASK_ACTION_WHO_HAS_ROOM, any_person);
  gtk_widget_action_set_enabled (widget, BATON_TASK_ACTION_ARCHIVE, writable);
  gtk_widget_action_set_enabled (widget, BATON_TASK_ACTION_DELETE, writable);
  gtk_widget_action_set_enabled (widget, "capacity.add-person", writable);
  gtk_widget_action_set_enabled (widget, "capacity.rebalance", writable && any_person);
  gtk_widget_action_set_enabled (widget, "capacity.rebalance-person", writable && any_person);
  gtk_widget_action_set_enabled (widget, "capacity.edit-person", writable && any_person);
  gtk_widget_action_set_enabled (widget, "capacity.archive-person", writable && any_person);
  gtk_widget_action_set_enabled (widget, "capacity.restore-person", writable);
  gtk_widget_action_set_enabled (widget, "capacity.manage-roles", writable);
}

/* Installing ------------------------------------------------------------------ */

void
_baton_capacity_view_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "capacity.previous-week", NULL, previous_week_activated);
  gtk_widget_class_install_action (widget_class, "capacity.next-week", NULL, next_week_activated);
  gtk_widget_class_install_action (widget_class, "capacity.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "capacity.report", NULL, report_activated);
  gtk_widget_class_install_action (widget_class, "capacity.rebalance", NULL, rebalance_activated);
  gtk_widget_class_install_action (widget_class, "capacity.rebalance-person", "x", rebalance_activated);
  gtk_widget_class_install_action (widget_class, BATON_TASK_ACTION_OPEN, "x", open_activated);
  gtk_widget_class_install_action (widget_class, BATON_TASK_ACTION_MOVE_TO_STAGE, "(xx)", task_action_activated);
  gtk_widget_class_install_action (widget_class, BATON_TASK_ACTION_REASSIGN, "(xx)", task_action_activated);
  gtk_widget_class_install_action (widget_class, BATON_TASK_ACTION_MOVE_TO_WEEK, "(xi)", task_action_activated);
  gtk_widget_class_install_action (widget_class, BATON_TASK_ACTION_WHO_HAS_ROOM, "x", who_has_room_activated);
  gtk_widget_class_install_action (widget_class, BATON_TASK_ACTION_ARCHIVE, "x", task_action_activated);
  gtk_widget_class_install_action (widget_class, BATON_TASK_ACTION_DELETE, "x", task_action_activated);
  gtk_widget_class_install_action (widget_class, "capacity.add-person", NULL, add_person_activated);
  gtk_widget_class_install_action (widget_class, "capacity.edit-person", "x", edit_person_activated);
  gtk_widget_class_install_action (widget_class, "capacity.archive-person", "x", archive_person_activated);
  gtk_widget_class_install_action (widget_class, "capacity.restore-person", "x", restore_person_activated);
  gtk_widget_class_install_action (widget_class, "capacity.show-archived-people", NULL, show_archived_people_activated);
  gtk_widget_class_install_action (widget_class, "capacity.manage-roles", NULL, manage_roles_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "capacity.previous-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "capacity.next-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "capacity.today", NULL);
}
