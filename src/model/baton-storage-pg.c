/* baton-storage-pg.c — the PostgreSQL engine of team workspaces
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rows as the store sees them, on a PostgreSQL server that several
 * coordinators share (the schema is src/model/pg/schema.sql, compiled in).
 *
 * Every row has a version the server bumps on each UPDATE. The engine
 * knows the version of every row it read or wrote, and makes each update
 * and delete conditional on it: a row someone else changed since is never
 * overwritten. The store's transaction then fails with
 * BATON_STORE_ERROR_CONFLICT, naming who changed what, and nothing of it
 * commits; the feed brings the row as the server has it.
 *
 * The feed: triggers write each change to change_log and notify
 * baton_changes. The engine watches its socket from the main loop, reads
 * the log from the last sequence it saw (notifications are not replayed,
 * so the log is read again after every reconnect), skips the rows its own
 * connection wrote (baton.client), and tells the store which tables
 * changed.
 *
 * Statements run synchronously, each a round trip on the connection: on a
 * team's server a write takes about a millisecond, as long as a file's.
 * Table and column names come from the schemas, never from user text;
 * values are always parameters.
 */

#define G_LOG_DOMAIN "baton-store"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <string.h>

#include "baton-pg-schema.h"
#include "baton-storage-pg.h"
#include "baton-store-private.h"

#define RECONNECT_MIN_MS 1000
#define RECONNECT_MAX_MS 30000

typedef struct
{
  char *select_sql;
  char *select_ids_sql;
  char *insert_sql;       /* new id from the sequence */
  char *insert_id_sql;    /* given id */
  char *delete_sql;
  char *delete_all_sql;
  char *version_sql;
  char *setval_sql;       /* moves the table's sequence past a given id */
} TableSql;

/* A version the open transaction changed, to put back if it rolls back. */
typedef struct
{
  const BatonRecordSchema *schema;
  gint64                   id;
  gint64                   old_version;   /* 0: none */
} Journal;

typedef struct
{
  BatonStorage  parent;

  char         *location;
  char         *password;
  PGconn       *conn;
  char         *client_id;
  char         *author;
  gboolean      viewer;
  gboolean      online;
  gboolean      in_snapshot;

  guint         depth;
  GArray       *journal;          /* Journal, this transaction's */
  GArray       *savepoints;       /* guint: journal length at each level */
  gboolean      references_deferred;

  GHashTable   *sql;              /* schema → TableSql* */
  GHashTable   *versions;         /* schema → (id → version) */
  gint64        last_seq;

  BatonStoragePgEventFunc event_func;
  BatonStoragePgRowsFunc  rows_func;
  gpointer      event_data;
  GMainContext *context;
  GSource      *watch;
  GSource      *idle;
  GSource      *reconnect;
  guint         reconnect_ms;
  gboolean      needs_reload;     /* opened offline, or the log was cut */
} PgStorage;

static void go_offline   (PgStorage *self);
static void watch_socket (PgStorage *self);

gboolean
baton_storage_is_pg (BatonStorage *storage);

/* Tables ----------------------------------------------------------------- */

static void
table_sql_free (gpointer data)
{
  TableSql *sql = data;

  g_free (sql->select_sql);
  g_free (sql->select_ids_sql);
  g_free (sql->insert_sql);
  g_free (sql->insert_id_sql);
  g_free (sql->delete_sql);
  g_free (sql->delete_all_sql);
  g_free (sql->version_sql);
  g_free (sql->setval_sql);
  g_free (sql);
}

static const TableSql *
sql_for (PgStorage               *self,
         const BatonRecordSchema *schema)
{
  TableSql *sql = g_hash_table_lookup (self->sql, schema);
  g_autoptr(GString) columns = NULL;
  g_autoptr(GString) params = NULL;
  g_autoptr(GString) id_params = NULL;

  if (sql != NULL)
    return sql;

  columns = g_string_new (NULL);
  params = g_string_new (NULL);
  id_params = g_string_new ("$1");
  for (guint i = 0; i < schema->n_fields; i++)
    {
      g_string_append_printf (columns, "%s%s", i > 0 ? ", " : "", schema->fields[i].column);
      g_string_append_printf (params, "%s$%u", i > 0 ? ", " : "", i + 1);
      g_string_append_printf (id_params, ", $%u", i + 2);
    }

  sql = g_new0 (TableSql, 1);
  sql->select_sql = g_strdup_printf ("SELECT id, version, %s FROM %s ORDER BY id", columns->str, schema->table);
  sql->select_ids_sql = g_strdup_printf ("SELECT id, version, %s FROM %s WHERE id = ANY ($1::bigint[]) ORDER BY id",
                                         columns->str, schema->table);
  sql->insert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s) RETURNING id, version",
                                     schema->table, columns->str, params->str);
  sql->insert_id_sql = g_strdup_printf ("INSERT INTO %s (id, %s) VALUES (%s) RETURNING id, version",
                                        schema->table, columns->str, id_params->str);
  sql->delete_sql = g_strdup_printf ("DELETE FROM %s WHERE id = $1 AND version = $2", schema->table);
  sql->delete_all_sql = g_strdup_printf ("DELETE FROM %s", schema->table);
  sql->version_sql = g_strdup_printf ("SELECT version FROM %s WHERE id = $1", schema->table);
  sql->setval_sql = g_strdup_printf ("SELECT setval ('%s_id_seq', $1) FROM %s_id_seq WHERE last_value < $1 OR NOT is_called",
                                     schema->table, schema->table);
  g_hash_table_insert (self->sql, (gpointer) schema, sql);

  return sql;
}

