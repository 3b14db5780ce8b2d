/* baton-cell-popover.c — the tasks behind a capacity cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opened by a click or Enter on a cell. Lists the cell's tasks, largest
 * first: title, program, hours in that week. Each row is a drag source of
 * its BatonTask and has a menu button whose menu (built by the view when
 * it opens) reassigns, moves to another week or asks who has room — the
 * keyboard path of every drag.
 */

#define G_LOG_DOMAIN "baton-cell-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-accessible.h"
#include "baton-cell-popover.h"
#include "baton-cell-task-row.h"
#include "baton-drag-cancel.h"
#include "baton-duration.h"

struct _BatonCellPopover
{
  GtkPopover         parent_instance;

  /* Children */
  GtkLabel          *title;
  GtkLabel          *subtitle;
  GtkLabel          *status;
  GtkListBox        *list;
  GtkWidget         *scroller;
  GtkLabel          *empty;
  GtkLabel          *hint;
  GtkButton         *rebalance;

  /* Owned references */
  BatonStore        *store;
  GPtrArray         *tasks;          /* BatonTask, as listed */
  GPtrArray         *drag_sources;   /* GtkDragSource, per row */
  BatonTask         *drag_task;      /* the task of the drag under way */

  BatonCellMenuFunc  menu_func;
  gpointer           menu_data;
};

enum {
  TASK_DRAG_PREPARE,
  TASK_DRAG_BEGIN,
  TASK_DRAG_END,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BatonCellPopover, baton_cell_popover, GTK_TYPE_POPOVER)

static gint
compare_shares (gconstpointer a,
                gconstpointer b)
{
  const BatonCapacityShare *sa = a;
  const BatonCapacityShare *sb = b;

  if (sa->minutes > sb->minutes)
    return -1;
  if (sa->minutes < sb->minutes)
    return 1;
  return g_utf8_collate (baton_task_get_title (sa->task), baton_task_get_title (sb->task));
}

static BatonTask *
task_of_source (GtkDragSource *source)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  return BATON_IS_CELL_TASK_ROW (row) ? baton_cell_task_row_get_task (BATON_CELL_TASK_ROW (row)) : NULL;
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource    *source,
                 double            x,
                 double            y,
                 BatonCellPopover *self)
{
  BatonTask *task = task_of_source (source);

  /* A workspace that cannot be written: nothing to move. */
  if (task == NULL || baton_store_get_read_only (self->store))
    return NULL;

  g_signal_emit (self, signals[TASK_DRAG_PREPARE], 0, task);

  return gdk_content_provider_new_typed (BATON_TYPE_TASK, task);
}

static void
on_drag_begin (GtkDragSource    *source,
               GdkDrag          *drag,
               BatonCellPopover *self)
{
  BatonTask *task = task_of_source (source);

  /* The row may go before the drag ends (the popover is refilled, the
   * window closes): the popover keeps the task until then. */
  g_set_object (&self->drag_task, task);

  /* The view sets the drag's icon (a chip of the task: the row itself goes
   * with the popover), Escape cancels. */
  baton_drag_cancel_on_escape (source, drag);
  g_signal_emit (self, signals[TASK_DRAG_BEGIN], 0, task, drag);
}

static void
on_drag_end (GtkDragSource    *source,
             GdkDrag          *drag,
             gboolean          delete_data,
             BatonCellPopover *self)
{
  g_autoptr(BatonTask) task = g_steal_pointer (&self->drag_task);

  g_signal_emit (self, signals[TASK_DRAG_END], 0, task);
}

static GMenuModel *
build_menu (BatonCellPopover *self,
            BatonTask        *task)
{
  if (self->menu_func == NULL || task == NULL)
    return NULL;

  return self->menu_func (task, self->menu_data);
}

static void
on_create_popup (GtkMenuButton *button,
                 gpointer       user_data)
{
  BatonCellPopover *self = user_data;
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), BATON_TYPE_CELL_TASK_ROW);
  g_autoptr(GMenuModel) menu = build_menu (self, baton_cell_task_row_get_task (BATON_CELL_TASK_ROW (row)));

  gtk_menu_button_set_menu_model (button, menu);
}

static void
on_row_activated (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  BatonCellPopover *self)
{
  if (BATON_IS_CELL_TASK_ROW (row))
    gtk_menu_button_popup (baton_cell_task_row_get_menu_button (BATON_CELL_TASK_ROW (row)));
}

static GtkWidget *
create_row (BatonCellPopover         *self,
            const BatonCapacityShare *share)
{
  BatonTask *task = share->task;
  BatonProgram *program = NULL;
  GtkWidget *row;
  GtkDragSource *source;

  if (baton_task_get_program_id (task) != 0)
    program = baton_store_lookup_program (self->store, baton_task_get_program_id (task));

  row = baton_cell_task_row_new (task, program, share->minutes);
  gtk_menu_button_set_create_popup_func (baton_cell_task_row_get_menu_button (BATON_CELL_TASK_ROW (row)),
                                         on_create_popup, self, NULL);

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  /* The drag outlives the popover when the window closes mid-drag. */
  g_signal_connect_object (source, "prepare", G_CALLBACK (on_drag_prepare), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (on_drag_begin), self, 0);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (on_drag_end), self, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_ptr_array_add (self->drag_sources, source);

  return row;
}

