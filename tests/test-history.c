/* test-history.c — BatonHistory and BatonChange on their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-history"

#include "config.h"

#include "baton-test-util.h"

typedef struct
{
  BatonHistory    *history;
  BatonTestNotify *can_undo;
  BatonTestNotify *can_redo;
  BatonTestNotify *undo_label;
  BatonTestNotify *redo_label;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  fx->history = baton_history_new ();
  fx->can_undo = baton_test_notify_new (fx->history, "can-undo");
  fx->can_redo = baton_test_notify_new (fx->history, "can-redo");
  fx->undo_label = baton_test_notify_new (fx->history, "undo-label");
  fx->redo_label = baton_test_notify_new (fx->history, "redo-label");
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  g_clear_pointer (&fx->can_undo, baton_test_notify_free);
  g_clear_pointer (&fx->can_redo, baton_test_notify_free);
  g_clear_pointer (&fx->undo_label, baton_test_notify_free);
  g_clear_pointer (&fx->redo_label, baton_test_notify_free);
  g_assert_finalize_object (g_steal_pointer (&fx->history));
}

static void
reset_counts (Fixture *fx)
{
  fx->can_undo->count = 0;
  fx->can_redo->count = 0;
  fx->undo_label->count = 0;
  fx->redo_label->count = 0;
}

/* A change with one insert op carrying real values, so freeing it frees
 * GValues too. */
static BatonChange *
make_change (const char *label)
{
  const BatonRecordSchema *schema = baton_role_schema ();
  BatonChange *change = baton_change_new (label);
  BatonOp *op = baton_op_new (BATON_OP_INSERT, schema, 0);

  op->after = g_new0 (GValue, schema->n_fields);
  for (guint i = 0; i < schema->n_fields; i++)
    g_value_init (&op->after[i], baton_field_get_gtype (&schema->fields[i]));
  g_value_set_string (&op->after[0], label);
  baton_change_add_op (change, op);

  return change;
}

static void
test_empty (Fixture       *fx,
            gconstpointer  data)
{
  gboolean can_undo = TRUE, can_redo = TRUE;
  g_autofree char *undo_label = NULL;

  g_assert_false (baton_history_get_can_undo (fx->history));
  g_assert_false (baton_history_get_can_redo (fx->history));
  g_assert_null (baton_history_get_undo_label (fx->history));
  g_assert_null (baton_history_get_redo_label (fx->history));
  g_assert_null (baton_history_peek_undo (fx->history));
  g_assert_null (baton_history_peek_redo (fx->history));

  g_object_get (fx->history, "can-undo", &can_undo, "can-redo", &can_redo,
                "undo-label", &undo_label, NULL);
  g_assert_false (can_undo);
  g_assert_false (can_redo);
  g_assert_null (undo_label);

  /* Clearing an empty history changes nothing that can be seen. */
  baton_history_clear (fx->history);
  g_assert_cmpuint (fx->can_undo->count, ==, 0);
  g_assert_cmpuint (fx->can_redo->count, ==, 0);
}

static void
test_push_peek (Fixture       *fx,
                gconstpointer  data)
{
  BatonChange *first = make_change ("First");
  BatonChange *second = make_change ("Second");
  gboolean can_undo = FALSE;

  baton_history_push (fx->history, first);
  g_assert_true (baton_history_get_can_undo (fx->history));
  g_assert_false (baton_history_get_can_redo (fx->history));
  g_assert_true (baton_history_peek_undo (fx->history) == first);
  g_assert_cmpstr (baton_history_get_undo_label (fx->history), ==, "First");
  g_assert_cmpuint (fx->can_undo->count, ==, 1);
  g_assert_cmpuint (fx->can_redo->count, ==, 0);
  g_assert_cmpuint (fx->undo_label->count, >=, 1);
  g_object_get (fx->history, "can-undo", &can_undo, NULL);
  g_assert_true (can_undo);

  reset_counts (fx);
  baton_history_push (fx->history, second);
  g_assert_true (baton_history_peek_undo (fx->history) == second);
  g_assert_cmpstr (baton_history_get_undo_label (fx->history), ==, "Second");
  /* can-undo did not change: no notification for it. */
  g_assert_cmpuint (fx->can_undo->count, ==, 0);
  g_assert_cmpuint (fx->undo_label->count, >=, 1);

  /* Peeking does not move anything. */
  g_assert_true (baton_history_peek_undo (fx->history) == second);
  g_assert_null (baton_history_peek_redo (fx->history));
}

