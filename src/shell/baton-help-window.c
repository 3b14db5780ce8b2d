/* baton-help-window.c — the user help, in Yelp or in a window of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The help is the Mallard pages in help/C, installed for Yelp. A fresh
 * system may have no Yelp, and Yelp cannot read an app's pages inside
 * Flatpak, so the same text is also here, translated with the rest of the
 * program, and shown in a window: one page after the other, each with its
 * title. tests/test-help.c checks that both say the same.
 */

#define G_LOG_DOMAIN "baton-help-window"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-help-window.h"

struct _BatonHelpWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (BatonHelpWindow, baton_help_window, ADW_TYPE_WINDOW)

#define MAX_PARAGRAPHS 6

/* The pages of help/C, in the order of help/C/index.page's links, with
 * their paragraphs: keep both in step. */
static const struct {
  const char *page;
  const char *title;
  const char *paragraphs[MAX_PARAGRAPHS];
} pages[] = {
  { "index", N_("Baton Help"),
    {
      N_("Baton helps training coordinators plan programs for their clients and keep the team’s load in balance. It shows one workspace in three views: Board, Capacity and Clients."),
      N_("Switch between the views with the buttons at the top of the window, at the bottom in a narrow window, or with Alt+1, Alt+2 and Alt+3."),
      NULL } },
  { "board", N_("Plan Tasks on the Board"),
    {
      N_("The board shows the tasks of all programs as cards, in one column for each stage, from Backlog to Delivered."),
      N_("Press Ctrl+N, or use New Card, to add a card. Press Enter on a card, or double-click it, to edit its program, role, assignee, estimate, dates and checklist."),
      N_("Drag a card to another column or position. With the keyboard, Ctrl+Left and Ctrl+Right move the focused card to the previous or next stage, Ctrl+Up and Ctrl+Down move it within its column, and Shift+F10 opens its menu: move it, reassign it, ask who has room, archive or delete it."),
      N_("A column over its work-in-progress limit says so in its header. Ctrl+F searches the cards, the filters show one client, program, person or role, and F9 shows the people beside the board."),
      N_("Ctrl+Z undoes the last change, and Ctrl+Shift+Z redoes it, in every view."),
      NULL } },
  { "capacity", N_("Balance Your Team’s Load"),
    {
      N_("The Capacity view is a grid of people, grouped by role, and weeks. Each cell shows the hours of a person’s tasks in that week against the hours they have, less their days off. Cells near capacity and over capacity stand out."),
      N_("A task’s estimate is spread over the working days from its start date to its due date. A task with a role and no assignee is shown as unassigned work for that role."),
      N_("Click a cell, or press Enter on it, to see its tasks. Drag a task onto another person to reassign it, or onto another week to reschedule it. Who Has Room? lists the people who hold the task’s role, by their free hours that week."),
      N_("Rebalance proposes moves that bring a person back under capacity. Nothing changes until you apply them, and one Undo takes them all back."),
      N_("Alt+Left and Alt+Right show the previous and next weeks, and Alt+Home this week. Add Person adds someone with their roles, weekly hours and time off."),
      NULL } },
  { "clients", N_("Keep Clients, Programs and Notes"),
    {
      N_("The Clients view lists your clients. Choose one to see its contact details, its programs and its notes. Add Program starts a new program for that client."),
      N_("Notes are written in Markdown and saved by themselves shortly after you stop typing, and when the window closes. Every saved version is kept: History shows the earlier ones and restores one. New Note can start a note from the needs-analysis template."),
      N_("Create Task turns the selected text of a note, or the line under the cursor, into a task on the board."),
      N_("Ctrl+F searches all notes. Status Report prints, or saves as PDF, what was done for the client, what comes next and what is late."),
      NULL } },
  { "workspace", N_("Workspaces, Backups and Search"),
    {
      N_("Everything is kept in one workspace file on your computer; no account or network is needed. Baton keeps several backups of it. Restore from Backup in the main menu opens a copy of a backup and never overwrites your workspace."),
      N_("New Workspace, Open Workspace and Open Recent in the main menu work with other workspace files. Data in the main menu exports the workspace, tasks, people and capacity, and imports CSV files, Trello boards and Baton workspaces."),
      N_("In the GNOME Shell overview, type part of the name of a client, program, task or note to find it in the workspace you used last, and choose a result to open it in Baton."),
      N_("F1 opens this help, and Ctrl+? shows every keyboard shortcut."),
      NULL } },
};

static GtkWidget *
text_label (const char *text,
            const char *css_class,
            int         heading_level)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "accessible-role", heading_level > 0 ? GTK_ACCESSIBLE_ROLE_HEADING
                                                                        : GTK_ACCESSIBLE_ROLE_LABEL,
                                   NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);
  if (heading_level > 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                    GTK_ACCESSIBLE_PROPERTY_LEVEL, heading_level,
                                    -1);

  return label;
}

static void
baton_help_window_class_init (BatonHelpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
baton_help_window_init (BatonHelpWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_window_set_title (GTK_WINDOW (self), _("Baton Help"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  /* Nothing inside takes the focus: the keyboard scrolls the page here
   * (Page Up, Page Down, Ctrl+Home, Ctrl+End). */
  gtk_widget_set_focusable (scrolled, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (scrolled),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Help text"),
                                  -1);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *title = text_label (_(pages[i].title), i == 0 ? "title-1" : "title-3", i == 0 ? 1 : 2);

      if (i > 0)
        gtk_widget_set_margin_top (title, 12);
      gtk_box_append (GTK_BOX (box), title);
      for (guint p = 0; p < MAX_PARAGRAPHS && pages[i].paragraphs[p] != NULL; p++)
        gtk_box_append (GTK_BOX (box), text_label (_(pages[i].paragraphs[p]), "body", 0));
    }

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), scrolled);
  adw_window_set_content (ADW_WINDOW (self), content);
}

GtkWidget *
baton_help_window_new (GtkWindow *parent)
{
  return g_object_new (BATON_TYPE_HELP_WINDOW,
                       "transient-for", parent,
                       NULL);
}

/* Yelp reads help:baton from share/help/<lang>/baton of the data folders. */
static gboolean
help_pages_installed (void)
{
  const char * const *dirs = g_get_system_data_dirs ();
  g_autofree char *user = g_build_filename (g_get_user_data_dir (), "help", "C", "baton", "index.page", NULL);

  if (g_file_test (user, G_FILE_TEST_IS_REGULAR))
    return TRUE;

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *page = g_build_filename (dirs[i], "help", "C", "baton", "index.page", NULL);

      if (g_file_test (page, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }

  return FALSE;
}

static gboolean
open_in_yelp (void)
{
  g_autofree char *yelp = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return FALSE;
  if ((yelp = g_find_program_in_path ("yelp")) == NULL || !help_pages_installed ())
    return FALSE;

  {
    const char *argv[] = { yelp, "help:baton", NULL };

    if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &error))
      {
        g_warning ("Could not start %s: %s", yelp, error->message);
        return FALSE;
      }
  }

  return TRUE;
}

GtkWidget *
baton_help_window_open (GtkWindow *parent)
{
  GtkWidget *window;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  if (open_in_yelp ())
    return NULL;

  window = baton_help_window_new (parent);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
