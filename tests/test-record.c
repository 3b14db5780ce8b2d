/* test-record.c — field validation, property notification, copies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-record"

#include "config.h"

#include <string.h>

#include "baton-store-private.h"
#include "baton-test-util.h"

/* Helpers */

static const BatonField *
field (const BatonRecordSchema *schema,
       const char              *name)
{
  const BatonField *f = baton_record_schema_find_field (schema, name);

  g_assert_nonnull (f);
  return f;
}

/* Validates @text for @f. Returns the normalized string (NULL when it
 * normalizes to NULL) in *@out; the result of validation is returned. */
static gboolean
validate_string (const BatonField  *f,
                 const char        *text,
                 char             **out,
                 GError           **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) normalized = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);

  if (!baton_field_validate (f, &value, &normalized, error))
    {
      /* A failed validation leaves @normalized unset. */
      g_assert_false (G_IS_VALUE (&normalized));
      return FALSE;
    }

  g_assert_true (G_VALUE_HOLDS_STRING (&normalized));
  if (out != NULL)
    *out = g_value_dup_string (&normalized);
  return TRUE;
}

static gboolean
validate_int (const BatonField  *f,
              gint64             n,
              gint64            *out,
              GError           **error)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) normalized = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, n);

  if (!baton_field_validate (f, &value, &normalized, error))
    {
      g_assert_false (G_IS_VALUE (&normalized));
      return FALSE;
    }

  g_assert_true (G_VALUE_HOLDS_INT64 (&normalized));
  if (out != NULL)
    *out = g_value_get_int64 (&normalized);
  return TRUE;
}