static GHashTable *
versions_for (PgStorage               *self,
              const BatonRecordSchema *schema)
{
  GHashTable *versions = g_hash_table_lookup (self->versions, schema);

  if (versions == NULL)
    {
      versions = g_hash_table_new (g_direct_hash, g_direct_equal);
      g_hash_table_insert (self->versions, (gpointer) schema, versions);
    }

  return versions;
}

static gint64
get_version (PgStorage               *self,
             const BatonRecordSchema *schema,
             gint64                   id)
{
  return (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (versions_for (self, schema),
                                                         GSIZE_TO_POINTER ((gsize) id)));
}

/* Remembers @version (0: the row is gone), journaled in a transaction. */
static void
set_version (PgStorage               *self,
             const BatonRecordSchema *schema,
             gint64                   id,
             gint64                   version)
{
  GHashTable *versions = versions_for (self, schema);

  if (self->depth > 0)
    {
      Journal entry = { schema, id, get_version (self, schema, id) };
      g_array_append_val (self->journal, entry);
    }

  if (version > 0)
    g_hash_table_insert (versions, GSIZE_TO_POINTER ((gsize) id), GSIZE_TO_POINTER ((gsize) version));
  else
    g_hash_table_remove (versions, GSIZE_TO_POINTER ((gsize) id));
}

static void
journal_revert (PgStorage *self,
                guint      length)
{
  while (self->journal->len > length)
    {
      Journal *entry = &g_array_index (self->journal, Journal, self->journal->len - 1);
      GHashTable *versions = versions_for (self, entry->schema);

      if (entry->old_version > 0)
        g_hash_table_insert (versions, GSIZE_TO_POINTER ((gsize) entry->id),
                             GSIZE_TO_POINTER ((gsize) entry->old_version));
      else
        g_hash_table_remove (versions, GSIZE_TO_POINTER ((gsize) entry->id));
      g_array_set_size (self->journal, self->journal->len - 1);
    }
}

/* Values ----------------------------------------------------------------- */

/* @value as a text parameter (NULL for SQL NULL), kept in @keep. */
static const char *
param_for (const BatonField *field,
           const GValue     *value,
           GPtrArray        *keep)
{
  char *text;

  if (G_VALUE_HOLDS_STRING (value))
    return g_value_get_string (value);
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_value_get_boolean (value) ? "t" : "f";
  if (field->kind == BATON_FIELD_REF && g_value_get_int64 (value) == 0)
    return NULL;

  text = g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
  g_ptr_array_add (keep, text);

  return text;
}

static gint64
int_value (PGresult *result,
           int       row,
           int       column)
{
  if (PQgetisnull (result, row, column))
    return 0;

  return g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

/* Errors ----------------------------------------------------------------- */

static gboolean
connection_lost (PgStorage *self)
{
  return self->conn == NULL || PQstatus (self->conn) != CONNECTION_OK;
}

static void
set_unreachable (GError **error)
{
  g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_UNREACHABLE,
                       _("The team server cannot be reached. Changes cannot be made until Baton "
                         "reconnects; nothing is kept offline."));
}

/* @result's error (or the connection's) as a store error. */
static void
set_error_from_result (PgStorage  *self,
                       PGresult   *result,
                       GError    **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *message = result != NULL ? PQresultErrorMessage (result) : NULL;
  g_autofree char *text = NULL;

  if (connection_lost (self))
    {
      set_unreachable (error);
      return;
    }

  if (message == NULL || *message == '\0')
    message = PQerrorMessage (self->conn);
  text = g_strstrip (g_strdup (message));

  if (state != NULL && strcmp (state, "42501") == 0)
    g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_READ_ONLY,
                 _("The team server refused the change: your role (%s) may not make it."),
                 self->author != NULL ? self->author : "?");
  else if (state != NULL && g_str_has_prefix (state, "23"))
    g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                 _("The team server refused the change: %s"), text);
  else
    g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_SQL,
                 _("The team server reported an error: %s"), text);
}

static PGresult *
exec_params (PgStorage   *self,
             const char  *sql,
             int          n_params,
             const char **params,
             GError     **error)
{
  PGresult *result;
  ExecStatusType status;

  if (!self->online || self->conn == NULL)
    {
      set_unreachable (error);
      return NULL;
    }

  result = PQexecParams (self->conn, sql, n_params, NULL, params, NULL, NULL, 0);
  status = PQresultStatus (result);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return result;

  set_error_from_result (self, result, error);
  PQclear (result);

  if (connection_lost (self))
    go_offline (self);

  return NULL;
}

static gboolean
exec (PgStorage   *self,
      const char  *sql,
      GError     **error)
{
  PGresult *result = exec_params (self, sql, 0, NULL, error);

  PQclear (result);

  return result != NULL;
}

/* Conflicts -------------------------------------------------------------- */

