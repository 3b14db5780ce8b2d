/* test-shell.c — the application, main window and preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real widgets: actions are activated by name, and what a person
 * would see (button sensitivity, the visible page, toast text) is checked
 * together with the store and the settings behind it. Without a display
 * every case is skipped.
 */

#define G_LOG_DOMAIN "test-shell"

#include "config.h"

#include <adwaita.h>

#include "baton-application.h"
#include "baton-board-card.h"
#include "baton-demo.h"
#include "baton-preferences-window.h"
#include "baton-store.h"
#include "baton-window.h"
#include "baton-ui-test-util.h"

static BatonApplication *app;   /* NULL without a display */

typedef struct
{
  GSettings   *settings;
  BatonStore  *store;
  BatonWindow *window;
} Fixture;

/* Helpers --------------------------------------------------------------------- */

static void
flush_events (void)
{
  for (guint i = 0; i < 100 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

typedef gboolean (*WidgetMatch) (GtkWidget  *widget,
                                 const void *data);

static void
collect_widgets (GtkWidget   *root,
                 WidgetMatch  match,
                 const void  *data,
                 GPtrArray   *found)
{
  if (match (root, data))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, match, data, found);
}

static GPtrArray *
find_widgets (GtkWidget   *root,
              WidgetMatch  match,
              const void  *data)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (root, match, data, found);
  return found;
}

static GtkWidget *
find_widget (GtkWidget   *root,
             WidgetMatch  match,
             const void  *data)
{
  g_autoptr(GPtrArray) found = find_widgets (root, match, data);

  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static gboolean
is_of_type (GtkWidget  *widget,
            const void *data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data);
}

static gboolean
is_button_for_action (GtkWidget  *widget,
                      const void *data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static gboolean
is_label_with_text (GtkWidget  *widget,
                    const void *data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

static gboolean
is_label_with_prefix (GtkWidget  *widget,
                      const void *data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static gboolean
is_row_titled (GtkWidget  *widget,
               const void *data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static AdwViewStack *
find_view_stack (BatonWindow *window)
{
  GType type = ADW_TYPE_VIEW_STACK;

  return ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), is_of_type, &type));
}

static GtkWidget *
find_header_button (BatonWindow *window,
                    const char  *action_name)
{
  GType type = ADW_TYPE_HEADER_BAR;
  GtkWidget *header = find_widget (GTK_WIDGET (window), is_of_type, &type);

  g_assert_nonnull (header);
  return find_widget (header, is_button_for_action, action_name);
}

static BatonPreferencesWindow *
find_preferences_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (BATON_IS_PREFERENCES_WINDOW (window))
        return BATON_PREFERENCES_WINDOW (window);
    }

  return NULL;
}

static BatonWindow *
open_window (BatonStore *store)
{
  BatonWindow *window = baton_window_new (GTK_APPLICATION (app), store);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, window, 5000));

  return window;
}

static void
close_window (BatonWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak, 5000));
}

/* Fixture -------------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (app == NULL)
    return;

  f->settings = g_settings_new (APP_ID);
  f->store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);

  f->window = open_window (f->store);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (app == NULL)
    return;

  close_window (g_steal_pointer (&f->window));
  flush_events ();
  g_assert_finalize_object (g_steal_pointer (&f->store));

  g_settings_reset (f->settings, "last-view");
  g_settings_reset (f->settings, "color-scheme");
  g_settings_reset (f->settings, "working-days");
  g_clear_object (&f->settings);
  flush_events ();
}

#define SKIP_WITHOUT_DISPLAY()                          \
  G_STMT_START {                                        \
    if (app == NULL)                                    \
      {                                                 \
        g_test_skip ("no display");                     \
        return;                                         \
      }                                                 \
  } G_STMT_END

/* Cases ---------------------------------------------------------------------- */

