/* test-startup.c — what Baton does as it opens a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Views are built when they are first shown (the notes editor's
 * GtkSourceView too), and work then; the view shortcuts still switch and
 * build them. A workspace is backed up after its window is shown, on a
 * thread, only when it was written since its newest backup; one that is
 * upgraded is backed up before, at once. Without a display every case is
 * skipped.
 */

#define G_LOG_DOMAIN "test-startup"

#include "config.h"

#include <adwaita.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif
#include <gtksourceview/gtksource.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "baton-application.h"
#include "baton-board-view.h"
#include "baton-capacity-view.h"
#include "baton-clients-view.h"
#include "baton-db.h"
#include "baton-ics.h"
#include "baton-store.h"
#include "baton-window.h"
#include "baton-test-util.h"
#include "baton-ui-test-util.h"

static BatonApplication *app;

#define SKIP_WITHOUT_DISPLAY()                          \
  G_STMT_START {                                        \
    if (app == NULL)                                    \
      {                                                 \
        g_test_skip ("no display");                     \
        return;                                         \
      }                                                 \
  } G_STMT_END

static AdwViewStack *
find_view_stack (BatonWindow *window)
{
  return baton_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);
}

static gboolean
view_is_built (BatonWindow *window,
               GType        type)
{
  return baton_test_find_descendant (GTK_WIDGET (window), type) != NULL;
}

typedef struct
{
  BatonWindow *window;
  const char  *name;
} ShownView;

static gboolean
view_is_shown (gpointer data)
{
  ShownView *shown = data;

  return g_strcmp0 (adw_view_stack_get_visible_child_name (find_view_stack (shown->window)), shown->name) == 0;
}

/* Presses @keys (xdotool's names) in @window, as a person would; without
 * xdotool, activates the action the keys are the accelerator of. */
static void
press_keys (BatonWindow *window,
            const char  *keys,
            const char  *accel)
{
  const char *reason = NULL;

  if (baton_test_have_xdotool (GTK_WIDGET (window), &reason))
    {
      /* Without a window manager the keyboard follows the pointer. */
      g_assert_true (baton_test_xdotool_pointer (GTK_WIDGET (window), 20, 20, 0));
      g_assert_true (baton_test_xdotool ("key %s", keys));
    }
  else
    {
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), accel);
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;

      g_test_message ("without real events: %s", reason);
      g_assert_nonnull (actions);
      g_assert_nonnull (actions[0]);
      g_assert_true (g_action_parse_detailed_name (actions[0], &name, &target, NULL));
      g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), name, target));
    }
}

/* Views ------------------------------------------------------------------------ */

/* Only the board is built as the window opens; Clients, with its notes
 * editor, is built when it is shown, by its shortcut, and works. */
