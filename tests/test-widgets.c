/* test-widgets.c — the widgets shared by the views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The card editor's dropdowns driven with the real pointer (xdotool under
 * Xvfb), the date row with its calendar, and the drag chip. Without a
 * display a case cannot run: it is skipped, and fails in CI (CI=true).
 */

#define G_LOG_DOMAIN "test-widgets"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "baton-test-util.h"
#include "baton-dates.h"
#include "baton-store.h"
#include "baton-task-editor.h"
#include "baton-ui-test-util.h"

static gboolean have_display;

typedef struct
{
  BatonStore  *store;
  GtkWidget   *window;
  BatonRole   *writer;
  BatonRole   *designer;
  BatonClient *client;
  GPtrArray   *programs;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  static const char * const names[] = {
    "Coaching skills", "Diversity and inclusion", "Product certification",
    "Branch onboarding for the new regional offices", "Presentation skills",
  };

  f->store = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  baton_store_create_stage (f->store, "Backlog", 0, &error);
  g_assert_no_error (error);
  f->writer = baton_store_create_role (f->store, "Writer", "#1c71d8", &error);
  g_assert_no_error (error);
  f->designer = baton_store_create_role (f->store, "Designer", "#26a269", &error);
  g_assert_no_error (error);
  f->client = baton_store_create_client (f->store, "Lumen Software", NULL, &error);
  g_assert_no_error (error);

  f->programs = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_ptr_array_add (f->programs, baton_store_create_program (f->store, f->client, names[i], &error));
      g_assert_no_error (error);
    }

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 700);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  baton_test_run_for (50);
  g_clear_pointer (&f->programs, g_ptr_array_unref);
  g_assert_finalize_object (f->store);
}

/* Helpers ------------------------------------------------------------------------- */

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

/* The popover a GtkDropDown opens: its own child. */
static GtkPopover *
dropdown_popover (GtkWidget *dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (dropdown);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return GTK_POPOVER (child);

  g_assert_not_reached ();
}

/* The row of the dropdown's open list that shows @text. */
static GtkWidget *
dropdown_row (GtkWidget  *dropdown,
              const char *text)
{
  GtkWidget *list = find_descendant (GTK_WIDGET (dropdown_popover (dropdown)), GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_mapped (row) && has_label (row, text))
      return row;

  return NULL;
}

static gboolean
popover_is_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
popover_is_hidden (gpointer data)
{
  return !gtk_widget_get_visible (data);
}

/* A click as a person makes it: press, a short hold, release. */
static void
click_widget (GtkWidget *widget)
{
  int x, y;

  baton_test_screen_center (widget, &x, &y);
  g_assert_true (baton_test_xdotool ("mousemove %d %d sleep 0.1 mousedown 1 sleep 0.1 mouseup 1", x, y));
}

static BatonTaskEditor *
open_editor (Fixture *f)
{
  BatonTaskEditor *editor = BATON_TASK_EDITOR (baton_task_editor_new (GTK_WINDOW (f->window), f->store, NULL));

  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, editor, 5000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));

  return editor;
}

/* The card editor ---------------------------------------------------------------------- */

typedef struct
{
  const char *program;      /* the row to choose */
  gboolean    by_keyboard;  /* Down to it and Return, instead of a click */
} ProgramChoice;

/* After a program is chosen (a click on its row, or the keyboard), one
 * click opens the role dropdown, and the role chosen there is saved. Every
 * event is real: xdotool moves and clicks the pointer under Xvfb. */
static void
test_editor_role_after_program (Fixture       *f,
                                gconstpointer  data)
{
  const ProgramChoice *choice = data;
  BatonTaskEditor *editor;
  GtkWidget *program, *role, *row;
  GtkPopover *program_popover, *role_popover;
  g_autoptr(BatonTask) task = NULL;
  BatonProgram *chosen;

  if (!baton_test_can_use_xdotool (f->window))
    {
      baton_test_missing_requirement ("no X display or no xdotool");
      return;
    }

  editor = open_editor (f);
  program = baton_task_editor_get_field (editor, "program");
  role = baton_task_editor_get_field (editor, "role");
  program_popover = dropdown_popover (program);
  role_popover = dropdown_popover (role);

  /* Open the programs and choose one. */
  click_widget (program);
  g_assert_true (baton_test_wait_until (popover_is_shown, program_popover, 5000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (program_popover));
  row = dropdown_row (program, choice->program);
  g_assert_nonnull (row);
  if (choice->by_keyboard)
    g_assert_true (baton_test_xdotool ("key Down Down Return"));
  else
    click_widget (row);
  g_assert_true (baton_test_wait_until (popover_is_hidden, program_popover, 5000));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (program)), >, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));

  /* One click on the role: its list shows. */
  click_widget (role);
  g_assert_true (baton_test_wait_until (popover_is_shown, role_popover, 3000));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (role_popover));
  row = dropdown_row (role, "Designer");
  g_assert_nonnull (row);
  click_widget (row);
  g_assert_true (baton_test_wait_until (popover_is_hidden, role_popover, 5000));

  gtk_editable_set_text (GTK_EDITABLE (baton_task_editor_get_field (editor, "title")), "Storyboard");
  g_assert_true (baton_task_editor_save (editor));
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_tasks (f->store)), ==, 1);
  task = g_list_model_get_item (baton_store_get_tasks (f->store), 0);
  g_assert_cmpint (baton_task_get_role_id (task), ==, baton_test_id (f->designer));
  chosen = baton_store_lookup_program (f->store, baton_task_get_program_id (task));
  g_assert_nonnull (chosen);
  if (!choice->by_keyboard)
    g_assert_cmpstr (strstr (choice->program, baton_program_get_name (chosen)), !=, NULL);
}

/* Main ------------------------------------------------------------------------------ */

static void
cannot_run (gconstpointer data)
{
  baton_test_missing_requirement ("no display (run the UI tests under Xvfb: build-aux/dev test)");
}

static void
add_test (const char    *path,
          gconstpointer  data,
          void (*test) (Fixture *, gconstpointer))
{
  if (have_display)
    g_test_add (path, Fixture, data, fixture_set_up, test, fixture_tear_down);
  else
    g_test_add_data_func (path, NULL, cannot_run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  {
    static const ProgramChoice clicked = { "Lumen Software — Diversity and inclusion", FALSE };
    static const ProgramChoice long_name = { "Lumen Software — Branch onboarding for the new regional offices", FALSE };
    static const ProgramChoice keyboard = { "Lumen Software — Coaching skills", TRUE };

    add_test ("/widgets/task-editor/role-after-program/click", &clicked, test_editor_role_after_program);
    add_test ("/widgets/task-editor/role-after-program/long-name", &long_name, test_editor_role_after_program);
    add_test ("/widgets/task-editor/role-after-program/keyboard", &keyboard, test_editor_role_after_program);
  }

  return g_test_run ();
}
