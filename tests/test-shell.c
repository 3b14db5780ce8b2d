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

#include "baton-announcer.h"
#include "baton-application.h"
#include "baton-board-card.h"
#include "baton-board-view.h"
#include "baton-capacity-view-private.h"
#include "baton-dates.h"
#include "baton-task-editor.h"
#include "baton-demo.h"
#include "baton-preferences-window.h"
#include "baton-store.h"
#include "baton-window-private.h"
#include "baton-test-util.h"
#include "baton-ui-test-util.h"

static BatonApplication *app;   /* NULL without a display */

typedef struct
{
  GSettings   *settings;
  BatonStore  *store;
  BatonWindow *window;
} Fixture;

/* Helpers --------------------------------------------------------------------- */

static gboolean
is_button_for_action (GtkWidget  *widget,
                      const void *data)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
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

  return ADW_VIEW_STACK (baton_test_find_widget (GTK_WIDGET (window), baton_test_widget_is_of_type, &type));
}

static GtkWidget *
find_header_button (BatonWindow *window,
                    const char  *action_name)
{
  GType type = ADW_TYPE_HEADER_BAR;
  GtkWidget *header = baton_test_find_widget (GTK_WIDGET (window), baton_test_widget_is_of_type, &type);

  g_assert_nonnull (header);
  return baton_test_find_widget (header, is_button_for_action, action_name);
}

static BatonWindow *
open_window (BatonStore *store)
{
  return baton_test_show_window (GTK_WINDOW (baton_window_new (GTK_APPLICATION (app), store)));
}

static void
close_window (BatonWindow *window)
{
  baton_test_destroy_window (GTK_WINDOW (window));
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
  baton_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&f->store));

  g_settings_reset (f->settings, "last-view");
  g_settings_reset (f->settings, "color-scheme");
  g_settings_reset (f->settings, "working-days");
  g_clear_object (&f->settings);
  baton_test_drain ();
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
count_emissions (guint *count)
{
  (*count)++;
}

static gboolean
workload_is_current (gpointer data)
{
  return baton_workload_is_current (data);
}

/* The board and the capacity grid read one capacity state: a change is
 * computed once for both, and both show it. */
static void
test_one_workload (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BatonWorkload) board_workload = NULL;
  g_autoptr(BatonWorkload) capacity_workload = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *board, *capacity;
  BatonCapacityGrid *grid;
  guint n_people, computed = 0;

  SKIP_WITHOUT_DISPLAY ();

  /* The grid is built when it is first shown. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "capacity"));
  board = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_BOARD_VIEW);
  capacity = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_CAPACITY_VIEW);
  g_assert_nonnull (board);
  g_assert_nonnull (capacity);
  g_object_get (board, "workload", &board_workload, NULL);
  g_object_get (capacity, "workload", &capacity_workload, NULL);
  g_assert_nonnull (board_workload);
  g_assert_true (board_workload == capacity_workload);
  g_assert_true (baton_workload_get_store (board_workload) == f->store);

  grid = baton_capacity_view_get_grid (BATON_CAPACITY_VIEW (capacity));
  n_people = baton_capacity_get_n_people (baton_capacity_grid_get_matrix (grid));
  g_signal_connect_swapped (board_workload, "changed", G_CALLBACK (count_emissions), &computed);

  g_assert_nonnull (baton_store_create_person (f->store, "Ines", NULL, 2400, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (baton_test_wait_until (workload_is_current, board_workload, 5000));
  baton_test_drain ();

  g_assert_cmpuint (computed, ==, 1);
  g_assert_cmpuint (baton_capacity_get_n_people (baton_capacity_grid_get_matrix (grid)), ==, n_people + 1);
  g_signal_handlers_disconnect_by_func (board_workload, count_emissions, &computed);
}

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
  g_assert_nonnull (baton_test_find_widget (GTK_WIDGET (f->window), baton_test_widget_is_of_type, &type));
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
  /* A toast names what was undone, and a screen reader hears it: the
   * window's alert is named with it (baton-announcer.c). */
  baton_test_drain ();
  g_assert_nonnull (baton_test_find_widget (GTK_WIDGET (f->window), is_label_with_prefix, "Undone"));
  {
    BatonAnnouncer *announcer = baton_announcer_find (GTK_WIDGET (f->window));

    g_assert_nonnull (announcer);
    gtk_test_accessible_assert_role (announcer, GTK_ACCESSIBLE_ROLE_ALERT);
    g_assert_cmpstr (baton_announcer_get_message (announcer), ==, "Undone: Add client");
    gtk_test_accessible_assert_property (announcer, GTK_ACCESSIBLE_PROPERTY_LABEL, "Undone: Add client");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (clients), ==, 1);
  client = g_list_model_get_item (clients, 0);
  g_assert_cmpstr (baton_client_get_name (client), ==, "Acme");
  g_object_unref (client);
  g_assert_true (gtk_widget_get_sensitive (undo_button));
  g_assert_false (gtk_widget_get_sensitive (redo_button));

  baton_test_drain ();
}

/* What a toast says is said to a screen reader too: a move, a refused
 * change; the alert is in the window's tree, and takes no room. */
static void
test_announce (Fixture       *f,
               gconstpointer  data)
{
  BatonAnnouncer *announcer;

  SKIP_WITHOUT_DISPLAY ();

  announcer = baton_announcer_find (GTK_WIDGET (f->window));
  g_assert_nonnull (announcer);
  g_assert_true (gtk_widget_get_ancestor (GTK_WIDGET (announcer), BATON_TYPE_WINDOW) == GTK_WIDGET (f->window));
  g_assert_null (baton_announcer_get_message (announcer));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-undo-toast", "s",
                                             "Moved “Script” to Design"));
  gtk_test_accessible_assert_property (announcer, GTK_ACCESSIBLE_PROPERTY_LABEL, "Moved “Script” to Design");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-toast", "s",
                                             "This workspace is read-only"));
  gtk_test_accessible_assert_property (announcer, GTK_ACCESSIBLE_PROPERTY_LABEL, "This workspace is read-only");

  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (announcer)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (announcer)), ==, 0);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (announcer)), ==, 0);
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (announcer)));
}

