/* bench-util.h — what the window benchmarks share: the ledger of a
 * million demonstration records, made once and kept in a cache folder,
 * a ledger just set up, the machine's load, the process's memory, and
 * medians and percentiles of timings. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folder the benchmarks keep their ledgers in: LEGALDESK_BENCH_CACHE
 * if set (to share one between build folders), else @fallback. */
const char *bench_cache_dir      (const char *fallback);

/* A ledger of @records records made by `legaldesk-cli demo` (seed 1, today
 * as LEGALDESK_TODAY), in @cache_dir: made once (about a minute for a
 * million records) and reused while the generator, the schema and the day
 * it was made for are the same.  Any write-ahead log left by an earlier
 * run that did not close it is folded in first, so that a timed start does
 * not meet an unclean ledger.  Fatal when it cannot be made. */
char       *bench_demo_ledger    (const char *cache_dir,
                                  gint64      records);

/* A ledger just made with `legaldesk-cli init`, in the test folder. */
char       *bench_empty_ledger   (const char *name);

/* The machine's load average, as /proc/loadavg says, on one line. */
void        bench_print_load     (const char *when);

/* A "kB" field of /proc/self/status (VmRSS, VmHWM), in kB; -1 if absent. */
gint64      bench_status_kb      (const char *field);

typedef struct
{
  guint  n;
  double min;
  double median;
  double p95;
  double p99;
  double max;
  guint  over;    /* above the limit given to bench_stats() */
} BenchStats;

/* Nearest-rank percentiles of @values (double), which stay unsorted. */
void        bench_stats          (GArray     *values,
                                  double      limit,
                                  BenchStats *stats);
/* The values, in the order measured: "12.3 14.0 …" */
char       *bench_runs_text      (GArray     *values);

G_END_DECLS
