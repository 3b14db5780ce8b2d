/* baton-store-mutations.c — the generic mutations: insert, update, delete, and their changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-store"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-dates.h"
#include "baton-store-internal.h"

/* Generic mutations ------------------------------------------------------ */

BatonChange *
_baton_store_change_for_insert (BatonStore               *self,
                                GType                     type,
                                const char               *label,
                                guint                     n_properties,
                                const char              **names,
                                const GValue             *values,
                                GError                  **error)
{
  Table *table = _baton_store_table_for_type (self, type);
  BatonChange *change;
  BatonOp *op;
  GValue *after;

  g_return_val_if_fail (table != NULL, NULL);

  if (!(after = _baton_store_prepare_values (self, table->schema, NULL, n_properties, names, values, error)))
    return NULL;

  change = baton_change_new (label);
  op = baton_op_new (BATON_OP_INSERT, table->schema, 0);
  op->after = after;
  baton_change_add_op (change, op);

  return change;
}

/* Inserts and returns the new record (owned by the store). */
gpointer
_baton_store_insert_record (BatonStore   *self,
                            GType         type,
                            const char   *label,
                            guint         n_properties,
                            const char  **names,
                            const GValue *values,
                            GError      **error)
{
  BatonChange *change;

  if (!(change = _baton_store_change_for_insert (self, type, label, n_properties, names, values, error)))
    return NULL;

  if (!_baton_store_change_commit (self, change, error))
    return NULL;

  /* The change holds one insert: the last row written is ours. */
  return table_lookup (_baton_store_table_for_type (self, type), self->last_insert_id);
}

BatonOp *
_baton_store_update_op (BatonStore   *self,
                        BatonRecord  *record,
                        guint         n_properties,
                        const char  **names,
                        const GValue *values,
                        GError      **error)
{
  const BatonRecordSchema *schema = baton_record_get_schema (record);
  BatonOp *op;
  GValue *after;

  if (!(after = _baton_store_prepare_values (self, schema, record, n_properties, names, values, error)))
    return NULL;

  op = baton_op_new (BATON_OP_UPDATE, schema, baton_record_get_id (record));
  op->before = _baton_store_snapshot_record (record);
  op->after = after;

  return op;
}

gboolean
_baton_store_record_is_ours (BatonStore   *self,
                             gpointer      record,
                             GError      **error)
{
  Table *table;

  if (!BATON_IS_RECORD (record))
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND,
                           _("The item does not exist."));
      return FALSE;
    }

  table = _baton_store_table_for_schema (self, baton_record_get_schema (record));
  if (table_lookup (table, baton_record_get_id (record)) != record)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND,
                   _("The %s no longer exists (it may have been deleted)."),
                   g_dgettext (GETTEXT_PACKAGE, table->schema->label));
      return FALSE;
    }

  return TRUE;
}

gboolean
_baton_store_update_record (BatonStore   *self,
                            gpointer      record,
                            const char   *label,
                            guint         n_properties,
                            const char  **names,
                            const GValue *values,
                            GError      **error)
{
  g_autoptr(BatonChange) change = NULL;
  BatonOp *op;

  if (!_baton_store_record_is_ours (self, record, error))
    return FALSE;

  if (!(op = _baton_store_update_op (self, record, n_properties, names, values, error)))
    return FALSE;

  change = baton_change_new (label);
  baton_change_add_op (change, op);

  return _baton_store_change_commit (self, g_steal_pointer (&change), error);
}

/* Delete closure: rows that go with @record, children first, and the
 * references that are cleared. RESTRICT references refuse the delete. */
typedef struct
{
  GHashTable *deleted;   /* BatonRecord* set */
  GPtrArray  *deletes;   /* BatonRecord*, post-order */
  GPtrArray  *nulls;     /* pairs: BatonRecord*, const BatonField* */
  GString    *blockers;
} DeletePlan;

