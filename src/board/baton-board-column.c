/* baton-board-column.c — one stage of the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A header (name, card count, WIP "n / limit", menu), a quick-add entry,
 * and a BatonCardList over a filter model (this stage, the board's filter)
 * and a sort model (by position) of the board's tasks, so only the cards
 * on screen have widgets, wherever the column is scrolled.
 *
 * The column has one drop target: motion maps y to a slot between cards
 * and moves a single line there, the edges scroll, and the drop activates
 * board.move-task, which the view (or whoever is above) carries out.
 *
 * What it shows comes from above: the board's filter, the stage's load,
 * the capacity its cards show, the task being dragged. What a person does
 * goes up as actions: board.move-task, board.add-card.
 */

#define G_LOG_DOMAIN "baton-board-column"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-board-card.h"
#include "baton-board-column.h"
#include "baton-board-filter.h"
#include "baton-card-list.h"
#include "baton-drag-cancel.h"
#include "baton-edge-scroll.h"

#define EDGE_SCROLL_ZONE  48
#define EDGE_SCROLL_SPEED 14.0

struct _BatonBoardColumn
{
  GtkWidget            parent_instance;

  /* Children */
  GtkWidget           *header;
  GtkLabel            *name_label;
  GtkWidget           *done_icon;
  GtkLabel            *count_label;
  GtkLabel            *wip_label;
  GtkWidget           *add_button;
  GtkMenuButton       *menu_button;
  GtkRevealer         *quick_add_revealer;
  GtkEntry            *quick_add_entry;
  GtkWidget           *overlay;
  GtkScrolledWindow   *scroller;
  BatonCardList       *card_list;
  GtkWidget           *drop_line;
  GtkWidget           *empty_label;
  GtkDropTarget       *drop_target;

  /* Owned */
  BatonStage          *stage;
  GtkFilter           *filter;
  GtkFilterListModel  *filtered;
  GtkSortListModel    *sorted;

  BatonStore          *store;          /* weak: the board's */
  BatonCapacity       *capacity;
  BatonTask           *dragged_task;

  /* State */
  gint64               stage_id;
  guint                load;
  guint32              today;
  gboolean             over_limit;
  char                *menu_key;        /* what the menu was built for */
  gboolean             is_first;
  gboolean             is_last;
  BatonEdgeScroll      edge_scroll;
  gboolean             shows_cards;
};

G_DEFINE_FINAL_TYPE (BatonBoardColumn, baton_board_column, GTK_TYPE_WIDGET)

/* Models ---------------------------------------------------------------------------- */

static int
compare_tasks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  BatonTask *ta = (BatonTask *) a;
  BatonTask *tb = (BatonTask *) b;
  gint64 pa = baton_task_get_position (ta), pb = baton_task_get_position (tb);
  gint64 ia, ib;

  if (pa != pb)
    return pa < pb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  ia = baton_record_get_id (BATON_RECORD (ta));
  ib = baton_record_get_id (BATON_RECORD (tb));
  return ia < ib ? GTK_ORDERING_SMALLER : (ia > ib ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL);
}

static GtkWidget *
create_card (gpointer user_data)
{
  BatonBoardColumn *self = user_data;

  GtkWidget *card = baton_board_card_new (self->store);

  baton_board_card_set_capacity (BATON_BOARD_CARD (card), self->capacity, self->today);
  return card;
}

/* A card follows its task's notifications: binding it again to the task it
 * shows costs nothing. */
static void
bind_card (GtkWidget *card,
           gpointer   item,
           gpointer   user_data)
{
  if (baton_board_card_get_task (BATON_BOARD_CARD (card)) != item)
    baton_board_card_set_task (BATON_BOARD_CARD (card), item);
}

/* Header -------------------------------------------------------------------------------- */

