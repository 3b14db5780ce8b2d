/* baton-test-pdf.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "baton-test-pdf.h"

char *
baton_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("baton-report-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
baton_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (g_getenv ("BATON_TEST_KEEP") != NULL)
    {
      g_test_message ("kept %s", dir);
      return;
    }
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
run_tool (const char  *tool,
          const char **args)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_test_skip ("poppler-utils (pdftotext, pdfinfo) is not installed");
      return NULL;
    }
  g_ptr_array_add (argv, program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", tool, err);
  return out;
}

char *
baton_test_pdf_text (const char *path,
                     int         first,
                     int         last)
{
  g_autofree char *f = g_strdup_printf ("%d", first);
  g_autofree char *l = g_strdup_printf ("%d", last);
  const char *all[] = { "-enc", "UTF-8", path, "-", NULL };
  const char *pages[] = { "-enc", "UTF-8", "-f", f, "-l", l, path, "-", NULL };

  return run_tool ("pdftotext", first > 0 ? pages : all);
}

char *
baton_test_pdf_info (const char *path,
                     const char *key)
{
  const char *args[] = { "-enc", "UTF-8", path, NULL };
  g_autofree char *out = run_tool ("pdfinfo", args);
  g_auto(GStrv) lines = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s:", key);

  if (out == NULL)
    return NULL;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));
  return NULL;
}

guint
baton_test_pdf_n_pages (const char *path)
{
  g_autofree char *pages = baton_test_pdf_info (path, "Pages");

  return pages != NULL ? (guint) g_ascii_strtoull (pages, NULL, 10) : 0;
}

char *
baton_test_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}
