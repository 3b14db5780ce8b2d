/* baton-checklist-editor.c — a card's checklist, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The checklist part of the card editor: a list of items (done, text,
 * move up and down, remove), the progress "done/all" and an entry for a
 * new item. The items live in the widget until the card editor saves:
 * then baton_checklist_editor_write () puts them in the store, inside the
 * editor's batch, so one undo reverts the card and its checklist.
 */

#define G_LOG_DOMAIN "baton-checklist-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-checklist-editor.h"

typedef struct
{
  gint64    id;     /* 0 until saved */
  char     *text;
  gboolean  done;
} ChecklistEntry;

static void
checklist_entry_free (gpointer data)
{
  ChecklistEntry *entry = data;

  g_free (entry->text);
  g_free (entry);
}

static gboolean
str_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

/* A row: one item, its check button, text and buttons ---------------------- */

#define BATON_TYPE_CHECKLIST_ROW (baton_checklist_row_get_type ())
G_DECLARE_FINAL_TYPE (BatonChecklistRow, baton_checklist_row, BATON, CHECKLIST_ROW, GtkListBoxRow)

struct _BatonChecklistRow
{
  GtkListBoxRow   parent_instance;

  ChecklistEntry *entry;   /* borrowed from the editor's items */
  GtkWidget      *check;
  GtkWidget      *text;
  GtkWidget      *up;
  GtkWidget      *down;
  GtkWidget      *remove;
};

G_DEFINE_FINAL_TYPE (BatonChecklistRow, baton_checklist_row, GTK_TYPE_LIST_BOX_ROW)

static void
baton_checklist_row_class_init (BatonChecklistRowClass *klass)
{
}

static void
baton_checklist_row_init (BatonChecklistRow *self)
{
}

static BatonChecklistRow *
row_of (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, BATON_TYPE_CHECKLIST_ROW);

  g_assert (row != NULL);
  return BATON_CHECKLIST_ROW (row);
}

/* The editor ----------------------------------------------------------------- */

struct _BatonChecklistEditor
{
  GtkWidget   parent_instance;

  /* Template children */
  GtkLabel   *progress;
  GtkListBox *list;
  GtkWidget  *new_item_box;
  GtkEntry   *entry;

  /* Owned references */
  BatonStore *store;

  /* State */
  GPtrArray  *items;            /* ChecklistEntry, in order */
  GArray     *loaded_item_ids;  /* gint64, as loaded */
};

G_DEFINE_FINAL_TYPE (BatonChecklistEditor, baton_checklist_editor, GTK_TYPE_WIDGET)

static void rebuild (BatonChecklistEditor *self,
                     ChecklistEntry       *focus_entry,
                     const char           *focus_what);

static void
update_progress (BatonChecklistEditor *self)
{
  guint done = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < self->items->len; i++)
    done += ((ChecklistEntry *) g_ptr_array_index (self->items, i))->done ? 1 : 0;

  if (self->items->len > 0)
    /* Translators: checklist progress, items done / items */
    text = g_strdup_printf (_("%u/%u"), done, self->items->len);
  gtk_label_set_text (self->progress, text ? text : "");
}

static void
on_item_toggled (GtkCheckButton       *check,
                 BatonChecklistEditor *self)
{
  ChecklistEntry *entry = row_of (GTK_WIDGET (check))->entry;

  entry->done = gtk_check_button_get_active (check);
  update_progress (self);
}

/* Each box is named after its item, "Done: Write outline": a list of boxes
 * all called "Done" says nothing. */
static void
name_check (BatonChecklistRow *row)
{
  const char *text = row->entry->text;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *label = NULL;

  if (stripped[0] != '\0')
    /* Translators: a checklist item's check box, read by a screen reader; %s is the item */
    label = g_strdup_printf (_("Done: %s"), stripped);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : _("Done"),
                                  -1);
}

static void
on_item_text_changed (GtkEditable          *editable,
                      BatonChecklistEditor *self)
{
  BatonChecklistRow *row = row_of (GTK_WIDGET (editable));
  ChecklistEntry *entry = row->entry;

  g_free (entry->text);
  entry->text = g_strdup (gtk_editable_get_text (editable));
  name_check (row);
}

