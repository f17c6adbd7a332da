/* desk-cli-bench.c — bench: how long the everyday jobs take on a large
 * ledger, measured the same way on every machine.
 *
 *   bench save     save a consultation (new, then edited) on the ledger of
 *                  a million records, with the ledger's own durability
 *   bench export   export a month's workbook, at 10,000 and a million
 *                  records: the command, then its parts
 *   bench import   import 100,000 rows of consultations.csv
 *   bench demo     make the demonstration ledger of a million records
 *   bench all      all four
 *
 * Each job runs several times and the median is reported with every run's
 * range: a shared machine slows single runs down, and the median of
 * several is what stays comparable.  The load average is printed before
 * and after, so that a reader can tell a quiet machine from a busy one.
 *
 * The demonstration ledgers the jobs read are made once and kept in a
 * cache folder (--cache; default the user's cache folder), named by their
 * size, "today" and schema version; each job works on a copy, so the kept
 * ledger never changes.  "Today" is 2026-11-23 unless LEGALDESK_TODAY says
 * otherwise, so that the same ledgers are made on every machine.
 */
#define G_LOG_DOMAIN "legaldesk-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "desk-cli.h"
#include "desk-consultation.h"
#include "desk-csv.h"
#include "desk-date.h"
#include "desk-demo.h"
#include "desk-export-csv.h"
#include "desk-figures.h"
#include "desk-history.h"
#include "desk-import.h"
#include "desk-settings.h"
#include "desk-xlsx.h"

#define BENCH_TODAY "2026-11-23"
#define MILLION G_GINT64_CONSTANT (1000000)

typedef struct
{
  char     *cache;      /* the folder the ledgers are kept in */
  gint64    records;    /* 0: the job's own sizes */
  int       runs;       /* 0: the job's own number */
  gboolean  fresh;      /* make the kept ledgers again */
  char     *self;       /* this program, for timing whole commands */
} Bench;

static void
bench_clear (Bench *bench)
{
  g_clear_pointer (&bench->cache, g_free);
  g_clear_pointer (&bench->self, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bench, bench_clear)

/* Timing */

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e3;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static GArray *
samples_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (double));
}

static void
samples_add (GArray *samples,
             double  ms)
{
  g_array_append_val (samples, ms);
}

