/* baton-card-list.c — a scrolling list of cards that exist only on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A board column holds up to thousands of cards. GtkListView 4.8 keeps up
 * to 200 rows around its anchor whatever fits on screen, so scrolling one
 * long column to its end left 200 card widgets alive, with their styles,
 * text layouts, drawings and accessible objects (about 40 MiB). This list
 * keeps card widgets for the cards on screen (and, once it has scrolled, a
 * quarter of a screen above and below), puts the others back in a small
 * pool and binds them again as cards come into view: how many exist
 * depends on the height of the viewport, not on the scroll position or
 * the length of the column.
 * The card that has the keyboard focus is kept wherever it is, so its
 * shortcuts keep working when it is scrolled away.
 *
 * Cards are bound before the frame's layout (in its update phase, from a
 * tick callback): binding changes what a card asks for, and a widget must
 * not queue a resize while its parents are being allocated. Allocation
 * only places the cards bound; one missing (the list grew taller) is bound
 * for the next frame.
 *
 * It is a GtkScrollable (put it in a GtkScrolledWindow). Heights: each
 * card measured is remembered by position; the others are estimated from
 * the average. The viewport is anchored to a card (its index and how far
 * its top is above the viewport's top), so measuring cards above it never
 * makes what is on screen jump. Keyboard: Up and Down move the focus from
 * card to card (scrolling as needed), Home, End, Page Up and Page Down
 * jump; Tab, Left and Right leave the list (baton-card-list-scroll.c).
 */

#define G_LOG_DOMAIN "baton-card-list"

#include "config.h"

#include <math.h>
#include <string.h>

#include "baton-card-list-private.h"

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE_WITH_CODE (BatonCardList, baton_card_list, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static GQuark item_quark;

static void prepare (BatonCardList *self);

static gboolean
make_spare (gpointer user_data)
{
  BatonCardList *self = BATON_CARD_LIST (user_data);
  GtkWidget *card;

  self->spare_id = 0;
  if (self->pool->len > 0)
    return G_SOURCE_REMOVE;

  card = self->create (self->user_data);
  gtk_widget_set_child_visible (card, FALSE);
  /* A spare shows nothing: no nameless object for a screen reader. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_parent (card, GTK_WIDGET (self));
  g_ptr_array_add (self->pool, card);

  return G_SOURCE_REMOVE;
}

static gboolean
prepare_tick (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  BatonCardList *self = BATON_CARD_LIST (widget);

  self->prepare_id = 0;
  prepare (self);
  /* Place what was bound, in this frame's layout: a card taken back from
   * the pool for the task it showed before asks for no new size, so
   * nothing else would allocate the list (the list grew taller). */
  gtk_widget_queue_allocate (widget);

  return G_SOURCE_REMOVE;
}

/* Binds the cards in the next frame's update phase (which the tick
 * callback asks for). */
static void
request_prepare (BatonCardList *self)
{
  self->placed_valid = FALSE;
  if (self->prepare_id == 0)
    self->prepare_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), prepare_tick, NULL, NULL);
}

