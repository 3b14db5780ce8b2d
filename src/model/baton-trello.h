/* baton-trello.h — importing a board exported from Trello as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Trello's board export (Board menu → Print, export and share → Export as
 * JSON) is read whole, checked, and planned against the workspace without
 * writing anything; the caller shows the preview, may change the member
 * mapping and the options, then applies the plan in one transaction and
 * one undo step. The board becomes a program of a client the caller
 * chooses, named after the board (a program of that client with the
 * board's name, ignoring case, is reused: that is how importing the same
 * board again updates it).
 *
 * The mapping:
 *
 * - Lists → stages. Open lists (and archived ones with include_archived),
 *   in the order of their float `pos`, are matched by name (trimmed,
 *   ignoring case) to the workspace's stages; the others are added at the
 *   end, in that order.
 * - Cards → tasks, in `pos` order at the end of their stage: `name` → the
 *   title (at most BATON_MAX_NAME_LENGTH characters), `desc` → the notes
 *   (task description; longer than BATON_TRELLO_MAX_DESCRIPTION bytes is
 *   cut there, with a warning), `start`/`due` (ISO 8601 times) → the start
 *   and due dates, as local dates. A card with `dueComplete` goes to the
 *   workspace's first done stage (a "Done" stage is added when there is
 *   none).
 * - Checklists → checklist items, checklists in `pos` order and items in
 *   `pos` order, done where `state` is "complete". When a card has more
 *   than one checklist, each item's text starts with its checklist's name:
 *   "Checklist name: item".
 * - Members → people through the member mapping (one entry per Trello
 *   member: an existing person, a new person, or nobody). The default
 *   mapping takes the person with the member's full name (ignoring case),
 *   else creates one. A card's first member is the task's assignee (none
 *   when that member is mapped to nobody); the others are named in the
 *   notes. A new person (40 hours a week, no role) is created only for a
 *   member who is the assignee of an imported card.
 * - Labels → the task's role when a label's name is a role's name
 *   (ignoring case; the first such label); the other labels are listed in
 *   the notes by name (by colour when unnamed).
 * - `commentCard` actions → appended to the notes, oldest first, each with
 *   its author and date. Trello's export holds only the board's most recent
 *   actions, so older comments are missing (the preview says so).
 * - Attachments → Markdown links in the notes; nothing is downloaded.
 * - Archived (`closed`) lists and cards are skipped, unless
 *   include_archived is set: then they are imported as archived tasks.
 *
 * The notes of a task are the card's description, then (after a line
 * "---" when there is a description) the sections that apply, in this
 * order, one line each: "Labels: a, b",
 * "Also on this card: Name, Name", "Attachments:" with one "- [name](url)"
 * line each, and "Comments:" with one "- Author, YYYY-MM-DD: text" entry
 * each (continuation lines indented by two spaces).
 *
 * Each task keeps its card's id as its external id, "trello:<card id>"
 * (unique within a program). Importing a board again into the same program
 * updates the tasks it made (title, notes, dates, stage, assignee, role,
 * archived, and the checklist, which is replaced) and adds the new cards;
 * it deletes nothing.
 *
 * Bad input: a file larger than BATON_TRELLO_MAX_BYTES, text that is not
 * JSON (truncated, garbage, invalid UTF-8, nested too deep) and JSON that
 * is not a Trello board export are refused with an error that says why.
 * Smaller problems are listed as warnings in the preview and imported
 * around: a card whose list is missing is skipped, a missing checklist,
 * member or label is ignored, an empty name is replaced, an over-long text
 * is cut.
 */
#pragma once

#include <gio/gio.h>

#include "baton-store.h"

G_BEGIN_DECLS

/**
 * BatonTrelloError:
 * @BATON_TRELLO_ERROR_PARSE: the text is not JSON (or not UTF-8, or nested
 *   too deeply); the message says where
 * @BATON_TRELLO_ERROR_NOT_TRELLO: JSON, but not a Trello board export, or a
 *   member of the wrong type; the message names the member
 * @BATON_TRELLO_ERROR_TOO_LARGE: the file is larger than
 *   BATON_TRELLO_MAX_BYTES
 * @BATON_TRELLO_ERROR_INVALID: the caller's choices cannot be applied (no
 *   such client or person)
 */
typedef enum
{
  BATON_TRELLO_ERROR_PARSE,
  BATON_TRELLO_ERROR_NOT_TRELLO,
  BATON_TRELLO_ERROR_TOO_LARGE,
  BATON_TRELLO_ERROR_INVALID,
} BatonTrelloError;

#define BATON_TRELLO_ERROR (baton_trello_error_quark ())
GQuark baton_trello_error_quark (void);

