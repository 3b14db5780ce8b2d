/* baton-capacity-view.c — the Capacity page of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People grouped by role × weeks (BatonCapacityGrid), a toolbar to move
 * through the weeks, and the ways to relieve someone: drag a task onto
 * another person (reassign), another week (reschedule) or both, or use the
 * same moves from a cell's popover and its task menu (the one task menu
 * and task actions of baton-task-menu.h), or ask who has room. Every move is one store call; the grid follows the store's
 * "changed" signal and the window shows a toast with Undo.
 */

#define G_LOG_DOMAIN "baton-capacity-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-capacity-view.h"
#include "baton-capacity-view-private.h"
#include "baton-leftover-bin.h"
#include "baton-task-menu.h"
#include "baton-calendar.h"
#include "baton-dates.h"
#include "baton-duration.h"
#include "baton-accessible.h"
#include "baton-view-settings.h"

enum {
  PROP_0,
  PROP_STORE,
  PROP_WORKLOAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonCapacityView, baton_capacity_view, ADW_TYPE_BIN)

static void refresh_popover (BatonCapacityView *self);

/* Helpers -------------------------------------------------------------------- */

void
_baton_capacity_view_show_undo_toast (BatonCapacityView *self,
                                      const char        *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-undo-toast", "s", message);
}

