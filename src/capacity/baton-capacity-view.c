/* baton-capacity-view.c — the Capacity page of the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People grouped by role × weeks (BatonCapacityGrid), a toolbar to move
 * through the weeks, and the ways to relieve someone: drag a task onto
 * another person (reassign), another week (reschedule) or both, or use the
 * same moves from a cell's popover and menus ("capacity." actions), or ask
 * who has room. Every move is one store call; the grid follows the store's
 * "changed" signal and the window shows a toast with Undo.
 */

#define G_LOG_DOMAIN "baton-capacity-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-capacity-view.h"
#include "baton-capacity-view-private.h"
#include "baton-calendar.h"
#include "baton-dates.h"
#include "baton-drag-cancel.h"
#include "baton-duration.h"
#include "baton-person-dialog.h"
#include "baton-archived-dialog.h"
#include "baton-accessible.h"
#include "baton-read-only.h"
#include "baton-roles-dialog.h"
#include "baton-room-dialog.h"
#include "baton-task-chip.h"
#include "baton-view-settings.h"

/* Room between a drag's chip and the cells it must not cover. */
#define ICON_GAP 6

/* A cell by what it shows, not by its place: rows and weeks move. */
typedef struct
{
  gint64  person_id;    /* 0: the Unassigned row of role_id */
  gint64  role_id;
  guint32 week_start;   /* julian */
} CellRef;

struct _BatonCapacityView
{
  AdwBin             parent_instance;

  /* Template children */
  GtkStack          *stack;
  GtkWidget         *no_roles_page;
  GtkWidget         *no_people_page;
  GtkRevealer       *next_steps;
  GtkLabel          *range_label;
  GtkLabel          *high_label;
  GtkScrolledWindow *scroller;

  /* Children made in code */
  BatonCapacityGrid *grid;
  BatonCellPopover  *popover;        /* parented on the grid, or NULL */
  GtkWidget         *person_menu;    /* parented on the grid, or NULL */

  /* Owned references */
  BatonStore        *store;
  GSettings         *settings;
  GtkDragSource     *drag_source;
  GtkDropTarget     *drop_target;
  BatonTask         *drag_task;      /* the task being dragged */
  GArray            *drag_weeks;     /* guint32 week starts of the task */
  GArray            *drag_minutes;   /* double, minutes in those weeks */

  /* Weak references */
  GdkDrag           *drag;           /* the drag under way, real pointer */
  GtkWidget         *drag_icon;      /* its chip (BatonTaskChip) */
  GtkWidget         *room_dialog;
  GtkWidget         *person_dialog;
  GtkWidget         *roles_dialog;
  GtkWidget         *archived_dialog;

  /* State */
  guint32            drag_origin_week;  /* julian week start the drag left */
  GdkRectangle       icon_rect;         /* the chip, grid coordinates */
  gboolean           icon_placed;
  BatonGridRowKind   popover_kind;
  gint64             popover_id;        /* person or role of the open cell */
  guint32            popover_week;      /* julian week start of the open cell */

  /* The last drop: the change it recorded (compared by address, never
   * dereferenced) and the cells it left and reached, so that the focus
   * follows the task through Undo and Redo. */
  gconstpointer      drop_change;
  CellRef            drop_from;
  CellRef            drop_to;
  gconstpointer      undo_top;
  gconstpointer      redo_top;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonCapacityView, baton_capacity_view, ADW_TYPE_BIN)

static void refresh_popover (BatonCapacityView *self);

/* Helpers -------------------------------------------------------------------- */

static const BatonCapacitySettings *
capacity_settings (BatonCapacityView *self)
{
  return baton_capacity_grid_get_settings (self->grid);
}

static guint32
today (void)
{
  return baton_date_today ();
}

static void
show_undo_toast (BatonCapacityView *self,
                 const char        *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-undo-toast", "s", message);
}

static void
show_error (BatonCapacityView *self,
            const char        *heading,
            const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_debug ("%s: %s", heading, message);

  if (!GTK_IS_WINDOW (root) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), heading, NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Week labels such as "Mar 4" or "Mar 4 – 8". */
static char *
format_day (guint32     julian,
            const char *format)
{
  GDate date;
  char buffer[128];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  if (g_date_strftime (buffer, sizeof buffer, format, &date) == 0)
    return baton_date_format (julian);

  return g_strdup (buffer);
}

static char *
describe_week (guint32 week_start)
{
  /* Translators: a day in a week label, strftime format: "Mar 4" */
  g_autofree char *first = format_day (week_start, _("%b %-d"));

  /* Translators: a week in a popover or menu; %u is its ISO number, %s its first day */
  return g_strdup_printf (_("Week %u · %s"), baton_week_number (week_start), first);
}

/* GMenu labels read "_" as a mnemonic: names are shown as typed. */
static char *
escape_underscores (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "_", -1);

  return g_strjoinv ("__", parts);
}

static void
update_range_label (BatonCapacityView *self)
{
  guint32 first = baton_capacity_grid_get_first_week (self->grid);
  guint n_weeks = baton_capacity_grid_get_n_weeks (self->grid);
  guint32 last = first + n_weeks * 7 - 1;
  GDate a_date, b_date;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *text = NULL;

  g_date_clear (&a_date, 1);
  g_date_clear (&b_date, 1);
  g_date_set_julian (&a_date, first);
  g_date_set_julian (&b_date, last);

  if (g_date_get_year (&a_date) == g_date_get_year (&b_date))
    /* Translators: the first day of the weeks shown, strftime format */
    a = format_day (first, _("%b %-d"));
  else
    /* Translators: the first day of the weeks shown, in another year than the last, strftime format */
    a = format_day (first, _("%b %-d, %Y"));
  /* Translators: the last day of the weeks shown, strftime format */
  b = format_day (last, _("%b %-d, %Y"));

  /* Translators: the range of weeks shown: "Mar 4 – May 26, 2024" */
  text = g_strdup_printf (_("%s – %s"), a, b);
  gtk_label_set_text (self->range_label, text);
}

static void
update_high_label (BatonCapacityView *self)
{
  g_autofree char *text = NULL;

  /* Translators: the legend of high load; %d is the threshold in percent */
  text = g_strdup_printf (_("Near capacity (%d %%+)"),
                          (int) (capacity_settings (self)->high_threshold * 100 + 0.5));
  gtk_label_set_text (self->high_label, text);
}

/* A first run leads the way: roles, then people; with people and no card
 * yet, a bar points to the clients and the board. */
static void
update_empty_state (BatonCapacityView *self)
{
  GListModel *people = baton_store_get_people (self->store);
  GListModel *tasks = baton_store_get_tasks (self->store);
  guint n = g_list_model_get_n_items (people);
  gboolean any_person = FALSE, any_task = FALSE;

  for (guint i = 0; i < n && !any_person; i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (people, i);

      any_person = !baton_person_get_archived (person);
    }

  n = g_list_model_get_n_items (tasks);
  for (guint i = 0; i < n && !any_task; i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);

      any_task = !baton_task_get_archived (task);
    }

  if (any_person)
    gtk_stack_set_visible_child_name (self->stack, "grid");
  else if (g_list_model_get_n_items (baton_store_get_roles (self->store)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "no-roles");
  else
    gtk_stack_set_visible_child_name (self->stack, "no-people");

  gtk_revealer_set_reveal_child (self->next_steps, any_person && !any_task);
}

