/* baton-board-view-actions.c — the board's task and board actions, and their toasts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every action is one store call, with its task (or stage) as parameter:
 * the cards, columns and people sidebar activate them, the keys and the
 * card menu too. Destructive ones offer Undo through the window's
 * win.show-undo-toast action.
 */

#define G_LOG_DOMAIN "baton-board-view"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-board-card.h"
#include "baton-board-view-private.h"
#include "baton-board-private.h"
#include "baton-room-dialog.h"
#include "baton-task-menu.h"
#include "baton-task-moves.h"
#include "baton-dates.h"
#include "baton-task-editor.h"
#include "baton-view-settings.h"

#define EDGE_ZONE  64
#define EDGE_SPEED 18.0

/* Messages ---------------------------------------------------------------------- */

/* Outside a Baton window (a test, a benchmark) the view says it in its own
 * overlay, one toast at a time like the window. */
static void
show_own_toast (BatonBoardView *self,
                const char     *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (self->own_toast != NULL)
    {
      adw_toast_set_title (self->own_toast, escaped);
      /* Added again, it starts its timeout afresh. */
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->own_toast));
      return;
    }

  self->own_toast = adw_toast_new (escaped);
  g_object_add_weak_pointer (G_OBJECT (self->own_toast), (gpointer *) &self->own_toast);
  g_signal_connect_swapped (self->own_toast, "dismissed", G_CALLBACK (g_clear_weak_pointer), &self->own_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, self->own_toast);
}

static gboolean
show_pending_toast (gpointer user_data)
{
  BatonBoardView *self = BATON_BOARD_VIEW (user_data);
  g_autofree char *message = g_steal_pointer (&self->pending_toast);

  self->toast_idle_id = 0;
  if (message == NULL)
    return G_SOURCE_REMOVE;

  /* Undone (or buried) before the toast came: it would offer to undo
   * another change. */
  if (baton_history_peek_undo (baton_store_get_history (self->store)) != self->pending_change)
    return G_SOURCE_REMOVE;

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-undo-toast", "s", message))
    show_own_toast (self, message);

  return G_SOURCE_REMOVE;
}

/* An undoable change happened: the window's toast offers Undo. The toast
 * comes right after the frame that shows the change (it slides in anyway),
 * so the change itself is drawn without waiting for it. */
void
_baton_board_view_announce_undoable (BatonBoardView *self,
                                     const char     *message)
{
  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  g_free (self->pending_toast);
  self->pending_toast = g_strdup (message);
  self->pending_change = baton_history_peek_undo (baton_store_get_history (self->store));

  if (self->toast_idle_id == 0)
    self->toast_idle_id = g_idle_add_full (G_PRIORITY_LOW, show_pending_toast, self, NULL);
}

/* Something went wrong: say so, without an Undo button. */
void
_baton_board_view_show_error (BatonBoardView *self,
                              const char     *message)
{
  g_free (self->last_toast);
  self->last_toast = g_strdup (message);

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message))
    show_own_toast (self, message);
}

/* Drag and drop ---------------------------------------------------------------------- */

static void
on_board_drag_motion (GtkDropControllerMotion *motion,
                      double                   x,
                      double                   y,
                      BatonBoardView          *self)
{
  /* Near the left or right edge, the board scrolls. */
  baton_edge_scroll_update (&self->edge_scroll, gtk_scrolled_window_get_hadjustment (self->board_scroller),
                            x, 0, gtk_widget_get_width (GTK_WIDGET (self->board_scroller)));
}

static void
on_board_drag_leave (GtkDropControllerMotion *motion,
                     BatonBoardView          *self)
{
  baton_edge_scroll_stop (&self->edge_scroll);
}

/* board.drag-begin (task id): a card is being dragged. The columns learn
 * which (its own slot is no move), the sidebar lights who can take it. */
static void
drag_begin_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonTask *task = _baton_board_view_lookup_task (self, g_variant_get_int64 (parameter));

  if (task == NULL)
    return;

  g_set_object (&self->dragged_task, task);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    baton_board_column_set_dragged_task (BATON_BOARD_COLUMN (child), task);
  if (self->sidebar != NULL)
    baton_people_sidebar_highlight_role (self->sidebar, task);
}