/* The median; sorts @samples. */
static double
samples_median (GArray *samples)
{
  double *v = (double *) samples->data;
  guint n = samples->len;

  if (n == 0)
    return 0;
  g_array_sort (samples, compare_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* "label: median … of N runs (fastest …, slowest …)", in milliseconds, or
 * in seconds when @seconds. */
static void
samples_print (const char *label,
               GArray     *samples,
               gboolean    seconds)
{
  double median = samples_median (samples);
  double *v = (double *) samples->data;
  double scale = seconds ? 1e3 : 1;

  if (samples->len == 0)
    return;
  if (seconds)
    g_print (_("%s: median %.1f s of %u runs (fastest %.1f s, slowest %.1f s)\n"), label,
             median / scale, samples->len, v[0] / scale, v[samples->len - 1] / scale);
  else
    g_print (_("%s: median %.2f ms of %u runs (fastest %.2f ms, slowest %.2f ms)\n"), label,
             median, samples->len, v[0], v[samples->len - 1]);
}

static void
print_load (void)
{
  g_autofree char *loadavg = NULL;

  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    {
      g_auto(GStrv) parts = g_strsplit (loadavg, " ", 4);

      if (g_strv_length (parts) >= 3)
        g_print (_("Load average %s %s %s on %u processors.\n"), parts[0], parts[1], parts[2],
                 g_get_num_processors ());
    }
}

/* Ledgers */

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

static gboolean
ensure_cache (Bench   *bench,
              GError **error)
{
  if (g_mkdir_with_parents (bench->cache, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create the folder “%s”: %s"), bench->cache, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* A kept file's path: its kind and size, "today" and the schema version,
 * so that a ledger made by another version is never used. */
static char *
cache_path (Bench      *bench,
            const char *kind,
            gint64      n,
            const char *suffix)
{
  g_autofree char *today = desk_today ();
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT "-%s-v%d%s", kind, n, today,
                                           desk_store_get_latest_version (), suffix);

  return g_build_filename (bench->cache, name, NULL);
}

/* A work file in the cache folder, unique to this process. */
static char *
work_path (Bench      *bench,
           const char *name)
{
  g_autofree char *file = g_strdup_printf ("work-%d-%s", (int) getpid (), name);

  return g_build_filename (bench->cache, file, NULL);
}

/* The demonstration ledger of @records records (seed 1), made once. */
static char *
demo_ledger (Bench   *bench,
             gint64   records,
             GError **error)
{
  g_autofree char *path = cache_path (bench, "demo", records, ".db");
  g_autofree char *part = NULL;
  g_autoptr(DeskStore) store = NULL;
  gint64 start;

  if (!ensure_cache (bench, error))
    return NULL;
  if (!bench->fresh && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&path);

  part = g_strconcat (path, ".part", NULL);
  remove_ledger (part);
  g_print (_("Making the demonstration ledger of %lld records (kept in “%s”)…\n"),
           (long long) records, path);
  start = g_get_monotonic_time ();
  store = desk_store_open (part, DESK_STORE_OPEN_DEFAULT, error);
  if (store == NULL ||
      !desk_demo_generate (store, records, DESK_DEMO_DEFAULT_SEED, NULL, NULL, NULL, NULL,
                           error))
    {
      g_clear_object (&store);
      remove_ledger (part);
      return NULL;
    }
  g_clear_object (&store);   /* closing checkpoints: one file, no -wal */
  if (g_rename (part, path) != 0)
    {
      int saved = errno;

      remove_ledger (part);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }
  g_print (_("Made in %.1f s.\n"), ms_since (start) / 1e3);
  return g_steal_pointer (&path);
}

/* A copy of the kept ledger to work on.  The copy is synced to the disk
 * before anything is timed: the kernel would otherwise write it out during
 * the first saves, and their syncs would wait for it. */
static gboolean
copy_ledger (const char  *from,
             const char  *to,
             GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  int fd;

  remove_ledger (to);
  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return FALSE;
  fd = g_open (to, O_RDONLY, 0);
  if (fd >= 0)
    {
      g_fsync (fd);
      g_close (fd, NULL);
    }
  return TRUE;
}

static gint64
query_int (DeskStore  *store,
           const char *sql)
{
  sqlite3_stmt *stmt = desk_store_prepare (store, sql, NULL);
  gint64 value = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

/* The month before today's: the one a station exports. */
static void
report_month (int *year,
              int *month)
{
  g_autofree char *today = desk_today ();
  int d;

  desk_date_to_ymd (today, year, month, &d);
  if (--*month == 0)
    {
      *month = 12;
      --*year;
    }
}

/* bench save */

/* Ids of @n live consultations, picked at random (the same ones each time). */
static GArray *
pick_consultations (DeskStore *store,
                    guint      n,
                    GRand     *rand)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 max_id = query_int (store, "SELECT max (id) FROM consultations");
  sqlite3_stmt *stmt = desk_store_prepare (store,
                                           "SELECT id FROM consultations"
                                           " WHERE id >= ?1 AND deleted_at IS NULL"
                                           " ORDER BY id LIMIT 1", NULL);

  if (stmt == NULL || max_id < 1)
    return g_steal_pointer (&ids);
  for (guint i = 0; i < n * 10 && ids->len < n; i++)
    {
      gint64 id;

      sqlite3_bind_int64 (stmt, 1, g_rand_int_range (rand, 1, (gint32) max_id + 1));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
      sqlite3_reset (stmt);
    }
  return g_steal_pointer (&ids);
}

static const char *const contents[] = {
  "咨询人称在工地做工八个月，老板拖欠工资一万二千元，询问如何讨要。",
  "咨询人询问宅基地使用权能否由子女继承，以及办理手续需要哪些材料。",
  "咨询人反映邻居建房占用公共通道，多次协商未果，询问如何处理。",
  "咨询人询问离婚时彩礼能否返还，以及共同财产如何分割。",
};

static const char *const replies[] = {
  "告知可向劳动保障监察部门投诉，也可申请劳动仲裁，并指导其收集证据。",
  "告知继承的相关规定，建议到镇自然资源所咨询具体手续。",
  "建议先由村调委会调解，调解不成可向法院起诉。",
  "告知相关法律规定，建议协商解决，协商不成可起诉。",
};

static int
bench_save (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr(GArray) created = samples_new ();
  g_autoptr(GArray) updated = samples_new ();
  g_autoptr(GArray) targets = NULL;
  g_autoptr(DeskConsultation) model = NULL;
  g_autoptr(DeskReport) report = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *work = NULL;
  g_autofree char *today = desk_today ();
  gint64 records = bench->records > 0 ? bench->records : MILLION;
  int runs = bench->runs > 0 ? bench->runs : 200;
  int year, month;

  g_print (_("== Saving a consultation, ledger of %lld records ==\n"), (long long) records);
  if ((kept = demo_ledger (bench, records, &error)) == NULL)
    return desk_cli_fail (error);
  work = work_path (bench, "save.db");
  if (!copy_ledger (kept, work, &error) ||
      (store = desk_store_open (work, DESK_STORE_OPEN_NO_CREATE, &error)) == NULL)
    {
      remove_ledger (work);
      return desk_cli_fail (error);
    }
  print_load ();

  /* A ledger in use keeps the figures of past months, which each save
   * must then forget for its own month. */
  report_month (&year, &month);
  report = desk_figures_compute (store, year, month, &error);
  targets = pick_consultations (store, runs + 1, rand);
  if (report == NULL || targets->len == 0)
    goto fail;
  model = desk_consultation_get (store, g_array_index (targets, gint64, targets->len - 1),
                                 &error);
  if (model == NULL)
    goto fail;

  for (int i = 0; i < runs; i++)
    {
      g_autoptr(DeskConsultation) c = desk_consultation_new ();
      gint64 start;

      /* Like the one a clerk types: today, a person of the register. */
      c->at = g_strdup_printf ("%s %02d:%02d", today, 8 + i / 60 % 10, i % 60);
      c->staff_id = model->staff_id;
      c->channel_id = model->channel_id;
      c->person_id = model->person_id;
      c->companions = 1;
      c->village_id = model->village_id;
      c->category_id = model->category_id;
      c->content = g_strdup (contents[i % G_N_ELEMENTS (contents)]);
      c->reply = g_strdup (replies[i % G_N_ELEMENTS (replies)]);
      c->result_id = model->result_id;
      start = g_get_monotonic_time ();
      if (desk_consultation_create (store, c, &error) == 0)
        goto fail;
      samples_add (created, ms_since (start));
    }
  samples_print (_("New consultation"), created, FALSE);

  for (int i = 0; i < runs && (guint) i < targets->len - 1; i++)
    {
      g_autoptr(DeskConsultation) c = NULL;
      gint64 start;

      c = desk_consultation_get (store, g_array_index (targets, gint64, i), &error);
      if (c == NULL)
        goto fail;
      g_free (c->content);
      c->content = g_strdup (contents[(i + 1) % G_N_ELEMENTS (contents)]);
      g_free (c->reply);
      c->reply = g_strdup (replies[(i + 1) % G_N_ELEMENTS (replies)]);
      start = g_get_monotonic_time ();
      if (!desk_consultation_update (store, c, &error))
        goto fail;
      samples_add (updated, ms_since (start));
    }
  samples_print (_("Edited consultation"), updated, FALSE);
  print_load ();
  g_clear_object (&store);
  remove_ledger (work);
  return 0;

fail:
  g_clear_object (&store);
  remove_ledger (work);
  if (error == NULL)
    g_set_error (&error, DESK_STORE_ERROR, DESK_STORE_ERROR_SQL,
                 _("The ledger “%s” holds no consultation."), kept);
  return desk_cli_fail (error);
}

/* bench export */

typedef struct
{
  GArray *command;
  GArray *command_cpu;
  GArray *check;
  GArray *compute;
  GArray *workbook;
  GArray *history;
  double  first;
} ExportTimes;

static void
export_times_clear (ExportTimes *t)
{
  g_clear_pointer (&t->command, g_array_unref);
  g_clear_pointer (&t->command_cpu, g_array_unref);
  g_clear_pointer (&t->check, g_array_unref);
  g_clear_pointer (&t->compute, g_array_unref);
  g_clear_pointer (&t->workbook, g_array_unref);
  g_clear_pointer (&t->history, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportTimes, export_times_clear)

/* Processor time of the finished child processes so far, in ms. */
static double
children_cpu_ms (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_CHILDREN, &usage) != 0)
    return 0;
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e3;
}

/* `legaldesk-cli export` on @ledger, as a user runs it: the time it takes
 * and the processor time it uses (which other work on the machine does
 * not lengthen), in milliseconds. */
static gboolean
run_export_command (Bench       *bench,
                    const char  *ledger,
                    const char  *month,
                    const char  *output,
                    double      *ms,
                    double      *cpu_ms,
                    GError     **error)
{
  const char *argv[] = { bench->self, "export", "--month", month, "--force", "--output",
                         output, "--database", ledger, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;
  double cpu = children_cpu_ms ();
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                     &status, error))
    return FALSE;
  *ms = ms_since (start);
  *cpu_ms = children_cpu_ms () - cpu;
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_set_error (error, DESK_STORE_ERROR, DESK_STORE_ERROR_SQL,
                   _("The export failed: %s"), err);
      return FALSE;
    }
  return TRUE;
}

/* The parts of an export, in this process: the checks, the figures, the
 * workbook and the report history. */
static gboolean
time_export_parts (DeskStore    *store,
                   int           year,
                   int           month,
                   const char   *output,
                   ExportTimes  *t,
                   GError      **error)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(DeskReport) report = NULL;
  DeskXlsxOptions options = { .overwrite = TRUE };
  gint64 start;

  start = g_get_monotonic_time ();
  if ((warnings = desk_figures_check (store, year, month, error)) == NULL)
    return FALSE;
  samples_add (t->check, ms_since (start));
  start = g_get_monotonic_time ();
  if ((report = desk_figures_compute (store, year, month, error)) == NULL)
    return FALSE;
  samples_add (t->compute, ms_since (start));
  start = g_get_monotonic_time ();
  if (!desk_xlsx_write (report, output, &options, error))
    return FALSE;
  samples_add (t->workbook, ms_since (start));
  start = g_get_monotonic_time ();
  if (!desk_history_record (store, report, output, "bench", FALSE, NULL, error))
    return FALSE;
  samples_add (t->history, ms_since (start));
  return TRUE;
}

