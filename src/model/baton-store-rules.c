/* baton-store-rules.c — the store's validation: each field, and the rules that span rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-store"

#include "config.h"

#include <glib/gi18n.h>
#include <gobject/gvaluecollector.h>

#include "baton-dates.h"
#include "baton-store-internal.h"

/* Validation ------------------------------------------------------------- */

gboolean
_baton_store_check_reference (BatonStore       *self,
                              const BatonField *field,
                              gint64            id,
                              GError          **error)
{
  Table *target;

  if (id == 0)
    return TRUE;

  target = _baton_store_table_for_name (self, field->ref_table);
  g_assert (target != NULL);

  if (table_lookup (target, id) == NULL)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND,
                   _("The %s does not exist (it may have been deleted)."),
                   g_dgettext (GETTEXT_PACKAGE, field->label));
      return FALSE;
    }

  return TRUE;
}

/* Rules that span rows ---------------------------------------------------
 *
 * Each rule is checked on the rows as a change leaves them (a BatonRowView:
 * the store's rows with the change's rows in their place), for every row
 * the change inserts or deletes and every row whose watched fields it
 * changes. So a rule holds after every mutation however it was made
 * (typed methods, baton_store_insert/update/delete, batches), and an
 * earlier row that breaks a rule does not stop unrelated edits of it (a
 * note that was saved with a wrong program can still be typed in). The
 * JSON import checks the same rules on its document
 * (_baton_store_check_new_row ()). */

typedef gboolean (*RuleCheck) (const BatonRowView  *view,
                               BatonRecord         *before,
                               BatonRecord         *after,
                               GError             **error);

typedef struct
{
  TableId      table;
  const char  *watched[3];  /* an update is checked when one of these changes */
  const char  *field;       /* the field at fault, for messages; NULL: the row */
  RuleCheck    check;       /* @before: the row before (NULL: a new row);
                             * @after: the row after (NULL: deleted) */
} Rule;

static GPtrArray *
view_collect (const BatonRowView      *view,
              const BatonRecordSchema *schema,
              const char              *field_name,
              gint64                   id)
{
  GPtrArray *rows = g_ptr_array_new ();
  const BatonField *field = NULL;

  if (field_name != NULL)
    {
      field = baton_record_schema_find_field (schema, field_name);
      g_assert (field != NULL);
    }

  view->collect (view, schema, field, id, rows);

  return rows;
}

/* A name for messages: the row's name, or its id when it has gone. */
static char *
view_name (const BatonRowView      *view,
           const BatonRecordSchema *schema,
           gint64                   id)
{
  BatonRecord *record = view->lookup (view, schema, id);
  const BatonField *name = baton_record_schema_find_field (schema, "name");

  if (record != NULL && name != NULL && baton_record_get_str_field (record, name) != NULL)
    return g_strdup (baton_record_get_str_field (record, name));

  return g_strdup_printf ("#%" G_GINT64_FORMAT, id);
}

/* Names compare ignoring case, as g_utf8_collate () compares them
 * folded: two names are the same when their keys are. */
static char *
role_name_key (BatonRole *role)
{
  g_autofree char *folded = g_utf8_casefold (baton_role_get_name (role), -1);

  return g_utf8_collate_key (folded, -1);
}

/* The roles of @view grouped by name key: key → GPtrArray of roles. */
static GHashTable *
role_names (const BatonRowView *view)
{
  GHashTable *names = view->memo != NULL ? g_hash_table_lookup (view->memo, "role-names") : NULL;
  g_autoptr(GPtrArray) roles = NULL;

  if (names != NULL)
    return g_hash_table_ref (names);

  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  roles = view_collect (view, baton_role_schema (), NULL, 0);
  for (guint i = 0; i < roles->len; i++)
    {
      char *key = role_name_key (g_ptr_array_index (roles, i));
      GPtrArray *same = g_hash_table_lookup (names, key);

      if (same == NULL)
        {
          same = g_ptr_array_new ();
          g_hash_table_insert (names, key, same);
        }
      else
        g_free (key);
      g_ptr_array_add (same, g_ptr_array_index (roles, i));
    }

  if (view->memo != NULL)
    g_hash_table_insert (view->memo, (gpointer) "role-names", g_hash_table_ref (names));

  return names;
}

