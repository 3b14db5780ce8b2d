/* test-search-provider.c — GNOME Shell's search, over D-Bus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application runs as it does on a desktop — registered under its id
 * on a session bus, here a private one (GTestDBus) — and the test calls
 * org.gnome.Shell.SearchProvider2 on it from another connection, as the
 * shell does: first with no window (the shell starts Baton as a service),
 * then activating results, which must open the item in a window.
 */

#define G_LOG_DOMAIN "test-search-provider"

#include "config.h"

#include <adwaita.h>

#include "baton-application.h"
#include "baton-clients-view.h"
#include "baton-note-editor.h"
#include "baton-program-dialog.h"
#include "baton-search-provider.h"
#include "baton-store.h"
#include "baton-task-editor.h"
#include "baton-window-private.h"
#include "baton-test-util.h"
#include "baton-ui-test-util.h"

#define PROVIDER_PATH "/io/github/baton_app/Baton" BATON_SEARCH_PROVIDER_PATH_SUFFIX
#define PROVIDER_IFACE "org.gnome.Shell.SearchProvider2"

static GApplication    *app;
static GDBusConnection *shell;   /* the other end: what GNOME Shell does */
static char            *workspace;

/* The workspace's records, by id. */
static gint64 client_id, archived_client_id, program_id, task_id, archived_task_id, note_id;

/* D-Bus ---------------------------------------------------------------------------- */

static void
on_reply (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GVariant **reply = user_data;
  g_autoptr(GError) error = NULL;

  *reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  g_assert_no_error (error);
}

/* Calls @method on the provider and runs the application's main context
 * until it answers. */
static GVariant *
call (const char         *method,
      GVariant           *parameters,
      const GVariantType *reply_type)
{
  GVariant *reply = NULL;

  g_dbus_connection_call (shell, APP_ID, PROVIDER_PATH, PROVIDER_IFACE, method,
                          parameters, reply_type, G_DBUS_CALL_FLAGS_NO_AUTO_START,
                          10000, NULL, on_reply, &reply);
  baton_test_wait_for (reply != NULL, 15000);

  return reply;
}

static GStrv
initial (const char * const *terms)
{
  g_autoptr(GVariant) reply = call ("GetInitialResultSet",
                                    g_variant_new ("(^as)", terms), G_VARIANT_TYPE ("(as)"));
  GStrv results = NULL;

  g_variant_get (reply, "(^as)", &results);
  return results;
}

static char *
id_of (const char *kind,
       gint64      id)
{
  return g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%s", kind, id, workspace);
}

/* Asserts that @results are exactly the ids given as KIND, ID pairs after
 * @results, in that order, ending with NULL. */
static void
assert_results (GStrv results,
                ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) expected = NULL;
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;
  const char *kind;
  va_list args;

  va_start (args, results);
  while ((kind = va_arg (args, const char *)) != NULL)
    {
      g_autofree char *id = id_of (kind, va_arg (args, gint64));

      g_strv_builder_add (builder, id);
    }
  va_end (args);

  expected = g_strv_builder_end (builder);
  got = g_strjoinv (" | ", results);
  want = g_strjoinv (" | ", expected);
  g_assert_cmpstr (got, ==, want);
}

/* The workspace ---------------------------------------------------------------------- */

static void
create_workspace (void)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStage) stage = NULL;
  BatonClient *client, *archived;
  BatonProgram *program;
  BatonTask *task, *archived_task;
  BatonNote *note;

  workspace = baton_store_default_path ();
  store = baton_store_open (workspace, &error);
  g_assert_no_error (error);
  stage = g_list_model_get_item (baton_store_get_stages (store), 0);

  client = baton_store_create_client (store, "Northwind Traders", "Northwind Holdings", &error);
  g_assert_no_error (error);
  archived = baton_store_create_client (store, "Nordic Archive", "", &error);
  g_assert_no_error (error);
  g_assert_true (baton_store_update (store, archived, &error, "archived", TRUE, NULL));
  program = baton_store_create_program (store, client, "Onboarding Academy", &error);
  g_assert_no_error (error);
  task = baton_store_create_task (store, stage, program, "Storyboard the welcome module", &error);
  g_assert_no_error (error);
  archived_task = baton_store_create_task (store, stage, program, "Storyboard the old welcome", &error);
  g_assert_no_error (error);
  g_assert_true (baton_store_archive_task (store, archived_task, TRUE, &error));
  note = baton_store_create_note (store, client, program, "Kickoff meeting",
                                  "We agreed on three quizzes per module.", &error);
  g_assert_no_error (error);

  client_id = baton_record_get_id (BATON_RECORD (client));
  archived_client_id = baton_record_get_id (BATON_RECORD (archived));
  program_id = baton_record_get_id (BATON_RECORD (program));
  task_id = baton_record_get_id (BATON_RECORD (task));
  archived_task_id = baton_record_get_id (BATON_RECORD (archived_task));
  note_id = baton_record_get_id (BATON_RECORD (note));
}

