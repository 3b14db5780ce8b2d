/* baton-window.c — the main window: three views of one workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns nothing but its store reference and its state: the views
 * are children of an AdwViewStack, undo and redo go through the store's
 * history, and toasts (with an Undo button for destructive changes) are
 * shown in one AdwToastOverlay. Views reach the window through actions:
 * win.undo, win.redo, win.show-view (s), win.rebalance (x, a person)
 * and win.show-undo-toast (s).
 *
 * The window shows one toast at a time through a BatonUndoToaster (see
 * baton-undo-toaster.c): a history toast names one change and its button
 * (win.undo-toast or win.redo-toast, with the toast's serial) acts on that
 * change only, or on nothing once it is stale.
 */

#define G_LOG_DOMAIN "baton-window"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-window-private.h"
#include "baton-board-private.h"
#include "baton-board-view.h"
#include "baton-capacity-view.h"
#include "baton-clients-module.h"
#include "baton-accessible.h"
#include "baton-startup-report.h"
#include "baton-undo-toaster.h"
#include "baton-workload.h"

struct _BatonWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  GtkRevealer          *read_only_revealer;
  GtkWidget            *read_only_banner;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwBin               *board_bin;
  AdwBin               *capacity_bin;
  AdwBin               *clients_bin;
  AdwBin               *switcher_bar_bin;
  GMenuModel           *primary_menu;

  /* Owned references */
  BatonStore           *store;
  BatonWorkload        *workload;   /* the one capacity state of the views */
  GSettings            *settings;

  /* One toast at a time; its button acts on the change it names. */
  BatonUndoToaster     *toaster;

  /* Makes the main menu once the window is idle after its first frame. */
  guint                 later_source;
  gboolean              made_later;
};

G_DEFINE_FINAL_TYPE (BatonWindow, baton_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const view_names[] = { "board", "capacity", "clients" };

static gboolean
is_view_name (const char *name)
{
  return name != NULL && g_strv_contains ((const char * const *) view_names, name);
}

/* Toasts ------------------------------------------------------------------- */

/**
 * baton_window_show_toast:
 * @message: plain text
 *
 * Shows a short message in the window, in place of the toast on show.
 */
void
baton_window_show_toast (BatonWindow *self,
                         const char  *message)
{
  g_return_if_fail (BATON_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  baton_undo_toaster_show (self->toaster, message);
}

/**
 * baton_window_show_undo_toast:
 * @message: plain text, such as “Task deleted”
 *
 * Shows @message with an Undo button that undoes the change on top of the
 * history now, and only that change, in place of the toast on show.
 */
void
baton_window_show_undo_toast (BatonWindow *self,
                              const char  *message)
{
  g_return_if_fail (BATON_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  baton_undo_toaster_show_change (self->toaster, message, FALSE);
}

/**
 * baton_window_get_n_toasts:
 *
 * For tests: toasts added to the window and not dismissed yet, shown or
 * waiting (the window keeps it at one).
 */
guint
baton_window_get_n_toasts (BatonWindow *self)
{
  g_return_val_if_fail (BATON_IS_WINDOW (self), 0);

  return baton_undo_toaster_get_n_toasts (self->toaster);
}

/* Undo and redo -------------------------------------------------------------- */

/* The focus was on the Undo (or Redo) button, which has nothing more to do
 * and went insensitive, and no view took the focus to what changed: the
 * other button, which now has something to do, takes it. */
static void
keep_focus_after (BatonWindow *self,
                  GtkWidget   *other_button)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if ((focus == NULL || !gtk_widget_is_sensitive (focus) || !gtk_widget_get_mapped (focus)) &&
      gtk_widget_is_sensitive (other_button))
    gtk_widget_grab_focus (other_button);
}

/* Sets @text only if it changes: setting a tooltip makes GTK query the
 * pointer's position from the X server. */
static void
set_tooltip (GtkWidget  *widget,
             const char *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) != 0)
    gtk_widget_set_tooltip_text (widget, text);
}

