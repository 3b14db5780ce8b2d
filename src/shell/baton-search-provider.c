/* baton-search-provider.c — GNOME Shell's search over the workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports org.gnome.Shell.SearchProvider2 on the application's connection:
 * GNOME Shell's overview lists the clients, programs, tasks and notes whose
 * words start with every term typed, and a result opens that item in a
 * window — a client or a note in the Clients view, a program's dialog
 * over it, a task's editor over the board.
 *
 * The workspace searched is the one of the window used last, or, with no
 * window (the shell starts Baton as a D-Bus service), the default
 * workspace, opened only to read it while there is no window and only
 * when it exists and is of this version (a search never creates, migrates
 * or backs up a file). A result's id names its workspace file, so it
 * opens where it was found.
 *
 * Archived clients, programs and tasks are left out, as the views leave
 * them out.
 */

#define G_LOG_DOMAIN "baton-search-provider"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "baton-search-provider.h"
#include "baton-application.h"
#include "baton-clients-module.h"
#include "baton-store.h"
#include "baton-window-private.h"

struct _BatonSearchProvider
{
  GObject parent_instance;

  GApplication    *application;   /* not owned: it owns us */

  GDBusConnection *connection;
  guint            registration_id;

  /* The default workspace, read while no window is open. */
  BatonStore      *fallback;
};

G_DEFINE_FINAL_TYPE (BatonSearchProvider, baton_search_provider, G_TYPE_OBJECT)

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

/* The kinds of item, as the result ids name them. */
static const char * const kinds[] = { "client", "program", "task", "note" };

/* Workspaces ------------------------------------------------------------------ */

static BatonWindow *
window_for_path (BatonSearchProvider *self,
                 const char          *path)
{
  g_autofree char *wanted = g_canonicalize_filename (path, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->application)); l; l = l->next)
    {
      BatonStore *store;
      g_autofree char *canonical = NULL;

      if (!BATON_IS_WINDOW (l->data))
        continue;
      store = baton_window_get_store (l->data);
      if (store == NULL || baton_store_get_path (store) == NULL)
        continue;
      canonical = g_canonicalize_filename (baton_store_get_path (store), NULL);
      if (g_str_equal (canonical, wanted))
        return l->data;
    }

  return NULL;
}

/* The window used last: GtkApplication lists the focused one first. */
static BatonWindow *
last_window (BatonSearchProvider *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self->application)); l; l = l->next)
    if (BATON_IS_WINDOW (l->data) && baton_window_get_store (l->data) != NULL)
      return l->data;

  return NULL;
}

/* The workspace to search, or NULL when there is none to read. */
static BatonStore *
store_to_search (BatonSearchProvider *self)
{
  BatonWindow *window = last_window (self);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gint version;

  if (window != NULL)
    {
      /* The window has the workspace open and current. */
      g_clear_object (&self->fallback);
      return baton_window_get_store (window);
    }

  if (self->fallback != NULL)
    return self->fallback;

  path = baton_store_default_path ();
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;

  version = baton_store_peek_version (path, &error);
  if (version != BATON_SCHEMA_VERSION)
    {
      g_debug ("Not searching %s (version %d): %s", path, version,
               error ? error->message : "another version");
      return NULL;
    }

  self->fallback = baton_store_open (path, &error);
  if (self->fallback == NULL)
    g_debug ("Not searching %s: %s", path, error->message);

  return self->fallback;
}

/* Matching -------------------------------------------------------------------- */

/* Whether every term starts a word of one of @texts (NULL-terminated),
 * ignoring case and accents as GLib's search does. */
static gboolean
matches_all (const char * const *terms,
             const char * const *texts)
{
  for (guint t = 0; terms[t] != NULL; t++)
    {
      gboolean found = FALSE;

      if (terms[t][0] == '\0')
        continue;
      for (guint i = 0; texts[i] != NULL && !found; i++)
        found = texts[i][0] != '\0' && g_str_match_string (terms[t], texts[i], TRUE);
      if (!found)
        return FALSE;
    }

  return TRUE;
}

