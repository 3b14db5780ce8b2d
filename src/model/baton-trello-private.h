/* baton-trello-private.h — the Trello import's board and plan, shared by its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * baton-trello-reader.c reads the export's nodes; baton-trello.c checks
 * them into a Board; baton-trello-plan.c plans it against the workspace
 * (the preview) and writes the plan; baton-trello-import.c is the import
 * object that holds them.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "baton-trello.h"

G_BEGIN_DECLS

#define TRELLO_NEW_PERSON_MINUTES (40 * 60)
#define TRELLO_POSITION_GAP 1024

typedef struct
{
  char     *id;
  char     *name;
  gboolean  closed;
  double    pos;
  guint     index;      /* in the export's array */
} TrelloList;

typedef struct
{
  char     *name;
  gboolean  complete;
  double    pos;
} TrelloItem;

typedef struct
{
  char      *id;
  char      *name;
  double     pos;
  GPtrArray *items;     /* TrelloItem, in pos order */
} TrelloChecklist;

typedef struct
{
  char *author;
  char *date;           /* as in the export (ISO 8601), for sorting */
  char *day;            /* the local date, YYYY-MM-DD, or NULL */
  char *text;
} TrelloComment;

typedef struct
{
  char *name;
  char *url;
} TrelloAttachment;

typedef struct
{
  char       *id;
  char       *name;
  char       *desc;
  gboolean    closed;
  TrelloList *list;         /* NULL: a dangling idList (the card is skipped) */
  double      pos;
  char       *start;        /* local date YYYY-MM-DD or NULL */
  char       *due;
  gboolean    due_complete;
  GPtrArray  *member_ids;   /* char *, known members only */
  GPtrArray  *label_ids;    /* char *, known labels only */
  GPtrArray  *checklists;   /* TrelloChecklist (owned by the board), in pos order */
  GPtrArray  *comments;     /* TrelloComment, oldest first */
  GPtrArray  *attachments;  /* TrelloAttachment */
  guint       index;
} TrelloCard;

typedef struct
{
  char *id;
  char *name;
  char *color;
} TrelloLabel;

typedef struct
{
  BatonTrelloMember public;  /* first: the strings below back it */
  char             *id;
  char             *full_name;
  char             *username;
} TrelloMember;

typedef struct
{
  char       *name;
  GPtrArray  *lists;        /* TrelloList, in pos order */
  GPtrArray  *cards;        /* TrelloCard, by list order then pos */
  GPtrArray  *checklists;   /* TrelloChecklist */
  GPtrArray  *members;      /* TrelloMember, export order */
  GHashTable *labels;       /* id → TrelloLabel */
  GPtrArray  *warnings;     /* char *, found while reading */
} TrelloBoard;

struct _BatonTrelloImport
{
  BatonStore         *store;
  TrelloBoard        *board;
  gint64              client_id;
  gboolean            include_archived;
  BatonTrelloPreview  preview;
  gpointer            plan;         /* TrelloPlan, NULL when stale */
  gulong              changed_id;   /* the store's ::changed makes the plan stale */
  BatonProgram       *program;      /* after apply */
};

/* Reading nodes (baton-trello-reader.c) */
/* Reading nodes: the first error wins, and every read after it returns the
 * default, so a loop can read a whole object and check once. */
typedef struct
{
  TrelloBoard *board;
  GHashTable  *checklists;   /* id → TrelloChecklist, once read */
  GError      *error;
} Reader;

const char *_baton_trello_node_kind      (JsonNode    *node);
void        _baton_trello_type_error     (Reader      *reader,
                                          const char  *path,
                                          const char  *expected,
                                          JsonNode    *found);
void        _baton_trello_warn           (Reader      *reader,
                                          const char  *format,
                                          ...) G_GNUC_PRINTF (2, 3);
/* A string member; NULL when missing or null. */
char       *_baton_trello_read_string    (Reader      *reader,
                                          JsonObject  *object,
                                          const char  *path,
                                          const char  *member);
/* A string that must be there (an id). */
char       *_baton_trello_read_id        (Reader      *reader,
                                          JsonObject  *object,
                                          const char  *path,
                                          const char  *member);
gboolean    _baton_trello_read_bool      (Reader      *reader,
                                          JsonObject  *object,
                                          const char  *path,
                                          const char  *member);
double      _baton_trello_read_pos       (Reader      *reader,
                                          JsonObject  *object,
                                          const char  *path,
                                          const char  *member);
/* An array member; NULL when missing or null. */
JsonArray  *_baton_trello_read_array     (Reader      *reader,
                                          JsonObject  *object,
                                          const char  *path,
                                          const char  *member);
/* The object at @index of @array, or NULL (with the error set). */
JsonObject *_baton_trello_element_object (Reader      *reader,
                                          JsonArray   *array,
                                          guint        index,
                                          const char  *path);
/* A name as the workspace takes it: trimmed, one line, not too long. */
char       *_baton_trello_clean_name     (Reader      *reader,
                                          const char  *name,
                                          const char  *path);
/* An ISO 8601 time as a local date, or NULL (with a warning). */
char       *_baton_trello_local_date     (Reader      *reader,
                                          const char  *text,
                                          const char  *path);

/* The board (baton-trello.c) */
TrelloBoard  *_baton_trello_board_read  (const char    *data,
                                         gsize          length,
                                         GError       **error);
void          _baton_trello_board_free  (TrelloBoard   *board);
TrelloMember *_baton_trello_board_find_member (TrelloBoard *board,
                                               const char  *id);
/* Plan (baton-trello-plan.c) */
void          _baton_trello_plan_free   (gpointer       plan);
void          _baton_trello_import_replan (BatonTrelloImport *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrelloBoard, _baton_trello_board_free)

G_END_DECLS
