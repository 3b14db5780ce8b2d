/* startup-floor.c — the floor of bench-startup: a minimal libadwaita window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplication with an application id (so it registers on the session
 * bus as Baton does) whose window holds a header bar and a status page,
 * nothing else. It reports to bench-startup as Baton does
 * (src/shell/baton-startup-report.h): "cards" at its first painted frame,
 * "idle" once the main loop is idle after it.
 */

#include <adwaita.h>
#include <errno.h>
#include <unistd.h>

static int report_fd = -1;

static void
report (const char *event)
{
  char line[64];
  int len;

  if (report_fd < 0)
    return;
  len = g_snprintf (line, sizeof line, "%s %" G_GINT64_FORMAT "\n", event, g_get_monotonic_time ());
  while (write (report_fd, line, (size_t) len) < 0 && errno == EINTR)
    ;
}

static gboolean
report_idle (gpointer data)
{
  report ("idle");
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, data);
  report ("cards");
  g_idle_add_full (G_PRIORITY_LOW, report_idle, NULL, NULL);
}

static void
on_realize (GtkWidget *window,
            gpointer   data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static void
on_activate (GApplication *app,
             gpointer      data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "view-grid-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Floor");
  adw_status_page_set_description (ADW_STATUS_PAGE (status), "A minimal libadwaita window");
  gtk_widget_set_vexpand (status, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Floor");
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  g_signal_connect_after (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;
  const char *fd = g_getenv ("BATON_STARTUP_FD");

  if (fd != NULL)
    report_fd = atoi (fd);

  app = adw_application_new ("io.github.baton_app.BatonStartupFloor", G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
