/* baton-board-filter.c — which cards the board shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One filter for the whole board: every column puts it in its
 * GtkFilterListModel, so a change of the search or of a setting is one
 * "changed" that every column follows.
 */

#define G_LOG_DOMAIN "baton-board-filter"

#include "config.h"

#include <string.h>

#include "baton-board-filter.h"

struct _BatonBoardFilter
{
  GtkFilter      parent_instance;

  BatonStore    *store;     /* weak: the board's */
  BatonCapacity *capacity;
  char          *search_folded;
  gint64         ids[BATON_BOARD_FILTER_N_IDS];
  gboolean       only_over_capacity;
  gboolean       show_archived;
};

G_DEFINE_FINAL_TYPE (BatonBoardFilter, baton_board_filter, GTK_TYPE_FILTER)

static gboolean
text_matches (const char *text,
              const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;

  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
baton_board_filter_match (GtkFilter *filter,
                          gpointer   item)
{
  BatonBoardFilter *self = BATON_BOARD_FILTER (filter);
  BatonTask *task = item;
  gint64 person_id = self->ids[BATON_BOARD_FILTER_PERSON];

  if (!self->show_archived && baton_task_get_archived (task))
    return FALSE;

  if (self->ids[BATON_BOARD_FILTER_PROGRAM] != 0 &&
      baton_task_get_program_id (task) != self->ids[BATON_BOARD_FILTER_PROGRAM])
    return FALSE;

  if (self->ids[BATON_BOARD_FILTER_CLIENT] != 0)
    {
      BatonProgram *program = self->store != NULL ? baton_store_lookup_program (self->store, baton_task_get_program_id (task)) : NULL;

      if (program == NULL || baton_program_get_client_id (program) != self->ids[BATON_BOARD_FILTER_CLIENT])
        return FALSE;
    }

  if (person_id == -1 && baton_task_get_assignee_id (task) != 0)
    return FALSE;
  if (person_id > 0 && baton_task_get_assignee_id (task) != person_id)
    return FALSE;

  if (self->ids[BATON_BOARD_FILTER_ROLE] != 0 &&
      baton_task_get_role_id (task) != self->ids[BATON_BOARD_FILTER_ROLE])
    return FALSE;

  if (self->only_over_capacity)
    {
      BatonStage *stage;

      if (self->capacity == NULL || baton_task_get_assignee_id (task) == 0)
        return FALSE;
      stage = self->store != NULL ? baton_store_lookup_stage (self->store, baton_task_get_stage_id (task)) : NULL;
      if (stage != NULL && baton_stage_get_is_done (stage))
        return FALSE;
      if (!baton_capacity_task_is_over (self->capacity, task))
        return FALSE;
    }

  if (self->search_folded != NULL &&
      !text_matches (baton_task_get_title (task), self->search_folded) &&
      !text_matches (baton_task_get_description (task), self->search_folded))
    return FALSE;

  return TRUE;
}

static GtkFilterMatch
baton_board_filter_get_strictness (GtkFilter *filter)
{
  return GTK_FILTER_MATCH_SOME;
}

static void
baton_board_filter_finalize (GObject *object)
{
  BatonBoardFilter *self = BATON_BOARD_FILTER (object);

  g_clear_pointer (&self->capacity, baton_capacity_unref);
  g_clear_pointer (&self->search_folded, g_free);
  g_clear_weak_pointer (&self->store);

  G_OBJECT_CLASS (baton_board_filter_parent_class)->finalize (object);
}

static void
baton_board_filter_class_init (BatonBoardFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = baton_board_filter_finalize;
  filter_class->match = baton_board_filter_match;
  filter_class->get_strictness = baton_board_filter_get_strictness;
}

static void
baton_board_filter_init (BatonBoardFilter *self)
{
}

BatonBoardFilter *
baton_board_filter_new (BatonStore *store)
{
  BatonBoardFilter *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  self = g_object_new (BATON_TYPE_BOARD_FILTER, NULL);
  g_set_weak_pointer (&self->store, store);
  return self;
}

static void
changed (BatonBoardFilter *self)
{
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Leading and trailing blanks do not count; case does not matter. */
void
baton_board_filter_set_search (BatonBoardFilter *self,
                               const char       *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;

  g_return_if_fail (BATON_IS_BOARD_FILTER (self));

  stripped = g_strstrip (g_strdup (text ? text : ""));
  if (stripped[0] != '\0')
    folded = g_utf8_casefold (stripped, -1);

  if (g_strcmp0 (folded, self->search_folded) == 0)
    return;

  g_free (self->search_folded);
  self->search_folded = g_steal_pointer (&folded);
  changed (self);
}

gboolean
baton_board_filter_get_has_search (BatonBoardFilter *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_FILTER (self), FALSE);

  return self->search_folded != NULL;
}

gint64
baton_board_filter_get_id (BatonBoardFilter   *self,
                           BatonBoardFilterId  which)
{
  g_return_val_if_fail (BATON_IS_BOARD_FILTER (self), 0);
  g_return_val_if_fail (which < BATON_BOARD_FILTER_N_IDS, 0);

  return self->ids[which];
}

void
baton_board_filter_set_id (BatonBoardFilter   *self,
                           BatonBoardFilterId  which,
                           gint64              id)
{
  g_return_if_fail (BATON_IS_BOARD_FILTER (self));
  g_return_if_fail (which < BATON_BOARD_FILTER_N_IDS);

  if (self->ids[which] == id)
    return;

  self->ids[which] = id;
  changed (self);
}

gboolean
baton_board_filter_get_only_over_capacity (BatonBoardFilter *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_FILTER (self), FALSE);

  return self->only_over_capacity;
}

