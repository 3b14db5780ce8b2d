/* baton-accessible.c — accessible names without mnemonic underscores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 sets the accessible label of a GtkButton or GtkCheckButton to
 * its label text as given, mnemonic underscore included, so a screen
 * reader says "underscore Add Stage" (and the name computed from it and
 * the child label reads "_Add Stage Add Stage"). The label as shown,
 * without the underscore, replaces it here, and follows the label.
 */

#define G_LOG_DOMAIN "baton-accessible"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "baton-accessible.h"

#define FIXED_KEY "baton-accessible-fixed"

static void
update_label (GtkWidget *widget)
{
  const char *label = NULL;
  gboolean underline = FALSE;

  if (GTK_IS_BUTTON (widget))
    {
      label = gtk_button_get_label (GTK_BUTTON (widget));
      underline = gtk_button_get_use_underline (GTK_BUTTON (widget));
    }
  else if (GTK_IS_CHECK_BUTTON (widget))
    {
      label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
      underline = gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget));
    }

  if (label == NULL || !underline || strchr (label, '_') == NULL)
    return;

  /* The mnemonic label already names the button (it is labelled by it):
   * a label property of its own, stripped or not, would be read out too
   * ("Today Today"). */
  gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void fix_drop_down (GtkDropDown *drop_down);
static void expose_texts  (GtkWidget   *widget,
                           AdwEntryRow *row);

static void
fix (GtkWidget *widget)
{
  if (GTK_IS_DROP_DOWN (widget))
    fix_drop_down (GTK_DROP_DOWN (widget));
  if (ADW_IS_ENTRY_ROW (widget))
    expose_texts (widget, ADW_ENTRY_ROW (widget));
  if (!GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget))
    return;
  if (g_object_get_data (G_OBJECT (widget), FIXED_KEY) != NULL)
    return;

  g_object_set_data (G_OBJECT (widget), FIXED_KEY, GINT_TO_POINTER (TRUE));
  /* After GTK's own handler, which sets the raw label again. */
  g_signal_connect_after (widget, "notify::label", G_CALLBACK (update_label), NULL);
  g_signal_connect_after (widget, "notify::use-underline", G_CALLBACK (update_label), NULL);
  update_label (widget);
}

void
baton_accessible_fix_mnemonics (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  fix (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    baton_accessible_fix_mnemonics (child);
}

/* List items ------------------------------------------------------------------ */

#define ITEM_KEY "baton-accessible-item"

static void
collect_labels (GtkWidget *widget,
                GString   *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        {
          const char *text = gtk_label_get_text (GTK_LABEL (child));

          if (text == NULL || text[0] == '\0')
            continue;
          if (out->len > 0)
            g_string_append (out, ", ");
          g_string_append (out, text);
        }
      else
        collect_labels (child, out);
    }
}

static void
update_item_name (GtkWidget *child)
{
  GtkWidget *item = gtk_widget_get_parent (child);
  g_autoptr(GString) text = NULL;

  /* GTK 4.8's list rows are GtkListItemWidgets: list items in a list
   * view, plain widgets in a dropdown's list. */
  if (item == NULL ||
      (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (item)) != GTK_ACCESSIBLE_ROLE_LIST_ITEM &&
       g_strcmp0 (G_OBJECT_TYPE_NAME (item), "GtkListItemWidget") != 0))
    return;

  text = g_string_new (NULL);
  if (GTK_IS_LABEL (child))
    g_string_append (text, gtk_label_get_text (GTK_LABEL (child)));
  else
    collect_labels (child, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text->str,
                                  -1);
}

static void
watch_labels (GtkWidget *widget,
              GtkWidget *child)
{
  for (GtkWidget *w = gtk_widget_get_first_child (widget); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      if (GTK_IS_LABEL (w))
        {
          g_signal_connect_object (w, "notify::label", G_CALLBACK (update_item_name), child, G_CONNECT_SWAPPED);
          g_signal_connect_object (w, "notify::visible", G_CALLBACK (update_item_name), child, G_CONNECT_SWAPPED);
        }
      else
        watch_labels (w, child);
    }
}

void
baton_accessible_name_list_item (GtkWidget *child)
{
  g_return_if_fail (GTK_IS_WIDGET (child));

  if (g_object_get_data (G_OBJECT (child), ITEM_KEY) != NULL)
    return;

  g_object_set_data (G_OBJECT (child), ITEM_KEY, GINT_TO_POINTER (TRUE));
  g_signal_connect (child, "notify::parent", G_CALLBACK (update_item_name), NULL);
  if (GTK_IS_LABEL (child))
    g_signal_connect (child, "notify::label", G_CALLBACK (update_item_name), NULL);
  else
    watch_labels (child, child);
  update_item_name (child);
}

