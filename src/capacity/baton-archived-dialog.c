/* baton-archived-dialog.c — the archived people, each with Restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list follows the store: it is rebuilt on "changed", so a restore
 * (or its undo) moves the person out of (or back into) it. The dialog
 * writes nothing itself: Restore emits "restore" with the person's id and
 * the Capacity view runs its capacity.restore-person action.
 */

#define G_LOG_DOMAIN "baton-archived-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-accessible.h"
#include "baton-archived-dialog-private.h"
#include "baton-person-row.h"
#include "baton-duration.h"

struct _BatonArchivedDialog
{
  AdwWindow   parent_instance;

  /* Children */
  GtkStack   *stack;
  GtkListBox *list;

  /* Owned references */
  BatonStore *store;
  GHashTable *buttons;   /* person id (gint64 *, owned) → GtkButton, unowned */
};

enum {
  RESTORE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BatonArchivedDialog, baton_archived_dialog, ADW_TYPE_WINDOW)

static void
on_restore_clicked (GtkButton           *button,
                    BatonArchivedDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), BATON_TYPE_PERSON_ROW);
  BatonPerson *person = baton_person_row_get_person (BATON_PERSON_ROW (row));

  g_signal_emit (self, signals[RESTORE], 0, baton_record_get_id (BATON_RECORD (person)));
}

static GtkWidget *
new_row (BatonArchivedDialog *self,
         BatonPerson         *person)
{
  const char *name = baton_person_get_name (person);
  g_autofree char *hours = baton_duration_format_hours (baton_person_get_weekly_capacity_minutes (person));
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;
  gint64 *id = g_new (gint64, 1);
  GtkWidget *row = baton_person_row_new (person);
  GtkWidget *button;

  *id = baton_record_get_id (BATON_RECORD (person));

  /* Translators: a person's weekly capacity; %s is a number of hours, "40" */
  subtitle = g_strdup_printf (_("%s h a week"), hours);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: the accessible label of a button; %s is a person's name */
  label = g_strdup_printf (_("Restore %s"), name);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_restore_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  g_hash_table_insert (self->buttons, id, button);

  return row;
}

static void
rebuild (BatonArchivedDialog *self)
{
  GListModel *people = baton_store_get_people (self->store);
  GtkWidget *child;

  g_hash_table_remove_all (self->buttons);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (people, i);

      if (baton_person_get_archived (person))
        gtk_list_box_append (self->list, new_row (self, person));
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    g_hash_table_size (self->buttons) > 0 ? "list" : "empty");
  /* GTK 4.8 reads mnemonics out in accessible names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (GTK_WIDGET (self->list));
}

guint
baton_archived_dialog_get_n_people (BatonArchivedDialog *self)
{
  g_return_val_if_fail (BATON_IS_ARCHIVED_DIALOG (self), 0);

  return g_hash_table_size (self->buttons);
}

GtkButton *
baton_archived_dialog_get_restore_button (BatonArchivedDialog *self,
                                          gint64               person_id)
{
  g_return_val_if_fail (BATON_IS_ARCHIVED_DIALOG (self), NULL);

  return g_hash_table_lookup (self->buttons, &person_id);
}

static void
baton_archived_dialog_dispose (GObject *object)
{
  BatonArchivedDialog *self = BATON_ARCHIVED_DIALOG (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->buttons, g_hash_table_unref);

  G_OBJECT_CLASS (baton_archived_dialog_parent_class)->dispose (object);
}

static void
baton_archived_dialog_class_init (BatonArchivedDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_archived_dialog_dispose;

  /**
   * BatonArchivedDialog::restore:
   * @person_id: the person to bring back
   *
   * Restore was clicked on a person's row.
   */
  signals[RESTORE] =
    g_signal_new ("restore", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
baton_archived_dialog_init (BatonArchivedDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->buttons = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_window_set_title (GTK_WINDOW (self), _("Archived People"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 420, 460);
  gtk_window_set_hide_on_close (GTK_WINDOW (self), FALSE);

  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Archived People"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("People you archive leave the grid and are listed here, ready to be restored."));
  gtk_widget_add_css_class (empty, "compact");
  gtk_stack_add_named (self->stack, empty, "empty");

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_margin_top (clamp, 18);
  gtk_widget_set_margin_bottom (clamp, 18);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_named (self->stack, scroller, "list");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), box);
}

GtkWidget *
baton_archived_dialog_new (BatonStore *store)
{
  BatonArchivedDialog *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  self = g_object_new (BATON_TYPE_ARCHIVED_DIALOG, NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return GTK_WIDGET (self);
}