/* Role names are unique, ignoring case. */
static gboolean
rule_role_name_unique (const BatonRowView  *view,
                       BatonRecord         *before,
                       BatonRecord         *after,
                       GError             **error)
{
  g_autoptr(GHashTable) names = NULL;
  g_autofree char *key = NULL;
  GPtrArray *same;

  if (after == NULL)
    return TRUE;

  names = role_names (view);
  key = role_name_key (BATON_ROLE (after));
  same = g_hash_table_lookup (names, key);

  for (guint i = 0; same != NULL && i < same->len; i++)
    {
      BatonRole *role = g_ptr_array_index (same, i);

      if ((BatonRecord *) role != after)
        {
          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                       _("There is already a role called “%s”."), baton_role_get_name (role));
          return FALSE;
        }
    }

  return TRUE;
}

/* The role links of one person, grouped by role. */
typedef struct
{
  GHashTable *by_role;     /* gint64* role id → GPtrArray of links */
  guint       n_links;
  guint       n_primary;
} PersonLinks;

static void
person_links_clear (gpointer data)
{
  PersonLinks *links = data;

  g_clear_pointer (&links->by_role, g_hash_table_unref);
}

static PersonLinks *
person_links_new (void)
{
  PersonLinks *links = g_rc_box_new0 (PersonLinks);

  links->by_role = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  return links;
}

static void
person_links_unref (gpointer data)
{
  g_rc_box_release_full (data, person_links_clear);
}

static void
person_links_add (PersonLinks     *links,
                  BatonPersonRole *link)
{
  gint64 role_id = baton_person_role_get_role_id (link);
  GPtrArray *same = g_hash_table_lookup (links->by_role, &role_id);

  if (same == NULL)
    {
      same = g_ptr_array_new ();
      g_hash_table_insert (links->by_role, g_memdup2 (&role_id, sizeof role_id), same);
    }
  g_ptr_array_add (same, link);

  links->n_links++;
  links->n_primary += baton_person_role_get_is_primary (link) ? 1 : 0;
}

/* The links of @person_id in @view (a new reference). With a memo, every
 * person's links are grouped once. */
static PersonLinks *
person_links_of (const BatonRowView *view,
                 gint64              person_id)
{
  GHashTable *people = view->memo != NULL ? g_hash_table_lookup (view->memo, "person-links") : NULL;
  g_autoptr(GPtrArray) rows = NULL;
  PersonLinks *links;

  if (view->memo != NULL && people == NULL)
    {
      people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, person_links_unref);
      rows = view_collect (view, baton_person_role_schema (), NULL, 0);
      for (guint i = 0; i < rows->len; i++)
        {
          BatonPersonRole *link = g_ptr_array_index (rows, i);
          gint64 id = baton_person_role_get_person_id (link);

          links = g_hash_table_lookup (people, &id);
          if (links == NULL)
            {
              links = person_links_new ();
              g_hash_table_insert (people, g_memdup2 (&id, sizeof id), links);
            }
          person_links_add (links, link);
        }
      g_hash_table_insert (view->memo, (gpointer) "person-links", people);
    }

  if (people != NULL)
    {
      links = g_hash_table_lookup (people, &person_id);
      return links != NULL ? g_rc_box_acquire (links) : person_links_new ();
    }

  links = person_links_new ();
  rows = view_collect (view, baton_person_role_schema (), "person-id", person_id);
  for (guint i = 0; i < rows->len; i++)
    person_links_add (links, g_ptr_array_index (rows, i));

  return links;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PersonLinks, person_links_unref)