static void
update_counts (BatonBoardColumn *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  guint load = self->load;
  gint64 limit = baton_stage_get_wip_limit (self->stage);
  gboolean filtered = BATON_IS_BOARD_FILTER (self->filter) &&
                      baton_board_filter_is_active (BATON_BOARD_FILTER (self->filter));
  g_autofree char *count = g_strdup_printf ("%u", shown);
  g_autofree char *accessible = NULL;

  if (g_strcmp0 (gtk_label_get_text (self->count_label), count) != 0)
    gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), limit == 0 || filtered);
  {
    const char *tooltip = filtered ? _("Cards matching the filter") : _("Cards");
    const char *current = gtk_widget_get_tooltip_text (GTK_WIDGET (self->count_label));

    if (g_strcmp0 (current, tooltip) != 0)
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->count_label), tooltip);
  }

  self->over_limit = limit > 0 && load > (guint) limit;
  gtk_widget_set_visible (GTK_WIDGET (self->wip_label), limit > 0);
  if (limit > 0)
    {
      g_autofree char *wip = g_strdup_printf ("%u / %" G_GINT64_FORMAT, load, limit);
      g_autofree char *tooltip = NULL;

      if (g_strcmp0 (gtk_label_get_text (self->wip_label), wip) != 0)
        gtk_label_set_text (self->wip_label, wip);
      if (self->over_limit)
        tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Over the work-in-progress limit of %d card",
                                                "Over the work-in-progress limit of %d cards",
                                                (gulong) limit),
                                   (int) limit);
      else
        tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Work-in-progress limit: %d card",
                                                "Work-in-progress limit: %d cards",
                                                (gulong) limit),
                                   (int) limit);
      {
        const char *current = gtk_widget_get_tooltip_text (GTK_WIDGET (self->wip_label));

        if (g_strcmp0 (current, tooltip) != 0)
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->wip_label), tooltip);
      }
    }
  if (self->over_limit)
    gtk_widget_add_css_class (GTK_WIDGET (self->wip_label), "over-limit");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->wip_label), "over-limit");
  if (self->over_limit)
    gtk_widget_add_css_class (GTK_WIDGET (self), "over-limit");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "over-limit");

  gtk_widget_set_visible (self->empty_label, shown == 0);
  if (shown == 0)
    {
      const char *empty = filtered && load > 0 ? _("No matching cards") : _("No cards");

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (self->empty_label)), empty) != 0)
        gtk_label_set_text (GTK_LABEL (self->empty_label), empty);
    }

  if (limit > 0)
    /* Translators: accessible name of a column: stage, cards shown, WIP limit */
    accessible = g_strdup_printf (_("%s, %u cards, limit %d"), baton_stage_get_name (self->stage),
                                  shown, (int) limit);
  else
    /* Translators: accessible name of a column: stage, cards shown */
    accessible = g_strdup_printf (_("%s, %u cards"), baton_stage_get_name (self->stage), shown);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static GMenuItem *
stage_item (const char *label,
            const char *action,
            gint64      stage_id)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (stage_id));
  return item;
}

static void
append_item (GMenu     *menu,
             GMenuItem *item)
{
  g_menu_append_item (menu, item);
  g_object_unref (item);
}

static GMenuModel *
build_menu (BatonBoardColumn *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) add = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();

  append_item (edit, stage_item (_("_Rename Stage…"), "board.rename-stage", self->stage_id));
  append_item (edit, stage_item (_("Set _WIP Limit…"), "board.set-wip-limit", self->stage_id));
  append_item (edit, stage_item (baton_stage_get_is_done (self->stage) ? _("Un_mark as Done Stage")
                                                                       : _("_Mark as Done Stage"),
                                 "board.toggle-done-stage", self->stage_id));
  if (!self->is_first)
    append_item (order, stage_item (_("Move _Left"), "board.move-stage-left", self->stage_id));
  if (!self->is_last)
    append_item (order, stage_item (_("Move R_ight"), "board.move-stage-right", self->stage_id));
  append_item (add, stage_item (_("_Add Stage…"), "board.add-stage", self->stage_id));
  append_item (remove, stage_item (_("_Delete Stage…"), "board.delete-stage", self->stage_id));

  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  if (g_menu_model_get_n_items (G_MENU_MODEL (order)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (add));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  return G_MENU_MODEL (menu);
}

