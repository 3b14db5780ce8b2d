/* test-capacity-view.c — the Capacity view over a known workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The workspace is built with store calls and its figures are worked out
 * by hand (weeks from Monday 2030-01-07, Monday to Friday, thresholds 85 %
 * and 100 %):
 *
 *   people      roles                         capacity  time off
 *   Ana         Writer*                       40 h
 *   Ben         Writer*, Designer             40 h      Mon 7 – Tue 8 Jan → week 0: 24 h
 *   Cleo        Designer*                     20 h
 *   Dana        Designer*, Writer             32 h
 *
 *   task        who    role      hours  dates                    weeks
 *   Storyboard  Ana    Writer    30     Jan 7 – Jan 11           w0 30
 *   Script      Ana    Writer    16     due Jan 11               w0 16
 *   Review      Ben    Writer    20     Jan 14 – Jan 25          w1 10, w2 10
 *   Layout      Cleo   Designer  18     Jan 7 – Jan 11           w0 18
 *   Glossary    —      Writer    12     Jan 7 – Jan 11           w0 12 (unassigned)
 *   Old         Ana    Writer     8     Jan 7 – Jan 11, done     none
 *   Icons       Dana   Designer   6     Jan 7 – Jan 11           w0 6
 *
 *   week 0: Ana 46 / 40 (over), Ben 0 / 24, Cleo 18 / 20 (high), Dana 6 / 32
 *   week 1: Ben 10 / 40; week 2: Ben 10 / 40; everything else 0.
 *
 * The view is driven as a person would: actions by name, the real drag
 * source's "prepare" and the grid's drop target's "motion" and "drop" at
 * the coordinates of a cell, and real drags with xdotool. Without a
 * display (or xdotool) a case cannot run: it is skipped, and fails in CI
 * (CI=true).
 */

#define G_LOG_DOMAIN "test-capacity-view"

#include "config.h"

#include <adwaita.h>

#include "baton-test-util.h"
#include "baton-archived-dialog-private.h"
#include "baton-calendar-private.h"
#include "baton-capacity-view.h"
#include "baton-capacity-view-private.h"
#include "baton-date-row-private.h"
#include "baton-dates.h"
#include "baton-duration.h"
#include "baton-person-dialog-private.h"
#include "baton-demo.h"
#include "baton-rebalance-panel.h"
#include "baton-roles-dialog-private.h"
#include "baton-room-dialog.h"
#include "baton-store.h"
#include "baton-task-chip-private.h"
#include "baton-task-editor.h"
#include "baton-view-settings.h"
#include "baton-ui-test-util.h"

static gboolean have_display;

typedef struct
{
  BatonStore        *store;
  GtkWidget         *window;
  BatonCapacityView *view;
  BatonCapacityGrid *grid;
  GPtrArray         *toasts;
  GPtrArray         *views_shown;   /* win.show-view's targets */

  BatonStage        *backlog;
  BatonStage        *done;
  BatonRole         *writer;
  BatonRole         *designer;
  BatonPerson       *ana;
  BatonPerson       *ben;
  BatonPerson       *cleo;
  BatonPerson       *dana;
  BatonTask         *storyboard;
  BatonTask         *script;
  BatonTask         *review;
  BatonTask         *layout;
  BatonTask         *glossary;
  BatonTask         *old;
  BatonTask         *icons;
  guint32            week0;
} Fixture;

/* Helpers -------------------------------------------------------------------- */

static gint64
id_of (gpointer record)
{
  return baton_record_get_id (BATON_RECORD (record));
}

static BatonTask *
add_task (Fixture     *f,
          BatonStage  *stage,
          const char  *title,
          BatonPerson *person,
          BatonRole   *role,
          gint64       hours,
          const char  *start,
          const char  *due)
{
  g_autoptr(GError) error = NULL;
  BatonTask *task = baton_store_create_task (f->store, stage, NULL, title, &error);

  g_assert_no_error (error);
  baton_store_update (f->store, task, &error,
                      "role-id", (gint64) (role ? id_of (role) : 0),
                      "assignee-id", (gint64) (person ? id_of (person) : 0),
                      "estimate-minutes", (gint64) (hours * 60),
                      "start-date", start,
                      "due-date", due,
                      NULL);
  g_assert_no_error (error);

  return task;
}

static BatonPerson *
add_person (Fixture    *f,
            const char *name,
            gint64      hours,
            BatonRole  *primary,
            BatonRole  *other)
{
  g_autoptr(GError) error = NULL;
  BatonPerson *person = baton_store_create_person (f->store, name, NULL, hours * 60, "#3584e4", &error);
  gint64 roles[2] = { id_of (primary), other ? id_of (other) : 0 };

  g_assert_no_error (error);
  baton_store_set_person_roles (f->store, person, roles, other ? 2 : 1, roles[0], &error);
  g_assert_no_error (error);

  return person;
}

static void
on_show_undo_toast (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->toasts, g_variant_dup_string (parameter, NULL));
}

static void
on_show_view (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  Fixture *f = user_data;

  g_ptr_array_add (f->views_shown, g_variant_dup_string (parameter, NULL));
}

static const char *
last_toast (Fixture *f)
{
  return f->toasts->len > 0 ? g_ptr_array_index (f->toasts, f->toasts->len - 1) : NULL;
}

static void
build_workspace (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->backlog = baton_store_create_stage (f->store, "Backlog", 0, &error);
  g_assert_no_error (error);
  f->done = baton_store_create_stage (f->store, "Delivered", 0, &error);
  g_assert_no_error (error);
  baton_store_update (f->store, f->done, &error, "is-done", (gboolean) TRUE, NULL);
  g_assert_no_error (error);

  f->writer = baton_store_create_role (f->store, "Writer", "#1c71d8", &error);
  g_assert_no_error (error);
  f->designer = baton_store_create_role (f->store, "Designer", "#26a269", &error);
  g_assert_no_error (error);

  f->ana = add_person (f, "Ana", 40, f->writer, NULL);
  f->ben = add_person (f, "Ben", 40, f->writer, f->designer);
  f->cleo = add_person (f, "Cleo", 20, f->designer, NULL);
  f->dana = add_person (f, "Dana", 32, f->designer, f->writer);

  baton_store_add_time_off (f->store, f->ben, "2030-01-07", "2030-01-08", "Dentist", &error);
  g_assert_no_error (error);

  f->storyboard = add_task (f, f->backlog, "Storyboard", f->ana, f->writer, 30, "2030-01-07", "2030-01-11");
  f->script = add_task (f, f->backlog, "Script", f->ana, f->writer, 16, NULL, "2030-01-11");
  f->review = add_task (f, f->backlog, "Review", f->ben, f->writer, 20, "2030-01-14", "2030-01-25");
  f->layout = add_task (f, f->backlog, "Layout", f->cleo, f->designer, 18, "2030-01-07", "2030-01-11");
  f->glossary = add_task (f, f->backlog, "Glossary", NULL, f->writer, 12, "2030-01-07", "2030-01-11");
  f->old = add_task (f, f->done, "Old", f->ana, f->writer, 8, "2030-01-07", "2030-01-11");
  f->icons = add_task (f, f->backlog, "Icons", f->dana, f->designer, 6, "2030-01-07", "2030-01-11");
}

/* A window (with the "win" actions the view uses) showing a view of the
 * store at week 0. */
static void
open_window (Fixture *f)
{
  g_autoptr(GSimpleActionGroup) group = NULL;
  const GActionEntry entries[] = {
    { "show-undo-toast", on_show_undo_toast, "s", NULL, NULL },
    { "show-view", on_show_view, "s", NULL, NULL },
  };

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), f);
  gtk_widget_insert_action_group (f->window, "win", G_ACTION_GROUP (group));

  f->view = BATON_CAPACITY_VIEW (baton_capacity_view_new (f->store));
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  f->grid = baton_capacity_view_get_grid (f->view);
  baton_capacity_view_show_week (f->view, f->week0 + 3);   /* any day of the week */

  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->view));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->toasts = g_ptr_array_new_with_free_func (g_free);
  f->views_shown = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (baton_date_parse ("2030-01-07", &f->week0));

  if (data == NULL)
    build_workspace (f);

  open_window (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *view;

  view = GTK_WIDGET (f->view);
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_destroy (GTK_WINDOW (f->window));
  /* The view and its grid go with the window: nothing else holds them. */
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &view, 5000));

  g_clear_pointer (&f->toasts, g_ptr_array_unref);
  g_clear_pointer (&f->views_shown, g_ptr_array_unref);
  g_assert_finalize_object (f->store);
}

/* The figures a cell shows for @minutes of load and @capacity. */
static char *
pair (double load_hours,
      double capacity_hours)
{
  g_autofree char *a = baton_duration_format_hours (load_hours * 60);
  g_autofree char *b = baton_duration_format_hours (capacity_hours * 60);

  return g_strdup_printf ("%s / %s h", a, b);
}

#define assert_cell(f, person, week, load, capacity) G_STMT_START {           \
    g_autofree char *cell_ = baton_capacity_view_get_cell_text ((f)->view, id_of (person), (week)); \
    g_autofree char *want_ = pair ((load), (capacity));                       \
    g_assert_cmpstr (cell_, ==, want_);                                       \
  } G_STMT_END

static void
unassigned_cell (Fixture   *f,
                 BatonRole *role,
                 guint      week,
                 BatonGridCellInfo *info)
{
  gint row = baton_capacity_grid_find_unassigned_row (f->grid, id_of (role));

  g_assert_cmpint (row, >=, 0);
  baton_capacity_grid_get_cell_info (f->grid, (guint) row, week, info);
}

/* A drag as GTK makes it: the grid's drag source prepares the content at
 * the cell of the source, the drop target hovers and drops at the target
 * cell with the value read from that content. Returns the dragged task. */
typedef struct
{
  gint64 person_id;   /* 0: the Unassigned row of role_id */
  gint64 role_id;
  gint   week;
} Cell;

static BatonTask *
prepare_drag (Fixture       *f,
              GtkDragSource *source,
              double         x,
              double         y,
              GValue        *value)
{
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(GError) error = NULL;

  g_signal_emit_by_name (source, "prepare", x, y, &provider);
  g_assert_nonnull (provider);

  g_value_init (value, BATON_TYPE_TASK);
  g_assert_true (gdk_content_provider_get_value (provider, value, &error));
  g_assert_no_error (error);

  return g_value_get_object (value);
}

/* What the drop target said while the task hovered the target cell. */
typedef struct
{
  GdkDragAction  action;        /* motion's answer: MOVE, or 0 (refused) */
  char          *preview;       /* the target cell: "0 → 30 h" */
  gboolean       warning;
  char          *note;
  char          *source;        /* the cell it leaves: "46 → 16 h" */
} Hover;

static void
hover_clear (Hover *hover)
{
  g_clear_pointer (&hover->preview, g_free);
  g_clear_pointer (&hover->note, g_free);
  g_clear_pointer (&hover->source, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Hover, hover_clear)

/* Hovers (the drop target's "motion") and drops at the centre of @to. The
 * action motion returned must agree with the drop: MOVE when it lands, 0
 * when it is refused. */
static gboolean
hover_and_drop (Fixture      *f,
                const GValue *value,
                Cell          to,
                Hover        *hover)
{
  GtkDropTarget *target = baton_capacity_view_get_drop_target (f->view);
  g_auto(Hover) seen = { 0 };
  gboolean dropped = FALSE;
  const char *note = NULL;
  double x, y;

  g_assert_true (baton_capacity_view_get_cell_point (f->view, to.person_id, to.role_id, to.week, &x, &y));

  g_signal_emit_by_name (target, "motion", x, y, &seen.action);
  seen.preview = g_strdup (baton_capacity_grid_get_preview_text (f->grid, &seen.warning, &note));
  seen.note = g_strdup (note);
  seen.source = g_strdup (baton_capacity_grid_get_source_preview_text (f->grid, NULL, NULL));

  /* A cell that refuses the drop shows no preview. */
  if (seen.action == 0)
    {
      g_assert_null (seen.preview);
      g_assert_null (seen.source);
    }
  else
    g_assert_cmpint (seen.action, ==, GDK_ACTION_MOVE);

  g_signal_emit_by_name (target, "drop", value, x, y, &dropped);
  g_assert_cmpint (dropped, ==, seen.action == GDK_ACTION_MOVE);
  /* The previews and the highlight go with the drop. */
  g_assert_null (baton_capacity_grid_get_preview_text (f->grid, NULL, NULL));
  g_assert_null (baton_capacity_grid_get_source_preview_text (f->grid, NULL, NULL));

  if (hover != NULL)
    *hover = seen, memset (&seen, 0, sizeof seen);

  return dropped;
}

static BatonTask *
drag_cell (Fixture   *f,
           Cell       from,
           Cell       to,
           gboolean  *dropped,
           Hover     *hover)
{
  GtkDragSource *source = baton_capacity_view_get_drag_source (f->view);
  g_auto(GValue) value = G_VALUE_INIT;
  BatonTask *task;
  double x, y;

  g_assert_true (baton_capacity_view_get_cell_point (f->view, from.person_id, from.role_id, from.week, &x, &y));
  task = prepare_drag (f, source, x, y, &value);
  *dropped = hover_and_drop (f, &value, to, hover);
  g_signal_emit_by_name (source, "drag-end", NULL, *dropped);

  return task;
}

static Cell
person_cell (BatonPerson *person,
             gint         week)
{
  return (Cell) { id_of (person), 0, week };
}

/* The database and the objects, to prove a refused input changed nothing.
 * (baton_test_dump_db () orders an FTS table by columns it lacks, so the
 * full-text index and its shadow tables are left out here: notes are not
 * this view's business.) */
typedef struct
{
  char *db;
  char *memory;
  char *history;
} State;

static char *
dump_db (BatonStore *store)
{
  sqlite3 *handle = baton_db_get_handle (_baton_store_get_db (store));
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) virtual = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);

      if (sql != NULL && g_str_has_prefix (sql, "CREATE VIRTUAL"))
        g_ptr_array_add (virtual, g_strconcat (name, "_", NULL));
      else
        g_ptr_array_add (tables, g_strdup (name));
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      gboolean shadow = FALSE;
      char *sql;

      for (guint v = 0; v < virtual->len; v++)
        shadow |= g_str_has_prefix (table, g_ptr_array_index (virtual, v));
      if (shadow)
        continue;

      sql = sqlite3_mprintf ("SELECT * FROM \"%w\" ORDER BY 1", table);
      baton_test_append_rows (out, handle, table, sql);
      sqlite3_free (sql);
    }

  return g_string_free (out, FALSE);
}

