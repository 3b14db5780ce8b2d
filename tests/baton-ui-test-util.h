/* baton-ui-test-util.h — main-loop helpers for the UI tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header-only: each UI test program, benchmark and the screenshot tool
 * includes it once.
 */
#pragma once

#include <adwaita.h>
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

/* Runs the main context until @cond (an expression) holds; an assertion
 * fails when it does not within @timeout_ms. For conditions too small for a
 * predicate function. */
#define baton_test_wait_for(cond, timeout_ms)                                   \
  G_STMT_START {                                                                \
    gint64 baton_deadline_ = g_get_monotonic_time () + (gint64) (timeout_ms) * 1000; \
    while (!(cond))                                                             \
      {                                                                         \
        if (g_get_monotonic_time () > baton_deadline_)                          \
          {                                                                     \
            g_assertion_message_expr (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, \
                                      "timed out waiting for " #cond);         \
            break;                                                              \
          }                                                                     \
        if (!g_main_context_iteration (NULL, FALSE))                            \
          g_usleep (1000);                                                      \
      }                                                                         \
  } G_STMT_END

/* Dispatches whatever is ready now (idles, a pending frame), so that a
 * test can check that something did NOT happen; bounded, as a running
 * animation is always ready. */
static inline void
baton_test_drain (void)
{
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Real pointer and keyboard (xdotool) -------------------------------------- */

/* The point (@x, @y) of @widget in root-window coordinates, through
 * popovers (popup surfaces placed relative to their parent's). Without a
 * window manager a toplevel sits at 0,0. */
static inline void
baton_test_screen_point (GtkWidget *widget,
                         double     x,
                         double     y,
                         int       *sx,
                         int       *sy)
{
  graphene_point_t in = GRAPHENE_POINT_INIT (x, y), out;
  GtkNative *native = gtk_widget_get_native (widget);
  double tx = 0, ty = 0;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out));
  gtk_native_get_surface_transform (native, &tx, &ty);
  out.x += tx;
  out.y += ty;

  while (GTK_IS_POPOVER (native))
    {
      GdkSurface *surface = gtk_native_get_surface (native);
      GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (native));

      out.x += gdk_popup_get_position_x (GDK_POPUP (surface));
      out.y += gdk_popup_get_position_y (GDK_POPUP (surface));
      native = gtk_widget_get_native (parent);
      gtk_native_get_surface_transform (native, &tx, &ty);
      out.x += tx;
      out.y += ty;
    }

  *sx = (int) (out.x + 0.5);
  *sy = (int) (out.y + 0.5);
}

/* The centre of @widget in root-window coordinates. */
static inline void
baton_test_screen_center (GtkWidget *widget,
                          int       *sx,
                          int       *sy)
{
  baton_test_screen_point (widget, gtk_widget_get_width (widget) / 2.0,
                           gtk_widget_get_height (widget) / 2.0, sx, sy);
}

static inline void
baton_test_on_process_exited (GObject      *source,
                              GAsyncResult *result,
                              gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

static inline gboolean
baton_test_flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

/* Runs xdotool with the NULL-terminated @args while the main loop runs,
 * until it exits (at most 15 s). Returns FALSE when it failed to run. */
static inline gboolean
baton_test_xdotool_argv (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");
  gboolean done = FALSE;

  if (xdotool == NULL)
    return FALSE;

  g_ptr_array_add (argv, xdotool);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                               &error);
  if (process == NULL)
    {
      g_debug ("xdotool: %s", error->message);
      return FALSE;
    }

  g_subprocess_wait_async (process, NULL, baton_test_on_process_exited, &done);
  if (!baton_test_wait_until (baton_test_flag_is_set, &done, 15000))
    {
      g_subprocess_force_exit (process);
      return FALSE;
    }
  if (!g_subprocess_get_successful (process))
    return FALSE;

  /* xdotool closes its display before it exits, so the server has made
   * the events it asked for and queued them for us. One round trip reads
   * them all, and dispatching hands them to the widgets, so the caller
   * sees what the events did — however loaded the machine is. */
  gdk_display_sync (gdk_display_get_default ());
  baton_test_drain ();

  return TRUE;
}

/* The same with a printf-style command line split on spaces, e.g.
 * baton_test_xdotool ("mousemove %d %d click 1", x, y). */
static inline gboolean G_GNUC_PRINTF (1, 2)
baton_test_xdotool (const char *format,
                    ...)
{
  g_autofree char *line = NULL;
  g_auto(GStrv) args = NULL;
  va_list ap;

  va_start (ap, format);
  line = g_strdup_vprintf (format, ap);
  va_end (ap);

  args = g_strsplit (line, " ", -1);
  return baton_test_xdotool_argv ((const char * const *) args);
}

/* Whether real pointer events can be sent: an X display and xdotool. */
static inline gboolean
baton_test_can_use_xdotool (GtkWidget *widget)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  return xdotool != NULL &&
         g_str_has_prefix (G_OBJECT_TYPE_NAME (gtk_widget_get_display (widget)), "GdkX11");
}

