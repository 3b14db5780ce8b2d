/* baton-client-page.h — one client: notes, programs and contact
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baton-store.h"

G_BEGIN_DECLS

#define BATON_TYPE_CLIENT_PAGE (baton_client_page_get_type ())
G_DECLARE_FINAL_TYPE (BatonClientPage, baton_client_page, BATON, CLIENT_PAGE, GtkWidget)

GtkWidget   *baton_client_page_new               (BatonStore      *store);
void         baton_client_page_set_client        (BatonClientPage *self,
                                                  BatonClient     *client);
BatonClient *baton_client_page_get_client        (BatonClientPage *self);
/* Archived programs are listed too. */
void         baton_client_page_set_show_archived (BatonClientPage *self,
                                                  gboolean         show_archived);
/* Highlights @note in the list (it does not emit note-activated). */
void         baton_client_page_select_note       (BatonClientPage *self,
                                                  BatonNote       *note);
/* Gives the keyboard focus to the open note's row in the list of notes, or
 * the first row; FALSE when the list is empty (the page takes it then). */
gboolean     baton_client_page_focus_notes       (BatonClientPage *self);
/* The client's notes, newest first (BatonNote). */
GListModel  *baton_client_page_get_notes         (BatonClientPage *self);
/* The programs shown (BatonProgram). */
GListModel  *baton_client_page_get_programs      (BatonClientPage *self);
/* Applies the text of a contact field: "name", "organization",
 * "contact-name", "email" or "phone", as pressing Enter in it does. Returns
 * FALSE, with the error shown on the field, when it is not valid; nothing is
 * saved then. */
gboolean     baton_client_page_apply_field       (BatonClientPage *self,
                                                  const char      *field,
                                                  const char      *text);
/* The error shown under the contact fields, or NULL. */
const char  *baton_client_page_get_contact_error (BatonClientPage *self);

G_END_DECLS
