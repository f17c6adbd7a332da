/* test-roundtrip.c — the demonstration township exported as CSV, imported
 * into an empty ledger and exported again gives the same files, byte for
 * byte, run through legaldesk-cli as a station would. */
#include "config.h"

#include <string.h>

#include "desk-test-cli.h"
#include "desk-test-util.h"

static const char *const files[] = {
  "villages.csv", "committees.csv", "mediators.csv", "consultations.csv",
  "mediation_cases.csv", "mediation_parties.csv", "screenings.csv", "legal_aid.csv",
  "advisers.csv", "adviser_assignments.csv", "adviser_services.csv",
};

static void
run_ok (const char *const *args)
{
  g_autoptr(DeskCliResult) r = desk_test_run_cliv (args);

  if (r->status != 0)
    g_error ("legaldesk-cli %s failed (%d):\n%s%s", args[0], r->status, r->out, r->err);
}

static void
roundtrip (gconstpointer data)
{
  const char *seed = data;
  g_autofree char *name = g_strdup_printf ("seed-%s", seed);
  g_autofree char *dir = desk_test_path (name);
  g_autofree char *demo = g_build_filename (dir, "demo.db", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *first = g_build_filename (dir, "first", NULL);
  g_autofree char *second = g_build_filename (dir, "second", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  run_ok ((const char *[]) { "demo", "--records", "6000", "--seed", seed, "--database", demo,
                             NULL });
  run_ok ((const char *[]) { "export", "--csv", first, "--database", demo, NULL });
  run_ok ((const char *[]) { "init", "--database", empty, NULL });
  run_ok ((const char *[]) { "import", "--database", empty, first, NULL });
  run_ok ((const char *[]) { "export", "--csv", second, "--database", empty, NULL });

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *a_path = g_build_filename (first, files[i], NULL);
      g_autofree char *b_path = g_build_filename (second, files[i], NULL);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      gsize a_len, b_len;

      g_assert_true (g_file_get_contents (a_path, &a, &a_len, NULL));
      g_assert_true (g_file_get_contents (b_path, &b, &b_len, NULL));
      /* Every kind of the demonstration township has rows beyond its header. */
      g_assert_nonnull (strchr (strchr (a, '\n') + 1, '\n'));
      if (a_len != b_len || memcmp (a, b, a_len) != 0)
        g_error ("%s differs after export → import → export", files[i]);
    }
}

int
main (int    argc,
      char **argv)
{
  desk_test_init (&argc, &argv);

  g_test_add_data_func ("/roundtrip/demo-seed-5", "5", roundtrip);
  g_test_add_data_func ("/roundtrip/demo-seed-11", "11", roundtrip);

  return g_test_run ();
}