static State *
state_capture (BatonStore *store)
{
  State *state = g_new0 (State, 1);

  state->db = dump_db (store);
  state->memory = baton_test_dump_store (store);
  state->history = baton_test_describe_history (baton_store_get_history (store));

  return state;
}

static void
state_free (State *state)
{
  g_free (state->db);
  g_free (state->memory);
  g_free (state->history);
  g_free (state);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (State, state_free)

static void
assert_data_equals (State      *state,
                    BatonStore *store)
{
  g_autofree char *db = dump_db (store);
  g_autofree char *memory = baton_test_dump_store (store);

  g_assert_cmpstr (db, ==, state->db);
  g_assert_cmpstr (memory, ==, state->memory);
}

static void
assert_state_equals (State      *state,
                     BatonStore *store)
{
  g_autofree char *history = baton_test_describe_history (baton_store_get_history (store));

  assert_data_equals (state, store);
  g_assert_cmpstr (history, ==, state->history);
}

/* The cells -------------------------------------------------------------------- */

static void
test_cells_match_matrix (Fixture       *f,
                         gconstpointer  data)
{
  BatonCapacity *matrix;
  BatonGridCellInfo info;
  BatonPerson *people[4];
  const double load[4][4] = {
    { 46, 0, 0, 0 },    /* Ana */
    { 0, 10, 10, 0 },   /* Ben */
    { 18, 0, 0, 0 },    /* Cleo */
    { 6, 0, 0, 0 },     /* Dana */
  };
  const double capacity[4][4] = {
    { 40, 40, 40, 40 },
    { 24, 40, 40, 40 },
    { 20, 20, 20, 20 },
    { 32, 32, 32, 32 },
  };


  people[0] = f->ana;
  people[1] = f->ben;
  people[2] = f->cleo;
  people[3] = f->dana;

  g_assert_cmpuint (baton_capacity_view_get_first_week (f->view), ==, f->week0);
  g_assert_cmpuint (baton_capacity_grid_get_n_weeks (f->grid), ==, 4);
  matrix = baton_capacity_grid_get_matrix (f->grid);

  for (guint p = 0; p < G_N_ELEMENTS (people); p++)
    for (guint w = 0; w < 4; w++)
      {
        gint row = baton_capacity_get_row (matrix, id_of (people[p]));
        g_autofree char *from_model = pair (baton_capacity_get_load (matrix, row, w) / 60,
                                            baton_capacity_get_capacity (matrix, row, w) / 60);

        /* By hand, and as the model says. */
        assert_cell (f, people[p], w, load[p][w], capacity[p][w]);
        g_assert_true (baton_capacity_view_get_cell_info (f->view, id_of (people[p]), w, &info));
        g_assert_cmpstr (info.text, ==, from_model);

        /* The over-capacity style and icon exactly where the model says. */
        g_assert_cmpint (info.level, ==, baton_capacity_get_level (matrix, row, w));
        g_assert_cmpint (info.over_icon, ==, baton_capacity_get_level (matrix, row, w) == BATON_LOAD_OVER);
        g_assert_cmpint (info.style == BATON_GRID_CELL_OVER, ==, info.over_icon);
      }

  /* Ana is over in week 0 only, Cleo high. */
  g_assert_true (baton_capacity_view_get_cell_info (f->view, id_of (f->ana), 0, &info));
  g_assert_cmpint (info.style, ==, BATON_GRID_CELL_OVER);
  g_assert_true (info.over_icon);
  g_assert_true (baton_capacity_view_get_cell_info (f->view, id_of (f->cleo), 0, &info));
  g_assert_cmpint (info.style, ==, BATON_GRID_CELL_HIGH);
  g_assert_false (info.over_icon);
  g_assert_true (baton_capacity_view_get_cell_info (f->view, id_of (f->dana), 0, &info));
  g_assert_cmpint (info.style, ==, BATON_GRID_CELL_OK);

  /* Time off lowers the capacity shown, and the days are marked. */
  g_assert_true (baton_capacity_view_get_cell_info (f->view, id_of (f->ben), 0, &info));
  g_assert_cmpuint (info.days_off, ==, 2);
  g_assert_cmpfloat_with_epsilon (info.capacity, 24 * 60, 1e-9);
  g_assert_true (baton_capacity_view_get_cell_info (f->view, id_of (f->ben), 1, &info));
  g_assert_cmpuint (info.days_off, ==, 0);

  /* Unassigned demand, per role. */
  unassigned_cell (f, f->writer, 0, &info);
  g_assert_cmpstr (info.text, ==, "12 h");
  g_assert_cmpint (info.style, ==, BATON_GRID_CELL_DEMAND);
  unassigned_cell (f, f->writer, 1, &info);
  g_assert_cmpint (info.style, ==, BATON_GRID_CELL_EMPTY);
  unassigned_cell (f, f->designer, 0, &info);
  g_assert_cmpint (info.style, ==, BATON_GRID_CELL_EMPTY);

  /* Rows: each role's header, its people by name, its Unassigned row. */
  g_assert_cmpuint (baton_capacity_grid_get_n_rows (f->grid), ==, 8);
  g_assert_cmpint (baton_capacity_grid_get_row_kind (f->grid, 0), ==, BATON_GRID_ROW_ROLE);
  g_assert_cmpint (baton_capacity_grid_get_row_role_id (f->grid, 0), ==, id_of (f->writer));
  g_assert_true (baton_capacity_grid_get_row_person (f->grid, 1) == f->ana);
  g_assert_true (baton_capacity_grid_get_row_person (f->grid, 2) == f->ben);
  g_assert_cmpint (baton_capacity_grid_get_row_kind (f->grid, 3), ==, BATON_GRID_ROW_UNASSIGNED);
  g_assert_cmpint (baton_capacity_grid_get_row_role_id (f->grid, 4), ==, id_of (f->designer));
  g_assert_true (baton_capacity_grid_get_row_person (f->grid, 5) == f->cleo);
  g_assert_true (baton_capacity_grid_get_row_person (f->grid, 6) == f->dana);

  /* A role's header: its people's load against their capacity. */
  baton_capacity_grid_get_cell_info (f->grid, 0, 0, &info);
  g_assert_cmpstr (info.text, ==, "46 / 64 h");
  baton_capacity_grid_get_cell_info (f->grid, 4, 0, &info);
  g_assert_cmpstr (info.text, ==, "24 / 52 h");
}

/* The role header of @role: its row. */
static guint
role_row (Fixture   *f,
          BatonRole *role)
{
  for (guint i = 0; i < baton_capacity_grid_get_n_rows (f->grid); i++)
    if (baton_capacity_grid_get_row_kind (f->grid, i) == BATON_GRID_ROW_ROLE &&
        baton_capacity_grid_get_row_role_id (f->grid, i) == id_of (role))
      return i;

  g_assert_not_reached ();
}

static void
assert_role_count (Fixture    *f,
                   BatonRole  *role,
                   const char *expected)
{
  g_autofree char *count = baton_capacity_grid_get_row_count_text (f->grid, role_row (f, role));

  g_assert_cmpstr (count, ==, expected);
}

/* The role totals, week by week, add up to the team's: each person's hours
 * count once. */
static void
assert_totals_count_everyone_once (Fixture *f)
{
  BatonCapacity *matrix = baton_capacity_grid_get_matrix (f->grid);

  for (guint w = 0; w < baton_capacity_grid_get_n_weeks (f->grid); w++)
    {
      double load = 0, capacity = 0, role_load = 0, role_capacity = 0;

      for (guint p = 0; p < baton_capacity_get_n_people (matrix); p++)
        {
          load += baton_capacity_get_load (matrix, p, w);
          capacity += baton_capacity_get_capacity (matrix, p, w);
        }
      for (guint i = 0; i < baton_capacity_grid_get_n_rows (f->grid); i++)
        {
          BatonGridCellInfo info;

          if (baton_capacity_grid_get_row_kind (f->grid, i) != BATON_GRID_ROW_ROLE)
            continue;
          baton_capacity_grid_get_cell_info (f->grid, i, w, &info);
          role_load += info.load;
          role_capacity += info.capacity;
        }
      g_assert_cmpfloat_with_epsilon (role_load, load, 1e-6);
      g_assert_cmpfloat_with_epsilon (role_capacity, capacity, 1e-6);
    }
}

/* A role's group counts and names the people who hold it as a secondary
 * role (each person keeps one row, under their primary role) and leaves
 * their hours out of its total. */
static void
test_secondary_roles (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 cleo_roles[2];
  BatonRole *reviewer;
  BatonGridCellInfo info;
  guint n_dana = 0;

  /* Writer: Ana and Ben, and Dana (a designer) writes too. Designer: Cleo
   * and Dana, and Ben designs too. */
  g_assert_cmpuint (baton_capacity_grid_get_n_rows (f->grid), ==, 8);
  assert_role_count (f, f->writer, "2 people + 1 also");
  assert_role_count (f, f->designer, "2 people + 1 also");
  for (guint i = 0; i < baton_capacity_grid_get_n_rows (f->grid); i++)
    if (baton_capacity_grid_get_row_person (f->grid, i) == f->dana)
      n_dana++;
  g_assert_cmpuint (n_dana, ==, 1);

  /* Who they are, and that their hours are not in this total: in the
   * header's description (its tooltip) and in its cells'. */
  {
    g_autofree char *header = baton_capacity_grid_describe_cell (f->grid, 0, -1);
    g_autofree char *cell = baton_capacity_grid_describe_cell (f->grid, 0, 0);

    g_assert_cmpstr (header, ==,
                     "Writer: 2 people + 1 also\n"
                     "Also held by Dana (Designer)\n"
                     "Their hours count under their primary role, not in this total");
    g_assert_true (g_str_has_suffix (cell,
                                     "Team load: 46 h of 64 h\n"
                                     "Also held by Dana (Designer)\n"
                                     "Their hours count under their primary role, not in this total"));
  }

  /* A person's own row says all they hold, for a screen reader too. */
  {
    g_autofree char *dana = baton_capacity_grid_describe_cell (f->grid, (guint) baton_capacity_grid_find_person_row (f->grid, id_of (f->dana)), -1);
    g_autofree char *ana = baton_capacity_grid_describe_cell (f->grid, (guint) baton_capacity_grid_find_person_row (f->grid, id_of (f->ana)), -1);

    g_assert_cmpstr (dana, ==, "Dana\nDesigner, also Writer");
    g_assert_cmpstr (ana, ==, "Ana\nWriter");
  }

  /* Totals: Writer is Ana's 46 / 40 h and Ben's 0 / 24 h, not Dana's
   * 6 / 32 h as well. */
  baton_capacity_grid_get_cell_info (f->grid, role_row (f, f->writer), 0, &info);
  g_assert_cmpstr (info.text, ==, "46 / 64 h");
  assert_totals_count_everyone_once (f);

  /* The grid follows the store: Cleo writes too now. */
  cleo_roles[0] = id_of (f->designer);
  cleo_roles[1] = id_of (f->writer);
  g_assert_true (baton_store_set_person_roles (f->store, f->cleo, cleo_roles, 2, cleo_roles[0], &error));
  g_assert_no_error (error);
  assert_role_count (f, f->writer, "2 people + 2 also");
  {
    g_autofree char *header = baton_capacity_grid_describe_cell (f->grid, role_row (f, f->writer), -1);

    g_assert_cmpstr (header, ==,
                     "Writer: 2 people + 2 also\n"
                     "Also held by Cleo (Designer), Dana (Designer)\n"
                     "Their hours count under their primary roles, not in this total");
  }
  baton_capacity_grid_get_cell_info (f->grid, role_row (f, f->writer), 0, &info);
  g_assert_cmpstr (info.text, ==, "46 / 64 h");
  assert_totals_count_everyone_once (f);

  /* A role nobody holds first: "0 people" no more. */
  reviewer = baton_store_create_role (f->store, "Reviewer", "#c01c28", &error);
  g_assert_no_error (error);
  cleo_roles[1] = id_of (reviewer);
  g_assert_true (baton_store_set_person_roles (f->store, f->cleo, cleo_roles, 2, cleo_roles[0], &error));
  g_assert_no_error (error);
  assert_role_count (f, reviewer, "0 people + 1 also");
  assert_role_count (f, f->writer, "2 people + 1 also");
  baton_capacity_grid_get_cell_info (f->grid, role_row (f, reviewer), 0, &info);
  g_assert_cmpfloat (info.load, ==, 0);
  g_assert_cmpfloat (info.capacity, ==, 0);
  assert_totals_count_everyone_once (f);

  /* Archived people are counted nowhere. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.archive-person", "x", id_of (f->dana)));
  assert_role_count (f, f->writer, "2 people");
  assert_role_count (f, f->designer, "1 person + 1 also");
  assert_totals_count_everyone_once (f);
}

static void
test_time_off_lowers_capacity (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonGridCellInfo info;


  assert_cell (f, f->dana, 1, 0, 32);
  baton_store_add_time_off (f->store, f->dana, "2030-01-14", "2030-01-15", NULL, &error);
  g_assert_no_error (error);

  /* 32 h × 3 of 5 days. */
  assert_cell (f, f->dana, 1, 0, 19.2);
  g_assert_true (baton_capacity_view_get_cell_info (f->view, id_of (f->dana), 1, &info));
  g_assert_cmpuint (info.days_off, ==, 2);

  /* A whole week off: no capacity, and load there is over it. */
  baton_store_add_time_off (f->store, f->ana, "2030-01-07", "2030-01-11", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (baton_capacity_view_get_cell_info (f->view, id_of (f->ana), 0, &info));
  g_assert_cmpstr (info.text, ==, "46 / 0 h");
  g_assert_true (info.over_icon);
  g_assert_cmpuint (info.days_off, ==, 5);
}

static BatonPersonDialog *open_person_dialog (Fixture     *f,
                                              BatonPerson *person);

/* Hours a person reads use the locale's decimal separator: German shows
 * "19,2", as its spin buttons show "40,0". */
static void
test_decimal_comma (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = g_strdup (setlocale (LC_NUMERIC, NULL));
  BatonGridCellInfo info;
  BatonRoomDialog *dialog;
  BatonPersonDialog *person_dialog;

  if (!baton_test_use_decimal_comma_locale (LC_NUMERIC))
    return;

  /* 32 h × 3 of 5 days: 19.2 h. */
  baton_store_add_time_off (f->store, f->dana, "2030-01-14", "2030-01-15", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (baton_capacity_view_get_cell_info (f->view, id_of (f->dana), 1, &info));
  g_assert_cmpstr (info.text, ==, "0 / 19,2 h");

  /* Who has room, for Review (20 h over weeks 1 and 2): Dana has 19.2 h
   * then 32 h free, and would carry its 20 h: 20 of 51.2 h, 31.2 h left. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "task.who-has-room", "x",
                                             id_of (f->review)));
  dialog = BATON_ROOM_DIALOG (baton_capacity_view_get_room_dialog (f->view));
  g_assert_nonnull (dialog);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < baton_room_dialog_get_n_candidates (dialog); i++)
      if (baton_room_dialog_get_candidate (dialog, i) == f->dana)
        {
          g_assert_cmpstr (adw_action_row_get_subtitle (baton_room_dialog_get_row (dialog, i)), ==,
                           "20 / 51,2 h after, 31,2 h free");
          found = TRUE;
        }
    g_assert_true (found);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A person's fractional hours, filled in and read back. */
  baton_store_update (f->store, f->cleo, &error, "weekly-capacity-minutes", (gint64) 150, NULL);
  g_assert_no_error (error);
  person_dialog = open_person_dialog (f, f->cleo);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (baton_person_dialog_get_entry (person_dialog, "capacity"))),
                   ==, "2,5");
  g_assert_true (baton_person_dialog_save (person_dialog));
  g_assert_cmpint (baton_person_get_weekly_capacity_minutes (f->cleo), ==, 150);

  setlocale (LC_NUMERIC, before);
}

/* Drag and drop ------------------------------------------------------------------ */

static void
test_drop_reassigns (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(Hover) hover = { 0 };
  gboolean dropped = FALSE;
  BatonGridCellInfo info;
  BatonTask *task;

  /* From Ana's overloaded week: her largest task. Ben has 24 h that week. */
  task = drag_cell (f, person_cell (f->ana, 0), person_cell (f->ben, 0), &dropped, &hover);
  g_assert_true (task == f->storyboard);
  g_assert_cmpint (hover.action, ==, GDK_ACTION_MOVE);
  g_assert_cmpstr (hover.preview, ==, "0 → 30 h");
  g_assert_true (hover.warning);
  g_assert_cmpstr (hover.note, ==, "Over capacity");
  /* …and the cell it leaves: Ana's 46 h less its 30. */
  g_assert_cmpstr (hover.source, ==, "46 → 16 h");
  g_assert_true (dropped);

  g_assert_cmpint (baton_task_get_assignee_id (f->storyboard), ==, id_of (f->ben));
  g_assert_cmpstr (baton_task_get_start_date (f->storyboard), ==, "2030-01-07");
  /* Both rows follow the store. */
  assert_cell (f, f->ana, 0, 16, 40);
  assert_cell (f, f->ben, 0, 30, 24);
  g_assert_true (baton_capacity_view_get_cell_info (f->view, id_of (f->ana), 0, &info));
  g_assert_false (info.over_icon);
  g_assert_true (baton_capacity_view_get_cell_info (f->view, id_of (f->ben), 0, &info));
  g_assert_true (info.over_icon);
  g_assert_cmpstr (last_toast (f), ==, "“Storyboard” reassigned to Ben");

  /* The frame after the drop shows it. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->grid));

  /* Undo restores. */
  g_assert_true (baton_store_undo (f->store, NULL));
  g_assert_cmpint (baton_task_get_assignee_id (f->storyboard), ==, id_of (f->ana));
  assert_cell (f, f->ana, 0, 46, 40);
  assert_cell (f, f->ben, 0, 0, 24);
}

static void
test_drop_reschedules (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(Hover) hover = { 0 };
  gboolean dropped = FALSE;
  BatonTask *task;

  /* Ben's review, from week 1 to week 3: two weeks later. */
  task = drag_cell (f, person_cell (f->ben, 1), person_cell (f->ben, 3), &dropped, &hover);
  g_assert_true (task == f->review);
  g_assert_cmpint (hover.action, ==, GDK_ACTION_MOVE);
  g_assert_cmpstr (hover.preview, ==, "0 → 10 h");
  g_assert_cmpstr (hover.source, ==, "10 → 0 h");
  g_assert_false (hover.warning);
  g_assert_true (dropped);

  g_assert_cmpint (baton_task_get_assignee_id (f->review), ==, id_of (f->ben));
  g_assert_cmpstr (baton_task_get_start_date (f->review), ==, "2030-01-28");
  g_assert_cmpstr (baton_task_get_due_date (f->review), ==, "2030-02-08");
  assert_cell (f, f->ben, 1, 0, 40);
  assert_cell (f, f->ben, 2, 0, 40);
  assert_cell (f, f->ben, 3, 10, 40);
  g_assert_cmpstr (last_toast (f), ==, "“Review” moved 2 weeks later");

  g_assert_true (baton_store_undo (f->store, NULL));
  g_assert_cmpstr (baton_task_get_start_date (f->review), ==, "2030-01-14");
  assert_cell (f, f->ben, 1, 10, 40);
  assert_cell (f, f->ben, 3, 0, 40);
}

static void
test_drop_reassigns_and_reschedules (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(State) before = NULL;
  g_auto(Hover) hover = { 0 };
  gboolean dropped = FALSE;
  BatonTask *task;

  before = state_capture (f->store);

  /* Cleo's layout onto Ana, a week later; Ana is not a designer. */
  task = drag_cell (f, person_cell (f->cleo, 0), person_cell (f->ana, 1), &dropped, &hover);
  g_assert_true (task == f->layout);
  g_assert_cmpint (hover.action, ==, GDK_ACTION_MOVE);
  g_assert_cmpstr (hover.preview, ==, "0 → 18 h");
  g_assert_cmpstr (hover.source, ==, "18 → 0 h");
  g_assert_true (hover.warning);
  g_assert_cmpstr (hover.note, ==, "Not a Designer");
  g_assert_true (dropped);

  g_assert_cmpint (baton_task_get_assignee_id (f->layout), ==, id_of (f->ana));
  g_assert_cmpstr (baton_task_get_start_date (f->layout), ==, "2030-01-14");
  g_assert_cmpstr (baton_task_get_due_date (f->layout), ==, "2030-01-18");
  assert_cell (f, f->cleo, 0, 0, 20);
  assert_cell (f, f->ana, 1, 18, 40);
  g_assert_cmpstr (last_toast (f), ==, "“Layout” reassigned to Ana and moved 1 week later");

  /* One undo step takes back both. */
  g_assert_true (baton_store_undo (f->store, NULL));
  assert_data_equals (before, f->store);
  assert_cell (f, f->cleo, 0, 18, 20);
  assert_cell (f, f->ana, 1, 0, 40);
}

static void
test_drop_from_unassigned (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(Hover) hover = { 0 };
  gboolean dropped = FALSE;
  BatonGridCellInfo info;
  BatonTask *task;

  task = drag_cell (f, (Cell) { 0, id_of (f->writer), 0 }, person_cell (f->ben, 0), &dropped, &hover);
  g_assert_true (task == f->glossary);
  g_assert_cmpint (hover.action, ==, GDK_ACTION_MOVE);
  g_assert_cmpstr (hover.preview, ==, "0 → 12 h");
  g_assert_cmpstr (hover.source, ==, "12 → 0 h");
  g_assert_false (hover.warning);
  g_assert_true (dropped);

  g_assert_cmpint (baton_task_get_assignee_id (f->glossary), ==, id_of (f->ben));
  assert_cell (f, f->ben, 0, 12, 24);
  unassigned_cell (f, f->writer, 0, &info);
  g_assert_cmpint (info.style, ==, BATON_GRID_CELL_EMPTY);
  g_assert_cmpstr (last_toast (f), ==, "“Glossary” assigned to Ben");

  g_assert_true (baton_store_undo (f->store, NULL));
  g_assert_cmpint (baton_task_get_assignee_id (f->glossary), ==, 0);
  unassigned_cell (f, f->writer, 0, &info);
  g_assert_cmpstr (info.text, ==, "12 h");
}

static void
test_drop_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(State) before = NULL;
  gboolean dropped = TRUE;
  BatonTask *task;

  before = state_capture (f->store);

  /* Onto the cell it came from: nothing to do, and motion says so. */
  {
    g_auto(Hover) hover = { 0 };

    task = drag_cell (f, person_cell (f->ana, 0), person_cell (f->ana, 0), &dropped, &hover);
    g_assert_true (task == f->storyboard);
    g_assert_cmpint (hover.action, ==, 0);
    g_assert_false (dropped);
  }

  /* A writer's task onto the designers' Unassigned row. */
  {
    g_auto(Hover) hover = { 0 };

    task = drag_cell (f, person_cell (f->ana, 0), (Cell) { 0, id_of (f->designer), 0 }, &dropped, &hover);
    g_assert_cmpint (hover.action, ==, 0);
    g_assert_false (dropped);
  }

  assert_state_equals (before, f->store);

  /* An empty cell has nothing to drag. */
  {
    GtkDragSource *source = baton_capacity_view_get_drag_source (f->view);
    g_autoptr(GdkContentProvider) provider = NULL;
    double x, y;

    g_assert_true (baton_capacity_view_get_cell_point (f->view, id_of (f->cleo), 0, 2, &x, &y));
    g_signal_emit_by_name (source, "prepare", x, y, &provider);
    g_assert_null (provider);
  }
}

