/* baton-board-view-filters.c — the board's search entry and filter popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * They set the board's one BatonBoardFilter; the columns follow it.
 */

#define G_LOG_DOMAIN "baton-board-view"

#include "config.h"

#include <glib/gi18n.h>

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

/* The filter popover's dropdowns: rebuilt each time it opens. */
static void
fill_dropdown (GtkDropDown   *dropdown,
               GtkStringList *strings,
               GArray        *ids,
               gint64         selected)
{
  g_autoptr(GtkExpression) expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  guint position = 0;

  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == selected)
      position = i;

  gtk_drop_down_set_expression (dropdown, expression);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (dropdown, position);
}

static void
append_choice (GtkStringList *strings,
               GArray        *ids,
               const char    *label,
               gint64         id)
{
  gtk_string_list_append (strings, label);
  g_array_append_val (ids, id);
}

static int
compare_named (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const char *(*get_name) (gpointer) = user_data;

  return g_utf8_collate (get_name (*(gpointer *) a), get_name (*(gpointer *) b));
}

static void
sorted_records (GListModel *list,
                GPtrArray  *out,
                gpointer    get_name)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);
      g_ptr_array_add (out, item);
    }
  g_ptr_array_sort_with_data (out, compare_named, get_name);
}

static void
on_filter_popover_show (BatonBoardView *self)
{
  g_autoptr(GtkStringList) clients = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) programs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) people = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  GListModel *list;

  self->loading_filters = TRUE;

  g_array_set_size (self->client_ids, 0);
  append_choice (clients, self->client_ids, _("Any client"), 0);
  sorted_records (baton_store_get_clients (self->store), records, baton_client_get_name);
  for (guint i = 0; i < records->len; i++)
    {
      BatonClient *client = g_ptr_array_index (records, i);

      if (!baton_client_get_archived (client) || baton_record_get_id (BATON_RECORD (client)) == baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_CLIENT))
        append_choice (clients, self->client_ids, baton_client_get_name (client),
                       baton_record_get_id (BATON_RECORD (client)));
    }
  fill_dropdown (self->client_dropdown, clients, self->client_ids, baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_CLIENT));

  g_array_set_size (self->program_ids, 0);
  g_ptr_array_set_size (records, 0);
  append_choice (programs, self->program_ids, _("Any program"), 0);
  sorted_records (baton_store_get_programs (self->store), records, baton_program_get_name);
  for (guint i = 0; i < records->len; i++)
    {
      BatonProgram *program = g_ptr_array_index (records, i);
      gint64 id = baton_record_get_id (BATON_RECORD (program));

      if (baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_CLIENT) != 0 && baton_program_get_client_id (program) != baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_CLIENT))
        continue;
      if (!baton_program_get_archived (program) || id == baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_PROGRAM))
        append_choice (programs, self->program_ids, baton_program_get_name (program), id);
    }
  fill_dropdown (self->program_dropdown, programs, self->program_ids, baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_PROGRAM));

  g_array_set_size (self->person_ids, 0);
  g_ptr_array_set_size (records, 0);
  append_choice (people, self->person_ids, _("Anyone"), 0);
  append_choice (people, self->person_ids, _("Unassigned"), -1);
  sorted_records (baton_store_get_people (self->store), records, baton_person_get_name);
  for (guint i = 0; i < records->len; i++)
    {
      BatonPerson *person = g_ptr_array_index (records, i);
      gint64 id = baton_record_get_id (BATON_RECORD (person));

      if (!baton_person_get_archived (person) || id == baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_PERSON))
        append_choice (people, self->person_ids, baton_person_get_name (person), id);
    }
  fill_dropdown (self->person_dropdown, people, self->person_ids, baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_PERSON));

  g_array_set_size (self->role_ids, 0);
  append_choice (roles, self->role_ids, _("Any role"), 0);
  list = baton_store_get_roles (self->store);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(BatonRole) role = g_list_model_get_item (list, i);

      append_choice (roles, self->role_ids, baton_role_get_name (role), baton_record_get_id (BATON_RECORD (role)));
    }
  fill_dropdown (self->role_dropdown, roles, self->role_ids, baton_board_filter_get_id (self->filter, BATON_BOARD_FILTER_ROLE));

  self->loading_filters = FALSE;
}

static void
on_filter_dropdown_selected (GtkDropDown    *dropdown,
                             GParamSpec     *pspec,
                             BatonBoardView *self)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  const char *action;
  GArray *ids;

  /* Not while the popover fills them, nor while the template is built. */
  if (self->loading_filters || self->filter == NULL)
    return;

  if (dropdown == self->client_dropdown)
    action = "board.filter-client", ids = self->client_ids;
  else if (dropdown == self->program_dropdown)
    action = "board.filter-program", ids = self->program_ids;
  else if (dropdown == self->person_dropdown)
    action = "board.filter-person", ids = self->person_ids;
  else
    action = "board.filter-role", ids = self->role_ids;

  if (position == GTK_INVALID_LIST_POSITION || position >= ids->len)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), action, "x", g_array_index (ids, gint64, position));

  /* Programs follow the client. */
  if (dropdown == self->client_dropdown)
    on_filter_popover_show (self);
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
  gtk_widget_class_bind_template_callback (widget_class, on_filter_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_dropdown_selected);
}

