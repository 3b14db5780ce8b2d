/* baton-store.c — the workspace: one SQLite database, one source of truth
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every mutation is expressed as a BatonChange: a list of row operations
 * with snapshots of the fields before and after. Applying a change writes
 * all of its operations in one transaction and only then updates the
 * objects; undo applies the same change backwards. So validation, SQL,
 * notifications and history are written once, for every table.
 *
 * The store's files, each one job, sharing baton-store-internal.h:
 *  - baton-store.c: the tables in memory, reading them, lists, opening,
 *    the GObject;
 *  - baton-store-file.c: files, backups, what an open error means;
 *  - baton-store-indexes.c: the secondary indexes (tasks by stage, …);
 *  - baton-storage.h: all the store asks of a database engine (rows and
 *    transactions); baton-storage-sqlite.c is the SQLite one;
 *  - baton-store-changes.c: applying a change, undo and redo;
 *  - baton-store-rules.c: validation, the rules that span rows;
 *  - baton-store-mutations.c: the generic insert, update and delete;
 *  - baton-store-people.c, baton-store-tasks.c: the methods of each kind
 *    of record.
 */

#define G_LOG_DOMAIN "baton-store"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "baton-dates.h"
#include "baton-model-enums.h"
#include "baton-store-internal.h"

static GParamSpec *properties[N_PROPS];
guint _baton_store_signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BatonStore, baton_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (baton-store-error-quark, baton_store_error)

const BatonRecordSchema *
_baton_store_schema_for_table (TableId id)
{
  switch (id)
    {
    case TABLE_ROLES:           return baton_role_schema ();
    case TABLE_PEOPLE:          return baton_person_schema ();
    case TABLE_PERSON_ROLES:    return baton_person_role_schema ();
    case TABLE_TIME_OFF:        return baton_time_off_schema ();
    case TABLE_CLIENTS:         return baton_client_schema ();
    case TABLE_PROGRAMS:        return baton_program_schema ();
    case TABLE_STAGES:          return baton_stage_schema ();
    case TABLE_TASKS:           return baton_task_schema ();
    case TABLE_CHECKLIST_ITEMS: return baton_checklist_item_schema ();
    case TABLE_NOTES:           return baton_note_schema ();
    case TABLE_NOTE_REVISIONS:  return baton_note_revision_schema ();
    case TABLE_ACTIVITY:        return baton_activity_schema ();
    case N_TABLES:
    default:
      g_assert_not_reached ();
    }
}

const BatonRecordSchema * const *
_baton_store_get_schemas (guint *n_schemas)
{
  static const BatonRecordSchema *schemas[N_TABLES];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < N_TABLES; i++)
        schemas[i] = _baton_store_schema_for_table (i);
      g_once_init_leave (&initialized, 1);
    }

  if (n_schemas != NULL)
    *n_schemas = N_TABLES;

  return schemas;
}

Table *
_baton_store_table_for_schema (BatonStore              *self,
                               const BatonRecordSchema *schema)
{
  for (guint i = 0; i < N_TABLES; i++)
    if (self->tables[i].schema == schema)
      return &self->tables[i];

  g_assert_not_reached ();
  return NULL;
}

Table *
_baton_store_table_for_name (BatonStore *self,
                             const char *name)
{
  for (guint i = 0; i < N_TABLES; i++)
    if (strcmp (self->tables[i].schema->table, name) == 0)
      return &self->tables[i];

  return NULL;
}

Table *
_baton_store_table_for_type (BatonStore *self,
                             GType       type)
{
  for (guint i = 0; i < N_TABLES; i++)
    if (self->tables[i].schema->get_type () == type)
      return &self->tables[i];

  return NULL;
}

gint64
_baton_store_record_position (BatonRecord *record)
{
  const BatonField *field = baton_record_schema_find_field (baton_record_get_schema (record), "position");

  return baton_record_get_int_field (record, field);
}