/* Settings and store --------------------------------------------------------- */

static void
load_settings (BatonCapacityView *self)
{
  BatonCapacitySettings settings;

  baton_capacity_settings_from_gsettings (self->settings, &settings);
  baton_capacity_grid_set_settings (self->grid, &settings);
  baton_capacity_grid_set_weeks (self->grid, baton_capacity_grid_get_first_week (self->grid),
                                 (guint) g_settings_get_int (self->settings, "weeks-shown"));
  update_range_label (self);
  update_high_label (self);
}

static void
on_settings_changed (GSettings         *settings,
                     const char        *key,
                     BatonCapacityView *self)
{
  load_settings (self);
  refresh_popover (self);
}

static void
on_store_changed (BatonCapacityView *self)
{
  /* Recomputed once, before the next frame, however many changes came. */
  baton_capacity_grid_invalidate (self->grid);
  update_empty_state (self);
  refresh_popover (self);
}

/* Moving tasks ------------------------------------------------------------------ */

static char *
describe_shift (gint weeks)
{
  if (weeks > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week later", "%d weeks later", weeks), weeks);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week earlier", "%d weeks earlier", -weeks), -weeks);
}

/* One store call: reassign, reschedule, or both as one undo step. */
static gboolean
move_task (BatonCapacityView *self,
           BatonTask         *task,
           gboolean           change_person,
           BatonPerson       *person,
           gint               weeks)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *shift = NULL;
  const char *title = baton_task_get_title (task);
  gboolean was_unassigned = baton_task_get_assignee_id (task) == 0;
  gboolean ok;

  if (change_person && person != NULL &&
      baton_task_get_assignee_id (task) == baton_record_get_id (BATON_RECORD (person)))
    change_person = FALSE;
  if (change_person && person == NULL && was_unassigned)
    change_person = FALSE;

  if (!change_person && weeks == 0)
    return FALSE;

  if (change_person && weeks != 0)
    ok = baton_store_reassign_and_reschedule_task (self->store, task, person, weeks, &error);
  else if (change_person)
    ok = baton_store_reassign_task (self->store, task, person, &error);
  else
    ok = baton_store_reschedule_task (self->store, task, weeks, &error);

  if (!ok)
    {
      show_error (self, _("Could Not Move the Task"), error->message);
      return FALSE;
    }

  if (weeks != 0)
    shift = describe_shift (weeks);

  if (change_person && person == NULL)
    message = shift != NULL
      /* Translators: a toast; “%s” is a task, then “2 weeks later” */
      ? g_strdup_printf (_("“%s” unassigned and moved %s"), title, shift)
      /* Translators: a toast; “%s” is a task */
      : g_strdup_printf (_("“%s” unassigned"), title);
  else if (change_person)
    message = shift != NULL
      /* Translators: a toast; a task, a person, then “2 weeks later” */
      ? g_strdup_printf (was_unassigned ? _("“%s” assigned to %s and moved %s")
                                        : _("“%s” reassigned to %s and moved %s"),
                         title, baton_person_get_name (person), shift)
      /* Translators: a toast; a task, then a person */
      : g_strdup_printf (was_unassigned ? _("“%s” assigned to %s") : _("“%s” reassigned to %s"),
                         title, baton_person_get_name (person));
  else
    /* Translators: a toast; a task, then “2 weeks later” */
    message = g_strdup_printf (_("“%s” moved %s"), title, shift);

  show_undo_toast (self, message);
  return TRUE;
}

static void
reassign_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);
  gint64 task_id, person_id;
  BatonTask *task;
  BatonPerson *person = NULL;

  g_variant_get (parameter, "(xx)", &task_id, &person_id);
  task = baton_store_lookup_task (self->store, task_id);
  if (person_id != 0)
    person = baton_store_lookup_person (self->store, person_id);

  if (task == NULL || (person_id != 0 && person == NULL))
    {
      g_warning ("capacity.reassign: no task %" G_GINT64_FORMAT " or person %" G_GINT64_FORMAT,
                 task_id, person_id);
      return;
    }

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  move_task (self, task, TRUE, person, 0);
}

static void
move_to_week_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);
  gint64 task_id;
  gint32 weeks;
  BatonTask *task;

  g_variant_get (parameter, "(xi)", &task_id, &weeks);
  task = baton_store_lookup_task (self->store, task_id);
  if (task == NULL)
    {
      g_warning ("capacity.move-to-week: no task %" G_GINT64_FORMAT, task_id);
      return;
    }

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
  move_task (self, task, FALSE, NULL, weeks);
}

/* Who has room ------------------------------------------------------------------ */

static void
on_room_person_chosen (BatonRoomDialog   *dialog,
                       BatonPerson       *person,
                       BatonCapacityView *self)
{
  BatonTask *task = baton_room_dialog_get_task (dialog);

  if (move_task (self, task, TRUE, person, 0) ||
      baton_task_get_assignee_id (task) == baton_record_get_id (BATON_RECORD (person)))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
present_dialog (BatonCapacityView  *self,
                GtkWidget         **slot,
                GtkWidget          *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (*slot != NULL)
    gtk_window_destroy (GTK_WINDOW (*slot));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_set_weak_pointer (slot, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
who_has_room_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);
  BatonTask *task = baton_store_lookup_task (self->store, g_variant_get_int64 (parameter));
  GtkWidget *dialog;

  if (task == NULL)
    return;

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  dialog = baton_room_dialog_new (self->store, capacity_settings (self), task, today ());
  g_signal_connect_object (dialog, "person-chosen", G_CALLBACK (on_room_person_chosen), self, 0);
  present_dialog (self, &self->room_dialog, dialog);
}

/* People and roles ------------------------------------------------------------- */

static void
on_person_saved (BatonPersonDialog *dialog,
                 const char        *message,
                 BatonCapacityView *self)
{
  show_undo_toast (self, message);
}

static void
open_person_dialog (BatonCapacityView *self,
                    BatonPerson       *person)
{
  GtkWidget *dialog;

  dialog = baton_person_dialog_new (self->store, person,
                                    g_settings_get_double (self->settings, "default-weekly-hours"));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_person_saved), self, 0);
  present_dialog (self, &self->person_dialog, dialog);
}

static void
add_person_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_person_dialog (BATON_CAPACITY_VIEW (widget), NULL);
}

static void
edit_person_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);
  BatonPerson *person = baton_store_lookup_person (self->store, g_variant_get_int64 (parameter));

  if (person != NULL)
    open_person_dialog (self, person);
}

static void
archive_person_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);
  BatonPerson *person = baton_store_lookup_person (self->store, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (person == NULL)
    return;

  if (!baton_store_update (self->store, person, &error, "archived", (gboolean) TRUE, NULL))
    {
      show_error (self, _("Could Not Archive"), error->message);
      return;
    }

  /* Translators: a toast; %s is a person's name */
  message = g_strdup_printf (_("%s archived"), baton_person_get_name (person));
  show_undo_toast (self, message);
}

/* Restores an archived person: one store call, one undo step. An unknown
 * id, or a person who is not archived, changes nothing. */
