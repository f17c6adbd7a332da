/* test-app.c — the real window under a virtual display: it opens the
 * ledger and shows the station. */
#include "config.h"

#include <stdlib.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "desk-application.h"
#include "desk-settings.h"
#include "desk-test-gui.h"
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

  store = desk_test_open_store ("window.db");
  g_assert_true (desk_settings_set (store, "station", "青山镇司法所", &error));
  g_object_unref (store);

  window = desk_window_new (app, path);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_nonnull (desk_window_get_store (window));
  g_assert_cmpstr (desk_window_get_mode (window), ==, "main");
  /* The window's title is translated. */
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "司法所工作台账");

  /* Ctrl+3 style page switching goes through the window action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "cases"));
  g_assert_cmpstr (desk_window_get_page (window), ==, "cases");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "no-such-page"));
  g_assert_cmpstr (desk_window_get_page (window), ==, "dashboard");

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
  g_assert_cmpstr (desk_window_get_mode (window), ==, "error");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* First start: the file does not exist; the setup asks for the station,
 * refuses to go on without it, keeps what was typed, then creates it. */
static void
test_first_start_setup (void)
{
  g_autofree char *path = desk_test_path ("first-start/ledger.db");
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *county = NULL;
  DeskWindow *window;
  GtkWidget *county_row, *township_row, *station_row, *setup;
  GtkTextView *villages;

  window = desk_window_new (app, path);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (desk_window_get_mode (window), ==, "setup");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  setup = find_descendant (GTK_WIDGET (window), g_type_from_name ("DeskSetupView"), NULL);
  county_row = find_descendant (setup, ADW_TYPE_ENTRY_ROW, "县名");
  township_row = find_descendant (setup, ADW_TYPE_ENTRY_ROW, "乡镇名");
  station_row = find_descendant (setup, ADW_TYPE_ENTRY_ROW, "站名");
  g_assert_nonnull (county_row);
  g_assert_nonnull (township_row);
  g_assert_nonnull (station_row);

  gtk_editable_set_text (GTK_EDITABLE (county_row), "青山县");
  g_assert_true (gtk_widget_activate_action (setup, "setup.create", NULL));
  g_assert_cmpstr (desk_window_get_mode (window), ==, "setup");
  g_assert_true (gtk_widget_has_css_class (township_row, "error"));
  g_assert_false (gtk_widget_has_css_class (county_row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (county_row)), ==, "青山县");

  gtk_editable_set_text (GTK_EDITABLE (township_row), "青山镇");
  gtk_editable_set_text (GTK_EDITABLE (station_row), "青山镇司法所");
  villages = GTK_TEXT_VIEW (find_descendant (setup, GTK_TYPE_TEXT_VIEW, NULL));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (villages),
                            "东坪村\n  西岭村 \n\n青山社区\n", -1);
  g_assert_true (gtk_widget_activate_action (setup, "setup.create", NULL));
  g_assert_cmpstr (desk_window_get_mode (window), ==, "main");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (window));

  store = desk_store_open (path, DESK_STORE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  county = desk_settings_get (store, "county");
  g_assert_cmpstr (county, ==, "青山县");
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM villages"), ==, 3);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM villages WHERE name = "
                                               "'西岭村' AND kind = '村'"), ==, 1);
  g_assert_cmpint (desk_test_query_int (store, "SELECT count(*) FROM villages WHERE name = "
                                               "'青山社区' AND kind = '社区'"), ==, 1);
}

static GtkWidget *
find_window_title (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_WINDOW_TITLE (child) &&
          g_str_has_prefix (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (child)), "演示台账"))
        return child;
      found = find_window_title (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The demonstration ledger is made beside the real one on first use and
 * opened in a window of its own that says it is the demonstration. */
static void
test_open_demo (void)
{
  g_autofree char *demo = desk_store_demo_path ();
  DeskWindow *found = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_assert_false (g_file_test (demo, G_FILE_TEST_EXISTS));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  while (found == NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
        if (DESK_IS_WINDOW (l->data) &&
            g_strcmp0 (desk_window_get_path (l->data), demo) == 0)
          found = l->data;
    }
  g_assert_nonnull (found);
  g_assert_cmpstr (desk_window_get_mode (found), ==, "main");
  g_assert_cmpint (desk_store_count_records (desk_window_get_store (found)), >, 1000);
  g_assert_nonnull (find_window_title (GTK_WIDGET (found)));
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.legaldesk.LegalDesk");
    g_autofree char *last = g_settings_get_string (settings, "last-database");

    g_assert_cmpstr (last, !=, demo);
  }
  gtk_window_destroy (GTK_WINDOW (found));
}

/* The window remembers its size, its page and the ledger it opened (but
 * never the demonstration ledger) for the next start. */
static void
test_remembers_state (void)
{
  g_autofree char *path = desk_test_path ("remember.db");
  g_autoptr(GSettings) settings = g_settings_new ("io.github.legaldesk.LegalDesk");
  g_autofree char *last = NULL;
  g_autofree char *page = NULL;
  DeskStore *store;
  DeskWindow *window;

  store = desk_test_open_store ("remember.db");
  g_object_unref (store);

  window = desk_window_new (app, path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "report"));
  gtk_window_close (GTK_WINDOW (window));

  last = g_settings_get_string (settings, "last-database");
  page = g_settings_get_string (settings, "last-page");
  g_assert_cmpstr (last, ==, path);
  g_assert_cmpstr (page, ==, "report");
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);

  /* A new window starts on the page shown last. */
  window = desk_window_new (app, path);
  g_assert_cmpstr (desk_window_get_page (window), ==, "report");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  app = start_app (&argc, &argv);
  if (app == NULL)
    return 0;

  g_test_add_func ("/app/window-shows-station", test_window_shows_station);
  g_test_add_func ("/app/window-explains-damaged-ledger", test_window_explains_damaged_ledger);
  g_test_add_func ("/app/first-start-setup", test_first_start_setup);
  g_test_add_func ("/app/remembers-state", test_remembers_state);
  g_test_add_func ("/app/open-demo", test_open_demo);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
