/* baton-person-row.c — a row that stands for one person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Who has room and archived people lists are rows of people: the row
 * carries its person, so a handler finds it from the row (or from a
 * button's ancestor row) instead of from data hung on widgets.
 */

#define G_LOG_DOMAIN "baton-person-row"

#include "config.h"

#include "baton-person-row.h"

struct _BatonPersonRow
{
  AdwActionRow  parent_instance;

  BatonPerson  *person;
};

enum {
  PROP_0,
  PROP_PERSON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonPersonRow, baton_person_row, ADW_TYPE_ACTION_ROW)

static void
baton_person_row_constructed (GObject *object)
{
  BatonPersonRow *self = BATON_PERSON_ROW (object);

  G_OBJECT_CLASS (baton_person_row_parent_class)->constructed (object);

  g_assert (BATON_IS_PERSON (self->person));
  /* Names are shown as typed, never as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), baton_person_get_name (self->person));
}

static void
baton_person_row_dispose (GObject *object)
{
  BatonPersonRow *self = BATON_PERSON_ROW (object);

  g_clear_object (&self->person);

  G_OBJECT_CLASS (baton_person_row_parent_class)->dispose (object);
}

static void
baton_person_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BatonPersonRow *self = BATON_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_person_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BatonPersonRow *self = BATON_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_assert (self->person == NULL);
      self->person = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_person_row_class_init (BatonPersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = baton_person_row_constructed;
  object_class->dispose = baton_person_row_dispose;
  object_class->get_property = baton_person_row_get_property;
  object_class->set_property = baton_person_row_set_property;

  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, BATON_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baton_person_row_init (BatonPersonRow *self)
{
}

GtkWidget *
baton_person_row_new (BatonPerson *person)
{
  g_return_val_if_fail (BATON_IS_PERSON (person), NULL);

  return g_object_new (BATON_TYPE_PERSON_ROW, "person", person, NULL);
}

BatonPerson *
baton_person_row_get_person (BatonPersonRow *self)
{
  g_return_val_if_fail (BATON_IS_PERSON_ROW (self), NULL);

  return self->person;
}
