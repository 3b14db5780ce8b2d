/* test-csv.c — tasks and capacity as CSV, tasks and people from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "baton-csv.h"
#include "baton-csv-private.h"
#include "baton-dates.h"
#include "baton-demo.h"
#include "baton-json.h"
#include "baton-test-util.h"

#define HEADER "id,client,program,title,stage,position,assignee,role,estimate_hours,start_date,due_date,status,priority,checklist,notes,created_at,updated_at,completed_at,pinned\r\n"

static BatonStore *
open_memory_store (void)
{
  g_autoptr(GError) error = NULL;
  BatonStore *store = baton_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

typedef gboolean (*ExportFunc) (BatonStore             *store,
                                GOutputStream          *stream,
                                const BatonCsvOptions  *options,
                                GCancellable           *cancellable,
                                GError                **error);

/* What @func writes, as a string. */
static char *
export_with (ExportFunc  func,
             BatonStore *store,
             gboolean    bom)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  BatonCsvOptions options = { .bom = bom };
  gboolean ok;

  ok = func (store, out, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static char *
export_tasks (BatonStore *store,
              gboolean    bom)
{
  return export_with (baton_csv_export_tasks, store, bom);
}

/* @length bytes of @text (-1: up to its NUL) as a stream. */
static GInputStream *
text_stream (const char *text,
             gssize      length)
{
  if (length < 0)
    length = strlen (text);
  return g_memory_input_stream_new_from_data (g_memdup2 (text, length), length, g_free);
}

static BatonCsvImport *
prepare (BatonStore             *store,
         const char             *text,
         gssize                  length,
         const BatonCsvMapping  *mapping,
         GError                **error)
{
  g_autoptr(GInputStream) in = text_stream (text, length);

  return baton_csv_import_prepare (store, in, mapping, NULL, error);
}

static gboolean
import (BatonStore  *store,
        const char  *text,
        gssize       length,
        GError     **error)
{
  g_autoptr(BatonCsvImport) plan = prepare (store, text, length, NULL, error);

  return plan != NULL && baton_csv_import_apply (plan, error);
}

static BatonStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  BatonStore *store = open_memory_store ();
  BatonDemoSize size;

  baton_demo_size_init_default (&size);
  size.today = 739000;
  g_assert_true (baton_demo_generate (store, &size, &error));
  g_assert_no_error (error);
  return store;
}

static BatonStage *
stage_named (BatonStore *store,
             const char *name)
{
  GListModel *stages = baton_store_get_stages (store);

  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(BatonStage) stage = g_list_model_get_item (stages, i);

      if (g_strcmp0 (baton_stage_get_name (stage), name) == 0)
        return stage;
    }
  return NULL;
}

/* Writer and reader ------------------------------------------------------ */

