/* baton-board-view.c — the Board page of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A kanban board over the store: one column per stage, cards that can be
 * dragged between and within columns or onto people, a filter bar, and an
 * optional people sidebar with each person's load this week.
 *
 * The view owns the board's state. On every store change it makes one pass
 * over tasks (stage loads), fixes its columns when stages changed, and
 * schedules ONE capacity computation (at low priority, after the frame)
 * that it hands down to the columns (and their cards), the filter and the
 * people sidebar. Columns follow their tasks through their own filter and
 * sort models over the board's one BatonBoardFilter (see
 * baton-board-tasks.c, baton-board-filter.c).
 *
 * State goes down, actions come up: the children know no view, and act
 * with the view's actions, the same the keyboard and the menus use, with
 * the task's id as parameter. Every action is one store call; destructive
 * ones offer Undo through the window's win.show-undo-toast action.
 */

#define G_LOG_DOMAIN "baton-board-view"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-board-card.h"
#include "baton-board-column.h"
#include "baton-board-filter.h"
#include "baton-board-private.h"
#include "baton-board-tasks.h"
#include "baton-board-view.h"
#include "baton-colors.h"
#include "baton-dates.h"
#include "baton-duration.h"
#include "baton-edge-scroll.h"
#include "baton-menu-label.h"
#include "baton-people-sidebar.h"
#include "baton-accessible.h"
#include "baton-read-only.h"
#include "baton-task-editor.h"
#include "baton-view-settings.h"

#define WEEKS_BEFORE 8
#define WEEKS_SHOWN  34

struct _BatonBoardView
{
  AdwBin              parent_instance;

  /* Template children */
  AdwToastOverlay    *toast_overlay;
  GtkSearchEntry     *search_entry;
  GtkMenuButton      *filter_button;
  GtkPopover         *filter_popover;
  GtkDropDown        *client_dropdown;
  GtkDropDown        *program_dropdown;
  GtkDropDown        *person_dropdown;
  GtkDropDown        *role_dropdown;
  GtkStack           *content_stack;
  GtkScrolledWindow  *board_scroller;
  GtkWidget          *columns_box;
  GtkRevealer        *people_revealer;
  AdwBin             *sidebar_bin;

  /* Owned references */
  BatonStore         *store;
  BatonBoardTasks    *tasks;
  GSettings          *settings;
  BatonCapacity      *capacity;
  BatonPeopleSidebar *sidebar;
  GtkWidget          *task_menu;       /* GtkPopoverMenu, our child */
  gint64              menu_card_task_id; /* whose card gets the focus back */
  BatonTask          *dragged_task;

  /* Focus: the task whose card has (or last had) the focus, where it was,
   * and the history's tops, to tell an undo or redo from a new change. */
  BatonTask          *focus_task;
  gint64              focus_stage_id;
  guint               focus_index;
  GtkRoot            *focus_root;        /* weak */
  gconstpointer       undo_top;          /* compared, never dereferenced */
  gconstpointer       redo_top;

  /* Derived from the store, once per change */
  GHashTable         *stage_loads;      /* stage id → guint */
  BatonCapacitySettings capacity_settings;
  guint32             today;
  guint               capacity_idle_id;  /* not shown: an idle */
  guint               capacity_tick_id;  /* shown: the next frame's update phase */
  gboolean            capacity_for_change;  /* scheduled by the last store change */

  /* Filters: one for every column */
  BatonBoardFilter   *filter;
  gboolean            show_people;
  GArray             *client_ids;        /* filter dropdown positions → ids */
  GArray             *program_ids;
  GArray             *person_ids;
  GArray             *role_ids;
  gboolean            loading_filters;
  guint               n_filters_shown;

  /* Dragging near the board's edges */
  BatonEdgeScroll     edge_scroll;       /* the board, sideways */

  /* Toasts */
  char               *pending_toast;
  gconstpointer       pending_change;   /* compared, never dereferenced */
  guint               toast_idle_id;
  char               *last_toast;       /* for tests */
  AdwToast           *own_toast;        /* weak: outside a Baton window */
  GtkWidget          *editor;            /* weak */
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_SHOW_PEOPLE_SIDEBAR,
  PROP_ONLY_OVER_CAPACITY,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonBoardView, baton_board_view, ADW_TYPE_BIN)

static void update_page (BatonBoardView *self);
static void keep_focus (BatonBoardView *self);


/* Style -------------------------------------------------------------------------- */

static void
ensure_style (void)
{
  static gboolean loaded;
  GtkCssProvider *provider;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;

  baton_widgets_ensure_style ();
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/baton_app/Baton/board/board.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (provider);
}

/* Messages ---------------------------------------------------------------------- */

/* Outside a Baton window (a test, a benchmark) the view says it in its own
 * overlay, one toast at a time like the window. */
static void
show_own_toast (BatonBoardView *self,
                const char     *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (self->own_toast != NULL)
    {
      adw_toast_set_title (self->own_toast, escaped);
      /* Added again, it starts its timeout afresh. */
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->own_toast));
      return;
    }

  self->own_toast = adw_toast_new (escaped);
  g_object_add_weak_pointer (G_OBJECT (self->own_toast), (gpointer *) &self->own_toast);
  g_signal_connect_swapped (self->own_toast, "dismissed", G_CALLBACK (g_clear_weak_pointer), &self->own_toast);
  adw_toast_overlay_add_toast (self->toast_overlay, self->own_toast);
}

static gboolean
show_pending_toast (gpointer user_data)
{
  BatonBoardView *self = BATON_BOARD_VIEW (user_data);
  g_autofree char *message = g_steal_pointer (&self->pending_toast);

  self->toast_idle_id = 0;
  if (message == NULL)
    return G_SOURCE_REMOVE;

  /* Undone (or buried) before the toast came: it would offer to undo
   * another change. */
  if (baton_history_peek_undo (baton_store_get_history (self->store)) != self->pending_change)
    return G_SOURCE_REMOVE;

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-undo-toast", "s", message))
    show_own_toast (self, message);

  return G_SOURCE_REMOVE;
}

/* An undoable change happened: the window's toast offers Undo. The toast
 * comes right after the frame that shows the change (it slides in anyway),
 * so the change itself is drawn without waiting for it. */
static void
announce_undoable (BatonBoardView *self,
                   const char     *message)
{
  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  g_free (self->pending_toast);
  self->pending_toast = g_strdup (message);
  self->pending_change = baton_history_peek_undo (baton_store_get_history (self->store));

  if (self->toast_idle_id == 0)
    self->toast_idle_id = g_idle_add_full (G_PRIORITY_LOW, show_pending_toast, self, NULL);
}

/* Something went wrong: say so, without an Undo button. */
static void
show_error (BatonBoardView *self,
            const char     *message)
{
  g_free (self->last_toast);
  self->last_toast = g_strdup (message);

  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message))
    show_own_toast (self, message);
}

/* Columns --------------------------------------------------------------------- */

static BatonBoardColumn *
column_for_stage_id (BatonBoardView *self,
                     gint64          stage_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      BatonBoardColumn *column = BATON_BOARD_COLUMN (child);

      if (baton_record_get_id (BATON_RECORD (baton_board_column_get_stage (column))) == stage_id)
        return column;
    }

  return NULL;
}

static gboolean
columns_match_stages (BatonBoardView *self)
{
  GListModel *stages = baton_store_get_stages (self->store);
  guint n = g_list_model_get_n_items (stages);
  GtkWidget *child = gtk_widget_get_first_child (self->columns_box);

  for (guint i = 0; i < n; i++, child = gtk_widget_get_next_sibling (child))
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);

      if (child == NULL || baton_board_column_get_stage (BATON_BOARD_COLUMN (child)) != stage)
        return FALSE;
    }

  return child == NULL;
}

/* Non-archived cards of a stage, whatever the filter. */
static guint
stage_load (BatonBoardView *self,
            BatonStage     *stage)
{
  gpointer key = GINT_TO_POINTER ((gint) baton_record_get_id (BATON_RECORD (stage)));

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->stage_loads, key));
}

static void
update_headers (BatonBoardView *self)
{
  GtkWidget *child = gtk_widget_get_first_child (self->columns_box);

  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      BatonBoardColumn *column = BATON_BOARD_COLUMN (child);

      baton_board_column_set_load (column, stage_load (self, baton_board_column_get_stage (column)));
      baton_board_column_update_header (column,
                                        gtk_widget_get_prev_sibling (child) == NULL,
                                        gtk_widget_get_next_sibling (child) == NULL);
    }
}

/* Is column @index within the board's viewport, or about to be? */
static gboolean
column_near_view (BatonBoardView *self,
                  guint           index)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->board_scroller);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  double start = gtk_adjustment_get_value (adjustment);
  double width = gtk_adjustment_get_page_size (adjustment);
  double left = BATON_BOARD_COLUMN_SPACING + index * (double) (BATON_BOARD_COLUMN_WIDTH + BATON_BOARD_COLUMN_SPACING);

  /* Before the first allocation: the window's width. */
  if (width <= 0 && GTK_IS_WINDOW (root))
    {
      int default_width = 0, default_height = 0;

      gtk_window_get_default_size (GTK_WINDOW (root), &default_width, &default_height);
      width = MAX (default_width, gtk_widget_get_width (GTK_WIDGET (self)));
    }
  if (width <= 0)
    return TRUE;

  /* A little ahead of the viewport, so that scrolling finds them ready. */
  return left < start + width + BATON_BOARD_COLUMN_WIDTH / 2.0 &&
         left + BATON_BOARD_COLUMN_WIDTH > start - BATON_BOARD_COLUMN_WIDTH / 2.0;
}