static void
update_undo_actions (BatonWindow *self)
{
  BatonHistory *history = baton_store_get_history (self->store);
  gboolean can_undo = baton_history_get_can_undo (history);
  gboolean can_redo = baton_history_get_can_redo (history);
  const char *undo_label = baton_history_get_undo_label (history);
  const char *redo_label = baton_history_get_redo_label (history);
  g_autofree char *undo_tooltip = NULL;
  g_autofree char *redo_tooltip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);

  /* Each tooltip set asks the X server where the pointer is (three round
   * trips): the first frame does without them (make_later ()). */
  if (!self->made_later)
    return;

  /* Translators: the tooltip of the Undo button; %s names the change */
  undo_tooltip = can_undo && undo_label ? g_strdup_printf (_("Undo: %s"), undo_label)
                                        : g_strdup (_("Undo"));
  /* Translators: the tooltip of the Redo button; %s names the change */
  redo_tooltip = can_redo && redo_label ? g_strdup_printf (_("Redo: %s"), redo_label)
                                        : g_strdup (_("Redo"));
  set_tooltip (GTK_WIDGET (self->undo_button), undo_tooltip);
  set_tooltip (GTK_WIDGET (self->redo_button), redo_tooltip);
}

static void
undo (BatonWindow *self)
{
  BatonHistory *history = baton_store_get_history (self->store);
  g_autofree char *label = g_strdup (baton_history_get_undo_label (history));
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done;

  /* The toast on show is reused for what comes next. */
  baton_undo_toaster_set_busy (self->toaster, TRUE);
  done = baton_store_undo (self->store, &error);
  baton_undo_toaster_set_busy (self->toaster, FALSE);
  if (!done)
    {
      /* Translators: %s is the reason */
      message = g_strdup_printf (_("Could not undo: %s"), error->message);
      baton_window_show_toast (self, message);
      return;
    }

  keep_focus_after (self, GTK_WIDGET (self->redo_button));

  /* Translators: %s names the change that was undone, e.g. “Move task” */
  message = label ? g_strdup_printf (_("Undone: %s"), label) : g_strdup (_("Undone"));
  baton_undo_toaster_show_change (self->toaster, message, TRUE);
}

static void
redo (BatonWindow *self)
{
  BatonHistory *history = baton_store_get_history (self->store);
  g_autofree char *label = g_strdup (baton_history_get_redo_label (history));
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done;

  baton_undo_toaster_set_busy (self->toaster, TRUE);
  done = baton_store_redo (self->store, &error);
  baton_undo_toaster_set_busy (self->toaster, FALSE);
  if (!done)
    {
      /* Translators: %s is the reason */
      message = g_strdup_printf (_("Could not redo: %s"), error->message);
      baton_window_show_toast (self, message);
      return;
    }

  keep_focus_after (self, GTK_WIDGET (self->undo_button));

  /* Translators: %s names the change that was redone, e.g. “Move task” */
  message = label ? g_strdup_printf (_("Redone: %s"), label) : g_strdup (_("Redone"));
  baton_undo_toaster_show_change (self->toaster, message, FALSE);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  undo (BATON_WINDOW (widget));
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  redo (BATON_WINDOW (widget));
}

/* A toast's button: it acts on the change its toast names, or not at all
 * (a toast on its way out can still be clicked). */
static void
undo_toast_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BatonWindow *self = BATON_WINDOW (widget);

  if (!baton_undo_toaster_claim (self->toaster, g_variant_get_uint64 (parameter), FALSE))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  undo (self);
}

static void
redo_toast_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BatonWindow *self = BATON_WINDOW (widget);

  if (!baton_undo_toaster_claim (self->toaster, g_variant_get_uint64 (parameter), TRUE))
    {
      gtk_widget_error_bell (widget);
      return;
    }

  redo (self);
}

/* Views ------------------------------------------------------------------------ */

static AdwBin *
view_bin (BatonWindow *self,
          const char  *name)
{
  if (g_str_equal (name, "board"))
    return self->board_bin;
  if (g_str_equal (name, "capacity"))
    return self->capacity_bin;
  return self->clients_bin;
}

/* The Clients view, from its module; if that cannot be opened, a page
 * that says why instead. */
static GtkWidget *
new_clients_view (BatonWindow *self)
{
  g_autoptr(GError) error = NULL;
  const BatonClientsModule *clients = baton_clients_module_get (&error);
  GtkWidget *page;

  if (clients != NULL)
    return clients->baton_clients_view_new (self->store);

  page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Clients Cannot Be Shown"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), error->message);
  return page;
}