static gboolean
bench_export_size (Bench        *bench,
                   gint64        records,
                   int           runs,
                   ExportTimes  *t,
                   GError      **error)
{
  g_autofree char *kept = NULL;
  g_autofree char *work = NULL;
  g_autofree char *output = NULL;
  g_autofree char *month_key = NULL;
  g_autoptr(DeskStore) store = NULL;
  gboolean ok = FALSE;
  double cpu;
  int year, month;

  g_print (_("== Exporting a month, ledger of %lld records ==\n"), (long long) records);
  if ((kept = demo_ledger (bench, records, error)) == NULL)
    return FALSE;
  work = work_path (bench, "export.db");
  output = work_path (bench, "export.xlsx");
  if (!copy_ledger (kept, work, error))
    goto out;
  report_month (&year, &month);
  month_key = g_strdup_printf ("%04d-%02d", year, month);
  print_load ();

  t->command = samples_new ();
  t->command_cpu = samples_new ();
  t->check = samples_new ();
  t->compute = samples_new ();
  t->workbook = samples_new ();
  t->history = samples_new ();
  /* The first export of a new ledger also keeps the figures of its months
   * (figure_months); what a clerk waits for every month is the next one. */
  if (!run_export_command (bench, work, month_key, output, &t->first, &cpu, error))
    goto out;
  g_print (_("First export (keeps the figures of past months): %.0f ms\n"), t->first);
  for (int i = 0; i < runs; i++)
    {
      double ms;

      if (!run_export_command (bench, work, month_key, output, &ms, &cpu, error))
        goto out;
      samples_add (t->command, ms);
      samples_add (t->command_cpu, cpu);
    }
  samples_print (_("legaldesk-cli export"), t->command, FALSE);
  samples_print (_("  its processor time"), t->command_cpu, FALSE);

  if ((store = desk_store_open (work, DESK_STORE_OPEN_NO_CREATE, error)) == NULL)
    goto out;
  for (int i = 0; i < runs; i++)
    if (!time_export_parts (store, year, month, output, t, error))
      goto out;
  samples_print (_("  checks before export"), t->check, FALSE);
  samples_print (_("  figures"), t->compute, FALSE);
  samples_print (_("  workbook"), t->workbook, FALSE);
  samples_print (_("  report history"), t->history, FALSE);
  print_load ();
  ok = TRUE;

out:
  g_clear_object (&store);
  remove_ledger (work);
  g_unlink (output);
  return ok;
}

