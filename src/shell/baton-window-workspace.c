/* baton-window-workspace.c — the main menu's workspace items: New Workspace…,
 * Open Workspace…, Open Recent, Save a Copy…, Restore from Backup…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * win.new-workspace creates a workspace in a file that is not there yet
 * and opens it in a new window (baton_application_new_workspace ()); a
 * file that is there is never reused or overwritten. win.open-workspace
 * opens a workspace file, or presents the window that shows it
 * (baton_application_open_workspace ()). Both take a path: "" asks with
 * a file chooser (the menu's items), a path skips it (tests, scripts).
 * Open Recent is the application's section
 * (baton_application_get_recent_section ()), put in each window's menu.
 *
 * win.save-copy writes a copy of the open workspace with the SQLite
 * backup API (baton_store_backup ()) to a file the person chooses: "" asks
 * with a file chooser (the menu's item), a path skips it (tests, scripts).
 * It never writes over the workspace itself.
 *
 * win.restore-backup lists the automatic backups "<workspace>.backup-N"
 * (baton_store_rotate_backups (), taken when the workspace is opened),
 * newest first, with their date, size and counts, read without opening
 * them as a store. Choosing one opens a copy of it in a new window
 * (baton_application_open_backup_copy ()): neither the workspace nor the
 * backup is written to.
 */

#define G_LOG_DOMAIN "baton-window"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "baton-application.h"
#include "baton-dates.h"
#include "baton-popups.h"
#include "baton-window-private.h"

/* The key of a list box row's backup file. */
#define BACKUP_PATH_KEY "baton-backup-path"

/* The workspace's file, or NULL for one in memory or on a team server. */
static const char *
workspace_file (BatonWindow *self)
{
  const char *path = baton_store_get_path (baton_window_get_store (self));

  if (path == NULL || g_strcmp0 (path, ":memory:") == 0 || baton_store_is_team_location (path))
    return NULL;

  return path;
}

/* TRUE when @path is the file @workspace (or a link to it). */
static gboolean
is_same_file (const char *path,
              const char *workspace)
{
  GStatBuf a, b;

  if (workspace == NULL)
    return FALSE;

  if (g_stat (path, &a) != 0 || g_stat (workspace, &b) != 0)
    return FALSE;

  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Where baton-application.c generates the demo for --demo. */
static gboolean
is_demo (const char *path)
{
  g_autofree char *demo = g_build_filename (g_get_user_cache_dir (), "baton", "demo.db", NULL);

  return g_strcmp0 (path, demo) == 0;
}

/* Starts @native in the folder of the workspace, unless that is the
 * demo's, in the cache. */
static void
start_in_workspace_folder (BatonWindow          *self,
                           GtkFileChooserNative *native)
{
  const char *path = workspace_file (self);
  g_autofree char *dir = NULL;
  g_autoptr(GFile) folder = NULL;

  if (path == NULL || is_demo (path))
    return;

  dir = g_path_get_dirname (path);
  folder = g_file_new_for_path (dir);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
}

/* New Workspace ---------------------------------------------------------------- */

static void
new_workspace_at (BatonWindow *self,
                  const char  *path,
                  gpointer     data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BATON_IS_APPLICATION (app));

  if (baton_application_new_workspace (BATON_APPLICATION (app), path, &error) == NULL)
    baton_window_show_error (self, _("Could Not Create the Workspace"), error->message);
}

static void
new_workspace_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BatonWindow *self = BATON_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooserNative *native;

  if (path[0] != '\0')
    {
      new_workspace_at (self, path, NULL);
      return;
    }

  native = baton_window_file_chooser_new (self, _("New Workspace"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"));
  filter = baton_window_workspace_filter_new ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  start_in_workspace_folder (self, native);
  /* Translators: the file name a new workspace is given, with Baton's extension, .db */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Workspace.db"));

  baton_window_file_chooser_run (self, native, new_workspace_at, NULL, NULL);
}

/* Open Workspace --------------------------------------------------------------- */

static void
open_workspace_at (BatonWindow *self,
                   const char  *path,
                   gpointer     data)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  g_return_if_fail (BATON_IS_APPLICATION (app));

  baton_application_open_workspace (BATON_APPLICATION (app), path);
}

