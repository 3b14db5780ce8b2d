/* baton-search-text.h — the words of the notes search (private to the model)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint start;       /* byte offsets of the token in the text */
  guint end;
  guint fold;        /* offset of the folded token in the fold buffer */
  guint fold_len;
} BatonToken;

typedef struct
{
  GArray  *tokens;   /* BatonToken */
  GString *folded;   /* the folded tokens, each followed by a NUL */
} BatonTokenList;

typedef struct
{
  GPtrArray *tokens;    /* char*, folded */
  gboolean   prefix;    /* the last token matches as a prefix */
} BatonTerm;

void         _baton_token_list_init   (BatonTokenList       *list);
void         _baton_token_list_clear  (BatonTokenList       *list);
/* The folded text of token @i, NUL-terminated. */
const char  *_baton_token_text        (const BatonTokenList *list,
                                       guint                 i);
/* Appends the tokens of @text (@len bytes) to @list. */
void         _baton_tokenize          (const char           *text,
                                       gsize                 len,
                                       BatonTokenList       *list);

/* Words and "phrases" of @query (see baton-search.h for the language):
 * (element-type BatonTerm) (transfer full), at most 32. */
GPtrArray   *_baton_query_parse       (const char           *query);
/* Whether the trigram index can look @term up (three characters or more). */
gboolean     _baton_term_is_indexable (const BatonTerm      *term);
/* The FTS5 expression for @terms (element-type BatonTerm), or NULL when no
 * term is indexable. */
char        *_baton_fts_expression    (GPtrArray            *terms);
/* Whether @term matches @list's tokens starting at token @i / anywhere. */
gboolean     _baton_term_matches_at   (const BatonTerm      *term,
                                       const BatonTokenList *list,
                                       guint                 i);
gboolean     _baton_term_matches      (const BatonTerm      *term,
                                       const BatonTokenList *list);

/* The words of @text as the search sees them (folded), for tests. */
GStrv        _baton_notes_tokenize        (const char *text);
/* The FTS5 expression for @query, or NULL when it has no word the index
 * can find (the search then scans). */
char        *_baton_notes_build_fts_query (const char *query);
/* What the index holds for @text: its tokens between spaces. */
char        *_baton_notes_index_text      (const char *text);

G_END_DECLS
