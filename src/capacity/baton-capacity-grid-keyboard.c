/* baton-capacity-grid-keyboard.c — focus, keys, pointer, tooltips and accessibility
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-capacity-grid"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "baton-capacity-grid-private.h"
#include "baton-capacity-grid-cell.h"
#include "baton-calendar.h"
#include "baton-dates.h"


/* A person's roles, primary first: "Designer, also Writer". */
static void
describe_roles (BatonCapacityGrid *self,
                gint64             person_id,
                GString           *out)
{
  PersonRoles *roles = _baton_capacity_grid_lookup_person_roles (self, person_id);
  g_autoptr(GString) others = NULL;
  BatonRole *primary;

  if (roles == NULL || roles->role_ids->len == 0)
    return;

  primary = baton_store_lookup_role (self->store, g_array_index (roles->role_ids, gint64, 0));
  if (primary == NULL)
    return;

  g_string_append_printf (out, "\n%s", baton_role_get_name (primary));
  if (roles->role_ids->len == 1)
    return;

  others = g_string_new (NULL);
  for (guint i = 1; i < roles->role_ids->len; i++)
    {
      BatonRole *role = baton_store_lookup_role (self->store, g_array_index (roles->role_ids, gint64, i));

      if (role == NULL)
        continue;
      if (others->len > 0)
        g_string_append (others, _(", "));
      g_string_append (others, baton_role_get_name (role));
    }
  if (others->len > 0)
    /* Translators: after a person's primary role, the other roles they hold: "Designer, also Writer" */
    g_string_append_printf (out, _(", also %s"), others->str);
}

static void
describe_cell (BatonCapacityGrid *self,
               guint              index,
               gint               week,
               GString           *out)
{
  BatonGridRow *row = get_row (self, index);
  BatonGridCellInfo info;
  g_autofree char *week_label = NULL;
  guint32 start;
  GDate gdate;
  char buffer[64];

  if (week < 0)
    {
      if (row->kind == BATON_GRID_ROW_PERSON)
        {
          BatonPerson *person = baton_capacity_get_person (self->matrix, row->matrix_row);
          const char *email = baton_person_get_email (person);

          g_string_append (out, baton_person_get_name (person));
          if (email != NULL && email[0] != '\0')
            g_string_append_printf (out, "\n%s", email);
          describe_roles (self, row->person_id, out);
        }
      else if (row->kind == BATON_GRID_ROW_ROLE)
        {
          g_autofree char *count = _baton_capacity_grid_format_role_count (self, row);
          BatonRole *role = baton_store_lookup_role (self->store, row->role_id);

          /* Translators: a role group's name and its count: "Writer: 2 people + 1 also" */
          g_string_append_printf (out, _("%s: %s"), role ? baton_role_get_name (role) : _("No Role"), count);
          _baton_capacity_grid_describe_also (self, row, out);
        }
      return;
    }

  baton_capacity_grid_get_cell_info (self, index, (guint) week, &info);
  start = baton_capacity_get_week_start (self->matrix, (guint) week);
  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, start);
  g_date_strftime (buffer, sizeof buffer, "%x", &gdate);
  /* Translators: %u is an ISO week number, %s the date its first day */
  week_label = g_strdup_printf (_("Week %u, from %s"), baton_week_number (start), buffer);

  switch (row->kind)
    {
    case BATON_GRID_ROW_PERSON:
      {
        BatonPerson *person = baton_capacity_get_person (self->matrix, row->matrix_row);
        g_autofree char *load = format_hours (info.load);
        g_autofree char *capacity = format_hours (info.capacity);
        g_autofree char *free_hours = format_hours (ABS (info.capacity - info.load));

        g_string_append_printf (out, "%s — %s\n", baton_person_get_name (person), week_label);
        /* Translators: exact figures of a grid cell */
        g_string_append_printf (out, _("Load: %s h of %s h"), load, capacity);
        if (info.capacity > 0)
          g_string_append_printf (out, " (%.0f %%)", 100.0 * info.load / info.capacity);
        g_string_append_c (out, '\n');
        if (info.load > info.capacity)
          /* Translators: hours above capacity */
          g_string_append_printf (out, _("Over by %s h"), free_hours);
        else
          /* Translators: hours left in a week */
          g_string_append_printf (out, _("Free: %s h"), free_hours);
        if (info.days_off > 0)
          {
            g_string_append_c (out, '\n');
            g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u working day off",
                                                      "%u working days off", info.days_off),
                                    info.days_off);
          }
        if (info.level == BATON_LOAD_OVER)
          g_string_append_printf (out, "\n%s", _("Over capacity"));
        else if (info.level == BATON_LOAD_HIGH)
          g_string_append_printf (out, "\n%s", _("Near capacity"));
        break;
      }

    case BATON_GRID_ROW_UNASSIGNED:
      {
        BatonRole *role = baton_store_lookup_role (self->store, row->role_id);
        g_autofree char *load = format_hours (info.load);

        /* Translators: %s is a role name */
        g_string_append_printf (out, _("Unassigned %s work"), role ? baton_role_get_name (role) : "");
        g_string_append_printf (out, " — %s\n", week_label);
        /* Translators: hours of work nobody holds yet */
        g_string_append_printf (out, _("Needs %s h"), load);
        break;
      }

    case BATON_GRID_ROW_ROLE:
    default:
      {
        BatonRole *role = baton_store_lookup_role (self->store, row->role_id);
        g_autofree char *load = format_hours (info.load);
        g_autofree char *capacity = format_hours (info.capacity);

        g_string_append_printf (out, "%s — %s\n", role ? baton_role_get_name (role) : _("No Role"), week_label);
        /* Translators: a role's total: its people's load of their capacity */
        g_string_append_printf (out, _("Team load: %s h of %s h"), load, capacity);
        _baton_capacity_grid_describe_also (self, row, out);
        break;
      }
    }
}

