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
 * overwritten.
 *
 * Nothing waits for the server on the main loop. The store's transaction
 * is built here, statement by statement, and sent whole at its commit in
 * one pipelined round trip (libpq's pipeline mode); the commit returns at
 * once and the store shows the change. The results come back on the
 * socket watch, in the order sent (a FIFO of batches, each ended by a
 * pipeline sync), along with notifications. A conditional write that
 * finds the row changed raises (baton_expect (), SQLSTATE BT002), which
 * aborts the whole server transaction; the engine then reads the rows of
 * the refused transaction again (asynchronously too), hands them to the
 * store as the feed does, and tells it why (the refused func: the store
 * drops the change from its undo history and emits ::refused). One write
 * transaction is on its way at a time; the next waits for its answer (it
 * is built on the versions the first leaves, and goes with it if that one
 * is refused). New rows take their ids from blocks this client reserved
 * (nextval of the table's sequence), refilled in the background.
 *
 * The feed: triggers write each change to change_log and notify
 * baton_changes. The engine reads the log from the last sequence it saw
 * (notifications are not replayed, so the log is read again after every
 * reconnect), skips the rows its own connection wrote (baton.client), and
 * hands the store the rows others changed, through the same queue.
 *
 * Still synchronous, off the main loop or as a last resort: connecting
 * and reading the whole workspace (the opening thread; a reconnect), a
 * worker's store (its own thread: it waits at each commit), a block of ids
 * run out before its refill came, and the undo check's "who changed it".
 * Table and column names come from the schemas, never from user text;
 * values are always parameters.
 */

#define G_LOG_DOMAIN "baton-store"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <string.h>

#include "baton-library.h"
#include "baton-pg-schema.h"
#include "baton-storage-pg.h"
#include "baton-store-private.h"

#define RECONNECT_MIN_MS 1000
#define RECONNECT_MAX_MS 30000

/* libpq, with the Kerberos, LDAP and TLS libraries under it, is opened as
 * a team workspace is first opened: linked into Baton it was a third of
 * the libraries loaded before main (), and 6 ms of every start. */
#define PQ_FUNCTIONS(X) \
  X (PQclear) \
  X (PQconnectdbParams) \
  X (PQconnectionNeedsPassword) \
  X (PQconsumeInput) \
  X (PQenterPipelineMode) \
  X (PQerrorMessage) \
  X (PQexec) \
  X (PQexecParams) \
  X (PQexitPipelineMode) \
  X (PQfinish) \
  X (PQflush) \
  X (PQfreemem) \
  X (PQgetResult) \
  X (PQgetisnull) \
  X (PQgetvalue) \
  X (PQisBusy) \
  X (PQnotifies) \
  X (PQntuples) \
  X (PQpipelineStatus) \
  X (PQpipelineSync) \
  X (PQresultErrorField) \
  X (PQresultErrorMessage) \
  X (PQresultStatus) \
  X (PQsendQueryParams) \
  X (PQsetNoticeReceiver) \
  X (PQsocket) \
  X (PQstatus)

typedef struct
{
  PQ_FUNCTIONS (BATON_LIBRARY_POINTER)
} PqFunctions;

#define PQ_SYMBOL(name) BATON_LIBRARY_SYMBOL (PqFunctions, name)
static PqFunctions pq;
static const BatonLibrarySymbol pq_symbols[] = { PQ_FUNCTIONS (PQ_SYMBOL) { NULL } };
static BatonLibrary libpq = { LIBPQ_SONAME, &pq, pq_symbols };

static gboolean
load_libpq (GError **error)
{
  const char *failure = baton_library_load (&libpq);

  if (failure != NULL)
    {
      /* Translators: %s is the reason, from the system */
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                   _("Team workspaces cannot be opened: the PostgreSQL client library is missing (%s)."), failure);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char *select_sql;
  char *select_ids_sql;
  char *insert_sql;       /* new id from the sequence */
  char *insert_id_sql;    /* given id */
  char *delete_sql;
  char *delete_any_sql;
  char *delete_all_sql;
  char *version_sql;
  char *setval_sql;       /* moves the table's sequence past a given id */
} TableSql;

/* One statement of a batch, with the row it writes (for a refusal). */
typedef struct
{
  char                    *sql;
  GPtrArray               *params;    /* char*, NULL for SQL NULL */
  const BatonRecordSchema *schema;    /* the row it writes or reads, or NULL */
  gint64                   id;
  GValue                  *before;    /* what this client saw, or NULL */
} Stmt;

typedef enum
{
  BATCH_WRITE,      /* a transaction of the store's */
  BATCH_IGNORE,     /* the ROLLBACK after one, in case it failed */
  BATCH_LOG,        /* the change log since the last sequence seen */
  BATCH_ROWS,       /* the rows the log named */
  BATCH_IDS,        /* a block of ids for one table */
  BATCH_REFETCH,    /* the rows of a refused transaction, and who */
} BatchKind;

/* Statements sent in one go, ended by a pipeline sync: the results come
 * back in order, and the batch's are complete at its sync. */
typedef struct
{
  BatchKind                kind;
  GPtrArray               *stmts;     /* Stmt* */
  GPtrArray               *results;   /* PGresult*, one per statement */
  guint                    cursor;
  gboolean                 keep;      /* the caller frees it (waiting for it) */
  gboolean                 finished;
  gboolean                 lost;      /* the connection went before its end */
  const BatonRecordSchema *schema;    /* BATCH_IDS */
  GHashTable              *changed;   /* BATCH_ROWS: schema → GArray of ids */
  GArray                  *rows;      /* BATCH_REFETCH: BatonStoragePgRow */
  GError                  *reason;    /* BATCH_REFETCH */
  Stmt                    *conflict;  /* BATCH_REFETCH: the refused write */
  gint64                   sent_us;
} Batch;

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
  GArray       *savepoints;       /* guint pairs: journal and statements at each level */
  Batch        *tx;               /* the transaction being built */
  guint         deferred_at;      /* its SET CONSTRAINTS, or G_MAXUINT */

  GQueue       *pending;          /* Batch, sent, waiting for results */
  GQueue       *writes;           /* Batch, committed, not sent yet */
  Batch        *write_in_flight;
  gboolean      catching_up;
  gboolean      catch_up_again;
  gboolean      closing;
  GHashTable   *free_ids;         /* schema → GArray of gint64 */
  GHashTable   *id_floor;         /* schema → highest id given explicitly */
  GHashTable   *ids_refilling;    /* schema set */

  GHashTable   *sql;              /* schema → TableSql* */
  GHashTable   *versions;         /* schema → (id → version) */
  gint64        last_seq;

  BatonStoragePgEventFunc event_func;
  BatonStoragePgRowsFunc  rows_func;
  BatonStoragePgRefusedFunc refused_func;
  gpointer      event_data;
  GMainContext *context;
  GSource      *watch;
  GSource      *idle;
  GSource      *reconnect;
  guint         reconnect_ms;
  gboolean      needs_reload;     /* opened offline, or the log was cut */
} PgStorage;

static void     go_offline        (PgStorage *self);
static void     watch_socket      (PgStorage *self);
static void     leave_pipeline    (PgStorage *self);
static void     send_next_write   (PgStorage *self);
static void     schedule_catch_up (PgStorage *self);
static gboolean take_notifies     (PgStorage *self);

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
  g_free (sql->delete_any_sql);
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
  sql->delete_sql = g_strdup_printf ("WITH d AS (DELETE FROM %s WHERE id = $1 AND version = $2 RETURNING 1) "
                                     "SELECT baton_expect (EXISTS (SELECT FROM d) OR NOT EXISTS (SELECT FROM %s WHERE id = $1))",
                                     schema->table, schema->table);
  sql->delete_any_sql = g_strdup_printf ("DELETE FROM %s WHERE id = $1", schema->table);
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
  if (pq.PQgetisnull (result, row, column))
    return 0;

  return g_ascii_strtoll (pq.PQgetvalue (result, row, column), NULL, 10);
}

