/* baton-csv-import-private.h — the CSV import's plan, shared by its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * baton-csv-import.c resolves names and plans, baton-csv-rows.c reads and
 * checks the cells of one row, baton-csv-apply.c writes the plan.
 */
#pragma once

#include "baton-csv.h"

G_BEGIN_DECLS

#define NEW_PERSON_MINUTES (40 * 60)


typedef enum { STATUS_NONE = -1, STATUS_OPEN, STATUS_DONE, STATUS_ARCHIVED } Status;

/* Names of one kind: the records there are, the ones to create. */
typedef struct
{
  GType       type;
  GHashTable *exact;      /* name → record (a reference: the store may drop it) */
  GHashTable *folded;     /* casefolded name → record */
  GHashTable *created;    /* casefolded key → record, filled while applying */
  GPtrArray  *new_keys;   /* casefolded keys to create, in first-seen order */
  GHashTable *new_names;  /* casefolded key → the name as first written */
} Names;

typedef struct
{
  guint      line;
  BatonTask *task;            /* the task of the workspace with this id (a reference) */
  guint64    has;             /* bit per BatonCsvField: the cell is in the file */
  gboolean   unchanged;

  char      *client_key;      /* NULL: no program */
  char      *program_key;     /* "client\x1fprogram", casefolded */
  char      *stage_key;       /* NULL: from the status */
  char      *assignee_key;    /* NULL: unassigned */
  char      *role_key;
  char      *title;
  char      *notes;
  char      *start_date;
  char      *due_date;
  char      *created_at;
  char      *updated_at;
  char      *completed_at;
  char      *checklist;       /* canonical "[x] text" lines, or NULL */
  gint64     position;
  gint64     estimate;
  gint64     priority;
  gboolean   pinned;
  Status     status;
} Row;

struct _BatonCsvImport
{
  BatonStore      *store;
  BatonCsvPreview  preview;
  GPtrArray       *rows;      /* Row */
  Names            clients, programs, roles, stages, people;
  GHashTable      *program_clients;  /* program key → client key */
  GHashTable      *stage_ends;       /* stage key → last position */
  GHashTable      *new_person_roles; /* key of a new person → key of the role of their first task */
};

#define HAS(row, field) (((row)->has & (G_GUINT64_CONSTANT (1) << (field))) != 0)

void      _baton_csv_row_free       (Row             *row);
void      _baton_csv_names_init     (Names           *names,
                                     GType            type);
void      _baton_csv_names_clear    (Names           *names);
/* Adds the records of @list (which have a "name") to @names. */
void      _baton_csv_names_fill     (Names           *names,
                                     GListModel      *list);
char     *_baton_csv_names_resolve  (Names           *names,
                                     const char      *name,
                                     guint           *n_new);
gpointer  _baton_csv_names_get      (Names           *names,
                                     const char      *key);
void      _baton_csv_set_cell_error (GError         **error,
                                     guint            line,
                                     const char      *format,
                                     ...) G_GNUC_PRINTF (3, 4);
void      _baton_csv_add_warning    (BatonCsvImport  *self,
                                     guint            line,
                                     const char      *format,
                                     ...) G_GNUC_PRINTF (3, 4);
char     *_baton_csv_unescape_item  (const char      *text);
gboolean  _baton_csv_parse_yes_no   (const char      *text,
                                     const char      *field,
                                     guint            line,
                                     gboolean        *value,
                                     GError         **error);
Row      *_baton_csv_parse_row      (BatonCsvImport        *self,
                                     GPtrArray             *cells,
                                     const BatonCsvMapping *mapping,
                                     guint                  line,
                                     GHashTable            *ids,
                                     GError               **error);
gboolean  _baton_csv_apply_batch    (BatonStore      *store,
                                     gpointer         user_data,
                                     GError         **error);

G_END_DECLS
