/* test-clients.c — the Clients view, its notes editor and nothing lost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real window and widgets: actions are activated by name, text
 * is typed into the real GtkSourceView buffer, and what a person would see
 * (the page shown, labels, the save status) is checked together with the
 * store behind it. The last case starts the real application, types into a
 * note with xdotool, kills it with SIGKILL and finds the text in the
 * database. Without a display every case is skipped, and fails in CI
 * (CI=true).
 */

#define G_LOG_DOMAIN "test-clients"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "baton-application.h"
#include "baton-client-page-private.h"
#include "baton-clients-view.h"
#include "baton-demo.h"
#include "baton-note-editor.h"
#include "baton-notes.h"
#include "baton-search.h"
#include "baton-note-saver.h"
#include "baton-program-dialog-private.h"
#include "baton-program-row.h"
#include "baton-revisions-dialog.h"
#include "baton-search-index.h"
#include "baton-store.h"
#include "baton-task-editor.h"
#include "baton-window.h"
#include "baton-test-util.h"
#include "baton-ui-test-util.h"

static BatonApplication *app;   /* NULL without a display */

typedef struct
{
  char             *dir;
  char             *path;
  GSettings        *settings;
  BatonStore       *store;
  BatonWindow      *window;
  BatonClientsView *view;
} Fixture;

/* Helpers ------------------------------------------------------------------------ */

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static gpointer
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/* A label under @root whose text ends with @suffix (a list row that has
 * been created and bound), or NULL. */
static GtkLabel *
find_label_ending (GtkWidget  *root,
                   const char *suffix)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect (root, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_suffix (gtk_label_get_text (g_ptr_array_index (labels, i)), suffix))
      return g_ptr_array_index (labels, i);

  return NULL;
}

static gpointer
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

static void
destroy_and_wait (GtkWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (window);
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak, 5000));
}

static BatonNoteEditor *
editor_of (Fixture *f)
{
  return BATON_NOTE_EDITOR (baton_clients_view_get_editor (f->view));
}

static BatonClientPage *
page_of (Fixture *f)
{
  return BATON_CLIENT_PAGE (baton_clients_view_get_client_page (f->view));
}

static GtkTextBuffer *
buffer_of (Fixture *f)
{
  return gtk_text_view_get_buffer (baton_note_editor_get_text_view (editor_of (f)));
}

static char *
buffer_text (Fixture *f)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer_of (f), &start, &end);
  return gtk_text_buffer_get_text (buffer_of (f), &start, &end, FALSE);
}

/* Types @text at the end of the note, as the keyboard would. */
static void
type_text (Fixture    *f,
           const char *text)
{
  GtkTextBuffer *buffer = buffer_of (f);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->view), action, parameter));
}

static void
open_window (Fixture *f)
{
  GType type = BATON_TYPE_CLIENTS_VIEW;

  f->window = baton_window_new (GTK_APPLICATION (app), f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1300, 850);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, f->window, 5000));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "clients");

  f->view = find_widget (GTK_WIDGET (f->window), type);
  g_assert_nonnull (f->view);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, f->view, 5000));
}

static void
close_window (Fixture *f)
{
  if (f->window != NULL)
    destroy_and_wait (GTK_WINDOW (g_steal_pointer (&f->window)));
  f->view = NULL;
  baton_test_drain ();
}

static BatonClient *
add_client (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  BatonClient *client = baton_store_create_client (f->store, name, NULL, &error);

  g_assert_no_error (error);
  return client;
}

static BatonNote *
add_note (Fixture     *f,
          BatonClient *client,
          const char  *title,
          const char  *body)
{
  g_autoptr(GError) error = NULL;
  BatonNote *note = baton_store_create_note (f->store, client, NULL, title, body, &error);

  g_assert_no_error (error);
  return note;
}

/* Fixture --------------------------------------------------------------------------- */

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (app == NULL)
    return;

  _baton_notes_set_force_scan (FALSE);
  f->settings = g_settings_new (APP_ID);
  f->dir = g_dir_make_tmp ("baton-clients-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "baton.db", NULL);
  f->store = baton_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (app == NULL)
    return;

  close_window (f);
  g_clear_object (&f->store);
  g_settings_reset (f->settings, "autosave-delay");
  g_settings_reset (f->settings, "notes-font");
  g_settings_reset (f->settings, "last-view");
  g_clear_object (&f->settings);
  remove_dir (f->dir);
  g_free (f->dir);
  g_free (f->path);
  _baton_notes_set_force_scan (FALSE);
  baton_test_drain ();
}

#define SKIP_WITHOUT_DISPLAY()              \
  G_STMT_START {                            \
    if (app == NULL)                        \
      {                                     \
        baton_test_skip ("no display");     \
        return;                             \
      }                                     \
  } G_STMT_END

/* Cases -------------------------------------------------------------------------------- */

static void
test_empty_states (Fixture       *f,
                   gconstpointer  data)
{
  BatonClient *client;

  SKIP_WITHOUT_DISPLAY ();

  open_window (f);

  /* No clients: the page says what the view is for, and how to start. */
  g_assert_cmpstr (baton_clients_view_get_content_page (f->view), ==, "empty");
  g_assert_null (baton_clients_view_get_client (f->view));

  /* A client with no note: its page, and no note open. */
  client = add_client (f, "Acme");
  /* The view follows the store from an idle. */
  baton_test_wait_for (baton_clients_view_get_client (f->view) == client, 5000);
  g_assert_cmpstr (baton_clients_view_get_content_page (f->view), ==, "client");
  g_assert_null (baton_note_editor_get_note (editor_of (f)));
  g_assert_cmpuint (g_list_model_get_n_items (baton_client_page_get_notes (page_of (f))), ==, 0);

  /* Archiving the only client: it leaves the list; Undo brings it back. */
  activate (f, "clients.archive-client", NULL);
  g_assert_true (baton_client_get_archived (client));
  baton_test_wait_for (baton_clients_view_get_client (f->view) == NULL, 5000);
  g_assert_null (baton_clients_view_get_client (f->view));
  g_assert_cmpstr (baton_clients_view_get_content_page (f->view), ==, "none");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_false (baton_client_get_archived (client));
  baton_test_wait_for (baton_clients_view_get_client (f->view) == client, 5000);
  g_assert_true (baton_clients_view_get_client (f->view) == client);

  /* The view fits narrow windows: it does not force a huge minimum width. */
  {
    int minimum = 0;

    gtk_widget_measure (GTK_WIDGET (f->view), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 900);
  }
}

static gboolean
note_body_has (gpointer data)
{
  gpointer *args = data;

  return baton_note_get_body (args[0]) != NULL && strstr (baton_note_get_body (args[0]), args[1]) != NULL;
}

static gboolean
note_title_is_new (gpointer data)
{
  return g_strcmp0 (baton_note_get_title (data), "Kick-off meeting") == 0;
}

static void
test_autosave_after_delay (Fixture       *f,
                           gconstpointer  data)
{
  BatonClient *client;
  BatonNote *note;
  gpointer args[2];
  gint64 typed;

  SKIP_WITHOUT_DISPLAY ();

  g_settings_set_int (f->settings, "autosave-delay", 250);
  client = add_client (f, "Acme");
  note = add_note (f, client, "Kick-off", "Agenda");
  open_window (f);

  /* Selecting the client opened its newest note. */
  g_assert_true (baton_note_editor_get_note (editor_of (f)) == note);
  g_assert_cmpstr (baton_note_editor_get_status_text (editor_of (f)), ==, "Saved");

  typed = g_get_monotonic_time ();
  type_text (f, "\n- Budget");
  g_assert_cmpstr (baton_note_editor_get_status_text (editor_of (f)), ==, "Saving…");
  g_assert_cmpstr (baton_note_get_body (note), ==, "Agenda");

  args[0] = note;
  args[1] = "Budget";
  g_assert_true (baton_test_wait_until (note_body_has, args, 5000));
  g_assert_cmpint (g_get_monotonic_time () - typed, >=, 250 * 1000);
  g_assert_cmpstr (baton_note_get_body (note), ==, "Agenda\n- Budget");
  g_assert_cmpstr (baton_note_editor_get_status_text (editor_of (f)), ==, "Saved");

  /* The first save of the visit kept the text as it was. */
  {
    g_autoptr(GPtrArray) revisions = baton_notes_list_revisions (f->store, note);

    g_assert_cmpuint (revisions->len, ==, 1);
    g_assert_cmpstr (baton_note_revision_get_body (g_ptr_array_index (revisions, 0)), ==, "Agenda");
  }

  /* The title is saved the same way. */
  baton_note_editor_set_title_text (editor_of (f), "Kick-off meeting");
  g_assert_true (baton_test_wait_until (note_title_is_new, note, 5000));
  g_assert_cmpstr (baton_note_get_title (note), ==, "Kick-off meeting");
}

