/* desk-cli-setup.c — init, config and holiday: setting a station up. */
#define G_LOG_DOMAIN "legaldesk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-cli.h"
#include "desk-date.h"
#include "desk-settings.h"

int
desk_cli_init (int    argc,
               char **argv)
{
  g_autofree char *county = NULL;
  g_autofree char *township = NULL;
  g_autofree char *station = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    DESK_CLI_DATABASE_OPTION,
    { "county", 0, 0, G_OPTION_ARG_STRING, &county, N_("County, e.g. 青山县"), N_("NAME") },
    { "township", 0, 0, G_OPTION_ARG_STRING, &township, N_("Township, e.g. 青山镇"), N_("NAME") },
    { "station", 0, 0, G_OPTION_ARG_STRING, &station, N_("Station, e.g. 青山镇司法所"), N_("NAME") },
    { NULL }
  };
  const char *path;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Create the station's ledger."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!desk_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 1)
    return desk_cli_usage_error (_("Unexpected argument “%s”."), argv[1]);

  path = desk_cli_database_path ();
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_printerr (_("The ledger “%s” already exists; change its settings with "
                    "“legaldesk-cli config set”.\n"), path);
      return 1;
    }
  store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  if (store == NULL)
    return desk_cli_fail (error);

  if (!desk_store_begin (store, &error) ||
      (county && !desk_settings_set (store, "county", county, &error)) ||
      (township && !desk_settings_set (store, "township", township, &error)) ||
      (station && !desk_settings_set (store, "station", station, &error)))
    {
      if (desk_store_in_transaction (store))
        desk_store_rollback (store);
      return desk_cli_fail (error);
    }
  if (!desk_store_commit (store, &error))
    return desk_cli_fail (error);

  g_print (_("Created the ledger “%s”.\n"), path);
  return 0;
}

static int
config_list (DeskStore *store)
{
  const DeskSettingInfo *keys;
  guint n;

  keys = desk_settings_keys (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = desk_settings_get (store, keys[i].key);

      g_print ("%-22s %s\t# %s\n", keys[i].key, value ? value : "", _(keys[i].title));
    }
  return 0;
}

int
desk_cli_config (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = { DESK_CLI_DATABASE_OPTION, { NULL } };
  const char *verb;

  context = g_option_context_new (_("list | get KEY | set KEY VALUE"));
  g_option_context_set_summary (context, _("Show or change the station's settings."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!desk_cli_parse (context, &argc, &argv))
    return 2;
  verb = argc > 1 ? argv[1] : "list";

  if (g_str_equal (verb, "list") && argc <= 2)
    {
      if ((store = desk_cli_open_store (DESK_STORE_OPEN_NO_CREATE)) == NULL)
        return 1;
      return config_list (store);
    }
  if (g_str_equal (verb, "get") && argc == 3)
    {
      g_autofree char *value = NULL;

      if (desk_settings_find_key (argv[2]) == NULL)
        return desk_cli_usage_error (_("There is no setting “%s”; “config list” shows them."),
                                     argv[2]);
      if ((store = desk_cli_open_store (DESK_STORE_OPEN_NO_CREATE)) == NULL)
        return 1;
      value = desk_settings_get (store, argv[2]);
      g_print ("%s\n", value ? value : "");
      return 0;
    }
  if (g_str_equal (verb, "set") && argc == 4)
    {
      if (desk_settings_find_key (argv[2]) == NULL)
        return desk_cli_usage_error (_("There is no setting “%s”; “config list” shows them."),
                                     argv[2]);
      if ((store = desk_cli_open_store (DESK_STORE_OPEN_NO_CREATE)) == NULL)
        return 1;
      if (!desk_settings_set (store, argv[2], argv[3], &error))
        return desk_cli_fail (error);
      return 0;
    }
  return desk_cli_usage_error (_("Usage: legaldesk-cli config list | get KEY | set KEY VALUE"));
}

int
desk_cli_holiday (int    argc,
                  char **argv)
{
  gboolean workday = FALSE;
  g_autofree char *note = NULL;
  int year = 0;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    DESK_CLI_DATABASE_OPTION,
    { "workday", 0, 0, G_OPTION_ARG_NONE, &workday,
      N_("The date is a make-up working day, not a holiday"), NULL },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What the day is, e.g. 国庆节"), N_("TEXT") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_("List only this year"), N_("YEAR") },
    { NULL }
  };
  const char *verb;

  context = g_option_context_new (_("add DATE [--workday] | remove DATE | list"));
  g_option_context_set_summary (context, _("Keep the holiday calendar that working-day "
                                           "limits count by."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!desk_cli_parse (context, &argc, &argv))
    return 2;
  verb = argc > 1 ? argv[1] : "list";

  if (g_str_equal (verb, "list") && argc <= 2)
    {
      g_autoptr(GPtrArray) days = NULL;

      if ((store = desk_cli_open_store (DESK_STORE_OPEN_NO_CREATE)) == NULL)
        return 1;
      days = desk_holidays_list (store, year);
      for (guint i = 0; i < days->len; i++)
        {
          DeskHoliday *h = g_ptr_array_index (days, i);

          g_print ("%s  %s  %s\n", h->date, h->workday ? _("working day") : _("holiday"),
                   h->note ? h->note : "");
        }
      return 0;
    }
  if ((g_str_equal (verb, "add") || g_str_equal (verb, "remove")) && argc == 3)
    {
      if ((store = desk_cli_open_store (DESK_STORE_OPEN_NO_CREATE)) == NULL)
        return 1;
      if (g_str_equal (verb, "add") && !desk_holidays_add (store, argv[2], workday, note, &error))
        return desk_cli_fail (error);
      if (g_str_equal (verb, "remove") && !desk_holidays_remove (store, argv[2], &error))
        return desk_cli_fail (error);
      return 0;
    }
  return desk_cli_usage_error (_("Usage: legaldesk-cli holiday add DATE [--workday] | "
                                 "remove DATE | list"));
}
