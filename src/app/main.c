/* main.c — starts Legal Desk. */
#define G_LOG_DOMAIN "legaldesk"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "desk-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(DeskApplication) app = NULL;
  const char *localedir = g_getenv ("LEGALDESK_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Legal Desk"));
  app = desk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
