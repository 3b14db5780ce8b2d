/* baton-room-dialog.c — "Who has room?" for one task
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the people who hold the task's role (primary or secondary), ranked
 * by free hours over the weeks the task falls on
 * (baton_workload_who_has_room ()), each in the grid's terms: the load
 * they would carry after taking it against their capacity, then the hours
 * left free or over ("24 / 25.6 h after, 1.6 h free"). Activating a row emits
 * "person-chosen"; the view reassigns (one undoable store call).
 */

#define G_LOG_DOMAIN "baton-room-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-avatar.h"
#include "baton-calendar.h"
#include "baton-dates.h"
#include "baton-duration.h"
#include "baton-accessible.h"
#include "baton-room-dialog.h"
#include "baton-person-row.h"
#include "baton-view-settings.h"

struct _BatonRoomDialog
{
  AdwWindow              parent_instance;

  /* Children */
  AdwWindowTitle        *window_title;
  AdwPreferencesGroup   *group;
  GtkStack              *stack;

  /* Owned references */
  BatonStore            *store;
  BatonTask             *task;
  GArray                *candidates;  /* BatonRoomCandidate */
  GPtrArray             *rows;        /* AdwActionRow */

  BatonWorkload         *workload;
  BatonCapacitySettings  settings;      /* the workload's, when opened */
};

enum {
  PERSON_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BatonRoomDialog, baton_room_dialog, ADW_TYPE_WINDOW)

static void
on_row_activated (BatonPersonRow  *row,
                  BatonRoomDialog *self)
{
  g_signal_emit (self, signals[PERSON_CHOSEN], 0, baton_person_row_get_person (row));
}

static char *
describe_weeks (BatonRoomDialog *self,
                double          *task_minutes)
{
  g_autoptr(GArray) weeks = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) minutes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *hours = NULL;
  double total = 0;

  if (!baton_capacity_spread_task (&self->settings, self->task, weeks, minutes))
    {
      *task_minutes = (double) MAX (baton_task_get_estimate_minutes (self->task), 0);
      hours = baton_duration_format_hours (*task_minutes);
      /* Translators: %s is hours; the task has no dates */
      return g_strdup_printf (_("No dates: free hours are counted this week. The task needs %s h."), hours);
    }

  for (guint i = 0; i < minutes->len; i++)
    total += g_array_index (minutes, double, i);
  *task_minutes = total;
  hours = baton_duration_format_hours (total);

  if (weeks->len == 1)
    /* Translators: %u is an ISO week number, %s hours */
    return g_strdup_printf (_("Free hours in week %u, where the task needs %s h."),
                            baton_week_number (g_array_index (weeks, guint32, 0)), hours);

  /* Translators: free hours are summed over weeks %u to %u (ISO numbers); %s is hours */
  return g_strdup_printf (_("Free hours over weeks %u to %u, where the task needs %s h."),
                          baton_week_number (g_array_index (weeks, guint32, 0)),
                          baton_week_number (g_array_index (weeks, guint32, weeks->len - 1)),
                          hours);
}

char *
baton_room_dialog_describe_candidate (const BatonRoomCandidate *candidate)
{
  double left;
  g_autofree char *after = NULL;
  g_autofree char *capacity = NULL;
  g_autofree char *hours = NULL;

  g_return_val_if_fail (candidate != NULL, NULL);

  left = candidate->capacity - candidate->load_after;
  after = baton_duration_format_hours (candidate->load_after);
  capacity = baton_duration_format_hours (candidate->capacity);
  hours = baton_duration_format_hours (ABS (left));

  /* Over is said in words, not by colour alone. "Free" is rounded as the
   * grid rounds: what shows as 0 h is not called over. */
  if (left >= 0 || g_strcmp0 (after, capacity) == 0)
    /* Translators: Who has room; a person's load / capacity in hours after
     * taking the task, then the hours they would still have free:
     * "24 / 25.6 h after, 1.6 h free" */
    return g_strdup_printf (_("%s / %s h after, %s h free"), after, capacity, hours);

  /* Translators: Who has room; a person's load / capacity in hours after
   * taking the task, then how far over capacity that puts them:
   * "36 / 32 h after, 4 h over" */
  return g_strdup_printf (_("%s / %s h after, %s h over"), after, capacity, hours);
}

