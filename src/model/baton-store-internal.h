/* baton-store-internal.h — what the store's own files share (not for the
 * rest of the model: that is baton-store-private.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "baton-db.h"
#include "baton-store-private.h"
#include "baton-storage.h"

G_BEGIN_DECLS

#define TASK_POSITION_GAP 1024

typedef enum
{
  TABLE_ROLES,
  TABLE_PEOPLE,
  TABLE_PERSON_ROLES,
  TABLE_TIME_OFF,
  TABLE_CLIENTS,
  TABLE_PROGRAMS,
  TABLE_STAGES,
  TABLE_TASKS,
  TABLE_CHECKLIST_ITEMS,
  TABLE_NOTES,
  TABLE_NOTE_REVISIONS,
  TABLE_ACTIVITY,
  N_TABLES
} TableId;

typedef struct
{
  const BatonRecordSchema *schema;
  GListStore              *list;
  GHashTable              *by_id;        /* id → record (borrowed from list) */
  gboolean                 by_position;  /* list ordered by position, then id */
} Table;

/* A secondary index: the rows of a table grouped by one reference field
 * (tasks by stage, checklist items by task, role links by person), so the
 * hot paths never walk a whole table. */
typedef enum
{
  INDEX_TASKS_BY_STAGE,
  INDEX_CHECKLIST_BY_TASK,
  INDEX_ROLES_BY_PERSON,
  INDEX_ACTIVITY_BY_TASK,
  N_INDEXES
} IndexId;

typedef struct
{
  GPtrArray *rows;     /* BatonRecord*, borrowed from the table */
  gboolean   sorted;   /* by position, then id */
} Group;

typedef struct
{
  TableId           table;
  const BatonField *field;
  GHashTable       *groups;   /* parent id → Group* */
} Index;

struct _BatonStore
{
  GObject parent_instance;

  BatonDb      *db;           /* the file: backups, checkpoints, the notes index */
  BatonStorage *storage;      /* the rows and transactions (on @db) */
  gint64        last_insert_id;
  char         *path;
  BatonHistory *history;
  Table         tables[N_TABLES];
  Index         indexes[N_INDEXES];
  guint         checkpoint_source;

  /* baton_store_run_batch () */
  guint         batch_depth;
  BatonChange  *batch_change;
  gboolean      batch_records;

  /* While "changed" is emitted: the change just applied, or NULL. */
  BatonChange  *applied_change;

  /* baton_store_set_interrupt () */
  GCancellable           *interrupt;
  BatonStoreProgressFunc  progress_func;
  gpointer                progress_data;
  guint                   n_written;
};

enum {
  PROP_0,
  PROP_PATH,
  PROP_HISTORY,
  PROP_READ_ONLY,
  PROP_CONNECTION,
  N_PROPS
};

enum {
  CHANGED,
  REFUSED,
  N_SIGNALS
};

typedef struct
{
  const char *names[16];
  GValue      values[16];
  guint       n;
} Props;

static inline void
props_clear (Props *props)
{
  for (guint i = 0; i < props->n; i++)
    g_value_unset (&props->values[i]);
  props->n = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Props, props_clear)

extern guint _baton_store_signals[N_SIGNALS];

typedef enum
{
  DIRECTION_FORWARD,
  DIRECTION_BACKWARD,
} Direction;

static inline gpointer
id_key (gint64 id)
{
  return GSIZE_TO_POINTER ((gsize) id);
}

static inline BatonRecord *
table_lookup (Table  *table,
              gint64  id)
{
  return id > 0 ? g_hash_table_lookup (table->by_id, id_key (id)) : NULL;
}

static inline TableId
table_id_of (BatonStore *self,
             Table      *table)
{
  return (TableId) (table - self->tables);
}

/* Team workspaces (baton-store-team.c) */
BatonStore *            _baton_store_open_team (const char  *location,
                                                GError     **error);
gboolean                _baton_store_is_team (BatonStore *self);
gboolean                _baton_store_team_read_only (BatonStore *self);
gboolean                _baton_store_seed_stages (BatonStore  *self,
                                                  GError     **error);
void                    _baton_store_apply_remote (BatonStore  *self,
                                                   BatonChange *change);

GValue *                _baton_store_snapshot_record (BatonRecord *record);
GValue *                _baton_store_copy_values (const BatonRecordSchema *schema,
                                                  const GValue            *values);
void                    _baton_store_resort_moved (BatonStore  *self,
                                                   BatonChange *change);
/* Emits "changed" with @applied (nullable) as the applied change. */
void                    _baton_store_emit_changed (BatonStore  *self,
                                                   BatonChange *applied);
BatonRecord *           _baton_store_record_new_from_values (const BatonRecordSchema *schema,
                                                             gint64                   id,
                                                             const GValue            *values);
