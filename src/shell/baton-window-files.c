/* baton-window-files.c — asking for a file and saying what went wrong, for the main menu's items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every item of the main menu that reads or writes a file asks for it the
 * same way: a GtkFileChooserNative (the portal in a sandbox), and the
 * chosen local path handed to a function; and says what went wrong in the
 * same kind of dialog.
 */

#define G_LOG_DOMAIN "baton-window"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-window-private.h"

void
baton_window_show_error (BatonWindow *self,
                         const char  *heading,
                         const char  *message)
{
  GtkWidget *dialog;

  g_return_if_fail (BATON_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkFileChooserNative *
baton_window_file_chooser_new (BatonWindow          *self,
                               const char           *title,
                               GtkFileChooserAction  action,
                               const char           *accept_label)
{
  GtkFileChooserNative *native;

  g_return_val_if_fail (BATON_IS_WINDOW (self), NULL);

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  return native;
}

void
baton_window_file_chooser_add_filter (GtkFileChooserNative *native,
                                      const char           *name,
                                      const char           *mime_type,
                                      const char           *suffix)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
}

GtkFileFilter *
baton_window_workspace_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Baton Workspaces"));
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_filter_add_mime_type (filter, "application/x-sqlite3");
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_add_pattern (filter, "*.db.restored-*");

  return filter;
}

typedef struct
{
  BatonWindowFileFunc func;
  gpointer            data;
  GDestroyNotify      destroy;
} FileChoice;

static void
file_choice_free (gpointer data)
{
  FileChoice *choice = data;

  if (choice->destroy != NULL)
    choice->destroy (choice->data);
  g_free (choice);
}

static void
on_file_chooser_response (GtkNativeDialog *native,
                          int              response,
                          BatonWindow     *self)
{
  FileChoice *choice = g_object_get_data (G_OBJECT (native), "baton-file-choice");
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL &&
      (path = g_file_get_path (file)) != NULL)
    choice->func (self, path, choice->data);

  g_object_unref (native);
}

void
baton_window_file_chooser_run (BatonWindow          *self,
                               GtkFileChooserNative *native,
                               BatonWindowFileFunc   func,
                               gpointer              data,
                               GDestroyNotify        destroy)
{
  FileChoice *choice;

  g_return_if_fail (BATON_IS_WINDOW (self));
  g_return_if_fail (GTK_IS_FILE_CHOOSER_NATIVE (native));
  g_return_if_fail (func != NULL);

  choice = g_new0 (FileChoice, 1);
  choice->func = func;
  choice->data = data;
  choice->destroy = destroy;
  g_object_set_data_full (G_OBJECT (native), "baton-file-choice", choice, file_choice_free);
  g_signal_connect_object (native, "response", G_CALLBACK (on_file_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}
