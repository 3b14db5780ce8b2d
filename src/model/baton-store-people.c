/* baton-store-people.c — roles and people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-store"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-dates.h"
#include "baton-store-internal.h"

/* Roles ------------------------------------------------------------------ */

BatonRole *
baton_store_create_role (BatonStore  *self,
                         const char  *name,
                         const char  *color,
                         GError     **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  _baton_store_props_str (&props, "name", name);
  _baton_store_props_str (&props, "color", color);
  _baton_store_props_int (&props, "position", _baton_store_position_after (_baton_store_max_position (&self->tables[TABLE_ROLES]), 1));

  return _baton_store_insert_record (self, BATON_TYPE_ROLE, _("Add role"), props.n, props.names, props.values, error);
}

/* Renumbers an ordered table so that @record sits at @index. */
gboolean
_baton_store_move_in_order (BatonStore   *self,
                            Table        *table,
                            BatonRecord  *record,
                            guint         index,
                            const char   *label,
                            GError      **error)
{
  g_autoptr(BatonChange) change = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *rows = G_LIST_MODEL (table->list);
  guint n = g_list_model_get_n_items (rows);
  const BatonField *position = baton_record_schema_find_field (table->schema, "position");

  if (!_baton_store_record_is_ours (self, record, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      BatonRecord *row = g_list_model_get_item (rows, i);

      if (row == record)
        g_object_unref (row);
      else
        g_ptr_array_add (order, row);
    }

  if (index > order->len)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   _("Position %u is out of range (0 to %u)."), index, order->len);
      return FALSE;
    }

  g_ptr_array_insert (order, index, g_object_ref (record));

  change = baton_change_new (label);
  for (guint i = 0; i < order->len; i++)
    {
      BatonRecord *row = g_ptr_array_index (order, i);
      BatonOp *op;

      if (baton_record_get_int_field (row, position) == (gint64) i)
        continue;

      op = baton_op_new (BATON_OP_UPDATE, table->schema, baton_record_get_id (row));
      op->before = _baton_store_snapshot_record (row);
      op->after = _baton_store_copy_values (table->schema, op->before);
      g_value_set_int64 (&op->after[position - table->schema->fields], i);
      baton_change_add_op (change, op);
    }

  return _baton_store_change_commit (self, g_steal_pointer (&change), error);
}

gboolean
baton_store_move_role (BatonStore  *self,
                       BatonRole   *role,
                       guint        index,
                       GError     **error)
{
  g_autofree char *label = NULL;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);
  g_return_val_if_fail (BATON_IS_ROLE (role), FALSE);

  label = _baton_store_label_for (_("Move “%s”"), BATON_RECORD (role));
  return _baton_store_move_in_order (self, &self->tables[TABLE_ROLES], BATON_RECORD (role), index, label, error);
}

/* People ----------------------------------------------------------------- */

BatonPerson *
baton_store_create_person (BatonStore  *self,
                           const char  *name,
                           const char  *email,
                           gint64       weekly_capacity_minutes,
                           const char  *color,
                           GError     **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  _baton_store_props_str (&props, "name", name);
  _baton_store_props_str (&props, "email", email);
  _baton_store_props_int (&props, "weekly-capacity-minutes", weekly_capacity_minutes);
  _baton_store_props_str (&props, "color", color);

  return _baton_store_insert_record (self, BATON_TYPE_PERSON, _("Add person"), props.n, props.names, props.values, error);
}

static GPtrArray *
person_role_links (BatonStore  *self,
                   BatonPerson *person)
{
  return _baton_store_index_get (&self->indexes[INDEX_ROLES_BY_PERSON], baton_record_get_id (BATON_RECORD (person)));
}

gboolean
baton_store_person_has_role (BatonStore  *self,
                             BatonPerson *person,
                             gint64       role_id)
{
  g_autoptr(GPtrArray) links = NULL;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);
  g_return_val_if_fail (BATON_IS_PERSON (person), FALSE);

  links = person_role_links (self, person);
  for (guint i = 0; i < links->len; i++)
    if (baton_person_role_get_role_id (g_ptr_array_index (links, i)) == role_id)
      return TRUE;

  return FALSE;
}

gint64
baton_store_get_primary_role_id (BatonStore  *self,
                                 BatonPerson *person)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (BATON_IS_STORE (self), 0);
  g_return_val_if_fail (BATON_IS_PERSON (person), 0);

  ids = baton_store_get_person_role_ids (self, person);
  return ids->len > 0 ? g_array_index (ids, gint64, 0) : 0;
}