/* The author and time of the last change of the row, from the log. */
static char *
last_author (PgStorage               *self,
             const BatonRecordSchema *schema,
             gint64                   id)
{
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { schema->table, id_text, self->client_id };
  PGresult *result;
  char *author = NULL;

  result = exec_params (self,
                        "SELECT author FROM change_log WHERE table_name = $1 AND row_id = $2 "
                        "AND client IS DISTINCT FROM $3 ORDER BY seq DESC LIMIT 1",
                        3, params, NULL);
  if (result != NULL && PQntuples (result) > 0)
    author = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);

  return author;
}

char *
baton_storage_pg_last_author (BatonStorage             *storage,
                              const BatonRecordSchema  *schema,
                              gint64                    id)
{
  g_return_val_if_fail (baton_storage_is_pg (storage), NULL);

  return last_author ((PgStorage *) storage, schema, id);
}

/* The row @id of @schema was changed or deleted by someone else since this
 * client saw it: says who, and for a task what. */
static void
set_conflict (PgStorage               *self,
              const BatonRecordSchema *schema,
              gint64                   id,
              const GValue            *before,
              GError                 **error)
{
  g_autofree char *who = last_author (self, schema, id);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *params[] = { id_text };
  PGresult *result = NULL;

  if (who == NULL)
    who = g_strdup (_("Someone"));

  if (schema == baton_task_schema ())
    result = exec_params (self,
                          "SELECT t.title, t.assignee_id, p.name, t.stage_id, s.name "
                          "FROM tasks t LEFT JOIN people p ON p.id = t.assignee_id "
                          "LEFT JOIN stages s ON s.id = t.stage_id WHERE t.id = $1",
                          1, params, NULL);

  if (result != NULL && PQntuples (result) > 0)
    {
      const char *title = PQgetvalue (result, 0, 0);
      guint assignee = baton_record_schema_find_field (schema, "assignee-id") - schema->fields;
      guint stage = baton_record_schema_find_field (schema, "stage-id") - schema->fields;

      if (before != NULL && int_value (result, 0, 1) != g_value_get_int64 (&before[assignee]))
        {
          if (PQgetisnull (result, 0, 2))
            /* TRANSLATORS: someone (a login name) took the task from its person */
            g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CONFLICT,
                         _("%s unassigned “%s” a moment ago"), who, title);
          else
            /* TRANSLATORS: someone (a login name) gave the task to a person */
            g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CONFLICT,
                         _("%s moved “%s” to %s a moment ago"), who, title, PQgetvalue (result, 0, 2));
        }
      else if (before != NULL && int_value (result, 0, 3) != g_value_get_int64 (&before[stage]))
        /* TRANSLATORS: someone (a login name) moved the task to a stage */
        g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CONFLICT,
                     _("%s moved “%s” to %s a moment ago"), who, title, PQgetvalue (result, 0, 4));
      else
        /* TRANSLATORS: someone (a login name) changed the task */
        g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CONFLICT,
                     _("%s changed “%s” a moment ago"), who, title);
    }
  else if (schema == baton_task_schema ())
    g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CONFLICT,
                 _("%s deleted the task a moment ago"), who);
  else
    /* TRANSLATORS: someone (a login name) changed a row; the last is its kind ("person") */
    g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CONFLICT,
                 _("%s changed this %s a moment ago"), who, _(schema->label));

  PQclear (result);
}

/* The vtable ------------------------------------------------------------- */

static void
pg_free (BatonStorage *storage)
{
  PgStorage *self = (PgStorage *) storage;

  if (self->watch != NULL)
    g_source_destroy (self->watch);
  g_clear_pointer (&self->watch, g_source_unref);
  if (self->idle != NULL)
    g_source_destroy (self->idle);
  g_clear_pointer (&self->idle, g_source_unref);
  if (self->reconnect != NULL)
    g_source_destroy (self->reconnect);
  g_clear_pointer (&self->reconnect, g_source_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->conn, PQfinish);
  g_clear_pointer (&self->sql, g_hash_table_unref);
  g_clear_pointer (&self->versions, g_hash_table_unref);
  g_clear_pointer (&self->journal, g_array_unref);
  g_clear_pointer (&self->savepoints, g_array_unref);
  g_free (self->location);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_free (self->client_id);
  g_free (self->author);
  g_free (self);
}

static gboolean
pg_check_writable (BatonStorage  *storage,
                   GError       **error)
{
  PgStorage *self = (PgStorage *) storage;

  if (!self->online)
    {
      set_unreachable (error);
      return FALSE;
    }
  if (self->viewer)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_READ_ONLY,
                   _("Your role (%s) may look at this team workspace but not change it."),
                   self->author);
      return FALSE;
    }

  return TRUE;
}

static gboolean
pg_begin (BatonStorage  *storage,
          GError       **error)
{
  PgStorage *self = (PgStorage *) storage;
  g_autofree char *sql = NULL;
  guint length = self->journal->len;

  if (self->depth == 0)
    {
      self->references_deferred = FALSE;
      if (!exec (self, "BEGIN", error))
        return FALSE;
    }
  else
    {
      sql = g_strdup_printf ("SAVEPOINT baton_%u", self->depth);
      if (!exec (self, sql, error))
        return FALSE;
    }

  g_array_append_val (self->savepoints, length);
  self->depth++;

  return TRUE;
}

static void schedule_catch_up (PgStorage *self);

/* Takes the notifications libpq read along with results: the feed reads
 * the log instead. */
