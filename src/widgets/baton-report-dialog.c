/* baton-report-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "baton-accessible.h"
#include "baton-date-row.h"
#include "baton-dates.h"
#include "baton-report-dialog.h"
#include "baton-report-print.h"
#include "baton-report-status.h"
#include "baton-report-text.h"

#define REBUILD_DELAY_MS 150

typedef enum
{
  PERIOD_THIS_WEEK,
  PERIOD_LAST_WEEK,
  PERIOD_LAST_TWO_WEEKS,
  PERIOD_CUSTOM,
} Period;

struct _BatonReportDialog
{
  AdwWindow              parent_instance;

  BatonStore            *store;
  BatonCapacitySettings  settings;
  GSettings             *gsettings;
  gboolean               is_status;
  gint64                 client_id;
  guint32                today;

  /* Status */
  AdwComboRow           *period_row;
  BatonDateRow          *from_row;
  BatonDateRow          *to_row;
  GPtrArray             *program_checks;   /* GtkCheckButton, program id in "program-id" data */
  AdwComboRow           *status_row;
  AdwEntryRow           *status_note_row;
  /* Capacity */
  BatonDateRow          *first_week_row;
  GtkSpinButton         *weeks_spin;

  AdwEntryRow           *author_row;
  GtkDrawingArea        *preview;
  GtkLabel              *pages_label;
  GtkLabel              *problem_label;
  AdwLeaflet            *leaflet;
  GtkWidget             *settings_page;
  GtkWidget             *preview_page;
  GtkWidget             *back_button;
  GtkWidget             *preview_button;

  BatonReportDoc        *doc;
  char                  *problem;
  double                 page_width;
  double                 page_height;
  guint                  rebuild_id;
  gboolean               updating;
};

G_DEFINE_FINAL_TYPE (BatonReportDialog, baton_report_dialog, ADW_TYPE_WINDOW)

/* Building the report */

static void
set_problem (BatonReportDialog *self,
             const char        *problem)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.print", problem == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "report.export-pdf", problem == NULL);
}

static const char *
author (BatonReportDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->author_row));

  return text[0] != '\0' ? text : NULL;
}

/* A date row's day; FALSE with @problem set when it does not read. */
static gboolean
row_day (BatonDateRow  *row,
         const char    *name,
         guint32       *day,
         char         **problem)
{
  const char *date = baton_date_row_get_date (row);
  const char *error = baton_date_row_get_error (row);

  if (error != NULL)
    {
      *problem = g_strdup (error);
      return FALSE;
    }
  if (date == NULL || !baton_date_parse (date, day))
    {
      /* Translators: %s is a field, "From" or "To" */
      *problem = g_strdup_printf (_("Enter a date for “%s”."), name);
      return FALSE;
    }
  return TRUE;
}

static BatonReportDoc *
build_status (BatonReportDialog  *self,
              char              **problem)
{
  BatonStatusReportOptions options;
  g_autoptr(GArray) program_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  BatonReportDoc *doc;
  guint selected;

  baton_status_report_options_init (&options, self->client_id, self->today);
  if (!row_day (self->from_row, _("From"), &options.from_day, problem) ||
      !row_day (self->to_row, _("To"), &options.to_day, problem))
    return NULL;

  for (guint i = 0; i < self->program_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->program_checks, i);
      gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "program-id"));

      if (gtk_check_button_get_active (check))
        g_array_append_val (program_ids, id);
    }
  if (self->program_checks->len > 0 && program_ids->len == 0)
    {
      *problem = g_strdup (_("Choose at least one program."));
      return NULL;
    }
  options.program_ids = program_ids;

  selected = adw_combo_row_get_selected (self->status_row);
  options.health = selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (gint) selected - 1;
  options.status_note = gtk_editable_get_text (GTK_EDITABLE (self->status_note_row));
  options.author = author (self);

  doc = baton_status_report_new (self->store, &self->settings, &options, &error);
  if (doc == NULL)
    *problem = g_strdup (error->message);
  return doc;
}

