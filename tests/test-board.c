/* test-board.c — the Board view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real board in a real window over a demo workspace: columns
 * and counts against the store, drag and drop through the real drag
 * source and drop targets (prepare → content provider → enter, motion →
 * drop), keyboard moves through the task.* actions and with real keys
 * (xdotool), where the focus goes, WIP limits, the card editor's
 * validation (the database must not change), markup-looking titles,
 * filters (over capacity against cards worked out by hand), the first-run
 * empty states, stage dialogs, a 1,500-card column, and real drags with
 * xdotool (where the card lands, Escape).
 *
 * The window carries a small "win" action group standing in for Baton's
 * window (undo, redo, show-undo-toast), so the view's contract with the
 * window is checked without depending on the other views. Without a
 * display every case is skipped.
 */

#define G_LOG_DOMAIN "test-board"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "baton-avatar.h"
#include "baton-board-card-private.h"
#include "baton-board-column.h"
#include "baton-board-filter.h"
#include "baton-board-private.h"
#include "baton-board-view.h"
#include "baton-capacity.h"
#include "baton-dates.h"
#include "baton-demo.h"
#include "baton-duration.h"
#include "baton-json.h"
#include "baton-menu-label.h"
#include "baton-people-sidebar.h"
#include "baton-record-drop-down.h"
#include "baton-store.h"
#include "baton-date-row.h"
#include "baton-task-editor.h"
#include "baton-room-dialog.h"
#include "baton-test-util.h"
#include "baton-ui-test-util.h"

static gboolean have_display;

typedef struct
{
  char           *dir;
  BatonStore     *store;
  GtkWindow      *window;
  BatonBoardView *view;
  GPtrArray      *toasts;    /* messages given to win.show-undo-toast */
  GPtrArray      *views;     /* names given to win.show-view */
} Fixture;

/* What the fixture's workspace holds. */
enum
{
  WORKSPACE_EMPTY,       /* a new workspace: the default stages, nothing else */
  WORKSPACE_DEMO,        /* the demo workspace */
  WORKSPACE_NO_STAGES,   /* not even a stage (an import can make one) */
};

/* Helpers ------------------------------------------------------------------------- */

static gboolean board_settled (gpointer data);

/* Runs the main loop until nothing is left to run (idles, animations,
 * events): at most 5 s. */
static void
wait_quiet (void)
{
  for (guint i = 0; i < 100 && baton_test_count_dispatches (50) > 0; i++)
    ;
}

/* Lets the view settle: everything it shows computed, bound and placed
 * (capacity, cards), then drawn. */
static void
settle (Fixture *f)
{
  g_assert_true (baton_test_wait_until (board_settled, f->view, 5000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static char *
export (BatonStore *store)
{
  return baton_json_export_string (store, NULL);
}

static BatonBoardColumn *
column_at (Fixture *f,
           guint    index)
{
  GtkWidget *column = baton_board_view_get_column (f->view, index);

  g_assert_nonnull (column);
  return BATON_BOARD_COLUMN (column);
}

static BatonBoardColumn *
column_of (Fixture    *f,
           BatonStage *stage)
{
  GtkWidget *column = baton_board_view_get_column_for_stage (f->view, stage);

  g_assert_nonnull (column);
  return BATON_BOARD_COLUMN (column);
}

static BatonStage *
stage_at (Fixture *f,
          guint    index)
{
  g_autoptr(BatonStage) stage = g_list_model_get_item (baton_store_get_stages (f->store), index);

  g_assert_nonnull (stage);
  return stage;   /* the store keeps it */
}

static gint
model_index (GListModel *model,
             gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return (gint) i;
    }

  return -1;
}

/* A card showing @data (a task), or any card on screen when @data is NULL. */
static gboolean
is_card_of (GtkWidget     *widget,
            gconstpointer  data)
{
  return BATON_IS_BOARD_CARD (widget) &&
         (data == NULL ? gtk_widget_get_mapped (widget) : baton_board_card_get_task (BATON_BOARD_CARD (widget)) == data);
}

static BatonBoardCard *
find_card_in (GtkWidget *root,
              BatonTask *task)
{
  return BATON_BOARD_CARD (baton_test_find_widget (root, is_card_of, task));
}

/* The card showing @task in @column, or NULL. */
static BatonBoardCard *
find_card (BatonBoardColumn *column,
           BatonTask        *task)
{
  return find_card_in (GTK_WIDGET (baton_board_column_get_card_list (column)), task);
}

/* The card of the first task of a column (it is on screen). */
static BatonBoardCard *
first_card (BatonBoardColumn *column)
{
  g_autoptr(BatonTask) task = g_list_model_get_item (baton_board_column_get_model (column), 0);

  g_assert_nonnull (task);
  return find_card (column, task);
}

/* Non-archived tasks of @stage in board order. */
static GPtrArray *
expected_tasks (BatonStore *store,
                BatonStage *stage)
{
  GPtrArray *all = baton_store_get_stage_tasks (store, stage);
  GPtrArray *result = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < all->len; i++)
    {
      BatonTask *task = g_ptr_array_index (all, i);

      if (!baton_task_get_archived (task))
        g_ptr_array_add (result, g_object_ref (task));
    }
  g_ptr_array_unref (all);

  return result;
}

typedef gboolean (*TaskMatch) (BatonStore *store,
                               BatonTask  *task,
                               gconstpointer data);

static guint
count_matching (BatonStore    *store,
                BatonStage    *stage,
                TaskMatch      match,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) all = baton_store_get_stage_tasks (store, stage);
  guint n = 0;

  for (guint i = 0; i < all->len; i++)
    n += match (store, g_ptr_array_index (all, i), data) ? 1 : 0;

  return n;
}

typedef struct
{
  Fixture       *f;
  TaskMatch      match;
  gconstpointer  data;
} CountsCheck;

/* Does every column show as many cards as @match accepts? */
static gboolean
counts_match (gpointer user_data)
{
  CountsCheck *check = user_data;
  Fixture *f = check->f;

  for (guint i = 0; i < baton_board_view_get_n_columns (f->view); i++)
    {
      BatonBoardColumn *column = column_at (f, i);
      guint expected = count_matching (f->store, baton_board_column_get_stage (column), check->match, check->data);
      g_autofree char *text = g_strdup_printf ("%u", expected);

      if (g_list_model_get_n_items (baton_board_column_get_model (column)) != expected ||
          g_strcmp0 (baton_board_column_get_count_text (column), text) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
assert_counts (Fixture       *f,
               TaskMatch      match,
               gconstpointer  data)
{
  CountsCheck check = { f, match, data };

  g_assert_true (baton_test_wait_until (counts_match, &check, 5000));
}

static gboolean
is_active (BatonStore    *store,
           BatonTask     *task,
           gconstpointer  data)
{
  return !baton_task_get_archived (task);
}

static gboolean
any_task (BatonStore    *store,
          BatonTask     *task,
          gconstpointer  data)
{
  return TRUE;
}

static gboolean
toast_count_reached (gpointer data)
{
  Fixture *f = data;

  return f->toasts->len > 0;
}

static const char *
wait_for_toast (Fixture *f)
{
  g_assert_true (baton_test_wait_until (toast_count_reached, f, 5000));
  return g_ptr_array_index (f->toasts, f->toasts->len - 1);
}

/* Emits "prepare" on the card's drag source and returns the dragged value. */
static void
prepare_drag (BatonBoardCard *card,
              GValue         *value)
{
  GtkDragSource *source = baton_board_card_get_drag_source (card);
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_emit_by_name (source, "prepare", 12.0, 12.0, &provider);
  g_assert_nonnull (provider);

  g_value_init (value, BATON_TYPE_TASK);
  g_assert_true (gdk_content_provider_get_value (provider, value, &error));
  g_assert_no_error (error);
  g_assert_true (g_value_get_object (value) == baton_board_card_get_task (card));
}

/* What a real drag does: enter, motion (whose action must be a move, or
 * the windowing system would never drop), then the drop. */
static gboolean
emit_drop (GtkDropTarget *target,
           const GValue  *value,
           double         x,
           double         y)
{
  guint motion_id = g_signal_lookup ("motion", GTK_TYPE_DROP_TARGET);
  gboolean accepted = FALSE;

  if (g_signal_has_handler_pending (target, motion_id, 0, FALSE))
    {
      GdkDragAction action = 0;

      g_signal_emit_by_name (target, "enter", x, y, &action);
      g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
      action = 0;
      g_signal_emit_by_name (target, "motion", x, y, &action);
      g_assert_cmpint (action, ==, GDK_ACTION_MOVE);
    }

  g_signal_emit_by_name (target, "drop", value, x, y, &accepted);
  return accepted;
}

static void
activate (gpointer    widget,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (widget), action, parameter));
}

/* The parameter of a task.* action: the id of @card's task. */
static GVariant *
task_id_of (gpointer card)
{
  return g_variant_new_int64 (baton_record_get_id (BATON_RECORD (baton_board_card_get_task (BATON_BOARD_CARD (card)))));
}

/* Fixture ------------------------------------------------------------------------- */

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (baton_store_undo (f->store, &error));
  g_assert_no_error (error);
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (baton_store_redo (f->store, &error));
  g_assert_no_error (error);
}

static void
show_view_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->views, g_variant_dup_string (parameter, NULL));
}

static void
show_undo_toast_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->toasts, g_variant_dup_string (parameter, NULL));
}

static void
open_board (Fixture *f)
{
  static const GActionEntry entries[] = {
    { "undo", undo_activated, NULL, NULL, NULL },
    { "redo", redo_activated, NULL, NULL, NULL },
    { "show-undo-toast", show_undo_toast_activated, "s", NULL, NULL },
    { "show-view", show_view_activated, "s", NULL, NULL },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), f);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_title (f->window, "baton-test-board");
  gtk_window_set_default_size (f->window, 1500, 900);
  gtk_widget_insert_action_group (GTK_WIDGET (f->window), "win", G_ACTION_GROUP (group));

  /* Ctrl+Z and Ctrl+Shift+Z, as Baton's window binds them. */
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>z"),
                                                            gtk_named_action_new ("win.undo")));
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>z"),
                                                            gtk_named_action_new ("win.redo")));
    gtk_widget_add_controller (GTK_WIDGET (f->window), shortcuts);
  }

  f->view = BATON_BOARD_VIEW (baton_board_view_new (f->store));
  gtk_window_set_child (f->window, GTK_WIDGET (f->view));
  gtk_window_present (f->window);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, f->window, 5000));
  settle (f);
  baton_board_view_update_capacity (f->view);
  settle (f);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int workspace = GPOINTER_TO_INT (data);

  if (!have_display)
    return;

  f->toasts = g_ptr_array_new_with_free_func (g_free);
  f->views = g_ptr_array_new_with_free_func (g_free);
  f->dir = g_dir_make_tmp ("baton-test-board-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "board.db", NULL);

  f->store = baton_store_open (path, &error);
  g_assert_no_error (error);

  if (workspace == WORKSPACE_NO_STAGES)
    {
      sqlite3 *db = NULL;

      g_assert_finalize_object (g_steal_pointer (&f->store));
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "DELETE FROM stages", NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
      f->store = baton_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_stages (f->store)), ==, 0);
    }

  if (workspace == WORKSPACE_DEMO)
    {
      BatonDemoSize size;

      baton_demo_size_init_default (&size);
      g_assert_true (baton_demo_generate (f->store, &size, &error));
      g_assert_no_error (error);
    }

  open_board (f);
}

static void
close_toplevels_but (GtkWindow *keep)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != keep)
        gtk_window_destroy (window);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gpointer weak;

  if (!have_display)
    return;

  /* The next case starts from the defaults. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_reset (settings, "show-people-sidebar");
  }

  close_toplevels_but (f->window);
  weak = f->window;
  g_object_add_weak_pointer (G_OBJECT (f->window), &weak);
  gtk_window_destroy (g_steal_pointer (&f->window));
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak, 5000));
  wait_quiet ();

  g_assert_finalize_object (g_steal_pointer (&f->store));
  baton_test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->toasts, g_ptr_array_unref);
  g_clear_pointer (&f->views, g_ptr_array_unref);
}

#define SKIP_WITHOUT_DISPLAY()              \
  G_STMT_START {                            \
    if (!have_display)                      \
      {                                     \
        g_test_skip ("no display");         \
        return;                             \
      }                                     \
  } G_STMT_END

/* Columns ----------------------------------------------------------------------------- */

static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  GListModel *stages;
  guint n_cards = 0;

  SKIP_WITHOUT_DISPLAY ();

  stages = baton_store_get_stages (f->store);
  g_assert_cmpuint (baton_board_view_get_n_columns (f->view), ==, g_list_model_get_n_items (stages));
  g_assert_cmpstr (baton_board_view_get_visible_page (f->view), ==, "board");

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      BatonStage *stage = stage_at (f, i);
      BatonBoardColumn *column = column_at (f, i);
      GListModel *model = baton_board_column_get_model (column);
      g_autoptr(GPtrArray) expected = expected_tasks (f->store, stage);
      g_autofree char *count = g_strdup_printf ("%u", expected->len);

      /* Stage order, then the stage's cards in position order. */
      g_assert_true (baton_board_column_get_stage (column) == stage);
      g_assert_cmpuint (g_list_model_get_n_items (model), ==, expected->len);
      for (guint j = 0; j < expected->len; j++)
        {
          g_autoptr(BatonTask) task = g_list_model_get_item (model, j);
          g_assert_true (task == g_ptr_array_index (expected, j));
        }
      g_assert_cmpstr (baton_board_column_get_count_text (column), ==, count);
      g_assert_null (baton_board_column_get_wip_text (column));
      n_cards += expected->len;

      /* The first card of a non-empty column is on screen, with its title. */
      if (expected->len > 0)
        {
          BatonBoardCard *card = first_card (column);

          g_assert_nonnull (card);
          g_assert_cmpstr (baton_board_card_get_title_text (card), ==,
                           baton_task_get_title (g_ptr_array_index (expected, 0)));
          g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (card)));
        }
    }

  g_assert_cmpuint (n_cards, >, 0);
}

static void
test_widgets_follow_visible_cards (Fixture       *f,
                                   gconstpointer  data)
{
  guint n_widgets = 0, n_cards = 0;
  GType type = BATON_TYPE_BOARD_CARD;
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();

  SKIP_WITHOUT_DISPLAY ();

  g_ptr_array_add (stack, f->window);
  while (stack->len > 0)
    {
      GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
        n_widgets++;
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        g_ptr_array_add (stack, child);
    }
  for (guint i = 0; i < baton_board_view_get_n_columns (f->view); i++)
    n_cards += g_list_model_get_n_items (baton_board_column_get_model (column_at (f, i)));

  /* Lists create widgets for what is on screen, not for every card. */
  g_assert_cmpuint (n_widgets, >, 0);
  g_assert_cmpuint (n_widgets, <, n_cards);
}

/* Drag and drop ---------------------------------------------------------------------- */

