/* baton-store-file.c — the workspace's file: whose it is, opening it, backups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What BatonStore (baton-store.c) does with its file as a file: deciding
 * that a file is Baton's before anything writes to it (any other file is
 * left byte-identical, with no file beside it), opening its database,
 * read-only when the file cannot be written, stamping and upgrading it,
 * saying why it could not be opened in words about the file, and the
 * backups. The two share baton-store-private.h.
 */

#define G_LOG_DOMAIN "baton-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "baton-db.h"
#include "baton-store-private.h"

char *
baton_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "baton", "baton.db", NULL);
}

/* Creates the file, with owner-only permissions, before SQLite sees it.
 * @created tells whether it did (the file was missing). */
static gboolean
ensure_file (const char  *path,
             gboolean    *created,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (created != NULL)
    *created = FALSE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (dir);

      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                   _("Could not create the folder %s: %s"), name, g_strerror (saved));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd >= 0)
    {
      close (fd);
      if (created != NULL)
        *created = TRUE;
    }
  else if (errno != EEXIST)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                   _("Could not create %s: %s"), name, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/* Whether Baton may write the file at @path: the file, and its folder for
 * the -wal and -shm files. Permissions, an immutable file or folder and a
 * read-only medium all say no here. */
static gboolean
file_is_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  return g_access (path, W_OK) == 0 && g_access (dir, W_OK) == 0;
}

static gboolean
is_default_path (const char *path)
{
  g_autofree char *default_path = baton_store_default_path ();
  g_autofree char *a = g_canonicalize_filename (path, NULL);
  g_autofree char *b = g_canonicalize_filename (default_path, NULL);

  return strcmp (a, b) == 0;
}

/* Refuses, with BATON_STORE_ERROR_NOT_BATON, a file that is not Baton's.
 * An empty file or empty database is Baton's only where Baton made it: a
 * file it has just created, or the default workspace (whose creation a
 * crash may have cut short). */
static gboolean
check_is_baton (const char       *path,
                BatonDbFileKind   kind,
                gboolean          ours_if_empty,
                GError          **error)
{
  g_autofree char *name = g_filename_display_name (path);

  switch (kind)
    {
    case BATON_DB_FILE_BATON:
    case BATON_DB_FILE_OLDER_BATON:
      return TRUE;

    case BATON_DB_FILE_EMPTY:
      if (ours_if_empty)
        return TRUE;
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_BATON,
                   _("%s is not a Baton workspace: the file is empty, and Baton did not create it."), name);
      return FALSE;

    case BATON_DB_FILE_EMPTY_DATABASE:
      if (ours_if_empty)
        return TRUE;
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_BATON,
                   _("%s is not a Baton workspace: it is an empty database that Baton did not create."), name);
      return FALSE;

    case BATON_DB_FILE_NOT_DATABASE:
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_BATON,
                   _("%s is not a Baton workspace: it is not a database file."), name);
      return FALSE;

    case BATON_DB_FILE_FOREIGN:
    default:
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_BATON,
                   _("%s is not a Baton workspace: it is a database of another program."), name);
      return FALSE;
    }
}

/* SQLite's quick_check: every page readable and well formed. */
static gboolean
check_pages (BatonDb  *db,
             GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  if (!(stmt = baton_db_prepare (db, "PRAGMA quick_check (1)", error)))
    return FALSE;
  ok = baton_db_step_row (db, stmt, &local_error) &&
       g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!ok)
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CORRUPT,
                           _("The workspace file is damaged."));
      return FALSE;
    }

  return TRUE;
}

/* Says why @path could not be opened in words about the file: the
 * messages of baton-db.c speak of a change that was not saved. */
void
_baton_store_explain_open_error (const char  *path,
                                 GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *message = NULL;
  GError *e;

  if (error == NULL || *error == NULL)
    return;

  e = *error;
  if (e->domain != BATON_STORE_ERROR)
    return;

  switch (e->code)
    {
    case BATON_STORE_ERROR_LOCKED:
      message = g_strdup_printf (_("%s is in use by another program. Close that program or wait until "
                                   "it is done, then try again."), name);
      break;

    case BATON_STORE_ERROR_CORRUPT:
      message = g_strdup_printf (_("%s is damaged and cannot be read."), name);
      break;

    case BATON_STORE_ERROR_DISK_FULL:
      message = g_strdup_printf (_("%s could not be opened: the disk is full. Free some space and try again."),
                                 name);
      break;

    case BATON_STORE_ERROR_READ_ONLY:
      message = g_strdup_printf (_("%s cannot be written."), name);
      break;

    case BATON_STORE_ERROR_NOT_BATON:
    case BATON_STORE_ERROR_NEWER_SCHEMA:
      return;

    default:
      if (strstr (e->message, name) == NULL)
        g_prefix_error (error, _("Could not open %s: "), name);
      return;
    }

  g_debug ("Opening %s: %s", name, e->message);
  g_free (e->message);
  e->message = g_steal_pointer (&message);
}

