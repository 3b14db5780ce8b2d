/* baton-trello.c — reading and checking a Trello board export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text is scanned before json-glib reads it (UTF-8, nesting depth,
 * well-formed JSON, see baton-json-scan.c), and every node's type is checked
 * before it is read (baton-trello-reader.c). A member of the wrong type is
 * an error that names it; problems the import can work around are
 * warnings (baton-trello.h). Lists, cards, checklists and comments come
 * out in Trello's order.
 */

#define G_LOG_DOMAIN "baton-trello"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "baton-json-private.h"
#include "baton-trello-private.h"

G_DEFINE_QUARK (baton-trello-error-quark, baton_trello_error)

static void
list_free (TrelloList *list)
{
  g_free (list->id);
  g_free (list->name);
  g_free (list);
}

static void
item_free (TrelloItem *item)
{
  g_free (item->name);
  g_free (item);
}

static void
checklist_free (TrelloChecklist *checklist)
{
  g_free (checklist->id);
  g_free (checklist->name);
  g_ptr_array_unref (checklist->items);
  g_free (checklist);
}

static void
comment_free (TrelloComment *comment)
{
  g_free (comment->author);
  g_free (comment->date);
  g_free (comment->day);
  g_free (comment->text);
  g_free (comment);
}

static void
attachment_free (TrelloAttachment *attachment)
{
  g_free (attachment->name);
  g_free (attachment->url);
  g_free (attachment);
}

static void
card_free (TrelloCard *card)
{
  g_free (card->id);
  g_free (card->name);
  g_free (card->desc);
  g_free (card->start);
  g_free (card->due);
  g_ptr_array_unref (card->member_ids);
  g_ptr_array_unref (card->label_ids);
  g_ptr_array_unref (card->checklists);
  g_ptr_array_unref (card->comments);
  g_ptr_array_unref (card->attachments);
  g_free (card);
}

static void
label_free (TrelloLabel *label)
{
  g_free (label->id);
  g_free (label->name);
  g_free (label->color);
  g_free (label);
}

static void
member_free (TrelloMember *member)
{
  g_free (member->id);
  g_free (member->full_name);
  g_free (member->username);
  g_free (member);
}

void
_baton_trello_board_free (TrelloBoard *board)
{
  if (board == NULL)
    return;
  g_free (board->name);
  g_ptr_array_unref (board->lists);
  g_ptr_array_unref (board->cards);
  g_ptr_array_unref (board->checklists);
  g_ptr_array_unref (board->members);
  g_hash_table_unref (board->labels);
  g_ptr_array_unref (board->warnings);
  g_free (board);
}

TrelloMember *
_baton_trello_board_find_member (TrelloBoard *board,
                                 const char  *id)
{
  for (guint i = 0; i < board->members->len; i++)
    {
      TrelloMember *member = g_ptr_array_index (board->members, i);

      if (g_strcmp0 (member->id, id) == 0)
        return member;
    }

  return NULL;
}

