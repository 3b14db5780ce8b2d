/* test-report.c — the status and capacity reports as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fixed demo workspace around a fixed "today": the PDFs hold the
 * sections, names and numbers the report data computes, hostile text
 * appears literally, and page 1 looks like its reference image (within a
 * tolerance), so that a layout breakage shows. BATON_UPDATE_REFERENCE=1
 * writes the reference images instead of comparing.
 */

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "baton-dates.h"
#include "baton-demo.h"
#include "baton-report-status.h"
#include "baton-report-text.h"
#include "baton-test-pdf.h"

#define TODAY "2026-11-25"   /* a Wednesday */

static guint32
day (const char *text)
{
  guint32 julian = 0;

  g_assert_true (baton_date_parse (text, &julian));
  return julian;
}

static BatonStore *
demo_store (void)
{
  g_autoptr(GError) error = NULL;
  BatonStore *store = baton_store_open (":memory:", &error);
  BatonDemoSize size;

  g_assert_no_error (error);
  baton_demo_size_init_default (&size);
  size.today = day (TODAY);
  g_assert_true (baton_demo_generate (store, &size, &error));
  g_assert_no_error (error);
  return store;
}

static gint64
client_named (BatonStore *store,
              const char *name)
{
  GListModel *clients = baton_store_get_clients (store);

  for (guint i = 0; i < g_list_model_get_n_items (clients); i++)
    {
      g_autoptr(BatonClient) client = g_list_model_get_item (clients, i);

      if (g_strcmp0 (baton_client_get_name (client), name) == 0)
        return baton_record_get_id (BATON_RECORD (client));
    }
  g_assert_not_reached ();
}

/* The client with the most tasks. */
static gint64
busiest_client (BatonStore *store)
{
  GListModel *tasks = baton_store_get_tasks (store);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 best = 0;
  guint best_count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);
      BatonProgram *program = baton_store_lookup_program (store, baton_task_get_program_id (task));
      gint64 client;
      guint count;

      if (program == NULL)
        continue;
      client = baton_program_get_client_id (program);
      g_array_append_val (ids, client);
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &g_array_index (ids, gint64, ids->len - 1))) + 1;
      g_hash_table_insert (counts, &g_array_index (ids, gint64, ids->len - 1), GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best_count = count;
          best = client;
        }
    }
  return best;
}

static char *
write_pdf (BatonReportDoc *doc,
           const char     *dir,
           const char     *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (baton_report_doc_write_pdf (doc, path, BATON_PAPER_A4, &error));
  g_assert_no_error (error);
  return path;
}

