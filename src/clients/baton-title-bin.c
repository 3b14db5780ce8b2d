/* baton-title-bin.c — sizes a wrapping title by its text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkTextView that wraps reports the height of the layout it last laid
 * out, whatever width it is asked about, and lays out lazily, so that two
 * measurements in a row can differ; GTK then warns of overlapping widgets.
 * Asking for heights by width does not help either: the editor's column
 * then searches for a width at which a long title, wrapped at a few
 * letters a line, would fit its height.
 *
 * This bin holds the note's title view and answers for it instead, as a
 * constant size: the height of its text wrapped at the width it was last
 * given (whole on one line before that), measured with Pango in the view's
 * own font. When a new width changes that height, it asks for a new size
 * on the next frame. The view has no padding or margins of its own
 * (style.css).
 */

#include "config.h"

#include "baton-title-bin.h"

/* The narrowest a title gets: a few letters a line. */
#define MIN_WIDTH 48

struct _BatonTitleBin
{
  GtkWidget parent_instance;

  int       width;         /* last allocated, 0 before */
  guint     resize_tick;
};

static void baton_title_bin_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BatonTitleBin, baton_title_bin, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, baton_title_bin_buildable_init))

static GtkTextView *
get_view (BatonTitleBin *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));

  return GTK_IS_TEXT_VIEW (child) ? GTK_TEXT_VIEW (child) : NULL;
}

static PangoLayout *
create_layout (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  PangoLayout *layout;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* An empty title is as high as one line (its placeholder). */
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), *text != '\0' ? text : "X");
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  return layout;
}

static void
baton_title_bin_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  BatonTitleBin *self = BATON_TITLE_BIN (widget);
  GtkTextView *view = get_view (self);
  g_autoptr(PangoLayout) layout = NULL;
  int child_min, child_nat;
  int width, height;

  *minimum = *natural = 0;
  if (view == NULL || !gtk_widget_get_visible (GTK_WIDGET (view)))
    return;

  /* GTK wants every child measured before it is allocated. */
  gtk_widget_measure (GTK_WIDGET (view), orientation, -1, &child_min, &child_nat, NULL, NULL);

  layout = create_layout (view);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      pango_layout_get_pixel_size (layout, &width, NULL);
      *minimum = MIN_WIDTH;
      /* Room for the caret at the end of the line. */
      *natural = MAX (MIN_WIDTH, width + 2);
      return;
    }

  if (self->width > 0)
    pango_layout_set_width (layout, self->width * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);
  *minimum = *natural = height;
}

static gboolean
resize_cb (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       data)
{
  BatonTitleBin *self = BATON_TITLE_BIN (widget);

  self->resize_tick = 0;
  gtk_widget_queue_resize (widget);

  return G_SOURCE_REMOVE;
}

static void
baton_title_bin_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  BatonTitleBin *self = BATON_TITLE_BIN (widget);
  GtkTextView *view = get_view (self);

  if (view == NULL || !gtk_widget_get_visible (GTK_WIDGET (view)))
    return;

  gtk_widget_allocate (GTK_WIDGET (view), width, height, -1, NULL);

  if (width != self->width)
    {
      g_autoptr(PangoLayout) layout = create_layout (view);
      int wrapped;

      self->width = width;
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_get_pixel_size (layout, NULL, &wrapped);
      if (wrapped != height && self->resize_tick == 0)
        self->resize_tick = gtk_widget_add_tick_callback (widget, resize_cb, NULL, NULL);
    }
}

static GtkSizeRequestMode
baton_title_bin_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
baton_title_bin_dispose (GObject *object)
{
  BatonTitleBin *self = BATON_TITLE_BIN (object);
  GtkWidget *child;

  if (self->resize_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->resize_tick);
  self->resize_tick = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baton_title_bin_parent_class)->dispose (object);
}

static void
on_buffer_changed (GtkWidget *self)
{
  gtk_widget_queue_resize (self);
}

static void
baton_title_bin_add_child (GtkBuildable *buildable,
                           GtkBuilder   *builder,
                           GObject      *child,
                           const char   *type)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (child));
  g_return_if_fail (gtk_widget_get_first_child (GTK_WIDGET (buildable)) == NULL);

  gtk_widget_set_parent (GTK_WIDGET (child), GTK_WIDGET (buildable));
  /* The view's font, hence the title's height, follows its style too. */
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (child)), "changed",
                           G_CALLBACK (on_buffer_changed), buildable, G_CONNECT_SWAPPED);
}

static void
baton_title_bin_buildable_init (GtkBuildableIface *iface)
{
  iface->add_child = baton_title_bin_add_child;
}

static void
baton_title_bin_class_init (BatonTitleBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_title_bin_dispose;
  widget_class->measure = baton_title_bin_measure;
  widget_class->size_allocate = baton_title_bin_size_allocate;
  widget_class->get_request_mode = baton_title_bin_get_request_mode;
}

static void
baton_title_bin_init (BatonTitleBin *self)
{
}