static gint
compare_lists (gconstpointer a,
               gconstpointer b)
{
  const TrelloList *x = *(TrelloList * const *) a;
  const TrelloList *y = *(TrelloList * const *) b;

  if (x->pos != y->pos)
    return x->pos < y->pos ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

static gint
compare_cards (gconstpointer a,
               gconstpointer b)
{
  const TrelloCard *x = *(TrelloCard * const *) a;
  const TrelloCard *y = *(TrelloCard * const *) b;
  guint lx = x->list ? x->list->index : G_MAXUINT;
  guint ly = y->list ? y->list->index : G_MAXUINT;

  if (lx != ly)
    return (lx > ly) - (lx < ly);
  if (x->pos != y->pos)
    return x->pos < y->pos ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

static gint
compare_checklists (gconstpointer a,
                    gconstpointer b)
{
  const TrelloChecklist *x = *(TrelloChecklist * const *) a;
  const TrelloChecklist *y = *(TrelloChecklist * const *) b;

  return (x->pos > y->pos) - (x->pos < y->pos);
}

static gint
compare_items (gconstpointer a,
               gconstpointer b)
{
  const TrelloItem *x = *(TrelloItem * const *) a;
  const TrelloItem *y = *(TrelloItem * const *) b;

  return (x->pos > y->pos) - (x->pos < y->pos);
}

static gint
compare_comments (gconstpointer a,
                  gconstpointer b)
{
  const TrelloComment *x = *(TrelloComment * const *) a;
  const TrelloComment *y = *(TrelloComment * const *) b;

  return g_strcmp0 (x->date, y->date);
}

static void
read_lists (Reader     *reader,
            JsonArray  *array,
            GHashTable *by_id)
{
  TrelloBoard *board = reader->board;

  for (guint i = 0; i < json_array_get_length (array) && reader->error == NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("$.lists[%u]", i);
      JsonObject *object = _baton_trello_element_object (reader, array, i, path);
      g_autofree char *name = NULL;
      TrelloList *list;

      if (object == NULL)
        return;
      list = g_new0 (TrelloList, 1);
      list->index = i;
      list->id = _baton_trello_read_id (reader, object, path, "id");
      name = _baton_trello_read_string (reader, object, path, "name");
      list->closed = _baton_trello_read_bool (reader, object, path, "closed");
      list->pos = _baton_trello_read_pos (reader, object, path, "pos");
      g_ptr_array_add (board->lists, list);
      if (reader->error != NULL)
        return;

      list->name = _baton_trello_clean_name (reader, name, path);
      if (list->name == NULL)
        {
          list->name = g_strdup_printf (_("Untitled list %u"), i + 1);
          _baton_trello_warn (reader, _("%s: The list has no name; it is called “%s”."), path, list->name);
        }
      if (g_hash_table_contains (by_id, list->id))
        {
          g_set_error (&reader->error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_NOT_TRELLO,
                       _("%s.id: Two lists have the id “%s”."), path, list->id);
          return;
        }
      g_hash_table_insert (by_id, list->id, list);
    }

  g_ptr_array_sort (board->lists, compare_lists);
  for (guint i = 0; i < board->lists->len; i++)
    ((TrelloList *) g_ptr_array_index (board->lists, i))->index = i;
}

static void
read_checklists (Reader     *reader,
                 JsonArray  *array,
                 GHashTable *by_id,
                 GHashTable *card_of)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array) && reader->error == NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("$.checklists[%u]", i);
      JsonObject *object = _baton_trello_element_object (reader, array, i, path);
      g_autofree char *name = NULL;
      TrelloChecklist *checklist;
      JsonArray *items;

      if (object == NULL)
        return;
      checklist = g_new0 (TrelloChecklist, 1);
      checklist->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
      g_ptr_array_add (reader->board->checklists, checklist);
      checklist->id = _baton_trello_read_id (reader, object, path, "id");
      name = _baton_trello_read_string (reader, object, path, "name");
      checklist->pos = _baton_trello_read_pos (reader, object, path, "pos");
      g_hash_table_insert (card_of, checklist, _baton_trello_read_string (reader, object, path, "idCard"));
      items = _baton_trello_read_array (reader, object, path, "checkItems");
      if (reader->error != NULL)
        return;
      checklist->name = _baton_trello_clean_name (reader, name, path);
      if (checklist->name == NULL)
        checklist->name = g_strdup (_("Checklist"));

      for (guint j = 0; items != NULL && j < json_array_get_length (items); j++)
        {
          g_autofree char *item_path = g_strdup_printf ("%s.checkItems[%u]", path, j);
          JsonObject *item_object = _baton_trello_element_object (reader, items, j, item_path);
          g_autofree char *item_name = NULL;
          g_autofree char *state = NULL;
          TrelloItem *item;
          double pos;

          if (item_object == NULL)
            return;
          item_name = _baton_trello_read_string (reader, item_object, item_path, "name");
          state = _baton_trello_read_string (reader, item_object, item_path, "state");
          pos = _baton_trello_read_pos (reader, item_object, item_path, "pos");
          if (reader->error != NULL)
            return;

          item = g_new0 (TrelloItem, 1);
          item->name = _baton_trello_clean_name (reader, item_name, item_path);
          item->complete = g_strcmp0 (state, "complete") == 0;
          item->pos = pos;
          if (item->name == NULL)
            {
              _baton_trello_warn (reader, _("%s: The checklist item has no text; it was left out."), item_path);
              item_free (item);
              continue;
            }
          g_ptr_array_add (checklist->items, item);
        }
      g_ptr_array_sort (checklist->items, compare_items);
      g_hash_table_insert (by_id, checklist->id, checklist);
    }
}

