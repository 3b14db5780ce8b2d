-- schema.sql — a Baton team workspace on PostgreSQL (15 or newer)
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The same tables, columns and constraints as a workspace file (see
-- src/model/baton-migrations.c), plus what several coordinators need:
--  - a version on every row, bumped by each UPDATE, so that a write can be
--    made conditional on the version its client saw;
--  - change_log, written by triggers, and a notification on the channel
--    baton_changes after each change, so clients stay up to date and catch
--    up from the last sequence they saw after a reconnect;
--  - group roles: baton_coordinator (reads and writes) and baton_viewer
--    (reads); each coordinator is a login role that is a member of one;
--  - row-level security enabled and forced on every table.
--
-- The whole file is idempotent and runs in one transaction under an
-- advisory lock, so two clients (or build-aux/team-server) applying it at
-- once do not trip over each other. Run it as the role that is to own the
-- tables; creating the two group roles needs CREATEROLE the first time.
--
--   psql -v ON_ERROR_STOP=1 -d DATABASE -f schema.sql
--
-- The version in baton_schema is BATON_SCHEMA_VERSION of the Baton that
-- wrote it. A later Baton with a new SQLite migration adds its PostgreSQL
-- twin at the end of this file, guarded by the version (tests/test-team.c
-- checks that the columns here match the record schemas).

BEGIN;

SELECT pg_advisory_xact_lock (472301815);

CREATE TABLE IF NOT EXISTS baton_schema (version integer NOT NULL);

DO $$
DECLARE
  v integer;
BEGIN
  SELECT max (version) INTO v FROM baton_schema;
  IF v > 8 THEN
    RAISE EXCEPTION 'This team workspace was set up by a newer version of Baton (format %)', v
      USING ERRCODE = 'BT001';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'baton_coordinator') THEN
    CREATE ROLE baton_coordinator NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'baton_viewer') THEN
    CREATE ROLE baton_viewer NOLOGIN;
  END IF;
END
$$;

CREATE TABLE IF NOT EXISTS roles (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  color text,
  position bigint NOT NULL DEFAULT 0,
  version bigint NOT NULL DEFAULT 1);

CREATE TABLE IF NOT EXISTS people (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  email text,
  weekly_capacity_minutes bigint NOT NULL DEFAULT 0 CHECK (weekly_capacity_minutes >= 0),
  color text,
  archived boolean NOT NULL DEFAULT false,
  placeholder boolean NOT NULL DEFAULT false,
  version bigint NOT NULL DEFAULT 1);

CREATE TABLE IF NOT EXISTS person_roles (
  id bigserial PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE DEFERRABLE,
  role_id bigint NOT NULL REFERENCES roles (id) ON DELETE RESTRICT DEFERRABLE,
  is_primary boolean NOT NULL DEFAULT false,
  version bigint NOT NULL DEFAULT 1,
  UNIQUE (person_id, role_id) DEFERRABLE);

CREATE TABLE IF NOT EXISTS time_off (
  id bigserial PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES people (id) ON DELETE CASCADE DEFERRABLE,
  start_date text NOT NULL,
  end_date text NOT NULL,
  note text,
  version bigint NOT NULL DEFAULT 1,
  CHECK (end_date >= start_date));

CREATE TABLE IF NOT EXISTS clients (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  organization text,
  contact_name text,
  email text,
  phone text,
  archived boolean NOT NULL DEFAULT false,
  version bigint NOT NULL DEFAULT 1);

CREATE TABLE IF NOT EXISTS programs (
  id bigserial PRIMARY KEY,
  client_id bigint NOT NULL REFERENCES clients (id) ON DELETE CASCADE DEFERRABLE,
  name text NOT NULL,
  description text,
  start_date text,
  due_date text,
  color text,
  archived boolean NOT NULL DEFAULT false,
  version bigint NOT NULL DEFAULT 1);

CREATE TABLE IF NOT EXISTS stages (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  position bigint NOT NULL DEFAULT 0,
  wip_limit bigint NOT NULL DEFAULT 0 CHECK (wip_limit >= 0),
  is_done boolean NOT NULL DEFAULT false,
  version bigint NOT NULL DEFAULT 1);

CREATE TABLE IF NOT EXISTS notes (
  id bigserial PRIMARY KEY,
  client_id bigint NOT NULL REFERENCES clients (id) ON DELETE CASCADE DEFERRABLE,
  program_id bigint REFERENCES programs (id) ON DELETE SET NULL DEFERRABLE,
  title text,
  body text,
  created_at text,
  updated_at text,
  version bigint NOT NULL DEFAULT 1);

