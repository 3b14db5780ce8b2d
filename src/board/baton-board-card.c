/* baton-board-card.c — one card of the board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows a task: its program (color stripe, "Client · Program"), title,
 * role chip, assignee avatar, estimate, due date (overdue and due-soon
 * styles), checklist progress and the over-capacity badge. Every piece of
 * user text goes through gtk_label_set_text (), never markup.
 *
 * The card is the focusable item of its list row. It knows no board: what
 * it shows comes from its task, its store and the capacity set on it from
 * above; what a person does goes up as actions with the task's id
 * (task.open, task.menu, task.move-*, task.archive, board.drag-begin,
 * board.drag-end), carried out by whoever is above. It is also the drag
 * source of its task: prepare offers the BatonTask itself.
 */

#define G_LOG_DOMAIN "baton-board-card"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-avatar.h"
#include "baton-board-card-private.h"
#include "baton-colors.h"
#include "baton-dates.h"
#include "baton-drag-cancel.h"
#include "baton-duration.h"
#include "baton-role-chip.h"

#define DUE_SOON_DAYS 2

struct _BatonBoardCard
{
  GtkWidget       parent_instance;

  /* Children */
  GtkWidget      *box;
  GtkWidget      *stripe;
  GtkLabel       *program_label;
  GtkLabel       *title_label;
  GtkWidget      *chips_row;
  BatonRoleChip  *role_chip;
  GtkWidget      *priority_badge;   /* created when first needed */
  GtkWidget      *over_badge;       /* created when first needed */
  GtkWidget      *meta_row;
  GtkWidget      *estimate_box;
  GtkWidget      *pin_image;        /* shown on a pinned task */
  GtkLabel       *estimate_label;
  GtkWidget      *due_box;
  GtkLabel       *due_label;
  GtkWidget      *checklist_box;    /* created when first needed */
  GtkLabel       *checklist_label;
  BatonAvatar    *avatar;
  GtkDragSource  *drag_source;

  /* State, from above. The store is weak: GTK may keep a card a while
   * after its board is gone (the widget of an event being handled). */
  BatonStore     *store;
  BatonCapacity  *capacity;
  guint32         today;

  /* State */
  BatonTask      *task;
  gulong          notify_id;
  double          drag_x;
  double          drag_y;
  gboolean        over;
};

G_DEFINE_FINAL_TYPE (BatonBoardCard, baton_board_card, GTK_TYPE_WIDGET)

/* Parts of a card: the card itself tells assistive technologies all it
 * shows (its accessible label), so its parts are not objects of their own:
 * an accessible object per widget is most of what a card costs to make. */
