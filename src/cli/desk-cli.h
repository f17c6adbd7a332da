/* desk-cli.h — what the subcommands of legaldesk-cli share.
 *
 * Each subcommand is a function taking its own argv (argv[0] is the
 * subcommand's name) and returning the process's exit status.  They parse
 * their options with GOptionContext; every one takes --database.
 */
#pragma once

#include <glib.h>

#include "desk-store.h"

G_BEGIN_DECLS

typedef int (*DeskCliCommand) (int argc, char **argv);

/* The option every command takes, and its value. */
extern char *desk_cli_database;
#define DESK_CLI_DATABASE_OPTION \
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &desk_cli_database, \
    N_("The ledger file (default: the station's ledger)"), N_("FILE") }

gboolean   desk_cli_parse        (GOptionContext  *context,
                                  int             *argc,
                                  char          ***argv);
DeskStore *desk_cli_open_store   (DeskStoreOpenFlags flags);
const char *desk_cli_database_path (void);
int        desk_cli_fail         (const GError    *error);
int        desk_cli_usage_error  (const char      *format,
                                  ...) G_GNUC_PRINTF (1, 2);

int        desk_cli_init         (int argc, char **argv);
int        desk_cli_config       (int argc, char **argv);
int        desk_cli_holiday      (int argc, char **argv);
int        desk_cli_check        (int argc, char **argv);
int        desk_cli_demo         (int argc, char **argv);
int        desk_cli_backup       (int argc, char **argv);
int        desk_cli_restore      (int argc, char **argv);
int        desk_cli_export       (int argc, char **argv);
int        desk_cli_history      (int argc, char **argv);
int        desk_cli_import       (int argc, char **argv);
/* export --csv DIR; the export command passes its arguments on. */
int        desk_cli_export_csv   (int argc, char **argv);
int        desk_cli_report       (int argc, char **argv);
int        desk_cli_explain      (int argc, char **argv);
int        desk_cli_bench        (int argc, char **argv);

G_END_DECLS
