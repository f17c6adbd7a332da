/* desk-application.c — the application: command line, app actions, windows.
 *
 * `legaldesk [--database FILE]` opens the station's ledger (or FILE) in a
 * window.  The ledger itself is opened by the window, so that an error can
 * be shown there with a way out.
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-application.h"
#include "desk-demo.h"
#include "desk-resources.h"
#include "desk-store.h"
#include "desk-window.h"

struct _DeskApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  gboolean        database_given;
};

G_DEFINE_FINAL_TYPE (DeskApplication, desk_application, ADW_TYPE_APPLICATION)

/* --database wins; otherwise the ledger opened last (GSettings), while it
 * still exists; otherwise the station's ledger in the user data folder. */
static char *
choose_ledger (DeskApplication *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *last = NULL;

  if (self->database_given)
    return g_strdup (self->database_path);
  schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  if (schema == NULL)
    return g_strdup (self->database_path);
  settings = g_settings_new (APP_ID);
  last = g_settings_get_string (settings, "last-database");
  if (last != NULL && *last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&last);
  return g_strdup (self->database_path);
}

static void
desk_application_activate (GApplication *app)
{
  DeskApplication *self = DESK_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    {
      g_autofree char *path = choose_ledger (self);

      window = GTK_WINDOW (desk_window_new (self, path));
    }
  gtk_window_present (window);
}

static int
desk_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  DeskApplication *self = DESK_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("legaldesk %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    {
      g_free (self->database_path);
      self->database_path = g_canonicalize_filename (path, NULL);
      self->database_given = TRUE;
    }
  return -1;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  static const char *developers[] = { "The Legal Desk developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Legal Desk"),
                        "developer-name", _("The Legal Desk developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Ledgers and monthly statistics of a township legal "
                                      "service station"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
present_ledger (DeskApplication *self,
                const char      *path)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));
  DeskWindow *window;

  for (GList *l = windows; l != NULL; l = l->next)
    if (DESK_IS_WINDOW (l->data) &&
        g_strcmp0 (desk_window_get_path (DESK_WINDOW (l->data)), path) == 0)
      {
        gtk_window_present (GTK_WINDOW (l->data));
        return;
      }
  window = desk_window_new (self, path);
  gtk_window_present (GTK_WINDOW (window));
}

static void
make_demo_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  if (store == NULL ||
      !desk_demo_generate (store, DESK_DEMO_DEFAULT_RECORDS, DESK_DEMO_DEFAULT_SEED, NULL, NULL,
                           cancellable, NULL, &error))
    {
      g_clear_object (&store);
      for (const char *const *suffix = (const char *const[]) { "", "-wal", "-shm", NULL };
           *suffix != NULL; suffix++)
        {
          g_autofree char *file = g_strconcat (path, *suffix, NULL);
          g_unlink (file);
        }
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
make_demo_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DeskApplication *self = DESK_APPLICATION (source);
  g_autoptr(GError) error = NULL;

  g_application_unmark_busy (G_APPLICATION (self));
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
      GtkWidget *dialog = adw_message_dialog_new (parent,
                                                  _("The demonstration ledger cannot be made"),
                                                  error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  present_ledger (self, g_task_get_task_data (G_TASK (result)));
}

/* The demonstration ledger lives beside the station's (demo.db) and is
 * made on first use, in a worker: it never touches the real ledger. */
static void
open_demo_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  DeskApplication *self = DESK_APPLICATION (user_data);
  g_autofree char *path = desk_store_demo_path ();
  g_autoptr(GTask) task = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      present_ledger (self, path);
      return;
    }
  g_application_mark_busy (G_APPLICATION (self));
  task = g_task_new (self, NULL, make_demo_done, NULL);
  g_task_set_source_tag (task, open_demo_activated);
  g_task_set_task_data (task, g_steal_pointer (&path), g_free);
  g_task_run_in_thread (task, make_demo_thread);
}

static const GActionEntry app_actions[] = {
  { "open-demo", open_demo_activated, NULL, NULL, NULL },
  { "quit", quit_activated, NULL, NULL, NULL },
  { "about", about_activated, NULL, NULL, NULL },
};

static void
desk_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (desk_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
desk_application_finalize (GObject *object)
{
  DeskApplication *self = DESK_APPLICATION (object);

  g_free (self->database_path);
  G_OBJECT_CLASS (desk_application_parent_class)->finalize (object);
}

static void
desk_application_class_init (DeskApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* The static library would drop the resources' constructor. */
  g_resources_register (desk_get_resource ());

  object_class->finalize = desk_application_finalize;
  app_class->activate = desk_application_activate;
  app_class->startup = desk_application_startup;
  app_class->handle_local_options = desk_application_handle_local_options;
}

static void
desk_application_init (DeskApplication *self)
{
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("The ledger file to open"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  self->database_path = desk_store_default_path ();
}

/**
 * desk_application_prepare_display:
 *
 * Called before GTK opens the display (desk_application_new() calls it).
 *
 * With the cairo renderer asked for (GSK_RENDERER=cairo: a machine
 * without a usable GPU, as many stations' are), nothing is drawn with
 * OpenGL, yet under X11 GDK would still load the GL driver to choose the
 * windows' visual: on such a machine that is Mesa's llvmpipe, about 50 MB
 * of resident memory and part of the start.  GDK is told to leave GL
 * alone then, unless GDK_DEBUG says something else already.
 */
void
desk_application_prepare_display (void)
{
  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") == 0 && g_getenv ("GDK_DEBUG") == NULL)
    g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
}

DeskApplication *
desk_application_new (void)
{
  desk_application_prepare_display ();
  return g_object_new (DESK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

const char *
desk_application_get_database_path (DeskApplication *self)
{
  g_return_val_if_fail (DESK_IS_APPLICATION (self), NULL);
  return self->database_path;
}