static GtkWidget *
part_box (GtkOrientation orientation,
          int            spacing)
{
  return g_object_new (GTK_TYPE_BOX, "orientation", orientation, "spacing", spacing,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
}

static GtkLabel *
part_label (void)
{
  return g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
}

static GtkWidget *
meta_item (const char  *icon_name,
           GtkLabel   **label)
{
  GtkWidget *box = part_box (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE, "icon-name", icon_name,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

  gtk_widget_add_css_class (box, "card-meta");
  gtk_box_append (GTK_BOX (box), image);
  *label = part_label ();
  gtk_widget_add_css_class (GTK_WIDGET (*label), "numeric");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*label));

  return box;
}

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    enabled)
{
  /* Only on a change: each call restyles the widget. */
  if (gtk_widget_has_css_class (widget, css_class) == enabled)
    return;

  if (enabled)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/* Parts most cards do not show are made when a card first needs them:
 * every widget of a card is paid for in style, layout and drawing. */
static void
show_priority_badge (BatonBoardCard *self,
                     gboolean        shown)
{
  if (self->priority_badge == NULL)
    {
      if (!shown)
        return;
      self->priority_badge = GTK_WIDGET (part_label ());
      gtk_label_set_text (GTK_LABEL (self->priority_badge), _("High"));
      gtk_widget_add_css_class (self->priority_badge, "card-badge");
      gtk_widget_add_css_class (self->priority_badge, "priority-high");
      gtk_widget_set_valign (self->priority_badge, GTK_ALIGN_CENTER);
      gtk_box_insert_child_after (GTK_BOX (self->chips_row), self->priority_badge,
                                  GTK_WIDGET (self->role_chip));
    }

  gtk_widget_set_visible (self->priority_badge, shown);
}

/* A click on the Over badge asks the capacity view for the moves that
 * relieve the assignee (the card's menu has the same, for the keyboard). */
static void
on_over_badge_released (GtkGestureClick *gesture,
                        int              n_press,
                        double           x,
                        double           y,
                        BatonBoardCard  *self)
{
  if (self->task == NULL || baton_task_get_assignee_id (self->task) == 0)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.rebalance", "x", baton_task_get_assignee_id (self->task));
}

static void
show_over_badge (BatonBoardCard *self,
                 gboolean        shown)
{
  if (self->over_badge == NULL)
    {
      GtkLabel *over_label;

      if (!shown)
        return;

      over_label = part_label ();
      self->over_badge = part_box (GTK_ORIENTATION_HORIZONTAL, 4);
      gtk_widget_add_css_class (self->over_badge, "card-badge");
      gtk_widget_add_css_class (self->over_badge, "over-capacity");
      gtk_widget_set_valign (self->over_badge, GTK_ALIGN_CENTER);
      gtk_widget_set_halign (self->over_badge, GTK_ALIGN_END);
      gtk_widget_set_hexpand (self->over_badge, TRUE);
      gtk_box_append (GTK_BOX (self->over_badge),
                      g_object_new (GTK_TYPE_IMAGE, "icon-name", "dialog-warning-symbolic",
                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
      /* Translators: a short badge on a card whose assignee is over capacity */
      gtk_label_set_text (over_label, C_("badge", "Over"));
      gtk_box_append (GTK_BOX (self->over_badge), GTK_WIDGET (over_label));
      gtk_box_append (GTK_BOX (self->chips_row), self->over_badge);
      {
        GtkGesture *click = gtk_gesture_click_new ();

        gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
        g_signal_connect (click, "released", G_CALLBACK (on_over_badge_released), self);
        gtk_widget_add_controller (self->over_badge, GTK_EVENT_CONTROLLER (click));
        gtk_widget_set_cursor_from_name (self->over_badge, "pointer");
        gtk_widget_set_tooltip_text (self->over_badge, _("Over capacity: click to rebalance"));
      }
    }

  gtk_widget_set_visible (self->over_badge, shown);
}

static void
show_checklist (BatonBoardCard *self,
                gboolean        shown)
{
  if (self->checklist_box == NULL)
    {
      if (!shown)
        return;
      self->checklist_box = meta_item ("checkbox-checked-symbolic", &self->checklist_label);
      gtk_box_insert_child_after (GTK_BOX (self->meta_row), self->checklist_box, self->due_box);
    }

  gtk_widget_set_visible (self->checklist_box, shown);
}

static gboolean
is_within (GtkWidget *target,
           GtkWidget *part)
{
  return part != NULL && (target == part || gtk_widget_is_ancestor (target, part));
}

static void
set_text_if_changed (GtkLabel   *label,
                     const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
}

static char *
format_due (guint32 due,
            guint32 today)
{
  GDate date;
  g_autoptr(GDateTime) time = NULL;
  GDate now;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, due);
  g_date_clear (&now, 1);
  g_date_set_julian (&now, today);

  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  if (g_date_get_year (&date) == g_date_get_year (&now))
    /* Translators: a due date on a card, strftime format: “Nov 28” */
    return g_date_time_format (time, _("%b %-d"));

  /* Translators: a due date in another year, strftime format: “Nov 28, 2027” */
  return g_date_time_format (time, _("%b %-d, %Y"));
}

static void
update (BatonBoardCard *self)
{
  BatonStore *store;
  BatonTask *task = self->task;
  BatonProgram *program;
  BatonClient *client = NULL;
  BatonRole *role;
  BatonPerson *person;
  BatonStage *stage;
  BatonCapacity *capacity;
  g_autofree char *program_text = NULL;
  g_autofree char *estimate = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *checklist_text = NULL;
  g_autoptr(GString) accessible = NULL;
  const char *due_state = NULL;
  guint32 due = 0;
  guint done = 0, total = 0;
  gboolean is_done;

  if (task == NULL || self->store == NULL)
    return;

  store = self->store;
  program = baton_store_lookup_program (store, baton_task_get_program_id (task));
  if (program != NULL)
    client = baton_store_lookup_client (store, baton_program_get_client_id (program));
  role = baton_store_lookup_role (store, baton_task_get_role_id (task));
  person = baton_store_lookup_person (store, baton_task_get_assignee_id (task));
  stage = baton_store_lookup_stage (store, baton_task_get_stage_id (task));
  is_done = stage != NULL && baton_stage_get_is_done (stage);

  accessible = g_string_new (baton_task_get_title (task));

  /* Program and client */
  if (program != NULL && client != NULL)
    /* Translators: on a card, “Client · Program” */
    program_text = g_strdup_printf (_("%s · %s"), baton_client_get_name (client), baton_program_get_name (program));
  else if (program != NULL)
    program_text = g_strdup (baton_program_get_name (program));
  gtk_widget_set_visible (GTK_WIDGET (self->program_label), program_text != NULL);
  set_text_if_changed (self->program_label, program_text ? program_text : "");
  baton_widget_set_color_class (self->stripe, program ? baton_color_css_class (baton_program_get_color (program)) : NULL);
  gtk_widget_set_visible (self->stripe, program != NULL && baton_program_get_color (program) != NULL);
  if (program_text != NULL)
    g_string_append_printf (accessible, ". %s", program_text);

  /* Title: plain text, exactly as typed. */
  set_text_if_changed (self->title_label, baton_task_get_title (task));

  /* Role and priority */
  baton_role_chip_set_role (self->role_chip, role);
  gtk_widget_set_visible (GTK_WIDGET (self->role_chip), role != NULL);
  if (role != NULL)
    g_string_append_printf (accessible, ". %s", baton_role_get_name (role));
  show_priority_badge (self, baton_task_get_priority (task) >= 3);
  if (baton_task_get_priority (task) >= 3)
    g_string_append_printf (accessible, ". %s", _("High priority"));

  /* Over capacity, from the board's one computation */
  capacity = self->capacity;
  self->over = capacity != NULL && person != NULL && !is_done && !baton_task_get_archived (task) &&
               baton_capacity_task_is_over (capacity, task);
  show_over_badge (self, self->over);
  if (self->over)
    g_string_append_printf (accessible, ". %s", _("Over capacity"));

  gtk_widget_set_visible (self->chips_row,
                          role != NULL || self->over || baton_task_get_priority (task) >= 3);

  /* Pinned: Rebalance leaves it where it is */
  gtk_widget_set_visible (self->pin_image, baton_task_get_pinned (task));
  if (baton_task_get_pinned (task))
    /* Translators: part of a card's accessible description */
    g_string_append_printf (accessible, ". %s", _("Pinned"));

  /* Estimate */
  if (baton_task_get_estimate_minutes (task) > 0)
    estimate = baton_duration_format (baton_task_get_estimate_minutes (task));
  gtk_widget_set_visible (self->estimate_box, estimate != NULL);
  set_text_if_changed (self->estimate_label, estimate ? estimate : "");
  if (estimate != NULL)
    {
      /* Translators: part of a card's accessible description */
      g_string_append_printf (accessible, ". ");
      g_string_append_printf (accessible, _("Estimate %s"), estimate);
    }

  /* Due date */
  if (baton_date_parse (baton_task_get_due_date (task), &due))
    {
      guint32 today = self->today != 0 ? self->today : baton_date_today ();

      due_text = format_due (due, today);
      if (!is_done && due < today)
        due_state = "overdue";
      else if (!is_done && due <= today + DUE_SOON_DAYS)
        due_state = "due-soon";
    }
  gtk_widget_set_visible (self->due_box, due_text != NULL);
  set_text_if_changed (self->due_label, due_text ? due_text : "");
  set_class (self->due_box, "overdue", g_strcmp0 (due_state, "overdue") == 0);
  set_class (self->due_box, "due-soon", g_strcmp0 (due_state, "due-soon") == 0);
  if (due_text != NULL)
    {
      g_string_append (accessible, ". ");
      if (g_strcmp0 (due_state, "overdue") == 0)
        /* Translators: part of a card's accessible description; %s is a date */
        g_string_append_printf (accessible, _("Overdue since %s"), due_text);
      else
        /* Translators: part of a card's accessible description; %s is a date */
        g_string_append_printf (accessible, _("Due %s"), due_text);
    }

  /* Checklist */
  /* From the store's index of checklist items by task */
  {
    g_autoptr(GPtrArray) items = baton_store_get_task_checklist (store, task);

    total = items->len;
    for (guint i = 0; i < items->len; i++)
      done += baton_checklist_item_get_done (g_ptr_array_index (items, i)) ? 1 : 0;
  }
  if (total > 0)
    /* Translators: checklist progress on a card, done/total */
    checklist_text = g_strdup_printf (_("%u/%u"), done, total);
  show_checklist (self, total > 0);
  if (self->checklist_box != NULL)
    {
      set_text_if_changed (self->checklist_label, checklist_text ? checklist_text : "");
      set_class (self->checklist_box, "complete", total > 0 && done == total);
    }
  if (total > 0)
    {
      g_string_append (accessible, ". ");
      /* Translators: part of a card's accessible description */
      g_string_append_printf (accessible, _("Checklist %u of %u done"), done, total);
    }

  /* Assignee */
  baton_avatar_set_person (self->avatar, person);
  g_string_append (accessible, ". ");
  if (person != NULL)
    /* Translators: part of a card's accessible description; %s is a person */
    g_string_append_printf (accessible, _("Assigned to %s"), baton_person_get_name (person));
  else
    g_string_append (accessible, _("Unassigned"));

  set_class (GTK_WIDGET (self), "archived", baton_task_get_archived (task));
  if (baton_task_get_archived (task))
    g_string_append_printf (accessible, ". %s", _("Archived"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible->str,
                                  -1);
}

void
baton_board_card_refresh (BatonBoardCard *self)
{
  g_return_if_fail (BATON_IS_BOARD_CARD (self));

  update (self);
}

/* What does not come from the task: the capacity computation (the
 * over-capacity badge) and the day it was made for (due dates). A card
 * showing a task refreshes. */
void
baton_board_card_set_capacity (BatonBoardCard *self,
                               BatonCapacity  *capacity,
                               guint32         today)
{
  g_return_if_fail (BATON_IS_BOARD_CARD (self));

  if (capacity != NULL)
    baton_capacity_ref (capacity);
  g_clear_pointer (&self->capacity, baton_capacity_unref);
  self->capacity = capacity;
  self->today = today;

  update (self);
}

BatonTask *
baton_board_card_get_task (BatonBoardCard *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_CARD (self), NULL);

  return self->task;
}

void
baton_board_card_set_task (BatonBoardCard *self,
                           BatonTask      *task)
{
  g_return_if_fail (BATON_IS_BOARD_CARD (self));
  g_return_if_fail (task == NULL || BATON_IS_TASK (task));

  if (self->task == task)
    return;

  if (self->task != NULL)
    g_clear_signal_handler (&self->notify_id, self->task);
  g_set_object (&self->task, task);

  if (task != NULL)
    {
      self->notify_id = g_signal_connect_object (task, "notify", G_CALLBACK (update),
                                                 self, G_CONNECT_SWAPPED);
      update (self);
    }
  else
    {
      baton_avatar_set_person (self->avatar, NULL);
      baton_role_chip_set_role (self->role_chip, NULL);
    }
}

GtkDragSource *
baton_board_card_get_drag_source (BatonBoardCard *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_CARD (self), NULL);

  return self->drag_source;
}

const char *
baton_board_card_get_title_text (BatonBoardCard *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_CARD (self), NULL);

  return gtk_label_get_text (self->title_label);
}

