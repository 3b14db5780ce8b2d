/* baton-capacity-grid-rows.c — the grid's rows, from the matrix
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-capacity-grid"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "baton-capacity-grid-private.h"
#include "baton-view-settings.h"

/* People under their primary role, by name; each role's header, then its
 * people, then its unassigned demand; people without a role last.
 *
 * Secondary roles: a person has one row, under their primary role. A role
 * they hold as a secondary one names them in its header ("2 people + 1
 * also", the names in the header's tooltip and in the description a screen
 * reader reads) but does not repeat their row. The rule for totals: a
 * person's load and capacity count once, in the group they are listed in;
 * a group's total is its own people's, never its secondary holders', so
 * the role totals add up to the team's figures. */

PersonRoles *
_baton_capacity_grid_lookup_person_roles (BatonCapacityGrid *self,
                                          gint64             person_id)
{
  return g_hash_table_lookup (self->person_roles, &person_id);
}

static void
index_person_roles (BatonCapacityGrid *self)
{
  GListModel *links = baton_store_get_person_roles (self->store);
  guint n = g_list_model_get_n_items (links);

  g_hash_table_remove_all (self->person_roles);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonPersonRole) link = g_list_model_get_item (links, i);
      gint64 person_id = baton_person_role_get_person_id (link);
      gint64 role_id = baton_person_role_get_role_id (link);
      PersonRoles *roles = _baton_capacity_grid_lookup_person_roles (self, person_id);

      if (roles == NULL)
        {
          roles = g_new0 (PersonRoles, 1);
          roles->person_id = person_id;
          roles->role_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (self->person_roles, &roles->person_id, roles);
        }

      if (baton_person_role_get_is_primary (link))
        g_array_prepend_val (roles->role_ids, role_id);
      else
        g_array_append_val (roles->role_ids, role_id);
    }
}

static gint64
primary_role_of (BatonCapacityGrid *self,
                 gint64             person_id)
{
  PersonRoles *roles = _baton_capacity_grid_lookup_person_roles (self, person_id);

  return roles != NULL && roles->role_ids->len > 0 ? g_array_index (roles->role_ids, gint64, 0) : 0;
}

typedef struct
{
  guint  row;
  char  *collate_key;
} SortEntry;

static gint
compare_sort_entries (gconstpointer a,
                      gconstpointer b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;
  int cmp = strcmp (ea->collate_key, eb->collate_key);

  return cmp != 0 ? cmp : (ea->row < eb->row ? -1 : (ea->row > eb->row ? 1 : 0));
}

static void
append_row (BatonCapacityGrid *self,
            BatonGridRow      *row)
{
  baton_grid_layout_append_row (&self->layout, row);
}

static void
add_group (BatonCapacityGrid *self,
           gint64             role_id,
           GArray            *entries,   /* SortEntry of this group, sorted */
           GArray            *also,      /* SortEntry of its secondary holders, sorted (nullable) */
           gboolean           with_unassigned)
{
  BatonGridRow header = { BATON_GRID_ROW_ROLE, role_id, -1, 0 };
  guint n_weeks = self->layout.n_weeks;

  header.n_people = entries->len;
  header.also_rows = g_array_new (FALSE, FALSE, sizeof (gint));
  for (guint i = 0; also != NULL && i < also->len; i++)
    {
      gint matrix_row = (gint) g_array_index (also, SortEntry, i).row;

      g_array_append_val (header.also_rows, matrix_row);
    }

  /* The group's own people only: secondary holders count in their
   * primary group (see the top of this file). */
  header.total_load = g_new0 (double, MAX (n_weeks, 1));
  header.total_capacity = g_new0 (double, MAX (n_weeks, 1));

  for (guint i = 0; i < entries->len; i++)
    {
      guint matrix_row = g_array_index (entries, SortEntry, i).row;

      for (guint w = 0; w < n_weeks; w++)
        {
          header.total_load[w] += baton_capacity_get_load (self->matrix, matrix_row, w);
          header.total_capacity[w] += baton_capacity_get_capacity (self->matrix, matrix_row, w);
        }
    }
  append_row (self, &header);

  for (guint i = 0; i < entries->len; i++)
    {
      guint matrix_row = g_array_index (entries, SortEntry, i).row;
      BatonGridRow row = { BATON_GRID_ROW_PERSON, role_id, (gint) matrix_row, 0 };

      row.person_id = baton_record_get_id (BATON_RECORD (baton_capacity_get_person (self->matrix, matrix_row)));
      append_row (self, &row);
    }

  if (with_unassigned)
    {
      BatonGridRow row = { BATON_GRID_ROW_UNASSIGNED, role_id, -1, 0 };

      append_row (self, &row);
    }
}

