/* baton-application.c — the Baton application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One instance per session. The primary instance opens one window per
 * workspace database: `baton` opens the default database, `--database FILE`
 * another one, `--demo` a generated demo workspace in the cache folder.
 * A database that cannot be opened is reported with its path and the
 * reason, and is never written to.
 *
 * The workspaces opened last (not the demo) are kept in the
 * recent-workspaces setting, the most recent first; the main menu's
 * Open Recent lists those that still exist, from one menu the
 * application keeps (baton_application_get_recent_section ()). Team
 * workspaces (`--database postgresql://…`, baton-application-team.c) are
 * kept there too, without their password, and listed as long as they are
 * kept.
 */

#define G_LOG_DOMAIN "baton-application"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "baton-application.h"
#include "baton-cli.h"
#include "baton-demo.h"
#include "baton-help-window.h"
#include "baton-preferences-window.h"
#include "baton-search-provider.h"
#include "baton-store.h"
#include "baton-window.h"
#include "baton-startup-report.h"

struct _BatonApplication
{
  AdwApplication parent_instance;

  GSettings *settings;

  /* Open Recent: a section holding the submenu, or nothing when no
   * recent workspace exists; the submenu's files and its Clear item. */
  GMenu     *recent_section;
  GMenu     *recent_submenu;
  GMenu     *recent_files;

  /* GNOME Shell's search, while the application is on the bus. */
  BatonSearchProvider *search_provider;

  /* Backups waiting for their window's first frame or being taken. */
  guint      n_pending_backups;

  /* The windows' icon is set, or will be after the first window's first
   * frame (ensure_default_icon ()). */
  gboolean   icon_asked;
};

/* How many workspaces recent-workspaces keeps. */
#define RECENT_MAX 8

G_DEFINE_FINAL_TYPE (BatonApplication, baton_application, ADW_TYPE_APPLICATION)

static void baton_application_open_path (BatonApplication *self,
                                         const char       *path,
                                         gboolean          rotate_backups);

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the workspace stored in FILE, or the team workspace at a postgresql:// address, instead of the default one"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open a freshly generated demo workspace; your own workspace is not touched"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

/* Windows ------------------------------------------------------------------ */

static BatonWindow *
find_window_for_path (BatonApplication *self,
                      const char       *path)
{
  g_autofree char *wanted = NULL;

  /* A team workspace is the same whatever password named it. */
  if (baton_store_is_team_location (path))
    {
      g_autofree char *location = baton_store_location_strip_password (path);

      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
        {
          const char *other;
          g_autofree char *stripped = NULL;

          if (!BATON_IS_WINDOW (l->data))
            continue;
          other = baton_store_get_path (baton_window_get_store (l->data));
          if (!baton_store_is_team_location (other))
            continue;
          stripped = baton_store_location_strip_password (other);
          if (location != NULL && g_strcmp0 (stripped, location) == 0)
            return l->data;
        }

      return NULL;
    }

  wanted = g_canonicalize_filename (path, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      BatonStore *store;
      const char *store_path;
      g_autofree char *canonical = NULL;

      if (!BATON_IS_WINDOW (l->data))
        continue;

      store = baton_window_get_store (l->data);
      store_path = store ? baton_store_get_path (store) : NULL;
      if (store_path == NULL || baton_store_is_team_location (store_path))
        continue;

      canonical = g_canonicalize_filename (store_path, NULL);
      if (g_strcmp0 (canonical, wanted) == 0)
        return l->data;
    }

  return NULL;
}

static BatonWindow *
find_any_window (BatonApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (BATON_IS_WINDOW (active))
    return BATON_WINDOW (active);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (BATON_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* Where baton_application_open_demo () generates the demo. */
static char *
demo_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "baton", "demo.db", NULL);
}

/* A recent workspace as it is kept: a file canonical, a team workspace
 * without its password. */
static char *
recent_key (const char *path)
{
  if (baton_store_is_team_location (path))
    return baton_store_location_strip_password (path);

  return g_canonicalize_filename (path, NULL);
}

/* Puts @path first in recent-workspaces: once, canonical, at most
 * RECENT_MAX of them. The demo is not recorded. */