static void
test_drag_between_columns (Fixture       *f,
                           gconstpointer  data)
{
  BatonBoardColumn *from, *to;
  BatonBoardCard *card;
  BatonTask *task;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gint old_index;
  const char *toast;

  SKIP_WITHOUT_DISPLAY ();

  from = column_at (f, 0);
  to = column_at (f, 1);
  card = first_card (from);
  g_assert_nonnull (card);
  task = baton_board_card_get_task (card);
  old_index = model_index (baton_board_column_get_model (from), task);
  g_assert_cmpint (old_index, ==, 0);
  before = export (f->store);

  prepare_drag (card, &value);

  /* At the top of the next column: before its first card. */
  g_assert_true (emit_drop (baton_board_column_get_drop_target (to), &value, 40, 4));

  g_assert_cmpint (baton_task_get_stage_id (task), ==,
                   baton_record_get_id (BATON_RECORD (baton_board_column_get_stage (to))));
  g_assert_cmpint (model_index (baton_board_column_get_model (to), task), ==, 0);
  g_assert_cmpint (model_index (baton_board_column_get_model (from), task), ==, -1);
  settle (f);
  g_assert_nonnull (find_card (to, task));
  g_assert_null (find_card (from, task));

  toast = wait_for_toast (f);
  g_assert_nonnull (strstr (toast, baton_task_get_title (task)));
  g_assert_nonnull (strstr (toast, baton_stage_get_name (baton_board_column_get_stage (to))));

  /* Undo, as the toast's button does: the store and the widgets come back. */
  activate (f->view, "win.undo", NULL);
  g_assert_cmpint (model_index (baton_board_column_get_model (from), task), ==, old_index);
  g_assert_cmpint (model_index (baton_board_column_get_model (to), task), ==, -1);
  after_undo = export (f->store);
  g_assert_cmpstr (after_undo, ==, before);
  settle (f);
  g_assert_nonnull (find_card (from, task));
  g_assert_null (find_card (to, task));
}

static void
test_drag_within_column (Fixture       *f,
                         gconstpointer  data)
{
  BatonBoardColumn *column = NULL;
  GListModel *model;
  BatonBoardCard *card;
  BatonTask *task;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_before;

  SKIP_WITHOUT_DISPLAY ();

  for (guint i = 0; i < baton_board_view_get_n_columns (f->view) && column == NULL; i++)
    if (g_list_model_get_n_items (baton_board_column_get_model (column_at (f, i))) >= 3)
      column = column_at (f, i);
  g_assert_nonnull (column);
  model = baton_board_column_get_model (column);
  n_before = g_list_model_get_n_items (model);

  card = first_card (column);
  task = baton_board_card_get_task (card);
  prepare_drag (card, &value);

  /* Dropping it where it is changes nothing, not even the history. */
  before = export (f->store);
  g_assert_true (emit_drop (baton_board_column_get_drop_target (column), &value, 40, 4));
  after = export (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (f->store)));

  /* Below the third card's middle: it becomes the third. */
  {
    g_autoptr(BatonTask) third = g_list_model_get_item (model, 2);
    BatonBoardCard *third_card = find_card (column, third);
    graphene_rect_t bounds;

    g_assert_nonnull (third_card);
    g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (third_card),
                                              gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (baton_board_column_get_drop_target (column))),
                                              &bounds));
    g_assert_true (emit_drop (baton_board_column_get_drop_target (column), &value,
                              40, bounds.origin.y + bounds.size.height - 2));
  }
  g_assert_cmpint (model_index (model, task), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_before);

  activate (f->view, "win.undo", NULL);
  g_assert_cmpint (model_index (model, task), ==, 0);
  g_free (after);
  after = export (f->store);
  g_assert_cmpstr (after, ==, before);
}

typedef struct
{
  BatonTask   *task;
  BatonPerson *holder;      /* holds the task's role, is not its assignee */
  BatonPerson *other;       /* does not hold the role */
  BatonBoardCard *card;
} PersonDrop;

static gboolean
find_person_drop (Fixture    *f,
                  PersonDrop *out)
{
  GListModel *people = baton_store_get_people (f->store);

  for (guint c = 0; c < baton_board_view_get_n_columns (f->view); c++)
    {
      BatonBoardColumn *column = column_at (f, c);
      GListModel *model = baton_board_column_get_model (column);

      for (guint i = 0; i < MIN (3u, g_list_model_get_n_items (model)); i++)
        {
          g_autoptr(BatonTask) task = g_list_model_get_item (model, i);
          gint64 role = baton_task_get_role_id (task);

          if (role == 0 || find_card (column, task) == NULL)
            continue;

          out->holder = out->other = NULL;
          for (guint p = 0; p < g_list_model_get_n_items (people); p++)
            {
              g_autoptr(BatonPerson) person = g_list_model_get_item (people, p);

              if (baton_person_get_archived (person))
                continue;
              if (baton_store_person_has_role (f->store, person, role))
                {
                  if (baton_record_get_id (BATON_RECORD (person)) != baton_task_get_assignee_id (task))
                    out->holder = person;
                }
              else
                out->other = person;
            }

          if (out->holder != NULL && out->other != NULL)
            {
              out->task = task;
              out->card = find_card (column, task);
              return TRUE;
            }
        }
    }

  return FALSE;
}

static void
test_drag_to_person (Fixture       *f,
                     gconstpointer  data)
{
  BatonPeopleSidebar *sidebar;
  PersonDrop drop = { 0 };
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  BatonPerson *old_assignee;
  BatonBoardCard *card;
  const char *toast;

  SKIP_WITHOUT_DISPLAY ();

  /* The sidebar is a toggle of the board, hidden at first. */
  g_assert_false (gtk_widget_get_mapped (baton_board_view_get_people_sidebar (f->view)));
  activate (f->view, "board.show-people", NULL);
  sidebar = BATON_PEOPLE_SIDEBAR (baton_board_view_get_people_sidebar (f->view));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, sidebar, 5000));
  settle (f);

  g_assert_true (find_person_drop (f, &drop));
  old_assignee = baton_store_lookup_person (f->store, baton_task_get_assignee_id (drop.task));
  before = export (f->store);

  /* While the card is dragged, people holding its role stand out. */
  prepare_drag (drop.card, &value);
  activate (drop.card, "board.drag-begin", g_variant_new_int64 (baton_record_get_id (BATON_RECORD (drop.task))));
  g_assert_true (baton_people_sidebar_is_highlighted (sidebar, drop.holder));
  g_assert_false (baton_people_sidebar_is_highlighted (sidebar, drop.other));
  activate (drop.card, "board.drag-end", NULL);
  g_assert_false (baton_people_sidebar_is_highlighted (sidebar, drop.holder));

  g_assert_true (emit_drop (baton_people_sidebar_get_drop_target (sidebar, drop.holder), &value, 10, 10));
  g_assert_cmpint (baton_task_get_assignee_id (drop.task), ==, baton_record_get_id (BATON_RECORD (drop.holder)));
  settle (f);
  card = find_card (column_of (f, baton_store_lookup_stage (f->store, baton_task_get_stage_id (drop.task))), drop.task);
  g_assert_nonnull (card);
  g_assert_true (baton_avatar_get_person (baton_test_find_descendant (GTK_WIDGET (card), BATON_TYPE_AVATAR)) == drop.holder);
  toast = wait_for_toast (f);
  g_assert_nonnull (strstr (toast, baton_person_get_name (drop.holder)));

  activate (f->view, "win.undo", NULL);
  g_assert_true (baton_store_lookup_person (f->store, baton_task_get_assignee_id (drop.task)) == old_assignee);
  after_undo = export (f->store);
  g_assert_cmpstr (after_undo, ==, before);
  settle (f);
  g_assert_true (baton_avatar_get_person (baton_test_find_descendant (GTK_WIDGET (card), BATON_TYPE_AVATAR)) == old_assignee);
}


/* A change undone before its toast came (the toast follows the frame):
 * no toast offers to undo what is no longer there. */
static void
test_toast_after_undo (Fixture       *f,
                       gconstpointer  data)
{
  BatonBoardCard *card = first_card (column_at (f, 0));
  g_auto(GValue) value = G_VALUE_INIT;

  SKIP_WITHOUT_DISPLAY ();

  prepare_drag (card, &value);
  g_assert_true (emit_drop (baton_board_column_get_drop_target (column_at (f, 1)), &value, 40, 4));
  activate (f->view, "win.undo", NULL);
  wait_quiet ();
  g_assert_cmpuint (f->toasts->len, ==, 0);

  /* Left alone, a change gets its toast. */
  g_assert_true (emit_drop (baton_board_column_get_drop_target (column_at (f, 1)), &value, 40, 4));
  g_assert_nonnull (strstr (wait_for_toast (f), baton_task_get_title (g_value_get_object (&value))));
}

/* Keyboard ---------------------------------------------------------------------------- */

static gboolean
focus_is_card_of (gpointer data)
{
  gpointer *args = data;
  GtkWindow *window = args[0];
  BatonTask *task = args[1];
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return BATON_IS_BOARD_CARD (focus) && baton_board_card_get_task (BATON_BOARD_CARD (focus)) == task;
}

/* Two exports are the same; if not, says where they part (a whole
 * workspace is too long to read in a test log). */
static void
assert_same_export (const char *actual,
                    const char *expected,
                    const char *what)
{
  g_auto(GStrv) a = NULL;
  g_auto(GStrv) e = NULL;
  guint i;

  if (g_strcmp0 (actual, expected) == 0)
    return;

  a = g_strsplit (actual, "\n", -1);
  e = g_strsplit (expected, "\n", -1);
  for (i = 0; a[i] != NULL && e[i] != NULL && g_str_equal (a[i], e[i]); i++)
    ;
  g_test_fail_printf ("%s: the workspace differs at line %u: “%s”, expected “%s”",
                      what, i + 1, a[i] ? g_strstrip (a[i]) : "(end)", e[i] ? g_strstrip (e[i]) : "(end)");
}

/* Takes the state of the workspace before a step. */
static void
push_state (Fixture   *f,
            GPtrArray *states)
{
  g_ptr_array_add (states, export (f->store));
}

static void
test_keyboard_moves (Fixture       *f,
                     gconstpointer  data)
{
  BatonBoardColumn *column = column_at (f, 1);
  BatonStage *stage1 = stage_at (f, 1), *stage2 = stage_at (f, 2), *stage4 = stage_at (f, 4);
  BatonHistory *history = baton_store_get_history (f->store);
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  BatonBoardCard *card;
  BatonTask *task = NULL;
  GListModel *model = baton_board_column_get_model (column);
  gpointer args[2];
  guint n;

  SKIP_WITHOUT_DISPLAY ();

  /* An assigned card: unassigning it is a change. */
  for (guint i = 0; i < g_list_model_get_n_items (model) && task == NULL; i++)
    {
      g_autoptr(BatonTask) item = g_list_model_get_item (model, i);

      if (baton_task_get_assignee_id (item) != 0)
        task = item;
    }
  g_assert_nonnull (task);
  g_assert_true (baton_board_column_focus_task (column, task));
  card = find_card (column, task);
  args[0] = f->window;
  args[1] = task;
  g_assert_true (focus_is_card_of (args));
  g_assert_false (baton_history_get_can_undo (history));

  /* Ctrl+Right: the next stage, and the focus follows the card there. */
  push_state (f, states);
  activate (card, "task.move-right", task_id_of (card));
  g_assert_cmpint (baton_task_get_stage_id (task), ==, baton_record_get_id (BATON_RECORD (stage2)));
  g_assert_true (baton_test_wait_until (focus_is_card_of, args, 5000));

  /* Ctrl+Left: back, at the end of the column. */
  push_state (f, states);
  card = BATON_BOARD_CARD (gtk_root_get_focus (GTK_ROOT (f->window)));
  activate (card, "task.move-left", task_id_of (card));
  g_assert_cmpint (baton_task_get_stage_id (task), ==, baton_record_get_id (BATON_RECORD (stage1)));
  g_assert_true (baton_test_wait_until (focus_is_card_of, args, 5000));
  n = g_list_model_get_n_items (model);
  g_assert_cmpint (model_index (model, task), ==, (gint) n - 1);

  /* Ctrl+Up and Ctrl+Down reorder. */
  push_state (f, states);
  card = BATON_BOARD_CARD (gtk_root_get_focus (GTK_ROOT (f->window)));
  activate (card, "task.move-up", task_id_of (card));
  g_assert_cmpint (model_index (model, task), ==, (gint) n - 2);
  g_assert_true (baton_test_wait_until (focus_is_card_of, args, 5000));
  push_state (f, states);
  card = BATON_BOARD_CARD (gtk_root_get_focus (GTK_ROOT (f->window)));
  activate (card, "task.move-down", task_id_of (card));
  g_assert_cmpint (model_index (model, task), ==, (gint) n - 1);
  g_assert_true (baton_test_wait_until (focus_is_card_of, args, 5000));

  /* The context menu's actions: move to a stage, reassign. */
  push_state (f, states);
  card = BATON_BOARD_CARD (gtk_root_get_focus (GTK_ROOT (f->window)));
  activate (card, "task.move-to-stage", g_variant_new ("(xx)", baton_record_get_id (BATON_RECORD (task)),
                                                       baton_record_get_id (BATON_RECORD (stage4))));
  g_assert_cmpint (baton_task_get_stage_id (task), ==, baton_record_get_id (BATON_RECORD (stage4)));
  g_assert_true (baton_test_wait_until (focus_is_card_of, args, 5000));
  push_state (f, states);
  card = BATON_BOARD_CARD (gtk_root_get_focus (GTK_ROOT (f->window)));
  activate (card, "task.reassign", g_variant_new ("(xx)", baton_record_get_id (BATON_RECORD (task)), (gint64) 0));
  g_assert_cmpint (baton_task_get_assignee_id (task), ==, 0);
  {
    /* In the capacity view's words (baton_task_move ()). */
    g_autofree char *said = g_strdup_printf ("“%s” unassigned", baton_task_get_title (task));

    g_assert_cmpstr (wait_for_toast (f), ==, said);
  }

  /* Delete archives it (undoable); the card leaves the board. */
  push_state (f, states);
  activate (card, "task.archive", task_id_of (card));
  g_assert_true (baton_task_get_archived (task));
  g_assert_cmpint (model_index (baton_board_column_get_model (column_of (f, stage4)), task), ==, -1);
  g_assert_nonnull (strstr (wait_for_toast (f), baton_task_get_title (task)));

  /* Every step is exactly one undo: each restores the state before it,
   * and after as many undos as steps there is nothing left. */
  for (guint i = states->len; i > 0; i--)
    {
      g_autofree char *after = NULL;
      g_autofree char *what = g_strdup_printf ("the undo of step %u", i);

      g_assert_true (baton_history_get_can_undo (history));
      activate (f->view, "win.undo", NULL);
      after = export (f->store);
      assert_same_export (after, g_ptr_array_index (states, i - 1), what);
    }
  g_assert_false (baton_history_get_can_undo (history));
}

static GtkWidget *
find_popover_menu (GtkWidget *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (view); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child))
      return child;

  return NULL;
}

typedef struct
{
  BatonBoardColumn *column;
  BatonTask        *task;
} CardWait;

static gboolean
card_of_task_shown (gpointer data)
{
  CardWait *wait = data;
  GtkWidget *card = baton_board_column_get_card (wait->column, wait->task);

  return card != NULL && gtk_widget_get_mapped (card);
}

static gboolean
room_dialog_gone (gpointer data)
{
  return baton_board_view_get_room_dialog (data) == NULL;
}

static void
test_context_menu (Fixture       *f,
                   gconstpointer  data)
{
  BatonBoardCard *card = first_card (column_at (f, 0));
  BatonTask *task;
  GtkWidget *menu;
  BatonStage *stage3;

  SKIP_WITHOUT_DISPLAY ();

  task = baton_board_card_get_task (card);
  stage3 = stage_at (f, 3);
  gtk_widget_grab_focus (GTK_WIDGET (card));

  /* Menu key / Shift+F10 */
  activate (card, "task.menu", g_variant_new ("(xdd)", baton_record_get_id (BATON_RECORD (task)), 10.0, 10.0));
  menu = find_popover_menu (GTK_WIDGET (f->view));
  g_assert_nonnull (menu);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, menu, 5000));

  /* Its "Move to Stage" item. */
  activate (menu, "task.move-to-stage", g_variant_new ("(xx)", baton_record_get_id (BATON_RECORD (task)),
                                                       baton_record_get_id (BATON_RECORD (stage3))));
  gtk_popover_popdown (GTK_POPOVER (menu));
  g_assert_cmpint (baton_task_get_stage_id (task), ==, baton_record_get_id (BATON_RECORD (stage3)));
  activate (f->view, "win.undo", NULL);
  g_assert_cmpint (baton_task_get_stage_id (task), ==, baton_record_get_id (BATON_RECORD (stage_at (f, 0))));
}