/* Errors ----------------------------------------------------------------- */

static gboolean
connection_lost (PgStorage *self)
{
  return self->conn == NULL || pq.PQstatus (self->conn) != CONNECTION_OK;
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
  const char *state = result != NULL ? pq.PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *message = result != NULL ? pq.PQresultErrorMessage (result) : NULL;
  g_autofree char *text = NULL;

  if (connection_lost (self))
    {
      set_unreachable (error);
      return;
    }

  if (message == NULL || *message == '\0')
    message = pq.PQerrorMessage (self->conn);
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

  /* After what was sent before, which answers first. */
  leave_pipeline (self);
  if (self->conn == NULL)
    {
      set_unreachable (error);
      return NULL;
    }

  result = pq.PQexecParams (self->conn, sql, n_params, NULL, params, NULL, NULL, 0);
  status = pq.PQresultStatus (result);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return result;

  set_error_from_result (self, result, error);
  pq.PQclear (result);

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

  pq.PQclear (result);

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
  if (result != NULL && pq.PQntuples (result) > 0)
    author = g_strdup (pq.PQgetvalue (result, 0, 0));
  pq.PQclear (result);

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
 * client saw it (@before, or NULL): says who (@who, NULL for unknown), and
 * for a task what, from @info (the task as the server has it, with the
 * names of its person and stage; NULL when it is not a task or gone). */
static void
conflict_message (const BatonRecordSchema *schema,
                  const GValue            *before,
                  const char              *who,
                  PGresult                *info,
                  GError                 **error)
{
  if (who == NULL)
    who = _("Someone");

  if (info != NULL && pq.PQresultStatus (info) == PGRES_TUPLES_OK && pq.PQntuples (info) > 0)
    {
      const char *title = pq.PQgetvalue (info, 0, 0);
      guint assignee = baton_record_schema_find_field (schema, "assignee-id") - schema->fields;
      guint stage = baton_record_schema_find_field (schema, "stage-id") - schema->fields;

      if (before != NULL && int_value (info, 0, 1) != g_value_get_int64 (&before[assignee]))
        {
          if (pq.PQgetisnull (info, 0, 2))
            /* TRANSLATORS: someone (a login name) took the task from its person */
            g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CONFLICT,
                         _("%s unassigned “%s” a moment ago"), who, title);
          else
            /* TRANSLATORS: someone (a login name) gave the task to a person */
            g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CONFLICT,
                         _("%s moved “%s” to %s a moment ago"), who, title, pq.PQgetvalue (info, 0, 2));
        }
      else if (before != NULL && int_value (info, 0, 3) != g_value_get_int64 (&before[stage]))
        /* TRANSLATORS: someone (a login name) moved the task to a stage */
        g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_CONFLICT,
                     _("%s moved “%s” to %s a moment ago"), who, title, pq.PQgetvalue (info, 0, 4));
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
}

#define TASK_INFO_SQL \
  "SELECT t.title, t.assignee_id, p.name, t.stage_id, s.name " \
  "FROM tasks t LEFT JOIN people p ON p.id = t.assignee_id " \
  "LEFT JOIN stages s ON s.id = t.stage_id WHERE t.id = $1"
#define LAST_AUTHOR_SQL \
  "SELECT author FROM change_log WHERE table_name = $1 AND row_id = $2 " \
  "AND client IS DISTINCT FROM $3 ORDER BY seq DESC LIMIT 1"

/* The same, reading who and what now (a store not watched from a main
 * loop: a worker's). */
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

  if (schema == baton_task_schema ())
    result = exec_params (self, TASK_INFO_SQL, 1, params, NULL);
  conflict_message (schema, before, who, result, error);
  pq.PQclear (result);
}

/* Batches ---------------------------------------------------------------- */

static Stmt *
stmt_new (char                    *sql,      /* taken */
          const BatonRecordSchema *schema,
          gint64                   id)
{
  Stmt *stmt = g_new0 (Stmt, 1);

  stmt->sql = sql;
  stmt->params = g_ptr_array_new_with_free_func (g_free);
  stmt->schema = schema;
  stmt->id = id;

  return stmt;
}

static void
stmt_add_param (Stmt       *stmt,
                const char *param)
{
  g_ptr_array_add (stmt->params, g_strdup (param));
}