gboolean
baton_board_card_get_over_capacity (BatonBoardCard *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_CARD (self), FALSE);

  return self->over;
}

/* Tooltips ------------------------------------------------------------------------ */

/* One handler for the whole card, asked when a tooltip is about to show:
 * setting tooltips on each child of each card up front is expensive. */
static gboolean
baton_board_card_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  BatonBoardCard *self = BATON_BOARD_CARD (widget);
  GtkWidget *target = keyboard_mode ? NULL : gtk_widget_pick (widget, x, y, GTK_PICK_DEFAULT);

  if (self->task == NULL || self->store == NULL || target == NULL)
    return FALSE;

  if (is_within (target, self->over_badge))
    {
      BatonPerson *person = baton_store_lookup_person (self->store,
                                                       baton_task_get_assignee_id (self->task));
      g_autofree char *text = NULL;

      if (person == NULL)
        return FALSE;
      /* Translators: tooltip of the over-capacity badge; %s is a person */
      text = g_strdup_printf (_("%s is over capacity in this card’s weeks"), baton_person_get_name (person));
      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }
  if (is_within (target, self->due_box))
    {
      gtk_tooltip_set_text (tooltip, gtk_widget_has_css_class (self->due_box, "overdue") ? _("Overdue")
                                     : gtk_widget_has_css_class (self->due_box, "due-soon") ? _("Due soon")
                                     : _("Due date"));
      return TRUE;
    }
  if (is_within (target, self->estimate_box))
    {
      gtk_tooltip_set_text (tooltip, _("Estimate"));
      return TRUE;
    }
  if (is_within (target, self->checklist_box))
    {
      gtk_tooltip_set_text (tooltip, _("Checklist"));
      return TRUE;
    }
  if (is_within (target, self->priority_badge))
    {
      gtk_tooltip_set_text (tooltip, _("High priority"));
      return TRUE;
    }

  return FALSE;
}