static void
read_members (Reader    *reader,
              JsonArray *array)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array) && reader->error == NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("$.members[%u]", i);
      JsonObject *object = _baton_trello_element_object (reader, array, i, path);
      g_autofree char *full_name = NULL;
      TrelloMember *member;

      if (object == NULL)
        return;
      member = g_new0 (TrelloMember, 1);
      g_ptr_array_add (reader->board->members, member);
      member->id = _baton_trello_read_id (reader, object, path, "id");
      full_name = _baton_trello_read_string (reader, object, path, "fullName");
      member->username = _baton_trello_read_string (reader, object, path, "username");
      if (reader->error != NULL)
        return;
      member->full_name = _baton_trello_clean_name (reader, full_name, path);
      if (member->full_name == NULL)
        member->full_name = g_strdup (member->username && member->username[0] ? member->username : member->id);

      member->public.id = member->id;
      member->public.full_name = member->full_name;
      member->public.username = member->username;
    }
}

static void
read_labels (Reader    *reader,
             JsonArray *array)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array) && reader->error == NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("$.labels[%u]", i);
      JsonObject *object = _baton_trello_element_object (reader, array, i, path);
      g_autofree char *name = NULL;
      TrelloLabel *label;

      if (object == NULL)
        return;
      label = g_new0 (TrelloLabel, 1);
      label->id = _baton_trello_read_id (reader, object, path, "id");
      name = _baton_trello_read_string (reader, object, path, "name");
      label->color = _baton_trello_read_string (reader, object, path, "color");
      if (reader->error != NULL)
        {
          label_free (label);
          return;
        }
      label->name = _baton_trello_clean_name (reader, name, path);
      g_hash_table_replace (reader->board->labels, label->id, label);
    }
}

/* A string array member (idMembers, …): ids the board knows go into @out,
 * the others are warned about. */
static void
read_refs (Reader      *reader,
           JsonObject  *object,
           const char  *path,
           const char  *member,
           gboolean   (*known) (Reader *reader, const char *id),
           const char  *unknown_format,  /* path, index, id */
           GPtrArray   *out)
{
  JsonArray *array = _baton_trello_read_array (reader, object, path, member);

  for (guint i = 0; array != NULL && i < json_array_get_length (array) && reader->error == NULL; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *id;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_autofree char *where = g_strdup_printf ("%s.%s[%u]", path, member, i);

          _baton_trello_type_error (reader, where, _("a string"), node);
          return;
        }
      id = json_node_get_string (node);
      if (known (reader, id))
        g_ptr_array_add (out, g_strdup (id));
      else
        {
          g_autofree char *shown = _baton_json_quote_input (id);

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          _baton_trello_warn (reader, unknown_format, path, i, shown);
#pragma GCC diagnostic pop
        }
    }
}

static gboolean
member_known (Reader     *reader,
              const char *id)
{
  return _baton_trello_board_find_member (reader->board, id) != NULL;
}

static gboolean
label_known (Reader     *reader,
             const char *id)
{
  return g_hash_table_contains (reader->board->labels, id);
}

static gboolean
checklist_known (Reader     *reader,
                 const char *id)
{
  return g_hash_table_contains (reader->checklists, id);
}

static void
read_attachments (Reader     *reader,
                  JsonObject *object,
                  const char *path,
                  TrelloCard *card)
{
  JsonArray *array = _baton_trello_read_array (reader, object, path, "attachments");

  for (guint i = 0; array != NULL && i < json_array_get_length (array) && reader->error == NULL; i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s.attachments[%u]", path, i);
      JsonObject *item = _baton_trello_element_object (reader, array, i, item_path);
      g_autofree char *name = NULL;
      g_autofree char *url = NULL;
      TrelloAttachment *attachment;

      if (item == NULL)
        return;
      name = _baton_trello_read_string (reader, item, item_path, "name");
      url = _baton_trello_read_string (reader, item, item_path, "url");
      if (reader->error != NULL)
        return;
      if (url == NULL || url[0] == '\0' || strpbrk (url, " \t\r\n()<>") != NULL)
        {
          _baton_trello_warn (reader, _("%s: The attachment has no usable link; it was left out."), item_path);
          continue;
        }
      attachment = g_new0 (TrelloAttachment, 1);
      attachment->name = _baton_trello_clean_name (reader, name, item_path);
      if (attachment->name == NULL)
        attachment->name = g_strdup (url);
      /* Brackets would end the Markdown link's text. */
      g_strdelimit (attachment->name, "[]", ' ');
      attachment->url = g_steal_pointer (&url);
      g_ptr_array_add (card->attachments, attachment);
    }
}