/* board.drag-end: the drag is over, dropped or not. */
static void
drag_end_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  baton_edge_scroll_stop (&self->edge_scroll);
  g_clear_object (&self->dragged_task);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
  /* Cancelled with the pointer still over a column: it is lit no more. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      baton_board_column_set_dragged_task (BATON_BOARD_COLUMN (child), NULL);
      baton_board_column_clear_drop (BATON_BOARD_COLUMN (child));
    }
  if (self->sidebar != NULL)
    baton_people_sidebar_highlight_role (self->sidebar, NULL);
}

/* " — Review is over its WIP limit (6 / 5)", or NULL. */
static char *
wip_warning (BatonBoardView *self,
             BatonStage     *stage)
{
  gint64 limit = baton_stage_get_wip_limit (stage);
  guint load = _baton_board_view_stage_load (self, stage);

  if (limit <= 0 || load <= (guint) limit)
    return NULL;

  /* Translators: added to a toast; %s is a stage, then cards / limit */
  return g_strdup_printf (_("%s is over its WIP limit (%u / %d)"),
                          baton_stage_get_name (stage), load, (int) limit);
}

/* An undoable change's toast, with a warning after it (a WIP limit
 * passed) when there is one. */
static void
announce_with_warning (BatonBoardView *self,
                       const char     *message,
                       const char     *warning)
{
  if (warning != NULL)
    {
      /* Translators: a toast made of a message and a warning */
      g_autofree char *both = g_strdup_printf (_("%s — %s"), message, warning);

      _baton_board_view_announce_undoable (self, both);
    }
  else
    _baton_board_view_announce_undoable (self, message);
}

static gboolean
move_task (BatonBoardView *self,
           BatonTask      *task,
           BatonStage     *stage,
           BatonTask      *before,
           gboolean        announce)
{
  g_autoptr(GError) error = NULL;
  gboolean same_stage = baton_task_get_stage_id (task) == baton_record_get_id (BATON_RECORD (stage));
  g_autofree char *message = NULL;
  g_autofree char *warning = NULL;

  /* The same store call and words as the capacity view's. */
  if (!baton_task_move_to_stage (self->store, task, stage, before, &message, &error))
    {
      _baton_board_view_show_error (self, error->message);
      return FALSE;
    }

  if (!announce)
    return TRUE;

  warning = same_stage ? NULL : wip_warning (self, stage);
  announce_with_warning (self, message, warning);

  return TRUE;
}

/* board.move-task (task id, stage id, id of the task it goes before, or
 * 0 for the end): a drop on a column, at its place. */
static void
move_task_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  gint64 task_id, stage_id, before_id;
  BatonTask *task, *before;
  BatonStage *stage;

  g_variant_get (parameter, "(xxx)", &task_id, &stage_id, &before_id);
  task = _baton_board_view_lookup_task (self, task_id);
  stage = baton_store_lookup_stage (self->store, stage_id);
  before = _baton_board_view_lookup_task (self, before_id);
  if (task == NULL || stage == NULL || (before_id != 0 && before == NULL))
    return;

  /* A card that has the focus keeps it wherever it went (keep_focus). */
  move_task (self, task, stage, before, TRUE);
}

/* The shared task actions (baton-task-menu.h): task.move-to-stage,
 * task.reassign (also a drop on a person), task.move-to-week,
 * task.archive and task.delete, carried out and worded by
 * baton_task_apply_action (), as in the capacity view. A move to a stage
 * over its WIP limit says so. */
static gboolean
apply_task_action (BatonBoardView *self,
                   const char     *action_name,
                   GVariant       *parameter)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *warning = NULL;

  if (!baton_task_apply_action (self->store, action_name, parameter, &message, &error))
    {
      /* Gone while its menu was open: nothing to do. */
      if (g_error_matches (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND))
        g_debug ("%s: %s", action_name, error->message);
      else
        _baton_board_view_show_error (self, error->message);
      return FALSE;
    }
  if (message == NULL)
    return TRUE;

  if (g_str_equal (action_name, BATON_TASK_ACTION_MOVE_TO_STAGE))
    {
      gint64 task_id, stage_id;
      BatonStage *stage;

      g_variant_get (parameter, "(xx)", &task_id, &stage_id);
      if ((stage = baton_store_lookup_stage (self->store, stage_id)) != NULL)
        warning = wip_warning (self, stage);
    }

  announce_with_warning (self, message, warning);

  return TRUE;
}

static void
task_action_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  apply_task_action (BATON_BOARD_VIEW (widget), action_name, parameter);
}

/* board.add-card (stage id, title): a column's quick-add entry. */
static void
add_card_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const char *title = NULL;
  gint64 stage_id;
  BatonStage *stage;

  g_variant_get (parameter, "(x&s)", &stage_id, &title);
  stage = baton_store_lookup_stage (self->store, stage_id);
  if (stage == NULL)
    return;

  if (baton_store_create_task (self->store, stage, NULL, title, &error) == NULL)
    {
      _baton_board_view_show_error (self, error->message);
      return;
    }

  /* Show where it landed: the end of the column. */
  {
    BatonBoardColumn *column = _baton_board_view_column_for_stage_id (self, baton_record_get_id (BATON_RECORD (stage)));
    guint n;

    if (column != NULL && (n = g_list_model_get_n_items (baton_board_column_get_model (column))) > 0)
      baton_board_column_scroll_to_index (column, n - 1);
  }
}

