/* baton-search.c — searching the notes, and keeping their index up to date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search has two engines that must agree: SQLite FTS5 (notes_fts, kept up
 * to date from the queue of changed notes that the schema's triggers fill)
 * and a scan of the notes in memory. Both see notes and queries through
 * baton-search-text.c, which follows FTS5's unicode61 with
 * remove_diacritics 2: the query is parsed there into words and phrases of
 * folded tokens, and FTS5 only ever sees those tokens, quoted, bound as a
 * parameter — so nothing a person types can be FTS5 syntax. Snippets come
 * from the same tokenizer in both modes.
 */

#define G_LOG_DOMAIN "baton-search"

#include "config.h"

#include <string.h>

#include "baton-db.h"
#include "baton-search.h"
#include "baton-search-index.h"
#include "baton-search-text.h"
#include "baton-store-private.h"

static gboolean
index_is_usable (BatonDb *db)
{
  gboolean exists = FALSE;

  /* A read-only workspace cannot bring its index up to date, and a team
   * workspace has no file to keep one in: scan the notes in memory. */
  return db != NULL && _baton_notes_fts_usable (db) && !baton_db_is_read_only (db) &&
         baton_db_table_exists (db, "notes_fts", &exists, NULL) && exists;
}

gboolean
baton_notes_search_uses_index (BatonStore *store)
{
  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);

  return index_is_usable (_baton_store_get_db (store));
}

gboolean
baton_notes_update_index (BatonStore  *store,
                          GError     **error)
{
  BatonDb *db;
  sqlite3_stmt *stmt;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);

  /* baton_index_text () was registered when the store's connection was
   * opened (baton_db_migrate ()); a read-only store has no usable index. */
  db = _baton_store_get_db (store);
  if (!index_is_usable (db))
    return TRUE;

  if (!(stmt = baton_db_prepare (db, "SELECT id FROM notes_fts_pending ORDER BY id", error)))
    return FALSE;
  while (baton_db_step_row (db, stmt, &local_error))
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (ids->len == 0)
    return TRUE;

  if (!baton_db_begin (db, error))
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      if (!(stmt = baton_db_prepare (db, "DELETE FROM notes_fts WHERE rowid = ?", error)))
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!baton_db_step_done (db, stmt, error))
        goto fail;

      if (!(stmt = baton_db_prepare (db, "INSERT INTO notes_fts (rowid, title, body) "
                                         "SELECT id, baton_index_text (title), baton_index_text (body) "
                                         "FROM notes WHERE id = ?", error)))
        goto fail;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!baton_db_step_done (db, stmt, error))
        goto fail;
    }

  if (!baton_db_exec (db, "DELETE FROM notes_fts_pending", error))
    goto fail;

  return baton_db_commit (db, error);

fail:
  baton_db_rollback (db);
  return FALSE;
}

typedef struct
{
  BatonStore *store;   /* unowned: the watch lives in its data */
  guint       source;
} IndexWatch;

static void
index_watch_free (gpointer data)
{
  IndexWatch *watch = data;

  g_clear_handle_id (&watch->source, g_source_remove);
  g_free (watch);
}

