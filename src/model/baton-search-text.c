/* baton-search-text.c — the words of the notes search: tokenizer, query
 * parser, index text and matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure text, no database: the index (baton-search-index.c) and the search
 * (baton-search.c) both see a note and a query through these functions, so
 * the FTS5 index and the scan fallback find the same notes.
 */

#define G_LOG_DOMAIN "baton-search"

#include "config.h"

#include <string.h>

#include "baton-search-text.h"

/* Tokenizer ------------------------------------------------------------------- */

/* FTS5's unicode61 tokenizer with remove_diacritics 2, rebuilt on GLib's
 * Unicode tables, except that each character of a script written without
 * spaces is a token of its own (is_unspaced ()): a token is a run of
 * letters (L*), numbers (N*), private
 * use (Co) and unassigned code points, plus the combining diacritics that
 * the tokenizer folds away; it is folded to lower case, and Latin letters
 * lose their diacritics ("É" → "e", "ǖ" → "u"; "ø", "ß", "ά", "ё" stay).
 * The search tests compare it with FTS5's own tokens. Where they can still
 * differ is letters added to Unicode after SQLite's tables (Unicode 6.1),
 * such as Georgian Mtavruli or Cherokee small letters. */



void
_baton_token_list_init (BatonTokenList *list)
{
  list->tokens = g_array_new (FALSE, FALSE, sizeof (BatonToken));
  list->folded = g_string_new (NULL);
}

void
_baton_token_list_clear (BatonTokenList *list)
{
  g_clear_pointer (&list->tokens, g_array_unref);
  if (list->folded != NULL)
    g_string_free (g_steal_pointer (&list->folded), TRUE);
}

const char *
_baton_token_text (const BatonTokenList *list,
                   guint                 index)
{
  return list->folded->str + g_array_index (list->tokens, BatonToken, index).fold;
}

/* The combining marks FTS5 treats as part of a word and drops
 * (U+0300–U+0331, not all of them). */
static inline gboolean
is_folded_diacritic (gunichar c)
{
  static const guint32 mask0 = 0x08029fdf;   /* U+0300–U+031F */
  static const guint32 mask1 = 0x000361f8;   /* U+0320–U+0331 */

  if (c < 0x300 || c > 0x331)
    return FALSE;
  if (c < 0x320)
    return (mask0 >> (c - 0x300)) & 1;
  return (mask1 >> (c - 0x320)) & 1;
}

static inline gboolean
is_token_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);

  switch (g_unichar_type (c))
    {
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_UNASSIGNED:
      return TRUE;
    default:
      return is_folded_diacritic (c);
    }
}

/* Scripts written without spaces between words (Chinese, Japanese, Thai,
 * …): unicode61 would make a whole sentence one word, so that no word
 * inside it could be found. Each of their characters is a word of its own
 * instead, and a word of several characters is a phrase of them: "为培训"
 * finds "我们为培训准备了材料". */