/* Something moved: bind the cards in the next frame, then lay them out. */
void
_baton_card_list_invalidate (BatonCardList *self)
{
  request_prepare (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Heights ------------------------------------------------------------------------- */

int
_baton_card_list_estimate (BatonCardList *self)
{
  return self->n_known > 0 ? (int) (self->known_sum / self->n_known) : DEFAULT_HEIGHT;
}

int
_baton_card_list_height_at (BatonCardList *self,
                            guint          position)
{
  int height = g_array_index (self->heights, int, position);

  return height >= 0 ? height : _baton_card_list_estimate (self);
}

static void
set_height (BatonCardList *self,
            guint          position,
            int            height)
{
  int *slot = &g_array_index (self->heights, int, position);

  if (*slot == height)
    return;

  if (*slot >= 0)
    {
      self->known_sum -= *slot;
      self->n_known--;
    }
  *slot = height;
  if (height >= 0)
    {
      self->known_sum += height;
      self->n_known++;
    }
}

static void
forget_heights (BatonCardList *self)
{
  for (guint i = 0; i < self->heights->len; i++)
    g_array_index (self->heights, int, i) = -1;
  self->known_sum = 0;
  self->n_known = 0;
}

/* Where the card at @position starts, from the list's top. */
gint64
_baton_card_list_top_of (BatonCardList *self,
                         guint          position)
{
  int guess = _baton_card_list_estimate (self);
  gint64 y = PAD_TOP;

  for (guint i = 0; i < position; i++)
    {
      int height = g_array_index (self->heights, int, i);

      y += height >= 0 ? height : guess;
    }

  return y;
}

guint
_baton_card_list_n_items (BatonCardList *self)
{
  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

/* Cards ------------------------------------------------------------------------------ */

gpointer
_baton_card_list_card_item (GtkWidget *card)
{
  return g_object_get_qdata (G_OBJECT (card), item_quark);
}

/* The card bound to @item: the one it has, a spare one, or a new one. */
GtkWidget *
_baton_card_list_take_card (BatonCardList *self,
                            gpointer       item)
{
  GtkWidget *card = g_hash_table_lookup (self->cards, item);

  if (card != NULL)
    return card;

  if (self->pool->len > 0)
    card = g_ptr_array_steal_index (self->pool, self->pool->len - 1);
  else
    {
      card = self->create (self->user_data);
      gtk_widget_set_child_visible (card, FALSE);
      gtk_widget_set_parent (card, GTK_WIDGET (self));
    }

  g_hash_table_insert (self->cards, g_object_ref (item), card);
  g_object_set_qdata (G_OBJECT (card), item_quark, item);
  self->bind (card, item, self->user_data);
  gtk_accessible_update_state (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_STATE_HIDDEN, FALSE, -1);

  return card;
}

/* Unbinds @card (already out of the table) and keeps it as a spare. */
static void
release_card (BatonCardList *self,
              GtkWidget     *card)
{
  if (card == self->focus_card)
    self->focus_card = NULL;

  self->bind (card, NULL, self->user_data);
  g_object_set_qdata (G_OBJECT (card), item_quark, NULL);
  gtk_widget_set_child_visible (card, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  if (self->pool->len < MAX_POOL)
    g_ptr_array_add (self->pool, card);
  else
    gtk_widget_unparent (card);
}

static void
release_all (BatonCardList *self)
{
  GHashTableIter iter;
  gpointer card;
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, &card))
    g_ptr_array_add (cards, card);
  g_hash_table_remove_all (self->cards);

  for (guint i = 0; i < cards->len; i++)
    release_card (self, g_ptr_array_index (cards, i));
  g_array_set_size (self->placed, 0);
  self->focus_off_range = FALSE;
}

static int
measure_card (GtkWidget *card,
              int        width)
{
  int minimum = 0, natural = 0;

  gtk_widget_measure (card, GTK_ORIENTATION_VERTICAL, width, &minimum, &natural, NULL, NULL);
  return MAX (minimum, natural);
}

/* The position of @item in the model, or G_MAXUINT. */
guint
_baton_card_list_position_of (BatonCardList *self,
                              gpointer       item)
{
  guint n = _baton_card_list_n_items (self);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (self->model, i);

      if ((gpointer) other == item)
        return i;
    }

  return G_MAXUINT;
}

/* Layout ------------------------------------------------------------------------------- */

static void
configure_adjustments (BatonCardList *self,
                       int            width,
                       int            height,
                       double         value,
                       double         upper)
{
  self->setting_value = TRUE;
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment, value, 0, MAX (upper, height),
                              _baton_card_list_estimate (self) / 2.0, height * 0.9, height);
  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment, 0, 0, width, width * 0.1, width * 0.9, width);
  self->setting_value = FALSE;
}

/* The card of the item at @position: bound now if @may_bind, else the one
 * it has or NULL. */
static GtkWidget *
card_at (BatonCardList *self,
         guint          position,
         gboolean       may_bind)
{
  g_autoptr(GObject) item = g_list_model_get_item (self->model, position);

  return may_bind ? _baton_card_list_take_card (self, item) : g_hash_table_lookup (self->cards, item);
}

/* Measures the cards around the viewport, from the anchor, and says where
 * each is. With @may_bind, cards are bound as needed and every other card
 * goes back to the pool, except the focused one; without, the cards bound
 * are placed, and a missing one is bound for the next frame. */
