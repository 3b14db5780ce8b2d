/* baton-validate.c — the checks of a client's contact fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-validate"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-validate.h"
#include "baton-types.h"

gboolean
baton_validate_email (const char  *text,
                      GError     **error)
{
  const char *at;
  const char *dot;

  if (text == NULL || text[0] == '\0')
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    goto invalid;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == ',' || c == ';' ||
          c == '<' || c == '>' || c == '"')
        goto invalid;
    }

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    goto invalid;

  /* A domain with a dot that is neither its first nor its last character. */
  dot = strrchr (at + 1, '.');
  if (dot == NULL || dot == at + 1 || dot[1] == '\0' || strstr (at + 1, "..") != NULL)
    goto invalid;

  return TRUE;

invalid:
  g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                       _("Enter an email address like name@example.org."));
  return FALSE;
}

gboolean
baton_validate_phone (const char  *text,
                      GError     **error)
{
  g_autofree char *stripped = NULL;
  const char *p;
  guint digits = 0;
  gboolean extension = FALSE;

  if (text == NULL)
    return TRUE;

  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    return TRUE;

  p = stripped;
  if (*p == '+')
    p++;

  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == ' ' || *p == '-' || *p == '.' || *p == '/' || *p == '(' || *p == ')')
        continue;
      else if (!extension && digits > 0 &&
               (g_ascii_strncasecmp (p, "ext", 3) == 0 || g_ascii_tolower (*p) == 'x'))
        {
          /* "ext. 12", "ext 12", "x12": digits must follow. */
          extension = TRUE;
          p += g_ascii_strncasecmp (p, "ext", 3) == 0 ? 2 : 0;
          if (p[1] == '.')
            p++;
          if (!g_ascii_isdigit (p[1]) && !(p[1] == ' ' && g_ascii_isdigit (p[2])))
            goto invalid;
        }
      else
        goto invalid;
    }

  if (digits < 3 || digits > 20)
    goto invalid;

  return TRUE;

invalid:
  g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                       _("Enter a phone number with digits, like +1 202-555-0143."));
  return FALSE;
}