static void
test_autosave_on_leaving (Fixture       *f,
                          gconstpointer  data)
{
  BatonClient *acme, *globex;
  BatonNote *first, *second, *other;
  gint64 id;

  SKIP_WITHOUT_DISPLAY ();

  /* So long that only leaving can save. */
  g_settings_set_int (f->settings, "autosave-delay", 30000);
  acme = add_client (f, "Acme");
  globex = add_client (f, "Globex");
  first = add_note (f, acme, "First", "One");
  second = add_note (f, acme, "Second", "Two");
  other = add_note (f, globex, "Other", "Three");
  open_window (f);

  /* Switching note. */
  baton_clients_view_open_note (f->view, first, -1, 0);
  type_text (f, " more");
  g_assert_cmpstr (baton_note_get_body (first), ==, "One");
  baton_clients_view_open_note (f->view, second, -1, 0);
  g_assert_cmpstr (baton_note_get_body (first), ==, "One more");

  /* Switching client. */
  type_text (f, " again");
  baton_clients_view_select_client (f->view, globex);
  baton_test_wait_for (baton_note_editor_get_note (editor_of (f)) == other, 5000);
  g_assert_cmpstr (baton_note_get_body (second), ==, "Two again");
  g_assert_true (baton_note_editor_get_note (editor_of (f)) == other);

  /* Closing the window. */
  type_text (f, " last");
  id = baton_record_get_id (BATON_RECORD (other));
  close_window (f);
  g_assert_cmpstr (baton_note_get_body (other), ==, "Three last");

  /* And it is on disk. */
  g_clear_object (&f->store);
  {
    g_autoptr(GError) error = NULL;

    f->store = baton_store_open (f->path, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (baton_note_get_body (baton_store_lookup_note (f->store, id)), ==, "Three last");
  }
}

static void
test_markup_literal (Fixture       *f,
                     gconstpointer  data)
{
  static const char *name = "<b>Acme</b> & <i>Sons";
  static const char *title = "<span foreground='red'>Plan</span> & \"more\"";
  BatonClient *client;
  GtkWidget *list;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  gboolean seen_name = FALSE;
  gboolean seen_row = FALSE;

  SKIP_WITHOUT_DISPLAY ();

  client = add_client (f, name);
  g_assert_true (baton_store_update (f->store, client, NULL, "organization", "A&B <Ltd>", NULL));
  add_note (f, client, title, "Body with <b>tags</b> & entities &amp; findme");
  open_window (f);

  /* Every label showing the name shows it as typed. */
  collect (GTK_WIDGET (f->view), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_text (label), name) == 0)
        {
          g_assert_false (gtk_label_get_use_markup (label));
          seen_name = TRUE;
        }
    }
  g_assert_true (seen_name);

  /* The note's row. */
  list = GTK_WIDGET (find_widget (GTK_WIDGET (page_of (f)), ADW_TYPE_ACTION_ROW));
  g_assert_nonnull (list);
  for (GtkWidget *row = list; row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
      {
        g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
        seen_row = TRUE;
      }
  g_assert_true (seen_row);

  /* The editor. */
  {
    g_autofree char *shown = baton_note_editor_dup_title_text (editor_of (f));

    g_assert_cmpstr (shown, ==, title);
  }

  /* A search snippet: the user's text is escaped, only the match is bold. */
  activate (f, "clients.search", NULL);
  gtk_editable_set_text (baton_clients_view_get_search_entry (f->view), "findme");
  baton_clients_view_run_search (f->view);
  g_assert_cmpuint (g_list_model_get_n_items (baton_clients_view_get_results (f->view)), ==, 1);
  baton_test_wait_for (find_label_ending (GTK_WIDGET (f->view), "<b>tags</b> & entities &amp; findme") != NULL, 5000);
  g_ptr_array_set_size (labels, 0);
  collect (GTK_WIDGET (f->view), GTK_TYPE_LABEL, labels);
  {
    gboolean seen_snippet = FALSE;

    for (guint i = 0; i < labels->len; i++)
      {
        GtkLabel *label = g_ptr_array_index (labels, i);

        /* The text shown is the note's, character for character. */
        if (g_str_has_suffix (gtk_label_get_text (label), "<b>tags</b> & entities &amp; findme"))
          {
            g_assert_true (gtk_label_get_use_markup (label));
            g_assert_nonnull (strstr (gtk_label_get_label (label), "<b>findme</b>"));
            seen_snippet = TRUE;
          }
      }
    g_assert_true (seen_snippet);
  }
}

static void assert_clients_view_fits (Fixture *f,
                                      int      width);

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  BatonClient *client;

  SKIP_WITHOUT_DISPLAY ();

  g_settings_set_int (f->settings, "autosave-delay", 30000);
  client = add_client (f, "Acme");
  add_note (f, client, "Needs analysis", "## Audience\n\nWarehouse staff");
  open_window (f);

  /* What is typed and not yet saved is exported too. */
  type_text (f, "\n\n## Timeline\n\nMarch");
  path = g_build_filename (f->dir, "Needs analysis.md", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (baton_note_editor_export_to_file (editor_of (f), file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "# Needs analysis\n\n## Audience\n\nWarehouse staff\n\n## Timeline\n\nMarch\n");
  g_assert_cmpstr (baton_note_editor_get_status_text (editor_of (f)), ==, "Exported to Needs analysis.md");

  /* The status is never shortened by the layout: a long file name is
   * shortened in the text, whole in the tooltip, and the view still fits
   * a window 1100 px wide. */
  {
    g_autofree char *long_path = g_build_filename (f->dir, "Needs analysis for Acme Logistics, warehouse staff, "
                                                   "second round, revised after the steering committee.md", NULL);
    g_autoptr(GFile) long_file = g_file_new_for_path (long_path);
    GtkLabel *status;

    g_assert_true (baton_note_editor_export_to_file (editor_of (f), long_file, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (baton_note_editor_get_status_text (editor_of (f)), ==, "Exported to Needs analysis for Acme…");
    status = find_label_ending (GTK_WIDGET (editor_of (f)), "Acme…");
    g_assert_nonnull (status);
    g_assert_true (g_str_has_suffix (gtk_widget_get_tooltip_text (GTK_WIDGET (status)), "steering committee.md"));
    assert_clients_view_fits (f, 1100);
  }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  BatonClient *acme, *globex;
  BatonNote *target;
  g_autoptr(BatonSearchHit) hit = NULL;
  GtkTextIter start, end;
  static const char *hostile[] = { "\"", "NEAR(", "AND OR NOT", "*", "col:x", "日本", "'; DROP TABLE notes; --" };

  SKIP_WITHOUT_DISPLAY ();

  acme = add_client (f, "Acme");
  globex = add_client (f, "Globex");
  add_note (f, acme, "Kick-off", "Budget and timeline");
  target = add_note (f, globex, "Needs analysis", "Line one\nThe warehouse team needs faster onboarding.\nLine three");
  open_window (f);
  g_assert_true (baton_clients_view_get_client (f->view) == acme);

  /* Ctrl+F: the sidebar turns into the search. */
  gtk_widget_grab_focus (GTK_WIDGET (baton_note_editor_get_text_view (editor_of (f))));
  activate (f, "clients.search", NULL);
  g_assert_cmpstr (baton_clients_view_get_sidebar_page (f->view), ==, "search");
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (baton_clients_view_get_search_entry (f->view))) ||
                 gtk_widget_get_focus_child (GTK_WIDGET (baton_clients_view_get_search_entry (f->view))) != NULL);

  gtk_editable_set_text (baton_clients_view_get_search_entry (f->view), "onboard");
  baton_clients_view_run_search (f->view);
  g_assert_cmpuint (g_list_model_get_n_items (baton_clients_view_get_results (f->view)), ==, 1);
  hit = g_list_model_get_item (baton_clients_view_get_results (f->view), 0);
  g_assert_true (baton_search_hit_get_note (hit) == target);

  /* Opening the result: the other client, the note, the match selected. */
  baton_clients_view_activate_result (f->view, 0);
  baton_test_wait_for (baton_note_editor_get_note (editor_of (f)) == target, 5000);
  g_assert_true (baton_clients_view_get_client (f->view) == globex);
  g_assert_true (baton_note_editor_get_note (editor_of (f)) == target);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer_of (f), &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==, baton_search_hit_get_match_offset (hit));
  {
    g_autofree char *selected = gtk_text_iter_get_text (&start, &end);
    g_assert_cmpstr (selected, ==, "onboarding");
  }

  /* What people type is never a query error. */
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      gtk_editable_set_text (baton_clients_view_get_search_entry (f->view), hostile[i]);
      baton_clients_view_run_search (f->view);
    }

  /* No result: the empty state; the fallback scan finds the same. */
  gtk_editable_set_text (baton_clients_view_get_search_entry (f->view), "zebra");
  baton_clients_view_run_search (f->view);
  g_assert_cmpuint (g_list_model_get_n_items (baton_clients_view_get_results (f->view)), ==, 0);
  _baton_notes_set_force_scan (TRUE);
  gtk_editable_set_text (baton_clients_view_get_search_entry (f->view), "\"faster onboarding\"");
  baton_clients_view_run_search (f->view);
  g_assert_cmpuint (g_list_model_get_n_items (baton_clients_view_get_results (f->view)), ==, 1);
  _baton_notes_set_force_scan (FALSE);

  /* Escape leaves the search. */
  activate (f, "clients.stop-search", NULL);
  g_assert_cmpstr (baton_clients_view_get_sidebar_page (f->view), ==, "clients");
}

static void
test_contact_validation (Fixture       *f,
                         gconstpointer  data)
{
  BatonClient *client;
  BatonClientPage *page;

  SKIP_WITHOUT_DISPLAY ();

  client = add_client (f, "Acme");
  open_window (f);
  page = page_of (f);

  g_assert_false (baton_client_page_apply_field (page, "email", "dana at acme"));
  g_assert_nonnull (baton_client_page_get_contact_error (page));
  g_assert_null (baton_client_get_email (client));
  g_assert_false (baton_client_page_apply_field (page, "phone", "call me"));
  g_assert_null (baton_client_get_phone (client));
  g_assert_false (baton_client_page_apply_field (page, "name", "  "));
  g_assert_cmpstr (baton_client_get_name (client), ==, "Acme");

  g_assert_true (baton_client_page_apply_field (page, "email", " dana@acme.test "));
  g_assert_null (baton_client_page_get_contact_error (page));
  g_assert_cmpstr (baton_client_get_email (client), ==, "dana@acme.test");
  g_assert_true (baton_client_page_apply_field (page, "phone", "+1 202-555-0143"));
  g_assert_cmpstr (baton_client_get_phone (client), ==, "+1 202-555-0143");
  g_assert_true (baton_client_page_apply_field (page, "organization", "Acme Corporation"));
  g_assert_cmpstr (baton_client_get_organization (client), ==, "Acme Corporation");
}