/* The editor ---------------------------------------------------------------------------- */

/* @task: NULL for a new card. */
static void
open_editor (BatonBoardView *self,
             BatonTask      *task)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor;

  editor = baton_task_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, task);
  g_set_weak_pointer (&self->editor, editor);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Task actions ---------------------------------------------------------------------- */

static void
focus_task_later (BatonBoardView *self,
                  BatonTask      *task)
{
  if (_baton_board_view_focus_card_of (self, task))
    g_set_object (&self->focus_task, task);
}

/* The task of a task.* action: its parameter is the task's id. */
static BatonTask *
task_from_parameter (BatonBoardView *self,
                     GVariant       *parameter)
{
  return _baton_board_view_lookup_task (self, g_variant_get_int64 (parameter));
}

/* task.open (task id): Enter or a double click on a card, the menu's Open. */
static void
task_open_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonTask *task = task_from_parameter (self, parameter);

  if (task != NULL)
    open_editor (self, task);
}

static void
move_to_neighbour_stage (BatonBoardView *self,
                         BatonTask      *task,
                         int             delta)
{
  GListModel *stages = baton_store_get_stages (self->store);
  guint n = g_list_model_get_n_items (stages);
  g_autoptr(BatonStage) target = NULL;
  gint index = -1;

  if (task == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);

      if (baton_record_get_id (BATON_RECORD (stage)) == baton_task_get_stage_id (task))
        index = (gint) i;
    }

  if (index < 0 || index + delta < 0 || index + delta >= (gint) n)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  target = g_list_model_get_item (stages, index + delta);
  if (move_task (self, task, target, NULL, TRUE))
    focus_task_later (self, task);
}

static void
task_move_left_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  move_to_neighbour_stage (self, task_from_parameter (self, parameter),
                           gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? 1 : -1);
}

static void
task_move_right_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  move_to_neighbour_stage (self, task_from_parameter (self, parameter),
                           gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? -1 : 1);
}

static void
reorder (BatonBoardView *self,
         BatonTask      *task,
         int             delta)
{
  BatonBoardColumn *column;
  BatonStage *stage;
  GListModel *model;
  g_autoptr(BatonTask) before = NULL;
  guint n, index = G_MAXUINT;

  if (task == NULL || (column = _baton_board_view_column_for_stage_id (self, baton_task_get_stage_id (task))) == NULL)
    return;

  stage = baton_board_column_get_stage (column);
  model = baton_board_column_get_model (column);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n && index == G_MAXUINT; i++)
    {
      g_autoptr(BatonTask) item = g_list_model_get_item (model, i);

      if (item == task)
        index = i;
    }

  if (index == G_MAXUINT || (delta < 0 && index == 0) || (delta > 0 && index + 1 >= n))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  /* Up: before the previous card. Down: before the card after the next. */
  if (delta < 0)
    before = g_list_model_get_item (model, index - 1);
  else if (index + 2 < n)
    before = g_list_model_get_item (model, index + 2);

  if (move_task (self, task, stage, before, FALSE))
    focus_task_later (self, task);
}

static void
task_move_up_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  reorder (self, task_from_parameter (self, parameter), -1);
}

static void
task_move_down_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  reorder (self, task_from_parameter (self, parameter), 1);
}

/* task.who-has-room (task id): the people who hold its role, ranked by
 * room; picking one reassigns it (task.reassign's way). */
