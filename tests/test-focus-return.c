/* test-focus-return.c — the focus comes back where the person was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window with the demo workspace, driven with real keys
 * (xdotool under Xvfb). Each case puts the focus on a widget, opens a
 * dialog, a window or a popover from it the way a person does (a key, or
 * an item of a menu), closes it with Escape, and asserts that the main
 * window's focus is back on the widget that opened it — or on the card
 * or the cell the dialog was about — not in the header bar, nor nowhere.
 */

#define G_LOG_DOMAIN "test-focus-return"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "baton-application.h"
#include "baton-board-card.h"
#include "baton-board-view.h"
#include "baton-capacity-grid-cell.h"
#include "baton-capacity-grid-private.h"
#include "baton-capacity-view.h"
#include "baton-clients-view.h"
#include "baton-demo.h"
#include "baton-store.h"
#include "baton-window.h"
#include "baton-test-util.h"
#include "baton-ui-test-util.h"

static BatonApplication *app;   /* NULL without a display */

typedef struct
{
  BatonStore  *store;
  BatonWindow *window;
} Fixture;

#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { if (app == NULL) { baton_test_missing_requirement ("no display"); return; } } G_STMT_END

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonDemoSize size;

  if (app == NULL)
    return;

  f->store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  baton_demo_size_init_default (&size);
  g_assert_true (baton_demo_generate (f->store, &size, &error));
  g_assert_no_error (error);

  f->window = BATON_WINDOW (baton_window_new (GTK_APPLICATION (app), f->store));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 720);
  baton_test_show_window (GTK_WINDOW (f->window));
  baton_test_run_for (300);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (app == NULL)
    return;

  /* Whatever a failed case left open goes with the window. */
  for (guint i = g_list_model_get_n_items (gtk_window_get_toplevels ()); i > 0; i--)
    {
      g_autoptr(GtkWindow) other = g_list_model_get_item (gtk_window_get_toplevels (), i - 1);

      if (other != GTK_WINDOW (f->window))
        gtk_window_destroy (other);
    }
  baton_test_destroy_window (GTK_WINDOW (g_steal_pointer (&f->window)));
  baton_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&f->store));
}

static void
show_view (Fixture    *f,
           const char *view)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", view));
  baton_test_run_for (300);
}

/* What is open ------------------------------------------------------------------ */

/* A window other than the main one, shown. */
static GtkWindow *
find_other_window (Fixture *f)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != GTK_WINDOW (f->window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
is_open_popover (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_POPOVER (widget) && gtk_widget_get_mapped (widget);
}

/* A popover of the main window, shown (every popover of the window is
 * a widget inside it, so the walk finds them). */
static GtkWidget *
find_open_popover (Fixture *f)
{
  return baton_test_find_widget (GTK_WIDGET (f->window), is_open_popover, NULL);
}

static gboolean
is_revealed_panel (GtkWidget     *widget,
                   gconstpointer  data)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, g_type_from_name ("BatonRebalancePanel")) &&
         GTK_IS_REVEALER (parent) && gtk_revealer_get_reveal_child (GTK_REVEALER (parent));
}

static gboolean
something_open (gpointer data)
{
  Fixture *f = data;

  return find_other_window (f) != NULL || find_open_popover (f) != NULL ||
         baton_test_find_widget (GTK_WIDGET (f->window), is_revealed_panel, NULL) != NULL;
}

static gboolean
nothing_open (gpointer data)
{
  return !something_open (data);
}

static const char *
describe (GtkWidget *widget)
{
  static char text[256];
  g_autofree char *label = NULL;

  if (widget == NULL)
    return "nothing";

  label = baton_test_accessible_label (widget);
  if ((label == NULL || label[0] == '\0') && GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    { g_free (label); label = g_strdup (gtk_button_get_label (GTK_BUTTON (widget))); }
  g_snprintf (text, sizeof text, "%s “%s” in %s", G_OBJECT_TYPE_NAME (widget), label ? label : "",
              gtk_widget_get_parent (widget) ? G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)) : "nothing");

  return text;
}

/* Does the main window's focus satisfy the case? */
typedef gboolean (*FocusCheck) (Fixture *f, GtkWidget *focus, gpointer data);

typedef struct
{
  Fixture    *f;
  FocusCheck  check;
  gpointer    data;
} FocusWait;

static gboolean
focus_is_back (gpointer data)
{
  FocusWait *wait = data;

  return wait->check (wait->f, gtk_window_get_focus (GTK_WINDOW (wait->f->window)), wait->data);
}

static gboolean
focus_is_widget (Fixture   *f,
                 GtkWidget *focus,
                 gpointer   data)
{
  return focus == data;
}

/* Opens something with @open_keys (xdotool key names) from where the focus
 * is (NULL: it is open already), then closes it with @close_keys, and asserts that @check holds of
 * the main window's focus afterwards. */