/* A menu (and its popover) is made the first time it opens. */
static void
create_menu (GtkMenuButton *button,
             gpointer       user_data)
{
  BatonBoardColumn *self = BATON_BOARD_COLUMN (user_data);
  g_autoptr(GMenuModel) menu = build_menu (self);

  gtk_menu_button_set_menu_model (button, menu);
}

static void
update_accessible_names (BatonBoardColumn *self)
{
  const char *name = baton_stage_get_name (self->stage);
  /* Translators: accessible name of a column's menu button; %s is the stage */
  g_autofree char *menu_label = g_strdup_printf (_("Menu of %s"), name);
  /* Translators: accessible name of a column's add button; %s is the stage */
  g_autofree char *add_label = g_strdup_printf (_("Add a card to %s"), name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  if (self->quick_add_entry != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->quick_add_entry),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
}

void
baton_board_column_update_header (BatonBoardColumn *self,
                                  gboolean          is_first,
                                  gboolean          is_last)
{
  g_autofree char *menu_key = NULL;
  const char *name;

  g_return_if_fail (BATON_IS_BOARD_COLUMN (self));

  name = baton_stage_get_name (self->stage);
  if (g_strcmp0 (gtk_label_get_text (self->name_label), name) != 0)
    {
      gtk_label_set_text (self->name_label, name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), name);
    }
  gtk_widget_set_visible (self->done_icon, baton_stage_get_is_done (self->stage));

  /* What the menu shows changed: rebuild it if it was ever made. */
  self->is_first = is_first;
  self->is_last = is_last;
  menu_key = g_strdup_printf ("%s|%d|%d|%d", name, baton_stage_get_is_done (self->stage), is_first, is_last);
  if (g_strcmp0 (menu_key, self->menu_key) != 0)
    {
      g_free (self->menu_key);
      self->menu_key = g_steal_pointer (&menu_key);
      if (gtk_menu_button_get_menu_model (self->menu_button) != NULL)
        {
          g_autoptr(GMenuModel) menu = build_menu (self);
          gtk_menu_button_set_menu_model (self->menu_button, menu);
        }
      update_accessible_names (self);
    }

  update_counts (self);
}

/* Quick add ------------------------------------------------------------------------------ */

static void on_quick_add_activate (BatonBoardColumn *self);
static gboolean on_quick_add_key (GtkEventControllerKey *controller,
                                  guint                  keyval,
                                  guint                  keycode,
                                  GdkModifierType        state,
                                  BatonBoardColumn      *self);

/* The entry is made the first time it is needed. */
static void
ensure_quick_add_entry (BatonBoardColumn *self)
{
  GtkEventController *key;

  if (self->quick_add_entry != NULL)
    return;

  self->quick_add_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->quick_add_entry, _("Card title, then Enter"));
  gtk_widget_add_css_class (GTK_WIDGET (self->quick_add_entry), "quick-add");
  gtk_revealer_set_child (self->quick_add_revealer, GTK_WIDGET (self->quick_add_entry));
  g_signal_connect_swapped (self->quick_add_entry, "activate", G_CALLBACK (on_quick_add_activate), self);
  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_quick_add_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->quick_add_entry), key);
  update_accessible_names (self);
}

void
baton_board_column_start_quick_add (BatonBoardColumn *self)
{
  g_return_if_fail (BATON_IS_BOARD_COLUMN (self));

  ensure_quick_add_entry (self);
  gtk_revealer_set_reveal_child (self->quick_add_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->quick_add_entry));
}

static void
stop_quick_add (BatonBoardColumn *self)
{
  ensure_quick_add_entry (self);
  gtk_editable_set_text (GTK_EDITABLE (self->quick_add_entry), "");
  gtk_revealer_set_reveal_child (self->quick_add_revealer, FALSE);
  gtk_widget_grab_focus (self->add_button);
}

static void
on_add_clicked (BatonBoardColumn *self)
{
  if (gtk_revealer_get_reveal_child (self->quick_add_revealer))
    stop_quick_add (self);
  else
    baton_board_column_start_quick_add (self);
}

