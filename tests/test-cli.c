/* test-cli.c — `baton --export` and `baton --import`, run as a script runs them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the built `baton` binary with an environment that has no display
 * and no session bus (a bus address that leads nowhere): a run that tried
 * to register the application or open a display would fail.
 */

#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <libical/ical.h>
#include <string.h>
#include <sys/stat.h>

#include "baton-csv.h"
#include "baton-demo.h"
#include "baton-json.h"
#include "baton-test-util.h"
#include "baton-test-pdf.h"

typedef struct
{
  BatonTestWorkspace *ws;
  char               *out;
  char               *err;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->ws = baton_test_workspace_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_clear_pointer (&f->ws, baton_test_workspace_free);
}

static const char *
baton_binary (void)
{
  static char *path;

  if (path == NULL)
    path = g_build_filename (g_getenv ("BATON_BUILD_ROOT"), "src", "baton", NULL);

  return path;
}

/* Runs baton with @args (NULL-terminated) in the workspace folder; keeps
 * its output in @f and returns its exit status. */
static int
run_baton_argv (Fixture            *f,
                const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_build_filename (f->ws->dir, "home", NULL);
  g_autofree char *env_home = g_strconcat ("HOME=", home, NULL);
  g_autofree char *env_data = g_strconcat ("XDG_DATA_HOME=", home, "/data", NULL);
  g_autofree char *env_cache = g_strconcat ("XDG_CACHE_HOME=", home, "/cache", NULL);
  g_autofree char *env_config = g_strconcat ("XDG_CONFIG_HOME=", home, "/config", NULL);
  g_auto(GStrv) full_env = NULL;
  const char *env[] = {
    "PATH=/usr/bin:/bin",
    env_home, env_data, env_cache, env_config,
    "LANG=C.UTF-8",
    "TZ=UTC",
    /* The demo and the reports around a fixed day. */
    "BATON_TODAY=2026-11-25",
    "G_DEBUG=gc-friendly,fatal-criticals",
    /* Nothing answers there: registering on the bus would fail. */
    "DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/baton-test-bus",
    NULL
  };

  /* The sanitizer build's settings reach the program it tests (without
   * them, LeakSanitizer reports fontconfig's caches, kept until exit). */
  {
    static const char * const passed_on[] = { "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS" };
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

    g_strv_builder_addv (builder, (const char **) env);
    for (guint i = 0; i < G_N_ELEMENTS (passed_on); i++)
      if (g_getenv (passed_on[i]) != NULL)
        {
          g_autofree char *variable = g_strconcat (passed_on[i], "=", g_getenv (passed_on[i]), NULL);

          g_strv_builder_add (builder, variable);
        }
    full_env = g_strv_builder_end (builder);
  }

  g_ptr_array_add (argv, (gpointer) baton_binary ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, full_env);
  g_subprocess_launcher_set_cwd (launcher, f->ws->dir);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &f->out, &f->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  g_debug ("baton exited %d; stdout: %s; stderr: %s",
           g_subprocess_get_exit_status (process), f->out, f->err);

  return g_subprocess_get_exit_status (process);
}

