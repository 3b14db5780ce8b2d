/* baton-accessible.h — accessible names without mnemonic underscores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* For every button and check button under @root (@root included) whose
 * label has a mnemonic: it is named by its label alone, as read, and stays
 * so when the label changes. GTK 4.8 gives such buttons their raw label as
 * a label property besides the mnemonic label that names them, so a screen
 * reader says "_Add Stage Add Stage". Call again for widgets added later
 * (dialogs); a widget is set up once. */
void baton_accessible_fix_mnemonics (GtkWidget *root);

G_END_DECLS
