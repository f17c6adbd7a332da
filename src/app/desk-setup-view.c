/* desk-setup-view.c — the first start.
 *
 * Asks for what the monthly forms print (county, township, station) and the
 * villages, then creates the ledger in one transaction and emits "created".
 * A missing field is marked beside itself; nothing typed is lost.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-register.h"
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
remove_ledger_files (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

/* Creates the villages typed one per line; a name ending in 社区 is a
 * community.  The caller holds the transaction. */
static gboolean
create_villages (DeskSetupView  *self,
                 DeskStore      *store,
                 GError        **error)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->villages_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(DeskVillage) village = NULL;
      char *name = g_strstrip (lines[i]);

      if (*name == '\0' || desk_village_find (store, name) > 0)
        continue;
      village = desk_village_new ();
      village->name = g_strdup (name);
      village->kind = g_strdup (g_str_has_suffix (name, "社区") ? "社区" : "村");
      if (desk_village_create (store, village, error) == 0)
        {
          g_prefix_error (error, _("Line %u of the villages: "), i + 1);
          return FALSE;
        }
    }
  return TRUE;
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
  g_autofree char *partial = NULL;
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

  /* The ledger is written under a temporary name and renamed into place
   * only when complete, so that a failed setup leaves no half-made ledger
   * that the next start would open instead of asking again. */
  partial = g_strconcat (self->path, ".setup", NULL);
  remove_ledger_files (partial);
  store = desk_store_open (partial, DESK_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    {
      show_message (self, error->message);
      return;
    }
  if (!desk_store_begin (store, &error) ||
      !desk_settings_set (store, "county", county, &error) ||
      !desk_settings_set (store, "township", township, &error) ||
      !desk_settings_set (store, "station", station, &error) ||
      !create_villages (self, store, &error) ||
      !desk_store_commit (store, &error))
    {
      if (desk_store_in_transaction (store))
        desk_store_rollback (store);
      g_clear_object (&store);
      remove_ledger_files (partial);
      show_message (self, error->message);
      return;
    }
  g_clear_object (&store);   /* closing folds the write-ahead log into the file */
  if (g_rename (partial, self->path) != 0)
    {
      int saved = errno;
      g_autofree char *message = g_strdup_printf (_("Cannot create the ledger “%s”: %s"),
                                                  self->path, g_strerror (saved));

      remove_ledger_files (partial);
      show_message (self, message);
      return;
    }
  store = desk_store_open (self->path, DESK_STORE_OPEN_NO_CREATE, &error);
  if (store == NULL)
    {
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
