/* baton-board-view.c — the Board page of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A kanban board over the store: one column per stage, cards that can be
 * dragged between and within columns or onto people, a filter bar, and an
 * optional people sidebar with each person's load this week.
 *
 * The view owns the board's state. On every store change it makes one pass
 * over tasks (stage loads), fixes its columns when stages changed, and
 * hands the capacity of its weeks down to the columns (and their cards),
 * the filter and the people sidebar whenever the window's BatonWorkload
 * computed it again. Columns follow their tasks through their own filter and
 * sort models over the board's one BatonBoardFilter (see
 * baton-board-tasks.c, baton-board-filter.c).
 *
 * State goes down, actions come up: the children know no view, and act
 * with the view's actions, the same the keyboard and the menus use, with
 * the task's id as parameter (baton-board-view-actions.c).
 */

#define G_LOG_DOMAIN "baton-board-view"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-board-card.h"
#include "baton-board-column.h"
#include "baton-board-filter.h"
#include "baton-leftover-bin.h"
#include "baton-board-private.h"
#include "baton-board-tasks.h"
#include "baton-board-view-private.h"
#include "baton-colors.h"
#include "baton-dates.h"
#include "baton-accessible.h"
#include "baton-read-only.h"
#include "baton-task-editor.h"
#include "baton-view-settings.h"

#define WEEKS_BEFORE 8
#define WEEKS_SHOWN  34

enum {
  PROP_0,
  PROP_STORE,
  PROP_WORKLOAD,
  PROP_SHOW_PEOPLE_SIDEBAR,
  PROP_ONLY_OVER_CAPACITY,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonBoardView, baton_board_view, ADW_TYPE_BIN)

static void update_page (BatonBoardView *self);


/* Columns --------------------------------------------------------------------- */

BatonBoardColumn *
_baton_board_view_column_for_stage_id (BatonBoardView *self,
                                       gint64          stage_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      BatonBoardColumn *column = BATON_BOARD_COLUMN (child);

      if (baton_record_get_id (BATON_RECORD (baton_board_column_get_stage (column))) == stage_id)
        return column;
    }

  return NULL;
}

static gboolean
columns_match_stages (BatonBoardView *self)
{
  GListModel *stages = baton_store_get_stages (self->store);
  guint n = g_list_model_get_n_items (stages);
  GtkWidget *child = gtk_widget_get_first_child (self->columns_box);

  for (guint i = 0; i < n; i++, child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);

      if (child == NULL || baton_board_column_get_stage (BATON_BOARD_COLUMN (child)) != stage)
        return FALSE;
    }

  return child == NULL;
}

/* Non-archived cards of a stage, whatever the filter. */
guint
_baton_board_view_stage_load (BatonBoardView *self,
                              BatonStage     *stage)
{
  gpointer key = GINT_TO_POINTER ((gint) baton_record_get_id (BATON_RECORD (stage)));

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->stage_loads, key));
}

static void
update_headers (BatonBoardView *self)
{
  GtkWidget *child = gtk_widget_get_first_child (self->columns_box);

  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      BatonBoardColumn *column = BATON_BOARD_COLUMN (child);

      baton_board_column_set_load (column, _baton_board_view_stage_load (self, baton_board_column_get_stage (column)));
      baton_board_column_update_header (column,
                                        gtk_widget_get_prev_sibling (child) == NULL,
                                        gtk_widget_get_next_sibling (child) == NULL);
    }
}

