/* baton-people-sidebar.c — people and their load this week, drop targets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per active person: avatar, name, roles, and a load bar for the
 * current week (from the board's capacity computation, set from above).
 * Each row accepts a dragged card and activates task.reassign with
 * the task and the person. While a card is dragged,
 * people who hold its role are highlighted. People are few; rows are kept
 * per person and rebuilt only when the set of people changes, never during
 * a drag.
 */

#define G_LOG_DOMAIN "baton-people-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-avatar.h"
#include "baton-dates.h"
#include "baton-drag-cancel.h"
#include "baton-duration.h"
#include "baton-people-sidebar.h"

#define LEVEL_MAX 1.25

struct _BatonPeopleSidebar
{
  GtkWidget       parent_instance;

  GtkWidget      *header;
  GtkWidget      *scroller;
  GtkListBox     *list;
  GtkWidget      *empty_label;

  BatonStore     *store;  /* weak: the board's */
  BatonCapacity  *capacity;
  BatonCapacitySettings settings;
  guint32         today;
  GHashTable     *rows;   /* person id → GtkListBoxRow (borrowed from list) */
  GArray         *order;  /* person ids, in the order shown */
};

G_DEFINE_FINAL_TYPE (BatonPeopleSidebar, baton_people_sidebar, GTK_TYPE_WIDGET)

/* A person's row: the widgets update_row () fills. */
#define BATON_TYPE_SIDEBAR_ROW (baton_sidebar_row_get_type ())
G_DECLARE_FINAL_TYPE (BatonSidebarRow, baton_sidebar_row, BATON, SIDEBAR_ROW, GtkListBoxRow)

struct _BatonSidebarRow
{
  GtkListBoxRow  parent_instance;

  BatonPerson   *person;       /* owned */
  GtkLabel      *name_label;
  GtkLabel      *roles_label;
  GtkLevelBar   *level;
  GtkLabel      *load_label;
  BatonAvatar   *avatar;
  GtkDropTarget *drop_target;
};

G_DEFINE_FINAL_TYPE (BatonSidebarRow, baton_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

static void
baton_sidebar_row_finalize (GObject *object)
{
  BatonSidebarRow *self = BATON_SIDEBAR_ROW (object);

  g_clear_object (&self->person);

  G_OBJECT_CLASS (baton_sidebar_row_parent_class)->finalize (object);
}

static void
baton_sidebar_row_class_init (BatonSidebarRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = baton_sidebar_row_finalize;
}

static void
baton_sidebar_row_init (BatonSidebarRow *self)
{
}

static BatonSidebarRow *
row_data (GtkWidget *row)
{
  return BATON_IS_SIDEBAR_ROW (row) ? BATON_SIDEBAR_ROW (row) : NULL;
}

static gboolean
on_row_drop (GtkDropTarget *target,
             const GValue  *value,
             double         x,
             double         y,
             GtkWidget     *row)
{
  BatonPeopleSidebar *self = BATON_PEOPLE_SIDEBAR (gtk_widget_get_ancestor (row, BATON_TYPE_PEOPLE_SIDEBAR));
  BatonSidebarRow *data = row_data (row);
  BatonTask *task;

  if (self == NULL || !G_VALUE_HOLDS (value, BATON_TYPE_TASK) || (task = g_value_get_object (value)) == NULL ||
      baton_drop_target_is_cancelled (target))
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "task.reassign", "(xx)",
                                     baton_record_get_id (BATON_RECORD (task)),
                                     baton_record_get_id (BATON_RECORD (data->person)));
}

