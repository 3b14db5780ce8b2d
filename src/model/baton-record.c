/* baton-record.c — the base class of every stored row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-record"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include <gobject/gvaluecollector.h>

#include "baton-dates.h"
#include "baton-record-private.h"

typedef struct
{
  gint64 id;
} BatonRecordPrivate;

enum {
  PROP_0,
  PROP_ID,
  N_BASE_PROPS
};

G_DEFINE_TYPE_WITH_PRIVATE (BatonRecord, baton_record, G_TYPE_OBJECT)

#define FIELD_PTR(self, field) ((gpointer) (((guint8 *) (self)) + (field)->offset))

static inline gboolean
field_is_string (const BatonField *field)
{
  switch (field->kind)
    {
    case BATON_FIELD_TEXT:
    case BATON_FIELD_NAME:
    case BATON_FIELD_DATE:
    case BATON_FIELD_TIMESTAMP:
    case BATON_FIELD_COLOR:
      return TRUE;
    case BATON_FIELD_INT:
    case BATON_FIELD_MINUTES:
    case BATON_FIELD_BOOL:
    case BATON_FIELD_REF:
    default:
      return FALSE;
    }
}

GType
baton_field_get_gtype (const BatonField *field)
{
  if (field_is_string (field))
    return G_TYPE_STRING;
  if (field->kind == BATON_FIELD_BOOL)
    return G_TYPE_BOOLEAN;
  return G_TYPE_INT64;
}

static const BatonField *
field_for_prop_id (BatonRecord *self,
                   guint        prop_id)
{
  const BatonRecordSchema *schema = BATON_RECORD_GET_CLASS (self)->schema;

  g_assert (schema != NULL);
  g_assert (prop_id >= N_BASE_PROPS && prop_id - N_BASE_PROPS < schema->n_fields);

  return &schema->fields[prop_id - N_BASE_PROPS];
}

static void
baton_record_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BatonRecord *self = BATON_RECORD (object);

  if (prop_id == PROP_ID)
    g_value_set_int64 (value, baton_record_get_id (self));
  else
    baton_record_get_field_value (self, field_for_prop_id (self, prop_id), value);
}

static void
baton_record_finalize (GObject *object)
{
  BatonRecord *self = BATON_RECORD (object);
  const BatonRecordSchema *schema = BATON_RECORD_GET_CLASS (self)->schema;

  if (schema != NULL)
    {
      for (guint i = 0; i < schema->n_fields; i++)
        if (field_is_string (&schema->fields[i]))
          g_clear_pointer ((char **) FIELD_PTR (self, &schema->fields[i]), g_free);
    }

  G_OBJECT_CLASS (baton_record_parent_class)->finalize (object);
}

static void
baton_record_class_init (BatonRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = baton_record_get_property;
  object_class->finalize = baton_record_finalize;

  g_object_class_install_property (object_class, PROP_ID,
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
baton_record_init (BatonRecord *self)
{
}

/**
 * baton_record_class_set_schema:
 *
 * Installs one read-only property per field of @schema on a record
 * subclass: records are changed only through the store (which uses
 * baton-record-private.h), so no one else can write one behind its back.
 */
void
baton_record_class_set_schema (BatonRecordClass        *klass,
                               const BatonRecordSchema *schema)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  g_return_if_fail (BATON_IS_RECORD_CLASS (klass));
  g_return_if_fail (schema != NULL);

  /* GObject does not inherit these: each class handles its own properties. */
  object_class->get_property = baton_record_get_property;

  klass->schema = schema;
  klass->field_pspecs = g_new0 (GParamSpec *, schema->n_fields);

  for (guint i = 0; i < schema->n_fields; i++)
    {
      const BatonField *field = &schema->fields[i];
      GParamSpec *pspec;

      if (field_is_string (field))
        pspec = g_param_spec_string (field->name, NULL, NULL, NULL, flags);
      else if (field->kind == BATON_FIELD_BOOL)
        pspec = g_param_spec_boolean (field->name, NULL, NULL, FALSE, flags);
      else
        pspec = g_param_spec_int64 (field->name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);

      g_object_class_install_property (object_class, N_BASE_PROPS + i, pspec);
      klass->field_pspecs[i] = pspec;
    }
}