char *
baton_capacity_grid_describe_cell (BatonCapacityGrid *self,
                                   guint              row,
                                   gint               week)
{
  GString *text;

  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), NULL);

  text = g_string_new (NULL);
  _baton_capacity_grid_ensure_layout (self);
  if (row < self->layout.rows->len && week >= -1 && week < (gint) self->layout.n_weeks)
    describe_cell (self, row, week, text);

  return g_string_free (text, FALSE);
}

gboolean
_baton_capacity_grid_query_tooltip (GtkWidget  *widget,
                                    int         x,
                                    int         y,
                                    gboolean    keyboard,
                                    GtkTooltip *tooltip)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (widget);
  g_autoptr(GString) text = g_string_new (NULL);
  GdkRectangle rect;
  guint row;
  gint week;

  if (keyboard)
    {
      if (self->focus_row < 0)
        return FALSE;
      row = (guint) self->focus_row;
      week = self->focus_week;
    }
  else if (!baton_capacity_grid_pick (self, x, y, &row, &week))
    return FALSE;

  describe_cell (self, row, week, text);
  if (text->len == 0)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text->str);
  if (baton_capacity_grid_get_cell_rect (self, row, week, &rect))
    gtk_tooltip_set_tip_area (tooltip, &rect);

  return TRUE;
}

/* Cells for screen readers ------------------------------------------------------ */

enum {
  POOL_CELLS,
  POOL_ROW_HEADERS,
  POOL_COLUMN_HEADERS,
};

static const GtkAccessibleRole pool_roles[] = {
  GTK_ACCESSIBLE_ROLE_GRID_CELL,
  GTK_ACCESSIBLE_ROLE_ROW_HEADER,
  GTK_ACCESSIBLE_ROLE_COLUMN_HEADER,
};

/* A cell's accessible name: who or what, which week, the figures, and the
 * state colour alone would tell ("Alice, week 51: 52 of 40 hours, over
 * capacity"); week −1 is the row's header. */