static GtkWidget *
row_new (BatonPeopleSidebar *self,
         BatonPerson        *person)
{
  BatonSidebarRow *data = g_object_new (BATON_TYPE_SIDEBAR_ROW, NULL);
  GtkWidget *row = GTK_WIDGET (data);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  data->person = g_object_ref (person);
  gtk_widget_add_css_class (row, "person-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  data->avatar = BATON_AVATAR (baton_avatar_new (person, 32));
  gtk_widget_set_valign (GTK_WIDGET (data->avatar), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->avatar));

  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), text);

  data->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (data->name_label, 0);
  gtk_label_set_ellipsize (data->name_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (data->name_label), TRUE);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (data->name_label));

  data->load_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (data->load_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (data->load_label), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (data->load_label), "dim-label");
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (data->load_label));
  gtk_box_append (GTK_BOX (text), top);

  data->roles_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (data->roles_label, 0);
  gtk_label_set_ellipsize (data->roles_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (data->roles_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (data->roles_label), "dim-label");
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (data->roles_label));

  data->level = GTK_LEVEL_BAR (gtk_level_bar_new_for_interval (0, LEVEL_MAX));
  gtk_level_bar_remove_offset_value (data->level, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (data->level, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (data->level, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_add_css_class (GTK_WIDGET (data->level), "load-bar");
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (data->level));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  data->drop_target = gtk_drop_target_new (BATON_TYPE_TASK, GDK_ACTION_MOVE);
  g_signal_connect (data->drop_target, "drop", G_CALLBACK (on_row_drop), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (data->drop_target));

  return row;
}

static void
update_row (BatonPeopleSidebar *self,
            GtkWidget          *row)
{
  BatonSidebarRow *data = row_data (row);
  BatonStore *store = self->store;
  BatonCapacity *capacity = self->capacity;
  const BatonCapacitySettings *settings = &self->settings;
  g_autoptr(GArray) role_ids = baton_store_get_person_role_ids (store, data->person);
  g_autoptr(GString) roles = g_string_new (NULL);
  g_autofree char *load_text = NULL;
  g_autofree char *accessible = NULL;
  double load = 0, cap = 0, ratio = 0;
  gint row_index = -1, week = -1;

  gtk_label_set_text (data->name_label, baton_person_get_name (data->person));

  for (guint i = 0; i < role_ids->len; i++)
    {
      BatonRole *role = baton_store_lookup_role (store, g_array_index (role_ids, gint64, i));

      if (role == NULL)
        continue;
      if (roles->len > 0)
        g_string_append (roles, ", ");
      g_string_append (roles, baton_role_get_name (role));
    }
  gtk_label_set_text (data->roles_label, roles->len > 0 ? roles->str : _("No role"));

  if (capacity != NULL)
    {
      row_index = baton_capacity_get_row (capacity, baton_record_get_id (BATON_RECORD (data->person)));
      week = baton_capacity_get_week_index (capacity, self->today);
    }
  if (row_index >= 0 && week >= 0)
    {
      g_autofree char *load_hours = NULL;
      g_autofree char *cap_hours = NULL;

      load = baton_capacity_get_load (capacity, row_index, week);
      cap = baton_capacity_get_capacity (capacity, row_index, week);
      ratio = cap > 0 ? load / cap : (load > 0 ? LEVEL_MAX : 0);
      load_hours = baton_duration_format_hours (load);
      cap_hours = baton_duration_format_hours (cap);
      /* Translators: load against capacity this week, in hours: “32 / 40 h” */
      load_text = g_strdup_printf (_("%s / %s h"), load_hours, cap_hours);
      /* Translators: accessible description of a person in the sidebar */
      accessible = g_strdup_printf (_("%s, %s of %s hours this week"),
                                    baton_person_get_name (data->person), load_hours, cap_hours);
    }

  gtk_label_set_text (data->load_label, load_text ? load_text : "");
  gtk_level_bar_set_value (data->level, MIN (ratio, LEVEL_MAX));

  gtk_widget_remove_css_class (GTK_WIDGET (data->level), "load-high");
  gtk_widget_remove_css_class (GTK_WIDGET (data->level), "load-over");
  if (ratio > settings->over_threshold)
    gtk_widget_add_css_class (GTK_WIDGET (data->level), "load-over");
  else if (ratio >= settings->high_threshold)
    gtk_widget_add_css_class (GTK_WIDGET (data->level), "load-high");

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible ? accessible : baton_person_get_name (data->person),
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->level),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Load this week"),
                                  -1);
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (baton_person_get_name (*(BatonPerson **) a),
                         baton_person_get_name (*(BatonPerson **) b));
}

void
baton_people_sidebar_refresh (BatonPeopleSidebar *self)
{
  BatonStore *store;
  GListModel *people;
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  gboolean same;

  g_return_if_fail (BATON_IS_PEOPLE_SIDEBAR (self));

  store = self->store;
  if (store == NULL)
    return;
  people = baton_store_get_people (store);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (people, i);

      if (!baton_person_get_archived (person))
        g_ptr_array_add (active, person);
    }
  g_ptr_array_sort (active, compare_people);

  /* Same people, same order, same objects: update the rows in place. */
  same = active->len == self->order->len;
  for (guint i = 0; same && i < active->len; i++)
    {
      BatonPerson *person = g_ptr_array_index (active, i);
      gint64 id = baton_record_get_id (BATON_RECORD (person));
      GtkWidget *row = g_hash_table_lookup (self->rows, &id);

      same = g_array_index (self->order, gint64, i) == id && row != NULL && row_data (row)->person == person;
    }

  if (!same)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
        gtk_list_box_remove (self->list, child);
      g_hash_table_remove_all (self->rows);
      g_array_set_size (self->order, 0);

      for (guint i = 0; i < active->len; i++)
        {
          BatonPerson *person = g_ptr_array_index (active, i);
          gint64 *id = g_new (gint64, 1);
          GtkWidget *row = row_new (self, person);

          *id = baton_record_get_id (BATON_RECORD (person));
          gtk_list_box_append (self->list, row);
          g_hash_table_insert (self->rows, id, row);
          g_array_append_val (self->order, *id);
        }
    }

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (row_data (row) != NULL)
      update_row (self, row);

  gtk_widget_set_visible (self->empty_label, active->len == 0);
}

