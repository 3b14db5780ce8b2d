/* baton-note-row.c — a note in a client's page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The note's title (as typed, never markup; "Untitled Note" when empty),
 * and under it when it was written and the program it is about.
 */

#define G_LOG_DOMAIN "baton-note-row"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-note-row.h"
#include "baton-revisions-dialog.h"

struct _BatonNoteRow
{
  AdwActionRow  parent_instance;

  /* Owned references */
  BatonStore   *store;
  BatonNote    *note;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonNoteRow, baton_note_row, ADW_TYPE_ACTION_ROW)

static gboolean
title_or_untitled (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      data)
{
  const char *title = g_value_get_string (from);

  g_value_set_string (to, title != NULL && title[0] != '\0' ? title : _("Untitled Note"));
  return TRUE;
}

static char *
note_subtitle (BatonNoteRow *self)
{
  BatonNote *note = self->note;
  g_autofree char *when = baton_format_saved_at (baton_note_get_created_at (note));
  BatonProgram *program = baton_note_get_program_id (note)
                          ? baton_store_lookup_program (self->store, baton_note_get_program_id (note)) : NULL;

  if (program != NULL && when != NULL)
    /* Translators: a note's subtitle: when it was written · the program it is about */
    return g_strdup_printf (_("%s · %s"), when, baton_program_get_name (program));
  if (program != NULL)
    return g_strdup (baton_program_get_name (program));

  return g_steal_pointer (&when);
}

GtkWidget *
baton_note_row_new (BatonStore *store,
                    BatonNote  *note)
{
  BatonNoteRow *self;

  g_return_val_if_fail (BATON_IS_STORE (store), NULL);
  g_return_val_if_fail (BATON_IS_NOTE (note), NULL);

  self = g_object_new (BATON_TYPE_NOTE_ROW, "store", store, "note", note, NULL);

  /* What people typed is shown as it is, never as markup. Set once the row
   * is built: the title's binding must not run before the row's label
   * knows (notifications wait until the end of construction). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  g_object_bind_property_full (note, "title", self, "title", G_BINDING_SYNC_CREATE,
                               title_or_untitled, NULL, NULL, NULL);
  baton_note_row_update (self);

  return GTK_WIDGET (self);
}

BatonNote *
baton_note_row_get_note (BatonNoteRow *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_ROW (self), NULL);

  return self->note;
}

void
baton_note_row_update (BatonNoteRow *self)
{
  g_autofree char *subtitle = NULL;

  g_return_if_fail (BATON_IS_NOTE_ROW (self));

  subtitle = note_subtitle (self);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle != NULL ? subtitle : "");
}

static void
baton_note_row_dispose (GObject *object)
{
  BatonNoteRow *self = BATON_NOTE_ROW (object);

  g_clear_object (&self->note);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (baton_note_row_parent_class)->dispose (object);
}

static void
baton_note_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BatonNoteRow *self = BATON_NOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_NOTE:
      g_value_set_object (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_note_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BatonNoteRow *self = BATON_NOTE_ROW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_NOTE:
      self->note = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_note_row_class_init (BatonNoteRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = baton_note_row_dispose;
  object_class->get_property = baton_note_row_get_property;
  object_class->set_property = baton_note_row_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BATON_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_object ("note", NULL, NULL, BATON_TYPE_NOTE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
baton_note_row_init (BatonNoteRow *self)
{
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 1);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 2);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (self), "text-x-generic-symbolic");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
}