/* Is column @index within the board's viewport, or about to be? */
static gboolean
column_near_view (BatonBoardView *self,
                  guint           index)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->board_scroller);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  double start = gtk_adjustment_get_value (adjustment);
  double width = gtk_adjustment_get_page_size (adjustment);
  double left = BATON_BOARD_COLUMN_SPACING + index * (double) (BATON_BOARD_COLUMN_WIDTH + BATON_BOARD_COLUMN_SPACING);

  /* Before the first allocation: the window's width. */
  if (width <= 0 && GTK_IS_WINDOW (root))
    {
      int default_width = 0, default_height = 0;

      gtk_window_get_default_size (GTK_WINDOW (root), &default_width, &default_height);
      width = MAX (default_width, gtk_widget_get_width (GTK_WIDGET (self)));
    }
  if (width <= 0)
    return TRUE;

  /* A little ahead of the viewport, so that scrolling finds them ready. */
  return left < start + width + BATON_BOARD_COLUMN_WIDTH / 2.0 &&
         left + BATON_BOARD_COLUMN_WIDTH > start - BATON_BOARD_COLUMN_WIDTH / 2.0;
}

/* Columns get their cards when they come into view (or near it): the
 * board's first frame binds the cards it shows, and no more. */
static void
show_cards (BatonBoardView *self)
{
  guint i = 0;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    if (column_near_view (self, i))
      baton_board_column_show_cards (BATON_BOARD_COLUMN (child));
}

static void
sync_columns (BatonBoardView *self)
{
  GListModel *stages;
  GtkWidget *child;

  if (columns_match_stages (self))
    {
      update_headers (self);
      return;
    }

  while ((child = gtk_widget_get_first_child (self->columns_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->columns_box), child);

  stages = baton_store_get_stages (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);
      GtkWidget *column;

      column = baton_board_column_new (self->store, stage,
                                       baton_board_tasks_get_stage_model (self->tasks,
                                                                          baton_record_get_id (BATON_RECORD (stage))),
                                       GTK_FILTER (self->filter));
      baton_board_column_set_capacity (BATON_BOARD_COLUMN (column), self->capacity, self->today);
      gtk_box_append (GTK_BOX (self->columns_box), column);
    }

  update_headers (self);
  show_cards (self);
}

/* After the columns' models followed the filter. */
static void
on_filter_changed (BatonBoardView *self)
{
  update_headers (self);
  update_page (self);
}

/* A task id from an action's parameter: one of the store's tasks, or NULL. */
BatonTask *
_baton_board_view_lookup_task (BatonBoardView *self,
                               gint64          id)
{
  return id != 0 ? baton_store_lookup_task (self->store, id) : NULL;
}

/* Derived state ---------------------------------------------------------------- */

static void
count_tasks (BatonBoardView *self)
{
  baton_board_tasks_count_stages (self->tasks, self->stage_loads);
}

/* The board's weeks: WEEKS_BEFORE before today's, WEEKS_SHOWN in all. */
static guint32
first_week_shown (BatonBoardView *self)
{
  return baton_date_week_start (self->today, self->capacity_settings.first_weekday) - WEEKS_BEFORE * 7;
}

/* A new day moves the weeks (and the cards' due dates). */
static void
follow_today (BatonBoardView *self)
{
  guint32 today = baton_date_today ();

  if (today == self->today)
    return;

  self->today = today;
  if (self->weeks_id != 0)
    baton_workload_move_weeks (self->workload, self->weeks_id, first_week_shown (self), WEEKS_SHOWN);
}

/* The workload's figures for the board's weeks, down to who shows them:
 * the filter (a change only when it filters on them), the columns and
 * their cards, the sidebar. */
static void
show_capacity (BatonBoardView *self)
{
  g_clear_pointer (&self->capacity, baton_capacity_unref);
  self->capacity = baton_workload_get_weeks (self->workload, self->weeks_id);

  baton_board_filter_set_capacity (self->filter, self->capacity);
  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    baton_board_column_set_capacity (BATON_BOARD_COLUMN (child), self->capacity, self->today);

  /* The sidebar refreshes only when it shows; showing it refreshes it. */
  if (self->sidebar != NULL)
    {
      baton_people_sidebar_set_capacity (self->sidebar, self->capacity, &self->capacity_settings, self->today);
      if (self->show_people)
        baton_people_sidebar_refresh (self->sidebar);
    }
}