int
_baton_store_compare_records (gconstpointer a,
                              gconstpointer b,
                              gpointer      user_data)
{
  Table *table = user_data;
  gint64 ia = baton_record_get_id ((BatonRecord *) a);
  gint64 ib = baton_record_get_id ((BatonRecord *) b);

  if (table->by_position)
    {
      gint64 pa = _baton_store_record_position ((BatonRecord *) a);
      gint64 pb = _baton_store_record_position ((BatonRecord *) b);

      if (pa != pb)
        return pa < pb ? -1 : 1;
    }

  return ia < ib ? -1 : (ia > ib ? 1 : 0);
}

gboolean
_baton_store_table_find (Table       *table,
                         BatonRecord *record,
                         guint       *position)
{
  GListModel *model = G_LIST_MODEL (table->list);
  guint lo = 0, hi = g_list_model_get_n_items (model);

  if (table->by_position)
    return g_list_store_find (table->list, record, position);

  /* Ordered by id: binary search. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(BatonRecord) item = g_list_model_get_item (model, mid);
      int cmp = _baton_store_compare_records (item, record, table);

      if (cmp == 0)
        {
          *position = mid;
          return TRUE;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return g_list_store_find (table->list, record, position);
}

void
_baton_store_table_init (Table                   *table,
                         const BatonRecordSchema *schema)
{
  table->schema = schema;
  table->list = g_list_store_new (schema->get_type ());
  table->by_id = g_hash_table_new (g_direct_hash, g_direct_equal);
  table->by_position = baton_record_schema_find_field (schema, "position") != NULL &&
                       (schema == baton_role_schema () || schema == baton_stage_schema ());
}

void
_baton_store_table_clear (Table *table)
{
  g_clear_object (&table->list);
  g_clear_pointer (&table->by_id, g_hash_table_unref);
}

/* Reading ---------------------------------------------------------------- */

static void
add_row (const BatonRecordSchema *schema,
         gint64                   id,
         const GValue            *values,
         gpointer                 user_data)
{
  GPtrArray *records = user_data;
  BatonRecord *record = g_object_new (schema->get_type (), NULL);

  _baton_record_set_id (record, id);
  for (guint i = 0; i < schema->n_fields; i++)
    {
      const BatonField *field = &schema->fields[i];

      if (G_VALUE_HOLDS_STRING (&values[i]))
        _baton_record_load_string (record, field, g_value_get_string (&values[i]));
      else if (G_VALUE_HOLDS_BOOLEAN (&values[i]))
        _baton_record_load_int (record, field, g_value_get_boolean (&values[i]));
      else
        _baton_record_load_int (record, field, g_value_get_int64 (&values[i]));
    }

  g_ptr_array_add (records, record);
}

gboolean
_baton_store_table_load (BatonStore  *self,
                         Table       *table,
                         GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_n;

  if (!baton_storage_read_rows (self->storage, table->schema, add_row, records, error))
    return FALSE;

  g_hash_table_remove_all (table->by_id);
  for (guint i = 0; i < records->len; i++)
    {
      BatonRecord *record = g_ptr_array_index (records, i);
      g_hash_table_insert (table->by_id, id_key (baton_record_get_id (record)), record);
    }

  old_n = g_list_model_get_n_items (G_LIST_MODEL (table->list));
  g_list_store_splice (table->list, 0, old_n, records->pdata, records->len);

  if (table->by_position)
    g_list_store_sort (table->list, _baton_store_compare_records, table);

  _baton_store_indexes_rebuild (self, table_id_of (self, table));

  return TRUE;
}

/* Lists ------------------------------------------------------------------ */

GListModel *
baton_store_get_list (BatonStore *self,
                      GType       type)
{
  Table *table;

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  table = _baton_store_table_for_type (self, type);
  g_return_val_if_fail (table != NULL, NULL);

  return G_LIST_MODEL (table->list);
}

#define DEFINE_LIST_GETTER(func, table_id)                   \
  GListModel *                                               \
  func (BatonStore *self)                                    \
  {                                                          \
    g_return_val_if_fail (BATON_IS_STORE (self), NULL);      \
    return G_LIST_MODEL (self->tables[table_id].list);       \
  }

DEFINE_LIST_GETTER (baton_store_get_roles, TABLE_ROLES)
DEFINE_LIST_GETTER (baton_store_get_people, TABLE_PEOPLE)
DEFINE_LIST_GETTER (baton_store_get_person_roles, TABLE_PERSON_ROLES)
DEFINE_LIST_GETTER (baton_store_get_time_off, TABLE_TIME_OFF)
DEFINE_LIST_GETTER (baton_store_get_clients, TABLE_CLIENTS)
DEFINE_LIST_GETTER (baton_store_get_programs, TABLE_PROGRAMS)
DEFINE_LIST_GETTER (baton_store_get_stages, TABLE_STAGES)
DEFINE_LIST_GETTER (baton_store_get_tasks, TABLE_TASKS)
DEFINE_LIST_GETTER (baton_store_get_checklist_items, TABLE_CHECKLIST_ITEMS)
DEFINE_LIST_GETTER (baton_store_get_notes, TABLE_NOTES)
DEFINE_LIST_GETTER (baton_store_get_note_revisions, TABLE_NOTE_REVISIONS)
DEFINE_LIST_GETTER (baton_store_get_activity, TABLE_ACTIVITY)

gpointer
baton_store_lookup (BatonStore *self,
                    GType       type,
                    gint64      id)
{
  Table *table;

  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  table = _baton_store_table_for_type (self, type);
  g_return_val_if_fail (table != NULL, NULL);

  return table_lookup (table, id);
}

gboolean
baton_store_is_empty (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  for (guint i = 0; i < N_TABLES; i++)
    if (i != TABLE_STAGES && g_list_model_get_n_items (G_LIST_MODEL (self->tables[i].list)) > 0)
      return FALSE;

  return TRUE;
}

/* Opening ---------------------------------------------------------------- */

void
baton_store_init_allocator (void)
{
#ifdef __GLIBC__
  /* glibc maps every allocation from 128 KiB up afresh and trims the heap
   * eagerly, so each copy of a 1 MB note faulted in new pages: a quarter
   * of the time of saving it. Notes up to 4 MiB now stay on the heap. */
  mallopt (M_MMAP_THRESHOLD, 4 * 1024 * 1024);
  mallopt (M_TRIM_THRESHOLD, 16 * 1024 * 1024);
#endif
}

/* SQLite's automatic checkpoint runs inside the commit that crosses its
 * threshold, so one move in a few hundred would stall for a checkpoint.
 * Instead, checkpoint once the application has been idle for a moment; a
 * process that never runs a main loop still checkpoints, much later. */
#define CHECKPOINT_IDLE_PAGES   1000
#define CHECKPOINT_FORCED_PAGES 20000

static gboolean
checkpoint_cb (gpointer data)
{
  BatonStore *self = data;

  self->checkpoint_source = 0;
  if (baton_db_get_depth (self->db) == 0)
    sqlite3_wal_checkpoint_v2 (baton_db_get_handle (self->db), NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

  return G_SOURCE_REMOVE;
}

static int
wal_hook (void       *data,
          sqlite3    *db,
          const char *name,
          int         pages)
{
  BatonStore *self = data;

  if (pages >= CHECKPOINT_FORCED_PAGES)
    sqlite3_wal_checkpoint_v2 (db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  else if (pages >= CHECKPOINT_IDLE_PAGES && self->checkpoint_source == 0)
    self->checkpoint_source = g_timeout_add_full (G_PRIORITY_LOW, 1000, checkpoint_cb, self, NULL);

  return SQLITE_OK;
}

static const char * const default_stages[] = {
  N_("Backlog"), N_("Analysis"), N_("Design"), N_("Development"), N_("Review"), N_("Delivered"),
};

const char * const *
_baton_store_get_default_stages (guint *n_stages)
{
  if (n_stages != NULL)
    *n_stages = G_N_ELEMENTS (default_stages);

  return default_stages;
}

static gboolean
seed_stages (BatonStore  *self,
             gpointer     user_data,
             GError     **error)
{
  const char * const *names = default_stages;

  for (guint i = 0; i < G_N_ELEMENTS (default_stages); i++)
    {
      BatonStage *stage = baton_store_create_stage (self, _(names[i]), 0, error);

      if (stage == NULL)
        return FALSE;
      if (i == G_N_ELEMENTS (default_stages) - 1 &&
          !baton_store_update (self, stage, error, "is-done", (gboolean) TRUE, NULL))
        return FALSE;
    }

  return TRUE;
}

gboolean
_baton_store_seed_stages (BatonStore  *self,
                          GError     **error)
{
  return baton_store_run_batch (self, NULL, FALSE, seed_stages, NULL, error);
}

gboolean
_baton_store_reload (BatonStore  *self,
                     GError     **error)
{
  g_return_val_if_fail (BATON_IS_STORE (self), FALSE);

  for (guint i = 0; i < N_TABLES; i++)
    if (!_baton_store_table_load (self, &self->tables[i], error))
      return FALSE;

  _baton_store_emit_changed (self, NULL);

  return TRUE;
}

/* @created_file: set when the file was missing and this created it.
 * @worker: for a worker thread — no main-loop source, and changes wait
 * longer for the window's connection. */
static BatonStore *
open_store (const char  *path,
            gboolean     worker,
            gboolean    *created_file,
            GError     **error)
{
  g_autoptr(BatonStore) self = NULL;
  gboolean created = FALSE;

  self = g_object_new (BATON_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!(self->db = _baton_store_open_database (path, &created, created_file, error)))
    return NULL;
  self->storage = baton_storage_sqlite_new (self->db);

  if (!worker && !baton_db_is_read_only (self->db) && strcmp (path, ":memory:") != 0)
    sqlite3_wal_hook (baton_db_get_handle (self->db), wal_hook, self);

  if (!_baton_store_reload (self, error))
    {
      _baton_store_explain_open_error (path, error);
      return NULL;
    }

  if (created && !baton_store_run_batch (self, NULL, FALSE, seed_stages, NULL, error))
    return NULL;

  /* From now on a change waits only a moment for another program's lock;
   * a worker waits for the window's changes, which are short. */
  baton_db_set_busy_timeout (self->db, worker ? BATON_DB_WORKER_BUSY_TIMEOUT_MS
                                              : BATON_DB_BUSY_TIMEOUT_MS);

  return g_steal_pointer (&self);
}

BatonStore *
_baton_store_open_full (const char  *path,
                        gboolean     worker,
                        GError     **error)
{
  g_autofree char *default_path = NULL;
  gboolean created_file = FALSE;
  BatonStore *self;

  if (path == NULL)
    path = default_path = baton_store_default_path ();

  if (baton_store_is_team_location (path))
    {
      if (worker)
        {
          g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_OPEN,
                               _("Work on a team workspace cannot run in the background."));
          return NULL;
        }
      return _baton_store_open_team (path, error);
    }

  self = open_store (path, worker, &created_file, error);

  /* A file that was missing is missing again: left empty, the next try
   * would refuse it as a file Baton did not make. Its connection is
   * closed by now, and SQLite removed the files it put beside it. */
  if (self == NULL && created_file)
    g_unlink (path);

  return self;
}

BatonStore *
baton_store_open (const char  *path,
                  GError     **error)
{
  return _baton_store_open_full (path, FALSE, error);
}

/* GObject ---------------------------------------------------------------- */

BatonDb *
_baton_store_get_db (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  return self->db;
}

BatonStorage *
_baton_store_get_storage (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  return self->storage;
}

const char *
baton_store_get_path (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  return self->path;
}

void
_baton_store_emit_changed (BatonStore  *self,
                           BatonChange *applied)
{
  self->applied_change = applied;
  g_signal_emit (self, _baton_store_signals[CHANGED], 0);
  self->applied_change = NULL;
}

/**
 * baton_store_get_applied_change:
 *
 * While #BatonStore::changed is emitted: the change the store just
 * applied — made, undone (its ops then went backwards) or redone —, for
 * listeners that can tell from it that their figures still hold.
 *
 * Returns: (transfer none) (nullable): the change, or %NULL outside the
 *   signal, for a batch that was not recorded, and when the store read
 *   the file again
 */
BatonChange *
baton_store_get_applied_change (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  return self->applied_change;
}

BatonHistory *
baton_store_get_history (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), NULL);

  return self->history;
}