static int
bench_export (Bench *bench)
{
  g_auto(ExportTimes) small = { 0 };
  g_auto(ExportTimes) large = { 0 };
  g_autoptr(GError) error = NULL;
  int runs = bench->runs > 0 ? bench->runs : 10;

  if (bench->records > 0)
    return bench_export_size (bench, bench->records, runs, &large, &error) ? 0
           : desk_cli_fail (error);

  if (!bench_export_size (bench, 10000, runs, &small, &error) ||
      !bench_export_size (bench, MILLION, runs, &large, &error))
    return desk_cli_fail (error);
  g_print (_("A million records against 10,000: the command %.2f× (processor time "
             "%.2f×), its parts (checks, figures, workbook, history) %.2f×\n"),
           samples_median (large.command) / samples_median (small.command),
           samples_median (large.command_cpu) / samples_median (small.command_cpu),
           (samples_median (large.check) + samples_median (large.compute) +
            samples_median (large.workbook) + samples_median (large.history)) /
           (samples_median (small.check) + samples_median (small.compute) +
            samples_median (small.workbook) + samples_median (small.history)));
  return 0;
}

/* bench import */

static void
remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
}

/* consultations.csv with the first @rows rows that `export --csv` writes
 * for a demonstration ledger, and the villages.csv they name. */