void
_baton_capacity_view_show_error (BatonCapacityView *self,
                                 const char        *heading,
                                 const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_debug ("%s: %s", heading, message);

  if (!GTK_IS_WINDOW (root) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Week labels such as "Mar 4" or "Mar 4 – 8". */
static char *
format_day (guint32     julian,
            const char *format)
{
  GDate date;
  char buffer[128];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (g_date_strftime (buffer, sizeof buffer, format, &date) == 0)
    return baton_date_format (julian);

  return g_strdup (buffer);
}

void
_baton_capacity_view_update_range_label (BatonCapacityView *self)
{
  guint32 first = baton_capacity_grid_get_first_week (self->grid);
  guint n_weeks = baton_capacity_grid_get_n_weeks (self->grid);
  guint32 last = first + n_weeks * 7 - 1;
  GDate a_date, b_date;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *text = NULL;

  g_date_clear (&a_date, 1);
  g_date_clear (&b_date, 1);
  g_date_set_julian (&a_date, first);
  g_date_set_julian (&b_date, last);

  if (g_date_get_year (&a_date) == g_date_get_year (&b_date))
    /* Translators: the first day of the weeks shown, strftime format */
    a = format_day (first, _("%b %-d"));
  else
    /* Translators: the first day of the weeks shown, in another year than the last, strftime format */
    a = format_day (first, _("%b %-d, %Y"));
  /* Translators: the last day of the weeks shown, strftime format */
  b = format_day (last, _("%b %-d, %Y"));

  /* Translators: the range of weeks shown: "Mar 4 – May 26, 2024" */
  text = g_strdup_printf (_("%s – %s"), a, b);
  gtk_label_set_text (self->range_label, text);

  /* Narrow, without the years: "Mar 4 – May 26". */
  g_free (a);
  g_free (b);
  g_free (text);
  a = format_day (first, _("%b %-d"));
  b = format_day (last, _("%b %-d"));
  text = g_strdup_printf (_("%s – %s"), a, b);
  gtk_label_set_text (self->short_range_label, text);
  gtk_label_set_text (self->narrow_range_label, text);
  gtk_label_set_text (self->narrow_range_caption, text);
}

static void
update_high_label (BatonCapacityView *self)
{
  g_autofree char *text = NULL;

  /* Translators: the legend of high load; %d is the threshold in percent */
  text = g_strdup_printf (_("Near capacity (%d %%+)"),
                          (int) (capacity_settings (self)->high_threshold * 100 + 0.5));
  gtk_label_set_text (self->high_label, text);
}

/* A first run leads the way: roles, then people; with people and no card
 * yet, a bar points to the clients and the board. */
static void
update_empty_state (BatonCapacityView *self)
{
  GListModel *people = baton_store_get_people (self->store);
  GListModel *tasks = baton_store_get_tasks (self->store);
  guint n = g_list_model_get_n_items (people);
  gboolean any_person = FALSE, any_task = FALSE;

  for (guint i = 0; i < n && !any_person; i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (people, i);

      any_person = !baton_person_get_archived (person);
    }

  n = g_list_model_get_n_items (tasks);
  for (guint i = 0; i < n && !any_task; i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);

      any_task = !baton_task_get_archived (task);
    }

  if (any_person)
    gtk_stack_set_visible_child_name (self->stack, "grid");
  else if (g_list_model_get_n_items (baton_store_get_roles (self->store)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-roles");
  else
    gtk_stack_set_visible_child_name (self->stack, "no-people");

  gtk_revealer_set_reveal_child (self->next_steps, any_person && !any_task);
}

/* Settings and store --------------------------------------------------------- */

static void
load_settings (BatonCapacityView *self)
{
  BatonCapacitySettings settings;

  baton_capacity_settings_from_gsettings (self->settings, &settings);
  /* The grid follows the workload's settings when it computes. */
  baton_workload_set_settings (self->workload, &settings);
  baton_capacity_grid_set_weeks (self->grid, baton_capacity_grid_get_first_week (self->grid),
                                 (guint) g_settings_get_int (self->settings, "weeks-shown"));
  _baton_capacity_view_update_range_label (self);
  update_high_label (self);
}

static void
on_settings_changed (GSettings         *settings,
                     const char        *key,
                     BatonCapacityView *self)
{
  load_settings (self);
  refresh_popover (self);
}

static void
on_store_changed (BatonCapacityView *self)
{
  /* Rows again once, before the next frame, however many changes came;
   * shown, the figures are current by then (baton-workload-frame.h). */
  baton_workload_frame_schedule (&self->workload_frame);
  baton_capacity_grid_invalidate (self->grid);
  update_empty_state (self);
  _baton_capacity_view_update_actions (self);
  refresh_popover (self);
}

/* The cell popover ---------------------------------------------------------------- */

/* The one task menu (baton-task-menu.c), its weeks around the cell's. */
static GMenuModel *
build_task_menu (BatonTask *task,
                 gpointer   user_data)
{
  BatonCapacityView *self = user_data;

  return baton_task_menu_new (self->workload, task, today (), self->popover_week,
                              BATON_TASK_MENU_ALL);
}

static void
on_popover_drag_prepare (BatonCellPopover  *popover,
                         BatonTask         *task,
                         BatonCapacityView *self)
{
  _baton_capacity_view_begin_drag_state (self, task, self->popover_week);
}

static void
on_popover_drag_begin (BatonCellPopover  *popover,
                       BatonTask         *task,
                       GdkDrag           *drag,
                       BatonCapacityView *self)
{
  _baton_capacity_view_set_drag_icon (self, drag);
  /* Out of the way, so that the cells under it can take the drop. */
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_popover_drag_end (BatonCellPopover  *popover,
                     BatonTask         *task,
                     BatonCapacityView *self)
{
  _baton_capacity_view_end_drag_state (self);
}

/* Fills the popover from the cell it belongs to; closes it when that cell
 * is gone. Returns FALSE then. */
static gboolean
fill_popover (BatonCapacityView *self)
{
  BatonCapacity *matrix = baton_capacity_grid_get_matrix (self->grid);
  gint week = baton_capacity_get_week_index (matrix, self->popover_week);
  g_autofree char *week_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *status = NULL;
  gboolean warning = FALSE;
  GArray *shares;
  gint row;
  /* Translators: a week's first and last working days, strftime format */
  g_autofree char *first = format_day (self->popover_week, _("%b %-d"));
  BatonGridCellInfo info;

  if (week < 0)
    return FALSE;

  week_text = baton_week_describe (self->popover_week);

  if (self->popover_kind == BATON_GRID_ROW_PERSON)
    {
      gint matrix_row = baton_capacity_get_row (matrix, self->popover_id);
      BatonPerson *person;

      row = baton_capacity_grid_find_person_row (self->grid, self->popover_id);
      if (row < 0 || matrix_row < 0)
        return FALSE;

      person = baton_capacity_get_person (matrix, matrix_row);
      baton_capacity_grid_get_cell_info (self->grid, row, week, &info);
      shares = baton_capacity_get_shares (matrix, matrix_row, week);
      title = g_strdup (baton_person_get_name (person));

      if (info.days_off > 0)
        {
          g_autofree char *off = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day off", "%u days off",
                                                               info.days_off), info.days_off);

          subtitle = g_strdup_printf ("%s · %s · %s", week_text, info.text, off);
        }
      else
        subtitle = g_strdup_printf ("%s · %s", week_text, info.text);

      if (info.level == BATON_LOAD_OVER)
        {
          g_autofree char *over = baton_duration_format_hours (info.load - info.capacity);

          /* Translators: %s is hours above capacity */
          status = g_strdup_printf (_("Over capacity by %s h"), over);
          warning = TRUE;
        }
      else if (info.level == BATON_LOAD_HIGH)
        status = g_strdup (_("Near capacity"));
    }
  else
    {
      BatonRole *role = baton_store_lookup_role (self->store, self->popover_id);

      row = baton_capacity_grid_find_unassigned_row (self->grid, self->popover_id);
      if (row < 0 || role == NULL)
        return FALSE;

      baton_capacity_grid_get_cell_info (self->grid, row, week, &info);
      shares = baton_capacity_get_unassigned_shares (matrix, self->popover_id, week);
      /* Translators: the title of an Unassigned cell's popover; %s is a role */
      title = g_strdup_printf (_("Unassigned · %s"), baton_role_get_name (role));
      if (info.load > 0)
        /* Translators: a week, then the hours of unassigned work: "12 h needed" */
        subtitle = g_strdup_printf (_("%s · %s needed"), week_text, info.text);
      else
        subtitle = g_strdup (week_text);
    }

  baton_cell_popover_set_cell (self->popover, title, subtitle, status, warning, shares);
  baton_cell_popover_set_rebalance_person (self->popover,
                                           self->popover_kind == BATON_GRID_ROW_PERSON &&
                                           info.level == BATON_LOAD_OVER ? self->popover_id : 0);
  return TRUE;
}

static void
refresh_popover (BatonCapacityView *self)
{
  if (self->popover == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    return;

  if (!fill_popover (self))
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
open_cell_popover (BatonCapacityView *self,
                   guint              row,
                   guint              week)
{
  BatonCapacity *matrix = baton_capacity_grid_get_matrix (self->grid);
  GdkRectangle rect;

  if (self->popover == NULL)
    {
      self->popover = BATON_CELL_POPOVER (baton_cell_popover_new (self->store));
      baton_cell_popover_set_menu_func (self->popover, build_task_menu, self);
      g_signal_connect_object (self->popover, "task-drag-prepare", G_CALLBACK (on_popover_drag_prepare), self, 0);
      g_signal_connect_object (self->popover, "task-drag-begin", G_CALLBACK (on_popover_drag_begin), self, 0);
      g_signal_connect_object (self->popover, "task-drag-end", G_CALLBACK (on_popover_drag_end), self, 0);
      gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self->grid));
    }

  self->popover_kind = baton_capacity_grid_get_row_kind (self->grid, row);
  self->popover_week = baton_capacity_get_week_start (matrix, week);
  if (self->popover_kind == BATON_GRID_ROW_PERSON)
    self->popover_id = baton_record_get_id (BATON_RECORD (baton_capacity_grid_get_row_person (self->grid, row)));
  else
    self->popover_id = baton_capacity_grid_get_row_role_id (self->grid, row);

  if (!fill_popover (self))
    return;

  baton_capacity_grid_get_cell_rect (self->grid, row, (gint) week, &rect);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
open_person_menu (BatonCapacityView *self,
                  guint              row)
{
  BatonPerson *person = baton_capacity_grid_get_row_person (self->grid, row);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) archive = g_menu_item_new (_("_Archive"), NULL);
  gint64 person_id;
  GdkRectangle rect;

  if (person == NULL)
    return;

  person_id = baton_record_get_id (BATON_RECORD (person));
  g_menu_item_set_action_and_target (edit, "capacity.edit-person", "x", person_id);
  g_menu_item_set_action_and_target (archive, "capacity.archive-person", "x", person_id);
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, archive);

  if (self->person_menu != NULL)
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->person_menu), G_MENU_MODEL (menu));
  else
    {
      self->person_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->person_menu), TRUE);
      gtk_widget_set_parent (self->person_menu, GTK_WIDGET (self->grid));
    }

  baton_capacity_grid_get_cell_rect (self->grid, row, -1, &rect);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->person_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->person_menu));
}

