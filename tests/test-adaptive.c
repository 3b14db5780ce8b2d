/* test-adaptive.c — the main window at 360, 700 and 1100 px wide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The real window with the demo workspace, sized like a phone, a half
 * screen and a laptop. In each view (and each page of the folded Clients
 * view) every action must be reachable: a mapped, sensitive control with
 * a size, inside the window (or inside a scrolled window that can scroll
 * to it), or an item of a menu whose button is so. Every control outside a
 * scrolled window must lie inside the window. The window must go down to
 * 360 px.
 *
 * The header bar is measured with GNOME's default window buttons (close
 * only, gtk-decoration-layout "appmenu:close"); Xvfb's default adds
 * minimize and maximize.
 */

#define G_LOG_DOMAIN "test-adaptive"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "baton-application.h"
#include "baton-avatar.h"
#include "baton-board-card.h"
#include "baton-board-private.h"
#include "baton-board-view.h"
#include "baton-capacity-grid-layout.h"
#include "baton-capacity-grid-private.h"
#include "baton-capacity-person-header.h"
#include "baton-capacity-view.h"
#include "baton-client-page.h"
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

  f->window = NULL;   /* open_window (): each test picks its width */
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (app == NULL)
    return;

  if (f->window != NULL)
    baton_test_destroy_window (GTK_WINDOW (g_steal_pointer (&f->window)));
  baton_test_drain ();
  g_assert_finalize_object (g_steal_pointer (&f->store));
}

/* Without a display: a skip, a failure in CI (baton-test-util.h). */
#define SKIP_WITHOUT_DISPLAY() \
  G_STMT_START { if (app == NULL) { baton_test_missing_requirement ("no display"); return; } } G_STMT_END

/* Sizing ------------------------------------------------------------------------ */

typedef struct
{
  GtkWidget *widget;
  int        width;
} WidthWait;

static gboolean
has_width (gpointer data)
{
  WidthWait *wait = data;

  return gtk_widget_get_width (wait->widget) == wait->width;
}

/* Without a window manager the window takes its default size; with its
 * minimum wider than @width it stays wider, and that fails here. */
/* Opens the window @width px wide. Without a window manager it takes its
 * default size, which counts the decorations' shadow too (a margin around
 * the window without a compositor): measured on the first window, added.
 * With a minimum wider than @width it stays wider, and that fails here. */
static void
open_window (Fixture *f,
             int      width)
{
  static int margin = -1;
  WidthWait wait = { NULL, width };

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      if (f->window != NULL)
        baton_test_destroy_window (GTK_WINDOW (g_steal_pointer (&f->window)));

      f->window = BATON_WINDOW (baton_window_new (GTK_APPLICATION (app), f->store));
      gtk_window_set_default_size (GTK_WINDOW (f->window), width + MAX (margin, 0), 720);
      baton_test_show_window (GTK_WINDOW (f->window));
      wait.widget = GTK_WIDGET (f->window);
      if (baton_test_wait_until (has_width, &wait, 2000) || margin >= 0)
        break;

      margin = MAX (width - gtk_widget_get_width (GTK_WIDGET (f->window)), 0);
    }

  if (gtk_widget_get_width (GTK_WIDGET (f->window)) != width)
    g_error ("The window is %d px wide, not %d", gtk_widget_get_width (GTK_WIDGET (f->window)), width);
  if (margin < 0)
    margin = 0;

  /* Folding, squeezing and the grid settle over a few frames. */
  baton_test_run_for (300);
}

/* Reachability -------------------------------------------------------------------- */

static gboolean
menu_model_has_action (GMenuModel *model,
                       const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          if (menu_model_has_action (link, action))
            return TRUE;
        }
    }

  return FALSE;
}

/* Inside the window, except in a direction a scrolled window around it
 * scrolls in. */
static gboolean
is_inside_window (GtkWidget *widget,
                  GtkWidget *window,
                  char     **why)
{
  graphene_rect_t bounds;
  gboolean hscrolls = FALSE, vscrolls = FALSE;
  float left, top, right, bottom;

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_SCROLLED_WINDOW (w))
      {
        GtkPolicyType hpolicy, vpolicy;

        gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (w), &hpolicy, &vpolicy);
        hscrolls |= hpolicy != GTK_POLICY_NEVER;
        vscrolls |= vpolicy != GTK_POLICY_NEVER;
      }
    else if (gtk_widget_get_native (w) != gtk_widget_get_native (widget))
      break;

  if (!gtk_widget_compute_bounds (widget, window, &bounds))
    {
      *why = g_strdup ("has no bounds");
      return FALSE;
    }

  left = bounds.origin.x;
  top = bounds.origin.y;
  right = left + bounds.size.width;
  bottom = top + bounds.size.height;

  if (bounds.size.width < 1 || bounds.size.height < 1)
    *why = g_strdup_printf ("is %g × %g", bounds.size.width, bounds.size.height);
  else if (!hscrolls && (left < -0.5f || right > gtk_widget_get_width (window) + 0.5f))
    *why = g_strdup_printf ("spans x %g to %g of %d", left, right, gtk_widget_get_width (window));
  else if (!vscrolls && (top < -0.5f || bottom > gtk_widget_get_height (window) + 0.5f))
    *why = g_strdup_printf ("spans y %g to %g of %d", top, bottom, gtk_widget_get_height (window));
  else
    return TRUE;

  return FALSE;
}