/* Reads the format of the workspace just opened. A read-only connection
 * cannot read a log that waits without its -shm file: said so. */
static gboolean
read_version (BatonDb     *db,
              const char  *path,
              gint        *version,
              GError     **error)
{
  g_autofree char *wal = NULL;
  g_autofree char *name = NULL;

  if (baton_db_get_user_version (db, version, error))
    return TRUE;

  wal = g_strconcat (path, "-wal", NULL);
  if (!baton_db_is_read_only (db) || strcmp (path, ":memory:") == 0 || !g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      _baton_store_explain_open_error (path, error);
      return FALSE;
    }

  /* The last changes wait in the log, and reading it takes a -shm file
   * that cannot be made here. */
  g_debug ("Opening %s read-only: %s", baton_db_get_display_name (db), (*error)->message);
  g_clear_error (error);
  name = g_filename_display_name (path);
  g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_READ_ONLY,
               _("%s cannot be written, and it cannot be opened read-only either: it was not "
                 "closed properly, and its last changes can only be read where Baton may write. "
                 "Copy it, with the file beside it whose name ends in “-wal”, to a folder you "
                 "can write to, and open the copy."), name);
  return FALSE;
}

/* A workspace whose file cannot be written: nothing may be written, not
 * the upgrade, not the stamp. */
static gboolean
prepare_read_only (BatonDb     *db,
                   const char  *path,
                   gint         version,
                   GError     **error)
{
  g_autofree char *name = g_filename_display_name (path);

  if (version == 0)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_READ_ONLY,
                   _("%s cannot be written, so Baton cannot set up a workspace in it."), name);
      return FALSE;
    }
  if (version < BATON_SCHEMA_VERSION)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_READ_ONLY,
                   _("%s cannot be written, and this version of Baton must upgrade it before "
                     "opening it. It was not changed."), name);
      return FALSE;
    }
  if (!baton_db_exec (db, "PRAGMA foreign_keys = ON", error))
    {
      _baton_store_explain_open_error (path, error);
      return FALSE;
    }

  g_debug ("%s cannot be written: opened read-only", baton_db_get_display_name (db));
  return TRUE;
}

/* Stamps, sets up and upgrades a workspace that can be written. @created
 * is set when it was empty: a new workspace. */
static gboolean
prepare_writable (BatonDb          *db,
                  const char       *path,
                  BatonDbFileKind   kind,
                  gint              version,
                  gboolean         *created,
                  GError          **error)
{
  /* Opening writes to a workspace that lacks the stamp or needs an
   * upgrade: a damaged one is refused before that, as it is. */
  if (version > 0 && (kind != BATON_DB_FILE_BATON || version < BATON_SCHEMA_VERSION) &&
      !check_pages (db, error))
    {
      _baton_store_explain_open_error (path, error);
      return FALSE;
    }

  /* The stamp comes first, even before the switch to WAL: a file cut
   * short after it is still known as Baton's. An older Baton file gets
   * it as it is opened. */
  if (kind != BATON_DB_FILE_BATON &&
      !baton_db_set_application_id (db, BATON_APPLICATION_ID, error))
    {
      _baton_store_explain_open_error (path, error);
      return FALSE;
    }

  /* Debian builds SQLite with secure_delete on, which rewrites every
   * freed page with zeros: a note save would write its old text twice
   * more. FAST keeps the zeroing that costs no extra I/O. */
  if (!baton_db_exec (db, "PRAGMA secure_delete = FAST", error) ||
      !baton_db_exec (db, "PRAGMA foreign_keys = ON", error) ||
      (strcmp (path, ":memory:") != 0 && !baton_db_exec (db, "PRAGMA journal_mode = WAL", error)) ||
      !baton_db_exec (db, "PRAGMA synchronous = NORMAL", error) ||
      !baton_db_migrate (db, BATON_SCHEMA_VERSION, created, error))
    {
      _baton_store_explain_open_error (path, error);
      return FALSE;
    }

  return TRUE;
}