static void
on_cell_activated (BatonCapacityGrid *grid,
                   guint              row,
                   gint               week,
                   BatonCapacityView *self)
{
  BatonGridRowKind kind = baton_capacity_grid_get_row_kind (grid, row);

  if (kind == BATON_GRID_ROW_PERSON && week < 0)
    open_person_menu (self, row);
  else if (kind != BATON_GRID_ROW_ROLE && week >= 0)
    open_cell_popover (self, row, (guint) week);
}

/* Test and benchmark access -------------------------------------------------------- */

BatonCapacityGrid *
baton_capacity_view_get_grid (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->grid;
}

gboolean
baton_capacity_view_get_cell_info (BatonCapacityView *self,
                                   gint64             person_id,
                                   guint              week,
                                   BatonGridCellInfo *info)
{
  gint row;

  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), FALSE);

  row = baton_capacity_grid_find_person_row (self->grid, person_id);
  if (row < 0 || week >= baton_capacity_grid_get_n_weeks (self->grid))
    return FALSE;

  baton_capacity_grid_get_cell_info (self->grid, (guint) row, week, info);
  return TRUE;
}

char *
baton_capacity_view_get_cell_text (BatonCapacityView *self,
                                   gint64             person_id,
                                   guint              week)
{
  BatonGridCellInfo info;

  if (!baton_capacity_view_get_cell_info (self, person_id, week, &info))
    return NULL;

  return g_strdup (info.text);
}