static void
on_room_person_chosen (BatonRoomDialog *dialog,
                       BatonPerson     *person,
                       BatonBoardView  *self)
{
  BatonTask *task = baton_room_dialog_get_task (dialog);
  g_autoptr(GVariant) parameter = g_variant_ref_sink (g_variant_new ("(xx)", baton_record_get_id (BATON_RECORD (task)),
                                                                     baton_record_get_id (BATON_RECORD (person))));

  if (apply_task_action (self, BATON_TASK_ACTION_REASSIGN, parameter))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
who_has_room_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonTask *task = task_from_parameter (self, parameter);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (task == NULL)
    return;

  if (self->room_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->room_dialog));
  dialog = baton_room_dialog_new (self->workload, task, self->today);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "person-chosen", G_CALLBACK (on_room_person_chosen), self, 0);
  g_set_weak_pointer (&self->room_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
baton_board_view_get_room_dialog (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return self->room_dialog;
}

/* The card menu --------------------------------------------------------------------------- */

/* The one task menu (baton-task-menu.c); every item names its task, so
 * the menu needs no "current task". */
static GMenuModel *
build_task_menu (BatonBoardView *self,
                 BatonTask      *task)
{
  return baton_task_menu_new (self->workload, task, self->today, 0,
                              BATON_TASK_MENU_ALL);
}

static void
on_task_menu_closed (BatonBoardView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  BatonTask *task = _baton_board_view_lookup_task (self, self->menu_card_task_id);

  /* Closed from within (Escape, an item): the focus goes back to the
   * card, which an item's action may then move. (Items carry their task:
   * the id is kept for the focus only.) */
  if (task != NULL &&
      (focus == NULL || focus == self->task_menu || gtk_widget_is_ancestor (focus, self->task_menu)))
    _baton_board_view_focus_card_of (self, task);
  self->menu_card_task_id = 0;
}

/* task.menu (task id, x, y): the card menu of a task, pointing at (x, y)
 * of its card — where it was clicked, its middle from the keyboard. */
static void
task_menu_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  g_autoptr(GMenuModel) model = NULL;
  BatonBoardColumn *column;
  GtkWidget *card;
  graphene_point_t point;
  GdkRectangle rect;
  gint64 task_id;
  BatonTask *task;
  double x, y;

  g_variant_get (parameter, "(xdd)", &task_id, &x, &y);
  task = _baton_board_view_lookup_task (self, task_id);
  if (task == NULL ||
      (column = _baton_board_view_column_for_stage_id (self, baton_task_get_stage_id (task))) == NULL ||
      (card = baton_board_column_get_card (column, task)) == NULL)
    return;

  self->menu_card_task_id = task_id;
  model = build_task_menu (self, task);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->task_menu), model);

  if (!gtk_widget_compute_point (card, GTK_WIDGET (self), &GRAPHENE_POINT_INIT ((float) x, (float) y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  rect = (GdkRectangle) { (int) point.x, (int) point.y, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->task_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->task_menu));
}

/* Board actions ------------------------------------------------------------------------ */

static void
new_card_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_editor (BATON_BOARD_VIEW (widget), NULL);
}

/* Setup ------------------------------------------------------------------------------------ */

void
_baton_board_view_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board.new-card", NULL, new_card_activated);
  gtk_widget_class_install_action (widget_class, "board.move-task", "(xxx)", move_task_activated);
  gtk_widget_class_install_action (widget_class, "board.add-card", "(xs)", add_card_activated);
  gtk_widget_class_install_action (widget_class, "board.drag-begin", "x", drag_begin_activated);
  gtk_widget_class_install_action (widget_class, "board.drag-end", NULL, drag_end_activated);
  gtk_widget_class_install_action (widget_class, BATON_TASK_ACTION_OPEN, "x", task_open_activated);
  gtk_widget_class_install_action (widget_class, BATON_TASK_ACTION_MOVE_TO_STAGE, "(xx)", task_action_activated);
  gtk_widget_class_install_action (widget_class, BATON_TASK_ACTION_REASSIGN, "(xx)", task_action_activated);
  gtk_widget_class_install_action (widget_class, BATON_TASK_ACTION_MOVE_TO_WEEK, "(xi)", task_action_activated);
  gtk_widget_class_install_action (widget_class, BATON_TASK_ACTION_WHO_HAS_ROOM, "x", who_has_room_activated);
  gtk_widget_class_install_action (widget_class, "task.move-left", "x", task_move_left_activated);
  gtk_widget_class_install_action (widget_class, "task.move-right", "x", task_move_right_activated);
  gtk_widget_class_install_action (widget_class, "task.move-up", "x", task_move_up_activated);
  gtk_widget_class_install_action (widget_class, "task.move-down", "x", task_move_down_activated);
  gtk_widget_class_install_action (widget_class, BATON_TASK_ACTION_ARCHIVE, "x", task_action_activated);
  gtk_widget_class_install_action (widget_class, BATON_TASK_ACTION_DELETE, "x", task_action_activated);
  gtk_widget_class_install_action (widget_class, "task.menu", "(xdd)", task_menu_activated);
}

void
_baton_board_view_actions_init (BatonBoardView *self)
{
  GtkEventController *motion = gtk_drop_controller_motion_new ();

  baton_edge_scroll_init (&self->edge_scroll, GTK_WIDGET (self->board_scroller), EDGE_ZONE, EDGE_SPEED);
  g_signal_connect (motion, "enter", G_CALLBACK (on_board_drag_motion), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_board_drag_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_board_drag_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->board_scroller), motion);

  self->task_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->task_menu), FALSE);
  gtk_widget_set_halign (self->task_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->task_menu, GTK_WIDGET (self));
  g_signal_connect_swapped (self->task_menu, "closed", G_CALLBACK (on_task_menu_closed), self);
}
