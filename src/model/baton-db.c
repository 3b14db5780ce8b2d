/* baton-db.c — a thin wrapper over one sqlite3 connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-db"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "baton-db.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

struct _BatonDb
{
  sqlite3    *handle;
  char       *path;
  char       *display_name; /* the path as UTF-8, for messages */
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  guint       depth;        /* open transactions and savepoints */
  int         has_fts5;     /* -1 unknown */
  gboolean    read_only;
};

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

/* Errors ------------------------------------------------------------------ */

/* @writing: the statement that failed was to change the workspace, so the
 * message says the change was not saved. */
static GError *
error_from_code (int         code,
                 int         system_errno,
                 const char *message,
                 const char *what,
                 gboolean    writing)
{
  BatonStoreError kind;
  const char *text;

  /* What a person can act on, from SQLite's code. */
  switch (code & 0xff)
    {
    case SQLITE_BUSY:
      kind = BATON_STORE_ERROR_LOCKED;
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      kind = BATON_STORE_ERROR_READ_ONLY;
      break;

    case SQLITE_FULL:
      kind = BATON_STORE_ERROR_DISK_FULL;
      break;

    case SQLITE_IOERR:
      /* SQLite reports some refusals of the system as input/output errors;
       * any other is the disk's own (BATON_STORE_ERROR_SQL, said below). */
      if (system_errno == ENOSPC || system_errno == EDQUOT)
        kind = BATON_STORE_ERROR_DISK_FULL;
      else if (system_errno == EROFS || system_errno == EACCES || system_errno == EPERM)
        kind = BATON_STORE_ERROR_READ_ONLY;
      else
        kind = BATON_STORE_ERROR_SQL;
      break;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      kind = BATON_STORE_ERROR_CORRUPT;
      break;

    case SQLITE_CANTOPEN:
      kind = BATON_STORE_ERROR_OPEN;
      break;

    default:
      /* A fault of Baton rather than of the file or the disk: keep what
       * SQLite said for the bug report. */
      if (what != NULL)
        return g_error_new (BATON_STORE_ERROR, BATON_STORE_ERROR_SQL, "%s: %s", what, message);
      return g_error_new_literal (BATON_STORE_ERROR, BATON_STORE_ERROR_SQL, message);
    }

  /* SQLite's own words go to the debug log; people get a sentence. */
  g_debug ("SQLite: %s (code %d, errno %d)%s%s", message, code, system_errno,
           what != NULL ? " in " : "", what != NULL ? what : "");

  switch (kind)
    {
    case BATON_STORE_ERROR_LOCKED:
      text = writing ? _("The workspace is in use by another program; the change was not saved. "
                         "Try again in a moment.")
                     : _("The workspace is in use by another program.");
      break;

    case BATON_STORE_ERROR_READ_ONLY:
      text = writing ? _("The workspace file cannot be written; the change was not saved.")
                     : _("The workspace file cannot be written.");
      break;

    case BATON_STORE_ERROR_DISK_FULL:
      text = writing ? _("The disk is full; the change was not saved. Free some space and try again.")
                     : _("The disk is full.");
      break;

    case BATON_STORE_ERROR_CORRUPT:
      text = writing ? _("The workspace file is damaged; the change was not saved.")
                     : _("The workspace file is damaged.");
      break;

    case BATON_STORE_ERROR_OPEN:
      if (writing)
        text = _("The workspace file could not be opened for writing; the change was not saved.");
      else if (system_errno != 0)
        /* Translators: %s is the system's reason, such as “Permission denied” */
        return g_error_new (BATON_STORE_ERROR, kind, _("The file could not be opened: %s."),
                            g_strerror (system_errno));
      else
        text = _("The file could not be opened.");
      break;

    default:
      text = writing ? _("The disk reported an error; the change was not saved.")
                     : _("The disk reported an error while reading the workspace.");
      break;
    }

  return g_error_new_literal (BATON_STORE_ERROR, kind, text);
}

static void
set_error (BatonDb     *self,
           GError     **error,
           const char  *what,
           gboolean     writing)
{
  if (error == NULL)
    return;

  g_propagate_error (error, error_from_code (sqlite3_extended_errcode (self->handle),
                                             sqlite3_system_errno (self->handle),
                                             sqlite3_errmsg (self->handle), what, writing));
}