/* Columns get their cards when they come into view (or near it): the
 * board's first frame binds the cards it shows, and no more. */
static void
show_cards (BatonBoardView *self)
{
  guint i = 0;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    if (column_near_view (self, i))
      baton_board_column_show_cards (BATON_BOARD_COLUMN (child));
}

static void
sync_columns (BatonBoardView *self)
{
  GListModel *stages;
  GtkWidget *child;

  if (columns_match_stages (self))
    {
      update_headers (self);
      return;
    }

  while ((child = gtk_widget_get_first_child (self->columns_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->columns_box), child);

  stages = baton_store_get_stages (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);
      GtkWidget *column;

      column = baton_board_column_new (self->store, stage,
                                       baton_board_tasks_get_stage_model (self->tasks,
                                                                          baton_record_get_id (BATON_RECORD (stage))),
                                       GTK_FILTER (self->filter));
      baton_board_column_set_capacity (BATON_BOARD_COLUMN (column), self->capacity, self->today);
      gtk_box_append (GTK_BOX (self->columns_box), column);
    }

  update_headers (self);
  show_cards (self);
}

/* After the columns' models followed the filter. */
static void
on_filter_changed (BatonBoardView *self)
{
  update_headers (self);
  update_page (self);
}

/* Derived state ---------------------------------------------------------------- */

static void
count_tasks (BatonBoardView *self)
{
  baton_board_tasks_count_stages (self->tasks, self->stage_loads);
}

static void
compute_capacity (BatonBoardView *self)
{
  BatonCapacityInput input;
  guint32 first;

  if (self->capacity_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->capacity_tick_id);
      self->capacity_tick_id = 0;
    }
  g_clear_handle_id (&self->capacity_idle_id, g_source_remove);
  self->capacity_for_change = FALSE;

  self->today = baton_date_today ();
  baton_capacity_input_from_store (self->store, &input);
  first = baton_date_week_start (self->today, self->capacity_settings.first_weekday) - WEEKS_BEFORE * 7;

  g_clear_pointer (&self->capacity, baton_capacity_unref);
  self->capacity = baton_capacity_compute (&self->capacity_settings, &input, first, WEEKS_SHOWN);

  /* Down to who shows it: the filter (a change only when it filters on
   * it), the columns and their cards, the sidebar. */
  baton_board_filter_set_capacity (self->filter, self->capacity);
  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    baton_board_column_set_capacity (BATON_BOARD_COLUMN (child), self->capacity, self->today);

  /* The sidebar refreshes only when it shows; showing it refreshes it. */
  if (self->sidebar != NULL)
    {
      baton_people_sidebar_set_capacity (self->sidebar, self->capacity, &self->capacity_settings, self->today);
      if (self->show_people)
        baton_people_sidebar_refresh (self->sidebar);
    }
}

static gboolean
capacity_tick (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  self->capacity_tick_id = 0;
  compute_capacity (self);

  return G_SOURCE_REMOVE;
}

static gboolean
capacity_idle (gpointer user_data)
{
  BatonBoardView *self = BATON_BOARD_VIEW (user_data);

  self->capacity_idle_id = 0;
  compute_capacity (self);

  return G_SOURCE_REMOVE;
}

static gboolean
capacity_pending (BatonBoardView *self)
{
  return self->capacity_tick_id != 0 || self->capacity_idle_id != 0;
}

static void
cancel_capacity (BatonBoardView *self)
{
  if (self->capacity_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->capacity_tick_id);
      self->capacity_tick_id = 0;
    }
  g_clear_handle_id (&self->capacity_idle_id, g_source_remove);
  self->capacity_for_change = FALSE;
}

/* Once, in the next frame's update phase (before its layout): a change
 * and the badges it moves are drawn in the same frame. Not shown, in an
 * idle. */
static void
schedule_capacity (BatonBoardView *self)
{
  if (capacity_pending (self))
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->capacity_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), capacity_tick, NULL, NULL);
  else
    self->capacity_idle_id = g_idle_add_full (G_PRIORITY_LOW, capacity_idle, self, NULL);
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  if (G_VALUE_TYPE (a) != G_VALUE_TYPE (b))
    return FALSE;

  switch (G_VALUE_TYPE (a))
    {
    case G_TYPE_INT64:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    case G_TYPE_INT:
      return g_value_get_int (a) == g_value_get_int (b);
    case G_TYPE_BOOLEAN:
      return g_value_get_boolean (a) == g_value_get_boolean (b);
    case G_TYPE_STRING:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    default:
      return FALSE;
    }
}

static gboolean
stage_is_done (BatonBoardView *self,
               gint64          stage_id)
{
  BatonStage *stage = baton_store_lookup_stage (self->store, stage_id);

  return stage != NULL && baton_stage_get_is_done (stage);
}

/* Does @change leave every load as it was: cards moved or reordered, none
 * into or out of the done stage? Then the capacity need not be computed
 * again, and the change is drawn in one frame. */
static gboolean
change_keeps_capacity (BatonBoardView *self,
                       BatonChange    *change)
{
  for (guint i = 0; i < baton_change_get_n_ops (change); i++)
    {
      BatonOp *op = baton_change_get_op (change, i);

      if (op->kind != BATON_OP_UPDATE || g_strcmp0 (op->schema->table, "tasks") != 0)
        return FALSE;

      for (guint f = 0; f < op->schema->n_fields; f++)
        {
          const char *name = op->schema->fields[f].name;

          if (values_equal (&op->before[f], &op->after[f]) ||
              g_str_equal (name, "position") || g_str_equal (name, "updated-at"))
            continue;

          if (g_str_equal (name, "stage-id") && G_VALUE_HOLDS_INT64 (&op->before[f]) &&
              stage_is_done (self, g_value_get_int64 (&op->before[f])) ==
              stage_is_done (self, g_value_get_int64 (&op->after[f])))
            continue;

          return FALSE;
        }
    }

  return TRUE;
}

static void
read_settings (BatonBoardView *self)
{
  baton_capacity_settings_from_gsettings (self->settings, &self->capacity_settings);
  schedule_capacity (self);
}

static guint
n_shown (BatonBoardView *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += g_list_model_get_n_items (baton_board_column_get_model (BATON_BOARD_COLUMN (child)));

  return n;
}

static gboolean
has_active (GListModel *list,
            gboolean  (*is_archived) (gpointer item))
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      if (is_archived == NULL || !is_archived (item))
        return TRUE;
    }

  return FALSE;
}

/* With no cards, the first-run step the board is at: stages, then roles,
 * people, a client and a program, and the first card. */
static const char *
empty_page (BatonBoardView *self)
{
  if (g_list_model_get_n_items (baton_store_get_stages (self->store)) == 0)
    return "no-stages";
  if (!has_active (baton_store_get_roles (self->store), NULL))
    return "no-roles";
  if (!has_active (baton_store_get_people (self->store), (gpointer) baton_person_get_archived))
    return "no-people";
  if (!has_active (baton_store_get_programs (self->store), (gpointer) baton_program_get_archived))
    return "no-programs";

  return "empty";
}

static void
update_page (BatonBoardView *self)
{
  const char *page = "board";
  guint n_filter_menu = baton_board_filter_get_n_settings (self->filter);

  if (g_list_model_get_n_items (baton_store_get_tasks (self->store)) == 0 ||
      g_list_model_get_n_items (baton_store_get_stages (self->store)) == 0)
    page = empty_page (self);
  else if (baton_board_filter_is_active (self->filter) && n_shown (self) == 0)
    page = "no-results";

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), page) != 0)
    gtk_stack_set_visible_child_name (self->content_stack, page);

  /* The button's label is rebuilt when set: only when the count changes. */
  if (n_filter_menu == self->n_filters_shown)
    return;
  self->n_filters_shown = n_filter_menu;

  if (n_filter_menu > 0)
    {
      /* Translators: the filter button when some filters are on; %u counts them */
      g_autofree char *label = g_strdup_printf (_("Filters (%u)"), n_filter_menu);

      gtk_menu_button_set_label (self->filter_button, label);
      gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "filters-active");
    }
  else
    {
      gtk_menu_button_set_label (self->filter_button, _("Filters"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "filters-active");
    }
}

static void
on_store_changed (BatonBoardView *self)
{
  self->today = baton_date_today ();
  baton_colors_prepare (self->store);
  count_tasks (self);
  sync_columns (self);
  update_page (self);
  self->capacity_for_change = !capacity_pending (self);
  schedule_capacity (self);

  keep_focus (self);
}

/* Drag and drop ---------------------------------------------------------------------- */

#define EDGE_ZONE  64
#define EDGE_SPEED 18.0

static void
on_board_drag_motion (GtkDropControllerMotion *motion,
                      double                   x,
                      double                   y,
                      BatonBoardView          *self)
{
  /* Near the left or right edge, the board scrolls. */
  baton_edge_scroll_update (&self->edge_scroll, gtk_scrolled_window_get_hadjustment (self->board_scroller),
                            x, 0, gtk_widget_get_width (GTK_WIDGET (self->board_scroller)));
}

static void
on_board_drag_leave (GtkDropControllerMotion *motion,
                     BatonBoardView          *self)
{
  baton_edge_scroll_stop (&self->edge_scroll);
}

