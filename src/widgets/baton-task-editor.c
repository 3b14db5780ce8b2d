/* baton-task-editor.c — the card editor dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edits every field of a task in a modal window. Nothing is written while
 * the person types; Save (baton-task-editor-save.c) writes the whole edit
 * as one undo step. This file builds the form (the checklist is a
 * BatonChecklistEditor, the program, role and assignee BatonRecordDropDowns)
 * and parses it, each field showing its own error.
 *
 * Delete and Archive act at once and are undoable: the parent window shows
 * a toast with an Undo button (win.show-undo-toast).
 */

#define G_LOG_DOMAIN "baton-task-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-date-row.h"
#include "baton-dates.h"
#include "baton-duration.h"
#include "baton-accessible.h"
#include "baton-checklist-editor.h"
#include "baton-popups.h"
#include "baton-record-drop-down.h"
#include "baton-task-editor-private.h"

enum {
  PROP_0,
  PROP_STORE,
  PROP_TASK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonTaskEditor, baton_task_editor, ADW_TYPE_WINDOW)

static const char * const priority_names[] = {
  NC_("priority", "None"),
  NC_("priority", "Low"),
  NC_("priority", "Medium"),
  NC_("priority", "High"),
};

/* Helpers ------------------------------------------------------------------ */

static char *
entry_text (gpointer editable)
{
  char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable)));

  return g_strstrip (text);
}

static gboolean
str_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static void
show_field_error (GtkWidget  *input,
                  GtkLabel   *label,
                  const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (input, "error");
      gtk_label_set_text (label, message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
      gtk_accessible_update_state (GTK_ACCESSIBLE (input),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (input, "error");
      gtk_label_set_text (label, "");
      gtk_widget_set_visible (GTK_WIDGET (label), FALSE);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

void
_baton_task_editor_show_status (BatonTaskEditor *self,
                                const char      *message)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->status_revealer, message != NULL);
}

/* Validation ----------------------------------------------------------------- */

/* The date @row holds (NULL when empty), or FALSE and the row's own
 * reason when its text is not a date. */
static gboolean
date_of_row (BatonDateRow  *row,
             char         **date,
             GError       **error)
{
  const char *message = baton_date_row_get_error (row);

  if (message != NULL)
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID, message);
      *date = NULL;
      return FALSE;
    }

  *date = g_strdup (baton_date_row_get_date (row));
  return TRUE;
}

/* Parses the form into @values. With @show, each field shows its error (or
 * clears it). Returns TRUE when every field is valid. */
gboolean
_baton_task_editor_parse_form (BatonTaskEditor *self,
                               FormValues      *values,
                               gboolean         show)
{
  g_autoptr(GError) estimate_error = NULL;
  g_autoptr(GError) start_error = NULL;
  g_autoptr(GError) due_error = NULL;
  g_autofree char *title_message = NULL;
  g_autofree char *estimate_text = entry_text (self->estimate_entry);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;
  gboolean ok = TRUE;

  values->title = entry_text (self->title_entry);
  if (values->title[0] == '\0')
    title_message = g_strdup (_("A card needs a title."));
  else if (g_utf8_strlen (values->title, -1) > BATON_MAX_NAME_LENGTH)
    title_message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "A title can be at most %d character long.",
                                                  "A title can be at most %d characters long.",
                                                  BATON_MAX_NAME_LENGTH),
                                     BATON_MAX_NAME_LENGTH);
  ok &= title_message == NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  values->description = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (str_empty (values->description))
    g_clear_pointer (&values->description, g_free);

  values->program_id = baton_record_drop_down_get_selected_id (self->program_dropdown);
  values->role_id = baton_record_drop_down_get_selected_id (self->role_dropdown);
  values->assignee_id = baton_record_drop_down_get_selected_id (self->assignee_dropdown);
  values->priority = MIN (gtk_drop_down_get_selected (self->priority_dropdown),
                          G_N_ELEMENTS (priority_names) - 1);
  values->pinned = gtk_switch_get_active (self->pinned_switch);

  ok &= baton_duration_parse (estimate_text, TRUE, BATON_MAX_ESTIMATE_MINUTES,
                              &values->estimate_minutes, &estimate_error);

  /* Each date row parses its own text and says what is wrong with it. */
  if (!date_of_row (BATON_DATE_ROW (self->start_entry), &values->start_date, &start_error))
    ok = FALSE;
  if (!date_of_row (BATON_DATE_ROW (self->due_entry), &values->due_date, &due_error))
    ok = FALSE;

  if (start_error == NULL && due_error == NULL && values->start_date && values->due_date)
    {
      guint32 s = 0, d = 0;

      baton_date_parse (values->start_date, &s);
      baton_date_parse (values->due_date, &d);
      if (d < s)
        {
          g_set_error (&due_error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                       /* Translators: %s is the start date, YYYY-MM-DD */
                       _("The due date is before the start date (%s)."),
                       values->start_date);
          ok = FALSE;
        }
    }

  if (show)
    {
      show_field_error (GTK_WIDGET (self->title_entry), self->title_error, title_message);
      show_field_error (GTK_WIDGET (self->estimate_entry), self->estimate_error,
                        estimate_error ? estimate_error->message : NULL);
      show_field_error (GTK_WIDGET (self->start_entry), self->start_error,
                        start_error ? start_error->message : NULL);
      show_field_error (GTK_WIDGET (self->due_entry), self->due_error,
                        due_error ? due_error->message : NULL);
    }

  return ok;
}