const char *
baton_capacity_view_get_empty_state (BatonCapacityView *self)
{
  const char *name;

  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  name = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (name, "grid") == 0)
    return gtk_revealer_get_reveal_child (self->next_steps) ? "no-cards" : NULL;

  return name;
}

GtkWidget *
baton_capacity_view_get_empty_page (BatonCapacityView *self)
{
  const char *state;

  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  state = baton_capacity_view_get_empty_state (self);
  if (g_strcmp0 (state, "no-roles") == 0)
    return self->no_roles_page;
  if (g_strcmp0 (state, "no-people") == 0)
    return self->no_people_page;
  if (g_strcmp0 (state, "no-cards") == 0)
    return GTK_WIDGET (self->next_steps);

  return NULL;
}

BatonCellPopover *
baton_capacity_view_get_cell_popover (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->popover;
}

GtkWidget *
baton_capacity_view_get_room_dialog (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->room_dialog;
}

GtkWidget *
baton_capacity_view_get_person_dialog (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->person_dialog;
}

GtkWidget *
baton_capacity_view_get_roles_dialog (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->roles_dialog;
}

GtkWidget *
baton_capacity_view_get_archived_dialog (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->archived_dialog;
}

/* GObject --------------------------------------------------------------------------- */

static void
baton_capacity_view_constructed (GObject *object)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (object);
  static const char * const keys[] = {
    "weeks-shown", "working-days", "first-day-of-week", "overload-threshold", "high-load-threshold",
  };

  G_OBJECT_CLASS (baton_capacity_view_parent_class)->constructed (object);

  g_assert (BATON_IS_STORE (self->store));
  g_assert (self->workload == NULL || baton_workload_get_store (self->workload) == self->store);

  /* Before the store's own handler below: it knows whether a change moved
   * any load before we look. */
  if (self->workload == NULL)
    self->workload = baton_workload_new (self->store);
  baton_workload_frame_init (&self->workload_frame, GTK_WIDGET (self), self->workload);
  self->grid = BATON_CAPACITY_GRID (baton_capacity_grid_new (self->workload));
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->grid));
  g_signal_connect_object (self->grid, "cell-activated", G_CALLBACK (on_cell_activated), self, 0);

  _baton_capacity_view_setup_dnd (self);

  self->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", keys[i], NULL);

      g_signal_connect_object (self->settings, signal, G_CALLBACK (on_settings_changed), self, 0);
    }
  load_settings (self);
  baton_capacity_view_show_week (self, today ());

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  /* A team workspace turns read-only while its server cannot be reached. */
  g_signal_connect_object (self->store, "notify::read-only", G_CALLBACK (_baton_capacity_view_update_actions),
                           self, G_CONNECT_SWAPPED);
  /* Any property: the tops of the stacks change with the labels. */
  g_signal_connect_object (baton_store_get_history (self->store), "notify", G_CALLBACK (_baton_capacity_view_on_history_changed),
                           self, G_CONNECT_SWAPPED);
  self->undo_top = baton_history_peek_undo (baton_store_get_history (self->store));
  self->redo_top = baton_history_peek_redo (baton_store_get_history (self->store));
  update_empty_state (self);
  _baton_capacity_view_update_actions (self);
}