static void
assert_string_ok (const BatonField *f,
                  const char       *text,
                  const char       *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_assert_true (validate_string (f, text, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, expected);
}

static void
assert_string_invalid (const BatonField *f,
                       const char       *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (validate_string (f, text, NULL, &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_INVALID);
}

static void
assert_int_ok (const BatonField *f,
               gint64            n)
{
  g_autoptr(GError) error = NULL;
  gint64 out = -12345;

  g_assert_true (validate_int (f, n, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out, ==, n);
}

static void
assert_int_invalid (const BatonField *f,
                    gint64            n)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (validate_int (f, n, NULL, &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_INVALID);
}

static char *
repeat (const char *unit,
        guint       times)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (s, unit);

  return g_string_free (s, FALSE);
}

/* Validation by kind */

static void
test_validate_name (void)
{
  const BatonField *name = field (baton_role_schema (), "name");
  g_autofree char *max_ascii = repeat ("a", BATON_MAX_NAME_LENGTH);
  g_autofree char *too_long = repeat ("a", BATON_MAX_NAME_LENGTH + 1);
  g_autofree char *max_wide = repeat ("é", BATON_MAX_NAME_LENGTH);   /* 1000 bytes, 500 characters */
  g_autofree char *too_wide = repeat ("é", BATON_MAX_NAME_LENGTH + 1);
  g_autofree char *padded = g_strconcat ("   ", max_ascii, "\t\n", NULL);

  g_assert_cmpint (name->kind, ==, BATON_FIELD_NAME);

  assert_string_ok (name, "Writer", "Writer");
  assert_string_ok (name, "  Writer \t", "Writer");
  assert_string_ok (name, "Inner  space", "Inner  space");
  assert_string_ok (name, max_ascii, max_ascii);
  assert_string_ok (name, max_wide, max_wide);
  assert_string_ok (name, padded, max_ascii);   /* the length counts after trimming */
  assert_string_ok (name, "<b>&amp;</b>", "<b>&amp;</b>");

  assert_string_invalid (name, NULL);
  assert_string_invalid (name, "");
  assert_string_invalid (name, "   ");
  assert_string_invalid (name, " \t\n ");
  assert_string_invalid (name, too_long);
  assert_string_invalid (name, too_wide);
  assert_string_invalid (name, "bad \xff utf-8");
}

static void
test_validate_text (void)
{
  const BatonField *email = field (baton_person_schema (), "email");

  g_assert_cmpint (email->kind, ==, BATON_FIELD_TEXT);

  assert_string_ok (email, "ana@example.com", "ana@example.com");
  assert_string_ok (email, "", NULL);     /* empty text is stored as NULL */
  assert_string_ok (email, NULL, NULL);
  assert_string_ok (email, "  kept as typed  ", "  kept as typed  ");
  assert_string_invalid (email, "\xc3\x28");
}

static void
test_validate_date (void)
{
  const BatonField *due = field (baton_task_schema (), "due-date");
  const BatonField *start = field (baton_time_off_schema (), "start-date");

  g_assert_cmpint (due->kind, ==, BATON_FIELD_DATE);
  g_assert_false (due->required);
  g_assert_true (start->required);

  assert_string_ok (due, "2026-03-15", "2026-03-15");
  assert_string_ok (due, "2024-02-29", "2024-02-29");
  assert_string_ok (due, " 2026-03-15 ", "2026-03-15");
  assert_string_ok (due, NULL, NULL);
  assert_string_ok (due, "", NULL);
  assert_string_ok (due, "  ", NULL);

  assert_string_invalid (due, "2026-02-30");
  assert_string_invalid (due, "2025-02-29");
  assert_string_invalid (due, "tomorrow");
  assert_string_invalid (due, "2026-2-3");
  assert_string_invalid (due, "2026-13-01");
  assert_string_invalid (due, "2026-03-15T10:00:00Z");
  assert_string_invalid (due, "0000-01-01");
  assert_string_invalid (due, "15/03/2026");

  assert_string_ok (start, "2026-03-15", "2026-03-15");
  assert_string_invalid (start, NULL);
  assert_string_invalid (start, "");
  assert_string_invalid (start, "2026-02-30");
}

static void
test_validate_timestamp (void)
{
  const BatonField *created = field (baton_task_schema (), "created-at");

  g_assert_cmpint (created->kind, ==, BATON_FIELD_TIMESTAMP);

  assert_string_ok (created, "2026-11-28T18:50:00Z", "2026-11-28T18:50:00Z");
  assert_string_ok (created, "2026-11-28T18:50:00+01:00", "2026-11-28T18:50:00+01:00");
  assert_string_ok (created, NULL, NULL);
  assert_string_ok (created, "", NULL);

  assert_string_invalid (created, "yesterday");
  assert_string_invalid (created, "2026-02-30T10:00:00Z");
  assert_string_invalid (created, "2026-11-28T25:00:00Z");
}

static void
test_validate_color (void)
{
  const BatonField *color = field (baton_role_schema (), "color");

  g_assert_cmpint (color->kind, ==, BATON_FIELD_COLOR);

  assert_string_ok (color, "#3584e4", "#3584e4");
  assert_string_ok (color, "#ABCDEF", "#abcdef");
  assert_string_ok (color, "#aBc123", "#abc123");
  assert_string_ok (color, NULL, NULL);
  assert_string_ok (color, "", NULL);

  assert_string_invalid (color, "blue");
  assert_string_invalid (color, "3584e4");
  assert_string_invalid (color, "#3584e");
  assert_string_invalid (color, "#3584e4f");
  assert_string_invalid (color, "#3584g4");
  assert_string_invalid (color, "#fff");
  assert_string_invalid (color, " #3584e4");
  assert_string_invalid (color, "rgb(1,2,3)");
}

static void
test_validate_int (void)
{
  const BatonField *wip = field (baton_stage_schema (), "wip-limit");
  const BatonField *priority = field (baton_task_schema (), "priority");
  const BatonField *position = field (baton_role_schema (), "position");

  g_assert_cmpint (wip->kind, ==, BATON_FIELD_INT);
  g_assert_cmpint (wip->max, ==, BATON_MAX_WIP_LIMIT);

  assert_int_ok (wip, 0);
  assert_int_ok (wip, 1);
  assert_int_ok (wip, BATON_MAX_WIP_LIMIT);
  assert_int_invalid (wip, -1);
  assert_int_invalid (wip, BATON_MAX_WIP_LIMIT + 1);
  assert_int_invalid (wip, G_MAXINT64);
  assert_int_invalid (wip, G_MININT64);

  assert_int_ok (priority, 0);
  assert_int_ok (priority, 3);
  assert_int_invalid (priority, 4);
  assert_int_invalid (priority, -1);

  /* Far beyond any board, but not where the store's steps could overflow. */
  assert_int_ok (position, 0);
  assert_int_ok (position, BATON_MAX_POSITION);
  assert_int_invalid (position, BATON_MAX_POSITION + 1);
  assert_int_invalid (position, G_MAXINT64);
  assert_int_invalid (position, -1);
}

static void
test_validate_minutes (void)
{
  const BatonField *capacity = field (baton_person_schema (), "weekly-capacity-minutes");
  const BatonField *estimate = field (baton_task_schema (), "estimate-minutes");

  g_assert_cmpint (capacity->kind, ==, BATON_FIELD_MINUTES);
  g_assert_cmpint (estimate->kind, ==, BATON_FIELD_MINUTES);

  assert_int_ok (capacity, 0);
  assert_int_ok (capacity, 40 * 60);
  assert_int_ok (capacity, BATON_MAX_WEEKLY_CAPACITY_MINUTES);
  assert_int_invalid (capacity, BATON_MAX_WEEKLY_CAPACITY_MINUTES + 1);
  assert_int_invalid (capacity, -1);
  assert_int_invalid (capacity, -60 * 40);
  assert_int_invalid (capacity, G_MAXINT64);

  assert_int_ok (estimate, 0);
  assert_int_ok (estimate, BATON_MAX_ESTIMATE_MINUTES);
  assert_int_invalid (estimate, BATON_MAX_ESTIMATE_MINUTES + 1);
  assert_int_invalid (estimate, -1);
  assert_int_invalid (estimate, G_MAXINT64);
}

static void
test_validate_bool (void)
{
  const BatonField *archived = field (baton_task_schema (), "archived");
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) normalized = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (archived->kind, ==, BATON_FIELD_BOOL);
  g_assert_true (baton_field_get_gtype (archived) == G_TYPE_BOOLEAN);

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, TRUE);
  g_assert_true (baton_field_validate (archived, &value, &normalized, &error));
  g_assert_no_error (error);
  g_assert_true (g_value_get_boolean (&normalized));
  g_value_unset (&normalized);

  g_value_set_boolean (&value, FALSE);
  g_assert_true (baton_field_validate (archived, &value, &normalized, &error));
  g_assert_false (g_value_get_boolean (&normalized));
}