static void
on_field_changed (BatonTaskEditor *self)
{
  g_auto(FormValues) values = { 0 };

  if (self->tried_save)
    _baton_task_editor_parse_form (self, &values, TRUE);
}

void
_baton_task_editor_focus_first_error (BatonTaskEditor *self)
{
  GtkWidget *fields[] = {
    GTK_WIDGET (self->title_entry), GTK_WIDGET (self->estimate_entry),
    GTK_WIDGET (self->start_entry), GTK_WIDGET (self->due_entry),
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (gtk_widget_has_css_class (fields[i], "error"))
      {
        gtk_widget_grab_focus (fields[i]);
        return;
      }
}

/* Dropdowns -------------------------------------------------------------------- */

static int
compare_programs (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  BatonStore *store = user_data;
  BatonProgram *pa = *(BatonProgram **) a;
  BatonProgram *pb = *(BatonProgram **) b;
  BatonClient *ca = baton_store_lookup_client (store, baton_program_get_client_id (pa));
  BatonClient *cb = baton_store_lookup_client (store, baton_program_get_client_id (pb));
  int cmp = g_utf8_collate (ca ? baton_client_get_name (ca) : "", cb ? baton_client_get_name (cb) : "");

  if (cmp != 0)
    return cmp;

  return g_utf8_collate (baton_program_get_name (pa), baton_program_get_name (pb));
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (baton_person_get_name (*(BatonPerson **) a),
                         baton_person_get_name (*(BatonPerson **) b));
}

/* "Client — Program", for the program dropdown. */
static char *
program_label (BatonProgram *program,
               BatonStore   *store)
{
  BatonClient *client;

  if (program == NULL)
    return NULL;

  client = baton_store_lookup_client (store, baton_program_get_client_id (program));
  if (client == NULL)
    return g_strdup (baton_program_get_name (program));

  /* Translators: a program in a list, “Client — Program” */
  return g_strdup_printf (_("%s — %s"), baton_client_get_name (client), baton_program_get_name (program));
}

static void
unref_store (gpointer  data,
             GClosure *closure)
{
  g_object_unref (data);
}

static GListStore *
store_of (GPtrArray *records,
          GType      type)
{
  GListStore *list = g_list_store_new (type);

  g_list_store_splice (list, 0, 0, records->pdata, records->len);
  return list;
}

static void
load_choices (BatonTaskEditor *self)
{
  g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) priority_expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GtkExpression) program_expression = NULL;
  g_autoptr(GListStore) programs = NULL;
  g_autoptr(GListStore) people = NULL;
  gint64 current_program = self->task ? baton_task_get_program_id (self->task) : 0;
  gint64 current_assignee = self->task ? baton_task_get_assignee_id (self->task) : 0;
  GListModel *list;

  /* Programs, as "Client — Program", by client then program. */
  list = baton_store_get_programs (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(BatonProgram) program = g_list_model_get_item (list, i);

      if (!baton_program_get_archived (program) ||
          baton_record_get_id (BATON_RECORD (program)) == current_program)
        g_ptr_array_add (sorted, g_steal_pointer (&program));
    }
  g_ptr_array_sort_with_data (sorted, compare_programs, self->store);
  programs = store_of (sorted, BATON_TYPE_PROGRAM);
  program_expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                    G_CALLBACK (program_label),
                                                    g_object_ref (self->store), unref_store);
  baton_record_drop_down_set_expression (self->program_dropdown, program_expression);
  baton_record_drop_down_set_model (self->program_dropdown, G_LIST_MODEL (programs));

  /* Roles, in their own order. */
  baton_record_drop_down_set_model (self->role_dropdown, baton_store_get_roles (self->store));

  /* People by name; archived ones only when they hold the card. */
  g_ptr_array_set_size (sorted, 0);
  list = baton_store_get_people (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (list, i);

      if (!baton_person_get_archived (person) ||
          baton_record_get_id (BATON_RECORD (person)) == current_assignee)
        g_ptr_array_add (sorted, g_steal_pointer (&person));
    }
  g_ptr_array_sort (sorted, compare_people);
  people = store_of (sorted, BATON_TYPE_PERSON);
  baton_record_drop_down_set_model (self->assignee_dropdown, G_LIST_MODEL (people));

  for (guint i = 0; i < G_N_ELEMENTS (priority_names); i++)
    gtk_string_list_append (priorities, g_dpgettext2 (GETTEXT_PACKAGE, "priority", priority_names[i]));
  gtk_drop_down_set_expression (self->priority_dropdown, priority_expression);
  gtk_drop_down_set_model (self->priority_dropdown, G_LIST_MODEL (priorities));
}