/* Decide that the file is Baton's, then open it: see the header. */
BatonDb *
_baton_store_open_database (const char  *path,
                            gboolean    *created,
                            gboolean    *created_file,
                            GError     **error)
{
  g_autoptr(BatonDb) db = NULL;
  BatonDbFileKind kind = BATON_DB_FILE_EMPTY;
  gboolean writable = TRUE;
  gint version = 0;

  *created = FALSE;
  *created_file = FALSE;

  if (strcmp (path, ":memory:") != 0)
    {
      if (!ensure_file (path, created_file, error))
        return NULL;
      if (!baton_db_inspect (path, &kind, error))
        {
          _baton_store_explain_open_error (path, error);
          return NULL;
        }
      if (!check_is_baton (path, kind, *created_file || is_default_path (path), error))
        return NULL;
      writable = file_is_writable (path);
    }

  if (!(db = baton_db_open (path, writable ? 0 : BATON_DB_OPEN_READ_ONLY, error)))
    {
      _baton_store_explain_open_error (path, error);
      return NULL;
    }

  if (!read_version (db, path, &version, error))
    return NULL;
  if (version > BATON_SCHEMA_VERSION)
    {
      /* baton_db_migrate () refuses it with the message people see. */
      baton_db_migrate (db, BATON_SCHEMA_VERSION, NULL, error);
      return NULL;
    }

  if (baton_db_is_read_only (db) ? !prepare_read_only (db, path, version, error)
                                 : !prepare_writable (db, path, kind, version, created, error))
    return NULL;

  return g_steal_pointer (&db);
}

/* Opens @path to read it, only when it is a Baton workspace. */
static BatonDb *
open_baton_file_for_reading (const char  *path,
                             gint        *version,
                             GError     **error)
{
  g_autoptr(BatonDb) db = NULL;
  BatonDbFileKind kind;

  if (!baton_db_inspect (path, &kind, error))
    {
      _baton_store_explain_open_error (path, error);
      return NULL;
    }

  *version = 0;
  if (kind == BATON_DB_FILE_EMPTY || kind == BATON_DB_FILE_EMPTY_DATABASE)
    return NULL;
  if (!check_is_baton (path, kind, FALSE, error))
    return NULL;

  if (!(db = baton_db_open (path, BATON_DB_OPEN_READ_ONLY, error)) ||
      !baton_db_get_user_version (db, version, error))
    {
      _baton_store_explain_open_error (path, error);
      return NULL;
    }

  return g_steal_pointer (&db);
}

gint
baton_store_peek_version (const char  *path,
                          GError     **error)
{
  g_autoptr(BatonDb) db = NULL;
  g_autoptr(GError) local_error = NULL;
  gint version = 0;

  g_return_val_if_fail (path != NULL, -1);

  db = open_baton_file_for_reading (path, &version, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }

  return version;
}

static gboolean
backup_between (sqlite3     *source,
                sqlite3     *dest,
                GError     **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (dest, "main", source, "main");
  int rc;

  if (backup == NULL)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_SQL,
                   _("Could not start the backup: %s"), sqlite3_errmsg (dest));
      return FALSE;
    }

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_SQL,
                   _("The backup failed: %s"), sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

static gboolean
backup_file (sqlite3     *source,
             const char  *dest_path,
             GError     **error)
{
  g_autoptr(BatonDb) dest = NULL;
  g_autofree char *tmp_path = g_strconcat (dest_path, ".part", NULL);

  g_unlink (tmp_path);
  if (!ensure_file (tmp_path, NULL, error))
    return FALSE;
  if (!(dest = baton_db_open (tmp_path, 0, error)))
    return FALSE;
  if (!backup_between (source, baton_db_get_handle (dest), error))
    {
      g_clear_pointer (&dest, baton_db_close);
      g_unlink (tmp_path);
      return FALSE;
    }
  /* A backup is written with full durability before it replaces the old one. */
  baton_db_exec (dest, "PRAGMA journal_mode = DELETE", NULL);
  g_clear_pointer (&dest, baton_db_close);

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (dest_path);

      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                   _("Could not write %s: %s"), name, g_strerror (saved));
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

gboolean
baton_store_backup (BatonStore  *self,
                    const char  *dest_path,
                    GError     **error)
{
  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (_baton_store_get_db (self) == NULL)
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                           _("A team workspace is kept on its server: export it to keep a copy."));
      return FALSE;
    }

  return backup_file (baton_db_get_handle (_baton_store_get_db (self)), dest_path, error);
}

static char *
backup_path (const char *path,
             guint       n)
{
  return g_strdup_printf ("%s.backup-%u", path, n);
}

/* When the workspace at @path was last written: the later of its file's
 * and its write-ahead log's modification times (a log with nothing in it
 * does not count), or FALSE when the file is missing. */
static gboolean
last_written (const char      *path,
              struct timespec *when)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat buf;

  if (stat (path, &buf) != 0)
    return FALSE;
  *when = buf.st_mtim;

  if (stat (wal, &buf) == 0 && buf.st_size > 0 &&
      (buf.st_mtim.tv_sec > when->tv_sec ||
       (buf.st_mtim.tv_sec == when->tv_sec && buf.st_mtim.tv_nsec > when->tv_nsec)))
    *when = buf.st_mtim;

  return TRUE;
}

