/* baton-record-drop-down.c — a dropdown over records, chosen by id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkDropDown whose rows are a "none" row (id 0), any extra rows of
 * the caller's (negative ids, such as a filter's "Unassigned"), then the
 * records of a GListModel. Callers choose and read by record id; a GtkExpression
 * evaluated on each record gives its row's text (by default the record's
 * "name"). The dropdown's own model
 * is a flattened list of GtkStringObjects (the "none" label, then one per
 * record, mapped from the records model and following its changes), so
 * list item factories bind the "string" property of their item.
 *
 * The GtkDropDown is a child, also reachable from a .ui file as the
 * internal child "drop-down" (accessibility relations, factories, search).
 * Its popover takes no events once closed (baton-popups.c).
 */

#define G_LOG_DOMAIN "baton-record-drop-down"

#include "config.h"

#include "baton-accessible.h"
#include "baton-popups.h"
#include "baton-record-drop-down.h"

struct _BatonRecordDropDown
{
  GtkWidget       parent_instance;

  /* Children */
  GtkDropDown    *drop_down;

  /* Owned references */
  GListModel     *records;      /* NULL: no records, only "none" */
  GtkExpression  *expression;   /* NULL: a record's id */
  GtkStringList  *none;         /* the "none" row, then the extra rows */
  GArray         *extra_ids;    /* gint64, < 0, one per extra row */
  GListStore     *parts;        /* none, then the mapped records */

  /* State */
  gint64          selected_id;  /* as last notified */
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_NONE_LABEL,
  PROP_EXPRESSION,
  PROP_SELECTED_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkBuildableIface *parent_buildable_iface;

static void baton_record_drop_down_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BatonRecordDropDown, baton_record_drop_down, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      baton_record_drop_down_buildable_init))

/* Rows ------------------------------------------------------------------------ */

static gpointer
record_to_row (gpointer item,
               gpointer user_data)
{
  BatonRecordDropDown *self = user_data;
  g_autoptr(BatonRecord) record = item;
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *label = NULL;

  GParamSpec *name;

  if (self->expression != NULL)
    {
      if (gtk_expression_evaluate (self->expression, record, &value) && G_VALUE_HOLDS_STRING (&value))
        label = g_value_dup_string (&value);
    }
  else if ((name = g_object_class_find_property (G_OBJECT_GET_CLASS (record), "name")) != NULL &&
           name->value_type == G_TYPE_STRING)
    g_object_get (record, "name", &label, NULL);
  else
    label = g_strdup_printf ("%" G_GINT64_FORMAT, baton_record_get_id (record));

  return gtk_string_object_new (label != NULL ? label : "");
}

/* Maps the records again (after the expression or the model changed),
 * keeping the chosen id. */
static void
rebuild (BatonRecordDropDown *self)
{
  gint64 selected = baton_record_drop_down_get_selected_id (self);
  g_autoptr(GtkMapListModel) rows = NULL;

  g_assert (g_list_model_get_n_items (G_LIST_MODEL (self->parts)) >= 1);

  rows = gtk_map_list_model_new (self->records ? g_object_ref (self->records) : NULL,
                                 record_to_row, self, NULL);
  g_list_store_splice (self->parts, 1, g_list_model_get_n_items (G_LIST_MODEL (self->parts)) - 1,
                       (gpointer *) &rows, 1);
  baton_record_drop_down_set_selected_id (self, selected);
}

/* selected-id is notified when the chosen record changes, not each time
 * the list moves under the same choice. */
static void
on_selected_changed (BatonRecordDropDown *self)
{
  gint64 id = baton_record_drop_down_get_selected_id (self);

  if (id == self->selected_id)
    return;

  self->selected_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

/* Public API -------------------------------------------------------------------- */

GtkWidget *
baton_record_drop_down_new (void)
{
  return g_object_new (BATON_TYPE_RECORD_DROP_DOWN, NULL);
}

GListModel *
baton_record_drop_down_get_model (BatonRecordDropDown *self)
{
  g_return_val_if_fail (BATON_IS_RECORD_DROP_DOWN (self), NULL);

  return self->records;
}

void
baton_record_drop_down_set_model (BatonRecordDropDown *self,
                                  GListModel          *records)
{
  g_return_if_fail (BATON_IS_RECORD_DROP_DOWN (self));
  g_return_if_fail (records == NULL || G_IS_LIST_MODEL (records));

  if (!g_set_object (&self->records, records))
    return;

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

const char *
baton_record_drop_down_get_none_label (BatonRecordDropDown *self)
{
  g_return_val_if_fail (BATON_IS_RECORD_DROP_DOWN (self), NULL);

  return gtk_string_list_get_string (self->none, 0);
}

void
baton_record_drop_down_set_none_label (BatonRecordDropDown *self,
                                       const char          *label)
{
  const char *labels[] = { label != NULL ? label : "", NULL };
  guint selected;

  g_return_if_fail (BATON_IS_RECORD_DROP_DOWN (self));

  if (g_strcmp0 (labels[0], baton_record_drop_down_get_none_label (self)) == 0)
    return;

  /* The dropdown keeps its position across the one-row change. */
  selected = gtk_drop_down_get_selected (self->drop_down);
  gtk_string_list_splice (self->none, 0, 1, labels);
  gtk_drop_down_set_selected (self->drop_down, selected);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NONE_LABEL]);
}