static void
test_popover (Fixture       *f,
              gconstpointer  data)
{
  GtkEventController *keys = NULL;
  g_autoptr(GListModel) controllers = NULL;
  BatonCellPopover *popover;
  gboolean handled = FALSE, dropped = FALSE;
  g_auto(GValue) value = G_VALUE_INIT;
  guint row;
  gint week;
  gint ana_row;


  /* Keyboard: arrows move the focus cell, Enter opens it. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (f->grid));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && keys == NULL; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        keys = controller;
    }
  g_assert_nonnull (keys);

  ana_row = baton_capacity_grid_find_person_row (f->grid, id_of (f->ana));
  baton_capacity_grid_set_focus_cell (f->grid, (guint) ana_row, 1);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Left, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (baton_capacity_grid_get_focus_cell (f->grid, &row, &week));
  g_assert_cmpuint (row, ==, (guint) ana_row);
  g_assert_cmpint (week, ==, 0);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (baton_capacity_grid_get_focus_cell (f->grid, &row, &week));
  g_assert_true (baton_capacity_grid_get_row_person (f->grid, row) == f->ben);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Up, 0, 0, &handled);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
  g_assert_true (handled);

  /* Ana's week 0: her two active tasks, largest first. */
  popover = baton_capacity_view_get_cell_popover (f->view);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpuint (baton_cell_popover_get_n_tasks (popover), ==, 2);
  g_assert_true (baton_cell_popover_get_task (popover, 0) == f->storyboard);
  g_assert_true (baton_cell_popover_get_task (popover, 1) == f->script);

  /* Each task's menu: reassign (most room first), move to week, who has room. */
  {
    GtkWidget *task_row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (baton_cell_popover_get_drag_source (popover, 0)));
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
    GMenuModel *menu, *section, *people, *role, *weeks;
    g_autofree char *label = NULL;
    g_autofree char *action = NULL;
    gint64 task_id = 0, person_id = 0;
    gint32 shift = 0;

    for (GtkWidget *child = gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (task_row)));
         child != NULL; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_MENU_BUTTON (child))
        g_ptr_array_add (buttons, child);
    g_assert_cmpuint (buttons->len, ==, 1);

    /* Enter on the row opens its menu: the one task menu (Open; Move
     * to Stage, Reassign To, Move to Week; Who Has Room?; Archive,
     * Delete), test-task-menu.c reads it whole. */
    g_signal_emit_by_name (task_row, "activate");
    menu = gtk_menu_button_get_menu_model (g_ptr_array_index (buttons, 0));
    g_assert_nonnull (menu);
    g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 4);
    section = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
    g_assert_cmpint (g_menu_model_get_n_items (section), ==, 3);
    people = g_menu_model_get_item_link (section, 1, G_MENU_LINK_SUBMENU);
    weeks = g_menu_model_get_item_link (section, 2, G_MENU_LINK_SUBMENU);
    role = g_menu_model_get_item_link (people, 0, G_MENU_LINK_SECTION);

    g_assert_true (g_menu_model_get_item_attribute (role, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_cmpstr (label, ==, "Dana: 36 / 32 h after, 4 h over");
    g_assert_true (g_menu_model_get_item_attribute (role, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (action, ==, "task.reassign");
    g_assert_true (g_menu_model_get_item_attribute (role, 0, G_MENU_ATTRIBUTE_TARGET, "(xx)", &task_id, &person_id));
    g_assert_cmpint (task_id, ==, id_of (f->storyboard));
    g_assert_cmpint (person_id, ==, id_of (f->dana));
    g_assert_true (g_menu_model_get_item_attribute (weeks, 3, G_MENU_ATTRIBUTE_TARGET, "(xi)", &task_id, &shift));
    g_assert_cmpint (shift, ==, 2);
    /* The weeks are counted from the cell's. */
    g_clear_pointer (&label, g_free);
    g_assert_true (g_menu_model_get_item_attribute (weeks, 3, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    {
      g_autofree char *week2 = baton_week_describe (f->week0 + 14);

      g_assert_cmpstr (label, ==, week2);
    }

    g_object_unref (section);
    g_object_unref (people);
    g_object_unref (role);
    g_object_unref (weeks);
    gtk_menu_button_popdown (g_ptr_array_index (buttons, 0));
  }

  /* A task dragged from the popover onto Dana. */
  g_assert_true (prepare_drag (f, baton_cell_popover_get_drag_source (popover, 1), 4, 4, &value) == f->script);
  {
    g_auto(Hover) hover = { 0 };

    dropped = hover_and_drop (f, &value, person_cell (f->dana, 0), &hover);
    g_assert_cmpint (hover.action, ==, GDK_ACTION_MOVE);
    g_assert_cmpstr (hover.preview, ==, "6 → 22 h");
    g_assert_cmpstr (hover.source, ==, "46 → 30 h");
  }
  g_assert_true (dropped);
  g_assert_cmpint (baton_task_get_assignee_id (f->script), ==, id_of (f->dana));
  assert_cell (f, f->ana, 0, 30, 40);
  assert_cell (f, f->dana, 0, 22, 32);
}

static void
test_keyboard_actions (Fixture       *f,
                       gconstpointer  data)
{
  BatonGridCellInfo info;


  /* Reassign to… */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "task.reassign", "(xx)",
                                             id_of (f->script), id_of (f->dana)));
  g_assert_cmpint (baton_task_get_assignee_id (f->script), ==, id_of (f->dana));
  assert_cell (f, f->ana, 0, 30, 40);
  assert_cell (f, f->dana, 0, 22, 32);
  g_assert_true (baton_capacity_view_get_cell_info (f->view, id_of (f->ana), 0, &info));
  g_assert_false (info.over_icon);
  g_assert_cmpstr (last_toast (f), ==, "“Script” reassigned to Dana");

  /* Move to week… (one week later) */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "task.move-to-week", "(xi)",
                                             id_of (f->script), (gint32) 1));
  g_assert_cmpstr (baton_task_get_due_date (f->script), ==, "2030-01-18");
  assert_cell (f, f->dana, 0, 6, 32);
  assert_cell (f, f->dana, 1, 16, 32);
  g_assert_cmpstr (last_toast (f), ==, "“Script” moved 1 week later");

  /* Unassign. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "task.reassign", "(xx)",
                                             id_of (f->script), (gint64) 0));
  g_assert_cmpint (baton_task_get_assignee_id (f->script), ==, 0);

  /* Each was one undo step. */
  g_assert_true (baton_store_undo (f->store, NULL));
  g_assert_cmpint (baton_task_get_assignee_id (f->script), ==, id_of (f->dana));
  g_assert_true (baton_store_undo (f->store, NULL));
  g_assert_cmpstr (baton_task_get_due_date (f->script), ==, "2030-01-11");
  g_assert_true (baton_store_undo (f->store, NULL));
  g_assert_cmpint (baton_task_get_assignee_id (f->script), ==, id_of (f->ana));
  assert_cell (f, f->ana, 0, 46, 40);
}

