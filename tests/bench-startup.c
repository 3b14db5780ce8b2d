/* bench-startup.c — how fast Baton opens, next to a minimal libadwaita window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs three programs alternately under one X server, 5 times each (N
 * with --runs N, at most 15; 1 with --quick), and takes the medians:
 *
 *   floor   startup-floor (built beside this program): an AdwApplication
 *           whose window holds a header bar and a status page
 *   empty   Baton on a workspace with nothing in it but its stages
 *   10k     Baton on a generated workspace of 10,000 tasks, 200 people
 *           and 2,000 notes (500, 20 and 50 with --quick)
 *
 * Each run is timed from just before the fork to the first MapNotify of a
 * top-level window, read from the root window's events (Xlib), and its
 * peak resident memory is the child's ru_maxrss (wait4 ()). The programs
 * report on a pipe named by BATON_STARTUP_FD (see
 * src/shell/baton-startup-report.h): "cards" at the first frame painted
 * with the board's cards, "idle" once the start's work is over, when the
 * program is ended (SIGTERM) and reaped. Each program gets folders of its
 * own (XDG_*), settings in memory, GDK_DEBUG=gl-disable and GTK's cairo
 * renderer; the session bus is the caller's (build-aux/dev bench gives it
 * one). Backups are what a person's starts do: the first start of a
 * workspace backs it up, later ones find it unchanged.
 *
 * Prints on stdout:
 *
 *   startup_floor_ms      exec to map, the floor
 *   startup_empty_ms      exec to map, Baton with the empty workspace
 *   startup_10k_ms        exec to map, Baton with the 10k workspace
 *   startup_empty_ratio   startup_empty_ms / startup_floor_ms
 *   startup_10k_ratio     startup_10k_ms / startup_floor_ms
 *   rss_floor_mib, rss_empty_mib, rss_10k_mib   peak RSS
 *   rss_10k_ratio         rss_10k_mib / rss_floor_mib
 *   first_cards_ms        10k: window mapped → first frame with cards drawn
 *
 * Targets (issue 14): startup_10k_ratio ≤ 2.0, startup_empty_ratio ≤ 1.2,
 * rss_10k_ratio ≤ 2.0. Without a display it exits with 77, "skipped".
 * With BENCH_STARTUP_TRACE set, every report line of every run goes to
 * stderr too.
 */

#define G_LOG_DOMAIN "bench-startup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <X11/Xlib.h>

#include "baton-bench-util.h"
#include "baton-demo.h"
#include "baton-store.h"

#define BENCH_SEED  20261207
#define TIMEOUT_MS  60000
#define MAX_RUNS    15

typedef struct
{
  double start_ms;   /* fork → first MapNotify */
  double cards_ms;   /* MapNotify → "cards" */
  double rss_mib;
} Run;

static char *
built_file (const char *self_dir,
            const char *relative)
{
  g_autofree char *path = g_build_filename (self_dir, relative, NULL);

  return g_canonicalize_filename (path, NULL);
}

/* The environment of every program: its own folders, settings in memory. */
static char **
child_environment (const char *home,
                   int         fd)
{
  char **env = g_get_environ ();
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);
  g_autofree char *fd_text = g_strdup_printf ("%d", fd);

  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  env = g_environ_setenv (env, "XDG_CONFIG_HOME", config, TRUE);
  env = g_environ_setenv (env, "XDG_CACHE_HOME", cache, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GDK_DEBUG", "gl-disable", TRUE);
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  env = g_environ_setenv (env, "BATON_STARTUP_FD", fd_text, TRUE);
  env = g_environ_unsetenv (env, "G_MESSAGES_DEBUG");
  env = g_environ_unsetenv (env, "G_DEBUG");
  env = g_environ_unsetenv (env, "MALLOC_CHECK_");

  return env;
}

/* Reads "EVENT MICROSECONDS" lines from @fd into @buffer; returns FALSE at
 * the end of the pipe. */
static gboolean
read_reports (int      fd,
              GString *buffer)
{
  char chunk[256];
  ssize_t n;

  n = read (fd, chunk, sizeof chunk);
  if (n < 0 && errno == EINTR)
    return TRUE;
  if (n <= 0)
    return FALSE;
  g_string_append_len (buffer, chunk, n);
  return TRUE;
}

/* The time of @event in @buffer's lines, or 0. */
static gint64
report_time (GString    *buffer,
             const char *event)
{
  g_auto(GStrv) lines = g_strsplit (buffer->str, "\n", -1);
  gsize len = strlen (event);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], event, len) == 0 && lines[i][len] == ' ')
      return g_ascii_strtoll (lines[i] + len + 1, NULL, 10);

  return 0;
}

