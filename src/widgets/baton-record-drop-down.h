/* baton-record-drop-down.h — a dropdown over records, chosen by id
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-record.h"

G_BEGIN_DECLS

#define BATON_TYPE_RECORD_DROP_DOWN (baton_record_drop_down_get_type ())
G_DECLARE_FINAL_TYPE (BatonRecordDropDown, baton_record_drop_down, BATON, RECORD_DROP_DOWN, GtkWidget)

GtkWidget     *baton_record_drop_down_new             (void);

/* The records to choose from (a GListModel of BatonRecord), shown after a
 * first "none" row. */
GListModel    *baton_record_drop_down_get_model       (BatonRecordDropDown *self);
void           baton_record_drop_down_set_model       (BatonRecordDropDown *self,
                                                       GListModel          *records);
/* The text of the "none" row (id 0). */
const char    *baton_record_drop_down_get_none_label  (BatonRecordDropDown *self);
void           baton_record_drop_down_set_none_label  (BatonRecordDropDown *self,
                                                       const char          *label);
/* Adds a row after the "none" row and the extra rows before it, chosen
 * by @id (negative: record ids are positive). */
void           baton_record_drop_down_add_extra_row   (BatonRecordDropDown *self,
                                                       const char          *label,
                                                       gint64               id);
/* Evaluated on a record, the text of its row (a string expression);
 * NULL: the record's "name" property. */
GtkExpression *baton_record_drop_down_get_expression  (BatonRecordDropDown *self);
void           baton_record_drop_down_set_expression  (BatonRecordDropDown *self,
                                                       GtkExpression       *expression);

/* The id of the chosen record, 0 for the "none" row. An id not in the
 * model chooses the "none" row. */
gint64         baton_record_drop_down_get_selected_id (BatonRecordDropDown *self);
void           baton_record_drop_down_set_selected_id (BatonRecordDropDown *self,
                                                       gint64               id);
/* The chosen record, or NULL for the "none" row. */
BatonRecord   *baton_record_drop_down_get_selected    (BatonRecordDropDown *self);

/* The GtkDropDown inside (its rows are GtkStringObjects holding the
 * labels); also the internal child "drop-down" in a .ui file. */
GtkDropDown   *baton_record_drop_down_get_drop_down   (BatonRecordDropDown *self);

G_END_DECLS