GArray *
baton_store_get_person_role_ids (BatonStore  *self,
                                 BatonPerson *person)
{
  g_autoptr(GPtrArray) links = NULL;
  GArray *ids;

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);
  g_return_val_if_fail (BATON_IS_PERSON (person), NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  links = person_role_links (self, person);

  for (guint i = 0; i < links->len; i++)
    {
      BatonPersonRole *link = g_ptr_array_index (links, i);
      gint64 role_id = baton_person_role_get_role_id (link);

      if (baton_person_role_get_is_primary (link))
        g_array_prepend_val (ids, role_id);
      else
        g_array_append_val (ids, role_id);
    }

  return ids;
}

gboolean
baton_store_set_person_roles (BatonStore   *self,
                              BatonPerson  *person,
                              const gint64 *role_ids,
                              guint         n_roles,
                              gint64        primary_role_id,
                              GError      **error)
{
  g_autoptr(BatonChange) change = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *label = NULL;
  const BatonRecordSchema *schema = baton_person_role_schema ();
  gboolean primary_found = FALSE;

  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);
  g_return_val_if_fail (role_ids != NULL || n_roles == 0, FALSE);

  if (!_baton_store_record_is_ours (self, person, error))
    return FALSE;

  for (guint i = 0; i < n_roles; i++)
    {
      if (table_lookup (&self->tables[TABLE_ROLES], role_ids[i]) == NULL)
        {
          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND,
                       _("The role does not exist (it may have been deleted)."));
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (role_ids[j] == role_ids[i])
          {
            g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                         _("The same role is given twice."));
            return FALSE;
          }
      primary_found |= role_ids[i] == primary_role_id;
    }

  if (n_roles > 0 && !primary_found)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   _("The primary role must be one of the person’s roles."));
      return FALSE;
    }
  if (n_roles == 0 && primary_role_id != 0)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   _("A person without roles cannot have a primary role."));
      return FALSE;
    }

  label = _baton_store_label_for (_("Change roles of “%s”"), BATON_RECORD (person));
  change = baton_change_new (label);
  links = person_role_links (self, person);

  /* Drop links that go, update primary flags of links that stay. */
  for (guint i = 0; i < links->len; i++)
    {
      BatonPersonRole *link = g_ptr_array_index (links, i);
      gint64 role_id = baton_person_role_get_role_id (link);
      gboolean keep = FALSE;
      BatonOp *op;

      for (guint j = 0; j < n_roles; j++)
        keep |= role_ids[j] == role_id;

      if (!keep)
        {
          op = baton_op_new (BATON_OP_DELETE, schema, baton_record_get_id (BATON_RECORD (link)));
          op->before = _baton_store_snapshot_record (BATON_RECORD (link));
          baton_change_add_op (change, op);
        }
      else if (!baton_person_role_get_is_primary (link) != !(role_id == primary_role_id))
        {
          op = baton_op_new (BATON_OP_UPDATE, schema, baton_record_get_id (BATON_RECORD (link)));
          op->before = _baton_store_snapshot_record (BATON_RECORD (link));
          op->after = _baton_store_copy_values (schema, op->before);
          g_value_set_boolean (&op->after[2], role_id == primary_role_id);
          baton_change_add_op (change, op);
        }
    }

  for (guint j = 0; j < n_roles; j++)
    {
      gboolean exists = FALSE;
      BatonOp *op;

      for (guint i = 0; i < links->len; i++)
        exists |= baton_person_role_get_role_id (g_ptr_array_index (links, i)) == role_ids[j];
      if (exists)
        continue;

      op = baton_op_new (BATON_OP_INSERT, schema, 0);
      op->after = g_new0 (GValue, schema->n_fields);
      g_value_init (&op->after[0], G_TYPE_INT64);
      g_value_set_int64 (&op->after[0], baton_record_get_id (BATON_RECORD (person)));
      g_value_init (&op->after[1], G_TYPE_INT64);
      g_value_set_int64 (&op->after[1], role_ids[j]);
      g_value_init (&op->after[2], G_TYPE_BOOLEAN);
      g_value_set_boolean (&op->after[2], role_ids[j] == primary_role_id);
      baton_change_add_op (change, op);
    }

  return _baton_store_change_commit (self, g_steal_pointer (&change), error);
}

BatonTimeOff *
baton_store_add_time_off (BatonStore   *self,
                          BatonPerson  *person,
                          const char   *start_date,
                          const char   *end_date,
                          const char   *note,
                          GError      **error)
{
  g_auto(Props) props = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  if (!_baton_store_record_is_ours (self, person, error))
    return NULL;

  _baton_store_props_int (&props, "person-id", baton_record_get_id (BATON_RECORD (person)));
  _baton_store_props_str (&props, "start-date", start_date);
  _baton_store_props_str (&props, "end-date", end_date);
  _baton_store_props_str (&props, "note", note);

  return _baton_store_insert_record (self, BATON_TYPE_TIME_OFF, _("Add time off"), props.n, props.names, props.values, error);
}