static void
note_recent (BatonApplication *self,
             const char       *path)
{
  g_autofree char *canonical = NULL;
  g_autofree char *demo = demo_path ();
  g_autofree char *canonical_demo = NULL;
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  if (self->settings == NULL || path == NULL || g_strcmp0 (path, ":memory:") == 0)
    return;

  canonical = recent_key (path);
  if (canonical == NULL)
    return;
  canonical_demo = g_canonicalize_filename (demo, NULL);
  if (g_str_equal (canonical, canonical_demo))
    return;

  old = g_settings_get_strv (self->settings, "recent-workspaces");
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, canonical);
  for (guint i = 0; old[i] != NULL && n < RECENT_MAX; i++)
    {
      g_autofree char *other = recent_key (old[i]);

      if (other == NULL || g_str_equal (other, canonical) || g_str_equal (other, canonical_demo))
        continue;
      g_strv_builder_add (builder, other);
      n++;
    }
  recent = g_strv_builder_end (builder);

  if (!g_strv_equal ((const char * const *) old, (const char * const *) recent))
    g_settings_set_strv (self->settings, "recent-workspaces", (const char * const *) recent);
}

/* The windows' icon --------------------------------------------------------
 *
 * For window managers that show it (GNOME Shell shows the desktop file's).
 * Loading it renders the SVG icon through librsvg, which is loaded first:
 * 5 ms, a tenth of the start before the window is mapped. The first
 * window is shown without it and gets it once it has drawn its first
 * frame, when the main loop is idle; windows made after have it at once. */

static gboolean
set_default_icon (gpointer data)
{
  GtkApplication *app = data;

  gtk_window_set_default_icon_name (APP_ID);
  /* GTK gives the default icon only to windows realized after it is set. */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (gtk_window_get_icon_name (l->data) == NULL)
      gtk_window_set_icon_name (l->data, APP_ID);

  return G_SOURCE_REMOVE;
}

static gboolean
icon_on_first_frame (GtkWidget     *widget,
                     GdkFrameClock *clock,
                     gpointer       data)
{
  return G_SOURCE_REMOVE;
}

/* Once the first frame is on its way (or the window went without one). */
static void
icon_after_first_frame (gpointer data)
{
  g_idle_add_full (G_PRIORITY_LOW, set_default_icon, data, g_object_unref);
}

/* Sets the icon after @first_window's first frame, or now without one. */
static void
ensure_default_icon (BatonApplication *self,
                     GtkWidget        *first_window)
{
  if (self->icon_asked)
    return;

  self->icon_asked = TRUE;
  if (first_window != NULL)
    gtk_widget_add_tick_callback (first_window, icon_on_first_frame, g_object_ref (self), icon_after_first_frame);
  else
    set_default_icon (self);
}

static BatonWindow *
present_new_window (BatonApplication *self,
                    BatonStore       *store)
{
  BatonWindow *window = baton_window_new (GTK_APPLICATION (self), store);

  gtk_window_present (GTK_WINDOW (window));
  ensure_default_icon (self, GTK_WIDGET (window));
  note_recent (self, baton_store_get_path (store));

  return window;
}

/**
 * baton_application_present_store:
 * @store: a workspace just opened
 *
 * Shows @store as opening its file or location does: in the window that
 * shows it already, or in a new window, and keeps it in the recent
 * workspaces.
 *
 * Returns: (transfer none): its window
 */