/* The card menu is the one task menu, and its Who Has Room? works from
 * the board: the dialog lists the role's people, picking one reassigns
 * the card (one undo step, the shared words). */
static void
test_context_menu_who_has_room (Fixture       *f,
                                gconstpointer  data)
{
  BatonBoardColumn *column = column_at (f, 0);
  GListModel *model = baton_board_column_get_model (column);
  g_autoptr(BatonTask) task = NULL;
  GtkWidget *card, *menu, *dialog;
  GMenuModel *menu_model;
  g_autoptr(GMenuModel) open = NULL;
  g_autoptr(GMenuModel) moves = NULL;
  g_autoptr(GMenuModel) room = NULL;
  g_autofree char *label = NULL;
  g_autofree char *action = NULL;
  g_autofree char *said = NULL;
  BatonPerson *chosen = NULL;
  AdwActionRow *row = NULL;
  gint64 task_id, target = 0, assignee;

  SKIP_WITHOUT_DISPLAY ();

  /* A card whose task has a role. */
  for (guint i = 0; i < g_list_model_get_n_items (model) && task == NULL; i++)
    {
      g_autoptr(BatonTask) item = g_list_model_get_item (model, i);

      if (baton_task_get_role_id (item) != 0)
        task = g_steal_pointer (&item);
    }
  g_assert_nonnull (task);
  task_id = baton_record_get_id (BATON_RECORD (task));
  assignee = baton_task_get_assignee_id (task);
  baton_board_column_scroll_to_index (column, (guint) model_index (model, task));
  g_assert_true (baton_test_wait_until (card_of_task_shown, &(CardWait) { column, task }, 5000));
  card = baton_board_column_get_card (column, task);
  gtk_widget_grab_focus (card);

  activate (card, "task.menu", g_variant_new ("(xdd)", task_id, 10.0, 10.0));
  menu = find_popover_menu (GTK_WIDGET (f->view));
  g_assert_nonnull (menu);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, menu, 5000));

  /* Open; the moves; Who Has Room?; Archive and Delete. */
  menu_model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
  g_assert_cmpint (g_menu_model_get_n_items (menu_model), ==, 4);
  open = g_menu_model_get_item_link (menu_model, 0, G_MENU_LINK_SECTION);
  g_assert_true (g_menu_model_get_item_attribute (open, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "task.open");
  g_clear_pointer (&action, g_free);
  moves = g_menu_model_get_item_link (menu_model, 1, G_MENU_LINK_SECTION);
  g_assert_cmpint (g_menu_model_get_n_items (moves), >=, 2);
  g_assert_true (g_menu_model_get_item_attribute (moves, 1, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_cmpstr (label, ==, assignee != 0 ? "_Reassign To" : "A_ssign To");
  room = g_menu_model_get_item_link (menu_model, 2, G_MENU_LINK_SECTION);
  g_assert_true (g_menu_model_get_item_attribute (room, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_cmpstr (action, ==, "task.who-has-room");
  g_assert_true (g_menu_model_get_item_attribute (room, 0, G_MENU_ATTRIBUTE_TARGET, "x", &target));
  g_assert_cmpint (target, ==, task_id);

  /* The item, from the menu. */
  activate (menu, "task.who-has-room", g_variant_new_int64 (task_id));
  gtk_popover_popdown (GTK_POPOVER (menu));
  dialog = baton_board_view_get_room_dialog (f->view);
  g_assert_nonnull (dialog);
  g_assert_true (baton_room_dialog_get_task (BATON_ROOM_DIALOG (dialog)) == task);
  for (guint i = 0; i < baton_room_dialog_get_n_candidates (BATON_ROOM_DIALOG (dialog)) && chosen == NULL; i++)
    {
      BatonPerson *person = baton_room_dialog_get_candidate (BATON_ROOM_DIALOG (dialog), i);

      if (baton_record_get_id (BATON_RECORD (person)) != assignee)
        {
          chosen = person;
          row = baton_room_dialog_get_row (BATON_ROOM_DIALOG (dialog), i);
        }
    }
  g_assert_nonnull (chosen);
  said = g_strdup_printf (assignee != 0 ? "“%s” reassigned to %s" : "“%s” assigned to %s",
                          baton_task_get_title (task), baton_person_get_name (chosen));

  /* Picked: reassigned, in the shared words, and the dialog goes. */
  g_signal_emit_by_name (row, "activated");
  g_assert_cmpint (baton_task_get_assignee_id (task), ==, baton_record_get_id (BATON_RECORD (chosen)));
  g_assert_cmpstr (wait_for_toast (f), ==, said);
  g_assert_true (baton_test_wait_until (room_dialog_gone, f->view, 5000));

  activate (f->view, "win.undo", NULL);
  g_assert_cmpint (baton_task_get_assignee_id (task), ==, assignee);
}

/* Focus -------------------------------------------------------------------------------------- */


typedef struct
{
  Fixture   *f;
  BatonTask *task;
} FocusWait;

/* The keyboard focus is on the card of @task, shown. */
static gboolean
focus_on_task (gpointer data)
{
  FocusWait *wait = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (wait->f->window));

  return BATON_IS_BOARD_CARD (focus) &&
         baton_board_card_get_task (BATON_BOARD_CARD (focus)) == wait->task &&
         gtk_widget_has_focus (focus) && gtk_widget_get_mapped (focus);
}

static void
assert_focus_on (Fixture   *f,
                 BatonTask *task)
{
  FocusWait wait = { f, task };

  if (!baton_test_wait_until (focus_on_task, &wait, 5000))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

      g_test_message ("the focus is on %s%s%s", focus ? G_OBJECT_TYPE_NAME (focus) : "nothing",
                      BATON_IS_BOARD_CARD (focus) ? ": " : "",
                      BATON_IS_BOARD_CARD (focus) && baton_board_card_get_task (BATON_BOARD_CARD (focus))
                        ? baton_task_get_title (baton_board_card_get_task (BATON_BOARD_CARD (focus))) : "");
      g_test_fail_printf ("the focus is not on “%s”", baton_task_get_title (task));
    }
}

/* Presses @keys (xdotool's names) in the test window, as a person would;
 * without xdotool, activates @action on the focus instead. */
static void
press (Fixture    *f,
       const char *keys,
       const char *action)
{
  const char *reason = NULL;

  if (baton_test_have_xdotool (GTK_WIDGET (f->window), &reason))
    {
      const char *key[] = { "key", keys, NULL };

      /* Without a window manager the keys go to the window under the pointer. */
      g_assert_true (baton_test_xdotool_pointer (GTK_WIDGET (f->window), 2, 2, 0));
      /* It returns once the keys have been handled (see there). */
      g_assert_true (baton_test_xdotool_argv (key));
    }
  else
    {
      g_assert_nonnull (action);
      g_test_message ("no real keys (%s): activating %s", reason, action);
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

      if (g_str_equal (action, "task.menu"))
        g_assert_true (gtk_widget_activate_action (focus, action, "(xdd)",
                                                   baton_record_get_id (BATON_RECORD (baton_board_card_get_task (BATON_BOARD_CARD (focus)))),
                                                   10.0, 10.0));
      else if (g_str_has_prefix (action, "task."))
        g_assert_true (gtk_widget_activate_action_variant (focus, action, task_id_of (focus)));
      else
        g_assert_true (gtk_widget_activate_action (focus, action, NULL));
    }
}

static gboolean
menu_open (gpointer data)
{
  GtkWidget *menu = find_popover_menu (data);

  return menu != NULL && gtk_widget_get_mapped (menu);
}

static gboolean
menu_closed (gpointer data)
{
  return !menu_open (data);
}

/* Ctrl+arrows, Ctrl+Z and Ctrl+Shift+Z from the keyboard: after each,
 * the focus is on the card that moved, wherever it went. */
static void
test_focus_follows_card (Fixture       *f,
                         gconstpointer  data)
{
  BatonBoardColumn *column = column_at (f, 1);
  BatonStage *stage1 = stage_at (f, 1), *stage2 = stage_at (f, 2);
  g_autoptr(BatonTask) task = g_list_model_get_item (baton_board_column_get_model (column), 1);
  GListModel *model2 = baton_board_column_get_model (column_of (f, stage2));
  gint64 id1 = baton_record_get_id (BATON_RECORD (stage1));
  gint64 id2 = baton_record_get_id (BATON_RECORD (stage2));
  gint index;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_nonnull (task);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (find_card (column, task))));
  assert_focus_on (f, task);

  press (f, "ctrl+Right", "task.move-right");
  g_assert_cmpint (baton_task_get_stage_id (task), ==, id2);
  assert_focus_on (f, task);

  press (f, "ctrl+Up", "task.move-up");
  index = model_index (model2, task);
  g_assert_cmpint (index, ==, (gint) g_list_model_get_n_items (model2) - 2);
  assert_focus_on (f, task);

  press (f, "ctrl+Down", "task.move-down");
  g_assert_cmpint (model_index (model2, task), ==, index + 1);
  assert_focus_on (f, task);

  press (f, "ctrl+Left", "task.move-left");
  g_assert_cmpint (baton_task_get_stage_id (task), ==, id1);
  assert_focus_on (f, task);

  /* Undo brings it back to the second stage: the focus comes along. */
  press (f, "ctrl+z", "win.undo");
  g_assert_cmpint (baton_task_get_stage_id (task), ==, id2);
  assert_focus_on (f, task);

  press (f, "ctrl+shift+z", "win.redo");
  g_assert_cmpint (baton_task_get_stage_id (task), ==, id1);
  assert_focus_on (f, task);

  /* Undone from elsewhere (the header's button): it comes back to the card. */
  gtk_window_set_focus (f->window, NULL);
  activate (f->view, "win.undo", NULL);
  g_assert_cmpint (baton_task_get_stage_id (task), ==, id2);
  assert_focus_on (f, task);
}


typedef struct
{
  Fixture   *f;
  BatonTask *task;
} InView;

/* The card of the task is whole in its column's viewport, and its column
 * is whole in the board's. */
static gboolean
card_in_view (gpointer data)
{
  InView *check = data;
  BatonBoardColumn *column = column_of (check->f, baton_store_lookup_stage (check->f->store,
                                                                          baton_task_get_stage_id (check->task)));
  GtkWidget *card = GTK_WIDGET (find_card (column, check->task));
  /* The board's viewport: what it shows starts at its 0. */
  GtkWidget *viewport = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (column)));
  GtkWidget *list = GTK_WIDGET (baton_board_column_get_card_list (column));
  graphene_rect_t column_bounds, card_bounds;

  if (card == NULL || !gtk_widget_get_mapped (card) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (column), viewport, &column_bounds) ||
      !gtk_widget_compute_bounds (card, list, &card_bounds))
    return FALSE;

  g_assert_true (GTK_IS_VIEWPORT (viewport));


  return column_bounds.origin.x >= -0.5 &&
         column_bounds.origin.x + column_bounds.size.width <= gtk_widget_get_width (viewport) + 0.5 &&
         card_bounds.origin.y >= -0.5 &&
         card_bounds.origin.y + card_bounds.size.height <= gtk_widget_get_height (list) + 0.5;
}

static gboolean
window_narrow (gpointer data)
{
  return gtk_widget_get_width (data) <= 760;
}

static gboolean
sidebar_revealed (gpointer data)
{
  GtkWidget *revealer = gtk_widget_get_ancestor (baton_board_view_get_people_sidebar (data), GTK_TYPE_REVEALER);

  return revealer != NULL && gtk_revealer_get_child_revealed (GTK_REVEALER (revealer));
}

/* In a narrow window, a card moved by keyboard to a column out of view
 * (and to the end of a long one) is scrolled into view. */
static void
test_move_scrolls_into_view (Fixture       *f,
                             gconstpointer  data)
{
  guint n_columns = baton_board_view_get_n_columns (f->view);
  g_autoptr(BatonTask) task = g_list_model_get_item (baton_board_column_get_model (column_at (f, 0)), 0);
  InView check = { f, task };

  SKIP_WITHOUT_DISPLAY ();

  /* With the people sidebar, the board's viewport is narrower still. */
  g_object_set (f->view, "show-people-sidebar", TRUE, NULL);
  gtk_window_set_default_size (f->window, 700, 600);
  g_assert_true (baton_test_wait_until (window_narrow, f->window, 5000));
  g_assert_true (baton_test_wait_until (sidebar_revealed, f->view, 5000));
  g_assert_true (baton_test_wait_until (board_settled, f->view, 5000));

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (find_card (column_at (f, 0), task))));
  for (guint i = 1; i < n_columns; i++)
    {
      BatonBoardColumn *column;
      GListModel *model;

      press (f, "ctrl+Right", "task.move-right");
      column = column_at (f, i);
      model = baton_board_column_get_model (column);
      g_assert_true (baton_board_column_get_stage (column) ==
                     baton_store_lookup_stage (f->store, baton_task_get_stage_id (task)));
      /* At the end of its new column. */
      g_assert_cmpint (model_index (model, task), ==, (gint) g_list_model_get_n_items (model) - 1);
      assert_focus_on (f, task);
      if (!baton_test_wait_until (card_in_view, &check, 5000))
        g_test_fail_printf ("the card moved to column %u is not in view", i + 1);
    }

  /* And back, a column at a time. */
  for (guint i = n_columns - 1; i > 0; i--)
    {
      press (f, "ctrl+Left", "task.move-left");
      assert_focus_on (f, task);
      if (!baton_test_wait_until (card_in_view, &check, 5000))
        g_test_fail_printf ("the card moved back to column %u is not in view", i);
    }
}


/* Arrows move the focus from card to card: Down and Up within a column
 * (scrolling as needed), Right and Left to the card beside. */
static void
test_focus_arrows (Fixture       *f,
                   gconstpointer  data)
{
  BatonBoardColumn *column = column_at (f, 1);
  GListModel *model = baton_board_column_get_model (column);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(BatonTask) first = g_list_model_get_item (model, 0);
  g_autoptr(BatonTask) second = g_list_model_get_item (model, 1);
  g_autoptr(BatonTask) last = g_list_model_get_item (model, n - 1);
  GtkWidget *focus;

  SKIP_WITHOUT_DISPLAY ();
  BATON_TEST_REQUIRE_XDOTOOL (f->window);

  g_assert_cmpuint (n, >, 10);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (find_card (column, first))));
  press (f, "Down", NULL);
  assert_focus_on (f, second);
  press (f, "Up", NULL);
  assert_focus_on (f, first);

  /* End: the last card, scrolled into view; Home: back. */
  press (f, "End", NULL);
  assert_focus_on (f, last);
  press (f, "Home", NULL);
  assert_focus_on (f, first);

  /* Right: a card of the next column. */
  press (f, "Right", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (BATON_IS_BOARD_CARD (focus));
  g_assert_cmpint (model_index (baton_board_column_get_model (column_at (f, 2)),
                                baton_board_card_get_task (BATON_BOARD_CARD (focus))), >=, 0);
  press (f, "Left", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (BATON_IS_BOARD_CARD (focus));
  g_assert_cmpint (model_index (model, baton_board_card_get_task (BATON_BOARD_CARD (focus))), >=, 0);
}


/* A change made elsewhere (the card editor, another view) keeps the focus
 * on the card it moved; a change that does not touch it leaves the board
 * where the person scrolled it. */
static void
test_focus_other_changes (Fixture       *f,
                          gconstpointer  data)
{
  BatonBoardColumn *column = column_at (f, 0);
  g_autoptr(BatonTask) task = g_list_model_get_item (baton_board_column_get_model (column), 0);
  g_autoptr(BatonClient) client = g_list_model_get_item (baton_store_get_clients (f->store), 0);
  g_autoptr(GError) error = NULL;
  GtkWidget *viewport = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (column)));
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (viewport));
  double value;

  SKIP_WITHOUT_DISPLAY ();

  /* Narrow: the board scrolls. */
  gtk_window_set_default_size (f->window, 700, 900);
  g_assert_true (baton_test_wait_until (window_narrow, f->window, 5000));
  settle (f);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (find_card (column, task))));
  g_assert_true (baton_store_move_task (f->store, task, stage_at (f, 2), NULL, &error));
  g_assert_no_error (error);
  assert_focus_on (f, task);
  settle (f);

  /* Scrolled to the far right by hand, then a client renamed. */
  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_upper (hadjustment));
  value = gtk_adjustment_get_value (hadjustment);
  g_assert_cmpfloat (value, >, 0);
  g_assert_true (baton_store_update (f->store, client, &error, "name", "Renamed", NULL));
  g_assert_no_error (error);
  settle (f);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, value);
  assert_focus_on (f, task);
}