static void
baton_capacity_view_dispose (GObject *object)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (object);

  if (self->room_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->room_dialog));
  if (self->person_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->person_dialog));
  if (self->roles_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->roles_dialog));
  if (self->archived_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->archived_dialog));
  g_clear_weak_pointer (&self->room_dialog);
  g_clear_weak_pointer (&self->rebalance_opener);
  g_clear_weak_pointer (&self->person_dialog);
  g_clear_weak_pointer (&self->roles_dialog);
  g_clear_weak_pointer (&self->archived_dialog);

  if (self->popover != NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  if (self->person_menu != NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self->person_menu));
      g_clear_pointer (&self->person_menu, gtk_widget_unparent);
    }

  /* AdwBin unparents its child (the template's stack) itself. */

  /* A drag under way outlives the view (its window closed mid-drag):
   * neither its end nor its drag and chip may reach in here afterwards. */
  if (self->drag_source != NULL)
    g_signal_handlers_disconnect_by_data (self->drag_source, self);
  if (self->drop_target != NULL)
    g_signal_handlers_disconnect_by_data (self->drop_target, self);
  g_clear_weak_pointer (&self->drag);
  g_clear_weak_pointer (&self->drag_icon);
  g_clear_object (&self->drag_source);
  g_clear_object (&self->drop_target);
  g_clear_object (&self->drag_task);
  g_clear_pointer (&self->drag_weeks, g_array_unref);
  g_clear_pointer (&self->drag_minutes, g_array_unref);
  g_clear_object (&self->settings);
  baton_workload_frame_cancel (&self->workload_frame);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (baton_store_get_history (self->store), _baton_capacity_view_on_history_changed, self);
  g_clear_object (&self->workload);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_capacity_view_parent_class)->dispose (object);
}

static void
baton_capacity_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_WORKLOAD:
      g_value_set_object (value, self->workload);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_capacity_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_assert (self->store == NULL);
      self->store = g_value_dup_object (value);
      break;
    case PROP_WORKLOAD:
      self->workload = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_capacity_view_class_init (BatonCapacityViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baton_capacity_view_constructed;
  object_class->dispose = baton_capacity_view_dispose;
  object_class->get_property = baton_capacity_view_get_property;
  object_class->set_property = baton_capacity_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BATON_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The window's one capacity state; NULL: the view makes its own. */
  properties[PROP_WORKLOAD] =
    g_param_spec_object ("workload", NULL, NULL, BATON_TYPE_WORKLOAD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/capacity/baton-capacity-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, stack);
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, no_roles_page);
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, no_people_page);
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, next_steps);
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, range_label);
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, short_range_label);
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, narrow_range_label);
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, narrow_range_caption);
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, high_label);
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, scroller);
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, rebalance_revealer);

  _baton_capacity_view_class_add_actions (widget_class);

  g_type_ensure (BATON_TYPE_LEFTOVER_BIN);
  g_type_ensure (BATON_TYPE_CAPACITY_GRID);
}

static void
baton_capacity_view_init (BatonCapacityView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 reads mnemonics out in accessible names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (GTK_WIDGET (self));
}

GtkWidget *
baton_capacity_view_new (BatonStore *store)
{
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  return g_object_new (BATON_TYPE_CAPACITY_VIEW, "store", store, NULL);
}

BatonStore *
baton_capacity_view_get_store (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->store;
}
