/* desk-setup-view.c — the first start.
 *
 * Asks for what the monthly forms print (county, township, station) and the
 * villages, then creates the ledger in one transaction and emits "created".
 * A missing field is marked beside itself; nothing typed is lost.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-settings.h"
#include "desk-setup-view.h"

struct _DeskSetupView
{
  AdwBin        parent_instance;

  char         *path;
  DeskStore    *store;

  AdwEntryRow  *county_row;
  AdwEntryRow  *township_row;
  AdwEntryRow  *station_row;
  GtkTextView  *villages_view;
  GtkLabel     *message_label;
};

G_DEFINE_FINAL_TYPE (DeskSetupView, desk_setup_view, ADW_TYPE_BIN)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
row_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_message (DeskSetupView *self,
              const char    *message)
{
  gtk_label_set_text (self->message_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

/* Marks an empty required row; returns whether it is filled. */
static gboolean
require (AdwEntryRow *row,
         const char  *text)
{
  gboolean ok = text != NULL && *text != '\0';

  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  return ok;
}

static void
create_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DeskSetupView *self = DESK_SETUP_VIEW (widget);
  g_autofree char *county = row_text (self->county_row);
  g_autofree char *township = row_text (self->township_row);
  g_autofree char *station = row_text (self->station_row);
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = require (self->county_row, county);
  ok = require (self->township_row, township) && ok;
  ok = require (self->station_row, station) && ok;
  if (!ok)
    {
      show_message (self, _("Fill in the county, the township and the station: the monthly "
                            "forms print them."));
      return;
    }

  store = desk_store_open (self->path, DESK_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      show_message (self, error->message);
      return;
    }
  if (!desk_store_begin (store, &error) ||
      !desk_settings_set (store, "county", county, &error) ||
      !desk_settings_set (store, "township", township, &error) ||
      !desk_settings_set (store, "station", station, &error) ||
      !desk_store_commit (store, &error))
    {
      if (desk_store_in_transaction (store))
        desk_store_rollback (store);
      show_message (self, error->message);
      return;
    }

  show_message (self, NULL);
  g_set_object (&self->store, store);
  g_signal_emit (self, signals[CREATED], 0);
}

static void
desk_setup_view_dispose (GObject *object)
{
  DeskSetupView *self = DESK_SETUP_VIEW (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), DESK_TYPE_SETUP_VIEW);
  G_OBJECT_CLASS (desk_setup_view_parent_class)->dispose (object);
}

static void
desk_setup_view_finalize (GObject *object)
{
  DeskSetupView *self = DESK_SETUP_VIEW (object);

  g_free (self->path);
  G_OBJECT_CLASS (desk_setup_view_parent_class)->finalize (object);
}

static void
desk_setup_view_class_init (DeskSetupViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = desk_setup_view_dispose;
  object_class->finalize = desk_setup_view_finalize;

  /**
   * DeskSetupView::created:
   *
   * The ledger was created; desk_setup_view_get_store() has it.
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/desk-setup-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DeskSetupView, county_row);
  gtk_widget_class_bind_template_child (widget_class, DeskSetupView, township_row);
  gtk_widget_class_bind_template_child (widget_class, DeskSetupView, station_row);
  gtk_widget_class_bind_template_child (widget_class, DeskSetupView, villages_view);
  gtk_widget_class_bind_template_child (widget_class, DeskSetupView, message_label);

  gtk_widget_class_install_action (widget_class, "setup.create", NULL, create_activated);
}

static void
desk_setup_view_init (DeskSetupView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
desk_setup_view_set_path (DeskSetupView *self,
                          const char    *path)
{
  g_return_if_fail (DESK_IS_SETUP_VIEW (self));

  g_free (self->path);
  self->path = g_strdup (path);
}

/**
 * desk_setup_view_get_store:
 *
 * Returns: (transfer none) (nullable): the ledger created.
 */
DeskStore *
desk_setup_view_get_store (DeskSetupView *self)
{
  g_return_val_if_fail (DESK_IS_SETUP_VIEW (self), NULL);
  return self->store;
}