static gboolean
is_shown (GtkWidget *widget)
{
  return gtk_widget_is_drawable (widget) && gtk_widget_get_child_visible (widget);
}

/* A leaflet that is not sliding from one page to another. */
static gboolean
leaflets_settled (gpointer data)
{
  g_autoptr(GPtrArray) leaflets = NULL;
  GType type = ADW_TYPE_LEAFLET;

  leaflets = baton_test_find_widgets (data, baton_test_widget_is_of_type, &type);
  for (guint i = 0; i < leaflets->len; i++)
    if (adw_leaflet_get_child_transition_running (g_ptr_array_index (leaflets, i)))
      return FALSE;

  return TRUE;
}

static void
wait_for_leaflets (GtkWidget *view)
{
  g_assert_true (baton_test_wait_until (leaflets_settled, view, 5000));
}

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget) || GTK_IS_EDITABLE (widget) ||
         GTK_IS_DROP_DOWN (widget) || GTK_IS_CHECK_BUTTON (widget) || GTK_IS_SWITCH (widget);
}

/* Every control on screen (in @view, or the header bar) lies inside the
 * window. A GtkText inside an entry counts as its entry. */
static void
assert_controls_inside (GtkWidget  *window,
                        GtkWidget  *root,
                        const char *where)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *why = NULL;

      if (!is_shown (child) || GTK_IS_NATIVE (child))
        continue;

      if (is_control (child) && !is_inside_window (child, window, &why))
        g_error ("%s: %s “%s” %s", where, G_OBJECT_TYPE_NAME (child),
                 gtk_widget_get_tooltip_text (child) ? gtk_widget_get_tooltip_text (child) : "", why);

      if (!is_control (child))
        assert_controls_inside (window, child, where);
    }
}

typedef enum
{
  NOT_FOUND,
  FOUND_BUTTON,
  FOUND_IN_MENU,
} Reach;

/* An action name that starts with "~" may be disabled. */
static Reach
find_action (GtkWidget  *window,
             GtkWidget  *root,
             const char *action)
{
  gboolean any_state = action[0] == '~';

  if (any_state)
    action++;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *why = NULL;
      Reach reach;

      if (!is_shown (child) || GTK_IS_NATIVE (child))
        continue;

      if (GTK_IS_ACTIONABLE (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0 &&
          (any_state || gtk_widget_is_sensitive (child)) && is_inside_window (child, window, &why))
        return FOUND_BUTTON;

      if (GTK_IS_MENU_BUTTON (child) && gtk_widget_is_sensitive (child) &&
          is_inside_window (child, window, &why))
        {
          GMenuModel *model = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child));
          GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (child));

          if (model == NULL && GTK_IS_POPOVER_MENU (popover))
            model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
          if (model != NULL && menu_model_has_action (model, action))
            return FOUND_IN_MENU;
        }

      if ((reach = find_action (window, child, any_state ? action - 1 : action)) != NOT_FOUND)
        return reach;
    }

  return NOT_FOUND;
}

static void
assert_reachable (Fixture            *f,
                  const char         *where,
                  const char * const *actions)
{
  GtkWidget *window = GTK_WIDGET (f->window);

  assert_controls_inside (window, window, where);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      Reach reach = find_action (window, window, actions[i]);

      if (reach == NOT_FOUND)
        g_error ("%s, %d px: %s cannot be reached", where, gtk_widget_get_width (window), actions[i]);
      g_debug ("%s, %d px: %s %s", where, gtk_widget_get_width (window), actions[i],
               reach == FOUND_BUTTON ? "on screen" : "in a menu");
    }
}

/* The views ------------------------------------------------------------------------- */

/* Enabled or not, by the history: on screen either way. */
static const char * const header_actions[] = {
  "~win.undo", "~win.redo", NULL
};

static const char * const board_actions[] = {
  "board.new-card", "board.show-people", NULL
};

static const char * const capacity_actions[] = {
  "capacity.today", "capacity.previous-week", "capacity.next-week", "capacity.rebalance",
  "capacity.report", "capacity.show-archived-people", "capacity.manage-roles",
  "capacity.add-person", NULL
};

static const char * const clients_list_actions[] = {
  "clients.search", "clients.add-client", "clients.show-archived", NULL
};

