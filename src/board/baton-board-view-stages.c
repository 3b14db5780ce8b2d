/* baton-board-view-stages.c — the board's stage actions and their dialogs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Add, rename, set the WIP limit of, mark as done, move and delete a
 * stage; each takes the stage id as parameter, asks in an
 * AdwMessageDialog where it needs to, and is one store call.
 */

#define G_LOG_DOMAIN "baton-board-view"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-board-view-private.h"

/* Stage actions ---------------------------------------------------------------------------- */

static BatonStage *
stage_from_parameter (BatonBoardView *self,
                      GVariant       *parameter)
{
  return baton_store_lookup_stage (self->store, g_variant_get_int64 (parameter));
}

static guint
stage_index (BatonBoardView *self,
             BatonStage     *stage)
{
  GListModel *stages = baton_store_get_stages (self->store);
  guint position = 0;

  g_list_store_find (G_LIST_STORE (stages), stage, &position);
  return position;
}

static GtkWindow *
parent_window (BatonBoardView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static AdwMessageDialog *
message_dialog (BatonBoardView *self,
                const char     *heading,
                const char     *body)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, body));

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

typedef struct
{
  BatonBoardView *self;
  gint64          stage_id;
  GtkWidget      *input;
  GtkDropDown    *targets;
  GArray         *target_ids;
} StageDialog;

static void
stage_dialog_free (gpointer  data,
                   GClosure *closure)
{
  StageDialog *dialog = data;

  g_clear_pointer (&dialog->target_ids, g_array_unref);
  g_object_unref (dialog->self);
  g_free (dialog);
}

static StageDialog *
stage_dialog_new (BatonBoardView *self,
                  BatonStage     *stage)
{
  StageDialog *dialog = g_new0 (StageDialog, 1);

  dialog->self = g_object_ref (self);
  dialog->stage_id = stage ? baton_record_get_id (BATON_RECORD (stage)) : 0;
  return dialog;
}

/* The dialog's one input (a stage's name, a WIP limit): focused when it
 * shows. */
static void
set_input (AdwMessageDialog *dialog,
           StageDialog      *data,
           GtkWidget        *input,
           const char       *accessible_label)
{
  data->input = input;
  gtk_accessible_update_property (GTK_ACCESSIBLE (input), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  adw_message_dialog_set_extra_child (dialog, input);
}

/* A name entry that Enter answers with the default response. */
static GtkWidget *
name_entry (const char *text,
            const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  return entry;
}

/* Shows @dialog; @on_response gets @data, which goes with the dialog. */
static void
present (AdwMessageDialog *dialog,
         StageDialog      *data,
         GCallback         on_response)
{
  g_signal_connect_data (dialog, "response", on_response, data, stage_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  if (data->input != NULL)
    gtk_widget_grab_focus (data->input);
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    StageDialog      *data)
{
  BatonStage *stage = baton_store_lookup_stage (data->self->store, data->stage_id);
  g_autoptr(GError) error = NULL;
  const char *name = gtk_editable_get_text (GTK_EDITABLE (data->input));

  if (g_strcmp0 (response, "rename") != 0 || stage == NULL)
    return;
  if (g_strcmp0 (name, baton_stage_get_name (stage)) == 0)
    return;

  if (!baton_store_update (data->self->store, stage, &error, "name", name, NULL))
    _baton_board_view_show_error (data->self, error->message);
}

static void
rename_stage_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonStage *stage = stage_from_parameter (self, parameter);
  AdwMessageDialog *dialog;
  StageDialog *data;

  if (stage == NULL)
    return;

  dialog = message_dialog (self, _("Rename Stage"), NULL);
  adw_message_dialog_add_response (dialog, "rename", _("_Rename"));
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");

  data = stage_dialog_new (self, stage);
  set_input (dialog, data, name_entry (baton_stage_get_name (stage), NULL), _("Stage name"));
  present (dialog, data, G_CALLBACK (on_rename_response));
}

static void
on_wip_response (AdwMessageDialog *dialog,
                 const char       *response,
                 StageDialog      *data)
{
  BatonStage *stage = baton_store_lookup_stage (data->self->store, data->stage_id);
  g_autoptr(GError) error = NULL;
  gint64 limit;

  if (g_strcmp0 (response, "set") != 0 || stage == NULL)
    return;

  limit = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (data->input));
  if (limit == baton_stage_get_wip_limit (stage))
    return;

  if (!baton_store_update (data->self->store, stage, &error, "wip-limit", (gint64) limit, NULL))
    _baton_board_view_show_error (data->self, error->message);
}

