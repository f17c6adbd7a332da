/* desk-test-cli.h — running legaldesk-cli as a user would, from tests. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;     /* exit status */
  char *out;        /* standard output */
  char *err;        /* standard error */
} DeskCliResult;

void           desk_cli_result_free (DeskCliResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeskCliResult, desk_cli_result_free)

DeskCliResult *desk_test_run_cli    (const char    *first_arg,
                                     ...) G_GNUC_NULL_TERMINATED;
DeskCliResult *desk_test_run_cliv   (const char *const *args);

G_END_DECLS