/* Entry rows ------------------------------------------------------------------ */

static void
expose_texts (GtkWidget *widget,
              AdwEntryRow *row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      /* The role can change only before the widget is in the tree. */
      if (GTK_IS_TEXT (child) && !gtk_widget_get_realized (child) &&
          gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_NONE)
        {
          g_object_set (child, "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX, NULL);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                          -1);
        }
      else
        expose_texts (child, row);
    }
}

void
baton_accessible_expose_entry_rows (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (ADW_IS_ENTRY_ROW (root))
    {
      expose_texts (root, ADW_ENTRY_ROW (root));
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    baton_accessible_expose_entry_rows (child);
}

/* Dropdowns ------------------------------------------------------------------- */

#define DROP_DOWN_KEY "baton-accessible-drop-down"

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_descendant (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
selected_text (GtkDropDown *drop_down)
{
  gpointer item = gtk_drop_down_get_selected_item (drop_down);
  GtkExpression *expression = gtk_drop_down_get_expression (drop_down);
  g_auto(GValue) value = G_VALUE_INIT;

  if (item == NULL)
    return NULL;
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) && G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);

  return NULL;
}

/* The button that opens the list takes the focus: it says what is chosen
 * (the dropdown around it, a combo box, gives the field's name). */
static void
name_button (GtkDropDown *drop_down)
{
  GtkWidget *button = find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_TOGGLE_BUTTON);
  g_autofree char *text = selected_text (drop_down);

  if (button == NULL)
    return;
  if (text != NULL && text[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
name_options_in (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (G_OBJECT_TYPE_NAME (child), "GtkListItemWidget") == 0)
        {
          GtkWidget *content = gtk_widget_get_first_child (child);

          if (content != NULL)
            baton_accessible_name_list_item (content);
        }
      else
        name_options_in (child);
    }
}

/* Every option of the list is named after its text, when the list is made,
 * when it changes and each time it opens (rows made since are named then). */
static void
name_options (GtkDropDown *drop_down)
{
  GtkWidget *popover = find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_POPOVER);
  GtkWidget *list = popover != NULL ? find_descendant (popover, GTK_TYPE_LIST_VIEW) : NULL;

  /* The list in the popover, and the chosen row shown in the button. */
  name_options_in (GTK_WIDGET (drop_down));

  /* The list is named as the dropdown is. */
  if (list != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (list),
                                    GTK_ACCESSIBLE_RELATION_LABELLED_BY, drop_down, NULL,
                                    -1);
}

static void
on_popover_map (GtkWidget   *popover,
                GtkDropDown *drop_down)
{
  name_options (drop_down);
}

static gboolean
name_later_cb (gpointer data)
{
  g_autoptr(GtkDropDown) drop_down = g_weak_ref_get (data);

  if (drop_down == NULL)
    return G_SOURCE_REMOVE;

  g_object_set_data (G_OBJECT (drop_down), "baton-accessible-pending", NULL);
  name_button (drop_down);
  name_options (drop_down);

  return G_SOURCE_REMOVE;
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

/* The dropdown makes the rows of a new model, factory or choice after it
 * notifies: name them once it is done. Weakly: a dropdown kept alive by
 * this would outlive its owner. */
static void
name_later (GtkDropDown *drop_down)
{
  GWeakRef *ref;

  if (g_object_get_data (G_OBJECT (drop_down), "baton-accessible-pending") != NULL)
    return;

  g_object_set_data (G_OBJECT (drop_down), "baton-accessible-pending", GINT_TO_POINTER (TRUE));
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, drop_down);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, name_later_cb, ref, weak_ref_free);
}

static void
fix_drop_down (GtkDropDown *drop_down)
{
  GtkWidget *popover;

  if (g_object_get_data (G_OBJECT (drop_down), DROP_DOWN_KEY) != NULL)
    return;
  g_object_set_data (G_OBJECT (drop_down), DROP_DOWN_KEY, GINT_TO_POINTER (TRUE));

  g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (name_button), NULL);
  g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (name_later), NULL);
  g_signal_connect (drop_down, "notify::model", G_CALLBACK (name_later), NULL);
  g_signal_connect (drop_down, "notify::factory", G_CALLBACK (name_later), NULL);
  g_signal_connect (drop_down, "notify::list-factory", G_CALLBACK (name_later), NULL);
  popover = find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_POPOVER);
  if (popover != NULL)
    g_signal_connect_object (popover, "map", G_CALLBACK (on_popover_map), drop_down, 0);
  name_button (drop_down);
  name_options (drop_down);
}
