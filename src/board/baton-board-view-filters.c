/* baton-board-view-filters.c — the board's search entry and filter popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * They set the board's one BatonBoardFilter; the columns follow it.
 */

#define G_LOG_DOMAIN "baton-board-view"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-board-private.h"
#include "baton-board-view-private.h"

/* Search and filters ------------------------------------------------------------------------ */

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
on_search_changed (BatonBoardView *self)
{
  if (self->filter == NULL)
    return;
  baton_board_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Narrow, the people cover the board and close by themselves (a click
 * beside them, Escape, a swipe): the toggle and its setting follow. */
static void
on_people_flap_revealed (BatonBoardView *self)
{
  gboolean revealed = adw_flap_get_reveal_flap (self->people_flap);

  if (revealed != self->show_people)
    g_object_set (self, "show-people-sidebar", revealed, NULL);
}

static void
on_stop_search (BatonBoardView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* board.filter-client, -program, -person, -role (id, 0 for any; a person
 * -1 for nobody): one handler, the action's name says which. */
static const struct
{
  const char         *action;
  BatonBoardFilterId  id;
} filter_actions[] = {
  { "board.filter-client", BATON_BOARD_FILTER_CLIENT },
  { "board.filter-program", BATON_BOARD_FILTER_PROGRAM },
  { "board.filter-person", BATON_BOARD_FILTER_PERSON },
  { "board.filter-role", BATON_BOARD_FILTER_ROLE },
};

static void
filter_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (filter_actions); i++)
    if (g_str_equal (action_name, filter_actions[i].action))
      baton_board_filter_set_id (self->filter, filter_actions[i].id, g_variant_get_int64 (parameter));
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  gboolean only_over = baton_board_filter_get_only_over_capacity (self->filter);
  gboolean archived = baton_board_filter_get_show_archived (self->filter);

  /* One change of the filter; the entry, cleared, then has nothing to change. */
  baton_board_filter_clear (self->filter);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (only_over)
    g_object_notify (G_OBJECT (self), "only-over-capacity");
  if (archived)
    g_object_notify (G_OBJECT (self), "show-archived");
}

/* The filter popover's dropdowns: their records, by name, are taken
 * again each time it opens. Archived ones only while a filter is on them. */
static int
compare_named (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const char *(*get_name) (gpointer) = user_data;

  return g_utf8_collate (get_name ((gpointer) a), get_name ((gpointer) b));
}

static GListModel *
choices (GListModel *records,
         gpointer    get_name,
         gboolean  (*is_archived) (gpointer),
         gint64      chosen_id,
         gint64      client_id)
{
  GListStore *store = g_list_store_new (BATON_TYPE_RECORD);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(BatonRecord) record = g_list_model_get_item (records, i);

      if (client_id != 0 && baton_program_get_client_id (BATON_PROGRAM (record)) != client_id)
        continue;
      if (is_archived != NULL && is_archived (record) && baton_record_get_id (record) != chosen_id)
        continue;
      g_list_store_append (store, record);
    }
  if (get_name != NULL)
    g_list_store_sort (store, compare_named, get_name);

  return G_LIST_MODEL (store);
}

static void
fill_dropdown (BatonBoardView      *self,
               BatonRecordDropDown *dropdown,
               BatonBoardFilterId   kind,
               GListModel          *records)
{
  g_autoptr(GListModel) owned = records;

  baton_record_drop_down_set_model (dropdown, records);
  baton_record_drop_down_set_selected_id (dropdown, baton_board_filter_get_id (self->filter, kind));
}

static void
on_filter_popover_show (BatonBoardView *self)
{
  BatonBoardFilter *filter = self->filter;
  gint64 client_id = baton_board_filter_get_id (filter, BATON_BOARD_FILTER_CLIENT);

  self->loading_filters = TRUE;

  fill_dropdown (self, self->client_dropdown, BATON_BOARD_FILTER_CLIENT,
                 choices (baton_store_get_clients (self->store), baton_client_get_name,
                          (gpointer) baton_client_get_archived,
                          client_id, 0));
  /* Programs of the chosen client only. */
  fill_dropdown (self, self->program_dropdown, BATON_BOARD_FILTER_PROGRAM,
                 choices (baton_store_get_programs (self->store), baton_program_get_name,
                          (gpointer) baton_program_get_archived,
                          baton_board_filter_get_id (filter, BATON_BOARD_FILTER_PROGRAM), client_id));
  fill_dropdown (self, self->person_dropdown, BATON_BOARD_FILTER_PERSON,
                 choices (baton_store_get_people (self->store), baton_person_get_name,
                          (gpointer) baton_person_get_archived,
                          baton_board_filter_get_id (filter, BATON_BOARD_FILTER_PERSON), 0));
  /* Roles in the workspace's order. */
  fill_dropdown (self, self->role_dropdown, BATON_BOARD_FILTER_ROLE,
                 g_object_ref (baton_store_get_roles (self->store)));

  self->loading_filters = FALSE;
}

static void
on_filter_dropdown_selected (BatonRecordDropDown *dropdown,
                             GParamSpec          *pspec,
                             BatonBoardView      *self)
{
  const char *action;

  /* Not while the popover fills them, nor while the template is built. */
  if (self->loading_filters || self->filter == NULL)
    return;

  if (dropdown == self->client_dropdown)
    action = "board.filter-client";
  else if (dropdown == self->program_dropdown)
    action = "board.filter-program";
  else if (dropdown == self->person_dropdown)
    action = "board.filter-person";
  else
    action = "board.filter-role";

  gtk_widget_activate_action (GTK_WIDGET (self), action, "x", baton_record_drop_down_get_selected_id (dropdown));

  /* Programs follow the client. */
  if (dropdown == self->client_dropdown)
    on_filter_popover_show (self);
}

GtkWidget *
baton_board_view_get_filter_popover (BatonBoardView *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);

  return GTK_WIDGET (self->filter_popover);
}

GtkWidget *
baton_board_view_get_filter_drop_down (BatonBoardView *self,
                                       guint           kind)
{
  BatonRecordDropDown *dropdowns[] = {
    [BATON_BOARD_FILTER_CLIENT] = self->client_dropdown,
    [BATON_BOARD_FILTER_PROGRAM] = self->program_dropdown,
    [BATON_BOARD_FILTER_PERSON] = self->person_dropdown,
    [BATON_BOARD_FILTER_ROLE] = self->role_dropdown,
  };

  g_return_val_if_fail (BATON_IS_BOARD_VIEW (self), NULL);
  g_return_val_if_fail (kind < G_N_ELEMENTS (dropdowns), NULL);

  return GTK_WIDGET (dropdowns[kind]);
}

/* Setup ------------------------------------------------------------------------------------ */

void
_baton_board_view_filters_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "board.clear-filters", NULL, clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "board.filter-client", "x", filter_activated);
  gtk_widget_class_install_action (widget_class, "board.filter-program", "x", filter_activated);
  gtk_widget_class_install_action (widget_class, "board.filter-person", "x", filter_activated);
  gtk_widget_class_install_action (widget_class, "board.filter-role", "x", filter_activated);
  gtk_widget_class_install_property_action (widget_class, "board.only-over-capacity", "only-over-capacity");
  gtk_widget_class_install_property_action (widget_class, "board.show-archived", "show-archived");
  gtk_widget_class_install_property_action (widget_class, "board.show-people", "show-people-sidebar");

  /* The search entry, the filter popover and its dropdowns (the template
   * connects them). */
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_people_flap_revealed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_dropdown_selected);
}