static inline gboolean
is_unspaced (gunichar c)
{
  if (c < 0x0e00)
    return FALSE;

  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_BOPOMOFO:
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
    case G_UNICODE_SCRIPT_TIBETAN:
    case G_UNICODE_SCRIPT_YI:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Returns the folded character, or 0 for one that is dropped. */
static inline gunichar
fold_char (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (c < 0x80)
    return g_ascii_tolower (c);
  if (is_folded_diacritic (c))
    return 0;

  /* Simple case folding where it differs from lower case, and the one
   * Latin letter whose diacritics FTS5 keeps. */
  switch (c)
    {
    case 0x00b5: return 0x03bc;   /* µ → μ */
    case 0x017f: return 's';      /* ſ */
    case 0x01e0: return 0x01e1;   /* Ǡ → ǡ */
    case 0x01e1: return 0x01e1;
    case 0x03c2: return 0x03c3;   /* ς → σ */
    case 0x03d0: return 0x03b2;   /* ϐ → β */
    case 0x03d1: return 0x03b8;   /* ϑ → θ */
    case 0x03d5: return 0x03c6;   /* ϕ → φ */
    case 0x03d6: return 0x03c0;   /* ϖ → π */
    case 0x03f0: return 0x03ba;   /* ϰ → κ */
    case 0x03f1: return 0x03c1;   /* ϱ → ρ */
    case 0x03f5: return 0x03b5;   /* ϵ → ε */
    case 0x1e9b: return 's';      /* ẛ */
    case 0x1fbe: return 0x03b9;   /* ι → ι */
    default: break;
    }

  c = g_unichar_tolower (c);
  if (c < 0xc0)
    return c;

  /* Latin letters with diacritics: keep the base letter. */
  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  if (n > 1 && decomposed[0] < 0x80 && g_ascii_isalpha (decomposed[0]))
    return g_ascii_tolower (decomposed[0]);

  return c;
}

/* Appends the tokens of @text[0..@len) to @list. */
void
_baton_tokenize (const char     *text,
                 gsize           len,
                 BatonTokenList *list)
{
  const char *p = text;
  const char *end = text + len;

  while (p < end)
    {
      const char *start;
      BatonToken token;
      guchar byte = (guchar) *p;
      gunichar c;

      /* Skip separators; ASCII fast. */
      if (byte < 0x80)
        {
          if (!g_ascii_isalnum (byte))
            {
              p++;
              continue;
            }
        }
      else
        {
          c = g_utf8_get_char (p);
          if (!is_token_char (c))
            {
              p = g_utf8_next_char (p);
              continue;
            }
        }

      start = p;
      token.start = start - text;
      token.fold = list->folded->len;

      if (byte >= 0x80 && is_unspaced (c))
        {
          /* A word of one character. */
          gunichar folded = fold_char (c);

          if (folded != 0)
            g_string_append_unichar (list->folded, folded);
          p = g_utf8_next_char (p);
          token.end = p - text;
          token.fold_len = list->folded->len - token.fold;
          if (token.fold_len > 0)
            {
              g_string_append_c (list->folded, '\0');
              g_array_append_val (list->tokens, token);
            }
          continue;
        }

      while (p < end)
        {
          byte = (guchar) *p;
          if (byte < 0x80)
            {
              if (!g_ascii_isalnum (byte))
                break;
              g_string_append_c (list->folded, g_ascii_tolower (byte));
              p++;
            }
          else
            {
              gunichar folded;

              c = g_utf8_get_char (p);
              if (!is_token_char (c) || is_unspaced (c))
                break;
              folded = fold_char (c);
              if (folded != 0)
                g_string_append_unichar (list->folded, folded);
              p = g_utf8_next_char (p);
            }
        }

      token.end = p - text;
      token.fold_len = list->folded->len - token.fold;
      if (token.fold_len == 0)
        continue;   /* only dropped diacritics */

      g_string_append_c (list->folded, '\0');
      g_array_append_val (list->tokens, token);
    }
}

GStrv
_baton_notes_tokenize (const char *text)
{
  BatonTokenList list;
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv result;

  _baton_token_list_init (&list);
  if (text != NULL)
    _baton_tokenize (text, strlen (text), &list);

  for (guint i = 0; i < list.tokens->len; i++)
    g_strv_builder_add (builder, _baton_token_text (&list, i));

  _baton_token_list_clear (&list);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return result;
}

/* Queries ---------------------------------------------------------------------- */

#define MAX_QUERY_TERMS 32


static void
term_free (gpointer data)
{
  BatonTerm *term = data;

  g_ptr_array_unref (term->tokens);
  g_free (term);
}

static void
add_term (GPtrArray  *terms,
          const char *text,
          gsize       len,
          gboolean    prefix)
{
  BatonTokenList list;
  BatonTerm *term;

  if (terms->len >= MAX_QUERY_TERMS)
    return;

  _baton_token_list_init (&list);
  _baton_tokenize (text, len, &list);

  if (list.tokens->len > 0)
    {
      term = g_new0 (BatonTerm, 1);
      term->tokens = g_ptr_array_new_with_free_func (g_free);
      term->prefix = prefix;
      for (guint i = 0; i < list.tokens->len; i++)
        g_ptr_array_add (term->tokens, g_strdup (_baton_token_text (&list, i)));
      g_ptr_array_add (terms, term);
    }

  _baton_token_list_clear (&list);
}

/* Words and "phrases"; see the header for the language. */
GPtrArray *
_baton_query_parse (const char *query)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func (term_free);
  const char *p = query;

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return terms;

  while (*p)
    {
      if (g_ascii_isspace (*p))
        {
          p++;
        }
      else if (*p == '"')
        {
          const char *start = p + 1;
          const char *close = strchr (start, '"');
          const char *stop = close != NULL ? close : start + strlen (start);
          gboolean prefix = FALSE;

          p = close != NULL ? close + 1 : stop;
          if (*p == '*')
            {
              prefix = TRUE;
              p++;
            }
          add_term (terms, start, stop - start, prefix);
        }
      else
        {
          const char *start = p;

          while (*p && !g_ascii_isspace (*p) && *p != '"')
            p++;
          add_term (terms, start, p - start, TRUE);
        }
    }

  return terms;
}