static void
test_validate_ref (void)
{
  const BatonField *stage = field (baton_task_schema (), "stage-id");
  const BatonField *program = field (baton_task_schema (), "program-id");

  g_assert_cmpint (stage->kind, ==, BATON_FIELD_REF);
  g_assert_cmpstr (stage->ref_table, ==, "stages");
  g_assert_true (stage->required);
  g_assert_false (program->required);

  assert_int_ok (stage, 1);
  assert_int_ok (stage, 123456789);
  assert_int_invalid (stage, 0);
  assert_int_invalid (stage, -1);

  assert_int_ok (program, 0);
  assert_int_ok (program, 7);
  assert_int_invalid (program, -7);
}

static void
test_validate_wrong_type (void)
{
  const BatonField *name = field (baton_role_schema (), "name");
  const BatonField *wip = field (baton_stage_schema (), "wip-limit");
  g_auto(GValue) number = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;
  g_auto(GValue) normalized = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_value_init (&number, G_TYPE_INT);
  g_value_set_int (&number, 3);
  g_assert_false (baton_field_validate (name, &number, &normalized, &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_INVALID);
  g_assert_false (G_IS_VALUE (&normalized));
  g_clear_error (&error);

  g_value_init (&text, G_TYPE_STRING);
  g_value_set_string (&text, "12");
  g_assert_false (baton_field_validate (wip, &text, &normalized, &error));
  baton_test_assert_store_error (error, BATON_STORE_ERROR_INVALID);
  g_assert_false (G_IS_VALUE (&normalized));
}

/* Every field of every schema has a label for messages and a GType that
 * matches its kind, and the messages name the field. */
static void
test_schemas_consistent (void)
{
  guint n_schemas;
  const BatonRecordSchema * const *schemas = _baton_store_get_schemas (&n_schemas);

  g_assert_cmpuint (n_schemas, ==, 12);

  for (guint s = 0; s < n_schemas; s++)
    {
      const BatonRecordSchema *schema = schemas[s];
      GObjectClass *klass = g_type_class_ref (schema->get_type ());

      g_assert_nonnull (schema->table);
      g_assert_nonnull (schema->label);
      g_assert_true (g_type_is_a (schema->get_type (), BATON_TYPE_RECORD));

      for (guint f = 0; f < schema->n_fields; f++)
        {
          const BatonField *fi = &schema->fields[f];
          GParamSpec *pspec = g_object_class_find_property (klass, fi->name);

          g_assert_nonnull (fi->label);
          g_assert_nonnull (pspec);
          g_assert_true (pspec->value_type == baton_field_get_gtype (fi));
          g_assert_true (baton_record_schema_find_field (schema, fi->name) == fi);
          if (fi->kind == BATON_FIELD_REF)
            g_assert_nonnull (fi->ref_table);
        }

      g_assert_null (baton_record_schema_find_field (schema, "no-such-field"));
      g_type_class_unref (klass);
    }
}

static void
test_error_names_field (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (validate_int (field (baton_person_schema (), "weekly-capacity-minutes"), -5, NULL, &error));
  g_assert_nonnull (strstr (error->message, "weekly capacity"));
  g_clear_error (&error);

  g_assert_false (validate_string (field (baton_task_schema (), "due-date"), "tomorrow", NULL, &error));
  g_assert_nonnull (strstr (error->message, "due date"));
  g_assert_nonnull (strstr (error->message, "tomorrow"));
  g_clear_error (&error);

  g_assert_false (validate_string (field (baton_role_schema (), "color"), "blue", NULL, &error));
  g_assert_nonnull (strstr (error->message, "blue"));
}

/* Records */

static guint
count_notify (gpointer    object,
              const char *property,
              void      (*action) (gpointer object))
{
  g_autoptr(BatonTestNotify) notify = baton_test_notify_new (object, property);

  action (object);
  return notify->count;
}

/* What the store does to a record it changes. */
static void
set_string (gpointer    object,
            const char *name,
            const char *text)
{
  const BatonField *f = field (baton_record_get_schema (object), name);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  _baton_record_set_field_value (object, f, &value);
}

static void
set_int (gpointer    object,
         const char *name,
         gint64      number)
{
  const BatonField *f = field (baton_record_get_schema (object), name);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, number);
  _baton_record_set_field_value (object, f, &value);
}

