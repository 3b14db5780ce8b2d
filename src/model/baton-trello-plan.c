/* baton-trello-plan.c — planning a Trello import against the workspace, and writing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The plan says, for every list and card, what it becomes in the workspace
 * as it is now (baton-trello.h has the mapping); the preview counts it, and
 * apply writes exactly the plan, made again just before, in one batch.
 */

#define G_LOG_DOMAIN "baton-trello"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-dates.h"
#include "baton-trello-private.h"

typedef struct
{
  BatonStage *stage;      /* an existing stage, or NULL: one to add */
  char       *name;       /* the new stage's name */
  gboolean    is_done;    /* the new stage is a done stage */
  BatonStage *created;    /* while applying */
  gint64      next_position;
} PlanStage;

typedef struct
{
  TrelloCard   *card;
  PlanStage    *stage;
  BatonTask    *task;     /* the task made by an earlier import, or NULL */
  gboolean      archived;
  TrelloMember *assignee; /* NULL: unassigned */
  gint64        role_id;  /* 0: no label named a role */
  char         *notes;
  char         *external_id;
  gint64        position; /* -1: keep the task's position */
} PlanCard;

typedef struct
{
  BatonClient  *client;      /* NULL: none chosen */
  BatonProgram *program;     /* the client's program of the board's name, or NULL */
  GPtrArray    *stages;      /* PlanStage */
  GPtrArray    *cards;       /* PlanCard */
  GHashTable   *new_people;  /* TrelloMember → BatonPerson, filled while applying */
} TrelloPlan;

static void
plan_stage_free (PlanStage *stage)
{
  g_free (stage->name);
  g_free (stage);
}

static void
plan_card_free (PlanCard *card)
{
  g_free (card->notes);
  g_free (card->external_id);
  g_free (card);
}

void
_baton_trello_plan_free (gpointer data)
{
  TrelloPlan *plan = data;

  g_ptr_array_unref (plan->stages);
  g_ptr_array_unref (plan->cards);
  g_hash_table_unref (plan->new_people);
  g_free (plan);
}

static char *
fold (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return g_utf8_casefold (stripped, -1);
}

static gint64
stage_end (BatonStore *store,
           BatonStage *stage)
{
  g_autoptr(GPtrArray) tasks = NULL;
  gint64 end = 0;

  if (stage == NULL)
    return TRELLO_POSITION_GAP;
  tasks = baton_store_get_stage_tasks (store, stage);
  for (guint i = 0; i < tasks->len; i++)
    end = MAX (end, baton_task_get_position (g_ptr_array_index (tasks, i)));

  return end + TRELLO_POSITION_GAP;
}

/* The notes of a card: its description, then labels, other members,
 * attachments and comments (baton-trello.h shows the layout). */
static char *
card_notes (TrelloCard *card,
            GPtrArray  *label_words,
            GPtrArray  *others)
{
  GString *notes = g_string_new (card->desc);
  GString *extra = g_string_new (NULL);

  g_strchomp (notes->str);
  g_string_set_size (notes, strlen (notes->str));

  if (label_words->len > 0)
    {
      g_ptr_array_add (label_words, NULL);
      g_autofree char *joined = g_strjoinv (", ", (char **) label_words->pdata);

      g_string_append_printf (extra, _("Labels: %s"), joined);
      g_string_append_c (extra, '\n');
    }
  if (others->len > 0)
    {
      g_ptr_array_add (others, NULL);
      g_autofree char *joined = g_strjoinv (", ", (char **) others->pdata);

      g_string_append_printf (extra, _("Also on this card: %s"), joined);
      g_string_append_c (extra, '\n');
    }
  if (card->attachments->len > 0)
    {
      g_string_append (extra, _("Attachments:"));
      g_string_append_c (extra, '\n');
      for (guint i = 0; i < card->attachments->len; i++)
        {
          TrelloAttachment *attachment = g_ptr_array_index (card->attachments, i);

          g_string_append_printf (extra, "- [%s](%s)\n", attachment->name, attachment->url);
        }
    }
  if (card->comments->len > 0)
    {
      g_string_append (extra, _("Comments:"));
      g_string_append_c (extra, '\n');
      for (guint i = 0; i < card->comments->len; i++)
        {
          TrelloComment *comment = g_ptr_array_index (card->comments, i);
          g_auto(GStrv) lines = g_strsplit (comment->text, "\n", -1);

          /* Translators: a comment in a task's notes: "- Ana Souza, 2026-03-01: text" */
          g_string_append_printf (extra, _("- %s, %s: "), comment->author,
                                  comment->day ? comment->day : _("undated"));
          for (guint l = 0; lines[l] != NULL; l++)
            {
              g_strchomp (lines[l]);
              if (l > 0)
                g_string_append (extra, "\n  ");
              g_string_append (extra, lines[l]);
            }
          g_string_append_c (extra, '\n');
        }
    }

  if (extra->len > 0)
    {
      g_string_truncate (extra, extra->len - 1);
      if (notes->len > 0)
        g_string_append (notes, "\n\n---\n");
      g_string_append (notes, extra->str);
    }
  g_string_free (extra, TRUE);

  if (notes->len == 0)
    {
      g_string_free (notes, TRUE);
      return NULL;
    }

  return g_string_free (notes, FALSE);
}