static void
test_undo_redo (Fixture       *fx,
                gconstpointer  data)
{
  BatonChange *first = make_change ("First");
  BatonChange *second = make_change ("Second");

  baton_history_push (fx->history, first);
  baton_history_push (fx->history, second);
  reset_counts (fx);

  baton_history_did_undo (fx->history);
  g_assert_true (baton_history_peek_undo (fx->history) == first);
  g_assert_true (baton_history_peek_redo (fx->history) == second);
  g_assert_cmpstr (baton_history_get_undo_label (fx->history), ==, "First");
  g_assert_cmpstr (baton_history_get_redo_label (fx->history), ==, "Second");
  g_assert_cmpuint (fx->can_undo->count, ==, 0);
  g_assert_cmpuint (fx->can_redo->count, ==, 1);
  g_assert_cmpuint (fx->redo_label->count, >=, 1);

  reset_counts (fx);
  baton_history_did_undo (fx->history);
  g_assert_false (baton_history_get_can_undo (fx->history));
  g_assert_true (baton_history_peek_redo (fx->history) == first);
  g_assert_null (baton_history_get_undo_label (fx->history));
  g_assert_cmpstr (baton_history_get_redo_label (fx->history), ==, "First");
  g_assert_cmpuint (fx->can_undo->count, ==, 1);
  g_assert_cmpuint (fx->can_redo->count, ==, 0);

  reset_counts (fx);
  baton_history_did_redo (fx->history);
  g_assert_true (baton_history_get_can_undo (fx->history));
  g_assert_true (baton_history_peek_undo (fx->history) == first);
  g_assert_true (baton_history_peek_redo (fx->history) == second);
  g_assert_cmpuint (fx->can_undo->count, ==, 1);
  g_assert_cmpuint (fx->can_redo->count, ==, 0);

  reset_counts (fx);
  baton_history_did_redo (fx->history);
  g_assert_false (baton_history_get_can_redo (fx->history));
  g_assert_true (baton_history_peek_undo (fx->history) == second);
  g_assert_null (baton_history_get_redo_label (fx->history));
  g_assert_cmpuint (fx->can_redo->count, ==, 1);
}

static void
test_push_clears_redo (Fixture       *fx,
                       gconstpointer  data)
{
  baton_history_push (fx->history, make_change ("First"));
  baton_history_push (fx->history, make_change ("Second"));
  baton_history_did_undo (fx->history);
  baton_history_did_undo (fx->history);
  g_assert_true (baton_history_get_can_redo (fx->history));
  reset_counts (fx);

  baton_history_push (fx->history, make_change ("Third"));
  g_assert_false (baton_history_get_can_redo (fx->history));
  g_assert_null (baton_history_peek_redo (fx->history));
  g_assert_null (baton_history_get_redo_label (fx->history));
  g_assert_cmpstr (baton_history_get_undo_label (fx->history), ==, "Third");
  g_assert_cmpuint (fx->can_undo->count, ==, 1);
  g_assert_cmpuint (fx->can_redo->count, ==, 1);

  baton_history_did_undo (fx->history);
  g_assert_false (baton_history_get_can_undo (fx->history));
}

static void
test_clear (Fixture       *fx,
            gconstpointer  data)
{
  baton_history_push (fx->history, make_change ("First"));
  baton_history_push (fx->history, make_change ("Second"));
  baton_history_did_undo (fx->history);
  reset_counts (fx);

  baton_history_clear (fx->history);
  g_assert_false (baton_history_get_can_undo (fx->history));
  g_assert_false (baton_history_get_can_redo (fx->history));
  g_assert_null (baton_history_get_undo_label (fx->history));
  g_assert_null (baton_history_get_redo_label (fx->history));
  g_assert_cmpuint (fx->can_undo->count, ==, 1);
  g_assert_cmpuint (fx->can_redo->count, ==, 1);
}