const BatonRecordSchema *
baton_record_get_schema (BatonRecord *self)
{
  g_return_val_if_fail (BATON_IS_RECORD (self), NULL);

  return BATON_RECORD_GET_CLASS (self)->schema;
}

gint64
baton_record_get_id (BatonRecord *self)
{
  BatonRecordPrivate *priv = baton_record_get_instance_private (self);

  g_return_val_if_fail (BATON_IS_RECORD (self), 0);

  return priv->id;
}

void
_baton_record_set_id (BatonRecord *self,
                      gint64       id)
{
  BatonRecordPrivate *priv = baton_record_get_instance_private (self);

  g_return_if_fail (BATON_IS_RECORD (self));

  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify (G_OBJECT (self), "id");
    }
}

const BatonField *
baton_record_schema_find_field (const BatonRecordSchema *schema,
                                const char              *name)
{
  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < schema->n_fields; i++)
    if (strcmp (schema->fields[i].name, name) == 0)
      return &schema->fields[i];

  return NULL;
}

gint64
baton_record_get_int_field (BatonRecord      *self,
                            const BatonField *field)
{
  g_return_val_if_fail (BATON_IS_RECORD (self), 0);
  g_return_val_if_fail (!field_is_string (field), 0);

  if (field->kind == BATON_FIELD_BOOL)
    return *(gboolean *) FIELD_PTR (self, field);

  return *(gint64 *) FIELD_PTR (self, field);
}

const char *
baton_record_get_str_field (BatonRecord      *self,
                            const BatonField *field)
{
  g_return_val_if_fail (BATON_IS_RECORD (self), NULL);
  g_return_val_if_fail (field_is_string (field), NULL);

  return *(const char **) FIELD_PTR (self, field);
}

void
baton_record_get_field_value (BatonRecord      *self,
                              const BatonField *field,
                              GValue           *value)
{
  g_return_if_fail (BATON_IS_RECORD (self));

  if (G_VALUE_TYPE (value) == G_TYPE_INVALID)
    g_value_init (value, baton_field_get_gtype (field));

  if (field_is_string (field))
    g_value_set_string (value, *(const char **) FIELD_PTR (self, field));
  else if (field->kind == BATON_FIELD_BOOL)
    g_value_set_boolean (value, *(gboolean *) FIELD_PTR (self, field));
  else
    g_value_set_int64 (value, *(gint64 *) FIELD_PTR (self, field));
}

gboolean
baton_record_field_equals (BatonRecord      *self,
                           const BatonField *field,
                           const GValue     *value)
{
  g_return_val_if_fail (BATON_IS_RECORD (self), FALSE);

  if (field_is_string (field))
    return g_strcmp0 (*(const char **) FIELD_PTR (self, field), g_value_get_string (value)) == 0;
  else if (field->kind == BATON_FIELD_BOOL)
    return !*(gboolean *) FIELD_PTR (self, field) == !g_value_get_boolean (value);
  else
    return *(gint64 *) FIELD_PTR (self, field) == g_value_get_int64 (value);
}

void
_baton_record_set_field_value (BatonRecord      *self,
                              const BatonField *field,
                              const GValue     *value)
{
  g_return_if_fail (BATON_IS_RECORD (self));
  g_return_if_fail (G_VALUE_TYPE (value) == baton_field_get_gtype (field));

  if (baton_record_field_equals (self, field, value))
    return;

  if (field_is_string (field))
    {
      char **slot = FIELD_PTR (self, field);

      g_free (*slot);
      *slot = g_value_dup_string (value);
    }
  else if (field->kind == BATON_FIELD_BOOL)
    *(gboolean *) FIELD_PTR (self, field) = g_value_get_boolean (value) ? TRUE : FALSE;
  else
    *(gint64 *) FIELD_PTR (self, field) = g_value_get_int64 (value);

  {
    BatonRecordClass *klass = BATON_RECORD_GET_CLASS (self);

    if (klass->field_changed != NULL)
      klass->field_changed (self, field);
    g_object_notify_by_pspec (G_OBJECT (self), klass->field_pspecs[field - klass->schema->fields]);
  }
}

