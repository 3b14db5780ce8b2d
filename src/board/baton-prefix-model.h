/* baton-prefix-model.h — the first items of a list, growing on demand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BATON_TYPE_PREFIX_MODEL (baton_prefix_model_get_type ())
G_DECLARE_FINAL_TYPE (BatonPrefixModel, baton_prefix_model, BATON, PREFIX_MODEL, GObject)

BatonPrefixModel *baton_prefix_model_new      (GListModel       *model,
                                               guint             size);
guint             baton_prefix_model_get_size (BatonPrefixModel *self);
void              baton_prefix_model_set_size (BatonPrefixModel *self,
                                               guint             size);

G_END_DECLS