/* See baton-workload-frame.h: shown, the figures come with the next frame. */
static void
schedule_capacity (BatonBoardView *self)
{
  baton_workload_frame_schedule (&self->workload_frame);
}

static void
read_settings (BatonBoardView *self)
{
  baton_capacity_settings_from_gsettings (self->settings, &self->capacity_settings);
  /* Computes at once (and says so) when they differ. */
  baton_workload_set_settings (self->workload, &self->capacity_settings);
}

static guint
n_shown (BatonBoardView *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += g_list_model_get_n_items (baton_board_column_get_model (BATON_BOARD_COLUMN (child)));

  return n;
}

static gboolean
has_active (GListModel *list,
            gboolean  (*is_archived) (gpointer item))
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (is_archived == NULL || !is_archived (item))
        return TRUE;
    }

  return FALSE;
}

/* With no cards, the first-run step the board is at: stages, then roles,
 * people, a client and a program, and the first card. */
static const char *
empty_page (BatonBoardView *self)
{
  if (g_list_model_get_n_items (baton_store_get_stages (self->store)) == 0)
    return "no-stages";
  if (!has_active (baton_store_get_roles (self->store), NULL))
    return "no-roles";
  if (!has_active (baton_store_get_people (self->store), (gpointer) baton_person_get_archived))
    return "no-people";
  if (!has_active (baton_store_get_programs (self->store), (gpointer) baton_program_get_archived))
    return "no-programs";

  return "empty";
}

static void
update_page (BatonBoardView *self)
{
  const char *page = "board";
  guint n_filter_menu = baton_board_filter_get_n_settings (self->filter);

  if (g_list_model_get_n_items (baton_store_get_tasks (self->store)) == 0 ||
      g_list_model_get_n_items (baton_store_get_stages (self->store)) == 0)
    page = empty_page (self);
  else if (baton_board_filter_is_active (self->filter) && n_shown (self) == 0)
    page = "no-results";

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), page) != 0)
    gtk_stack_set_visible_child_name (self->content_stack, page);

  /* The button's label is rebuilt when set: only when the count changes. */
  if (n_filter_menu == self->n_filters_shown)
    return;
  self->n_filters_shown = n_filter_menu;

  if (n_filter_menu > 0)
    {
      /* Translators: the filter button when some filters are on; %u counts them */
      g_autofree char *label = g_strdup_printf (_("Filters (%u)"), n_filter_menu);

      gtk_menu_button_set_label (self->filter_button, label);
      gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filters-active");
    }
  else
    {
      gtk_menu_button_set_label (self->filter_button, _("Filters"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filters-active");
    }
}

static void
on_store_changed (BatonBoardView *self)
{
  follow_today (self);
  baton_colors_prepare (self->store);
  count_tasks (self);
  sync_columns (self);
  update_page (self);
  schedule_capacity (self);

  _baton_board_view_keep_focus (self);
}

/* Public ------------------------------------------------------------------------------------ */

GtkWidget *
baton_board_view_new (BatonStore *store)
{
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  return g_object_new (BATON_TYPE_BOARD_VIEW, "store", store, NULL);
}

BatonStore *
baton_board_view_get_store (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return self->store;
}

guint
baton_board_view_get_n_columns (BatonBoardView *self)
{
  guint n = 0;

  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

GtkWidget *
baton_board_view_get_column (BatonBoardView *self,
                             guint           index)
{
  GtkWidget *child;

  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  for (child = gtk_widget_get_first_child (self->columns_box);
       child != NULL && index > 0;
       child = gtk_widget_get_next_sibling (child))
    index--;

  return child;
}

GtkWidget *
baton_board_view_get_column_for_stage (BatonBoardView *self,
                                       BatonStage     *stage)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);
  g_return_val_if_fail (BATON_IS_STAGE (stage), NULL);

  return GTK_WIDGET (_baton_board_view_column_for_stage_id (self, baton_record_get_id (BATON_RECORD (stage))));
}

