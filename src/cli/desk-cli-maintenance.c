/* desk-cli-maintenance.c — check, backup and restore. */
#define G_LOG_DOMAIN "legaldesk-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "desk-cli.h"

int
desk_cli_check (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  const GOptionEntry entries[] = { DESK_CLI_DATABASE_OPTION, { NULL } };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Check the ledger's integrity and consistency."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!desk_cli_parse (context, &argc, &argv))
    return 2;

  if ((store = desk_cli_open_store (DESK_STORE_OPEN_NO_CREATE)) == NULL)
    return 1;
  if (!desk_store_check (store, problems, &error))
    return desk_cli_fail (error);
  if (problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s\n", (const char *) g_ptr_array_index (problems, i));
      g_printerr (_("The check found %u problems.\n"), problems->len);
      return 1;
    }
  g_print (_("The ledger is sound: %lld records checked.\n"),
           (long long) desk_store_count_records (store));
  return 0;
}

int
desk_cli_backup (int    argc,
                 char **argv)
{
  g_autofree char *output = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    DESK_CLI_DATABASE_OPTION,
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The backup file to write"),
      N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Copy the ledger to a backup file (SQLite online "
                                           "backup: the program may stay open)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!desk_cli_parse (context, &argc, &argv))
    return 2;
  if (output == NULL)
    return desk_cli_usage_error (_("Name the backup file with --output FILE."));

  if ((store = desk_cli_open_store (DESK_STORE_OPEN_NO_CREATE)) == NULL)
    return 1;
  if (!desk_store_backup (store, output, &error))
    return desk_cli_fail (error);
  g_print (_("Backed up to “%s”.\n"), output);
  return 0;
}

int
desk_cli_restore (int    argc,
                  char **argv)
{
  g_autofree char *input = NULL;
  g_autofree char *aside = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    DESK_CLI_DATABASE_OPTION,
    { "input", 'i', 0, G_OPTION_ARG_FILENAME, &input, N_("The backup file to restore"),
      N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Check a backup, keep the current ledger aside, "
                                           "then put the backup in its place. Close the "
                                           "program first."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!desk_cli_parse (context, &argc, &argv))
    return 2;
  if (input == NULL)
    return desk_cli_usage_error (_("Name the backup file with --input FILE."));

  if (!desk_store_restore (input, desk_cli_database_path (), &aside, &error))
    return desk_cli_fail (error);
  if (aside != NULL)
    g_print (_("The previous ledger is kept as “%s”.\n"), aside);
  g_print (_("Restored “%s” from “%s”.\n"), desk_cli_database_path (), input);
  return 0;
}
