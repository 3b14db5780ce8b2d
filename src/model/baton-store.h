/* baton-store.h — the workspace: one SQLite database, one source of truth
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * BatonStore loads every row once into a record object (an identity map)
 * and exposes each table as a GListModel. Every change goes through a store
 * method: it validates, writes in one SQL transaction, records its inverse
 * in the store's BatonHistory, then updates the objects (property
 * notifications, items-changed). When the SQL fails nothing in memory
 * changes and the caller gets a GError.
 *
 * Records returned by the store are owned by it (transfer none).
 */
#pragma once

#include <gio/gio.h>

#include "baton-types.h"
#include "baton-entities.h"
#include "baton-history.h"

G_BEGIN_DECLS

#define BATON_SCHEMA_VERSION 8

#define BATON_TYPE_STORE (baton_store_get_type ())
G_DECLARE_FINAL_TYPE (BatonStore, baton_store, BATON, STORE, GObject)

/* Process set-up, called once by the application (and the benchmarks that
 * measure its code paths): keeps megabyte-sized note text on the heap
 * instead of mapping fresh pages for every copy. */
void          baton_store_init_allocator   (void);

/* Opening */
char         *baton_store_default_path     (void);
/* @path: a file path, ":memory:", or NULL for baton_store_default_path ().
 * Creates the file (mode 0600) and its folder when missing. Before writing
 * anything it refuses, leaving the file byte-identical and no file beside
 * it: a file that is not a Baton workspace (BATON_STORE_ERROR_NOT_BATON:
 * another program's database, not a database, an empty file Baton did not
 * create), a damaged one (_CORRUPT), one locked by another program
 * (_LOCKED) and one newer than BATON_SCHEMA_VERSION (_NEWER_SCHEMA). A
 * workspace whose file cannot be written opens read-only (see
 * baton_store_get_read_only ()), unless it needs an upgrade (_READ_ONLY).
 * A file it created and then could not open is removed again. Messages
 * name the file as g_filename_display_name () does. */
BatonStore   *baton_store_open             (const char   *path,
                                            GError      **error);
const char   *baton_store_get_path         (BatonStore   *self);
BatonHistory *baton_store_get_history      (BatonStore   *self);
/* During ::changed, the change just applied (done, undone or redone);
 * NULL otherwise, and for a reload. */
BatonChange  *baton_store_get_applied_change (BatonStore *self);
/* TRUE when the workspace file cannot be written (permissions, an
 * immutable file, a read-only medium): the store was opened read-only and
 * refuses every change with BATON_STORE_ERROR_READ_ONLY. The "read-only"
 * property. A file's is known when it is opened and does not change; a
 * team workspace's changes with its connection and is always TRUE for a
 * login role that may only look. */
gboolean      baton_store_get_read_only    (BatonStore   *self);
/* Reads the schema version of a Baton workspace without opening it as a
 * store (0 for an empty file); refuses other files like baton_store_open (). */
gint          baton_store_peek_version     (const char   *path,
                                            GError      **error);
/* Copies the database with the SQLite backup API into @dest_path. */
gboolean      baton_store_backup           (BatonStore   *self,
                                            const char   *dest_path,
                                            GError      **error);
/* Keeps a rotating set of @keep copies "<path>.backup-N" (N = 1 newest),
 * taken from the file at @path with a connection of its own (the file may
 * be open in a store meanwhile). Does nothing for a missing or empty file;
 * refuses a file that is not a Baton workspace, and a damaged one (the
 * good backups stay). The newest copy is dated when the file had last
 * been written as it was taken, for baton_store_backup_is_due (). */
gboolean      baton_store_rotate_backups   (const char   *path,
                                            guint         keep,
                                            GError      **error);