static void
restore_person_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);
  BatonPerson *person = baton_store_lookup_person (self->store, g_variant_get_int64 (parameter));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (person == NULL || !baton_person_get_archived (person))
    return;

  if (!baton_store_update (self->store, person, &error, "archived", (gboolean) FALSE, NULL))
    {
      show_error (self, _("Could Not Restore"), error->message);
      return;
    }

  /* Translators: a toast; %s is a person's name */
  message = g_strdup_printf (_("%s restored"), baton_person_get_name (person));
  show_undo_toast (self, message);
}

static void
on_archived_restore (BatonArchivedDialog *dialog,
                     gint64               person_id,
                     BatonCapacityView   *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "capacity.restore-person", "x", person_id);
}

static void
show_archived_people_activated (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);
  GtkWidget *dialog = baton_archived_dialog_new (self->store);

  g_signal_connect_object (dialog, "restore", G_CALLBACK (on_archived_restore), self, 0);
  present_dialog (self, &self->archived_dialog, dialog);
}

static void
manage_roles_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);

  present_dialog (self, &self->roles_dialog, baton_roles_dialog_new (self->store));
}

/* Navigation -------------------------------------------------------------------- */

void
baton_capacity_view_show_week (BatonCapacityView *self,
                               guint32            julian)
{
  g_return_if_fail (BATON_IS_CAPACITY_VIEW (self));
  g_return_if_fail (julian > 0);

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  baton_capacity_grid_set_weeks (self->grid, julian, baton_capacity_grid_get_n_weeks (self->grid));
  update_range_label (self);
}

guint32
baton_capacity_view_get_first_week (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), 0);

  return baton_capacity_grid_get_first_week (self->grid);
}

static void
previous_week_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);

  baton_capacity_view_show_week (self, baton_capacity_grid_get_first_week (self->grid) - 7);
}

static void
next_week_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);

  baton_capacity_view_show_week (self, baton_capacity_grid_get_first_week (self->grid) + 7);
}

static void
today_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (widget);

  baton_capacity_grid_set_today (self->grid, today ());
  baton_capacity_view_show_week (self, today ());
}

/* The cell popover ---------------------------------------------------------------- */

static GMenuModel *
build_task_menu (BatonTask *task,
                 gpointer   user_data)
{
  BatonCapacityView *self = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) people = g_menu_new ();
  g_autoptr(GMenu) weeks = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GArray) candidates = NULL;
  BatonCapacityInput input;
  gint64 task_id = baton_record_get_id (BATON_RECORD (task));
  gboolean assigned = baton_task_get_assignee_id (task) != 0;
  static const gint shifts[] = { -2, -1, 1, 2, 3, 4 };

  baton_capacity_input_from_store (self->store, &input);
  candidates = baton_capacity_who_has_room (capacity_settings (self), &input, task, today ());

  for (guint i = 0; i < candidates->len; i++)
    {
      const BatonRoomCandidate *candidate = &g_array_index (candidates, BatonRoomCandidate, i);
      g_autofree char *name = escape_underscores (baton_person_get_name (candidate->person));
      g_autofree char *hours = baton_duration_format_hours (ABS (candidate->free_minutes));
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (candidate->is_assignee)
        continue;

      label = candidate->free_minutes >= 0
        /* Translators: a person in the “Reassign to” menu, with their free hours */
        ? g_strdup_printf (_("%s (%s h free)"), name, hours)
        /* Translators: a person in the “Reassign to” menu, with the hours they are over */
        : g_strdup_printf (_("%s (%s h over)"), name, hours);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "capacity.reassign", "(xx)", task_id,
                                         baton_record_get_id (BATON_RECORD (candidate->person)));
      g_menu_append_item (people, item);
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (people)) == 0)
    g_menu_append (people, _("Nobody else holds this role"), "capacity.none");

  if (assigned)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Unassign"), NULL);

      g_menu_item_set_action_and_target (item, "capacity.reassign", "(xx)", task_id, (gint64) 0);
      g_menu_append_item (people, item);
    }

  for (guint i = 0; i < G_N_ELEMENTS (shifts); i++)
    {
      guint32 target = self->popover_week + shifts[i] * 7;
      g_autofree char *label = describe_week (target);
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "capacity.move-to-week", "(xi)", task_id, (gint32) shifts[i]);
      g_menu_append_item (weeks, item);
    }

  g_menu_append_submenu (section, assigned ? _("Reassign To") : _("Assign To"), G_MENU_MODEL (people));
  g_menu_append_submenu (section, _("Move to Week"), G_MENU_MODEL (weeks));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));

  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Who Has Room?"), NULL);
    g_autoptr(GMenu) room = g_menu_new ();

    g_menu_item_set_action_and_target (item, "capacity.who-has-room", "x", task_id);
    g_menu_append_item (room, item);
    g_menu_append_section (menu, NULL, G_MENU_MODEL (room));
  }

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void begin_drag_state (BatonCapacityView *self,
                              BatonTask         *task,
                              guint32            origin_week);
static void end_drag_state   (BatonCapacityView *self);
static void set_drag_icon    (BatonCapacityView *self,
                              GdkDrag           *drag);

static void
on_popover_drag_prepare (BatonCellPopover  *popover,
                         BatonTask         *task,
                         BatonCapacityView *self)
{
  begin_drag_state (self, task, self->popover_week);
}

static void
on_popover_drag_begin (BatonCellPopover  *popover,
                       BatonTask         *task,
                       GdkDrag           *drag,
                       BatonCapacityView *self)
{
  set_drag_icon (self, drag);
  /* Out of the way, so that the cells under it can take the drop. */
  gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
on_popover_drag_end (BatonCellPopover  *popover,
                     BatonTask         *task,
                     BatonCapacityView *self)
{
  end_drag_state (self);
}

/* Fills the popover from the cell it belongs to; closes it when that cell
 * is gone. Returns FALSE then. */
static gboolean
fill_popover (BatonCapacityView *self)
{
  BatonCapacity *matrix = baton_capacity_grid_get_matrix (self->grid);
  gint week = baton_capacity_get_week_index (matrix, self->popover_week);
  g_autofree char *week_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *status = NULL;
  gboolean warning = FALSE;
  GArray *shares;
  gint row;
  /* Translators: a week's first and last working days, strftime format */
  g_autofree char *first = format_day (self->popover_week, _("%b %-d"));
  BatonGridCellInfo info;

  if (week < 0)
    return FALSE;

  week_text = describe_week (self->popover_week);

  if (self->popover_kind == BATON_GRID_ROW_PERSON)
    {
      gint matrix_row = baton_capacity_get_row (matrix, self->popover_id);
      BatonPerson *person;

      row = baton_capacity_grid_find_person_row (self->grid, self->popover_id);
      if (row < 0 || matrix_row < 0)
        return FALSE;

      person = baton_capacity_get_person (matrix, matrix_row);
      baton_capacity_grid_get_cell_info (self->grid, row, week, &info);
      shares = baton_capacity_get_shares (matrix, matrix_row, week);
      title = g_strdup (baton_person_get_name (person));

      if (info.days_off > 0)
        {
          g_autofree char *off = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day off", "%u days off",
                                                               info.days_off), info.days_off);

          subtitle = g_strdup_printf ("%s · %s · %s", week_text, info.text, off);
        }
      else
        subtitle = g_strdup_printf ("%s · %s", week_text, info.text);

      if (info.level == BATON_LOAD_OVER)
        {
          g_autofree char *over = baton_duration_format_hours (info.load - info.capacity);

          /* Translators: %s is hours above capacity */
          status = g_strdup_printf (_("Over capacity by %s h"), over);
          warning = TRUE;
        }
      else if (info.level == BATON_LOAD_HIGH)
        status = g_strdup (_("Near capacity"));
    }
  else
    {
      BatonRole *role = baton_store_lookup_role (self->store, self->popover_id);

      row = baton_capacity_grid_find_unassigned_row (self->grid, self->popover_id);
      if (row < 0 || role == NULL)
        return FALSE;

      baton_capacity_grid_get_cell_info (self->grid, row, week, &info);
      shares = baton_capacity_get_unassigned_shares (matrix, self->popover_id, week);
      /* Translators: the title of an Unassigned cell's popover; %s is a role */
      title = g_strdup_printf (_("Unassigned · %s"), baton_role_get_name (role));
      if (info.load > 0)
        /* Translators: a week, then the hours of unassigned work: "12 h needed" */
        subtitle = g_strdup_printf (_("%s · %s needed"), week_text, info.text);
      else
        subtitle = g_strdup (week_text);
    }

  baton_cell_popover_set_cell (self->popover, title, subtitle, status, warning, shares);
  return TRUE;
}