GtkWidget *
baton_board_view_get_people_sidebar (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return GTK_WIDGET (self->sidebar);
}

GtkWidget *
baton_board_view_get_search_entry (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return GTK_WIDGET (self->search_entry);
}

BatonTask *
baton_board_view_get_dragged_task (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return self->dragged_task;
}

const char *
baton_board_view_get_visible_page (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

const char *
baton_board_view_get_last_message (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return self->last_toast;
}

GtkWidget *
baton_board_view_get_editor (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return self->editor;
}

gboolean
baton_board_view_is_settled (BatonBoardView *self)
{
  guint i = 0;

  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), FALSE);

  if (baton_workload_frame_pending (&self->workload_frame) || self->capacity == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;

  /* An empty state instead of the columns. */
  if (!gtk_widget_get_mapped (self->columns_box))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      BatonBoardColumn *column = BATON_BOARD_COLUMN (child);

      if (!column_near_view (self, i))
        continue;
      if (!baton_board_column_get_shows_cards (column) ||
          !baton_card_list_is_settled (baton_board_column_get_card_list (column)))
        return FALSE;
    }

  return TRUE;
}

void
baton_board_view_update_capacity (BatonBoardView *self)
{
  g_return_if_fail (BATON_IS_BOARD_VIEW (self));

  baton_workload_frame_cancel (&self->workload_frame);
  follow_today (self);
  if (baton_workload_is_current (self->workload))
    show_capacity (self);
  else
    baton_workload_update (self->workload);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
set_bool_property (BatonBoardView *self,
                   gboolean       *field,
                   gboolean        value,
                   guint           prop)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Undo and redo act on a change: the focus goes to the card it touched
 * (baton-board-view-focus.c). */
static void
on_history_changed (BatonBoardView *self)
{
  BatonHistory *history = baton_store_get_history (self->store);
  BatonChange *undo_top = baton_history_peek_undo (history);
  BatonChange *redo_top = baton_history_peek_redo (history);
  BatonChange *acted = NULL;

  if ((gconstpointer) undo_top == self->undo_top && (gconstpointer) redo_top == self->redo_top)
    return;

  if (redo_top != NULL && (gconstpointer) redo_top == self->undo_top)
    acted = redo_top;    /* undone */
  else if (undo_top != NULL && (gconstpointer) undo_top == self->redo_top)
    acted = undo_top;    /* redone */
  self->undo_top = undo_top;
  self->redo_top = redo_top;

  if (acted != NULL)
    _baton_board_view_focus_change (self, acted);
}


static void
baton_board_view_root (GtkWidget *widget)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  GTK_WIDGET_CLASS (baton_board_view_parent_class)->root (widget);

  g_set_weak_pointer (&self->focus_root, gtk_widget_get_root (widget));
  g_signal_connect_object (self->focus_root, "notify::focus-widget",
                           G_CALLBACK (_baton_board_view_on_focus_widget_changed), self, G_CONNECT_SWAPPED);
}

static void
baton_board_view_unroot (GtkWidget *widget)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  if (self->focus_root != NULL)
    g_signal_handlers_disconnect_by_func (self->focus_root, _baton_board_view_on_focus_widget_changed, self);
  g_clear_weak_pointer (&self->focus_root);

  GTK_WIDGET_CLASS (baton_board_view_parent_class)->unroot (widget);
}

static void
baton_board_view_map (GtkWidget *widget)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  GTK_WIDGET_CLASS (baton_board_view_parent_class)->map (widget);

  show_cards (self);

  /* Shown: the capacity still to compute comes with the first frame. */
  schedule_capacity (self);
}