void
baton_db_set_error (BatonDb     *self,
                    GError     **error,
                    const char  *what)
{
  g_return_if_fail (self != NULL);

  set_error (self, error, what, FALSE);
}

/* Opening ------------------------------------------------------------------ */

static char *
sibling_path (const char *path,
              const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

/* A writer has @path open, or crashed: its -wal and -shm files exist. */
static gboolean
log_exists (const char *path)
{
  g_autofree char *wal = sibling_path (path, "-wal");
  g_autofree char *shm = sibling_path (path, "-shm");

  return g_file_test (wal, G_FILE_TEST_EXISTS) && g_file_test (shm, G_FILE_TEST_EXISTS);
}

/* A read-only URI for @path. A read-only connection to a WAL database
 * creates the -wal and -shm files when they are missing, and keeps them.
 * Without a -wal file nothing is in the log and the file alone is the
 * database, so it is read as immutable: no lock, no file beside it. With
 * one (a writer has it open, or crashed) the log is read with the usual
 * locks; SQLite then makes a -shm file if there is none. */
static char *
read_only_uri (const char  *path,
               gboolean     immutable,
               GError     **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *wal = sibling_path (absolute, "-wal");
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, error);

  if (uri == NULL)
    return NULL;
  if (immutable || !g_file_test (wal, G_FILE_TEST_EXISTS))
    return g_strconcat (uri, "?immutable=1", NULL);

  return g_strconcat (uri, "?mode=ro", NULL);
}

BatonDb *
baton_db_open (const char        *path,
               BatonDbOpenFlags   flags,
               GError           **error)
{
  g_autoptr(BatonDb) self = NULL;
  g_autofree char *uri = NULL;
  int sqlite_flags = SQLITE_OPEN_NOMUTEX;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  if (flags & (BATON_DB_OPEN_READ_ONLY | BATON_DB_OPEN_IMMUTABLE))
    {
      sqlite_flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
      if (strcmp (path, ":memory:") != 0 &&
          !(uri = read_only_uri (path, (flags & BATON_DB_OPEN_IMMUTABLE) != 0, error)))
        return NULL;
    }
  else
    sqlite_flags |= SQLITE_OPEN_READWRITE;
  if (flags & BATON_DB_OPEN_CREATE)
    sqlite_flags |= SQLITE_OPEN_CREATE;

  self = g_new0 (BatonDb, 1);
  self->path = g_strdup (path);
  self->display_name = g_filename_display_name (path);
  self->has_fts5 = -1;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);

  rc = sqlite3_open_v2 (uri != NULL ? uri : path, &self->handle, sqlite_flags, NULL);
  if (rc != SQLITE_OK)
    {
      const char *message = self->handle != NULL ? sqlite3_errmsg (self->handle) : sqlite3_errstr (rc);
      int system_errno = self->handle != NULL ? sqlite3_system_errno (self->handle) : 0;

      g_propagate_error (error, error_from_code (rc, system_errno, message, NULL, FALSE));
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, TRUE);
  sqlite3_busy_timeout (self->handle, BATON_DB_OPEN_BUSY_TIMEOUT_MS);
  if (flags & (BATON_DB_OPEN_READ_ONLY | BATON_DB_OPEN_IMMUTABLE))
    {
      /* Only the last connection of a writer may fold the log back into
       * the file; a reader never does. */
      sqlite3_db_config (self->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
      self->read_only = TRUE;
    }
  else
    {
      /* SQLite opens a file it may not write read-only, silently. */
      self->read_only = sqlite3_db_readonly (self->handle, "main") == 1;
    }

  return g_steal_pointer (&self);
}

/* Telling Baton's files from others ----------------------------------------- */

static const char sqlite_magic[16] = "SQLite format 3";   /* with its NUL */

static guint32
read_be32 (const guchar *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) | ((guint32) bytes[2] << 8) | bytes[3];
}

/* Reads the first 100 bytes (SQLite's file header) without SQLite. */
static gboolean
read_header (const char  *path,
             guchar       header[100],
             gsize       *n_read,
             GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gsize total = 0;

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                   _("The file could not be read: %s."), g_strerror (saved));
      return FALSE;
    }

  while (total < 100)
    {
      gssize n = read (fd, header + total, 100 - total);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                       _("The file could not be read: %s."), g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      total += n;
    }

  close (fd);
  *n_read = total;
  return TRUE;
}

