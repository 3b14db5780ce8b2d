/* baton-notes.c — clients' notes: search, revisions, templates, autosave
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Search has two engines that must agree: SQLite FTS5 (notes_fts, kept up
 * to date from the queue of changed notes that the schema's triggers fill)
 * and a scan of the notes in memory. Both use the tokenizer below, which
 * follows FTS5's unicode61 with remove_diacritics 2: the query is parsed
 * here into words and phrases of folded tokens, and FTS5 only ever sees
 * those tokens, quoted, bound as a parameter — so nothing a person types
 * can be FTS5 syntax. Snippets come from the same tokenizer in both modes.
 */

#define G_LOG_DOMAIN "baton-notes"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-notes.h"
#include "baton-dates.h"
#include "baton-store-private.h"

/* Validation ------------------------------------------------------------------ */

gboolean
baton_notes_validate_email (const char  *text,
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
baton_notes_validate_phone (const char  *text,
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

typedef struct
{
  guint start;       /* byte offsets of the token in the text */
  guint end;
  guint fold;        /* offset of the folded token in the fold buffer */
  guint fold_len;
} Token;

typedef struct
{
  GArray  *tokens;   /* Token */
  GString *folded;   /* the folded tokens, each followed by a NUL */
} TokenList;

static void
token_list_init (TokenList *list)
{
  list->tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  list->folded = g_string_new (NULL);
}

static void
token_list_clear (TokenList *list)
{
  g_clear_pointer (&list->tokens, g_array_unref);
  if (list->folded != NULL)
    g_string_free (g_steal_pointer (&list->folded), TRUE);
}

static inline const char *
token_text (const TokenList *list,
            guint            index)
{
  return list->folded->str + g_array_index (list->tokens, Token, index).fold;
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
static void
tokenize (const char *text,
          gsize       len,
          TokenList  *list)
{
  const char *p = text;
  const char *end = text + len;

  while (p < end)
    {
      const char *start;
      Token token;
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
  TokenList list;
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv result;

  token_list_init (&list);
  if (text != NULL)
    tokenize (text, strlen (text), &list);

  for (guint i = 0; i < list.tokens->len; i++)
    g_strv_builder_add (builder, token_text (&list, i));

  token_list_clear (&list);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return result;
}

/* Queries ---------------------------------------------------------------------- */

#define MAX_QUERY_TERMS 32

typedef struct
{
  GPtrArray *tokens;    /* char*, folded */
  gboolean   prefix;    /* the last token matches as a prefix */
} Term;

static void
term_free (gpointer data)
{
  Term *term = data;

  g_ptr_array_unref (term->tokens);
  g_free (term);
}

static void
add_term (GPtrArray  *terms,
          const char *text,
          gsize       len,
          gboolean    prefix)
{
  TokenList list;
  Term *term;

  if (terms->len >= MAX_QUERY_TERMS)
    return;

  token_list_init (&list);
  tokenize (text, len, &list);

  if (list.tokens->len > 0)
    {
      term = g_new0 (Term, 1);
      term->tokens = g_ptr_array_new_with_free_func (g_free);
      term->prefix = prefix;
      for (guint i = 0; i < list.tokens->len; i++)
        g_ptr_array_add (term->tokens, g_strdup (token_text (&list, i)));
      g_ptr_array_add (terms, term);
    }

  token_list_clear (&list);
}

/* Words and "phrases"; see the header for the language. */
static GPtrArray *
parse_query (const char *query)
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
 * exactly what the scan (term_matches ()) finds, in either column, never
 * across them. Trigrams need three characters: a one-letter word that may
 * go on (" a") is left out of the index expression and checked on the
 * notes the rest of the query found, or on every note when nothing else is
 * in the query. */

char *
_baton_notes_index_text (const char *text)
{
  TokenList list;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  token_list_init (&list);
  tokenize (text, strlen (text), &list);
  out = g_string_sized_new (list.folded->len + 2);
  for (guint i = 0; i < list.tokens->len; i++)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, token_text (&list, i));
    }
  if (out->len > 0)
    g_string_append_c (out, ' ');
  token_list_clear (&list);

  return g_string_free (out, FALSE);
}

static void
index_text_function (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  char *indexed = _baton_notes_index_text (text);

  sqlite3_result_text (context, indexed, -1, g_free);
}

gboolean
_baton_notes_register_functions (BatonDb  *db,
                                 GError  **error)
{
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  rc = sqlite3_create_function_v2 (baton_db_get_handle (db), "baton_index_text", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   NULL, index_text_function, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_SQL,
                   "Could not register the search functions: %s", sqlite3_errstr (rc));
      return FALSE;
    }

  return TRUE;
}

/* The substring of the index text that @term stands for. */
static void
append_term_substring (GString    *out,
                       const Term *term)
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

static gboolean
term_is_indexable (const Term *term)
{
  g_autoptr(GString) substring = g_string_new (NULL);

  append_term_substring (substring, term);
  return g_utf8_strlen (substring->str, substring->len) >= 3;
}

/* The FTS5 expression for the terms the index can find, or NULL. */
static char *
fts_expression (GPtrArray *terms)
{
  GString *out = NULL;

  for (guint i = 0; i < terms->len; i++)
    {
      Term *term = g_ptr_array_index (terms, i);
      g_autoptr(GString) substring = NULL;

      if (!term_is_indexable (term))
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
  g_autoptr(GPtrArray) terms = parse_query (query);

  return fts_expression (terms);
}

/* Whether @term matches at token @i of @list. */
static inline gboolean
term_matches_at (const Term      *term,
                 const TokenList *list,
                 guint            i)
{
  guint n = term->tokens->len;

  if (i + n > list->tokens->len)
    return FALSE;

  for (guint k = 0; k < n; k++)
    {
      const char *want = g_ptr_array_index (term->tokens, k);
      const char *have = token_text (list, i + k);

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

static gboolean
term_matches (const Term      *term,
              const TokenList *list)
{
  const char *first = g_ptr_array_index (term->tokens, 0);
  gboolean first_is_prefix = term->prefix && term->tokens->len == 1;
  gsize first_len = strlen (first);

  for (guint i = 0; i < list->tokens->len; i++)
    {
      const char *have = token_text (list, i);

      /* Cheap test of the first token before the whole phrase. */
      if (first_is_prefix ? strncmp (have, first, first_len) != 0 : strcmp (have, first) != 0)
        continue;
      if (term_matches_at (term, list, i))
        return TRUE;
    }

  return FALSE;
}

/* The index --------------------------------------------------------------------- */

static gboolean force_scan = FALSE;

void
_baton_notes_set_force_scan (gboolean force)
{
  force_scan = force;
}

gboolean
_baton_notes_fts_usable (BatonDb *db)
{
  return !force_scan && baton_db_has_fts5 (db);
}

static gboolean
table_exists (BatonDb     *db,
              const char  *name,
              gboolean    *exists,
              GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GError) local_error = NULL;

  stmt = baton_db_prepare (db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  *exists = baton_db_step_row (db, stmt, &local_error);
  sqlite3_reset (stmt);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Whether notes_fts is the index this version searches. */
static gboolean
index_is_current (BatonDb *db)
{
  sqlite3_stmt *stmt;
  g_autoptr(GError) error = NULL;
  gboolean current = FALSE;

  stmt = baton_db_prepare (db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'notes_fts'", &error);
  if (stmt == NULL)
    return FALSE;
  if (baton_db_step_row (db, stmt, &error))
    current = strstr ((const char *) sqlite3_column_text (stmt, 0), BATON_NOTES_FTS_TOKENIZER) != NULL;
  sqlite3_reset (stmt);

  return current;
}

gboolean
baton_notes_ensure_index (BatonDb  *db,
                          GError  **error)
{
  g_autoptr(GError) fts_error = NULL;
  gboolean exists = FALSE;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!_baton_notes_fts_usable (db))
    return TRUE;

  if (!table_exists (db, "notes_fts", &exists, error))
    return FALSE;
  if (exists && index_is_current (db))
    return TRUE;

  if (!baton_db_begin (db, error))
    return FALSE;

  /* Missing, or an index of an older format (or built by a SQLite that had
   * FTS5 before one without it upgraded the workspace): build it anew. */
  if (!baton_db_exec (db,
                      "DROP TABLE IF EXISTS notes_fts;"
                      BATON_NOTES_FTS_CREATE_SQL
                      BATON_NOTES_FTS_FILL_SQL,
                      &fts_error))
    {
      /* Searching still works, by scanning. */
      g_warning ("Notes search will scan instead of using its index: %s", fts_error->message);
      baton_db_rollback (db);
      return TRUE;
    }

  return baton_db_commit (db, error);
}

static gboolean
index_is_usable (BatonDb *db)
{
  gboolean exists = FALSE;

  /* A read-only workspace cannot bring its index up to date: scan. */
  return _baton_notes_fts_usable (db) && !baton_db_is_read_only (db) &&
         table_exists (db, "notes_fts", &exists, NULL) && exists;
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
  TokenList list;
  guint n_tokens;
  guint first = G_MAXUINT;
  guint first_len = 0;
  guint ws, we;
  guint start_byte, end_byte;
  gboolean ellipsis_before, ellipsis_after;
  GString *out;
  guint r = 0;

  hit->note = g_object_ref (note);

  token_list_init (&list);
  tokenize (body, strlen (body), &list);
  n_tokens = list.tokens->len;

  for (guint i = 0; i < n_tokens && first == G_MAXUINT; i++)
    for (guint t = 0; t < terms->len; t++)
      {
        Term *term = g_ptr_array_index (terms, t);

        if (term_matches_at (term, &list, i))
          {
            first = i;
            first_len = term->tokens->len;
            break;
          }
      }

  if (n_tokens == 0)
    {
      hit->snippet = g_strdup ("");
      token_list_clear (&list);
      return hit;
    }

  if (first != G_MAXUINT)
    {
      const Token *a = &g_array_index (list.tokens, Token, first);
      const Token *b = &g_array_index (list.tokens, Token, first + first_len - 1);

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

  start_byte = g_array_index (list.tokens, Token, ws).start;
  while (we > ws &&
         g_array_index (list.tokens, Token, we).end - start_byte > SNIPPET_MAX_BYTES &&
         (first == G_MAXUINT || we > first + first_len - 1))
    we--;
  end_byte = g_array_index (list.tokens, Token, we).end;

  /* Whole words: the punctuation stuck to the first and last tokens too. */
  {
    guint floor_byte = ws > 0 ? g_array_index (list.tokens, Token, ws - 1).end : 0;
    guint ceiling_byte = we + 1 < n_tokens ? g_array_index (list.tokens, Token, we + 1).start
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
        Term *term = g_ptr_array_index (terms, t);

        if (i + term->tokens->len - 1 <= we && term_matches_at (term, &list, i))
          add_range (ranges,
                     g_array_index (list.tokens, Token, i).start,
                     g_array_index (list.tokens, Token, i + term->tokens->len - 1).end);
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
  token_list_clear (&list);

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
note_matches (BatonNote *note,
              GPtrArray *terms,
              TokenList *title,
              TokenList *body)
{
  const char *title_text = baton_note_get_title (note);
  const char *body_text = baton_note_get_body (note);

  g_array_set_size (title->tokens, 0);
  g_string_truncate (title->folded, 0);
  g_array_set_size (body->tokens, 0);
  g_string_truncate (body->folded, 0);

  if (title_text != NULL)
    tokenize (title_text, strlen (title_text), title);
  if (body_text != NULL)
    tokenize (body_text, strlen (body_text), body);

  for (guint t = 0; t < terms->len; t++)
    {
      Term *term = g_ptr_array_index (terms, t);

      /* FTS5 phrases do not cross columns; neither do ours. */
      if (!term_matches (term, title) && !term_matches (term, body))
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
  TokenList title, body;

  token_list_init (&title);
  token_list_init (&body);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonNote) note = g_list_model_get_item (notes, i);

      if (note_matches (note, terms, &title, &body))
        g_ptr_array_add (matches, note);
    }

  token_list_clear (&title);
  token_list_clear (&body);

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
  TokenList title, body;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < terms->len; i++)
    if (!term_is_indexable (g_ptr_array_index (terms, i)))
      g_ptr_array_add (short_terms, g_ptr_array_index (terms, i));

  if (!baton_notes_update_index (store, error))
    return FALSE;

  stmt = baton_db_prepare (db, "SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?", error);
  if (stmt == NULL)
    return FALSE;

  token_list_init (&title);
  token_list_init (&body);
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_TRANSIENT);
  while (baton_db_step_row (db, stmt, &local_error))
    {
      BatonNote *note = baton_store_lookup_note (store, sqlite3_column_int64 (stmt, 0));

      if (note != NULL && (short_terms->len == 0 || note_matches (note, short_terms, &title, &body)))
        g_ptr_array_add (matches, note);
    }
  sqlite3_clear_bindings (stmt);
  token_list_clear (&title);
  token_list_clear (&body);

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

  terms = parse_query (query);
  if (terms->len == 0)
    return hits;

  matches = g_ptr_array_new ();
  if (baton_notes_search_uses_index (store) && (expression = fts_expression (terms)) != NULL)
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

/* Autosave ---------------------------------------------------------------------- */

struct _BatonNoteSaver
{
  GObject                  parent_instance;

  BatonStore              *store;
  BatonNote               *note;
  BatonNoteSaverFetchFunc  fetch;
  gpointer                 fetch_data;
  GDestroyNotify           fetch_data_destroy;
  BatonClockFunc           clock;
  gpointer                 clock_data;

  guint                    delay_ms;
  guint                    timeout;
  BatonNoteSaverState      state;
  char                    *error_message;

  gint64                   last_revision;   /* clock time; 0: none this session */
  gboolean                 has_revision;
  gboolean                 saving;          /* our own update is running */
  gboolean                 left;

  /* A save that failed is tried again, later and later, until it works. */
  guint                    retry;           /* source */
  guint                    retry_first_ms;
  guint                    retry_max_ms;
  guint                    retry_next_ms;

  /* The text of a note that was left unsaved: the editor has moved on. */
  char                    *held_title;
  char                    *held_body;
  gboolean                 holding;
};

enum {
  SAVER_PROP_0,
  SAVER_PROP_STATE,
  SAVER_N_PROPS
};

enum {
  SAVER_EXTERNAL_CHANGE,
  SAVER_N_SIGNALS
};

static GParamSpec *saver_properties[SAVER_N_PROPS];
static guint saver_signals[SAVER_N_SIGNALS];

G_DEFINE_FINAL_TYPE (BatonNoteSaver, baton_note_saver, G_TYPE_OBJECT)

static gint64
default_clock (gpointer data)
{
  return g_get_monotonic_time ();
}

static void
set_state (BatonNoteSaver      *self,
           BatonNoteSaverState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), saver_properties[SAVER_PROP_STATE]);
}

static void
note_changed_cb (BatonNoteSaver *self)
{
  /* Undo, redo and restoring a revision change the note under the editor.
   * Edits not saved yet are dropped: they were typed over the text that the
   * undo took back (at most the autosave delay's worth). */
  if (self->saving)
    return;

  if (self->state == BATON_NOTE_SAVER_PENDING)
    {
      g_clear_handle_id (&self->timeout, g_source_remove);
      set_state (self, BATON_NOTE_SAVER_SAVED);
    }

  g_signal_emit (self, saver_signals[SAVER_EXTERNAL_CHANGE], 0);
}

static void
baton_note_saver_dispose (GObject *object)
{
  BatonNoteSaver *self = BATON_NOTE_SAVER (object);

  g_clear_handle_id (&self->timeout, g_source_remove);
  g_clear_handle_id (&self->retry, g_source_remove);
  if (self->note != NULL)
    g_signal_handlers_disconnect_by_data (self->note, self);
  g_clear_object (&self->note);
  g_clear_object (&self->store);
  if (self->fetch_data_destroy != NULL)
    g_clear_pointer (&self->fetch_data, self->fetch_data_destroy);

  G_OBJECT_CLASS (baton_note_saver_parent_class)->dispose (object);
}

static void
baton_note_saver_finalize (GObject *object)
{
  BatonNoteSaver *self = BATON_NOTE_SAVER (object);

  g_free (self->error_message);
  g_free (self->held_title);
  g_free (self->held_body);

  G_OBJECT_CLASS (baton_note_saver_parent_class)->finalize (object);
}

static void
baton_note_saver_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BatonNoteSaver *self = BATON_NOTE_SAVER (object);

  switch (prop_id)
    {
    case SAVER_PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_note_saver_class_init (BatonNoteSaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baton_note_saver_dispose;
  object_class->finalize = baton_note_saver_finalize;
  object_class->get_property = baton_note_saver_get_property;

  saver_properties[SAVER_PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      BATON_NOTE_SAVER_SAVED, BATON_NOTE_SAVER_FAILED, BATON_NOTE_SAVER_SAVED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SAVER_N_PROPS, saver_properties);

  /**
   * BatonNoteSaver::external-change:
   *
   * The note was changed in the store by something else than this saver
   * (undo, redo, a restored revision): the editor should show it again.
   */
  saver_signals[SAVER_EXTERNAL_CHANGE] =
    g_signal_new ("external-change", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
baton_note_saver_init (BatonNoteSaver *self)
{
  self->clock = default_clock;
  self->delay_ms = 2000;
  self->retry_first_ms = BATON_NOTE_SAVER_RETRY_FIRST_MS;
  self->retry_max_ms = BATON_NOTE_SAVER_RETRY_MAX_MS;
}

BatonNoteSaver *
baton_note_saver_new (BatonStore              *store,
                      BatonNote               *note,
                      BatonNoteSaverFetchFunc  fetch,
                      gpointer                 fetch_data,
                      GDestroyNotify           fetch_data_destroy)
{
  BatonNoteSaver *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (BATON_IS_NOTE (note), NULL);
  g_return_val_if_fail (fetch != NULL, NULL);

  self = g_object_new (BATON_TYPE_NOTE_SAVER, NULL);
  self->store = g_object_ref (store);
  self->note = g_object_ref (note);
  self->fetch = fetch;
  self->fetch_data = fetch_data;
  self->fetch_data_destroy = fetch_data_destroy;

  g_signal_connect_swapped (note, "notify::body", G_CALLBACK (note_changed_cb), self);
  g_signal_connect_swapped (note, "notify::title", G_CALLBACK (note_changed_cb), self);

  return self;
}

BatonNote *
baton_note_saver_get_note (BatonNoteSaver *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), NULL);
  return self->note;
}

void
baton_note_saver_set_clock (BatonNoteSaver *self,
                            BatonClockFunc  clock,
                            gpointer        clock_data)
{
  g_return_if_fail (BATON_IS_NOTE_SAVER (self));

  self->clock = clock != NULL ? clock : default_clock;
  self->clock_data = clock_data;
}

void
baton_note_saver_set_delay (BatonNoteSaver *self,
                            guint           delay_ms)
{
  g_return_if_fail (BATON_IS_NOTE_SAVER (self));

  self->delay_ms = delay_ms;
}

guint
baton_note_saver_get_delay (BatonNoteSaver *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), 0);
  return self->delay_ms;
}

BatonNoteSaverState
baton_note_saver_get_state (BatonNoteSaver *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), BATON_NOTE_SAVER_SAVED);
  return self->state;
}

const char *
baton_note_saver_get_error_message (BatonNoteSaver *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), NULL);
  return self->error_message;
}