static TrelloPlan *
make_plan (BatonTrelloImport *self)
{
  TrelloBoard *board = self->board;
  BatonStore *store = self->store;
  BatonTrelloPreview *preview = &self->preview;
  TrelloPlan *plan = g_new0 (TrelloPlan, 1);
  g_autoptr(GHashTable) stage_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) plan_stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) list_stage = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) role_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) tasks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) assignees = g_hash_table_new (NULL, NULL);
  GListModel *stages = baton_store_get_stages (store);
  GListModel *roles = baton_store_get_roles (store);
  BatonStage *done_stage = NULL;
  PlanStage *done = NULL;

  plan->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_stage_free);
  plan->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_card_free);
  plan->new_people = g_hash_table_new (NULL, NULL);

  g_clear_pointer (&preview->warnings, g_ptr_array_unref);
  memset (preview, 0, sizeof *preview);
  preview->board_name = board->name;
  preview->actions_notice = _("Trello’s export holds only the board’s most recent actions, "
                               "so older comments may be missing.");
  preview->warnings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < board->warnings->len; i++)
    g_ptr_array_add (preview->warnings, g_strdup (g_ptr_array_index (board->warnings, i)));

  /* The client and the program the board becomes. */
  if (self->client_id != 0)
    plan->client = baton_store_lookup_client (store, self->client_id);
  if (plan->client != NULL)
    {
      g_autoptr(GPtrArray) programs = baton_store_find_by_reference (store, BATON_TYPE_PROGRAM, "client-id", self->client_id);
      g_autofree char *wanted = fold (board->name);

      for (guint i = 0; i < programs->len && plan->program == NULL; i++)
        {
          g_autofree char *name = fold (baton_program_get_name (g_ptr_array_index (programs, i)));

          if (strcmp (name, wanted) == 0)
            plan->program = g_ptr_array_index (programs, i);
        }
    }
  preview->program_exists = plan->program != NULL;
  if (plan->program != NULL)
    {
      g_autoptr(GPtrArray) program_tasks = baton_store_find_by_reference (store, BATON_TYPE_TASK, "program-id",
                                                                          baton_record_get_id (BATON_RECORD (plan->program)));

      for (guint i = 0; i < program_tasks->len; i++)
        {
          BatonTask *task = g_ptr_array_index (program_tasks, i);
          const char *external_id = baton_task_get_external_id (task);

          if (external_id != NULL)
            g_hash_table_insert (tasks, (gpointer) external_id, task);
        }
    }

  /* Lists → stages. */
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);
      char *key = fold (baton_stage_get_name (stage));

      if (!g_hash_table_contains (stage_names, key))
        g_hash_table_insert (stage_names, key, stage);
      else
        g_free (key);
      if (done_stage == NULL && baton_stage_get_is_done (stage))
        done_stage = stage;
    }
  for (guint i = 0; i < board->lists->len; i++)
    {
      TrelloList *list = g_ptr_array_index (board->lists, i);
      g_autofree char *key = NULL;
      PlanStage *stage;

      if (list->closed && !self->include_archived)
        {
          preview->n_skipped_lists++;
          continue;
        }
      key = fold (list->name);
      stage = g_hash_table_lookup (plan_stages, key);
      if (stage == NULL)
        {
          stage = g_new0 (PlanStage, 1);
          stage->stage = g_hash_table_lookup (stage_names, key);
          stage->name = g_strdup (list->name);
          stage->next_position = stage_end (store, stage->stage);
          g_ptr_array_add (plan->stages, stage);
          g_hash_table_insert (plan_stages, g_steal_pointer (&key), stage);
          if (stage->stage != NULL)
            preview->n_stages_matched++;
          else
            preview->n_stages_new++;
        }
      else if (stage->stage != NULL)
        preview->n_stages_matched++;
      g_hash_table_insert (list_stage, list, stage);
    }

  /* Roles by name, for labels. */
  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(BatonRole) role = g_list_model_get_item (roles, i);
      char *key = fold (baton_role_get_name (role));

      if (!g_hash_table_contains (role_names, key))
        g_hash_table_insert (role_names, key, role);
      else
        g_free (key);
    }

  /* Cards → tasks. */
  for (guint i = 0; i < board->cards->len; i++)
    {
      TrelloCard *card = g_ptr_array_index (board->cards, i);
      PlanStage *stage = card->list ? g_hash_table_lookup (list_stage, card->list) : NULL;
      g_autoptr(GPtrArray) label_words = g_ptr_array_new ();
      g_autoptr(GPtrArray) others = g_ptr_array_new ();
      PlanCard *item;

      if (card->list == NULL)
        continue;  /* warned while reading */
      if ((card->closed || card->list->closed) && !self->include_archived)
        {
          preview->n_skipped_cards++;
          continue;
        }
      g_assert (stage != NULL);

      item = g_new0 (PlanCard, 1);
      item->card = card;
      item->archived = card->closed || card->list->closed;
      item->external_id = g_strconcat (BATON_TRELLO_EXTERNAL_ID_PREFIX, card->id, NULL);
      item->task = g_hash_table_lookup (tasks, item->external_id);

      if (card->due_complete && !(stage->stage != NULL && baton_stage_get_is_done (stage->stage)) &&
          !stage->is_done)
        {
          /* A list already matched to the done stage: the same place. */
          for (guint k = 0; done == NULL && done_stage != NULL && k < plan->stages->len; k++)
            if (((PlanStage *) g_ptr_array_index (plan->stages, k))->stage == done_stage)
              done = g_ptr_array_index (plan->stages, k);
          if (done == NULL)
            {
              done = g_new0 (PlanStage, 1);
              done->stage = done_stage;
              done->name = g_strdup (done_stage ? baton_stage_get_name (done_stage) : _("Done"));
              done->is_done = TRUE;
              done->next_position = stage_end (store, done_stage);
              g_ptr_array_add (plan->stages, done);
              if (done_stage == NULL)
                preview->n_stages_new++;
            }
          stage = done;
        }
      item->stage = stage;

      /* A task that stays in its stage keeps its place. */
      if (item->task != NULL && stage->stage != NULL &&
          baton_task_get_stage_id (item->task) == baton_record_get_id (BATON_RECORD (stage->stage)))
        item->position = -1;
      else
        {
          item->position = stage->next_position;
          stage->next_position += TRELLO_POSITION_GAP;
        }

      for (guint m = 0; m < card->member_ids->len; m++)
        {
          TrelloMember *member = _baton_trello_board_find_member (board, g_ptr_array_index (card->member_ids, m));

          if (m == 0 && member->public.action != BATON_TRELLO_MEMBER_UNASSIGNED)
            {
              item->assignee = member;
              g_hash_table_add (assignees, member);
            }
          else if (m > 0)
            g_ptr_array_add (others, member->full_name);
        }

      for (guint l = 0; l < card->label_ids->len; l++)
        {
          TrelloLabel *label = g_hash_table_lookup (board->labels, g_ptr_array_index (card->label_ids, l));
          BatonRole *role = NULL;

          if (label->name != NULL)
            {
              g_autofree char *key = fold (label->name);

              role = g_hash_table_lookup (role_names, key);
            }
          if (role != NULL && item->role_id == 0)
            item->role_id = baton_record_get_id (BATON_RECORD (role));
          else if (label->name != NULL)
            g_ptr_array_add (label_words, label->name);
          else if (label->color != NULL)
            g_ptr_array_add (label_words, label->color);
        }

      item->notes = card_notes (card, label_words, others);

      for (guint c = 0; c < card->checklists->len; c++)
        {
          TrelloChecklist *checklist = g_ptr_array_index (card->checklists, c);

          preview->n_checklist_items += checklist->items->len;
        }
      preview->n_comments += card->comments->len;
      preview->n_attachments += card->attachments->len;

      preview->n_cards++;
      if (item->task != NULL)
        preview->n_updated_tasks++;
      else
        preview->n_new_tasks++;
      g_ptr_array_add (plan->cards, item);
    }

  for (guint i = 0; i < board->members->len; i++)
    {
      TrelloMember *member = g_ptr_array_index (board->members, i);

      if (member->public.action == BATON_TRELLO_MEMBER_PERSON)
        preview->n_people_matched++;
      else if (member->public.action == BATON_TRELLO_MEMBER_UNASSIGNED)
        preview->n_people_unassigned++;
      else if (g_hash_table_contains (assignees, member))
        {
          preview->n_people_new++;
          g_hash_table_insert (plan->new_people, member, NULL);
        }
    }

  return plan;
}