static void
on_quick_add_activate (BatonBoardColumn *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->quick_add_entry))));

  if (title[0] == '\0')
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "board.add-card", "(xs)", self->stage_id, title);
  /* The entry stays, empty, for the next card. */
  gtk_editable_set_text (GTK_EDITABLE (self->quick_add_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->quick_add_entry));
}

static gboolean
on_quick_add_key (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  BatonBoardColumn      *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      stop_quick_add (self);
      return TRUE;
    }

  return FALSE;
}

/* Scrolling and focus ----------------------------------------------------------------------- */

guint
baton_board_column_get_index (BatonBoardColumn *self,
                              BatonTask        *task)
{
  GListModel *model;
  guint n;

  g_return_val_if_fail (BATON_IS_BOARD_COLUMN (self), G_MAXUINT);

  model = G_LIST_MODEL (self->sorted);
  n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonTask) item = g_list_model_get_item (model, i);

      if (item == task)
        return i;
    }

  return G_MAXUINT;
}

void
baton_board_column_scroll_to_index (BatonBoardColumn *self,
                                    guint             index)
{
  g_return_if_fail (BATON_IS_BOARD_COLUMN (self));

  baton_board_column_show_cards (self);
  baton_card_list_scroll_to (self->card_list, index);
}

GtkWidget *
baton_board_column_get_card (BatonBoardColumn *self,
                             BatonTask        *task)
{
  g_return_val_if_fail (BATON_IS_BOARD_COLUMN (self), NULL);

  return baton_card_list_get_card (self->card_list, task);
}

gboolean
baton_board_column_focus_task (BatonBoardColumn *self,
                               BatonTask        *task)
{
  guint index;

  g_return_val_if_fail (BATON_IS_BOARD_COLUMN (self), FALSE);
  g_return_val_if_fail (BATON_IS_TASK (task), FALSE);

  baton_board_column_show_cards (self);
  index = baton_board_column_get_index (self, task);
  if (index == G_MAXUINT)
    return FALSE;

  return baton_card_list_focus_position (self->card_list, index);
}

gboolean
baton_board_column_focus_index (BatonBoardColumn *self,
                                guint             index)
{
  g_return_val_if_fail (BATON_IS_BOARD_COLUMN (self), FALSE);

  baton_board_column_show_cards (self);
  return baton_card_list_focus_position (self->card_list, index);
}

/* Drop target ------------------------------------------------------------------------------ */

/* The slot a drop at @y (in the scroller's coordinates) lands in, and
 * where that is in the overlay's coordinates. */
static guint
slot_at_y (BatonBoardColumn *self,
           double            y,
           double           *line_y)
{
  graphene_point_t point;
  double list_line = 0;
  guint slot;

  if (!gtk_widget_compute_point (GTK_WIDGET (self->scroller), GTK_WIDGET (self->card_list),
                                 &GRAPHENE_POINT_INIT (0, (float) y), &point))
    point.y = (float) y;

  slot = baton_card_list_slot_at_y (self->card_list, point.y, &list_line);

  if (line_y != NULL)
    {
      if (!gtk_widget_compute_point (GTK_WIDGET (self->card_list), self->overlay,
                                     &GRAPHENE_POINT_INIT (0, (float) list_line), &point))
        point.y = (float) list_line;
      *line_y = point.y;
    }

  return slot;
}

guint
baton_board_column_index_at_y (BatonBoardColumn *self,
                               double            y)
{
  g_return_val_if_fail (BATON_IS_BOARD_COLUMN (self), 0);

  return slot_at_y (self, y, NULL);
}

/* Is dropping @task at @index a no-op (its own place)? */
static gboolean
is_own_slot (BatonBoardColumn *self,
             BatonTask        *task,
             guint             index)
{
  g_autoptr(BatonTask) at = NULL;
  g_autoptr(BatonTask) before = NULL;

  if (task == NULL || baton_task_get_stage_id (task) != self->stage_id)
    return FALSE;

  at = g_list_model_get_item (G_LIST_MODEL (self->sorted), index);
  before = index > 0 ? g_list_model_get_item (G_LIST_MODEL (self->sorted), index - 1) : NULL;

  return at == task || before == task;
}