/**
 * baton_store_get_read_only:
 *
 * Returns: %TRUE when the workspace file cannot be written (permissions, an
 *   immutable file, a read-only medium): the store was opened read-only and
 *   refuses every change with %BATON_STORE_ERROR_READ_ONLY.
 */
gboolean
baton_store_get_read_only (BatonStore *self)
{
  g_return_val_if_fail (BATON_IS_STORE (self), TRUE);

  if (_baton_store_is_team (self))
    return _baton_store_team_read_only (self);

  return self->db != NULL && baton_db_is_read_only (self->db);
}

static void
baton_store_dispose (GObject *object)
{
  BatonStore *self = BATON_STORE (object);

  g_clear_handle_id (&self->checkpoint_source, g_source_remove);
  if (self->db != NULL)
    sqlite3_wal_hook (baton_db_get_handle (self->db), NULL, NULL);
  g_clear_object (&self->history);
  g_clear_object (&self->interrupt);

  G_OBJECT_CLASS (baton_store_parent_class)->dispose (object);
}

static void
baton_store_finalize (GObject *object)
{
  BatonStore *self = BATON_STORE (object);

  for (guint i = 0; i < N_INDEXES; i++)
    g_clear_pointer (&self->indexes[i].groups, g_hash_table_unref);
  for (guint i = 0; i < N_TABLES; i++)
    _baton_store_table_clear (&self->tables[i]);
  g_clear_pointer (&self->batch_change, baton_change_free);
  g_clear_pointer (&self->storage, baton_storage_free);
  g_clear_pointer (&self->db, baton_db_close);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (baton_store_parent_class)->finalize (object);
}

