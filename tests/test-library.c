/* test-library.c — libraries opened when they are first needed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-library"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "baton-library.h"

/* Declared only, for its type: no library has it. */
void baton_test_no_such_function (int answer);

#define SQLITE_FUNCTIONS(X) \
  X (sqlite3_libversion) \
  X (sqlite3_libversion_number)

typedef struct
{
  SQLITE_FUNCTIONS (BATON_LIBRARY_POINTER)
} SqliteFunctions;

#define SQLITE_SYMBOL(name) BATON_LIBRARY_SYMBOL (SqliteFunctions, name)

/* The table is filled, and calls go to the library's own functions. */
static void
test_load (void)
{
  static SqliteFunctions functions;
  static const BatonLibrarySymbol symbols[] = { SQLITE_FUNCTIONS (SQLITE_SYMBOL) { NULL } };
  static BatonLibrary library = { "libsqlite3.so.0", &functions, symbols };

  g_assert_null (baton_library_load (&library));
  g_assert_nonnull (functions.sqlite3_libversion);
  g_assert_cmpstr (functions.sqlite3_libversion (), ==, sqlite3_libversion ());
  g_assert_cmpint (functions.sqlite3_libversion_number (), ==, sqlite3_libversion_number ());

  /* Once: the second time changes nothing. */
  g_assert_null (baton_library_load (&library));
  g_assert_cmpint (functions.sqlite3_libversion_number (), ==, SQLITE_VERSION_NUMBER);
}

/* A library that is not there: the system's reason, naming it, and the
 * same reason every time. */
static void
test_missing_library (void)
{
  static SqliteFunctions functions;
  static const BatonLibrarySymbol symbols[] = { SQLITE_FUNCTIONS (SQLITE_SYMBOL) { NULL } };
  static BatonLibrary library = { "libbaton-test-missing.so.0", &functions, symbols };
  const char *failure = baton_library_load (&library);

  g_assert_nonnull (failure);
  g_assert_nonnull (strstr (failure, "libbaton-test-missing.so.0"));
  g_assert_true (baton_library_load (&library) == failure);
}

/* A library without one of the functions (another version of it): refused
 * as a whole, naming the function. */
static void
test_missing_symbol (void)
{
  static struct
  {
    BATON_LIBRARY_POINTER (sqlite3_libversion)
    BATON_LIBRARY_POINTER (baton_test_no_such_function)
  } functions;
  static const BatonLibrarySymbol symbols[] = {
    BATON_LIBRARY_SYMBOL (__typeof__ (functions), sqlite3_libversion)
    BATON_LIBRARY_SYMBOL (__typeof__ (functions), baton_test_no_such_function)
    { NULL }
  };
  static BatonLibrary library = { "libsqlite3.so.0", &functions, symbols };
  const char *failure = baton_library_load (&library);

  g_assert_nonnull (failure);
  g_assert_nonnull (strstr (failure, "baton_test_no_such_function"));
  g_assert_true (baton_library_load (&library) == failure);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/library/load", test_load);
  g_test_add_func ("/library/missing-library", test_missing_library);
  g_test_add_func ("/library/missing-symbol", test_missing_symbol);

  return g_test_run ();
}
