/* baton-board-tasks.c — the store's tasks, with a signal per changed task
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GListModel that mirrors the store's task list (same items, same
 * order), and sorts the tasks into one BatonStageTasks per stage. Once a
 * store change is applied, every task whose properties changed is moved to
 * its new stage's list, or reported to its list as changed (items-changed
 * with 1 removed, 1 added). The filter and sort models of a board column
 * sit on its stage's list, so a card that moves is re-filtered and
 * re-sorted alone, in the two columns concerned: the cost of a move does
 * not grow with the size of the board.
 */

#define G_LOG_DOMAIN "baton-board-tasks"

#include "config.h"

#include "baton-board-tasks.h"
#include "baton-stage-tasks.h"

/* More rows than this in one source change: rebuild the stage lists. */
#define BULK_CHANGE 64

struct _BatonBoardTasks
{
  GObject     parent_instance;

  BatonStore *store;
  GListModel *source;
  GPtrArray  *items;   /* BatonTask, owned, in the source's order (by id) */
  GHashTable *dirty;   /* BatonTask set, borrowed from items */
  GHashTable *stage_of; /* BatonTask (borrowed) → stage id it is filed under */
  GHashTable *stages;   /* stage id → BatonStageTasks (owned) */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BatonBoardTasks, baton_board_tasks, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return BATON_TYPE_TASK;
}

static guint
get_n_items (GListModel *model)
{
  return BATON_BOARD_TASKS (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BatonBoardTasks *self = BATON_BOARD_TASKS (model);

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

static void
on_task_notify (BatonTask       *task,
                GParamSpec      *pspec,
                BatonBoardTasks *self)
{
  g_hash_table_add (self->dirty, task);
}

static gpointer
stage_key (gint64 stage_id)
{
  return GSIZE_TO_POINTER ((gsize) stage_id);
}

static BatonStageTasks *
stage_list (BatonBoardTasks *self,
            gint64           stage_id)
{
  return g_hash_table_lookup (self->stages, stage_key (stage_id));
}

/* Every stage list again from the mirror: one items-changed per list. */
static void
rebuild_stages (BatonBoardTasks *self)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_remove_all (self->stage_of);
  for (guint i = 0; i < self->items->len; i++)
    {
      BatonTask *task = g_ptr_array_index (self->items, i);
      gint64 stage_id = baton_task_get_stage_id (task);
      GPtrArray *group = g_hash_table_lookup (groups, stage_key (stage_id));

      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, stage_key (stage_id), group);
        }
      g_ptr_array_add (group, task);
      g_hash_table_insert (self->stage_of, task, stage_key (stage_id));
    }

  g_hash_table_iter_init (&iter, self->stages);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *group = g_hash_table_lookup (groups, key);

      baton_stage_tasks_reset (value, group ? group : empty);
    }
}

static void
file_task (BatonBoardTasks *self,
           BatonTask       *task)
{
  gint64 stage_id = baton_task_get_stage_id (task);
  BatonStageTasks *list = stage_list (self, stage_id);

  g_hash_table_insert (self->stage_of, task, stage_key (stage_id));
  if (list != NULL)
    baton_stage_tasks_add (list, task);
}

static void
unfile_task (BatonBoardTasks *self,
             BatonTask       *task)
{
  gpointer stage;

  if (!g_hash_table_lookup_extended (self->stage_of, task, NULL, &stage))
    return;

  g_hash_table_remove (self->stage_of, task);
  if (g_hash_table_contains (self->stages, stage))
    baton_stage_tasks_remove (g_hash_table_lookup (self->stages, stage), task);
}

