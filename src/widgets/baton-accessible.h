/* baton-accessible.h — accessible names without mnemonic underscores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* @text without its mnemonic underscores ("Add _Person" → "Add Person",
 * "__" → "_"). Free with g_free (). */
char *baton_accessible_strip_mnemonic (const char *text);

/* For every button and check button under @root (@root included) whose
 * label has a mnemonic: its accessible label is the label as read, and
 * stays so when the label changes. GTK 4.8 gives such buttons their raw
 * label ("_Add Stage") as accessible label. Call again for widgets added
 * later; a widget is set up once. */
void  baton_accessible_fix_mnemonics  (GtkWidget  *root);

G_END_DECLS
