/* desk-test-cli.c — runs the built legaldesk-cli in the test's private
 * home, capturing its exit status and output. */
#include "config.h"

#include <stdarg.h>

#include "desk-test-cli.h"

void
desk_cli_result_free (DeskCliResult *result)
{
  if (result == NULL)
    return;
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

DeskCliResult *
desk_test_run_cliv (const char *const *args)
{
  const char *cli = g_getenv ("LEGALDESK_CLI");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  DeskCliResult *result = g_new0 (DeskCliResult, 1);
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  if (WIFEXITED (wait_status))
    result->status = WEXITSTATUS (wait_status);
  else
    result->status = -1;
  if (g_test_verbose ())
    g_test_message ("legaldesk-cli %s → %d\n%s%s", args[0] ? args[0] : "", result->status,
                    result->out, result->err);
  return result;
}

DeskCliResult *
desk_test_run_cli (const char *first_arg,
                   ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  return desk_test_run_cliv ((const char *const *) args->pdata);
}
