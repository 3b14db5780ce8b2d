/* baton-migrations.c — the schema, as an ordered list of steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Step N brings a database from user_version N-1 to N, in its own
 * transaction. A step, once released, is never changed or deleted: a new
 * change is a new step at the end.
 */

#define G_LOG_DOMAIN "baton-migrations"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-db.h"
#include "baton-search-index.h"

/* A step is plain SQL, optionally followed by SQL that needs FTS5: that part
 * runs in the same transaction when this SQLite has FTS5, inside a savepoint
 * so that a failure there leaves the step itself intact (search then falls
 * back to a scan, and a later start with FTS5 builds the index; see
 * baton_notes_ensure_index ()). */
typedef struct
{
  const char *sql;
  const char *fts5_sql;
} Step;

static const Step migrations[] = {
  /* 1: the workspace */
  { 
  "CREATE TABLE roles ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  color TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE people ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  email TEXT,"
  "  weekly_capacity_minutes INTEGER NOT NULL DEFAULT 0 CHECK (weekly_capacity_minutes >= 0),"
  "  color TEXT,"
  "  archived INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE person_roles ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  role_id INTEGER NOT NULL REFERENCES roles (id) ON DELETE RESTRICT,"
  "  is_primary INTEGER NOT NULL DEFAULT 0,"
  "  UNIQUE (person_id, role_id));"
  "CREATE TABLE time_off ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  start_date TEXT NOT NULL,"
  "  end_date TEXT NOT NULL,"
  "  note TEXT,"
  "  CHECK (end_date >= start_date));"
  "CREATE TABLE clients ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  organization TEXT,"
  "  contact_name TEXT,"
  "  email TEXT,"
  "  phone TEXT,"
  "  archived INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE programs ("
  "  id INTEGER PRIMARY KEY,"
  "  client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  description TEXT,"
  "  start_date TEXT,"
  "  due_date TEXT,"
  "  color TEXT,"
  "  archived INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE stages ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  wip_limit INTEGER NOT NULL DEFAULT 0 CHECK (wip_limit >= 0),"
  "  is_done INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE tasks ("
  "  id INTEGER PRIMARY KEY,"
  "  program_id INTEGER REFERENCES programs (id) ON DELETE CASCADE,"
  "  stage_id INTEGER NOT NULL REFERENCES stages (id) ON DELETE RESTRICT,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  title TEXT NOT NULL,"
  "  description TEXT,"
  "  role_id INTEGER REFERENCES roles (id) ON DELETE RESTRICT,"
  "  assignee_id INTEGER REFERENCES people (id) ON DELETE SET NULL,"
  "  estimate_minutes INTEGER NOT NULL DEFAULT 0 CHECK (estimate_minutes >= 0),"
  "  start_date TEXT,"
  "  due_date TEXT,"
  "  priority INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT,"
  "  updated_at TEXT,"
  "  completed_at TEXT,"
  "  archived INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE checklist_items ("
  "  id INTEGER PRIMARY KEY,"
  "  task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,"
  "  text TEXT NOT NULL,"
  "  done INTEGER NOT NULL DEFAULT 0,"
  "  position INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE notes ("
  "  id INTEGER PRIMARY KEY,"
  "  client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,"
  "  program_id INTEGER REFERENCES programs (id) ON DELETE SET NULL,"
  "  title TEXT,"
  "  body TEXT,"
  "  created_at TEXT,"
  "  updated_at TEXT);"
  "CREATE TABLE note_revisions ("
  "  id INTEGER PRIMARY KEY,"
  "  note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,"
  "  body TEXT,"
  "  saved_at TEXT);", NULL },

  /* 2: indexes for the foreign keys the store and SQLite look up */
  { "CREATE INDEX person_roles_person ON person_roles (person_id);"
  "CREATE INDEX person_roles_role ON person_roles (role_id);"
  "CREATE INDEX time_off_person ON time_off (person_id);"
  "CREATE INDEX programs_client ON programs (client_id);"
  "CREATE INDEX tasks_stage ON tasks (stage_id, position);"
  "CREATE INDEX tasks_program ON tasks (program_id);"
  "CREATE INDEX tasks_assignee ON tasks (assignee_id);"
  "CREATE INDEX tasks_role ON tasks (role_id);"
  "CREATE INDEX checklist_items_task ON checklist_items (task_id);"
  "CREATE INDEX notes_client ON notes (client_id);"
  "CREATE INDEX notes_program ON notes (program_id);"
  "CREATE INDEX note_revisions_note ON note_revisions (note_id);", NULL },

  /* 3: the note a task was promoted from */
  { "ALTER TABLE tasks ADD COLUMN note_id INTEGER REFERENCES notes (id) ON DELETE SET NULL;"
    "CREATE INDEX tasks_note ON tasks (note_id);", NULL },

  /* 4: full-text search over notes. The index (notes_fts, FTS5) is derived
   * data: triggers only queue the ids of changed notes in
   * notes_fts_pending, and baton-notes.c brings the index up to date before
   * a search and when the application is idle. So saving a large note does
   * not wait for it to be tokenized, and a SQLite without FTS5 can still
   * write notes (nothing here names the virtual table). */
  { "CREATE TABLE notes_fts_pending (id INTEGER PRIMARY KEY);"
    "CREATE TRIGGER notes_fts_queue_insert AFTER INSERT ON notes BEGIN"
    "  INSERT OR IGNORE INTO notes_fts_pending (id) VALUES (new.id);"
    "END;"
    "CREATE TRIGGER notes_fts_queue_update AFTER UPDATE OF title, body ON notes"
    "  WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN"
    "  INSERT OR IGNORE INTO notes_fts_pending (id) VALUES (new.id);"
    "END;"
    "CREATE TRIGGER notes_fts_queue_delete AFTER DELETE ON notes BEGIN"
    "  INSERT OR IGNORE INTO notes_fts_pending (id) VALUES (old.id);"
    "END;"
    "INSERT INTO notes_fts_pending (id) SELECT id FROM notes;",
    /* The index of format 4, as released (step 5 replaces it). */
    "CREATE VIRTUAL TABLE notes_fts USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');"
    "INSERT INTO notes_fts (rowid, title, body) SELECT id, title, body FROM notes;"
    "DELETE FROM notes_fts_pending;" },

  /* 5: search finds words inside text in scripts written without spaces
   * (为培训 in 我们为培训准备了材料). The unicode61 index made such a
   * sentence one word; the index is now the notes' tokens as the search
   * sees them (each character of an unspaced script a token of its own,
   * see baton-notes.c), in trigrams. It is rebuilt here for the existing
   * notes; without FTS5 they are queued, and baton_notes_ensure_index ()
   * builds it when FTS5 is there. */
  { "INSERT OR IGNORE INTO notes_fts_pending (id) SELECT id FROM notes;",
    "DROP TABLE IF EXISTS notes_fts;"
    BATON_NOTES_FTS_CREATE_SQL
    BATON_NOTES_FTS_FILL_SQL },

  /* 6: the id a task has in the board it was imported from (a Trello
   * card's id), so that importing the same board again updates the task
   * instead of adding another; unique within a program. */
  { "ALTER TABLE tasks ADD COLUMN external_id TEXT;"
    "CREATE UNIQUE INDEX tasks_external_id ON tasks (program_id, external_id);", NULL },

  /* 7: the activity log — each change of a task's stage, assignee, start
   * or due date, each completion and reopening, with its time (and, once
   * a workspace has several coordinators, who made it). Earlier changes
   * were not logged: the log starts empty. */
  { "CREATE TABLE activity ("
    "  id INTEGER PRIMARY KEY,"
    "  task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL,"
    "  old_value TEXT,"
    "  new_value TEXT,"
    "  at TEXT,"
    "  author TEXT);"
    "CREATE INDEX activity_task ON activity (task_id);", NULL },

  /* 8: what rebalancing needs. A pinned task stays with its person and its
   * dates whatever a rebalance proposes; a placeholder person stands for a
   * role not yet staffed ("Writer TBD, 40 h"), so demand can be planned
   * before someone is hired. Both false for the rows there are. */
  { "ALTER TABLE tasks ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE people ADD COLUMN placeholder INTEGER NOT NULL DEFAULT 0;", NULL },
};