static void
stmt_add_int (Stmt   *stmt,
              gint64  value)
{
  g_ptr_array_add (stmt->params, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

/* The statement that reads the rows of @schema with @ids (gint64), as
 * one array parameter. */
static Stmt *
stmt_new_select_ids (PgStorage               *self,
                     const BatonRecordSchema *schema,
                     GArray                  *ids)
{
  g_autoptr(GString) text = g_string_new ("{");
  Stmt *stmt = stmt_new (g_strdup (sql_for (self, schema)->select_ids_sql), schema, 0);

  for (guint k = 0; k < ids->len; k++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, k > 0 ? "," : "", g_array_index (ids, gint64, k));
  g_string_append_c (text, '}');
  stmt_add_param (stmt, text->str);

  return stmt;
}

static void
stmt_free (gpointer data)
{
  Stmt *stmt = data;

  if (stmt->before != NULL)
    {
      for (guint i = 0; i < stmt->schema->n_fields; i++)
        g_value_unset (&stmt->before[i]);
      g_free (stmt->before);
    }
  g_ptr_array_unref (stmt->params);
  g_free (stmt->sql);
  g_free (stmt);
}

static GValue *
copy_values (const BatonRecordSchema *schema,
             const GValue            *values)
{
  GValue *copy = g_new0 (GValue, schema->n_fields);

  for (guint i = 0; i < schema->n_fields; i++)
    {
      g_value_init (&copy[i], G_VALUE_TYPE (&values[i]));
      g_value_copy (&values[i], &copy[i]);
    }

  return copy;
}

static void
free_values (const BatonRecordSchema *schema,
             GValue                  *values)
{
  for (guint i = 0; i < schema->n_fields; i++)
    g_value_unset (&values[i]);
  g_free (values);
}

static Batch *
batch_new (BatchKind kind)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->kind = kind;
  batch->stmts = g_ptr_array_new_with_free_func (stmt_free);
  batch->results = g_ptr_array_new_with_free_func ((GDestroyNotify) pq.PQclear);

  return batch;
}

static void
batch_free (Batch *batch)
{
  if (batch == NULL)
    return;

  g_ptr_array_unref (batch->stmts);
  g_ptr_array_unref (batch->results);
  g_clear_pointer (&batch->changed, g_hash_table_unref);
  g_clear_pointer (&batch->rows, g_array_unref);
  g_clear_error (&batch->reason);
  g_clear_pointer (&batch->conflict, stmt_free);
  g_free (batch);
}

static PGresult *
batch_result (Batch *batch,
              guint  index)
{
  return index < batch->results->len ? g_ptr_array_index (batch->results, index) : NULL;
}

static void finish_batch (PgStorage *self, Batch *batch);

/* Sends @batch (taken) in one go: its statements, then a sync. FALSE when
 * the connection is gone: the batch is then done, lost. */
static gboolean
send_batch (PgStorage *self,
            Batch     *batch)
{
  if (!self->online || self->conn == NULL)
    {
      g_ptr_array_set_size (batch->results, batch->stmts->len);
      batch->lost = TRUE;
      finish_batch (self, batch);
      return FALSE;
    }

  if (pq.PQpipelineStatus (self->conn) == PQ_PIPELINE_OFF && !pq.PQenterPipelineMode (self->conn))
    goto lost;

  for (guint i = 0; i < batch->stmts->len; i++)
    {
      Stmt *stmt = g_ptr_array_index (batch->stmts, i);

      if (!pq.PQsendQueryParams (self->conn, stmt->sql, stmt->params->len, NULL,
                              (const char * const *) stmt->params->pdata, NULL, NULL, 0))
        goto lost;
    }
  if (!pq.PQpipelineSync (self->conn))
    goto lost;

  g_ptr_array_set_size (batch->results, batch->stmts->len);
  batch->sent_us = g_get_monotonic_time ();
  g_queue_push_tail (self->pending, batch);

  return TRUE;

lost:
  /* What was sent of it fails with the connection. */
  g_debug ("Could not send to the team server: %s", pq.PQerrorMessage (self->conn));
  batch->lost = TRUE;
  g_ptr_array_set_size (batch->results, batch->stmts->len);
  g_queue_push_tail (self->pending, batch);
  go_offline (self);

  return FALSE;
}

static void batch_done (PgStorage *self, Batch *batch);

static void
finish_batch (PgStorage *self,
              Batch     *batch)
{
  batch->finished = TRUE;
  batch_done (self, batch);
  if (!batch->keep)
    batch_free (batch);
}

/* Every batch waiting for results fails with the connection. */
static void
fail_pending (PgStorage *self)
{
  Batch *batch;

  while ((batch = g_queue_pop_head (self->pending)) != NULL)
    {
      batch->lost = TRUE;
      finish_batch (self, batch);
    }
}

/* Reads what results libpq has, without blocking. */
static void
process_results (PgStorage *self)
{
  while (self->conn != NULL && !g_queue_is_empty (self->pending))
    {
      Batch *batch = g_queue_peek_head (self->pending);
      PGresult *result;

      if (pq.PQisBusy (self->conn))
        return;

      result = pq.PQgetResult (self->conn);
      if (result == NULL)
        {
          batch->cursor++;
          continue;
        }

      if (pq.PQresultStatus (result) == PGRES_PIPELINE_SYNC)
        {
          pq.PQclear (result);
          g_queue_pop_head (self->pending);
          if (g_queue_is_empty (self->pending))
            pq.PQexitPipelineMode (self->conn);
          finish_batch (self, batch);
          continue;
        }

      if (batch->cursor < batch->results->len && g_ptr_array_index (batch->results, batch->cursor) == NULL)
        batch->results->pdata[batch->cursor] = result;
      else
        pq.PQclear (result);
    }
}

/* Blocks until @until (or every batch, for NULL) has its results: what a
 * worker's store does at each commit, and the last resort of the window's
 * (a block of ids run out, closing). */
static void
wait_batches (PgStorage *self,
              Batch     *until)
{
  while (self->conn != NULL && (until != NULL ? !until->finished : !g_queue_is_empty (self->pending)))
    {
      GPollFD fd = { pq.PQsocket (self->conn), G_IO_IN | G_IO_ERR | G_IO_HUP, 0 };

      process_results (self);
      if (self->conn == NULL || (until != NULL ? until->finished : g_queue_is_empty (self->pending)))
        break;

      if (pq.PQflush (self->conn) < 0 ||
          g_poll (&fd, 1, 30000) <= 0 ||
          !pq.PQconsumeInput (self->conn) || connection_lost (self))
        {
          go_offline (self);
          break;
        }
      if (take_notifies (self))
        schedule_catch_up (self);
    }

  if (until != NULL && !until->finished)
    {
      until->lost = TRUE;
      finish_batch (self, until);
    }
}

/* Before a statement run the simple way: the batches sent first are done,
 * and the connection out of pipeline mode. */
static void
leave_pipeline (PgStorage *self)
{
  if (self->conn == NULL || pq.PQpipelineStatus (self->conn) == PQ_PIPELINE_OFF)
    return;

  wait_batches (self, NULL);
  if (self->conn != NULL)
    pq.PQexitPipelineMode (self->conn);
}

/* Ids -------------------------------------------------------------------- */

#define ID_BLOCK 64
#define ID_REFILL_AT 16

static GArray *
free_ids_for (PgStorage               *self,
              const BatonRecordSchema *schema)
{
  GArray *ids = g_hash_table_lookup (self->free_ids, schema);

  if (ids == NULL)
    {
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->free_ids, (gpointer) schema, ids);
    }

  return ids;
}

static char *
block_sql (const BatonRecordSchema *schema)
{
  return g_strdup_printf ("SELECT '%s', nextval ('%s_id_seq') FROM generate_series (1, %d)",
                          schema->table, schema->table, ID_BLOCK);
}

/* Takes the ids of a block query's result (table name, id). */
static void
add_ids (PgStorage *self,
         PGresult  *result)
{
  guint n_schemas;
  const BatonRecordSchema * const *schemas = _baton_store_get_schemas (&n_schemas);

  for (int row = 0; row < pq.PQntuples (result); row++)
    for (guint i = 0; i < n_schemas; i++)
      if (strcmp (schemas[i]->table, pq.PQgetvalue (result, row, 0)) == 0)
        {
          gint64 id = int_value (result, row, 1);
          gint64 floor = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (self->id_floor, schemas[i]));

          /* Ids at or below one given explicitly (an import) stay unused. */
          if (id > floor)
            g_array_append_val (free_ids_for (self, schemas[i]), id);
        }
}