/* A task id from an action's parameter: one of the store's tasks, or NULL. */
static BatonTask *
lookup_task (BatonBoardView *self,
             gint64          id)
{
  return id != 0 ? baton_store_lookup_task (self->store, id) : NULL;
}

/* board.drag-begin (task id): a card is being dragged. The columns learn
 * which (its own slot is no move), the sidebar lights who can take it. */
static void
drag_begin_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonTask *task = lookup_task (self, g_variant_get_int64 (parameter));

  if (task == NULL)
    return;

  g_set_object (&self->dragged_task, task);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    baton_board_column_set_dragged_task (BATON_BOARD_COLUMN (child), task);
  if (self->sidebar != NULL)
    baton_people_sidebar_highlight_role (self->sidebar, task);
}

/* board.drag-end: the drag is over, dropped or not. */
static void
drag_end_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  baton_edge_scroll_stop (&self->edge_scroll);
  g_clear_object (&self->dragged_task);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
  /* Cancelled with the pointer still over a column: it is lit no more. */
  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      baton_board_column_set_dragged_task (BATON_BOARD_COLUMN (child), NULL);
      baton_board_column_clear_drop (BATON_BOARD_COLUMN (child));
    }
  if (self->sidebar != NULL)
    baton_people_sidebar_highlight_role (self->sidebar, NULL);
}

/* " — Review is over its WIP limit (6 / 5)", or NULL. */
static char *
wip_warning (BatonBoardView *self,
             BatonStage     *stage)
{
  gint64 limit = baton_stage_get_wip_limit (stage);
  guint load = stage_load (self, stage);

  if (limit <= 0 || load <= (guint) limit)
    return NULL;

  /* Translators: added to a toast; %s is a stage, then cards / limit */
  return g_strdup_printf (_("%s is over its WIP limit (%u / %d)"),
                          baton_stage_get_name (stage), load, (int) limit);
}

static gboolean
move_task (BatonBoardView *self,
           BatonTask      *task,
           BatonStage     *stage,
           BatonTask      *before,
           gboolean        announce)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup (baton_task_get_title (task));
  gboolean same_stage = baton_task_get_stage_id (task) == baton_record_get_id (BATON_RECORD (stage));
  g_autofree char *message = NULL;
  g_autofree char *warning = NULL;

  if (!baton_store_move_task (self->store, task, stage, before, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  if (!announce)
    return TRUE;

  if (same_stage)
    /* Translators: a toast; %s is a card's title */
    message = g_strdup_printf (_("Reordered “%s”"), title);
  else
    /* Translators: a toast; the first %s is a card's title, the second a stage */
    message = g_strdup_printf (_("Moved “%s” to %s"), title, baton_stage_get_name (stage));

  warning = same_stage ? NULL : wip_warning (self, stage);
  if (warning != NULL)
    {
      /* Translators: a toast made of a message and a warning */
      g_autofree char *both = g_strdup_printf (_("%s — %s"), message, warning);
      announce_undoable (self, both);
    }
  else
    announce_undoable (self, message);

  return TRUE;
}

/* board.move-task (task id, stage id, id of the task it goes before, or
 * 0 for the end): a drop on a column, a "Move to Stage" item. */
static void
move_task_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  gint64 task_id, stage_id, before_id;
  BatonTask *task, *before;
  BatonStage *stage;

  g_variant_get (parameter, "(xxx)", &task_id, &stage_id, &before_id);
  task = lookup_task (self, task_id);
  stage = baton_store_lookup_stage (self->store, stage_id);
  before = lookup_task (self, before_id);
  if (task == NULL || stage == NULL || (before_id != 0 && before == NULL))
    return;

  /* A card that has the focus keeps it wherever it went (keep_focus). */
  move_task (self, task, stage, before, TRUE);
}

static gboolean
reassign_task (BatonBoardView *self,
               BatonTask      *task,
               BatonPerson    *person)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if ((person ? baton_record_get_id (BATON_RECORD (person)) : 0) == baton_task_get_assignee_id (task))
    return TRUE;

  if (!baton_store_reassign_task (self->store, task, person, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  if (person != NULL)
    /* Translators: a toast; the first %s is a card's title, the second a person */
    message = g_strdup_printf (_("Assigned “%s” to %s"), baton_task_get_title (task), baton_person_get_name (person));
  else
    /* Translators: a toast; %s is a card's title */
    message = g_strdup_printf (_("“%s” is now unassigned"), baton_task_get_title (task));
  announce_undoable (self, message);

  return TRUE;
}

/* board.reassign-task (task id, person id or 0 for nobody): a drop on a
 * person, a "Reassign To" item. */
static void
reassign_task_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  gint64 task_id, person_id;
  BatonTask *task;
  BatonPerson *person;

  g_variant_get (parameter, "(xx)", &task_id, &person_id);
  task = lookup_task (self, task_id);
  person = person_id != 0 ? baton_store_lookup_person (self->store, person_id) : NULL;
  if (task == NULL || (person_id != 0 && person == NULL))
    return;

  reassign_task (self, task, person);
}

/* board.add-card (stage id, title): a column's quick-add entry. */
static void
add_card_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  g_autoptr(GError) error = NULL;
  const char *title = NULL;
  gint64 stage_id;
  BatonStage *stage;

  g_variant_get (parameter, "(x&s)", &stage_id, &title);
  stage = baton_store_lookup_stage (self->store, stage_id);
  if (stage == NULL)
    return;

  if (baton_store_create_task (self->store, stage, NULL, title, &error) == NULL)
    {
      show_error (self, error->message);
      return;
    }

  /* Show where it landed: the end of the column. */
  {
    BatonBoardColumn *column = column_for_stage_id (self, baton_record_get_id (BATON_RECORD (stage)));
    guint n;

    if (column != NULL && (n = g_list_model_get_n_items (baton_board_column_get_model (column))) > 0)
      baton_board_column_scroll_to_index (column, n - 1);
  }
}

/* The editor ---------------------------------------------------------------------------- */

/* @task: NULL for a new card. */
static void
open_editor (BatonBoardView *self,
             BatonTask      *task)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *editor;

  editor = baton_task_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, task);
  g_set_weak_pointer (&self->editor, editor);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Focus ------------------------------------------------------------------------------- */

/* The focus follows the card a person acts on: after a keyboard move, an
 * undo or redo, or a menu closed with Escape, it is on that card wherever
 * the card went (columns recycle card widgets, and a card that changed
 * column has a new one). It is taken back only from where it was lost: a
 * card of the board, a container, an insensitive button, a toast, or
 * nowhere — never from a field a person went to. */

static gboolean
is_in_toast (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
      return TRUE;

  return FALSE;
}

static gboolean
focus_may_move (BatonBoardView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (root == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;

  return focus == NULL || !gtk_widget_is_sensitive (focus) || !gtk_widget_get_mapped (focus) ||
         is_in_toast (focus) ||
         (gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) &&
          (BATON_IS_BOARD_CARD (focus) || !gtk_widget_get_focusable (focus)));
}

/* Scrolls the board so that all of @column is in view (with the space
 * around it), as little as needed. Positions come from the last layout,
 * in the adjustment's coordinates, so that asking twice before the next
 * layout scrolls once. */
static void
scroll_to_column (BatonBoardView   *self,
                  BatonBoardColumn *column)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->board_scroller);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->board_scroller);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  GtkAllocation content;
  graphene_rect_t bounds;
  double left, right;

  if (!gtk_widget_compute_bounds (GTK_WIDGET (column), viewport, &bounds) || bounds.size.width <= 0)
    return;

  /* The viewport places the columns at minus the value it had then. */
  gtk_widget_get_allocation (self->columns_box, &content);
  left = bounds.origin.x - content.x - BATON_BOARD_COLUMN_SPACING;
  right = bounds.origin.x - content.x + bounds.size.width + BATON_BOARD_COLUMN_SPACING;

  if (left < value || right - left > page)
    gtk_adjustment_set_value (adjustment, left);
  else if (right > value + page)
    gtk_adjustment_set_value (adjustment, right - page);
}

/* Has the card showing @task in its stage's column the focus? (The card
 * it had in another column, until it is recycled, does not count.) */
static gboolean
is_focused_card_of (BatonBoardView *self,
                    BatonTask      *task)
{
  BatonBoardColumn *column = column_for_stage_id (self, baton_task_get_stage_id (task));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return column != NULL && focus != NULL && baton_board_column_get_card (column, task) == focus;
}

/* Gives @task's card the focus and scrolls it into view (a card that has
 * it already, when it moved). */
static gboolean
focus_card_of (BatonBoardView *self,
               BatonTask      *task)
{
  BatonBoardColumn *column = column_for_stage_id (self, baton_task_get_stage_id (task));

  if (column == NULL)
    return FALSE;

  if (is_focused_card_of (self, task))
    {
      guint index = baton_board_column_get_index (column, task);

      if (index != G_MAXUINT)
        baton_board_column_scroll_to_index (column, index);
    }
  else if (!baton_board_column_focus_task (column, task))
    return FALSE;

  scroll_to_column (self, column);
  return TRUE;
}

/* After a change: the focused card's task keeps the focus; a card that
 * left the board gives it to the card that took its place. */
static void
keep_focus (BatonBoardView *self)
{
  BatonBoardColumn *column;
  guint n;

  if (self->focus_task == NULL || !focus_may_move (self) || is_focused_card_of (self, self->focus_task))
    return;

  if (baton_store_lookup_task (self->store, baton_record_get_id (BATON_RECORD (self->focus_task))) == self->focus_task &&
      focus_card_of (self, self->focus_task))
    return;

  column = column_for_stage_id (self, self->focus_stage_id);
  if (column == NULL || (n = g_list_model_get_n_items (baton_board_column_get_model (column))) == 0)
    return;
  baton_board_column_focus_index (column, MIN (self->focus_index, n - 1));
}

