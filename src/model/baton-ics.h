/* baton-ics.h — dated tasks and time off as iCalendar (RFC 5545)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written with libical. Each dated task (not archived) is an all-day
 * VEVENT from its start date to its due date (a task with one of the two
 * lasts that day); DTEND is exclusive, the day after the last. Its UID is
 * "task-<id>@<domain>", stable across exports of one workspace; DTSTAMP
 * and LAST-MODIFIED are the task's updated-at, CREATED its created-at,
 * and SEQUENCE the seconds from created-at to updated-at, so a task that
 * changed later gets a higher SEQUENCE. Each time off is an all-day,
 * transparent VEVENT "timeoff-<id>@<domain>" with SEQUENCE 0.
 */
#pragma once

#include "baton-store.h"

G_BEGIN_DECLS

typedef enum
{
  BATON_ICS_SCOPE_ALL,       /* every dated task and every time off */
  BATON_ICS_SCOPE_PERSON,    /* the person's tasks and time off */
  BATON_ICS_SCOPE_PROGRAM,   /* the program's tasks, and the time off of their assignees */
} BatonIcsScope;

typedef struct
{
  BatonIcsScope  scope;
  gint64         id;          /* the person or program of the scope */
  gboolean       no_tasks;    /* leave the tasks out */
  gboolean       no_time_off; /* leave time off out */
  const char    *uid_domain;  /* NULL: baton_ics_workspace_domain () */
  gint64         now;         /* DTSTAMP of time off (unix seconds); 0: the current time */
} BatonIcsOptions;

/* "<16 hex digits of the SHA-256 of the workspace path>.baton". */
char     *baton_ics_workspace_domain (BatonStore             *store);
/* NULL options: everything. The text is CRLF-ended, folded iCalendar. */
char     *baton_ics_export_string    (BatonStore             *store,
                                      const BatonIcsOptions  *options,
                                      GError                **error);
gboolean  baton_ics_export_file      (BatonStore             *store,
                                      const char             *path,
                                      const BatonIcsOptions  *options,
                                      GError                **error);

G_END_DECLS
