/* baton-store-indexes.c — the store's secondary indexes (tasks by stage, checklist items by task, role links by person)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-store"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-dates.h"
#include "baton-store-internal.h"

/* Indexes ---------------------------------------------------------------- */

static void
group_free (gpointer data)
{
  Group *group = data;

  g_ptr_array_unref (group->rows);
  g_free (group);
}

void
_baton_store_index_init (Index      *index,
                         TableId     table,
                         const char *field_name)
{
  index->table = table;
  index->field = baton_record_schema_find_field (_baton_store_schema_for_table (table), field_name);
  index->groups = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, group_free);
  g_assert (index->field != NULL);
}

static void
index_add (Index       *index,
           BatonRecord *record)
{
  gint64 parent = baton_record_get_int_field (record, index->field);
  Group *group = g_hash_table_lookup (index->groups, id_key (parent));

  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->rows = g_ptr_array_new ();
      g_hash_table_insert (index->groups, id_key (parent), group);
    }

  g_ptr_array_add (group->rows, record);
  group->sorted = FALSE;
}

static void
index_remove (Index       *index,
              BatonRecord *record)
{
  gint64 parent = baton_record_get_int_field (record, index->field);
  Group *group = g_hash_table_lookup (index->groups, id_key (parent));

  if (group != NULL)
    g_ptr_array_remove (group->rows, record);
}

static int
compare_by_position (gconstpointer a,
                     gconstpointer b)
{
  BatonRecord *ra = *(BatonRecord **) a;
  BatonRecord *rb = *(BatonRecord **) b;
  gint64 pa = _baton_store_record_position (ra), pb = _baton_store_record_position (rb);
  gint64 ia = baton_record_get_id (ra), ib = baton_record_get_id (rb);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return ia < ib ? -1 : (ia > ib ? 1 : 0);
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b)
{
  gint64 ia = baton_record_get_id (*(BatonRecord **) a);
  gint64 ib = baton_record_get_id (*(BatonRecord **) b);

  return ia < ib ? -1 : (ia > ib ? 1 : 0);
}

/* The rows of a group, ordered by position (when the table has one), as a
 * new array holding references. */
GPtrArray *
_baton_store_index_get (Index  *index,
                        gint64  parent)
{
  Group *group = g_hash_table_lookup (index->groups, id_key (parent));
  GPtrArray *result;

  if (group == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  if (!group->sorted)
    g_ptr_array_sort (group->rows,
                      baton_record_schema_find_field (_baton_store_schema_for_table (index->table), "position") != NULL
                        ? compare_by_position : compare_by_id);
  group->sorted = TRUE;

  result = g_ptr_array_new_full (group->rows->len, g_object_unref);
  for (guint i = 0; i < group->rows->len; i++)
    g_ptr_array_add (result, g_object_ref (g_ptr_array_index (group->rows, i)));

  return result;
}

void
_baton_store_indexes_add (BatonStore  *self,
                          TableId      table,
                          BatonRecord *record)
{
  for (guint i = 0; i < N_INDEXES; i++)
    if (self->indexes[i].table == table)
      index_add (&self->indexes[i], record);
}

void
_baton_store_indexes_remove (BatonStore  *self,
                             TableId      table,
                             BatonRecord *record)
{
  for (guint i = 0; i < N_INDEXES; i++)
    if (self->indexes[i].table == table)
      index_remove (&self->indexes[i], record);
}

void
_baton_store_indexes_rebuild (BatonStore *self,
                              TableId     table)
{
  GListModel *rows = G_LIST_MODEL (self->tables[table].list);
  guint n = g_list_model_get_n_items (rows);

  for (guint i = 0; i < N_INDEXES; i++)
    if (self->indexes[i].table == table)
      g_hash_table_remove_all (self->indexes[i].groups);

  for (guint k = 0; k < n; k++)
    {
      g_autoptr(BatonRecord) record = g_list_model_get_item (rows, k);
      _baton_store_indexes_add (self, table, record);
    }
}