static gboolean
program_is_shown (BatonStore   *store,
                  BatonProgram *program)
{
  BatonClient *client = baton_store_lookup_client (store, baton_program_get_client_id (program));

  return !baton_program_get_archived (program) &&
         client != NULL && !baton_client_get_archived (client);
}

static gboolean
record_matches (BatonStore         *store,
                const char         *kind,
                BatonRecord        *record,
                const char * const *terms)
{
  if (g_str_equal (kind, "client"))
    {
      BatonClient *client = BATON_CLIENT (record);
      const char *texts[] = { baton_client_get_name (client), baton_client_get_organization (client),
                              baton_client_get_contact_name (client), NULL };

      return !baton_client_get_archived (client) && matches_all (terms, texts);
    }

  if (g_str_equal (kind, "program"))
    {
      BatonProgram *program = BATON_PROGRAM (record);
      const char *texts[] = { baton_program_get_name (program), baton_program_get_description (program), NULL };

      return program_is_shown (store, program) && matches_all (terms, texts);
    }

  if (g_str_equal (kind, "task"))
    {
      BatonTask *task = BATON_TASK (record);
      const char *texts[] = { baton_task_get_title (task), baton_task_get_description (task), NULL };

      return !baton_task_get_archived (task) && matches_all (terms, texts);
    }

  if (g_str_equal (kind, "note"))
    {
      BatonNote *note = BATON_NOTE (record);
      BatonClient *client = baton_store_lookup_client (store, baton_note_get_client_id (note));
      const char *texts[] = { baton_note_get_title (note), baton_note_get_body (note), NULL };

      return client != NULL && !baton_client_get_archived (client) && matches_all (terms, texts);
    }

  g_assert_not_reached ();
}

static GListModel *
records_of_kind (BatonStore *store,
                 const char *kind)
{
  if (g_str_equal (kind, "client"))
    return baton_store_get_clients (store);
  if (g_str_equal (kind, "program"))
    return baton_store_get_programs (store);
  if (g_str_equal (kind, "task"))
    return baton_store_get_tasks (store);
  return baton_store_get_notes (store);
}

static BatonRecord *
lookup_record (BatonStore *store,
               const char *kind,
               gint64      id)
{
  if (g_str_equal (kind, "client"))
    return BATON_RECORD (baton_store_lookup_client (store, id));
  if (g_str_equal (kind, "program"))
    return BATON_RECORD (baton_store_lookup_program (store, id));
  if (g_str_equal (kind, "task"))
    return BATON_RECORD (baton_store_lookup_task (store, id));
  if (g_str_equal (kind, "note"))
    return BATON_RECORD (baton_store_lookup_note (store, id));
  return NULL;
}

/* Result ids: "KIND:ID:PATH", PATH the workspace file. */
static char *
result_id (BatonStore  *store,
           const char  *kind,
           BatonRecord *record)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%s", kind,
                          baton_record_get_id (record), baton_store_get_path (store));
}

static gboolean
parse_result_id (const char  *identifier,
                 const char **kind,
                 gint64      *id,
                 char       **path)
{
  g_auto(GStrv) parts = g_strsplit (identifier, ":", 3);
  guint64 number;

  if (g_strv_length (parts) != 3 || parts[2][0] == '\0' ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXINT64, &number, NULL))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (parts[0], kinds[i]))
      {
        *kind = kinds[i];
        *id = (gint64) number;
        *path = g_strdup (parts[2]);
        return TRUE;
      }

  return FALSE;
}

static GVariant *
search (BatonSearchProvider *self,
        const char * const  *terms)
{
  BatonStore *store = store_to_search (self);
  GVariantBuilder results;

  g_variant_builder_init (&results, G_VARIANT_TYPE ("as"));
  if (store == NULL || baton_store_get_path (store) == NULL || g_strv_length ((GStrv) terms) == 0)
    return g_variant_new ("(as)", &results);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      GListModel *records = records_of_kind (store, kinds[k]);
      guint n = g_list_model_get_n_items (records);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BatonRecord) record = g_list_model_get_item (records, i);

          if (record_matches (store, kinds[k], record, terms))
            {
              g_autofree char *id = result_id (store, kinds[k], record);

              g_variant_builder_add (&results, "s", id);
            }
        }
    }

  return g_variant_new ("(as)", &results);
}