static void
test_writer_quoting (void)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  BatonCsvWriter writer;
  const char *cells[] = { "plain", "a,b", "say \"hi\"", "two\nlines", "=SUM(A1)", "+1", "-x", "@me",
                          "'=already", "it's", "", NULL };
  const char *expected = "\xef\xbb\xbf" "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",'=SUM(A1),'+1,'-x,'@me,''=already,it's,,\r\n"
                         "-3.5,=raw\r\n";
  g_autofree char *data = NULL;

  baton_csv_writer_init (&writer, out, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    baton_csv_writer_add_text (&writer, cells[i]);
  g_assert_true (baton_csv_writer_end_row (&writer, NULL, &error));
  baton_csv_writer_add_plain (&writer, "-3.5");
  baton_csv_writer_add_plain (&writer, "=raw");
  g_assert_true (baton_csv_writer_end_row (&writer, NULL, &error));
  g_assert_true (baton_csv_writer_finish (&writer, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  data = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_cmpstr (data, ==, expected);
}

static void
test_escape_round_trip (void)
{
  const char *cells[] = { "=1+1", "+", "-", "@", "\tx", "'", "''", "'=", "''=", "'''@x", "'a", "a=b",
                          "'\t", "-5", "", "x'", NULL };

  for (guint i = 0; cells[i] != NULL; i++)
    {
      const char *cell = cells[i];
      g_autofree char *written = baton_csv_escape_needed (cell) ? g_strconcat ("'", cell, NULL) : g_strdup (cell);

      g_assert_cmpstr (baton_csv_unescape (written), ==, cell);
      /* An escaped cell never starts with a formula character. */
      g_assert_false (written[0] == '=' || written[0] == '+' || written[0] == '-' || written[0] == '@');
    }
}

static GPtrArray *
read_all (const char  *text,
          gssize       length,
          char        *delimiter,
          GError     **error)
{
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(BatonCsvReader) reader = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row;

  if (length < 0)
    length = strlen (text);
  in = g_memory_input_stream_new_from_data (text, length, NULL);
  reader = baton_csv_reader_new (in, BATON_CSV_MAX_BYTES);
  while ((row = baton_csv_reader_next_row (reader, NULL, error)) != NULL)
    g_ptr_array_add (rows, row);
  if (delimiter != NULL)
    *delimiter = baton_csv_reader_get_delimiter (reader);
  return rows;
}

static char *
join_rows (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      GPtrArray *row = g_ptr_array_index (rows, i);

      for (guint j = 0; j < row->len; j++)
        g_string_append_printf (out, "%s<%s>", j ? "|" : "", (char *) row->pdata[j]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

static void
test_reader_variants (void)
{
  const char *expected = "<a>|<b>|<c>\n<1>|<two\r\nlines \"q\">|<>\n<x>|<y>|<z>\n";
  const char *inputs[] = {
    "a,b,c\r\n1,\"two\r\nlines \"\"q\"\"\",\r\nx,y,z\r\n",
    "\xef\xbb\xbf" "a,b,c\r\n1,\"two\r\nlines \"\"q\"\"\",\r\nx,y,z",
    "a;b;c\n1;\"two\r\nlines \"\"q\"\"\";\n\nx;y;z\n",
    "\xef\xbb\xbf" "a;b;c\r1;\"two\r\nlines \"\"q\"\"\";\rx;y;z\r\n\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      char delimiter = 0;
      g_autoptr(GPtrArray) rows = read_all (inputs[i], -1, &delimiter, &error);
      g_autofree char *joined = join_rows (rows);

      g_assert_no_error (error);
      g_assert_cmpstr (joined, ==, expected);
      g_assert_cmpint (delimiter, ==, i < 2 ? ',' : ';');
    }
}

static void
test_reader_errors (void)
{
  struct { const char *text; gint code; const char *line; } cases[] = {
    { "a,b\n1,2\n3\n", BATON_CSV_ERROR_PARSE, "Line 3 " },
    { "a,b\n1,2,3\n", BATON_CSV_ERROR_PARSE, "Line 2 " },
    { "a,b\n1,\"open\nstill\n", BATON_CSV_ERROR_PARSE, "Line 2:" },
    { "a,b\n1,\"x\"y\n", BATON_CSV_ERROR_PARSE, "Line 2:" },
    { "a,b\n1,x\"y\n", BATON_CSV_ERROR_PARSE, "Line 2:" },
    { "a,b\n\"multi\nline\",ok\n1,\xff\xfe\n", BATON_CSV_ERROR_ENCODING, "Line 4 " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = read_all (cases[i].text, -1, NULL, &error);

      g_assert_error (error, BATON_CSV_ERROR, cases[i].code);
      g_debug ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].line));
    }
}

/* Export ------------------------------------------------------------------ */

static BatonStore *
small_store (void)
{
  g_autoptr(GError) error = NULL;
  BatonStore *store = open_memory_store ();
  BatonRole *writer = baton_store_create_role (store, "Writer", NULL, &error);
  BatonPerson *ann = baton_store_create_person (store, "Ann, \"the\" writer", NULL, 40 * 60, NULL, &error);
  BatonClient *acme = baton_store_create_client (store, "=Acme", NULL, &error);
  BatonProgram *program = baton_store_create_program (store, acme, "Onboarding", &error);
  BatonStage *backlog = stage_named (store, "Backlog");
  BatonTask *task = baton_store_create_task (store, backlog, program, "Draft script", &error);
  BatonTask *bare = baton_store_create_task (store, backlog, NULL, "-minus first", &error);
  BatonChecklistItem *item;

  g_assert_no_error (error);
  g_assert_true (baton_store_update (store, task, &error,
                                     "description", "Line one\nLine \"two\"",
                                     "role-id", baton_record_get_id (BATON_RECORD (writer)),
                                     "estimate-minutes", (gint64) 90,
                                     "priority", (gint64) 2,
                                     "start-date", "2026-03-02",
                                     "due-date", "2026-03-13",
                                     "assignee-id", baton_record_get_id (BATON_RECORD (ann)),
                                     "created-at", "2026-01-05T10:00:00Z",
                                     "updated-at", "2026-01-06T11:30:00Z",
                                     NULL));
  g_assert_no_error (error);
  g_assert_nonnull (baton_store_add_checklist_item (store, task, "Outline", &error));
  item = baton_store_add_checklist_item (store, task, "Back\\slash and\nbreak", &error);
  g_assert_no_error (error);
  g_assert_true (baton_store_update (store, item, &error, "done", (gboolean) TRUE, NULL));
  g_assert_true (baton_store_update (store, bare, &error,
                                     "estimate-minutes", (gint64) 20,
                                     "archived", (gboolean) TRUE,
                                     "pinned", (gboolean) TRUE,
                                     "created-at", "2026-01-07T00:00:00Z",
                                     "updated-at", "2026-01-07T00:00:00Z",
                                     NULL));
  g_assert_no_error (error);
  return store;
}

static void
test_export_tasks (void)
{
  g_autoptr(BatonStore) store = small_store ();
  g_autofree char *csv = export_tasks (store, FALSE);
  g_autofree char *with_bom = export_tasks (store, TRUE);

  g_assert_cmpstr (csv, ==,
                   HEADER
                   "1,'=Acme,Onboarding,Draft script,Backlog,1024,\"Ann, \"\"the\"\" writer\",Writer,1.5,2026-03-02,2026-03-13,open,2,"
                   "\"[ ] Outline\n[x] Back\\\\slash and\\nbreak\",\"Line one\nLine \"\"two\"\"\",2026-01-05T10:00:00Z,2026-01-06T11:30:00Z,,no\r\n"
                   "2,,,'-minus first,Backlog,2048,,,0.33,,,archived,0,,,2026-01-07T00:00:00Z,2026-01-07T00:00:00Z,,yes\r\n");
  g_assert_true (g_str_has_prefix (with_bom, "\xef\xbb\xbf" "id,"));
  g_assert_cmpstr (with_bom + 3, ==, csv);
}

static void
test_export_file (void)
{
  g_autoptr(BatonStore) store = small_store ();
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autofree char *path = baton_test_workspace_file (ws, "tasks.csv");
  g_autofree char *missing = baton_test_workspace_file (ws, "no-such-folder/tasks.csv");
  g_autofree char *expected = export_tasks (store, TRUE);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  BatonCsvOptions options = { .bom = TRUE };
  GStatBuf st;

  g_assert_true (baton_csv_export_tasks_file (store, path, &options, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, expected);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_false (baton_csv_export_tasks_file (store, missing, &options, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* Round trips ---------------------------------------------------------- */

static void
test_round_trip_demo (void)
{
  g_autoptr(BatonStore) source = demo_store ();
  g_autoptr(BatonStore) target = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonTask) pinned = g_list_model_get_item (baton_store_get_tasks (source), 3);
  g_autofree char *first = NULL;
  g_autoptr(BatonCsvImport) plan = NULL;
  const BatonCsvPreview *preview;

  /* A pinned task stays pinned. */
  g_assert_true (baton_store_update (source, pinned, &error, "pinned", (gboolean) TRUE, NULL));
  g_assert_no_error (error);
  first = export_tasks (source, TRUE);
  g_assert_nonnull (strstr (first, ",yes\r\n"));
  plan = prepare (target, first, -1, NULL, &error);
  g_autofree char *second = NULL;

  g_assert_no_error (error);
  preview = baton_csv_import_get_preview (plan);
  g_assert_cmpuint (preview->n_rows, ==, g_list_model_get_n_items (baton_store_get_tasks (source)));
  g_assert_cmpuint (preview->n_new_tasks, ==, preview->n_rows);
  g_assert_cmpuint (preview->n_updated_tasks, ==, 0);
  g_assert_cmpuint (preview->n_new_people, >, 0);
  g_assert_cmpuint (preview->n_new_clients, ==, g_list_model_get_n_items (baton_store_get_clients (source)));
  /* The preview wrote nothing. */
  g_assert_true (baton_store_is_empty (target));

  g_assert_true (baton_csv_import_apply (plan, &error));
  g_assert_no_error (error);
  second = export_tasks (target, TRUE);
  baton_test_assert_text ("the second export", second, first);

  /* One undo step takes it all back. */
  g_assert_true (baton_store_undo (target, &error));
  g_assert_no_error (error);
  g_assert_true (baton_store_is_empty (target));
}

static void
test_reimport_unchanged (void)
{
  g_autoptr(BatonStore) store = small_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = export_tasks (store, FALSE);
  g_autoptr(BatonTestState) before = baton_test_state_capture (store);
  g_autoptr(BatonCsvImport) plan = prepare (store, csv, -1, NULL, &error);
  const BatonCsvPreview *preview = baton_csv_import_get_preview (plan);

  g_assert_no_error (error);
  g_assert_cmpuint (preview->n_unchanged_tasks, ==, 2);
  g_assert_cmpuint (preview->n_new_tasks + preview->n_updated_tasks + preview->n_new_people +
                    preview->n_new_stages + preview->n_new_roles + preview->n_new_clients +
                    preview->n_new_programs, ==, 0);
  g_assert_true (baton_csv_import_apply (plan, &error));
  g_assert_no_error (error);
  /* Nothing written, and no empty undo step either. */
  baton_test_assert_state_equals (before, store);
}

static void
test_import_header_only (void)
{
  g_autoptr(BatonStore) store = small_store ();
  g_autoptr(BatonTestState) before = baton_test_state_capture (store);
  g_autoptr(GError) error = NULL;

  g_assert_true (import (store, HEADER, -1, &error));
  g_assert_no_error (error);
  baton_test_assert_state_equals (before, store);
}

static void
test_import_update (void)
{
  g_autoptr(BatonStore) store = small_store ();
  g_autoptr(GError) error = NULL;
  BatonTask *task = baton_store_lookup_task (store, 1);
  const char *csv = "id,title,assignee,estimate_hours,due_date,stage,checklist\n"
                    "1,Draft script v2,Bo New,2.25,2026-03-20,Review,[x] Only item\n"
                    ",Brand new,,,,,\n";
  g_autoptr(BatonCsvImport) plan = prepare (store, csv, -1, NULL, &error);
  const BatonCsvPreview *preview = baton_csv_import_get_preview (plan);
  g_autoptr(GPtrArray) items = NULL;
  BatonTask *added;

  g_assert_no_error (error);
  g_assert_cmpuint (preview->n_updated_tasks, ==, 1);
  g_assert_cmpuint (preview->n_new_tasks, ==, 1);
  g_assert_cmpuint (preview->n_new_people, ==, 1);
  g_assert_cmpuint (preview->n_new_stages, ==, 0);
  g_assert_true (baton_csv_import_apply (plan, &error));
  g_assert_no_error (error);

  g_assert_cmpstr (baton_task_get_title (task), ==, "Draft script v2");
  g_assert_cmpint (baton_task_get_estimate_minutes (task), ==, 135);
  g_assert_cmpstr (baton_task_get_due_date (task), ==, "2026-03-20");
  g_assert_cmpstr (baton_task_get_start_date (task), ==, "2026-03-02");
  g_assert_cmpint (baton_task_get_priority (task), ==, 2);   /* not in the file: kept */
  g_assert_cmpstr (baton_person_get_name (baton_store_lookup_person (store, baton_task_get_assignee_id (task))), ==, "Bo New");
  g_assert_true (baton_store_lookup_stage (store, baton_task_get_stage_id (task)) == stage_named (store, "Review"));
  items = baton_store_get_task_checklist (store, task);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (baton_checklist_item_get_text (items->pdata[0]), ==, "Only item");
  g_assert_true (baton_checklist_item_get_done (items->pdata[0]));

  added = baton_store_lookup_task (store, 3);
  g_assert_nonnull (added);
  g_assert_cmpstr (baton_task_get_title (added), ==, "Brand new");
  g_assert_true (baton_store_lookup_stage (store, baton_task_get_stage_id (added)) == stage_named (store, "Backlog"));
  g_assert_cmpint (baton_task_get_position (added), >, 2048);
}

/* The same tasks as ';', LF, CRLF, with and without a BOM import alike. */
static void
test_import_variants (void)
{
  const char *variants[] = {
    "title,notes,estimate_hours,start_date\r\nOne,\"a\r\nb\",1.5,2026-05-04\r\nTwo,,,\r\n",
    "\xef\xbb\xbf" "title,notes,estimate_hours,start_date\nOne,\"a\r\nb\",1.5,2026-05-04\nTwo,,,\n",
    "title;notes;estimate_hours;start_date\nOne;\"a\r\nb\";1.5;2026-05-04\nTwo;;;",
    "\xef\xbb\xbf" "TITLE ; Notes;estimate_hours;start_date\r\nOne;\"a\r\nb\";1.5;2026-05-04\r\nTwo;;;\r\n",
  };
  g_autofree char *expected = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(BatonStore) store = open_memory_store ();
      g_autoptr(GError) error = NULL;
      g_autofree char *csv = NULL;
      BatonTask *one;

      g_assert_true (import (store, variants[i], -1, &error));
      g_assert_no_error (error);
      one = baton_store_lookup_task (store, 1);
      g_assert_cmpstr (baton_task_get_description (one), ==, "a\r\nb");
      g_assert_cmpint (baton_task_get_estimate_minutes (one), ==, 90);
      g_assert_cmpstr (baton_task_get_start_date (one), ==, "2026-05-04");
      g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_tasks (store)), ==, 2);
    }
  (void) expected;
}

/* Bad input: a clear error, and the workspace as it was. */
static void
check_refused (const char *text,
               gssize      length,
               gint        code,
               const char *fragment)
{
  g_autoptr(BatonStore) store = small_store ();
  g_autoptr(BatonTestState) before = baton_test_state_capture (store);
  g_autoptr(GError) error = NULL;

  g_assert_false (import (store, text, length, &error));
  g_assert_error (error, BATON_CSV_ERROR, code);
  g_debug ("refused: %s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” is not in “%s”", fragment, error->message);
  baton_test_assert_state_equals (before, store);
}

static void
test_bad_ragged (void)
{
  check_refused ("title,notes\nOne,x\nTwo\n", -1, BATON_CSV_ERROR_PARSE, "Line 3");
}

static void
test_bad_unknown_header (void)
{
  check_refused ("title,colour,mood\nOne,red,ok\n", -1, BATON_CSV_ERROR_HEADER, "“colour”, “mood”");
  check_refused ("notes,due_date\nx,2026-01-01\n", -1, BATON_CSV_ERROR_HEADER, "title");
  check_refused ("title,Title\nx,y\n", -1, BATON_CSV_ERROR_HEADER, "title");
  check_refused ("", -1, BATON_CSV_ERROR_HEADER, NULL);
}

static void
test_bad_values (void)
{
  check_refused ("title,due_date\nOne,2026-01-01\nTwo,2026-02-30\n", -1, BATON_CSV_ERROR_VALUE, "Line 3");
  check_refused ("title,due_date\nOne,01/02/2026\n", -1, BATON_CSV_ERROR_VALUE, "Line 2");
  check_refused ("title,start_date,due_date\nOne,2026-03-02,2026-03-01\n", -1, BATON_CSV_ERROR_VALUE, "Line 2");
  check_refused ("title;estimate_hours\nOne;1,5\n", -1, BATON_CSV_ERROR_VALUE, "decimal point");
  check_refused ("title,estimate_hours\nOne,lots\n", -1, BATON_CSV_ERROR_VALUE, "Line 2");
  check_refused ("title,estimate_hours\nOne,-2\n", -1, BATON_CSV_ERROR_VALUE, "Line 2");
  check_refused ("title,estimate_hours\nOne,nan\n", -1, BATON_CSV_ERROR_VALUE, "Line 2");
  check_refused ("title,priority\nOne,7\n", -1, BATON_CSV_ERROR_VALUE, "priority");
  check_refused ("title,status\nOne,maybe\n", -1, BATON_CSV_ERROR_VALUE, "maybe");
  check_refused ("title\nOne\n\"  \"\n", -1, BATON_CSV_ERROR_VALUE, "Line 3");
  check_refused ("id,title\n7,One\n7,Two\n", -1, BATON_CSV_ERROR_VALUE, "line 2");
  check_refused ("title,program\nOne,Orphan\n", -1, BATON_CSV_ERROR_VALUE, "client");
  check_refused ("title,created_at\nOne,yesterday\n", -1, BATON_CSV_ERROR_VALUE, "created_at");
  check_refused ("title,pinned\nOne,yes\nTwo,sometimes\n", -1, BATON_CSV_ERROR_VALUE,
                 "Line 3: The pinned “sometimes” is not yes or no.");
}

static void
test_bad_quotes_and_encoding (void)
{
  check_refused ("title,notes\nOne,\"never closed\nTwo,x\n", -1, BATON_CSV_ERROR_PARSE, "Line 2");
  check_refused ("title,notes\nOne,\"x\"y\n", -1, BATON_CSV_ERROR_PARSE, "Line 2");
  check_refused ("title,notes\nOne,ok\nCaf\xe9,latin-1\n", -1, BATON_CSV_ERROR_ENCODING, "Line 3");
  check_refused ("title,notes\nOne,nul\0byte\n", 25, BATON_CSV_ERROR_ENCODING, "Line 2");
}

static void
test_bad_huge (void)
{
  g_autoptr(BatonStore) store = small_store ();
  g_autoptr(BatonTestState) before = baton_test_state_capture (store);
  g_autoptr(GError) error = NULL;
  gsize size = BATON_CSV_MAX_BYTES + 1024;
  char *data = g_malloc (size);
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(BatonCsvImport) plan = NULL;
  const char *row = "A task,with a note\n";
  gsize len = strlen (row);

  memcpy (data, "title,notes\n", 12);
  for (gsize at = 12; at < size; at += len)
    memcpy (data + at, row, MIN (len, size - at));
  in = g_memory_input_stream_new_from_data (data, size, g_free);
  plan = baton_csv_import_prepare (store, in, NULL, NULL, &error);
  g_assert_null (plan);
  g_assert_error (error, BATON_CSV_ERROR, BATON_CSV_ERROR_TOO_LARGE);
  g_debug ("%s", error->message);
  baton_test_assert_state_equals (before, store);
}

/* A failure while writing (here: the task to update was deleted after
 * the preview) rolls back everything the import wrote before it. */
static void
test_apply_fails (void)
{
  g_autoptr(BatonStore) store = small_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonCsvImport) plan = prepare (store,
                                            "id,title,assignee,stage\n"
                                            ",Comes first,New Person,New stage\n"
                                            "1,Renamed,,\n", -1, NULL, &error);
  g_autoptr(BatonTestState) before = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (baton_csv_import_get_preview (plan)->n_new_tasks, ==, 1);
  g_assert_cmpuint (baton_csv_import_get_preview (plan)->n_updated_tasks, ==, 1);
  g_assert_true (baton_store_delete (store, baton_store_lookup_task (store, 1), &error));
  g_assert_no_error (error);
  before = baton_test_state_capture (store);

  g_assert_false (baton_csv_import_apply (plan, &error));
  g_assert_nonnull (error);
  g_debug ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "Line 3: "));
  baton_test_assert_state_equals (before, store);
}

