/* baton-client-row.c — a client in the clients list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The client's name and organization, each shortened to the sidebar's
 * width and whole in its tooltip; an archived client is dimmed. The labels
 * follow the client's properties while it is shown (a GBindingGroup), so
 * a list item factory only sets "client" in bind and clears it in unbind.
 */

#define G_LOG_DOMAIN "baton-client-row"

#include "config.h"

#include "baton-client-row.h"
#include "baton-accessible.h"

struct _BatonClientRow
{
  GtkWidget      parent_instance;

  /* Children */
  GtkWidget     *name;
  GtkWidget     *detail;

  /* Owned references */
  BatonClient   *client;
  GBindingGroup *bindings;
};

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonClientRow, baton_client_row, GTK_TYPE_WIDGET)

static gboolean
text_is_set (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      data)
{
  const char *text = g_value_get_string (from);

  g_value_set_boolean (to, text != NULL && text[0] != '\0');
  return TRUE;
}

static void
update_archived (BatonClientRow *self)
{
  if (self->client != NULL && baton_client_get_archived (self->client))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dim-label");
}

GtkWidget *
baton_client_row_new (void)
{
  return g_object_new (BATON_TYPE_CLIENT_ROW, NULL);
}

BatonClient *
baton_client_row_get_client (BatonClientRow *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT_ROW (self), NULL);

  return self->client;
}

void
baton_client_row_set_client (BatonClientRow *self,
                             BatonClient    *client)
{
  g_return_if_fail (BATON_IS_CLIENT_ROW (self));
  g_return_if_fail (client == NULL || BATON_IS_CLIENT (client));

  if (self->client == client)
    return;

  if (self->client != NULL)
    g_signal_handlers_disconnect_by_func (self->client, update_archived, self);
  g_set_object (&self->client, client);
  g_binding_group_set_source (self->bindings, client);
  if (client != NULL)
    g_signal_connect_object (client, "notify::archived", G_CALLBACK (update_archived), self, G_CONNECT_SWAPPED);
  update_archived (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

static void
baton_client_row_dispose (GObject *object)
{
  BatonClientRow *self = BATON_CLIENT_ROW (object);

  baton_client_row_set_client (self, NULL);
  g_clear_object (&self->bindings);
  g_clear_pointer (&self->name, gtk_widget_unparent);
  g_clear_pointer (&self->detail, gtk_widget_unparent);

  G_OBJECT_CLASS (baton_client_row_parent_class)->dispose (object);
}

static void
baton_client_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BatonClientRow *self = BATON_CLIENT_ROW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_client_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BatonClientRow *self = BATON_CLIENT_ROW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      baton_client_row_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_client_row_class_init (BatonClientRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_client_row_dispose;
  object_class->get_property = baton_client_row_get_property;
  object_class->set_property = baton_client_row_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, BATON_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "clientrow");
}

static void
baton_client_row_init (BatonClientRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 4);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 4);

  self->name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_parent (self->name, GTK_WIDGET (self));

  self->detail = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->detail, "dim-label");
  gtk_widget_add_css_class (self->detail, "caption");
  gtk_widget_set_parent (self->detail, GTK_WIDGET (self));

  /* Plain labels: a client called "<b>Acme</b>" is shown as typed. The
   * sidebar is narrow: a long name is shortened, and whole in its tooltip. */
  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "name", self->name, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "name", self->name, "tooltip-text", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "organization", self->detail, "label", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "organization", self->detail, "tooltip-text", G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->bindings, "organization", self->detail, "visible",
                             G_BINDING_SYNC_CREATE, text_is_set, NULL, NULL, NULL);

  /* The list's row takes the focus: it is named "Northbank, Northbank Savings & Loans". */
  baton_accessible_name_list_item (GTK_WIDGET (self));
}
