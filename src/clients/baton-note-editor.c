/* baton-note-editor.c — one note: title, Markdown text, autosave
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkSourceView with Markdown highlighting in the notes font, a title,
 * the program the note is about and a discreet save status. Every edit
 * goes to a BatonNoteSaver (baton-notes.c), which saves a moment after
 * typing stops (the autosave-delay preference) and when the note is left,
 * and decides when a revision is kept; this widget only tells it that the
 * text changed, and shows the note again when the store changes it under
 * the editor (undo, a restored revision).
 */

#define G_LOG_DOMAIN "baton-note-editor"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>
#include <string.h>

#include "baton-note-editor-private.h"
#include "baton-title-bin.h"
#include "baton-accessible.h"
#include "baton-record-drop-down.h"
#include "baton-revisions-dialog.h"
#include "baton-task-editor.h"
#include "baton-note-saver.h"

enum {
  PROP_0,
  PROP_STORE,
  PROP_NOTE,
  PROP_HAS_UNSAVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BatonNoteEditor, baton_note_editor, GTK_TYPE_WIDGET)

void
_baton_note_editor_notify_has_unsaved (BatonNoteEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_UNSAVED]);
}

/* Loading a note into the widgets --------------------------------------------- */

static void
fetch_text (gpointer   data,
            char     **title,
            char     **body)
{
  BatonNoteEditor *self = data;
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (_baton_note_editor_get_buffer (self));
  GtkTextIter start, end;
  g_autofree char *stripped = g_strstrip (baton_note_editor_dup_title_text (self));

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  *body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  *title = g_steal_pointer (&stripped);
}

/* Fills the title and the text, which are not an edit. */
static void
show_text (BatonNoteEditor *self,
           const char      *title,
           const char      *body,
           gboolean         keep_cursor)
{
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (_baton_note_editor_get_buffer (self));
  GtkTextBuffer *title_buffer;
  GtkTextIter iter;
  gint offset = 0;

  if (keep_cursor)
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      offset = gtk_text_iter_get_offset (&iter);
    }

  self->loading = TRUE;
  title_buffer = gtk_text_view_get_buffer (self->title_view);
  gtk_text_buffer_begin_irreversible_action (title_buffer);
  gtk_text_buffer_set_text (title_buffer, title != NULL ? title : "", -1);
  gtk_text_buffer_end_irreversible_action (title_buffer);
  /* Opening a note is not an edit to undo in the text. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, body != NULL ? body : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_buffer_set_modified (buffer, FALSE);
  self->loading = FALSE;
}

/* Shows the note as the store has it. */
static void
load_text (BatonNoteEditor *self,
           gboolean         keep_cursor)
{
  show_text (self,
             self->note != NULL ? baton_note_get_title (self->note) : NULL,
             self->note != NULL ? baton_note_get_body (self->note) : NULL,
             keep_cursor);
}