static void
open_and_close (Fixture    *f,
                const char *what,
                const char *open_keys,
                const char *close_keys,
                FocusCheck  check,
                gpointer    data)
{
  FocusWait wait = { f, check, data };
  GtkWindow *other;

  if (open_keys != NULL)
    {
      g_assert_true (baton_test_xdotool_focus_window (GTK_WINDOW (f->window)));
      g_assert_true (baton_test_xdotool ("key %s", open_keys));
    }
  else
    open_keys = "its action";
  if (!baton_test_wait_until (something_open, f, 5000))
    g_error ("%s: %s opened nothing", what, open_keys);
  baton_test_run_for (200);

  /* A dialog must have the keyboard, so Escape reaches it. */
  other = find_other_window (f);
  if (other != NULL)
    g_debug ("%s: %s opened %s", what, open_keys, G_OBJECT_TYPE_NAME (other));
  else if (find_open_popover (f) != NULL)
    g_debug ("%s: %s opened %s", what, open_keys, G_OBJECT_TYPE_NAME (find_open_popover (f)));
  else
    g_debug ("%s: %s opened the rebalance panel, the focus on %s", what, open_keys,
             describe (gtk_window_get_focus (GTK_WINDOW (f->window))));

  g_assert_true (baton_test_xdotool ("key %s", close_keys));
  if (!baton_test_wait_until (nothing_open, f, 5000))
    g_error ("%s: %s closed nothing", what, close_keys);

  if (!baton_test_wait_until (focus_is_back, &wait, 3000))
    g_error ("%s: after %s, then %s, the focus is on %s", what, open_keys, close_keys,
             describe (gtk_window_get_focus (GTK_WINDOW (f->window))));
}

/* Board ---------------------------------------------------------------------------- */

static gboolean
focus_on_card_of (Fixture   *f,
                  GtkWidget *focus,
                  gpointer   data)
{
  return BATON_IS_BOARD_CARD (focus) && baton_board_card_get_task (BATON_BOARD_CARD (focus)) == data;
}

static GtkWidget *
focus_first_card (Fixture    *f,
                  BatonTask **task)
{
  BatonBoardView *board;
  GtkWidget *card;

  show_view (f, "board");
  board = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_BOARD_VIEW);
  card = baton_test_find_descendant (GTK_WIDGET (board), BATON_TYPE_BOARD_CARD);
  g_assert_nonnull (card);
  *task = baton_board_card_get_task (BATON_BOARD_CARD (card));
  g_assert_true (gtk_widget_grab_focus (card));

  return card;
}

static void
test_board (Fixture       *f,
            gconstpointer  data)
{
  BatonTask *task;

  SKIP_WITHOUT_DISPLAY ();
  BATON_TEST_REQUIRE_XDOTOOL (f->window);

  focus_first_card (f, &task);
  open_and_close (f, "card menu", "shift+F10", "Escape", focus_on_card_of, task);
  open_and_close (f, "card editor", "Return", "Escape", focus_on_card_of, task);
  open_and_close (f, "card menu: Open", "shift+F10 Return", "Escape", focus_on_card_of, task);
  open_and_close (f, "card menu: Who Has Room?", "shift+F10 Up Up Up Return", "Escape", focus_on_card_of, task);
  open_and_close (f, "new card", "ctrl+n", "Escape", focus_on_card_of, task);
}

/* Capacity ------------------------------------------------------------------------- */

typedef struct
{
  BatonCapacityGrid *grid;
  gint               row;
  gint               week;
} CellWait;

/* The focus on the grid's cell at the row and week it had. */
static gboolean
focus_on_cell (Fixture   *f,
               GtkWidget *focus,
               gpointer   data)
{
  CellWait *cell = data;

  return focus != NULL && (focus == GTK_WIDGET (cell->grid) || gtk_widget_is_ancestor (focus, GTK_WIDGET (cell->grid))) &&
         cell->grid->focus_row == cell->row && cell->grid->focus_week == cell->week;
}

static gboolean
has_cell_focus (gpointer data)
{
  BatonCapacityGrid *grid = data;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (grid)));

  return BATON_IS_CAPACITY_GRID_CELL (focus) && gtk_widget_is_ancestor (focus, GTK_WIDGET (grid)) &&
         grid->focus_row >= 0;
}

static guint
first_person_row (BatonCapacityGrid *grid)
{
  const BatonGridLayout *layout = _baton_capacity_grid_get_layout (grid);

  for (guint i = 0; i < layout->rows->len; i++)
    if (baton_grid_layout_get_row (layout, i)->kind == BATON_GRID_ROW_PERSON)
      return i;

  g_assert_not_reached ();
  return 0;
}