/* More real events (xdotool), idle ----------------------------------------- */

#include <string.h>

/* Is xdotool there, on an X11 display? Otherwise says why in @reason. */
static inline gboolean
baton_test_have_xdotool (GtkWidget   *widget,
                         const char **reason)
{
  if (baton_test_can_use_xdotool (widget))
    return TRUE;

  *reason = "no xdotool, or not an X11 display";
  return FALSE;
}

/* Moves the pointer to (@x, @y) of @widget (and so, without a window
 * manager, the keyboard focus to its window), then clicks @button if it is
 * not 0. */
static inline gboolean
baton_test_xdotool_pointer (GtkWidget *widget,
                            double     x,
                            double     y,
                            int        button)
{
  int sx, sy;

  baton_test_screen_point (widget, x, y, &sx, &sy);
  if (button > 0)
    return baton_test_xdotool ("mousemove %d %d click %d", sx, sy, button);

  return baton_test_xdotool ("mousemove %d %d", sx, sy);
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

  return baton_test_xdotool ("windowfocus --sync %s", id);
}

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

/* Accessibility ---------------------------------------------------------------- */

/* The accessible label set on @accessible, or NULL when it has none: what a
 * screen reader reads for a widget named in code (a card, whose parts have
 * no accessible objects; a calendar day; an icon button). Free it. */
static inline char *
baton_test_accessible_label (gpointer accessible)
{
  char *label;

  g_assert_true (GTK_IS_ACCESSIBLE (accessible));
  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;

  /* The check gives the value it found when it is not the one asked for,
   * and no label is a lone control character. */
  label = gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "\x01");
  return label != NULL ? label : g_strdup ("\x01");
}

/* Widgets in a tree ------------------------------------------------------------ */

typedef gboolean (*BatonTestWidgetMatch) (GtkWidget     *widget,
                                          gconstpointer  data);

/* Appends to @found each widget of the tree under @root (@root first, then
 * its children, depth first) that @match takes. */
