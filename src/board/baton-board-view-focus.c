/* baton-board-view-focus.c — the focus follows the card a person acts on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-board-view"

#include "config.h"

#include "baton-board-card.h"
#include "baton-board-view-private.h"

/* Focus ------------------------------------------------------------------------------- */

/* The focus follows the card a person acts on: after a keyboard move, an
 * undo or redo, or a menu closed with Escape, it is on that card wherever
 * the card went (columns recycle card widgets, and a card that changed
 * column has a new one). It is taken back only from where it was lost: a
 * card of the board, a container, an insensitive button, a toast, or
 * nowhere — never from a field a person went to. */

static gboolean
is_in_toast (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
      return TRUE;

  return FALSE;
}

static gboolean
focus_may_move (BatonBoardView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (root == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;

  return focus == NULL || !gtk_widget_is_sensitive (focus) || !gtk_widget_get_mapped (focus) ||
         is_in_toast (focus) ||
         (gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) &&
          (BATON_IS_BOARD_CARD (focus) || !gtk_widget_get_focusable (focus)));
}

/* Scrolls the board so that all of @column is in view (with the space
 * around it), as little as needed. Positions come from the last layout,
 * in the adjustment's coordinates, so that asking twice before the next
 * layout scrolls once. */
static void
scroll_to_column (BatonBoardView   *self,
                  BatonBoardColumn *column)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->board_scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->board_scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  GtkAllocation content;
  graphene_rect_t bounds;
  double left, right;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (column), viewport, &bounds) || bounds.size.width <= 0)
    return;

  /* The viewport places the columns at minus the value it had then. */
  gtk_widget_get_allocation (self->columns_box, &content);
  left = bounds.origin.x - content.x - BATON_BOARD_COLUMN_SPACING;
  right = bounds.origin.x - content.x + bounds.size.width + BATON_BOARD_COLUMN_SPACING;

  if (left < value || right - left > page)
    gtk_adjustment_set_value (adjustment, left);
  else if (right > value + page)
    gtk_adjustment_set_value (adjustment, right - page);
}

/* Has the card showing @task in its stage's column the focus? (The card
 * it had in another column, until it is recycled, does not count.) */
static gboolean
is_focused_card_of (BatonBoardView *self,
                    BatonTask      *task)
{
  BatonBoardColumn *column = _baton_board_view_column_for_stage_id (self, baton_task_get_stage_id (task));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return column != NULL && focus != NULL && baton_board_column_get_card (column, task) == focus;
}

/* Gives @task's card the focus and scrolls it into view (a card that has
 * it already, when it moved). */
gboolean
_baton_board_view_focus_card_of (BatonBoardView *self,
                                 BatonTask      *task)
{
  BatonBoardColumn *column = _baton_board_view_column_for_stage_id (self, baton_task_get_stage_id (task));

  if (column == NULL)
    return FALSE;

  if (is_focused_card_of (self, task))
    {
      guint index = baton_board_column_get_index (column, task);

      if (index != G_MAXUINT)
        baton_board_column_scroll_to_index (column, index);
    }
  else if (!baton_board_column_focus_task (column, task))
    return FALSE;

  scroll_to_column (self, column);
  return TRUE;
}

/* After a change: the focused card's task keeps the focus; a card that
 * left the board gives it to the card that took its place. */
void
_baton_board_view_keep_focus (BatonBoardView *self)
{
  BatonBoardColumn *column;
  guint n;

  if (self->focus_task == NULL || !focus_may_move (self) || is_focused_card_of (self, self->focus_task))
    return;

  if (baton_store_lookup_task (self->store, baton_record_get_id (BATON_RECORD (self->focus_task))) == self->focus_task &&
      _baton_board_view_focus_card_of (self, self->focus_task))
    return;

  column = _baton_board_view_column_for_stage_id (self, self->focus_stage_id);
  if (column == NULL || (n = g_list_model_get_n_items (baton_board_column_get_model (column))) == 0)
    return;
  baton_board_column_focus_index (column, MIN (self->focus_index, n - 1));
}

void
_baton_board_view_on_focus_widget_changed (BatonBoardView *self)
{
  GtkWidget *focus = self->focus_root != NULL ? gtk_root_get_focus (self->focus_root) : NULL;

  /* Lost (its card was recycled, a dialog closed): remembered as it was. */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;

  if (BATON_IS_BOARD_CARD (focus) && baton_board_card_get_task (BATON_BOARD_CARD (focus)) != NULL)
    {
      BatonTask *task = baton_board_card_get_task (BATON_BOARD_CARD (focus));
      BatonBoardColumn *column = _baton_board_view_column_for_stage_id (self, baton_task_get_stage_id (task));

      g_set_object (&self->focus_task, task);
      self->focus_stage_id = baton_task_get_stage_id (task);
      self->focus_index = column != NULL ? baton_board_column_get_index (column, task) : 0;
      if (self->focus_index == G_MAXUINT)
        self->focus_index = 0;
    }
  else if (gtk_widget_get_focusable (focus))
    g_clear_object (&self->focus_task);
}

/* The first task a change touches, or @preferred if it touches that. */
static BatonTask *
task_of_change (BatonBoardView *self,
                BatonChange    *change,
                BatonTask      *preferred)
{
  BatonTask *first = NULL;

  for (guint i = 0; i < baton_change_get_n_ops (change); i++)
    {
      BatonOp *op = baton_change_get_op (change, i);
      BatonTask *task;

      if (g_strcmp0 (op->schema->table, "tasks") != 0)
        continue;
      task = baton_store_lookup_task (self->store, op->id);
      if (task == NULL)
        continue;
      if (task == preferred)
        return task;
      if (first == NULL)
        first = task;
    }

  return first;
}

/* Undo and redo act on a change: the focus goes to the card it touched. */
void
_baton_board_view_focus_change (BatonBoardView *self,
                                BatonChange    *acted)
{
  BatonTask *task = task_of_change (self, acted, self->focus_task);

  if (task != NULL && focus_may_move (self) && _baton_board_view_focus_card_of (self, task))
    g_set_object (&self->focus_task, task);
}