static const char * const client_actions[] = {
  "clients.new-note", "clients.add-program", "clients.status-report", "clients.archive-client", NULL
};

static const char * const note_actions[] = {
  "note.create-task", "note.history", "note.export", "note.delete", NULL
};

static gboolean
is_menu_button_labelled (GtkWidget  *widget,
                         const void *data)
{
  return GTK_IS_MENU_BUTTON (widget) &&
         g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), data) == 0;
}

static gboolean
is_primary_menu_button (GtkWidget  *widget,
                        const void *data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static void
assert_widget_reachable (Fixture    *f,
                         GtkWidget  *widget,
                         const char *what)
{
  g_autofree char *why = NULL;

  g_assert_nonnull (widget);
  if (!is_shown (widget) || !gtk_widget_is_sensitive (widget) ||
      !is_inside_window (widget, GTK_WIDGET (f->window), &why))
    g_error ("%d px: %s cannot be reached (%s)", gtk_widget_get_width (GTK_WIDGET (f->window)), what,
             why != NULL ? why : "hidden or insensitive");
}

/* The three views: the switcher in the title or in the bottom bar. */
static void
assert_switcher_reachable (Fixture *f)
{
  AdwViewSwitcherTitle *title = baton_test_find_descendant (GTK_WIDGET (f->window), ADW_TYPE_VIEW_SWITCHER_TITLE);
  AdwViewSwitcherBar *bar = baton_test_find_descendant (GTK_WIDGET (f->window), ADW_TYPE_VIEW_SWITCHER_BAR);
  GtkWidget *switcher;

  g_assert_nonnull (title);

  /* The bar is made once the title has no room for the switcher. */
  if (adw_view_switcher_title_get_title_visible (title))
    {
      g_assert_nonnull (bar);
      g_assert_true (adw_view_switcher_bar_get_reveal (bar));
      switcher = baton_test_find_descendant (GTK_WIDGET (bar), ADW_TYPE_VIEW_SWITCHER);
    }
  else
    switcher = baton_test_find_descendant (GTK_WIDGET (title), ADW_TYPE_VIEW_SWITCHER);

  assert_widget_reachable (f, switcher, "the view switcher");
  for (GtkWidget *b = gtk_widget_get_first_child (switcher); b != NULL; b = gtk_widget_get_next_sibling (b))
    assert_widget_reachable (f, b, "a view switcher button");
}

static void
show_view (Fixture    *f,
           const char *view)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", view));
  baton_test_run_for (300);
}

static void
check_header (Fixture *f)
{
  assert_reachable (f, "header", header_actions);
  assert_widget_reachable (f, baton_test_find_widget (GTK_WIDGET (f->window), is_primary_menu_button, NULL),
                           "the main menu");
  assert_switcher_reachable (f);
}

static void
check_board (Fixture *f)
{
  BatonBoardView *board;

  show_view (f, "board");
  board = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_BOARD_VIEW);
  assert_reachable (f, "board", board_actions);
  if (gtk_widget_get_width (GTK_WIDGET (f->window)) >= 700)
    g_assert_cmpint (find_action (GTK_WIDGET (f->window), GTK_WIDGET (f->window), "board.new-card"), ==, FOUND_BUTTON);
  assert_widget_reachable (f, baton_board_view_get_search_entry (board), "the card search");
  assert_widget_reachable (f, baton_test_find_widget (GTK_WIDGET (board), is_menu_button_labelled, "Filters"),
                           "the filters");

  /* With the people sidebar open too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.show-people", NULL));
  baton_test_run_for (600);
  assert_reachable (f, "board with people", board_actions);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.show-people", NULL));
  baton_test_run_for (600);
}

/* The grid shows its names column and a whole week beside it; each name
 * header has its size (nothing cut) inside the names column. */
static void
assert_grid_fits (Fixture *f)
{
  BatonCapacityGrid *grid = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_CAPACITY_GRID);
  const BatonGridLayout *layout;
  g_autoptr(GPtrArray) headers = NULL;
  GType type = BATON_TYPE_CAPACITY_PERSON_HEADER;
  int width;

  g_assert_nonnull (grid);
  layout = _baton_capacity_grid_get_layout (grid);
  width = gtk_widget_get_width (GTK_WIDGET (grid));
  g_debug ("%d px: the grid is %d px wide, its names %d, a week %d", gtk_widget_get_width (GTK_WIDGET (f->window)),
           width, layout->metrics.name_width, layout->column_width);
  g_assert_cmpint (layout->metrics.name_width + layout->metrics.min_column, <=, width);
  g_assert_cmpint (layout->column_width, >=, layout->metrics.min_column);

  headers = baton_test_find_widgets (GTK_WIDGET (grid), baton_test_widget_is_of_type, &type);
  g_assert_cmpuint (headers->len, >, 0);
  for (guint i = 0; i < headers->len; i++)
    {
      GtkWidget *header = g_ptr_array_index (headers, i);
      graphene_rect_t bounds;
      int minimum;

      if (!is_shown (header))
        continue;
      gtk_widget_measure (header, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_assert_true (gtk_widget_compute_bounds (header, GTK_WIDGET (grid), &bounds));
      g_assert_cmpint (minimum, <=, gtk_widget_get_width (header));
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, layout->metrics.name_width);
    }
}

