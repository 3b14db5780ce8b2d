/* baton-undo-toaster.c — one toast at a time, whose button acts on the change it names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the main window and the dialogs that show toasts over the
 * store's history. There is one toast at a time, and nothing waits in the
 * host's queue: a new message or change takes over the toast on show (its
 * text, button and timeout are updated in place), or makes a new one when
 * none is showing. A history toast names one change and its button acts
 * on that change only: the button carries the toast's serial, the toaster
 * remembers which change that serial names, and the button goes away the
 * moment that change is no longer the one Undo (or Redo) would revert.
 *
 * The toaster never dismisses a toast itself: libadwaita 1.2 frees a toast
 * that is dismissed while it is still sliding in after another one, and
 * then its animation ends on freed memory. A toast times out, is closed by
 * a person, or changes in place.
 */

#define G_LOG_DOMAIN "baton-undo-toaster"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-undo-toaster.h"
#include "baton-announcer.h"

struct _BatonUndoToaster
{
  GObject        parent_instance;

  BatonStore    *store;         /* owned */
  GtkWidget     *host;          /* weak */
  BatonAnnouncer *announcer;    /* weak; the host's child */
  char          *undo_action;
  char          *redo_action;

  /* The toast on show (weak), and the change it names, if any: compared
   * by address only, never dereferenced. */
  AdwToast      *toast;
  gconstpointer  change;
  gboolean       offers_redo;
  guint64        serial;
  guint64        last_serial;
  guint          n_live;
  gboolean       busy;
};

G_DEFINE_FINAL_TYPE (BatonUndoToaster, baton_undo_toaster, G_TYPE_OBJECT)

/* "dismissed" is emitted by each adw_toast_dismiss (): count the first. */
static void
on_toast_dismissed (AdwToast         *toast,
                    BatonUndoToaster *self)
{
  g_signal_handlers_disconnect_by_func (toast, on_toast_dismissed, self);
  g_assert (self->n_live > 0);
  self->n_live--;

  if (self->toast == toast)
    {
      g_clear_weak_pointer (&self->toast);
      self->change = NULL;
      if (self->announcer != NULL)
        baton_announcer_clear (self->announcer);
    }
}

/* Shows @message with a button activating @action with @target (floating,
 * consumed), or without a button when @action is NULL. */
static void
show (BatonUndoToaster *self,
      const char       *message,
      const char       *button_label,
      const char       *action,
      GVariant         *target)
{
  /* A toast title is Pango markup; messages may hold names people typed. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = self->toast;

  if (self->host == NULL)
    {
      if (target != NULL)
        g_variant_unref (g_variant_ref_sink (target));
      return;
    }

  if (toast == NULL)
    {
      toast = adw_toast_new (escaped);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, 0);
      self->n_live++;
      g_set_weak_pointer (&self->toast, toast);
    }
  else
    {
      adw_toast_set_title (toast, escaped);
      g_object_ref (toast);
    }

  /* The button follows each property: never a name without its target. */
  adw_toast_set_button_label (toast, button_label);
  adw_toast_set_action_name (toast, NULL);
  adw_toast_set_action_target_value (toast, target);
  adw_toast_set_action_name (toast, action);

  /* A screen reader says it too: a toast is not announced in libadwaita 1.2. */
  if (self->announcer != NULL)
    baton_announcer_announce (self->announcer, message);

  /* Added again, a toast on show starts its timeout afresh. */
  if (ADW_IS_TOAST_OVERLAY (self->host))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (self->host), toast);
  else
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self->host), toast);
}

/* The change Undo (@redo FALSE) or Redo would revert now. */
static gconstpointer
history_top (BatonUndoToaster *self,
             gboolean          redo)
{
  BatonHistory *history = baton_store_get_history (self->store);

  return redo ? (gconstpointer) baton_history_peek_redo (history)
              : (gconstpointer) baton_history_peek_undo (history);
}

/* The history changed: the button of a toast whose change is no longer on
 * top goes; what the toast says stays true. */
static void
check_toast (BatonUndoToaster *self)
{
  if (self->toast == NULL || self->change == NULL || self->busy)
    return;

  if (history_top (self, self->offers_redo) != self->change)
    {
      adw_toast_set_button_label (self->toast, NULL);
      adw_toast_set_action_name (self->toast, NULL);
      adw_toast_set_action_target_value (self->toast, NULL);
      self->change = NULL;
    }
}