/* Whether @data (which may hold NUL bytes) contains @needle. */
static gboolean
bytes_contain (const char *data,
               gsize       length,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* @text without spaces and bidirectional marks: pdftotext splits
 * right-to-left words where the glyphs join and marks their runs. */
static char *
without_spaces_and_marks (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || (c >= 0x200e && c <= 0x200f) || (c >= 0x202a && c <= 0x202e))
        continue;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* pdftotext guesses word spacing from the gaps between glyphs, and a
 * narrow one ("8 h" in a right-aligned cell) comes out as "8h": compare
 * without spaces. */
static void
assert_contains (const char *text,
                 const char *what)
{
  g_autofree char *bare_text = without_spaces_and_marks (text);
  g_autofree char *bare_what = without_spaces_and_marks (what);

  if (strstr (bare_text, bare_what) == NULL)
    g_error ("“%s” is not in the report", what);
}

/* Page 1 rendered by pdftoppm against tests/data/NAME: fewer than 1 % of
 * the pixels may differ noticeably (a font that hints a little differently
 * changes a few; the margins moved by 6 pt changed 3 %). */
static void
compare_page1 (const char *pdf,
               const char *dir,
               const char *reference_name)
{
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autofree char *prefix = g_build_filename (dir, "page", NULL);
  g_autofree char *png = g_build_filename (dir, "page-1.png", NULL);
  g_autofree char *reference = g_test_build_filename (G_TEST_DIST, "data", reference_name, NULL);
  const char *argv[] = { pdftoppm, "-r", "40", "-f", "1", "-l", "1", "-png", pdf, prefix, NULL };
  g_autoptr(GError) error = NULL;
  cairo_surface_t *a, *b;
  int status, width, height;
  guint n_different = 0;

  if (pdftoppm == NULL)
    {
      g_test_skip ("pdftoppm (poppler-utils) is not installed");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  if (!g_file_test (png, G_FILE_TEST_EXISTS))
    {
      /* pdftoppm numbers pages with as many digits as the count needs. */
      g_free (png);
      png = g_build_filename (dir, "page-01.png", NULL);
    }

  if (g_getenv ("BATON_UPDATE_REFERENCE") != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length;
      g_autofree char *target = g_build_filename (g_getenv ("BATON_SOURCE_ROOT"), "tests", "data",
                                                  reference_name, NULL);

      g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (target, contents, (gssize) length, NULL));
      g_test_message ("wrote %s", target);
      return;
    }

  if (!g_file_test (reference, G_FILE_TEST_EXISTS))
    g_error ("There is no reference image %s: write it with BATON_UPDATE_REFERENCE=1", reference);
  a = cairo_image_surface_create_from_png (png);
  b = cairo_image_surface_create_from_png (reference);
  g_assert_cmpint (cairo_surface_status (a), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (b), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (a);
  height = cairo_image_surface_get_height (a);
  g_assert_cmpint (width, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (b));
  cairo_surface_flush (a);
  cairo_surface_flush (b);

  for (int y = 0; y < height; y++)
    {
      const guint32 *ra = (const guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a));
      const guint32 *rb = (const guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        {
          int diff = 0;

          for (int shift = 0; shift < 24; shift += 8)
            diff = MAX (diff, ABS ((int) ((ra[x] >> shift) & 0xff) - (int) ((rb[x] >> shift) & 0xff)));
          if (diff > 64)
            n_different++;
        }
    }
  g_test_message ("%u of %d pixels differ", n_different, width * height);
  g_assert_cmpuint (n_different, <, (guint) (width * height / 100));

  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* The status report of a demo client holds its data. */
static void
test_status_demo (void)
{
  g_autoptr(BatonStore) store = demo_store ();
  g_autoptr(BatonStatusReportData) data = NULL;
  g_autoptr(BatonReportDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = baton_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  BatonCapacitySettings settings;
  BatonStatusReportOptions options;
  /* A client with a steering committee in the period. */
  gint64 client_id = client_named (store, "Northbank");

  baton_capacity_settings_init_default (&settings);
  baton_status_report_options_init (&options, client_id, day (TODAY));
  /* The last four weeks: they hold meeting notes. */
  options.from_day = day ("2026-10-26");
  options.to_day = day ("2026-11-22");
  options.author = "Robin Coordinator";

  data = baton_status_report_data_new (store, &settings, client_id, NULL, options.from_day,
                                       options.to_day, options.today, &error);
  g_assert_no_error (error);
  doc = baton_status_report_new (store, &settings, &options, &error);
  g_assert_no_error (error);
  path = write_pdf (doc, dir, "status.pdf");

  if (baton_test_pdf_n_pages (path) == 0)
    goto out;
  g_assert_cmpuint (baton_test_pdf_n_pages (path), ==, baton_report_doc_get_n_pages (doc));
  title = baton_test_pdf_info (path, "Title");
  author = baton_test_pdf_info (path, "Author");
  g_assert_nonnull (strstr (title, baton_client_get_name (data->client)));
  g_assert_cmpstr (author, ==, "Robin Coordinator");

  /* An outline entry per section (cairo writes them uncompressed). */
  {
    g_autofree char *bytes = NULL;
    gsize length;
    const char *sections[] = { "Overall status", "Deliverables", "Completed this period",
                               "Staffing", "Programs" };

    g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
    g_assert_true (bytes_contain (bytes, length, "/Outlines"));
    for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
      {
        g_autofree char *entry = g_strdup_printf ("/Title (%s)", sections[i]);

        g_assert_true (bytes_contain (bytes, length, entry));
      }
  }

  text = baton_test_pdf_text (path, 0, 0);
  flat = baton_test_squeeze (text);
  assert_contains (flat, "Status report");
  assert_contains (flat, baton_client_get_name (data->client));
  assert_contains (flat, "26 Oct 2026 – 22 Nov 2026");
  assert_contains (flat, "Robin Coordinator");
  assert_contains (flat, "25 Nov 2026");
  assert_contains (flat, "Overall status");
  assert_contains (flat, baton_report_health_label (data->health));
  assert_contains (flat, data->health_reason);
  assert_contains (flat, "Deliverables");
  assert_contains (flat, "Completed this period");
  assert_contains (flat, "Due dates moved");
  assert_contains (flat, "Planned for the next period");
  assert_contains (flat, "Overdue and at risk");
  assert_contains (flat, "Decisions and action items");
  assert_contains (flat, "Staffing");
  assert_contains (flat, "Programs");

  /* The demo has something in each list. */
  g_assert_cmpuint (data->completed->len, >, 0);
  g_assert_cmpuint (data->programs->len, >, 0);

  for (guint i = 0; i < data->programs->len; i++)
    {
      BatonReportProgram *program = g_ptr_array_index (data->programs, i);
      g_autofree char *tasks = g_strdup_printf ("%u of %u", program->n_done, program->n_tasks);

      assert_contains (flat, baton_program_get_name (program->program));
      assert_contains (flat, tasks);
    }
  for (guint i = 0; i < data->completed->len; i++)
    assert_contains (flat, baton_task_get_title (g_array_index (data->completed, BatonReportTask, i).task));
  for (guint i = 0; i < data->overdue->len; i++)
    assert_contains (flat, baton_task_get_title (g_array_index (data->overdue, BatonReportTask, i).task));
  for (guint i = 0; i < data->staffing->len; i++)
    {
      BatonReportStaffing *line = &g_array_index (data->staffing, BatonReportStaffing, i);
      g_autofree char *needed = baton_report_format_hours (line->needed_hours);

      assert_contains (flat, needed);
    }
  /* Meeting notes of the period give their decisions and action items,
   * without the Markdown. */
  {
    guint n_quoted = 0;

    for (guint i = 0; i < data->notes->len; i++)
      {
        const char *body = baton_note_get_body (g_ptr_array_index (data->notes, i));
        const char *decision = strstr (body, "## Decisions\n\n- ");
        const char *action = strstr (body, "## Action items\n\n- [");
        g_autofree char *first_decision = NULL;
        g_autofree char *first_action = NULL;

        if (decision == NULL || action == NULL)
          continue;
        decision += strlen ("## Decisions\n\n- ");
        first_decision = g_strndup (decision, strcspn (decision, "\n"));
        action += strlen ("## Action items\n\n- [x] ");
        first_action = g_strndup (action, strcspn (action, "\n"));
        assert_contains (flat, first_decision);
        assert_contains (flat, first_action);
        n_quoted++;
      }
    g_assert_cmpuint (n_quoted, >, 0);
    g_assert_null (strstr (flat, "## Decisions"));
    g_assert_null (strstr (flat, "- [ ]"));
  }

  compare_page1 (path, dir, "report-status-page1.png");

out:
  baton_test_remove_dir (dir);
}

/* The coordinator's own words replace Baton's status. */
static void
test_status_override (void)
{
  g_autoptr(BatonStore) store = demo_store ();
  g_autoptr(BatonReportDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = baton_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  BatonCapacitySettings settings;
  BatonStatusReportOptions options;

  baton_capacity_settings_init_default (&settings);
  baton_status_report_options_init (&options, busiest_client (store), day (TODAY));
  options.health = BATON_HEALTH_LATE;
  options.status_note = "Waiting for the client's SME review <since> Monday & counting.";
  doc = baton_status_report_new (store, &settings, &options, &error);
  g_assert_no_error (error);
  path = write_pdf (doc, dir, "override.pdf");

  text = baton_test_pdf_text (path, 1, 1);
  if (text == NULL)
    goto out;
  flat = baton_test_squeeze (text);
  assert_contains (flat, "Late Waiting for the client's SME review <since> Monday & counting.");

out:
  baton_test_remove_dir (dir);
}

/* Names with markup characters, right-to-left text, emoji and a
 * 500-character title appear literally; nothing is cut or overlaps. */
static void
test_status_hostile (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (":memory:", &error);
  g_autoptr(BatonReportDoc) doc = NULL;
  g_autofree char *dir = baton_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GString) long_title = g_string_new (NULL);
  g_autofree char *due = baton_date_format (day (TODAY) - 3);
  BatonCapacitySettings settings;
  BatonStatusReportOptions options;
  BatonClient *client;
  BatonProgram *program;
  BatonTask *task;
  BatonStage *stage;

  g_assert_no_error (error);
  while (long_title->len < 500)
    g_string_append (long_title, "Compliance refresher ");
  g_string_truncate (long_title, 500);

  client = baton_store_create_client (store, "<b>Acme & Sons</b>", NULL, &error);
  g_assert_no_error (error);
  program = baton_store_insert (store, BATON_TYPE_PROGRAM, &error,
                                "client-id", baton_record_get_id (BATON_RECORD (client)),
                                "name", "برنامج التدريب 🎓", NULL);
  g_assert_no_error (error);
  stage = g_list_model_get_item (baton_store_get_stages (store), 0);
  task = baton_store_insert (store, BATON_TYPE_TASK, &error,
                             "program-id", baton_record_get_id (BATON_RECORD (program)),
                             "stage-id", baton_record_get_id (BATON_RECORD (stage)),
                             "title", long_title->str,
                             "estimate-minutes", (gint64) 600,
                             "due-date", due,
                             NULL);
  g_assert_no_error (error);
  g_assert_nonnull (task);
  g_object_unref (stage);

  baton_capacity_settings_init_default (&settings);
  baton_status_report_options_init (&options, baton_record_get_id (BATON_RECORD (client)), day (TODAY));
  options.author = "<i>Ana</i> & Co";
  doc = baton_status_report_new (store, &settings, &options, &error);
  g_assert_no_error (error);
  path = write_pdf (doc, dir, "hostile.pdf");

  text = baton_test_pdf_text (path, 0, 0);
  if (text == NULL)
    goto out;
  flat = baton_test_squeeze (text);
  assert_contains (flat, "<b>Acme & Sons</b>");
  assert_contains (flat, "<i>Ana</i> & Co");
  {
    g_autofree char *bare = without_spaces_and_marks (flat);

    g_assert_nonnull (strstr (bare, "برنامجالتدريب"));
  }
  /* The overdue task: its title wraps in its cell, all of its words there
   * up to the cell's last line. */
  assert_contains (flat, "Compliance refresher Compliance refresher");
  assert_contains (flat, "Late");

out:
  baton_test_remove_dir (dir);
}

/* A report of nothing valid is refused with the data's error. */
static void
test_status_errors (void)
{
  g_autoptr(BatonStore) store = demo_store ();
  g_autoptr(BatonReportDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  BatonCapacitySettings settings;
  BatonStatusReportOptions options;

  baton_capacity_settings_init_default (&settings);
  baton_status_report_options_init (&options, 999999, day (TODAY));
  doc = baton_status_report_new (store, &settings, &options, &error);
  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  baton_status_report_options_init (&options, busiest_client (store), day (TODAY));
  options.from_day = day ("2026-11-30");
  options.to_day = day ("2026-11-01");
  doc = baton_status_report_new (store, &settings, &options, &error);
  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* The capacity report: every role and person, their over-capacity weeks. */
static void
test_capacity_demo (void)
{
  g_autoptr(BatonStore) store = demo_store ();
  g_autoptr(BatonCapacityReportData) data = NULL;
  g_autoptr(BatonReportDoc) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = baton_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *over = NULL;
  BatonCapacitySettings settings;

  baton_capacity_settings_init_default (&settings);
  data = baton_capacity_report_data_new (store, &settings, day (TODAY), 13, day (TODAY), &error);
  g_assert_no_error (error);
  doc = baton_capacity_report_new (store, &settings, day (TODAY), 13, day (TODAY), "Robin", &error);
  g_assert_no_error (error);
  path = write_pdf (doc, dir, "capacity.pdf");

  text = baton_test_pdf_text (path, 0, 0);
  if (text == NULL)
    goto out;
  flat = baton_test_squeeze (text);
  assert_contains (flat, "Capacity report");
  assert_contains (flat, "23 Nov 2026 – 21 Feb 2027");
  assert_contains (flat, "Summary");
  assert_contains (flat, "By role");
  assert_contains (flat, "By person");
  assert_contains (flat, "Unassigned demand");
  over = g_strdup_printf (data->n_over_cells == 1 ? "%u person-week is over capacity."
                                                  : "%u person-weeks are over capacity.",
                          data->n_over_cells);
  assert_contains (flat, over);
  for (guint i = 0; i < data->people->len; i++)
    assert_contains (flat, baton_person_get_name (((BatonReportLoadRow *) g_ptr_array_index (data->people, i))->person));
  for (guint i = 0; i < data->roles->len; i++)
    {
      BatonReportLoadRow *row = g_ptr_array_index (data->roles, i);
      g_autofree char *load = baton_report_format_hours (row->total_load_hours);

      if (row->role != NULL)
        assert_contains (flat, baton_role_get_name (row->role));
      assert_contains (flat, load);
    }
  /* Over-capacity weeks are marked in the tables, not only coloured. */
  if (data->n_over_cells > 0)
    assert_contains (flat, "▲");

  compare_page1 (path, dir, "report-capacity-page1.png");

out:
  baton_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/status/demo", test_status_demo);
  g_test_add_func ("/report/status/override", test_status_override);
  g_test_add_func ("/report/status/hostile", test_status_hostile);
  g_test_add_func ("/report/status/errors", test_status_errors);
  g_test_add_func ("/report/capacity/demo", test_capacity_demo);

  return g_test_run ();
}