gboolean                _baton_store_change_commit (BatonStore   *self,
                                                    BatonChange  *change,
                                                    GError      **error);
BatonChange *           _baton_store_change_for_insert (BatonStore               *self,
                                                        GType                     type,
                                                        const char               *label,
                                                        guint                     n_properties,
                                                        const char              **names,
                                                        const GValue             *values,
                                                        GError                  **error);
gpointer                _baton_store_insert_record (BatonStore   *self,
                                                    GType         type,
                                                    const char   *label,
                                                    guint         n_properties,
                                                    const char  **names,
                                                    const GValue *values,
                                                    GError      **error);
BatonOp *               _baton_store_update_op (BatonStore   *self,
                                                BatonRecord  *record,
                                                guint         n_properties,
                                                const char  **names,
                                                const GValue *values,
                                                GError      **error);
gboolean                _baton_store_record_is_ours (BatonStore   *self,
                                                     gpointer      record,
                                                     GError      **error);
gboolean                _baton_store_update_record (BatonStore   *self,
                                                    gpointer      record,
                                                    const char   *label,
                                                    guint         n_properties,
                                                    const char  **names,
                                                    const GValue *values,
                                                    GError      **error);
BatonChange *           _baton_store_change_for_delete (BatonStore   *self,
                                                        BatonRecord  *record,
                                                        const char   *label,
                                                        GError      **error);
char *                  _baton_store_label_for (const char  *format,
                                                BatonRecord *record);
void                    _baton_store_props_str (Props      *props,
                                                const char *name,
                                                const char *value);
void                    _baton_store_props_str_borrowed (Props      *props,
                                                         const char *name,
                                                         const char *value);
void                    _baton_store_props_int (Props      *props,
                                                const char *name,
                                                gint64      value);
void                    _baton_store_props_bool (Props      *props,
                                                 const char *name,
                                                 gboolean    value);
gint64                  _baton_store_position_after (gint64 position,
                                                     gint64 step);
gint64                  _baton_store_max_position (Table *table);
void                    _baton_store_index_init (Index      *index,
                                                 TableId     table,
                                                 const char *field_name);
GPtrArray *             _baton_store_index_get (Index  *index,
                                                gint64  parent);
void                    _baton_store_indexes_add (BatonStore  *self,
                                                  TableId      table,
                                                  BatonRecord *record);
void                    _baton_store_indexes_remove (BatonStore  *self,
                                                     TableId      table,
                                                     BatonRecord *record);
void                    _baton_store_indexes_rebuild (BatonStore *self,
                                                      TableId     table);
gboolean                _baton_store_move_in_order (BatonStore   *self,
                                                    Table        *table,
                                                    BatonRecord  *record,
                                                    guint         index,
                                                    const char   *label,
                                                    GError      **error);
/* Appends to @change the activity rows its task updates make. */
void                    _baton_store_log_activity (BatonStore  *self,
                                                   BatonChange *change);
gboolean                _baton_store_check_change_rules (BatonStore   *self,
                                                         BatonChange  *change,
                                                         GError      **error);
GValue *                _baton_store_prepare_values (BatonStore               *self,
                                                     const BatonRecordSchema  *schema,
                                                     BatonRecord              *current,
                                                     guint                     n_properties,
                                                     const char              **names,
                                                     const GValue             *values,
                                                     GError                  **error);
void                    _baton_store_collect_values_va (GType         type,
                                                        const char   *first_property_name,
                                                        va_list       args,
                                                        GPtrArray    *names,
                                                        GArray       *values);
void                    _baton_store_clear_value (gpointer data);
void                    _baton_store_plan_task_move (BatonStore  *self,
                                                     BatonChange *change,
                                                     BatonTask   *task,
                                                     BatonStage  *stage,
                                                     BatonTask   *before);
gboolean                _baton_store_table_load (BatonStore  *self,
                                                 Table       *table,
                                                 GError     **error);
gboolean                _baton_store_check_reference (BatonStore       *self,
                                                      const BatonField *field,
                                                      gint64            id,
                                                      GError          **error);
const BatonRecordSchema *_baton_store_schema_for_table (TableId id);
Table *                 _baton_store_table_for_schema (BatonStore              *self,
                                                       const BatonRecordSchema *schema);
Table *                 _baton_store_table_for_name (BatonStore *self,
                                                     const char *name);
Table *                 _baton_store_table_for_type (BatonStore *self,
                                                     GType       type);
gint64                  _baton_store_record_position (BatonRecord *record);
int                     _baton_store_compare_records (gconstpointer a,
                                                      gconstpointer b,
                                                      gpointer      user_data);
gboolean                _baton_store_table_find (Table       *table,
                                                 BatonRecord *record,
                                                 guint       *position);
void                    _baton_store_table_init (Table                   *table,
                                                 const BatonRecordSchema *schema);
void                    _baton_store_table_clear (Table *table);

G_END_DECLS
