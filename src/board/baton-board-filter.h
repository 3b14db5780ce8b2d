/* baton-board-filter.h — which cards the board shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-capacity.h"
#include "baton-store.h"

G_BEGIN_DECLS

/* The filter settings a board can set. */
typedef enum
{
  BATON_BOARD_FILTER_CLIENT,
  BATON_BOARD_FILTER_PROGRAM,
  BATON_BOARD_FILTER_PERSON,   /* -1: unassigned */
  BATON_BOARD_FILTER_ROLE,
  BATON_BOARD_FILTER_N_IDS
} BatonBoardFilterId;

#define BATON_TYPE_BOARD_FILTER (baton_board_filter_get_type ())
G_DECLARE_FINAL_TYPE (BatonBoardFilter, baton_board_filter, BATON, BOARD_FILTER, GtkFilter)

BatonBoardFilter *baton_board_filter_new               (BatonStore         *store);
void              baton_board_filter_set_search        (BatonBoardFilter   *self,
                                                        const char         *text);
gboolean          baton_board_filter_get_has_search    (BatonBoardFilter   *self);
gint64            baton_board_filter_get_id            (BatonBoardFilter   *self,
                                                        BatonBoardFilterId  which);
void              baton_board_filter_set_id            (BatonBoardFilter   *self,
                                                        BatonBoardFilterId  which,
                                                        gint64              id);
gboolean          baton_board_filter_get_only_over_capacity (BatonBoardFilter *self);
void              baton_board_filter_set_only_over_capacity (BatonBoardFilter *self,
                                                             gboolean          only);
gboolean          baton_board_filter_get_show_archived (BatonBoardFilter   *self);
void              baton_board_filter_set_show_archived (BatonBoardFilter   *self,
                                                        gboolean            show);
/* The computation "only over capacity" reads. */
void              baton_board_filter_set_capacity      (BatonBoardFilter   *self,
                                                        BatonCapacity      *capacity);
/* Everything off, with one "changed". */
void              baton_board_filter_clear             (BatonBoardFilter   *self);
/* Is any setting on? How many, the search apart? */
gboolean          baton_board_filter_is_active         (BatonBoardFilter   *self);
guint             baton_board_filter_get_n_settings    (BatonBoardFilter   *self);

G_END_DECLS