static void
set_created_label (BatonNoteEditor *self)
{
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;

  if (self->note != NULL)
    when = baton_format_saved_at (baton_note_get_created_at (self->note));

  if (when != NULL)
    /* Translators: %s is when the note was written, e.g. "Today, 14:03" */
    text = g_strdup_printf (_("Created %s"), when);

  gtk_label_set_text (self->created_label, text != NULL ? text : "");
  /* The label is shortened when the editor is narrow. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->created_label), text);
}

static BatonClient *
note_client (BatonNoteEditor *self)
{
  if (self->note == NULL)
    return NULL;

  return baton_store_lookup_client (self->store, baton_note_get_client_id (self->note));
}

static gint
compare_program_names (gconstpointer a,
                       gconstpointer b)
{
  BatonProgram *pa = *(BatonProgram * const *) a;
  BatonProgram *pb = *(BatonProgram * const *) b;

  return g_utf8_collate (baton_program_get_name (pa), baton_program_get_name (pb));
}

/* The client's programs that are not archived, and the note's own. */
static void
fill_programs (BatonNoteEditor *self)
{
  GListModel *programs = baton_store_get_programs (self->store);
  g_autoptr(GPtrArray) mine = g_ptr_array_new ();
  BatonClient *client = note_client (self);
  gint64 current = self->note ? baton_note_get_program_id (self->note) : 0;
  g_autoptr(GListStore) list = g_list_store_new (BATON_TYPE_PROGRAM);

  if (client != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
      {
        g_autoptr(BatonProgram) program = g_list_model_get_item (programs, i);
        gint64 id = baton_record_get_id (BATON_RECORD (program));

        if (baton_program_get_client_id (program) == baton_record_get_id (BATON_RECORD (client)) &&
            (!baton_program_get_archived (program) || id == current))
          g_ptr_array_add (mine, program);
      }
  g_ptr_array_sort (mine, compare_program_names);

  self->loading = TRUE;
  g_list_store_splice (list, 0, 0, mine->pdata, mine->len);
  baton_record_drop_down_set_model (self->program_dropdown, G_LIST_MODEL (list));
  baton_record_drop_down_set_selected_id (self->program_dropdown, current);
  gtk_widget_set_sensitive (GTK_WIDGET (self->program_dropdown),
                            self->note != NULL && !baton_store_get_read_only (self->store));
  self->loading = FALSE;
}

static void
on_program_selected (BatonNoteEditor *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = baton_record_drop_down_get_selected_id (self->program_dropdown);

  if (self->loading || self->note == NULL)
    return;

  if (id == baton_note_get_program_id (self->note))
    return;

  if (!baton_store_update (self->store, self->note, &error, "program-id", id, NULL))
    {
      g_warning ("Could not change the note's program: %s", error->message);
      fill_programs (self);
    }
}

/* Tasks made from the note ----------------------------------------------------- */

/* note.open-task: the task editor for the task of that id (a button of
 * the note's tasks), unless it is gone meanwhile. */
static void
open_task_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BatonNoteEditor *self = BATON_NOTE_EDITOR (widget);
  BatonTask *task = baton_store_lookup_task (self->store, g_variant_get_int64 (parameter));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (task == NULL)
    return;

  dialog = baton_task_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, task);
  baton_accessible_fix_mnemonics (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fill_tasks (BatonNoteEditor *self)
{
  GtkFlowBoxChild *child;
  g_autofree char *heading = NULL;

  while ((child = gtk_flow_box_get_child_at_index (self->tasks_box, 0)) != NULL)
    gtk_flow_box_remove (self->tasks_box, GTK_WIDGET (child));

  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  if (self->note != NULL)
    self->tasks = baton_notes_list_tasks (self->store, self->note);

  for (guint i = 0; self->tasks != NULL && i < self->tasks->len; i++)
    {
      BatonTask *task = g_ptr_array_index (self->tasks, i);
      BatonStage *stage = baton_store_lookup_stage (self->store, baton_task_get_stage_id (task));
      gboolean done = stage != NULL && baton_stage_get_is_done (stage);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name (done ? "object-select-symbolic" : "radio-symbolic");
      GtkWidget *title = gtk_label_new (baton_task_get_title (task));
      GtkWidget *where = gtk_label_new (stage != NULL ? baton_stage_get_name (stage) : "");
      g_autofree char *tooltip = NULL;

      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
      gtk_widget_add_css_class (where, "dim-label");
      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row), title);
      gtk_box_append (GTK_BOX (row), where);
      gtk_button_set_child (GTK_BUTTON (button), row);
      gtk_widget_add_css_class (button, "note-task");
      if (baton_task_get_archived (task))
        gtk_widget_add_css_class (button, "dim-label");

      /* Translators: a tooltip; %s is a task title */
      tooltip = g_strdup_printf (_("Open “%s”"), baton_task_get_title (task));
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "note.open-task");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                        (gint64) baton_record_get_id (BATON_RECORD (task)));

      gtk_flow_box_append (self->tasks_box, button);
    }

  if (self->tasks != NULL && self->tasks->len > 0)
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Task from This Note", "%u Tasks from This Note", self->tasks->len),
                               self->tasks->len);
  gtk_label_set_text (self->tasks_label, heading != NULL ? heading : "");
  gtk_revealer_set_reveal_child (self->tasks_revealer, self->tasks != NULL && self->tasks->len > 0);
}

/* Following the text and the store -------------------------------------------- */

static void
on_text_changed (BatonNoteEditor *self)
{
  if (self->loading || self->saver == NULL)
    return;

  baton_note_saver_changed (self->saver);
}