void
_baton_trello_import_replan (BatonTrelloImport *self)
{
  g_clear_pointer (&self->plan, _baton_trello_plan_free);
  self->plan = make_plan (self);
}

const BatonTrelloPreview *
baton_trello_import_get_preview (BatonTrelloImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  /* Planned again after a change of the choices or of the store. */
  if (self->plan == NULL)
    _baton_trello_import_replan (self);

  return &self->preview;
}

/* Apply */

typedef struct
{
  guint        n;
  const char  *names[16];
  GValue       values[16];
} Props;

static GValue *
props_add (Props      *props,
           const char *name,
           GType       type)
{
  GValue *value = &props->values[props->n];

  g_assert (props->n < G_N_ELEMENTS (props->names));
  props->names[props->n++] = name;
  memset (value, 0, sizeof *value);
  g_value_init (value, type);
  return value;
}

static void
props_clear (Props *props)
{
  for (guint i = 0; i < props->n; i++)
    g_value_unset (&props->values[i]);
  props->n = 0;
}

typedef struct
{
  BatonTrelloImport *self;
  TrelloPlan        *plan;
  BatonProgram      *program;
} Apply;

static BatonStage *
plan_stage_get (PlanStage *stage)
{
  return stage->stage != NULL ? stage->stage : stage->created;
}