static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  BatonPreferencesWindow *preferences;
  GtkWidget *row;
  gpointer weak;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_null (baton_test_find_toplevel (BATON_TYPE_PREFERENCES_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = baton_test_find_toplevel (BATON_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, preferences, 5000));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (f->window));

  /* An enum key shown in a combo row, both ways. */
  row = baton_test_find_widget (GTK_WIDGET (preferences), is_row_titled, "Color Scheme");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 0);
  g_settings_set_enum (f->settings, "color-scheme", 2);
  baton_test_drain ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  g_assert_cmpint (g_settings_get_enum (f->settings, "color-scheme"), ==, 1);

  /* The working-days flags shown as switches and summarised. */
  row = baton_test_find_widget (GTK_WIDGET (preferences), is_row_titled, "Working Days");
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Mon, Tue, Wed, Thu, Fri");
  {
    GType type = GTK_TYPE_SWITCH;
    GtkWidget *saturday = baton_test_find_widget (baton_test_find_widget (row, is_row_titled, "Saturday"), baton_test_widget_is_of_type, &type);

    g_assert_nonnull (saturday);
    gtk_switch_set_active (GTK_SWITCH (saturday), TRUE);
    g_assert_cmpuint (g_settings_get_flags (f->settings, "working-days"), ==, 0x1f | 0x20);
    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Mon, Tue, Wed, Thu, Fri, Sat");
  }

  /* The autosave delay is shown in seconds and stored in milliseconds. */
  g_settings_set_int (f->settings, "autosave-delay", 1500);
  baton_test_drain ();
  {
    GType type = GTK_TYPE_SPIN_BUTTON;
    GtkWidget *spin = baton_test_find_widget (baton_test_find_widget (GTK_WIDGET (preferences), is_row_titled, "Autosave Delay"),
                                   baton_test_widget_is_of_type, &type);

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
  g_assert_null (baton_test_find_toplevel (BATON_TYPE_PREFERENCES_WINDOW));
}

static void
test_color_scheme (Fixture       *f,
                   gconstpointer  data)
{
  AdwStyleManager *style_manager;

  SKIP_WITHOUT_DISPLAY ();

  style_manager = adw_style_manager_get_default ();
  g_settings_set_string (f->settings, "color-scheme", "dark");
  baton_test_drain ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));

  g_settings_set_string (f->settings, "color-scheme", "light");
  baton_test_drain ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style_manager));

  g_settings_set_string (f->settings, "color-scheme", "default");
  baton_test_drain ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);
}

/* Toasts ---------------------------------------------------------------------- */

static gboolean
is_live_toast_button (GtkWidget  *widget,
                      const void *data)
{
  GtkWidget *toast;

  if (!is_button_for_action (widget, data))
    return FALSE;

  /* In a toast that is not on its way out (those cannot be targeted). */
  for (toast = widget; toast != NULL; toast = gtk_widget_get_parent (toast))
    if (g_str_equal (G_OBJECT_TYPE_NAME (toast), "AdwToastWidget"))
      return gtk_widget_get_can_target (toast);

  return FALSE;
}

/* The button of the toast on show whose action is @action, or NULL. */
static GtkWidget *
find_toast_button (BatonWindow *window,
                   const char  *action)
{
  return baton_test_find_widget (GTK_WIDGET (window), is_live_toast_button, action);
}

typedef struct
{
  BatonWindow *window;
  const char  *action;
  GtkWidget   *button;   /* out */
} ToastButtonWait;

static gboolean
toast_button_shown (gpointer data)
{
  ToastButtonWait *wait = data;

  wait->button = find_toast_button (wait->window, wait->action);
  return wait->button != NULL;
}

/* Waits for a toast whose button activates @action and returns the button. */
static GtkWidget *
wait_for_toast_button (BatonWindow *window,
                       const char  *action)
{
  ToastButtonWait wait = { window, action, NULL };

  g_assert_true (baton_test_wait_until (toast_button_shown, &wait, 5000));
  return wait.button;
}


static gboolean
toast_label_gone (gpointer data)
{
  return !baton_test_label_shown (data);
}

static gboolean
is_toast_widget (GtkWidget  *widget,
                 const void *data)
{
  return g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget");
}

/* No toast offers Undo or Redo. */
static gboolean
no_toast_button (gpointer data)
{
  return baton_test_find_widget (GTK_WIDGET (data), is_live_toast_button, "win.undo-toast") == NULL &&
         baton_test_find_widget (GTK_WIDGET (data), is_live_toast_button, "win.redo-toast") == NULL;
}

/* No toast at all: none on show, none waiting, none on its way out. */
static gboolean
no_toast_widget (gpointer data)
{
  return no_toast_button (data) && baton_window_get_n_toasts (data) == 0 &&
         baton_test_find_widget (GTK_WIDGET (data), is_toast_widget, NULL) == NULL;
}

/* What a toast's button would activate: its action and target. */
typedef struct
{
  char     *action;
  GVariant *target;
} ToastAction;

static void
toast_action_take (ToastAction *action,
                   GtkWidget   *button)
{
  GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));

  action->action = g_strdup (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)));
  action->target = target ? g_variant_ref (target) : NULL;
}

static void
toast_action_clear (ToastAction *action)
{
  g_clear_pointer (&action->action, g_free);
  g_clear_pointer (&action->target, g_variant_unref);
}