static void
on_external_change (BatonNoteEditor *self)
{
  /* The store changed the note (undo, redo, a restored revision): show
   * what it holds now. Edits not saved yet would otherwise overwrite the
   * undo a moment later. */
  load_text (self, TRUE);
  if (self->saver != NULL)
    baton_note_saver_flush (self->saver, NULL);
  _baton_note_editor_update_status (self);
}

static gboolean
refresh_cb (gpointer data)
{
  BatonNoteEditor *self = data;

  self->refresh_source = 0;

  /* The note may have been deleted, by undo for instance. */
  if (self->note != NULL &&
      baton_store_lookup_note (self->store, baton_record_get_id (BATON_RECORD (self->note))) != self->note)
    {
      baton_note_editor_set_note (self, NULL);
      return G_SOURCE_REMOVE;
    }

  fill_programs (self);
  fill_tasks (self);
  set_created_label (self);

  return G_SOURCE_REMOVE;
}

static void
on_store_changed (BatonNoteEditor *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_cb, self, NULL);
}

/* Highlighting before the frame ------------------------------------------------ */

/* GtkSourceView highlights lazily, and what is still unhighlighted when a
 * frame is drawn it highlights inside its snapshot. Markdown styles change
 * the text's metrics (bold runs are wider, so wrapped lines move), so the
 * text view's layout, its height and the scrollbar's adjustment change in
 * the middle of drawing: GTK then draws the scrollbar's trough without an
 * allocation ("Trying to snapshot GtkGizmo … without a current
 * allocation"), as soon as the note is taller than the editor and keys
 * arrive just before a frame. So after each change the text that can be
 * on screen in the coming frame (the visible page, and a page around the
 * cursor, where the view scrolls to) is highlighted in the frame's update
 * phase, before GTK lays the frame out, and the text view is allocated
 * again so that it lays the changed text out then too: keys that arrive
 * with a frame (the GL renderer's frames are long enough for that) change
 * the text after the idle that would lay it out, and GtkTextView then
 * does it inside its snapshot, moving the scrollbar's adjustment. */
/* Lines, not pixels, around the cursor: the heights of lines not laid out
 * yet are estimates, so that a jump (Ctrl+End) lands inside the range. */
#define HIGHLIGHT_LINES_AROUND_CURSOR 150

static gboolean
highlight_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       data)
{
  BatonNoteEditor *self = data;
  GtkTextView *view = GTK_TEXT_VIEW (self->source_view);
  GtkTextBuffer *buffer = GTK_TEXT_BUFFER (_baton_note_editor_get_buffer (self));
  GdkRectangle visible;
  GtkTextIter start, end;
  int line;

  self->highlight_tick = 0;

  /* The page shown, and one more above and below it. */
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_line_at_y (view, &start, MAX (0, visible.y - visible.height), NULL);
  gtk_text_view_get_line_at_y (view, &end, visible.y + 2 * visible.height, NULL);
  gtk_text_iter_forward_line (&end);
  gtk_source_buffer_ensure_highlight (_baton_note_editor_get_buffer (self), &start, &end);

  /* Where the view is about to scroll to. */
  gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
  line = gtk_text_iter_get_line (&start);
  gtk_text_buffer_get_iter_at_line (buffer, &start, MAX (0, line - HIGHLIGHT_LINES_AROUND_CURSOR));
  gtk_text_buffer_get_iter_at_line (buffer, &end, line + HIGHLIGHT_LINES_AROUND_CURSOR);
  gtk_text_iter_forward_line (&end);
  gtk_source_buffer_ensure_highlight (_baton_note_editor_get_buffer (self), &start, &end);

  /* GtkTextView lays out changed text in an idle of its own, or, when
   * the keys came in with this frame, inside its snapshot; there the
   * scrollbar's adjustment changes after the scrollbar was allocated.
   * Allocating the text view again lays the text out in this frame's
   * layout phase instead, before the scrollbar is allocated. */
  gtk_widget_queue_allocate (GTK_WIDGET (view));

  return G_SOURCE_REMOVE;
}

static void
queue_highlight (BatonNoteEditor *self)
{
  /* One tick, then the frame clock goes idle again. */
  if (self->highlight_tick == 0 && gtk_widget_get_mapped (GTK_WIDGET (self->source_view)))
    self->highlight_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->source_view),
                                                         highlight_tick_cb, self, NULL);
}