/* A person holds a role once. */
static gboolean
rule_role_held_once (const BatonRowView  *view,
                     BatonRecord         *before,
                     BatonRecord         *after,
                     GError             **error)
{
  g_autoptr(PersonLinks) links = NULL;
  gint64 person_id, role_id;
  GPtrArray *same;

  if (after == NULL)
    return TRUE;

  person_id = baton_person_role_get_person_id (BATON_PERSON_ROLE (after));
  role_id = baton_person_role_get_role_id (BATON_PERSON_ROLE (after));
  links = person_links_of (view, person_id);
  same = g_hash_table_lookup (links->by_role, &role_id);

  for (guint i = 0; same != NULL && i < same->len; i++)
    {
      if (g_ptr_array_index (same, i) != (gpointer) after)
        {
          g_autofree char *person = view_name (view, baton_person_schema (), person_id);
          g_autofree char *role = view_name (view, baton_role_schema (), role_id);

          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                       _("“%s” already holds the role “%s”."), person, role);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_primary_role (const BatonRowView  *view,
                    gint64               person_id,
                    GError             **error)
{
  g_autoptr(PersonLinks) links = NULL;
  g_autofree char *person = NULL;

  /* A person deleted with their roles has none left to check. */
  if (view->lookup (view, baton_person_schema (), person_id) == NULL)
    return TRUE;

  links = person_links_of (view, person_id);
  if (links->n_links == 0 || links->n_primary == 1)
    return TRUE;

  person = view_name (view, baton_person_schema (), person_id);
  if (links->n_primary > 1)
    g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                 _("“%s” already has a primary role."), person);
  else
    g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                 _("“%s” has roles but none of them is primary."), person);

  return FALSE;
}

/* A person who holds roles holds exactly one of them as primary. */
static gboolean
rule_one_primary_role (const BatonRowView  *view,
                       BatonRecord         *before,
                       BatonRecord         *after,
                       GError             **error)
{
  gint64 before_id = before ? baton_person_role_get_person_id (BATON_PERSON_ROLE (before)) : 0;
  gint64 after_id = after ? baton_person_role_get_person_id (BATON_PERSON_ROLE (after)) : 0;

  if (after_id != 0 && !check_primary_role (view, after_id, error))
    return FALSE;
  if (before_id != 0 && before_id != after_id && !check_primary_role (view, before_id, error))
    return FALSE;

  return TRUE;
}

/* A note's program belongs to the note's client. */
static gboolean
rule_note_program_of_client (const BatonRowView  *view,
                             BatonRecord         *before,
                             BatonRecord         *after,
                             GError             **error)
{
  BatonNote *note;
  BatonRecord *program;
  gint64 client_id;

  if (after == NULL)
    return TRUE;

  note = BATON_NOTE (after);
  client_id = baton_note_get_client_id (note);
  if (baton_note_get_program_id (note) == 0)
    return TRUE;

  /* The references were checked before: a program that is missing here
   * is one the same change deletes, which clears the note's reference. */
  program = view->lookup (view, baton_program_schema (), baton_note_get_program_id (note));
  if (program == NULL || baton_program_get_client_id (BATON_PROGRAM (program)) == client_id)
    return TRUE;

  {
    g_autofree char *client = view_name (view, baton_client_schema (), client_id);
    g_autofree char *owner = view_name (view, baton_client_schema (),
                                        baton_program_get_client_id (BATON_PROGRAM (program)));

    g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                 _("The program “%s” belongs to the client “%s”, not to “%s”."),
                 baton_program_get_name (BATON_PROGRAM (program)), owner, client);
  }

  return FALSE;
}

/* The other side of the rule above: a program whose notes belong to its
 * client does not move to another client. A new program has no notes. */
static gboolean
rule_program_keeps_notes (const BatonRowView  *view,
                          BatonRecord         *before,
                          BatonRecord         *after,
                          GError             **error)
{
  g_autoptr(GPtrArray) notes = NULL;
  gint64 client_id;

  if (before == NULL || after == NULL)
    return TRUE;

  client_id = baton_program_get_client_id (BATON_PROGRAM (after));
  notes = view_collect (view, baton_note_schema (), "program-id", baton_record_get_id (after));

  for (guint i = 0; i < notes->len; i++)
    {
      BatonNote *note = g_ptr_array_index (notes, i);

      if (baton_note_get_client_id (note) != client_id)
        {
          g_autofree char *client = view_name (view, baton_client_schema (), baton_note_get_client_id (note));

          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                       _("The program cannot move to another client: notes of “%s” refer to it."),
                       client);
          return FALSE;
        }
    }

  return TRUE;
}