static gboolean
take_notifies (PgStorage *self)
{
  PGnotify *notify;
  gboolean any = FALSE;

  while (self->conn != NULL && (notify = PQnotifies (self->conn)) != NULL)
    {
      PQfreemem (notify);
      any = TRUE;
    }

  return any;
}

static gboolean
pg_commit (BatonStorage  *storage,
           GError       **error)
{
  PgStorage *self = (PgStorage *) storage;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth > 1)
    {
      sql = g_strdup_printf ("RELEASE SAVEPOINT baton_%u", self->depth - 1);
      if (!exec (self, sql, error))
        return FALSE;
      self->depth--;
      g_array_set_size (self->savepoints, self->depth);
      return TRUE;
    }

  if (!exec (self, "COMMIT", error))
    {
      /* The transaction is over either way. */
      journal_revert (self, 0);
      self->depth = 0;
      g_array_set_size (self->savepoints, 0);
      if (self->online)
        exec (self, "ROLLBACK", NULL);
      schedule_catch_up (self);
      return FALSE;
    }

  self->depth = 0;
  g_array_set_size (self->savepoints, 0);
  g_array_set_size (self->journal, 0);

  /* Our own notification, and any that came with the results. */
  if (take_notifies (self))
    schedule_catch_up (self);

  return TRUE;
}

static void
pg_rollback (BatonStorage *storage)
{
  PgStorage *self = (PgStorage *) storage;
  g_autofree char *sql = NULL;
  guint length;

  g_return_if_fail (self->depth > 0);

  length = g_array_index (self->savepoints, guint, self->depth - 1);
  journal_revert (self, length);
  self->depth--;
  g_array_set_size (self->savepoints, self->depth);

  if (self->depth > 0)
    {
      g_autofree char *release = g_strdup_printf ("RELEASE SAVEPOINT baton_%u", self->depth);

      sql = g_strdup_printf ("ROLLBACK TO SAVEPOINT baton_%u", self->depth);
      exec (self, sql, NULL);
      exec (self, release, NULL);
      return;
    }

  if (self->online)
    exec (self, "ROLLBACK", NULL);

  /* A refused change: the feed brings the rows as the server has them. */
  schedule_catch_up (self);
}

static guint
pg_get_depth (BatonStorage *storage)
{
  return ((PgStorage *) storage)->depth;
}

static gboolean
pg_defer_references (BatonStorage  *storage,
                     GError       **error)
{
  PgStorage *self = (PgStorage *) storage;

  if (self->references_deferred)
    return TRUE;
  if (!exec (self, "SET CONSTRAINTS ALL DEFERRED", error))
    return FALSE;
  self->references_deferred = TRUE;

  return TRUE;
}

static void
call_row_func (const BatonRecordSchema *schema,
               PGresult                *result,
               int                      row,
               GValue                  *values,
               BatonStorageRowFunc      func,
               gpointer                 user_data)
{
  for (guint i = 0; i < schema->n_fields; i++)
    {
      GType type = G_VALUE_TYPE (&values[i]);
      int column = i + 2;

      if (type == G_TYPE_STRING)
        g_value_set_static_string (&values[i], PQgetisnull (result, row, column) ? NULL
                                                                                  : PQgetvalue (result, row, column));
      else if (type == G_TYPE_BOOLEAN)
        g_value_set_boolean (&values[i], PQgetvalue (result, row, column)[0] == 't');
      else
        g_value_set_int64 (&values[i], int_value (result, row, column));
    }

  func (schema, int_value (result, row, 0), values, user_data);
}

static gboolean
pg_read_rows (BatonStorage             *storage,
              const BatonRecordSchema  *schema,
              BatonStorageRowFunc       func,
              gpointer                  user_data,
              GError                  **error)
{
  PgStorage *self = (PgStorage *) storage;
  g_autofree GValue *values = NULL;
  GHashTable *versions;
  PGresult *result;
  int n;

  if (!(result = exec_params (self, sql_for (self, schema)->select_sql, 0, NULL, error)))
    return FALSE;

  versions = versions_for (self, schema);
  g_hash_table_remove_all (versions);

  values = g_new0 (GValue, schema->n_fields);
  for (guint i = 0; i < schema->n_fields; i++)
    g_value_init (&values[i], baton_field_get_gtype (&schema->fields[i]));

  n = PQntuples (result);
  for (int row = 0; row < n; row++)
    {
      g_hash_table_insert (versions, GSIZE_TO_POINTER ((gsize) int_value (result, row, 0)),
                           GSIZE_TO_POINTER ((gsize) int_value (result, row, 1)));
      call_row_func (schema, result, row, values, func, user_data);
    }

  for (guint i = 0; i < schema->n_fields; i++)
    g_value_unset (&values[i]);
  PQclear (result);

  return TRUE;
}