/* Escape closes the card's menu and gives the focus back to the card. */
static void
test_focus_menu_escape (Fixture       *f,
                        gconstpointer  data)
{
  BatonBoardColumn *column = column_at (f, 0);
  g_autoptr(BatonTask) task = g_list_model_get_item (baton_board_column_get_model (column), 0);

  SKIP_WITHOUT_DISPLAY ();
  BATON_TEST_REQUIRE_XDOTOOL (f->window);

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (find_card (column, task))));
  press (f, "shift+F10", "task.menu");
  g_assert_true (baton_test_wait_until (menu_open, f->view, 5000));
  press (f, "Escape", NULL);
  g_assert_true (baton_test_wait_until (menu_closed, f->view, 5000));
  assert_focus_on (f, task);

  /* The menu's own items act on the card and leave the focus on it. */
  press (f, "shift+F10", "task.menu");
  g_assert_true (baton_test_wait_until (menu_open, f->view, 5000));
  activate (find_popover_menu (GTK_WIDGET (f->view)), "task.move-to-stage",
            g_variant_new ("(xx)", baton_record_get_id (BATON_RECORD (task)),
                           baton_record_get_id (BATON_RECORD (stage_at (f, 3)))));
  gtk_popover_popdown (GTK_POPOVER (find_popover_menu (GTK_WIDGET (f->view))));
  g_assert_cmpint (baton_task_get_stage_id (task), ==, baton_record_get_id (BATON_RECORD (stage_at (f, 3))));
  assert_focus_on (f, task);
}

/* WIP limits -------------------------------------------------------------------------- */

static void
test_wip_limit (Fixture       *f,
                gconstpointer  data)
{
  BatonStage *stage = stage_at (f, 2);
  BatonBoardColumn *column = column_of (f, stage);
  g_autoptr(GPtrArray) active = expected_tasks (f->store, stage);
  g_autoptr(GError) error = NULL;
  g_autofree char *over_text = NULL;
  g_autofree char *full_text = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  BatonBoardCard *card;
  guint n = active->len;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_cmpuint (n, >, 1);
  g_assert_false (baton_board_column_get_over_limit (column));

  /* Over its limit: flagged as "n / limit". */
  g_assert_true (baton_store_update (f->store, stage, &error, "wip-limit", (gint64) (n - 1), NULL));
  g_assert_no_error (error);
  over_text = g_strdup_printf ("%u / %u", n, n - 1);
  g_assert_true (baton_board_column_get_over_limit (column));
  g_assert_cmpstr (baton_board_column_get_wip_text (column), ==, over_text);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (column), "over-limit"));

  /* At its limit: shown, not flagged. */
  g_assert_true (baton_store_update (f->store, stage, &error, "wip-limit", (gint64) n, NULL));
  full_text = g_strdup_printf ("%u / %u", n, n);
  g_assert_false (baton_board_column_get_over_limit (column));
  g_assert_cmpstr (baton_board_column_get_wip_text (column), ==, full_text);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (column), "over-limit"));

  /* A soft limit: the move is allowed, flagged, and the toast says so. */
  card = first_card (column_at (f, 0));
  prepare_drag (card, &value);
  g_assert_true (emit_drop (baton_board_column_get_drop_target (column), &value, 40, 4));
  g_assert_cmpint (baton_task_get_stage_id (baton_board_card_get_task (card)), ==,
                   baton_record_get_id (BATON_RECORD (stage)));
  g_assert_true (baton_board_column_get_over_limit (column));
  g_assert_nonnull (strstr (wait_for_toast (f), "WIP limit"));
  {
    g_autofree char *text = g_strdup_printf ("%u / %u", n + 1, n);

    g_assert_cmpstr (baton_board_column_get_wip_text (column), ==, text);
  }

  /* The same move from the task menu (task.move-to-stage) says it too. */
  {
    BatonTask *moved = g_value_get_object (&value);
    gint64 moved_id = baton_record_get_id (BATON_RECORD (moved));
    const char *said;

    activate (f->view, "win.undo", NULL);
    g_assert_cmpint (baton_task_get_stage_id (moved), !=, baton_record_get_id (BATON_RECORD (stage)));
    g_ptr_array_set_size (f->toasts, 0);
    activate (f->view, "task.move-to-stage", g_variant_new ("(xx)", moved_id, baton_record_get_id (BATON_RECORD (stage))));
    g_assert_cmpint (baton_task_get_stage_id (moved), ==, baton_record_get_id (BATON_RECORD (stage)));
    said = wait_for_toast (f);
    g_assert_true (g_str_has_prefix (said, "Moved “"));
    g_assert_nonnull (strstr (said, "WIP limit"));
  }

  /* Archived cards do not count: archiving one of the n + 1 brings the
   * column back to its limit, and restoring it takes it over again. */
  {
    BatonTask *archived = g_ptr_array_index (active, 0);
    g_autofree char *at_limit = g_strdup_printf ("%u / %u", n, n);
    g_autofree char *over = g_strdup_printf ("%u / %u", n + 1, n);

    g_assert_true (baton_store_archive_task (f->store, archived, TRUE, &error));
    g_assert_no_error (error);
    g_assert_false (baton_board_column_get_over_limit (column));
    g_assert_cmpstr (baton_board_column_get_wip_text (column), ==, at_limit);
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (column), "over-limit"));

    /* Shown with the archived cards, it still does not count. */
    activate (f->view, "board.show-archived", NULL);
    g_assert_cmpint (model_index (baton_board_column_get_model (column), archived), >=, 0);
    g_assert_false (baton_board_column_get_over_limit (column));
    g_assert_cmpstr (baton_board_column_get_wip_text (column), ==, at_limit);
    activate (f->view, "board.show-archived", NULL);

    g_assert_true (baton_store_archive_task (f->store, archived, FALSE, &error));
    g_assert_true (baton_board_column_get_over_limit (column));
    g_assert_cmpstr (baton_board_column_get_wip_text (column), ==, over);
  }
}

/* The editor --------------------------------------------------------------------------- */

static void
set_field (BatonTaskEditor *editor,
           const char      *field,
           const char      *text)
{
  gtk_editable_set_text (GTK_EDITABLE (baton_task_editor_get_field (editor, field)), text);
}

typedef struct
{
  const char *field;       /* where the bad text goes */
  const char *text;
  const char *error_field; /* where the error shows */
  const char *start;       /* dates to set first, for the range case */
} BadInput;

static void
test_editor_rejects_bad_input (Fixture       *f,
                               gconstpointer  data)
{
  static const BadInput cases[] = {
    { "estimate", "abc", "estimate", NULL },
    { "estimate", "-3h", "estimate", NULL },
    { "estimate", "3 days", "estimate", NULL },
    { "estimate", "20000h", "estimate", NULL },
    { "start-date", "2026-02-30", "start-date", NULL },
    { "due-date", "2026-02-30", "due-date", NULL },
    { "due-date", "15/03/2026", "due-date", NULL },
    { "due-date", "2026-05-01", "due-date", "2026-05-10" },   /* due before start */
    { "title", "", "title", NULL },
    { "title", "    ", "title", NULL },
  };
  g_autoptr(BatonTask) task = g_list_model_get_item (baton_store_get_tasks (f->store), 0);
  g_autofree char *before = export (f->store);
  g_autofree char *title = g_strdup (baton_task_get_title (task));
  BatonTaskEditor *editor;
  gpointer weak;

  SKIP_WITHOUT_DISPLAY ();

  editor = BATON_TASK_EDITOR (baton_task_editor_new (f->window, f->store, task));
  weak = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, editor, 5000));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *after = NULL;
      GtkWidget *input = baton_task_editor_get_field (editor, cases[i].error_field);

      g_test_message ("%s = “%s”", cases[i].field, cases[i].text);

      /* Everything else valid. */
      set_field (editor, "title", title);
      set_field (editor, "estimate", "2h");
      set_field (editor, "start-date", cases[i].start ? cases[i].start : "");
      set_field (editor, "due-date", "");
      set_field (editor, cases[i].field, cases[i].text);

      g_assert_false (baton_task_editor_save (editor));
      g_assert_nonnull (weak);   /* still open */
      g_assert_nonnull (baton_task_editor_get_field_error (editor, cases[i].error_field));
      g_assert_cmpstr (baton_task_editor_get_field_error (editor, cases[i].error_field), !=, "");
      g_assert_true (gtk_widget_has_css_class (input, "error"));
      /* A date that does not parse: the date row's own message. */
      if (g_str_has_suffix (cases[i].field, "-date") && cases[i].start == NULL)
        g_assert_cmpstr (baton_task_editor_get_field_error (editor, cases[i].error_field), ==,
                         baton_date_row_get_error (BATON_DATE_ROW (input)));

      after = export (f->store);
      g_assert_cmpstr (after, ==, before);
    }

  /* The error follows the typing once shown, and a valid edit saves as one step. */
  set_field (editor, "title", "Edited title");
  set_field (editor, "estimate", "1h30m");
  set_field (editor, "start-date", "2026-05-01");
  set_field (editor, "due-date", "2026-05-10");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (baton_task_editor_get_field (editor, "pinned"))));
  gtk_switch_set_active (GTK_SWITCH (baton_task_editor_get_field (editor, "pinned")), TRUE);
  g_assert_null (baton_task_editor_get_field_error (editor, "title"));
  g_assert_null (baton_task_editor_get_field_error (editor, "due-date"));
  g_assert_false (gtk_widget_has_css_class (baton_task_editor_get_field (editor, "estimate"), "error"));

  g_assert_true (baton_task_editor_save (editor));
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak, 5000));
  g_assert_cmpstr (baton_task_get_title (task), ==, "Edited title");
  g_assert_cmpint (baton_task_get_estimate_minutes (task), ==, 90);
  g_assert_cmpstr (baton_task_get_start_date (task), ==, "2026-05-01");
  g_assert_cmpstr (baton_task_get_due_date (task), ==, "2026-05-10");
  /* Pinned: rebalancing leaves it where it is, and the card says so. */
  g_assert_true (baton_task_get_pinned (task));
  {
    BatonStage *stage = baton_store_lookup_stage (f->store, baton_task_get_stage_id (task));
    g_autofree char *label = baton_test_accessible_label (GTK_WIDGET (find_card_in (GTK_WIDGET (column_of (f, stage)), task)));

    g_assert_nonnull (strstr (label, ". Pinned."));
  }

  activate (f->view, "win.undo", NULL);
  {
    g_autofree char *after = export (f->store);
    g_assert_cmpstr (after, ==, before);
  }
}

static void
test_editor_store_error (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BatonTask) task = g_list_model_get_item (baton_store_get_tasks (f->store), 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonTaskEditor *editor;

  SKIP_WITHOUT_DISPLAY ();

  editor = BATON_TASK_EDITOR (baton_task_editor_new (f->window, f->store, task));
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, editor, 5000));

  /* The card goes away while the editor is open. */
  g_assert_true (baton_store_delete (f->store, task, &error));
  g_assert_no_error (error);
  before = export (f->store);

  set_field (editor, "title", "Too late");
  g_assert_false (baton_task_editor_save (editor));
  g_assert_nonnull (baton_task_editor_get_status (editor));
  after = export (f->store);
  g_assert_cmpstr (after, ==, before);

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_editor_new_card (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(BatonProgram) program = g_list_model_get_item (baton_store_get_programs (f->store), 0);
  g_autofree char *before = export (f->store);
  g_autofree char *after = NULL;
  BatonStage *first = stage_at (f, 0);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GPtrArray) checklist = NULL;
  BatonTaskEditor *editor;
  BatonTask *created;
  BatonNote *note = NULL;
  gboolean has_note_id;
  gpointer weak;

  SKIP_WITHOUT_DISPLAY ();

  /* From a note line (the Clients view): the card remembers its note when
   * tasks have a note-id. */
  {
    gpointer klass = g_type_class_ref (BATON_TYPE_TASK);
    has_note_id = g_object_class_find_property (G_OBJECT_CLASS (klass), "note-id") != NULL;
    g_type_class_unref (klass);
  }
  if (has_note_id)
    {
      g_autoptr(BatonClient) client = g_list_model_get_item (baton_store_get_clients (f->store), 0);
      g_autoptr(GError) error = NULL;

      note = baton_store_create_note (f->store, client, NULL, "Kick-off", "- Build the storyboard", &error);
      g_assert_no_error (error);
      g_free (before);
      before = export (f->store);
    }

  editor = BATON_TASK_EDITOR (baton_task_editor_new (f->window, f->store, NULL));
  weak = editor;
  g_object_add_weak_pointer (G_OBJECT (editor), &weak);
  baton_task_editor_prefill (editor, "From the needs analysis",
                             baton_record_get_id (BATON_RECORD (program)),
                             note ? baton_record_get_id (BATON_RECORD (note)) : 0);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, editor, 5000));

  set_field (editor, "estimate", "1.5");
  set_field (editor, "checklist-entry", "Draft the outline");
  activate (editor, "editor.add-item", NULL);
  set_field (editor, "checklist-entry", "Review with the SME");
  activate (editor, "editor.add-item", NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (baton_task_editor_get_field (editor, "checklist-entry"))), ==, "");

  g_assert_true (baton_task_editor_save (editor));
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak, 5000));

  /* At the end of the first stage, with its program, estimate and checklist. */
  tasks = baton_store_get_stage_tasks (f->store, first);
  created = g_ptr_array_index (tasks, tasks->len - 1);
  g_assert_cmpstr (baton_task_get_title (created), ==, "From the needs analysis");
  g_assert_cmpint (baton_task_get_program_id (created), ==, baton_record_get_id (BATON_RECORD (program)));
  g_assert_cmpint (baton_task_get_estimate_minutes (created), ==, 90);
  checklist = baton_store_get_task_checklist (f->store, created);
  g_assert_cmpuint (checklist->len, ==, 2);
  if (note != NULL)
    {
      gint64 note_id = 0;

      g_object_get (created, "note-id", &note_id, NULL);
      g_assert_cmpint (note_id, ==, baton_record_get_id (BATON_RECORD (note)));
    }

  /* One undo takes the card and its checklist away. */
  activate (f->view, "win.undo", NULL);
  after = export (f->store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_editor_delete_and_archive (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(BatonTask) task = g_list_model_get_item (baton_store_get_tasks (f->store), 2);
  gint64 id = baton_record_get_id (BATON_RECORD (task));
  g_autofree char *before = export (f->store);
  g_autofree char *after = NULL;
  GtkWidget *editor;

  SKIP_WITHOUT_DISPLAY ();

  editor = baton_task_editor_new (f->window, f->store, task);
  gtk_window_present (GTK_WINDOW (editor));
  activate (editor, "editor.archive", NULL);
  g_assert_true (baton_task_get_archived (task));
  g_assert_nonnull (strstr (wait_for_toast (f), "archived"));
  activate (f->view, "win.undo", NULL);
  g_assert_false (baton_task_get_archived (task));

  editor = baton_task_editor_new (f->window, f->store, task);
  gtk_window_present (GTK_WINDOW (editor));
  activate (editor, "editor.delete", NULL);
  g_assert_null (baton_store_lookup_task (f->store, id));
  g_assert_nonnull (strstr (g_ptr_array_index (f->toasts, f->toasts->len - 1), "deleted"));
  activate (f->view, "win.undo", NULL);
  g_assert_nonnull (baton_store_lookup_task (f->store, id));

  after = export (f->store);
  g_assert_cmpstr (after, ==, before);
}

/* User text ---------------------------------------------------------------------------- */

static void
test_markup_title_literal (Fixture       *f,
                           gconstpointer  data)
{
  static const char title[] = "<b>Q&A</b> & \"quotes\" <i>not italic";
  BatonStage *stage = stage_at (f, 0);
  BatonBoardColumn *column = column_of (f, stage);
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonTask) first = g_list_model_get_item (baton_board_column_get_model (column), 0);
  g_auto(GValue) value = G_VALUE_INIT;
  BatonTask *task;
  BatonBoardCard *card;
  g_autofree char *expected = NULL;

  SKIP_WITHOUT_DISPLAY ();

  task = baton_store_create_task (f->store, stage, NULL, title, &error);
  g_assert_no_error (error);
  g_assert_true (baton_store_move_task (f->store, task, stage, first, &error));
  settle (f);

  card = find_card (column, task);
  g_assert_nonnull (card);
  g_assert_cmpstr (baton_board_card_get_title_text (card), ==, title);

  /* Toasts carry it literally too (the window escapes it for the toast). */
  prepare_drag (card, &value);
  g_assert_true (emit_drop (baton_board_column_get_drop_target (column_at (f, 1)), &value, 40, 4));
  expected = g_strdup_printf ("Moved “%s” to %s", title, baton_stage_get_name (stage_at (f, 1)));
  g_assert_cmpstr (wait_for_toast (f), ==, expected);
  settle (f);
  card = find_card (column_at (f, 1), task);
  g_assert_nonnull (card);
  g_assert_cmpstr (baton_board_card_get_title_text (card), ==, title);
}

