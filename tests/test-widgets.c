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
#include "baton-calendar-private.h"
#include "baton-checklist-editor.h"
#include "baton-date-row-private.h"
#include "baton-dates.h"
#include "baton-record-drop-down.h"
#include "baton-workload-frame.h"
#include "baton-role-chip.h"
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
  GtkWidget *window = f->window;

  /* The window, and the editors over it, go: then nothing holds the store. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_assert_true (baton_test_wait_until (baton_test_pointer_is_null, &window, 5000));
  g_clear_pointer (&f->programs, g_ptr_array_unref);
  g_assert_finalize_object (f->store);
}

/* Helpers ------------------------------------------------------------------------- */

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
  GtkWidget *list = baton_test_find_descendant (GTK_WIDGET (dropdown_popover (dropdown)), GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_mapped (row) && baton_test_find_widget (row, baton_test_widget_is_label_with_text, text) != NULL)
      return row;

  return NULL;
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

  BATON_TEST_REQUIRE_XDOTOOL (f->window);

  editor = open_editor (f);
  program = baton_task_editor_get_field (editor, "program");
  role = baton_task_editor_get_field (editor, "role");
  program_popover = dropdown_popover (program);
  role_popover = dropdown_popover (role);

  /* Open the programs and choose one. */
  click_widget (program);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, program_popover, 5000));
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
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, role_popover, 3000));
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

/* Every dropdown of the editor, by the real pointer: open it, click a row,
 * and move on at once, as a person does. Choosing a person in the
 * Assignee list and moving out of the dialog crashed (SIGSEGV in
 * gdk_surface_request_motion): a late motion event put the window's
 * pointer focus on the closed list, its surface was dropped, and the
 * editor's next layout asked that NULL surface for a motion event. */
typedef struct
{
  const char *field;
  const char *rows[2];  /* chosen in turn */
} DropdownChoice;

static void
test_editor_dropdowns_by_pointer (Fixture       *f,
                                  gconstpointer  data)
{
  static const DropdownChoice choices[] = {
    { "assignee", { "Anna Weber", "Unassigned" } },
    { "program", { "Lumen Software — Coaching skills", "No program" } },
    { "role", { "Designer", "Writer" } },
    { "priority", { "High", "Low" } },
  };
  g_autoptr(GError) error = NULL;
  BatonPerson *anna;
  BatonTaskEditor *editor;
  GtkWidget *title;
  int away_x, away_y, outside_x, outside_y;

  BATON_TEST_REQUIRE_XDOTOOL (f->window);

  anna = baton_store_create_person (f->store, "Anna Weber", NULL, 40 * 60, NULL, &error);
  g_assert_no_error (error);

  editor = open_editor (f);
  title = baton_task_editor_get_field (editor, "title");
  baton_test_screen_center (title, &away_x, &away_y);
  /* A point of the screen outside every window (the test's screen is
   * 1600 × 1000, and the windows sit at its top left). */
  outside_x = gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (f->window))) + 200;
  outside_y = gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (f->window))) + 100;

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
      {
        GtkWidget *dropdown = baton_task_editor_get_field (editor, choices[i].field);
        GtkPopover *popover = dropdown_popover (dropdown);
        const char *text = choices[i].rows[round % 2];
        GtkWidget *row;
        int x, y;

        g_debug ("round %u: %s → %s", round, choices[i].field, text);
        click_widget (dropdown);
        g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, popover, 5000));
        gtk_test_widget_wait_for_draw (GTK_WIDGET (popover));
        row = dropdown_row (dropdown, text);
        g_assert_nonnull (row);

        /* Click, and the pointer moves on at once: out of every window
         * (where the crash was), or back over the editor. */
        baton_test_screen_center (row, &x, &y);
        g_assert_true (baton_test_xdotool ("mousemove %d %d sleep 0.2 mousedown 1 sleep 0.05 mouseup 1 "
                                           "sleep 0.05 mousemove %d %d",
                                           x, y, round % 2 ? away_x : outside_x, round % 2 ? away_y : outside_y));
        g_assert_true (baton_test_wait_until (popover_is_hidden, popover, 5000));
        gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
        baton_test_run_for (50);
        gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
        g_assert_nonnull (baton_test_find_widget (dropdown, baton_test_widget_is_label_with_text, text));
      }

  gtk_editable_set_text (GTK_EDITABLE (title), "Storyboard");
  g_assert_true (baton_task_editor_save (editor));
  {
    g_autoptr(BatonTask) task = g_list_model_get_item (baton_store_get_tasks (f->store), 0);

    g_assert_cmpint (baton_task_get_assignee_id (task), ==, baton_test_id (anna));
    g_assert_cmpint (baton_task_get_role_id (task), ==, baton_test_id (f->designer));
    g_assert_cmpint (baton_task_get_program_id (task), ==, baton_test_id (g_ptr_array_index (f->programs, 0)));
    g_assert_cmpint (baton_task_get_priority (task), ==, 3);
  }
}

