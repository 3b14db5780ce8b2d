/* baton-csv-dialog.c — the columns and the preview of a tasks or people CSV import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages are built in code: the columns page has one row per column of
 * the file, which a template cannot know.
 */

#define G_LOG_DOMAIN "baton-csv-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-accessible.h"
#include "baton-csv-dialog.h"
#include "baton-import-preview.h"

/* The warnings the preview lists; the rest are counted. */

struct _BatonCsvImportDialog
{
  AdwWindow        parent_instance;

  /* Widgets */
  GtkWidget       *window_title;
  GtkWidget       *cancel_button;
  GtkWidget       *back_button;
  GtkWidget       *continue_button;
  GtkWidget       *import_button;
  GtkWidget       *stack;
  GtkWidget       *error_label;      /* the caller's error, on the columns page */
  GtkWidget       *invalid_label;    /* why Continue is insensitive */
  GtkWidget       *summary_label;
  GtkWidget       *warnings_group;
  GtkWidget       *warnings_list;
  GPtrArray       *rows;             /* AdwComboRow, one per column */

  /* State */
  GStrv            header;
  gboolean         people;           /* the people fields, not the tasks' */
  guint            n_fields;
  BatonCsvMapping  mapping;
  BatonCsvPeopleMapping people_mapping;
  gboolean         valid;
  gboolean         waiting;          /* for the caller's answer to ::preview-requested */
};