static void
load_task (BatonTaskEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  BatonTask *task = self->task;
  g_autofree char *estimate = NULL;

  load_choices (self);

  if (task == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Card"));
      gtk_widget_set_visible (self->card_actions, FALSE);
      gtk_drop_down_set_selected (self->priority_dropdown, 0);
      gtk_switch_set_active (self->pinned_switch, FALSE);
      baton_checklist_editor_load (self->checklist_editor, self->store, NULL);
      return;
    }

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Card"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), baton_task_get_title (task));
  gtk_text_buffer_set_text (buffer, baton_task_get_description (task) ? baton_task_get_description (task) : "", -1);

  baton_record_drop_down_set_selected_id (self->program_dropdown, baton_task_get_program_id (task));
  baton_record_drop_down_set_selected_id (self->role_dropdown, baton_task_get_role_id (task));
  baton_record_drop_down_set_selected_id (self->assignee_dropdown, baton_task_get_assignee_id (task));
  gtk_drop_down_set_selected (self->priority_dropdown,
                              CLAMP (baton_task_get_priority (task), 0, (gint64) G_N_ELEMENTS (priority_names) - 1));
  gtk_switch_set_active (self->pinned_switch, baton_task_get_pinned (task));

  if (baton_task_get_estimate_minutes (task) > 0)
    estimate = baton_duration_format (baton_task_get_estimate_minutes (task));
  gtk_editable_set_text (GTK_EDITABLE (self->estimate_entry), estimate ? estimate : "");
  gtk_editable_set_text (GTK_EDITABLE (self->start_entry),
                         baton_task_get_start_date (task) ? baton_task_get_start_date (task) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_entry),
                         baton_task_get_due_date (task) ? baton_task_get_due_date (task) : "");

  gtk_button_set_label (self->archive_button,
                        baton_task_get_archived (task) ? _("_Restore") : _("A_rchive"));

  baton_checklist_editor_load (self->checklist_editor, self->store, task);
}

static void
add_item_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  baton_checklist_editor_add_item (BATON_TASK_EDITOR (widget)->checklist_editor);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  baton_task_editor_save (BATON_TASK_EDITOR (widget));
}

/* Delete and archive ---------------------------------------------------------- */