char *
_baton_capacity_grid_name_cell (BatonCapacityGrid *self,
                                guint              index,
                                gint               week)
{
  BatonGridRow *row = get_row (self, index);
  BatonRole *role = row->role_id != 0 ? baton_store_lookup_role (self->store, row->role_id) : NULL;
  const char *role_name = role != NULL ? baton_role_get_name (role) : _("No Role");
  BatonGridCellInfo info;
  GString *out = g_string_new (NULL);
  guint number;

  if (week < 0)
    {
      if (row->kind == BATON_GRID_ROW_PERSON)
        g_string_append (out, baton_person_get_name (baton_capacity_get_person (self->matrix, row->matrix_row)));
      else if (row->kind == BATON_GRID_ROW_UNASSIGNED)
        /* Translators: %s is a role name */
        g_string_append_printf (out, _("Unassigned %s work"), role_name);
      else
        {
          g_autofree char *count = _baton_capacity_grid_format_role_count (self, row);

          g_string_append_printf (out, _("%s: %s"), role_name, count);
        }
      return g_string_free (out, FALSE);
    }

  baton_capacity_grid_get_cell_info (self, index, (guint) week, &info);
  number = baton_week_number (baton_capacity_get_week_start (self->matrix, (guint) week));

  switch (row->kind)
    {
    case BATON_GRID_ROW_PERSON:
      {
        BatonPerson *person = baton_capacity_get_person (self->matrix, row->matrix_row);
        g_autofree char *load = format_hours (info.load);
        g_autofree char *capacity = format_hours (info.capacity);

        /* Translators: a capacity cell read by a screen reader: person, ISO
         * week number, load and capacity in hours: "Alice, week 51: 52 of 40 hours" */
        g_string_append_printf (out, _("%s, week %u: %s of %s hours"),
                                baton_person_get_name (person), number, load, capacity);
        if (info.level == BATON_LOAD_OVER)
          /* Translators: follows a capacity cell's figures */
          g_string_append (out, _(", over capacity"));
        else if (info.level == BATON_LOAD_HIGH)
          /* Translators: follows a capacity cell's figures */
          g_string_append (out, _(", near capacity"));
        if (info.days_off > 0)
          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, ", %u day off", ", %u days off",
                                                    info.days_off),
                                  info.days_off);
        if (info.planned)
          {
            g_autofree char *after = format_hours (info.planned_load);

            /* Translators: a rebalance preview, after a capacity cell's figures */
            g_string_append_printf (out, _(", %s hours after the rebalance"), after);
          }
        break;
      }

    case BATON_GRID_ROW_UNASSIGNED:
      {
        g_autofree char *load = format_hours (info.load);

        /* Translators: unassigned work of a role in a week, read by a screen
         * reader: "Unassigned Writer work, week 51: 12 hours" */
        g_string_append_printf (out, _("Unassigned %s work, week %u: %s hours"), role_name, number, load);
        break;
      }

    case BATON_GRID_ROW_ROLE:
    default:
      {
        g_autofree char *load = format_hours (info.load);
        g_autofree char *capacity = format_hours (info.capacity);

        /* Translators: a role's total in a week, read by a screen reader:
         * "Writer, week 51: 60 of 80 hours in all" */
        g_string_append_printf (out, _("%s, week %u: %s of %s hours in all"), role_name, number, load, capacity);
        if (info.level == BATON_LOAD_OVER)
          g_string_append (out, _(", over capacity"));
        else if (info.level == BATON_LOAD_HIGH)
          g_string_append (out, _(", near capacity"));
        break;
      }
    }

  return g_string_free (out, FALSE);
}

static char *
name_week (BatonCapacityGrid *self,
           guint              week)
{
  guint32 start = baton_capacity_get_week_start (self->matrix, week);
  GDate gdate;
  char buffer[64];

  g_date_clear (&gdate, 1);
  g_date_set_julian (&gdate, start);
  g_date_strftime (buffer, sizeof buffer, "%x", &gdate);

  return g_strdup_printf (_("Week %u, from %s"), baton_week_number (start), buffer);
}