/* The date row ------------------------------------------------------------------- */

static guint32
julian_of (const char *iso)
{
  guint32 julian = 0;

  g_assert_true (baton_date_parse (iso, &julian));
  return julian;
}

static BatonDateRow *
date_row_in_window (Fixture *f)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = baton_date_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "Start Date");
  baton_date_row_set_field_label (BATON_DATE_ROW (row), "start date");
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  gtk_window_set_child (GTK_WINDOW (f->window), list);
  gtk_test_widget_wait_for_draw (f->window);

  return BATON_DATE_ROW (row);
}

/* Dates in, dates out: ISO text, and nothing else. */
static void
test_date_row_parse_and_format (Fixture       *f,
                                gconstpointer  data)
{
  BatonDateRow *row = date_row_in_window (f);

  g_assert_null (baton_date_row_get_date (row));
  g_assert_null (baton_date_row_get_error (row));
  g_assert_false (gtk_widget_get_visible (baton_date_row_get_clear_button (row)));

  g_assert_true (baton_date_row_set_date (row, "2024-03-18"));
  g_assert_cmpstr (baton_date_row_get_date (row), ==, "2024-03-18");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2024-03-18");
  g_assert_null (baton_date_row_get_error (row));
  g_assert_true (gtk_widget_get_visible (baton_date_row_get_clear_button (row)));

  /* Typed, with spaces around: the same date. */
  gtk_editable_set_text (GTK_EDITABLE (row), " 2024-02-29 ");
  g_assert_cmpstr (baton_date_row_get_date (row), ==, "2024-02-29");

  /* Not a date: refused, nothing changes. */
  g_assert_false (baton_date_row_set_date (row, "2024-02-30"));
  g_assert_false (baton_date_row_set_date (row, "18/03/2024"));
  g_assert_cmpstr (baton_date_row_get_date (row), ==, "2024-02-29");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, " 2024-02-29 ");

  /* Cleared: no date, no error; the clear button goes. */
  g_signal_emit_by_name (baton_date_row_get_clear_button (row), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "");
  g_assert_null (baton_date_row_get_date (row));
  g_assert_null (baton_date_row_get_error (row));
  g_assert_false (gtk_widget_get_visible (baton_date_row_get_clear_button (row)));

  g_assert_true (baton_date_row_set_date (row, "2030-01-07"));
  g_assert_true (baton_date_row_set_date (row, NULL));
  g_assert_null (baton_date_row_get_date (row));

  /* Its buttons are named after the field, as read (no mnemonic). */
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), "_Start Date");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (baton_date_row_get_calendar_button (row)), ==,
                   "Pick a Date: Start Date");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (baton_date_row_get_clear_button (row)), ==,
                   "Clear: Start Date");
  {
    g_autofree char *pick = baton_test_accessible_label (baton_date_row_get_calendar_button (row));
    g_autofree char *clear = baton_test_accessible_label (baton_date_row_get_clear_button (row));

    g_assert_cmpstr (pick, ==, "Pick a Date: Start Date");
    g_assert_cmpstr (clear, ==, "Clear: Start Date");
  }
}

/* Text that is not a date says why, naming the field and what was typed,
 * and leaves the value. */