static void
open_workspace_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BatonWindow *self = BATON_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GtkFileFilter) all = NULL;
  GtkFileChooserNative *native;

  if (path[0] != '\0')
    {
      open_workspace_at (self, path, NULL);
      return;
    }

  native = baton_window_file_chooser_new (self, _("Open Workspace"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  filter = baton_window_workspace_filter_new ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  all = gtk_file_filter_new ();
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
  start_in_workspace_folder (self, native);

  baton_window_file_chooser_run (self, native, open_workspace_at, NULL, NULL);
}

/* Save a Copy ----------------------------------------------------------------- */

static void
save_copy_to (BatonWindow *self,
              const char  *path,
              gpointer     data)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  /* The backup replaces the file: never the workspace's own. */
  if (is_same_file (path, workspace_file (self)))
    {
      message = g_strdup_printf (_("Will not save a copy to “%s”: it is the workspace itself"), name);
      baton_window_show_error (self, _("Could Not Save a Copy"), message);
      return;
    }

  if (!baton_store_backup (baton_window_get_store (self), path, &error))
    {
      baton_window_show_error (self, _("Could Not Save a Copy"), error->message);
      return;
    }
  /* Created 0600; an existing file it replaced is made private too. */
  g_chmod (path, 0600);

  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Saved a copy to %s"), name);
  baton_window_show_toast (self, message);
}

char *
baton_window_get_workspace_name (BatonWindow *self)
{
  const char *path;
  g_autofree char *basename = NULL;
  char *dot;

  g_return_val_if_fail (BATON_IS_WINDOW (self), NULL);

  /* "DATABASE on HOST" */
  path = baton_store_get_path (baton_window_get_store (self));
  if (baton_store_is_team_location (path))
    return baton_store_describe_location (path);

  path = workspace_file (self);
  if (path == NULL)
    return g_strdup (_("Workspace"));

  if (is_demo (path))
    return g_strdup (_("Demo"));

  basename = g_filename_display_basename (path);
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';

  return g_steal_pointer (&basename);
}

static void
save_copy_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonWindow *self = BATON_WINDOW (widget);
  const char *path = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  g_autofree char *today = NULL;
  g_autofree char *file_name = NULL;

  if (path[0] != '\0')
    {
      save_copy_to (self, path, NULL);
      return;
    }

  native = baton_window_file_chooser_new (self, _("Save a Copy"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  filter = baton_window_workspace_filter_new ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  name = baton_window_get_workspace_name (self);
  today = baton_date_format (baton_date_today ());
  /* Translators: a file name; the first %s is the workspace's name, the second today's date, YYYY-MM-DD */
  file_name = g_strdup_printf (_("%s copy %s.db"), name, today);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), file_name);

  baton_window_file_chooser_run (self, native, save_copy_to, NULL, NULL);
}

/* Restore from Backup --------------------------------------------------------- */

typedef struct
{
  char  *path;
  guint  n;
} Backup;

static void
backup_clear (gpointer data)
{
  Backup *backup = data;

  g_free (backup->path);
}

static int
compare_backups (gconstpointer a,
                 gconstpointer b)
{
  const Backup *x = a;
  const Backup *y = b;

  return x->n < y->n ? -1 : x->n > y->n;
}

/* The files "<workspace>.backup-N" beside @workspace, N = 1 (the newest)
 * first. */