static void
layout (BatonCardList *self,
        int            width,
        int            height,
        gboolean       may_bind)
{
  guint n = _baton_card_list_n_items (self);
  /* Until the list scrolls, nothing beyond the viewport: the first frame
   * binds only what it shows. */
  int preload = self->scrolled ? (int) (height * PRELOAD) : 0;
  g_autoptr(GHashTable) used = NULL;
  g_autoptr(GPtrArray) unused = NULL;
  gint64 value = 0, total = 0;
  gboolean missing = FALSE;
  GHashTableIter iter;
  gpointer item, card;

  g_array_set_size (self->placed, 0);
  self->focus_off_range = FALSE;

  if (width != self->measured_width)
    {
      forget_heights (self);
      self->measured_width = width;
    }

  if (n == 0 || width <= 0 || height <= 0)
    {
      if (may_bind)
        release_all (self);
      self->anchor = 0;
      self->anchor_offset = 0;
      self->align_bottom = FALSE;
      configure_adjustments (self, width, height, 0, 0);
      return;
    }

  self->anchor = MIN (self->anchor, n - 1);

  /* A pass places the cards from the anchor; if that leaves space above the
   * first card or below the last, the viewport moves and a pass runs again. */
  for (guint pass = 0; pass < 3; pass++)
    {
      gint64 max_value, anchor_top;
      int anchor_y, y;
      guint i;

      g_array_set_size (self->placed, 0);
      missing = FALSE;

      {
        GtkWidget *anchor_card = card_at (self, self->anchor, may_bind);
        int anchor_height = anchor_card ? measure_card (anchor_card, width) : _baton_card_list_height_at (self, self->anchor);

        set_height (self, self->anchor, anchor_card ? anchor_height : g_array_index (self->heights, int, self->anchor));
        anchor_y = self->align_bottom ? height - anchor_height : -self->anchor_offset;
      }

      /* Down from the anchor… */
      y = anchor_y;
      for (i = self->anchor; i < n && y < height + preload; i++)
        {
          GtkWidget *child = card_at (self, i, may_bind);
          Placed placed = { i, child, y, 0 };

          if (child == NULL)
            {
              /* Seen in the next frame; the space it takes is known. */
              missing = TRUE;
              y += _baton_card_list_height_at (self, i);
              continue;
            }
          placed.height = measure_card (child, width);
          set_height (self, i, placed.height);
          g_array_append_val (self->placed, placed);
          y += placed.height;
        }

      /* …then up. */
      y = anchor_y;
      for (i = self->anchor; i > 0 && y > -preload; i--)
        {
          GtkWidget *child = card_at (self, i - 1, may_bind);
          Placed placed = { i - 1, child, 0, 0 };

          if (child == NULL)
            {
              missing = TRUE;
              y -= _baton_card_list_height_at (self, i - 1);
              continue;
            }
          placed.height = measure_card (child, width);
          set_height (self, i - 1, placed.height);
          y -= placed.height;
          placed.y = y;
          g_array_prepend_val (self->placed, placed);
        }

      anchor_top = _baton_card_list_top_of (self, self->anchor);
      value = anchor_top - anchor_y;
      total = _baton_card_list_top_of (self, n) + PAD_BOTTOM;
      max_value = MAX (total - height, 0);

      self->align_bottom = FALSE;
      self->anchor_offset = (int) (value - anchor_top);
      if (value >= 0 && value <= max_value)
        break;

      value = CLAMP (value, 0, max_value);
      self->anchor_offset = (int) (value - anchor_top);
    }

  /* The anchor: the first card whose bottom is below the viewport's top. */
  for (guint k = 0; k < self->placed->len; k++)
    {
      Placed *placed = &g_array_index (self->placed, Placed, k);

      if (placed->y + placed->height > 0)
        {
          self->anchor = placed->position;
          self->anchor_offset = -placed->y;
          break;
        }
    }

  /* The focused card, wherever it is. */
  if (self->focus_card != NULL && _baton_card_list_card_item (self->focus_card) != NULL)
    {
      gboolean placed_already = FALSE;

      for (guint k = 0; k < self->placed->len && !placed_already; k++)
        placed_already = g_array_index (self->placed, Placed, k).card == self->focus_card;

      if (!placed_already)
        {
          guint position = _baton_card_list_position_of (self, _baton_card_list_card_item (self->focus_card));

          if (position != G_MAXUINT)
            {
              self->focus_placed.position = position;
              self->focus_placed.card = self->focus_card;
              self->focus_placed.height = measure_card (self->focus_card, width);
              set_height (self, position, self->focus_placed.height);
              self->focus_placed.y = (int) CLAMP (_baton_card_list_top_of (self, position) - value, -G_MAXINT / 2, G_MAXINT / 2);
              self->focus_off_range = TRUE;
            }
        }
    }

  /* Cards no longer around go back to the pool, but the focused one. */
  if (may_bind)
    {
      used = g_hash_table_new (NULL, NULL);
      for (guint k = 0; k < self->placed->len; k++)
        g_hash_table_add (used, g_array_index (self->placed, Placed, k).card);
      if (self->focus_off_range)
        g_hash_table_add (used, self->focus_placed.card);

      unused = g_ptr_array_new ();
      g_hash_table_iter_init (&iter, self->cards);
      while (g_hash_table_iter_next (&iter, &item, &card))
        {
          if (g_hash_table_contains (used, card))
            continue;
          g_ptr_array_add (unused, card);
          g_hash_table_iter_remove (&iter);
        }
      for (guint k = 0; k < unused->len; k++)
        release_card (self, g_ptr_array_index (unused, k));
    }
  else if (missing)
    request_prepare (self);   /* allocating: no resize can be queued */

  total = _baton_card_list_top_of (self, n) + PAD_BOTTOM;
  configure_adjustments (self, width, height, (double) value, (double) total);
}