static void
hide_drop_line (BatonBoardColumn *self)
{
  gtk_widget_set_visible (self->drop_line, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "drop-target");
}

/* The drag is over for good (cancelled with Escape, or ended): GTK 4.8 on
 * X11 still holds the drop as long as the button is down, with its drop
 * state on the list (which the theme draws as a highlight) until a leave
 * that only comes with the release. Neither the drop line nor that
 * highlight may stay. */
static void
clear_drop (BatonBoardColumn *self)
{
  hide_drop_line (self);
  baton_edge_scroll_stop (&self->edge_scroll);
  gtk_widget_unset_state_flags (GTK_WIDGET (self->scroller), GTK_STATE_FLAG_DROP_ACTIVE);
}

static GdkDragAction
on_drop_motion (GtkDropTarget    *target,
                double            x,
                double            y,
                BatonBoardColumn *self)
{
  BatonTask *task = self->dragged_task;
  int height = gtk_widget_get_height (GTK_WIDGET (self->scroller));
  double line_y;
  guint index;

  /* A drag cancelled with Escape lands nowhere. */
  if (baton_drop_target_is_cancelled (target))
    {
      clear_drop (self);
      return 0;
    }

  index = slot_at_y (self, y, &line_y);
  gtk_widget_add_css_class (GTK_WIDGET (self), "drop-target");

  if (is_own_slot (self, task, index))
    gtk_widget_set_visible (self->drop_line, FALSE);
  else
    {
      gtk_widget_set_margin_top (self->drop_line, (int) CLAMP (line_y - 2, 0, MAX (height - 4, 0)));
      gtk_widget_set_visible (self->drop_line, TRUE);
    }

  /* Near an edge, scroll towards it, faster closer to it. */
  baton_edge_scroll_update (&self->edge_scroll, gtk_scrolled_window_get_vadjustment (self->scroller), y, 0, height);

  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget    *target,
               BatonBoardColumn *self)
{
  hide_drop_line (self);
  baton_edge_scroll_stop (&self->edge_scroll);
}

static gboolean
on_drop (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         BatonBoardColumn *self)
{
  BatonTask *task;
  g_autoptr(BatonTask) before = NULL;
  guint index;

  hide_drop_line (self);
  baton_edge_scroll_stop (&self->edge_scroll);

  if (!G_VALUE_HOLDS (value, BATON_TYPE_TASK) || (task = g_value_get_object (value)) == NULL ||
      baton_drop_target_is_cancelled (target))
    return FALSE;

  index = slot_at_y (self, y, NULL);
  if (is_own_slot (self, task, index))
    return TRUE;   /* dropped where it was */

  before = g_list_model_get_item (G_LIST_MODEL (self->sorted), index);

  return gtk_widget_activate_action (GTK_WIDGET (self), "board.move-task", "(xxx)",
                                     baton_record_get_id (BATON_RECORD (task)), self->stage_id,
                                     before != NULL ? baton_record_get_id (BATON_RECORD (before)) : (gint64) 0);
}

/* Public -------------------------------------------------------------------------------------- */

BatonStage *
baton_board_column_get_stage (BatonBoardColumn *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_COLUMN (self), NULL);

  return self->stage;
}

GListModel *
baton_board_column_get_model (BatonBoardColumn *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_COLUMN (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

BatonCardList *
baton_board_column_get_card_list (BatonBoardColumn *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_COLUMN (self), NULL);

  return self->card_list;
}

GtkDropTarget *
baton_board_column_get_drop_target (BatonBoardColumn *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_COLUMN (self), NULL);

  return self->drop_target;
}

GtkEntry *
baton_board_column_get_quick_add_entry (BatonBoardColumn *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_COLUMN (self), NULL);

  ensure_quick_add_entry (self);
  return self->quick_add_entry;
}

