/* baton-rebalance-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "baton-accessible.h"
#include "baton-dates.h"
#include "baton-duration.h"
#include "baton-rebalance-panel.h"
#include "baton-workload.h"

struct _BatonRebalancePanel
{
  GtkBox                 parent_instance;

  BatonStore            *store;
  BatonCapacitySettings  settings;
  BatonRebalancePlan    *plan;
  GArray                *chosen;     /* gboolean per move */
  BatonCapacity         *preview;

  AdwWindowTitle        *title;
  GtkLabel              *summary;
  GtkListBox            *moves_list;
  GtkWidget             *moves_scroller;
  GtkLabel              *leftovers_label;
  GtkButton             *apply_button;
  GPtrArray             *checks;     /* GtkCheckButton per move */
};

G_DEFINE_FINAL_TYPE (BatonRebalancePanel, baton_rebalance_panel, GTK_TYPE_BOX)

enum
{
  PREVIEW,
  APPLIED,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
hours (double minutes)
{
  return baton_duration_format_hours (minutes);
}

static guint
n_chosen (BatonRebalancePanel *self)
{
  guint n = 0;

  for (guint i = 0; self->chosen != NULL && i < self->chosen->len; i++)
    n += g_array_index (self->chosen, gboolean, i) ? 1 : 0;
  return n;
}

static void
update_preview (BatonRebalancePanel *self)
{
  BatonCapacityInput input;
  guint n = n_chosen (self);
  g_autofree char *label = NULL;

  g_clear_pointer (&self->preview, baton_capacity_unref);
  /* Nothing ticked: nothing to preview. */
  if (self->plan != NULL && n > 0)
    {
      baton_workload_fill_input (self->store, &input);
      self->preview = baton_rebalance_preview (&self->settings, &input, self->plan,
                                               (const gboolean *) self->chosen->data);
    }

  /* Translators: the rebalance panel's button; %u moves are ticked */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Apply %u Move", "_Apply %u Moves", n), n);
  gtk_button_set_label (self->apply_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), n > 0);
  g_signal_emit (self, signals[PREVIEW], 0, self->preview);
}

static void
on_check_toggled (GtkCheckButton      *check,
                  BatonRebalancePanel *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "move-index"));

  gboolean active = gtk_check_button_get_active (check);

  if (self->chosen == NULL || index >= self->chosen->len ||
      g_array_index (self->chosen, gboolean, index) == active)
    return;
  g_array_index (self->chosen, gboolean, index) = active;

  /* A move that makes room for another goes with it: ticking the other
   * ticks it, unticking it unticks the other. Each such toggle comes back
   * here, so the links are followed as far as they go. */
  for (guint i = 0; i < self->plan->moves->len; i++)
    {
      BatonRebalanceMove *move = g_ptr_array_index (self->plan->moves, i);

      for (guint n = 0; n < move->n_needs; n++)
        if (i == index && active)
          gtk_check_button_set_active (g_ptr_array_index (self->checks, move->needs[n]), TRUE);
        else if (move->needs[n] == index && !active)
          gtk_check_button_set_active (g_ptr_array_index (self->checks, i), FALSE);
    }
  update_preview (self);
}