/* The rest of the one task menu, served by the capacity view too: move
 * to a stage, archive, restore, delete, open; each one undo step, each
 * toast in the board's words. */
static void
test_task_actions (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (f->view);
  gint64 script = id_of (f->script);
  guint n_windows;

  g_assert_true (gtk_widget_activate_action (view, "task.archive", "x", script));
  g_assert_true (baton_task_get_archived (f->script));
  g_assert_cmpstr (last_toast (f), ==, "Card “Script” archived");
  /* Archived: Ana's week 0 no longer carries its 16 h. */
  assert_cell (f, f->ana, 0, 30, 40);
  g_assert_true (gtk_widget_activate_action (view, "task.archive", "x", script));
  g_assert_false (baton_task_get_archived (f->script));
  g_assert_cmpstr (last_toast (f), ==, "Card “Script” restored");
  assert_cell (f, f->ana, 0, 46, 40);

  g_assert_true (gtk_widget_activate_action (view, "task.delete", "x", script));
  g_assert_null (baton_store_lookup_task (f->store, script));
  g_assert_cmpstr (last_toast (f), ==, "Card “Script” deleted");
  assert_cell (f, f->ana, 0, 30, 40);
  g_assert_true (baton_store_undo (f->store, NULL));
  assert_cell (f, f->ana, 0, 46, 40);

  /* Delivered is a done stage: its tasks load nobody. */
  g_assert_true (gtk_widget_activate_action (view, "task.move-to-stage", "(xx)", script, id_of (f->done)));
  g_assert_cmpint (baton_task_get_stage_id (baton_store_lookup_task (f->store, script)), ==, id_of (f->done));
  g_assert_cmpstr (last_toast (f), ==, "Moved “Script” to Delivered");
  assert_cell (f, f->ana, 0, 30, 40);

  /* Each was one undo step. */
  g_assert_true (baton_store_undo (f->store, NULL));
  g_assert_cmpint (baton_task_get_stage_id (baton_store_lookup_task (f->store, script)), ==, id_of (f->backlog));
  assert_cell (f, f->ana, 0, 46, 40);
  g_assert_true (baton_store_undo (f->store, NULL));
  g_assert_true (baton_task_get_archived (baton_store_lookup_task (f->store, script)));
  g_assert_true (baton_store_undo (f->store, NULL));
  g_assert_false (baton_task_get_archived (baton_store_lookup_task (f->store, script)));

  /* Open: the card editor, one more window. */
  n_windows = g_list_model_get_n_items (gtk_window_get_toplevels ());
  g_assert_true (gtk_widget_activate_action (view, "task.open", "x", script));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, n_windows + 1);
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (BATON_IS_TASK_EDITOR (window))
        {
          gtk_window_destroy (window);
          break;
        }
    }
  g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, n_windows);
}

static void
test_navigation (Fixture       *f,
                 gconstpointer  data)
{

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.next-week", NULL));
  g_assert_cmpuint (baton_capacity_view_get_first_week (f->view), ==, f->week0 + 7);
  /* Week 0 is now Ben's week 1. */
  assert_cell (f, f->ben, 0, 10, 40);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.previous-week", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.previous-week", NULL));
  g_assert_cmpuint (baton_capacity_view_get_first_week (f->view), ==, f->week0 - 7);
  assert_cell (f, f->ana, 1, 46, 40);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.today", NULL));
  g_assert_cmpuint (baton_capacity_view_get_first_week (f->view), ==,
                    baton_date_week_start (baton_date_today (), 1));

  /* The number of weeks follows the preference, live. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_int (settings, "weeks-shown", 6);
    g_assert_cmpuint (baton_capacity_grid_get_n_weeks (f->grid), ==, 6);
    g_settings_set_int (settings, "weeks-shown", 4);
    g_assert_cmpuint (baton_capacity_grid_get_n_weeks (f->grid), ==, 4);
  }
}

/* Who has room ----------------------------------------------------------------------- */

static void
test_who_has_room (Fixture       *f,
                   gconstpointer  data)
{
  BatonRoomDialog *dialog;


  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "task.who-has-room", "x",
                                             id_of (f->storyboard)));
  dialog = BATON_ROOM_DIALOG (baton_capacity_view_get_room_dialog (f->view));
  g_assert_nonnull (dialog);

  /* Writers, over week 0 (30 h): Dana 32 − 6 = 26 free; Ana 40 − 16 = 24;
   * Ben 24 − 0 = 24; Ana before Ben by name. Dana holds Writer as her
   * secondary role: she is a candidate all the same. Each row in the
   * grid's terms, load after taking it against capacity, then what that
   * leaves: all three would be over, and it is said in words. */
  g_assert_cmpuint (baton_room_dialog_get_n_candidates (dialog), ==, 3);
  g_assert_true (baton_room_dialog_get_candidate (dialog, 0) == f->dana);
  g_assert_true (baton_room_dialog_get_candidate (dialog, 1) == f->ana);
  g_assert_true (baton_room_dialog_get_candidate (dialog, 2) == f->ben);
  g_assert_cmpstr (adw_action_row_get_subtitle (baton_room_dialog_get_row (dialog, 0)), ==,
                   "36 / 32 h after, 4 h over");
  g_assert_cmpstr (adw_action_row_get_subtitle (baton_room_dialog_get_row (dialog, 1)), ==,
                   "46 / 40 h after, 6 h over");
  g_assert_cmpstr (adw_action_row_get_subtitle (baton_room_dialog_get_row (dialog, 2)), ==,
                   "30 / 24 h after, 6 h over");
  /* Ana holds it now: her row cannot be picked. */
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (baton_room_dialog_get_row (dialog, 1))));

  /* Picking Dana reassigns, closes the dialog; undo restores. */
  adw_action_row_activate (baton_room_dialog_get_row (dialog, 0));
  g_assert_cmpint (baton_task_get_assignee_id (f->storyboard), ==, id_of (f->dana));
  g_assert_null (baton_capacity_view_get_room_dialog (f->view));
  assert_cell (f, f->dana, 0, 36, 32);
  g_assert_cmpstr (last_toast (f), ==, "“Storyboard” reassigned to Dana");

  g_assert_true (baton_store_undo (f->store, NULL));
  g_assert_cmpint (baton_task_get_assignee_id (f->storyboard), ==, id_of (f->ana));
}

/* People and roles ------------------------------------------------------------------ */

static void
set_text (BatonPersonDialog *dialog,
          const char        *field,
          const char        *text)
{
  gtk_editable_set_text (GTK_EDITABLE (baton_person_dialog_get_entry (dialog, field)), text);
}

static BatonPersonDialog *
open_person_dialog (Fixture     *f,
                    BatonPerson *person)
{
  if (person != NULL)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.edit-person", "x", id_of (person)));
  else
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.add-person", NULL));

  return BATON_PERSON_DIALOG (baton_capacity_view_get_person_dialog (f->view));
}

static void
assert_rejected (Fixture           *f,
                 BatonPersonDialog *dialog,
                 State             *before,
                 const char        *field)
{
  g_assert_false (baton_person_dialog_save (dialog));
  g_assert_nonnull (baton_person_dialog_get_error (dialog, field));
  g_assert_cmpstr (baton_person_dialog_get_error (dialog, field), !=, "");
  if (g_strcmp0 (field, "name") == 0 || g_strcmp0 (field, "capacity") == 0)
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (baton_person_dialog_get_entry (dialog, field)), "error"));
  assert_state_equals (before, f->store);
  /* Still open, for the person to fix it. */
  g_assert_true (baton_capacity_view_get_person_dialog (f->view) == GTK_WIDGET (dialog));
}