static void
test_date_row_invalid_text (Fixture       *f,
                            gconstpointer  data)
{
  static const char * const bad[] = { "2024-13-01", "2024-02-30", "15/03/2026", "next March", "2024-3-1" };
  BatonDateRow *row = date_row_in_window (f);

  g_assert_true (baton_date_row_set_date (row, "2024-03-18"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *error;

      gtk_editable_set_text (GTK_EDITABLE (row), bad[i]);
      error = baton_date_row_get_error (row);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error, "start date"));
      g_assert_nonnull (strstr (error, bad[i]));
      g_assert_nonnull (strstr (error, "YYYY-MM-DD"));
      g_assert_cmpstr (baton_date_row_get_date (row), ==, "2024-03-18");
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "2024-03-19");
  g_assert_null (baton_date_row_get_error (row));
  g_assert_cmpstr (baton_date_row_get_date (row), ==, "2024-03-19");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

/* A property says it changed when it did, once: set to the same value,
 * not at all. */
static void
test_date_row_notify (Fixture       *f,
                      gconstpointer  data)
{
  BatonDateRow *row = date_row_in_window (f);
  guint date_changes = 0, label_changes = 0;

  g_signal_connect (row, "notify::date", G_CALLBACK (count_notify), &date_changes);
  g_signal_connect (row, "notify::field-label", G_CALLBACK (count_notify), &label_changes);

  g_object_set (row, "field-label", "start date", "date", NULL, NULL);
  g_assert_cmpuint (label_changes, ==, 0);
  g_assert_cmpuint (date_changes, ==, 0);

  g_object_set (row, "field-label", "first day", "date", "2024-03-18", NULL);
  g_assert_cmpuint (label_changes, ==, 1);
  g_assert_cmpuint (date_changes, ==, 1);

  g_object_set (row, "field-label", "first day", "date", "2024-03-18", NULL);
  g_assert_cmpuint (label_changes, ==, 1);
  g_assert_cmpuint (date_changes, ==, 1);
}

/* The calendar opens on the row's date; a day chosen there fills the
 * text, and the calendar closes. */
static void
test_date_row_calendar (Fixture       *f,
                        gconstpointer  data)
{
  BatonDateRow *row = date_row_in_window (f);
  GtkWidget *popover = baton_date_row_get_popover (row);
  BatonCalendar *calendar = BATON_CALENDAR (baton_date_row_get_calendar (row));
  GtkWidget *button;

  g_assert_true (baton_date_row_set_date (row, "2024-03-18"));
  baton_date_row_open_calendar (row);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, popover, 5000));
  g_assert_cmpuint (baton_calendar_get_date (calendar), ==, julian_of ("2024-03-18"));
  g_assert_cmpuint (baton_calendar_get_month_start (calendar), ==, julian_of ("2024-03-01"));

  /* A click on the 21st. */
  button = baton_calendar_get_day_button (calendar, julian_of ("2024-03-21"));
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "21");
  {
    /* Named with its whole date, for a screen reader: "Thursday, March 21, 2024". */
    g_autoptr(GDateTime) day = g_date_time_new_local (2024, 3, 21, 12, 0, 0);
    g_autofree char *expected = g_date_time_format (day, "%A, %B %-d, %Y");
    g_autofree char *name = baton_test_accessible_label (button);

    g_assert_cmpstr (name, ==, expected);
  }
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2024-03-21");
  g_assert_cmpstr (baton_date_row_get_date (row), ==, "2024-03-21");
  g_assert_true (baton_test_wait_until (popover_is_hidden, popover, 5000));

  /* Next month, a day of it. */
  baton_date_row_open_calendar (row);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, popover, 5000));
  g_assert_cmpuint (baton_calendar_get_date (calendar), ==, julian_of ("2024-03-21"));
  baton_calendar_show_month (calendar, julian_of ("2024-04-10"));
  g_signal_emit_by_name (baton_calendar_get_day_button (calendar, julian_of ("2024-04-02")), "clicked");
  g_assert_cmpstr (baton_date_row_get_date (row), ==, "2024-04-02");

  /* Empty: the calendar opens on this month, nothing chosen. */
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  baton_date_row_open_calendar (row);
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, popover, 5000));
  g_assert_cmpuint (baton_calendar_get_date (calendar), ==, 0);
  g_assert_nonnull (baton_calendar_get_day_button (calendar, baton_date_today ()));
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* With the real pointer: the calendar button, then a day. */
static void
test_date_row_calendar_pointer (Fixture       *f,
                                gconstpointer  data)
{
  BatonDateRow *row;
  GtkWidget *popover, *day;
  BatonCalendar *calendar;

  BATON_TEST_REQUIRE_XDOTOOL (f->window);

  row = date_row_in_window (f);
  popover = baton_date_row_get_popover (row);
  calendar = BATON_CALENDAR (baton_date_row_get_calendar (row));
  g_assert_true (baton_date_row_set_date (row, "2030-01-07"));
  gtk_test_widget_wait_for_draw (f->window);

  click_widget (baton_date_row_get_calendar_button (row));
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, popover, 5000));
  gtk_test_widget_wait_for_draw (popover);
  day = baton_calendar_get_day_button (calendar, julian_of ("2030-01-15"));
  click_widget (day);
  g_assert_true (baton_test_wait_until (popover_is_hidden, popover, 5000));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "2030-01-15");
}

