/* desk-window.c — the main window: opens the ledger and shows the station.
 *
 * A ledger that cannot be opened is explained in the window itself, with
 * the way out (restore a backup), rather than in a terminal nobody reads.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-settings.h"
#include "desk-window.h"

struct _DeskWindow
{
  AdwApplicationWindow  parent_instance;

  DeskStore            *store;

  AdwWindowTitle       *title;
  AdwStatusPage        *status;
};

G_DEFINE_FINAL_TYPE (DeskWindow, desk_window, ADW_TYPE_APPLICATION_WINDOW)

static void
desk_window_open_ledger (DeskWindow *self,
                         const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *station = NULL;

  self->store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  if (self->store == NULL)
    {
      adw_status_page_set_icon_name (self->status, "dialog-error-symbolic");
      adw_status_page_set_title (self->status, _("The ledger cannot be opened"));
      adw_status_page_set_description (self->status, error->message);
      return;
    }

  station = desk_settings_get (self->store, "station");
  adw_window_title_set_subtitle (self->title, station ? station : path);
  adw_status_page_set_title (self->status, station ? station : _("Legal Desk"));
  adw_status_page_set_description (self->status, path);
}

static void
desk_window_dispose (GObject *object)
{
  DeskWindow *self = DESK_WINDOW (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_WINDOW);

  G_OBJECT_CLASS (desk_window_parent_class)->dispose (object);
}

static void
desk_window_class_init (DeskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, title);
  gtk_widget_class_bind_template_child (widget_class, DeskWindow, status);
}

static void
desk_window_init (DeskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

DeskWindow *
desk_window_new (DeskApplication *application,
                 const char      *database_path)
{
  DeskWindow *self = g_object_new (DESK_TYPE_WINDOW, "application", application, NULL);

  desk_window_open_ledger (self, database_path);
  return self;
}

DeskStore *
desk_window_get_store (DeskWindow *self)
{
  g_return_val_if_fail (DESK_IS_WINDOW (self), NULL);
  return self->store;
}