void
baton_cell_popover_set_cell (BatonCellPopover *self,
                             const char       *title,
                             const char       *subtitle,
                             const char       *status,
                             gboolean          status_is_warning,
                             GArray           *shares)
{
  g_autoptr(GArray) sorted = NULL;
  GtkWidget *child;

  g_return_if_fail (BATON_IS_CELL_POPOVER (self));

  gtk_label_set_text (self->title, title != NULL ? title : "");
  gtk_label_set_text (self->subtitle, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle), subtitle != NULL && subtitle[0] != '\0');
  gtk_label_set_text (self->status, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status), status != NULL && status[0] != '\0');
  if (status_is_warning)
    gtk_widget_add_css_class (GTK_WIDGET (self->status), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status), "error");

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->tasks, 0);
  g_ptr_array_set_size (self->drag_sources, 0);

  sorted = g_array_new (FALSE, FALSE, sizeof (BatonCapacityShare));
  if (shares != NULL)
    g_array_append_vals (sorted, shares->data, shares->len);
  g_array_sort (sorted, compare_shares);

  for (guint i = 0; i < sorted->len; i++)
    {
      const BatonCapacityShare *share = &g_array_index (sorted, BatonCapacityShare, i);

      gtk_list_box_append (self->list, create_row (self, share));
      g_ptr_array_add (self->tasks, g_object_ref (share->task));
    }

  gtk_widget_set_visible (self->scroller, sorted->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->hint), sorted->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty), sorted->len == 0);
}

guint
baton_cell_popover_get_n_tasks (BatonCellPopover *self)
{
  g_return_val_if_fail (BATON_IS_CELL_POPOVER (self), 0);

  return self->tasks->len;
}

BatonTask *
baton_cell_popover_get_task (BatonCellPopover *self,
                             guint             index)
{
  g_return_val_if_fail (BATON_IS_CELL_POPOVER (self), NULL);
  g_return_val_if_fail (index < self->tasks->len, NULL);

  return g_ptr_array_index (self->tasks, index);
}

GtkDragSource *
baton_cell_popover_get_drag_source (BatonCellPopover *self,
                                    guint             index)
{
  g_return_val_if_fail (BATON_IS_CELL_POPOVER (self), NULL);
  g_return_val_if_fail (index < self->drag_sources->len, NULL);

  return g_ptr_array_index (self->drag_sources, index);
}

void
baton_cell_popover_set_menu_func (BatonCellPopover  *self,
                                  BatonCellMenuFunc  func,
                                  gpointer           user_data)
{
  g_return_if_fail (BATON_IS_CELL_POPOVER (self));

  self->menu_func = func;
  self->menu_data = user_data;
}

static void
baton_cell_popover_dispose (GObject *object)
{
  BatonCellPopover *self = BATON_CELL_POPOVER (object);

  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_pointer (&self->drag_sources, g_ptr_array_unref);
  g_clear_object (&self->drag_task);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_cell_popover_parent_class)->dispose (object);
}

static void
baton_cell_popover_class_init (BatonCellPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baton_cell_popover_dispose;

  signals[TASK_DRAG_PREPARE] =
    g_signal_new ("task-drag-prepare", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BATON_TYPE_TASK);
  signals[TASK_DRAG_BEGIN] =
    g_signal_new ("task-drag-begin", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, BATON_TYPE_TASK, GDK_TYPE_DRAG);
  signals[TASK_DRAG_END] =
    g_signal_new ("task-drag-end", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BATON_TYPE_TASK);
}

static void
baton_cell_popover_init (BatonCellPopover *self)
{
  GtkWidget *box, *header;

  self->tasks = g_ptr_array_new_with_free_func (g_object_unref);
  self->drag_sources = g_ptr_array_new ();

  gtk_widget_add_css_class (GTK_WIDGET (self), "capacity-cell-popover");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_size_request (box, 340, -1);
  gtk_popover_set_child (GTK_POPOVER (self), box);

  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (box), header);

  self->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->title, 0);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->title), "title-4");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title));

  self->subtitle = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->subtitle, 0);
  gtk_label_set_wrap (self->subtitle, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->subtitle));

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status, 0);
  gtk_label_set_wrap (self->status, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "heading");
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->status));

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scroller), 360);
  gtk_box_append (GTK_BOX (box), self->scroller);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tasks this week"),
                                  -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));

  self->empty = GTK_LABEL (gtk_label_new (_("No tasks this week")));
  gtk_widget_add_css_class (GTK_WIDGET (self->empty), "dim-label");
  gtk_widget_set_margin_top (GTK_WIDGET (self->empty), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->empty), 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->empty));

  self->hint = GTK_LABEL (gtk_label_new (_("Drag a task onto another person or week, or use its menu.")));
  gtk_label_set_wrap (self->hint, TRUE);
  gtk_label_set_xalign (self->hint, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->hint), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->hint), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->hint));

  /* An over-capacity cell: ask for the moves that would relieve it. */
  self->rebalance = GTK_BUTTON (gtk_button_new_with_mnemonic (_("Re_balance…")));
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->rebalance), "x", (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->rebalance), "capacity.rebalance-person");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rebalance), _("Propose Moves That Take This Person Back Under Capacity"));
  gtk_widget_set_halign (GTK_WIDGET (self->rebalance), GTK_ALIGN_START);
  gtk_widget_set_visible (GTK_WIDGET (self->rebalance), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->rebalance));
  /* GTK 4.8 reads mnemonics out in accessible names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (GTK_WIDGET (self->rebalance));
}

void
baton_cell_popover_set_rebalance_person (BatonCellPopover *self,
                                         gint64            person_id)
{
  g_return_if_fail (BATON_IS_CELL_POPOVER (self));

  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->rebalance), "x", person_id);
  gtk_widget_set_visible (GTK_WIDGET (self->rebalance), person_id != 0);
}

GtkWidget *
baton_cell_popover_new (BatonStore *store)
{
  BatonCellPopover *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  self = g_object_new (BATON_TYPE_CELL_POPOVER, NULL);
  self->store = g_object_ref (store);

  return GTK_WIDGET (self);
}