G_DEFINE_FINAL_TYPE (BatonCsvImportDialog, baton_csv_import_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_PREVIEW_REQUESTED,
  SIGNAL_IMPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const field_labels[BATON_CSV_N_FIELDS] = {
  /* Translators: a field of a task that a CSV column can hold: the
   * task's number in the workspace the file came from */
  N_("ID"),
  N_("Client"),
  N_("Program"),
  N_("Title"),
  N_("Stage"),
  /* Translators: a field of a task: its place within its stage */
  N_("Position"),
  N_("Assignee"),
  N_("Role"),
  N_("Estimate (hours)"),
  N_("Start date"),
  N_("Due date"),
  N_("Status"),
  N_("Priority"),
  N_("Checklist"),
  N_("Notes"),
  N_("Created"),
  N_("Updated"),
  N_("Completed"),
  /* Translators: a field of a task: whether Rebalance leaves it where it is */
  N_("Pinned"),
};

const char *
baton_csv_field_get_label (BatonCsvField field)
{
  g_return_val_if_fail (field < BATON_CSV_N_FIELDS, NULL);

  return _(field_labels[field]);
}

G_STATIC_ASSERT ((guint) BATON_CSV_PEOPLE_N_FIELDS <= (guint) BATON_CSV_N_FIELDS);

static const char * const people_field_labels[BATON_CSV_PEOPLE_N_FIELDS] = {
  /* Translators: a field of a person that a CSV column can hold */
  N_("Name"),
  N_("Email"),
  /* Translators: a field of a person: their primary role */
  N_("Primary role"),
  /* Translators: a field of a person: all their roles */
  N_("Roles"),
  N_("Weekly hours"),
  /* Translators: a field of a person: whether they are archived */
  N_("Archived"),
  /* Translators: a field of a person: whether they stand for someone not
   * yet hired ("Writer TBD") */
  N_("Placeholder"),
};

const char *
baton_csv_people_field_get_label (BatonCsvPeopleField field)
{
  g_return_val_if_fail (field < BATON_CSV_PEOPLE_N_FIELDS, NULL);

  return _(people_field_labels[field]);
}

static const char *
field_label (BatonCsvImportDialog *self,
             guint                 field)
{
  return self->people ? baton_csv_people_field_get_label (field) : baton_csv_field_get_label (field);
}

/* A column as the person reads it: its name, or its number when unnamed. */
static char *
column_name (BatonCsvImportDialog *self,
             guint                 column)
{
  const char *name = self->header[column];

  if (g_utf8_validate (name, -1, NULL) && name[strspn (name, " \t")] != '\0')
    return g_strdup_printf ("“%s”", name);

  /* Translators: a column of a CSV file; %u is its number */
  return g_strdup_printf (_("column %u"), column + 1);
}

/* Reads the rows into the mapping; says why it cannot be imported. */
static void
update_mapping (BatonCsvImportDialog *self)
{
  g_autofree char *reason = NULL;
  gint columns[BATON_CSV_N_FIELDS];   /* the larger set of fields */

  for (guint f = 0; f < G_N_ELEMENTS (columns); f++)
    columns[f] = -1;
  self->valid = TRUE;

  for (guint c = 0; c < self->rows->len && reason == NULL; c++)
    {
      guint chosen = adw_combo_row_get_selected (self->rows->pdata[c]);
      guint field;

      if (chosen == 0 || chosen == GTK_INVALID_LIST_POSITION)
        continue;

      field = chosen - 1;
      if (columns[field] >= 0)
        {
          g_autofree char *first = column_name (self, (guint) columns[field]);
          g_autofree char *second = column_name (self, c);

          /* Translators: %s is a field ("Due date"), then two columns of
           * the file (“Deadline”, “End”) */
          reason = g_strdup_printf (_("“%s” is chosen for two columns, %s and %s. Choose it for one only."),
                                    field_label (self, field), first, second);
          break;
        }
      columns[field] = (gint) c;
    }

  baton_csv_mapping_init (&self->mapping);
  baton_csv_people_mapping_init (&self->people_mapping);
  for (guint f = 0; f < self->n_fields; f++)
    {
      if (self->people)
        self->people_mapping.columns[f] = columns[f];
      else
        self->mapping.columns[f] = columns[f];
    }

  if (reason == NULL && !self->people && self->mapping.columns[BATON_CSV_FIELD_TITLE] < 0)
    reason = g_strdup (_("Choose the column that holds the tasks’ titles."));
  if (reason == NULL && self->people && self->people_mapping.columns[BATON_CSV_PEOPLE_FIELD_NAME] < 0)
    reason = g_strdup (_("Choose the column that holds the people’s names."));

  self->valid = reason == NULL;
  gtk_label_set_text (GTK_LABEL (self->invalid_label), reason != NULL ? reason : "");
  gtk_widget_set_visible (self->invalid_label, reason != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "csv-import.continue", self->valid && !self->waiting);
}

static void
on_row_selected (BatonCsvImportDialog *self)
{
  /* The caller's message was about the columns as they were. */
  gtk_widget_set_visible (self->error_label, FALSE);
  update_mapping (self);
}

static void
show_page (BatonCsvImportDialog *self,
           const char           *page)
{
  gboolean preview = g_str_equal (page, "preview");

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), page);
  gtk_widget_set_visible (self->cancel_button, !preview);
  gtk_widget_set_visible (self->back_button, preview);
  gtk_widget_set_visible (self->continue_button, !preview);
  gtk_widget_set_visible (self->import_button, preview);
  gtk_window_set_default_widget (GTK_WINDOW (self), preview ? self->import_button : self->continue_button);
  if (preview)
    gtk_widget_grab_focus (self->import_button);
  else if (self->rows->len > 0)
    gtk_widget_grab_focus (self->rows->pdata[0]);
}

/* Actions --------------------------------------------------------------------- */

static void
continue_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  baton_csv_import_dialog_request_preview (BATON_CSV_IMPORT_DIALOG (widget));
}

static void
back_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  show_page (BATON_CSV_IMPORT_DIALOG (widget), "columns");
}

static void
import_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BatonCsvImportDialog *self = BATON_CSV_IMPORT_DIALOG (widget);

  if (!g_str_equal (baton_csv_import_dialog_get_page (self), "preview"))
    return;

  g_signal_emit (self, signals[SIGNAL_IMPORT], 0);
}

/* Building -------------------------------------------------------------------- */

