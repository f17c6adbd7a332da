/* bench-start.c — how long the window takes to start with a ledger of a
 * million records, against a ledger just set up.
 *
 * Each start is a fresh process (bench-start-child, the program of
 * main.c with a watch on the frame clock), timed from just before it is
 * spawned to the first frame the window painted, with the dashboard as
 * the first page.  The two ledgers take turns, after one start of each
 * that is not counted (it brings the files into the page cache, as any
 * start after the first finds them).  Prints the median and every run;
 * the targets are printed beside the figures, never enforced: the
 * machine is shared.  Fails only when a start does not work.
 *
 *   meson test -C _build --benchmark window-start -v
 *   _build/tests/bench-start --child _build/tests/bench-start-child --runs 11
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "bench-util.h"
#include "desk-test-util.h"

#define TARGET_MS    500.0
#define TARGET_RATIO 1.5

static int runs = 7;
static gint64 records = 1000000;
static char *cache_dir;
static char *child;

static GOptionEntry entries[] = {
  { "runs", 'r', 0, G_OPTION_ARG_INT, &runs, "Timed starts of each ledger", "N" },
  { "records", 'n', 0, G_OPTION_ARG_INT64, &records, "Records in the big ledger", "N" },
  { "cache-dir", 0, 0, G_OPTION_ARG_FILENAME, &cache_dir,
    "Where the big ledger is kept (LEGALDESK_BENCH_CACHE wins)", "DIR" },
  { "child", 0, 0, G_OPTION_ARG_FILENAME, &child, "The bench-start-child program", "PATH" },
  { NULL }
};

typedef struct
{
  const char *label;
  char       *path;
  GArray     *painted;   /* ms from spawn to the first frame */
  GArray     *main;      /* ms from spawn to main() */
  GArray     *loaded;    /* ms from spawn to the pages' figures */
} Ledger;

/* One start of the window on @ledger; the timings in ms. */
static void
start_once (Ledger  *ledger,
            gboolean counted)
{
  const char *argv[] = { child, "--database", ledger->path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *wal = g_strconcat (ledger->path, "-wal", NULL);
  g_autoptr(GError) error = NULL;
  gint64 spawned, main_at = 0, painted_at = 0, loaded_at = 0;
  int wait_status;
  double ms;

  spawned = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                     &wait_status, &error) ||
      !g_spawn_check_wait_status (wait_status, &error))
    g_error ("The window did not start on %s: %s\n%s", ledger->label,
             error != NULL ? error->message : "", err != NULL ? err : "");
  if (sscanf (out, "main %" G_GINT64_FORMAT " painted %" G_GINT64_FORMAT
              " loaded %" G_GINT64_FORMAT, &main_at, &painted_at, &loaded_at) != 3)
    g_error ("Unexpected output of the start: %s\n%s", out, err);
  /* A log left behind would make the next start check the whole file. */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    g_error ("The window left %s behind: it did not close the ledger", wal);
  if (!counted)
    return;

  ms = (painted_at - spawned) / 1e3;
  g_array_append_val (ledger->painted, ms);
  ms = (main_at - spawned) / 1e3;
  g_array_append_val (ledger->main, ms);
  ms = (loaded_at - spawned) / 1e3;
  g_array_append_val (ledger->loaded, ms);
}

static void
print_figure (const char *what,
              GArray     *values,
              const char *target)
{
  g_autofree char *text = bench_runs_text (values);
  BenchStats stats;

  bench_stats (values, G_MAXDOUBLE, &stats);
  g_print ("  %-28s median %7.1f ms  min–max %.1f–%.1f  %s\n", what, stats.median,
           stats.min, stats.max, target);
  g_print ("  %-28s runs (ms): %s\n", "", text);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *default_cache = NULL;
  Ledger ledgers[2] = { { "an empty ledger" }, { NULL } };
  g_autofree char *big_label = NULL;
  BenchStats empty, big;
  double ratio;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (child == NULL || runs < 1)
    {
      g_printerr ("--child PATH is needed, and --runs of 1 or more\n");
      return 2;
    }
  desk_test_init (&argc, &argv);
  default_cache = g_build_filename (g_get_current_dir (), "bench-cache", NULL);

  bench_print_load ("at the start");
  big_label = g_strdup_printf ("%'" G_GINT64_FORMAT " records", records);
  ledgers[1].label = big_label;
  ledgers[0].path = bench_empty_ledger ("empty.db");
  ledgers[1].path = bench_demo_ledger (bench_cache_dir (cache_dir != NULL ? cache_dir
                                                                           : default_cache),
                                       records);
  for (guint l = 0; l < G_N_ELEMENTS (ledgers); l++)
    {
      ledgers[l].painted = g_array_new (FALSE, FALSE, sizeof (double));
      ledgers[l].main = g_array_new (FALSE, FALSE, sizeof (double));
      ledgers[l].loaded = g_array_new (FALSE, FALSE, sizeof (double));
      start_once (&ledgers[l], FALSE);
    }
  for (int r = 0; r < runs; r++)
    for (guint l = 0; l < G_N_ELEMENTS (ledgers); l++)
      start_once (&ledgers[l], TRUE);

  g_print ("Start of the window, a fresh process each time (%d runs of each after one not "
           "counted), dashboard first:\n", runs);
  for (guint l = 0; l < G_N_ELEMENTS (ledgers); l++)
    {
      g_print (" %s:\n", ledgers[l].label);
      print_figure ("spawn to the first frame", ledgers[l].painted,
                    l == 1 ? "(target < 500 ms)" : "");
      print_figure ("spawn to main()", ledgers[l].main, "");
      print_figure ("spawn to the pages' figures", ledgers[l].loaded, "");
    }
  bench_stats (ledgers[0].painted, G_MAXDOUBLE, &empty);
  bench_stats (ledgers[1].painted, G_MAXDOUBLE, &big);
  ratio = big.median / empty.median;
  g_print ("First frame, %s against an empty ledger: %.2f× the median"
           " (target ≤ %.1f×); %s\n", big_label, ratio, TARGET_RATIO,
           big.median < TARGET_MS && ratio <= TARGET_RATIO ? "both targets met"
                                                           : "TARGET MISSED");
  bench_print_load ("at the end");

  for (guint l = 0; l < G_N_ELEMENTS (ledgers); l++)
    {
      g_free (ledgers[l].path);
      g_array_unref (ledgers[l].painted);
      g_array_unref (ledgers[l].main);
      g_array_unref (ledgers[l].loaded);
    }
  return 0;
}
