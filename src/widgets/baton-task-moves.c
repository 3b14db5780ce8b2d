/* baton-task-moves.c — moving a task to a person or a week, and saying so
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-task-moves"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-task-menu.h"
#include "baton-task-moves.h"

char *
baton_task_describe_shift (gint weeks)
{
  if (weeks > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week later", "%d weeks later", weeks), weeks);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week earlier", "%d weeks earlier", -weeks), -weeks);
}

char *
baton_task_describe_move (const char  *title,
                          gboolean     was_unassigned,
                          gboolean     change_person,
                          BatonPerson *person,
                          gint         weeks)
{
  g_autofree char *shift = weeks != 0 ? baton_task_describe_shift (weeks) : NULL;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (person == NULL || BATON_IS_PERSON (person), NULL);

  if (change_person && person == NULL)
    return shift != NULL
      /* Translators: a toast; “%s” is a task, then “2 weeks later” */
      ? g_strdup_printf (_("“%s” unassigned and moved %s"), title, shift)
      /* Translators: a toast; “%s” is a task */
      : g_strdup_printf (_("“%s” unassigned"), title);

  if (change_person)
    return shift != NULL
      /* Translators: a toast; a task, a person, then “2 weeks later” */
      ? g_strdup_printf (was_unassigned ? _("“%s” assigned to %s and moved %s")
                                        : _("“%s” reassigned to %s and moved %s"),
                         title, baton_person_get_name (person), shift)
      /* Translators: a toast; a task, then a person */
      : g_strdup_printf (was_unassigned ? _("“%s” assigned to %s") : _("“%s” reassigned to %s"),
                         title, baton_person_get_name (person));

  g_return_val_if_fail (shift != NULL, NULL);
  /* Translators: a toast; a task, then “2 weeks later” */
  return g_strdup_printf (_("“%s” moved %s"), title, shift);
}