static GArray *
list_backups (const char *workspace)
{
  GArray *backups = g_array_new (FALSE, TRUE, sizeof (Backup));
  g_autofree char *dir_path = g_path_get_dirname (workspace);
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  g_array_set_clear_func (backups, backup_clear);

  {
    g_autofree char *basename = g_path_get_basename (workspace);

    prefix = g_strconcat (basename, ".backup-", NULL);
  }

  dir = g_dir_open (dir_path, 0, NULL);
  if (dir == NULL)
    return backups;

  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      const char *number;
      char *end = NULL;
      guint64 n;
      Backup backup;

      if (!g_str_has_prefix (entry, prefix))
        continue;

      number = entry + strlen (prefix);
      if (!g_ascii_isdigit (number[0]))
        continue;
      n = g_ascii_strtoull (number, &end, 10);
      if (*end != '\0' || n == 0 || n > G_MAXUINT)
        continue;

      backup.path = g_build_filename (dir_path, entry, NULL);
      backup.n = (guint) n;
      if (g_file_test (backup.path, G_FILE_TEST_IS_REGULAR))
        g_array_append_val (backups, backup);
      else
        g_free (backup.path);
    }

  g_array_sort (backups, compare_backups);

  return backups;
}

/* "2026-12-06 18:20:05", "1.2 MB · 40 tasks · 12 people", or why it cannot
 * be read. Returns FALSE for a backup that cannot be restored. */
static gboolean
describe_backup (const char  *path,
                 char       **title,
                 char       **subtitle)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size = NULL;
  g_autofree char *tasks = NULL;
  g_autofree char *people = NULL;
  guint n_tasks = 0;
  guint n_people = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      *title = g_filename_display_basename (path);
      *subtitle = g_strdup (error->message);
      return FALSE;
    }

  modified = g_file_info_get_modification_date_time (info);
  local = g_date_time_to_local (modified);
  *title = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
  size = g_format_size ((guint64) g_file_info_get_size (info));

  if (!baton_store_peek_counts (path, &n_tasks, &n_people, &error))
    {
      /* Translators: a backup's size, then why it cannot be read */
      *subtitle = g_strdup_printf (_("%s · %s"), size, error->message);
      return FALSE;
    }

  tasks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task", "%u tasks", n_tasks), n_tasks);
  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n_people), n_people);
  /* Translators: a backup's size, its number of tasks and of people */
  *subtitle = g_strdup_printf (_("%s · %s · %s"), size, tasks, people);
  return TRUE;
}

static void
on_backup_activated (AdwActionRow *row,
                     BatonWindow  *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GtkWidget *dialog = gtk_widget_get_ancestor (GTK_WIDGET (row), ADW_TYPE_MESSAGE_DIALOG);
  g_autofree char *backup = g_strdup (g_object_get_data (G_OBJECT (row), BACKUP_PATH_KEY));
  g_autofree char *workspace = g_strdup (workspace_file (self));
  BatonWindow *window;

  g_return_if_fail (BATON_IS_APPLICATION (app));
  g_return_if_fail (workspace != NULL);

  if (dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));

  window = baton_application_open_backup_copy (BATON_APPLICATION (app), workspace, backup);
  if (window != NULL)
    {
      const char *copy = baton_store_get_path (baton_window_get_store (window));
      g_autofree char *name = g_filename_display_basename (copy);
      /* Translators: %s is the file name of the copy */
      g_autofree char *message = g_strdup_printf (_("Opened a copy of the backup: %s"), name);

      baton_window_show_toast (window, message);
    }
}

static GtkWidget *
backup_list_new (BatonWindow *self,
                 GArray      *backups)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Backups"),
                                  -1);

  for (guint i = 0; i < backups->len; i++)
    {
      const Backup *backup = &g_array_index (backups, Backup, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      gboolean usable = describe_backup (backup->path, &title, &subtitle);

      /* Dates, sizes and messages are not markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (row, backup->path);
      g_object_set_data_full (G_OBJECT (row), BACKUP_PATH_KEY, g_strdup (backup->path), g_free);

      if (usable)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("go-next-symbolic");

          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect_object (row, "activated", G_CALLBACK (on_backup_activated), self, 0);
        }
      else
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
          gtk_widget_add_css_class (row, "dim-label");
        }

      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);

  return scrolled;
}

/* An empty state in a box: an AdwStatusPage scrolls, and is squeezed
 * to nothing inside a message dialog. */
static GtkWidget *
empty_state_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("document-open-recent-symbolic");
  GtkWidget *title = gtk_label_new (_("No Backups Yet"));
  GtkWidget *description = gtk_label_new (_("Baton backs up the workspace when it opens it after a change. "
                                            "The backups are kept beside the workspace’s file."));

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 64);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_add_css_class (title, "title-2");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_label_set_wrap (GTK_LABEL (description), TRUE);
  gtk_label_set_justify (GTK_LABEL (description), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (description), 40);

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), description);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  return box;
}