/* The names of the columns of @table, in order, one per line. */
static gboolean
describe_columns (BatonDb     *db,
                  const char  *table,
                  GString     *out,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = baton_db_prepare (db, "SELECT name FROM pragma_table_info (?) ORDER BY cid", error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_TRANSIENT);
  while (baton_db_step_row (db, stmt, error))
    g_string_append_printf (out, "%s\n", (const char *) sqlite3_column_text (stmt, 0));

  return error == NULL || *error == NULL;
}

/* Tables other than SQLite's own, by name. */
static GPtrArray *
list_tables (BatonDb  *db,
             GError  **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  if (!(stmt = baton_db_prepare (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                     "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", error)))
    return NULL;
  while (baton_db_step_row (db, stmt, &local_error))
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&names);
}

/* Does @db hold exactly the tables and columns of Baton format @version?
 * The notes search index (notes_fts and its shadow tables) is optional:
 * it depends on the SQLite that wrote the file. */
static gboolean
has_baton_schema (BatonDb   *db,
                  gint       version,
                  gboolean  *matches,
                  GError   **error)
{
  g_autoptr(BatonDb) reference = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) actual = NULL;

  *matches = FALSE;

  /* The schema of that format, as the migration steps build it. */
  if (!(reference = baton_db_open (":memory:", 0, error)))
    return FALSE;
  for (gint step = 1; step <= version; step++)
    if (!baton_db_exec (reference, baton_db_migration_sql (step), error))
      return FALSE;

  if (!(expected = list_tables (reference, error)) || !(actual = list_tables (db, error)))
    return FALSE;

  for (guint i = 0; i < actual->len; i++)
    {
      const char *name = g_ptr_array_index (actual, i);

      if (!g_ptr_array_find_with_equal_func (expected, name, g_str_equal, NULL) &&
          strcmp (name, "notes_fts") != 0 && !g_str_has_prefix (name, "notes_fts_"))
        {
          g_debug ("%s: table %s is not Baton's", baton_db_get_display_name (db), name);
          return TRUE;
        }
    }

  for (guint i = 0; i < expected->len; i++)
    {
      const char *name = g_ptr_array_index (expected, i);
      g_autoptr(GString) want = g_string_new (NULL);
      g_autoptr(GString) have = g_string_new (NULL);

      if (!describe_columns (reference, name, want, error) || !describe_columns (db, name, have, error))
        return FALSE;
      if (strcmp (want->str, have->str) != 0)
        {
          g_debug ("%s: table %s differs from Baton's format %d", baton_db_get_display_name (db), name, version);
          return TRUE;
        }
    }

  *matches = TRUE;
  return TRUE;
}

/* Opens @path with @flags and reads what tells whose it is: its
 * application id, its format and its tables. Returns the connection, for
 * a closer look at the tables. */
static BatonDb *
open_and_describe (const char        *path,
                   BatonDbOpenFlags   flags,
                   guint32           *application_id,
                   gint              *version,
                   GPtrArray        **tables,
                   GError           **error)
{
  g_autoptr(BatonDb) db = NULL;

  if (!(db = baton_db_open (path, flags, error)) ||
      !baton_db_get_application_id (db, application_id, error) ||
      !baton_db_get_user_version (db, version, error) ||
      !(*tables = list_tables (db, error)))
    return NULL;

  return g_steal_pointer (&db);
}

/* An SQLite file whose header carries no application id: what is in it
 * tells whose it is. */