/* Calendars start their weeks on the app's first day of the week — the
 * grid's — whatever the locale says, and follow it when it changes. */
static void
test_calendar_first_weekday (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkWidget *calendar = baton_calendar_new ();
  guint32 march_18 = julian_of ("2024-03-18");   /* a Monday */

  gtk_window_set_child (GTK_WINDOW (f->window), calendar);
  baton_calendar_set_date (BATON_CALENDAR (calendar), march_18);

  for (guint weekday = 1; weekday <= 7; weekday++)
    {
      /* The day of that weekday in the week of Monday March 18. */
      g_autoptr(GDateTime) day = g_date_time_new_local (2024, 3, 18 + (int) weekday - 1, 12, 0, 0);
      g_autofree char *name = g_date_time_format (day, "%a");
      guint32 first;

      g_settings_set_enum (settings, "first-day-of-week", (int) weekday);
      g_assert_cmpuint (baton_calendar_get_first_weekday (BATON_CALENDAR (calendar)), ==, weekday);
      g_assert_cmpstr (baton_calendar_get_weekday_label (BATON_CALENDAR (calendar), 0), ==, name);

      /* The first button is that weekday, on or before March 1st. */
      first = baton_date_week_start (julian_of ("2024-03-01"), weekday);
      g_assert_cmpuint (baton_date_weekday (first), ==, weekday);
      g_assert_nonnull (baton_calendar_get_day_button (BATON_CALENDAR (calendar), first));
      g_assert_null (baton_calendar_get_day_button (BATON_CALENDAR (calendar), first - 1));
    }

  g_settings_reset (settings, "first-day-of-week");
  g_assert_cmpuint (baton_calendar_get_first_weekday (BATON_CALENDAR (calendar)), ==, 1);

  /* Week numbers: ISO for weeks from Monday; otherwise the ISO week that
   * holds most of the days (the grid's weeks are numbered the same way). */
  g_assert_cmpuint (baton_week_number (julian_of ("2024-03-18")), ==, 12);   /* Monday */
  g_assert_cmpuint (baton_week_number (julian_of ("2024-03-17")), ==, 12);   /* Sunday */
  g_assert_cmpuint (baton_week_number (julian_of ("2024-03-16")), ==, 12);   /* Saturday */
  g_assert_cmpuint (baton_week_number (julian_of ("2024-03-15")), ==, 12);   /* Friday: 4 of 7 days in week 12 */
  g_assert_cmpuint (baton_week_number (julian_of ("2024-03-22")), ==, 13);
  g_assert_cmpuint (baton_week_number (julian_of ("2024-12-30")), ==, 1);
  g_assert_cmpuint (baton_week_number (julian_of ("2024-12-29")), ==, 1);
  g_assert_cmpuint (baton_week_number (julian_of ("2026-12-28")), ==, 53);
}

/* A key pressed in @calendar, as its key controller gets it. */
static void
calendar_key (GtkWidget *calendar,
              guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (calendar);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
    }
  g_assert_true (handled);
}

static void
assert_calendar_focus (GtkWidget  *calendar,
                       const char *day,
                       const char *month)
{
  GtkWidget *button = baton_calendar_get_day_button (BATON_CALENDAR (calendar), julian_of (day));

  g_assert_nonnull (button);
  g_assert_true (gtk_root_get_focus (gtk_widget_get_root (calendar)) == button);
  g_assert_cmpuint (baton_calendar_get_month_start (BATON_CALENDAR (calendar)), ==, julian_of (month));
}

/* The keyboard: arrows from day to day (and into the next month), Page
 * Down and Page Up a month on and back, to its 1st. */