static void
plan_delete (BatonStore  *self,
             BatonRecord *record,
             DeletePlan  *plan)
{
  const BatonRecordSchema *schema = baton_record_get_schema (record);
  gint64 id = baton_record_get_id (record);

  if (g_hash_table_contains (plan->deleted, record))
    return;
  g_hash_table_add (plan->deleted, record);

  for (guint t = 0; t < N_TABLES; t++)
    {
      Table *table = &self->tables[t];

      for (guint f = 0; f < table->schema->n_fields; f++)
        {
          const BatonField *field = &table->schema->fields[f];
          GListModel *rows = G_LIST_MODEL (table->list);
          guint n = g_list_model_get_n_items (rows);
          guint blocking = 0;

          if (field->kind != BATON_FIELD_REF || strcmp (field->ref_table, schema->table) != 0)
            continue;

          for (guint i = 0; i < n; i++)
            {
              g_autoptr(BatonRecord) row = g_list_model_get_item (rows, i);

              if (baton_record_get_int_field (row, field) != id)
                continue;

              switch (field->on_delete)
                {
                case BATON_ON_DELETE_CASCADE:
                  plan_delete (self, row, plan);
                  break;
                case BATON_ON_DELETE_SET_NULL:
                  g_ptr_array_add (plan->nulls, row);
                  g_ptr_array_add (plan->nulls, (gpointer) field);
                  break;
                case BATON_ON_DELETE_RESTRICT:
                default:
                  blocking++;
                  break;
                }
            }

          if (blocking > 0)
            {
              if (plan->blockers->len > 0)
                g_string_append (plan->blockers, ", ");
              if (table->schema == baton_person_role_schema ())
                g_string_append_printf (plan->blockers,
                                        g_dngettext (GETTEXT_PACKAGE, "held by %u person", "held by %u people", blocking),
                                        blocking);
              else if (table->schema == baton_task_schema ())
                g_string_append_printf (plan->blockers,
                                        g_dngettext (GETTEXT_PACKAGE, "needed by %u task", "needed by %u tasks", blocking),
                                        blocking);
              else
                /* e.g. "5 time off" — other tables only block in unusual cases */
                g_string_append_printf (plan->blockers, "%u %s", blocking,
                                        g_dgettext (GETTEXT_PACKAGE, table->schema->label));
            }
        }
    }

  g_ptr_array_add (plan->deletes, record);
}

BatonChange *
_baton_store_change_for_delete (BatonStore   *self,
                                BatonRecord  *record,
                                const char   *label,
                                GError      **error)
{
  DeletePlan plan;
  BatonChange *change = NULL;

  plan.deleted = g_hash_table_new (NULL, NULL);
  plan.deletes = g_ptr_array_new ();
  plan.nulls = g_ptr_array_new ();
  plan.blockers = g_string_new (NULL);

  plan_delete (self, record, &plan);

  if (plan.blockers->len > 0)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_IN_USE,
                   _("This %s cannot be deleted while it is in use (%s). Move or remove those first."),
                   g_dgettext (GETTEXT_PACKAGE, baton_record_get_schema (record)->label),
                   plan.blockers->str);
      goto out;
    }

  change = baton_change_new (label);

  for (guint i = 0; i < plan.nulls->len; i += 2)
    {
      BatonRecord *row = g_ptr_array_index (plan.nulls, i);
      const BatonField *field = g_ptr_array_index (plan.nulls, i + 1);
      const BatonRecordSchema *schema = baton_record_get_schema (row);
      BatonOp *op;

      if (g_hash_table_contains (plan.deleted, row))
        continue;

      op = baton_op_new (BATON_OP_UPDATE, schema, baton_record_get_id (row));
      op->before = _baton_store_snapshot_record (row);
      op->after = _baton_store_copy_values (schema, op->before);
      g_value_set_int64 (&op->after[field - schema->fields], 0);
      baton_change_add_op (change, op);
    }

  for (guint i = 0; i < plan.deletes->len; i++)
    {
      BatonRecord *row = g_ptr_array_index (plan.deletes, i);
      BatonOp *op = baton_op_new (BATON_OP_DELETE, baton_record_get_schema (row), baton_record_get_id (row));

      op->before = _baton_store_snapshot_record (row);
      baton_change_add_op (change, op);
    }

out:
  g_hash_table_unref (plan.deleted);
  g_ptr_array_unref (plan.deletes);
  g_ptr_array_unref (plan.nulls);
  g_string_free (plan.blockers, TRUE);

  return change;
}

/* An undo label from a translatable format with one %s: the record's
 * name, or its kind when it has none (e.g. "Delete “Storyboard”"). */
char *
_baton_store_label_for (const char  *format,
                        BatonRecord *record)
{
  const BatonRecordSchema *schema = baton_record_get_schema (record);
  const BatonField *name = baton_record_schema_find_field (schema, "name");

  if (name == NULL)
    name = baton_record_schema_find_field (schema, "title");
  if (name == NULL)
    name = baton_record_schema_find_field (schema, "text");

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  if (name != NULL && baton_record_get_str_field (record, name) != NULL)
    return g_strdup_printf (format, baton_record_get_str_field (record, name));

  return g_strdup_printf (format, g_dgettext (GETTEXT_PACKAGE, schema->label));
#pragma GCC diagnostic pop
}

/* The activity log is the store's own record of what happened: it is
 * written along with the changes it tells of, never directly. */
static gboolean
check_not_activity (GType        type,
                    GError     **error)
{
  if (type != BATON_TYPE_ACTIVITY)
    return TRUE;

  g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                       _("The activity log is written by Baton itself and cannot be edited."));
  return FALSE;
}

