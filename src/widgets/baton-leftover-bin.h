/* baton-leftover-bin.h — a bin that takes the width left over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BATON_TYPE_LEFTOVER_BIN (baton_leftover_bin_get_type ())
G_DECLARE_FINAL_TYPE (BatonLeftoverBin, baton_leftover_bin, BATON, LEFTOVER_BIN, GtkWidget)

GtkWidget *baton_leftover_bin_new       (void);
GtkWidget *baton_leftover_bin_get_child (BatonLeftoverBin *self);
void       baton_leftover_bin_set_child (BatonLeftoverBin *self,
                                         GtkWidget        *child);

G_END_DECLS
