/* baton-connect-dialog.c — Connect to a Team Workspace…
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Asks for a team workspace's server (host, port, database), the person's
 * login (user, password, whether to remember the password) and how to
 * protect the connection (encryption, and for "verify the server's
 * certificate" an optional CA file), then connects with
 * baton_store_open_async (), requiring the server. The location it opens
 * is a postgresql:// URI with every part percent-encoded and no password:
 * the password goes to the store on its own, and into the Secret Service
 * once the connection worked, when "Remember Password" is on.
 *
 * While it connects, a spinner turns and Connect is insensitive; Cancel
 * (or Escape, or closing) cancels through the GCancellable. Errors show
 * inside the dialog, on the field they are about. On success the dialog
 * emits ::connected with the store and closes; whoever opened it shows
 * the store (baton-application-team.c).
 */

#define G_LOG_DOMAIN "baton-connect-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "baton-announcer.h"
#include "baton-connect-dialog.h"
#include "baton-team-secrets.h"

struct _BatonConnectDialog
{
  AdwWindow parent_instance;

  /* Template children */
  GtkWidget   *cancel_button;
  GtkWidget   *connect_button;
  GtkWidget   *spinner;
  GtkWidget   *page;
  GtkRevealer *error_revealer;
  GtkLabel    *error_label;
  AdwEntryRow *host_row;
  AdwEntryRow *port_row;
  AdwEntryRow *database_row;
  AdwEntryRow *user_row;
  AdwEntryRow *password_row;
  GtkSwitch   *remember_switch;
  AdwComboRow *tls_row;
  AdwActionRow *ca_row;
  GtkWidget   *ca_clear_button;

  /* State */
  char         *ca_file;
  GCancellable *cancellable;   /* while connecting */
  GPtrArray    *invalid_rows;  /* the rows marked with the error */
};

G_DEFINE_FINAL_TYPE (BatonConnectDialog, baton_connect_dialog, ADW_TYPE_WINDOW)

enum {
  CONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Errors ----------------------------------------------------------------------- */

static void
clear_error (BatonConnectDialog *self)
{
  for (guint i = 0; i < self->invalid_rows->len; i++)
    {
      GtkWidget *row = self->invalid_rows->pdata[i];

      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
  g_ptr_array_set_size (self->invalid_rows, 0);

  gtk_label_set_text (self->error_label, "");
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
}

static void
mark_row (BatonConnectDialog *self,
          gpointer            row)
{
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->error_label, NULL,
                                  -1);
  g_ptr_array_add (self->invalid_rows, row);
}

/* Shows @message above the fields and marks @row (may be NULL), which
 * takes the focus. */
static void
show_message (BatonConnectDialog *self,
              const char         *message,
              gpointer            row)
{
  clear_error (self);

  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  if (row != NULL)
    {
      mark_row (self, row);
      gtk_widget_grab_focus (row);
    }

  baton_announce (GTK_WIDGET (self), message);
}

void
baton_connect_dialog_show_error (BatonConnectDialog *self,
                                 const GError       *error)
{
  gpointer row = NULL;

  g_return_if_fail (BATON_IS_CONNECT_DIALOG (self));
  g_return_if_fail (error != NULL);

  if (g_error_matches (error, BATON_STORE_ERROR, BATON_STORE_ERROR_AUTH))
    row = self->password_row;
  else if (g_error_matches (error, BATON_STORE_ERROR, BATON_STORE_ERROR_UNREACHABLE))
    row = self->host_row;

  show_message (self, error->message, row);
}

const char *
baton_connect_dialog_get_error (BatonConnectDialog *self)
{
  const char *text;

  g_return_val_if_fail (BATON_IS_CONNECT_DIALOG (self), NULL);

  text = gtk_label_get_text (self->error_label);
  return gtk_revealer_get_reveal_child (self->error_revealer) && text[0] != '\0' ? text : NULL;
}

/* The fields ------------------------------------------------------------------ */

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Fills @login from the fields; FALSE with the field marked when one is
 * not valid. */
static gboolean
read_login (BatonConnectDialog  *self,
            BatonTeamLogin      *login,
            GError             **error)
{
  g_autofree char *port = row_text (self->port_row);
  guint64 number = 0;

  login->host = row_text (self->host_row);
  if (login->host[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter the server’s host name or address."));
      show_message (self, (*error)->message, self->host_row);
      return FALSE;
    }

  if (!g_ascii_string_to_unsigned (port, 10, 1, 65535, &number, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The port is a number from 1 to 65535."));
      show_message (self, (*error)->message, self->port_row);
      return FALSE;
    }
  login->port = (guint) number;

  login->database = row_text (self->database_row);
  if (login->database[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter the name of the team’s database."));
      show_message (self, (*error)->message, self->database_row);
      return FALSE;
    }

  login->user = row_text (self->user_row);
  if (login->user[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter your user name on the server."));
      show_message (self, (*error)->message, self->user_row);
      return FALSE;
    }

  login->tls = (BatonTeamTls) adw_combo_row_get_selected (self->tls_row);
  if (login->tls > BATON_TEAM_TLS_VERIFY_FULL)
    login->tls = BATON_TEAM_TLS_PREFER;
  login->ca_file = g_strdup (self->ca_file);

  return TRUE;
}

char *
baton_connect_dialog_build_location (BatonConnectDialog  *self,
                                     GError             **error)
{
  g_autoptr(BatonTeamLogin) login = baton_team_login_new ();

  g_return_val_if_fail (BATON_IS_CONNECT_DIALOG (self), NULL);

  if (!read_login (self, login, error))
    return NULL;

  return baton_team_login_to_location (login);
}

void
baton_connect_dialog_set_ca_file (BatonConnectDialog *self,
                                  const char         *path)
{
  g_return_if_fail (BATON_IS_CONNECT_DIALOG (self));

  g_free (self->ca_file);
  self->ca_file = path != NULL && *path != '\0' ? g_strdup (path) : NULL;

  if (self->ca_file != NULL)
    {
      g_autofree char *name = g_filename_display_name (self->ca_file);

      adw_action_row_set_subtitle (self->ca_row, name);
    }
  else
    adw_action_row_set_subtitle (self->ca_row, _("The system’s certificates"));
  gtk_widget_set_visible (self->ca_clear_button, self->ca_file != NULL);
}

void
baton_connect_dialog_set_location (BatonConnectDialog *self,
                                   const char         *location)
{
  g_autoptr(BatonTeamLogin) login = NULL;
  g_autofree char *port = NULL;

  g_return_if_fail (BATON_IS_CONNECT_DIALOG (self));
  g_return_if_fail (location != NULL);

  /* Its password, if it has one, is not shown again. */
  login = baton_team_login_from_location (location, NULL, NULL);
  if (login == NULL)
    return;

  port = g_strdup_printf ("%u", login->port);
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), login->host);
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), port);
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), login->database);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), login->user);
  adw_combo_row_set_selected (self->tls_row, login->tls);
  baton_connect_dialog_set_ca_file (self, login->ca_file);

  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