static gboolean
is_shown_button_for (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_ACTIONABLE (widget) && GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0 &&
         gtk_widget_is_drawable (widget) && gtk_widget_get_child_visible (widget) &&
         gtk_widget_is_sensitive (widget);
}

/* The shown, sensitive button of @action under @root. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *action)
{
  GtkWidget *button = baton_test_find_widget (root, is_shown_button_for, action);

  if (button == NULL)
    g_error ("No button shown for %s", action);

  return button;
}

/* Opens what @button opens (space), closes it with @close_keys: the focus
 * is back on @button. */
static void
check_button (Fixture    *f,
              GtkWidget  *button,
              const char *close_keys)
{
  g_assert_true (gtk_widget_grab_focus (button));
  open_and_close (f, gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), "space", close_keys,
                  focus_is_widget, button);
}

static void
test_capacity (Fixture       *f,
               gconstpointer  data)
{
  BatonCapacityView *view;
  CellWait cell;

  SKIP_WITHOUT_DISPLAY ();
  BATON_TEST_REQUIRE_XDOTOOL (f->window);

  show_view (f, "capacity");
  view = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_CAPACITY_VIEW);
  cell.grid = baton_test_find_descendant (GTK_WIDGET (view), BATON_TYPE_CAPACITY_GRID);

  /* A cell's popover, from the keyboard. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (cell.grid)));
  g_assert_true (baton_test_wait_until (has_cell_focus, cell.grid, 5000));
  baton_capacity_grid_set_focus_cell (cell.grid, first_person_row (cell.grid), 2);
  g_assert_true (baton_test_wait_until (has_cell_focus, cell.grid, 5000));
  cell.row = cell.grid->focus_row;
  cell.week = cell.grid->focus_week;
  open_and_close (f, "cell popover", "Return", "Escape", focus_on_cell, &cell);
  /* A person's menu, from their row's name. */
  baton_capacity_grid_set_focus_cell (cell.grid, (guint) cell.row, -1);
  cell.week = -1;
  g_assert_true (baton_test_wait_until (focus_is_back, &(FocusWait) { f, focus_on_cell, &cell }, 5000));
  open_and_close (f, "person menu", "shift+F10", "Escape", focus_on_cell, &cell);

  check_button (f, find_button (GTK_WIDGET (view), "capacity.rebalance"), "Escape");
  check_button (f, find_button (GTK_WIDGET (view), "capacity.add-person"), "Escape");
  check_button (f, find_button (GTK_WIDGET (view), "capacity.manage-roles"), "Escape");
  check_button (f, find_button (GTK_WIDGET (view), "capacity.show-archived-people"), "Escape");
  check_button (f, find_button (GTK_WIDGET (view), "capacity.report"), "Escape");
}

/* Clients -------------------------------------------------------------------------- */

static void
test_clients (Fixture       *f,
              gconstpointer  data)
{
  BatonClientsView *view;

  SKIP_WITHOUT_DISPLAY ();
  BATON_TEST_REQUIRE_XDOTOOL (f->window);

  show_view (f, "clients");
  view = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_CLIENTS_VIEW);
  check_button (f, find_button (GTK_WIDGET (view), "clients.add-program"), "Escape");
  check_button (f, find_button (GTK_WIDGET (view), "note.history"), "Escape");
  check_button (f, find_button (GTK_WIDGET (view), "clients.add-client"), "Escape");
  check_button (f, find_button (GTK_WIDGET (view), "clients.status-report"), "Escape");
}

static gboolean
is_note_more_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_widget_is_drawable (widget) &&
         gtk_widget_get_ancestor (widget, g_type_from_name ("BatonNoteEditor")) != NULL;
}

static gboolean
focus_on_note_row (Fixture   *f,
                   GtkWidget *focus,
                   gpointer   data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (focus, g_type_from_name ("BatonNoteRow")) &&
         gtk_widget_is_ancestor (focus, data) && gtk_widget_is_drawable (focus);
}

/* Delete Note, from the note's menu: the note is gone, and with it the
 * menu button; the focus goes to the client's list of notes, not to the
 * header bar. */
static void
test_note_delete (Fixture       *f,
                  gconstpointer  data)
{
  BatonClientsView *view;
  GtkWidget *more;
  FocusWait wait = { f, focus_on_note_row, NULL };

  SKIP_WITHOUT_DISPLAY ();
  BATON_TEST_REQUIRE_XDOTOOL (f->window);

  show_view (f, "clients");
  view = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_CLIENTS_VIEW);
  wait.data = view;
  more = baton_test_find_widget (GTK_WIDGET (view), is_note_more_button, NULL);
  g_assert_nonnull (more);
  g_assert_true (gtk_widget_grab_focus (more));
  g_assert_true (baton_test_xdotool_focus_window (GTK_WINDOW (f->window)));
  g_assert_true (baton_test_xdotool ("key space"));
  g_assert_true (baton_test_wait_until (something_open, f, 5000));
  g_assert_true (baton_test_xdotool ("key Up Return"));
  g_assert_true (baton_test_wait_until (nothing_open, f, 5000));
  baton_test_run_for (300);
  if (!baton_test_wait_until (focus_is_back, &wait, 3000))
    g_error ("Delete Note: the focus is on %s", describe (gtk_window_get_focus (GTK_WINDOW (f->window))));
  g_debug ("Delete Note: the focus is on %s", describe (gtk_window_get_focus (GTK_WINDOW (f->window))));
}