static void
check_capacity (Fixture *f)
{
  show_view (f, "capacity");
  assert_reachable (f, "capacity", capacity_actions);
  assert_grid_fits (f);
  /* Half a screen holds the people's buttons themselves. */
  if (gtk_widget_get_width (GTK_WIDGET (f->window)) >= 700)
    {
      g_assert_cmpint (find_action (GTK_WIDGET (f->window), GTK_WIDGET (f->window), "capacity.add-person"), ==, FOUND_BUTTON);
      g_assert_cmpint (find_action (GTK_WIDGET (f->window), GTK_WIDGET (f->window), "capacity.manage-roles"), ==, FOUND_BUTTON);
    }
}

static gboolean
is_client_list (GtkWidget  *widget,
                const void *data)
{
  return GTK_IS_LIST_VIEW (widget) && is_shown (widget) &&
         gtk_widget_has_css_class (widget, "navigation-sidebar");
}

static gboolean
fills_its_leaflet (gpointer data)
{
  GtkWidget *leaflet = gtk_widget_get_ancestor (data, ADW_TYPE_LEAFLET);

  return gtk_widget_get_width (data) >= gtk_widget_get_width (leaflet) - 1;
}

/* No label of @root is cut to "…" (a program's name in its drop-down
 * may be: the list shows it whole). */
static void
assert_no_label_cut (GtkWidget  *root,
                     const char *where)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!is_shown (child) || GTK_IS_DROP_DOWN (child) || GTK_IS_SCROLLED_WINDOW (child) || GTK_IS_NATIVE (child))
        continue;

      if (GTK_IS_LABEL (child) && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (child))))
        g_error ("%s: “%s” is cut", where, gtk_label_get_text (GTK_LABEL (child)));

      assert_no_label_cut (child, where);
    }
}

/* Clients: the list, a client (a click on it), a note (a click on it), and
 * back, page by page when folded. */
static void
check_clients (Fixture *f)
{
  BatonClientsView *view;
  BatonClientPage *page;
  GtkWidget *list;
  g_autoptr(BatonNote) note = NULL;

  show_view (f, "clients");
  view = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_CLIENTS_VIEW);
  page = BATON_CLIENT_PAGE (baton_clients_view_get_client_page (view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "clients.show-list", NULL));
  wait_for_leaflets (GTK_WIDGET (view));
  assert_reachable (f, "clients list", clients_list_actions);

  list = baton_test_find_widget (GTK_WIDGET (view), is_client_list, NULL);
  assert_widget_reachable (f, list, "the clients list");
  g_signal_emit_by_name (list, "activate", 1);
  wait_for_leaflets (GTK_WIDGET (view));
  g_assert_true (baton_clients_view_get_client (view) != NULL);
  assert_reachable (f, "client", client_actions);

  note = g_list_model_get_item (baton_client_page_get_notes (page), 0);
  g_assert_nonnull (note);
  g_signal_emit_by_name (page, "note-activated", note);
  wait_for_leaflets (GTK_WIDGET (view));
  assert_reachable (f, "note", note_actions);
  assert_no_label_cut (baton_clients_view_get_editor (view), "the note's toolbar");

  /* And back, when folded: a button on screen each time. */
  if (find_action (GTK_WIDGET (f->window), GTK_WIDGET (f->window), "clients.show-client") != NOT_FOUND)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "clients.show-client", NULL));
      wait_for_leaflets (GTK_WIDGET (view));
      assert_reachable (f, "client (back)", client_actions);
      /* Alone, the client's page is as wide as its pane. */
      g_assert_true (baton_test_wait_until (fills_its_leaflet, page, 5000));
      /* And from the client to the list, when the list is not beside it. */
      g_assert_cmpint (find_action (GTK_WIDGET (f->window), GTK_WIDGET (f->window), "clients.show-list"),
                       ==, gtk_widget_is_drawable (list) ? NOT_FOUND : FOUND_BUTTON);
    }
}

static void
test_reachable (Fixture       *f,
                gconstpointer  data)
{
  int width = GPOINTER_TO_INT (data);

  SKIP_WITHOUT_DISPLAY ();

  open_window (f, width);
  check_board (f);
  check_header (f);
  check_capacity (f);
  check_header (f);
  check_clients (f);
  check_header (f);
}