static void
baton_board_view_constructed (GObject *object)
{
  BatonBoardView *self = BATON_BOARD_VIEW (object);

  G_OBJECT_CLASS (baton_board_view_parent_class)->constructed (object);

  g_assert (BATON_IS_STORE (self->store));
  g_assert (self->workload == NULL || baton_workload_get_store (self->workload) == self->store);

  /* One filter for every column; the view follows it after they did. */
  self->filter = baton_board_filter_new (self->store);
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "show-people-sidebar", self, "show-people-sidebar", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (read_settings), self, G_CONNECT_SWAPPED);

  /* The capacity: the window's workload (or one of our own), for our
   * weeks. Connected before the store: it knows whether a change moved
   * any load before we look. */
  if (self->workload == NULL)
    self->workload = baton_workload_new (self->store);
  g_signal_connect_object (self->workload, "changed", G_CALLBACK (show_capacity), self, G_CONNECT_SWAPPED);
  baton_workload_frame_init (&self->workload_frame, GTK_WIDGET (self), self->workload);
  self->today = baton_date_today ();
  read_settings (self);
  self->weeks_id = baton_workload_watch_weeks (self->workload, first_week_shown (self), WEEKS_SHOWN);

  /* The task list first: its "changed" handler must run before ours. */
  self->tasks = baton_board_tasks_new (self->store);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  self->undo_top = baton_history_peek_undo (baton_store_get_history (self->store));
  self->redo_top = baton_history_peek_redo (baton_store_get_history (self->store));
  g_signal_connect_object (baton_store_get_history (self->store), "notify",
                           G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);

  self->sidebar = BATON_PEOPLE_SIDEBAR (baton_people_sidebar_new (self->store));
  baton_people_sidebar_set_capacity (self->sidebar, NULL, &self->capacity_settings, baton_date_today ());
  adw_bin_set_child (self->sidebar_bin, GTK_WIDGET (self->sidebar));

  baton_colors_prepare (self->store);
  count_tasks (self);
  sync_columns (self);
  update_page (self);
  if (baton_workload_is_current (self->workload))
    show_capacity (self);

  /* A workspace that cannot be written can be looked at, not changed. */
  {
    static const char * const editing[] = {
      "board.new-card", "board.quick-add", "board.add-stage", "board.rename-stage",
      "board.set-wip-limit", "board.toggle-done-stage", "board.move-stage-left",
      "board.move-stage-right", "board.delete-stage", "task.move-left", "task.move-right",
      "task.move-up", "task.move-down", "task.archive", "task.delete", "board.move-task",
      "task.move-to-stage", "task.reassign", "task.move-to-week", "board.add-card", NULL,
    };

    baton_read_only_disable_actions (GTK_WIDGET (self), self->store, editing);
  }
}