static void
test_programs (Fixture       *f,
               gconstpointer  data)
{
  BatonClient *client;
  BatonProgramDialog *dialog;
  BatonProgram *program;
  GtkWidget *field;

  SKIP_WITHOUT_DISPLAY ();

  client = add_client (f, "Acme");
  open_window (f);

  activate (f, "clients.add-program", NULL);
  dialog = find_toplevel (BATON_TYPE_PROGRAM_DIALOG);
  g_assert_nonnull (dialog);

  /* No name, a bad date, a due date before the start: nothing written. */
  g_assert_false (baton_program_dialog_save (dialog));
  g_assert_nonnull (baton_program_dialog_get_error (dialog));
  g_assert_true (gtk_widget_has_css_class (baton_program_dialog_get_field (dialog, "name"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (baton_program_dialog_get_field (dialog, "name")), "Onboarding");
  field = baton_program_dialog_get_field (dialog, "start-date");
  gtk_editable_set_text (GTK_EDITABLE (field), "next March");
  g_assert_false (baton_program_dialog_save (dialog));
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  gtk_editable_set_text (GTK_EDITABLE (field), "2026-03-01");
  gtk_editable_set_text (GTK_EDITABLE (baton_program_dialog_get_field (dialog, "due-date")), "2026-02-01");
  g_assert_false (baton_program_dialog_save (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_programs (f->store)), ==, 0);

  /* Valid: one program, one undo step. */
  gtk_editable_set_text (GTK_EDITABLE (baton_program_dialog_get_field (dialog, "due-date")), "2026-06-30");
  g_assert_true (baton_program_dialog_save (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_programs (f->store)), ==, 1);
  baton_test_wait_for (g_list_model_get_n_items (baton_client_page_get_programs (page_of (f))) == 1, 5000);
  program = g_list_model_get_item (baton_store_get_programs (f->store), 0);
  g_object_unref (program);
  g_assert_cmpint (baton_program_get_client_id (program), ==, baton_record_get_id (BATON_RECORD (client)));
  g_assert_cmpstr (baton_program_get_due_date (program), ==, "2026-06-30");
  g_assert_nonnull (baton_program_get_color (program));
  g_assert_cmpuint (g_list_model_get_n_items (baton_client_page_get_programs (page_of (f))), ==, 1);

  /* Archived programs leave the page unless archived things are shown. */
  g_assert_true (baton_store_update (f->store, program, NULL, "archived", (gboolean) TRUE, NULL));
  baton_test_wait_for (g_list_model_get_n_items (baton_client_page_get_programs (page_of (f))) == 0, 5000);
  activate (f, "clients.show-archived", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (baton_client_page_get_programs (page_of (f))), ==, 1);
}

/* Every property of @record, as text, for comparing before and after. */
static char *
record_snapshot (gpointer record)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree GParamSpec **specs = NULL;
  guint n_specs = 0;

  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n_specs);
  for (guint i = 0; i < n_specs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *text = NULL;

      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (G_OBJECT (record), specs[i]->name, &value);
      text = g_strdup_value_contents (&value);
      g_string_append_printf (out, "%s=%s\n", specs[i]->name, text);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Edit Program, saved without a change, leaves the program exactly as it
 * was: a color that is not in the dialog's palette (the demo's, an
 * import's), a palette color written in capitals, no description, no
 * dates, and dates. */
static void
test_program_unchanged (Fixture       *f,
                        gconstpointer  data)
{
  static const struct
  {
    const char *color;
    const char *description;
    const char *start;
    const char *due;
  } cases[] = {
    { "#2ec27e", NULL, "2026-03-01", "2026-06-30" },
    { "#3584E4", "Two days on site", NULL, NULL },
    { NULL, NULL, NULL, "2026-12-24" },
  };
  BatonClient *client;

  SKIP_WITHOUT_DISPLAY ();

  client = add_client (f, "Acme");
  open_window (f);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Program %u", i);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *on_disk_before = NULL;
      g_autofree char *on_disk_after = NULL;
      BatonProgram *program;
      GtkWidget *dialog;

      program = baton_store_insert (f->store, BATON_TYPE_PROGRAM, &error,
                                    "client-id", (gint64) baton_record_get_id (BATON_RECORD (client)),
                                    "name", name,
                                    "description", cases[i].description,
                                    "start-date", cases[i].start,
                                    "due-date", cases[i].due,
                                    "color", cases[i].color,
                                    NULL);
      g_assert_no_error (error);
      before = record_snapshot (program);
      on_disk_before = baton_test_dump_db (f->path);

      dialog = baton_program_dialog_new (GTK_WINDOW (f->window), f->store, client, program);
      gtk_window_present (GTK_WINDOW (dialog));
      g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, dialog, 5000));
      g_assert_true (baton_program_dialog_save (BATON_PROGRAM_DIALOG (dialog)));
      baton_test_drain ();

      after = record_snapshot (program);
      on_disk_after = baton_test_dump_db (f->path);
      g_debug ("program %u: %s", i, after);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpstr (on_disk_after, ==, on_disk_before);
    }
}

/* Layout at a window width ------------------------------------------------------ */

/* Switches the messages to German (build/po), as LANGUAGE=de
 * LANG=de_DE.UTF-8 does; FALSE when this machine cannot. */
static gboolean
use_german (char **saved_messages,
            char **saved_language)
{
  const char *build_root = g_getenv ("BATON_BUILD_ROOT");
  g_autofree char *po = NULL;
  g_autofree char *mo = NULL;
  const char *messages;

  if (build_root == NULL)
    return FALSE;
  po = g_build_filename (build_root, "po", NULL);
  mo = g_build_filename (po, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  messages = setlocale (LC_MESSAGES, NULL);
  *saved_messages = g_strdup (messages);
  if (setlocale (LC_MESSAGES, "de_DE.UTF-8") == NULL)
    return FALSE;
  *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  g_setenv ("LANGUAGE", "de", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return TRUE;
}

static void
restore_messages (char *saved_messages,
                  char *saved_language)
{
  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  if (saved_messages != NULL)
    setlocale (LC_MESSAGES, saved_messages);
  g_free (saved_messages);
  g_free (saved_language);
}

/* Counts the widgets under @widget (drawn, with a size) that stick out of
 * their parent or of the window to the left or the right: cut off. */
static guint
count_cut_off (GtkWidget *widget,
               GtkWidget *window,
               double     left,
               double     right)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t bounds;
      double child_left = left, child_right = right;

      /* Internal parts such as the paned's handle reach past their
       * parent on purpose. */
      if (!gtk_widget_get_mapped (child) || gtk_widget_get_width (child) <= 0 ||
          g_str_has_suffix (G_OBJECT_TYPE_NAME (child), "Gizmo") ||
          !gtk_widget_compute_bounds (child, window, &bounds))
        continue;

      if (bounds.origin.x < left - 0.5 || bounds.origin.x + bounds.size.width > right + 0.5)
        {
          g_debug ("%s %p (%s) spans %.0f–%.0f, outside %.0f–%.0f", G_OBJECT_TYPE_NAME (child), child,
                   GTK_IS_LABEL (child) ? gtk_label_get_text (GTK_LABEL (child)) : "",
                   bounds.origin.x, bounds.origin.x + bounds.size.width, left, right);
          n++;
        }
      child_left = MAX (left, bounds.origin.x);
      child_right = MIN (right, bounds.origin.x + bounds.size.width);
      n += count_cut_off (child, window, child_left, child_right);
    }

  return n;
}



/* The Clients view of a window @width wide: nothing is cut off, and
 * the client page has at least the width it asks for. */
static void
assert_clients_view_fits (Fixture *f,
                          int      width)
{
  GtkWidget *page = baton_clients_view_get_client_page (f->view);
  int minimum = 0;
  gint64 deadline;
  graphene_rect_t bounds;

  gtk_window_set_default_size (GTK_WINDOW (f->window), width, 800);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, page, 5000));
  /* The window's widget is the X window less its frame (a few pixels of
   * client-side decoration). */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (ABS (gtk_widget_get_width (GTK_WIDGET (f->window)) + 10 - width) > 10 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  {
    int window_minimum = 0;

    gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &window_minimum, NULL, NULL, NULL);
    g_debug ("the window is %d px wide for %d; it needs %d", gtk_widget_get_width (GTK_WIDGET (f->window)),
             width, window_minimum);
  }
  g_assert_cmpint (ABS (gtk_widget_get_width (GTK_WIDGET (f->window)) + 10 - width), <=, 10);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_debug ("at %d px: the client page is %d px wide and needs %d", width, gtk_widget_get_width (page), minimum);
  g_assert_cmpint (gtk_widget_get_width (page), >=, minimum);
  /* The view lies inside the window, and everything in it inside the view. */
  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (f->view), GTK_WIDGET (f->window), &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
  g_assert_cmpuint (count_cut_off (GTK_WIDGET (f->view), GTK_WIDGET (f->window),
                                   bounds.origin.x, bounds.origin.x + bounds.size.width), ==, 0);
}

/* German at 1100 and 1500 px: the client page and its first-run hints
 * are whole, not cut off on one side. */
static void
test_german_fits (Fixture       *f,
                  gconstpointer  data)
{
  static const int widths[] = { 1100, 1500 };
  g_autoptr(GError) error = NULL;
  char *saved_messages = NULL;
  char *saved_language = NULL;
  BatonClient *client;
  BatonClient *newcomer;
  GtkWidget *hint;

  SKIP_WITHOUT_DISPLAY ();

  if (!use_german (&saved_messages, &saved_language))
    {
      restore_messages (saved_messages, saved_language);
      baton_test_skip ("no German messages (build/po) or no de_DE.UTF-8 locale");
      return;
    }
  g_assert_cmpstr (_("Press Enter to save a field."), !=, "Press Enter to save a field.");

  /* A client with a program and no task yet (the page points to the
   * board), a note open; one with nothing (the page asks for a program). */
  client = add_client (f, "Stadtwerke Nordrhein-Westfalen Ausbildungszentrum");
  g_assert_nonnull (baton_store_create_program (f->store, client, "Führungskräfteentwicklung", &error));
  g_assert_no_error (error);
  add_note (f, client, "Auftaktbesprechung", "## Tagesordnung");
  newcomer = add_client (f, "Neukunde");
  open_window (f);

  baton_clients_view_select_client (f->view, client);
  baton_test_wait_for (gtk_widget_get_visible (baton_client_page_get_board_hint (page_of (f))), 5000);
  hint = baton_client_page_get_board_hint (page_of (f));
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      assert_clients_view_fits (f, widths[i]);
      g_debug ("the board hint is %d px wide", gtk_widget_get_width (hint));
      g_assert_cmpint (gtk_widget_get_width (hint), >=, 240);
    }

  baton_clients_view_select_client (f->view, newcomer);
  baton_test_wait_for (gtk_widget_get_mapped (baton_client_page_get_programs_placeholder (page_of (f))), 5000);
  hint = baton_client_page_get_programs_placeholder (page_of (f));
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      assert_clients_view_fits (f, widths[i]);
      g_debug ("the programs hint is %d px wide", gtk_widget_get_width (hint));
      g_assert_cmpint (gtk_widget_get_width (hint), >=, 240);
    }

  close_window (f);
  restore_messages (saved_messages, saved_language);
}

/* A long title wraps onto more lines instead of running out of the
 * editor; it stays one paragraph, and Enter goes on to the text. */