static BatonReportDoc *
build_capacity (BatonReportDialog  *self,
                char              **problem)
{
  g_autoptr(GError) error = NULL;
  BatonReportDoc *doc;
  guint32 first;

  if (!row_day (self->first_week_row, _("First week"), &first, problem))
    return NULL;
  doc = baton_capacity_report_new (self->store, &self->settings, first,
                                   (guint) gtk_spin_button_get_value_as_int (self->weeks_spin),
                                   self->today, author (self), &error);
  if (doc == NULL)
    *problem = g_strdup (error->message);
  return doc;
}

static void
rebuild (BatonReportDialog *self)
{
  g_autofree char *problem = NULL;
  BatonReportDoc *doc;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  doc = self->is_status ? build_status (self, &problem) : build_capacity (self, &problem);
  g_clear_pointer (&self->doc, baton_report_doc_unref);
  self->doc = doc;

  if (doc != NULL)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
      cairo_t *cr = cairo_create (surface);
      guint n_pages;
      g_autofree char *pages = NULL;

      baton_report_paper_get_size (baton_report_paper_from_settings (self->gsettings),
                                   &self->page_width, &self->page_height);
      n_pages = baton_report_doc_paginate (doc, cr, self->page_width, self->page_height);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages", n_pages), n_pages);
      gtk_label_set_text (self->pages_label, pages);
    }
  else
    {
      gtk_label_set_text (self->pages_label, "");
    }

  set_problem (self, problem);
  gtk_widget_queue_resize (GTK_WIDGET (self->preview));
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static gboolean
rebuild_timeout (gpointer data)
{
  BatonReportDialog *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (BatonReportDialog *self)
{
  if (self->updating)
    return;
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->rebuild_id = g_timeout_add (REBUILD_DELAY_MS, rebuild_timeout, self);
}

BatonReportDoc *
baton_report_dialog_get_doc (BatonReportDialog *self)
{
  g_return_val_if_fail (BATON_IS_REPORT_DIALOG (self), NULL);

  if (self->rebuild_id != 0)
    rebuild (self);
  return self->doc;
}

const char *
baton_report_dialog_get_problem (BatonReportDialog *self)
{
  g_return_val_if_fail (BATON_IS_REPORT_DIALOG (self), NULL);

  if (self->rebuild_id != 0)
    rebuild (self);
  return self->problem;
}

/* Preview */

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  BatonReportDialog *self = data;
  double scale;

  if (self->doc == NULL || baton_report_doc_get_n_pages (self->doc) == 0 || self->page_width <= 0)
    return;

  scale = MIN (width / self->page_width, height / self->page_height);
  cairo_translate (cr, (width - self->page_width * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  /* Paper is white in dark mode too. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_fill (cr);
  baton_report_doc_draw_page (self->doc, cr, 0);
}

/* Period */

static void
period_days (BatonReportDialog *self,
             Period             period,
             guint32           *from,
             guint32           *to)
{
  guint32 week = baton_date_week_start (self->today, self->settings.first_weekday);

  switch (period)
    {
    case PERIOD_LAST_WEEK:
      *from = week - 7;
      *to = week - 1;
      break;
    case PERIOD_LAST_TWO_WEEKS:
      *from = self->today - 13;
      *to = self->today;
      break;
    case PERIOD_THIS_WEEK:
    case PERIOD_CUSTOM:
    default:
      *from = week;
      *to = week + 6;
      break;
    }
}

static void
on_period_changed (BatonReportDialog *self)
{
  Period period = adw_combo_row_get_selected (self->period_row);
  gboolean custom = period == PERIOD_CUSTOM;

  gtk_widget_set_sensitive (GTK_WIDGET (self->from_row), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->to_row), custom);
  if (!custom)
    {
      guint32 from, to;
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      period_days (self, period, &from, &to);
      a = baton_date_format (from);
      b = baton_date_format (to);
      self->updating = TRUE;
      baton_date_row_set_date (self->from_row, a);
      baton_date_row_set_date (self->to_row, b);
      self->updating = FALSE;
    }
  schedule_rebuild (self);
}

/* Actions */

static char *
suggested_name (BatonReportDialog *self)
{
  g_autofree char *date = baton_date_format (self->today);

  if (self->is_status)
    {
      BatonClient *client = baton_store_lookup_client (self->store, self->client_id);
      g_autofree char *name = g_strdup (client != NULL ? baton_client_get_name (client) : "");

      /* No separators in a file name. */
      g_strdelimit (name, "/\\:", '-');
      /* Translators: a PDF's suggested file name: client, date */
      return g_strdup_printf (_("Status report %s %s.pdf"), name, date);
    }
  /* Translators: a PDF's suggested file name, %s is a date */
  return g_strdup_printf (_("Capacity report %s.pdf"), date);
}

static void
remember_author (BatonReportDialog *self)
{
  if (self->gsettings != NULL)
    g_settings_set_string (self->gsettings, "report-author",
                           gtk_editable_get_text (GTK_EDITABLE (self->author_row)));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BatonReportDialog *self = BATON_REPORT_DIALOG (widget);
  BatonReportDoc *doc = baton_report_dialog_get_doc (self);

  if (doc == NULL)
    return;
  remember_author (self);
  baton_report_print (GTK_WINDOW (self), doc, self->gsettings);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BatonReportDialog *self = BATON_REPORT_DIALOG (widget);
  BatonReportDoc *doc = baton_report_dialog_get_doc (self);
  g_autofree char *name = NULL;

  if (doc == NULL)
    return;
  remember_author (self);
  name = suggested_name (self);
  baton_report_export_pdf (GTK_WINDOW (self), doc, self->gsettings, name);
}

/* Construction */

static void
baton_report_dialog_dispose (GObject *object)
{
  BatonReportDialog *self = BATON_REPORT_DIALOG (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->doc, baton_report_doc_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->gsettings);
  g_clear_pointer (&self->program_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (baton_report_dialog_parent_class)->dispose (object);
}

static void
baton_report_dialog_finalize (GObject *object)
{
  BatonReportDialog *self = BATON_REPORT_DIALOG (object);

  g_free (self->problem);

  G_OBJECT_CLASS (baton_report_dialog_parent_class)->finalize (object);
}

static GtkWidget *
date_row_new (const char *title)
{
  GtkWidget *row = baton_date_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  baton_date_row_set_field_label (BATON_DATE_ROW (row), title);
  return row;
}

static GtkWidget *
combo_row_new (const char         *title,
               const char * const *items)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  return row;
}

/* Narrow, the leaflet shows the settings or the preview: a header button
 * goes to the preview, another comes back. */
static void
update_navigation (BatonReportDialog *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean on_preview = adw_leaflet_get_visible_child (self->leaflet) == self->preview_page;

  gtk_widget_set_visible (self->back_button, folded && on_preview);
  gtk_widget_set_visible (self->preview_button, folded && !on_preview);
}

static void
show_preview_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonReportDialog *self = BATON_REPORT_DIALOG (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->preview_page);
}

static void
show_settings_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BatonReportDialog *self = BATON_REPORT_DIALOG (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->settings_page);
}

