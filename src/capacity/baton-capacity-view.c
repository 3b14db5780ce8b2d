/* baton-capacity-view.c — the Capacity page of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Until the Capacity view lands (its own issue) the page says what will be there.
 */

#define G_LOG_DOMAIN "baton-capacity-view"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-capacity-view.h"

struct _BatonCapacityView
{
  AdwBin      parent_instance;

  BatonStore *store;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonCapacityView, baton_capacity_view, ADW_TYPE_BIN)

static void
baton_capacity_view_dispose (GObject *object)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_capacity_view_parent_class)->dispose (object);
}

static void
baton_capacity_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_capacity_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_capacity_view_class_init (BatonCapacityViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baton_capacity_view_dispose;
  object_class->get_property = baton_capacity_view_get_property;
  object_class->set_property = baton_capacity_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BATON_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baton_capacity_view_init (BatonCapacityView *self)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("Capacity"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), _("A grid of people and weeks, showing each person’s load against their capacity, will appear here."));
  adw_bin_set_child (ADW_BIN (self), page);
}

GtkWidget *
baton_capacity_view_new (BatonStore *store)
{
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  return g_object_new (BATON_TYPE_CAPACITY_VIEW, "store", store, NULL);
}

BatonStore *
baton_capacity_view_get_store (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->store;
}