void
baton_note_saver_set_retry_delays (BatonNoteSaver *self,
                                   guint           first_ms,
                                   guint           max_ms)
{
  g_return_if_fail (BATON_IS_NOTE_SAVER (self));
  g_return_if_fail (first_ms > 0 && max_ms >= first_ms);

  self->retry_first_ms = first_ms;
  self->retry_max_ms = max_ms;
  self->retry_next_ms = 0;
}

static gboolean
retry_cb (gpointer data)
{
  BatonNoteSaver *self = data;
  g_autoptr(GError) error = NULL;

  self->retry = 0;
  /* A new failure schedules the next try, twice as late. */
  if (!baton_note_saver_flush (self, &error))
    g_debug ("Saving the note again failed: %s", error->message);

  return G_SOURCE_REMOVE;
}

/* After a failed save: try again later (the database may be locked by
 * another program, the disk full for a moment). The main loop runs in
 * between; nothing waits. Input the store refuses is not retried. */
static void
schedule_retry (BatonNoteSaver *self,
                const GError   *error)
{
  g_clear_handle_id (&self->retry, g_source_remove);

  if (g_error_matches (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID) ||
      g_error_matches (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND))
    return;

  self->retry_next_ms = self->retry_next_ms == 0 ? self->retry_first_ms
                                                 : MIN (self->retry_next_ms * 2, self->retry_max_ms);
  self->retry = g_timeout_add (self->retry_next_ms, retry_cb, self);
}