static void
test_person_dialog_rejects_bad_input (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(State) before = NULL;
  BatonPersonDialog *dialog;


  before = state_capture (f->store);
  dialog = open_person_dialog (f, NULL);
  g_assert_nonnull (dialog);

  /* The default capacity comes from the preference (40 h). */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (baton_person_dialog_get_entry (dialog, "capacity"))), ==, "40");

  set_text (dialog, "name", "   ");
  assert_rejected (f, dialog, before, "name");

  set_text (dialog, "name", "Eve");
  g_assert_null (baton_person_dialog_get_error (dialog, "name"));
  set_text (dialog, "capacity", "abc");
  assert_rejected (f, dialog, before, "capacity");
  set_text (dialog, "capacity", "-5");
  assert_rejected (f, dialog, before, "capacity");
  set_text (dialog, "capacity", "169");
  assert_rejected (f, dialog, before, "capacity");
  set_text (dialog, "capacity", "200h");
  assert_rejected (f, dialog, before, "capacity");

  set_text (dialog, "capacity", "2.5");
  set_text (dialog, "off-start", "2030-01-10");
  set_text (dialog, "off-end", "2030-01-08");
  assert_rejected (f, dialog, before, "time-off");
  set_text (dialog, "off-end", "2030-02-30");
  assert_rejected (f, dialog, before, "time-off");
  /* The message is the date row's own: what is wrong with the typed text
   * comes first, even with no first day typed. */
  g_assert_cmpstr (baton_person_dialog_get_error (dialog, "time-off"), ==,
                   baton_date_row_get_error (BATON_DATE_ROW (baton_person_dialog_get_entry (dialog, "off-end"))));
  set_text (dialog, "off-start", "");
  assert_rejected (f, dialog, before, "time-off");
  g_assert_cmpstr (baton_person_dialog_get_error (dialog, "time-off"), ==,
                   baton_date_row_get_error (BATON_DATE_ROW (baton_person_dialog_get_entry (dialog, "off-end"))));
  set_text (dialog, "off-start", "2030-01-10");

  set_text (dialog, "email", "not an address");
  set_text (dialog, "off-end", "2030-01-11");
  assert_rejected (f, dialog, before, "email");
  g_assert_null (baton_person_dialog_get_error (dialog, "time-off"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  assert_state_equals (before, f->store);
}

static void
test_person_dialog_adds (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(State) before = NULL;
  g_autoptr(GArray) roles = NULL;
  BatonPersonDialog *dialog;
  BatonPerson *eve = NULL;
  GListModel *people = baton_store_get_people (f->store);
  gint64 eve_id;


  before = state_capture (f->store);
  dialog = open_person_dialog (f, NULL);

  /* A subject-matter expert: 2.5 h a week, writer and designer (primary). */
  set_text (dialog, "name", "Eve");
  set_text (dialog, "email", "eve@example.org");
  set_text (dialog, "capacity", "2.5");
  baton_person_dialog_set_role (dialog, id_of (f->writer), TRUE, FALSE);
  baton_person_dialog_set_role (dialog, id_of (f->designer), TRUE, TRUE);
  set_text (dialog, "off-start", "2030-01-07");
  set_text (dialog, "off-end", "2030-01-08");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "person.add-time-off", NULL));
  set_text (dialog, "off-start", "2030-01-21");
  g_assert_true (baton_person_dialog_save (dialog));

  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 5);
  eve = g_list_model_get_item (people, 4);
  g_object_unref (eve);   /* the store keeps it */
  eve_id = id_of (eve);
  g_assert_cmpstr (baton_person_get_name (eve), ==, "Eve");
  g_assert_cmpstr (baton_person_get_email (eve), ==, "eve@example.org");
  g_assert_cmpint (baton_person_get_weekly_capacity_minutes (eve), ==, 150);
  roles = baton_store_get_person_role_ids (f->store, eve);
  g_assert_cmpuint (roles->len, ==, 2);
  g_assert_cmpint (g_array_index (roles, gint64, 0), ==, id_of (f->designer));
  g_assert_cmpstr (last_toast (f), ==, "Eve added");

  /* 2.5 h × 3 of 5 days in week 0, and the single day in week 2. */
  assert_cell (f, eve, 0, 0, 1.5);
  assert_cell (f, eve, 1, 0, 2.5);
  assert_cell (f, eve, 2, 0, 2);

  /* One undo step takes it all back. */
  g_assert_true (baton_store_undo (f->store, NULL));
  g_assert_null (baton_store_lookup_person (f->store, eve_id));
  assert_data_equals (before, f->store);
}

/* Time off is picked in calendars whose weeks start as the grid's. */
static void
test_person_dialog_time_off_calendar (Fixture       *f,
                                      gconstpointer  data)
{
  BatonPersonDialog *dialog = open_person_dialog (f, f->ana);
  BatonDateRow *first = BATON_DATE_ROW (baton_person_dialog_get_entry (dialog, "off-start"));
  BatonDateRow *last = BATON_DATE_ROW (baton_person_dialog_get_entry (dialog, "off-end"));
  BatonCalendar *calendar;
  g_autoptr(GDateTime) monday = g_date_time_new_local (2030, 1, 7, 12, 0, 0);
  g_autofree char *monday_name = g_date_time_format (monday, "%a");

  g_assert_true (BATON_IS_DATE_ROW (first));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, dialog, 5000));

  baton_date_row_open_calendar (first);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, baton_date_row_get_popover (first), 5000));
  calendar = BATON_CALENDAR (baton_date_row_get_calendar (first));
  g_assert_cmpstr (baton_calendar_get_weekday_label (calendar, 0), ==, monday_name);
  baton_calendar_show_month (calendar, f->week0);
  g_signal_emit_by_name (baton_calendar_get_day_button (calendar, f->week0 + 7), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (first)), ==, "2030-01-14");

  baton_date_row_open_calendar (last);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, baton_date_row_get_popover (last), 5000));
  calendar = BATON_CALENDAR (baton_date_row_get_calendar (last));
  baton_calendar_show_month (calendar, f->week0);
  g_signal_emit_by_name (baton_calendar_get_day_button (calendar, f->week0 + 8), "clicked");
  g_assert_cmpstr (baton_date_row_get_date (last), ==, "2030-01-15");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "person.add-time-off", NULL));
  g_assert_null (baton_person_dialog_get_error (dialog, "time-off"));
  g_assert_true (baton_person_dialog_save (dialog));

  /* 40 h × 3 of 5 days in week 1. */
  assert_cell (f, f->ana, 1, 0, 24);
}

static void
test_person_dialog_edits (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(State) before = NULL;
  BatonPersonDialog *dialog;


  before = state_capture (f->store);
  dialog = open_person_dialog (f, f->ana);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (baton_person_dialog_get_entry (dialog, "name"))), ==, "Ana");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (baton_person_dialog_get_entry (dialog, "capacity"))), ==, "40");

  set_text (dialog, "name", "");
  assert_rejected (f, dialog, before, "name");
  set_text (dialog, "name", "Ana Lima");
  set_text (dialog, "capacity", "1000");
  assert_rejected (f, dialog, before, "capacity");

  set_text (dialog, "capacity", "50");
  g_assert_true (baton_person_dialog_save (dialog));
  g_assert_cmpstr (baton_person_get_name (f->ana), ==, "Ana Lima");
  assert_cell (f, f->ana, 0, 46, 50);

  g_assert_true (baton_store_undo (f->store, NULL));
  assert_data_equals (before, f->store);
  assert_cell (f, f->ana, 0, 46, 40);

  /* Archive: the person leaves the grid; undo brings them back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.archive-person", "x", id_of (f->cleo)));
  g_assert_true (baton_person_get_archived (f->cleo));
  g_assert_cmpint (baton_capacity_grid_find_person_row (f->grid, id_of (f->cleo)), ==, -1);
  g_assert_true (baton_store_undo (f->store, NULL));
  g_assert_cmpint (baton_capacity_grid_find_person_row (f->grid, id_of (f->cleo)), >=, 0);
}

static void
test_restore_person (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(State) before = NULL;
  BatonArchivedDialog *dialog;
  GtkWidget *weak;
  GtkButton *button;


  /* Nobody archived: the dialog shows its empty state. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.show-archived-people", NULL));
  dialog = BATON_ARCHIVED_DIALOG (baton_capacity_view_get_archived_dialog (f->view));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Archived People");
  g_assert_cmpuint (baton_archived_dialog_get_n_people (dialog), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_null (baton_capacity_view_get_archived_dialog (f->view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.archive-person", "x", id_of (f->cleo)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.archive-person", "x", id_of (f->dana)));
  g_assert_cmpint (baton_capacity_grid_find_person_row (f->grid, id_of (f->cleo)), ==, -1);
  g_assert_cmpint (baton_capacity_grid_find_person_row (f->grid, id_of (f->dana)), ==, -1);

  /* The dialog lists exactly the archived people. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.show-archived-people", NULL));
  dialog = BATON_ARCHIVED_DIALOG (baton_capacity_view_get_archived_dialog (f->view));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (baton_archived_dialog_get_n_people (dialog), ==, 2);
  g_assert_nonnull (baton_archived_dialog_get_restore_button (dialog, id_of (f->cleo)));
  g_assert_nonnull (baton_archived_dialog_get_restore_button (dialog, id_of (f->dana)));
  g_assert_null (baton_archived_dialog_get_restore_button (dialog, id_of (f->ana)));

  /* Restore by action: back in the store and the grid, out of the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.restore-person", "x", id_of (f->cleo)));
  g_assert_false (baton_person_get_archived (f->cleo));
  g_assert_cmpint (baton_capacity_grid_find_person_row (f->grid, id_of (f->cleo)), >=, 0);
  assert_cell (f, f->cleo, 0, 18, 20);
  g_assert_cmpstr (last_toast (f), ==, "Cleo restored");
  g_assert_cmpuint (baton_archived_dialog_get_n_people (dialog), ==, 1);
  g_assert_null (baton_archived_dialog_get_restore_button (dialog, id_of (f->cleo)));

  /* Undo archives them again, and the list follows. */
  g_assert_true (baton_store_undo (f->store, NULL));
  g_assert_true (baton_person_get_archived (f->cleo));
  g_assert_cmpint (baton_capacity_grid_find_person_row (f->grid, id_of (f->cleo)), ==, -1);
  g_assert_cmpuint (baton_archived_dialog_get_n_people (dialog), ==, 2);

  /* An unknown id, or someone not archived, changes nothing. */
  before = state_capture (f->store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.restore-person", "x", (gint64) 999999));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.restore-person", "x", id_of (f->ana)));
  assert_state_equals (before, f->store);
  g_assert_cmpuint (baton_archived_dialog_get_n_people (dialog), ==, 2);

  /* The row's button restores through the same action. */
  button = baton_archived_dialog_get_restore_button (dialog, id_of (f->dana));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, "Restore Dana");
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (baton_person_get_archived (f->dana));
  g_assert_cmpint (baton_capacity_grid_find_person_row (f->grid, id_of (f->dana)), >=, 0);
  g_assert_cmpstr (last_toast (f), ==, "Dana restored");
  g_assert_cmpuint (baton_archived_dialog_get_n_people (dialog), ==, 1);

  weak = GTK_WIDGET (dialog);
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak, 5000));
  g_assert_null (baton_capacity_view_get_archived_dialog (f->view));
}