/* Filters -------------------------------------------------------------------------------- */

static gboolean
matches_search (BatonStore    *store,
                BatonTask     *task,
                gconstpointer  data)
{
  const char *needle = data;
  g_autofree char *title = g_utf8_casefold (baton_task_get_title (task), -1);
  g_autofree char *description = baton_task_get_description (task)
                                 ? g_utf8_casefold (baton_task_get_description (task), -1) : NULL;

  return !baton_task_get_archived (task) &&
         (strstr (title, needle) != NULL || (description != NULL && strstr (description, needle) != NULL));
}

static gboolean
matches_person (BatonStore    *store,
                BatonTask     *task,
                gconstpointer  data)
{
  return !baton_task_get_archived (task) && baton_task_get_assignee_id (task) == *(const gint64 *) data;
}

static gboolean
matches_role (BatonStore    *store,
              BatonTask     *task,
              gconstpointer  data)
{
  return !baton_task_get_archived (task) && baton_task_get_role_id (task) == *(const gint64 *) data;
}

static gboolean
matches_client (BatonStore    *store,
                BatonTask     *task,
                gconstpointer  data)
{
  BatonProgram *program = baton_store_lookup_program (store, baton_task_get_program_id (task));

  return !baton_task_get_archived (task) && program != NULL &&
         baton_program_get_client_id (program) == *(const gint64 *) data;
}

static gboolean
page_is (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (baton_board_view_get_visible_page (args[0]), args[1]) == 0;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *search = baton_board_view_get_search_entry (f->view);
  g_autoptr(BatonPerson) person = g_list_model_get_item (baton_store_get_people (f->store), 0);
  g_autoptr(BatonRole) role = g_list_model_get_item (baton_store_get_roles (f->store), 0);
  g_autoptr(BatonClient) client = g_list_model_get_item (baton_store_get_clients (f->store), 0);
  gint64 person_id = baton_record_get_id (BATON_RECORD (person));
  gint64 role_id = baton_record_get_id (BATON_RECORD (role));
  gint64 client_id = baton_record_get_id (BATON_RECORD (client));
  gint64 unassigned = 0;
  gpointer args[2] = { f->view, NULL };

  SKIP_WITHOUT_DISPLAY ();

  assert_counts (f, is_active, NULL);

  /* Ctrl+F goes to the search entry. */
  activate (f->view, "board.search", NULL);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), search) ||
                 gtk_root_get_focus (GTK_ROOT (f->window)) == search);

  /* Title and description, any case; counts follow. */
  gtk_editable_set_text (GTK_EDITABLE (search), "REVIEW");
  assert_counts (f, matches_search, "review");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  assert_counts (f, is_active, NULL);

  activate (f->view, "board.filter-person", g_variant_new_int64 (person_id));
  assert_counts (f, matches_person, &person_id);
  activate (f->view, "board.filter-person", g_variant_new_int64 (-1));
  assert_counts (f, matches_person, &unassigned);
  activate (f->view, "board.clear-filters", NULL);
  assert_counts (f, is_active, NULL);

  activate (f->view, "board.filter-role", g_variant_new_int64 (role_id));
  assert_counts (f, matches_role, &role_id);
  activate (f->view, "board.clear-filters", NULL);

  activate (f->view, "board.filter-client", g_variant_new_int64 (client_id));
  assert_counts (f, matches_client, &client_id);
  activate (f->view, "board.clear-filters", NULL);

  activate (f->view, "board.show-archived", NULL);
  assert_counts (f, any_task, NULL);
  activate (f->view, "board.show-archived", NULL);
  assert_counts (f, is_active, NULL);


  /* Nothing found: an empty state, and back. */
  gtk_editable_set_text (GTK_EDITABLE (search), "no card is called this");
  args[1] = "no-results";
  g_assert_true (baton_test_wait_until (page_is, args, 5000));
  activate (f->view, "board.clear-filters", NULL);
  args[1] = "board";
  g_assert_true (baton_test_wait_until (page_is, args, 5000));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
}


static const char *
drop_down_row (GtkWidget *dropdown,
               guint      position)
{
  GListModel *rows = gtk_drop_down_get_model (baton_record_drop_down_get_drop_down (BATON_RECORD_DROP_DOWN (dropdown)));
  g_autoptr(GtkStringObject) row = g_list_model_get_item (rows, position);

  return row != NULL ? gtk_string_object_get_string (row) : NULL;
}

/* The filter popover's dropdowns list the workspace's records by name,
 * without archived ones, programs of the chosen client only; choosing a
 * row filters the board. */
static void
test_filter_popover (Fixture       *f,
                     gconstpointer  data)
{
  GtkWidget *popover = baton_board_view_get_filter_popover (f->view);
  GtkWidget *people = baton_board_view_get_filter_drop_down (f->view, BATON_BOARD_FILTER_PERSON);
  GtkWidget *clients = baton_board_view_get_filter_drop_down (f->view, BATON_BOARD_FILTER_CLIENT);
  GtkWidget *programs = baton_board_view_get_filter_drop_down (f->view, BATON_BOARD_FILTER_PROGRAM);
  GListModel *store_people = baton_store_get_people (f->store);
  g_autoptr(BatonPerson) gone = g_list_model_get_item (store_people, 0);
  g_autoptr(BatonClient) client = g_list_model_get_item (baton_store_get_clients (f->store), 1);
  g_autoptr(GError) error = NULL;
  guint n_active = 0, n_programs = 0;
  gint64 unassigned = 0;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (baton_store_update (f->store, gone, &error, "archived", TRUE, NULL));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (store_people); i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (store_people, i);

      n_active += baton_person_get_archived (person) ? 0 : 1;
    }

  gtk_popover_popup (GTK_POPOVER (popover));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, popover, 5000));

  /* Anyone, Unassigned, then the active people by name. */
  g_assert_cmpstr (drop_down_row (people, 0), ==, "Anyone");
  g_assert_cmpstr (drop_down_row (people, 1), ==, "Unassigned");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (baton_record_drop_down_get_drop_down (BATON_RECORD_DROP_DOWN (people)))),
                    ==, 2 + n_active);
  for (guint i = 3; i < 2 + n_active; i++)
    g_assert_cmpint (g_utf8_collate (drop_down_row (people, i - 1), drop_down_row (people, i)), <=, 0);
  for (guint i = 2; i < 2 + n_active; i++)
    g_assert_cmpstr (drop_down_row (people, i), !=, baton_person_get_name (gone));

  /* Unassigned, chosen in the list: the board filters on it. */
  gtk_drop_down_set_selected (baton_record_drop_down_get_drop_down (BATON_RECORD_DROP_DOWN (people)), 1);
  assert_counts (f, matches_person, &unassigned);

  /* A client: its programs only. */
  baton_record_drop_down_set_selected_id (BATON_RECORD_DROP_DOWN (clients), baton_record_get_id (BATON_RECORD (client)));
  {
    GListModel *shown = baton_record_drop_down_get_model (BATON_RECORD_DROP_DOWN (programs));

    for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
      {
        g_autoptr(BatonProgram) program = g_list_model_get_item (shown, i);

        g_assert_cmpint (baton_program_get_client_id (program), ==, baton_record_get_id (BATON_RECORD (client)));
        n_programs++;
      }
  }
  g_assert_cmpuint (n_programs, >, 0);
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* Over capacity, worked out by hand ----------------------------------------------------- */

typedef struct
{
  Fixture   *f;
  GPtrArray *expected;   /* BatonTask, borrowed */
} ShownCheck;

/* The board shows exactly @expected, over all columns. */
static gboolean
shows_exactly (gpointer data)
{
  ShownCheck *check = data;
  guint n = 0;

  for (guint i = 0; i < baton_board_view_get_n_columns (check->f->view); i++)
    {
      GListModel *model = baton_board_column_get_model (column_at (check->f, i));

      for (guint k = 0; k < g_list_model_get_n_items (model); k++)
        {
          g_autoptr(BatonTask) task = g_list_model_get_item (model, k);

          if (!g_ptr_array_find (check->expected, task, NULL))
            return FALSE;
          n++;
        }
    }

  return n == check->expected->len;
}

static BatonTask *
add_task (Fixture     *f,
          BatonStage  *stage,
          const char  *title,
          BatonPerson *person,
          guint        hours,
          guint32      due)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *due_text = baton_date_format (due);
  BatonTask *task = baton_store_create_task (f->store, stage, NULL, title, &error);

  g_assert_no_error (error);
  g_assert_true (baton_store_update (f->store, task, &error,
                                     "assignee-id", person ? baton_record_get_id (BATON_RECORD (person)) : (gint64) 0,
                                     "estimate-minutes", (gint64) hours * 60,
                                     "due-date", due_text,
                                     NULL));
  g_assert_no_error (error);
  return task;
}

/* Only over capacity: Ada (10 h a week) holds 8 h and 6 h due this week,
 * 14 h, so both are over; her 2 h due three weeks on, her card in the done
 * stage and her archived card are not; Bo (40 h) holds 8 h, not over; an
 * unassigned card is not. The expected cards are named, not computed. */
static void
test_filter_over_capacity (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  guint32 friday = baton_date_week_start (baton_date_today (), G_DATE_MONDAY) + 4;
  BatonStage *stage = stage_at (f, 1);
  BatonStage *done = stage_at (f, 5);
  BatonPerson *ada, *bo;
  BatonTask *t1, *t2, *archived;
  ShownCheck check = { f, expected };

  SKIP_WITHOUT_DISPLAY ();

  ada = baton_store_create_person (f->store, "Ada", NULL, 10 * 60, NULL, &error);
  g_assert_no_error (error);
  bo = baton_store_create_person (f->store, "Bo", NULL, 40 * 60, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (baton_store_update (f->store, done, &error, "is-done", TRUE, NULL));
  g_assert_no_error (error);

  t1 = add_task (f, stage, "Ada, 8 h this week", ada, 8, friday);
  t2 = add_task (f, stage_at (f, 2), "Ada, 6 h this week", ada, 6, friday);
  add_task (f, stage, "Ada, 2 h in three weeks", ada, 2, friday + 21);
  add_task (f, done, "Ada, 5 h this week, done", ada, 5, friday);
  archived = add_task (f, stage, "Ada, 5 h this week, archived", ada, 5, friday);
  g_assert_true (baton_store_archive_task (f->store, archived, TRUE, &error));
  add_task (f, stage, "Bo, 8 h this week", bo, 8, friday);
  add_task (f, stage, "Nobody, 30 h this week", NULL, 30, friday);

  activate (f->view, "board.only-over-capacity", NULL);
  baton_board_view_update_capacity (f->view);
  g_ptr_array_add (expected, t1);
  g_ptr_array_add (expected, t2);
  g_assert_true (baton_test_wait_until (shows_exactly, &check, 5000));

  /* Bo takes the 6 h card: Ada is at 8 h, not over; Bo at 14 h of 40. */
  g_assert_true (baton_store_reassign_task (f->store, t2, bo, &error));
  g_assert_no_error (error);
  baton_board_view_update_capacity (f->view);
  g_ptr_array_set_size (expected, 0);
  g_assert_true (baton_test_wait_until (shows_exactly, &check, 5000));
  g_assert_cmpstr (baton_board_view_get_visible_page (f->view), ==, "no-results");

  activate (f->view, "board.clear-filters", NULL);
}


typedef struct
{
  Fixture   *f;
  BatonTask *task;
  gboolean   over;
} BadgeCheck;

/* The board is settled and @task's card shows the badge, or not. */
static gboolean
badge_is (gpointer data)
{
  BadgeCheck *check = data;
  BatonBoardColumn *column;
  BatonBoardCard *card;

  if (!baton_board_view_is_settled (check->f->view))
    return FALSE;
  column = column_of (check->f, baton_store_lookup_stage (check->f->store, baton_task_get_stage_id (check->task)));
  card = find_card (column, check->task);

  return card != NULL && baton_board_card_get_over_capacity (card) == check->over;
}

/* Badges follow the loads through moves: between stages they stay (no
 * load changes), into the done stage and back they go and come back. */
static void
test_badges_follow_moves (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint32 friday = baton_date_week_start (baton_date_today (), G_DATE_MONDAY) + 4;
  BatonStage *done = stage_at (f, 5);
  BatonPerson *ada;
  BatonTask *t1, *t2;
  BadgeCheck check1, check2;
  g_auto(GValue) value = G_VALUE_INIT;

  SKIP_WITHOUT_DISPLAY ();

  ada = baton_store_create_person (f->store, "Ada", NULL, 10 * 60, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (baton_store_update (f->store, done, &error, "is-done", TRUE, NULL));
  t1 = add_task (f, stage_at (f, 1), "Ada, 8 h this week", ada, 8, friday);
  t2 = add_task (f, stage_at (f, 2), "Ada, 6 h this week", ada, 6, friday);
  check1 = (BadgeCheck) { f, t1, TRUE };
  check2 = (BadgeCheck) { f, t2, TRUE };
  g_assert_true (baton_test_wait_until (badge_is, &check1, 5000));
  g_assert_true (baton_test_wait_until (badge_is, &check2, 5000));

  /* To the next stage: still 14 h of 10. */
  prepare_drag (find_card (column_at (f, 1), t1), &value);
  g_assert_true (emit_drop (baton_board_column_get_drop_target (column_at (f, 3)), &value, 40, 4));
  g_assert_true (baton_test_wait_until (badge_is, &check1, 5000));
  g_assert_true (baton_test_wait_until (badge_is, &check2, 5000));

  /* Done: Ada is at 6 h, the other card loses its badge. */
  g_assert_true (emit_drop (baton_board_column_get_drop_target (column_of (f, done)), &value, 40, 4));
  check2.over = FALSE;
  g_assert_true (baton_test_wait_until (badge_is, &check2, 5000));

  /* Undone: back over. */
  activate (f->view, "win.undo", NULL);
  check2.over = TRUE;
  g_assert_true (baton_test_wait_until (badge_is, &check2, 5000));
  g_assert_true (baton_test_wait_until (badge_is, &check1, 5000));
}

/* A card's parts have no accessible objects of their own: its label says
 * all a card shows — title, client and program, role, priority, over
 * capacity, estimate, due date, checklist, assignee — and an archived or
 * bare card says so too. */
static void
test_card_accessible_label (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint32 due = baton_date_week_start (baton_date_today (), G_DATE_MONDAY) + 4 + 7;
  g_autoptr(GDateTime) due_time = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *estimate = baton_duration_format (8 * 60);
  g_autofree char *expected = NULL;
  g_autofree char *label = NULL;
  BatonStage *stage = stage_at (f, 1);
  BatonClient *client;
  BatonProgram *program;
  BatonRole *role;
  BatonPerson *ada;
  BatonTask *task, *bare;
  BatonChecklistItem *item;
  BadgeCheck check;
  gint64 role_id;

  SKIP_WITHOUT_DISPLAY ();

  client = baton_store_create_client (f->store, "Acme <Corp>", NULL, &error);
  g_assert_no_error (error);
  program = baton_store_create_program (f->store, client, "Onboarding", &error);
  g_assert_no_error (error);
  role = baton_store_create_role (f->store, "Writer", "#1c71d8", &error);
  g_assert_no_error (error);
  ada = baton_store_create_person (f->store, "Ada", NULL, 10 * 60, NULL, &error);
  g_assert_no_error (error);
  role_id = baton_record_get_id (BATON_RECORD (role));
  g_assert_true (baton_store_set_person_roles (f->store, ada, &role_id, 1, role_id, &error));

  /* 8 h and 6 h due next Friday, for 10 h a week: over capacity. */
  task = add_task (f, stage, "Storyboard", ada, 8, due);
  add_task (f, stage, "Script", ada, 6, due);
  g_assert_true (baton_store_update (f->store, task, &error,
                                     "program-id", baton_record_get_id (BATON_RECORD (program)),
                                     "role-id", role_id,
                                     "priority", (gint64) 3,
                                     NULL));
  g_assert_no_error (error);
  item = baton_store_add_checklist_item (f->store, task, "Outline", &error);
  g_assert_no_error (error);
  g_assert_true (baton_store_update (f->store, item, &error, "done", TRUE, NULL));
  baton_store_add_checklist_item (f->store, task, "Sketches", &error);
  g_assert_no_error (error);
  bare = baton_store_create_task (f->store, stage, NULL, "Glossary", &error);
  g_assert_no_error (error);

  baton_board_view_update_capacity (f->view);
  check = (BadgeCheck) { f, task, TRUE };
  g_assert_true (baton_test_wait_until (badge_is, &check, 5000));

  /* As the card writes a due date: "Nov 28", with the year when it is not this year's. */
  {
    GDate date, today;

    g_date_clear (&date, 1);
    g_date_set_julian (&date, due);
    g_date_clear (&today, 1);
    g_date_set_julian (&today, baton_date_today ());
    due_time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date), 12, 0, 0);
    due_text = g_date_time_format (due_time, g_date_get_year (&date) == g_date_get_year (&today) ? "%b %-d" : "%b %-d, %Y");
  }
  expected = g_strdup_printf ("Storyboard. Acme <Corp> · Onboarding. Writer. High priority. Over capacity. "
                              "Estimate %s. Due %s. Checklist 1 of 2 done. Assigned to Ada", estimate, due_text);
  label = baton_test_accessible_label (find_card (column_of (f, stage), task));
  g_assert_cmpstr (label, ==, expected);
  g_clear_pointer (&label, g_free);

  label = baton_test_accessible_label (find_card (column_of (f, stage), bare));
  g_assert_cmpstr (label, ==, "Glossary. Unassigned");
  g_clear_pointer (&label, g_free);

  /* Archived, shown with the archived cards. */
  g_assert_true (baton_store_archive_task (f->store, bare, TRUE, &error));
  g_assert_no_error (error);
  activate (f->view, "board.show-archived", NULL);
  settle (f);
  label = baton_test_accessible_label (find_card (column_of (f, stage), bare));
  g_assert_cmpstr (label, ==, "Glossary. Unassigned. Archived");
  activate (f->view, "board.clear-filters", NULL);
}