CREATE TABLE IF NOT EXISTS tasks (
  id bigserial PRIMARY KEY,
  program_id bigint REFERENCES programs (id) ON DELETE CASCADE DEFERRABLE,
  stage_id bigint NOT NULL REFERENCES stages (id) ON DELETE RESTRICT DEFERRABLE,
  position bigint NOT NULL DEFAULT 0,
  title text NOT NULL,
  description text,
  role_id bigint REFERENCES roles (id) ON DELETE RESTRICT DEFERRABLE,
  assignee_id bigint REFERENCES people (id) ON DELETE SET NULL DEFERRABLE,
  estimate_minutes bigint NOT NULL DEFAULT 0 CHECK (estimate_minutes >= 0),
  start_date text,
  due_date text,
  priority bigint NOT NULL DEFAULT 0,
  created_at text,
  updated_at text,
  completed_at text,
  archived boolean NOT NULL DEFAULT false,
  note_id bigint REFERENCES notes (id) ON DELETE SET NULL DEFERRABLE,
  external_id text,
  pinned boolean NOT NULL DEFAULT false,
  version bigint NOT NULL DEFAULT 1,
  UNIQUE (program_id, external_id) DEFERRABLE);

CREATE TABLE IF NOT EXISTS checklist_items (
  id bigserial PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE DEFERRABLE,
  text text NOT NULL,
  done boolean NOT NULL DEFAULT false,
  position bigint NOT NULL DEFAULT 0,
  version bigint NOT NULL DEFAULT 1);

CREATE TABLE IF NOT EXISTS note_revisions (
  id bigserial PRIMARY KEY,
  note_id bigint NOT NULL REFERENCES notes (id) ON DELETE CASCADE DEFERRABLE,
  body text,
  saved_at text,
  version bigint NOT NULL DEFAULT 1);

CREATE TABLE IF NOT EXISTS activity (
  id bigserial PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE DEFERRABLE,
  kind text NOT NULL,
  old_value text,
  new_value text,
  at text,
  author text,
  version bigint NOT NULL DEFAULT 1);

CREATE INDEX IF NOT EXISTS person_roles_person ON person_roles (person_id);
CREATE INDEX IF NOT EXISTS person_roles_role ON person_roles (role_id);
CREATE INDEX IF NOT EXISTS time_off_person ON time_off (person_id);
CREATE INDEX IF NOT EXISTS programs_client ON programs (client_id);
CREATE INDEX IF NOT EXISTS tasks_stage ON tasks (stage_id, position);
CREATE INDEX IF NOT EXISTS tasks_program ON tasks (program_id);
CREATE INDEX IF NOT EXISTS tasks_assignee ON tasks (assignee_id);
CREATE INDEX IF NOT EXISTS tasks_role ON tasks (role_id);
CREATE INDEX IF NOT EXISTS tasks_note ON tasks (note_id);
CREATE INDEX IF NOT EXISTS checklist_items_task ON checklist_items (task_id);
CREATE INDEX IF NOT EXISTS notes_client ON notes (client_id);
CREATE INDEX IF NOT EXISTS notes_program ON notes (program_id);
CREATE INDEX IF NOT EXISTS note_revisions_note ON note_revisions (note_id);
CREATE INDEX IF NOT EXISTS activity_task ON activity (task_id);

-- Every committed change of a row, in order. client is what the writing
-- connection set as baton.client, so a client can tell its own changes.
CREATE TABLE IF NOT EXISTS change_log (
  seq bigserial PRIMARY KEY,
  table_name text NOT NULL,
  row_id bigint NOT NULL,
  op text NOT NULL,
  version bigint NOT NULL,
  author text NOT NULL DEFAULT session_user,
  client text,
  at timestamptz NOT NULL DEFAULT now ());

CREATE INDEX IF NOT EXISTS change_log_row ON change_log (table_name, row_id);