static void
move_item (BatonChecklistEditor *self,
           ChecklistEntry       *entry,
           int                   delta,
           const char           *focus_what)
{
  guint index;
  gint target;

  if (!g_ptr_array_find (self->items, entry, &index))
    return;

  target = (gint) index + delta;
  if (target < 0 || target >= (gint) self->items->len)
    return;

  g_ptr_array_steal_index (self->items, index);
  g_ptr_array_insert (self->items, target, entry);
  rebuild (self, entry, focus_what);
}

static void
on_item_up (GtkButton            *button,
            BatonChecklistEditor *self)
{
  move_item (self, row_of (GTK_WIDGET (button))->entry, -1, "up");
}

static void
on_item_down (GtkButton            *button,
              BatonChecklistEditor *self)
{
  move_item (self, row_of (GTK_WIDGET (button))->entry, 1, "down");
}

static void
on_item_remove (GtkButton            *button,
                BatonChecklistEditor *self)
{
  ChecklistEntry *entry = row_of (GTK_WIDGET (button))->entry;
  guint index;

  if (!g_ptr_array_find (self->items, entry, &index))
    return;

  g_ptr_array_remove_index (self->items, index);
  rebuild (self,
           self->items->len == 0 ? NULL
                                 : g_ptr_array_index (self->items, MIN (index, self->items->len - 1)),
           "remove");
  if (self->items->len == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  return button;
}

static BatonChecklistRow *
row_new (BatonChecklistEditor *self,
         ChecklistEntry       *entry,
         guint                 index)
{
  BatonChecklistRow *row = g_object_new (BATON_TYPE_CHECKLIST_ROW, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  row->entry = entry;
  row->check = gtk_check_button_new ();
  row->text = gtk_entry_new ();
  row->up = icon_button ("go-up-symbolic", _("Move Up"));
  row->down = icon_button ("go-down-symbolic", _("Move Down"));
  row->remove = icon_button ("user-trash-symbolic", _("Remove Item"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (row), "baton-checklist-row");
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_box_append (GTK_BOX (box), row->check);
  gtk_box_append (GTK_BOX (box), row->text);
  gtk_box_append (GTK_BOX (box), row->up);
  gtk_box_append (GTK_BOX (box), row->down);
  gtk_box_append (GTK_BOX (box), row->remove);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (row->check), entry->done);
  gtk_widget_set_valign (row->check, GTK_ALIGN_CENTER);
  name_check (row);
  g_signal_connect (row->check, "toggled", G_CALLBACK (on_item_toggled), self);

  gtk_editable_set_text (GTK_EDITABLE (row->text), entry->text ? entry->text : "");
  gtk_entry_set_has_frame (GTK_ENTRY (row->text), FALSE);
  gtk_widget_set_hexpand (row->text, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->text),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Checklist item"),
                                  -1);
  g_signal_connect (row->text, "changed", G_CALLBACK (on_item_text_changed), self);

  gtk_widget_set_sensitive (row->up, index > 0);
  gtk_widget_set_sensitive (row->down, index + 1 < self->items->len);
  g_signal_connect (row->up, "clicked", G_CALLBACK (on_item_up), self);
  g_signal_connect (row->down, "clicked", G_CALLBACK (on_item_down), self);
  g_signal_connect (row->remove, "clicked", G_CALLBACK (on_item_remove), self);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static GtkWidget *
row_part (BatonChecklistRow *row,
          const char        *what)
{
  if (g_strcmp0 (what, "up") == 0)
    return row->up;
  if (g_strcmp0 (what, "down") == 0)
    return row->down;
  if (g_strcmp0 (what, "remove") == 0)
    return row->remove;
  return row->text;
}

static void
rebuild (BatonChecklistEditor *self,
         ChecklistEntry       *focus_entry,
         const char           *focus_what)
{
  GtkWidget *child;
  GtkWidget *focus = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  for (guint i = 0; i < self->items->len; i++)
    {
      ChecklistEntry *entry = g_ptr_array_index (self->items, i);
      BatonChecklistRow *row = row_new (self, entry, i);

      gtk_list_box_append (self->list, GTK_WIDGET (row));
      if (entry == focus_entry && focus_what != NULL)
        {
          focus = row_part (row, focus_what);
          if (!gtk_widget_get_sensitive (focus))
            focus = row->text;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list), self->items->len > 0);
  update_progress (self);

  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

static void
on_entry_activate (BatonChecklistEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "checklist.add-item", NULL);
}

static void
add_item_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  baton_checklist_editor_add_item (BATON_CHECKLIST_EDITOR (widget));
}

/* Public API ------------------------------------------------------------------- */

GtkWidget *
baton_checklist_editor_new (void)
{
  return g_object_new (BATON_TYPE_CHECKLIST_EDITOR, NULL);
}

void
baton_checklist_editor_add_item (BatonChecklistEditor *self)
{
  g_autofree char *text = NULL;
  ChecklistEntry *entry;

  g_return_if_fail (BATON_IS_CHECKLIST_EDITOR (self));

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  if (text[0] == '\0')
    return;

  entry = g_new0 (ChecklistEntry, 1);
  entry->text = g_steal_pointer (&text);
  g_ptr_array_add (self->items, entry);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
  rebuild (self, NULL, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  BatonChecklistItem *ia = *(BatonChecklistItem **) a;
  BatonChecklistItem *ib = *(BatonChecklistItem **) b;
  gint64 pa = baton_checklist_item_get_position (ia), pb = baton_checklist_item_get_position (ib);
  gint64 da = baton_record_get_id (BATON_RECORD (ia)), db = baton_record_get_id (BATON_RECORD (ib));

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return da < db ? -1 : (da > db ? 1 : 0);
}

void
baton_checklist_editor_load (BatonChecklistEditor *self,
                             BatonStore           *store,
                             BatonTask            *task)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (BATON_IS_CHECKLIST_EDITOR (self));
  g_return_if_fail (BATON_IS_STORE (store));
  g_return_if_fail (task == NULL || BATON_IS_TASK (task));

  g_set_object (&self->store, store);
  g_ptr_array_set_size (self->items, 0);
  g_array_set_size (self->loaded_item_ids, 0);

  if (task != NULL)
    items = baton_store_get_task_checklist (store, task);

  if (items != NULL)
    {
      /* By position, then id. */
      g_ptr_array_sort (items, compare_items);

      for (guint i = 0; i < items->len; i++)
        {
          BatonChecklistItem *item = g_ptr_array_index (items, i);
          ChecklistEntry *entry = g_new0 (ChecklistEntry, 1);
          gint64 id = baton_record_get_id (BATON_RECORD (item));

          entry->id = id;
          entry->text = g_strdup (baton_checklist_item_get_text (item));
          entry->done = baton_checklist_item_get_done (item);
          g_ptr_array_add (self->items, entry);
          g_array_append_val (self->loaded_item_ids, id);
        }
    }

  rebuild (self, NULL, NULL);
}

gboolean
baton_checklist_editor_is_dirty (BatonChecklistEditor *self)
{
  guint kept = 0;

  g_return_val_if_fail (BATON_IS_CHECKLIST_EDITOR (self), FALSE);

  if (self->store == NULL)
    return FALSE;

  for (guint i = 0; i < self->items->len; i++)
    {
      ChecklistEntry *entry = g_ptr_array_index (self->items, i);
      g_autofree char *text = g_strstrip (g_strdup (entry->text ? entry->text : ""));
      BatonChecklistItem *item;

      if (entry->id == 0)
        {
          if (text[0] != '\0')
            return TRUE;
          continue;
        }

      item = baton_store_lookup (self->store, BATON_TYPE_CHECKLIST_ITEM, entry->id);
      if (item == NULL || text[0] == '\0')
        return TRUE;
      kept++;
      if (g_strcmp0 (text, baton_checklist_item_get_text (item)) != 0 ||
          entry->done != baton_checklist_item_get_done (item) ||
          baton_checklist_item_get_position (item) != (gint64) i)
        return TRUE;
    }

  return kept != self->loaded_item_ids->len;
}

gboolean
baton_checklist_editor_write (BatonChecklistEditor *self,
                              BatonTask            *task,
                              GError              **error)
{
  g_autoptr(GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 task_id;
  gint64 position = 0;

  g_return_val_if_fail (BATON_IS_CHECKLIST_EDITOR (self), FALSE);
  g_return_val_if_fail (BATON_IS_TASK (task), FALSE);
  g_return_val_if_fail (BATON_IS_STORE (self->store), FALSE);

  task_id = baton_record_get_id (BATON_RECORD (task));

  for (guint i = 0; i < self->items->len; i++)
    {
      ChecklistEntry *entry = g_ptr_array_index (self->items, i);

      if (entry->id != 0 && !str_empty (entry->text) && g_strstrip (entry->text)[0] != '\0')
        g_hash_table_add (kept, &entry->id);
    }

  /* Removed items first, then the rest in order. */
  for (guint i = 0; i < self->loaded_item_ids->len; i++)
    {
      gint64 *id = &g_array_index (self->loaded_item_ids, gint64, i);
      BatonChecklistItem *item;

      if (g_hash_table_contains (kept, id))
        continue;
      item = baton_store_lookup (self->store, BATON_TYPE_CHECKLIST_ITEM, *id);
      if (item != NULL && !baton_store_delete (self->store, item, error))
        return FALSE;
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      ChecklistEntry *entry = g_ptr_array_index (self->items, i);
      BatonChecklistItem *item;

      if (str_empty (entry->text) || g_strstrip (entry->text)[0] == '\0')
        continue;

      if (entry->id == 0)
        {
          if (!baton_store_insert (self->store, BATON_TYPE_CHECKLIST_ITEM, error,
                                   "task-id", (gint64) task_id,
                                   "text", entry->text,
                                   "done", (gboolean) entry->done,
                                   "position", (gint64) position,
                                   NULL))
            return FALSE;
        }
      else
        {
          item = baton_store_lookup (self->store, BATON_TYPE_CHECKLIST_ITEM, entry->id);
          if (item == NULL)
            {
              g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND,
                                   _("A checklist item was deleted meanwhile."));
              return FALSE;
            }
          if ((g_strcmp0 (entry->text, baton_checklist_item_get_text (item)) != 0 ||
               entry->done != baton_checklist_item_get_done (item) ||
               baton_checklist_item_get_position (item) != position) &&
              !baton_store_update (self->store, item, error,
                                   "text", entry->text,
                                   "done", (gboolean) entry->done,
                                   "position", (gint64) position,
                                   NULL))
            return FALSE;
        }

      position++;
    }

  return TRUE;
}

void
baton_checklist_editor_set_editable (BatonChecklistEditor *self,
                                     gboolean              editable)
{
  g_return_if_fail (BATON_IS_CHECKLIST_EDITOR (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->list), editable);
  gtk_widget_set_visible (self->new_item_box, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "checklist.add-item", editable);
}

GtkWidget *
baton_checklist_editor_get_entry (BatonChecklistEditor *self)
{
  g_return_val_if_fail (BATON_IS_CHECKLIST_EDITOR (self), NULL);

  return GTK_WIDGET (self->entry);
}

/* GObject -------------------------------------------------------------------- */

static void
baton_checklist_editor_dispose (GObject *object)
{
  BatonChecklistEditor *self = BATON_CHECKLIST_EDITOR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), BATON_TYPE_CHECKLIST_EDITOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_checklist_editor_parent_class)->dispose (object);
}

static void
baton_checklist_editor_finalize (GObject *object)
{
  BatonChecklistEditor *self = BATON_CHECKLIST_EDITOR (object);

  g_clear_pointer (&self->loaded_item_ids, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (baton_checklist_editor_parent_class)->finalize (object);
}

static void
baton_checklist_editor_class_init (BatonChecklistEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_checklist_editor_dispose;
  object_class->finalize = baton_checklist_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/baton_app/Baton/widgets/baton-checklist-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BatonChecklistEditor, progress);
  gtk_widget_class_bind_template_child (widget_class, BatonChecklistEditor, list);
  gtk_widget_class_bind_template_child (widget_class, BatonChecklistEditor, new_item_box);
  gtk_widget_class_bind_template_child (widget_class, BatonChecklistEditor, entry);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);

  gtk_widget_class_install_action (widget_class, "checklist.add-item", NULL, add_item_activated);
  gtk_widget_class_set_css_name (widget_class, "checklisteditor");
}

static void
baton_checklist_editor_init (BatonChecklistEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->items = g_ptr_array_new_with_free_func (checklist_entry_free);
  self->loaded_item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}