static BatonClient *
create_client (BatonStore *store,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  BatonClient *client = baton_store_create_client (store, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (client);
  return client;
}

static gboolean
has_client (BatonStore *store,
            const char *name)
{
  GListModel *clients = baton_store_get_clients (store);

  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(BatonClient) client = g_list_model_get_item (clients, i);

      if (g_strcmp0 (baton_client_get_name (client), name) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
one_toast (gpointer data)
{
  return baton_window_get_n_toasts (data) == 1;
}

/* An undo toast shows its text literally, replaces the one before, and its
 * button undoes the change it names. */
static void
test_undo_toast (Fixture       *f,
                 gconstpointer  data)
{
  const char *message = "Deleted <b>Acme & Co</b>";
  GtkWidget *button;

  SKIP_WITHOUT_DISPLAY ();

  create_client (f->store, "Acme");
  baton_window_show_undo_toast (f->window, "Added a client");
  create_client (f->store, "Acme & Co");
  /* Views reach it through an action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-undo-toast", "s", message));

  /* The text is shown literally, not read as markup. */
  button = wait_for_toast_button (f->window, "win.undo-toast");
  g_assert_nonnull (baton_test_find_widget (GTK_WIDGET (f->window), baton_test_widget_is_label_with_text, message));

  /* The first toast was replaced, not queued behind the second. */
  g_assert_cmpuint (baton_window_get_n_toasts (f->window), ==, 1);

  /* Its button undoes the second client, only; the clicked toast closes
   * and the next one says what was undone. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (has_client (f->store, "Acme & Co"));
  g_assert_true (has_client (f->store, "Acme"));
  g_assert_true (baton_test_wait_until (one_toast, f->window, 2000));
  wait_for_toast_button (f->window, "win.redo-toast");

  /* A message takes its place: still one toast. */
  baton_window_show_toast (f->window, "Saved");
  baton_window_show_toast (f->window, "Saved again");
  g_assert_cmpuint (baton_window_get_n_toasts (f->window), ==, 1);
  g_assert_null (find_toast_button (f->window, "win.undo-toast"));
  baton_test_drain ();
}

/* After Redo, the “Undone” toast is gone; the new one names the change
 * that was redone and can undo it again. */
static void
test_redo_toast (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *button;
  gpointer undone[2] = { f->window, "Undone: Add client" };
  gpointer redone[2] = { f->window, "Redone: Add client" };

  SKIP_WITHOUT_DISPLAY ();

  create_client (f->store, "Acme");
  g_assert_cmpstr (baton_history_get_undo_label (baton_store_get_history (f->store)), ==, "Add client");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_false (has_client (f->store, "Acme"));
  button = wait_for_toast_button (f->window, "win.redo-toast");
  g_assert_true (baton_test_label_shown (undone));

  /* Its Redo button redoes. */
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (has_client (f->store, "Acme"));

  /* No toast says “Undone” with a Redo that can do nothing. */
  g_assert_true (baton_test_wait_until (toast_label_gone, undone, 2000));
  g_assert_null (find_toast_button (f->window, "win.redo-toast"));
  button = wait_for_toast_button (f->window, "win.undo-toast");
  g_assert_true (baton_test_label_shown (redone));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_cmpuint (baton_window_get_n_toasts (f->window), ==, 1);

  /* Ctrl+Shift+Z from the header does the same. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
  g_assert_true (has_client (f->store, "Acme"));
  g_assert_true (baton_test_wait_until (toast_label_gone, undone, 2000));
  g_assert_cmpuint (baton_window_get_n_toasts (f->window), ==, 1);
}

/* A toast's button acts on the change the toast names, or the toast is
 * gone and its button does nothing. */
static void
test_stale_toast (Fixture       *f,
                  gconstpointer  data)
{
  BatonHistory *history;
  ToastAction beta_undo = { NULL, NULL };
  ToastAction gamma_redo = { NULL, NULL };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  SKIP_WITHOUT_DISPLAY ();

  history = baton_store_get_history (f->store);
  create_client (f->store, "Acme");
  create_client (f->store, "Beta");
  baton_window_show_undo_toast (f->window, "Added Beta");
  toast_action_take (&beta_undo, wait_for_toast_button (f->window, "win.undo-toast"));

  /* A newer change buries Beta's: the toast loses its button, and the
   * button's action is refused (it would have undone Gamma). */
  create_client (f->store, "Gamma");
  g_assert_true (baton_test_wait_until (no_toast_button, f->window, 2000));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), beta_undo.action, beta_undo.target));
  g_assert_true (has_client (f->store, "Gamma"));
  g_assert_true (has_client (f->store, "Beta"));
  g_assert_true (baton_history_get_can_undo (history));
  g_assert_false (baton_history_get_can_redo (history));

  /* Undone Gamma, then Beta: the first “Undone” toast is replaced, and
   * its Redo does not redo Beta. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  toast_action_take (&gamma_redo, wait_for_toast_button (f->window, "win.redo-toast"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  g_assert_false (has_client (f->store, "Beta"));
  g_assert_cmpuint (baton_window_get_n_toasts (f->window), ==, 1);
  before = g_strdup_printf ("%d %d %s", has_client (f->store, "Beta"), has_client (f->store, "Gamma"),
                            baton_history_get_redo_label (history));
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), gamma_redo.action, gamma_redo.target));
  after = g_strdup_printf ("%d %d %s", has_client (f->store, "Beta"), has_client (f->store, "Gamma"),
                           baton_history_get_redo_label (history));
  g_assert_cmpstr (after, ==, before);

  /* A new change empties the redo stack: “Undone: Beta” loses its Redo. */
  create_client (f->store, "Delta");
  g_assert_true (baton_test_wait_until (no_toast_button, f->window, 2000));
  g_assert_cmpuint (baton_window_get_n_toasts (f->window), ==, 1);

  toast_action_clear (&beta_undo);
  toast_action_clear (&gamma_redo);
}

/* However much undo and redo, one toast at a time, and once it has timed
 * out the application does nothing at all. */
static void
test_toasts_settle (Fixture       *f,
                    gconstpointer  data)
{
  guint max_live = 0;
  guint dispatches;

  SKIP_WITHOUT_DISPLAY ();

  /* New changes, each with its toast, one after the other. */
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %u", i);

      create_client (f->store, name);
      baton_window_show_undo_toast (f->window, name);
      max_live = MAX (max_live, baton_window_get_n_toasts (f->window));
      if (i % 2 == 0)
        baton_test_drain ();
      else
        baton_test_run_for (10);
    }

  create_client (f->store, "Acme");
  baton_window_show_undo_toast (f->window, "Added Acme");
  for (guint i = 0; i < 50; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
      g_assert_false (has_client (f->store, "Acme"));
      max_live = MAX (max_live, baton_window_get_n_toasts (f->window));
      baton_test_drain ();
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.redo", NULL));
      g_assert_true (has_client (f->store, "Acme"));
      max_live = MAX (max_live, baton_window_get_n_toasts (f->window));
      baton_test_drain ();
    }
  g_assert_cmpuint (max_live, ==, 1);

  /* The last toast times out (5 s) and nothing replays it or another. */
  gtk_window_set_focus (GTK_WINDOW (f->window), NULL);
  g_assert_true (baton_test_wait_until (no_toast_widget, f->window, 8000));
  /* The last frames that remove it, then nothing. */
  for (guint i = 0; i < 8 && baton_test_count_dispatches (250) > 0; i++)
    ;
  dispatches = baton_test_count_dispatches (1000);
  g_test_message ("%u main-loop dispatches in the idle second", dispatches);
  g_assert_cmpuint (dispatches, ==, 0);
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
  GtkWidget *card = baton_test_find_widget (GTK_WIDGET (data), is_mapped_card, NULL);

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

  have_xdotool = baton_test_have_xdotool (GTK_WIDGET (f->window), &reason);
  if (!have_xdotool)
    g_test_message ("without real events: %s", reason);

  /* What quitting prints is fatal (g_test_init () does the same). */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

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
  card = baton_test_find_widget (GTK_WIDGET (window), is_mapped_card, NULL);

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

      /* The card's task is the parameter, its id. */
      g_assert_true (gtk_widget_activate_action (card, "task.open", "x",
                                                 baton_record_get_id (BATON_RECORD (baton_board_card_get_task (BATON_BOARD_CARD (card))))));
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

      g_assert_true (baton_test_xdotool_argv (quit));
    }
  else
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak_window, 5000));
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak_card, 5000));
  baton_test_drain ();

  g_assert_finalize_object (g_steal_pointer (&store));

  /* The fixture closes a window of its own. */
  f->window = open_window (f->store);
}

