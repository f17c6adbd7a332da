/* bench-start-child.c — Legal Desk's start, watched: the program of
 * src/app/main.c with an eye on the window's frame clock, run by
 * bench-start once per timed start.
 *
 * Prints on one line, in microseconds of the monotonic clock (the same in
 * every process): when main() began, when the window's first frame was
 * painted (the first "after-paint" of a frame that had a paint phase), and
 * when the pages that load in workers (the dashboard, the advisers, the
 * report) had their figures.  Then it closes the window, so that the
 * ledger is closed cleanly and the next start does not find a write-ahead
 * log to check.  Exits with 1 if the window did not show the ledger.
 *
 *   bench-start-child --database FILE
 */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include <glib/gi18n.h>

#include "desk-adviser-page.h"
#include "desk-application.h"
#include "desk-dashboard-page.h"
#include "desk-report-page.h"
#include "desk-window.h"

#define GIVE_UP_S 120

static gint64 main_at, painted_at, loaded_at;
static gboolean painting;   /* a paint phase in the frame under way */
static gboolean failed;

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether every page that loads in a worker has its figures. */
static gboolean
pages_loaded (GtkWidget *window)
{
  GtkWidget *dashboard = find_type (window, DESK_TYPE_DASHBOARD_PAGE);
  GtkWidget *advisers = find_type (window, DESK_TYPE_ADVISER_PAGE);
  GtkWidget *report = find_type (window, DESK_TYPE_REPORT_PAGE);

  return (dashboard == NULL || !desk_dashboard_page_get_busy (DESK_DASHBOARD_PAGE (dashboard))) &&
         (advisers == NULL || !desk_adviser_page_get_busy (DESK_ADVISER_PAGE (advisers))) &&
         (report == NULL || !desk_report_page_get_busy (DESK_REPORT_PAGE (report)));
}

static gboolean
wait_loaded (gpointer data)
{
  GtkWidget *window = data;

  if (!pages_loaded (window))
    return G_SOURCE_CONTINUE;
  loaded_at = g_get_monotonic_time ();
  gtk_window_destroy (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
before_paint (GdkFrameClock *clock)
{
  painting = FALSE;
}

static void
paint (GdkFrameClock *clock)
{
  painting = TRUE;
}

static void
after_paint (GdkFrameClock *clock,
             GtkWidget     *window)
{
  if (!painting || painted_at != 0)
    return;
  painted_at = g_get_monotonic_time ();
  g_signal_handlers_disconnect_by_func (clock, before_paint, window);
  g_signal_handlers_disconnect_by_func (clock, paint, window);
  g_signal_handlers_disconnect_by_func (clock, after_paint, window);
  if (g_strcmp0 (desk_window_get_mode (DESK_WINDOW (window)), "main") != 0)
    {
      g_printerr ("The window shows “%s”, not the ledger\n",
                  desk_window_get_mode (DESK_WINDOW (window)));
      failed = TRUE;
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }
  g_timeout_add (2, wait_loaded, window);
}

static void
window_realized (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint), window);
  g_signal_connect (clock, "paint", G_CALLBACK (paint), window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), window);
}

static void
window_added (GtkApplication *app,
              GtkWindow      *window)
{
  if (DESK_IS_WINDOW (window))
    g_signal_connect_after (window, "realize", G_CALLBACK (window_realized), NULL);
}

static gboolean
give_up (gpointer data)
{
  g_printerr ("No window drawn after %d s\n", GIVE_UP_S);
  exit (1);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(DeskApplication) app = NULL;
  const char *localedir = g_getenv ("LEGALDESK_LOCALEDIR");
  int status;

  main_at = g_get_monotonic_time ();

  /* From here to g_application_run(), as main.c does. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Legal Desk"));
  app = desk_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (window_added), NULL);
  g_timeout_add_seconds (GIVE_UP_S, give_up, NULL);
  status = g_application_run (G_APPLICATION (app), argc, argv);

  if (status != 0 || failed || painted_at == 0 || loaded_at == 0)
    return 1;
  printf ("main %" G_GINT64_FORMAT " painted %" G_GINT64_FORMAT " loaded %" G_GINT64_FORMAT
          "\n", main_at, painted_at, loaded_at);
  return 0;
}