/* A view is built when it is first shown (or first needed): the start
 * pays for the visible one only, and the notes editor's GtkSourceView and
 * its style schemes wait until Clients is opened. */
static GtkWidget *
ensure_view (BatonWindow *self,
             const char  *name)
{
  AdwBin *bin;
  GtkWidget *view;

  g_assert (is_view_name (name));

  bin = view_bin (self, name);
  if ((view = adw_bin_get_child (bin)) != NULL)
    return view;

  g_debug ("Building the %s view", name);
  if (g_str_equal (name, "board"))
    view = g_object_new (BATON_TYPE_BOARD_VIEW, "store", self->store, "workload", self->workload, NULL);
  else if (g_str_equal (name, "capacity"))
    view = g_object_new (BATON_TYPE_CAPACITY_VIEW, "store", self->store, "workload", self->workload, NULL);
  else
    view = new_clients_view (self);
  adw_bin_set_child (bin, view);

  return view;
}

/* The view is built now if it was not yet (it is shown or not). */
GtkWidget *
baton_window_get_view (BatonWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (BATON_IS_WINDOW (self), NULL);
  g_return_val_if_fail (is_view_name (name), NULL);

  return ensure_view (self, name);
}

static void
show_view_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonWindow *self = BATON_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (!is_view_name (name))
    {
      g_warning ("No view named “%s”", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* A card's Over badge, or its menu: the capacity view proposes the moves
 * that take the person back under capacity. */
static void
rebalance_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonWindow *self = BATON_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "capacity");
  gtk_widget_activate_action_variant (ensure_view (self, "capacity"), "capacity.rebalance-person", parameter);
}

static void
show_undo_toast_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  baton_window_show_undo_toast (BATON_WINDOW (widget),
                                g_variant_get_string (parameter, NULL));
}

/* View shortcuts (Ctrl+F, F9, Ctrl+N) are bindings of each view; when the
 * focus is outside the view (the header bar, at start) they arrive here
 * and are passed on as "<view>.<action>" to the visible view. */
static void
view_action_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BatonWindow *self = BATON_WINDOW (widget);
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);
  g_autofree char *action = NULL;

  if (!is_view_name (view))
    return;

  action = g_strdup_printf ("%s.%s", view, g_variant_get_string (parameter, NULL));

  /* A view without that action (capacity has no search) ignores the key. */
  gtk_widget_activate_action (ensure_view (self, view), action, NULL);
}

static void
show_toast_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  baton_window_show_toast (BATON_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
on_visible_view_changed (BatonWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);
  g_autofree char *stored = NULL;

  if (!is_view_name (name))
    return;

  ensure_view (self, name);

  stored = g_settings_get_string (self->settings, "last-view");
  if (g_strcmp0 (stored, name) != 0)
    g_settings_set_string (self->settings, "last-view", name);
}

/* Window state ---------------------------------------------------------------- */

static void
restore_window_state (BatonWindow *self)
{
  g_autofree char *view = g_settings_get_string (self->settings, "last-view");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (is_view_name (view))
    adw_view_stack_set_visible_child_name (self->view_stack, view);
}

static void
save_window_state (BatonWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_delay (self->settings);

  if (!maximized)
    {
      int width = 0;
      int height = 0;

      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      /* The schema's ranges: a refused value would be a critical warning. */
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", CLAMP (width, 360, 10000));
          g_settings_set_int (self->settings, "window-height", CLAMP (height, 294, 10000));
        }
    }
  g_settings_set_boolean (self->settings, "window-maximized", maximized);

  g_settings_apply (self->settings);
}

static gboolean
baton_window_close_request (GtkWindow *window)
{
  BatonWindow *self = BATON_WINDOW (window);
  GtkWidget *clients = adw_bin_get_child (self->clients_bin);

  /* Note text that cannot be saved yet keeps the window open while the
   * person decides; the view activates window.close again then. */
  if (baton_clients_module_is_view (clients) &&
      baton_clients_module_get (NULL)->baton_clients_view_close_request ((BatonClientsView *) clients))
    return TRUE;

  save_window_state (self);

  return GTK_WINDOW_CLASS (baton_window_parent_class)->close_request (window);
}

