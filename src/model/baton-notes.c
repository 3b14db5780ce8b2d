/* baton-notes.c — clients' notes: programs' progress, notes, revisions and
 * the tasks promoted from them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-notes"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-notes.h"
#include "baton-dates.h"
#include "baton-store-private.h"

/* Programs -------------------------------------------------------------------- */

BatonProgramProgress *
baton_program_progress_new (BatonStore   *store,
                            BatonProgram *program)
{
  GListModel *stages;
  GListModel *tasks;
  g_autofree gint64 *stage_ids = NULL;
  g_autofree gboolean *stage_done = NULL;
  BatonProgramProgress *progress;
  gint64 program_id;
  guint n;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (BATON_IS_PROGRAM (program), NULL);

  stages = baton_store_get_stages (store);
  tasks = baton_store_get_tasks (store);
  program_id = baton_record_get_id (BATON_RECORD (program));

  progress = g_new0 (BatonProgramProgress, 1);
  progress->n_stages = g_list_model_get_n_items (stages);
  progress->per_stage = g_new0 (guint, MAX (progress->n_stages, 1));

  /* A board has a handful of stages: arrays beat a hash table. */
  stage_ids = g_new0 (gint64, MAX (progress->n_stages, 1));
  stage_done = g_new0 (gboolean, MAX (progress->n_stages, 1));
  for (guint i = 0; i < progress->n_stages; i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);

      stage_ids[i] = baton_record_get_id (BATON_RECORD (stage));
      stage_done[i] = baton_stage_get_is_done (stage);
    }

  n = g_list_model_get_n_items (tasks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);
      gint64 stage_id;

      if (baton_task_get_program_id (task) != program_id || baton_task_get_archived (task))
        continue;

      progress->n_tasks++;
      stage_id = baton_task_get_stage_id (task);
      for (guint k = 0; k < progress->n_stages; k++)
        if (stage_ids[k] == stage_id)
          {
            progress->per_stage[k]++;
            if (stage_done[k])
              progress->n_done++;
            break;
          }
    }

  return progress;
}

void
baton_program_progress_free (BatonProgramProgress *progress)
{
  if (progress == NULL)
    return;

  g_free (progress->per_stage);
  g_free (progress);
}

/* Notes, revisions and tasks -------------------------------------------------- */

gint
baton_notes_compare_newest_first (gconstpointer a,
                                  gconstpointer b)
{
  BatonNote *na = (BatonNote *) a;
  BatonNote *nb = (BatonNote *) b;
  gint64 ia = baton_record_get_id (BATON_RECORD (na));
  gint64 ib = baton_record_get_id (BATON_RECORD (nb));
  gint cmp = g_strcmp0 (baton_note_get_created_at (nb), baton_note_get_created_at (na));

  if (cmp != 0)
    return cmp;

  return ib < ia ? -1 : ib > ia ? 1 : 0;
}

static gint
compare_notes_indirect (gconstpointer a,
                        gconstpointer b)
{
  return baton_notes_compare_newest_first (*(gpointer const *) a, *(gpointer const *) b);
}

GPtrArray *
baton_notes_list_for_client (BatonStore  *store,
                             BatonClient *client)
{
  GPtrArray *result;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (BATON_IS_CLIENT (client), NULL);

  result = baton_store_find_by_reference (store, BATON_TYPE_NOTE, "client-id",
                                          baton_record_get_id (BATON_RECORD (client)));
  g_ptr_array_sort (result, compare_notes_indirect);

  return result;
}

static gint
compare_revisions_indirect (gconstpointer a,
                            gconstpointer b)
{
  BatonNoteRevision *ra = *(BatonNoteRevision * const *) a;
  BatonNoteRevision *rb = *(BatonNoteRevision * const *) b;
  gint64 ia = baton_record_get_id (BATON_RECORD (ra));
  gint64 ib = baton_record_get_id (BATON_RECORD (rb));
  gint cmp = g_strcmp0 (baton_note_revision_get_saved_at (rb), baton_note_revision_get_saved_at (ra));

  if (cmp != 0)
    return cmp;

  return ib < ia ? -1 : ib > ia ? 1 : 0;
}

GPtrArray *
baton_notes_list_revisions (BatonStore *store,
                            BatonNote  *note)
{
  GPtrArray *result;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (BATON_IS_NOTE (note), NULL);

  result = baton_store_find_by_reference (store, BATON_TYPE_NOTE_REVISION, "note-id",
                                          baton_record_get_id (BATON_RECORD (note)));
  g_ptr_array_sort (result, compare_revisions_indirect);

  return result;
}

GPtrArray *
baton_notes_list_tasks (BatonStore *store,
                        BatonNote  *note)
{
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (BATON_IS_NOTE (note), NULL);

  return baton_store_find_by_reference (store, BATON_TYPE_TASK, "note-id",
                                        baton_record_get_id (BATON_RECORD (note)));
}