static void
toast_on_parent (BatonTaskEditor *self,
                 const char      *message)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-undo-toast", "s", message);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BatonTaskEditor *self = BATON_TASK_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  if (self->task == NULL)
    return;

  title = g_strdup (baton_task_get_title (self->task));
  if (!baton_store_delete (self->store, self->task, &error))
    {
      _baton_task_editor_show_status (self, error->message);
      return;
    }

  /* Translators: a toast; %s is the card's title */
  message = g_strdup_printf (_("Card “%s” deleted"), title);
  toast_on_parent (self, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
archive_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BatonTaskEditor *self = BATON_TASK_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean archive;

  if (self->task == NULL)
    return;

  archive = !baton_task_get_archived (self->task);
  if (!baton_store_archive_task (self->store, self->task, archive, &error))
    {
      _baton_task_editor_show_status (self, error->message);
      return;
    }

  message = archive ? g_strdup_printf (_("Card “%s” archived"), baton_task_get_title (self->task))
                    : g_strdup_printf (_("Card “%s” restored"), baton_task_get_title (self->task));
  toast_on_parent (self, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Public API ---------------------------------------------------------------------- */

GtkWidget *
baton_task_editor_new (GtkWindow  *parent,
                       BatonStore *store,
                       BatonTask  *task)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (task == NULL || BATON_IS_TASK (task), NULL);

  return g_object_new (BATON_TYPE_TASK_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "task", task,
                       NULL);
}

void
baton_task_editor_prefill (BatonTaskEditor *self,
                           const char      *title,
                           gint64           program_id,
                           gint64           note_id)
{
  g_return_if_fail (BATON_IS_TASK_EDITOR (self));
  g_return_if_fail (self->task == NULL);

  if (title != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title);
  if (program_id != 0)
    baton_record_drop_down_set_selected_id (self->program_dropdown, program_id);
  self->note_id = note_id;
}

void
baton_task_editor_set_stage (BatonTaskEditor *self,
                             BatonStage      *stage)
{
  g_return_if_fail (BATON_IS_TASK_EDITOR (self));
  g_return_if_fail (stage == NULL || BATON_IS_STAGE (stage));

  self->stage_id = stage ? baton_record_get_id (BATON_RECORD (stage)) : 0;
}

BatonTask *
baton_task_editor_get_task (BatonTaskEditor *self)
{
  g_return_val_if_fail (BATON_IS_TASK_EDITOR (self), NULL);

  return self->task;
}

static GtkLabel *
error_label_for (BatonTaskEditor *self,
                 const char      *field)
{
  if (g_strcmp0 (field, "title") == 0)
    return self->title_error;
  if (g_strcmp0 (field, "estimate") == 0)
    return self->estimate_error;
  if (g_strcmp0 (field, "start-date") == 0)
    return self->start_error;
  if (g_strcmp0 (field, "due-date") == 0)
    return self->due_error;
  return NULL;
}

GtkWidget *
baton_task_editor_get_field (BatonTaskEditor *self,
                             const char      *field)
{
  g_return_val_if_fail (BATON_IS_TASK_EDITOR (self), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  if (g_str_equal (field, "title"))
    return GTK_WIDGET (self->title_entry);
  if (g_str_equal (field, "description"))
    return GTK_WIDGET (self->description_view);
  if (g_str_equal (field, "program"))
    return GTK_WIDGET (baton_record_drop_down_get_drop_down (self->program_dropdown));
  if (g_str_equal (field, "role"))
    return GTK_WIDGET (baton_record_drop_down_get_drop_down (self->role_dropdown));
  if (g_str_equal (field, "assignee"))
    return GTK_WIDGET (baton_record_drop_down_get_drop_down (self->assignee_dropdown));
  if (g_str_equal (field, "estimate"))
    return GTK_WIDGET (self->estimate_entry);
  if (g_str_equal (field, "priority"))
    return GTK_WIDGET (self->priority_dropdown);
  if (g_str_equal (field, "pinned"))
    return GTK_WIDGET (self->pinned_switch);
  if (g_str_equal (field, "start-date"))
    return GTK_WIDGET (self->start_entry);
  if (g_str_equal (field, "due-date"))
    return GTK_WIDGET (self->due_entry);
  if (g_str_equal (field, "checklist-entry"))
    return baton_checklist_editor_get_entry (self->checklist_editor);

  g_return_val_if_reached (NULL);
}

const char *
baton_task_editor_get_field_error (BatonTaskEditor *self,
                                   const char      *field)
{
  GtkLabel *label;

  g_return_val_if_fail (BATON_IS_TASK_EDITOR (self), NULL);

  label = error_label_for (self, field);
  if (label == NULL || !gtk_widget_get_visible (GTK_WIDGET (label)))
    return NULL;

  return gtk_label_get_text (label);
}

const char *
baton_task_editor_get_status (BatonTaskEditor *self)
{
  g_return_val_if_fail (BATON_IS_TASK_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->status_revealer))
    return NULL;

  return gtk_label_get_text (self->status_label);
}

/* GObject ---------------------------------------------------------------------- */

/* A workspace that cannot be written: the card is shown as it is, and
 * nothing in the form can change it (the window's banner says why). */
static void
show_read_only (BatonTaskEditor *self)
{
  GtkWidget *choosers[] = {
    GTK_WIDGET (self->program_dropdown), GTK_WIDGET (self->role_dropdown),
    GTK_WIDGET (self->assignee_dropdown), GTK_WIDGET (self->priority_dropdown),
    self->start_entry, self->due_entry,
  };

  gtk_editable_set_editable (GTK_EDITABLE (self->title_entry), FALSE);
  gtk_editable_set_editable (GTK_EDITABLE (self->estimate_entry), FALSE);
  gtk_text_view_set_editable (self->description_view, FALSE);
  gtk_text_view_set_cursor_visible (self->description_view, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (choosers); i++)
    gtk_widget_set_sensitive (choosers[i], FALSE);

  /* The checklist, its new item's entry and button; Archive and Delete, Save. */
  baton_checklist_editor_set_editable (self->checklist_editor, FALSE);
  gtk_widget_set_visible (self->card_actions, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), FALSE);
  /* Nothing to cancel: the button only closes. */
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-item", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.archive", FALSE);
}