/* The window goes down to 360 px, whatever the view. */
static void
test_minimum_width (Fixture       *f,
                    gconstpointer  data)
{
  static const char *views[] = { "board", "capacity", "clients" };
  int minimum;

  SKIP_WITHOUT_DISPLAY ();

  open_window (f, 1100);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      show_view (f, views[i]);
      gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      g_debug ("%s: the window is %d px wide at least", views[i], minimum);
      g_assert_cmpint (minimum, <=, 360);
    }
}

static gboolean
is_wider_than_300 (gpointer data)
{
  return gtk_widget_get_width (data) > 300;
}

/* Folded, choosing a client brings its page, and a note the note; the way
 * back is one button each. */
static void
test_clients_fold (Fixture       *f,
                   gconstpointer  data)
{
  BatonClientsView *view;
  AdwLeaflet *leaflet;
  GtkWidget *list;
  g_autoptr(BatonNote) note = NULL;

  SKIP_WITHOUT_DISPLAY ();

  open_window (f, 360);
  show_view (f, "clients");
  view = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_CLIENTS_VIEW);
  leaflet = baton_test_find_descendant (GTK_WIDGET (view), ADW_TYPE_LEAFLET);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");

  list = baton_test_find_widget (GTK_WIDGET (view), is_client_list, NULL);
  g_signal_emit_by_name (list, "activate", 0);
  wait_for_leaflets (GTK_WIDGET (view));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "content");
  g_assert_cmpint (find_action (GTK_WIDGET (f->window), GTK_WIDGET (f->window), "clients.show-list"), ==, FOUND_BUTTON);
  g_assert_cmpint (find_action (GTK_WIDGET (f->window), GTK_WIDGET (f->window), "clients.show-client"), ==, NOT_FOUND);

  note = g_list_model_get_item (baton_client_page_get_notes (BATON_CLIENT_PAGE (baton_clients_view_get_client_page (view))), 0);
  g_signal_emit_by_name (baton_clients_view_get_client_page (view), "note-activated", note);
  wait_for_leaflets (GTK_WIDGET (view));
  g_assert_true (gtk_widget_is_drawable (baton_clients_view_get_editor (view)));
  g_assert_false (gtk_widget_is_drawable (baton_clients_view_get_client_page (view)));
  /* One way back at a time: to the client. */
  g_assert_cmpint (find_action (GTK_WIDGET (f->window), GTK_WIDGET (f->window), "clients.show-client"), ==, FOUND_BUTTON);
  g_assert_cmpint (find_action (GTK_WIDGET (f->window), GTK_WIDGET (f->window), "clients.show-list"), ==, NOT_FOUND);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "clients.show-client", NULL));
  wait_for_leaflets (GTK_WIDGET (view));
  g_assert_true (gtk_widget_is_drawable (baton_clients_view_get_client_page (view)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "clients.show-list", NULL));
  wait_for_leaflets (GTK_WIDGET (view));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "list");
  /* Alone, the list is as wide as the window, not 250 px in its middle. */
  g_assert_true (baton_test_wait_until (is_wider_than_300, list, 5000));

  /* Wide, all three at once, no way back shown. */
  open_window (f, 1100);
  show_view (f, "clients");
  view = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_CLIENTS_VIEW);
  leaflet = baton_test_find_descendant (GTK_WIDGET (view), ADW_TYPE_LEAFLET);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_is_drawable (baton_clients_view_get_client_page (view)));
  g_assert_true (gtk_widget_is_drawable (baton_clients_view_get_editor (view)));
  g_assert_cmpint (find_action (GTK_WIDGET (f->window), GTK_WIDGET (f->window), "clients.show-list"), ==, NOT_FOUND);
  g_assert_cmpint (find_action (GTK_WIDGET (f->window), GTK_WIDGET (f->window), "clients.show-client"), ==, NOT_FOUND);
}

/* Narrow, the people cover the board (which keeps no useless sliver) and
 * closing them over it (a click beside, Escape) turns the toggle off. */
static void
test_people_over_board (Fixture       *f,
                        gconstpointer  data)
{
  BatonBoardView *board;
  AdwFlap *flap;
  gboolean shown = TRUE;

  SKIP_WITHOUT_DISPLAY ();

  open_window (f, 360);
  show_view (f, "board");
  board = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_BOARD_VIEW);
  flap = baton_test_find_descendant (GTK_WIDGET (board), ADW_TYPE_FLAP);
  g_assert_nonnull (flap);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.show-people", NULL));
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_true (adw_flap_get_folded (flap));

  adw_flap_set_reveal_flap (flap, FALSE);
  g_object_get (board, "show-people-sidebar", &shown, NULL);
  g_assert_false (shown);

  /* Wide, beside the board. */
  open_window (f, 1100);
  show_view (f, "board");
  board = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_BOARD_VIEW);
  flap = baton_test_find_descendant (GTK_WIDGET (board), ADW_TYPE_FLAP);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.show-people", NULL));
  g_assert_false (adw_flap_get_folded (flap));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.show-people", NULL));
}