void
baton_board_column_show_cards (BatonBoardColumn *self)
{
  g_return_if_fail (BATON_IS_BOARD_COLUMN (self));

  if (self->shows_cards)
    return;

  self->shows_cards = TRUE;
  baton_card_list_set_model (self->card_list, G_LIST_MODEL (self->sorted));
}

gboolean
baton_board_column_get_shows_cards (BatonBoardColumn *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_COLUMN (self), FALSE);

  return self->shows_cards;
}

/* Cards of the stage that count against its WIP limit, whatever the filter. */
void
baton_board_column_set_load (BatonBoardColumn *self,
                             guint             load)
{
  g_return_if_fail (BATON_IS_BOARD_COLUMN (self));

  self->load = load;
}

/* The computation the cards read their over-capacity badge from. */
void
baton_board_column_set_capacity (BatonBoardColumn *self,
                                 BatonCapacity    *capacity,
                                 guint32           today)
{
  g_return_if_fail (BATON_IS_BOARD_COLUMN (self));

  if (capacity != NULL)
    baton_capacity_ref (capacity);
  g_clear_pointer (&self->capacity, baton_capacity_unref);
  self->capacity = capacity;
  self->today = today;

  /* Every card widget, shown or pooled. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->card_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (BATON_IS_BOARD_CARD (child))
      baton_board_card_set_capacity (BATON_BOARD_CARD (child), capacity, today);
}

/* The task a drag in progress carries (the slot it left is not a move). */
void
baton_board_column_set_dragged_task (BatonBoardColumn *self,
                                     BatonTask        *task)
{
  g_return_if_fail (BATON_IS_BOARD_COLUMN (self));

  g_set_object (&self->dragged_task, task);
}

gboolean
baton_board_column_get_over_limit (BatonBoardColumn *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_COLUMN (self), FALSE);

  return self->over_limit;
}

const char *
baton_board_column_get_count_text (BatonBoardColumn *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_COLUMN (self), NULL);

  return gtk_label_get_text (self->count_label);
}

const char *
baton_board_column_get_wip_text (BatonBoardColumn *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_COLUMN (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->wip_label)) ? gtk_label_get_text (self->wip_label) : NULL;
}

/* GObject -------------------------------------------------------------------------------------- */

static void
baton_board_column_dispose (GObject *object)
{
  BatonBoardColumn *self = BATON_BOARD_COLUMN (object);
  GtkWidget *child;

  baton_edge_scroll_stop (&self->edge_scroll);
  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->stage);
  g_clear_object (&self->dragged_task);
  g_clear_weak_pointer (&self->store);
  g_clear_pointer (&self->capacity, baton_capacity_unref);
  g_clear_pointer (&self->menu_key, g_free);

  G_OBJECT_CLASS (baton_board_column_parent_class)->dispose (object);
}

