/* baton-record-private.h — writing records: for the store, the JSON import
 * and the model's tests only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record's properties are read-only: whoever holds a record reads it and
 * changes it through a BatonStore method. These are the store's own ways in.
 */
#pragma once

#include "baton-record.h"

G_BEGIN_DECLS

/* A record not in any store, its fields set from NULL-terminated pairs of
 * field names and values (gint64, gboolean or const char *, by the
 * field's kind): what the model's tests build their inputs with. Returns
 * (transfer full) the new record. */
gpointer _baton_record_new         (GType             type,
                                    const char       *first_field,
                                    ...) G_GNUC_NULL_TERMINATED;
/* The same on an existing record, notifying as the store does. */
void     _baton_record_set         (gpointer          record,
                                    const char       *first_field,
                                    ...) G_GNUC_NULL_TERMINATED;
void _baton_record_set_id          (BatonRecord      *self,
                                    gint64            id);
/* Sets a field and notifies the property if the value changed. */
void _baton_record_set_field_value (BatonRecord      *self,
                                    const BatonField *field,
                                    const GValue     *value);
/* Loading from storage: set a field without notification. */
void _baton_record_load_string     (BatonRecord      *self,
                                    const BatonField *field,
                                    const char       *text);
void _baton_record_load_int        (BatonRecord      *self,
                                    const BatonField *field,
                                    gint64            value);

G_END_DECLS