gboolean
baton_storage_pg_read_rows_by_id (BatonStorage             *storage,
                                  const BatonRecordSchema  *schema,
                                  GArray                   *ids,
                                  BatonStorageRowFunc       func,
                                  gpointer                  user_data,
                                  GError                  **error)
{
  PgStorage *self = (PgStorage *) storage;
  g_autoptr(GString) list = g_string_new ("{");
  g_autofree GValue *values = NULL;
  const char *params[1];
  PGresult *result;
  int n;

  g_return_val_if_fail (baton_storage_is_pg (storage), FALSE);

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (list, '}');
  params[0] = list->str;

  if (!(result = exec_params (self, sql_for (self, schema)->select_ids_sql, 1, params, error)))
    return FALSE;

  /* Gone unless read again. */
  for (guint i = 0; i < ids->len; i++)
    set_version (self, schema, g_array_index (ids, gint64, i), 0);

  values = g_new0 (GValue, schema->n_fields);
  for (guint i = 0; i < schema->n_fields; i++)
    g_value_init (&values[i], baton_field_get_gtype (&schema->fields[i]));

  n = PQntuples (result);
  for (int row = 0; row < n; row++)
    {
      set_version (self, schema, int_value (result, row, 0), int_value (result, row, 1));
      call_row_func (schema, result, row, values, func, user_data);
    }

  for (guint i = 0; i < schema->n_fields; i++)
    g_value_unset (&values[i]);
  PQclear (result);

  return TRUE;
}

static gboolean
pg_insert_row (BatonStorage             *storage,
               const BatonRecordSchema  *schema,
               gint64                   *id,
               const GValue             *values,
               GError                  **error)
{
  PgStorage *self = (PgStorage *) storage;
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autofree const char **params = g_new0 (const char *, schema->n_fields + 1);
  const TableSql *sql = sql_for (self, schema);
  gboolean given = *id > 0;
  PGresult *result;
  guint n = 0;

  if (given)
    {
      char *text = g_strdup_printf ("%" G_GINT64_FORMAT, *id);

      g_ptr_array_add (keep, text);
      params[n++] = text;
    }
  for (guint i = 0; i < schema->n_fields; i++)
    params[n++] = param_for (&schema->fields[i], &values[i], keep);

  result = exec_params (self, given ? sql->insert_id_sql : sql->insert_sql, n, params, error);
  if (result == NULL)
    return FALSE;

  *id = int_value (result, 0, 0);
  set_version (self, schema, *id, int_value (result, 0, 1));
  PQclear (result);

  /* An id given (an undone delete, an import) is one the sequence must
   * not hand out again. */
  if (given)
    {
      const char *setval[] = { params[0] };

      result = exec_params (self, sql->setval_sql, 1, setval, error);
      if (result == NULL)
        return FALSE;
      PQclear (result);
    }

  return TRUE;
}

static gboolean
pg_update_row (BatonStorage             *storage,
               const BatonRecordSchema  *schema,
               gint64                    id,
               const GValue             *before,
               const GValue             *after,
               GError                  **error)
{
  PgStorage *self = (PgStorage *) storage;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) params = g_ptr_array_new ();
  gint64 version = get_version (self, schema, id);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *version_text = g_strdup_printf ("%" G_GINT64_FORMAT, version);
  PGresult *result;

  /* Only the columns that change, so that a move writes one or two. */
  g_string_append_printf (sql, "UPDATE %s SET version = version + 1", schema->table);
  for (guint i = 0; i < schema->n_fields; i++)
    {
      if (before != NULL && baton_field_values_equal (&before[i], &after[i]))
        continue;
      g_ptr_array_add (params, (gpointer) param_for (&schema->fields[i], &after[i], keep));
      g_string_append_printf (sql, ", %s = $%u", schema->fields[i].column, params->len);
    }
  if (params->len == 0)
    return TRUE;

  g_ptr_array_add (params, id_text);
  g_string_append_printf (sql, " WHERE id = $%u", params->len);
  if (version > 0)
    {
      g_ptr_array_add (params, version_text);
      g_string_append_printf (sql, " AND version = $%u", params->len);
    }
  g_string_append (sql, " RETURNING version");

  result = exec_params (self, sql->str, params->len, (const char **) params->pdata, error);
  if (result == NULL)
    return FALSE;

  if (PQntuples (result) == 0)
    {
      PQclear (result);
      set_conflict (self, schema, id, before, error);
      return FALSE;
    }

  set_version (self, schema, id, int_value (result, 0, 0));
  PQclear (result);

  return TRUE;
}

static gboolean
pg_delete_row (BatonStorage             *storage,
               const BatonRecordSchema  *schema,
               gint64                    id,
               GError                  **error)
{
  PgStorage *self = (PgStorage *) storage;
  const TableSql *sql = sql_for (self, schema);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autofree char *version_text = g_strdup_printf ("%" G_GINT64_FORMAT, get_version (self, schema, id));
  const char *params[] = { id_text, version_text };
  PGresult *result;
  gboolean deleted;

  if (!(result = exec_params (self, sql->delete_sql, 2, params, error)))
    return FALSE;
  deleted = g_strcmp0 (PQcmdTuples (result), "0") != 0;
  PQclear (result);

  if (!deleted)
    {
      /* Gone already (a cascade of this very transaction, or someone
       * else's delete) is what was asked; changed since is a conflict. */
      if (!(result = exec_params (self, sql->version_sql, 1, params, error)))
        return FALSE;
      if (PQntuples (result) > 0)
        {
          PQclear (result);
          set_conflict (self, schema, id, NULL, error);
          return FALSE;
        }
      PQclear (result);
    }

  set_version (self, schema, id, 0);

  return TRUE;
}