static gboolean
write_card (Apply     *apply,
            PlanCard  *item,
            GError   **error)
{
  BatonStore *store = apply->self->store;
  TrelloCard *card = item->card;
  BatonStage *stage = plan_stage_get (item->stage);
  BatonStage *old_stage = item->task ? baton_store_lookup_stage (store, baton_task_get_stage_id (item->task)) : NULL;
  BatonTask *task = item->task;
  gint64 assignee_id = 0;
  Props props = { 0 };
  gboolean ok;

  if (item->assignee != NULL)
    {
      if (item->assignee->public.action == BATON_TRELLO_MEMBER_PERSON)
        assignee_id = item->assignee->public.person_id;
      else
        assignee_id = baton_record_get_id (g_hash_table_lookup (apply->plan->new_people, item->assignee));
    }

  g_value_set_string (props_add (&props, "title", G_TYPE_STRING), card->name);
  g_value_set_string (props_add (&props, "description", G_TYPE_STRING), item->notes);
  g_value_set_string (props_add (&props, "start-date", G_TYPE_STRING), card->start);
  g_value_set_string (props_add (&props, "due-date", G_TYPE_STRING), card->due);
  g_value_set_int64 (props_add (&props, "assignee-id", G_TYPE_INT64), assignee_id);
  if (item->role_id != 0 || task == NULL)
    g_value_set_int64 (props_add (&props, "role-id", G_TYPE_INT64), item->role_id);
  g_value_set_boolean (props_add (&props, "archived", G_TYPE_BOOLEAN), item->archived);
  g_value_set_int64 (props_add (&props, "stage-id", G_TYPE_INT64), baton_record_get_id (BATON_RECORD (stage)));
  if (item->position >= 0)
    g_value_set_int64 (props_add (&props, "position", G_TYPE_INT64), item->position);
  if (baton_stage_get_is_done (stage) && (old_stage == NULL || !baton_stage_get_is_done (old_stage)))
    {
      g_autofree char *now = baton_timestamp_now ();

      g_value_set_string (props_add (&props, "completed-at", G_TYPE_STRING), now);
    }
  else if (!baton_stage_get_is_done (stage) && old_stage != NULL && baton_stage_get_is_done (old_stage))
    g_value_set_string (props_add (&props, "completed-at", G_TYPE_STRING), NULL);

  if (task == NULL)
    {
      g_value_set_int64 (props_add (&props, "program-id", G_TYPE_INT64), baton_record_get_id (BATON_RECORD (apply->program)));
      g_value_set_string (props_add (&props, "external-id", G_TYPE_STRING), item->external_id);
      task = baton_store_insertv (store, BATON_TYPE_TASK, props.n, props.names, props.values, error);
      ok = task != NULL;
    }
  else
    ok = baton_store_updatev (store, task, props.n, props.names, props.values, error);
  props_clear (&props);
  if (!ok)
    return FALSE;

  if (item->task != NULL)
    {
      g_autoptr(GPtrArray) old_items = baton_store_get_task_checklist (store, task);

      for (guint i = 0; i < old_items->len; i++)
        if (!baton_store_delete (store, g_ptr_array_index (old_items, i), error))
          return FALSE;
    }

  {
    gint64 task_id = baton_record_get_id (BATON_RECORD (task));
    gint64 position = 0;

    for (guint c = 0; c < card->checklists->len; c++)
      {
        TrelloChecklist *checklist = g_ptr_array_index (card->checklists, c);

        for (guint i = 0; i < checklist->items->len; i++)
          {
            TrelloItem *entry = g_ptr_array_index (checklist->items, i);
            g_autofree char *text = NULL;

            if (card->checklists->len > 1)
              /* Translators: a checklist item of a card with several
               * checklists: "Checklist name: item" */
              text = g_strdup_printf (_("%s: %s"), checklist->name, entry->name);
            else
              text = g_strdup (entry->name);
            if (g_utf8_strlen (text, -1) > BATON_MAX_NAME_LENGTH)
              *g_utf8_offset_to_pointer (text, BATON_MAX_NAME_LENGTH) = '\0';

            position += TRELLO_POSITION_GAP;
            if (baton_store_insert (store, BATON_TYPE_CHECKLIST_ITEM, error,
                                    "task-id", task_id,
                                    "text", text,
                                    "done", entry->complete,
                                    "position", position,
                                    NULL) == NULL)
              return FALSE;
          }
      }
  }

  return TRUE;
}

