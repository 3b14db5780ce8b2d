/* baton-validate.h — the checks of a client's contact fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions: the client schema and the Clients view both use them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An address like "name@example.org": one "@", something before it, a
 * domain with a dot after it, no spaces. NULL or "" is valid (no email). */
gboolean    baton_validate_email (const char  *text,
                                  GError     **error);
/* Digits with the usual separators (spaces, "-", ".", "/", parentheses), an
 * optional leading "+", and an optional extension ("ext. 12", "x12"); from
 * 3 to 20 digits. NULL or "" is valid (no phone). */
gboolean    baton_validate_phone (const char  *text,
                                  GError     **error);

G_END_DECLS