/* A board keeps at least one stage. */
static gboolean
rule_a_stage_remains (const BatonRowView  *view,
                      BatonRecord         *before,
                      BatonRecord         *after,
                      GError             **error)
{
  g_autoptr(GPtrArray) stages = NULL;

  if (after != NULL)
    return TRUE;

  stages = view_collect (view, baton_stage_schema (), NULL, 0);
  if (stages->len == 0)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   _("The last stage cannot be deleted: a board needs at least one."));
      return FALSE;
    }

  return TRUE;
}

static const Rule rules[] = {
  { TABLE_ROLES, { "name" }, "name", rule_role_name_unique },
  { TABLE_PERSON_ROLES, { "person-id", "role-id" }, "role-id", rule_role_held_once },
  { TABLE_PERSON_ROLES, { "person-id", "is-primary" }, "is-primary", rule_one_primary_role },
  { TABLE_NOTES, { "client-id", "program-id" }, "program-id", rule_note_program_of_client },
  { TABLE_PROGRAMS, { "client-id" }, "client-id", rule_program_keeps_notes },
  { TABLE_STAGES, { NULL }, NULL, rule_a_stage_remains },
};

/* Whether @rule must look at @op: inserts and deletes always, updates
 * when they change a watched field. */
static gboolean
rule_watches (const Rule *rule,
              BatonOp    *op)
{
  if (_baton_store_schema_for_table (rule->table) != op->schema)
    return FALSE;
  if (op->kind != BATON_OP_UPDATE)
    return TRUE;

  for (guint k = 0; k < G_N_ELEMENTS (rule->watched) && rule->watched[k] != NULL; k++)
    {
      const BatonField *field = baton_record_schema_find_field (op->schema, rule->watched[k]);
      guint i = field - op->schema->fields;

      if (!baton_field_values_equal (&op->before[i], &op->after[i]))
        return TRUE;
    }

  return FALSE;
}

gboolean
_baton_store_check_new_row (const BatonRowView  *view,
                            BatonRecord         *row,
                            const BatonField   **field,
                            GError             **error)
{
  const BatonRecordSchema *schema;

  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (BATON_IS_RECORD (row), FALSE);

  schema = baton_record_get_schema (row);
  if (field != NULL)
    *field = NULL;

  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      if (_baton_store_schema_for_table (rules[r].table) != schema)
        continue;

      if (!rules[r].check (view, NULL, row, error))
        {
          if (field != NULL && rules[r].field != NULL)
            *field = baton_record_schema_find_field (schema, rules[r].field);
          return FALSE;
        }
    }

  return TRUE;
}

/* The store's rows as a change leaves them. */
typedef struct
{
  BatonRowView  view;                  /* first: what the rules see */
  BatonStore   *store;
  GHashTable   *replaced[N_TABLES];    /* id → the row after the change, NULL when deleted */
  GPtrArray    *inserted[N_TABLES];    /* rows the change adds (id 0) */
  GPtrArray    *owned;
} ChangeView;

static BatonRecord *
change_view_lookup (const BatonRowView      *view,
                    const BatonRecordSchema *schema,
                    gint64                   id)
{
  const ChangeView *self = (const ChangeView *) view;
  Table *table = _baton_store_table_for_schema (self->store, schema);
  GHashTable *replaced = self->replaced[table_id_of (self->store, table)];
  gpointer row;

  if (replaced != NULL && g_hash_table_lookup_extended (replaced, id_key (id), NULL, &row))
    return row;

  return table_lookup (table, id);
}

static gboolean
row_matches (BatonRecord      *row,
             const BatonField *field,
             gint64            id)
{
  return field == NULL || baton_record_get_int_field (row, field) == id;
}

