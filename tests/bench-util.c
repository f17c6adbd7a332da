/* bench-util.c — the helpers of bench-util.h.
 *
 * The ledger of a million records takes about a minute to make, so it is
 * made once into a cache folder and reused.  Its key (records, seed, the
 * day taken as today, the schema version and a checksum of the demo
 * generator's and the schema's sources) is written beside it once it is
 * complete; a ledger whose key differs, or that has none (a run stopped
 * while making it), is made again.
 */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-util.h"
#include "desk-store.h"
#include "desk-test-cli.h"
#include "desk-test-util.h"

const char *
bench_cache_dir (const char *fallback)
{
  const char *dir = g_getenv ("LEGALDESK_BENCH_CACHE");

  return dir != NULL && *dir != '\0' ? dir : fallback;
}

static void
checksum_file (GChecksum  *checksum,
               const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  /* A source that is not there (an installed test) counts as empty. */
  if (g_file_get_contents (path, &contents, &length, NULL))
    g_checksum_update (checksum, (const guchar *) contents, length);
  g_checksum_update (checksum, (const guchar *) path, -1);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* What the cached ledger was made from. */
static char *
ledger_key (gint64 records)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *core = g_build_filename (srcdir != NULL ? srcdir : ".", "..", "src", "core",
                                            NULL);
  g_autofree char *schema = g_build_filename (core, "schema", NULL);
  g_autofree char *demo = g_build_filename (core, "desk-demo.c", NULL);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (schema, 0, NULL);
  const char *name;

  checksum_file (checksum, demo);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".sql"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (schema, g_ptr_array_index (names, i), NULL);

      checksum_file (checksum, path);
    }
  return g_strdup_printf ("records %" G_GINT64_FORMAT "\nseed 1\ntoday %s\nschema %d\n"
                          "sources %s\n", records, g_getenv ("LEGALDESK_TODAY"),
                          desk_store_get_latest_version (), g_checksum_get_string (checksum));
}

static void
remove_ledger (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/* Opens and closes @path: the last connection to close folds the
 * write-ahead log into the file and removes it. */
static void
close_cleanly (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = desk_store_open (path, DESK_STORE_OPEN_NO_CREATE, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

char *
bench_demo_ledger (const char *cache_dir,
                   gint64      records)
{
  g_autofree char *base = g_strdup_printf ("demo-%" G_GINT64_FORMAT ".db", records);
  g_autofree char *path = g_build_filename (cache_dir, base, NULL);
  g_autofree char *key_path = g_strconcat (path, ".key", NULL);
  g_autofree char *key = ledger_key (records);
  g_autofree char *old_key = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *n = NULL;
  g_autoptr(DeskCliResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (g_file_test (path, G_FILE_TEST_EXISTS) &&
      g_file_get_contents (key_path, &old_key, NULL, NULL) && g_str_equal (old_key, key))
    {
      close_cleanly (path);
      g_print ("Ledger of %" G_GINT64_FORMAT " records: %s (kept from an earlier run)\n",
               records, path);
      return g_steal_pointer (&path);
    }

  g_assert_cmpint (g_mkdir_with_parents (cache_dir, 0755), ==, 0);
  g_unlink (key_path);
  remove_ledger (path);
  /* Made under another name and renamed when complete, so that a run
   * stopped halfway, or another one at the same time, finds no half
   * ledger under the real name. */
  tmp = g_strdup_printf ("%s.%d.tmp", path, (int) getpid ());
  remove_ledger (tmp);
  n = g_strdup_printf ("%" G_GINT64_FORMAT, records);
  g_print ("Making the ledger of %s records in %s (about a minute per million)…\n", n,
           cache_dir);
  start = g_get_monotonic_time ();
  result = desk_test_run_cli ("demo", "--records", n, "--database", tmp, NULL);
  if (result->status != 0)
    g_error ("legaldesk-cli demo failed (%d): %s", result->status, result->err);
  g_assert_cmpint (g_rename (tmp, path), ==, 0);
  remove_ledger (tmp);
  g_assert_true (g_file_set_contents (key_path, key, -1, &error));
  g_assert_no_error (error);
  g_print ("  made in %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
  return g_steal_pointer (&path);
}

char *
bench_empty_ledger (const char *name)
{
  g_autofree char *path = desk_test_path (name);
  g_autoptr(DeskCliResult) result = NULL;

  remove_ledger (path);
  result = desk_test_run_cli ("init", "--database", path, "--county", "青山县",
                              "--township", "青山镇", "--station", "青山镇司法所", NULL);
  if (result->status != 0)
    g_error ("legaldesk-cli init failed (%d): %s", result->status, result->err);
  return g_steal_pointer (&path);
}

void
bench_print_load (const char *when)
{
  g_autofree char *load = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
    return;
  g_strstrip (load);
  g_print ("Load average %s: %s (%u processors)\n", when, load, g_get_num_processors ());
}

gint64
bench_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length = strlen (field);

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], field, length) == 0 && lines[i][length] == ':')
      return g_ascii_strtoll (lines[i] + length + 1, NULL, 10);
  return -1;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* The smallest value with at least @p percent of the values at or below. */
static double
percentile (const double *sorted,
            guint         n,
            double        p)
{
  guint rank = (guint) ((p / 100.0) * n + 0.999999);

  return sorted[CLAMP (rank, 1, n) - 1];
}

void
bench_stats (GArray     *values,
             double      limit,
             BenchStats *stats)
{
  g_autoptr(GArray) sorted = NULL;
  const double *v;
  guint n = values->len;

  memset (stats, 0, sizeof *stats);
  stats->n = n;
  if (n == 0)
    return;
  sorted = g_array_copy (values);
  g_array_sort (sorted, compare_double);
  v = (const double *) sorted->data;
  stats->min = v[0];
  stats->median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  stats->p95 = percentile (v, n, 95);
  stats->p99 = percentile (v, n, 99);
  stats->max = v[n - 1];
  for (guint i = 0; i < n; i++)
    if (v[i] > limit)
      stats->over++;
}

char *
bench_runs_text (GArray *values)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < values->len; i++)
    g_string_append_printf (text, "%s%.1f", i > 0 ? " " : "",
                            g_array_index (values, double, i));
  return g_string_free (text, FALSE);
}