static void
read_cards (Reader     *reader,
            JsonArray  *array,
            GHashTable *lists,
            GHashTable *card_by_id)
{
  for (guint i = 0; i < json_array_get_length (array) && reader->error == NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("$.cards[%u]", i);
      JsonObject *object = _baton_trello_element_object (reader, array, i, path);
      g_autofree char *name = NULL;
      g_autofree char *id_list = NULL;
      g_autofree char *start = NULL;
      g_autofree char *due = NULL;
      g_autoptr(GPtrArray) checklist_refs = g_ptr_array_new_with_free_func (g_free);
      TrelloCard *card;

      if (object == NULL)
        return;
      card = g_new0 (TrelloCard, 1);
      card->index = i;
      card->member_ids = g_ptr_array_new_with_free_func (g_free);
      card->label_ids = g_ptr_array_new_with_free_func (g_free);
      card->checklists = g_ptr_array_new ();
      card->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) comment_free);
      card->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) attachment_free);
      g_ptr_array_add (reader->board->cards, card);

      card->id = _baton_trello_read_id (reader, object, path, "id");
      name = _baton_trello_read_string (reader, object, path, "name");
      card->desc = _baton_trello_read_string (reader, object, path, "desc");
      card->closed = _baton_trello_read_bool (reader, object, path, "closed");
      id_list = _baton_trello_read_string (reader, object, path, "idList");
      card->pos = _baton_trello_read_pos (reader, object, path, "pos");
      start = _baton_trello_read_string (reader, object, path, "start");
      due = _baton_trello_read_string (reader, object, path, "due");
      card->due_complete = _baton_trello_read_bool (reader, object, path, "dueComplete");
      read_refs (reader, object, path, "idMembers", member_known,
                 _("%s.idMembers[%u]: The board has no member with the id “%s”; it was left out."),
                 card->member_ids);
      read_refs (reader, object, path, "idLabels", label_known,
                 _("%s.idLabels[%u]: The board has no label with the id “%s”; it was left out."),
                 card->label_ids);
      read_refs (reader, object, path, "idChecklists", checklist_known,
                 _("%s.idChecklists[%u]: The board has no checklist with the id “%s”; it was left out."),
                 checklist_refs);
      read_attachments (reader, object, path, card);
      if (reader->error != NULL)
        return;

      if (g_hash_table_contains (card_by_id, card->id))
        {
          g_set_error (&reader->error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_NOT_TRELLO,
                       _("%s.id: Two cards have the id “%s”."), path, card->id);
          return;
        }
      g_hash_table_insert (card_by_id, card->id, card);

      card->name = _baton_trello_clean_name (reader, name, path);
      if (card->name == NULL)
        {
          card->name = g_strdup (_("Untitled card"));
          _baton_trello_warn (reader, _("%s: The card has no name; it is called “%s”."), path, card->name);
        }
      if (card->desc != NULL && strlen (card->desc) > BATON_TRELLO_MAX_DESCRIPTION)
        {
          const char *end = card->desc + BATON_TRELLO_MAX_DESCRIPTION;

          end = g_utf8_find_prev_char (card->desc, end + 1);
          card->desc[end - card->desc] = '\0';
          _baton_trello_warn (reader, _("%s: The description of “%s” is longer than %d KiB; only its beginning was kept."),
                              path, card->name, BATON_TRELLO_MAX_DESCRIPTION / 1024);
        }
      if (id_list != NULL)
        card->list = g_hash_table_lookup (lists, id_list);
      if (card->list == NULL)
        {
          g_autofree char *shown = _baton_json_quote_input (id_list ? id_list : "");

          _baton_trello_warn (reader, _("%s: The card “%s” is in a list the board does not have (“%s”); it was skipped."),
                              path, card->name, shown);
        }
      {
        g_autofree char *where = g_strdup_printf ("%s.start", path);

        card->start = _baton_trello_local_date (reader, start, where);
      }
      {
        g_autofree char *where = g_strdup_printf ("%s.due", path);

        card->due = _baton_trello_local_date (reader, due, where);
      }
      if (card->start != NULL && card->due != NULL && strcmp (card->start, card->due) > 0)
        {
          _baton_trello_warn (reader, _("%s: The card “%s” starts after it is due; its start date was left out."),
                              path, card->name);
          g_clear_pointer (&card->start, g_free);
        }
    }
}