/* The previous results that still match, in their order. */
static GVariant *
subsearch (BatonSearchProvider *self,
           const char * const  *previous,
           const char * const  *terms)
{
  GVariantBuilder results;

  g_variant_builder_init (&results, G_VARIANT_TYPE ("as"));
  for (guint i = 0; previous[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      const char *kind;
      gint64 id;
      BatonWindow *window;
      BatonStore *store;
      BatonRecord *record;

      if (!parse_result_id (previous[i], &kind, &id, &path))
        continue;
      window = window_for_path (self, path);
      store = window ? baton_window_get_store (window) : store_to_search (self);
      if (store == NULL || g_strcmp0 (baton_store_get_path (store), path) != 0)
        continue;
      record = lookup_record (store, kind, id);
      if (record != NULL && record_matches (store, kind, record, terms))
        g_variant_builder_add (&results, "s", previous[i]);
    }

  return g_variant_new ("(as)", &results);
}

/* Metas ------------------------------------------------------------------------ */

static char *
describe (BatonStore  *store,
          const char  *kind,
          BatonRecord *record,
          const char **icon)
{
  if (g_str_equal (kind, "client"))
    {
      BatonClient *client = BATON_CLIENT (record);
      const char *organization = baton_client_get_organization (client);
      const char *contact = baton_client_get_contact_name (client);
      const char *detail = organization && organization[0] && g_strcmp0 (organization, baton_client_get_name (client)) != 0
                           ? organization : contact;

      *icon = "system-users-symbolic";
      if (detail == NULL || detail[0] == '\0')
        return g_strdup (_("Client"));
      /* Translators: a search result's description: the client's organization or contact */
      return g_strdup_printf (_("Client · %s"), detail);
    }

  if (g_str_equal (kind, "program"))
    {
      BatonProgram *program = BATON_PROGRAM (record);
      BatonClient *client = baton_store_lookup_client (store, baton_program_get_client_id (program));

      *icon = "folder-symbolic";
      /* Translators: a search result's description: the program's client */
      return g_strdup_printf (_("Program · %s"), client ? baton_client_get_name (client) : "");
    }

  if (g_str_equal (kind, "task"))
    {
      BatonTask *task = BATON_TASK (record);
      BatonProgram *program = baton_store_lookup_program (store, baton_task_get_program_id (task));
      BatonStage *stage = baton_store_lookup_stage (store, baton_task_get_stage_id (task));

      *icon = "object-select-symbolic";
      /* Translators: a search result's description: the task's program, then its stage */
      return g_strdup_printf (_("Task · %s · %s"),
                              program ? baton_program_get_name (program) : "",
                              stage ? baton_stage_get_name (stage) : "");
    }

  {
    BatonNote *note = BATON_NOTE (record);
    BatonClient *client = baton_store_lookup_client (store, baton_note_get_client_id (note));

    *icon = "text-x-generic-symbolic";
    /* Translators: a search result's description: the note's client */
    return g_strdup_printf (_("Note · %s"), client ? baton_client_get_name (client) : "");
  }
}

static const char *
record_name (const char  *kind,
             BatonRecord *record)
{
  if (g_str_equal (kind, "client"))
    return baton_client_get_name (BATON_CLIENT (record));
  if (g_str_equal (kind, "program"))
    return baton_program_get_name (BATON_PROGRAM (record));
  if (g_str_equal (kind, "task"))
    return baton_task_get_title (BATON_TASK (record));
  return baton_note_get_title (BATON_NOTE (record));
}

static GVariant *
result_metas (BatonSearchProvider *self,
              const char * const  *identifiers)
{
  GVariantBuilder metas;

  g_variant_builder_init (&metas, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; identifiers[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *description = NULL;
      g_autoptr(GIcon) icon = NULL;
      const char *icon_name = NULL;
      const char *kind;
      const char *name;
      gint64 id;
      BatonWindow *window;
      BatonStore *store;
      BatonRecord *record;
      GVariantBuilder meta;

      if (!parse_result_id (identifiers[i], &kind, &id, &path))
        continue;
      window = window_for_path (self, path);
      store = window ? baton_window_get_store (window) : store_to_search (self);
      if (store == NULL || g_strcmp0 (baton_store_get_path (store), path) != 0)
        continue;
      /* Gone since it was found: the shell leaves it out. */
      if ((record = lookup_record (store, kind, id)) == NULL)
        continue;

      name = record_name (kind, record);
      description = describe (store, kind, record, &icon_name);
      icon = g_themed_icon_new (icon_name);

      g_variant_builder_init (&meta, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (identifiers[i]));
      g_variant_builder_add (&meta, "{sv}", "name",
                             g_variant_new_string (name && name[0] ? name : _("Untitled")));
      g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_add (&meta, "{sv}", "icon", g_icon_serialize (icon));
      g_variant_builder_add_value (&metas, g_variant_builder_end (&meta));
    }

  return g_variant_new ("(aa{sv})", &metas);
}

/* Opening ---------------------------------------------------------------------- */

/* The window of the workspace at @path, opened when needed (a file that
 * cannot be opened is reported by the application, in a dialog). */
static BatonWindow *
open_workspace (BatonSearchProvider *self,
                const char          *path,
                guint32              timestamp)
{
  BatonWindow *window = window_for_path (self, path);

  if (window == NULL)
    {
      /* The window opens the file itself; stop reading it here. */
      g_clear_object (&self->fallback);
      baton_application_open_workspace (BATON_APPLICATION (self->application), path);
      window = window_for_path (self, path);
    }

  if (window != NULL)
    gtk_window_present_with_time (GTK_WINDOW (window), timestamp);

  return window;
}

static void
show_item (BatonWindow *window,
           const char  *kind,
           gint64       id)
{
  BatonStore *store = baton_window_get_store (window);
  BatonRecord *record = lookup_record (store, kind, id);
  const BatonClientsModule *clients;
  GtkWidget *view;

  if (record == NULL)
    {
      baton_window_show_toast (window, _("That item is no longer in the workspace"));
      return;
    }

  if (g_str_equal (kind, "task"))
    {
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "board");
      view = baton_window_get_view (window, "board");
      gtk_widget_activate_action (view, "task.open", "x", id);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "clients");
  view = baton_window_get_view (window, "clients");
  /* Without its module the view is a page that says why. */
  if (!baton_clients_module_is_view (view))
    return;
  clients = baton_clients_module_get (NULL);

  if (g_str_equal (kind, "client"))
    {
      clients->baton_clients_view_select_client ((BatonClientsView *) view, BATON_CLIENT (record));
    }
  else if (g_str_equal (kind, "note"))
    {
      clients->baton_clients_view_open_note ((BatonClientsView *) view, BATON_NOTE (record), -1, 0);
    }
  else
    {
      BatonProgram *program = BATON_PROGRAM (record);
      BatonClient *client = baton_store_lookup_client (store, baton_program_get_client_id (program));

      if (client != NULL)
        clients->baton_clients_view_select_client ((BatonClientsView *) view, client);
      gtk_widget_activate_action (clients->baton_clients_view_get_client_page ((BatonClientsView *) view),
                                  "clients.edit-program", "x", id);
    }
}

static void
activate_result (BatonSearchProvider *self,
                 const char          *identifier,
                 guint32              timestamp)
{
  g_autofree char *path = NULL;
  const char *kind;
  gint64 id;
  BatonWindow *window;

  if (!parse_result_id (identifier, &kind, &id, &path))
    {
      g_debug ("Not a result of Baton's: %s", identifier);
      return;
    }

  if ((window = open_workspace (self, path, timestamp)) != NULL)
    show_item (window, kind, id);
}

/* The Clients view's search of the notes, with the terms typed. */
static void
launch_search (BatonSearchProvider *self,
               const char * const  *terms,
               guint32              timestamp)
{
  BatonWindow *window = last_window (self);
  const BatonClientsModule *clients;
  g_autofree char *text = NULL;
  GtkWidget *view;

  if (window == NULL)
    {
      /* What starting Baton does: the default workspace. */
      g_clear_object (&self->fallback);
      g_application_activate (self->application);
      if ((window = last_window (self)) == NULL)
        return;
    }
  gtk_window_present_with_time (GTK_WINDOW (window), timestamp);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "clients");
  view = baton_window_get_view (window, "clients");
  if (!baton_clients_module_is_view (view))
    return;
  clients = baton_clients_module_get (NULL);
  gtk_widget_activate_action (view, "clients.search", NULL);
  text = g_strjoinv (" ", (GStrv) terms);
  gtk_editable_set_text (clients->baton_clients_view_get_search_entry ((BatonClientsView *) view), text);
  clients->baton_clients_view_run_search ((BatonClientsView *) view);
}