static GtkWidget *
icon_button_new (const char *icon,
                 const char *action,
                 const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

/* The parts both reports share: header bar, the settings beside the
 * preview of page 1 (one at a time when the window is narrow). Returns the
 * box the settings groups go in. */
static GtkWidget *
build_frame (BatonReportDialog *self,
             GtkWindow         *parent,
             const char        *title,
             const char        *subtitle)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));
  GtkWidget *export = gtk_button_new_with_mnemonic (_("_Export PDF…"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *preview_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *preview_header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *preview_title = gtk_label_new (_("Preview"));
  GtkWidget *settings_group = adw_preferences_group_new ();
  g_autofree char *saved_author = NULL;

  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  gtk_window_set_default_size (GTK_WINDOW (self), 1000, 720);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, subtitle));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export), "report.export-pdf");
  gtk_widget_add_css_class (export, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "report.print");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), export);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), print);
  self->back_button = icon_button_new ("go-previous-symbolic", "report.show-settings", _("Back to the Settings"));
  self->preview_button = icon_button_new ("view-paged-symbolic", "report.show-preview", _("Preview"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back_button);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->preview_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  /* The settings. */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_size_request (scrolled, 340, -1);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 520);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->author_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->author_row), _("Prepared by"));
  if (self->gsettings != NULL)
    saved_author = g_settings_get_string (self->gsettings, "report-author");
  gtk_editable_set_text (GTK_EDITABLE (self->author_row),
                         saved_author != NULL && saved_author[0] != '\0'
                         ? saved_author : baton_report_default_author ());
  g_signal_connect_swapped (self->author_row, "changed", G_CALLBACK (schedule_rebuild), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (settings_group), GTK_WIDGET (self->author_row));
  g_object_set_data (G_OBJECT (self), "author-group", settings_group);

  /* The preview of page 1, on white paper. */
  gtk_widget_add_css_class (preview_title, "heading");
  gtk_widget_set_hexpand (preview_title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (preview_title), 0);
  self->pages_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->pages_label), "dim-label");
  gtk_box_append (GTK_BOX (preview_header), preview_title);
  gtk_box_append (GTK_BOX (preview_header), GTK_WIDGET (self->pages_label));
  self->problem_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem_label, TRUE);
  gtk_label_set_xalign (self->problem_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  self->preview = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->preview), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->preview), TRUE);
  gtk_drawing_area_set_content_width (self->preview, 240);
  gtk_drawing_area_set_content_height (self->preview, 340);
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview of the first page"),
                                  -1);
  gtk_box_append (GTK_BOX (preview_box), preview_header);
  gtk_box_append (GTK_BOX (preview_box), GTK_WIDGET (self->problem_label));
  gtk_box_append (GTK_BOX (preview_box), GTK_WIDGET (self->preview));
  gtk_widget_set_margin_top (preview_box, 18);
  gtk_widget_set_margin_bottom (preview_box, 18);
  gtk_widget_set_margin_start (preview_box, 18);
  gtk_widget_set_margin_end (preview_box, 18);
  gtk_widget_add_css_class (preview_box, "view");

  self->leaflet = ADW_LEAFLET (adw_leaflet_new ());
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->leaflet), TRUE);
  self->settings_page = scrolled;
  self->preview_page = preview_box;
  adw_leaflet_append (self->leaflet, scrolled);
  adw_leaflet_append (self->leaflet, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_page_set_navigatable (adw_leaflet_get_page (self->leaflet,
                                                          gtk_widget_get_last_child (GTK_WIDGET (self->leaflet))),
                                    FALSE);
  adw_leaflet_append (self->leaflet, preview_box);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->leaflet));
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (update_navigation), self);
  g_signal_connect_swapped (self->leaflet, "notify::visible-child", G_CALLBACK (update_navigation), self);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
  /* GTK 4.8 reads mnemonics out in accessible names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (header);
  update_navigation (self);

  return box;
}

static void
baton_report_dialog_class_init (BatonReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_report_dialog_dispose;
  object_class->finalize = baton_report_dialog_finalize;

  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "report.export-pdf", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "report.show-preview", NULL, show_preview_activated);
  gtk_widget_class_install_action (widget_class, "report.show-settings", NULL, show_settings_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "report.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "report.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
baton_report_dialog_init (BatonReportDialog *self)
{
}

static void
dialog_setup (BatonReportDialog           *self,
              BatonStore                  *store,
              const BatonCapacitySettings *settings)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  self->store = g_object_ref (store);
  if (settings != NULL)
    self->settings = *settings;
  else
    baton_capacity_settings_init_default (&self->settings);
  self->today = baton_date_today ();
  self->program_checks = g_ptr_array_new ();
  if (schema != NULL)
    self->gsettings = g_settings_new (APP_ID);
}

GtkWidget *
baton_report_dialog_new_status (GtkWindow                   *parent,
                                BatonStore                  *store,
                                const BatonCapacitySettings *settings,
                                gint64                       client_id)
{
  BatonReportDialog *self = g_object_new (BATON_TYPE_REPORT_DIALOG, NULL);
  BatonClient *client = baton_store_lookup_client (store, client_id);
  const char *periods[] = { _("This week"), _("Last week"), _("Last two weeks"), _("Custom"), NULL };
  const char *statuses[] = { _("As Baton sees it"), _("On track"), _("At risk"), _("Late"), NULL };
  GtkWidget *box, *group, *programs, *status;
  g_autoptr(GPtrArray) client_programs = NULL;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  dialog_setup (self, store, settings);
  self->is_status = TRUE;
  self->client_id = client_id;
  box = build_frame (self, parent, _("Status Report"), client != NULL ? baton_client_get_name (client) : NULL);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Period"));
  self->period_row = ADW_COMBO_ROW (combo_row_new (_("Period"), periods));
  self->from_row = BATON_DATE_ROW (date_row_new (_("From")));
  self->to_row = BATON_DATE_ROW (date_row_new (_("To")));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->period_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->from_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->to_row));
  gtk_box_append (GTK_BOX (box), group);

  programs = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (programs), _("Programs"));
  client_programs = baton_store_find_by_reference (store, BATON_TYPE_PROGRAM, "client-id", client_id);
  for (guint i = 0; client_programs != NULL && i < client_programs->len; i++)
    {
      BatonProgram *program = g_ptr_array_index (client_programs, i);
      GtkWidget *row, *check;

      if (baton_program_get_archived (program))
        continue;
      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), baton_program_get_name (program));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (check), "program-id",
                         GSIZE_TO_POINTER ((gsize) baton_record_get_id (BATON_RECORD (program))));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (schedule_rebuild), self);
      g_ptr_array_add (self->program_checks, check);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (programs), row);
    }
  /* A client without programs reports on its notes and nothing else. */
  gtk_widget_set_visible (programs, self->program_checks->len > 0);
  gtk_box_append (GTK_BOX (box), programs);

  status = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (status), _("Status"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (status),
                                         _("Baton rates the status from due dates and stages. You know the client: say it in your own words if you see it differently."));
  self->status_row = ADW_COMBO_ROW (combo_row_new (_("Overall status"), statuses));
  self->status_note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_note_row), _("In your words"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (status), GTK_WIDGET (self->status_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (status), GTK_WIDGET (self->status_note_row));
  gtk_box_append (GTK_BOX (box), status);
  gtk_box_append (GTK_BOX (box), g_object_get_data (G_OBJECT (self), "author-group"));

  g_signal_connect_swapped (self->period_row, "notify::selected", G_CALLBACK (on_period_changed), self);
  g_signal_connect_swapped (self->from_row, "changed", G_CALLBACK (schedule_rebuild), self);
  g_signal_connect_swapped (self->to_row, "changed", G_CALLBACK (schedule_rebuild), self);
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (schedule_rebuild), self);
  g_signal_connect_swapped (self->status_note_row, "changed", G_CALLBACK (schedule_rebuild), self);

  on_period_changed (self);
  rebuild (self);
  return GTK_WIDGET (self);
}