/* Focus ---------------------------------------------------------------------------- */

/* Outside the board (a client undone from the header), the focus on an
 * Undo button that has nothing more to undo goes to Redo, not nowhere. */
static void
test_focus_undo_button_elsewhere (Fixture       *f,
                                  gconstpointer  data)
{
  GtkWidget *undo_button, *redo_button;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "clients"));
  create_client (f->store, "Acme");
  undo_button = find_header_button (f->window, "win.undo");
  redo_button = find_header_button (f->window, "win.redo");
  g_assert_true (gtk_widget_grab_focus (undo_button));

  g_signal_emit_by_name (undo_button, "clicked");
  g_assert_false (has_client (f->store, "Acme"));
  g_assert_false (gtk_widget_get_sensitive (undo_button));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == redo_button);

  g_signal_emit_by_name (redo_button, "clicked");
  g_assert_true (has_client (f->store, "Acme"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == undo_button);
}

static gboolean
focus_on_card_of (gpointer data)
{
  gpointer *args = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (args[0]));

  return BATON_IS_BOARD_CARD (focus) && baton_board_card_get_task (BATON_BOARD_CARD (focus)) == args[1] &&
         gtk_widget_has_focus (focus) && gtk_widget_get_mapped (focus);
}

/* The header's Undo button keeps the focus while it can undo more; when
 * it cannot, the focus goes to the card the last undo acted on. */
static void
test_focus_after_undo_button (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  BatonDemoSize size;
  BatonWindow *window;
  GtkWidget *card, *undo_button;
  BatonTask *task;
  gint64 stage_id;
  gpointer args[2];

  SKIP_WITHOUT_DISPLAY ();

  store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  baton_demo_size_init_default (&size);
  g_assert_true (baton_demo_generate (store, &size, &error));
  g_assert_no_error (error);

  window = open_window (store);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "board"));
  g_assert_true (baton_test_wait_until (find_mapped_card, window, 5000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  card = baton_test_find_widget (GTK_WIDGET (window), is_mapped_card, NULL);
  task = g_object_ref (baton_board_card_get_task (BATON_BOARD_CARD (card)));
  stage_id = baton_task_get_stage_id (task);
  args[0] = window;
  args[1] = task;

  /* Two moves to the right, from the keyboard's actions. */
  g_assert_true (gtk_widget_grab_focus (card));
  g_assert_true (gtk_widget_activate_action (card, "task.move-right", "x", baton_record_get_id (BATON_RECORD (task))));
  g_assert_true (baton_test_wait_until (focus_on_card_of, args, 5000));
  g_assert_true (gtk_widget_activate_action (gtk_root_get_focus (GTK_ROOT (window)), "task.move-right", "x",
                                             baton_record_get_id (BATON_RECORD (task))));
  g_assert_true (baton_test_wait_until (focus_on_card_of, args, 5000));

  undo_button = find_header_button (window, "win.undo");
  g_assert_true (gtk_widget_grab_focus (undo_button));
  g_signal_emit_by_name (undo_button, "clicked");
  baton_test_drain ();
  g_assert_true (gtk_widget_get_sensitive (undo_button));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == undo_button);

  g_signal_emit_by_name (undo_button, "clicked");
  g_assert_cmpint (baton_task_get_stage_id (task), ==, stage_id);
  g_assert_false (gtk_widget_get_sensitive (undo_button));
  g_assert_true (baton_test_wait_until (focus_on_card_of, args, 5000));

  g_object_unref (task);
  close_window (window);
  baton_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&store));
}