static BatonWindow *
the_window (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  for (GList *l = windows; l; l = l->next)
    if (BATON_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static const char *
visible_view (BatonWindow *window)
{
  GtkWidget *stack = baton_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);

  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack));
}

static gboolean
editable_has_text (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_EDITABLE (widget) && GTK_IS_TEXT (widget) &&
         g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (widget)), data) == 0;
}

/* Cases ------------------------------------------------------------------------------ */

#define SKIP_WITHOUT_APP()                                             \
  G_STMT_START {                                                       \
    if (app == NULL)                                                   \
      {                                                                \
        baton_test_missing_requirement ("no display or no dbus-daemon"); \
        return;                                                        \
      }                                                                \
  } G_STMT_END

/* The shell started Baton as a service: no window, the default workspace. */
static void
test_search_without_window (void)
{
  SKIP_WITHOUT_APP ();
  g_assert_null (the_window ());

  {
    const char *terms[] = { "north", NULL };
    g_auto(GStrv) results = initial (terms);

    /* "Nordic Archive" is archived; "Northwind Holdings" is the same client. */
    assert_results (results, "client", client_id, NULL);
  }
  {
    const char *terms[] = { "ONBOARD", NULL };
    g_auto(GStrv) results = initial (terms);

    assert_results (results, "program", program_id, NULL);
  }
  {
    /* Every term, anywhere in the item; the archived task is left out. */
    const char *terms[] = { "story", "welcome", NULL };
    g_auto(GStrv) results = initial (terms);

    assert_results (results, "task", task_id, NULL);
  }
  {
    const char *terms[] = { "quizzes", NULL };
    g_auto(GStrv) results = initial (terms);

    /* In the note's body. */
    assert_results (results, "note", note_id, NULL);
  }
  {
    const char *terms[] = { "module", NULL };
    g_auto(GStrv) results = initial (terms);

    assert_results (results, "task", task_id, "note", note_id, NULL);
  }
  {
    /* Words are matched from their start, not inside. */
    const char *terms[] = { "wind", NULL };
    g_auto(GStrv) results = initial (terms);

    assert_results (results, NULL);
  }
  /* A search opens no window. */
  g_assert_null (the_window ());
  (void) archived_client_id;
  (void) archived_task_id;
}

static void
test_subsearch (void)
{
  g_autofree char *task = NULL;
  g_autofree char *note = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_auto(GStrv) results = NULL;

  SKIP_WITHOUT_APP ();

  task = id_of ("task", task_id);
  note = id_of ("note", note_id);
  {
    const char *previous[] = { task, note, "bogus", NULL };
    const char *terms[] = { "module", "quiz", NULL };

    reply = call ("GetSubsearchResultSet", g_variant_new ("(^as^as)", previous, terms),
                  G_VARIANT_TYPE ("(as)"));
  }
  g_variant_get (reply, "(^as)", &results);
  assert_results (results, "note", note_id, NULL);
}