/* Version 0 with tables in it is some other application's database: say
 * so before anything writes to the file. */
gboolean
baton_db_check_not_foreign (BatonDb  *self,
                            GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean has_tables;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!(stmt = baton_db_prepare (self, "SELECT count(*) FROM sqlite_master WHERE type = 'table'", error)))
    return FALSE;
  if (!baton_db_step_row (self, stmt, error))
    return FALSE;
  has_tables = sqlite3_column_int (stmt, 0) > 0;
  sqlite3_reset (stmt);

  if (has_tables)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_BATON,
                   _("This file is an SQLite database, but not a Baton workspace. It was not changed."));
      return FALSE;
    }

  return TRUE;
}

const char *
baton_db_migration_sql (gint version)
{
  if (version < 1 || version > (gint) G_N_ELEMENTS (migrations))
    return NULL;

  return migrations[version - 1].sql;
}

static gboolean
run_step (BatonDb     *self,
          const Step  *step,
          GError     **error)
{
  g_autoptr(GError) fts_error = NULL;

  if (!baton_db_exec (self, step->sql, error))
    return FALSE;

  if (step->fts5_sql == NULL || !_baton_notes_fts_usable (self))
    return TRUE;

  if (!baton_db_begin (self, error))
    return FALSE;
  if (!baton_db_exec (self, step->fts5_sql, &fts_error))
    {
      /* The workspace is fine without its search index. */
      g_warning ("Notes search will scan instead of using its index: %s", fts_error->message);
      baton_db_rollback (self);
      return TRUE;
    }

  return baton_db_commit (self, error);
}

