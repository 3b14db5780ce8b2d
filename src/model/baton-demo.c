/* baton-demo.c — a deterministic demo workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds a believable training-world workspace through the public store
 * API, inside one batch (one transaction, no undo history). Every choice
 * comes from a small seeded PRNG (splitmix64) of our own, never from
 * g_random, whose algorithm is not promised to stay the same: one size and
 * one seed give one workspace, on every machine and every GLib.
 *
 * Each part of the workspace (people, clients, tasks, notes…) draws from
 * its own stream derived from the seed, so asking for more tasks does not
 * change who the people are.
 */

#define G_LOG_DOMAIN "baton-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-dates.h"
#include "baton-demo.h"

/* ------------------------------------------------------------------ */
/* PRNG: splitmix64                                                    */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint64 state;
} DemoRng;

enum
{
  STREAM_PEOPLE = 1,
  STREAM_TIME_OFF,
  STREAM_CLIENTS,
  STREAM_PROGRAMS,
  STREAM_TASKS,
  STREAM_NOTES,
};

static guint64
rng_next (DemoRng *rng)
{
  guint64 z;

  rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  z = rng->state;
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static void
rng_init (DemoRng *rng,
          guint32  seed,
          guint    stream)
{
  rng->state = ((guint64) seed << 32) ^ ((guint64) stream * G_GUINT64_CONSTANT (0xD1B54A32D192ED03));
  /* Stir so that neighbouring seeds start far apart. */
  rng->state = rng_next (rng);
}

/* Uniform in [0, n). The multiply-shift bias is far below what a demo cares about. */
static guint
rng_below (DemoRng *rng,
           guint    n)
{
  g_assert (n > 0);
  return (guint) (((rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* Uniform in [lo, hi], both included. */
static gint
rng_between (DemoRng *rng,
             gint     lo,
             gint     hi)
{
  g_assert (hi >= lo);
  return lo + (gint) rng_below (rng, (guint) (hi - lo + 1));
}

static gboolean
rng_percent (DemoRng *rng,
             guint    percent)
{
  return rng_below (rng, 100) < percent;
}

static guint
rng_weighted (DemoRng     *rng,
              const guint *weights,
              guint        n_weights)
{
  guint total = 0;
  guint pick;

  for (guint i = 0; i < n_weights; i++)
    total += weights[i];
  g_assert (total > 0);

  pick = rng_below (rng, total);
  for (guint i = 0; i < n_weights; i++)
    {
      if (pick < weights[i])
        return i;
      pick -= weights[i];
    }
  g_assert_not_reached ();
  return 0;
}

#define RNG_PICK(rng, array) ((array)[rng_below ((rng), G_N_ELEMENTS (array))])

/* ------------------------------------------------------------------ */
/* The world                                                          */
/* ------------------------------------------------------------------ */

typedef enum
{
  ROLE_DESIGNER,
  ROLE_WRITER,
  ROLE_ARTIST,
  ROLE_SME,
  ROLE_DEVELOPER,
  ROLE_REVIEWER,
  ROLE_MANAGER,
  N_DEMO_ROLES
} DemoRole;

static const struct
{
  const char *name;
  const char *color;
} demo_roles[N_DEMO_ROLES] = {
  [ROLE_DESIGNER]  = { N_("Instructional designer"), "#3584e4" },
  [ROLE_WRITER]    = { N_("Writer"), "#2ec27e" },
  [ROLE_ARTIST]    = { N_("Graphic artist"), "#c061cb" },
  [ROLE_SME]       = { N_("Subject-matter expert"), "#e5a50a" },
  [ROLE_DEVELOPER] = { N_("E-learning developer"), "#ff7800" },
  [ROLE_REVIEWER]  = { N_("Reviewer"), "#9141ac" },
  [ROLE_MANAGER]   = { N_("Project manager"), "#865e3c" },
};

/* Primary roles of a team, in proportion. */
static const guint primary_role_weights[N_DEMO_ROLES] = {
  [ROLE_DESIGNER]  = 4,
  [ROLE_WRITER]    = 2,
  [ROLE_ARTIST]    = 2,
  [ROLE_SME]       = 3,
  [ROLE_DEVELOPER] = 3,
  [ROLE_REVIEWER]  = 1,
  [ROLE_MANAGER]   = 1,
};

/* The first people of a team cover every role once. */
static const DemoRole first_primary_roles[] = {
  ROLE_DESIGNER, ROLE_DEVELOPER, ROLE_WRITER, ROLE_SME,
  ROLE_ARTIST, ROLE_REVIEWER, ROLE_MANAGER,
};

/* Which other roles go with a primary one. */
static const DemoRole role_affinity[N_DEMO_ROLES][3] = {
  [ROLE_DESIGNER]  = { ROLE_WRITER, ROLE_REVIEWER, ROLE_MANAGER },
  [ROLE_WRITER]    = { ROLE_DESIGNER, ROLE_REVIEWER, ROLE_REVIEWER },
  [ROLE_ARTIST]    = { ROLE_DEVELOPER, ROLE_DESIGNER, ROLE_DEVELOPER },
  [ROLE_SME]       = { ROLE_REVIEWER, ROLE_REVIEWER, ROLE_WRITER },
  [ROLE_DEVELOPER] = { ROLE_ARTIST, ROLE_DESIGNER, ROLE_REVIEWER },
  [ROLE_REVIEWER]  = { ROLE_WRITER, ROLE_DESIGNER, ROLE_SME },
  [ROLE_MANAGER]   = { ROLE_DESIGNER, ROLE_REVIEWER, ROLE_DESIGNER },
};

/* GNOME palette, for people and programs. */
static const char * const palette[] = {
  "#3584e4", "#2ec27e", "#e5a50a", "#c061cb", "#ff7800", "#9141ac",
  "#865e3c", "#e01b24", "#1c71d8", "#26a269", "#c64600", "#613583",
  "#33d17a", "#f6d32d", "#62a0ea", "#dc8add",
};

static const char * const first_names[] = {
  "Amina", "Lucas", "Mei", "Oluwaseun", "Sofia", "Mateo", "Priya", "Kenji",
  "Ingrid", "Yusuf", "Chloé", "Aleksandra", "Diego", "Fatima", "Jonas", "Nadia",
  "Tomás", "Hana", "Emeka", "Leila", "Rafael", "Anouk", "Siddharth", "Zanele",
  "Björn", "Camila", "Dmitri", "Ayesha", "Pierre", "Thandiwe", "Wei", "Giulia",
  "Kwame", "Elif", "Mateus", "Saoirse", "Arjun", "Noor", "Henrik", "Lucía",
  "Kofi", "Yuki", "Marta", "Omar", "Ewa", "Tariq", "Ana", "Liam",
};

static const char * const last_names[] = {
  "Haddad", "Okafor", "Chen", "Novak", "García", "Müller", "Kowalski", "Nakamura",
  "Singh", "Andersson", "Rossi", "Dubois", "Mensah", "Yılmaz", "Ivanova", "Fernández",
  "Osei", "Kim", "Petrov", "Silva", "O'Brien", "Nguyen", "Patel", "Jansen",
  "Costa", "Khan", "Lindqvist", "Moreau", "Adeyemi", "Tanaka", "Horvat", "Bianchi",
  "Schmidt", "Hosseini", "Murphy", "Santos", "Mwangi", "Laurent", "Park", "Virtanen",
  "Achebe", "Sato", "Eriksen", "López", "Abara", "Dimitriou", "Reyes", "Wójcik",
};

typedef enum
{
  SECTOR_HEALTH,
  SECTOR_FINANCE,
  SECTOR_PUBLIC,
  SECTOR_SOFTWARE,
  SECTOR_OPERATIONS,
  SECTOR_EDUCATION,
  N_SECTORS
} DemoSector;

static const struct
{
  const char *name;
  const char *organization;
  const char *contact;
  const char *domain;
  DemoSector  sector;
  const char *audience;
} demo_clients[] = {
  { "St. Clare Hospital", "St. Clare University Hospital", "Dr. Amara Okonkwo", "stclare-hospital.example", SECTOR_HEALTH, "nurses and ward clerks" },
  { "Northbank", "Northbank Savings & Loans", "Henrik Lindqvist", "northbank.example", SECTOR_FINANCE, "branch advisers" },
  { "City of Riverton", "Riverton City Council", "Margaret Ellison", "riverton.example", SECTOR_PUBLIC, "front-desk and call-centre staff" },
  { "Lumen Software", "Lumen Software GmbH", "Katrin Vogel", "lumen-software.example", SECTOR_SOFTWARE, "support engineers and partners" },
  { "Harbor Health", "Harbor Health Clinics", "Ravi Menon", "harborhealth.example", SECTOR_HEALTH, "clinic receptionists and nurses" },
  { "Meridian Insurance", "Meridian Mutual Insurance", "Claire Dubois", "meridian-mutual.example", SECTOR_FINANCE, "claims handlers" },
  { "Atlas Logistics", "Atlas Logistics Ltd.", "Tomasz Zieliński", "atlas-logistics.example", SECTOR_OPERATIONS, "warehouse team leads" },
  { "Greenfield Schools", "Greenfield School District", "Aisha Bello", "greenfield-schools.example", SECTOR_EDUCATION, "teachers and teaching assistants" },
  { "Union Credit", "Union Credit Cooperative", "Marco Bianchi", "unioncredit.example", SECTOR_FINANCE, "member-service officers" },
  { "Pinecrest Pharmacy", "Pinecrest Pharmacy Group", "Yuna Choi", "pinecrest-pharmacy.example", SECTOR_HEALTH, "pharmacy technicians" },
  { "Metro Transit", "Metro Transit Authority", "Daniel Osei", "metrotransit.example", SECTOR_PUBLIC, "drivers and station staff" },
  { "Kestrel Cloud", "Kestrel Cloud Services Inc.", "Priyanka Rao", "kestrel-cloud.example", SECTOR_SOFTWARE, "customer success managers" },
  { "Orchard Retail", "Orchard Retail Group", "Sam Whitfield", "orchard-retail.example", SECTOR_OPERATIONS, "store managers" },
  { "Coastal Energy", "Coastal Energy Cooperative", "Ingrid Haugen", "coastal-energy.example", SECTOR_OPERATIONS, "field technicians" },
  { "Helix Biotech", "Helix Biotech AG", "Luca Ferrari", "helix-biotech.example", SECTOR_HEALTH, "laboratory staff" },
  { "Port of Saltmarsh", "Saltmarsh Port Authority", "Grace Adebayo", "saltmarsh-port.example", SECTOR_PUBLIC, "harbour operations staff" },
};

static const char * const branch_names[] = {
  "Lisbon", "Nairobi", "Toronto", "Osaka", "Dublin", "São Paulo", "Melbourne",
  "Warsaw", "Accra", "Montréal", "Seoul", "Lyon", "Auckland", "Cape Town",
};

static const char * const sector_programs[N_SECTORS][6] = {
  [SECTOR_HEALTH]     = { "Patient safety basics", "Hand hygiene refresher", "Clinical documentation",
                          "Electronic health record rollout", "Infection control", "Nurse onboarding" },
  [SECTOR_FINANCE]    = { "Anti-money-laundering update", "Know your customer", "Branch onboarding",
                          "Responsible lending", "Fraud awareness", "Complaints handling" },
  [SECTOR_PUBLIC]     = { "Public records training", "Customer service excellence", "Emergency preparedness",
                          "Procurement rules", "Accessible communication", "Councillor induction" },
  [SECTOR_SOFTWARE]   = { "Product certification", "Developer onboarding", "Secure coding",
                          "Sales enablement", "Support escalation playbook", "Partner academy" },
  [SECTOR_OPERATIONS] = { "Forklift safety", "Warehouse induction", "Store manager essentials",
                          "Point-of-sale rollout", "Site safety induction", "Lockout–tagout" },
  [SECTOR_EDUCATION]  = { "Teacher onboarding", "Classroom technology", "Safeguarding children",
                          "Assessment for learning", "Inclusive classrooms", "Parent communication" },
};

static const char * const generic_programs[] = {
  "Onboarding 2027", "Compliance refresher", "Leadership essentials", "New manager bootcamp",
  "Cybersecurity awareness", "Data privacy (GDPR)", "Diversity and inclusion", "Change management",
  "Coaching skills", "Giving feedback", "Time management", "Presentation skills",
};

static const char * const program_formats[] = {
  "A blended program: short e-learning modules, printable job aids and one live workshop.",
  "Self-paced e-learning with a final assessment, tracked in the client's LMS.",
  "Instructor-led sessions backed by short videos and a quick-reference guide.",
  "A microlearning series: ten-minute modules released every week.",
  "Scenario-based e-learning with branching decisions and a certificate at the end.",
  "A virtual classroom series of four sessions, with pre-work and a manager's guide.",
};

static const char * const program_goals[] = {
  "Learners should be confident on day one and need fewer calls to the help desk.",
  "The aim is a measurable drop in audit findings by the next review.",
  "Success means every learner passes the assessment on the first or second try.",
  "Managers want new staff productive in two weeks instead of six.",
  "It replaces a 90-slide deck that nobody reads.",
  "It must work on shared tablets with no sound.",
};

typedef enum
{
  PHASE_ANALYSIS,
  PHASE_DESIGN,
  PHASE_DEVELOPMENT,
  PHASE_REVIEW,
  N_PHASES
} DemoPhase;

typedef struct
{
  const char *title;      /* may hold one %u: a module number */
  DemoRole    role;
  DemoPhase   phase;
  guint8      min_hours;
  guint8      max_hours;
} DemoTaskKind;

static const DemoTaskKind task_kinds[] = {
  { "Needs analysis interviews", ROLE_DESIGNER, PHASE_ANALYSIS, 8, 16 },
  { "Stakeholder kick-off meeting", ROLE_MANAGER, PHASE_ANALYSIS, 2, 4 },
  { "Audience and task analysis", ROLE_DESIGNER, PHASE_ANALYSIS, 6, 16 },
  { "Review existing materials", ROLE_DESIGNER, PHASE_ANALYSIS, 4, 10 },
  { "Draft learning objectives", ROLE_DESIGNER, PHASE_ANALYSIS, 3, 8 },
  { "Project plan and schedule", ROLE_MANAGER, PHASE_ANALYSIS, 4, 8 },
  { "SME interview for module %u", ROLE_SME, PHASE_ANALYSIS, 1, 2 },
  { "Design document", ROLE_DESIGNER, PHASE_DESIGN, 12, 24 },
  { "Storyboard module %u", ROLE_DESIGNER, PHASE_DESIGN, 8, 24 },
  { "Write script for module %u", ROLE_WRITER, PHASE_DESIGN, 6, 20 },
  { "Visual style guide", ROLE_ARTIST, PHASE_DESIGN, 8, 16 },
  { "Draft quiz items for module %u", ROLE_WRITER, PHASE_DESIGN, 4, 10 },
  { "Scenario outline for module %u", ROLE_DESIGNER, PHASE_DESIGN, 4, 12 },
  { "SME review of quiz items", ROLE_SME, PHASE_DESIGN, 1, 3 },
  { "Build module %u in Storyline", ROLE_DEVELOPER, PHASE_DEVELOPMENT, 16, 40 },
  { "Record voice-over for module %u", ROLE_DEVELOPER, PHASE_DEVELOPMENT, 4, 12 },
  { "Create illustrations for module %u", ROLE_ARTIST, PHASE_DEVELOPMENT, 8, 24 },
  { "Design job aids", ROLE_ARTIST, PHASE_DEVELOPMENT, 6, 16 },
  { "Animate explainer video", ROLE_ARTIST, PHASE_DEVELOPMENT, 16, 40 },
  { "Facilitator guide", ROLE_WRITER, PHASE_DEVELOPMENT, 8, 20 },
  { "SCORM packaging and LMS upload", ROLE_DEVELOPER, PHASE_DEVELOPMENT, 2, 6 },
  { "Copy-edit module %u", ROLE_WRITER, PHASE_DEVELOPMENT, 3, 8 },
  { "SME review of module %u", ROLE_SME, PHASE_REVIEW, 2, 3 },
  { "Accessibility check (WCAG 2.1)", ROLE_REVIEWER, PHASE_REVIEW, 4, 10 },
  { "Final QA pass", ROLE_REVIEWER, PHASE_REVIEW, 4, 12 },
  { "Pilot session with learners", ROLE_DESIGNER, PHASE_REVIEW, 4, 8 },
  { "Client sign-off", ROLE_MANAGER, PHASE_REVIEW, 1, 3 },
  { "Proofread module %u", ROLE_REVIEWER, PHASE_REVIEW, 2, 6 },
};

static const char * const checklists[N_PHASES][5] = {
  [PHASE_ANALYSIS]    = { "Book the interviews", "Prepare the questions", "Collect the org chart",
                          "Agree on success measures", "Send the summary to the client" },
  [PHASE_DESIGN]      = { "Outline the screens", "Draft the narration", "Mark the interactions",
                          "Send to the SME", "Apply the feedback" },
  [PHASE_DEVELOPMENT] = { "Import the assets", "Build the interactions", "Add captions",
                          "Test on a phone", "Publish a review link" },
  [PHASE_REVIEW]      = { "Check every link", "Check alt text", "Check quiz scoring",
                          "Log the issues", "Confirm the fixes" },
};

static const char * const task_descriptions[] = {
  "Agreed at the kick-off: keep it under 20 minutes.",
  "See the client's brand guidelines in the shared folder.",
  "Blocked until the SME returns the marked-up script.",
  "Use the **branching scenario** template from the last project.",
  "The client asked for plain language: aim for a reading age of 12.",
  "Two rounds of review are in the budget, not three.",
  "Reuse what we can from last year's version; the policy changed in section 4 only.",
  "Learners are on shared tablets: no audio-only content.",
};

static const char * const time_off_notes[] = {
  "Vacation", "Conference", "Training course", "Medical appointment",
  "Moving house", "Family event", "Public holiday",
};

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

/* ------------------------------------------------------------------ */
/* Generation                                                          */
/* ------------------------------------------------------------------ */

typedef struct
{
  const BatonDemoSize *size;
  guint32              today;
  guint32              week0;    /* Monday of the current week */

  BatonRole           *roles[N_DEMO_ROLES];
  GPtrArray           *open_stages;   /* BatonStage, not done, by position */
  BatonStage          *done_stage;
  GPtrArray           *all_stages;    /* BatonStage, by position */
  GArray              *last_position; /* gint64 per all_stages: the last card's position */

  GPtrArray           *people;        /* BatonPerson */
  GArray              *primary;       /* DemoRole per person */
  GPtrArray           *holders[N_DEMO_ROLES]; /* BatonPerson holding each role */
  GPtrArray           *busy;          /* BatonPerson kept busy this week */

  GPtrArray           *clients;       /* BatonClient */
  GArray              *client_kind;   /* index into demo_clients per client */
  GPtrArray           *programs;      /* BatonProgram */
  GPtrArray           *client_programs; /* per client: GPtrArray of BatonProgram */

  guint                n_delivered;
} DemoContext;

static void
demo_context_clear (DemoContext *ctx)
{
  g_clear_pointer (&ctx->open_stages, g_ptr_array_unref);
  g_clear_pointer (&ctx->all_stages, g_ptr_array_unref);
  g_clear_pointer (&ctx->last_position, g_array_unref);
  g_clear_pointer (&ctx->people, g_ptr_array_unref);
  g_clear_pointer (&ctx->primary, g_array_unref);
  for (guint i = 0; i < N_DEMO_ROLES; i++)
    g_clear_pointer (&ctx->holders[i], g_ptr_array_unref);
  g_clear_pointer (&ctx->busy, g_ptr_array_unref);
  g_clear_pointer (&ctx->clients, g_ptr_array_unref);
  g_clear_pointer (&ctx->client_kind, g_array_unref);
  g_clear_pointer (&ctx->programs, g_ptr_array_unref);
  g_clear_pointer (&ctx->client_programs, g_ptr_array_unref);
}

/* Property lists for baton_store_updatev (). */
#define MAX_PROPS 16

typedef struct
{
  const char *names[MAX_PROPS];
  GValue      values[MAX_PROPS];
  guint       n;
} PropList;

static GValue *
prop_list_add (PropList   *props,
               const char *name,
               GType       type)
{
  GValue *value;

  g_assert (props->n < MAX_PROPS);
  value = &props->values[props->n];
  props->names[props->n] = name;
  props->n++;
  memset (value, 0, sizeof *value);
  g_value_init (value, type);
  return value;
}

static void
prop_list_add_int (PropList   *props,
                   const char *name,
                   gint64      v)
{
  g_value_set_int64 (prop_list_add (props, name, G_TYPE_INT64), v);
}

static void
prop_list_add_bool (PropList   *props,
                    const char *name,
                    gboolean    v)
{
  g_value_set_boolean (prop_list_add (props, name, G_TYPE_BOOLEAN), v);
}

static void
prop_list_take_string (PropList   *props,
                       const char *name,
                       char       *v)
{
  g_value_take_string (prop_list_add (props, name, G_TYPE_STRING), v);
}

static void
prop_list_add_string (PropList   *props,
                      const char *name,
                      const char *v)
{
  g_value_set_string (prop_list_add (props, name, G_TYPE_STRING), v);
}

static void
prop_list_clear (PropList *props)
{
  for (guint i = 0; i < props->n; i++)
    g_value_unset (&props->values[i]);
  props->n = 0;
}

static gpointer
prop_list_insert (PropList    *props,
                  BatonStore  *store,
                  GType        type,
                  GError     **error)
{
  gpointer record = baton_store_insertv (store, type, props->n, props->names, props->values, error);

  prop_list_clear (props);
  return record;
}

static gboolean
prop_list_apply (PropList    *props,
                 BatonStore  *store,
                 gpointer     record,
                 GError     **error)
{
  gboolean ret = TRUE;

  if (props->n > 0)
    ret = baton_store_updatev (store, record, props->n, props->names, props->values, error);
  prop_list_clear (props);
  return ret;
}

static gint64
record_id (gpointer record)
{
  return baton_record_get_id (BATON_RECORD (record));
}

/* Dates */

static gboolean
is_workday (guint32 julian)
{
  return baton_date_weekday (julian) <= 5;
}

/* The @n-th working day after @day (0 = @day itself when it is one). */
static guint32
add_workdays (guint32 day,
              guint   n)
{
  while (!is_workday (day))
    day++;
  while (n > 0)
    {
      day++;
      if (is_workday (day))
        n--;
    }
  return day;
}

/* A working day in week @week (relative to the current one). */
static guint32
workday_in_week (DemoContext *ctx,
                 DemoRng     *rng,
                 gint         week)
{
  return (guint32) ((gint64) ctx->week0 + 7 * week + rng_between (rng, 0, 4));
}

static char *
format_timestamp (guint32 julian,
                  guint   minute_of_day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_strdup_printf ("%04u-%02u-%02uT%02u:%02u:00Z",
                          (guint) g_date_get_year (&date),
                          (guint) g_date_get_month (&date),
                          (guint) g_date_get_day (&date),
                          minute_of_day / 60, minute_of_day % 60);
}

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

/* Lower-case ASCII letters and digits only, for e-mail addresses. */
static char *
email_part (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
  return g_string_free (out, FALSE);
}

/* Roles and stages */

static gboolean
setup_roles_and_stages (DemoContext  *ctx,
                        BatonStore   *store,
                        GError      **error)
{
  GListModel *roles = baton_store_get_roles (store);
  GListModel *stages = baton_store_get_stages (store);
  guint n;

  for (guint r = 0; r < N_DEMO_ROLES; r++)
    {
      const char *name = _(demo_roles[r].name);

      /* Reuse a role of that name if the workspace came with one. */
      n = g_list_model_get_n_items (roles);
      for (guint i = 0; i < n && ctx->roles[r] == NULL; i++)
        {
          g_autoptr(BatonRole) role = g_list_model_get_item (roles, i);

          if (g_strcmp0 (baton_role_get_name (role), name) == 0)
            ctx->roles[r] = role;
        }

      if (ctx->roles[r] == NULL)
        {
          ctx->roles[r] = baton_store_create_role (store, name, demo_roles[r].color, error);
          if (ctx->roles[r] == NULL)
            return FALSE;
        }
    }

  ctx->open_stages = g_ptr_array_new ();
  ctx->all_stages = g_ptr_array_new ();
  n = g_list_model_get_n_items (stages);
  ctx->last_position = g_array_sized_new (FALSE, TRUE, sizeof (gint64), n);
  g_array_set_size (ctx->last_position, n);   /* an empty workspace: no cards yet */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);

      g_ptr_array_add (ctx->all_stages, stage);

      if (!baton_stage_get_is_done (stage))
        g_ptr_array_add (ctx->open_stages, stage);
      else if (ctx->done_stage == NULL)
        ctx->done_stage = stage;
    }

  if (ctx->open_stages->len == 0 && ctx->size->n_tasks > 0)
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("The workspace has no open stage to put demo tasks in"));
      return FALSE;
    }

  return TRUE;
}

static BatonStage *
backlog_stage (DemoContext *ctx)
{
  return g_ptr_array_index (ctx->open_stages, 0);
}

/* The open stage where work of @phase sits: with the default stages,
 * Analysis, Design, Development and Review. */
static BatonStage *
phase_stage (DemoContext *ctx,
             DemoPhase    phase)
{
  guint m = ctx->open_stages->len;
  guint index;

  if (m <= 1)
    index = 0;
  else
    index = MIN (m - 1, 1 + (guint) phase * (m - 1) / N_PHASES);
  return g_ptr_array_index (ctx->open_stages, index);
}

/* People */

static gint64
pick_capacity (DemoRng  *rng,
               DemoRole  primary)
{
  static const gint64 sme_minutes[] = { 120, 150, 180, 240 };
  static const gint64 team_minutes[] = { 40 * 60, 32 * 60, 24 * 60, 20 * 60 };
  static const guint team_weights[] = { 10, 4, 3, 3 };

  if (primary == ROLE_SME)
    return RNG_PICK (rng, sme_minutes);
  if (primary == ROLE_MANAGER)
    return rng_percent (rng, 75) ? 40 * 60 : 32 * 60;
  return team_minutes[rng_weighted (rng, team_weights, G_N_ELEMENTS (team_weights))];
}

static gboolean
create_people (DemoContext  *ctx,
               BatonStore   *store,
               GError      **error)
{
  g_autoptr(GHashTable) used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_makers = 0;
  DemoRng rng;

  rng_init (&rng, ctx->size->seed, STREAM_PEOPLE);

  for (guint i = 0; i < ctx->size->n_people; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *email = NULL;
      g_autofree char *first_part = NULL;
      g_autofree char *last_part = NULL;
      const char *first = NULL;
      const char *last = NULL;
      gint64 role_ids[3];
      guint n_roles = 0;
      DemoRole primary;
      BatonPerson *person;

      /* Unique names while the lists allow it. */
      for (guint attempt = 0; attempt < 64; attempt++)
        {
          first = RNG_PICK (&rng, first_names);
          last = RNG_PICK (&rng, last_names);
          g_free (name);
          name = g_strdup_printf ("%s %s", first, last);
          if (!g_hash_table_contains (used_names, name))
            break;
        }
      g_hash_table_add (used_names, g_strdup (name));

      first_part = email_part (first);
      last_part = email_part (last);
      if (i < 2000)
        email = g_strdup_printf ("%s.%s@northwind-learning.example", first_part, last_part);
      else
        email = g_strdup_printf ("%s.%s%u@northwind-learning.example", first_part, last_part, i);

      if (i < G_N_ELEMENTS (first_primary_roles))
        primary = first_primary_roles[i];
      else
        primary = rng_weighted (&rng, primary_role_weights, N_DEMO_ROLES);

      person = baton_store_create_person (store, name, email,
                                          pick_capacity (&rng, primary),
                                          palette[i % G_N_ELEMENTS (palette)],
                                          error);
      if (person == NULL)
        return FALSE;

      /* One to three roles, primary first. Experts (a few hours a week,
       * outside the team) stick to theirs. */
      role_ids[n_roles++] = record_id (ctx->roles[primary]);
      g_ptr_array_add (ctx->holders[primary], person);
      {
        guint extra = primary == ROLE_SME ? 0
                                          : (guint) rng_weighted (&rng, (const guint[]) { 3, 4, 2 }, 3);

        for (guint k = 0; k < extra; k++)
          {
            DemoRole other = role_affinity[primary][rng_below (&rng, 3)];
            gboolean dup = FALSE;

            for (guint j = 0; j < n_roles; j++)
              dup |= role_ids[j] == record_id (ctx->roles[other]);
            if (dup)
              continue;
            role_ids[n_roles++] = record_id (ctx->roles[other]);
            g_ptr_array_add (ctx->holders[other], person);
          }
      }

      if (!baton_store_set_person_roles (store, person, role_ids, n_roles, role_ids[0], error))
        return FALSE;

      g_ptr_array_add (ctx->people, person);
      g_array_append_val (ctx->primary, primary);

      /* One maker in four is swamped this week. */
      if (primary != ROLE_SME && primary != ROLE_MANAGER && primary != ROLE_REVIEWER &&
          n_makers++ % 4 == 1)
        g_ptr_array_add (ctx->busy, person);
    }

  return TRUE;
}

static gboolean
create_time_off (DemoContext  *ctx,
                 BatonStore   *store,
                 GError      **error)
{
  static const guint length_weights[] = { 3, 2, 2, 0, 3, 0, 0, 0, 0, 1 };  /* 1…10 days */
  DemoRng rng;

  rng_init (&rng, ctx->size->seed, STREAM_TIME_OFF);

  for (guint i = 0; i < ctx->people->len; i++)
    {
      BatonPerson *person = g_ptr_array_index (ctx->people, i);
      guint n_ranges = 0;

      if (i == 2)
        n_ranges = 1;   /* someone is away next week, for the screenshots */
      else if (rng_percent (&rng, 28))
        n_ranges = rng_percent (&rng, 25) ? 2 : 1;

      for (guint k = 0; k < n_ranges; k++)
        {
          g_autofree char *start = NULL;
          g_autofree char *end = NULL;
          guint32 first;
          guint days;
          const char *note;

          if (i == 2 && k == 0)
            {
              first = ctx->week0 + 7;
              days = 5;
              note = "Vacation";
            }
          else
            {
              first = workday_in_week (ctx, &rng, rng_between (&rng, -2, 10));
              days = 1 + rng_weighted (&rng, length_weights, G_N_ELEMENTS (length_weights));
              note = RNG_PICK (&rng, time_off_notes);
            }

          start = baton_date_format (first);
          end = baton_date_format (add_workdays (first, days - 1));
          if (baton_store_add_time_off (store, person, start, end, note, error) == NULL)
            return FALSE;
        }
    }

  return TRUE;
}

/* Clients and programs */

static gboolean
create_clients (DemoContext  *ctx,
                BatonStore   *store,
                GError      **error)
{
  const guint n_kinds = G_N_ELEMENTS (demo_clients);
  PropList props = { 0 };
  DemoRng rng;

  rng_init (&rng, ctx->size->seed, STREAM_CLIENTS);

  for (guint i = 0; i < ctx->size->n_clients; i++)
    {
      guint kind = i % n_kinds;
      guint round = i / n_kinds;
      g_autofree char *name = NULL;
      g_autofree char *contact = NULL;
      BatonClient *client;

      if (round == 0)
        name = g_strdup (demo_clients[kind].name);
      else if (round <= G_N_ELEMENTS (branch_names))
        name = g_strdup_printf ("%s %s", demo_clients[kind].name, branch_names[round - 1]);
      else
        name = g_strdup_printf ("%s %u", demo_clients[kind].name, round + 1);

      if (round == 0)
        contact = g_strdup (demo_clients[kind].contact);
      else
        contact = g_strdup_printf ("%s %s", RNG_PICK (&rng, first_names), RNG_PICK (&rng, last_names));

      client = baton_store_create_client (store, name, demo_clients[kind].organization, error);
      if (client == NULL)
        return FALSE;

      prop_list_add_string (&props, "contact-name", contact);
      {
        /* "Dr. Amara Okonkwo" → "amara.okonkwo@…" */
        const char *bare = g_str_has_prefix (contact, "Dr. ") ? contact + 4 : contact;
        g_auto(GStrv) words = g_strsplit (bare, " ", -1);
        g_autofree char *given = email_part (words[0]);
        g_autofree char *family = email_part (words[g_strv_length (words) - 1]);

        prop_list_take_string (&props, "email",
                               g_strdup_printf ("%s.%s@%s", given, family, demo_clients[kind].domain));
      }
      prop_list_take_string (&props, "phone",
                             g_strdup_printf ("+1 202-555-01%02u", (i * 37 + 11) % 100));
      if (!prop_list_apply (&props, store, client, error))
        return FALSE;

      g_ptr_array_add (ctx->clients, client);
      g_array_append_val (ctx->client_kind, kind);
      g_ptr_array_add (ctx->client_programs, g_ptr_array_new ());
    }

  return TRUE;
}

static char *
program_name (DemoRng   *rng,
              DemoSector sector,
              GPtrArray *siblings)
{
  const guint n_sector = G_N_ELEMENTS (sector_programs[0]);
  const guint n_generic = G_N_ELEMENTS (generic_programs);

  for (guint attempt = 0; attempt < 16; attempt++)
    {
      /* A client's first program is about its own trade. */
      guint pick = rng_below (rng, siblings->len == 0 ? n_sector : n_sector + n_generic);
      const char *name = pick < n_sector ? sector_programs[sector][pick]
                                         : generic_programs[pick - n_sector];
      gboolean taken = FALSE;

      for (guint i = 0; i < siblings->len && !taken; i++)
        taken = g_strcmp0 (baton_program_get_name (g_ptr_array_index (siblings, i)), name) == 0;
      if (!taken)
        return g_strdup (name);
    }

  return g_strdup_printf ("%s, phase %u", RNG_PICK (rng, generic_programs), siblings->len + 1);
}

static gboolean
create_programs (DemoContext  *ctx,
                 BatonStore   *store,
                 GError      **error)
{
  PropList props = { 0 };
  DemoRng rng;

  if (ctx->clients->len == 0)
    return TRUE;

  rng_init (&rng, ctx->size->seed, STREAM_PROGRAMS);

  for (guint i = 0; i < ctx->size->n_programs; i++)
    {
      guint c = i % ctx->clients->len;
      BatonClient *client = g_ptr_array_index (ctx->clients, c);
      GPtrArray *siblings = g_ptr_array_index (ctx->client_programs, c);
      guint kind = g_array_index (ctx->client_kind, guint, c);
      g_autofree char *name = program_name (&rng, demo_clients[kind].sector, siblings);
      guint32 start = workday_in_week (ctx, &rng, rng_between (&rng, -10, 3));
      guint32 due = add_workdays (start, 5 * (guint) rng_between (&rng, 8, 24) - 1);
      BatonProgram *program;

      program = baton_store_create_program (store, client, name, error);
      if (program == NULL)
        return FALSE;

      prop_list_take_string (&props, "description",
                             g_strdup_printf ("For %s at %s. %s %s",
                                              demo_clients[kind].audience,
                                              demo_clients[kind].organization,
                                              RNG_PICK (&rng, program_formats),
                                              RNG_PICK (&rng, program_goals)));
      prop_list_take_string (&props, "start-date", baton_date_format (start));
      prop_list_take_string (&props, "due-date", baton_date_format (due));
      prop_list_add_string (&props, "color", palette[(i * 5 + 3) % G_N_ELEMENTS (palette)]);
      if (!prop_list_apply (&props, store, program, error))
        return FALSE;

      g_ptr_array_add (ctx->programs, program);
      g_ptr_array_add (siblings, program);
    }

  return TRUE;
}

/* Tasks
 *
 * Cards and checklist items are inserted with baton_store_insertv (), every
 * field at once, rather than with baton_store_create_task () followed by an
 * update, and baton_store_add_checklist_item (): those two look up the
 * stage's last card and the task's last item by scanning every card and
 * every item of the workspace, so 10,000 cards took seconds. The demo
 * knows where it put each card, so it sets the positions itself, with the
 * same ordering rule (increasing positions within a stage, gaps between
 * cards so a move needs no renumbering).
 */

#define DEMO_POSITION_GAP 1024

static gint64
next_card_position (DemoContext *ctx,
                    BatonStage  *stage)
{
  guint index;
  gint64 *last;

  if (!g_ptr_array_find (ctx->all_stages, stage, &index))
    g_assert_not_reached ();
  last = &g_array_index (ctx->last_position, gint64, index);
  *last += DEMO_POSITION_GAP;
  return *last;
}

typedef enum
{
  PLACE_BACKLOG,
  PLACE_PHASE,
  PLACE_DONE,
} DemoPlace;

static gboolean
create_one_task (DemoContext         *ctx,
                 BatonStore          *store,
                 DemoRng             *rng,
                 const DemoTaskKind  *kind,
                 DemoPlace            place,
                 BatonPerson         *assignee,
                 gint64               estimate_minutes,
                 gint                 week,       /* G_MININT: unscheduled */
                 gboolean             from_monday,
                 guint                n_days,
                 GError             **error)
{
  PropList props = { 0 };
  g_autofree char *title = NULL;
  BatonProgram *program = NULL;
  BatonStage *stage;
  BatonTask *task;
  guint32 created;
  guint32 due = 0;

  if (strstr (kind->title, "%u") != NULL)
    title = g_strdup_printf (kind->title, (guint) rng_between (rng, 1, 8));
  else
    title = g_strdup (kind->title);

  if (ctx->programs->len > 0)
    program = g_ptr_array_index (ctx->programs, rng_below (rng, ctx->programs->len));

  switch (place)
    {
    case PLACE_BACKLOG:
      stage = backlog_stage (ctx);
      break;
    case PLACE_DONE:
      stage = ctx->done_stage ? ctx->done_stage : phase_stage (ctx, N_PHASES - 1);
      break;
    case PLACE_PHASE:
    default:
      stage = phase_stage (ctx, kind->phase);
      break;
    }

  prop_list_add_int (&props, "stage-id", record_id (stage));
  prop_list_add_int (&props, "position", next_card_position (ctx, stage));
  prop_list_add_int (&props, "program-id", program ? record_id (program) : 0);
  prop_list_add_string (&props, "title", title);
  prop_list_add_int (&props, "role-id", record_id (ctx->roles[kind->role]));
  if (assignee != NULL)
    prop_list_add_int (&props, "assignee-id", record_id (assignee));
  prop_list_add_int (&props, "estimate-minutes", estimate_minutes);

  if (week != G_MININT)
    {
      guint32 start = workday_in_week (ctx, rng, week);

      if (from_monday)
        start = ctx->week0 + 7 * week;
      due = add_workdays (start, n_days - 1);
      /* A few tasks only have a deadline. */
      if (from_monday || !rng_percent (rng, 12))
        prop_list_take_string (&props, "start-date", baton_date_format (start));
      prop_list_take_string (&props, "due-date", baton_date_format (due));
      created = start - (guint32) rng_between (rng, 1, 21);
    }
  else
    {
      created = ctx->today - (guint32) rng_between (rng, 0, 45);
    }

  prop_list_add_int (&props, "priority",
                     rng_weighted (rng, (const guint[]) { 4, 3, 2, 1 }, 4));
  if (rng_percent (rng, 30))
    prop_list_add_string (&props, "description", RNG_PICK (rng, task_descriptions));
  prop_list_take_string (&props, "created-at",
                         format_timestamp (created, (guint) rng_between (rng, 8 * 60, 17 * 60)));

  if (place == PLACE_DONE && ctx->done_stage != NULL)
    {
      guint32 completed = MIN (due + (guint32) rng_between (rng, 0, 2), ctx->today);

      prop_list_take_string (&props, "completed-at",
                             format_timestamp (completed, (guint) rng_between (rng, 9 * 60, 18 * 60)));
      /* Old deliveries get archived now and then. */
      if (ctx->n_delivered++ % 6 == 2)
        prop_list_add_bool (&props, "archived", TRUE);
    }
  else if (rng_percent (rng, 1))
    {
      prop_list_add_bool (&props, "archived", TRUE);
    }

  task = prop_list_insert (&props, store, BATON_TYPE_TASK, error);
  if (task == NULL)
    return FALSE;

  /* A checklist on about a quarter of the tasks. */
  if (rng_percent (rng, 25))
    {
      guint n_items = (guint) rng_between (rng, 2, 5);
      guint first = rng_below (rng, 5);
      guint n_done;

      switch (place)
        {
        case PLACE_DONE:
          n_done = n_items;
          break;
        case PLACE_BACKLOG:
          n_done = 0;
          break;
        case PLACE_PHASE:
        default:
          n_done = rng_below (rng, n_items);
          break;
        }

      for (guint k = 0; k < n_items; k++)
        {
          if (baton_store_insert (store, BATON_TYPE_CHECKLIST_ITEM, error,
                                  "task-id", record_id (task),
                                  "text", checklists[kind->phase][(first + k) % 5],
                                  "done", (gboolean) (k < n_done),
                                  "position", (gint64) k,
                                  NULL) == NULL)
            return FALSE;
        }
    }

  return TRUE;
}

/* A week in [lo, hi], more likely near @lo: work bunches up in the
 * coming weeks and thins out later. */
static gint
near_week (DemoRng *rng,
           gint     lo,
           gint     hi)
{
  gint a = rng_between (rng, lo, hi);
  gint b = rng_between (rng, lo, hi);

  return MIN (a, b);
}

/* Working days a task of @estimate_minutes takes, at a few hours a day. */
static guint
task_days (DemoRng *rng,
           gint64   estimate_minutes)
{
  gint64 hours_a_day = rng_between (rng, 3, 8);
  gint64 days = (estimate_minutes / 60 + hours_a_day - 1) / hours_a_day;

  return (guint) CLAMP (days, 1, 15);
}

/* A big piece of work (16 hours or more) for @role. */
static const DemoTaskKind *
pick_big_kind_for_role (DemoRng  *rng,
                        DemoRole  role)
{
  guint n = 0;
  guint pick;

#define IS_BIG(k) ((k)->role == role && (k)->max_hours >= 16)
  for (guint i = 0; i < G_N_ELEMENTS (task_kinds); i++)
    n += IS_BIG (&task_kinds[i]);
  if (n == 0)
    return &task_kinds[rng_below (rng, G_N_ELEMENTS (task_kinds))];

  pick = rng_below (rng, n);
  for (guint i = 0; i < G_N_ELEMENTS (task_kinds); i++)
    if (IS_BIG (&task_kinds[i]) && pick-- == 0)
      return &task_kinds[i];
#undef IS_BIG
  g_assert_not_reached ();
  return NULL;
}

static gboolean
create_tasks (DemoContext  *ctx,
              BatonStore   *store,
              GError      **error)
{
  /* Where a task sits: Backlog, its phase's stage, or Delivered. */
  static const guint place_weights[] = { 16, 64, 20 };
  guint n_tasks = ctx->size->n_tasks;
  guint n_hot;
  guint hot_stride = 0;
  guint hot_done = 0;
  DemoRng rng;

  rng_init (&rng, ctx->size->seed, STREAM_TASKS);

  /* Two heavy tasks this week for each busy person, so the grid shows
   * someone over capacity now; spread evenly through the board. */
  n_hot = MIN (2 * ctx->busy->len, n_tasks / 5);
  if (n_hot > 0)
    hot_stride = n_tasks / n_hot;

  for (guint i = 0; i < n_tasks; i++)
    {
      const DemoTaskKind *kind;
      BatonPerson *assignee = NULL;
      DemoPlace place;
      gint64 estimate;
      gint week;

      if (hot_done < n_hot && i == hot_done * hot_stride)
        {
          BatonPerson *person = g_ptr_array_index (ctx->busy, hot_done / 2);
          guint row;
          gint64 capacity = baton_person_get_weekly_capacity_minutes (person);

          g_ptr_array_find (ctx->people, person, &row);
          kind = pick_big_kind_for_role (&rng, g_array_index (ctx->primary, DemoRole, row));
          /* Each takes about two thirds of the week: together well over. */
          estimate = MAX (60, (capacity * 2 / 3 + 30) / 60 * 60);
          hot_done++;

          if (!create_one_task (ctx, store, &rng, kind, PLACE_PHASE, person, estimate,
                                0, TRUE, 5, error))
            return FALSE;
          continue;
        }

      kind = &task_kinds[rng_below (&rng, G_N_ELEMENTS (task_kinds))];
      /* Experts have a few hours a week: ask them half as often. */
      if (kind->role == ROLE_SME && rng_percent (&rng, 50))
        kind = &task_kinds[rng_below (&rng, G_N_ELEMENTS (task_kinds))];
      place = rng_weighted (&rng, place_weights, G_N_ELEMENTS (place_weights));
      estimate = 60 * (gint64) rng_between (&rng, kind->min_hours, kind->max_hours);

      switch (place)
        {
        case PLACE_BACKLOG:
          week = rng_percent (&rng, 45) ? G_MININT : rng_between (&rng, 2, 12);
          break;
        case PLACE_DONE:
          week = rng_between (&rng, -4, -1);
          break;
        case PLACE_PHASE:
        default:
          switch (kind->phase)
            {
            case PHASE_ANALYSIS:
              week = near_week (&rng, -1, 4);
              break;
            case PHASE_DESIGN:
              week = near_week (&rng, 0, 6);
              break;
            case PHASE_DEVELOPMENT:
              week = near_week (&rng, 0, 9);
              break;
            case PHASE_REVIEW:
            default:
              week = near_week (&rng, -1, 3);
              break;
            }
          if (rng_percent (&rng, 8))
            week = G_MININT;
          break;
        }

      /* Most work has someone on it; one task in eight waits for a person,
       * and half of the backlog is not given out yet. */
      if (i % 8 != 3 && ctx->holders[kind->role]->len > 0 &&
          (place != PLACE_BACKLOG || rng_percent (&rng, 50)))
        {
          GPtrArray *holders = ctx->holders[kind->role];

          assignee = g_ptr_array_index (holders, rng_below (&rng, holders->len));
        }

      if (!create_one_task (ctx, store, &rng, kind, place, assignee, estimate, week,
                            FALSE, task_days (&rng, estimate), error))
        return FALSE;
    }

  return TRUE;
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
                          demo_clients[kind].organization, demo_clients[kind].contact, date);
  g_string_append_printf (s, "## Business need\n\n%s. The sponsor wants a plan before the next "
                          "budget round, and a first module in front of learners within two months.\n\n",
                          RNG_PICK (rng, business_needs));
  g_string_append_printf (s, "## Audience\n\nAbout %u learners: %s. Most of them take training "
                          "during quiet hours of a shift, on shared computers.\n\n",
                          (guint) rng_between (rng, 4, 60) * 25, demo_clients[kind].audience);
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
                          title, date, demo_clients[kind].contact, colleague, colleague2);
  g_string_append_printf (s, "%s\n\n%s\n\n",
                          meeting_paragraphs[p],
                          meeting_paragraphs[(p + 1 + rng_below (rng, 3)) % G_N_ELEMENTS (meeting_paragraphs)]);
  g_string_append (s, "## Decisions\n\n");
  g_string_append_printf (s, "- %s\n- %s\n\n",
                          decisions[d], decisions[(d + 1) % G_N_ELEMENTS (decisions)]);
  g_string_append (s, "## Action items\n\n");
  g_string_append_printf (s, "- [x] %s: %s\n", colleague, RNG_PICK (rng, actions));
  g_string_append_printf (s, "- [ ] %s: %s\n", colleague2, RNG_PICK (rng, actions));
  g_string_append_printf (s, "- [ ] %s: %s\n", demo_clients[kind].contact, RNG_PICK (rng, actions));

  return g_string_free (s, FALSE);
}