static void
test_roles_dialog (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(State) before = NULL;
  BatonRolesDialog *dialog;
  AdwEntryRow *row;
  BatonRole *reviewer;
  GListModel *roles = baton_store_get_roles (f->store);


  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.manage-roles", NULL));
  dialog = BATON_ROLES_DIALOG (baton_capacity_view_get_roles_dialog (f->view));
  g_assert_nonnull (dialog);
  before = state_capture (f->store);

  /* The rows say how many people and tasks use each role. */
  row = baton_roles_dialog_get_role_row (dialog, id_of (f->writer));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Held by 3 people · needed by 5 tasks");

  /* Bad names are refused on the field, nothing written. */
  gtk_editable_set_text (GTK_EDITABLE (baton_roles_dialog_get_new_row (dialog)), "  ");
  g_signal_emit_by_name (baton_roles_dialog_get_new_row (dialog), "entry-activated");
  g_assert_nonnull (baton_roles_dialog_get_error (dialog));
  assert_state_equals (before, f->store);

  gtk_editable_set_text (GTK_EDITABLE (baton_roles_dialog_get_new_row (dialog)), "Writer");
  g_signal_emit_by_name (baton_roles_dialog_get_new_row (dialog), "entry-activated");
  g_assert_nonnull (strstr (baton_roles_dialog_get_error (dialog), "Writer"));
  assert_state_equals (before, f->store);

  gtk_editable_set_text (GTK_EDITABLE (row), "Designer");
  g_signal_emit_by_name (row, "apply");
  g_assert_nonnull (baton_roles_dialog_get_error (dialog));
  assert_state_equals (before, f->store);

  /* A role in use cannot go: the message says how many. */
  g_signal_emit_by_name (baton_roles_dialog_get_delete_button (dialog, id_of (f->writer)), "clicked");
  g_assert_nonnull (baton_roles_dialog_get_error (dialog));
  g_assert_nonnull (strstr (baton_roles_dialog_get_error (dialog), "3"));
  assert_state_equals (before, f->store);

  /* Add, rename, reorder, delete: each one store call. */
  gtk_editable_set_text (GTK_EDITABLE (baton_roles_dialog_get_new_row (dialog)), "Reviewer");
  g_signal_emit_by_name (baton_roles_dialog_get_new_row (dialog), "entry-activated");
  g_assert_null (baton_roles_dialog_get_error (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 3);
  reviewer = baton_test_list_item (roles, 2);
  g_assert_cmpstr (baton_role_get_name (reviewer), ==, "Reviewer");
  /* The grid shows the new role's group. */
  g_assert_cmpint (baton_capacity_grid_find_unassigned_row (f->grid, id_of (reviewer)), >=, 0);

  row = baton_roles_dialog_get_role_row (dialog, id_of (reviewer));
  gtk_editable_set_text (GTK_EDITABLE (row), "Editor");
  g_signal_emit_by_name (row, "apply");
  g_assert_cmpstr (baton_role_get_name (reviewer), ==, "Editor");

  g_assert_true (baton_store_move_role (f->store, reviewer, 0, NULL));
  g_assert_cmpint (baton_capacity_grid_get_row_role_id (f->grid, 0), ==, id_of (reviewer));

  g_signal_emit_by_name (baton_roles_dialog_get_delete_button (dialog, id_of (reviewer)), "clicked");
  g_assert_null (baton_roles_dialog_get_error (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The Roles dialog's toasts ----------------------------------------------------- */

static gboolean
is_shown_toast (GtkWidget     *widget,
                gconstpointer  data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget") && gtk_widget_get_mapped (widget);
}

static gboolean
is_shown_button_with_label (GtkWidget     *widget,
                            gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

typedef struct
{
  GtkWidget  *dialog;
  const char *title;
  gint64      frame;   /* when the toast was last seen at y */
  float       y;
} ToastWait;

/* A toast on show says @title (and no other toast is on show), and has
 * finished sliding in: it stayed in place over a new frame. (A toast
 * clicked while it slides in is freed too early by libadwaita 1.2, which
 * then crashes when the slide ends.) */
static gboolean
toast_says (gpointer data)
{
  ToastWait *wait = data;
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();
  graphene_rect_t bounds;
  GtkWidget *toast;
  gint64 frame;
  gboolean settled;

  baton_test_collect_widgets (wait->dialog, is_shown_toast, NULL, toasts);
  if (toasts->len != 1 ||
      baton_test_find_widget (g_ptr_array_index (toasts, 0), baton_test_widget_is_label_with_text,
                              wait->title) == NULL)
    return FALSE;

  toast = g_ptr_array_index (toasts, 0);
  if (!gtk_widget_compute_bounds (toast, wait->dialog, &bounds))
    return FALSE;
  frame = gdk_frame_clock_get_frame_counter (gtk_widget_get_frame_clock (toast));
  settled = wait->frame != 0 && frame > wait->frame && bounds.origin.y == wait->y;
  if (wait->frame == 0 || bounds.origin.y != wait->y)
    {
      wait->frame = frame;
      wait->y = bounds.origin.y;
    }
  /* A next frame comes, even once nothing moves. */
  if (!settled)
    gtk_widget_queue_draw (toast);

  return settled;
}

static GtkWidget *
wait_for_toast (GtkWidget  *dialog,
                const char *title)
{
  ToastWait wait = { dialog, title, 0, 0 };

  /* Less than a toast's timeout (5 s): a queued toast does not count. */
  g_assert_true (baton_test_wait_until (toast_says, &wait, 3000));
  return baton_test_find_widget (dialog, is_shown_toast, NULL);
}

static void
dialog_add_role (BatonRolesDialog *dialog,
                    const char       *name)
{
  gtk_editable_set_text (GTK_EDITABLE (baton_roles_dialog_get_new_row (dialog)), name);
  g_signal_emit_by_name (baton_roles_dialog_get_new_row (dialog), "entry-activated");
  g_assert_null (baton_roles_dialog_get_error (dialog));
}

static gboolean
has_role_named (BatonStore *store,
                const char *name)
{
  GListModel *roles = baton_store_get_roles (store);

  for (guint i = 0, n = g_list_model_get_n_items (roles); i < n; i++)
    if (g_str_equal (baton_role_get_name (baton_test_list_item (roles, i)), name))
      return TRUE;

  return FALSE;
}

/* One toast at a time, naming the last change; its Undo undoes exactly
 * that change, and a toast whose change is no longer on top undoes
 * nothing. (The toasts queued up, and the Undo of the one on show undid
 * the last role added, not the one it named.) */
static void
test_roles_dialog_toasts (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(State) before = NULL;
  BatonRolesDialog *dialog;
  GtkWidget *toast, *button;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.manage-roles", NULL));
  dialog = BATON_ROLES_DIALOG (baton_capacity_view_get_roles_dialog (f->view));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, dialog, 5000));

  dialog_add_role (dialog, "Reviewer");
  dialog_add_role (dialog, "Trainer");
  toast = wait_for_toast (GTK_WIDGET (dialog), "Role Trainer added");
  g_assert_cmpuint (baton_undo_toaster_get_n_toasts (baton_roles_dialog_get_toaster (dialog)), ==, 1);

  /* Its Undo takes back Trainer, and only Trainer. */
  button = baton_test_find_widget (toast, is_shown_button_with_label, "_Undo");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (has_role_named (f->store, "Trainer"));
  g_assert_true (has_role_named (f->store, "Reviewer"));
  wait_for_toast (GTK_WIDGET (dialog), "Undone: Add role");

  /* A change made elsewhere (the main window): the dialog's toast no
   * longer names the change on top, and its button undoes nothing. */
  dialog_add_role (dialog, "Editor");
  toast = wait_for_toast (GTK_WIDGET (dialog), "Role Editor added");
  button = baton_test_find_widget (toast, is_shown_button_with_label, "_Undo");
  g_assert_nonnull (button);
  g_object_ref (button);
  g_assert_true (baton_store_move_role (f->store, baton_test_list_item (baton_store_get_roles (f->store), 2), 0, NULL));
  before = state_capture (f->store);
  if (gtk_widget_get_mapped (button) && gtk_widget_get_visible (button))
    g_signal_emit_by_name (button, "clicked");
  g_object_unref (button);
  assert_state_equals (before, f->store);
  g_assert_true (has_role_named (f->store, "Editor"));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
role_abc_added (gpointer data)
{
  return has_role_named (data, "abc");
}

/* Escape closes the Roles dialog at the first press: just after a role
 * was added with Enter (a toast shows: the first Escape went to it), or
 * with the focus on a role's name being edited. */
static void
test_roles_dialog_escape (Fixture       *f,
                          gconstpointer  data)
{
  for (guint where = 0; where < 2; where++)
    {
      BatonRolesDialog *dialog;
      GtkWidget *focus;
      int x, y;

      BATON_TEST_REQUIRE_XDOTOOL (f->window);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.manage-roles", NULL));
      dialog = BATON_ROLES_DIALOG (baton_capacity_view_get_roles_dialog (f->view));
      g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
      g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, dialog, 5000));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));

      focus = where == 0 ? GTK_WIDGET (baton_roles_dialog_get_new_row (dialog))
                         : GTK_WIDGET (baton_roles_dialog_get_role_row (dialog, id_of (f->writer)));
      baton_test_screen_center (focus, &x, &y);
      /* A click into the field (the pointer stays over the dialog, so the
       * keys go to it), some typing, then Escape once. */
      g_assert_true (baton_test_xdotool ("mousemove %d %d click 1 sleep 0.2 type --delay 20 abc", x, y));
      if (where == 0)
        {
          g_assert_true (baton_test_xdotool ("key Return"));
          g_assert_true (baton_test_wait_until (role_abc_added, f->store, 3000));
        }
      g_assert_true (baton_test_xdotool ("sleep 0.2 key Escape"));
      g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &dialog, 3000));
    }
}

/* A button for an action, and (when not NULL) the string target. */
typedef struct
{
  const char *action;
  const char *target;
} ActionButton;

static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  const ActionButton *wanted = data;
  GVariant *value;

  if (!GTK_IS_BUTTON (widget) ||
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), wanted->action) != 0)
    return FALSE;

  value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return wanted->target == NULL ||
         (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
          g_strcmp0 (g_variant_get_string (value, NULL), wanted->target) == 0);
}

/* The control is there, on screen, and can be used. */
static GtkWidget *
assert_control_shown (GtkWidget  *page,
                      const char *action,
                      const char *target)
{
  ActionButton wanted = { action, target };
  GtkWidget *button = baton_test_find_widget (page, is_action_button, &wanted);

  g_assert_nonnull (button);
  gtk_test_widget_wait_for_draw (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpint (gtk_widget_get_width (button), >, 0);

  return button;
}

static void
add_role_in_dialog (GtkWidget  *dialog,
                    const char *name)
{
  AdwEntryRow *row = baton_roles_dialog_get_new_row (BATON_ROLES_DIALOG (dialog));

  gtk_editable_set_text (GTK_EDITABLE (row), name);
  g_signal_emit_by_name (row, "entry-activated");
  g_assert_null (baton_roles_dialog_get_error (BATON_ROLES_DIALOG (dialog)));
}

static void
close_dialog (GtkWidget *dialog)
{
  GtkWidget *weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak, 5000));
}

/* A first run leads the way — roles, then people, then clients, programs
 * and cards — and every control each step offers is there and works. */
static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonPersonDialog *person_dialog;
  GtkWidget *page, *button, *roles_dialog;
  BatonPerson *person;
  BatonRole *role;

  /* Nothing yet: roles first. */
  g_assert_cmpstr (baton_capacity_view_get_empty_state (f->view), ==, "no-roles");
  page = baton_capacity_view_get_empty_page (f->view);
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));
  button = assert_control_shown (page, "capacity.manage-roles", NULL);
  g_signal_emit_by_name (button, "clicked");
  roles_dialog = baton_capacity_view_get_roles_dialog (f->view);
  g_assert_nonnull (roles_dialog);
  add_role_in_dialog (roles_dialog, "Writer");
  close_dialog (roles_dialog);

  /* A role: now people. */
  g_assert_cmpstr (baton_capacity_view_get_empty_state (f->view), ==, "no-people");
  page = baton_capacity_view_get_empty_page (f->view);
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  assert_control_shown (page, "capacity.manage-roles", NULL);
  button = assert_control_shown (page, "capacity.add-person", NULL);
  g_signal_emit_by_name (button, "clicked");
  person_dialog = BATON_PERSON_DIALOG (baton_capacity_view_get_person_dialog (f->view));
  g_assert_nonnull (person_dialog);
  g_assert_cmpuint (baton_person_dialog_get_n_role_rows (person_dialog), ==, 1);
  role = baton_test_list_item (baton_store_get_roles (f->store), 0);
  gtk_editable_set_text (GTK_EDITABLE (baton_person_dialog_get_entry (person_dialog, "name")), "Ana");
  baton_person_dialog_set_role (person_dialog, id_of (role), TRUE, TRUE);
  g_assert_true (baton_person_dialog_save (person_dialog));

  /* People and no card: the grid, and a bar pointing to the clients and
   * the board. */
  g_assert_cmpstr (baton_capacity_view_get_empty_state (f->view), ==, "no-cards");
  page = baton_capacity_view_get_empty_page (f->view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (f->grid)));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, page, 5000));
  button = assert_control_shown (page, "win.show-view", "clients");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (f->views_shown->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->views_shown, 0), ==, "clients");
  button = assert_control_shown (page, "win.show-view", "board");
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (g_ptr_array_index (f->views_shown, 1), ==, "board");

  /* The first card: the way is known. */
  person = baton_test_list_item (baton_store_get_people (f->store), 0);
  f->backlog = baton_test_list_item (baton_store_get_stages (f->store), 0);
  add_task (f, f->backlog, "Storyboard", person, role, 4, "2030-01-07", "2030-01-11");
  g_assert_null (baton_capacity_view_get_empty_state (f->view));
  g_assert_null (baton_capacity_view_get_empty_page (f->view));
}

/* With no role yet, the Add Person dialog can reach the roles and lists
 * the ones added at once. */
static void
test_person_dialog_without_roles (Fixture       *f,
                                  gconstpointer  data)
{
  BatonPersonDialog *dialog;
  GtkWidget *page, *button, *roles_dialog;

  g_assert_cmpstr (baton_capacity_view_get_empty_state (f->view), ==, "no-roles");
  page = baton_capacity_view_get_empty_page (f->view);
  button = assert_control_shown (page, "capacity.add-person", NULL);
  g_signal_emit_by_name (button, "clicked");
  dialog = BATON_PERSON_DIALOG (baton_capacity_view_get_person_dialog (f->view));
  g_assert_nonnull (dialog);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, dialog, 5000));
  g_assert_cmpuint (baton_person_dialog_get_n_role_rows (dialog), ==, 0);

  button = baton_person_dialog_get_roles_button (dialog);
  g_assert_nonnull (button);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "person.manage-roles");
  g_signal_emit_by_name (button, "clicked");
  roles_dialog = baton_person_dialog_get_roles_dialog (dialog);
  g_assert_nonnull (roles_dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (roles_dialog)) == GTK_WINDOW (dialog));

  add_role_in_dialog (roles_dialog, "Writer");
  add_role_in_dialog (roles_dialog, "Designer");
  g_assert_cmpuint (baton_person_dialog_get_n_role_rows (dialog), ==, 2);

  /* Checked stays checked, renamed is renamed, as the roles change. */
  {
    BatonRole *writer = baton_test_list_item (baton_store_get_roles (f->store), 0);
    BatonRole *designer = baton_test_list_item (baton_store_get_roles (f->store), 1);
    g_autoptr(GError) error = NULL;

    baton_person_dialog_set_role (dialog, id_of (designer), TRUE, TRUE);
    g_assert_true (baton_store_update (f->store, writer, &error, "name", "Author", NULL));
    g_assert_no_error (error);
    g_assert_cmpstr (baton_person_dialog_get_role_title (dialog, id_of (writer)), ==, "Author");
    add_role_in_dialog (roles_dialog, "Reviewer");
    g_assert_cmpuint (baton_person_dialog_get_n_role_rows (dialog), ==, 3);
    close_dialog (roles_dialog);

    gtk_editable_set_text (GTK_EDITABLE (baton_person_dialog_get_entry (dialog, "name")), "Eve");
    g_assert_true (baton_person_dialog_save (dialog));
    g_assert_cmpint (baton_store_get_primary_role_id (f->store, baton_test_list_item (baton_store_get_people (f->store), 0)),
                     ==, id_of (designer));
  }

  /* The person is saved: a person dialog again, its button now edits
   * the roles. */
  dialog = open_person_dialog (f, NULL);
  button = baton_person_dialog_get_roles_button (dialog);
  g_assert_nonnull (button);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, button, 5000));
  g_assert_cmpuint (baton_person_dialog_get_n_role_rows (dialog), ==, 3);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Autoscroll ---------------------------------------------------------------------- */

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

static gboolean
window_is_small (gpointer data)
{
  return gtk_widget_get_width (data) <= 600 && gtk_widget_get_height (data) <= 400;
}

/* A drag held near the right and the bottom of a small grid scrolls it
 * both ways, and stops when it leaves. */
static void
test_autoscroll (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *grid = GTK_WIDGET (f->grid);
  Scrolled across, down;
  double h, v;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 560, 360);
  g_assert_true (baton_test_wait_until (window_is_small, f->window, 5000));
  gtk_test_widget_wait_for_draw (grid);

  across.adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (grid));
  down.adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));
  across.from = gtk_adjustment_get_value (across.adjustment);
  down.from = gtk_adjustment_get_value (down.adjustment);
  baton_capacity_grid_autoscroll (f->grid, gtk_widget_get_width (grid) - 4, gtk_widget_get_height (grid) - 4);
  g_assert_true (baton_test_wait_until (has_scrolled, &across, 5000));
  g_assert_true (baton_test_wait_until (has_scrolled, &down, 5000));

  baton_capacity_grid_autoscroll (f->grid, -1, -1);
  gtk_test_widget_wait_for_draw (grid);
  h = gtk_adjustment_get_value (across.adjustment);
  v = gtk_adjustment_get_value (down.adjustment);
  for (guint i = 0; i < 3; i++)
    gtk_test_widget_wait_for_draw (grid);
  g_assert_cmpfloat (gtk_adjustment_get_value (across.adjustment), ==, h);
  g_assert_cmpfloat (gtk_adjustment_get_value (down.adjustment), ==, v);
}

