/* baton-history.c — undo and redo of store changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The history only keeps changes; the store knows how to apply and revert
 * them (see baton-store.c). A change is a list of row operations with
 * snapshots of every field before and after, so reverting a delete brings
 * back the row with its id and everything deleted with it.
 */

#define G_LOG_DOMAIN "baton-history"

#include "config.h"

#include "baton-history.h"

struct _BatonChange
{
  char      *label;
  GPtrArray *ops;
};

struct _BatonHistory
{
  GObject parent_instance;

  GQueue undo;   /* BatonChange*, newest at head */
  GQueue redo;
  guint  limit;
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonHistory, baton_history, G_TYPE_OBJECT)

static void
free_values (GValue *values,
             guint   n)
{
  if (values == NULL)
    return;

  for (guint i = 0; i < n; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);

  g_free (values);
}

BatonOp *
baton_op_new (BatonOpKind              kind,
              const BatonRecordSchema *schema,
              gint64                   id)
{
  BatonOp *op;

  g_return_val_if_fail (schema != NULL, NULL);

  op = g_new0 (BatonOp, 1);
  op->kind = kind;
  op->schema = schema;
  op->id = id;

  return op;
}

void
baton_op_free (BatonOp *op)
{
  if (op == NULL)
    return;

  free_values (op->before, op->schema->n_fields);
  free_values (op->after, op->schema->n_fields);
  g_free (op);
}

BatonChange *
baton_change_new (const char *label)
{
  BatonChange *change = g_new0 (BatonChange, 1);

  change->label = g_strdup (label);
  change->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) baton_op_free);

  return change;
}

void
baton_change_free (BatonChange *change)
{
  if (change == NULL)
    return;

  g_free (change->label);
  g_ptr_array_unref (change->ops);
  g_free (change);
}

const char *
baton_change_get_label (BatonChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  return change->label;
}

void
baton_change_add_op (BatonChange *change,
                     BatonOp     *op)
{
  g_return_if_fail (change != NULL);
  g_return_if_fail (op != NULL);

  g_ptr_array_add (change->ops, op);
}

guint
baton_change_get_n_ops (BatonChange *change)
{
  g_return_val_if_fail (change != NULL, 0);

  return change->ops->len;
}

BatonOp *
baton_change_get_op (BatonChange *change,
                     guint        index)
{
  g_return_val_if_fail (change != NULL, NULL);
  g_return_val_if_fail (index < change->ops->len, NULL);

  return g_ptr_array_index (change->ops, index);
}

void
baton_change_remove_op (BatonChange *change,
                        guint        index)
{
  g_return_if_fail (change != NULL);
  g_return_if_fail (index < change->ops->len);

  g_ptr_array_remove_index (change->ops, index);
}

void
baton_change_merge (BatonChange *change,
                    BatonChange *other)
{
  g_return_if_fail (change != NULL);
  g_return_if_fail (other != NULL);

  for (guint i = 0; i < other->ops->len; i++)
    g_ptr_array_add (change->ops, g_ptr_array_index (other->ops, i));

  g_ptr_array_set_free_func (other->ops, NULL);
  baton_change_free (other);
}