static void
test_title_wraps (Fixture       *f,
                  gconstpointer  data)
{
  static const char *title = "Needs analysis: Public records training for the front desk and the call centre";
  BatonClient *client;
  BatonNote *note;
  GtkTextView *view;
  GtkWidget *text_view;
  g_autofree char *flat = NULL;
  int one_line, wrapped;

  SKIP_WITHOUT_DISPLAY ();

  client = add_client (f, "City of Riverton");
  note = add_note (f, client, "Short", "Agenda");
  open_window (f);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 700, 720);
  baton_clients_view_open_note (f->view, note, -1, 0);
  view = baton_note_editor_get_title (editor_of (f));
  baton_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (view)) && gtk_widget_get_height (GTK_WIDGET (view)) > 0, 5000);
  baton_test_drain ();
  one_line = gtk_widget_get_height (GTK_WIDGET (view));

  baton_note_editor_set_title_text (editor_of (f), title);
  baton_test_wait_for (gtk_widget_get_height (GTK_WIDGET (view)) >= 2 * one_line - 4, 5000);
  wrapped = gtk_widget_get_height (GTK_WIDGET (view));
  g_debug ("the title is %d px high on one line, %d px wrapped, in %d px", one_line, wrapped,
           gtk_widget_get_width (GTK_WIDGET (view)));
  g_assert_cmpint (wrapped, >=, 2 * one_line - 4);
  /* Nothing of it runs past the editor. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), <=, gtk_widget_get_width (GTK_WIDGET (editor_of (f))));

  /* A line break pasted into it becomes a space. */
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert_interactive (buffer, &end, "\nsecond line", -1, TRUE);
  }
  flat = baton_note_editor_dup_title_text (editor_of (f));
  g_assert_nonnull (g_strrstr (flat, " second line"));
  g_assert_null (strchr (flat, '\n'));

  /* Enter goes on to the text. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (view)));
  text_view = GTK_WIDGET (baton_note_editor_get_text_view (editor_of (f)));
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
            gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
          g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
      }
    g_assert_true (handled);
  }
  g_assert_true (gtk_widget_has_focus (text_view));
  flat = (g_free (flat), baton_note_editor_dup_title_text (editor_of (f)));
  g_assert_null (strchr (flat, '\n'));

  close_window (f);
}

/* The note's save status, shown whole: at least as wide as its text. */
static void
assert_status_readable (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *lock;
  GtkLabel *status;
  int natural = 0;
  gint64 deadline;

  lock = baton_test_hold_write_lock (f->path);
  type_text (f, " typed");
  g_assert_false (baton_note_editor_save (editor_of (f), &error));
  g_assert_cmpstr (baton_note_editor_get_status_text (editor_of (f)), ==, _("Not saved"));
  status = find_label_ending (GTK_WIDGET (editor_of (f)), _("Not saved"));
  g_assert_nonnull (status);
  /* What the text needs (the measure includes the margins; the width
   * does not). */
  gtk_widget_measure (GTK_WIDGET (status), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  natural -= gtk_widget_get_margin_start (GTK_WIDGET (status)) + gtk_widget_get_margin_end (GTK_WIDGET (status));

  /* Once the new text is laid out. */
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (gtk_widget_get_width (GTK_WIDGET (status)) < natural && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_debug ("“%s” is %d px wide and needs %d", gtk_label_get_text (status),
           gtk_widget_get_width (GTK_WIDGET (status)), natural);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (status)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (status)), >=, natural);

  baton_test_release_lock (lock);
  g_clear_error (&error);
  g_assert_true (baton_note_editor_save (editor_of (f), &error));
  g_assert_no_error (error);
}

/* "Not saved" stays readable in a window 1100 px wide, in English and
 * in German. */
static void
test_status_readable (Fixture       *f,
                      gconstpointer  data)
{
  char *saved_messages = NULL;
  char *saved_language = NULL;
  BatonClient *client;

  SKIP_WITHOUT_DISPLAY ();

  g_settings_set_int (f->settings, "autosave-delay", 30000);
  client = add_client (f, "Acme");
  add_note (f, client, "Kick-off", "Agenda");
  open_window (f);
  assert_clients_view_fits (f, 1100);
  assert_status_readable (f);
  close_window (f);

  if (!use_german (&saved_messages, &saved_language))
    {
      restore_messages (saved_messages, saved_language);
      baton_test_skip ("no German messages (build/po) or no de_DE.UTF-8 locale");
      return;
    }
  open_window (f);
  assert_clients_view_fits (f, 1100);
  assert_status_readable (f);
  close_window (f);
  restore_messages (saved_messages, saved_language);
}

static void
test_templates_and_history (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonClient *client;
  BatonNote *note;
  BatonRevisionsDialog *dialog;
  g_autofree char *text = NULL;

  SKIP_WITHOUT_DISPLAY ();

  g_settings_set_int (f->settings, "autosave-delay", 30000);
  client = add_client (f, "Acme");
  open_window (f);
  g_assert_true (baton_clients_view_get_client (f->view) == client);

  /* A needs analysis from its template, open in the editor. */
  activate (f, "clients.new-note", g_variant_new_string ("needs-analysis"));
  note = baton_note_editor_get_note (editor_of (f));
  g_assert_nonnull (note);
  g_assert_cmpstr (baton_note_get_title (note), ==, "Needs analysis");
  text = buffer_text (f);
  g_assert_nonnull (strstr (text, "## Success measures"));
  g_assert_nonnull (strstr (text, "## Stakeholders and subject-matter experts"));

  /* Two visits: the first saves of each keep a revision. */
  type_text (f, "\nFirst visit");
  g_assert_true (baton_note_editor_save (editor_of (f), &error));
  baton_clients_view_open_note (f->view, note, -1, 0);
  baton_note_editor_set_note (editor_of (f), NULL);
  baton_note_editor_set_note (editor_of (f), note);
  type_text (f, "\nSecond visit");
  g_assert_true (baton_note_editor_save (editor_of (f), &error));
  g_assert_nonnull (strstr (baton_note_get_body (note), "Second visit"));

  /* History: restore the oldest (the template); Undo puts it back. */
  gtk_widget_activate_action (GTK_WIDGET (editor_of (f)), "note.history", NULL);
  dialog = find_toplevel (BATON_TYPE_REVISIONS_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (baton_revisions_dialog_get_n_revisions (dialog), ==, 2);
  baton_revisions_dialog_select (dialog, 1);
  g_assert_true (baton_revisions_dialog_restore (dialog, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (baton_note_get_body (note), "visit"));
  g_clear_pointer (&text, g_free);
  text = buffer_text (f);
  g_assert_null (strstr (text, "visit"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_nonnull (strstr (baton_note_get_body (note), "Second visit"));
  g_clear_pointer (&text, g_free);
  text = buffer_text (f);
  g_assert_nonnull (strstr (text, "Second visit"));
}

static GtkWidget *find_action_button (GtkWidget  *root,
                                      const char *action,
                                      const char *target);
static void       click_button       (GtkWidget  *button);

static void
test_promote (Fixture       *f,
              gconstpointer  data)
{
  BatonClient *client;
  BatonProgram *program;
  BatonNote *note;
  BatonTaskEditor *dialog;
  BatonTask *task;
  GtkTextIter iter;
  g_autofree char *title = NULL;

  SKIP_WITHOUT_DISPLAY ();

  client = add_client (f, "Acme");
  program = baton_store_create_program (f->store, client, "Onboarding", NULL);
  note = baton_store_create_note (f->store, client, program, "Kick-off",
                                  "## Action items\n\n- [ ] Dana: send the org chart\n", NULL);
  open_window (f);
  g_assert_true (baton_note_editor_get_note (editor_of (f)) == note);

  /* The cursor on the action item. */
  gtk_text_buffer_get_iter_at_line_offset (buffer_of (f), &iter, 2, 8);
  gtk_text_buffer_place_cursor (buffer_of (f), &iter);
  title = baton_note_editor_get_task_title (editor_of (f));
  g_assert_cmpstr (title, ==, "Dana: send the org chart");

  gtk_widget_activate_action (GTK_WIDGET (editor_of (f)), "note.create-task", NULL);
  dialog = find_toplevel (BATON_TYPE_TASK_EDITOR);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (baton_task_editor_get_field (dialog, "title"))), ==,
                   "Dana: send the org chart");
  g_assert_true (baton_task_editor_save (dialog));
  baton_test_wait_for (baton_note_editor_get_n_tasks (editor_of (f)) == 1, 5000);

  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_tasks (f->store)), ==, 1);
  task = g_list_model_get_item (baton_store_get_tasks (f->store), 0);
  g_object_unref (task);
  g_assert_cmpstr (baton_task_get_title (task), ==, "Dana: send the org chart");
  g_assert_cmpint (baton_task_get_program_id (task), ==, baton_record_get_id (BATON_RECORD (program)));
  g_assert_cmpint (baton_task_get_note_id (task), ==, baton_record_get_id (BATON_RECORD (note)));

  /* The note lists it, and its button opens it. */
  g_assert_cmpuint (baton_note_editor_get_n_tasks (editor_of (f)), ==, 1);
  baton_test_wait_for (find_toplevel (BATON_TYPE_TASK_EDITOR) == NULL, 5000);
  click_button (find_action_button (GTK_WIDGET (editor_of (f)), "note.open-task", NULL));
  dialog = find_toplevel (BATON_TYPE_TASK_EDITOR);
  g_assert_nonnull (dialog);
  g_assert_true (baton_task_editor_get_task (dialog) == task);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A blank line makes no task. */
  gtk_text_buffer_get_iter_at_line (buffer_of (f), &iter, 1);
  gtk_text_buffer_place_cursor (buffer_of (f), &iter);
  g_clear_pointer (&title, g_free);
  title = baton_note_editor_get_task_title (editor_of (f));
  g_assert_null (title);
}

static void
test_screenshot_setup (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonDemoSize size;
  BatonNote *note;

  SKIP_WITHOUT_DISPLAY ();

  baton_demo_size_init_default (&size);
  g_assert_true (baton_demo_generate (f->store, &size, &error));
  open_window (f);

  /* The view puts no action of its own on its window. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (f->window), "clients.screenshot-setup", NULL));

  /* What the screenshot tool does with the view's API (tests/screenshot.c):
   * the first client listed, its needs analysis. */
  {
    GListModel *clients = baton_clients_view_get_clients (f->view);
    g_autoptr(BatonClient) first = g_list_model_get_item (clients, 0);
    GListModel *notes;

    g_assert_nonnull (first);
    baton_clients_view_select_client (f->view, first);
    g_assert_true (baton_clients_view_get_client (f->view) == first);
    notes = baton_client_page_get_notes (page_of (f));
    for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
      {
        g_autoptr(BatonNote) listed = g_list_model_get_item (notes, i);

        if (g_str_has_prefix (baton_note_get_title (listed), "Needs analysis"))
          {
            baton_clients_view_open_note (f->view, listed, -1, 0);
            break;
          }
      }
  }
  note = baton_note_editor_get_note (editor_of (f));
  g_assert_nonnull (note);
  g_assert_true (g_str_has_prefix (baton_note_get_title (note), "Needs analysis"));
}


/* The editor outgrows its page ------------------------------------------------ */

typedef struct
{
  Fixture       *f;
  GtkAdjustment *adjustment;
  guint          lines;
  guint          after;     /* lines typed since the text outgrew the editor */
} Typist;

static gboolean
editor_scrolls (GtkAdjustment *adjustment)
{
  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 1;
}