BatonWindow *
baton_application_present_store (BatonApplication *self,
                                 BatonStore       *store)
{
  const char *path;
  BatonWindow *window;

  g_return_val_if_fail (BATON_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  path = baton_store_get_path (store);
  if (path != NULL && (window = find_window_for_path (self, path)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      note_recent (self, path);
      return window;
    }

  return present_new_window (self, store);
}

/* Opening a database ---------------------------------------------------------- */

typedef struct
{
  BatonApplication *app;
  char             *path;
  char             *backup;
} OpenErrorData;

static void
open_error_data_free (gpointer  data,
                      GClosure *closure)
{
  OpenErrorData *d = data;

  g_clear_object (&d->app);
  g_clear_pointer (&d->path, g_free);
  g_clear_pointer (&d->backup, g_free);
  g_free (d);
}

static void baton_application_show_open_error (BatonApplication *self,
                                               const char       *path,
                                               const GError     *error);

/**
 * baton_application_open_backup_copy:
 * @path: the workspace file the backup was taken from
 * @backup: a backup of it
 *
 * Copies @backup to a new file "<path>.restored-<date>" (mode 0600) and
 * opens that copy in a new window. Neither the workspace nor the backup
 * is ever written to, and no file is overwritten. When the copy cannot be
 * made or opened, a dialog says why.
 *
 * Returns: (transfer none) (nullable): the new window
 */
BatonWindow *
baton_application_open_backup_copy (BatonApplication *self,
                                    const char       *path,
                                    const char       *backup)
{
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *copy = NULL;

  g_return_val_if_fail (BATON_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (backup != NULL, NULL);

  source = g_file_new_for_path (backup);
  copy = g_strdup_printf ("%s.restored-%s", path, stamp);

  /* Never overwrite: G_FILE_COPY_NONE fails when the target exists. */
  for (guint i = 2; g_file_test (copy, G_FILE_TEST_EXISTS); i++)
    {
      g_free (copy);
      copy = g_strdup_printf ("%s.restored-%s-%u", path, stamp, i);
    }

  dest = g_file_new_for_path (copy);
  if (!g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
    {
      baton_application_show_open_error (self, copy, error);
      return NULL;
    }
  g_chmod (copy, 0600);

  store = baton_store_open (copy, &error);
  if (store == NULL)
    {
      baton_application_show_open_error (self, copy, error);
      return NULL;
    }

  return present_new_window (self, store);
}

static void
open_latest_backup_copy (BatonApplication *self,
                         const char       *path,
                         const char       *backup)
{
  BatonWindow *window = baton_application_open_backup_copy (self, path, backup);
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (window == NULL)
    return;

  basename = g_filename_display_basename (baton_store_get_path (baton_window_get_store (window)));
  message = g_strdup_printf (_("Opened a copy of the latest backup: %s"), basename);
  baton_window_show_toast (window, message);
}

static void
on_open_error_response (AdwMessageDialog *dialog,
                        const char       *response,
                        gpointer          user_data)
{
  OpenErrorData *d = user_data;

  if (g_strcmp0 (response, "backup") == 0 && d->backup != NULL)
    open_latest_backup_copy (d->app, d->path, d->backup);
  else if (g_strcmp0 (response, "retry") == 0)
    baton_application_open_path (d->app, d->path, FALSE);
}

static const char *
open_error_heading (const GError *error)
{
  if (error->domain != BATON_STORE_ERROR)
    return _("Could Not Open the Workspace");

  switch (error->code)
    {
    case BATON_STORE_ERROR_NEWER_SCHEMA:
      return _("Workspace From a Newer Version of Baton");
    case BATON_STORE_ERROR_CORRUPT:
      return _("Workspace Is Damaged");
    case BATON_STORE_ERROR_NOT_BATON:
      return _("Not a Baton Workspace");
    case BATON_STORE_ERROR_LOCKED:
      return _("Workspace Is in Use");
    case BATON_STORE_ERROR_READ_ONLY:
      return _("Workspace Cannot Be Written");
    case BATON_STORE_ERROR_DISK_FULL:
      return _("Disk Is Full");
    default:
      return _("Could Not Open the Workspace");
    }
}

/* Errors raised before Baton writes anything to the file. */
static gboolean
file_is_untouched (const GError *error)
{
  return error->domain != BATON_STORE_ERROR ||
         error->code == BATON_STORE_ERROR_NEWER_SCHEMA ||
         error->code == BATON_STORE_ERROR_CORRUPT ||
         error->code == BATON_STORE_ERROR_NOT_BATON ||
         error->code == BATON_STORE_ERROR_LOCKED ||
         error->code == BATON_STORE_ERROR_READ_ONLY ||
         error->code == BATON_STORE_ERROR_OPEN;
}

/* The latest backup of @path, when opening a copy of it is a way out: the
 * file itself is damaged, not Baton's (any more) or too new, and the
 * backup is a Baton workspace. A lock passes, a full disk or a file that
 * cannot be written would refuse the copy too. */
static char *
useful_backup (const char   *path,
               const GError *error)
{
  g_autofree char *backup = NULL;
  g_autoptr(GError) peek_error = NULL;

  if (!g_error_matches (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CORRUPT) &&
      !g_error_matches (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_BATON) &&
      !g_error_matches (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NEWER_SCHEMA))
    return NULL;

  backup = baton_store_latest_backup (path);
  if (backup == NULL)
    return NULL;

  if (baton_store_peek_version (backup, &peek_error) < 1)
    {
      g_debug ("Not offering %s: %s", backup, peek_error ? peek_error->message : "no workspace in it");
      return NULL;
    }

  return g_steal_pointer (&backup);
}

static void
baton_application_show_open_error (BatonApplication *self,
                                   const char       *path,
                                   const GError     *error)
{
  AdwMessageDialog *dialog;
  OpenErrorData *data;
  BatonWindow *parent;
  g_autofree char *backup = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;
  GString *body;
  gboolean retry;

  g_assert (BATON_IS_APPLICATION (self));
  g_assert (path != NULL);
  g_assert (error != NULL);

  g_debug ("Could not open %s: %s", path, error->message);

  parent = find_any_window (self);
  backup = useful_backup (path, error);
  /* Another program's lock goes away, and so may a full disk. */
  retry = g_error_matches (error, BATON_STORE_ERROR, BATON_STORE_ERROR_LOCKED) ||
          g_error_matches (error, BATON_STORE_ERROR, BATON_STORE_ERROR_DISK_FULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent ? GTK_WINDOW (parent) : NULL,
                                                       open_error_heading (error),
                                                       NULL));
  /* The body is plain text: neither the path nor the message is markup.
   * Name the file once, in UTF-8 as the store's messages name it (a file
   * name need not be UTF-8): they usually name it already. */
  name = g_filename_display_name (path);
  if (strstr (error->message, name) != NULL)
    reason = g_strdup (error->message);
  else
    /* Translators: the file of a workspace, then why it could not be opened */
    reason = g_strdup_printf (_("%s: %s"), name, error->message);

  body = g_string_new (reason);
  /* A missing file is only missing. */
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    ;
  else if (file_is_untouched (error))
    g_string_append_printf (body, "\n\n%s", _("The file has not been changed."));
  else
    g_string_append_printf (body, "\n\n%s", _("The data in it has not been changed."));
  if (backup != NULL)
    {
      g_string_append_c (body, ' ');
      g_string_append (body, _("You can open a copy of its latest backup instead."));
    }
  adw_message_dialog_set_body (dialog, body->str);
  g_string_free (body, TRUE);

  adw_message_dialog_add_response (dialog, "quit", parent ? _("_Close") : _("_Quit"));
  adw_message_dialog_set_close_response (dialog, "quit");
  adw_message_dialog_set_default_response (dialog, "quit");

  if (backup != NULL)
    {
      adw_message_dialog_add_response (dialog, "backup", _("Open _Latest Backup"));
      adw_message_dialog_set_response_appearance (dialog, "backup", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "backup");
    }
  else if (retry)
    {
      adw_message_dialog_add_response (dialog, "retry", _("_Try Again"));
      adw_message_dialog_set_response_appearance (dialog, "retry", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "retry");
    }

  data = g_new0 (OpenErrorData, 1);
  data->app = g_object_ref (self);
  data->path = g_strdup (path);
  data->backup = g_steal_pointer (&backup);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_open_error_response),
                         data, open_error_data_free, 0);

  /* Keeps the application alive while nothing else is open. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  ensure_default_icon (self, NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Backups ---------------------------------------------------------------------
 *
 * A workspace is backed up as it is opened when it was written since its
 * newest backup: after its window has drawn its first frame, on a thread
 * with a connection of its own (baton_store_rotate_backups_async ()). One
 * that is about to be upgraded is backed up before, at once, changed or
 * not. Never backed up: a missing, unreadable or damaged file, or one
 * written by a newer Baton (it would push the good backups out of the
 * rotation and become "the latest backup" itself), and one in a folder
 * that cannot be written (it has no room for a backup, and the workspace
 * opens read-only: it cannot change). */

typedef enum
{
  BACKUP_NONE,
  BACKUP_BEFORE_OPEN,
  BACKUP_AFTER_SHOWN,
} BackupWhen;

static BackupWhen
backup_wanted (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  gint version;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return BACKUP_NONE;

  dir = g_path_get_dirname (path);
  if (g_access (dir, W_OK) != 0)
    {
      g_debug ("Not backing up %s: its folder cannot be written", path);
      return BACKUP_NONE;
    }

  version = baton_store_peek_version (path, &error);
  if (error != NULL || version < 0 || version > BATON_SCHEMA_VERSION)
    {
      g_debug ("Not backing up %s (version %d): %s", path, version,
               error ? error->message : "newer schema");
      return BACKUP_NONE;
    }

  if (version > 0 && version < BATON_SCHEMA_VERSION)
    return BACKUP_BEFORE_OPEN;
  if (baton_store_backup_is_due (path))
    return BACKUP_AFTER_SHOWN;

  g_debug ("Not backing up %s: unchanged since its latest backup", path);
  return BACKUP_NONE;
}

static guint
backups_kept (BatonApplication *self)
{
  return (guint) MAX (g_settings_get_int (self->settings, "backups-kept"), 0);
}

static void
report_backup_error (const char   *path,
                     const GError *error)
{
  /* Opening it says the same to the person, in a dialog. */
  if (g_error_matches (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CORRUPT) ||
      g_error_matches (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_BATON) ||
      g_error_matches (error, BATON_STORE_ERROR, BATON_STORE_ERROR_LOCKED))
    g_debug ("Not backing up %s: %s", path, error->message);
  else
    g_warning ("Could not back up %s: %s", path, error->message);
}

static void
backup_before_open (BatonApplication *self,
                    const char       *path)
{
  g_autoptr(GError) error = NULL;

  if (!baton_store_rotate_backups (path, backups_kept (self), &error))
    report_backup_error (path, error);
}

typedef struct
{
  BatonApplication *app;
  char             *path;
} PendingBackup;

static void
pending_backup_free (PendingBackup *pending)
{
  pending->app->n_pending_backups--;
  g_application_release (G_APPLICATION (pending->app));
  baton_startup_report_release ();
  g_object_unref (pending->app);
  g_free (pending->path);
  g_free (pending);
}

static void
on_backup_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PendingBackup *pending = user_data;
  g_autoptr(GError) error = NULL;

  if (baton_store_rotate_backups_finish (result, &error))
    g_debug ("Backed up %s", pending->path);
  else
    report_backup_error (pending->path, error);

  pending_backup_free (pending);
}

static gboolean
start_backup (gpointer user_data)
{
  PendingBackup *pending = user_data;

  baton_store_rotate_backups_async (pending->path, backups_kept (pending->app),
                                    NULL, on_backup_done, pending);
  return G_SOURCE_REMOVE;
}

static gboolean
on_first_frame (GtkWidget     *window,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  return G_SOURCE_REMOVE;
}

/* Once the first frame is on its way (or the window went without one),
 * when the main loop has nothing else to do. */
static void
after_first_frame (gpointer user_data)
{
  g_idle_add_full (G_PRIORITY_LOW, start_backup, user_data, NULL);
}

/* Backs up @path once @window has drawn its first frame; the application
 * lives until the backup is written. */
static void
backup_after_shown (BatonApplication *self,
                    BatonWindow      *window,
                    const char       *path)
{
  PendingBackup *pending = g_new0 (PendingBackup, 1);

  pending->app = g_object_ref (self);
  pending->path = g_strdup (path);
  self->n_pending_backups++;
  g_application_hold (G_APPLICATION (self));
  baton_startup_report_hold ();

  gtk_widget_add_tick_callback (GTK_WIDGET (window), on_first_frame, pending, after_first_frame);
}

/**
 * baton_application_get_n_pending_backups:
 *
 * For tests: the backups decided as workspaces were opened and not
 * written yet (waiting for their window's first frame, or being taken).
 */
guint
baton_application_get_n_pending_backups (BatonApplication *self)
{
  g_return_val_if_fail (BATON_IS_APPLICATION (self), 0);

  return self->n_pending_backups;
}

static void
baton_application_open_path (BatonApplication *self,
                             const char       *path,
                             gboolean          rotate_backups)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  BackupWhen backup = BACKUP_NONE;
  BatonWindow *window;

  g_assert (BATON_IS_APPLICATION (self));
  g_assert (path != NULL);

  if ((window = find_window_for_path (self, path)))
    {
      gtk_window_present (GTK_WINDOW (window));
      note_recent (self, path);
      return;
    }

  if (rotate_backups)
    backup = backup_wanted (path);
  if (backup == BACKUP_BEFORE_OPEN)
    backup_before_open (self, path);

  store = baton_store_open (path, &error);
  if (store == NULL)
    {
      baton_application_show_open_error (self, path, error);
      return;
    }

  window = present_new_window (self, store);
  if (backup == BACKUP_AFTER_SHOWN)
    backup_after_shown (self, window, path);
}