static gboolean
apply_batch (BatonStore  *store,
             gpointer     user_data,
             GError     **error)
{
  Apply *apply = user_data;
  TrelloPlan *plan = apply->plan;

  apply->program = plan->program;
  if (apply->program == NULL &&
      !(apply->program = baton_store_create_program (store, plan->client, apply->self->board->name, error)))
    return FALSE;

  for (guint i = 0; i < plan->stages->len; i++)
    {
      PlanStage *stage = g_ptr_array_index (plan->stages, i);

      if (stage->stage != NULL)
        continue;
      if (!(stage->created = baton_store_create_stage (store, stage->name, 0, error)))
        return FALSE;
      if (stage->is_done && !baton_store_update (store, stage->created, error, "is-done", TRUE, NULL))
        return FALSE;
    }

  /* New people in the board's member order, so ids are stable. */
  for (guint i = 0; i < apply->self->board->members->len; i++)
    {
      TrelloMember *member = g_ptr_array_index (apply->self->board->members, i);
      BatonPerson *person;

      if (!g_hash_table_contains (plan->new_people, member))
        continue;
      if (!(person = baton_store_create_person (store, member->full_name, NULL, TRELLO_NEW_PERSON_MINUTES, NULL, error)))
        return FALSE;
      g_hash_table_insert (plan->new_people, member, person);
    }

  for (guint i = 0; i < plan->cards->len; i++)
    {
      PlanCard *item = g_ptr_array_index (plan->cards, i);

      if (!write_card (apply, item, error))
        {
          g_prefix_error (error, _("Card “%s”: "), item->card->name);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
baton_trello_import_apply (BatonTrelloImport  *self,
                           GError            **error)
{
  g_autofree char *label = NULL;
  Apply apply = { self, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->plan == NULL)
    _baton_trello_import_replan (self);
  if (((TrelloPlan *) self->plan)->client == NULL)
    {
      g_set_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_INVALID,
                   _("Choose the client the board is imported for. Nothing was imported."));
      return FALSE;
    }

  /* A person chosen in the mapping may have been deleted since. */
  for (guint i = 0; i < self->board->members->len; i++)
    {
      TrelloMember *member = g_ptr_array_index (self->board->members, i);

      if (member->public.action == BATON_TRELLO_MEMBER_PERSON &&
          baton_store_lookup_person (self->store, member->public.person_id) == NULL)
        {
          g_set_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_INVALID,
                       _("The person chosen for the Trello member “%s” is no longer in the workspace. "
                         "Nothing was imported."), member->full_name);
          return FALSE;
        }
    }

  label = g_strdup_printf (_("Import Trello Board “%s”"), self->board->name);
  /* Ours while writing: the store's ::changed must not free it under us. */
  apply.plan = g_steal_pointer (&self->plan);
  ok = baton_store_run_batch (self->store, label, TRUE, apply_batch, &apply, error);
  _baton_trello_plan_free (apply.plan);
  if (ok)
    g_set_object (&self->program, apply.program);

  return ok;
}

BatonProgram *
baton_trello_import_get_program (BatonTrelloImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->program;
}