/* However it is used — cards moved by keyboard, undone and redone, dropped,
 * a column scrolled to its end and back, a filter — the board comes to
 * rest: once GTK's own short animations are over (an overlay scrollbar
 * fades two seconds after a scroll), not a tick, idle or timeout runs. */
static void
test_idle_after_use (Fixture       *f,
                     gconstpointer  data)
{
  BatonBoardColumn *column = column_at (f, 1);
  g_autoptr(BatonTask) task = g_list_model_get_item (baton_board_column_get_model (column), 0);
  g_autoptr(BatonTask) dropped = g_list_model_get_item (baton_board_column_get_model (column_at (f, 0)), 0);
  GtkAdjustment *adjustment;
  g_auto(GValue) value = G_VALUE_INIT;
  guint dispatches = 0;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (baton_board_column_focus_task (column, task));
  for (guint i = 0; i < 3; i++)
    {
      activate (f->view, "task.move-right", g_variant_new_int64 (baton_record_get_id (BATON_RECORD (task))));
      settle (f);
    }
  activate (f->view, "win.undo", NULL);
  activate (f->view, "win.undo", NULL);
  activate (f->view, "win.redo", NULL);
  settle (f);

  prepare_drag (find_card (column_at (f, 0), dropped), &value);
  g_assert_true (emit_drop (baton_board_column_get_drop_target (column_at (f, 2)), &value, 40, 4));
  settle (f);

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (baton_board_column_get_card_list (column_at (f, 2))));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  settle (f);
  gtk_adjustment_set_value (adjustment, 0);
  settle (f);

  activate (f->view, "board.only-over-capacity", NULL);
  settle (f);
  activate (f->view, "board.clear-filters", NULL);
  settle (f);

  /* On a card (a text field's cursor blinks for ten seconds), at rest. */
  g_assert_true (baton_board_column_focus_task (column_of (f, baton_store_lookup_stage (f->store, baton_task_get_stage_id (task))),
                                                task));
  for (guint i = 0; i < 10 && (dispatches = baton_test_count_dispatches (1000)) > 0; i++)
    ;
  g_test_message ("%u main-loop dispatches in the last second", dispatches);
  g_assert_cmpuint (dispatches, ==, 0);
}

/* Empty workspace and quick add ---------------------------------------------------------- */

static void
test_empty_workspace (Fixture       *f,
                      gconstpointer  data)
{
  BatonBoardColumn *column;
  GtkEntry *entry;
  gpointer args[2] = { f->view, "board" };

  SKIP_WITHOUT_DISPLAY ();

  /* A new workspace: the first step of the first run. */
  g_assert_cmpstr (baton_board_view_get_visible_page (f->view), ==, "no-roles");
  g_assert_cmpuint (baton_board_view_get_n_columns (f->view), ==,
                    g_list_model_get_n_items (baton_store_get_stages (f->store)));

  /* Quick add: Enter adds, the entry stays for the next one. */
  column = column_at (f, 0);
  baton_board_column_start_quick_add (column);
  entry = baton_board_column_get_quick_add_entry (column);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  First card  ");
  g_signal_emit_by_name (entry, "activate");
  gtk_editable_set_text (GTK_EDITABLE (entry), "Second card");
  g_signal_emit_by_name (entry, "activate");

  g_assert_cmpuint (g_list_model_get_n_items (baton_board_column_get_model (column)), ==, 2);
  {
    g_autoptr(BatonTask) task = g_list_model_get_item (baton_board_column_get_model (column), 0);
    g_assert_cmpstr (baton_task_get_title (task), ==, "First card");
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (entry)) || gtk_widget_is_focus (GTK_WIDGET (entry)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), GTK_WIDGET (entry)));
  g_assert_true (baton_test_wait_until (page_is, args, 5000));

  /* Undoing both empties the board again. */
  activate (f->view, "win.undo", NULL);
  activate (f->view, "win.undo", NULL);
  args[1] = "no-roles";
  g_assert_true (baton_test_wait_until (page_is, args, 5000));
}


/* Stages ----------------------------------------------------------------------------------- */

static gboolean
dialog_shown (gpointer data)
{
  return baton_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return baton_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static void
test_stage_menu (Fixture       *f,
                 gconstpointer  data)
{
  BatonStage *stage = stage_at (f, 1);
  BatonStage *next = stage_at (f, 2);
  gint64 stage_id = baton_record_get_id (BATON_RECORD (stage));
  guint n_stages = g_list_model_get_n_items (baton_store_get_stages (f->store));
  g_autoptr(GPtrArray) cards = expected_tasks (f->store, stage);
  g_autoptr(GPtrArray) next_cards = expected_tasks (f->store, next);
  g_autofree char *before = export (f->store);
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_cmpuint (cards->len, >, 0);

  /* Rename through its dialog. */
  activate (f->view, "board.rename-stage", g_variant_new_int64 (stage_id));
  g_assert_true (baton_test_wait_until (dialog_shown, NULL, 5000));
  dialog = baton_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Needs analysis");
  adw_message_dialog_response (dialog, "rename");
  gtk_window_destroy (GTK_WINDOW (dialog));   /* a click on the button closes it */
  g_assert_cmpstr (baton_stage_get_name (stage), ==, "Needs analysis");
  g_assert_true (baton_test_wait_until (dialog_gone, NULL, 5000));

  /* Move it right, then make it the done stage: each one undo step. */
  activate (f->view, "board.move-stage-right", g_variant_new_int64 (stage_id));
  g_assert_true (baton_board_column_get_stage (column_at (f, 2)) == stage);
  activate (f->view, "board.toggle-done-stage", g_variant_new_int64 (stage_id));
  g_assert_true (baton_stage_get_is_done (stage));
  for (guint i = 0; i < n_stages; i++)
    if (stage_at (f, i) != stage)
      g_assert_false (baton_stage_get_is_done (stage_at (f, i)));
  activate (f->view, "win.undo", NULL);
  activate (f->view, "win.undo", NULL);
  g_assert_true (baton_board_column_get_stage (column_at (f, 1)) == stage);

  /* Delete, moving its cards to the next stage; undo brings everything back. */
  g_assert_true (baton_test_wait_until (dialog_gone, NULL, 5000));
  activate (f->view, "board.delete-stage", g_variant_new_int64 (stage_id));
  g_assert_true (baton_test_wait_until (dialog_shown, NULL, 5000));
  dialog = baton_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (dialog, "move");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (baton_store_lookup_stage (f->store, stage_id));
  g_assert_cmpuint (baton_board_view_get_n_columns (f->view), ==, n_stages - 1);
  g_assert_cmpuint (g_list_model_get_n_items (baton_board_column_get_model (column_of (f, next))), ==,
                    cards->len + next_cards->len);
  g_assert_nonnull (strstr (wait_for_toast (f), "Needs analysis"));

  activate (f->view, "win.undo", NULL);
  activate (f->view, "win.undo", NULL);   /* and the rename */
  g_assert_cmpuint (baton_board_view_get_n_columns (f->view), ==, n_stages);
  after = export (f->store);
  g_assert_cmpstr (after, ==, before);
  stage = baton_store_lookup_stage (f->store, stage_id);
  g_assert_nonnull (stage);
  g_assert_cmpuint (g_list_model_get_n_items (baton_board_column_get_model (column_of (f, stage))), ==, cards->len);
}

static gboolean
is_status_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         gtk_widget_get_ancestor (widget, ADW_TYPE_STATUS_PAGE) != NULL;
}

/* The stack of the board's pages (its empty states among them). */
static gboolean
is_content_stack (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "no-roles") != NULL;
}

/* The button of the page the board shows (not of one fading out). */
static GtkWidget *
visible_status_button (BatonBoardView *view)
{
  GtkWidget *stack = baton_test_find_widget (GTK_WIDGET (view), is_content_stack, NULL);

  g_assert_nonnull (stack);
  return baton_test_find_widget (gtk_stack_get_visible_child (GTK_STACK (stack)), is_status_button, NULL);
}

static gboolean
status_button_shown (gpointer data)
{
  return visible_status_button (data) != NULL;
}

/* Waits for page @page of the board and clicks its button. */
static void
click_empty_state (Fixture    *f,
                   const char *page)
{
  gpointer args[2] = { f->view, (gpointer) page };
  GtkWidget *button;

  g_assert_true (baton_test_wait_until (page_is, args, 5000));
  g_assert_true (baton_test_wait_until (status_button_shown, f->view, 5000));
  button = visible_status_button (f->view);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static const char *
last_view (Fixture *f)
{
  g_assert_cmpuint (f->views->len, >, 0);
  return g_ptr_array_index (f->views, f->views->len - 1);
}

/* A workspace with no stage (an import can make one) still offers Add
 * Stage, and its button works. */
static void
test_empty_no_stages (Fixture       *f,
                      gconstpointer  data)
{
  AdwMessageDialog *dialog;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_cmpuint (baton_board_view_get_n_columns (f->view), ==, 0);
  click_empty_state (f, "no-stages");
  g_assert_true (baton_test_wait_until (dialog_shown, NULL, 5000));
  dialog = baton_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Backlog");
  adw_message_dialog_response (dialog, "add");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_stages (f->store)), ==, 1);
  g_assert_cmpstr (baton_stage_get_name (stage_at (f, 0)), ==, "Backlog");
  g_assert_cmpuint (baton_board_view_get_n_columns (f->view), ==, 1);

  /* The next step. */
  click_empty_state (f, "no-roles");
  g_assert_cmpstr (last_view (f), ==, "capacity");
}

/* The first run leads the way: roles, then people (both in the Capacity
 * view), a client and a program (the Clients view), then the first card;
 * each state's button goes there through win.show-view. */
static void
test_empty_first_run (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonClient *client;
  BatonRole *role;

  SKIP_WITHOUT_DISPLAY ();

  click_empty_state (f, "no-roles");
  g_assert_cmpstr (last_view (f), ==, "capacity");

  role = baton_store_create_role (f->store, "Instructional designer", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (role);
  click_empty_state (f, "no-people");
  g_assert_cmpstr (last_view (f), ==, "capacity");

  g_assert_nonnull (baton_store_create_person (f->store, "Ada", NULL, 40 * 60, NULL, &error));
  g_assert_no_error (error);
  click_empty_state (f, "no-programs");
  g_assert_cmpstr (last_view (f), ==, "clients");

  /* A client alone is not enough: cards belong to programs. */
  client = baton_store_create_client (f->store, "Northbank", NULL, &error);
  g_assert_no_error (error);
  click_empty_state (f, "no-programs");
  g_assert_cmpstr (last_view (f), ==, "clients");
  g_assert_cmpuint (f->views->len, ==, 4);

  g_assert_nonnull (baton_store_create_program (f->store, client, "Onboarding", &error));
  g_assert_no_error (error);
  click_empty_state (f, "empty");
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, baton_board_view_get_editor (f->view), 5000));
  gtk_window_destroy (GTK_WINDOW (baton_board_view_get_editor (f->view)));
  g_assert_cmpuint (f->views->len, ==, 4);
}

/* A failed batch reloads every object: the board follows. */
static gboolean
move_then_fail (BatonStore  *store,
                gpointer     user_data,
                GError     **error)
{
  Fixture *f = user_data;
  g_autoptr(BatonTask) task = g_list_model_get_item (baton_board_column_get_model (column_at (f, 0)), 0);

  if (!baton_store_move_task (store, task, stage_at (f, 3), NULL, error))
    return FALSE;

  g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID, "on purpose");
  return FALSE;
}