static void
set_bool (gpointer    object,
          const char *name,
          gboolean    flag)
{
  const BatonField *f = field (baton_record_get_schema (object), name);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, flag);
  _baton_record_set_field_value (object, f, &value);
}

static void
set_name_writer (gpointer object)
{
  set_string (object, "name", "Writer");
}

static void
set_name_designer (gpointer object)
{
  set_string (object, "name", "Designer");
}

static void
set_position_3 (gpointer object)
{
  set_int (object, "position", 3);
}

static void
test_record_notify (void)
{
  g_autoptr(BatonRole) role = g_object_new (BATON_TYPE_ROLE, NULL);
  const BatonField *name = field (baton_role_schema (), "name");
  g_auto(GValue) value = G_VALUE_INIT;

  /* NULL → "Writer" notifies; "Writer" → "Writer" does not. */
  g_assert_cmpuint (count_notify (role, "name", set_name_writer), ==, 1);
  g_assert_cmpuint (count_notify (role, "name", set_name_writer), ==, 0);
  g_assert_cmpuint (count_notify (role, "name", set_name_designer), ==, 1);
  g_assert_cmpstr (baton_role_get_name (role), ==, "Designer");

  g_assert_cmpuint (count_notify (role, "position", set_position_3), ==, 1);
  g_assert_cmpuint (count_notify (role, "position", set_position_3), ==, 0);
  g_assert_cmpint (baton_role_get_position (role), ==, 3);

  /* Setting one property does not notify the others. */
  g_assert_cmpuint (count_notify (role, "color", set_name_writer), ==, 0);
  g_assert_cmpstr (baton_role_get_name (role), ==, "Writer");

  /* The descriptor API follows the same rule. */
  {
    g_autoptr(BatonTestNotify) notify = baton_test_notify_new (role, "name");

    g_value_init (&value, G_TYPE_STRING);
    g_value_set_string (&value, "Editor");
    _baton_record_set_field_value (BATON_RECORD (role), name, &value);
    _baton_record_set_field_value (BATON_RECORD (role), name, &value);
    g_assert_cmpuint (notify->count, ==, 1);
    g_assert_true (baton_record_field_equals (BATON_RECORD (role), name, &value));
    g_assert_cmpstr (baton_record_get_str_field (BATON_RECORD (role), name), ==, "Editor");
  }

  /* The id too. */
  {
    g_autoptr(BatonTestNotify) notify = baton_test_notify_new (role, "id");

    _baton_record_set_id (BATON_RECORD (role), 42);
    _baton_record_set_id (BATON_RECORD (role), 42);
    g_assert_cmpuint (notify->count, ==, 1);
    g_assert_cmpint (baton_record_get_id (BATON_RECORD (role)), ==, 42);
  }
}

