/* baton-cli.h — export and import from the command line, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * BatonCliError:
 * @BATON_CLI_ERROR_USAGE: options that do not go together, or a file
 *   name whose format cannot be told
 * @BATON_CLI_ERROR_NOT_FOUND: no workspace, person or program of that name
 * @BATON_CLI_ERROR_SAME_FILE: the export would overwrite the workspace
 */
typedef enum
{
  BATON_CLI_ERROR_USAGE,
  BATON_CLI_ERROR_NOT_FOUND,
  BATON_CLI_ERROR_SAME_FILE,
} BatonCliError;

#define BATON_CLI_ERROR (baton_cli_error_quark ())
GQuark baton_cli_error_quark (void);

/* Adds --export, --import and their companions to @application's options. */
void baton_cli_add_options    (GApplication *application);

/* From handle-local-options: runs an export or import the options ask for,
 * before the application registers or opens a display. Returns -1 when
 * they ask for none (the application starts as usual), otherwise the exit
 * status: 0 after a one-line summary on stdout, 1 after the error's
 * message on stderr. */
int  baton_cli_handle_options (GVariantDict *options);

G_END_DECLS