/* D-Bus ---------------------------------------------------------------------------- */

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *object_path,
             const char            *interface_name,
             const char            *method_name,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  BatonSearchProvider *self = user_data;

  /* A search keeps a service started by the shell alive a little longer. */
  g_application_hold (self->application);

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autofree const char **terms = NULL;

      g_variant_get (parameters, "(^a&s)", &terms);
      g_dbus_method_invocation_return_value (invocation, search (self, terms));
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autofree const char **previous = NULL;
      g_autofree const char **terms = NULL;

      g_variant_get (parameters, "(^a&s^a&s)", &previous, &terms);
      g_dbus_method_invocation_return_value (invocation, subsearch (self, previous, terms));
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autofree const char **identifiers = NULL;

      g_variant_get (parameters, "(^a&s)", &identifiers);
      g_dbus_method_invocation_return_value (invocation, result_metas (self, identifiers));
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *identifier;
      g_autofree const char **terms = NULL;
      guint32 timestamp;

      g_variant_get (parameters, "(&s^a&su)", &identifier, &terms, &timestamp);
      activate_result (self, identifier, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree const char **terms = NULL;
      guint32 timestamp;

      g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
      launch_search (self, terms, timestamp);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "No method %s", method_name);
    }

  g_application_release (self->application);
}

