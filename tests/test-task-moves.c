/* test-task-moves.c — one way to move a task, one wording for its toast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * No widgets: the store, the move and the message. The words are checked
 * in English (the test runs in the C locale).
 */

#include "config.h"

#include <locale.h>

#include "baton-task-moves.h"
#include "baton-test-util.h"

typedef struct
{
  BatonStore  *store;
  BatonStage  *stage;
  BatonPerson *ana;
  BatonPerson *ben;
  BatonTask   *task;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->stage = baton_store_create_stage (f->store, "Doing", 0, &error);
  g_assert_no_error (error);
  f->ana = baton_store_create_person (f->store, "Ana", NULL, 2400, NULL, &error);
  g_assert_no_error (error);
  f->ben = baton_store_create_person (f->store, "Ben", NULL, 2400, NULL, &error);
  g_assert_no_error (error);
  f->task = baton_store_create_task (f->store, f->stage, NULL, "Storyboard", &error);
  g_assert_no_error (error);
  g_assert_true (baton_store_update (f->store, f->task, &error,
                                     "estimate-minutes", (gint64) 600,
                                     "start-date", "2026-03-02",
                                     "due-date", "2026-03-06",
                                     NULL));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
}

static void
count (guint *n)
{
  (*n)++;
}

static const char *
undo_label (Fixture *f)
{
  return baton_history_get_undo_label (baton_store_get_history (f->store));
}

/* Assign, reassign, reschedule, both, unassign: each one undo step, each
 * toast in the one wording. */