static void
baton_undo_toaster_dispose (GObject *object)
{
  BatonUndoToaster *self = BATON_UNDO_TOASTER (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (baton_store_get_history (self->store), self);
  if (self->toast != NULL)
    g_signal_handlers_disconnect_by_func (self->toast, on_toast_dismissed, self);
  g_clear_weak_pointer (&self->toast);
  g_clear_weak_pointer (&self->host);
  g_clear_weak_pointer (&self->announcer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_undo_toaster_parent_class)->dispose (object);
}

static void
baton_undo_toaster_finalize (GObject *object)
{
  BatonUndoToaster *self = BATON_UNDO_TOASTER (object);

  g_free (self->undo_action);
  g_free (self->redo_action);

  G_OBJECT_CLASS (baton_undo_toaster_parent_class)->finalize (object);
}

static void
baton_undo_toaster_class_init (BatonUndoToasterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baton_undo_toaster_dispose;
  object_class->finalize = baton_undo_toaster_finalize;
}

static void
baton_undo_toaster_init (BatonUndoToaster *self)
{
}

/* Public ----------------------------------------------------------------------- */

BatonUndoToaster *
baton_undo_toaster_new (BatonStore *store,
                        GtkWidget  *host,
                        const char *undo_action,
                        const char *redo_action)
{
  BatonUndoToaster *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (host) || ADW_IS_PREFERENCES_WINDOW (host), NULL);
  g_return_val_if_fail (undo_action != NULL && redo_action != NULL, NULL);

  self = g_object_new (BATON_TYPE_UNDO_TOASTER, NULL);
  self->store = g_object_ref (store);
  g_set_weak_pointer (&self->host, host);
  self->undo_action = g_strdup (undo_action);
  self->redo_action = g_strdup (redo_action);
  self->announcer = baton_announcer_attach (host);
  g_object_add_weak_pointer (G_OBJECT (self->announcer), (gpointer *) &self->announcer);

  /* Any property: the top of either stack can change. */
  g_signal_connect_object (baton_store_get_history (store), "notify", G_CALLBACK (check_toast),
                           self, G_CONNECT_SWAPPED);

  return self;
}

void
baton_undo_toaster_show (BatonUndoToaster *self,
                         const char       *message)
{
  g_return_if_fail (BATON_IS_UNDO_TOASTER (self));
  g_return_if_fail (message != NULL);

  show (self, message, NULL, NULL, NULL);
  self->change = NULL;
}

void
baton_undo_toaster_show_change (BatonUndoToaster *self,
                                const char       *message,
                                gboolean          redo)
{
  gconstpointer change;

  g_return_if_fail (BATON_IS_UNDO_TOASTER (self));
  g_return_if_fail (message != NULL);

  change = history_top (self, redo);
  if (change == NULL)
    {
      /* Nothing recorded: a message without a button. */
      baton_undo_toaster_show (self, message);
      return;
    }

  self->serial = ++self->last_serial;
  show (self, message, redo ? _("_Redo") : _("_Undo"),
        redo ? self->redo_action : self->undo_action,
        g_variant_new_uint64 (self->serial));
  self->change = change;
  self->offers_redo = redo;
}

gboolean
baton_undo_toaster_claim (BatonUndoToaster *self,
                          guint64           serial,
                          gboolean          redo)
{
  g_return_val_if_fail (BATON_IS_UNDO_TOASTER (self), FALSE);

  /* A toast on its way out can still be clicked. */
  if (self->change == NULL || serial != self->serial || self->offers_redo != redo ||
      history_top (self, redo) != self->change)
    return FALSE;

  /* A clicked toast closes (and is counted out when it is dismissed):
   * what comes next is a new one. */
  g_clear_weak_pointer (&self->toast);
  self->change = NULL;

  return TRUE;
}

void
baton_undo_toaster_set_busy (BatonUndoToaster *self,
                             gboolean          busy)
{
  g_return_if_fail (BATON_IS_UNDO_TOASTER (self));

  self->busy = busy;
  if (!busy)
    check_toast (self);
}

guint
baton_undo_toaster_get_n_toasts (BatonUndoToaster *self)
{
  g_return_val_if_fail (BATON_IS_UNDO_TOASTER (self), 0);

  return self->n_live;
}

guint64
baton_undo_toaster_get_serial (BatonUndoToaster *self)
{
  g_return_val_if_fail (BATON_IS_UNDO_TOASTER (self), 0);

  return self->change != NULL ? self->serial : 0;
}
