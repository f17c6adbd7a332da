/* desk-cli-export.c — export and history: the monthly workbook for the
 * county, and the record of what was sent.  `export --csv FOLDER` is the
 * ledger's CSV export (desk-cli-io.c).
 *
 * A month exported before whose figures have changed since is exported as a
 * corrected workbook (（更正） in the titles and the file name) without being
 * asked, and the changed figures are listed: sending the county a second
 * plain workbook for the same month would leave it two versions to choose
 * from.  Once a month has had a correction, its later exports stay
 * corrected for the same reason.
 */
#define G_LOG_DOMAIN "legaldesk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-cli.h"
#include "desk-date.h"
#include "desk-figures.h"
#include "desk-history.h"
#include "desk-settings.h"
#include "desk-xlsx.h"

static void
print_warnings (GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    {
      DeskReportWarning *warning = g_ptr_array_index (warnings, i);

      g_print (_("Warning: %s\n"), warning->message);
      for (guint r = 0; warning->records && r < warning->records->len; r++)
        {
          DeskRecordRef *ref = g_ptr_array_index (warning->records, r);

          g_print ("    %s  %s  %s\n", ref->number ? ref->number : "",
                   ref->date ? ref->date : "", ref->description ? ref->description : "");
        }
    }
}

static void
print_changes (GPtrArray *changes)
{
  for (guint i = 0; i < changes->len; i++)
    {
      g_autofree char *line = desk_figure_change_describe (g_ptr_array_index (changes, i));

      g_print ("  %s\n", line);
    }
}

/* Who exported: the station's 填报人, else the account's name. */
static char *
exporter_name (DeskStore *store)
{
  g_autofree char *clerk = desk_settings_get (store, "clerk");

  if (clerk != NULL && *clerk != '\0')
    return g_steal_pointer (&clerk);
  return g_strdup (g_get_user_name ());
}

int
desk_cli_export (int    argc,
                 char **argv)
{
  g_autofree char *month_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *report_date = NULL;
  g_autofree char *csv_dir = NULL;
  gboolean force = FALSE;
  gboolean corrected = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(DeskReport) report = NULL;
  g_autoptr(DeskExport) last = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *by = NULL;
  g_autofree char *month_key = NULL;
  const GOptionEntry entries[] = {
    DESK_CLI_DATABASE_OPTION,
    { "month", 'm', 0, G_OPTION_ARG_STRING, &month_text, N_("The report month, e.g. 2026-11"),
      N_("YYYY-MM") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file or folder to write (default: the standard name in the current folder)"),
      N_("FILE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace an existing file"), NULL },
    { "corrected", 0, 0, G_OPTION_ARG_NONE, &corrected,
      N_("Mark the workbook as a correction (（更正）)"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &report_date,
      N_("The date of submission (报送日期; default: today)"), N_("DATE") },
    /* listed for --help; handled by desk_cli_export_csv() above */
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_dir,
      N_("Write every record kind as CSV files into this folder"), N_("FOLDER") },
    { NULL }
  };
  DeskXlsxOptions options = { 0, };
  int year, month;

  /* `export --csv FOLDER` writes the ledger as CSV files instead. */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--csv") || g_str_has_prefix (argv[i], "--csv="))
      return desk_cli_export_csv (argc, argv);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Write the month's statistical workbook for the county.\n"
                                  "A month whose figures changed since its last export is "
                                  "written as a corrected workbook."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!desk_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 1)
    return desk_cli_usage_error (_("Unexpected argument “%s”."), argv[1]);
  if (month_text == NULL)
    return desk_cli_usage_error (_("Name the month to export (--month 2026-11), or a folder for CSV files "
                                   "(--csv FOLDER)."));
  if (!desk_month_parse (month_text, &year, &month))
    return desk_cli_usage_error (_("“%s” is not a month; write it as 2026-11."), month_text);
  if (report_date != NULL)
    {
      g_autofree char *parsed = desk_date_parse (report_date, year);

      if (parsed == NULL)
        return desk_cli_usage_error (_("“%s” is not a date; write it as 2026-10-01"),
                                     report_date);
      g_free (report_date);
      report_date = g_steal_pointer (&parsed);
    }

  month_key = g_strdup_printf ("%04d-%02d", year, month);

  if ((store = desk_cli_open_store (DESK_STORE_OPEN_NO_CREATE)) == NULL)
    return 1;
  if (!desk_figures_can_export (store, &error))
    {
      /* the message says what is missing and that it blocks the export */
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Warnings inform; they never block. */
  warnings = desk_figures_check (store, year, month, &error);
  if (warnings == NULL)
    return desk_cli_fail (error);
  print_warnings (warnings);

  report = desk_figures_compute (store, year, month, &error);
  if (report == NULL)
    return desk_cli_fail (error);

  last = desk_history_last (store, year, month, &error);
  if (error != NULL)
    return desk_cli_fail (error);
  if (last != NULL)
    {
      g_autofree char *figures = desk_history_serialize (report);

      changes = desk_history_compare (last->figures, figures);
      if (changes->len > 0)
        {
          g_print (_("The figures of %s changed since it was exported on %s:\n"),
                   month_key, last->exported_at);
          print_changes (changes);
          if (!corrected)
            g_print (_("The workbook is written as a correction (（更正）).\n"));
          corrected = TRUE;
        }
      else if (last->corrected && !corrected)
        {
          g_print (_("%s was last sent as a correction; this export is one too.\n"),
                   month_key);
          corrected = TRUE;
        }
    }

  name = desk_xlsx_file_name (report, corrected);
  if (output == NULL)
    {
      g_autofree char *cwd = g_get_current_dir ();

      path = g_build_filename (cwd, name, NULL);
    }
  else if (g_file_test (output, G_FILE_TEST_IS_DIR))
    path = g_build_filename (output, name, NULL);
  else
    path = g_strdup (output);

  options.corrected = corrected;
  options.report_date = report_date;
  options.overwrite = force;
  if (!desk_xlsx_write (report, path, &options, &error))
    {
      desk_cli_fail (error);
      if (g_error_matches (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE))
        g_printerr ("%s\n", _("Use --force to replace it."));
      return 1;
    }

  by = exporter_name (store);
  if (!desk_history_record (store, report, path, by, corrected, NULL, &error))
    {
      g_printerr (_("The workbook “%s” was written, but the report history could not "
                    "record it.\n"), path);
      return desk_cli_fail (error);
    }
  g_print (_("Wrote “%s”.\n"), path);
  return 0;
}