static void
test_pages (Fixture       *f,
            gconstpointer  data)
{
  AdwViewStack *stack;
  GType type = ADW_TYPE_VIEW_SWITCHER_TITLE;

  SKIP_WITHOUT_DISPLAY ();

  stack = find_view_stack (f->window);
  g_assert_nonnull (stack);
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "board"));
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "capacity"));
  g_assert_nonnull (adw_view_stack_get_child_by_name (stack, "clients"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (adw_view_stack_get_pages (stack))), ==, 3);

  /* The default last view is the board. */
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "board");
  g_assert_nonnull (find_widget (GTK_WIDGET (f->window), is_of_type, &type));
  g_assert_true (baton_window_get_store (f->window) == f->store);
}

static void
test_show_view (Fixture       *f,
                gconstpointer  data)
{
  AdwViewStack *stack;
  BatonWindow *second;
  g_autofree char *last_view = NULL;

  SKIP_WITHOUT_DISPLAY ();

  stack = find_view_stack (f->window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "capacity"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "capacity");

  last_view = g_settings_get_string (f->settings, "last-view");
  g_assert_cmpstr (last_view, ==, "capacity");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "clients"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "clients");

  /* An unknown name changes nothing. */
  g_test_expect_message ("baton-window", G_LOG_LEVEL_WARNING, "*No view named*");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "nowhere");
  g_test_assert_expected_messages ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "clients");

  /* A new window opens on the last view. */
  second = open_window (f->store);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (find_view_stack (second)), ==, "clients");
  close_window (second);
}

/* View shortcuts pressed outside the view (the header bar has the focus at
 * start) reach the visible view through win.view-action. */
static void
test_view_action (Fixture       *f,
                  gconstpointer  data)
{
  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "board"));
  g_assert_false (g_settings_get_boolean (f->settings, "show-people-sidebar"));

  /* F9: the board's people sidebar, remembered in the settings. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view-action", "s", "show-people"));
  g_assert_true (g_settings_get_boolean (f->settings, "show-people-sidebar"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view-action", "s", "show-people"));
  g_assert_false (g_settings_get_boolean (f->settings, "show-people-sidebar"));

  /* A view without the action ignores it, quietly. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "capacity"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.view-action", "s", "show-people"));
  g_assert_false (g_settings_get_boolean (f->settings, "show-people-sidebar"));
}

static void
test_undo_redo (Fixture       *f,
                gconstpointer  data)
{
  GListModel *clients;
  GtkWidget *undo_button;
  GtkWidget *redo_button;
  BatonClient *client;
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_DISPLAY ();

  clients = baton_store_get_clients (f->store);
  undo_button = find_header_button (f->window, "win.undo");
  redo_button = find_header_button (f->window, "win.redo");
  g_assert_nonnull (undo_button);
  g_assert_nonnull (redo_button);

  /* An empty history: nothing to undo or redo. */
  g_assert_false (gtk_widget_get_sensitive (undo_button));
  g_assert_false (gtk_widget_get_sensitive (redo_button));

  client = baton_store_create_client (f->store, "Acme", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (client);
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 1);
  g_assert_true (gtk_widget_get_sensitive (undo_button));
  g_assert_false (gtk_widget_get_sensitive (redo_button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (undo_button));
  g_assert_true (gtk_widget_get_sensitive (redo_button));
  /* A toast names what was undone. */
  flush_events ();
  g_assert_nonnull (find_widget (GTK_WIDGET (f->window), is_label_with_prefix, "Undone"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 1);
  client = g_list_model_get_item (clients, 0);
  g_assert_cmpstr (baton_client_get_name (client), ==, "Acme");
  g_object_unref (client);
  g_assert_true (gtk_widget_get_sensitive (undo_button));
  g_assert_false (gtk_widget_get_sensitive (redo_button));

  flush_events ();
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  BatonPreferencesWindow *preferences;
  GtkWidget *row;
  gpointer weak;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_null (find_preferences_window ());
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = find_preferences_window ();
  g_assert_nonnull (preferences);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, preferences, 5000));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (f->window));

  /* An enum key shown in a combo row, both ways. */
  row = find_widget (GTK_WIDGET (preferences), is_row_titled, "Color Scheme");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  g_settings_set_enum (f->settings, "color-scheme", 2);
  flush_events ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  g_assert_cmpint (g_settings_get_enum (f->settings, "color-scheme"), ==, 1);

  /* The working-days flags shown as switches and summarised. */
  row = find_widget (GTK_WIDGET (preferences), is_row_titled, "Working Days");
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Mon, Tue, Wed, Thu, Fri");
  {
    GType type = GTK_TYPE_SWITCH;
    GtkWidget *saturday = find_widget (find_widget (row, is_row_titled, "Saturday"), is_of_type, &type);

    g_assert_nonnull (saturday);
    gtk_switch_set_active (GTK_SWITCH (saturday), TRUE);
    g_assert_cmpuint (g_settings_get_flags (f->settings, "working-days"), ==, 0x1f | 0x20);
    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Mon, Tue, Wed, Thu, Fri, Sat");
  }

  /* The autosave delay is shown in seconds and stored in milliseconds. */
  g_settings_set_int (f->settings, "autosave-delay", 1500);
  flush_events ();
  {
    GType type = GTK_TYPE_SPIN_BUTTON;
    GtkWidget *spin = find_widget (find_widget (GTK_WIDGET (preferences), is_row_titled, "Autosave Delay"),
                                   is_of_type, &type);

    g_assert_nonnull (spin);
    g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), 1.5, 1e-9);
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 2.25);
    g_assert_cmpint (g_settings_get_int (f->settings, "autosave-delay"), ==, 2250);
  }
  g_settings_reset (f->settings, "autosave-delay");

  weak = preferences;
  g_object_add_weak_pointer (G_OBJECT (preferences), &weak);
  gtk_window_close (GTK_WINDOW (preferences));
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak, 5000));
  g_assert_null (find_preferences_window ());
}

