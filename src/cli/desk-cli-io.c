/* desk-cli-io.c — import (CSV files in) and export --csv (CSV files out). */
#define G_LOG_DOMAIN "legaldesk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-cli.h"
#include "desk-export-csv.h"
#include "desk-import.h"

int
desk_cli_import (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    DESK_CLI_DATABASE_OPTION,
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check and count everything, write nothing"), NULL },
    { NULL }
  };
  DeskImportOptions options = { 0 };

  context = g_option_context_new (_("PATH…"));
  g_option_context_set_summary (context,
                                _("Import CSV files (villages.csv, consultations.csv, …) or "
                                  "folders holding them.  Everything is imported in one go, "
                                  "or nothing when any row has an error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!desk_cli_parse (context, &argc, &argv))
    return 2;
  if (argc < 2)
    return desk_cli_usage_error (_("Name the files or folders to import."));

  if ((store = desk_cli_open_store (DESK_STORE_OPEN_NO_CREATE)) == NULL)
    return 1;

  options.dry_run = dry_run;
  desk_import_paths (store, (const char *const *) argv + 1, &options, &report, &error);
  if (report != NULL)
    {
      text = desk_import_report_format (report);
      g_print ("%s", text);
    }
  if (error != NULL)
    {
      /* The report already lists the rows' errors. */
      if (!g_error_matches (error, DESK_IMPORT_ERROR, DESK_IMPORT_ERROR_ROWS))
        desk_cli_fail (error);
      return 1;
    }
  return 0;
}

/**
 * desk_cli_export_csv:
 *
 * `export --csv DIR`: the `export` command hands its arguments here when
 * --csv is given.
 */
int
desk_cli_export_csv (int    argc,
                     char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    DESK_CLI_DATABASE_OPTION,
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &dir,
      N_("Write every record kind as CSV files into this folder"), N_("FOLDER") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Export the ledger as CSV files, one per record kind, in "
                                  "the format the import reads."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!desk_cli_parse (context, &argc, &argv))
    return 2;
  if (dir == NULL)
    return desk_cli_usage_error (_("Say where to write the files: --csv FOLDER."));
  if (argc > 1)
    return desk_cli_usage_error (_("Unexpected argument “%s”."), argv[1]);

  if ((store = desk_cli_open_store (DESK_STORE_OPEN_NO_CREATE | DESK_STORE_OPEN_READONLY))
      == NULL)
    return 1;
  if (!desk_export_csv (store, dir, &error))
    return desk_cli_fail (error);
  g_print (_("Exported the ledger as CSV files into “%s”.\n"), dir);
  return 0;
}