/* A real drag --------------------------------------------------------------------- */

/* The centre of a cell on the screen (root window coordinates). */
static void
cell_screen_point (Fixture *f,
                   Cell     cell,
                   int     *sx,
                   int     *sy)
{
  double x, y;

  g_assert_true (baton_capacity_view_get_cell_point (f->view, cell.person_id, cell.role_id, cell.week, &x, &y));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->grid));
  baton_test_screen_point (GTK_WIDGET (f->grid), x, y, sx, sy);
}

static gboolean
controller_has_pointer (gpointer data)
{
  return gtk_event_controller_motion_contains_pointer (data);
}

/* The real pointer: onto (@from_x, @from_y) over @widget — and @widget
 * knows it is there —, press, and move in steps to (@to_x, @to_y), button
 * still down. */
static void
press_and_move (GtkWidget *widget,
                int        from_x,
                int        from_y,
                int        to_x,
                int        to_y)
{
  g_autoptr(GString) command = g_string_new (NULL);
  GtkEventController *motion = gtk_event_controller_motion_new ();

  /* A test that failed mid-drag may have left the button down. */
  g_assert_true (baton_test_xdotool ("mouseup 1"));

  gtk_widget_add_controller (widget, motion);
  g_assert_true (baton_test_xdotool ("mousemove %d %d", from_x, from_y));
  g_assert_true (baton_test_wait_until (controller_has_pointer, motion, 5000));
  gtk_widget_remove_controller (widget, motion);

  g_string_append (command, "mousedown 1");
  for (int step = 1; step <= 10; step++)
    g_string_append_printf (command, " sleep 0.05 mousemove %d %d",
                            from_x + (to_x - from_x) * step / 10, from_y + (to_y - from_y) * step / 10);
  g_assert_true (baton_test_xdotool ("%s", command->str));
}

/* The drop target shows both previews and the chip is under the pointer. */
static gboolean
drag_is_hovering (gpointer data)
{
  Fixture *f = data;

  return baton_capacity_grid_get_preview_text (f->grid, NULL, NULL) != NULL &&
         baton_capacity_grid_get_source_preview_text (f->grid, NULL, NULL) != NULL &&
         baton_capacity_view_get_drag_icon (f->view, NULL) != NULL;
}

static gboolean
drag_is_over (gpointer data)
{
  Fixture *f = data;

  return baton_capacity_view_get_drag_icon (f->view, NULL) == NULL &&
         baton_capacity_grid_get_preview_text (f->grid, NULL, NULL) == NULL;
}

typedef struct
{
  BatonTask   *task;
  BatonPerson *person;
  const char  *start_date;
} Landing;

static gboolean
task_has_landed (gpointer data)
{
  Landing *landing = data;

  return baton_task_get_assignee_id (landing->task) == id_of (landing->person) &&
         g_strcmp0 (baton_task_get_start_date (landing->task), landing->start_date) == 0;
}

static gboolean
rects_overlap (const GdkRectangle *a,
               const GdkRectangle *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Mid-drag: a chip of the task under the pointer, off the target and the
 * source cells, whose previews both show. */
static void
assert_chip_leaves_previews_readable (Fixture    *f,
                                      Cell        from,
                                      Cell        to,
                                      const char *title,
                                      const char *hours)
{
  GdkRectangle icon, target, source;
  GtkWidget *chip = baton_capacity_view_get_drag_icon (f->view, &icon);
  gint from_row = baton_capacity_grid_find_person_row (f->grid, from.person_id);
  gint to_row = baton_capacity_grid_find_person_row (f->grid, to.person_id);
  const char *shots = g_getenv ("BATON_TEST_SCREENSHOTS");

  g_assert_nonnull (chip);
  g_assert_true (BATON_IS_TASK_CHIP (chip));
  g_assert_cmpstr (baton_task_chip_get_title (BATON_TASK_CHIP (chip)), ==, title);
  g_assert_cmpstr (baton_task_chip_get_hours (BATON_TASK_CHIP (chip)), ==, hours);
  g_assert_true (gtk_widget_get_mapped (chip));

  g_assert_cmpint (icon.width, >, 0);
  g_assert_cmpint (icon.height, >, 0);
  g_assert_true (baton_capacity_grid_get_cell_rect (f->grid, (guint) to_row, to.week, &target));
  g_assert_true (baton_capacity_grid_get_cell_rect (f->grid, (guint) from_row, from.week, &source));
  g_assert_false (rects_overlap (&icon, &target));
  g_assert_false (rects_overlap (&icon, &source));

  /* To look at it: BATON_TEST_SCREENSHOTS=DIR keeps a PNG of the screen. */
  if (shots != NULL)
    {
      g_autofree char *file = g_build_filename (shots, "capacity-drag.png", NULL);
      const char *argv[] = { "/usr/bin/import", "-window", "root", file, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                    NULL, NULL, NULL, NULL, NULL, NULL);
      g_debug ("mid-drag screenshot: %s", file);
    }
}

/* Ana's largest task, dragged with the real pointer onto Dana a week
 * later: both previews and the chip show on the way, it lands on that
 * person and week, and one Undo restores everything. */
typedef struct
{
  Fixture *f;
  Cell     cell;
} FocusWait;

/* The keyboard focus is on the grid, on @cell. */
static gboolean
focus_is_on_cell (gpointer data)
{
  FocusWait *wait = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (wait->f->window));
  gint row = wait->cell.person_id != 0
               ? baton_capacity_grid_find_person_row (wait->f->grid, wait->cell.person_id)
               : baton_capacity_grid_find_unassigned_row (wait->f->grid, wait->cell.role_id);
  guint focus_row;
  gint focus_week;

  return focus != NULL && (focus == GTK_WIDGET (wait->f->grid) || gtk_widget_is_ancestor (focus, GTK_WIDGET (wait->f->grid))) &&
         baton_capacity_grid_get_focus_cell (wait->f->grid, &focus_row, &focus_week) &&
         (gint) focus_row == row && focus_week == wait->cell.week;
}

static void
assert_focus_on_cell (Fixture *f,
                      Cell     cell)
{
  FocusWait wait = { f, cell };

  if (!baton_test_wait_until (focus_is_on_cell, &wait, 3000))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

      g_test_message ("focus on %s", focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
      g_assert_true (focus_is_on_cell (&wait));
    }
}

static void
test_real_drag (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(State) before = NULL;
  Cell from = person_cell (f->ana, 0), to = person_cell (f->dana, 1);
  Landing landing = { f->storyboard, f->dana, "2030-01-14" };
  int from_x, from_y, to_x, to_y;

  BATON_TEST_REQUIRE_XDOTOOL (f->grid);

  before = state_capture (f->store);
  cell_screen_point (f, to, &to_x, &to_y);
  cell_screen_point (f, from, &from_x, &from_y);

  press_and_move (GTK_WIDGET (f->grid), from_x, from_y, to_x, to_y);
  g_assert_true (baton_test_wait_until (drag_is_hovering, f, 5000));
  g_assert_cmpstr (baton_capacity_grid_get_preview_text (f->grid, NULL, NULL), ==, "0 → 30 h");
  g_assert_cmpstr (baton_capacity_grid_get_source_preview_text (f->grid, NULL, NULL), ==, "46 → 16 h");
  assert_chip_leaves_previews_readable (f, from, to, "Storyboard", "30 h");

  g_assert_true (baton_test_xdotool ("mouseup 1"));
  g_assert_true (baton_test_wait_until (task_has_landed, &landing, 5000));
  g_assert_true (baton_test_wait_until (drag_is_over, f, 5000));

  /* On Dana, a week later, as one change. */
  g_assert_cmpstr (baton_task_get_due_date (f->storyboard), ==, "2030-01-18");
  assert_cell (f, f->ana, 0, 16, 40);
  assert_cell (f, f->dana, 1, 30, 32);
  g_assert_cmpstr (last_toast (f), ==, "“Storyboard” reassigned to Dana and moved 1 week later");
  /* The keyboard goes on from the cell the task went to… */
  assert_focus_on_cell (f, to);

  g_assert_true (baton_store_undo (f->store, NULL));
  assert_data_equals (before, f->store);
  assert_cell (f, f->ana, 0, 46, 40);
  assert_cell (f, f->dana, 1, 0, 32);
  /* …and after Undo from the cell it came back to; after Redo, there again. */
  assert_focus_on_cell (f, from);
  g_assert_true (baton_store_redo (f->store, NULL));
  assert_focus_on_cell (f, to);
}

/* Escape during a real drag cancels it: mouse down, moves, Escape, mouse
 * up, and nothing has changed. */
static void
test_real_drag_escape (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(State) before = NULL;
  Cell from = person_cell (f->ana, 0), to = person_cell (f->dana, 0);
  BatonCellPopover *popover;
  guint n_toasts = f->toasts->len;
  int from_x, from_y, to_x, to_y;

  BATON_TEST_REQUIRE_XDOTOOL (f->grid);

  before = state_capture (f->store);
  cell_screen_point (f, to, &to_x, &to_y);
  cell_screen_point (f, from, &from_x, &from_y);

  press_and_move (GTK_WIDGET (f->grid), from_x, from_y, to_x, to_y);
  g_assert_true (baton_test_wait_until (drag_is_hovering, f, 5000));

  g_assert_true (baton_test_xdotool ("key Escape"));
  g_assert_true (baton_test_wait_until (drag_is_over, f, 5000));
  g_assert_true (baton_test_xdotool ("mouseup 1"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->grid));

  assert_state_equals (before, f->store);
  g_assert_cmpuint (f->toasts->len, ==, n_toasts);
  g_assert_null (baton_capacity_grid_get_source_preview_text (f->grid, NULL, NULL));
  /* The release was not taken for a click on the cell either. */
  popover = baton_capacity_view_get_cell_popover (f->view);
  g_assert_true (popover == NULL || !gtk_widget_get_visible (GTK_WIDGET (popover)));
}

static void
test_real_drag_from_popover (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(State) before = NULL;
  BatonCellPopover *popover;
  GtkWidget *row;
  Landing landing = { f->script, f->dana, NULL };
  int from_x, from_y, to_x, to_y;
  gint ana_row;

  BATON_TEST_REQUIRE_XDOTOOL (f->grid);

  before = state_capture (f->store);

  /* Dana's week 0, where the task will land, before the popover covers it. */
  cell_screen_point (f, person_cell (f->dana, 0), &to_x, &to_y);

  /* Open Ana's week 0 and drag its second task by its handle. */
  ana_row = baton_capacity_grid_find_person_row (f->grid, id_of (f->ana));
  g_signal_emit_by_name (f->grid, "cell-activated", (guint) ana_row, 0);
  popover = baton_capacity_view_get_cell_popover (f->view);
  g_assert_nonnull (popover);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, popover, 5000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (popover));
  g_assert_true (baton_cell_popover_get_task (popover, 1) == f->script);
  row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (baton_cell_popover_get_drag_source (popover, 1)));
  baton_test_screen_point (row, 16, gtk_widget_get_height (row) / 2.0, &from_x, &from_y);

  press_and_move (row, from_x, from_y, to_x, to_y);
  g_assert_true (baton_test_wait_until (drag_is_hovering, f, 5000));
  g_assert_cmpstr (baton_capacity_grid_get_preview_text (f->grid, NULL, NULL), ==, "6 → 22 h");
  g_assert_cmpstr (baton_capacity_grid_get_source_preview_text (f->grid, NULL, NULL), ==, "46 → 30 h");
  assert_chip_leaves_previews_readable (f, person_cell (f->ana, 0), person_cell (f->dana, 0), "Script", "16 h");

  g_assert_true (baton_test_xdotool ("mouseup 1"));
  g_assert_true (baton_test_wait_until (task_has_landed, &landing, 5000));
  g_assert_true (baton_test_wait_until (drag_is_over, f, 5000));

  g_assert_cmpstr (baton_task_get_due_date (f->script), ==, "2030-01-11");
  assert_cell (f, f->ana, 0, 30, 40);
  assert_cell (f, f->dana, 0, 22, 32);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  g_assert_true (baton_store_undo (f->store, NULL));
  assert_data_equals (before, f->store);
}

/* The drag has let the pointer go. */
static gboolean
pointer_is_free (gpointer data)
{
  GdkDisplay *display = data;

  return !gdk_display_device_is_grabbed (display, gdk_seat_get_pointer (gdk_display_get_default_seat (display)));
}

/* The window closes (Ctrl+W) while a real drag of one of its tasks is
 * under way, from a cell or from a cell's popover: the drag outlives the
 * view, which lets go of it (its drag and chip), and the drag's end must
 * not reach into the freed view. */
