/* baton-trello-import.c — the Trello import object: a board read, its
 * choices and its plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-trello"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "baton-trello-private.h"

static void
on_store_changed (BatonTrelloImport *self)
{
  g_clear_pointer (&self->plan, _baton_trello_plan_free);
}

BatonTrelloImport *
baton_trello_import_new (BatonStore  *store,
                         const char  *data,
                         gsize        length,
                         GError     **error)
{
  BatonTrelloImport *self;
  TrelloBoard *board;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(board = _baton_trello_board_read (data ? data : "", length, error)))
    return NULL;

  self = g_new0 (BatonTrelloImport, 1);
  self->store = g_object_ref (store);
  self->board = board;
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);

  /* The default mapping: the person of the same full name, else a new one. */
  for (guint i = 0; i < board->members->len; i++)
    {
      TrelloMember *member = g_ptr_array_index (board->members, i);
      g_autofree char *folded = g_utf8_casefold (member->full_name, -1);
      GListModel *people = baton_store_get_people (store);

      member->public.action = BATON_TRELLO_MEMBER_CREATE;
      for (guint p = 0; p < g_list_model_get_n_items (people); p++)
        {
          g_autoptr(BatonPerson) person = g_list_model_get_item (people, p);
          g_autofree char *name = g_utf8_casefold (baton_person_get_name (person), -1);

          if (strcmp (name, folded) == 0)
            {
              member->public.action = BATON_TRELLO_MEMBER_PERSON;
              member->public.person_id = baton_record_get_id (BATON_RECORD (person));
              break;
            }
        }
    }

  return self;
}

BatonTrelloImport *
baton_trello_import_new_file (BatonStore  *store,
                              const char  *path,
                              GError     **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize length = 0;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* Refuse a huge file before reading it. */
  if (g_stat (path, &st) == 0 && (guint64) st.st_size > BATON_TRELLO_MAX_BYTES)
    {
      g_set_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB, too large for a Trello board export. Nothing was imported."),
                   (int) (BATON_TRELLO_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error_literal (error, G_FILE_ERROR, local_error->code, local_error->message);
      return NULL;
    }

  return baton_trello_import_new (store, data, length, error);
}

void
baton_trello_import_free (BatonTrelloImport *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->plan, _baton_trello_plan_free);
  g_clear_pointer (&self->preview.warnings, g_ptr_array_unref);
  g_clear_pointer (&self->board, _baton_trello_board_free);
  g_clear_object (&self->program);
  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_free (self);
}

const char *
baton_trello_import_get_board_name (BatonTrelloImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->board->name;
}

void
baton_trello_import_set_client_id (BatonTrelloImport *self,
                                   gint64             client_id)
{
  g_return_if_fail (self != NULL);

  self->client_id = client_id;
  g_clear_pointer (&self->plan, _baton_trello_plan_free);
}

gint64
baton_trello_import_get_client_id (BatonTrelloImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->client_id;
}

gboolean
baton_trello_import_get_include_archived (BatonTrelloImport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->include_archived;
}

void
baton_trello_import_set_include_archived (BatonTrelloImport *self,
                                          gboolean           include_archived)
{
  g_return_if_fail (self != NULL);

  self->include_archived = !!include_archived;
  g_clear_pointer (&self->plan, _baton_trello_plan_free);
}

guint
baton_trello_import_get_n_members (BatonTrelloImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->board->members->len;
}

const BatonTrelloMember *
baton_trello_import_get_member (BatonTrelloImport *self,
                                guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->board->members->len, NULL);

  return &((TrelloMember *) g_ptr_array_index (self->board->members, index))->public;
}

gboolean
baton_trello_import_set_member (BatonTrelloImport        *self,
                                const char               *member_id,
                                BatonTrelloMemberAction   action,
                                gint64                    person_id,
                                GError                  **error)
{
  TrelloMember *member;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (member_id != NULL, FALSE);
  g_return_val_if_fail (action <= BATON_TRELLO_MEMBER_UNASSIGNED, FALSE);

  member = _baton_trello_board_find_member (self->board, member_id);
  if (member == NULL)
    {
      g_set_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_INVALID,
                   _("The board has no member with the id “%s”."), member_id);
      return FALSE;
    }
  if (action == BATON_TRELLO_MEMBER_PERSON && baton_store_lookup_person (self->store, person_id) == NULL)
    {
      g_set_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_INVALID,
                   _("The workspace has no person with the id %lld."), (long long) person_id);
      return FALSE;
    }

  member->public.action = action;
  member->public.person_id = action == BATON_TRELLO_MEMBER_PERSON ? person_id : 0;
  g_clear_pointer (&self->plan, _baton_trello_plan_free);

  return TRUE;
}
