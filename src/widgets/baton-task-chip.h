/* baton-task-chip.h — a task as a small chip: role color, title, hours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-entities.h"

G_BEGIN_DECLS

#define BATON_TYPE_TASK_CHIP (baton_task_chip_get_type ())
G_DECLARE_FINAL_TYPE (BatonTaskChip, baton_task_chip, BATON, TASK_CHIP, GtkWidget)

/* A chip for @task as it is dragged: a bar in @role's color (none when
 * @role is NULL), the title and @minutes as hours ("16 h"). It paints its
 * whole rectangle (no shadow or margin), so it can serve as a drag icon on
 * a display without a compositor. */
GtkWidget  *baton_task_chip_new       (BatonTask     *task,
                                       BatonRole     *role,
                                       double         minutes);
BatonTask  *baton_task_chip_get_task  (BatonTaskChip *self);
G_END_DECLS
