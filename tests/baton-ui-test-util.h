/* baton-ui-test-util.h — main-loop helpers for the UI tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only: each UI test program, benchmark and the screenshot tool
 * includes it once.
 */
#pragma once

#include <gtk/gtk.h>

typedef gboolean (*BatonTestPredicate) (gpointer data);

/* Runs the main context until @predicate holds, for at most @timeout_ms. */
static inline gboolean
baton_test_wait_until (BatonTestPredicate predicate,
                       gpointer           data,
                       guint              timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!predicate (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

/* Runs the main context for @ms milliseconds. */
static inline void
baton_test_run_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static inline gboolean
baton_test_widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* @data points at a pointer (a weak pointer, say). */
static inline gboolean
baton_test_pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* xdotool ------------------------------------------------------------------ */

#include <stdio.h>
#include <string.h>

typedef struct
{
  gboolean done;
  gint     status;
} BatonTestChild;

static inline void
baton_test_child_exited (GPid     pid,
                         gint     status,
                         gpointer user_data)
{
  BatonTestChild *child = user_data;

  child->status = status;
  child->done = TRUE;
  g_spawn_close_pid (pid);
}

static inline gboolean
baton_test_child_done (gpointer data)
{
  return ((BatonTestChild *) data)->done;
}

/* Is xdotool there, on an X11 display? Otherwise says why in @reason. */
static inline gboolean
baton_test_have_xdotool (const char **reason)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  if (xdotool == NULL)
    {
      *reason = "xdotool is not installed";
      return FALSE;
    }
  if (g_getenv ("DISPLAY") == NULL ||
      !g_str_equal (G_OBJECT_TYPE_NAME (gdk_display_get_default ()), "GdkX11Display"))
    {
      *reason = "not an X11 display";
      return FALSE;
    }

  return TRUE;
}

/* Runs xdotool with @args (NULL-terminated), iterating the main loop
 * while it runs: the app must see the events as they come. */
static inline gboolean
baton_test_xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  BatonTestChild child = { FALSE, 0 };
  GPid pid;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_async (NULL, (char **) argv->pdata, NULL,
                      G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      g_test_message ("xdotool: %s", error->message);
      return FALSE;
    }
  g_child_watch_add (pid, baton_test_child_exited, &child);

  if (!baton_test_wait_until (baton_test_child_done, &child, 5000))
    return FALSE;

  return g_spawn_check_wait_status (child.status, NULL);
}

/* The screen position of (@x, @y) in @widget's coordinates, for xdotool:
 * the toplevel's X window origin (found by its title; 0,0 without a
 * window manager), its surface transform (client-side shadows), then
 * the widget within the window. */
static inline gboolean
baton_test_screen_point (GtkWidget *widget,
                         double     x,
                         double     y,
                         int       *screen_x,
                         int       *screen_y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  const char *title = GTK_IS_WINDOW (native) ? gtk_window_get_title (GTK_WINDOW (native)) : NULL;
  double surface_x = 0, surface_y = 0;
  int origin_x = 0, origin_y = 0;
  graphene_point_t point;

  if (native == NULL ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (native), &GRAPHENE_POINT_INIT ((float) x, (float) y), &point))
    return FALSE;
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);

  if (title != NULL)
    {
      g_autofree char *id = NULL;
      g_autofree char *geometry = NULL;
      g_autofree char *search = NULL;
      g_autofree char *get = NULL;
      g_autofree char *pattern = g_strdup_printf ("^%s$", title);
      g_autofree char *quoted = g_shell_quote (pattern);
      const char *position;

      search = g_strdup_printf ("xdotool search --onlyvisible --name %s", quoted);
      if (g_spawn_command_line_sync (search, &id, NULL, NULL, NULL) && id != NULL && id[0] != '\0')
        {
          g_strstrip (id);
          if (strchr (id, '\n') != NULL)
            *strchr (id, '\n') = '\0';
          get = g_strdup_printf ("xdotool getwindowgeometry %s", id);
          if (g_spawn_command_line_sync (get, &geometry, NULL, NULL, NULL) && geometry != NULL &&
              (position = strstr (geometry, "Position: ")) != NULL &&
              sscanf (position, "Position: %d,%d", &origin_x, &origin_y) != 2)
            origin_x = origin_y = 0;
        }
    }

  *screen_x = origin_x + (int) (surface_x + point.x);
  *screen_y = origin_y + (int) (surface_y + point.y);
  return TRUE;
}

/* Moves the pointer to (@x, @y) of @widget (and so, without a window
 * manager, the keyboard focus to its window), then clicks if @button > 0. */
static inline gboolean
baton_test_xdotool_pointer (GtkWidget *widget,
                            double     x,
                            double     y,
                            int        button)
{
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;
  g_autofree char *sbutton = g_strdup_printf ("%d", button);
  int screen_x, screen_y;

  if (!baton_test_screen_point (widget, x, y, &screen_x, &screen_y))
    return FALSE;
  sx = g_strdup_printf ("%d", screen_x);
  sy = g_strdup_printf ("%d", screen_y);

  {
    const char *move[] = { "mousemove", sx, sy, NULL };
    const char *click[] = { "mousemove", sx, sy, "click", sbutton, NULL };

    return baton_test_xdotool (button > 0 ? click : move);
  }
}

/* Idle ----------------------------------------------------------------------- */

/* Runs the main context for @ms milliseconds and returns how many
 * iterations dispatched something (a timeout, an idle, a frame, an event):
 * 0 means the application did no work at all in that time. */
static inline guint
baton_test_count_dispatches (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;
  guint n = 0;

  while (g_get_monotonic_time () < until)
    {
      if (g_main_context_iteration (NULL, FALSE))
        n++;
      else
        g_usleep (1000);
    }

  return n;
}

/* Gives @window the X input focus, as a window manager would after a
 * click: keys then go to it wherever the pointer (or a drag icon) is. */
static inline gboolean
baton_test_xdotool_focus_window (GtkWindow *window)
{
  g_autofree char *pattern = g_strdup_printf ("^%s$", gtk_window_get_title (window));
  g_autofree char *quoted = g_shell_quote (pattern);
  g_autofree char *search = g_strdup_printf ("xdotool search --onlyvisible --name %s", quoted);
  g_autofree char *id = NULL;

  if (!g_spawn_command_line_sync (search, &id, NULL, NULL, NULL) || id == NULL || id[0] == '\0')
    return FALSE;
  g_strstrip (id);
  if (strchr (id, '\n') != NULL)
    *strchr (id, '\n') = '\0';

  {
    const char *focus[] = { "windowfocus", "--sync", id, NULL };

    return baton_test_xdotool (focus);
  }
}