static void
test_mapping (void)
{
  g_autoptr(BatonStore) store = open_memory_store ();
  g_autoptr(GError) error = NULL;
  BatonCsvMapping mapping;
  g_autoptr(BatonCsvImport) plan = NULL;
  const BatonCsvPreview *preview;
  BatonTask *task;

  baton_csv_mapping_init (&mapping);
  mapping.columns[BATON_CSV_FIELD_TITLE] = 2;
  mapping.columns[BATON_CSV_FIELD_DUE_DATE] = 0;
  mapping.columns[BATON_CSV_FIELD_ASSIGNEE] = 1;
  plan = prepare (store, "Deadline,Who,Task name,Ignored\n2026-04-01,Kim,Write,zzz\n2026-04-02,kim,Edit,\n", -1,
                  &mapping, &error);
  g_assert_no_error (error);
  preview = baton_csv_import_get_preview (plan);
  g_assert_cmpuint (preview->n_new_tasks, ==, 2);
  g_assert_cmpuint (preview->n_new_people, ==, 1);   /* "kim" is "Kim", ignoring case */
  g_assert_true (baton_csv_import_apply (plan, &error));
  g_assert_no_error (error);
  task = baton_store_lookup_task (store, 2);
  g_assert_cmpstr (baton_task_get_title (task), ==, "Edit");
  g_assert_cmpstr (baton_task_get_due_date (task), ==, "2026-04-02");
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_people (store)), ==, 1);
}

