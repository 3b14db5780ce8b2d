/* baton-capacity-person-header.c — a person's name in the capacity grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grid creates these only for the people rows on screen and keeps a
 * few, keyed by person and by signature, so scrolling reuses them.
 */

#define G_LOG_DOMAIN "baton-capacity-grid"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-capacity-person-header.h"
#include "baton-avatar.h"
#include "baton-duration.h"
#include "baton-role-chip.h"

#define MAX_CHIPS 2

struct _BatonCapacityPersonHeader
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (BatonCapacityPersonHeader, baton_capacity_person_header, GTK_TYPE_WIDGET)

static void
baton_capacity_person_header_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baton_capacity_person_header_parent_class)->dispose (object);
}

static void
baton_capacity_person_header_class_init (BatonCapacityPersonHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_capacity_person_header_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  /* The row's header for a screen reader; the cells are the grid's. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW_HEADER);
}

static void
baton_capacity_person_header_init (BatonCapacityPersonHeader *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 10);
  gtk_widget_add_css_class (GTK_WIDGET (self), "capacity-person");
  /* Display only: pointer and keyboard go to the grid. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
}

static GtkWidget *
dim_caption_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

GtkWidget *
baton_capacity_person_header_new (BatonStore   *store,
                                  BatonPerson  *person,
                                  const GArray *role_ids,
                                  double        unscheduled)
{
  GtkWidget *self, *avatar, *text, *name, *details;
  g_autofree char *caption = NULL;
  guint n_chips = 0;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (BATON_IS_PERSON (person), NULL);

  self = g_object_new (BATON_TYPE_CAPACITY_PERSON_HEADER, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, baton_person_get_name (person),
                                  -1);

  avatar = baton_avatar_new (person, 32);
  gtk_widget_set_valign (avatar, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (avatar, self);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_parent (text, self);

  name = gtk_label_new (baton_person_get_name (person));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "capacity-person-name");
  gtk_box_append (GTK_BOX (text), name);

  details = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_box_append (GTK_BOX (text), details);

  /* A placeholder is said in words: "Placeholder" before the roles. */
  if (baton_person_get_placeholder (person))
    {
      /* Translators: marks a person who stands for a role not staffed yet */
      GtkWidget *mark = dim_caption_new (_("Placeholder"));

      gtk_widget_add_css_class (mark, "capacity-placeholder");
      gtk_box_append (GTK_BOX (details), mark);
    }

  if (unscheduled > 0)
    {
      g_autofree char *extra = baton_duration_format_hours (unscheduled);

      /* Translators: hours of a person's work that has no dates yet: "+6 h undated" */
      caption = g_strdup_printf (_("+%s h undated"), extra);
    }

  /* The other roles, as chips, then the undated hours. */
  if (role_ids != NULL)
    for (guint i = 1; i < role_ids->len; i++)
      {
        BatonRole *role = baton_store_lookup_role (store, g_array_index (role_ids, gint64, i));

        if (role == NULL)
          continue;

        if (n_chips == MAX_CHIPS)
          {
            g_autofree char *more = g_strdup_printf ("+%u", role_ids->len - i);

            gtk_box_append (GTK_BOX (details), dim_caption_new (more));
            break;
          }

        gtk_box_append (GTK_BOX (details), baton_role_chip_new (role));
        n_chips++;
      }

  if (caption != NULL)
    {
      GtkWidget *label = dim_caption_new (caption);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (details), label);
    }

  gtk_widget_set_visible (details, gtk_widget_get_first_child (details) != NULL);

  return self;
}

void
baton_capacity_person_header_set_compact (BatonCapacityPersonHeader *self,
                                          gboolean                   compact)
{
  GtkWidget *text;

  g_return_if_fail (BATON_IS_CAPACITY_PERSON_HEADER (self));

  /* The avatar first, then the name and details. */
  text = gtk_widget_get_last_child (GTK_WIDGET (self));
  if (text != NULL && text != gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_set_visible (text, !compact);
}

char *
baton_capacity_person_header_signature (BatonStore   *store,
                                        BatonPerson  *person,
                                        const GArray *role_ids,
                                        double        unscheduled)
{
  GString *s;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (BATON_IS_PERSON (person), NULL);

  s = g_string_new (NULL);
  g_string_append_printf (s, "%s\x1f%s\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%g\x1f%d\x1f",
                          baton_person_get_name (person),
                          baton_person_get_color (person) ? baton_person_get_color (person) : "",
                          baton_person_get_email (person) ? baton_person_get_email (person) : "",
                          baton_person_get_weekly_capacity_minutes (person),
                          unscheduled,
                          baton_person_get_placeholder (person));

  if (role_ids != NULL)
    for (guint i = 0; i < role_ids->len; i++)
      {
        gint64 role_id = g_array_index (role_ids, gint64, i);
        BatonRole *role = baton_store_lookup_role (store, role_id);

        g_string_append_printf (s, "%" G_GINT64_FORMAT ":%s:%s,", role_id,
                                role ? baton_role_get_name (role) : "",
                                role && baton_role_get_color (role) ? baton_role_get_color (role) : "");
      }

  return g_string_free (s, FALSE);
}