/* Drag and drop ---------------------------------------------------------------- */

static GdkContentProvider *
on_drag_prepare (GtkDragSource  *source,
                 double          x,
                 double          y,
                 BatonBoardCard *self)
{
  /* A workspace that cannot be written: nothing to move. */
  if (self->task == NULL ||
      (self->store != NULL && baton_store_get_read_only (self->store)))
    return NULL;

  self->drag_x = x;
  self->drag_y = y;

  /* The model object, not the widget: any drop target that knows tasks can take it. */
  return gdk_content_provider_new_typed (BATON_TYPE_TASK, self->task);
}

static void
on_drag_begin (GtkDragSource  *source,
               GdkDrag        *drag,
               BatonBoardCard *self)
{
  g_autoptr(GdkPaintable) live = gtk_widget_paintable_new (GTK_WIDGET (self));
  g_autoptr(GdkPaintable) icon = gdk_paintable_get_current_image (live);

  /* A still image of the card as it is now, before it dims. */
  gtk_drag_source_set_icon (source, icon, (int) self->drag_x, (int) self->drag_y);
  gtk_widget_add_css_class (GTK_WIDGET (self), "dragging");
  baton_drag_cancel_on_escape (source, drag);

  /* Up to the board: it lights the people who can take it. */
  if (self->task != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "board.drag-begin", "x",
                                baton_record_get_id (BATON_RECORD (self->task)));
}