static void
set_wip_limit_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonStage *stage = stage_from_parameter (self, parameter);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  StageDialog *data;

  if (stage == NULL)
    return;

  /* Translators: %s is a stage */
  body = g_strdup_printf (_("When “%s” holds more cards than this, it is flagged. Moves are still allowed. Zero means no limit."),
                          baton_stage_get_name (stage));
  dialog = message_dialog (self, _("Work-in-Progress Limit"), body);
  adw_message_dialog_add_response (dialog, "set", _("_Set Limit"));
  adw_message_dialog_set_response_appearance (dialog, "set", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "set");

  data = stage_dialog_new (self, stage);
  {
    GtkWidget *spin = gtk_spin_button_new_with_range (0, BATON_MAX_WIP_LIMIT, 1);

    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), (double) baton_stage_get_wip_limit (stage));
    gtk_widget_set_halign (spin, GTK_ALIGN_CENTER);
    set_input (dialog, data, spin, _("Work-in-progress limit"));
  }
  present (dialog, data, G_CALLBACK (on_wip_response));
}

typedef struct
{
  gint64 stage_id;
  gboolean done;
} DoneStage;

static gboolean
set_done_stage (BatonStore  *store,
                gpointer     user_data,
                GError     **error)
{
  DoneStage *done = user_data;
  GListModel *stages = baton_store_get_stages (store);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);
      gboolean wanted;

      /* On: this stage alone is done. Off: this stage is not, others stay. */
      if (baton_record_get_id (BATON_RECORD (stage)) == done->stage_id)
        wanted = done->done;
      else
        wanted = done->done ? FALSE : baton_stage_get_is_done (stage);

      if (baton_stage_get_is_done (stage) != wanted &&
          !baton_store_update (store, stage, error, "is-done", (gboolean) wanted, NULL))
        return FALSE;
    }

  return TRUE;
}

static void
toggle_done_stage_activated (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonStage *stage = stage_from_parameter (self, parameter);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  DoneStage done;

  if (stage == NULL)
    return;

  done.stage_id = baton_record_get_id (BATON_RECORD (stage));
  done.done = !baton_stage_get_is_done (stage);
  /* Translators: an undo label */
  if (!baton_store_run_batch (self->store, _("Change the done stage"), TRUE, set_done_stage, &done, &error))
    {
      _baton_board_view_show_error (self, error->message);
      return;
    }

  message = done.done ? g_strdup_printf (_("“%s” is now the done stage"), baton_stage_get_name (stage))
                      : g_strdup_printf (_("“%s” is no longer the done stage"), baton_stage_get_name (stage));
  _baton_board_view_announce_undoable (self, message);
}

static void
move_stage (BatonBoardView *self,
            GVariant       *parameter,
            int             delta)
{
  BatonStage *stage = stage_from_parameter (self, parameter);
  guint n = g_list_model_get_n_items (baton_store_get_stages (self->store));
  g_autoptr(GError) error = NULL;
  gint index;

  if (stage == NULL)
    return;

  index = (gint) stage_index (self, stage) + delta;
  if (index < 0 || index >= (gint) n)
    return;

  if (!baton_store_move_stage (self->store, stage, (guint) index, &error))
    _baton_board_view_show_error (self, error->message);
}

static void
move_stage_left_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  move_stage (BATON_BOARD_VIEW (widget), parameter, -1);
}

static void
move_stage_right_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  move_stage (BATON_BOARD_VIEW (widget), parameter, 1);
}

typedef struct
{
  const char *name;
  guint       index;
} NewStage;

static gboolean
add_stage_batch (BatonStore  *store,
                 gpointer     user_data,
                 GError     **error)
{
  NewStage *new_stage = user_data;
  BatonStage *stage = baton_store_create_stage (store, new_stage->name, 0, error);

  return stage != NULL && baton_store_move_stage (store, stage, new_stage->index, error);
}

static void
on_add_stage_response (AdwMessageDialog *dialog,
                       const char       *response,
                       StageDialog      *data)
{
  BatonStage *after = baton_store_lookup_stage (data->self->store, data->stage_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  NewStage new_stage;

  if (g_strcmp0 (response, "add") != 0)
    return;

  new_stage.name = gtk_editable_get_text (GTK_EDITABLE (data->input));
  new_stage.index = after ? stage_index (data->self, after) + 1
                          : g_list_model_get_n_items (baton_store_get_stages (data->self->store));
  /* Translators: an undo label */
  if (!baton_store_run_batch (data->self->store, _("Add stage"), TRUE, add_stage_batch, &new_stage, &error))
    {
      _baton_board_view_show_error (data->self, error->message);
      return;
    }

  /* Translators: a toast; %s is a stage */
  message = g_strdup_printf (_("Stage “%s” added"), new_stage.name);
  _baton_board_view_announce_undoable (data->self, message);
}

static void
add_stage_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonStage *after = stage_from_parameter (self, parameter);
  AdwMessageDialog *dialog;
  StageDialog *data;

  if (after != NULL)
    dialog = message_dialog (self, _("Add Stage"), _("The new stage comes right after this one."));
  else if (g_list_model_get_n_items (baton_store_get_stages (self->store)) == 0)
    dialog = message_dialog (self, _("Add Stage"), _("The first column of the board."));
  else
    dialog = message_dialog (self, _("Add Stage"), _("The new stage comes last."));
  adw_message_dialog_add_response (dialog, "add", _("_Add"));
  adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "add");

  data = stage_dialog_new (self, after);
  set_input (dialog, data, name_entry (NULL, _("Stage name")), _("Stage name"));
  present (dialog, data, G_CALLBACK (on_add_stage_response));
}