/* A workspace whose file cannot be written ------------------------------------ */

static gboolean
is_read_only_banner (GtkWidget  *widget,
                     const void *data)
{
  return GTK_IS_REVEALER (widget) && gtk_widget_has_css_class (widget, "read-only-banner");
}

static gboolean
revealer_is_revealed (gpointer data)
{
  return gtk_revealer_get_child_revealed (data);
}

/* Builds every view (each is built when first shown), back on the board. */
static void
show_every_view (BatonWindow *window)
{
  const char *views[] = { "capacity", "clients", "board" };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]));
}

/* Every button of @action in @window; fails when there is none. */
static void
assert_action_buttons (BatonWindow *window,
                       const char  *action,
                       gboolean     sensitive)
{
  g_autoptr(GPtrArray) buttons = baton_test_find_widgets (GTK_WIDGET (window), is_button_for_action, action);

  g_test_message ("%u buttons for %s", buttons->len, action);
  g_assert_cmpuint (buttons->len, >, 0);
  for (guint i = 0; i < buttons->len; i++)
    g_assert_cmpint (gtk_widget_get_sensitive (g_ptr_array_index (buttons, i)), ==, sensitive);
}

static void
write_workspace (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (path, &error);
  BatonClient *client;

  g_assert_no_error (error);
  client = baton_store_create_client (store, "Acme", NULL, &error);
  g_assert_nonnull (client);
  g_assert_nonnull (baton_store_create_note (store, client, NULL, "Needs", "# Needs", &error));
  g_assert_no_error (error);
}