/* Pads @text with spaces to @width display columns. */
static void
print_cell (const char *text,
            int         width)
{
  int pad = width - desk_xlsx_display_width (text);

  g_print ("%s%*s", text, MAX (pad, 0) + 2, "");
}

int
desk_cli_history (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) exports = NULL;
  g_autoptr(GPtrArray) table = NULL;
  g_autoptr(GHashTable) months = NULL;
  const GOptionEntry entries[] = { DESK_CLI_DATABASE_OPTION, { NULL } };
  enum { N_COLUMNS = 6 };
  int widths[N_COLUMNS] = { 0, };
  gboolean any_change = FALSE;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("List the workbooks exported, and the figures that changed "
                                  "since a month was exported."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!desk_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 1)
    return desk_cli_usage_error (_("Unexpected argument “%s”."), argv[1]);

  if ((store = desk_cli_open_store (DESK_STORE_OPEN_NO_CREATE)) == NULL)
    return 1;
  exports = desk_history_list (store, &error);
  if (exports == NULL)
    return desk_cli_fail (error);
  if (exports->len == 0)
    {
      g_print ("%s\n", _("No workbook has been exported yet."));
      return 0;
    }

  /* The table: a heading, then one line per export. */
  table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (table, g_strdupv ((char *[]) { _("Month"), _("Exported at"), _("By"),
                                                  _("Correction"), _("File"), "SHA-256",
                                                  NULL }));
  for (guint i = 0; i < exports->len; i++)
    {
      DeskExport *e = g_ptr_array_index (exports, i);
      char **line = g_new0 (char *, N_COLUMNS + 1);

      line[0] = g_strdup_printf ("%04d-%02d", e->year, e->month);
      line[1] = g_strdup (e->exported_at);
      line[2] = g_strdup (e->exported_by ? e->exported_by : "");
      line[3] = g_strdup (e->corrected ? _("yes") : "");
      line[4] = g_strdup (e->file_name);
      line[5] = g_strdup (e->sha256);
      g_ptr_array_add (table, line);
    }
  for (guint i = 0; i < table->len; i++)
    for (guint c = 0; c < N_COLUMNS; c++)
      widths[c] = MAX (widths[c],
                       desk_xlsx_display_width (((char **) g_ptr_array_index (table, i))[c]));
  for (guint i = 0; i < table->len; i++)
    {
      char **line = g_ptr_array_index (table, i);

      for (guint c = 0; c + 1 < N_COLUMNS; c++)
        print_cell (line[c], widths[c]);
      g_print ("%s\n", line[N_COLUMNS - 1]);
    }

  /* Each month once, in the order of first export. */
  months = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < exports->len; i++)
    {
      DeskExport *e = g_ptr_array_index (exports, i);
      char **line = g_ptr_array_index (table, i + 1);
      g_autoptr(GPtrArray) changes = NULL;
      g_autoptr(DeskExport) last = NULL;

      if (g_hash_table_contains (months, line[0]))
        continue;
      g_hash_table_add (months, line[0]);
      changes = desk_history_changes (store, e->year, e->month, &error);
      if (changes == NULL)
        return desk_cli_fail (error);
      if (changes->len == 0)
        continue;
      last = desk_history_last (store, e->year, e->month, &error);
      if (last == NULL)
        return desk_cli_fail (error);
      any_change = TRUE;
      g_print ("\n");
      g_print (_("The figures of %s changed since it was exported on %s:\n"), line[0],
               last->exported_at);
      print_changes (changes);
    }
  if (any_change)
    g_print ("\n%s\n", _("Export those months again to send corrected workbooks."));
  else
    g_print ("\n%s\n", _("No figure has changed since its export."));
  return 0;
}
