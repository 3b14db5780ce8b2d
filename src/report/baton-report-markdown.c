/* baton-report-markdown.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cmark.h>
#include <string.h>

#include "baton-report-markdown.h"

static void append_inlines (GString    *out,
                            cmark_node *parent,
                            gboolean    markup);

static void
append_text (GString    *out,
             const char *text,
             gboolean    markup)
{
  g_autofree char *escaped = NULL;

  if (text == NULL)
    return;
  if (!markup)
    {
      g_string_append (out, text);
      return;
    }
  escaped = g_markup_escape_text (text, -1);
  g_string_append (out, escaped);
}

static void
append_wrapped (GString    *out,
                cmark_node *node,
                const char *open,
                const char *close,
                gboolean    markup)
{
  if (markup)
    g_string_append (out, open);
  append_inlines (out, node, markup);
  if (markup)
    g_string_append (out, close);
}

/* The inlines under @parent as Pango markup (or plain text). */
static void
append_inlines (GString    *out,
                cmark_node *parent,
                gboolean    markup)
{
  for (cmark_node *node = cmark_node_first_child (parent); node != NULL; node = cmark_node_next (node))
    {
      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_HTML_INLINE:
          append_text (out, cmark_node_get_literal (node), markup);
          break;
        case CMARK_NODE_SOFTBREAK:
          g_string_append_c (out, ' ');
          break;
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (out, '\n');
          break;
        case CMARK_NODE_CODE:
          if (markup)
            g_string_append (out, "<tt>");
          append_text (out, cmark_node_get_literal (node), markup);
          if (markup)
            g_string_append (out, "</tt>");
          break;
        case CMARK_NODE_EMPH:
          append_wrapped (out, node, "<i>", "</i>", markup);
          break;
        case CMARK_NODE_STRONG:
          append_wrapped (out, node, "<b>", "</b>", markup);
          break;
        case CMARK_NODE_LINK:
          {
            const char *url = cmark_node_get_url (node);
            gsize start = out->len;

            append_wrapped (out, node, "<u>", "</u>", markup);
            /* On paper a link is only useful with its address. */
            if (url != NULL && url[0] != '\0' && strstr (out->str + start, url) == NULL)
              {
                g_string_append (out, " (");
                append_text (out, url, markup);
                g_string_append_c (out, ')');
              }
          }
          break;
        case CMARK_NODE_IMAGE:
          append_inlines (out, node, markup);
          break;
        default:
          append_inlines (out, node, markup);
          break;
        }
    }
}

static char *
inline_markup (cmark_node *node)
{
  GString *out = g_string_new (NULL);

  append_inlines (out, node, TRUE);
  return g_string_free (out, FALSE);
}

static char *
literal_markup (cmark_node *node,
                gboolean    monospace)
{
  g_autofree char *text = g_strdup (cmark_node_get_literal (node));
  g_autofree char *escaped = NULL;

  g_strchomp (text);
  escaped = g_markup_escape_text (text, -1);
  return monospace ? g_strdup_printf ("<tt>%s</tt>", escaped) : g_steal_pointer (&escaped);
}

static guint add_blocks (BatonReportDoc *doc,
                         cmark_node     *first,
                         cmark_node     *stop,
                         guint           level,
                         gboolean        quoted);

/* A task box at the start of an item: "[ ] " or "[x] ". */
static const char *
take_task_box (char **markup)
{
  const char *marker = NULL;

  if (g_str_has_prefix (*markup, "[ ] "))
    marker = "☐";
  else if (g_str_has_prefix (*markup, "[x] ") || g_str_has_prefix (*markup, "[X] "))
    marker = "☑";
  if (marker != NULL)
    memmove (*markup, *markup + 4, strlen (*markup + 4) + 1);
  return marker;
}

static guint
add_list (BatonReportDoc *doc,
          cmark_node     *list,
          guint           level)
{
  gboolean ordered = cmark_node_get_list_type (list) == CMARK_ORDERED_LIST;
  int number = cmark_node_get_list_start (list);
  guint n = 0;

  for (cmark_node *item = cmark_node_first_child (list); item != NULL; item = cmark_node_next (item), number++)
    {
      cmark_node *child = cmark_node_first_child (item);
      g_autofree char *ordinal = ordered ? g_strdup_printf ("%d.", number) : NULL;
      g_autofree char *markup = NULL;
      const char *marker = ordered ? ordinal : "•";

      if (child != NULL && cmark_node_get_type (child) == CMARK_NODE_PARAGRAPH)
        {
          const char *box;

          markup = inline_markup (child);
          box = take_task_box (&markup);
          if (box != NULL)
            marker = box;
          child = cmark_node_next (child);
        }
      baton_report_doc_add_bullet (doc, level, marker, markup != NULL ? markup : "");
      n++;
      n += add_blocks (doc, child, NULL, level + 1, FALSE);
    }

  return n;
}

