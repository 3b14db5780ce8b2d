/* baton-task-chip-private.h — what baton-task-chip's tests read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baton-task-chip.h"

G_BEGIN_DECLS

/* What it shows, for tests: "Storyboard", "30 h". */
const char *baton_task_chip_get_title (BatonTaskChip *self);
const char *baton_task_chip_get_hours (BatonTaskChip *self);

G_END_DECLS