void
baton_board_filter_set_only_over_capacity (BatonBoardFilter *self,
                                           gboolean          only)
{
  g_return_if_fail (BATON_IS_BOARD_FILTER (self));

  if (self->only_over_capacity == !!only)
    return;

  self->only_over_capacity = !!only;
  changed (self);
}

gboolean
baton_board_filter_get_show_archived (BatonBoardFilter *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_FILTER (self), FALSE);

  return self->show_archived;
}

void
baton_board_filter_set_show_archived (BatonBoardFilter *self,
                                      gboolean          show)
{
  g_return_if_fail (BATON_IS_BOARD_FILTER (self));

  if (self->show_archived == !!show)
    return;

  self->show_archived = !!show;
  changed (self);
}

/* A new computation changes what "over capacity" means: a change only
 * when that setting is on. */
void
baton_board_filter_set_capacity (BatonBoardFilter *self,
                                 BatonCapacity    *capacity)
{
  g_return_if_fail (BATON_IS_BOARD_FILTER (self));

  if (capacity != NULL)
    baton_capacity_ref (capacity);
  g_clear_pointer (&self->capacity, baton_capacity_unref);
  self->capacity = capacity;

  if (self->only_over_capacity)
    changed (self);
}

void
baton_board_filter_clear (BatonBoardFilter *self)
{
  g_return_if_fail (BATON_IS_BOARD_FILTER (self));

  if (!baton_board_filter_is_active (self))
    return;

  for (guint i = 0; i < BATON_BOARD_FILTER_N_IDS; i++)
    self->ids[i] = 0;
  self->only_over_capacity = FALSE;
  self->show_archived = FALSE;
  g_clear_pointer (&self->search_folded, g_free);
  changed (self);
}

guint
baton_board_filter_get_n_settings (BatonBoardFilter *self)
{
  guint n = 0;

  g_return_val_if_fail (BATON_IS_BOARD_FILTER (self), 0);

  for (guint i = 0; i < BATON_BOARD_FILTER_N_IDS; i++)
    n += self->ids[i] != 0;

  return n + self->only_over_capacity + self->show_archived;
}

gboolean
baton_board_filter_is_active (BatonBoardFilter *self)
{
  g_return_val_if_fail (BATON_IS_BOARD_FILTER (self), FALSE);

  return self->search_folded != NULL || baton_board_filter_get_n_settings (self) > 0;
}