static void
notify_state (BatonHistory *self,
              gboolean      could_undo,
              gboolean      could_redo)
{
  if (could_undo != baton_history_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != baton_history_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

static void
clear_queue (GQueue *queue)
{
  BatonChange *change;

  while ((change = g_queue_pop_head (queue)))
    baton_change_free (change);
}

static void
baton_history_finalize (GObject *object)
{
  BatonHistory *self = BATON_HISTORY (object);

  clear_queue (&self->undo);
  clear_queue (&self->redo);

  G_OBJECT_CLASS (baton_history_parent_class)->finalize (object);
}

static void
baton_history_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BatonHistory *self = BATON_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, baton_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, baton_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, baton_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, baton_history_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_history_class_init (BatonHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = baton_history_finalize;
  object_class->get_property = baton_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baton_history_init (BatonHistory *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  self->limit = BATON_HISTORY_DEFAULT_LIMIT;
}

BatonHistory *
baton_history_new (void)
{
  return g_object_new (BATON_TYPE_HISTORY, NULL);
}

gboolean
baton_history_get_can_undo (BatonHistory *self)
{
  g_return_val_if_fail (BATON_IS_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

gboolean
baton_history_get_can_redo (BatonHistory *self)
{
  g_return_val_if_fail (BATON_IS_HISTORY (self), FALSE);

  return !g_queue_is_empty (&self->redo);
}

const char *
baton_history_get_undo_label (BatonHistory *self)
{
  BatonChange *change;

  g_return_val_if_fail (BATON_IS_HISTORY (self), NULL);

  change = g_queue_peek_head (&self->undo);
  return change != NULL ? change->label : NULL;
}

const char *
baton_history_get_redo_label (BatonHistory *self)
{
  BatonChange *change;

  g_return_val_if_fail (BATON_IS_HISTORY (self), NULL);

  change = g_queue_peek_head (&self->redo);
  return change != NULL ? change->label : NULL;
}

void
baton_history_push (BatonHistory *self,
                    BatonChange  *change)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (BATON_IS_HISTORY (self));
  g_return_if_fail (change != NULL);

  could_undo = baton_history_get_can_undo (self);
  could_redo = baton_history_get_can_redo (self);

  clear_queue (&self->redo);
  g_queue_push_head (&self->undo, change);

  while (g_queue_get_length (&self->undo) > self->limit)
    baton_change_free (g_queue_pop_tail (&self->undo));

  notify_state (self, could_undo, could_redo);
}

BatonChange *
baton_history_take_undo (BatonHistory *self)
{
  gboolean could_undo, could_redo;
  BatonChange *change;

  g_return_val_if_fail (BATON_IS_HISTORY (self), NULL);

  could_undo = baton_history_get_can_undo (self);
  could_redo = baton_history_get_can_redo (self);
  change = g_queue_pop_head (&self->undo);
  if (change != NULL)
    notify_state (self, could_undo, could_redo);

  return change;
}

BatonChange *
baton_history_peek_undo (BatonHistory *self)
{
  g_return_val_if_fail (BATON_IS_HISTORY (self), NULL);

  return g_queue_peek_head (&self->undo);
}

BatonChange *
baton_history_peek_redo (BatonHistory *self)
{
  g_return_val_if_fail (BATON_IS_HISTORY (self), NULL);

  return g_queue_peek_head (&self->redo);
}

void
baton_history_did_undo (BatonHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (BATON_IS_HISTORY (self));
  g_return_if_fail (!g_queue_is_empty (&self->undo));

  could_undo = baton_history_get_can_undo (self);
  could_redo = baton_history_get_can_redo (self);
  g_queue_push_head (&self->redo, g_queue_pop_head (&self->undo));
  notify_state (self, could_undo, could_redo);
}

void
baton_history_did_redo (BatonHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (BATON_IS_HISTORY (self));
  g_return_if_fail (!g_queue_is_empty (&self->redo));

  could_undo = baton_history_get_can_undo (self);
  could_redo = baton_history_get_can_redo (self);
  g_queue_push_head (&self->undo, g_queue_pop_head (&self->redo));
  notify_state (self, could_undo, could_redo);
}

void
baton_history_clear (BatonHistory *self)
{
  gboolean could_undo, could_redo;

  g_return_if_fail (BATON_IS_HISTORY (self));

  could_undo = baton_history_get_can_undo (self);
  could_redo = baton_history_get_can_redo (self);
  clear_queue (&self->undo);
  clear_queue (&self->redo);
  notify_state (self, could_undo, could_redo);
}

static gboolean
change_touches (BatonChange         *change,
                BatonHistoryRowFunc  touches,
                gpointer             user_data)
{
  for (guint k = 0; k < change->ops->len; k++)
    {
      BatonOp *op = g_ptr_array_index (change->ops, k);

      if (touches (op->schema, op->id, user_data))
        return TRUE;
    }

  return FALSE;
}

static void
drop_from (GQueue               *queue,
           BatonHistoryRowFunc   touches,
           gpointer              user_data,
           char                **label)
{
  GList *link = queue->head;

  while (link != NULL)
    {
      GList *next = link->next;
      BatonChange *change = link->data;

      if (change_touches (change, touches, user_data))
        {
          if (*label == NULL && change->label != NULL)
            *label = g_strdup (change->label);
          g_queue_delete_link (queue, link);
          baton_change_free (change);
        }
      link = next;
    }
}

char *
baton_history_drop_touching (BatonHistory        *self,
                             BatonHistoryRowFunc  touches,
                             gpointer             user_data)
{
  gboolean could_undo, could_redo;
  char *label = NULL;

  g_return_val_if_fail (BATON_IS_HISTORY (self), NULL);

  could_undo = baton_history_get_can_undo (self);
  could_redo = baton_history_get_can_redo (self);
  drop_from (&self->undo, touches, user_data, &label);
  drop_from (&self->redo, touches, user_data, &label);
  notify_state (self, could_undo, could_redo);

  return label;
}