static void
test_views_built_when_shown (void)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  BatonWindow *window;
  ShownView shown;

  SKIP_WITHOUT_DISPLAY ();

  store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_nonnull (baton_store_create_client (store, "Acme Learning", NULL, &error));
  g_assert_no_error (error);

  window = baton_test_show_window (GTK_WINDOW (baton_window_new (GTK_APPLICATION (app), store)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  shown.window = window;

  g_assert_cmpstr (adw_view_stack_get_visible_child_name (find_view_stack (window)), ==, "board");
  g_assert_true (view_is_built (window, BATON_TYPE_BOARD_VIEW));
  g_assert_false (view_is_built (window, BATON_TYPE_CAPACITY_VIEW));
  g_assert_false (view_is_built (window, BATON_TYPE_CLIENTS_VIEW));
  g_assert_false (view_is_built (window, GTK_SOURCE_TYPE_VIEW));

  /* Alt+3: Clients, built now, with its editor, showing the client. */
  press_keys (window, "alt+3", "<Alt>3");
  shown.name = "clients";
  g_assert_true (baton_test_wait_until (view_is_shown, &shown, 5000));
  g_assert_true (view_is_built (window, BATON_TYPE_CLIENTS_VIEW));
  g_assert_true (view_is_built (window, GTK_SOURCE_TYPE_VIEW));
  g_assert_false (view_is_built (window, BATON_TYPE_CAPACITY_VIEW));
  {
    gpointer args[] = { window, (gpointer) "Acme Learning" };

    g_assert_true (baton_test_wait_until (baton_test_label_shown, args, 5000));
  }

  /* Alt+2: the capacity grid; Alt+1: back to the same board. */
  {
    GtkWidget *board = baton_test_find_descendant (GTK_WIDGET (window), BATON_TYPE_BOARD_VIEW);
    GtkWidget *clients = baton_test_find_descendant (GTK_WIDGET (window), BATON_TYPE_CLIENTS_VIEW);

    press_keys (window, "alt+2", "<Alt>2");
    shown.name = "capacity";
    g_assert_true (baton_test_wait_until (view_is_shown, &shown, 5000));
    g_assert_true (view_is_built (window, BATON_TYPE_CAPACITY_VIEW));

    press_keys (window, "alt+1", "<Alt>1");
    shown.name = "board";
    g_assert_true (baton_test_wait_until (view_is_shown, &shown, 5000));
    g_assert_true (baton_test_find_descendant (GTK_WIDGET (window), BATON_TYPE_BOARD_VIEW) == board);
    g_assert_true (baton_test_find_descendant (GTK_WIDGET (window), BATON_TYPE_CLIENTS_VIEW) == clients);
  }

  baton_test_destroy_window (GTK_WINDOW (window));
  baton_test_drain ();
  g_settings_reset (settings, "last-view");
}

/* A window opens on the last view shown, and builds that one only. */
static void
test_views_last_view (void)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  BatonWindow *window;

  SKIP_WITHOUT_DISPLAY ();

  store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_settings_set_string (settings, "last-view", "capacity");

  window = baton_test_show_window (GTK_WINDOW (baton_window_new (GTK_APPLICATION (app), store)));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (find_view_stack (window)), ==, "capacity");
  g_assert_true (view_is_built (window, BATON_TYPE_CAPACITY_VIEW));
  g_assert_false (view_is_built (window, BATON_TYPE_BOARD_VIEW));
  g_assert_false (view_is_built (window, BATON_TYPE_CLIENTS_VIEW));

  /* A view's shortcut reaches a view not built yet through the window:
   * Ctrl+F on Clients' search (win.view-action) builds it first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "clients"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view-action", "s", "search"));
  g_assert_true (view_is_built (window, BATON_TYPE_CLIENTS_VIEW));

  baton_test_destroy_window (GTK_WINDOW (window));
  baton_test_drain ();
  g_settings_reset (settings, "last-view");
}

/* The shortcuts window is built when it is first asked for. */
static void
test_shortcuts_window (void)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkShortcutsWindow *shortcuts;
  GLogLevelFlags fatal;
  BatonWindow *window;

  SKIP_WITHOUT_DISPLAY ();

  store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  window = baton_test_show_window (GTK_WINDOW (baton_window_new (GTK_APPLICATION (app), store)));
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_null (baton_test_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));

  /* GTK 4.8's own shortcuts window may warn as it is measured that one of
   * its labels "reported min width -3": warnings are not fatal while it
   * is shown (criticals still are). */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  baton_window_show_shortcuts (window);
  shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (shortcuts);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, shortcuts, 5000));

  /* Once: the second time shows the same one. */
  gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);
  baton_window_show_shortcuts (window);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == shortcuts);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, shortcuts, 5000));
  gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);
  baton_test_drain ();
  g_log_set_always_fatal (fatal);

  baton_test_destroy_window (GTK_WINDOW (window));
  baton_test_drain ();
}

/* Made after the first frame ---------------------------------------------------- */

static gboolean
is_primary_menu_button (GtkWidget     *widget,
                        gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static gboolean
has_popover (gpointer data)
{
  return gtk_menu_button_get_popover (GTK_MENU_BUTTON (data)) != NULL;
}

static gboolean
popover_shown (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (data));

  return popover != NULL && gtk_widget_get_mapped (GTK_WIDGET (popover));
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          if (menu_has_action (linked, action))
            return TRUE;
        }
    }

  return FALSE;
}

/* The main menu's popover is not made on the way to the first frame; the
 * menu button works before it is (the popover is made as it opens), and
 * it is made anyway once the window is idle after its first frame. */