static void
change_view_collect (const BatonRowView      *view,
                     const BatonRecordSchema *schema,
                     const BatonField        *field,
                     gint64                   id,
                     GPtrArray               *rows)
{
  const ChangeView *self = (const ChangeView *) view;
  Table *table = _baton_store_table_for_schema (self->store, schema);
  TableId table_id = table_id_of (self->store, table);
  GHashTable *replaced = self->replaced[table_id];
  GListModel *list = G_LIST_MODEL (table->list);
  GPtrArray *group_rows = NULL;
  gboolean indexed = FALSE;
  guint n;

  /* The store's rows, through an index when there is one. */
  for (guint i = 0; i < N_INDEXES && field != NULL && !indexed; i++)
    {
      const Index *index = &self->store->indexes[i];

      if (index->table == table_id && index->field == field)
        {
          Group *group = g_hash_table_lookup (index->groups, id_key (id));

          indexed = TRUE;
          group_rows = group != NULL ? group->rows : NULL;
        }
    }

  if (indexed)
    n = group_rows != NULL ? group_rows->len : 0;
  else
    n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      BatonRecord *row;

      if (indexed)
        row = g_ptr_array_index (group_rows, i);
      else
        {
          row = g_list_model_get_item (list, i);
          g_object_unref (row);   /* the list keeps it */
        }

      if (replaced != NULL && g_hash_table_contains (replaced, id_key (baton_record_get_id (row))))
        continue;
      if (row_matches (row, field, id))
        g_ptr_array_add (rows, row);
    }

  /* Then the change's own rows. */
  if (replaced != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, replaced);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (value != NULL && row_matches (value, field, id))
          g_ptr_array_add (rows, value);
    }
  if (self->inserted[table_id] != NULL)
    {
      for (guint i = 0; i < self->inserted[table_id]->len; i++)
        if (row_matches (g_ptr_array_index (self->inserted[table_id], i), field, id))
          g_ptr_array_add (rows, g_ptr_array_index (self->inserted[table_id], i));
    }
}

static void
change_view_clear (ChangeView *self)
{
  for (guint t = 0; t < N_TABLES; t++)
    {
      g_clear_pointer (&self->replaced[t], g_hash_table_unref);
      g_clear_pointer (&self->inserted[t], g_ptr_array_unref);
    }
  g_clear_pointer (&self->owned, g_ptr_array_unref);
}

/* Checks every rule that @change concerns on the rows as it leaves them. */
gboolean
_baton_store_check_change_rules (BatonStore   *self,
                                 BatonChange  *change,
                                 GError      **error)
{
  guint n_ops = baton_change_get_n_ops (change);
  ChangeView view = { { change_view_lookup, change_view_collect, NULL }, self, { NULL }, { NULL }, NULL };
  g_autofree BatonRecord **afters = NULL;
  gboolean concerned = FALSE;
  gboolean ok = TRUE;

  /* Most changes (moving cards) concern no rule: nothing to build. */
  for (guint k = 0; k < n_ops && !concerned; k++)
    for (guint r = 0; r < G_N_ELEMENTS (rules) && !concerned; r++)
      concerned = rule_watches (&rules[r], baton_change_get_op (change, k));
  if (!concerned)
    return TRUE;

  /* On the heap: deleting a program cascades to all of its cards. */
  afters = g_new (BatonRecord *, n_ops);
  view.owned = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint k = 0; k < n_ops; k++)
    {
      BatonOp *op = baton_change_get_op (change, k);
      TableId table_id = table_id_of (self, _baton_store_table_for_schema (self, op->schema));

      afters[k] = op->after != NULL ? _baton_store_record_new_from_values (op->schema, op->id, op->after) : NULL;
      if (afters[k] != NULL)
        g_ptr_array_add (view.owned, afters[k]);

      if (op->kind == BATON_OP_INSERT && op->id == 0)
        {
          if (view.inserted[table_id] == NULL)
            view.inserted[table_id] = g_ptr_array_new ();
          g_ptr_array_add (view.inserted[table_id], afters[k]);
        }
      else
        {
          if (view.replaced[table_id] == NULL)
            view.replaced[table_id] = g_hash_table_new (g_direct_hash, g_direct_equal);
          g_hash_table_insert (view.replaced[table_id], id_key (op->id), afters[k]);
        }
    }

  for (guint k = 0; k < n_ops && ok; k++)
    {
      BatonOp *op = baton_change_get_op (change, k);
      BatonRecord *before = op->kind == BATON_OP_INSERT ? NULL
                                                        : table_lookup (_baton_store_table_for_schema (self, op->schema), op->id);

      for (guint r = 0; r < G_N_ELEMENTS (rules) && ok; r++)
        if (rule_watches (&rules[r], op))
          ok = rules[r].check (&view.view, before, afters[k], error);
    }

  change_view_clear (&view);

  return ok;
}