/* A frame-clock tick: types a line right before the frame is laid out and
 * drawn, as key presses that arrive just before a frame do (the text view
 * then scrolls to the cursor, as it does for a key press). */
static gboolean
type_line_tick (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  Typist *typist = data;
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  g_autofree char *line = g_strdup_printf ("\n- **Action %u:** send the *storyboard* to the SME", typist->lines);

  type_text (typist->f, line);
  gtk_text_view_scroll_mark_onscreen (view, gtk_text_buffer_get_insert (gtk_text_view_get_buffer (view)));
  typist->lines++;
  if (editor_scrolls (typist->adjustment))
    typist->after++;

  return typist->after < 10 && typist->lines < 300 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
typist_done (gpointer data)
{
  Typist *typist = data;

  return typist->after >= 10 || typist->lines >= 300;
}

static void
test_editor_grows (Fixture       *f,
                   gconstpointer  data)
{
  BatonClient *client;
  GtkTextView *view;
  Typist typist = { f, NULL, 0, 0 };
  GLogLevelFlags fatal;

  SKIP_WITHOUT_DISPLAY ();

  g_settings_set_int (f->settings, "autosave-delay", 30000);
  client = add_client (f, "Acme");
  add_note (f, client, "Kick-off", "## Agenda\n\n- Budget");
  open_window (f);
  view = baton_note_editor_get_text_view (editor_of (f));
  typist.adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  type_text (f, "");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_false (editor_scrolls (typist.adjustment));

  /* "Trying to snapshot GtkGizmo … without a current allocation" (the
   * scrollbar's trough) is a warning: fatal here, whatever G_DEBUG says. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  gtk_widget_add_tick_callback (GTK_WIDGET (view), type_line_tick, &typist, NULL);
  g_assert_true (baton_test_wait_until (typist_done, &typist, 30000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_log_set_always_fatal (fatal);

  g_debug ("typed %u lines; upper %.0f, page %.0f", typist.lines,
           gtk_adjustment_get_upper (typist.adjustment), gtk_adjustment_get_page_size (typist.adjustment));
  g_assert_cmpuint (typist.after, >=, 10);
}

/* Switching clients shows the other client's newest note, its text view
 * laid out (tests/check-note-switch.py clicks with the real pointer and
 * looks at what is drawn). */
static void
test_switch_client_shows_text (Fixture       *f,
                               gconstpointer  data)
{
  BatonClient *acme, *globex;
  GtkTextView *view;
  GtkWidget *scroller;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  GLogLevelFlags fatal;

  SKIP_WITHOUT_DISPLAY ();

  acme = add_client (f, "Acme");
  add_note (f, acme, "Kick-off", "## Agenda\n\n- Budget");
  globex = add_client (f, "Globex");
  {
    g_autoptr(GString) body = g_string_new ("## Decisions\n\n- Launch in May");

    /* Longer than the window: the text view scrolls. */
    for (guint i = 0; i < 80; i++)
      g_string_append_printf (body, "\n- Point %u of the steering committee's minutes", i);
    add_note (f, globex, "Steering", body->str);
  }
  open_window (f);
  baton_clients_view_select_client (f->view, acme);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  baton_clients_view_select_client (f->view, globex);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_log_set_always_fatal (fatal);

  view = baton_note_editor_get_text_view (editor_of (f));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  text = gtk_text_iter_get_text (&start, &end);
  g_assert_true (g_str_has_prefix (text, "## Decisions\n\n- Launch in May\n- Point 0"));
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_true (gtk_widget_get_child_visible (scroller));
  g_assert_cmpint (gtk_widget_get_width (scroller), >, 100);
  g_assert_cmpint (gtk_widget_get_height (scroller), >, 100);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >, 100);
}

/* The notes font in a locale with a decimal comma --------------------------------- */

static void
count_css_error (GtkCssProvider *provider,
                 GtkCssSection  *section,
                 const GError   *error,
                 gpointer        data)
{
  guint *n_errors = data;

  g_test_message ("CSS error: %s", error->message);
  (*n_errors)++;
}

static void
test_font_decimal_comma (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *saved = NULL;
  g_autofree char *css = NULL;
  GtkCssProvider *provider;
  guint n_errors = 0;
  gulong handler;

  SKIP_WITHOUT_DISPLAY ();

  saved = g_strdup (setlocale (LC_NUMERIC, NULL));
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      baton_test_skip ("no de_DE.UTF-8 locale (the build makes one into build/tests/locale "
                       "from the locales package; LOCPATH points there)");
      return;
    }
  /* The locale really writes 11,5. */
  {
    char text[16];

    g_snprintf (text, sizeof text, "%.1f", 11.5);
    g_assert_cmpstr (text, ==, "11,5");
  }

  add_client (f, "Acme");
  open_window (f);
  provider = baton_note_editor_get_font_css (editor_of (f));
  handler = g_signal_connect (provider, "parsing-error", G_CALLBACK (count_css_error), &n_errors);

  g_settings_set_string (f->settings, "notes-font", "Cantarell Bold 11.5");
  css = gtk_css_provider_to_string (provider);
  g_debug ("notes font CSS: %s", css);

  g_signal_handler_disconnect (provider, handler);
  setlocale (LC_NUMERIC, saved);

  g_assert_cmpuint (n_errors, ==, 0);
  g_assert_nonnull (strstr (css, "font-size: 11.5pt;"));
  g_assert_nonnull (strstr (css, "font-family: \"Cantarell\""));
}

/* A note that cannot be saved ---------------------------------------------------- */

typedef struct
{
  Fixture  *f;
  sqlite3  *lock;
  gint64    note_id;
  gpointer  window;   /* weak */
} Unsaved;

/* The dialog is up, or the window went without asking. */
static gboolean
dialog_is_shown (gpointer data)
{
  Unsaved *u = data;
  AdwMessageDialog *dialog;

  if (u->window == NULL)
    return TRUE;

  dialog = baton_clients_view_get_unsaved_dialog (u->f->view);
  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

/* A note typed into while another program holds the database, then
 * Ctrl+Q: the window stays and asks. */
static void
unsaved_set_up (Unsaved    *u,
                Fixture    *f,
                const char *typed)
{
  BatonClient *client;
  BatonNote *note;

  u->f = f;
  g_settings_set_int (f->settings, "autosave-delay", 30000);
  client = add_client (f, "Acme");
  note = add_note (f, client, "Kick-off", "Agenda");
  u->note_id = baton_record_get_id (BATON_RECORD (note));
  open_window (f);
  u->window = f->window;
  g_object_add_weak_pointer (G_OBJECT (u->window), &u->window);
  baton_note_saver_set_retry_delays (baton_note_editor_get_saver (editor_of (f)), 200, 400);

  u->lock = baton_test_hold_write_lock (f->path);
  type_text (f, typed);

  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_true (baton_test_wait_until (dialog_is_shown, u, 10000));
  g_assert_nonnull (u->window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));
  g_assert_cmpstr (baton_note_editor_get_status_text (editor_of (f)), ==, "Not saved");
  {
    g_autofree char *on_disk = baton_test_note_body_on_disk (f->path, u->note_id);
    g_assert_cmpstr (on_disk, ==, "Agenda");
  }

  /* Asking again (a second Ctrl+Q) does not stack dialogs or close. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  baton_test_drain ();
  g_assert_nonnull (u->window);
}

/* The window closed by itself: forget it in the fixture. */
static void
unsaved_window_closed (Unsaved *u)
{
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &u->window, 10000));
  u->f->window = NULL;
  u->f->view = NULL;
}

static void
test_unsaved_quit_retry (Fixture       *f,
                         gconstpointer  data)
{
  Unsaved u = { 0 };
  g_autofree char *on_disk = NULL;

  SKIP_WITHOUT_DISPLAY ();

  unsaved_set_up (&u, f, "\n- Budget, typed while locked");

  /* The other program lets go; Retry saves and the window closes. */
  baton_test_release_lock (u.lock);
  adw_message_dialog_response (baton_clients_view_get_unsaved_dialog (f->view), "retry");
  unsaved_window_closed (&u);
  on_disk = baton_test_note_body_on_disk (f->path, u.note_id);
  g_assert_cmpstr (on_disk, ==, "Agenda\n- Budget, typed while locked");
}

static void
test_unsaved_retry_by_itself (Fixture       *f,
                              gconstpointer  data)
{
  Unsaved u = { 0 };
  g_autofree char *on_disk = NULL;

  SKIP_WITHOUT_DISPLAY ();

  unsaved_set_up (&u, f, "\n- Saved by a retry");

  /* Nobody answers; the lock goes: a retry saves and the closing goes on. */
  baton_test_release_lock (u.lock);
  unsaved_window_closed (&u);
  on_disk = baton_test_note_body_on_disk (f->path, u.note_id);
  g_assert_cmpstr (on_disk, ==, "Agenda\n- Saved by a retry");
}