static void
test_calendar_keyboard (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *calendar = baton_calendar_new ();

  gtk_window_set_child (GTK_WINDOW (f->window), calendar);
  baton_calendar_set_date (BATON_CALENDAR (calendar), julian_of ("2024-03-18"));
  gtk_test_widget_wait_for_draw (f->window);
  g_assert_true (gtk_widget_grab_focus (baton_calendar_get_day_button (BATON_CALENDAR (calendar),
                                                                       julian_of ("2024-03-18"))));

  calendar_key (calendar, GDK_KEY_Right);
  assert_calendar_focus (calendar, "2024-03-19", "2024-03-01");
  calendar_key (calendar, GDK_KEY_Down);
  assert_calendar_focus (calendar, "2024-03-26", "2024-03-01");
  calendar_key (calendar, GDK_KEY_Down);
  assert_calendar_focus (calendar, "2024-04-02", "2024-04-01");
  calendar_key (calendar, GDK_KEY_Page_Down);
  assert_calendar_focus (calendar, "2024-05-01", "2024-05-01");
  calendar_key (calendar, GDK_KEY_Page_Up);
  assert_calendar_focus (calendar, "2024-04-01", "2024-04-01");
  calendar_key (calendar, GDK_KEY_Left);
  assert_calendar_focus (calendar, "2024-03-31", "2024-03-01");
  calendar_key (calendar, GDK_KEY_Up);
  assert_calendar_focus (calendar, "2024-03-24", "2024-03-01");
}

/* The record dropdown ------------------------------------------------------------ */

static const char *
row_label (GtkDropDown *dropdown,
           guint        position)
{
  g_autoptr(GtkStringObject) row = g_list_model_get_item (gtk_drop_down_get_model (dropdown), position);

  g_assert_nonnull (row);
  /* The dropdown's model holds the row. */
  return gtk_string_object_get_string (row);
}

/* A "none" row, then the records by their name; chosen and read by id; the
 * rows follow the records model. */
static void
test_record_drop_down_by_id (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonRecordDropDown *dropdown = BATON_RECORD_DROP_DOWN (baton_record_drop_down_new ());
  GtkDropDown *inner = baton_record_drop_down_get_drop_down (dropdown);
  BatonRole *trainer;
  guint notified = 0;

  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (dropdown));
  g_signal_connect (dropdown, "notify::selected-id", G_CALLBACK (count_notify), &notified);
  baton_record_drop_down_set_none_label (dropdown, "No role");
  baton_record_drop_down_set_model (dropdown, baton_store_get_roles (f->store));

  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (inner)), ==, 3);
  g_assert_cmpstr (row_label (inner, 0), ==, "No role");
  g_assert_cmpstr (row_label (inner, 1), ==, "Writer");
  g_assert_cmpstr (row_label (inner, 2), ==, "Designer");
  g_assert_cmpint (baton_record_drop_down_get_selected_id (dropdown), ==, 0);
  g_assert_null (baton_record_drop_down_get_selected (dropdown));

  baton_record_drop_down_set_selected_id (dropdown, baton_test_id (f->designer));
  g_assert_cmpuint (gtk_drop_down_get_selected (inner), ==, 2);
  g_assert_cmpint (baton_record_drop_down_get_selected_id (dropdown), ==, baton_test_id (f->designer));
  g_assert_true (baton_record_drop_down_get_selected (dropdown) == BATON_RECORD (f->designer));
  g_assert_cmpuint (notified, ==, 1);

  /* A choice in the list itself is read by id too. */
  gtk_drop_down_set_selected (inner, 1);
  g_assert_cmpint (baton_record_drop_down_get_selected_id (dropdown), ==, baton_test_id (f->writer));
  g_assert_cmpuint (notified, ==, 2);

  /* An id that is not there chooses "none". */
  baton_record_drop_down_set_selected_id (dropdown, 99999);
  g_assert_cmpuint (gtk_drop_down_get_selected (inner), ==, 0);
  g_assert_cmpint (baton_record_drop_down_get_selected_id (dropdown), ==, 0);

  /* A new record gets a row; a new label keeps the choice. */
  trainer = baton_store_create_role (f->store, "Trainer", "#e66100", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (inner)), ==, 4);
  g_assert_cmpstr (row_label (inner, 3), ==, "Trainer");
  baton_record_drop_down_set_selected_id (dropdown, baton_test_id (trainer));
  baton_record_drop_down_set_none_label (dropdown, "Any role");
  g_assert_cmpstr (row_label (inner, 0), ==, "Any role");
  g_assert_cmpint (baton_record_drop_down_get_selected_id (dropdown), ==, baton_test_id (trainer));

  /* An expression labels the rows, and the choice stays. */
  {
    g_autoptr(GtkExpression) color = gtk_property_expression_new (BATON_TYPE_ROLE, NULL, "color");

    baton_record_drop_down_set_expression (dropdown, color);
    g_assert_cmpstr (row_label (inner, 1), ==, "#1c71d8");
    g_assert_cmpint (baton_record_drop_down_get_selected_id (dropdown), ==, baton_test_id (trainer));
  }
}

