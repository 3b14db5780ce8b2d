/* baton-import-preview.h — the parts the import dialogs' previews share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A boxed list for an import's warnings, named for screen readers. */
GtkWidget *baton_import_warnings_new  (void);
/* Shows @warnings (char *) in @list, a row each: the first 200, then how
 * many more there are. */
void       baton_import_warnings_fill (GtkWidget  *list,
                                       GPtrArray  *warnings);
/* Adds a line of @format (a count, %u) to @body when @n is not 0. */
void       baton_import_append_count  (GString    *body,
                                       guint       n,
                                       const char *format);

G_END_DECLS