static void
run_program (Display     *display,
             const char  *home,
             char       **argv,
             Run         *run)
{
  Window root = DefaultRootWindow (display);
  g_autoptr(GString) reports = g_string_new (NULL);
  g_auto(GStrv) env = NULL;
  struct rusage usage = { 0 };
  gint64 t0, mapped_at = 0, deadline;
  int pipe_fds[2];
  int status = 0;
  gboolean pipe_open = TRUE;
  pid_t pid;

  if (pipe (pipe_fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));
  fcntl (pipe_fds[0], F_SETFD, FD_CLOEXEC);
  env = child_environment (home, pipe_fds[1]);

  /* Forget the events of the runs before. */
  XSync (display, True);

  t0 = g_get_monotonic_time ();
  pid = fork ();
  if (pid < 0)
    g_error ("fork: %s", g_strerror (errno));
  if (pid == 0)
    {
      int null = open ("/dev/null", O_WRONLY);

      /* Nothing on stdout, which carries the figures. */
      dup2 (null, STDOUT_FILENO);
      execve (argv[0], argv, env);
      _exit (127);
    }
  close (pipe_fds[1]);

  deadline = t0 + (gint64) TIMEOUT_MS * 1000;
  while (report_time (reports, "idle") == 0 || mapped_at == 0)
    {
      struct pollfd fds[2] = {
        { ConnectionNumber (display), POLLIN, 0 },
        { pipe_fds[0], POLLIN, 0 },
      };
      gint64 now = g_get_monotonic_time ();

      if (now > deadline)
        {
          kill (pid, SIGKILL);
          g_error ("%s did not start within %d s", argv[0], TIMEOUT_MS / 1000);
        }

      if (XPending (display) == 0)
        poll (fds, pipe_open ? 2 : 1, (int) ((deadline - now) / 1000) + 1);

      while (XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && event.xmap.event == root &&
              !event.xmap.override_redirect && mapped_at == 0)
            mapped_at = g_get_monotonic_time ();
        }

      if (pipe_open && (fds[1].revents & (POLLIN | POLLHUP)))
        pipe_open = read_reports (pipe_fds[0], reports);

      if (!pipe_open && report_time (reports, "idle") == 0)
        {
          waitpid (pid, &status, 0);
          g_error ("%s ended before it was idle (status %d)", argv[0], status);
        }
    }
  close (pipe_fds[0]);

  kill (pid, SIGTERM);
  while (wait4 (pid, &status, 0, &usage) < 0 && errno == EINTR)
    ;

  if (g_getenv ("BENCH_STARTUP_TRACE") != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (reports->str, "\n", -1);

      for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
        {
          char *space = strrchr (lines[i], ' ');

          g_printerr ("  %-24.*s %7.1f ms\n", (int) (space - lines[i]), lines[i],
                      (g_ascii_strtoll (space + 1, NULL, 10) - t0) / 1000.0);
        }
      g_printerr ("  %-24s %7.1f ms\n", "(mapped)", (mapped_at - t0) / 1000.0);
    }

  run->start_ms = (mapped_at - t0) / 1000.0;
  run->cards_ms = MAX (report_time (reports, "cards") - mapped_at, 0) / 1000.0;
  run->rss_mib = usage.ru_maxrss / 1024.0;   /* KiB on Linux */
  g_printerr ("%s: map %.1f ms, cards +%.1f ms, rss %.1f MiB\n",
              argv[0], run->start_ms, run->cards_ms, run->rss_mib);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && (dir = g_dir_open (path, 0, NULL)))
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        remove_tree (child);
      }
  if (g_remove (path) != 0)
    g_printerr ("bench-startup: could not remove %s\n", path);
}