gboolean
baton_storage_pg_reserve_ids (BatonStorage  *storage,
                              GError       **error)
{
  PgStorage *self = (PgStorage *) storage;
  g_autoptr(GString) sql = g_string_new (NULL);
  guint n_schemas;
  const BatonRecordSchema * const *schemas = _baton_store_get_schemas (&n_schemas);
  PGresult *result;

  g_return_val_if_fail (baton_storage_is_pg (storage), FALSE);

  if (!self->online || self->viewer)
    return TRUE;

  for (guint i = 0; i < n_schemas; i++)
    {
      g_autofree char *one = block_sql (schemas[i]);

      if (free_ids_for (self, schemas[i])->len >= ID_REFILL_AT)
        continue;
      g_string_append_printf (sql, "%s(%s)", sql->len > 0 ? " UNION ALL " : "", one);
    }
  if (sql->len == 0)
    return TRUE;

  if (!(result = exec_params (self, sql->str, 0, NULL, error)))
    return FALSE;
  add_ids (self, result);
  pq.PQclear (result);

  return TRUE;
}

/* A new row's id, from the table's block. */
static gboolean
take_id (PgStorage               *self,
         const BatonRecordSchema *schema,
         gint64                  *id,
         GError                 **error)
{
  GArray *ids = free_ids_for (self, schema);

  if (ids->len == 0)
    {
      /* The last resort: a block fetched now (a refill still on its way
       * comes first, in order). */
      g_autofree char *sql = block_sql (schema);
      PGresult *result;

      if (!(result = exec_params (self, sql, 0, NULL, error)))
        return FALSE;
      add_ids (self, result);
      pq.PQclear (result);
      if (ids->len == 0)
        {
          g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_SQL,
                               _("The team server gave no id for a new row."));
          return FALSE;
        }
    }

  *id = g_array_index (ids, gint64, 0);
  g_array_remove_index (ids, 0);

  if (ids->len < ID_REFILL_AT && self->context != NULL &&
      !g_hash_table_contains (self->ids_refilling, schema))
    {
      Batch *batch = batch_new (BATCH_IDS);

      batch->schema = schema;
      g_ptr_array_add (batch->stmts, stmt_new (block_sql (schema), NULL, 0));
      if (send_batch (self, batch))
        g_hash_table_add (self->ids_refilling, (gpointer) schema);
    }

  return TRUE;
}

/* An id given explicitly: none of the block at or below it is used. */
static void
skip_ids_through (PgStorage               *self,
                  const BatonRecordSchema *schema,
                  gint64                   id)
{
  GArray *ids = free_ids_for (self, schema);
  gint64 floor = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (self->id_floor, schema));

  while (ids->len > 0 && g_array_index (ids, gint64, 0) <= id)
    g_array_remove_index (ids, 0);
  if (id > floor)
    g_hash_table_insert (self->id_floor, (gpointer) schema, GSIZE_TO_POINTER ((gsize) id));
}

/* The vtable ------------------------------------------------------------- */