/* The index ------------------------------------------------------------------

 * The index holds, for each note, its title and body as the search sees
 * them: the folded tokens, each with a space before and after
 * (" needs analysis 我 们 为 培 训 "), in an FTS5 table with the trigram
 * tokenizer. A term is then one substring: " needs analysis " for the
 * phrase, " analy" for the word "analy" that may go on, " 为 培 训 " for a
 * word in an unspaced script. A substring that starts after a space starts
 * a token, one that ends before a space ends one, so the index finds
 * exactly what the scan (_baton_term_matches ()) finds, in either column, never
 * across them. Trigrams need three characters: a one-letter word that may
 * go on (" a") is left out of the index expression and checked on the
 * notes the rest of the query found, or on every note when nothing else is
 * in the query. */

char *
_baton_notes_index_text (const char *text)
{
  BatonTokenList list;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  _baton_token_list_init (&list);
  _baton_tokenize (text, strlen (text), &list);
  out = g_string_sized_new (list.folded->len + 2);
  for (guint i = 0; i < list.tokens->len; i++)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, _baton_token_text (&list, i));
    }
  if (out->len > 0)
    g_string_append_c (out, ' ');
  _baton_token_list_clear (&list);

  return g_string_free (out, FALSE);
}

/* The substring of the index text that @term stands for. */
static void
append_term_substring (GString    *out,
                       const BatonTerm *term)
{
  const char *last = g_ptr_array_index (term->tokens, term->tokens->len - 1);
  gunichar first_char = g_utf8_get_char (last);

  for (guint k = 0; k < term->tokens->len; k++)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (term->tokens, k));
    }

  /* A word that may go on stays open; a token of an unspaced script is
   * one character and never goes on. */
  if (!term->prefix || is_unspaced (first_char))
    g_string_append_c (out, ' ');
}

gboolean
_baton_term_is_indexable (const BatonTerm *term)
{
  g_autoptr(GString) substring = g_string_new (NULL);

  append_term_substring (substring, term);
  return g_utf8_strlen (substring->str, substring->len) >= 3;
}

/* The FTS5 expression for the terms the index can find, or NULL. */
char *
_baton_fts_expression (GPtrArray *terms)
{
  GString *out = NULL;

  for (guint i = 0; i < terms->len; i++)
    {
      BatonTerm *term = g_ptr_array_index (terms, i);
      g_autoptr(GString) substring = NULL;

      if (!_baton_term_is_indexable (term))
        continue;

      substring = g_string_new (NULL);
      append_term_substring (substring, term);

      if (out == NULL)
        out = g_string_new (NULL);
      else
        g_string_append (out, " AND ");
      g_string_append_c (out, '"');
      /* Tokens are letters and digits only; double quotes anyway. */
      for (const char *c = substring->str; *c; c++)
        {
          if (*c == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '"');
    }

  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

char *
_baton_notes_build_fts_query (const char *query)
{
  g_autoptr(GPtrArray) terms = _baton_query_parse (query);

  return _baton_fts_expression (terms);
}

/* Whether @term matches at token @i of @list. */
gboolean
_baton_term_matches_at (const BatonTerm      *term,
                        const BatonTokenList *list,
                        guint                 i)
{
  guint n = term->tokens->len;

  if (i + n > list->tokens->len)
    return FALSE;

  for (guint k = 0; k < n; k++)
    {
      const char *want = g_ptr_array_index (term->tokens, k);
      const char *have = _baton_token_text (list, i + k);

      if (k == n - 1 && term->prefix)
        {
          if (strncmp (have, want, strlen (want)) != 0)
            return FALSE;
        }
      else if (strcmp (have, want) != 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
_baton_term_matches (const BatonTerm      *term,
                     const BatonTokenList *list)
{
  const char *first = g_ptr_array_index (term->tokens, 0);
  gboolean first_is_prefix = term->prefix && term->tokens->len == 1;
  gsize first_len = strlen (first);

  for (guint i = 0; i < list->tokens->len; i++)
    {
      const char *have = _baton_token_text (list, i);

      /* Cheap test of the first token before the whole phrase. */
      if (first_is_prefix ? strncmp (have, first, first_len) != 0 : strcmp (have, first) != 0)
        continue;
      if (_baton_term_matches_at (term, list, i))
        return TRUE;
    }

  return FALSE;
}