/* Escape on a card's menu ------------------------------------------------------- */

static gboolean
board_menu_open (gpointer data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (data); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER_MENU (child) && gtk_widget_get_mapped (child))
      return TRUE;

  return FALSE;
}

static gboolean
board_menu_closed (gpointer data)
{
  return !board_menu_open (data);
}

typedef struct
{
  GtkWindow *window;
  BatonTask *task;
} FocusWait;

static gboolean
focus_on_card_of (gpointer data)
{
  FocusWait *wait = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (wait->window));

  return BATON_IS_BOARD_CARD (focus) && baton_board_card_get_task (BATON_BOARD_CARD (focus)) == wait->task;
}

static void
assert_focus_on_card (Fixture   *f,
                      BatonTask *task,
                      const char *how)
{
  FocusWait wait = { GTK_WINDOW (f->window), task };

  if (!baton_test_wait_until (focus_on_card_of, &wait, 5000))
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

      g_error ("%s: the focus is on %s, not on the card", how, focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
    }
}

/* The menu of a card, opened from the keyboard (Shift+F10) or with a right
 * click, wherever the focus was before: Escape closes it and the focus is
 * on the card, not in the header bar. */
static void
test_card_menu_escape (Fixture       *f,
                       gconstpointer  data)
{
  BatonBoardView *board;
  GtkWidget *card;
  BatonTask *task;

  SKIP_WITHOUT_DISPLAY ();

  open_window (f, GPOINTER_TO_INT (data));
  BATON_TEST_REQUIRE_XDOTOOL (f->window);

  show_view (f, "board");
  board = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_BOARD_VIEW);
  card = baton_test_find_descendant (GTK_WIDGET (board), BATON_TYPE_BOARD_CARD);
  g_assert_nonnull (card);
  task = baton_board_card_get_task (BATON_BOARD_CARD (card));
  g_assert_true (baton_test_xdotool_focus_window (GTK_WINDOW (f->window)));

  /* From the keyboard. */
  g_assert_true (gtk_widget_grab_focus (card));
  g_assert_true (baton_test_xdotool ("key shift+F10"));
  g_assert_true (baton_test_wait_until (board_menu_open, board, 5000));
  g_assert_true (baton_test_xdotool ("key Escape"));
  g_assert_true (baton_test_wait_until (board_menu_closed, board, 5000));
  assert_focus_on_card (f, task, "Shift+F10, Escape");

  /* After moving in the menu, with the Menu key. */
  g_assert_true (baton_test_xdotool ("key Menu"));
  g_assert_true (baton_test_wait_until (board_menu_open, board, 5000));
  g_assert_true (baton_test_xdotool ("key Down Down Down"));
  g_assert_true (baton_test_xdotool ("key Escape"));
  g_assert_true (baton_test_wait_until (board_menu_closed, board, 5000));
  assert_focus_on_card (f, task, "Menu, Down, Escape");

  /* A right click while the focus is in the header bar. */
  gtk_widget_grab_focus (baton_test_find_descendant (GTK_WIDGET (f->window), ADW_TYPE_VIEW_SWITCHER_TITLE));
  g_assert_true (baton_test_xdotool_pointer (card, 20, 20, 3));
  g_assert_true (baton_test_wait_until (board_menu_open, board, 5000));
  g_assert_true (baton_test_xdotool ("key Escape"));
  g_assert_true (baton_test_wait_until (board_menu_closed, board, 5000));
  assert_focus_on_card (f, task, "right click, Escape");
}

/* German ---------------------------------------------------------------------- */

/* Switches the messages to German (build/po), as LANGUAGE=de
 * LANG=de_DE.UTF-8 does; FALSE when this machine cannot. */