/* The notes font (a Pango description) as CSS for the text view. */
static void
update_font (BatonNoteEditor *self)
{
  g_autofree char *font = g_settings_get_string (self->settings, "notes-font");
  PangoFontDescription *desc = pango_font_description_from_string (font);
  g_autoptr(GString) css = g_string_new ("textview.notes-editor {");
  const char *family = pango_font_description_get_family (desc);
  PangoFontMask mask = pango_font_description_get_set_fields (desc);

  if (family != NULL)
    {
      g_string_append (css, " font-family: \"");
      for (const char *p = family; *p; p++)
        if (*p != '"' && *p != '\\' && *p != '}' && *p != ';')
          g_string_append_c (css, *p);
      g_string_append (css, "\";");
    }
  if (mask & PANGO_FONT_MASK_SIZE)
    {
      /* CSS numbers have a decimal point in every locale ("11,5pt" is
       * a parse error in German and the size would be lost). */
      char size[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (size, sizeof size, "%.1f", pango_font_description_get_size (desc) / (double) PANGO_SCALE);
      g_string_append_printf (css, " font-size: %s%s;", size,
                              pango_font_description_get_size_is_absolute (desc) ? "px" : "pt");
    }
  if (mask & PANGO_FONT_MASK_WEIGHT)
    g_string_append_printf (css, " font-weight: %d;", (int) pango_font_description_get_weight (desc));
  if ((mask & PANGO_FONT_MASK_STYLE) && pango_font_description_get_style (desc) != PANGO_STYLE_NORMAL)
    g_string_append (css, " font-style: italic;");
  g_string_append (css, " }");
  pango_font_description_free (desc);

  gtk_css_provider_load_from_data (self->font_css, css->str, -1);
}

GtkSourceStyleScheme *
baton_notes_style_scheme (gboolean dark)
{
  static gsize added = 0;
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  GtkSourceStyleScheme *scheme;

  if (g_once_init_enter (&added))
    {
      /* GtkSourceView 5.6 reads schemes from files only: copy ours from the
       * resource into the cache folder (the app's own inside Flatpak). */
      static const char * const names[] = { "baton-notes.xml", "baton-notes-dark.xml" };
      g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "baton", "styles", NULL);
      gboolean ok = g_mkdir_with_parents (dir, 0700) == 0;

      for (guint i = 0; ok && i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *resource = g_strconcat (RESOURCE_PREFIX "/clients/styles/", names[i], NULL);
          g_autofree char *path = g_build_filename (dir, names[i], NULL);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, NULL);
          g_autofree char *current = NULL;
          gsize length = 0;

          if (bytes == NULL)
            ok = FALSE;
          else if (!g_file_get_contents (path, &current, &length, NULL) ||
                   length != g_bytes_get_size (bytes) ||
                   memcmp (current, g_bytes_get_data (bytes, NULL), length) != 0)
            ok = g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
        }

      if (ok)
        gtk_source_style_scheme_manager_append_search_path (schemes, dir);
      g_once_init_leave (&added, 1);
    }

  scheme = gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "baton-notes-dark" : "baton-notes");
  if (scheme == NULL)
    scheme = gtk_source_style_scheme_manager_get_scheme (schemes, dark ? "Adwaita-dark" : "Adwaita");

  return scheme;
}

static void
update_scheme (BatonNoteEditor *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  gtk_source_buffer_set_style_scheme (_baton_note_editor_get_buffer (self), baton_notes_style_scheme (adw_style_manager_get_dark (manager)));
}

static void
update_delay (BatonNoteEditor *self)
{
  if (self->saver != NULL)
    baton_note_saver_set_delay (self->saver, (guint) MAX (0, g_settings_get_int (self->settings, "autosave-delay")));
}

/* Opening another note (a click on another client, which also refills
 * the client's page) changes the text, its highlighting and the page
 * around the editor in one frame; GTK 4.8 then drew that frame with the
 * text's scrolled window unallocated ("Trying to snapshot
 * GtkScrolledWindow without a current allocation") and the note stayed
 * blank. Sizing it again at the start of the next frame lays it out
 * before it is drawn (tests/check-note-switch.py). */