static void
set_up_title (BatonWindow *self)
{
  const char *path = baton_store_get_path (self->store);
  g_autofree char *default_path = baton_store_default_path ();
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (path == NULL || g_strcmp0 (path, ":memory:") == 0 || g_strcmp0 (path, default_path) == 0)
    return;

  /* Its file's name without extension, "Demo" for the demo. */
  name = baton_window_get_workspace_name (self);
  /* Translators: the title of a window showing another workspace than the default one; %s is its name */
  title = g_strdup_printf (_("%s — Baton"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
}

/**
 * baton_window_show_shortcuts:
 *
 * Shows the keyboard shortcuts (app.shortcuts, Ctrl+?). The shortcuts
 * window is the window's help overlay, built the first time it is shown:
 * the start does not pay for it.
 */
void
baton_window_show_shortcuts (BatonWindow *self)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (self);

  g_return_if_fail (BATON_IS_WINDOW (self));

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;
      GObject *overlay;

      builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/baton-shortcuts-window.ui");
      overlay = gtk_builder_get_object (builder, "help_overlay");
      gtk_application_window_set_help_overlay (window, GTK_SHORTCUTS_WINDOW (overlay));
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-help-overlay", NULL);
}

/* The window asks the display to map it before the board is built: the
 * board is ready for the window's first frame, and the window is on
 * screen while it is made. (Only the board: the notes editor, built
 * inside the window's map, is later drawn without a size as it grows,
 * in GTK 4.8; the other views are built before the window is shown.) */
static void
on_map (BatonWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (!is_view_name (name) || adw_bin_get_child (view_bin (self, name)) != NULL)
    return;

  gdk_display_flush (gtk_widget_get_display (GTK_WIDGET (self)));
  ensure_view (self, name);
}

/* bench-startup (baton-startup-report.h): the first frame painted with
 * the visible view finished, the board with its cards. */
static void
report_first_cards (GdkFrameClock *clock,
                    BatonWindow   *self)
{
  const char *view = adw_view_stack_get_visible_child_name (self->view_stack);
  GtkWidget *board = adw_bin_get_child (self->board_bin);

  if (g_strcmp0 (view, "board") == 0 &&
      !(BATON_IS_BOARD_VIEW (board) && baton_board_view_is_settled (BATON_BOARD_VIEW (board))))
    return;

  g_signal_handlers_disconnect_by_func (clock, report_first_cards, self);
  baton_startup_report_mark ("cards");
}

static void
on_realize_report (BatonWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_handlers_disconnect_by_func (self, on_realize_report, NULL);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (report_first_cards), self, 0);
}

/* Made after the first frame -------------------------------------------------
 *
 * The window's first frame waits for nothing it does not show. Once the
 * window is idle after its first frame, the main menu's popover, with its
 * twenty items, is made (or as the menu first opens, if that is sooner),
 * and the header bar's tooltips are set: setting one asks the X server
 * where the pointer is, three round trips, and none can show before the
 * pointer has rested on a button. The switcher bar, with three more
 * switcher buttons, is made as soon as the title has no room for the
 * switcher. The title finds that out while it is allocated, when no widget
 * may be added: the bar is added in a layout pass of its own, still before
 * the frame is drawn (GdkFrameClock repeats its layout phase while one is
 * asked for). */

static GtkMenuButton *
primary_menu_button (BatonWindow *self)
{
  return GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self), BATON_TYPE_WINDOW,
                                                         "primary_menu_button"));
}