static GtkWidget *
scrolled_page (GtkWidget *content)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  return scrolled;
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
header_button (const char *label,
               const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void
build (BatonCsvImportDialog *self,
       const char           *file_name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header_bar = adw_header_bar_new ();
  GtkWidget *columns = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *preview = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group;
  GtkWidget *heading;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *intro = NULL;
  g_autofree char *question = NULL;

  /* The header bar: Cancel or Back, the title, Continue or Import. */
  self->window_title = adw_window_title_new (self->people ? _("Import People") : _("Import Tasks"), file_name);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header_bar), self->window_title);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header_bar), FALSE);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header_bar), FALSE);
  self->cancel_button = header_button (_("_Cancel"), "window.close");
  self->back_button = header_button (_("_Back"), "csv-import.back");
  self->continue_button = header_button (_("C_ontinue"), "csv-import.continue");
  self->import_button = header_button (_("_Import"), "csv-import.import");
  gtk_widget_add_css_class (self->continue_button, "suggested-action");
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header_bar), self->cancel_button);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header_bar), self->back_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), self->continue_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header_bar), self->import_button);
  gtk_box_append (GTK_BOX (box), header_bar);

  /* Columns */
  /* Translators: %s is a file name */
  intro = g_strdup_printf (_("Choose what each column of “%s” holds. Columns set to Ignore are not imported."),
                           file_name);
  gtk_box_append (GTK_BOX (columns), wrapped_label (intro, NULL));
  self->error_label = wrapped_label (NULL, "error");
  gtk_label_set_selectable (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (columns), self->error_label);

  gtk_string_list_append (choices, _("Ignore"));
  for (guint f = 0; f < self->n_fields; f++)
    gtk_string_list_append (choices, field_label (self, f));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Columns"));
  for (guint c = 0; self->header[c] != NULL; c++)
    {
      GtkWidget *row = adw_combo_row_new ();
      /* Translators: a column of a CSV file; %u is its number */
      g_autofree char *number = g_strdup_printf (_("column %u"), c + 1);
      const char *name = g_utf8_validate (self->header[c], -1, NULL) ? self->header[c] : "";

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name[0] != '\0' ? name : number);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name[0] != '\0' ? number : NULL);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (choices));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("The field this column holds"),
                                      -1);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->rows, row);
    }
  /* Above the rows, so that it shows however many columns there are. */
  self->invalid_label = wrapped_label (NULL, "warning");
  gtk_box_append (GTK_BOX (columns), self->invalid_label);
  gtk_box_append (GTK_BOX (columns), group);

  /* Preview */
  /* Translators: %s is a file name */
  question = self->people
             /* Translators: %s is a file name */
             ? g_strdup_printf (_("Import People from “%s”?"), file_name)
             : g_strdup_printf (_("Import Tasks from “%s”?"), file_name);
  heading = wrapped_label (question, "title-4");
  gtk_box_append (GTK_BOX (preview), heading);
  self->summary_label = wrapped_label (NULL, NULL);
  gtk_box_append (GTK_BOX (preview), self->summary_label);
  self->warnings_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->warnings_group), _("Warnings"));
  self->warnings_list = baton_import_warnings_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->warnings_group), self->warnings_list);
  gtk_box_append (GTK_BOX (preview), self->warnings_group);

  self->stack = gtk_stack_new ();
  gtk_stack_set_transition_type (GTK_STACK (self->stack), GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled_page (columns), "columns");
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled_page (preview), "preview");
  gtk_box_append (GTK_BOX (box), self->stack);

  adw_window_set_content (ADW_WINDOW (self), box);
  /* GTK 4.8 reads mnemonics out in accessible names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (GTK_WIDGET (self));
}

/* GObject --------------------------------------------------------------------- */

static void
baton_csv_import_dialog_finalize (GObject *object)
{
  BatonCsvImportDialog *self = BATON_CSV_IMPORT_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->header, g_strfreev);

  G_OBJECT_CLASS (baton_csv_import_dialog_parent_class)->finalize (object);
}

