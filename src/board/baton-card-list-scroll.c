/* baton-card-list-scroll.c — scrolling, the keyboard focus and drop slots of a card list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The adjustments, scrolling a card into view, moving the focus from card
 * to card (Up, Down, Home, End, Page Up, Page Down) and the slot a drop
 * at some height lands in. The heights and cards they read are the list's
 * (baton-card-list.c).
 */

#define G_LOG_DOMAIN "baton-card-list"

#include "config.h"

#include <math.h>

#include "baton-card-list-private.h"

/* Scrolling ------------------------------------------------------------------------------- */

void
_baton_card_list_on_value_changed (BatonCardList *self)
{
  double value;
  gint64 top = PAD_TOP;
  guint n = _baton_card_list_n_items (self);
  guint i;

  if (self->setting_value || n == 0)
    return;

  /* Anchor at the card that is at the new top. */
  value = gtk_adjustment_get_value (self->vadjustment);
  for (i = 0; i + 1 < n; i++)
    {
      int height = _baton_card_list_height_at (self, i);

      if (top + height > value)
        break;
      top += height;
    }

  self->anchor = i;
  self->anchor_offset = (int) (value - top);
  self->align_bottom = FALSE;
  self->scrolled = TRUE;
  _baton_card_list_invalidate (self);
}

void
_baton_card_list_set_adjustment (BatonCardList  *self,
                                 GtkAdjustment **slot,
                                 GtkAdjustment  *adjustment,
                                 gboolean        vertical)
{
  if (adjustment != NULL && *slot == adjustment)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, _baton_card_list_on_value_changed, self);
      g_clear_object (slot);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);

  if (vertical)
    g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (_baton_card_list_on_value_changed), self);

  _baton_card_list_invalidate (self);
}

static gboolean
is_whole_on_screen (BatonCardList *self,
                    guint          position)
{
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  for (guint k = 0; k < self->placed->len; k++)
    {
      Placed *placed = &g_array_index (self->placed, Placed, k);

      if (placed->position == position)
        return placed->y >= 0 && placed->y + placed->height <= height && self->placed_valid;
    }

  return FALSE;
}

void
baton_card_list_scroll_to (BatonCardList *self,
                           guint          position)
{
  double value;
  gint64 top;

  g_return_if_fail (BATON_IS_CARD_LIST (self));

  if (position >= _baton_card_list_n_items (self) || is_whole_on_screen (self, position))
    return;

  value = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
  top = _baton_card_list_top_of (self, position);

  /* Above: it comes to the top. Below: to the bottom. */
  self->scrolled = TRUE;
  self->anchor = position;
  self->anchor_offset = 0;
  self->align_bottom = top > value && gtk_widget_get_height (GTK_WIDGET (self)) > 0;
  _baton_card_list_invalidate (self);
}

gboolean
baton_card_list_focus_position (BatonCardList *self,
                                guint          position)
{
  g_autoptr(GObject) item = NULL;
  GtkWidget *card;

  g_return_val_if_fail (BATON_IS_CARD_LIST (self), FALSE);

  if (position >= _baton_card_list_n_items (self))
    return FALSE;

  baton_card_list_scroll_to (self, position);

  /* Bound now, so that it can take the focus; placed by the next layout. */
  item = g_list_model_get_item (self->model, position);
  card = _baton_card_list_take_card (self, item);
  gtk_widget_set_child_visible (card, TRUE);
  self->focus_card = card;
  _baton_card_list_invalidate (self);

  return gtk_widget_grab_focus (card);
}

static guint
focused_position (BatonCardList *self)
{
  gpointer item = self->focus_card != NULL ? _baton_card_list_card_item (self->focus_card) : NULL;

  return item != NULL ? _baton_card_list_position_of (self, item) : G_MAXUINT;
}

/* The card on screen nearest to @y (viewport coordinates). */
static guint
position_near (BatonCardList *self,
               double         y)
{
  guint best = G_MAXUINT;
  double best_distance = G_MAXDOUBLE;
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  for (guint k = 0; k < self->placed->len; k++)
    {
      Placed *placed = &g_array_index (self->placed, Placed, k);
      double middle = placed->y + placed->height / 2.0;

      if (placed->y + placed->height <= 0 || placed->y >= height)
        continue;
      if (fabs (middle - y) < best_distance)
        {
          best_distance = fabs (middle - y);
          best = placed->position;
        }
    }

  return best != G_MAXUINT ? best : MIN (self->anchor, _baton_card_list_n_items (self) - 1);
}