gboolean
baton_note_saver_is_retrying (BatonNoteSaver *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), FALSE);
  return self->retry != 0;
}

gboolean
baton_note_saver_has_unsaved (BatonNoteSaver *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), FALSE);
  return self->state != BATON_NOTE_SAVER_SAVED;
}

/* The text being saved: the editor's, or the copy held when it left. */
static void
fetch (BatonNoteSaver  *self,
       char           **title,
       char           **body)
{
  if (self->holding)
    {
      *title = g_strdup (self->held_title);
      *body = g_strdup (self->held_body);
    }
  else
    self->fetch (self->fetch_data, title, body);
}

char *
baton_note_saver_to_markdown (BatonNoteSaver *self)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), NULL);

  fetch (self, &title, &body);
  return baton_notes_markdown_from_text (title != NULL && title[0] != '\0' ? title : NULL, body);
}

void
baton_note_saver_discard (BatonNoteSaver *self)
{
  g_return_if_fail (BATON_IS_NOTE_SAVER (self));

  g_clear_handle_id (&self->timeout, g_source_remove);
  g_clear_handle_id (&self->retry, g_source_remove);
  self->retry_next_ms = 0;
  g_clear_pointer (&self->error_message, g_free);
  set_state (self, BATON_NOTE_SAVER_SAVED);
}