static void
test_preview_warnings (void)
{
  g_autoptr(BatonStore) store = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonCsvImport) plan = prepare (store,
                                            "title,client,program,stage,status,role\n"
                                            "One,Acme,,Backlog,done,Writer\n"
                                            "Two,Acme,Intro,New stage,,writer\n", -1, NULL, &error);
  const BatonCsvPreview *preview;

  g_assert_no_error (error);
  preview = baton_csv_import_get_preview (plan);
  g_assert_cmpuint (preview->warnings->len, ==, 2);
  g_assert_true (g_str_has_prefix (preview->warnings->pdata[0], "Line 2: "));
  g_assert_nonnull (strstr (preview->warnings->pdata[0], "Acme"));
  g_assert_true (g_str_has_prefix (preview->warnings->pdata[1], "Line 2: "));
  g_assert_cmpuint (preview->n_new_stages, ==, 1);
  g_assert_cmpuint (preview->n_new_roles, ==, 1);
  g_assert_cmpuint (preview->n_new_clients, ==, 1);
  g_assert_cmpuint (preview->n_new_programs, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_roles (store)), ==, 0);
}

/* A person the import creates holds the role of their first task that
 * names one; people who exist keep their roles. */
static void
test_new_people_roles (void)
{
  g_autoptr(BatonStore) store = small_store ();
  g_autoptr(GError) error = NULL;
  BatonPerson *ann = baton_store_lookup_person (store, 1);
  BatonPerson *sam;

  g_assert_true (import (store,
                         "title,assignee,role\n"
                         "One,Sam,\n"
                         "Two,Sam,Reviewer\n"
                         "Three,Sam,Writer\n"
                         "Four,\"Ann, \"\"the\"\" writer\",Reviewer\n", -1, &error));
  g_assert_no_error (error);
  sam = baton_store_lookup_person (store, 2);
  g_assert_cmpstr (baton_person_get_name (sam), ==, "Sam");
  g_assert_cmpint (baton_person_get_weekly_capacity_minutes (sam), ==, 40 * 60);
  g_assert_cmpstr (baton_role_get_name (baton_store_lookup_role (store, baton_store_get_primary_role_id (store, sam))), ==, "Reviewer");
  g_assert_cmpint (baton_store_get_primary_role_id (store, ann), ==, 0);
}

/* Capacity ----------------------------------------------------------------- */