static gboolean
relayout_tick_cb (GtkWidget     *widget,
                  GdkFrameClock *clock,
                  gpointer       data)
{
  gtk_widget_queue_resize (widget);
  return G_SOURCE_REMOVE;
}

static void
relayout_next_frame (BatonNoteEditor *self)
{
  GtkWidget *scroller = gtk_widget_get_parent (GTK_WIDGET (self->source_view));

  if (gtk_widget_get_mapped (scroller))
    gtk_widget_add_tick_callback (scroller, relayout_tick_cb, NULL, NULL);
}

/* Public ----------------------------------------------------------------------- */

void
baton_note_editor_set_note (BatonNoteEditor *self,
                            BatonNote       *note)
{
  g_autofree char *held_title = NULL;
  g_autofree char *held_body = NULL;

  g_return_if_fail (BATON_IS_NOTE_EDITOR (self));
  g_return_if_fail (note == NULL || BATON_IS_NOTE (note));

  if (note == self->note)
    return;

  if (self->saver != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_signal_handlers_disconnect_by_data (self->saver, self);
      if (!baton_note_saver_leave (self->saver, &error))
        {
          /* The saver keeps the text and goes on trying; closing the
           * window asks what to do if it still cannot save. */
          g_debug ("Leaving a note that could not be saved: %s", error->message);
          _baton_note_editor_hold (self, self->saver);
        }
      g_clear_object (&self->saver);
    }

  g_set_object (&self->note, note);

  if (note != NULL)
    {
      /* Back to a note left while its save failed: its saver still holds
       * what was typed, newer than the note, and goes on with it. */
      self->saver = _baton_note_editor_take_held (self, note);
      if (self->saver != NULL)
        baton_note_saver_resume (self->saver, &held_title, &held_body);
      else
        self->saver = baton_note_saver_new (self->store, note, fetch_text, self, NULL);
      update_delay (self);
      g_signal_connect_swapped (self->saver, "notify::state", G_CALLBACK (_baton_note_editor_update_status), self);
      g_signal_connect_swapped (self->saver, "external-change", G_CALLBACK (on_external_change), self);
    }

  if (held_title != NULL || held_body != NULL)
    show_text (self, held_title, held_body, FALSE);
  else
    load_text (self, FALSE);
  gtk_widget_set_sensitive (self->box, note != NULL);
  fill_programs (self);
  fill_tasks (self);
  set_created_label (self);
  _baton_note_editor_update_status (self);
  _baton_note_editor_update_actions (self);

  relayout_next_frame (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

BatonNote *
baton_note_editor_get_note (BatonNoteEditor *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_EDITOR (self), NULL);
  return self->note;
}

gboolean
baton_note_editor_save (BatonNoteEditor  *self,
                        GError          **error)
{
  g_return_val_if_fail (BATON_IS_NOTE_EDITOR (self), FALSE);

  if (self->saver == NULL)
    return TRUE;

  return baton_note_saver_flush (self->saver, error);
}

void
baton_note_editor_show_match (BatonNoteEditor *self,
                              gint             offset,
                              gint             length)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (BATON_IS_NOTE_EDITOR (self));

  buffer = GTK_TEXT_BUFFER (_baton_note_editor_get_buffer (self));
  if (offset < 0)
    {
      gtk_text_buffer_get_start_iter (buffer, &start);
      gtk_text_buffer_place_cursor (buffer, &start);
    }
  else
    {
      gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, offset + MAX (length, 0));
      gtk_text_buffer_select_range (buffer, &start, &end);
    }

  /* Queued by GTK until the view has its size. */
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->source_view), gtk_text_buffer_get_insert (buffer),
                                0.1, TRUE, 0.0, 0.3);
  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
}

BatonNoteSaver *
baton_note_editor_get_saver (BatonNoteEditor *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_EDITOR (self), NULL);
  return self->saver;
}

GtkTextView *
baton_note_editor_get_text_view (BatonNoteEditor *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_EDITOR (self), NULL);
  return GTK_TEXT_VIEW (self->source_view);
}

GtkTextView *
baton_note_editor_get_title (BatonNoteEditor *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_EDITOR (self), NULL);
  return self->title_view;
}