static void
test_record_notify_bool (void)
{
  g_autoptr(BatonTask) task = g_object_new (BATON_TYPE_TASK, NULL);
  g_autoptr(BatonTestNotify) notify = baton_test_notify_new (task, "archived");
  const BatonField *archived = field (baton_task_schema (), "archived");
  gboolean value = FALSE;

  set_bool (task, "archived", FALSE);
  g_assert_cmpuint (notify->count, ==, 0);
  set_bool (task, "archived", TRUE);
  g_assert_cmpuint (notify->count, ==, 1);
  set_bool (task, "archived", TRUE);
  g_assert_cmpuint (notify->count, ==, 1);
  g_object_get (task, "archived", &value, NULL);
  g_assert_true (value);
  g_assert_cmpint (baton_record_get_int_field (BATON_RECORD (task), archived), ==, 1);
}

/* Only the store writes records: outside the model, every property of
 * every record type, the id too, can be read and not written. */
static void
test_record_read_only (void)
{
  guint n_schemas = 0;
  const BatonRecordSchema * const *schemas = _baton_store_get_schemas (&n_schemas);

  g_assert_cmpuint (n_schemas, >, 0);
  for (guint i = 0; i < n_schemas; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (schemas[i]->get_type ());
      guint n_pspecs = 0;
      g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);

      g_assert_cmpuint (n_pspecs, ==, schemas[i]->n_fields + 1);
      for (guint p = 0; p < n_pspecs; p++)
        {
          g_debug ("%s:%s", schemas[i]->table, pspecs[p]->name);
          g_assert_true (pspecs[p]->flags & G_PARAM_READABLE);
          g_assert_false (pspecs[p]->flags & (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT | G_PARAM_CONSTRUCT_ONLY));
        }
    }
}

static void
test_record_load_does_not_notify (void)
{
  g_autoptr(BatonPerson) person = g_object_new (BATON_TYPE_PERSON, NULL);
  g_autoptr(BatonTestNotify) name = baton_test_notify_new (person, "name");
  g_autoptr(BatonTestNotify) capacity = baton_test_notify_new (person, "weekly-capacity-minutes");

  _baton_record_load_string (BATON_RECORD (person), field (baton_person_schema (), "name"), "Ana");
  _baton_record_load_int (BATON_RECORD (person), field (baton_person_schema (), "weekly-capacity-minutes"), 2400);

  g_assert_cmpuint (name->count, ==, 0);
  g_assert_cmpuint (capacity->count, ==, 0);
  g_assert_cmpstr (baton_person_get_name (person), ==, "Ana");
  g_assert_cmpint (baton_person_get_weekly_capacity_minutes (person), ==, 2400);
}