#define run_baton(f, ...) run_baton_argv ((f), (const char * const []) { __VA_ARGS__, NULL })

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
assert_private_file (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
assert_success (Fixture    *f,
                int         status,
                const char *summary)
{
  g_autofree char *line = g_strconcat (summary, "\n", NULL);

  g_assert_cmpstr (f->err, ==, "");
  g_assert_cmpstr (f->out, ==, line);
  g_assert_cmpint (status, ==, 0);
}

static void
assert_failure (Fixture    *f,
                int         status,
                const char *message)
{
  g_autofree char *line = g_strconcat (message, "\n", NULL);

  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpstr (f->err, ==, line);
  g_assert_cmpint (status, ==, 1);
}

static guint
demo_n_tasks (void)
{
  BatonDemoSize size;

  baton_demo_size_init_default (&size);
  return size.n_tasks;
}

/* A demo workspace in a file of @f's folder, made by the command line. */
static char *
make_demo_workspace (Fixture    *f,
                     const char *name)
{
  g_autofree char *json = baton_test_workspace_file (f->ws, "setup-demo.json");
  char *db = baton_test_workspace_file (f->ws, name);

  if (!g_file_test (json, G_FILE_TEST_EXISTS))
    g_assert_cmpint (run_baton (f, "--demo", "--export", json), ==, 0);
  g_assert_cmpint (run_baton (f, "--database", db, "--import", json), ==, 0);

  return db;
}

/* Export ------------------------------------------------------------------------ */

static void
test_export_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *summary = g_strdup_printf ("Exported %u tasks to demo.json", demo_n_tasks ());
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  int status;

  status = run_baton (f, "--demo", "--export", "demo.json");
  assert_success (f, status, summary);

  {
    g_autofree char *path = baton_test_workspace_file (f->ws, "demo.json");

    assert_private_file (path);
    json_parser_load_from_file (parser, path, &error);
    g_assert_no_error (error);
  }

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, BATON_JSON_FORMAT);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (root, "tables"),
                                                                         "tasks")),
                    ==, demo_n_tasks ());

  /* --demo leaves no workspace behind, the app's own demo included. */
  {
    g_autofree char *cache_demo = g_build_filename (f->ws->dir, "home", "cache", "baton", "demo.db", NULL);
    g_autofree char *default_db = g_build_filename (f->ws->dir, "home", "data", "baton", "baton.db", NULL);

    g_assert_false (g_file_test (cache_demo, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (default_db, G_FILE_TEST_EXISTS));
  }
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *summary = g_strdup_printf ("Exported %u tasks to tasks.CSV", demo_n_tasks ());
  g_autofree char *path = baton_test_workspace_file (f->ws, "tasks.CSV");
  g_autofree char *contents = NULL;
  g_autoptr(GString) header = g_string_new (NULL);
  int status;

  /* The extension's case does not matter. */
  status = run_baton (f, "--demo", "--export", "tasks.CSV");
  assert_success (f, status, summary);
  assert_private_file (path);

  for (guint i = 0; i < BATON_CSV_N_FIELDS; i++)
    g_string_append_printf (header, "%s%s", i > 0 ? "," : "", baton_csv_field_get_name (i));
  g_string_append (header, "\r\n");

  contents = read_file (path);
  g_assert_true (g_str_has_prefix (contents, header->str));
}

static void
test_export_capacity (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = baton_test_workspace_file (f->ws, "capacity.csv");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(BatonStore) demo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  BatonDemoSize size;
  guint n_people = 0;
  int status;

  demo = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  baton_demo_size_init_default (&size);
  baton_demo_generate (demo, &size, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (baton_store_get_people (demo)); i++)
    {
      g_autoptr(BatonPerson) person = g_list_model_get_item (baton_store_get_people (demo), i);

      n_people += !baton_person_get_archived (person);
    }
  g_assert_cmpuint (n_people, >, 1);

  status = run_baton (f, "--demo", "--export", "capacity.csv", "--capacity",
                      "--weeks", "3", "--from", "2026-01-07");
  summary = g_strdup_printf ("Exported the capacity of %u people to capacity.csv", n_people);
  assert_success (f, status, summary);
  assert_private_file (path);

  contents = read_file (path);
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpstr (lines[0], ==,
                   "person,role,week_start,capacity_hours,time_off_hours,load_hours,free_hours");
  /* One row per person and week, and the last line ends the file. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 3 * n_people + 1);
  g_assert_cmpstr (lines[1 + 3 * n_people], ==, "");
  /* The week that holds 7 January starts on Monday 5 January. */
  g_assert_nonnull (strstr (lines[1], ",2026-01-05,"));
  g_assert_nonnull (strstr (lines[3], ",2026-01-19,"));

  /* Bad weeks and dates. */
  status = run_baton (f, "--demo", "--export", "capacity.csv", "--capacity", "--weeks", "0");
  assert_failure (f, status, "--weeks must be a number from 1 to 520");
  status = run_baton (f, "--demo", "--export", "capacity.csv", "--capacity", "--from", "7.1.2026");
  assert_failure (f, status, "--from needs a date written YYYY-MM-DD, not “7.1.2026”");
  status = run_baton (f, "--demo", "--export", "tasks.csv", "--weeks", "3");
  assert_failure (f, status, "--weeks and --from work only with --capacity");
  status = run_baton (f, "--demo", "--export", "capacity.json", "--capacity");
  assert_failure (f, status, "--capacity, --weeks and --from work only with --export to a .csv file");
}

static guint
count_events (const char *path)
{
  g_autofree char *text = read_file (path);
  icalcomponent *calendar = icalparser_parse_string (text);
  guint n = 0;

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    n++;
  icalcomponent_free (calendar);

  return n;
}

