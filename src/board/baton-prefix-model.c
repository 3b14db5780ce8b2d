/* baton-prefix-model.c — the first items of a list, growing on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows the first @size items of a model. Unlike GtkSliceListModel, its
 * end follows the items: an item added inside the prefix grows it by one
 * and an item removed from it shrinks it by one (down to the size it was
 * given), so a change never pulls an item in from below or pushes one out
 * at the end. Over a board column, a card that leaves costs nothing and a
 * card that arrives costs exactly one new row.
 */

#define G_LOG_DOMAIN "baton-prefix-model"

#include "config.h"

#include "baton-prefix-model.h"

struct _BatonPrefixModel
{
  GObject     parent_instance;

  GListModel *model;
  guint       size;       /* wanted */
  guint       min_size;   /* never shrinks below this on its own */
  guint       n_shown;    /* MIN (size, items of model) */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BatonPrefixModel, baton_prefix_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return g_list_model_get_item_type (BATON_PREFIX_MODEL (model)->model);
}

static guint
get_n_items (GListModel *model)
{
  return BATON_PREFIX_MODEL (model)->n_shown;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  BatonPrefixModel *self = BATON_PREFIX_MODEL (model);

  if (position >= self->n_shown)
    return NULL;

  return g_list_model_get_item (self->model, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Brings n_shown to MIN (size, items), telling the change at the end. */
static void
update_end (BatonPrefixModel *self)
{
  guint wanted = MIN (self->size, g_list_model_get_n_items (self->model));
  guint old = self->n_shown;

  if (wanted == old)
    return;

  self->n_shown = wanted;
  if (wanted > old)
    g_list_model_items_changed (G_LIST_MODEL (self), old, 0, wanted - old);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), wanted, old - wanted, 0);
}

static void
on_items_changed (BatonPrefixModel *self,
                  guint             position,
                  guint             removed,
                  guint             added)
{
  guint removed_shown;

  if (position >= self->n_shown)
    {
      /* Past the end: only matters when everything was shown. */
      update_end (self);
      return;
    }

  removed_shown = MIN (removed, self->n_shown - position);

  /* The end follows the items. */
  self->size = MAX (self->size + added - MIN (removed_shown, self->size), self->min_size);
  self->n_shown = self->n_shown - removed_shown + added;
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed_shown, added);

  update_end (self);
}

guint
baton_prefix_model_get_size (BatonPrefixModel *self)
{
  g_return_val_if_fail (BATON_IS_PREFIX_MODEL (self), 0);

  return self->size;
}

void
baton_prefix_model_set_size (BatonPrefixModel *self,
                             guint             size)
{
  g_return_if_fail (BATON_IS_PREFIX_MODEL (self));

  self->size = size;
  update_end (self);
}

static void
baton_prefix_model_dispose (GObject *object)
{
  BatonPrefixModel *self = BATON_PREFIX_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (baton_prefix_model_parent_class)->dispose (object);
}

static void
baton_prefix_model_class_init (BatonPrefixModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = baton_prefix_model_dispose;
}

static void
baton_prefix_model_init (BatonPrefixModel *self)
{
}

BatonPrefixModel *
baton_prefix_model_new (GListModel *model,
                        guint       size)
{
  BatonPrefixModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (BATON_TYPE_PREFIX_MODEL, NULL);
  self->model = g_object_ref (model);
  self->size = size;
  self->min_size = size;
  self->n_shown = MIN (size, g_list_model_get_n_items (model));
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed), self);

  return self;
}
