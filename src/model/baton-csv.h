/* baton-csv.h — tasks and capacity as CSV, tasks and people from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files are RFC 4180: UTF-8 (optionally with a byte order mark, for
 * spreadsheets), CRLF line ends, a header row of stable snake_case names,
 * ISO 8601 dates (YYYY-MM-DD) and timestamps, hours with a decimal point
 * (at most two decimals; minutes round-trip exactly). Text cells that a
 * spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
 * a tab or CR) are written with a leading apostrophe, which the import
 * removes again (baton-csv-private.h says exactly how).
 *
 * The tasks file has one row per task, in id order, with these columns:
 *
 *   id              the task's id in the workspace it came from
 *   client          the name of the program's client
 *   program         the program's name (empty: no program)
 *   title
 *   stage           the stage's name
 *   position        the order within the stage (board order)
 *   assignee        the person's name (empty: unassigned)
 *   role            the role's name (empty: none)
 *   estimate_hours  e.g. 1.5 (empty or 0: no estimate)
 *   start_date      YYYY-MM-DD or empty
 *   due_date        YYYY-MM-DD or empty
 *   status          open, done (the stage is a done stage) or archived
 *   priority        0 (none) … 3
 *   checklist       one item a line, "[ ] text" or "[x] text"; a backslash
 *                   in the text is written "\\" and a line break "\n"
 *   notes           the task's description (Markdown)
 *   created_at, updated_at, completed_at   ISO 8601 UTC timestamps
 *
 * An exported tasks file imports back unchanged: exporting again gives the
 * same bytes. Into an empty workspace that holds for the ids too when the
 * source's task ids run 1…n (tasks, clients, programs, people, roles and
 * stages are matched by id or name; a new task takes the workspace's next
 * id). People, roles, clients, programs and stages are carried by name
 * only (a person created by an import has 40 hours a week and, as primary
 * role, the role of the first of their rows that names one).
 *
 * The capacity file is long form, one row per person and week:
 * person, role (the primary role), week_start (the Monday),
 * capacity_hours (after time off), time_off_hours, load_hours, free_hours
 * (capacity minus load; negative when over).
 */
#pragma once

#include <gio/gio.h>

#include "baton-capacity.h"
#include "baton-store.h"

G_BEGIN_DECLS

/**
 * BatonCsvError:
 * @BATON_CSV_ERROR_PARSE: the text is not well-formed CSV (an unclosed
 *   quote, a ragged row); the message names the line
 * @BATON_CSV_ERROR_ENCODING: the text is not UTF-8
 * @BATON_CSV_ERROR_HEADER: a column is unknown, doubled or missing
 * @BATON_CSV_ERROR_VALUE: a cell holds no valid value (a date, a number,
 *   an empty title); the message names the line and the column
 * @BATON_CSV_ERROR_TOO_LARGE: the file is larger than BATON_CSV_MAX_BYTES
 */
typedef enum
{
  BATON_CSV_ERROR_PARSE,
  BATON_CSV_ERROR_ENCODING,
  BATON_CSV_ERROR_HEADER,
  BATON_CSV_ERROR_VALUE,
  BATON_CSV_ERROR_TOO_LARGE,
} BatonCsvError;

#define BATON_CSV_ERROR (baton_csv_error_quark ())
GQuark baton_csv_error_quark (void);

/* The largest file the import reads. */
#define BATON_CSV_MAX_BYTES (G_GUINT64_CONSTANT (64) * 1024 * 1024)

typedef struct
{
  gboolean bom;   /* start with a UTF-8 byte order mark (for spreadsheets) */
} BatonCsvOptions;

/* Export */
gboolean  baton_csv_export_tasks          (BatonStore             *store,
                                           GOutputStream          *stream,
                                           const BatonCsvOptions  *options,
                                           GCancellable           *cancellable,
                                           GError                **error);
gboolean  baton_csv_export_tasks_file     (BatonStore             *store,
                                           const char             *path,
                                           const BatonCsvOptions  *options,
                                           GError                **error);
/* @n_weeks weeks from the week (Monday) that holds @first_day (a julian
 * day); @settings NULL means the defaults. Weeks start on Monday whatever
 * @settings says. */
gboolean  baton_csv_export_capacity       (BatonStore                  *store,
                                           const BatonCapacitySettings *settings,
                                           guint32                      first_day,
                                           guint                        n_weeks,
                                           GOutputStream               *stream,
                                           const BatonCsvOptions       *options,
                                           GCancellable                *cancellable,
                                           GError                     **error);

gboolean  baton_csv_export_capacity_file  (BatonStore                  *store,
                                           const BatonCapacitySettings *settings,
                                           guint32                      first_day,
                                           guint                        n_weeks,
                                           const char                  *path,
                                           const BatonCsvOptions       *options,
                                           GError                     **error);

