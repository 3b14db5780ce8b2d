/* baton-demo-notes.c — the demo's client notes and their revisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-demo"

#include "config.h"

#include "baton-demo-private.h"

static const char * const business_needs[] = {
  "Error rates in the new process are still too high three months after launch",
  "The last audit asked for documented, repeatable training",
  "Staff turnover means managers spend days onboarding each new hire",
  "A new system goes live next quarter and every user must be ready on day one",
  "Complaints about inconsistent answers have doubled since last year",
  "The current course is five years old and no longer matches the procedures",
};

static const char * const performance_gaps[] = {
  "Experienced staff skip steps they consider optional; new staff do not know which steps exist.",
  "People can recite the policy but freeze when a real case does not fit the examples.",
  "Most errors happen in the first month, on the same three tasks.",
  "Supervisors coach informally and each one teaches a slightly different version.",
  "The job aids on the wall are out of date, so people ask each other instead.",
};

static const char * const outcomes[] = {
  "Handle the five most common cases without help",
  "Explain the policy to a customer in plain words",
  "Find the right procedure in under a minute",
  "Escalate the right cases, and only those",
  "Complete the checklist correctly every time",
  "Spot the warning signs early and report them",
};

static const char * const constraints[] = {
  "Learners can spare at most 20 minutes at a time",
  "No sound on the shop floor: everything needs captions",
  "The LMS only accepts SCORM 1.2",
  "Content must be available in English and French",
  "Shift workers have no company e-mail address",
  "Legal must approve every scenario before release",
};

static const char * const recommendations[] = {
  "Short scenario-based modules, one per critical task, with a printable job aid each. A live session for supervisors so they coach the same way.",
  "Replace the deck with three e-learning modules and a quick-reference card; measure errors again after eight weeks.",
  "A blended path: a self-paced primer, a practice workshop, then on-the-job sign-off by a buddy.",
  "Start with a pilot group of twenty learners, fix what the pilot shows, then roll out region by region.",
};

static const char * const meeting_kinds[] = {
  "Kick-off meeting", "Weekly check-in", "Steering committee", "Design review",
  "Pilot feedback session", "Stakeholder interview",
};

static const char * const meeting_paragraphs[] = {
  "The client is happy with the direction of the storyboards. They want the scenarios to use their own job titles and forms, so the SME will send redacted samples.",
  "We walked through the schedule. The review window for module 2 is tight because of the holidays; we agreed to send it in two halves.",
  "Learners in the pilot liked the short videos but found the quiz feedback too generic. Rewrite the feedback so each wrong answer explains why.",
  "IT confirmed the LMS can track completion per module. Reports go to the regional managers every Monday.",
  "Budget is confirmed for the next phase. Translation is out of scope for now and may come back next year.",
  "The sponsor asked for a one-page summary for the executive team, with the expected effect on error rates.",
  "Accessibility came up: some learners use screen readers, so every interaction needs a keyboard path and every image alt text.",
  "Two policy changes land next month. We will wait for the final wording before recording the voice-over.",
};

static const char * const decisions[] = {
  "Keep modules under 15 minutes",
  "Use the client's photos, not stock images",
  "One combined SME review instead of two",
  "Move the pilot one week later",
  "Quiz pass mark stays at 80 %",
  "Job aids are printed as well as online",
};

static const char * const actions[] = {
  "send the revised storyboard",
  "book the pilot room",
  "collect sample forms from the SME",
  "update the schedule",
  "draft the executive summary",
  "check the LMS settings with IT",
  "share the style guide",
};

static const char * const follow_ups[] = {
  "The client confirmed the audience numbers; the estimate stays as it is.",
  "Legal signed off on the scenarios with two small wording changes.",
  "The pilot date moved by a week; the review rounds shift with it.",
  "The SME sent the missing procedures, so the design can be finished.",
};

static char *
format_long_date (guint32 julian)
{
  static const char * const months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
  };
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%u %s %u",
                          (guint) g_date_get_day (&date),
                          months[g_date_get_month (&date) - 1],
                          (guint) g_date_get_year (&date));
}

/* Notes */

static char *
needs_analysis_body (DemoContext  *ctx,
                     DemoRng      *rng,
                     guint         kind,
                     BatonProgram *program,
                     guint32       day)
{
  g_autofree char *date = format_long_date (day);
  GString *s = g_string_new (NULL);
  guint o = rng_below (rng, G_N_ELEMENTS (outcomes));

  g_string_append_printf (s, "# Needs analysis: %s\n\n", baton_program_get_name (program));
  g_string_append_printf (s, "**Client:** %s  \n**Contact:** %s  \n**Date:** %s\n\n",
                          _baton_demo_clients[kind].organization, _baton_demo_clients[kind].contact, date);
  g_string_append_printf (s, "## Business need\n\n%s. The sponsor wants a plan before the next "
                          "budget round, and a first module in front of learners within two months.\n\n",
                          RNG_PICK (rng, business_needs));
  g_string_append_printf (s, "## Audience\n\nAbout %u learners: %s. Most of them take training "
                          "during quiet hours of a shift, on shared computers.\n\n",
                          (guint) rng_between (rng, 4, 60) * 25, _baton_demo_clients[kind].audience);
  g_string_append_printf (s, "## Current performance\n\n%s\n\n", RNG_PICK (rng, performance_gaps));
  g_string_append (s, "## Desired outcomes\n\n");
  for (guint k = 0; k < 3; k++)
    g_string_append_printf (s, "- %s\n", outcomes[(o + k) % G_N_ELEMENTS (outcomes)]);
  g_string_append_printf (s, "\n## Constraints\n\n- Deadline: %s\n- %s\n\n",
                          baton_program_get_due_date (program) ? baton_program_get_due_date (program) : "to be agreed",
                          RNG_PICK (rng, constraints));
  g_string_append_printf (s, "## Recommendation\n\n%s\n", RNG_PICK (rng, recommendations));

  return g_string_free (s, FALSE);
}