/* Extra rows between "none" and the records (a filter's "Unassigned"):
 * chosen and read by their negative id; records keep theirs. */
static void
test_record_drop_down_extra_rows (Fixture       *f,
                                  gconstpointer  data)
{
  BatonRecordDropDown *dropdown = BATON_RECORD_DROP_DOWN (baton_record_drop_down_new ());
  GtkDropDown *inner = baton_record_drop_down_get_drop_down (dropdown);

  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (dropdown));
  baton_record_drop_down_set_none_label (dropdown, "Anyone");
  baton_record_drop_down_set_model (dropdown, baton_store_get_roles (f->store));
  baton_record_drop_down_set_selected_id (dropdown, baton_test_id (f->designer));

  /* Added under a choice: the choice stays with its record. */
  baton_record_drop_down_add_extra_row (dropdown, "Unassigned", -1);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (inner)), ==, 4);
  g_assert_cmpstr (row_label (inner, 0), ==, "Anyone");
  g_assert_cmpstr (row_label (inner, 1), ==, "Unassigned");
  g_assert_cmpstr (row_label (inner, 2), ==, "Writer");
  g_assert_cmpint (baton_record_drop_down_get_selected_id (dropdown), ==, baton_test_id (f->designer));
  g_assert_cmpuint (gtk_drop_down_get_selected (inner), ==, 3);

  baton_record_drop_down_set_selected_id (dropdown, -1);
  g_assert_cmpuint (gtk_drop_down_get_selected (inner), ==, 1);
  g_assert_cmpint (baton_record_drop_down_get_selected_id (dropdown), ==, -1);
  g_assert_null (baton_record_drop_down_get_selected (dropdown));

  gtk_drop_down_set_selected (inner, 2);
  g_assert_true (baton_record_drop_down_get_selected (dropdown) == BATON_RECORD (f->writer));

  /* An extra id that is not there chooses "none". */
  baton_record_drop_down_set_selected_id (dropdown, -7);
  g_assert_cmpint (baton_record_drop_down_get_selected_id (dropdown), ==, 0);
}

static gboolean
frame_done (gpointer data)
{
  return !baton_workload_frame_pending (data);
}

/* A shown widget gets the workload current in its next frame, before the
 * workload's own low-priority update; a hidden one leaves it to that. */
static void
test_workload_frame (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BatonWorkload) workload = baton_workload_new (f->store);
  g_autoptr(GError) error = NULL;
  GtkWidget *label = gtk_label_new ("Load");
  GtkWidget *hidden = gtk_label_new ("Hidden");
  BatonWorkloadFrame shown_frame, hidden_frame;

  gtk_widget_set_visible (hidden, FALSE);
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

    gtk_box_append (GTK_BOX (box), label);
    gtk_box_append (GTK_BOX (box), hidden);
    gtk_window_set_child (GTK_WINDOW (f->window), box);
  }
  g_assert_true (baton_test_wait_until (baton_test_widget_is_mapped, label, 5000));
  baton_workload_frame_init (&shown_frame, label, workload);
  baton_workload_frame_init (&hidden_frame, hidden, workload);
  baton_workload_watch_weeks (workload, 2461000, 2);
  baton_workload_update (workload);
  g_assert_false (baton_workload_frame_pending (&shown_frame));

  /* A change: both wait; only the shown one asks for a frame. */
  g_assert_nonnull (baton_store_create_person (f->store, "Ines", NULL, 2400, NULL, &error));
  g_assert_no_error (error);
  baton_workload_frame_schedule (&hidden_frame);
  g_assert_cmpuint (hidden_frame.tick_id, ==, 0);
  baton_workload_frame_schedule (&shown_frame);
  baton_workload_frame_schedule (&shown_frame);   /* once */
  g_assert_cmpuint (shown_frame.tick_id, !=, 0);
  g_assert_true (baton_workload_frame_pending (&shown_frame));
  g_assert_true (baton_workload_frame_pending (&hidden_frame));

  /* By the next frame: current, and the frame asked for has run. */
  gtk_widget_queue_draw (label);
  g_assert_true (baton_test_wait_until (frame_done, &shown_frame, 5000));
  g_assert_true (baton_workload_is_current (workload));
  g_assert_cmpuint (baton_capacity_get_n_people (baton_workload_get_capacity (workload)), ==, 1);

  /* Cancelled, nothing is left to run. */
  g_assert_nonnull (baton_store_create_person (f->store, "Jo", NULL, 2400, NULL, &error));
  baton_workload_frame_schedule (&shown_frame);
  baton_workload_frame_cancel (&shown_frame);
  g_assert_cmpuint (shown_frame.tick_id, ==, 0);
}