static gboolean
create_notes (DemoContext  *ctx,
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
            }
        }
    }

  return TRUE;
}

static gboolean
generate_in_batch (BatonStore  *store,
                   gpointer     user_data,
                   GError     **error)
{
  DemoContext *ctx = user_data;

  return setup_roles_and_stages (ctx, store, error) &&
         create_people (ctx, store, error) &&
         create_time_off (ctx, store, error) &&
         create_clients (ctx, store, error) &&
         create_programs (ctx, store, error) &&
         create_tasks (ctx, store, error) &&
         create_notes (ctx, store, error);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */
/* ------------------------------------------------------------------ */

void
baton_demo_size_init_default (BatonDemoSize *size)
{
  g_return_if_fail (size != NULL);

  size->n_clients = 4;
  size->n_programs = 9;
  size->n_people = 14;
  size->n_tasks = 160;
  size->n_notes = 16;
  size->seed = 20261128;
  size->today = 0;
}

gboolean
baton_demo_generate (BatonStore           *store,
                     const BatonDemoSize  *size,
                     GError              **error)
{
  DemoContext ctx = { 0 };
  gboolean ret;

  g_return_val_if_fail (BATON_IS_STORE (store), FALSE);
  g_return_val_if_fail (size != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!baton_store_is_empty (store))
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("A demo workspace can only be created in an empty workspace"));
      return FALSE;
    }

  if (size->n_clients == 0 && (size->n_programs > 0 || size->n_notes > 0))
    {
      g_set_error_literal (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID,
                           _("Demo programs and notes need at least one client"));
      return FALSE;
    }

  ctx.size = size;
  ctx.today = size->today != 0 ? size->today : baton_date_today ();
  ctx.week0 = baton_date_week_start (ctx.today, G_DATE_MONDAY);
  ctx.people = g_ptr_array_sized_new (size->n_people);
  ctx.primary = g_array_sized_new (FALSE, FALSE, sizeof (DemoRole), size->n_people);
  for (guint i = 0; i < N_DEMO_ROLES; i++)
    ctx.holders[i] = g_ptr_array_new ();
  ctx.busy = g_ptr_array_new ();
  ctx.clients = g_ptr_array_sized_new (size->n_clients);
  ctx.client_kind = g_array_sized_new (FALSE, FALSE, sizeof (guint), size->n_clients);
  ctx.programs = g_ptr_array_sized_new (size->n_programs);
  ctx.client_programs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_debug ("Generating a demo workspace: %u clients, %u programs, %u people, %u tasks, %u notes, seed %u",
           size->n_clients, size->n_programs, size->n_people, size->n_tasks, size->n_notes, size->seed);

  ret = baton_store_run_batch (store, NULL, FALSE, generate_in_batch, &ctx, error);

  demo_context_clear (&ctx);
  return ret;
}