static void
on_source_items_changed (BatonBoardTasks *self,
                         guint            position,
                         guint            removed,
                         guint            added)
{
  gboolean bulk = removed + added > BULK_CHANGE;

  for (guint i = 0; i < removed; i++)
    {
      BatonTask *task = g_ptr_array_index (self->items, position + i);

      g_signal_handlers_disconnect_by_func (task, on_task_notify, self);
      g_hash_table_remove (self->dirty, task);
      if (!bulk)
        unfile_task (self, task);
    }
  g_ptr_array_remove_range (self->items, position, removed);

  for (guint i = 0; i < added; i++)
    {
      BatonTask *task = g_list_model_get_item (self->source, position + i);

      g_signal_connect (task, "notify", G_CALLBACK (on_task_notify), self);
      g_ptr_array_insert (self->items, position + i, task);
      if (!bulk)
        file_task (self, task);
    }

  if (bulk)
    rebuild_stages (self);

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* After a store change: each changed task moves to its new stage's list,
 * or is reported changed in its own (to be filtered and sorted again). */
static void
flush (BatonBoardTasks *self)
{
  g_autoptr(GPtrArray) tasks = NULL;
  GHashTableIter iter;
  gpointer task;

  if (g_hash_table_size (self->dirty) == 0)
    return;

  tasks = g_ptr_array_sized_new (g_hash_table_size (self->dirty));
  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &task, NULL))
    g_ptr_array_add (tasks, task);
  g_hash_table_remove_all (self->dirty);

  for (guint i = 0; i < tasks->len; i++)
    {
      BatonTask *changed = g_ptr_array_index (tasks, i);
      gpointer filed = NULL;
      gint64 stage_id = baton_task_get_stage_id (changed);

      if (!g_hash_table_lookup_extended (self->stage_of, changed, NULL, &filed))
        continue;

      if (filed != stage_key (stage_id))
        {
          unfile_task (self, changed);
          file_task (self, changed);
        }
      else if (stage_list (self, stage_id) != NULL)
        baton_stage_tasks_changed (stage_list (self, stage_id), changed);
    }
}

static void
baton_board_tasks_dispose (GObject *object)
{
  BatonBoardTasks *self = BATON_BOARD_TASKS (object);

  if (self->items != NULL)
    {
      for (guint i = 0; i < self->items->len; i++)
        g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->items, i), on_task_notify, self);
      g_ptr_array_set_size (self->items, 0);
    }
  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->source);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_board_tasks_parent_class)->dispose (object);
}

static void
baton_board_tasks_finalize (GObject *object)
{
  BatonBoardTasks *self = BATON_BOARD_TASKS (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_pointer (&self->stage_of, g_hash_table_unref);
  g_clear_pointer (&self->stages, g_hash_table_unref);

  G_OBJECT_CLASS (baton_board_tasks_parent_class)->finalize (object);
}

static void
baton_board_tasks_class_init (BatonBoardTasksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baton_board_tasks_dispose;
  object_class->finalize = baton_board_tasks_finalize;
}

static void
baton_board_tasks_init (BatonBoardTasks *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->dirty = g_hash_table_new (NULL, NULL);
  self->stage_of = g_hash_table_new (NULL, NULL);
  self->stages = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

/* The tasks of one stage (transfer none), kept up to date from now on. */
GListModel *
baton_board_tasks_get_stage_model (BatonBoardTasks *self,
                                   gint64           stage_id)
{
  BatonStageTasks *list;
  g_autoptr(GPtrArray) tasks = NULL;

  g_return_val_if_fail (BATON_IS_BOARD_TASKS (self), NULL);

  list = stage_list (self, stage_id);
  if (list != NULL)
    return G_LIST_MODEL (list);

  list = baton_stage_tasks_new (stage_id);
  g_hash_table_insert (self->stages, stage_key (stage_id), list);

  /* The mirror is in id order, so is the stage's share of it. */
  tasks = g_ptr_array_new ();
  for (guint i = 0; i < self->items->len; i++)
    {
      BatonTask *task = g_ptr_array_index (self->items, i);

      if (g_hash_table_lookup (self->stage_of, task) == stage_key (stage_id))
        g_ptr_array_add (tasks, task);
    }
  baton_stage_tasks_reset (list, tasks);

  return G_LIST_MODEL (list);
}

/* Non-archived tasks per stage id, read from the mirror without refs. */
void
baton_board_tasks_count_stages (BatonBoardTasks *self,
                                GHashTable      *loads)
{
  g_return_if_fail (BATON_IS_BOARD_TASKS (self));

  g_hash_table_remove_all (loads);
  for (guint i = 0; i < self->items->len; i++)
    {
      BatonTask *task = g_ptr_array_index (self->items, i);
      gpointer key;

      if (baton_task_get_archived (task))
        continue;
      key = GINT_TO_POINTER ((gint) baton_task_get_stage_id (task));
      g_hash_table_insert (loads, key,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (loads, key)) + 1));
    }
}

BatonBoardTasks *
baton_board_tasks_new (BatonStore *store)
{
  BatonBoardTasks *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  self = g_object_new (BATON_TYPE_BOARD_TASKS, NULL);
  self->store = g_object_ref (store);
  self->source = g_object_ref (baton_store_get_tasks (store));

  g_signal_connect_swapped (self->source, "items-changed", G_CALLBACK (on_source_items_changed), self);
  /* Connected before any view handler, so columns are up to date when
   * the view hears about the change. */
  g_signal_connect_swapped (self->store, "changed", G_CALLBACK (flush), self);

  on_source_items_changed (self, 0, 0, g_list_model_get_n_items (self->source));

  return self;
}
