/* baton-role-chip.c — a role's name in a pill tinted with its color
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CSS node "rolechip" holding one plain-text label. The tint comes from
 * baton_color_css_class (): a translucent background and a text color
 * mixed with the window foreground, so it works on the dark style too.
 */

#define G_LOG_DOMAIN "baton-role-chip"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-colors.h"
#include "baton-role-chip.h"

struct _BatonRoleChip
{
  GtkWidget  parent_instance;

  GtkLabel  *label;

  BatonRole *role;
  gulong     notify_id;
};

enum {
  PROP_0,
  PROP_ROLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonRoleChip, baton_role_chip, GTK_TYPE_WIDGET)

static void
update (BatonRoleChip *self)
{
  const char *name = self->role ? baton_role_get_name (self->role) : NULL;
  g_autofree char *accessible = NULL;

  /* Plain text: a role name is shown exactly as typed. */
  gtk_label_set_text (self->label, name != NULL ? name : _("No role"));
  baton_widget_set_color_class (GTK_WIDGET (self),
                                self->role ? baton_color_css_class (baton_role_get_color (self->role)) : NULL);
  if (self->role == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dim-label");

  /* Translators: the accessible name of a role chip; %s is the role */
  accessible = name ? g_strdup_printf (_("Role: %s"), name) : g_strdup (_("No role"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

BatonRole *
baton_role_chip_get_role (BatonRoleChip *self)
{
  g_return_val_if_fail (BATON_IS_ROLE_CHIP (self), NULL);

  return self->role;
}

void
baton_role_chip_set_role (BatonRoleChip *self,
                          BatonRole     *role)
{
  g_return_if_fail (BATON_IS_ROLE_CHIP (self));
  g_return_if_fail (role == NULL || BATON_IS_ROLE (role));

  if (self->role == role)
    return;

  if (self->role != NULL)
    g_clear_signal_handler (&self->notify_id, self->role);
  g_set_object (&self->role, role);
  if (role != NULL)
    self->notify_id = g_signal_connect_object (role, "notify", G_CALLBACK (update),
                                               self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

static void
baton_role_chip_dispose (GObject *object)
{
  BatonRoleChip *self = BATON_ROLE_CHIP (object);

  if (self->role != NULL)
    g_clear_signal_handler (&self->notify_id, self->role);
  g_clear_object (&self->role);
  if (self->label != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->label));
      self->label = NULL;
    }

  G_OBJECT_CLASS (baton_role_chip_parent_class)->dispose (object);
}

static void
baton_role_chip_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BatonRoleChip *self = BATON_ROLE_CHIP (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_object (value, self->role);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_role_chip_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BatonRoleChip *self = BATON_ROLE_CHIP (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      baton_role_chip_set_role (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_role_chip_class_init (BatonRoleChipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_role_chip_dispose;
  object_class->get_property = baton_role_chip_get_property;
  object_class->set_property = baton_role_chip_set_property;

  properties[PROP_ROLE] =
    g_param_spec_object ("role", NULL, NULL, BATON_TYPE_ROLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "rolechip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
baton_role_chip_init (BatonRoleChip *self)
{
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (self->label, TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  update (self);
}

GtkWidget *
baton_role_chip_new (BatonRole *role)
{
  g_return_val_if_fail (role == NULL || BATON_IS_ROLE (role), NULL);

  return g_object_new (BATON_TYPE_ROLE_CHIP, "role", role, NULL);
}