static void
test_export_capacity (void)
{
  g_autoptr(BatonStore) store = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  BatonRole *designer = baton_store_create_role (store, "Designer", NULL, &error);
  gint64 role_id = baton_record_get_id (BATON_RECORD (designer));
  BatonPerson *kim = baton_store_create_person (store, "Kim", NULL, 40 * 60, NULL, &error);
  BatonTask *task = baton_store_create_task (store, stage_named (store, "Design"), NULL, "Storyboard", &error);
  g_autofree char *data = NULL;
  guint32 first;

  g_assert_no_error (error);
  g_assert_true (baton_store_set_person_roles (store, kim, &role_id, 1, role_id, &error));
  /* 2026-03-04 is a Wednesday; its week starts on Monday 2026-03-02. */
  g_assert_nonnull (baton_store_add_time_off (store, kim, "2026-03-05", "2026-03-05", NULL, &error));
  g_assert_true (baton_store_reassign_task (store, task, kim, &error));
  g_assert_true (baton_store_update (store, task, &error, "estimate-minutes", (gint64) 50 * 60, NULL));
  g_assert_true (baton_store_schedule_task (store, task, "2026-03-02", "2026-03-13", &error));
  g_assert_no_error (error);
  g_assert_true (baton_date_parse ("2026-03-04", &first));

  g_assert_true (baton_csv_export_capacity (store, NULL, first, 3, out, NULL, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  data = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_cmpstr (data, ==,
                   "person,role,week_start,capacity_hours,time_off_hours,load_hours,free_hours\r\n"
                   "Kim,Designer,2026-03-02,32,8,25,7\r\n"
                   "Kim,Designer,2026-03-09,40,0,25,15\r\n"
                   "Kim,Designer,2026-03-16,40,0,0,40\r\n");

  /* The same through a file, with a byte order mark. */
  {
    g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
    g_autofree char *path = baton_test_workspace_file (ws, "capacity.csv");
    g_autofree char *text = NULL;
    BatonCsvOptions options = { .bom = TRUE };

    g_assert_true (baton_csv_export_capacity_file (store, NULL, first, 3, path, &options, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbf"));
    g_assert_cmpstr (text + 3, ==, data);
  }
}

/* The guess at a header people wrote: field names in any spelling first,
 * then English and German synonyms; each field at most once. */
static void
assert_guess (const char * const *header,
              const gint         *expected)   /* -1 terminated pairs: field, column */
{
  BatonCsvMapping mapping;
  BatonCsvMapping wanted;

  baton_csv_mapping_guess (&mapping, header, g_strv_length ((char **) header));
  baton_csv_mapping_init (&wanted);
  for (guint i = 0; expected[i] >= 0; i += 2)
    wanted.columns[expected[i]] = expected[i + 1];

  for (guint f = 0; f < BATON_CSV_N_FIELDS; f++)
    if (mapping.columns[f] != wanted.columns[f])
      g_error ("%s: column %d, expected %d", baton_csv_field_get_name (f),
               mapping.columns[f], wanted.columns[f]);
}

static void
test_mapping_guess (void)
{
  static const char * const spreadsheet[] = { "Task", "Owner", "Deadline", "Colour", NULL };
  static const gint spreadsheet_fields[] = {
    BATON_CSV_FIELD_TITLE, 0, BATON_CSV_FIELD_ASSIGNEE, 1, BATON_CSV_FIELD_DUE_DATE, 2, -1 };
  /* Field names in any spelling win over synonyms, and come once. */
  static const char * const spellings[] = { "Name", " Due Date ", "due-date", "DUE_DATE", "Title",
                                            "Estimate.Hours", "Start", "Deadline", NULL };
  static const gint spellings_fields[] = {
    BATON_CSV_FIELD_DUE_DATE, 1, BATON_CSV_FIELD_TITLE, 4, BATON_CSV_FIELD_ESTIMATE_HOURS, 5,
    BATON_CSV_FIELD_START_DATE, 6, -1 };
  static const char * const english[] = { "Summary", "Assigned to", "Begin", "End", "Hours",
                                          "State", "Details", "Project", "Customer", "List",
                                          "Effort", NULL };
  static const gint english_fields[] = {
    BATON_CSV_FIELD_TITLE, 0, BATON_CSV_FIELD_ASSIGNEE, 1, BATON_CSV_FIELD_START_DATE, 2,
    BATON_CSV_FIELD_DUE_DATE, 3, BATON_CSV_FIELD_ESTIMATE_HOURS, 4, BATON_CSV_FIELD_STATUS, 5,
    BATON_CSV_FIELD_NOTES, 6, BATON_CSV_FIELD_PROGRAM, 7, BATON_CSV_FIELD_CLIENT, 8,
    BATON_CSV_FIELD_STAGE, 9, -1 };
  static const char * const german[] = { "Aufgabe", "Verantwortlich", "Beginn", "Fälligkeitsdatum",
                                         "Aufwand", "Status", "Notizen", "Kunde", "Programm",
                                         "Phase", "Titel", "FÄLLIG", NULL };
  static const gint german_fields[] = {
    BATON_CSV_FIELD_TITLE, 0, BATON_CSV_FIELD_ASSIGNEE, 1, BATON_CSV_FIELD_START_DATE, 2,
    BATON_CSV_FIELD_DUE_DATE, 3, BATON_CSV_FIELD_ESTIMATE_HOURS, 4, BATON_CSV_FIELD_STATUS, 5,
    BATON_CSV_FIELD_NOTES, 6, BATON_CSV_FIELD_CLIENT, 7, BATON_CSV_FIELD_PROGRAM, 8,
    BATON_CSV_FIELD_STAGE, 9, -1 };
  static const char * const german_more[] = { "Titel", "Fällig", "Stunden", "Projekt", "Who", NULL };
  static const gint german_more_fields[] = {
    BATON_CSV_FIELD_TITLE, 0, BATON_CSV_FIELD_DUE_DATE, 1, BATON_CSV_FIELD_ESTIMATE_HOURS, 2,
    BATON_CSV_FIELD_PROGRAM, 3, BATON_CSV_FIELD_ASSIGNEE, 4, -1 };
  static const char * const nothing[] = { "Colour", "", "42", NULL };
  static const gint nothing_fields[] = { -1 };
  g_autoptr(BatonStore) store = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonCsvImport) plan = NULL;
  BatonCsvMapping mapping;
  BatonTask *task;

  assert_guess (spreadsheet, spreadsheet_fields);
  assert_guess (spellings, spellings_fields);
  assert_guess (english, english_fields);
  assert_guess (german, german_fields);
  assert_guess (german_more, german_more_fields);
  assert_guess (nothing, nothing_fields);

  /* The export's own header maps as the exact mapping does. */
  {
    g_auto(GStrv) header = g_strsplit ("id,client,program,title,stage,position,assignee,role,"
                                       "estimate_hours,start_date,due_date,status,priority,checklist,"
                                       "notes,created_at,updated_at,completed_at", ",", -1);
    BatonCsvMapping exact;

    baton_csv_mapping_guess (&mapping, (const char * const *) header, g_strv_length (header));
    g_assert_true (baton_csv_mapping_init_from_header (&exact, (const char * const *) header,
                                                       g_strv_length (header), &error));
    g_assert_no_error (error);
    g_assert_cmpmem (mapping.columns, sizeof mapping.columns, exact.columns, sizeof exact.columns);
  }

  /* A guess imports. */
  baton_csv_mapping_guess (&mapping, spreadsheet, 4);
  plan = prepare (store, "Task,Owner,Deadline,Colour\nWrite,Kim,2026-04-01,blue\n", -1, &mapping, &error);
  g_assert_no_error (error);
  g_assert_true (baton_csv_import_apply (plan, &error));
  g_assert_no_error (error);
  task = baton_store_lookup_task (store, 1);
  g_assert_cmpstr (baton_task_get_title (task), ==, "Write");
  g_assert_cmpstr (baton_task_get_due_date (task), ==, "2026-04-01");
  g_assert_cmpint (baton_task_get_assignee_id (task), !=, 0);
}

/* People ------------------------------------------------------------------ */

#define PEOPLE_HEADER "name,email,role,roles,weekly_capacity_hours,archived,placeholder\r\n"

static char *
export_people (BatonStore *store,
               gboolean    bom)
{
  return export_with (baton_csv_export_people, store, bom);
}

static BatonCsvPeopleImport *
prepare_people (BatonStore                   *store,
                const char                   *text,
                gssize                        length,
                const BatonCsvPeopleMapping  *mapping,
                GError                      **error)
{
  g_autoptr(GInputStream) in = text_stream (text, length);

  return baton_csv_people_import_prepare (store, in, mapping, NULL, error);
}

static gboolean
import_people (BatonStore  *store,
               const char  *text,
               gssize       length,
               GError     **error)
{
  g_autoptr(BatonCsvPeopleImport) plan = prepare_people (store, text, length, NULL, error);

  return plan != NULL && baton_csv_people_import_apply (plan, error);
}

static BatonPerson *
person_named (BatonStore *store,
              const char *name)
{
  GListModel *people = baton_store_get_people (store);

  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (people, i);

      if (g_strcmp0 (baton_person_get_name (person), name) == 0)
        return person;
    }
  return NULL;
}

/* Ann (Writer, primary, and Reviewer), Bo (no roles, archived, 37.5 h),
 * Writer TBD (a placeholder). */
static BatonStore *
roster_store (void)
{
  g_autoptr(GError) error = NULL;
  BatonStore *store = open_memory_store ();
  BatonRole *writer = baton_store_create_role (store, "Writer", NULL, &error);
  BatonRole *reviewer = baton_store_create_role (store, "Reviewer", NULL, &error);
  BatonPerson *ann = baton_store_create_person (store, "Ann, \"the\" writer", "ann@example.org", 40 * 60, NULL, &error);
  BatonPerson *bo = baton_store_create_person (store, "=Bo", NULL, 37 * 60 + 30, NULL, &error);
  BatonPerson *tbd;
  gint64 roles[] = { baton_record_get_id (BATON_RECORD (reviewer)), baton_record_get_id (BATON_RECORD (writer)) };

  g_assert_no_error (error);
  g_assert_true (baton_store_set_person_roles (store, ann, roles, 2, roles[1], &error));
  g_assert_true (baton_store_update (store, bo, &error, "archived", (gboolean) TRUE, NULL));
  g_assert_nonnull (tbd = baton_store_create_person (store, "Writer TBD", NULL, 40 * 60, NULL, &error));
  g_assert_true (baton_store_update (store, tbd, &error, "placeholder", (gboolean) TRUE, NULL));
  g_assert_no_error (error);
  return store;
}

static void
test_people_export (void)
{
  g_autoptr(BatonStore) store = roster_store ();
  g_autofree char *csv = export_people (store, FALSE);
  g_autofree char *with_bom = export_people (store, TRUE);

  baton_test_assert_text ("the people export", csv,
                          PEOPLE_HEADER
                          "\"Ann, \"\"the\"\" writer\",ann@example.org,Writer,Writer; Reviewer,40,no,no\r\n"
                          "'=Bo,,,,37.5,yes,no\r\n"
                          "Writer TBD,,,,40,no,yes\r\n");
  g_assert_true (g_str_has_prefix (with_bom, "\xef\xbb\xbf" PEOPLE_HEADER));
  g_assert_cmpstr (with_bom + 3, ==, csv);
}

static void
check_people_round_trip (BatonStore *source)
{
  g_autoptr(BatonStore) target = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *first = export_people (source, TRUE);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr(BatonCsvPeopleImport) plan = NULL;
  g_autoptr(BatonCsvPeopleImport) again = NULL;
  g_autoptr(BatonTestState) before = baton_test_state_capture (source);
  guint n_people = g_list_model_get_n_items (baton_store_get_people (source));
  const BatonCsvPeoplePreview *preview;

  /* Into the same workspace: nothing changes. */
  again = prepare_people (source, first, -1, NULL, &error);
  g_assert_no_error (error);
  preview = baton_csv_people_import_get_preview (again);
  g_assert_cmpuint (preview->n_rows, ==, n_people);
  g_assert_cmpuint (preview->n_unchanged_people, ==, n_people);
  g_assert_cmpuint (preview->n_new_people + preview->n_updated_people + preview->n_new_roles, ==, 0);
  g_assert_cmpuint (preview->warnings->len, ==, 0);
  g_assert_true (baton_csv_people_import_apply (again, &error));
  g_assert_no_error (error);
  baton_test_assert_state_equals (before, source);
  third = export_people (source, TRUE);
  baton_test_assert_text ("the export after importing into the same workspace", third, first);

  /* Into an empty workspace: the same file out again. */
  plan = prepare_people (target, first, -1, NULL, &error);
  g_assert_no_error (error);
  preview = baton_csv_people_import_get_preview (plan);
  g_assert_cmpuint (preview->n_rows, ==, n_people);
  g_assert_cmpuint (preview->n_new_people, ==, n_people);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_people (target)), ==, 0);
  g_assert_true (baton_csv_people_import_apply (plan, &error));
  g_assert_no_error (error);
  second = export_people (target, TRUE);
  baton_test_assert_text ("the export of the imported people", second, first);

  /* One undo step takes it all back. */
  g_assert_true (baton_store_undo (target, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_people (target)), ==, 0);
}

