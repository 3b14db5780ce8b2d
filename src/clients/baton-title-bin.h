/* baton-title-bin.h — sizes a wrapping title by its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BATON_TYPE_TITLE_BIN (baton_title_bin_get_type ())
G_DECLARE_FINAL_TYPE (BatonTitleBin, baton_title_bin, BATON, TITLE_BIN, GtkWidget)

G_END_DECLS