static void
refresh_popover (BatonCapacityView *self)
{
  if (self->popover == NULL || !gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    return;

  if (!fill_popover (self))
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
open_cell_popover (BatonCapacityView *self,
                   guint              row,
                   guint              week)
{
  BatonCapacity *matrix = baton_capacity_grid_get_matrix (self->grid);
  GdkRectangle rect;

  if (self->popover == NULL)
    {
      self->popover = BATON_CELL_POPOVER (baton_cell_popover_new (self->store));
      baton_cell_popover_set_menu_func (self->popover, build_task_menu, self);
      g_signal_connect_object (self->popover, "task-drag-prepare", G_CALLBACK (on_popover_drag_prepare), self, 0);
      g_signal_connect_object (self->popover, "task-drag-begin", G_CALLBACK (on_popover_drag_begin), self, 0);
      g_signal_connect_object (self->popover, "task-drag-end", G_CALLBACK (on_popover_drag_end), self, 0);
      gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (self->grid));
    }

  self->popover_kind = baton_capacity_grid_get_row_kind (self->grid, row);
  self->popover_week = baton_capacity_get_week_start (matrix, week);
  if (self->popover_kind == BATON_GRID_ROW_PERSON)
    self->popover_id = baton_record_get_id (BATON_RECORD (baton_capacity_grid_get_row_person (self->grid, row)));
  else
    self->popover_id = baton_capacity_grid_get_row_role_id (self->grid, row);

  if (!fill_popover (self))
    return;

  baton_capacity_grid_get_cell_rect (self->grid, row, (gint) week, &rect);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
open_person_menu (BatonCapacityView *self,
                  guint              row)
{
  BatonPerson *person = baton_capacity_grid_get_row_person (self->grid, row);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) archive = g_menu_item_new (_("_Archive"), NULL);
  gint64 person_id;
  GdkRectangle rect;

  if (person == NULL)
    return;

  person_id = baton_record_get_id (BATON_RECORD (person));
  g_menu_item_set_action_and_target (edit, "capacity.edit-person", "x", person_id);
  g_menu_item_set_action_and_target (archive, "capacity.archive-person", "x", person_id);
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, archive);

  if (self->person_menu != NULL)
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->person_menu), G_MENU_MODEL (menu));
  else
    {
      self->person_menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->person_menu), TRUE);
      gtk_widget_set_parent (self->person_menu, GTK_WIDGET (self->grid));
    }

  baton_capacity_grid_get_cell_rect (self->grid, row, -1, &rect);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->person_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->person_menu));
}

static void
on_cell_activated (BatonCapacityGrid *grid,
                   guint              row,
                   gint               week,
                   BatonCapacityView *self)
{
  BatonGridRowKind kind = baton_capacity_grid_get_row_kind (grid, row);

  if (kind == BATON_GRID_ROW_PERSON && week < 0)
    open_person_menu (self, row);
  else if (kind != BATON_GRID_ROW_ROLE && week >= 0)
    open_cell_popover (self, row, (guint) week);
}

/* Drag and drop ---------------------------------------------------------------------- */

/* Minutes the dragged task has in the week starting @week_start. */
static double
drag_minutes_in (BatonCapacityView *self,
                 guint32            week_start)
{
  if (self->drag_weeks == NULL)
    return 0;

  for (guint i = 0; i < self->drag_weeks->len; i++)
    if (g_array_index (self->drag_weeks, guint32, i) == week_start)
      return g_array_index (self->drag_minutes, double, i);

  return 0;
}

static void
begin_drag_state (BatonCapacityView *self,
                  BatonTask         *task,
                  guint32            origin_week)
{
  g_set_object (&self->drag_task, task);

  if (self->drag_weeks == NULL)
    {
      self->drag_weeks = g_array_new (FALSE, FALSE, sizeof (guint32));
      self->drag_minutes = g_array_new (FALSE, FALSE, sizeof (double));
    }
  baton_capacity_spread_task (capacity_settings (self), task, self->drag_weeks, self->drag_minutes);

  /* A drag from elsewhere moves from the task's first week. */
  if (origin_week == 0 && self->drag_weeks->len > 0)
    origin_week = g_array_index (self->drag_weeks, guint32, 0);
  self->drag_origin_week = origin_week;

  baton_capacity_grid_set_highlight_role (self->grid, baton_task_get_role_id (task));
}

static void
end_drag_state (BatonCapacityView *self)
{
  g_clear_weak_pointer (&self->drag);
  g_clear_weak_pointer (&self->drag_icon);
  self->icon_placed = FALSE;
  g_clear_object (&self->drag_task);
  self->drag_origin_week = 0;
  baton_capacity_grid_set_highlight_role (self->grid, 0);
  baton_capacity_grid_clear_preview (self->grid);
  baton_capacity_grid_autoscroll (self->grid, -1, -1);
}

typedef struct
{
  guint        row;
  gint         week;
  gboolean     change_person;
  BatonPerson *person;   /* NULL: unassign */
  gint         weeks;
} DropPlan;

/* What a drop of @task at (@x, @y) would do. FALSE when it would do
 * nothing or cannot land there. */
static gboolean
plan_drop (BatonCapacityView *self,
           BatonTask         *task,
           double             x,
           double             y,
           DropPlan          *plan)
{
  BatonCapacity *matrix = baton_capacity_grid_get_matrix (self->grid);
  BatonGridRowKind kind;

  memset (plan, 0, sizeof *plan);

  if (!baton_capacity_grid_pick (self->grid, x, y, &plan->row, &plan->week))
    return FALSE;

  kind = baton_capacity_grid_get_row_kind (self->grid, plan->row);
  switch (kind)
    {
    case BATON_GRID_ROW_PERSON:
      plan->person = baton_capacity_grid_get_row_person (self->grid, plan->row);
      plan->change_person = baton_task_get_assignee_id (task) != baton_record_get_id (BATON_RECORD (plan->person));
      break;
    case BATON_GRID_ROW_UNASSIGNED:
      if (baton_capacity_grid_get_row_role_id (self->grid, plan->row) != baton_task_get_role_id (task))
        return FALSE;
      plan->person = NULL;
      plan->change_person = baton_task_get_assignee_id (task) != 0;
      break;
    case BATON_GRID_ROW_ROLE:
    default:
      return FALSE;
    }

  if (plan->week >= 0 && self->drag_origin_week != 0)
    {
      gint64 target = baton_capacity_get_week_start (matrix, (guint) plan->week);

      plan->weeks = (gint) ((target - (gint64) self->drag_origin_week) / 7);
    }

  return plan->change_person || plan->weeks != 0;
}