static void
pg_free (BatonStorage *storage)
{
  PgStorage *self = (PgStorage *) storage;

  /* What the window confirmed reaches the server before it closes; nobody
   * hears of a refusal any more. */
  self->event_func = NULL;
  self->rows_func = NULL;
  self->refused_func = NULL;
  self->closing = TRUE;
  while (self->conn != NULL && (!g_queue_is_empty (self->pending) || !g_queue_is_empty (self->writes)))
    {
      if (g_queue_is_empty (self->pending))
        send_next_write (self);
      wait_batches (self, NULL);
    }
  fail_pending (self);

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
  g_clear_pointer (&self->conn, pq.PQfinish);
  g_clear_pointer (&self->sql, g_hash_table_unref);
  g_clear_pointer (&self->versions, g_hash_table_unref);
  g_clear_pointer (&self->journal, g_array_unref);
  g_clear_pointer (&self->savepoints, g_array_unref);
  g_clear_pointer (&self->tx, batch_free);
  g_queue_free_full (self->writes, (GDestroyNotify) batch_free);
  g_queue_free_full (self->pending, (GDestroyNotify) batch_free);
  g_clear_pointer (&self->free_ids, g_hash_table_unref);
  g_clear_pointer (&self->id_floor, g_hash_table_unref);
  g_clear_pointer (&self->ids_refilling, g_hash_table_unref);
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

/* A transaction is built here, statement by statement, and sent whole at
 * its commit: a savepoint is the length it had. */
static gboolean
pg_begin (BatonStorage  *storage,
          GError       **error)
{
  PgStorage *self = (PgStorage *) storage;
  guint length = self->journal->len;

  if (self->depth == 0)
    {
      if (!self->online)
        {
          set_unreachable (error);
          return FALSE;
        }
      self->deferred_at = G_MAXUINT;
      self->tx = batch_new (BATCH_WRITE);
      g_ptr_array_add (self->tx->stmts, stmt_new (g_strdup ("BEGIN"), NULL, 0));
    }

  g_array_append_val (self->savepoints, length);
  length = self->tx->stmts->len;
  g_array_append_val (self->savepoints, length);
  self->depth++;

  return TRUE;
}

/* Takes the notifications libpq read along with results: the feed reads
 * the log instead. */
static gboolean
take_notifies (PgStorage *self)
{
  PGnotify *notify;
  gboolean any = FALSE;

  while (self->conn != NULL && (notify = pq.PQnotifies (self->conn)) != NULL)
    {
      pq.PQfreemem (notify);
      any = TRUE;
    }

  return any;
}

/* One write transaction at a time is on its way: the next one is built on
 * the versions this one leaves, and is dropped if this one is refused. */
static void
send_next_write (PgStorage *self)
{
  Batch *batch;

  if (self->write_in_flight != NULL || (batch = g_queue_pop_head (self->writes)) == NULL)
    return;

  self->write_in_flight = batch;
  if (!send_batch (self, batch))
    return;

  /* A transaction that failed leaves the session in it: end it. */
  {
    Batch *rollback = batch_new (BATCH_IGNORE);

    g_ptr_array_add (rollback->stmts, stmt_new (g_strdup ("ROLLBACK"), NULL, 0));
    send_batch (self, rollback);
  }
}

/* The error of a write batch's first failing statement, NULL when it
 * committed. *@failed: the statement. */
static GError *
write_error (PgStorage  *self,
             Batch      *batch,
             Stmt      **failed)
{
  GError *error = NULL;

  *failed = NULL;
  for (guint i = 0; i < batch->stmts->len; i++)
    {
      PGresult *result = batch_result (batch, i);
      const char *state;

      if (result == NULL)
        {
          /* No answer: the connection went first. */
          set_unreachable (&error);
          return error;
        }
      if (pq.PQresultStatus (result) != PGRES_FATAL_ERROR)
        continue;

      *failed = g_ptr_array_index (batch->stmts, i);
      state = pq.PQresultErrorField (result, PG_DIAG_SQLSTATE);
      g_debug ("Refused: %s (%s)", (*failed)->sql, pq.PQresultErrorMessage (result));
      if (g_strcmp0 (state, "BT002") == 0)
        g_set_error_literal (&error, BATON_STORE_ERROR, BATON_STORE_ERROR_CONFLICT, "conflict");
      else if (state != NULL && (g_str_has_prefix (state, "57") || g_str_has_prefix (state, "08")))
        /* The server shutting down, or the connection failing. */
        set_unreachable (&error);
      else
        set_error_from_result (self, result, &error);
      return error;
    }

  if (batch->lost)
    set_unreachable (&error);

  return error;
}

static void
add_touched_rows (GArray *rows,
                  Batch  *batch)
{
  for (guint i = 0; i < batch->stmts->len; i++)
    {
      Stmt *stmt = g_ptr_array_index (batch->stmts, i);
      BatonStoragePgRow row = { stmt->schema, stmt->id };

      if (stmt->schema != NULL && stmt->id > 0)
        g_array_append_val (rows, row);
    }
}

static void
emit_refused (PgStorage    *self,
              GArray       *rows,
              const GError *reason)
{
  g_debug ("The team server refused a change: %s", reason->message);
  if (self->refused_func != NULL)
    self->refused_func (&self->parent, rows, reason, self->event_data);
}

static void emit_event (PgStorage *self, BatonStoragePgEvent event);

/* @batch, a write the store already applied, was refused for @reason
 * (taken); @failed is the statement the server refused. Later writes not
 * sent yet go with it. The rows come back as the server has them, then the
 * store hears why. */
static void
refuse (PgStorage *self,
        Batch     *batch,
        GError    *reason,
        Stmt      *failed)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (BatonStoragePgRow));
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                     (GDestroyNotify) g_array_unref);
  guint n_schemas;
  const BatonRecordSchema * const *schemas = _baton_store_get_schemas (&n_schemas);
  Batch *dropped;
  Batch *refetch;

  add_touched_rows (rows, batch);
  while ((dropped = g_queue_pop_head (self->writes)) != NULL)
    {
      add_touched_rows (rows, dropped);
      batch_free (dropped);
    }

  if (self->closing)
    {
      g_error_free (reason);
      return;
    }

  if (!self->online || g_error_matches (reason, BATON_STORE_ERROR, BATON_STORE_ERROR_UNREACHABLE))
    {
      /* Everything is read again when the connection is back. */
      self->needs_reload = TRUE;
      emit_refused (self, rows, reason);
      g_error_free (reason);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      BatonStoragePgRow *row = &g_array_index (rows, BatonStoragePgRow, i);
      GArray *list = g_hash_table_lookup (ids, row->schema);

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (ids, (gpointer) row->schema, list);
        }
      g_array_append_val (list, row->id);
    }

  refetch = batch_new (BATCH_REFETCH);
  refetch->rows = g_array_ref (rows);
  refetch->reason = reason;
  refetch->changed = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < n_schemas; i++)
    {
      GArray *list = g_hash_table_lookup (ids, schemas[i]);

      if (list == NULL)
        continue;
      g_ptr_array_add (refetch->stmts, stmt_new_select_ids (self, schemas[i], list));
      g_hash_table_insert (refetch->changed, (gpointer) schemas[i], g_array_ref (list));
    }

  /* For the message: who changed the row, and what the task is now. */
  if (failed != NULL && failed->schema != NULL && reason->code == BATON_STORE_ERROR_CONFLICT)
    {
      Stmt *author = stmt_new (g_strdup (LAST_AUTHOR_SQL), NULL, 0);
      Stmt *info = stmt_new (g_strdup (failed->schema == baton_task_schema () ? TASK_INFO_SQL : "SELECT"),
                             NULL, 0);

      stmt_add_param (author, failed->schema->table);
      stmt_add_int (author, failed->id);
      stmt_add_param (author, self->client_id);
      g_ptr_array_add (refetch->stmts, author);
      if (failed->schema == baton_task_schema ())
        stmt_add_int (info, failed->id);
      g_ptr_array_add (refetch->stmts, info);

      refetch->conflict = stmt_new (NULL, failed->schema, failed->id);
      if (failed->before != NULL)
        refetch->conflict->before = copy_values (failed->schema, failed->before);
    }

  /* Lost on the way, it says so itself. */
  send_batch (self, refetch);
}

/* Rows of @schema read by @stmt's @result: versions learnt, then the
 * store's. */
static void
deliver_rows (PgStorage               *self,
              const BatonRecordSchema *schema,
              GArray                  *ids,
              PGresult                *result)
{
  g_autoptr(GHashTable) rows = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autofree GValue *values = g_new0 (GValue, schema->n_fields);
  GHashTableIter iter;
  gpointer row_values;

  for (guint i = 0; i < ids->len; i++)
    set_version (self, schema, g_array_index (ids, gint64, i), 0);

  for (guint i = 0; i < schema->n_fields; i++)
    g_value_init (&values[i], baton_field_get_gtype (&schema->fields[i]));

  for (int row = 0; result != NULL && row < pq.PQntuples (result); row++)
    {
      gint64 id = int_value (result, row, 0);

      set_version (self, schema, id, int_value (result, row, 1));
      for (guint i = 0; i < schema->n_fields; i++)
        {
          GType type = G_VALUE_TYPE (&values[i]);
          int column = i + 2;

          if (type == G_TYPE_STRING)
            g_value_set_static_string (&values[i], pq.PQgetisnull (result, row, column) ? NULL
                                                                                      : pq.PQgetvalue (result, row, column));
          else if (type == G_TYPE_BOOLEAN)
            g_value_set_boolean (&values[i], pq.PQgetvalue (result, row, column)[0] == 't');
          else
            g_value_set_int64 (&values[i], int_value (result, row, column));
        }
      g_hash_table_insert (rows, GSIZE_TO_POINTER ((gsize) id), copy_values (schema, values));
    }

  if (self->rows_func != NULL)
    self->rows_func (&self->parent, schema, ids, rows, self->event_data);

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &row_values))
    free_values (schema, row_values);
  for (guint i = 0; i < schema->n_fields; i++)
    g_value_unset (&values[i]);
}

/* A batch's results are all in (or the connection went). */
static void catch_up_log_done  (PgStorage *self, Batch *batch);
static void catch_up_rows_done (PgStorage *self, Batch *batch);