static void
test_main_menu (void)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  BatonWindow *window;
  GtkWidget *button;
  GtkPopover *popover;
  const char *reason = NULL;

  SKIP_WITHOUT_DISPLAY ();

  store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);

  /* Opened before the window is idle: by F10, as a person would. */
  window = baton_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  button = baton_test_find_widget (GTK_WIDGET (window), is_primary_menu_button, NULL);
  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, window, 5000));
  if (baton_test_have_xdotool (GTK_WIDGET (window), &reason) &&
      baton_test_xdotool_pointer (GTK_WIDGET (window), 20, 20, 0))
    g_assert_true (baton_test_xdotool ("key F10"));
  else
    {
      g_test_message ("without real events: %s", reason);
      gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    }
  g_assert_true (baton_test_wait_until (popover_shown, button, 5000));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (menu_has_action (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)),
                                  "win.open-workspace"));
  gtk_popover_popdown (popover);
  baton_test_destroy_window (GTK_WINDOW (window));
  baton_test_drain ();

  /* Not opened: made after the first frame all the same. */
  window = baton_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  button = baton_test_find_widget (GTK_WIDGET (window), is_primary_menu_button, NULL);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  g_assert_true (baton_test_wait_until (has_popover, button, 5000));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (menu_has_action (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover)),
                                  "win.open-workspace"));
  baton_test_destroy_window (GTK_WINDOW (window));
  baton_test_drain ();
}

static gboolean
is_undo_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.undo") == 0;
}

static gboolean
has_tooltip_text (gpointer data)
{
  return gtk_widget_get_tooltip_text (data) != NULL;
}

/* The header bar's buttons get their tooltips once the window is idle
 * after its first frame (each one set queries the pointer from the X
 * server), and keep them up to date from then on. */
static void
test_header_tooltips (void)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  BatonWindow *window;
  GtkWidget *undo, *menu;

  SKIP_WITHOUT_DISPLAY ();

  store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  window = baton_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  undo = baton_test_find_widget (GTK_WIDGET (window), is_undo_button, NULL);
  menu = baton_test_find_widget (GTK_WIDGET (window), is_primary_menu_button, NULL);
  g_assert_nonnull (undo);
  g_assert_null (gtk_widget_get_tooltip_text (undo));
  g_assert_null (gtk_widget_get_tooltip_text (menu));

  g_assert_true (baton_test_wait_until (has_tooltip_text, menu, 5000));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu), ==, "Main Menu");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, "Undo");

  g_assert_nonnull (baton_store_create_client (store, "Acme Learning", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (undo), "Undo: "));

  baton_test_destroy_window (GTK_WINDOW (window));
  baton_test_drain ();
}

typedef struct
{
  BatonWindow *window;
  gboolean     painted;
  gboolean     bar_shown;   /* in the first frame */
} FirstFrame;

static void
first_frame_painted (GdkFrameClock *clock,
                     FirstFrame    *first)
{
  GtkWidget *bar = baton_test_find_descendant (GTK_WIDGET (first->window), ADW_TYPE_VIEW_SWITCHER_BAR);

  g_signal_handlers_disconnect_by_func (clock, first_frame_painted, first);
  first->painted = TRUE;
  first->bar_shown = bar != NULL && adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)) &&
                     gtk_widget_get_mapped (bar) && gtk_widget_get_height (bar) > 0;
}

static void
watch_first_frame (GtkWidget  *window,
                   FirstFrame *first)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_frame_painted), first);
}

static gboolean
first_frame_is_painted (gpointer data)
{
  return ((FirstFrame *) data)->painted;
}

static FirstFrame
open_window_at_width (BatonStore *store,
                      int         width)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  FirstFrame first = { NULL, FALSE, FALSE };

  g_settings_set_int (settings, "window-width", width);
  first.window = baton_window_new (GTK_APPLICATION (app), store);
  g_settings_reset (settings, "window-width");
  g_signal_connect_after (first.window, "realize", G_CALLBACK (watch_first_frame), &first);
  gtk_window_present (GTK_WINDOW (first.window));
  g_assert_true (baton_test_wait_until (first_frame_is_painted, &first, 5000));
  g_signal_handlers_disconnect_by_func (first.window, watch_first_frame, &first);

  return first;
}

