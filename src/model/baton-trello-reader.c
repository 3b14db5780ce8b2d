/* baton-trello-reader.c — reading the nodes of a Trello board export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every node's type is checked before it is read: a member of the wrong
 * type is an error that names it, and the first error wins (every read
 * after it returns the default, so a loop can read a whole object and
 * check once). Names are cleaned and times turned into local dates as the
 * workspace takes them.
 */

#define G_LOG_DOMAIN "baton-trello"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-json-private.h"
#include "baton-trello-private.h"

const char *
_baton_trello_node_kind (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return _("a string");
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        return _("true or false");
      return _("a number");
    }
}

void
_baton_trello_type_error (Reader     *reader,
                          const char *path,
                          const char *expected,
                          JsonNode   *found)
{
  if (reader->error != NULL)
    return;
  /* Translators: "cards[3].name: Expected a string, found an array." */
  g_set_error (&reader->error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_NOT_TRELLO,
               _("%s: Expected %s, found %s. This is not a Trello board export as Baton knows it."),
               path, expected, _baton_trello_node_kind (found));
}

void
_baton_trello_warn (Reader     *reader,
                    const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (reader->board->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* A string member; NULL when missing or null. */
char *
_baton_trello_read_string (Reader     *reader,
                           JsonObject *object,
                           const char *path,
                           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (reader->error != NULL || node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, member);

      _baton_trello_type_error (reader, where, _("a string"), node);
      return NULL;
    }

  return g_strdup (json_node_get_string (node));
}

/* A string that must be there (an id). */
char *
_baton_trello_read_id (Reader     *reader,
                       JsonObject *object,
                       const char *path,
                       const char *member)
{
  char *id = _baton_trello_read_string (reader, object, path, member);

  if (reader->error == NULL && (id == NULL || id[0] == '\0'))
    {
      JsonNode *node = json_object_get_member (object, member);

      if (node == NULL)
        g_set_error (&reader->error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_NOT_TRELLO,
                     _("%s.%s: This member is missing. This is not a Trello board export as Baton knows it."),
                     path, member);
      else
        g_set_error (&reader->error, BATON_TRELLO_ERROR, BATON_TRELLO_ERROR_NOT_TRELLO,
                     _("%s.%s: An id cannot be empty. This is not a Trello board export as Baton knows it."),
                     path, member);
    }

  return id;
}

gboolean
_baton_trello_read_bool (Reader     *reader,
                         JsonObject *object,
                         const char *path,
                         const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (reader->error != NULL || node == NULL || JSON_NODE_HOLDS_NULL (node))
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, member);

      _baton_trello_type_error (reader, where, _("true or false"), node);
      return FALSE;
    }

  return json_node_get_boolean (node);
}

/* A position: Trello writes floats, some tools integers or numeric text. */
double
_baton_trello_read_pos (Reader     *reader,
                        JsonObject *object,
                        const char *path,
                        const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  if (reader->error != NULL || node == NULL || JSON_NODE_HOLDS_NULL (node))
    return 0;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  if (type == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  if (type == G_TYPE_STRING)
    {
      char *end = NULL;
      double value = g_ascii_strtod (json_node_get_string (node), &end);

      if (end != NULL && *end == '\0' && end != json_node_get_string (node))
        return value;
    }

  {
    g_autofree char *where = g_strdup_printf ("%s.%s", path, member);

    _baton_trello_type_error (reader, where, _("a number"), node);
  }
  return 0;
}

/* An array member; NULL when missing or null. */
JsonArray *
_baton_trello_read_array (Reader     *reader,
                          JsonObject *object,
                          const char *path,
                          const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (reader->error != NULL || node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *where = g_strdup_printf ("%s.%s", path, member);

      _baton_trello_type_error (reader, where, _("an array"), node);
      return NULL;
    }

  return json_node_get_array (node);
}

/* The object at @index of @array, or NULL (with the error set). */
JsonObject *
_baton_trello_element_object (Reader     *reader,
                              JsonArray  *array,
                              guint       index,
                              const char *path)
{
  JsonNode *node = json_array_get_element (array, index);

  if (reader->error != NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _baton_trello_type_error (reader, path, _("an object"), node);
      return NULL;
    }

  return json_node_get_object (node);
}

/* A name as the workspace takes it: trimmed, one line, at most
 * BATON_MAX_NAME_LENGTH characters; NULL when empty. */
char *
_baton_trello_clean_name (Reader     *reader,
                          const char *name,
                          const char *path)
{
  g_autofree char *text = NULL;

  if (name == NULL)
    return NULL;
  text = g_strdup (name);
  g_strdelimit (text, "\r\n\t", ' ');
  g_strstrip (text);
  if (text[0] == '\0')
    return NULL;
  if (g_utf8_strlen (text, -1) > BATON_MAX_NAME_LENGTH)
    {
      char *end = g_utf8_offset_to_pointer (text, BATON_MAX_NAME_LENGTH);

      *end = '\0';
      _baton_trello_warn (reader, _("%s: The name is longer than %d characters; it was shortened."),
            path, BATON_MAX_NAME_LENGTH);
    }

  return g_steal_pointer (&text);
}

/* An ISO 8601 time as a local date, or NULL (with a warning when there was
 * text that is no time). */
char *
_baton_trello_local_date (Reader     *reader,
                          const char *text,
                          const char *path)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (text == NULL || text[0] == '\0')
    return NULL;
  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    {
      g_autofree char *shown = _baton_json_quote_input (text);

      _baton_trello_warn (reader, _("%s: “%s” is not a date and time; it was left out."), path, shown);
      return NULL;
    }
  local = g_date_time_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d");
}