static void
test_result_metas (void)
{
  g_autofree char *client = id_of ("client", client_id);
  g_autofree char *program = id_of ("program", program_id);
  g_autofree char *task = id_of ("task", task_id);
  g_autofree char *note = id_of ("note", note_id);
  g_autofree char *gone = id_of ("task", 99999);
  const char *ids[] = { client, program, task, note, gone, "task:1:", "nonsense", NULL };
  const char *expected[][3] = {
    { client, "Northwind Traders", "Client · Northwind Holdings" },
    { program, "Onboarding Academy", "Program · Northwind Traders" },
    { task, "Storyboard the welcome module", "Task · Onboarding Academy · Backlog" },
    { note, "Kickoff meeting", "Note · Northwind Traders" },
  };
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) metas = NULL;

  SKIP_WITHOUT_APP ();

  reply = call ("GetResultMetas", g_variant_new ("(^as)", ids), G_VARIANT_TYPE ("(aa{sv})"));
  metas = g_variant_get_child_value (reply, 0);

  /* Ids of nothing are left out. */
  g_assert_cmpuint (g_variant_n_children (metas), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GVariant) meta = g_variant_get_child_value (metas, i);
      g_autoptr(GVariantDict) dict = g_variant_dict_new (meta);
      g_autoptr(GVariant) icon = g_variant_dict_lookup_value (dict, "icon", NULL);
      g_autoptr(GIcon) gicon = NULL;
      const char *value;

      g_assert_true (g_variant_dict_lookup (dict, "id", "&s", &value));
      g_assert_cmpstr (value, ==, expected[i][0]);
      g_assert_true (g_variant_dict_lookup (dict, "name", "&s", &value));
      g_assert_cmpstr (value, ==, expected[i][1]);
      g_assert_true (g_variant_dict_lookup (dict, "description", "&s", &value));
      g_assert_cmpstr (value, ==, expected[i][2]);
      g_assert_nonnull (icon);
      gicon = g_icon_deserialize (icon);
      g_assert_true (G_IS_ICON (gicon));
    }
}

static void
activate (const char *kind,
          gint64      id)
{
  g_autofree char *identifier = id_of (kind, id);
  const char *terms[] = { "x", NULL };
  g_autoptr(GVariant) reply = call ("ActivateResult",
                                    g_variant_new ("(s^asu)", identifier, terms, 0),
                                    G_VARIANT_TYPE_UNIT);
}

static gboolean
note_is_open (gpointer data)
{
  BatonWindow *window = the_window ();
  GtkWidget *view;
  BatonNote *note;

  if (window == NULL)
    return FALSE;
  view = baton_window_get_view (window, "clients");
  note = baton_note_editor_get_note (BATON_NOTE_EDITOR (baton_clients_view_get_editor (BATON_CLIENTS_VIEW (view))));
  return note != NULL && baton_record_get_id (BATON_RECORD (note)) == note_id;
}

/* Each kind of result opens its item, in a window of that workspace. */
static void
test_activate (void)
{
  BatonWindow *window;
  BatonTaskEditor *editor;
  GtkWidget *dialog;
  GtkWidget *view;
  BatonClient *client;

  SKIP_WITHOUT_APP ();
  g_assert_null (the_window ());

  /* No window yet: the workspace opens, on the note. */
  activate ("note", note_id);
  g_assert_true (baton_test_wait_until (note_is_open, NULL, 10000));
  window = the_window ();
  g_assert_cmpstr (baton_store_get_path (baton_window_get_store (window)), ==, workspace);
  g_assert_cmpstr (visible_view (window), ==, "clients");
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* A task: its editor over the board. */
  activate ("task", task_id);
  baton_test_wait_for ((editor = baton_test_find_toplevel (BATON_TYPE_TASK_EDITOR)) != NULL, 10000);
  g_assert_cmpint (baton_record_get_id (BATON_RECORD (baton_task_editor_get_task (editor))), ==, task_id);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (window));
  g_assert_cmpstr (visible_view (window), ==, "board");
  baton_test_destroy_window (GTK_WINDOW (editor));

  /* A program: its dialog over its client. */
  activate ("program", program_id);
  baton_test_wait_for ((dialog = baton_test_find_toplevel (BATON_TYPE_PROGRAM_DIALOG)) != NULL, 10000);
  g_assert_nonnull (baton_test_find_widget (dialog, editable_has_text, "Onboarding Academy"));
  g_assert_cmpstr (visible_view (window), ==, "clients");
  baton_test_destroy_window (GTK_WINDOW (dialog));

  /* A client: selected in the Clients view. */
  view = baton_window_get_view (window, "clients");
  activate ("client", client_id);
  client = baton_clients_view_get_client (BATON_CLIENTS_VIEW (view));
  g_assert_nonnull (client);
  g_assert_cmpint (baton_record_get_id (BATON_RECORD (client)), ==, client_id);

  /* Still one window: results open where the workspace is shown. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* An item deleted since the search: the window says so. */
  g_assert_cmpuint (baton_window_get_n_toasts (window), ==, 0);
  activate ("task", 99999);
  g_assert_cmpuint (baton_window_get_n_toasts (window), ==, 1);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
}