static const GDBusInterfaceVTable vtable = { .method_call = method_call };

/**
 * baton_search_provider_register:
 * @connection: the application's connection
 * @object_path: where to export the interface
 *
 * Exports org.gnome.Shell.SearchProvider2 at @object_path.
 *
 * Returns: %FALSE with @error set when it could not be exported
 */
gboolean
baton_search_provider_register (BatonSearchProvider  *self,
                                GDBusConnection      *connection,
                                const char           *object_path,
                                GError              **error)
{
  static GDBusNodeInfo *info;

  g_return_val_if_fail (BATON_IS_SEARCH_PROVIDER (self), FALSE);
  g_return_val_if_fail (G_IS_DBUS_CONNECTION (connection), FALSE);
  g_return_val_if_fail (self->registration_id == 0, FALSE);

  if (g_once_init_enter (&info))
    g_once_init_leave (&info, g_dbus_node_info_new_for_xml (introspection_xml, NULL));

  self->registration_id = g_dbus_connection_register_object (connection, object_path,
                                                             info->interfaces[0], &vtable,
                                                             self, NULL, error);
  if (self->registration_id == 0)
    return FALSE;

  self->connection = g_object_ref (connection);
  return TRUE;
}

void
baton_search_provider_unregister (BatonSearchProvider *self)
{
  g_return_if_fail (BATON_IS_SEARCH_PROVIDER (self));

  if (self->registration_id != 0)
    g_dbus_connection_unregister_object (self->connection, self->registration_id);
  self->registration_id = 0;
  g_clear_object (&self->connection);
  g_clear_object (&self->fallback);
}

/* GObject ------------------------------------------------------------------------------ */

static void
baton_search_provider_dispose (GObject *object)
{
  BatonSearchProvider *self = BATON_SEARCH_PROVIDER (object);

  baton_search_provider_unregister (self);

  G_OBJECT_CLASS (baton_search_provider_parent_class)->dispose (object);
}

static void
baton_search_provider_class_init (BatonSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = baton_search_provider_dispose;
}

static void
baton_search_provider_init (BatonSearchProvider *self)
{
}

BatonSearchProvider *
baton_search_provider_new (GApplication *application)
{
  BatonSearchProvider *self;

  g_return_val_if_fail (BATON_IS_APPLICATION (application), NULL);

  self = g_object_new (BATON_TYPE_SEARCH_PROVIDER, NULL);
  self->application = application;

  return self;
}