static void
baton_board_column_class_init (BatonBoardColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_board_column_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "boardcolumn");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
baton_board_column_init (BatonBoardColumn *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *name_box;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_size_request (GTK_WIDGET (self), BATON_BOARD_COLUMN_WIDTH, -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self), FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  /* Header */
  self->header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->header, "column-header");
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));

  name_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_hexpand (name_box, TRUE);
  gtk_box_append (GTK_BOX (self->header), name_box);

  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "heading");
  gtk_box_append (GTK_BOX (name_box), GTK_WIDGET (self->name_label));

  self->done_icon = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_tooltip_text (self->done_icon, _("Done stage: cards here are complete"));
  gtk_widget_add_css_class (self->done_icon, "done-icon");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->done_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done stage"), -1);
  gtk_box_append (GTK_BOX (name_box), self->done_icon);

  self->count_label = GTK_LABEL (gtk_label_new ("0"));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "column-count");
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "numeric");
  gtk_widget_set_valign (GTK_WIDGET (self->count_label), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (name_box), GTK_WIDGET (self->count_label));

  self->wip_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->wip_label), "column-wip");
  gtk_widget_add_css_class (GTK_WIDGET (self->wip_label), "numeric");
  gtk_widget_set_valign (GTK_WIDGET (self->wip_label), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (name_box), GTK_WIDGET (self->wip_label));

  self->add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_widget_set_tooltip_text (self->add_button, _("Add a Card"));
  g_signal_connect_swapped (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
  gtk_box_append (GTK_BOX (self->header), self->add_button);

  self->menu_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->menu_button, "view-more-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->menu_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), _("Stage Menu"));
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu, self, NULL);
  gtk_box_append (GTK_BOX (self->header), GTK_WIDGET (self->menu_button));

  /* Quick add */
  self->quick_add_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->quick_add_revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_widget_set_parent (GTK_WIDGET (self->quick_add_revealer), GTK_WIDGET (self));

  /* Cards */
  self->overlay = gtk_overlay_new ();
  gtk_widget_set_vexpand (self->overlay, TRUE);
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));

  self->scroller = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_scrolled_window_set_policy (self->scroller, GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (GTK_WIDGET (self->scroller), TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), GTK_WIDGET (self->scroller));

  self->empty_label = gtk_label_new (_("No cards"));
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_add_css_class (self->empty_label, "column-empty");
  gtk_widget_set_valign (self->empty_label, GTK_ALIGN_START);
  gtk_widget_set_halign (self->empty_label, GTK_ALIGN_CENTER);
  gtk_widget_set_can_target (self->empty_label, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->empty_label);

  self->drop_line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->drop_line, "drop-line");
  gtk_widget_set_valign (self->drop_line, GTK_ALIGN_START);
  gtk_widget_set_can_target (self->drop_line, FALSE);
  gtk_widget_set_visible (self->drop_line, FALSE);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), self->drop_line);

  baton_edge_scroll_init (&self->edge_scroll, GTK_WIDGET (self), EDGE_SCROLL_ZONE, EDGE_SCROLL_SPEED);

  /* One drop target for the whole column. */
  self->drop_target = gtk_drop_target_new (BATON_TYPE_TASK, GDK_ACTION_MOVE);
  g_signal_connect (self->drop_target, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (self->drop_target, "enter", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (self->drop_target, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), GTK_EVENT_CONTROLLER (self->drop_target));
}

GtkWidget *
baton_board_column_new (BatonStore *store,
                        BatonStage *stage,
                        GListModel *tasks,
                        GtkFilter  *filter)
{
  BatonBoardColumn *self;
  GtkSorter *sorter;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (BATON_IS_STAGE (stage), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (tasks), NULL);
  g_return_val_if_fail (filter == NULL || GTK_IS_FILTER (filter), NULL);

  self = g_object_new (BATON_TYPE_BOARD_COLUMN, NULL);
  g_set_weak_pointer (&self->store, store);
  self->stage = g_object_ref (stage);
  self->stage_id = baton_record_get_id (BATON_RECORD (stage));
  /* A workspace that cannot be written takes no new card. */
  g_object_bind_property (store, "read-only", self->add_button, "sensitive",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  /* The board's one filter, shared by every column. */
  self->filter = filter != NULL ? g_object_ref (filter) : NULL;
  self->filtered = gtk_filter_list_model_new (g_object_ref (tasks), filter != NULL ? g_object_ref (filter) : NULL);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_tasks, NULL, NULL));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), sorter);
  g_signal_connect_swapped (self->sorted, "items-changed", G_CALLBACK (update_counts), self);

  /* The cards come with baton_board_column_show_cards (). */
  self->card_list = BATON_CARD_LIST (baton_card_list_new (create_card, bind_card, self));
  gtk_widget_add_css_class (GTK_WIDGET (self->card_list), "column-cards");
  baton_card_list_set_width_hint (self->card_list, BATON_BOARD_COLUMN_WIDTH);
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->card_list));

  return GTK_WIDGET (self);
}

void
baton_board_column_clear_drop (BatonBoardColumn *self)
{
  g_return_if_fail (BATON_IS_BOARD_COLUMN (self));

  clear_drop (self);
}