GtkExpression *
baton_record_drop_down_get_expression (BatonRecordDropDown *self)
{
  g_return_val_if_fail (BATON_IS_RECORD_DROP_DOWN (self), NULL);

  return self->expression;
}

void
baton_record_drop_down_set_expression (BatonRecordDropDown *self,
                                       GtkExpression       *expression)
{
  g_return_if_fail (BATON_IS_RECORD_DROP_DOWN (self));
  g_return_if_fail (expression == NULL || gtk_expression_get_value_type (expression) == G_TYPE_STRING);

  if (self->expression == expression)
    return;

  g_clear_pointer (&self->expression, gtk_expression_unref);
  if (expression != NULL)
    self->expression = gtk_expression_ref (expression);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPRESSION]);
}

void
baton_record_drop_down_add_extra_row (BatonRecordDropDown *self,
                                      const char          *label,
                                      gint64               id)
{
  guint selected;

  g_return_if_fail (BATON_IS_RECORD_DROP_DOWN (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (id < 0);

  /* The records move down a row: the choice stays with them. */
  selected = gtk_drop_down_get_selected (self->drop_down);
  gtk_string_list_append (self->none, label);
  g_array_append_val (self->extra_ids, id);
  if (selected != GTK_INVALID_LIST_POSITION && selected >= self->extra_ids->len)
    gtk_drop_down_set_selected (self->drop_down, selected + 1);
}

/* Rows before the first record. */
static inline guint
n_fixed_rows (BatonRecordDropDown *self)
{
  return 1 + (self->extra_ids != NULL ? self->extra_ids->len : 0);
}

BatonRecord *
baton_record_drop_down_get_selected (BatonRecordDropDown *self)
{
  guint position;
  g_autoptr(BatonRecord) record = NULL;

  g_return_val_if_fail (BATON_IS_RECORD_DROP_DOWN (self), NULL);

  position = gtk_drop_down_get_selected (self->drop_down);
  if (self->records == NULL || position == GTK_INVALID_LIST_POSITION || position < n_fixed_rows (self))
    return NULL;

  /* The model holds the record: the reference returned here is borrowed. */
  record = g_list_model_get_item (self->records, position - n_fixed_rows (self));
  return record;
}

gint64
baton_record_drop_down_get_selected_id (BatonRecordDropDown *self)
{
  BatonRecord *record;
  guint position;

  g_return_val_if_fail (BATON_IS_RECORD_DROP_DOWN (self), 0);

  position = gtk_drop_down_get_selected (self->drop_down);
  if (position != GTK_INVALID_LIST_POSITION && position >= 1 && position < n_fixed_rows (self) &&
      self->extra_ids != NULL)
    return g_array_index (self->extra_ids, gint64, position - 1);

  record = baton_record_drop_down_get_selected (self);
  return record != NULL ? baton_record_get_id (record) : 0;
}

void
baton_record_drop_down_set_selected_id (BatonRecordDropDown *self,
                                        gint64               id)
{
  guint position = 0;

  g_return_if_fail (BATON_IS_RECORD_DROP_DOWN (self));

  for (guint i = 0; id < 0 && self->extra_ids != NULL && i < self->extra_ids->len; i++)
    if (g_array_index (self->extra_ids, gint64, i) == id)
      position = i + 1;

  if (id > 0 && self->records != NULL)
    for (guint i = 0, n = g_list_model_get_n_items (self->records); i < n; i++)
      {
        g_autoptr(BatonRecord) record = g_list_model_get_item (self->records, i);

        if (baton_record_get_id (record) == id)
          {
            position = i + n_fixed_rows (self);
            break;
          }
      }

  gtk_drop_down_set_selected (self->drop_down, position);
}

GtkDropDown *
baton_record_drop_down_get_drop_down (BatonRecordDropDown *self)
{
  g_return_val_if_fail (BATON_IS_RECORD_DROP_DOWN (self), NULL);

  return self->drop_down;
}

/* GtkBuildable ------------------------------------------------------------------- */

static GObject *
baton_record_drop_down_get_internal_child (GtkBuildable *buildable,
                                           GtkBuilder   *builder,
                                           const char   *childname)
{
  BatonRecordDropDown *self = BATON_RECORD_DROP_DOWN (buildable);

  if (g_strcmp0 (childname, "drop-down") == 0)
    return G_OBJECT (self->drop_down);

  return parent_buildable_iface->get_internal_child (buildable, builder, childname);
}

static void
baton_record_drop_down_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->get_internal_child = baton_record_drop_down_get_internal_child;
}

/* GObject ------------------------------------------------------------------------- */

static gboolean
baton_record_drop_down_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (BATON_RECORD_DROP_DOWN (widget)->drop_down));
}