/* Does the task count in @row now (its assignee's row, or its role's
 * Unassigned row), and will it after the drop @plan? */
static gboolean
row_holds_task (BatonCapacityView *self,
                BatonTask         *task,
                guint              row)
{
  switch (baton_capacity_grid_get_row_kind (self->grid, row))
    {
    case BATON_GRID_ROW_PERSON:
      return baton_task_get_assignee_id (task) ==
             baton_record_get_id (BATON_RECORD (baton_capacity_grid_get_row_person (self->grid, row)));
    case BATON_GRID_ROW_UNASSIGNED:
      return baton_task_get_assignee_id (task) == 0 &&
             baton_task_get_role_id (task) == baton_capacity_grid_get_row_role_id (self->grid, row);
    case BATON_GRID_ROW_ROLE:
    default:
      return FALSE;
    }
}

static gboolean
row_gets_task (BatonCapacityView *self,
               BatonTask         *task,
               guint              row,
               const DropPlan    *plan)
{
  switch (baton_capacity_grid_get_row_kind (self->grid, row))
    {
    case BATON_GRID_ROW_PERSON:
      return plan->person != NULL && plan->person == baton_capacity_grid_get_row_person (self->grid, row);
    case BATON_GRID_ROW_UNASSIGNED:
      return plan->person == NULL &&
             baton_task_get_role_id (task) == baton_capacity_grid_get_row_role_id (self->grid, row);
    case BATON_GRID_ROW_ROLE:
    default:
      return FALSE;
    }
}

/* The load of cell (@row, @week) before and after the drop @plan, minutes. */
static void
cell_load_change (BatonCapacityView *self,
                  BatonTask         *task,
                  guint              row,
                  guint              week,
                  const DropPlan    *plan,
                  double            *before,
                  double            *after)
{
  BatonCapacity *matrix = baton_capacity_grid_get_matrix (self->grid);
  guint32 week_start = baton_capacity_get_week_start (matrix, week);
  double load = 0;

  if (baton_capacity_grid_get_row_kind (self->grid, row) == BATON_GRID_ROW_PERSON)
    load = baton_capacity_get_load (matrix, baton_capacity_grid_get_row_matrix_row (self->grid, row), week);
  else
    load = baton_capacity_get_unassigned (matrix, baton_capacity_grid_get_row_role_id (self->grid, row), week);

  *before = load;
  if (row_holds_task (self, task, row))
    load -= drag_minutes_in (self, week_start);
  if (row_gets_task (self, task, row, plan))
    load += drag_minutes_in (self, week_start - plan->weeks * 7);
  *after = MAX (load, 0);
}

static char *
describe_change (double before,
                 double after)
{
  g_autofree char *a = baton_duration_format_hours (before);
  g_autofree char *b = baton_duration_format_hours (after);

  /* Translators: a drop preview, load before → after in hours: "32 → 40 h" */
  return g_strdup_printf (_("%s → %s h"), a, b);
}

/* The cell the dragged task leaves: where it counts now, in the week the
 * drag started from. FALSE when that cell is not shown. */
static gboolean
find_source_cell (BatonCapacityView *self,
                  BatonTask         *task,
                  guint             *row,
                  guint             *week)
{
  BatonCapacity *matrix = baton_capacity_grid_get_matrix (self->grid);
  gint found_row, found_week;

  if (self->drag_origin_week == 0)
    return FALSE;

  found_week = baton_capacity_get_week_index (matrix, self->drag_origin_week);
  if (baton_task_get_assignee_id (task) != 0)
    found_row = baton_capacity_grid_find_person_row (self->grid, baton_task_get_assignee_id (task));
  else if (baton_task_get_role_id (task) != 0)
    found_row = baton_capacity_grid_find_unassigned_row (self->grid, baton_task_get_role_id (task));
  else
    found_row = -1;

  if (found_row < 0 || found_week < 0)
    return FALSE;

  *row = (guint) found_row;
  *week = (guint) found_week;
  return TRUE;
}

static void
update_preview (BatonCapacityView *self,
                BatonTask         *task,
                const DropPlan    *plan)
{
  const BatonCapacitySettings *settings = capacity_settings (self);
  double before, after, capacity = 0;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  gboolean warning = FALSE;
  guint source_row, source_week;

  if (plan->week < 0)
    {
      baton_capacity_grid_clear_preview (self->grid);
      return;
    }

  cell_load_change (self, task, plan->row, (guint) plan->week, plan, &before, &after);

  if (plan->person != NULL)
    {
      BatonCapacity *matrix = baton_capacity_grid_get_matrix (self->grid);
      gint matrix_row = baton_capacity_grid_get_row_matrix_row (self->grid, plan->row);
      gint64 person_id = baton_record_get_id (BATON_RECORD (plan->person));
      gint64 role_id = baton_task_get_role_id (task);

      capacity = baton_capacity_get_capacity (matrix, matrix_row, (guint) plan->week);

      if (role_id != 0 && !baton_capacity_grid_person_holds_role (self->grid, person_id, role_id))
        {
          BatonRole *role = baton_store_lookup_role (self->store, role_id);

          warning = TRUE;
          /* Translators: a drop preview's warning; %s is a role */
          note = g_strdup_printf (_("Not a %s"), role ? baton_role_get_name (role) : "");
        }

      if ((capacity <= 0 && after > 0) ||
          (capacity > 0 && after / capacity > settings->over_threshold + 1e-9))
        {
          warning = TRUE;
          if (note == NULL)
            note = g_strdup (_("Over capacity"));
        }
    }
  else
    note = g_strdup (_("Unassigned"));

  text = describe_change (before, after);
  baton_capacity_grid_set_preview (self->grid, plan->row, (guint) plan->week, text, warning, note);

  /* The cell the task leaves, alongside: "46 → 16 h". */
  if (find_source_cell (self, task, &source_row, &source_week) &&
      (source_row != plan->row || (gint) source_week != plan->week))
    {
      g_autofree char *source_text = NULL;

      cell_load_change (self, task, source_row, source_week, plan, &before, &after);
      source_text = describe_change (before, after);
      baton_capacity_grid_set_source_preview (self->grid, (gint) source_row, (gint) source_week, source_text);
    }
  else
    baton_capacity_grid_set_source_preview (self->grid, -1, -1, NULL);
}

/* The drag's chip ---------------------------------------------------------------------- */