gboolean
baton_store_backup_is_due (const char *path)
{
  g_autofree char *newest = NULL;
  struct timespec written;
  struct stat buf;

  g_return_val_if_fail (path != NULL, FALSE);

  if (strcmp (path, ":memory:") == 0 || !last_written (path, &written))
    return FALSE;

  /* The newest backup carries, as its modification time, when the file
   * had last been written as the backup was taken. */
  newest = backup_path (path, 1);
  if (stat (newest, &buf) != 0)
    return TRUE;

  return written.tv_sec > buf.st_mtim.tv_sec ||
         (written.tv_sec == buf.st_mtim.tv_sec && written.tv_nsec > buf.st_mtim.tv_nsec);
}

gboolean
baton_store_rotate_backups (const char  *path,
                            guint        keep,
                            GError     **error)
{
  g_autoptr(BatonDb) source = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *newest = NULL;
  g_autofree char *fresh = NULL;
  struct timespec written;
  gint version = 0;

  g_return_val_if_fail (path != NULL, FALSE);

  if (keep == 0 || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  /* Read before the copy: a change written while it is taken makes the
   * next backup due (baton_store_backup_is_due ()). */
  if (!last_written (path, &written))
    return TRUE;

  /* Only a readable Baton workspace is worth a backup: another program's
   * file is not even read, and a damaged file never pushes a good backup
   * out of the rotation. */
  source = open_baton_file_for_reading (path, &version, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (source == NULL || version == 0)
    return TRUE;

  /* The backup API copies pages as they are, damaged or not: check them
   * first (about 10 ms for 10,000 tasks). */
  if (!check_pages (source, error))
    {
      _baton_store_explain_open_error (path, error);
      return FALSE;
    }

  /* The new copy is complete before the old ones move. */
  fresh = g_strconcat (path, ".backup-new", NULL);
  if (!backup_file (baton_db_get_handle (source), fresh, error))
    return FALSE;
  {
    struct timespec times[2] = { { .tv_nsec = UTIME_OMIT }, written };

    if (utimensat (AT_FDCWD, fresh, times, 0) != 0)
      g_debug ("Could not date the backup %s: %s", fresh, g_strerror (errno));
  }

  {
    g_autofree char *oldest = backup_path (path, keep);
    g_unlink (oldest);
  }
  for (guint n = keep; n > 1; n--)
    {
      g_autofree char *from = backup_path (path, n - 1);
      g_autofree char *to = backup_path (path, n);

      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_rename (from, to);
    }

  newest = backup_path (path, 1);
  if (g_rename (fresh, newest) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (newest);

      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                   _("Could not write %s: %s"), name, g_strerror (saved));
      g_unlink (fresh);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char  *path;
  guint  keep;
} RotateData;

static void
rotate_data_free (RotateData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
rotate_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  RotateData *data = task_data;
  GError *error = NULL;

  if (baton_store_rotate_backups (data->path, data->keep, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
baton_store_rotate_backups_async (const char          *path,
                                  guint                keep,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RotateData *data;

  g_return_if_fail (path != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  data = g_new0 (RotateData, 1);
  data->path = g_strdup (path);
  data->keep = keep;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, baton_store_rotate_backups_async);
  g_task_set_task_data (task, data, (GDestroyNotify) rotate_data_free);
  g_task_run_in_thread (task, rotate_in_thread);
}

gboolean
baton_store_rotate_backups_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == baton_store_rotate_backups_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
baton_store_latest_backup (const char *path)
{
  g_autofree char *newest = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  newest = backup_path (path, 1);
  if (g_file_test (newest, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&newest);

  return NULL;
}

gboolean
baton_store_peek_counts (const char  *path,
                         guint       *n_tasks,
                         guint       *n_people,
                         GError     **error)
{
  g_autoptr(BatonDb) db = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gint version = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (n_tasks != NULL && n_people != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *n_tasks = *n_people = 0;

  db = open_baton_file_for_reading (path, &version, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (db == NULL || version == 0)
    return TRUE;

  stmt = baton_db_prepare (db, "SELECT (SELECT count(*) FROM tasks), (SELECT count(*) FROM people)", error);
  if (stmt == NULL)
    return FALSE;
  if (!baton_db_step_row (db, stmt, &local_error))
    {
      /* An aggregate always returns a row: no row is an error. */
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_SQL, "SELECT count(*) returned no row");
      return FALSE;
    }

  *n_tasks = (guint) sqlite3_column_int64 (stmt, 0);
  *n_people = (guint) sqlite3_column_int64 (stmt, 1);
  sqlite3_reset (stmt);

  return TRUE;
}