static void
baton_csv_import_dialog_class_init (BatonCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = baton_csv_import_dialog_finalize;

  /**
   * BatonCsvImportDialog::preview-requested:
   *
   * The person chose the columns: prepare the import with
   * baton_csv_import_dialog_get_mapping () and answer with
   * baton_csv_import_dialog_show_preview () or _show_error ().
   */
  signals[SIGNAL_PREVIEW_REQUESTED] = g_signal_new ("preview-requested", G_TYPE_FROM_CLASS (klass),
                                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                    G_TYPE_NONE, 0);
  /**
   * BatonCsvImportDialog::import:
   *
   * The person confirmed the preview: apply it, then close the dialog.
   */
  signals[SIGNAL_IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "csv-import.continue", NULL, continue_activated);
  gtk_widget_class_install_action (widget_class, "csv-import.back", NULL, back_activated);
  gtk_widget_class_install_action (widget_class, "csv-import.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
baton_csv_import_dialog_init (BatonCsvImportDialog *self)
{
  self->rows = g_ptr_array_new ();
  baton_csv_mapping_init (&self->mapping);
  baton_csv_people_mapping_init (&self->people_mapping);
}

static BatonCsvImportDialog *
dialog_new (GtkWindow          *parent,
            const char * const *header,
            const char         *file_name,
            gboolean            people)
{
  BatonCsvImportDialog *self;
  BatonCsvMapping guess;
  BatonCsvPeopleMapping people_guess;
  const gint *guessed;
  guint n_columns;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (header != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  self = g_object_new (BATON_TYPE_CSV_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       "title", people ? _("Import People") : _("Import Tasks"),
                       "default-width", 560,
                       "default-height", 640,
                       NULL);
  self->people = people;
  self->n_fields = people ? BATON_CSV_PEOPLE_N_FIELDS : BATON_CSV_N_FIELDS;
  self->header = g_strdupv ((char **) header);
  n_columns = g_strv_length (self->header);
  build (self, file_name);

  if (people)
    {
      baton_csv_people_mapping_guess (&people_guess, header, n_columns);
      guessed = people_guess.columns;
    }
  else
    {
      baton_csv_mapping_guess (&guess, header, n_columns);
      guessed = guess.columns;
    }
  for (guint f = 0; f < self->n_fields; f++)
    if (guessed[f] >= 0)
      adw_combo_row_set_selected (self->rows->pdata[guessed[f]], f + 1);
  for (guint c = 0; c < n_columns; c++)
    g_signal_connect_object (self->rows->pdata[c], "notify::selected",
                             G_CALLBACK (on_row_selected), self, G_CONNECT_SWAPPED);

  update_mapping (self);
  show_page (self, "columns");

  return self;
}

BatonCsvImportDialog *
baton_csv_import_dialog_new (GtkWindow          *parent,
                             const char * const *header,
                             const char         *file_name)
{
  return dialog_new (parent, header, file_name, FALSE);
}

BatonCsvImportDialog *
baton_csv_import_dialog_new_for_people (GtkWindow          *parent,
                                        const char * const *header,
                                        const char         *file_name)
{
  return dialog_new (parent, header, file_name, TRUE);
}

gboolean
baton_csv_import_dialog_get_for_people (BatonCsvImportDialog *self)
{
  g_return_val_if_fail (BATON_IS_CSV_IMPORT_DIALOG (self), FALSE);

  return self->people;
}

const BatonCsvPeopleMapping *
baton_csv_import_dialog_get_people_mapping (BatonCsvImportDialog *self)
{
  g_return_val_if_fail (BATON_IS_CSV_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (self->people, NULL);

  return &self->people_mapping;
}

const BatonCsvMapping *
baton_csv_import_dialog_get_mapping (BatonCsvImportDialog *self)
{
  g_return_val_if_fail (BATON_IS_CSV_IMPORT_DIALOG (self), NULL);

  return &self->mapping;
}

gboolean
baton_csv_import_dialog_request_preview (BatonCsvImportDialog *self)
{
  g_return_val_if_fail (BATON_IS_CSV_IMPORT_DIALOG (self), FALSE);

  if (!self->valid || self->waiting)
    return FALSE;

  self->waiting = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "csv-import.continue", FALSE);
  gtk_widget_set_visible (self->error_label, FALSE);
  g_signal_emit (self, signals[SIGNAL_PREVIEW_REQUESTED], 0);
  return TRUE;
}

/* The answer to ::preview-requested: @summary and @warnings (char *) on
 * the preview page. */
static void
show_preview_page (BatonCsvImportDialog *self,
                   const char           *summary,
                   GPtrArray            *warnings)
{
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);
  baton_import_warnings_fill (self->warnings_list, warnings);
  gtk_widget_set_visible (self->warnings_group, warnings != NULL && warnings->len > 0);

  self->waiting = FALSE;
  update_mapping (self);
  show_page (self, "preview");
}

void
baton_csv_import_dialog_show_preview (BatonCsvImportDialog  *self,
                                      const BatonCsvPreview *preview)
{
  g_autoptr(GString) body = g_string_new (NULL);

  g_return_if_fail (BATON_IS_CSV_IMPORT_DIALOG (self));
  g_return_if_fail (preview != NULL);

  baton_import_append_count (body, preview->n_new_tasks,
                             g_dngettext (GETTEXT_PACKAGE, "%u new task", "%u new tasks", preview->n_new_tasks));
  baton_import_append_count (body, preview->n_updated_tasks,
                             g_dngettext (GETTEXT_PACKAGE, "%u updated task", "%u updated tasks", preview->n_updated_tasks));
  baton_import_append_count (body, preview->n_unchanged_tasks,
                             g_dngettext (GETTEXT_PACKAGE, "%u unchanged task", "%u unchanged tasks", preview->n_unchanged_tasks));
  baton_import_append_count (body, preview->n_new_people,
                             g_dngettext (GETTEXT_PACKAGE, "%u new person", "%u new people", preview->n_new_people));
  baton_import_append_count (body, preview->n_new_stages,
                             g_dngettext (GETTEXT_PACKAGE, "%u new stage", "%u new stages", preview->n_new_stages));
  baton_import_append_count (body, preview->n_new_roles,
                             g_dngettext (GETTEXT_PACKAGE, "%u new role", "%u new roles", preview->n_new_roles));
  baton_import_append_count (body, preview->n_new_clients,
                             g_dngettext (GETTEXT_PACKAGE, "%u new client", "%u new clients", preview->n_new_clients));
  baton_import_append_count (body, preview->n_new_programs,
                             g_dngettext (GETTEXT_PACKAGE, "%u new program", "%u new programs", preview->n_new_programs));
  if (body->len == 0)
    g_string_append (body, _("The file holds no tasks."));
  show_preview_page (self, body->str, preview->warnings);
}

void
baton_csv_import_dialog_show_people_preview (BatonCsvImportDialog        *self,
                                             const BatonCsvPeoplePreview *preview)
{
  g_autoptr(GString) body = g_string_new (NULL);

  g_return_if_fail (BATON_IS_CSV_IMPORT_DIALOG (self));
  g_return_if_fail (self->people);
  g_return_if_fail (preview != NULL);

  baton_import_append_count (body, preview->n_new_people,
                             g_dngettext (GETTEXT_PACKAGE, "%u new person", "%u new people", preview->n_new_people));
  baton_import_append_count (body, preview->n_updated_people,
                             g_dngettext (GETTEXT_PACKAGE, "%u updated person", "%u updated people", preview->n_updated_people));
  baton_import_append_count (body, preview->n_unchanged_people,
                             g_dngettext (GETTEXT_PACKAGE, "%u unchanged person", "%u unchanged people", preview->n_unchanged_people));
  baton_import_append_count (body, preview->n_new_roles,
                             g_dngettext (GETTEXT_PACKAGE, "%u new role", "%u new roles", preview->n_new_roles));
  if (body->len == 0)
    g_string_append (body, _("The file holds no people."));
  show_preview_page (self, body->str, preview->warnings);
}

void
baton_csv_import_dialog_show_error (BatonCsvImportDialog *self,
                                    const GError         *error)
{
  g_return_if_fail (BATON_IS_CSV_IMPORT_DIALOG (self));
  g_return_if_fail (error != NULL);

  gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
  gtk_widget_set_visible (self->error_label, TRUE);

  self->waiting = FALSE;
  update_mapping (self);
  show_page (self, "columns");
}

gboolean
baton_csv_import_dialog_get_waiting (BatonCsvImportDialog *self)
{
  g_return_val_if_fail (BATON_IS_CSV_IMPORT_DIALOG (self), FALSE);

  return self->waiting;
}

const char *
baton_csv_import_dialog_get_page (BatonCsvImportDialog *self)
{
  g_return_val_if_fail (BATON_IS_CSV_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (self->stack));
}