static void
on_focus_widget_changed (BatonBoardView *self)
{
  GtkWidget *focus = self->focus_root != NULL ? gtk_root_get_focus (self->focus_root) : NULL;

  /* Lost (its card was recycled, a dialog closed): remembered as it was. */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    return;

  if (BATON_IS_BOARD_CARD (focus) && baton_board_card_get_task (BATON_BOARD_CARD (focus)) != NULL)
    {
      BatonTask *task = baton_board_card_get_task (BATON_BOARD_CARD (focus));
      BatonBoardColumn *column = column_for_stage_id (self, baton_task_get_stage_id (task));

      g_set_object (&self->focus_task, task);
      self->focus_stage_id = baton_task_get_stage_id (task);
      self->focus_index = column != NULL ? baton_board_column_get_index (column, task) : 0;
      if (self->focus_index == G_MAXUINT)
        self->focus_index = 0;
    }
  else if (gtk_widget_get_focusable (focus))
    g_clear_object (&self->focus_task);
}

/* The first task a change touches, or @preferred if it touches that. */
static BatonTask *
task_of_change (BatonBoardView *self,
                BatonChange    *change,
                BatonTask      *preferred)
{
  BatonTask *first = NULL;

  for (guint i = 0; i < baton_change_get_n_ops (change); i++)
    {
      BatonOp *op = baton_change_get_op (change, i);
      BatonTask *task;

      if (g_strcmp0 (op->schema->table, "tasks") != 0)
        continue;
      task = baton_store_lookup_task (self->store, op->id);
      if (task == NULL)
        continue;
      if (task == preferred)
        return task;
      if (first == NULL)
        first = task;
    }

  return first;
}

/* Undo and redo act on a change: the focus goes to the card it touched. */
static void
on_history_changed (BatonBoardView *self)
{
  BatonHistory *history = baton_store_get_history (self->store);
  BatonChange *undo_top = baton_history_peek_undo (history);
  BatonChange *redo_top = baton_history_peek_redo (history);
  BatonChange *acted = NULL;
  gconstpointer old_undo_top = self->undo_top;
  BatonTask *task;

  if ((gconstpointer) undo_top == self->undo_top && (gconstpointer) redo_top == self->redo_top)
    return;

  if (redo_top != NULL && (gconstpointer) redo_top == self->undo_top)
    acted = redo_top;    /* undone */
  else if (undo_top != NULL && (gconstpointer) undo_top == self->redo_top)
    acted = undo_top;    /* redone */
  self->undo_top = undo_top;
  self->redo_top = redo_top;

  /* The change that just happened (recorded, undone or redone) may not
   * need the capacity the store change scheduled. */
  {
    BatonChange *last = acted != NULL ? acted : (gconstpointer) undo_top != old_undo_top ? undo_top : NULL;

    if (self->capacity_for_change && last != NULL && change_keeps_capacity (self, last))
      cancel_capacity (self);
    self->capacity_for_change = FALSE;
  }

  if (acted == NULL || (task = task_of_change (self, acted, self->focus_task)) == NULL)
    return;

  if (focus_may_move (self) && focus_card_of (self, task))
    g_set_object (&self->focus_task, task);
}

static void
baton_board_view_root (GtkWidget *widget)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  GTK_WIDGET_CLASS (baton_board_view_parent_class)->root (widget);

  g_set_weak_pointer (&self->focus_root, gtk_widget_get_root (widget));
  g_signal_connect_object (self->focus_root, "notify::focus-widget",
                           G_CALLBACK (on_focus_widget_changed), self, G_CONNECT_SWAPPED);
}

static void
baton_board_view_unroot (GtkWidget *widget)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  if (self->focus_root != NULL)
    g_signal_handlers_disconnect_by_func (self->focus_root, on_focus_widget_changed, self);
  g_clear_weak_pointer (&self->focus_root);

  GTK_WIDGET_CLASS (baton_board_view_parent_class)->unroot (widget);
}

/* Task actions ---------------------------------------------------------------------- */

static void
focus_task_later (BatonBoardView *self,
                  BatonTask      *task)
{
  if (focus_card_of (self, task))
    g_set_object (&self->focus_task, task);
}

/* The task of a task.* action: its parameter is the task's id. */
static BatonTask *
task_from_parameter (BatonBoardView *self,
                     GVariant       *parameter)
{
  return lookup_task (self, g_variant_get_int64 (parameter));
}

/* task.open (task id): Enter or a double click on a card, the menu's Open. */
static void
task_open_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonTask *task = task_from_parameter (self, parameter);

  if (task != NULL)
    open_editor (self, task);
}

static void
move_to_neighbour_stage (BatonBoardView *self,
                         BatonTask      *task,
                         int             delta)
{
  GListModel *stages = baton_store_get_stages (self->store);
  guint n = g_list_model_get_n_items (stages);
  g_autoptr(BatonStage) target = NULL;
  gint index = -1;

  if (task == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);

      if (baton_record_get_id (BATON_RECORD (stage)) == baton_task_get_stage_id (task))
        index = (gint) i;
    }

  if (index < 0 || index + delta < 0 || index + delta >= (gint) n)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  target = g_list_model_get_item (stages, index + delta);
  if (move_task (self, task, target, NULL, TRUE))
    focus_task_later (self, task);
}

static void
task_move_left_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  move_to_neighbour_stage (self, task_from_parameter (self, parameter),
                           gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? 1 : -1);
}

static void
task_move_right_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  move_to_neighbour_stage (self, task_from_parameter (self, parameter),
                           gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL ? -1 : 1);
}

static void
reorder (BatonBoardView *self,
         BatonTask      *task,
         int             delta)
{
  BatonBoardColumn *column;
  BatonStage *stage;
  GListModel *model;
  g_autoptr(BatonTask) before = NULL;
  guint n, index = G_MAXUINT;

  if (task == NULL || (column = column_for_stage_id (self, baton_task_get_stage_id (task))) == NULL)
    return;

  stage = baton_board_column_get_stage (column);
  model = baton_board_column_get_model (column);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n && index == G_MAXUINT; i++)
    {
      g_autoptr(BatonTask) item = g_list_model_get_item (model, i);

      if (item == task)
        index = i;
    }

  if (index == G_MAXUINT || (delta < 0 && index == 0) || (delta > 0 && index + 1 >= n))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  /* Up: before the previous card. Down: before the card after the next. */
  if (delta < 0)
    before = g_list_model_get_item (model, index - 1);
  else if (index + 2 < n)
    before = g_list_model_get_item (model, index + 2);

  if (move_task (self, task, stage, before, FALSE))
    focus_task_later (self, task);
}

static void
task_move_up_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  reorder (self, task_from_parameter (self, parameter), -1);
}

static void
task_move_down_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  reorder (self, task_from_parameter (self, parameter), 1);
}

static void
task_archive_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonTask *task = task_from_parameter (self, parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean archive;

  if (task == NULL)
    return;

  archive = !baton_task_get_archived (task);
  if (!baton_store_archive_task (self->store, task, archive, &error))
    {
      show_error (self, error->message);
      return;
    }

  message = archive ? g_strdup_printf (_("Card “%s” archived"), baton_task_get_title (task))
                    : g_strdup_printf (_("Card “%s” restored"), baton_task_get_title (task));
  announce_undoable (self, message);
}

static void
task_delete_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonTask *task = task_from_parameter (self, parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  if (task == NULL)
    return;

  title = g_strdup (baton_task_get_title (task));
  if (!baton_store_delete (self->store, task, &error))
    {
      show_error (self, error->message);
      return;
    }

  message = g_strdup_printf (_("Card “%s” deleted"), title);
  announce_undoable (self, message);
}

/* The card menu --------------------------------------------------------------------------- */

static GMenuItem *
target_item (const char *label,
             const char *action,
             GVariant   *target)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, target);
  return item;
}

/* Every item names its task: the menu needs no "current task". */
static GMenuItem *
reassign_item (const char *label,
               BatonTask  *task,
               gint64      person_id)
{
  return target_item (label, "board.reassign-task",
                      g_variant_new ("(xx)", baton_record_get_id (BATON_RECORD (task)), person_id));
}