static gboolean
pg_delete_all_rows (BatonStorage             *storage,
                    const BatonRecordSchema  *schema,
                    GError                  **error)
{
  PgStorage *self = (PgStorage *) storage;
  GHashTableIter iter;
  gpointer key;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!exec (self, sql_for (self, schema)->delete_all_sql, error))
    return FALSE;

  g_hash_table_iter_init (&iter, versions_for (self, schema));
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 id = (gint64) GPOINTER_TO_SIZE (key);
      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < ids->len; i++)
    set_version (self, schema, g_array_index (ids, gint64, i), 0);

  return TRUE;
}

static void
pg_begin_bulk_load (BatonStorage *storage)
{
}

static void
pg_end_bulk_load (BatonStorage *storage)
{
}

static const BatonStorageVTable pg_vtable = {
  .free = pg_free,
  .check_writable = pg_check_writable,
  .begin = pg_begin,
  .commit = pg_commit,
  .rollback = pg_rollback,
  .get_depth = pg_get_depth,
  .defer_references = pg_defer_references,
  .read_rows = pg_read_rows,
  .insert_row = pg_insert_row,
  .update_row = pg_update_row,
  .delete_row = pg_delete_row,
  .delete_all_rows = pg_delete_all_rows,
  .begin_bulk_load = pg_begin_bulk_load,
  .end_bulk_load = pg_end_bulk_load,
};

gboolean
baton_storage_is_pg (BatonStorage *storage)
{
  return storage != NULL && storage->vtable == &pg_vtable;
}

/* Connecting ------------------------------------------------------------- */

static void
ignore_notice (void           *arg,
               const PGresult *result)
{
}

/* Brings the schema up to date, or refuses a newer one. */
static gboolean
ensure_schema (PgStorage  *self,
               GError    **error)
{
  PGresult *result;
  gint64 version = 0;
  const char *state;

  if (!(result = exec_params (self, "SELECT to_regclass ('baton_schema') IS NOT NULL", 0, NULL, error)))
    return FALSE;
  if (PQgetvalue (result, 0, 0)[0] == 't')
    {
      PQclear (result);
      if (!(result = exec_params (self, "SELECT max (version) FROM baton_schema", 0, NULL, error)))
        return FALSE;
      version = int_value (result, 0, 0);
    }
  PQclear (result);

  if (version > BATON_SCHEMA_VERSION)
    goto newer;
  if (version == BATON_SCHEMA_VERSION)
    return TRUE;

  /* The script takes the advisory lock and checks the version again. */
  result = PQexec (self->conn, baton_pg_schema_sql);
  if (PQresultStatus (result) == PGRES_COMMAND_OK)
    {
      PQclear (result);
      return TRUE;
    }

  state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  if (g_strcmp0 (state, "BT001") == 0)
    {
      PQclear (result);
      exec (self, "ROLLBACK", NULL);
      goto newer;
    }

  if (g_strcmp0 (state, "42501") == 0)
    g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                 _("This database is not set up as a team workspace, and your role (%s) may not set it up. "
                   "Ask whoever runs the server to set it up with build-aux/team-server."),
                 self->author);
  else
    set_error_from_result (self, result, error);
  PQclear (result);
  exec (self, "ROLLBACK", NULL);

  return FALSE;

newer:
  g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NEWER_SCHEMA,
               _("This team workspace was set up by a newer version of Baton (format %d; this version reads up to %d). "
                 "Update Baton to open it; nothing in it was changed."),
               (int) version > 0 ? (int) version : BATON_SCHEMA_VERSION + 1, BATON_SCHEMA_VERSION);
  return FALSE;
}

/* A new connection: session settings, the schema, the role, LISTEN. On
 * failure self->conn is NULL, and *@unreachable tells whether the server
 * could not be reached (rather than refusing us). */
static gboolean
connect_server (PgStorage  *self,
                gboolean   *unreachable,
                GError    **error)
{
  const char *keywords[] = { "dbname", "application_name", "connect_timeout", "password", NULL };
  const char *values[] = { self->location, "Baton", "10", self->password, NULL };
  const char *params[1];
  PGconn *conn;
  PGresult *result;

  *unreachable = FALSE;

  /* Without a password of ours, libpq's own ways apply (~/.pgpass). */
  if (self->password == NULL)
    keywords[3] = NULL;

  conn = PQconnectdbParams (keywords, values, TRUE);
  if (conn == NULL)
    {
      *unreachable = TRUE;
      set_unreachable (error);
      return FALSE;
    }

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (conn)));

      if (PQconnectionNeedsPassword (conn) ||
          strstr (message, "password authentication failed") != NULL ||
          strstr (message, "no password supplied") != NULL)
        g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_AUTH,
                     _("The team server refused the user name or password."));
      else if (strstr (message, "does not exist") != NULL)
        g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                     _("The team server refused the connection: %s"), message);
      else
        {
          *unreachable = TRUE;
          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_UNREACHABLE,
                       _("The team server cannot be reached: %s"), message);
        }
      g_debug ("Could not connect to the team server: %s", message);
      PQfinish (conn);
      return FALSE;
    }

  PQsetNoticeReceiver (conn, ignore_notice, NULL);
  self->conn = conn;
  self->online = TRUE;

  params[0] = self->client_id;
  if (!(result = exec_params (self, "SELECT set_config ('baton.client', $1, false), session_user",
                              1, params, error)))
    goto fail;
  g_free (self->author);
  self->author = g_strdup (PQgetvalue (result, 0, 1));
  PQclear (result);

  if (!ensure_schema (self, error))
    goto fail;

  if (!(result = exec_params (self, "SELECT has_table_privilege ('tasks', 'UPDATE')", 0, NULL, error)))
    goto fail;
  self->viewer = PQgetvalue (result, 0, 0)[0] != 't';
  PQclear (result);

  if (!exec (self, "LISTEN baton_changes", error))
    goto fail;

  return TRUE;