static gboolean
switcher_bar_shown (gpointer data)
{
  GtkWidget *bar = baton_test_find_descendant (data, ADW_TYPE_VIEW_SWITCHER_BAR);

  return bar != NULL && adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)) &&
         gtk_widget_get_mapped (bar) && gtk_widget_get_height (bar) > 0;
}

/* The switcher bar is made once the title has no room for the switcher:
 * not at all in a wide window until it is made narrow, and in the first
 * frame of a narrow one. */
static void
test_switcher_bar (void)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  FirstFrame first;
  const char *reason = NULL;

  SKIP_WITHOUT_DISPLAY ();

  store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);

  first = open_window_at_width (store, 1100);
  g_assert_false (first.bar_shown);
  g_assert_false (adw_view_switcher_title_get_title_visible (
                    baton_test_find_descendant (GTK_WIDGET (first.window), ADW_TYPE_VIEW_SWITCHER_TITLE)));
  baton_test_run_for (100);
  g_assert_null (baton_test_find_descendant (GTK_WIDGET (first.window), ADW_TYPE_VIEW_SWITCHER_BAR));

  /* Made narrow (by the X server, as a window manager would). */
#ifdef GDK_WINDOWING_X11
  if (baton_test_have_xdotool (GTK_WIDGET (first.window), &reason))
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (first.window));

      g_assert_true (baton_test_xdotool ("windowsize %lu 360 720", (gulong) gdk_x11_surface_get_xid (surface)));
      g_assert_true (baton_test_wait_until (switcher_bar_shown, first.window, 5000));
    }
  else
#endif
    g_test_message ("not narrowed: %s", reason ? reason : "not X11");
  baton_test_destroy_window (GTK_WINDOW (first.window));
  baton_test_drain ();

  first = open_window_at_width (store, 360);
  g_assert_true (first.bar_shown);
  baton_test_destroy_window (GTK_WINDOW (first.window));
  baton_test_drain ();
}

static gboolean
is_read_only_banner (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_REVEALER (widget) && gtk_widget_has_css_class (widget, "read-only-banner");
}

/* The read-only banner's content, hidden in its closed revealer, is not
 * shown (a revealer measures its child all the same) unless the workspace
 * is read-only; test-shell's /shell/read-only shows it. */
static void
test_read_only_banner (void)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  BatonWindow *window;
  GtkWidget *banner;

  SKIP_WITHOUT_DISPLAY ();

  store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  window = baton_test_show_window (GTK_WINDOW (baton_window_new (GTK_APPLICATION (app), store)));
  banner = baton_test_find_widget (GTK_WIDGET (window), is_read_only_banner, NULL);
  g_assert_nonnull (banner);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_nonnull (gtk_revealer_get_child (GTK_REVEALER (banner)));
  g_assert_false (gtk_widget_get_visible (gtk_revealer_get_child (GTK_REVEALER (banner))));

  baton_test_destroy_window (GTK_WINDOW (window));
  baton_test_drain ();
}

/* Libraries ------------------------------------------------------------------- */

static gboolean
library_loaded (const char *name)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, name) != NULL;
}

/* libical (and ICU under it) is not loaded as Baton starts, and is when a
 * calendar is written. */