static GMenuModel *
build_task_menu (BatonBoardView *self,
                 BatonTask      *task)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) stages_menu = g_menu_new ();
  g_autoptr(GMenu) people_menu = g_menu_new ();
  g_autoptr(GMenu) room = g_menu_new ();
  g_autoptr(GMenu) others = g_menu_new ();
  g_autoptr(GMenu) unassign = g_menu_new ();
  g_autoptr(GMenu) ends = g_menu_new ();
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  GListModel *stages = baton_store_get_stages (self->store);
  GListModel *people = baton_store_get_people (self->store);
  BatonCapacityInput input;
  gint64 assignee = baton_task_get_assignee_id (task);
  gint64 task_id = baton_record_get_id (BATON_RECORD (task));

  {
    g_autoptr(GMenuItem) item = target_item (_("_Open"), "task.open", g_variant_new_int64 (task_id));

    g_menu_append_item (open, item);
  }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));

  /* Move to stage */
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);
      gint64 id = baton_record_get_id (BATON_RECORD (stage));
      GMenuItem *item;

      if (id == baton_task_get_stage_id (task))
        continue;
      {
        g_autofree char *label = baton_menu_label_escape (baton_stage_get_name (stage));

        item = target_item (label, "board.move-task", g_variant_new ("(xxx)", task_id, id, (gint64) 0));
      }
      g_menu_append_item (stages_menu, item);
      g_object_unref (item);
    }
  g_menu_append_submenu (moves, _("_Move to Stage"), G_MENU_MODEL (stages_menu));

  /* Reassign: people with the role first, most free hours this week first. */
  baton_capacity_input_from_store (self->store, &input);
  candidates = baton_capacity_who_has_room (&self->capacity_settings, &input, task, self->today);
  for (guint i = 0; i < candidates->len; i++)
    {
      BatonRoomCandidate *candidate = &g_array_index (candidates, BatonRoomCandidate, i);
      gint64 *id = g_new (gint64, 1);
      g_autofree char *hours = NULL;
      g_autofree char *label = NULL;
      g_autofree char *name = baton_menu_label_escape (baton_person_get_name (candidate->person));
      GMenuItem *item;

      *id = baton_record_get_id (BATON_RECORD (candidate->person));
      g_hash_table_add (listed, id);

      if (candidate->free_minutes >= 0)
        {
          hours = baton_duration_format_hours (candidate->free_minutes);
          /* Translators: in the Reassign menu; a person and their free hours */
          label = g_strdup_printf (_("%s (%s h free)"), name, hours);
        }
      else
        {
          hours = baton_duration_format_hours (-candidate->free_minutes);
          /* Translators: in the Reassign menu; a person and how far over capacity they are */
          label = g_strdup_printf (_("%s (%s h over)"), name, hours);
        }
      if (*id == assignee)
        {
          /* Translators: in the Reassign menu, the person who holds the card now */
          g_autofree char *current = g_strdup_printf (_("%s — assigned"), label);
          g_free (label);
          label = g_steal_pointer (&current);
        }
      item = reassign_item (label, task, *id);
      g_menu_append_item (room, item);
      g_object_unref (item);
    }
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (people, i);
      gint64 id = baton_record_get_id (BATON_RECORD (person));

      if (!baton_person_get_archived (person) && !g_hash_table_contains (listed, &id))
        g_ptr_array_add (rest, person);
    }
  for (guint i = 0; i < rest->len; i++)
    {
      BatonPerson *person = g_ptr_array_index (rest, i);
      gint64 id = baton_record_get_id (BATON_RECORD (person));
      g_autofree char *name = baton_menu_label_escape (baton_person_get_name (person));
      g_autofree char *label = id == assignee ? g_strdup_printf (_("%s — assigned"), name)
                                              : g_strdup (name);
      GMenuItem *item = reassign_item (label, task, id);

      g_menu_append_item (others, item);
      g_object_unref (item);
    }
  {
    GMenuItem *item = reassign_item (_("_Unassigned"), task, 0);

    g_menu_append_item (unassign, item);
    g_object_unref (item);
  }
  if (g_menu_model_get_n_items (G_MENU_MODEL (room)) > 0)
    g_menu_append_section (people_menu, baton_task_get_role_id (task) ? _("With the Role") : NULL,
                           G_MENU_MODEL (room));
  if (g_menu_model_get_n_items (G_MENU_MODEL (others)) > 0)
    g_menu_append_section (people_menu, g_menu_model_get_n_items (G_MENU_MODEL (room)) > 0 ? _("Others") : NULL,
                           G_MENU_MODEL (others));
  g_menu_append_section (people_menu, NULL, G_MENU_MODEL (unassign));
  g_menu_append_submenu (moves, _("_Reassign To"), G_MENU_MODEL (people_menu));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));

  {
    g_autoptr(GMenuItem) archive = target_item (baton_task_get_archived (task) ? _("_Restore") : _("_Archive"),
                                                "task.archive", g_variant_new_int64 (task_id));
    g_autoptr(GMenuItem) delete = target_item (_("_Delete"), "task.delete", g_variant_new_int64 (task_id));

    g_menu_append_item (ends, archive);
    g_menu_append_item (ends, delete);
  }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (ends));

  return G_MENU_MODEL (menu);
}

static void
on_task_menu_closed (BatonBoardView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  BatonTask *task = lookup_task (self, self->menu_card_task_id);

  /* Closed from within (Escape, an item): the focus goes back to the
   * card, which an item's action may then move. (Items carry their task:
   * the id is kept for the focus only.) */
  if (task != NULL &&
      (focus == NULL || focus == self->task_menu || gtk_widget_is_ancestor (focus, self->task_menu)))
    focus_card_of (self, task);
  self->menu_card_task_id = 0;
}

/* task.menu (task id, x, y): the card menu of a task, pointing at (x, y)
 * of its card — where it was clicked, its middle from the keyboard. */
static void
task_menu_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  g_autoptr(GMenuModel) model = NULL;
  BatonBoardColumn *column;
  GtkWidget *card;
  graphene_point_t point;
  GdkRectangle rect;
  gint64 task_id;
  BatonTask *task;
  double x, y;

  g_variant_get (parameter, "(xdd)", &task_id, &x, &y);
  task = lookup_task (self, task_id);
  if (task == NULL ||
      (column = column_for_stage_id (self, baton_task_get_stage_id (task))) == NULL ||
      (card = baton_board_column_get_card (column, task)) == NULL)
    return;

  self->menu_card_task_id = task_id;
  model = build_task_menu (self, task);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->task_menu), model);

  if (!gtk_widget_compute_point (card, GTK_WIDGET (self), &GRAPHENE_POINT_INIT ((float) x, (float) y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  rect = (GdkRectangle) { (int) point.x, (int) point.y, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->task_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->task_menu));
}

/* Board actions ------------------------------------------------------------------------ */

static void
new_card_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_editor (BATON_BOARD_VIEW (widget), NULL);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_search_changed (BatonBoardView *self)
{
  baton_board_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_stop_search (BatonBoardView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* board.filter-client, -program, -person, -role (id, 0 for any; a person
 * -1 for nobody): one handler, the action's name says which. */
static const struct
{
  const char         *action;
  BatonBoardFilterId  id;
} filter_actions[] = {
  { "board.filter-client", BATON_BOARD_FILTER_CLIENT },
  { "board.filter-program", BATON_BOARD_FILTER_PROGRAM },
  { "board.filter-person", BATON_BOARD_FILTER_PERSON },
  { "board.filter-role", BATON_BOARD_FILTER_ROLE },
};

static void
filter_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (filter_actions); i++)
    if (g_str_equal (action_name, filter_actions[i].action))
      baton_board_filter_set_id (self->filter, filter_actions[i].id, g_variant_get_int64 (parameter));
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  gboolean only_over = baton_board_filter_get_only_over_capacity (self->filter);
  gboolean archived = baton_board_filter_get_show_archived (self->filter);

  /* One change of the filter; the entry, cleared, then has nothing to change. */
  baton_board_filter_clear (self->filter);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (only_over)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ONLY_OVER_CAPACITY]);
  if (archived)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_ARCHIVED]);
}

/* The filter popover's dropdowns: rebuilt each time it opens. */
static void
fill_dropdown (GtkDropDown   *dropdown,
               GtkStringList *strings,
               GArray        *ids,
               gint64         selected)
{
  g_autoptr(GtkExpression) expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  guint position = 0;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == selected)
      position = i;

  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (dropdown, position);
}

static void
append_choice (GtkStringList *strings,
               GArray        *ids,
               const char    *label,
               gint64         id)
{
  gtk_string_list_append (strings, label);
  g_array_append_val (ids, id);
}

static int
compare_named (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const char *(*get_name) (gpointer) = user_data;

  return g_utf8_collate (get_name (*(gpointer *) a), get_name (*(gpointer *) b));
}

static void
sorted_records (GListModel *list,
                GPtrArray  *out,
                gpointer    get_name)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_ptr_array_add (out, item);
    }
  g_ptr_array_sort_with_data (out, compare_named, get_name);
}

static void
on_filter_popover_show (BatonBoardView *self)
{
  g_autoptr(GtkStringList) clients = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) programs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  GListModel *list;

  self->loading_filters = TRUE;

  g_array_set_size (self->client_ids, 0);
  append_choice (clients, self->client_ids, _("Any client"), 0);
  sorted_records (baton_store_get_clients (self->store), records, baton_client_get_name);
  for (guint i = 0; i < records->len; i++)
    {
      BatonClient *client = g_ptr_array_index (records, i);

      if (!baton_client_get_archived (client) || baton_record_get_id (BATON_RECORD (client)) == baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_CLIENT))
        append_choice (clients, self->client_ids, baton_client_get_name (client),
                       baton_record_get_id (BATON_RECORD (client)));
    }
  fill_dropdown (self->client_dropdown, clients, self->client_ids, baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_CLIENT));

  g_array_set_size (self->program_ids, 0);
  g_ptr_array_set_size (records, 0);
  append_choice (programs, self->program_ids, _("Any program"), 0);
  sorted_records (baton_store_get_programs (self->store), records, baton_program_get_name);
  for (guint i = 0; i < records->len; i++)
    {
      BatonProgram *program = g_ptr_array_index (records, i);
      gint64 id = baton_record_get_id (BATON_RECORD (program));

      if (baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_CLIENT) != 0 && baton_program_get_client_id (program) != baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_CLIENT))
        continue;
      if (!baton_program_get_archived (program) || id == baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_PROGRAM))
        append_choice (programs, self->program_ids, baton_program_get_name (program), id);
    }
  fill_dropdown (self->program_dropdown, programs, self->program_ids, baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_PROGRAM));

  g_array_set_size (self->person_ids, 0);
  g_ptr_array_set_size (records, 0);
  append_choice (people, self->person_ids, _("Anyone"), 0);
  append_choice (people, self->person_ids, _("Unassigned"), -1);
  sorted_records (baton_store_get_people (self->store), records, baton_person_get_name);
  for (guint i = 0; i < records->len; i++)
    {
      BatonPerson *person = g_ptr_array_index (records, i);
      gint64 id = baton_record_get_id (BATON_RECORD (person));

      if (!baton_person_get_archived (person) || id == baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_PERSON))
        append_choice (people, self->person_ids, baton_person_get_name (person), id);
    }
  fill_dropdown (self->person_dropdown, people, self->person_ids, baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_PERSON));

  g_array_set_size (self->role_ids, 0);
  append_choice (roles, self->role_ids, _("Any role"), 0);
  list = baton_store_get_roles (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(BatonRole) role = g_list_model_get_item (list, i);

      append_choice (roles, self->role_ids, baton_role_get_name (role), baton_record_get_id (BATON_RECORD (role)));
    }
  fill_dropdown (self->role_dropdown, roles, self->role_ids, baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_ROLE));

  self->loading_filters = FALSE;
}