static gboolean
timeout_cb (gpointer data)
{
  BatonNoteSaver *self = data;
  g_autoptr(GError) error = NULL;

  self->timeout = 0;
  if (!baton_note_saver_flush (self, &error))
    g_debug ("Autosave failed: %s", error->message);

  return G_SOURCE_REMOVE;
}

void
baton_note_saver_changed (BatonNoteSaver *self)
{
  g_return_if_fail (BATON_IS_NOTE_SAVER (self));

  set_state (self, BATON_NOTE_SAVER_PENDING);

  g_clear_handle_id (&self->timeout, g_source_remove);
  if (self->delay_ms > 0 && !self->left)
    self->timeout = g_timeout_add (self->delay_ms, timeout_cb, self);
}

/* Empty text is stored as NULL; compare the way the store will. */
static char *
normalize (char *text)
{
  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

gboolean
baton_note_saver_flush (BatonNoteSaver  *self,
                        GError         **error)
{
  g_autoptr(GObject) keep_alive = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *previous;
  gboolean keep_revision = FALSE;
  gboolean ok;
  gint64 now;

  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), FALSE);

  g_clear_handle_id (&self->timeout, g_source_remove);

  if (self->state == BATON_NOTE_SAVER_SAVED)
    return TRUE;

  keep_alive = g_object_ref (G_OBJECT (self));
  g_clear_handle_id (&self->retry, g_source_remove);
  fetch (self, &title, &body);
  title = normalize (title);
  body = normalize (body);
  now = self->clock (self->clock_data);
  previous = baton_note_get_body (self->note);

  /* The first change of the body in a session keeps the text as it was
   * left last time; after that, one revision per interval at most. */
  if (g_strcmp0 (body, previous) != 0 && previous != NULL &&
      (!self->has_revision || now - self->last_revision >= BATON_NOTE_REVISION_INTERVAL))
    keep_revision = TRUE;

  self->saving = TRUE;
  ok = baton_store_update_note (self->store, self->note, title, body, keep_revision, &local_error);
  self->saving = FALSE;

  if (!ok)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (local_error->message);
      schedule_retry (self, local_error);
      /* Notified after the retry is set, so that listeners see it. */
      if (self->state == BATON_NOTE_SAVER_FAILED)
        g_object_notify_by_pspec (G_OBJECT (self), saver_properties[SAVER_PROP_STATE]);
      else
        set_state (self, BATON_NOTE_SAVER_FAILED);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->retry_next_ms = 0;
  if (self->holding)
    {
      g_clear_pointer (&self->held_title, g_free);
      g_clear_pointer (&self->held_body, g_free);
    }

  if (keep_revision)
    {
      self->has_revision = TRUE;
      self->last_revision = now;
    }

  g_clear_pointer (&self->error_message, g_free);
  set_state (self, BATON_NOTE_SAVER_SAVED);

  return TRUE;
}

void
baton_note_saver_resume (BatonNoteSaver  *self,
                         char           **title,
                         char           **body)
{
  g_return_if_fail (BATON_IS_NOTE_SAVER (self));
  g_return_if_fail (self->holding);
  g_return_if_fail (title != NULL && body != NULL);

  /* The editor shows the held text; from now on it is the editor's again.
   * The retry goes on as it was. */
  *title = g_steal_pointer (&self->held_title);
  *body = g_steal_pointer (&self->held_body);
  self->holding = FALSE;
  self->left = FALSE;
}

gboolean
baton_note_saver_leave (BatonNoteSaver  *self,
                        GError         **error)
{
  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), FALSE);

  self->left = TRUE;
  if (baton_note_saver_flush (self, error))
    return TRUE;

  /* Keep the text, which the editor is about to replace, and go on trying
   * to save it. */
  if (!self->holding)
    {
      self->fetch (self->fetch_data, &self->held_title, &self->held_body);
      self->holding = TRUE;
    }

  return FALSE;
}