/**
 * baton_record_copy:
 *
 * Returns: (transfer full): a detached record with the same id and values.
 */
BatonRecord *
baton_record_copy (BatonRecord *self)
{
  const BatonRecordSchema *schema;
  BatonRecord *copy;

  g_return_val_if_fail (BATON_IS_RECORD (self), NULL);

  schema = BATON_RECORD_GET_CLASS (self)->schema;
  copy = g_object_new (G_OBJECT_TYPE (self), NULL);
  _baton_record_set_id (copy, baton_record_get_id (self));

  for (guint i = 0; i < schema->n_fields; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      baton_record_get_field_value (self, &schema->fields[i], &value);
      _baton_record_set_field_value (copy, &schema->fields[i], &value);
    }

  return copy;
}

void
_baton_record_load_string (BatonRecord      *self,
                           const BatonField *field,
                           const char       *text)
{
  char **slot = FIELD_PTR (self, field);

  g_assert (field_is_string (field));

  g_free (*slot);
  *slot = g_strdup (text);

  if (BATON_RECORD_GET_CLASS (self)->field_changed != NULL)
    BATON_RECORD_GET_CLASS (self)->field_changed (self, field);
}

void
_baton_record_load_int (BatonRecord      *self,
                        const BatonField *field,
                        gint64            value)
{
  g_assert (!field_is_string (field));

  if (field->kind == BATON_FIELD_BOOL)
    *(gboolean *) FIELD_PTR (self, field) = value != 0;
  else
    *(gint64 *) FIELD_PTR (self, field) = value;

  if (BATON_RECORD_GET_CLASS (self)->field_changed != NULL)
    BATON_RECORD_GET_CLASS (self)->field_changed (self, field);
}

static gboolean
is_hex_color (const char *text)
{
  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;

  return TRUE;
}

static const char *
field_label (const BatonField *field)
{
  return field->label != NULL ? g_dgettext (GETTEXT_PACKAGE, field->label) : field->name;
}

/**
 * baton_field_validate:
 * @normalized: an unset GValue; set on success
 *
 * Checks one value against its field's kind. Names are trimmed and must not
 * be empty; empty optional text becomes NULL; dates must parse; numbers must
 * be within the field's range. References are only checked for presence
 * here; the store checks that they exist.
 */
