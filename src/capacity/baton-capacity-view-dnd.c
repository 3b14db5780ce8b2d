/* baton-capacity-view-dnd.c — dragging tasks across the capacity grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-capacity-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-capacity-view.h"
#include "baton-capacity-view-private.h"
#include "baton-drag-cancel.h"
#include "baton-duration.h"
#include "baton-task-chip.h"

/* Drag and drop ---------------------------------------------------------------------- */

/* Minutes the dragged task has in the week starting @week_start. */
static double
drag_minutes_in (BatonCapacityView *self,
                 guint32            week_start)
{
  if (self->drag_weeks == NULL)
    return 0;

  for (guint i = 0; i < self->drag_weeks->len; i++)
    if (g_array_index (self->drag_weeks, guint32, i) == week_start)
      return g_array_index (self->drag_minutes, double, i);

  return 0;
}

void
_baton_capacity_view_begin_drag_state (BatonCapacityView *self,
                                       BatonTask         *task,
                                       guint32            origin_week)
{
  g_set_object (&self->drag_task, task);

  if (self->drag_weeks == NULL)
    {
      self->drag_weeks = g_array_new (FALSE, FALSE, sizeof (guint32));
      self->drag_minutes = g_array_new (FALSE, FALSE, sizeof (double));
    }
  baton_capacity_spread_task (capacity_settings (self), task, self->drag_weeks, self->drag_minutes);

  /* A drag from elsewhere moves from the task's first week. */
  if (origin_week == 0 && self->drag_weeks->len > 0)
    origin_week = g_array_index (self->drag_weeks, guint32, 0);
  self->drag_origin_week = origin_week;

  baton_capacity_grid_set_highlight_role (self->grid, baton_task_get_role_id (task));
}

void
_baton_capacity_view_end_drag_state (BatonCapacityView *self)
{
  g_clear_weak_pointer (&self->drag);
  g_clear_weak_pointer (&self->drag_icon);
  self->icon_placed = FALSE;
  g_clear_object (&self->drag_task);
  self->drag_origin_week = 0;
  baton_capacity_grid_set_highlight_role (self->grid, 0);
  baton_capacity_grid_clear_preview (self->grid);
  baton_capacity_grid_autoscroll (self->grid, -1, -1);
}

typedef struct
{
  guint        row;
  gint         week;
  gboolean     change_person;
  BatonPerson *person;   /* NULL: unassign */
  gint         weeks;
} DropPlan;

/* What a drop of @task at (@x, @y) would do. FALSE when it would do
 * nothing or cannot land there. */
static gboolean
plan_drop (BatonCapacityView *self,
           BatonTask         *task,
           double             x,
           double             y,
           DropPlan          *plan)
{
  BatonCapacity *matrix = baton_capacity_grid_get_matrix (self->grid);
  BatonGridRowKind kind;

  memset (plan, 0, sizeof *plan);

  if (!baton_capacity_grid_pick (self->grid, x, y, &plan->row, &plan->week))
    return FALSE;

  kind = baton_capacity_grid_get_row_kind (self->grid, plan->row);
  switch (kind)
    {
    case BATON_GRID_ROW_PERSON:
      plan->person = baton_capacity_grid_get_row_person (self->grid, plan->row);
      plan->change_person = baton_task_get_assignee_id (task) != baton_record_get_id (BATON_RECORD (plan->person));
      break;
    case BATON_GRID_ROW_UNASSIGNED:
      if (baton_capacity_grid_get_row_role_id (self->grid, plan->row) != baton_task_get_role_id (task))
        return FALSE;
      plan->person = NULL;
      plan->change_person = baton_task_get_assignee_id (task) != 0;
      break;
    case BATON_GRID_ROW_ROLE:
    default:
      return FALSE;
    }

  if (plan->week >= 0 && self->drag_origin_week != 0)
    {
      gint64 target = baton_capacity_get_week_start (matrix, (guint) plan->week);

      plan->weeks = (gint) ((target - (gint64) self->drag_origin_week) / 7);
    }

  return plan->change_person || plan->weeks != 0;
}

/* What the drop @plan does to cell (@row, @week): the workload's
 * arithmetic (baton_workload_preview_move ()). */