static gboolean
widget_has_tooltip (GtkWidget     *widget,
                    gconstpointer  text)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0;
}

/* The checklist editor, on its own: items added, reordered by its buttons
 * and written in one batch. */
static gboolean
write_checklist (BatonStore  *store,
                 gpointer     user_data,
                 GError     **error)
{
  gpointer *args = user_data;

  return baton_checklist_editor_write (args[0], args[1], error);
}

static void
test_checklist_editor_alone (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  BatonChecklistEditor *checklist = BATON_CHECKLIST_EDITOR (baton_checklist_editor_new ());
  GtkWidget *entry = baton_checklist_editor_get_entry (checklist);
  g_autoptr(GPtrArray) items = NULL;
  BatonTask *task;
  GtkWidget *up;
  gpointer args[2];

  {
    g_autoptr(BatonStage) stage = g_list_model_get_item (baton_store_get_stages (f->store), 0);

    task = baton_store_create_task (f->store, stage, NULL, "Storyboard", &error);
    g_assert_no_error (error);
  }

  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (checklist));
  baton_checklist_editor_load (checklist, f->store, task);
  g_assert_false (baton_checklist_editor_is_dirty (checklist));

  gtk_editable_set_text (GTK_EDITABLE (entry), "  Outline ");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.add-item", NULL));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Script");
  g_signal_emit_by_name (entry, "activate");
  gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
  baton_checklist_editor_add_item (checklist);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "   ");
  g_assert_true (baton_checklist_editor_is_dirty (checklist));
  gtk_test_widget_wait_for_draw (f->window);

  /* Each box is named after its item, and follows its text. */
  {
    GtkWidget *list = baton_test_find_descendant (GTK_WIDGET (checklist), GTK_TYPE_LIST_BOX);
    GtkWidget *first = gtk_widget_get_first_child (list);
    GtkWidget *check = baton_test_find_descendant (first, GTK_TYPE_CHECK_BUTTON);
    GtkWidget *text = baton_test_find_descendant (first, GTK_TYPE_ENTRY);

    gtk_test_accessible_assert_property (check, GTK_ACCESSIBLE_PROPERTY_LABEL, "Done: Outline");
    check = baton_test_find_descendant (gtk_widget_get_next_sibling (first), GTK_TYPE_CHECK_BUTTON);
    gtk_test_accessible_assert_property (check, GTK_ACCESSIBLE_PROPERTY_LABEL, "Done: Script");
    check = baton_test_find_descendant (first, GTK_TYPE_CHECK_BUTTON);
    gtk_editable_set_text (GTK_EDITABLE (text), "Write outline");
    gtk_test_accessible_assert_property (check, GTK_ACCESSIBLE_PROPERTY_LABEL, "Done: Write outline");
    gtk_editable_set_text (GTK_EDITABLE (text), "Outline");
  }

  /* "Script" moves up, by its row's button. */
  up = baton_test_find_widget (GTK_WIDGET (checklist), widget_has_tooltip, "Move Up");
  g_assert_nonnull (up);
  g_assert_false (gtk_widget_get_sensitive (up));  /* the first row's */
  {
    GtkWidget *list = baton_test_find_descendant (GTK_WIDGET (checklist), GTK_TYPE_LIST_BOX);
    GtkWidget *second = gtk_widget_get_next_sibling (gtk_widget_get_first_child (list));

    up = baton_test_find_widget (second, widget_has_tooltip, "Move Up");
    g_assert_true (gtk_widget_get_sensitive (up));
    g_signal_emit_by_name (up, "clicked");
  }

  args[0] = checklist;
  args[1] = task;
  g_assert_true (baton_store_run_batch (f->store, "Checklist", TRUE, write_checklist, args, &error));
  g_assert_no_error (error);
  items = baton_store_get_task_checklist (f->store, task);
  g_assert_cmpuint (items->len, ==, 2);
  for (guint i = 0; i < items->len; i++)
    {
      BatonChecklistItem *item = g_ptr_array_index (items, i);

      g_assert_cmpstr (baton_checklist_item_get_text (item), ==,
                       baton_checklist_item_get_position (item) == 0 ? "Script" : "Outline");
    }

  baton_checklist_editor_load (checklist, f->store, task);
  g_assert_false (baton_checklist_editor_is_dirty (checklist));

  /* Read-only: no new item. */
  baton_checklist_editor_set_editable (checklist, FALSE);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (checklist), "checklist.add-item", NULL) &&
                  baton_checklist_editor_is_dirty (checklist));
  g_assert_false (gtk_widget_get_mapped (entry));
}