static void
test_unsaved_save_copy (Fixture       *f,
                        gconstpointer  data)
{
  Unsaved u = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *on_disk = NULL;
  g_autoptr(GFile) file = NULL;

  SKIP_WITHOUT_DISPLAY ();

  unsaved_set_up (&u, f, "\n- Kept in a copy");

  /* Save a Copy As… writes what the file chooser names. */
  path = g_build_filename (f->dir, "Kick-off.md", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (baton_clients_view_save_copy_to_file (f->view, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "# Kick-off\n\nAgenda\n- Kept in a copy\n");

  /* Discarding after it: the window closes, the workspace keeps its text. */
  adw_message_dialog_response (baton_clients_view_get_unsaved_dialog (f->view), "discard");
  unsaved_window_closed (&u);
  baton_test_release_lock (u.lock);
  on_disk = baton_test_note_body_on_disk (f->path, u.note_id);
  g_assert_cmpstr (on_disk, ==, "Agenda");
}

static void
test_unsaved_keep_open (Fixture       *f,
                        gconstpointer  data)
{
  Unsaved u = { 0 };

  SKIP_WITHOUT_DISPLAY ();

  unsaved_set_up (&u, f, "\n- Still here");

  /* Escape: the window stays, with the text; closing asks again. */
  adw_message_dialog_response (baton_clients_view_get_unsaved_dialog (f->view), "keep");
  baton_test_drain ();
  g_assert_nonnull (u.window);
  {
    g_autofree char *text = buffer_text (f);
    g_assert_cmpstr (text, ==, "Agenda\n- Still here");
  }

  /* What the window asks before closing, called as the window will: the
   * text is not saved, so the window must stay, and the view asks again. */
  g_assert_true (baton_clients_view_has_unsaved (f->view));
  g_assert_true (baton_clients_view_close_request (f->view));
  g_assert_true (baton_test_wait_until (dialog_is_shown, &u, 10000));
  adw_message_dialog_response (baton_clients_view_get_unsaved_dialog (f->view), "keep");
  baton_test_drain ();
  g_assert_nonnull (u.window);

  gtk_window_close (GTK_WINDOW (f->window));
  g_assert_true (baton_test_wait_until (dialog_is_shown, &u, 10000));
  g_assert_nonnull (u.window);

  baton_test_release_lock (u.lock);
  unsaved_window_closed (&u);
  {
    g_autofree char *on_disk = baton_test_note_body_on_disk (f->path, u.note_id);
    g_assert_cmpstr (on_disk, ==, "Agenda\n- Still here");
  }
}

typedef struct
{
  BatonNote *first;
  BatonNote *second;
  sqlite3   *lock;
} Leaving;

/* Two notes: " typed" is typed into the first while another program
 * holds the database, then the second is opened. The lock is still held. */
static void
leave_unsaved_note (Fixture *f,
                    Leaving *l)
{
  BatonClient *client;
  BatonNoteEditor *editor;

  g_settings_set_int (f->settings, "autosave-delay", 30000);
  client = add_client (f, "Acme");
  l->first = add_note (f, client, "First", "One");
  l->second = add_note (f, client, "Second", "Two");
  open_window (f);
  editor = editor_of (f);
  baton_clients_view_open_note (f->view, l->first, -1, 0);
  baton_note_saver_set_retry_delays (baton_note_editor_get_saver (editor), 100, 200);

  l->lock = baton_test_hold_write_lock (f->path);
  type_text (f, " typed");
  baton_clients_view_open_note (f->view, l->second, -1, 0);
  g_assert_true (baton_note_editor_get_note (editor) == l->second);
}

static void
test_unsaved_leaving_note (Fixture       *f,
                           gconstpointer  data)
{
  BatonNoteEditor *editor;
  Leaving l = { 0 };

  SKIP_WITHOUT_DISPLAY ();

  /* Switching note while the save fails: the text is held, not dropped. */
  leave_unsaved_note (f, &l);
  editor = editor_of (f);
  g_assert_true (baton_note_editor_has_unsaved (editor));
  g_assert_cmpstr (baton_note_get_body (l.first), ==, "One");

  /* It is saved once the database is free again. */
  baton_test_release_lock (l.lock);
  g_assert_true (baton_test_wait_until (note_body_has, (gpointer[]) { l.first, (gpointer) "One typed" }, 10000));
  g_assert_false (baton_note_editor_has_unsaved (editor));
}

static gboolean
note_body_is (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (baton_note_get_body (args[0]), args[1]) == 0;
}

/* Back to a note left while its save failed: the editor shows the text
 * that was typed, not the note's older text, and goes on with it. The
 * text typed before and after leaving is saved as one, once. */
static void
test_unsaved_back_to_note (Fixture       *f,
                           gconstpointer  data)
{
  BatonNoteEditor *editor;
  Leaving l = { 0 };

  SKIP_WITHOUT_DISPLAY ();

  leave_unsaved_note (f, &l);
  editor = editor_of (f);
  baton_clients_view_open_note (f->view, l.first, -1, 0);
  g_assert_true (baton_note_editor_get_note (editor) == l.first);
  {
    g_autofree char *text = buffer_text (f);
    g_assert_cmpstr (text, ==, "One typed");
  }
  g_assert_true (baton_note_editor_has_unsaved (editor));
  g_assert_cmpstr (baton_note_editor_get_status_text (editor), ==, "Not saved");

  type_text (f, " and more");
  baton_test_release_lock (l.lock);
  g_assert_true (baton_test_wait_until (note_body_is, (gpointer[]) { l.first, (gpointer) "One typed and more" }, 10000));
  baton_test_wait_for (!baton_note_editor_has_unsaved (editor), 10000);
  {
    g_autofree char *on_disk = baton_test_note_body_on_disk (f->path, baton_record_get_id (BATON_RECORD (l.first)));
    g_autofree char *text = buffer_text (f);

    g_assert_cmpstr (on_disk, ==, "One typed and more");
    g_assert_cmpstr (text, ==, "One typed and more");
  }
}

/* First run: each empty state leads to the next step, with its button. */

/* The button under @root whose action is @action (and target @target). */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action,
                    const char *target)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkActionable *button = g_ptr_array_index (buttons, i);
      GVariant *value = gtk_actionable_get_action_target_value (button);

      if (g_strcmp0 (gtk_actionable_get_action_name (button), action) == 0 &&
          (target == NULL || (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING) &&
                              g_strcmp0 (g_variant_get_string (value, NULL), target) == 0)))
        return GTK_WIDGET (button);
    }

  return NULL;
}

/* The button is shown and can be used, and a click runs its action. */
static void
click_button (GtkWidget *button)
{
  g_assert_nonnull (button);
  baton_test_wait_for (gtk_widget_get_mapped (button), 5000);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
test_first_run (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *page_widget;
  GtkWidget *button;
  AdwMessageDialog *add_dialog;
  BatonProgramDialog *program_dialog;
  BatonClient *client;
  BatonProgram *program;
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_DISPLAY ();

  open_window (f);

  /* 1. No client: the page says what the view is for; Add a Client opens
   *    the dialog, which adds one. */
  g_assert_cmpstr (baton_clients_view_get_content_page (f->view), ==, "empty");
  page_widget = gtk_stack_get_visible_child (GTK_STACK (gtk_widget_get_ancestor (
    find_action_button (GTK_WIDGET (f->view), "clients.add-client", NULL), GTK_TYPE_STACK)));
  g_assert_nonnull (page_widget);
  button = NULL;
  {
    g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

    /* The big button of the empty page, not the one in the sidebar. */
    collect (page_widget, GTK_TYPE_BUTTON, buttons);
    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "clients.add-client") == 0)
        button = g_ptr_array_index (buttons, i);
  }
  click_button (button);
  add_dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (add_dialog);
  /* The dialog's first entry is the name. */
  gtk_editable_set_text (baton_test_find_descendant (GTK_WIDGET (add_dialog), GTK_TYPE_ENTRY), "Acme Logistics");
  adw_message_dialog_response (add_dialog, "add");
  baton_test_wait_for (baton_clients_view_get_client (f->view) != NULL, 5000);
  client = baton_clients_view_get_client (f->view);
  g_assert_cmpstr (baton_client_get_name (client), ==, "Acme Logistics");
  g_assert_cmpstr (baton_clients_view_get_content_page (f->view), ==, "client");

  /* 2. A client without programs: the list says to add one, with the
   *    button; it opens the program dialog. No pointer to the board yet. */
  button = find_action_button (baton_client_page_get_programs_placeholder (page_of (f)), "clients.add-program", NULL);
  click_button (button);
  g_assert_false (gtk_widget_get_visible (baton_client_page_get_board_hint (page_of (f))));
  program_dialog = find_toplevel (BATON_TYPE_PROGRAM_DIALOG);
  g_assert_nonnull (program_dialog);
  gtk_editable_set_text (GTK_EDITABLE (baton_program_dialog_get_field (program_dialog, "name")), "Onboarding");
  g_assert_true (baton_program_dialog_save (program_dialog));
  baton_test_wait_for (g_list_model_get_n_items (baton_client_page_get_programs (page_of (f))) == 1, 5000);
  program = g_list_model_get_item (baton_client_page_get_programs (page_of (f)), 0);
  g_object_unref (program);

  /* 3. A program and no task: the page points to the board, whose button
   *    shows it. */
  baton_test_wait_for (gtk_widget_get_visible (baton_client_page_get_board_hint (page_of (f))), 5000);
  button = find_action_button (baton_client_page_get_board_hint (page_of (f)), "win.show-view", "board");
  click_button (button);
  {
    g_autofree char *view = g_settings_get_string (f->settings, "last-view");
    g_assert_cmpstr (view, ==, "board");
  }

  /* 4. A card for the program: the pointer has done its job. */
  {
    g_autoptr(BatonStage) stage = g_list_model_get_item (baton_store_get_stages (f->store), 0);

    g_assert_nonnull (baton_store_create_task (f->store, stage, program, "Kick-off call", &error));
  }
  g_assert_no_error (error);
  baton_test_wait_for (!gtk_widget_get_visible (baton_client_page_get_board_hint (page_of (f))), 5000);
}

/* Nothing lost: the real application, killed while a note is being typed. */

static gboolean
run_tool (char       **argv,
          char       **output)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, output, NULL, &status, &error))
    return FALSE;

  return g_spawn_check_wait_status (status, NULL);
}

/* Where, in the X window of a BatonWindow of @width × @height showing the
 * Clients view of @f's workspace, the middle of the note's text is: the
 * same window is built here, and its widgets measured. */
static void
text_point_in_window (Fixture *f,
                      int      width,
                      int      height,
                      int     *x,
                      int     *y)
{
  GtkWidget *text;
  graphene_rect_t bounds;
  graphene_point_t middle, in_window;
  double surface_x = 0, surface_y = 0;

  f->window = baton_window_new (GTK_APPLICATION (app), f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-view", "s", "clients");
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, f->window, 5000));
  f->view = find_widget (GTK_WIDGET (f->window), BATON_TYPE_CLIENTS_VIEW);
  text = GTK_WIDGET (baton_note_editor_get_text_view (editor_of (f)));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, text, 5000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  g_assert_true (gtk_widget_compute_bounds (text, text, &bounds));
  middle = GRAPHENE_POINT_INIT (bounds.size.width / 2, MIN (bounds.size.height / 2, 40));
  g_assert_true (gtk_widget_compute_point (text, GTK_WIDGET (f->window), &middle, &in_window));
  /* The X window also holds the client-side shadow, if any. */
  gtk_native_get_surface_transform (GTK_NATIVE (f->window), &surface_x, &surface_y);
  *x = (int) (in_window.x + surface_x);
  *y = (int) (in_window.y + surface_y);

  close_window (f);
}