char *
baton_note_editor_dup_title_text (BatonNoteEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (BATON_IS_NOTE_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (self->title_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
baton_note_editor_set_title_text (BatonNoteEditor *self,
                                  const char      *title)
{
  g_return_if_fail (BATON_IS_NOTE_EDITOR (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->title_view), title != NULL ? title : "", -1);
}

const char *
baton_note_editor_get_status_text (BatonNoteEditor *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_EDITOR (self), NULL);
  return gtk_label_get_text (self->status_label);
}

GtkCssProvider *
baton_note_editor_get_font_css (BatonNoteEditor *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_EDITOR (self), NULL);
  return self->font_css;
}

guint
baton_note_editor_get_n_tasks (BatonNoteEditor *self)
{
  g_return_val_if_fail (BATON_IS_NOTE_EDITOR (self), 0);
  return self->tasks != NULL ? self->tasks->len : 0;
}

/* GObject ------------------------------------------------------------------------ */

static void
baton_note_editor_constructed (GObject *object)
{
  BatonNoteEditor *self = BATON_NOTE_EDITOR (object);

  G_OBJECT_CLASS (baton_note_editor_parent_class)->constructed (object);

  g_assert (BATON_IS_STORE (self->store));
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);

  /* A workspace that cannot be written: its notes can be read, not typed in. */
  g_object_bind_property (self->store, "read-only", self->source_view, "editable",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->store, "read-only", self->title_view, "editable",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);
  g_object_bind_property (self->store, "read-only", self->title_view, "cursor-visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_INVERT_BOOLEAN);

  baton_note_editor_set_note (self, NULL);
}

static void
baton_note_editor_dispose (GObject *object)
{
  BatonNoteEditor *self = BATON_NOTE_EDITOR (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  /* Closing the window or quitting: nothing typed is lost. */
  if (self->saver != NULL)
    {
      baton_note_saver_leave (self->saver, NULL);
      g_signal_handlers_disconnect_by_data (self->saver, self);
      g_clear_object (&self->saver);
    }
  _baton_note_editor_release_held (self);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->highlight_tick != 0 && self->source_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->source_view), self->highlight_tick);
  self->highlight_tick = 0;
  if (self->source_view != NULL)
    {
      GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->source_view));

      g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->source_view)), self);
      if (vadjustment != NULL)
        g_signal_handlers_disconnect_by_data (vadjustment, self);
    }
  if (self->title_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (self->title_view), self);
  if (self->program_dropdown != NULL)
    g_signal_handlers_disconnect_by_data (self->program_dropdown, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), BATON_TYPE_NOTE_EDITOR);

  g_clear_object (&self->note);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->font_css);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_pointer (&self->held, g_ptr_array_unref);

  G_OBJECT_CLASS (baton_note_editor_parent_class)->dispose (object);
}