static gboolean
baton_card_list_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  BatonCardList *self = BATON_CARD_LIST (widget);
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  guint n = _baton_card_list_n_items (self);
  guint position;

  if (n == 0)
    return FALSE;

  if (focus_child == NULL || _baton_card_list_card_item (focus_child) == NULL)
    {
      /* Coming in: the card on screen nearest to where the focus was. */
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *old = root ? gtk_root_get_focus (root) : NULL;
      graphene_point_t point = GRAPHENE_POINT_INIT (0, 0);
      double y = direction == GTK_DIR_UP || direction == GTK_DIR_TAB_BACKWARD
                 ? gtk_widget_get_height (widget) : 0;

      if (old != NULL && (direction == GTK_DIR_LEFT || direction == GTK_DIR_RIGHT) &&
          gtk_widget_compute_point (old, widget,
                                    &GRAPHENE_POINT_INIT (0, gtk_widget_get_height (old) / 2.0f), &point))
        y = point.y;

      return baton_card_list_focus_position (self, position_near (self, y));
    }

  /* A child within the card (none today) keeps the focus moving inside it. */
  if (gtk_widget_get_focus_child (focus_child) != NULL && gtk_widget_child_focus (focus_child, direction))
    return TRUE;

  position = _baton_card_list_position_of (self, _baton_card_list_card_item (focus_child));
  switch (direction)
    {
    case GTK_DIR_DOWN:
      if (position + 1 < n)
        return baton_card_list_focus_position (self, position + 1);
      gtk_widget_error_bell (widget);
      return TRUE;

    case GTK_DIR_UP:
      if (position > 0 && position != G_MAXUINT)
        return baton_card_list_focus_position (self, position - 1);
      return FALSE;

    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
    case GTK_DIR_LEFT:
    case GTK_DIR_RIGHT:
    default:
      return FALSE;
    }
}

static void
baton_card_list_set_focus_child (GtkWidget *widget,
                                 GtkWidget *child)
{
  BatonCardList *self = BATON_CARD_LIST (widget);

  /* The parent class's (GtkWidget's). */
  GTK_WIDGET_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (widget)))->set_focus_child (widget, child);

  if (child != NULL)
    self->focus_card = child;
  else if (self->focus_card != NULL)
    {
      /* It may be off screen: the next layout lets it go. */
      self->focus_card = NULL;
      _baton_card_list_invalidate (self);
    }
}

/* Home, End, Page Up, Page Down: the focus jumps. */
static gboolean
jump (GtkWidget *widget,
      GVariant  *args,
      gpointer   user_data)
{
  BatonCardList *self = BATON_CARD_LIST (widget);
  int where = g_variant_get_int32 (args);
  guint n = _baton_card_list_n_items (self);
  guint position = focused_position (self);
  int height = gtk_widget_get_height (widget);
  guint per_page = (guint) MAX (1, height / MAX (_baton_card_list_estimate (self), 1));

  if (n == 0)
    return FALSE;
  if (position == G_MAXUINT)
    position = MIN (self->anchor, n - 1);

  switch (where)
    {
    case -2:
      position = 0;
      break;
    case 2:
      position = n - 1;
      break;
    case -1:
      position = position > per_page ? position - per_page : 0;
      break;
    default:
      position = MIN (position + per_page, n - 1);
      break;
    }

  return baton_card_list_focus_position (self, position);
}

/* Drops ----------------------------------------------------------------------------------- */

guint
baton_card_list_slot_at_y (BatonCardList *self,
                           double         y,
                           double        *line_y)
{
  guint n;
  Placed *last;

  g_return_val_if_fail (BATON_IS_CARD_LIST (self), 0);

  n = _baton_card_list_n_items (self);
  if (line_y != NULL)
    *line_y = 0;
  if (n == 0 || self->placed->len == 0)
    return n;

  for (guint k = 0; k < self->placed->len; k++)
    {
      Placed *placed = &g_array_index (self->placed, Placed, k);

      if (y < placed->y + placed->height / 2.0)
        {
          if (line_y != NULL)
            *line_y = placed->y;
          return placed->position;
        }
    }

  last = &g_array_index (self->placed, Placed, self->placed->len - 1);
  if (line_y != NULL)
    *line_y = last->y + last->height;
  return last->position + 1;
}

/* Setup ------------------------------------------------------------------------------------ */

void
_baton_card_list_scroll_class_init (GtkWidgetClass *widget_class)
{
  widget_class->focus = baton_card_list_focus;
  widget_class->set_focus_child = baton_card_list_set_focus_child;

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, jump, "i", -2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Home, 0, jump, "i", -2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_End, 0, jump, "i", 2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_End, 0, jump, "i", 2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, jump, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Page_Up, 0, jump, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, jump, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Page_Down, 0, jump, "i", 1);
}