static void
on_drag_end (GtkDragSource  *source,
             GdkDrag        *drag,
             gboolean        delete_data,
             BatonBoardCard *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self), "dragging");
  gtk_widget_activate_action (GTK_WIDGET (self), "board.drag-end", NULL);
}

/* Context menu ------------------------------------------------------------------ */

static void
on_secondary_click (GtkGestureClick *gesture,
                    int              n_press,
                    double           x,
                    double           y,
                    BatonBoardCard  *self)
{
  if (self->task == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_activate_action (GTK_WIDGET (self), "task.menu", "(xdd)",
                              baton_record_get_id (BATON_RECORD (self->task)), x, y);
}

/* A click gives the card the focus; a double click opens it (Enter does
 * too). The press is not claimed: it may start a drag. */
static void
on_primary_click (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  BatonBoardCard  *self)
{
  if (n_press == 1)
    gtk_widget_grab_focus (GTK_WIDGET (self));

  if (n_press != 2 || self->task == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_activate_action (GTK_WIDGET (self), "task.open", "x",
                              baton_record_get_id (BATON_RECORD (self->task)));
}

/* GObject ---------------------------------------------------------------------- */

static void
baton_board_card_dispose (GObject *object)
{
  BatonBoardCard *self = BATON_BOARD_CARD (object);

  if (self->task != NULL)
    g_clear_signal_handler (&self->notify_id, self->task);
  g_clear_object (&self->task);
  g_clear_pointer (&self->capacity, baton_capacity_unref);
  g_clear_weak_pointer (&self->store);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (baton_board_card_parent_class)->dispose (object);
}

/* Keys activate the board's task.* actions with this card's task. */
static gboolean
task_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  BatonBoardCard *self = BATON_BOARD_CARD (widget);

  if (self->task == NULL)
    return FALSE;

  return gtk_widget_activate_action (widget, g_variant_get_string (args, NULL), "x",
                                     baton_record_get_id (BATON_RECORD (self->task)));
}

/* Ctrl+arrows: task.move-*. In a workspace that cannot be written the
 * action is off; the key then says why, instead of going on to the
 * board, which would scroll. */
static gboolean
move_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  BatonBoardCard *self = BATON_BOARD_CARD (widget);

  if (self->store != NULL && baton_store_get_read_only (self->store))
    {
      gtk_widget_activate_action (widget, "win.show-toast", "s", _("This workspace is read-only"));
      return TRUE;
    }

  return task_shortcut (widget, args, user_data);
}