static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  SKIP_WITHOUT_DISPLAY ();

  before = export (f->store);
  g_assert_false (baton_store_run_batch (f->store, "Nothing", TRUE, move_then_fail, f, &error));
  g_assert_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID);
  after = export (f->store);
  g_assert_cmpstr (after, ==, before);

  /* New objects everywhere: columns hold the new stages and tasks. */
  for (guint i = 0; i < baton_board_view_get_n_columns (f->view); i++)
    g_assert_true (baton_board_column_get_stage (column_at (f, i)) == stage_at (f, i));
  assert_counts (f, is_active, NULL);
  settle (f);
  {
    g_autoptr(BatonTask) task = g_list_model_get_item (baton_board_column_get_model (column_at (f, 0)), 0);
    g_assert_true (baton_store_lookup_task (f->store, baton_record_get_id (BATON_RECORD (task))) == task);
    g_assert_nonnull (find_card (column_at (f, 0), task));
  }
}



static gboolean
window_short (gpointer data)
{
  return gtk_widget_get_height (data) <= 500;
}

static gboolean
window_tall (gpointer data)
{
  return gtk_widget_get_height (data) >= 900;
}

typedef struct
{
  GtkWidget *list;
  guint      before;
} Grown;

static gboolean
shows_more_cards (gpointer data)
{
  Grown *grown = data;

  return baton_test_count_widgets (grown->list, is_card_of, NULL) > grown->before;
}

static gboolean
shows_fewer_cards (gpointer data)
{
  Grown *grown = data;

  return baton_test_count_widgets (grown->list, is_card_of, NULL) < grown->before;
}

/* A window made taller shows more cards: the ones that came into view are
 * bound in the next frame (allocation only places them). */
static void
test_window_grows (Fixture       *f,
                   gconstpointer  data)
{
  BatonBoardColumn *column = column_at (f, 1);
  Grown grown;
  guint before, after;

  SKIP_WITHOUT_DISPLAY ();

  /* Shrinking first, and waiting until the cards that left the view are
   * gone: the window's height alone is known before the list is laid out
   * again, and counting then would count the taller window's cards. */
  settle (f);
  grown.list = GTK_WIDGET (baton_board_column_get_card_list (column));
  grown.before = baton_test_count_widgets (grown.list, is_card_of, NULL);
  gtk_window_set_default_size (f->window, 1500, 480);
  g_assert_true (baton_test_wait_until (window_short, f->window, 5000));
  g_assert_true (baton_test_wait_until (shows_fewer_cards, &grown, 5000));
  settle (f);
  before = baton_test_count_widgets (GTK_WIDGET (baton_board_column_get_card_list (column)), is_card_of, NULL);
  gtk_window_set_default_size (f->window, 1500, 940);
  g_assert_true (baton_test_wait_until (window_tall, f->window, 5000));
  /* Again: wait for the cards, not for a number of frames. */
  grown.before = before;
  g_assert_true (baton_test_wait_until (shows_more_cards, &grown, 5000));
  settle (f);
  after = baton_test_count_widgets (GTK_WIDGET (baton_board_column_get_card_list (column)), is_card_of, NULL);
  g_test_message ("%u cards shown, %u in the taller window", before, after);
  g_assert_cmpuint (g_list_model_get_n_items (baton_board_column_get_model (column)), >, after);
  g_assert_cmpuint (after, >, before);
}

/* Long columns ---------------------------------------------------------------------------- */

#define LONG_COLUMN 1500

static gboolean
add_many_tasks (BatonStore  *store,
                gpointer     user_data,
                GError     **error)
{
  BatonStage *stage = user_data;

  for (guint i = 0; i < LONG_COLUMN; i++)
    {
      g_autofree char *title = g_strdup_printf ("Card %04u", i);

      if (baton_store_create_task (store, stage, NULL, title, error) == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_card (GtkWidget     *widget,
         gconstpointer  data)
{
  return BATON_IS_BOARD_CARD (widget);
}

static gboolean
board_settled (gpointer data)
{
  return baton_board_view_is_settled (data);
}

/* Scrolled from its top to its end, a column of 1,500 cards keeps a
 * bounded number of card widgets (each is an instance with its children,
 * layouts and accessible objects); the cards at the end are there, take
 * the keyboard focus and accept drops. */
static void
test_long_column_recycles (Fixture       *f,
                           gconstpointer  data)
{
  BatonStage *stage = stage_at (f, 0);
  BatonBoardColumn *column = column_at (f, 0);
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonTask) last = NULL;
  g_autoptr(BatonTask) before_last = NULL;
  guint most = 0, start, steps = 0;
  GtkWidget *card;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (baton_store_run_batch (f->store, "Many cards", FALSE, add_many_tasks, stage, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (baton_board_column_get_model (column)), ==, LONG_COLUMN);
  g_assert_true (baton_test_wait_until (board_settled, f->view, 5000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  start = baton_test_count_widgets (GTK_WIDGET (column), is_card, NULL);
  g_assert_cmpuint (start, >, 0);
  scroller = baton_test_find_descendant (GTK_WIDGET (column), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);

  /* A third of a page at a time, every frame drawn, to the end. */
  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment) - 1)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment) / 3);
      g_assert_true (baton_test_wait_until (board_settled, f->view, 5000));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      most = MAX (most, baton_test_count_widgets (GTK_WIDGET (column), is_card, NULL));
      g_assert_cmpuint (++steps, <, 10 * LONG_COLUMN);
    }
  g_test_message ("%u card widgets at the top, at most %u while scrolling (%u steps)", start, most, steps);
  g_assert_cmpuint (most, <=, 40);

  /* The end is there: the last card has a widget, on screen. */
  last = g_list_model_get_item (baton_board_column_get_model (column), LONG_COLUMN - 1);
  before_last = g_list_model_get_item (baton_board_column_get_model (column), LONG_COLUMN - 2);
  card = GTK_WIDGET (find_card (column, last));
  g_assert_nonnull (card);
  g_assert_true (gtk_widget_get_mapped (card));

  /* Keyboard: focus it, Up goes to the card before. */
  g_assert_true (gtk_widget_grab_focus (card));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (f->window), GTK_DIR_UP));
  card = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_true (BATON_IS_BOARD_CARD (card));
  g_assert_true (baton_board_card_get_task (BATON_BOARD_CARD (card)) == before_last);

  /* A drop below the last card lands at the end. */
  {
    g_auto(GValue) value = G_VALUE_INIT;
    GtkWidget *target = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (baton_board_column_get_drop_target (column)));
    BatonTask *task = baton_store_create_task (f->store, stage_at (f, 1), NULL, "From elsewhere", &error);
    g_autoptr(BatonTask) now_last = NULL;
    BatonBoardCard *other;

    g_assert_no_error (error);
    g_assert_true (baton_test_wait_until (board_settled, f->view, 5000));
    other = find_card (column_at (f, 1), task);
    g_assert_nonnull (other);
    prepare_drag (other, &value);
    g_assert_true (emit_drop (baton_board_column_get_drop_target (column), &value, 40,
                              gtk_widget_get_height (target) - 2));
    now_last = g_list_model_get_item (baton_board_column_get_model (column), LONG_COLUMN);
    g_assert_true (now_last == g_value_get_object (&value));
  }
}

/* Edge scrolling ------------------------------------------------------------------------------ */

static GtkEventController *
drop_motion_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_CONTROLLER_MOTION (controller))
        return GTK_EVENT_CONTROLLER (controller);
    }

  return NULL;
}

/* The board's scroller: the one that follows drags. */
static gboolean
is_board_scroller (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_SCROLLED_WINDOW (widget) && drop_motion_of (widget) != NULL;
}

typedef struct
{
  GtkAdjustment *adjustment;
  double         from;
} Scrolled;

static gboolean
has_scrolled (gpointer data)
{
  Scrolled *scrolled = data;

  return gtk_adjustment_get_value (scrolled->adjustment) > scrolled->from + 20;
}

/* @adjustment stays where it is over a few frames of @widget. */
static void
assert_scroll_stopped (GtkWidget     *widget,
                       GtkAdjustment *adjustment)
{
  double value = gtk_adjustment_get_value (adjustment);

  for (guint i = 0; i < 3; i++)
    gtk_test_widget_wait_for_draw (widget);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, value);
}

/* A drag held near the bottom of a column scrolls the column, and near
 * the right of a narrow board the board; both stop when the drag leaves. */
static void
test_drag_edge_scroll (Fixture       *f,
                       gconstpointer  data)
{
  BatonBoardColumn *column = column_at (f, 1);
  GtkWidget *scroller = baton_test_find_descendant (GTK_WIDGET (column), GTK_TYPE_SCROLLED_WINDOW);
  GtkDropTarget *target = baton_board_column_get_drop_target (column);
  GtkWidget *board_scroller;
  GtkEventController *motion;
  Scrolled scrolled;
  int height;
  guint action = 0;

  SKIP_WITHOUT_DISPLAY ();

  gtk_window_set_default_size (f->window, 700, 500);
  g_assert_true (baton_test_wait_until (window_short, f->window, 5000));
  settle (f);

  /* Down the column. */
  scrolled.adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  scrolled.from = gtk_adjustment_get_value (scrolled.adjustment);
  g_assert_cmpfloat (gtk_adjustment_get_upper (scrolled.adjustment) - gtk_adjustment_get_page_size (scrolled.adjustment),
                     >, scrolled.from + 100);
  height = gtk_widget_get_height (scroller);
  g_signal_emit_by_name (target, "enter", 40.0, (double) height - 4, &action);
  g_signal_emit_by_name (target, "motion", 40.0, (double) height - 4, &action);
  g_assert_true (baton_test_wait_until (has_scrolled, &scrolled, 5000));
  g_signal_emit_by_name (target, "leave");
  assert_scroll_stopped (scroller, scrolled.adjustment);

  /* Across the board. */
  board_scroller = baton_test_find_widget (GTK_WIDGET (f->view), is_board_scroller, NULL);
  g_assert_nonnull (board_scroller);
  motion = drop_motion_of (board_scroller);
  scrolled.adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (board_scroller));
  scrolled.from = gtk_adjustment_get_value (scrolled.adjustment);
  g_signal_emit_by_name (motion, "enter", (double) gtk_widget_get_width (board_scroller) - 4, 100.0);
  g_signal_emit_by_name (motion, "motion", (double) gtk_widget_get_width (board_scroller) - 4, 100.0);
  g_assert_true (baton_test_wait_until (has_scrolled, &scrolled, 5000));
  g_signal_emit_by_name (motion, "leave");
  assert_scroll_stopped (board_scroller, scrolled.adjustment);
}

/* Children without a view ----------------------------------------------------------------- */

/* A card, a column and the people sidebar need no BatonBoardView: given
 * a store (and what they show), they act only through actions, which a
 * test action group on their parent records. */

typedef struct
{
  GtkWidget  *window;
  GtkWidget  *parent;
  BatonStore *store;
  GPtrArray  *activated;   /* "board.move-task (1, 2, 0)" */
} Children;

static void
record (GPtrArray     *activated,
        const char    *prefix,
        GSimpleAction *action,
        GVariant      *parameter)
{
  g_autofree char *printed = parameter != NULL ? g_variant_print (parameter, FALSE) : g_strdup ("");

  g_ptr_array_add (activated, g_strdup_printf ("%s.%s %s", prefix, g_action_get_name (G_ACTION (action)), printed));
}

static void
board_action_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  record (user_data, "board", action, parameter);
}

static void
task_action_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  record (user_data, "task", action, parameter);
}

static void
children_set_up (Children *c)
{
  static const GActionEntry board_entries[] = {
    { "move-task", board_action_activated, "(xxx)" },
    { "add-card", board_action_activated, "(xs)" },
    { "drag-begin", board_action_activated, "x" },
    { "drag-end", board_action_activated, NULL },
  };
  static const GActionEntry task_entries[] = {
    { "open", task_action_activated, "x" },
    { "menu", task_action_activated, "(xdd)" },
    { "move-left", task_action_activated, "x" },
    { "move-right", task_action_activated, "x" },
    { "archive", task_action_activated, "x" },
    { "reassign", task_action_activated, "(xx)" },
  };
  g_autoptr(GSimpleActionGroup) board = g_simple_action_group_new ();
  g_autoptr(GSimpleActionGroup) task = g_simple_action_group_new ();
  g_autoptr(GError) error = NULL;
  BatonDemoSize size;

  c->store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  baton_demo_size_init_default (&size);
  g_assert_true (baton_demo_generate (c->store, &size, &error));
  g_assert_no_error (error);

  c->activated = g_ptr_array_new_with_free_func (g_free);
  g_action_map_add_action_entries (G_ACTION_MAP (board), board_entries, G_N_ELEMENTS (board_entries), c->activated);
  g_action_map_add_action_entries (G_ACTION_MAP (task), task_entries, G_N_ELEMENTS (task_entries), c->activated);

  /* A plain window: no view, no Baton window. */
  c->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (c->window), 800, 700);
  c->parent = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_insert_action_group (c->parent, "board", G_ACTION_GROUP (board));
  gtk_widget_insert_action_group (c->parent, "task", G_ACTION_GROUP (task));
  gtk_window_set_child (GTK_WINDOW (c->window), c->parent);
}

static void
children_show (Children *c)
{
  gtk_window_present (GTK_WINDOW (c->window));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, c->parent, 5000));
  gtk_test_widget_wait_for_draw (c->window);
}

static void
children_tear_down (Children *c)
{
  gpointer weak = c->store;

  gtk_window_destroy (GTK_WINDOW (c->window));
  g_ptr_array_unref (c->activated);
  g_object_add_weak_pointer (G_OBJECT (c->store), &weak);
  g_object_unref (c->store);
  g_assert_null (weak);
}

/* The last action the children activated was @action with @parameter
 * (floating, consumed). */
static void
assert_activated (Children   *c,
                  const char *action,
                  GVariant   *parameter)
{
  g_autoptr(GVariant) sunk = parameter != NULL ? g_variant_ref_sink (parameter) : NULL;
  g_autofree char *printed = sunk != NULL ? g_variant_print (sunk, FALSE) : g_strdup ("");
  g_autofree char *expected = g_strdup_printf ("%s %s", action, printed);

  g_assert_cmpuint (c->activated->len, >, 0);
  g_assert_cmpstr (g_ptr_array_index (c->activated, c->activated->len - 1), ==, expected);
}

static GtkGesture *
click_gesture (GtkWidget *widget,
               guint      button)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_gesture_single_get_button (GTK_GESTURE_SINGLE (controller)) == button)
        return GTK_GESTURE (controller);
    }

  return NULL;
}

static BatonTask *
first_task_of (BatonStore *store,
               BatonStage *stage)
{
  g_autoptr(GPtrArray) tasks = baton_store_get_stage_tasks (store, stage);

  for (guint i = 0; i < tasks->len; i++)
    if (!baton_task_get_archived (g_ptr_array_index (tasks, i)))
      return g_ptr_array_index (tasks, i);

  return NULL;
}

/* Names people typed keep their underscores in menus (no mnemonic). */
static void
test_menu_label_escape (void)
{
  g_autofree char *plain = baton_menu_label_escape ("Design");
  g_autofree char *underscores = baton_menu_label_escape ("_R_and__D_");
  g_autofree char *none = baton_menu_label_escape (NULL);

  g_assert_cmpstr (plain, ==, "Design");
  g_assert_cmpstr (underscores, ==, "__R__and____D__");
  g_assert_cmpstr (none, ==, "");
}