static void
test_export_ics (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *all_path = baton_test_workspace_file (f->ws, "all.ics");
  g_autofree char *person_path = baton_test_workspace_file (f->ws, "person.ics");
  g_autofree char *program_path = baton_test_workspace_file (f->ws, "program.ics");
  g_autofree char *summary = NULL;
  g_autofree char *person = NULL;
  g_autofree char *program = NULL;
  g_autofree char *person_upper = NULL;
  g_autoptr(BatonStore) demo = NULL;
  g_autoptr(GError) error = NULL;
  BatonDemoSize size;
  guint n_all, n_person, n_program;
  int status;

  demo = baton_store_open (":memory:", &error);
  g_assert_no_error (error);
  baton_demo_size_init_default (&size);
  baton_demo_generate (demo, &size, &error);
  g_assert_no_error (error);
  {
    g_autoptr(BatonPerson) p = g_list_model_get_item (baton_store_get_people (demo), 0);
    g_autoptr(BatonProgram) q = g_list_model_get_item (baton_store_get_programs (demo), 0);

    person = g_strdup (baton_person_get_name (p));
    program = g_strdup (baton_program_get_name (q));
  }

  status = run_baton (f, "--demo", "--export", "all.ics");
  g_assert_cmpint (status, ==, 0);
  assert_private_file (all_path);
  n_all = count_events (all_path);
  g_assert_cmpuint (n_all, >, 0);
  summary = g_strdup_printf ("Exported %u events to all.ics", n_all);
  assert_success (f, status, summary);

  /* A name matches exactly, else ignoring case. */
  person_upper = g_utf8_strup (person, -1);
  status = run_baton (f, "--demo", "--export", "person.ics", "--person", person_upper);
  g_assert_cmpint (status, ==, 0);
  n_person = count_events (person_path);
  g_assert_cmpuint (n_person, >, 0);
  g_assert_cmpuint (n_person, <, n_all);

  status = run_baton (f, "--demo", "--export", "program.ics", "--program", program);
  g_assert_cmpint (status, ==, 0);
  n_program = count_events (program_path);
  g_assert_cmpuint (n_program, >, 0);
  g_assert_cmpuint (n_program, <, n_all);

  status = run_baton (f, "--demo", "--export", "nobody.ics", "--person", "Nobody Here");
  assert_failure (f, status, "No person is called “Nobody Here”");
  status = run_baton (f, "--demo", "--export", "nothing.ics", "--program", "No Such Program");
  assert_failure (f, status, "No program is called “No Such Program”");
  status = run_baton (f, "--demo", "--export", "both.ics", "--person", person, "--program", program);
  assert_failure (f, status, "--person and --program cannot be used together");
  status = run_baton (f, "--demo", "--export", "person.json", "--person", person);
  assert_failure (f, status, "--person and --program work only with --export to an .ics file");
  {
    g_autofree char *nobody = baton_test_workspace_file (f->ws, "nobody.ics");

    g_assert_false (g_file_test (nobody, G_FILE_TEST_EXISTS));
  }
}

/* An export over an existing file replaces it whole, private; never the
 * workspace itself. */
static void
test_export_replace (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *db = make_demo_workspace (f, "work.json");
  g_autofree char *target = baton_test_workspace_file (f->ws, "backup.json");
  g_autofree char *link = baton_test_workspace_file (f->ws, "link.json");
  g_autofree char *before = baton_test_dump_db (db);
  g_autofree char *demo_json = baton_test_workspace_file (f->ws, "setup-demo.json");
  g_autofree char *expected = read_file (demo_json);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_file_set_contents (target, "old contents\n", -1, &error);
  g_assert_no_error (error);
  g_chmod (target, 0644);

  status = run_baton (f, "--database", db, "--export", target);
  g_assert_cmpint (status, ==, 0);
  contents = read_file (target);
  g_assert_cmpstr (contents, ==, expected);
  assert_private_file (target);

  /* The database's own file, by its name and through a link. */
  status = run_baton (f, "--database", db, "--export", "work.json");
  assert_failure (f, status, "Will not export to “work.json”: it is the workspace itself");
  g_assert_cmpint (symlink ("work.json", link), ==, 0);
  status = run_baton (f, "--database", db, "--export", "link.json");
  assert_failure (f, status, "Will not export to “link.json”: it is the workspace itself");

  {
    g_autofree char *after = baton_test_dump_db (db);

    g_assert_cmpstr (after, ==, before);
  }
}

