/* baton-program-row.c — a program in a client's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program's color, name and dates, its tasks by stage (a
 * BatonStageBar) and how many are done; activating the row edits the
 * program, unless the workspace is read-only. The row shows its "program"
 * as it is in the store when baton_program_row_update () is called.
 */

#define G_LOG_DOMAIN "baton-program-row"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-dates.h"
#include "baton-notes.h"
#include "baton-program-row.h"
#include "baton-stage-bar.h"

struct _BatonProgramRow
{
  GtkListBoxRow  parent_instance;

  /* Children */
  GtkWidget     *dot;
  GtkWidget     *name;
  GtkWidget     *dates;
  GtkWidget     *bar;
  GtkWidget     *count;
  GtkWidget     *edit;

  /* Owned references */
  BatonStore    *store;
  BatonProgram  *program;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_PROGRAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonProgramRow, baton_program_row, GTK_TYPE_LIST_BOX_ROW)

static char *
short_date (const char *iso)
{
  guint32 julian;
  GDate date;
  char text[64];

  if (!baton_date_parse (iso, &julian))
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  /* Translators: a short date, see strftime (); e.g. "9 Mar 2026" */
  if (g_date_strftime (text, sizeof text, _("%-d %b %Y"), &date) == 0)
    return NULL;

  return g_strdup (text);
}

static char *
program_dates (BatonProgram *program)
{
  g_autofree char *start = short_date (baton_program_get_start_date (program));
  g_autofree char *due = short_date (baton_program_get_due_date (program));

  if (start != NULL && due != NULL)
    /* Translators: a program's dates, from – to */
    return g_strdup_printf (_("%s – %s"), start, due);
  if (due != NULL)
    /* Translators: %s is a date */
    return g_strdup_printf (_("Due %s"), due);
  if (start != NULL)
    /* Translators: %s is a date */
    return g_strdup_printf (_("From %s"), start);

  return g_strdup (_("No dates yet"));
}

static void
draw_color_dot (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  BatonProgramRow *self = data;
  const char *hex = self->program != NULL ? baton_program_get_color (self->program) : NULL;
  GdkRGBA color;
  double radius = MIN (width, height) / 2.0;

  if (hex == NULL || !gdk_rgba_parse (&color, hex))
    {
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
      G_GNUC_END_IGNORE_DEPRECATIONS
      color.alpha = 0.3f;
    }

  gdk_cairo_set_source_rgba (cr, &color);
  cairo_arc (cr, width / 2.0, height / 2.0, radius, 0, 2 * G_PI);
  cairo_fill (cr);
}

void
baton_program_row_update (BatonProgramRow *self)
{
  GtkWidget *row = GTK_WIDGET (self);
  BatonProgram *program = self->program;
  GtkWidget *name = self->name;
  GtkWidget *dates = self->dates;
  GtkWidget *count = self->count;
  gboolean writable;
  GListModel *stages;
  guint n_stages;
  g_autoptr(BatonProgramProgress) progress = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *accessible = NULL;
  g_autofree const char **names = NULL;
  g_autofree gboolean *done = NULL;

  g_return_if_fail (BATON_IS_PROGRAM_ROW (self));

  stages = baton_store_get_stages (self->store);
  n_stages = g_list_model_get_n_items (stages);
  progress = baton_program_progress_new (self->store, program);
  date_text = program_dates (program);
  names = g_new0 (const char *, n_stages + 1);
  done = g_new0 (gboolean, n_stages + 1);

  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);

      names[i] = baton_stage_get_name (stage);   /* owned by the store */
      done[i] = baton_stage_get_is_done (stage);
    }

  gtk_widget_queue_draw (self->dot);
  gtk_label_set_text (GTK_LABEL (name), baton_program_get_name (program));
  if (baton_program_get_archived (program))
    {
      g_autofree char *archived = g_strdup_printf (_("%s · Archived"), date_text);
      gtk_label_set_text (GTK_LABEL (dates), archived);
      gtk_widget_add_css_class (row, "archived");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (dates), date_text);
      gtk_widget_remove_css_class (row, "archived");
    }

  if (progress->n_tasks == 0)
    count_text = g_strdup (_("No tasks"));
  else
    /* Translators: a program's tasks, e.g. "12 tasks · 4 done" */
    count_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u task · %u done", "%u tasks · %u done", progress->n_tasks),
                                  progress->n_tasks, progress->n_done);
  gtk_label_set_text (GTK_LABEL (count), count_text);
  baton_stage_bar_set_progress (BATON_STAGE_BAR (self->bar), progress, names, done);

  /* A read-only workspace shows its programs; it does not edit them. */
  writable = !baton_store_get_read_only (self->store);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), writable);
  gtk_widget_set_visible (self->edit, writable);
  gtk_widget_set_tooltip_text (row, writable ? _("Edit the program") : _("This workspace is read-only"));

  accessible = g_strdup_printf ("%s, %s, %s", baton_program_get_name (program), date_text, count_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

GtkWidget *
baton_program_row_new (BatonStore   *store,
                       BatonProgram *program)
{
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (BATON_IS_PROGRAM (program), NULL);

  return g_object_new (BATON_TYPE_PROGRAM_ROW, "store", store, "program", program, NULL);
}

BatonProgram *
baton_program_row_get_program (BatonProgramRow *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM_ROW (self), NULL);

  return self->program;
}