void
baton_people_sidebar_highlight_role (BatonPeopleSidebar *self,
                                     BatonTask          *task)
{
  BatonStore *store;
  gint64 role_id;

  g_return_if_fail (BATON_IS_PEOPLE_SIDEBAR (self));

  store = self->store;
  if (store == NULL)
    return;
  role_id = task ? baton_task_get_role_id (task) : 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      BatonSidebarRow *data = row_data (row);

      if (data == NULL)
        continue;

      if (task != NULL && role_id != 0 && baton_store_person_has_role (store, data->person, role_id))
        gtk_widget_add_css_class (row, "holds-role");
      else
        gtk_widget_remove_css_class (row, "holds-role");

      if (task != NULL)
        gtk_widget_add_css_class (row, "drag-active");
      else
        gtk_widget_remove_css_class (row, "drag-active");
    }
}

GtkWidget *
baton_people_sidebar_get_row (BatonPeopleSidebar *self,
                              BatonPerson        *person)
{
  gint64 id;

  g_return_val_if_fail (BATON_IS_PEOPLE_SIDEBAR (self), NULL);
  g_return_val_if_fail (BATON_IS_PERSON (person), NULL);

  id = baton_record_get_id (BATON_RECORD (person));
  return g_hash_table_lookup (self->rows, &id);
}

GtkDropTarget *
baton_people_sidebar_get_drop_target (BatonPeopleSidebar *self,
                                      BatonPerson        *person)
{
  GtkWidget *row = baton_people_sidebar_get_row (self, person);

  return row ? row_data (row)->drop_target : NULL;
}

gboolean
baton_people_sidebar_is_highlighted (BatonPeopleSidebar *self,
                                     BatonPerson        *person)
{
  GtkWidget *row = baton_people_sidebar_get_row (self, person);

  return row != NULL && gtk_widget_has_css_class (row, "holds-role");
}

static void
baton_people_sidebar_dispose (GObject *object)
{
  BatonPeopleSidebar *self = BATON_PEOPLE_SIDEBAR (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baton_people_sidebar_parent_class)->dispose (object);
}

static void
baton_people_sidebar_finalize (GObject *object)
{
  BatonPeopleSidebar *self = BATON_PEOPLE_SIDEBAR (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->order, g_array_unref);
  g_clear_pointer (&self->capacity, baton_capacity_unref);
  g_clear_weak_pointer (&self->store);

  G_OBJECT_CLASS (baton_people_sidebar_parent_class)->finalize (object);
}

static void
baton_people_sidebar_class_init (BatonPeopleSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_people_sidebar_dispose;
  object_class->finalize = baton_people_sidebar_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "peoplesidebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
baton_people_sidebar_init (BatonPeopleSidebar *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *title, *subtitle;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_size_request (GTK_WIDGET (self), 272, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People"), -1);

  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->order = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (self->header, "sidebar-header");
  gtk_widget_set_parent (self->header, GTK_WIDGET (self));
  title = gtk_label_new (_("People"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (self->header), title);
  subtitle = gtk_label_new (_("Load this week · drop a card on someone to assign it"));
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (self->header), subtitle);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scroller, TRUE);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "people-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("People"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), GTK_WIDGET (self->list));

  self->empty_label = gtk_label_new (_("No people yet. Add them in the Capacity view."));
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_margin_start (self->empty_label, 12);
  gtk_widget_set_margin_end (self->empty_label, 12);
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_widget_set_parent (self->empty_label, GTK_WIDGET (self));
}

GtkWidget *
baton_people_sidebar_new (BatonStore *store)
{
  BatonPeopleSidebar *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  self = g_object_new (BATON_TYPE_PEOPLE_SIDEBAR, NULL);
  g_set_weak_pointer (&self->store, store);
  baton_capacity_settings_init_default (&self->settings);
  self->today = baton_date_today ();

  return GTK_WIDGET (self);
}

/* The computation the load bars show, its thresholds, and this week's day.
 * Kept for the next baton_people_sidebar_refresh (). */
void
baton_people_sidebar_set_capacity (BatonPeopleSidebar          *self,
                                   BatonCapacity               *capacity,
                                   const BatonCapacitySettings *settings,
                                   guint32                      today)
{
  g_return_if_fail (BATON_IS_PEOPLE_SIDEBAR (self));
  g_return_if_fail (settings != NULL);

  if (capacity != NULL)
    baton_capacity_ref (capacity);
  g_clear_pointer (&self->capacity, baton_capacity_unref);
  self->capacity = capacity;
  self->settings = *settings;
  self->today = today;
}