/* The next widget of a pool, made when the pool has none left. */
static BatonCapacityGridCell *
take_cell (BatonCapacityGrid *self,
           guint              pool,
           guint             *used)
{
  GPtrArray *widgets = self->a11y_pools[pool];
  GtkWidget *cell;

  if (*used < widgets->len)
    cell = g_ptr_array_index (widgets, *used);
  else
    {
      cell = baton_capacity_grid_cell_new (pool_roles[pool]);
      gtk_widget_set_parent (cell, GTK_WIDGET (self));
      g_ptr_array_add (widgets, cell);
    }
  (*used)++;
  baton_capacity_grid_cell_set_used (BATON_CAPACITY_GRID_CELL (cell), TRUE);

  return BATON_CAPACITY_GRID_CELL (cell);
}

static void
place_cell (BatonCapacityGridCell *cell,
            const GdkRectangle    *rect)
{
  int min;

  gtk_widget_measure (GTK_WIDGET (cell), GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
  gtk_widget_size_allocate (GTK_WIDGET (cell),
                            &(GtkAllocation) { rect->x, rect->y, MAX (rect->width, 1), MAX (rect->height, 1) },
                            -1);
}

static gboolean
move_focus_cb (gpointer data)
{
  BatonCapacityGrid *self = data;

  self->focus_cell_id = 0;
  if (_baton_capacity_grid_focus_within (self))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

/* Gives the cells, the rows' and the weeks' headers on screen a widget each
 * (a person's row header is their name header), named and placed over what
 * the grid paints; the spare ones leave the accessibility tree. Names are
 * set only when they changed, so scrolling sends no events for cells that
 * stay. */
void
_baton_capacity_grid_sync_cells (BatonCapacityGrid *self)
{
  const BatonGridLayout *layout = _baton_capacity_grid_get_layout (self);
  guint used[G_N_ELEMENTS (pool_roles)] = { 0, };
  guint first_row, end_row, first_week, last_week;
  GtkWidget *current = NULL;
  gboolean had_focus = _baton_capacity_grid_focus_within (self);

  if (self->matrix != NULL &&
      baton_grid_layout_get_visible (layout, &first_row, &end_row, &first_week, &last_week))
    {
      for (guint week = first_week; week <= last_week; week++)
        {
          BatonCapacityGridCell *cell = take_cell (self, POOL_COLUMN_HEADERS, &used[POOL_COLUMN_HEADERS]);
          g_autofree char *name = name_week (self, week);
          GdkRectangle rect;

          if (!baton_grid_layout_get_cell_rect (layout, first_row < end_row ? first_row : 0, (gint) week, &rect))
            rect = (GdkRectangle) { 0, 0, 1, 1 };
          rect.y = 0;
          rect.height = layout->metrics.header_height;
          baton_capacity_grid_cell_set_label (cell, name);
          baton_capacity_grid_cell_set_current (cell, FALSE);
          place_cell (cell, &rect);
        }

      for (guint index = first_row; index < end_row; index++)
        {
          BatonGridRow *row = get_row (self, index);
          GdkRectangle rect;

          if (row->kind != BATON_GRID_ROW_PERSON)
            {
              BatonCapacityGridCell *cell = take_cell (self, POOL_ROW_HEADERS, &used[POOL_ROW_HEADERS]);
              g_autofree char *name = _baton_capacity_grid_name_cell (self, index, -1);

              baton_capacity_grid_cell_set_label (cell, name);
              baton_capacity_grid_cell_set_current (cell, FALSE);
              if (baton_grid_layout_get_cell_rect (layout, index, -1, &rect))
                place_cell (cell, &rect);
            }

          for (guint week = first_week; week <= last_week; week++)
            {
              BatonCapacityGridCell *cell = take_cell (self, POOL_CELLS, &used[POOL_CELLS]);
              g_autofree char *name = _baton_capacity_grid_name_cell (self, index, (gint) week);

              baton_capacity_grid_cell_set_label (cell, name);
              if (self->focus_row == (gint) index && self->focus_week == (gint) week)
                {
                  baton_capacity_grid_cell_set_current (cell, TRUE);
                  current = GTK_WIDGET (cell);
                }
              else
                baton_capacity_grid_cell_set_current (cell, FALSE);
              if (baton_grid_layout_get_cell_rect (layout, index, (gint) week, &rect))
                place_cell (cell, &rect);
            }
        }
    }

  for (guint pool = 0; pool < G_N_ELEMENTS (pool_roles); pool++)
    for (guint i = used[pool]; i < self->a11y_pools[pool]->len; i++)
      {
        BatonCapacityGridCell *cell = g_ptr_array_index (self->a11y_pools[pool], i);

        baton_capacity_grid_cell_set_current (cell, FALSE);
        baton_capacity_grid_cell_set_used (cell, FALSE);
      }

  /* The focus follows the focus cell to its widget, after this layout. */
  self->current_cell = current;
  if (had_focus && self->focus_cell_id == 0 &&
      gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) != current)
    self->focus_cell_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, move_focus_cb, self, NULL);
}