static inline void
baton_test_collect_widgets (GtkWidget            *root,
                            BatonTestWidgetMatch  match,
                            gconstpointer         data,
                            GPtrArray            *found)
{
  if (match (root, data))
    g_ptr_array_add (found, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    baton_test_collect_widgets (child, match, data, found);
}

/* Those widgets, in a new array. */
static inline GPtrArray *
baton_test_find_widgets (GtkWidget            *root,
                         BatonTestWidgetMatch  match,
                         gconstpointer         data)
{
  GPtrArray *found = g_ptr_array_new ();

  baton_test_collect_widgets (root, match, data, found);
  return found;
}

/* The first of them, or NULL. */
static inline GtkWidget *
baton_test_find_widget (GtkWidget            *root,
                        BatonTestWidgetMatch  match,
                        gconstpointer         data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = baton_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* How many there are. */
static inline guint
baton_test_count_widgets (GtkWidget            *root,
                          BatonTestWidgetMatch  match,
                          gconstpointer         data)
{
  g_autoptr(GPtrArray) found = baton_test_find_widgets (root, match, data);

  return found->len;
}

/* Appends "Type “_Label”: why" to @found for each widget under @root (not
 * under a widget of type @skip, G_TYPE_INVALID for none) that a mnemonic
 * label names and whose accessible name would not read as that label does:
 * a label property of its own besides the mnemonic label ("_Retry Retry",
 * "Today Today"), or a label property with the underscore. */
static inline void
baton_test_describe_mnemonic_names (GtkWidget *root,
                                    GType      skip,
                                    GString   *found)
{
  if (skip != G_TYPE_INVALID && G_TYPE_CHECK_INSTANCE_TYPE (root, skip))
    return;

  if (GTK_IS_LABEL (root) && gtk_label_get_use_underline (GTK_LABEL (root)) &&
      gtk_label_get_mnemonic_widget (GTK_LABEL (root)) != NULL &&
      strchr (gtk_label_get_label (GTK_LABEL (root)), '_') != NULL)
    {
      GtkWidget *target = gtk_label_get_mnemonic_widget (GTK_LABEL (root));
      g_autofree char *own = baton_test_accessible_label (target);

      if (own != NULL && strchr (own, '_') != NULL)
        g_string_append_printf (found, "%s “%s”: its name keeps the underscore\n",
                                G_OBJECT_TYPE_NAME (target), own);
      else if (own != NULL &&
               gtk_test_accessible_has_relation (GTK_ACCESSIBLE (target), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        g_string_append_printf (found, "%s “%s”: named by its label and by “%s”, it says it twice\n",
                                G_OBJECT_TYPE_NAME (target), gtk_label_get_label (GTK_LABEL (root)), own);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    baton_test_describe_mnemonic_names (child, skip, found);
}

/* Asserts that no widget under @root has such a name; @what names the
 * place in the log. */
static inline void
baton_test_assert_mnemonic_names (GtkWidget  *root,
                                  GType       skip,
                                  const char *what)
{
  g_autoptr(GString) found = g_string_new (NULL);

  baton_test_describe_mnemonic_names (root, skip, found);
  if (found->len > 0)
    g_test_message ("%s:\n%s", what, found->str);
  g_assert_cmpstr (found->str, ==, "");
}

/* A match: @data points at a GType. */
static inline gboolean
baton_test_widget_is_of_type (GtkWidget     *widget,
                              gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, *(const GType *) data);
}

/* A match: a GtkLabel showing the text @data. */
static inline gboolean
baton_test_widget_is_label_with_text (GtkWidget     *widget,
                                      gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), data) == 0;
}

/* The first widget of @type under @root (@root included), or NULL. */
static inline gpointer
baton_test_find_descendant (GtkWidget *root,
                            GType      type)
{
  return baton_test_find_widget (root, baton_test_widget_is_of_type, &type);
}

/* The first toplevel window of @type, or NULL. */
static inline gpointer
baton_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* In a test case that needs real events: unless xdotool can reach
 * @widget's display, reports that the case cannot run — a skip, a failure
 * in CI (baton_test_missing_requirement (), baton-test-util.h) — and
 * returns from it. */
#define BATON_TEST_REQUIRE_XDOTOOL(widget)                                          \
  G_STMT_START {                                                                    \
    if (!baton_test_can_use_xdotool (GTK_WIDGET (widget)))                          \
      {                                                                             \
        baton_test_missing_requirement ("no xdotool, or not an X11 display");      \
        return;                                                                     \
      }                                                                             \
  } G_STMT_END

/* The application stylesheet ---------------------------------------------------- */

/* The application's variant stylesheets, as AdwApplication loads them:
 * each is loaded while its style is on. */
static const struct {
  const char *path;
  gboolean    dark;   /* only in the dark style */
  gboolean    hc;     /* only in high contrast */
} baton_test_style_variants[] = {
  { RESOURCE_PREFIX "/style-dark.css", TRUE, FALSE },
  { RESOURCE_PREFIX "/style-hc.css", FALSE, TRUE },
  { RESOURCE_PREFIX "/style-hc-dark.css", TRUE, TRUE },
};

static inline void
baton_test_update_style_variants (AdwStyleManager *manager,
                                  GParamSpec      *pspec,
                                  GtkCssProvider **providers)
{
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean hc = adw_style_manager_get_high_contrast (manager);

  for (guint i = 0; i < G_N_ELEMENTS (baton_test_style_variants); i++)
    {
      gboolean on = (!baton_test_style_variants[i].dark || dark) && (!baton_test_style_variants[i].hc || hc);

      if (providers[i] == NULL)
        continue;
      if (on)
        gtk_css_provider_load_from_resource (providers[i], baton_test_style_variants[i].path);
      else
        gtk_css_provider_load_from_data (providers[i], "", -1);
    }
}

/* Loads the application stylesheet (src/shell/style.css) on the default
 * display, once, as AdwApplication does at startup: for the programs that
 * show widgets without a BatonApplication, so that they look, and measure,
 * as in the window. Call it after gtk_init_check () and adw_init (). Like
 * AdwApplication, it also loads the style-dark.css, style-hc.css and
 * style-hc-dark.css that exist, while their style is on. */
static inline void
baton_test_load_stylesheet (void)
{
  static GtkCssProvider *provider;
  static GtkCssProvider *variants[G_N_ELEMENTS (baton_test_style_variants)];
  AdwStyleManager *manager;

  if (provider != NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  for (guint i = 0; i < G_N_ELEMENTS (baton_test_style_variants); i++)
    if (g_resources_get_info (baton_test_style_variants[i].path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
      {
        variants[i] = gtk_css_provider_new ();
        gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (variants[i]),
                                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      }

  if (!adw_is_initialized ())
    return;

  manager = adw_style_manager_get_default ();
  baton_test_update_style_variants (manager, NULL, variants);
  g_signal_connect (manager, "notify::dark", G_CALLBACK (baton_test_update_style_variants), variants);
  g_signal_connect (manager, "notify::high-contrast", G_CALLBACK (baton_test_update_style_variants), variants);
}

/* Windows ----------------------------------------------------------------------- */

/* Presents @window and waits until it is mapped; returns it. */
static inline gpointer
baton_test_show_window (GtkWindow *window)
{
  gtk_window_present (window);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, window, 5000));

  return window;
}

/* Destroys @window and waits until it is finalized. */
static inline void
baton_test_destroy_window (GtkWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (window);
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &weak, 5000));
}

/* Sets up @application as the UI tests run it, with no single-instance name
 * on the bus (tests may run side by side), and registers it; returns it. */
static inline gpointer
baton_test_register_application (GApplication *application)
{
  g_autoptr(GError) error = NULL;

  g_application_set_flags (application, G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_application_register (application, NULL, &error);
  g_assert_no_error (error);

  return application;
}

/* A predicate: the widget args[0] shows a GtkLabel with the text args[1]. */
static inline gboolean
baton_test_label_shown (gpointer data)
{
  gpointer *args = data;

  return baton_test_find_widget (GTK_WIDGET (args[0]), baton_test_widget_is_label_with_text, args[1]) != NULL;
}
