/* baton-avatar.c — a person's avatar: initials in their color
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Looks like an AdwAvatar — it uses the same CSS node ("avatar"), so the
 * theme draws the round background, and the initials are bold — but
 * draws itself: one widget and one Pango layout. An AdwAvatar costs about
 * a third of a millisecond to create (a gizmo, a label and two images),
 * which a board showing dozens of cards per column cannot afford. Its
 * color is the person's own, or one of libadwaita's avatar palette picked
 * by the name, through baton_color_css_class (), which gives the initials
 * black or white, whichever reads (libadwaita 1.2's colorN classes put
 * light text on light gradients: about 2:1).
 *
 * It follows the person's name and color while it shows them. Its
 * accessible label is the name, or "Unassigned".
 */

#define G_LOG_DOMAIN "baton-avatar"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-avatar.h"
#include "baton-colors.h"

/* The darker ends of libadwaita's avatar.color1 … color14 gradients. */
static const char * const palette_colors[] = {
  "#337fdc", "#0f9ac8", "#29ae74", "#6ab85b", "#d29d09", "#d68400", "#ed5b00",
  "#e62d42", "#e33b6a", "#9945b5", "#7a59ca", "#b08952", "#785336", "#6e6d71",
};

struct _BatonAvatar
{
  GtkWidget    parent_instance;

  BatonPerson *person;
  gulong       notify_id;
  int          size;
  char        *initials;
  PangoLayout *layout;        /* lazily, for the initials */
};

enum {
  PROP_0,
  PROP_PERSON,
  PROP_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonAvatar, baton_avatar, GTK_TYPE_WIDGET)

/* First letter of the first word and of the last one, upper-cased. */
char *
baton_make_initials (const char *name)
{
  g_autofree char *valid = NULL;
  g_auto(GStrv) words = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  GString *initials;

  if (name == NULL)
    return NULL;

  valid = g_utf8_make_valid (name, -1);
  words = g_strsplit_set (valid, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, words[i]);

  if (kept->len == 0)
    return NULL;

  initials = g_string_new (NULL);
  g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (g_ptr_array_index (kept, 0))));
  if (kept->len > 1)
    g_string_append_unichar (initials,
                             g_unichar_toupper (g_utf8_get_char (g_ptr_array_index (kept, kept->len - 1))));

  return g_string_free (initials, FALSE);
}

static void
update (BatonAvatar *self)
{
  const char *name = self->person ? baton_person_get_name (self->person) : NULL;
  const char *color_class = self->person ? baton_color_css_class (baton_person_get_color (self->person)) : NULL;
  gboolean placeholder = self->person != NULL && baton_person_get_placeholder (self->person);
  g_autofree char *placeholder_label = placeholder
                                       /* Translators: a placeholder person's avatar, %s is their name */
                                       ? g_strdup_printf (_("%s (placeholder)"), name)
                                       : NULL;
  const char *label = placeholder ? placeholder_label : name != NULL ? name : _("Unassigned");

  g_free (self->initials);
  self->initials = baton_make_initials (name);
  g_clear_object (&self->layout);

  /* The palette when the person has no color of their own. */
  if (name != NULL && color_class == NULL)
    color_class = baton_color_css_class (palette_colors[g_str_hash (name) % G_N_ELEMENTS (palette_colors)]);
  baton_widget_set_color_class (GTK_WIDGET (self), color_class);
  if (name == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "baton-unassigned");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "baton-unassigned");
  /* Not yet a real person: a dashed ring, and the word in its name. */
  if (placeholder)
    gtk_widget_add_css_class (GTK_WIDGET (self), "baton-placeholder");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "baton-placeholder");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Tooltips are asked for when shown: setting one on each of hundreds of
 * avatars up front costs more than the avatars themselves. */
static gboolean
baton_avatar_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  BatonAvatar *self = BATON_AVATAR (widget);

  if (self->person != NULL && baton_person_get_placeholder (self->person))
    {
      g_autofree char *text = g_strdup_printf (_("%s (placeholder)"), baton_person_get_name (self->person));

      gtk_tooltip_set_text (tooltip, text);
    }
  else
    gtk_tooltip_set_text (tooltip, self->person ? baton_person_get_name (self->person) : _("Unassigned"));
  return TRUE;
}

static void
baton_avatar_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  *minimum = *natural = BATON_AVATAR (widget)->size;
}

