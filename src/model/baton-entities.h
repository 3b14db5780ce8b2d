/* baton-entities.h — the records of a workspace
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One final type per table. Their properties are read-only for everyone
 * but the store: change data through a BatonStore method.
 */
#pragma once

#include "baton-record.h"

G_BEGIN_DECLS

#define BATON_TYPE_ROLE (baton_role_get_type ())
G_DECLARE_FINAL_TYPE (BatonRole, baton_role, BATON, ROLE, BatonRecord)

const BatonRecordSchema *baton_role_schema (void);
const char * baton_role_get_name (BatonRole *self);
const char * baton_role_get_color (BatonRole *self);
gint64       baton_role_get_position (BatonRole *self);

#define BATON_TYPE_PERSON (baton_person_get_type ())
G_DECLARE_FINAL_TYPE (BatonPerson, baton_person, BATON, PERSON, BatonRecord)

const BatonRecordSchema *baton_person_schema (void);
const char * baton_person_get_name (BatonPerson *self);
const char * baton_person_get_email (BatonPerson *self);
gint64       baton_person_get_weekly_capacity_minutes (BatonPerson *self);
const char * baton_person_get_color (BatonPerson *self);
gboolean     baton_person_get_archived (BatonPerson *self);
gboolean     baton_person_get_placeholder (BatonPerson *self);

#define BATON_TYPE_PERSON_ROLE (baton_person_role_get_type ())
G_DECLARE_FINAL_TYPE (BatonPersonRole, baton_person_role, BATON, PERSON_ROLE, BatonRecord)

const BatonRecordSchema *baton_person_role_schema (void);
gint64       baton_person_role_get_person_id (BatonPersonRole *self);
gint64       baton_person_role_get_role_id (BatonPersonRole *self);
gboolean     baton_person_role_get_is_primary (BatonPersonRole *self);

#define BATON_TYPE_TIME_OFF (baton_time_off_get_type ())
G_DECLARE_FINAL_TYPE (BatonTimeOff, baton_time_off, BATON, TIME_OFF, BatonRecord)

const BatonRecordSchema *baton_time_off_schema (void);
gint64       baton_time_off_get_person_id (BatonTimeOff *self);
const char * baton_time_off_get_start_date (BatonTimeOff *self);
const char * baton_time_off_get_end_date (BatonTimeOff *self);
const char * baton_time_off_get_note (BatonTimeOff *self);

#define BATON_TYPE_CLIENT (baton_client_get_type ())
G_DECLARE_FINAL_TYPE (BatonClient, baton_client, BATON, CLIENT, BatonRecord)

const BatonRecordSchema *baton_client_schema (void);
const char * baton_client_get_name (BatonClient *self);
const char * baton_client_get_organization (BatonClient *self);
const char * baton_client_get_contact_name (BatonClient *self);
const char * baton_client_get_email (BatonClient *self);
const char * baton_client_get_phone (BatonClient *self);
gboolean     baton_client_get_archived (BatonClient *self);

#define BATON_TYPE_PROGRAM (baton_program_get_type ())
G_DECLARE_FINAL_TYPE (BatonProgram, baton_program, BATON, PROGRAM, BatonRecord)

const BatonRecordSchema *baton_program_schema (void);
gint64       baton_program_get_client_id (BatonProgram *self);
const char * baton_program_get_name (BatonProgram *self);
const char * baton_program_get_description (BatonProgram *self);
const char * baton_program_get_start_date (BatonProgram *self);
const char * baton_program_get_due_date (BatonProgram *self);
const char * baton_program_get_color (BatonProgram *self);
gboolean     baton_program_get_archived (BatonProgram *self);

#define BATON_TYPE_STAGE (baton_stage_get_type ())
G_DECLARE_FINAL_TYPE (BatonStage, baton_stage, BATON, STAGE, BatonRecord)

const BatonRecordSchema *baton_stage_schema (void);
const char * baton_stage_get_name (BatonStage *self);
gint64       baton_stage_get_position (BatonStage *self);
gint64       baton_stage_get_wip_limit (BatonStage *self);
gboolean     baton_stage_get_is_done (BatonStage *self);