fail:
  self->online = FALSE;
  g_clear_pointer (&self->conn, PQfinish);
  return FALSE;
}

BatonStorage *
baton_storage_pg_open (const char  *location,
                       const char  *password,
                       gboolean     require_server,
                       gboolean    *offline,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  PgStorage *self;
  gboolean unreachable;

  g_return_val_if_fail (location != NULL, NULL);

  self = g_new0 (PgStorage, 1);
  self->parent.vtable = &pg_vtable;
  self->location = g_strdup (location);
  self->password = g_strdup (password);
  self->client_id = g_uuid_string_random ();
  self->sql = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, table_sql_free);
  self->versions = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                          (GDestroyNotify) g_hash_table_unref);
  self->journal = g_array_new (FALSE, FALSE, sizeof (Journal));
  self->savepoints = g_array_new (FALSE, FALSE, sizeof (guint));
  self->reconnect_ms = RECONNECT_MIN_MS;

  *offline = FALSE;
  if (!connect_server (self, &unreachable, &local_error))
    {
      if (!unreachable || require_server)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          pg_free (&self->parent);
          return NULL;
        }
      *offline = TRUE;
      self->needs_reload = TRUE;
    }

  return &self->parent;
}

gboolean
baton_storage_pg_snapshot_begin (BatonStorage  *storage,
                                 GError       **error)
{
  PgStorage *self = (PgStorage *) storage;
  PGresult *result;

  g_return_val_if_fail (baton_storage_is_pg (storage), FALSE);

  if (!exec (self, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error))
    return FALSE;
  if (!(result = exec_params (self, "SELECT coalesce (max (seq), 0) FROM change_log", 0, NULL, error)))
    {
      exec (self, "ROLLBACK", NULL);
      return FALSE;
    }
  self->last_seq = int_value (result, 0, 0);
  PQclear (result);
  self->in_snapshot = TRUE;
  self->needs_reload = FALSE;

  return TRUE;
}

void
baton_storage_pg_snapshot_end (BatonStorage *storage)
{
  PgStorage *self = (PgStorage *) storage;

  g_return_if_fail (baton_storage_is_pg (storage));

  if (self->in_snapshot)
    exec (self, "COMMIT", NULL);
  self->in_snapshot = FALSE;
}

gboolean
baton_storage_pg_is_online (BatonStorage *storage)
{
  g_return_val_if_fail (baton_storage_is_pg (storage), FALSE);

  return ((PgStorage *) storage)->online;
}

gboolean
baton_storage_pg_is_viewer (BatonStorage *storage)
{
  g_return_val_if_fail (baton_storage_is_pg (storage), FALSE);

  return ((PgStorage *) storage)->viewer;
}

const char *
baton_storage_pg_get_author (BatonStorage *storage)
{
  g_return_val_if_fail (baton_storage_is_pg (storage), NULL);

  return ((PgStorage *) storage)->author;
}

/* The feed --------------------------------------------------------------- */

static void
emit_event (PgStorage           *self,
            BatonStoragePgEvent  event)
{
  if (self->event_func != NULL)
    self->event_func (&self->parent, event, self->event_data);
}

gboolean
baton_storage_pg_catch_up (BatonStorage  *storage,
                           GError       **error)
{
  PgStorage *self = (PgStorage *) storage;
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                         (GDestroyNotify) g_array_unref);
  g_autofree char *last_text = NULL;
  const char *params[2];
  guint n_schemas;
  const BatonRecordSchema * const *schemas = _baton_store_get_schemas (&n_schemas);
  PGresult *result;
  int n;

  g_return_val_if_fail (baton_storage_is_pg (storage), FALSE);

  if (!self->online || self->depth > 0 || self->in_snapshot)
    return TRUE;

  take_notifies (self);

  if (self->needs_reload)
    {
      emit_event (self, BATON_STORAGE_PG_RELOAD);
      return TRUE;
    }

  last_text = g_strdup_printf ("%" G_GINT64_FORMAT, self->last_seq);
  params[0] = last_text;
  params[1] = self->client_id;
  result = exec_params (self,
                        "SELECT seq, table_name, row_id, version, client IS NOT DISTINCT FROM $2, "
                        "(SELECT min (seq) FROM change_log) FROM change_log WHERE seq > $1 ORDER BY seq",
                        2, params, error);
  if (result == NULL)
    return FALSE;

  n = PQntuples (result);
  for (int row = 0; row < n; row++)
    {
      const char *table = PQgetvalue (result, row, 1);
      gboolean own = PQgetvalue (result, row, 4)[0] == 't';

      if (row == 0 && self->last_seq > 0 && int_value (result, 0, 5) > self->last_seq + 1)
        {
          /* The log was cut after what we saw: read everything. */
          PQclear (result);
          self->needs_reload = TRUE;
          emit_event (self, BATON_STORAGE_PG_RELOAD);
          return TRUE;
        }

      self->last_seq = MAX (self->last_seq, int_value (result, row, 0));
      if (own)
        continue;

      for (guint i = 0; i < n_schemas; i++)
        if (strcmp (schemas[i]->table, table) == 0)
          {
            GArray *ids = g_hash_table_lookup (changed, schemas[i]);
            gint64 id = int_value (result, row, 2);

            if (ids == NULL)
              {
                ids = g_array_new (FALSE, FALSE, sizeof (gint64));
                g_hash_table_insert (changed, (gpointer) schemas[i], ids);
              }
            g_array_append_val (ids, id);
          }
    }
  PQclear (result);

  if (g_hash_table_size (changed) == 0)
    return TRUE;

  /* In schema order, referenced tables first. */
  for (guint i = 0; i < n_schemas; i++)
    {
      GArray *ids = g_hash_table_lookup (changed, schemas[i]);

      if (ids != NULL && self->rows_func != NULL)
        self->rows_func (&self->parent, schemas[i], ids, self->event_data);
    }
  emit_event (self, BATON_STORAGE_PG_CAUGHT_UP);

  return TRUE;
}