/* Import: the fields a column can hold. */
typedef enum
{
  BATON_CSV_FIELD_ID,
  BATON_CSV_FIELD_CLIENT,
  BATON_CSV_FIELD_PROGRAM,
  BATON_CSV_FIELD_TITLE,
  BATON_CSV_FIELD_STAGE,
  BATON_CSV_FIELD_POSITION,
  BATON_CSV_FIELD_ASSIGNEE,
  BATON_CSV_FIELD_ROLE,
  BATON_CSV_FIELD_ESTIMATE_HOURS,
  BATON_CSV_FIELD_START_DATE,
  BATON_CSV_FIELD_DUE_DATE,
  BATON_CSV_FIELD_STATUS,
  BATON_CSV_FIELD_PRIORITY,
  BATON_CSV_FIELD_CHECKLIST,
  BATON_CSV_FIELD_NOTES,
  BATON_CSV_FIELD_CREATED_AT,
  BATON_CSV_FIELD_UPDATED_AT,
  BATON_CSV_FIELD_COMPLETED_AT,
  BATON_CSV_FIELD_PINNED,
  BATON_CSV_N_FIELDS
} BatonCsvField;

/* The header name of a field ("estimate_hours"). */
const char *baton_csv_field_get_name (BatonCsvField field);

/* Which column of the file holds each field: columns[field] is a column
 * index, or -1 when the file does not have that field. A field that is not
 * in the file keeps its value on an updated task and gets its default on a
 * new one. The title is required. */
typedef struct
{
  gint columns[BATON_CSV_N_FIELDS];
} BatonCsvMapping;

/* Every field unmapped. */
void      baton_csv_mapping_init          (BatonCsvMapping      *mapping);
/* The mapping of a header made of field names (as the export writes them,
 * in any order, case and surrounding space ignored). Refuses a name that
 * is no field, one that comes twice and a header without a title
 * (BATON_CSV_ERROR_HEADER; the message names them). */
gboolean  baton_csv_mapping_init_from_header (BatonCsvMapping    *mapping,
                                              const char * const *header,
                                              guint               n_columns,
                                              GError            **error);
/* A guess at the mapping of a header that people wrote ("Task", "Owner",
 * "Due Date", "Fällig"): names are compared ignoring case, spaces, '_',
 * '-' and '.', first with the field names, then with common English and
 * German synonyms (Task, Name, Summary → title; Owner, Assigned to, Who →
 * assignee; Due, Deadline, End → due_date; …). Each field takes at most
 * one column; columns that match nothing stay unmapped. The title may
 * stay unmapped too: the caller checks. */
void      baton_csv_mapping_guess         (BatonCsvMapping      *mapping,
                                           const char * const   *header,
                                           guint                 n_columns);
/* The header row of a CSV file (for a mapping step), as a NULL-terminated
 * array; NULL with @error set when it cannot be read. */
char    **baton_csv_read_header           (const char           *path,
                                           GError              **error);

/* What an import will do, known before anything is written. */
typedef struct
{
  guint      n_rows;
  guint      n_new_tasks;
  guint      n_updated_tasks;    /* an id of the workspace, with changes */
  guint      n_unchanged_tasks;  /* an id of the workspace, nothing to change */
  guint      n_new_people;
  guint      n_new_roles;
  guint      n_new_stages;
  guint      n_new_clients;
  guint      n_new_programs;
  GPtrArray *warnings;           /* char *, "Line 4: …", translated */
} BatonCsvPreview;

typedef struct _BatonCsvImport BatonCsvImport;

/* Reads and checks the whole file against @store and plans the import
 * without writing anything. @mapping NULL: the mapping of the file's
 * header (baton_csv_mapping_init_from_header ()); otherwise the first row
 * is taken as a header and skipped. Tasks are matched by id to the tasks
 * of @store (a row whose id is not in @store makes a new task, which gets
 * the workspace's next id); clients, programs (by client and name),
 * stages, roles and people by name (exactly, else ignoring case); names
 * that match nothing are created. A new person gets 40 hours a week and
 * the role of the first of their rows that names one (primary). */
BatonCsvImport        *baton_csv_import_prepare      (BatonStore            *store,
                                                      GInputStream          *stream,
                                                      const BatonCsvMapping *mapping,
                                                      GCancellable          *cancellable,
                                                      GError               **error);
BatonCsvImport        *baton_csv_import_prepare_file (BatonStore            *store,
                                                      const char            *path,
                                                      const BatonCsvMapping *mapping,
                                                      GError               **error);
const BatonCsvPreview *baton_csv_import_get_preview  (BatonCsvImport        *self);
/* Writes the plan in one transaction and one undo step ("Import from
 * CSV"); on an error nothing is written. The store must not have changed
 * since baton_csv_import_prepare (). */
gboolean               baton_csv_import_apply        (BatonCsvImport        *self,
                                                      GError               **error);
void                   baton_csv_import_free         (BatonCsvImport        *self);

/* Prepare and apply in one call. */
gboolean  baton_csv_import_tasks_file     (BatonStore             *store,
                                           const char             *path,
                                           const BatonCsvMapping  *mapping,
                                           GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonCsvImport, baton_csv_import_free)