/* The grid itself, or its focus cell, has the keyboard focus (not a
 * popover parented on the grid). */
gboolean
_baton_capacity_grid_focus_within (BatonCapacityGrid *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  /* The focus flags first: the root's focus changes after them. */
  if (gtk_widget_has_focus (GTK_WIDGET (self)) ||
      (self->current_cell != NULL && gtk_widget_has_focus (self->current_cell)))
    return TRUE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus == NULL)
    return FALSE;

  return focus == GTK_WIDGET (self) ||
         (BATON_IS_CAPACITY_GRID_CELL (focus) && gtk_widget_get_parent (focus) == GTK_WIDGET (self));
}

/* One stop for Tab, the grid and its cell together: Tab in lands on the
 * focus cell, Tab (or Shift+Tab) from it leaves the grid. */
gboolean
_baton_capacity_grid_focus (GtkWidget        *widget,
                            GtkDirectionType  direction)
{
  BatonCapacityGrid *self = BATON_CAPACITY_GRID (widget);

  if (_baton_capacity_grid_focus_within (self))
    return FALSE;
  if (!gtk_widget_get_focusable (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;

  return gtk_widget_grab_focus (widget);
}

/* Focus and keyboard ---------------------------------------------------------- */

static void
update_accessible_focus (BatonCapacityGrid *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->focus_row >= 0 && (guint) self->focus_row < self->layout.rows->len)
    describe_cell (self, (guint) self->focus_row, self->focus_week, text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

void
baton_capacity_grid_set_focus_cell (BatonCapacityGrid *self,
                                    guint              index,
                                    gint               week)
{
  BatonGridRow *row;

  g_return_if_fail (BATON_IS_CAPACITY_GRID (self));

  _baton_capacity_grid_ensure_layout (self);
  if (index >= self->layout.rows->len)
    return;

  row = get_row (self, index);
  self->focus_row = (gint) index;
  self->focus_week = CLAMP (week, -1, (gint) self->layout.n_weeks - 1);
  self->focus_kind = row->kind;
  self->focus_id = row->kind == BATON_GRID_ROW_PERSON ? row->person_id : row->role_id;

  baton_capacity_grid_scroll_to_cell (self, index, self->focus_week);
  update_accessible_focus (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));   /* the current cell's widget */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
baton_capacity_grid_get_focus_cell (BatonCapacityGrid *self,
                                    guint             *row,
                                    gint              *week)
{
  g_return_val_if_fail (BATON_IS_CAPACITY_GRID (self), FALSE);

  _baton_capacity_grid_ensure_layout (self);
  if (self->focus_row < 0 || (guint) self->focus_row >= self->layout.rows->len)
    return FALSE;

  if (row != NULL)
    *row = (guint) self->focus_row;
  if (week != NULL)
    *week = self->focus_week;

  return TRUE;
}

void
_baton_capacity_grid_ensure_focus_cell (BatonCapacityGrid *self)
{
  if (self->focus_row >= 0)
    return;

  for (guint i = 0; i < self->layout.rows->len; i++)
    if (get_row (self, i)->kind != BATON_GRID_ROW_ROLE)
      {
        baton_capacity_grid_set_focus_cell (self, i, 0);
        return;
      }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BatonCapacityGrid     *self)
{
  gint row, week;
  guint page_rows;

  _baton_capacity_grid_ensure_layout (self);
  if (self->layout.rows->len == 0)
    return FALSE;

  if (state & (GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  if (self->focus_row < 0)
    {
      _baton_capacity_grid_ensure_focus_cell (self);
      if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_space)
        return self->focus_row >= 0;
    }

  row = self->focus_row;
  week = self->focus_week;
  page_rows = MAX (1, (guint) (gtk_widget_get_height (GTK_WIDGET (self)) / MAX (self->layout.metrics.person_height, 1)) - 1);

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      row = baton_grid_layout_next_focusable_row (&self->layout, row, -1, 1);
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      row = baton_grid_layout_next_focusable_row (&self->layout, row, 1, 1);
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      week = MAX (week - 1, -1);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      week = MIN (week + 1, (gint) self->layout.n_weeks - 1);
      break;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      row = baton_grid_layout_next_focusable_row (&self->layout, row, -1, page_rows);
      break;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      row = baton_grid_layout_next_focusable_row (&self->layout, row, 1, page_rows);
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      if (state & GDK_CONTROL_MASK)
        row = baton_grid_layout_next_focusable_row (&self->layout, -1, 1, 1);
      else
        week = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      if (state & GDK_CONTROL_MASK)
        row = baton_grid_layout_next_focusable_row (&self->layout, (gint) self->layout.rows->len, -1, 1);
      else
        week = (gint) self->layout.n_weeks - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_Menu:
      _baton_capacity_grid_emit_cell_activated (self, (guint) self->focus_row, self->focus_week);
      return TRUE;
    case GDK_KEY_F10:
      if (state & GDK_SHIFT_MASK)
        {
          _baton_capacity_grid_emit_cell_activated (self, (guint) self->focus_row, self->focus_week);
          return TRUE;
        }
      return FALSE;
    default:
      return FALSE;
    }

  if (row < 0)
    return TRUE;

  baton_capacity_grid_set_focus_cell (self, (guint) row, week);
  return TRUE;
}

static void
on_click_released (GtkGestureClick   *gesture,
                   int                n_press,
                   double             x,
                   double             y,
                   BatonCapacityGrid *self)
{
  guint row;
  gint week;

  if (!baton_capacity_grid_pick (self, x, y, &row, &week))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (get_row (self, row)->kind == BATON_GRID_ROW_ROLE)
    return;

  baton_capacity_grid_set_focus_cell (self, row, week);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  _baton_capacity_grid_emit_cell_activated (self, row, week);
}

static void
set_hover (BatonCapacityGrid *self,
           gint               row,
           gint               week)
{
  if (self->hover_row == row && self->hover_week == week)
    return;

  self->hover_row = row;
  self->hover_week = week;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           BatonCapacityGrid        *self)
{
  guint row;
  gint week;

  if (baton_capacity_grid_pick (self, x, y, &row, &week) && week >= 0)
    set_hover (self, (gint) row, week);
  else
    set_hover (self, -1, -1);
}

static void
on_motion_leave (GtkEventControllerMotion *controller,
                 BatonCapacityGrid        *self)
{
  set_hover (self, -1, -1);
}

static void
on_focus_changed (BatonCapacityGrid *self)
{
  if (_baton_capacity_grid_focus_within (self))
    {
      _baton_capacity_grid_ensure_layout (self);
      _baton_capacity_grid_ensure_focus_cell (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Controllers ---------------------------------------------------------------- */

void
_baton_capacity_grid_init_input (BatonCapacityGrid *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_motion_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (on_focus_changed), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_focus_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