static gboolean
inspect_contents (const char       *path,
                  BatonDbFileKind  *kind,
                  GError          **error)
{
  g_autoptr(BatonDb) db = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  guint32 application_id = 0;
  gint version = 0;
  gboolean matches = FALSE;

  /* The file alone, which takes no lock and touches no -shm file of
   * another program. */
  if (!(db = open_and_describe (path, BATON_DB_OPEN_IMMUTABLE, &application_id, &version, &tables, error)))
    return FALSE;

  /* Nothing in the file itself, but a log beside it: an older Baton that
   * crashed right after creating its workspace left it all in the log.
   * Only then is the log read, with the usual locks (and only when its
   * -shm file exists, so that none is made). */
  if (application_id == 0 && tables->len == 0 && log_exists (path))
    {
      g_clear_pointer (&db, baton_db_close);
      g_clear_pointer (&tables, g_ptr_array_unref);
      if (!(db = open_and_describe (path, BATON_DB_OPEN_READ_ONLY, &application_id, &version, &tables, error)))
        return FALSE;
    }

  if (application_id == BATON_APPLICATION_ID)
    *kind = BATON_DB_FILE_BATON;
  else if (application_id != 0)
    *kind = BATON_DB_FILE_FOREIGN;
  else if (tables->len == 0)
    *kind = version == 0 ? BATON_DB_FILE_EMPTY_DATABASE : BATON_DB_FILE_FOREIGN;
  else if (version < 1 || version > BATON_DB_LAST_UNSTAMPED_VERSION)
    *kind = BATON_DB_FILE_FOREIGN;
  else if (!has_baton_schema (db, version, &matches, error))
    return FALSE;
  else
    *kind = matches ? BATON_DB_FILE_OLDER_BATON : BATON_DB_FILE_FOREIGN;

  g_debug ("%s: application id %#x, format %d, %u tables: kind %d",
           baton_db_get_display_name (db), application_id, version, tables->len, *kind);

  return TRUE;
}

gboolean
baton_db_inspect (const char       *path,
                  BatonDbFileKind  *kind,
                  GError          **error)
{
  guchar header[100] = { 0 };
  gsize length = 0;
  guint32 application_id;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  if (!read_header (path, header, &length, error))
    return FALSE;

  if (length == 0)
    {
      *kind = BATON_DB_FILE_EMPTY;
      return TRUE;
    }
  if (length < sizeof sqlite_magic || memcmp (header, sqlite_magic, sizeof sqlite_magic) != 0)
    {
      *kind = BATON_DB_FILE_NOT_DATABASE;
      return TRUE;
    }
  if (length < sizeof header)
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CORRUPT,
                           _("The workspace file is damaged."));
      return FALSE;
    }

  /* The header says it, unless the newest page 1 still waits in the log. */
  application_id = read_be32 (header + 68);
  if (application_id == BATON_APPLICATION_ID)
    {
      *kind = BATON_DB_FILE_BATON;
      return TRUE;
    }
  if (application_id != 0)
    {
      *kind = BATON_DB_FILE_FOREIGN;
      return TRUE;
    }

  return inspect_contents (path, kind, error);
}

void
baton_db_close (BatonDb *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);
  g_free (self->display_name);
  g_free (self);
}

sqlite3 *
baton_db_get_handle (BatonDb *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->handle;
}