gboolean
baton_db_migrate (BatonDb   *self,
                  gint       target_version,
                  gboolean  *created,
                  GError   **error)
{
  gint version = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (target_version >= 1 && target_version <= (gint) G_N_ELEMENTS (migrations), FALSE);

  if (!baton_db_get_user_version (self, &version, error))
    return FALSE;

  if (created != NULL)
    *created = (version == 0);

  if (version > target_version)
    {
      g_set_error (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NEWER_SCHEMA,
                   _("This workspace was saved by a newer version of Baton (format %d; this version reads up to %d). "
                     "It was not opened, so nothing in it was changed."),
                   version, target_version);
      return FALSE;
    }

  if (version == 0 && !baton_db_check_not_foreign (self, error))
    return FALSE;

  /* Step 5 and the search index call baton_index_text (), the index for
   * as long as this connection is open: registered once, here. */
  if (!_baton_notes_register_functions (self, error))
    return FALSE;

  for (gint step = version + 1; step <= target_version; step++)
    {
      if (!baton_db_begin (self, error))
        return FALSE;

      if (!run_step (self, &migrations[step - 1], error) ||
          !baton_db_set_user_version (self, step, error) ||
          !baton_db_commit (self, error))
        {
          if (baton_db_get_depth (self) > 0)
            baton_db_rollback (self);
          g_prefix_error (error, _("Could not upgrade the workspace to format %d: "), step);
          return FALSE;
        }

      g_debug ("Migrated %s to version %d", baton_db_get_display_name (self), step);
    }

  /* A workspace upgraded or last written by a SQLite without FTS5 gets its
   * search index now that FTS5 is here. */
  if (target_version >= 4 && !baton_notes_ensure_index (self, error))
    {
      g_prefix_error (error, _("Could not build the notes search index: "));
      return FALSE;
    }

  return TRUE;
}