static void
ensure_primary_menu (BatonWindow *self)
{
  GtkMenuButton *button = primary_menu_button (self);
  GtkPopover *popover;

  if (gtk_menu_button_get_popover (button) != NULL)
    return;

  gtk_menu_button_set_menu_model (button, self->primary_menu);
  popover = gtk_menu_button_get_popover (button);
  /* GTK 4.8 reads mnemonics out in accessible names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (GTK_WIDGET (popover));
  baton_window_workspace_menu_made (self, popover);
}

/* The menu button is clickable (and F10 opens it) before it has a menu. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       data)
{
  ensure_primary_menu (BATON_WINDOW (data));
}

static gboolean
make_later (gpointer data)
{
  BatonWindow *self = data;

  self->later_source = 0;
  self->made_later = TRUE;
  ensure_primary_menu (self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (primary_menu_button (self)), _("Main Menu"));
  update_undo_actions (self);

  return G_SOURCE_REMOVE;
}

static void
after_first_frame (GdkFrameClock *clock,
                   BatonWindow   *self)
{
  g_signal_handlers_disconnect_by_func (clock, after_first_frame, self);
  if (self->later_source == 0 && !self->made_later)
    self->later_source = g_idle_add_full (G_PRIORITY_LOW, make_later, self, NULL);
}

static void
ensure_switcher_bar (BatonWindow *self)
{
  GtkWidget *bar;

  if (adw_bin_get_child (self->switcher_bar_bin) != NULL)
    return;

  bar = adw_view_switcher_bar_new ();
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (bar), self->view_stack);
  g_object_bind_property (self->switcher_title, "title-visible", bar, "reveal", G_BINDING_SYNC_CREATE);
  adw_bin_set_child (self->switcher_bar_bin, bar);
}

static void
on_layout (GdkFrameClock *clock,
           BatonWindow   *self)
{
  if (!adw_view_switcher_title_get_title_visible (self->switcher_title))
    return;

  g_signal_handlers_disconnect_by_func (clock, on_layout, self);
  ensure_switcher_bar (self);
}

static void
on_title_visible (BatonWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (!adw_view_switcher_title_get_title_visible (self->switcher_title) ||
      adw_bin_get_child (self->switcher_bar_bin) != NULL)
    return;

  if (clock != NULL)
    gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
  else
    ensure_switcher_bar (self);
}

static void
on_realize_later (BatonWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (after_first_frame), self, 0);
  if (adw_bin_get_child (self->switcher_bar_bin) == NULL)
    g_signal_connect_object (clock, "layout", G_CALLBACK (on_layout), self, 0);
}

/* The banner's content is shown while the workspace is read-only, and
 * until the revealer has closed over it. */
static void
update_read_only_banner (BatonWindow *self)
{
  gboolean read_only = baton_store_get_read_only (self->store);

  if (read_only)
    gtk_widget_set_visible (self->read_only_banner, TRUE);
  gtk_revealer_set_reveal_child (self->read_only_revealer, read_only);
}

static void
on_read_only_banner_revealed (BatonWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->read_only_revealer) &&
      !gtk_revealer_get_child_revealed (self->read_only_revealer))
    gtk_widget_set_visible (self->read_only_banner, FALSE);
}

/* GObject ------------------------------------------------------------------- */

static void
baton_window_constructed (GObject *object)
{
  BatonWindow *self = BATON_WINDOW (object);
  BatonHistory *history;

  G_OBJECT_CLASS (baton_window_parent_class)->constructed (object);

  g_assert (BATON_IS_STORE (self->store));

  history = baton_store_get_history (self->store);
  /* Any property: the labels can change while can-undo stays TRUE. */
  g_signal_connect_object (history, "notify", G_CALLBACK (update_undo_actions),
                           self, G_CONNECT_SWAPPED);
  self->toaster = baton_undo_toaster_new (self->store, GTK_WIDGET (self->toast_overlay),
                                          "win.undo-toast", "win.redo-toast");
  update_undo_actions (self);

  /* A workspace whose file cannot be written says so above the views,
   * which turn their editing off themselves. */
  g_signal_connect_object (self->store, "notify::read-only",
                           G_CALLBACK (update_read_only_banner), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->read_only_revealer, "notify::child-revealed",
                           G_CALLBACK (on_read_only_banner_revealed), self, G_CONNECT_SWAPPED);
  update_read_only_banner (self);
  gtk_widget_set_tooltip_text (self->read_only_banner, baton_store_get_path (self->store));


  /* Each view is its own widget over the store; the window only hosts it.
   * Board and grid read one capacity state, computed once per change. */
  self->workload = baton_workload_new (self->store);

  /* Only the view on show is built with the window (the board as it is
   * mapped, on_map ()), the others when first shown (ensure_view ()).
   * The stack sizes itself to the visible view only: the others may not
   * be there, and a homogeneous stack, which measures its hidden pages,
   * leaves a view built once the window is mapped without a size when it
   * grows (GTK 4.8, libadwaita 1.2). */
  adw_view_stack_set_hhomogeneous (self->view_stack, FALSE);
  adw_view_stack_set_vhomogeneous (self->view_stack, FALSE);
  restore_window_state (self);
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "board") != 0)
    ensure_view (self, adw_view_stack_get_visible_child_name (self->view_stack));
  g_signal_connect_after (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (on_visible_view_changed), self, G_CONNECT_SWAPPED);

  gtk_menu_button_set_create_popup_func (primary_menu_button (self), create_primary_menu, self, NULL);
  g_signal_connect_after (self, "realize", G_CALLBACK (on_realize_later), NULL);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (on_title_visible), self, G_CONNECT_SWAPPED);
  on_title_visible (self);

  set_up_title (self);
  baton_window_exchange_init (self);
  baton_window_workspace_init (self);
  baton_window_team_init (self);

  if (baton_startup_report_enabled ())
    g_signal_connect_after (self, "realize", G_CALLBACK (on_realize_report), NULL);
}