#define BATON_TYPE_TASK (baton_task_get_type ())
G_DECLARE_FINAL_TYPE (BatonTask, baton_task, BATON, TASK, BatonRecord)

const BatonRecordSchema *baton_task_schema (void);
gint64       baton_task_get_program_id (BatonTask *self);
gint64       baton_task_get_stage_id (BatonTask *self);
gint64       baton_task_get_position (BatonTask *self);
const char * baton_task_get_title (BatonTask *self);
const char * baton_task_get_description (BatonTask *self);
gint64       baton_task_get_role_id (BatonTask *self);
gint64       baton_task_get_assignee_id (BatonTask *self);
gint64       baton_task_get_estimate_minutes (BatonTask *self);
const char * baton_task_get_start_date (BatonTask *self);
const char * baton_task_get_due_date (BatonTask *self);
gint64       baton_task_get_priority (BatonTask *self);
const char * baton_task_get_created_at (BatonTask *self);
const char * baton_task_get_updated_at (BatonTask *self);
const char * baton_task_get_completed_at (BatonTask *self);
gboolean     baton_task_get_archived (BatonTask *self);
gint64       baton_task_get_note_id (BatonTask *self);
const char  *baton_task_get_external_id (BatonTask *self);
gboolean     baton_task_get_pinned (BatonTask *self);
guint32      baton_task_get_start_day (BatonTask *self);
guint32      baton_task_get_due_day (BatonTask *self);

#define BATON_TYPE_CHECKLIST_ITEM (baton_checklist_item_get_type ())
G_DECLARE_FINAL_TYPE (BatonChecklistItem, baton_checklist_item, BATON, CHECKLIST_ITEM, BatonRecord)

const BatonRecordSchema *baton_checklist_item_schema (void);
gint64       baton_checklist_item_get_task_id (BatonChecklistItem *self);
const char * baton_checklist_item_get_text (BatonChecklistItem *self);
gboolean     baton_checklist_item_get_done (BatonChecklistItem *self);
gint64       baton_checklist_item_get_position (BatonChecklistItem *self);

#define BATON_TYPE_NOTE (baton_note_get_type ())
G_DECLARE_FINAL_TYPE (BatonNote, baton_note, BATON, NOTE, BatonRecord)

const BatonRecordSchema *baton_note_schema (void);
gint64       baton_note_get_client_id (BatonNote *self);
gint64       baton_note_get_program_id (BatonNote *self);
const char * baton_note_get_title (BatonNote *self);
const char * baton_note_get_body (BatonNote *self);
const char * baton_note_get_created_at (BatonNote *self);
const char * baton_note_get_updated_at (BatonNote *self);

#define BATON_TYPE_NOTE_REVISION (baton_note_revision_get_type ())
G_DECLARE_FINAL_TYPE (BatonNoteRevision, baton_note_revision, BATON, NOTE_REVISION, BatonRecord)

const BatonRecordSchema *baton_note_revision_schema (void);
gint64       baton_note_revision_get_note_id (BatonNoteRevision *self);
const char * baton_note_revision_get_body (BatonNoteRevision *self);
const char * baton_note_revision_get_saved_at (BatonNoteRevision *self);

/* The activity log: the store writes it (see baton-store.h); read only. */
#define BATON_ACTIVITY_STAGE      "stage"
#define BATON_ACTIVITY_ASSIGNEE   "assignee"
#define BATON_ACTIVITY_START_DATE "start_date"
#define BATON_ACTIVITY_DUE_DATE   "due_date"
#define BATON_ACTIVITY_COMPLETED  "completed"
#define BATON_ACTIVITY_REOPENED   "reopened"

#define BATON_TYPE_ACTIVITY (baton_activity_get_type ())
G_DECLARE_FINAL_TYPE (BatonActivity, baton_activity, BATON, ACTIVITY, BatonRecord)

const BatonRecordSchema *baton_activity_schema (void);
gint64       baton_activity_get_task_id (BatonActivity *self);
const char * baton_activity_get_kind (BatonActivity *self);
const char * baton_activity_get_old_value (BatonActivity *self);
const char * baton_activity_get_new_value (BatonActivity *self);
const char * baton_activity_get_at (BatonActivity *self);
const char * baton_activity_get_author (BatonActivity *self);

G_END_DECLS