/* Binds the cards for the size the list has (or will have: the width it
 * was given, the window's height). */
static void
prepare (BatonCardList *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= 0)
    width = self->width_hint;
  if (height <= 0)
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      int root_width = 0;

      if (GTK_IS_WINDOW (root))
        gtk_window_get_default_size (GTK_WINDOW (root), &root_width, &height);
      if (height <= 0)
        height = 1000;
    }

  layout (self, width, height, TRUE);
  self->prepared_width = width;
  self->prepared_height = height;
  self->placed_valid = TRUE;

  /* A spare card, made when nothing else runs: the next card that comes
   * into view (a card dropped here) is bound, not made. */
  if (self->pool->len == 0 && self->spare_id == 0 && _baton_card_list_n_items (self) > self->placed->len)
    self->spare_id = g_idle_add_full (G_PRIORITY_LOW, make_spare, self, NULL);
}

/* Size ------------------------------------------------------------------------------------ */

static void
baton_card_list_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  *minimum = *natural = 0;
  if (orientation == GTK_ORIENTATION_VERTICAL)
    return;

  /* As wide as the widest card needs. */
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0, child_nat = 0;

      if (_baton_card_list_card_item (child) == NULL)
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
place (GtkWidget *card,
       int        width,
       int        height,
       Placed    *placed,
       gboolean   keep_visible)
{
  gboolean on_screen = placed->y < height && placed->y + placed->height > 0;

  gtk_widget_set_child_visible (card, on_screen || keep_visible);
  if (on_screen || keep_visible)
    gtk_widget_size_allocate (card,
                              &(GtkAllocation) { 0, placed->y, width, placed->height },
                              -1);
}

static void
baton_card_list_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  BatonCardList *self = BATON_CARD_LIST (widget);
  g_autoptr(GHashTable) placed_cards = g_hash_table_new (NULL, NULL);
  gboolean size_changed = width != self->prepared_width || height != self->prepared_height;
  GHashTableIter iter;
  gpointer card;

  /* What the update phase prepared, unless the size changed since. */
  if (!self->placed_valid || size_changed)
    {
      self->placed_valid = TRUE;
      layout (self, width, height, FALSE);
    }

  for (guint k = 0; k < self->placed->len; k++)
    {
      Placed *placed = &g_array_index (self->placed, Placed, k);

      place (placed->card, width, height, placed, placed->card == self->focus_card);
      g_hash_table_add (placed_cards, placed->card);
    }

  /* Off screen and focused: it stays mapped, or it would lose the focus. */
  if (self->focus_off_range)
    {
      place (self->focus_placed.card, width, height, &self->focus_placed, TRUE);
      g_hash_table_add (placed_cards, self->focus_placed.card);
    }

  /* Bound for a taller list: hidden now, back to the pool next frame. */
  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, &card))
    if (!g_hash_table_contains (placed_cards, card) && gtk_widget_get_child_visible (card))
      {
        gtk_widget_set_child_visible (card, FALSE);
        request_prepare (self);
      }
}

/* Public ---------------------------------------------------------------------------------- */

static void
on_items_changed (BatonCardList *self,
                  guint          position,
                  guint          removed,
                  guint          added)
{
  for (guint i = position; i < position + removed; i++)
    set_height (self, i, -1);
  g_array_remove_range (self->heights, position, removed);
  g_array_set_size (self->heights, self->heights->len + added);
  if (added > 0)
    {
      memmove (&g_array_index (self->heights, int, position + added),
               &g_array_index (self->heights, int, position),
               (self->heights->len - position - added) * sizeof (int));
      for (guint i = position; i < position + added; i++)
        g_array_index (self->heights, int, i) = -1;
    }

  /* The viewport stays on the card it showed; at the very top, it stays
   * at the top (a card dropped there is seen). */
  if (self->anchor >= position + removed && !(self->anchor == 0 && self->anchor_offset <= 0))
    self->anchor = self->anchor - removed + added;

  _baton_card_list_invalidate (self);
}