static void
restore_backup_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BatonWindow *self = BATON_WINDOW (widget);
  const char *workspace = workspace_file (self);
  g_autoptr(GArray) backups = NULL;
  AdwMessageDialog *dialog;

  g_return_if_fail (workspace != NULL);

  backups = list_backups (workspace);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Restore from Backup"), NULL));
  if (backups->len > 0)
    {
      adw_message_dialog_set_body (dialog,
                                   _("Choose a backup to open a copy of it in a new window. "
                                     "The workspace and its backups stay as they are."));
      adw_message_dialog_set_extra_child (dialog, backup_list_new (self, backups));
    }
  else
    adw_message_dialog_set_extra_child (dialog, empty_state_new ());

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Setup ----------------------------------------------------------------------- */

void
baton_window_workspace_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-workspace", "s", new_workspace_activated);
  gtk_widget_class_install_action (widget_class, "win.open-workspace", "s", open_workspace_activated);
  gtk_widget_class_install_action (widget_class, "win.save-copy", "s", save_copy_activated);
  gtk_widget_class_install_action (widget_class, "win.restore-backup", NULL, restore_backup_activated);

  /* Reached with gtk_widget_get_template_child (), without a field. */
  gtk_widget_class_bind_template_child_full (widget_class, "workspace_section", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "primary_menu_button", FALSE, 0);
}

/* The menu lists the recent workspaces anew as it opens: a file may have
 * gone since. */
static void
on_primary_menu_show (BatonWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (BATON_IS_APPLICATION (app))
    baton_application_update_recent (BATON_APPLICATION (app));
}

/* Open Recent, after Open Workspace…, once the window has its application
 * (set after construction): a section inside the section, which draws no
 * separator of its own. */
static void
set_up_recent (BatonWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GMenu *section;
  GMenuModel *recent;

  if (!BATON_IS_APPLICATION (app) || g_object_get_data (G_OBJECT (self), "baton-recent-menu") != NULL)
    return;

  recent = baton_application_get_recent_section (BATON_APPLICATION (app));
  if (recent == NULL)
    return;

  section = G_MENU (gtk_widget_get_template_child (GTK_WIDGET (self), BATON_TYPE_WINDOW, "workspace_section"));
  g_menu_insert_section (section, 2, NULL, recent);
  g_object_set_data (G_OBJECT (self), "baton-recent-menu", recent);
}

/* The window makes the main menu's popover late (baton-window.c). */
void
baton_window_workspace_menu_made (BatonWindow *self,
                                  GtkPopover  *popover)
{
  g_signal_connect_object (popover, "show", G_CALLBACK (on_primary_menu_show), self, G_CONNECT_SWAPPED);
  /* F10 from a card: Escape goes back to the card. The menu is made after
   * the first frame (or by F10 itself), so this waits for it. */
  baton_menu_button_return_focus (GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (self), BATON_TYPE_WINDOW,
                                                                                  "primary_menu_button")));
}

void
baton_window_workspace_init (BatonWindow *self)
{
  /* A workspace in memory has no file and no backups. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-backup", workspace_file (self) != NULL);
  /* A team workspace's copies are its server's to keep (Export makes one). */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy",
                                 !baton_store_is_team_location (baton_store_get_path (baton_window_get_store (self))));

  g_signal_connect (self, "notify::application", G_CALLBACK (set_up_recent), NULL);
  set_up_recent (self);
}
