/* baton-record.h — the base class of every stored row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each table of the workspace is described once by a BatonRecordSchema:
 * its columns, their kinds and where they live in the instance struct.
 * Properties, loading, saving, validation, undo snapshots and JSON all
 * follow from that one description, so a column is declared in one place.
 */
#pragma once

#include <glib-object.h>

#include "baton-types.h"

G_BEGIN_DECLS

typedef enum
{
  BATON_FIELD_TEXT,        /* char*, may be NULL/empty */
  BATON_FIELD_NAME,        /* char*, required, trimmed, not empty */
  BATON_FIELD_DATE,        /* char* YYYY-MM-DD or NULL */
  BATON_FIELD_TIMESTAMP,   /* char* ISO 8601 UTC or NULL */
  BATON_FIELD_COLOR,       /* char* #rrggbb or NULL */
  BATON_FIELD_INT,         /* gint64 */
  BATON_FIELD_MINUTES,     /* gint64 within [0, max] */
  BATON_FIELD_BOOL,        /* gboolean */
  BATON_FIELD_REF,         /* gint64 id of a row in ref_table, 0 = none */
} BatonFieldKind;

typedef enum
{
  BATON_ON_DELETE_RESTRICT,
  BATON_ON_DELETE_CASCADE,
  BATON_ON_DELETE_SET_NULL,
} BatonOnDelete;

typedef struct
{
  const char     *name;      /* property and JSON member, e.g. "stage-id" */
  const char     *column;    /* SQL column, e.g. "stage_id" */
  BatonFieldKind  kind;
  gsize           offset;    /* G_STRUCT_OFFSET in the instance */
  const char     *ref_table; /* BATON_FIELD_REF only */
  gboolean        required;  /* REF: 0 not allowed */
  BatonOnDelete   on_delete; /* REF only */
  gint64          max;       /* INT/MINUTES: inclusive upper bound; 0 = default */
  const char     *label;     /* human name for error messages (translatable) */
} BatonField;

typedef struct _BatonRecordSchema BatonRecordSchema;

struct _BatonRecordSchema
{
  const char       *table;
  const char       *label;       /* "task", for messages */
  GType           (*get_type) (void);
  const BatonField *fields;
  guint             n_fields;
  /* Optional cross-field validation, on a candidate (unsaved) record. */
  gboolean        (*validate) (BatonRecord  *candidate,
                               GError      **error);
};

#define BATON_TYPE_RECORD (baton_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (BatonRecord, baton_record, BATON, RECORD, GObject)

struct _BatonRecordClass
{
  GObjectClass parent_class;

  const BatonRecordSchema *schema;
  GParamSpec             **field_pspecs;   /* one per schema field */

  /* Called after a field's value changed (also while loading), for
   * records that keep values derived from their fields. */
  void (*field_changed) (BatonRecord      *self,
                         const BatonField *field);
};

void                     baton_record_class_set_schema (BatonRecordClass        *klass,
                                                        const BatonRecordSchema *schema);
const BatonRecordSchema *baton_record_get_schema       (BatonRecord             *self);
gint64                   baton_record_get_id           (BatonRecord             *self);

const BatonField        *baton_record_schema_find_field (const BatonRecordSchema *schema,
                                                         const char              *name);

/* Raw field access by descriptor (the storage, history and JSON layers use these). */
gint64                   baton_record_get_int_field    (BatonRecord      *self,
                                                        const BatonField *field);
const char              *baton_record_get_str_field    (BatonRecord      *self,
                                                        const BatonField *field);
void                     baton_record_get_field_value  (BatonRecord      *self,
                                                        const BatonField *field,
                                                        GValue           *value);
gboolean                 baton_record_field_equals     (BatonRecord      *self,
                                                        const BatonField *field,
                                                        const GValue     *value);
BatonRecord             *baton_record_copy             (BatonRecord      *self);

/* Validates one value for a field; on success @normalized holds the value
 * to store (trimmed names, empty text as NULL, …). */
gboolean                 baton_field_validate          (const BatonField *field,
                                                        const GValue     *value,
                                                        GValue           *normalized,
                                                        GError          **error);
GType                    baton_field_get_gtype         (const BatonField *field);

/* Whether two values of one field (a string, boolean or int64) are equal. */
static inline gboolean
baton_field_values_equal (const GValue *a,
                          const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_HOLDS_BOOLEAN (a))
    return !g_value_get_boolean (a) == !g_value_get_boolean (b);
  return g_value_get_int64 (a) == g_value_get_int64 (b);
}

G_END_DECLS