static char *
meeting_body (DemoContext *ctx,
              DemoRng     *rng,
              guint        kind,
              const char  *title,
              guint32      day)
{
  g_autofree char *date = format_long_date (day);
  GString *s = g_string_new (NULL);
  guint p = rng_below (rng, G_N_ELEMENTS (meeting_paragraphs));
  guint d = rng_below (rng, G_N_ELEMENTS (decisions));
  const char *colleague = "the team";
  const char *colleague2 = "the team";

  if (ctx->people->len > 0)
    {
      colleague = baton_person_get_name (g_ptr_array_index (ctx->people, rng_below (rng, ctx->people->len)));
      colleague2 = baton_person_get_name (g_ptr_array_index (ctx->people, rng_below (rng, ctx->people->len)));
    }

  g_string_append_printf (s, "# %s\n\n*%s. With %s, %s and %s.*\n\n",
                          title, date, _baton_demo_clients[kind].contact, colleague, colleague2);
  g_string_append_printf (s, "%s\n\n%s\n\n",
                          meeting_paragraphs[p],
                          meeting_paragraphs[(p + 1 + rng_below (rng, 3)) % G_N_ELEMENTS (meeting_paragraphs)]);
  g_string_append (s, "## Decisions\n\n");
  g_string_append_printf (s, "- %s\n- %s\n\n",
                          decisions[d], decisions[(d + 1) % G_N_ELEMENTS (decisions)]);
  g_string_append (s, "## Action items\n\n");
  g_string_append_printf (s, "- [x] %s: %s\n", colleague, RNG_PICK (rng, actions));
  g_string_append_printf (s, "- [ ] %s: %s\n", colleague2, RNG_PICK (rng, actions));
  g_string_append_printf (s, "- [ ] %s: %s\n", _baton_demo_clients[kind].contact, RNG_PICK (rng, actions));

  return g_string_free (s, FALSE);
}

gboolean
_baton_demo_create_notes (DemoContext  *ctx,
                          BatonStore   *store,
                          GError      **error)
{
  DemoRng rng;

  if (ctx->clients->len == 0)
    return TRUE;

  rng_init (&rng, ctx->size->seed, STREAM_NOTES);

  for (guint i = 0; i < ctx->size->n_notes; i++)
    {
      guint c = i % ctx->clients->len;
      guint round = i / ctx->clients->len;
      BatonClient *client = g_ptr_array_index (ctx->clients, c);
      GPtrArray *programs = g_ptr_array_index (ctx->client_programs, c);
      guint kind = g_array_index (ctx->client_kind, guint, c);
      BatonProgram *program = NULL;
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      g_autofree char *date = NULL;
      guint32 day = ctx->today - (guint32) rng_between (&rng, 0, 60);
      guint32 last_day;
      BatonNote *note;

      if (programs->len > 0 && (round < programs->len || rng_percent (&rng, 70)))
        program = g_ptr_array_index (programs, round < programs->len ? round : rng_below (&rng, programs->len));

      date = format_long_date (day);
      if (program != NULL && round < programs->len)
        {
          /* Each client's first notes: a needs analysis per program. */
          title = g_strdup_printf ("Needs analysis: %s", baton_program_get_name (program));
          body = needs_analysis_body (ctx, &rng, kind, program, day);
        }
      else
        {
          title = g_strdup_printf ("%s, %s", RNG_PICK (&rng, meeting_kinds), date);
          body = meeting_body (ctx, &rng, kind, title, day);
        }

      note = baton_store_create_note (store, client, program, title, body, error);
      if (note == NULL)
        return FALSE;

      last_day = day;
      /* Some notes were edited later: keep what they said before. */
      if (i % 6 == 0)
        {
          guint n_edits = 1 + rng_below (&rng, 2);
          g_autofree char *current = g_strdup (body);

          for (guint k = 0; k < n_edits; k++)
            {
              g_autofree char *later = format_long_date (MIN (day + 7 * (k + 1), ctx->today));
              char *next = g_strdup_printf ("%s\n## Follow-up, %s\n\n%s\n",
                                            current, later, RNG_PICK (&rng, follow_ups));

              g_free (current);
              current = next;
              if (!baton_store_update_note (store, note, title, current, TRUE, error))
                return FALSE;
              last_day = MIN (day + 7 * (k + 1), ctx->today);
            }
        }

      /* Written on the day of the meeting, not when the demo was made:
       * a status report quotes the notes of its period. */
      {
        g_autofree char *created = format_timestamp (day, 16 * 60 + (i * 7) % 90);
        g_autofree char *updated = format_timestamp (last_day, 16 * 60 + (i * 7) % 90 + 20 + (i * 11) % 40);

        if (!baton_store_update (store, note, error, "created-at", created, "updated-at", updated, NULL))
          return FALSE;
      }
    }

  return TRUE;
}
