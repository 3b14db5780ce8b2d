/* baton-stage-tasks.c — the tasks of one stage, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A board column filters and sorts the tasks of its own stage only, not
 * every task of the workspace: BatonBoardTasks sorts each task into the
 * BatonStageTasks of its stage and moves it when its stage changes. Items
 * are kept in id order, so finding one is a binary search.
 */

#define G_LOG_DOMAIN "baton-stage-tasks"

#include "config.h"

#include "baton-stage-tasks.h"

struct _BatonStageTasks
{
  GObject    parent_instance;

  gint64     stage_id;
  GPtrArray *items;   /* BatonTask, owned, by id */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BatonStageTasks, baton_stage_tasks, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return BATON_TYPE_TASK;
}

static guint
get_n_items (GListModel *model)
{
  return BATON_STAGE_TASKS (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BatonStageTasks *self = BATON_STAGE_TASKS (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Where @task is, or where it would go, by id. */
static guint
lower_bound (BatonStageTasks *self,
             BatonTask       *task,
             gboolean        *found)
{
  gint64 id = baton_record_get_id (BATON_RECORD (task));
  guint lo = 0, hi = self->items->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (baton_record_get_id (g_ptr_array_index (self->items, mid)) < id)
        lo = mid + 1;
      else
        hi = mid;
    }

  *found = lo < self->items->len && g_ptr_array_index (self->items, lo) == (gpointer) task;
  return lo;
}

void
baton_stage_tasks_add (BatonStageTasks *self,
                       BatonTask       *task)
{
  gboolean found;
  guint position;

  g_return_if_fail (BATON_IS_STAGE_TASKS (self));

  position = lower_bound (self, task, &found);
  if (found)
    return;

  g_ptr_array_insert (self->items, position, g_object_ref (task));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

void
baton_stage_tasks_remove (BatonStageTasks *self,
                          BatonTask       *task)
{
  gboolean found;
  guint position;

  g_return_if_fail (BATON_IS_STAGE_TASKS (self));

  position = lower_bound (self, task, &found);
  if (!found && !g_ptr_array_find (self->items, task, &position))
    return;

  g_ptr_array_remove_index (self->items, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
}

void
baton_stage_tasks_changed (BatonStageTasks *self,
                           BatonTask       *task)
{
  gboolean found;
  guint position;

  g_return_if_fail (BATON_IS_STAGE_TASKS (self));

  position = lower_bound (self, task, &found);
  if (!found && !g_ptr_array_find (self->items, task, &position))
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}

void
baton_stage_tasks_reset (BatonStageTasks *self,
                         GPtrArray       *tasks)
{
  guint removed;

  g_return_if_fail (BATON_IS_STAGE_TASKS (self));

  removed = self->items->len;
  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < tasks->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (tasks, i)));

  if (removed > 0 || tasks->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, tasks->len);
}

guint
baton_stage_tasks_count_active (BatonStageTasks *self)
{
  guint n = 0;

  g_return_val_if_fail (BATON_IS_STAGE_TASKS (self), 0);

  for (guint i = 0; i < self->items->len; i++)
    n += baton_task_get_archived (g_ptr_array_index (self->items, i)) ? 0 : 1;

  return n;
}

gint64
baton_stage_tasks_get_stage_id (BatonStageTasks *self)
{
  g_return_val_if_fail (BATON_IS_STAGE_TASKS (self), 0);

  return self->stage_id;
}

static void
baton_stage_tasks_finalize (GObject *object)
{
  BatonStageTasks *self = BATON_STAGE_TASKS (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (baton_stage_tasks_parent_class)->finalize (object);
}

static void
baton_stage_tasks_class_init (BatonStageTasksClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = baton_stage_tasks_finalize;
}

static void
baton_stage_tasks_init (BatonStageTasks *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

BatonStageTasks *
baton_stage_tasks_new (gint64 stage_id)
{
  BatonStageTasks *self = g_object_new (BATON_TYPE_STAGE_TASKS, NULL);

  self->stage_id = stage_id;
  return self;
}
