/* test-app.c — the real window under a virtual display: it opens the
 * ledger and shows the station. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-application.h"
#include "desk-settings.h"
#include "desk-test-util.h"
#include "desk-window.h"

static DeskApplication *app;

static void
test_window_shows_station (void)
{
  g_autofree char *path = desk_test_path ("window.db");
  g_autoptr(GError) error = NULL;
  DeskStore *store;
  DeskWindow *window;
  AdwWindowTitle *title;

  store = desk_test_open_store ("window.db");
  g_assert_true (desk_settings_set (store, "station", "青山镇司法所", &error));
  g_object_unref (store);

  window = desk_window_new (app, path);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_nonnull (desk_window_get_store (window));

  title = ADW_WINDOW_TITLE (adw_header_bar_get_title_widget (
    ADW_HEADER_BAR (gtk_widget_get_first_child (
      adw_application_window_get_content (ADW_APPLICATION_WINDOW (window))))));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "青山镇司法所");
  /* The window's title is translated. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "司法所工作台账");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_explains_damaged_ledger (void)
{
  g_autofree char *path = desk_test_path ("broken.db");
  DeskWindow *window;

  g_assert_true (g_file_set_contents (path, "这不是账本", -1, NULL));
  window = desk_window_new (app, path);
  g_assert_null (desk_window_get_store (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("LEGALDESK_LOCALEDIR");
  int status;

  desk_test_init (&argc, &argv);
  if (localedir != NULL)
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gtk_init_check ())
    {
      /* TAP: a skip, not a failure, where no display exists.  CI runs
       * the suite under Xvfb, where this never happens. */
      printf ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  app = desk_application_new ();
  g_application_register (G_APPLICATION (app), NULL, NULL);

  g_test_add_func ("/app/window-shows-station", test_window_shows_station);
  g_test_add_func ("/app/window-explains-damaged-ledger", test_window_explains_damaged_ledger);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