/**
 * baton_application_open_database:
 * @path: a workspace file
 *
 * Opens @path in a window (or presents the window that shows it), as
 * `--database` does: backs it up first, and shows a dialog that says why
 * when it cannot be opened.
 */
void
baton_application_open_database (BatonApplication *self,
                                 const char       *path)
{
  g_return_if_fail (BATON_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  baton_application_open_path (self, path, TRUE);
}

/**
 * baton_application_open_workspace:
 * @path: a workspace file that exists
 *
 * Opens @path as baton_application_open_database () does, for Open
 * Workspace… and Open Recent: a file that is not there (any more) is
 * reported, not created.
 */
void
baton_application_open_workspace (BatonApplication *self,
                                  const char       *path)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BATON_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  if (baton_store_is_team_location (path))
    {
      baton_application_open_team (self, path);
      return;
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_name (path);

      /* Translators: %s is the path of a workspace file */
      g_set_error (&error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("There is no file %s."), name);
      baton_application_show_open_error (self, path, error);
      return;
    }

  baton_application_open_path (self, path, TRUE);
}

/* Whether @path or a file SQLite would read with it is there. */
static gboolean
check_no_file (const char  *path,
               GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      GStatBuf buf;
      int saved_errno;

      /* lstat: a link, even a broken one, is a file there too. */
      if (g_lstat (file, &buf) == 0)
        saved_errno = EEXIST;
      else if (errno == ENOENT)
        continue;
      else
        saved_errno = errno;

      {
        g_autofree char *name = g_filename_display_basename (file);

        if (saved_errno == EEXIST)
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       /* Translators: %s is a file name */
                       _("A file named “%s” already exists. Choose another name."), name);
        else
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       /* Translators: a file name, then why it cannot be used */
                       _("%s: %s"), name, g_strerror (saved_errno));
      }
      return FALSE;
    }

  return TRUE;
}