/* A card on the board this week: assigned, estimated, due. */
static void
write_card (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (path, &error);
  g_autofree char *due = NULL;
  BatonStage *stage;
  BatonRole *role;
  BatonPerson *person;
  BatonTask *task;

  g_assert_no_error (error);
  stage = g_list_model_get_n_items (baton_store_get_stages (store)) > 0
            ? baton_test_list_item (baton_store_get_stages (store), 0)
            : baton_store_create_stage (store, "Backlog", 0, &error);
  g_assert_no_error (error);
  role = baton_store_create_role (store, "Writer", "#1c71d8", &error);
  g_assert_no_error (error);
  person = baton_store_create_person (store, "Ada", NULL, 40 * 60, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (baton_store_set_person_roles (store, person, (gint64[]) { baton_test_id (role) }, 1,
                                               baton_test_id (role), &error));
  task = baton_store_create_task (store, stage, NULL, "Storyboard", &error);
  g_assert_no_error (error);
  due = baton_date_format (baton_date_today ());
  g_assert_true (baton_store_update (store, task, &error,
                                     "role-id", baton_test_id (role),
                                     "assignee-id", baton_test_id (person),
                                     "estimate-minutes", (gint64) 8 * 60,
                                     "due-date", due, NULL));
  g_assert_no_error (error);
}

static gboolean
has_board_card (gpointer data)
{
  return baton_test_find_descendant (GTK_WIDGET (data), BATON_TYPE_BOARD_CARD) != NULL;
}

static gboolean
says_read_only (gpointer data)
{
  return baton_test_find_widget (GTK_WIDGET (data), baton_test_widget_is_label_with_text,
                                 "This workspace is read-only") != NULL;
}

/* In a read-only workspace a card can be looked at, not moved: no drag
 * starts, on the board or the capacity grid; Ctrl+→ on a card moves
 * nothing, scrolls nothing and says why; the card editor shows the card
 * with nothing to edit. */
static void
check_read_only_cards (BatonWindow *window,
                       BatonStore  *store)
{
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autoptr(BatonTask) task = g_list_model_get_item (baton_store_get_tasks (store), 0);
  gint64 stage_id = baton_task_get_stage_id (task);
  GtkWidget *card, *editor, *capacity, *scrolled;
  GtkAdjustment *hadjustment;
  double x, y, scrolled_to;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "board"));
  g_assert_true (baton_test_wait_until (has_board_card, window, 5000));
  card = baton_test_find_descendant (GTK_WIDGET (window), BATON_TYPE_BOARD_CARD);
  gtk_test_widget_wait_for_draw (card);

  /* No drag from the board. */
  g_signal_emit_by_name (baton_board_card_get_drag_source (BATON_BOARD_CARD (card)), "prepare", 10.0, 10.0, &provider);
  g_assert_null (provider);

  /* Ctrl+→ (twice): the card stays, the board does not scroll, one toast
   * says why. */
  if (baton_test_can_use_xdotool (GTK_WIDGET (window)))
    {
      int sx, sy;

      scrolled = gtk_widget_get_ancestor (card, GTK_TYPE_SCROLLED_WINDOW);
      while (scrolled != NULL &&
             gtk_adjustment_get_upper (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled))) <=
             gtk_adjustment_get_page_size (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled))) &&
             gtk_widget_get_parent (scrolled) != NULL)
        scrolled = gtk_widget_get_ancestor (gtk_widget_get_parent (scrolled), GTK_TYPE_SCROLLED_WINDOW);
      g_assert_nonnull (scrolled);
      hadjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scrolled));
      scrolled_to = gtk_adjustment_get_value (hadjustment);

      baton_test_screen_center (card, &sx, &sy);
      g_assert_true (baton_test_xdotool ("mousemove %d %d", sx, sy));
      gtk_widget_grab_focus (card);
      g_assert_true (gtk_widget_has_focus (card));
      g_assert_true (baton_test_xdotool ("key ctrl+Right sleep 0.1 key ctrl+Right"));
      g_assert_true (baton_test_wait_until (says_read_only, window, 5000));
      baton_test_run_for (200);
      g_assert_cmpint (baton_task_get_stage_id (task), ==, stage_id);
      g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, scrolled_to);
      g_assert_cmpuint (baton_window_get_n_toasts (window), ==, 1);
    }
  else
    g_test_message ("no xdotool: Ctrl+→ not tried");

  /* The editor shows the card; nothing in it edits. */
  editor = baton_task_editor_new (GTK_WINDOW (window), store, task);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, editor, 5000));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (baton_task_editor_get_field (BATON_TASK_EDITOR (editor), "title"))),
                   ==, "Storyboard");
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (baton_task_editor_get_field (BATON_TASK_EDITOR (editor), "title"))));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (baton_task_editor_get_field (BATON_TASK_EDITOR (editor), "estimate"))));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (baton_task_editor_get_field (BATON_TASK_EDITOR (editor), "description"))));
  g_assert_false (gtk_widget_is_sensitive (baton_task_editor_get_field (BATON_TASK_EDITOR (editor), "assignee")));
  g_assert_false (gtk_widget_is_sensitive (baton_task_editor_get_field (BATON_TASK_EDITOR (editor), "due-date")));
  g_assert_false (gtk_widget_get_mapped (baton_task_editor_get_field (BATON_TASK_EDITOR (editor), "checklist-entry")));
  {
    g_autoptr(GPtrArray) saves = baton_test_find_widgets (editor, is_button_for_action, "editor.save");

    g_assert_cmpuint (saves->len, >, 0);
    for (guint i = 0; i < saves->len; i++)
      g_assert_false (gtk_widget_get_mapped (g_ptr_array_index (saves, i)));
  }
  gtk_window_destroy (GTK_WINDOW (editor));

  /* No drag from the capacity grid either. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "capacity"));
  capacity = baton_test_find_descendant (GTK_WIDGET (window), BATON_TYPE_CAPACITY_VIEW);
  g_assert_nonnull (capacity);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, capacity, 5000));
  gtk_test_widget_wait_for_draw (capacity);
  g_assert_true (baton_capacity_view_get_cell_point (BATON_CAPACITY_VIEW (capacity), baton_task_get_assignee_id (task),
                                                    0, 0, &x, &y));
  g_signal_emit_by_name (baton_capacity_view_get_drag_source (BATON_CAPACITY_VIEW (capacity)), "prepare", x, y, &provider);
  g_assert_null (provider);
  g_assert_cmpint (baton_task_get_stage_id (task), ==, stage_id);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(BatonTestWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GPtrArray) text_views = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonWindow *window;
  GtkWidget *banner;
  GType text_view_type = GTK_TYPE_TEXT_VIEW;

  SKIP_WITHOUT_DISPLAY ();

  /* A workspace that can be written: no banner, editing on. */
  banner = baton_test_find_widget (GTK_WIDGET (f->window), is_read_only_banner, NULL);
  g_assert_nonnull (banner);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  show_every_view (f->window);
  assert_action_buttons (f->window, "board.new-card", TRUE);
  assert_action_buttons (f->window, "capacity.add-person", TRUE);
  assert_action_buttons (f->window, "clients.add-client", TRUE);

  ws = baton_test_workspace_new ();
  write_workspace (ws->path);
  write_card (ws->path);
  if (!baton_test_make_unwritable (ws->path))
    return;
  before = baton_test_folder_state (ws->path);

  store = baton_store_open (ws->path, &error);
  /* The store stays read-only; an aborted test leaves no file that even
   * root cannot remove. */
  baton_test_make_writable (ws->path);
  g_assert_no_error (error);
  g_assert_true (baton_store_get_read_only (store));
  window = open_window (store);

  /* The banner says so… */
  banner = baton_test_find_widget (GTK_WIDGET (window), is_read_only_banner, NULL);
  g_assert_nonnull (banner);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_true (baton_test_wait_until (revealer_is_revealed, banner, 5000));
  g_assert_nonnull (baton_test_find_widget (banner, is_label_with_prefix, "Read-only"));
  g_assert_true (gtk_widget_get_mapped (banner));

  /* …and nothing offers a change: the views' buttons, the shortcuts
   * behind the same actions, the notes editor. */
  show_every_view (window);
  assert_action_buttons (window, "board.new-card", FALSE);
  assert_action_buttons (window, "capacity.add-person", FALSE);
  assert_action_buttons (window, "clients.add-client", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.view-action", "s", "new-card");
  baton_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_tasks (store)), ==, 1);

  check_read_only_cards (window, store);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "clients"));
  baton_test_drain ();
  text_views = baton_test_find_widgets (GTK_WIDGET (window), baton_test_widget_is_of_type, &text_view_type);
  g_assert_cmpuint (text_views->len, >, 0);
  for (guint i = 0; i < text_views->len; i++)
    g_assert_false (gtk_text_view_get_editable (g_ptr_array_index (text_views, i)));

  close_window (window);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Not even the permissions changed back: same bytes, no file beside. */
  after = baton_test_folder_state (ws->path);
  baton_test_assert_text ("the folder", after, before);
}

/* Accessible names ------------------------------------------------------------- */

/* No accessible name reads out a mnemonic underscore ("_Add Stage Add
 * Stage"): the window with the board and the capacity views, their empty
 * states, and the dialogs and editor they open. (The clients view is
 * another part's.) */