static void
on_filter_dropdown_selected (GtkDropDown    *dropdown,
                             GParamSpec     *pspec,
                             BatonBoardView *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  const char *action;
  GArray *ids;

  if (self->loading_filters)
    return;

  if (dropdown == self->client_dropdown)
    action = "board.filter-client", ids = self->client_ids;
  else if (dropdown == self->program_dropdown)
    action = "board.filter-program", ids = self->program_ids;
  else if (dropdown == self->person_dropdown)
    action = "board.filter-person", ids = self->person_ids;
  else
    action = "board.filter-role", ids = self->role_ids;

  if (position == GTK_INVALID_LIST_POSITION || position >= ids->len)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), action, "x", g_array_index (ids, gint64, position));

  /* Programs follow the client. */
  if (dropdown == self->client_dropdown)
    on_filter_popover_show (self);
}

/* Stage actions ---------------------------------------------------------------------------- */

static BatonStage *
stage_from_parameter (BatonBoardView *self,
                      GVariant       *parameter)
{
  return baton_store_lookup_stage (self->store, g_variant_get_int64 (parameter));
}

static guint
stage_index (BatonBoardView *self,
             BatonStage     *stage)
{
  GListModel *stages = baton_store_get_stages (self->store);
  guint position = 0;

  g_list_store_find (G_LIST_STORE (stages), stage, &position);
  return position;
}

static GtkWindow *
parent_window (BatonBoardView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static AdwMessageDialog *
message_dialog (BatonBoardView *self,
                const char     *heading,
                const char     *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, body));

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

typedef struct
{
  BatonBoardView *self;
  gint64          stage_id;
  GtkWidget      *input;
  GtkDropDown    *targets;
  GArray         *target_ids;
} StageDialog;

static void
stage_dialog_free (gpointer  data,
                   GClosure *closure)
{
  StageDialog *dialog = data;

  g_clear_pointer (&dialog->target_ids, g_array_unref);
  g_object_unref (dialog->self);
  g_free (dialog);
}

static StageDialog *
stage_dialog_new (BatonBoardView *self,
                  BatonStage     *stage)
{
  StageDialog *dialog = g_new0 (StageDialog, 1);

  dialog->self = g_object_ref (self);
  dialog->stage_id = stage ? baton_record_get_id (BATON_RECORD (stage)) : 0;
  return dialog;
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    StageDialog      *data)
{
  BatonStage *stage = baton_store_lookup_stage (data->self->store, data->stage_id);
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (data->input));

  if (g_strcmp0 (response, "rename") != 0 || stage == NULL)
    return;
  if (g_strcmp0 (name, baton_stage_get_name (stage)) == 0)
    return;

  if (!baton_store_update (data->self->store, stage, &error, "name", name, NULL))
    show_error (data->self, error->message);
}

static void
rename_stage_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonStage *stage = stage_from_parameter (self, parameter);
  AdwMessageDialog *dialog;
  StageDialog *data;

  if (stage == NULL)
    return;

  dialog = message_dialog (self, _("Rename Stage"), NULL);
  adw_message_dialog_add_response (dialog, "rename", _("_Rename"));
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");

  data = stage_dialog_new (self, stage);
  data->input = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (data->input), baton_stage_get_name (stage));
  gtk_entry_set_activates_default (GTK_ENTRY (data->input), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->input),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stage name"), -1);
  adw_message_dialog_set_extra_child (dialog, data->input);

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_rename_response), data,
                         stage_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (data->input);
}

static void
on_wip_response (AdwMessageDialog *dialog,
                 const char       *response,
                 StageDialog      *data)
{
  BatonStage *stage = baton_store_lookup_stage (data->self->store, data->stage_id);
  g_autoptr(GError) error = NULL;
  gint64 limit;

  if (g_strcmp0 (response, "set") != 0 || stage == NULL)
    return;

  limit = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (data->input));
  if (limit == baton_stage_get_wip_limit (stage))
    return;

  if (!baton_store_update (data->self->store, stage, &error, "wip-limit", (gint64) limit, NULL))
    show_error (data->self, error->message);
}

static void
set_wip_limit_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonStage *stage = stage_from_parameter (self, parameter);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  StageDialog *data;

  if (stage == NULL)
    return;

  /* Translators: %s is a stage */
  body = g_strdup_printf (_("When “%s” holds more cards than this, it is flagged. Moves are still allowed. Zero means no limit."),
                          baton_stage_get_name (stage));
  dialog = message_dialog (self, _("Work-in-Progress Limit"), body);
  adw_message_dialog_add_response (dialog, "set", _("_Set Limit"));
  adw_message_dialog_set_response_appearance (dialog, "set", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "set");

  data = stage_dialog_new (self, stage);
  data->input = gtk_spin_button_new_with_range (0, BATON_MAX_WIP_LIMIT, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (data->input), (double) baton_stage_get_wip_limit (stage));
  gtk_widget_set_halign (data->input, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->input),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Work-in-progress limit"), -1);
  adw_message_dialog_set_extra_child (dialog, data->input);

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_wip_response), data,
                         stage_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  gint64 stage_id;
  gboolean done;
} DoneStage;

static gboolean
set_done_stage (BatonStore  *store,
                gpointer     user_data,
                GError     **error)
{
  DoneStage *done = user_data;
  GListModel *stages = baton_store_get_stages (store);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);
      gboolean wanted;

      /* On: this stage alone is done. Off: this stage is not, others stay. */
      if (baton_record_get_id (BATON_RECORD (stage)) == done->stage_id)
        wanted = done->done;
      else
        wanted = done->done ? FALSE : baton_stage_get_is_done (stage);

      if (baton_stage_get_is_done (stage) != wanted &&
          !baton_store_update (store, stage, error, "is-done", (gboolean) wanted, NULL))
        return FALSE;
    }

  return TRUE;
}

static void
toggle_done_stage_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonStage *stage = stage_from_parameter (self, parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  DoneStage done;

  if (stage == NULL)
    return;

  done.stage_id = baton_record_get_id (BATON_RECORD (stage));
  done.done = !baton_stage_get_is_done (stage);
  /* Translators: an undo label */
  if (!baton_store_run_batch (self->store, _("Change the done stage"), TRUE, set_done_stage, &done, &error))
    {
      show_error (self, error->message);
      return;
    }

  message = done.done ? g_strdup_printf (_("“%s” is now the done stage"), baton_stage_get_name (stage))
                      : g_strdup_printf (_("“%s” is no longer the done stage"), baton_stage_get_name (stage));
  announce_undoable (self, message);
}

static void
move_stage (BatonBoardView *self,
            GVariant       *parameter,
            int             delta)
{
  BatonStage *stage = stage_from_parameter (self, parameter);
  guint n = g_list_model_get_n_items (baton_store_get_stages (self->store));
  g_autoptr(GError) error = NULL;
  gint index;

  if (stage == NULL)
    return;

  index = (gint) stage_index (self, stage) + delta;
  if (index < 0 || index >= (gint) n)
    return;

  if (!baton_store_move_stage (self->store, stage, (guint) index, &error))
    show_error (self, error->message);
}

static void
move_stage_left_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  move_stage (BATON_BOARD_VIEW (widget), parameter, -1);
}

static void
move_stage_right_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  move_stage (BATON_BOARD_VIEW (widget), parameter, 1);
}

typedef struct
{
  const char *name;
  guint       index;
} NewStage;

static gboolean
add_stage_batch (BatonStore  *store,
                 gpointer     user_data,
                 GError     **error)
{
  NewStage *new_stage = user_data;
  BatonStage *stage = baton_store_create_stage (store, new_stage->name, 0, error);

  return stage != NULL && baton_store_move_stage (store, stage, new_stage->index, error);
}