static void
refetch_done (PgStorage *self,
              Batch     *batch)
{
  g_autoptr(GError) message = NULL;
  guint n = batch->stmts->len - (batch->conflict != NULL ? 2 : 0);

  if (batch->lost)
    {
      g_autoptr(GError) lost = NULL;

      /* Everything is read again on reconnecting. */
      self->needs_reload = TRUE;
      set_unreachable (&lost);
      emit_refused (self, batch->rows, lost);
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      Stmt *stmt = g_ptr_array_index (batch->stmts, i);
      PGresult *result = batch_result (batch, i);

      if (result != NULL && pq.PQresultStatus (result) == PGRES_TUPLES_OK)
        deliver_rows (self, stmt->schema, g_hash_table_lookup (batch->changed, stmt->schema), result);
    }
  emit_event (self, BATON_STORAGE_PG_CAUGHT_UP);

  if (batch->conflict != NULL)
    {
      PGresult *author = batch_result (batch, n);
      PGresult *info = batch_result (batch, n + 1);
      const char *who = author != NULL && pq.PQresultStatus (author) == PGRES_TUPLES_OK && pq.PQntuples (author) > 0
                        ? pq.PQgetvalue (author, 0, 0) : NULL;

      conflict_message (batch->conflict->schema, batch->conflict->before, who,
                        batch->conflict->schema == baton_task_schema () ? info : NULL, &message);
    }

  emit_refused (self, batch->rows, message != NULL ? message : batch->reason);
}

static void
batch_done (PgStorage *self,
            Batch     *batch)
{
  switch (batch->kind)
    {
    case BATCH_WRITE:
      if (self->write_in_flight == batch)
        self->write_in_flight = NULL;
      if (!batch->keep)
        {
          Stmt *failed;
          GError *error = write_error (self, batch, &failed);

          if (error != NULL)
            refuse (self, batch, error, failed);
        }
      send_next_write (self);
      break;

    case BATCH_IDS:
      g_hash_table_remove (self->ids_refilling, batch->schema);
      if (batch_result (batch, 0) != NULL && pq.PQresultStatus (batch_result (batch, 0)) == PGRES_TUPLES_OK)
        add_ids (self, batch_result (batch, 0));
      break;

    case BATCH_LOG:
      catch_up_log_done (self, batch);
      break;

    case BATCH_ROWS:
      catch_up_rows_done (self, batch);
      break;

    case BATCH_REFETCH:
      refetch_done (self, batch);
      break;

    case BATCH_IGNORE:
    default:
      break;
    }
}

static gboolean
pg_commit (BatonStorage  *storage,
           GError       **error)
{
  PgStorage *self = (PgStorage *) storage;
  Batch *batch;
  Stmt *failed;
  GError *local_error;

  g_return_val_if_fail (self->depth > 0, FALSE);

  self->depth--;
  g_array_set_size (self->savepoints, self->depth * 2);
  if (self->depth > 0)
    return TRUE;

  batch = g_steal_pointer (&self->tx);
  g_array_set_size (self->journal, 0);

  /* Nothing written: nothing to send. */
  if (batch->stmts->len <= 1 + (self->deferred_at != G_MAXUINT ? 1 : 0))
    {
      batch_free (batch);
      return TRUE;
    }
  g_ptr_array_add (batch->stmts, stmt_new (g_strdup ("COMMIT"), NULL, 0));

  /* The window's store: the server confirms (or refuses) later. */
  if (self->context != NULL)
    {
      g_queue_push_tail (self->writes, batch);
      send_next_write (self);
      return TRUE;
    }

  /* A worker's: it waits for the answer, on its own thread. */
  batch->keep = TRUE;
  g_queue_push_tail (self->writes, batch);
  send_next_write (self);
  if (self->write_in_flight == batch || batch->finished)
    wait_batches (self, batch);
  if (!batch->finished)
    {
      /* Never sent: the connection is gone. */
      g_queue_remove (self->writes, batch);
      batch->lost = TRUE;
    }

  local_error = write_error (self, batch, &failed);
  if (local_error != NULL)
    {
      leave_pipeline (self);
      if (local_error->code == BATON_STORE_ERROR_CONFLICT && failed != NULL && self->online)
        {
          g_clear_error (&local_error);
          set_conflict (self, failed->schema, failed->id, failed->before, &local_error);
        }
      g_propagate_error (error, local_error);
      batch_free (batch);
      return FALSE;
    }

  batch_free (batch);
  leave_pipeline (self);

  return TRUE;
}