/* People ------------------------------------------------------------------
 *
 * The people file has one row per person, in the store's order:
 *
 *   name                   the person's name
 *   email                  (empty: none)
 *   role                   the name of the primary role (empty: none)
 *   roles                  the names of all their roles, primary first,
 *                          joined by "; "
 *   weekly_capacity_hours  e.g. 37.5
 *   archived               yes or no
 *
 * An exported people file imports back unchanged, and exporting again
 * gives the same bytes.
 */
gboolean  baton_csv_export_people         (BatonStore             *store,
                                           GOutputStream          *stream,
                                           const BatonCsvOptions  *options,
                                           GCancellable           *cancellable,
                                           GError                **error);
gboolean  baton_csv_export_people_file    (BatonStore             *store,
                                           const char             *path,
                                           const BatonCsvOptions  *options,
                                           GError                **error);

typedef enum
{
  BATON_CSV_PEOPLE_FIELD_NAME,
  BATON_CSV_PEOPLE_FIELD_EMAIL,
  BATON_CSV_PEOPLE_FIELD_ROLE,
  BATON_CSV_PEOPLE_FIELD_ROLES,
  BATON_CSV_PEOPLE_FIELD_WEEKLY_CAPACITY_HOURS,
  BATON_CSV_PEOPLE_FIELD_ARCHIVED,
  BATON_CSV_PEOPLE_FIELD_PLACEHOLDER,
  BATON_CSV_PEOPLE_N_FIELDS
} BatonCsvPeopleField;

/* The header name of a field ("weekly_capacity_hours"). */
const char *baton_csv_people_field_get_name (BatonCsvPeopleField field);

/* As BatonCsvMapping, for the people fields. The name is required. */
typedef struct
{
  gint columns[BATON_CSV_PEOPLE_N_FIELDS];
} BatonCsvPeopleMapping;

void      baton_csv_people_mapping_init   (BatonCsvPeopleMapping *mapping);
/* The mapping of a header made of the people field names (any order, case
 * and surrounding space ignored); refuses unknown and doubled names and a
 * header without "name" (BATON_CSV_ERROR_HEADER). */
gboolean  baton_csv_people_mapping_init_from_header (BatonCsvPeopleMapping *mapping,
                                                     const char * const    *header,
                                                     guint                  n_columns,
                                                     GError               **error);
/* A guess, as baton_csv_mapping_guess (), with English and German synonyms
 * (Person, Mitarbeiter → name; E-Mail, Mail → email; Rolle, Funktion →
 * role; Stunden, Kapazität, Wochenstunden → weekly_capacity_hours; …). */
void      baton_csv_people_mapping_guess  (BatonCsvPeopleMapping *mapping,
                                           const char * const    *header,
                                           guint                  n_columns);

typedef struct
{
  guint      n_rows;
  guint      n_new_people;
  guint      n_updated_people;    /* a person of the workspace, with changes */
  guint      n_unchanged_people;  /* a person of the workspace, nothing to change */
  guint      n_new_roles;
  GPtrArray *warnings;            /* char *, "Line 4: …", translated */
} BatonCsvPeoplePreview;

typedef struct _BatonCsvPeopleImport BatonCsvPeopleImport;

/* Reads and checks the whole file and plans the import without writing.
 * @mapping NULL: the mapping of the file's header; otherwise the first
 * row is a header and skipped. People are matched by name (exactly, else
 * ignoring case), roles by name (created when missing). A field that is
 * not in the file (or an empty hours or archived cell) keeps its value on
 * an updated person; a new person gets 40 hours a week, no email, no
 * roles, not archived. When "roles" is in the file it is the whole list
 * of roles; "role" alone makes a role primary and keeps the others. */
BatonCsvPeopleImport        *baton_csv_people_import_prepare      (BatonStore                  *store,
                                                                   GInputStream                *stream,
                                                                   const BatonCsvPeopleMapping *mapping,
                                                                   GCancellable                *cancellable,
                                                                   GError                     **error);
BatonCsvPeopleImport        *baton_csv_people_import_prepare_file (BatonStore                  *store,
                                                                   const char                  *path,
                                                                   const BatonCsvPeopleMapping *mapping,
                                                                   GError                     **error);
const BatonCsvPeoplePreview *baton_csv_people_import_get_preview  (BatonCsvPeopleImport        *self);
/* One transaction, one undo step ("Import People from CSV"). */
gboolean                     baton_csv_people_import_apply        (BatonCsvPeopleImport        *self,
                                                                   GError                     **error);
void                         baton_csv_people_import_free         (BatonCsvPeopleImport        *self);

gboolean  baton_csv_import_people_file    (BatonStore                  *store,
                                           const char                  *path,
                                           const BatonCsvPeopleMapping *mapping,
                                           GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatonCsvPeopleImport, baton_csv_people_import_free)

G_END_DECLS