static gboolean
preview_cell (BatonCapacityView *self,
              BatonTask         *task,
              guint              row,
              guint              week,
              const DropPlan    *plan,
              BatonCellChange   *change)
{
  BatonCapacity *matrix = baton_capacity_grid_get_matrix (self->grid);
  BatonPerson *person = NULL;
  gint64 role_id = 0;

  switch (baton_capacity_grid_get_row_kind (self->grid, row))
    {
    case BATON_GRID_ROW_PERSON:
      person = baton_capacity_grid_get_row_person (self->grid, row);
      break;
    case BATON_GRID_ROW_UNASSIGNED:
      role_id = baton_capacity_grid_get_row_role_id (self->grid, row);
      break;
    case BATON_GRID_ROW_ROLE:
    default:
      return FALSE;
    }

  return baton_workload_preview_move (self->workload, task,
                                      plan->person != NULL ? baton_record_get_id (BATON_RECORD (plan->person)) : 0,
                                      plan->weeks,
                                      person != NULL ? baton_record_get_id (BATON_RECORD (person)) : 0,
                                      role_id,
                                      baton_capacity_get_week_start (matrix, week),
                                      change);
}

static char *
describe_change (double before,
                 double after)
{
  g_autofree char *a = baton_duration_format_hours (before);
  g_autofree char *b = baton_duration_format_hours (after);

  /* Translators: a drop preview, load before → after in hours: "32 → 40 h" */
  return g_strdup_printf (_("%s → %s h"), a, b);
}

/* The cell the dragged task leaves: where it counts now, in the week the
 * drag started from. FALSE when that cell is not shown. */
static gboolean
find_source_cell (BatonCapacityView *self,
                  BatonTask         *task,
                  guint             *row,
                  guint             *week)
{
  BatonCapacity *matrix = baton_capacity_grid_get_matrix (self->grid);
  gint found_row, found_week;

  if (self->drag_origin_week == 0)
    return FALSE;

  found_week = baton_capacity_get_week_index (matrix, self->drag_origin_week);
  if (baton_task_get_assignee_id (task) != 0)
    found_row = baton_capacity_grid_find_person_row (self->grid, baton_task_get_assignee_id (task));
  else if (baton_task_get_role_id (task) != 0)
    found_row = baton_capacity_grid_find_unassigned_row (self->grid, baton_task_get_role_id (task));
  else
    found_row = -1;

  if (found_row < 0 || found_week < 0)
    return FALSE;

  *row = (guint) found_row;
  *week = (guint) found_week;
  return TRUE;
}

static void
update_preview (BatonCapacityView *self,
                BatonTask         *task,
                const DropPlan    *plan)
{
  BatonCellChange change;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  guint source_row, source_week;

  if (plan->week < 0 || !preview_cell (self, task, plan->row, (guint) plan->week, plan, &change))
    {
      baton_capacity_grid_clear_preview (self->grid);
      return;
    }

  if (plan->person == NULL)
    note = g_strdup (_("Unassigned"));
  else if (!change.role_ok)
    {
      BatonRole *role = baton_store_lookup_role (self->store, baton_task_get_role_id (task));

      /* Translators: a drop preview's warning; %s is a role */
      note = g_strdup_printf (_("Not a %s"), role ? baton_role_get_name (role) : "");
    }
  else if (change.over)
    note = g_strdup (_("Over capacity"));

  text = describe_change (change.before, change.after);
  baton_capacity_grid_set_preview (self->grid, plan->row, (guint) plan->week, text,
                                   plan->person != NULL && (!change.role_ok || change.over), note);

  /* The cell the task leaves, alongside: "46 → 16 h". */
  if (find_source_cell (self, task, &source_row, &source_week) &&
      (source_row != plan->row || (gint) source_week != plan->week) &&
      preview_cell (self, task, source_row, source_week, plan, &change))
    {
      g_autofree char *source_text = describe_change (change.before, change.after);

      baton_capacity_grid_set_source_preview (self->grid, (gint) source_row, (gint) source_week, source_text);
    }
  else
    baton_capacity_grid_set_source_preview (self->grid, -1, -1, NULL);
}

/* The drag's chip ---------------------------------------------------------------------- */

