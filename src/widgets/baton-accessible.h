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
 * (dialogs); a widget is set up once.
 *
 * The same walk names each GtkDropDown's button after the option chosen
 * and each of its options after its text (GTK 4.8 says "GtkToggleButton"
 * and nothing), and exposes AdwEntryRows' fields (see
 * baton_accessible_expose_entry_rows ()). */
void baton_accessible_fix_mnemonics (GtkWidget *root);

/* Names the row of a GtkListView or GtkGridView that holds @child (the
 * list item's own widget, which takes the focus) after @child's labels
 * (GtkLabels under it, shown ones, joined with ", "), now and whenever
 * one changes or @child moves to another row. GTK 4.8 names a list item
 * by nothing: a screen reader hears "list item". */
void baton_accessible_name_list_item (GtkWidget *child);

/* For every AdwEntryRow under @root: its text field, where the focus goes,
 * becomes a text box named after the row's title. In GTK 4.8 a GtkText
 * has no accessible role of its own (it counts on a GtkEntry around it),
 * so the field is not in the tree and its focus is never announced. Call
 * from the owner's init, before the widgets are shown. */
void baton_accessible_expose_entry_rows (GtkWidget *root);

G_END_DECLS