static void
baton_avatar_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  BatonAvatar *self = BATON_AVATAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA color;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  if (self->initials != NULL)
    {
      PangoRectangle ink, logical;

      if (self->layout == NULL)
        {
          PangoAttrList *attrs = pango_attr_list_new ();

          self->layout = gtk_widget_create_pango_layout (widget, self->initials);
          pango_attr_list_insert (attrs, pango_attr_size_new_absolute ((int) (self->size * 0.36 * PANGO_SCALE)));
          pango_layout_set_attributes (self->layout, attrs);
          pango_attr_list_unref (attrs);
        }

      pango_layout_get_pixel_extents (self->layout, &ink, &logical);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - logical.width) / 2.0f,
                                                              (height - logical.height) / 2.0f));
      gtk_snapshot_append_layout (snapshot, self->layout, &color);
      gtk_snapshot_restore (snapshot);
    }
  else
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
      int icon_size = MAX (8, (int) (self->size * 0.55));
      g_autoptr(GtkIconPaintable) icon =
        gtk_icon_theme_lookup_icon (theme, "avatar-default-symbolic", NULL, icon_size,
                                    gtk_widget_get_scale_factor (widget),
                                    gtk_widget_get_direction (widget), 0);

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - icon_size) / 2.0f,
                                                              (height - icon_size) / 2.0f));
      gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                                icon_size, icon_size, &color, 1);
      gtk_snapshot_restore (snapshot);
    }
}

static void
baton_avatar_css_changed (GtkWidget         *widget,
                          GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (baton_avatar_parent_class)->css_changed (widget, change);

  /* The font may have changed. */
  g_clear_object (&BATON_AVATAR (widget)->layout);
}

BatonPerson *
baton_avatar_get_person (BatonAvatar *self)
{
  g_return_val_if_fail (BATON_IS_AVATAR (self), NULL);

  return self->person;
}

void
baton_avatar_set_person (BatonAvatar *self,
                         BatonPerson *person)
{
  g_return_if_fail (BATON_IS_AVATAR (self));
  g_return_if_fail (person == NULL || BATON_IS_PERSON (person));

  if (self->person == person)
    return;

  if (self->person != NULL)
    g_clear_signal_handler (&self->notify_id, self->person);
  g_set_object (&self->person, person);
  if (person != NULL)
    self->notify_id = g_signal_connect_object (person, "notify", G_CALLBACK (update),
                                               self, G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);
}

int
baton_avatar_get_size (BatonAvatar *self)
{
  g_return_val_if_fail (BATON_IS_AVATAR (self), 0);

  return self->size;
}

void
baton_avatar_set_size (BatonAvatar *self,
                       int          size)
{
  g_return_if_fail (BATON_IS_AVATAR (self));
  g_return_if_fail (size > 0);

  if (self->size == size)
    return;

  self->size = size;
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

const char *
baton_avatar_get_initials (BatonAvatar *self)
{
  g_return_val_if_fail (BATON_IS_AVATAR (self), NULL);

  return self->initials;
}

static void
baton_avatar_dispose (GObject *object)
{
  BatonAvatar *self = BATON_AVATAR (object);

  if (self->person != NULL)
    g_clear_signal_handler (&self->notify_id, self->person);
  g_clear_object (&self->person);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (baton_avatar_parent_class)->dispose (object);
}

static void
baton_avatar_finalize (GObject *object)
{
  BatonAvatar *self = BATON_AVATAR (object);

  g_free (self->initials);

  G_OBJECT_CLASS (baton_avatar_parent_class)->finalize (object);
}

static void
baton_avatar_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BatonAvatar *self = BATON_AVATAR (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->person);
      break;
    case PROP_SIZE:
      g_value_set_int (value, self->size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_avatar_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BatonAvatar *self = BATON_AVATAR (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      baton_avatar_set_person (self, g_value_get_object (value));
      break;
    case PROP_SIZE:
      baton_avatar_set_size (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_avatar_class_init (BatonAvatarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_avatar_dispose;
  object_class->finalize = baton_avatar_finalize;
  object_class->get_property = baton_avatar_get_property;
  object_class->set_property = baton_avatar_set_property;

  widget_class->measure = baton_avatar_measure;
  widget_class->snapshot = baton_avatar_snapshot;
  widget_class->css_changed = baton_avatar_css_changed;
  widget_class->query_tooltip = baton_avatar_query_tooltip;

  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, BATON_TYPE_PERSON,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZE] =
    g_param_spec_int ("size", NULL, NULL, 8, 512, 24,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* libadwaita's avatar styles: round, bold. */
  gtk_widget_class_set_css_name (widget_class, "avatar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
baton_avatar_init (BatonAvatar *self)
{
  self->size = 24;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  update (self);
}

GtkWidget *
baton_avatar_new (BatonPerson *person,
                  int          size)
{
  g_return_val_if_fail (person == NULL || BATON_IS_PERSON (person), NULL);

  return g_object_new (BATON_TYPE_AVATAR,
                       "person", person,
                       "size", size > 0 ? size : 24,
                       NULL);
}
