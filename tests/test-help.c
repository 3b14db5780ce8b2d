/* test-help.c — F1 and the user help
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-help"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "baton-application.h"
#include "baton-help-window.h"
#include "baton-store.h"
#include "baton-test-util.h"
#include "baton-ui-test-util.h"

static GApplication *app;
static char         *tmp;        /* this test's folder */
static char         *data_dir;   /* in XDG_DATA_DIRS: where help pages may be installed */

#define SKIP_WITHOUT_DISPLAY()                          \
  G_STMT_START {                                        \
    if (app == NULL)                                    \
      {                                                 \
        baton_test_missing_requirement ("no display");  \
        return;                                         \
      }                                                 \
  } G_STMT_END

/* Mallard ---------------------------------------------------------------------------- */

typedef struct
{
  GPtrArray *texts;     /* the title, then each paragraph */
  GString   *text;      /* the element being read, or NULL */
  guint      info;      /* depth inside <info> */
} PageReader;

static void
page_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              data,
            GError              **error)
{
  PageReader *reader = data;

  if (g_str_equal (element, "info"))
    reader->info++;
  else if (reader->info == 0 && (g_str_equal (element, "title") || g_str_equal (element, "p")))
    reader->text = g_string_new (NULL);
  else if (reader->text != NULL)
    g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                 "<%s> inside a paragraph: the help window shows plain text", element);
}

static void
page_end (GMarkupParseContext  *context,
          const char           *element,
          gpointer              data,
          GError              **error)
{
  PageReader *reader = data;

  if (g_str_equal (element, "info"))
    reader->info--;
  else if (reader->text != NULL)
    g_ptr_array_add (reader->texts, g_string_free (g_steal_pointer (&reader->text), FALSE));
}

static void
page_text (GMarkupParseContext  *context,
           const char           *text,
           gsize                 len,
           gpointer              data,
           GError              **error)
{
  PageReader *reader = data;

  if (reader->text != NULL)
    g_string_append_len (reader->text, text, (gssize) len);
}

/* The title and paragraphs of a Mallard page, outside its <info>. */
static GPtrArray *
read_page (const char *path)
{
  static const GMarkupParser parser = { page_start, page_end, page_text, NULL, NULL };
  PageReader reader = { g_ptr_array_new_with_free_func (g_free), NULL, 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_markup_parse_context_parse (context, contents, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reader.texts->len, >=, 2);

  return reader.texts;
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_ancestor (widget, ADW_TYPE_CLAMP) != NULL)
    g_ptr_array_add (texts, (gpointer) gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

static gboolean
is_heading (GtkWidget     *widget,
            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0 &&
         gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_HEADING;
}

/* The window says what the Mallard pages say: each page's title as a
 * heading, then its paragraphs, and nothing else. */
static void
test_window_matches_pages (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("BATON_SOURCE_ROOT"), "help", "C", NULL);
  g_autoptr(GDir) pages = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  const char *name;
  guint n_texts = 0;
  guint n_pages = 0;

  SKIP_WITHOUT_DISPLAY ();

  window = baton_help_window_new (NULL);
  collect_labels (window, shown);

  pages = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (pages)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) texts = NULL;
      guint start;

      if (!g_str_has_suffix (name, ".page"))
        continue;
      path = g_build_filename (dir, name, NULL);
      texts = read_page (path);
      n_pages++;
      n_texts += texts->len;

      /* The title, as a heading, then the paragraphs in order. */
      g_assert_true (g_ptr_array_find_with_equal_func (shown, texts->pdata[0], g_str_equal, &start));
      g_assert_nonnull (baton_test_find_widget (window, is_heading, texts->pdata[0]));
      for (guint i = 1; i < texts->len; i++)
        {
          g_assert_cmpuint (start + i, <, shown->len);
          g_assert_cmpstr (shown->pdata[start + i], ==, texts->pdata[i]);
        }
    }

  g_assert_cmpuint (n_pages, ==, 5);
  g_assert_cmpuint (shown->len, ==, n_texts);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* F1 ----------------------------------------------------------------------------------- */

static BatonWindow *
open_window (void)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  BatonWindow *window;

  store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  window = baton_window_new (GTK_APPLICATION (app), store);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
