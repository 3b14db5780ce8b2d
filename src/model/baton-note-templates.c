/* baton-note-templates.c — templates for new notes, and Markdown export
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

/* Templates ------------------------------------------------------------------- */

gboolean
baton_note_template_from_string (const char        *text,
                                 BatonNoteTemplate *template_id)
{
  static const struct { const char *nick; BatonNoteTemplate id; } names[] = {
    { "blank", BATON_NOTE_TEMPLATE_BLANK },
    { "needs-analysis", BATON_NOTE_TEMPLATE_NEEDS_ANALYSIS },
    { "meeting", BATON_NOTE_TEMPLATE_MEETING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i].nick) == 0)
      {
        *template_id = names[i].id;
        return TRUE;
      }

  return FALSE;
}

static char *
long_date (GDateTime *date)
{
  /* Translators: a date in a note, e.g. "28 November 2026"; see g_date_time_format () */
  return g_date_time_format (date, _("%-d %B %Y"));
}

char *
baton_note_template_title (BatonNoteTemplate  template_id,
                           BatonProgram      *program,
                           GDateTime         *date)
{
  g_autofree char *day = long_date (date);

  switch (template_id)
    {
    case BATON_NOTE_TEMPLATE_NEEDS_ANALYSIS:
      if (program != NULL)
        /* Translators: the title of a new note; %s is a program name */
        return g_strdup_printf (_("Needs analysis: %s"), baton_program_get_name (program));
      return g_strdup (_("Needs analysis"));

    case BATON_NOTE_TEMPLATE_MEETING:
      /* Translators: the title of a new note; %s is a date */
      return g_strdup_printf (_("Meeting, %s"), day);

    case BATON_NOTE_TEMPLATE_BLANK:
    default:
      return g_strdup (_("Untitled note"));
    }
}

static void
append_section (GString    *out,
                const char *heading,
                const char *prompt)
{
  g_string_append_printf (out, "## %s\n\n_%s_\n\n", heading, prompt);
}

char *
baton_note_template_body (BatonNoteTemplate  template_id,
                          BatonClient       *client,
                          BatonProgram      *program,
                          GDateTime         *date)
{
  g_autofree char *day = long_date (date);
  g_autofree char *title = baton_note_template_title (template_id, program, date);
  GString *out = g_string_new (NULL);

  switch (template_id)
    {
    case BATON_NOTE_TEMPLATE_NEEDS_ANALYSIS:
      g_string_append_printf (out, "# %s\n\n", title);
      if (client != NULL)
        {
          const char *org = baton_client_get_organization (client);
          const char *contact = baton_client_get_contact_name (client);

          g_string_append_printf (out, "**%s** %s  \n", _("Client:"),
                                  org != NULL ? org : baton_client_get_name (client));
          if (contact != NULL)
            g_string_append_printf (out, "**%s** %s  \n", _("Contact:"), contact);
        }
      g_string_append_printf (out, "**%s** %s\n\n", _("Date:"), day);
      append_section (out, _("Business goal"),
                      _("What should change for the organization, and why now?"));
      append_section (out, _("Audience"),
                      _("Who will take the training: roles, numbers, locations, what they already know."));
      append_section (out, _("Current performance"),
                      _("What people do today, and how we know."));
      append_section (out, _("Desired performance"),
                      _("What people should be able to do after the training."));
      append_section (out, _("Constraints"),
                      _("Budget, tools, languages, accessibility, time people can spend."));
      append_section (out, _("Success measures"),
                      _("How the client will tell that the training worked."));
      append_section (out, _("Stakeholders and subject-matter experts"),
                      _("Who decides, who reviews, who knows the content."));
      append_section (out, _("Delivery format"),
                      _("E-learning, workshop, blended, job aids…"));
      append_section (out, _("Timeline"),
                      _("Key dates, reviews and the launch."));
      break;

    case BATON_NOTE_TEMPLATE_MEETING:
      g_string_append_printf (out, "# %s\n\n", title);
      g_string_append_printf (out, "**%s** %s  \n", _("Date:"), day);
      g_string_append_printf (out, "**%s** %s\n\n", _("Attendees:"),
                              client != NULL && baton_client_get_contact_name (client) != NULL
                              ? baton_client_get_contact_name (client) : "");
      g_string_append_printf (out, "## %s\n\n- \n\n", _("Decisions"));
      g_string_append_printf (out, "## %s\n\n- [ ] \n", _("Action items"));
      break;

    case BATON_NOTE_TEMPLATE_BLANK:
    default:
      break;
    }

  return g_string_free (out, FALSE);
}

BatonNote *
baton_notes_create_from_template (BatonStore         *store,
                                  BatonClient        *client,
                                  BatonProgram       *program,
                                  BatonNoteTemplate   template_id,
                                  GError            **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (BATON_IS_CLIENT (client), NULL);

  title = baton_note_template_title (template_id, program, now);
  body = baton_note_template_body (template_id, client, program, now);

  return baton_store_create_note (store, client, program, title, body, error);
}

/* Export ---------------------------------------------------------------------- */

char *
baton_notes_to_markdown (BatonNote *note)
{
  g_return_val_if_fail (BATON_IS_NOTE (note), NULL);

  return baton_notes_markdown_from_text (baton_note_get_title (note), baton_note_get_body (note));
}

char *
baton_notes_markdown_from_text (const char *title,
                                const char *body)
{
  GString *out;

  if (body == NULL)
    body = "";
  out = g_string_new (NULL);

  if (title != NULL && !g_str_has_prefix (body, "# "))
    g_string_append_printf (out, "# %s\n\n", title);
  g_string_append (out, body);
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

char *
baton_notes_suggest_filename (BatonNote *note)
{
  const char *title;
  GString *name;

  g_return_val_if_fail (BATON_IS_NOTE (note), NULL);

  title = baton_note_get_title (note);
  if (title == NULL || title[0] == '\0')
    title = _("Note");

  name = g_string_new (NULL);
  for (const char *p = title; *p && name->len < 120; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Characters that file systems or portals refuse or that hide a path. */
      if (c == '/' || c == '\\' || c == ':' || c == '*' || c == '?' || c == '"' ||
          c == '<' || c == '>' || c == '|' || g_unichar_iscntrl (c) || g_unichar_isspace (c))
        {
          if (name->len > 0 && name->str[name->len - 1] != ' ')
            g_string_append_c (name, ' ');
        }
      else
        g_string_append_unichar (name, c);
    }

  g_strstrip (name->str);
  g_string_set_size (name, strlen (name->str));
  while (name->len > 0 && name->str[0] == '.')
    g_string_erase (name, 0, 1);
  if (name->len == 0)
    g_string_append (name, _("Note"));
  g_string_append (name, ".md");

  return g_string_free (name, FALSE);
}

gboolean
baton_notes_export_markdown (BatonNote  *note,
                             GFile      *file,
                             GError    **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (BATON_IS_NOTE (note), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = baton_notes_to_markdown (note);

  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