static void
sort_entry_clear (gpointer data)
{
  g_free (((SortEntry *) data)->collate_key);
}

static GArray *
group_for (GHashTable *groups,
           gint64      role_id)
{
  GArray *group = g_hash_table_lookup (groups, &role_id);

  if (group == NULL)
    {
      group = g_array_new (FALSE, FALSE, sizeof (SortEntry));
      g_array_set_clear_func (group, sort_entry_clear);
      g_hash_table_insert (groups, g_memdup2 (&role_id, sizeof role_id), group);
    }

  return group;
}

static const char *
role_name (BatonCapacityGrid *self,
           gint64             role_id)
{
  BatonRole *role = role_id != 0 ? baton_store_lookup_role (self->store, role_id) : NULL;

  return role != NULL ? baton_role_get_name (role) : _("No Role");
}

/* What a role header says on the right: its people, and the people who
 * also hold the role. */
char *
_baton_capacity_grid_format_role_count (BatonCapacityGrid  *self,
                                        const BatonGridRow *row)
{
  g_autofree char *people = NULL;
  guint n_also = row->also_rows != NULL ? row->also_rows->len : 0;

  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", row->n_people),
                            row->n_people);
  if (n_also == 0)
    return g_steal_pointer (&people);

  /* Translators: a role group's count: "2 people + 1 also"; %s is its own
   * people ("2 people"), %u the people listed under another (primary)
   * role who also hold this one */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s + %u also", "%s + %u also", n_also),
                          people, n_also);
}

/* Appends who also holds a role header's role, and that their hours count
 * elsewhere; nothing when nobody does. */
void
_baton_capacity_grid_describe_also (BatonCapacityGrid  *self,
                                    const BatonGridRow *row,
                                    GString            *out)
{
  g_autoptr(GString) names = NULL;

  if (row->kind != BATON_GRID_ROW_ROLE || row->also_rows == NULL || row->also_rows->len == 0)
    return;

  names = g_string_new (NULL);
  for (guint i = 0; i < row->also_rows->len; i++)
    {
      gint matrix_row = g_array_index (row->also_rows, gint, i);
      BatonPerson *person = baton_capacity_get_person (self->matrix, (guint) matrix_row);
      gint64 primary = primary_role_of (self, baton_record_get_id (BATON_RECORD (person)));

      if (i > 0)
        /* Translators: between the names of people who also hold a role */
        g_string_append (names, _(", "));
      /* Translators: a person who also holds a role, and the role they are
       * listed under: "Alice (Instructional Designer)" */
      g_string_append_printf (names, _("%s (%s)"), baton_person_get_name (person),
                              role_name (self, primary));
    }

  if (out->len > 0)
    g_string_append_c (out, '\n');
  /* Translators: %s lists people and their primary roles */
  g_string_append_printf (out, _("Also held by %s"), names->str);
  g_string_append_c (out, '\n');
  g_string_append (out, g_dngettext (GETTEXT_PACKAGE,
                                     "Their hours count under their primary role, not in this total",
                                     "Their hours count under their primary roles, not in this total",
                                     row->also_rows->len));
}

static void
restore_focus (BatonCapacityGrid *self)
{
  gint found = -1;

  if (self->focus_row < 0)
    return;

  for (guint i = 0; i < self->layout.rows->len && found < 0; i++)
    {
      BatonGridRow *row = get_row (self, i);

      if (row->kind != self->focus_kind)
        continue;
      if ((row->kind == BATON_GRID_ROW_PERSON && row->person_id == self->focus_id) ||
          (row->kind != BATON_GRID_ROW_PERSON && row->role_id == self->focus_id))
        found = (gint) i;
    }

  if (found < 0)
    found = MIN (self->focus_row, (gint) self->layout.rows->len - 1);

  self->focus_row = found;
  if (self->focus_week >= (gint) self->layout.n_weeks)
    self->focus_week = (gint) self->layout.n_weeks - 1;
}

