/* baton-time-off-row.h — one time-off range in the person dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_TIME_OFF_ROW (baton_time_off_row_get_type ())
G_DECLARE_FINAL_TYPE (BatonTimeOffRow, baton_time_off_row, BATON, TIME_OFF_ROW, AdwActionRow)

/* A range to keep or remove when the dialog saves: @existing is the stored
 * range (nullable: one added in the dialog, not saved yet). Its Remove
 * button marks it removed, hides it and emits "removed". */
GtkWidget    *baton_time_off_row_new          (BatonTimeOff    *existing,
                                               const char      *start,
                                               const char      *end,
                                               const char      *note);
/* (nullable) */
BatonTimeOff *baton_time_off_row_get_existing (BatonTimeOffRow *self);
const char   *baton_time_off_row_get_start    (BatonTimeOffRow *self);
const char   *baton_time_off_row_get_end      (BatonTimeOffRow *self);
/* (nullable) */
const char   *baton_time_off_row_get_note     (BatonTimeOffRow *self);
gboolean      baton_time_off_row_get_removed  (BatonTimeOffRow *self);

G_END_DECLS