-- Runs as the owner, so that coordinators cannot write the log themselves.
CREATE OR REPLACE FUNCTION baton_log_change () RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  r record;
BEGIN
  IF TG_OP = 'DELETE' THEN
    r := OLD;
  ELSE
    r := NEW;
  END IF;
  INSERT INTO public.change_log (table_name, row_id, op, version, author, client)
  VALUES (TG_TABLE_NAME, r.id, lower (TG_OP), r.version, session_user,
          nullif (current_setting ('baton.client', true), ''));
  -- One notification per transaction: equal payloads are folded.
  PERFORM pg_notify ('baton_changes', '');
  RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION baton_log_change () FROM PUBLIC;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['roles', 'people', 'person_roles', 'time_off', 'clients',
                           'programs', 'stages', 'notes', 'tasks', 'checklist_items',
                           'note_revisions', 'activity']
  LOOP
    EXECUTE format ('CREATE OR REPLACE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
                    'FOR EACH ROW EXECUTE FUNCTION baton_log_change ()', t || '_log', t);
    EXECUTE format ('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format ('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format ('REVOKE ALL ON %I FROM PUBLIC', t);
    EXECUTE format ('GRANT SELECT ON %I TO baton_viewer, baton_coordinator', t);
    EXECUTE format ('GRANT INSERT, UPDATE, DELETE ON %I TO baton_coordinator', t);
    -- Each table numbers its rows, as a workspace file's do.
    EXECUTE format ('REVOKE ALL ON SEQUENCE %I FROM PUBLIC', t || '_id_seq');
    EXECUTE format ('GRANT USAGE, SELECT, UPDATE ON SEQUENCE %I TO baton_coordinator', t || '_id_seq');
    EXECUTE format ('DROP POLICY IF EXISTS baton_read ON %I', t);
    EXECUTE format ('CREATE POLICY baton_read ON %I FOR SELECT '
                    'TO baton_viewer, baton_coordinator USING (true)', t);
    EXECUTE format ('DROP POLICY IF EXISTS baton_write ON %I', t);
    EXECUTE format ('DROP POLICY IF EXISTS baton_update ON %I', t);
    EXECUTE format ('DROP POLICY IF EXISTS baton_delete ON %I', t);
    EXECUTE format ('CREATE POLICY baton_update ON %I FOR UPDATE '
                    'TO baton_coordinator USING (true) WITH CHECK (true)', t);
    EXECUTE format ('CREATE POLICY baton_delete ON %I FOR DELETE '
                    'TO baton_coordinator USING (true)', t);
    IF t = 'activity' THEN
      -- The activity log records who made each change: its author is the
      -- login role that wrote it. A row without one is history from a
      -- workspace file (which records no authors) brought in by an import;
      -- nobody can write under someone else's name.
      EXECUTE format ('CREATE POLICY baton_write ON %I FOR INSERT '
                      'TO baton_coordinator WITH CHECK (author IS NULL OR author = session_user)', t);
    ELSE
      EXECUTE format ('CREATE POLICY baton_write ON %I FOR INSERT '
                      'TO baton_coordinator WITH CHECK (true)', t);
    END IF;
  END LOOP;
END
$$;

-- The log: everyone reads it, only the trigger function (its owner) writes.
ALTER TABLE change_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE change_log FORCE ROW LEVEL SECURITY;
REVOKE ALL ON change_log FROM PUBLIC;
GRANT SELECT ON change_log TO baton_viewer, baton_coordinator;
DROP POLICY IF EXISTS baton_read ON change_log;
CREATE POLICY baton_read ON change_log FOR SELECT
  TO baton_viewer, baton_coordinator USING (true);
DROP POLICY IF EXISTS baton_log ON change_log;
CREATE POLICY baton_log ON change_log FOR INSERT
  WITH CHECK (author = session_user);

ALTER TABLE baton_schema ENABLE ROW LEVEL SECURITY;
ALTER TABLE baton_schema FORCE ROW LEVEL SECURITY;
REVOKE ALL ON baton_schema FROM PUBLIC;
GRANT SELECT ON baton_schema TO baton_viewer, baton_coordinator;
DROP POLICY IF EXISTS baton_read ON baton_schema;
CREATE POLICY baton_read ON baton_schema FOR SELECT USING (true);
DROP POLICY IF EXISTS baton_owner ON baton_schema;
CREATE POLICY baton_owner ON baton_schema FOR ALL
  TO CURRENT_USER USING (true) WITH CHECK (true);

-- A write conditional on the version its client saw calls this on whether
-- it found the row: when it did not, the whole transaction fails (the
-- client sends a transaction in one go and learns of a refusal after).
CREATE OR REPLACE FUNCTION baton_expect (row_found boolean) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT row_found THEN
    RAISE EXCEPTION 'The row was changed or deleted by someone else'
      USING ERRCODE = 'BT002';
  END IF;
  RETURN true;
END
$$;
GRANT EXECUTE ON FUNCTION baton_expect (boolean) TO baton_viewer, baton_coordinator;

DELETE FROM baton_schema;
INSERT INTO baton_schema (version) VALUES (8);

COMMIT;
