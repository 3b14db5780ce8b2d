/* baton-demo-world.c — the demo's world: the team and the clients
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The people of a training team, their roles and time off, and the clients
 * with their programs, drawn from the tables below.
 */

#define G_LOG_DOMAIN "baton-demo"

#include "config.h"

#include "baton-demo-private.h"

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

const DemoClientKind _baton_demo_clients[] = {
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

static const char * const time_off_notes[] = {
  "Vacation", "Conference", "Training course", "Medical appointment",
  "Moving house", "Family event", "Public holiday",
};

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

gboolean
_baton_demo_create_people (DemoContext  *ctx,
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

gboolean
_baton_demo_create_time_off (DemoContext  *ctx,
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

gboolean
_baton_demo_create_clients (DemoContext  *ctx,
                            BatonStore   *store,
                            GError      **error)
{
  const guint n_kinds = G_N_ELEMENTS (_baton_demo_clients);
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
        name = g_strdup (_baton_demo_clients[kind].name);
      else if (round <= G_N_ELEMENTS (branch_names))
        name = g_strdup_printf ("%s %s", _baton_demo_clients[kind].name, branch_names[round - 1]);
      else
        name = g_strdup_printf ("%s %u", _baton_demo_clients[kind].name, round + 1);

      if (round == 0)
        contact = g_strdup (_baton_demo_clients[kind].contact);
      else
        contact = g_strdup_printf ("%s %s", RNG_PICK (&rng, first_names), RNG_PICK (&rng, last_names));

      client = baton_store_create_client (store, name, _baton_demo_clients[kind].organization, error);
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
                               g_strdup_printf ("%s.%s@%s", given, family, _baton_demo_clients[kind].domain));
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

gboolean
_baton_demo_create_programs (DemoContext  *ctx,
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
      g_autofree char *name = program_name (&rng, _baton_demo_clients[kind].sector, siblings);
      guint32 start = workday_in_week (ctx, &rng, rng_between (&rng, -10, 3));
      guint32 due = add_workdays (start, 5 * (guint) rng_between (&rng, 8, 24) - 1);
      BatonProgram *program;

      program = baton_store_create_program (store, client, name, error);
      if (program == NULL)
        return FALSE;

      prop_list_take_string (&props, "description",
                             g_strdup_printf ("For %s at %s. %s %s",
                                              _baton_demo_clients[kind].audience,
                                              _baton_demo_clients[kind].organization,
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