/* Import --------------------------------------------------------------------------- */

/* Data ▸ Import Tasks from CSV… once a file is chosen (the chooser is the
 * desktop's): the import dialog, closed with Escape. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("baton-focus-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "tasks.csv", NULL);
  BatonTask *task;

  SKIP_WITHOUT_DISPLAY ();
  BATON_TEST_REQUIRE_XDOTOOL (f->window);

  g_assert_true (g_file_set_contents (path, "Title,Stage\nWrite outline,Backlog\n", -1, NULL));
  focus_first_card (f, &task);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import-tasks", "s", path));
  open_and_close (f, "CSV import", NULL, "Escape", focus_on_card_of, task);
  g_unlink (path);
  g_rmdir (dir);
}

/* Shell ---------------------------------------------------------------------------- */

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)) &&
         gtk_widget_is_drawable (widget);
}

static void
test_shell (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *menu, *toggle;
  GLogLevelFlags fatal;
  BatonTask *task;

  SKIP_WITHOUT_DISPLAY ();
  BATON_TEST_REQUIRE_XDOTOOL (f->window);

  focus_first_card (f, &task);
  /* GTK 4.8's own shortcuts window may warn as it is measured that one of
   * its labels "reported min width -3" (test-startup.c): warnings are not
   * fatal while it is shown. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  open_and_close (f, "shortcuts", "ctrl+question", "Escape", focus_on_card_of, task);
  baton_test_drain ();
  g_log_set_always_fatal (fatal);
  open_and_close (f, "help", "F1", "Escape", focus_on_card_of, task);
  open_and_close (f, "preferences", "ctrl+comma", "Escape", focus_on_card_of, task);
  /* F10 from a card: back to the card, not to the menu's button. */
  open_and_close (f, "main menu", "F10", "Escape", focus_on_card_of, task);

  /* From the button itself (Tab to it): back to the button. */
  menu = baton_test_find_widget (GTK_WIDGET (f->window), is_primary_menu_button, NULL);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_grab_focus (menu));
  toggle = gtk_window_get_focus (GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_is_ancestor (toggle, menu));
  open_and_close (f, "main menu from its button", "space", "Escape", focus_is_widget, toggle);
}

/* libadwaita 1.2's shadow helper (the dimming and shadow of an AdwLeaflet
 * or AdwFlap in transition, as in a preferences window's pages) can be
 * drawn in the frame before it is allocated when a window closes in the
 * middle of it; GTK warns, and nothing is drawn wrong. Only under a slow
 * build (the sanitizers) does the timing come about. This test is about
 * where the focus goes: that one warning goes to the debug log instead of
 * aborting. GTK logs structured messages, whose warnings the default
 * writer makes fatal, so the writer is where to catch it. */
static GLogWriterOutput
tolerate_gizmo_warning (GLogLevelFlags   log_level,
                        const GLogField *fields,
                        gsize            n_fields,
                        gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0 && fields[i].length < 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
        message = fields[i].value;
    }

  if ((log_level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "Gtk") == 0 && message != NULL &&
      g_str_has_prefix (message, "Trying to snapshot AdwGizmo ") &&
      g_str_has_suffix (message, " without a current allocation"))
    {
      g_debug ("libadwaita 1.2: %s", message);
      return G_LOG_WRITER_HANDLED;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);
  g_log_set_writer_func (tolerate_gizmo_warning, NULL, NULL);

  if (gtk_init_check ())
    app = baton_test_register_application (G_APPLICATION (baton_application_new ()));
  else
    g_debug ("No display: every case is skipped");

  g_test_add ("/focus-return/board", Fixture, NULL, fixture_set_up, test_board, fixture_tear_down);
  g_test_add ("/focus-return/capacity", Fixture, NULL, fixture_set_up, test_capacity, fixture_tear_down);
  g_test_add ("/focus-return/clients", Fixture, NULL, fixture_set_up, test_clients, fixture_tear_down);
  g_test_add ("/focus-return/note-delete", Fixture, NULL, fixture_set_up, test_note_delete, fixture_tear_down);
  g_test_add ("/focus-return/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/focus-return/shell", Fixture, NULL, fixture_set_up, test_shell, fixture_tear_down);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