/**
 * baton_application_new_workspace:
 * @path: where to create the workspace
 * @error: why it was not created
 *
 * Creates a new workspace (mode 0600, with the default stages) at @path,
 * which must not exist: a file that is there is never reused nor
 * overwritten. Opens it in a new window.
 *
 * Returns: (transfer none) (nullable): the new window, or %NULL with
 *   @error set
 */
BatonWindow *
baton_application_new_workspace (BatonApplication  *self,
                                 const char        *path,
                                 GError           **error)
{
  g_autoptr(BatonStore) store = NULL;

  g_return_val_if_fail (BATON_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_no_file (path, error))
    return NULL;

  /* baton_store_open () creates the missing file 0600 and seeds it, and
   * removes it again when that fails. */
  store = baton_store_open (path, error);
  if (store == NULL)
    return NULL;

  return present_new_window (self, store);
}

static void
delete_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        g_warning ("Could not remove %s: %s", file, g_strerror (errno));
    }
}

/* The demo lives in its own file in the cache folder and is generated anew
 * each time; the user's database is never touched. */
static void
baton_application_open_demo (BatonApplication *self)
{
  g_autofree char *path = demo_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  BatonDemoSize size;
  BatonWindow *window;

  if ((window = find_window_for_path (self, path)))
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      baton_application_show_open_error (self, path, error);
      return;
    }

  delete_database_files (path);

  store = baton_store_open (path, &error);
  if (store == NULL)
    {
      baton_application_show_open_error (self, path, error);
      return;
    }

  baton_demo_size_init_default (&size);
  if (!baton_demo_generate (store, &size, &error))
    {
      baton_application_show_open_error (self, path, error);
      return;
    }

  present_new_window (self, store);
}

