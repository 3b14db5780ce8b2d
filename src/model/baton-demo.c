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
 *
 * This file sets up the roles and stages and runs the steps; the team and
 * the clients are baton-demo-world.c, the cards baton-demo-tasks.c, the
 * notes baton-demo-notes.c, each with the tables it draws from.
 * baton-demo-private.h holds what they share.
 */

#define G_LOG_DOMAIN "baton-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-demo-private.h"

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

/* ------------------------------------------------------------------ */
/* Generation                                                          */
/* ------------------------------------------------------------------ */

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

static gboolean
generate_in_batch (BatonStore  *store,
                   gpointer     user_data,
                   GError     **error)
{
  DemoContext *ctx = user_data;

  return setup_roles_and_stages (ctx, store, error) &&
         _baton_demo_create_people (ctx, store, error) &&
         _baton_demo_create_time_off (ctx, store, error) &&
         _baton_demo_create_clients (ctx, store, error) &&
         _baton_demo_create_programs (ctx, store, error) &&
         _baton_demo_create_tasks (ctx, store, error) &&
         _baton_demo_create_notes (ctx, store, error);
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