static void
test_libical_on_demand (void)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  BatonWindow *window;

  SKIP_WITHOUT_DISPLAY ();

  if (!g_file_test ("/proc/self/maps", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /proc/self/maps");
      return;
    }

  store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  window = baton_test_show_window (GTK_WINDOW (baton_window_new (GTK_APPLICATION (app), store)));
  g_assert_false (library_loaded ("/" LIBICAL_SONAME));

  text = baton_ics_export_string (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR"));
  g_assert_true (library_loaded ("/" LIBICAL_SONAME));

  baton_test_destroy_window (GTK_WINDOW (window));
  baton_test_drain ();
}

/* What the dynamic loader loads before main (), as ldd lists it: GTK, and
 * none of the libraries that are opened when a feature first needs them
 * (libpq, libsecret, libical; baton-library.h), nor GtkSourceView, which
 * comes with the Clients view's module (baton-clients-module.h). Linked,
 * libpq alone cost every start 6 ms. */
static void
test_libraries_before_main (void)
{
  const char *build_root = g_getenv ("BATON_BUILD_ROOT");
  const char *on_demand[] = { LIBPQ_SONAME, LIBSECRET_SONAME, LIBICAL_SONAME,
                              "libgtksourceview-5.so", "libbaton-clients.so" };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = NULL;
  g_autofree char *baton = NULL;
  g_autofree char *out = NULL;
  const char *argv[2] = { NULL, NULL };
  int status = 0;

  if (build_root == NULL)
    {
      g_test_skip ("BATON_BUILD_ROOT is not set");
      return;
    }

  baton = g_build_filename (build_root, "src", "baton", NULL);
  argv[0] = baton;
  envp = g_environ_setenv (g_get_environ (), "LD_TRACE_LOADED_OBJECTS", "1", TRUE);
  g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  g_debug ("Loaded before main ():\n%s", out);

  g_assert_nonnull (strstr (out, "libgtk-4.so"));
  for (guint i = 0; i < G_N_ELEMENTS (on_demand); i++)
    if (strstr (out, on_demand[i]) != NULL)
      g_error ("%s is loaded before main ()", on_demand[i]);
}

/* Backups ---------------------------------------------------------------------- */

static BatonWindow *
find_window_for (const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (BATON_IS_WINDOW (l->data) &&
        g_strcmp0 (baton_store_get_path (baton_window_get_store (l->data)), path) == 0)
      return l->data;

  return NULL;
}

static gboolean
no_pending_backup (gpointer data)
{
  return baton_application_get_n_pending_backups (app) == 0;
}

/* Opens @path as `--database` does and waits until its backup (if any)
 * is written. */
static BatonWindow *
open_and_settle (const char *path)
{
  BatonWindow *window;

  baton_application_open_database (app, path);
  window = find_window_for (path);
  g_assert_nonnull (window);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, window, 5000));
  g_assert_true (baton_test_wait_until (no_pending_backup, NULL, 10000));

  return window;
}

static void
close_workspace_window (BatonWindow *window)
{
  baton_test_destroy_window (GTK_WINDOW (window));
  baton_test_drain ();
}

/* A file's identity and modification time, to tell it was not rewritten. */
static char *
file_stamp (const char *path)
{
  struct stat buf;

  if (stat (path, &buf) != 0)
    return g_strdup ("missing");

  return g_strdup_printf ("%lu %ld.%09ld", (unsigned long) buf.st_ino,
                          (long) buf.st_mtim.tv_sec, buf.st_mtim.tv_nsec);
}

static guint
n_roles_in (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (path, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (baton_store_get_roles (store));
}

static void
add_role (BatonStore *store,
          const char *name)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (baton_store_create_role (store, name, NULL, &error));
  g_assert_no_error (error);
}

/* The first start backs the workspace up after the window is shown; a
 * start with nothing changed takes no backup; one after a change does. */