typedef struct
{
  BatonNote         *note;
  BatonNoteRevision *revision;
} RestoreData;

static gboolean
restore_in_batch (BatonStore  *store,
                  gpointer     user_data,
                  GError     **error)
{
  RestoreData *data = user_data;

  return baton_store_update_note (store, data->note,
                                  baton_note_get_title (data->note),
                                  baton_note_revision_get_body (data->revision),
                                  TRUE, error);
}

gboolean
baton_notes_restore_revision (BatonStore         *store,
                              BatonNote          *note,
                              BatonNoteRevision  *revision,
                              GError            **error)
{
  RestoreData data = { note, revision };

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (BATON_IS_NOTE (note), FALSE);
  g_return_val_if_fail (BATON_IS_NOTE_REVISION (revision), FALSE);

  if (baton_store_lookup_note (store, baton_record_get_id (BATON_RECORD (note))) != note ||
      baton_store_lookup (store, BATON_TYPE_NOTE_REVISION,
                          baton_record_get_id (BATON_RECORD (revision))) != (gpointer) revision)
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND,
                           _("The note or its revision no longer exists."));
      return FALSE;
    }

  if (baton_note_revision_get_note_id (revision) != baton_record_get_id (BATON_RECORD (note)))
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("The revision belongs to another note."));
      return FALSE;
    }

  return baton_store_run_batch (store, _("Restore Revision"), TRUE, restore_in_batch, &data, error);
}

char *
baton_notes_task_title_from_line (const char *line)
{
  g_autofree char *copy = NULL;
  char *p;
  gboolean again = TRUE;

  if (line == NULL)
    return NULL;

  copy = g_strdup (line);
  /* One line only, even if a selection ran over several. */
  p = strpbrk (copy, "\r\n");
  if (p != NULL)
    *p = '\0';
  p = g_strstrip (copy);

  /* Quote marks, headings, list markers and a checkbox, in any order the
   * Markdown allows: "> - [ ] Send the outline". */
  while (again && *p)
    {
      again = FALSE;

      if (*p == '>' || *p == '#')
        {
          while (*p == '>' || *p == '#')
            p++;
          again = TRUE;
        }
      else if ((*p == '-' || *p == '*' || *p == '+') && (p[1] == ' ' || p[1] == '\t'))
        {
          p++;
          again = TRUE;
        }
      else if (g_ascii_isdigit (*p))
        {
          char *q = p;

          while (g_ascii_isdigit (*q))
            q++;
          if ((*q == '.' || *q == ')') && (q[1] == ' ' || q[1] == '\t'))
            {
              p = q + 1;
              again = TRUE;
            }
        }
      else if (*p == '[' && (p[1] == ' ' || p[1] == 'x' || p[1] == 'X') && p[2] == ']')
        {
          p += 3;
          again = TRUE;
        }

      while (*p == ' ' || *p == '\t')
        p++;
    }

  if (*p == '\0')
    return NULL;

  return g_strdup (p);
}

typedef struct
{
  BatonNote  *note;
  BatonStage *stage;
  const char *title;
  BatonTask  *task;
} PromoteData;

static gboolean
promote_in_batch (BatonStore  *store,
                  gpointer     user_data,
                  GError     **error)
{
  PromoteData *data = user_data;
  BatonProgram *program = NULL;
  gint64 program_id = baton_note_get_program_id (data->note);

  if (program_id != 0)
    program = baton_store_lookup_program (store, program_id);

  data->task = baton_store_create_task (store, data->stage, program, data->title, error);
  if (data->task == NULL)
    return FALSE;

  return baton_store_update (store, data->task, error,
                             "note-id", (gint64) baton_record_get_id (BATON_RECORD (data->note)),
                             NULL);
}

BatonTask *
baton_notes_promote_line (BatonStore  *store,
                          BatonNote   *note,
                          const char  *line,
                          BatonStage  *stage,
                          GError     **error)
{
  g_autofree char *title = NULL;
  g_autoptr(BatonStage) first = NULL;
  PromoteData data = { 0 };

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (BATON_IS_NOTE (note), NULL);
  g_return_val_if_fail (stage == NULL || BATON_IS_STAGE (stage), NULL);

  title = baton_notes_task_title_from_line (line);
  if (title == NULL)
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("Select a line with some text to make a task of it."));
      return NULL;
    }

  if (stage == NULL)
    {
      if (g_list_model_get_n_items (baton_store_get_stages (store)) == 0)
        {
          g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND,
                               _("The board has no stage to add the task to."));
          return NULL;
        }
      first = g_list_model_get_item (baton_store_get_stages (store), 0);
      stage = first;
    }

  data.note = note;
  data.stage = stage;
  data.title = title;

  if (!baton_store_run_batch (store, _("Create Task"), TRUE, promote_in_batch, &data, error))
    return NULL;

  return data.task;
}