static char *
import_folder (Bench   *bench,
               gint64   rows,
               GError **error)
{
  g_autofree char *dir = cache_path (bench, "import", rows, "");
  g_autofree char *part = g_strconcat (dir, ".part", NULL);
  g_autofree char *all = g_strconcat (dir, ".all", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr(DeskStore) store = NULL;
  g_autoptr(DeskCsvTable) table = NULL;
  g_autoptr(DeskCsvWriter) writer = desk_csv_writer_new ();
  g_autoptr(GFile) villages_from = NULL;
  g_autoptr(GFile) villages_to = NULL;
  gboolean ok;

  if (!bench->fresh && g_file_test (dir, G_FILE_TEST_IS_DIR))
    return g_steal_pointer (&dir);
  /* 55 of every 100 demonstration records are consultations. */
  if ((kept = demo_ledger (bench, MAX (rows * 2, 10000), error)) == NULL ||
      (store = desk_store_open (kept, DESK_STORE_OPEN_NO_CREATE, error)) == NULL)
    return NULL;
  remove_folder (all);
  remove_folder (part);
  if (!desk_export_csv (store, all, error))
    return NULL;
  g_clear_object (&store);

  from = g_build_filename (all, "consultations.csv", NULL);
  if ((table = desk_csv_table_load (from, NULL, error)) == NULL)
    return NULL;
  /* The cells as the file has them (already escaped where needed). */
  for (guint c = 0; c < table->header->n_fields; c++)
    desk_csv_writer_add_number (writer, table->header->fields[c]);
  desk_csv_writer_end_row (writer);
  for (guint r = 0; r < table->rows->len && r < rows; r++)
    {
      DeskCsvRow *row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < row->n_fields; c++)
        desk_csv_writer_add_number (writer, row->fields[c]);
      desk_csv_writer_end_row (writer);
    }

  g_free (from);
  from = g_build_filename (all, "villages.csv", NULL);
  to = g_build_filename (part, "villages.csv", NULL);
  villages_from = g_file_new_for_path (from);
  villages_to = g_file_new_for_path (to);
  g_free (to);
  to = g_build_filename (part, "consultations.csv", NULL);
  ok = g_mkdir_with_parents (part, 0700) == 0 &&
       g_file_copy (villages_from, villages_to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL,
                    error) &&
       desk_csv_writer_save (writer, to, error);
  remove_folder (all);
  if (ok && g_rename (part, dir) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write “%s”: %s"), dir, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                     _("Cannot create the folder “%s”: %s"), part, g_strerror (errno));
      remove_folder (part);
      return NULL;
    }
  return g_steal_pointer (&dir);
}

