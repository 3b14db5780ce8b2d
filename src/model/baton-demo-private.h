/* baton-demo-private.h — what the demo generator's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PRNG, the generation context and the small helpers every step uses.
 * The helpers are static inline: the files share them without the model
 * library exporting names like rng_next ().
 */
#pragma once

#include <string.h>

#include "baton-dates.h"
#include "baton-demo.h"

G_BEGIN_DECLS

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
  STREAM_ACTIVITY,
};

static inline guint64
rng_next (DemoRng *rng)
{
  guint64 z;

  rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  z = rng->state;
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static inline void
rng_init (DemoRng *rng,
          guint32  seed,
          guint    stream)
{
  rng->state = ((guint64) seed << 32) ^ ((guint64) stream * G_GUINT64_CONSTANT (0xD1B54A32D192ED03));
  /* Stir so that neighbouring seeds start far apart. */
  rng->state = rng_next (rng);
}

/* Uniform in [0, n). The multiply-shift bias is far below what a demo cares about. */
static inline guint
rng_below (DemoRng *rng,
           guint    n)
{
  g_assert (n > 0);
  return (guint) (((rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* Uniform in [lo, hi], both included. */
static inline gint
rng_between (DemoRng *rng,
             gint     lo,
             gint     hi)
{
  g_assert (hi >= lo);
  return lo + (gint) rng_below (rng, (guint) (hi - lo + 1));
}

static inline gboolean
rng_percent (DemoRng *rng,
             guint    percent)
{
  return rng_below (rng, 100) < percent;
}

static inline guint
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

typedef struct
{
  const char *name;
  const char *organization;
  const char *contact;
  const char *domain;
  DemoSector  sector;
  const char *audience;
} DemoClientKind;

/* The clients a workspace draws from (baton-demo-world.c). */
extern const DemoClientKind _baton_demo_clients[];

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
  GArray              *client_kind;   /* index into _baton_demo_clients per client */
  GPtrArray           *programs;      /* BatonProgram */
  GPtrArray           *client_programs; /* per client: GPtrArray of BatonProgram */

  guint                n_delivered;
  guint                n_scheduled;   /* open tasks with dates, for pinning a few */
  DemoRng              log_rng;       /* the activity log's own stream */
} DemoContext;

/* Property lists for baton_store_updatev (). */
#define MAX_PROPS 16

typedef struct
{
  const char *names[MAX_PROPS];
  GValue      values[MAX_PROPS];
  guint       n;
} PropList;

static inline GValue *
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

static inline void
prop_list_add_int (PropList   *props,
                   const char *name,
                   gint64      v)
{
  g_value_set_int64 (prop_list_add (props, name, G_TYPE_INT64), v);
}

static inline void
prop_list_add_bool (PropList   *props,
                    const char *name,
                    gboolean    v)
{
  g_value_set_boolean (prop_list_add (props, name, G_TYPE_BOOLEAN), v);
}

static inline void
prop_list_take_string (PropList   *props,
                       const char *name,
                       char       *v)
{
  g_value_take_string (prop_list_add (props, name, G_TYPE_STRING), v);
}

static inline void
prop_list_add_string (PropList   *props,
                      const char *name,
                      const char *v)
{
  g_value_set_string (prop_list_add (props, name, G_TYPE_STRING), v);
}

static inline void
prop_list_clear (PropList *props)
{
  for (guint i = 0; i < props->n; i++)
    g_value_unset (&props->values[i]);
  props->n = 0;
}

static inline gpointer
prop_list_insert (PropList    *props,
                  BatonStore  *store,
                  GType        type,
                  GError     **error)
{
  gpointer record = baton_store_insertv (store, type, props->n, props->names, props->values, error);

  prop_list_clear (props);
  return record;
}

static inline gboolean
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

static inline gint64
record_id (gpointer record)
{
  return baton_record_get_id (BATON_RECORD (record));
}

/* Dates */

static inline gboolean
is_workday (guint32 julian)
{
  return baton_date_weekday (julian) <= 5;
}

/* The @n-th working day after @day (0 = @day itself when it is one). */
static inline guint32
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
static inline guint32
workday_in_week (DemoContext *ctx,
                 DemoRng     *rng,
                 gint         week)
{
  return (guint32) ((gint64) ctx->week0 + 7 * week + rng_between (rng, 0, 4));
}

/* "2026-11-25T16:30:00Z": a store timestamp at a minute of @julian. */
static inline char *
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

/* The steps after the roles and stages, in the order
 * baton_demo_generate () takes them. */

/* baton-demo-world.c */
gboolean _baton_demo_create_people          (DemoContext  *ctx,
                                             BatonStore   *store,
                                             GError      **error);
gboolean _baton_demo_create_time_off        (DemoContext  *ctx,
                                             BatonStore   *store,
                                             GError      **error);
gboolean _baton_demo_create_clients         (DemoContext  *ctx,
                                             BatonStore   *store,
                                             GError      **error);
gboolean _baton_demo_create_programs        (DemoContext  *ctx,
                                             BatonStore   *store,
                                             GError      **error);
/* baton-demo-tasks.c */
gboolean _baton_demo_create_tasks           (DemoContext  *ctx,
                                             BatonStore   *store,
                                             GError      **error);
/* baton-demo-notes.c */
gboolean _baton_demo_create_notes           (DemoContext  *ctx,
                                             BatonStore   *store,
                                             GError      **error);

G_END_DECLS