static void
test_people_round_trip (void)
{
  g_autoptr(BatonStore) roster = roster_store ();
  g_autoptr(BatonStore) demo = demo_store ();

  check_people_round_trip (roster);
  check_people_round_trip (demo);
}

static void
test_people_update (void)
{
  g_autoptr(BatonStore) store = roster_store ();
  g_autoptr(GError) error = NULL;
  BatonPerson *ann = person_named (store, "Ann, \"the\" writer");
  BatonPerson *bo = person_named (store, "=Bo");
  BatonPerson *cy;
  g_autoptr(GArray) roles = NULL;
  const char *csv = "name,role,weekly_capacity_hours\n"
                    "\"ann, \"\"THE\"\" writer\",Reviewer,30.25\n"
                    "'=Bo,Designer,\n"
                    "Cy,,\n";
  g_autoptr(BatonCsvPeopleImport) plan = prepare_people (store, csv, -1, NULL, &error);
  const BatonCsvPeoplePreview *preview = baton_csv_people_import_get_preview (plan);

  g_assert_no_error (error);
  g_assert_cmpuint (preview->n_rows, ==, 3);
  g_assert_cmpuint (preview->n_new_people, ==, 1);
  g_assert_cmpuint (preview->n_updated_people, ==, 2);
  g_assert_cmpuint (preview->n_unchanged_people, ==, 0);
  g_assert_cmpuint (preview->n_new_roles, ==, 1);
  /* Matched ignoring case: said so. */
  g_assert_cmpuint (preview->warnings->len, ==, 1);
  g_assert_nonnull (strstr (preview->warnings->pdata[0], "Line 2"));
  g_assert_true (baton_csv_people_import_apply (plan, &error));
  g_assert_no_error (error);

  /* Ann: Reviewer is primary now, Writer kept; email kept; name kept. */
  g_assert_cmpstr (baton_person_get_name (ann), ==, "Ann, \"the\" writer");
  g_assert_cmpstr (baton_person_get_email (ann), ==, "ann@example.org");
  g_assert_cmpint (baton_person_get_weekly_capacity_minutes (ann), ==, 30 * 60 + 15);
  roles = baton_store_get_person_role_ids (store, ann);
  g_assert_cmpuint (roles->len, ==, 2);
  g_assert_cmpstr (baton_role_get_name (baton_store_lookup_role (store, g_array_index (roles, gint64, 0))), ==, "Reviewer");
  /* Bo: a new role, hours and archived kept. */
  g_assert_cmpint (baton_person_get_weekly_capacity_minutes (bo), ==, 37 * 60 + 30);
  g_assert_true (baton_person_get_archived (bo));
  g_assert_cmpstr (baton_role_get_name (baton_store_lookup_role (store, baton_store_get_primary_role_id (store, bo))), ==, "Designer");
  /* Cy: the defaults. */
  cy = person_named (store, "Cy");
  g_assert_nonnull (cy);
  g_assert_cmpint (baton_person_get_weekly_capacity_minutes (cy), ==, 40 * 60);
  g_assert_false (baton_person_get_archived (cy));
  g_assert_cmpint (baton_store_get_primary_role_id (store, cy), ==, 0);

  /* One undo step. */
  g_assert_true (baton_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_null (person_named (store, "Cy"));
  g_assert_cmpint (baton_person_get_weekly_capacity_minutes (ann), ==, 40 * 60);

  /* Only the hours differ: an update, and the other row unchanged. */
  {
    g_autoptr(BatonCsvPeopleImport) hours = prepare_people (store,
                                                            "name,weekly_capacity_hours\n"
                                                            "'=Bo,37.5\n"
                                                            "\"Ann, \"\"the\"\" writer\",41\n", -1, NULL, &error);

    g_assert_no_error (error);
    preview = baton_csv_people_import_get_preview (hours);
    g_assert_cmpuint (preview->n_unchanged_people, ==, 1);
    g_assert_cmpuint (preview->n_updated_people, ==, 1);
    g_assert_true (baton_csv_people_import_apply (hours, &error));
    g_assert_no_error (error);
    g_assert_cmpint (baton_person_get_weekly_capacity_minutes (ann), ==, 41 * 60);
  }
}

static void
test_people_roles_list (void)
{
  g_autoptr(BatonStore) store = roster_store ();
  g_autoptr(GError) error = NULL;
  BatonPerson *ann = person_named (store, "Ann, \"the\" writer");
  g_autoptr(GArray) roles = NULL;
  const char *csv = "name;role;roles;archived;email\n"
                    "\"Ann, \"\"the\"\" writer\";Lead;\"Reviewer ;  ; reviewer\";YES;\n";
  g_autoptr(BatonCsvPeopleImport) plan = prepare_people (store, csv, -1, NULL, &error);
  const BatonCsvPeoplePreview *preview = baton_csv_people_import_get_preview (plan);

  g_assert_no_error (error);
  g_assert_cmpuint (preview->n_updated_people, ==, 1);
  g_assert_cmpuint (preview->n_new_roles, ==, 1);
  /* The primary role is not in the list: added, with a warning. */
  g_assert_cmpuint (preview->warnings->len, ==, 1);
  g_assert_nonnull (strstr (preview->warnings->pdata[0], "Lead"));
  g_assert_true (baton_csv_people_import_apply (plan, &error));
  g_assert_no_error (error);
  roles = baton_store_get_person_role_ids (store, ann);
  g_assert_cmpuint (roles->len, ==, 2);
  g_assert_cmpstr (baton_role_get_name (baton_store_lookup_role (store, g_array_index (roles, gint64, 0))), ==, "Lead");
  g_assert_cmpstr (baton_role_get_name (baton_store_lookup_role (store, g_array_index (roles, gint64, 1))), ==, "Reviewer");
  g_assert_true (baton_person_get_archived (ann));
  g_assert_null (baton_person_get_email (ann));
}

static void
check_people_refused (const char *text,
                      gssize      length,
                      gint        code,
                      const char *fragment)
{
  g_autoptr(BatonStore) store = roster_store ();
  g_autoptr(BatonTestState) before = baton_test_state_capture (store);
  g_autoptr(GError) error = NULL;

  g_assert_false (import_people (store, text, length, &error));
  g_assert_error (error, BATON_CSV_ERROR, code);
  g_debug ("refused: %s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("“%s” is not in “%s”", fragment, error->message);
  baton_test_assert_state_equals (before, store);
}

static void
test_people_bad (void)
{
  check_people_refused ("name,email\nCy,x\n\"  \",y\n", -1, BATON_CSV_ERROR_VALUE, "Line 3: The name is empty");
  check_people_refused ("name\nCy\nDee\ncy\n", -1, BATON_CSV_ERROR_VALUE, "Line 4: The person “cy” is already on line 2.");
  check_people_refused ("name,weekly_capacity_hours\nCy,lots\n", -1, BATON_CSV_ERROR_VALUE,
                        "Line 2: The weekly_capacity_hours “lots” is not a number of hours from 0 to 168.");
  check_people_refused ("name;weekly_capacity_hours\nCy;37,5\n", -1, BATON_CSV_ERROR_VALUE, "decimal point");
  check_people_refused ("name,weekly_capacity_hours\nCy,40\nDee,169\n", -1, BATON_CSV_ERROR_VALUE, "Line 3: The weekly_capacity_hours “169”");
  check_people_refused ("name,weekly_capacity_hours\nCy,-1\n", -1, BATON_CSV_ERROR_VALUE, "Line 2");
  check_people_refused ("name,weekly_capacity_hours\nCy,nan\n", -1, BATON_CSV_ERROR_VALUE, "Line 2");
  check_people_refused ("name,archived\nCy,maybe\n", -1, BATON_CSV_ERROR_VALUE, "Line 2: The archived “maybe” is not yes or no.");
  check_people_refused ("name,placeholder\nCy,no\nDee,later\n", -1, BATON_CSV_ERROR_VALUE,
                        "Line 3: The placeholder “later” is not yes or no.");
  check_people_refused ("name,email\nCy,x\nDee\n", -1, BATON_CSV_ERROR_PARSE, "Line 3");
  check_people_refused ("name,email\nCy,ok\nCaf\xe9,x\n", -1, BATON_CSV_ERROR_ENCODING, "Line 3");
  check_people_refused ("name,title\nCy,x\n", -1, BATON_CSV_ERROR_HEADER, "“title”");
  check_people_refused ("email\nx@example.org\n", -1, BATON_CSV_ERROR_HEADER, "“name”");
  check_people_refused ("name,Name\nx,y\n", -1, BATON_CSV_ERROR_HEADER, "twice");
  check_people_refused ("", -1, BATON_CSV_ERROR_HEADER, NULL);
}

/* Two people whose names differ only in case are two rows, each matched
 * exactly; a third spelling of one of them is that person twice. */
static void
test_people_names_by_case (void)
{
  g_autoptr(BatonStore) store = roster_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonCsvPeopleImport) plan = NULL;
  g_autofree char *csv = NULL;

  g_assert_nonnull (baton_store_create_person (store, "ann, \"the\" writer", NULL, 20 * 60, NULL, &error));
  g_assert_no_error (error);
  csv = export_people (store, FALSE);
  plan = prepare_people (store, csv, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (baton_csv_people_import_get_preview (plan)->n_unchanged_people, ==, 4);
  g_assert_cmpuint (baton_csv_people_import_get_preview (plan)->warnings->len, ==, 0);
  g_clear_pointer (&plan, baton_csv_people_import_free);

  plan = prepare_people (store, "name\n=Bo\n'=BO\n", -1, NULL, &error);
  g_assert_error (error, BATON_CSV_ERROR, BATON_CSV_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, "Line 3: The person “=BO” is already on line 2.");
  g_assert_null (plan);
}

static void
test_people_mapping_guess (void)
{
  const char *german[] = { "Name", "Rolle", "Wochenstunden" };
  const char *english[] = { "Employee", "E-Mail", "Job Title", "Hours per week", "Inactive", "Skills", "Colour" };
  const char *more[] = { "Mitarbeiterin", "Mail", "Funktion", "Kapazität", "Archiviert" };
  /* name, email, role, roles, weekly_capacity_hours, archived, placeholder */
  const gint english_columns[BATON_CSV_PEOPLE_N_FIELDS] = { 0, 1, 2, 5, 3, 4, -1 };
  const gint more_columns[BATON_CSV_PEOPLE_N_FIELDS] = { 0, 1, 2, -1, 3, 4, -1 };
  g_autoptr(BatonStore) store = roster_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonCsvPeopleImport) plan = NULL;
  BatonCsvPeopleMapping mapping;
  BatonPerson *cy;

  baton_csv_people_mapping_guess (&mapping, german, G_N_ELEMENTS (german));
  g_assert_cmpint (mapping.columns[BATON_CSV_PEOPLE_FIELD_NAME], ==, 0);
  g_assert_cmpint (mapping.columns[BATON_CSV_PEOPLE_FIELD_ROLE], ==, 1);
  g_assert_cmpint (mapping.columns[BATON_CSV_PEOPLE_FIELD_WEEKLY_CAPACITY_HOURS], ==, 2);
  g_assert_cmpint (mapping.columns[BATON_CSV_PEOPLE_FIELD_EMAIL], ==, -1);

  baton_csv_people_mapping_guess (&mapping, english, G_N_ELEMENTS (english));
  for (guint f = 0; f < BATON_CSV_PEOPLE_N_FIELDS; f++)
    g_assert_cmpint (mapping.columns[f], ==, english_columns[f]);

  baton_csv_people_mapping_guess (&mapping, more, G_N_ELEMENTS (more));
  for (guint f = 0; f < BATON_CSV_PEOPLE_N_FIELDS; f++)
    g_assert_cmpint (mapping.columns[f], ==, more_columns[f]);

  /* A guess imports. */
  baton_csv_people_mapping_guess (&mapping, german, G_N_ELEMENTS (german));
  plan = prepare_people (store, "Name;Rolle;Wochenstunden\nCy;Trainer;20.5\n", -1, &mapping, &error);
  g_assert_no_error (error);
  g_assert_true (baton_csv_people_import_apply (plan, &error));
  g_assert_no_error (error);
  cy = person_named (store, "Cy");
  g_assert_cmpint (baton_person_get_weekly_capacity_minutes (cy), ==, 20 * 60 + 30);
  g_assert_cmpstr (baton_role_get_name (baton_store_lookup_role (store, baton_store_get_primary_role_id (store, cy))), ==, "Trainer");
  g_assert_true (person_named (store, "Cy") != NULL);

  /* Without a name column: refused before anything is read. */
  baton_csv_people_mapping_init (&mapping);
  g_clear_pointer (&plan, baton_csv_people_import_free);
  plan = prepare_people (store, "Name\nDee\n", -1, &mapping, &error);
  g_assert_error (error, BATON_CSV_ERROR, BATON_CSV_ERROR_HEADER);
  g_assert_null (plan);
}

static void
test_people_export_file (void)
{
  g_autoptr(BatonStore) store = roster_store ();
  g_autoptr(BatonTestWorkspace) ws = baton_test_workspace_new ();
  g_autofree char *path = baton_test_workspace_file (ws, "people.csv");
  g_autoptr(BatonStore) target = open_memory_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = export_people (store, TRUE);
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;

  g_assert_true (baton_csv_export_people_file (store, path, &(BatonCsvOptions) { .bom = TRUE }, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, &error));
  g_assert_cmpstr (written, ==, expected);
  g_assert_true (baton_csv_import_people_file (target, path, NULL, &error));
  g_assert_no_error (error);
  again = export_people (target, TRUE);
  g_assert_cmpstr (again, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/writer/quoting", test_writer_quoting);
  g_test_add_func ("/csv/writer/escape-round-trip", test_escape_round_trip);
  g_test_add_func ("/csv/reader/variants", test_reader_variants);
  g_test_add_func ("/csv/reader/errors", test_reader_errors);
  g_test_add_func ("/csv/export/tasks", test_export_tasks);
  g_test_add_func ("/csv/export/capacity", test_export_capacity);
  g_test_add_func ("/csv/export/file", test_export_file);
  g_test_add_func ("/csv/import/round-trip", test_round_trip_demo);
  g_test_add_func ("/csv/import/reimport-unchanged", test_reimport_unchanged);
  g_test_add_func ("/csv/import/update", test_import_update);
  g_test_add_func ("/csv/import/header-only", test_import_header_only);
  g_test_add_func ("/csv/import/variants", test_import_variants);
  g_test_add_func ("/csv/import/mapping", test_mapping);
  g_test_add_func ("/csv/import/apply-fails", test_apply_fails);
  g_test_add_func ("/csv/import/preview-warnings", test_preview_warnings);
  g_test_add_func ("/csv/import/new-people-roles", test_new_people_roles);
  g_test_add_func ("/csv/bad/ragged", test_bad_ragged);
  g_test_add_func ("/csv/bad/unknown-header", test_bad_unknown_header);
  g_test_add_func ("/csv/bad/values", test_bad_values);
  g_test_add_func ("/csv/bad/quotes-and-encoding", test_bad_quotes_and_encoding);
  g_test_add_func ("/csv/bad/huge", test_bad_huge);
  g_test_add_func ("/csv/import/mapping-guess", test_mapping_guess);
  g_test_add_func ("/csv/people/export", test_people_export);
  g_test_add_func ("/csv/people/export-file", test_people_export_file);
  g_test_add_func ("/csv/people/round-trip", test_people_round_trip);
  g_test_add_func ("/csv/people/update", test_people_update);
  g_test_add_func ("/csv/people/roles-list", test_people_roles_list);
  g_test_add_func ("/csv/people/bad", test_people_bad);
  g_test_add_func ("/csv/people/mapping-guess", test_people_mapping_guess);
  g_test_add_func ("/csv/people/names-by-case", test_people_names_by_case);

  return g_test_run ();
}