static void
populate (BatonRoomDialog *self,
          guint32          today)
{
  g_autofree char *description = NULL;
  double task_minutes = 0;

  self->candidates = baton_workload_who_has_room (self->workload, self->task, today);

  description = describe_weeks (self, &task_minutes);
  adw_preferences_group_set_description (self->group, description);

  for (guint i = 0; i < self->candidates->len; i++)
    {
      const BatonRoomCandidate *candidate = &g_array_index (self->candidates, BatonRoomCandidate, i);
      g_autofree char *subtitle = baton_room_dialog_describe_candidate (candidate);
      gboolean over_after = candidate->load_after > candidate->capacity * self->settings.over_threshold + 1e-9;
      GtkWidget *row = baton_person_row_new (candidate->person);
      GtkWidget *avatar = baton_avatar_new (candidate->person, 32);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (avatar, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);

      if (candidate->is_assignee)
        {
          GtkWidget *tag = gtk_label_new (_("Assigned"));

          gtk_widget_add_css_class (tag, "capacity-tag");
          gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
        }
      else
        {
          GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

          if (over_after)
            {
              GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

              gtk_widget_add_css_class (warning, "error");
              gtk_widget_set_tooltip_text (warning, _("Over capacity after taking it"));
              gtk_accessible_update_property (GTK_ACCESSIBLE (warning),
                                              GTK_ACCESSIBLE_PROPERTY_LABEL, _("Over capacity after taking it"),
                                              -1);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), warning);
            }
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
        }

      g_signal_connect (row, "activated", G_CALLBACK (on_row_activated), self);
      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }

  gtk_stack_set_visible_child_name (self->stack, self->candidates->len > 0 ? "list" : "empty");
}

static void
baton_room_dialog_dispose (GObject *object)
{
  BatonRoomDialog *self = BATON_ROOM_DIALOG (object);

  g_clear_pointer (&self->candidates, g_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->task);
  g_clear_object (&self->workload);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_room_dialog_parent_class)->dispose (object);
}

static void
baton_room_dialog_class_init (BatonRoomDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_room_dialog_dispose;

  /**
   * BatonRoomDialog::person-chosen:
   * @person: the person picked
   */
  signals[PERSON_CHOSEN] =
    g_signal_new ("person-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BATON_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/widgets/baton-room-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BatonRoomDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BatonRoomDialog, group);
  gtk_widget_class_bind_template_child (widget_class, BatonRoomDialog, stack);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
baton_room_dialog_init (BatonRoomDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 reads mnemonics out in accessible names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
}

GtkWidget *
baton_room_dialog_new (BatonWorkload *workload,
                       BatonTask     *task,
                       guint32        today)
{
  BatonRoomDialog *self;

  g_return_val_if_fail (BATON_IS_WORKLOAD (workload), NULL);
  g_return_val_if_fail (BATON_IS_TASK (task), NULL);

  self = g_object_new (BATON_TYPE_ROOM_DIALOG, NULL);
  self->workload = g_object_ref (workload);
  self->store = g_object_ref (baton_workload_get_store (workload));
  self->task = g_object_ref (task);
  self->settings = *baton_workload_get_settings (workload);

  adw_window_title_set_subtitle (self->window_title, baton_task_get_title (task));
  populate (self, today);

  return GTK_WIDGET (self);
}

BatonTask *
baton_room_dialog_get_task (BatonRoomDialog *self)
{
  g_return_val_if_fail (BATON_IS_ROOM_DIALOG (self), NULL);

  return self->task;
}

guint
baton_room_dialog_get_n_candidates (BatonRoomDialog *self)
{
  g_return_val_if_fail (BATON_IS_ROOM_DIALOG (self), 0);

  return self->candidates->len;
}

BatonPerson *
baton_room_dialog_get_candidate (BatonRoomDialog *self,
                                 guint            index)
{
  g_return_val_if_fail (BATON_IS_ROOM_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->candidates->len, NULL);

  return g_array_index (self->candidates, BatonRoomCandidate, index).person;
}

AdwActionRow *
baton_room_dialog_get_row (BatonRoomDialog *self,
                           guint            index)
{
  g_return_val_if_fail (BATON_IS_ROOM_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, index);
}