on_field_changed (BatonConnectDialog *self,
                  GtkEditable        *row)
{
  /* The field the error was about is being corrected. */
  if (g_ptr_array_find (self->invalid_rows, row, NULL))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
on_tls_changed (BatonConnectDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->ca_row),
                          adw_combo_row_get_selected (self->tls_row) == BATON_TEAM_TLS_VERIFY_FULL);
}

static void
on_ca_chosen (GtkNativeDialog    *native,
              int                 response,
              BatonConnectDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        baton_connect_dialog_set_ca_file (self, path);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
on_ca_clicked (BatonConnectDialog *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (_("Choose a Certificate Authority File"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Certificates"));
  gtk_file_filter_add_pattern (filter, "*.pem");
  gtk_file_filter_add_pattern (filter, "*.crt");
  gtk_file_filter_add_pattern (filter, "*.cer");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_ca_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_ca_clear_clicked (BatonConnectDialog *self)
{
  baton_connect_dialog_set_ca_file (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->tls_row));
}

/* Connecting ------------------------------------------------------------------- */

typedef struct
{
  BatonConnectDialog *self;
  GCancellable       *cancellable;
  BatonTeamLogin     *login;
  char               *password;   /* NULL: none given */
  gboolean            remember;
} Connecting;

static void
connecting_free (Connecting *c)
{
  g_clear_object (&c->self);
  g_clear_object (&c->cancellable);
  baton_team_login_free (c->login);
  if (c->password != NULL)
    baton_team_password_free (c->password);
  g_free (c);
}

static void
set_busy (BatonConnectDialog *self,
          gboolean            busy)
{
  /* The fields go insensitive: the focus waits on Cancel meanwhile. */
  if (busy)
    gtk_widget_grab_focus (self->cancel_button);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_set_sensitive (self->connect_button, !busy);
  gtk_widget_set_sensitive (self->page, !busy);
}

gboolean
baton_connect_dialog_get_busy (BatonConnectDialog *self)
{
  g_return_val_if_fail (BATON_IS_CONNECT_DIALOG (self), FALSE);

  return self->cancellable != NULL;
}

static void
on_password_stored (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!baton_team_password_store_finish (result, &error))
    g_warning ("Could not remember the password: %s", error->message);
  else
    g_debug ("Remembered the password");
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Connecting *c = user_data;
  BatonConnectDialog *self = c->self;
  g_autoptr(BatonStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = baton_store_open_finish (result, &error);

  /* Closed or cancelled meanwhile: the store, if any, goes. */
  if (c->cancellable != self->cancellable || g_cancellable_is_cancelled (c->cancellable))
    {
      g_debug ("Connecting was cancelled");
      connecting_free (c);
      return;
    }

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (store == NULL)
    {
      baton_connect_dialog_show_error (self, error);
      connecting_free (c);
      return;
    }

  /* Only a password that worked is kept. */
  if (c->remember && c->password != NULL)
    baton_team_password_store (c->login, c->password, NULL, on_password_stored, NULL);

  g_signal_emit (self, signals[CONNECTED], 0, store);
  connecting_free (c);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
baton_connect_dialog_connect (BatonConnectDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  Connecting *c;
  const char *password;

  g_return_if_fail (BATON_IS_CONNECT_DIALOG (self));

  if (self->cancellable != NULL)
    return;

  c = g_new0 (Connecting, 1);
  c->login = baton_team_login_new ();
  if (!read_login (self, c->login, &error))
    {
      connecting_free (c);
      return;
    }
  clear_error (self);

  location = baton_team_login_to_location (c->login);
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  c->password = password[0] != '\0' ? g_strdup (password) : NULL;
  c->remember = gtk_switch_get_active (self->remember_switch);
  c->self = g_object_ref (self);

  self->cancellable = g_cancellable_new ();
  c->cancellable = g_object_ref (self->cancellable);
  set_busy (self, TRUE);
  g_debug ("Connecting to %s", location);
  baton_store_open_async (location, c->password, BATON_STORE_OPEN_REQUIRE_SERVER,
                          self->cancellable, on_opened, c);
}

static void
on_connect_clicked (BatonConnectDialog *self)
{
  baton_connect_dialog_connect (self);
}

static void
cancel_connecting (BatonConnectDialog *self)
{
  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
}

static void
on_cancel_clicked (BatonConnectDialog *self)
{
  /* Cancel stops a connection on its way, else closes. */
  if (self->cancellable != NULL)
    {
      cancel_connecting (self);
      gtk_widget_grab_focus (self->connect_button);
      return;
    }

  gtk_window_close (GTK_WINDOW (self));
}

/* GObject --------------------------------------------------------------------- */

static gboolean
baton_connect_dialog_close_request (GtkWindow *window)
{
  cancel_connecting (BATON_CONNECT_DIALOG (window));

  return GTK_WINDOW_CLASS (baton_connect_dialog_parent_class)->close_request (window);
}

static void
baton_connect_dialog_dispose (GObject *object)
{
  BatonConnectDialog *self = BATON_CONNECT_DIALOG (object);

  cancel_connecting (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BATON_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (baton_connect_dialog_parent_class)->dispose (object);
}

static void
baton_connect_dialog_finalize (GObject *object)
{
  BatonConnectDialog *self = BATON_CONNECT_DIALOG (object);

  g_free (self->ca_file);
  g_ptr_array_unref (self->invalid_rows);

  G_OBJECT_CLASS (baton_connect_dialog_parent_class)->finalize (object);
}

static void
baton_connect_dialog_class_init (BatonConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = baton_connect_dialog_dispose;
  object_class->finalize = baton_connect_dialog_finalize;
  window_class->close_request = baton_connect_dialog_close_request;

  /**
   * BatonConnectDialog::connected:
   * @store: the team workspace, open
   *
   * The connection worked; the dialog closes after this.
   */
  signals[CONNECTED] =
    g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BATON_TYPE_STORE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/baton-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BatonConnectDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BatonConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, BatonConnectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, BatonConnectDialog, page);
  gtk_widget_class_bind_template_child (widget_class, BatonConnectDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, BatonConnectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, BatonConnectDialog, host_row);
  gtk_widget_class_bind_template_child (widget_class, BatonConnectDialog, port_row);
  gtk_widget_class_bind_template_child (widget_class, BatonConnectDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, BatonConnectDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, BatonConnectDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, BatonConnectDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, BatonConnectDialog, tls_row);
  gtk_widget_class_bind_template_child (widget_class, BatonConnectDialog, ca_row);
  gtk_widget_class_bind_template_child (widget_class, BatonConnectDialog, ca_clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_connect_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_tls_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_ca_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_ca_clear_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
baton_connect_dialog_init (BatonConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->invalid_rows = g_ptr_array_new ();
  /* Typing starts with the first field, not on Cancel. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->host_row));
  baton_announcer_attach (GTK_WIDGET (self));
}

BatonConnectDialog *
baton_connect_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (BATON_TYPE_CONNECT_DIALOG,
                       "transient-for", parent,
                       NULL);
}
