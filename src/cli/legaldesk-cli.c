/* legaldesk-cli.c — the headless face of Legal Desk.
 *
 * `legaldesk-cli COMMAND [OPTIONS]`: one subcommand per job.  Every command
 * prints a message for the user and exits non-zero on failure.
 */
#define G_LOG_DOMAIN "legaldesk-cli"

#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "desk-cli.h"

char *desk_cli_database;

typedef struct
{
  const char     *name;
  DeskCliCommand  run;
  const char     *summary;
} Command;

static const Command commands[] = {
  { "init", desk_cli_init, N_("Create the station's ledger") },
  { "config", desk_cli_config, N_("Show or change the station's settings") },
  { "holiday", desk_cli_holiday, N_("Keep the holiday calendar") },
  { "demo", desk_cli_demo, N_("Fill a new ledger with demonstration data") },
  { "check", desk_cli_check, N_("Check the ledger's integrity and consistency") },
  { "backup", desk_cli_backup, N_("Copy the ledger to a backup file") },
  { "restore", desk_cli_restore, N_("Put a backup in place of the ledger") },
  { "import", desk_cli_import, N_("Import CSV files of an existing ledger") },
  { "export", desk_cli_export,
    N_("Write the month's workbook (--month), or the ledger as CSV files (--csv)") },
  { "history", desk_cli_history, N_("List the exported workbooks and what changed since") },
  { "report", desk_cli_report, N_("Print the month's statistical forms") },
  { "explain", desk_cli_explain, N_("List the records behind one figure of the forms") },
  { "bench", desk_cli_bench, N_("Time saving, exporting, importing and the demonstration ledger") },
};

gboolean
desk_cli_parse (GOptionContext   *context,
                int              *argc,
                char           ***argv)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

const char *
desk_cli_database_path (void)
{
  static char *fallback;

  if (desk_cli_database != NULL)
    return desk_cli_database;
  if (fallback == NULL)
    fallback = desk_store_default_path ();
  return fallback;
}

DeskStore *
desk_cli_open_store (DeskStoreOpenFlags flags)
{
  g_autoptr(GError) error = NULL;
  DeskStore *store;

  store = desk_store_open (desk_cli_database_path (), flags, &error);
  if (store == NULL)
    {
      if (g_error_matches (error, DESK_STORE_ERROR, DESK_STORE_ERROR_OPEN) &&
          !g_file_test (desk_cli_database_path (), G_FILE_TEST_EXISTS))
        g_printerr (_("The ledger “%s” does not exist. Create it with “legaldesk-cli init”.\n"),
                    desk_cli_database_path ());
      else
        desk_cli_fail (error);
    }
  return store;
}

int
desk_cli_fail (const GError *error)
{
  g_printerr (_("Error: %s\n"), error->message);
  return 1;
}

int
desk_cli_usage_error (const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("%s\n", message);
  return 2;
}

static void
print_help (void)
{
  g_print ("%s\n\n", _("Usage: legaldesk-cli COMMAND [OPTIONS]"));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-10s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("“legaldesk-cli COMMAND --help” describes a command's options."));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("LEGALDESK_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_help ();
      return argc < 2 ? 2 : 0;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("legaldesk-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].name, argv[1]))
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("Unknown command “%s”.\n\n"), argv[1]);
  print_help ();
  return 2;
}
