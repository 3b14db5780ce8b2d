/* baton-entities-clients.c — the clients' records: clients, programs, notes, note revisions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-entities"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-entities.h"
#include "baton-dates.h"
#include "baton-validate.h"

struct _BatonClient
{
  BatonRecord parent_instance;

  char *name;
  char *organization;
  char *contact_name;
  char *email;
  char *phone;
  gboolean archived;
};

static const BatonField client_fields[] = {
  { "name", "name", BATON_FIELD_NAME, G_STRUCT_OFFSET (BatonClient, name), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("name") },
  { "organization", "organization", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonClient, organization), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("organization") },
  { "contact-name", "contact_name", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonClient, contact_name), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("contact name") },
  { "email", "email", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonClient, email), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("email") },
  { "phone", "phone", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonClient, phone), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("phone") },
  { "archived", "archived", BATON_FIELD_BOOL, G_STRUCT_OFFSET (BatonClient, archived), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("archived") },
};

static gboolean
client_validate (BatonRecord  *candidate,
                 GError      **error)
{
  BatonClient *self = BATON_CLIENT (candidate);

  return baton_validate_email (self->email, error) &&
         baton_validate_phone (self->phone, error);
}

static const BatonRecordSchema client_schema = {
  "clients", N_("client"), baton_client_get_type,
  client_fields, G_N_ELEMENTS (client_fields), client_validate,
};

G_DEFINE_FINAL_TYPE (BatonClient, baton_client, BATON_TYPE_RECORD)

static void
baton_client_class_init (BatonClientClass *klass)
{
  baton_record_class_set_schema (BATON_RECORD_CLASS (klass), &client_schema);
}

static void
baton_client_init (BatonClient *self)
{
}

const BatonRecordSchema *
baton_client_schema (void)
{
  return &client_schema;
}

const char *
baton_client_get_name (BatonClient *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT (self), NULL);
  return self->name;
}

const char *
baton_client_get_organization (BatonClient *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT (self), NULL);
  return self->organization;
}

const char *
baton_client_get_contact_name (BatonClient *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT (self), NULL);
  return self->contact_name;
}

const char *
baton_client_get_email (BatonClient *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT (self), NULL);
  return self->email;
}

const char *
baton_client_get_phone (BatonClient *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT (self), NULL);
  return self->phone;
}

gboolean
baton_client_get_archived (BatonClient *self)
{
  g_return_val_if_fail (BATON_IS_CLIENT (self), 0);
  return self->archived;
}

struct _BatonProgram
{
  BatonRecord parent_instance;

  gint64 client_id;
  char *name;
  char *description;
  char *start_date;
  char *due_date;
  char *color;
  gboolean archived;
};

static const BatonField program_fields[] = {
  { "client-id", "client_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonProgram, client_id), "clients", TRUE, BATON_ON_DELETE_CASCADE, 0, N_("client") },
  { "name", "name", BATON_FIELD_NAME, G_STRUCT_OFFSET (BatonProgram, name), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("name") },
  { "description", "description", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonProgram, description), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("description") },
  { "start-date", "start_date", BATON_FIELD_DATE, G_STRUCT_OFFSET (BatonProgram, start_date), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("start date") },
  { "due-date", "due_date", BATON_FIELD_DATE, G_STRUCT_OFFSET (BatonProgram, due_date), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("due date") },
  { "color", "color", BATON_FIELD_COLOR, G_STRUCT_OFFSET (BatonProgram, color), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("color") },
  { "archived", "archived", BATON_FIELD_BOOL, G_STRUCT_OFFSET (BatonProgram, archived), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("archived") },
};

static gboolean
program_validate (BatonRecord  *candidate,
                  GError      **error)
{
  BatonProgram *self = BATON_PROGRAM (candidate);

  return baton_date_range_validate (self->start_date, self->due_date, error);
}

static const BatonRecordSchema program_schema = {
  "programs", N_("program"), baton_program_get_type,
  program_fields, G_N_ELEMENTS (program_fields), program_validate,
};

G_DEFINE_FINAL_TYPE (BatonProgram, baton_program, BATON_TYPE_RECORD)

static void
baton_program_class_init (BatonProgramClass *klass)
{
  baton_record_class_set_schema (BATON_RECORD_CLASS (klass), &program_schema);
}

static void
baton_program_init (BatonProgram *self)
{
}

const BatonRecordSchema *
baton_program_schema (void)
{
  return &program_schema;
}

gint64
baton_program_get_client_id (BatonProgram *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM (self), 0);
  return self->client_id;
}

const char *
baton_program_get_name (BatonProgram *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM (self), NULL);
  return self->name;
}

const char *
baton_program_get_description (BatonProgram *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM (self), NULL);
  return self->description;
}

const char *
baton_program_get_start_date (BatonProgram *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM (self), NULL);
  return self->start_date;
}

const char *
baton_program_get_due_date (BatonProgram *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM (self), NULL);
  return self->due_date;
}

const char *
baton_program_get_color (BatonProgram *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM (self), NULL);
  return self->color;
}

gboolean
baton_program_get_archived (BatonProgram *self)
{
  g_return_val_if_fail (BATON_IS_PROGRAM (self), 0);
  return self->archived;
}

struct _BatonNote
{
  BatonRecord parent_instance;

  gint64 client_id;
  gint64 program_id;
  char *title;
  char *body;
  char *created_at;
  char *updated_at;
};

static const BatonField note_fields[] = {
  { "client-id", "client_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonNote, client_id), "clients", TRUE, BATON_ON_DELETE_CASCADE, 0, N_("client") },
  { "program-id", "program_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonNote, program_id), "programs", FALSE, BATON_ON_DELETE_SET_NULL, 0, N_("program") },
  { "title", "title", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonNote, title), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("title") },
  { "body", "body", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonNote, body), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("body") },
  { "created-at", "created_at", BATON_FIELD_TIMESTAMP, G_STRUCT_OFFSET (BatonNote, created_at), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("created at") },
  { "updated-at", "updated_at", BATON_FIELD_TIMESTAMP, G_STRUCT_OFFSET (BatonNote, updated_at), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("updated at") },
};

static const BatonRecordSchema note_schema = {
  "notes", N_("note"), baton_note_get_type,
  note_fields, G_N_ELEMENTS (note_fields), NULL,
};

G_DEFINE_FINAL_TYPE (BatonNote, baton_note, BATON_TYPE_RECORD)

static void
baton_note_class_init (BatonNoteClass *klass)
{
  baton_record_class_set_schema (BATON_RECORD_CLASS (klass), &note_schema);
}

static void
baton_note_init (BatonNote *self)
{
}

const BatonRecordSchema *
baton_note_schema (void)
{
  return &note_schema;
}

gint64
baton_note_get_client_id (BatonNote *self)
{
  g_return_val_if_fail (BATON_IS_NOTE (self), 0);
  return self->client_id;
}

gint64
baton_note_get_program_id (BatonNote *self)
{
  g_return_val_if_fail (BATON_IS_NOTE (self), 0);
  return self->program_id;
}

const char *
baton_note_get_title (BatonNote *self)
{
  g_return_val_if_fail (BATON_IS_NOTE (self), NULL);
  return self->title;
}

const char *
baton_note_get_body (BatonNote *self)
{
  g_return_val_if_fail (BATON_IS_NOTE (self), NULL);
  return self->body;
}

const char *
baton_note_get_created_at (BatonNote *self)
{
  g_return_val_if_fail (BATON_IS_NOTE (self), NULL);
  return self->created_at;
}

const char *
baton_note_get_updated_at (BatonNote *self)
{
  g_return_val_if_fail (BATON_IS_NOTE (self), NULL);
  return self->updated_at;
}

struct _BatonNoteRevision
{
  BatonRecord parent_instance;

  gint64 note_id;
  char *body;
  char *saved_at;
};

static const BatonField note_revision_fields[] = {
  { "note-id", "note_id", BATON_FIELD_REF, G_STRUCT_OFFSET (BatonNoteRevision, note_id), "notes", TRUE, BATON_ON_DELETE_CASCADE, 0, N_("note") },
  { "body", "body", BATON_FIELD_TEXT, G_STRUCT_OFFSET (BatonNoteRevision, body), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("body") },
  { "saved-at", "saved_at", BATON_FIELD_TIMESTAMP, G_STRUCT_OFFSET (BatonNoteRevision, saved_at), NULL, FALSE, BATON_ON_DELETE_RESTRICT, 0, N_("saved at") },
};

static const BatonRecordSchema note_revision_schema = {
  "note_revisions", N_("note revision"), baton_note_revision_get_type,
  note_revision_fields, G_N_ELEMENTS (note_revision_fields), NULL,
};

G_DEFINE_FINAL_TYPE (BatonNoteRevision, baton_note_revision, BATON_TYPE_RECORD)

static void
baton_note_revision_class_init (BatonNoteRevisionClass *klass)
{
  baton_record_class_set_schema (BATON_RECORD_CLASS (klass), &note_revision_schema);
}

static void
baton_note_revision_init (BatonNoteRevision *self)
{
}

const BatonRecordSchema *
baton_note_revision_schema (void)
{
  return &note_revision_schema;
}

gint64
baton_note_revision_get_note_id (BatonNoteRevision *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_REVISION (self), 0);
  return self->note_id;
}

const char *
baton_note_revision_get_body (BatonNoteRevision *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_REVISION (self), NULL);
  return self->body;
}

const char *
baton_note_revision_get_saved_at (BatonNoteRevision *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_REVISION (self), NULL);
  return self->saved_at;
}