static gboolean
rects_overlap (const GdkRectangle *a,
               const GdkRectangle *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Where the chip goes for a pointer at (@x, @y) over the grid: off the
 * target cell and the source cell, so both previews stay readable — below
 * the target, else above it, else beside it; without a target, just below
 * and right of the pointer. Grid coordinates. */
static void
place_icon_rect (BatonCapacityView  *self,
                 double              x,
                 double              y,
                 int                 width,
                 int                 height,
                 const GdkRectangle *target,
                 const GdkRectangle *source,
                 GdkRectangle       *out)
{
  int grid_height = gtk_widget_get_height (GTK_WIDGET (self->grid));
  int left = (int) x - 12;
  GdkRectangle candidates[4];

  if (target == NULL)
    {
      *out = (GdkRectangle) { (int) x + 16, (int) y + 20, width, height };
      return;
    }

  candidates[0] = (GdkRectangle) { left, target->y + target->height + ICON_GAP, width, height };
  candidates[1] = (GdkRectangle) { left, target->y - height - ICON_GAP, width, height };
  candidates[2] = (GdkRectangle) { target->x + target->width + ICON_GAP, (int) y - height / 2, width, height };
  candidates[3] = (GdkRectangle) { target->x - width - ICON_GAP, (int) y - height / 2, width, height };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const GdkRectangle *c = &candidates[i];

      /* Below and above: only when the chip stays within the grid. */
      if ((i == 0 && c->y + c->height > grid_height) || (i == 1 && c->y < 0))
        continue;
      if (source != NULL && rects_overlap (c, source))
        continue;

      *out = *c;
      return;
    }

  *out = candidates[0];
}

