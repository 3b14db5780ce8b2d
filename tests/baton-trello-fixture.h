/* baton-trello-fixture.h — a generated Trello board export, for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The shape of Trello's export (Board menu → Export as JSON): lists with
 * float positions, cards with Markdown descriptions, dates, members,
 * labels, checklists and attachments, and the most recent actions (at most
 * 1000, as Trello exports them) with comments among them.
 */
#pragma once

#include <glib.h>

/* A board of @n_cards cards over 8 lists (one archived), 12 members and 6
 * labels; every other card has a checklist of 4 items, every fifth a
 * comment (up to 1000 actions), every tenth an attachment, every
 * twentieth is archived. The same arguments give the same text. */
static inline char *
baton_test_trello_board_generate (guint  n_cards,
                                  gsize *length)
{
  static const char *list_names[] = { "Backlog", "Analysis", "Writing", "Design",
                                      "Development", "Client review", "Delivered", "Parked" };
  static const char *label_names[] = { "Writer", "Designer", "Urgent", "Blocked", "Pilot", "" };
  static const char *label_colors[] = { "green", "blue", "red", "orange", "yellow", "purple" };
  GString *out = g_string_sized_new (n_cards * 900 + 4096);
  guint n_actions = 0;

  g_string_append (out, "{\"id\":\"board-gen\",\"name\":\"Generated board\",\"desc\":\"\",\"closed\":false,"
                        "\"prefs\":{\"permissionLevel\":\"private\"},\"lists\":[");
  for (guint i = 0; i < G_N_ELEMENTS (list_names); i++)
    g_string_append_printf (out, "%s{\"id\":\"list-%u\",\"name\":\"%s\",\"closed\":%s,\"pos\":%u.5}",
                            i ? "," : "", i, list_names[i], i == 7 ? "true" : "false", (i + 1) * 16384);

  g_string_append (out, "],\"members\":[");
  for (guint i = 0; i < 12; i++)
    g_string_append_printf (out, "%s{\"id\":\"member-%u\",\"fullName\":\"Member %u Example\",\"username\":\"member%u\"}",
                            i ? "," : "", i, i, i);

  g_string_append (out, "],\"labels\":[");
  for (guint i = 0; i < G_N_ELEMENTS (label_names); i++)
    g_string_append_printf (out, "%s{\"id\":\"label-%u\",\"name\":\"%s\",\"color\":\"%s\"}",
                            i ? "," : "", i, label_names[i], label_colors[i]);

  g_string_append (out, "],\"cards\":[");
  for (guint i = 0; i < n_cards; i++)
    {
      guint day = 1 + i % 28;
      guint month = 1 + (i / 28) % 12;

      g_string_append_printf (out,
                              "%s{\"id\":\"card-%u\",\"name\":\"Task %u: build module section %u\","
                              "\"desc\":\"## Goal\\nLearners can do step %u on their own.\\n\\n"
                              "- Read the **brief**\\n- Draft the _outline_\\n- Check with the SME\","
                              "\"closed\":%s,\"idList\":\"list-%u\",\"pos\":%u.25,"
                              "\"start\":\"2026-%02u-%02uT08:00:00.000Z\",\"due\":\"2026-%02u-%02uT17:00:00.000Z\","
                              "\"dueComplete\":%s,\"idMembers\":[\"member-%u\",\"member-%u\"],"
                              "\"idLabels\":[\"label-%u\",\"label-%u\"],\"idChecklists\":[",
                              i ? "," : "", i, i, i % 7, i,
                              i % 20 == 19 ? "true" : "false", i % 8, 1024 * (i + 1),
                              month, day, month, MIN (day + 3, 28u),
                              i % 13 == 0 ? "true" : "false", i % 12, (i + 5) % 12,
                              i % 6, (i + 2) % 6);
      if (i % 2 == 0)
        g_string_append_printf (out, "\"checklist-%u\"", i);
      g_string_append (out, "],\"attachments\":[");
      if (i % 10 == 0)
        g_string_append_printf (out, "{\"id\":\"att-%u\",\"name\":\"Brief %u.pdf\","
                                     "\"url\":\"https://trello.com/1/cards/card-%u/attachments/att-%u/download/Brief.pdf\"}",
                                i, i, i, i);
      g_string_append (out, "],\"badges\":{\"checkItems\":4}}");
    }

  g_string_append (out, "],\"checklists\":[");
  for (guint i = 0; i < n_cards; i += 2)
    {
      g_string_append_printf (out, "%s{\"id\":\"checklist-%u\",\"idCard\":\"card-%u\",\"name\":\"Steps\",\"pos\":16384,"
                                   "\"checkItems\":[", i ? "," : "", i, i);
      for (guint j = 0; j < 4; j++)
        g_string_append_printf (out, "%s{\"id\":\"item-%u-%u\",\"name\":\"Step %u of task %u\",\"state\":\"%s\",\"pos\":%u}",
                                j ? "," : "", i, j, j + 1, i, (i + j) % 3 == 0 ? "complete" : "incomplete",
                                (j + 1) * 16384);
      g_string_append (out, "]}");
    }

  g_string_append (out, "],\"actions\":[");
  for (guint i = 0; i < n_cards && n_actions < 1000; i += 5, n_actions++)
    g_string_append_printf (out, "%s{\"id\":\"action-%u\",\"type\":\"commentCard\",\"date\":\"2026-02-%02uT10:%02u:00.000Z\","
                                 "\"memberCreator\":{\"id\":\"member-%u\",\"fullName\":\"Member %u Example\"},"
                                 "\"data\":{\"text\":\"Looks good, see the notes for card %u.\",\"card\":{\"id\":\"card-%u\"}}}",
                            i ? "," : "", i, 1 + i % 28, i % 60, i % 12, i % 12, i, i);
  g_string_append (out, "]}");

  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
