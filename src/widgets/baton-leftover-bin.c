/* baton-leftover-bin.c — a bin that takes the width left over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkBox shares the room beyond the minimum sizes among its children
 * by their natural sizes: an AdwSqueezer asks for its widest child however
 * narrow it is, so a toolbar's squeezers take room from the controls
 * beside them. This bin asks for its child's minimum width alone (its
 * natural width is its minimum): set it to expand, and it gets the width
 * the other children leave, which the child (a squeezer) fills as it can.
 */

#define G_LOG_DOMAIN "baton-leftover-bin"

#include "config.h"

#include "baton-leftover-bin.h"

struct _BatonLeftoverBin
{
  GtkWidget  parent_instance;

  GtkWidget *child;
};

enum {
  PROP_0,
  PROP_CHILD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void baton_leftover_bin_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BatonLeftoverBin, baton_leftover_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, baton_leftover_bin_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
baton_leftover_bin_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  BatonLeftoverBin *self = BATON_LEFTOVER_BIN (widget);

  if (self->child == NULL || !gtk_widget_get_visible (self->child))
    return;

  gtk_widget_measure (self->child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = *minimum;
}

static void
baton_leftover_bin_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  BatonLeftoverBin *self = BATON_LEFTOVER_BIN (widget);

  if (self->child != NULL && gtk_widget_get_visible (self->child))
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static void
baton_leftover_bin_compute_expand (GtkWidget *widget,
                                   gboolean  *hexpand,
                                   gboolean  *vexpand)
{
  BatonLeftoverBin *self = BATON_LEFTOVER_BIN (widget);

  *hexpand = self->child != NULL && gtk_widget_compute_expand (self->child, GTK_ORIENTATION_HORIZONTAL);
  *vexpand = self->child != NULL && gtk_widget_compute_expand (self->child, GTK_ORIENTATION_VERTICAL);
}

static void
baton_leftover_bin_add_child (GtkBuildable *buildable,
                              GtkBuilder   *builder,
                              GObject      *child,
                              const char   *type)
{
  if (GTK_IS_WIDGET (child))
    baton_leftover_bin_set_child (BATON_LEFTOVER_BIN (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
baton_leftover_bin_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = baton_leftover_bin_add_child;
}

static void
baton_leftover_bin_dispose (GObject *object)
{
  BatonLeftoverBin *self = BATON_LEFTOVER_BIN (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (baton_leftover_bin_parent_class)->dispose (object);
}

static void
baton_leftover_bin_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BatonLeftoverBin *self = BATON_LEFTOVER_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_leftover_bin_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BatonLeftoverBin *self = BATON_LEFTOVER_BIN (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      baton_leftover_bin_set_child (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_leftover_bin_class_init (BatonLeftoverBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_leftover_bin_dispose;
  object_class->get_property = baton_leftover_bin_get_property;
  object_class->set_property = baton_leftover_bin_set_property;

  widget_class->measure = baton_leftover_bin_measure;
  widget_class->size_allocate = baton_leftover_bin_size_allocate;
  widget_class->compute_expand = baton_leftover_bin_compute_expand;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "leftoverbin");
}

static void
baton_leftover_bin_init (BatonLeftoverBin *self)
{
}

GtkWidget *
baton_leftover_bin_new (void)
{
  return g_object_new (BATON_TYPE_LEFTOVER_BIN, NULL);
}

GtkWidget *
baton_leftover_bin_get_child (BatonLeftoverBin *self)
{
  g_return_val_if_fail (BATON_IS_LEFTOVER_BIN (self), NULL);

  return self->child;
}

void
baton_leftover_bin_set_child (BatonLeftoverBin *self,
                              GtkWidget        *child)
{
  g_return_if_fail (BATON_IS_LEFTOVER_BIN (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}