static void
test_accessible_names (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) empty = NULL;
  GType clients = g_type_from_name ("BatonClientsView");
  BatonWindow *window;
  GtkWidget *editor;
  const char *views[] = { "board", "capacity" };

  SKIP_WITHOUT_DISPLAY ();

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", views[i]));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      baton_test_assert_mnemonic_names (GTK_WIDGET (f->window), clients, views[i]);
    }

  /* The card editor. */
  editor = baton_task_editor_new (GTK_WINDOW (f->window), f->store, NULL);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, editor, 5000));
  baton_test_assert_mnemonic_names (editor, G_TYPE_INVALID, "card editor");
  gtk_window_destroy (GTK_WINDOW (editor));

  /* The capacity view's dialogs. */
  {
    GtkWidget *capacity = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_CAPACITY_VIEW);
    const char *actions[] = { "capacity.manage-roles", "capacity.add-person", "capacity.show-archived-people" };

    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      {
        GListModel *toplevels = gtk_window_get_toplevels ();
        guint n = g_list_model_get_n_items (toplevels);
        g_autoptr(GtkWindow) dialog = NULL;

        g_assert_true (gtk_widget_activate_action (capacity, actions[i], NULL));
        g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n + 1);
        dialog = g_list_model_get_item (toplevels, n);
        gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
        baton_test_assert_mnemonic_names (GTK_WIDGET (dialog), G_TYPE_INVALID, actions[i]);
        gtk_window_destroy (dialog);
      }
  }

  /* An empty workspace: the first-run pages of each view. */
  empty = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  window = open_window (empty);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[i]));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      baton_test_assert_mnemonic_names (GTK_WIDGET (window), clients, views[i]);
    }
  close_window (window);
}

/* Open errors ------------------------------------------------------------------ */

static BatonWindow *
find_window_for (const char *path)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (BATON_IS_WINDOW (window) &&
          g_strcmp0 (baton_store_get_path (baton_window_get_store (BATON_WINDOW (window))), path) == 0)
        return BATON_WINDOW (window);
    }

  return NULL;
}

/* Opens @path as `--database` does and returns the dialog that says why
 * it could not be opened. */
static AdwMessageDialog *
open_expecting_dialog (const char *path,
                       const char *heading)
{
  AdwMessageDialog *dialog;

  g_assert_null (baton_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  baton_application_open_database (app, path);
  dialog = baton_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  if (dialog == NULL)
    return NULL;

  g_test_message ("%s\n%s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_null (find_window_for (path));

  return dialog;
}

static void
close_dialog (AdwMessageDialog *dialog)
{
  gpointer weak = dialog;

  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak, 5000));
}

static void
exec_sql (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("SQL failed: %s\n%s", message, sql);
}

/* The case: another program's file with a user_version Baton once
 * used. The dialog's "not changed" is true: no WAL, no backup. */
static void
test_open_foreign (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BatonTestWorkspace) ws = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;
  sqlite3 *db = NULL;

  SKIP_WITHOUT_DISPLAY ();

  ws = baton_test_workspace_new ();
  g_assert_cmpint (sqlite3_open (ws->path, &db), ==, SQLITE_OK);
  exec_sql (db, "CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT);"
                "INSERT INTO songs (title) VALUES ('Keep me');"
                "PRAGMA user_version = 3;");
  sqlite3_close (db);
  before = baton_test_folder_state (ws->path);

  dialog = open_expecting_dialog (ws->path, "Not a Baton Workspace");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is not a Baton workspace"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "The file has not been changed."));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "damaged"));
  g_assert_false (adw_message_dialog_has_response (dialog, "backup"));
  g_assert_false (adw_message_dialog_has_response (dialog, "retry"));
  close_dialog (dialog);

  after = baton_test_folder_state (ws->path);
  baton_test_assert_text ("the folder", after, before);
}

/* Damaged, with a good backup: the dialog offers a copy of it. */
static void
test_open_damaged (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BatonTestWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  AdwMessageDialog *dialog;

  SKIP_WITHOUT_DISPLAY ();

  ws = baton_test_workspace_new ();
  {
    g_autoptr(BatonStore) store = baton_store_open (ws->path, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < 60; i++)
      {
        g_autofree char *name = g_strdup_printf ("A client with a long name to fill pages, number %u", i);
        g_assert_nonnull (baton_store_create_client (store, name, NULL, &error));
      }
  }
  g_assert_true (baton_store_rotate_backups (ws->path, 3, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (ws->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 2 * 4096);
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char) (i % 241);
  g_assert_true (g_file_set_contents (ws->path, contents, length, NULL));

  dialog = open_expecting_dialog (ws->path, "Workspace Is Damaged");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is damaged"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "latest backup"));
  g_assert_true (adw_message_dialog_has_response (dialog, "backup"));
  g_assert_false (adw_message_dialog_has_response (dialog, "retry"));
  close_dialog (dialog);
}

/* Another program holds a lock: "in use", with Try Again and no backup;
 * once the lock is gone, Try Again opens it. */
static void
test_open_locked (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(BatonTestWorkspace) ws = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  BatonWindow *window;
  sqlite3 *owner = NULL;

  SKIP_WITHOUT_DISPLAY ();

  ws = baton_test_workspace_new ();
  write_workspace (ws->path);
  g_assert_true (baton_store_rotate_backups (ws->path, 3, &error));
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (ws->path, &owner), ==, SQLITE_OK);
  exec_sql (owner, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; DELETE FROM notes;");

  dialog = open_expecting_dialog (ws->path, "Workspace Is in Use");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "in use by another program"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "The file has not been changed."));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "damaged"));
  g_assert_false (adw_message_dialog_has_response (dialog, "backup"));
  g_assert_true (adw_message_dialog_has_response (dialog, "retry"));

  exec_sql (owner, "ROLLBACK");
  g_assert_cmpint (sqlite3_close (owner), ==, SQLITE_OK);

  adw_message_dialog_response (dialog, "retry");
  window = find_window_for (ws->path);
  g_assert_nonnull (window);
  close_dialog (dialog);
  if (window != NULL)
    {
      g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_notes (baton_window_get_store (window))), ==, 1);
      close_window (window);
    }
}