static GtkWidget *
move_row_new (BatonRebalancePanel *self,
              BatonRebalanceMove  *move,
              guint                index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autoptr(GString) text = g_string_new (move->explanation);

  /* Say which moves make its room: unticking one of them unticks it. */
  if (move->n_needs > 0)
    {
      g_autoptr(GString) titles = g_string_new (NULL);

      for (guint n = 0; n < move->n_needs; n++)
        {
          BatonRebalanceMove *needed = g_ptr_array_index (self->plan->moves, move->needs[n]);

          if (n > 0)
            /* Translators: between task titles in a list */
            g_string_append (titles, _(", "));
          /* Translators: a task title in quotes */
          g_string_append_printf (titles, _("“%s”"), baton_task_get_title (needed->task));
        }
      g_string_append_c (text, '\n');
      /* Translators: under a proposed move; %s is one or more task titles,
       * the moves that make room for this one */
      g_string_append_printf (text, _("Only together with %s"), titles->str);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), baton_task_get_title (move->task));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text->str);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  /* The explanation is what a screen reader needs besides the title. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
  g_object_set_data (G_OBJECT (check), "move-index", GUINT_TO_POINTER (index));
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled), self);
  g_ptr_array_add (self->checks, check);

  return row;
}

static void
show_plan (BatonRebalancePanel *self)
{
  BatonRebalancePlan *plan = self->plan;
  GtkWidget *child;
  g_autofree char *before = hours (plan->overload_before);
  g_autofree char *removed = hours (plan->overload_before - plan->overload_after);
  g_autofree char *summary = NULL;
  g_autoptr(GString) leftovers = g_string_new (NULL);
  gboolean first = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->moves_list))) != NULL)
    gtk_list_box_remove (self->moves_list, child);
  g_ptr_array_set_size (self->checks, 0);

  g_clear_pointer (&self->chosen, g_array_unref);
  self->chosen = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), plan->moves->len);
  for (guint i = 0; i < plan->moves->len; i++)
    {
      gboolean yes = TRUE;

      g_array_append_val (self->chosen, yes);
      gtk_list_box_append (self->moves_list, move_row_new (self, g_ptr_array_index (plan->moves, i), i));
    }

  if (plan->overload_before < 0.5)
    summary = g_strdup (_("Nobody is over capacity in these weeks."));
  else if (plan->moves->len == 0)
    /* Translators: %s is hours over capacity, "12" */
    summary = g_strdup_printf (_("%s h over capacity, and no move fits the rules: see below."), before);
  else
    /* Translators: %u moves, then hours: "5 moves take 28 of the 40 h over capacity away." */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u move takes %s of the %s h over capacity away.",
                                            "%u moves take %s of the %s h over capacity away.",
                                            plan->moves->len),
                               plan->moves->len, removed, before);
  gtk_label_set_text (self->summary, summary);
  gtk_widget_set_visible (self->moves_scroller, plan->moves->len > 0);

  for (guint i = 0; i < plan->leftovers->len; i++)
    {
      BatonRebalanceLeftover *leftover = g_ptr_array_index (plan->leftovers, i);

      if (!first)
        g_string_append_c (leftovers, '\n');
      g_string_append (leftovers, "• ");
      g_string_append (leftovers, leftover->explanation);
      first = FALSE;
    }
  gtk_label_set_text (self->leftovers_label, leftovers->str);
  gtk_widget_set_visible (GTK_WIDGET (self->leftovers_label), leftovers->len > 0);

  update_preview (self);
}

void
baton_rebalance_panel_propose (BatonRebalancePanel         *self,
                               const BatonCapacitySettings *settings,
                               guint32                      first_day,
                               guint                        n_weeks,
                               gint64                       person_id)
{
  BatonCapacityInput input;
  BatonPerson *person = person_id != 0 ? baton_store_lookup_person (self->store, person_id) : NULL;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (BATON_IS_REBALANCE_PANEL (self));

  if (settings != NULL)
    self->settings = *settings;
  else
    baton_capacity_settings_init_default (&self->settings);

  baton_workload_fill_input (self->store, &input);
  g_clear_pointer (&self->plan, baton_rebalance_plan_free);
  self->plan = baton_rebalance_propose (&self->settings, &input, first_day, n_weeks,
                                        baton_date_today (), person_id);

  if (person != NULL)
    /* Translators: the rebalance panel's subtitle, %s is a person */
    subtitle = g_strdup_printf (_("Relieving %s"), baton_person_get_name (person));
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Everyone, %u week", "Everyone, %u weeks", n_weeks),
                                n_weeks);
  adw_window_title_set_subtitle (self->title, subtitle);

  show_plan (self);
}

BatonRebalancePlan *
baton_rebalance_panel_get_plan (BatonRebalancePanel *self)
{
  g_return_val_if_fail (BATON_IS_REBALANCE_PANEL (self), NULL);

  return self->plan;
}

void
baton_rebalance_panel_set_chosen (BatonRebalancePanel *self,
                                  guint                index,
                                  gboolean             chosen)
{
  g_return_if_fail (BATON_IS_REBALANCE_PANEL (self));
  g_return_if_fail (index < self->checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), chosen);
}

gboolean
baton_rebalance_panel_get_chosen (BatonRebalancePanel *self,
                                  guint                index)
{
  g_return_val_if_fail (BATON_IS_REBALANCE_PANEL (self), FALSE);
  g_return_val_if_fail (self->chosen != NULL && index < self->chosen->len, FALSE);

  return g_array_index (self->chosen, gboolean, index);
}

BatonCapacity *
baton_rebalance_panel_get_preview (BatonRebalancePanel *self)
{
  g_return_val_if_fail (BATON_IS_REBALANCE_PANEL (self), NULL);

  return self->preview;
}