static void
baton_application_open_default (BatonApplication *self)
{
  g_autofree char *path = NULL;
  BatonWindow *window;

  if ((window = find_any_window (self)))
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  path = baton_store_default_path ();
  baton_application_open_path (self, path, TRUE);
}

/* Actions ---------------------------------------------------------------------- */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  BatonApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Close the windows rather than quitting outright, so that each one
   * saves its state in close-request; the application ends with the last. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  BatonApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = baton_preferences_window_new (parent);

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  BatonApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Baton developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Baton"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Baton developers"),
                        "developers", developers,
                        "copyright", _("© The Baton developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/baton-app/baton",
                        "issue-url", "https://github.com/baton-app/baton/issues",
                        "comments", _("Plan training programs for your clients and keep "
                                      "your team’s load in balance: a board of every task, "
                                      "a capacity grid of people and weeks, and your "
                                      "clients with their notes."),
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  BatonApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* Each window carries the shortcuts window as its help overlay. */
  if (BATON_IS_WINDOW (window))
    baton_window_show_shortcuts (BATON_WINDOW (window));
}

/* F1: the help, in Yelp or in a window (baton-help-window.c). */
static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  baton_help_window_open (gtk_application_get_active_window (GTK_APPLICATION (user_data)));
}

/* Open Recent ------------------------------------------------------------------- */

/* "Acme" for ".../Acme.db": the file's display name without extension,
 * with its underscores kept from becoming mnemonics. */
static char *
recent_label (const char *path)
{
  g_autofree char *basename = g_filename_display_basename (path);
  g_auto(GStrv) parts = NULL;
  char *dot = strrchr (basename, '.');

  if (dot != NULL && dot != basename)
    *dot = '\0';

  parts = g_strsplit (basename, "_", -1);
  return g_strjoinv ("__", parts);
}

/* "Team: baton on db.example.com", with its underscores kept from
 * becoming mnemonics. */
static char *
recent_team_label (const char *location)
{
  g_autofree char *description = baton_store_describe_location (location);
  g_auto(GStrv) parts = g_strsplit (description, "_", -1);
  g_autofree char *escaped = g_strjoinv ("__", parts);

  /* Translators: a team workspace in Open Recent; %s is "DATABASE on HOST" */
  return g_strdup_printf (_("Team: %s"), escaped);
}

/* Lists the recent workspaces that exist; the section shows Open Recent
 * only when there is one. */
