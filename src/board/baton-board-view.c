/* baton-board-view.c — the Board page of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Until the Board view lands (its own issue) the page says what will be there.
 */

#define G_LOG_DOMAIN "baton-board-view"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-board-view.h"

struct _BatonBoardView
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

G_DEFINE_FINAL_TYPE (BatonBoardView, baton_board_view, ADW_TYPE_BIN)

static void
baton_board_view_dispose (GObject *object)
{
  BatonBoardView *self = BATON_BOARD_VIEW (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_board_view_parent_class)->dispose (object);
}

static void
baton_board_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BatonBoardView *self = BATON_BOARD_VIEW (object);

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
baton_board_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BatonBoardView *self = BATON_BOARD_VIEW (object);

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
baton_board_view_class_init (BatonBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baton_board_view_dispose;
  object_class->get_property = baton_board_view_get_property;
  object_class->set_property = baton_board_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BATON_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baton_board_view_init (BatonBoardView *self)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "view-grid-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), _("The Board"));
  adw_status_page_set_description (ADW_STATUS_PAGE (page), _("A kanban board of every task across your programs will appear here."));
  adw_bin_set_child (ADW_BIN (self), page);
}

GtkWidget *
baton_board_view_new (BatonStore *store)
{
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  return g_object_new (BATON_TYPE_BOARD_VIEW, "store", store, NULL);
}

BatonStore *
baton_board_view_get_store (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return self->store;
}