static void
baton_note_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BatonNoteEditor *self = BATON_NOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_NOTE:
      g_value_set_object (value, self->note);
      break;
    case PROP_HAS_UNSAVED:
      g_value_set_boolean (value, baton_note_editor_has_unsaved (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_note_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BatonNoteEditor *self = BATON_NOTE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_NOTE:
      baton_note_editor_set_note (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baton_note_editor_class_init (BatonNoteEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baton_note_editor_constructed;
  object_class->dispose = baton_note_editor_dispose;
  object_class->get_property = baton_note_editor_get_property;
  object_class->set_property = baton_note_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BATON_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_object ("note", NULL, NULL, BATON_TYPE_NOTE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether some typed text is not in the store yet (the open note's, or
   * that of notes left while their save failed); notified when it may
   * have changed. */
  properties[PROP_HAS_UNSAVED] =
    g_param_spec_boolean ("has-unsaved", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BATON_TYPE_TITLE_BIN);
  g_type_ensure (BATON_TYPE_RECORD_DROP_DOWN);
  g_type_ensure (GTK_SOURCE_TYPE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/clients/baton-note-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BatonNoteEditor, box);
  gtk_widget_class_bind_template_child (widget_class, BatonNoteEditor, title_view);
  gtk_widget_class_bind_template_child (widget_class, BatonNoteEditor, title_placeholder);
  gtk_widget_class_bind_template_child (widget_class, BatonNoteEditor, program_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BatonNoteEditor, created_label);
  gtk_widget_class_bind_template_child (widget_class, BatonNoteEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, BatonNoteEditor, source_view);
  gtk_widget_class_bind_template_child (widget_class, BatonNoteEditor, tasks_revealer);
  gtk_widget_class_bind_template_child (widget_class, BatonNoteEditor, tasks_label);
  gtk_widget_class_bind_template_child (widget_class, BatonNoteEditor, tasks_box);
  gtk_widget_class_bind_template_callback (widget_class, on_program_selected);

  _baton_note_editor_class_init_actions (widget_class);
  gtk_widget_class_install_action (widget_class, "note.open-task", "x", open_task_activated);

  gtk_widget_class_set_css_name (widget_class, "noteeditor");
}

/* The title is one paragraph: line breaks typed or pasted into it become
 * spaces. */
static void
on_title_insert_text (GtkTextBuffer *buffer,
                      GtkTextIter   *location,
                      const char    *text,
                      int            len,
                      gpointer       user_data)
{
  g_autofree char *flat = NULL;

  if (len < 0)
    len = strlen (text);
  if (memchr (text, '\n', len) == NULL && memchr (text, '\r', len) == NULL && memchr (text, '\t', len) == NULL)
    return;

  flat = g_strndup (text, len);
  g_strdelimit (flat, "\r\n\t", ' ');

  g_signal_stop_emission_by_name (buffer, "insert-text");
  g_signal_handlers_block_by_func (buffer, on_title_insert_text, user_data);
  gtk_text_buffer_insert (buffer, location, flat, -1);
  g_signal_handlers_unblock_by_func (buffer, on_title_insert_text, user_data);
}

static void
on_title_changed (BatonNoteEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->title_view);

  gtk_widget_set_visible (self->title_placeholder, gtk_text_buffer_get_char_count (buffer) == 0);
  on_text_changed (self);
}

/* Enter in the title goes on to the text, as in a heading. */
static gboolean
on_title_key_pressed (BatonNoteEditor       *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->source_view));
  return TRUE;
}

static void
baton_note_editor_init (BatonNoteEditor *self)
{
  GtkSourceLanguageManager *languages = gtk_source_language_manager_get_default ();
  GtkSourceBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->held = g_ptr_array_new_with_free_func (g_object_unref);

  {
    GtkTextBuffer *title_buffer = gtk_text_view_get_buffer (self->title_view);
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_text_buffer_set_enable_undo (title_buffer, TRUE);
    g_signal_connect (title_buffer, "insert-text", G_CALLBACK (on_title_insert_text), self);
    g_signal_connect_swapped (title_buffer, "changed", G_CALLBACK (on_title_changed), self);
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_title_key_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self->title_view), keys);
  }

  buffer = _baton_note_editor_get_buffer (self);
  gtk_source_buffer_set_language (buffer, gtk_source_language_manager_get_language (languages, "markdown"));
  gtk_source_buffer_set_highlight_matching_brackets (buffer, FALSE);
  gtk_text_buffer_set_enable_undo (GTK_TEXT_BUFFER (buffer), TRUE);
  update_scheme (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_scheme), self, G_CONNECT_SWAPPED);

  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (on_text_changed), self);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (queue_highlight), self);
  g_signal_connect_swapped (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->source_view)), "value-changed",
                            G_CALLBACK (queue_highlight), self);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (_baton_note_editor_update_actions), self);
  g_signal_connect_swapped (buffer, "mark-set", G_CALLBACK (_baton_note_editor_update_actions), self);

  self->settings = g_settings_new (APP_ID);
  self->font_css = gtk_css_provider_new ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->source_view)),
                                  GTK_STYLE_PROVIDER (self->font_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  G_GNUC_END_IGNORE_DEPRECATIONS
  update_font (self);
  g_signal_connect_object (self->settings, "changed::notes-font", G_CALLBACK (update_font), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::autosave-delay", G_CALLBACK (update_delay), self, G_CONNECT_SWAPPED);
}

GtkWidget *
baton_note_editor_new (BatonStore *store)
{
  g_return_val_if_fail (BATON_IS_STORE (store), NULL);

  return g_object_new (BATON_TYPE_NOTE_EDITOR, "store", store, NULL);
}