static void
update_recent_menu (BatonApplication *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-workspaces");
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree gboolean *shared = NULL;

  for (guint i = 0; recent[i] != NULL; i++)
    if (baton_store_is_team_location (recent[i]))
      {
        /* A server is not checked: it is kept until cleared. */
        g_ptr_array_add (paths, recent[i]);
        g_ptr_array_add (labels, recent_team_label (recent[i]));
      }
    else if (g_path_is_absolute (recent[i]) && g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
      {
        g_ptr_array_add (paths, recent[i]);
        g_ptr_array_add (labels, recent_label (recent[i]));
      }

  /* Two files of the same name: each says its folder. */
  shared = g_new0 (gboolean, paths->len + 1);
  for (guint i = 0; i < paths->len; i++)
    for (guint j = i + 1; j < paths->len; j++)
      if (g_str_equal (labels->pdata[i], labels->pdata[j]))
        shared[i] = shared[j] = TRUE;

  for (guint i = 0; i < paths->len; i++)
    {
      if (shared[i] && !baton_store_is_team_location (paths->pdata[i]))
        {
          g_autofree char *dir = g_path_get_dirname (paths->pdata[i]);
          g_autofree char *folder = g_filename_display_basename (dir);
          g_auto(GStrv) parts = g_strsplit (folder, "_", -1);
          g_autofree char *escaped = g_strjoinv ("__", parts);
          /* Translators: a recent workspace's name, then its folder's, when two have the same name */
          char *label = g_strdup_printf (_("%s (%s)"), (char *) labels->pdata[i], escaped);

          g_free (labels->pdata[i]);
          labels->pdata[i] = label;
        }
    }

  g_menu_remove_all (self->recent_files);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (labels->pdata[i], NULL);

      g_menu_item_set_action_and_target_value (item, "app.open-recent",
                                               g_variant_new_string (paths->pdata[i]));
      g_menu_append_item (self->recent_files, item);
    }

  if (paths->len == 0)
    g_menu_remove_all (self->recent_section);
  else if (g_menu_model_get_n_items (G_MENU_MODEL (self->recent_section)) == 0)
    g_menu_append_submenu (self->recent_section, _("Open Recen_t"), G_MENU_MODEL (self->recent_submenu));
}

static void
set_up_recent_menu (BatonApplication *self)
{
  g_autoptr(GMenu) clear = g_menu_new ();

  self->recent_section = g_menu_new ();
  self->recent_submenu = g_menu_new ();
  self->recent_files = g_menu_new ();

  g_menu_append (clear, _("_Clear Recent Workspaces"), "app.clear-recent");
  g_menu_append_section (self->recent_submenu, NULL, G_MENU_MODEL (self->recent_files));
  g_menu_append_section (self->recent_submenu, NULL, G_MENU_MODEL (clear));

  g_signal_connect_object (self->settings, "changed::recent-workspaces",
                           G_CALLBACK (update_recent_menu), self, G_CONNECT_SWAPPED);
  update_recent_menu (self);
}

/**
 * baton_application_get_recent_section:
 *
 * The main menu's Open Recent: a section that holds its submenu when a
 * recent workspace exists, and nothing otherwise. Each window shows it.
 *
 * Returns: (transfer none) (nullable): the section, once the application
 *   has started up
 */
GMenuModel *
baton_application_get_recent_section (BatonApplication *self)
{
  g_return_val_if_fail (BATON_IS_APPLICATION (self), NULL);

  return G_MENU_MODEL (self->recent_section);
}

/**
 * baton_application_update_recent:
 *
 * Lists the recent workspaces again, leaving out files gone since: the
 * main menu calls it as it opens.
 */
void
baton_application_update_recent (BatonApplication *self)
{
  g_return_if_fail (BATON_IS_APPLICATION (self));

  if (self->settings != NULL)
    update_recent_menu (self);
}

static void
open_recent_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  baton_application_open_workspace (user_data, g_variant_get_string (parameter, NULL));
}

static void
clear_recent_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  BatonApplication *self = user_data;

  g_settings_reset (self->settings, "recent-workspaces");
}