/* Menu, Shift+F10: the menu, pointing at the card's middle. */
static gboolean
menu_shortcut (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  BatonBoardCard *self = BATON_BOARD_CARD (widget);

  if (self->task == NULL)
    return FALSE;

  return gtk_widget_activate_action (widget, "task.menu", "(xdd)",
                                     baton_record_get_id (BATON_RECORD (self->task)),
                                     gtk_widget_get_width (widget) / 2.0,
                                     gtk_widget_get_height (widget) / 2.0);
}

static void
baton_board_card_class_init (BatonBoardCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_board_card_dispose;

  widget_class->query_tooltip = baton_board_card_query_tooltip;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "boardcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  /* The board's task.* actions, with this card's task. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK, move_shortcut, "s", "task.move-left");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK, move_shortcut, "s", "task.move-right");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, GDK_CONTROL_MASK, move_shortcut, "s", "task.move-up");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, GDK_CONTROL_MASK, move_shortcut, "s", "task.move-down");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, task_shortcut, "s", "task.open");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, task_shortcut, "s", "task.open");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, 0, task_shortcut, "s", "task.archive");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Delete, 0, task_shortcut, "s", "task.archive");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, menu_shortcut, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, menu_shortcut, NULL);
}

static void
baton_board_card_init (BatonBoardCard *self)
{
  GtkWidget *content, *meta;
  GtkGesture *click;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");

  self->box = part_box (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->stripe = part_box (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->stripe, "baton-swatch");
  gtk_widget_add_css_class (self->stripe, "card-stripe");
  gtk_box_append (GTK_BOX (self->box), self->stripe);

  content = part_box (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (content, "card-content");
  gtk_widget_set_hexpand (content, TRUE);
  gtk_box_append (GTK_BOX (self->box), content);

  self->program_label = part_label ();
  gtk_label_set_xalign (self->program_label, 0);
  gtk_label_set_ellipsize (self->program_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (self->program_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->program_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->program_label), "dim-label");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->program_label));

  self->title_label = part_label ();
  gtk_label_set_xalign (self->title_label, 0);
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_wrap_mode (self->title_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->title_label, 3);
  gtk_label_set_ellipsize (self->title_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->title_label, 30);
  gtk_label_set_width_chars (self->title_label, 20);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "card-title");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->title_label));

  self->chips_row = part_box (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (content), self->chips_row);

  self->role_chip = BATON_ROLE_CHIP (baton_role_chip_new (NULL));
  gtk_widget_set_halign (GTK_WIDGET (self->role_chip), GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->chips_row), GTK_WIDGET (self->role_chip));

  self->meta_row = meta = part_box (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (meta, "card-meta-row");
  gtk_box_append (GTK_BOX (content), meta);

  self->pin_image = g_object_new (GTK_TYPE_IMAGE, "icon-name", "view-pin-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "visible", FALSE, NULL);
  gtk_widget_add_css_class (self->pin_image, "card-meta");
  gtk_widget_set_tooltip_text (self->pin_image, _("Pinned: Rebalance leaves it where it is"));
  gtk_box_append (GTK_BOX (meta), self->pin_image);
  self->estimate_box = meta_item ("document-open-recent-symbolic", &self->estimate_label);
  gtk_box_append (GTK_BOX (meta), self->estimate_box);
  self->due_box = meta_item ("x-office-calendar-symbolic", &self->due_label);
  gtk_widget_add_css_class (self->due_box, "due");
  gtk_box_append (GTK_BOX (meta), self->due_box);

  /* The avatar sits at the end of the row. */
  self->avatar = BATON_AVATAR (baton_avatar_new (NULL, 24));
  gtk_widget_set_hexpand (GTK_WIDGET (self->avatar), TRUE);
  gtk_widget_set_halign (GTK_WIDGET (self->avatar), GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (meta), GTK_WIDGET (self->avatar));

  self->drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (self->drag_source, GDK_ACTION_MOVE);
  g_signal_connect (self->drag_source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (self->drag_source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (self->drag_source, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drag_source));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_primary_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
baton_board_card_new (BatonStore *store)
{
  BatonBoardCard *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  self = g_object_new (BATON_TYPE_BOARD_CARD, NULL);
  g_set_weak_pointer (&self->store, store);

  return GTK_WIDGET (self);
}
