/* baton-types.h — shared forward declarations and error domains
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _BatonStore          BatonStore;
typedef struct _BatonHistory        BatonHistory;
typedef struct _BatonRecord         BatonRecord;
typedef struct _BatonRole           BatonRole;
typedef struct _BatonPerson         BatonPerson;
typedef struct _BatonPersonRole     BatonPersonRole;
typedef struct _BatonTimeOff        BatonTimeOff;
typedef struct _BatonClient         BatonClient;
typedef struct _BatonProgram        BatonProgram;
typedef struct _BatonStage          BatonStage;
typedef struct _BatonTask           BatonTask;
typedef struct _BatonChecklistItem  BatonChecklistItem;
typedef struct _BatonNote           BatonNote;
typedef struct _BatonNoteRevision   BatonNoteRevision;
typedef struct _BatonActivity       BatonActivity;

/**
 * BatonStoreError:
 * @BATON_STORE_ERROR_INVALID: input failed validation; the message says which field and why
 * @BATON_STORE_ERROR_NOT_FOUND: a referenced record does not exist
 * @BATON_STORE_ERROR_IN_USE: the record is still referenced and cannot be deleted
 * @BATON_STORE_ERROR_NEWER_SCHEMA: the database was written by a newer Baton
 * @BATON_STORE_ERROR_CORRUPT: the file is a damaged database
 * @BATON_STORE_ERROR_OPEN: the file cannot be opened or created
 * @BATON_STORE_ERROR_SQL: SQLite reported an error Baton did not expect (its
 *   message is kept), or the disk reported an input/output error
 * @BATON_STORE_ERROR_NOTHING_TO_UNDO: the history is empty in that direction
 * @BATON_STORE_ERROR_PARSE: an imported document is malformed; the message says where
 * @BATON_STORE_ERROR_NOT_BATON: the file is not a Baton workspace (another
 *   program's database, not a database, or empty); it was not changed
 * @BATON_STORE_ERROR_LOCKED: another program holds a lock on the workspace
 * @BATON_STORE_ERROR_READ_ONLY: the workspace file cannot be written (or the
 *   store was opened read-only because of that)
 * @BATON_STORE_ERROR_DISK_FULL: the disk has no room for the change
 * @BATON_STORE_ERROR_STALE: a change was planned on records that have
 *   changed since (a rebalance plan); nothing was written
 * @BATON_STORE_ERROR_AUTH: a team server wants a password it was not given,
 *   or refused the one it was given
 * @BATON_STORE_ERROR_UNREACHABLE: a team server cannot be reached (only
 *   when the caller asked for BATON_STORE_OPEN_REQUIRE_SERVER)
 * @BATON_STORE_ERROR_CONFLICT: someone else changed the rows since (an
 *   undo refused in a team workspace); nothing was written
 *
 * The messages of the last four, and of %BATON_STORE_ERROR_CORRUPT, are
 * written for people; SQLite's own text goes to the debug log only.
 */
typedef enum
{
  BATON_STORE_ERROR_INVALID,
  BATON_STORE_ERROR_NOT_FOUND,
  BATON_STORE_ERROR_IN_USE,
  BATON_STORE_ERROR_NEWER_SCHEMA,
  BATON_STORE_ERROR_CORRUPT,
  BATON_STORE_ERROR_OPEN,
  BATON_STORE_ERROR_SQL,
  BATON_STORE_ERROR_NOTHING_TO_UNDO,
  BATON_STORE_ERROR_PARSE,
  BATON_STORE_ERROR_NOT_BATON,
  BATON_STORE_ERROR_LOCKED,
  BATON_STORE_ERROR_READ_ONLY,
  BATON_STORE_ERROR_DISK_FULL,
  BATON_STORE_ERROR_STALE,
  BATON_STORE_ERROR_AUTH,
  BATON_STORE_ERROR_UNREACHABLE,
  BATON_STORE_ERROR_CONFLICT,
} BatonStoreError;

#define BATON_STORE_ERROR (baton_store_error_quark ())
GQuark baton_store_error_quark (void);

/* Limits used by validation, shared with the UI so fields can say them. */
#define BATON_MAX_WEEKLY_CAPACITY_MINUTES (7 * 24 * 60)   /* a whole week */
#define BATON_MAX_ESTIMATE_MINUTES        (10000 * 60)    /* 10,000 hours */
#define BATON_MAX_NAME_LENGTH             500
#define BATON_MAX_WIP_LIMIT               10000
/* Positions order roles, stages, cards and checklist items. The store
 * counts cards in steps of 1024 from 1024, so no board comes near 2^53;
 * the limit keeps its arithmetic far from overflowing a gint64 whatever
 * an import brings, and every position exact in a JavaScript number. */
#define BATON_MAX_POSITION                (G_GINT64_CONSTANT (1) << 53)

G_END_DECLS