/* The application stylesheet --------------------------------------------------------- */

/* Widgets built without the application see its stylesheet, as they do in
 * the window (baton_test_load_stylesheet () loads it here, AdwApplication
 * there): a role chip's padding and a swatch's size are its rules. */
static void
test_stylesheet (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *chip = baton_role_chip_new (f->writer);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkBorder padding;
  int height;

  gtk_widget_add_css_class (swatch, "baton-swatch");
  gtk_box_append (GTK_BOX (box), chip);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_window_set_child (GTK_WINDOW (f->window), box);

  gtk_style_context_get_padding (gtk_widget_get_style_context (chip), &padding);
  g_assert_cmpint (padding.left, ==, 8);
  g_assert_cmpint (padding.top, ==, 1);

  gtk_widget_measure (swatch, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  g_assert_cmpint (height, ==, 4);
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
    {
      adw_init ();
      baton_test_load_stylesheet ();
    }

  {
    static const ProgramChoice clicked = { "Lumen Software — Diversity and inclusion", FALSE };
    static const ProgramChoice long_name = { "Lumen Software — Branch onboarding for the new regional offices", FALSE };
    static const ProgramChoice keyboard = { "Lumen Software — Coaching skills", TRUE };

    add_test ("/widgets/task-editor/role-after-program/click", &clicked, test_editor_role_after_program);
    add_test ("/widgets/task-editor/role-after-program/long-name", &long_name, test_editor_role_after_program);
    add_test ("/widgets/task-editor/role-after-program/keyboard", &keyboard, test_editor_role_after_program);
  }
  add_test ("/widgets/task-editor/dropdowns-by-pointer", NULL, test_editor_dropdowns_by_pointer);
  add_test ("/widgets/record-drop-down/by-id", NULL, test_record_drop_down_by_id);
  add_test ("/widgets/record-drop-down/extra-rows", NULL, test_record_drop_down_extra_rows);
  add_test ("/widgets/workload-frame", NULL, test_workload_frame);
  add_test ("/widgets/checklist-editor/alone", NULL, test_checklist_editor_alone);
  add_test ("/widgets/date-row/parse-and-format", NULL, test_date_row_parse_and_format);
  add_test ("/widgets/date-row/invalid-text", NULL, test_date_row_invalid_text);
  add_test ("/widgets/date-row/notify", NULL, test_date_row_notify);
  add_test ("/widgets/date-row/calendar", NULL, test_date_row_calendar);
  add_test ("/widgets/date-row/calendar-pointer", NULL, test_date_row_calendar_pointer);
  add_test ("/widgets/calendar/first-weekday", NULL, test_calendar_first_weekday);
  add_test ("/widgets/calendar/keyboard", NULL, test_calendar_keyboard);
  add_test ("/widgets/stylesheet", NULL, test_stylesheet);

  return g_test_run ();
}