static gboolean
use_german (char **saved_messages,
            char **saved_language)
{
  const char *build_root = g_getenv ("BATON_BUILD_ROOT");
  g_autofree char *po = NULL;
  g_autofree char *mo = NULL;

  if (build_root == NULL)
    return FALSE;
  po = g_build_filename (build_root, "po", NULL);
  mo = g_build_filename (po, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  *saved_messages = g_strdup (setlocale (LC_MESSAGES, NULL));
  if (setlocale (LC_MESSAGES, "de_DE.UTF-8") == NULL)
    return FALSE;
  *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  g_setenv ("LANGUAGE", "de", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return TRUE;
}

static void
restore_messages (char *saved_messages,
                  char *saved_language)
{
  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  if (saved_messages != NULL)
    setlocale (LC_MESSAGES, saved_messages);
  g_free (saved_messages);
  g_free (saved_language);
}

static gboolean
logged (gpointer data)
{
  return ((GArray *) data)->len > 0;
}

/* At 360 px the grid's names narrow to avatars; each role's group keeps
 * its dot and the role's initials, so the groups can still be told apart
 * ("Instructional designer" → "ID"). */
static void
test_role_initials (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (BatonGridTextSample));
  BatonCapacityGrid *grid;
  GListModel *roles = baton_store_get_roles (f->store);
  guint found = 0;

  SKIP_WITHOUT_DISPLAY ();

  open_window (f, 360);
  show_view (f, "capacity");
  grid = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_CAPACITY_GRID);
  g_assert_nonnull (grid);
  g_assert_true (baton_grid_layout_is_compact (_baton_capacity_grid_get_layout (grid)));

  _baton_capacity_grid_set_text_log (grid, log);
  g_assert_true (baton_test_wait_until (logged, log, 5000));
  _baton_capacity_grid_set_text_log (grid, NULL);

  /* The first role's group is on screen at the top. */
  for (guint r = 0; r < 1 && r < g_list_model_get_n_items (roles); r++)
    {
      g_autoptr(BatonRole) role = g_list_model_get_item (roles, r);
      g_autofree char *initials = baton_make_initials (baton_role_get_name (role));

      for (guint i = 0; i < log->len; i++)
        if (g_strcmp0 (g_array_index (log, BatonGridTextSample, i).what, initials) == 0 &&
            !g_array_index (log, BatonGridTextSample, i).ellipsized)
          found++;
      g_test_message ("looking for \"%s\"", initials);
    }

  g_assert_cmpuint (found, >, 0);
}

/* The capacity grid in German, its columns as narrow as they get (the
 * window @width px wide): no week's header ends in "…" ("Diese Woche · 49"
 * is wider than a 112 px column). */
static void
test_week_headers_german (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GArray) log = g_array_new (FALSE, FALSE, sizeof (BatonGridTextSample));
  g_autofree char *week_prefix = NULL;
  g_autofree char *this_week_prefix = NULL;
  char *saved_messages = NULL, *saved_language = NULL;
  BatonCapacityGrid *grid;
  guint headers = 0, cut = 0;

  SKIP_WITHOUT_DISPLAY ();

  if (!use_german (&saved_messages, &saved_language))
    {
      restore_messages (saved_messages, saved_language);
      baton_test_skip ("no German messages (build/po) or no de_DE.UTF-8 locale");
      return;
    }
  /* What the headers start with, in German ("KW ", "Diese Woche"). */
  week_prefix = g_strdup_printf (_("Week %u"), 10);
  *strstr (week_prefix, "10") = '\0';
  this_week_prefix = g_strdup_printf (_("This week · %u"), 10);
  *strstr (this_week_prefix, " · 10") = '\0';
  g_assert_cmpstr (week_prefix, ==, "KW ");

  open_window (f, GPOINTER_TO_INT (data));
  show_view (f, "capacity");
  grid = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_CAPACITY_GRID);
  g_assert_nonnull (grid);
  g_assert_cmpint (_baton_capacity_grid_get_layout (grid)->column_width, ==,
                   _baton_capacity_grid_get_layout (grid)->metrics.min_column);

  _baton_capacity_grid_set_text_log (grid, log);
  g_assert_true (baton_test_wait_until (logged, log, 5000));
  _baton_capacity_grid_set_text_log (grid, NULL);

  for (guint i = 0; i < log->len; i++)
    {
      BatonGridTextSample *sample = &g_array_index (log, BatonGridTextSample, i);

      if (!g_str_has_prefix (sample->what, week_prefix) && !g_str_has_prefix (sample->what, this_week_prefix))
        continue;
      headers++;
      if (sample->ellipsized)
        {
          g_test_message ("\"%s\" is cut short", sample->what);
          cut++;
        }
    }

  restore_messages (saved_messages, saved_language);
  g_assert_cmpuint (headers, >, 0);
  g_assert_cmpuint (cut, ==, 0);
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

static gboolean
is_shown_in (GtkWidget *widget,
             GtkWidget *toolbar)
{
  for (GtkWidget *w = widget; w != NULL && w != toolbar; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_visible (w) || !gtk_widget_get_child_visible (w) || !gtk_widget_get_mapped (w))
      return FALSE;

  return gtk_widget_get_width (widget) > 0;
}

static gboolean
is_shown_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && is_shown_in (widget, (GtkWidget *) data);
}

static gboolean
is_shown_range (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), " – ") != NULL &&
         is_shown_in (widget, (GtkWidget *) data);
}

static int
compare_left (gconstpointer a,
              gconstpointer b)
{
  const graphene_rect_t *ra = *(graphene_rect_t * const *) a;
  const graphene_rect_t *rb = *(graphene_rect_t * const *) b;

  return ra->origin.x < rb->origin.x ? -1 : ra->origin.x > rb->origin.x;
}

/* The capacity toolbar in German at @width: it looks laid out on purpose.
 * Narrow, the weeks' range sits in the room between the arrows and the
 * menu (not an empty gap); half a screen, the actions stand together,
 * with no button's icon floating in the room its label took. */