static void
on_delete_stage_response (AdwMessageDialog *dialog,
                          const char       *response,
                          StageDialog      *data)
{
  BatonStore *store = data->self->store;
  BatonStage *stage = baton_store_lookup_stage (store, data->stage_id);
  BatonStage *target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (stage == NULL || g_strcmp0 (response, "cancel") == 0)
    return;

  if (g_strcmp0 (response, "move") == 0)
    {
      guint position = gtk_drop_down_get_selected (data->targets);

      if (position < data->target_ids->len)
        target = baton_store_lookup_stage (store, g_array_index (data->target_ids, gint64, position));
      if (target == NULL)
        return;
    }

  name = g_strdup (baton_stage_get_name (stage));
  if (!baton_store_delete_stage (store, stage, target, &error))
    {
      _baton_board_view_show_error (data->self, error->message);
      return;
    }

  if (target != NULL)
    /* Translators: a toast; the first %s is the deleted stage, the second where its cards went */
    message = g_strdup_printf (_("Stage “%s” deleted, its cards moved to %s"), name, baton_stage_get_name (target));
  else
    /* Translators: a toast; %s is a stage */
    message = g_strdup_printf (_("Stage “%s” deleted"), name);
  _baton_board_view_announce_undoable (data->self, message);
}

static void
delete_stage_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonStage *stage = stage_from_parameter (self, parameter);
  GListModel *stages = baton_store_get_stages (self->store);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  StageDialog *data;

  if (stage == NULL)
    return;

  if (g_list_model_get_n_items (stages) <= 1)
    {
      _baton_board_view_show_error (self, _("The last stage cannot be deleted: a board needs at least one."));
      return;
    }

  tasks = baton_store_get_stage_tasks (self->store, stage);
  /* Translators: %s is a stage */
  heading = g_strdup_printf (_("Delete “%s”?"), baton_stage_get_name (stage));
  if (tasks->len > 0)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "It holds %u card. Move it to another stage, or delete it with the stage.",
                                         "It holds %u cards. Move them to another stage, or delete them with the stage.",
                                         tasks->len),
                            tasks->len);
  else
    body = g_strdup (_("The stage is empty."));

  dialog = message_dialog (self, heading, body);
  data = stage_dialog_new (self, stage);

  if (tasks->len > 0)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *label = gtk_label_new_with_mnemonic (_("_Move cards to"));

      guint here = stage_index (self, stage);
      guint preselected;

      data->target_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        {
          g_autoptr(BatonStage) other = g_list_model_get_item (stages, i);
          gint64 id = baton_record_get_id (BATON_RECORD (other));

          if (other == stage)
            continue;
          gtk_string_list_append (names, baton_stage_get_name (other));
          g_array_append_val (data->target_ids, id);
        }
      /* The next stage by default (the previous one for the last). */
      preselected = MIN (here, data->target_ids->len - 1);
      data->targets = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
      gtk_drop_down_set_selected (data->targets, preselected);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (data->targets));
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (data->targets));
      gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
      adw_message_dialog_set_extra_child (dialog, box);

      adw_message_dialog_add_response (dialog, "delete", _("_Delete Cards Too"));
      adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_add_response (dialog, "move", _("_Move Cards and Delete"));
      adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "move");
    }
  else
    {
      adw_message_dialog_add_response (dialog, "delete", _("_Delete"));
      adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "cancel");
    }

  present (dialog, data, G_CALLBACK (on_delete_stage_response));
}

static void
quick_add_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonBoardView *self = BATON_BOARD_VIEW (widget);
  BatonBoardColumn *column = _baton_board_view_column_for_stage_id (self, g_variant_get_int64 (parameter));

  if (column != NULL)
    baton_board_column_start_quick_add (column);
}

/* Setup ------------------------------------------------------------------------------------ */

void
_baton_board_view_stages_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board.quick-add", "x", quick_add_activated);
  gtk_widget_class_install_action (widget_class, "board.rename-stage", "x", rename_stage_activated);
  gtk_widget_class_install_action (widget_class, "board.set-wip-limit", "x", set_wip_limit_activated);
  gtk_widget_class_install_action (widget_class, "board.toggle-done-stage", "x", toggle_done_stage_activated);
  gtk_widget_class_install_action (widget_class, "board.move-stage-left", "x", move_stage_left_activated);
  gtk_widget_class_install_action (widget_class, "board.move-stage-right", "x", move_stage_right_activated);
  gtk_widget_class_install_action (widget_class, "board.add-stage", "x", add_stage_activated);
  gtk_widget_class_install_action (widget_class, "board.delete-stage", "x", delete_stage_activated);
}