static gboolean
rects_overlap (const GdkRectangle *a,
               const GdkRectangle *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Where the chip goes for a pointer at (@x, @y) over the grid: off the
 * target cell and the source cell, so both previews stay readable — below
 * the target, else above it, else beside it; without a target, just below
 * and right of the pointer. Grid coordinates. */
static void
place_icon_rect (BatonCapacityView  *self,
                 double              x,
                 double              y,
                 int                 width,
                 int                 height,
                 const GdkRectangle *target,
                 const GdkRectangle *source,
                 GdkRectangle       *out)
{
  int grid_height = gtk_widget_get_height (GTK_WIDGET (self->grid));
  int left = (int) x - 12;
  GdkRectangle candidates[4];

  if (target == NULL)
    {
      *out = (GdkRectangle) { (int) x + 16, (int) y + 20, width, height };
      return;
    }

  candidates[0] = (GdkRectangle) { left, target->y + target->height + ICON_GAP, width, height };
  candidates[1] = (GdkRectangle) { left, target->y - height - ICON_GAP, width, height };
  candidates[2] = (GdkRectangle) { target->x + target->width + ICON_GAP, (int) y - height / 2, width, height };
  candidates[3] = (GdkRectangle) { target->x - width - ICON_GAP, (int) y - height / 2, width, height };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      const GdkRectangle *c = &candidates[i];

      /* Below and above: only when the chip stays within the grid. */
      if ((i == 0 && c->y + c->height > grid_height) || (i == 1 && c->y < 0))
        continue;
      if (source != NULL && rects_overlap (c, source))
        continue;

      *out = *c;
      return;
    }

  *out = candidates[0];
}

/* Moves the chip of the drag under way for a pointer at (@x, @y). */
static void
place_drag_icon (BatonCapacityView *self,
                 double             x,
                 double             y,
                 const DropPlan    *plan)
{
  GdkRectangle target_rect, source_rect;
  gboolean has_target = FALSE, has_source = FALSE;
  int width = 0, height = 0;
  guint source_row, source_week;

  if (self->drag_icon == NULL)
    return;

  gtk_widget_measure (self->drag_icon, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &width, NULL, NULL);
  gtk_widget_measure (self->drag_icon, GTK_ORIENTATION_VERTICAL, width, NULL, &height, NULL, NULL);

  if (plan != NULL && plan->week >= 0)
    has_target = baton_capacity_grid_get_cell_rect (self->grid, plan->row, plan->week, &target_rect);
  if (baton_capacity_grid_get_source_preview_text (self->grid, &source_row, &source_week) != NULL)
    has_source = baton_capacity_grid_get_cell_rect (self->grid, source_row, (gint) source_week, &source_rect);

  place_icon_rect (self, x, y, width, height,
                   has_target ? &target_rect : NULL, has_source ? &source_rect : NULL,
                   &self->icon_rect);
  self->icon_placed = TRUE;

  /* The hotspot is the point of the chip kept under the pointer. */
  if (self->drag != NULL)
    gdk_drag_set_hotspot (self->drag, (int) x - self->icon_rect.x, (int) y - self->icon_rect.y);
}

/* A chip of the task as the drag's icon: role color, title, its hours in
 * the week it leaves. */
static void
set_drag_icon (BatonCapacityView *self,
               GdkDrag           *drag)
{
  GtkWidget *icon, *chip;
  BatonRole *role = NULL;
  double minutes;

  if (self->drag_task == NULL)
    return;

  if (baton_task_get_role_id (self->drag_task) != 0)
    role = baton_store_lookup_role (self->store, baton_task_get_role_id (self->drag_task));
  minutes = drag_minutes_in (self, self->drag_origin_week);
  if (minutes <= 0)
    minutes = baton_task_get_estimate_minutes (self->drag_task);

  chip = baton_task_chip_new (self->drag_task, role, minutes);
  icon = gtk_drag_icon_get_for_drag (drag);
  gtk_drag_icon_set_child (GTK_DRAG_ICON (icon), chip);

  g_set_weak_pointer (&self->drag, drag);
  g_set_weak_pointer (&self->drag_icon, chip);
  self->icon_placed = FALSE;

  /* Below and right of the pointer until it hovers a cell. */
  gdk_drag_set_hotspot (drag, -16, -20);
}

static BatonTask *
drop_task (BatonCapacityView *self,
           GtkDropTarget     *target)
{
  const GValue *value = gtk_drop_target_get_value (target);

  if (value != NULL && G_VALUE_HOLDS (value, BATON_TYPE_TASK) && g_value_get_object (value) != NULL)
    {
      BatonTask *task = g_value_get_object (value);

      if (task != self->drag_task)
        begin_drag_state (self, task, 0);
    }

  return self->drag_task;
}