/* Moves the chip of the drag under way for a pointer at (@x, @y). */
static void
place_drag_icon (BatonCapacityView *self,
                 double             x,
                 double             y,
                 const DropPlan    *plan)
{
  GdkRectangle target_rect, source_rect;
  gboolean has_target = FALSE, has_source = FALSE;
  int width = 0, height = 0;
  guint source_row, source_week;

  if (self->drag_icon == NULL)
    return;

  gtk_widget_measure (self->drag_icon, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (self->drag_icon, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);

  if (plan != NULL && plan->week >= 0)
    has_target = baton_capacity_grid_get_cell_rect (self->grid, plan->row, plan->week, &target_rect);
  if (baton_capacity_grid_get_source_preview_text (self->grid, &source_row, &source_week) != NULL)
    has_source = baton_capacity_grid_get_cell_rect (self->grid, source_row, (gint) source_week, &source_rect);

  place_icon_rect (self, x, y, width, height,
                   has_target ? &target_rect : NULL, has_source ? &source_rect : NULL,
                   &self->icon_rect);
  self->icon_placed = TRUE;

  /* The hotspot is the point of the chip kept under the pointer. */
  if (self->drag != NULL)
    gdk_drag_set_hotspot (self->drag, (int) x - self->icon_rect.x, (int) y - self->icon_rect.y);
}

/* A chip of the task as the drag's icon: role color, title, its hours in
 * the week it leaves. */
void
_baton_capacity_view_set_drag_icon (BatonCapacityView *self,
                                    GdkDrag           *drag)
{
  GtkWidget *icon, *chip;
  BatonRole *role = NULL;
  double minutes;

  if (self->drag_task == NULL)
    return;

  if (baton_task_get_role_id (self->drag_task) != 0)
    role = baton_store_lookup_role (self->store, baton_task_get_role_id (self->drag_task));
  minutes = drag_minutes_in (self, self->drag_origin_week);
  if (minutes <= 0)
    minutes = baton_task_get_estimate_minutes (self->drag_task);

  chip = baton_task_chip_new (self->drag_task, role, minutes);
  icon = gtk_drag_icon_get_for_drag (drag);
  gtk_drag_icon_set_child (GTK_DRAG_ICON (icon), chip);

  g_set_weak_pointer (&self->drag, drag);
  g_set_weak_pointer (&self->drag_icon, chip);
  self->icon_placed = FALSE;

  /* Below and right of the pointer until it hovers a cell. */
  gdk_drag_set_hotspot (drag, -16, -20);
}

static BatonTask *
drop_task (BatonCapacityView *self,
           GtkDropTarget     *target)
{
  const GValue *value = gtk_drop_target_get_value (target);

  if (value != NULL && G_VALUE_HOLDS (value, BATON_TYPE_TASK) && g_value_get_object (value) != NULL)
    {
      BatonTask *task = g_value_get_object (value);

      if (task != self->drag_task)
        _baton_capacity_view_begin_drag_state (self, task, 0);
    }

  return self->drag_task;
}

static GdkDragAction
on_drop_motion (GtkDropTarget     *target,
                double             x,
                double             y,
                BatonCapacityView *self)
{
  BatonTask *task;
  DropPlan plan;

  /* A drag cancelled with Escape that GTK still moves around. */
  if (baton_drop_target_is_cancelled (target))
    {
      baton_capacity_grid_clear_preview (self->grid);
      baton_capacity_grid_autoscroll (self->grid, -1, -1);
      return 0;
    }

  task = drop_task (self, target);
  baton_capacity_grid_autoscroll (self->grid, x, y);

  if (task == NULL)
    return 0;

  baton_capacity_grid_set_highlight_role (self->grid, baton_task_get_role_id (task));

  if (!plan_drop (self, task, x, y, &plan))
    {
      baton_capacity_grid_clear_preview (self->grid);
      place_drag_icon (self, x, y, NULL);
      return 0;
    }

  update_preview (self, task, &plan);
  place_drag_icon (self, x, y, &plan);
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget     *target,
               BatonCapacityView *self)
{
  baton_capacity_grid_clear_preview (self->grid);
  baton_capacity_grid_autoscroll (self->grid, -1, -1);
}

/* The keyboard goes on from @ref's cell (when the view is on show: a
 * change undone from another view leaves the focus there). */
static void
focus_cell_ref (BatonCapacityView *self,
                const CellRef     *ref)
{
  guint32 first = baton_capacity_grid_get_first_week (self->grid);
  guint n_weeks = baton_capacity_grid_get_n_weeks (self->grid);
  gint row;
  gint week;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || ref->week_start < first)
    return;

  row = ref->person_id != 0 ? baton_capacity_grid_find_person_row (self->grid, ref->person_id)
                            : baton_capacity_grid_find_unassigned_row (self->grid, ref->role_id);
  week = (gint) ((ref->week_start - first) / 7);
  if (row < 0 || week >= (gint) n_weeks)
    return;

  baton_capacity_grid_set_focus_cell (self->grid, (guint) row, week);
  gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

/* Undo or Redo of the last drop: the focus follows the task. */
void
_baton_capacity_view_on_history_changed (BatonCapacityView *self)
{
  BatonHistory *history = baton_store_get_history (self->store);
  gconstpointer undo_top = baton_history_peek_undo (history);
  gconstpointer redo_top = baton_history_peek_redo (history);
  gboolean undone = redo_top != NULL && redo_top == self->undo_top;
  gboolean redone = undo_top != NULL && undo_top == self->redo_top;

  if (undo_top == self->undo_top && redo_top == self->redo_top)
    return;
  self->undo_top = undo_top;
  self->redo_top = redo_top;

  if (self->drop_change == NULL)
    return;
  if (undone && redo_top == self->drop_change)
    focus_cell_ref (self, &self->drop_from);
  else if (redone && undo_top == self->drop_change)
    focus_cell_ref (self, &self->drop_to);
}

static gboolean
on_drop (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         BatonCapacityView *self)
{
  BatonTask *task;
  DropPlan plan;
  gboolean done = FALSE;

  if (!G_VALUE_HOLDS (value, BATON_TYPE_TASK) || (task = g_value_get_object (value)) == NULL)
    return FALSE;

  /* Escape cancelled it, whatever the mouse release says. */
  if (baton_drop_target_is_cancelled (target))
    {
      _baton_capacity_view_end_drag_state (self);
      return FALSE;
    }

  /* The store may have reloaded since the drag began: use its object. */
  task = baton_store_lookup_task (self->store, baton_record_get_id (BATON_RECORD (task)));
  if (task == NULL)
    return FALSE;

  if (task != self->drag_task)
    _baton_capacity_view_begin_drag_state (self, task, self->drag_task != NULL ? self->drag_origin_week : 0);

  if (plan_drop (self, task, x, y, &plan))
    {
      CellRef from = {
        baton_task_get_assignee_id (task), baton_task_get_role_id (task), self->drag_origin_week,
      };
      CellRef to = {
        plan.person != NULL ? baton_record_get_id (BATON_RECORD (plan.person)) : 0,
        baton_task_get_role_id (task),
        baton_capacity_grid_get_first_week (self->grid) + 7 * (guint32) MAX (plan.week, 0),
      };

      done = _baton_capacity_view_move_task (self, task, plan.change_person, plan.person, plan.weeks);
      if (done)
        {
          self->drop_change = baton_history_peek_undo (baton_store_get_history (self->store));
          self->drop_from = from;
          self->drop_to = to;
          focus_cell_ref (self, &to);
        }
    }

  baton_capacity_grid_clear_preview (self->grid);
  baton_capacity_grid_set_highlight_role (self->grid, 0);
  baton_capacity_grid_autoscroll (self->grid, -1, -1);

  return done;
}

/* The largest task of the cell under (@x, @y), and the week it is in. */
static BatonTask *
task_at (BatonCapacityView *self,
         double             x,
         double             y,
         guint32           *week_start)
{
  BatonCapacity *matrix = baton_capacity_grid_get_matrix (self->grid);
  GArray *shares = NULL;
  BatonTask *best = NULL;
  double best_minutes = -1;
  guint row;
  gint week;

  if (!baton_capacity_grid_pick (self->grid, x, y, &row, &week) || week < 0)
    return NULL;

  switch (baton_capacity_grid_get_row_kind (self->grid, row))
    {
    case BATON_GRID_ROW_PERSON:
      shares = baton_capacity_get_shares (matrix, baton_capacity_grid_get_row_matrix_row (self->grid, row),
                                          (guint) week);
      break;
    case BATON_GRID_ROW_UNASSIGNED:
      shares = baton_capacity_get_unassigned_shares (matrix, baton_capacity_grid_get_row_role_id (self->grid, row),
                                                     (guint) week);
      break;
    case BATON_GRID_ROW_ROLE:
    default:
      return NULL;
    }

  for (guint i = 0; shares != NULL && i < shares->len; i++)
    {
      const BatonCapacityShare *share = &g_array_index (shares, BatonCapacityShare, i);

      if (share->minutes > best_minutes)
        {
          best = share->task;
          best_minutes = share->minutes;
        }
    }

  *week_start = baton_capacity_get_week_start (matrix, (guint) week);
  return best;
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource     *source,
                 double             x,
                 double             y,
                 BatonCapacityView *self)
{
  guint32 week_start = 0;
  BatonTask *task;

  /* A workspace that cannot be written: nothing to move. */
  if (baton_store_get_read_only (self->store))
    return NULL;

  task = task_at (self, x, y, &week_start);
  if (task == NULL)
    return NULL;

  _baton_capacity_view_begin_drag_state (self, task, week_start);

  return gdk_content_provider_new_typed (BATON_TYPE_TASK, task);
}

static void
on_drag_begin (GtkDragSource     *source,
               GdkDrag           *drag,
               BatonCapacityView *self)
{
  if (self->drag_task == NULL)
    return;

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  _baton_capacity_view_set_drag_icon (self, drag);
  baton_drag_cancel_on_escape (source, drag);
}

static void
on_drag_end (GtkDragSource     *source,
             GdkDrag           *drag,
             gboolean           delete_data,
             BatonCapacityView *self)
{
  _baton_capacity_view_end_drag_state (self);
}

void
_baton_capacity_view_setup_dnd (BatonCapacityView *self)
{
  /* One drag source for the cells (the largest task of the cell)… */
  self->drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (self->drag_source, GDK_ACTION_MOVE);
  g_signal_connect (self->drag_source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (self->drag_source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (self->drag_source, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self->grid), GTK_EVENT_CONTROLLER (g_object_ref (self->drag_source)));

  /* …and one drop target for the whole grid. */
  self->drop_target = gtk_drop_target_new (BATON_TYPE_TASK, GDK_ACTION_MOVE);
  gtk_drop_target_set_preload (self->drop_target, TRUE);
  g_signal_connect (self->drop_target, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (self->drop_target, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->grid), GTK_EVENT_CONTROLLER (g_object_ref (self->drop_target)));
}

/* Test access ---------------------------------------------------------------------- */

GtkDragSource *
baton_capacity_view_get_drag_source (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->drag_source;
}

GtkDropTarget *
baton_capacity_view_get_drop_target (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->drop_target;
}

GtkWidget *
baton_capacity_view_get_drag_icon (BatonCapacityView *self,
                                   GdkRectangle      *rect)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  if (self->drag_icon == NULL)
    return NULL;

  if (rect != NULL)
    {
      if (self->icon_placed)
        *rect = self->icon_rect;
      else
        *rect = (GdkRectangle) { 0, 0, 0, 0 };
    }

  return self->drag_icon;
}

gboolean
baton_capacity_view_get_cell_point (BatonCapacityView *self,
                                    gint64             person_id,
                                    gint64             role_id,
                                    gint               week,
                                    double            *x,
                                    double            *y)
{
  GdkRectangle rect;
  gint row;

  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), FALSE);

  row = person_id != 0 ? baton_capacity_grid_find_person_row (self->grid, person_id)
                       : baton_capacity_grid_find_unassigned_row (self->grid, role_id);
  if (row < 0)
    return FALSE;

  baton_capacity_grid_scroll_to_cell (self->grid, (guint) row, week);
  if (!baton_capacity_grid_get_cell_rect (self->grid, (guint) row, week, &rect))
    return FALSE;

  *x = rect.x + rect.width / 2.0;
  *y = rect.y + rect.height / 2.0;
  return TRUE;
}