/* Cannot be written and needs an upgrade; and from a newer Baton. */
static void
test_open_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BatonTestWorkspace) ws = NULL;
  AdwMessageDialog *dialog;
  sqlite3 *db = NULL;

  SKIP_WITHOUT_DISPLAY ();

  ws = baton_test_workspace_new ();
  g_assert_cmpint (sqlite3_open (ws->path, &db), ==, SQLITE_OK);
  exec_sql (db, baton_db_migration_sql (1));
  exec_sql (db, "PRAGMA user_version = 1");
  sqlite3_close (db);

  if (baton_test_make_unwritable (ws->path))
    {
      dialog = open_expecting_dialog (ws->path, "Workspace Cannot Be Written");
      baton_test_make_writable (ws->path);
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be written"));
      g_assert_false (adw_message_dialog_has_response (dialog, "backup"));
      close_dialog (dialog);
    }

  g_assert_cmpint (sqlite3_open (ws->path, &db), ==, SQLITE_OK);
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                            BATON_APPLICATION_ID, BATON_SCHEMA_VERSION + 1);
    exec_sql (db, sql);
  }
  sqlite3_close (db);

  dialog = open_expecting_dialog (ws->path, "Workspace From a Newer Version of Baton");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "newer version"));
  close_dialog (dialog);
}

/* One stylesheet ------------------------------------------------------------ */

static void
collect_stylesheets (const char *path,
                     GPtrArray  *found)
{
  g_auto(GStrv) children = g_resources_enumerate_children (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *child = g_strconcat (path, children[i], NULL);

      if (g_str_has_suffix (child, "/"))
        collect_stylesheets (child, found);
      else if (g_str_has_suffix (child, ".css"))
        g_ptr_array_add (found, g_steal_pointer (&child));
    }
}

/* Every rule comes from the application stylesheet that AdwApplication
 * loads, src/shell/style.css, and its high contrast additions,
 * style-hc.css: no view or widget ships one of its own. (An error in
 * them is a warning, fatal in every UI test, when AdwApplication or
 * baton_test_load_stylesheet () loads them.) */
static int
compare_paths (const char **a,
                            const char **b)
{
  return strcmp (*a, *b);
}

static void
test_one_stylesheet (void)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  collect_stylesheets (RESOURCE_PREFIX "/", found);
  for (guint i = 0; i < found->len; i++)
    g_test_message ("stylesheet: %s", (char *) found->pdata[i]);
  g_ptr_array_sort (found, (GCompareFunc) compare_paths);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (found->pdata[0], ==, RESOURCE_PREFIX "/style-hc.css");
  g_assert_cmpstr (found->pdata[1], ==, RESOURCE_PREFIX "/style.css");
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

  g_test_add ("/shell/pages", Fixture, NULL, fixture_set_up, test_pages, fixture_tear_down);
  g_test_add ("/shell/one-workload", Fixture, NULL, fixture_set_up, test_one_workload, fixture_tear_down);
  g_test_add_func ("/shell/one-stylesheet", test_one_stylesheet);
  g_test_add ("/shell/show-view", Fixture, NULL, fixture_set_up, test_show_view, fixture_tear_down);
  g_test_add ("/shell/view-action", Fixture, NULL, fixture_set_up, test_view_action, fixture_tear_down);
  g_test_add ("/shell/undo-redo", Fixture, NULL, fixture_set_up, test_undo_redo, fixture_tear_down);
  g_test_add ("/shell/announce", Fixture, NULL, fixture_set_up, test_announce, fixture_tear_down);
  g_test_add ("/shell/preferences", Fixture, NULL, fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add ("/shell/color-scheme", Fixture, NULL, fixture_set_up, test_color_scheme, fixture_tear_down);
  g_test_add ("/shell/undo-toast", Fixture, NULL, fixture_set_up, test_undo_toast, fixture_tear_down);
  g_test_add ("/shell/read-only", Fixture, NULL, fixture_set_up, test_read_only, fixture_tear_down);
  g_test_add ("/shell/accessible-names", Fixture, NULL, fixture_set_up, test_accessible_names, fixture_tear_down);
  g_test_add ("/shell/open-error/foreign", Fixture, NULL, fixture_set_up, test_open_foreign, fixture_tear_down);
  g_test_add ("/shell/open-error/damaged", Fixture, NULL, fixture_set_up, test_open_damaged, fixture_tear_down);
  g_test_add ("/shell/open-error/locked", Fixture, NULL, fixture_set_up, test_open_locked, fixture_tear_down);
  g_test_add ("/shell/open-error/refused", Fixture, NULL, fixture_set_up, test_open_refused, fixture_tear_down);
  g_test_add ("/shell/toast/redo", Fixture, NULL, fixture_set_up, test_redo_toast, fixture_tear_down);
  g_test_add ("/shell/toast/stale", Fixture, NULL, fixture_set_up, test_stale_toast, fixture_tear_down);
  g_test_add ("/shell/toast/settles", Fixture, NULL, fixture_set_up, test_toasts_settle, fixture_tear_down);
  g_test_add ("/shell/focus/undo-button", Fixture, NULL, fixture_set_up, test_focus_after_undo_button, fixture_tear_down);
  g_test_add ("/shell/focus/undo-button-elsewhere", Fixture, NULL, fixture_set_up,
              test_focus_undo_button_elsewhere, fixture_tear_down);
  g_test_add ("/shell/quit/after-focused-card", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_quit_after_card, fixture_tear_down);
  g_test_add ("/shell/quit/after-card-editor", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_quit_after_card, fixture_tear_down);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