static GdkDragAction
on_drop_motion (GtkDropTarget     *target,
                double             x,
                double             y,
                BatonCapacityView *self)
{
  BatonTask *task;
  DropPlan plan;

  /* A drag cancelled with Escape that GTK still moves around. */
  if (baton_drop_target_is_cancelled (target))
    {
      baton_capacity_grid_clear_preview (self->grid);
      baton_capacity_grid_autoscroll (self->grid, -1, -1);
      return 0;
    }

  task = drop_task (self, target);
  baton_capacity_grid_autoscroll (self->grid, x, y);

  if (task == NULL)
    return 0;

  baton_capacity_grid_set_highlight_role (self->grid, baton_task_get_role_id (task));

  if (!plan_drop (self, task, x, y, &plan))
    {
      baton_capacity_grid_clear_preview (self->grid);
      place_drag_icon (self, x, y, NULL);
      return 0;
    }

  update_preview (self, task, &plan);
  place_drag_icon (self, x, y, &plan);
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave (GtkDropTarget     *target,
               BatonCapacityView *self)
{
  baton_capacity_grid_clear_preview (self->grid);
  baton_capacity_grid_autoscroll (self->grid, -1, -1);
}

/* The keyboard goes on from @ref's cell (when the view is on show: a
 * change undone from another view leaves the focus there). */
static void
focus_cell_ref (BatonCapacityView *self,
                const CellRef     *ref)
{
  guint32 first = baton_capacity_grid_get_first_week (self->grid);
  guint n_weeks = baton_capacity_grid_get_n_weeks (self->grid);
  gint row;
  gint week;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || ref->week_start < first)
    return;

  row = ref->person_id != 0 ? baton_capacity_grid_find_person_row (self->grid, ref->person_id)
                            : baton_capacity_grid_find_unassigned_row (self->grid, ref->role_id);
  week = (gint) ((ref->week_start - first) / 7);
  if (row < 0 || week >= (gint) n_weeks)
    return;

  baton_capacity_grid_set_focus_cell (self->grid, (guint) row, week);
  gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

/* Undo or Redo of the last drop: the focus follows the task. */
static void
on_history_changed (BatonCapacityView *self)
{
  BatonHistory *history = baton_store_get_history (self->store);
  gconstpointer undo_top = baton_history_peek_undo (history);
  gconstpointer redo_top = baton_history_peek_redo (history);
  gboolean undone = redo_top != NULL && redo_top == self->undo_top;
  gboolean redone = undo_top != NULL && undo_top == self->redo_top;

  if (undo_top == self->undo_top && redo_top == self->redo_top)
    return;
  self->undo_top = undo_top;
  self->redo_top = redo_top;

  if (self->drop_change == NULL)
    return;
  if (undone && redo_top == self->drop_change)
    focus_cell_ref (self, &self->drop_from);
  else if (redone && undo_top == self->drop_change)
    focus_cell_ref (self, &self->drop_to);
}

static gboolean
on_drop (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         BatonCapacityView *self)
{
  BatonTask *task;
  DropPlan plan;
  gboolean done = FALSE;

  if (!G_VALUE_HOLDS (value, BATON_TYPE_TASK) || (task = g_value_get_object (value)) == NULL)
    return FALSE;

  /* Escape cancelled it, whatever the mouse release says. */
  if (baton_drop_target_is_cancelled (target))
    {
      end_drag_state (self);
      return FALSE;
    }

  /* The store may have reloaded since the drag began: use its object. */
  task = baton_store_lookup_task (self->store, baton_record_get_id (BATON_RECORD (task)));
  if (task == NULL)
    return FALSE;

  if (task != self->drag_task)
    begin_drag_state (self, task, self->drag_task != NULL ? self->drag_origin_week : 0);

  if (plan_drop (self, task, x, y, &plan))
    {
      CellRef from = {
        baton_task_get_assignee_id (task), baton_task_get_role_id (task), self->drag_origin_week,
      };
      CellRef to = {
        plan.person != NULL ? baton_record_get_id (BATON_RECORD (plan.person)) : 0,
        baton_task_get_role_id (task),
        baton_capacity_grid_get_first_week (self->grid) + 7 * (guint32) MAX (plan.week, 0),
      };

      done = move_task (self, task, plan.change_person, plan.person, plan.weeks);
      if (done)
        {
          self->drop_change = baton_history_peek_undo (baton_store_get_history (self->store));
          self->drop_from = from;
          self->drop_to = to;
          focus_cell_ref (self, &to);
        }
    }

  baton_capacity_grid_clear_preview (self->grid);
  baton_capacity_grid_set_highlight_role (self->grid, 0);
  baton_capacity_grid_autoscroll (self->grid, -1, -1);

  return done;
}

/* The largest task of the cell under (@x, @y), and the week it is in. */
static BatonTask *
task_at (BatonCapacityView *self,
         double             x,
         double             y,
         guint32           *week_start)
{
  BatonCapacity *matrix = baton_capacity_grid_get_matrix (self->grid);
  GArray *shares = NULL;
  BatonTask *best = NULL;
  double best_minutes = -1;
  guint row;
  gint week;

  if (!baton_capacity_grid_pick (self->grid, x, y, &row, &week) || week < 0)
    return NULL;

  switch (baton_capacity_grid_get_row_kind (self->grid, row))
    {
    case BATON_GRID_ROW_PERSON:
      shares = baton_capacity_get_shares (matrix, baton_capacity_grid_get_row_matrix_row (self->grid, row),
                                          (guint) week);
      break;
    case BATON_GRID_ROW_UNASSIGNED:
      shares = baton_capacity_get_unassigned_shares (matrix, baton_capacity_grid_get_row_role_id (self->grid, row),
                                                     (guint) week);
      break;
    case BATON_GRID_ROW_ROLE:
    default:
      return NULL;
    }

  for (guint i = 0; shares != NULL && i < shares->len; i++)
    {
      const BatonCapacityShare *share = &g_array_index (shares, BatonCapacityShare, i);

      if (share->minutes > best_minutes)
        {
          best = share->task;
          best_minutes = share->minutes;
        }
    }

  *week_start = baton_capacity_get_week_start (matrix, (guint) week);
  return best;
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource     *source,
                 double             x,
                 double             y,
                 BatonCapacityView *self)
{
  guint32 week_start = 0;
  BatonTask *task;

  /* A workspace that cannot be written: nothing to move. */
  if (baton_store_get_read_only (self->store))
    return NULL;

  task = task_at (self, x, y, &week_start);
  if (task == NULL)
    return NULL;

  begin_drag_state (self, task, week_start);

  return gdk_content_provider_new_typed (BATON_TYPE_TASK, task);
}

static void
on_drag_begin (GtkDragSource     *source,
               GdkDrag           *drag,
               BatonCapacityView *self)
{
  if (self->drag_task == NULL)
    return;

  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));

  set_drag_icon (self, drag);
  baton_drag_cancel_on_escape (source, drag);
}

static void
on_drag_end (GtkDragSource     *source,
             GdkDrag           *drag,
             gboolean           delete_data,
             BatonCapacityView *self)
{
  end_drag_state (self);
}

/* Test and benchmark access -------------------------------------------------------- */

BatonCapacityGrid *
baton_capacity_view_get_grid (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->grid;
}

GtkDragSource *
baton_capacity_view_get_drag_source (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->drag_source;
}

GtkDropTarget *
baton_capacity_view_get_drop_target (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->drop_target;
}

gboolean
baton_capacity_view_get_cell_info (BatonCapacityView *self,
                                   gint64             person_id,
                                   guint              week,
                                   BatonGridCellInfo *info)
{
  gint row;

  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), FALSE);

  row = baton_capacity_grid_find_person_row (self->grid, person_id);
  if (row < 0 || week >= baton_capacity_grid_get_n_weeks (self->grid))
    return FALSE;

  baton_capacity_grid_get_cell_info (self->grid, (guint) row, week, info);
  return TRUE;
}

char *
baton_capacity_view_get_cell_text (BatonCapacityView *self,
                                   gint64             person_id,
                                   guint              week)
{
  BatonGridCellInfo info;

  if (!baton_capacity_view_get_cell_info (self, person_id, week, &info))
    return NULL;

  return g_strdup (info.text);
}

gboolean
baton_capacity_view_get_cell_point (BatonCapacityView *self,
                                    gint64             person_id,
                                    gint64             role_id,
                                    gint               week,
                                    double            *x,
                                    double            *y)
{
  GdkRectangle rect;
  gint row;

  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), FALSE);

  row = person_id != 0 ? baton_capacity_grid_find_person_row (self->grid, person_id)
                       : baton_capacity_grid_find_unassigned_row (self->grid, role_id);
  if (row < 0)
    return FALSE;

  baton_capacity_grid_scroll_to_cell (self->grid, (guint) row, week);
  if (!baton_capacity_grid_get_cell_rect (self->grid, (guint) row, week, &rect))
    return FALSE;

  *x = rect.x + rect.width / 2.0;
  *y = rect.y + rect.height / 2.0;
  return TRUE;
}

const char *
baton_capacity_view_get_empty_state (BatonCapacityView *self)
{
  const char *name;

  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  name = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (name, "grid") == 0)
    return gtk_revealer_get_reveal_child (self->next_steps) ? "no-cards" : NULL;

  return name;
}

GtkWidget *
baton_capacity_view_get_empty_page (BatonCapacityView *self)
{
  const char *state;

  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  state = baton_capacity_view_get_empty_state (self);
  if (g_strcmp0 (state, "no-roles") == 0)
    return self->no_roles_page;
  if (g_strcmp0 (state, "no-people") == 0)
    return self->no_people_page;
  if (g_strcmp0 (state, "no-cards") == 0)
    return GTK_WIDGET (self->next_steps);

  return NULL;
}

GtkWidget *
baton_capacity_view_get_drag_icon (BatonCapacityView *self,
                                   GdkRectangle      *rect)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  if (self->drag_icon == NULL)
    return NULL;

  if (rect != NULL)
    {
      if (self->icon_placed)
        *rect = self->icon_rect;
      else
        *rect = (GdkRectangle) { 0, 0, 0, 0 };
    }

  return self->drag_icon;
}

BatonCellPopover *
baton_capacity_view_get_cell_popover (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->popover;
}

GtkWidget *
baton_capacity_view_get_room_dialog (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->room_dialog;
}

GtkWidget *
baton_capacity_view_get_person_dialog (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->person_dialog;
}

GtkWidget *
baton_capacity_view_get_roles_dialog (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->roles_dialog;
}