static void
test_color_scheme (Fixture       *f,
                   gconstpointer  data)
{
  AdwStyleManager *style_manager;

  SKIP_WITHOUT_DISPLAY ();

  style_manager = adw_style_manager_get_default ();
  g_settings_set_string (f->settings, "color-scheme", "dark");
  flush_events ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));

  g_settings_set_string (f->settings, "color-scheme", "light");
  flush_events ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style_manager));

  g_settings_set_string (f->settings, "color-scheme", "default");
  flush_events ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_undo_toast (Fixture       *f,
                 gconstpointer  data)
{
  const char *message = "Deleted <b>Acme & Co</b>";
  g_autoptr(GPtrArray) undo_buttons = NULL;

  SKIP_WITHOUT_DISPLAY ();

  baton_window_show_undo_toast (f->window, "Deleted a task");
  baton_window_show_undo_toast (f->window, message);
  flush_events ();

  /* The text is shown literally, not read as markup. */
  g_assert_nonnull (find_widget (GTK_WIDGET (f->window), is_label_with_text, message));

  /* The header's Undo button, and the toast's (the replaced toast may
   * still be animating out). */
  undo_buttons = find_widgets (GTK_WIDGET (f->window), is_button_for_action, "win.undo");
  g_assert_cmpuint (undo_buttons->len, >=, 2);

  /* Views reach it through an action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-undo-toast", "s", "Moved a task"));
  baton_window_show_toast (f->window, "Saved");
  flush_events ();
}


/* Quitting --------------------------------------------------------------------- */

static gboolean
is_mapped_card (GtkWidget  *widget,
                const void *data)
{
  return BATON_IS_BOARD_CARD (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
find_mapped_card (gpointer data)
{
  GtkWidget *card = find_widget (GTK_WIDGET (data), is_mapped_card, NULL);

  return card != NULL && gtk_widget_get_width (card) > 0;
}

static gboolean
is_task_editor (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "BatonTaskEditor") && gtk_widget_get_mapped (window))
        {
          *(GtkWidget **) data = window;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
card_has_focus (gpointer data)
{
  return gtk_widget_has_focus (data);
}

/* Ctrl+Q (app.quit) with a card focused, or after its editor was opened:
 * every widget goes away without a warning (warnings and criticals are
 * fatal in a test program), and the card itself is finalized. */
static void
test_quit_after_card (Fixture       *f,
                      gconstpointer  data)
{
  gboolean open_editor = GPOINTER_TO_INT (data);
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  BatonDemoSize size;
  BatonWindow *window;
  GtkWidget *card;
  gpointer weak_card, weak_window;
  const char *reason = NULL;
  gboolean have_xdotool;

  SKIP_WITHOUT_DISPLAY ();

  have_xdotool = baton_test_have_xdotool (&reason);
  if (!have_xdotool)
    g_test_message ("without real events: %s", reason);

  /* Only the demo window: the fixture's would be closed by app.quit too. */
  close_window (g_steal_pointer (&f->window));
  store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  baton_demo_size_init_default (&size);
  g_assert_true (baton_demo_generate (store, &size, &error));
  g_assert_no_error (error);

  window = open_window (store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "board"));
  g_assert_true (baton_test_wait_until (find_mapped_card, window, 5000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  card = find_widget (GTK_WIDGET (window), is_mapped_card, NULL);

  /* Focused as a person does it, by a click; the keys go to the window. */
  if (have_xdotool)
    {
      g_assert_true (baton_test_xdotool_pointer (card, 40, 20, 1));
      g_assert_true (baton_test_wait_until (card_has_focus, card, 5000));
    }
  else
    g_assert_true (gtk_widget_grab_focus (card));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == card);

  if (open_editor)
    {
      GtkWidget *editor = NULL;

      g_assert_true (gtk_widget_activate_action (card, "task.open", NULL));
      g_assert_true (baton_test_wait_until (is_task_editor, &editor, 5000));
      gtk_window_close (GTK_WINDOW (editor));
      g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, window, 5000));
    }

  weak_card = card;
  g_object_add_weak_pointer (G_OBJECT (card), &weak_card);
  weak_window = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak_window);

  /* Ctrl+Q: the window closes while the key event is on its way to the card. */
  if (have_xdotool)
    {
      const char *quit[] = { "key", "ctrl+q", NULL };

      g_assert_true (baton_test_xdotool (quit));
    }
  else
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak_window, 5000));
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak_card, 5000));
  flush_events ();

  g_assert_finalize_object (g_steal_pointer (&store));

  /* The fixture closes a window of its own. */
  f->window = open_window (f->store);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (gtk_init_check ())
    {
      g_autoptr(GError) error = NULL;

      app = baton_application_new ();
      /* No single-instance name on the bus: tests may run side by side. */
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_debug ("No display: every case is skipped");
    }

  g_test_add ("/shell/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/shell/show-view", Fixture, NULL, fixture_set_up, test_show_view, fixture_tear_down);
  g_test_add ("/shell/view-action", Fixture, NULL, fixture_set_up, test_view_action, fixture_tear_down);
  g_test_add ("/shell/undo-redo", Fixture, NULL, fixture_set_up, test_undo_redo, fixture_tear_down);
  g_test_add ("/shell/preferences", Fixture, NULL, fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add ("/shell/color-scheme", Fixture, NULL, fixture_set_up, test_color_scheme, fixture_tear_down);
  g_test_add ("/shell/undo-toast", Fixture, NULL, fixture_set_up, test_undo_toast, fixture_tear_down);
  g_test_add ("/shell/quit/after-focused-card", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_quit_after_card, fixture_tear_down);
  g_test_add ("/shell/quit/after-card-editor", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_quit_after_card, fixture_tear_down);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
