/* baton-history.h — undo and redo of store changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "baton-record.h"

G_BEGIN_DECLS

typedef enum
{
  BATON_OP_INSERT,
  BATON_OP_DELETE,
  BATON_OP_UPDATE,
} BatonOpKind;

/* One row change. @before and @after hold one value per schema field
 * (NULL for the side that does not exist). */
typedef struct
{
  BatonOpKind              kind;
  const BatonRecordSchema *schema;
  gint64                   id;
  GValue                  *before;
  GValue                  *after;
} BatonOp;

typedef struct _BatonChange BatonChange;

BatonChange *baton_change_new        (const char  *label);
void         baton_change_free       (BatonChange *change);
const char  *baton_change_get_label  (BatonChange *change);
void         baton_change_add_op     (BatonChange *change,
                                      BatonOp     *op);   /* takes ownership */
guint        baton_change_get_n_ops  (BatonChange *change);
BatonOp     *baton_change_get_op     (BatonChange *change,
                                      guint        index);
void         baton_change_remove_op  (BatonChange *change,
                                      guint        index);
/* Appends the ops of @other (consumed). */
void         baton_change_merge      (BatonChange *change,
                                      BatonChange *other);

BatonOp     *baton_op_new            (BatonOpKind              kind,
                                      const BatonRecordSchema *schema,
                                      gint64                   id);
void         baton_op_free           (BatonOp     *op);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonChange, baton_change_free)

#define BATON_TYPE_HISTORY (baton_history_get_type ())
G_DECLARE_FINAL_TYPE (BatonHistory, baton_history, BATON, HISTORY, GObject)

#define BATON_HISTORY_DEFAULT_LIMIT 1000

BatonHistory *baton_history_new            (void);
gboolean      baton_history_get_can_undo   (BatonHistory *self);
gboolean      baton_history_get_can_redo   (BatonHistory *self);
/* Label of the change Undo / Redo would revert, or NULL. */
const char   *baton_history_get_undo_label (BatonHistory *self);
const char   *baton_history_get_redo_label (BatonHistory *self);
/* Records a new change; clears the redo stack. Takes ownership. */
void          baton_history_push           (BatonHistory *self,
                                            BatonChange  *change);
/* Used by the store: peek at the next change to undo / redo, and move it
 * to the other stack once it has been applied. */
BatonChange  *baton_history_peek_undo      (BatonHistory *self);
/* Removes the last undo step and returns it (transfer full), or NULL. */
BatonChange  *baton_history_take_undo      (BatonHistory *self);
BatonChange  *baton_history_peek_redo      (BatonHistory *self);
void          baton_history_did_undo       (BatonHistory *self);
void          baton_history_did_redo       (BatonHistory *self);
void          baton_history_clear          (BatonHistory *self);
/* Drops every undo and redo step with an op on a row @touches says yes
 * to; returns the label of the newest one dropped (NULL for none). */
typedef gboolean (*BatonHistoryRowFunc)    (const BatonRecordSchema *schema,
                                            gint64                   id,
                                            gpointer                 user_data);
char         *baton_history_drop_touching  (BatonHistory        *self,
                                            BatonHistoryRowFunc  touches,
                                            gpointer             user_data);

G_END_DECLS
