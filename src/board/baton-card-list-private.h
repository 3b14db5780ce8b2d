/* baton-card-list-private.h — what the files of the card list share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BatonCardList is one widget in two files: baton-card-list.c (the
 * heights, the cards, layout and size) and baton-card-list-scroll.c
 * (scrolling, the focus, drop slots).
 */
#pragma once

#include "baton-card-list.h"

G_BEGIN_DECLS

/* A card not measured yet when none was. */
#define DEFAULT_HEIGHT 96
/* Cards bound beyond each edge of the viewport, in viewport heights. */
#define PRELOAD        0.25
/* Spare card widgets kept for reuse. */
#define MAX_POOL       8
/* Space above the first card and below the last, part of what scrolls. */
#define PAD_TOP        2
#define PAD_BOTTOM     16

typedef struct
{
  guint      position;
  GtkWidget *card;
  int        y;        /* on screen */
  int        height;
} Placed;

struct _BatonCardList
{
  GtkWidget                parent_instance;

  BatonCardListCreateFunc  create;
  BatonCardListBindFunc    bind;
  gpointer                 user_data;

  GListModel              *model;
  GtkAdjustment           *hadjustment;
  GtkAdjustment           *vadjustment;
  guint                    hscroll_policy : 1;
  guint                    vscroll_policy : 1;

  /* Heights by position: measured, or -1 */
  GArray                  *heights;
  gint64                   known_sum;
  guint                    n_known;
  int                      measured_width;

  /* The viewport: its top is anchor_offset below the anchor card's top,
   * or (once, after scroll_to) the anchor card's bottom is its bottom. */
  guint                    anchor;
  int                      anchor_offset;
  gboolean                 align_bottom;

  /* Cards */
  GHashTable              *cards;         /* item (ref) → bound card */
  GPtrArray               *pool;          /* unbound, not child-visible */
  GArray                  *placed;        /* Placed, by position, from the last layout */
  GtkWidget               *focus_card;    /* the child holding the focus */
  Placed                   focus_placed;  /* where it is when it is not in @placed */
  gboolean                 focus_off_range;
  gboolean                 setting_value;
  gboolean                 placed_valid;  /* @placed is what is on screen */
  int                      prepared_width;
  int                      prepared_height;
  guint                    prepare_id;    /* tick callback */
  guint                    spare_id;      /* idle */
  int                      width_hint;    /* before the first allocation */
  gboolean                 scrolled;      /* binds ahead once it scrolls */
};

/* Heights and cards (baton-card-list.c) */
void       _baton_card_list_invalidate     (BatonCardList  *self);
guint      _baton_card_list_n_items        (BatonCardList  *self);
int        _baton_card_list_estimate       (BatonCardList  *self);
int        _baton_card_list_height_at      (BatonCardList  *self,
                                            guint           position);
gint64     _baton_card_list_top_of         (BatonCardList  *self,
                                            guint           position);
gpointer   _baton_card_list_card_item      (GtkWidget      *card);
guint      _baton_card_list_position_of    (BatonCardList  *self,
                                            gpointer        item);
GtkWidget *_baton_card_list_take_card      (BatonCardList  *self,
                                            gpointer        item);

/* Scrolling and focus (baton-card-list-scroll.c) */
void       _baton_card_list_on_value_changed (BatonCardList  *self);
void       _baton_card_list_set_adjustment (BatonCardList  *self,
                                            GtkAdjustment **slot,
                                            GtkAdjustment  *adjustment,
                                            gboolean        vertical);
void       _baton_card_list_scroll_class_init (GtkWidgetClass *widget_class);

G_END_DECLS
