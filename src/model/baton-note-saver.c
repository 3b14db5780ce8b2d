/* baton-note-saver.c — the autosave and revision policy of an open note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "baton-notes"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "baton-note-saver.h"
#include "baton-model-enums.h"
#include "baton-notes.h"
#include "baton-store-private.h"

struct _BatonNoteSaver
{
  GObject                  parent_instance;

  BatonStore              *store;
  BatonNote               *note;
  BatonNoteSaverFetchFunc  fetch;
  gpointer                 fetch_data;
  GDestroyNotify           fetch_data_destroy;
  BatonClockFunc           clock;
  gpointer                 clock_data;

  guint                    delay_ms;
  guint                    timeout;
  BatonNoteSaverState      state;
  char                    *error_message;

  gint64                   last_revision;   /* clock time; 0: none this session */
  gboolean                 has_revision;
  gboolean                 saving;          /* our own update is running */
  gboolean                 left;

  /* A save that failed is tried again, later and later, until it works. */
  guint                    retry;           /* source */
  guint                    retry_first_ms;
  guint                    retry_max_ms;
  guint                    retry_next_ms;

  /* The text of a note that was left unsaved: the editor has moved on. */
  char                    *held_title;
  char                    *held_body;
  gboolean                 holding;
};

enum {
  SAVER_PROP_0,
  SAVER_PROP_STATE,
  SAVER_N_PROPS
};

enum {
  SAVER_EXTERNAL_CHANGE,
  SAVER_N_SIGNALS
};

static GParamSpec *saver_properties[SAVER_N_PROPS];
static guint saver_signals[SAVER_N_SIGNALS];

G_DEFINE_FINAL_TYPE (BatonNoteSaver, baton_note_saver, G_TYPE_OBJECT)

static gint64
default_clock (gpointer data)
{
  return g_get_monotonic_time ();
}

static void
set_state (BatonNoteSaver      *self,
           BatonNoteSaverState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), saver_properties[SAVER_PROP_STATE]);
}

static void
note_changed_cb (BatonNoteSaver *self)
{
  /* Undo, redo and restoring a revision change the note under the editor.
   * Edits not saved yet are dropped: they were typed over the text that the
   * undo took back (at most the autosave delay's worth). */
  if (self->saving)
    return;

  if (self->state == BATON_NOTE_SAVER_PENDING)
    {
      g_clear_handle_id (&self->timeout, g_source_remove);
      set_state (self, BATON_NOTE_SAVER_SAVED);
    }

  g_signal_emit (self, saver_signals[SAVER_EXTERNAL_CHANGE], 0);
}

static void
baton_note_saver_dispose (GObject *object)
{
  BatonNoteSaver *self = BATON_NOTE_SAVER (object);

  g_clear_handle_id (&self->timeout, g_source_remove);
  g_clear_handle_id (&self->retry, g_source_remove);
  if (self->note != NULL)
    g_signal_handlers_disconnect_by_data (self->note, self);
  g_clear_object (&self->note);
  g_clear_object (&self->store);
  if (self->fetch_data_destroy != NULL)
    g_clear_pointer (&self->fetch_data, self->fetch_data_destroy);

  G_OBJECT_CLASS (baton_note_saver_parent_class)->dispose (object);
}

static void
baton_note_saver_finalize (GObject *object)
{
  BatonNoteSaver *self = BATON_NOTE_SAVER (object);

  g_free (self->error_message);
  g_free (self->held_title);
  g_free (self->held_body);

  G_OBJECT_CLASS (baton_note_saver_parent_class)->finalize (object);
}