static void
baton_program_row_constructed (GObject *object)
{
  BatonProgramRow *self = BATON_PROGRAM_ROW (object);

  G_OBJECT_CLASS (baton_program_row_parent_class)->constructed (object);

  g_assert (BATON_IS_STORE (self->store));
  g_assert (BATON_IS_PROGRAM (self->program));
  baton_program_row_update (self);
}

static void
baton_program_row_dispose (GObject *object)
{
  BatonProgramRow *self = BATON_PROGRAM_ROW (object);

  g_clear_object (&self->program);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_program_row_parent_class)->dispose (object);
}

static void
baton_program_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BatonProgramRow *self = BATON_PROGRAM_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PROGRAM:
      g_value_set_object (value, self->program);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_program_row_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BatonProgramRow *self = BATON_PROGRAM_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_PROGRAM:
      self->program = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_program_row_class_init (BatonProgramRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = baton_program_row_constructed;
  object_class->dispose = baton_program_row_dispose;
  object_class->get_property = baton_program_row_get_property;
  object_class->set_property = baton_program_row_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BATON_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRAM] =
    g_param_spec_object ("program", NULL, NULL, BATON_TYPE_PROGRAM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baton_program_row_init (BatonProgramRow *self)
{
  GtkWidget *row = GTK_WIDGET (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *dot = self->dot = gtk_drawing_area_new ();
  GtkWidget *name = self->name = gtk_label_new (NULL);
  GtkWidget *dates = self->dates = gtk_label_new (NULL);
  GtkWidget *bar = self->bar = baton_stage_bar_new ();
  GtkWidget *count = self->count = gtk_label_new (NULL);
  GtkWidget *edit = self->edit = gtk_image_new_from_icon_name ("document-edit-symbolic");

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (dot), 12);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (dot), 12);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (dot), draw_color_dot, self, NULL);
  gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  /* Long words (German compounds) break too, rather than widen the page. */
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (dates), 0);
  gtk_label_set_ellipsize (GTK_LABEL (dates), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (dates, "dim-label");
  gtk_widget_add_css_class (dates, "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), dates);

  gtk_widget_set_size_request (bar, 110, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (count), 0);
  gtk_label_set_wrap (GTK_LABEL (count), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (count), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (count, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "caption");
  /* Under the name, so that the name has the row's width (German
   * program names are long). */
  gtk_widget_set_margin_top (side, 4);
  gtk_box_append (GTK_BOX (side), bar);
  gtk_box_append (GTK_BOX (side), count);
  gtk_box_append (GTK_BOX (text), side);

  gtk_widget_add_css_class (edit, "dim-label");
  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), edit);
  gtk_widget_add_css_class (box, "program-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
}