static int
bench_import (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = samples_new ();
  g_autofree char *dir = NULL;
  g_autofree char *work = NULL;
  gint64 rows = bench->records > 0 ? bench->records : 100000;
  int runs = bench->runs > 0 ? bench->runs : 3;

  g_print (_("== Importing %lld rows of consultations.csv into a new ledger ==\n"),
           (long long) rows);
  if (!ensure_cache (bench, &error) || (dir = import_folder (bench, rows, &error)) == NULL)
    return desk_cli_fail (error);
  work = work_path (bench, "import.db");
  print_load ();
  for (int i = 0; i < runs; i++)
    {
      g_autoptr(DeskStore) store = NULL;
      g_autoptr(DeskImportReport) report = NULL;
      const char *paths[] = { dir, NULL };
      gint64 start, added;

      remove_ledger (work);
      store = desk_store_open (work, DESK_STORE_OPEN_DEFAULT, &error);
      if (store == NULL)
        return desk_cli_fail (error);
      start = g_get_monotonic_time ();
      if (!desk_import_paths (store, paths, NULL, &report, &error))
        {
          g_autofree char *text = report ? desk_import_report_format (report) : NULL;

          g_clear_object (&store);
          remove_ledger (work);
          if (text != NULL)
            g_printerr ("%s", text);
          return desk_cli_fail (error);
        }
      samples_add (times, ms_since (start));
      added = query_int (store, "SELECT count(*) FROM consultations");
      if (added != rows)
        g_print (_("Only %lld rows could be made from the demonstration ledger.\n"),
                 (long long) added);
      g_clear_object (&store);
    }
  remove_ledger (work);
  samples_print (_("Import"), times, TRUE);
  print_load ();
  return 0;
}

/* bench demo */

typedef struct
{
  gint64 start;
  double records_done;   /* ms when the last record was written */
} DemoClock;

static void
demo_progress (gint64   done,
               gint64   total,
               gpointer user_data)
{
  DemoClock *clock = user_data;

  if (done >= total)
    clock->records_done = ms_since (clock->start);
}

static int
bench_demo (Bench *bench)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) total = samples_new ();
  g_autoptr(GArray) records_part = samples_new ();
  g_autoptr(GArray) rest = samples_new ();
  g_autofree char *work = NULL;
  gint64 records = bench->records > 0 ? bench->records : MILLION;
  int runs = bench->runs > 0 ? bench->runs : 3;

  g_print (_("== Making the demonstration ledger of %lld records ==\n"), (long long) records);
  if (!ensure_cache (bench, &error))
    return desk_cli_fail (error);
  work = work_path (bench, "demo.db");
  print_load ();
  for (int i = 0; i < runs; i++)
    {
      g_autoptr(DeskStore) store = NULL;
      DemoClock clock = { 0 };
      double ms;

      remove_ledger (work);
      store = desk_store_open (work, DESK_STORE_OPEN_DEFAULT, &error);
      clock.start = g_get_monotonic_time ();
      if (store == NULL ||
          !desk_demo_generate (store, records, DESK_DEMO_DEFAULT_SEED, demo_progress, &clock,
                               NULL, NULL, &error))
        {
          g_clear_object (&store);
          remove_ledger (work);
          return desk_cli_fail (error);
        }
      ms = ms_since (clock.start);
      samples_add (total, ms);
      if (clock.records_done > 0)
        {
          samples_add (records_part, clock.records_done);
          samples_add (rest, ms - clock.records_done);
        }
      g_print (_("Run %d: %.1f s\n"), i + 1, ms / 1e3);
    }
  remove_ledger (work);
  samples_print (_("Demonstration ledger"), total, TRUE);
  samples_print (_("  the records"), records_part, TRUE);
  samples_print (_("  then the search index and writing out"), rest, TRUE);
  print_load ();
  return 0;
}

