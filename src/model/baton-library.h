/* baton-library.h — libraries opened when they are first needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A library that only one rarely used feature needs (libpq for team
 * workspaces, libical for calendars, libsecret for remembered passwords,
 * cmark for reports) is not linked into Baton: each one linked costs every
 * start its loading and relocation, before main (). Its user keeps a table
 * of the functions it calls and fills it with baton_library_load () the
 * first time:
 *
 *   #define ICAL_FUNCTIONS(X) X (icalcomponent_new) X (icalcomponent_free)
 *   typedef struct { ICAL_FUNCTIONS (BATON_LIBRARY_POINTER) } IcalFunctions;
 *   #define ICAL_SYMBOL(name) BATON_LIBRARY_SYMBOL (IcalFunctions, name)
 *   static IcalFunctions ical;
 *   static const BatonLibrarySymbol ical_symbols[] = { ICAL_FUNCTIONS (ICAL_SYMBOL) { NULL } };
 *   static BatonLibrary libical = { "libical.so.3", &ical, ical_symbols };
 *
 *   if ((failure = baton_library_load (&libical)) != NULL) ... say why
 *   ical.icalcomponent_new (...);
 *
 * The headers are compiled against as usual (a meson partial dependency),
 * so that every call is checked against the library's own prototypes.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  gsize       offset;   /* of its pointer in the table */
} BatonLibrarySymbol;

typedef struct
{
  const char               *soname;    /* or a path; NULL: the program */
  gpointer                  table;
  const BatonLibrarySymbol *symbols;   /* ends with { NULL } */

  /*< private >*/
  gsize                     loaded;
  char                     *failure;
} BatonLibrary;

/* A member of the table: a pointer to the function @name, of its type. */
#define BATON_LIBRARY_POINTER(name) __typeof__ (name) *name;
/* The entry of the symbols for the member @name of the table type @Table. */
#define BATON_LIBRARY_SYMBOL(Table, name) { #name, G_STRUCT_OFFSET (Table, name) },

/* Opens the library and fills its table, once per process (thread-safe);
 * the library then stays loaded. Returns NULL, or why it could not be
 * opened (the system's words), the same every time. */
const char *baton_library_load (BatonLibrary *library);

G_END_DECLS
