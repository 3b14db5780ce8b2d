/* screenshot.c — PNGs of each view with the demo workspace, light and dark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: screenshot OUTPUT-DIR   (build-aux/dev screenshot runs it under Xvfb)
 *
 * Opens the demo workspace in a fresh temporary file, shows the real main
 * window at 1400×900, and for each view and color scheme renders the window
 * with its own renderer into OUTPUT-DIR/<view>-<light|dark>.png. The
 * metainfo's screenshots are taken at the window's default size, 1100×720,
 * light, into OUTPUT-DIR/metainfo/<view>.png (build-aux/dev screenshot
 * reduces them into data/screenshots/).
 *
 * Usage: screenshot OUTPUT-DIR --sizes [LOCALEDIR]
 *
 * Each view, at 360, 700 and 1100 px wide, light and dark, into
 * OUTPUT-DIR/<view>-<width>-<light|dark>.png, in the language of the
 * environment (LANGUAGE=de LANG=de_DE.UTF-8), with the messages from
 * LOCALEDIR (build/po) when given; ADW_DEBUG_HIGH_CONTRAST=1 for high
 * contrast. To look at every layout in every language.
 */

#define G_LOG_DOMAIN "screenshot"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "baton-application.h"
#include "baton-client-page.h"
#include "baton-clients-view.h"
#include "baton-dates.h"
#include "baton-demo.h"
#include "baton-report-dialog.h"
#include "baton-report-status.h"
#include "baton-store.h"
#include "baton-window.h"
#include "baton-ui-test-util.h"

static gboolean
save_window (GtkWidget   *window,
             const char  *path,
             GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The window drew nothing");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", path);
      return FALSE;
    }

  return TRUE;
}

/* The clients view's picture: the first client listed, with its needs
 * analysis open. */
static void
prepare_clients (GtkWidget *window)
{
  BatonClientsView *view = baton_test_find_descendant (window, BATON_TYPE_CLIENTS_VIEW);
  GListModel *clients;
  g_autoptr(BatonClient) first = NULL;
  GListModel *notes;

  g_return_if_fail (view != NULL);

  clients = baton_clients_view_get_clients (view);
  if (g_list_model_get_n_items (clients) == 0)
    return;

  first = g_list_model_get_item (clients, 0);
  baton_clients_view_select_client (view, first);

  notes = baton_client_page_get_notes (BATON_CLIENT_PAGE (baton_clients_view_get_client_page (view)));
  for (guint i = 0; i < g_list_model_get_n_items (notes); i++)
    {
      g_autoptr(BatonNote) note = g_list_model_get_item (notes, i);
      const char *title = baton_note_get_title (note);

      if (title != NULL && g_str_has_prefix (title, "Needs analysis"))
        {
          baton_clients_view_open_note (view, note, -1, 0);
          break;
        }
    }
}

/* A view may want a particular state for its picture (the clients view
 * opens a needs analysis), set up with its public API. */
static void
prepare_view (GtkWidget  *window,
              const char *view)
{
  if (g_str_equal (view, "clients"))
    prepare_clients (window);
}

/* The client with the most programs: the fullest status report. */
static gint64
fullest_client (BatonStore *store)
{
  GListModel *programs = baton_store_get_programs (store);
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  gint64 best = 0;
  guint best_count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(BatonProgram) program = g_list_model_get_item (programs, i);
      gpointer key = GSIZE_TO_POINTER ((gsize) baton_program_get_client_id (program));
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1;

      g_hash_table_insert (counts, key, GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best_count = count;
          best = baton_program_get_client_id (program);
        }
    }
  return best;
}

/* Page 1 of each report, as it prints. */
static gboolean
save_reports (BatonStore  *store,
              const char  *outdir,
              GError     **error)
{
  BatonCapacitySettings settings;
  BatonStatusReportOptions options;
  g_autoptr(BatonReportDoc) status = NULL;
  g_autoptr(BatonReportDoc) capacity = NULL;
  g_autofree char *status_path = g_build_filename (outdir, "report-status.png", NULL);
  g_autofree char *capacity_path = g_build_filename (outdir, "report-capacity.png", NULL);
  guint32 today = baton_date_today ();

  baton_capacity_settings_init_default (&settings);
  baton_status_report_options_init (&options, fullest_client (store), today);
  options.author = "Robin Coordinator";
  status = baton_status_report_new (store, &settings, &options, error);
  if (status == NULL || !baton_report_doc_write_png (status, status_path, BATON_PAPER_A4, 0, 110, error))
    return FALSE;
  g_print ("%s\n", status_path);

  capacity = baton_capacity_report_new (store, &settings, today, 13, today, "Robin Coordinator", error);
  if (capacity == NULL || !baton_report_doc_write_png (capacity, capacity_path, BATON_PAPER_A4, 0, 110, error))
    return FALSE;
  g_print ("%s\n", capacity_path);
  return TRUE;
}