static void
test_moves (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  g_assert_true (baton_task_move (f->store, f->task, TRUE, f->ana, 0, &message, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (message, ==, "“Storyboard” assigned to Ana");
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (baton_task_get_assignee_id (f->task), ==, baton_record_get_id (BATON_RECORD (f->ana)));

  g_assert_true (baton_task_move (f->store, f->task, TRUE, f->ben, 0, &message, &error));
  g_assert_cmpstr (message, ==, "“Storyboard” reassigned to Ben");
  g_clear_pointer (&message, g_free);

  g_assert_true (baton_task_move (f->store, f->task, FALSE, NULL, 2, &message, &error));
  g_assert_cmpstr (message, ==, "“Storyboard” moved 2 weeks later");
  g_clear_pointer (&message, g_free);
  g_assert_cmpstr (baton_task_get_start_date (f->task), ==, "2026-03-16");

  g_assert_true (baton_task_move (f->store, f->task, TRUE, f->ana, -1, &message, &error));
  g_assert_cmpstr (message, ==, "“Storyboard” reassigned to Ana and moved 1 week earlier");
  g_clear_pointer (&message, g_free);
  g_assert_cmpstr (baton_task_get_start_date (f->task), ==, "2026-03-09");

  /* Both in one step: one Undo takes both back. */
  g_assert_true (baton_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (baton_task_get_assignee_id (f->task), ==, baton_record_get_id (BATON_RECORD (f->ben)));
  g_assert_cmpstr (baton_task_get_start_date (f->task), ==, "2026-03-16");
  g_assert_true (baton_store_redo (f->store, &error));
  g_assert_cmpstr (baton_task_get_start_date (f->task), ==, "2026-03-09");

  g_assert_true (baton_task_move (f->store, f->task, TRUE, NULL, 0, &message, &error));
  g_assert_cmpstr (message, ==, "“Storyboard” unassigned");
  g_clear_pointer (&message, g_free);
  g_assert_cmpint (baton_task_get_assignee_id (f->task), ==, 0);

  g_assert_true (baton_task_move (f->store, f->task, TRUE, f->ben, 3, &message, &error));
  g_assert_cmpstr (message, ==, "“Storyboard” assigned to Ben and moved 3 weeks later");
  g_clear_pointer (&message, g_free);
}

/* Nothing to do: no message, no undo step. */
static void
test_nothing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *message = NULL;
  const char *label;
  guint changes = 0;

  g_assert_true (baton_task_move (f->store, f->task, TRUE, f->ana, 0, &message, &error));
  g_clear_pointer (&message, g_free);
  label = undo_label (f);
  g_signal_connect_swapped (f->store, "changed", G_CALLBACK (count), &changes);

  g_assert_true (baton_task_move (f->store, f->task, TRUE, f->ana, 0, &message, &error));
  g_assert_null (message);
  g_assert_true (baton_task_move (f->store, f->task, FALSE, f->ben, 0, &message, &error));
  g_assert_null (message);
  g_assert_cmpint (baton_task_get_assignee_id (f->task), ==, baton_record_get_id (BATON_RECORD (f->ana)));
  g_assert_true (undo_label (f) == label);
  g_assert_cmpuint (changes, ==, 0);
}

/* A move the store refuses: its error, no message, the task as it was. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  char *message = NULL;
  const char *label;

  /* A task without dates cannot move in time. */
  g_assert_true (baton_store_update (f->store, f->task, &error, "start-date", NULL, "due-date", NULL, NULL));
  label = undo_label (f);
  g_assert_false (baton_task_move (f->store, f->task, FALSE, NULL, 1, &message, &error));
  g_assert_nonnull (error);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_test_message ("%s", error->message);
  g_assert_null (message);
  g_assert_null (baton_task_get_start_date (f->task));
  g_assert_true (undo_label (f) == label);
}

/* The task actions, as a view's handler receives them: each one store
 * call in the shared words. */
static void
test_apply_action (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonStage *review = baton_store_create_stage (f->store, "Review", 0, &error);
  gint64 task = baton_record_get_id (BATON_RECORD (f->task));
  char *message = NULL;

  g_assert_no_error (error);

#define APPLY(action, parameter, said) \
  G_STMT_START { \
    g_assert_true (baton_task_apply_action (f->store, action, parameter, &message, &error)); \
    g_assert_no_error (error); \
    g_assert_cmpstr (message, ==, said); \
    g_clear_pointer (&message, g_free); \
  } G_STMT_END

  APPLY ("task.reassign", g_variant_new ("(xx)", task, baton_record_get_id (BATON_RECORD (f->ana))),
         "“Storyboard” assigned to Ana");
  g_assert_cmpint (baton_task_get_assignee_id (f->task), ==, baton_record_get_id (BATON_RECORD (f->ana)));
  /* The same person again: nothing to do, nothing to say. */
  APPLY ("task.reassign", g_variant_new ("(xx)", task, baton_record_get_id (BATON_RECORD (f->ana))), NULL);
  APPLY ("task.move-to-week", g_variant_new ("(xi)", task, (gint32) 2), "“Storyboard” moved 2 weeks later");
  g_assert_cmpstr (baton_task_get_start_date (f->task), ==, "2026-03-16");
  APPLY ("task.move-to-stage", g_variant_new ("(xx)", task, baton_record_get_id (BATON_RECORD (review))),
         "Moved “Storyboard” to Review");
  g_assert_cmpint (baton_task_get_stage_id (f->task), ==, baton_record_get_id (BATON_RECORD (review)));
  APPLY ("task.archive", g_variant_new_int64 (task), "Card “Storyboard” archived");
  g_assert_true (baton_task_get_archived (f->task));
  APPLY ("task.archive", g_variant_new_int64 (task), "Card “Storyboard” restored");
  g_assert_false (baton_task_get_archived (f->task));
  APPLY ("task.reassign", g_variant_new ("(xx)", task, (gint64) 0), "“Storyboard” unassigned");
  APPLY ("task.delete", g_variant_new_int64 (task), "Card “Storyboard” deleted");
  g_assert_null (baton_store_lookup_task (f->store, task));
#undef APPLY

  /* Each was one undo step: seven undos bring back the first state. */
  for (guint i = 0; i < 7; i++)
    {
      g_assert_true (baton_store_undo (f->store, &error));
      g_assert_no_error (error);
    }
  {
    BatonTask *back = baton_store_lookup_task (f->store, task);

    g_assert_nonnull (back);
    g_assert_cmpint (baton_task_get_assignee_id (back), ==, 0);
    g_assert_cmpint (baton_task_get_stage_id (back), ==, baton_record_get_id (BATON_RECORD (f->stage)));
    g_assert_cmpstr (baton_task_get_start_date (back), ==, "2026-03-02");
  }
}

/* A parameter naming nothing: a NOT_FOUND error, no change, no message. */
static void
test_apply_action_not_found (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 task = baton_record_get_id (BATON_RECORD (f->task));
  const char *label = undo_label (f);
  guint changes = 0;
  char *message = NULL;
  struct {
    const char *action;
    GVariant   *parameter;
  } cases[] = {
    { "task.archive", g_variant_new_int64 (task + 1000) },
    { "task.delete", g_variant_new_int64 (task + 1000) },
    { "task.move-to-week", g_variant_new ("(xi)", task + 1000, (gint32) 1) },
    { "task.reassign", g_variant_new ("(xx)", task, (gint64) 9999) },
    { "task.move-to-stage", g_variant_new ("(xx)", task, (gint64) 9999) },
  };

  g_signal_connect_swapped (f->store, "changed", G_CALLBACK (count), &changes);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GVariant) parameter = g_variant_ref_sink (cases[i].parameter);

      g_assert_false (baton_task_apply_action (f->store, cases[i].action, parameter, &message, &error));
      g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND);
      g_test_message ("%s: %s", cases[i].action, error->message);
      g_clear_error (&error);
      g_assert_null (message);
    }
  g_assert_cmpuint (changes, ==, 0);
  g_assert_true (undo_label (f) == label);
  g_assert_nonnull (baton_store_lookup_task (f->store, task));
}

static void
test_shift_words (void)
{
  g_autofree char *later = baton_task_describe_shift (1);
  g_autofree char *earlier = baton_task_describe_shift (-3);

  g_assert_cmpstr (later, ==, "1 week later");
  g_assert_cmpstr (earlier, ==, "3 weeks earlier");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/task-moves/shift-words", test_shift_words);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/task-moves/moves", test_moves);
  ADD ("/task-moves/nothing", test_nothing);
  ADD ("/task-moves/refused", test_refused);
  ADD ("/task-moves/apply-action", test_apply_action);
  ADD ("/task-moves/apply-action/not-found", test_apply_action_not_found);
#undef ADD

  return g_test_run ();
}