static void
test_capacity_toolbar_german (Fixture       *f,
                              gconstpointer  data)
{
  char *saved_messages = NULL, *saved_language = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  g_autoptr(GPtrArray) rects = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *view, *toolbar;
  int width = GPOINTER_TO_INT (data);

  SKIP_WITHOUT_DISPLAY ();

  if (!use_german (&saved_messages, &saved_language))
    {
      restore_messages (saved_messages, saved_language);
      baton_test_skip ("no German messages (build/po) or no de_DE.UTF-8 locale");
      return;
    }

  open_window (f, width);
  show_view (f, "capacity");
  view = baton_test_find_descendant (GTK_WIDGET (f->window), BATON_TYPE_CAPACITY_VIEW);
  toolbar = baton_test_find_widget (view, has_css_class, "capacity-toolbar");
  g_assert_nonnull (toolbar);

  if (width < 500)
    g_assert_nonnull (baton_test_find_widget (toolbar, is_shown_range, toolbar));

  /* What each shown button shows (a flat button's content: its icon, its
   * label), left to right. */
  buttons = baton_test_find_widgets (toolbar, is_shown_button, toolbar);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      GtkWidget *content = gtk_widget_get_first_child (button);
      graphene_rect_t *rect = g_new0 (graphene_rect_t, 1);
      int natural;

      /* A flat button as wide as it needs: not stretched over the room a
       * wider form of it took, its icon floating in the middle. */
      gtk_widget_measure (button, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
      g_test_message ("button %s: %d px of %d", G_OBJECT_TYPE_NAME (button), gtk_widget_get_width (button), natural);
      g_assert_cmpint (gtk_widget_get_width (button), <=, natural + 8);

      g_assert_true (gtk_widget_compute_bounds (content, toolbar, rect));
      g_ptr_array_add (rects, rect);
    }
  g_ptr_array_sort (rects, compare_left);

  /* Today and the arrows, then the actions: one group, each next to the
   * next (a button's padding on each side and the spacing between). */
  for (guint i = 4; i < rects->len; i++)
    {
      const graphene_rect_t *left = g_ptr_array_index (rects, i - 1);
      const graphene_rect_t *right = g_ptr_array_index (rects, i);
      float gap = right->origin.x - (left->origin.x + left->size.width);

      g_test_message ("gap %g between actions %u and %u", gap, i - 1, i);
      g_assert_cmpfloat (gap, <=, 32);
    }

  restore_messages (saved_messages, saved_language);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (gtk_init_check ())
    {
      /* GNOME's window buttons: close alone. */
      g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
      app = baton_test_register_application (G_APPLICATION (baton_application_new ()));
    }
  else
    g_debug ("No display: every case is skipped");

  g_test_add ("/adaptive/minimum-width", Fixture, NULL, fixture_set_up, test_minimum_width, fixture_tear_down);
  g_test_add ("/adaptive/reachable/360", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_reachable, fixture_tear_down);
  g_test_add ("/adaptive/reachable/700", Fixture, GINT_TO_POINTER (700), fixture_set_up, test_reachable, fixture_tear_down);
  g_test_add ("/adaptive/reachable/1100", Fixture, GINT_TO_POINTER (1100), fixture_set_up, test_reachable, fixture_tear_down);
  g_test_add ("/adaptive/card-menu-escape/360", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_card_menu_escape, fixture_tear_down);
  g_test_add ("/adaptive/card-menu-escape/1100", Fixture, GINT_TO_POINTER (1100), fixture_set_up, test_card_menu_escape, fixture_tear_down);
  g_test_add ("/adaptive/people-over-board", Fixture, NULL, fixture_set_up, test_people_over_board, fixture_tear_down);
  g_test_add ("/adaptive/role-initials/360", Fixture, NULL, fixture_set_up, test_role_initials, fixture_tear_down);
  g_test_add ("/adaptive/week-headers-german/360", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_week_headers_german, fixture_tear_down);
  g_test_add ("/adaptive/week-headers-german/700", Fixture, GINT_TO_POINTER (700), fixture_set_up, test_week_headers_german, fixture_tear_down);
  g_test_add ("/adaptive/capacity-toolbar-german/360", Fixture, GINT_TO_POINTER (360), fixture_set_up, test_capacity_toolbar_german, fixture_tear_down);
  g_test_add ("/adaptive/capacity-toolbar-german/700", Fixture, GINT_TO_POINTER (700), fixture_set_up, test_capacity_toolbar_german, fixture_tear_down);
  g_test_add ("/adaptive/capacity-toolbar-german/1100", Fixture, GINT_TO_POINTER (1100), fixture_set_up, test_capacity_toolbar_german, fixture_tear_down);
  g_test_add ("/adaptive/clients-fold", Fixture, NULL, fixture_set_up, test_clients_fold, fixture_tear_down);

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