/* Places the rows: heights from the font, a gap before each group. */
void
_baton_capacity_grid_place_rows (BatonCapacityGrid *self)
{
  baton_grid_layout_place_rows (&self->layout);
  self->geometry_valid = TRUE;
}

/* Rebuilds the matrix and the rows when the store or the inputs changed,
 * and places them again when the font changed. */
void
_baton_capacity_grid_ensure_layout (BatonCapacityGrid *self)
{
  GListModel *roles;
  g_autoptr(GHashTable) groups = NULL;   /* role id → GArray of SortEntry */
  g_autoptr(GHashTable) also = NULL;     /* role id → GArray of SortEntry: secondary holders */
  g_autoptr(GArray) no_role = NULL;
  guint n_people, n_roles;

  _baton_capacity_grid_ensure_metrics (self);

  if (self->valid)
    {
      if (!self->geometry_valid)
        _baton_capacity_grid_place_rows (self);
      return;
    }

  g_clear_pointer (&self->matrix, baton_capacity_unref);
  baton_grid_layout_remove_rows (&self->layout);

  /* Asked outside a frame (an action, a test) right after a change: the
   * figures as they are now. (In a frame the view made them current in
   * its update phase, before the layout.) */
  if (!baton_workload_is_current (self->workload))
    {
      self->updating = TRUE;   /* this pass answers our ::changed handler */
      baton_workload_update (self->workload);
      self->updating = FALSE;
    }
  self->matrix = baton_workload_get_weeks (self->workload, self->weeks_id);
  index_person_roles (self);

  /* People under their primary role, by name. */
  groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  also = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  no_role = g_array_new (FALSE, FALSE, sizeof (SortEntry));
  g_array_set_clear_func (no_role, sort_entry_clear);
  n_people = baton_capacity_get_n_people (self->matrix);

  for (guint r = 0; r < n_people; r++)
    {
      BatonPerson *person = baton_capacity_get_person (self->matrix, r);
      gint64 person_id = baton_record_get_id (BATON_RECORD (person));
      PersonRoles *held = _baton_capacity_grid_lookup_person_roles (self, person_id);
      gint64 role_id = primary_role_of (self, person_id);
      const char *name = baton_person_get_name (person);
      SortEntry entry = { r, g_utf8_collate_key (name != NULL ? name : "", -1) };
      GArray *group = no_role;

      if (role_id != 0 && baton_store_lookup_role (self->store, role_id) != NULL)
        group = group_for (groups, role_id);
      g_array_append_val (group, entry);

      /* Their other roles name them without counting them. */
      for (guint i = 1; held != NULL && i < held->role_ids->len; i++)
        {
          gint64 other = g_array_index (held->role_ids, gint64, i);
          SortEntry also_entry = { r, g_utf8_collate_key (name != NULL ? name : "", -1) };

          if (other == role_id)
            {
              g_free (also_entry.collate_key);
              continue;
            }
          g_array_append_val (group_for (also, other), also_entry);
        }
    }

  roles = baton_store_get_roles (self->store);
  n_roles = g_list_model_get_n_items (roles);

  for (guint i = 0; i < n_roles; i++)
    {
      g_autoptr(BatonRole) role = g_list_model_get_item (roles, i);
      gint64 role_id = baton_record_get_id (BATON_RECORD (role));
      GArray *group = g_hash_table_lookup (groups, &role_id);
      GArray *also_group = g_hash_table_lookup (also, &role_id);
      g_autoptr(GArray) empty = NULL;

      if (group == NULL)
        group = empty = g_array_new (FALSE, FALSE, sizeof (SortEntry));
      g_array_sort (group, compare_sort_entries);
      if (also_group != NULL)
        g_array_sort (also_group, compare_sort_entries);
      add_group (self, role_id, group, also_group, TRUE);
    }

  if (no_role->len > 0)
    {
      g_array_sort (no_role, compare_sort_entries);
      add_group (self, 0, no_role, NULL, FALSE);
    }

  _baton_capacity_grid_place_rows (self);
  self->valid = TRUE;

  restore_focus (self);
  self->hover_row = self->hover_week = -1;
}