static void
baton_store_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BatonStore *self = BATON_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, baton_store_get_read_only (self));
      break;
    case PROP_CONNECTION:
      g_value_set_enum (value, baton_store_get_connection (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_store_class_init (BatonStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baton_store_dispose;
  object_class->finalize = baton_store_finalize;
  object_class->get_property = baton_store_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, BATON_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * BatonStore:read-only:
   *
   * Whether every change is refused: the workspace file cannot be
   * written, or a team workspace is offline or opened by a role that may
   * only look. Views turn their editing controls off by it. A file's is
   * known when the store is opened; a team workspace's follows its
   * connection.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * BatonStore:connection:
   *
   * A file, or a team workspace online or offline (BatonStoreConnection).
   */
  properties[PROP_CONNECTION] =
    g_param_spec_enum ("connection", NULL, NULL, BATON_TYPE_STORE_CONNECTION,
                       BATON_STORE_CONNECTION_LOCAL,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BatonStore::changed:
   *
   * Emitted once after each applied change (a mutation, an undo, a redo, a
   * reload), after every object has been updated. Views that derive
   * figures from many records (capacity) recompute on it.
   */
  _baton_store_signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * BatonStore::refused:
   * @message: what happened, for people (a toast)
   *
   * In a team workspace, a change this coordinator made and the window
   * already showed was refused by the server: someone else changed the
   * row first, the role may not write, or the connection dropped before it
   * committed. When it is emitted the objects are back as the server has
   * them and ::changed has been emitted. Never emitted for a file.
   */
  _baton_store_signals[REFUSED] =
    g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
baton_store_init (BatonStore *self)
{
  self->history = baton_history_new ();

  for (guint i = 0; i < N_TABLES; i++)
    _baton_store_table_init (&self->tables[i], _baton_store_schema_for_table (i));

  _baton_store_index_init (&self->indexes[INDEX_TASKS_BY_STAGE], TABLE_TASKS, "stage-id");
  _baton_store_index_init (&self->indexes[INDEX_CHECKLIST_BY_TASK], TABLE_CHECKLIST_ITEMS, "task-id");
  _baton_store_index_init (&self->indexes[INDEX_ROLES_BY_PERSON], TABLE_PERSON_ROLES, "person-id");
  _baton_store_index_init (&self->indexes[INDEX_ACTIVITY_BY_TASK], TABLE_ACTIVITY, "task-id");
}