static void
drag_while_window_closes (Fixture  *f,
                          gboolean  from_popover)
{
  g_autoptr(State) before = NULL;
  BatonCapacityView *view;
  GtkWidget *pressed;
  int from_x, from_y, to_x, to_y;

  BATON_TEST_REQUIRE_XDOTOOL (f->grid);

  before = state_capture (f->store);
  cell_screen_point (f, person_cell (f->dana, 1), &to_x, &to_y);
  if (from_popover)
    {
      BatonCellPopover *popover;
      gint ana_row = baton_capacity_grid_find_person_row (f->grid, id_of (f->ana));

      g_signal_emit_by_name (f->grid, "cell-activated", (guint) ana_row, 0);
      popover = baton_capacity_view_get_cell_popover (f->view);
      g_assert_nonnull (popover);
      g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, popover, 5000));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (popover));
      pressed = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (baton_cell_popover_get_drag_source (popover, 0)));
      baton_test_screen_point (pressed, 16, gtk_widget_get_height (pressed) / 2.0, &from_x, &from_y);
    }
  else
    {
      pressed = GTK_WIDGET (f->grid);
      cell_screen_point (f, person_cell (f->ana, 0), &from_x, &from_y);
    }

  press_and_move (pressed, from_x, from_y, to_x, to_y);
  g_assert_true (baton_test_wait_until (drag_is_hovering, f, 5000));
  g_assert_false (pointer_is_free (gdk_display_get_default ()));

  /* The window goes, and then its view: disposed, it keeps nothing of the
   * drag (whose end would write into it), then freed. */
  view = g_object_ref (f->view);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_object_run_dispose (G_OBJECT (view));
  g_assert_null (baton_capacity_view_get_drag_icon (view, NULL));
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  g_object_unref (view);
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &view, 5000));

  /* The drag moves on, to where no window is now, and ends. */
  g_assert_true (baton_test_xdotool ("mousemove %d %d sleep 0.1 mousemove %d %d",
                                     to_x + 20, to_y + 20, to_x + 40, to_y + 40));
  g_assert_true (baton_test_xdotool ("mouseup 1"));
  g_assert_true (baton_test_wait_until (pointer_is_free, gdk_display_get_default (), 5000));
  baton_test_drain ();
  assert_state_equals (before, f->store);

  /* A window and a view again, for the fixture to take down. */
  open_window (f);
}

static void
test_real_drag_window_closed (Fixture       *f,
                              gconstpointer  data)
{
  drag_while_window_closes (f, FALSE);
}

static void
test_real_drag_popover_window_closed (Fixture       *f,
                                      gconstpointer  data)
{
  drag_while_window_closes (f, TRUE);
}

/* One update_actions () enables the view's actions from the state: with
 * nobody left on the team, no task can be offered to, given to or taken
 * from a person; the people come back, so do the actions. */
static void
test_actions_follow_state (Fixture       *f,
                           gconstpointer  data)
{
  BatonPerson *people[] = { f->ana, f->ben, f->cleo, f->dana };
  GtkWidget *dialog;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.archive-person", "x",
                                               id_of (people[i])));
  g_assert_true (baton_person_get_archived (f->dana));

  /* Disabled: activating them does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (f->view), "task.who-has-room", "x", id_of (f->storyboard));
  g_assert_null (baton_capacity_view_get_room_dialog (f->view));
  gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.edit-person", "x", id_of (f->ana));
  g_assert_null (baton_capacity_view_get_person_dialog (f->view));

  /* Still enabled: adding people, and the archived list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.show-archived-people", NULL));
  dialog = baton_capacity_view_get_archived_dialog (f->view);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Someone is back: the actions are too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.restore-person", "x", id_of (f->ana)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "task.who-has-room", "x",
                                             id_of (f->storyboard)));
  dialog = baton_capacity_view_get_room_dialog (f->view);
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Rebalance: the panel proposes moves for the weeks shown, the grid
 * previews them ("46 → 30 h"), unticking a move takes it out of the
 * preview, Apply is one undoable change with a toast, Escape closes. */
static gboolean
any_planned_cell (Fixture *f)
{
  BatonGridCellInfo info;
  gint row = baton_capacity_grid_find_person_row (f->grid, id_of (f->ana));

  baton_capacity_grid_get_cell_info (f->grid, (guint) row, 0, &info);
  return info.planned;
}

static void
test_rebalance (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonRebalancePanel *panel;
  BatonRebalancePlan *plan;
  BatonGridCellInfo info;
  gint ana_row = baton_capacity_grid_find_person_row (f->grid, id_of (f->ana));
  guint n_moves;

  /* Ana is over in week 0: 30 + 16 of 40 h. */
  baton_capacity_grid_get_cell_info (f->grid, (guint) ana_row, 0, &info);
  g_assert_cmpint (info.level, ==, BATON_LOAD_OVER);
  g_assert_false (info.planned);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.rebalance", NULL));
  g_assert_true (gtk_revealer_get_reveal_child (f->view->rebalance_revealer));
  panel = BATON_REBALANCE_PANEL (f->view->rebalance_panel);
  plan = baton_rebalance_panel_get_plan (panel);
  g_assert_nonnull (plan);
  n_moves = plan->moves->len;
  g_assert_cmpuint (n_moves, >, 0);

  /* The grid shows the result on Ana's cell. */
  baton_capacity_grid_get_cell_info (f->grid, (guint) ana_row, 0, &info);
  g_assert_true (info.planned);
  g_assert_nonnull (strstr (info.text, " → "));
  g_assert_cmpfloat (info.planned_load, <=, info.capacity);

  /* Nothing ticked: no preview, and Apply does nothing. */
  for (guint i = 0; i < n_moves; i++)
    baton_rebalance_panel_set_chosen (panel, i, FALSE);
  g_assert_false (any_planned_cell (f));
  g_assert_null (baton_rebalance_panel_get_preview (panel));
  gtk_widget_activate_action (GTK_WIDGET (panel), "rebalance.apply", NULL);
  g_assert_true (gtk_revealer_get_reveal_child (f->view->rebalance_revealer));

  /* Everything ticked again, applied: one change, with a toast. */
  for (guint i = 0; i < n_moves; i++)
    baton_rebalance_panel_set_chosen (panel, i, TRUE);
  g_assert_true (any_planned_cell (f));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "rebalance.apply", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (f->view->rebalance_revealer));
  g_assert_false (any_planned_cell (f));
  g_assert_nonnull (last_toast (f));
  g_assert_true (g_str_has_prefix (last_toast (f), "Applied "));
  baton_workload_update (f->view->workload);
  baton_capacity_grid_get_cell_info (f->grid, (guint) ana_row, 0, &info);
  g_assert_cmpint (info.level, !=, BATON_LOAD_OVER);

  /* One undo takes it all back. */
  g_assert_true (baton_store_undo (f->store, &error));
  g_assert_no_error (error);
  baton_workload_update (f->view->workload);
  baton_capacity_grid_get_cell_info (f->grid, (guint) ana_row, 0, &info);
  g_assert_cmpint (info.level, ==, BATON_LOAD_OVER);

  /* Escape closes the panel and its preview. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.rebalance-person", "x", id_of (f->ana)));
  g_assert_true (any_planned_cell (f));
  g_assert_true (gtk_widget_activate_action (f->view->rebalance_panel, "rebalance.close", NULL));
  g_assert_false (gtk_revealer_get_reveal_child (f->view->rebalance_revealer));
  g_assert_false (any_planned_cell (f));
}

static gboolean
is_rebalance_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "capacity.rebalance-person") == 0;
}

/* An over-capacity cell's popover offers Rebalance… for its person; an
 * ordinary one does not. (Two cases: each opens the popover once.) */
static void
test_rebalance_popover (Fixture       *f,
                        gconstpointer  data)
{
  gboolean over = !g_str_has_suffix (g_test_get_path (), "/not-over");
  BatonPerson *person = over ? f->ana : f->cleo;
  gint row = baton_capacity_grid_find_person_row (f->grid, id_of (person));
  BatonCellPopover *popover;
  GtkWidget *button;

  g_signal_emit_by_name (f->grid, "cell-activated", (guint) row, 0);
  popover = baton_capacity_view_get_cell_popover (f->view);
  button = baton_test_find_widget (GTK_WIDGET (popover), is_rebalance_button, NULL);
  g_assert_nonnull (button);
  g_assert_cmpint (gtk_widget_get_visible (button), ==, over);
  if (over)
    {
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

      g_assert_cmpint (g_variant_get_int64 (target), ==, id_of (f->ana));
      /* It opens the panel for Ana. */
      g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, button, 5000));
      g_signal_emit_by_name (button, "clicked");
      g_assert_true (gtk_revealer_get_reveal_child (f->view->rebalance_revealer));
    }
}

/* A move that makes room for another goes with it in the panel:
 * unticking it unticks the other, ticking the other ticks it again. */
static void
test_rebalance_linked (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonDemoSize size = { 2, 4, 12, 300, 0, 7, 0 };
  BatonCapacitySettings settings;
  BatonRebalancePanel *panel;
  BatonRebalancePlan *plan;
  gint needing = -1;
  guint needed;

  size.today = f->week0;
  g_assert_true (baton_demo_generate (f->store, &size, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "capacity.rebalance", NULL));
  panel = BATON_REBALANCE_PANEL (f->view->rebalance_panel);
  baton_capacity_settings_init_default (&settings);
  baton_rebalance_panel_propose (panel, &settings, f->week0, 8, 0);
  plan = baton_rebalance_panel_get_plan (panel);
  for (guint i = 0; i < plan->moves->len && needing < 0; i++)
    if (((BatonRebalanceMove *) g_ptr_array_index (plan->moves, i))->n_needs > 0)
      needing = i;
  g_assert_cmpint (needing, >=, 0);
  needed = ((BatonRebalanceMove *) g_ptr_array_index (plan->moves, needing))->needs[0];

  g_assert_true (baton_rebalance_panel_get_chosen (panel, needing));
  baton_rebalance_panel_set_chosen (panel, needed, FALSE);
  g_assert_false (baton_rebalance_panel_get_chosen (panel, needing));
  baton_rebalance_panel_set_chosen (panel, needing, TRUE);
  g_assert_true (baton_rebalance_panel_get_chosen (panel, needed));
}

/* Without a display no fixture or test body runs: each case reports that
 * it cannot run (a skip here, a failure in CI). */
static void
cannot_run (gconstpointer data)
{
  baton_test_missing_requirement ("no display (run the UI tests under Xvfb: build-aux/dev test)");
}

static void
add_test (const char *path,
          gconstpointer data,
          void (*test) (Fixture *, gconstpointer))
{
  if (have_display)
    g_test_add (path, Fixture, data, fixture_set_up, test, fixture_tear_down);
  else
    g_test_add_data_func (path, NULL, cannot_run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    {
      g_autoptr(GSettings) settings = NULL;

      adw_init ();
      baton_test_load_stylesheet ();
      settings = g_settings_new (APP_ID);
      g_settings_set_int (settings, "weeks-shown", 4);
    }

  add_test ("/capacity-view/cells-match-matrix", NULL, test_cells_match_matrix);
  add_test ("/capacity-view/secondary-roles", NULL, test_secondary_roles);
  add_test ("/capacity-view/time-off-lowers-capacity", NULL, test_time_off_lowers_capacity);
  add_test ("/capacity-view/decimal-comma", NULL, test_decimal_comma);
  add_test ("/capacity-view/drop/reassign", NULL, test_drop_reassigns);
  add_test ("/capacity-view/drop/reschedule", NULL, test_drop_reschedules);
  add_test ("/capacity-view/drop/reassign-and-reschedule", NULL, test_drop_reassigns_and_reschedules);
  add_test ("/capacity-view/drop/from-unassigned", NULL, test_drop_from_unassigned);
  add_test ("/capacity-view/drop/refused", NULL, test_drop_refused);
  add_test ("/capacity-view/popover", NULL, test_popover);
  add_test ("/capacity-view/keyboard-actions", NULL, test_keyboard_actions);
  add_test ("/capacity-view/task-actions", NULL, test_task_actions);
  add_test ("/capacity-view/navigation", NULL, test_navigation);
  add_test ("/capacity-view/who-has-room", NULL, test_who_has_room);
  add_test ("/capacity-view/person-dialog/rejects-bad-input", NULL, test_person_dialog_rejects_bad_input);
  add_test ("/capacity-view/person-dialog/adds", NULL, test_person_dialog_adds);
  add_test ("/capacity-view/person-dialog/edits", NULL, test_person_dialog_edits);
  add_test ("/capacity-view/person-dialog/time-off-calendar", NULL, test_person_dialog_time_off_calendar);
  add_test ("/capacity-view/restore-person", NULL, test_restore_person);
  add_test ("/capacity-view/roles-dialog", NULL, test_roles_dialog);
  add_test ("/capacity-view/roles-dialog/toasts", NULL, test_roles_dialog_toasts);
  add_test ("/capacity-view/roles-dialog/escape", NULL, test_roles_dialog_escape);
  add_test ("/capacity-view/empty-state/first-run", GINT_TO_POINTER (1), test_empty_state);
  add_test ("/capacity-view/empty-state/person-dialog-reaches-roles", GINT_TO_POINTER (1),
            test_person_dialog_without_roles);
  add_test ("/capacity-view/actions-follow-state", NULL, test_actions_follow_state);
  add_test ("/capacity-view/autoscroll", NULL, test_autoscroll);
  add_test ("/capacity-view/real-drag/cell", NULL, test_real_drag);
  add_test ("/capacity-view/real-drag/popover", NULL, test_real_drag_from_popover);
  add_test ("/capacity-view/real-drag/escape-cancels", NULL, test_real_drag_escape);
  add_test ("/capacity-view/real-drag/window-closed", NULL, test_real_drag_window_closed);
  add_test ("/capacity-view/real-drag/window-closed-popover", NULL, test_real_drag_popover_window_closed);
  add_test ("/capacity-view/rebalance/panel", NULL, test_rebalance);
  add_test ("/capacity-view/rebalance/popover/over", NULL, test_rebalance_popover);
  add_test ("/capacity-view/rebalance/popover/not-over", NULL, test_rebalance_popover);
  add_test ("/capacity-view/rebalance/linked", GINT_TO_POINTER (1), test_rebalance_linked);

  return g_test_run ();
}