press_f1 (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");

  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
}

/* No Yelp (a fresh Debian has none): the help window, over the window. */
static void
test_f1_without_yelp (void)
{
  g_autofree char *bin = g_build_filename (tmp, "empty-bin", NULL);
  BatonWindow *window;
  BatonHelpWindow *help = NULL;

  SKIP_WITHOUT_DISPLAY ();

  g_mkdir_with_parents (bin, 0700);
  g_setenv ("PATH", bin, TRUE);

  window = open_window ();
  press_f1 ();
  baton_test_wait_for ((help = baton_test_find_toplevel (BATON_TYPE_HELP_WINDOW)) != NULL, 5000);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (help)) == GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (help)), ==, "Baton Help");

  baton_test_destroy_window (GTK_WINDOW (help));
  baton_test_destroy_window (GTK_WINDOW (window));
}

static gboolean
file_has_text (gpointer data)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (data, &contents, NULL, NULL) && strchr (contents, '\n') != NULL;
}

/* Yelp and the pages installed: Yelp opens help:baton, and no window. */
static void
test_f1_with_yelp (void)
{
  g_autofree char *bin = g_build_filename (tmp, "yelp-bin", NULL);
  g_autofree char *yelp = g_build_filename (bin, "yelp", NULL);
  g_autofree char *record = g_build_filename (tmp, "yelp-args", NULL);
  /* Only shell built-ins: PATH holds nothing else. */
  g_autofree char *script = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$@\" > '%s'\n", record);
  g_autofree char *pages = g_build_filename (data_dir, "help", "C", "baton", NULL);
  g_autofree char *index = g_build_filename (pages, "index.page", NULL);
  g_autofree char *args = NULL;
  g_autoptr(GError) error = NULL;
  BatonWindow *window;

  SKIP_WITHOUT_DISPLAY ();

  g_mkdir_with_parents (bin, 0700);
  g_file_set_contents (yelp, script, -1, &error);
  g_assert_no_error (error);
  g_chmod (yelp, 0700);
  g_setenv ("PATH", bin, TRUE);

  window = open_window ();

  /* Yelp without the pages installed cannot show them: the window. */
  press_f1 ();
  g_assert_nonnull (baton_test_find_toplevel (BATON_TYPE_HELP_WINDOW));
  g_assert_false (g_file_test (record, G_FILE_TEST_EXISTS));
  baton_test_destroy_window (baton_test_find_toplevel (BATON_TYPE_HELP_WINDOW));

  g_mkdir_with_parents (pages, 0700);
  g_file_set_contents (index, "<page/>", -1, &error);
  g_assert_no_error (error);

  press_f1 ();
  g_assert_true (baton_test_wait_until (file_has_text, record, 10000));
  g_file_get_contents (record, &args, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (args, ==, "help:baton\n");
  g_assert_null (baton_test_find_toplevel (BATON_TYPE_HELP_WINDOW));

  baton_test_destroy_window (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dirs = NULL;
  const char *old_dirs;
  int ret;

  g_test_init (&argc, &argv, NULL);

  tmp = g_dir_make_tmp ("baton-help-XXXXXX", NULL);
  g_assert_nonnull (tmp);
  /* Before anything reads them: GLib keeps the data folders it found. */
  data_dir = g_build_filename (tmp, "share", NULL);
  old_dirs = g_getenv ("XDG_DATA_DIRS");
  dirs = g_strconcat (data_dir, ":", old_dirs && old_dirs[0] ? old_dirs : "/usr/local/share:/usr/share", NULL);
  g_setenv ("XDG_DATA_DIRS", dirs, TRUE);
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);

  if (gtk_init_check ())
    app = baton_test_register_application (G_APPLICATION (baton_application_new ()));
  else
    g_debug ("No display: every case is skipped");

  g_test_add_func ("/help/window-matches-pages", test_window_matches_pages);
  g_test_add_func ("/help/f1/without-yelp", test_f1_without_yelp);
  g_test_add_func ("/help/f1/with-yelp", test_f1_with_yelp);

  ret = g_test_run ();

  g_clear_object (&app);
  baton_test_rm_rf (tmp);
  g_free (data_dir);
  g_free (tmp);

  return ret;
}