/* A workspace that is not there is not created by an export. */
static void
test_export_missing_database (Fixture       *f,
                              gconstpointer  data)
{
  int status;

  status = run_baton (f, "--database", "missing.db", "--export", "out.json");
  assert_failure (f, status, "There is no workspace “missing.db”");
  g_assert_false (g_file_test (f->ws->path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *missing = baton_test_workspace_file (f->ws, "missing.db");
    g_autofree char *out = baton_test_workspace_file (f->ws, "out.json");

    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
}

/* Import ------------------------------------------------------------------------ */

/* The round trip: export → import into a new workspace → export
 * gives the same bytes. */
static void
test_import_json_round_trip (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *summary = g_strdup_printf ("Imported %u tasks from first.json", demo_n_tasks ());
  g_autofree char *first = baton_test_workspace_file (f->ws, "first.json");
  g_autofree char *second = baton_test_workspace_file (f->ws, "second.json");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  int status;

  g_assert_cmpint (run_baton (f, "--demo", "--export", "first.json"), ==, 0);

  status = run_baton (f, "--database", "new.db", "--import", "first.json");
  assert_success (f, status, summary);
  {
    g_autofree char *db = baton_test_workspace_file (f->ws, "new.db");

    assert_private_file (db);
  }

  g_assert_cmpint (run_baton (f, "--database", "new.db", "--export", "second.json"), ==, 0);
  a = read_file (first);
  b = read_file (second);
  g_assert_cmpstr (a, ==, b);
}

/* Tasks export → import into a new workspace → export is the same file,
 * and a CSV of new tasks lands in a workspace, people made by name. */
static void
test_import_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *first = baton_test_workspace_file (f->ws, "first.csv");
  g_autofree char *second = baton_test_workspace_file (f->ws, "second.csv");
  g_autofree char *extra = baton_test_workspace_file (f->ws, "extra.csv");
  g_autofree char *db = baton_test_workspace_file (f->ws, "new.db");
  g_autofree char *backup = baton_test_workspace_file (f->ws, "new.db.backup-1");
  g_autofree char *before = NULL;
  g_autofree char *summary = g_strdup_printf ("Imported %u tasks from first.csv", demo_n_tasks ());
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *people;
  BatonPerson *ada = NULL;
  guint n_people_before;
  int status;

  g_assert_cmpint (run_baton (f, "--demo", "--export", "first.csv"), ==, 0);
  status = run_baton (f, "--database", "new.db", "--import", "first.csv");
  assert_success (f, status, summary);
  g_assert_cmpint (run_baton (f, "--database", "new.db", "--export", "second.csv"), ==, 0);
  a = read_file (first);
  b = read_file (second);
  g_assert_cmpstr (a, ==, b);

  store = baton_store_open (db, &error);
  g_assert_no_error (error);
  n_people_before = g_list_model_get_n_items (baton_store_get_people (store));
  g_clear_object (&store);
  before = baton_test_dump_db (db);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));

  g_file_set_contents (extra,
                       "title,assignee,estimate_hours,due_date\r\n"
                       "Write the glossary,Ada Quill,2.5,2026-03-06\r\n"
                       "Review the glossary,ada quill,1,2026-03-13\r\n",
                       -1, &error);
  g_assert_no_error (error);
  status = run_baton (f, "--database", "new.db", "--import", "extra.csv");
  assert_success (f, status, "Imported 2 tasks from extra.csv");

  /* Backed up before it changed, as the app backs it up. */
  {
    g_autofree char *backed_up = baton_test_dump_db (backup);

    g_assert_cmpstr (backed_up, ==, before);
    assert_private_file (backup);
  }

  store = baton_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (baton_store_get_tasks (store)), ==, demo_n_tasks () + 2);
  people = baton_store_get_people (store);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, n_people_before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(BatonPerson) p = g_list_model_get_item (people, i);

      if (g_strcmp0 (baton_person_get_name (p), "Ada Quill") == 0)
        ada = p;
    }
  g_assert_nonnull (ada);
  for (guint i = demo_n_tasks (); i < demo_n_tasks () + 2; i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (baton_store_get_tasks (store), i);

      g_assert_cmpint (baton_task_get_assignee_id (task), ==, baton_record_get_id (BATON_RECORD (ada)));
    }
}

/* Bad input --------------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *contents;
} BadFile;

static const BadFile bad_files[] = {
  { "garbage.json", "this is not JSON at all\n" },
  { "truncated.json", "{ \"format\": \"baton-workspace\", \"version\": 1, \"tables\": { \"roles\": [" },
  { "other.json", "{ \"name\": \"a Trello board, perhaps\", \"cards\": [] }\n" },
  { "ragged.csv", "title,assignee\r\nOne,Ada\r\nTwo,Ada,extra\r\n" },
  { "unknown-header.csv", "title,colour\r\nOne,red\r\n" },
  { "bad-date.csv", "title,due_date\r\nOne,31/12/2026\r\n" },
};

/* The message the model gives for importing @path into @store. */
static char *
model_message (BatonStore *store,
               const char *path)
{
  g_autoptr(GError) error = NULL;

  if (g_str_has_suffix (path, ".json"))
    g_assert_false (baton_json_import_file (store, path, &error));
  else
    {
      g_autoptr(BatonCsvImport) import = baton_csv_import_prepare_file (store, path, NULL, &error);

      g_assert_null (import);
    }
  g_assert_nonnull (error);

  return g_strdup (error->message);
}