/* The command */

typedef struct
{
  const char *name;
  int       (*run) (Bench *bench);
} Job;

static const Job jobs[] = {
  { "save", bench_save },
  { "export", bench_export },
  { "import", bench_import },
  { "demo", bench_demo },
};

int
desk_cli_bench (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_auto(Bench) bench = { 0 };
  g_autofree char *cache = NULL;
  gint64 records = 0;
  int runs = 0;
  gboolean fresh = FALSE;
  const GOptionEntry entries[] = {
    { "records", 'n', 0, G_OPTION_ARG_INT64, &records,
      N_("The ledger's size (import: the rows to import); default: the job's own"), N_("N") },
    { "runs", 'r', 0, G_OPTION_ARG_INT, &runs,
      N_("How many times to run each job; default: the job's own"), N_("N") },
    { "cache", 'c', 0, G_OPTION_ARG_FILENAME, &cache,
      N_("The folder the demonstration ledgers are kept in"), N_("FOLDER") },
    { "fresh", 0, 0, G_OPTION_ARG_NONE, &fresh,
      N_("Make the kept demonstration ledgers again"), NULL },
    { NULL }
  };
  const char *which;
  int status = 0;

  context = g_option_context_new (_("[save|export|import|demo|all]"));
  g_option_context_set_summary (context,
                                _("Time the everyday jobs on demonstration ledgers: saving "
                                  "a consultation (1,000,000 records), exporting a month "
                                  "(10,000 and 1,000,000), importing 100,000 consultations, "
                                  "making the demonstration ledger (1,000,000).  Each job "
                                  "runs several times and prints the median; the ledgers are "
                                  "made once and kept in the cache folder."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!desk_cli_parse (context, &argc, &argv))
    return 2;
  if (argc > 2)
    return desk_cli_usage_error (_("Unexpected argument “%s”."), argv[2]);
  which = argc > 1 ? argv[1] : "all";
  if (records < 0 || records > DESK_DEMO_MAX_RECORDS)
    return desk_cli_usage_error (_("--records takes a whole number from 1 to %lld."),
                                 (long long) DESK_DEMO_MAX_RECORDS);
  if (runs < 0)
    return desk_cli_usage_error (_("--runs takes a whole number of 1 or more."));

  if (g_getenv ("LEGALDESK_TODAY") == NULL)
    g_setenv ("LEGALDESK_TODAY", BENCH_TODAY, TRUE);
  bench.cache = cache != NULL ? g_steal_pointer (&cache)
                              : g_build_filename (g_get_user_cache_dir (), "legaldesk",
                                                  "bench", NULL);
  bench.records = records;
  bench.runs = runs;
  bench.fresh = fresh;
  bench.self = g_file_read_link ("/proc/self/exe", NULL);
  if (bench.self == NULL)
    bench.self = g_strdup (g_get_prgname ());

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    if (g_str_equal (which, "all") || g_str_equal (which, jobs[i].name))
      {
        status = jobs[i].run (&bench);
        if (status != 0 || !g_str_equal (which, "all"))
          return status;
        bench.fresh = FALSE;   /* once is enough */
      }
  if (!g_str_equal (which, "all"))
    return desk_cli_usage_error (_("There is no job “%s”: choose save, export, import, demo "
                                   "or all."), which);
  return status;
}