static void
apply_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BatonRebalancePanel *self = BATON_REBALANCE_PANEL (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = n_chosen (self);

  if (self->plan == NULL || n == 0)
    return;

  if (!baton_rebalance_apply (self->store, self->plan, (const gboolean *) self->chosen->data, &error))
    {
      gtk_label_set_text (self->summary, error->message);
      return;
    }

  /* Translators: a toast after a rebalance */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Applied %u move", "Applied %u moves", n), n);
  g_clear_pointer (&self->plan, baton_rebalance_plan_free);
  g_clear_pointer (&self->preview, baton_capacity_unref);
  g_signal_emit (self, signals[PREVIEW], 0, NULL);
  g_signal_emit (self, signals[APPLIED], 0, message);
}

static void
close_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BatonRebalancePanel *self = BATON_REBALANCE_PANEL (widget);

  g_clear_pointer (&self->plan, baton_rebalance_plan_free);
  g_clear_pointer (&self->preview, baton_capacity_unref);
  g_signal_emit (self, signals[PREVIEW], 0, NULL);
  g_signal_emit (self, signals[CLOSED], 0);
}

static void
baton_rebalance_panel_dispose (GObject *object)
{
  BatonRebalancePanel *self = BATON_REBALANCE_PANEL (object);

  g_clear_pointer (&self->plan, baton_rebalance_plan_free);
  g_clear_pointer (&self->preview, baton_capacity_unref);
  g_clear_pointer (&self->chosen, g_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_rebalance_panel_parent_class)->dispose (object);
}

static void
baton_rebalance_panel_class_init (BatonRebalancePanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baton_rebalance_panel_dispose;

  /* The matrix with the ticked moves (a BatonCapacity, boxed), or NULL. */
  signals[PREVIEW] = g_signal_new ("preview", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                   BATON_TYPE_CAPACITY | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "rebalance.apply", NULL, apply_activated);
  gtk_widget_class_install_action (widget_class, "rebalance.close", NULL, close_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "rebalance.close", NULL);
  gtk_widget_class_set_css_name (widget_class, "rebalancepanel");
}

static void
baton_rebalance_panel_init (BatonRebalancePanel *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->checks = g_ptr_array_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_size_request (GTK_WIDGET (self), 340, -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "background");

  /* Header: title, what it is for, close. */
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Rebalance"), NULL));
  gtk_widget_set_hexpand (GTK_WIDGET (self->title), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "rebalance.close");
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_set_tooltip_text (close, _("Close"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Close"), -1);
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 6);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title));
  gtk_box_append (GTK_BOX (header), close);
  gtk_box_append (GTK_BOX (self), header);

  gtk_widget_set_margin_start (body, 12);
  gtk_widget_set_margin_end (body, 12);
  gtk_widget_set_margin_top (body, 6);
  gtk_widget_set_margin_bottom (body, 12);
  gtk_widget_set_vexpand (body, TRUE);

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_label_set_xalign (self->summary, 0);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->summary));

  self->moves_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->moves_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->moves_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->moves_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Proposed moves"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->moves_list));
  self->moves_scroller = scroller;
  gtk_box_append (GTK_BOX (body), scroller);

  self->leftovers_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->leftovers_label, TRUE);
  gtk_label_set_xalign (self->leftovers_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->leftovers_label), "dim-label");
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->leftovers_label));

  self->apply_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Apply")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->apply_button), "rebalance.apply");
  gtk_widget_add_css_class (GTK_WIDGET (self->apply_button), "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "rebalance.close");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), cancel);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->apply_button));
  gtk_box_append (GTK_BOX (body), buttons);

  /* As wide as a sidebar, whatever the explanations' length: they wrap. */
  {
    GtkWidget *clamp = adw_clamp_new ();

    adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 380);
    adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 380);
    adw_clamp_set_child (ADW_CLAMP (clamp), body);
    gtk_widget_set_vexpand (clamp, TRUE);
    gtk_box_append (GTK_BOX (self), clamp);
  }
  /* GTK 4.8 reads mnemonics out in accessible names (baton-accessible.c). */
  baton_accessible_fix_mnemonics (buttons);
}

GtkWidget *
baton_rebalance_panel_new (BatonStore *store)
{
  BatonRebalancePanel *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  self = g_object_new (BATON_TYPE_REBALANCE_PANEL, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}