static void
test_import_bad_files (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *db = make_demo_workspace (f, "work.db");
  g_autofree char *before = baton_test_dump_db (db);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = baton_test_workspace_file (f->ws, bad_files[i].name);
      g_autofree char *new_db = baton_test_workspace_file (f->ws, "fresh.db");
      g_autofree char *message = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      g_debug ("%s", bad_files[i].name);
      g_file_set_contents (path, bad_files[i].contents, -1, &error);
      g_assert_no_error (error);

      /* Into the demo workspace: refused, with the model's own message
       * (asked of the same, unchanged workspace), and nothing written. */
      status = run_baton (f, "--database", db, "--import", path);
      after = baton_test_dump_db (db);
      g_assert_cmpstr (after, ==, before);
      {
        g_autoptr(BatonStore) store = baton_store_open (db, &error);

        g_assert_no_error (error);
        message = model_message (store, path);
      }
      assert_failure (f, status, message);
      g_clear_pointer (&after, g_free);
      after = baton_test_dump_db (db);
      g_assert_cmpstr (after, ==, before);

      /* Into a new workspace: refused, and no file left behind. */
      status = run_baton (f, "--database", "fresh.db", "--import", path);
      g_assert_cmpint (status, ==, 1);
      g_assert_cmpstr (f->out, ==, "");
      g_assert_cmpstr (f->err, !=, "");
      g_assert_false (g_file_test (new_db, G_FILE_TEST_EXISTS));
      {
        g_autofree char *wal = g_strconcat (new_db, "-wal", NULL);

        g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      }
    }

  /* Nothing was written, so nothing was backed up. */
  {
    g_autofree char *backup = g_strconcat (db, ".backup-1", NULL);

    g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  }

  /* A Baton JSON document needs an empty workspace. */
  {
    g_autofree char *json = baton_test_workspace_file (f->ws, "setup-demo.json");
    g_autofree char *message = NULL;
    g_autofree char *after = NULL;
    g_autoptr(GError) error = NULL;
    int status;

    status = run_baton (f, "--database", db, "--import", json);
    {
      g_autoptr(BatonStore) store = baton_store_open (db, &error);

      g_assert_no_error (error);
      message = model_message (store, json);
    }
    assert_failure (f, status, message);
    after = baton_test_dump_db (db);
    g_assert_cmpstr (after, ==, before);
  }
}

static guint
count_trello_tasks (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BatonStore) store = baton_store_open (db, &error);
  GListModel *tasks;
  guint n = 0;

  g_assert_no_error (error);
  tasks = baton_store_get_tasks (store);
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      g_autoptr(BatonTask) task = g_list_model_get_item (tasks, i);

      if (g_str_has_prefix (baton_task_get_external_id (task) ?: "", "trello:"))
        n++;
    }

  return n;
}

/* A Trello board comes in with --client, as a program of that client;
 * again, it updates. Without a client, or with one that is not there,
 * nothing changes and the message says what to do. */
static void
test_import_trello (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *db = make_demo_workspace (f, "work.db");
  g_autofree char *board = g_test_build_filename (G_TEST_DIST, "trello", "board.json", NULL);
  g_autofree char *before = baton_test_dump_db (db);
  g_autofree char *after = NULL;
  guint n_imported;
  int status;

  status = run_baton (f, "--database", db, "--import", board);
  assert_failure (f, status, "This is a Trello board export: import it with --client NAME, the client it is for");
  status = run_baton (f, "--database", db, "--import", board, "--client", "Nobody Inc");
  assert_failure (f, status, "No client is called “Nobody Inc”");
  status = run_baton (f, "--database", db, "--import", board, "--include-archived");
  assert_failure (f, status, "--include-archived works only with --client, for a Trello board");
  status = run_baton (f, "--database", db, "--export", "x.json", "--client", "Northbank");
  assert_failure (f, status, "--client and --include-archived work only with --import, or --report status");
  after = baton_test_dump_db (db);
  g_assert_cmpstr (after, ==, before);

  status = run_baton (f, "--database", db, "--import", board, "--client", "northbank");
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "Imported "));
  n_imported = count_trello_tasks (db);
  g_assert_cmpuint (n_imported, >, 0);
  {
    g_autofree char *summary = g_strdup_printf ("Imported %u tasks from %s\n", n_imported, board);

    g_assert_cmpstr (f->out, ==, summary);
  }

  /* Again: the same tasks, updated. */
  status = run_baton (f, "--database", db, "--import", board, "--client", "Northbank");
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpuint (count_trello_tasks (db), ==, n_imported);
}