static void
on_add_stage_response (AdwMessageDialog *dialog,
                       const char       *response,
                       StageDialog      *data)
{
  BatonStage *after = baton_store_lookup_stage (data->self->store, data->stage_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  NewStage new_stage;

  if (g_strcmp0 (response, "add") != 0)
    return;

  new_stage.name = gtk_editable_get_text (GTK_EDITABLE (data->input));
  new_stage.index = after ? stage_index (data->self, after) + 1
                          : g_list_model_get_n_items (baton_store_get_stages (data->self->store));
  /* Translators: an undo label */
  if (!baton_store_run_batch (data->self->store, _("Add stage"), TRUE, add_stage_batch, &new_stage, &error))
    {
      show_error (data->self, error->message);
      return;
    }

  /* Translators: a toast; %s is a stage */
  message = g_strdup_printf (_("Stage “%s” added"), new_stage.name);
  announce_undoable (data->self, message);
}

static void
add_stage_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonStage *after = stage_from_parameter (self, parameter);
  AdwMessageDialog *dialog;
  StageDialog *data;

  if (after != NULL)
    dialog = message_dialog (self, _("Add Stage"), _("The new stage comes right after this one."));
  else if (g_list_model_get_n_items (baton_store_get_stages (self->store)) == 0)
    dialog = message_dialog (self, _("Add Stage"), _("The first column of the board."));
  else
    dialog = message_dialog (self, _("Add Stage"), _("The new stage comes last."));
  adw_message_dialog_add_response (dialog, "add", _("_Add"));
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");

  data = stage_dialog_new (self, after);
  data->input = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (data->input), _("Stage name"));
  gtk_entry_set_activates_default (GTK_ENTRY (data->input), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->input),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stage name"), -1);
  adw_message_dialog_set_extra_child (dialog, data->input);

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_add_stage_response), data,
                         stage_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (data->input);
}

static void
on_delete_stage_response (AdwMessageDialog *dialog,
                          const char       *response,
                          StageDialog      *data)
{
  BatonStore *store = data->self->store;
  BatonStage *stage = baton_store_lookup_stage (store, data->stage_id);
  BatonStage *target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (stage == NULL || g_strcmp0 (response, "cancel") == 0)
    return;

  if (g_strcmp0 (response, "move") == 0)
    {
      guint position = gtk_drop_down_get_selected (data->targets);

      if (position < data->target_ids->len)
        target = baton_store_lookup_stage (store, g_array_index (data->target_ids, gint64, position));
      if (target == NULL)
        return;
    }

  name = g_strdup (baton_stage_get_name (stage));
  if (!baton_store_delete_stage (store, stage, target, &error))
    {
      show_error (data->self, error->message);
      return;
    }

  if (target != NULL)
    /* Translators: a toast; the first %s is the deleted stage, the second where its cards went */
    message = g_strdup_printf (_("Stage “%s” deleted, its cards moved to %s"), name, baton_stage_get_name (target));
  else
    /* Translators: a toast; %s is a stage */
    message = g_strdup_printf (_("Stage “%s” deleted"), name);
  announce_undoable (data->self, message);
}

static void
delete_stage_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonStage *stage = stage_from_parameter (self, parameter);
  GListModel *stages = baton_store_get_stages (self->store);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  StageDialog *data;

  if (stage == NULL)
    return;

  if (g_list_model_get_n_items (stages) <= 1)
    {
      show_error (self, _("The last stage cannot be deleted: a board needs at least one."));
      return;
    }

  tasks = baton_store_get_stage_tasks (self->store, stage);
  /* Translators: %s is a stage */
  heading = g_strdup_printf (_("Delete “%s”?"), baton_stage_get_name (stage));
  if (tasks->len > 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "It holds %u card. Move it to another stage, or delete it with the stage.",
                                         "It holds %u cards. Move them to another stage, or delete them with the stage.",
                                         tasks->len),
                            tasks->len);
  else
    body = g_strdup (_("The stage is empty."));

  dialog = message_dialog (self, heading, body);
  data = stage_dialog_new (self, stage);

  if (tasks->len > 0)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new_with_mnemonic (_("_Move cards to"));

      guint here = stage_index (self, stage);
      guint preselected;

      data->target_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        {
          g_autoptr(BatonStage) other = g_list_model_get_item (stages, i);
          gint64 id = baton_record_get_id (BATON_RECORD (other));

          if (other == stage)
            continue;
          gtk_string_list_append (names, baton_stage_get_name (other));
          g_array_append_val (data->target_ids, id);
        }
      /* The next stage by default (the previous one for the last). */
      preselected = MIN (here, data->target_ids->len - 1);
      data->targets = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
      gtk_drop_down_set_selected (data->targets, preselected);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (data->targets));
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->targets));
      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      adw_message_dialog_set_extra_child (dialog, box);

      adw_message_dialog_add_response (dialog, "delete", _("_Delete Cards Too"));
      adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_add_response (dialog, "move", _("_Move Cards and Delete"));
      adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "move");
    }
  else
    {
      adw_message_dialog_add_response (dialog, "delete", _("_Delete"));
      adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "cancel");
    }

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_stage_response), data,
                         stage_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
quick_add_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonBoardColumn *column = column_for_stage_id (self, g_variant_get_int64 (parameter));

  if (column != NULL)
    baton_board_column_start_quick_add (column);
}

/* Public ------------------------------------------------------------------------------------ */

GtkWidget *
baton_board_view_new (BatonStore *store)
{
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  return g_object_new (BATON_TYPE_BOARD_VIEW, "store", store, NULL);
}

BatonStore *
baton_board_view_get_store (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return self->store;
}

guint
baton_board_view_get_n_columns (BatonBoardView *self)
{
  guint n = 0;

  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

GtkWidget *
baton_board_view_get_column (BatonBoardView *self,
                             guint           index)
{
  GtkWidget *child;

  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  for (child = gtk_widget_get_first_child (self->columns_box);
       child != NULL && index > 0;
       child = gtk_widget_get_next_sibling (child))
    index--;

  return child;
}

GtkWidget *
baton_board_view_get_column_for_stage (BatonBoardView *self,
                                       BatonStage     *stage)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);
  g_return_val_if_fail (BATON_IS_STAGE (stage), NULL);

  return GTK_WIDGET (column_for_stage_id (self, baton_record_get_id (BATON_RECORD (stage))));
}

GtkWidget *
baton_board_view_get_people_sidebar (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return GTK_WIDGET (self->sidebar);
}

GtkWidget *
baton_board_view_get_search_entry (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return GTK_WIDGET (self->search_entry);
}

BatonTask *
baton_board_view_get_dragged_task (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return self->dragged_task;
}

const char *
baton_board_view_get_visible_page (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

const char *
baton_board_view_get_last_message (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return self->last_toast;
}

GtkWidget *
baton_board_view_get_editor (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return self->editor;
}

gboolean
baton_board_view_is_settled (BatonBoardView *self)
{
  guint i = 0;

  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), FALSE);

  if (capacity_pending (self) || self->capacity == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return FALSE;

  /* An empty state instead of the columns. */
  if (!gtk_widget_get_mapped (self->columns_box))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (self->columns_box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      BatonBoardColumn *column = BATON_BOARD_COLUMN (child);

      if (!column_near_view (self, i))
        continue;
      if (!baton_board_column_get_shows_cards (column) ||
          !baton_card_list_is_settled (baton_board_column_get_card_list (column)))
        return FALSE;
    }

  return TRUE;
}

void
baton_board_view_update_capacity (BatonBoardView *self)
{
  g_return_if_fail (BATON_IS_BOARD_VIEW (self));

  compute_capacity (self);
}

/* GObject ------------------------------------------------------------------------------------ */

static void
set_bool_property (BatonBoardView *self,
                   gboolean       *field,
                   gboolean        value,
                   guint           prop)
{
  value = !!value;
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
baton_board_view_map (GtkWidget *widget)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  GTK_WIDGET_CLASS (baton_board_view_parent_class)->map (widget);

  show_cards (self);

  /* Shown: the capacity waiting in an idle comes with the first frame. */
  if (self->capacity_idle_id != 0)
    {
      g_clear_handle_id (&self->capacity_idle_id, g_source_remove);
      schedule_capacity (self);
    }
}

static void
baton_board_view_constructed (GObject *object)
{
  BatonBoardView *self = BATON_BOARD_VIEW (object);

  G_OBJECT_CLASS (baton_board_view_parent_class)->constructed (object);

  g_assert (BATON_IS_STORE (self->store));

  /* One filter for every column; the view follows it after they did. */
  self->filter = baton_board_filter_new (self->store);
  g_signal_connect_object (self->filter, "changed", G_CALLBACK (on_filter_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "show-people-sidebar", self, "show-people-sidebar", G_SETTINGS_BIND_DEFAULT);
  baton_capacity_settings_from_gsettings (self->settings, &self->capacity_settings);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (read_settings), self, G_CONNECT_SWAPPED);

  /* The task list first: its "changed" handler must run before ours. */
  self->tasks = baton_board_tasks_new (self->store);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  self->undo_top = baton_history_peek_undo (baton_store_get_history (self->store));
  self->redo_top = baton_history_peek_redo (baton_store_get_history (self->store));
  g_signal_connect_object (baton_store_get_history (self->store), "notify",
                           G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);

  self->sidebar = BATON_PEOPLE_SIDEBAR (baton_people_sidebar_new (self->store));
  baton_people_sidebar_set_capacity (self->sidebar, NULL, &self->capacity_settings, baton_date_today ());
  adw_bin_set_child (self->sidebar_bin, GTK_WIDGET (self->sidebar));

  self->today = baton_date_today ();
  baton_colors_prepare (self->store);
  count_tasks (self);
  sync_columns (self);
  update_page (self);
  schedule_capacity (self);

  /* A workspace that cannot be written can be looked at, not changed. */
  {
    static const char * const editing[] = {
      "board.new-card", "board.quick-add", "board.add-stage", "board.rename-stage",
      "board.set-wip-limit", "board.toggle-done-stage", "board.move-stage-left",
      "board.move-stage-right", "board.delete-stage", "task.move-left", "task.move-right",
      "task.move-up", "task.move-down", "task.archive", "task.delete", "board.move-task",
      "board.reassign-task", "board.add-card", NULL,
    };

    baton_read_only_disable_actions (GTK_WIDGET (self), self->store, editing);
  }
}