static void
pg_rollback (BatonStorage *storage)
{
  PgStorage *self = (PgStorage *) storage;
  guint length;
  guint n_stmts;

  g_return_if_fail (self->depth > 0);

  length = g_array_index (self->savepoints, guint, (self->depth - 1) * 2);
  n_stmts = g_array_index (self->savepoints, guint, (self->depth - 1) * 2 + 1);
  journal_revert (self, length);
  self->depth--;
  g_array_set_size (self->savepoints, self->depth * 2);

  /* Nothing was sent: the statements of the level go. */
  if (self->depth > 0)
    {
      g_ptr_array_set_size (self->tx->stmts, MAX (n_stmts, 1));
      if (self->deferred_at != G_MAXUINT && self->deferred_at >= self->tx->stmts->len)
        self->deferred_at = G_MAXUINT;
      return;
    }

  g_clear_pointer (&self->tx, batch_free);
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

  g_return_val_if_fail (self->tx != NULL, FALSE);

  if (self->deferred_at != G_MAXUINT)
    return TRUE;
  self->deferred_at = self->tx->stmts->len;
  g_ptr_array_add (self->tx->stmts, stmt_new (g_strdup ("SET CONSTRAINTS ALL DEFERRED"), NULL, 0));

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
        g_value_set_static_string (&values[i], pq.PQgetisnull (result, row, column) ? NULL
                                                                                  : pq.PQgetvalue (result, row, column));
      else if (type == G_TYPE_BOOLEAN)
        g_value_set_boolean (&values[i], pq.PQgetvalue (result, row, column)[0] == 't');
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

  n = pq.PQntuples (result);
  for (int row = 0; row < n; row++)
    {
      g_hash_table_insert (versions, GSIZE_TO_POINTER ((gsize) int_value (result, row, 0)),
                           GSIZE_TO_POINTER ((gsize) int_value (result, row, 1)));
      call_row_func (schema, result, row, values, func, user_data);
    }

  for (guint i = 0; i < schema->n_fields; i++)
    g_value_unset (&values[i]);
  pq.PQclear (result);

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
  const TableSql *sql = sql_for (self, schema);
  gboolean given = *id > 0;
  Stmt *stmt;

  g_return_val_if_fail (self->tx != NULL, FALSE);

  /* A new row's id comes from this client's block: no round trip. */
  if (!given && !take_id (self, schema, id, error))
    return FALSE;

  stmt = stmt_new (g_strdup (sql->insert_id_sql), schema, *id);
  stmt_add_int (stmt, *id);
  for (guint i = 0; i < schema->n_fields; i++)
    stmt_add_param (stmt, param_for (&schema->fields[i], &values[i], keep));
  g_ptr_array_add (self->tx->stmts, stmt);
  set_version (self, schema, *id, 1);

  /* An id given (an undone delete, an import) is one the sequence must
   * not hand out again, nor this client's block. */
  if (given)
    {
      stmt = stmt_new (g_strdup (sql->setval_sql), NULL, 0);
      stmt_add_int (stmt, *id);
      g_ptr_array_add (self->tx->stmts, stmt);
      skip_ids_through (self, schema, *id);
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
  gint64 version = get_version (self, schema, id);
  Stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (self->tx != NULL, FALSE);

  /* Only the columns that change, so that a move writes one or two; and
   * only if the row is as this client saw it, or the whole transaction
   * fails (baton_expect raises). */
  stmt = stmt_new (NULL, schema, id);
  g_string_append_printf (sql, "WITH u AS (UPDATE %s SET version = version + 1", schema->table);
  for (guint i = 0; i < schema->n_fields; i++)
    {
      if (before != NULL && baton_field_values_equal (&before[i], &after[i]))
        continue;
      stmt_add_param (stmt, param_for (&schema->fields[i], &after[i], keep));
      g_string_append_printf (sql, ", %s = $%u", schema->fields[i].column, ++n);
    }
  if (n == 0)
    {
      stmt_free (stmt);
      return TRUE;
    }

  stmt_add_int (stmt, id);
  g_string_append_printf (sql, " WHERE id = $%u", ++n);
  if (version > 0)
    {
      stmt_add_int (stmt, version);
      g_string_append_printf (sql, " AND version = $%u", ++n);
    }
  g_string_append (sql, " RETURNING 1) SELECT baton_expect (EXISTS (SELECT FROM u))");
  stmt->sql = g_string_free (g_steal_pointer (&sql), FALSE);
  if (before != NULL)
    stmt->before = copy_values (schema, before);
  g_ptr_array_add (self->tx->stmts, stmt);

  /* The server adds one to it. */
  if (version > 0)
    set_version (self, schema, id, version + 1);

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
  gint64 version = get_version (self, schema, id);
  Stmt *stmt;

  g_return_val_if_fail (self->tx != NULL, FALSE);

  /* Gone already (a cascade of this very transaction, or someone else's
   * delete) is what was asked; changed since is a conflict. A row this
   * engine has not seen yet (a worker's, adopted before the feed brought
   * it) is deleted as it is, as it is updated. */
  stmt = stmt_new (g_strdup (version > 0 ? sql->delete_sql : sql->delete_any_sql), schema, id);
  stmt_add_int (stmt, id);
  if (version > 0)
    stmt_add_int (stmt, version);
  g_ptr_array_add (self->tx->stmts, stmt);
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

  g_return_val_if_fail (self->tx != NULL, FALSE);

  g_ptr_array_add (self->tx->stmts, stmt_new (g_strdup (sql_for (self, schema)->delete_all_sql), NULL, 0));

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
  if (pq.PQgetvalue (result, 0, 0)[0] == 't')
    {
      pq.PQclear (result);
      if (!(result = exec_params (self, "SELECT max (version) FROM baton_schema", 0, NULL, error)))
        return FALSE;
      version = int_value (result, 0, 0);
    }
  pq.PQclear (result);

  if (version > BATON_SCHEMA_VERSION)
    goto newer;
  if (version == BATON_SCHEMA_VERSION)
    {
      /* A server set up before writes were checked by baton_expect ()
       * gets it (the script is idempotent). */
      if (!(result = exec_params (self, "SELECT to_regprocedure ('baton_expect(boolean)') IS NOT NULL",
                                  0, NULL, error)))
        return FALSE;
      if (pq.PQgetvalue (result, 0, 0)[0] == 't')
        {
          pq.PQclear (result);
          return TRUE;
        }
      pq.PQclear (result);
    }

  /* The script takes the advisory lock and checks the version again. */
  result = pq.PQexec (self->conn, baton_pg_schema_sql);
  if (pq.PQresultStatus (result) == PGRES_COMMAND_OK)
    {
      pq.PQclear (result);
      return TRUE;
    }

  state = pq.PQresultErrorField (result, PG_DIAG_SQLSTATE);
  if (g_strcmp0 (state, "BT001") == 0)
    {
      pq.PQclear (result);
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
  pq.PQclear (result);
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

  conn = pq.PQconnectdbParams (keywords, values, TRUE);
  if (conn == NULL)
    {
      *unreachable = TRUE;
      set_unreachable (error);
      return FALSE;
    }

  if (pq.PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (pq.PQerrorMessage (conn)));

      if (pq.PQconnectionNeedsPassword (conn) ||
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
      pq.PQfinish (conn);
      return FALSE;
    }

  pq.PQsetNoticeReceiver (conn, ignore_notice, NULL);
  self->conn = conn;
  self->online = TRUE;

  params[0] = self->client_id;
  if (!(result = exec_params (self, "SELECT set_config ('baton.client', $1, false), session_user",
                              1, params, error)))
    goto fail;
  g_free (self->author);
  self->author = g_strdup (pq.PQgetvalue (result, 0, 1));
  pq.PQclear (result);

  if (!ensure_schema (self, error))
    goto fail;

  if (!(result = exec_params (self, "SELECT has_table_privilege ('tasks', 'UPDATE')", 0, NULL, error)))
    goto fail;
  self->viewer = pq.PQgetvalue (result, 0, 0)[0] != 't';
  pq.PQclear (result);

  if (!exec (self, "LISTEN baton_changes", error))
    goto fail;

  return TRUE;

fail:
  self->online = FALSE;
  g_clear_pointer (&self->conn, pq.PQfinish);
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

  if (!load_libpq (error))
    return NULL;

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
  self->pending = g_queue_new ();
  self->writes = g_queue_new ();
  self->free_ids = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_array_unref);
  self->id_floor = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->ids_refilling = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->deferred_at = G_MAXUINT;
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
  pq.PQclear (result);
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

gboolean
baton_storage_pg_seed_stages (BatonStorage        *storage,
                              const char * const  *names,
                              guint                n_names,
                              GError             **error)
{
  PgStorage *self = (PgStorage *) storage;
  PGresult *result;
  gboolean empty;

  g_return_val_if_fail (baton_storage_is_pg (storage), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (!exec (self, "BEGIN", error))
    return FALSE;
  if (!exec (self, "SELECT pg_advisory_xact_lock (472301816)", error) ||
      !(result = exec_params (self, "SELECT NOT EXISTS (SELECT FROM stages)", 0, NULL, error)))
    goto fail;
  empty = pq.PQgetvalue (result, 0, 0)[0] == 't';
  pq.PQclear (result);

  for (guint i = 0; empty && i < n_names; i++)
    {
      g_autofree char *position = g_strdup_printf ("%u", i);
      const char *params[] = { names[i], position, i == n_names - 1 ? "t" : "f" };

      if (!(result = exec_params (self, "INSERT INTO stages (name, position, is_done) VALUES ($1, $2, $3)",
                                  3, params, error)))
        goto fail;
      pq.PQclear (result);
    }

  if (!exec (self, "COMMIT", error))
    return FALSE;
  take_notifies (self);

  return TRUE;

fail:
  if (self->online)
    exec (self, "ROLLBACK", NULL);
  return FALSE;
}

/* The feed --------------------------------------------------------------- */

static void
emit_event (PgStorage           *self,
            BatonStoragePgEvent  event)
{
  if (self->event_func != NULL)
    self->event_func (&self->parent, event, self->event_data);
}

/* Asks for the change log since the last sequence seen; the rows it names
 * follow (catch_up_log_done ()), in the queue after this client's own
 * writes. */
static void
start_catch_up (PgStorage *self)
{
  Batch *batch;
  Stmt *stmt;

  if (!self->online || self->in_snapshot)
    return;
  if (self->catching_up)
    {
      self->catch_up_again = TRUE;
      return;
    }

  take_notifies (self);
  self->catch_up_again = FALSE;

  if (self->needs_reload)
    {
      emit_event (self, BATON_STORAGE_PG_RELOAD);
      return;
    }

  batch = batch_new (BATCH_LOG);
  stmt = stmt_new (g_strdup ("SELECT seq, table_name, row_id, version, client IS NOT DISTINCT FROM $2, "
                             "(SELECT min (seq) FROM change_log) FROM change_log WHERE seq > $1 ORDER BY seq"),
                   NULL, 0);
  stmt_add_int (stmt, self->last_seq);
  stmt_add_param (stmt, self->client_id);
  g_ptr_array_add (batch->stmts, stmt);
  self->catching_up = TRUE;
  send_batch (self, batch);
}

static void
catch_up_finished (PgStorage *self)
{
  self->catching_up = FALSE;
  if (self->catch_up_again)
    schedule_catch_up (self);
}

static void
catch_up_log_done (PgStorage *self,
                   Batch     *log)
{
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                         (GDestroyNotify) g_array_unref);
  PGresult *result = batch_result (log, 0);
  guint n_schemas;
  const BatonRecordSchema * const *schemas = _baton_store_get_schemas (&n_schemas);
  Batch *batch;
  int n;

  if (log->lost || result == NULL || pq.PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      if (result != NULL && !log->lost)
        g_debug ("Could not read the change log: %s", pq.PQresultErrorMessage (result));
      catch_up_finished (self);
      return;
    }

  n = pq.PQntuples (result);
  for (int row = 0; row < n; row++)
    {
      const char *table = pq.PQgetvalue (result, row, 1);
      gboolean own = pq.PQgetvalue (result, row, 4)[0] == 't';

      if (row == 0 && self->last_seq > 0 && int_value (result, 0, 5) > self->last_seq + 1)
        {
          /* The log was cut after what we saw: read everything. */
          self->needs_reload = TRUE;
          self->catching_up = FALSE;
          emit_event (self, BATON_STORAGE_PG_RELOAD);
          return;
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

  if (g_hash_table_size (changed) == 0)
    {
      catch_up_finished (self);
      return;
    }

  /* The rows, in schema order: referenced tables first. */
  batch = batch_new (BATCH_ROWS);
  for (guint i = 0; i < n_schemas; i++)
    {
      GArray *ids = g_hash_table_lookup (changed, schemas[i]);

      if (ids == NULL)
        continue;
      g_ptr_array_add (batch->stmts, stmt_new_select_ids (self, schemas[i], ids));
    }
  batch->changed = g_steal_pointer (&changed);
  send_batch (self, batch);
}

static void
catch_up_rows_done (PgStorage *self,
                    Batch     *batch)
{
  gboolean any = FALSE;

  if (!batch->lost)
    for (guint i = 0; i < batch->stmts->len; i++)
      {
        Stmt *stmt = g_ptr_array_index (batch->stmts, i);
        PGresult *result = batch_result (batch, i);

        if (result == NULL || pq.PQresultStatus (result) != PGRES_TUPLES_OK)
          continue;
        deliver_rows (self, stmt->schema, g_hash_table_lookup (batch->changed, stmt->schema), result);
        any = TRUE;
      }
  if (any)
    emit_event (self, BATON_STORAGE_PG_CAUGHT_UP);

  catch_up_finished (self);
}

gboolean
baton_storage_pg_catch_up (BatonStorage  *storage,
                           GError       **error)
{
  PgStorage *self = (PgStorage *) storage;

  g_return_val_if_fail (baton_storage_is_pg (storage), FALSE);

  if (!self->online || self->depth > 0 || self->in_snapshot)
    return TRUE;

  start_catch_up (self);
  while (self->conn != NULL && self->catching_up)
    wait_batches (self, NULL);

  return TRUE;
}

gboolean
baton_storage_pg_is_busy (BatonStorage *storage)
{
  PgStorage *self = (PgStorage *) storage;

  g_return_val_if_fail (baton_storage_is_pg (storage), FALSE);

  return !g_queue_is_empty (self->pending) || !g_queue_is_empty (self->writes) ||
         self->catching_up || self->idle != NULL;
}

static gboolean
catch_up_idle_cb (gpointer data)
{
  PgStorage *self = data;

  g_clear_pointer (&self->idle, g_source_unref);
  start_catch_up (self);

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
  self->catching_up = FALSE;
  if (self->watch != NULL)
    g_source_destroy (self->watch);
  g_clear_pointer (&self->watch, g_source_unref);
  g_clear_pointer (&self->conn, pq.PQfinish);
  g_hash_table_remove_all (self->ids_refilling);
  self->reconnect_ms = RECONNECT_MIN_MS;
  schedule_reconnect (self);
  emit_event (self, BATON_STORAGE_PG_CONNECTION);
  /* Writes on their way are refused: the store hears why. */
  fail_pending (self);
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
  start_catch_up (self);

  return G_SOURCE_REMOVE;
}

static gboolean
socket_cb (int          fd,
           GIOCondition condition,
           gpointer     data)
{
  PgStorage *self = data;

  if (self->conn == NULL || !pq.PQconsumeInput (self->conn) || connection_lost (self))
    {
      g_clear_pointer (&self->watch, g_source_unref);
      go_offline (self);
      return G_SOURCE_REMOVE;
    }

  process_results (self);

  if (take_notifies (self))
    schedule_catch_up (self);

  return self->watch != NULL ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
watch_socket (PgStorage *self)
{
  if (self->conn == NULL || self->context == NULL || self->watch != NULL)
    return;

  self->watch = g_unix_fd_source_new (pq.PQsocket (self->conn), G_IO_IN | G_IO_ERR | G_IO_HUP);
  g_source_set_callback (self->watch, (GSourceFunc) (void (*) (void)) socket_cb, self, NULL);
  g_source_attach (self->watch, self->context);
}

void
baton_storage_pg_attach (BatonStorage              *storage,
                         BatonStoragePgEventFunc    func,
                         BatonStoragePgRowsFunc     rows_func,
                         BatonStoragePgRefusedFunc  refused_func,
                         gpointer                   user_data)
{
  PgStorage *self = (PgStorage *) storage;

  g_return_if_fail (baton_storage_is_pg (storage));
  g_return_if_fail (self->context == NULL);

  self->event_func = func;
  self->rows_func = rows_func;
  self->refused_func = refused_func;
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