static gboolean
baton_record_drop_down_mnemonic_activate (GtkWidget *widget,
                                          gboolean   group_cycling)
{
  return gtk_widget_mnemonic_activate (GTK_WIDGET (BATON_RECORD_DROP_DOWN (widget)->drop_down),
                                       group_cycling);
}

static void
baton_record_drop_down_dispose (GObject *object)
{
  BatonRecordDropDown *self = BATON_RECORD_DROP_DOWN (object);

  if (self->drop_down != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->drop_down));
      self->drop_down = NULL;
    }
  /* The mapped rows call back into self: drop them with the records. */
  if (self->parts != NULL)
    g_list_store_remove_all (self->parts);
  g_clear_object (&self->parts);
  g_clear_object (&self->none);
  g_clear_pointer (&self->extra_ids, g_array_unref);
  g_clear_object (&self->records);
  g_clear_pointer (&self->expression, gtk_expression_unref);

  G_OBJECT_CLASS (baton_record_drop_down_parent_class)->dispose (object);
}

static void
baton_record_drop_down_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  BatonRecordDropDown *self = BATON_RECORD_DROP_DOWN (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->records);
      break;
    case PROP_NONE_LABEL:
      g_value_set_string (value, baton_record_drop_down_get_none_label (self));
      break;
    case PROP_EXPRESSION:
      gtk_value_set_expression (value, self->expression);
      break;
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, baton_record_drop_down_get_selected_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_record_drop_down_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  BatonRecordDropDown *self = BATON_RECORD_DROP_DOWN (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      baton_record_drop_down_set_model (self, g_value_get_object (value));
      break;
    case PROP_NONE_LABEL:
      baton_record_drop_down_set_none_label (self, g_value_get_string (value));
      break;
    case PROP_EXPRESSION:
      baton_record_drop_down_set_expression (self, gtk_value_get_expression (value));
      break;
    case PROP_SELECTED_ID:
      baton_record_drop_down_set_selected_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_record_drop_down_class_init (BatonRecordDropDownClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_record_drop_down_dispose;
  object_class->get_property = baton_record_drop_down_get_property;
  object_class->set_property = baton_record_drop_down_set_property;

  widget_class->grab_focus = baton_record_drop_down_grab_focus;
  widget_class->mnemonic_activate = baton_record_drop_down_mnemonic_activate;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NONE_LABEL] =
    g_param_spec_string ("none-label", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPRESSION] =
    gtk_param_spec_expression ("expression", NULL, NULL,
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "recorddropdown");
}

static void
baton_record_drop_down_init (BatonRecordDropDown *self)
{
  const char *none[] = { "", NULL };
  g_autoptr(GtkExpression) expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  g_autoptr(GtkMapListModel) rows = gtk_map_list_model_new (NULL, record_to_row, self, NULL);
  GtkFlattenListModel *flat;

  self->none = gtk_string_list_new (none);
  self->extra_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->parts, self->none);
  g_list_store_append (self->parts, rows);
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->parts)));

  self->drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (flat), g_steal_pointer (&expression)));
  gtk_widget_set_parent (GTK_WIDGET (self->drop_down), GTK_WIDGET (self));
  g_signal_connect_object (self->drop_down, "notify::selected",
                           G_CALLBACK (on_selected_changed), self, G_CONNECT_SWAPPED);

  /* A closed list must not take the next click (see baton-popups.c). */
  baton_drop_down_ignore_popup_events_when_closed (self->drop_down);
  /* Its button and its options have names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (GTK_WIDGET (self->drop_down));
}