GtkWidget *
baton_report_dialog_new_capacity (GtkWindow                   *parent,
                                  BatonStore                  *store,
                                  const BatonCapacitySettings *settings,
                                  guint32                      first_day,
                                  guint                        n_weeks)
{
  BatonReportDialog *self = g_object_new (BATON_TYPE_REPORT_DIALOG, NULL);
  g_autofree char *first = NULL;
  GtkWidget *box, *group, *weeks_row;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  dialog_setup (self, store, settings);
  box = build_frame (self, parent, _("Capacity Report"), NULL);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Period"));
  self->first_week_row = BATON_DATE_ROW (date_row_new (_("First week")));
  first = baton_date_format (first_day != 0 ? first_day : self->today);
  baton_date_row_set_date (self->first_week_row, first);
  weeks_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (weeks_row), _("Weeks"));
  self->weeks_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (1, 104, 1));
  gtk_spin_button_set_value (self->weeks_spin, CLAMP (n_weeks, 1, 104));
  gtk_widget_set_valign (GTK_WIDGET (self->weeks_spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->weeks_spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Weeks"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (weeks_row), GTK_WIDGET (self->weeks_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (weeks_row), GTK_WIDGET (self->weeks_spin));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->first_week_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), weeks_row);
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), g_object_get_data (G_OBJECT (self), "author-group"));

  g_signal_connect_swapped (self->first_week_row, "changed", G_CALLBACK (schedule_rebuild), self);
  g_signal_connect_swapped (self->weeks_spin, "value-changed", G_CALLBACK (schedule_rebuild), self);

  rebuild (self);
  return GTK_WIDGET (self);
}
