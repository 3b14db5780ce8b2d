/* baton-stage-bar.c — a program's tasks by stage, as one segmented bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One segment per stage that holds tasks, as wide as its share of the
 * program's tasks: earlier stages in a light tint of the accent color,
 * later ones stronger, done stages in the success color. The same numbers
 * are in the tooltip and the accessible description.
 */

#define G_LOG_DOMAIN "baton-stage-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-colors.h"
#include "baton-stage-bar.h"

#define BAR_HEIGHT 6

struct _BatonStageBar
{
  GtkWidget  parent_instance;

  guint      n_stages;
  guint     *counts;
  gboolean  *done;
  guint      total;
};

G_DEFINE_FINAL_TYPE (BatonStageBar, baton_stage_bar, GTK_TYPE_WIDGET)

static void
baton_stage_bar_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 48;
      *natural = 160;
    }
  else
    *minimum = *natural = BAR_HEIGHT;
}

static void
baton_stage_bar_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  BatonStageBar *self = BATON_STAGE_BAR (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  float width = gtk_widget_get_width (widget);
  float height = gtk_widget_get_height (widget);
  float y = (height - BAR_HEIGHT) / 2.f;
  GskRoundedRect outline;
  GdkRGBA fg, accent, success, trough;
  float x = 0;
  guint shown = 0;
  guint n_open = 0;
  gboolean hc = baton_color_mode_is_hc (baton_color_mode_for_display (gtk_widget_get_display (widget)));
  float faintest = hc ? 0.6f : 0.35f;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  if (!gtk_style_context_lookup_color (context, "success_color", &success))
    gdk_rgba_parse (&success, "#26a269");
  G_GNUC_END_IGNORE_DEPRECATIONS

  /* High contrast: a trough that shows, and no faint segment. */
  trough = fg;
  trough.alpha = hc ? 0.3f : 0.12f;

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, y, width, BAR_HEIGHT), BAR_HEIGHT / 2.f);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);
  gtk_snapshot_append_color (snapshot, &trough, &GRAPHENE_RECT_INIT (0, y, width, BAR_HEIGHT));

  for (guint i = 0; i < self->n_stages; i++)
    if (!self->done[i])
      n_open++;

  for (guint i = 0; i < self->n_stages && self->total > 0; i++)
    {
      float w;
      GdkRGBA color;

      if (self->counts[i] == 0)
        continue;

      w = width * self->counts[i] / (float) self->total;
      if (self->done[i])
        color = success;
      else
        {
          /* Earlier stages lighter: from 35 % (60 % in high contrast)
           * to 100 % of the accent. */
          color = accent;
          color.alpha = n_open > 1 ? faintest + (1 - faintest) * shown / (float) (n_open - 1) : 1.f;
          shown++;
        }

      /* A hairline between segments. */
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (x, y, MAX (w - (x + w < width - 0.5f ? 1.f : 0.f), 1.f), BAR_HEIGHT));
      x += w;
    }

  gtk_snapshot_pop (snapshot);
}

static void
baton_stage_bar_finalize (GObject *object)
{
  BatonStageBar *self = BATON_STAGE_BAR (object);

  g_free (self->counts);
  g_free (self->done);

  G_OBJECT_CLASS (baton_stage_bar_parent_class)->finalize (object);
}

static void
baton_stage_bar_class_init (BatonStageBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = baton_stage_bar_finalize;
  widget_class->measure = baton_stage_bar_measure;
  widget_class->snapshot = baton_stage_bar_snapshot;

  gtk_widget_class_set_css_name (widget_class, "stagebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
baton_stage_bar_init (BatonStageBar *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
baton_stage_bar_new (void)
{
  return g_object_new (BATON_TYPE_STAGE_BAR, NULL);
}

void
baton_stage_bar_set_progress (BatonStageBar              *self,
                              const BatonProgramProgress *progress,
                              const char * const         *stage_names,
                              const gboolean             *stage_done)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (BATON_IS_STAGE_BAR (self));
  g_return_if_fail (progress != NULL);

  g_free (self->counts);
  g_free (self->done);
  self->n_stages = progress->n_stages;
  self->counts = g_memdup2 (progress->per_stage, sizeof (guint) * MAX (progress->n_stages, 1));
  self->done = g_new0 (gboolean, MAX (progress->n_stages, 1));
  self->total = progress->n_tasks;
  for (guint i = 0; i < progress->n_stages; i++)
    self->done[i] = stage_done != NULL && stage_done[i];

  if (progress->n_tasks == 0)
    g_string_append (description, _("No tasks yet"));
  for (guint i = 0; i < progress->n_stages; i++)
    {
      if (progress->per_stage[i] == 0)
        continue;
      if (description->len > 0)
        g_string_append (description, ", ");
      /* Translators: a stage and how many of a program's tasks are in it, e.g. "Design: 3" */
      g_string_append_printf (description, _("%s: %u"),
                              stage_names != NULL && stage_names[i] != NULL ? stage_names[i] : "?",
                              progress->per_stage[i]);
    }

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tasks by stage"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
