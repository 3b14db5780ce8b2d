/* baton-report-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "baton-duration.h"
#include "baton-report-style.h"
#include "baton-report-text.h"

static gboolean
to_gdate (guint32  julian,
          GDate   *date)
{
  g_date_clear (date, 1);
  if (julian == 0 || !g_date_valid_julian (julian))
    return FALSE;
  g_date_set_julian (date, julian);
  return TRUE;
}

static char *
format (guint32     julian,
        const char *pattern)
{
  GDate date;
  char buffer[128];

  if (!to_gdate (julian, &date) || g_date_strftime (buffer, sizeof buffer, pattern, &date) == 0)
    return g_strdup ("—");
  return g_strdup (buffer);
}

char *
baton_report_format_date (guint32 julian)
{
  /* Translators: a date in a report, strftime format: "9 Mar 2026" */
  return format (julian, _("%-d %b %Y"));
}

char *
baton_report_format_day (guint32 julian)
{
  /* Translators: a day in a report, strftime format: "9 Mar" */
  return format (julian, _("%-d %b"));
}

char *
baton_report_format_period (guint32 from,
                            guint32 to)
{
  g_autofree char *a = baton_report_format_date (from);
  g_autofree char *b = baton_report_format_date (to);

  /* Translators: a period in a report, "9 Mar 2026 – 15 Mar 2026" */
  return g_strdup_printf (_("%s – %s"), a, b);
}

char *
baton_report_format_hours (double hours)
{
  g_autofree char *number = baton_duration_format_hours (hours * 60.0);

  /* Translators: hours in a report, "12.5 h" */
  return g_strdup_printf (_("%s h"), number);
}

const char *
baton_report_health_label (BatonHealth health)
{
  switch (health)
    {
    case BATON_HEALTH_AT_RISK:
      return _("At risk");
    case BATON_HEALTH_LATE:
      return _("Late");
    case BATON_HEALTH_ON_TRACK:
    default:
      return _("On track");
    }
}

const double *
baton_report_health_rgb (BatonHealth health)
{
  static double rgb[3][3];
  guint i = MIN ((guint) health, 2u);

  rgb[i][0] = baton_report_status_colors[i].r;
  rgb[i][1] = baton_report_status_colors[i].g;
  rgb[i][2] = baton_report_status_colors[i].b;
  return rgb[i];
}

gboolean
baton_report_color_to_rgb (const char *spec,
                           double      rgb[3])
{
  static const BatonReportRgb none = { -1, -1, -1 };
  BatonReportRgb out;

  baton_report_parse_color (spec, &none, &out);
  if (out.r < 0)
    return FALSE;
  rgb[0] = out.r;
  rgb[1] = out.g;
  rgb[2] = out.b;
  return TRUE;
}

const char *
baton_report_default_author (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || name[0] == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();
  return name;
}