const char *
baton_db_get_path (BatonDb *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

/* Whether the table @name exists: *@exists. */
gboolean
baton_db_table_exists (BatonDb     *db,
                       const char  *name,
                       gboolean    *exists,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GError) local_error = NULL;

  stmt = baton_db_prepare (db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  *exists = baton_db_step_row (db, stmt, &local_error);
  sqlite3_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* The path in UTF-8, for messages and the log: a file name need not be
 * valid UTF-8, and test output must be. */
const char *
baton_db_get_display_name (BatonDb *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

gboolean
baton_db_is_read_only (BatonDb *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->read_only;
}

gboolean
baton_db_check_writable (BatonDb  *self,
                         GError  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!self->read_only)
    return TRUE;

  g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_READ_ONLY,
                       _("The workspace file cannot be written; the change was not saved."));
  return FALSE;
}

void
baton_db_set_busy_timeout (BatonDb *self,
                           guint    milliseconds)
{
  g_return_if_fail (self != NULL);

  sqlite3_busy_timeout (self->handle, (int) MIN (milliseconds, G_MAXINT));
}

gboolean
baton_db_exec (BatonDb     *self,
               const char  *sql,
               GError     **error)
{
  char *message = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  rc = sqlite3_exec (self->handle, sql, NULL, NULL, &message);
  if (rc != SQLITE_OK)
    {
      /* Transactions, PRAGMAs that set and DDL: all of them write. */
      g_propagate_error (error, error_from_code (sqlite3_extended_errcode (self->handle),
                                                 sqlite3_system_errno (self->handle),
                                                 message != NULL ? message : sqlite3_errstr (rc),
                                                 NULL, TRUE));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
baton_db_prepare (BatonDb     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      baton_db_set_error (self, error, NULL);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
baton_db_step_done (BatonDb       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_error (self, error, NULL, !sqlite3_stmt_readonly (stmt));
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
baton_db_step_row (BatonDb       *self,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (stmt != NULL, FALSE);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc != SQLITE_DONE)
    set_error (self, error, NULL, !sqlite3_stmt_readonly (stmt));

  sqlite3_reset (stmt);
  return FALSE;
}

/* Reads the integer of PRAGMA @pragma. Not cached: the value must be read
 * afresh, and a damaged file fails here. */
static gboolean
get_pragma_int (BatonDb     *self,
                const char  *pragma,
                gint64      *value,
                GError     **error)
{
  sqlite3_stmt *stmt;

  if (sqlite3_prepare_v2 (self->handle, pragma, -1, &stmt, NULL) != SQLITE_OK)
    {
      baton_db_set_error (self, error, NULL);
      return FALSE;
    }

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      baton_db_set_error (self, error, NULL);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return TRUE;
}

/* PRAGMA takes no bound parameters; @value is a number of ours. */
static gboolean
set_pragma_int (BatonDb     *self,
                const char  *pragma,
                gint64       value,
                GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s = %" G_GINT64_FORMAT, pragma, value);

  return baton_db_exec (self, sql, error);
}

gboolean
baton_db_get_user_version (BatonDb  *self,
                           gint     *version,
                           GError  **error)
{
  gint64 value;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (version != NULL, FALSE);

  if (!get_pragma_int (self, "PRAGMA user_version", &value, error))
    return FALSE;

  *version = (gint) value;
  return TRUE;
}

gboolean
baton_db_set_user_version (BatonDb  *self,
                           gint      version,
                           GError  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (version >= 0, FALSE);

  return set_pragma_int (self, "user_version", version, error);
}

gboolean
baton_db_get_application_id (BatonDb  *self,
                             guint32  *application_id,
                             GError  **error)
{
  gint64 value;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (application_id != NULL, FALSE);

  if (!get_pragma_int (self, "PRAGMA application_id", &value, error))
    return FALSE;

  /* SQLite gives the 32 bits as a signed integer. */
  *application_id = (guint32) value;
  return TRUE;
}

gboolean
baton_db_set_application_id (BatonDb  *self,
                             guint32   application_id,
                             GError  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return set_pragma_int (self, "application_id", (gint32) application_id, error);
}

gint64
baton_db_last_insert_rowid (BatonDb *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return sqlite3_last_insert_rowid (self->handle);
}

gboolean
baton_db_has_fts5 (BatonDb *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->has_fts5 < 0)
    self->has_fts5 = sqlite3_compileoption_used ("ENABLE_FTS5") ? 1 : 0;

  return self->has_fts5 == 1;
}

gboolean
baton_db_begin (BatonDb  *self,
                GError  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  /* Every change starts here: a workspace that cannot be written refuses
   * it before SQLite is asked. */
  if (!baton_db_check_writable (self, error))
    return FALSE;

  if (!baton_db_exec (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT baton_nested", error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
baton_db_commit (BatonDb  *self,
                 GError  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!baton_db_exec (self, self->depth == 1 ? "COMMIT" : "RELEASE SAVEPOINT baton_nested", error))
    {
      baton_db_rollback (self);
      return FALSE;
    }

  self->depth--;
  return TRUE;
}

void
baton_db_rollback (BatonDb *self)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    {
      /* A failed COMMIT may already have ended the transaction. */
      if (!sqlite3_get_autocommit (self->handle))
        baton_db_exec (self, "ROLLBACK", NULL);
    }
  else
    {
      baton_db_exec (self, "ROLLBACK TO SAVEPOINT baton_nested", NULL);
      baton_db_exec (self, "RELEASE SAVEPOINT baton_nested", NULL);
    }

  self->depth--;
}

guint
baton_db_get_depth (BatonDb *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->depth;
}