gboolean
baton_field_validate (const BatonField  *field,
                      const GValue      *value,
                      GValue            *normalized,
                      GError           **error)
{
  GType gtype = baton_field_get_gtype (field);

  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!G_VALUE_HOLDS (value, gtype))
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                   _("The %s has the wrong type of value."), field_label (field));
      return FALSE;
    }

  g_value_init (normalized, gtype);

  if (gtype == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);
      g_autofree char *stripped = NULL;

      if (text != NULL && !g_utf8_validate (text, -1, NULL))
        {
          g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                       _("The %s is not valid UTF-8 text."), field_label (field));
          goto fail;
        }

      switch (field->kind)
        {
        case BATON_FIELD_NAME:
          stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
          if (stripped[0] == '\0')
            {
              g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("The %s cannot be empty."), field_label (field));
              goto fail;
            }
          if (g_utf8_strlen (stripped, -1) > BATON_MAX_NAME_LENGTH)
            {
              g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("The %s is too long: at most %d characters."),
                           field_label (field), BATON_MAX_NAME_LENGTH);
              goto fail;
            }
          g_value_take_string (normalized, g_steal_pointer (&stripped));
          return TRUE;

        case BATON_FIELD_DATE:
          stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
          if (stripped[0] == '\0')
            {
              if (field->required)
                {
                  g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                               _("The %s is required."), field_label (field));
                  goto fail;
                }
              return TRUE;
            }
          if (!baton_date_validate (stripped, field_label (field), error))
            goto fail;
          g_value_take_string (normalized, g_steal_pointer (&stripped));
          return TRUE;

        case BATON_FIELD_TIMESTAMP:
          if (text == NULL || text[0] == '\0')
            return TRUE;
          if (!baton_timestamp_validate (text))
            {
              g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("The %s “%s” is not an ISO 8601 time."), field_label (field), text);
              goto fail;
            }
          g_value_set_string (normalized, text);
          return TRUE;

        case BATON_FIELD_COLOR:
          if (text == NULL || text[0] == '\0')
            return TRUE;
          if (!is_hex_color (text))
            {
              g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("The %s “%s” is not a color like #3584e4."), field_label (field), text);
              goto fail;
            }
          g_value_take_string (normalized, g_ascii_strdown (text, -1));
          return TRUE;

        case BATON_FIELD_TEXT:
        default:
          if (text != NULL && text[0] != '\0')
            g_value_set_string (normalized, text);
          return TRUE;
        }
    }
  else if (gtype == G_TYPE_BOOLEAN)
    {
      g_value_set_boolean (normalized, g_value_get_boolean (value) ? TRUE : FALSE);
      return TRUE;
    }
  else
    {
      gint64 n = g_value_get_int64 (value);

      switch (field->kind)
        {
        case BATON_FIELD_REF:
          if (n < 0)
            {
              g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("The %s is not valid."), field_label (field));
              goto fail;
            }
          if (n == 0 && field->required)
            {
              g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("A %s is required."), field_label (field));
              goto fail;
            }
          break;

        case BATON_FIELD_MINUTES:
        case BATON_FIELD_INT:
        default:
          if (n < 0)
            {
              g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("The %s cannot be negative."), field_label (field));
              goto fail;
            }
          if (field->max > 0 && n > field->max)
            {
              if (field->kind == BATON_FIELD_MINUTES)
                g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                             _("The %s is too large: at most %d hours."), field_label (field),
                             (int) (field->max / 60));
              else
                g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                             _("The %s is too large: at most %lld."),
                             field_label (field), (long long) field->max);
              goto fail;
            }
          break;
        }

      g_value_set_int64 (normalized, n);
      return TRUE;
    }

fail:
  g_value_unset (normalized);
  return FALSE;
}

static void
set_fields_valist (BatonRecord *record,
                   const char  *first_field,
                   va_list      args)
{
  const BatonRecordSchema *schema = baton_record_get_schema (record);

  for (const char *name = first_field; name != NULL; name = va_arg (args, const char *))
    {
      const BatonField *field = baton_record_schema_find_field (schema, name);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *error = NULL;

      if (field == NULL)
        {
          g_critical ("%s has no field %s", schema->table, name);
          return;
        }
      G_VALUE_COLLECT_INIT (&value, baton_field_get_gtype (field), args, 0, &error);
      if (error != NULL)
        {
          g_critical ("%s.%s: %s", schema->table, name, error);
          return;
        }
      _baton_record_set_field_value (record, field, &value);
    }
}

gpointer
_baton_record_new (GType       type,
                   const char *first_field,
                   ...)
{
  BatonRecord *record;
  va_list args;

  g_return_val_if_fail (g_type_is_a (type, BATON_TYPE_RECORD), NULL);

  record = g_object_new (type, NULL);
  va_start (args, first_field);
  set_fields_valist (record, first_field, args);
  va_end (args);

  return record;
}

void
_baton_record_set (gpointer    record,
                   const char *first_field,
                   ...)
{
  va_list args;

  g_return_if_fail (BATON_IS_RECORD (record));

  va_start (args, first_field);
  set_fields_valist (record, first_field, args);
  va_end (args);
}