static void
baton_window_dispose (GObject *object)
{
  BatonWindow *self = BATON_WINDOW (object);

  /* The stack changes its visible child while it is torn down. */
  if (self->view_stack != NULL)
    g_signal_handlers_disconnect_by_data (self->view_stack, self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (baton_store_get_history (self->store), self);

  g_clear_handle_id (&self->later_source, g_source_remove);
  g_clear_object (&self->toaster);
  gtk_widget_dispose_template (GTK_WIDGET (self), BATON_TYPE_WINDOW);

  g_clear_object (&self->workload);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (baton_window_parent_class)->dispose (object);
}

static void
baton_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BatonWindow *self = BATON_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, baton_window_get_store (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BatonWindow *self = BATON_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_assert (self->store == NULL);
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_window_class_init (BatonWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = baton_window_constructed;
  object_class->dispose = baton_window_dispose;
  object_class->get_property = baton_window_get_property;
  object_class->set_property = baton_window_set_property;

  window_class->close_request = baton_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         BATON_TYPE_STORE,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/baton-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BatonWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, BatonWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BatonWindow, read_only_revealer);
  gtk_widget_class_bind_template_child (widget_class, BatonWindow, read_only_banner);

  gtk_widget_class_bind_template_child (widget_class, BatonWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, BatonWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, BatonWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BatonWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BatonWindow, board_bin);
  gtk_widget_class_bind_template_child (widget_class, BatonWindow, capacity_bin);
  gtk_widget_class_bind_template_child (widget_class, BatonWindow, clients_bin);
  gtk_widget_class_bind_template_child (widget_class, BatonWindow, switcher_bar_bin);
  gtk_widget_class_bind_template_child (widget_class, BatonWindow, primary_menu);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  /* The buttons of history toasts: the parameter is the toast's serial. */
  gtk_widget_class_install_action (widget_class, "win.undo-toast", "t", undo_toast_activated);
  gtk_widget_class_install_action (widget_class, "win.redo-toast", "t", redo_toast_activated);
  /* Undo and redo are window bindings, not application accelerators: those
   * would run before the focused widget, and a text field (the notes
   * editor, an entry) must undo its own typing first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_install_action (widget_class, "win.view-action", "s", view_action_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.view-action", "s", "search");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.view-action", "s", "show-people");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.view-action", "s", "new-card");
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_activated);
  gtk_widget_class_install_action (widget_class, "win.rebalance", "x", rebalance_activated);
  /* The other shortcuts are application accelerators (baton-application.c),
   * so that menus and the shortcuts window show them. */
  gtk_widget_class_install_action (widget_class, "win.show-undo-toast", "s", show_undo_toast_activated);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_activated);
  baton_window_exchange_class_init (widget_class);
  baton_window_workspace_class_init (widget_class);
  baton_window_team_class_init (widget_class);
}

static void
baton_window_init (BatonWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 reads mnemonics out in accessible names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
}

BatonWindow *
baton_window_new (GtkApplication *application,
                  BatonStore     *store)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  return g_object_new (BATON_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * baton_window_get_store:
 *
 * Returns: (transfer none): the workspace shown in the window
 */
BatonStore *
baton_window_get_store (BatonWindow *self)
{
  g_return_val_if_fail (BATON_IS_WINDOW (self), NULL);

  return self->store;
}
