/* baton-plain-names.h — accessible names without mnemonic underscores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void baton_plain_button_names (GtkWidget *root);

G_END_DECLS