static void
baton_board_view_dispose (GObject *object)
{
  BatonBoardView *self = BATON_BOARD_VIEW (object);

  cancel_capacity (self);
  g_clear_handle_id (&self->toast_idle_id, g_source_remove);
  baton_edge_scroll_stop (&self->edge_scroll);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_pointer (&self->task_menu, gtk_widget_unparent);
  g_clear_weak_pointer (&self->editor);
  if (self->own_toast != NULL)
    g_signal_handlers_disconnect_by_func (self->own_toast, g_clear_weak_pointer, &self->own_toast);
  g_clear_weak_pointer (&self->own_toast);

  /* The template's root is the bin's child: let the bin drop it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BATON_TYPE_BOARD_VIEW);

  g_clear_object (&self->dragged_task);
  g_clear_object (&self->focus_task);
  if (self->focus_root != NULL)
    g_signal_handlers_disconnect_by_func (self->focus_root, on_focus_widget_changed, self);
  g_clear_weak_pointer (&self->focus_root);
  g_clear_object (&self->tasks);
  g_clear_object (&self->settings);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->capacity, baton_capacity_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_board_view_parent_class)->dispose (object);
}

static void
baton_board_view_finalize (GObject *object)
{
  BatonBoardView *self = BATON_BOARD_VIEW (object);

  g_clear_pointer (&self->stage_loads, g_hash_table_unref);
  g_clear_pointer (&self->client_ids, g_array_unref);
  g_clear_pointer (&self->program_ids, g_array_unref);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->role_ids, g_array_unref);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_pointer (&self->pending_toast, g_free);

  G_OBJECT_CLASS (baton_board_view_parent_class)->finalize (object);
}

static void
baton_board_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BatonBoardView *self = BATON_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SHOW_PEOPLE_SIDEBAR:
      g_value_set_boolean (value, self->show_people);
      break;
    case PROP_ONLY_OVER_CAPACITY:
      g_value_set_boolean (value, baton_board_filter_get_only_over_capacity (self->filter));
      break;
    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, baton_board_filter_get_show_archived (self->filter));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_board_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BatonBoardView *self = BATON_BOARD_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SHOW_PEOPLE_SIDEBAR:
      set_bool_property (self, &self->show_people, g_value_get_boolean (value), prop_id);
      if (self->show_people && self->sidebar != NULL)
        baton_people_sidebar_refresh (self->sidebar);
      gtk_revealer_set_reveal_child (self->people_revealer, self->show_people);
      break;
    case PROP_ONLY_OVER_CAPACITY:
      if (baton_board_filter_get_only_over_capacity (self->filter) != g_value_get_boolean (value))
        {
          baton_board_filter_set_only_over_capacity (self->filter, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_ARCHIVED:
      if (baton_board_filter_get_show_archived (self->filter) != g_value_get_boolean (value))
        {
          baton_board_filter_set_show_archived (self->filter, g_value_get_boolean (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_board_view_class_init (BatonBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baton_board_view_constructed;
  object_class->dispose = baton_board_view_dispose;
  object_class->finalize = baton_board_view_finalize;
  object_class->get_property = baton_board_view_get_property;
  object_class->set_property = baton_board_view_set_property;

  widget_class->map = baton_board_view_map;
  widget_class->root = baton_board_view_root;
  widget_class->unroot = baton_board_view_unroot;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BATON_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Bound to the show-people-sidebar setting. */
  properties[PROP_SHOW_PEOPLE_SIDEBAR] =
    g_param_spec_boolean ("show-people-sidebar", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ONLY_OVER_CAPACITY] =
    g_param_spec_boolean ("only-over-capacity", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/baton_app/Baton/board/baton-board-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, client_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, program_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, board_scroller);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, columns_box);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, people_revealer);
  gtk_widget_class_bind_template_child (widget_class, BatonBoardView, sidebar_bin);

  /* Board */
  gtk_widget_class_install_action (widget_class, "board.new-card", NULL, new_card_activated);
  gtk_widget_class_install_action (widget_class, "board.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "board.clear-filters", NULL, clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "board.filter-client", "x", filter_activated);
  gtk_widget_class_install_action (widget_class, "board.filter-program", "x", filter_activated);
  gtk_widget_class_install_action (widget_class, "board.filter-person", "x", filter_activated);
  gtk_widget_class_install_action (widget_class, "board.filter-role", "x", filter_activated);
  gtk_widget_class_install_property_action (widget_class, "board.only-over-capacity", "only-over-capacity");
  gtk_widget_class_install_property_action (widget_class, "board.show-archived", "show-archived");
  gtk_widget_class_install_property_action (widget_class, "board.show-people", "show-people-sidebar");
  gtk_widget_class_install_action (widget_class, "board.quick-add", "x", quick_add_activated);

  /* Stages */
  gtk_widget_class_install_action (widget_class, "board.rename-stage", "x", rename_stage_activated);
  gtk_widget_class_install_action (widget_class, "board.set-wip-limit", "x", set_wip_limit_activated);
  gtk_widget_class_install_action (widget_class, "board.toggle-done-stage", "x", toggle_done_stage_activated);
  gtk_widget_class_install_action (widget_class, "board.move-stage-left", "x", move_stage_left_activated);
  gtk_widget_class_install_action (widget_class, "board.move-stage-right", "x", move_stage_right_activated);
  gtk_widget_class_install_action (widget_class, "board.add-stage", "x", add_stage_activated);
  gtk_widget_class_install_action (widget_class, "board.delete-stage", "x", delete_stage_activated);

  gtk_widget_class_install_action (widget_class, "board.move-task", "(xxx)", move_task_activated);
  gtk_widget_class_install_action (widget_class, "board.reassign-task", "(xx)", reassign_task_activated);
  gtk_widget_class_install_action (widget_class, "board.add-card", "(xs)", add_card_activated);
  gtk_widget_class_install_action (widget_class, "board.drag-begin", "x", drag_begin_activated);
  gtk_widget_class_install_action (widget_class, "board.drag-end", NULL, drag_end_activated);

  /* Cards: the task is the parameter, its id */
  gtk_widget_class_install_action (widget_class, "task.open", "x", task_open_activated);
  gtk_widget_class_install_action (widget_class, "task.move-left", "x", task_move_left_activated);
  gtk_widget_class_install_action (widget_class, "task.move-right", "x", task_move_right_activated);
  gtk_widget_class_install_action (widget_class, "task.move-up", "x", task_move_up_activated);
  gtk_widget_class_install_action (widget_class, "task.move-down", "x", task_move_down_activated);
  gtk_widget_class_install_action (widget_class, "task.archive", "x", task_archive_activated);
  gtk_widget_class_install_action (widget_class, "task.delete", "x", task_delete_activated);
  /* (task id, x, y): where on its card the menu points */
  gtk_widget_class_install_action (widget_class, "task.menu", "(xdd)", task_menu_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "board.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "board.new-card", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "board.show-people", NULL);

  g_type_ensure (BATON_TYPE_TASK_EDITOR);
}

static void
baton_board_view_init (BatonBoardView *self)
{
  ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 reads mnemonics out in accessible names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (GTK_WIDGET (self));
  baton_edge_scroll_init (&self->edge_scroll, GTK_WIDGET (self->board_scroller), EDGE_ZONE, EDGE_SPEED);

  self->stage_loads = g_hash_table_new (NULL, NULL);
  self->client_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->program_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->role_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  baton_capacity_settings_init_default (&self->capacity_settings);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self);
  g_signal_connect_swapped (self->filter_popover, "show", G_CALLBACK (on_filter_popover_show), self);
  g_signal_connect (self->client_dropdown, "notify::selected", G_CALLBACK (on_filter_dropdown_selected), self);
  g_signal_connect (self->program_dropdown, "notify::selected", G_CALLBACK (on_filter_dropdown_selected), self);
  g_signal_connect (self->person_dropdown, "notify::selected", G_CALLBACK (on_filter_dropdown_selected), self);
  g_signal_connect (self->role_dropdown, "notify::selected", G_CALLBACK (on_filter_dropdown_selected), self);

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->board_scroller), "value-changed",
                           G_CALLBACK (show_cards), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->board_scroller), "changed",
                           G_CALLBACK (show_cards), self, G_CONNECT_SWAPPED);

  {
    GtkEventController *motion = gtk_drop_controller_motion_new ();

    g_signal_connect (motion, "enter", G_CALLBACK (on_board_drag_motion), self);
    g_signal_connect (motion, "motion", G_CALLBACK (on_board_drag_motion), self);
    g_signal_connect (motion, "leave", G_CALLBACK (on_board_drag_leave), self);
    gtk_widget_add_controller (GTK_WIDGET (self->board_scroller), motion);
  }

  self->task_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->task_menu), FALSE);
  gtk_widget_set_halign (self->task_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->task_menu, GTK_WIDGET (self));
  g_signal_connect_swapped (self->task_menu, "closed", G_CALLBACK (on_task_menu_closed), self);
}
