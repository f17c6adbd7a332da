/* bench-search.c — how fast search is on a ledger of a million records.
 *
 * Generates the corpus of search-corpus.c at the size asked (records of
 * every kind, people included), twice: once with the index's triggers on,
 * once suspended with the index rebuilt at the end, and reports the load
 * times, the time to rebuild the index, its size, and the latency of 200
 * queries drawn from the ledger (names, two-character names, ID and phone
 * fragments, phrases, mixed-case numbers, several words, single
 * characters, misses): over every kind (the first 50 hits), and the ids of
 * one kind for a list page.  For comparison, the plain scan the index
 * replaces.
 *
 *   meson test -C _build --benchmark search     (1,000,000 records)
 *   _build/tests/bench-search --records 100000 --keep
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "desk-list-model.h"
#include "desk-search.h"
#include "desk-test-util.h"
#include "search-corpus.h"

static int records = 1000000;
static int n_queries = 200;
static gboolean keep;
static gboolean skip_suspended;

static GOptionEntry entries[] = {
  { "records", 'n', 0, G_OPTION_ARG_INT, &records, "Records to generate", "N" },
  { "queries", 'q', 0, G_OPTION_ARG_INT, &n_queries, "Queries to time", "N" },
  { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep, "Keep the ledger (prints its path)", NULL },
  { "no-suspended", 0, 0, G_OPTION_ARG_NONE, &skip_suspended,
    "Skip the load with the index suspended", NULL },
  { NULL }
};

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static CorpusSize
size_for (int n)
{
  /* Shares of a station's ledger: consultations most, people next. */
  CorpusSize size = {
    .people = n / 5, .consultations = n * 45 / 100, .cases = n * 13 / 100,
    .legal_aid = n * 8 / 100, .screenings = n * 7 / 100, .seed = 1123,
  };

  size.services = n - size.people - size.consultations - size.cases - size.legal_aid -
                  size.screenings;
  return size;
}