gboolean
baton_task_move (BatonStore   *store,
                 BatonTask    *task,
                 gboolean      change_person,
                 BatonPerson  *person,
                 gint          weeks,
                 char        **message,
                 GError      **error)
{
  gint64 assignee_id;
  gboolean was_unassigned;
  g_autofree char *title = NULL;
  gboolean ok;

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (BATON_IS_TASK (task), FALSE);
  g_return_val_if_fail (person == NULL || BATON_IS_PERSON (person), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  *message = NULL;
  assignee_id = baton_task_get_assignee_id (task);
  was_unassigned = assignee_id == 0;
  if (change_person && (person != NULL ? baton_record_get_id (BATON_RECORD (person)) : 0) == assignee_id)
    change_person = FALSE;

  if (!change_person && weeks == 0)
    return TRUE;

  /* The title as it was: the toast names what the person saw. */
  title = g_strdup (baton_task_get_title (task));

  if (change_person && weeks != 0)
    ok = baton_store_reassign_and_reschedule_task (store, task, person, weeks, error);
  else if (change_person)
    ok = baton_store_reassign_task (store, task, person, error);
  else
    ok = baton_store_reschedule_task (store, task, weeks, error);

  if (!ok)
    return FALSE;

  *message = baton_task_describe_move (title, was_unassigned, change_person, person, weeks);
  return TRUE;
}

gboolean
baton_task_move_to_stage (BatonStore  *store,
                          BatonTask   *task,
                          BatonStage  *stage,
                          BatonTask   *before,
                          char       **message,
                          GError     **error)
{
  g_autofree char *title = NULL;
  gboolean same_stage;

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (BATON_IS_TASK (task), FALSE);
  g_return_val_if_fail (BATON_IS_STAGE (stage), FALSE);
  g_return_val_if_fail (before == NULL || BATON_IS_TASK (before), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  *message = NULL;
  title = g_strdup (baton_task_get_title (task));
  same_stage = baton_task_get_stage_id (task) == baton_record_get_id (BATON_RECORD (stage));
  if (!baton_store_move_task (store, task, stage, before, error))
    return FALSE;

  *message = same_stage
    /* Translators: a toast; %s is a card's title */
    ? g_strdup_printf (_("Reordered “%s”"), title)
    /* Translators: a toast; the first %s is a card's title, the second a stage */
    : g_strdup_printf (_("Moved “%s” to %s"), title, baton_stage_get_name (stage));
  return TRUE;
}

gboolean
baton_task_set_archived (BatonStore  *store,
                         BatonTask   *task,
                         gboolean     archived,
                         char       **message,
                         GError     **error)
{
  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (BATON_IS_TASK (task), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  *message = NULL;
  if (!baton_store_archive_task (store, task, archived, error))
    return FALSE;

  *message = archived ? g_strdup_printf (_("Card “%s” archived"), baton_task_get_title (task))
                      : g_strdup_printf (_("Card “%s” restored"), baton_task_get_title (task));
  return TRUE;
}

gboolean
baton_task_delete (BatonStore  *store,
                   BatonTask   *task,
                   char       **message,
                   GError     **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (BATON_IS_TASK (task), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  *message = NULL;
  title = g_strdup (baton_task_get_title (task));
  if (!baton_store_delete (store, task, error))
    return FALSE;

  *message = g_strdup_printf (_("Card “%s” deleted"), title);
  return TRUE;
}

/* The record of @type that @id names in @store, or NULL with a
 * NOT_FOUND error (it was deleted while its menu was open, say). */
static gpointer
lookup (BatonStore  *store,
        GType        type,
        gint64       id,
        GError     **error)
{
  gpointer record;
  const char *gone;

  if (type == BATON_TYPE_TASK)
    {
      record = baton_store_lookup_task (store, id);
      /* Translators: an error; the task was deleted meanwhile */
      gone = _("The task no longer exists");
    }
  else if (type == BATON_TYPE_STAGE)
    {
      record = baton_store_lookup_stage (store, id);
      /* Translators: an error; the stage was deleted meanwhile */
      gone = _("The stage no longer exists");
    }
  else
    {
      g_assert (type == BATON_TYPE_PERSON);
      record = baton_store_lookup_person (store, id);
      /* Translators: an error; the person was deleted meanwhile */
      gone = _("The person no longer exists");
    }

  if (record == NULL)
    g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND, gone);
  return record;
}

gboolean
baton_task_apply_action (BatonStore  *store,
                         const char  *action_name,
                         GVariant    *parameter,
                         char       **message,
                         GError     **error)
{
  g_autoptr(GVariant) first = NULL;
  BatonTask *task;

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (action_name != NULL, FALSE);
  g_return_val_if_fail (parameter != NULL, FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  *message = NULL;
  first = g_variant_is_of_type (parameter, G_VARIANT_TYPE_INT64) ? g_variant_ref (parameter)
                                                                 : g_variant_get_child_value (parameter, 0);
  g_return_val_if_fail (g_variant_is_of_type (first, G_VARIANT_TYPE_INT64), FALSE);
  if ((task = lookup (store, BATON_TYPE_TASK, g_variant_get_int64 (first), error)) == NULL)
    return FALSE;

  if (g_str_equal (action_name, BATON_TASK_ACTION_MOVE_TO_STAGE))
    {
      gint64 task_id, stage_id;
      BatonStage *stage;

      g_variant_get (parameter, "(xx)", &task_id, &stage_id);
      if ((stage = lookup (store, BATON_TYPE_STAGE, stage_id, error)) == NULL)
        return FALSE;
      return baton_task_move_to_stage (store, task, stage, NULL, message, error);
    }

  if (g_str_equal (action_name, BATON_TASK_ACTION_REASSIGN))
    {
      gint64 task_id, person_id;
      BatonPerson *person = NULL;

      g_variant_get (parameter, "(xx)", &task_id, &person_id);
      if (person_id != 0 && (person = lookup (store, BATON_TYPE_PERSON, person_id, error)) == NULL)
        return FALSE;
      return baton_task_move (store, task, TRUE, person, 0, message, error);
    }

  if (g_str_equal (action_name, BATON_TASK_ACTION_MOVE_TO_WEEK))
    {
      gint64 task_id;
      gint32 weeks;

      g_variant_get (parameter, "(xi)", &task_id, &weeks);
      return baton_task_move (store, task, FALSE, NULL, weeks, message, error);
    }

  if (g_str_equal (action_name, BATON_TASK_ACTION_ARCHIVE))
    return baton_task_set_archived (store, task, !baton_task_get_archived (task), message, error);

  if (g_str_equal (action_name, BATON_TASK_ACTION_DELETE))
    return baton_task_delete (store, task, message, error);

  g_return_val_if_reached (FALSE);
}