static gboolean
index_watch_cb (gpointer data)
{
  IndexWatch *watch = data;
  g_autoptr(GError) error = NULL;

  watch->source = 0;
  if (!baton_notes_update_index (watch->store, &error))
    g_warning ("Could not update the notes search index: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
index_watch_changed (BatonStore *store,
                     IndexWatch *watch)
{
  if (watch->source == 0)
    watch->source = g_timeout_add_seconds_full (G_PRIORITY_LOW, 2, index_watch_cb, watch, NULL);
}

void
baton_notes_watch_index (BatonStore *store)
{
  IndexWatch *watch;

  g_return_if_fail (BATON_IS_STORE (store));

  if (g_object_get_data (G_OBJECT (store), "baton-notes-index-watch") != NULL)
    return;

  watch = g_new0 (IndexWatch, 1);
  watch->store = store;
  g_object_set_data_full (G_OBJECT (store), "baton-notes-index-watch", watch, index_watch_free);
  g_signal_connect (store, "changed", G_CALLBACK (index_watch_changed), watch);
}

/* Search hits ------------------------------------------------------------------- */

struct _BatonSearchHit
{
  GObject    parent_instance;

  BatonNote *note;
  char      *snippet;
  GArray    *highlights;   /* guint pairs */
  gint       match_offset;
  gint       match_length;
};

G_DEFINE_FINAL_TYPE (BatonSearchHit, baton_search_hit, G_TYPE_OBJECT)

static void
baton_search_hit_finalize (GObject *object)
{
  BatonSearchHit *self = BATON_SEARCH_HIT (object);

  g_clear_object (&self->note);
  g_free (self->snippet);
  g_clear_pointer (&self->highlights, g_array_unref);

  G_OBJECT_CLASS (baton_search_hit_parent_class)->finalize (object);
}

static void
baton_search_hit_class_init (BatonSearchHitClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = baton_search_hit_finalize;
}

static void
baton_search_hit_init (BatonSearchHit *self)
{
  self->highlights = g_array_new (FALSE, FALSE, sizeof (guint));
  self->match_offset = -1;
}

BatonNote *
baton_search_hit_get_note (BatonSearchHit *self)
{
  g_return_val_if_fail (BATON_IS_SEARCH_HIT (self), NULL);
  return self->note;
}

const char *
baton_search_hit_get_snippet (BatonSearchHit *self)
{
  g_return_val_if_fail (BATON_IS_SEARCH_HIT (self), NULL);
  return self->snippet;
}

const guint *
baton_search_hit_get_highlights (BatonSearchHit *self,
                                 guint          *n_pairs)
{
  g_return_val_if_fail (BATON_IS_SEARCH_HIT (self), NULL);

  if (n_pairs != NULL)
    *n_pairs = self->highlights->len / 2;
  return (const guint *) (gpointer) self->highlights->data;
}

gint
baton_search_hit_get_match_offset (BatonSearchHit *self)
{
  g_return_val_if_fail (BATON_IS_SEARCH_HIT (self), -1);
  return self->match_offset;
}

gint
baton_search_hit_get_match_length (BatonSearchHit *self)
{
  g_return_val_if_fail (BATON_IS_SEARCH_HIT (self), 0);
  return self->match_length;
}

char *
baton_search_hit_get_snippet_markup (BatonSearchHit *self)
{
  GString *out;
  guint pos = 0;

  g_return_val_if_fail (BATON_IS_SEARCH_HIT (self), NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i + 1 < self->highlights->len; i += 2)
    {
      guint start = g_array_index (self->highlights, guint, i);
      guint end = g_array_index (self->highlights, guint, i + 1);
      g_autofree char *before = g_markup_escape_text (self->snippet + pos, start - pos);
      g_autofree char *match = g_markup_escape_text (self->snippet + start, end - start);

      g_string_append (out, before);
      g_string_append_printf (out, "<b>%s</b>", match);
      pos = end;
    }

  {
    g_autofree char *rest = g_markup_escape_text (self->snippet + pos, -1);
    g_string_append (out, rest);
  }

  return g_string_free (out, FALSE);
}

#define SNIPPET_TOKENS_BEFORE 6
#define SNIPPET_TOKENS_AFTER  24
#define SNIPPET_MAX_BYTES     220

static void
add_range (GArray *ranges,
           guint   start,
           guint   end)
{
  /* Ranges arrive sorted by start; merge overlaps. */
  if (ranges->len >= 2 && start <= g_array_index (ranges, guint, ranges->len - 1))
    {
      guint *last_end = &g_array_index (ranges, guint, ranges->len - 1);
      *last_end = MAX (*last_end, end);
      return;
    }
  g_array_append_val (ranges, start);
  g_array_append_val (ranges, end);
}

static BatonSearchHit *
build_hit (BatonNote *note,
           GPtrArray *terms)
{
  BatonSearchHit *hit = g_object_new (BATON_TYPE_SEARCH_HIT, NULL);
  const char *body = baton_note_get_body (note) != NULL ? baton_note_get_body (note) : "";
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (guint));
  BatonTokenList list;
  guint n_tokens;
  guint first = G_MAXUINT;
  guint first_len = 0;
  guint ws, we;
  guint start_byte, end_byte;
  gboolean ellipsis_before, ellipsis_after;
  GString *out;
  guint r = 0;

  hit->note = g_object_ref (note);

  _baton_token_list_init (&list);
  _baton_tokenize (body, strlen (body), &list);
  n_tokens = list.tokens->len;

  for (guint i = 0; i < n_tokens && first == G_MAXUINT; i++)
    for (guint t = 0; t < terms->len; t++)
      {
        BatonTerm *term = g_ptr_array_index (terms, t);

        if (_baton_term_matches_at (term, &list, i))
          {
            first = i;
            first_len = term->tokens->len;
            break;
          }
      }

  if (n_tokens == 0)
    {
      hit->snippet = g_strdup ("");
      _baton_token_list_clear (&list);
      return hit;
    }

  if (first != G_MAXUINT)
    {
      const BatonToken *a = &g_array_index (list.tokens, BatonToken, first);
      const BatonToken *b = &g_array_index (list.tokens, BatonToken, first + first_len - 1);

      hit->match_offset = (gint) g_utf8_pointer_to_offset (body, body + a->start);
      hit->match_length = (gint) g_utf8_strlen (body + a->start, b->end - a->start);
      ws = first > SNIPPET_TOKENS_BEFORE ? first - SNIPPET_TOKENS_BEFORE : 0;
      we = MIN (n_tokens - 1, first + first_len - 1 + SNIPPET_TOKENS_AFTER);
    }
  else
    {
      /* Matched by the title: the beginning of the body. */
      ws = 0;
      we = MIN (n_tokens - 1, SNIPPET_TOKENS_AFTER);
    }

  start_byte = g_array_index (list.tokens, BatonToken, ws).start;
  while (we > ws &&
         g_array_index (list.tokens, BatonToken, we).end - start_byte > SNIPPET_MAX_BYTES &&
         (first == G_MAXUINT || we > first + first_len - 1))
    we--;
  end_byte = g_array_index (list.tokens, BatonToken, we).end;

  /* Whole words: the punctuation stuck to the first and last tokens too. */
  {
    guint floor_byte = ws > 0 ? g_array_index (list.tokens, BatonToken, ws - 1).end : 0;
    guint ceiling_byte = we + 1 < n_tokens ? g_array_index (list.tokens, BatonToken, we + 1).start
                                            : (guint) strlen (body);

    while (start_byte > floor_byte && !g_ascii_isspace (body[start_byte - 1]))
      start_byte--;
    while (end_byte < ceiling_byte && !g_ascii_isspace (body[end_byte]))
      end_byte++;
  }
  ellipsis_before = ws > 0;
  ellipsis_after = we < n_tokens - 1;

  /* Every match inside the window, in body bytes. */
  for (guint i = ws; i <= we; i++)
    for (guint t = 0; t < terms->len; t++)
      {
        BatonTerm *term = g_ptr_array_index (terms, t);

        if (i + term->tokens->len - 1 <= we && _baton_term_matches_at (term, &list, i))
          add_range (ranges,
                     g_array_index (list.tokens, BatonToken, i).start,
                     g_array_index (list.tokens, BatonToken, i + term->tokens->len - 1).end);
      }

  /* The window with runs of white space as one space; map the ranges. */
  out = g_string_new (ellipsis_before ? "…" : NULL);
  for (guint pos = start_byte; pos <= end_byte; pos++)
    {
      while (r < ranges->len && g_array_index (ranges, guint, r) == pos)
        {
          guint mapped = out->len;
          g_array_append_val (hit->highlights, mapped);
          r++;
        }
      if (pos == end_byte)
        break;

      if (body[pos] == '\n' || body[pos] == '\r' || body[pos] == '\t' || body[pos] == ' ')
        {
          if (out->len == 0 || out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, body[pos]);
    }
  if (ellipsis_after)
    g_string_append (out, "…");

  hit->snippet = g_string_free (out, FALSE);
  _baton_token_list_clear (&list);

  return hit;
}

/* Search ------------------------------------------------------------------------ */

static gint
compare_recent_first (gconstpointer a,
                      gconstpointer b)
{
  BatonNote *na = *(BatonNote * const *) a;
  BatonNote *nb = *(BatonNote * const *) b;
  gint64 ia = baton_record_get_id (BATON_RECORD (na));
  gint64 ib = baton_record_get_id (BATON_RECORD (nb));
  gint cmp = g_strcmp0 (baton_note_get_updated_at (nb), baton_note_get_updated_at (na));

  if (cmp != 0)
    return cmp;

  return ib < ia ? -1 : ib > ia ? 1 : 0;
}

static gboolean
note_matches (BatonNote      *note,
              GPtrArray      *terms,
              BatonTokenList *title,
              BatonTokenList *body)
{
  const char *title_text = baton_note_get_title (note);
  const char *body_text = baton_note_get_body (note);

  g_array_set_size (title->tokens, 0);
  g_string_truncate (title->folded, 0);
  g_array_set_size (body->tokens, 0);
  g_string_truncate (body->folded, 0);

  if (title_text != NULL)
    _baton_tokenize (title_text, strlen (title_text), title);
  if (body_text != NULL)
    _baton_tokenize (body_text, strlen (body_text), body);

  for (guint t = 0; t < terms->len; t++)
    {
      BatonTerm *term = g_ptr_array_index (terms, t);

      /* FTS5 phrases do not cross columns; neither do ours. */
      if (!_baton_term_matches (term, title) && !_baton_term_matches (term, body))
        return FALSE;
    }

  return TRUE;
}

static gboolean
search_scan (BatonStore *store,
             GPtrArray  *terms,
             GPtrArray  *matches)
{
  GListModel *notes = baton_store_get_notes (store);
  guint n = g_list_model_get_n_items (notes);
  BatonTokenList title, body;

  _baton_token_list_init (&title);
  _baton_token_list_init (&body);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonNote) note = g_list_model_get_item (notes, i);

      if (note_matches (note, terms, &title, &body))
        g_ptr_array_add (matches, note);
    }

  _baton_token_list_clear (&title);
  _baton_token_list_clear (&body);

  return TRUE;
}