static gint64
query_int (DeskStore  *store,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (desk_store_get_db (store), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static DeskStore *
fresh_store (const char *name)
{
  g_autofree char *path = g_build_filename (desk_test_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  DeskStore *store;

  store = desk_store_open (path, DESK_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return store;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  const char *label;
  GArray     *ms;      /* double */
  guint64     found;
} Timing;

static void
timing_report (Timing *t)
{
  double *v;
  guint n = t->ms->len;
  double sum = 0;

  g_array_sort (t->ms, compare_double);
  v = (double *) t->ms->data;
  for (guint i = 0; i < n; i++)
    sum += v[i];
  g_print ("  %-34s n=%3u  p50 %7.2f ms  p95 %7.2f ms  max %7.2f ms  mean %7.2f ms"
           "  (%" G_GUINT64_FORMAT " records found)\n",
           t->label, n, v[n / 2], v[(n * 95 + 99) / 100 - 1], v[n - 1], sum / n, t->found);
}

static const char *
category (const char *q)
{
  gsize len = g_utf8_strlen (q, -1);
  gboolean digits = TRUE;

  for (const char *p = q; *p; p++)
    digits &= g_ascii_isdigit (*p) != 0;
  if (strchr (q, ' ') != NULL)
    return "several words";
  if (len == 1)
    return "one character";
  if (digits)
    return "digits (4+)";
  if (len == 2)
    return "two characters";
  return "three or more characters";
}

static void
time_queries (DeskStore *store,
              GPtrArray *queries)
{
  static const char *const cats[] = {
    "two characters", "three or more characters", "digits (4+)", "several words",
    "one character",
  };
  g_autoptr(GError) error = NULL;
  Timing global = { "every kind, first 50 hits", g_array_new (FALSE, FALSE, sizeof (double)) };
  Timing people = { "people, all ids", g_array_new (FALSE, FALSE, sizeof (double)) };
  Timing consult = { "consultations, all ids", g_array_new (FALSE, FALSE, sizeof (double)) };
  Timing by_cat[G_N_ELEMENTS (cats)];

  for (guint c = 0; c < G_N_ELEMENTS (cats); c++)
    by_cat[c] = (Timing) { cats[c], g_array_new (FALSE, FALSE, sizeof (double)), 0 };

  /* A first pass warms the page cache, as a clerk's second search would. */
  for (guint i = 0; i < queries->len; i++)
    {
      g_autoptr(GArray) hits = NULL;

      g_assert_true (desk_search (store, NULL, g_ptr_array_index (queries, i), 50, 0, &hits,
                                  &error));
    }

  for (guint i = 0; i < queries->len; i++)
    {
      const char *q = g_ptr_array_index (queries, i);
      g_autoptr(GArray) hits = NULL;
      g_autoptr(GArray) ids = NULL;
      g_autoptr(GArray) cids = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      g_assert_true (desk_search (store, NULL, q, 50, 0, &hits, &error));
      ms = (g_get_monotonic_time () - start) / 1e3;
      g_array_append_val (global.ms, ms);
      global.found += hits->len;
      for (guint c = 0; c < G_N_ELEMENTS (cats); c++)
        if (g_str_equal (cats[c], category (q)))
          {
            g_array_append_val (by_cat[c].ms, ms);
            by_cat[c].found += hits->len;
          }

      start = g_get_monotonic_time ();
      g_assert_true (desk_search_ids (store, "people", q, &ids, &error));
      ms = (g_get_monotonic_time () - start) / 1e3;
      g_array_append_val (people.ms, ms);
      people.found += ids->len;

      start = g_get_monotonic_time ();
      g_assert_true (desk_search_ids (store, "consultations", q, &cids, &error));
      ms = (g_get_monotonic_time () - start) / 1e3;
      g_array_append_val (consult.ms, ms);
      consult.found += cids->len;
      if (ms > 250)
        g_print ("  slow: “%s” %.1f ms, %u consultations\n", q, ms, cids->len);
    }
  g_print ("Search latency, %u queries (warm):\n", queries->len);
  timing_report (&global);
  timing_report (&people);
  timing_report (&consult);
  g_print ("By kind of query (every kind, first 50 hits):\n");
  for (guint c = 0; c < G_N_ELEMENTS (cats); c++)
    if (by_cat[c].ms->len > 0)
      timing_report (&by_cat[c]);
}

/* The plain scan the index replaces, for a few queries. */
static void
time_scan (DeskStore *store,
           GPtrArray *queries)
{
  Timing scan = { "people, instr scan (no index)", g_array_new (FALSE, FALSE, sizeof (double)) };
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (desk_store_get_db (store),
                                       "SELECT count(*) FROM search_text_people"
                                       " WHERE instr (lower (text), ?1) > 0", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < MIN (queries->len, 20); i++)
    {
      g_autofree char *q = g_ascii_strdown (g_ptr_array_index (queries, i), -1);
      gint64 start = g_get_monotonic_time ();
      double ms;

      sqlite3_bind_text (stmt, 1, q, -1, SQLITE_TRANSIENT);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      scan.found += sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      ms = (g_get_monotonic_time () - start) / 1e3;
      g_array_append_val (scan.ms, ms);
    }
  sqlite3_finalize (stmt);
  timing_report (&scan);
}

/* Short and common queries: the largest answers. */
static void
time_worst (DeskStore *store)
{
  static const char *const worst[] = {
    "张", "王", "纠", "1", "8", "X", "13", "138", "1380", "2025", "纠纷", "咨询", "法律援助",
    "zx2025",
  };
  g_autoptr(GError) error = NULL;

  g_print ("Short and common queries (ms: every kind first 50 / consultations all ids):\n");
  for (guint i = 0; i < G_N_ELEMENTS (worst); i++)
    {
      g_autoptr(GArray) hits = NULL;
      g_autoptr(GArray) ids = NULL;
      gint64 start = g_get_monotonic_time ();
      double a, b;

      g_assert_true (desk_search (store, NULL, worst[i], 50, 0, &hits, &error));
      a = (g_get_monotonic_time () - start) / 1e3;
      start = g_get_monotonic_time ();
      g_assert_true (desk_search_ids (store, "consultations", worst[i], &ids, &error));
      b = (g_get_monotonic_time () - start) / 1e3;
      g_print ("  %-10s %8.1f / %8.1f   (%u consultations)\n", worst[i], a, b, ids->len);
    }
}

static void
reloaded (GObject      *source,
          GAsyncResult *result,
          gpointer      loop)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (desk_list_model_reload_finish (DESK_LIST_MODEL (source), result, &error));
  g_main_loop_quit (loop);
}

/* Reloads as the window does (in a worker); returns the milliseconds. */
static double
reload (DeskListModel *model,
        GMainLoop     *loop)
{
  gint64 start = g_get_monotonic_time ();

  desk_list_model_reload_async (model, NULL, reloaded, loop);
  g_main_loop_run (loop);
  return (g_get_monotonic_time () - start) / 1e3;
}

/* The list model on the big ledger: reloads, and what a first screen and a
 * jump to the end cost. */
static void
time_list (DeskStore *store)
{
  g_autoptr(DeskListModel) model = desk_list_model_new (store, DESK_LIST_CONSULTATIONS);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  DeskListFilter month = { .from = "2025-03-01", .until = "2025-03-31" };
  DeskListFilter search = { .search = "工伤认定" };
  DeskListFilter name = { .search = "张伟" };
  const struct { const char *label; const DeskListFilter *filter; const char *sort; } runs[] = {
    { "all, newest first", NULL, NULL },
    { "all, by number", NULL, "number" },
    { "all, by person", NULL, "person" },
    { "one month", &month, NULL },
    { "search 工伤认定", &search, NULL },
    { "search 张伟 (via people)", &name, NULL },
  };
  guint n;
  gint64 start;

  g_print ("List of consultations (desk_list_model_reload_async):\n");
  g_print ("  first reload, opening the worker's connection: %.1f ms\n", reload (model, loop));
  for (guint r = 0; r < G_N_ELEMENTS (runs); r++)
    {
      double ms;

      desk_list_model_set_filter (model, runs[r].filter);
      desk_list_model_set_sort (model, runs[r].sort, runs[r].sort == NULL);
      ms = reload (model, loop);
      g_print ("  %-28s %8.1f ms  %u rows\n", runs[r].label, ms,
               g_list_model_get_n_items (G_LIST_MODEL (model)));
    }

  desk_list_model_set_filter (model, NULL);
  desk_list_model_set_sort (model, NULL, TRUE);
  reload (model, loop);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  start = g_get_monotonic_time ();
  for (guint i = 0; i < 50; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  g_print ("  items 0..49: %.2f ms, %" G_GUINT64_FORMAT " rows built\n",
           (g_get_monotonic_time () - start) / 1e3, desk_list_model_get_rows_built (model));
  start = g_get_monotonic_time ();
  for (guint i = n - 50; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
  g_print ("  the last 50 items: %.2f ms, %" G_GUINT64_FORMAT " rows built in all\n",
           (g_get_monotonic_time () - start) / 1e3, desk_list_model_get_rows_built (model));
}

static void
report_sizes (DeskStore *store)
{
  gint64 total = query_int (store, "SELECT sum (pgsize) FROM dbstat");
  gint64 index = query_int (store, "SELECT sum (pgsize) FROM dbstat"
                                   " WHERE name LIKE 'search_index%'");

  g_print ("Ledger %.0f MB, of which the search index %.0f MB\n", total / 1e6, index / 1e6);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  CorpusSize size;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (keep)
    g_setenv ("DESK_TEST_KEEP", "1", TRUE);
  desk_test_init (&argc, &argv);
  size = size_for (records);
  g_print ("Corpus: %d records (%u people, %u consultations, %u cases, %u legal aid,"
           " %u screenings, %u adviser services)\n", records, size.people,
           size.consultations, size.cases, size.legal_aid, size.screenings, size.services);

  if (!skip_suspended)
    {
      g_autoptr(DeskStore) bulk = fresh_store ("suspended.db");
      double load, resume;

      start = g_get_monotonic_time ();
      g_assert_true (desk_search_suspend (bulk, &error));
      corpus_fill (bulk, &size);
      load = seconds_since (start);
      start = g_get_monotonic_time ();
      g_assert_true (desk_search_resume (bulk, &error));
      g_assert_no_error (error);
      resume = seconds_since (start);
      g_print ("Load with the index suspended: %.1f s, then resume (rebuild): %.1f s,"
               " total %.1f s\n", load, resume, load + resume);
      g_clear_object (&bulk);
      if (!keep)
        {
          g_autofree char *path = g_build_filename (desk_test_dir (), "suspended.db", NULL);
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);

          g_unlink (path);
          g_unlink (wal);
          g_unlink (shm);
        }
    }

  store = fresh_store ("bench.db");
  start = g_get_monotonic_time ();
  corpus_fill (store, &size);
  g_print ("Load with the triggers on: %.1f s\n", seconds_since (start));

  report_sizes (store);
  queries = corpus_queries (store, n_queries, 42);
  g_print ("-- on the index the triggers built:\n");
  time_queries (store, queries);
  time_scan (store, queries);

  start = g_get_monotonic_time ();
  g_assert_true (desk_search_rebuild (store, &error));
  g_assert_no_error (error);
  g_print ("Index rebuild (desk_search_rebuild): %.1f s\n", seconds_since (start));
  report_sizes (store);
  g_print ("-- on the rebuilt index:\n");
  time_queries (store, queries);
  time_worst (store);
  time_list (store);

  if (keep)
    g_print ("Ledger kept: %s\n", desk_store_get_path (store));
  return 0;
}