static void
generate (const char          *path,
          const BatonDemoSize *size)
{
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0 = g_get_monotonic_time ();

  store = baton_store_open (path, &error);
  baton_bench_check (store != NULL, error, "baton_store_open");
  if (size != NULL)
    {
      baton_bench_check (baton_demo_generate (store, size, &error), error, "baton_demo_generate");
      g_printerr ("generated %s: %u tasks, %u people, %u notes in %.0f ms\n", path,
                  size->n_tasks, size->n_people, size->n_notes, baton_bench_ms_since (t0));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *self_dir = NULL;
  g_autofree char *floor_exe = NULL;
  g_autofree char *baton_exe = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *empty_db = NULL;
  g_autofree char *big_db = NULL;
  g_autoptr(GError) error = NULL;
  BatonDemoSize size = {
    .n_clients = 100,
    .n_programs = 400,
    .n_people = 200,
    .n_tasks = 10000,
    .n_notes = 2000,
    .seed = BENCH_SEED,
    .today = 0,
  };
  guint n_runs = 5;
  Display *display;
  enum { FLOOR, EMPTY, BIG, N_PROGRAMS };
  static const char * const names[N_PROGRAMS] = { "floor", "empty", "10k" };
  char **programs[N_PROGRAMS];
  double start_ms[N_PROGRAMS][MAX_RUNS], cards_ms[N_PROGRAMS][MAX_RUNS], rss_mib[N_PROGRAMS][MAX_RUNS];
  double start[N_PROGRAMS], cards[N_PROGRAMS], rss[N_PROGRAMS];

  g_set_prgname ("bench-startup");
  g_log_writer_default_set_use_stderr (TRUE);

  /* --quick: a small workspace and one run each, so the test suite can
   * check that the benchmark runs; the figures then mean nothing. */
  if (argc > 2 && g_strcmp0 (argv[1], "--runs") == 0)
    n_runs = CLAMP ((guint) g_ascii_strtoull (argv[2], NULL, 10), 1, MAX_RUNS);
  else if (argc > 1 && g_strcmp0 (argv[1], "--quick") == 0)
    {
      size.n_clients = 4;
      size.n_programs = 10;
      size.n_people = 20;
      size.n_tasks = 500;
      size.n_notes = 50;
      n_runs = 1;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      g_printerr ("bench-startup: no display; skipped\n");
      return 77;
    }
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);

  baton_bench_check (self_path != NULL, NULL, "reading /proc/self/exe");
  self_dir = g_path_get_dirname (self_path);
  floor_exe = built_file (self_dir, "startup-floor");
  baton_exe = built_file (self_dir, "../src/baton");
  baton_bench_check (g_file_test (floor_exe, G_FILE_TEST_IS_EXECUTABLE), NULL, floor_exe);
  baton_bench_check (g_file_test (baton_exe, G_FILE_TEST_IS_EXECUTABLE), NULL, baton_exe);

  dir = g_dir_make_tmp ("baton-bench-startup-XXXXXX", &error);
  baton_bench_check (dir != NULL, error, "g_dir_make_tmp");
  empty_db = g_build_filename (dir, "empty.db", NULL);
  big_db = g_build_filename (dir, "10k.db", NULL);
  baton_store_init_allocator ();
  generate (empty_db, NULL);
  generate (big_db, &size);

  programs[FLOOR] = (char *[]) { floor_exe, NULL };
  programs[EMPTY] = (char *[]) { baton_exe, (char *) "--database", empty_db, NULL };
  programs[BIG] = (char *[]) { baton_exe, (char *) "--database", big_db, NULL };

  for (guint i = 0; i < n_runs; i++)
    for (guint p = 0; p < N_PROGRAMS; p++)
      {
        Run run;

        run_program (display, dir, programs[p], &run);
        start_ms[p][i] = run.start_ms;
        cards_ms[p][i] = run.cards_ms;
        rss_mib[p][i] = run.rss_mib;
      }

  for (guint p = 0; p < N_PROGRAMS; p++)
    {
      start[p] = baton_bench_median (start_ms[p], n_runs);
      cards[p] = baton_bench_median (cards_ms[p], n_runs);
      rss[p] = baton_bench_median (rss_mib[p], n_runs);
      g_printerr ("%s: start %.1f ms, cards +%.1f ms, rss %.1f MiB (medians of %u)\n",
                  names[p], start[p], cards[p], rss[p], n_runs);
    }

  printf ("startup_floor_ms: %.1f\n", start[FLOOR]);
  printf ("startup_empty_ms: %.1f\n", start[EMPTY]);
  printf ("startup_10k_ms: %.1f\n", start[BIG]);
  printf ("startup_empty_ratio: %.2f\n", start[EMPTY] / start[FLOOR]);
  printf ("startup_10k_ratio: %.2f\n", start[BIG] / start[FLOOR]);
  printf ("rss_floor_mib: %.1f\n", rss[FLOOR]);
  printf ("rss_empty_mib: %.1f\n", rss[EMPTY]);
  printf ("rss_10k_mib: %.1f\n", rss[BIG]);
  printf ("rss_10k_ratio: %.2f\n", rss[BIG] / rss[FLOOR]);
  printf ("first_cards_ms: %.1f\n", cards[BIG]);

  XCloseDisplay (display);
  /* The workspaces, their backups and the programs' folders. */
  remove_tree (dir);

  return EXIT_SUCCESS;
}