static void
test_bad_options (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *db = make_demo_workspace (f, "work.db");
  g_autofree char *before = baton_test_dump_db (db);
  g_autofree char *after = NULL;
  g_autofree char *json = baton_test_workspace_file (f->ws, "setup-demo.json");
  int status;

  status = run_baton (f, "--database", db, "--demo", "--export", "x.json");
  assert_failure (f, status, "--database and --demo cannot be used together");
  status = run_baton (f, "--database", db, "--export", "x.json", "--import", json);
  assert_failure (f, status, "--export and --import cannot be used together");
  status = run_baton (f, "--demo", "--import", json);
  assert_failure (f, status, "--import needs --database FILE: the workspace to import into");
  status = run_baton (f, "--import", json);
  assert_failure (f, status, "--import needs --database FILE: the workspace to import into");
  status = run_baton (f, "--database", db, "--person", "Ada");
  assert_failure (f, status, "--capacity, --weeks, --from, --person and --program work only with --export");
  status = run_baton (f, "--database", db, "--export", "x.txt");
  assert_failure (f, status, "Cannot export to “x.txt”: the name of the file must end in "
                             ".json (Baton JSON), .csv (tasks or capacity), .ics (calendar) or .pdf (a report)");
  status = run_baton (f, "--database", db, "--export", "json");
  assert_failure (f, status, "Cannot export to “json”: the name of the file must end in "
                             ".json (Baton JSON), .csv (tasks or capacity), .ics (calendar) or .pdf (a report)");
  status = run_baton (f, "--database", db, "--export=");
  assert_failure (f, status, "Cannot export to “”: the name of the file must end in "
                             ".json (Baton JSON), .csv (tasks or capacity), .ics (calendar) or .pdf (a report)");
  status = run_baton (f, "--database", db, "--import", "x.ics");
  assert_failure (f, status, "Cannot import “x.ics”: the name of the file must end in "
                             ".json (Baton JSON) or .csv (tasks)");
  status = run_baton (f, "--database", db, "--import", "missing.csv");
  assert_failure (f, status, "There is no file “missing.csv”");

  after = baton_test_dump_db (db);
  g_assert_cmpstr (after, ==, before);
  {
    g_autofree char *x = baton_test_workspace_file (f->ws, "x.json");

    g_assert_false (g_file_test (x, G_FILE_TEST_EXISTS));
  }
}

/* Reports: the command line writes the status and capacity reports as PDF
 * without a display; bad options and unknown names are refused, with no
 * file written and the workspace unchanged. */