/* The same on a thread of its own. */
void          baton_store_rotate_backups_async  (const char          *path,
                                                 guint                keep,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean      baton_store_rotate_backups_finish (GAsyncResult        *result,
                                                 GError             **error);
/* TRUE when the file at @path (or its write-ahead log) was written after
 * its newest backup was taken, or it has none; FALSE for a missing file.
 * Opening a workspace and reading it writes nothing, so it stays FALSE
 * until something changes. */
gboolean      baton_store_backup_is_due    (const char   *path);
char         *baton_store_latest_backup    (const char   *path);
/* Counts the tasks and people (archived ones included) of the Baton
 * workspace at @path, read-only, without opening it as a store and
 * without writing anything beside it; refuses other files like
 * baton_store_peek_version (). An empty file holds none. */
gboolean      baton_store_peek_counts      (const char   *path,
                                            guint        *n_tasks,
                                            guint        *n_people,
                                            GError      **error);

/* Lists (item type in brackets), ordered by id unless said otherwise */
GListModel   *baton_store_get_roles           (BatonStore *self); /* BatonRole, by position */
GListModel   *baton_store_get_people          (BatonStore *self); /* BatonPerson */
GListModel   *baton_store_get_person_roles    (BatonStore *self); /* BatonPersonRole */
GListModel   *baton_store_get_time_off        (BatonStore *self); /* BatonTimeOff */
GListModel   *baton_store_get_clients         (BatonStore *self); /* BatonClient */
GListModel   *baton_store_get_programs        (BatonStore *self); /* BatonProgram */
GListModel   *baton_store_get_stages          (BatonStore *self); /* BatonStage, by position */
GListModel   *baton_store_get_tasks           (BatonStore *self); /* BatonTask */
GListModel   *baton_store_get_checklist_items (BatonStore *self); /* BatonChecklistItem */
GListModel   *baton_store_get_notes           (BatonStore *self); /* BatonNote */
GListModel   *baton_store_get_note_revisions  (BatonStore *self); /* BatonNoteRevision */
/* The activity log: a row for each change of a task's stage, assignee,
 * start or due date, and each completion and reopening, written by the
 * store inside the change that made it (so undo takes it back). Creating
 * a task logs nothing (its created-at tells). */
GListModel   *baton_store_get_activity        (BatonStore *self); /* BatonActivity */
/* The list of a record type (BATON_TYPE_TASK → tasks, …). */
GListModel   *baton_store_get_list            (BatonStore *self,
                                               GType       type);

/* Identity map: the one object for a row, or NULL. */
gpointer      baton_store_lookup              (BatonStore *self,
                                               GType       type,
                                               gint64      id);
#define baton_store_lookup_task(s,id)    ((BatonTask *) baton_store_lookup ((s), BATON_TYPE_TASK, (id)))
#define baton_store_lookup_person(s,id)  ((BatonPerson *) baton_store_lookup ((s), BATON_TYPE_PERSON, (id)))
#define baton_store_lookup_role(s,id)    ((BatonRole *) baton_store_lookup ((s), BATON_TYPE_ROLE, (id)))
#define baton_store_lookup_stage(s,id)   ((BatonStage *) baton_store_lookup ((s), BATON_TYPE_STAGE, (id)))
#define baton_store_lookup_program(s,id) ((BatonProgram *) baton_store_lookup ((s), BATON_TYPE_PROGRAM, (id)))
#define baton_store_lookup_client(s,id)  ((BatonClient *) baton_store_lookup ((s), BATON_TYPE_CLIENT, (id)))
#define baton_store_lookup_note(s,id)    ((BatonNote *) baton_store_lookup ((s), BATON_TYPE_NOTE, (id)))

/* Relations, answered from memory */
gboolean      baton_store_person_has_role     (BatonStore  *self,
                                               BatonPerson *person,
                                               gint64       role_id);
gint64        baton_store_get_primary_role_id (BatonStore  *self,
                                               BatonPerson *person);
/* Role ids of @person, primary first. Free with g_array_unref (). */
GArray       *baton_store_get_person_role_ids (BatonStore  *self,
                                               BatonPerson *person);
/* Tasks of @stage ordered by position (archived ones included). */
GPtrArray    *baton_store_get_stage_tasks     (BatonStore  *self,
                                               BatonStage  *stage);
GPtrArray    *baton_store_get_task_checklist  (BatonStore  *self,
                                               BatonTask   *task);
/* The activity of @task, oldest first (BatonActivity, holding references). */
GPtrArray    *baton_store_get_task_activity   (BatonStore  *self,
                                               BatonTask   *task);
/* Records of @type whose reference field @field_name holds @id, in id
 * order. The array holds no references: the records stay the store's. */
GPtrArray    *baton_store_find_by_reference   (BatonStore  *self,
                                               GType        type,
                                               const char  *field_name,
                                               gint64       id);
gboolean      baton_store_is_empty            (BatonStore  *self);

/* Generic mutations, one transaction and one undo step each.
 * The varargs are property name / value pairs ended by NULL; pass gint64
 * properties as (gint64) and booleans as (gboolean). */
gpointer      baton_store_insert    (BatonStore   *self,
                                     GType         type,
                                     GError      **error,
                                     const char   *first_property_name,
                                     ...) G_GNUC_NULL_TERMINATED;
gpointer      baton_store_insertv   (BatonStore   *self,
                                     GType         type,
                                     guint         n_properties,
                                     const char  **names,
                                     const GValue *values,
                                     GError      **error);
gboolean      baton_store_update    (BatonStore   *self,
                                     gpointer      record,
                                     GError      **error,
                                     const char   *first_property_name,
                                     ...) G_GNUC_NULL_TERMINATED;
gboolean      baton_store_updatev   (BatonStore   *self,
                                     gpointer      record,
                                     guint         n_properties,
                                     const char  **names,
                                     const GValue *values,
                                     GError      **error);
/* Deletes @record and what depends on it (ON DELETE rules of the schema):
 * a task takes its checklist, a person their roles and time off; a
 * person's tasks become unassigned. Refused with BATON_STORE_ERROR_IN_USE
 * while a RESTRICT reference remains (the message says how many). */
gboolean      baton_store_delete    (BatonStore   *self,
                                     gpointer      record,
                                     GError      **error);

/* Roles */
BatonRole    *baton_store_create_role        (BatonStore   *self,
                                              const char   *name,
                                              const char   *color,
                                              GError      **error);
gboolean      baton_store_move_role          (BatonStore   *self,
                                              BatonRole    *role,
                                              guint         index,
                                              GError      **error);

/* People */
BatonPerson  *baton_store_create_person      (BatonStore   *self,
                                              const char   *name,
                                              const char   *email,
                                              gint64        weekly_capacity_minutes,
                                              const char   *color,
                                              GError      **error);
/* Replaces the roles of @person. @primary_role_id must be among @role_ids
 * (or 0 when @n_roles is 0). */
gboolean      baton_store_set_person_roles   (BatonStore   *self,
                                              BatonPerson  *person,
                                              const gint64 *role_ids,
                                              guint         n_roles,
                                              gint64        primary_role_id,
                                              GError      **error);
BatonTimeOff *baton_store_add_time_off       (BatonStore   *self,
                                              BatonPerson  *person,
                                              const char   *start_date,
                                              const char   *end_date,
                                              const char   *note,
                                              GError      **error);

/* Clients and programs */
BatonClient  *baton_store_create_client      (BatonStore   *self,
                                              const char   *name,
                                              const char   *organization,
                                              GError      **error);
BatonProgram *baton_store_create_program     (BatonStore   *self,
                                              BatonClient  *client,
                                              const char   *name,
                                              GError      **error);

/* Stages */
BatonStage   *baton_store_create_stage       (BatonStore   *self,
                                              const char   *name,
                                              gint64        wip_limit,
                                              GError      **error);
gboolean      baton_store_move_stage         (BatonStore   *self,
                                              BatonStage   *stage,
                                              guint         index,
                                              GError      **error);
/* Deletes @stage; its tasks move to the end of @move_tasks_to, or are
 * deleted with it when that is NULL. */
gboolean      baton_store_delete_stage       (BatonStore   *self,
                                              BatonStage   *stage,
                                              BatonStage   *move_tasks_to,
                                              GError      **error);

/* Tasks */
/* A new task at the end of @stage. @program may be NULL. */
BatonTask    *baton_store_create_task        (BatonStore   *self,
                                              BatonStage   *stage,
                                              BatonProgram *program,
                                              const char   *title,
                                              GError      **error);
/* Moves @task into @stage just before @before (a task of that stage), or
 * to the end when @before is NULL. Reorders within a stage too. Sets or
 * clears completed-at when it enters or leaves a done stage. */
gboolean      baton_store_move_task          (BatonStore   *self,
                                              BatonTask    *task,
                                              BatonStage   *stage,
                                              BatonTask    *before,
                                              GError      **error);
/* @person NULL unassigns. */
gboolean      baton_store_reassign_task      (BatonStore   *self,
                                              BatonTask    *task,
                                              BatonPerson  *person,
                                              GError      **error);
gboolean      baton_store_schedule_task      (BatonStore   *self,
                                              BatonTask    *task,
                                              const char   *start_date,
                                              const char   *due_date,
                                              GError      **error);
/* Shifts start and due dates by whole weeks (negative moves earlier). */
gboolean      baton_store_reschedule_task    (BatonStore   *self,
                                              BatonTask    *task,
                                              gint          weeks,
                                              GError      **error);
/* One task's move in baton_store_move_tasks (). */
typedef struct
{
  BatonTask  *task;
  /* What the task was when the move was planned. */
  const char *updated_at;
  gint64      from_assignee_id;
  const char *from_start_date;
  const char *from_due_date;
  gint64      from_estimate_minutes;
  /* What it becomes. */
  gint64      assignee_id;      /* 0: unassigned */
  const char *start_date;
  const char *due_date;
} BatonTaskMove;

/* Gives several tasks another assignee and dates (a rebalance plan) in
 * one transaction and one undo step labelled @label, logging each change
 * of assignee and dates. Refused with BATON_STORE_ERROR_STALE, changing
 * nothing, when a task is no longer what the move expects (its
 * updated-at, assignee, dates or estimate differ); with _NOT_FOUND when a task or
 * person is gone; with _INVALID when a person is archived or dates are
 * wrong. */
gboolean      baton_store_move_tasks         (BatonStore          *self,
                                              const BatonTaskMove *moves,
                                              guint                n_moves,
                                              const char          *label,
                                              GError             **error);
/* Reassign and reschedule as one undo step (capacity drag onto another
 * person and week). */
gboolean      baton_store_reassign_and_reschedule_task (BatonStore  *self,
                                                        BatonTask   *task,
                                                        BatonPerson *person,
                                                        gint         weeks,
                                                        GError     **error);
gboolean      baton_store_archive_task       (BatonStore   *self,
                                              BatonTask    *task,
                                              gboolean      archived,
                                              GError      **error);
BatonChecklistItem *baton_store_add_checklist_item (BatonStore *self,
                                                    BatonTask  *task,
                                                    const char *text,
                                                    GError    **error);

/* Notes */
BatonNote    *baton_store_create_note        (BatonStore   *self,
                                              BatonClient  *client,
                                              BatonProgram *program,
                                              const char   *title,
                                              const char   *body,
                                              GError      **error);
/* Saves title and body; when the body changed and @keep_revision is TRUE,
 * the previous body is kept as a BatonNoteRevision in the same transaction. */
gboolean      baton_store_update_note        (BatonStore   *self,
                                              BatonNote    *note,
                                              const char   *title,
                                              const char   *body,
                                              gboolean      keep_revision,
                                              GError      **error);

/* Undo and redo through the store's history. */
gboolean      baton_store_undo               (BatonStore   *self,
                                              GError      **error);
gboolean      baton_store_redo               (BatonStore   *self,
                                              GError      **error);

/* Runs @func inside one transaction. Changes made by store methods inside
 * it form one undo step labelled @label (or none when @label is NULL and
 * @record_history is FALSE — for generators and imports). When @func
 * fails, the transaction is rolled back and the objects reloaded. */
typedef gboolean (*BatonStoreBatchFunc) (BatonStore  *store,
                                         gpointer     user_data,
                                         GError     **error);
gboolean      baton_store_run_batch          (BatonStore          *self,
                                              const char          *label,
                                              gboolean             record_history,
                                              BatonStoreBatchFunc  func,
                                              gpointer             user_data,
                                              GError             **error);

/* Team workspaces (PostgreSQL) ------------------------------------------ */

/* Whether @location names a team workspace: a PostgreSQL connection URI
 * ("postgresql://…" or "postgres://…"). Anything else is a file path. */
gboolean      baton_store_is_team_location  (const char *location);
/* @location for people: a file's display name, or "DATABASE on HOST" for
 * a team workspace. Never shows a password. */
char         *baton_store_describe_location (const char *location);
/* @location without any password in it, for keeping (recent workspaces,
 * settings); a file path is returned as it is. NULL when @location is a
 * URI that cannot be parsed. */
char         *baton_store_location_strip_password (const char *location);

typedef enum
{
  BATON_STORE_CONNECTION_LOCAL,    /* a workspace file */
  BATON_STORE_CONNECTION_ONLINE,   /* a team workspace, connected */
  BATON_STORE_CONNECTION_OFFLINE,  /* a team workspace whose server cannot be
                                    * reached: read-only, reconnecting by itself */
} BatonStoreConnection;

typedef enum
{
  BATON_STORE_OPEN_NONE           = 0,
  /* Fail with BATON_STORE_ERROR_UNREACHABLE instead of opening offline
   * (a first connection, the command line). */
  BATON_STORE_OPEN_REQUIRE_SERVER = 1 << 0,
} BatonStoreOpenFlags;

/* Opens a workspace file (as baton_store_open ()) or a team workspace
 * without blocking the main loop. @password may be NULL: libpq's own ways
 * apply then (~/.pgpass, PGPASSWORD). Fails with BATON_STORE_ERROR_AUTH
 * when the server wants a password it was not given or refuses it, and
 * with _NEWER_SCHEMA when the server's schema is newer than this Baton.
 * A server that cannot be reached is not an error (unless
 * BATON_STORE_OPEN_REQUIRE_SERVER): the store opens read-only and OFFLINE
 * and loads the workspace when it reconnects. */
void          baton_store_open_async        (const char          *location,
                                             const char          *password,
                                             BatonStoreOpenFlags  flags,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
BatonStore   *baton_store_open_finish       (GAsyncResult        *result,
                                             GError             **error);
/* The "connection" property. */
BatonStoreConnection baton_store_get_connection (BatonStore *self);
/* In a team workspace, runs the thread-default main context until the
 * server has confirmed or refused every change sent so far (at most
 * @timeout_ms). Fails with the message of the first refusal
 * (BATON_STORE_ERROR_CONFLICT: the objects are back as the server has
 * them), or when the server did not answer in time. For a program with no
 * main loop of its own (the command line) before it reports success;
 * returns TRUE at once for a file. */
gboolean      baton_store_wait_confirmed    (BatonStore   *self,
                                             guint         timeout_ms,
                                             GError      **error);
/* The name changes are made under in a team workspace (the login role),
 * as the activity log records it; NULL for a file. */
const char   *baton_store_get_author        (BatonStore *self);

/* Work on a worker thread (baton-store-worker.c) ------------------------- */

/* Opens the workspace at @path, which must exist, for a worker thread: a
 * connection of its own, no main-loop source, and changes that wait up to
 * BATON_DB_WORKER_BUSY_TIMEOUT_MS for the window's connection to commit.
 * The store belongs to the thread that opened it until that thread hands
 * it over (and is done with it). */
BatonStore   *baton_store_open_for_worker    (const char   *path,
                                              GError      **error);

/* Called after each change a store writes, with the number of rows it has
 * written since baton_store_set_interrupt (), on the store's thread. */
typedef void (*BatonStoreProgressFunc) (guint     n_rows,
                                        gpointer  user_data);
/* From now on every change of @self fails with G_IO_ERROR_CANCELLED once
 * @cancellable is cancelled (a batch then rolls back whole), and
 * @progress_func hears of each change written. Both may be NULL. */
void          baton_store_set_interrupt      (BatonStore             *self,
                                              GCancellable           *cancellable,
                                              BatonStoreProgressFunc  progress_func,
                                              gpointer                user_data);
/* Takes the last undo step out of the history, for another store to adopt
 * (NULL when there is none). */
BatonChange  *baton_store_take_last_change   (BatonStore   *self);
/* @change is already written to this store's file by another connection
 * (a worker's store on the same file): updates the objects to match, as
 * one undo step, and emits #BatonStore::changed. When the objects no
 * longer hold what @change found (this store changed the same rows
 * meanwhile), the store reads the file again instead, and the change is
 * not undoable; @adopted_as_undo tells which happened. Takes @change. */
gboolean      baton_store_adopt_change       (BatonStore   *self,
                                              BatonChange  *change,
                                              gboolean     *adopted_as_undo,
                                              GError      **error);

G_END_DECLS