static void
test_limit (Fixture       *fx,
            gconstpointer  data)
{
  guint undone = 0;

  for (guint i = 0; i < BATON_HISTORY_DEFAULT_LIMIT + 5; i++)
    {
      g_autofree char *label = g_strdup_printf ("Change %u", i);
      baton_history_push (fx->history, make_change (label));
    }

  g_assert_cmpstr (baton_history_get_undo_label (fx->history), ==, "Change 1004");

  while (baton_history_get_can_undo (fx->history))
    {
      baton_history_did_undo (fx->history);
      undone++;
    }

  /* The oldest five were dropped. */
  g_assert_cmpuint (undone, ==, BATON_HISTORY_DEFAULT_LIMIT);
  g_assert_cmpstr (baton_history_get_redo_label (fx->history), ==, "Change 5");
}

static void
test_null_label (Fixture       *fx,
                 gconstpointer  data)
{
  baton_history_push (fx->history, make_change (NULL));
  g_assert_true (baton_history_get_can_undo (fx->history));
  g_assert_null (baton_history_get_undo_label (fx->history));
}

static void
test_misuse (Fixture       *fx,
             gconstpointer  data)
{
  /* Moving a change that is not there is a programming error. */
  g_test_expect_message ("baton-history", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  baton_history_did_undo (fx->history);
  g_test_assert_expected_messages ();

  g_test_expect_message ("baton-history", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  baton_history_did_redo (fx->history);
  g_test_assert_expected_messages ();

  g_assert_false (baton_history_get_can_undo (fx->history));
  g_assert_false (baton_history_get_can_redo (fx->history));
  g_assert_cmpuint (fx->can_undo->count, ==, 0);
}

/* Changes */

static void
test_change_ops (void)
{
  g_autoptr(BatonChange) change = baton_change_new ("Move “Storyboard”");
  BatonChange *other = make_change ("Other");
  BatonOp *update = baton_op_new (BATON_OP_UPDATE, baton_task_schema (), 7);
  BatonOp *remove = baton_op_new (BATON_OP_DELETE, baton_checklist_item_schema (), 3);

  g_assert_cmpstr (baton_change_get_label (change), ==, "Move “Storyboard”");
  g_assert_cmpuint (baton_change_get_n_ops (change), ==, 0);

  baton_change_add_op (change, update);
  baton_change_add_op (change, remove);
  g_assert_cmpuint (baton_change_get_n_ops (change), ==, 2);
  g_assert_true (baton_change_get_op (change, 0) == update);
  g_assert_true (baton_change_get_op (change, 1) == remove);
  g_assert_cmpint (update->kind, ==, BATON_OP_UPDATE);
  g_assert_cmpint (update->id, ==, 7);
  g_assert_true (update->schema == baton_task_schema ());
  g_assert_null (update->before);
  g_assert_null (update->after);

  /* Merging appends the other change's ops, in order, and consumes it. */
  baton_change_merge (change, other);
  g_assert_cmpuint (baton_change_get_n_ops (change), ==, 3);
  g_assert_cmpint (baton_change_get_op (change, 2)->kind, ==, BATON_OP_INSERT);
  g_assert_cmpstr (g_value_get_string (&baton_change_get_op (change, 2)->after[0]), ==, "Other");
  g_assert_cmpstr (baton_change_get_label (change), ==, "Move “Storyboard”");

  g_test_expect_message ("baton-history", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
  g_assert_null (baton_change_get_op (change, 3));
  g_test_assert_expected_messages ();
}

static void
test_change_free_null (void)
{
  baton_change_free (NULL);
  baton_op_free (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/history/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("empty", test_empty);
  ADD ("push-peek", test_push_peek);
  ADD ("undo-redo", test_undo_redo);
  ADD ("push-clears-redo", test_push_clears_redo);
  ADD ("clear", test_clear);
  ADD ("limit", test_limit);
  ADD ("null-label", test_null_label);
  ADD ("misuse", test_misuse);
#undef ADD

  g_test_add_func ("/history/change/ops", test_change_ops);
  g_test_add_func ("/history/change/free-null", test_change_free_null);

  return g_test_run ();
}
