/* baton-storage.h — what the store asks of a database engine (private to
 * the model)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store keeps its tables in memory and writes every change as row
 * operations inside a transaction. This is all it needs of the database
 * for that: read a table's rows, write, update and delete one row,
 * transactions, and a word when rows change under it (another program or
 * coordinator). A whole workspace written at once (the JSON import) also
 * empties a table and tells the engine that a bulk load starts and ends. SQLite is one engine (baton-storage-sqlite.c); a second one
 * is a new file implementing BatonStorageVTable, not edits across the
 * store.
 *
 * Values are one GValue per field of the schema, in schema order, of the
 * field's GType (baton_field_get_gtype ()); a reference of 0 is no
 * reference (NULL in the database).
 */
#pragma once

#include "baton-record.h"

G_BEGIN_DECLS

typedef struct _BatonStorage BatonStorage;

/* One row read: @values (n_fields of the schema) are the callee's only
 * for the call. */
typedef void (*BatonStorageRowFunc)     (const BatonRecordSchema *schema,
                                         gint64                   id,
                                         const GValue            *values,
                                         gpointer                 user_data);

/* Rows of @schema changed under the store, by someone else: the store
 * reads the table again. (The SQLite engine, a file one program writes at
 * a time, never calls it.) */
typedef void (*BatonStorageChangedFunc) (BatonStorage            *storage,
                                         const BatonRecordSchema *schema,
                                         gpointer                 user_data);

typedef struct
{
  void     (*free)             (BatonStorage             *self);

  /* Refuses every write with a human message when the workspace is
   * read-only. */
  gboolean (*check_writable)   (BatonStorage             *self,
                                GError                  **error);

  /* Transactions nest (savepoints inside). */
  gboolean (*begin)            (BatonStorage             *self,
                                GError                  **error);
  gboolean (*commit)           (BatonStorage             *self,
                                GError                  **error);
  void     (*rollback)         (BatonStorage             *self);
  guint    (*get_depth)        (BatonStorage             *self);
  /* Rows written in this transaction may reference each other in any
   * order: references are checked when it commits. */
  gboolean (*defer_references) (BatonStorage             *self,
                                GError                  **error);

  /* Every row of @schema, by id. */
  gboolean (*read_rows)        (BatonStorage             *self,
                                const BatonRecordSchema  *schema,
                                BatonStorageRowFunc       func,
                                gpointer                  user_data,
                                GError                  **error);
  /* *@id: the row's id, or 0 for a new one, set on return. */
  gboolean (*insert_row)       (BatonStorage             *self,
                                const BatonRecordSchema  *schema,
                                gint64                   *id,
                                const GValue             *values,
                                GError                  **error);
  /* Writes the fields of @after that differ from @before (all of them when
   * @before is NULL). */
  gboolean (*update_row)       (BatonStorage             *self,
                                const BatonRecordSchema  *schema,
                                gint64                    id,
                                const GValue             *before,
                                const GValue             *after,
                                GError                  **error);
  gboolean (*delete_row)       (BatonStorage             *self,
                                const BatonRecordSchema  *schema,
                                gint64                    id,
                                GError                  **error);
  /* Every row of @schema, in one statement. */
  gboolean (*delete_all_rows)  (BatonStorage             *self,
                                const BatonRecordSchema  *schema,
                                GError                  **error);

  /* A bulk load (a whole workspace replaced in one transaction) starts,
   * before its transaction, or ends, after it. An engine may write it
   * differently from ordinary edits and puts its own settings back at the
   * end (SQLite syncs it fully to disk, where edits sync less often).
   * Never fails: a setting it could not change only costs speed or
   * safety. */
  void     (*begin_bulk_load)  (BatonStorage             *self);
  void     (*end_bulk_load)    (BatonStorage             *self);
} BatonStorageVTable;

struct _BatonStorage
{
  const BatonStorageVTable *vtable;
  BatonStorageChangedFunc   changed;
  gpointer                  changed_data;
};

static inline void
baton_storage_free (BatonStorage *self)
{
  if (self != NULL)
    self->vtable->free (self);
}

static inline void
baton_storage_set_changed_func (BatonStorage            *self,
                                BatonStorageChangedFunc  func,
                                gpointer                 user_data)
{
  self->changed = func;
  self->changed_data = user_data;
}

static inline gboolean
baton_storage_check_writable (BatonStorage  *self,
                              GError       **error)
{
  return self->vtable->check_writable (self, error);
}

static inline gboolean
baton_storage_begin (BatonStorage  *self,
                     GError       **error)
{
  return self->vtable->begin (self, error);
}

static inline gboolean
baton_storage_commit (BatonStorage  *self,
                      GError       **error)
{
  return self->vtable->commit (self, error);
}

static inline void
baton_storage_rollback (BatonStorage *self)
{
  self->vtable->rollback (self);
}

static inline guint
baton_storage_get_depth (BatonStorage *self)
{
  return self->vtable->get_depth (self);
}

static inline gboolean
baton_storage_defer_references (BatonStorage  *self,
                                GError       **error)
{
  return self->vtable->defer_references (self, error);
}

static inline gboolean
baton_storage_read_rows (BatonStorage             *self,
                         const BatonRecordSchema  *schema,
                         BatonStorageRowFunc       func,
                         gpointer                  user_data,
                         GError                  **error)
{
  return self->vtable->read_rows (self, schema, func, user_data, error);
}

static inline gboolean
baton_storage_insert_row (BatonStorage             *self,
                          const BatonRecordSchema  *schema,
                          gint64                   *id,
                          const GValue             *values,
                          GError                  **error)
{
  return self->vtable->insert_row (self, schema, id, values, error);
}

static inline gboolean
baton_storage_update_row (BatonStorage             *self,
                          const BatonRecordSchema  *schema,
                          gint64                    id,
                          const GValue             *before,
                          const GValue             *after,
                          GError                  **error)
{
  return self->vtable->update_row (self, schema, id, before, after, error);
}

static inline gboolean
baton_storage_delete_row (BatonStorage             *self,
                          const BatonRecordSchema  *schema,
                          gint64                    id,
                          GError                  **error)
{
  return self->vtable->delete_row (self, schema, id, error);
}

static inline gboolean
baton_storage_delete_all_rows (BatonStorage             *self,
                               const BatonRecordSchema  *schema,
                               GError                  **error)
{
  return self->vtable->delete_all_rows (self, schema, error);
}

static inline void
baton_storage_begin_bulk_load (BatonStorage *self)
{
  self->vtable->begin_bulk_load (self);
}

static inline void
baton_storage_end_bulk_load (BatonStorage *self)
{
  self->vtable->end_bulk_load (self);
}

/* The SQLite engine, on @db (borrowed: the store keeps it for what is the
 * file's, such as backups, checkpoints and the notes index). */
struct _BatonDb;
BatonStorage *baton_storage_sqlite_new   (struct _BatonDb *db);

G_END_DECLS