static char *
note_body_on_disk (const char *path,
                   gint64      id)
{
  sqlite3 *handle = NULL;
  sqlite3_stmt *stmt = NULL;
  char *body = NULL;

  if (sqlite3_open_v2 (path, &handle, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (handle, "SELECT body FROM notes WHERE id = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        body = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (handle);

  return body;
}

/* The real application on @f's workspace, opened on the Clients view in a
 * window of @width × @height, focused; its standard error goes to a file. */
typedef struct
{
  GSubprocess *process;
  char        *window_id;
  char        *stderr_path;
  int          text_x;     /* the middle of the note's text, in the window */
  int          text_y;
} RealApp;

static void
real_app_stop (RealApp *real)
{
  if (real->process != NULL)
    {
      g_subprocess_force_exit (real->process);
      g_subprocess_wait (real->process, NULL, NULL);
    }
  g_clear_object (&real->process);
  g_clear_pointer (&real->window_id, g_free);
  g_clear_pointer (&real->stderr_path, g_free);
}

static gboolean
real_app_running (RealApp *real)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%s/stat", g_subprocess_get_identifier (real->process));
  g_autofree char *stat = NULL;
  const char *state;

  /* Exited, or a zombie not reaped yet. */
  if (g_subprocess_get_identifier (real->process) == NULL ||
      !g_file_get_contents (stat_path, &stat, NULL, NULL))
    return FALSE;
  state = strrchr (stat, ')');
  return state != NULL && state[1] == ' ' && state[2] != 'Z';
}

static char *
real_app_stderr (RealApp *real)
{
  char *text = NULL;

  if (!g_file_get_contents (real->stderr_path, &text, NULL, NULL))
    return g_strdup ("");
  return text;
}

/* @keys: more lines of the settings' keyfile, or NULL. @env: NULL-terminated
 * NAME=VALUE pairs added to (or, with an empty value, removed from) the
 * application's environment. Returns FALSE (the test is skipped) when the
 * application cannot be run here. */
static gboolean
real_app_start (Fixture            *f,
                int                 width,
                int                 height,
                const char         *keys,
                const char * const *env,
                RealApp            *real)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *binary = NULL;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *config = NULL;
  g_autofree char *keyfile = NULL;
  g_autofree char *keyfile_dir = NULL;
  g_autofree char *settings = NULL;
  g_autofree char *geometry = NULL;
  g_auto(GStrv) envp = NULL;
  const char *build_root = g_getenv ("BATON_BUILD_ROOT");

  memset (real, 0, sizeof *real);

  if (xdotool == NULL || build_root == NULL || g_getenv ("DISPLAY") == NULL)
    {
      baton_test_skip ("needs xdotool, an X display and BATON_BUILD_ROOT");
      return FALSE;
    }
  binary = g_build_filename (build_root, "src", "baton", NULL);
  if (!g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      baton_test_skip ("the application is not built");
      return FALSE;
    }

  /* Where the note's text will be: the same window, built here. */
  text_point_in_window (f, width, height, &real->text_x, &real->text_y);
  g_clear_object (&f->store);

  /* The application opens on the Clients view, at that size. */
  config = g_build_filename (f->dir, "config", NULL);
  keyfile_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_assert_cmpint (g_mkdir_with_parents (keyfile_dir, 0700), ==, 0);
  keyfile = g_build_filename (keyfile_dir, "keyfile", NULL);
  settings = g_strdup_printf ("[io/github/baton_app/Baton]\nlast-view='clients'\n"
                              "window-width=%d\nwindow-height=%d\nwindow-maximized=false\n%s",
                              width, height, keys != NULL ? keys : "");
  g_assert_true (g_file_set_contents (keyfile, settings, -1, NULL));

  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "keyfile", TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config, TRUE);
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      if (pair[1] == NULL || pair[1][0] == '\0')
        envp = g_environ_unsetenv (envp, pair[0]);
      else
        envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }

  real->stderr_path = g_build_filename (f->dir, "baton.stderr", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_environ (launcher, envp);
  g_subprocess_launcher_set_stderr_file_path (launcher, real->stderr_path);
  real->process = g_subprocess_launcher_spawn (launcher, &error, binary, "--database", f->path, NULL);
  g_assert_no_error (error);

  /* Its window, shown (xdotool waits for it), focused, of that size. */
  {
    char *search[] = { (char *) "timeout", (char *) "30", xdotool, (char *) "search", (char *) "--sync",
                       (char *) "--onlyvisible", (char *) "--pid",
                       (char *) g_subprocess_get_identifier (real->process), NULL };
    g_auto(GStrv) lines = NULL;
    g_autofree char *found = NULL;

    if (!run_tool (search, &found))
      {
        g_autofree char *errors = real_app_stderr (real);

        g_test_message ("The application's standard error: %s", errors);
        real_app_stop (real);
        g_assert_not_reached ();
      }
    lines = g_strsplit (found, "\n", 2);
    real->window_id = g_strdup (lines[0]);
  }
  {
    char *focus[] = { xdotool, (char *) "windowfocus", (char *) "--sync", real->window_id, NULL };
    char *size[] = { xdotool, (char *) "getwindowgeometry", (char *) "--shell", real->window_id, NULL };
    g_autofree char *expected_width = g_strdup_printf ("WIDTH=%d\n", width);
    g_autofree char *expected_height = g_strdup_printf ("HEIGHT=%d\n", height);

    g_assert_true (run_tool (focus, NULL));
    g_assert_true (run_tool (size, &geometry));
    g_debug ("the application's window: %s; text at %d, %d", geometry, real->text_x, real->text_y);
    g_assert_nonnull (strstr (geometry, expected_width));
    g_assert_nonnull (strstr (geometry, expected_height));
  }

  return TRUE;
}

/* Clicks into the note's text, goes to its end and types @text there, as
 * a person does (a newline is the Return key), @delay ms a key. */
static void
real_app_type_at_end (RealApp    *real,
                      const char *text,
                      guint       delay)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  g_autofree char *x_text = g_strdup_printf ("%d", real->text_x);
  g_autofree char *y_text = g_strdup_printf ("%d", real->text_y);
  g_autofree char *delay_text = g_strdup_printf ("%u", delay);
  char *click[] = { xdotool, (char *) "mousemove", (char *) "--sync", (char *) "--window", real->window_id,
                    x_text, y_text, (char *) "click", (char *) "1", NULL };
  char *end[] = { xdotool, (char *) "key", (char *) "--window", real->window_id, (char *) "ctrl+End", NULL };
  char *type[] = { xdotool, (char *) "type", (char *) "--delay", delay_text, (char *) text, NULL };

  g_assert_true (run_tool (click, NULL));
  g_assert_true (run_tool (end, NULL));
  g_assert_true (run_tool (type, NULL));
}

static void
test_nothing_lost (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  RealApp real;
  BatonClient *client;
  gint64 note_id;
  gint64 deadline;

  SKIP_WITHOUT_DISPLAY ();

  /* A workspace with one client and one note. */
  client = add_client (f, "Nothing Lost Inc");
  note_id = baton_record_get_id (BATON_RECORD (add_note (f, client, "Call", "Before the crash.")));
  if (!real_app_start (f, 1300, 850, NULL, NULL, &real))
    return;

  real_app_type_at_end (&real, " Typed, then killed.", 15);

  /* The autosave writes it (2 s after typing stops, by default); then the
   * application gets no chance to save anything more. */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  do
    {
      g_clear_pointer (&body, g_free);
      body = note_body_on_disk (f->path, note_id);
      if (body != NULL && strstr (body, "Typed, then killed.") != NULL)
        break;
      g_usleep (50 * 1000);
    }
  while (g_get_monotonic_time () < deadline);
  g_assert_true (real_app_running (&real));
  g_subprocess_send_signal (real.process, SIGKILL);
  real_app_stop (&real);
  if (body == NULL || strstr (body, "Typed, then killed.") == NULL)
    g_test_message ("The note holds: %s", body);

  /* After the kill: the workspace opens and holds the text. */
  f->store = baton_store_open (f->path, &error);
  g_assert_no_error (error);
  {
    BatonNote *note = baton_store_lookup_note (f->store, note_id);

    g_assert_nonnull (note);
    g_assert_nonnull (baton_note_get_body (note));
    g_assert_nonnull (strstr (baton_note_get_body (note), "Typed, then killed."));
    g_assert_true (g_str_has_prefix (baton_note_get_body (note), "Before the crash."));
  }
}

/* Typing in the real application until the note outgrows the editor: key
 * presses from the X server, handled while frames are drawn by the
 * application's own renderer, and the editor scrolling to the cursor after
 * each Return. Any warning ends the application ("Trying to snapshot
 * GtkGizmo … without a current allocation", the scrollbar's trough, was
 * one); it must still run, with every line saved. */
static void
test_editor_grows_typing (Fixture       *f,
                          gconstpointer  data)
{
  static const char * const env[] = {
    "G_DEBUG=gc-friendly,fatal-warnings",
    "GSK_RENDERER=",            /* the renderer a person gets, not the tests' */
    NULL
  };
  static const guint n_lines = 40;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *body = NULL;
  g_autofree char *last = NULL;
  g_autofree char *errors = NULL;
  RealApp real;
  BatonClient *client;
  gint64 note_id;
  gint64 deadline;
  gboolean running;

  SKIP_WITHOUT_DISPLAY ();

  client = add_client (f, "Acme");
  note_id = baton_record_get_id (BATON_RECORD (add_note (f, client, "Kick-off", "## Agenda")));
  /* The size of the window in which it was seen. */
  if (!real_app_start (f, 1100, 720, "autosave-delay=250\n", env, &real))
    return;

  g_string_append_c (text, '\n');
  for (guint i = 1; i <= n_lines; i++)
    g_string_append_printf (text, "Line %u of the growing note\n", i);
  last = g_strdup_printf ("Line %u of the growing note", n_lines);
  real_app_type_at_end (&real, text->str, 8);

  /* Until the last line is saved, or the application is gone. */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while ((running = real_app_running (&real)) && g_get_monotonic_time () < deadline)
    {
      g_clear_pointer (&body, g_free);
      body = note_body_on_disk (f->path, note_id);
      if (body != NULL && strstr (body, last) != NULL)
        break;
      g_usleep (50 * 1000);
    }

  errors = real_app_stderr (&real);
  real_app_stop (&real);
  if (!running || strstr (errors, "Trying to snapshot") != NULL)
    g_test_message ("The application's standard error: %s", errors);
  g_assert_true (running);
  g_assert_null (strstr (errors, "Trying to snapshot"));
  g_assert_nonnull (body);
  g_assert_nonnull (strstr (body, last));
}

/* Read-only workspace ----------------------------------------------------------------- */

/* A button for Edit Program of @program, put into @page: sensitive when
 * the action is there and enabled. */
static GtkWidget *
edit_program_probe (BatonClientPage *page,
                    BatonProgram    *program)
{
  GtkWidget *probe = gtk_button_new ();

  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), "clients.edit-program");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (probe), "x", (gint64) baton_record_get_id (BATON_RECORD (program)));
  gtk_box_append (GTK_BOX (baton_client_page_get_board_hint (page)), probe);

  return probe;
}