static void
baton_task_editor_constructed (GObject *object)
{
  BatonTaskEditor *self = BATON_TASK_EDITOR (object);

  G_OBJECT_CLASS (baton_task_editor_parent_class)->constructed (object);

  g_assert (BATON_IS_STORE (self->store));

  load_task (self);
  if (baton_store_get_read_only (self->store))
    show_read_only (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
}

static void
baton_task_editor_dispose (GObject *object)
{
  BatonTaskEditor *self = BATON_TASK_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BATON_TYPE_TASK_EDITOR);
  g_clear_object (&self->task);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_task_editor_parent_class)->dispose (object);
}

static void
baton_task_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BatonTaskEditor *self = BATON_TASK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_TASK:
      g_value_set_object (value, self->task);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_task_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BatonTaskEditor *self = BATON_TASK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_TASK:
      self->task = g_value_dup_object (value);
      self->task_id = self->task ? baton_record_get_id (BATON_RECORD (self->task)) : 0;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_task_editor_class_init (BatonTaskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baton_task_editor_constructed;
  object_class->dispose = baton_task_editor_dispose;
  object_class->get_property = baton_task_editor_get_property;
  object_class->set_property = baton_task_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BATON_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TASK] =
    g_param_spec_object ("task", NULL, NULL, BATON_TYPE_TASK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BATON_TYPE_CHECKLIST_EDITOR);
  g_type_ensure (BATON_TYPE_DATE_ROW);
  g_type_ensure (BATON_TYPE_RECORD_DROP_DOWN);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baton_app/Baton/widgets/baton-task-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, title_error);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, program_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, assignee_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, priority_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, pinned_switch);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, estimate_entry);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, estimate_error);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, start_entry);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, start_error);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, due_entry);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, due_error);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, checklist_editor);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, card_actions);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, archive_button);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, BatonTaskEditor, cancel_button);

  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-item", NULL, add_item_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "editor.archive", NULL, archive_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
baton_task_editor_init (BatonTaskEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 reads mnemonics out in accessible names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (GTK_WIDGET (self));

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));

  /* A closed list must not take the next click (see baton-popups.c); the
   * record dropdowns see to their own. */
  baton_drop_down_ignore_popup_events_when_closed (self->priority_dropdown);
}