static void
baton_note_saver_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BatonNoteSaver *self = BATON_NOTE_SAVER (object);

  switch (prop_id)
    {
    case SAVER_PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_note_saver_class_init (BatonNoteSaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baton_note_saver_dispose;
  object_class->finalize = baton_note_saver_finalize;
  object_class->get_property = baton_note_saver_get_property;

  saver_properties[SAVER_PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       BATON_TYPE_NOTE_SAVER_STATE, BATON_NOTE_SAVER_SAVED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SAVER_N_PROPS, saver_properties);

  /**
   * BatonNoteSaver::external-change:
   *
   * The note was changed in the store by something else than this saver
   * (undo, redo, a restored revision): the editor should show it again.
   */
  saver_signals[SAVER_EXTERNAL_CHANGE] =
    g_signal_new ("external-change", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
baton_note_saver_init (BatonNoteSaver *self)
{
  self->clock = default_clock;
  self->delay_ms = 2000;
  self->retry_first_ms = BATON_NOTE_SAVER_RETRY_FIRST_MS;
  self->retry_max_ms = BATON_NOTE_SAVER_RETRY_MAX_MS;
}

BatonNoteSaver *
baton_note_saver_new (BatonStore              *store,
                      BatonNote               *note,
                      BatonNoteSaverFetchFunc  fetch,
                      gpointer                 fetch_data,
                      GDestroyNotify           fetch_data_destroy)
{
  BatonNoteSaver *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (BATON_IS_NOTE (note), NULL);
  g_return_val_if_fail (fetch != NULL, NULL);

  self = g_object_new (BATON_TYPE_NOTE_SAVER, NULL);
  self->store = g_object_ref (store);
  self->note = g_object_ref (note);
  self->fetch = fetch;
  self->fetch_data = fetch_data;
  self->fetch_data_destroy = fetch_data_destroy;

  g_signal_connect_swapped (note, "notify::body", G_CALLBACK (note_changed_cb), self);
  g_signal_connect_swapped (note, "notify::title", G_CALLBACK (note_changed_cb), self);

  return self;
}

BatonNote *
baton_note_saver_get_note (BatonNoteSaver *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), NULL);
  return self->note;
}

void
baton_note_saver_set_clock (BatonNoteSaver *self,
                            BatonClockFunc  clock,
                            gpointer        clock_data)
{
  g_return_if_fail (BATON_IS_NOTE_SAVER (self));

  self->clock = clock != NULL ? clock : default_clock;
  self->clock_data = clock_data;
}

void
baton_note_saver_set_delay (BatonNoteSaver *self,
                            guint           delay_ms)
{
  g_return_if_fail (BATON_IS_NOTE_SAVER (self));

  self->delay_ms = delay_ms;
}

guint
baton_note_saver_get_delay (BatonNoteSaver *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), 0);
  return self->delay_ms;
}

BatonNoteSaverState
baton_note_saver_get_state (BatonNoteSaver *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), BATON_NOTE_SAVER_SAVED);
  return self->state;
}

const char *
baton_note_saver_get_error_message (BatonNoteSaver *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), NULL);
  return self->error_message;
}

void
baton_note_saver_set_retry_delays (BatonNoteSaver *self,
                                   guint           first_ms,
                                   guint           max_ms)
{
  g_return_if_fail (BATON_IS_NOTE_SAVER (self));
  g_return_if_fail (first_ms > 0 && max_ms >= first_ms);

  self->retry_first_ms = first_ms;
  self->retry_max_ms = max_ms;
  self->retry_next_ms = 0;
}

static gboolean
retry_cb (gpointer data)
{
  BatonNoteSaver *self = data;
  g_autoptr(GError) error = NULL;

  self->retry = 0;
  /* A new failure schedules the next try, twice as late. */
  if (!baton_note_saver_flush (self, &error))
    g_debug ("Saving the note again failed: %s", error->message);

  return G_SOURCE_REMOVE;
}

/* After a failed save: try again later (the database may be locked by
 * another program, the disk full for a moment). The main loop runs in
 * between; nothing waits. Input the store refuses is not retried. */
static void
schedule_retry (BatonNoteSaver *self,
                const GError   *error)
{
  g_clear_handle_id (&self->retry, g_source_remove);

  if (g_error_matches (error, BATON_STORE_ERROR, BATON_STORE_ERROR_INVALID) ||
      g_error_matches (error, BATON_STORE_ERROR, BATON_STORE_ERROR_NOT_FOUND))
    return;

  self->retry_next_ms = self->retry_next_ms == 0 ? self->retry_first_ms
                                                 : MIN (self->retry_next_ms * 2, self->retry_max_ms);
  self->retry = g_timeout_add (self->retry_next_ms, retry_cb, self);
}

gboolean
baton_note_saver_is_retrying (BatonNoteSaver *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), FALSE);
  return self->retry != 0;
}

gboolean
baton_note_saver_has_unsaved (BatonNoteSaver *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), FALSE);
  return self->state != BATON_NOTE_SAVER_SAVED;
}

/* The text being saved: the editor's, or the copy held when it left. */
static void
fetch (BatonNoteSaver  *self,
       char           **title,
       char           **body)
{
  if (self->holding)
    {
      *title = g_strdup (self->held_title);
      *body = g_strdup (self->held_body);
    }
  else
    self->fetch (self->fetch_data, title, body);
}

char *
baton_note_saver_to_markdown (BatonNoteSaver *self)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), NULL);

  fetch (self, &title, &body);
  return baton_notes_markdown_from_text (title != NULL && title[0] != '\0' ? title : NULL, body);
}

