/* baton-stage-bar.h — a program's tasks by stage, as one segmented bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-notes.h"

G_BEGIN_DECLS

#define BATON_TYPE_STAGE_BAR (baton_stage_bar_get_type ())
G_DECLARE_FINAL_TYPE (BatonStageBar, baton_stage_bar, BATON, STAGE_BAR, GtkWidget)

GtkWidget *baton_stage_bar_new          (void);
/* Shows @progress (copied); @stage_names and @stage_done follow the stages'
 * order and say what the segments are, for the tooltip and screen readers. */
void       baton_stage_bar_set_progress (BatonStageBar              *self,
                                         const BatonProgramProgress *progress,
                                         const char * const         *stage_names,
                                         const gboolean             *stage_done);

G_END_DECLS