GtkWidget *
baton_capacity_view_get_archived_dialog (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->archived_dialog;
}

/* GObject --------------------------------------------------------------------------- */

static void
load_style (void)
{
  static gsize loaded;

  if (g_once_init_enter (&loaded))
    {
      GdkDisplay *display = gdk_display_get_default ();

      if (display != NULL)
        {
          g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

          gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/capacity/baton-capacity.css");
          gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                      GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
        }
      g_once_init_leave (&loaded, 1);
    }
}

static void
baton_capacity_view_constructed (GObject *object)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (object);
  static const char * const keys[] = {
    "weeks-shown", "working-days", "first-day-of-week", "overload-threshold", "high-load-threshold",
  };

  G_OBJECT_CLASS (baton_capacity_view_parent_class)->constructed (object);

  g_assert (BATON_IS_STORE (self->store));

  self->grid = BATON_CAPACITY_GRID (baton_capacity_grid_new (self->store));
  gtk_scrolled_window_set_child (self->scroller, GTK_WIDGET (self->grid));
  g_signal_connect_object (self->grid, "cell-activated", G_CALLBACK (on_cell_activated), self, 0);

  /* One drag source for the cells (the largest task of the cell)… */
  self->drag_source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (self->drag_source, GDK_ACTION_MOVE);
  g_signal_connect (self->drag_source, "prepare", G_CALLBACK (on_drag_prepare), self);
  g_signal_connect (self->drag_source, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (self->drag_source, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self->grid), GTK_EVENT_CONTROLLER (g_object_ref (self->drag_source)));

  /* …and one drop target for the whole grid. */
  self->drop_target = gtk_drop_target_new (BATON_TYPE_TASK, GDK_ACTION_MOVE);
  gtk_drop_target_set_preload (self->drop_target, TRUE);
  g_signal_connect (self->drop_target, "motion", G_CALLBACK (on_drop_motion), self);
  g_signal_connect (self->drop_target, "leave", G_CALLBACK (on_drop_leave), self);
  g_signal_connect (self->drop_target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self->grid), GTK_EVENT_CONTROLLER (g_object_ref (self->drop_target)));

  self->settings = g_settings_new (APP_ID);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", keys[i], NULL);

      g_signal_connect_object (self->settings, signal, G_CALLBACK (on_settings_changed), self, 0);
    }
  load_settings (self);
  baton_capacity_view_show_week (self, today ());

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  /* Any property: the tops of the stacks change with the labels. */
  g_signal_connect_object (baton_store_get_history (self->store), "notify", G_CALLBACK (on_history_changed),
                           self, G_CONNECT_SWAPPED);
  self->undo_top = baton_history_peek_undo (baton_store_get_history (self->store));
  self->redo_top = baton_history_peek_redo (baton_store_get_history (self->store));
  update_empty_state (self);

  /* A workspace that cannot be written can be looked at, not changed. */
  {
    static const char * const editing[] = {
      "capacity.reassign", "capacity.move-to-week", "capacity.add-person", "capacity.edit-person",
      "capacity.archive-person", "capacity.restore-person", "capacity.manage-roles", NULL,
    };

    baton_read_only_disable_actions (GTK_WIDGET (self), self->store, editing);
  }
}

static void
baton_capacity_view_dispose (GObject *object)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (object);

  if (self->room_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->room_dialog));
  if (self->person_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->person_dialog));
  if (self->roles_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->roles_dialog));
  if (self->archived_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->archived_dialog));
  g_clear_weak_pointer (&self->room_dialog);
  g_clear_weak_pointer (&self->person_dialog);
  g_clear_weak_pointer (&self->roles_dialog);
  g_clear_weak_pointer (&self->archived_dialog);

  if (self->popover != NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self->popover));
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  if (self->person_menu != NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (self->person_menu));
      g_clear_pointer (&self->person_menu, gtk_widget_unparent);
    }

  /* AdwBin unparents its child (the template's stack) itself. */

  /* A drag under way outlives the view (its window closed mid-drag):
   * neither its end nor its drag and chip may reach in here afterwards. */
  if (self->drag_source != NULL)
    g_signal_handlers_disconnect_by_data (self->drag_source, self);
  if (self->drop_target != NULL)
    g_signal_handlers_disconnect_by_data (self->drop_target, self);
  g_clear_weak_pointer (&self->drag);
  g_clear_weak_pointer (&self->drag_icon);
  g_clear_object (&self->drag_source);
  g_clear_object (&self->drop_target);
  g_clear_object (&self->drag_task);
  g_clear_pointer (&self->drag_weeks, g_array_unref);
  g_clear_pointer (&self->drag_minutes, g_array_unref);
  g_clear_object (&self->settings);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (baton_store_get_history (self->store), on_history_changed, self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_capacity_view_parent_class)->dispose (object);
}

static void
baton_capacity_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_capacity_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BatonCapacityView *self = BATON_CAPACITY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_assert (self->store == NULL);
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_capacity_view_class_init (BatonCapacityViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baton_capacity_view_constructed;
  object_class->dispose = baton_capacity_view_dispose;
  object_class->get_property = baton_capacity_view_get_property;
  object_class->set_property = baton_capacity_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BATON_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/capacity/baton-capacity-view.ui");
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, stack);
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, no_roles_page);
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, no_people_page);
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, next_steps);
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, range_label);
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, high_label);
  gtk_widget_class_bind_template_child (widget_class, BatonCapacityView, scroller);

  gtk_widget_class_install_action (widget_class, "capacity.previous-week", NULL, previous_week_activated);
  gtk_widget_class_install_action (widget_class, "capacity.next-week", NULL, next_week_activated);
  gtk_widget_class_install_action (widget_class, "capacity.today", NULL, today_activated);
  gtk_widget_class_install_action (widget_class, "capacity.reassign", "(xx)", reassign_activated);
  gtk_widget_class_install_action (widget_class, "capacity.move-to-week", "(xi)", move_to_week_activated);
  gtk_widget_class_install_action (widget_class, "capacity.who-has-room", "x", who_has_room_activated);
  gtk_widget_class_install_action (widget_class, "capacity.add-person", NULL, add_person_activated);
  gtk_widget_class_install_action (widget_class, "capacity.edit-person", "x", edit_person_activated);
  gtk_widget_class_install_action (widget_class, "capacity.archive-person", "x", archive_person_activated);
  gtk_widget_class_install_action (widget_class, "capacity.restore-person", "x", restore_person_activated);
  gtk_widget_class_install_action (widget_class, "capacity.show-archived-people", NULL, show_archived_people_activated);
  gtk_widget_class_install_action (widget_class, "capacity.manage-roles", NULL, manage_roles_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "capacity.previous-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "capacity.next-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "capacity.today", NULL);

  g_type_ensure (BATON_TYPE_CAPACITY_GRID);
}

static void
baton_capacity_view_init (BatonCapacityView *self)
{
  load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* GTK 4.8 reads mnemonics out in accessible names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (GTK_WIDGET (self));
}

GtkWidget *
baton_capacity_view_new (BatonStore *store)
{
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  return g_object_new (BATON_TYPE_CAPACITY_VIEW, "store", store, NULL);
}

BatonStore *
baton_capacity_view_get_store (BatonCapacityView *self)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_VIEW (self), NULL);

  return self->store;
}