/* The largest file the import reads. */
#define BATON_TRELLO_MAX_BYTES (G_GUINT64_CONSTANT (40) * 1024 * 1024)
/* The longest card description kept whole, in bytes (Trello allows 16384
 * characters). */
#define BATON_TRELLO_MAX_DESCRIPTION (64 * 1024)
/* The prefix of a task's external id. */
#define BATON_TRELLO_EXTERNAL_ID_PREFIX "trello:"

typedef enum
{
  BATON_TRELLO_MEMBER_PERSON,      /* an existing person (person_id) */
  BATON_TRELLO_MEMBER_CREATE,      /* a new person with the member's full name */
  BATON_TRELLO_MEMBER_UNASSIGNED,  /* nobody: the member's cards are unassigned */
} BatonTrelloMemberAction;

typedef struct
{
  const char              *id;         /* Trello's member id */
  const char              *full_name;  /* never empty (the username when it is) */
  const char              *username;   /* may be NULL */
  BatonTrelloMemberAction  action;
  gint64                   person_id;  /* with BATON_TRELLO_MEMBER_PERSON */
} BatonTrelloMember;

/* What applying will do, known before anything is written. */
typedef struct
{
  const char *board_name;
  gboolean    program_exists;       /* the client has a program of that name: updated */
  guint       n_stages_matched;     /* lists imported into an existing stage */
  guint       n_stages_new;         /* stages to add (a "Done" stage included) */
  guint       n_cards;              /* cards imported */
  guint       n_new_tasks;
  guint       n_updated_tasks;      /* cards imported before: their tasks are updated */
  guint       n_checklist_items;
  guint       n_comments;
  guint       n_attachments;
  guint       n_people_matched;     /* members mapped to an existing person */
  guint       n_people_new;         /* people to create: members mapped to a new
                                     * person who are an imported card's assignee */
  guint       n_people_unassigned;  /* members mapped to nobody */
  guint       n_skipped_lists;      /* archived lists skipped */
  guint       n_skipped_cards;      /* archived cards (or cards of archived lists) skipped */
  const char *actions_notice;       /* translated: the export holds only recent actions */
  GPtrArray  *warnings;             /* char *, translated, in board order */
} BatonTrelloPreview;

/* An import belongs to its store's thread. To write from a worker thread,
 * make it there on a store of that thread's own (the same choices carry
 * over: client id, include_archived, member ids and person ids). */
typedef struct _BatonTrelloImport BatonTrelloImport;

/* Reads and checks a Trello board export (@data need not be
 * NUL-terminated) and plans its import into @store with the default member
 * mapping, archived cards skipped, and no client chosen yet. Writes
 * nothing. */
BatonTrelloImport        *baton_trello_import_new             (BatonStore         *store,
                                                               const char         *data,
                                                               gsize               length,
                                                               GError            **error);
BatonTrelloImport        *baton_trello_import_new_file        (BatonStore         *store,
                                                               const char         *path,
                                                               GError            **error);
void                      baton_trello_import_free            (BatonTrelloImport  *self);

const char               *baton_trello_import_get_board_name  (BatonTrelloImport  *self);
/* The client whose program the board becomes (0: none chosen yet; apply
 * refuses). */
void                      baton_trello_import_set_client_id   (BatonTrelloImport  *self,
                                                               gint64              client_id);
gint64                    baton_trello_import_get_client_id   (BatonTrelloImport  *self);
gboolean                  baton_trello_import_get_include_archived (BatonTrelloImport *self);
void                      baton_trello_import_set_include_archived (BatonTrelloImport *self,
                                                                    gboolean           include_archived);

/* The board's members, in the export's order, with their current mapping. */
guint                     baton_trello_import_get_n_members   (BatonTrelloImport  *self);
const BatonTrelloMember  *baton_trello_import_get_member      (BatonTrelloImport  *self,
                                                               guint               index);
/* Maps the member with Trello id @member_id; @person_id with
 * BATON_TRELLO_MEMBER_PERSON only. FALSE (BATON_TRELLO_ERROR_INVALID) for
 * an unknown member or person. */
gboolean                  baton_trello_import_set_member      (BatonTrelloImport        *self,
                                                               const char               *member_id,
                                                               BatonTrelloMemberAction   action,
                                                               gint64                    person_id,
                                                               GError                  **error);

/* The plan with the current choices, against the store as it is now. */
const BatonTrelloPreview *baton_trello_import_get_preview     (BatonTrelloImport  *self);

/* Writes the plan in one transaction and one undo step ("Import Trello
 * Board “name”"); on an error nothing is written. */
gboolean                  baton_trello_import_apply           (BatonTrelloImport  *self,
                                                               GError            **error);
/* The program the last apply wrote into, or NULL. */
BatonProgram             *baton_trello_import_get_program     (BatonTrelloImport  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonTrelloImport, baton_trello_import_free)

G_END_DECLS