/* With a window, its workspace is searched as it is now. */
static void
test_search_follows_window (void)
{
  BatonWindow *window;
  BatonStore *store;
  BatonClient *client;
  g_autoptr(GError) error = NULL;
  const char *terms[] = { "fabrikam", NULL };
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;

  SKIP_WITHOUT_APP ();
  window = the_window ();
  g_assert_nonnull (window);
  store = baton_window_get_store (window);

  before = initial (terms);
  assert_results (before, NULL);

  client = baton_store_create_client (store, "Fabrikam", "", &error);
  g_assert_no_error (error);
  after = initial (terms);
  assert_results (after, "client", baton_record_get_id (BATON_RECORD (client)), NULL);
}

/* The shell's "more results": the Clients view's search, with the terms. */
static void
test_launch_search (void)
{
  const char *terms[] = { "quizzes", NULL };
  g_autoptr(GVariant) reply = NULL;
  BatonWindow *window;
  BatonClientsView *view;

  SKIP_WITHOUT_APP ();

  window = the_window ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "board");
  reply = call ("LaunchSearch", g_variant_new ("(^asu)", terms, 0), G_VARIANT_TYPE_UNIT);

  view = BATON_CLIENTS_VIEW (baton_window_get_view (window, "clients"));
  g_assert_cmpstr (visible_view (window), ==, "clients");
  g_assert_cmpstr (gtk_editable_get_text (baton_clients_view_get_search_entry (view)), ==, "quizzes");
  baton_test_wait_for (g_list_model_get_n_items (baton_clients_view_get_results (view)) == 1, 10000);
  g_assert_cmpstr (baton_clients_view_get_sidebar_page (view), ==, "search");
}

/* The file GNOME Shell reads names what the application exports. */
static void
test_ini (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("BATON_BUILD_ROOT"), "data",
                                            APP_ID ".search-provider.ini", NULL);
  g_autoptr(GKeyFile) ini = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *desktop_id = NULL;
  g_autofree char *bus_name = NULL;
  g_autofree char *object_path = NULL;
  gint version;

  g_key_file_load_from_file (ini, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  desktop_id = g_key_file_get_string (ini, "Shell Search Provider", "DesktopId", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (desktop_id, ==, APP_ID ".desktop");
  bus_name = g_key_file_get_string (ini, "Shell Search Provider", "BusName", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bus_name, ==, APP_ID);
  object_path = g_key_file_get_string (ini, "Shell Search Provider", "ObjectPath", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (object_path, ==, PROVIDER_PATH);
  version = g_key_file_get_integer (ini, "Shell Search Provider", "Version", &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  GTestDBus *bus;
  int ret;

  g_test_init (&argc, &argv, NULL);

  /* A home of its own: the default workspace is this test's. */
  home = g_dir_make_tmp ("baton-search-provider-XXXXXX", NULL);
  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  /* The private bus has no accessibility bus to find. */
  g_setenv ("GTK_A11Y", "none", TRUE);

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  {
    /* GTestDBus unsets DISPLAY (against X11's D-Bus autolaunch); the
     * application needs it. */
    g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

    g_test_dbus_up (bus);
    if (display != NULL)
      g_setenv ("DISPLAY", display, TRUE);
  }

  if (g_test_dbus_get_bus_address (bus) != NULL && gtk_init_check ())
    {
      g_autoptr(GError) error = NULL;

      adw_init ();
      create_workspace ();

      /* Unique, as on a desktop: it owns its id on the bus. */
      app = G_APPLICATION (baton_application_new ());
      g_application_register (app, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (g_application_get_is_remote (app));

      shell = g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                                      G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                      G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                      NULL, NULL, &error);
      g_assert_no_error (error);
    }
  else
    g_debug ("No display or no dbus-daemon: every case is skipped");

  g_test_add_func ("/search-provider/ini", test_ini);
  g_test_add_func ("/search-provider/without-window", test_search_without_window);
  g_test_add_func ("/search-provider/subsearch", test_subsearch);
  g_test_add_func ("/search-provider/result-metas", test_result_metas);
  g_test_add_func ("/search-provider/activate", test_activate);
  g_test_add_func ("/search-provider/follows-window", test_search_follows_window);
  g_test_add_func ("/search-provider/launch-search", test_launch_search);

  ret = g_test_run ();

  /* The daemon ends with this process (GTestDBus watches it); waiting
   * for every user of the bus to let go is not this test's job. */
  g_test_dbus_stop (bus);
  baton_test_rm_rf (home);

  return ret;
}
