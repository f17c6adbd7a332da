/* desk-cli-demo.c — demo: fill a new ledger with a believable township for
 * trying the program out.  Writes demo.db beside the station's ledger
 * unless --database names another file, and never touches a ledger that
 * already holds records. */
#define G_LOG_DOMAIN "legaldesk-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "desk-cli.h"
#include "desk-demo.h"

typedef struct
{
  int next_step;   /* the next tenth to report */
} Progress;

static void
report_progress (gint64   done,
                 gint64   total,
                 gpointer user_data)
{
  Progress *progress = user_data;

  if (total < 50000)
    return;
  while (progress->next_step <= 10 && done * 10 >= total * progress->next_step)
    {
      if (progress->next_step < 10)
        g_printerr (_("%lld of %lld records written…\n"),
                    (long long) (total * progress->next_step / 10), (long long) total);
      progress->next_step++;
    }
}

static void
remove_ledger (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

int
desk_cli_demo (int    argc,
               char **argv)
{
  gint64 records = DESK_DEMO_DEFAULT_RECORDS;
  gint64 seed = DESK_DEMO_DEFAULT_SEED;
  g_autofree char *default_path = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  DeskDemoSummary summary;
  Progress progress = { 1 };
  const GOptionEntry entries[] = {
    DESK_CLI_DATABASE_OPTION,
    { "records", 'n', 0, G_OPTION_ARG_INT64, &records,
      N_("How many records to write in all (default 6000)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed,
      N_("Seed of the generator: the same seed gives the same data (default 1)"), N_("S") },
    { NULL }
  };
  const char *path;
  gboolean existed;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Fill a new ledger with demonstration data: a "
                                           "township with its villages, committees, "
                                           "advisers, people and records over the last years. "
                                           "Writes demo.db beside the station's ledger unless "
                                           "--database is given."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!desk_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 1)
    return desk_cli_usage_error (_("Unexpected argument “%s”."), argv[1]);
  if (records < 1 || records > DESK_DEMO_MAX_RECORDS)
    return desk_cli_usage_error (_("--records takes a whole number from 1 to %lld."),
                                 (long long) DESK_DEMO_MAX_RECORDS);
  if (seed < 0)
    return desk_cli_usage_error (_("--seed takes a whole number of 0 or more."));

  if (desk_cli_database != NULL)
    path = desk_cli_database;
  else
    path = default_path = desk_store_demo_path ();
  existed = g_file_test (path, G_FILE_TEST_EXISTS);

  store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return desk_cli_fail (error);

  timer = g_timer_new ();
  if (!desk_demo_generate (store, records, (guint64) seed, report_progress, &progress, NULL,
                           &summary, &error))
    {
      desk_cli_fail (error);
      if (g_error_matches (error, DESK_RECORD_ERROR, DESK_RECORD_ERROR_DUPLICATE))
        g_printerr (_("Choose another file with --database, or remove “%s” first.\n"), path);
      g_clear_object (&store);
      if (!existed)
        remove_ledger (path);
      return 1;
    }
  g_clear_object (&store);

  g_print (_("Wrote %lld records into “%s” (%s to %s): %lld consultations, %lld mediation "
             "cases, %lld screenings, %lld legal-aid applications, %lld adviser services, "
             "%lld of them deleted; %lld people and organisations in the register.\n"),
           (long long) (summary.consultations + summary.cases + summary.screenings +
                        summary.legal_aid + summary.services),
           path, summary.first_date, summary.last_date,
           (long long) summary.consultations, (long long) summary.cases,
           (long long) summary.screenings, (long long) summary.legal_aid,
           (long long) summary.services, (long long) summary.deleted,
           (long long) summary.people);
  g_printerr (_("Done in %.1f seconds.\n"), g_timer_elapsed (timer, NULL));
  return 0;
}
