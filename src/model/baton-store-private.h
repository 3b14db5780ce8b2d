/* baton-store-private.h — for the model layer's own modules (JSON, demo)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-store.h"
#include "baton-db.h"

G_BEGIN_DECLS

BatonDb  *_baton_store_get_db        (BatonStore *self);
/* Every record schema, in dependency order (referenced tables first). */
const BatonRecordSchema * const *_baton_store_get_schemas (guint *n_schemas);
/* Rereads every table from the database, emitting items-changed. */
gboolean  _baton_store_reload        (BatonStore *self,
                                      GError    **error);
/* Inserts one row with the given field values (one GValue per schema
 * field, in schema order) and id, inside the current transaction. No
 * validation, no history, no objects: for imports, followed by a reload. */
gboolean  _baton_store_write_row     (BatonStore              *self,
                                      const BatonRecordSchema *schema,
                                      gint64                   id,
                                      const GValue            *values,
                                      GError                 **error);

G_END_DECLS