/* Removes the demo workspace's folder and its files. */
static void
remove_tmpdir (const char *tmpdir)
{
  g_autoptr(GDir) dir = g_dir_open (tmpdir, 0, NULL);
  const char *file;

  while (dir != NULL && (file = g_dir_read_name (dir)))
    {
      g_autofree char *p = g_build_filename (tmpdir, file, NULL);
      g_unlink (p);
    }
  g_rmdir (tmpdir);
}

/* Every view at each width, light and dark (--sizes). */
static int
save_sizes (BatonApplication *app,
            BatonStore       *store,
            const char       *outdir)
{
  static const char *views[] = { "board", "capacity", "clients" };
  static const int widths[] = { 360, 700, 1100 };
  int margin = 0;
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GError) error = NULL;

  /* GNOME's window buttons (close alone), as test-adaptive measures. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint s = 0; s < 2; s++)
      {
        /* A window of its own for each width: a shown one keeps its size
         * under Xvfb. */
        BatonWindow *window = baton_window_new (GTK_APPLICATION (app), store);

        adw_style_manager_set_color_scheme (style, s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                          : ADW_COLOR_SCHEME_FORCE_DARK);
        gtk_window_set_default_size (GTK_WINDOW (window), widths[w] + margin, 720);
        gtk_window_present (GTK_WINDOW (window));
        baton_test_run_for (1200);
        /* Without a window manager the default size counts the
         * decorations' shadow too: measured on the first window. */
        if (margin == 0 && gtk_widget_get_width (GTK_WIDGET (window)) < widths[w])
          {
            margin = widths[w] - gtk_widget_get_width (GTK_WIDGET (window));
            gtk_window_destroy (GTK_WINDOW (window));
            window = baton_window_new (GTK_APPLICATION (app), store);
            gtk_window_set_default_size (GTK_WINDOW (window), widths[w] + margin, 720);
            gtk_window_present (GTK_WINDOW (window));
            baton_test_run_for (1200);
          }
        if (gtk_widget_get_width (GTK_WIDGET (window)) != widths[w])
          g_printerr ("screenshot: the window is %d px wide, not %d\n",
                      gtk_widget_get_width (GTK_WIDGET (window)), widths[w]);

        for (guint v = 0; v < G_N_ELEMENTS (views); v++)
          {
            g_autofree char *name = g_strdup_printf ("%s-%d-%s.png", views[v], widths[w], s == 0 ? "light" : "dark");
            g_autofree char *path = g_build_filename (outdir, name, NULL);

            gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[v]);
            /* A view is built when first shown: laid out before it opens
             * a note (in the same frame, 700 px wide, it drew nothing). */
            baton_test_run_for (600);
            prepare_view (GTK_WIDGET (window), views[v]);
            baton_test_run_for (1200);
            if (!save_window (GTK_WIDGET (window), path, &error))
              {
                g_printerr ("screenshot: %s\n", error->message);
                return 1;
              }
            g_print ("%s\n", path);
          }
        gtk_window_destroy (GTK_WINDOW (window));
        baton_test_run_for (200);
      }

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  static const char *views[] = { "board", "capacity", "clients" };
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(BatonApplication) app = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *db_path = NULL;
  const char *outdir = argc > 1 ? argv[1] : "screenshots";
  BatonDemoSize size;
  BatonWindow *window;
  AdwStyleManager *style;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, argc > 3 ? argv[3] : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gtk_init_check ())
    {
      g_printerr ("screenshot: no display (run it under xvfb-run)\n");
      return 1;
    }
  adw_init ();

  if (g_mkdir_with_parents (outdir, 0755) != 0)
    {
      g_printerr ("screenshot: cannot create %s\n", outdir);
      return 1;
    }

  tmpdir = g_dir_make_tmp ("baton-screenshot-XXXXXX", &error);
  if (tmpdir == NULL)
    {
      g_printerr ("screenshot: %s\n", error->message);
      return 1;
    }
  db_path = g_build_filename (tmpdir, "demo.db", NULL);

  store = baton_store_open (db_path, &error);
  baton_demo_size_init_default (&size);
  if (store == NULL || !baton_demo_generate (store, &size, &error))
    {
      g_printerr ("screenshot: %s\n", error->message);
      return 1;
    }

  app = baton_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("screenshot: %s\n", error->message);
      return 1;
    }

  if (argc > 2 && g_str_equal (argv[2], "--sizes"))
    {
      int status = save_sizes (app, store, outdir);

      g_clear_object (&store);
      remove_tmpdir (tmpdir);
      return status;
    }

  window = baton_window_new (GTK_APPLICATION (app), store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  style = adw_style_manager_get_default ();

  for (guint s = 0; s < 2; s++)
    {
      adw_style_manager_set_color_scheme (style, s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                        : ADW_COLOR_SCHEME_FORCE_DARK);

      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          g_autofree char *name = g_strdup_printf ("%s-%s.png", views[v], s == 0 ? "light" : "dark");
          g_autofree char *path = g_build_filename (outdir, name, NULL);

          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", views[v]);
          prepare_view (GTK_WIDGET (window), views[v]);
          baton_test_run_for (1200);

          if (!save_window (GTK_WIDGET (window), path, &error))
            {
              g_printerr ("screenshot: %s\n", error->message);
              return 1;
            }
          g_print ("%s\n", path);
        }
    }

  /* The capacity view with the rebalance panel open, light. */
  {
    g_autofree char *path = g_build_filename (outdir, "capacity-rebalance.png", NULL);

    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "capacity");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.view-action", "s", "rebalance");
    baton_test_run_for (1200);
    if (!save_window (GTK_WIDGET (window), path, &error))
      {
        g_printerr ("screenshot: %s\n", error->message);
        return 1;
      }
    g_print ("%s\n", path);
  }

  /* The metainfo's: each view at the default window size, light. */
  {
    g_autofree char *dir = g_build_filename (outdir, "metainfo", NULL);
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    int width = g_settings_get_int (settings, "window-width");
    int height = g_settings_get_int (settings, "window-height");

    BatonWindow *shown;

    g_mkdir_with_parents (dir, 0755);
    adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
    /* A window of its own: a shown one keeps its size under Xvfb. */
    shown = baton_window_new (GTK_APPLICATION (app), store);
    gtk_window_set_default_size (GTK_WINDOW (shown), width, height);
    gtk_window_present (GTK_WINDOW (shown));
    baton_test_run_for (1200);
    g_debug ("metainfo window: %d×%d", gtk_widget_get_width (GTK_WIDGET (shown)),
             gtk_widget_get_height (GTK_WIDGET (shown)));

    for (guint v = 0; v < G_N_ELEMENTS (views); v++)
      {
        g_autofree char *name = g_strdup_printf ("%s.png", views[v]);
        g_autofree char *path = g_build_filename (dir, name, NULL);

        gtk_widget_activate_action (GTK_WIDGET (shown), "win.show-view", "s", views[v]);
        prepare_view (GTK_WIDGET (shown), views[v]);
        baton_test_run_for (1200);

        if (!save_window (GTK_WIDGET (shown), path, &error))
          {
            g_printerr ("screenshot: %s\n", error->message);
            return 1;
          }
        g_print ("%s\n", path);
      }
    gtk_window_destroy (GTK_WINDOW (shown));
  }

  /* The report window over the clients view, light and dark, and narrow
   * (360 px: the settings, the preview a button away). */
  for (guint s = 0; s < 3; s++)
    {
      g_autofree char *name = g_strdup_printf ("report-dialog-%s.png",
                                               s == 0 ? "light" : s == 1 ? "dark" : "narrow");
      g_autofree char *path = g_build_filename (outdir, name, NULL);
      GtkWidget *dialog;

      adw_style_manager_set_color_scheme (style, s == 1 ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
      dialog = baton_report_dialog_new_status (GTK_WINDOW (window), store, NULL, fullest_client (store));
      if (s == 2)
        gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 720);
      gtk_window_present (GTK_WINDOW (dialog));
      baton_test_run_for (1200);
      if (!save_window (dialog, path, &error))
        {
          g_printerr ("screenshot: %s\n", error->message);
          return 1;
        }
      g_print ("%s\n", path);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  if (!save_reports (store, outdir, &error))
    {
      g_printerr ("screenshot: %s\n", error->message);
      return 1;
    }

  gtk_window_destroy (GTK_WINDOW (window));
  baton_test_run_for (100);
  g_clear_object (&store);

  remove_tmpdir (tmpdir);

  return 0;
}