static void
attach_checklists (Reader     *reader,
                   GHashTable *card_of,
                   GHashTable *card_by_id)
{
  TrelloBoard *board = reader->board;

  for (guint i = 0; i < board->checklists->len; i++)
    {
      TrelloChecklist *checklist = g_ptr_array_index (board->checklists, i);
      const char *card_id = g_hash_table_lookup (card_of, checklist);
      TrelloCard *card = card_id ? g_hash_table_lookup (card_by_id, card_id) : NULL;

      if (card == NULL)
        {
          _baton_trello_warn (reader, _("$.checklists[%u]: The checklist “%s” belongs to no card of the board; it was left out."),
                              i, checklist->name);
          continue;
        }
      g_ptr_array_add (card->checklists, checklist);
    }

  for (guint i = 0; i < board->cards->len; i++)
    {
      TrelloCard *card = g_ptr_array_index (board->cards, i);

      g_ptr_array_sort (card->checklists, compare_checklists);
    }
}

/* commentCard actions; other actions are ignored. */
static void
read_comments (Reader     *reader,
               JsonArray  *array,
               GHashTable *card_by_id)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array) && reader->error == NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("$.actions[%u]", i);
      JsonObject *object = _baton_trello_element_object (reader, array, i, path);
      g_autofree char *type = NULL;
      g_autofree char *card_id = NULL;
      g_autofree char *text = NULL;
      g_autofree char *author = NULL;
      g_autofree char *data_path = NULL;
      g_autofree char *card_path = NULL;
      g_autofree char *creator_path = NULL;
      JsonNode *node;
      JsonObject *data = NULL;
      JsonObject *card_object = NULL;
      TrelloComment *comment;
      TrelloCard *card;

      if (object == NULL)
        return;
      type = _baton_trello_read_string (reader, object, path, "type");
      if (reader->error != NULL || g_strcmp0 (type, "commentCard") != 0)
        continue;

      data_path = g_strdup_printf ("%s.data", path);
      node = json_object_get_member (object, "data");
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        {
          if (node == NULL)
            _baton_trello_warn (reader, _("%s: The comment has no card; it was left out."), path);
          else
            _baton_trello_type_error (reader, data_path, _("an object"), node);
          continue;
        }
      data = json_node_get_object (node);
      text = _baton_trello_read_string (reader, data, data_path, "text");
      card_path = g_strdup_printf ("%s.card", data_path);
      node = json_object_get_member (data, "card");
      if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
        {
          _baton_trello_type_error (reader, card_path, _("an object"), node);
          return;
        }
      card_object = node ? json_node_get_object (node) : NULL;
      if (card_object != NULL)
        card_id = _baton_trello_read_string (reader, card_object, card_path, "id");
      creator_path = g_strdup_printf ("%s.memberCreator", path);
      node = json_object_get_member (object, "memberCreator");
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        author = _baton_trello_read_string (reader, json_node_get_object (node), creator_path, "fullName");
      else if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        _baton_trello_type_error (reader, creator_path, _("an object"), node);
      if (reader->error != NULL)
        return;

      card = card_id ? g_hash_table_lookup (card_by_id, card_id) : NULL;
      if (card == NULL)
        {
          _baton_trello_warn (reader, _("%s: The comment is on a card the board does not have; it was left out."), path);
          continue;
        }
      if (text == NULL || g_strstrip (text)[0] == '\0')
        continue;

      comment = g_new0 (TrelloComment, 1);
      comment->text = g_steal_pointer (&text);
      comment->author = _baton_trello_clean_name (reader, author, creator_path);
      if (comment->author == NULL)
        comment->author = g_strdup (_("Someone"));
      comment->date = _baton_trello_read_string (reader, object, path, "date");
      {
        g_autofree char *where = g_strdup_printf ("%s.date", path);

        comment->day = _baton_trello_local_date (reader, comment->date, where);
      }
      g_ptr_array_add (card->comments, comment);
    }

  if (reader->error == NULL)
    for (guint i = 0; i < reader->board->cards->len; i++)
      {
        TrelloCard *card = g_ptr_array_index (reader->board->cards, i);

        /* Trello lists actions newest first; a stable sort keeps equal
         * times in the export's order. */
        g_ptr_array_sort (card->comments, compare_comments);
      }
}

/* A board export nests 6 levels (board, cards, card, attachments,
 * attachment, previews); more than TRELLO_MAX_DEPTH is refused before any
 * parser sees it. */
#define TRELLO_MAX_DEPTH 32

static gboolean
check_depth (const char  *data,
             gsize        length,
             GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > TRELLO_MAX_DEPTH)
            {
              g_set_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_PARSE,
                           _("This file is not a Trello board export: its arrays and objects nest more than "
                             "%d levels deep (at byte %llu); a board export nests 6."),
                           TRELLO_MAX_DEPTH, (unsigned long long) i);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

