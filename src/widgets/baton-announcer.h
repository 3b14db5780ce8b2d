/* baton-announcer.h — says a result out loud to a screen reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BATON_TYPE_ANNOUNCER (baton_announcer_get_type ())
G_DECLARE_FINAL_TYPE (BatonAnnouncer, baton_announcer, BATON, ANNOUNCER, GtkWidget)

/* Puts an announcer in @host's accessibility tree (not on screen) for the
 * window @host is in, and returns it (owned by @host). */
BatonAnnouncer *baton_announcer_attach      (GtkWidget      *host);
/* The announcer of @widget's window, or NULL. */
BatonAnnouncer *baton_announcer_find        (GtkWidget      *widget);

/* Announces @message: the alert's name becomes @message. */
void            baton_announcer_announce    (BatonAnnouncer *self,
                                             const char     *message);
/* The alert's name is emptied (its toast went away). */
void            baton_announcer_clear       (BatonAnnouncer *self);
/* What is announced now, or NULL. */
const char     *baton_announcer_get_message (BatonAnnouncer *self);

/* Announces @message in @widget's window, if it has an announcer. */
void            baton_announce              (GtkWidget      *widget,
                                             const char     *message);

G_END_DECLS