gpointer
baton_store_insertv (BatonStore    *self,
                     GType          type,
                     guint          n_properties,
                     const char   **names,
                     const GValue  *values,
                     GError       **error)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);
  g_return_val_if_fail (_baton_store_table_for_type (self, type) != NULL, NULL);

  if (!check_not_activity (type, error))
    return NULL;

  return _baton_store_insert_record (self, type, _("Add"), n_properties, names, values, error);
}

gpointer
baton_store_insert (BatonStore  *self,
                    GType        type,
                    GError     **error,
                    const char  *first_property_name,
                    ...)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  va_list args;

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);
  g_return_val_if_fail (_baton_store_table_for_type (self, type) != NULL, NULL);

  g_array_set_clear_func (values, _baton_store_clear_value);
  va_start (args, first_property_name);
  _baton_store_collect_values_va (type, first_property_name, args, names, values);
  va_end (args);

  return baton_store_insertv (self, type, names->len, (const char **) names->pdata,
                              (const GValue *) values->data, error);
}

gboolean
baton_store_updatev (BatonStore    *self,
                     gpointer       record,
                     guint          n_properties,
                     const char   **names,
                     const GValue  *values,
                     GError       **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  if (!_baton_store_record_is_ours (self, record, error) ||
      !check_not_activity (G_OBJECT_TYPE (record), error))
    return FALSE;

  label = _baton_store_label_for (_("Edit “%s”"), record);
  return _baton_store_update_record (self, record, label, n_properties, names, values, error);
}

gboolean
baton_store_update (BatonStore  *self,
                    gpointer     record,
                    GError     **error,
                    const char  *first_property_name,
                    ...)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  va_list args;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);
  g_return_val_if_fail (BATON_IS_RECORD (record), FALSE);

  g_array_set_clear_func (values, _baton_store_clear_value);
  va_start (args, first_property_name);
  _baton_store_collect_values_va (G_OBJECT_TYPE (record), first_property_name, args, names, values);
  va_end (args);

  return baton_store_updatev (self, record, names->len, (const char **) names->pdata,
                              (const GValue *) values->data, error);
}

gboolean
baton_store_delete (BatonStore  *self,
                    gpointer     record,
                    GError     **error)
{
  g_autofree char *label = NULL;
  BatonChange *change;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  if (!_baton_store_record_is_ours (self, record, error) ||
      !check_not_activity (G_OBJECT_TYPE (record), error))
    return FALSE;

  label = _baton_store_label_for (_("Delete “%s”"), record);
  if (!(change = _baton_store_change_for_delete (self, record, label, error)))
    return FALSE;

  return _baton_store_change_commit (self, change, error);
}

/* Helpers for the typed methods: GValues on the stack. */


void
_baton_store_props_str (Props      *props,
                        const char *name,
                        const char *value)
{
  g_assert (props->n < G_N_ELEMENTS (props->names));
  props->names[props->n] = name;
  g_value_init (&props->values[props->n], G_TYPE_STRING);
  g_value_set_string (&props->values[props->n], value);
  props->n++;
}

/* For long text (a note's body): no copy, so @value must outlive @props;
 * validation makes the copy that is kept. */
void
_baton_store_props_str_borrowed (Props      *props,
                                 const char *name,
                                 const char *value)
{
  g_assert (props->n < G_N_ELEMENTS (props->names));
  props->names[props->n] = name;
  g_value_init (&props->values[props->n], G_TYPE_STRING);
  g_value_set_static_string (&props->values[props->n], value);
  props->n++;
}

void
_baton_store_props_int (Props      *props,
                        const char *name,
                        gint64      value)
{
  g_assert (props->n < G_N_ELEMENTS (props->names));
  props->names[props->n] = name;
  g_value_init (&props->values[props->n], G_TYPE_INT64);
  g_value_set_int64 (&props->values[props->n], value);
  props->n++;
}

void
_baton_store_props_bool (Props      *props,
                         const char *name,
                         gboolean    value)
{
  g_assert (props->n < G_N_ELEMENTS (props->names));
  props->names[props->n] = name;
  g_value_init (&props->values[props->n], G_TYPE_BOOLEAN);
  g_value_set_boolean (&props->values[props->n], value);
  props->n++;
}

/* The position after @position, @step further but never past the limit
 * (rows with the same position are ordered by id, and a new row's id is
 * the largest). */
gint64
_baton_store_position_after (gint64 position,
                             gint64 step)
{
  return position > BATON_MAX_POSITION - step ? BATON_MAX_POSITION : position + step;
}

gint64
_baton_store_max_position (Table *table)
{
  GListModel *rows = G_LIST_MODEL (table->list);
  guint n = g_list_model_get_n_items (rows);
  gint64 max = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonRecord) row = g_list_model_get_item (rows, i);
      max = MAX (max, _baton_store_record_position (row));
    }

  return max;
}