static gboolean
catch_up_idle_cb (gpointer data)
{
  PgStorage *self = data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->idle, g_source_unref);
  if (!baton_storage_pg_catch_up (&self->parent, &error))
    g_debug ("Could not catch up with the team server: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
schedule_catch_up (PgStorage *self)
{
  if (self->idle != NULL || self->context == NULL)
    return;

  self->idle = g_idle_source_new ();
  g_source_set_callback (self->idle, catch_up_idle_cb, self, NULL);
  g_source_attach (self->idle, self->context);
}

static gboolean reconnect_cb (gpointer data);

static void
schedule_reconnect (PgStorage *self)
{
  if (self->reconnect != NULL || self->context == NULL)
    return;

  self->reconnect = g_timeout_source_new (self->reconnect_ms);
  g_source_set_callback (self->reconnect, reconnect_cb, self, NULL);
  g_source_attach (self->reconnect, self->context);
  self->reconnect_ms = MIN (self->reconnect_ms * 2, RECONNECT_MAX_MS);
}

static void
go_offline (PgStorage *self)
{
  if (!self->online)
    return;

  g_debug ("Lost the connection to the team server");
  self->online = FALSE;
  if (self->watch != NULL)
    g_source_destroy (self->watch);
  g_clear_pointer (&self->watch, g_source_unref);
  g_clear_pointer (&self->conn, PQfinish);
  self->reconnect_ms = RECONNECT_MIN_MS;
  schedule_reconnect (self);
  emit_event (self, BATON_STORAGE_PG_CONNECTION);
}

static gboolean
reconnect_cb (gpointer data)
{
  PgStorage *self = data;
  g_autoptr(GError) error = NULL;
  gboolean unreachable;

  g_clear_pointer (&self->reconnect, g_source_unref);

  if (!connect_server (self, &unreachable, &error))
    {
      g_debug ("Could not reconnect to the team server: %s", error->message);
      schedule_reconnect (self);
      return G_SOURCE_REMOVE;
    }

  g_debug ("Reconnected to the team server");
  self->reconnect_ms = RECONNECT_MIN_MS;
  watch_socket (self);
  emit_event (self, BATON_STORAGE_PG_CONNECTION);

  /* Notifications are not replayed: read the log from where we were. */
  if (!baton_storage_pg_catch_up (&self->parent, &error))
    g_debug ("Could not catch up with the team server: %s", error->message);

  return G_SOURCE_REMOVE;
}

static gboolean
socket_cb (int          fd,
           GIOCondition condition,
           gpointer     data)
{
  PgStorage *self = data;

  if (self->conn == NULL || !PQconsumeInput (self->conn) || connection_lost (self))
    {
      g_clear_pointer (&self->watch, g_source_unref);
      self->watch = NULL;
      go_offline (self);
      return G_SOURCE_REMOVE;
    }

  if (take_notifies (self))
    schedule_catch_up (self);

  return G_SOURCE_CONTINUE;
}

static void
watch_socket (PgStorage *self)
{
  if (self->conn == NULL || self->context == NULL || self->watch != NULL)
    return;

  self->watch = g_unix_fd_source_new (PQsocket (self->conn), G_IO_IN | G_IO_ERR | G_IO_HUP);
  g_source_set_callback (self->watch, (GSourceFunc) (void (*) (void)) socket_cb, self, NULL);
  g_source_attach (self->watch, self->context);
}

void
baton_storage_pg_attach (BatonStorage            *storage,
                         BatonStoragePgEventFunc  func,
                         BatonStoragePgRowsFunc   rows_func,
                         gpointer                 user_data)
{
  PgStorage *self = (PgStorage *) storage;

  g_return_if_fail (baton_storage_is_pg (storage));
  g_return_if_fail (self->context == NULL);

  self->event_func = func;
  self->rows_func = rows_func;
  self->event_data = user_data;
  self->context = g_main_context_ref_thread_default ();

  if (self->online)
    {
      watch_socket (self);
      /* Anything committed since the snapshot. */
      schedule_catch_up (self);
    }
  else
    schedule_reconnect (self);
}