/* Builds the full, validated field values of a row: @current (or the
 * defaults) with the named properties replaced. Timestamps named
 * created-at / updated-at are filled in. */
GValue *
_baton_store_prepare_values (BatonStore               *self,
                             const BatonRecordSchema  *schema,
                             BatonRecord              *current,
                             guint                     n_properties,
                             const char              **names,
                             const GValue             *values,
                             GError                  **error)
{
  g_autoptr(BatonRecord) candidate = NULL;
  GValue *result;
  gboolean *given = g_newa (gboolean, schema->n_fields);
  g_autofree char *now = baton_timestamp_now ();

  memset (given, 0, sizeof (gboolean) * schema->n_fields);

  /* The current values are copied only for the fields not given below:
   * a note's body can be a megabyte. */
  result = g_new0 (GValue, schema->n_fields);
  for (guint i = 0; i < schema->n_fields; i++)
    g_value_init (&result[i], baton_field_get_gtype (&schema->fields[i]));

  for (guint k = 0; k < n_properties; k++)
    {
      const BatonField *field = baton_record_schema_find_field (schema, names[k]);
      guint i;
      GValue normalized = G_VALUE_INIT;

      if (field == NULL)
        {
          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                       _("There is no field “%s”."), names[k]);
          goto fail;
        }

      i = field - schema->fields;
      if (!baton_field_validate (field, &values[k], &normalized, error))
        goto fail;
      if (field->kind == BATON_FIELD_REF &&
          !_baton_store_check_reference (self, field, g_value_get_int64 (&normalized), error))
        {
          g_value_unset (&normalized);
          goto fail;
        }

      g_value_unset (&result[i]);
      result[i] = normalized;
      given[i] = TRUE;
    }

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const BatonField *field = &schema->fields[i];

      if (given[i])
        continue;

      if (current != NULL)
        baton_record_get_field_value (current, field, &result[i]);

      if ((current == NULL && strcmp (field->name, "created-at") == 0) ||
          strcmp (field->name, "updated-at") == 0)
        g_value_set_string (&result[i], now);
      else if (current == NULL)
        {
          /* Defaults must be valid too: a required name or reference that
           * was not given is an error, not an empty row. */
          GValue normalized = G_VALUE_INIT;

          if (!baton_field_validate (field, &result[i], &normalized, error))
            goto fail;
          g_value_unset (&normalized);
        }
    }

  /* Cross-field rules, on a candidate built from the final values. */
  if (schema->validate != NULL)
    {
      candidate = g_object_new (schema->get_type (), NULL);
      for (guint i = 0; i < schema->n_fields; i++)
        _baton_record_set_field_value (candidate, &schema->fields[i], &result[i]);
      if (!schema->validate (candidate, error))
        goto fail;
    }

  return result;

fail:
  for (guint i = 0; i < schema->n_fields; i++)
    if (G_IS_VALUE (&result[i]))
      g_value_unset (&result[i]);
  g_free (result);
  return NULL;
}

void
_baton_store_collect_values_va (GType         type,
                                const char   *first_property_name,
                                va_list       args,
                                GPtrArray    *names,
                                GArray       *values)
{
  GObjectClass *klass = g_type_class_ref (type);
  const char *name;

  for (name = first_property_name; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (klass, name);
      GValue value = G_VALUE_INIT;
      g_autofree char *message = NULL;

      if (pspec == NULL)
        {
          g_critical ("%s has no property “%s”", g_type_name (type), name);
          break;
        }

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &message);
      if (message != NULL)
        {
          g_critical ("%s", message);
          break;
        }

      g_ptr_array_add (names, (gpointer) g_intern_string (name));
      g_array_append_val (values, value);
    }

  g_type_class_unref (klass);
}

void
_baton_store_clear_value (gpointer data)
{
  g_value_unset (data);
}
