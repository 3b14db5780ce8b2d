/* baton-demo.h — a deterministic demo workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint   n_clients;
  guint   n_programs;   /* spread over the clients */
  guint   n_people;
  guint   n_tasks;
  guint   n_notes;
  guint32 seed;
  guint32 today;        /* julian day the schedule is built around; 0 = today */
} BatonDemoSize;

/* The size used by --demo and the screenshots. */
void     baton_demo_size_init_default (BatonDemoSize       *size);

/* Fills an empty workspace (see baton_store_is_empty ()) in one
 * transaction, without undo history. The same size and seed give the
 * same workspace. */
gboolean baton_demo_generate          (BatonStore          *store,
                                       const BatonDemoSize *size,
                                       GError             **error);

G_END_DECLS