GListModel *
baton_card_list_get_model (BatonCardList *self)
{
  g_return_val_if_fail (BATON_IS_CARD_LIST (self), NULL);

  return self->model;
}

void
baton_card_list_set_model (BatonCardList *self,
                           GListModel    *model)
{
  g_return_if_fail (BATON_IS_CARD_LIST (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  release_all (self);
  g_set_object (&self->model, model);

  g_array_set_size (self->heights, 0);
  g_array_set_size (self->heights, _baton_card_list_n_items (self));
  forget_heights (self);
  self->anchor = 0;
  self->anchor_offset = 0;
  self->align_bottom = FALSE;

  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed), self);

  self->placed_valid = FALSE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

GtkWidget *
baton_card_list_get_card (BatonCardList *self,
                          gpointer       item)
{
  g_return_val_if_fail (BATON_IS_CARD_LIST (self), NULL);

  return item != NULL ? g_hash_table_lookup (self->cards, item) : NULL;
}

void
baton_card_list_set_width_hint (BatonCardList *self,
                                int            width)
{
  g_return_if_fail (BATON_IS_CARD_LIST (self));

  self->width_hint = width;
}

gboolean
baton_card_list_is_settled (BatonCardList *self)
{
  g_return_val_if_fail (BATON_IS_CARD_LIST (self), FALSE);

  return self->prepare_id == 0 && self->placed_valid;
}

guint
baton_card_list_get_n_cards (BatonCardList *self)
{
  g_return_val_if_fail (BATON_IS_CARD_LIST (self), 0);

  return g_hash_table_size (self->cards) + self->pool->len;
}

/* GObject ------------------------------------------------------------------------------------ */

static void
baton_card_list_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (baton_card_list_parent_class)->map (widget);

  _baton_card_list_invalidate (BATON_CARD_LIST (widget));
}

static void
baton_card_list_dispose (GObject *object)
{
  BatonCardList *self = BATON_CARD_LIST (object);
  GtkWidget *child;

  if (self->prepare_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->prepare_id);
      self->prepare_id = 0;
    }
  g_clear_handle_id (&self->spare_id, g_source_remove);

  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
      release_all (self);
    }
  g_clear_object (&self->model);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  g_ptr_array_set_size (self->pool, 0);

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, _baton_card_list_on_value_changed, self);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->hadjustment);

  G_OBJECT_CLASS (baton_card_list_parent_class)->dispose (object);
}

static void
baton_card_list_finalize (GObject *object)
{
  BatonCardList *self = BATON_CARD_LIST (object);

  g_clear_pointer (&self->cards, g_hash_table_unref);
  g_clear_pointer (&self->pool, g_ptr_array_unref);
  g_clear_pointer (&self->placed, g_array_unref);
  g_clear_pointer (&self->heights, g_array_unref);

  G_OBJECT_CLASS (baton_card_list_parent_class)->finalize (object);
}

static void
baton_card_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BatonCardList *self = BATON_CARD_LIST (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_card_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BatonCardList *self = BATON_CARD_LIST (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      _baton_card_list_set_adjustment (self, &self->hadjustment, g_value_get_object (value), FALSE);
      break;
    case PROP_VADJUSTMENT:
      _baton_card_list_set_adjustment (self, &self->vadjustment, g_value_get_object (value), TRUE);
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_card_list_class_init (BatonCardListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_card_list_dispose;
  object_class->finalize = baton_card_list_finalize;
  object_class->get_property = baton_card_list_get_property;
  object_class->set_property = baton_card_list_set_property;

  widget_class->map = baton_card_list_map;
  widget_class->measure = baton_card_list_measure;
  widget_class->size_allocate = baton_card_list_size_allocate;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  _baton_card_list_scroll_class_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "cardlist");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);

  item_quark = g_quark_from_static_string ("baton-card-list-item");
}

static void
baton_card_list_init (BatonCardList *self)
{
  self->cards = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->pool = g_ptr_array_new ();
  self->placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  self->heights = g_array_new (FALSE, FALSE, sizeof (int));
  self->measured_width = -1;

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
}

GtkWidget *
baton_card_list_new (BatonCardListCreateFunc create,
                     BatonCardListBindFunc   bind,
                     gpointer                user_data)
{
  BatonCardList *self;

  g_return_val_if_fail (create != NULL, NULL);
  g_return_val_if_fail (bind != NULL, NULL);

  self = g_object_new (BATON_TYPE_CARD_LIST, NULL);
  self->create = create;
  self->bind = bind;
  self->user_data = user_data;

  return GTK_WIDGET (self);
}