static void
test_record_copy (void)
{
  g_autoptr(BatonTask) task = _baton_record_new (BATON_TYPE_TASK,
                                                 "title", "Storyboard",
                                                 "description", "Ünïcødé <b>markup</b>",
                                                 "stage-id", (gint64) 4,
                                                 "program-id", (gint64) 2,
                                                 "estimate-minutes", (gint64) 90,
                                                 "due-date", "2026-03-15",
                                                 "archived", TRUE,
                                                 NULL);
  g_autoptr(BatonRecord) copy = NULL;
  const BatonRecordSchema *schema = baton_task_schema ();
  g_autoptr(GString) a = g_string_new (NULL);
  g_autoptr(GString) b = g_string_new (NULL);

  _baton_record_set_id (BATON_RECORD (task), 17);
  copy = baton_record_copy (BATON_RECORD (task));

  g_assert_true (copy != (BatonRecord *) task);
  g_assert_true (BATON_IS_TASK (copy));
  g_assert_true (baton_record_get_schema (copy) == schema);
  g_assert_cmpint (baton_record_get_id (copy), ==, 17);
  g_assert_cmpstr (baton_task_get_title (BATON_TASK (copy)), ==, "Storyboard");
  g_assert_cmpstr (baton_task_get_description (BATON_TASK (copy)), ==, "Ünïcødé <b>markup</b>");
  g_assert_true (baton_task_get_archived (BATON_TASK (copy)));
  g_assert_null (baton_task_get_start_date (BATON_TASK (copy)));

  baton_test_append_record (a, BATON_RECORD (task));
  baton_test_append_record (b, copy);
  g_assert_cmpstr (a->str, ==, b->str);

  /* Strings are copied, not shared. */
  g_assert_true (baton_task_get_title (BATON_TASK (copy)) != baton_task_get_title (task));

  /* Changing the copy leaves the original alone. */
  set_string (copy, "title", "Changed");
  g_assert_cmpstr (baton_task_get_title (task), ==, "Storyboard");

  g_assert_finalize_object (g_steal_pointer (&copy));
}

static void
test_record_get_field_value (void)
{
  g_autoptr(BatonStage) stage = _baton_record_new (BATON_TYPE_STAGE,
                                                   "name", "Review",
                                                   "wip-limit", (gint64) 4,
                                                   "is-done", TRUE,
                                                   NULL);
  const BatonRecordSchema *schema = baton_stage_schema ();

  for (guint i = 0; i < schema->n_fields; i++)
    {
      g_auto(GValue) by_field = G_VALUE_INIT;
      g_auto(GValue) by_property = G_VALUE_INIT;

      baton_record_get_field_value (BATON_RECORD (stage), &schema->fields[i], &by_field);
      g_value_init (&by_property, baton_field_get_gtype (&schema->fields[i]));
      g_object_get_property (G_OBJECT (stage), schema->fields[i].name, &by_property);

      g_assert_true (G_VALUE_TYPE (&by_field) == G_VALUE_TYPE (&by_property));
      g_assert_true (baton_record_field_equals (BATON_RECORD (stage), &schema->fields[i], &by_property));
    }

  g_assert_cmpstr (baton_stage_get_name (stage), ==, "Review");
  g_assert_cmpint (baton_stage_get_wip_limit (stage), ==, 4);
  g_assert_true (baton_stage_get_is_done (stage));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record/validate/name", test_validate_name);
  g_test_add_func ("/record/validate/text", test_validate_text);
  g_test_add_func ("/record/validate/date", test_validate_date);
  g_test_add_func ("/record/validate/timestamp", test_validate_timestamp);
  g_test_add_func ("/record/validate/color", test_validate_color);
  g_test_add_func ("/record/validate/int", test_validate_int);
  g_test_add_func ("/record/validate/minutes", test_validate_minutes);
  g_test_add_func ("/record/validate/bool", test_validate_bool);
  g_test_add_func ("/record/validate/ref", test_validate_ref);
  g_test_add_func ("/record/validate/wrong-type", test_validate_wrong_type);
  g_test_add_func ("/record/validate/error-names-field", test_error_names_field);
  g_test_add_func ("/record/schemas-consistent", test_schemas_consistent);
  g_test_add_func ("/record/notify/only-on-change", test_record_notify);
  g_test_add_func ("/record/notify/bool", test_record_notify_bool);
  g_test_add_func ("/record/notify/load-is-silent", test_record_load_does_not_notify);
  g_test_add_func ("/record/copy", test_record_copy);
  g_test_add_func ("/record/read-only", test_record_read_only);
  g_test_add_func ("/record/field-value", test_record_get_field_value);

  return g_test_run ();
}