static void
test_backup_when_changed (void)
{
  g_autoptr(BatonTestWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *stamp_after = NULL;
  BatonWindow *window;
  guint n_roles;

  SKIP_WITHOUT_DISPLAY ();

  ws = baton_test_workspace_new ();
  first = g_strconcat (ws->path, ".backup-1", NULL);
  second = g_strconcat (ws->path, ".backup-2", NULL);
  {
    g_autoptr(BatonStore) store = baton_store_open (ws->path, &error);

    g_assert_no_error (error);
    add_role (store, "Writer");
  }
  n_roles = n_roles_in (ws->path);

  /* 1. No backup yet: one is decided, and not taken before the window. */
  baton_application_open_database (app, ws->path);
  window = find_window_for (ws->path);
  g_assert_nonnull (window);
  g_assert_cmpuint (baton_application_get_n_pending_backups (app), ==, 1);
  g_assert_false (g_file_test (first, G_FILE_TEST_EXISTS));
  g_assert_true (baton_test_wait_until (no_pending_backup, NULL, 10000));
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (n_roles_in (first), ==, n_roles);
  close_workspace_window (window);

  /* 2. Unchanged: no backup, the newest one is not even rewritten. */
  stamp = file_stamp (first);
  baton_application_open_database (app, ws->path);
  window = find_window_for (ws->path);
  g_assert_nonnull (window);
  g_assert_cmpuint (baton_application_get_n_pending_backups (app), ==, 0);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, window, 5000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  baton_test_drain ();
  stamp_after = file_stamp (first);
  g_assert_cmpstr (stamp_after, ==, stamp);
  g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));

  /* 3. A change, then the next start backs it up. */
  add_role (baton_window_get_store (window), "Reviewer");
  close_workspace_window (window);
  window = open_and_settle (ws->path);
  g_assert_true (g_file_test (second, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (n_roles_in (first), ==, n_roles + 1);
  g_assert_cmpuint (n_roles_in (second), ==, n_roles);
  close_workspace_window (window);
}

/* An older workspace is backed up before the upgrade, at once: the backup
 * holds the old format. */
static void
test_backup_before_upgrade (void)
{
  g_autoptr(BatonTestWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  BatonWindow *window;
  sqlite3 *db = NULL;
  const gint old = BATON_SCHEMA_VERSION - 1;

  SKIP_WITHOUT_DISPLAY ();

  ws = baton_test_workspace_new ();
  first = g_strconcat (ws->path, ".backup-1", NULL);

  /* The format before this one, as the migration steps wrote it. */
  g_assert_cmpint (sqlite3_open (ws->path, &db), ==, SQLITE_OK);
  for (gint step = 1; step <= old; step++)
    g_assert_cmpint (sqlite3_exec (db, baton_db_migration_sql (step), NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autofree char *pragmas = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                                old, BATON_APPLICATION_ID);

    g_assert_cmpint (sqlite3_exec (db, pragmas, NULL, NULL, NULL), ==, SQLITE_OK);
  }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  g_assert_cmpint (baton_store_peek_version (ws->path, &error), ==, old);

  baton_application_open_database (app, ws->path);
  window = find_window_for (ws->path);
  g_assert_nonnull (window);

  /* Taken before the window, and no second one after it. */
  g_assert_true (g_file_test (first, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (baton_store_peek_version (first, &error), ==, old);
  g_assert_no_error (error);
  g_assert_cmpint (baton_store_peek_version (ws->path, &error), ==, BATON_SCHEMA_VERSION);
  g_assert_cmpuint (baton_application_get_n_pending_backups (app), ==, 0);

  close_workspace_window (window);
}

/* The windows' icon ------------------------------------------------------------ */

static gboolean
window_has_icon (gpointer data)
{
  return g_strcmp0 (gtk_window_get_icon_name (data), APP_ID) == 0;
}

/* The first window is shown without the windows' icon (loading it renders
 * the SVG through librsvg) and gets it after its first frame; the default
 * icon is set then, for the windows that come after. */
static void
test_window_icon (void)
{
  g_autoptr(BatonTestWorkspace) ws = NULL;
  BatonWindow *window;

  SKIP_WITHOUT_DISPLAY ();

  ws = baton_test_workspace_new ();
  baton_application_open_database (app, ws->path);
  window = find_window_for (ws->path);
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_realized (GTK_WIDGET (window)));
  g_assert_null (gtk_window_get_default_icon_name ());
  g_assert_null (gtk_window_get_icon_name (GTK_WINDOW (window)));

  g_assert_true (baton_test_wait_until (window_has_icon, window, 5000));
  g_assert_cmpstr (gtk_window_get_default_icon_name (), ==, APP_ID);
  g_assert_true (baton_test_wait_until (no_pending_backup, NULL, 10000));
  close_workspace_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (gtk_init_check ())
    app = baton_test_register_application (G_APPLICATION (baton_application_new ()));
  else
    g_debug ("No display: every case is skipped");

  g_test_add_func ("/startup/views/built-when-shown", test_views_built_when_shown);
  g_test_add_func ("/startup/views/last-view", test_views_last_view);
  g_test_add_func ("/startup/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/startup/main-menu", test_main_menu);
  g_test_add_func ("/startup/header-tooltips", test_header_tooltips);
  g_test_add_func ("/startup/switcher-bar", test_switcher_bar);
  g_test_add_func ("/startup/read-only-banner", test_read_only_banner);
  g_test_add_func ("/startup/libical-on-demand", test_libical_on_demand);
  g_test_add_func ("/startup/libraries-before-main", test_libraries_before_main);
  g_test_add_func ("/startup/window-icon", test_window_icon);
  g_test_add_func ("/startup/backup/when-changed", test_backup_when_changed);
  g_test_add_func ("/startup/backup/before-upgrade", test_backup_before_upgrade);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