static const GActionEntry app_actions[] = {
  { .name = "open-recent", .activate = open_recent_activated, .parameter_type = "s" },
  { .name = "clear-recent", .activate = clear_recent_activated },
  { .name = "quit", .activate = quit_activated },
  { .name = "preferences", .activate = preferences_activated },
  { .name = "about", .activate = about_activated },
  { .name = "shortcuts", .activate = shortcuts_activated },
  { .name = "help", .activate = help_activated },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  /* Not <Control>n: the board's New card has it (baton-window.c). */
  { "win.new-workspace('')", { "<Shift><Control>n", NULL } },
  { "win.open-workspace('')", { "<Control>o", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.shortcuts", { "<Control>question", NULL } },
  { "app.help", { "F1", NULL } },
  { "win.show-view::board", { "<Alt>1", NULL } },
  { "win.show-view::capacity", { "<Alt>2", NULL } },
  { "win.show-view::clients", { "<Alt>3", NULL } },
};

/* Settings that apply to the whole application ---------------------------- */

static void
update_color_scheme (BatonApplication *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  AdwColorScheme scheme;

  switch (g_settings_get_enum (self->settings, "color-scheme"))
    {
    case 1:
      scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
      break;

    case 2:
      scheme = ADW_COLOR_SCHEME_FORCE_DARK;
      break;

    default:
      scheme = ADW_COLOR_SCHEME_DEFAULT;
      break;
    }

  adw_style_manager_set_color_scheme (style_manager, scheme);
}

/* GApplication ------------------------------------------------------------- */

static void
baton_application_startup (GApplication *application)
{
  BatonApplication *self = BATON_APPLICATION (application);

  G_APPLICATION_CLASS (baton_application_parent_class)->startup (application);

  g_set_application_name (_("Baton"));

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (update_color_scheme), self, G_CONNECT_SWAPPED);
  update_color_scheme (self);
  set_up_recent_menu (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);
}

static void
baton_application_activate (GApplication *application)
{
  baton_application_open_default (BATON_APPLICATION (application));
}

static int
baton_application_handle_local_options (GApplication *application,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("baton %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "database") &&
      g_variant_dict_contains (options, "demo"))
    {
      g_printerr ("%s\n", _("--database and --demo cannot be used together"));
      return 1;
    }

  /* --export and --import: here, before the bus and the display. */
  return baton_cli_handle_options (options);
}

static int
baton_application_command_line (GApplication            *application,
                                GApplicationCommandLine *command_line)
{
  BatonApplication *self = BATON_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *database = NULL;
  gboolean demo = FALSE;

  g_variant_dict_lookup (options, "database", "^&ay", &database);
  g_variant_dict_lookup (options, "demo", "b", &demo);

  if (demo)
    {
      baton_application_open_demo (self);
    }
  else if (baton_store_is_team_location (database))
    {
      baton_application_open_team (self, database);
    }
  else if (database != NULL && database[0] != '\0')
    {
      /* Relative to the directory of the instance that was started. */
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, database);
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_application_command_line_printerr (command_line, _("Not a local file: %s\n"), database);
          return 1;
        }

      baton_application_open_database (self, path);
    }
  else
    {
      baton_application_open_default (self);
    }

  return 0;
}

static gboolean
baton_application_dbus_register (GApplication     *application,
                                 GDBusConnection  *connection,
                                 const char       *object_path,
                                 GError          **error)
{
  BatonApplication *self = BATON_APPLICATION (application);
  g_autofree char *path = g_strconcat (object_path, BATON_SEARCH_PROVIDER_PATH_SUFFIX, NULL);

  if (!G_APPLICATION_CLASS (baton_application_parent_class)->dbus_register (application, connection,
                                                                            object_path, error))
    return FALSE;

  self->search_provider = baton_search_provider_new (application);
  return baton_search_provider_register (self->search_provider, connection, path, error);
}

static void
baton_application_dbus_unregister (GApplication    *application,
                                   GDBusConnection *connection,
                                   const char      *object_path)
{
  BatonApplication *self = BATON_APPLICATION (application);

  if (self->search_provider != NULL)
    baton_search_provider_unregister (self->search_provider);
  g_clear_object (&self->search_provider);

  G_APPLICATION_CLASS (baton_application_parent_class)->dbus_unregister (application, connection, object_path);
}

/* GObject -------------------------------------------------------------------- */

static void
baton_application_dispose (GObject *object)
{
  BatonApplication *self = BATON_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->search_provider);
  g_clear_object (&self->recent_section);
  g_clear_object (&self->recent_submenu);
  g_clear_object (&self->recent_files);

  G_OBJECT_CLASS (baton_application_parent_class)->dispose (object);
}

static void
baton_application_class_init (BatonApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = baton_application_dispose;

  app_class->startup = baton_application_startup;
  app_class->activate = baton_application_activate;
  app_class->handle_local_options = baton_application_handle_local_options;
  app_class->command_line = baton_application_command_line;
  app_class->dbus_register = baton_application_dbus_register;
  app_class->dbus_unregister = baton_application_dbus_unregister;
}

static void
baton_application_init (BatonApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  baton_cli_add_options (G_APPLICATION (self));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan training programs and balance your team’s load."));
}

BatonApplication *
baton_application_new (void)
{
  return g_object_new (BATON_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * baton_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings, once it
 *   has started up.
 */
GSettings *
baton_application_get_settings (BatonApplication *self)
{
  g_return_val_if_fail (BATON_IS_APPLICATION (self), NULL);

  return self->settings;
}