/* @expression finds the notes for the indexable terms; the others (short
 * words) are checked on those notes, as the scan checks them. */
static gboolean
search_index (BatonStore  *store,
              const char  *expression,
              GPtrArray   *terms,
              GPtrArray   *matches,
              GError     **error)
{
  BatonDb *db = _baton_store_get_db (store);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) short_terms = g_ptr_array_new ();
  BatonTokenList title, body;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < terms->len; i++)
    if (!_baton_term_is_indexable (g_ptr_array_index (terms, i)))
      g_ptr_array_add (short_terms, g_ptr_array_index (terms, i));

  if (!baton_notes_update_index (store, error))
    return FALSE;

  stmt = baton_db_prepare (db, "SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?", error);
  if (stmt == NULL)
    return FALSE;

  _baton_token_list_init (&title);
  _baton_token_list_init (&body);
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_TRANSIENT);
  while (baton_db_step_row (db, stmt, &local_error))
    {
      BatonNote *note = baton_store_lookup_note (store, sqlite3_column_int64 (stmt, 0));

      if (note != NULL && (short_terms->len == 0 || note_matches (note, short_terms, &title, &body)))
        g_ptr_array_add (matches, note);
    }
  sqlite3_clear_bindings (stmt);
  _baton_token_list_clear (&title);
  _baton_token_list_clear (&body);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
baton_notes_search (BatonStore  *store,
                    const char  *query,
                    guint        limit,
                    guint       *n_total,
                    GError     **error)
{
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *expression = NULL;
  GPtrArray *hits;
  guint n;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  hits = g_ptr_array_new_with_free_func (g_object_unref);
  if (n_total != NULL)
    *n_total = 0;

  terms = _baton_query_parse (query);
  if (terms->len == 0)
    return hits;

  matches = g_ptr_array_new ();
  if (baton_notes_search_uses_index (store) && (expression = _baton_fts_expression (terms)) != NULL)
    {
      if (!search_index (store, expression, terms, matches, error))
        {
          g_ptr_array_unref (hits);
          return NULL;
        }
    }
  else
    search_scan (store, terms, matches);

  g_ptr_array_sort (matches, compare_recent_first);

  n = limit > 0 ? MIN (limit, matches->len) : matches->len;
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (hits, build_hit (g_ptr_array_index (matches, i), terms));

  if (n_total != NULL)
    *n_total = matches->len;

  return hits;
}