/* A workspace file that cannot be written opens read-only: in the Clients
 * view nothing can be edited (the contact fields are not editable and
 * say why, programs do not open their dialog, Edit Program is disabled),
 * and the file stays as it was. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  static const char * const fields[] = { "name", "organization", "contact-name", "email", "phone" };
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BatonClientPage *page;
  BatonProgram *program;
  GtkWidget *probe;
  GtkWidget *dialog;
  GtkListBoxRow *row;

  SKIP_WITHOUT_DISPLAY ();

  /* In a workspace that can be written, Edit Program is there and enabled. */
  {
    BatonClient *client = add_client (f, "Writable");

    program = baton_store_create_program (f->store, client, "Onboarding", &error);
    g_assert_no_error (error);
    open_window (f);
    baton_test_wait_for (g_list_model_get_n_items (baton_client_page_get_programs (page_of (f))) == 1, 5000);
    probe = edit_program_probe (page_of (f), program);
    g_assert_true (gtk_widget_get_sensitive (probe));
    gtk_box_remove (GTK_BOX (baton_client_page_get_board_hint (page_of (f))), probe);
    close_window (f);
  }

  /* A client with a contact, a program and a note. */
  {
    g_autoptr(BatonStore) store = baton_store_open (ws->path, &error);
    BatonClient *client;

    g_assert_no_error (error);
    client = baton_store_create_client (store, "Acme", NULL, &error);
    g_assert_no_error (error);
    g_assert_true (baton_store_update (store, client, &error, "email", "ada@example.com", "phone", "+1 202-555-0143", NULL));
    g_assert_nonnull (baton_store_create_program (store, client, "Onboarding", &error));
    g_assert_nonnull (baton_store_create_note (store, client, NULL, "Kick-off", "Agenda", &error));
    g_assert_no_error (error);
  }
  if (!baton_test_make_unwritable (ws->path))
    return;
  before = baton_test_folder_state (ws->path);
  g_clear_object (&f->store);
  f->store = baton_store_open (ws->path, &error);
  /* The store stays read-only; an aborted test leaves no file that even
   * root cannot remove. */
  baton_test_make_writable (ws->path);
  g_assert_no_error (error);
  g_assert_true (baton_store_get_read_only (f->store));

  open_window (f);
  page = page_of (f);
  baton_test_wait_for (baton_clients_view_get_client (f->view) != NULL, 5000);
  baton_test_wait_for (g_list_model_get_n_items (baton_client_page_get_programs (page)) == 1, 5000);
  program = g_list_model_get_item (baton_client_page_get_programs (page), 0);
  g_object_unref (program);

  /* The contact fields can be read, not changed, and say why. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *entry;
      g_autoptr(GPtrArray) entries = g_ptr_array_new ();

      collect (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, entries);
      g_assert_cmpuint (entries->len, ==, G_N_ELEMENTS (fields));
      entry = g_ptr_array_index (entries, i);
      g_debug ("%s: editable %d, tooltip %s", fields[i], gtk_editable_get_editable (GTK_EDITABLE (entry)),
               gtk_widget_get_tooltip_text (entry));
      g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (entry)));
      g_assert_false (adw_entry_row_get_show_apply_button (ADW_ENTRY_ROW (entry)));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (entry), ==, "This workspace is read-only");
    }

  /* The page's menus (new notes; archive or restore) offer nothing. */
  {
    g_autoptr(GPtrArray) menus = g_ptr_array_new ();

    collect (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON, menus);
    g_assert_cmpuint (menus->len, >, 0);
    for (guint i = 0; i < menus->len; i++)
      g_assert_false (gtk_widget_get_sensitive (g_ptr_array_index (menus, i)));
  }

  /* Edit Program is disabled: a button for it would be insensitive, the
   * program's row does not open it, and neither does the action. */
  probe = edit_program_probe (page, program);
  g_assert_false (gtk_widget_get_sensitive (probe));
  gtk_box_remove (GTK_BOX (baton_client_page_get_board_hint (page)), probe);
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();

    collect (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW, rows);
    row = NULL;
    for (guint i = 0; i < rows->len; i++)
      if (BATON_IS_PROGRAM_ROW (g_ptr_array_index (rows, i)) &&
          baton_program_row_get_program (g_ptr_array_index (rows, i)) == program)
        row = g_ptr_array_index (rows, i);
  }
  g_assert_nonnull (row);
  g_assert_false (gtk_list_box_row_get_activatable (row));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), ==, "This workspace is read-only");
  g_signal_emit_by_name (row, "activate");
  gtk_widget_activate_action (GTK_WIDGET (page), "clients.edit-program", "x",
                              (gint64) baton_record_get_id (BATON_RECORD (program)));
  baton_test_drain ();
  g_assert_null (find_toplevel (BATON_TYPE_PROGRAM_DIALOG));

  /* The dialog, opened anyway, shows the program and does not save it. */
  dialog = baton_program_dialog_new (GTK_WINDOW (f->window), f->store, baton_clients_view_get_client (f->view), program);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (baton_program_dialog_get_field (BATON_PROGRAM_DIALOG (dialog), "name"))));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (baton_program_dialog_get_field (BATON_PROGRAM_DIALOG (dialog), "description"))));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_activate_action (dialog, "program.save", NULL);
  baton_test_drain ();
  /* Saving would have closed it. */
  g_assert_true (find_toplevel (BATON_TYPE_PROGRAM_DIALOG) == (gpointer) dialog);
  destroy_and_wait (GTK_WINDOW (dialog));

  /* The note cannot be typed into either. */
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (baton_note_editor_get_text_view (editor_of (f)))));

  close_window (f);
  g_clear_object (&f->store);
  after = baton_test_folder_state (ws->path);
  g_assert_cmpstr (after, ==, before);
}

/* Accessible names ---------------------------------------------------------------------- */

/* @text without its mnemonic underscores, as a label shows it. */
static char *
without_mnemonic (const char *text)
{
  GString *plain = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (plain, *p);
    }

  return g_string_free (plain, FALSE);
}

/* How many widgets under @root a screen reader would name wrongly by
 * their mnemonic ("_Retry Retry"): see baton_test_describe_mnemonic_names. */
static guint
count_mnemonic_names (GtkWidget *root)
{
  g_autoptr(GString) found = g_string_new (NULL);
  guint n = 0;

  baton_test_describe_mnemonic_names (root, G_TYPE_INVALID, found);
  for (const char *p = found->str; *p != '\0'; p++)
    n += *p == '\n';
  if (n > 0)
    g_debug ("%s", found->str);

  return n;
}

/* Buttons and check buttons with mnemonics are named by their plain text:
 * the view, the dialogs it opens (Add Client, Edit Program, Note Not
 * Saved). */
static void
test_accessible_names (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *plain = without_mnemonic ("Save a _Copy As…");
  BatonClient *client;
  BatonProgram *program;
  GtkWidget *dialog;
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_DISPLAY ();

  g_assert_cmpstr (plain, ==, "Save a Copy As…");

  /* The empty view (its Add a Client button), then a client's page. */
  open_window (f);
  g_assert_cmpuint (count_mnemonic_names (GTK_WIDGET (f->view)), ==, 0);
  activate (f, "clients.add-client", NULL);
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (count_mnemonic_names (dialog), ==, 0);
  destroy_and_wait (GTK_WINDOW (dialog));
  close_window (f);

  client = add_client (f, "Acme");
  program = baton_store_create_program (f->store, client, "Onboarding", &error);
  g_assert_no_error (error);
  open_window (f);
  baton_test_wait_for (g_list_model_get_n_items (baton_client_page_get_programs (page_of (f))) == 1, 5000);
  g_assert_cmpuint (count_mnemonic_names (GTK_WIDGET (f->view)), ==, 0);
  dialog = baton_program_dialog_new (GTK_WINDOW (f->window), f->store, client, program);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpuint (count_mnemonic_names (dialog), ==, 0);
  destroy_and_wait (GTK_WINDOW (dialog));
}

/* Note Not Saved names its buttons Retry, Save a Copy As…, Discard. */
static void
test_unsaved_accessible_names (Fixture       *f,
                               gconstpointer  data)
{
  Unsaved u = { 0 };

  SKIP_WITHOUT_DISPLAY ();

  /* Note Not Saved: Retry, Save a Copy As…, Discard. */
  unsaved_set_up (&u, f, "typed");
  g_assert_cmpuint (count_mnemonic_names (GTK_WIDGET (baton_clients_view_get_unsaved_dialog (f->view))), ==, 0);
  baton_test_release_lock (u.lock);
  adw_message_dialog_response (baton_clients_view_get_unsaved_dialog (f->view), "retry");
  unsaved_window_closed (&u);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  if (gtk_init_check ())
    {
      g_autoptr(GError) error = NULL;

      app = baton_application_new ();
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/clients/editor/switch-client-shows-text", test_switch_client_shows_text);
  ADD ("/clients/empty-states", test_empty_states);
  ADD ("/clients/first-run", test_first_run);
  ADD ("/clients/autosave/after-delay", test_autosave_after_delay);
  ADD ("/clients/autosave/on-leaving", test_autosave_on_leaving);
  ADD ("/clients/markup-literal", test_markup_literal);
  ADD ("/clients/export", test_export);
  ADD ("/clients/search", test_search);
  ADD ("/clients/contact-validation", test_contact_validation);
  ADD ("/clients/programs", test_programs);
  ADD ("/clients/program-unchanged", test_program_unchanged);
  ADD ("/clients/german-fits", test_german_fits);
  ADD ("/clients/editor/status-readable", test_status_readable);
  ADD ("/clients/editor/title-wraps", test_title_wraps);
  ADD ("/clients/read-only", test_read_only);
  ADD ("/clients/accessible-names", test_accessible_names);
  ADD ("/clients/templates-and-history", test_templates_and_history);
  ADD ("/clients/promote", test_promote);
  ADD ("/clients/editor/grows", test_editor_grows);
  ADD ("/clients/editor/grows-typing", test_editor_grows_typing);
  ADD ("/clients/editor/font-decimal-comma", test_font_decimal_comma);
  ADD ("/clients/unsaved/quit-then-retry", test_unsaved_quit_retry);
  ADD ("/clients/unsaved/retries-by-itself", test_unsaved_retry_by_itself);
  ADD ("/clients/unsaved/save-copy", test_unsaved_save_copy);
  ADD ("/clients/unsaved/keep-open", test_unsaved_keep_open);
  ADD ("/clients/unsaved/leaving-note", test_unsaved_leaving_note);
  ADD ("/clients/unsaved/back-to-note", test_unsaved_back_to_note);
  ADD ("/clients/unsaved/accessible-names", test_unsaved_accessible_names);
  ADD ("/clients/screenshot-setup", test_screenshot_setup);
  ADD ("/clients/nothing-lost", test_nothing_lost);
#undef ADD

  ret = g_test_run ();

  g_clear_object (&app);

  return ret;
}