static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *db = make_demo_workspace (f, "work.db");
  g_autofree char *before = baton_test_dump_db (db);
  g_autofree char *after = NULL;
  g_autofree char *status_pdf = baton_test_workspace_file (f->ws, "status.pdf");
  g_autofree char *capacity_pdf = baton_test_workspace_file (f->ws, "capacity.pdf");
  g_autofree char *bad_pdf = baton_test_workspace_file (f->ws, "bad.pdf");
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *title = NULL;
  static const struct
  {
    const char *args[8];
    const char *message;
  } bad[] = {
    { { "--report", "status", NULL }, "--export to a .pdf file needs --report status or --report capacity" },
    { { "--report", "weekly", NULL }, "Unknown report “weekly”: use --report status or --report capacity" },
    { { "--report", "status", NULL }, NULL },
    { { "--report", "status", "--client", "Nobody Ltd", NULL }, "No client is called “Nobody Ltd”" },
    { { "--report", "status", "--client", "Northbank", "--from", "2026-11-30", "--to", "2026-11-01" },
      "--from must not be after --to" },
    { { "--report", "status", "--client", "Northbank", "--from", "30.11.2026", NULL },
      "--from needs a date written YYYY-MM-DD, not “30.11.2026”" },
    { { "--report", "status", "--client", "Northbank", "--program", "No Such Program", NULL },
      "No program is called “No Such Program”" },
    { { "--report", "capacity", "--weeks", "0", NULL }, "--weeks must be a number from 1 to 104" },
    { { "--report", "capacity", "--client", "Northbank", NULL },
      "--client, --program and --to work only with --report status" },
  };
  int status;
  guint n_pages;

  status = run_baton (f, "--database", db, "--export", status_pdf, "--report", "status",
                      "--client", "Northbank", "--from", "2026-11-16", "--to", "2026-11-22");
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  g_assert_nonnull (strstr (f->out, "Wrote “Status report: Northbank” to "));
  n_pages = baton_test_pdf_n_pages (status_pdf);
  if (n_pages == 0)
    return;  /* no poppler-utils: skipped */
  g_assert_cmpuint (n_pages, >=, 2);
  {
    g_autofree char *pages = g_strdup_printf ("(%u pages)", n_pages);

    g_assert_nonnull (strstr (f->out, pages));
  }
  title = baton_test_pdf_info (status_pdf, "Title");
  g_assert_cmpstr (title, ==, "Status report: Northbank");
  text = baton_test_pdf_text (status_pdf, 0, 0);
  flat = baton_test_squeeze (text);
  g_assert_nonnull (strstr (flat, "Status report"));
  g_assert_nonnull (strstr (flat, "16 Nov 2026 – 22 Nov 2026"));
  g_assert_nonnull (strstr (flat, "Overall status"));
  g_assert_nonnull (strstr (flat, "Deliverables"));
  g_assert_nonnull (strstr (flat, "Staffing"));

  status = run_baton (f, "--database", db, "--export", capacity_pdf, "--report", "capacity",
                      "--from", "2026-11-23", "--weeks", "4");
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (f->out, "Wrote “Capacity report” to "));
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&flat, g_free);
  text = baton_test_pdf_text (capacity_pdf, 0, 0);
  flat = baton_test_squeeze (text);
  g_assert_nonnull (strstr (flat, "Capacity report"));
  g_assert_nonnull (strstr (flat, "23 Nov 2026 – 20 Dec 2026"));
  g_assert_nonnull (strstr (flat, "By person"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();

      if (bad[i].message == NULL)
        {
          /* --report status without --client */
          status = run_baton (f, "--database", db, "--export", bad_pdf, "--report", "status");
          assert_failure (f, status, "--report status needs --client NAME: the client the report is for");
          continue;
        }
      g_ptr_array_add (argv, (gpointer) "--database");
      g_ptr_array_add (argv, db);
      g_ptr_array_add (argv, (gpointer) "--export");
      g_ptr_array_add (argv, bad_pdf);
      /* The first case: no --report at all. */
      for (guint k = i == 0 ? 2 : 0; k < G_N_ELEMENTS (bad[i].args) && bad[i].args[k] != NULL; k++)
        g_ptr_array_add (argv, (gpointer) bad[i].args[k]);
      g_ptr_array_add (argv, NULL);
      status = run_baton_argv (f, (const char * const *) argv->pdata);
      assert_failure (f, status, bad[i].message);
      g_assert_false (g_file_test (bad_pdf, G_FILE_TEST_EXISTS));
    }

  status = run_baton (f, "--database", db, "--export", "x.json", "--report", "status");
  assert_failure (f, status, "--report and --to work only with --export to a .pdf file");

  after = baton_test_dump_db (db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  static const char * const options[] = {
    "--database=FILE", "--demo", "--export=FILE", "--import=FILE", "--capacity",
    "--weeks=N", "--from=DATE", "--person=NAME", "--program=NAME", "--people",
    "--report=REPORT", "--to=DATE",
  };
  int status;

  status = run_baton (f, "--help");
  g_assert_cmpint (status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    g_assert_nonnull (strstr (f->out, options[i]));
}

/* People: --people exports the roster; a people file imports as people,
 * into the same workspace unchanged and into a new one identical. */
static void
test_people (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *first = baton_test_workspace_file (f->ws, "people.csv");
  g_autofree char *second = baton_test_workspace_file (f->ws, "again.csv");
  g_autofree char *extra = baton_test_workspace_file (f->ws, "extra.csv");
  g_autofree char *db = baton_test_workspace_file (f->ws, "team.db");
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  guint n_people;
  int status;

  status = run_baton (f, "--demo", "--export", "people.csv", "--people");
  g_assert_cmpint (status, ==, 0);
  a = read_file (first);
  g_assert_true (g_str_has_prefix (a, "name,email,role,roles,weekly_capacity_hours,archived,placeholder\r\n"));
  n_people = 0;
  for (const char *p = a; (p = strstr (p, "\r\n")) != NULL; p += 2)
    n_people++;
  n_people--;   /* the header */
  summary = g_strdup_printf ("Exported %u people to people.csv", n_people);
  assert_success (f, status, summary);
  assert_private_file (first);

  /* Into a new workspace: the same file out again. */
  imported = g_strdup_printf ("Imported %u people from people.csv", n_people);
  status = run_baton (f, "--database", "team.db", "--import", "people.csv");
  assert_success (f, status, imported);
  status = run_baton (f, "--database", "team.db", "--export", "again.csv", "--people");
  g_assert_cmpint (status, ==, 0);
  b = read_file (second);
  g_assert_cmpstr (b, ==, a);

  /* Again into the same: nothing changes. */
  before = baton_test_dump_db (db);
  status = run_baton (f, "--database", "team.db", "--import", "people.csv");
  assert_success (f, status, imported);
  after = baton_test_dump_db (db);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* A bad cell: the line in the message, nothing written. */
  g_file_set_contents (extra, "name,weekly_capacity_hours\r\nNew Person,20\r\nOther Person,lots\r\n", -1, &error);
  g_assert_no_error (error);
  status = run_baton (f, "--database", "team.db", "--import", "extra.csv");
  assert_failure (f, status, "Line 3: The weekly_capacity_hours “lots” is not a number of hours from 0 to 168.");
  after = baton_test_dump_db (db);
  g_assert_cmpstr (after, ==, before);

  /* --people goes with an export to .csv only. */
  status = run_baton (f, "--demo", "--export", "people.json", "--people");
  assert_failure (f, status, "--people works only with --export to a .csv file");
  status = run_baton (f, "--database", "team.db", "--import", "people.csv", "--people");
  assert_failure (f, status, "--people works only with --export to a .csv file");
  status = run_baton (f, "--database", "team.db", "--people");
  assert_failure (f, status, "--people works only with --export to a .csv file");
  status = run_baton (f, "--demo", "--export", "people.csv", "--people", "--capacity");
  assert_failure (f, status, "--people and --capacity cannot be used together");
}

/* The names in @dir, sorted, one a line. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, baton_test_compare_lines);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s\n", (char *) names->pdata[i]);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A team workspace whose server cannot be reached: the command needs the
 * server, so it fails with a message that names the workspace without its
 * password, and writes nothing (no file, no backup, no workspace file
 * named like the address). */
static void
test_team_unreachable (Fixture       *f,
                       gconstpointer  data)
{
  /* Port 1 on the loopback: nothing listens there. */
  const char *location = "postgresql://dana:hunter2@127.0.0.1:1/team";
  g_autofree char *before = list_dir (f->ws->dir);
  g_autofree char *after = NULL;
  g_autofree char *json = baton_test_workspace_file (f->ws, "in.json");
  int status;

  status = run_baton (f, "--database", location, "--export", "out.json");
  g_assert_cmpint (status, ==, 1);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (g_str_has_prefix (f->err, "team on 127.0.0.1: "));
  g_assert_null (strstr (f->err, "hunter2"));
  after = list_dir (f->ws->dir);
  /* HOME is made by the first run. */
  g_assert_null (strstr (after, "out.json"));
  g_assert_null (strstr (after, "postgresql"));
  g_clear_pointer (&after, g_free);

  g_assert_true (g_file_set_contents (json, "{}", -1, NULL));
  g_clear_pointer (&before, g_free);
  before = list_dir (f->ws->dir);
  status = run_baton (f, "--database", location, "--import", "in.json");
  g_assert_cmpint (status, ==, 1);
  g_assert_true (g_str_has_prefix (f->err, "team on 127.0.0.1: "));
  g_assert_null (strstr (f->err, "hunter2"));
  after = list_dir (f->ws->dir);
  g_assert_cmpstr (after, ==, before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/export/json", test_export_json);
  ADD ("/cli/export/csv", test_export_csv);
  ADD ("/cli/export/capacity", test_export_capacity);
  ADD ("/cli/export/ics", test_export_ics);
  ADD ("/cli/export/replace", test_export_replace);
  ADD ("/cli/export/missing-database", test_export_missing_database);
  ADD ("/cli/import/json-round-trip", test_import_json_round_trip);
  ADD ("/cli/import/csv", test_import_csv);
  ADD ("/cli/import/bad-files", test_import_bad_files);
  ADD ("/cli/import/trello", test_import_trello);
  ADD ("/cli/bad-options", test_bad_options);
  ADD ("/cli/help", test_help);
  ADD ("/cli/report", test_report);
  ADD ("/cli/team/unreachable", test_team_unreachable);
  ADD ("/cli/people", test_people);

#undef ADD

  return g_test_run ();
}