void
baton_note_saver_discard (BatonNoteSaver *self)
{
  g_return_if_fail (BATON_IS_NOTE_SAVER (self));

  g_clear_handle_id (&self->timeout, g_source_remove);
  g_clear_handle_id (&self->retry, g_source_remove);
  self->retry_next_ms = 0;
  g_clear_pointer (&self->error_message, g_free);
  set_state (self, BATON_NOTE_SAVER_SAVED);
}

static gboolean
timeout_cb (gpointer data)
{
  BatonNoteSaver *self = data;
  g_autoptr(GError) error = NULL;

  self->timeout = 0;
  if (!baton_note_saver_flush (self, &error))
    g_debug ("Autosave failed: %s", error->message);

  return G_SOURCE_REMOVE;
}

void
baton_note_saver_changed (BatonNoteSaver *self)
{
  g_return_if_fail (BATON_IS_NOTE_SAVER (self));

  set_state (self, BATON_NOTE_SAVER_PENDING);

  g_clear_handle_id (&self->timeout, g_source_remove);
  if (self->delay_ms > 0 && !self->left)
    self->timeout = g_timeout_add (self->delay_ms, timeout_cb, self);
}

/* Empty text is stored as NULL; compare the way the store will. */
static char *
normalize (char *text)
{
  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

gboolean
baton_note_saver_flush (BatonNoteSaver  *self,
                        GError         **error)
{
  g_autoptr(GObject) keep_alive = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *previous;
  gboolean keep_revision = FALSE;
  gboolean ok;
  gint64 now;

  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), FALSE);

  g_clear_handle_id (&self->timeout, g_source_remove);

  if (self->state == BATON_NOTE_SAVER_SAVED)
    return TRUE;

  keep_alive = g_object_ref (G_OBJECT (self));
  g_clear_handle_id (&self->retry, g_source_remove);
  fetch (self, &title, &body);
  title = normalize (title);
  body = normalize (body);
  now = self->clock (self->clock_data);
  previous = baton_note_get_body (self->note);

  /* The first change of the body in a session keeps the text as it was
   * left last time; after that, one revision per interval at most. */
  if (g_strcmp0 (body, previous) != 0 && previous != NULL &&
      (!self->has_revision || now - self->last_revision >= BATON_NOTE_REVISION_INTERVAL))
    keep_revision = TRUE;

  self->saving = TRUE;
  ok = baton_store_update_note (self->store, self->note, title, body, keep_revision, &local_error);
  self->saving = FALSE;

  if (!ok)
    {
      g_free (self->error_message);
      self->error_message = g_strdup (local_error->message);
      schedule_retry (self, local_error);
      /* Notified after the retry is set, so that listeners see it. */
      if (self->state == BATON_NOTE_SAVER_FAILED)
        g_object_notify_by_pspec (G_OBJECT (self), saver_properties[SAVER_PROP_STATE]);
      else
        set_state (self, BATON_NOTE_SAVER_FAILED);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->retry_next_ms = 0;
  if (self->holding)
    {
      g_clear_pointer (&self->held_title, g_free);
      g_clear_pointer (&self->held_body, g_free);
    }

  if (keep_revision)
    {
      self->has_revision = TRUE;
      self->last_revision = now;
    }

  g_clear_pointer (&self->error_message, g_free);
  set_state (self, BATON_NOTE_SAVER_SAVED);

  return TRUE;
}

void
baton_note_saver_resume (BatonNoteSaver  *self,
                         char           **title,
                         char           **body)
{
  g_return_if_fail (BATON_IS_NOTE_SAVER (self));
  g_return_if_fail (self->holding);
  g_return_if_fail (title != NULL && body != NULL);

  /* The editor shows the held text; from now on it is the editor's again.
   * The retry goes on as it was. */
  *title = g_steal_pointer (&self->held_title);
  *body = g_steal_pointer (&self->held_body);
  self->holding = FALSE;
  self->left = FALSE;
}

gboolean
baton_note_saver_leave (BatonNoteSaver  *self,
                        GError         **error)
{
  g_return_val_if_fail (BATON_IS_NOTE_SAVER (self), FALSE);

  self->left = TRUE;
  if (baton_note_saver_flush (self, error))
    return TRUE;

  /* Keep the text, which the editor is about to replace, and go on trying
   * to save it. */
  if (!self->holding)
    {
      self->fetch (self->fetch_data, &self->held_title, &self->held_body);
      self->holding = TRUE;
    }

  return FALSE;
}