static void
baton_board_view_dispose (GObject *object)
{
  BatonBoardView *self = BATON_BOARD_VIEW (object);

  baton_workload_frame_cancel (&self->workload_frame);
  g_clear_handle_id (&self->toast_idle_id, g_source_remove);
  baton_edge_scroll_stop (&self->edge_scroll);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_pointer (&self->task_menu, gtk_widget_unparent);
  g_clear_weak_pointer (&self->editor);
  g_clear_weak_pointer (&self->room_dialog);
  if (self->own_toast != NULL)
    g_signal_handlers_disconnect_by_func (self->own_toast, g_clear_weak_pointer, &self->own_toast);
  g_clear_weak_pointer (&self->own_toast);

  /* The template's root is the bin's child: let the bin drop it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BATON_TYPE_BOARD_VIEW);

  g_clear_object (&self->dragged_task);
  g_clear_object (&self->focus_task);
  if (self->focus_root != NULL)
    g_signal_handlers_disconnect_by_func (self->focus_root, _baton_board_view_on_focus_widget_changed, self);
  g_clear_weak_pointer (&self->focus_root);
  g_clear_object (&self->tasks);
  g_clear_object (&self->settings);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->capacity, baton_capacity_unref);
  if (self->weeks_id != 0)
    baton_workload_unwatch_weeks (self->workload, self->weeks_id);
  self->weeks_id = 0;
  g_clear_object (&self->workload);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_board_view_parent_class)->dispose (object);
}

static void
baton_board_view_finalize (GObject *object)
{
  BatonBoardView *self = BATON_BOARD_VIEW (object);

  g_clear_pointer (&self->stage_loads, g_hash_table_unref);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_pointer (&self->pending_toast, g_free);

  G_OBJECT_CLASS (baton_board_view_parent_class)->finalize (object);
}

static void
baton_board_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BatonBoardView *self = BATON_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_WORKLOAD:
      g_value_set_object (value, self->workload);
      break;
    case PROP_SHOW_PEOPLE_SIDEBAR:
      g_value_set_boolean (value, self->show_people);
      break;
    case PROP_ONLY_OVER_CAPACITY:
      g_value_set_boolean (value, baton_board_filter_get_only_over_capacity (self->filter));
      break;
    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, baton_board_filter_get_show_archived (self->filter));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_board_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BatonBoardView *self = BATON_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_WORKLOAD:
      self->workload = g_value_dup_object (value);
      break;
    case PROP_SHOW_PEOPLE_SIDEBAR:
      set_bool_property (self, &self->show_people, g_value_get_boolean (value), prop_id);
      if (self->show_people && self->sidebar != NULL)
        baton_people_sidebar_refresh (self->sidebar);
      adw_flap_set_reveal_flap (self->people_flap, self->show_people);
      break;
    case PROP_ONLY_OVER_CAPACITY:
      if (baton_board_filter_get_only_over_capacity (self->filter) != g_value_get_boolean (value))
        {
          baton_board_filter_set_only_over_capacity (self->filter, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_ARCHIVED:
      if (baton_board_filter_get_show_archived (self->filter) != g_value_get_boolean (value))
        {
          baton_board_filter_set_show_archived (self->filter, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_board_view_class_init (BatonBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baton_board_view_constructed;
  object_class->dispose = baton_board_view_dispose;
  object_class->finalize = baton_board_view_finalize;
  object_class->get_property = baton_board_view_get_property;
  object_class->set_property = baton_board_view_set_property;

  widget_class->map = baton_board_view_map;
  widget_class->root = baton_board_view_root;
  widget_class->unroot = baton_board_view_unroot;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BATON_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The window's one capacity state; NULL: the view makes its own. */
  properties[PROP_WORKLOAD] =
    g_param_spec_object ("workload", NULL, NULL, BATON_TYPE_WORKLOAD,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Bound to the show-people-sidebar setting. */
  properties[PROP_SHOW_PEOPLE_SIDEBAR] =
    g_param_spec_boolean ("show-people-sidebar", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLY_OVER_CAPACITY] =
    g_param_spec_boolean ("only-over-capacity", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baton_app/Baton/board/baton-board-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, client_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, program_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, board_scroller);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, columns_box);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, people_flap);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, sidebar_bin);

  _baton_board_view_actions_class_init (widget_class);
  _baton_board_view_filters_class_init (widget_class);
  _baton_board_view_stages_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "board.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "board.new-card", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "board.show-people", NULL);

  g_type_ensure (BATON_TYPE_LEFTOVER_BIN);
  g_type_ensure (BATON_TYPE_TASK_EDITOR);
  g_type_ensure (BATON_TYPE_RECORD_DROP_DOWN);
}

static void
baton_board_view_init (BatonBoardView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 reads mnemonics out in accessible names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (GTK_WIDGET (self));

  self->stage_loads = g_hash_table_new (NULL, NULL);
  /* Translators: the person filter's choice of cards without anyone */
  baton_record_drop_down_add_extra_row (self->person_dropdown, _("Unassigned"), -1);
  baton_capacity_settings_init_default (&self->capacity_settings);

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->board_scroller), "value-changed",
                           G_CALLBACK (show_cards), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->board_scroller), "changed",
                           G_CALLBACK (show_cards), self, G_CONNECT_SWAPPED);

  _baton_board_view_actions_init (self);
}