/* Adds @first and its following siblings up to @stop (excluded). */
static guint
add_blocks (BatonReportDoc *doc,
            cmark_node     *first,
            cmark_node     *stop,
            guint           level,
            gboolean        quoted)
{
  guint n = 0;

  for (cmark_node *node = first; node != NULL && node != stop; node = cmark_node_next (node))
    {
      g_autofree char *markup = NULL;

      switch (cmark_node_get_type (node))
        {
        case CMARK_NODE_PARAGRAPH:
          markup = inline_markup (node);
          break;
        case CMARK_NODE_HEADING:
          {
            g_autofree char *inner = inline_markup (node);

            markup = g_strdup_printf ("<b>%s</b>", inner);
          }
          break;
        case CMARK_NODE_CODE_BLOCK:
          markup = literal_markup (node, TRUE);
          break;
        case CMARK_NODE_HTML_BLOCK:
          markup = literal_markup (node, FALSE);
          break;
        case CMARK_NODE_LIST:
          n += add_list (doc, node, level);
          break;
        case CMARK_NODE_BLOCK_QUOTE:
          n += add_blocks (doc, cmark_node_first_child (node), NULL, level, TRUE);
          break;
        default:
          break;
        }

      if (markup == NULL || markup[0] == '\0')
        continue;
      if (quoted)
        {
          g_autofree char *inner = g_steal_pointer (&markup);

          markup = g_strdup_printf ("<i>%s</i>", inner);
        }
      if (level > 0)
        baton_report_doc_add_bullet (doc, level - 1, " ", markup);
      else
        baton_report_doc_add_paragraph (doc, markup);
      n++;
    }

  return n;
}

static char *
plain_inlines (cmark_node *node)
{
  GString *out = g_string_new (NULL);

  append_inlines (out, node, FALSE);
  return g_string_free (out, FALSE);
}

static gboolean
heading_matches (cmark_node        *heading,
                 const char *const *headings)
{
  g_autofree char *text = plain_inlines (heading);
  g_autofree char *folded = g_utf8_casefold (g_strstrip (text), -1);

  for (guint i = 0; headings[i] != NULL; i++)
    {
      g_autofree char *want = g_utf8_casefold (headings[i], -1);

      if (g_strcmp0 (g_strstrip (want), folded) == 0)
        return TRUE;
    }
  return FALSE;
}

guint
baton_report_add_markdown_section (BatonReportDoc    *doc,
                                   const char        *markdown,
                                   const char *const *headings)
{
  cmark_node *root;
  guint n = 0;

  g_return_val_if_fail (doc != NULL, 0);
  g_return_val_if_fail (headings != NULL, 0);

  if (markdown == NULL || markdown[0] == '\0')
    return 0;

  root = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  for (cmark_node *node = cmark_node_first_child (root); node != NULL; node = cmark_node_next (node))
    {
      cmark_node *end;
      int level;

      if (cmark_node_get_type (node) != CMARK_NODE_HEADING || !heading_matches (node, headings))
        continue;

      level = cmark_node_get_heading_level (node);
      for (end = cmark_node_next (node); end != NULL; end = cmark_node_next (end))
        if (cmark_node_get_type (end) == CMARK_NODE_HEADING && cmark_node_get_heading_level (end) <= level)
          break;
      n = add_blocks (doc, cmark_node_next (node), end, 0, FALSE);
      break;
    }
  cmark_node_free (root);

  return n;
}

char *
baton_report_markdown_to_plain (const char *markdown)
{
  cmark_node *root;
  GString *out = g_string_new (NULL);

  if (markdown == NULL)
    return g_string_free (out, FALSE);

  root = cmark_parse_document (markdown, strlen (markdown), CMARK_OPT_DEFAULT);
  for (cmark_node *node = cmark_node_first_child (root); node != NULL; node = cmark_node_next (node))
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      append_inlines (out, node, FALSE);
    }
  cmark_node_free (root);

  return g_string_free (out, FALSE);
}