TrelloBoard *
_baton_trello_board_read (const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) lists = NULL;
  g_autoptr(GHashTable) checklists = NULL;
  g_autoptr(GHashTable) card_of = NULL;
  g_autoptr(GHashTable) card_by_id = NULL;
  g_autoptr(TrelloBoard) board = NULL;
  g_autofree char *name = NULL;
  Reader reader = { NULL, NULL, NULL };
  JsonNode *root;
  JsonObject *object;
  JsonArray *list_array;
  JsonArray *card_array;

  if (length > BATON_TRELLO_MAX_BYTES)
    {
      g_set_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_TOO_LARGE,
                   _("The file is larger than %d MB, too large for a Trello board export. Nothing was imported."),
                   (int) (BATON_TRELLO_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }

  if (!check_depth (data, length, error))
    return NULL;

  if (!_baton_json_check_text (data, length, &local_error))
    {
      g_set_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_PARSE,
                   _("This file is not a readable JSON file: %s"), local_error->message);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_autoptr(GError) syntax_error = NULL;

      _baton_json_set_syntax_error (&syntax_error, local_error);
      g_set_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_PARSE,
                   _("This file is not a readable JSON file: %s"), syntax_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_PARSE,
                   _("This file is not a readable JSON file: it is empty."));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_NOT_TRELLO,
                   _("This is not a Trello board export: a board export is a JSON object with “lists” and “cards”."));
      return NULL;
    }
  object = json_node_get_object (root);
  if (json_object_has_member (object, "format") && json_object_has_member (object, "tables"))
    {
      g_set_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_NOT_TRELLO,
                   _("This is a Baton workspace file, not a Trello board export. Import it as a workspace instead."));
      return NULL;
    }
  if (!json_object_has_member (object, "lists") || !json_object_has_member (object, "cards"))
    {
      g_set_error (error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_NOT_TRELLO,
                   _("This is not a Trello board export: a board export is a JSON object with “lists” and “cards”."));
      return NULL;
    }

  board = g_new0 (TrelloBoard, 1);
  board->lists = g_ptr_array_new_with_free_func ((GDestroyNotify) list_free);
  board->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) card_free);
  board->checklists = g_ptr_array_new_with_free_func ((GDestroyNotify) checklist_free);
  board->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  board->labels = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) label_free);
  board->warnings = g_ptr_array_new_with_free_func (g_free);
  reader.board = board;

  lists = g_hash_table_new (g_str_hash, g_str_equal);
  checklists = g_hash_table_new (g_str_hash, g_str_equal);
  card_of = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  card_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  reader.checklists = checklists;

  name = _baton_trello_read_string (&reader, object, "$", "name");
  list_array = _baton_trello_read_array (&reader, object, "$", "lists");
  card_array = _baton_trello_read_array (&reader, object, "$", "cards");
  if (reader.error == NULL && (list_array == NULL || card_array == NULL))
    g_set_error (&reader.error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_NOT_TRELLO,
                 _("This is not a Trello board export: a board export is a JSON object with “lists” and “cards”."));
  board->name = _baton_trello_clean_name (&reader, name, "$.name");
  if (board->name == NULL && reader.error == NULL)
    {
      board->name = g_strdup (_("Trello board"));
      _baton_trello_warn (&reader, _("$.name: The board has no name; the program is called “%s”."), board->name);
    }

  if (reader.error == NULL)
    read_lists (&reader, list_array, lists);
  if (reader.error == NULL)
    read_members (&reader, _baton_trello_read_array (&reader, object, "$", "members"));
  if (reader.error == NULL)
    read_labels (&reader, _baton_trello_read_array (&reader, object, "$", "labels"));
  if (reader.error == NULL)
    read_checklists (&reader, _baton_trello_read_array (&reader, object, "$", "checklists"), checklists, card_of);
  if (reader.error == NULL)
    read_cards (&reader, card_array, lists, card_by_id);
  if (reader.error == NULL)
    attach_checklists (&reader, card_of, card_by_id);
  if (reader.error == NULL)
    read_comments (&reader, _baton_trello_read_array (&reader, object, "$", "actions"), card_by_id);

  if (reader.error != NULL)
    {
      g_propagate_error (error, reader.error);
      return NULL;
    }

  g_ptr_array_sort (board->cards, compare_cards);

  return g_steal_pointer (&board);
}