static void
test_card_without_view (void)
{
  Children c = { 0 };
  g_autoptr(BatonStage) stage = NULL;
  BatonTask *task;
  GtkWidget *card;
  gint64 id;

  SKIP_WITHOUT_DISPLAY ();

  children_set_up (&c);
  stage = g_list_model_get_item (baton_store_get_stages (c.store), 0);
  task = first_task_of (c.store, stage);
  g_assert_nonnull (task);
  id = baton_record_get_id (BATON_RECORD (task));

  card = baton_board_card_new (c.store);
  baton_board_card_set_task (BATON_BOARD_CARD (card), task);
  gtk_box_append (GTK_BOX (c.parent), card);
  children_show (&c);
  g_assert_cmpstr (baton_board_card_get_title_text (BATON_BOARD_CARD (card)), ==, baton_task_get_title (task));

  /* A double click opens its task. */
  g_signal_emit_by_name (click_gesture (card, GDK_BUTTON_PRIMARY), "pressed", 2, 5.0, 6.0);
  assert_activated (&c, "task.open", g_variant_new_int64 (id));

  /* A right click: its task's menu, where it was clicked. */
  g_signal_emit_by_name (click_gesture (card, GDK_BUTTON_SECONDARY), "pressed", 1, 7.0, 8.0);
  assert_activated (&c, "task.menu", g_variant_new ("(xdd)", id, 7.0, 8.0));

  /* The capacity it shows comes from above: over capacity, the badge. */
  g_assert_false (baton_board_card_get_over_capacity (BATON_BOARD_CARD (card)));

  children_tear_down (&c);
}

static void
test_column_without_view (void)
{
  Children c = { 0 };
  g_autoptr(BatonStage) stage = NULL;
  g_autoptr(BatonStage) other = NULL;
  g_autoptr(GListStore) tasks = g_list_store_new (BATON_TYPE_TASK);
  g_autoptr(GPtrArray) stage_tasks = NULL;
  g_autoptr(BatonTask) first = NULL;
  g_autoptr(BatonPerson) person = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  BatonPeopleSidebar *sidebar;
  GtkWidget *column;
  GtkEntry *entry;
  BatonTask *moved;

  SKIP_WITHOUT_DISPLAY ();

  children_set_up (&c);
  stage = g_list_model_get_item (baton_store_get_stages (c.store), 1);
  other = g_list_model_get_item (baton_store_get_stages (c.store), 0);
  stage_tasks = baton_store_get_stage_tasks (c.store, stage);
  for (guint i = 0; i < stage_tasks->len; i++)
    g_list_store_append (tasks, g_ptr_array_index (stage_tasks, i));
  moved = first_task_of (c.store, other);
  g_assert_nonnull (moved);

  column = baton_board_column_new (c.store, stage, G_LIST_MODEL (tasks), NULL);
  gtk_box_append (GTK_BOX (c.parent), column);
  baton_board_column_show_cards (BATON_BOARD_COLUMN (column));
  sidebar = BATON_PEOPLE_SIDEBAR (baton_people_sidebar_new (c.store));
  gtk_box_append (GTK_BOX (c.parent), GTK_WIDGET (sidebar));
  baton_people_sidebar_refresh (sidebar);
  children_show (&c);
  g_assert_true (baton_test_wait_until ((BatonTestPredicate) baton_card_list_is_settled,
                                        baton_board_column_get_card_list (BATON_BOARD_COLUMN (column)), 5000));

  /* A card of another stage dropped at the top of the column: moved
   * there, before the column's first card. */
  first = g_list_model_get_item (baton_board_column_get_model (BATON_BOARD_COLUMN (column)), 0);
  g_assert_nonnull (first);
  g_value_init (&value, BATON_TYPE_TASK);
  g_value_set_object (&value, moved);
  g_assert_true (emit_drop (baton_board_column_get_drop_target (BATON_BOARD_COLUMN (column)), &value, 40, 2));
  assert_activated (&c, "board.move-task",
                    g_variant_new ("(xxx)", baton_record_get_id (BATON_RECORD (moved)),
                                   baton_record_get_id (BATON_RECORD (stage)),
                                   baton_record_get_id (BATON_RECORD (first))));
  /* The store was not touched: the column only asked. */
  g_assert_cmpint (baton_task_get_stage_id (moved), ==, baton_record_get_id (BATON_RECORD (other)));

  /* Quick add: a new card with the title typed, in this stage. */
  entry = baton_board_column_get_quick_add_entry (BATON_BOARD_COLUMN (column));
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Storyboard review ");
  g_signal_emit_by_name (entry, "activate");
  assert_activated (&c, "board.add-card",
                    g_variant_new ("(xs)", baton_record_get_id (BATON_RECORD (stage)), "Storyboard review"));

  /* A card dropped on a person in the sidebar: reassigned to them. */
  person = g_list_model_get_item (baton_store_get_people (c.store), 0);
  g_assert_true (emit_drop (baton_people_sidebar_get_drop_target (sidebar, person), &value, 10, 10));
  assert_activated (&c, "task.reassign",
                    g_variant_new ("(xx)", baton_record_get_id (BATON_RECORD (moved)),
                                   baton_record_get_id (BATON_RECORD (person))));

  children_tear_down (&c);
}

/* A real drag, with xdotool ------------------------------------------------------------------ */

static gboolean
is_drop_target (gpointer data)
{
  return gtk_widget_has_css_class (data, "drop-target");
}

static gboolean
is_dragging (gpointer data)
{
  return baton_board_view_get_dragged_task (data) != NULL;
}

static gboolean
not_dragging (gpointer data)
{
  return !is_dragging (data) && !gtk_widget_has_css_class (data, "dragging");
}

typedef struct
{
  BatonTask *task;
  gint64     stage_id;
} Landed;

static gboolean
task_in_stage (gpointer data)
{
  Landed *landed = data;

  return baton_task_get_stage_id (landed->task) == landed->stage_id;
}

/* Presses on @card and moves the pointer, a step at a time with the main
 * loop running, to (@x1, @y1) on screen; the button stays down. Returns
 * once the view knows the drag. */
static void
start_drag (Fixture        *f,
            BatonBoardCard *card,
            int             x1,
            int             y1,
            guint           steps)
{
  int x0, y0;

  baton_test_screen_point (GTK_WIDGET (card), 60, 30, &x0, &y0);
  g_assert_true (baton_test_xdotool ("mousemove %d %d", x0, y0));
  g_assert_true (baton_test_xdotool ("mousedown 1"));

  for (guint step = 1; step <= steps; step++)
    {
      g_assert_true (baton_test_xdotool ("mousemove %d %d", x0 + (x1 - x0) * (int) step / (int) steps,
                                         y0 + (y1 - y0) * (int) step / (int) steps + (step < steps ? 3 : 0)));
      baton_test_run_for (30);
    }

  /* The card's drag-begin told the view which task is dragged. */
  g_assert_true (baton_test_wait_until (is_dragging, f->view, 5000));
  g_assert_true (baton_board_view_get_dragged_task (f->view) == baton_board_card_get_task (card));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (f->view), "dragging"));
}

/* A pointer drag from the first column into the third, between its first
 * and second cards: the card lands exactly there, as one undo step. */
static void
test_xdotool_drag (Fixture       *f,
                   gconstpointer  data)
{
  BatonBoardColumn *from, *to;
  BatonBoardCard *card, *second;
  g_autoptr(BatonTask) second_task = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  graphene_rect_t bounds;
  Landed landed;
  int x1, y1;

  SKIP_WITHOUT_DISPLAY ();
  BATON_TEST_REQUIRE_XDOTOOL (f->window);

  from = column_at (f, 0);
  to = column_at (f, 2);
  card = first_card (from);
  landed.task = baton_board_card_get_task (card);
  landed.stage_id = baton_record_get_id (BATON_RECORD (baton_board_column_get_stage (to)));
  before = export (f->store);
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (f->store)));

  /* The upper half of the second card: the slot before it. */
  second_task = g_list_model_get_item (baton_board_column_get_model (to), 1);
  second = find_card (to, second_task);
  g_assert_nonnull (second);
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (second), GTK_WIDGET (second), &bounds));
  baton_test_screen_point (GTK_WIDGET (second), 120, bounds.size.height / 4, &x1, &y1);

  start_drag (f, card, x1, y1, 12);
  /* Over the target: its motion handler took the card. */
  g_assert_true (baton_test_wait_until (is_drop_target, to, 5000));
  g_assert_true (baton_test_xdotool ("mouseup 1"));

  g_assert_true (baton_test_wait_until (task_in_stage, &landed, 5000));
  g_assert_true (baton_test_wait_until (not_dragging, f->view, 5000));
  g_assert_cmpint (model_index (baton_board_column_get_model (to), landed.task), ==, 1);
  g_assert_cmpint (model_index (baton_board_column_get_model (to), second_task), ==, 2);
  g_assert_true (baton_test_wait_until (board_settled, f->view, 5000));
  g_assert_nonnull (find_card (to, landed.task));

  /* One step, and one undo restores everything. */
  g_assert_cmpstr (baton_history_get_undo_label (baton_store_get_history (f->store)), !=, NULL);
  activate (f->view, "win.undo", NULL);
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (f->store)));
  after_undo = export (f->store);
  g_assert_cmpstr (after_undo, ==, before);
  g_assert_cmpint (model_index (baton_board_column_get_model (from), landed.task), ==, 0);
}

/* Escape during a pointer drag cancels it: released over another column,
 * the card stays where it was and nothing is recorded. */
static gboolean
column_highlighted (gpointer data)
{
  GtkWidget *list = GTK_WIDGET (baton_board_column_get_card_list (data));
  GtkWidget *scroller = gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW);

  return gtk_widget_has_css_class (GTK_WIDGET (data), "drop-target") ||
         (gtk_widget_get_state_flags (scroller) & GTK_STATE_FLAG_DROP_ACTIVE) != 0;
}

static gboolean
column_not_highlighted (gpointer data)
{
  return !column_highlighted (data);
}

static void
test_xdotool_drag_escape (Fixture       *f,
                          gconstpointer  data)
{
  BatonBoardColumn *from, *to;
  BatonBoardCard *card;
  BatonTask *task;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int x1, y1;

  SKIP_WITHOUT_DISPLAY ();
  BATON_TEST_REQUIRE_XDOTOOL (f->window);

  from = column_at (f, 0);
  to = column_at (f, 2);
  card = first_card (from);
  task = baton_board_card_get_task (card);
  before = export (f->store);

  baton_test_screen_point (GTK_WIDGET (baton_board_column_get_card_list (to)), 120, 40, &x1, &y1);
  /* As after a click with a window manager: the keys go to the window,
   * not to the drag icon under the pointer. */
  g_assert_true (baton_test_xdotool_focus_window (f->window));
  start_drag (f, card, x1, y1, 12);
  /* Over the other column: it is highlighted. */
  g_assert_true (baton_test_wait_until (column_highlighted, to, 5000));

  {
    const char *escape[] = { "key", "Escape", NULL };

    g_assert_true (baton_test_xdotool_argv (escape));
  }
  g_assert_true (baton_test_wait_until (not_dragging, f->view, 5000));

  /* The column the card hovered is no longer highlighted, the button
   * still down and the pointer still (its class, and GTK's drop state
   * on its list, which the theme draws). */
  g_assert_true (baton_test_wait_until (column_not_highlighted, to, 2000));

  /* The pointer moves on and lets go over the other column. */
  g_assert_true (baton_test_xdotool ("mousemove %d %d", x1 + 10, y1 + 20));
  g_assert_true (baton_test_xdotool ("mouseup 1"));
  /* Whatever the release was going to do is done once nothing runs. */
  wait_quiet ();

  g_assert_cmpint (baton_task_get_stage_id (task), ==,
                   baton_record_get_id (BATON_RECORD (baton_board_column_get_stage (from))));
  g_assert_cmpint (model_index (baton_board_column_get_model (from), task), ==, 0);
  g_assert_false (baton_history_get_can_undo (baton_store_get_history (f->store)));
  after = export (f->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (to), "drop-target"));
}

static void
skip_without_display (void)
{
  g_test_skip ("no display");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      baton_test_load_stylesheet ();
    }

  /* Without a display every case is there, and skipped before its fixture. */
#define ADD(path, workspace, func)                                                                 \
  G_STMT_START {                                                                              \
    if (have_display)                                                                         \
      g_test_add (path, Fixture, GINT_TO_POINTER (workspace), fixture_set_up, func, fixture_tear_down); \
    else                                                                                      \
      g_test_add_func (path, skip_without_display);                                           \
  } G_STMT_END

  ADD ("/board/columns", WORKSPACE_DEMO, test_columns);
  ADD ("/board/widgets-follow-visible-cards", WORKSPACE_DEMO, test_widgets_follow_visible_cards);
  ADD ("/board/drag/between-columns", WORKSPACE_DEMO, test_drag_between_columns);
  ADD ("/board/drag/within-column", WORKSPACE_DEMO, test_drag_within_column);
  ADD ("/board/drag/to-person", WORKSPACE_DEMO, test_drag_to_person);
  ADD ("/board/drag/edge-scroll", WORKSPACE_DEMO, test_drag_edge_scroll);
  ADD ("/board/drag/xdotool", WORKSPACE_DEMO, test_xdotool_drag);
  ADD ("/board/drag/xdotool-escape", WORKSPACE_DEMO, test_xdotool_drag_escape);
  ADD ("/board/toast/after-undo", WORKSPACE_DEMO, test_toast_after_undo);
  ADD ("/board/keyboard/moves", WORKSPACE_DEMO, test_keyboard_moves);
  ADD ("/board/keyboard/context-menu", WORKSPACE_DEMO, test_context_menu);
  ADD ("/board/keyboard/context-menu/who-has-room", WORKSPACE_DEMO, test_context_menu_who_has_room);
  ADD ("/board/focus/follows-card", WORKSPACE_DEMO, test_focus_follows_card);
  ADD ("/board/focus/menu-escape", WORKSPACE_DEMO, test_focus_menu_escape);
  ADD ("/board/focus/arrows", WORKSPACE_DEMO, test_focus_arrows);
  ADD ("/board/focus/other-changes", WORKSPACE_DEMO, test_focus_other_changes);
  ADD ("/board/focus/move-scrolls-into-view", WORKSPACE_DEMO, test_move_scrolls_into_view);
  ADD ("/board/wip-limit", WORKSPACE_DEMO, test_wip_limit);
  ADD ("/board/editor/rejects-bad-input", WORKSPACE_DEMO, test_editor_rejects_bad_input);
  ADD ("/board/editor/store-error", WORKSPACE_DEMO, test_editor_store_error);
  ADD ("/board/editor/new-card", WORKSPACE_DEMO, test_editor_new_card);
  ADD ("/board/editor/delete-and-archive", WORKSPACE_DEMO, test_editor_delete_and_archive);
  ADD ("/board/markup-title-literal", WORKSPACE_DEMO, test_markup_title_literal);
  ADD ("/board/filters", WORKSPACE_DEMO, test_filters);
  ADD ("/board/filters/popover", WORKSPACE_DEMO, test_filter_popover);
  ADD ("/board/filters/over-capacity", WORKSPACE_EMPTY, test_filter_over_capacity);
  ADD ("/board/badges/follow-moves", WORKSPACE_EMPTY, test_badges_follow_moves);
  ADD ("/board/card/accessible-label", WORKSPACE_EMPTY, test_card_accessible_label);
  ADD ("/board/idle-after-use", WORKSPACE_DEMO, test_idle_after_use);
  g_test_add_func ("/board/menu-label-escape", test_menu_label_escape);
  g_test_add_func ("/board/card/without-view", test_card_without_view);
  g_test_add_func ("/board/column/without-view", test_column_without_view);
  ADD ("/board/empty-workspace", WORKSPACE_EMPTY, test_empty_workspace);
  ADD ("/board/empty/no-stages", WORKSPACE_NO_STAGES, test_empty_no_stages);
  ADD ("/board/empty/first-run", WORKSPACE_EMPTY, test_empty_first_run);
  ADD ("/board/stages", WORKSPACE_DEMO, test_stage_menu);
  ADD ("/board/reload", WORKSPACE_DEMO, test_reload);
  ADD ("/board/long-column-recycles", WORKSPACE_EMPTY, test_long_column_recycles);
  ADD ("/board/window-grows", WORKSPACE_DEMO, test_window_grows);

  return g_test_run ();
}
