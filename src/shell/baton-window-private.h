/* baton-window-private.h — what the window shows, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-window.h"

G_BEGIN_DECLS

/* The view named @name ("board", "capacity" or "clients"), built now if
 * it was not yet. */
GtkWidget *baton_window_get_view (BatonWindow *self,
                                  const char  *name);

/* Toasts shown or waiting, not dismissed yet. */
guint baton_window_get_n_toasts (BatonWindow *self);

/* The Data section of the main menu (baton-window-exchange.c). */
void  baton_window_exchange_class_init (GtkWidgetClass *widget_class);
void  baton_window_exchange_init       (BatonWindow    *self);

/* The workspace items of the main menu (baton-window-workspace.c). */
void  baton_window_workspace_class_init (GtkWidgetClass *widget_class);
void  baton_window_workspace_init       (BatonWindow    *self);
/* The main menu's popover, made as the menu first opens. */
void  baton_window_workspace_menu_made  (BatonWindow    *self,
                                         GtkPopover     *popover);
/* The workspace's name: its file's name without extension, "Demo" for
 * the demo workspace. */
char *baton_window_get_workspace_name   (BatonWindow    *self);

/* Team workspaces: Connect to a Team Workspace…, the banner's cause
 * (baton-window-team.c). */
void        baton_window_team_class_init  (GtkWidgetClass       *widget_class);
void        baton_window_team_init        (BatonWindow          *self);
/* What the read-only banner says for @connection. */
const char *baton_window_team_banner_text (BatonStoreConnection  connection);

/* Asking for a file, and errors (baton-window-files.c). */
typedef void (*BatonWindowFileFunc) (BatonWindow *self,
                                     const char  *path,
                                     gpointer     data);

/* A modal dialog that says @message under @heading, with Close. */
void                  baton_window_show_error              (BatonWindow          *self,
                                                            const char           *heading,
                                                            const char           *message);
GtkFileChooserNative *baton_window_file_chooser_new        (BatonWindow          *self,
                                                            const char           *title,
                                                            GtkFileChooserAction  action,
                                                            const char           *accept_label);
void                  baton_window_file_chooser_add_filter (GtkFileChooserNative *native,
                                                            const char           *name,
                                                            const char           *mime_type,
                                                            const char           *suffix);
/* The files Baton writes as workspaces: *.db, and restored backups. */
GtkFileFilter        *baton_window_workspace_filter_new    (void);
/* Shows @native (taking it) and calls @func with the local path chosen,
 * if any; @destroy frees @data afterwards either way. */
void                  baton_window_file_chooser_run        (BatonWindow          *self,
                                                            GtkFileChooserNative *native,
                                                            BatonWindowFileFunc   func,
                                                            gpointer              data,
                                                            GDestroyNotify        destroy);

G_END_DECLS
